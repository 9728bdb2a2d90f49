"""PayGate PayWeb3 (DPO PayGate, South Africa; a DPO Group company, so its messages are ``dpo``'s): the
initiate answer, the redirect to the merchant's RETURN_URL, the notification posted to NOTIFY_URL and the query
answer, all key=value.

Sources (the PayGate documentation, docs.paygate.co.za/paygate-by-network):
- Result codes (reference/result-codes): "A TRANSACTION_STATUS of 2 typically means the payment was declined. A
  status of 0 means it was not processed, likely due to a system or communication failure." Credit card errors
  900001 Call for Approval, 900002 Card Expired, 900003 Insufficient Funds, 900004 Invalid Card Number, 900005
  Bank Interface Timeout, 900006 Invalid Card, 900007 Declined, 900009 Lost Card, 900010 Invalid Card Length,
  900011 Suspected Fraud, 900012 Card Reported as Stolen, 900013 Restricted Card, 900014 Excessive Card Usage,
  900015 Card Blacklisted, 900207 Declined; authentication failed, 990020 Auth Declined, 900210 3D Secure Lookup
  Timeout, 991001 Invalid expiry date, 991002 Invalid Amount; success 990017 Auth Done; communication errors
  900205 / 900206 Unexpected authentication result, 990001 Could not insert into Database, 990022 Bank not
  available, 990053 Error processing transaction; miscellaneous 900209 Transaction verification failed, 900019
  Invalid PayVault Scope, 990013 Error processing a batch transaction, 990024 Duplicate Transaction Detected,
  990028 Transaction cancelled (the customer clicked Cancel).
- FAQ (reference/frequently-asked-questions): approved = TRANSACTION_STATUS "1", RESULT_CODE "990017", AUTH_CODE
  not blank; a customer's Cancel gives TRANSACTION_STATUS "3", RESULT_CODE "990028", no TRANSACTION_ID.
- The PayWeb3 messages: initiate answers PAYGATE_ID, PAY_REQUEST_ID, REFERENCE, CHECKSUM (a payment page opened);
  the RETURN_URL redirect posts PAY_REQUEST_ID, TRANSACTION_STATUS, CHECKSUM; the notification and the query
  answer carry PAYGATE_ID, PAY_REQUEST_ID, REFERENCE, TRANSACTION_STATUS (0 Not Done, 1 Approved, 2 Declined,
  3 Cancelled, 4 User Cancelled, 5 Received by PayGate, 7 Settlement Voided), RESULT_CODE, AUTH_CODE, CURRENCY,
  AMOUNT (cents), RESULT_DESC, TRANSACTION_ID, RISK_INDICATOR, PAY_METHOD (CC credit card, DC debit card, EW
  e-wallet, BT bank transfer, CV cash voucher, PC pre-paid card), PAY_METHOD_DETAIL (Visa, MasterCard,
  SnapScan ...), VAULT_ID, CHECKSUM.

Lifecycle identity: PAY_REQUEST_ID is the attempt; the merchant's REFERENCE is the payment; TRANSACTION_ID is
PayGate's transaction once processed.
"""

from __future__ import annotations

STATUSES = {
    "0": "ERROR",  # Not Done: not processed (a system or communication failure)
    "1": "APPROVED",
    "2": "DECLINED",
    "3": "CANCELLED",
    "4": "CANCELLED",  # User Cancelled
    "5": "PENDING",  # Received by PayGate
    "7": "CANCELLED",  # Settlement Voided
}

REASONS = {
    "900001": "GENERIC_DECLINE",  # Call for Approval
    "900002": "EXPIRED_CARD",
    "900003": "INSUFFICIENT_FUNDS",
    "900004": "INVALID_CARD_DATA",
    "900005": "TIMEOUT",  # Bank Interface Timeout
    "900006": "INVALID_CARD_DATA",
    "900007": "GENERIC_DECLINE",
    "900009": "LOST_OR_STOLEN_CARD",
    "900010": "INVALID_CARD_DATA",
    "900011": "SUSPECTED_FRAUD",
    "900012": "LOST_OR_STOLEN_CARD",
    "900013": "RESTRICTED_CARD",
    "900014": "LIMIT_EXCEEDED",  # Excessive Card Usage
    "900015": "RISK_REJECTED",  # Card Blacklisted
    "900207": {"reason": "AUTHENTICATION_FAILED", "source": "CUSTOMER"},
    "990020": "GENERIC_DECLINE",  # Auth Declined
    "900210": "TIMEOUT",  # 3D Secure Lookup Timeout
    "991001": "INVALID_CARD_DATA",  # invalid expiry date
    "991002": "INVALID_REQUEST",  # invalid amount
    "900205": "PROCESSING_ERROR",
    "900206": "PROCESSING_ERROR",
    "990001": "PROCESSING_ERROR",
    "990022": "ISSUER_UNAVAILABLE",  # Bank not available
    "990053": "PROCESSING_ERROR",
    "900209": "AUTHENTICATION_FAILED",  # verification failed: altered 3-D Secure data
    "900019": "INVALID_REQUEST",  # invalid PayVault scope
    "990013": "PROCESSING_ERROR",
    "990024": "DUPLICATE",
}

PAYMENT_METHODS = {"CC": "CARD", "DC": "CARD", "PC": "CARD", "EW": "WALLET", "BT": "BANK_TRANSFER",
                   "CV": "CASH_VOUCHER"}

SPEC = {
    "provider": "dpo",
    "aliases": ["paygate", "paygate payweb", "payweb3", "paygate payweb3", "dpo paygate", "paygate by network"],
    "detect": [
        {"path": "PAY_REQUEST_ID", "exists": True, "weight": 0.4},
        {"path": "PAYGATE_ID", "exists": True, "weight": 0.4},
        {"path": "TRANSACTION_STATUS", "in": list(STATUSES), "weight": 0.2},
        {"path": "RESULT_CODE", "in": [*REASONS, "990017", "990028"], "weight": 0.2},
        {"path": "CHECKSUM", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "minor",
    "status_map": STATUSES,
    "reason_map": REASONS,
    "payment_method_map": PAYMENT_METHODS,
    "variants": [
        {"name": "payweb3.result", "match": {"TRANSACTION_STATUS": {"exists": True}},
         "event_kind": "AUTHORIZATION",
         "fields": {"provider_transaction_id": ["TRANSACTION_ID", "PAY_REQUEST_ID"], "status": ["TRANSACTION_STATUS"],
                    "reason_code": ["RESULT_CODE"], "amount": ["AMOUNT"], "currency": ["CURRENCY"],
                    "payment_method": ["PAY_METHOD"], "card_brand": ["PAY_METHOD_DETAIL"],
                    "merchant_id": ["PAYGATE_ID"], "attempt_id": ["PAY_REQUEST_ID"], "payment_id": ["REFERENCE"]},
         "rules": [{"when": {"TRANSACTION_STATUS": "7"}, "set": {"event_kind": "VOID"}}]},
        {"name": "payweb3.initiate", "match": {"PAY_REQUEST_ID": {"exists": True}, "PAYGATE_ID": {"exists": True}},
         "status": "PENDING", "event_kind": "PAYMENT",
         "fields": {"provider_transaction_id": ["PAY_REQUEST_ID"], "merchant_id": ["PAYGATE_ID"],
                    "attempt_id": ["PAY_REQUEST_ID"], "payment_id": ["REFERENCE"]}},
    ],
}
