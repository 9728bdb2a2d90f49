"""Elavon Converge (formerly VirtualMerchant / viaKlix): XML ``<txn>``, key=value and JSON responses; and the
Elavon Payment Gateway (EPG, the REST API of api.eu.convergepay.com): its notifications, Transaction resources and
error body.

Sources:
- https://developer.elavon.com/na/docs/converge/1.0.0/integration-guide/transaction_types/credit_card/sale
  (response fields: ssl_result 0 = approved / 1 = declined, ssl_result_message, ssl_txn_id,
  ssl_approval_code, ssl_amount (major units, 2 decimals; 0 or 3 for JPY / BHD on multi-currency
  terminals), ssl_transaction_currency, ssl_txn_time, ssl_transaction_type, ssl_card_short_description,
  ssl_card_type, ssl_invoice_number, ssl_issuer_response (the issuer's response code),
  ssl_avs_response, ssl_cvv2_response)
- https://developer.elavon.com/na/docs/converge/1.0.0/integration-guide/api_reference/error_codes
  (errorCode / errorName / errorMessage when a transaction fails to process: 3000-3003 gateway and
  processing errors, 4000-4025 request / credential / permission errors, 5000-5021 data errors)
- https://www.myvirtualmerchant.com/VirtualMerchant/help/en_us/merchant/vt-transaction-response-help.jsp
  (authorization response: the 16-character display message, e.g. APPROVAL, CALL AUTH CENTER, PICK UP
  CARD, EXPIRED CARD, DECLINED CVV2; transaction types Sale, Authonly, Return, Void, Force, ...)
- Converge Developer Guide (2016, "Authorization response codes"): response messages with their ISO codes
  (00 APPROVAL, 01/02 CALL AUTH CENTER, 04/07/41/43 PICK UP CARD, 05 DECLINED, 51 DECLINED: NSF /
  EXCEEDS BAL, 54 EXPIRED CARD, N7 DECLINE CVV2, 14 CARD NO. ERROR, 13 AMOUNT ERROR, ...)
EPG sources (no stored page of developer.elavon.com's EPG reference; its text as transcribed in the stored code
corpus by an llms.txt generator of the EPG docs, file id 52109085780, "Key Enum Values" and "Webhook Event Types"):
notifications {href, id, merchant, createdAt, eventType, resourceType, resource, customReference}; Transaction
events saleAuthorized, saleDeclined, saleHeldForReview, saleCaptured, saleSettled, voidAuthorized, voidDeclined,
refundAuthorized, refundDeclined, refundCaptured, refundSettled; Payment Session and Payment Link events expired,
reset, saleDeclined, saleAuthorized, saleAuthorizationPending; Transaction type sale / refund / void and state
authorized, captured, settled, voided, declined, expired, settlementDelayed, rejected, heldForReview,
authorizationPending, unknown; total {amount (a decimal string), currencyCode}; error body {status, failures:
[{code, description, field}]} with HTTP 400 validation, 401 invalid key, 403 a public key used where it may not be,
404 no such resource, 409 a duplicate or in-flight request, 429 rate limited. The eventType list is also in
ordergroup/python-getpaid-elavon getpaid_elavon/types.py (PaymentStatus). A notification names its resource and
carries no amount and no decline reason; the EPG failure codes are not transcribed, so an error's reason comes from
its HTTP status only.
The XML API answers ``<txn>...</txn>``; the HTTPS POST / hosted page forms answer the same ``ssl_`` fields
as key=value pairs (one per line, or form-encoded). Converge accounts are US (USD) unless the terminal is
set up for multi-currency, when ``ssl_transaction_currency`` says the currency.
Reasons: the error code when there is one; else the display message, unless it is a generic decline
("DECLINED", "CALL AUTH CENTER", ...) and the issuer's ISO code says more: ``ssl_issuer_response`` is the
``reason_code`` path after the message, read through the ``iso8583`` fallback (the engine's rule: mapping.py,
"Failure reasons"); :func:`prepare` passes it on (``payobs_issuer_code``) only when it is an ISO 8583 code that
table knows.
"""

from __future__ import annotations

from typing import Any

from payobs_pipeline.normalization.issuer_codes import ISSUER_CODE_REASONS

REASON_KEY = "payobs_reason_code"
ISSUER_KEY = "payobs_issuer_code"

_MERCHANT_CONFIG = "MERCHANT_CONFIG"
_TECHNICAL = "TECHNICAL"

# errorCode (Converge error codes table).
ERROR_CODES: dict[str, Any] = {
    "3000": {"reason": "PROCESSING_ERROR", "source": _TECHNICAL},  # gateway not responding
    "3001": {"reason": "PROCESSING_ERROR", "source": _TECHNICAL},  # gateway generated error
    "3002": {"reason": "PROCESSING_ERROR", "source": _TECHNICAL},  # adapter generated error
    "3003": {"reason": "PROCESSING_ERROR", "source": _TECHNICAL},  # processing error
    "4000": "CONFIGURATION_ERROR",  # VID (Converge ID) not supplied
    "4002": "CONFIGURATION_ERROR",  # HTTP POST transactions not allowed for this account
    "4003": "CONFIGURATION_ERROR",  # HTTP referrer invalid
    "4005": "INVALID_REQUEST",  # e-mail address invalid
    "4006": "INVALID_REQUEST",  # CVV2 indicator missing with CVV2 data
    "4007": "INVALID_REQUEST",  # CVV2 requested but no data
    "4009": "INVALID_REQUEST",  # required field not supplied
    "4010": "INVALID_REQUEST",  # invalid transaction type
    "4011": "INVALID_REQUEST",  # receipt URL missing
    "4013": "CONFIGURATION_ERROR",  # PIN (terminal ID) not supplied
    "4014": {"reason": "TRANSACTION_NOT_PERMITTED", "source": _MERCHANT_CONFIG},  # not permitted for this user/terminal
    "4016": {"reason": "TRANSACTION_NOT_PERMITTED", "source": _MERCHANT_CONFIG},  # permission denied
    "4017": {"reason": "TIMEOUT", "source": _TECHNICAL},  # the request has timed out
    "4018": "INVALID_REQUEST",  # settlement is in progress, void failed
    "4019": "CONFIGURATION_ERROR",  # user ID not supplied
    "4022": {"reason": "PROCESSING_ERROR", "source": _TECHNICAL},  # the system is unavailable
    "4025": "CONFIGURATION_ERROR",  # invalid credentials
    "5000": "INVALID_CARD_DATA",  # credit card number invalid
    "5001": "INVALID_CARD_DATA",  # expiration date invalid
    "5002": "INVALID_REQUEST",  # amount invalid
    "5004": "INVALID_REQUEST",  # invalid reference number (transaction ID)
    "5005": "INVALID_REQUEST",  # field character limit exceeded
    "5021": "INCORRECT_CVC",  # invalid CVV2 value
}
# Error codes that refuse the card itself: a decline, not a technical failure.
_CARD_REFUSED = ["5000", "5001", "5021"]

# ssl_result_message (authorization display messages).
RESULT_MESSAGES: dict[str, Any] = {
    "DECLINED": "GENERIC_DECLINE",
    "DECLINE": "GENERIC_DECLINE",
    "DECLINED-HELP 9999": "GENERIC_DECLINE",
    "CALL AUTH CENTER": "GENERIC_DECLINE",
    "CALL": "GENERIC_DECLINE",
    "REFERRAL": "GENERIC_DECLINE",
    "DECLINED: NSF": "INSUFFICIENT_FUNDS",
    "DECLINED:NSF": "INSUFFICIENT_FUNDS",
    "DECLINED NSF": "INSUFFICIENT_FUNDS",
    "NSF": "INSUFFICIENT_FUNDS",
    "EXCEEDS BAL": "INSUFFICIENT_FUNDS",
    "INSUFF FUNDS": "INSUFFICIENT_FUNDS",
    "DECLINE CVV2": "INCORRECT_CVC",
    "DECLINED CVV2": "INCORRECT_CVC",
    "CVV2 MISMATCH": "INCORRECT_CVC",
    "PICK UP CARD": "LOST_OR_STOLEN_CARD",
    "PICK UP": "LOST_OR_STOLEN_CARD",
    "HOLD-CALL": "LOST_OR_STOLEN_CARD",
    "EXPIRED CARD": "EXPIRED_CARD",
    "CARD EXPIRED": "EXPIRED_CARD",
    "INVALID CARD": "INVALID_CARD_DATA",
    "CARD NO. ERROR": "INVALID_CARD_DATA",
    "CARD NUMBER ERROR": "INVALID_CARD_DATA",
    "INV ACCT NUM": "INVALID_CARD_DATA",
    "INVLD EXP DATE": "INVALID_CARD_DATA",
    "INV EXP DATE": "INVALID_CARD_DATA",
    "ACCT LENGTH ERR": "INVALID_CARD_DATA",
    "NO SUCH ISSUER": "INVALID_CARD_DATA",
    "AMOUNT ERROR": "INVALID_REQUEST",
    "SERV NOT ALLOWED": "TRANSACTION_NOT_PERMITTED",
    "TRAN NOT ALLOWED": "TRANSACTION_NOT_PERMITTED",
    "INCORRECT PIN": "AUTHENTICATION_FAILED",
    "PIN TRIES EXCEED": {"reason": "AUTHENTICATION_FAILED", "decline_type": "HARD"},
    "SUSPECTED FRAUD": "SUSPECTED_FRAUD",
    "NO REPLY": "ISSUER_UNAVAILABLE",
    "ISSUER UNAVAIL": "ISSUER_UNAVAILABLE",
    "INVALID TERM ID": "CONFIGURATION_ERROR",
    "INVLD MERCH ID": "CONFIGURATION_ERROR",
    "INV MER ID": "CONFIGURATION_ERROR",
    "RECORD NOT FOUND": "INVALID_REQUEST",
    "SEQ ERR PLS CALL": {"reason": "PROCESSING_ERROR", "source": _TECHNICAL},
    "DUPLICATE": "DUPLICATE",
    "DUPLICATE TRANSACTION": "DUPLICATE",
    "EXCEEDS LIMIT": "LIMIT_EXCEEDED",
    "OVER LIMIT": "LIMIT_EXCEEDED",
    "RESTRICTED CARD": "RESTRICTED_CARD",
    "STOP RECURRING": "REVOKED",
    "REVK PAY ORDERED": "REVOKED",
    "STOP PAY ORDERED": "REVOKED",
}

BRANDS = {"VISA": "visa", "MC": "mastercard", "MASTERCARD": "mastercard", "AMEX": "amex", "DISC": "discover",
          "DISCOVER": "discover", "JCB": "jcb", "CUP": "unionpay", "DINERS": "diners", "DINERSCLUB": "diners",
          "PAYPAL": None, "DEBIT": None}

PAYMENT_METHODS = {"CREDITCARD": "CARD", "DEBITCARD": "CARD", "CREDIT": "CARD", "DEBIT": "CARD",
                   "ECHECK": "DIRECT_DEBIT", "ACH": "DIRECT_DEBIT", "EBT": "OTHER", "GIFTCARD": "OTHER",
                   "PAYPAL": "WALLET"}

RESULTS = {"0": "APPROVED", "1": "DECLINED"}

_CAPTURE_TYPES = ["COMPLETE", "CCCOMPLETE", "FORCE", "CCFORCE"]
_REFUND_TYPES = ["RETURN", "CCRETURN", "CREDIT", "CCCREDIT", "ECSPRETURN"]
_VOID_TYPES = ["VOID", "CCVOID", "DELETE", "CCDELETE"]


def _text(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("#text")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    return value.strip() or None if isinstance(value, str) else None


def _document(body: dict) -> dict | None:
    txn = body.get("txn")
    if isinstance(txn, dict):
        return txn
    if "ssl_result" in body or "errorCode" in body or "ssl_result_message" in body:
        return body
    return None


def _reason(doc: dict) -> str | None:
    """The error code when there is one, else the display message (the issuer's code is the next path)."""
    return _text(doc.get("errorCode")) or _text(doc.get("ssl_result_message"))


_ISO_CODES = frozenset(code.upper() for code in ISSUER_CODE_REASONS)


def _issuer_code(doc: dict) -> str | None:
    """ssl_issuer_response when it is an ISO 8583 code the shared table knows, else None."""
    code = _text(doc.get("ssl_issuer_response"))
    return code if code and code.upper() in _ISO_CODES else None


# --- Elavon Payment Gateway (EPG) ---
EPG_EVENTS = {
    "saleAuthorized": "APPROVED", "saleCaptured": "APPROVED", "saleSettled": "APPROVED",
    "saleDeclined": "DECLINED",
    "saleHeldForReview": "PENDING", "saleAuthorizationPending": "PENDING",
    "voidAuthorized": "CANCELLED", "voidDeclined": "ERROR",  # the void failed
    "refundAuthorized": "REFUNDED", "refundCaptured": "REFUNDED", "refundSettled": "REFUNDED",
    "refundDeclined": "DECLINED",
    "expired": "CANCELLED",  # the session (or link) expired unpaid
}
EPG_RESOURCE_TYPES = ["paymentSession", "paymentLink", "transaction"]
EPG_STATES = {
    "authorized": "APPROVED", "captured": "APPROVED", "settled": "APPROVED",
    "settlementDelayed": "PENDING", "heldForReview": "PENDING", "authorizationPending": "PENDING",
    "declined": "DECLINED", "rejected": "DECLINED",
    "voided": "CANCELLED", "expired": "CANCELLED",
    "unknown": "UNKNOWN",
}
EPG_HTTP_ERRORS = {
    "400": "INVALID_REQUEST", "404": "INVALID_REQUEST", "401": "CONFIGURATION_ERROR", "403": "CONFIGURATION_ERROR",
    "409": "DUPLICATE", "429": "PROCESSING_ERROR", "500": "PROCESSING_ERROR", "502": "PROCESSING_ERROR",
    "503": "PROCESSING_ERROR", "504": "TIMEOUT",
}
EPG_HOSTS = ["https://api.eu.convergepay.com/", "https://uat.api.converge.eu.elavonaws.com/",
             "https://api.na.elavonpayments.com/", "https://uat.api.converge.na.elavonaws.com/"]
RESOURCE_ID_KEY = "payobs_resource_id"


def _epg(body: dict) -> dict | None:
    """An EPG notification with the id its resource URL ends with; None for anything else."""
    resource = body.get("resource")
    if "eventType" not in body or "resourceType" not in body:
        return None
    rid = resource.rstrip("/").rsplit("/", 1)[-1] if isinstance(resource, str) and resource else None
    return {**body, RESOURCE_ID_KEY: rid}


def prepare(body: Any) -> Any:
    """The response as ``{"txn": {...}}`` (XML, key=value or JSON alike) with its reason read.

    Transaction types are upper-cased so ``ccsale`` and ``SALE`` read alike. Pure.
    """
    if not isinstance(body, dict):
        return body
    notification = _epg(body)
    if notification is not None:
        return notification
    doc = _document(body)
    if doc is None:
        return body
    prepared = dict(doc)
    prepared[REASON_KEY] = _reason(doc)
    issuer = _issuer_code(doc)
    if issuer:
        prepared[ISSUER_KEY] = issuer
    kind = _text(doc.get("ssl_transaction_type"))
    if kind:
        prepared["ssl_transaction_type"] = kind.upper()
    return {"txn": prepared}


SPEC = {
    "provider": "elavon",
    "aliases": ["elavon", "converge", "elavon_converge", "elavon converge", "convergepay", "converge_pay",
                "virtualmerchant", "virtual_merchant", "myvirtualmerchant", "viaklix", "elavon_us"],
    "detect": [
        {"path": "txn.ssl_result", "exists": True, "weight": 0.9},
        {"path": "txn.ssl_result_message", "exists": True, "weight": 0.5},
        {"path": "txn.errorCode", "exists": True, "weight": 0.5},
        {"path": "txn.errorName", "exists": True, "weight": 0.4},
        {"path": "ssl_result", "in": list(RESULTS), "weight": 0.4},
        {"path": "ssl_result_message", "exists": True, "weight": 0.3},
        {"path": "ssl_txn_id", "exists": True, "weight": 0.3},
        {"path": "ssl_approval_code", "exists": True, "weight": 0.1},
        {"path": "errorName", "exists": True, "weight": 0.3},
        {"path": "errorCode", "exists": True, "weight": 0.2},
        {"path": "errorMessage", "exists": True, "weight": 0.2},
        # EPG: a notification names its resource type and one of the documented events; a resource's href is on
        # an EPG API host.
        {"path": "eventType", "in": list(EPG_EVENTS) + ["reset"], "weight": 0.3},
        {"path": "resourceType", "in": EPG_RESOURCE_TYPES, "weight": 0.3},
        {"path": "href", "prefix": EPG_HOSTS, "weight": 0.4},
        {"path": "resource", "prefix": EPG_HOSTS, "weight": 0.2},
        {"path": "shopperInteraction", "in": ["ecommerce", "mailOrder", "telephoneOrder", "merchantInitiated",
                                              "inPerson"], "weight": 0.2},
        {"path": "failures.0.code", "exists": True, "weight": 0.2},
    ],
    "amount_unit": "major",
    "default_currency": "USD",
    "default_payment_method": "CARD",
    "payment_method_map": PAYMENT_METHODS,
    # ssl_card_short_description names the scheme (PAYPAL and DEBIT name none).
    "card_brand_map": BRANDS,
    "reason_map": {**ERROR_CODES, **RESULT_MESSAGES},
    "reason_fallback": "iso8583",
    "variants": [
        {
            "name": "epg_session_reset",
            "match": {"eventType": "reset", "resourceType": {"exists": True}},
            "not_a_payment": "an EPG payment session reset for a new attempt: no outcome of its own",
        },
        {
            # A Payment Session / Payment Link notification: the payment as a whole, its one sale's outcome.
            "name": "epg_notification",
            "match": {"eventType": {"in": list(EPG_EVENTS)}, "resourceType": {"exists": True}},
            "default_currency": None,
            "default_payment_method": None,
            "status_map": EPG_EVENTS,
            "fields": {
                "provider_transaction_id": [RESOURCE_ID_KEY, "id"],
                "status": ["eventType"],
                "event_time": ["createdAt"],
                "payment_id": ["customReference"],
            },
            "rules": [
                {"when": {"eventType": "expired"}, "set": {"event_kind": "PAYMENT"}},
                {"when": {"eventType": {"in": ["saleCaptured", "saleSettled"]}}, "set": {"event_kind": "CAPTURE"}},
                {"when": {"eventType": {"in": ["voidAuthorized", "voidDeclined"]}}, "set": {"event_kind": "VOID"}},
                {"when": {"eventType": {"prefix": "refund"}}, "set": {"event_kind": "REFUND"}},
            ],
        },
        {
            "name": "epg_error",
            "match": {"failures": {"exists": True}, "status": {"exists": True}},
            "status": "ERROR",
            "default_currency": None,
            "default_payment_method": None,
            "reason_map": EPG_HTTP_ERRORS,
            "fields": {"reason_code": ["status"]},
        },
        {
            # GET /transactions/{id}: type sale / refund / void, its state and total.
            "name": "epg_transaction",
            "match": {"type": {"in": ["sale", "refund", "void"]}, "state": {"in": list(EPG_STATES)},
                      "total.currencyCode": {"exists": True}},
            "default_currency": None,
            "status_map": EPG_STATES,
            "fields": {
                "provider_transaction_id": ["id"],
                "status": ["state"],
                "amount": ["total.amount"],
                "currency": ["total.currencyCode"],
                "event_time": ["createdAt"],
                "payment_id": ["customReference", "orderReference"],
            },
            "rules": [
                {"when": {"type": "sale", "state": {"in": ["captured", "settled", "settlementDelayed"]}},
                 "set": {"event_kind": "CAPTURE"}},
                {"when": {"type": "refund"}, "set": {"event_kind": "REFUND"}},
                {"when": {"type": "refund", "state": {"in": ["authorized", "captured", "settled"]}},
                 "set": {"status_category": "REFUNDED"}},
                {"when": {"type": "void"}, "set": {"event_kind": "VOID"}},
                {"when": {"type": "void", "state": {"in": ["authorized", "captured", "settled", "voided"]}},
                 "set": {"status_category": "CANCELLED"}},
                {"when": {"type": "void", "state": {"in": ["declined", "rejected"]}},
                 "set": {"status_category": "ERROR"}},
            ],
        },
        {
            # The request failed to process: error code, name and message, no transaction result.
            "name": "error",
            "match": {"txn.errorCode": {"exists": True}, "txn.ssl_result": {"exists": False}},
            "root": "txn",
            "status": "ERROR",
            "fields": {
                "provider_transaction_id": ["ssl_txn_id"],
                "reason_code": [REASON_KEY],
                "amount": ["ssl_amount"],
                "currency": ["ssl_transaction_currency"],
                "payment_id": ["ssl_invoice_number"],
            },
            "rules": [
                # The Converge error codes page groups its codes: 5000-series codes are data errors (the
                # request's values are wrong, e.g. 5091 "Invalid amount": a return above the original
                # amount), so one not listed above is an invalid request; the listed ones keep their reason.
                {"when": {"errorCode": {"prefix": "5"}}, "set": {"failure_reason": "INVALID_REQUEST"}},
                *({"when": {"errorCode": code}, "set": {"failure_reason": reason}}
                  for code, reason in ERROR_CODES.items() if code.startswith("5") and isinstance(reason, str)),
                {"when": {"errorCode": _CARD_REFUSED}, "set": {"status_category": "DECLINED"}},
            ],
        },
        {
            # ccgettoken / ccupdatetoken / ccdeletetoken (Converge "Card tokenization" transaction types)
            # answer the card token (ssl_token, ssl_token_response, ssl_add_token_response) with no
            # transaction id and no amount: a card stored in the vault, not a payment. A sale that also
            # stores a token (ssl_get_token=Y) carries ssl_txn_id and stays a payment.
            "name": "token",
            "match": {"txn.ssl_token": {"exists": True}, "txn.ssl_txn_id": {"exists": False},
                      "txn.ssl_amount": {"exists": False}},
            "not_a_payment": "a Converge card token response stores a card, it is not a payment",
        },
        {
            "name": "transaction",
            "match": {"txn.ssl_result": {"exists": True}},
            "root": "txn",
            "fields": {
                "provider_transaction_id": ["ssl_txn_id"],
                "status": ["ssl_result"],
                "reason_code": [REASON_KEY, ISSUER_KEY],
                "amount": ["ssl_amount", "ssl_requested_amount"],
                "currency": ["ssl_transaction_currency"],
                "event_time": ["ssl_txn_time"],
                "payment_method": ["ssl_card_type"],
                "card_brand": ["ssl_card_short_description"],
                "payment_id": ["ssl_invoice_number"],
                "customer_country": ["ssl_country"],
            },
            "status_map": RESULTS,
            "rules": [
                {"when": {"ssl_transaction_type": _CAPTURE_TYPES}, "set": {"event_kind": "CAPTURE"}},
                {"when": {"ssl_transaction_type": _REFUND_TYPES}, "set": {"event_kind": "REFUND"}},
                {"when": {"ssl_transaction_type": _REFUND_TYPES, "ssl_result": "0"},
                 "set": {"status_category": "REFUNDED"}},
                {"when": {"ssl_transaction_type": _VOID_TYPES}, "set": {"event_kind": "VOID"}},
                {"when": {"ssl_transaction_type": _VOID_TYPES, "ssl_result": "0"},
                 "set": {"status_category": "CANCELLED"}},
                {"when": {"ssl_transaction_type": _VOID_TYPES, "ssl_result": "1"}, "set": {"status_category": "ERROR"}},
                {"when": {"ssl_transaction_type": {"prefix": "EC"}}, "set": {"payment_method": "DIRECT_DEBIT"}},
            ],
        },
    ],
}
