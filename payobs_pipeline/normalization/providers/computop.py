"""Computop Paygate (Germany): the decrypted answers and notifications (URLSuccess / URLFailure / URLNotify) of
Paygate's form and server-to-server interfaces, key=value or REST JSON.

Sources:
- Computop "Status" (developer.computop.com/display/EN/Status; the same table on cpt.appsoft.de/en/status with
  the REST spelling "status": "OK"): Status is OK or AUTHORIZED (URLSuccess), FAILED (URLFailure), PENDING
  (Status_OK_PENDING), AUTHORIZE_REQUEST (Status_OK_AUTHORIZE_REQUEST): AUTHORIZED an authorization only,
  OK a completed payment (or a completed capture / credit / reversal request), PENDING and AUTHORIZE_REQUEST
  an outcome that follows asynchronously.
- Computop "A4 Error codes" (developer.computop.com/display/EN/A4+Error+codes; also the Paygate white label page
  firstcashsolution.de .../1cs-obs-fehlercodes.html): Code is AN8 "NNNNAAAA"; digit 1 the status (0 OK,
  2 error: the transaction failed, 4 fatal error: failed, e.g. a mandatory parameter is missing, 6 continue /
  transient: pending, the final status follows asynchronously, 7 EMV 3DS info); digits 2..4 the module (001
  Paygate cryptography (encrypting, decrypting), 010 parameter is missing, 011 parameter error in format, 012
  parameter is invalid, 013 too short, 014 too long, 015 value missing, 016 value unknown or not allowed, 017
  already present, 018 expired or not valid any more, 019 not allowed; 020-0FF Paygate internal; 100-FFF the
  affected module); digits 5..8 the affected parameter. The per-module and per-parameter lists (which module
  or parameter means an issuer's refusal, which reason) were not in the stored documentation: a FAILED answer
  whose code is not a request-validation or cryptography code is DECLINED with reason UNKNOWN (the raw code is
  kept), a fatal error (digit 1 = 4) is an ERROR.
- Computop Paygate parameters: mid (merchant id), PayID (Paygate's payment id: its captures, credits and
  reversals name it), XID (the id of each operation), TransID (the merchant's transaction id), refnr, Status,
  Description, Code, MAC, Amount (in the currency's smallest unit) and Currency where sent, CCBrand (VISA,
  MasterCard, AMEX, DINERS, JCB, Maestro, CBN ...), PCNr (pseudo card number).
Lifecycle identity: PayID is the payment (Paygate's attempt; its follow-up operations name it), XID the operation,
TransID the merchant's transaction id.
"""

from __future__ import annotations

from typing import Any

RESULT_KEY = "_payobs_computop_result"  # the Status, or for FAILED what its code's digits say

STATUSES = {
    "ok": "APPROVED",
    "authorized": "APPROVED",
    "pending": "PENDING",
    "authorize_request": "PENDING",
    "failed": "DECLINED",  # a refusal whose code names no request or technical fault
    "failed_request": "ERROR",  # module 010-019: a parameter of the request
    "failed_crypto": "ERROR",  # module 001: the encryption (the merchant's key)
    "failed_fatal": "ERROR",  # digit 1 = 4
    "failed_transient": "PENDING",  # digit 1 = 6: the final status follows asynchronously
}
RESULT_REASONS = {
    "failed_request": "INVALID_REQUEST",
    "failed_crypto": "CONFIGURATION_ERROR",
    "failed_fatal": "PROCESSING_ERROR",
}
BRANDS = {"MasterCard": "mastercard", "VISA": "visa", "AMEX": "amex", "DINERS": "diners", "JCB": "jcb",
          "Maestro": "maestro", "CBN": "cartes_bancaires", "CUP": "unionpay", "Dankort": "dankort"}


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, (dict, list, bool)):
        return None
    return str(value).strip() or None


def _get(body: dict, name: str) -> Any:
    """A parameter by its Paygate name, whatever its case (Status, status, STATUS)."""
    if name in body:
        return body[name]
    lowered = name.lower()
    for key, value in body.items():
        if isinstance(key, str) and key.lower() == lowered:
            return value
    return None


def _result(status: str, code: str | None) -> str:
    if status != "failed" or not code or len(code) != 8:
        return status
    head, module = code[0], code[1:4].upper()
    if head == "4":
        return "failed_fatal"
    if head == "6":
        return "failed_transient"
    if module == "001":
        return "failed_crypto"
    if module in {f"01{digit}" for digit in range(10)}:
        return "failed_request"
    return "failed"


def prepare(body: Any) -> Any:
    """Name a Paygate answer's result from its Status and, for FAILED, its code's digits. Pure: a new dict."""
    if not isinstance(body, dict):
        return body
    status = _text(_get(body, "Status"))
    if status is None or not (_get(body, "PayID") or _get(body, "XID") or _get(body, "mid")):
        return body
    code = _text(_get(body, "Code"))
    result = _result(status.lower(), code)
    return {**body, RESULT_KEY: result}


_FIELDS = {
    "provider_transaction_id": ["XID", "xId", "PayID", "payId"],
    "status": [RESULT_KEY],
    "reason_code": ["Code", "code"],
    "amount": ["Amount", "amount"],
    "currency": ["Currency", "currency"],
    "card_brand": ["CCBrand", "ccBrand"],
    "merchant_id": ["mid", "MID"],
    "attempt_id": ["PayID", "payId"],
    "payment_id": ["TransID", "transId", "PayID", "payId"],
}

SPEC = {
    "provider": "computop",
    "aliases": ["computop", "computop paygate", "paygate computop", "computop_paygate", "paygate", "cpt", "1cs",
                "first cash solution", "firstcash"],
    "detect": [
        {"path": "PayID", "exists": True, "weight": 0.4},
        {"path": "payId", "exists": True, "weight": 0.3},
        {"path": "XID", "exists": True, "weight": 0.3},
        {"path": "xId", "exists": True, "weight": 0.2},
        {"path": "Status", "in": ["OK", "AUTHORIZED", "FAILED", "PENDING", "AUTHORIZE_REQUEST"], "weight": 0.2},
        {"path": "status", "in": ["AUTHORIZE_REQUEST"], "weight": 0.2},
        {"path": "mid", "exists": True, "weight": 0.1},
        {"path": "TransID", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "minor",
    "card_brand_map": BRANDS,
    # A card answer names the brand or the pseudo card number; the code's digits say a request or technical fault.
    "rules": [{"when": {"CCBrand": {"exists": True}}, "set": {"payment_method": "CARD"}},
              {"when": {"PCNr": {"exists": True}}, "set": {"payment_method": "CARD"}},
              *[{"when": {RESULT_KEY: result}, "set": {"failure_reason": reason}}
                for result, reason in RESULT_REASONS.items()]],
    "variants": [
        {
            "name": "answer",
            "match": {RESULT_KEY: {"exists": True}},
            "fields": _FIELDS,
            "status_map": STATUSES,
        },
    ],
}
