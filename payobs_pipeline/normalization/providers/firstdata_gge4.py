"""First Data Global Gateway e4 (GGE4, "Payeezy Gateway") and E-xact Transaction API: the JSON transaction reply.

The legacy API generation of First Data's gateway (the newer Payeezy REST API is providers/firstdata.py); E-xact
Transactions (Canada) runs the same gateway. Same slug: ``firstdata``.

Sources:
- https://developer.e-xact.com/docs/response-codes ("Understanding Response Codes & Approvals": for the
  Transaction API (JSON) ``transaction_approved`` 1 = approved, 0 = declined; ``transaction_error`` 0 = no error,
  1 = error; ``exact_resp_code`` "00" = Transaction Normal; ``bank_resp_code`` "contains the raw response from
  the acquiring bank ... the approval code varies (e.g. "000", "00", "027")", with ``bank_message``)
- https://support.exactpay.com/knowledge/e-xact-response-codes-etg-codes (Exact_Resp_code: 00 Transaction
  Normal; 08 CVV2 data not verified; 22/25/26/27/28/31/32/57/58/60/63/64/68 invalid data in the transaction;
  42-56 merchant configuration / host problems ...): the same table as the Payeezy module's GATEWAY_CODES
  (support.payeezy.com eCommerce Response Codes), reused here
- GGE4 / E-xact Web Service API reference, reply fields: transaction_type, amount (major units, "13.0"),
  currency_code, transaction_tag, authorization_num, sequence_no, reference_no, credit_card_type, cc_number
  (masked), exact_resp_code, exact_message, bank_resp_code, bank_message, ctr; transaction types 00 Purchase,
  01 Pre-Authorization, 02 Pre-Authorization Completion, 03 Forced Post, 04 Refund, 05 Pre-Authorization Only,
  13 Void, 32 Tagged Pre-Authorization Completion, 33 Tagged Void, 34 Tagged Refund
- support.payeezy.com/hc/en-us/articles/203730509 (First Data bank response codes: 100 approved, 2xx rejects,
  3xx+ issuer declines): the Payeezy module's BANK_CODES, used where the processor is First Data's own
  (3-digit codes 300 and above); since E-xact's bank_resp_code varies by processor, the processor's own
  ``bank_message`` texts (Canadian processors: "Invalid Exp. Date", "Invalid Card No", "Over Credit Flr",
  "Lost/Stolen Card", "Hold - Call" ..., the message list an e-commerce plugin's GGE4 module switches on) are read
  first.

Status: transaction_error 1 or an exact_resp_code other than 00/08 is an ERROR (the gateway did not process the
transaction normally); else transaction_approved decides APPROVED / DECLINED. A void (13, 33) approved is a
CANCELLED, a refund (04, 34) a REFUNDED. Amounts are major units of ``currency_code`` (absent: no currency).

Plain-text error answers (``text_variants``, read only under a First Data hint): the GGE4 gateway answers a request
whose gateway id, password or HMAC signature it refuses with HTTP 401 and the plain-text body ``Unauthorized
Request. Bad or missing credentials.`` (activemerchant test/unit/gateways/firstdata_e4_test.rb
``bad_credentials_response``, a 401; omnipay-firstdata tests/Mock/PayeezePurchaseError.txt and its
InvalidAuthResponseException; the gateway's credentials are the merchant's configuration): an ERROR,
CONFIGURATION_ERROR.

Lifecycle identity: ``transaction_tag`` is the transaction (a tagged completion / void / refund names its
original by tag in the request only); ``reference_no`` is the merchant's order reference (payment_id).
"""

from __future__ import annotations

from typing import Any

from payobs_pipeline.normalization.formats import TEXT_KEY
from payobs_pipeline.normalization.providers.firstdata import BANK_CODES, GATEWAY_CODES
from payobs_pipeline.normalization.providers.firstdata import SPEC as FIRSTDATA_SPEC

APPROVED = {"1": "APPROVED", "0": "DECLINED", "true": "APPROVED", "false": "DECLINED"}

# bank_message texts of the processors behind the gateway (lower case; the engine folds case).
BANK_MESSAGES = {
    "invalid exp. date": "INVALID_CARD_DATA",
    "invalid expiration date": "INVALID_CARD_DATA",
    "invalid card no": "INVALID_CARD_DATA",
    "invalid cc number": "INVALID_CARD_DATA",
    "invalid pin": "AUTHENTICATION_FAILED",
    "invalid pin no": "AUTHENTICATION_FAILED",
    "lost/stolen card": "LOST_OR_STOLEN_CARD",
    "lost/stolen": "LOST_OR_STOLEN_CARD",
    "over credit flr": "INSUFFICIENT_FUNDS",
    "insufficient funds": "INSUFFICIENT_FUNDS",
    "expired card": "EXPIRED_CARD",
    "card is expired": "EXPIRED_CARD",
    "do not honor": "GENERIC_DECLINE",
    "hold - call": "GENERIC_DECLINE",
    "call voice oper": "GENERIC_DECLINE",
    "cvv2/vak failure": "INCORRECT_CVC",
    "invalid security code": "INCORRECT_CVC",
}
# First Data's own 3-digit issuer decline codes (300 and above); the 2xx "rejects" are not read: E-xact's
# processors number differently (205 is "Bad Total Auth Amount" at First Data, "Invalid Exp. Date" elsewhere).
_FD_DECLINES = {code: reason for code, reason in BANK_CODES.items() if code >= "300"}

TRANSACTION_KINDS = {
    "00": "AUTHORIZATION", "01": "AUTHORIZATION", "05": "AUTHORIZATION",
    "02": "CAPTURE", "03": "CAPTURE", "32": "CAPTURE",
    "04": "REFUND", "34": "REFUND",
    "13": "VOID", "33": "VOID",
}
CARD_BRANDS = {"visa": "visa", "mastercard": "mastercard", "american express": "amex", "discover": "discover",
               "jcb": "jcb", "diners club": "diners"}

_GATEWAY_ERRORS = sorted(code for code in GATEWAY_CODES if code != "08")

_BAD_CREDENTIALS = "Unauthorized Request. Bad or missing credentials."

SPEC = {
    "provider": "firstdata",
    "aliases": list(FIRSTDATA_SPEC["aliases"]),
    "detect": [
        {"path": "exact_resp_code", "exists": True, "weight": 0.5},
        {"path": "exact_message", "exists": True, "weight": 0.2},
        {"path": "transaction_approved", "in": ["0", "1"], "weight": 0.2},
        {"path": "transaction_error", "in": ["0", "1"], "weight": 0.1},
        {"path": "bank_resp_code", "exists": True, "weight": 0.1},
        {"path": "transaction_tag", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "major",
    "default_payment_method": "CARD",
    "reason_map": {**_FD_DECLINES, **BANK_MESSAGES},
    "card_brand_map": CARD_BRANDS,
    # The gateway's plain-text 401 answer (module docstring): its text is the raw reason code.
    "text_variants": [
        {"name": "http_401.bad_credentials", "match": {TEXT_KEY: _BAD_CREDENTIALS}, "status": "ERROR",
         "fields": {"reason_code": TEXT_KEY}, "reason_map": {_BAD_CREDENTIALS: "CONFIGURATION_ERROR"}},
    ],
    "variants": [
        {
            "name": "transaction",
            "match": {"transaction_approved": {"exists": True}, "exact_resp_code": {"exists": True}},
            "fields": {
                "provider_transaction_id": ["transaction_tag"],
                "status": ["transaction_approved"],
                "reason_code": ["bank_message", "bank_resp_code", "exact_resp_code"],
                "amount": ["amount"],
                "currency": ["currency_code"],
                "card_brand": ["credit_card_type"],
                "payment_id": ["reference_no"],
            },
            "status_map": APPROVED,
            "rules": [
                *({"when": {"transaction_type": code}, "set": {"event_kind": kind}}
                  for code, kind in TRANSACTION_KINDS.items() if kind != "AUTHORIZATION"),
                {"when": {"transaction_type": ["04", "34"], "transaction_approved": "1"},
                 "set": {"status_category": "REFUNDED"}},
                {"when": {"transaction_type": ["13", "33"], "transaction_approved": "1"},
                 "set": {"status_category": "CANCELLED"}},
                {"when": {"transaction_type": ["13", "33"], "transaction_approved": "0"},
                 "set": {"status_category": "ERROR"}},
                # The gateway did not process the transaction normally: its code is the reason.
                {"when": {"exact_resp_code": _GATEWAY_ERRORS}, "set": {"status_category": "ERROR"}},
                *({"when": {"exact_resp_code": code}, "set": {"failure_reason": reason}}
                  for code, reason in sorted(GATEWAY_CODES.items()) if code != "08"),
                {"when": {"transaction_error": "1", "exact_resp_code": "00"}, "set": {"status_category": "ERROR"}},
                {"when": {"exact_resp_code": "12"}, "set": {"status_category": "UNKNOWN"}},
            ],
        },
    ],
}


def prepare(body: Any) -> Any:
    """A reply without ``currency_code`` (E-xact answers name the currency only in the receipt text): its
    amount is left out rather than guessed in the merchant's currency."""
    if isinstance(body, dict) and "exact_resp_code" in body and not body.get("currency_code") and "amount" in body:
        return {key: value for key, value in body.items() if key != "amount"}
    return body
