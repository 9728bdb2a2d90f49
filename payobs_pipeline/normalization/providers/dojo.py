"""Dojo (formerly Paymentsense, UK): the payment intent (GET /payment-intents/{id}), the payment_intent webhooks,
the refund answer, and the RFC 7807 error body.

Sources:
- Dojo's OpenAPI specification as shipped in its SDKs (dojo-engineering/Dojo.Net openapi/2024-02-05.yaml,
  generated into dojo-engineering/Dojo.PHP src/Model/*): PaymentIntent {id, captureMode, status, paymentDetails
  {transactionDateTime, message, authCode, cardNumber, cardName, expiryDate, cardType}, amount {value,
  currencyCode}, totalAmount, refundedAmount, reference, createdAt, updatedAt, paymentEvents[]}. Amounts are
  in minor units ("1000" for 10.00 GBP: docs.dojo.tech payment-links guide).
- PaymentIntentStatus ("Current status of the payment intent", Dojo.PHP src/Model/PaymentIntentStatus.php):
  Created, Authorized, Captured, Reversed, Refunded, Canceled.
- PaymentEventType / EventType ("The current state of the payment", src/Model/PaymentEventType.php), the
  eventType of each entry of paymentEvents (PaymentStatusResponse: transactionId, transactionDateTime,
  eventType, authCode, card fields): the six statuses plus AuthChallenged, Declined, ManualAuthReady, Error,
  Unknown.
- Webhooks ("Webhooks", docs.dojo.tech/development-resources/webhooks; the payload of Dojo.Net
  src/Dojo.Net.Tests/WebhookPayloadUtilsTests.cs, "FeedExampleFromDocs"): {id, event (payment_intent.created,
  payment_intent.status_updated), accountId, createdAt, data {paymentIntentId, paymentStatus, captureMode}}.
- Refund answer (Dojo.PHP src/Model/Refund.php): {paymentIntentId, refundId, refundReason, notes}.
- Errors ("Payment Service" API reference, docs.dojo.tech/payments/api, "Errors"; Dojo.PHP
  src/Model/ProblemDetails.php and ErrorCode.php): {type, code (INTERNAL_ERROR, TERMINAL_UNAVAILABLE,
  INVALID_REQUEST), title, detail, status (HTTP), traceId, errors}.

Dojo documents no decline-reason codes: a declined or failed attempt is recorded only as a payment event
(eventType Declined / Error) with a free-text paymentDetails.message. A payment intent still ``Created`` whose
latest payment event is Declined, Error or Unknown is read as that attempt's outcome; its failure reason is UNKNOWN
(no code), so the corpus has one decline reason only. ``ManualAuthReady`` is left unmapped: its meaning is not
documented in the sources read. A Reversed intent is a VOID (the authorisation released); Created and Canceled
describe the payment as a whole (PAYMENT). The refund answer has no amount and no status: it answers a refund Dojo
accepted, read as REFUNDED.

Lifecycle identity: the payment intent id is both attempt and payment (Dojo's attempts, paymentEvents
transactionId, are not named in webhooks); a refund's refundId is the refund.
"""

from __future__ import annotations

STATUSES = {
    "Created": "PENDING",
    "Authorized": "APPROVED",
    "Captured": "APPROVED",
    "Reversed": "CANCELLED",  # the authorisation released (VOID)
    "Refunded": "REFUNDED",
    "Canceled": "CANCELLED",
}

# Payment event types beyond the intent statuses (PaymentEventType): the outcome of the latest attempt of an intent
# still Created. AuthChallenged (3-D Secure under way) leaves it PENDING.
EVENT_STATUSES = {"AuthChallenged": "PENDING", "Declined": "DECLINED", "Error": "ERROR", "Unknown": "UNKNOWN"}

ERROR_REASONS = {
    "INVALID_REQUEST": "INVALID_REQUEST",
    "INTERNAL_ERROR": "PROCESSING_ERROR",
    "TERMINAL_UNAVAILABLE": "PROCESSING_ERROR",  # the card machine cannot be reached
    "400": "INVALID_REQUEST", "404": "INVALID_REQUEST", "405": "INVALID_REQUEST", "422": "INVALID_REQUEST",
    "401": "CONFIGURATION_ERROR", "403": "CONFIGURATION_ERROR", "409": "DUPLICATE",
    "500": "PROCESSING_ERROR", "502": "PROCESSING_ERROR", "503": "PROCESSING_ERROR", "504": "TIMEOUT",
}

WEBHOOK_EVENTS = ["payment_intent.created", "payment_intent.status_updated"]

# The intent's status names no attempt's failure: its latest payment event does.
_LATEST_EVENT = "paymentEvents.-1.eventType"
_ATTEMPT_OUTCOMES = ["Declined", "Error", "Unknown"]
_INTENT_RULES = [
    {"when": {"status": "Created", _LATEST_EVENT: {"not_in": _ATTEMPT_OUTCOMES}}, "set": {"event_kind": "PAYMENT"}},
    *[{"when": {"status": "Created", _LATEST_EVENT: event_type},
       "set": {"status_category": EVENT_STATUSES[event_type], "event_kind": "AUTHORIZATION"}}
      for event_type in _ATTEMPT_OUTCOMES],
    {"when": {"status": "Canceled"}, "set": {"event_kind": "PAYMENT"}},
    {"when": {"status": "Reversed"}, "set": {"event_kind": "VOID"}},
]
_WEBHOOK_RULES = [
    {"when": {"paymentStatus": ["Created", "Canceled"]}, "set": {"event_kind": "PAYMENT"}},
    {"when": {"paymentStatus": "Reversed"}, "set": {"event_kind": "VOID"}},
]

_INTENT_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status"],
    "amount": ["amount.value", "totalAmount.value"],
    "currency": ["amount.currencyCode", "totalAmount.currencyCode"],
    "event_time": ["updatedAt", "createdAt"],
    "card_brand": ["paymentDetails.cardType", "paymentEvents.-1.cardType"],
    "attempt_id": ["id"],
    "payment_id": ["id"],
}

SPEC = {
    "provider": "dojo",
    "aliases": ["dojo", "dojo.tech", "dojo payments", "paymentsense", "dojo paymentsense"],
    "detect": [
        {"path": "captureMode", "in": ["Auto", "Manual"], "weight": 0.3},
        {"path": "status", "in": list(STATUSES), "weight": 0.1},
        {"path": "amount.currencyCode", "exists": True, "weight": 0.1},
        {"path": "paymentDetails.authCode", "exists": True, "weight": 0.1},
        {"path": "paymentEvents.0.eventType", "in": [*STATUSES, *EVENT_STATUSES, "ManualAuthReady"], "weight": 0.3},
        {"path": "id", "prefix": ["pi_sandbox_", "pi_"], "weight": 0.1},
        {"path": "event", "in": WEBHOOK_EVENTS, "weight": 0.2},
        {"path": "data.paymentIntentId", "exists": True, "weight": 0.2},
        {"path": "data.paymentStatus", "in": list(STATUSES), "weight": 0.1},
        {"path": "data.captureMode", "in": ["Auto", "Manual"], "weight": 0.1},
        {"path": "refundId", "exists": True, "weight": 0.3},
        {"path": "paymentIntentId", "prefix": ["pi_sandbox_", "pi_"], "weight": 0.25},
    ],
    "amount_unit": "minor",
    "status_map": STATUSES,
    "default_payment_method": "CARD",
    "fields": _INTENT_FIELDS,
    "variants": [
        {
            "name": "error",
            "match": {"traceId": {"exists": True}, "title": {"exists": True}, "status": {"exists": True},
                      "id": {"exists": False}},
            "status": "ERROR",
            "fields": {"provider_transaction_id": ["traceId"], "reason_code": ["code", "status"], "attempt_id": [],
                       "payment_id": [], "amount": [], "currency": []},
            "reason_map": ERROR_REASONS,
            "default_payment_method": None,
        },
        {
            "name": "webhook",
            "match": {"event": {"prefix": "payment_intent."}, "data.paymentIntentId": {"exists": True}},
            "root": "data",
            "fields": {"provider_transaction_id": ["paymentIntentId"], "status": ["paymentStatus"],
                       "event_time": ["^createdAt"], "merchant_id": ["^accountId"],
                       "attempt_id": ["paymentIntentId"], "payment_id": ["paymentIntentId"],
                       "amount": [], "currency": [], "card_brand": []},
            "rules": _WEBHOOK_RULES,
        },
        {
            "name": "refund",
            "match": {"refundId": {"exists": True}, "paymentIntentId": {"exists": True}},
            "status": "REFUNDED",
            "event_kind": "REFUND",
            "fields": {"provider_transaction_id": ["refundId"], "refund_id": ["refundId"],
                       "attempt_id": ["paymentIntentId"], "payment_id": ["paymentIntentId"]},
        },
        {
            "name": "payment_intent.refunded",
            "match": {"id": {"exists": True}, "status": "Refunded"},
            "fields": {**_INTENT_FIELDS, "amount": ["refundedAmount", "amount.value"]},
        },
        {
            "name": "payment_intent",
            "match": {"id": {"exists": True}, "status": {"in": list(STATUSES)}},
            "rules": _INTENT_RULES,
        },
    ],
}
