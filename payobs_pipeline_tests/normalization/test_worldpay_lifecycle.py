"""Worldpay lifecycle identity: an order's authorisation, capture, refund and chargeback rows are one attempt.

Kept apart from test_providers_emea_apac.py, which another engineer was editing at the same time.
Sources: WPG order notifications (orderStatusEvent, lastEvent per the Payment statuses page) and
Access Worldpay webhook eventDetails.type.
"""

from __future__ import annotations


from payobs_pipeline.normalization.normalize import Normalizer
from payobs_pipeline_tests.normalization.lifecycle_events import canonical_event

NORMALIZER = Normalizer()


def _event(data):
    return canonical_event(data, NORMALIZER)


def _wpg_notification(last_event, order_code="lc-order-1"):
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<!DOCTYPE paymentService PUBLIC "-//WorldPay//DTD WorldPay PaymentService v1//EN" '
        '"http://dtd.worldpay.com/paymentService_v1.dtd">'
        '<paymentService version="1.4" merchantCode="MYMERCHANT"><notify>'
        f'<orderStatusEvent orderCode="{order_code}"><payment>'
        '<paymentMethod>ECMC-SSL</paymentMethod>'
        '<amount value="2400" currencyCode="EUR" exponent="2" debitCreditIndicator="credit"/>'
        f'<lastEvent>{last_event}</lastEvent><issuerCountryCode>NL</issuerCountryCode>'
        '</payment></orderStatusEvent></notify></paymentService>'
    )


def test_wpg_order_events_share_the_order_code_as_attempt_and_payment():
    expected = {
        "AUTHORISED": ("AUTHORIZATION", "APPROVED"),
        "CAPTURED": ("CAPTURE", "APPROVED"),
        "SETTLED": ("CAPTURE", "APPROVED"),
        "CAPTURE_FAILED": ("CAPTURE", "ERROR"),
        "SENT_FOR_REFUND": ("REFUND", "REFUNDED"),
        "REFUND_FAILED": ("REFUND", "DECLINED"),
        "CHARGED_BACK": ("DISPUTE", "CHARGEBACK"),
        "CANCEL_RECEIVED": ("VOID", "CANCELLED"),
    }
    for last_event, (kind, status) in expected.items():
        event = _event(_wpg_notification(last_event))
        assert (event.event_kind, event.status_category) == (kind, status), last_event
        assert (event.attempt_id, event.payment_id, event.card_country) == ("lc-order-1", "lc-order-1", "NL")


def test_access_events_name_the_transaction_reference():
    def access(event_type):
        return {"eventId": "lc-evt-1", "eventTimestamp": "2024-06-01T10:00:00Z",
                "eventDetails": {"classification": "payment", "transactionReference": "lc-ref-9", "type": event_type,
                                 "amount": {"value": 500, "currencyCode": "GBP"}}}
    for event_type, kind in (("authorized", "AUTHORIZATION"), ("settled", "CAPTURE"), ("cancelled", "VOID"),
                             ("refunded", "REFUND"), ("chargebackReceived", "DISPUTE")):
        event = _event(access(event_type))
        assert (event.event_kind, event.attempt_id, event.payment_id) == (kind, "lc-ref-9", "lc-ref-9"), event_type
