"""Stripe mapping: an Event kept as its type and data.object only (the checks every provider passes are in
../test_provider_contract.py)."""

from __future__ import annotations

from payobs_pipeline_tests.normalization.corpus_checks import normalized_event


def test_an_event_without_object_and_id_is_read_as_the_event():
    event = normalized_event({"type": "payment_intent.succeeded", "data": {"object": {
        "id": "pi_1", "status": "succeeded", "amount": 500, "currency": "eur"}}})
    assert (event.provider, str(event.status_category), event.amount_minor, event.currency) == (
        "stripe", "APPROVED", 500, "EUR")


def test_a_refund_update_event_without_envelope_is_a_refund():
    event = normalized_event({"type": "charge.refund.updated", "data": {"object": {
        "id": "re_1", "object": "refund", "charge": "ch_1", "status": "failed", "amount": 700, "currency": "usd"}}})
    assert (str(event.status_category), str(event.event_kind)) == ("DECLINED", "REFUND")
