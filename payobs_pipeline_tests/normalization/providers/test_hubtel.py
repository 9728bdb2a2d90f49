"""Hubtel mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import hubtel
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("hubtel")

def _case(name: str) -> dict:
    data = next(c["data"] for c in CASES if c["name"] == name)
    return copy.deepcopy(data["payload"] if "provider" in data else data)


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(hubtel.SPEC)
    assert set(hubtel.STATUSES.values()) <= set(StatusCategory.__members__)
    assert set(hubtel.REASONS.values()) <= set(FailureReason.__members__)


@pytest.mark.parametrize(("code", "status", "reason"), [
    ("2102", "DECLINED", "INSUFFICIENT_FUNDS"), ("2101", "DECLINED", "AUTHENTICATION_FAILED"),
    ("2153", "DECLINED", "LIMIT_EXCEEDED"), ("0005", "UNKNOWN", "TIMEOUT"), ("0001", "PENDING", None),
])
def test_the_response_code_names_the_outcome_and_reason(code, status, reason):
    document = _case("callback_processor_failed")
    document["ResponseCode"] = code
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason) == (status, reason)


def test_the_callback_is_in_cedis_on_the_merchants_reference():
    event = normalized_event(_case("callback_success"))
    assert (event.amount_minor, event.currency, event.payment_id) == (50, "GHS", "Kaks545253")
