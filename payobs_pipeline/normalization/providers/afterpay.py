"""Afterpay / Clearpay (Cash App Afterpay) online API: payment objects (auth, capture, void, expiry), refunds and
error bodies.

Sources (Afterpay / Clearpay developer documentation):
- https://developers.afterpay.com Payment Object (id: the Afterpay order id, token, status APPROVED / DECLINED,
  created, originalAmount / openToCaptureAmount {amount, currency} as decimal strings in major units,
  paymentState AUTH_APPROVED / AUTH_DECLINED / PARTIALLY_CAPTURED / CAPTURED / CAPTURE_DECLINED / VOIDED /
  EXPIRED, merchantReference, refunds, orderDetails, events [{id, created, expires, type, amount}])
- https://afterpay-global-api.readme.io/reference/auth (approved: status APPROVED, paymentState AUTH_APPROVED;
  declined (402): a Payment object with status DECLINED and paymentState AUTH_DECLINED; no reason is given:
  "Please advise the consumer to contact the Afterpay Customer Service team")
- https://afterpay-global-api.readme.io/reference/capture-payment and Capture Full Payment (a CAPTURED payment
  event; errors 404 not_found, 410 payment_captured, 412 error / invalid_state "the order was declined by
  Afterpay" / payment_voided / payment_expired, 422 invalid_object / invalid_amount; auth and capture-full
  errors 402 invalid_token, 412 invalid_order_transaction_status, 422 invalid_object)
- https://developers.clearpay.co.uk/v-1/common-errors and /v-1/put-post-errors (error body {errorCode, errorId,
  message, httpStatusCode}; invalid_object, unsupported_currency, invalid_token; 400 invalid_json, 401
  unauthorized, 405 method_not_allowed, 406 / 415 / 500 error)
- Create Refund (Refund object: refundId, refundedAt, requestId, amount, merchantReference)

Amounts are major units (decimal strings). Clearpay (UK) and Afterpay (AU, NZ, US, CA) share the API.

Lifecycle identity: an Afterpay order (id) is the attempt; the merchant's merchantReference is the payment. A
refund (refundId) is its own object; its answer names no order.
"""

from __future__ import annotations

PAYMENT_STATES = {
    "AUTH_APPROVED": "APPROVED",
    "AUTH_DECLINED": "DECLINED",
    "CAPTURED": "APPROVED",
    "PARTIALLY_CAPTURED": "APPROVED",
    "CAPTURE_DECLINED": "DECLINED",
    "VOIDED": "CANCELLED",
    "EXPIRED": "CANCELLED",
    # status, for a payment object without a paymentState (v1 immediate capture)
    "APPROVED": "APPROVED",
    "DECLINED": "DECLINED",
}
REASONS = {
    # A decline by Afterpay names no reason: the state itself is the (generic) decline.
    "AUTH_DECLINED": "GENERIC_DECLINE",
    "CAPTURE_DECLINED": "GENERIC_DECLINE",
    "DECLINED": "GENERIC_DECLINE",
    # error bodies
    "invalid_json": "INVALID_REQUEST",
    "invalid_object": "INVALID_REQUEST",
    "invalid_amount": "INVALID_REQUEST",
    "invalid_token": "INVALID_REQUEST",
    "invalid_order_transaction_status": "INVALID_REQUEST",
    "invalid_state": "INVALID_REQUEST",
    "payment_voided": "INVALID_REQUEST",
    "payment_expired": "INVALID_REQUEST",
    "not_found": "INVALID_REQUEST",
    "method_not_allowed": "INVALID_REQUEST",
    "unsupported_currency": "TRANSACTION_NOT_PERMITTED",
    "payment_captured": "DUPLICATE",
    "conflict": "DUPLICATE",
    "unauthorized": "CONFIGURATION_ERROR",
    "forbidden": "CONFIGURATION_ERROR",
    "service_unavailable": "PROCESSING_ERROR",
    "error": "INVALID_REQUEST",  # 406 / 412 / 415; a 5xx "error" is PROCESSING_ERROR (rules)
}
PAYMENT_STATE_KEY_VALUES = list(PAYMENT_STATES)[:7]

_PAYMENT_FIELDS = {
    "provider_transaction_id": ["id", "token"],
    "status": ["paymentState", "status"],
    "reason_code": ["paymentState", "status"],
    "amount": ["originalAmount.amount", "amount.amount", "totalAmount.amount"],
    "currency": ["originalAmount.currency", "amount.currency", "totalAmount.currency"],
    "event_time": ["created"],
    "customer_country": ["orderDetails.billing.countryCode", "orderDetails.shipping.countryCode"],
    "attempt_id": ["id"],
    "payment_id": ["merchantReference"],
    "refund_id": [],
}

SPEC = {
    "provider": "afterpay",
    "aliases": ["afterpay", "clearpay", "cash_app_afterpay", "cashapp_afterpay", "afterpay_clearpay",
                "afterpay_us", "afterpay_au", "clearpay_uk"],
    "detect": [
        {"path": "paymentState", "in": PAYMENT_STATE_KEY_VALUES, "weight": 0.5},
        {"path": "openToCaptureAmount.amount", "exists": True, "weight": 0.3},
        {"path": "originalAmount.amount", "exists": True, "weight": 0.2},
        {"path": "token", "prefix": ["001.", "002.", "003."], "weight": 0.2},
        {"path": "events.type", "in": ["AUTH_APPROVED", "AUTH_DECLINED", "CAPTURED", "CAPTURE_DECLINED", "VOIDED",
                                      "EXPIRED"], "weight": 0.2},
        {"path": "refundedAt", "exists": True, "weight": 0.3},
        {"path": "refundId", "exists": True, "weight": 0.2},
        {"path": "requestId", "exists": True, "weight": 0.1},
        {"path": "errorId", "exists": True, "weight": 0.3},
        {"path": "httpStatusCode", "exists": True, "weight": 0.2},
        {"path": "errorCode", "in": list(REASONS)[3:], "weight": 0.1},
    ],
    "amount_unit": "major",
    "reason_map": REASONS,
    "variants": [
        {"name": "refund", "match": {"refundId": {"exists": True}, "refundedAt": {"exists": True}},
         "fields": {"provider_transaction_id": ["refundId"], "amount": ["amount.amount"],
                    "currency": ["amount.currency"], "event_time": ["refundedAt"], "refund_id": ["refundId"],
                    "payment_id": ["merchantReference"]},
         "status": "REFUNDED", "event_kind": "REFUND"},
        {"name": "error", "match": {"errorCode": {"exists": True}, "errorId": {"exists": True}},
         "status": "ERROR", "fields": {"status": ["errorCode"], "reason_code": ["errorCode"]},
         "rules": [{"when": {"errorCode": "error", "httpStatusCode": ["500", "502", "503", "504"]},
                    "set": {"failure_reason": "PROCESSING_ERROR"}}]},
        {"name": "payment", "match": {"status": ["APPROVED", "DECLINED"]},
         "fields": _PAYMENT_FIELDS, "status_map": PAYMENT_STATES, "default_payment_method": "BNPL",
         "rules": [{"when": {"paymentState": "VOIDED"}, "set": {"event_kind": "VOID"}},
                   {"when": {"paymentState": "CAPTURE_DECLINED"}, "set": {"event_kind": "CAPTURE"}}]},
    ],
}
