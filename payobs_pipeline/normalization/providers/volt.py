"""Volt (open-banking / pay-by-bank payments): the Gateway and Pay by Link payment notification, the payment
object of the ``/payments`` answers, the Connect refund notifications and the Global API error body.

Sources (stored docs pages; no SDK was found):
- "Payment status flow" (docs.volt.io/gateway/payment-status-flow, docs.volt.io/implementation/payments/
  integration-details/payment-status-flow; the PayTo page docs.volt.io/payto/payment-status-flow): the detailed
  statuses REFUSED_BY_RISK, APPROVED_BY_RISK, BANK_REDIRECT, ADDITIONAL_AUTHORIZATION_REQUIRED,
  AUTHORISED_BY_USER, AWAITING_CHECKOUT_AUTHORIZATION, REFUSED_BY_BANK, ERROR_AT_BANK, DELAYED_AT_BANK,
  COMPLETED, NOT_RECEIVED, RECEIVED, FAILED, CANCELLED_BY_USER, ABANDONED_BY_USER, SETTLED; a new payment is
  NEW_PAYMENT ("status": "NEW_PAYMENT" in the payment object of the /payments answers).
- "Payment notifications" (docs.volt.io/gateway/notifications, docs-new.volt.io/implementation/webhooks/
  gateway-notifications; the older docs.volt.io/docs/notifications/content): the body {payment (Volt's id),
  reference (the merchant's uniqueReference), merchantInternalReference, amount ("always in minor units"),
  status (the broad group: COMPLETED, PENDING, FAILED), detailedStatus}. The notification carries no currency,
  so its amount is left unread (an amount without a currency is not a canonical amount).
- "Refund notifications" / "Refund status codes" (docs.volt.io/connect/refund-notifications,
  docs.volt.io/connect/refund-statuses): {refund | refundId, payment | paymentId, status, error, amount (minor
  units), currency, merchantInternalReference, timestamp, sender, recipient}; REFUND_CREATED, REFUND_APPROVED,
  REFUND_PROCESSING, REFUND_CONFIRMED, REFUND_FAILED ("most common reason: not enough money to fund the refund"),
  REFUND_REJECTED (rejected by the merchant's approval workflow).
- "Error handling" (docs.volt.io/global-api-payment-processing/how-api-works/error-handling): {code, message}
  with the codes BAD_REQUEST, MISSING_HTTP_HEADER, INVALID_HTTP_HEADER, MALFORMED_PATH_PARAM,
  MISSING_QUERY_PARAM, INVALID_QUERY_PARAM, MALFORMED_QUERY_PARAM, CONFIGURATION_ERROR (400), UNAUTHORISED (401),
  ACCESS_DENIED (403). The stored page is cut after its 404 row: the 404 and later codes are not mapped (a body
  with another code is still an ERROR, reason UNKNOWN).

Reading: the detailed status decides where it is given, the broad status otherwise. REFUSED_BY_RISK is Volt's
fraud tool (RISK_REJECTED); REFUSED_BY_BANK a bank refusal the docs give no reason for ("in some cases due to
insufficient funds": GENERIC_DECLINE); ERROR_AT_BANK and the detailed FAILED ("technical limitations in the
banking network") are ERRORs. A broad FAILED without a detailed status may be a refusal, a cancellation or a
technical failure (the old notification page): DECLINED, reason UNKNOWN. NOT_RECEIVED (confirmed at the bank,
funds not arrived in time) is UNKNOWN: money may still arrive (the docs show ABANDONED_BY_USER -> RECEIVED and
COMPLETED -> CANCELLED_BY_USER transitions). COMPLETED, RECEIVED and SETTLED are APPROVED. A refund names no
reason code: its ``error`` text is kept as the raw reason.

Lifecycle identity: the Volt payment id (``payment`` / ``paymentId`` / ``id``) is the attempt; the merchant's
``reference`` is the payment; the refund's ``refund`` / ``refundId`` is the refund. No disputes are documented.
"""

from __future__ import annotations

DETAILED_STATUSES = {
    "NEW_PAYMENT": "PENDING",
    "APPROVED_BY_RISK": "PENDING",
    "BANK_REDIRECT": "PENDING",
    "ADDITIONAL_AUTHORIZATION_REQUIRED": "PENDING",
    "AUTHORISED_BY_USER": "PENDING",  # returned from the bank; the initiation is not completed yet
    "AWAITING_CHECKOUT_AUTHORIZATION": "PENDING",
    "DELAYED_AT_BANK": "PENDING",
    "REFUSED_BY_RISK": "DECLINED",
    "REFUSED_BY_BANK": "DECLINED",
    "ERROR_AT_BANK": "ERROR",
    "COMPLETED": "APPROVED",  # instructed and accepted by the customer's bank
    "RECEIVED": "APPROVED",  # funds arrived (Volt Connect)
    "SETTLED": "APPROVED",  # swept to the merchant's settlement account (Volt Connect)
    "NOT_RECEIVED": "UNKNOWN",
    "FAILED": "DECLINED",  # broad FAILED; the detailed FAILED is an ERROR (rule below)
    "CANCELLED_BY_USER": "CANCELLED",
    "ABANDONED_BY_USER": "CANCELLED",  # set 30 minutes after creation
}
# The broad group of the notification's ``status``.
STATUS_GROUPS = {"COMPLETED": "APPROVED", "PENDING": "PENDING", "FAILED": "DECLINED"}
STATUSES = {**STATUS_GROUPS, **DETAILED_STATUSES}

REFUND_STATUSES = {
    "REFUND_CREATED": "PENDING",
    "REFUND_APPROVED": "PENDING",
    "REFUND_PROCESSING": "PENDING",
    "REFUND_CONFIRMED": "REFUNDED",
    "REFUND_FAILED": "DECLINED",
    "REFUND_REJECTED": "DECLINED",
}

REASONS = {
    "REFUSED_BY_RISK": "RISK_REJECTED",
    "REFUSED_BY_BANK": "GENERIC_DECLINE",
    "ERROR_AT_BANK": "PROCESSING_ERROR",
    "NOT_RECEIVED": "UNKNOWN",
}

# Global API error codes (HTTP status in the comment).
ERROR_CODES = {
    "BAD_REQUEST": "INVALID_REQUEST",  # 400
    "MISSING_HTTP_HEADER": "INVALID_REQUEST",  # 400
    "INVALID_HTTP_HEADER": "INVALID_REQUEST",  # 400
    "MALFORMED_PATH_PARAM": "INVALID_REQUEST",  # 400
    "MISSING_QUERY_PARAM": "INVALID_REQUEST",  # 400
    "INVALID_QUERY_PARAM": "INVALID_REQUEST",  # 400
    "MALFORMED_QUERY_PARAM": "INVALID_REQUEST",  # 400
    "CONFIGURATION_ERROR": "CONFIGURATION_ERROR",  # 400, the partner's configuration
    "UNAUTHORISED": "CONFIGURATION_ERROR",  # 401
    "ACCESS_DENIED": "CONFIGURATION_ERROR",  # 403
}

_NOTIFICATION_FIELDS = {
    "provider_transaction_id": ["payment"],
    "status": ["detailedStatus", "status"],
    "reason_code": ["detailedStatus", "status"],
    "amount": [],  # minor units, but the notification names no currency
    "attempt_id": ["payment"],
    "payment_id": ["reference"],
}

SPEC = {
    "provider": "volt",
    "aliases": ["volt", "volt.io", "volt io", "volt gateway", "volt connect", "volt pay by bank"],
    "detect": [
        {"path": "detailedStatus", "in": list(DETAILED_STATUSES), "weight": 0.5},
        {"path": "merchantInternalReference", "exists": True, "weight": 0.3},
        {"path": "status", "in": list(REFUND_STATUSES), "weight": 0.3},
        {"path": "refundId", "exists": True, "weight": 0.05},
        {"path": "refund", "exists": True, "weight": 0.05},
        {"path": "payment", "exists": True, "weight": 0.05},
        {"path": "reference", "exists": True, "weight": 0.05},
    ],
    "amount_unit": "minor",
    "default_payment_method": "BANK_TRANSFER",
    "status_map": STATUSES,
    "reason_map": REASONS,
    "fields": {
        "provider_transaction_id": ["id"],
        "status": ["detailedStatus", "status"],
        "reason_code": ["detailedStatus", "status"],
        "amount": ["amount"],
        "currency": ["currency"],
        "attempt_id": ["id"],
        "payment_id": ["reference", "uniqueReference"],
    },
    "variants": [
        {
            "name": "error",
            "match": {"code": {"in": list(ERROR_CODES)}, "message": {"exists": True}, "status": {"exists": False}},
            "status": "ERROR",
            "fields": {"reason_code": ["code"], "amount": [], "status": [], "provider_transaction_id": []},
            "reason_map": ERROR_CODES,
        },
        {
            "name": "refund_notification",
            "match": {"status": {"in": list(REFUND_STATUSES)}},
            "event_kind": "REFUND",
            "status_map": REFUND_STATUSES,
            "fields": {
                "provider_transaction_id": ["refundId", "refund"],
                "status": ["status"],
                "reason_code": ["error"],
                "event_time": ["timestamp"],
                "refund_id": ["refundId", "refund"],
                "attempt_id": ["paymentId", "payment"],
                "payment_id": [],
            },
        },
        {
            "name": "payment_notification",
            "match": {"payment": {"exists": True}, "status": {"in": list(STATUSES)}},
            "fields": _NOTIFICATION_FIELDS,
            "rules": [{"when": {"detailedStatus": "FAILED"},
                       "set": {"status_category": "ERROR", "failure_reason": "PROCESSING_ERROR"}}],
        },
        {
            "name": "payment",
            "match": {"id": {"exists": True}, "status": {"in": list(STATUSES)}},
            "rules": [{"when": {"detailedStatus": "FAILED"},
                       "set": {"status_category": "ERROR", "failure_reason": "PROCESSING_ERROR"}}],
        },
    ],
}
