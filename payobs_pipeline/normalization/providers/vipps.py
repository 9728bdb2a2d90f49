"""Vipps MobilePay (Norway, Denmark, Finland): the ePayment API's webhook events and Get payment answer, its
problem+json error body, and the older eCom API's callback.

Sources:
- ePayment webhooks (developer.vippsmobilepay.com/docs/APIs/epayment-api/api-guide/webhooks and
  /docs/APIs/webhooks-api/events): the events epayments.payment.created / aborted / expired / cancelled / captured /
  refunded / authorized / terminated .v1, one payload {msn, reference, pspReference, name, amount {currency, value},
  timestamp, idempotencyKey, success}; name one of CREATED, ABORTED, EXPIRED, CANCELLED, CAPTURED, REFUNDED,
  AUTHORIZED, TERMINATED; success "the outcome of this payment operation: true means that the operation was
  successful"; reference the merchant's unique id of the payment (per MSN); "each payment operation (create,
  capture, refund, cancel) will have a unique pspReference".
- Get payment details (/docs/APIs/epayment-api/api-guide/operations/get_info): {aggregate {authorizedAmount,
  cancelledAmount, capturedAmount, refundedAmount}, amount, state, paymentMethod {type WALLET | CARD}, profile,
  pspReference, reference}; state CREATED (the user has not yet acted), ABORTED (the user aborted before
  authorization), EXPIRED (the user did not act in time), AUTHORIZED (the user approved the payment; final, also
  once captured or refunded), TERMINATED (the merchant cancelled the payment before authorization).
- Errors (/docs/APIs/epayment-api/errors and /docs/knowledge-base/errors): problem+json {type, title, detail,
  traceId | instance, status, extraDetails}; the ePayment type is "https://httpstatuses.io/<HTTP status>"; "the
  unique identifier of an error is the type"; HTTP 400, 401, 403, 404, 409, 423 (transient, retry), 429, 500. Titles
  (Amount too small, Cannot cancel a captured payment, ...) may change without warning and are not mapped: the
  HTTP status gives the reason.
- eCom API v2 (vippsas/vipps-ecom-api vipps-ecom-api.md, "Callbacks"): the callback {merchantSerialNumber, orderId,
  transactionInfo {amount (øre), status, timeStamp, transactionId}}; the status values RESERVED, SALE, CANCELLED,
  REJECTED, AUTO_CANCEL, SALE_FAILED, RESERVE_FAILED as a .NET eCom client enumerates them
  (IOL.VippsEcommerce.Models.Api.ETransactionStatus; the stored guide page did not show the table, so this list rests
  on that SDK). The eCom API is "only available for Vipps" (Norway): its amounts are NOK øre, the one currency.

Read as: AUTHORIZED -> APPROVED; CREATED -> PENDING; ABORTED, EXPIRED, TERMINATED -> CANCELLED; a CAPTURED event is a
CAPTURE, CANCELLED a VOID and REFUNDED a REFUND, each failed when success is false. eCom RESERVED and SALE -> APPROVED,
RESERVE_FAILED / SALE_FAILED -> DECLINED (no reason is given), CANCELLED, REJECTED (the user rejected or did not act)
and AUTO_CANCEL -> CANCELLED. Not mapped: the eCom error list body (a JSON array, no document) and the eCom
details' transactionLogHistory.
"""

from __future__ import annotations

# The Get payment answer's state.
STATES = {
    "CREATED": "PENDING",
    "AUTHORIZED": "APPROVED",
    "ABORTED": "CANCELLED",
    "EXPIRED": "CANCELLED",
    "TERMINATED": "CANCELLED",
}

# A webhook event: its name and success.
EVENT_STATUSES = {
    "CREATED/true": "PENDING",
    "AUTHORIZED/true": "APPROVED",
    "AUTHORIZED/false": "DECLINED",
    "ABORTED/true": "CANCELLED",
    "ABORTED/false": "CANCELLED",
    "EXPIRED/true": "CANCELLED",
    "EXPIRED/false": "CANCELLED",
    "TERMINATED/true": "CANCELLED",
    "TERMINATED/false": "CANCELLED",
}
CAPTURE_STATUSES = {"CAPTURED/true": "APPROVED", "CAPTURED/false": "DECLINED"}
VOID_STATUSES = {"CANCELLED/true": "CANCELLED", "CANCELLED/false": "ERROR"}
REFUND_STATUSES = {"REFUNDED/true": "REFUNDED", "REFUNDED/false": "DECLINED"}

# The eCom callback's transactionInfo.status.
ECOM_STATUSES = {
    "RESERVED": "APPROVED",
    "SALE": "APPROVED",  # direct capture
    "RESERVE_FAILED": "DECLINED",
    "SALE_FAILED": "DECLINED",
    "CANCELLED": "CANCELLED",
    "REJECTED": "CANCELLED",
    "AUTO_CANCEL": "CANCELLED",
}

# An error's HTTP status (the ePayment type URL ends with it; the common format also has "status").
HTTP_REASONS = {
    "400": "INVALID_REQUEST", "404": "INVALID_REQUEST", "422": "INVALID_REQUEST",
    "401": "CONFIGURATION_ERROR", "403": "CONFIGURATION_ERROR",
    "409": "DUPLICATE", "408": "TIMEOUT", "504": "TIMEOUT",
    "423": "PROCESSING_ERROR", "429": "PROCESSING_ERROR",
    "500": "PROCESSING_ERROR", "502": "PROCESSING_ERROR", "503": "PROCESSING_ERROR",
}
ERROR_REASONS = {
    **HTTP_REASONS,
    **{f"https://httpstatuses.io/{code}": reason for code, reason in HTTP_REASONS.items()},
    **{f"https://httpstatuses.com/{code}": reason for code, reason in HTTP_REASONS.items()},
}

PAYMENT_METHODS = {"WALLET": "WALLET", "CARD": "CARD"}

_EVENT_STATUS = {"join": ["name", "success"], "sep": "/"}
_EVENT_FIELDS = {
    "provider_transaction_id": ["pspReference"],
    "status": _EVENT_STATUS,
    "amount": ["amount.value"],
    "currency": ["amount.currency"],
    "event_time": ["timestamp"],
    "merchant_id": ["msn"],
    "attempt_id": ["reference"],
    "payment_id": ["reference"],
}
_EVENT = {"msn": {"exists": True}, "pspReference": {"exists": True}}


def _event(name: str, kind: str, statuses: dict, **fields) -> dict:
    return {"name": f"event.{name.lower()}", "match": {**_EVENT, "name": name}, "event_kind": kind,
            "status_map": statuses, "fields": {**_EVENT_FIELDS, **fields}}


SPEC = {
    "provider": "vipps",
    "aliases": ["vipps", "vipps mobilepay", "vippsmobilepay", "mobilepay", "vipps epayment", "vipps.no",
                "vippsmobilepay.com", "vipps ecom"],
    "detect": [
        # ePayment webhook.
        {"path": "msn", "exists": True, "weight": 0.35},
        {"path": "pspReference", "exists": True, "weight": 0.1},
        {"path": "name", "in": ["CREATED", "ABORTED", "EXPIRED", "CANCELLED", "CAPTURED", "REFUNDED", "AUTHORIZED",
                                "TERMINATED"], "weight": 0.2},
        {"path": "idempotencyKey", "exists": True, "weight": 0.05},
        {"path": "success", "in": [True, False], "weight": 0.05},
        # Get payment.
        {"path": "aggregate.authorizedAmount", "exists": True, "weight": 0.4},
        {"path": "aggregate.capturedAmount", "exists": True, "weight": 0.1},
        {"path": "state", "in": list(STATES), "weight": 0.1},
        # Errors.
        {"path": "type", "prefix": ["https://httpstatuses.io/", "https://developer.vippsmobilepay.com/"],
         "weight": 0.4},
        {"path": "traceId", "exists": True, "weight": 0.1},
        {"path": "extraDetails", "exists": True, "weight": 0.1},
        # eCom callback.
        {"path": "merchantSerialNumber", "exists": True, "weight": 0.3},
        {"path": "transactionInfo.status", "in": list(ECOM_STATUSES), "weight": 0.3},
    ],
    "amount_unit": "minor",
    "status_map": STATES,
    "reason_map": ERROR_REASONS,
    "payment_method_map": PAYMENT_METHODS,
    "default_payment_method": "WALLET",
    "fields": {
        "provider_transaction_id": ["pspReference"],
        "status": ["state"],
        "amount": ["amount.value"],
        "currency": ["amount.currency"],
        "payment_method": ["paymentMethod.type"],
        "attempt_id": ["reference"],
        "payment_id": ["reference"],
    },
    "variants": [
        {
            "name": "error",
            "match": {"type": {"exists": True}, "title": {"exists": True}, "reference": {"exists": False}},
            "status": "ERROR",
            "fields": {"reason_code": ["status", "type"]},
        },
        _event("CAPTURED", "CAPTURE", CAPTURE_STATUSES),
        _event("CANCELLED", "VOID", VOID_STATUSES),
        _event("REFUNDED", "REFUND", REFUND_STATUSES, refund_id=["pspReference"]),
        {"name": "event", "match": {**_EVENT, "name": {"exists": True}}, "status_map": EVENT_STATUSES,
         "fields": _EVENT_FIELDS},
        {
            "name": "ecom_callback",
            "match": {"transactionInfo.status": {"exists": True}},
            "status_map": ECOM_STATUSES,
            "default_currency": "NOK",
            "fields": {
                "provider_transaction_id": ["transactionInfo.transactionId"],
                "status": ["transactionInfo.status"],
                "amount": ["transactionInfo.amount"],
                "currency": [],
                "event_time": ["transactionInfo.timeStamp"],
                "merchant_id": ["merchantSerialNumber"],
                "payment_method": [],
                "attempt_id": ["transactionInfo.transactionId"],
                "payment_id": ["orderId"],
            },
        },
        {"name": "payment", "match": {"reference": {"exists": True}, "state": {"exists": True}}},
    ],
}
