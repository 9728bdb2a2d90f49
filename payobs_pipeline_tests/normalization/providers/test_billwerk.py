"""Billwerk+ Pay mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import billwerk
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline.normalization.evaluation import normalize_lake_data
from payobs_pipeline_tests.normalization.corpus_checks import NORMALIZER, normalized_event, provider_cases

CASES = provider_cases("billwerk")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(billwerk.SPEC)
    statuses = {*billwerk.CHARGE_STATES.values(), *billwerk.REFUND_STATES.values(), *billwerk.INVOICE_EVENTS.values()}
    assert statuses <= set(StatusCategory.__members__)
    reasons = {r if isinstance(r, str) else r["reason"] for r in billwerk.TRANSACTION_ERRORS.values()}
    assert {*reasons, *billwerk.HTTP_REASONS.values()} <= set(FailureReason.__members__)


@pytest.mark.parametrize(("error", "error_state", "status", "reason", "decline_type"), [
    ("credit_card_lost_or_stolen", "hard_declined", "DECLINED", "LOST_OR_STOLEN_CARD", "HARD"),
    ("sca_required", "hard_declined", "DECLINED", "AUTHENTICATION_REQUIRED", None),
    ("settle_blocked", "soft_declined", "DECLINED", "GENERIC_DECLINE", "SOFT"),
    ("acquirer_configuration_error", "processing_error", "ERROR", "CONFIGURATION_ERROR", None)])
def test_the_transaction_error_names_the_reason(error, error_state, status, reason, decline_type):
    document = _case("charge_failed_insufficient_funds")
    document.update(error=error, error_state=error_state)
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == (status, reason, error)
    if decline_type:
        assert event.decline_type == decline_type


@pytest.mark.parametrize("event_type", ["invoice_dunning", "subscription_renewal", "customer_payment_method_failed"])
def test_bookkeeping_events_are_not_payments(event_type):
    document = _case("webhook_invoice_settled")
    document["event_type"] = event_type
    assert normalize_lake_data(document, None, NORMALIZER).unprocessed_reason == "NOT_A_PAYMENT_EVENT"


def test_a_refund_names_itself_and_the_transaction_it_refunds():
    event = normalized_event(_case("refund_refunded_hinted"))
    assert (event.event_kind, event.refund_id, event.attempt_id, event.payment_id) == (
        "REFUND", "2c4e9a5dec3c59b80a3b4d5e6f708192", "a6c1c8e5c4b4d1f0e2b3a4c5d6e7f809", "order-12345")
