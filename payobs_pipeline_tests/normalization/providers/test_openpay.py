"""Openpay mapping: its labeled corpus, shape detection and spec sanity."""

from __future__ import annotations

import json

import pytest

from payobs_pipeline.normalization.evaluation import load_cases
from payobs_pipeline.normalization.formats import parse_lake_data
from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.normalize import SHAPE_DETECTION_THRESHOLD, detect_provider
from payobs_pipeline.normalization.pii import mask_payload, mask_text
from payobs_pipeline.normalization.providers import builtin_mappings, openpay as module
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import (
    CORPUS,
    NORMALIZER,
    assert_case_matches_labels,
    case_ids,
    has_hint,
    provider_cases,
)
from payobs_pipeline_tests.normalization.lifecycle_events import canonical_event, lifecycle_identity

CASES = provider_cases("openpay")
MAPPING = CompiledMapping(module.SPEC, getattr(module, "prepare", None))


def _body(data):
    parsed = parse_lake_data(mask_text(json.dumps(data)))
    return mask_payload(parsed.body)




@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_case_matches_its_labels(case):
    assert_case_matches_labels(case)


def test_corpus_covers_the_documented_outcomes():
    assert len(CASES) >= 10
    statuses = {c["expected"].get("status_category") for c in CASES}
    assert {"APPROVED", "DECLINED", "ERROR", "PENDING"} <= statuses
    assert any(has_hint(c["data"]) for c in CASES) and any(not has_hint(c["data"]) for c in CASES)


@pytest.mark.parametrize("case", [c for c in CASES if not has_hint(c["data"])],
                         ids=case_ids([c for c in CASES if not has_hint(c["data"])]))
def test_unhinted_documented_shapes_are_detected(case):
    guess = detect_provider(_body(case["data"]), {}, builtin_mappings())
    assert guess.provider == "openpay"
    assert guess.confidence >= SHAPE_DETECTION_THRESHOLD


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_no_other_mapping_outscores_ours(case):
    body = _body(case["data"])
    own = MAPPING.shape_score(body)
    for mapping in builtin_mappings():
        if mapping.provider != "openpay":
            assert mapping.shape_score(body) < max(own, SHAPE_DETECTION_THRESHOLD), mapping.provider


def test_other_providers_corpora_do_not_score_on_our_detector():
    for path in sorted(CORPUS.glob("*.json")):
        if path.stem == "openpay":
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
    spec = module.SPEC
    maps = [spec.get("status_map", {})] + [v.get("status_map", {}) for v in spec.get("variants", [])]
    fixed = [v["status"] for v in spec.get("variants", []) if v.get("status")]
    assert sum(len(m) for m in maps) >= 4
    for status_map in maps:
        for raw, category in status_map.items():
            assert category in StatusCategory.__members__, f"{raw} -> {category}"
    for category in fixed:
        assert category in StatusCategory.__members__
    for status_map in maps:
        for raw, category in status_map.items():
            assert any(v.status_map.get(str(raw).lower()) == StatusCategory(category) for v in MAPPING.variants)


# --- behaviour worth pinning ------------------------------------------------------------------------------


def test_a_refunded_charge_is_a_refund_of_its_attempt_with_the_refunds_amount():
    charge = {"id": "tr6cxbcefzatd10guvvw", "amount": 100.00, "method": "card", "operation_type": "in",
              "transaction_type": "charge", "status": "refunded", "currency": "MXN", "order_id": "oid-1",
              "refund": {"id": "trcbsmjkroqmjobxqhpb", "amount": 25.50, "operation_type": "out",
                         "transaction_type": "refund", "status": "completed", "currency": "MXN"}}
    event = canonical_event(charge, NORMALIZER)
    assert lifecycle_identity(event) == ("REFUND", "REFUNDED", "tr6cxbcefzatd10guvvw", "oid-1",
                                         "trcbsmjkroqmjobxqhpb", None)
    assert event.amount_minor == 2550


def test_card_codes_are_declines_other_codes_failed_requests():
    declined = canonical_event({"category": "gateway", "error_code": 3004, "http_code": 402,
                                "description": "The card was reported as stolen"}, NORMALIZER)
    assert (str(declined.status_category), str(declined.failure_reason)) == ("DECLINED", "LOST_OR_STOLEN_CARD")
    failed = canonical_event({"category": "request", "error_code": 1001, "http_code": 400,
                              "description": "Bad Request"}, NORMALIZER)
    assert (str(failed.status_category), str(failed.failure_reason)) == ("ERROR", "INVALID_REQUEST")


def test_payouts_fees_and_transfers_are_not_payments():
    from payobs_pipeline.normalization.mapping import NOT_A_PAYMENT_EVENT, UnmappedPayload

    for body in ({"id": "tr1", "transaction_type": "payout", "operation_type": "out", "status": "completed",
                  "amount": 10, "currency": "MXN"},
                 {"type": "charge.succeeded",
                  "transaction": {"id": "tr2", "transaction_type": "fee", "status": "completed"}}):
        with pytest.raises(UnmappedPayload) as raised:
            MAPPING.apply(body)
        assert raised.value.reason_code == NOT_A_PAYMENT_EVENT
