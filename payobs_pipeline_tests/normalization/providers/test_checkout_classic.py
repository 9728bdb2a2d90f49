"""Checkout.com Classic API charges: pinned behaviour.

The Classic API's card charge answers with the charge (id charge_..., value in minor units, status, responseCode) and
the card charged (card: id card_..., last4, bin, paymentMethod the scheme).
"""

from __future__ import annotations

from payobs_pipeline_tests.normalization.corpus_checks import normalized_event


def test_a_classic_card_charge_is_a_card_payment_of_its_scheme():
    event = normalized_event({"id": "charge_test_1A2B3C4D5E6F7G8H9I0J", "created": "2018-03-01T10:00:00Z", "value": 1250,
                              "currency": "GBP", "status": "Declined", "responseCode": "20051",
                              "responseMessage": "Insufficient Funds",
                              "card": {"id": "card_5A2B", "last4": "4242", "bin": "424242",
                                       "paymentMethod": "Visa"}})
    assert (event.provider, str(event.status_category), str(event.payment_method), event.card_brand) == (
        "checkout", "DECLINED", "CARD", "visa")
    assert (event.amount_minor, event.currency) == (1250, "GBP")
