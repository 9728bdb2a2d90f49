"""CoinGate (crypto payments, Lithuania): the order (invoice) of API v2 and its payment callback, the Payment
Channel order callback (an ``event`` / ``object`` / ``data`` envelope), and the API error body.

Sources:
- "Order Status" (developer.coingate.com/docs/order-statuses): new (invoice created, no currency chosen; expires
  after 2 hours), pending (currency chosen, awaiting payment; expires after 20 minutes), confirming (payment sent,
  awaiting blockchain confirmation), paid (confirmed and credited to the merchant), invalid (not confirmed by the
  network, or invalidated for AML/CTF reasons), expired, canceled (by the shopper), refunded, partially_refunded.
- "Payment Callback" (developer.coingate.com/v2/docs/payment-callback, .../reference/payment-callback.md): id (the
  CoinGate order), order_id (the merchant's), status, price_amount / price_currency (the merchant's price, e.g.
  499.95 USD), receive_amount / receive_currency, pay_amount / pay_currency (crypto), underpaid_amount, fees,
  created_at, token; form-encoded or JSON.
- "Order Callback" for Payment Channels (developer.coingate.com/reference/payment-channel-callbacks): events
  order.status.confirming, paid, invalid, refunded, partially_refunded; {"event", "object": "order", "data":
  {id, status, ...}}.
- Error bodies: coingate/coingate-php (SDK source) ApiClient handleErrorResponse: {message, reason} with the
  reasons BadRequest (400), BadAuthToken / Unauthorized (401), OrderNotFound / NotFound (404), OrderIsNotValid
  / OrderNotFound / UnprocessableEntity (422), rate limits (429), 500 / 504; the older clients add
  BadCredentials, AccountBlocked, IpAddressIsNotAllowed, PageNotFound, RecordNotFound, CredentialsMissing,
  BadEnvironment; the Node SDK RefundIsNotValid.

An error body ({message, reason}) is too generic to be recognized without a provider hint. An order is the payment
as a whole (PAYMENT): CoinGate names no separate attempt. ``invalid`` is a DECLINED
payment with no reason code (the docs give two causes, network rejection and AML/CTF); a refunded order is the
refund event, its amount the order's price (the callback does not carry the refunded amount).

Lifecycle identity: the CoinGate order id is the payment (and the attempt); the merchant's order_id is kept
apart only in the raw document.
"""

from __future__ import annotations

STATUSES = {
    "new": "PENDING",
    "pending": "PENDING",
    "confirming": "PENDING",
    "paid": "APPROVED",
    "invalid": "DECLINED",
    "expired": "CANCELLED",
    "canceled": "CANCELLED",
    "refunded": "REFUNDED",
    "partially_refunded": "REFUNDED",
}

ERROR_REASONS = {
    "BadRequest": "INVALID_REQUEST",
    "CredentialsMissing": "CONFIGURATION_ERROR",
    "BadEnvironment": "CONFIGURATION_ERROR",
    "BadCredentials": "CONFIGURATION_ERROR",
    "BadAuthToken": "CONFIGURATION_ERROR",
    "Unauthorized": "CONFIGURATION_ERROR",
    "AccountBlocked": "CONFIGURATION_ERROR",
    "IpAddressIsNotAllowed": "CONFIGURATION_ERROR",
    "PageNotFound": "INVALID_REQUEST",
    "RecordNotFound": "INVALID_REQUEST",
    "OrderNotFound": "INVALID_REQUEST",
    "NotFound": "INVALID_REQUEST",
    "OrderIsNotValid": "INVALID_REQUEST",
    "RefundIsNotValid": "INVALID_REQUEST",
    "UnprocessableEntity": "INVALID_REQUEST",
}

_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status"],
    "amount": ["price_amount"],
    "currency": ["price_currency"],
    "event_time": ["paid_at", "created_at"],
    "attempt_id": ["id"],
    "payment_id": ["id"],
}
_KIND_RULES = [{"when": {"status": {"not_in": ["refunded", "partially_refunded"]}}, "set": {"event_kind": "PAYMENT"}}]

SPEC = {
    "provider": "coingate",
    "aliases": ["coingate", "coin gate", "coingate.com"],
    "detect": [
        {"path": "price_amount", "exists": True, "weight": 0.15},
        {"path": "receive_currency", "exists": True, "weight": 0.2},
        {"path": "receive_amount", "exists": True, "weight": 0.1},
        {"path": "pay_currency", "exists": True, "weight": 0.1},
        {"path": "underpaid_amount", "exists": True, "weight": 0.1},
        {"path": "status", "in": ["confirming", "invalid", "partially_refunded"], "weight": 0.1},
        {"path": "event", "prefix": "order.status.", "weight": 0.3},
        {"path": "data.receive_currency", "exists": True, "weight": 0.2},
        {"path": "reason", "in": list(ERROR_REASONS), "weight": 0.3},
    ],
    "amount_unit": "major",
    "status_map": STATUSES,
    "fields": _FIELDS,
    "variants": [
        {"name": "error", "match": {"reason": {"in": list(ERROR_REASONS)}, "message": {"exists": True},
                                    "id": {"exists": False}},
         "status": "ERROR", "reason_map": ERROR_REASONS,
         "fields": {"provider_transaction_id": [], "reason_code": ["reason"], "amount": [], "currency": [],
                    "attempt_id": [], "payment_id": []}},
        {"name": "channel_callback", "root": "data",
         "match": {"event": {"prefix": "order.status."}, "data.status": {"in": list(STATUSES)}},
         "rules": _KIND_RULES},
        {"name": "order", "match": {"id": {"exists": True}, "status": {"in": list(STATUSES)},
                                    "price_currency": {"exists": True}},
         "rules": _KIND_RULES},
    ],
}
