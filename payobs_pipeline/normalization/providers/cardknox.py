"""Cardknox (Sola Payments): Transaction API replies, key=value (``/gateway``) or JSON (``/gatewayjson``).

Sources:
- https://docs.cardknox.com/api/transaction ("Response parameters"): xResult A = Approved, D = Declined,
  E = Error; xStatus the word (Approved, Declined, Error); xError the error or decline message and
  xErrorCode its code (https://docs.cardknox.com/api/error-codes); xRefNum the Cardknox reference number,
  "always returned regardless of the outcome"; xAuthCode, xBatch, xAvsResultCode/xAvsResult,
  xCvvResultCode/xCvvResult, xAuthAmount ("the total amount authorized, inclusive of tax and tip", major
  units), xMaskedCardNumber, xCardType, xToken, xCurrency ("currency that the transaction was processed
  in"; a request's xCurrency defaults to USD), xInvoice, xDate, xRefnumCurrent (on commands that modify an
  existing transaction: cc:void, cc:capture, cc:adjust).
- The same parameters as documented in the Cardknox SDK models (not tests): CardknoxApi
  ``CardknoxResponse.cs`` (doc comments quoted above) and the Node wrapper
  github.com/mfried40/Cardknox-Api-Wrapper-node ``classes/CardknoxResponse`` (adds xIssuerResponseCode,
  the issuer's response code, xReviewed, x3dsSubmitted).
Reasons: the error code, then the issuer's ISO 8583 code (``iso8583`` shared table), then the message.
Cardknox's error-code table could not be read here, so messages whose words state the reason ("Invalid
CVV", "Insufficient Funds", ...) are mapped by their text; a decline with no recognizable code or words
stays GENERIC_DECLINE only when it says "Declined".
A reply without xCurrency states no currency: :func:`prepare` then leaves its amount out rather than assume
the request's USD default.
"""

from __future__ import annotations

from typing import Any

MESSAGES = {
    "declined": "GENERIC_DECLINE",
    "invalid cvv": "INCORRECT_CVC",
    "insufficient funds": "INSUFFICIENT_FUNDS",
    "expired card": "EXPIRED_CARD",
    "card expired": "EXPIRED_CARD",
    "invalid card": "INVALID_CARD_DATA",
    "invalid card number": "INVALID_CARD_DATA",
    "duplicate transaction": "DUPLICATE",
    "invalid amount": "INVALID_REQUEST",
    "required: xkey": "CONFIGURATION_ERROR",
    "invalid xkey": "CONFIGURATION_ERROR",
}

RESULTS = {"a": "APPROVED", "d": "DECLINED", "e": "ERROR"}
STATUSES = {"approved": "APPROVED", "declined": "DECLINED", "error": "ERROR"}

SPEC = {
    "provider": "cardknox",
    "aliases": ["cardknox", "card knox", "sola", "sola payments", "solapayments", "sola_payments", "cardknox_sola"],
    "detect": [
        {"path": "xResult", "in": ["A", "D", "E"], "weight": 0.4},
        {"path": "xRefNum", "exists": True, "weight": 0.3},
        {"path": "xStatus", "exists": True, "weight": 0.2},
        {"path": "xErrorCode", "exists": True, "weight": 0.1},
        {"path": "xAuthCode", "exists": True, "weight": 0.1},
        {"path": "xBatch", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "major",
    "default_payment_method": "CARD",
    "reason_map": MESSAGES,
    "reason_fallback": "iso8583",
    "variants": [
        {
            "name": "transaction",
            "match": {"xResult": {"exists": True}},
            "fields": {
                "provider_transaction_id": ["xRefNum"],
                "status": ["xResult"],
                "reason_code": ["xErrorCode", "xIssuerResponseCode", "xError"],
                "amount": ["xAuthAmount"],
                "currency": ["xCurrency"],
                "card_brand": ["xCardType"],
                "payment_id": ["xInvoice"],
            },
            "status_map": RESULTS,
        },
        {
            "name": "transaction.status_only",
            "match": {"xStatus": {"exists": True}, "xRefNum": {"exists": True}},
            "fields": {
                "provider_transaction_id": ["xRefNum"],
                "status": ["xStatus"],
                "reason_code": ["xErrorCode", "xIssuerResponseCode", "xError"],
                "amount": ["xAuthAmount"],
                "currency": ["xCurrency"],
                "card_brand": ["xCardType"],
                "payment_id": ["xInvoice"],
            },
            "status_map": STATUSES,
        },
    ],
}


def prepare(body: Any) -> Any:
    """A reply whose amount has no xCurrency beside it, without the amount (a copy; never guessed)."""
    if isinstance(body, dict) and body.get("xAuthAmount") not in (None, "") and not body.get("xCurrency"):
        return {key: value for key, value in body.items() if key != "xAuthAmount"}
    return body
