"""Worldline (Direct, Connect, Ogone) mapping: labeled corpus, shape detection, spec sanity and pinned behaviour."""

from __future__ import annotations

import json

import pytest

from payobs_pipeline.normalization.evaluation import load_cases
from payobs_pipeline.normalization.formats import parse_lake_data
from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.normalize import SHAPE_DETECTION_THRESHOLD, detect_provider
from payobs_pipeline.normalization.pii import mask_payload, mask_text
from payobs_pipeline.normalization.providers import builtin_mappings, worldline as module
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import (
    CORPUS,
    NORMALIZER,
    assert_case_matches_labels,
    case_ids,
    has_hint,
    provider_cases,
)

PROVIDER = "worldline"
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
    assert {"APPROVED", "DECLINED", "ERROR", "PENDING", "CANCELLED", "REFUNDED", "CHARGEBACK"} <= statuses
    declines = {c["expected"].get("failure_reason") for c in CASES
                if c["expected"].get("status_category") == "DECLINED"}
    assert len(declines) >= 2
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


def test_refusal_codes_carry_the_issuer_iso_code():
    """30 + ISO 8583 code + 1001: 30511001 is 51 (insufficient funds), 30591001 is 59 (suspected fraud)."""
    assert module.ERROR_CODES["30511001"] == "INSUFFICIENT_FUNDS"
    assert module.ERROR_CODES["30591001"] == "SUSPECTED_FRAUD"
    assert module.ERROR_CODES["30541001"] == "EXPIRED_CARD"


def test_the_status_code_table_covers_every_ogone_status():
    for code in ("0", "1", "2", "4", "5", "51", "52", "6", "7", "8", "9", "91", "92", "93", "94", "95", "96", "99"):
        assert code in module.STATUS_CODES


def test_a_rejected_payment_in_a_402_body_reads_the_payment_error_first():
    event = _event({"errorId": "e", "errors": [{"errorCode": "30001001", "httpStatusCode": 402}],
                    "paymentResult": {"payment": {"id": "1_0", "status": "REJECTED",
                                                  "statusOutput": {"statusCategory": "UNSUCCESSFUL", "statusCode": 2,
                                                                   "errors": [{"errorCode": "30591001"}]},
                                                  "paymentOutput": {"amountOfMoney": {"amount": 100,
                                                                                      "currencyCode": "EUR"}}}}})
    assert str(event.failure_reason) == "SUSPECTED_FRAUD"
    assert event.raw_reason_code == "30591001"


def test_prepare_is_pure():
    body = {"payment": {"id": "1_0", "status": "CAPTURED", "statusOutput": {"statusCategory": "COMPLETED"},
                        "paymentOutput": {"cardPaymentMethodSpecificOutput": {"paymentProductId": 3}}}}
    before = json.dumps(body, sort_keys=True)
    assert module.prepare(body)["payment"][module.CARD_BRAND_KEY] == "mastercard"
    assert json.dumps(body, sort_keys=True) == before
