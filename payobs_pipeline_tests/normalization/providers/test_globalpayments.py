"""Global Payments mapping: corpus, detection, spec sanity, result classes, Portico gateway codes."""

from __future__ import annotations

import json

import pytest

from payobs_pipeline.normalization.evaluation import load_cases, normalize_lake_data
from payobs_pipeline.normalization.formats import parse_lake_data
from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.normalize import SHAPE_DETECTION_THRESHOLD, detect_provider
from payobs_pipeline.normalization.providers import builtin_mappings
from payobs_pipeline.normalization.providers import globalpayments as module
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import (
    CORPUS,
    NORMALIZER,
    assert_case_matches_labels,
    case_ids,
    has_hint,
    provider_cases,
)

SLUG = "globalpayments"
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


@pytest.mark.parametrize("code, status", [("00", "APPROVED"), ("101", "DECLINED"), ("199", "DECLINED"),
                                          ("202", "ERROR"), ("301", "ERROR"), ("502", "ERROR"), ("666", "ERROR")])
def test_ecommerce_result_classes(code, status):
    xml = f"<response timestamp=\"20240314102030\"><orderid>o</orderid><result>{code}</result><pasref>p</pasref></response>"
    assert _event(xml).status_category == status


def _portico(gateway, rsp=None):
    transaction = (f"<Transaction><CreditSale><RspCode>{rsp}</RspCode><RspText>x</RspText></CreditSale></Transaction>"
                   if rsp else "")
    return ("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
            "<PosResponse xmlns=\"http://Hps.Exchange.PosGateway\"><Ver1.0><Header><GatewayTxnId>1</GatewayTxnId>"
            f"<GatewayRspCode>{gateway}</GatewayRspCode><GatewayRspMsg>m</GatewayRspMsg></Header>{transaction}"
            "</Ver1.0></PosResponse></soap:Body></soap:Envelope>")


def test_portico_issuer_format_error_is_not_a_gateway_timeout():
    issuer = _event(_portico("0", "30"))
    gateway = _event(_portico("30"))
    assert (issuer.status_category, issuer.failure_reason) == ("DECLINED", "INVALID_REQUEST")
    assert (gateway.status_category, gateway.failure_reason) == ("UNKNOWN", "TIMEOUT")


def test_portico_partial_approval_is_approved():
    assert _event(_portico("0", "10")).status_category == "APPROVED"


def test_hpp_amount_without_currency_is_not_guessed():
    event = _event("RESULT=00&PASREF=1&ORDER_ID=o&AMOUNT=1000&TIMESTAMP=20240314102030")
    assert (event.amount_minor, event.currency) == (None, None)
