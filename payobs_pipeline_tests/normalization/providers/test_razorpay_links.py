"""Razorpay: Payment Links and webhooks kept as their event name and payload."""

from __future__ import annotations

from payobs_pipeline_tests.normalization.corpus_checks import normalized_event


def test_a_payment_link_is_the_payment_as_a_whole():
    event = normalized_event({"id": "plink_1", "amount": 100, "amount_paid": 0, "currency": "INR",
                              "short_url": "https://rzp.io/i/x", "status": "cancelled"})
    assert (event.provider, str(event.status_category), str(event.event_kind), event.amount_minor) == (
        "razorpay", "CANCELLED", "PAYMENT", 100)


def test_a_webhook_kept_as_event_and_payload_is_razorpays():
    event = normalized_event({"event": "payment.captured", "payload": {"payment": {"entity": {
        "id": "pay_1", "status": "captured"}}}})
    assert (event.provider, str(event.status_category)) == ("razorpay", "APPROVED")
