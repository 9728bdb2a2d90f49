"""Braintree mapping: corpus, detection, spec sanity, <api-error-response> bodies (a declined transaction inside
wins over the error), validation codes, GraphQL errors, webhook kinds (refund_failed, local payments)."""

from __future__ import annotations

import copy
import json

import pytest

from payobs_pipeline.normalization.evaluation import load_cases, normalize_lake_data
from payobs_pipeline.normalization.formats import PayloadParseError, parse_lake_data
from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.normalize import SHAPE_DETECTION_THRESHOLD, detect_provider
from payobs_pipeline.normalization.providers import builtin_mappings
from payobs_pipeline.normalization.providers import braintree as module
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import (
    CORPUS,
    NORMALIZER,
    assert_case_matches_labels,
    case_ids,
    has_hint,
    provider_cases,
)

SLUG = "braintree"
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


def _error_response(errors_xml: str, extra: str = "") -> str:
    return ("<api-error-response>\n  <errors>\n    <errors type=\"array\"/>\n" + errors_xml + "  </errors>\n"
            "  <message>m</message>\n" + extra + "</api-error-response>")


def test_a_declined_transaction_inside_an_error_response_is_the_event():
    data = _error_response("", "<transaction><id>t1</id><status>processor_declined</status><type>sale</type>"
                               "<currency-iso-code>USD</currency-iso-code><amount>20.01</amount>"
                               "<processor-response-code>2001</processor-response-code></transaction>")
    event = _event(data)
    assert (event.status_category, event.failure_reason, event.amount_minor, event.attempt_id) == (
        "DECLINED", "INSUFFICIENT_FUNDS", 2001, "t1")


def test_the_first_nested_validation_code_is_the_reason_and_unlisted_codes_are_request_errors():
    nested = ("<transaction><errors type=\"array\"/><billing><errors type=\"array\"><error><code>81808</code>"
              "<message>Postal code is required.</message></error></errors></billing></transaction>")
    event = _event(_error_response(nested))
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == ("ERROR", "INVALID_REQUEST", "81808")
    listed = "<transaction><errors type=\"array\"><error><code>91514</code></error></errors></transaction>"
    assert _event(_error_response(listed)).failure_reason == "CONFIGURATION_ERROR"


def test_graphql_error_class_without_a_legacy_code():
    event = _event({"errors": [{"message": "Service unavailable", "extensions": {"errorClass": "SERVICE_AVAILABILITY"}}],
                    "extensions": {"requestId": "r1"}})
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == (
        "ERROR", "PROCESSING_ERROR", "SERVICE_AVAILABILITY")


def test_error_code_walk_is_bounded_and_ignores_non_codes():
    assert module._first_error_code({"a": {"error": {"code": None}}}) is None
    deep = {"x": None}
    node = deep
    for _ in range(20):
        node["x"] = {"x": None}
        node = node["x"]
    node["error"] = {"code": "81503"}
    assert module._first_error_code(deep) is None


def test_a_transaction_review_notification_names_a_transaction_to_fetch():
    import base64

    xml = ('<notification><timestamp type="datetime">2024-06-10T12:00:05Z</timestamp><kind>transaction_reviewed</kind>'
           '<subject><transaction-review><transaction-id>t1</transaction-id><decision>Approve</decision>'
           '</transaction-review></subject></notification>')
    data = {"bt_signature": "k|s", "bt_payload": base64.b64encode(xml.encode()).decode()}
    assert _outcome(data).unprocessed_reason == "NOTIFICATION_WITHOUT_OUTCOME"
