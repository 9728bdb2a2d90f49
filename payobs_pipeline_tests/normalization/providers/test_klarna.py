"""Klarna mapping: pinned behaviour (the checks every provider passes are in ../test_provider_contract.py)."""

from __future__ import annotations

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.normalize import SHAPE_DETECTION_THRESHOLD, detect_provider
from payobs_pipeline.normalization.providers import builtin_mappings, klarna as module
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import masked_body, normalized_event

# What test_provider_contract.py expects of this provider where it differs from every provider's default.
CONTRACT = {
    # Distinct failure reasons among its DECLINED cases: its documentation gives a single decline reason.
    "decline_reasons": 1,
}

MAPPING = CompiledMapping(module.SPEC, getattr(module, "prepare", None))


def _order(status, captured):
    return {"order_id": "o1", "status": status, "fraud_status": "ACCEPTED", "order_amount": 1000,
            "captured_amount": captured, "purchase_currency": "SEK", "klarna_reference": "K1"}


def test_closed_is_told_apart_by_the_captured_amount():
    paid = MAPPING.apply(_order("CLOSED", 1000))
    unused = MAPPING.apply(_order("CLOSED", 0))
    assert (str(paid.status_category), str(paid.event_kind)) == ("APPROVED", "AUTHORIZATION")
    assert (str(unused.status_category), str(unused.event_kind)) == ("CANCELLED", "VOID")
    assert paid.raw_status == "CLOSED"


def test_a_refund_without_currency_has_no_guessed_amount():
    event = MAPPING.apply({"refund_id": "r1", "refunded_amount": 500, "credit_invoice": True})
    assert (event.amount_minor, event.currency, event.refund_id) == (None, None, "r1")


def test_klarna_is_always_bnpl():
    assert str(MAPPING.apply(_order("AUTHORIZED", 0)).payment_method) == "BNPL"


@pytest.mark.parametrize("code", ["INVALID_ORDER_ID", "INVALID_CAPTURE_AMOUNT", "NO_SUCH_ORDER", "NO_SUCH_SHIPMENT"])
def test_invalid_and_no_such_error_codes_are_the_request(code):
    # Klarna error codes name what was wrong: an invalid value, an object that does not exist.
    body = {"error_code": code, "error_messages": ["..."], "correlation_id": "0b1d9815-165e-42e2-8867-35bc03789e00"}
    event = normalized_event(body)
    assert event.status_category is StatusCategory.ERROR
    assert event.failure_reason == "INVALID_REQUEST"


def test_a_redirect_url_elsewhere_does_not_name_klarna():
    body = {"order_id": "1234", "redirect_url": "https://shop.example.com/thanks", "fraud_status": "ACCEPTED"}
    guess = detect_provider(masked_body(body), {}, builtin_mappings())
    assert guess.provider != "klarna" or guess.confidence < SHAPE_DETECTION_THRESHOLD


@pytest.mark.parametrize("status, category", sorted(module.HPP_SESSION_STATUSES.items()))
def test_an_hpp_session_status_reads_through_the_hpp_statuses(status, category):
    # docs.klarna.com/hosted-payment-page/get-started/tracking-session-status; kco_rest_dotnet
    # HostedPaymentPageSessionStatus {auth_token, status, updated_at}.
    event = normalized_event({"provider": "klarna", "payload": {"auth_token": "b4bd3423-24e3", "status": status,
                                                                "updated_at": "2025-01-19T03:14:07.000Z"}})
    assert (event.status_category, event.amount_minor, event.payment_method) == (category, None, "BNPL")


@pytest.mark.parametrize(("event_type", "category", "reason"), [
    ("FRAUD_RISK_ACCEPTED", "APPROVED", None),
    ("FRAUD_RISK_REJECTED", "DECLINED", "RISK_REJECTED"),
    ("FRAUD_RISK_STOPPED", "DECLINED", "RISK_REJECTED"),
])
def test_a_pending_order_notification_is_klarnas_risk_decision(event_type, category, reason):
    # docs.klarna.com/order-management/get-started/pending-orders: the notification URL receives the order_id and
    # one of the three events, and nothing else names Klarna in it.
    body = {"order_id": "f3392f8b-6116-4073-ab96-e330819e2c07", "event_type": event_type}
    assert detect_provider(body, {}, builtin_mappings()).provider == "klarna"
    event = MAPPING.apply(body)
    assert (str(event.status_category), event.failure_reason and str(event.failure_reason), event.attempt_id) == (
        category, reason, "f3392f8b-6116-4073-ab96-e330819e2c07")


@pytest.mark.parametrize(("state", "category"), [
    ("SUBMITTED", "PENDING"), ("IN_PROGRESS", "PENDING"), ("COMPLETED", "PENDING"), ("AUTHORIZED", "APPROVED"),
    ("DECLINED", "DECLINED"), ("CANCELED", "CANCELLED"), ("EXPIRED", "CANCELLED"),
])
def test_a_payment_request_state_is_the_payment_as_a_whole(state, category):
    # docs.klarna.com .../monitor-the-payment-request-state: COMPLETED still waits for the partner's authorization.
    event = MAPPING.apply({"payment_request_id": "krn:payment:eu1:request:1", "state": state})
    assert (str(event.status_category), str(event.event_kind), str(event.payment_method)) == (
        category, "PAYMENT", "BNPL")


@pytest.mark.parametrize("answer, category", [
    ({"approved": True, "show_form": True, "authorization_token": "t1"}, "APPROVED"),
    ({"approved": False, "show_form": False}, "DECLINED"),
    ({"approved": False, "show_form": True}, "CANCELLED"),
    ({"approved": False, "show_form": True, "error": {"invalid_fields": ["billing_address.email"]}}, "ERROR"),
])
def test_the_sdk_authorize_callback_reads_approved_and_show_form(answer, category):
    # Klarna.Payments.authorize(): not approved and the form hidden is Klarna's refusal, not a closed pop-up.
    event = MAPPING.apply(answer)
    assert (str(event.status_category), str(event.event_kind)) == (category, "AUTHORIZATION")


def test_a_checkout_push_naming_only_the_order_is_not_guessed():
    from payobs_pipeline.normalization.mapping import UnmappedPayload
    with pytest.raises(UnmappedPayload):
        module.prepare({"klarna_order_id": "b1d7b4ab-5d0e-4f7e-9f4a-0e1a3c2b5d6f"})
