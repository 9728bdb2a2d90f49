"""CardConnect (Fiserv; CardPointe Gateway API, formerly the CardConnect REST API): the authorization, capture,
refund and inquire answers, each carrying respstat / respproc / respcode / resptext.

Sources:
- CardPointe Gateway API, "Gateway Response Codes" (developer.cardpointe.com / integrate.clover.com/developers/
  gateway-response-codes): the gateway validates a request itself first ("for this internal validation, the card
  processor field (respproc) contains PPS"), else forwards it to the merchant's processor, which supplies
  respcode and resptext; "each payment processor has a unique set of response codes"; respstat "A - Approval,
  B - Temporary processing issue, such as a network error, C - Rejection". The PPS table (00 Approval ... 104
  Surcharge Not Supported, with 18 / 19 CardDefense Review / Decline) as reproduced by CardPointe integrators
  (docs.runpayments.io gateway-response-codes; Gingr's "CardConnect ... Error Response Codes Reference").
- Processor codes as CardPointe merchants' help pages list them: First Data North (FNOR, ISO 8583 two-digit
  codes: 05 Do not honor, 51 Declined, 54 Wrong expiration, 14 Invalid card number, ...; Salsa Labs "Common
  Merchant Account Response Codes") and First Data Rapid Connect (RPCT: 100 Do not honor, 101 Expired card, 102
  Suspected fraud, 104 Restricted card, 105 Call acquirer security department, 116 Not sufficient funds, 500
  Decline, 506 Invalid checking account number, 507 / 510 New account information, 509 Do not try again,
  512 Service not allowed, 517 CVV2 declined; iDonate "Understanding Donation Decline Codes in CardConnect").
- Authorization response fields (CardPointe Gateway API "Authorization"): respstat, retref (the retrieval
  reference: the transaction's id for capture, void, refund and inquire), account / token, amount (dollars with a
  decimal point), merchid, respcode, resptext, respproc, authcode, avsresp, cvvresp, commcard, batchid, currency,
  orderid. The refund "Txn not found" example of the 11/9/2023 release notes: {respproc PPS, resptext, retref,
  respcode 29, respstat C}.

Reasons are read by processor and code ("PPS 37", "RPCT 116"), then the code alone through the shared ISO 8583
table (First Data North passes issuer codes through), then the text. A respstat B is no decision (ERROR), and a
gateway time-out (PPS 62 "Timed out") leaves the outcome unknown. A gateway (PPS) rejection for an invalid or
misconfigured request is an ERROR too: the card was never put to its issuer.

Not found: a documented way to tell a refund or void answer from an authorization's (the shapes are the same),
and the settlement statuses of the inquire answer; those answers are read by their respstat as authorizations.

Lifecycle identity: the retref is the attempt; the merchant's orderid is the payment.
"""

from __future__ import annotations

from typing import Any

_CUSTOMER = {"source": "CUSTOMER"}

# Gateway (PPS) codes.
GATEWAY_CODES = {
    "PPS 11": {"reason": "INVALID_CARD_DATA", **_CUSTOMER},  # Invalid card
    "PPS 12": {"reason": "INVALID_CARD_DATA", **_CUSTOMER},  # Invalid track
    "PPS 13": {"reason": "INVALID_CARD_DATA", **_CUSTOMER},  # Bad card check digit
    "PPS 14": "INCORRECT_CVC",  # Non-numeric CVV
    "PPS 15": {"reason": "INVALID_CARD_DATA", **_CUSTOMER},  # Non-numeric expiry
    "PPS 16": "EXPIRED_CARD",  # Card expired
    "PPS 17": {"reason": "INVALID_CARD_DATA", **_CUSTOMER},  # Invalid zip
    "PPS 18": "RISK_REJECTED",  # CardDefense Review
    "PPS 19": "RISK_REJECTED",  # CardDefense Decline
    "PPS 21": "CONFIGURATION_ERROR",  # Invalid merchant
    "PPS 22": "CONFIGURATION_ERROR",  # No auth route
    "PPS 23": "CONFIGURATION_ERROR",  # No auth queue
    "PPS 24": "TRANSACTION_NOT_PERMITTED",  # Reversal not supported
    "PPS 25": "INVALID_REQUEST",  # No matching auth for reversal
    "PPS 27": "INVALID_REQUEST",  # Txn Batched (a void after batching)
    "PPS 28": "INVALID_REQUEST",  # Txn not settled (a refund before settlement)
    "PPS 29": "INVALID_REQUEST",  # Txn not found
    "PPS 31": "INVALID_REQUEST",  # Invalid currency
    "PPS 32": "CONFIGURATION_ERROR",  # Wrong currency for merch
    "PPS 33": "TRANSACTION_NOT_PERMITTED",  # Unknown card type
    "PPS 34": "INVALID_REQUEST",  # Invalid field
    "PPS 35": {"reason": "INVALID_CARD_DATA", **_CUSTOMER},  # No postal code
    "PPS 36": "DUPLICATE",  # Duplicate sequence (Gingr's table; Run's names 36 "Wallet not allowed")
    "PPS 37": "INCORRECT_CVC",  # CVV mismatch
    "PPS 38": "INCORRECT_CVC",  # CVV is required
    "PPS 39": "INVALID_REQUEST",  # Void not permitted after 30 days
    "PPS 41": "INVALID_REQUEST",  # Below min amount
    "PPS 42": "LIMIT_EXCEEDED",  # Above max amount
    "PPS 43": "INVALID_REQUEST",  # Invalid amount
    "PPS 44": "TRANSACTION_NOT_PERMITTED",  # Prepaid not supported
    "PPS 45": "TRANSACTION_NOT_PERMITTED",  # Refunds without reference not supported
    "PPS 46": "TRANSACTION_NOT_PERMITTED",  # Partial refunds not supported
    "PPS 48": "TRANSACTION_NOT_PERMITTED",  # Echeck not supported
    "PPS 61": "PROCESSING_ERROR",  # Line down (respstat B)
    "PPS 62": "TIMEOUT",  # Timed out (respstat B)
    "PPS 63": "PROCESSING_ERROR",  # Bad resp format
    "PPS 64": "PROCESSING_ERROR",  # Bad HTTP header
    "PPS 65": "PROCESSING_ERROR",  # Socket close error
    "PPS 66": "PROCESSING_ERROR",  # Response mismatch
    "PPS 70": "INVALID_REQUEST",  # Voice authorization cannot be voided
    "PPS 71": "INVALID_REQUEST",  # EMV data not authorized
    "PPS 91": "CONFIGURATION_ERROR",  # No TokenSecure
    "PPS 92": "CONFIGURATION_ERROR",  # No Merchant table
    "PPS 93": "PROCESSING_ERROR",  # No Database
    "PPS 94": "INVALID_REQUEST",  # No action
    "PPS 95": "CONFIGURATION_ERROR",  # Missing config
    "PPS 96": "INVALID_REQUEST",  # Profile not found
    "PPS 97": "CONFIGURATION_ERROR",  # Merchant disabled
    "PPS 98": "INVALID_REQUEST",  # Invalid token
    "PPS 99": {"reason": "INVALID_CARD_DATA", **_CUSTOMER},  # Invalid card
    "PPS 101": {"reason": "INVALID_CARD_DATA", **_CUSTOMER},  # AVS Mismatch
    "PPS 102": "GENERIC_DECLINE",  # Service Fee Declined
    "PPS 103": "INVALID_REQUEST",  # Service Fee Txn not found
    "PPS 104": "TRANSACTION_NOT_PERMITTED",  # Surcharge Not Supported
}

GATEWAY_ERROR_CODES = [code.split()[1] for code, reason in GATEWAY_CODES.items()
                       if reason in ("INVALID_REQUEST", "CONFIGURATION_ERROR", "PROCESSING_ERROR")]

# First Data Rapid Connect (RPCT) codes the sources list (three digits, not ISO 8583's).
RAPID_CONNECT_CODES = {
    "RPCT 100": "GENERIC_DECLINE",  # Do not honor
    "RPCT 101": "EXPIRED_CARD",  # Expired card
    "RPCT 102": "SUSPECTED_FRAUD",  # Suspected fraud
    "RPCT 104": "RESTRICTED_CARD",  # Restricted card
    "RPCT 105": "SUSPECTED_FRAUD",  # Call acquirer security department
    "RPCT 116": "INSUFFICIENT_FUNDS",  # Not sufficient funds
    "RPCT 500": "GENERIC_DECLINE",  # Decline
    "RPCT 506": {"reason": "INVALID_CARD_DATA", **_CUSTOMER},  # Invalid checking account number
    "RPCT 507": {"reason": "INVALID_CARD_DATA", **_CUSTOMER},  # New account information available
    "RPCT 509": "EXPIRED_CARD",  # Do not try again: the card has expired
    "RPCT 510": "EXPIRED_CARD",  # New account information: the card has expired
    "RPCT 512": "TRANSACTION_NOT_PERMITTED",  # Service not allowed
    "RPCT 517": "INCORRECT_CVC",  # CVV2 declined
}

# The processor and its code in one value ("RPCT 116"), written by :func:`prepare`.
PROCESSOR_CODE_KEY = "_payobs_processor_code"

RESPONSE_STATUSES = {"a": "APPROVED", "b": "ERROR", "c": "DECLINED"}

SPEC = {
    "provider": "cardconnect",
    "aliases": ["cardconnect", "card connect", "cardpointe", "cardpointe gateway", "card pointe", "cardconnect rest",
                "fiserv cardpointe", "cardpointe_gateway"],
    "detect": [
        {"path": "respstat", "in": ["A", "B", "C"], "weight": 0.3},
        {"path": "retref", "exists": True, "weight": 0.2},
        {"path": "respproc", "exists": True, "weight": 0.2},
        {"path": "respcode", "exists": True, "weight": 0.1},
        {"path": "resptext", "exists": True, "weight": 0.1},
        {"path": "merchid", "exists": True, "weight": 0.1},
        {"path": "commcard", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "major",
    "default_currency": "USD",
    "default_payment_method": "CARD",
    "reason_map": {**GATEWAY_CODES, **RAPID_CONNECT_CODES},
    "reason_fallback": "iso8583",
    "status_map": RESPONSE_STATUSES,
    "variants": [
        {
            "name": "response",
            "match": {"respstat": {"exists": True}},
            "fields": {
                "provider_transaction_id": ["retref"],
                "status": ["respstat"],
                "reason_code": [PROCESSOR_CODE_KEY, "respcode", "resptext"],
                "amount": ["amount"],
                "currency": ["currency"],
                "merchant_id": ["merchid"],
                "attempt_id": ["retref"],
                "payment_id": ["orderid"],
            },
            "rules": [
                # The gateway refused the request itself (invalid, misconfigured, or its own failure): no decision
                # on the card was made.
                {"when": {"respproc": "PPS", "respcode": GATEWAY_ERROR_CODES}, "set": {"status_category": "ERROR"}},
                # The gateway timed out waiting for the processor: the authorization may have happened.
                {"when": {"respproc": "PPS", "respcode": "62"}, "set": {"status_category": "UNKNOWN"}},
            ],
        },
    ],
}


def prepare(body: Any) -> Any:
    """The answer with its processor and code joined ("PPS 37"): a code means something only for its processor.

    Pure: returns a new dict; the payload is untouched."""
    if not isinstance(body, dict) or not body.get("respproc") or body.get("respcode") in (None, ""):
        return body
    return {**body, PROCESSOR_CODE_KEY: f"{str(body['respproc']).strip()} {str(body['respcode']).strip()}"}
