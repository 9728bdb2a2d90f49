"""Wirecard (Wirecard CEE / QENTA, and the Wirecard Payment Processing Engine, now Getnet Europe "Elastic Engine"):
Checkout Page / Checkout Seamless confirmations, their back-end (Toolkit) answers, and the Payment Processing
Engine's payment answers and notifications in JSON, XML and name-value pairs.

Sources:
- Checkout Seamless "Handling Results of Payment Process" (guides.wirecard.com/wcs:frontend_result) and "Response
  Parameters" (guides.wirecard.com/response_parameters): ``paymentState`` SUCCESS (completed by the consumer),
  CANCEL (canceled by the consumer), FAILURE (not finished successfully, with ``message``), PENDING (yet to be
  determined); for successful or pending payments ``orderNumber`` ("unique number identifying the payment"),
  ``paymentType``, ``financialInstitution``, ``amount`` (a decimal amount, major units) and ``currency``, the
  fingerprint parameters ``responseFingerprintOrder`` / ``responseFingerprint``, ``gatewayReferenceNumber``.
- Back-end operations, "Response Parameters" (guides.qenta.com/back-end_operations/response_parameters/): ``status``
  0 operation successfully done, 1 error during request parameter verification, 2 execution of operation denied,
  3 error within external financial institution, 4 internal error; on failure Checkout Page answers ``errorCode``
  (5 digits), ``message``, ``paySysMessage``; Checkout Seamless answers ``errors`` (their number) and
  ``error.{n}.errorCode`` / ``error.{n}.message`` / ``error.{n}.consumerMessage`` / ``error.{n}.paySysMessage``.
  The same status values: hochstrasserio/wirecard src/Model/Common/BackendResponseStatus.php.
- Error codes (Wirecard CEE Integration Documentation, "Error Codes", de.readkong.com/page/
  wirecard-cee-integration-documentation-7797213): 5 digits; "if the validation of a parameter detects an error,
  the error code will always start with the digit 1" (11000 "{0} is missing", 15000 invalid length, 16000 invalid
  format, 18000 "{0} is invalid" ...); 20000 "The financial institution has declined the transaction".
- Payment Processing Engine schema (Elastic Engine payment.xsd, as shipped in netradius/wirecard-java-client
  src/main/resources/payment.xsd): ``transaction-state`` success / failed / in-progress; ``transaction-type``
  (purchase, authorization, debit, capture-authorization, void-*, refund-*, chargeback stages first-cb, second-cb
  ..., debit-return, credit payouts, check-enrollment, tokenize, get-url ...); ``statuses.status`` with ``code``,
  ``description`` and ``severity`` (error, warning, information); ``requested-amount`` a decimal with a currency
  attribute (major units); payment-method names (creditcard, sepadirectdebit, paypal, ideal, ...).
- Response shapes: wirecard/merchant-documentation-gateway's PMUtil fixtures (the same refund-debit answer as XML,
  JSON ``{"payment": {...}}`` and NVP ``transaction_state=...&status_code_1=...``), wirecard/paymentSDK-php
  test/Mapper/ResponseMapperUTest.php (in-progress = a pending response), and 201.0000 "The resource was
  successfully created." on successful answers.
- Status codes: 400.1023 "The Transaction Type of the Parent Transaction is invalid for the current operation"
  (the fixture above); 500.1072 card not enrolled, 500.1073 unable to verify enrollment, 500.1074 MPI error (the
  3-D Secure fallback codes of wirecard/paymentSDK-php TransactionService and Wirecard's shop-plugin acceptance
  tests); 500.1999 "The acquirer returned an unknown response" and 999.9999 "System error" (a merchant's documented
  feedback example). The card-decline codes 400.1000-400.1112 and 500.1053-500.1069 rest on SDK source:
  ActiveMerchant's SecureCo gateway (an Elastic Engine white label, ERROR_CODE_MAPPING), not on a stored Wirecard
  status-code table, which could not be read; other codes stay without a reason.

Recollection, not a stored page: a Checkout Page FAILURE carries ``message`` / ``consumerMessage`` (Seamless the
``error.{n}.*`` list); the 1xxxx validation rule is applied to back-end answers only, a confirmation's FAILURE stays
a decline.

A back-end success (``status=0``) names neither the operation nor its amount: kept as not a payment. Payouts
(credit, original-credit and their voids), 3-D Secure steps and tokenization are not payments.

Lifecycle identity: the Engine's ``transaction-id`` is the attempt (a follow-up's ``parent-transaction-id`` the
attempt it acts on), the merchant's ``order-number`` the payment; a refund's own transaction-id its refund id, a
chargeback's its dispute id. Checkout Page/Seamless: ``orderNumber`` is both attempt and payment.
"""

from __future__ import annotations

from typing import Any

# --- Checkout Page / Seamless ------------------------------------------------------------------------------

PAYMENT_STATES = {
    "SUCCESS": "APPROVED",
    "CANCEL": "CANCELLED",
    "FAILURE": "DECLINED",
    "PENDING": "PENDING",
}

# Back-end operation status (guides.qenta.com back-end response parameters).
BACKEND_STATUSES = {
    "1": "ERROR",  # error during request parameter verification
    "2": "DECLINED",  # execution of operation denied
    "3": "ERROR",  # error within external financial institution
    "4": "ERROR",  # internal error
}
BACKEND_REASONS = {
    "20000": "GENERIC_DECLINE",  # the financial institution has declined the transaction
    "10000": "UNKNOWN",  # unknown error
}
# The status names the reason of a back-end failure; its error codes (read first) are kept as the raw code.
BACKEND_RULES = [
    {"when": {"status": "1"}, "set": {"failure_reason": "INVALID_REQUEST"}},  # parameter validation (1xxxx codes)
    {"when": {"status": "2", "_wirecard_error_codes.0": {"exists": False}},
     "set": {"failure_reason": "TRANSACTION_NOT_PERMITTED"}},  # execution of operation denied
    {"when": {"status": {"in": ["3", "4"]}}, "set": {"failure_reason": "PROCESSING_ERROR"}},
]

# Checkout Page / Seamless paymentType (hochstrasserio/wirecard src/Model/Common/PaymentType.php).
PAYMENT_TYPES = {
    "CCARD": "CARD", "CCARD-MOTO": "CARD", "MAESTRO": "CARD", "BANCONTACT_MISTERCASH": "CARD",
    "PAYPAL": "WALLET", "SKRILLWALLET": "WALLET", "MONETA": "WALLET", "MPASS": "WALLET", "PBX": "WALLET",
    "EPAY_BG": "WALLET",
    "SOFORTUEBERWEISUNG": "BANK_TRANSFER", "IDL": "BANK_TRANSFER", "EPS": "BANK_TRANSFER", "GIROPAY": "BANK_TRANSFER",
    "PRZELEWY24": "BANK_TRANSFER", "POLI": "BANK_TRANSFER", "TRUSTLY": "BANK_TRANSFER", "TRUSTPAY": "BANK_TRANSFER",
    "TATRAPAY": "BANK_TRANSFER", "EKONTO": "BANK_TRANSFER", "SKRILLDIRECT": "BANK_TRANSFER",
    "SEPA-DD": "DIRECT_DEBIT",
    "INVOICE": "BNPL", "INSTALLMENT": "BNPL",
    "PSC": "CASH_VOUCHER",  # paysafecard
}

# --- Payment Processing Engine ------------------------------------------------------------------------------

TRANSACTION_STATES = {"success": "APPROVED", "failed": "DECLINED", "in-progress": "PENDING"}

AUTHORIZATION_TYPES = ["purchase", "authorization", "authorization-only", "authorization-supplementary", "debit",
                       "referenced-purchase", "referenced-authorization", "pending-debit"]
CAPTURE_TYPES = ["capture-authorization"]
VOID_TYPES = ["void-authorization", "void-capture", "void-purchase", "void-refund-purchase", "void-refund-capture",
              "void-auth-supplementary", "void-debit"]
REFUND_TYPES = ["refund-purchase", "refund-capture", "refund-debit", "refund-request"]
# Chargeback stages and the return of a SEPA direct debit by the payer's bank.
DISPUTE_TYPES = ["retrieval-request", "retrieval-request-rep", "first-cb", "first-cb-rep", "first-cb-succ-rep",
                 "first-cb-unsucc-rep", "second-cb", "second-cb-rep", "second-cb-succ-rep", "second-cb-unsucc-rep",
                 "debit-return", "debit-return-succ-rep", "debit-return-unsucc-rep"]
PAYOUT_TYPES = ["credit", "original-credit", "pending-credit", "void-credit", "void-original-credit",
                "pending-void-credit", "adjustment-cr", "adjustment-dr"]
STEP_TYPES = ["check-enrollment", "check-payer-response", "check-signature", "tokenize", "detokenize"]

VOID_STATES = {"success": "CANCELLED", "failed": "ERROR", "in-progress": "PENDING"}
REFUND_STATES = {"success": "REFUNDED", "failed": "DECLINED", "in-progress": "PENDING"}
# get-url: the answer gives the URL the consumer is sent to; the payment awaits the consumer.
GET_URL_STATES = {"success": "PENDING", "failed": "ERROR", "in-progress": "PENDING"}

STATUS_CODES = {
    # Card data (SDK source: ActiveMerchant SecureCo ERROR_CODE_MAPPING, see the docstring).
    "400.1000": "INVALID_CARD_DATA", "400.1001": "INVALID_CARD_DATA", "400.1002": "INVALID_CARD_DATA",
    "400.1003": "INVALID_CARD_DATA", "400.1004": "INVALID_CARD_DATA",  # invalid expiry date
    "400.1006": "INCORRECT_CVC",
    "400.1007": "GENERIC_DECLINE",
    "400.1017": "INVALID_CARD_DATA", "400.1111": "INVALID_CARD_DATA", "400.1112": "INVALID_CARD_DATA",
    "400.1023": "INVALID_REQUEST",  # parent transaction's type invalid for the operation
    "500.1053": "GENERIC_DECLINE",
    "500.1054": "LOST_OR_STOLEN_CARD",  # pick up card
    "500.1055": "GENERIC_DECLINE", "500.1063": "GENERIC_DECLINE", "500.1069": "GENERIC_DECLINE",  # call issuer
    "500.1059": "INCORRECT_CVC",
    "500.1062": "EXPIRED_CARD",
    "500.1064": "INVALID_CARD_DATA",  # invalid expiry date
    "500.1072": "AUTHENTICATION_FAILED",  # card not enrolled in 3-D Secure
    "500.1073": "AUTHENTICATION_FAILED",  # unable to verify enrollment
    "500.1074": "PROCESSING_ERROR",  # MPI error
    "500.1999": "PROCESSING_ERROR",  # the acquirer returned an unknown response
    "999.9999": "PROCESSING_ERROR",  # system error
}
# 400.1xxx codes that describe the card, a decline; any other 400.xxxx code of a failed answer is a request error.
CARD_DATA_CODES = [code for code in STATUS_CODES if code.startswith("400.") and code != "400.1023"]
TECHNICAL_CODES = ["500.1074", "500.1999", "999.9999"]

ENGINE_METHODS = {
    "creditcard": "CARD", "mistercash": "CARD", "upop": "CARD",
    "paypal": "WALLET", "alipay": "WALLET", "alipay-xborder": "WALLET", "skrill": "WALLET", "mpass": "WALLET",
    "paybox": "WALLET", "tenpay": "WALLET", "webmoney": "WALLET", "yandex": "WALLET", "moneta_ru": "WALLET",
    "yapital": "WALLET",
    "sepadirectdebit": "DIRECT_DEBIT", "sepa": "DIRECT_DEBIT",
    "sofortbanking": "BANK_TRANSFER", "ideal": "BANK_TRANSFER", "eps": "BANK_TRANSFER", "p24": "BANK_TRANSFER",
    "poli": "BANK_TRANSFER", "giropay": "BANK_TRANSFER", "banktransfer": "BANK_TRANSFER", "eft": "BANK_TRANSFER",
    "directtransfer": "BANK_TRANSFER", "skrilldirect": "BANK_TRANSFER", "transferencia": "BANK_TRANSFER",
    "maybank2u": "BANK_TRANSFER", "cimbclicks": "BANK_TRANSFER", "sepacredit": "BANK_TRANSFER",
    "boleto_bancario": "BOLETO",
}

# Keys prepare() adds: the status codes that are not informational, and the back-end error codes, in order.
CODES = "_wirecard_codes"
ERROR_CODES = "_wirecard_error_codes"
_REASON_PATHS = [f"{CODES}.{i}" for i in range(4)]
_ERROR_PATHS = [f"{ERROR_CODES}.{i}" for i in range(4)]

_CONFIRM_FIELDS = {
    "provider_transaction_id": ["orderNumber"],
    "status": ["paymentState"],
    "reason_code": _ERROR_PATHS,
    "amount": ["amount"],
    "currency": ["currency"],
    "payment_method": ["paymentType"],
    "attempt_id": ["orderNumber"],
    "payment_id": ["orderNumber"],
}

_BACKEND_FIELDS = {
    "provider_transaction_id": ["orderNumber"],
    "status": ["status"],
    "reason_code": _ERROR_PATHS,
    "amount": [],
    "currency": [],
}


def _engine_fields(prefix: str, nvp: bool = False) -> dict:
    """The Engine's payment fields, under ``payment`` (JSON and XML) or as NVP names."""
    if nvp:
        return {
            "provider_transaction_id": ["transaction_id"],
            "status": ["transaction_state"],
            "reason_code": _REASON_PATHS,
            "amount": ["requested_amount"],
            "currency": ["requested_amount_currency"],
            "event_time": ["completion_time_stamp"],
            "payment_method": ["payment_method"],
            "merchant_id": ["merchant_account_id"],
            "attempt_id": ["parent_transaction_id", "transaction_id"],
            "payment_id": ["order_number"],
        }
    p = prefix
    return {
        "provider_transaction_id": [f"{p}transaction-id"],
        "status": [f"{p}transaction-state"],
        "reason_code": _REASON_PATHS,
        "amount": [f"{p}requested-amount.value", f"{p}requested-amount"],
        "currency": [f"{p}requested-amount.currency", f"{p}requested-amount.@currency"],
        "event_time": [f"{p}completion-time-stamp"],
        "payment_method": [f"{p}payment-methods.payment-method.name", f"{p}payment-methods.payment-method.@name"],
        "card_brand": [f"{p}card.card-type"],
        "merchant_id": [f"{p}merchant-account-id.value", f"{p}merchant-account-id"],
        "attempt_id": [f"{p}parent-transaction-id", f"{p}transaction-id"],
        "payment_id": [f"{p}order-number"],
    }


def _engine_rules(state: str) -> list[dict]:
    """A failed answer whose first code is a request error (400.xxxx, not about the card) or technical is ERROR."""
    return [
        {"when": {state: "failed", f"{CODES}.0": {"prefix": "400."}},
         "set": {"status_category": "ERROR"}},
        {"when": {state: "failed", f"{CODES}.0": {"in": CARD_DATA_CODES}},
         "set": {"status_category": "DECLINED"}},
        {"when": {state: "failed", f"{CODES}.0": {"in": TECHNICAL_CODES}},
         "set": {"status_category": "ERROR"}},
    ]


def _engine_variants(prefix: str, nvp: bool = False) -> list[dict]:
    state = "transaction_state" if nvp else f"{prefix}transaction-state"
    kind = "transaction_type" if nvp else f"{prefix}transaction-type"
    fields = _engine_fields(prefix, nvp)
    base = {state: {"in": list(TRANSACTION_STATES)}}
    name = "nvp" if nvp else "payment"
    refund_id = ["transaction_id"] if nvp else [f"{prefix}transaction-id"]
    return [
        {"name": f"{name}.payout", "match": {**base, kind: {"in": PAYOUT_TYPES}},
         "not_a_payment": "credits and original credits pay money out to the account holder"},
        {"name": f"{name}.step", "match": {**base, kind: {"in": STEP_TYPES}},
         "not_a_payment": "3-D Secure enrollment checks and tokenization are steps, not payment outcomes"},
        {"name": f"{name}.dispute", "match": {**base, kind: {"in": DISPUTE_TYPES}}, "status": "CHARGEBACK",
         "event_kind": "DISPUTE", "fields": {**fields, "dispute_id": refund_id}},
        {"name": f"{name}.refund", "match": {**base, kind: {"in": REFUND_TYPES}}, "event_kind": "REFUND",
         "status_map": REFUND_STATES, "fields": {**fields, "refund_id": refund_id}, "rules": _engine_rules(state)},
        {"name": f"{name}.void", "match": {**base, kind: {"in": VOID_TYPES}}, "event_kind": "VOID",
         "status_map": VOID_STATES, "fields": fields},
        {"name": f"{name}.capture", "match": {**base, kind: {"in": CAPTURE_TYPES}}, "event_kind": "CAPTURE",
         "fields": fields, "rules": _engine_rules(state)},
        {"name": f"{name}.get_url", "match": {**base, kind: "get-url"}, "event_kind": "PAYMENT",
         "status_map": GET_URL_STATES, "fields": fields},
        {"name": f"{name}.authorization", "match": {**base, kind: {"in": AUTHORIZATION_TYPES}},
         "fields": fields, "rules": _engine_rules(state)},
    ]


SPEC = {
    "provider": "wirecard",
    "aliases": ["wirecard", "wirecard cee", "wirecard checkout page", "wirecard checkout seamless", "qenta",
                "wirecard.com", "wirecard payment gateway", "wirecard elastic engine", "elastic engine"],
    "detect": [
        # Checkout Page / Seamless confirmation.
        {"path": "paymentState", "in": list(PAYMENT_STATES), "weight": 0.3},
        {"path": "responseFingerprintOrder", "exists": True, "weight": 0.3},
        {"path": "responseFingerprint", "exists": True, "weight": 0.05},
        {"path": "gatewayReferenceNumber", "exists": True, "weight": 0.1},
        {"path": "gatewayContractNumber", "exists": True, "weight": 0.05},
        # Back-end answers.
        {"path": "error.1.errorCode", "exists": True, "weight": 0.35},
        {"path": "error.1.consumerMessage", "exists": True, "weight": 0.15},
        {"path": "errors", "in": ["1", "2", "3", "4", "5", "6", "7", "8", "9"], "weight": 0.05},
        {"path": "paySysMessage", "exists": True, "weight": 0.3},
        # Payment Processing Engine, JSON/XML.
        {"path": "payment.transaction-state", "in": list(TRANSACTION_STATES), "weight": 0.3},
        {"path": "payment.merchant-account-id", "exists": True, "weight": 0.15},
        {"path": "payment.statuses.status", "exists": True, "weight": 0.15},
        {"path": "payment.transaction-type", "exists": True, "weight": 0.1},
        # Payment Processing Engine, NVP.
        {"path": "transaction_state", "in": list(TRANSACTION_STATES), "weight": 0.2},
        {"path": "status_code_1", "exists": True, "weight": 0.25},
        {"path": "status_severity_1", "in": ["error", "warning", "information"], "weight": 0.15},
        {"path": "merchant_account_id", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "major",
    "status_map": TRANSACTION_STATES,
    "reason_map": {**STATUS_CODES, **BACKEND_REASONS},
    "payment_method_map": {**ENGINE_METHODS, **PAYMENT_TYPES},
    "fields": _engine_fields("payment."),
    "variants": [
        {"name": "confirm", "match": {"paymentState": {"in": list(PAYMENT_STATES)}}, "status_map": PAYMENT_STATES,
         "fields": _CONFIRM_FIELDS},
        {"name": "backend.success", "match": {"status": "0", "paymentState": {"exists": False},
                                              "errors": {"not_in": ["1", "2", "3", "4", "5", "6", "7", "8", "9"]}},
         "not_a_payment": "a back-end operation's success answer (status=0) names neither the operation nor "
                          "its amount"},
        {"name": "backend.error", "match": {"status": {"in": list(BACKEND_STATUSES)},
                                            "paymentState": {"exists": False}, "payment": {"exists": False}},
         "status_map": BACKEND_STATUSES, "fields": _BACKEND_FIELDS, "rules": BACKEND_RULES},
        *_engine_variants("payment."),
        *_engine_variants("", nvp=True),
    ],
}


def _status_list(payment: dict) -> list:
    statuses = payment.get("statuses")
    found = statuses.get("status") if isinstance(statuses, dict) else None
    if isinstance(found, dict):
        return [found]
    return [s for s in found if isinstance(s, dict)] if isinstance(found, list) else []


def _engine_codes(body: dict) -> list[str]:
    """The codes of the answer's statuses that are errors or warnings, in order (all codes when none is)."""
    payment = body.get("payment")
    if isinstance(payment, dict):
        pairs = [(s.get("code", s.get("@code")), s.get("severity", s.get("@severity"))) for s in _status_list(payment)]
    else:
        pairs = []
        n = 1
        while f"status_code_{n}" in body:
            pairs.append((body[f"status_code_{n}"], body.get(f"status_severity_{n}")))
            n += 1
    codes = [str(code) for code, severity in pairs if code is not None and str(severity).lower() != "information"]
    return codes or [str(code) for code, _ in pairs if code is not None]


def _error_codes(body: dict) -> list[str]:
    """Checkout Seamless ``error.{n}.errorCode`` (n from 1), else Checkout Page's ``errorCode``."""
    codes = []
    n = 1
    while f"error.{n}.errorCode" in body:
        codes.append(str(body[f"error.{n}.errorCode"]))
        n += 1
    if not codes and body.get("errorCode") is not None:
        codes.append(str(body["errorCode"]))
    return codes


def prepare(body: Any) -> Any:
    """Name the answer's status or error codes in order (dotted NVP names and XML attributes read as one list).

    Pure: returns a new dict; the payload is untouched.
    """
    if not isinstance(body, dict):
        return body
    extra: dict[str, Any] = {}
    if codes := _engine_codes(body):
        extra[CODES] = codes
    if codes := _error_codes(body):
        extra[ERROR_CODES] = codes
    return {**body, **extra} if extra else body
