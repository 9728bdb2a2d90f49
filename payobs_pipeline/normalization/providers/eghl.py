"""eGHL (GHL Systems, Malaysia and South-East Asia) Payment Gateway: the payment response posted to the merchant's
return and callback URLs (TransactionType SALE / AUTH), and the answers of the merchant API calls Query, Capture,
Refund and Reversal (TransactionType QUERY, CAPTURE, REFUND, RSALE).

Sources (SDK source: the stored corpora held no eGHL API reference page):
- eGHL's own packages as vendored in yewzy/EGHL-Plugin: e-ghl/omnipay src/Message/CompletePurchaseResponse.php
  (TxnStatus "0" completed, "1" failed, "2" pending; a failure with TxnMessage "Buyer cancelled" is the buyer
  cancelling; PaymentID the transaction id, TxnID the gateway's reference), e-ghl/merchant-api src/core/APIBase.php
  (every API answer: TxnStatus 0 success, 1 fail, 2 pending; TransactionType RSALE for a reversal, the API name
  otherwise), src/Query.php (TxnStatus 9 reversed, 10 refunded, 15 authorised, 16 captured, 31 reversal pending,
  2 with a TxnID and a BankRefNo or AuthCode "pending by bank", -1 the transaction does not exist, -2 system
  error; TxnExists), src/Refund.php and src/Reversal.php (-1 not found, -2 system error), README.md ("Only the
  transactions with PymtMethod = CC are refundable online", "Reversal of a transaction already settled by bank will
  be rejected with fail status", a partial reversal "will be rejected with not found status"); the WooCommerce
  gateway class-wc-gateway-eghl.php (the response fields: TransactionType, PymtMethod, ServiceID, PaymentID,
  OrderNumber, Amount, CurrencyCode, TxnID, TxnStatus, AuthCode, TxnMessage, IssuingBank, HashValue2, PromoCode).
- PymtMethod: CC (card) and DD (direct debit, i.e. online banking) appear in those sources; WA (e-wallet) and OTC
  (over the counter) rest on recollection of the eGHL API guide.

Amount is a decimal in major units with its CurrencyCode ("123.10" MYR). eGHL gives no decline-reason table: a
failed payment names its cause only in the free-text TxnMessage, so its reason stays UNKNOWN (raw_reason_code keeps
the message). A reversal answer's pending (2) is left unmapped: a VOID takes CANCELLED or ERROR.

Lifecycle identity: PaymentID ("unique string for each payment") is the attempt; OrderNumber ("can duplicate", the
merchant's order) is the payment; TxnID is eGHL's reference. Refund and reversal answers name the payment's
PaymentID and no refund id of their own.
"""

from __future__ import annotations

SUCCESS, FAILED, PENDING = "0", "1", "2"
NOT_FOUND, SYSTEM_ERROR = "-1", "-2"

# Query TxnStatus (Query.php): the payment's state.
QUERY_STATUSES = {
    SUCCESS: "APPROVED",
    FAILED: "DECLINED",
    PENDING: "PENDING",
    "9": "CANCELLED",  # reversed
    "10": "REFUNDED",
    "15": "APPROVED",  # authorised
    "16": "APPROVED",  # captured
    "31": "PENDING",  # reversal pending
    NOT_FOUND: "ERROR",
    SYSTEM_ERROR: "ERROR",
}

REASONS = {
    NOT_FOUND: "INVALID_REQUEST",  # the transaction does not exist (or a partial reversal)
    SYSTEM_ERROR: "PROCESSING_ERROR",
}

PAYMENT_METHODS = {"CC": "CARD", "DD": "BANK_TRANSFER", "WA": "WALLET", "OTC": "CASH_VOUCHER"}

TRANSACTION_TYPES = ["SALE", "AUTH", "CAPTURE", "REFUND", "RSALE", "QUERY"]

_API_ERRORS = {NOT_FOUND: "ERROR", SYSTEM_ERROR: "ERROR"}

SPEC = {
    "provider": "eghl",
    "aliases": ["eghl", "e-ghl", "ghl", "ghl systems", "e-ghl.com", "eghl payment gateway"],
    "detect": [
        {"path": "HashValue2", "exists": True, "weight": 0.3},
        {"path": "TxnStatus", "in": list(QUERY_STATUSES), "weight": 0.15},
        {"path": "PymtMethod", "in": [*PAYMENT_METHODS, "ANY"], "weight": 0.2},
        {"path": "ServiceID", "exists": True, "weight": 0.15},
        {"path": "TxnMessage", "exists": True, "weight": 0.15},
        {"path": "TransactionType", "in": TRANSACTION_TYPES, "weight": 0.15},
        {"path": "PaymentID", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "major",
    "fields": {
        "provider_transaction_id": ["TxnID", "PaymentID"],
        "attempt_id": ["PaymentID"],
        "payment_id": ["OrderNumber"],
        "merchant_id": ["ServiceID"],
        "status": ["TxnStatus"],
        "reason_code": ["TxnMessage", "TxnStatus"],
        "amount": ["Amount"],
        "currency": ["CurrencyCode"],
        "payment_method": ["PymtMethod"],
    },
    "payment_method_map": PAYMENT_METHODS,
    "reason_map": REASONS,
    "variants": [
        {
            "name": "query",
            "match": {"TransactionType": "QUERY"},
            "status_map": QUERY_STATUSES,
            "fields": {"refund_id": []},  # a refunded payment (10) names no refund of its own
            "rules": [
                {"when": {"TxnStatus": "9"}, "set": {"event_kind": "VOID"}},
                {"when": {"TxnStatus": "31"}, "set": {"event_kind": "VOID"}},
                {"when": {"TxnStatus": "16"}, "set": {"event_kind": "CAPTURE"}},
            ],
        },
        {
            "name": "refund",
            "match": {"TransactionType": "REFUND"},
            "event_kind": "REFUND",
            "fields": {"refund_id": []},
            "status_map": {SUCCESS: "REFUNDED", FAILED: "DECLINED", PENDING: "PENDING", **_API_ERRORS},
        },
        {
            "name": "reversal",
            "match": {"TransactionType": "RSALE"},
            "event_kind": "VOID",
            # Fail: e.g. the bank has settled the transaction already; the void did not happen.
            "status_map": {SUCCESS: "CANCELLED", FAILED: "ERROR", **_API_ERRORS},
        },
        {
            "name": "capture",
            "match": {"TransactionType": "CAPTURE"},
            "event_kind": "CAPTURE",
            "status_map": {SUCCESS: "APPROVED", FAILED: "DECLINED", PENDING: "PENDING", **_API_ERRORS},
        },
        {
            # The payment response (return / callback URL) of a SALE or an AUTH.
            "name": "payment",
            "match": {"TxnStatus": {"exists": True}, "TransactionType": {"not_in": ["QUERY", "REFUND", "RSALE",
                                                                                     "CAPTURE"]}},
            "status_map": {SUCCESS: "APPROVED", FAILED: "DECLINED", PENDING: "PENDING", **_API_ERRORS},
            "rules": [{"when": {"TxnStatus": FAILED, "TxnMessage": "Buyer cancelled"},
                       "set": {"status_category": "CANCELLED"}}],
        },
    ],
}
