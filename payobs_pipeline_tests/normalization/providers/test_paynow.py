"""Paynow (mBank) mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import paynow
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("paynow")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(paynow.SPEC)
    assert {*paynow.PAYMENT_STATUSES.values(), *paynow.REFUND_STATUSES.values()} <= set(StatusCategory.__members__)
    assert {*paynow.ERROR_TYPES.values(), *paynow.REFUND_FAILURES.values()} <= set(FailureReason.__members__)


def test_a_notification_names_the_attempt_and_the_merchants_payment():
    event = normalized_event(_case("notification_confirmed"))
    assert (event.attempt_id, event.payment_id, event.amount_minor, event.currency) == (
        "NOLV-8F9-08K-WGD", "9fea23c7-cd5c-4884-9842-6f8592be65df", None, None)


@pytest.mark.parametrize(("status", "category", "kind"), [("NEW", "PENDING", "PAYMENT"),
                                                          ("EXPIRED", "CANCELLED", "PAYMENT"),
                                                          ("ABANDONED", "CANCELLED", "PAYMENT"),
                                                          ("CONFIRMED", "APPROVED", "AUTHORIZATION")])
def test_a_payment_no_buyer_attempted_is_the_payment_as_a_whole(status, category, kind):
    document = _case("notification_pending")
    document["status"] = status
    event = normalized_event(document)
    assert (event.status_category, event.event_kind) == (category, kind)


def test_a_payment_in_error_is_a_processing_error():
    event = normalized_event(_case("notification_error"))
    assert (event.status_category, event.failure_reason) == ("ERROR", "PROCESSING_ERROR")


def test_a_failed_refund_reads_its_failure_reason():
    event = normalized_event(_case("refund_failed_card_balance_hinted"))
    assert (event.event_kind, event.status_category, event.failure_reason, event.refund_id) == (
        "REFUND", "DECLINED", "INSUFFICIENT_FUNDS", "R3FU-UND-D8K-WZE")


def test_an_error_body_reads_the_first_errors_type():
    event = normalized_event(_case("error_400_blik_code_invalid"))
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == (
        "ERROR", "AUTHENTICATION_FAILED", "AUTHORIZATION_CODE_INVALID")
