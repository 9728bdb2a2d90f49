"""Transbank (Webpay) mapping: its labeled corpus, shape detection, spec sanity and CLP amounts."""

from __future__ import annotations

import json

import pytest

from payobs_pipeline.normalization.evaluation import load_cases, normalize_lake_data
from payobs_pipeline.normalization.formats import parse_lake_data
from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.normalize import SHAPE_DETECTION_THRESHOLD, detect_provider
from payobs_pipeline.normalization.pii import mask_payload, mask_text
from payobs_pipeline.normalization.providers import builtin_mappings, transbank as module
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import (
    CORPUS,
    NORMALIZER,
    assert_case_matches_labels,
    case_ids,
    has_hint,
    provider_cases,
)

SLUG = "transbank"
CASES = provider_cases(SLUG)
MAPPING = CompiledMapping(module.SPEC, getattr(module, "prepare", None))
UNHINTED = [c for c in CASES if not has_hint(c["data"]) and "unprocessed" not in c["expected"]]


def _body(data):
    parsed = parse_lake_data(mask_text(json.dumps(data)))
    return mask_payload(parsed.body)


def _event(data):
    outcome = normalize_lake_data(data, None, NORMALIZER)
    assert outcome.event is not None, outcome.unprocessed_reason
    return outcome.event


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_case_matches_its_labels(case):
    assert_case_matches_labels(case)


def test_corpus_covers_the_documented_outcomes():
    assert len(CASES) >= 10
    statuses = {c["expected"].get("status_category") for c in CASES}
    assert {"APPROVED", "DECLINED", "ERROR", "PENDING", "CANCELLED", "REFUNDED"} <= statuses
    assert any(has_hint(c["data"]) for c in CASES) and any(not has_hint(c["data"]) for c in CASES)


@pytest.mark.parametrize("case", UNHINTED, ids=case_ids(UNHINTED))
def test_unhinted_documented_shapes_are_detected(case):
    guess = detect_provider(_body(case["data"]), {}, builtin_mappings())
    assert guess.provider == SLUG
    assert guess.confidence >= SHAPE_DETECTION_THRESHOLD


@pytest.mark.parametrize("case", UNHINTED, ids=case_ids(UNHINTED))
def test_no_other_mapping_scores_on_our_documents(case):
    body = _body(case["data"])
    for mapping in builtin_mappings():
        if mapping.provider != SLUG:
            assert mapping.shape_score(body) < SHAPE_DETECTION_THRESHOLD, mapping.provider


def test_other_providers_corpora_do_not_score_on_our_detector():
    for path in sorted(CORPUS.glob("*.json")):
        if path.stem == SLUG:
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
    for variant in MAPPING.variants:
        for status in variant.status_map.values():
            assert isinstance(status, StatusCategory)
    values = set(module.SPEC["status_map"].values())
    for variant in module.SPEC["variants"]:
        values |= set(variant.get("status_map", {}).values())
        if variant.get("status"):
            values.add(variant["status"])
    assert values <= {s.value for s in StatusCategory}


def test_aliases_name_the_provider():
    for alias in module.SPEC["aliases"]:
        event = _event({"provider": alias, "payload": json.loads(json.dumps(CASES[0]["data"]))})
        assert event.provider == SLUG, alias


def test_clp_has_no_minor_unit():
    case = next(c for c in CASES if c["name"] == "commit_authorized_unhinted")
    event = _event(case["data"])
    assert (event.amount_minor, event.currency) == (10000, "CLP")


def test_every_response_code_maps_to_a_reason():
    for code in module.REASONS:
        case = next(c for c in CASES if c["name"] == "failed_issuer")
        data = json.loads(json.dumps(case["data"]))
        data["response_code"] = int(code)
        event = _event(data)
        assert event.failure_reason.value != "UNKNOWN", code
