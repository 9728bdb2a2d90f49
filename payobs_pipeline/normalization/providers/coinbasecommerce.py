"""Coinbase Commerce (cryptocurrency charges): the charge resource (create / show answers, bare or under
``data``), the webhook event around it, and API error bodies.

Sources:
- https://docs.cloud.coinbase.com/commerce/docs/charges and the charge resource of the Commerce API reference
  (id, code, name, pricing_type, pricing {local {amount, currency}, ...} with amounts as decimal strings in
  major units, addresses, payments, timeline [{time, status, context}], created_at, expires_at,
  confirmed_at, metadata): the charge's state is the last timeline entry; statuses NEW, SIGNED, PENDING (a
  payment seen, awaiting confirmations), COMPLETED, EXPIRED, UNRESOLVED (context UNDERPAID, OVERPAID, DELAYED,
  MULTIPLE, MANUAL, OTHER: a payment that needs the merchant's resolution), RESOLVED (the merchant accepted an
  unresolved charge), CANCELED, REFUND PENDING, REFUNDED
- https://docs.cloud.coinbase.com/commerce/docs/webhooks (the event {id, resource: "event", type, api_version,
  created_at, data: the charge} inside a delivery {id, scheduled_for, attempt_number, event}; types
  charge:created, charge:pending, charge:confirmed, charge:failed (expired or unresolved), charge:delayed (paid
  after expiry), charge:resolved)
- API errors: ``{"error": {"type": ..., "message": ...}}`` with types invalid_request, param_required,
  validation_error, not_found, authentication_error, rate_limit_exceeded, internal_server_error.

``prepare`` copies the last timeline entry's status and context next to the charge: the declarative form reads
no "last element of a list".

Lifecycle identity: a charge is one payment and its attempt (id; code is the customer-facing reference); a
refund keeps the charge.
"""

from __future__ import annotations

from typing import Any

LAST_STATUS = "_payobs_timeline_status"
LAST_CONTEXT = "_payobs_timeline_context"

STATUSES = {
    "NEW": "PENDING",
    "SIGNED": "PENDING",
    "PENDING": "PENDING",
    "COMPLETED": "APPROVED",
    "CONFIRMED": "APPROVED",
    "RESOLVED": "APPROVED",
    "EXPIRED": "CANCELLED",
    "CANCELED": "CANCELLED",
    "CANCELLED": "CANCELLED",
    # A payment that arrived wrong (under/over paid, late, several): money moved, the merchant must reconcile.
    "UNRESOLVED": "UNKNOWN",
    "REFUND PENDING": "PENDING",
    "REFUNDED": "REFUNDED",
    # Webhook event types, when the charge carries no timeline.
    "charge:created": "PENDING",
    "charge:pending": "PENDING",
    "charge:confirmed": "APPROVED",
    "charge:resolved": "APPROVED",
    "charge:delayed": "UNKNOWN",
    "charge:failed": "DECLINED",
}

REASONS = {
    "UNDERPAID": "UNKNOWN",
    "OVERPAID": "UNKNOWN",
    "DELAYED": "TIMEOUT",  # paid after the charge expired
    "MULTIPLE": "DUPLICATE",
    "MANUAL": "UNKNOWN",
    "OTHER": "UNKNOWN",
    "invalid_request": "INVALID_REQUEST",
    "param_required": "INVALID_REQUEST",
    "validation_error": "INVALID_REQUEST",
    "not_found": "INVALID_REQUEST",
    "authentication_error": "CONFIGURATION_ERROR",
    "rate_limit_exceeded": "PROCESSING_ERROR",
    "internal_server_error": "PROCESSING_ERROR",
}

FIELDS = {
    "provider_transaction_id": ["id"],
    "status": [LAST_STATUS, "^event.type", "^type"],
    "reason_code": [LAST_CONTEXT],
    "amount": ["pricing.local.amount"],
    "currency": ["pricing.local.currency"],
    "event_time": ["confirmed_at", "created_at"],
    "attempt_id": ["id"],
    "payment_id": ["id"],
}
_REFUNDS = [{"when": {LAST_STATUS: ["REFUNDED", "REFUND PENDING"]}, "set": {"event_kind": "REFUND"}}]

SPEC = {
    "provider": "coinbasecommerce",
    "aliases": ["coinbasecommerce", "coinbase commerce", "coinbase_commerce", "coinbase", "commerce.coinbase.com"],
    "detect": [
        {"path": "hosted_url", "prefix": "https://commerce.coinbase.com", "weight": 0.6},
        {"path": "data.hosted_url", "prefix": "https://commerce.coinbase.com", "weight": 0.6},
        {"path": "event.data.hosted_url", "prefix": "https://commerce.coinbase.com", "weight": 0.6},
        {"path": "event.type", "prefix": "charge:", "weight": 0.4},
        {"path": "type", "prefix": "charge:", "weight": 0.4},
        {"path": "event.resource", "in": ["event"], "weight": 0.1},
        {"path": "pricing_type", "in": ["fixed_price", "no_price"], "weight": 0.3},
        {"path": "data.pricing_type", "in": ["fixed_price", "no_price"], "weight": 0.3},
        {"path": "timeline.0.status", "exists": True, "weight": 0.2},
        {"path": "data.timeline.0.status", "exists": True, "weight": 0.2},
    ],
    "amount_unit": "major",
    "status_map": STATUSES,
    "reason_map": REASONS,
    "default_payment_method": "OTHER",
    "variants": [
        {"name": "webhook", "root": "event.data", "match": {"event.type": {"prefix": "charge:"}, "event.data": {"exists": True}},
         "fields": FIELDS, "rules": _REFUNDS},
        {"name": "event", "root": "data", "match": {"type": {"prefix": "charge:"}, "data": {"exists": True}},
         "fields": FIELDS, "rules": _REFUNDS},
        {"name": "api_error", "match": {"error.type": {"exists": True}}, "status": "ERROR",
         "fields": {"reason_code": ["error.type"]}},
        {"name": "charge_wrapped", "root": "data", "match": {"data.pricing": {"exists": True}}, "fields": FIELDS,
         "rules": _REFUNDS},
        {"name": "charge", "match": {"pricing": {"exists": True}, "id": {"exists": True}}, "fields": FIELDS,
         "rules": _REFUNDS},
    ],
}


def _with_last_status(charge: Any) -> Any:
    if not isinstance(charge, dict):
        return charge
    timeline = charge.get("timeline")
    if not isinstance(timeline, list) or not timeline or not isinstance(timeline[-1], dict):
        return charge
    last = timeline[-1]
    return {**charge, LAST_STATUS: last.get("status"), LAST_CONTEXT: last.get("context")}


def prepare(body: Any) -> Any:
    """Name the charge's current status: the last timeline entry's. Pure: returns new dicts."""
    if not isinstance(body, dict):
        return body
    event = body.get("event")
    if isinstance(event, dict) and isinstance(event.get("data"), dict):
        return {**body, "event": {**event, "data": _with_last_status(event["data"])}}
    if isinstance(body.get("data"), dict):
        return {**body, "data": _with_last_status(body["data"])}
    return _with_last_status(body)
