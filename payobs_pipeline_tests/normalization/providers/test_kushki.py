"""Kushki mapping: its labeled corpus, shape detection and spec sanity."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from payobs_pipeline.normalization.evaluation import load_cases
from payobs_pipeline.normalization.formats import parse_lake_data
from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.normalize import SHAPE_DETECTION_THRESHOLD, detect_provider
from payobs_pipeline.normalization.pii import mask_payload, mask_text
from payobs_pipeline.normalization.providers import builtin_mappings, kushki as module
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import (
    CORPUS,
    NORMALIZER,
    assert_case_matches_labels,
    case_ids,
    has_hint,
    provider_cases,
)
from payobs_pipeline_tests.normalization.lifecycle_events import canonical_event

CASES = provider_cases("kushki")
MAPPING = CompiledMapping(module.SPEC, getattr(module, "prepare", None))


def _body(data):
    parsed = parse_lake_data(mask_text(json.dumps(data)))
    return mask_payload(parsed.body)




@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_case_matches_its_labels(case):
    assert_case_matches_labels(case)


def test_corpus_covers_the_documented_outcomes():
    assert len(CASES) >= 10
    statuses = {c["expected"].get("status_category") for c in CASES}
    assert {"APPROVED", "DECLINED", "ERROR", "PENDING"} <= statuses
    assert any(has_hint(c["data"]) for c in CASES) and any(not has_hint(c["data"]) for c in CASES)


@pytest.mark.parametrize("case", [c for c in CASES if not has_hint(c["data"])],
                         ids=case_ids([c for c in CASES if not has_hint(c["data"])]))
def test_unhinted_documented_shapes_are_detected(case):
    guess = detect_provider(_body(case["data"]), {}, builtin_mappings())
    assert guess.provider == "kushki"
    assert guess.confidence >= SHAPE_DETECTION_THRESHOLD


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_no_other_mapping_outscores_ours(case):
    body = _body(case["data"])
    own = MAPPING.shape_score(body)
    for mapping in builtin_mappings():
        if mapping.provider != "kushki":
            assert mapping.shape_score(body) < max(own, SHAPE_DETECTION_THRESHOLD), mapping.provider


def test_other_providers_corpora_do_not_score_on_our_detector():
    for path in sorted(CORPUS.glob("*.json")):
        if path.stem == "kushki":
            continue
        for case in load_cases(path):
            if "unprocessed" in case["expected"]:
                continue
            try:
                body = _body(case["data"])
            except Exception:  # malformed-input corpora
                continue
            assert MAPPING.shape_score(body) < SHAPE_DETECTION_THRESHOLD, f"{path.name}:{case['name']}"


def test_every_mapped_status_is_a_status_category():
    spec = module.SPEC
    maps = [spec.get("status_map", {})] + [v.get("status_map", {}) for v in spec.get("variants", [])]
    fixed = [v["status"] for v in spec.get("variants", []) if v.get("status")]
    assert sum(len(m) for m in maps) >= 4
    for status_map in maps:
        for raw, category in status_map.items():
            assert category in StatusCategory.__members__, f"{raw} -> {category}"
    for category in fixed:
        assert category in StatusCategory.__members__
    for status_map in maps:
        for raw, category in status_map.items():
            assert any(v.status_map.get(str(raw).lower()) == StatusCategory(category) for v in MAPPING.variants)


# --- behaviour worth pinning ------------------------------------------------------------------------------


def test_prepare_adds_up_the_amount_breakdown_exactly():
    prepared = module.prepare({"amount": {"subtotalIva": 10.1, "subtotalIva0": 0.2, "iva": 1.21, "ice": 0}})
    assert Decimal(prepared[module.TOTAL_AMOUNT_KEY]) == Decimal("11.51")
    assert module.prepare({"amount": 5}) == {"amount": 5}
    assert module.TOTAL_AMOUNT_KEY not in module.prepare({"amount": {"subtotalIva": "x"}})


def test_the_processor_code_wins_over_kushkis_generic_response_code():
    event = canonical_event({"ticket_number": "1", "transaction_status": "DECLINED", "currency_code": "USD",
                             "request_amount": 10, "response_code": "005", "processor": {"code": "54"}}, NORMALIZER)
    assert (str(event.failure_reason), event.raw_reason_code) == ("EXPIRED_CARD", "54")
