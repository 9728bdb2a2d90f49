"""CamPay (Cameroon mobile-money aggregator, campay.net): the collect answer, the transaction status
(GET /api/transaction/{reference}/), the payment callback, and the error answer; withdrawals, airtime transfers and
the balance as non-payments.

Sources:
- CamPay API documentation (documentation.campay.net: "Collect", "Check transaction status", "Withdraw", "Get
  application balance", "Webhook / callback") — read through SDK source, not a stored page: NdoleStudio/campay-go-sdk
  collect.go (the collect answer {reference, ussd_code, operator}), transaction.go (the status {reference, status,
  amount, currency, operator, code, operator_reference}; IsPending = PENDING, IsSuccessfull = SUCCESSFUL),
  callback.go (the callback {status, reference, amount (a string), currency, operator, code, operator_reference,
  signature, external_reference}), withdraw.go (the withdraw answer {reference, status}), balance.go. The status
  values are PENDING (awaiting the customer's USSD confirmation), SUCCESSFUL and FAILED; a failed transaction
  carries a free-text reason (no code table is published). Airtime transfers are transactions of type AIRTIME (the
  SDK's airtime stub): the merchant sends airtime, a payout.
- Error answer {message, error_code}: ER101 invalid phone number, ER201 amount below the operator's minimum ("Minimum
  amount for Orange is 10.00"), ER301 insufficient balance (the merchant's balance, on a withdrawal), as recorded
  verbatim in app tests of a CamPay client (campay provider tests found by the code search); ER102 (unsupported
  operator) is from our recollection of the documentation's error list.
- Amounts are in francs CFA (XAF, no minor unit), the currency in every message.

Lifecycle identity: reference (CamPay's transaction UUID) is the attempt; external_reference, the merchant's own
reference sent with the collect request, is the payment (the status answer does not repeat it). code
("CP201027T00005") is CamPay's receipt code and operator_reference the mobile operator's.
"""

from __future__ import annotations

STATUSES = {"PENDING": "PENDING", "SUCCESSFUL": "APPROVED", "FAILED": "DECLINED"}

ERRORS = {
    "ER101": "INVALID_CARD_DATA",  # invalid phone number
    "ER102": "TRANSACTION_NOT_PERMITTED",  # unsupported operator (recollection)
    "ER201": "INVALID_REQUEST",  # amount below the operator's minimum
}
OPERATORS = ["MTN", "ORANGE", "ORANGE_CM", "MTN_CM"]

_TRANSACTION_FIELDS = {
    "provider_transaction_id": ["reference"],
    "status": ["status"],
    "reason_code": ["reason"],
    "amount": ["amount"],
    "currency": ["currency"],
    "attempt_id": ["reference"],
    "payment_id": ["external_reference"],
}

SPEC = {
    "provider": "campay",
    "aliases": ["campay", "cam pay", "campay.net", "campay cameroon", "demo.campay.net", "www.campay.net"],
    "detect": [
        {"path": "code", "prefix": "CP", "weight": 0.3},
        {"path": "operator_reference", "exists": True, "weight": 0.2},
        {"path": "operator", "in": OPERATORS, "weight": 0.2},
        {"path": "ussd_code", "exists": True, "weight": 0.3},
        {"path": "mtn_balance", "exists": True, "weight": 0.25},
        {"path": "orange_balance", "exists": True, "weight": 0.25},
    ],
    "amount_unit": "major",
    "status_map": STATUSES,
    "reason_map": ERRORS,
    "default_payment_method": "WALLET",
    "fields": _TRANSACTION_FIELDS,
    "variants": [
        {"name": "balance", "match": {"total_balance": {"exists": True}},
         "not_a_payment": "the application balance is a report"},
        {"name": "airtime", "match": {"type": "AIRTIME"},
         "not_a_payment": "an airtime transfer sends airtime out of the merchant's balance"},
        {"name": "withdraw_answer",
         "match": {"reference": {"exists": True}, "status": {"exists": True}, "amount": {"exists": False},
                   "operator": {"exists": False}},
         "not_a_payment": "a withdrawal pays money out to a mobile-money account"},
        {"name": "withdraw_error", "match": {"error_code": "ER301"},
         "not_a_payment": "ER301: the merchant's balance cannot fund a withdrawal"},
        {"name": "collect_answer", "match": {"ussd_code": {"exists": True}, "status": {"exists": False}},
         "status": "PENDING", "fields": {"provider_transaction_id": ["reference"], "attempt_id": ["reference"]}},
        {"name": "transaction", "match": {"reference": {"exists": True}, "status": {"in": list(STATUSES)}}},
        {
            "name": "error",
            "match": {"error_code": {"exists": True}, "message": {"exists": True}},
            "status": "ERROR",
            "fields": {"reason_code": ["error_code"], "provider_transaction_id": [], "amount": [], "currency": [],
                       "attempt_id": [], "payment_id": []},
        },
    ],
}
