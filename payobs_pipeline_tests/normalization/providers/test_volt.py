"""Volt mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import volt
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("volt")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(volt.SPEC)
    assert {*volt.STATUSES.values(), *volt.REFUND_STATUSES.values()} <= set(StatusCategory.__members__)
    assert {*volt.REASONS.values(), *volt.ERROR_CODES.values()} <= set(FailureReason.__members__)


@pytest.mark.parametrize(("detailed", "status", "reason"), [
    ("REFUSED_BY_RISK", "DECLINED", "RISK_REJECTED"), ("REFUSED_BY_BANK", "DECLINED", "GENERIC_DECLINE"),
    ("ERROR_AT_BANK", "ERROR", "PROCESSING_ERROR"), ("FAILED", "ERROR", "PROCESSING_ERROR"),
    ("CANCELLED_BY_USER", "CANCELLED", None), ("ABANDONED_BY_USER", "CANCELLED", None),
    ("RECEIVED", "APPROVED", None), ("SETTLED", "APPROVED", None), ("BANK_REDIRECT", "PENDING", None)])
def test_the_detailed_status_decides_over_the_broad_group(detailed, status, reason):
    document = _case("notification_refused_by_bank")
    document["detailedStatus"] = detailed
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason) == (status, reason)


def test_a_notification_without_currency_gives_no_amount():
    event = normalized_event(_case("notification_completed"))
    assert (event.amount_minor, event.currency, event.attempt_id, event.payment_id) == (
        None, None, "292d48f6-90f3-450b-93eb-0b480b8b70dd", "Invoice-12345")


def test_a_refund_names_itself_and_the_payment_it_refunds():
    event = normalized_event(_case("refund_confirmed"))
    assert (event.event_kind, event.refund_id, event.attempt_id, event.amount_minor, event.currency) == (
        "REFUND", "026cefa0-a174-4ca3-a1e6-533a129d9c32", "01dfb01b-c5ab-49e4-bfa4-277c766d5ecc", 100, "GBP")


def test_an_error_body_is_an_error_with_its_code():
    event = normalized_event(_case("error_bad_request_hinted"))
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == (
        "ERROR", "INVALID_REQUEST", "BAD_REQUEST")
