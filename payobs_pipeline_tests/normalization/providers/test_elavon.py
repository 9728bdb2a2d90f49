"""Elavon Converge mapping: corpus, detection, spec sanity, message and issuer-code reasons."""

from __future__ import annotations

import json

import pytest

from payobs_pipeline.normalization.evaluation import load_cases, normalize_lake_data
from payobs_pipeline.normalization.formats import parse_lake_data
from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.normalize import SHAPE_DETECTION_THRESHOLD, detect_provider
from payobs_pipeline.normalization.providers import builtin_mappings
from payobs_pipeline.normalization.providers import elavon as module
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import (
    CORPUS,
    NORMALIZER,
    assert_case_matches_labels,
    case_ids,
    has_hint,
    provider_cases,
)

SLUG = "elavon"
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


def test_issuer_code_wins_over_a_generic_message():
    event = _event("ssl_result=1\nssl_result_message=CALL AUTH CENTER\nssl_issuer_response=62\nssl_txn_id=1\nssl_amount=1.00")
    assert (event.failure_reason, event.raw_reason_code) == ("RESTRICTED_CARD", "62")


def test_failed_void_is_an_error_void():
    event = _event("<txn><ssl_result>1</ssl_result><ssl_result_message>DECLINED</ssl_result_message>"
                   "<ssl_transaction_type>VOID</ssl_transaction_type><ssl_txn_id>1</ssl_txn_id></txn>")
    assert (event.event_kind, event.status_category) == ("VOID", "ERROR")


def test_worldpay_access_error_is_not_read_as_converge():
    body = {"errorName": "accessDenied", "message": "Access to the requested resource has been denied"}
    assert MAPPING.shape_score(body) < SHAPE_DETECTION_THRESHOLD


@pytest.mark.parametrize(("code", "reason"), [("5091", "INVALID_REQUEST"), ("5050", "INVALID_REQUEST"),
                                              ("5002", "INVALID_REQUEST"), ("5000", "INVALID_CARD_DATA"),
                                              ("5021", "INCORRECT_CVC")])
def test_data_error_codes_are_the_request_unless_listed(code, reason):
    # developer.elavon.com/na/docs/converge/1.0.0/integration-guide/api_reference/error_codes: the 5000-series
    # codes are data errors; the listed ones (invalid card number, CVV2) keep their own reason.
    xml = f"<txn><errorCode>{code}</errorCode><errorName>Data error</errorName><errorMessage>x</errorMessage></txn>"
    event = _event({"provider": "elavon", "content": xml})
    assert event.failure_reason == reason
    assert event.raw_reason_code == code
