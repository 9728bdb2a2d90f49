"""Paysafe (NETBANX) mapping: corpus, detection without a hint and pinned behaviour.

The provider contract (../test_provider_contract.py) runs the same checks for every provider once its
``COVERED_STATUSES`` names the provider; these keep them for this one meanwhile.
"""

from __future__ import annotations

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.normalize import SHAPE_DETECTION_THRESHOLD, detect_provider
from payobs_pipeline.normalization.providers import builtin_mappings, paysafe
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import (
    BODIES,
    assert_case_matches_labels,
    case_ids,
    has_hint,
    normalized_event,
    provider_cases,
)

SLUG = "paysafe"
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
    compiled = CompiledMapping(paysafe.SPEC, paysafe.prepare)
    for variant in compiled.variants:
        assert all(isinstance(status, StatusCategory) for status in variant.status_map.values())


def test_a_request_error_code_on_a_failed_authorization_is_an_error():
    body = {"id": "x", "merchantRefNum": "m", "txnTime": "2017-03-23T14:11:46Z", "status": "FAILED", "amount": 100,
            "currencyCode": "USD", "settleWithAuth": True, "error": {"code": "5031", "message": "already processed"}}
    event = normalized_event(body)
    assert (event.status_category, event.failure_reason) == ("ERROR", "DUPLICATE")


def test_prepare_does_not_change_its_input():
    body = {"id": "r", "status": "COMPLETED", "links": [{"rel": "self", "href": "https://x/refunds/r"}]}
    assert paysafe.prepare(body)["payobs_kind"] == "refund" and "payobs_kind" not in body
