"""Revolut Merchant API mapping: pinned behaviour (the checks every
provider passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import revolut
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

# What test_provider_contract.py expects of this provider where it differs from every provider's default.
CONTRACT = {
    # Statuses its specs map to that corpus/revolut.json has no case of yet.
    "uncovered_statuses": {
        "CHARGEBACK": "the DISPUTE_* webhook events are documented by name only; no body example was found",
    },
}

CASES = provider_cases("revolut")


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(revolut.SPEC)
    statuses = {*revolut.ORDER_STATES.values(), *revolut.REFUND_ORDER_STATES.values(),
                *revolut.PAYMENT_STATES.values(), *revolut.EVENTS.values()}
    assert statuses <= set(StatusCategory.__members__)
    for code, entry in revolut.REASONS.items():
        reason = entry if isinstance(entry, str) else entry["reason"]
        assert reason in FailureReason.__members__, code


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_a_failed_orders_reason_is_its_payments_decline_reason():
    document = _case("order_failed_insufficient_funds")
    document["payments"][0]["decline_reason"] = "expired_card"
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == (
        "DECLINED", "EXPIRED_CARD", "expired_card")


def test_an_order_is_the_payment_and_its_payment_the_attempt():
    event = normalized_event(_case("order_completed_card"))
    assert (event.payment_id, event.attempt_id, event.event_kind) == (
        "6655b6a2-4fa4-a8d3-a1b2-3c4d5e6f7081", "6655b6b6-0c11-4e2f-9a7d-1f2e3d4c5b6a", "PAYMENT")


def test_a_dispute_webhook_is_a_chargeback_of_the_order():
    event = normalized_event({"event": "DISPUTE_ACTION_REQUIRED", "order_id": "6655b6a2-4fa4-a8d3-a1b2-3c4d5e6f7081"})
    assert (event.status_category, event.event_kind, event.payment_id) == (
        "CHARGEBACK", "DISPUTE", "6655b6a2-4fa4-a8d3-a1b2-3c4d5e6f7081")
