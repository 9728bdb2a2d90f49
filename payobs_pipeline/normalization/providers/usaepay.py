"""USAePay: REST API v2 transaction objects and the legacy CGI/Transaction API ``UM*`` key=value replies.

Sources:
- https://help.usaepay.info/api/rest/ (REST API v2, POST /api/v2/transactions: the transaction object
  ``{"type": "transaction", "key", "refnum", "is_duplicate", "result_code", "result", "authcode",
  "creditcard": {"number", "category_code"}, "invoice", "avs": {...}, "cvc": {...},
  "batch": {"type": "batch", ...}, "auth_amount"}``; result_code A Approved, P Partially approved,
  D Declined, E Error, V Verification required; a failed transaction names ``error`` / ``error_code``)
- https://help.usaepay.info/developer/transaction-api/ (legacy CGI Transaction API "Response Variables":
  UMresult A approved, D declined, E error, V verification required (3-D Secure); UMstatus the word
  (Approved, Declined, Error, Verification); UMerror the reason text, UMerrorcode its code; UMrefNum the
  transaction reference; UMauthCode, UMavsResult(Code), UMcvv2Result(Code), UMbatch, UMisDuplicate)
- USAePay "Error Messages" (error ID / user message / technical note; copy at
  https://documents.pub/document/error-messages-usaepay-7-merchant-has-been-deactivated-merchant-account-has-been.html
  and https://studylib.net/doc/18203705/error-messages): 1 password/username incorrect, 2 access denied,
  3 transaction type not supported, 4 processing gateway offline, 5 error in verification module,
  6 merchant not found, 7 merchant deactivated, 8 unable to retrieve current batch, 9/10 unable to create
  transaction / allocate slot (database), 11-14 invalid card number, 15/16 invalid expiration date
  (MMYY), 17 credit card has expired; and the gateway's 5-digit code 10127 "Card Declined" (the
  response to an issuer decline, with the issuer's words in UMerror).
The replies carry no currency (the merchant's, USD unless set up otherwise) and the amount only as the
authorized amount, so amounts are left out rather than guessed.
"""

from __future__ import annotations

from typing import Any

_CONFIG = "MERCHANT_CONFIG"
_TECHNICAL = "TECHNICAL"

ERROR_CODES: dict[str, Any] = {
    "1": "CONFIGURATION_ERROR",  # password/username incorrect
    "2": "CONFIGURATION_ERROR",  # access to page denied
    "3": {"reason": "TRANSACTION_NOT_PERMITTED", "source": _CONFIG},  # transaction type not supported
    "4": {"reason": "PROCESSING_ERROR", "source": _TECHNICAL},  # processing gateway currently offline
    "5": {"reason": "PROCESSING_ERROR", "source": _TECHNICAL},  # error in verification module
    "6": "CONFIGURATION_ERROR",  # merchant not found
    "7": "CONFIGURATION_ERROR",  # merchant has been deactivated
    "8": "CONFIGURATION_ERROR",  # unable to retrieve current batch (merchant account not active)
    "9": {"reason": "PROCESSING_ERROR", "source": _TECHNICAL},  # unable to create transaction
    "10": {"reason": "PROCESSING_ERROR", "source": _TECHNICAL},  # unable to allocate transaction slot
    "11": "INVALID_CARD_DATA",  # invalid card number (illegal characters)
    "12": "INVALID_CARD_DATA",  # card number not between 13 and 16 digits
    "13": "INVALID_CARD_DATA",  # invalid card number (Luhn check failed)
    "14": "INVALID_CARD_DATA",  # card number matches no enabled card profile
    "15": "INVALID_CARD_DATA",  # invalid expiration date, must be MMYY (1)
    "16": "INVALID_CARD_DATA",  # invalid expiration date, must be MMYY (2)
    "17": "EXPIRED_CARD",  # credit card has expired
    "10127": "GENERIC_DECLINE",  # Card Declined
    "card declined": "GENERIC_DECLINE",
}

RESULTS = {"a": "APPROVED", "p": "APPROVED", "d": "DECLINED", "e": "ERROR", "v": "PENDING"}
STATUSES = {"approved": "APPROVED", "declined": "DECLINED", "error": "ERROR", "verification": "PENDING"}

SPEC = {
    "provider": "usaepay",
    "aliases": ["usaepay", "usa epay", "usa_epay", "usaepay_rest", "usaepay_cgi", "usa e pay"],
    "detect": [
        # Legacy CGI / Transaction API reply (key=value).
        {"path": "UMresult", "in": ["A", "D", "E", "V"], "weight": 0.4},
        {"path": "UMrefNum", "exists": True, "weight": 0.3},
        {"path": "UMstatus", "exists": True, "weight": 0.2},
        {"path": "UMversion", "exists": True, "weight": 0.2},
        {"path": "UMerrorcode", "exists": True, "weight": 0.1},
        # REST API v2 transaction object.
        {"path": "refnum", "exists": True, "weight": 0.2},
        {"path": "is_duplicate", "in": ["Y", "N"], "weight": 0.3},
        {"path": "result_code", "in": ["A", "P", "D", "E", "V"], "weight": 0.2},
        {"path": "batch.type", "in": ["batch"], "weight": 0.2},
        {"path": "auth_amount", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "major",
    "default_payment_method": "CARD",
    "reason_map": ERROR_CODES,
    "variants": [
        {
            "name": "cgi_reply",
            "match": {"UMresult": {"exists": True}},
            "fields": {
                "provider_transaction_id": ["UMrefNum"],
                "status": ["UMresult"],
                "reason_code": ["UMerrorcode", "UMerror"],
            },
            "status_map": RESULTS,
        },
        {
            "name": "cgi_reply.status_only",
            "match": {"UMstatus": {"exists": True}, "UMrefNum": {"exists": True}},
            "fields": {
                "provider_transaction_id": ["UMrefNum"],
                "status": ["UMstatus"],
                "reason_code": ["UMerrorcode", "UMerror"],
            },
            "status_map": STATUSES,
        },
        {
            "name": "rest_transaction",
            "match": {"result_code": {"exists": True}},
            "fields": {
                "provider_transaction_id": ["refnum"],
                "status": ["result_code"],
                "reason_code": ["error_code", "errorcode", "error"],
                "payment_id": ["invoice"],
            },
            "status_map": RESULTS,
        },
        {
            # A REST error answer (no transaction): the request was refused.
            "name": "rest_error",
            "match": {"errorcode": {"exists": True}, "error": {"exists": True}},
            "status": "ERROR",
            "fields": {"status": ["errorcode"], "reason_code": ["errorcode", "error"]},
        },
    ],
}
