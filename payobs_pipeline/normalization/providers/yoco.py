"""Yoco (South Africa) online payments: the webhook events (payment.succeeded, refund.succeeded, refund.failed),
the checkout resource, and the refund request answer.

Sources:
- https://developer.yoco.com/online/api-reference/webhooks/events/successful-payment (event {id, type: one of
  payment.succeeded, refund.succeeded or refund.failed, createdDate, payload}; the payment payload {id
  "p_...", type "payment", createdDate, amount (cents), currency ZAR, paymentMethodDetails {type card, card
  {expiryMonth, expiryYear, maskedCard, scheme}}, status "succeeded", mode live/test, metadata {checkoutId}})
- https://developer.yoco.com/online/api-reference/webhooks/events/successful-refund and .../failed-refund (the
  refund payload {id "rfd_...", type "refund", createdDate, amount, currency, paymentId, status succeeded /
  failed, mode, metadata {checkoutId}})
- https://developer.yoco.com/online/api-reference/checkout/refunds/accept-refunds (POST
  /api/checkouts/{id}/refund answers 202 {id (the checkout), refundId, message, status "successful"}: "the
  refund process has started, but is not yet complete. The actual outcome ... will be communicated via a
  webhook event")
- the Checkout API's checkout {id "ch_...", redirectUrl, status (created, started, processing, completed),
  amount, currency, paymentId (set once paid), metadata, processingMode}.

Lifecycle identity: the Yoco payment (p_...) is the attempt; the checkout (ch_..., metadata.checkoutId) is the
payment; a refund (rfd_...) names the paymentId it refunds.
"""

from __future__ import annotations

PAYMENT_STATUSES = {"succeeded": "APPROVED", "failed": "DECLINED"}
REFUND_STATUSES = {"succeeded": "REFUNDED", "failed": "DECLINED", "successful": "PENDING"}
CHECKOUT_STATUSES = {"created": "PENDING", "started": "PENDING", "processing": "PENDING", "completed": "APPROVED"}

PAYMENT_METHODS = {"card": "CARD", "instant_eft": "BANK_TRANSFER", "eft": "BANK_TRANSFER", "apple_pay": "WALLET",
                   "google_pay": "WALLET", "samsung_pay": "WALLET", "snapscan": "WALLET", "zapper": "WALLET"}

_PAYMENT_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["createdDate"],
    "payment_method": ["paymentMethodDetails.type"],
    "card_brand": ["paymentMethodDetails.card.scheme"],
    "attempt_id": ["id"],
    "payment_id": ["metadata.checkoutId", "id"],
}
_REFUND_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["createdDate"],
    "refund_id": ["id"],
    "attempt_id": ["paymentId"],
    "payment_id": ["metadata.checkoutId"],
}

SPEC = {
    "provider": "yoco",
    "aliases": ["yoco", "yoco payments", "yoco online", "yoco_checkout"],
    "detect": [
        {"path": "type", "in": ["payment.succeeded", "refund.succeeded", "refund.failed"], "weight": 0.3},
        {"path": "payload.id", "prefix": ["p_", "rfd_"], "weight": 0.2},
        {"path": "payload.metadata.checkoutId", "prefix": "ch_", "weight": 0.3},
        {"path": "payload.mode", "in": ["live", "test"], "weight": 0.1},
        {"path": "redirectUrl", "prefix": ["https://c.yoco.com", "https://payments.yoco.com"], "weight": 0.6},
        {"path": "refundId", "prefix": "rfd_", "weight": 0.5},
        {"path": "id", "prefix": "ch_", "weight": 0.1},
    ],
    "amount_unit": "minor",
    "default_currency": "ZAR",
    "payment_method_map": PAYMENT_METHODS,
    "default_payment_method": "CARD",
    "variants": [
        {"name": "webhook.refund", "root": "payload", "match": {"type": {"prefix": "refund."}, "payload": {"exists": True}},
         "fields": _REFUND_FIELDS, "status_map": REFUND_STATUSES, "event_kind": "REFUND"},
        {"name": "webhook.payment", "root": "payload", "match": {"type": {"prefix": "payment."}, "payload": {"exists": True}},
         "fields": _PAYMENT_FIELDS, "status_map": PAYMENT_STATUSES},
        {"name": "refund_request", "match": {"refundId": {"exists": True}}, "status_map": REFUND_STATUSES,
         "event_kind": "REFUND", "default_currency": None, "default_payment_method": None,
         "fields": {"provider_transaction_id": ["refundId"], "status": ["status"], "refund_id": ["refundId"],
                    "payment_id": ["id"]}},
        {"name": "checkout", "match": {"redirectUrl": {"exists": True}, "status": {"exists": True}},
         "status_map": CHECKOUT_STATUSES, "event_kind": "PAYMENT", "default_payment_method": None,
         "fields": {"provider_transaction_id": ["id"], "status": ["status"], "amount": ["amount"],
                    "currency": ["currency"], "attempt_id": ["paymentId"], "payment_id": ["id"]}},
    ],
}
