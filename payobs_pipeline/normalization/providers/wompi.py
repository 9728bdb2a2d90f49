"""Wompi (Bancolombia; Colombia): transactions, ``transaction.updated`` events and API error bodies.

Sources (Wompi docs, docs.wompi.co):
- https://docs.wompi.co/docs/colombia/eventos/ and /en/docs/colombia/eventos/ (event body: ``{"event":
  "transaction.updated", "data": {"transaction": {id, amount_in_cents, reference, customer_email, currency,
  payment_method_type, redirect_url, status, shipping_address, payment_link_id, payment_source_id}},
  "environment", "signature": {"properties", "checksum"}, "timestamp", "sent_at"}``; other events:
  nequi_token.updated, bancolombia_transfer_token.updated (payment sources, not payments))
- https://docs.wompi.co/en/docs/colombia/eventos-pagos-a-terceros/ (payout.updated: third-party payouts)
- https://docs.wompi.co/en/docs/colombia/consultas-y-operaciones/ and the API reference (GET /transactions/{id}
  answers ``{"data": {...transaction...}, "meta": {}}``; transaction: id, created_at, finalized_at,
  amount_in_cents, reference, currency COP, payment_method_type CARD / NEQUI / PSE / BANCOLOMBIA_TRANSFER /
  BANCOLOMBIA_COLLECT / BANCOLOMBIA_QR / DAVIPLATA / BANCOLOMBIA_BNPL / SU_PLUS / PCOL, payment_method{type,
  extra{brand, last_four, ...}}, status PENDING / APPROVED / DECLINED / VOIDED / ERROR, status_message)
- https://docs.wompi.co/en/docs/colombia/datos-de-prueba-en-sandbox/ (outcomes per status; VOIDED is an
  approved CARD transaction annulled)
- Error bodies ``{"error": {"type": "INPUT_VALIDATION_ERROR" | "NOT_FOUND_ERROR" | ..., "reason" | "messages"}}``
  (422 / 404 / 401); a declined payment is not an API error but a transaction with status DECLINED.
Wompi publishes no decline-code table: a DECLINED or ERROR transaction carries a free-text ``status_message``,
kept as raw_reason_code (a DECLINED one's failure_reason UNKNOWN; an ERROR one PROCESSING_ERROR, see _RULES).

Lifecycle identity: the transaction ``id`` is the attempt; the merchant's ``reference`` (unique per checkout,
reused by the Widget / Web Checkout across payment-method retries) is the payment.
"""

from __future__ import annotations

STATUSES = {
    "APPROVED": "APPROVED",
    "PENDING": "PENDING",
    "DECLINED": "DECLINED",
    "VOIDED": "CANCELLED",
    "ERROR": "ERROR",
}
PAYMENT_METHODS = {
    "CARD": "CARD",
    "NEQUI": "WALLET",
    "DAVIPLATA": "WALLET",
    "PSE": "BANK_TRANSFER",
    "BANCOLOMBIA_TRANSFER": "BANK_TRANSFER",  # "Botón Bancolombia"
    "BANCOLOMBIA_QR": "BANK_TRANSFER",
    "BANCOLOMBIA_COLLECT": "CASH_VOUCHER",  # cash at Bancolombia correspondents
    "BANCOLOMBIA_BNPL": "BNPL",
    "SU_PLUS": "BNPL",
    "PCOL": "OTHER",  # Puntos Colombia
}
# error.type of API error bodies.
ERROR_TYPES = {
    "INPUT_VALIDATION_ERROR": "INVALID_REQUEST",
    "NOT_FOUND_ERROR": "INVALID_REQUEST",
    "UNAUTHORIZED": "CONFIGURATION_ERROR",
    "AUTHENTICATION_ERROR": "CONFIGURATION_ERROR",
    "INVALID_ACCESS_TOKEN": "CONFIGURATION_ERROR",
    "FORBIDDEN": "CONFIGURATION_ERROR",
    "INTERNAL_SERVER_ERROR": "PROCESSING_ERROR",
}

_TRANSACTION_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status"],
    "reason_code": ["status_message"],
    "amount": ["amount_in_cents"],
    "currency": ["currency"],
    "event_time": ["finalized_at", "created_at"],
    "payment_method": ["payment_method_type", "payment_method.type"],
    "card_brand": ["payment_method.extra.brand"],
    "merchant_id": ["merchant.id"],
    "merchant_name": ["merchant.name"],
    # The transaction is the attempt; the merchant's reference (one checkout) is the payment.
    "attempt_id": ["id"],
    "payment_id": ["reference"],
}
_RULES = [
    {"when": {"status": "VOIDED"}, "set": {"event_kind": "VOID"}},
    # ERROR is not a decision: the transaction could not be processed (an error in the payment system behind
    # it; docs.wompi.co/en/docs/colombia/consultas-y-operaciones/ status list, and the sandbox's Nequi numbers
    # that end in ERROR, datos-de-prueba-en-sandbox). Wompi publishes no message table to refine it.
    {"when": {"status": "ERROR"}, "set": {"failure_reason": "PROCESSING_ERROR"}},
]
_NON_PAYMENT_EVENTS = ["nequi_token.updated", "bancolombia_transfer_token.updated", "payout.updated"]

SPEC = {
    "provider": "wompi",
    "aliases": ["wompi", "wompi colombia", "wompi_co", "wompi.co", "bancolombia wompi"],
    "detect": [
        {"path": "event", "in": ["transaction.updated", *_NON_PAYMENT_EVENTS], "weight": 0.5},
        {"path": "signature.checksum", "exists": True, "weight": 0.3},
        {"path": "data.transaction.amount_in_cents", "exists": True, "weight": 0.5},
        {"path": "data.amount_in_cents", "exists": True, "weight": 0.5},
        {"path": "data.0.amount_in_cents", "exists": True, "weight": 0.5},
        {"path": "amount_in_cents", "exists": True, "weight": 0.4},
        {"path": "payment_method_type", "in": list(PAYMENT_METHODS), "weight": 0.2},
        {"path": "status", "in": list(STATUSES), "weight": 0.1},
        {"path": "error.type", "in": ["INPUT_VALIDATION_ERROR", "NOT_FOUND_ERROR"], "weight": 0.6},
        {"path": "error.messages", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "minor",
    "status_map": STATUSES,
    "payment_method_map": PAYMENT_METHODS,
    "variants": [
        {"name": "event.not_a_payment", "match": {"event": _NON_PAYMENT_EVENTS},
         "not_a_payment": "a Wompi payment-source token or third-party payout event"},
        {
            "name": "event.transaction",
            "root": "data.transaction",
            "match": {"event": "transaction.updated", "data.transaction": {"exists": True}},
            "fields": {**_TRANSACTION_FIELDS, "event_time": ["finalized_at", "^sent_at", "^timestamp",
                                                             "created_at"]},
            "rules": _RULES,
        },
        {
            "name": "transaction_response",
            "root": "data",
            "match": {"data.amount_in_cents": {"exists": True}},
            "fields": _TRANSACTION_FIELDS,
            "rules": _RULES,
        },
        {
            "name": "transaction_list",
            "root": "data.0",
            "match": {"data.0.amount_in_cents": {"exists": True}},
            "fields": _TRANSACTION_FIELDS,
            "rules": _RULES,
        },
        {
            "name": "transaction",
            "match": {"amount_in_cents": {"exists": True}, "status": {"exists": True}},
            "fields": _TRANSACTION_FIELDS,
            "rules": _RULES,
        },
        {
            "name": "error",
            "match": {"error.type": {"exists": True}},
            "status": "ERROR",
            "fields": {"status": ["error.type"], "reason_code": ["error.type"]},
            "reason_map": ERROR_TYPES,
        },
    ],
}
