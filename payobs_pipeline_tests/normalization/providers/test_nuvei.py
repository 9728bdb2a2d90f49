"""Nuvei (SafeCharge) mapping: labeled corpus, shape detection, spec sanity and pinned behaviour."""

from __future__ import annotations

import json

import pytest

from payobs_pipeline.normalization.evaluation import load_cases
from payobs_pipeline.normalization.formats import parse_lake_data
from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.normalize import SHAPE_DETECTION_THRESHOLD, detect_provider
from payobs_pipeline.normalization.pii import mask_payload, mask_text
from payobs_pipeline.normalization.providers import builtin_mappings, nuvei as module
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import (
    CORPUS,
    NORMALIZER,
    assert_case_matches_labels,
    case_ids,
    has_hint,
    provider_cases,
)

PROVIDER = "nuvei"
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


def test_a_zero_extended_code_does_not_hide_the_issuer_reason():
    """Bank declines carry gwExtendedErrorCode 0; the issuer's text in gwErrorReason is the reason."""
    body = {"transactionStatus": "DECLINED", "gwErrorCode": -1, "gwExtendedErrorCode": 0,
            "gwErrorReason": "Insufficient Funds", "transactionId": "1", "internalRequestId": 1,
            "merchantSiteId": "1", "status": "SUCCESS", "errCode": 0}
    event = MAPPING.apply(body)
    assert event.raw_reason_code == "Insufficient Funds"
    assert str(event.failure_reason) == "INSUFFICIENT_FUNDS"
    assert body["gwExtendedErrorCode"] == 0  # prepare is pure


def test_a_filter_code_wins_over_the_text_and_1001_is_read_as_a_filter_code():
    base = {"transactionStatus": "ERROR", "gwErrorCode": -1100, "gwErrorReason": "Invalid Expiration Date",
            "transactionId": "2", "internalRequestId": 1, "merchantSiteId": "1", "status": "SUCCESS", "errCode": 0}
    event = MAPPING.apply({**base, "gwExtendedErrorCode": 1001})
    # 1001 is "Invalid checksum" as an API errCode but an invalid expiration date as a gateway filter code.
    assert str(event.failure_reason) == "INVALID_CARD_DATA"
    assert event.raw_reason_code == "1001"


def test_a_refund_dmn_names_its_refund_and_the_authorization():
    event = _event("ppp_status=OK&Status=APPROVED&TransactionID=900&relatedTransactionId=800&totalAmount=1.00"
                   "&currency=USD&transactionType=Credit&advanceResponseChecksum=x")
    assert (str(event.status_category), str(event.event_kind)) == ("REFUNDED", "REFUND")
    assert (event.refund_id, event.attempt_id) == ("900", "800")


def test_a_declined_refund_is_not_a_refund():
    event = _event("ppp_status=FAIL&Status=DECLINED&ErrCode=-1&Reason=Decline&TransactionID=901"
                   "&relatedTransactionId=800&totalAmount=1.00&currency=USD&transactionType=Credit"
                   "&advanceResponseChecksum=x")
    assert (str(event.status_category), str(event.event_kind)) == ("DECLINED", "REFUND")
