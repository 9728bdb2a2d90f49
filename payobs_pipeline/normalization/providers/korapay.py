"""Korapay / Kora (Nigeria, pan-African): the webhook notifications ({event, data}), the charge answer of the
API ({status <boolean>, message, data}) and the API's error answers.

Sources:
- Kora Webhooks (developers.korapay.com/docs/webhooks, its markdown as stored): event transfer.success,
  transfer.failed, charge.success, charge.failed, refund.success, refund.failed; data {amount, fee, currency,
  status success | failed, reference}; the samples: single and bulk payout (batch_reference), pay-in to an NG
  virtual bank account (transaction_date, payment_reference, virtual_bank_account_details), pay-in by card, bank
  transfer or mobile money (payment_method, payment_reference), refund (reference RFD-..., payment_reference, the
  paid transaction's, refund_date, completion_date). Amounts are decimals in the currency (150.99 NGN).
- Kora Errors (developers.korapay.com/docs/errors, in a stored copy of the docs site): General errors
  ("Internal Server Error": the request is not at fault, requery the transaction for its final status; "Invalid
  authorization key"; "Invalid request data" with details in data), Pay-in errors ("Charge not found",
  "Duplicate payment reference"), Refund initiation errors ("Transaction has not yet been settled", "Refund can
  only be requested on a successful transaction", "Transaction not found", "Refund not supported for this
  currency, please contact support", "A full reversal has already been processed for this transaction",
  "Insufficient funds in disbursement wallet"). The messages with amounts in them ("Refund amount cannot be more
  than ...") are not matched; payout errors are not payments.
- The charge answer's statuses (success, processing, failed, pending) and its {status, message, data
  {reference, payment_reference, transaction_reference, status, amount, currency, fee}} shape: the Kora mobile
  money guide (stored docs copy: an STK_PROMPT answer with status processing, transaction_reference and
  payment_reference KPY-PAY-...) and a third party's OpenAPI description of the Charges API (repo
  api-evangelist/korapay, openapi/korapay-charges-api-openapi.yml), not a stored Kora reference page.

Kora documents no reason for a failed charge: every decline is UNKNOWN. Chargeback webhooks are mentioned but
their payload is not documented; they are not mapped.
"""

from __future__ import annotations

STATUSES = {
    "success": "APPROVED",
    "failed": "DECLINED",
    "processing": "PENDING",
    "pending": "PENDING",
}
REFUND_STATUSES = {"success": "REFUNDED", "failed": "DECLINED"}
CHARGE_EVENTS = ["charge.success", "charge.failed"]
REFUND_EVENTS = ["refund.success", "refund.failed"]
PAYOUT_EVENTS = ["transfer.success", "transfer.failed"]

# The messages of the error answers (Kora "Errors").
ERROR_MESSAGES = {
    "Internal Server Error": "PROCESSING_ERROR",
    "Invalid authorization key": "CONFIGURATION_ERROR",
    "Invalid request data": "INVALID_REQUEST",
    "Charge not found": "INVALID_REQUEST",
    "Duplicate payment reference": "DUPLICATE",
    "Transaction has not yet been settled": "INVALID_REQUEST",
    "Refund can only be requested on a successful transaction": "INVALID_REQUEST",
    "Transaction not found": "INVALID_REQUEST",
    "Refund not supported for this currency, please contact support": "CONFIGURATION_ERROR",
    "A full reversal has already been processed for this transaction": "DUPLICATE",
    "Insufficient funds in disbursement wallet": "CONFIGURATION_ERROR",
}

_SHARED_MESSAGES = ("Internal Server Error", "Invalid authorization key", "Transaction not found")
_OWN_ERROR_MESSAGES = [message for message in ERROR_MESSAGES if message not in _SHARED_MESSAGES]

PAYMENT_METHODS = {"card": "CARD", "bank_transfer": "BANK_TRANSFER", "mobile_money": "WALLET",
                   "pay_with_bank": "BANK_TRANSFER"}

_CHARGE = {
    "provider_transaction_id": ["data.reference"],
    "status": ["data.status"],
    "amount": ["data.amount"],
    "currency": ["data.currency"],
    "event_time": ["data.transaction_date"],
    "payment_method": ["data.payment_method"],
    "attempt_id": ["data.reference"],
    "payment_id": ["data.payment_reference"],
}

SPEC = {
    "provider": "korapay",
    "aliases": ["korapay", "kora", "kora pay", "korapay.com", "api.korapay.com", "developers.korapay.com"],
    "detect": [
        {"path": "event", "in": [*CHARGE_EVENTS, *REFUND_EVENTS, *PAYOUT_EVENTS], "weight": 0.2},
        {"path": "data.fee", "exists": True, "weight": 0.2},
        {"path": "data.payment_reference", "exists": True, "weight": 0.25},
        {"path": "data.payment_reference", "prefix": "KPY-", "weight": 0.1},
        {"path": "data.reference", "prefix": "KPY-", "weight": 0.1},
        {"path": "data.transaction_reference", "prefix": "KPY-", "weight": 0.2},
        {"path": "data.payment_method", "in": list(PAYMENT_METHODS), "weight": 0.05},
        {"path": "data.virtual_bank_account_details", "exists": True, "weight": 0.3},
        {"path": "data.refund_date", "exists": True, "weight": 0.2},
        {"path": "data.batch_reference", "exists": True, "weight": 0.2},
        {"path": "data.auth_model", "exists": True, "weight": 0.1},
        # Kora's own error messages (not the generic ones other PSPs share: "Transaction not found", ...).
        {"path": "message", "in": _OWN_ERROR_MESSAGES, "weight": 0.6},
    ],
    "amount_unit": "major",
    "status_map": STATUSES,
    "payment_method_map": PAYMENT_METHODS,
    "fields": _CHARGE,
    "variants": [
        {
            "name": "webhook.payout",
            "match": {"event": {"in": PAYOUT_EVENTS}},
            "not_a_payment": "a payout (transfer) from the merchant's balance, no payment",
        },
        {
            "name": "webhook.refund",
            "match": {"event": {"in": REFUND_EVENTS}},
            "event_kind": "REFUND",
            "status_map": REFUND_STATUSES,
            "fields": {**_CHARGE, "event_time": ["data.completion_date", "data.refund_date"], "attempt_id": [],
                       "refund_id": ["data.reference"]},
        },
        {
            "name": "webhook.charge",
            "match": {"event": {"in": CHARGE_EVENTS}},
        },
        {
            "name": "error",
            "match": {"status": False, "message": {"exists": True}},
            "status": "ERROR",
            "reason_map": ERROR_MESSAGES,
            "fields": {"reason_code": ["message"], "amount": [], "currency": []},
            # "Internal Server Error": the request is not at fault and the charge may have gone through.
            "rules": [{"when": {"message": "Internal Server Error"}, "set": {"status_category": "UNKNOWN"}}],
        },
        {
            "name": "charge",
            "match": {"status": True, "data.status": {"exists": True}},
            # Kora's own reference (transaction_reference, else payment_reference) and the merchant's (reference).
            "fields": {**_CHARGE,
                       "provider_transaction_id": ["data.transaction_reference", "data.payment_reference",
                                                   "data.reference"],
                       "attempt_id": ["data.transaction_reference", "data.payment_reference"],
                       "payment_id": ["data.reference"]},
        },
    ],
}
