"""Conekta mapping: its labeled corpus, shape detection and spec sanity."""

from __future__ import annotations

import json

import pytest

from payobs_pipeline.normalization.evaluation import load_cases
from payobs_pipeline.normalization.formats import parse_lake_data
from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.normalize import SHAPE_DETECTION_THRESHOLD, detect_provider
from payobs_pipeline.normalization.pii import mask_payload, mask_text
from payobs_pipeline.normalization.providers import builtin_mappings, conekta as module
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import (
    CORPUS,
    NORMALIZER,
    assert_case_matches_labels,
    case_ids,
    has_hint,
    provider_cases,
)
from payobs_pipeline_tests.normalization.lifecycle_events import canonical_event, lifecycle_identity

CASES = provider_cases("conekta")
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
    assert guess.provider == "conekta"
    assert guess.confidence >= SHAPE_DETECTION_THRESHOLD


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_no_other_mapping_outscores_ours(case):
    body = _body(case["data"])
    own = MAPPING.shape_score(body)
    for mapping in builtin_mappings():
        if mapping.provider != "conekta":
            assert mapping.shape_score(body) < max(own, SHAPE_DETECTION_THRESHOLD), mapping.provider


def test_other_providers_corpora_do_not_score_on_our_detector():
    for path in sorted(CORPUS.glob("*.json")):
        if path.stem == "conekta":
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


def _charge(**kw):
    return {"id": "63efa757cf65380001aec0aa", "object": "charge", "status": "paid", "amount": 5000, "currency": "MXN",
            "created_at": 1676386026, "order_id": "ord_2tN73UdUSNrYRPD9r",
            "payment_method": {"object": "card_payment", "type": "debit", "brand": "mastercard", "last4": "4444"},
            **kw}


def test_a_charge_is_the_attempt_and_its_order_the_payment():
    event = canonical_event(_charge(), NORMALIZER)
    assert lifecycle_identity(event) == ("AUTHORIZATION", "APPROVED", "63efa757cf65380001aec0aa",
                                         "ord_2tN73UdUSNrYRPD9r", None, None)


def test_a_charged_back_charge_names_no_chargeback_id_the_chargeback_event_does():
    # openapi chargeback_response.yml: the chargeback (chbk_) names its charge_id; a charge names none.
    charged_back = canonical_event(_charge(status="charged_back"), NORMALIZER)
    assert (str(charged_back.event_kind), charged_back.dispute_id) == ("DISPUTE", None)


def test_a_voided_pre_authorization_is_a_void_of_the_attempt():
    voided = canonical_event(_charge(status="voided"), NORMALIZER)
    assert (str(voided.event_kind), str(voided.status_category), voided.attempt_id) == (
        "VOID", "CANCELLED", "63efa757cf65380001aec0aa")


def test_the_detailed_error_code_wins_over_the_error_type():
    body = {"object": "error", "type": "processing_error", "log_id": "x",
            "details": [{"code": "conekta.errors.processing.bank.insufficient_funds", "message": "Sin fondos"}]}
    event = canonical_event(body, NORMALIZER)
    assert (str(event.status_category), str(event.failure_reason)) == ("DECLINED", "INSUFFICIENT_FUNDS")
    bare = canonical_event({"provider": "conekta", "payload": {"object": "error", "type": "processing_error",
                                                                "details": []}}, NORMALIZER)
    assert (str(bare.status_category), str(bare.failure_reason)) == ("DECLINED", "GENERIC_DECLINE")
