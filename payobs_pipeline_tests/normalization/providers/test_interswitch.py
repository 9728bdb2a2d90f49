"""Interswitch (WebPAY) mapping: corpus labels, detection by shape, and pinned behaviour (the checks every provider
passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import interswitch
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

CASES = provider_cases("interswitch")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_corpus_case_matches_its_labels(case):
    assert_case_matches_labels(case)


@pytest.mark.parametrize("case", [c for c in CASES if not has_hint(c["data"]) and "unprocessed" not in c["expected"]],
                         ids=lambda c: c["name"])
def test_unhinted_documented_shapes_are_interswitch(case):
    assert_detected_by_shape(case)


def test_no_other_corpus_scores_as_interswitch():
    assert other_corpora_scoring_on("interswitch") == {}


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(interswitch.SPEC)
    assert set(interswitch.STATUSES.values()) <= set(StatusCategory.__members__)
    assert set(interswitch.REASONS.values()) <= set(FailureReason.__members__)


@pytest.mark.parametrize(("code", "expected"), [
    ("Z8", ("DECLINED", "INVALID_CARD_DATA")),
    ("Z4", ("ERROR", "CONFIGURATION_ERROR")),
    ("A0", ("ERROR", "PROCESSING_ERROR")),
    ("17", ("CANCELLED", None)),
    ("61", ("DECLINED", "LIMIT_EXCEEDED")),
])
def test_each_response_code_is_its_outcome(code, expected):
    document = _case("query_insufficient_funds")
    document["ResponseCode"] = code
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason) == expected
