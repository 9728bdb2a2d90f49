"""Novalnet mapping: pinned behaviour (the checks every provider passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

# Its declines have no documented reason table (the spec's docstring): UNKNOWN is the only decline reason.
CONTRACT = {"decline_reasons": 1}

CASES = provider_cases("novalnet")


def _case(name: str) -> dict:
    data = copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))
    return data.get("payload", data)


def test_a_failure_result_wins_over_the_transaction_state():
    # "The decision making about the API/Notification result will solely depend on ... result.status".
    body = _case("webhook_payment_card_confirmed")
    body["result"] = {"status": "FAILURE", "status_code": 300085, "status_text": "x"}
    assert str(normalized_event(body).status_category) == "DECLINED"


def test_a_chargeback_is_its_own_tid_on_the_parent_transaction():
    event = normalized_event(_case("webhook_chargeback_return_debit"))
    assert (event.dispute_id, event.attempt_id, event.payment_id) == (
        "14523200045680001", "14523200045678901", "ORD-5521")


def test_a_refund_names_its_own_tid_and_amount():
    event = normalized_event(_case("webhook_refund_partial"))
    assert (event.refund_id, event.amount_minor, event.attempt_id) == ("14523200045679999", 500, "14523200045678901")
