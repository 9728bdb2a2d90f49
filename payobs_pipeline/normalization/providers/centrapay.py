"""Centrapay (New Zealand): Payment Requests, their Payment Activities (payment, refund, cancellation, expiry), the
legacy Payments API webhook (a decoded JWT ``{"transaction": {...}}``) and the API error body.

Sources (the docs are the centrapay/centrapay-docs repository, published at docs.centrapay.com):
- src/api/payment-requests/payment-requests.md ("Payment Requests"): statuses new (created), paid (paid with one or
  more transactions), cancelled (cancelled or voided by the merchant), expired (expiry reached unpaid), refunded
  (partially or fully refunded); ``value`` a Monetary ``{currency, amount}`` (data-types: amount in cents, a
  string); ``cancellationReason`` (Cancellation Reasons table: CANCELLED_BY_MERCHANT, CANCELLED_BY_PATRON,
  PATRON_CODE_INVALID, INSUFFICIENT_ASSET_VALUE, PAYMENT_FAILED, PATRON_CODE_EXPIRED, DECLINED_BY_PATRON,
  DECLINED_BY_MERCHANT, PAYMENT_DECLINED, PAYMENT_REQUEST_EXPIRED, NO_AVAILABLE_PAYMENT_OPTIONS, PREAUTH_EXPIRED);
  Payment Activity types request, payment, refund, cancellation, expiry, accept-condition, decline-condition; the
  error tables of Create, Pay, Refund and Void (403 business-rule codes in ``message``).
- src/api/payment-requests/payment-activities.md and src/content/api/_endpoints/payment-requests-refund.js (the
  activity shape: type, value, assetType, paymentRequestId, shortCode, merchantId, merchantAccountId,
  merchantConfigId, createdAt, createdBy, paymentRequestCreatedBy, activityNumber).
- src/api/payment-requests/legacy-payment-requests.md: the legacy error table (1 KEY_NOT_AUTHORIZED ... 281
  PARTIAL_REFUNDS_NOT_ALLOWED, 400 BAD_REQUEST) and webhooks: a JWT whose decoded ``transaction`` carries
  transactionType PURCHASE (transaction completed), REFUND, CANCELLED, EXPIRED; amount "in the lowest denomination";
  ``request.denomination {asset: NZD|AUD, amount}``.
- src/api/status-codes.md / http-status-codes.md: error body ``{"statusCode", "error", "message"}``; 400 malformed
  request, 401 missing authentication, 403 permission denied or a business rule (the code in ``message``, e.g.
  INSUFFICIENT_BALANCE), 404 not found, 429 RATE_LIMIT_EXCEEDED, 5xx server errors.

Reading: a cancelled Payment Request (or cancellation activity) whose cancellationReason says the payment was
refused (insufficient asset value, payment declined, no usable payment option, invalid patron code, declined by the
merchant, failed) is a decline, not a cancellation; a patron who cancelled or declined during approval, the
merchant's cancel/void and expiry stay CANCELLED. A Pay error naming the patron's asset (INSUFFICIENT_ASSET_VALUE,
PAYMENT_DECLINED, QUOTA_EXCEEDED, INACTIVE_ASSET, ASSET_REDEMPTION_DENIED) is a decline; other error bodies are
ERROR. Payment Requests name no card; the asset types are Centrapay's own (no payment method is inferred).

Lifecycle identity: the Payment Request id is the payment and the attempt (activities name it as
paymentRequestId); a refund activity has no refund id of its own.
"""

from __future__ import annotations

PAYMENT_REQUEST_STATUSES = {
    "new": "PENDING",
    "paid": "APPROVED",
    "cancelled": "CANCELLED",
    "expired": "CANCELLED",  # expired unpaid
    "refunded": "REFUNDED",
}

ACTIVITY_TYPES = {
    "request": "PENDING",  # the Payment Request was created
    "payment": "APPROVED",  # the Payment Request was paid
    "refund": "REFUNDED",  # funds were returned to the shopper
    "cancellation": "CANCELLED",  # cancelled by the merchant or the shopper
    "expiry": "CANCELLED",  # not paid before time out
}

# Legacy webhook transactionType.
LEGACY_TRANSACTION_TYPES = {"PURCHASE": "APPROVED", "REFUND": "REFUNDED", "CANCELLED": "CANCELLED",
                            "EXPIRED": "CANCELLED"}

# Cancellation Reasons that say the payment was refused (the rest are cancellations).
CANCELLATION_REASONS = {
    "INSUFFICIENT_ASSET_VALUE": "INSUFFICIENT_FUNDS",
    "PAYMENT_DECLINED": "TRANSACTION_NOT_PERMITTED",  # asset not active, overdrawn, quota, category restrictions
    "NO_AVAILABLE_PAYMENT_OPTIONS": "TRANSACTION_NOT_PERMITTED",
    "PATRON_CODE_INVALID": "INVALID_CARD_DATA",  # the patron's payment code
    "PATRON_CODE_EXPIRED": "INVALID_CARD_DATA",
    "DECLINED_BY_MERCHANT": "RISK_REJECTED",  # a payment condition (e.g. ID check) declined by the merchant
    "PAYMENT_FAILED": "UNKNOWN",  # failed for an unknown reason
}
PREAUTH_EXPIRED = "PREAUTH_EXPIRED"  # a pre-authorization completion on an expired request: a request error

# Error body ``message`` codes (Create, Pay, Refund, Void tables; legacy table; status-codes page).
ERROR_MESSAGES = {
    # Pay: the patron's asset refused the payment (a decline, see PAY_DECLINES).
    "INSUFFICIENT_ASSET_VALUE": "INSUFFICIENT_FUNDS",
    "INSUFFICIENT_BALANCE": "INSUFFICIENT_FUNDS",
    "INSUFFICIENT_ASSET_BALANCE": "INSUFFICIENT_FUNDS",
    "INSUFFICIENT_WALLET_BALANCE": "INSUFFICIENT_FUNDS",
    "INSUFFICIENT_VOUCHER_BALANCE": "INSUFFICIENT_FUNDS",
    "INSUFFICIENT_PAYMENT": "INSUFFICIENT_FUNDS",
    "PAYMENT_DECLINED": "TRANSACTION_NOT_PERMITTED",
    "QUOTA_EXCEEDED": "LIMIT_EXCEEDED",
    "MERCHANT_TRANSACTION_LIMIT_EXCEEDED": "LIMIT_EXCEEDED",
    "INACTIVE_ASSET": "RESTRICTED_CARD",  # disabled, expired or already spent
    "ASSET_REDEMPTION_DENIED": "GENERIC_DECLINE",
    "VOUCHER_EXPIRED": "EXPIRED_CARD",
    "VOUCHER_UNKNOWN": "INVALID_CARD_DATA",
    "INVALID_VOUCHER_AMOUNT": "INVALID_REQUEST",
    "INVALID_TRANSACTION_AMOUNT": "INVALID_REQUEST",
    "INVALID_ASSET_TYPE": "TRANSACTION_NOT_PERMITTED",
    "UNSUPPORTED_ASSET_TYPE": "TRANSACTION_NOT_PERMITTED",
    "LEDGER_NOT_ENABLED": "CONFIGURATION_ERROR",
    "INVALID_MERCHANT_CONFIG": "CONFIGURATION_ERROR",
    "INVALID_MERCHANT_CONFIGURATION": "CONFIGURATION_ERROR",
    "MERCHANT_CONFIGURATION_NOT_FOUND": "CONFIGURATION_ERROR",
    "REQUEST_EXPIRED": "INVALID_REQUEST",
    "REQUEST_PAID": "INVALID_REQUEST",
    "REQUEST_CANCELLED": "INVALID_REQUEST",
    "TRANSACTION_ALREADY_EXISTS": "DUPLICATE",
    # Create.
    "LINE_ITEMS_SUM_CHECK_FAILED": "INVALID_REQUEST",
    "REDIRECT_URL_INVALID": "CONFIGURATION_ERROR",
    "CHECKSUM_FAILED": "INVALID_REQUEST",
    "PATRON_CODE_INVALID": "INVALID_CARD_DATA",
    "NO_AVAILABLE_PAYMENT_OPTIONS": "TRANSACTION_NOT_PERMITTED",
    # Refund and void.
    "NOT_PAID": "INVALID_REQUEST",
    "ALREADY_REFUNDED": "INVALID_REQUEST",
    "INVALID_AMOUNT": "INVALID_REQUEST",
    "REPEAT_REFERENCE": "DUPLICATE",
    "PARTIAL_REFUNDS_NOT_ALLOWED": "TRANSACTION_NOT_PERMITTED",
    "REFUND_NOT_SUPPORTED": "TRANSACTION_NOT_PERMITTED",
    "REFUND_WINDOW_EXCEEDED": "TRANSACTION_NOT_PERMITTED",
    "VOID_WINDOW_EXCEEDED": "TRANSACTION_NOT_PERMITTED",
    "INVALID_TRANSACTION_TYPE": "TRANSACTION_NOT_PERMITTED",  # refunding a refund
    # Legacy validation and lookup errors.
    **{code: "INVALID_REQUEST" for code in (
        "REQUEST_NOT_FOUND", "TRANSACTION_NOT_FOUND", "MERCHANT_NOT_FOUND", "INVALID_REQUEST_ID", "INVALID_ASSET",
        "INVALID_AUTHORIZATION", "INVALID_LEDGER", "INVALID_MERCHANT_ID", "INVALID_CLIENT_ID", "INVALID_PATRON_CODE",
        "INVALID_DESCRIPTION", "INVALID_REFERENCE", "INVALID_NOTIFY_URL", "INVALID_TRANSACTION_ID",
        "INVALID_PAYMENT_EXPIRY_SECONDS", "BITCOIN_TRANSACTION_NOT_FOUND", "OLD_TRANSACTION", "INVALID_ASSET_ID",
        "INVALID_WALLET_ADDRESS", "INVALID_TRANSACTION", "BAD_REQUEST", "IN_USE")},
    "KEY_NOT_AUTHORIZED": "CONFIGURATION_ERROR",
    "FORBIDDEN": "CONFIGURATION_ERROR",
    "Forbidden": "CONFIGURATION_ERROR",
    "Missing authentication": "CONFIGURATION_ERROR",
    "INTERNAL_ERROR": "PROCESSING_ERROR",
    "INTERNAL_SERVER_ERROR": "PROCESSING_ERROR",
    "OPTIMISTIC_LOCK_ERROR": "PROCESSING_ERROR",
    "EXTERNAL_SERVICE": "PROCESSING_ERROR",
    "RATE_LIMIT_EXCEEDED": "PROCESSING_ERROR",
}
# Pay errors that refuse the patron's asset: the payment is declined.
PAY_DECLINES = ["INSUFFICIENT_ASSET_VALUE", "INSUFFICIENT_BALANCE", "INSUFFICIENT_ASSET_BALANCE",
                "INSUFFICIENT_WALLET_BALANCE", "INSUFFICIENT_VOUCHER_BALANCE", "INSUFFICIENT_PAYMENT",
                "PAYMENT_DECLINED", "QUOTA_EXCEEDED", "MERCHANT_TRANSACTION_LIMIT_EXCEEDED", "INACTIVE_ASSET",
                "ASSET_REDEMPTION_DENIED", "VOUCHER_EXPIRED", "VOUCHER_UNKNOWN"]

# The HTTP status of an error body whose message names no documented code (status-codes page).
HTTP_STATUSES = {
    "400": "INVALID_REQUEST", "404": "INVALID_REQUEST",
    "401": "CONFIGURATION_ERROR", "403": "CONFIGURATION_ERROR",
    "429": "PROCESSING_ERROR", "500": "PROCESSING_ERROR", "502": "PROCESSING_ERROR", "503": "PROCESSING_ERROR",
    "504": "TIMEOUT",
}

_REFUSED = {"cancellationReason": {"in": list(CANCELLATION_REASONS)}}
_CANCELLATION_RULES = [
    {"when": _REFUSED, "set": {"status_category": "DECLINED"}},
    {"when": {"cancellationReason": PREAUTH_EXPIRED},
     "set": {"status_category": "ERROR", "failure_reason": "INVALID_REQUEST"}},
]

PAYMENT_REQUEST_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status"],
    "reason_code": ["cancellationReason"],
    "amount": ["value.amount"],
    "currency": ["value.currency"],
    "event_time": ["updatedAt", "createdAt"],
    "merchant_id": ["merchantId"],
    "merchant_name": ["merchantName"],
    "attempt_id": ["id"],
    "payment_id": ["id"],
}
ACTIVITY_FIELDS = {
    "provider_transaction_id": ["paymentRequestId"],
    "status": ["type"],
    "reason_code": ["cancellationReason"],
    "amount": ["value.amount"],
    "currency": ["value.currency"],
    "event_time": ["createdAt"],
    "merchant_id": ["merchantId"],
    "merchant_name": ["merchantName"],
    "attempt_id": ["paymentRequestId"],
    "payment_id": ["paymentRequestId"],
    "refund_id": [],  # a refund activity has no id of its own
}
LEGACY_FIELDS = {
    "provider_transaction_id": ["transactionId", "request.requestId"],
    "status": ["transactionType"],
    "amount": ["amount", "request.denomination.amount"],
    "currency": ["request.denomination.asset"],
    "event_time": ["updatedAt", "createdAt"],
    "merchant_id": ["request.merchantId"],
    "attempt_id": ["transactionId", "request.requestId"],
    "payment_id": ["request.requestId"],
    "refund_id": [],
}

SPEC = {
    "provider": "centrapay",
    "aliases": ["centrapay", "centra pay", "centrapay.com", "centrapay payments"],
    "detect": [
        # Payment Request.
        {"path": "url", "prefix": "https://app.centrapay.com/", "weight": 0.4},
        {"path": "paymentOptions.assetType", "exists": True, "weight": 0.2},
        {"path": "liveness", "in": ["main", "test"], "weight": 0.15},
        {"path": "patronCodeId", "exists": True, "weight": 0.1},
        {"path": "merchantConditions", "exists": True, "weight": 0.1},
        {"path": "configId", "exists": True, "weight": 0.05},
        # Payment Activity.
        {"path": "paymentRequestCreatedBy", "prefix": "crn:", "weight": 0.35},
        {"path": "paymentRequestId", "exists": True, "weight": 0.1},
        {"path": "createdBy", "prefix": "crn:", "weight": 0.1},
        {"path": "merchantConfigId", "exists": True, "weight": 0.05},
        {"path": "activityNumber", "exists": True, "weight": 0.05},
        {"path": "assetType", "prefix": ["centrapay.", "epay.", "cca."], "weight": 0.1},
        # Legacy webhook (decoded JWT).
        {"path": "transaction.request.denomination.asset", "exists": True, "weight": 0.3},
        {"path": "transaction.request.requestId", "exists": True, "weight": 0.1},
        {"path": "transaction.transactionType", "in": list(LEGACY_TRANSACTION_TYPES), "weight": 0.15},
    ],
    "amount_unit": "minor",
    "status_map": PAYMENT_REQUEST_STATUSES,
    "reason_map": CANCELLATION_REASONS,
    "fields": PAYMENT_REQUEST_FIELDS,
    "variants": [
        {"name": "error", "match": {"statusCode": {"exists": True}, "message": {"exists": True},
                                    "id": {"exists": False}},
         "status": "ERROR", "fields": {"reason_code": ["message", "statusCode"], "amount": [], "currency": []},
         "reason_map": {**ERROR_MESSAGES, **HTTP_STATUSES},
         "rules": [{"when": {"message": {"in": PAY_DECLINES}}, "set": {"status_category": "DECLINED"}}]},
        {"name": "legacy_webhook", "root": "transaction",
         "match": {"transaction.transactionType": {"in": list(LEGACY_TRANSACTION_TYPES)}},
         "status_map": LEGACY_TRANSACTION_TYPES, "fields": LEGACY_FIELDS,
         "rules": [{"when": {"transactionType": {"in": ["CANCELLED", "EXPIRED"]}}, "set": {"event_kind": "PAYMENT"}}]},
        {"name": "activity.condition", "match": {"type": {"in": ["accept-condition", "decline-condition"]},
                                                 "paymentRequestId": {"exists": True}},
         "not_a_payment": "accepting or declining a payment condition is an approval step, not a payment outcome"},
        {"name": "activity.refund", "match": {"type": "refund", "paymentRequestId": {"exists": True}},
         "status_map": ACTIVITY_TYPES, "event_kind": "REFUND", "fields": ACTIVITY_FIELDS},
        {"name": "activity.payment", "match": {"type": "payment", "paymentRequestId": {"exists": True}},
         "status_map": ACTIVITY_TYPES, "event_kind": "AUTHORIZATION", "fields": ACTIVITY_FIELDS},
        {"name": "activity", "match": {"type": {"in": ["request", "cancellation", "expiry"]},
                                       "paymentRequestId": {"exists": True}},
         "status_map": ACTIVITY_TYPES, "event_kind": "PAYMENT", "fields": ACTIVITY_FIELDS,
         "rules": _CANCELLATION_RULES},
        {"name": "payment_request.refunded", "match": {"status": "refunded", "id": {"exists": True},
                                                       "value.amount": {"exists": True}},
         "event_kind": "REFUND", "fields": {**PAYMENT_REQUEST_FIELDS, "refund_id": []}},
        {"name": "payment_request", "match": {"status": {"in": list(PAYMENT_REQUEST_STATUSES)},
                                              "id": {"exists": True}, "value.amount": {"exists": True}},
         "event_kind": "PAYMENT", "rules": _CANCELLATION_RULES},
    ],
}
