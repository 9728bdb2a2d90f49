"""PingPong mapping: corpus labels, detection by shape, and pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import pingpong
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

CASES = provider_cases("pingpong")

# Only PingPong's dispute notifications are mapped: every one is a CHARGEBACK, there is no decline.
CONTRACT = {"decline_reasons": 0}


def _case(name: str) -> dict:
    data = next(c["data"] for c in CASES if c["name"] == name)
    return copy.deepcopy(data["payload"] if "payload" in data else data)


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_corpus_case_matches_its_labels(case):
    assert_case_matches_labels(case)


@pytest.mark.parametrize("case", [c for c in CASES if not has_hint(c["data"]) and "unprocessed" not in c["expected"]],
                         ids=lambda c: c["name"])
def test_unhinted_documented_shapes_are_pingpong(case):
    assert_detected_by_shape(case)


def test_no_other_corpus_scores_as_pingpong():
    assert other_corpora_scoring_on("pingpong") == {}


def test_every_mapped_status_is_canonical():
    CompiledMapping(pingpong.SPEC)
    assert set(pingpong.EVENTS.values()) <= set(StatusCategory.__members__)


def test_every_dispute_stage_is_a_chargeback_on_the_chargeback_order_number():
    for code in pingpong.EVENTS:
        document = _case("prearbitration_lost_unhinted")
        document["eventCode"] = code
        event = normalized_event(document)
        assert (event.status_category, event.event_kind, event.dispute_id, event.payment_id) == (
            "CHARGEBACK", "DISPUTE", "202303071954574059", "PShop20230307162139KX")


def test_the_amount_is_a_major_unit_string():
    document = _case("chargeback_fraud_unhinted")
    document["amount"] = "1000.05"
    assert normalized_event(document).amount_minor == 100005
