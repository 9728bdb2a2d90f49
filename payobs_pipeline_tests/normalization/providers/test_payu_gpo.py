"""PayU GPO mapping (providers/payu_gpo.py, provider ``payu`` beside providers/payu.py): its corpus
(corpus/payu_gpo_cases.json, named apart from payu.json so that the provider contract, which pairs a test module
with the corpus of the same name, keeps reading PayU's own corpus) against its labels, detection by shape, and
the modules' coexistence by shape."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.normalize import SHAPE_DETECTION_THRESHOLD
from payobs_pipeline.normalization.providers import payu_gpo
from payobs_pipeline.normalization.taxonomy import FailureReason
from payobs_pipeline_tests.normalization.corpus_checks import (
    BODIES,
    assert_case_matches_labels,
    assert_detected_by_shape,
    assert_own_shape_wins,
    case_ids,
    corpus_bodies,
    has_hint,
    normalized_event,
    provider_cases,
)

CASES = provider_cases("payu_gpo_cases")
UNHINTED = [c for c in CASES if not has_hint(c["data"])]
MAPPING = CompiledMapping(payu_gpo.SPEC)


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_corpus_case_matches_its_labels(case):
    assert_case_matches_labels(case)


@pytest.mark.parametrize("body", sorted(BODIES))
@pytest.mark.parametrize("case", UNHINTED, ids=case_ids(UNHINTED))
def test_unhinted_documented_shapes_are_payu(case, body):
    assert_detected_by_shape(case, body)


@pytest.mark.parametrize("case", UNHINTED, ids=case_ids(UNHINTED))
def test_no_other_provider_scores_on_its_documents(case):
    assert_own_shape_wins(case)


def test_no_other_corpus_scores_on_the_gpo_detector():
    # payu.json included: the GPO shapes here are ones providers/payu.py does not read, so its documents stay its own.
    scored = {label: MAPPING.shape_score(document) for _, label, document in corpus_bodies()
              if not label.startswith("payu_gpo_cases.json:") and MAPPING.shape_score(document) >= SHAPE_DETECTION_THRESHOLD}
    assert scored == {}


def test_every_reason_is_canonical():
    assert set(payu_gpo.ERROR_CODES.values()) <= set(FailureReason.__members__)


def test_a_code_literal_the_table_lacks_is_read_through_its_status_code():
    event = normalized_event(_case("error_value_missing"))
    assert (event.provider, event.status_category, event.failure_reason, event.raw_reason_code) == (
        "payu", "ERROR", "INVALID_REQUEST", "ERROR_VALUE_MISSING")
