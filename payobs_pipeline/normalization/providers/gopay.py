"""GoPay (Czech Republic, gopay.cz, not Gojek's Indonesian GoPay wallet): the payment object (the create payment and
payment status answers), the notification (a GET carrying only the payment id), and the API error body.

Sources:
- SDK source, gopaycommunity/gopay-python-api gopay/enums.py: PaymentStatus CREATED, PAYMENT_METHOD_CHOSEN, PAID,
  AUTHORIZED, CANCELED, TIMEOUTED, REFUNDED, PARTIALLY_REFUNDED; PreAuthState REQUESTED, AUTHORIZED, CAPTURED,
  CANCELED; PaymentSubStatus _101, _102, _3001 .. _3003, _5001 .. _5050, _6001 .. _6005, _6501, _6502, _6504
  (codes only, no meanings); PaymentInstrument PAYMENT_CARD, BANK_ACCOUNT, PRSMS, MPAYMENT, PAYSAFECARD,
  SUPERCASH, GOPAY, PAYPAL, BITCOIN, GPAY, ACCOUNT, APPLE_PAY, CLICK_TO_PAY; Currency CZK, EUR, PLN, HUF, GBP,
  USD, RON, BGN. tests/test_api_payment.py (a created payment answers state CREATED; a refund on a payment in
  the wrong state answers errors[0].error_name PAYMENT_WRONG_STATE); tests/remote/when_api_failed.py (the status
  of a nonexistent payment answers HTTP 500 with errors [{scope G, field, error_code 500, error_name, message,
  description}]).
- GoPay REST API (speca.io/gopaycz/gopay-rest-api-en): gw.sandbox.gopay.com / gate.gopay.cz endpoints
  /payments/payment/{id}, /refund, /capture, /void-authorization, /create-recurrence.
- My recollection of the GoPay REST API reference (not in the stored sources): the payment fields id,
  order_number, state, sub_state, amount (in cents, the smallest unit), currency, payment_instrument, payer
  {payment_card {card_brand, card_issuer_country ...}, contact}, target {type ACCOUNT, goid}, gw_url,
  preauthorization {requested, state}, recurrence; the notification as ?id=<payment id>; the error body's
  date_issued; and that the sub-states _3003 (bank payment not authorised) and _5002 .. _6504 (card and SMS
  payment refusals) mark a CANCELED payment that was refused. GoPay's sub-state and error-code tables were not
  found: individual sub-state reasons and error codes other than the two above are not mapped (reason UNKNOWN).

Reading: PAID and AUTHORIZED (preauthorized) are APPROVED; CREATED and PAYMENT_METHOD_CHOSEN are PENDING;
CANCELED is CANCELLED, or DECLINED when its sub-state is a refusal; TIMEOUTED (not paid in time) is CANCELLED;
REFUNDED and PARTIALLY_REFUNDED are refunds (the payment object gives no refunded amount, so none is read).
A notification naming only the payment id carries no outcome.

Lifecycle identity: the GoPay payment id is the attempt; the merchant's order_number is the payment. No refund or
dispute ids are documented.
"""

from __future__ import annotations

from typing import Any

from payobs_pipeline.normalization.mapping import NOTIFICATION_WITHOUT_OUTCOME, UnmappedPayload

STATES = {
    "CREATED": "PENDING",
    "PAYMENT_METHOD_CHOSEN": "PENDING",
    "PAID": "APPROVED",
    "AUTHORIZED": "APPROVED",  # preauthorized, awaiting capture
    "CANCELED": "CANCELLED",
    "TIMEOUTED": "CANCELLED",  # not paid in time
    "REFUNDED": "REFUNDED",
    "PARTIALLY_REFUNDED": "REFUNDED",
}

SUB_STATES = ["_101", "_102", "_3001", "_3002", "_3003",
              *(f"_{code}" for code in range(5001, 5051) if code not in (5032, 5034)),
              "_6001", "_6002", "_6003", "_6004", "_6005", "_6501", "_6502", "_6504"]
# Refusals of a CANCELED payment (see the docstring: recollection).
REFUSAL_SUB_STATES = ["_3003", *(code for code in SUB_STATES if code[1] in "56" and code != "_5001")]

ERROR_REASONS = {
    "PAYMENT_WRONG_STATE": "INVALID_REQUEST",  # the operation does not fit the payment's state
    "500": "PROCESSING_ERROR",  # answered with HTTP 500
}

PAYMENT_INSTRUMENTS = {
    "PAYMENT_CARD": "CARD", "CLICK_TO_PAY": "CARD",
    "BANK_ACCOUNT": "BANK_TRANSFER",
    "GPAY": "WALLET", "APPLE_PAY": "WALLET", "PAYPAL": "WALLET", "GOPAY": "WALLET", "ACCOUNT": "WALLET",
    "PAYSAFECARD": "CASH_VOUCHER", "SUPERCASH": "CASH_VOUCHER",
    "PRSMS": "OTHER", "MPAYMENT": "OTHER", "BITCOIN": "OTHER",
}

GATEWAY_URLS = ["https://gate.gopay.cz/", "https://gw.sandbox.gopay.com/"]


def prepare(body: Any) -> Any:
    """Refuse the notification, which names only the payment to fetch; pass anything else through untouched."""
    if isinstance(body, dict) and body and set(body) <= {"id", "parent_id"}:
        raise UnmappedPayload(NOTIFICATION_WITHOUT_OUTCOME, "gopay: a notification names only the payment id")
    return body


_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["state"],
    "reason_code": ["sub_state"],
    "amount": ["amount"],
    "currency": ["currency"],
    "payment_method": ["payment_instrument"],
    "card_brand": ["payer.payment_card.card_brand"],
    "merchant_id": ["target.goid"],
    "attempt_id": ["id"],
    "payment_id": ["order_number"],
}

SPEC = {
    "provider": "gopay",
    "aliases": ["gopay", "gopay.cz", "gopay.com", "gopay cz", "gopay s.r.o.", "gopay payment gateway"],
    "detect": [
        {"path": "gw_url", "prefix": GATEWAY_URLS, "weight": 0.5},
        {"path": "target.goid", "exists": True, "weight": 0.3},
        {"path": "payment_instrument", "in": list(PAYMENT_INSTRUMENTS), "weight": 0.15},
        {"path": "sub_state", "in": SUB_STATES, "weight": 0.3},
        {"path": "state", "in": ["PAYMENT_METHOD_CHOSEN", "TIMEOUTED", "PARTIALLY_REFUNDED"], "weight": 0.1},
        {"path": "order_number", "exists": True, "weight": 0.05},
        {"path": "errors.0.scope", "in": ["G", "F"], "weight": 0.3},
        {"path": "errors.0.error_name", "exists": True, "weight": 0.1},
        {"path": "date_issued", "exists": True, "weight": 0.2},
    ],
    "amount_unit": "minor",
    "status_map": STATES,
    "payment_method_map": PAYMENT_INSTRUMENTS,
    "fields": _FIELDS,
    "variants": [
        {
            "name": "error",
            "match": {"errors.0.scope": {"exists": True}, "state": {"exists": False}},
            "status": "ERROR",
            "fields": {"reason_code": ["errors.0.error_name", "errors.0.error_code"]},
            "reason_map": ERROR_REASONS,
        },
        {
            "name": "refund",
            "match": {"state": {"in": ["REFUNDED", "PARTIALLY_REFUNDED"]}},
            "event_kind": "REFUND",
            "fields": {**_FIELDS, "amount": []},
        },
        {
            "name": "payment",
            "match": {"id": {"exists": True}, "state": {"in": list(STATES)}},
            "rules": [{"when": {"state": "CANCELED", "sub_state": {"in": REFUSAL_SUB_STATES}},
                       "set": {"status_category": "DECLINED"}}],
        },
    ],
}
