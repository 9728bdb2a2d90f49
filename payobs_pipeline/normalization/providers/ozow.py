"""Ozow (instant EFT / pay by bank, South Africa): the payment notification (NotifyUrl POST), the GetTransaction
answer, the refund notification, and the payment request answer.

Sources (Ozow's developer hub, hub.ozow.com, as catalogued from its OpenAPI in api-evangelist/ozow
errors/ozow-decline-codes.yml and asyncapi/ozow-webhooks.yml):
- Transaction status (GetTransaction ``status`` and the notification's ``Status``): Complete (payment completed,
  funds confirmed), Cancelled (the customer cancelled on the bank-selection / secure flow), Error (the payment
  failed on an error during bank processing; see statusMessage), Abandoned (the customer left the flow without
  completing), PendingInvestigation (under investigation, e.g. an amount mismatch or a delayed bank
  confirmation; not final), Pending (initiated, not yet confirmed by the bank). "Ozow is an instant-EFT /
  Pay-by-Bank gateway, not a card acquirer, so it has no ISO 8583 card decline codes".
- The payment notification: SiteCode, TransactionId, TransactionReference (the merchant's reference), Amount (a
  decimal in rand), Status, StatusMessage, CurrencyCode, IsTest, Optional1..5, Hash (SHA512 HashCheck); the
  refund notification: SiteCode, RefundId, TransactionId, Amount, Status, Hash.
- GetTransaction: transactionId, merchantCode, siteCode, transactionReference, currencyCode, amount, status,
  statusMessage, createdDate, paymentDate. PostPaymentRequest answers {paymentRequestId, url, errorMessage}:
  errorMessage set when the request was refused.

Lifecycle identity: an Ozow transaction (TransactionId) is the attempt; the merchant's TransactionReference is
the payment (a customer may retry under the same reference); a refund names its RefundId and the TransactionId
it refunds.
"""

from __future__ import annotations

STATUSES = {
    "complete": "APPROVED",
    "cancelled": "CANCELLED",
    "abandoned": "CANCELLED",
    "error": "ERROR",
    "pendinginvestigation": "PENDING",
    "pending": "PENDING",
}

REFUND_STATUSES = {"complete": "REFUNDED", "pending": "PENDING", "error": "DECLINED", "failed": "DECLINED",
                   "cancelled": "CANCELLED"}

REASONS = {
    # An Error status names no code: the bank processing failed.
    "error": "PROCESSING_ERROR",
    "failed": "UNKNOWN",
}

_PAYMENT_FIELDS = {
    "provider_transaction_id": ["TransactionId", "transactionId"],
    "status": ["Status", "status"],
    "reason_code": ["Status", "status"],
    "amount": ["Amount", "amount"],
    "currency": ["CurrencyCode", "currencyCode"],
    "event_time": ["paymentDate", "createdDate"],
    "merchant_id": ["SiteCode", "siteCode"],
    "attempt_id": ["TransactionId", "transactionId"],
    "payment_id": ["TransactionReference", "transactionReference"],
}

SPEC = {
    "provider": "ozow",
    "aliases": ["ozow", "i-pay", "ipay", "ozow instant eft", "ozow_eft", "ozow pay by bank"],
    "detect": [
        {"path": "SiteCode", "exists": True, "weight": 0.3},
        {"path": "TransactionReference", "exists": True, "weight": 0.2},
        {"path": "Status", "in": ["Complete", "Cancelled", "Error", "Abandoned", "PendingInvestigation", "Pending"],
         "weight": 0.2},
        {"path": "Hash", "exists": True, "weight": 0.1},
        {"path": "IsTest", "exists": True, "weight": 0.1},
        {"path": "siteCode", "exists": True, "weight": 0.3},
        {"path": "transactionReference", "exists": True, "weight": 0.2},
        {"path": "merchantCode", "exists": True, "weight": 0.1},
        {"path": "status", "in": ["Complete", "Cancelled", "Error", "Abandoned", "PendingInvestigation"], "weight": 0.1},
        {"path": "paymentRequestId", "exists": True, "weight": 0.1},
        {"path": "url", "prefix": ["https://pay.ozow.com", "https://i-pay.co.za"], "weight": 0.4},
    ],
    "amount_unit": "major",
    "default_currency": "ZAR",  # Ozow moves rand only; a body without an amount names no currency
    "status_map": STATUSES,
    "reason_map": REASONS,
    "default_payment_method": "BANK_TRANSFER",
    "variants": [
        {"name": "refund_notification", "match": {"RefundId": {"exists": True}},
         "fields": {**_PAYMENT_FIELDS, "provider_transaction_id": ["RefundId"], "refund_id": ["RefundId"]},
         "status_map": REFUND_STATUSES, "event_kind": "REFUND"},
        {"name": "payment_request_refused", "match": {"paymentRequestId": {"exists": False}, "errorMessage": {"exists": True}},
         "status": "ERROR", "fields": {"reason_code": ["errorMessage"]}, "default_currency": None,
         "rules": [{"when": {}, "set": {"failure_reason": "INVALID_REQUEST"}}]},
        {"name": "payment_request", "match": {"paymentRequestId": {"exists": True}, "url": {"exists": True}},
         "status": "PENDING", "event_kind": "PAYMENT", "default_currency": None,
         "fields": {"provider_transaction_id": ["paymentRequestId"], "payment_id": ["paymentRequestId"]}},
        {"name": "transaction", "match": {"Status": {"exists": True}}, "fields": _PAYMENT_FIELDS},
        {"name": "transaction_api", "match": {"status": {"exists": True}, "transactionId": {"exists": True}},
         "fields": _PAYMENT_FIELDS},
    ],
}
