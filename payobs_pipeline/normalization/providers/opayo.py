"""Opayo (Elavon; formerly Sage Pay, Protx): the Form / Server / Direct protocol and the Pi REST API.

Sources:
- developer-eu.elavon.com/docs/opayo-direct/api-reference/transaction-registration-post-response (Name=Value
  fields separated by CRLF; Status OK / NOTAUTHED / REJECTED / AUTHENTICATED / REGISTERED / 3DAUTH / PPREDIRECT /
  MALFORMED / INVALID / ERROR; StatusDetail "human readable", VPSTxId, SecurityKey, TxAuthNo only when OK,
  AVSCV2 / AddressResult / PostCodeResult / CV2Result "not present if the Status is 3DAUTH, AUTHENTICATED,
  PPREDIRECT or REGISTERED")
- developer-eu.elavon.com/docs/opayo-direct/taking-payment/9-opayo-replies-your-post ("When the transaction is
  authorised you will receive an OK Status and a TxAuthNo"; "All other messages are authorisation failures")
- developer-eu.elavon.com/docs/opayo-forms/opayo-form-integration-overview/8-opayo-redirects-customer-your-website/
  status-field (Form: OK authorised, NOTAUTHED failed by the bank, ABORT the user clicked Cancel, REJECTED fraud
  screening rules not met or 3D authentication failed three times, ERROR an error at Opayo) and
  .../opayo-forms/api-reference/transaction-completion (crypt fields: VPSProtocol, TxType, VendorTxCode, Status,
  StatusDetail, TxAuthNo, AVSCV2 ...)
- www.opayo.co.uk/support/12/38/server-integration-the-notification-post (Server notification fields: TxType,
  VendorTxCode, Status, StatusDetail, TxAuthNo, AVSCV2, 3DSecureStatus, CardType, Last4Digits, VPSSignature,
  DeclineCode, BankAuthCode ...) and developer-eu.elavon.com/docs/opayo-server/transaction-monitor (a transaction
  unfinished after 15 minutes is cancelled and notified with Status ABORT: "your customer has not been charged")
- The Sage Pay / Opayo error-code table ("www.sagepay.co.uk/support/error-codes", StatusDetail "NNNN : text"),
  as quoted in a Protx/Sage Pay Direct payment module's error-message table (codes 2000-2015, 3002-3102,
  4000-4049, 5001-5030, 5994-6000) and in the Sage Pay Pi description of statusCode
- Sage Pay / Opayo Pi REST API reference, as published in github.com/academe/sage-pay-pi-open-api
  (openapi/transactions.yaml: 201 transaction object with status Ok / NotAuthed / Rejected / Malformed / Invalid /
  Error, statusCode "0000", statusDetail, transactionId, transactionType Payment / Deferred / Repeat / Refund,
  retrievalReference, bankResponseCode "also known as the decline code", bankAuthorisationCode, amount in the
  smallest currency unit (GET: amount.totalAmount), currency; 202 3-D Secure: status 3DAuth, statusCode 2007,
  acsUrl, paReq; openapi/instructions.yaml: instructionType void / abort / release with date;
  openapi/description.md "Sage Pay Error Codes": code / description (/ property / clientMessage in an
  ``errors`` array for 422), HTTP 400 1000, 401 1001-1002, 404 1006/1012/1019, 403 1013-1021, 408 9998, 500 9999;
  openapi/sandbox-accounts.md: a Rejected example with statusCode 2001 and bankResponseCode 00)

Protocol messages carry no amount and currency (Form's crypt has a major-unit Amount but no currency: not read);
Pi amounts are minor units. The protocol's ``Status=OK`` is not always an approved authorization: with
``NextURL`` it is a Server registration (the customer is still to pay), the shared protocol's RELEASE, VOID,
ABORT and CANCEL replies answer OK with StatusDetail 2004 / 2005 / 2006 / 2012, and a REFUND reply is an OK with
a TxAuthNo and none of a payment's AVS/CV2 results. :func:`prepare` reads which one a message is from TxType,
StatusDetail's leading code and those fields; an OK that says none of this (no TxType, no card checks, no code
other than 0000 with a TxAuthNo) is left unmapped rather than guessed (a REFUND and a REPEAT reply look alike).

``DeclineCode`` (protocol) and ``bankResponseCode`` (Pi) are the merchant bank's code, the ISO 8583 response
code in practice (Pi's sandbox shows 00 for an authorised card); codes ISO reserves for national use (97-99)
are the bank's own and say no reason.

Lifecycle identity: the attempt is ``VPSTxId`` (Pi ``transactionId``); a REFUND's own VPSTxId / transactionId is
the refund (the refunded transaction is named only in the request). ``VendorTxCode`` is unique per
transaction, so it names no payment above the attempt.
"""

from __future__ import annotations

import re
from typing import Any

STATUS_KEY = "payobs_opayo_status"  # prepare(): the protocol Status read with TxType / code / fields
CODE_KEY = "payobs_opayo_code"  # prepare(): StatusDetail's leading four-digit code

_LEADING_CODE = re.compile(r"^\s*(\d{4})\b")

_PSP_RISK = {"reason": "RISK_REJECTED", "source": "MERCHANT_RISK"}  # the vendor's own rule base

# The Opayo four-digit codes (protocol StatusDetail "NNNN : text", Pi statusCode). 0000 and 2004-2012 are
# successes of their operation and never reasons.
CODES: dict[str, Any] = {
    "2000": "GENERIC_DECLINE",  # the Authorisation was Declined by the bank
    "2001": _PSP_RISK,  # the Authorisation was Rejected by the vendor rule-base
    "2002": {"reason": "TIMEOUT", "source": "TECHNICAL"},  # the Authorisation timed out
    "2003": "PROCESSING_ERROR",  # an ERROR has occurred on the Sage Pay system
    "2008": {"reason": "TIMEOUT", "source": "TECHNICAL"},  # the Transaction timed-out
    "2009": {"reason": "PROCESSING_ERROR", "source": "TECHNICAL"},  # network connection to the bank unavailable
    "2015": "PROCESSING_ERROR",  # unexpected condition on the server
    # 30xx/31xx: the request's fields.
    **dict.fromkeys([f"{n}" for n in range(3002, 3103)], "INVALID_REQUEST"),
    "3048": "INVALID_CARD_DATA",  # CardNumber length invalid
    "3049": "INVALID_CARD_DATA",  # StartDate format invalid
    "3050": "INVALID_CARD_DATA",  # ExpiryDate format invalid
    "3051": "INVALID_CARD_DATA",  # CardNumber required
    "3052": "INVALID_CARD_DATA",  # ExpiryDate required
    "3053": "INVALID_CARD_DATA",  # IssueNumber format invalid
    "3057": "INCORRECT_CVC",  # CV2 format invalid
    "3062": "INVALID_CARD_DATA",  # CardNumber should only contain numbers
    "3069": "CONFIGURATION_ERROR",  # the PaymentSystem is not supported on the account
    "3098": "CONFIGURATION_ERROR",  # VPSProtocol not supported by the system in use
    "3099": "CONFIGURATION_ERROR",  # the AccountType is not setup on this account
    "3101": "TRANSACTION_NOT_PERMITTED",  # the PaymentSystem does not support direct refund
    # 40xx: the account and the transaction's state.
    "4000": "CONFIGURATION_ERROR",  # VendorName invalid or the account is not active
    "4001": "DUPLICATE",  # the VendorTxCode has been used before
    **dict.fromkeys(["4002", "4003", "4004", "4005"], "DUPLICATE"),  # an active transaction with this VendorTxCode
    "4006": "CONFIGURATION_ERROR",  # TxType not supported on this account
    "4007": "CONFIGURATION_ERROR",  # TxType not active on this account
    "4008": "CONFIGURATION_ERROR",  # Currency not supported on this account
    "4009": "INVALID_REQUEST",  # Amount outside the allowed range
    "4020": "CONFIGURATION_ERROR",  # information received from an invalid IP address
    "4021": "TRANSACTION_NOT_PERMITTED",  # the Card Range not supported by the system
    "4022": "INVALID_CARD_DATA",  # the Card Type selected does not match card number
    **dict.fromkeys(["4023", "4024", "4025"], "INVALID_CARD_DATA"),  # card issue number
    "4026": "AUTHENTICATION_FAILED",  # 3D-Authentication failed; the vendor's rules require a successful one
    "4027": "AUTHENTICATION_FAILED",  # 3D-Authentication failed. Cannot authorise this card
    **dict.fromkeys(["4028", "4029", "4030", "4031", "4032", "4033"], "INVALID_REQUEST"),  # related transaction
    "4034": "DUPLICATE",  # the Transaction has already been Refunded
    "4035": "INVALID_REQUEST",  # this Refund would exceed the amount of the original transaction
    "4036": "DUPLICATE",  # the Transaction has already been Voided
    "4037": "INVALID_REQUEST",  # the related transaction is not a DEFERRED payment
    "4038": "DUPLICATE",  # the Transaction has already been Released
    "4039": "INVALID_REQUEST",  # the transaction is not in a DEFERRED state
    "4040": "INVALID_REQUEST",  # the Transaction has been Aborted
    "4041": "INVALID_REQUEST",  # the Transaction type does not support the requested operation
    "4042": "DUPLICATE",  # the VendorTxCode has been used before for another transaction
    "4043": _PSP_RISK,  # the Vendor Rule Bases disallow this card range
    "4044": "INVALID_REQUEST",  # this Authorise would exceed 115% of the original transaction
    "4045": "INVALID_REQUEST",  # the related transaction is not an AUTHENTICATE
    "4046": "AUTHENTICATION_REQUIRED",  # 3D-Authentication required. Cannot authorise this card
    "4047": "CONFIGURATION_ERROR",  # the vendor account is closed
    "4048": "INVALID_CARD_DATA",  # the Card Number length is invalid
    "4049": "INVALID_REQUEST",  # the ReleaseAmount larger than the original amount
    # 50xx: the service and card validation.
    "5001": "PROCESSING_ERROR",  # the required service is not available or invalid
    "5002": "INVALID_REQUEST",  # invalid request
    "5003": "PROCESSING_ERROR",  # internal server error
    "5004": "INVALID_REQUEST",  # the Transaction state is invalid
    "5005": "CONFIGURATION_ERROR",  # the Vendor configuration is missing or invalid
    "5006": "CONFIGURATION_ERROR",  # the vendor failed to provide a RedirectionURL
    "5007": "INVALID_REQUEST",  # a required parameter is missing
    "5008": "CONFIGURATION_ERROR",  # missing custom vendor template
    "5009": "CONFIGURATION_ERROR",  # the Encryption password is missing
    **dict.fromkeys(["5010", "5011", "5012"], "INVALID_CARD_DATA"),  # card number required / Luhn / holder name
    "5013": "EXPIRED_CARD",  # the card has expired
    "5014": "INVALID_CARD_DATA",  # the card expiry date is required
    "5015": "INVALID_CARD_DATA",  # card validation failure
    "5016": "INVALID_CARD_DATA",  # the StartDate is in the future: the card is not yet valid
    **dict.fromkeys(["5017", "5018", "5019"], "INCORRECT_CVC"),  # security code required / length / not a number
    **dict.fromkeys(["5020", "5021", "5022", "5023", "5024"], "INVALID_REQUEST"),  # card address / post code / holder
    "5025": "LIMIT_EXCEEDED",  # the number of authorisation attempts exceeds the limit
    **dict.fromkeys(["5026", "5027", "5028"], "INVALID_CARD_DATA"),  # card number not numeric, start/expiry invalid
    "5029": "AUTHENTICATION_FAILED",  # 3D-Authentication failed; the vendor's rules require a successful one
    "5030": "CONFIGURATION_ERROR",  # unable to decrypt the request (incorrect password or encoding)
    "5994": "PROCESSING_ERROR",  # the Authorisation process failed, due to an internal server error
    "5995": _PSP_RISK,  # the AVS/CV2 checks failed
    "5996": {"reason": "TIMEOUT", "source": "TECHNICAL"},  # the bank did not respond within an acceptable time
    "5997": "PROCESSING_ERROR",  # a communication related error occurred
    "5998": "DUPLICATE",  # duplicate vendor notification attempt
    "5999": "INVALID_REQUEST",  # the Session is invalid or has expired
    "6000": "PROCESSING_ERROR",  # data access error
}

# Pi API error bodies ("Sage Pay Error Codes", openapi/description.md).
PI_ERROR_CODES: dict[str, Any] = {
    "1000": "INVALID_REQUEST",  # 400 incorrect request format
    "1001": "CONFIGURATION_ERROR",  # 401 authentication values are missing
    "1002": "CONFIGURATION_ERROR",  # 401 authentication failed
    "1003": "INVALID_REQUEST",  # 422 missing mandatory field
    "1004": "INVALID_REQUEST",  # 422 invalid length
    "1005": "INVALID_REQUEST",  # 422 contains invalid characters
    "1006": "INVALID_REQUEST",  # 404 Merchant Session Keys not found
    "1007": "INVALID_CARD_DATA",  # 422 the card number has failed our validity checks and is invalid
    "1008": "TRANSACTION_NOT_PERMITTED",  # 422 the card is not supported
    "1009": "INVALID_REQUEST",  # 422 contains invalid value
    "1010": "INVALID_REQUEST",  # 422 currency does not exist
    "1011": "INVALID_REQUEST",  # 422 Merchant Session Keys or card identifier invalid
    "1012": "INVALID_REQUEST",  # 404 transaction not found
    "1013": "CONFIGURATION_ERROR",  # 403 transaction type not supported
    "1014": "INVALID_REQUEST",  # 403 transaction status not applicable
    "1015": "INVALID_REQUEST",  # 422 the request entity was empty
    "1016": "INVALID_REQUEST",  # 422 this parameter requires an integer
    "1017": "INVALID_REQUEST",  # 403 operation not allowed for this transaction
    "1018": "INVALID_REQUEST",  # 403 refund amount exceeds the original transaction
    "1019": "INVALID_REQUEST",  # 404 transaction instructions not found
    "1020": "INVALID_REQUEST",  # 422 card identifier already reusable
    "1021": "INVALID_REQUEST",  # 403 release amount exceeds the original transaction
    "9998": "TIMEOUT",  # 408 request timeout
    "9999": "PROCESSING_ERROR",  # 500 an internal error occurred at Sage Pay
}
PI_ERROR_DESCRIPTIONS = [
    "Incorrect request format", "Authentication values are missing", "Authentication failed",
    "Missing mandatory field", "Invalid length", "Contains invalid characters", "Merchant Session Keys not found",
    "The card number has failed our validity checks and is invalid", "The card is not supported",
    "Contains invalid value", "Currency does not exist", "Merchant Session Keys or card identifier invalid",
    "Transaction not found", "Transaction type not supported", "Transaction status not applicable",
    "The request entity was empty", "This parameter requires an integer", "Operation not allowed for this transaction",
    "This refund amount will exceed the amount of the original transaction", "Transaction instructions not found",
    "Unable to save a card identifier that is already reusable",
    "This release amount will exceed the amount of the original transaction", "Request timeout",
    "An internal error occurred at Sage Pay", "An internal error occurred at Opayo",
]

# The protocol's Status word when the message says nothing else (after the codes above in the reason paths).
STATUS_REASONS: dict[str, Any] = {
    "NOTAUTHED": "GENERIC_DECLINE",  # the bank did not authorise; StatusDetail / DeclineCode say why when they can
    "REJECTED": _PSP_RISK,  # the vendor's fraud screening rules (AVS/CV2, 3-D Secure)
    "MALFORMED": "INVALID_REQUEST",  # missing fields or badly formatted
    "INVALID": "INVALID_REQUEST",  # some information was invalid
    "ERROR": "PROCESSING_ERROR",  # an error at Opayo
}
# ISO 8583 national-use codes: the merchant bank's own meaning (DeclineCode is "specific to your merchant bank").
_BANK_OWN_CODES = dict.fromkeys(["97", "98", "99"], "UNKNOWN")

# The protocol Status, as prepare() qualifies an OK.
PROTOCOL_STATUSES = {
    "OK": "APPROVED",  # authorised (TxAuthNo, card checks, or a payment TxType)
    "OK_REFUND": "REFUNDED",
    "OK_RELEASE": "APPROVED",  # 2004 the Release was Successful (a deferred payment captured)
    "OK_VOID": "CANCELLED",  # 2005 Void / 2006 Abort / 2012 Cancel successful
    "OK_REGISTERED": "PENDING",  # Server registration (NextURL) / 2011 registered / 2010 authenticated
    "NOTAUTHED": "DECLINED",
    "REJECTED": "DECLINED",
    "MALFORMED": "ERROR",
    "INVALID": "ERROR",
    "ERROR": "ERROR",
    "ABORT": "CANCELLED",  # the customer cancelled, or the Transaction Monitor cancelled an unfinished one
    "PENDING": "PENDING",  # European payment types awaiting the bank's result
    "REGISTERED": "PENDING",  # AUTHENTICATE: card details secured, not authorised
    "AUTHENTICATED": "PENDING",  # AUTHENTICATE: 3-D Secure passed, awaiting AUTHORISE
    "3DAUTH": "PENDING",  # the customer is to be sent to the issuer for 3-D authentication
    "PPREDIRECT": "PENDING",  # the customer is to be redirected to PayPal
    "OK REPEATED": "PENDING",  # a Server registration repeated while the first is still in progress
}

# Pi transaction status.
PI_STATUSES = {
    "Ok": "APPROVED",
    "NotAuthed": "DECLINED",
    "Rejected": "DECLINED",
    "Malformed": "ERROR",
    "Invalid": "ERROR",
    "Error": "ERROR",
    "3DAuth": "PENDING",
}
PI_STATUS_REASONS: dict[str, Any] = {
    "NotAuthed": "GENERIC_DECLINE",
    "Rejected": _PSP_RISK,
    "Malformed": "INVALID_REQUEST",
    "Invalid": "INVALID_REQUEST",
    "Error": "PROCESSING_ERROR",
}

# Protocol CardType values (VISA, MC, MCDEBIT, DELTA (Visa Debit), MAESTRO, UKE (Visa Electron), AMEX, DC
# (Diners), JCB, LASER, PAYPAL) and the European payment types; Pi cardType words.
CARD_TYPES = ["VISA", "MC", "MCDEBIT", "DELTA", "MAESTRO", "UKE", "AMEX", "DC", "JCB", "LASER",
              "Visa", "MasterCard", "Maestro", "AmericanExpress", "Diners", "DinersClub", "Discover"]
PAYMENT_METHODS = {
    **dict.fromkeys(CARD_TYPES, "CARD"),
    "PAYPAL": "WALLET",
    **dict.fromkeys(["IDEAL", "GIROPAY", "SOFORT", "EPS"], "BANK_TRANSFER"),
}
CARD_BRANDS = {"MCDEBIT": "mastercard", "DELTA": "visa", "UKE": "visa", "DC": "diners", "LASER": "laser",
               "PAYPAL": None, "IDEAL": None, "GIROPAY": None, "SOFORT": None, "EPS": None}

_CARD_CHECK_FIELDS = ("AVSCV2", "AddressResult", "PostCodeResult", "CV2Result", "3DSecureStatus", "CardType",
                      "BankAuthCode", "CAVV", "Last4Digits")
_REFUND_TXTYPES = ("REFUND", "DIRECTREFUND")
_VOID_TXTYPES = ("VOID", "ABORT", "CANCEL")


def _protocol_status(body: dict) -> str | None:
    """The protocol Status, an OK qualified by what the message says it answers (see the module docstring)."""
    status = str(body.get("Status") or "").strip().upper()
    if status != "OK":
        return status or None
    code = body.get(CODE_KEY)
    tx_type = str(body.get("TxType") or "").strip().upper()
    if body.get("NextURL") or code in ("2010", "2011"):
        return "OK_REGISTERED"
    if code == "2004" or tx_type == "RELEASE":
        return "OK_RELEASE"
    if code in ("2005", "2006", "2012") or tx_type in _VOID_TXTYPES:
        return "OK_VOID"
    if tx_type in _REFUND_TXTYPES:
        return "OK_REFUND"
    if tx_type in ("AUTHENTICATE",):
        return "OK_REGISTERED"
    if tx_type or any(body.get(field) not in (None, "") for field in _CARD_CHECK_FIELDS):
        return "OK"
    return None  # an OK that does not say what it answers: left unmapped, never guessed


def prepare(body: Any) -> Any:
    """A protocol message with its Status qualified and StatusDetail's code apart; other documents unchanged.

    Pure: returns a shallow copy with extra top-level keys; the original is untouched.
    """
    if not isinstance(body, dict) or "Status" not in body:
        return body
    detail = body.get("StatusDetail")
    match = _LEADING_CODE.match(detail) if isinstance(detail, str) else None
    prepared = {**body, CODE_KEY: match.group(1) if match else None}
    prepared[STATUS_KEY] = _protocol_status(prepared)
    return prepared


_PI_TRANSACTION = {"statusCode": {"exists": True}, "statusDetail": {"exists": True}}

SPEC = {
    "provider": "opayo",
    "aliases": ["opayo", "sagepay", "sage_pay", "Sage Pay", "elavon_opayo", "opayo_pi", "sagepay_pi", "protx",
                "sagepay_direct", "sagepay_server", "sagepay_form", "opayo_direct", "opayo_server", "opayo_form"],
    "detect": [
        # Protocol (Form / Server / Direct) Name=Value messages.
        {"path": "VPSProtocol", "exists": True, "weight": 0.6},
        {"path": "VPSTxId", "exists": True, "weight": 0.5},
        {"path": "VPSSignature", "exists": True, "weight": 0.3},
        {"path": "VendorTxCode", "exists": True, "weight": 0.3},
        {"path": "TxAuthNo", "exists": True, "weight": 0.3},
        {"path": "AVSCV2", "exists": True, "weight": 0.3},
        {"path": "3DSecureStatus", "exists": True, "weight": 0.2},
        {"path": "SecurityKey", "exists": True, "weight": 0.2},
        {"path": "StatusDetail", "exists": True, "weight": 0.2},
        {"path": "Status", "in": [s for s in PROTOCOL_STATUSES if not s.startswith("OK")] + ["OK"], "weight": 0.1},
        # Pi transactions.
        {"path": "statusCode", "in": ["0000", *CODES, "2007"], "weight": 0.3},
        {"path": "statusDetail", "exists": True, "weight": 0.2},
        {"path": "status", "in": [s for s in PI_STATUSES if s != "Error"], "weight": 0.2},
        {"path": "transactionId", "exists": True, "weight": 0.1},
        {"path": "bankResponseCode", "exists": True, "weight": 0.2},
        {"path": "bankAuthorisationCode", "exists": True, "weight": 0.2},
        {"path": "retrievalReference", "exists": True, "weight": 0.1},
        {"path": "avsCvsCheck", "exists": True, "weight": 0.3},
        {"path": "paymentMethod.card.cardIdentifier", "exists": True, "weight": 0.2},
        # Pi error bodies and other objects.
        {"path": "errors.0.clientMessage", "exists": True, "weight": 0.3},
        {"path": "errors.0.property", "exists": True, "weight": 0.2},
        {"path": "errors.0.code", "in": list(PI_ERROR_CODES), "weight": 0.2},
        {"path": "code", "in": list(PI_ERROR_CODES), "weight": 0.3},
        {"path": "description", "in": PI_ERROR_DESCRIPTIONS, "weight": 0.3},
        {"path": "instructionType", "in": ["void", "abort", "release"], "weight": 0.5},
        {"path": "merchantSessionKey", "exists": True, "weight": 0.6},
    ],
    "reason_fallback": "iso8583",
    "payment_method_map": PAYMENT_METHODS,
    "card_brand_map": CARD_BRANDS,
    "variants": [
        {
            "name": "pi.merchant_session_key",
            "match": {"merchantSessionKey": {"exists": True}},
            "not_a_payment": "a Pi merchant session key (a checkout token), not a payment",
        },
        {
            "name": "pi.card_identifier",
            "match": {"cardIdentifier": {"exists": True}, "expiry": {"exists": True}, "status": {"exists": False}},
            "not_a_payment": "a Pi card identifier (a tokenised card), not a payment",
        },
        {
            # The answer to a void / abort / release instruction: no transaction id or amount in it.
            "name": "pi.instruction",
            "match": {"instructionType": ["void", "abort", "release"]},
            "fields": {"status": ["instructionType"], "event_time": ["date"]},
            "status_map": {"void": "CANCELLED", "abort": "CANCELLED", "release": "APPROVED"},
            "rules": [
                {"when": {"instructionType": ["void", "abort"]}, "set": {"event_kind": "VOID"}},
                {"when": {"instructionType": "release"}, "set": {"event_kind": "CAPTURE"}},
            ],
        },
        {
            "name": "pi.transaction",
            "match": _PI_TRANSACTION,
            "fields": {
                "provider_transaction_id": ["transactionId"],
                "status": ["status"],
                # statusCode first (Opayo's own), then the bank's code, then the status word.
                "reason_code": ["statusCode", "bankResponseCode", "status"],
                "amount": ["amount.totalAmount", "amount"],
                "currency": ["currency"],
                "payment_method": ["paymentMethod.card.cardType"],
                "card_brand": ["paymentMethod.card.cardType"],
            },
            "status_map": PI_STATUSES,
            "reason_map": {**CODES, **_BANK_OWN_CODES, **PI_STATUS_REASONS},
            "rules": [
                {"when": {"transactionType": "Refund"}, "set": {"event_kind": "REFUND"}},
                {"when": {"transactionType": "Refund", "status": "Ok"}, "set": {"status_category": "REFUNDED"}},
                {"when": {"paymentMethod.card": {"exists": True}}, "set": {"payment_method": "CARD"}},
                {"when": {"paymentMethod.applePay": {"exists": True}}, "set": {"payment_method": "WALLET"}},
                {"when": {"paymentMethod.googlePay": {"exists": True}}, "set": {"payment_method": "WALLET"}},
                {"when": {"paymentMethod.paypal": {"exists": True}}, "set": {"payment_method": "WALLET"}},
            ],
        },
        {
            # HTTP 4xx/5xx: {"code", "description"} or, for 422, an "errors" array of them (first one read).
            "name": "pi.error",
            "match": {"description": {"exists": True}, "code": {"exists": True}, "status": {"exists": False}},
            "status": "ERROR",
            "fields": {"reason_code": ["code"]},
            "reason_map": PI_ERROR_CODES,
            "reason_fallback": None,
        },
        {
            "name": "pi.errors",
            "match": {"errors.0.code": {"exists": True}, "errors.0.description": {"exists": True}},
            "status": "ERROR",
            "fields": {"reason_code": ["errors.0.code"]},
            "reason_map": PI_ERROR_CODES,
            "reason_fallback": None,
        },
        {
            # Form crypt, Server notification and registration reply, Direct reply, shared-protocol replies.
            "name": "protocol",
            "match": {"Status": {"exists": True}},
            "fields": {
                "provider_transaction_id": ["VPSTxId"],
                "status": [STATUS_KEY],
                "reason_code": [CODE_KEY, "DeclineCode", "Status"],
                "payment_method": ["CardType"],
                "card_brand": ["CardType"],
            },
            "status_map": PROTOCOL_STATUSES,
            "reason_map": {**CODES, **_BANK_OWN_CODES, **STATUS_REASONS},
            "rules": [
                {"when": {STATUS_KEY: "OK_REFUND"}, "set": {"event_kind": "REFUND"}},
                {"when": {"TxType": list(_REFUND_TXTYPES)}, "set": {"event_kind": "REFUND"}},
                {"when": {STATUS_KEY: "OK_RELEASE"}, "set": {"event_kind": "CAPTURE"}},
                {"when": {"TxType": "RELEASE"}, "set": {"event_kind": "CAPTURE"}},
                {"when": {STATUS_KEY: "OK_VOID"}, "set": {"event_kind": "VOID"}},
                {"when": {"TxType": list(_VOID_TXTYPES)}, "set": {"event_kind": "VOID"}},
                # A 3-D Secure step and the AVS/CV2 checks belong to a card payment (Direct replies name no
                # CardType).
                {"when": {"Status": "3DAUTH"}, "set": {"payment_method": "CARD"}},
                {"when": {"AVSCV2": {"exists": True}, "CardType": {"exists": False}},
                 "set": {"payment_method": "CARD"}},
                {"when": {"CV2Result": {"exists": True}, "CardType": {"exists": False}},
                 "set": {"payment_method": "CARD"}},
                {"when": {"Status": "PPREDIRECT"}, "set": {"payment_method": "WALLET"}},
            ],
        },
    ],
}
