"""Xendit mapping: pinned behaviour (the checks every provider passes are in ../test_provider_contract.py)."""

from __future__ import annotations

import pytest

from payobs_pipeline_tests.normalization.corpus_checks import normalized_event


def _v3(event, **data):
    payload = {"payment_id": "py-1", "payment_request_id": "pr-1", "status": "FAILED", "request_amount": 10000,
               "currency": "IDR", "channel_code": "CARDS", "country": "ID", "created": "2024-01-01T00:00:00Z"}
    payload.update(data)
    return {"event": event, "business_id": "b1", "created": "2024-01-01T00:00:01Z", "data": payload}


def test_the_scheme_response_code_wins_over_xendits_failure_code():
    event = normalized_event(_v3("payment.failure", failure_code="DECLINED_BY_ISSUER",
                       payment_details={"authorization_data": {"network_response_code": "54"}}))
    assert (str(event.failure_reason), event.raw_reason_code) == ("EXPIRED_CARD", "54")


def test_an_expired_payment_request_is_cancelled_not_declined():
    event = normalized_event(_v3("payment.failure", failure_code="PAYMENT_REQUEST_EXPIRED"))
    assert (str(event.status_category), event.failure_reason) == ("CANCELLED", None)


def test_a_refund_names_the_payment_it_follows():
    refund = {"id": "rfd-1", "payment_id": "py-9", "payment_request_id": "pr-9", "amount": 5000, "currency": "PHP",
              "status": "SUCCEEDED", "channel_code": "PH_GCASH", "created": "2024-01-02T00:00:00Z"}
    event = normalized_event({"event": "refund.succeeded", "business_id": "b1", "created": "2024-01-02T00:00:00Z",
                    "data": refund})
    assert (event.refund_id, event.attempt_id, event.payment_id) == ("rfd-1", "py-9", "pr-9")
    assert (str(event.event_kind), event.amount_minor, str(event.payment_method)) == ("REFUND", 500000, "WALLET")


def test_the_payment_of_a_v3_payment_is_its_payment_request():
    event = normalized_event(_v3("payment.capture", status="SUCCEEDED"))
    assert (event.attempt_id, event.payment_id, event.customer_country) == ("py-1", "pr-1", "ID")


def test_idr_amounts_are_major_units_with_exponent_two():
    event = normalized_event(_v3("payment.capture", status="SUCCEEDED", request_amount=150000))
    assert (event.amount_minor, event.currency) == (15000000, "IDR")


def test_invoice_is_detected_by_its_invoice_url_on_any_host():
    """An invoice (external_id, invoice_url) is Xendit's whatever host its checkout link names."""
    event = normalized_event({
        "id": "579c8d61f23fa4ca35e52da4", "external_id": "invoice_123124123", "status": "PENDING",
        "amount": 50000, "currency": "IDR",
        "invoice_url": "https://invoice-staging.xendit.co/web/invoices/579c8d61f23fa4ca35e52da4",
    })
    assert event.provider == "xendit"
    assert event.status_category.value == "PENDING"
    assert (event.amount_minor, event.currency) == (5000000, "IDR")


def test_invoice_callback_is_detected_by_its_paid_amount():
    """The invoice callback names external_id, status PAID and paid_amount (docs.xendit.co invoice callback)."""
    event = normalized_event({"id": "593f4ed1c3d3bb7f39733d83", "external_id": "testing-invoice", "status": "PAID",
                              "paid_amount": 2000000})
    assert event.provider == "xendit"
    assert event.status_category.value == "APPROVED"


def test_a_v1_qr_payment_kept_without_its_callback_envelope_is_an_idr_wallet_payment():
    """QR Codes V1 (developers.xendit.co/api-reference/qr-codes): QRIS in Indonesia, the payment names its code in
    qr_code and carries no currency."""
    event = normalized_event({
        "id": "qrpy_5f3d6a2e-0c1b-4e8f-9a77-2b1c3d4e5f60", "amount": 1500, "created": "2020-07-15T08:00:00.000Z",
        "status": "COMPLETED",
        "qr_code": {"id": "qr_8c1e2d3f-4a5b-6c7d-8e9f-0a1b2c3d4e5f", "external_id": "testing_id_123",
                    "qr_string": "00020101021226660014ID.LINKAJA.WWW", "type": "DYNAMIC"}})
    assert (event.provider, str(event.status_category), event.amount_minor, event.currency) == (
        "xendit", "APPROVED", 150000, "IDR")
    assert (str(event.payment_method), event.payment_id) == ("WALLET", "testing_id_123")


def _direct_debit_payment(status: str, failure_code: str | None = None) -> dict:
    """A direct debit payment (xendit-go DirectDebitPayment fields), as answered or called back."""
    return {"id": "ddpy-7a1b2c3d-0000-4e5f-8a9b-112233445566", "reference_id": "order-ref-42",
            "payment_method_id": "pm-0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d", "channel_code": "BPI", "currency": "PHP",
            "amount": 1500, "description": "", "status": status, "failure_code": failure_code,
            "is_otp_required": False, "created": "2021-05-01T10:00:00Z", "updated": "2021-05-01T10:01:00Z"}


@pytest.mark.parametrize(("status", "failure_code", "category", "reason"), [
    ("PENDING", None, "PENDING", None),
    ("COMPLETED", None, "APPROVED", None),
    ("FAILED", "INSUFFICIENT_BALANCE", "DECLINED", "INSUFFICIENT_FUNDS"),
    ("FAILED", "MAX_AMOUNT_LIMIT_ERROR", "DECLINED", "LIMIT_EXCEEDED"),
    ("FAILED", "OTP_DELIVERY_ERROR", "DECLINED", "PROCESSING_ERROR"),
])
def test_a_direct_debit_payment_is_xendits_by_its_id_and_its_status_decides(status, failure_code, category, reason):
    event = normalized_event(_direct_debit_payment(status, failure_code))
    assert (event.provider, str(event.status_category), event.failure_reason) == ("xendit", category, reason)
    assert (event.amount_minor, event.currency, str(event.payment_method)) == (150000, "PHP", "DIRECT_DEBIT")
    assert (event.attempt_id, event.payment_id) == ("ddpy-7a1b2c3d-0000-4e5f-8a9b-112233445566", "order-ref-42")


def test_payment_token_and_method_events_are_not_payments_without_a_hint():
    # docs.xendit.co/docs/payments-api-webhooks: payment_token.activation / .failure / .expiry; payment_method.*.
    from payobs_pipeline.normalization.evaluation import normalize_lake_data

    token = {"event": "payment_token.failure", "business_id": "b", "created": "2024-01-01T00:00:00Z",
             "data": {"payment_token_id": "pt-1", "status": "FAILED", "channel_code": "CARDS"}}
    assert normalize_lake_data(token, None).unprocessed_reason == "NOT_A_PAYMENT_EVENT"
