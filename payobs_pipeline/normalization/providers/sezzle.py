"""Sezzle (buy now, pay later; US, Canada): the v2 order (Get order details), the v2 webhooks, and API error
bodies.

Sources:
- Sezzle API v2 OpenAPI (https://gateway.sezzle.com/v2; mirrored as api-evangelist/sezzle
  openapi/sezzle-order-api-openapi.yml and sezzle-webhooks-api-openapi.yml): the order {uuid, intent AUTH /
  CAPTURE, reference_id, description, checkout_expiration, checkout_status (active, completed, deleted,
  denied), order_amount {amount_in_cents, currency}, customer {billing_address {country_code}, ...},
  authorization {authorization_amount, approved (boolean), expiration, financing_option, sezzle_order_id,
  releases [{uuid, amount}], captures [...], refunds [...]}, is_upcharge, parent_order_uuid}; capture, refund,
  release and reauthorize act on the order (reauthorize answers a new order); errors are a JSON array of
  {code, location, message, debug_uuid} with 400 / 401 / 404 / 422, which the normalizer refuses before any
  mapping (NOT_AN_OBJECT), so this spec has no error variant
- webhook subscriptions for the events customer.tokenized, order.authorized, order.captured, order.refunded;
  a delivery carries uuid, time, event and the order under data (https://docs.sezzle.com/sezzle-integration).

Status: an order whose authorization is approved is APPROVED, one whose authorization was not approved is
DECLINED (Sezzle's own credit decision); without an authorization the checkout status decides (active: the
shopper has not finished, denied: declined, deleted: cancelled).

Lifecycle identity: a Sezzle order (uuid) is the attempt; the merchant's reference_id is the payment (a
reauthorization creates a new order for the same reference); captures and refunds are listed on the order (a
refunded order's refund is authorization.refunds[0]).
"""

from __future__ import annotations

_SEZZLE_RISK = {"reason": "RISK_REJECTED", "source": "PSP_RISK"}

STATUSES = {
    # authorization.approved
    "true": "APPROVED",
    "false": "DECLINED",
    # checkout_status
    "active": "PENDING",
    "completed": "APPROVED",
    "denied": "DECLINED",
    "deleted": "CANCELLED",
}

EVENTS = {
    "order.authorized": "APPROVED",
    "order.captured": "APPROVED",
    "order.refunded": "REFUNDED",
}

REASONS = {
    "false": _SEZZLE_RISK,
    "denied": _SEZZLE_RISK,
}

FIELDS = {
    "provider_transaction_id": ["uuid"],
    "status": ["authorization.approved", "checkout_status"],
    "reason_code": ["authorization.approved", "checkout_status"],
    "amount": ["authorization.authorization_amount.amount_in_cents", "order_amount.amount_in_cents"],
    "currency": ["authorization.authorization_amount.currency", "order_amount.currency"],
    "event_time": ["checkout_expiration"],
    "attempt_id": ["uuid"],
    "payment_id": ["reference_id", "uuid"],
    "customer_country": ["customer.billing_address.country_code", "customer.shipping_address.country_code"],
}

_REFUND_FIELDS = {**FIELDS, "amount": ["authorization.refunds.0.amount.amount_in_cents"],
                  "currency": ["authorization.refunds.0.amount.currency", "order_amount.currency"],
                  "refund_id": ["authorization.refunds.0.uuid"]}

SPEC = {
    "provider": "sezzle",
    "aliases": ["sezzle", "sezzle pay", "sezzle_pay", "sezzle bnpl"],
    "detect": [
        {"path": "authorization.sezzle_order_id", "exists": True, "weight": 0.6},
        {"path": "checkout_status", "in": ["active", "completed", "deleted", "denied"], "weight": 0.2},
        {"path": "order_amount.amount_in_cents", "exists": True, "weight": 0.3},
        {"path": "intent", "in": ["AUTH", "CAPTURE"], "weight": 0.1},
        {"path": "event", "in": ["order.authorized", "order.captured", "order.refunded", "customer.tokenized"], "weight": 0.4},
        {"path": "data.order_amount.amount_in_cents", "exists": True, "weight": 0.2},
        {"path": "data.authorization.sezzle_order_id", "exists": True, "weight": 0.2},
    ],
    "amount_unit": "minor",
    "status_map": STATUSES,
    "reason_map": REASONS,
    "default_payment_method": "BNPL",
    "variants": [
        {"name": "webhook.tokenized", "match": {"event": "customer.tokenized"},
         "not_a_payment": "a Sezzle customer tokenization, no payment"},
        {"name": "webhook.refunded", "root": "data", "match": {"event": "order.refunded", "data": {"exists": True}},
         "fields": {**_REFUND_FIELDS, "status": ["^event"],
                    "amount": ["authorization.refunds.0.amount.amount_in_cents", "amount.amount_in_cents",
                               "order_amount.amount_in_cents"],
                    "refund_id": ["authorization.refunds.0.uuid", "refund.uuid"]},
         "status_map": EVENTS, "event_kind": "REFUND"},
        {"name": "webhook.order", "root": "data", "match": {"event": {"prefix": "order."}, "data": {"exists": True}},
         "fields": {**FIELDS, "status": ["^event"]}, "status_map": EVENTS,
         "rules": [{"when": {"^event": "order.captured"}, "set": {"event_kind": "CAPTURE"}}]},
        {"name": "order.refunded", "match": {"uuid": {"exists": True}, "authorization.refunds.0.uuid": {"exists": True}},
         "fields": _REFUND_FIELDS, "status": "REFUNDED", "event_kind": "REFUND"},
        {"name": "order", "match": {"uuid": {"exists": True}, "order_amount": {"exists": True}}, "fields": FIELDS,
         "rules": [{"when": {"authorization.captures.0.uuid": {"exists": True}, "authorization.approved": True},
                    "set": {"event_kind": "CAPTURE"}}]},
    ],
}
