"""Easebuzz (India): the payment response posted to the merchant's surl / furl and the webhook (the same fields),
the payment response handed back by the Easebuzz checkout SDKs, and the Transaction API answer around it.

Sources:
- Easebuzz payment response fields (docs.easebuzz.in, "Initiate Payment API" response / webhook; the field set as
  received by integrations, e.g. an Easebuzz checkout ``payment_response`` kept in a merchant app): txnid (the
  merchant's), easepayid (Easebuzz's), status, unmappedstatus, amount and net_amount_debit (decimal strings in
  rupees), mode, PG_TYPE, bank_ref_num, bankcode, cardCategory, card_type, cardnum, issuing_bank, name_on_card,
  upi_va, error, error_Message, addedon, productinfo, firstname, email, phone, key, udf1-10, payment_source
  ("Easebuzz"), cash_back_percentage, deduction_percentage, hash; "NA" where a field does not apply.
- status: success, failure, pending, userCancelled (the customer cancelled), dropped (integrations: "the payment
  dropped by the user"), bounced (the customer did not complete the payment); the same words PayU India
  documents (docs.payu.in/reference-link/payment-state-explanations), which Easebuzz's response copies.
- Transaction API (POST /transaction/v2.1/retrieve; the PHP kit gdbhosale/paywitheasebuzz-php ``transactionAPI``):
  {status: true, msg: {the payment response fields}}.
- mode: CC, DC, NB, UPI, MW (mobile wallet), EMI, ... (the checkout's payment modes).

Not available in the stored material: Easebuzz's table of ``error`` codes and ``error_Message`` texts; a
failure's reason is therefore UNKNOWN, with the raw error text kept. Easebuzz is an Indian gateway whose response
carries no currency field: INR.

Lifecycle identity: easepayid is the attempt; the merchant's txnid the payment (a retried checkout keeps it).
"""

from __future__ import annotations

STATUSES = {
    "success": "APPROVED",
    "failure": "DECLINED",
    "pending": "PENDING",
    "usercancelled": "CANCELLED",
    "dropped": "CANCELLED",  # the customer dropped off the payment
    "bounced": "CANCELLED",  # the customer did not complete the payment
}
PAYMENT_METHODS = {"CC": "CARD", "DC": "CARD", "EMI": "CARD", "NB": "BANK_TRANSFER", "UPI": "BANK_TRANSFER",
                   "MW": "WALLET", "OM": "WALLET"}

_RESPONSE_FIELDS = {
    "provider_transaction_id": ["easepayid"],
    "status": ["status"],
    "reason_code": ["error_Message", "error"],
    "amount": ["amount"],
    "event_time": ["addedon"],
    "payment_method": ["mode"],
    "attempt_id": ["easepayid"],
    "payment_id": ["txnid"],
}

SPEC = {
    "provider": "easebuzz",
    "aliases": ["easebuzz", "ease buzz", "easebuzz.in", "pay.easebuzz.in", "easebuzz pg"],
    "detect": [
        {"path": "easepayid", "exists": True, "weight": 0.6},
        {"path": "payment_source", "in": ["Easebuzz"], "weight": 0.4},
        {"path": "net_amount_debit", "exists": True, "weight": 0.05},
        {"path": "cash_back_percentage", "exists": True, "weight": 0.05},
        {"path": "msg.easepayid", "exists": True, "weight": 0.6},
        {"path": "payment_response.easepayid", "exists": True, "weight": 0.6},
    ],
    "amount_unit": "major",
    "default_currency": "INR",
    "status_map": STATUSES,
    "payment_method_map": PAYMENT_METHODS,
    "fields": _RESPONSE_FIELDS,
    "variants": [
        {"name": "transaction_api", "match": {"msg.easepayid": {"exists": True}}, "root": "msg"},
        {"name": "checkout_sdk", "match": {"payment_response.easepayid": {"exists": True}}, "root": "payment_response"},
        {"name": "response", "match": {"easepayid": {"exists": True}}},
    ],
}
