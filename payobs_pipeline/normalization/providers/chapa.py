"""Chapa (Ethiopia): the Verify Transaction answer, the webhook event (a flat transaction with its event name), and
the API's error answers (v1 {message, status "failed", data null}; v2 {status "error", message, error {code}}).

Sources:
- Verify Payments (developer.chapa.co/docs/verify-payments): GET /v1/transaction/verify/<tx_ref>, tx_ref the
  merchant's reference; the answer {message, status, data {first_name, last_name, email, currency, amount, charge,
  mode, method, type, status, reference, tx_ref, customization, meta, created_at, updated_at}} with the amount a
  decimal in the currency (ETB, USD). The outer status is the call's, data.status the transaction's (success,
  pending, failed).
- Webhooks (developer.chapa.co/docs/webhooks) and the payload as Chapa integrations read it (a Chapa SDK's
  TransactionWebhookResponse type: event charge.success | charge.refunded | charge.reversed |
  charge.failed/cancelled, status success | refunded | reversed | failed/cancelled, first_name, last_name, email,
  mobile, currency, amount, charge, mode, reference, created_at, updated_at, type, tx_ref, payment_method,
  customization, meta; TransferEvent payout.success | payout.failed/cancelled). The older event list of the stored
  webhooks page (charge.dispute.*, invoice.*, subscription.*, transfer.*, customeridentification.*) is Paystack's
  shape, with no Chapa payload documented: only transfer.* / payout.* are read here, as not payments.
- Error Codes (developer.chapa.co/integrations/responses): message / status failed / HTTP status / data null, e.g.
  "Authorization required" 401, "Invalid API Key or User doesn't exist" 401, "Invalid currency, currency is not
  supported" 400, "Transaction reference has been used before" 400, "User can't receive payments" 400, "Payments
  through API is disabled, please contact us" 404; v2 Error Codes (Chapa docs v2, error-codes): INVALID_FORMAT,
  INVALID_VALUE, MISSING_REQUIRED_FIELD, INVALID_STATE ("Transaction reference has been used before"), NOT_FOUND,
  PROCESSING_FAILED.

Read as: success -> APPROVED, pending -> PENDING, failed and failed/cancelled -> DECLINED (Chapa gives no reason),
cancelled -> CANCELLED, refunded -> REFUNDED, reversed -> REFUNDED (a REFUND: the payment's money returned; a
reading of the event's name, Chapa does not say more). The reversal and "cancelled" alone rest on integrations'
code, not on a stored Chapa page.
"""

from __future__ import annotations

STATUSES = {
    "success": "APPROVED",
    "successful": "APPROVED",
    "pending": "PENDING",
    "failed": "DECLINED",
    "failed/cancelled": "DECLINED",
    "cancelled": "CANCELLED",
    "refunded": "REFUNDED",
    "reversed": "REFUNDED",
}
EVENTS = {
    "charge.success": "APPROVED",
    "charge.failed/cancelled": "DECLINED",
    "charge.failed": "DECLINED",
    "charge.cancelled": "CANCELLED",
}
REFUND_EVENTS = {"charge.refunded": "REFUNDED", "charge.reversed": "REFUNDED"}
PAYOUT_EVENTS = ["payout.success", "payout.failed/cancelled", "transfer.success", "transfer.failed",
                 "transfer.reversed"]

# The error answers: v1 messages and v2 error codes.
ERROR_REASONS = {
    "Authorization required": "CONFIGURATION_ERROR",
    "Invalid API Key or User doesn't exist": "CONFIGURATION_ERROR",
    "Invalid API Key": "CONFIGURATION_ERROR",
    "Invalid currency, currency is not supported": "INVALID_REQUEST",
    "Transaction reference has been used before": "DUPLICATE",
    "User can't receive payments": "CONFIGURATION_ERROR",
    "Payments through API is disabled, please contact us": "CONFIGURATION_ERROR",
    "Merchant's share of payment is not enough to cover transaction fee.": "INVALID_REQUEST",
    "Merchant fee is greater than split flat amount.": "INVALID_REQUEST",
    "Invalid transaction or Transaction not found": "INVALID_REQUEST",
    "INVALID_FORMAT": "INVALID_REQUEST",
    "INVALID_VALUE": "INVALID_REQUEST",
    "MISSING_REQUIRED_FIELD": "INVALID_REQUEST",
    "INVALID_STATE": "INVALID_REQUEST",
    "NOT_FOUND": "INVALID_REQUEST",
    "PROCESSING_FAILED": "PROCESSING_ERROR",
}

PAYMENT_METHODS = {
    "telebirr": "WALLET", "cbebirr": "WALLET", "mpesa": "WALLET", "m-pesa": "WALLET", "ebirr": "WALLET",
    "amole": "WALLET", "awash_birr": "WALLET", "coopay_ebirr": "WALLET", "paypal": "WALLET",
    "card": "CARD", "visa": "CARD", "mastercard": "CARD",
}

_TRANSACTION = {
    "provider_transaction_id": ["reference"],
    "status": ["status"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["updated_at", "created_at"],
    "payment_method": ["payment_method", "method"],
    "attempt_id": ["reference"],
    "payment_id": ["tx_ref"],
}

SPEC = {
    "provider": "chapa",
    "aliases": ["chapa", "chapa.co", "chapa pay", "chapa payments", "api.chapa.co"],
    "detect": [
        {"path": "event", "in": [*EVENTS, *REFUND_EVENTS, "payout.success", "payout.failed/cancelled"],
         "weight": 0.35},
        {"path": "tx_ref", "exists": True, "weight": 0.15},
        {"path": "data.tx_ref", "exists": True, "weight": 0.15},
        {"path": "charge", "exists": True, "weight": 0.1},
        {"path": "data.charge", "exists": True, "weight": 0.1},
        {"path": "customization", "exists": True, "weight": 0.15},
        {"path": "data.customization", "exists": True, "weight": 0.15},
        {"path": "mode", "in": ["live", "test"], "weight": 0.05},
        {"path": "data.mode", "in": ["live", "test"], "weight": 0.05},
        {"path": "first_name", "exists": True, "weight": 0.05},
        {"path": "data.first_name", "exists": True, "weight": 0.05},
        {"path": "currency", "in": ["ETB"], "weight": 0.1},
        {"path": "data.currency", "in": ["ETB"], "weight": 0.1},
    ],
    "amount_unit": "major",
    "status_map": STATUSES,
    "reason_map": ERROR_REASONS,
    "payment_method_map": PAYMENT_METHODS,
    "fields": _TRANSACTION,
    "variants": [
        {
            "name": "webhook.payout",
            "match": {"event": {"in": PAYOUT_EVENTS}},
            "not_a_payment": "a payout (transfer) to a bank account or wallet, no payment",
        },
        {
            "name": "webhook.refund",
            "match": {"event": {"in": list(REFUND_EVENTS)}},
            "event_kind": "REFUND",
            "status_map": REFUND_EVENTS,
            "fields": {**_TRANSACTION, "status": ["event"], "attempt_id": [], "refund_id": ["reference"]},
        },
        {
            "name": "webhook.charge",
            "match": {"event": {"in": list(EVENTS)}, "tx_ref": {"exists": True}},
            "status_map": EVENTS,
            "fields": {**_TRANSACTION, "status": ["event"]},
        },
        {
            "name": "verify",
            "root": "data",
            "match": {"^data.tx_ref": {"exists": True}, "^data.status": {"exists": True}},
        },
        {
            "name": "error.v2",
            "match": {"status": "error", "error.code": {"exists": True}},
            "status": "ERROR",
            "fields": {"reason_code": ["error.code", "message"]},
        },
        {
            "name": "error.v1",
            "match": {"status": "failed", "message": {"exists": True}, "data": {"exists": False}},
            "status": "ERROR",
            "fields": {"reason_code": ["message"]},
        },
    ],
}
