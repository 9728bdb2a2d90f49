"""CyberSource mapping: corpus, detection, spec sanity, issuer codes over generic reasons, lifecycle kinds."""

from __future__ import annotations

import json

import pytest

from payobs_pipeline.normalization.evaluation import load_cases, normalize_lake_data
from payobs_pipeline.normalization.formats import parse_lake_data
from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.normalize import SHAPE_DETECTION_THRESHOLD, detect_provider
from payobs_pipeline.normalization.providers import builtin_mappings
from payobs_pipeline.normalization.providers import cybersource as module
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import (
    CORPUS,
    NORMALIZER,
    assert_case_matches_labels,
    case_ids,
    has_hint,
    provider_cases,
)

SLUG = "cybersource"
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


def test_issuer_iso_code_wins_over_a_generic_decline():
    reply = ("merchantReferenceCode=o1\nrequestID=1\ndecision=REJECT\nreasonCode=203\n"
             "ccAuthReply_reasonCode=203\nccAuthReply_processorResponse=41\n")
    event = _event(reply)
    assert (event.failure_reason, event.raw_reason_code) == ("LOST_OR_STOLEN_CARD", "41")


def test_a_specific_cybersource_reason_wins_over_the_issuer_code():
    reply = ("merchantReferenceCode=o1\nrequestID=1\ndecision=REJECT\nreasonCode=202\n"
             "ccAuthReply_reasonCode=202\nccAuthReply_processorResponse=05\n")
    assert _event(reply).failure_reason == "EXPIRED_CARD"


def test_decision_manager_reject_reads_the_request_reason_not_the_approved_auth():
    reply = {"replyMessage": {"requestID": "1", "decision": "REJECT", "reasonCode": "481",
                              "ccAuthReply": {"reasonCode": "100", "amount": "1.00"},
                              "purchaseTotals": {"currency": "USD"}}}
    event = _event(reply)
    assert (event.status_category, event.failure_reason, event.failure_source) == (
        "DECLINED", "RISK_REJECTED", "MERCHANT_RISK")


def test_sale_with_auth_and_capture_stays_an_authorization():
    reply = ("requestID=9\ndecision=ACCEPT\nreasonCode=100\npurchaseTotals_currency=EUR\n"
             "ccAuthReply_reasonCode=100\nccAuthReply_amount=12.34\nccCaptureReply_reasonCode=100\n"
             "ccCaptureReply_amount=12.34\n")
    event = _event(reply)
    assert (event.event_kind, event.status_category, event.amount_minor) == ("AUTHORIZATION", "APPROVED", 1234)


def test_failed_refund_is_declined_not_an_error():
    reply = "requestID=7\ndecision=REJECT\nreasonCode=241\nccCreditReply_reasonCode=241\n"
    event = _event(reply)
    assert (event.event_kind, event.status_category, event.failure_reason) == ("REFUND", "DECLINED", "INVALID_REQUEST")


def test_failed_reversal_is_a_void_error():
    reply = "requestID=8\ndecision=REJECT\nreasonCode=237\nccAuthReversalReply_reasonCode=237\n"
    event = _event(reply)
    assert (event.event_kind, event.status_category) == ("VOID", "ERROR")
