"""Midtrans mapping: labeled corpus, shape detection, spec sanity and pinned behaviour."""

from __future__ import annotations

import json

import pytest

from payobs_pipeline.normalization.evaluation import load_cases
from payobs_pipeline.normalization.formats import parse_lake_data
from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.normalize import SHAPE_DETECTION_THRESHOLD, detect_provider
from payobs_pipeline.normalization.pii import mask_payload, mask_text
from payobs_pipeline.normalization.providers import builtin_mappings, midtrans as module
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import (
    CORPUS,
    NORMALIZER,
    assert_case_matches_labels,
    case_ids,
    has_hint,
    provider_cases,
)

PROVIDER = "midtrans"
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


def _notification(**kw):
    data = {"transaction_time": "2024-06-19 15:50:28", "transaction_status": "capture", "transaction_id": "t-1",
            "status_message": "midtrans payment notification", "status_code": "200", "payment_type": "credit_card",
            "order_id": "o-1", "gross_amount": "10000.00", "fraud_status": "accept", "currency": "IDR"}
    data.update(kw)
    return data


def test_transaction_time_is_western_indonesian_time():
    assert _event(_notification()).event_time.isoformat() == "2024-06-19T08:50:28+00:00"


def test_a_challenged_capture_is_pending_until_the_merchant_decides():
    assert str(_event(_notification(fraud_status="challenge")).status_category) == "PENDING"


def test_the_bank_code_of_a_denied_card_gives_the_reason():
    event = _event(_notification(transaction_status="deny", status_code="202", channel_response_code="54",
                                 channel_response_message="Expired card"))
    assert (str(event.failure_reason), event.raw_reason_code) == ("EXPIRED_CARD", "54")


def test_a_refund_is_the_latest_refunds_entry():
    event = _event(_notification(transaction_status="partial_refund", refund_amount="3000.00",
                                 refunds=[{"refund_chargeback_id": 1, "refund_amount": "1000.00"},
                                          {"refund_chargeback_id": 2, "refund_amount": "2000.00"}]))
    assert (event.refund_id, event.amount_minor, event.attempt_id, event.payment_id) == ("2", 200000, "t-1", "o-1")


def test_a_payment_status_names_no_refund_object():
    assert _event(_notification(transaction_status="settlement")).refund_id is None
