"""FastSpring: webhook events (orders, returns, subscription charges) and the API order object.

Sources:
- "Orders" webhooks overview (developer.fastspring.com/reference/orders-1): order.completed (the order was
  processed), order.payment.pending (a delayed payment method awaiting approval), order.canceled, order.failed
  (the payment failed at checkout), fulfillment.failed, mailingListEntry; with Webhook Expansion off a webhook
  carries only the order id.
- "order.failed" (developer.fastspring.com/reference/orderfailed), "order.canceled" (reference/ordercanceled;
  fastspring.com/docs/order-canceled): the order payload {order, id, reference, buyerReference, completed,
  changed (ms), live, currency, payoutCurrency, invoiceUrl, account, total (in the order currency), totalDisplay,
  tax ...}; order.failed names no decline reason.
- "return.created" (fastspring.com/docs/return-created): {return, reference (the refund's), completed, changed,
  live, account ...}; its amount field totalReturn, currency and original.order rest on recollection.
- "subscription.charge.failed" (developer.fastspring.com/reference/subscriptionchargefailed): a rebill failed,
  {reason e.g. EXPIRED_CARD, account, subscription}; only EXPIRED_CARD is shown, other reasons stay unmapped.
  subscription.charge.completed (a rebill charged, {order, subscription, currency, total}) rests on recollection.
- The event envelope {"events": [{id, live, processed, type, created, data}]} (FastSpring AsyncAPI description,
  asyncapi.apis.io/asyncapis/fastspring: "an envelope containing an events array; each entry carries a type
  discriminator and an event-specific data payload"; order.approval.pending as OrderApprovalPending).
  Subscription lifecycle (subscription.activated, .canceled, .deactivated, .updated, .uncanceled,
  .trial.reminder, .payment.reminder, .payment.overdue), account.*, mailingListEntry.*, fulfillment.failed,
  payoutEntry.created and quote.* events are no payment outcome.

Amounts are major units of the order currency. Lifecycle identity: the order id is the payment and its
attempt (FastSpring exposes no separate attempt); a return's id is the refund, original.order the payment.
"""

from __future__ import annotations

from typing import Any

ORDER_EVENTS = {
    "order.completed": "APPROVED",
    "order.failed": "DECLINED",
    "order.payment.pending": "PENDING",
    "order.approval.pending": "PENDING",
    "order.canceled": "CANCELLED",
    "subscription.charge.completed": "APPROVED",
    "subscription.charge.failed": "DECLINED",
    "return.created": "REFUNDED",
}
NOT_PAYMENT_EVENT_PREFIXES = ["subscription.", "account.", "mailingListEntry", "fulfillment.", "payoutEntry.",
                              "quote.", "invoice."]
CHARGE_FAILURE_REASONS = {"EXPIRED_CARD": "EXPIRED_CARD"}
ORDER_COMPLETED = {"true": "APPROVED", "false": "PENDING"}  # a bare order: completed, or not (yet)


def prepare(body: Any) -> Any:
    """A POST's envelope holding one event is that event (a POST may carry several: each is its own row)."""
    if isinstance(body, dict) and isinstance(body.get("events"), list) and len(body["events"]) == 1:
        event = body["events"][0]
        if isinstance(event, dict):
            return event
    return body


SPEC = {
    "provider": "fastspring",
    "aliases": ["fastspring", "fast spring", "fastspring.com", "onfastspring.com"],
    "detect": [
        {"path": "type", "in": list(ORDER_EVENTS), "weight": 0.2},
        {"path": "type", "prefix": NOT_PAYMENT_EVENT_PREFIXES, "weight": 0.05},
        {"path": "processed", "exists": True, "weight": 0.1},
        {"path": "data.payoutCurrency", "exists": True, "weight": 0.3},
        {"path": "data.totalInPayoutCurrency", "exists": True, "weight": 0.2},
        {"path": "data.changedInSeconds", "exists": True, "weight": 0.2},
        {"path": "data.invoiceUrl", "exists": True, "weight": 0.05},
        {"path": "payoutCurrency", "exists": True, "weight": 0.3},
        {"path": "totalInPayoutCurrency", "exists": True, "weight": 0.2},
        {"path": "changedInSeconds", "exists": True, "weight": 0.2},
        {"path": "events.0.type", "in": list(ORDER_EVENTS), "weight": 0.2},
        {"path": "events.0.type", "prefix": NOT_PAYMENT_EVENT_PREFIXES, "weight": 0.2},
        {"path": "events.0.processed", "exists": True, "weight": 0.15},
        {"path": "events.0.live", "exists": True, "weight": 0.1},
        {"path": "events.0.data.subscription", "exists": True, "weight": 0.1},
        {"path": "events.0.data.changedInSeconds", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "major",
    "status_map": ORDER_EVENTS,
    "reason_map": CHARGE_FAILURE_REASONS,
    "fields": {
        "provider_transaction_id": ["id", "order"],
        "status": ["type"],
        "reason_code": ["reason"],
        "amount": ["total"],
        "currency": ["currency"],
        "event_time": ["changed"],
        "payment_method": ["payment.type"],
        "customer_country": ["address.country", "account.country"],
        "attempt_id": ["id", "order"],
        "payment_id": ["id", "order"],
    },
    "payment_method_map": {"creditcard": "CARD", "paypal": "WALLET", "amazon": "WALLET", "applepay": "WALLET",
                           "googlepay": "WALLET", "wire": "BANK_TRANSFER", "purchaseorder": "BANK_TRANSFER",
                           "free": "OTHER"},
    "variants": [
        {
            "name": "event.return",
            "match": {"type": "return.created", "data": {"exists": True}},
            "root": "data",
            "event_kind": "REFUND",
            "fields": {"status": ["^type"], "amount": ["totalReturn"], "event_time": ["changed", "^created"],
                       "provider_transaction_id": ["return", "id"], "refund_id": ["return", "id"],
                       "attempt_id": ["original.order", "original.id"],
                       "payment_id": ["original.order", "original.id"]},
        },
        {
            "name": "event.subscription_charge",
            "match": {"type": ["subscription.charge.completed", "subscription.charge.failed"],
                      "data": {"exists": True}},
            "root": "data",
            "fields": {"status": ["^type"], "event_time": ["changed", "^created"],
                       "provider_transaction_id": ["order.id", "order.order", "order"],
                       "attempt_id": ["order.id", "order.order", "order"],
                       "payment_id": ["order.id", "order.order", "order"]},
        },
        {
            "name": "event.order",
            "match": {"type": list(ORDER_EVENTS), "data": {"exists": True}},
            "root": "data",
            "fields": {"status": ["^type"], "event_time": ["changed", "^created"]},
        },
        {
            "name": "event.not_a_payment",
            "match": {"type": {"prefix": NOT_PAYMENT_EVENT_PREFIXES}, "data": {"exists": True}},
            "not_a_payment": "a FastSpring subscription lifecycle, account, mailing list, fulfillment, payout or quote "
                             "event",
        },
        {
            "name": "order",
            "match": {"completed": {"exists": True}, "reference": {"exists": True}, "total": {"exists": True}},
            "status_map": ORDER_COMPLETED,
            "fields": {"status": ["completed"]},
            "event_kind": "PAYMENT",
        },
    ],
}
