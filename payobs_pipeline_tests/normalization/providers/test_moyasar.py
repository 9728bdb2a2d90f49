"""Moyasar mapping: corpus labels, detection by shape, and pinned behaviour (the checks every provider
passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import moyasar
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

CASES = provider_cases("moyasar")


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_corpus_case_matches_its_labels(case):
    assert_case_matches_labels(case)


@pytest.mark.parametrize("case", [c for c in CASES if not has_hint(c["data"]) and "unprocessed" not in c["expected"]],
                         ids=lambda c: c["name"])
def test_unhinted_documented_shapes_are_moyasar(case):
    assert_detected_by_shape(case)


def test_no_other_corpus_scores_as_moyasar():
    assert other_corpora_scoring_on("moyasar") == {}


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(moyasar.SPEC)
    assert set(moyasar.STATUSES.values()) <= set(StatusCategory.__members__)
    for code, entry in moyasar.REASONS.items():
        reason = entry if isinstance(entry, str) else entry["reason"]
        assert reason in FailureReason.__members__, code


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))



def test_a_refund_is_the_refunded_amount_on_the_same_payment():
    event = normalized_event(_case("payment_partially_refunded"))
    assert (event.amount_minor, event.refund_id, event.payment_id) == (
        20000, "760878ec-d1d3-5f72-9056-191683f55872", "760878ec-d1d3-5f72-9056-191683f55872")


def test_the_gateway_response_code_wins_over_the_generic_message():
    body = _case("payment_failed_lost_card")
    body["source"]["message"] = "DECLINED"
    event = normalized_event(body)
    assert (event.failure_reason, event.raw_reason_code) == (FailureReason.LOST_OR_STOLEN_CARD, "41")
