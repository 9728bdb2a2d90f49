"""TrueLayer mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import truelayer
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("truelayer")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(truelayer.SPEC)
    statuses = {*truelayer.PAYMENT_STATUSES.values(), *truelayer.REFUND_STATUSES.values(),
                *truelayer.PAYMENT_WEBHOOKS.values(), *truelayer.REFUND_WEBHOOKS.values()}
    assert statuses <= set(StatusCategory.__members__)
    assert {*truelayer.REASONS.values(), *truelayer.ERROR_REASONS.values()} <= set(FailureReason.__members__)


@pytest.mark.parametrize(("code", "reason"), [("insufficient_funds", "INSUFFICIENT_FUNDS"),
                                              ("provider_rejected", "GENERIC_DECLINE"),
                                              ("mandate_revoked", "REVOKED"),
                                              ("payment_limit_exceeded", "LIMIT_EXCEEDED"),
                                              ("invalid_otp", "AUTHENTICATION_FAILED"),
                                              ("verification_declined", "RISK_REJECTED")])
def test_the_failure_reason_names_the_reason_of_a_failed_payment(code, reason):
    document = _case("payment_failed_authorization_failed")
    document["failure_reason"] = code
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == ("DECLINED", reason, code)


@pytest.mark.parametrize("code", truelayer.CANCELLED_REASONS)
def test_a_payment_the_user_gave_up_or_let_lapse_is_cancelled(code):
    for name in ("payment_failed_authorization_failed", "webhook_payment_failed_provider_rejected"):
        document = _case(name)
        document["failure_reason"] = code
        event = normalized_event(document)
        assert (event.status_category, event.failure_reason) == ("CANCELLED", None)


def test_an_authorised_payment_is_still_pending_until_the_bank_executes_it():
    assert normalized_event(_case("payment_authorized")).status_category == "PENDING"
    assert normalized_event(_case("webhook_payment_authorized")).status_category == "PENDING"


def test_a_refund_webhook_names_the_refund_and_the_payment_it_refunds():
    event = normalized_event(_case("webhook_refund_executed"))
    assert (event.event_kind, event.refund_id, event.payment_id, event.attempt_id) == (
        "REFUND", "af386a24-e5e6-4508-a4e4-82d4bc4e3677", "dfb531ca-8e25-4753-bc23-0c7eeb8d4f29",
        "dfb531ca-8e25-4753-bc23-0c7eeb8d4f29")


def test_a_problem_details_error_is_an_error_with_its_title_as_the_code():
    event = normalized_event(_case("error_unauthenticated"))
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == (
        "ERROR", "CONFIGURATION_ERROR", "Unauthenticated")
