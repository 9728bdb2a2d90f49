"""Affirm (US / Canada pay-over-time): Transactions API objects, legacy Charges objects, transaction events
(capture, refund, void answers) and error bodies.

Sources (Affirm documentation):
- https://docs.affirm.com Transactions API (Authorize / Read / Capture / Refund / Void transaction) and the
  api-evangelist affirm transaction and transaction-event schemas (transaction: id, checkout_id, order_id,
  status authorized / captured / voided / refunded / partially_refunded, amount and amount_refunded "in the
  smallest currency unit", currency, created, authorization_expiration, provider_id, events; event: id, type
  auth / capture / refund / void / update, amount, currency, fee, created, reference_id)
- Charges API (legacy /api/v2/charges: id, created, currency, amount, auth_hold, payable, void, expires,
  order_id, events)
- https://docs.affirm.com/developers/docs/development-error-codes and /developers/reference/errors (error body
  {status_code, type, code, message, field}; codes auth-declined "Charge authorization hold declined",
  capture-declined "Charge capture declined", capture-greater-instrument, capture-unequal-instrument,
  capture-voided, partial-capture-instrument, refund-exceeded, refund-uncaptured, refund-voided,
  capture-limit-exceeded, expired-authorization, refund-expired, invalid_field, public-api-key-not-specified,
  public-api-key-invalid, public-api-key-wrong-environment; HTTP 400 bad request, 401 no valid API key, 402
  request failed, 404 not found, 409 conflict (idempotency key in use), 5xx server errors)

Amounts are minor units (cents). Affirm is a pay-over-time lender: payment_method BNPL.

Lifecycle identity: an Affirm transaction (id, the former charge id) is one attempt (its authorization); the
merchant's order_id is the payment. A refund event answered by Refund transaction is its own refund object
(its event id).
"""

from __future__ import annotations

TRANSACTION_STATUSES = {
    "authorized": "APPROVED",
    "captured": "APPROVED",
    "partially_captured": "APPROVED",
    "voided": "CANCELLED",
    "refunded": "REFUNDED",
    "partially_refunded": "REFUNDED",
}
EVENT_TYPES = {"auth": "APPROVED", "capture": "APPROVED", "split_capture": "APPROVED", "refund": "REFUNDED",
               "void": "CANCELLED"}
CODES = {
    "auth-declined": "GENERIC_DECLINE",  # Affirm declined the loan / authorization hold (no reason given)
    "capture-declined": "GENERIC_DECLINE",
    "capture-greater-instrument": "INVALID_REQUEST",
    "capture-unequal-instrument": "INVALID_REQUEST",
    "capture-voided": "INVALID_REQUEST",
    "partial-capture-instrument": "INVALID_REQUEST",
    "capture-limit-exceeded": "INVALID_REQUEST",
    "expired-authorization": "INVALID_REQUEST",
    "refund-exceeded": "INVALID_REQUEST",
    "refund-uncaptured": "INVALID_REQUEST",
    "refund-voided": "INVALID_REQUEST",
    "refund-expired": "INVALID_REQUEST",
    "invalid_field": "INVALID_REQUEST",
    "public-api-key-not-specified": "CONFIGURATION_ERROR",
    "public-api-key-invalid": "CONFIGURATION_ERROR",
    "public-api-key-wrong-environment": "CONFIGURATION_ERROR",
    "private-api-key-invalid": "CONFIGURATION_ERROR",
}
# error types and HTTP status codes, read after the code
TYPES_AND_STATUSES = {
    "invalid_request": "INVALID_REQUEST",
    "unauthorized": "CONFIGURATION_ERROR",
    "400": "INVALID_REQUEST",
    "401": "CONFIGURATION_ERROR",
    "403": "CONFIGURATION_ERROR",
    "404": "INVALID_REQUEST",
    "409": "DUPLICATE",
    "500": "PROCESSING_ERROR",
    "502": "PROCESSING_ERROR",
    "503": "PROCESSING_ERROR",
    "504": "TIMEOUT",
}
REASONS = {**CODES, **TYPES_AND_STATUSES}
DECLINE_CODES = ["auth-declined", "capture-declined"]
ERROR_CODES = list(CODES)

_TRANSACTION_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["created"],
    "attempt_id": ["id"],
    "payment_id": ["order_id"],
    "refund_id": [],
}

SPEC = {
    "provider": "affirm",
    "aliases": ["affirm", "affirm_us", "affirm_ca", "affirm_canada", "affirm_payments"],
    "detect": [
        {"path": "authorization_expiration", "exists": True, "weight": 0.3},
        {"path": "checkout_id", "exists": True, "weight": 0.2},
        {"path": "amount_refunded", "exists": True, "weight": 0.2},
        {"path": "provider_id", "exists": True, "weight": 0.1},
        {"path": "events.type", "in": ["auth", "capture", "split_capture", "refund", "void", "update"], "weight": 0.2},
        {"path": "auth_hold", "exists": True, "weight": 0.3},
        {"path": "payable", "exists": True, "weight": 0.1},
        {"path": "code", "in": ERROR_CODES, "weight": 0.5},
        {"path": "status_code", "exists": True, "weight": 0.2},
    ],
    "amount_unit": "minor",
    "reason_map": REASONS,
    "default_payment_method": "BNPL",
    "variants": [
        {"name": "error", "match": {"code": {"exists": True}, "message": {"exists": True},
                                    "status_code": {"exists": True}},
         "status": "ERROR", "default_payment_method": None,
         "fields": {"status": ["code"], "reason_code": ["code", "type", "status_code"]},
         # A declined hold or capture: the decline itself, not the "invalid_request" type / 400 around it.
         "rules": [{"when": {"code": DECLINE_CODES},
                    "set": {"status_category": "DECLINED", "failure_reason": "GENERIC_DECLINE"}},
                   {"when": {"code": "capture-declined"}, "set": {"event_kind": "CAPTURE"}}]},
        {"name": "transaction", "match": {"status": list(TRANSACTION_STATUSES), "id": {"exists": True}},
         "fields": _TRANSACTION_FIELDS, "status_map": TRANSACTION_STATUSES,
         "rules": [{"when": {"status": "voided"}, "set": {"event_kind": "VOID"}}]},
        # legacy charge: no status, a void flag and the authorization hold
        {"name": "charge", "match": {"auth_hold": {"exists": True}, "void": True},
         "fields": _TRANSACTION_FIELDS, "status": "CANCELLED", "event_kind": "VOID"},
        {"name": "charge", "match": {"auth_hold": {"exists": True}},
         "fields": _TRANSACTION_FIELDS, "status": "APPROVED"},
        # a transaction event (the answer of Capture / Refund / Void transaction)
        {"name": "event", "match": {"type": list(EVENT_TYPES), "id": {"exists": True}, "status": {"exists": False}},
         "fields": {"provider_transaction_id": ["id"], "status": ["type"], "amount": ["amount"],
                    "currency": ["currency"], "event_time": ["created"], "refund_id": ["id"],
                    "attempt_id": ["transaction_id"]},
         "status_map": EVENT_TYPES,
         "rules": [{"when": {"type": ["capture", "split_capture"]}, "set": {"event_kind": "CAPTURE"}},
                   {"when": {"type": "void"}, "set": {"event_kind": "VOID"}}]},
        {"name": "event.update", "match": {"type": "update", "id": {"exists": True}},
         "not_a_payment": "an Affirm transaction update event (shipping details)"},
    ],
}
