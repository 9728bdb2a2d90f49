"""Authorize.net mapping: corpus, detection, spec sanity, AIM delimited responses (CIM directResponse),
API error bodies (JSON and XML ErrorResponse), profile checks that are no payment."""

from __future__ import annotations

import copy
import json

import pytest

from payobs_pipeline.normalization.evaluation import load_cases, normalize_lake_data
from payobs_pipeline.normalization.formats import PayloadParseError, parse_lake_data
from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.normalize import SHAPE_DETECTION_THRESHOLD, detect_provider
from payobs_pipeline.normalization.providers import builtin_mappings
from payobs_pipeline.normalization.providers import authorizenet as module
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import (
    CORPUS,
    NORMALIZER,
    assert_case_matches_labels,
    case_ids,
    has_hint,
    provider_cases,
)

SLUG = "authorizenet"
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


def _aim(values: dict[int, str], delim: str = ",", encap: str | None = None) -> str:
    fields = [values.get(n, "") for n in range(1, 56)]
    return delim.join(f"{encap}{v}{encap}" for v in fields) if encap else delim.join(fields)


@pytest.mark.parametrize(("delim", "encap"), [(",", None), ("|", None), ("|", "$"), (",", '"')])
def test_aim_response_is_split_whatever_its_delimiter_and_encapsulation(delim, encap):
    text = _aim({1: "2", 2: "1", 3: "27", 4: "The transaction has been declined because of an AVS mismatch.",
                 7: "60111", 10: "12.34", 11: "CC", 12: "auth_only", 52: "Discover"}, delim, encap)
    fields = module.parse_aim_response(text)
    assert fields["x_response_code"] == "2" and fields["x_response_reason_code"] == "27"
    assert (fields["x_trans_id"], fields["x_amount"], fields["x_type"], fields["x_card_type"]) == (
        "60111", "12.34", "auth_only", "Discover")
    event = _event({"directResponse": text, "messages": {"resultCode": "Error", "message": [{"code": "E00027"}]}})
    assert (event.status_category, event.failure_reason, event.failure_source) == ("DECLINED", "INVALID_CARD_DATA",
                                                                                   "CUSTOMER")


@pytest.mark.parametrize("text", ["", "hello", "9,1,1,x", "1 1 1 approved", "1,1,1,too,short"])
def test_text_that_is_no_aim_response_is_left_alone(text):
    assert module.parse_aim_response(text) is None


def test_a_payment_profile_validation_is_no_payment():
    data = ('<validateCustomerPaymentProfileResponse xmlns="AnetApi/xml/v1/schema/AnetApiSchema.xsd"><messages>'
            '<resultCode>Ok</resultCode><message><code>I00001</code><text>Successful.</text></message></messages>'
            '<directResponse>' + _aim({1: "1", 2: "1", 3: "1", 4: "This transaction has been approved.", 7: "0",
                                      10: "0.00", 11: "CC", 12: "auth_only"}) +
            '</directResponse></validateCustomerPaymentProfileResponse>')
    assert _outcome(data).unprocessed_reason == "NOT_A_PAYMENT_EVENT"


@pytest.mark.parametrize(("delim", "encap"), [(",", None), ("|", None), (",", "$")])
def test_a_bare_aim_response_stored_as_the_row_is_read_with_and_without_a_hint(delim, encap):
    # AIM Developer Guide: field 1 response code, 3 reason code (2 = declined), 7 transaction id,
    # 10 amount, 11 method, 12 transaction type.
    text = _aim({1: "2", 2: "1", 3: "2", 4: "This transaction has been declined.", 7: "60112", 10: "5.00",
                 11: "CC", 12: "auth_capture"}, delim, encap)
    for data in (text, {"provider": "Authorize.Net", "content": text}):
        event = _event(data)
        assert (event.provider, event.status_category, event.failure_reason) == (
            "authorizenet", "DECLINED", "GENERIC_DECLINE")
        assert (event.amount_minor, event.provider_transaction_id, event.event_kind) == (500, "60112", "AUTHORIZATION")


def test_an_aim_response_naming_transaction_0_names_no_attempt():
    # Test-mode and refused requests return transaction id 0 (AIM guide): not an id shared by every such row.
    event = _event(_aim({1: "3", 2: "1", 3: "6", 4: "The credit card number is invalid.", 7: "0", 10: "5.00",
                         11: "CC", 12: "auth_capture"}))
    assert (event.status_category, event.failure_reason) == ("DECLINED", "INVALID_CARD_DATA")
    assert event.attempt_id is None and event.provider_transaction_id is None
