"""Kredivo (Indonesian buy-now-pay-later, FinAccel): the push notification to the merchant's push_uri, the
Confirm purchase (``/kredivo/v2/update``) and Transaction status (``/kredivo/transaction/status``) answers, the
Checkout answer, the Cancel purchase answer and the error envelope.

Sources:
- Kredivo Checkout API documentation (doc.kredivo.com): "Push notification URI", "Confirm purchase",
  "Check transaction status", "Cancel purchase", "Checkout"; as catalogued field by field in
  api-evangelist/kredivo (asyncapi/kredivo-checkout-webhooks.yml, errors/kredivo-error-codes.yml,
  errors/kredivo-decline-codes.yml, each citing doc.kredivo.com) and modelled by the Go client
  insaneadinesia/go-kredivo response.go (ConfirmPurchaseResponse, TransactionStatusResponse, CheckoutResponse).
- The answer / notification fields: status (OK / ERROR: whether the call succeeded, not the payment), message,
  legal_name, fraud_status, order_id (the merchant's order), transaction_id (Kredivo's), transaction_status,
  transaction_time (Unix seconds), amount (a decimal string in rupiah), payment_type (the tenure the shopper
  chose: 30_days, 3_months, 6_months, 12_months ...), user_token (0-click), sub_merchant_id (QR / EDC),
  signature_key (push notification, to be confirmed through /kredivo/v2/update).
- transaction_status: settlement ("the transaction is successful", the only state to fulfil), pending ("the
  shopper has not completed the transaction"), deny ("denied by Kredivo"; no reason breakdown), cancel ("cancelled
  by the merchant"), expire ("the shopper did not complete the transaction"). fraud_status: accept, deny
  ("denied by the Fraud Detection System; the transaction automatically fails").
- Errors answer HTTP 200 with status ERROR and an ``error`` {code, message, kind} or a ``message``; documented:
  2415 "Cancellation amount bigger than remaining transaction amount that can be cancelled", 1009 "Transaksi sudah
  dibatalkan." (already cancelled), "Invalid merchant" (server key), "Invalid user_token", "Field secret_key is
  INCORRECT." (the signature key did not validate), "This order is already PROCESSED.", "This cancellation_id is
  already PROCESSED.".
- The token-deactivation notification {message, client_user_key} is about a stored account, not a payment.

Currency: the payloads name none; doc.kredivo.com states amounts in rupiah, so IDR. (Kredivo Vietnam,
doc-vn.kredivo.com, has its own merchant API; its answers would need a hint of their own to be read as VND.)

A deny names no reason: with fraud_status deny it is Kredivo's fraud system (RISK_REJECTED), otherwise Kredivo
as the lender declining the credit (GENERIC_DECLINE). A cancel is the merchant cancelling the purchase (VOID).
The cancellation errors 2415 and 1009 answer a Cancel purchase call, so they are VOID errors.

Lifecycle identity: Kredivo's transaction_id is the attempt; the merchant's order_id is the payment.
"""

from __future__ import annotations

TRANSACTION_STATUSES = {
    "settlement": "APPROVED",
    "pending": "PENDING",
    "deny": "DECLINED",
    "cancel": "CANCELLED",
    "expire": "CANCELLED",
}

REASONS = {
    "deny": "GENERIC_DECLINE",
    # Error envelope (codes and messages the docs show).
    "2415": "INVALID_REQUEST",
    "1009": "INVALID_REQUEST",
    "Transaksi sudah dibatalkan.": "INVALID_REQUEST",
    "Transaction is already cancelled.": "INVALID_REQUEST",
    "Cancellation amount bigger than remaining transaction amount that can be cancelled": "INVALID_REQUEST",
    "Invalid merchant": "CONFIGURATION_ERROR",
    "Invalid user_token": "INVALID_REQUEST",
    "Field secret_key is INCORRECT.": "INVALID_REQUEST",
    "This order is already PROCESSED.": "DUPLICATE",
    "This cancellation_id is already PROCESSED.": "DUPLICATE",
}

CANCELLATION_ERRORS = {"codes": ["2415", "1009"],
                       "messages": ["Transaksi sudah dibatalkan.", "Transaction is already cancelled.",
                                    "Cancellation amount bigger than remaining transaction amount that can be "
                                    "cancelled", "This cancellation_id is already PROCESSED."]}

TENURES = ["30_days", "3_months", "6_months", "9_months", "12_months", "18_months", "24_months"]

SPEC = {
    "provider": "kredivo",
    "aliases": ["kredivo", "kredivo checkout", "kredivo indonesia", "finaccel", "kredivo paylater"],
    "detect": [
        {"path": "payment_type", "in": TENURES, "weight": 0.5},
        {"path": "legal_name", "exists": True, "weight": 0.2},
        {"path": "transaction_status", "in": list(TRANSACTION_STATUSES), "weight": 0.2},
        {"path": "fraud_status", "in": ["accept", "deny"], "weight": 0.1},
        {"path": "external_userid", "exists": True, "weight": 0.1},
        {"path": "status", "in": ["OK", "ERROR"], "weight": 0.1},
        {"path": "redirect_url", "prefix": ["https://sandbox.kredivo.com/", "https://pay.kredivo.com/",
                                           "https://api.kredivo.com/"], "weight": 0.6},
        {"path": "client_user_key", "exists": True, "weight": 0.2},
    ],
    "amount_unit": "major",
    "default_currency": "IDR",
    "default_payment_method": "BNPL",
    "status_map": TRANSACTION_STATUSES,
    "reason_map": REASONS,
    "variants": [
        {
            "name": "error",
            "match": {"status": "ERROR"},
            "status": "ERROR",
            "default_currency": None,
            "fields": {"reason_code": ["error.code", "error.message", "message"], "payment_id": ["order_id"],
                       "provider_transaction_id": ["transaction_id"]},
            "rules": [
                {"when": {"error.code": {"in": CANCELLATION_ERRORS["codes"]}}, "set": {"event_kind": "VOID"}},
                {"when": {"error.message": {"in": CANCELLATION_ERRORS["messages"]}}, "set": {"event_kind": "VOID"}},
                {"when": {"message": {"in": CANCELLATION_ERRORS["messages"]}}, "set": {"event_kind": "VOID"}},
            ],
        },
        {
            "name": "token_deactivated",
            "match": {"client_user_key": {"exists": True}, "transaction_status": {"exists": False}},
            "not_a_payment": "a shopper deactivated a stored Kredivo account: no payment",
        },
        {
            "name": "checkout",
            "match": {"redirect_url": {"exists": True}, "transaction_status": {"exists": False}},
            "status": "PENDING",
            "event_kind": "PAYMENT",
            "default_currency": None,
            "fields": {"payment_id": ["order_id"]},
        },
        {
            "name": "transaction",
            "match": {"transaction_status": {"in": list(TRANSACTION_STATUSES)}},
            "fields": {
                "provider_transaction_id": ["transaction_id"],
                "status": ["transaction_status"],
                "reason_code": ["transaction_status"],
                "amount": ["amount"],
                "event_time": ["transaction_time"],
                "merchant_id": ["sub_merchant_id"],
                "attempt_id": ["transaction_id"],
                "payment_id": ["order_id"],
            },
            "rules": [
                {"when": {"transaction_status": "deny", "fraud_status": "deny"},
                 "set": {"failure_reason": "RISK_REJECTED"}},
                {"when": {"transaction_status": "cancel"}, "set": {"event_kind": "VOID"}},
            ],
        },
    ],
}
