"""WooPayments timeline events: pinned behaviour (the checks every provider
passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import woopayments
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("woopayments")


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(woopayments.SPEC)
    assert set(woopayments.EVENTS.values()) <= set(StatusCategory.__members__)
    for code, entry in woopayments.REASONS.items():
        reason = entry if isinstance(entry, str) else entry["reason"]
        assert reason in FailureReason.__members__, code


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_a_failed_event_reads_its_stripe_error_code():
    document = _case("failed_card_declined_hinted")
    document["payload"]["reason"] = "incorrect_cvc"
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == (
        "DECLINED", "INCORRECT_CVC", "incorrect_cvc")


def test_a_single_currency_dispute_keeps_the_events_amount():
    document = _case("dispute_needs_response_multi_currency")
    del document["transaction_details"]
    document.update(amount=9500, currency="USD")
    event = normalized_event(document)
    assert (event.amount_minor, event.currency) == (9500, "USD")


def test_a_stripe_charge_stays_stripes_under_a_woopayments_hint():
    # WooPayments relays Stripe objects; their shape names Stripe whatever the provider column says.
    charge = {"id": "ch_3P1aBcDEFgHIjKLm0NoPqRsT", "object": "charge", "amount": 4500, "currency": "usd",
              "status": "succeeded", "paid": True, "captured": True, "outcome": {"type": "authorized"}}
    assert normalized_event({"provider": "WooPayments", "payload": charge}).provider == "stripe"
