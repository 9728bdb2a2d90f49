"""Finix mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import finix
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("finix")
# Razorpay's detector reads entity "dispute" alone as its own: it reaches the threshold on Finix dispute webhooks,
# which still score higher as Finix (respond_by, _embedded.disputes).
CONTRACT = {"shared_shapes": ["razorpay"]}


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(finix.SPEC)
    assert set(finix.STATES.values()) <= set(StatusCategory.__members__)
    assert {*finix.FAILURE_CODES.values(), *finix.ERROR_CODES.values()} <= set(FailureReason.__members__)


@pytest.mark.parametrize(("code", "reason"), [("PICK_UP_CARD", "LOST_OR_STOLEN_CARD"), ("PAYMENT_STOPPED", "REVOKED"),
                                              ("EXCEEDS_APPROVAL_LIMIT", "LIMIT_EXCEEDED"),
                                              ("ISSUER_POLICY_VIOLATION", "TRANSACTION_NOT_PERMITTED")])
def test_the_failure_code_names_the_reason(code, reason):
    document = _case("transfer_debit_failed_insufficient_funds")
    document["failure_code"] = code
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == ("DECLINED", reason, code)


def test_a_declined_error_body_reads_the_nested_failure_code():
    event = normalized_event(_case("error_declined_402"))
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == (
        "DECLINED", "INSUFFICIENT_FUNDS", "INSUFFICIENT_FUNDS")


def test_a_balance_transfer_is_not_a_payment():
    document = _case("transfer_debit_succeeded")
    document["type"] = "SETTLEMENT"
    with pytest.raises(Exception, match="NOT_A_PAYMENT_EVENT"):
        normalized_event(document)
