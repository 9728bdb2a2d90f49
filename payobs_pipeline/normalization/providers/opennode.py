"""OpenNode (Bitcoin, Lightning): the charge webhook POSTed to the charge's callback_url and the charge object of
the Charges API ({data: {...}}).

Sources:
- OpenNode "Charges Webhooks" (developers.opennode.com/docs/charges-webhooks): on-chain statuses underpaid (seen,
  partially paid, waiting for the remainder), refunded (underpaid, then cancelled by the user asking for a
  refund), processing (seen for the first time on the mempool), paid (confirmed on the blockchain), expired (the
  checkout expired, 24h by default); Lightning: paid (settled), expired. The POST (form-encoded) fields id,
  callback_url, success_url, status, order_id, description, price, fee, auto_settle, hashed_order (the HMAC
  signature), and on-chain address, missing_amt / overpaid_by (satoshis) and transactions.
- OpenNode "Creating a charge" (developers.opennode.com/docs/creating-a-charge): the answer {data {id, name,
  description, created_at, status "unpaid", callback_url, success_url, order_id, ...}}; the charge's amount in
  satoshis with fiat_value and currency (the fiat it was priced in), lightning_invoice and chain_invoice, as a
  third party's schema of the charge object lists them (api-evangelist opennode-charge schema, statuses unpaid,
  processing, paid, ...).

Amounts: the webhook's price is in satoshis, BTC, which is no ISO 4217 currency: the webhook carries no amount
here. The charge object's fiat_value (a decimal) in its currency is read as the amount. OpenNode's API error
answers are not in a stored page and are not mapped.

Read as: paid -> APPROVED; unpaid, processing, underpaid -> PENDING; expired -> CANCELLED; refunded -> a REFUND,
REFUNDED (the underpaid funds returned).
"""

from __future__ import annotations

STATUSES = {
    "paid": "APPROVED",
    "unpaid": "PENDING",
    "processing": "PENDING",
    "underpaid": "PENDING",
    "expired": "CANCELLED",
}
REFUND_STATUSES = {"refunded": "REFUNDED"}

_WEBHOOK = {
    "provider_transaction_id": ["id"],
    "status": ["status"],
    "attempt_id": ["id"],
    "payment_id": ["order_id"],
}

SPEC = {
    "provider": "opennode",
    "aliases": ["opennode", "open node", "opennode.com", "api.opennode.com", "opennode.co"],
    "detect": [
        {"path": "hashed_order", "exists": True, "weight": 0.4},
        {"path": "auto_settle", "exists": True, "weight": 0.1},
        {"path": "missing_amt", "exists": True, "weight": 0.1},
        {"path": "success_url", "exists": True, "weight": 0.05},
        {"path": "status", "in": [*STATUSES, *REFUND_STATUSES], "weight": 0.05},
        {"path": "data.lightning_invoice", "exists": True, "weight": 0.3},
        {"path": "data.chain_invoice", "exists": True, "weight": 0.2},
        {"path": "data.auto_settle", "exists": True, "weight": 0.1},
        {"path": "data.source_fiat_value", "exists": True, "weight": 0.1},
        {"path": "data.status", "in": [*STATUSES, *REFUND_STATUSES], "weight": 0.05},
    ],
    "amount_unit": "major",
    "status_map": STATUSES,
    "fields": _WEBHOOK,
    "variants": [
        {
            "name": "webhook.refunded",
            "match": {"hashed_order": {"exists": True}, "status": {"in": list(REFUND_STATUSES)}},
            "event_kind": "REFUND",
            "status_map": REFUND_STATUSES,
            "fields": {**_WEBHOOK, "refund_id": []},
        },
        {
            "name": "webhook",
            "match": {"hashed_order": {"exists": True}, "status": {"exists": True}},
        },
        {
            "name": "charge",
            "root": "data",
            "match": {"^data.id": {"exists": True}, "^data.status": {"exists": True}},
            "status_map": {**STATUSES, **REFUND_STATUSES},
            "fields": {**_WEBHOOK, "amount": ["fiat_value"], "currency": ["currency"], "event_time": ["created_at"]},
        },
    ],
}
