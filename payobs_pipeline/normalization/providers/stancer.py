"""Stancer (France, formerly Iliad78): the payment, refund and dispute objects of the Stancer API, and its error
envelope.

Sources:
- "Return codes" (stancer.com/documentation/fr/api/.parts/return-codes): payment ``status`` authorized (the
  bank authorised, processed only once capture is set), canceled (no money will be captured), captured (credited
  to the merchant), capture_sent (capture under way), disputed (the customer disputed a captured payment),
  expired (an authorisation not captured within 7 days), failed ("refer to the response field"), refused,
  to_capture (authorised, processed within the day); refund ``status`` failed, not_honored (the payment was
  disputed while refunding), refund_sent (sent to the bank, awaiting an answer), refunded, to_refund; the
  ``auth`` object's status for an authenticated (3-D Secure) payment: attempted, available, declined, expired,
  failed, requested, success.
- API reference, the payment object (stancer.com/documentation/api): {id "paym_...", amount (in cents),
  currency (lower case), description, order_id, unique_id, method, card {brand, country, ...}, status, capture,
  created, customer, response ("00"), live_mode}; wearestancer/lib-python tests/fixtures/payment/*.json.
- wearestancer/lib-python (SDK source): stancer/status/refund.py adds the refund status payment_canceled;
  stancer/refund.py (refund: payment, amount, currency, status, date_refund, date_bank); stancer/dispute.py
  (dispute: payment, order_id, amount, response); stancer/exceptions/http.py (error bodies
  ``{"error": {"message": <text or {error, id}>, "type": ...}}``, the HTTP status only in the response line).

What is missing: the "Return codes" page's table of payment ``response`` codes could not be read past its
status sections. Stancer documents ``response`` as the bank's answer ("00" on an approved payment), a two-digit
code, so it is read through the shared ISO 8583 table (``reason_fallback``), not a Stancer-specific table. The
error ``type`` values are not listed in the sources read: an error body is an ERROR whose reason is read from
a known API error type when it carries one, else UNKNOWN.

Lifecycle identity: the payment id (paym_) is the attempt, the merchant's order_id the payment; a refund
(refd_) and a dispute (dspt_) name the payment they are about in ``payment``.
"""

from __future__ import annotations

PAYMENT_STATUSES = {
    "authorized": "APPROVED",
    "to_capture": "APPROVED",
    "capture_sent": "APPROVED",
    "captured": "APPROVED",
    "canceled": "CANCELLED",
    "expired": "CANCELLED",  # an authorisation never captured: released
    "failed": "DECLINED",
    "refused": "DECLINED",
    "disputed": "CHARGEBACK",
}

# The auth object of a payment not yet authorised (3-D Secure), read when the payment has no status.
AUTH_STATUSES = {
    "available": "PENDING",
    "requested": "PENDING",
    "attempted": "PENDING",  # the customer was redirected to the bank
    "success": "PENDING",  # authenticated; the authorisation follows
    "declined": "DECLINED",
    "failed": "DECLINED",
    "expired": "CANCELLED",  # the session expired after 6 hours
}

REFUND_STATUSES = {
    "to_refund": "PENDING",
    "refund_sent": "PENDING",
    "refunded": "REFUNDED",
    "failed": "DECLINED",
    "not_honored": "DECLINED",  # the payment was disputed meanwhile
    "payment_canceled": "CANCELLED",  # SDK only: the payment was cancelled instead
}

PAYMENT_METHODS = {"card": "CARD", "sepa": "DIRECT_DEBIT"}

_PAYMENT_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status", "auth.status"],
    "reason_code": ["response"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["created"],
    "payment_method": ["method"],
    "card_brand": ["card.brand"],
    "card_country": ["card.country"],
    "customer_country": ["country"],
    "attempt_id": ["id"],
    "payment_id": ["order_id"],
}

_AUTH_FAILED = {"when": {"status": {"not_in": list(PAYMENT_STATUSES)}, "auth.status": ["declined", "failed"]},
                "set": {"failure_reason": "AUTHENTICATION_FAILED"}}

SPEC = {
    "provider": "stancer",
    "aliases": ["stancer", "stancer.com", "iliad78", "stancer payments"],
    "detect": [
        {"path": "id", "prefix": ["paym_", "refd_"], "weight": 0.45},
        {"path": "id", "prefix": "dspt_", "weight": 0.25},
        {"path": "payment", "prefix": "paym_", "weight": 0.3},
        {"path": "status", "in": ["to_capture", "capture_sent", "refund_sent", "to_refund", "not_honored"],
         "weight": 0.1},
        {"path": "live_mode", "exists": True, "weight": 0.1},
        {"path": "response", "exists": True, "weight": 0.05},
        {"path": "date_bank", "exists": True, "weight": 0.05},
    ],
    "amount_unit": "minor",
    "status_map": {**AUTH_STATUSES, **PAYMENT_STATUSES},
    "reason_map": {},
    "reason_fallback": "iso8583",
    "payment_method_map": PAYMENT_METHODS,
    "fields": _PAYMENT_FIELDS,
    "variants": [
        {
            "name": "error",
            "match": {"error.message": {"exists": True}, "id": {"exists": False}},
            "status": "ERROR",
            "fields": {"provider_transaction_id": ["error.message.id"], "reason_code": ["error.type"],
                       "amount": [], "currency": [], "attempt_id": [], "payment_id": [], "payment_method": []},
        },
        {
            "name": "refund",
            "match": {"id": {"prefix": "refd_"}},
            "event_kind": "REFUND",
            "status_map": REFUND_STATUSES,
            "fields": {**_PAYMENT_FIELDS, "status": ["status"], "event_time": ["date_bank", "date_refund", "created"],
                       "refund_id": ["id"], "attempt_id": ["payment", "payment.id"], "payment_id": [],
                       "payment_method": []},
        },
        {
            "name": "dispute",
            "match": {"id": {"prefix": "dspt_"}, "payment": {"exists": True}},
            "status": "CHARGEBACK",
            "event_kind": "DISPUTE",
            "fields": {**_PAYMENT_FIELDS, "status": [], "dispute_id": ["id"],
                       "attempt_id": ["payment", "payment.id"], "payment_method": []},
        },
        {
            "name": "payment",
            "match": {"id": {"prefix": "paym_"}},
            "rules": [_AUTH_FAILED, {"when": {"status": "expired"}, "set": {"event_kind": "VOID"}}],
        },
    ],
}
