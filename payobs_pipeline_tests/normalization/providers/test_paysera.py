"""Paysera mapping: corpus labels, detection by shape, and pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import paysera
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

# What test_provider_contract.py expects of this provider where it differs from every provider's default.
CONTRACT = {
    # Paysera's status 0 ("payment has not been executed") names no reason: one failure reason, UNKNOWN.
    "decline_reasons": 1,
}

CASES = provider_cases("paysera")


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_corpus_case_matches_its_labels(case):
    assert_case_matches_labels(case)


@pytest.mark.parametrize("case", [c for c in CASES if not has_hint(c["data"]) and "unprocessed" not in c["expected"]],
                         ids=lambda c: c["name"])
def test_unhinted_documented_shapes_are_paysera(case):
    assert_detected_by_shape(case)


def test_no_other_corpus_scores_as_paysera():
    assert other_corpora_scoring_on("paysera") == {}


def test_every_mapped_status_is_canonical():
    CompiledMapping(paysera.SPEC, paysera.prepare)
    assert set(paysera.STATUSES.values()) <= set(StatusCategory.__members__)


def test_prepare_decodes_the_callback_and_leaves_the_row_alone():
    body = copy.deepcopy(next(c["data"] for c in CASES if c["name"] == "callback_successful_hinted_json")["payload"])
    before = copy.deepcopy(body)
    decoded = paysera.prepare(body)
    assert body == before
    assert (decoded["orderid"], decoded["status"], decoded["amount"]) == ("ORD-1002", "1", "1999")


def test_undecodable_data_is_left_as_it_came():
    body = {"data": "not base64 at all!", "ss1": "0cc175b9c0f1b6a831c399e269772661"}
    assert paysera.prepare(body) is body
