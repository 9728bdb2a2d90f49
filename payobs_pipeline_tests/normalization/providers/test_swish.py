"""Swish mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import swish
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("swish")


def _case(name: str) -> dict:
    data = next(c["data"] for c in CASES if c["name"] == name)
    return copy.deepcopy(data.get("payload", data))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(swish.SPEC)
    assert {*swish.STATUSES.values(), *swish.REFUND_STATUSES.values()} <= set(StatusCategory.__members__)
    assert set(swish.ERROR_CODES.values()) <= set(FailureReason.__members__)


@pytest.mark.parametrize(("code", "status", "reason"), [
    ("RF07", "DECLINED", "GENERIC_DECLINE"), ("BANKIDCL", "CANCELLED", None), ("TM01", "CANCELLED", None),
    ("DS24", "UNKNOWN", "TIMEOUT"), ("FF10", "ERROR", "PROCESSING_ERROR"),
    ("BANKIDONGOING", "ERROR", "PROCESSING_ERROR"),
    ("ACMT01", "DECLINED", "TRANSACTION_NOT_PERMITTED"),
])
def test_the_error_code_of_a_payment_request_names_its_outcome(code, status, reason):
    document = _case("error_rf07_declined")
    document["errorCode"] = code
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason) == (status, reason)


def test_a_refund_is_its_own_object_paid_by_the_merchant():
    event = normalized_event(_case("refund_paid"))
    assert (event.event_kind, event.refund_id, event.merchant_id, event.amount_minor, event.currency) == (
        "REFUND", "ABC2D7406ECE4542A80152D909EF9F6B", "1231181189", 10000, "SEK")
