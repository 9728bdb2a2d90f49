"""Klarna mapping: labeled corpus, shape detection, spec sanity and pinned behaviour."""

from __future__ import annotations

import json

import pytest

from payobs_pipeline.normalization.evaluation import load_cases
from payobs_pipeline.normalization.formats import parse_lake_data
from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.normalize import SHAPE_DETECTION_THRESHOLD, detect_provider
from payobs_pipeline.normalization.pii import mask_payload, mask_text
from payobs_pipeline.normalization.providers import builtin_mappings, klarna as module
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import (
    CORPUS,
    NORMALIZER,
    assert_case_matches_labels,
    case_ids,
    has_hint,
    provider_cases,
)

PROVIDER = "klarna"
CASES = provider_cases(PROVIDER)
UNHINTED = [c for c in CASES if not has_hint(c["data"])]
MAPPING = CompiledMapping(module.SPEC, getattr(module, "prepare", None))


def _body(data):
    parsed = parse_lake_data(mask_text(json.dumps(data)))
    return mask_payload(parsed.body)


def _event(data):
    from payobs_pipeline.normalization.evaluation import normalize_lake_data

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
    declines = {c["expected"].get("failure_reason") for c in CASES
                if c["expected"].get("status_category") == "DECLINED"}
    assert len(declines) >= 1
    assert any(has_hint(c["data"]) for c in CASES) and UNHINTED


@pytest.mark.parametrize("case", UNHINTED, ids=case_ids(UNHINTED))
def test_unhinted_documented_shapes_are_detected(case):
    guess = detect_provider(_body(case["data"]), {}, builtin_mappings())
    assert guess.provider == PROVIDER
    assert guess.confidence >= SHAPE_DETECTION_THRESHOLD


@pytest.mark.parametrize("case", UNHINTED, ids=case_ids(UNHINTED))
def test_no_other_mapping_outscores_ours(case):
    body = _body(case["data"])
    own = MAPPING.shape_score(body)
    for mapping in builtin_mappings():
        if mapping.provider != PROVIDER:
            assert mapping.shape_score(body) < own, mapping.provider


def test_other_providers_corpora_do_not_score_on_our_detector():
    for path in sorted(CORPUS.glob("*.json")):
        if path.stem == PROVIDER:
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
    # Compiling checks every status_map value, reason_map entry, rule and variant of the spec.
    mapping = CompiledMapping(module.SPEC, getattr(module, "prepare", None))
    for variant in mapping.variants:
        for status in variant.status_map.values():
            assert isinstance(status, StatusCategory)


def _order(status, captured):
    return {"order_id": "o1", "status": status, "fraud_status": "ACCEPTED", "order_amount": 1000,
            "captured_amount": captured, "purchase_currency": "SEK", "klarna_reference": "K1"}


def test_closed_is_told_apart_by_the_captured_amount():
    paid = MAPPING.apply(_order("CLOSED", 1000))
    unused = MAPPING.apply(_order("CLOSED", 0))
    assert (str(paid.status_category), str(paid.event_kind)) == ("APPROVED", "AUTHORIZATION")
    assert (str(unused.status_category), str(unused.event_kind)) == ("CANCELLED", "VOID")
    assert paid.raw_status == "CLOSED"


def test_a_refund_without_currency_has_no_guessed_amount():
    event = MAPPING.apply({"refund_id": "r1", "refunded_amount": 500, "credit_invoice": True})
    assert (event.amount_minor, event.currency, event.refund_id) == (None, None, "r1")


def test_klarna_is_always_bnpl():
    assert str(MAPPING.apply(_order("AUTHORIZED", 0)).payment_method) == "BNPL"


@pytest.mark.parametrize("code", ["INVALID_ORDER_ID", "INVALID_CAPTURE_AMOUNT", "NO_SUCH_ORDER", "NO_SUCH_SHIPMENT"])
def test_invalid_and_no_such_error_codes_are_the_request(code):
    # Klarna error codes name what was wrong: an invalid value, an object that does not exist.
    body = {"error_code": code, "error_messages": ["..."], "correlation_id": "0b1d9815-165e-42e2-8867-35bc03789e00"}
    event = _event(body)
    assert event.status_category is StatusCategory.ERROR
    assert event.failure_reason == "INVALID_REQUEST"


def test_a_redirect_url_elsewhere_does_not_name_klarna():
    body = {"order_id": "1234", "redirect_url": "https://shop.example.com/thanks", "fraud_status": "ACCEPTED"}
    guess = detect_provider(_body(body), {}, builtin_mappings())
    assert guess.provider != "klarna" or guess.confidence < SHAPE_DETECTION_THRESHOLD
