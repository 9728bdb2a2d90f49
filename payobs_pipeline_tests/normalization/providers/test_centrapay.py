"""Centrapay mapping: pinned behaviour (the checks every provider passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import centrapay
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("centrapay")


def _case(name: str) -> dict:
    data = copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))
    return data.get("payload", data)


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(centrapay.SPEC)
    for status_map in (centrapay.PAYMENT_REQUEST_STATUSES, centrapay.ACTIVITY_TYPES,
                       centrapay.LEGACY_TRANSACTION_TYPES):
        assert set(status_map.values()) <= set(StatusCategory.__members__)
    reasons = {*centrapay.CANCELLATION_REASONS.values(), *centrapay.ERROR_MESSAGES.values(),
               *centrapay.HTTP_STATUSES.values()}
    assert reasons <= set(FailureReason.__members__)


@pytest.mark.parametrize(("reason_code", "status", "reason"), [
    ("CANCELLED_BY_PATRON", "CANCELLED", None), ("DECLINED_BY_PATRON", "CANCELLED", None),
    ("PAYMENT_REQUEST_EXPIRED", "CANCELLED", None), ("INSUFFICIENT_ASSET_VALUE", "DECLINED", "INSUFFICIENT_FUNDS"),
    ("DECLINED_BY_MERCHANT", "DECLINED", "RISK_REJECTED"), ("PREAUTH_EXPIRED", "ERROR", "INVALID_REQUEST")])
def test_the_cancellation_reason_tells_a_refusal_from_a_cancellation(reason_code, status, reason):
    document = _case("centrapay_void_unpaid_cancellation_by_merchant")
    document["cancellationReason"] = reason_code
    event = normalized_event({"provider": "centrapay", "payload": document})
    assert (event.status_category, event.failure_reason) == (status, reason)


@pytest.mark.parametrize(("message", "status", "reason"), [
    ("QUOTA_EXCEEDED", "DECLINED", "LIMIT_EXCEEDED"), ("INACTIVE_ASSET", "DECLINED", "RESTRICTED_CARD"),
    ("REPEAT_REFERENCE", "ERROR", "DUPLICATE"), ("INVALID_MERCHANT_CONFIG", "ERROR", "CONFIGURATION_ERROR")])
def test_an_error_body_reads_its_business_rule_code(message, status, reason):
    event = normalized_event({"provider": "centrapay",
                              "payload": {"statusCode": 403, "error": "Forbidden", "message": message}})
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == (status, reason, message)


def test_a_refund_activity_names_its_payment_request_and_no_refund_id():
    event = normalized_event(_case("centrapay_activity_list_partial_refund"))
    assert (event.event_kind, event.amount_minor, event.payment_id, event.refund_id) == (
        "REFUND", 600, "MhocUmpxxmgdHjr7DgKoKw", None)


def test_the_legacy_webhook_reads_the_decoded_transaction():
    event = normalized_event(_case("centrapay_legacy_webhook_transaction_completed"))
    assert (event.provider, event.status_category, event.amount_minor, event.currency, event.attempt_id) == (
        "centrapay", "APPROVED", 2000, "NZD", "aba4b07d-fd12-43bc-bbb1-12fda46d9937")
