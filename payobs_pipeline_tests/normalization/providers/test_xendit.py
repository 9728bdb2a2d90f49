"""Xendit mapping: pinned behaviour (the checks every provider passes are in ../test_provider_contract.py)."""

from __future__ import annotations

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
