"""PayTrace (JSON API v1, api.paytrace.com): the transaction answers (keyed / swiped / vault sale, authorization,
capture, void, refund) and the error answer.

Sources (PayTrace's own JSON API samples, github.com/PayTrace/api-demo php/PhpJsonApiSamples and the C# samples
beside them, which read the answers as the API documentation describes them; developers.paytrace.com "JSON API"):
- A transaction answer: success (true / false), response_code, status_message, transaction_id, approval_code,
  approval_message (the processor's own text), avs_response, csc_response, external_transaction_id,
  masked_card_number (KeyedSaleJson.php displayKeyedTransactionResponse; KeyedRefundJson.php).
- Response codes named by the samples: 101 "Your transaction was successfully approved" (sale, authorization),
  102 "Your transaction was not approved", 103 "approved ... however, it was voided because your address and/or
  CSC did not match" (PayTrace's IntegrationConstants), 106 refunded, 107 "not refunded", 108 "Test Transaction
  Refunded" (KeyedRefundJson.php), 109 voided (VoidTransaction sample), 112 captured (Capture sample).
- An error answer (HTTP status other than 200): success false, response_code, status_message and errors, an
  object of PayTrace error codes each with its list of messages (displayKeyedTransactionError).

The answers carry no amount and no currency (the request's amount is not echoed); PayTrace processes US dollars.
A decline names no reason code of its own: its approval_message is the processor's text ("DECLINE - Do not
honor"), so a 102 is a generic decline. An error answer is a request PayTrace refused before any authorization
(its error codes' table could not be read here): ERROR, INVALID_REQUEST, the first error code kept as the raw
code.

Not found: the full response-code table (110, 113, check codes 120+) and the error-code table; PayTrace's older
pipe-delimited API (RESPONSE~101. ...|TRANSACTIONID~...) is not mapped.

Lifecycle identity: the transaction_id is the attempt (a capture's, void's or refund's own id: the answers do not
name the original); the merchant's external_transaction_id is kept as the payment.
"""

from __future__ import annotations

from typing import Any

RESPONSE_CODES = {
    "101": "APPROVED",
    "102": "DECLINED",
    "103": "DECLINED",  # approved, then voided by PayTrace: address and/or CSC did not match
    "106": "REFUNDED",
    "107": "DECLINED",  # not refunded
    "108": "REFUNDED",  # test transaction refunded
    "109": "CANCELLED",  # voided
    "112": "APPROVED",  # captured
}

REASONS = {
    "102": "GENERIC_DECLINE",
    "103": {"reason": "INVALID_CARD_DATA", "source": "CUSTOMER"},
    "107": "UNKNOWN",
}

# The first error code of an error answer, written by :func:`prepare`.
ERROR_CODE_KEY = "_payobs_error_code"

SPEC = {
    "provider": "paytrace",
    "aliases": ["paytrace", "pay trace", "paytrace json", "paytrace api", "paytrace_json_api", "north paytrace"],
    "detect": [
        {"path": "response_code", "in": [*RESPONSE_CODES, "1"], "weight": 0.2},
        {"path": "status_message", "exists": True, "weight": 0.2},
        {"path": "external_transaction_id", "exists": True, "weight": 0.3},
        {"path": "masked_card_number", "exists": True, "weight": 0.1},
        {"path": "approval_message", "exists": True, "weight": 0.1},
        {"path": "csc_response", "exists": True, "weight": 0.1},
        {"path": "success", "in": [True, False], "weight": 0.1},
    ],
    "amount_unit": "major",
    "default_currency": "USD",
    "default_payment_method": "CARD",
    "reason_map": REASONS,
    "variants": [
        {
            "name": "error",
            "match": {"success": False, "errors": {"exists": True}},
            "status": "ERROR",
            "fields": {
                "provider_transaction_id": ["transaction_id"],
                "reason_code": [ERROR_CODE_KEY, "status_message"],
                "attempt_id": ["transaction_id"],
                "payment_id": ["external_transaction_id"],
            },
            "rules": [{"when": {}, "set": {"failure_reason": "INVALID_REQUEST"}}],
        },
        {
            "name": "transaction",
            "match": {"response_code": {"exists": True}, "status_message": {"exists": True}},
            "fields": {
                "provider_transaction_id": ["transaction_id"],
                "status": ["response_code"],
                "reason_code": ["response_code"],
                "attempt_id": ["transaction_id"],
                "payment_id": ["external_transaction_id"],
            },
            "status_map": RESPONSE_CODES,
            "rules": [
                {"when": {"response_code": ["106", "107", "108"]}, "set": {"event_kind": "REFUND"}},
                {"when": {"response_code": "109"}, "set": {"event_kind": "VOID"}},
                {"when": {"response_code": "112"}, "set": {"event_kind": "CAPTURE"}},
            ],
        },
    ],
}


def prepare(body: Any) -> Any:
    """An error answer with its first error code beside it (the codes are the keys of ``errors``).

    Pure: returns a new dict; the payload is untouched."""
    if isinstance(body, dict) and isinstance(body.get("errors"), dict) and body["errors"]:
        return {**body, ERROR_CODE_KEY: str(next(iter(body["errors"])))}
    return body
