"""2Checkout mapping: pinned behaviour (the checks every provider passes: ../test_provider_contract.py)."""

from __future__ import annotations

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.normalize import SHAPE_DETECTION_THRESHOLD, detect_provider
from payobs_pipeline.normalization.providers import builtin_mappings, twocheckout
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import (
    assert_case_matches_labels,
    case_ids,
    has_hint,
    normalized_event,
    provider_cases,
    raw_body,
)

CASES = provider_cases("twocheckout")
UNHINTED = [c for c in CASES if not has_hint(c["data"]) and "unprocessed" not in c["expected"]
            ]


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_corpus_case(case):
    assert_case_matches_labels(case)


@pytest.mark.parametrize("case", UNHINTED, ids=case_ids(UNHINTED))
def test_unhinted_documented_shapes_are_detected(case):
    guess = detect_provider(raw_body(case["data"]), {}, builtin_mappings())
    assert guess.provider == "twocheckout"
    assert guess.confidence >= SHAPE_DETECTION_THRESHOLD


def test_every_mapped_status_is_a_category():
    compiled = CompiledMapping(twocheckout.SPEC, getattr(twocheckout, "prepare", None))
    for variant in compiled.variants:
        assert all(isinstance(status, StatusCategory) for status in variant.status_map.values())


def test_refund_amount_is_the_refund_lines_not_the_invoice():
    case = next(c for c in CASES if c["name"] == "ins_refund_issued_partial")
    event = normalized_event(case["data"])
    assert event.amount_minor == 2000
    assert event.payment_id == "9093712345678"
