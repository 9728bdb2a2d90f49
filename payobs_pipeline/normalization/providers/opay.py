"""OPay (Nigeria, Egypt): the international Cashier API's payment status answer ({code, message, data}), the
payment notification callback ({payload, sha512, type "transaction-status"}), the older opayweb callback, and
the API's error answers.

Sources:
- OPay Checkout "Query Payment Status" (documentation.opaycheckout.com/query-payment-status): POST
  /api/v1/international/cashier/status with reference (the merchant's) or orderNo (OPay's) and country. Its
  answer's body is not in the stored excerpt: the shape {code "00000", message "SUCCESSFUL", data {reference,
  orderNo, status, amount {total, currency}, failureCode, failureReason}} and the statuses INITIAL, PENDING,
  SUCCESS, FAIL, CLOSE rest on integrations' code (e.g. cashier clients testing {code 00000, data {reference,
  orderNo, status SUCCESS, amount {total: naira * 100, currency NGN}}}, and reading FAIL / CLOSE and
  data.failureReason), amount.total in minor units (kobo, piasters: integrations divide it by 100).
- OPay Checkout "Payment Notifications Callbacks" (documentation.opaycheckout.com/payment-notifications-callbacks):
  the callback is JSON in the request body; its field list as integrations quote the page: payload {amount,
  channel, country, currency, displayedFailure, fee, feeCurrency, instrumentType, reference, refunded, status,
  timestamp, token, transactionId, updated_at}, sha512, type "transaction-status"; amount a string in minor units
  ("49160" with fee "737" NGN).
- OPay (opayweb) "Callback" (documentation.opayweb.com/callback): the older callback, payload {country,
  instrumentId, fee "0.10", channel, displayedFailure, reference, updated_at, currency, refunded, timestamp,
  amount "10.00", sessionId, instrumentType, transactionId, token, bussinessType, payChannel, status}: amounts
  decimals in the currency; its status lower case ("failed", as an integration's copy of the sample shows).
- OPay's error codes (code other than "00000", with message) are not in a stored page: an error answer is an
  ERROR whose reason is UNKNOWN, its code kept as the raw code.

Read as: SUCCESS -> APPROVED, FAIL -> DECLINED (displayedFailure / failureReason, texts, are kept raw: OPay
documents no reason codes), INITIAL and PENDING -> PENDING, CLOSE (closed unpaid) -> CANCELLED.
"""

from __future__ import annotations

STATUSES = {
    "SUCCESS": "APPROVED",
    "FAIL": "DECLINED",
    "FAILED": "DECLINED",
    "INITIAL": "PENDING",
    "PENDING": "PENDING",
    "CLOSE": "CANCELLED",
}

PAYMENT_METHODS = {
    "BankCard": "CARD", "BankAccount": "BANK_TRANSFER", "BankTransfer": "BANK_TRANSFER", "USSD": "BANK_TRANSFER",
    "OWealth": "WALLET", "BalancePayment": "WALLET", "coins": "WALLET",
}

_CALLBACK = {
    "provider_transaction_id": ["payload.transactionId"],
    "status": ["payload.status"],
    "reason_code": ["payload.displayedFailure"],
    "amount": ["payload.amount"],
    "currency": ["payload.currency"],
    "event_time": ["payload.updated_at", "payload.timestamp"],
    "payment_method": ["payload.instrumentType"],
    "attempt_id": ["payload.transactionId"],
    "payment_id": ["payload.reference"],
}

SPEC = {
    "provider": "opay",
    "aliases": ["opay", "opay checkout", "opaycheckout", "opaycheckout.com", "opayweb", "opayweb.com",
                "opay nigeria", "opay egypt"],
    "detect": [
        {"path": "type", "in": ["transaction-status"], "weight": 0.3},
        {"path": "sha512", "exists": True, "weight": 0.2},
        {"path": "payload.instrumentType", "exists": True, "weight": 0.1},
        {"path": "payload.transactionId", "exists": True, "weight": 0.05},
        {"path": "payload.refunded", "exists": True, "weight": 0.05},
        {"path": "payload.bussinessType", "exists": True, "weight": 0.2},
        {"path": "code", "in": ["00000"], "weight": 0.3},
        {"path": "data.orderNo", "exists": True, "weight": 0.1},
        {"path": "data.amount.total", "exists": True, "weight": 0.1},
        {"path": "data.status", "in": list(STATUSES), "weight": 0.1},
    ],
    "amount_unit": "minor",
    "status_map": STATUSES,
    "payment_method_map": PAYMENT_METHODS,
    "fields": {
        "provider_transaction_id": ["data.orderNo"],
        "status": ["data.status"],
        "reason_code": ["data.failureCode", "data.failureReason"],
        "amount": ["data.amount.total"],
        "currency": ["data.amount.currency"],
        "event_time": ["data.createTime"],
        "attempt_id": ["data.orderNo"],
        "payment_id": ["data.reference"],
    },
    "variants": [
        {
            # The opayweb callback: amounts in major units, its own keys (bussinessType, payChannel).
            "name": "callback.opayweb",
            "match": {"payload.bussinessType": {"exists": True}, "payload.status": {"exists": True}},
            "amount_unit": "major",
            "fields": {**_CALLBACK, "payment_method": ["payload.payChannel", "payload.instrumentType"]},
        },
        {
            "name": "callback",
            "match": {"payload.status": {"exists": True}, "payload.reference": {"exists": True}},
            "fields": _CALLBACK,
        },
        {
            "name": "error",
            "match": {"code": {"not_in": ["00000"]}, "message": {"exists": True}},
            "status": "ERROR",
            "fields": {"reason_code": ["code"], "amount": [], "currency": []},
        },
        {
            "name": "cashier.status",
            "match": {"code": "00000", "data.status": {"exists": True}},
        },
    ],
}
