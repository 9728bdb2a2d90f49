"""Moneris Gateway (eSELECTplus) XML receipts and Hosted Paypage responses, Canada (CAD).

The US gateway (Moneris USA / eSELECTplus US) returns the same receipt; :mod:`.moneris_us` is this
mapping with USD as the account currency, chosen by a ``moneris_us`` hint.

Sources:
- Moneris Gateway API integration guides (developer.moneris.com, "Response Handling" and the
  Moneris-Gateway-API-PHP/-Java/-dotNet SDKs' mpgResponse): ``<response><receipt>`` with ReceiptId (the
  merchant's order_id), ReferenceNum, ResponseCode, ISO, AuthCode, TransTime, TransDate, TransType
  (00 purchase, 01 pre-authorization, 02 pre-authorization completion, 04 refund, 11 purchase correction
  (void)), Complete, Message, TransAmount, CardType (V, M, AX, NO, D, C1, SE, ...), TransID, TimedOut;
  fields that do not apply are the string ``null`` (a "Global Error Receipt" has ResponseCode null).
- https://developer.moneris.com/Documentation/NA/E-Commerce%20Solutions/Batch%20Upload/Pre-Authorization?lang=xml
  and .../E-Commerce Solutions/Level 2 3/Non Level 2 3 Card Types (sample receipts: TransType 01 for a
  pre-authorization, ResponseCode 027 with ISO 01 approved, Message "APPROVED * =", TransID "69624-0_10");
  "Standard Response Fields" (ResponseCode < 50 approved, >= 50 declined, NULL not sent for authorization;
  ISO = the issuing institution's ISO response code; ReferenceNum = terminal, shift, batch and sequence)
- Moneris "Response Codes" document (developer.moneris.com/moneris-api/docs/response-code-tables;
  transcribed with every code and message in Moneris gateway clients): ResponseCode 000-049 approved,
  050-999 declined; "null" means the transaction was not sent for authorization (incomplete).
  Codes 050-113 (Moneris host), 150, 200-252 (Interac/debit), 426-441 (AMEX), 475-490 (credit card),
  800-899 (system), 900-909 (capture declines), 914 cancelled by cardholder, 940-945 (tokenization),
  960-988 (configuration / data errors).
- https://docs.zuora.com/.../moneris-response-code-whitelist-for-payment-declined-notification (how a
  gateway integrator classes the codes: 051/208/430/475/482/484/901 invalid expiry, 096/122/201/486-490
  card security / PIN, 057-059/072 fraud protection, 064/066/070/071/073/075/097 invalid card number)
- Moneris Hosted Paypage response variables (response_order_id, response_code, result 1/0, iso_code,
  message, trans_name, charge_total, card, date_stamp, time_stamp, bank_transaction_id, txn_num)
Amounts are decimal strings in major units; receipts carry no currency: a Moneris Canada store settles in
CAD. The receipt's ISO field (Hosted Paypage: iso_code) is the issuer's ISO 8583 code: it is the ``reason_code``
path after Moneris's ResponseCode, read through the ``iso8583`` fallback, so where Moneris's own code is a
generic decline (050, 074, 426, 437, 438, 477, 481, 483, ...) a recognized ISO code is more specific and wins
(the engine's rule: mapping.py, "Failure reasons"). :func:`prepare` passes it on (``payobs_issuer_code``) only
when it is an ISO 8583 code that table knows, so it is never read as one of Moneris's own three-digit codes.
"""

from __future__ import annotations

from typing import Any

from payobs_pipeline.normalization.issuer_codes import ISSUER_CODE_REASONS

RESULT_KEY = "payobs_result"
REASON_KEY = "payobs_reason_code"
ISSUER_KEY = "payobs_issuer_code"

_TECHNICAL = "TECHNICAL"
_MERCHANT_CONFIG = "MERCHANT_CONFIG"
_BAD = "INVALID_REQUEST"
_PROC = {"reason": "PROCESSING_ERROR", "source": _TECHNICAL}
_CONFIG = "CONFIGURATION_ERROR"

RESPONSE_CODES: dict[str, Any] = {
    "050": "GENERIC_DECLINE",  # decline
    "051": "EXPIRED_CARD",
    "052": {"reason": "AUTHENTICATION_FAILED", "decline_type": "HARD"},  # PIN retries exceeded
    "053": "TRANSACTION_NOT_PERMITTED",  # no sharing
    "054": _PROC,  # no security module
    "055": "TRANSACTION_NOT_PERMITTED",  # invalid transaction
    "056": "TRANSACTION_NOT_PERMITTED",  # no support
    "057": "LOST_OR_STOLEN_CARD",
    "058": "RESTRICTED_CARD",  # invalid status
    "059": "RESTRICTED_CARD",
    "060": "INVALID_CARD_DATA",  # no chequing / savings account
    "061": _PROC, "062": _PROC,  # no PBF, PBF update error
    "063": "TRANSACTION_NOT_PERMITTED",  # invalid authorization type
    "064": "INVALID_CARD_DATA",  # bad track 2
    "065": "TRANSACTION_NOT_PERMITTED",  # adjustment not allowed
    "066": _BAD, "067": _BAD,  # invalid advance increment, invalid transaction date
    "068": _PROC,  # PTLF error
    "069": _BAD,  # bad message error
    "070": _PROC, "071": _PROC,  # no IDF, invalid route authorization
    "072": "SUSPECTED_FRAUD",  # card on national negative file
    "073": _PROC,  # invalid route service (destination)
    "074": "GENERIC_DECLINE",  # unable to authorize
    "075": "INVALID_CARD_DATA",  # invalid PAN length
    "076": "INSUFFICIENT_FUNDS",  # low funds
    "077": "LIMIT_EXCEEDED",  # pre-auth full
    "078": "DUPLICATE",
    **dict.fromkeys(["079", "080", "081", "082", "083"], "LIMIT_EXCEEDED"),  # refund / usage maxima reached
    "084": "DUPLICATE",  # authorization number already corrected by host
    "085": "TRANSACTION_NOT_PERMITTED",  # inquiry not allowed
    "086": "LIMIT_EXCEEDED", "087": "LIMIT_EXCEEDED",  # over floor limit, maximum refund credits by retailer
    "088": "GENERIC_DECLINE",  # place call
    "089": "RESTRICTED_CARD",  # CAF status inactive or closed
    "090": _PROC, "091": _PROC,  # referral file full, NEG file problem
    "092": _BAD,  # advance less than minimum
    "093": "RESTRICTED_CARD",  # delinquent
    "094": "LIMIT_EXCEEDED", "095": "LIMIT_EXCEEDED",  # over table limit, amount over maximum
    "096": "AUTHENTICATION_REQUIRED",  # PIN required
    "097": "INVALID_CARD_DATA",  # mod 10 check failure
    "098": "GENERIC_DECLINE",  # force post
    "099": _PROC, "100": _PROC,  # bad PBF, unable to process transaction
    "101": "GENERIC_DECLINE", "102": "GENERIC_DECLINE",  # place call
    "103": _PROC, "104": _PROC,  # NEG file problem, CAF problem
    "105": "TRANSACTION_NOT_PERMITTED",  # card not supported
    "106": "LIMIT_EXCEEDED", "107": "LIMIT_EXCEEDED",  # amount over maximum, over daily limit
    "108": _PROC,  # CAF problem
    "109": _BAD,  # advance less than minimum
    "110": "LIMIT_EXCEEDED",  # number of times used exceeded
    "111": "RESTRICTED_CARD",  # delinquent
    "112": "LIMIT_EXCEEDED",  # over table limit
    "113": {"reason": "TIMEOUT", "source": _TECHNICAL},  # timeout
    "115": _PROC, "121": _PROC, "122": _PROC,  # PTLF error, administration file problem, security module down
    "150": _CONFIG,  # merchant not on file
    "200": "INVALID_CARD_DATA",  # invalid account
    "201": "AUTHENTICATION_FAILED",  # incorrect PIN
    "202": _BAD,  # advance less than minimum
    "203": "TRANSACTION_NOT_PERMITTED",  # administrative card needed
    "204": "LIMIT_EXCEEDED",  # amount over maximum
    "205": _BAD,  # invalid advance amount
    "206": "INVALID_CARD_DATA",  # CAF not found
    "207": _BAD,  # invalid transaction date
    "208": "INVALID_CARD_DATA",  # invalid expiration date
    "209": _BAD,  # invalid transaction code
    "210": _PROC,  # PIN key sync error
    "212": "ISSUER_UNAVAILABLE",  # destination not available
    "251": _BAD,  # error on cash amount
    "252": "TRANSACTION_NOT_PERMITTED",  # debit not supported
    "426": "GENERIC_DECLINE",  # AMEX denial 12
    "427": _CONFIG,  # AMEX invalid merchant
    "429": "INVALID_CARD_DATA",  # AMEX account error
    "430": "EXPIRED_CARD",
    "431": "GENERIC_DECLINE", "434": "GENERIC_DECLINE", "436": "GENERIC_DECLINE",  # call Amex / call 03 / 05
    "435": "ISSUER_UNAVAILABLE",  # AMEX system down
    "437": "GENERIC_DECLINE", "438": "GENERIC_DECLINE",  # AMEX declined
    "439": _PROC,  # AMEX service error
    "440": "GENERIC_DECLINE",  # call Amex
    "441": _BAD,  # AMEX amount error
    "475": "INVALID_CARD_DATA",  # invalid expiration date
    "476": "TRANSACTION_NOT_PERMITTED",  # invalid transaction, rejected
    "477": "GENERIC_DECLINE",  # refer call
    "478": "LOST_OR_STOLEN_CARD", "479": "LOST_OR_STOLEN_CARD", "480": "LOST_OR_STOLEN_CARD",  # pick up card
    "481": "GENERIC_DECLINE",  # decline
    "482": "EXPIRED_CARD",
    "483": "GENERIC_DECLINE",  # refer
    "484": "EXPIRED_CARD",  # expired card - refer
    "485": "TRANSACTION_NOT_PERMITTED",  # not authorized
    **dict.fromkeys(["486", "487", "489", "490"], "INCORRECT_CVC"),  # CVV cryptographic error / invalid CVV
    "800": _BAD, "801": _BAD,  # bad format, bad data
    "802": _CONFIG,  # invalid clerk ID
    "809": _PROC,  # bad close
    "810": {"reason": "TIMEOUT", "source": _TECHNICAL},  # system timeout
    "811": _PROC, "821": _PROC,  # system error, bad response length
    "877": _BAD, "878": _BAD,  # invalid PIN block, PIN length error
    "880": _PROC, "881": _PROC, "889": _PROC, "898": _PROC, "899": _PROC,  # packet / MAC / sequence errors
    "900": {"reason": "AUTHENTICATION_FAILED", "decline_type": "HARD"},  # capture - PIN tries exceeded
    "901": "EXPIRED_CARD",  # capture - expired card
    "902": "LOST_OR_STOLEN_CARD",  # capture - NEG capture
    "903": "RESTRICTED_CARD",  # capture - CAF status 3
    "904": _BAD,  # capture - advance < minimum
    "905": "LIMIT_EXCEEDED",  # capture - number of times used
    "906": "RESTRICTED_CARD",  # capture - delinquent
    "907": "LIMIT_EXCEEDED", "908": "LIMIT_EXCEEDED",  # capture - over limit table / amount over maximum
    "909": "LOST_OR_STOLEN_CARD",  # capture - capture
    "914": {"reason": "UNKNOWN", "source": "CUSTOMER"},  # cancelled by card holder
    "940": _CONFIG, "942": _CONFIG,  # invalid profile id / source URL (tokenization)
    "941": _PROC,  # error generating token
    "943": "INVALID_CARD_DATA", "944": "INVALID_CARD_DATA",  # card data / expiry invalid
    "945": "INCORRECT_CVC",  # invalid CVD data
    **dict.fromkeys(["960", "961", "963", "964", "965", "966", "970", "973"], _CONFIG),  # terminal / merchant setup
    "977": _BAD,  # invalid amount
    "978": _PROC,  # failed CF transaction
    "983": _BAD, "984": _BAD, "987": _BAD, "988": _BAD,  # cannot find previous, data error, invalid transaction
    "986": {"reason": "TIMEOUT", "source": _TECHNICAL},  # incomplete: timed out
}

CARD_TYPES = {"V": "visa", "M": "mastercard", "AX": "amex", "NO": "discover", "D": "interac", "C1": "jcb",
              "C": "jcb", "DC": "diners", "SE": "sears", "UP": "unionpay", "DS": "discover"}

RESULTS = {"approved": "APPROVED", "declined": "DECLINED", "incomplete": "ERROR", "timedout": "UNKNOWN"}

_PURCHASE, _PREAUTH, _COMPLETION, _REFUND, _CORRECTION = "00", "01", "02", "04", "11"


def _text(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("#text")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    value = value.strip()
    return None if not value or value.lower() == "null" else value


def _code3(value: Any) -> str | None:
    code = _text(value)
    if code and code.isdigit():
        return code.zfill(3)
    return None


def _receipt(body: dict) -> dict | None:
    response = body.get("response")
    if isinstance(response, dict) and isinstance(response.get("receipt"), dict):
        return response["receipt"]
    if isinstance(body.get("receipt"), dict):
        return body["receipt"]
    if "ReceiptId" in body and ("ResponseCode" in body or "TransID" in body):
        return body
    return None


_ISO_CODES = frozenset(code.upper() for code in ISSUER_CODE_REASONS)


def _issuer_code(value: Any) -> str | None:
    """The issuer's ISO 8583 response code, when it is one the shared table knows, else None."""
    code = _text(value)
    return code if code and code.upper() in _ISO_CODES else None


VAULT_PAYMENT_KEY = "payobs_vault_payment"
ZERO_COMPLETION_KEY = "payobs_zero_completion"


def _is_zero(value: Any) -> bool:
    try:
        return float(_text(value) or "x") == 0
    except ValueError:
        return False


def prepare(body: Any) -> Any:
    """A receipt as ``{"receipt": {...}}`` with ``null`` strings removed and its result read.

    ``payobs_result``: approved (ResponseCode 000-049), declined (050-999), incomplete (no ResponseCode:
    never sent for authorization) or timedout (TimedOut true: the outcome is not known).
    ``payobs_reason_code``: ResponseCode, or the Message of an incomplete receipt. ``payobs_issuer_code``:
    the ISO field when it is a known ISO 8583 code (the next reason path).
    Hosted Paypage responses get the same keys from response_code / iso_code.
    """
    if not isinstance(body, dict):
        return body
    receipt = _receipt(body)
    if receipt is not None:
        clean = {key: value for key, value in receipt.items() if not (isinstance(value, str) and _text(value) is None)}
        code = _code3(receipt.get("ResponseCode"))
        timed_out = (_text(receipt.get("TimedOut")) or "").lower() == "true"
        clean[RESULT_KEY] = "timedout" if timed_out else _result(code)
        clean[REASON_KEY] = _reason(code, receipt.get("Message"))
        issuer = _issuer_code(receipt.get("ISO"))
        if issuer:
            clean[ISSUER_KEY] = issuer
        # Vault financial transactions (res_purchase_cc, res_preauth_cc, res_ind_refund_cc: "Purchase with
        # Vault" in the Moneris Vault guide) charge a stored card: their receipt has the Vault's DataKey and
        # ResSuccess beside a TransType, or, when not sent to the host, an order id problem (vault
        # maintenance requests such as res_add_cc carry no order_id). They are payments.
        message = (_text(receipt.get("Message")) or "").lower()
        # A $0.00 completion is how Moneris releases (cancels) a pre-authorization (Moneris Gateway guide:
        # "to reverse the full amount of a pre-authorization, perform a completion for $0.00").
        if _text(receipt.get("TransType")) == _COMPLETION and _is_zero(receipt.get("TransAmount")):
            clean[ZERO_COMPLETION_KEY] = True
        if "DataKey" in clean and ("TransType" in clean or "order id" in message):
            clean[VAULT_PAYMENT_KEY] = True
        return {"receipt": clean}
    if "response_order_id" in body:
        code = _code3(body.get("response_code"))
        prepared = {**body, RESULT_KEY: _result(code), REASON_KEY: _reason(code, body.get("message"))}
        issuer = _issuer_code(body.get("iso_code"))
        if issuer:
            prepared[ISSUER_KEY] = issuer
        return prepared
    return body


def _result(code: str | None) -> str:
    if code is None:
        return "incomplete"
    return "approved" if int(code) < 50 else "declined"


def _reason(code: str | None, message: Any) -> str | None:
    return _text(message) if code is None else code


# Messages of a receipt that never reached authorization (ResponseCode null), by what they say.
_INCOMPLETE_RULES = [
    {"when": {RESULT_KEY: "incomplete"}, "set": {"failure_reason": "INVALID_REQUEST"}},
    {"when": {RESULT_KEY: "incomplete", "Message": {"prefix": ["API token mismatch", "Invalid Store", "Store ID",
                                                               "Not Authorized", "Account not found",
                                                               "Merchant"]}},
     "set": {"failure_reason": "CONFIGURATION_ERROR"}},
    {"when": {RESULT_KEY: "incomplete", "Message": {"prefix": ["Duplicate", "The order ID already exists",
                                                               "Order ID already",
                                                               # the gateway's duplicate order id message
                                                               "The transaction was not sent to the host "
                                                               "because of a duplicate order id"]}},
     "set": {"failure_reason": "DUPLICATE"}},
    {"when": {RESULT_KEY: "incomplete", "Message": {"prefix": ["System Unavailable", "Global Error",
                                                               "Transaction failed", "Error"]}},
     "set": {"failure_reason": "PROCESSING_ERROR"}},
    {"when": {RESULT_KEY: "timedout"}, "set": {"failure_reason": "TIMEOUT"}},
]

_LIFECYCLE_RULES = [
    {"when": {"TransType": _COMPLETION}, "set": {"event_kind": "CAPTURE"}},
    {"when": {"TransType": _REFUND}, "set": {"event_kind": "REFUND"}},
    {"when": {"TransType": _REFUND, RESULT_KEY: "approved"}, "set": {"status_category": "REFUNDED"}},
    {"when": {"TransType": _REFUND, RESULT_KEY: ["declined", "incomplete"]}, "set": {"status_category": "DECLINED"}},
    {"when": {"TransType": _CORRECTION}, "set": {"event_kind": "VOID"}},
    {"when": {ZERO_COMPLETION_KEY: True}, "set": {"event_kind": "VOID"}},
    {"when": {ZERO_COMPLETION_KEY: True, RESULT_KEY: "approved"}, "set": {"status_category": "CANCELLED"}},
    {"when": {ZERO_COMPLETION_KEY: True, RESULT_KEY: ["declined", "incomplete"]}, "set": {"status_category": "ERROR"}},
    {"when": {"TransType": _CORRECTION, RESULT_KEY: "approved"}, "set": {"status_category": "CANCELLED"}},
    {"when": {"TransType": _CORRECTION, RESULT_KEY: ["declined", "incomplete"]}, "set": {"status_category": "ERROR"}},
    # 914: the cardholder cancelled at the terminal / page.
    {"when": {"ResponseCode": "914"}, "set": {"status_category": "CANCELLED"}},
]

_HPP_KINDS = [
    {"when": {"trans_name": ["completion", "cavv_completion"]}, "set": {"event_kind": "CAPTURE"}},
    {"when": {"trans_name": ["refund", "ind_refund", "idebit_refund"]}, "set": {"event_kind": "REFUND"}},
    {"when": {"trans_name": ["refund", "ind_refund", "idebit_refund"], RESULT_KEY: "approved"},
     "set": {"status_category": "REFUNDED"}},
    {"when": {"trans_name": ["refund", "ind_refund", "idebit_refund"], RESULT_KEY: ["declined", "incomplete"]},
     "set": {"status_category": "DECLINED"}},
    {"when": {"response_code": "914"}, "set": {"status_category": "CANCELLED"}},
]

SPEC = {
    "provider": "moneris",
    "aliases": ["moneris", "moneris_ca", "moneris canada", "moneris_canada", "moneris gateway", "moneris_gateway",
                "eselectplus", "eselect_plus", "moneris_eselectplus", "moneris solutions"],
    "detect": [
        {"path": "response.receipt.ReceiptId", "exists": True, "weight": 0.5},
        {"path": "response.receipt.ResponseCode", "exists": True, "weight": 0.2},
        {"path": "response.receipt.TransID", "exists": True, "weight": 0.2},
        {"path": "response.receipt.TimedOut", "exists": True, "weight": 0.2},
        {"path": "receipt.ReceiptId", "exists": True, "weight": 0.5},
        {"path": "receipt.TimedOut", "exists": True, "weight": 0.3},
        {"path": "ReceiptId", "exists": True, "weight": 0.3},
        {"path": "TimedOut", "exists": True, "weight": 0.2},
        {"path": "TransID", "exists": True, "weight": 0.1},
        {"path": "ReferenceNum", "exists": True, "weight": 0.1},
        # Hosted Paypage response.
        {"path": "response_order_id", "exists": True, "weight": 0.5},
        {"path": "bank_transaction_id", "exists": True, "weight": 0.2},
        {"path": "bank_approval_code", "exists": True, "weight": 0.2},
        {"path": "iso_code", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "major",
    "default_currency": "CAD",
    "default_payment_method": "CARD",
    # CardType (receipts) and card (Hosted Paypage) are Moneris's card codes: V, M, AX, ...
    "card_brand_map": CARD_TYPES,
    "status_map": RESULTS,
    "reason_map": RESPONSE_CODES,
    "reason_fallback": "iso8583",
    "variants": [
        {
            # Vault (Resolver) responses and batch close totals: no payment outcome.
            "name": "receipt.not_a_payment",
            "match": {"receipt.DataKey": {"exists": True}, "receipt.ResSuccess": {"exists": True},
                      f"receipt.{VAULT_PAYMENT_KEY}": {"exists": False}},
            "not_a_payment": "a Vault profile response is not a payment",
        },
        {
            "name": "receipt.batch_close",
            "match": {"receipt.BankTotals": {"exists": True}, "receipt.TransType": {"exists": False},
                      "receipt.TransID": {"exists": False}},
            "not_a_payment": "a batch close or open-totals receipt reports totals, not a payment",
        },
        {
            "name": "receipt",
            "match": {"receipt": {"exists": True}},
            "root": "receipt",
            "fields": {
                "provider_transaction_id": ["TransID"],
                "status": [RESULT_KEY],
                "reason_code": [REASON_KEY, ISSUER_KEY],
                "amount": ["TransAmount"],
                "event_time": {"join": ["TransDate", "TransTime"], "sep": " "},
                "card_brand": ["CardType"],
                "payment_id": ["ReceiptId"],
            },
            "rules": [*_INCOMPLETE_RULES, *_LIFECYCLE_RULES],
        },
        {
            "name": "hosted_paypage",
            "match": {"response_order_id": {"exists": True}},
            "fields": {
                "provider_transaction_id": ["txn_num", "bank_transaction_id"],
                "status": [RESULT_KEY],
                "reason_code": [REASON_KEY, ISSUER_KEY],
                "amount": ["charge_total"],
                "currency": ["currency"],
                "event_time": {"join": ["date_stamp", "time_stamp"], "sep": " "},
                "card_brand": ["card"],
                "payment_id": ["response_order_id"],
            },
            "rules": [*_INCOMPLETE_RULES, *_HPP_KINDS],
        },
    ],
}
