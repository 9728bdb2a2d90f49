"""Tamara mapping: pinned behaviour (the checks every provider
passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import tamara
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

# What test_provider_contract.py expects of this provider where it differs from every provider's default.
CONTRACT = {
    # Distinct failure reasons among its DECLINED cases: its corpus has one (RISK_REJECTED) so far.
    "decline_reasons": 1,
}

CASES = provider_cases("tamara")


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(tamara.SPEC)
    assert set(tamara.STATUSES.values()) <= set(StatusCategory.__members__)
    for code, entry in tamara.REASONS.items():
        reason = entry if isinstance(entry, str) else entry["reason"]
        assert reason in FailureReason.__members__, code


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_a_refunded_order_is_the_refunded_amount():
    event = normalized_event(_case("order_partially_refunded"))
    assert (event.amount_minor, event.event_kind, event.payment_id) == (
        10000, "REFUND", "7ae8a4b0-6fd6-4ba4-8b5e-0c0a2f3b1e21")


def test_every_webhook_event_maps_to_a_status():
    for event_type in tamara.EVENTS:
        body = _case("webhook_order_approved")
        body["event_type"] = event_type
        assert normalized_event(body).status_category == tamara.EVENTS[event_type], event_type
