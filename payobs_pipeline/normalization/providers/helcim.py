"""Helcim (Canada/US): Payment API v2 card transactions, HelcimPay.js results, Helcim.js responses and ACH
(bank) transactions.

Sources (Helcim developer documentation, devdocs.helcim.com):
- https://devdocs.helcim.com/docs/payments and /docs/helcimjs-transactions-and-the-payment-api (the card
  transaction object: transactionId, dateCreated, cardBatchId, status APPROVED / DECLINED, user, type (purchase,
  preauth, capture, refund, reverse, verify), amount (a decimal in major units), currency (CAD, USD),
  avsResponse, cvvResponse, cardType (MC, VI, AX ...), approvalCode, cardToken, cardNumber (first 6 / last 4),
  cardHolderName, customerCode, invoiceNumber, warning)
- https://devdocs.helcim.com/changelog/updated-helcimpay-response (HelcimPay.js answers {"hash", "data": {the
  card transaction}})
- https://devdocs.helcim.com/docs/response-fields (Helcim.js posts back response 1 = success / 0 = failure,
  responseMessage, type "Purchase" / "Verify" ..., amount, cardType, transactionId, approvalCode, orderNumber,
  customerCode; no currency field)
- https://devdocs.helcim.com/v2.2/docs/ach-payments and support.helcim.com "View an EFT or ACH transaction"
  (ACH transaction {"transaction": {id, orderId, dateCreated, statusAuth, statusClearing, amount, currency,
  responseMessage, ...}}; statusAuth Approved / Denied; the clearing status OPENED until the bank clears it,
  CLEARED, RETURNED / REJECTED by the bank). The v2.2 page writes statusAuth, statusClearing and currency as
  numbers (statusAuth 5, statusClearing 0, currency 1) without a table of their meanings: numeric codes are not
  read (no status, no currency), only the documented words.
Helcim documents no decline reason codes on these objects: a DECLINED transaction's reason is UNKNOWN.

Lifecycle identity: transactionId is the attempt; invoiceNumber (else orderId) the payment. A refund or a
reverse is its own transaction (type refund / reverse) whose transactionId is the refund's / void's.
"""

from __future__ import annotations

from typing import Any

CARD_STATUSES = {"APPROVED": "APPROVED", "DECLINED": "DECLINED"}
# Helcim.js "response": 1 = success, 0 = failure.
HELCIMJS_RESPONSES = {"1": "APPROVED", "0": "DECLINED"}
# ACH: the clearing status once the debit is in the banking system, else the authorization.
ACH_STATUSES = {"OPENED": "PENDING", "CLEARED": "APPROVED", "RETURNED": "DECLINED", "REJECTED": "DECLINED",
                "APPROVED": "PENDING", "DENIED": "DECLINED", "DECLINED": "DECLINED"}

CARD_TYPES = {"MC": "mastercard", "VI": "visa", "AX": "amex", "DI": "discover", "JC": "jcb", "DC": "diners"}
AMOUNT_ASIDE_KEY = "_payobs_amount_without_currency"

_CARD_FIELDS = {
    "provider_transaction_id": ["transactionId"],
    "status": ["status"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["dateCreated"],
    "card_brand": ["cardType"],
    "attempt_id": ["transactionId"],
    "payment_id": ["invoiceNumber"],
    "refund_id": ["transactionId"],
}
_CARD_RULES = [
    {"when": {"type": "refund", "status": "APPROVED"}, "set": {"status_category": "REFUNDED", "event_kind": "REFUND"}},
    {"when": {"type": "refund", "status": "DECLINED"}, "set": {"event_kind": "REFUND"}},
    {"when": {"type": "reverse", "status": "APPROVED"}, "set": {"status_category": "CANCELLED", "event_kind": "VOID"}},
    {"when": {"type": "reverse", "status": "DECLINED"}, "set": {"status_category": "ERROR", "event_kind": "VOID"}},
    {"when": {"type": "capture"}, "set": {"event_kind": "CAPTURE"}},
]
_ACH_FIELDS = {
    "provider_transaction_id": ["id", "transactionId"],
    "status": ["statusClearing", "statusAuth"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["dateCreated"],
    "attempt_id": ["id", "transactionId"],
    "payment_id": ["invoiceNumber", "orderId"],
}

SPEC = {
    "provider": "helcim",
    "aliases": ["helcim", "helcim_commerce", "helcimpay", "helcim_pay", "helcim.js", "helcimjs", "helcim_ach"],
    "detect": [
        {"path": "cardBatchId", "exists": True, "weight": 0.5},
        {"path": "data.cardBatchId", "exists": True, "weight": 0.5},
        {"path": "customerCode", "prefix": "CST", "weight": 0.2},
        {"path": "data.customerCode", "prefix": "CST", "weight": 0.1},
        {"path": "cardToken", "exists": True, "weight": 0.1},
        {"path": "hash", "exists": True, "weight": 0.1},
        # Helcim.js response fields.
        {"path": "noticeMessage", "exists": True, "weight": 0.3},
        {"path": "responseMessage", "exists": True, "weight": 0.1},
        # ACH transactions.
        {"path": "transaction.bankAccountL4L4", "exists": True, "weight": 0.6},
        {"path": "bankAccountL4L4", "exists": True, "weight": 0.6},
        {"path": "transaction.statusClearing", "exists": True, "weight": 0.3},
        {"path": "statusClearing", "in": ["OPENED", "CLEARED", "RETURNED", "REJECTED"], "weight": 0.4},
        {"path": "transaction.statusAuth", "exists": True, "weight": 0.2},
        {"path": "statusAuth", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "major",
    "default_payment_method": "CARD",
    "status_map": CARD_STATUSES,
    "card_brand_map": CARD_TYPES,
    "variants": [
        {"name": "helcimpay.transaction", "root": "data",
         "match": {"data.transactionId": {"exists": True}, "data.status": list(CARD_STATUSES)},
         "fields": _CARD_FIELDS, "rules": _CARD_RULES},
        {"name": "card_transaction", "match": {"transactionId": {"exists": True}, "status": list(CARD_STATUSES)},
         "fields": _CARD_FIELDS, "rules": _CARD_RULES},
        {"name": "helcimjs.response", "match": {"response": ["1", "0"], "responseMessage": {"exists": True}},
         "fields": {"provider_transaction_id": ["transactionId"], "status": ["response"],
                    "amount": ["amount"], "currency": ["currency"], "card_brand": ["cardType"],
                    "attempt_id": ["transactionId"], "payment_id": ["orderNumber"]},
         "status_map": HELCIMJS_RESPONSES},
        {"name": "ach.transaction", "root": "transaction",
         "match": {"transaction.statusAuth": {"exists": True}},
         "fields": _ACH_FIELDS, "status_map": ACH_STATUSES, "default_payment_method": "DIRECT_DEBIT"},
        {"name": "ach.transaction.bare",
         "match": {"statusAuth": {"exists": True}},
         "fields": _ACH_FIELDS, "status_map": ACH_STATUSES, "default_payment_method": "DIRECT_DEBIT"},
    ],
}


def _without_unreadable_amount(document: dict) -> dict:
    currency = document.get("currency")
    if "amount" in document and not (isinstance(currency, str) and len(currency) == 3 and currency.isalpha()):
        # No currency, or Helcim's numeric currency id (no documented table): the amount is kept aside.
        aside = {k: v for k, v in document.items() if k not in ("amount", "currency")}
        return {**aside, AMOUNT_ASIDE_KEY: document.get("amount")}
    return document


def prepare(body: Any) -> Any:
    """Numeric ACH status/currency codes are not read; an amount without an ISO currency is kept aside. Pure."""
    if not isinstance(body, dict):
        return body
    transaction = body.get("transaction")
    if isinstance(transaction, dict) and "statusAuth" in transaction:
        return {**body, "transaction": _without_unreadable_amount(_words_only(transaction))}
    if "statusAuth" in body or ("response" in body and "responseMessage" in body):
        return _without_unreadable_amount(_words_only(body))
    return body


def _words_only(document: dict) -> dict:
    """statusAuth / statusClearing given as numbers have no documented meaning here: dropped."""
    dropped = [k for k in ("statusAuth", "statusClearing")
               if isinstance(document.get(k), (int, float)) and not isinstance(document.get(k), bool)]
    return {k: v for k, v in document.items() if k not in dropped} if dropped else document
