"""ZEN.com (ZEN Payments, Lithuania / Poland): the purchase and refund transaction objects of the API answers and
the Instant Payment Notification (IPN), and the API error body.

Sources:
- docs.zen.com/payments/api-integration/payment-process ("the Payment is now PENDING ... an IPN informs you of
  the Payment's status: AUTHORIZED, CANCELED, REJECTED, or ACCEPTED"; "Rejected Transactions also contain a
  rejection reason code"), docs.zen.com IPN page / developer.zen.com Notifications ("IPN with status ACCEPTED is
  confirmation of successful transaction"), docs.zen.com/payments/api-integration/refund-transaction (the refund
  answer {id, parentTransactionId, merchantTransactionId, originMerchantTransactionId, amount "123.45" (major
  units, a decimal string), currency, authorization {amount, currency}, createdAt, modifiedAt, type TRT_REFUND,
  status ACCEPTED, paymentChannel PCL_CARD}); developer.zen.com/payments/api/powerapi.html (the usual HTTP answers
  400, 401, 403, 404, 405; "the full list of error codes" is on the rejection-codes page).
- SDK source, juspay/hyperswitch crates/hyperswitch_connectors/src/connectors/zen/transformers.rs: the status
  enum AUTHORIZED, ACCEPTED, PENDING, REJECTED, CANCELED (refunds: AUTHORIZED, ACCEPTED, PENDING, REJECTED);
  the answer {status, id, merchantAction, rejectCode, rejectReason}; the IPN {type TRT_PURCHASE | TRT_REFUND,
  transactionId, merchantTransactionId, amount, currency, status, hash}; the error body {error {code, message},
  message}; the payment channels PCL_CARD, PCL_GOOGLEPAY, PCL_APPLEPAY, PCL_BOACOMPRA_BOLETO / EFECTY /
  MULTIBANCO / PAGOEFECTIVO / PIX / PSE / REDCOMPRA / REDPAGOS.

Not mapped: ZEN's rejection-code table (zen.com/developer/api-integration#rejection-codes, the docs' "Error
codes" page) was not readable in the stored sources, so a REJECTED transaction keeps its rejectCode as the raw
reason with failure_reason UNKNOWN, and an error body's code likewise. No payout, chargeback or dispute message
shape was found.

Reading: AUTHORIZED is an approved authorization awaiting capture (hyperswitch keeps it pending until the
ACCEPTED IPN; the taxonomy counts an authorization as APPROVED); CANCELED is CANCELLED (ZEN does not say whether
before or after an authorization, so the event stays an AUTHORIZATION).
A TRT_REFUND transaction is a refund: ACCEPTED is the refund done, REJECTED a failed refund.

Lifecycle identity: ZEN's transaction id (``id`` / ``transactionId``) is the attempt; the merchant's
merchantTransactionId is the payment; a refund's own id is the refund and its parentTransactionId the attempt.
"""

from __future__ import annotations

STATUSES = {
    "ACCEPTED": "APPROVED",
    "AUTHORIZED": "APPROVED",
    "PENDING": "PENDING",
    "REJECTED": "DECLINED",
    "CANCELED": "CANCELLED",
}
REFUND_STATUSES = {
    "ACCEPTED": "REFUNDED",
    "AUTHORIZED": "PENDING",
    "PENDING": "PENDING",
    "REJECTED": "DECLINED",
    "CANCELED": "CANCELLED",
}

PAYMENT_CHANNELS = {
    "PCL_CARD": "CARD",
    "PCL_GOOGLEPAY": "WALLET",
    "PCL_APPLEPAY": "WALLET",
    "PCL_BOACOMPRA_BOLETO": "BOLETO",
    "PCL_BOACOMPRA_EFECTY": "CASH_VOUCHER",
    "PCL_BOACOMPRA_PAGOEFECTIVO": "CASH_VOUCHER",
    "PCL_BOACOMPRA_REDPAGOS": "CASH_VOUCHER",
    "PCL_BOACOMPRA_MULTIBANCO": "CASH_VOUCHER",
    "PCL_BOACOMPRA_PIX": "PIX",
    "PCL_BOACOMPRA_PSE": "BANK_TRANSFER",
    "PCL_BOACOMPRA_REDCOMPRA": "BANK_TRANSFER",
}

TRANSACTION_TYPES = ["TRT_PURCHASE", "TRT_REFUND"]

_FIELDS = {
    "provider_transaction_id": ["id", "transactionId"],
    "status": ["status"],
    "reason_code": ["rejectCode"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["modifiedAt", "createdAt"],
    "payment_method": ["paymentChannel"],
    "attempt_id": ["id", "transactionId"],
    "payment_id": ["merchantTransactionId"],
}

SPEC = {
    "provider": "zen",
    "aliases": ["zen", "zen.com", "zen payments", "zen.com payments", "zen com"],
    "detect": [
        {"path": "type", "in": TRANSACTION_TYPES, "weight": 0.5},
        {"path": "paymentChannel", "prefix": "PCL_", "weight": 0.4},
        {"path": "merchantTransactionId", "exists": True, "weight": 0.1},
        {"path": "rejectCode", "exists": True, "weight": 0.05},
        {"path": "status", "in": list(STATUSES), "weight": 0.05},
    ],
    "amount_unit": "major",
    "status_map": STATUSES,
    "payment_method_map": PAYMENT_CHANNELS,
    "fields": _FIELDS,
    "variants": [
        {
            "name": "error",
            "match": {"error.code": {"exists": True}, "status": {"exists": False}},
            "status": "ERROR",
            "fields": {"reason_code": ["error.code"], "amount": [], "provider_transaction_id": []},
        },
        {
            "name": "refund",
            "match": {"type": "TRT_REFUND", "status": {"exists": True}},
            "event_kind": "REFUND",
            "status_map": REFUND_STATUSES,
            "fields": {**_FIELDS, "refund_id": ["id", "transactionId"], "attempt_id": ["parentTransactionId"],
                       "payment_id": ["originMerchantTransactionId"]},
        },
        {
            "name": "purchase",
            "match": {"status": {"in": list(STATUSES)}, "merchantTransactionId": {"exists": True}},
        },
        {
            # The direct API answer {status, id, merchantAction, rejectCode, rejectReason} names no merchant id.
            "name": "api_answer",
            "match": {"status": {"in": list(STATUSES)}, "id": {"exists": True}},
        },
    ],
}
