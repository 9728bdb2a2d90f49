"""MasterCard Internet Gateway Service (MIGS) Virtual Payment Client (VPC): the legacy key=value API generation of
the Mastercard Gateway (providers/mpgs.py is the REST API; same slug ``mpgs``).

Sources:
- MasterCard "Virtual Payment Client Integration Reference" (April 2009, software 3.1.21.1; copies at
  docplayer.net/6849976 and paperzz.com/doc/8000699) and the MIGS "Virtual Payment Client Integration Guide"
  (rev. 2.0.1 / MR 25): 2-party (server to server) and 3-party (browser redirect) receipts as
  ``vpc_*=...`` key=value pairs: vpc_Command (pay, capture, refund, voidAuthorisation, voidCapture,
  voidPurchase, voidRefund, queryDR), vpc_Amount (an integer in the currency's minor units), vpc_Currency,
  vpc_MerchTxnRef (the merchant's reference), vpc_TransactionNo (the Payment Server's transaction number),
  vpc_ReceiptNo, vpc_AcqResponseCode (the acquirer's / issuer's response code), vpc_AuthorizeId, vpc_Card,
  vpc_Message, and vpc_TxnResponseCode ("Transaction Response Code" table: 0 Transaction Successful,
  ? Transaction status is unknown, 1 Unknown Error / could not be processed, 2 Bank Declined Transaction,
  3 No Reply from Bank, 4 Expired Card, 5 Insufficient funds, 6 Error Communicating with Bank, 7 Payment Server
  System Error (error encountered during processing), 8 Transaction Type Not Supported, 9 Bank declined
  transaction (Do not contact Bank), A Transaction Aborted, B Transaction Blocked, C Transaction Cancelled,
  D Deferred transaction has been received and is awaiting processing, E Referred, F 3D Secure Authentication
  failed, I Card Security Code verification failed, L Shopping Transaction Locked, N Cardholder is not enrolled
  in Authentication scheme, P Transaction has been received by the Payment Adaptor and is being processed,
  R Transaction was not processed - Reached limit of retry attempts allowed, S Duplicate SessionID,
  T Address Verification Failed, U Card Security Code Failed, V Address Verification and Card Security Code
  Failed)
- the same guide's error messages (vpc_Message "E<number>[-<MMDDHHMM>]: <description>"); E5000 is the
  Payment Server's merchant-permission / security error ("Merchant [..] does not have the required privilege
  to use the VirtualPaymentClient API", "Cannot form a matching secure hash based on the merchant's request"):
  the merchant's set-up, CONFIGURATION_ERROR.

Amounts: vpc_Amount is in minor units of vpc_Currency; a receipt without vpc_Currency (the merchant's single
currency, not in the message) keeps no amount.
Lifecycle identity: vpc_TransactionNo is the transaction (the attempt of a pay; a refund's own number its
refund_id); vpc_MerchTxnRef is the merchant's reference (payment_id).
"""

from __future__ import annotations

import re
from typing import Any

from payobs_pipeline.normalization.providers.mpgs import SPEC as MPGS_SPEC

ERROR_CODE_KEY = "payobs_vpc_error"  # prepare(): the E-number of vpc_Message

_CUSTOMER = "CUSTOMER"

# vpc_TxnResponseCode -> (status, reason or None).
TXN_RESPONSE_CODES: dict[str, tuple[str, Any]] = {
    "0": ("APPROVED", None),
    "?": ("UNKNOWN", "UNKNOWN"),
    "1": ("ERROR", "PROCESSING_ERROR"),
    "2": ("DECLINED", "GENERIC_DECLINE"),
    "3": ("ERROR", "TIMEOUT"),
    "4": ("DECLINED", "EXPIRED_CARD"),
    "5": ("DECLINED", "INSUFFICIENT_FUNDS"),
    "6": ("ERROR", "ISSUER_UNAVAILABLE"),
    "7": ("ERROR", "PROCESSING_ERROR"),
    "8": ("ERROR", "CONFIGURATION_ERROR"),
    "9": ("DECLINED", {"reason": "GENERIC_DECLINE", "decline_type": "HARD"}),
    "A": ("CANCELLED", None),
    "B": ("DECLINED", {"reason": "RISK_REJECTED", "source": "PSP_RISK"}),
    "C": ("CANCELLED", None),
    "D": ("PENDING", None),
    "E": ("DECLINED", "GENERIC_DECLINE"),
    "F": ("DECLINED", {"reason": "AUTHENTICATION_FAILED", "source": _CUSTOMER}),
    "I": ("DECLINED", "INCORRECT_CVC"),
    "L": ("ERROR", "PROCESSING_ERROR"),
    "N": ("DECLINED", {"reason": "AUTHENTICATION_FAILED", "source": _CUSTOMER}),
    "P": ("PENDING", None),
    "R": ("DECLINED", "LIMIT_EXCEEDED"),
    "S": ("ERROR", "DUPLICATE"),
    "T": ("DECLINED", {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER}),
    "U": ("DECLINED", "INCORRECT_CVC"),
    "V": ("DECLINED", {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER}),
}
STATUSES = {code: status for code, (status, _) in TXN_RESPONSE_CODES.items()}
# vpc_Message E-numbers (the guide's error list) that say more than the response code.
ERROR_CODES = {"E5000": "CONFIGURATION_ERROR"}
REASONS = {**ERROR_CODES, **{code: reason for code, (_, reason) in TXN_RESPONSE_CODES.items() if reason}}

COMMAND_KINDS = {"capture": "CAPTURE", "refund": "REFUND", "voidauthorisation": "VOID", "voidcapture": "VOID",
                 "voidpurchase": "VOID", "voidrefund": "VOID"}
_VOIDS = ["voidAuthorisation", "voidCapture", "voidPurchase", "voidRefund"]
CARD_BRANDS = {"VC": "visa", "MC": "mastercard", "AE": "amex", "DC": "diners", "JC": "jcb", "BC": None}

_FIELDS = {
    "provider_transaction_id": ["vpc_TransactionNo", "vpc_ReceiptNo"],
    "status": ["vpc_TxnResponseCode"],
    "reason_code": [ERROR_CODE_KEY, "vpc_AcqResponseCode", "vpc_TxnResponseCode"],
    "amount": ["vpc_Amount"],
    "currency": ["vpc_Currency"],
    "card_brand": ["vpc_Card"],
    "merchant_id": ["vpc_Merchant"],
    "payment_id": ["vpc_MerchTxnRef"],
}

SPEC = {
    "provider": "mpgs",
    "aliases": list(MPGS_SPEC["aliases"]),
    "detect": [
        {"path": "vpc_TxnResponseCode", "exists": True, "weight": 0.8},
        {"path": "vpc_Command", "exists": True, "weight": 0.1},
        {"path": "vpc_MerchTxnRef", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "minor",
    "status_map": STATUSES,
    "reason_map": REASONS,
    "reason_fallback": "iso8583",
    "card_brand_map": CARD_BRANDS,
    "default_payment_method": "CARD",
    "variants": [
        {
            "name": "refund",
            "match": {"vpc_Command": "refund"},
            "event_kind": "REFUND",
            "fields": {**_FIELDS, "refund_id": ["vpc_TransactionNo"]},
            "status_map": {**STATUSES, "0": "REFUNDED"},
        },
        {
            "name": "void",
            "match": {"vpc_Command": _VOIDS},
            "event_kind": "VOID",
            "fields": _FIELDS,
            "status_map": {**STATUSES, "0": "CANCELLED", "2": "ERROR"},
        },
        {
            "name": "capture",
            "match": {"vpc_Command": "capture"},
            "event_kind": "CAPTURE",
            "fields": _FIELDS,
        },
        {
            # pay (2-party or the 3-party receipt) and queryDR (the queried transaction's outcome).
            "name": "receipt",
            "match": {"vpc_TxnResponseCode": {"exists": True}},
            "fields": {**_FIELDS, "attempt_id": ["vpc_TransactionNo"]},
        },
    ],
}

_ERROR_NUMBER = re.compile(r"^\s*(E\d{4})\b")


def prepare(body: Any) -> Any:
    """Name the E-number of an error vpc_Message; leave out an amount that has no vpc_Currency."""
    if not isinstance(body, dict) or "vpc_TxnResponseCode" not in body:
        return body
    prepared = dict(body)
    match = _ERROR_NUMBER.match(str(body.get("vpc_Message") or ""))
    if match:
        prepared[ERROR_CODE_KEY] = match.group(1)
    if not str(body.get("vpc_Currency") or "").strip():
        prepared.pop("vpc_Amount", None)
    # A transaction number 0 is the Payment Server's "no transaction was created".
    if str(body.get("vpc_TransactionNo") or "").strip() == "0":
        prepared.pop("vpc_TransactionNo", None)
    return prepared
