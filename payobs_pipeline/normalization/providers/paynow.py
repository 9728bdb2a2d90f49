"""Paynow (mBank, Poland): the payment status notification, the payment and refund status answers, and the API's
error body.

Sources:
- Payments (docs.paynow.pl/docs/v3/payments, the same table in v1): payment statuses NEW ("only valid for payment
  without a selected payment method ... waiting for the user to select a payment method"), PENDING (payment method
  selected, waiting for the buyer to complete the payment), CONFIRMED (successfully processed, money transferred to
  the recipient), REJECTED ("not authorized by the buyer"), ERROR ("problem occurred during the payment process"),
  EXPIRED (validity time passed; NEW or PENDING for 10 days become EXPIRED), ABANDONED (the buyer retried an ERROR or
  REJECTED payment: the new payment has a new id, connected to the order). Amounts in the smallest unit (grosze).
- Payment status (docs.paynow.pl/docs/reference/v3/get-payment-status): GET /v3/payments/{paymentId}/status answers
  {paymentId, status} with status one of ABANDONED, CONFIRMED, ERROR, EXPIRED, NEW, PENDING, REJECTED; POST
  /v3/payments answers {redirectUrl, paymentId, status} (pay-now/paynow-php-sdk tests/Service/PaymentTest.php).
- Notifications (docs.paynow.pl notifications, and django-getpaid/python-getpaid-paynow tests): POST body {paymentId,
  externalId (the merchant's id of the payment request), status, modifiedAt}, signed in the Signature header; no
  amount or currency. The notification body rests on integrations' code and our recollection of the page, the
  statuses on the stored Payments page.
- Refunds (docs.paynow.pl/docs/v3/refunds) and Refund status (docs.paynow.pl/docs/reference/v3/get-refund-status):
  {refundId, status, failureReason}, status NEW (accepted), PENDING (processing), SUCCESSFUL (money transferred to
  the buyer), FAILED (not transferred), CANCELLED (an awaiting refund cancelled); failureReason CARD_BALANCE_ERROR
  (insufficient funds in the card balance), BUYER_ACCOUNT_CLOSED, OTHER. pay-now/paynow-php-sdk
  src/Paynow/Model/Refund/Status.php names the same statuses.
- Error handling (docs.paynow.pl/docs/v1/error-handling; v3 reference pages' error schemas): 4xx/5xx with
  {statusCode, errors: [{errorType, message}]}; error types AUTHORIZATION_CODE_EXPIRED / _INVALID / _USED (BLIK
  code), INSUFFICIENT_BALANCE_FUNDS, INSUFFICIENT_CARD_BALANCE_FUNDS (refunds), NOT_FOUND, PAYMENT_AMOUNT_TOO_LARGE /
  _TOO_SMALL, PAYMENT_METHOD_NOT_AVAILABLE, REFUND_AMOUNT_TOO_LARGE / _TOO_SMALL, REFUND_POSSIBILITY_EXPIRED,
  SYSTEM_TEMPORARILY_UNAVAILABLE, UNAUTHORIZED, VALIDATION_ERROR, VERIFICATION_FAILED.

Read as: CONFIRMED -> APPROVED, PENDING -> PENDING, REJECTED -> DECLINED (no reason given: UNKNOWN), ERROR -> ERROR
(PROCESSING_ERROR: a problem in the payment process), EXPIRED and ABANDONED -> CANCELLED. NEW, EXPIRED and ABANDONED
name no attempt of the buyer's (no method chosen, or the payment left for another): the payment as a whole
(PAYMENT). The paymentId is the attempt (a retry gets a new one), the externalId the merchant's payment.
"""

from __future__ import annotations

PAYMENT_STATUSES = {
    "NEW": "PENDING",
    "PENDING": "PENDING",
    "CONFIRMED": "APPROVED",
    "REJECTED": "DECLINED",
    "ERROR": "ERROR",
    "EXPIRED": "CANCELLED",
    "ABANDONED": "CANCELLED",
}
REFUND_STATUSES = {
    "NEW": "PENDING",
    "PENDING": "PENDING",
    "SUCCESSFUL": "REFUNDED",
    "FAILED": "DECLINED",
    "CANCELLED": "CANCELLED",
}
REFUND_FAILURES = {
    "CARD_BALANCE_ERROR": "INSUFFICIENT_FUNDS",
    "BUYER_ACCOUNT_CLOSED": "RESTRICTED_CARD",
    "OTHER": "UNKNOWN",
}
ERROR_TYPES = {
    "AUTHORIZATION_CODE_EXPIRED": "AUTHENTICATION_FAILED",
    "AUTHORIZATION_CODE_INVALID": "AUTHENTICATION_FAILED",
    "AUTHORIZATION_CODE_USED": "AUTHENTICATION_FAILED",
    "INSUFFICIENT_BALANCE_FUNDS": "INSUFFICIENT_FUNDS",
    "INSUFFICIENT_CARD_BALANCE_FUNDS": "INSUFFICIENT_FUNDS",
    "NOT_FOUND": "INVALID_REQUEST",
    "PAYMENT_AMOUNT_TOO_LARGE": "INVALID_REQUEST",
    "PAYMENT_AMOUNT_TOO_SMALL": "INVALID_REQUEST",
    "PAYMENT_METHOD_NOT_AVAILABLE": "TRANSACTION_NOT_PERMITTED",
    "REFUND_AMOUNT_TOO_LARGE": "INVALID_REQUEST",
    "REFUND_AMOUNT_TOO_SMALL": "INVALID_REQUEST",
    "REFUND_POSSIBILITY_EXPIRED": "TRANSACTION_NOT_PERMITTED",
    "SYSTEM_TEMPORARILY_UNAVAILABLE": "PROCESSING_ERROR",
    "UNAUTHORIZED": "CONFIGURATION_ERROR",
    "VALIDATION_ERROR": "INVALID_REQUEST",
    "VERIFICATION_FAILED": "CONFIGURATION_ERROR",
}
# Error types no other API names so (the generic ones, VALIDATION_ERROR, NOT_FOUND, UNAUTHORIZED, are not Paynow's).
_OWN_ERROR_TYPES = [t for t in ERROR_TYPES if t not in ("NOT_FOUND", "UNAUTHORIZED", "VALIDATION_ERROR")]

SPEC = {
    "provider": "paynow",
    "aliases": ["paynow", "paynow.pl", "mbank paynow", "paynow mbank", "pay-now", "api.paynow.pl",
                "api.sandbox.paynow.pl"],
    "detect": [
        # The notification {paymentId, externalId, status, modifiedAt} and the status answer {paymentId, status}.
        {"path": "paymentId", "exists": True, "weight": 0.15},
        {"path": "externalId", "exists": True, "weight": 0.15},
        {"path": "modifiedAt", "exists": True, "weight": 0.1},
        {"path": "status", "in": list(PAYMENT_STATUSES), "weight": 0.15},
        {"path": "redirectUrl", "exists": True, "weight": 0.1},
        # The refund status answer.
        {"path": "refundId", "exists": True, "weight": 0.15},
        {"path": "failureReason", "in": list(REFUND_FAILURES), "weight": 0.3},
        # The error body.
        {"path": "errors.0.errorType", "in": _OWN_ERROR_TYPES, "weight": 0.45},
        {"path": "statusCode", "exists": True, "weight": 0.05},
        {"path": "errors.0.message", "exists": True, "weight": 0.05},
    ],
    "amount_unit": "minor",
    "reason_map": {**ERROR_TYPES, **REFUND_FAILURES},
    "variants": [
        {
            "name": "refund",
            "match": {"refundId": {"exists": True}, "status": {"exists": True}},
            "event_kind": "REFUND",
            "status_map": REFUND_STATUSES,
            "fields": {
                "provider_transaction_id": ["refundId"],
                "status": ["status"],
                "reason_code": ["failureReason"],
                "refund_id": ["refundId"],
            },
        },
        {
            "name": "payment",
            "match": {"paymentId": {"exists": True}, "status": {"exists": True}},
            "status_map": PAYMENT_STATUSES,
            "fields": {
                "provider_transaction_id": ["paymentId"],
                "status": ["status"],
                "event_time": ["modifiedAt"],
                "attempt_id": ["paymentId"],
                "payment_id": ["externalId"],
            },
            "rules": [
                {"when": {"status": "ERROR"}, "set": {"failure_reason": "PROCESSING_ERROR"}},
                {"when": {"status": ["NEW", "EXPIRED", "ABANDONED"]}, "set": {"event_kind": "PAYMENT"}},
            ],
        },
        {
            "name": "error",
            "match": {"errors.0.errorType": {"exists": True}},
            "status": "ERROR",
            "fields": {"reason_code": ["errors.0.errorType"]},
        },
    ],
}
