"""PayU India (PayU Biz, payu.in): the ``verify_payment`` API answer (postservice.php?form=2). The same PayU group
as providers/payu.py, which already reads PayU India's return / webhook post (mihpayid, status, unmappedstatus);
this module adds the verify_payment answer, which payu.py does not read, under the same ``payu`` provider (one
mapping per API, as PayPal REST / NVP / SOAP): the hint names PayU, the shape picks the module.

Sources:
- docs.payu.in Verify Payment API (command ``verify_payment``): {status (1: the call worked), msg ("1 out of 1
  Transactions Fetched Successfully"), transaction_details: {<txnid>: {mihpayid, request_id, bank_ref_num, amt,
  transaction_amount, txnid, additional_charges, productinfo, firstname, bankcode, udf1-5, field9, error_code,
  error_Message, addedon, status, unmappedstatus, Merchant_UTR, Settled_At, net_amount_debit, disc, mode,
  PG_TYPE, card_no, name_on_card, issuing_bank, card_type}}}; a txnid PayU does not know answers
  {mihpayid: "Not Found", status: "Not Found"}. The answer's layout is from recollection of that page; the stored
  docs give the status words.
- docs.payu.in/reference-link/payment-state-explanations: "You must map the order status using the payment state
  specified in the Status column": auth, captured -> Success; userCancelled (cancelled by the customer), bounced
  (not completed by the customer), dropped (PayU got no response from the payment gateway), failed -> Failure.
- docs.payu.in/docs/error-codes ("the PayU Error Code column corresponds to the value returned in the error
  parameter"): only the entries the stored copy shows are mapped (E1620 / E907 wrong payment method selected,
  E4316 / E4317 / E4318 withdrawal stopped (account holder deceased, insolvent, of unsound mind), E4684 VPA not
  available); the table has thousands of codes, the rest were not retrievable. A failure without a known code
  is PayU's generic failure (GENERIC_DECLINE, as payu.py reads it), dropped a TIMEOUT; field9 / error_Message
  stay the raw text.

``prepare`` lifts the one transaction of ``transaction_details`` (keyed by the merchant's txnid) to a fixed name,
for the spec's paths. PayU India charges rupees and the answer names no currency: INR.

Lifecycle identity: mihpayid is the attempt; the merchant's txnid the payment.
"""

from __future__ import annotations

from typing import Any

TXN_KEY = "_payu_transaction"

STATUSES = {
    "success": "APPROVED",
    "failure": "DECLINED",
    "pending": "PENDING",
    "captured": "APPROVED",
    "auth": "APPROVED",  # authorized at the bank, not yet captured at PayU
    "usercancelled": "CANCELLED",
    "bounced": "CANCELLED",
    "dropped": "UNKNOWN",  # PayU got no response from the payment gateway
    "failed": "DECLINED",
    "in progress": "PENDING",
    "initiated": "PENDING",
}
REASONS = {
    "E1620": "INVALID_REQUEST",  # payment method enforced and a wrong one selected
    "E907": "INVALID_REQUEST",  # wrong payment method selected
    "E4316": "RESTRICTED_CARD",  # withdrawal stopped owing to death of the account holder
    "E4317": "RESTRICTED_CARD",  # withdrawal stopped owing to insolvency of the account
    "E4318": "RESTRICTED_CARD",  # withdrawal stopped owing to lunacy of the account holder
    "E4684": "INVALID_CARD_DATA",  # VPA is not available for transaction
    "failed": "GENERIC_DECLINE",
    "failure": "GENERIC_DECLINE",
    "dropped": "TIMEOUT",
}
PAYMENT_METHODS = {"CC": "CARD", "DC": "CARD", "EMI": "CARD", "NB": "BANK_TRANSFER", "UPI": "BANK_TRANSFER",
                   "CASH": "WALLET"}

SPEC = {
    "provider": "payu",
    "aliases": ["payu", "payu india", "payu_india", "payu_in", "payuin", "payubiz", "payu_biz", "payu.in"],
    "detect": [
        {"path": "transaction_details", "exists": True, "weight": 0.25},
        {"path": "msg", "exists": True, "weight": 0.15},
        {"path": "status", "in": ["1", "0"], "weight": 0.1},
    ],
    "amount_unit": "major",
    "default_currency": "INR",
    "status_map": STATUSES,
    "reason_map": REASONS,
    "payment_method_map": PAYMENT_METHODS,
    "variants": [
        {
            "name": "india.verify_payment.not_found",
            "match": {f"{TXN_KEY}.status": "Not Found"},
            "not_a_payment": "PayU knows no transaction by this txnid: an answer to a lookup, no payment",
        },
        {
            "name": "india.verify_payment",
            "match": {f"{TXN_KEY}.mihpayid": {"exists": True}},
            "root": TXN_KEY,
            "fields": {
                "provider_transaction_id": ["mihpayid"],
                "status": ["unmappedstatus", "status"],
                "reason_code": ["error_code", "unmappedstatus", "status"],
                "amount": ["transaction_amount", "amt"],
                "event_time": ["addedon"],
                "payment_method": ["mode"],
                "attempt_id": ["mihpayid"],
                "payment_id": ["txnid"],
            },
        },
    ],
}


def prepare(body: Any) -> Any:
    """Lift the single transaction of ``transaction_details`` to ``_payu_transaction``.

    Pure: returns a copy with the added key; the payload is untouched.
    """
    if not isinstance(body, dict):
        return body
    details = body.get("transaction_details")
    if not isinstance(details, dict) or len(details) != 1:
        return body
    (transaction,) = details.values()
    return {**body, TXN_KEY: transaction} if isinstance(transaction, dict) else body
