"""Hubtel mapping: corpus labels, detection by shape, and pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import hubtel
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import (
    assert_case_matches_labels,
    assert_detected_by_shape,
    case_ids,
    has_hint,
    normalized_event,
    other_corpora_scoring_on,
    provider_cases,
)

CASES = provider_cases("hubtel")

def _case(name: str) -> dict:
    data = next(c["data"] for c in CASES if c["name"] == name)
    return copy.deepcopy(data["payload"] if "provider" in data else data)


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_corpus_case_matches_its_labels(case):
    assert_case_matches_labels(case)


@pytest.mark.parametrize("case", [c for c in CASES if not has_hint(c["data"]) and "unprocessed" not in c["expected"]],
                         ids=lambda c: c["name"])
def test_unhinted_documented_shapes_are_hubtel(case):
    assert_detected_by_shape(case)


def test_no_other_corpus_scores_as_hubtel():
    assert other_corpora_scoring_on("hubtel") == {}


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
