"""Cardknox (Sola) mapping: corpus, detection without a hint and pinned behaviour.

The provider contract (../test_provider_contract.py) runs the same checks for every provider once its
``COVERED_STATUSES`` names the provider; these keep them for this one meanwhile.
"""

from __future__ import annotations

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.normalize import SHAPE_DETECTION_THRESHOLD, detect_provider
from payobs_pipeline.normalization.providers import builtin_mappings, cardknox
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import (
    BODIES,
    assert_case_matches_labels,
    case_ids,
    has_hint,
    normalized_event,
    provider_cases,
)

SLUG = "cardknox"
CASES = provider_cases(SLUG)
UNHINTED = [c for c in CASES if not has_hint(c["data"]) and "unprocessed" not in c["expected"]]


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_case_matches_its_labels(case):
    assert_case_matches_labels(case)


@pytest.mark.parametrize("body", sorted(BODIES))
@pytest.mark.parametrize("case", UNHINTED, ids=case_ids(UNHINTED))
def test_unhinted_documented_shapes_are_detected_and_no_one_else_scores(case, body):
    document = BODIES[body](case["data"])
    guess = detect_provider(document, {}, builtin_mappings())
    assert guess.provider == SLUG and guess.confidence >= SHAPE_DETECTION_THRESHOLD
    for mapping in builtin_mappings():
        if mapping.provider != SLUG:
            assert mapping.shape_score(document) < SHAPE_DETECTION_THRESHOLD, mapping.provider


def test_every_mapped_status_is_a_category():
    compiled = CompiledMapping(cardknox.SPEC, getattr(cardknox, "prepare", None))
    for variant in compiled.variants:
        assert all(isinstance(status, StatusCategory) for status in variant.status_map.values())


def test_the_issuer_code_beats_the_generic_word():
    event = normalized_event("xResult=D&xStatus=Declined&xError=Declined&xIssuerResponseCode=41&xRefNum=7")
    assert (event.failure_reason, event.raw_reason_code) == ("LOST_OR_STOLEN_CARD", "41")
