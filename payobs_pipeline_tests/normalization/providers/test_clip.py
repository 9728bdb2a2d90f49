"""Clip mapping: corpus labels, detection by shape, and pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import clip
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import (
    assert_case_matches_labels,
    assert_detected_by_shape,
    case_ids,
    has_hint,
    normalized_event,
    other_corpora_scoring_on,
    provider_cases,
)

CASES = provider_cases("clip")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_corpus_case_matches_its_labels(case):
    assert_case_matches_labels(case)


@pytest.mark.parametrize("case", [c for c in CASES if not has_hint(c["data"]) and "unprocessed" not in c["expected"]],
                         ids=lambda c: c["name"])
def test_unhinted_documented_shapes_are_clip(case):
    assert_detected_by_shape(case)


def test_no_other_corpus_scores_as_clip():
    assert other_corpora_scoring_on("clip") == {}


def test_every_mapped_status_is_canonical():
    CompiledMapping(clip.SPEC)
    assert set(clip.STATUSES.values()) <= set(StatusCategory.__members__)


def test_the_payment_id_is_the_attempt_and_external_reference_the_payment():
    event = normalized_event(_case("approved_paid_external_reference"))
    assert (event.attempt_id, event.payment_id, event.amount_minor) == (
        "a81c2f-11d0-4b7e-9c2a-7f1e3b9d20", "ORD-5001", 25050)


def test_every_rejection_code_has_a_canonical_reason():
    document = _case("rejected_insufficient_funds")
    for code, reason in clip.REASONS.items():
        document["status_detail"]["code"] = code
        event = normalized_event(document)
        assert (event.status_category, event.failure_reason) == ("DECLINED", reason)


def test_a_webhook_with_a_status_is_not_taken_for_the_bare_notification():
    document = _case("approved_paid")
    document.update({"origin": "payments-api", "event_type": "UPDATE"})
    assert normalized_event(document).status_category == "APPROVED"
