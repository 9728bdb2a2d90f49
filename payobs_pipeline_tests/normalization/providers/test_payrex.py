"""PayRex mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import payrex
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("payrex")

CONTRACT = {
    # PayRex documents no failure codes for a failed payment or refund: every decline is UNKNOWN.
    "decline_reasons": 1,
    # PayRex's objects follow Stripe's model (pi_ ids, amount_capturable, amount_received), and Mollie and KOMOJU
    # also name an object's kind in "resource"; they reach the threshold on some of its documents but stay below
    # PayRex's own signals (resource, payment_methods, capture_type, payment_id pay_).
    "shared_shapes": ["stripe", "mollie", "komoju"],
}


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(payrex.SPEC, payrex.prepare)
    maps = (payrex.INTENT_STATUSES, payrex.PAYMENT_STATUSES, payrex.REFUND_STATUSES, payrex.CHECKOUT_STATUSES)
    assert {status for m in maps for status in m.values()} <= set(StatusCategory.__members__)
    assert set(payrex.ERROR_CODES.values()) <= set(FailureReason.__members__)


def test_an_intent_awaiting_a_payment_method_after_a_failed_attempt_is_declined():
    document = _case("payment_intent_awaiting_next_action_redirect")
    document.update(status="awaiting_payment_method", last_payment_error={"payment_id": "pay_F4iL3dPq9wXe2RtY"})
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason, event.event_kind) == ("DECLINED", "UNKNOWN", "PAYMENT")


def test_a_webhook_event_is_read_as_the_resource_it_carries():
    event = normalized_event(_case("webhook_payment_intent_succeeded_card"))
    assert (event.variant, event.card_brand, event.attempt_id, event.payment_id) == (
        "payment_intent", "visa", "pay_k3Rd8vXq2LmN5pTz", "pi_W7bQ2nVx8cKp4RtY")


def test_a_refund_names_the_payment_it_refunds_as_the_attempt():
    event = normalized_event(_case("webhook_refund_created_succeeded"))
    assert (event.event_kind, event.refund_id, event.attempt_id, event.amount_minor) == (
        "REFUND", "re_Tz6yU8iO0pA2sD4f", "pay_k3Rd8vXq2LmN5pTz", 25000)


def test_a_checkout_session_counts_its_payment_intents_amount():
    event = normalized_event(_case("webhook_checkout_session_expired"))
    assert (event.status_category, event.event_kind, event.amount_minor, event.payment_id) == (
        "CANCELLED", "PAYMENT", 10000, "pi_Sx2cV4bN6mQ8wE0r")
