"""Moneris mapping: corpus, detection, spec sanity, response-code ranges, US stores, ISO codes."""

from __future__ import annotations

import json

import pytest

from payobs_pipeline.normalization.evaluation import load_cases, normalize_lake_data
from payobs_pipeline.normalization.formats import parse_lake_data
from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.normalize import SHAPE_DETECTION_THRESHOLD, detect_provider
from payobs_pipeline.normalization.providers import builtin_mappings
from payobs_pipeline.normalization.providers import moneris as module
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import (
    CORPUS,
    NORMALIZER,
    assert_case_matches_labels,
    case_ids,
    has_hint,
    provider_cases,
)

SLUG = "moneris"
CASES = provider_cases(SLUG)
MAPPING = CompiledMapping(module.SPEC, getattr(module, "prepare", None))
UNHINTED = [c for c in CASES if not has_hint(c["data"]) and "unprocessed" not in c["expected"]]


def _body(data):
    return parse_lake_data(json.dumps(data)).body


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
    assert {"APPROVED", "DECLINED", "ERROR", "REFUNDED"} <= statuses
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
            try:
                body = _body(case["data"])
            except Exception:  # the malformed-input corpus
                continue
            assert MAPPING.shape_score(body) < SHAPE_DETECTION_THRESHOLD, f"{path.name}:{case['name']}"


def test_every_mapped_status_is_a_category():
    for variant in MAPPING.variants:
        assert all(isinstance(status, StatusCategory) for status in variant.status_map.values())
        assert variant.fixed_status is None or isinstance(variant.fixed_status, StatusCategory)


@pytest.mark.parametrize("code, status", [("000", "APPROVED"), ("049", "APPROVED"), ("050", "DECLINED"),
                                          ("999", "DECLINED")])
def test_response_code_ranges(code, status):
    xml = (f"<response><receipt><ReceiptId>o</ReceiptId><ResponseCode>{code}</ResponseCode><ISO>null</ISO>"
           f"<TransType>00</TransType><Complete>true</Complete><TransAmount>1.00</TransAmount><TransID>1-0_1</TransID>"
           f"<TimedOut>false</TimedOut></receipt></response>")
    assert _event(xml).status_category == status


def test_us_hint_picks_the_us_mapping_and_usd():
    xml = ("<response><receipt><ReceiptId>o</ReceiptId><ResponseCode>027</ResponseCode><TransType>00</TransType>"
           "<Complete>true</Complete><TransAmount>3.00</TransAmount><TransID>1-0_1</TransID><TimedOut>false</TimedOut>"
           "</receipt></response>")
    assert _event({"provider": "moneris_us", "content": xml}).currency == "USD"
    assert _event({"provider": "moneris", "content": xml}).currency == "CAD"
    assert _event(xml).currency == "CAD"


def test_specific_moneris_code_wins_over_iso():
    xml = ("<response><receipt><ReceiptId>o</ReceiptId><ResponseCode>057</ResponseCode><ISO>05</ISO><TransType>00</TransType>"
           "<Complete>true</Complete><TransAmount>3.00</TransAmount><TransID>1-0_1</TransID><TimedOut>false</TimedOut>"
           "</receipt></response>")
    assert _event(xml).failure_reason == "LOST_OR_STOLEN_CARD"


def test_null_strings_are_absent_values():
    xml = ("<response><receipt><ReceiptId>Global Error Receipt</ReceiptId><ResponseCode>null</ResponseCode>"
           "<TransAmount>null</TransAmount><TransID>null</TransID><Message>XML Parse Error in Request</Message>"
           "<TimedOut>false</TimedOut><Complete>false</Complete></receipt></response>")
    event = _event(xml)
    assert (event.status_category, event.failure_reason, event.provider_transaction_id) == (
        "ERROR", "INVALID_REQUEST", None)
