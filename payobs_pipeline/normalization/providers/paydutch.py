"""PayDutch (paydutch.nl, the Dutch Payment Group's gateway for WeDeal iDEAL and DirectEBanking; defunct): the XML
answer to a query request (<response><type>query</type><paymentinfo>...</paymentinfo></response>).

PayDutch's own documentation no longer survives in any stored source: this mapping rests on Pronamic Pay's PayDutch
gateway (github.com/pronamic/wp-pronamic-pay, from SDK source) only.
- classes/Pronamic/Gateways/PayDutch/XML/PaymentInfoParser.php: paymentinfo {test, id, description, amount, state,
  reference (the merchant's reference), methodcode, methodname, consumername, consumercity, consumeraccount,
  consumercountry, created}; tests/data/Pronamic/Pay/Gateways/PayDutch/response-query.xml the answer's envelope.
- classes/Pronamic/Gateways/PayDutch/States.php, each state with PayDutch's meaning: Register (payment registered,
  consumer initiated link), Processing (consumer is paying at the moment), Income (consumer paid successfully to the
  DPG account), Assemble (after the contractual period the payments are assembled), Payout (the assembled payments
  set ready for payout to the merchant's account), Success (payout confirmed by the bank statement), Cancelled
  (consumer cancelled the payment), Failed (failed payment).
- classes/Pronamic/Gateways/PayDutch/PayDutch.php: amounts in PayDutch notation "euro(s),cent(s) 00,00" ("the
  amount in euro's that the consumer need to pay", max 10000,00), parse_amount reads the comma as the decimal
  separator; API https://www.paydutch.nl/api/processreq.aspx. Methods.php: 0101 WeDeal, 0103 DirectEBanking.

Read as: Register, Processing -> PENDING; Income, Assemble, Payout, Success -> APPROVED (the consumer has paid;
the later states follow the money to the merchant; Pronamic's transform_state reads Assemble as open, the state's
own meaning says the payment is already in); Cancelled -> CANCELLED; Failed -> DECLINED (no reason is given).
Currency EUR: the only currency the amount notation names. Not mapped: error answers (the gateway answers a failed
transaction request with a plain text, no documented codes).
"""

from __future__ import annotations

STATES = {
    "Register": "PENDING",
    "Processing": "PENDING",
    "Income": "APPROVED",
    "Assemble": "APPROVED",
    "Payout": "APPROVED",
    "Success": "APPROVED",
    "Cancelled": "CANCELLED",
    "Failed": "DECLINED",
}

# 0101 WeDeal (iDEAL), 0103 DirectEBanking (Sofort): bank transfers initiated online.
PAYMENT_METHODS = {"0101": "BANK_TRANSFER", "0103": "BANK_TRANSFER", "WeDeal": "BANK_TRANSFER",
                   "DirectEBanking": "BANK_TRANSFER"}


SPEC = {
    "provider": "paydutch",
    "aliases": ["paydutch", "pay dutch", "paydutch.nl", "www.paydutch.nl", "dutch payment group", "wedeal"],
    "detect": [
        {"path": "response.paymentinfo.methodcode", "exists": True, "weight": 0.2},
        {"path": "response.paymentinfo.methodname", "in": ["WeDeal", "DirectEBanking"], "weight": 0.2},
        {"path": "response.paymentinfo.state", "in": list(STATES), "weight": 0.15},
        {"path": "response.paymentinfo.consumeraccount", "exists": True, "weight": 0.1},
        {"path": "response.paymentinfo.consumercity", "exists": True, "weight": 0.05},
        {"path": "response.type", "in": ["query"], "weight": 0.1},
    ],
    # PayDutch's "2,99" (euro(s),cent(s)): currency.to_minor_units reads the decimal comma.
    "amount_unit": "major",
    "default_currency": "EUR",
    "status_map": STATES,
    "payment_method_map": PAYMENT_METHODS,
    "variants": [
        {
            "name": "query.answer",
            "root": "response.paymentinfo",
            "match": {"^response.paymentinfo.state": {"exists": True}},
            "fields": {
                "provider_transaction_id": ["id"],
                "status": ["state"],
                "amount": ["amount"],
                "payment_method": ["methodcode", "methodname"],
                "customer_country": ["consumercountry"],
                "attempt_id": ["id"],
                "payment_id": ["reference"],
            },
        },
    ],
}
