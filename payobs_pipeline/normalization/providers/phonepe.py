"""PhonePe Payment Gateway (India): PG v1 status responses and server-to-server callbacks (base64), PG v2
(Standard / Custom Checkout) order status, refund status and webhooks.

Sources (PhonePe developer documentation, developer.phonepe.com):
- /v1/reference/check-status-api, check-status-api-1, check-status-api-3 (response {"success", "code", "message",
  "data": {merchantId, merchantTransactionId, transactionId, amount "in paise", state, responseCode,
  paymentInstrument}}; "The payment status can be Success, Failed or Pending"; the failed-request body
  {"success": false, "code": "INTERNAL_SERVER_ERROR", "message": ...})
- /switch/api-integration/payment-flow/check-status-api and /reference/check-transaction-status-4 (codes:
  TRANSACTION_NOT_FOUND "Payment not initiated inside PhonePe", INVALID_TRANSACTION_ID, BAD_REQUEST "Invalid
  request", AUTHORIZATION_FAILED "Authorization header is incorrect", INTERNAL_SERVER_ERROR "Something went wrong.
  Merchant needs to call Check Transaction Status to verify", PAYMENT_SUCCESS, PAYMENT_ERROR, PAYMENT_PENDING;
  merchantOrderId, providerReferenceId, payResponseCode)
- /v2/reference/static-qr-server-to-server-callback and /category/v4/.../s2s-call-back (callback codes
  PAYMENT_SUCCESS, PAYMENT_ERROR "Payment failed", PAYMENT_DECLINED "Payment declined by customer",
  PAYMENT_CANCELLED "Payment cancelled by merchant")
- /v1/reference/server-to-server-callback-4 and -5 ({"response": "<base64 JSON>"}, "Upon base64 decoding the
  response, you should get a JSON with a format similar to the response returned by transaction status API";
  the sample decodes to code PAYMENT_SUCCESS, data.paymentInstrument.type UPI)
- /v1/reference/autopay-refund (refund codes incl. TIMED_OUT "Refund might get initiated",
  REVERSAL_WINDOW_EXCEEDED)
- /v1/reference/order-status-standard-checkout, /v1/docs/ios-pg-native-sdk-integration-order-status,
  /payment-gateway-custom-checkout/mobile-app-integration/api-reference/order-status and the Java / Node SDK
  references (order: orderId OMO..., state PENDING | FAILED | COMPLETED, CREATED when no attempt was made,
  amount in paisa, expireAt (epoch ms), errorCode, detailedErrorCode, paymentDetails[] {paymentMode UPI_INTENT |
  UPI_COLLECT | UPI_QR | CARD | TOKEN | NET_BANKING, transactionId OM..., timestamp, amount, state, errorCode,
  detailedErrorCode, splitInstruments[] {instrument, rail}})
- /v1/reference/handling-webhooks-standard-checkout-1, /v1/docs/android-pg-native-sdk-integration-handling-
  webhooks, /payment-gateway/.../webhook (webhook {"type" (deprecated), "event": checkout.order.completed |
  checkout.order.failed | pg.order.completed | pg.order.failed | pg.refund.accepted | pg.refund.completed |
  pg.refund.failed, "payload": {merchantId, merchantOrderId, orderId, state, amount, expireAt, paymentDetails}};
  "rely only on the root level payload.state")
- /v1/docs/android-pg-native-sdk-integration-refund-status and /v1/reference/subscription-v2-refund-status (refund:
  originalMerchantOrderId, refundId OMR..., amount, state PENDING | CONFIRMED ("Refund Accepted") | COMPLETED |
  FAILED, timestamp, errorCode, detailedErrorCode)
- /payment-gateway/error-codes (errorCode / detailedErrorCode: TXN_AUTO_FAILED -> TXN_NOT_COMPLETED "Payment
  couldn't be completed due to issues related to customer or their bank"; Z9 -> INSUFFICIENT_BALANCE; ZM ->
  INVALID_MPIN "Customer entered the wrong UPI PIN"; U90, UT, U28 -> BANK_TECHNICAL_ISSUE at the issuing bank;
  HTTP 400 / 401 / 404 / 500)
- NPCI UPI response codes as listed by dev.m2p.app/docs/upi/npci-error-codes and support.arihantplus.com (Z6 PIN
  tries exceeded, Z7 frequency limit, Z8 per-transaction limit, U16 risk threshold exceeded, U30 debit failed,
  U69 collect expired, B3 transaction not permitted to the account, YE account blocked/frozen, ZA declined by
  the customer): the detailedErrorCode values of UPI payments.

Amounts are in paise (ISO minor units of INR); PhonePe Payment Gateway settles only in INR.

UPI (UPI_INTENT, UPI_COLLECT, UPI_QR) and net banking are BANK_TRANSFER (docs/taxonomy.md); CARD and TOKEN
(a saved card) are CARD; the PhonePe wallet is WALLET.

Lifecycle identity: a payment attempt is PhonePe's transactionId (v1 data.transactionId; v2 paymentDetails[]
transactionId OM..., the latest attempt by timestamp); the payment is the merchant's order: merchantOrderId (v2
webhooks and v1 responses that carry it) and a refund's originalMerchantOrderId. A refund is its own object
(refundId OMR...).
"""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

_CUSTOMER = "CUSTOMER"

# v1 "code" (the decision field: "You should base your decision on this parameter").
V1_CODES = {
    "PAYMENT_SUCCESS": "APPROVED",
    "PAYMENT_PENDING": "PENDING",
    "PAYMENT_INITIATED": "PENDING",
    "PAYMENT_ERROR": "DECLINED",
    "PAYMENT_DECLINED": "CANCELLED",  # "Payment declined by customer": the customer refused the collect request
    "PAYMENT_CANCELLED": "CANCELLED",  # "Payment cancelled by merchant"
    # PhonePe's own failure (HTTP 500): an API error answer (docs/taxonomy.md: PROCESSING_ERROR).
    "INTERNAL_SERVER_ERROR": "ERROR",
    # "TIMED_OUT ... might get initiated (need to check status ...)": the outcome is not known.
    "TIMED_OUT": "UNKNOWN",
    "BAD_REQUEST": "ERROR",
    "AUTHORIZATION_FAILED": "ERROR",
    "TRANSACTION_NOT_FOUND": "ERROR",
    "INVALID_TRANSACTION_ID": "ERROR",
    "REVERSAL_WINDOW_EXCEEDED": "ERROR",
}
ORDER_STATES = {"COMPLETED": "APPROVED", "FAILED": "DECLINED", "PENDING": "PENDING", "CREATED": "PENDING"}
REFUND_STATES = {"PENDING": "PENDING", "CONFIRMED": "PENDING", "ACCEPTED": "PENDING", "COMPLETED": "REFUNDED",
                 "FAILED": "DECLINED"}

CODE_REASONS = {
    "BAD_REQUEST": "INVALID_REQUEST",
    "AUTHORIZATION_FAILED": "CONFIGURATION_ERROR",  # the merchant's X-VERIFY / Authorization header is wrong
    "TRANSACTION_NOT_FOUND": "INVALID_REQUEST",  # "Payment not initiated inside PhonePe"
    "INVALID_TRANSACTION_ID": "INVALID_REQUEST",
    "INTERNAL_SERVER_ERROR": "PROCESSING_ERROR",
    "TIMED_OUT": "TIMEOUT",
    "REVERSAL_WINDOW_EXCEEDED": "INVALID_REQUEST",  # the refund window has passed
    "PAYMENT_ERROR": "GENERIC_DECLINE",
    "PAYMENT_DECLINED": {"reason": "GENERIC_DECLINE", "source": _CUSTOMER},
    # v2 errorCode values.
    "TXN_NOT_COMPLETED": {"reason": "GENERIC_DECLINE", "source": _CUSTOMER},
    "INSUFFICIENT_BALANCE": "INSUFFICIENT_FUNDS",
    "INVALID_MPIN": {"reason": "AUTHENTICATION_FAILED", "source": _CUSTOMER},
    "BANK_TECHNICAL_ISSUE": "ISSUER_UNAVAILABLE",
    "AUTHORIZATION_ERROR": "GENERIC_DECLINE",
}
# detailedErrorCode: PhonePe's own and NPCI's UPI codes.
DETAILED_REASONS = {
    "TXN_AUTO_FAILED": {"reason": "GENERIC_DECLINE", "source": _CUSTOMER},
    "Z9": "INSUFFICIENT_FUNDS",
    "ZM": {"reason": "AUTHENTICATION_FAILED", "source": _CUSTOMER},
    "Z6": {"reason": "AUTHENTICATION_FAILED", "source": _CUSTOMER},  # number of PIN tries exceeded
    "Z7": "LIMIT_EXCEEDED",  # transaction frequency limit set by the remitting bank
    "Z8": "LIMIT_EXCEEDED",  # per-transaction amount limit
    "U16": "LIMIT_EXCEEDED",  # risk threshold exceeded (e.g. a first UPI payment above its cap)
    "U90": "ISSUER_UNAVAILABLE",
    "UT": "ISSUER_UNAVAILABLE",
    "U28": "ISSUER_UNAVAILABLE",
    "U30": "GENERIC_DECLINE",  # debit has been failed
    "B3": "TRANSACTION_NOT_PERMITTED",  # not permitted to the account (minor, NRE, legal case ...)
    "YE": "RESTRICTED_CARD",  # remitting account blocked / frozen
    "ZA": {"reason": "GENERIC_DECLINE", "source": _CUSTOMER},  # declined by the customer
    "U69": {"reason": "GENERIC_DECLINE", "source": _CUSTOMER},  # collect request expired
}
REASONS = {**CODE_REASONS, **DETAILED_REASONS}
# The customer refused or let expire the request: cancelled, not a decline (docs/taxonomy.md CANCELLED).
CUSTOMER_CANCELLED_CODES = ["ZA", "U69"]

PAYMENT_METHODS = {
    "UPI": "BANK_TRANSFER", "UPI_INTENT": "BANK_TRANSFER", "UPI_COLLECT": "BANK_TRANSFER", "UPI_QR": "BANK_TRANSFER",
    "NET_BANKING": "BANK_TRANSFER", "NETBANKING": "BANK_TRANSFER",
    "CARD": "CARD", "TOKEN": "CARD", "CREDIT_CARD": "CARD", "DEBIT_CARD": "CARD",
    "WALLET": "WALLET", "PPE_INTENT": "WALLET",
}

ATTEMPT_KEY = "_payobs_attempt"
V1_CODES_LIST = list(V1_CODES)
ORDER_EVENTS = ["checkout.order.completed", "checkout.order.failed", "pg.order.completed", "pg.order.failed"]
REFUND_EVENTS = ["pg.refund.accepted", "pg.refund.completed", "pg.refund.failed"]
# The base64 of '{"success":' and of '{\n  "success": ' (the callback sample's pretty-printed JSON), and of
# '{"code":"PAYMEN' / '{"code": "PAYMEN' (the same status JSON written with its decision code first).
_CALLBACK_PREFIXES = ["eyJzdWNjZXNzIjo", "ewogICJzdWNjZXNzIjog", "eyJjb2RlIjoiUEFZTUVO", "eyJjb2RlIjogIlBBWU1F"]

_V1_FIELDS = {
    "provider_transaction_id": ["data.transactionId", "data.providerReferenceId", "transactionId",
                                "providerReferenceId"],
    "status": ["code"],
    "reason_code": ["data.responseCode", "data.payResponseCode", "payResponseCode", "code"],
    "amount": ["data.amount", "amount"],
    "event_time": ["data.updateTimestamp", "updateTimestamp"],
    "payment_method": ["data.paymentInstrument.type", "paymentInstrument.type"],
    "merchant_id": ["data.merchantId", "merchantId"],
    "attempt_id": ["data.transactionId", "data.providerReferenceId", "transactionId", "providerReferenceId"],
    "payment_id": ["data.merchantOrderId", "merchantOrderId"],
}
_ORDER_FIELDS = {
    "provider_transaction_id": [ATTEMPT_KEY + ".transactionId", "orderId"],
    "status": ["state"],
    "reason_code": ["detailedErrorCode", ATTEMPT_KEY + ".detailedErrorCode", "errorCode",
                    ATTEMPT_KEY + ".errorCode"],
    "amount": ["amount"],
    "event_time": [ATTEMPT_KEY + ".timestamp"],
    "payment_method": [ATTEMPT_KEY + ".paymentMode"],
    "merchant_id": ["merchantId"],
    "attempt_id": [ATTEMPT_KEY + ".transactionId"],
    "payment_id": ["merchantOrderId"],
}
_ORDER_RULES = [
    {"when": {"detailedErrorCode": CUSTOMER_CANCELLED_CODES, "state": "FAILED"}, "set": {"status_category": "CANCELLED"}},
    # No payment attempt yet: the order as a whole.
    {"when": {ATTEMPT_KEY: {"exists": False}}, "set": {"event_kind": "PAYMENT"}},
]
_REFUND_FIELDS = {
    "provider_transaction_id": ["refundId"],
    "status": ["state"],
    "reason_code": ["detailedErrorCode", "errorCode"],
    "amount": ["amount"],
    "event_time": ["timestamp"],
    "payment_method": ["splitInstruments.0.rail.type", "rail.type"],
    "merchant_id": ["merchantId"],
    "refund_id": ["refundId"],
    "payment_id": ["originalMerchantOrderId"],
}

SPEC = {
    "provider": "phonepe",
    "aliases": ["phonepe", "phone_pe", "phone pe", "phonepe_pg", "phonepe pg", "phonepe_payment_gateway"],
    "detect": [
        # PG v1: {"success", "code", "message", "data": {merchantTransactionId, transactionId, state, ...}}.
        {"path": "code", "in": V1_CODES_LIST, "weight": 0.3},
        # The failed request's documented message (check-status-api error sample).
        {"path": "message", "prefix": "There is an error trying to process your transaction", "weight": 0.2},
        {"path": "success", "in": [True, False], "weight": 0.1},
        {"path": "data.merchantTransactionId", "exists": True, "weight": 0.4},
        {"path": "data.paymentInstrument", "exists": True, "weight": 0.2},
        {"path": "data.responseCode", "exists": True, "weight": 0.1},
        {"path": "providerReferenceId", "exists": True, "weight": 0.3},
        {"path": "data.providerReferenceId", "exists": True, "weight": 0.3},
        {"path": "payResponseCode", "exists": True, "weight": 0.2},
        {"path": "data.payResponseCode", "exists": True, "weight": 0.2},
        # The server-to-server callback: base64 of the status JSON.
        {"path": "response", "prefix": _CALLBACK_PREFIXES, "weight": 0.6},
        # PG v2 orders (OMO ids), attempts (OM) and refunds (OMR).
        {"path": "orderId", "prefix": "OMO", "weight": 0.4},
        {"path": "paymentDetails.0.transactionId", "prefix": "OM", "weight": 0.2},
        {"path": "paymentDetails.0.paymentMode", "exists": True, "weight": 0.2},
        {"path": "detailedErrorCode", "exists": True, "weight": 0.2},
        {"path": "expireAt", "exists": True, "weight": 0.1},
        {"path": "refundId", "prefix": "OMR", "weight": 0.4},
        {"path": "originalMerchantOrderId", "exists": True, "weight": 0.4},
        {"path": "merchantRefundId", "exists": True, "weight": 0.2},
        # Webhooks {"event", "type", "payload"}.
        {"path": "event", "in": [*ORDER_EVENTS, *REFUND_EVENTS], "weight": 0.5},
        {"path": "payload.orderId", "prefix": "OMO", "weight": 0.3},
        {"path": "payload.refundId", "prefix": "OMR", "weight": 0.3},
    ],
    "amount_unit": "minor",
    "default_currency": "INR",
    "reason_map": REASONS,
    "payment_method_map": PAYMENT_METHODS,
    "variants": [
        {"name": "webhook.order", "root": "payload", "match": {"event": ORDER_EVENTS},
         "fields": _ORDER_FIELDS, "status_map": ORDER_STATES, "rules": _ORDER_RULES},
        {"name": "webhook.refund", "root": "payload", "match": {"event": REFUND_EVENTS},
         "fields": _REFUND_FIELDS, "status_map": REFUND_STATES, "event_kind": "REFUND"},
        {"name": "order", "match": {"orderId": {"exists": True}, "state": {"exists": True}},
         "fields": _ORDER_FIELDS, "status_map": ORDER_STATES, "rules": _ORDER_RULES},
        {"name": "refund", "match": {"refundId": {"exists": True}, "state": {"exists": True}},
         "fields": _REFUND_FIELDS, "status_map": REFUND_STATES, "event_kind": "REFUND"},
        # The refund status reply names the order it refunds (originalMerchantOrderId) even where a stored copy
        # keeps the merchant's refund id (merchantRefundId, the refund request's field) instead of refundId.
        {"name": "refund", "match": {"originalMerchantOrderId": {"exists": True}, "state": {"exists": True}},
         "fields": {**_REFUND_FIELDS, "provider_transaction_id": ["refundId", "merchantRefundId"],
                    "refund_id": ["refundId", "merchantRefundId"]},
         "status_map": REFUND_STATES, "event_kind": "REFUND"},
        # An order status reply kept with the merchant's order id (or with nothing but its state): the order's
        # root-level state ("rely only on the root level ... state"), no attempt named.
        {"name": "order", "match": {"state": list(ORDER_STATES), "orderId": {"exists": False},
                                    "code": {"exists": False}},
         "fields": _ORDER_FIELDS, "status_map": ORDER_STATES, "rules": _ORDER_RULES},
        # A failed request: {"success": false, "code", "message"} and no data (no amount, so no currency either).
        {"name": "v1.error", "match": {"code": V1_CODES_LIST, "data": {"exists": False}, "amount": {"exists": False}},
         "fields": _V1_FIELDS, "status_map": V1_CODES, "default_currency": None},
        # v1 status responses and decoded callbacks. Their code is the decision ("Payment failed"), not a reason:
        # a PAYMENT_ERROR that names no responseCode states no reason (UNKNOWN; v2's errorCode PAYMENT_ERROR
        # stays the generic decline it documents).
        {"name": "v1.status", "match": {"code": V1_CODES_LIST},
         "fields": _V1_FIELDS, "status_map": V1_CODES, "reason_map": {"PAYMENT_ERROR": "UNKNOWN"}},
    ],
}


def _decoded_callback(body: dict[str, Any]) -> Any:
    """The JSON inside a server-to-server callback {"response": "<base64>"}, or None."""
    encoded = body.get("response")
    if not isinstance(encoded, str) or len(body) != 1:
        return None
    try:
        decoded = json.loads(base64.b64decode(encoded, validate=True).decode("utf-8"))
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    return decoded if isinstance(decoded, dict) else None


def _latest_attempt(order: dict[str, Any]) -> dict[str, Any] | None:
    """The order's latest payment attempt (paymentDetails by timestamp; the API lists one unless details=true)."""
    attempts = [a for a in order.get("paymentDetails") or () if isinstance(a, dict)]
    if not attempts:
        return None
    return max(attempts, key=lambda a: a.get("timestamp") if isinstance(a.get("timestamp"), (int, float)) else 0)


def _order_extras(order: Any) -> Any:
    if not isinstance(order, dict) or "orderId" not in order:
        return order
    attempt = _latest_attempt(order)
    return {**order, ATTEMPT_KEY: attempt} if attempt is not None else order


def prepare(body: Any) -> Any:
    """Decode a v1 callback's base64 JSON; name a v2 order's latest payment attempt.

    Pure: returns a new document when it changes anything; the original is untouched.
    """
    if not isinstance(body, dict):
        return body
    decoded = _decoded_callback(body)
    if decoded is not None:
        return decoded
    payload = body.get("payload")
    if isinstance(payload, dict) and "event" in body:
        new = _order_extras(payload)
        return body if new is payload else {**body, "payload": new}
    return _order_extras(body)
