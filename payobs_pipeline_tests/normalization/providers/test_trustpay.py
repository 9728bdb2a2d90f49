"""TrustPay mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import trustpay
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("trustpay")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(trustpay.SPEC, trustpay.prepare)
    statuses = {*trustpay.CARD_STATUSES.values(), *trustpay.RESULT_STATUSES.values(), *trustpay.MAPI_STATUSES.values(),
                *trustpay.WEBHOOK_STATUSES.values()}
    assert statuses <= set(StatusCategory.__members__)
    reasons = {*trustpay.RESULT_REASONS.values(), *trustpay.MAPI_REASONS.values()}
    reasons |= {r if isinstance(r, str) else r["reason"] for r in trustpay.CARD_REASONS.values()}
    assert reasons <= set(FailureReason.__members__)


@pytest.mark.parametrize(("code", "status", "reason"), [
    ("800.100.151", "DECLINED", "INVALID_CARD_DATA"), ("800.100.162", "DECLINED", "LIMIT_EXCEEDED"),
    ("800.300.401", "DECLINED", "RISK_REJECTED"), ("100.390.118", "DECLINED", "SUSPECTED_FRAUD"),
    ("400.001.601", "DECLINED", "GENERIC_DECLINE"), ("900.100.100", "ERROR", "PROCESSING_ERROR"),
    ("000.100.110", "APPROVED", None)])
def test_the_card_result_code_names_status_and_reason(code, status, reason):
    document = _case("card_declined_insufficient_funds")
    document["paymentStatus"] = code
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason) == (status, reason)


def test_prepare_leaves_the_answer_untouched():
    document = _case("card_declined_insufficient_funds")
    prepared = trustpay.prepare(document)
    assert document == _case("card_declined_insufficient_funds")
    assert prepared[trustpay.RESULT_GROUP] == "rejected_bank"


def test_an_outgoing_paid_webhook_is_a_refund():
    event = normalized_event(_case("webhook_refund_paid"))
    assert (event.status_category, event.event_kind, event.amount_minor, event.currency) == (
        "REFUNDED", "REFUND", 500, "EUR")


def test_a_merchant_api_error_code_is_an_error():
    event = normalized_event({"provider": "trustpay", "payload": _case("merchant_api_notification_refund").replace(
        "RES=0", "RES=1004")})
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == (
        "ERROR", "CONFIGURATION_ERROR", "1004")
