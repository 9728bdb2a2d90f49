"""Checkout.com card payouts are not payments.

api-reference.checkout.com/#operation/requestAPaymentOrPayout: "To accept payments ... specify the source.type field
... To pay out to a card, specify the destination of your payout using the destination.type field". A payout (the
reply, GET /payments/{id}, or a payment_* webhook whose data carries the destination) moves money to the cardholder:
it is kept unprocessed as NOT_A_PAYMENT_EVENT, never counted as a customer payment.
"""

from __future__ import annotations

import pytest

from payobs_pipeline.normalization.evaluation import normalize_lake_data
from payobs_pipeline_tests.normalization.corpus_checks import NORMALIZER

_PAYOUT = {"id": "pay_k4r7dzxhl4bexbu5ayxrdbuzyq", "action_id": "act_k4r7dzxhl4bexbu5ayxrdbuzyq", "amount": 25000,
           "currency": "GBP", "status": "Pending", "reference": "payout-8812",
           "destination": {"type": "card", "last4": "4242", "scheme": "Visa"},
           "_links": {"self": {"href": "https://api.checkout.com/payments/pay_k4r7dzxhl4bexbu5ayxrdbuzyq"}}}
_PAYOUT_WEBHOOK = {"id": "evt_5ajxu3ph2wnu7pbkhxfzkbqxmq", "type": "payment_paid", "created_on": "2025-01-02T10:00:00Z",
                   "data": {"id": "pay_k4r7dzxhl4bexbu5ayxrdbuzyq", "action_id": "act_2pw3mc3jzdxxkr2ysbbyo6jmsy",
                            "amount": 25000, "currency": "GBP", "destination": {"type": "card"}}}


@pytest.mark.parametrize("data", [
    {"provider": "checkout", "payload": _PAYOUT},
    _PAYOUT,
    {"provider": "checkout", "payload": _PAYOUT_WEBHOOK},
])
def test_a_card_payout_is_not_a_payment(data):
    outcome = normalize_lake_data(data, None, NORMALIZER)
    assert outcome.event is None
    assert outcome.unprocessed_reason == "NOT_A_PAYMENT_EVENT"


def test_a_payment_with_a_source_is_still_a_payment():
    payment = {k: v for k, v in _PAYOUT.items() if k != "destination"}
    outcome = normalize_lake_data({"provider": "checkout", "payload": {**payment, "status": "Authorized",
                                                                        "source": {"type": "card"}}}, None, NORMALIZER)
    assert outcome.event is not None and outcome.event.status_category == "APPROVED"
