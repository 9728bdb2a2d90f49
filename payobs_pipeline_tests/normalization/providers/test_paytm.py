"""Paytm mapping: labeled corpus, shape detection, spec sanity and pinned behaviour."""

from __future__ import annotations

import json

import pytest

from payobs_pipeline.normalization.evaluation import load_cases
from payobs_pipeline.normalization.formats import parse_lake_data
from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.normalize import SHAPE_DETECTION_THRESHOLD, detect_provider
from payobs_pipeline.normalization.pii import mask_payload, mask_text
from payobs_pipeline.normalization.providers import builtin_mappings, paytm as module
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import (
    CORPUS,
    NORMALIZER,
    assert_case_matches_labels,
    case_ids,
    has_hint,
    provider_cases,
)

PROVIDER = "paytm"
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


def _status(result_status, code, **body):
    data = {"resultInfo": {"resultStatus": result_status, "resultCode": code, "resultMsg": "x"}, "txnId": "T1",
            "orderId": "O1", "txnAmount": "10.00", "mid": "M1", "paymentMode": "UPI",
            "txnDate": "2024-03-01 10:00:00.0"}
    data.update(body)
    return {"head": {"responseTimestamp": "1", "version": "v1", "signature": "s"}, "body": data}


def test_upi_is_a_bank_transfer_and_txn_date_is_india_time():
    event = _event(_status("TXN_SUCCESS", "01"))
    assert str(event.payment_method) == "BANK_TRANSFER"
    assert event.event_time.isoformat() == "2024-03-01T04:30:00+00:00"


def test_a_user_who_did_not_complete_the_payment_cancelled_it():
    assert str(_event(_status("TXN_FAILURE", "141")).status_category) == "CANCELLED"


def test_an_integration_failure_is_an_error_not_a_decline():
    event = _event(_status("TXN_FAILURE", "335"))
    assert (str(event.status_category), str(event.failure_reason)) == ("ERROR", "CONFIGURATION_ERROR")


def test_a_refund_is_its_own_object_naming_the_transaction():
    data = {"head": {"signature": "s"}, "body": {"orderId": "O1", "mid": "M1", "refId": "R1", "refundId": "PR1",
            "txnId": "T1", "refundAmount": "5.00", "resultInfo": {"resultStatus": "TXN_SUCCESS", "resultCode": "10",
                                                                   "resultMsg": "Refund Successfull"}}}
    event = _event(data)
    assert (event.refund_id, event.attempt_id, event.payment_id, event.amount_minor) == ("PR1", "T1", "O1", 500)
