"""Decidir / Payway Argentina mapping: pinned behaviour (the checks every
provider passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import decidir
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("decidir")


def _case(name: str) -> dict:
    data = next(c["data"] for c in CASES if c["name"] == name)
    return copy.deepcopy(data["payload"] if "payload" in data else data)


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(decidir.SPEC)
    maps = (decidir.STATUSES, decidir.VOID_STATUSES, decidir.REFUNDED_STATUSES, decidir.REFUND_STATUSES)
    assert {status for m in maps for status in m.values()} <= set(StatusCategory.__members__)
    reasons = {*decidir.BRAND_REASONS.values(), *decidir.CARD_ERROR_TYPES.values(), *decidir.ERROR_TYPES.values()}
    assert reasons <= set(FailureReason.__members__)


@pytest.mark.parametrize(("reason_id", "reason"), [(51, "INSUFFICIENT_FUNDS"), (54, "EXPIRED_CARD"),
                                                   (45, "TRANSACTION_NOT_PERMITTED"), (56, "RESTRICTED_CARD"),
                                                   (91, "ISSUER_UNAVAILABLE"), (43, "LOST_OR_STOLEN_CARD")])
def test_the_brand_reason_id_nested_in_status_details_names_the_reason(reason_id, reason):
    document = _case("payment_rejected_denied_hinted")
    document["status_details"]["error"]["reason"]["id"] = reason_id
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == ("DECLINED", reason, str(reason_id))


def test_the_brand_reason_wins_over_the_error_type():
    document = _case("payment_rejected_insufficient_funds")
    document["status_details"]["error"]["type"] = "card_declined"
    assert normalized_event(document).failure_reason == "INSUFFICIENT_FUNDS"


def test_an_error_body_is_an_error_not_a_payment():
    event = normalized_event(_case("error_invalid_request"))
    assert (event.status_category, event.failure_reason, event.amount_minor) == ("ERROR", "INVALID_REQUEST", None)


def test_the_payment_is_the_merchants_site_transaction_id():
    event = normalized_event(_case("payment_approved"))
    assert (event.attempt_id, event.payment_id, event.amount_minor, event.currency) == (
        "2289935", "12042017_20", 2000, "ARS")
