"""YooKassa mapping: pinned behaviour (the checks every provider
passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import yookassa
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("yookassa")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(yookassa.SPEC)
    assert {*yookassa.PAYMENT_STATUSES.values(), *yookassa.REFUND_STATUSES.values()} <= set(StatusCategory.__members__)
    reasons = [*yookassa.PAYMENT_REASONS.values(), *yookassa.REFUND_REASONS.values(), *yookassa.ERRORS.values()]
    assert {r["reason"] if isinstance(r, dict) else r for r in reasons} <= set(FailureReason.__members__)


@pytest.mark.parametrize(("reason", "expected"), [
    ("issuer_unavailable", "ISSUER_UNAVAILABLE"),
    ("invalid_card_number", "INVALID_CARD_DATA"),
    ("payment_method_restricted", "RESTRICTED_CARD"),
    ("country_forbidden", "TRANSACTION_NOT_PERMITTED"),
    ("call_issuer", "GENERIC_DECLINE"),
])
def test_each_documented_cancellation_reason_of_a_payment_is_a_decline_reason(reason, expected):
    document = _case("canceled_card_expired")
    document["cancellation_details"]["reason"] = reason
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == ("DECLINED", expected, reason)


def test_an_authorization_not_captured_in_time_is_released():
    document = _case("canceled_by_merchant_two_stage")
    document["cancellation_details"] = {"party": "yoo_money", "reason": "expired_on_capture"}
    event = normalized_event(document)
    assert (event.status_category, event.event_kind, event.failure_reason) == ("CANCELLED", "VOID", None)


def test_a_refund_names_its_payment_as_the_attempt():
    event = normalized_event(_case("refund_succeeded"))
    assert (event.refund_id, event.payment_id, event.attempt_id) == (
        "216749f7-0016-50be-b000-078d43a63ae4", "216749da-000f-50be-b000-096747fad91e",
        "216749da-000f-50be-b000-096747fad91e")


def test_a_refund_reason_reads_the_refund_table():
    document = _case("refund_canceled_insufficient_funds")
    document["cancellation_details"]["reason"] = "rejected_by_timeout"
    assert normalized_event(document).failure_reason == "TIMEOUT"
