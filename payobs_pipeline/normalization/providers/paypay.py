"""PayPay (Japan) Open Payment API (OPA): payment details, refunds, transaction webhooks and error answers.

Sources:
- The PayPay OPA SDK README (paypay/paypayopa-sdk-java and siblings; www.paypay.ne.jp/opa/doc/v1.0): every answer
  is {resultInfo {code, message, codeId}, data}; resultInfo.code SUCCESS "does not mean the payment is a
  success": the payment's data.status does ("On successful payment authorization, the status will be
  AUTHORIZED. Once the payment is captured, the status will be COMPLETED"); data: paymentId, status,
  acceptedAt, refunds, merchantPaymentId, userAuthorizationId, amount {amount, currency JPY}, requestedAt,
  storeId, orderDescription; refunds: merchantRefundId, paymentId, amount, reason.
  Error handling: 400 INVALID_PARAMS, UNACCEPTABLE_OP ("e.g. the transaction limit exceeded"),
  NO_SUFFICIENT_FUND; 401 UNAUTHORIZED, OP_OUT_OF_SCOPE; 404; 429; 500 TRANSACTION_FAILED ("failed on the PayPay
  side"), INTERNAL_SERVER_ERROR ("we don't know exactly if the transaction has happened or not. It should be
  treated as unknown payment status"); 502 / 503 / 504 and timeouts: unknown payment status.
  Response code lists: common (SUCCESS 08100001, REQUEST_ACCEPTED 202, INVALID_REQUEST_PARAMS 08100006,
  OP_OUT_OF_SCOPE 08100023, MISSING_REQUEST_PARAMS 08100024, UNAUTHORIZED 08100016, OPA_CLIENT_NOT_FOUND
  08100007, RATE_LIMIT 08100998, SERVICE_ERROR 08100026, INTERNAL_SERVER_ERROR 08101000, MAINTENANCE_MODE
  08100999); payment details (DYNAMIC_QR_PAYMENT_NOT_FOUND, DYNAMIC_QR_BAD_REQUEST); cancel
  (ORDER_NOT_REVERSIBLE); refund (INVALID_PARAMS, UNACCEPTABLE_OP, CANCELED_USER, RESOURCE_NOT_FOUND,
  TRANSACTION_FAILED); refund details (NO_SUCH_REFUND_ORDER); payment authorization (CANCELED_USER,
  NO_SUFFICIENT_FUND, UNSUPPORTED_PAYMENT_METHOD, PRE_AUTH_CAPTURE_UNSUPPORTED_MERCHANT,
  PRE_AUTH_CAPTURE_INVALID_EXPIRY_DATE, SUSPECTED_DUPLICATE_PAYMENT, UNACCEPTABLE_OP, USER_STATE_IS_NOT_ACTIVE,
  INVALID_USER_AUTHORIZATION_ID, EXPIRED_USER_AUTHORIZATION_ID, NO_VALID_PAYMENT_METHOD,
  PAYMENT_METHOD_NOT_FOUND, TRANSACTION_FAILED); capture (USER_CONFIRMATION_REQUIRED 202, ALREADY_CAPTURED,
  HIGHER_CAPTURE_NOT_PERMITTED, ORDER_EXPIRED, ORDER_NOT_CAPTURABLE, REAUTHORIZATION_IN_PROGRESS,
  TOO_CLOSE_TO_EXPIRY); revert (ORDER_NOT_CANCELABLE).
- Not found in the stored sources, written from the OPA reference as recalled (say so in review): the full
  payment status list CREATED / AUTHORIZED / REAUTHORIZING / COMPLETED / REFUNDED / FAILED / CANCELED / EXPIRED,
  the refund status values (CREATED / REFUNDED / FAILED) and the transaction webhook (notification_type
  "Transaction", merchant_order_id, order_id, order_amount, state, paid_at / authorized_at).

Amounts are JPY integers (ISO exponent 0): amount_unit "minor".

Lifecycle identity: a PayPay payment (paymentId) is the attempt; the merchant's merchantPaymentId is the
payment. A refund is its own object (merchantRefundId), naming paymentId.
"""

from __future__ import annotations

PAYMENT_STATUSES = {
    "CREATED": "PENDING",  # a QR code / payment created, not paid yet
    "AUTHORIZED": "APPROVED",
    "REAUTHORIZING": "APPROVED",
    "COMPLETED": "APPROVED",
    "REFUNDED": "REFUNDED",
    "FAILED": "DECLINED",
    "CANCELED": "CANCELLED",
    "EXPIRED": "CANCELLED",
}
REFUND_STATUSES = {"CREATED": "PENDING", "REFUNDED": "REFUNDED", "COMPLETED": "REFUNDED", "FAILED": "DECLINED"}

DECLINE_CODES = {
    "NO_SUFFICIENT_FUND": "INSUFFICIENT_FUNDS",
    "CANCELED_USER": "RESTRICTED_CARD",
    "USER_STATE_IS_NOT_ACTIVE": "RESTRICTED_CARD",
    "UNACCEPTABLE_OP": "TRANSACTION_NOT_PERMITTED",
    "UNSUPPORTED_PAYMENT_METHOD": "TRANSACTION_NOT_PERMITTED",
    "NO_VALID_PAYMENT_METHOD": "TRANSACTION_NOT_PERMITTED",
    "PAYMENT_METHOD_NOT_FOUND": "TRANSACTION_NOT_PERMITTED",
    # "expired or revoked by the user ... go through the authorization flow again"
    "INVALID_USER_AUTHORIZATION_ID": "AUTHENTICATION_REQUIRED",
    "EXPIRED_USER_AUTHORIZATION_ID": "AUTHENTICATION_REQUIRED",
}
ERROR_CODES = {
    "INVALID_PARAMS": "INVALID_REQUEST",
    "INVALID_REQUEST_PARAMS": "INVALID_REQUEST",
    "MISSING_REQUEST_PARAMS": "INVALID_REQUEST",
    "DYNAMIC_QR_PAYMENT_NOT_FOUND": "INVALID_REQUEST",
    "DYNAMIC_QR_BAD_REQUEST": "INVALID_REQUEST",
    "ORDER_NOT_REVERSIBLE": "INVALID_REQUEST",
    "ORDER_NOT_CANCELABLE": "INVALID_REQUEST",
    "ORDER_NOT_CAPTURABLE": "INVALID_REQUEST",
    "ORDER_EXPIRED": "INVALID_REQUEST",
    "REAUTHORIZATION_IN_PROGRESS": "INVALID_REQUEST",
    "TOO_CLOSE_TO_EXPIRY": "INVALID_REQUEST",
    "HIGHER_CAPTURE_NOT_PERMITTED": "INVALID_REQUEST",
    "RESOURCE_NOT_FOUND": "INVALID_REQUEST",
    "NO_SUCH_REFUND_ORDER": "INVALID_REQUEST",
    "PRE_AUTH_CAPTURE_INVALID_EXPIRY_DATE": "INVALID_REQUEST",
    "ALREADY_CAPTURED": "DUPLICATE",
    "SUSPECTED_DUPLICATE_PAYMENT": "DUPLICATE",
    "UNAUTHORIZED": "CONFIGURATION_ERROR",
    "OP_OUT_OF_SCOPE": "CONFIGURATION_ERROR",
    "OPA_CLIENT_NOT_FOUND": "CONFIGURATION_ERROR",
    "PRE_AUTH_CAPTURE_UNSUPPORTED_MERCHANT": "CONFIGURATION_ERROR",
    "RATE_LIMIT": "PROCESSING_ERROR",
    "SERVICE_ERROR": "PROCESSING_ERROR",
    "MAINTENANCE_MODE": "PROCESSING_ERROR",
    "TRANSACTION_FAILED": "PROCESSING_ERROR",
    "INTERNAL_SERVER_ERROR": "PROCESSING_ERROR",  # status UNKNOWN (rules)
}
PENDING_CODES = ["REQUEST_ACCEPTED", "USER_CONFIRMATION_REQUIRED"]
UNKNOWN_CODES = ["INTERNAL_SERVER_ERROR"]
REASONS = {**DECLINE_CODES, **ERROR_CODES}

_PAYMENT_FIELDS = {
    "provider_transaction_id": ["paymentId", "merchantPaymentId"],
    "status": ["status"],
    "reason_code": ["^resultInfo.code"],
    "amount": ["amount.amount"],
    "currency": ["amount.currency"],
    "event_time": ["acceptedAt", "requestedAt"],
    "merchant_id": ["storeId"],
    "attempt_id": ["paymentId"],
    "payment_id": ["merchantPaymentId"],
    "refund_id": [],
}
_REFUND_FIELDS = {
    "provider_transaction_id": ["merchantRefundId", "paymentId"],
    "status": ["status"],
    "reason_code": ["^resultInfo.code"],
    "amount": ["amount.amount"],
    "currency": ["amount.currency"],
    "event_time": ["acceptedAt", "requestedAt"],
    "refund_id": ["merchantRefundId"],
    "attempt_id": ["paymentId"],
}

SPEC = {
    "provider": "paypay",
    "aliases": ["paypay", "paypay_opa", "paypay_japan", "paypay_jp", "paypay opa"],
    "detect": [
        {"path": "resultInfo.codeId", "exists": True, "weight": 0.4},
        {"path": "resultInfo.code", "in": ["SUCCESS", *PENDING_CODES, *REASONS], "weight": 0.2},
        {"path": "data.merchantPaymentId", "exists": True, "weight": 0.3},
        {"path": "data.merchantRefundId", "exists": True, "weight": 0.3},
        {"path": "data.userAuthorizationId", "exists": True, "weight": 0.2},
        {"path": "notification_type", "in": ["Transaction"], "weight": 0.4},
        {"path": "order_amount", "exists": True, "weight": 0.2},
        {"path": "merchant_order_id", "exists": True, "weight": 0.1},
        {"path": "state", "in": list(PAYMENT_STATUSES), "weight": 0.1},
    ],
    "amount_unit": "minor",
    "reason_map": REASONS,
    "variants": [
        {"name": "refund", "root": "data", "match": {"data.merchantRefundId": {"exists": True}},
         "fields": _REFUND_FIELDS, "status_map": REFUND_STATUSES, "event_kind": "REFUND"},
        {"name": "payment", "root": "data",
         "match": {"data.status": {"exists": True}, "data.merchantPaymentId": {"exists": True}},
         "fields": _PAYMENT_FIELDS, "status_map": PAYMENT_STATUSES, "default_payment_method": "WALLET"},
        # an answer without a payment: the call failed, was declined, or was accepted for later
        {"name": "result", "match": {"resultInfo.code": {"exists": True}},
         "status": "ERROR", "fields": {"status": ["resultInfo.code"], "reason_code": ["resultInfo.code"]},
         "rules": [{"when": {"resultInfo.code": list(DECLINE_CODES)}, "set": {"status_category": "DECLINED"}},
                   {"when": {"resultInfo.code": PENDING_CODES}, "set": {"status_category": "PENDING"}},
                   {"when": {"resultInfo.code": UNKNOWN_CODES}, "set": {"status_category": "UNKNOWN"}}]},
        # transaction webhook (recalled shape: see the module docstring)
        {"name": "webhook.transaction", "match": {"notification_type": "Transaction", "state": {"exists": True}},
         "fields": {"provider_transaction_id": ["order_id", "merchant_order_id"], "status": ["state"],
                    "amount": ["order_amount"], "event_time": ["paid_at", "authorized_at"],
                    "merchant_id": ["store_id", "merchant_id"], "attempt_id": ["order_id"],
                    "payment_id": ["merchant_order_id"], "refund_id": []},
         "status_map": PAYMENT_STATUSES, "default_currency": "JPY", "default_payment_method": "WALLET"},
    ],
}
