"""Xendit mapping: labeled corpus, shape detection, spec sanity and pinned behaviour."""

from __future__ import annotations

import json

import pytest

from payobs_pipeline.normalization.evaluation import load_cases
from payobs_pipeline.normalization.formats import parse_lake_data
from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.normalize import SHAPE_DETECTION_THRESHOLD, detect_provider
from payobs_pipeline.normalization.pii import mask_payload, mask_text
from payobs_pipeline.normalization.providers import builtin_mappings, xendit as module
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import (
    CORPUS,
    NORMALIZER,
    assert_case_matches_labels,
    case_ids,
    has_hint,
    provider_cases,
)

PROVIDER = "xendit"
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


def _v3(event, **data):
    payload = {"payment_id": "py-1", "payment_request_id": "pr-1", "status": "FAILED", "request_amount": 10000,
               "currency": "IDR", "channel_code": "CARDS", "country": "ID", "created": "2024-01-01T00:00:00Z"}
    payload.update(data)
    return {"event": event, "business_id": "b1", "created": "2024-01-01T00:00:01Z", "data": payload}


def test_the_scheme_response_code_wins_over_xendits_failure_code():
    event = _event(_v3("payment.failure", failure_code="DECLINED_BY_ISSUER",
                       payment_details={"authorization_data": {"network_response_code": "54"}}))
    assert (str(event.failure_reason), event.raw_reason_code) == ("EXPIRED_CARD", "54")


def test_an_expired_payment_request_is_cancelled_not_declined():
    event = _event(_v3("payment.failure", failure_code="PAYMENT_REQUEST_EXPIRED"))
    assert (str(event.status_category), event.failure_reason) == ("CANCELLED", None)


def test_a_refund_names_the_payment_it_follows():
    refund = {"id": "rfd-1", "payment_id": "py-9", "payment_request_id": "pr-9", "amount": 5000, "currency": "PHP",
              "status": "SUCCEEDED", "channel_code": "PH_GCASH", "created": "2024-01-02T00:00:00Z"}
    event = _event({"event": "refund.succeeded", "business_id": "b1", "created": "2024-01-02T00:00:00Z",
                    "data": refund})
    assert (event.refund_id, event.attempt_id, event.payment_id) == ("rfd-1", "py-9", "pr-9")
    assert (str(event.event_kind), event.amount_minor, str(event.payment_method)) == ("REFUND", 500000, "WALLET")


def test_the_payment_of_a_v3_payment_is_its_payment_request():
    event = _event(_v3("payment.capture", status="SUCCEEDED"))
    assert (event.attempt_id, event.payment_id, event.customer_country) == ("py-1", "pr-1", "ID")


def test_idr_amounts_are_major_units_with_exponent_two():
    event = _event(_v3("payment.capture", status="SUCCEEDED", request_amount=150000))
    assert (event.amount_minor, event.currency) == (15000000, "IDR")
