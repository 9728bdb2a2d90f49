"""Afrikpay (Cameroon bill, airtime and mobile-money aggregator): the partner API's answer envelope {code, message,
result} for a payment (airtime, bills, taxes, school fees: ``POST /api/oss/payment/partner/v1``) and its status
(``/api/oss/transaction/status/partner/v1``), the cash-in and balance answers (no payment) and the error answer.

Sources -- SDK source only: Afrikpay's own reference (developers.afrikpay.com) is not in the stored documentation, so
everything here rests on the Go client NdoleStudio/afrikpay-go:
- transaction_status.go: TransactionStatusResponse {code, message, result{errorCode, errorMessage, errorType, status,
  transactionId, referenceNumber, amount, type, service, externalId, financialId, providerId, requestId,
  requestStatus, date, ...}}; IsFailed: code other than 200, result.status FAILED, errorType
  TransactionExternalIdNotFoundException, or errorCode 40633 / 40614; IsInProgress: code 200 and status PROGRESS,
  PENDING, ACCEPTED or PAYED. transaction_status_test.go (IsNotPerformed): code 51314 "System response mismatch",
  code 40618 "Transaction not found".
- internal/stubs/airtime.go, eneo_prepaid.go (type payment, status SUCCESS; "Eneo Prepay (2,000 FCFA)" for amount
  2000: amounts are whole CFA francs, and the services are Cameroon's, so XAF), orange_money_cashin.go (type cashin),
  bill.go (BillPayWithError: code 500 "General Failure", result null), account.go (code 500 "412: bad password";
  the balance answer {name, mainbalance, maindeposit}).
- README.md: the endpoints (balance, payment, transaction status, cash in, option).

Mapping: SUCCESS is APPROVED; PROGRESS, PENDING, ACCEPTED and PAYED are in progress (PENDING); FAILED is DECLINED
(errorCode 40633 / 40614 have no documented meaning: no specific reason). An answer whose code is not 200 is an
ERROR: 500 General Failure a processing error, "412: bad password" a credentials (configuration) error, 40618 the
transaction does not exist (an invalid reference), 51314 a mismatch in Afrikpay's system (processing error). A cash
in credits a customer's wallet from the merchant's balance (a payout), and the balance answer is no payment.

Lifecycle identity: result.transactionId (Afrikpay's) is the attempt; result.externalId (the partner's own id) is the
payment.
"""

from __future__ import annotations

TRANSACTION_STATUSES = {
    "SUCCESS": "APPROVED",
    "PROGRESS": "PENDING",
    "PENDING": "PENDING",
    "ACCEPTED": "PENDING",
    "PAYED": "PENDING",
    "FAILED": "DECLINED",
}

REASONS = {
    "500": "PROCESSING_ERROR",            # General Failure
    "412: bad password": "CONFIGURATION_ERROR",
    "40618": "INVALID_REQUEST",           # Transaction not found
    "Transaction not found": "INVALID_REQUEST",
    "TransactionExternalIdNotFoundException": "INVALID_REQUEST",
    "51314": "PROCESSING_ERROR",          # System response mismatch
    "System response mismatch": "PROCESSING_ERROR",
}

SPEC = {
    "provider": "afrikpay",
    "aliases": ["afrikpay", "afrik pay", "afrikpay.com"],
    "detect": [
        {"path": "result.service", "prefix": ["orange-", "mtn-", "eneo-", "camwater-", "canal"], "weight": 0.2},
        {"path": "result.financialId", "exists": True, "weight": 0.2},
        {"path": "result.terminalId", "exists": True, "weight": 0.2},
        {"path": "result.requestStatus", "exists": True, "weight": 0.1},
        {"path": "result.financialCommission", "exists": True, "weight": 0.2},
        {"path": "result.paymentServiceFeature", "exists": True, "weight": 0.1},
        {"path": "result.status", "in": list(TRANSACTION_STATUSES), "weight": 0.1},
    ],
    "amount_unit": "major",
    "default_currency": "XAF",
    "status_map": TRANSACTION_STATUSES,
    "reason_map": REASONS,
    "variants": [
        {
            "name": "error",
            "match": {"code": {"not_in": [200]}, "message": {"exists": True}},
            "status": "ERROR",
            "default_currency": None,
            "fields": {"reason_code": ["message", "code", "result.errorType"]},
        },
        {
            "name": "cashin",
            "match": {"result.type": "cashin"},
            "not_a_payment": "a cash in credits a customer's wallet from the merchant's balance (a payout)",
        },
        {
            "name": "balance",
            "match": {"result.mainbalance": {"exists": True}},
            "not_a_payment": "the partner account's balance",
        },
        {
            "name": "transaction",
            "root": "result",
            "match": {"result.status": {"in": list(TRANSACTION_STATUSES)}},
            "fields": {
                "provider_transaction_id": ["transactionId"],
                "status": ["status"],
                "reason_code": ["errorCode", "errorType", "errorMessage"],
                "amount": ["amount"],
                "event_time": ["date"],
                "attempt_id": ["transactionId"],
                "payment_id": ["externalId"],
            },
        },
    ],
}
