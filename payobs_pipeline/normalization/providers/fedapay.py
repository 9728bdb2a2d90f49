"""FedaPay (Benin / West Africa, mobile money and cards): the transaction object (``klass`` v1/transaction, as the
API and the SDKs return it), the webhook event around it, the non-payment events and the API error answer.

Sources:
- FedaPay documentation, "Events" (docs.fedapay.com/development/events): the transaction lifecycle -- created
  (transaction.created), then canceled (transaction.canceled), declined (transaction.declined) or approved
  (transaction.approved) then transferred (transaction.transferred), each followed by transaction.updated; customer
  events customer.created / customer.updated / customer.deleted.
- FedaPay support, "What if a payment is failed, pending, or canceled?" (support.fedapay.com/portal/en/kb/articles/
  que-faire-si-un-paiement-est-echoue-en-attente-ou-annule): approved = payment successful; pending = being processed,
  the default status on creation; failed or canceled = insufficient funds or another payment issue; declined =
  intentional or accidental interruption by the customer; refunded = amount returned to the customer; transferred =
  amount transferred to the merchant account.
- fedapay/fedapay-node src/Transaction.ts: PAID_STATUS approved, transferred, refunded, approved_partially_refunded,
  transferred_partially_refunded; the mobile-money modes (mtn, moov, mtn_ci, moov_tg, mtn_open, airtel_ne, free_sn,
  togocel, mtn_ecw, mtn_open_ci, wave_direct_ci). src/Error.ts: an error answer carries ``message`` and ``errors``.
- A FedaPay transaction.created webhook body as published (scribd "gistfile1"): the event {name, object, entity}, the
  entity's fields (id, reference, amount, status, currency_id, mode, operation, approved_at / canceled_at /
  declined_at / refunded_at / transferred_at, last_error_code, transaction_key, merchant_reference) and its included
  currency {id 1, name FCFA, iso XOF, div 1}: currency_id 1 is XOF. No other currency id is mapped.

Reading: a canceled or declined transaction that records a ``last_error_code`` failed (DECLINED, with that code's
reason: INSUFFICIENT_FUND_ERROR the wallet lacked funds; API_ERROR an operator/API failure); without one it was
interrupted by the customer or expired unpaid (CANCELLED). The full last_error_code list is not in the stored
documentation: other codes give no specific reason. Partially refunded statuses are refund events of the payment.

Amounts are in the currency's major units (XOF has no minor unit). Lifecycle identity: the transaction id is the
attempt; the merchant_reference (else the transaction id) is the payment.
"""

from __future__ import annotations

TRANSACTION_STATUSES = {
    "pending": "PENDING",
    "approved": "APPROVED",
    "transferred": "APPROVED",
    "canceled": "CANCELLED",
    "declined": "CANCELLED",
    "refunded": "REFUNDED",
    "approved_partially_refunded": "REFUNDED",
    "transferred_partially_refunded": "REFUNDED",
}

REASONS = {
    "INSUFFICIENT_FUND_ERROR": "INSUFFICIENT_FUNDS",
    "API_ERROR": "PROCESSING_ERROR",
}

# FedaPay currency ids its answers show with the currency included.
CURRENCY_IDS = {1: "XOF"}

MOBILE_MONEY_MODES = ["mtn", "moov", "mtn_ci", "moov_tg", "mtn_open", "airtel_ne", "free_sn", "togocel", "mtn_ecw",
                      "mtn_open_ci", "wave_direct_ci"]

_TRANSACTION_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status"],
    "reason_code": ["last_error_code"],
    "amount": ["amount"],
    "currency": ["currency.iso", "^_payobs_currency", "_payobs_currency"],
    "event_time": ["updated_at", "created_at"],
    "payment_method": ["mode"],
    "attempt_id": ["id"],
    "payment_id": ["merchant_reference", "id"],
    "customer_country": ["payment_method.country"],
}

_FAILED = [
    {"when": {"status": {"in": ["canceled", "declined"]}, "last_error_code": {"exists": True}},
     "set": {"status_category": "DECLINED"}},
]

_REFUND = {"event_kind": "REFUND", "fields": {**_TRANSACTION_FIELDS, "refund_id": []}}  # no refund object of its own

SPEC = {
    "provider": "fedapay",
    "aliases": ["fedapay", "feda pay", "fedapay.com", "fedapay benin"],
    "detect": [
        {"path": "klass", "in": ["v1/transaction", "v1/customer", "v1/payout"], "weight": 0.5},
        {"path": "entity.klass", "in": ["v1/transaction", "v1/customer", "v1/payout"], "weight": 0.5},
        {"path": "reference", "prefix": "trx_", "weight": 0.2},
        {"path": "entity.reference", "prefix": "trx_", "weight": 0.2},
        {"path": "transaction_key", "exists": True, "weight": 0.1},
        {"path": "entity.transaction_key", "exists": True, "weight": 0.1},
        {"path": "amount_transferred", "exists": True, "weight": 0.1},
        {"path": "last_error_code", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "major",
    "status_map": TRANSACTION_STATUSES,
    "reason_map": REASONS,
    "payment_method_map": {mode: "WALLET" for mode in MOBILE_MONEY_MODES},
    "variants": [
        {
            "name": "customer_event",
            "match": {"name": {"prefix": "customer."}, "entity": {"exists": True}},
            "not_a_payment": "a customer record was created, updated or deleted",
        },
        {
            "name": "payout_event",
            "match": {"object": "payout", "entity": {"exists": True}},
            "not_a_payment": "a payout sends money from the merchant's balance",
        },
        {
            "name": "event_refund",
            "root": "entity",
            "match": {"entity.klass": "v1/transaction", "entity.status": {"in": [
                "refunded", "approved_partially_refunded", "transferred_partially_refunded"]}},
            **_REFUND,
        },
        {
            "name": "event_transaction",
            "root": "entity",
            "match": {"entity.klass": "v1/transaction"},
            "fields": _TRANSACTION_FIELDS,
            "rules": _FAILED,
        },
        {
            "name": "payout",
            "match": {"klass": "v1/payout"},
            "not_a_payment": "a payout sends money from the merchant's balance",
        },
        {
            "name": "customer",
            "match": {"klass": "v1/customer"},
            "not_a_payment": "a customer record, no payment",
        },
        {
            "name": "refund",
            "match": {"klass": "v1/transaction", "status": {"in": [
                "refunded", "approved_partially_refunded", "transferred_partially_refunded"]}},
            **_REFUND,
        },
        {
            "name": "transaction",
            "match": {"klass": "v1/transaction"},
            "fields": _TRANSACTION_FIELDS,
            "rules": _FAILED,
        },
        {
            # The API's error answer: a message and the invalid fields (src/Error.ts).
            "name": "api_error",
            "match": {"message": {"exists": True}, "errors": {"exists": True}, "klass": {"exists": False}},
            "status": "ERROR",
            "fields": {},
            "rules": [{"when": {"errors": {"exists": True}}, "set": {"failure_reason": "INVALID_REQUEST"}}],
        },
    ],
}


def prepare(body):
    """Name the currency of a transaction that gives only FedaPay's currency_id (1 is XOF), on a copy."""
    if not isinstance(body, dict):
        return body
    document = body.get("entity") if isinstance(body.get("entity"), dict) else body
    currency = document.get("currency")
    if isinstance(currency, dict) and currency.get("iso"):
        return body
    iso = CURRENCY_IDS.get(document.get("currency_id")) if isinstance(document.get("currency_id"), int) else None
    return {**body, "_payobs_currency": iso} if iso else body
