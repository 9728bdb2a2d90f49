"""Geidea (Saudi Arabia, Egypt, UAE): the order callback (``{"order": {...}, "signature": ...}``), the order answers
of the Direct / Checkout API (``{responseCode, responseMessage, detailedResponseCode, detailedResponseMessage,
order}``) including the refund answer, and the API error answer.

Sources (Geidea's own SDK and plugins; the docs.geidea.net reference pages are not among the stored sources):
- GeideaSolutions/Android-SDK lib/src/main/java/net/geidea/paymentsdk/model/order/Order.kt (orderId,
  merchantReferenceId, amount, currency, status, detailedStatus, totalAuthorizedAmount, totalCapturedAmount,
  totalRefundedAmount, paymentMethod, transactions, createdDate, updatedDate ...), model/order/OrderStatus.kt (the
  detailedStatus values: Initiated, Authenticated, AuthenticationFailed, Authorized, AuthorizationFailed, Captured,
  CaptureFailed, Paid, PayFailed, Refunded, Cancelled, ClientTimedOut, ServerTimedOut, Blocked, Voided,
  PartiallyCompleted, PartiallyRefunded, RefundIncomplete, Reversed), model/transaction/Transaction.kt
  (transactionId, type, status, amount, currency, codes {responseCode, responseMessage, detailedResponseCode,
  detailedResponseMessage}, paymentMethod), TransactionStatus.kt (InProgress, Success, Failed), TransactionType.kt
  (Authentication, Authorization, Capture, Pay, Refund, Reversal, Void, Installment), model/error/ErrorCodes.kt
  (responseCode group 010 "cancelled information" with detailed 001 CancelledByUser; group 720 BNPL errors
  001-028), model/common/GeideaResponse.kt (responseCode, responseMessage, detailedResponseCode,
  detailedResponseMessage, language).
- GeideaSolutions/WooCommerce-Geidea-Payment functions/ReturnHandler.php (the callback: order {orderId,
  merchantReferenceId, amount (major, 2 decimals), currency, status Success | Failed, detailedStatus Paid,
  transactions[].codes}, signature) and functions/ProcessRefund.php (the refund answer: responseCode "000" on
  success, order.detailedStatus Refunded or PartiallyRefunded, a transaction of type Refund; an ``errors`` body is
  a gateway error).

Not mapped: Geidea's card response code table (responseCode / detailedResponseCode values other than the SDK's 000,
010.001 and 720.xxx) is not among the stored sources: such a failure has failure_reason UNKNOWN, its codes kept
as the raw reason "<responseCode>.<detailedResponseCode>".

Lifecycle identity: Geidea's orderId is the attempt; the merchant's merchantReferenceId is the payment; a refund
is the order's last transaction (type Refund).
"""

from __future__ import annotations

# order.detailedStatus (OrderStatus.kt), then order.status.
DETAILED_STATUSES = {
    "Initiated": "PENDING",
    "Authenticated": "PENDING",
    "AuthenticationFailed": "DECLINED",
    "Authorized": "APPROVED",
    "AuthorizationFailed": "DECLINED",
    "Captured": "APPROVED",
    "CaptureFailed": "DECLINED",
    "Paid": "APPROVED",
    "PayFailed": "DECLINED",
    "Refunded": "REFUNDED",
    "PartiallyRefunded": "REFUNDED",
    "RefundIncomplete": "PENDING",
    "Cancelled": "CANCELLED",
    "ClientTimedOut": "CANCELLED",  # the payer did not finish in time
    "ServerTimedOut": "UNKNOWN",  # Geidea's own timeout: outcome not known
    "Blocked": "DECLINED",
    "Voided": "CANCELLED",
    "Reversed": "CANCELLED",
}

ORDER_STATUSES = {"Success": "APPROVED", "Failed": "DECLINED"}

# "<responseCode>.<detailedResponseCode>" the SDK's ErrorCodes.kt names.
REASONS = {
    "010.001": "UNKNOWN",  # cancelled by the user (CANCELLED, see the rule)
    "720.001": "PROCESSING_ERROR",  # Souhoola technical failure
    "720.002": "TRANSACTION_NOT_PERMITTED",  # customer not enrolled with the BNPL provider
    "720.003": "TRANSACTION_NOT_PERMITTED",  # customer not eligible
    "720.004": "LIMIT_EXCEEDED",  # purchase amount more than the customer's limit
    "720.005": "CONFIGURATION_ERROR",  # merchant credentials not found
    "720.006": "INVALID_REQUEST",  # down payment limits violated
    "720.007": "INVALID_REQUEST",  # financed amount limits violated
    "720.008": "AUTHENTICATION_FAILED",  # OTP not found
    "720.009": "AUTHENTICATION_FAILED",  # OTP expired
    "720.010": "AUTHENTICATION_FAILED",  # invalid OTP
    "720.011": "DUPLICATE",  # OTP already verified
    "720.012": "AUTHENTICATION_FAILED",  # maximum invalid OTP attempts
    "720.013": "CONFIGURATION_ERROR",  # merchant credentials not configured in the gateway
    "720.014": "TRANSACTION_NOT_PERMITTED",  # merchant not allowed to redeem discount
    "720.015": "INVALID_REQUEST",  # phone number invalid
    "720.016": "INVALID_REQUEST",  # order already refunded
    "720.017": "INVALID_REQUEST",  # order already cancelled
    "720.018": "INVALID_REQUEST",  # order cannot be cancelled
    "720.019": "INVALID_REQUEST",  # purchase details differ from the initial request
    "720.020": "INVALID_REQUEST",  # down payment to be paid before confirm
    "720.021": "INVALID_REQUEST",  # upfront amount differs from the required
    "720.022": "GENERIC_DECLINE",  # Souhoola transaction failed
    "720.023": "INVALID_REQUEST",  # down payment out of range
    "720.024": "INSUFFICIENT_FUNDS",  # terms-of-use amount exceeds wallet balance
    "720.025": "INSUFFICIENT_FUNDS",  # cashback amount exceeds wallet balance
    "720.026": "INVALID_REQUEST",  # total amount below the minimum
    "720.027": "INVALID_REQUEST",  # items' prices do not sum to the total
    "720.028": "INVALID_REQUEST",  # loan amount plus down payment not the total
}

_LAST = "transactions.-1."
_CODES = {"join": [_LAST + "codes.responseCode", _LAST + "codes.detailedResponseCode"], "sep": "."}

_ORDER_FIELDS = {
    "provider_transaction_id": ["orderId"],
    "status": ["detailedStatus", "status"],
    "reason_code": _CODES,
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["updatedDate", "createdDate"],
    "card_brand": ["paymentMethod.brand"],
    "attempt_id": ["orderId"],
    "payment_id": ["merchantReferenceId", "orderId"],
}

_RULES = [
    {"when": {_LAST + "codes.responseCode": "010", _LAST + "codes.detailedResponseCode": "001"},
     "set": {"status_category": "CANCELLED"}},
    {"when": {"detailedStatus": "AuthenticationFailed"}, "set": {"failure_reason": "AUTHENTICATION_FAILED"}},
    {"when": {"detailedStatus": "Blocked"}, "set": {"failure_reason": "RISK_REJECTED"}},
    {"when": {"detailedStatus": "ServerTimedOut"}, "set": {"failure_reason": "TIMEOUT"}},
    {"when": {"detailedStatus": "CaptureFailed"}, "set": {"event_kind": "CAPTURE"}},
    {"when": {"detailedStatus": "Captured"}, "set": {"event_kind": "CAPTURE"}},
    {"when": {"detailedStatus": {"in": ["Voided", "Reversed"]}}, "set": {"event_kind": "VOID"}},
    {"when": {"detailedStatus": "RefundIncomplete"}, "set": {"event_kind": "REFUND"}},
]

SPEC = {
    "provider": "geidea",
    "aliases": ["geidea", "geidea pay", "geideapay", "geidea.net", "geidea payment gateway"],
    "detect": [
        {"path": "order.detailedStatus", "in": list(DETAILED_STATUSES), "weight": 0.3},
        {"path": "order.merchantReferenceId", "exists": True, "weight": 0.2},
        {"path": "order.transactions.codes.detailedResponseCode", "exists": True, "weight": 0.3},
        {"path": "detailedResponseCode", "exists": True, "weight": 0.3},
        {"path": "detailedResponseMessage", "exists": True, "weight": 0.2},
        {"path": "order.totalRefundedAmount", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "major",
    "card_brand_map": {"mada": None, "meeza": None},
    "status_map": {**DETAILED_STATUSES, **ORDER_STATUSES},
    "reason_map": REASONS,
    "variants": [
        {
            "name": "error",
            "match": {"detailedResponseCode": {"exists": True}, "responseCode": {"not_in": ["000"]},
                      "order": {"exists": False}},
            "status": "ERROR",
            "fields": {"reason_code": {"join": ["responseCode", "detailedResponseCode"], "sep": "."}},
        },
        {
            # A validation failure: the refund plugin treats any ``errors`` body as a gateway error.
            "name": "validation_error",
            "match": {"errors": {"exists": True}, "order": {"exists": False}},
            "status": "ERROR",
            "rules": [{"when": {"errors": {"exists": True}}, "set": {"failure_reason": "INVALID_REQUEST"}}],
        },
        {
            "name": "refund",
            "root": "order",
            "match": {"order.detailedStatus": {"in": ["Refunded", "PartiallyRefunded"]}},
            "event_kind": "REFUND",
            "fields": {**_ORDER_FIELDS, "amount": [_LAST + "amount", "totalRefundedAmount"],
                       "refund_id": [_LAST + "transactionId"]},
        },
        {
            "name": "order",
            "root": "order",
            "match": {"order.orderId": {"exists": True}},
            "fields": _ORDER_FIELDS,
            "rules": _RULES,
        },
    ],
}
