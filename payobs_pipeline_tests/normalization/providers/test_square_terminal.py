"""Square Terminal checkouts: pinned behaviour.

developer.squareup.com/reference/square/objects/TerminalCheckout: status PENDING / IN_PROGRESS / CANCEL_REQUESTED /
CANCELED / COMPLETED; payment_ids names the Payments a completed checkout took. The checkout is the payment's state
on the device (event_kind PAYMENT); it names its Payment as attempt, so it joins that payment's rows.
"""

from __future__ import annotations

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import square as module

MAPPING = CompiledMapping(module.SPEC, module.prepare)


def _event(checkout):
    return {"merchant_id": "M1", "type": "terminal.checkout.updated", "event_id": "e1",
            "created_at": "2024-06-01T17:01:15Z",
            "data": {"type": "checkout.event", "id": checkout["id"], "object": {"checkout": checkout}}}


def _checkout(status, **extra):
    return {"id": "chk_1", "amount_money": {"amount": 1000, "currency": "USD"},
            "device_options": {"device_id": "dev_1"}, "status": status, **extra}


@pytest.mark.parametrize(("status", "category"), [
    ("PENDING", "PENDING"), ("IN_PROGRESS", "PENDING"), ("CANCEL_REQUESTED", "PENDING"),
    ("CANCELED", "CANCELLED"), ("COMPLETED", "APPROVED"),
])
def test_every_checkout_status_is_a_payment_state(status, category):
    event = MAPPING.apply(_event(_checkout(status)))
    assert (str(event.status_category), str(event.event_kind)) == (category, "PAYMENT")
    assert (event.amount_minor, event.currency, str(event.payment_method)) == (1000, "USD", "CARD")


def test_a_completed_checkout_joins_its_payment():
    event = MAPPING.apply(_event(_checkout("COMPLETED", payment_ids=["pay_1"])))
    assert (event.attempt_id, event.payment_id) == ("pay_1", "chk_1")


def test_the_create_response_is_read_too():
    event = MAPPING.apply({"checkout": _checkout("PENDING", payment_type="PAYPAY")})
    assert (str(event.status_category), str(event.payment_method)) == ("PENDING", "WALLET")


def test_a_payout_event_is_still_not_a_payment():
    from payobs_pipeline.normalization.mapping import UnmappedPayload
    with pytest.raises(UnmappedPayload) as caught:
        MAPPING.apply({"merchant_id": "M1", "type": "payout.paid", "event_id": "e2",
                       "data": {"type": "payout", "id": "po_1",
                                "object": {"payout": {"amount_money": {"amount": 1, "currency": "USD"}}}}})
    assert caught.value.reason_code == "NOT_A_PAYMENT_EVENT"
