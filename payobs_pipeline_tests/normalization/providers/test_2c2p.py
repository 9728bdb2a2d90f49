"""2C2P mapping: labeled corpus, shape detection, spec sanity and pinned behaviour."""

from __future__ import annotations

import base64
import importlib
import json

import pytest

from payobs_pipeline.normalization.evaluation import load_cases
from payobs_pipeline.normalization.formats import parse_lake_data
from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.normalize import SHAPE_DETECTION_THRESHOLD, detect_provider
from payobs_pipeline.normalization.pii import mask_payload, mask_text
from payobs_pipeline.normalization.providers import builtin_mappings
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import (
    CORPUS,
    NORMALIZER,
    assert_case_matches_labels,
    case_ids,
    has_hint,
    provider_cases,
)

# The module is named after the slug, which is not a Python identifier.
module = importlib.import_module("payobs_pipeline.normalization.providers.2c2p")

PROVIDER = "2c2p"
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


def _inquiry(code, **kw):
    data = {"merchantID": "JT01", "invoiceNo": "I1", "amount": 10.0, "currencyCode": "SGD", "tranRef": "R1",
            "channelCode": "VI", "paymentScheme": "VI", "respCode": code, "respDesc": "x"}
    data.update(kw)
    return data


def test_2c2p_wording_of_a_host_code_wins_over_iso():
    # 4035 is "Restricted Card - Pick Up" at 2C2P; ISO 35 alone would read "contact acquirer".
    assert str(_event(_inquiry("4035")).failure_reason) == "RESTRICTED_CARD"


def test_an_unlisted_host_code_reads_its_iso_digits():
    event = _event(_inquiry("4061"))
    assert (str(event.failure_reason), event.raw_reason_code) == ("LIMIT_EXCEEDED", "61")


def test_api_success_of_a_payment_token_is_no_payment_approval():
    from payobs_pipeline.normalization.evaluation import normalize_lake_data

    outcome = normalize_lake_data({"paymentToken": "t", "webPaymentUrl": "https://x", "respCode": "0000",
                                   "respDesc": "Success"}, None, NORMALIZER)
    assert outcome.unprocessed_reason == "NOT_A_PAYMENT_EVENT"


def test_a_jwt_backend_notification_is_read_as_the_inquiry_it_carries():
    # PGW v4 posts {"payload": "<JWT>"} whose claims are the payment inquiry's fields
    # (developer.2c2p.com/docs/api-payment-response-back-end); the signature is the merchant's to verify.
    from payobs_pipeline.normalization.evaluation import normalize_lake_data

    token = ("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
             + base64.urlsafe_b64encode(json.dumps({
                 "merchantID": "JT01", "invoiceNo": "1523953661", "amount": 25.5, "currencyCode": "SGD",
                 "tranRef": "28118", "respCode": "4051", "respDesc": "Insufficient funds"}).encode()).decode().rstrip("=")
             + ".c2lnbmF0dXJl")
    event = normalize_lake_data({"payload": token}, None, NORMALIZER).event
    assert (event.provider, event.status_category, event.failure_reason) == ("2c2p", "DECLINED", "INSUFFICIENT_FUNDS")
    assert (event.amount_minor, event.currency, event.attempt_id) == (2550, "SGD", "28118")
