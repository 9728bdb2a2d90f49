"""Payroc: the card payment and refund resources of the Payments API (their transactionResult) and the API error
body (RFC 7807 Problem Details with a Payroc errors[] array).

Sources (SDK source: Payroc's own Fern-generated client payroc/payroc-sdk-python, built "from our API Definition";
no Payroc docs page on statuses was findable in the stored documentation):
- src/payroc/types/payment.py: paymentId ("unique identifier that our gateway assigned to the transaction"),
  processingTerminalId, order, card, refunds, transactionResult. payment_order_base.py: order.orderId ("a unique
  identifier assigned by the merchant"), order.dateTime, order.amount ("in the currency's lowest denomination, for
  example, cents"), order.currency. card.py: card.type ("card brand of the card, for example, Visa").
  retrieved_refund.py: refundId, order, card, payment (the refunded paymentId), transactionResult.
- transaction_result.py: type (transaction_result_type.py: sale, refund, preAuthorization,
  preAuthorizationCompletion), status (transaction_result_status.py: ready, pending, declined, complete, referral,
  pickup, reversal, admin, expired, accepted), approvalCode, authorizedAmount, currency, responseCode ("A - the
  processor approved the transaction; D - declined; E - received but will process the transaction later; P -
  authorized a portion of the original amount; R - the issuer declined and indicated that the customer should
  contact their bank; C - the issuer declined and indicated that the merchant should keep the card as it was
  reported lost or stolen"), responseMessage, processorResponseCode ("original response code that the processor
  sent").
- Errors: payroc/skills references/error-response-format.md (Payroc's own skill reference, with a verified UAT
  400): {type "https://docs.payroc.com/api/errors#<fragment>", title, status, detail, instance, errors [{parameter,
  detail, message}]} and the type catalog bad-request, idempotency-key-missing, kyc-check-failed,
  funding-accounts-limit-reached, no-control-prong-or-authorized-signatory, too-many-control-prongs,
  daily-discount-and-reward-pay-conflict, not-authorized, forbidden, not-found, not-acceptable,
  idempotency-key-in-use, resource-already-exists, attribute-conflict, payload-too-large, unsupported-media-type,
  api-error.

The SDK gives the status names without their definitions: the mapping of ready (in an open batch) and complete
(settled) to APPROVED, reversal to a VOID, expired (an unused pre-authorization) to CANCELLED and accepted (taken
for later processing, as responseCode E) to PENDING rests on the names and the responseCode definitions, not on a
docs page. ``admin`` is left unmapped (no documented meaning). The reason is the processor's original code
(processorResponseCode, read through the shared ISO 8583 table), else the responseCode: R a referral
(GENERIC_DECLINE, call the issuer), C a pick-up (LOST_OR_STOLEN_CARD). Payroc's event subscriptions (webhooks) were
not findable and are not mapped.

Lifecycle identity: paymentId is the attempt; the merchant's order.orderId the payment; a refund's refundId the
refund (its payment.paymentId the attempt refunded).
"""

from __future__ import annotations

STATUSES = {
    "ready": "APPROVED",  # approved, ready for settlement
    "complete": "APPROVED",  # settled
    "pending": "PENDING",
    "accepted": "PENDING",  # received, processed later
    "declined": "DECLINED",
    "referral": "DECLINED",  # responseCode R
    "pickup": "DECLINED",  # responseCode C
    "reversal": "CANCELLED",  # reversed: a void
    "expired": "CANCELLED",  # a pre-authorization not completed in time
}

RESPONSE_CODES = {
    "R": "GENERIC_DECLINE",  # the customer should contact their bank
    "C": "LOST_OR_STOLEN_CARD",  # keep the card: reported lost or stolen
    "D": "GENERIC_DECLINE",
}

_ERROR_BASE = "https://docs.payroc.com/api/errors#"
ERROR_TYPES = {
    "bad-request": "INVALID_REQUEST", "idempotency-key-missing": "INVALID_REQUEST",
    "kyc-check-failed": "CONFIGURATION_ERROR", "funding-accounts-limit-reached": "INVALID_REQUEST",
    "no-control-prong-or-authorized-signatory": "INVALID_REQUEST", "too-many-control-prongs": "INVALID_REQUEST",
    "daily-discount-and-reward-pay-conflict": "INVALID_REQUEST",
    "not-authorized": "CONFIGURATION_ERROR", "forbidden": "CONFIGURATION_ERROR", "not-found": "INVALID_REQUEST",
    "not-acceptable": "INVALID_REQUEST", "idempotency-key-in-use": "DUPLICATE", "resource-already-exists": "DUPLICATE",
    "attribute-conflict": "DUPLICATE", "payload-too-large": "INVALID_REQUEST",
    "unsupported-media-type": "INVALID_REQUEST", "api-error": "PROCESSING_ERROR",
}

REASONS = {**RESPONSE_CODES, **{f"{_ERROR_BASE}{fragment}": reason for fragment, reason in ERROR_TYPES.items()}}

_RESULT = "transactionResult"

_PAYMENT_FIELDS = {
    "provider_transaction_id": ["paymentId"],
    "status": [f"{_RESULT}.status"],
    "reason_code": [f"{_RESULT}.processorResponseCode", f"{_RESULT}.responseCode"],
    "amount": ["order.amount"],
    "currency": ["order.currency", f"{_RESULT}.currency"],
    "event_time": ["order.dateTime"],
    "card_brand": ["card.type"],
    "merchant_id": ["processingTerminalId"],
    "attempt_id": ["paymentId"],
    "payment_id": ["order.orderId"],
}

_REFUND_FIELDS = {
    **_PAYMENT_FIELDS,
    "provider_transaction_id": ["refundId"],
    "attempt_id": ["payment.paymentId"],
    "refund_id": ["refundId"],
}

_RULES = [
    {"when": {f"{_RESULT}.status": "reversal"}, "set": {"event_kind": "VOID"}},
    {"when": {f"{_RESULT}.type": "preAuthorizationCompletion", f"{_RESULT}.status": ["ready", "complete"]},
     "set": {"event_kind": "CAPTURE"}},
]

SPEC = {
    "provider": "payroc",
    "aliases": ["payroc", "payroc.com", "payroc payments", "payroc gateway"],
    "detect": [
        {"path": "transactionResult.responseCode", "in": ["A", "D", "E", "P", "R", "C"], "weight": 0.3},
        {"path": "transactionResult.status", "in": [*STATUSES, "admin"], "weight": 0.1},
        {"path": "processingTerminalId", "exists": True, "weight": 0.3},
        {"path": "paymentId", "exists": True, "weight": 0.1},
        {"path": "refundId", "exists": True, "weight": 0.1},
        {"path": "supportedOperations", "exists": True, "weight": 0.1},
        {"path": "type", "prefix": _ERROR_BASE, "weight": 0.9},
    ],
    "amount_unit": "minor",
    "status_map": STATUSES,
    "reason_map": REASONS,
    "reason_fallback": "iso8583",
    "default_payment_method": "CARD",
    "fields": _PAYMENT_FIELDS,
    "variants": [
        {
            "name": "error",
            "match": {"type": {"prefix": _ERROR_BASE}},
            "status": "ERROR",
            "fields": {"reason_code": ["type"]},
            "default_payment_method": None,
        },
        {
            "name": "refund",
            "match": {"refundId": {"exists": True}, f"{_RESULT}.status": {"exists": True}},
            "fields": _REFUND_FIELDS,
            "event_kind": "REFUND",
            "rules": [{"when": {f"{_RESULT}.status": ["ready", "complete"]}, "set": {"status_category": "REFUNDED"}},
                      {"when": {f"{_RESULT}.status": "reversal"}, "set": {"event_kind": "VOID"}}],
        },
        {
            "name": "payment",
            "match": {"paymentId": {"exists": True}, f"{_RESULT}.status": {"exists": True}},
            "rules": _RULES,
        },
    ],
}
