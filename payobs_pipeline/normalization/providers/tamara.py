"""Tamara (buy now, pay later; Saudi Arabia, UAE, Kuwait, Bahrain, Oman, Qatar): the order object (Get Order
Details), the order webhook, the checkout session answer, and API error bodies.

Sources:
- https://docs.tamara.co/docs/online-order-status-flow (new: the customer initiated the checkout session;
  declined: the customer was declined to continue the payment with Tamara; expired: not completed within 30
  minutes, not authorised within 72 hours; approved: the customer placed the order and completed the first
  payment; authorised: Tamara verified the payment and the merchant authorised the order, "You can consider
  the order paid at this stage"; canceled; updated; partially_captured / fully_captured; partially_refunded /
  fully_refunded) and https://docs.tamara.co/docs/in-store-order-status-flow (in store: new, declined, expired
  (15 minutes), fully_captured, partially_refunded, fully_refunded)
- https://docs.tamara.co/reference/authoriseorder.md (authorise on the approved webhook; auto-authorisation
  moves new -> approved -> fully_captured; an order not captured within 21 days is auto-captured)
- the order object of GET /orders/{order_id} (order_id, order_reference_id, order_number, status (also
  on_hold), payment_type PAY_BY_INSTALMENTS / PAY_NOW, instalments, total_amount / captured_amount /
  refunded_amount / canceled_amount {amount (major units), currency}, consumer, shipping_address
  {country_code}, created_at)
- https://docs.tamara.co/docs/webhook-subscription (a POST per status change of the order, authenticated by the
  tamaraToken JWT) and the webhook events order_approved, order_declined, order_authorised, order_canceled,
  order_captured, order_refunded, order_expired, order_updated, order_on_hold; the notification names the
  order (order_id, order_reference_id, order_number) and the event_type, with event data, and no amount.
- Checkout session answer: {order_id, checkout_id, checkout_url, status: new}. API errors: {"message": ...,
  "errors": [{"error_code": ...}]} with the HTTP status (401 Unauthorized for a bad API token).

Lifecycle identity: a Tamara order is one payment and its one attempt (order_id); captures and refunds act on
the order; the merchant's order is order_reference_id.
"""

from __future__ import annotations

STATUSES = {
    "new": "PENDING",
    "on_hold": "PENDING",
    "approved": "APPROVED",
    "authorised": "APPROVED",
    "updated": "APPROVED",
    "partially_captured": "APPROVED",
    "fully_captured": "APPROVED",
    "declined": "DECLINED",
    "expired": "CANCELLED",
    "canceled": "CANCELLED",
    "partially_refunded": "REFUNDED",
    "fully_refunded": "REFUNDED",
}

EVENTS = {
    "order_approved": "APPROVED",
    "order_authorised": "APPROVED",
    "order_updated": "APPROVED",
    "order_captured": "APPROVED",
    "order_on_hold": "PENDING",
    "order_declined": "DECLINED",
    "order_expired": "CANCELLED",
    "order_canceled": "CANCELLED",
    "order_refunded": "REFUNDED",
}

_TAMARA_RISK = {"reason": "RISK_REJECTED", "source": "PSP_RISK"}

REASONS = {
    # Tamara's credit decision: the customer was declined to continue the payment with Tamara.
    "declined": _TAMARA_RISK,
    "order_declined": _TAMARA_RISK,
    # API error codes.
    "total_amount_invalid_limit": "LIMIT_EXCEEDED",
    "total_amount_invalid_currency": "INVALID_REQUEST",
    "consumer_invalid_phone_number": "INVALID_REQUEST",
    "invalid_phone_number": "INVALID_REQUEST",
    "order_reference_id_already_exists": "DUPLICATE",
    "unauthorized": "CONFIGURATION_ERROR",
    "forbidden": "CONFIGURATION_ERROR",
}

FIELDS = {
    "provider_transaction_id": ["order_id"],
    "status": ["status"],
    "reason_code": ["status"],
    "amount": ["total_amount.amount"],
    "currency": ["total_amount.currency"],
    "event_time": ["updated_at", "created_at"],
    "attempt_id": ["order_id"],
    "payment_id": ["order_id"],
    "customer_country": ["shipping_address.country_code", "billing_address.country_code", "country_code"],
}

RULES = [
    {"when": {"status": ["partially_captured", "fully_captured"]}, "set": {"event_kind": "CAPTURE"}},
    {"when": {"status": "canceled"}, "set": {"event_kind": "VOID"}},
]
_REFUND_FIELDS = {**FIELDS, "amount": ["refunded_amount.amount", "total_amount.amount"],
                  "currency": ["refunded_amount.currency", "total_amount.currency"], "refund_id": ["order_id"]}

_EVENT_KINDS = [
    {"when": {"event_type": "order_captured"}, "set": {"event_kind": "CAPTURE"}},
    {"when": {"event_type": "order_canceled"}, "set": {"event_kind": "VOID"}},
]

SPEC = {
    "provider": "tamara",
    "aliases": ["tamara", "tamara.co", "tamara pay later", "tamara_installments", "tamara installments", "tamara bnpl"],
    "detect": [
        {"path": "order_id", "exists": True, "weight": 0.1},
        {"path": "order_reference_id", "exists": True, "weight": 0.3},
        {"path": "order_number", "exists": True, "weight": 0.1},
        {"path": "event_type", "in": list(EVENTS), "weight": 0.3},
        {"path": "checkout_id", "exists": True, "weight": 0.3},
        {"path": "checkout_url", "exists": True, "weight": 0.1},
        {"path": "payment_type", "in": ["PAY_BY_INSTALMENTS", "PAY_NOW", "PAY_BY_LATER", "PAY_NEXT_MONTH"], "weight": 0.3},
        {"path": "total_amount.amount", "exists": True, "weight": 0.05},
        {"path": "errors.0.error_code", "exists": True, "weight": 0.2},
    ],
    "amount_unit": "major",
    "status_map": STATUSES,
    "reason_map": REASONS,
    "default_payment_method": "BNPL",
    "variants": [
        {"name": "webhook", "match": {"event_type": {"exists": True}, "order_id": {"exists": True}},
         "fields": {"provider_transaction_id": ["order_id"], "status": ["event_type"],
                    "reason_code": ["data.declined_code", "data.decline_type", "event_type"],
                    "amount": ["data.refunded_amount.amount", "data.captured_amount.amount"],
                    "currency": ["data.refunded_amount.currency", "data.captured_amount.currency"],
                    "event_time": ["data.created_at", "created_at"],
                    "attempt_id": ["order_id"], "payment_id": ["order_id"], "refund_id": ["order_id"]},
         "status_map": EVENTS, "rules": _EVENT_KINDS},
        {"name": "checkout_session", "match": {"checkout_id": {"exists": True}, "order_id": {"exists": True}},
         "fields": {"provider_transaction_id": ["order_id"], "status": ["status"], "payment_id": ["order_id"]},
         "event_kind": "PAYMENT"},
        {"name": "api_error", "match": {"errors": {"exists": True}, "message": {"exists": True}}, "status": "ERROR",
         "fields": {"reason_code": ["errors.0.error_code", "message"]}},
        {"name": "refunded_order", "match": {"order_id": {"exists": True}, "status": ["partially_refunded", "fully_refunded"]},
         "fields": _REFUND_FIELDS},
        {"name": "order", "match": {"order_id": {"exists": True}, "status": {"exists": True}}, "fields": FIELDS,
         "rules": RULES},
    ],
}
