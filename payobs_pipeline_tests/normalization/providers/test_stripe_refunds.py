"""Stripe refunded Charges: pinned behaviour.

docs.stripe.com/api/charges/object: ``refunded`` is true only once the charge is fully refunded, ``amount_refunded``
says how much was refunded (less than ``amount`` for a partial refund); docs.stripe.com/api/events/types:
charge.refunded "occurs whenever a charge is refunded, including partial refunds". A refunded Charge is a REFUND
row of its attempt, with the refund's amount; an uncaptured charge marked refunded is a void.
"""

from __future__ import annotations

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import stripe as module

MAPPING = CompiledMapping(module.SPEC, module.prepare)


def _charge(**changes):
    charge = {"id": "ch_1", "object": "charge", "amount": 5000, "amount_captured": 5000, "amount_refunded": 0,
              "captured": True, "refunded": False, "status": "succeeded", "currency": "usd",
              "payment_intent": "pi_1"}
    return {**charge, **changes}


def test_a_charge_without_refunds_is_its_authorization():
    event = MAPPING.apply(_charge())
    assert (str(event.status_category), str(event.event_kind), event.amount_minor) == ("APPROVED", "AUTHORIZATION", 5000)


def test_a_partially_refunded_charge_is_a_refund_of_the_refunded_amount():
    event = MAPPING.apply(_charge(amount_refunded=1200))
    assert (str(event.status_category), str(event.event_kind), event.amount_minor) == ("REFUNDED", "REFUND", 1200)
    assert (event.attempt_id, event.payment_id) == ("ch_1", "pi_1")


def test_the_newest_listed_refund_names_the_row_and_its_amount():
    refunds = {"object": "list", "data": [{"id": "re_2", "object": "refund", "amount": 700},
                                          {"id": "re_1", "object": "refund", "amount": 500}]}
    event = MAPPING.apply(_charge(amount_refunded=1200, refunds=refunds))
    assert (event.refund_id, event.amount_minor) == ("re_2", 700)


def test_a_fully_refunded_charge_is_a_refund():
    event = MAPPING.apply(_charge(amount_refunded=5000, refunded=True))
    assert (str(event.status_category), event.amount_minor) == ("REFUNDED", 5000)


def test_an_uncaptured_charge_marked_refunded_is_a_void():
    event = MAPPING.apply(_charge(captured=False, amount_captured=0, amount_refunded=5000, refunded=True))
    assert (str(event.status_category), str(event.event_kind)) == ("CANCELLED", "VOID")


def test_a_charge_refunded_event_reads_its_charge_as_the_refund():
    event = MAPPING.apply({"id": "evt_1", "object": "event", "type": "charge.refunded",
                           "data": {"object": _charge(amount_refunded=300)}})
    assert (str(event.status_category), event.amount_minor) == ("REFUNDED", 300)


def test_a_dispute_event_about_a_partially_refunded_charge_stays_a_chargeback():
    event = MAPPING.apply({"id": "evt_2", "object": "event", "type": "charge.dispute.created",
                           "data": {"object": _charge(amount_refunded=300)}})
    assert str(event.status_category) == "CHARGEBACK"


def test_a_charge_stored_without_its_object_key_is_read_by_its_id():
    body = _charge(amount_refunded=300)
    del body["object"]
    event = MAPPING.apply(body)
    assert (str(event.status_category), event.amount_minor, event.variant) == ("REFUNDED", 300, "charge.refunded")
