"""MONEI mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import monei
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("monei")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(monei.SPEC)
    assert set(monei.STATUSES.values()) <= set(StatusCategory.__members__)
    assert {*monei.REASONS.values(), *monei.HTTP_REASONS.values()} <= set(FailureReason.__members__)
    assert set(monei.PAYMENT_METHODS.values()) <= {"CARD", "WALLET", "BANK_TRANSFER", "BNPL", "DIRECT_DEBIT",
                                                  "CASH_VOUCHER"}


@pytest.mark.parametrize(("code", "reason"), [("E201", "GENERIC_DECLINE"), ("E503", "INCORRECT_CVC"),
                                              ("E518", "LIMIT_EXCEEDED"), ("E642", "INSUFFICIENT_FUNDS"),
                                              ("E227", "REVOKED"), ("E101", "CONFIGURATION_ERROR")])
def test_the_status_code_names_the_reason_of_a_failed_payment(code, reason):
    document = _case("payment_failed_insufficient_funds")
    document["statusCode"] = code
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == ("DECLINED", reason, code)


@pytest.mark.parametrize("code", monei.CUSTOMER_CANCELLED_CODES)
def test_a_customer_who_gave_up_is_cancelled_not_declined(code):
    document = _case("payment_failed_insufficient_funds")
    document["statusCode"] = code
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason) == ("CANCELLED", None)


def test_a_refund_is_counted_for_its_own_amount_on_the_payment_it_refunds():
    event = normalized_event(_case("payment_partially_refunded"))
    assert (event.event_kind, event.amount_minor, event.payment_id, event.attempt_id) == (
        "REFUND", 4000, "14379133960365", "4f617cfac9035dbe8fc04b6c8d0e2f46")


def test_an_account_webhook_reads_the_payment_it_wraps():
    event = normalized_event(_case("account_webhook_payment_succeeded"))
    assert (event.provider, event.status_category, event.attempt_id, event.card_brand) == (
        "monei", "APPROVED", "61839e1ceb257fd0abe26d8eaf204b68", "mastercard")
