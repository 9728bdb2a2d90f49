"""Interswitch (Nigeria): the WebPAY / Quickteller payment gateway's transaction query answer
(``gettransaction.json``) and the parameters posted back to the merchant's redirect URL.

Sources:
- WebPAY transaction confirmation leg, response codes
  (https://sandbox.interswitchng.com/docbase/docs/webpay/transaction-confirmation-leg/response-codes): 00 "the
  transaction was Successful/Approved by the payers' bank", Z6 "Customer cancelled the transaction before payment
  was made", 51 "Insufficient funds to make payment", Z1 "a general response code ... an Error with the
  transaction (e.g. No card record, Pin tries exceeded, insufficient funds, etc.) More details will be provided
  in the ResponseDescription" (Interswitch's answer on connect.interswitchng.com: "Z1 is used to mask failed
  responses").
- The complete WebPAY list (ISO 8583 field 39 descriptions 01-98 and Interswitch's own A0 Unexpected error, A4
  Transaction not permitted to card holder via channels, Z0 Transaction Status Unconfirmed, Z1 Transaction Error,
  Z2 Bank account error, Z3 Bank collections account error, Z4 Interface Integration Error, Z5 Duplicate
  Reference Error, Z6 Incomplete Transaction, Z7 Transaction Split Pre-processing Error, Z8 Invalid Card Number
  via channels, Z9 Transaction not permitted to card holder via channels), as WebPAY integrations copy it.
- Interswitch transaction search response statuses
  (https://docs.interswitchgroup.com/docs/swol-response-codes): 00 Approved; 09 or no response code Pending;
  every other code Failed.
- The gettransaction.json answer: Amount (kobo: WebPAY amounts are in the currency's minor unit), CardNumber
  (last digits), MerchantReference (the merchant's txn_ref), PaymentReference, RetrievalReferenceNumber,
  LeadBankCbnCode, LeadBankName, SplitAccounts, TransactionDate, ResponseCode, ResponseDescription. It names
  no currency: WebPAY's currency is 566, the naira (NGN).
- The redirect back posts txnref, payRef, retRef, cardNum, apprAmt (kobo), resp, desc.

ISO 8583 codes take their reasons from the shared table; 17 (customer cancellation) and Z6 are CANCELLED, 09 is
PENDING, Z0 (status unconfirmed) is UNKNOWN; Z2-Z5, Z7 and A0 are the gateway's or merchant's errors (ERROR).

Lifecycle identity: Interswitch's PaymentReference (payRef) is the attempt; the merchant's MerchantReference
(txn_ref) is the payment.
"""

from __future__ import annotations

ISO_DECLINES = ("01", "02", "03", "04", "05", "06", "07", "12", "13", "14", "15", "18", "19", "20", "21", "22",
                "23", "24", "25", "26", "27", "28", "29", "30", "31", "32", "33", "34", "35", "36", "37", "38",
                "39", "40", "41", "42", "43", "44", "51", "52", "53", "54", "55", "56", "57", "58", "59", "60",
                "61", "62", "63", "64", "65", "66", "67", "68", "75", "76", "77", "78", "90", "91", "92", "93",
                "94", "95", "96", "97", "98")

STATUSES = {
    "00": "APPROVED",
    "08": "APPROVED",  # Honor with identification
    "10": "APPROVED",  # Approved by Financial Institution, Partial
    "11": "APPROVED",  # Approved by Financial Institution, VIP
    "16": "APPROVED",  # Approved by Financial Institution, Update Track 3
    "09": "PENDING",  # Request in Progress
    "17": "CANCELLED",  # Customer Cancellation
    "Z6": "CANCELLED",  # the customer cancelled before paying (Incomplete Transaction)
    "Z0": "UNKNOWN",  # Transaction Status Unconfirmed
    "Z1": "DECLINED",  # Transaction Error (masks the failure; the description says more)
    "Z8": "DECLINED",
    "Z9": "DECLINED",
    "A4": "DECLINED",
    **{code: "ERROR" for code in ("Z2", "Z3", "Z4", "Z5", "Z7", "A0")},
    **{code: "DECLINED" for code in ISO_DECLINES},
}

# Interswitch's own codes; the ISO 8583 codes read through the shared table (reason_fallback).
REASONS = {
    "Z0": "UNKNOWN",
    "Z1": "UNKNOWN",
    "Z2": "CONFIGURATION_ERROR",  # bank account error
    "Z3": "CONFIGURATION_ERROR",  # bank collections account error
    "Z4": "CONFIGURATION_ERROR",  # interface integration error
    "Z5": "DUPLICATE",  # duplicate reference
    "Z7": "PROCESSING_ERROR",  # transaction split pre-processing error
    "Z8": "INVALID_CARD_DATA",
    "Z9": "TRANSACTION_NOT_PERMITTED",
    "A0": "PROCESSING_ERROR",  # unexpected error
    "A4": "TRANSACTION_NOT_PERMITTED",
}

SPEC = {
    "provider": "interswitch",
    "aliases": ["interswitch", "interswitch webpay", "webpay interswitch", "quickteller", "quickteller business",
                "interswitchng", "interswitch ipg", "isw"],
    "detect": [
        # gettransaction.json.
        {"path": "PaymentReference", "exists": True, "weight": 0.3},
        {"path": "RetrievalReferenceNumber", "exists": True, "weight": 0.2},
        {"path": "MerchantReference", "exists": True, "weight": 0.1},
        {"path": "LeadBankCbnCode", "exists": True, "weight": 0.3},
        {"path": "SplitAccounts", "exists": True, "weight": 0.2},
        {"path": "ResponseCode", "exists": True, "weight": 0.1},
        {"path": "ResponseDescription", "exists": True, "weight": 0.1},
        # The redirect back.
        {"path": "payRef", "exists": True, "weight": 0.3},
        {"path": "txnref", "exists": True, "weight": 0.2},
        {"path": "retRef", "exists": True, "weight": 0.2},
        {"path": "apprAmt", "exists": True, "weight": 0.2},
    ],
    "amount_unit": "minor",
    "default_currency": "NGN",
    "status_map": STATUSES,
    "reason_map": REASONS,
    "reason_fallback": "iso8583",
    "variants": [
        {"name": "redirect", "match": {"resp": {"exists": True}, "txnref": {"exists": True}},
         "event_kind": "AUTHORIZATION",
         "fields": {"provider_transaction_id": ["payRef", "retRef"], "status": ["resp"], "reason_code": ["resp"],
                    "amount": ["apprAmt"], "attempt_id": ["payRef"], "payment_id": ["txnref"]}},
        {"name": "transaction_query", "match": {"ResponseCode": {"exists": True}}, "event_kind": "AUTHORIZATION",
         "fields": {"provider_transaction_id": ["PaymentReference", "RetrievalReferenceNumber"],
                    "status": ["ResponseCode"], "reason_code": ["ResponseCode"], "amount": ["Amount"],
                    "event_time": ["TransactionDate"], "attempt_id": ["PaymentReference"],
                    "payment_id": ["MerchantReference"]}},
    ],
}
