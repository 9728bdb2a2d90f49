"""Rabo Smart Pay (Rabobank OmniKassa 2.0) mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

# What test_provider_contract.py expects of this provider where it differs from every provider's default.
CONTRACT = {
    # Distinct failure reasons among its DECLINED cases: its documentation gives a single decline reason.
    "decline_reasons": 1,
}

CASES = provider_cases("rabosmartpay")


def _case(name: str) -> dict:
    data = copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))
    return data.get("payload", data)


def test_a_status_pull_of_one_order_is_that_order():
    event = normalized_event(_case("status_pull_completed_ideal"))
    assert (event.provider_transaction_id, event.payment_id, event.attempt_id) == (
        "1d0a95f4-2589-439b-9562-c50aa19f9caf", "order100", "22b36073-57a3-4c3d-9585-87f2e55275a5")


def test_the_reserved_error_code_is_not_read_as_a_reason():
    body = _case("status_pull_cancelled_ideal")
    body["orderResults"][0]["errorCode"] = "fakekmirima"
    assert normalized_event(body).raw_reason_code is None


@pytest.mark.parametrize("status", ["COMPLETED", "CANCELLED", "EXPIRED"])
def test_every_documented_order_result_status_is_mapped(status):
    body = _case("status_pull_completed_ideal")
    body["orderResults"][0]["orderStatus"] = status
    assert str(normalized_event(body).status_category) == ("APPROVED" if status == "COMPLETED" else "CANCELLED")


def test_a_refund_names_the_transaction_it_refunds():
    event = normalized_event(_case("refund_details_succeeded"))
    assert (str(event.event_kind), event.refund_id, event.attempt_id) == (
        "REFUND", "d4b1f0e2-6c3a-4e8b-9f7d-2a1c0b9e8d7f", "22b36073-57a3-4c3d-9585-87f2e55275a5")
