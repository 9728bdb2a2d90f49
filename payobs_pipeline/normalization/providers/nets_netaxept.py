"""Nets Netaxept (the legacy Nets / Nexi hosted payment API, epayment.nets.eu): Process call replies and the
exception bodies. The newer Nets Easy / Nexi Checkout API is providers/nets.py; same slug ``nets``.

Sources:
- Netaxept technical documentation, "Process" call (epayment.nets.eu/Netaxept/Process.aspx,
  developer.nexigroup.com Netaxept API reference): ``operation`` AUTH, SALE, CAPTURE, CREDIT, ANNUL, VERIFY;
  the ProcessResponse: Operation, ResponseCode ("OK" when the operation succeeded), ResponseSource, ResponseText,
  TransactionId, ExecutionTime, MerchantId, AuthorizationId, BatchNumber
- Netaxept "Exceptions": a failed call answers an ``Exception`` document whose ``Error`` is typed
  (AuthenticationException, SecurityException: the merchant id / token; ValidationException: a missing or
  invalid parameter; UniqueTransactionIdException: the transaction id is already used; NotSupportedException;
  MerchantTranslationException; QueryException; GenericError: "see message"; BBSException: the operation was
  refused, with a ``Result`` {ResponseCode, ResponseSource, ResponseText} of the issuer / Nets), or a bare
  ``GenericError`` {Message}
- Netaxept response codes: OK; 14 invalid card number; 17 cancelled by the customer; 25 transaction not found;
  30 format error; 84 original transaction rejected; 97 timeout; 98 transaction already processed;
  99 the issuer refused (see ResponseSource / ResponseText)

Tags are read without regard to case (older replies answer ``<result><responsecode>``). A Process reply carries
no amount: amounts are left out.
Lifecycle identity: ``transactionid`` is the Netaxept transaction, the same for its AUTH, CAPTURE, CREDIT and
ANNUL (the attempt of each; payment_id too).
"""

from __future__ import annotations

from typing import Any

from payobs_pipeline.normalization.providers.nets import SPEC as NETS_SPEC

PROCESS_KEY = "payobs_netaxept_process"
ERROR_KEY = "payobs_netaxept_error"

RESPONSE_CODES = {
    "14": "INVALID_CARD_DATA",
    "25": "INVALID_REQUEST",
    "30": "INVALID_REQUEST",
    "84": "INVALID_REQUEST",
    "97": "TIMEOUT",
    "98": "DUPLICATE",
    "99": "GENERIC_DECLINE",
}
_ERROR_CODES = ["25", "30", "84", "97", "98"]
EXCEPTION_TYPES = {
    "authenticationexception": "CONFIGURATION_ERROR",
    "securityexception": "CONFIGURATION_ERROR",
    "merchanttranslationexception": "CONFIGURATION_ERROR",
    "notsupportedexception": "CONFIGURATION_ERROR",
    "validationexception": "INVALID_REQUEST",
    "queryexception": "INVALID_REQUEST",
    "uniquetransactionidexception": "DUPLICATE",
    "genericerror": "PROCESSING_ERROR",
}
OPERATIONS = {"capture": "CAPTURE", "credit": "REFUND", "annul": "VOID"}

_PROCESS_ROOTS = ("processresponse", "result")


def _lower(value: Any) -> Any:
    if isinstance(value, dict):
        return {(k.lower() if isinstance(k, str) and not k.startswith("@") else k): _lower(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_lower(v) for v in value]
    return value


def prepare(body: Any) -> Any:
    """The reply's root, read without case, as ``payobs_netaxept_process`` or ``payobs_netaxept_error``
    ({type, message, responsecode, responsesource, responsetext})."""
    if not isinstance(body, dict) or len(body) != 1:
        return body
    (root, inner), = body.items()
    key = str(root).lower()
    inner = _lower(inner) if isinstance(inner, dict) else {}
    if key in _PROCESS_ROOTS and "responsecode" in inner:
        return {PROCESS_KEY: inner}
    if key == "genericerror":
        return {ERROR_KEY: {"type": "genericerror", "message": inner.get("message")}}
    if key == "exception" and isinstance(inner.get("error"), dict):
        error = inner["error"]
        result = error.get("result") if isinstance(error.get("result"), dict) else {}
        kind = str(error.get("@type") or error.get("@xsi:type") or "").split(":")[-1].lower()
        return {ERROR_KEY: {"type": kind or "genericerror", "message": error.get("message"),
                            "responsecode": result.get("responsecode"),
                            "responsesource": result.get("responsesource"),
                            "responsetext": result.get("responsetext")}}
    return body


SPEC = {
    "provider": "nets",
    "aliases": list(NETS_SPEC["aliases"]),
    "detect": [
        {"path": "ProcessResponse.ResponseCode", "exists": True, "weight": 0.8},
        {"path": "result.responsecode", "exists": True, "weight": 0.5},
        {"path": "result.transactionid", "exists": True, "weight": 0.2},
        {"path": "result.sessionnumber", "exists": True, "weight": 0.2},
        {"path": "Exception.Error.Result.ResponseSource", "exists": True, "weight": 0.8},
        {"path": "Exception.Error.Message", "exists": True, "weight": 0.3},
        {"path": "GenericError.Message", "exists": True, "weight": 0.5},
    ],
    "amount_unit": "minor",
    "reason_map": {**RESPONSE_CODES, **EXCEPTION_TYPES},
    "variants": [
        {
            "name": "process",
            "match": {f"{PROCESS_KEY}.responsecode": {"exists": True}},
            "root": PROCESS_KEY,
            "fields": {
                "provider_transaction_id": ["transactionid"],
                "status": ["responsecode"],
                "reason_code": ["responsecode"],
                "event_time": ["executiontime"],
                "merchant_id": ["merchantid"],
                "attempt_id": ["transactionid"],
                "payment_id": ["transactionid"],
            },
            "status_map": {"ok": "APPROVED", **dict.fromkeys(RESPONSE_CODES, "DECLINED"), "17": "CANCELLED"},
            "rules": [
                {"when": {"responsecode": _ERROR_CODES}, "set": {"status_category": "ERROR"}},
                *({"when": {"operation": op}, "set": {"event_kind": kind}} for op, kind in OPERATIONS.items()),
                {"when": {"operation": "credit", "responsecode": "ok"}, "set": {"status_category": "REFUNDED"}},
                {"when": {"operation": "annul", "responsecode": "ok"}, "set": {"status_category": "CANCELLED"}},
                {"when": {"operation": "verify"}, "set": {"event_kind": "AUTHORIZATION"}},
            ],
        },
        {
            # The operation refused by the issuer / Nets (BBSException with a Result): a decline.
            "name": "bbs_exception",
            "match": {f"{ERROR_KEY}.type": "bbsexception"},
            "root": ERROR_KEY,
            "status": "DECLINED",
            "fields": {"status": ["type"], "reason_code": ["responsecode", "responsetext", "message"]},
            "rules": [{"when": {"responsecode": _ERROR_CODES}, "set": {"status_category": "ERROR"}}],
        },
        {
            "name": "error",
            "match": {f"{ERROR_KEY}.type": {"exists": True}},
            "root": ERROR_KEY,
            "status": "ERROR",
            "fields": {"status": ["type"], "reason_code": ["type"]},
            "rules": [
                # "Unable to find transaction" and the like: the request named something that is not there.
                {"when": {"message": {"prefix": ["Unable to find", "Transaction not found", "Invalid",
                                                 "Missing"]}},
                 "set": {"failure_reason": "INVALID_REQUEST"}},
            ],
        },
    ],
}
