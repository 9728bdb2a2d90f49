"""Worldpay mapping: corpus, detection, spec sanity, Access API error bodies, WPG journal type as status."""

from __future__ import annotations

import copy
import json

import pytest

from payobs_pipeline.normalization.evaluation import load_cases, normalize_lake_data
from payobs_pipeline.normalization.formats import PayloadParseError, parse_lake_data
from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.normalize import SHAPE_DETECTION_THRESHOLD, detect_provider
from payobs_pipeline.normalization.providers import builtin_mappings
from payobs_pipeline.normalization.providers import worldpay as module
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import (
    CORPUS,
    NORMALIZER,
    assert_case_matches_labels,
    case_ids,
    has_hint,
    provider_cases,
)

SLUG = "worldpay"
CASES = provider_cases(SLUG)
MAPPING = CompiledMapping(module.SPEC, getattr(module, "prepare", None))
UNHINTED = [c for c in CASES if not has_hint(c["data"]) and "unprocessed" not in c["expected"]]


def _body(data):
    return parse_lake_data(json.dumps(data)).body


def _outcome(data):
    return normalize_lake_data(data, None, NORMALIZER)


def _event(data):
    outcome = _outcome(data)
    assert outcome.event is not None, outcome.unprocessed_reason
    return outcome.event


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_case_matches_its_labels(case):
    assert_case_matches_labels(case)


def test_corpus_covers_the_documented_outcomes():
    assert len(CASES) >= 10
    statuses = {c["expected"].get("status_category") for c in CASES}
    assert {"APPROVED", "DECLINED", "ERROR", "PENDING", "CANCELLED", "REFUNDED", "CHARGEBACK"} <= statuses
    assert any(has_hint(c["data"]) for c in CASES) and UNHINTED


@pytest.mark.parametrize("case", UNHINTED, ids=case_ids(UNHINTED))
def test_unhinted_documented_shapes_are_detected(case):
    guess = detect_provider(_body(case["data"]), {}, builtin_mappings())
    assert guess.provider == SLUG
    assert guess.confidence >= SHAPE_DETECTION_THRESHOLD


def test_other_providers_corpora_do_not_score_on_our_detector():
    for path in sorted(CORPUS.glob("*.json")):
        if path.stem == SLUG:
            continue
        for case in load_cases(path):
            try:
                body = _body(case["data"])
            except PayloadParseError:  # the malformed-input corpus
                continue
            assert MAPPING.shape_score(body) < SHAPE_DETECTION_THRESHOLD, f"{path.name}:{case['name']}"


def test_every_mapped_status_is_a_category():
    spec = module.SPEC
    maps = [spec.get("status_map", {})] + [v.get("status_map", {}) for v in spec.get("variants", [])]
    for status_map in maps:
        for raw, category in status_map.items():
            assert category in StatusCategory.__members__, f"{raw} -> {category}"
            assert any(v.status_map.get(raw.lower()) == StatusCategory(category) for v in MAPPING.variants)


def test_prepare_keeps_the_payload_unchanged():
    if not hasattr(module, "prepare"):
        return
    for case in CASES:
        body = _body(case["data"])
        before = copy.deepcopy(body)
        try:
            module.prepare(body)
        except Exception:  # a refusal (NOT_A_PAYMENT_EVENT) is fine; the payload must still be untouched
            pass
        assert body == before, case["name"]


def test_access_error_names_are_not_read_as_refusal_codes():
    event = _event({"errorName": "bodyIsEmpty", "message": "The body of the request is empty"})
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == (
        "ERROR", "INVALID_REQUEST", "bodyIsEmpty")


def test_an_unlisted_access_error_name_with_validation_errors_is_a_request_error():
    event = _event({"provider": "worldpay", "payload": {
        "errorName": "somethingNew", "message": "m",
        "validationErrors": [{"errorName": "fieldIsMissing", "message": "missing", "jsonPath": "$.merchant.entity"}]}})
    assert (event.status_category, event.failure_reason) == ("ERROR", "INVALID_REQUEST")


def test_the_journal_type_stands_for_a_missing_last_event():
    xml = ('<paymentService version="1.4" merchantCode="M"><notify><orderStatusEvent orderCode="o-j1"><payment>'
           '<paymentMethod>VISA-SSL</paymentMethod><amount value="700" currencyCode="EUR" exponent="2"/></payment>'
           '<journal journalType="REFUNDED"><bookingDate><date dayOfMonth="01" month="06" year="2024"/></bookingDate>'
           '</journal></orderStatusEvent></notify></paymentService>')
    event = _event(xml)
    assert (event.status_category, event.event_kind, event.amount_minor) == ("REFUNDED", "REFUND", 700)


# Worldpay Online (api.worldpay.com/v1/orders, the JSON REST API before Access Worldpay): orders with
# paymentStatus SUCCESS / AUTHORIZED / FAILED (paymentStatusReason, iso8583Status "NN - TEXT"), amount in
# minor units with currencyCode; errors {httpStatusCode, customCode, message, description, errorHelpUrl}.
# Read under a provider hint (their shape is too plain to name Worldpay alone).
_ONLINE_ORDER = {"orderCode": "a1b2c3d4-0000-4000-8000-000000000001", "amount": 1250, "currencyCode": "GBP",
                 "paymentResponse": {"type": "ObfuscatedCard", "maskedCardNumber": "**** **** **** 1111"}}


def _online(body):
    outcome = normalize_lake_data({"provider": "worldpay", "payload": body}, None, NORMALIZER)
    assert outcome.event is not None, outcome.unprocessed_reason
    return outcome.event


@pytest.mark.parametrize(("status", "category"), [("SUCCESS", "APPROVED"), ("AUTHORIZED", "APPROVED"),
                                                  ("REFUNDED", "REFUNDED"), ("CANCELLED", "CANCELLED")])
def test_online_order_status(status, category):
    event = _online({**_ONLINE_ORDER, "paymentStatus": status})
    assert (event.provider, event.status_category, event.amount_minor, event.currency) == (
        "worldpay", category, 1250, "GBP")


def test_online_order_failed_reads_the_iso_code():
    event = _online({**_ONLINE_ORDER, "paymentStatus": "FAILED", "paymentStatusReason": "REFUSED",
                     "iso8583Status": "51 - INSUFFICIENT FUNDS"})
    assert (event.status_category, event.failure_reason) == ("DECLINED", "INSUFFICIENT_FUNDS")


def test_online_order_failed_without_iso_code_is_a_generic_decline():
    event = _online({**_ONLINE_ORDER, "paymentStatus": "FAILED", "paymentStatusReason": "REFUSED"})
    assert (event.status_category, event.failure_reason) == ("DECLINED", "GENERIC_DECLINE")


def test_online_error_body():
    event = _online({"httpStatusCode": 400, "customCode": "BAD_REQUEST", "message": "Order amount is invalid",
                     "description": "Some of request parameters are invalid", "errorHelpUrl": None})
    assert (event.status_category, event.failure_reason, event.amount_minor) == ("ERROR", "INVALID_REQUEST", None)
