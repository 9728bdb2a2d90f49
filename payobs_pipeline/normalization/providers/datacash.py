"""DataCash (Mastercard Payment Gateway Services, UK; the "DataCash XML API"): the ``<Response>`` the gateway
answers every XML request with (card authorisations ``auth`` / ``pre``, historic ``fulfill``, ``cancel`` and
``txn_refund`` of an earlier transaction, 3-D Secure and risk-screening answers).

Sources:
- DataCash Developers Guide 2.57 (May 2013, usermanual.wiki/Document/DataCashDevelopersGuide257): every reply is
  ``<Response>`` with ``status`` (the return code: 1 is success, any other value is a failure), ``reason`` (its
  text), ``datacash_reference`` (the gateway's reference of this transaction), ``merchantreference``,
  ``mode`` (TEST / LIVE) and ``time`` (Unix seconds); a card transaction adds ``CardTxn`` (``authcode``,
  ``card_scheme``, ``country``, ``issuer``, ``Cv2Avs``); a historic transaction (fulfil, cancel, txn_refund of
  an earlier reference) answers ``reason`` "FULFILLED OK" (the pre-authorisation is captured), "CANCELLED OK"
  (the transaction is cancelled before settlement) and, for ``txn_refund``, "ACCEPTED" with the refund's
  ``HistoricTxn/authcode``. A transaction refused by the merchant's CV2/AVS policy answers status 7 with reason
  "CV2AVS DECLINED" and the check's ``Cv2Avs/cv2avs_status`` (ALL MATCH, SECURITY CODE MATCH ONLY, ADDRESS MATCH
  ONLY, NO DATA MATCHES, DATA NOT CHECKED).
- DataCash return codes (testserver.datacash.com/software/returncodes.shtml, the list the Developers Guide
  appendix gives; reproduced as the status-to-message table of abghosh82/datacash_payment_library
  src/Datacash/Status.php): 1 accepted, 2 socket write error, 3 timeout, 5 edit error, 6 comms error,
  7 not authorised (declined by the bank), 10 authentication error (vTID / password), 20 duplicate transaction
  reference, 23 expiry date invalid, 24 card has already expired, 25 card number invalid, 150 3DS payer
  verification required, 179 3DS payer failed verification, 251 Prereg: merchant not subscribed, 1126
  transaction rejected by the RSG (DataCash's Risk Services Gateway), 1127 / 1140 transaction marked for review,
  and the rest below.

Outcome: the return code alone says what happened (the reply does not repeat the request's method), so
``prepare`` reads it once: 1 is a success whose kind the reason and the elements name (FULFILLED OK a capture,
CANCELLED OK a void, a HistoricTxn with a new authcode a txn_refund, else an authorisation); 7 and the
card-data and risk codes are declines; 3 (and the acquirer time-outs) leave the outcome unknown; the 3-D Secure
and review codes are pending; every other documented code is an error raised before the bank answered. The
replies carry no amount or currency (DataCash is multi-currency and answers with references only), so both are
null.

Lifecycle identity: ``datacash_reference`` is the transaction (the attempt of an authorisation, the refund's id
of a txn_refund); ``merchantreference`` is the merchant's order reference (the payment).
"""

from __future__ import annotations

from typing import Any

OUTCOME_KEY = "payobs_datacash"

# Return codes that are not errors raised before the bank answered (DataCash return codes; see the docstring).
OUTCOMES = {
    "1": "approved",
    "7": "declined",
    # The card's data, refused by DataCash's checks (the shopper's card details).
    "21": "declined", "23": "declined", "24": "declined", "25": "declined", "26": "declined", "27": "declined",
    "28": "declined", "29": "declined", "30": "declined", "56": "declined",
    # 3-D Secure: the shopper must authenticate (pending) or failed to (declined); DataCash refuses
    # non-3-D Secure attempts where 3-D Secure is required.
    "150": "pending", "179": "declined", "188": "declined", "471": "declined", "640": "declined",
    # Risk Services Gateway.
    "1126": "declined", "1127": "pending", "1140": "pending",
    # Hosted payment session states (HPS query answers).
    "820": "pending", "821": "pending", "824": "pending", "828": "pending", "823": "cancelled",
    # The request may have reached the bank: the outcome is not known.
    "3": "unknown", "572": "unknown", "934": "unknown",
}

STATUSES = {"approved": "APPROVED", "declined": "DECLINED", "error": "ERROR", "unknown": "UNKNOWN",
            "pending": "PENDING", "cancelled": "CANCELLED", "captured": "APPROVED", "voided": "CANCELLED",
            "refunded": "REFUNDED"}

_MERCHANT_CONFIG = {"reason": "CONFIGURATION_ERROR", "source": "MERCHANT_CONFIG"}

# Return codes (and reason texts) -> failure reasons.
REASONS = {
    "7": "GENERIC_DECLINE",                       # Not authorised: declined by the bank
    "declined": "GENERIC_DECLINE",
    "21": "TRANSACTION_NOT_PERMITTED",            # invalid card type (not accepted by the vTID)
    "23": "INVALID_CARD_DATA",                    # expiry date invalid
    "24": "EXPIRED_CARD",                         # card has already expired
    "25": "INVALID_CARD_DATA",                    # card number invalid
    "26": "INVALID_CARD_DATA",                    # card number wrong length
    "27": "INVALID_CARD_DATA",                    # issue number error
    "28": "INVALID_CARD_DATA",                    # start date error
    "29": "INVALID_CARD_DATA",                    # card is not valid yet
    "30": "INVALID_CARD_DATA",                    # start date after expiry date
    "56": "LIMIT_EXCEEDED",                       # card used too recently (velocity check)
    "179": "AUTHENTICATION_FAILED",               # 3DS payer failed verification
    "188": "AUTHENTICATION_FAILED",               # unable to authenticate
    "471": "AUTHENTICATION_REQUIRED",             # 3-D Secure required
    "640": "AUTHENTICATION_REQUIRED",             # merchant mandated 3-D Secure, none attempted
    "1126": {"reason": "RISK_REJECTED", "source": "PSP_RISK"},   # rejected by the RSG
    "cv2avs declined": {"reason": "RISK_REJECTED", "source": "MERCHANT_RISK"},  # the merchant's CV2/AVS policy
    "3": "TIMEOUT",                               # timeout
    "934": "TIMEOUT",                             # connection timed out, transaction in unknown state
    "572": "TIMEOUT",                             # no PayPal response received: query the status
    "2": "PROCESSING_ERROR",                      # socket write error
    "6": "PROCESSING_ERROR",                      # comms error
    "14": "PROCESSING_ERROR",                     # database server error
    "440": "PROCESSING_ERROR",                    # payment gateway busy
    "5": "INVALID_REQUEST",                       # edit error
    "9": "INVALID_REQUEST",                       # currency error
    "12": "INVALID_REQUEST",                      # invalid authorisation code
    "13": "INVALID_REQUEST",                      # type field missing
    "15": "INVALID_REQUEST",                      # invalid type
    "19": "INVALID_REQUEST",                      # cannot fulfill transaction
    "22": "INVALID_REQUEST",                      # invalid reference
    "34": "INVALID_REQUEST",                      # invalid amount
    "60": "INVALID_REQUEST",                      # invalid XML
    "132": "INVALID_REQUEST",                     # expected 3 or 4 digit CV2 number
    "199": "INVALID_REQUEST",                     # invalid refund
    "250": "INVALID_REQUEST",                     # Prereg: invalid reference
    "274": "INVALID_REQUEST",                     # cannot locate transaction to query
    "280": "INVALID_REQUEST",                     # unknown format of datacash reference
    "1100": "INVALID_REQUEST",                    # no referenced transaction found
    "20": "DUPLICATE",                            # duplicate transaction reference
    "51": "DUPLICATE",                            # reference in use
    "121": "DUPLICATE",                           # duplicate reference
    "10": _MERCHANT_CONFIG,                       # authentication error (client / password)
    "53": _MERCHANT_CONFIG,                       # no free TIDs available for this vTID
    "59": _MERCHANT_CONFIG,                       # currency / card type / environment not supported by this vTID
    "61": _MERCHANT_CONFIG,                       # configuration error
    "62": _MERCHANT_CONFIG,                       # unsupported protocol
    "63": _MERCHANT_CONFIG,                       # method not supported by acquirer
    "100": _MERCHANT_CONFIG,                      # merchant not subscribed for 3DSecure
    "120": _MERCHANT_CONFIG,                      # not subscribed
    "157": _MERCHANT_CONFIG,                      # 3DS merchant not enabled
    "251": _MERCHANT_CONFIG,                      # Prereg: merchant not subscribed
    "270": _MERCHANT_CONFIG,                      # not authorised to perform query txns
    "460": _MERCHANT_CONFIG,                      # not subscribed
    "461": _MERCHANT_CONFIG,                      # merchant incorrectly configured
    "1134": _MERCHANT_CONFIG,                     # not subscribed to the RSG service
}

# Cv2Avs/cv2avs_status of a "CV2AVS DECLINED" reply: the security code did not match.
CV2_MISMATCH = ["ADDRESS MATCH ONLY", "NO DATA MATCHES"]


def _text(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("#text")
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _outcome(response: dict) -> tuple[str, str]:
    """(outcome, event kind) of one reply, from its return code, reason and elements."""
    status = _text(response.get("status")) or ""
    reason = (_text(response.get("reason")) or "").upper()
    outcome = OUTCOMES.get(status, "error")
    if outcome != "approved":
        return outcome, "AUTHORIZATION"
    if reason.startswith("FULFILLED"):
        return "captured", "CAPTURE"
    if reason.startswith("CANCELLED"):
        return "voided", "VOID"
    if isinstance(response.get("HistoricTxn"), dict) and "CardTxn" not in response:
        return "refunded", "REFUND"  # txn_refund: the refund's own authcode under HistoricTxn
    return "approved", "AUTHORIZATION"


def prepare(body: Any) -> Any:
    """The reply with its outcome and kind read from the return code (``payobs_datacash``), or as it is."""
    response = body.get("Response") if isinstance(body, dict) else None
    if not isinstance(response, dict) or "status" not in response or "datacash_reference" not in response:
        return body
    outcome, kind = _outcome(response)
    return {**body, OUTCOME_KEY: {"outcome": outcome, "kind": kind}}


SPEC = {
    "provider": "datacash",
    "aliases": ["datacash", "data cash", "datacash xml", "datacash_xml", "datacash payment gateway",
                "mastercard payment gateway services", "mpgs datacash", "datacash gateway"],
    "detect": [
        {"path": "Response.datacash_reference", "exists": True, "weight": 0.6},
        {"path": "Response.status", "exists": True, "weight": 0.1},
        {"path": "Response.reason", "exists": True, "weight": 0.1},
        {"path": "Response.merchantreference", "exists": True, "weight": 0.1},
        {"path": "Response.mode", "in": ["TEST", "LIVE"], "weight": 0.1},
    ],
    "status_map": STATUSES,
    "reason_map": REASONS,
    "variants": [
        {
            "name": "response",
            "match": {f"{OUTCOME_KEY}.outcome": {"exists": True}},
            "fields": {
                "provider_transaction_id": ["Response.datacash_reference"],
                "status": [f"{OUTCOME_KEY}.outcome"],
                "reason_code": ["Response.reason", "Response.status"],
                "event_time": ["Response.time"],
                "card_brand": ["Response.CardTxn.card_scheme"],
                # No attempt_id / refund_id source: an authorisation's and a refund's own id is its
                # datacash_reference (the transaction id); a fulfil or cancel names no new attempt.
                "payment_id": ["Response.merchantreference"],
            },
            "card_brand_map": {"switch": "maestro", "solo": "solo", "delta": "visa", "visa delta": "visa",
                               "electron": "visa", "visa electron": "visa"},
            "rules": [
                {"when": {f"{OUTCOME_KEY}.kind": "CAPTURE"}, "set": {"event_kind": "CAPTURE"}},
                {"when": {f"{OUTCOME_KEY}.kind": "VOID"}, "set": {"event_kind": "VOID"}},
                {"when": {f"{OUTCOME_KEY}.kind": "REFUND"}, "set": {"event_kind": "REFUND"}},
                {"when": {"Response.CardTxn": {"exists": True}}, "set": {"payment_method": "CARD"}},
                {"when": {"Response.reason": "CV2AVS DECLINED", "Response.CardTxn.Cv2Avs.cv2avs_status": CV2_MISMATCH},
                 "set": {"failure_reason": "INCORRECT_CVC", "failure_source": "CUSTOMER"}},
            ],
        },
    ],
}
