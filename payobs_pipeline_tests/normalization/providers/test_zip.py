"""Zip mapping: corpus labels, detection by shape, and pinned behaviour (the checks every provider
passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import zip as zip_spec
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

CASES = provider_cases("zip")


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_corpus_case_matches_its_labels(case):
    assert_case_matches_labels(case)


@pytest.mark.parametrize("case", [c for c in CASES if not has_hint(c["data"]) and "unprocessed" not in c["expected"]],
                         ids=lambda c: c["name"])
def test_unhinted_documented_shapes_are_zip(case):
    assert_detected_by_shape(case)


def test_no_other_corpus_scores_as_zip():
    assert other_corpora_scoring_on("zip") == {}


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(zip_spec.SPEC)
    assert {*zip_spec.CHARGE_STATES.values(), *zip_spec.CHECKOUT_STATES.values()} <= set(StatusCategory.__members__)
    for code, entry in zip_spec.REASONS.items():
        reason = entry if isinstance(entry, str) else entry["reason"]
        assert reason in FailureReason.__members__, code


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))



def test_a_refund_names_the_charge_it_refunds():
    event = normalized_event(_case("refund_resource_hinted"))
    assert (event.refund_id, event.attempt_id) == ("rf_H4b8mMdNBpP0eVnyxw3Lh5", "7f2c9e1a-5b3d-4e8f-a6c4-2d1b0e9f8a77")


def test_a_402_code_is_a_decline_and_a_state_error_is_an_error():
    declined, error = _case("error_insufficient_funds"), _case("error_capture_invalid_state")
    assert (normalized_event(declined).status_category, normalized_event(error).status_category) == ("DECLINED", "ERROR")
