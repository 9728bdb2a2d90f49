"""CHIP (chip-in.asia, Malaysia) Collect API: Purchase objects, as API replies and as webhook/callback bodies.

Sources (CHIP documentation):
- https://docs.chip-in.asia/chip-collect/api-reference/purchases/create, .../retrieve, .../cancel,
  .../mark-as-paid, .../charge (the Purchase object: type "purchase", id (UUID), created_on / updated_on (Unix
  seconds), client {...}, purchase {currency, products[{name, quantity, price}], total (in the currency's
  smallest unit: "price: 100 is equivalent to RM 1.00"), ...}, payment {is_outgoing, payment_type, amount,
  currency, net_amount, fee_amount, pending_amount, paid_on} (null for an unpaid purchase), issuer_details,
  transaction_data {payment_method, attempts[...]} ("information about all the transaction attempts and possible
  errors"), status, status_history, brand_id, reference, checkout_url, direct_post_url, is_test; a charge that
  "takes too long on the acquirer's side" answers 200 with status pending_charge and sends
  purchase.pending_charge)
- https://docs.chip-in.asia/chip-collect/api-reference/purchases/mark-as-paid and
  https://support.chip-in.asia/support/solutions/articles/150000034259 (the Purchase status list: created, sent,
  viewed: nothing paid yet; error: "a failed payment attempt ... because of a problem with customer's payment
  instrument (e.g. low account balance)"; cancelled (POST /cancel/); overdue (past due, still payable);
  expired (past due, no longer payable); blocked: "like error, but payment attempt was blocked due to fraud
  scoring below threshold or other security checks"; hold: funds on hold (skip_capture), to capture or release;
  released: the hold's funds returned to the customer's card; pending_release: the release is processing)
- The rest of that list, read from the same reference but not in a fetched excerpt here (so from the
  reference's status names): pending_execute / pending_charge / pending_capture (processing, not final),
  paid (paid successfully), cleared and settled (paid, then the funds cleared / were settled to the merchant),
  chargeback, pending_refund and refunded. ``preauthorized`` (a card saved without a financial transaction) is
  not a payment outcome and is not mapped.
- https://docs.chip-in.asia/chip-collect/api-reference/purchases/create: the webhook events purchase.paid and
  purchase.payment_failure; a webhook body is the Purchase object (with its event_type).
Amounts are integers in minor units of purchase.currency / payment.currency (MYR sen by default). A Purchase
that names no currency (a trimmed copy) gives no amount: CHIP takes several currencies, none is assumed.

Lifecycle identity: a CHIP Purchase (id) is one payment request and its attempts; the purchase id is the attempt
and the merchant's ``reference`` the payment. A refund or chargeback is a state of the purchase (refund_id /
dispute_id are the purchase id).
"""

from __future__ import annotations

from typing import Any

PURCHASE_STATUSES = {
    "created": "PENDING",
    "sent": "PENDING",
    "viewed": "PENDING",
    "overdue": "PENDING",
    "pending_execute": "PENDING",
    "pending_charge": "PENDING",
    "pending_capture": "PENDING",
    "error": "DECLINED",
    "blocked": "DECLINED",
    "cancelled": "CANCELLED",
    "expired": "CANCELLED",
    # Funds authorized and on hold (skip_capture): an approved authorization awaiting capture or release.
    "hold": "APPROVED",
    "released": "CANCELLED",
    "pending_release": "PENDING",
    "paid": "APPROVED",
    "cleared": "APPROVED",
    "settled": "APPROVED",
    "chargeback": "CHARGEBACK",
    "pending_refund": "PENDING",
    "refunded": "REFUNDED",
}
_CHIP_OWN_STATUSES = ["pending_execute", "pending_charge", "pending_capture", "pending_release", "hold", "released",
                      "blocked", "overdue", "viewed", "pending_refund", "cleared", "settled", "chargeback"]

AMOUNT_ASIDE_KEY = "_payobs_amount_without_currency"

_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status"],
    # transaction_data.attempts[].error: the failed attempt's code (CHIP's own words, not mapped one by one).
    "reason_code": ["transaction_data.attempts.0.error.code"],
    "amount": ["payment.amount", "purchase.total"],
    "currency": ["payment.currency", "purchase.currency"],
    "event_time": ["updated_on", "created_on"],
    "merchant_id": ["brand_id"],
    "attempt_id": ["id"],
    "payment_id": ["reference"],
    "refund_id": ["id"],
    "dispute_id": ["id"],
}

SPEC = {
    "provider": "chip",
    "aliases": ["chip", "chip-in", "chip_in", "chipin", "chip-in.asia", "chip asia", "chip_collect", "chipinasia",
                "chip_in_asia"],
    "detect": [
        {"path": "checkout_url", "prefix": ["https://gate.chip-in.asia/", "https://gate-sandbox.chip-in.asia/"],
         "weight": 0.8},
        {"path": "type", "in": ["purchase"], "weight": 0.2},
        {"path": "purchase.total", "exists": True, "weight": 0.3},
        {"path": "purchase.products", "exists": True, "weight": 0.2},
        {"path": "brand_id", "exists": True, "weight": 0.2},
        {"path": "transaction_data.attempts", "exists": True, "weight": 0.2},
        {"path": "status", "in": _CHIP_OWN_STATUSES, "weight": 0.2},
        {"path": "event_type", "prefix": "purchase.", "weight": 0.2},
    ],
    "amount_unit": "minor",
    "status_map": PURCHASE_STATUSES,
    "reason_map": {},
    "payment_method_map": {"visa": "CARD", "mastercard": "CARD", "maestro": "CARD", "card": "CARD",
                           "fpx": "BANK_TRANSFER", "fpx_b2b1": "BANK_TRANSFER", "duitnow_qr": "BANK_TRANSFER",
                           "razer": "WALLET", "razer_grabpay": "WALLET", "razer_tng": "WALLET",
                           "razer_shopeepay": "WALLET", "razer_maybankqr": "WALLET"},
    "variants": [
        {"name": "purchase", "match": {"status": list(PURCHASE_STATUSES), "purchase": {"exists": True}},
         "fields": {**_FIELDS, "payment_method": ["transaction_data.payment_method"]},
         "rules": [
             # blocked: the attempt was stopped by CHIP's fraud scoring / security checks.
             {"when": {"status": "blocked"}, "set": {"failure_reason": "RISK_REJECTED", "failure_source": "PSP_RISK"}},
             {"when": {"status": ["refunded", "pending_refund"]}, "set": {"event_kind": "REFUND"}},
             {"when": {"status": "chargeback"}, "set": {"event_kind": "DISPUTE"}},
             {"when": {"status": ["released", "pending_release"]}, "set": {"event_kind": "VOID"}},
         ]},
    ],
}


def prepare(body: Any) -> Any:
    """A Purchase naming no currency keeps its minor-unit total aside (never read in a guessed currency). Pure."""
    if not isinstance(body, dict) or not isinstance(body.get("purchase"), dict):
        return body
    purchase = body["purchase"]
    payment = body.get("payment") if isinstance(body.get("payment"), dict) else {}
    if purchase.get("currency") or payment.get("currency"):
        return body
    if "total" not in purchase and "amount" not in payment:
        return body
    aside = {k: v for k, v in purchase.items() if k != "total"}
    prepared = {**body, "purchase": aside, AMOUNT_ASIDE_KEY: purchase.get("total", payment.get("amount"))}
    if payment:
        prepared["payment"] = {k: v for k, v in payment.items() if k != "amount"}
    return prepared
