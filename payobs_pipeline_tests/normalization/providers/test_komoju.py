"""KOMOJU mapping: pinned behaviour (the checks every provider passes are in ../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.providers import komoju
from payobs_pipeline_tests.normalization.corpus_checks import (
    normalized_event,
    provider_cases,
)

CASES = provider_cases("komoju")
# Mollie's detector weighs a document's "resource": "payment" | "refund" | "event" at the threshold; KOMOJU's
# documents carry the same member. Mollie scores below KOMOJU's own on them.
CONTRACT = {"shared_shapes": {"mollie"}}


def _data(name):
    return copy.deepcopy(next(case["data"] for case in CASES if case["name"] == name))


def test_every_documented_error_code_names_a_reason_and_declines_only_the_payment_ones():
    for code in komoju.ERROR_CODES:
        event = normalized_event({"provider": "komoju", "payload": {"error": {"code": code, "message": "x"}}})
        expected = "DECLINED" if code in komoju.DECLINE_CODES else "ERROR"
        assert (str(event.status_category), event.raw_reason_code) == (expected, code)
        assert str(event.failure_reason) != "UNKNOWN", code


def test_a_refund_event_reports_the_latest_refund_of_the_payment():
    body = _data("webhook_payment_refund_created_partial")
    earlier = {**body["data"]["refunds"][0], "id": "EARLIER", "created_at": "2024-05-04T00:00:00Z", "amount": 500}
    body["data"]["refunds"].insert(0, earlier)
    event = normalized_event(body)
    assert (event.refund_id, event.amount_minor) == ("0a1b2c3d4e5f6g7h8i9j0k1l2", 1000)


def test_a_charged_back_refund_inside_a_refund_event_is_a_dispute():
    body = _data("webhook_payment_refund_created_partial")
    body["data"]["refunds"][0]["chargeback"] = True
    event = normalized_event(body)
    assert (str(event.status_category), str(event.event_kind)) == ("CHARGEBACK", "DISPUTE")


def test_the_total_with_tax_and_fee_is_the_amount_paid():
    payment = _data("payment_pending_konbini")
    payment.update(payment_method_fee=190, total=520)
    assert normalized_event(payment).amount_minor == 520


def test_a_sub_merchant_payment_is_a_payment():
    body = _data("webhook_payment_captured")
    body["type"] = "submerchant.payment.captured"
    event = normalized_event(body)
    assert (str(event.status_category), str(event.event_kind)) == ("APPROVED", "CAPTURE")
