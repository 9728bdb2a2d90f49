"""Paymob (Accept; Egypt, Saudi Arabia, UAE, Oman, Pakistan): the transaction processed callback (POST, JSON
``{"type": "TRANSACTION", "obj": {...}}``), the transaction response callback (GET redirect, flat query keys),
the transaction object the pay / inquiry / refund / void APIs answer with, and API error bodies.

Sources:
- https://developers.paymob.com/paymob-docs/manage-callback/transaction-callbacks and
  https://acceptdocs.paymobsolutions.com/docs/transaction-callbacks (the processed callback: ``obj`` with id
  (transaction id), pending, amount_cents, success (status of the transaction, true/false), is_auth,
  is_capture, is_standalone_payment, is_voided, is_refunded, is_3d_secure, integration_id, profile_id,
  has_parent_transaction, order {id, merchant_order_id, ...}, created_at, currency, source_data {pan, type,
  sub_type}, is_void, is_refund, data {...}, error_occured, refunded_amount_cents, captured_amount,
  parent_transaction; "When your customer performs a transaction or any action related to some transaction
  Void, Refund, Pay ... a webhook request is initiated"; "Paymob sends the transaction callback only if the
  transaction succeeds or is declined")
- https://developers.paymob.com/paymob-docs/developers/webhook-callbacks-and-hmac/hmac/hmac-transaction-callback
  and https://docs.paymob.com/docs/hmac-calculation (the same keys for the processed callback, POST JSON, and
  the response callback, GET query parameters: ``id`` and ``order_id`` there, ``source_data.pan``,
  ``source_data.sub_type``, ``source_data.type`` as dotted keys; hmac)
- https://acceptdocs.paymobsolutions.com/docs/kiosk-payments (the pay API's answer for the kiosk
  (AGGREGATOR) source: pending "true", success "false", source_data type "aggregator", data.klass
  CAGGPayment, a bill reference the customer pays at a kiosk)
- https://developers.paymob.com/paymob-docs/developers/manage-payment-apis/void ("A void cancels a successful
  payment before settlement"; card payments only); the refund API answers a transaction with is_refund true
  whose parent_transaction is the refunded payment
- Card transactions are acquired through the Mastercard Gateway (MIGS/MPGS): ``data.klass`` MigsPayment,
  ``data.migs_order``, ``data.migs_transaction``, ``data.txn_response_code`` (the gateway's response code,
  APPROVED, DECLINED, INSUFFICIENT_FUNDS, ...: the table of providers/mpgs.py, from the Mastercard Gateway
  response-code reference), ``data.acq_response_code`` (the acquirer's ISO 8583 code, "00", "51", ...),
  ``data.message``.
- https://developers.paymob.com (payment methods: cards Visa, Mastercard, Amex, MADA, OmanNet; mobile wallets
  Vodafone Cash, Orange Cash, e& money, WE Pay, stc pay; Apple Pay, Google Pay; kiosk (Aman, Masary);
  installments ValU, Souhoola, Sympl, Forsa, premium, bank installments; cash on delivery)
- API errors are Django REST framework bodies: ``{"detail": "Incorrect authentication credentials."}`` (401),
  ``{"detail": "Not found."}`` (404), field errors ``{"amount_cents": ["..."]}`` (400).

Status: ``pending``/``success`` (``true/false`` pending, ``false/true`` succeeded, ``false/false`` declined);
``error_occured`` marks a technical failure (ERROR). A refund or a void is its own transaction (``is_refund`` /
``is_void`` true) with its own id; ``parent_transaction`` is the transaction it acts on.

Lifecycle identity: a payment transaction's ``id`` is the attempt; the Paymob ``order.id`` is the payment (the
order an intention or payment key was made for; several attempts can be made against it); a refund, void or
capture transaction names its ``parent_transaction`` (the attempt) and its own ``id`` (the refund's refund_id).
"""

from __future__ import annotations

from typing import Any

from payobs_pipeline.normalization.providers import mpgs

# pending/success, as the engine reads booleans ("true"/"false"; the kiosk example sends them as strings).
STATUSES = {
    "false/true": "APPROVED",
    "false/false": "DECLINED",
    "true/false": "PENDING",
}

_MESSAGES = {
    # data.message, when no code is given (wallet and kiosk transactions).
    "insufficient funds": "INSUFFICIENT_FUNDS",
    "do not honour": "GENERIC_DECLINE",
    "do not honor": "GENERIC_DECLINE",
    "expired card": "EXPIRED_CARD",
}

# Django REST framework's documented detail messages (authentication, permission, not found, throttling).
API_ERROR_DETAILS = {
    "incorrect authentication credentials.": "CONFIGURATION_ERROR",
    "authentication credentials were not provided.": "CONFIGURATION_ERROR",
    "invalid token.": "CONFIGURATION_ERROR",
    "you do not have permission to perform this action.": "CONFIGURATION_ERROR",
    "not found.": "INVALID_REQUEST",
    "request was throttled.": "PROCESSING_ERROR",
}

REASONS = {
    **mpgs.REASONS,
    **_MESSAGES,
    **API_ERROR_DETAILS,
}

PAYMENT_METHODS = {
    "card": "CARD",
    "wallet": "WALLET",
    "apple_pay": "WALLET",
    "applepay": "WALLET",
    "google_pay": "WALLET",
    "aggregator": "CASH_VOUCHER",  # kiosk: the customer pays a bill reference at Aman / Masary
    "cash_present": "CASH_VOUCHER",  # cash collection (cash on delivery)
    "cash": "CASH_VOUCHER",
    "valu": "BNPL",
    "souhoola": "BNPL",
    "sympl": "BNPL",
    "forsa": "BNPL",
    "premium": "BNPL",
    "bank_installments": "CARD",
}
CARD_BRANDS = {"WALLET": None, "AGGREGATOR": None, "CASH": None, "VALU": None, "MADA": "mada",
               "OMANNET": "omannet", "MEEZA": "meeza"}

FIELDS = {
    "provider_transaction_id": ["id"],
    "status": {"join": ["pending", "success"], "sep": "/"},
    "reason_code": ["data.txn_response_code", "txn_response_code", "data.acq_response_code",
                    "acq_response_code", "data.message"],
    "amount": ["amount_cents"],
    "currency": ["currency"],
    "event_time": ["created_at"],
    "payment_method": ["source_data.type"],
    "card_brand": ["source_data.sub_type"],
    "merchant_id": ["profile_id", "owner"],
    "attempt_id": ["parent_transaction.id", "parent_transaction", "id"],
    "payment_id": ["order.id", "order", "order_id"],
    "customer_country": ["payment_key_claims.billing_data.country", "order.shipping_data.country"],
}

# A refund or a void is its own transaction, with the same pending/success flags read for what it did.
REFUND_STATUSES = {"false/true": "REFUNDED", "true/false": "PENDING", "false/false": "DECLINED"}
# docs/taxonomy.md: a void that failed is an ERROR.
VOID_STATUSES = {"false/true": "CANCELLED", "false/false": "ERROR"}

RULES = [
    # error_occured: the transaction failed on a technical error, not on a decision.
    {"when": {"error_occured": True, "success": False, "pending": False}, "set": {"status_category": "ERROR"}},
    {"when": {"is_capture": True}, "set": {"event_kind": "CAPTURE"}},
]

_TRANSACTION = {"amount_cents": {"exists": True}, "success": {"exists": True}, "pending": {"exists": True}}

SPEC = {
    "provider": "paymob",
    "aliases": ["paymob", "pay_mob", "paymob accept", "paymob_accept", "accept", "paymobsolutions",
                "paymob ksa", "paymob_ksa", "paymob uae", "paymob oman", "paymob pakistan"],
    "detect": [
        {"path": "obj.is_standalone_payment", "exists": True, "weight": 0.5},
        {"path": "obj.amount_cents", "exists": True, "weight": 0.2},
        {"path": "obj.integration_id", "exists": True, "weight": 0.1},
        {"path": "obj.has_parent_transaction", "exists": True, "weight": 0.2},
        {"path": "type", "in": ["TRANSACTION", "TOKEN"], "weight": 0.1},
        {"path": "is_standalone_payment", "exists": True, "weight": 0.5},
        {"path": "has_parent_transaction", "exists": True, "weight": 0.2},
        {"path": "amount_cents", "exists": True, "weight": 0.1},
        {"path": "integration_id", "exists": True, "weight": 0.1},
        {"path": "txn_response_code", "exists": True, "weight": 0.1},
        {"path": "obj.token", "exists": True, "weight": 0.05},
        {"path": "obj.masked_pan", "exists": True, "weight": 0.2},
        {"path": "obj.card_subtype", "exists": True, "weight": 0.3},
    ],
    "amount_unit": "minor",
    "status_map": STATUSES,
    "reason_map": REASONS,
    "reason_fallback": "iso8583",
    "payment_method_map": PAYMENT_METHODS,
    "card_brand_map": CARD_BRANDS,
    "variants": [
        {"name": "callback.refund", "root": "obj", "match": {"type": "TRANSACTION", "obj.is_refund": True},
         "fields": FIELDS, "status_map": REFUND_STATUSES, "event_kind": "REFUND"},
        {"name": "callback.void", "root": "obj", "match": {"type": "TRANSACTION", "obj.is_void": True},
         "fields": FIELDS, "status_map": VOID_STATUSES, "event_kind": "VOID"},
        {"name": "callback.transaction", "root": "obj", "match": {"type": "TRANSACTION", "obj.amount_cents": {"exists": True}},
         "fields": FIELDS, "rules": RULES},
        {"name": "callback.token", "match": {"type": "TOKEN"},
         "not_a_payment": "a Paymob card token callback (a saved card, no payment)"},
        {"name": "callback.other", "match": {"type": {"exists": True}, "obj": {"exists": True},
                                            "obj.amount_cents": {"exists": False}},
         "not_a_payment": "a Paymob callback that is no transaction (delivery status, subscription)"},
        {"name": "refund", "match": {**_TRANSACTION, "is_refund": True}, "fields": FIELDS,
         "status_map": REFUND_STATUSES, "event_kind": "REFUND"},
        {"name": "void", "match": {**_TRANSACTION, "is_void": True}, "fields": FIELDS,
         "status_map": VOID_STATUSES, "event_kind": "VOID"},
        {"name": "transaction", "match": _TRANSACTION, "fields": FIELDS, "rules": RULES},
        {"name": "api_error", "match": {"detail": {"exists": True}}, "status": "ERROR",
         "fields": {"reason_code": ["detail"]}},
    ],
}

_NESTED_KEYS = ("data", "source_data", "order", "parent_transaction")


def prepare(body: Any) -> Any:
    """Nest the response callback's dotted query keys (``source_data.type``, ``data.message``) so the
    transaction fields read them where the processed callback has them. Pure: returns a new dict."""
    if not isinstance(body, dict) or not any(isinstance(k, str) and "." in k for k in body):
        return body
    nested: dict[str, Any] = {}
    flat: dict[str, Any] = {}
    for key, value in body.items():
        head, _, rest = key.partition(".") if isinstance(key, str) else (key, "", "")
        if rest and head in _NESTED_KEYS and head not in body:
            nested.setdefault(head, {})[rest] = value
        else:
            flat[key] = value
    return {**flat, **nested}
