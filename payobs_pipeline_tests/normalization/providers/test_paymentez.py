"""Paymentez mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import paymentez
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("paymentez")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(paymentez.SPEC)
    assert {*paymentez.STATUS_DETAILS.values(), *paymentez.STATUSES.values()} <= set(StatusCategory.__members__)
    assert set(paymentez.REASONS.values()) <= set(FailureReason.__members__)


@pytest.mark.parametrize(("detail", "status", "reason"), [
    (9, "DECLINED", "GENERIC_DECLINE"), (12, "DECLINED", "RISK_REJECTED"), (19, "DECLINED", "AUTHENTICATION_FAILED"),
    (13, "DECLINED", "TIMEOUT"), (15, "CANCELLED", None), (3, "APPROVED", None), (35, "PENDING", None)])
def test_the_status_detail_decides_the_outcome(detail, status, reason):
    document = _case("webhook_paymentez_fraud")
    document["transaction"]["status_detail"] = detail
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason) == (status, reason)


def test_a_carrier_code_is_not_read_as_an_iso_code():
    document = _case("authorize_rejected_by_carrier")
    document["transaction"]["carrier_code"] = "51"
    event = normalized_event(document)
    assert (event.failure_reason, event.raw_reason_code) == ("GENERIC_DECLINE", "9")


def test_a_merchant_refund_requested_is_a_pending_refund():
    document = _case("webhook_refund")
    document["transaction"]["status_detail"] = 28
    event = normalized_event(document)
    assert (event.status_category, event.event_kind) == ("PENDING", "REFUND")


def test_no_amount_is_read_without_a_currency():
    event = normalized_event(_case("debit_cc_paid"))
    assert (event.amount_minor, event.currency, event.payment_id) == (None, None, "Testing")
