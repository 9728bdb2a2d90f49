"""Conekta mapping: pinned behaviour (the checks every provider passes are in ../test_provider_contract.py)."""

from __future__ import annotations

from payobs_pipeline_tests.normalization.corpus_checks import NORMALIZER
from payobs_pipeline_tests.normalization.lifecycle_events import canonical_event, lifecycle_identity

# What test_provider_contract.py expects of this provider where it differs from every provider's default.
CONTRACT = {
    # Other detectors that reach the threshold on some of its unhinted documents (still below its own):
    # its webhook envelopes are shaped like Stripe's events (object "event", data.object.object "charge").
    "shared_shapes": {"stripe"},
}


# --- behaviour worth pinning ------------------------------------------------------------------------------


def _charge(**kw):
    return {"id": "63efa757cf65380001aec0aa", "object": "charge", "status": "paid", "amount": 5000, "currency": "MXN",
            "created_at": 1676386026, "order_id": "ord_2tN73UdUSNrYRPD9r",
            "payment_method": {"object": "card_payment", "type": "debit", "brand": "mastercard", "last4": "4444"},
            **kw}


def test_a_charge_is_the_attempt_and_its_order_the_payment():
    event = canonical_event(_charge(), NORMALIZER)
    assert lifecycle_identity(event) == ("AUTHORIZATION", "APPROVED", "63efa757cf65380001aec0aa",
                                         "ord_2tN73UdUSNrYRPD9r", None, None)


def test_a_charged_back_charge_names_no_chargeback_id_the_chargeback_event_does():
    # openapi chargeback_response.yml: the chargeback (chbk_) names its charge_id; a charge names none.
    charged_back = canonical_event(_charge(status="charged_back"), NORMALIZER)
    assert (str(charged_back.event_kind), charged_back.dispute_id) == ("DISPUTE", None)


def test_a_voided_pre_authorization_is_a_void_of_the_attempt():
    voided = canonical_event(_charge(status="voided"), NORMALIZER)
    assert (str(voided.event_kind), str(voided.status_category), voided.attempt_id) == (
        "VOID", "CANCELLED", "63efa757cf65380001aec0aa")


def test_the_detailed_error_code_wins_over_the_error_type():
    body = {"object": "error", "type": "processing_error", "log_id": "x",
            "details": [{"code": "conekta.errors.processing.bank.insufficient_funds", "message": "Sin fondos"}]}
    event = canonical_event(body, NORMALIZER)
    assert (str(event.status_category), str(event.failure_reason)) == ("DECLINED", "INSUFFICIENT_FUNDS")
    bare = canonical_event({"provider": "conekta", "payload": {"object": "error", "type": "processing_error",
                                                                "details": []}}, NORMALIZER)
    assert (str(bare.status_category), str(bare.failure_reason)) == ("DECLINED", "GENERIC_DECLINE")
