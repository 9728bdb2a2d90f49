"""Paidy (Japanese buy-now-pay-later): the Payment object of the Payments API, the Paidy Checkout callback
object, the payment and token webhooks, and the API error object.

Sources:
- Paidy API reference, "Payment object" (paidy.com/docs/api/en/index.html#2-1-payment-object), as modelled
  field by field in the C# SDK xin9le/PaidySDK src/Paidy/Payments/Entities/PaymentResponse.cs: id (``pay_...``),
  created_at, expires_at, amount, currency ("ISO 4217 currency code ...; set to JPY"), description, store_name,
  test, status, tier, buyer {name1, name2, email, phone}, order {items, tax, shipping, order_ref, updated_at},
  shipping_address, captures[] {id ``cap_...``, created_at, amount, ...}, refunds[] {id ``ref_...``, created_at,
  capture_id, amount, reason}, metadata.
- Payment status (PaidySDK Payments/Entities/PaymentStatus.cs, citing the same page): AUTHORIZED "a payment that
  was successfully authorized"; CLOSED "a payment that was successfully captured, closed, or canceled". Which one
  a closed payment is shows in its captures and refunds: a refund answer (POST /payments/{id}/refunds) is the
  closed payment with its refunds (shoheitanaka/paidy-wc tests/.../api-response-handling test, mocking
  api.paidy.com), a capture answer the closed payment with its captures, a close (cancel) answer the closed
  payment with neither.
- Paidy Checkout (paidy.js) hands the merchant's ``closed`` callback {id, amount, currency, created_at, status},
  status authorized (approved), rejected (Paidy declined the authorization) or closed (the consumer closed
  Paidy Checkout without finishing). This object rests on the paidy.js integrations read (the callback type in
  the stored Paidy Checkout integrations) and on recollection of paidy.com/docs/en/paidycheckout.html, not on a
  stored docs page: the stored copy of the docs gives only the opening of each page.
- Webhooks (paidy.com/docs/en/webhook.html: "Paidy uses Webhooks ... about payment-related events and
  token-related events"; the payload fields from PaidySDK Webhooks/Entities/PaymentRequest.cs and
  PaymentEvent.cs, which cite that page): payment_id, capture_id (capture and refund events), event_type
  "payment", status authorize_success / capture_success / refund_success / update_success / close_success,
  order_ref, reason (refund events), timestamp. Token webhooks (TokenRequest.cs, TokenEvent.cs): token_id,
  status activate_success / suspend_success / resume_success / delete_success, timestamp: a stored
  subscription token's bookkeeping, never a payment.
- Error object (PaidySDK ErrorResponse.cs: reference "internal error code", status the HTTP status, code "the
  kind of error", title, description). Codes seen in integrations: request_content.malformed (400, "Malformed
  request content"; paidy-wc tests) and authentication.failed (the Zeus integration's Paidy error list). The
  docs' full error-code table was not findable in the stored material: any other code is read through the
  HTTP status it comes with (taxonomy: API error answers).

A webhook carries no amount: its amount and currency stay unknown. Paidy gives no reason for a rejected
authorization (its credit and fraud assessment decides): GENERIC_DECLINE.

Lifecycle identity: the Paidy payment id (``pay_``) is the attempt; the merchant's order.order_ref (the
webhook's order_ref) the payment; a refund's ``ref_`` id the refund (the refund webhook names none).
"""

from __future__ import annotations

# Paidy payment object (API answers).
PAYMENT_STATUSES = {"authorized": "APPROVED", "closed": "APPROVED"}
# Paidy Checkout callback.
CHECKOUT_STATUSES = {"authorized": "APPROVED", "rejected": "DECLINED", "closed": "CANCELLED"}
# Payment webhooks (status names the event and its result).
WEBHOOK_STATUSES = {
    "authorize_success": "APPROVED",
    "capture_success": "APPROVED",
    "refund_success": "REFUNDED",
    "close_success": "CANCELLED",  # the merchant closed (cancelled) the authorization
}
WEBHOOK_NOT_OUTCOMES = ["update_success"]  # the payment's order details were updated: no outcome
TOKEN_EVENTS = ["activate_success", "suspend_success", "resume_success", "delete_success"]

REASONS = {
    "rejected": "GENERIC_DECLINE",
    "request_content.malformed": "INVALID_REQUEST",
    "authentication.failed": "CONFIGURATION_ERROR",
}
# The HTTP status of an error object (taxonomy: API error answers).
HTTP_REASONS = {
    "400": "INVALID_REQUEST", "404": "INVALID_REQUEST", "405": "INVALID_REQUEST", "422": "INVALID_REQUEST",
    "401": "CONFIGURATION_ERROR", "403": "CONFIGURATION_ERROR",
    "409": "DUPLICATE", "408": "TIMEOUT", "504": "TIMEOUT",
    "429": "PROCESSING_ERROR", "500": "PROCESSING_ERROR", "502": "PROCESSING_ERROR", "503": "PROCESSING_ERROR",
}

_PAYMENT_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["created_at"],
    "attempt_id": ["id"],
    "payment_id": ["order.order_ref"],
}
# A payment object, not the checkout callback: the API's object has these, the callback none of them.
_API_OBJECT = {"expires_at": {"exists": True}}
_PAY_ID = {"id": {"prefix": "pay_"}}

SPEC = {
    "provider": "paidy",
    "aliases": ["paidy", "paidy.com", "paidy japan", "paidy checkout", "paidy inc"],
    "detect": [
        # Webhooks.
        {"path": "event_type", "in": ["payment"], "weight": 0.2},
        {"path": "status", "in": [*WEBHOOK_STATUSES, *WEBHOOK_NOT_OUTCOMES], "weight": 0.4},
        {"path": "payment_id", "prefix": "pay_", "weight": 0.1},
        {"path": "capture_id", "prefix": "cap_", "weight": 0.1},
        {"path": "token_id", "prefix": "tok_", "weight": 0.2},
        {"path": "status", "in": TOKEN_EVENTS, "weight": 0.3},
        # Payment object.
        {"path": "id", "prefix": "pay_", "weight": 0.1},
        {"path": "buyer.name1", "exists": True, "weight": 0.2},
        {"path": "tier", "exists": True, "weight": 0.1},
        {"path": "store_name", "exists": True, "weight": 0.1},
        {"path": "captures.0.id", "prefix": "cap_", "weight": 0.2},
        {"path": "refunds.0.id", "prefix": "ref_", "weight": 0.2},
        {"path": "expires_at", "exists": True, "weight": 0.05},
        # Error object.
        {"path": "code", "in": ["request_content.malformed", "authentication.failed"], "weight": 0.4},
        {"path": "title", "exists": True, "weight": 0.05},
        {"path": "reference", "exists": True, "weight": 0.05},
    ],
    "amount_unit": "major",
    "default_payment_method": "BNPL",
    "status_map": PAYMENT_STATUSES,
    "reason_map": REASONS,
    "fields": _PAYMENT_FIELDS,
    "variants": [
        {
            "name": "error",
            "match": {"code": {"exists": True}, "title": {"exists": True}, "status": {"in": list(HTTP_REASONS)}},
            "status": "ERROR",
            "fields": {"reason_code": ["code", "status"]},
            "reason_map": HTTP_REASONS,
            "default_payment_method": None,
        },
        {
            "name": "token_webhook",
            "match": {"token_id": {"exists": True}, "status": {"in": TOKEN_EVENTS}},
            "not_a_payment": "a subscription token was activated, suspended, resumed or deleted: no payment",
        },
        {
            "name": "webhook.update",
            "match": {"payment_id": {"exists": True}, "status": {"in": WEBHOOK_NOT_OUTCOMES}},
            "not_a_payment": "the payment's order details were updated: no payment outcome",
        },
        {
            "name": "webhook",
            "match": {"payment_id": {"exists": True}, "status": {"in": list(WEBHOOK_STATUSES)}},
            "status_map": WEBHOOK_STATUSES,
            "fields": {
                "provider_transaction_id": ["payment_id"],
                "status": ["status"],
                "event_time": ["timestamp"],
                "attempt_id": ["payment_id"],
                "payment_id": ["order_ref"],
                "refund_id": [],  # the refund webhook names the capture refunded, not the refund
            },
            "rules": [
                {"when": {"status": "capture_success"}, "set": {"event_kind": "CAPTURE"}},
                {"when": {"status": "close_success"}, "set": {"event_kind": "VOID"}},
            ],
        },
        {
            # A closed payment with refunds: the refund answer. Its amount is the latest refund's.
            "name": "payment.refunded",
            "match": {**_PAY_ID, "status": "closed", "refunds.0.id": {"exists": True}},
            "status": "REFUNDED",
            "event_kind": "REFUND",
            "fields": {**_PAYMENT_FIELDS, "amount": ["refunds.-1.amount"], "refund_id": ["refunds.-1.id"],
                       "event_time": ["refunds.-1.created_at", "created_at"]},
        },
        {
            # A closed payment with captures and no refund: captured.
            "name": "payment.captured",
            "match": {**_PAY_ID, "status": "closed", "captures.0.id": {"exists": True}},
            "event_kind": "CAPTURE",
            "fields": {**_PAYMENT_FIELDS, "amount": ["captures.-1.amount", "amount"],
                       "event_time": ["captures.-1.created_at", "created_at"]},
        },
        {
            # A closed payment with no capture: the authorization was closed (cancelled) before any capture.
            "name": "payment.closed",
            "match": {**_PAY_ID, **_API_OBJECT, "status": "closed"},
            "status": "CANCELLED",
            "event_kind": "VOID",
        },
        {
            "name": "payment.authorized",
            "match": {**_PAY_ID, **_API_OBJECT, "status": "authorized"},
        },
        {
            # Paidy Checkout's callback object: {id, amount, currency, created_at, status}.
            "name": "checkout_callback",
            "match": {**_PAY_ID, "status": {"in": list(CHECKOUT_STATUSES)}},
            "status_map": CHECKOUT_STATUSES,
            "fields": {**_PAYMENT_FIELDS, "reason_code": ["status"]},
        },
    ],
}
