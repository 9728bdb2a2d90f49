"""Lemon Squeezy (merchant of record): orders, subscription invoices, their webhooks (JSON:API documents) and API
error bodies.

Sources (Lemon Squeezy documentation):
- https://docs.lemonsqueezy.com/api/orders and .../orders/the-order-object (order attributes: store_id,
  customer_id, identifier, order_number, currency (ISO 4217), currency_rate, subtotal / discount_total / tax /
  total / refunded_amount "a positive integer in cents ... in the order currency", *_usd, status "One of
  pending, failed, paid, refunded" (the current reference adds partial_refund and fraudulent), status_formatted,
  refunded, refunded_at, first_order_item, urls.receipt, created_at, updated_at, test_mode)
- https://docs.lemonsqueezy.com/api/orders/issue-refund ("Returns an Order object with updated refunded
  attributes": a partial refund leaves status paid with refunded_amount set)
- https://docs.lemonsqueezy.com/api/subscription-invoices/the-subscription-invoice-object (billing_reason
  initial / renewal / updated; card_brand visa / mastercard / amex / discover / jcb / diners / unionpay, "empty
  for non-card payments"; status pending "waiting for payment" / paid / void "cancelled or cannot be paid" /
  refunded / partial_refund; total and refunded_amount in cents; urls.invoice_url)
- https://docs.lemonsqueezy.com/help/webhooks/event-types (order_created, order_refunded "a full or partial refund
  is made on an order", subscription_* (subscription object), subscription_payment_success,
  subscription_payment_failed "a subscription renewal payment fails", subscription_payment_recovered,
  subscription_payment_refunded (subscription invoice object), license_key_created / license_key_updated,
  affiliate_activated) and https://docs.lemonsqueezy.com/guides/developer-guide/webhooks (envelope
  {"meta": {"event_name", "custom_data"}, "data": {"type", "id", "attributes", "relationships", "links"}})
- https://docs.lemonsqueezy.com/api (JSON:API; errors {"jsonapi": {"version": "1.0"}, "errors": [{"detail",
  "status", "title"}]} with the HTTP status: 400, 401, 403, 404, 405, 406, 409, 422, 429, 500, 503)

Amounts are cents of the document's currency (ISO minor units); a refund's amount is refunded_amount.

Lifecycle identity: an order is the payment (event kind PAYMENT; Lemon Squeezy names no attempt under it); a
subscription invoice is one charge of a subscription (AUTHORIZATION; a failed renewal and its recovery are rows of
the same invoice). Lemon Squeezy numbers orders and invoices separately, so their lifecycle ids are the API paths
("orders/1", "subscription-invoices/1"). A refund is the refunded order or invoice (no refund object of its own).
"""

from __future__ import annotations

from typing import Any

ORDER_STATUSES = {
    "pending": "PENDING",
    "paid": "APPROVED",
    "failed": "DECLINED",
    "fraudulent": "DECLINED",
    "refunded": "REFUNDED",
    "partial_refund": "REFUNDED",
}
INVOICE_STATUSES = {
    "pending": "PENDING",
    "paid": "APPROVED",
    "void": "CANCELLED",
    "refunded": "REFUNDED",
    "partial_refund": "REFUNDED",
    # Named by prepare() for the subscription_payment_failed event ("a subscription renewal payment fails").
    "failed": "DECLINED",
}
# JSON:API error statuses (errors[0].status, the HTTP status as a string) and titles.
ERROR_STATUSES = {
    "400": "INVALID_REQUEST",
    "401": "CONFIGURATION_ERROR",
    "403": "CONFIGURATION_ERROR",
    "404": "INVALID_REQUEST",
    "405": "INVALID_REQUEST",
    "406": "INVALID_REQUEST",
    "409": "DUPLICATE",
    "422": "INVALID_REQUEST",
    "429": "PROCESSING_ERROR",
    "500": "PROCESSING_ERROR",
    "503": "PROCESSING_ERROR",
}
REASONS = {
    **ERROR_STATUSES,
    # An order Lemon Squeezy's fraud screening marked fraudulent.
    "fraudulent": "RISK_REJECTED",
}
PAYMENT_TYPES = ["orders", "subscription-invoices"]
NON_PAYMENT_TYPES = ["subscriptions", "subscription-items", "customers", "license-keys", "license-key-instances",
                     "stores", "products", "variants", "prices", "files", "checkouts", "discounts",
                     "discount-redemptions", "webhooks", "users", "affiliates", "usage-records", "order-items"]
EVENTS = ["order_created", "order_refunded", "subscription_created", "subscription_updated",
          "subscription_cancelled", "subscription_resumed", "subscription_expired", "subscription_paused",
          "subscription_unpaused", "subscription_plan_changed", "subscription_payment_success",
          "subscription_payment_failed", "subscription_payment_recovered", "subscription_payment_refunded",
          "license_key_created", "license_key_updated", "affiliate_activated"]

STATUS_KEY = "_payobs_status"
AMOUNT_KEY = "_payobs_amount"
METHOD_KEY = "_payobs_method"
ID_KEY = "_payobs_id"

_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": [STATUS_KEY],
    "reason_code": ["attributes.status"],
    "amount": [AMOUNT_KEY],
    "currency": ["attributes.currency"],
    "event_time": ["attributes.refunded_at", "attributes.updated_at", "attributes.created_at"],
    "payment_method": [METHOD_KEY],
    "card_brand": ["attributes.card_brand"],
    "merchant_id": ["attributes.store_id"],
    "payment_id": [ID_KEY],
    "refund_id": [ID_KEY],
}

SPEC = {
    "provider": "lemonsqueezy",
    "aliases": ["lemonsqueezy", "lemon_squeezy", "lemon squeezy", "lemon-squeezy", "lmsqueezy"],
    "detect": [
        {"path": "links.self", "prefix": "https://api.lemonsqueezy.com/", "weight": 0.6},
        {"path": "data.links.self", "prefix": "https://api.lemonsqueezy.com/", "weight": 0.6},
        {"path": "data.attributes.urls.receipt", "prefix": "https://app.lemonsqueezy.com/", "weight": 0.5},
        {"path": "data.attributes.urls.invoice_url", "prefix": "https://app.lemonsqueezy.com/", "weight": 0.5},
        {"path": "meta.event_name", "in": EVENTS, "weight": 0.3},
        {"path": "data.type", "in": [*PAYMENT_TYPES, "subscriptions", "license-keys"], "weight": 0.2},
        {"path": "data.attributes.status_formatted", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "minor",
    "reason_map": REASONS,
    "payment_method_map": {"card": "CARD"},
    "variants": [
        {"name": "not_a_payment", "match": {"data.type": NON_PAYMENT_TYPES},
         "not_a_payment": "a Lemon Squeezy subscription, customer, license key, catalog or store object"},
        {"name": "order", "root": "data", "match": {"data.type": "orders"},
         "fields": {**_FIELDS, "attempt_id": []}, "status_map": ORDER_STATUSES, "event_kind": "PAYMENT",
         "rules": [{"when": {STATUS_KEY: ["refunded", "partial_refund"]}, "set": {"event_kind": "REFUND"}}]},
        {"name": "subscription_invoice", "root": "data", "match": {"data.type": "subscription-invoices"},
         "fields": {**_FIELDS, "attempt_id": [ID_KEY]}, "status_map": INVOICE_STATUSES},
        {"name": "error", "match": {"errors.0.status": {"exists": True}},
         "status": "ERROR", "event_kind": "AUTHORIZATION",
         "fields": {"status": ["errors.0.status"], "reason_code": ["errors.0.status", "errors.0.title"]}},
    ],
}

_REFUND_EVENTS = {"order_refunded", "subscription_payment_refunded"}


def _status(attributes: dict[str, Any], event: str | None) -> str | None:
    status = attributes.get("status")
    status = status.strip().lower() if isinstance(status, str) else None
    if event == "subscription_payment_failed":
        return "failed"
    if event in _REFUND_EVENTS and status not in ("refunded", "partial_refund"):
        # A partial refund leaves the order paid (issue-refund: "updated refunded attributes").
        return "partial_refund"
    return status


def prepare(body: Any) -> Any:
    """Name the document's status (from the webhook event where it says more), its amount (refunded_amount for a
    refund), its payment method (a card when a card brand is given) and a lifecycle id unique across types.

    Pure: returns a copy; the original is untouched.
    """
    if not isinstance(body, dict) or not isinstance(body.get("data"), dict):
        return body
    data = body["data"]
    attributes = data.get("attributes")
    if data.get("type") not in PAYMENT_TYPES or not isinstance(attributes, dict):
        return body
    meta = body.get("meta")
    event = meta.get("event_name") if isinstance(meta, dict) else None
    status = _status(attributes, event)
    extra: dict[str, Any] = {STATUS_KEY: status}
    refunded = attributes.get("refunded_amount")
    if status in ("refunded", "partial_refund") and refunded not in (None, "", 0, "0"):
        extra[AMOUNT_KEY] = refunded
    else:
        extra[AMOUNT_KEY] = attributes.get("total")
    if isinstance(attributes.get("card_brand"), str) and attributes["card_brand"].strip():
        extra[METHOD_KEY] = "card"
    if data.get("id") not in (None, ""):
        extra[ID_KEY] = f"{data['type']}/{data['id']}"
    return {**body, "data": {**data, **extra}}
