"""NMI mapping: corpus, detection, spec sanity, lifecycle kinds by transaction type, webhooks."""

from __future__ import annotations

import json

import pytest

from payobs_pipeline.normalization.evaluation import load_cases, normalize_lake_data
from payobs_pipeline.normalization.formats import parse_lake_data
from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.normalize import SHAPE_DETECTION_THRESHOLD, detect_provider
from payobs_pipeline.normalization.providers import builtin_mappings
from payobs_pipeline.normalization.providers import nmi as module
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import (
    CORPUS,
    NORMALIZER,
    assert_case_matches_labels,
    case_ids,
    has_hint,
    provider_cases,
)

SLUG = "nmi"
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


@pytest.mark.parametrize("alias", ["NMI", "Network Merchants", "networkmerchants", "Merchant One", "Durango"])
def test_white_label_aliases_name_nmi(alias):
    data = {"gateway": alias, "content": "response=2&responsetext=DECLINE&transactionid=1&type=sale&response_code=202"}
    assert _event(data).provider == SLUG


def test_failed_refund_is_declined_and_failed_void_is_an_error():
    refund = _event("response=2&responsetext=DECLINE&transactionid=5&type=refund&response_code=200")
    void = _event("response=3&responsetext=Transaction already settled&transactionid=6&type=void&response_code=300")
    assert (refund.event_kind, refund.status_category) == ("REFUND", "DECLINED")
    assert (void.event_kind, void.status_category) == ("VOID", "ERROR")


def test_gateway_rejection_on_a_decline_is_risk():
    event = _event("response=2&responsetext=Transaction Rejected&transactionid=7&type=sale&response_code=300")
    assert (event.failure_reason, event.failure_source) == ("RISK_REJECTED", "PSP_RISK")


def test_recurring_webhook_is_not_a_payment():
    outcome = normalize_lake_data({"event_id": "1", "event_type": "recurring.subscription.add",
                                   "event_body": {"subscription_id": "123"}}, None, NORMALIZER)
    assert outcome.unprocessed_reason == "NOT_A_PAYMENT_EVENT"


def test_check_return_webhook_is_a_returned_item():
    data = {"event_id": "2", "event_type": "transaction.check.status.return",
            "event_body": {"transaction_id": "88", "transaction_type": "ck", "currency": "USD",
                           "action": {"amount": "40.00", "action_type": "sale", "date": "20240314102030",
                                      "response_code": "100"}}}
    event = _event(data)
    assert (event.status_category, event.payment_method, event.amount_minor) == ("CHARGEBACK", "DIRECT_DEBIT", 4000)
