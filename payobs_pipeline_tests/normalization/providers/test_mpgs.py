"""Mastercard Gateway (MPGS) mapping: pinned behaviour (the checks every provider passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.normalize import SHAPE_DETECTION_THRESHOLD, detect_provider
from payobs_pipeline.normalization.providers import builtin_mappings, mpgs
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import (
    assert_case_matches_labels,
    case_ids,
    has_hint,
    normalized_event,
    provider_cases,
    raw_body,
)

CASES = provider_cases("mpgs")
UNHINTED = [c for c in CASES if not has_hint(c["data"]) and "unprocessed" not in c["expected"]
            ]


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_corpus_case(case):
    assert_case_matches_labels(case)


@pytest.mark.parametrize("case", UNHINTED, ids=case_ids(UNHINTED))
def test_unhinted_documented_shapes_are_detected(case):
    guess = detect_provider(raw_body(case["data"]), {}, builtin_mappings())
    assert guess.provider == "mpgs"
    assert guess.confidence >= SHAPE_DETECTION_THRESHOLD


def test_every_mapped_status_is_a_category():
    compiled = CompiledMapping(mpgs.SPEC, getattr(mpgs, "prepare", None))
    for variant in compiled.variants:
        assert all(isinstance(status, StatusCategory) for status in variant.status_map.values())


def test_issuer_code_wins_over_the_generic_decline():
    case = next(c for c in CASES if c["name"] == "pay_declined_generic_acquirer_51")
    event = normalized_event(case["data"])
    assert event.raw_reason_code == "51"


def test_refund_is_its_own_id():
    case = next(c for c in CASES if c["name"] == "refund_approved")
    event = normalized_event(case["data"])
    assert event.refund_id == "3"
    assert event.payment_id == "ORD-7781"


@pytest.mark.parametrize("code", sorted(mpgs.GATEWAY_CODES))
def test_every_gateway_code_has_its_category(code):
    case = next(c for c in CASES if c["name"] == "pay_declined_generic")
    reply = copy.deepcopy(case["data"])
    reply["response"]["gatewayCode"] = code
    event = normalized_event(reply)
    assert str(event.status_category) == mpgs.GATEWAY_CODES[code][0]

