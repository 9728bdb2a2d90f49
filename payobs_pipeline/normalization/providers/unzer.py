"""Unzer (formerly heidelpay, Germany): API v1 payments, transactions (authorize, charge, cancel, chargeback),
error bodies and webhooks.

Sources:
- Unzer API reference (docs.unzer.com, "Error codes": docs.unzer.com/reference/error-codes): the transaction
  result codes are the Open Payment Platform result codes, written with a "COR." prefix by the API
  (000.100.112 "Request successfully processed in 'Merchant in Connector Test Mode'", 000.100.201 .. 000.100.275
  chargeback / return reasons (203 Insufficient Funds, 206 Revocation or Dispute, 220 Fraudulent Transaction, ...),
  100.100.101 invalid creditcard, bank account number or bank name, 100.100.303 card expired, 100.100.701
  suspecting fraud, 800.100.151 .. 800.100.172 bank declines, ...): their status and reason are read through the
  shared OPPWA tables (providers/_oppwa.py: the documented code families, then the specific codes).
- Unzer "Merchant Advice Error Codes" (docs.unzer.com/reference/merchant-advice-error-codes): COR.800.100.151,
  .152, .156, .159, .167, .171, .172, .177 "Category 1 - Do not retry" (HARD); COR.800.100.153, .157, .162, .168,
  .190, .500, .600, .650 "Category 2 - retry max 10 times" (SOFT).
- Unzer PHP SDK constants (github.com/unzerdev/php-sdk src/Constants, not tests): ApiResponseCodes (API.000.000.999
  general error, API.310.100.003 payment not found, API.320/330/340/360.000.004 transaction not allowed,
  API.320.200.138 order id already in use, API.340.100.014/015/018 already cancelled / charged back / charged,
  API.710.000.002 invalid key, API.710.000.005 insufficient permission, API.710.000.007 wrong authentication
  method, API.710.200.100 field is missing, COR.000.200.000 transaction pending, COR.100.300.600 invalid or missing
  login, COR.100.900.401 invalid IP number, SDM.LIMIT_EXCEEDED / NEGATIVE_TRAIT_FOUND / INCREASED_RISK /
  DATA_FORMAT_ERROR (the Unzer Paylater risk check)); PaymentState (0 pending, 1 completed, 2 canceled, 3 partly,
  4 payment review, 5 chargeback, 6 create); WebhookEvents (authorize / charge .succeeded .failed .pending
  .canceled .expired .resumed, chargeback, payment.pending / completed / canceled / partly / payment_review /
  chargeback, payout(.succeeded/.failed), types, customer.*, shipment); IdStrings (s-/p- prefixed ids: pay
  payment, aut authorize, chg charge, cnl cancel, chb chargeback, pyo payout, shp shipment, crd card, sdd SEPA
  direct debit, ppl PayPal, ...).
- Unzer API transaction answer: {id, isSuccess, isPending, isResumed, isError, message {code, merchant,
  customer}, amount (decimal string in major units, "10.0000"), currency, date, resources {paymentId, typeId,
  customerId, ...}, orderId, processing {uniqueId, shortId}}; an error answer {id "s-err-...", isSuccess false,
  isError true, url, timestamp, errors [{code, merchantMessage, customerMessage}]}; a payment {id "s-pay-...",
  state {id, name}, amount {total, charged, canceled, remaining}, currency, orderId, resources, transactions
  [{type, status, amount, date, url}]}; a webhook {event, publicKey, retrieveUrl, paymentId} (the event names
  the outcome; the amount is fetched from retrieveUrl).
A cancel (s-cnl) of a charge is a refund; of an authorization, its reversal (read from the url's path).
Lifecycle identity: the authorize or charge id is the attempt; resources.paymentId (s-pay-...) the payment; a
cancel's id the refund; a chargeback's id the dispute.
"""

from __future__ import annotations

import re
from typing import Any

from payobs_pipeline.normalization.providers import _oppwa

RESULT_KEY = "_payobs_unzer_result"  # success / pending / resumed / error / an OPPWA family name
KIND_KEY = "_payobs_unzer_kind"  # authorize / charge / refund / reversal / chargeback / payout / shipment / ...
FAMILY_KEY = "_payobs_unzer_family"  # the OPPWA family of a COR. code, a later reason source
ATTEMPT_KEY = "_payobs_unzer_attempt"  # the authorize / charge a cancel or chargeback belongs to
TYPE_KEY = "_payobs_unzer_type"  # the payment type id's three letters (crd, sdd, ppl, ...)

# Unzer's own API and risk codes (php-sdk ApiResponseCodes).
API_CODES = {
    "API.000.000.999": ("ERROR", "PROCESSING_ERROR"),  # general error
    "API.310.100.003": ("ERROR", "INVALID_REQUEST"),  # payment not found
    "API.320.000.004": ("ERROR", "INVALID_REQUEST"),  # authorize not allowed
    "API.330.000.004": ("ERROR", "INVALID_REQUEST"),  # charge not allowed
    "API.340.000.004": ("ERROR", "INVALID_REQUEST"),  # cancel not allowed
    "API.360.000.004": ("ERROR", "INVALID_REQUEST"),  # ship not allowed
    "API.320.100.008": ("ERROR", "INVALID_REQUEST"),  # customer id required
    "API.320.200.138": ("ERROR", "DUPLICATE"),  # order id already in use
    "API.320.200.145": ("ERROR", "CONFIGURATION_ERROR"),  # resource does not belong to the merchant
    "API.330.100.007": ("ERROR", "INVALID_REQUEST"),  # charged amount higher than expected
    "API.330.100.202": ("ERROR", "INVALID_REQUEST"),  # currency is not supported
    "API.340.100.014": ("ERROR", "INVALID_REQUEST"),  # already cancelled
    "API.340.100.015": ("ERROR", "INVALID_REQUEST"),  # already charged back
    "API.340.100.018": ("ERROR", "INVALID_REQUEST"),  # already charged
    "API.340.200.130": ("ERROR", "INVALID_REQUEST"),  # amount is missing
    "API.500.300.999": ("ERROR", "INVALID_REQUEST"),  # request data is invalid
    "API.710.000.002": ("ERROR", "CONFIGURATION_ERROR"),  # invalid key
    "API.710.000.005": ("ERROR", "CONFIGURATION_ERROR"),  # insufficient permission
    "API.710.000.007": ("ERROR", "CONFIGURATION_ERROR"),  # wrong authentication method
    "API.710.200.100": ("ERROR", "INVALID_REQUEST"),  # field is missing
    "COR.100.300.600": ("ERROR", "CONFIGURATION_ERROR"),  # invalid or missing login
    "COR.100.900.401": ("ERROR", "CONFIGURATION_ERROR"),  # invalid IP number
    "SDM.LIMIT_EXCEEDED": ("DECLINED", {"reason": "RISK_REJECTED", "source": "PSP_RISK"}),
    "SDM.NEGATIVE_TRAIT_FOUND": ("DECLINED", {"reason": "RISK_REJECTED", "source": "PSP_RISK"}),
    "SDM.INCREASED_RISK": ("DECLINED", {"reason": "RISK_REJECTED", "source": "PSP_RISK"}),
    "SDM.CURRENT_INSURANCE_EVENT": ("DECLINED", {"reason": "RISK_REJECTED", "source": "PSP_RISK"}),
    "SDM.DATA_FORMAT_ERROR": ("ERROR", "INVALID_REQUEST"),
}
# Merchant advice categories (docs.unzer.com/reference/merchant-advice-error-codes).
DO_NOT_RETRY = ["151", "152", "156", "159", "167", "171", "172", "177"]
RETRY = ["153", "157", "162", "168", "190", "500", "600", "650"]


def _with_decline_type(entry: Any, code: str) -> Any:
    suffix = code.rsplit(".", 1)[-1]
    if not code.startswith("800.100.") or suffix not in DO_NOT_RETRY + RETRY:
        return entry
    entry = {"reason": entry} if isinstance(entry, str) else dict(entry)
    return {**entry, "decline_type": "HARD" if suffix in DO_NOT_RETRY else "SOFT"}


REASONS = {
    **{f"COR.{code}": _with_decline_type(entry, code) for code, entry in _oppwa.CODE_REASONS.items()},
    **{f"COR.800.100.{suffix}": _with_decline_type("GENERIC_DECLINE", f"800.100.{suffix}")
       for suffix in DO_NOT_RETRY + RETRY if f"800.100.{suffix}" not in _oppwa.CODE_REASONS},
    **{code: reason for code, (_, reason) in API_CODES.items()},
    **_oppwa.FAMILY_REASONS,
}
# The result of an answer: success, pending, resumed, the family of its COR. code, or its API / SDM code's status.
STATUSES = {
    "success": "APPROVED",
    "pending": "PENDING",
    "resumed": "PENDING",  # the customer came back from 3-D Secure / the redirect: the outcome follows
    "api_declined": "DECLINED",
    "api_error": "ERROR",
    **_oppwa.FAMILY_STATUSES,
}
# The payment's state (php-sdk PaymentState).
PAYMENT_STATES = {
    "pending": "PENDING",
    "completed": "APPROVED",
    "canceled": "CANCELLED",
    "partly": "PENDING",  # partly paid: an amount is still open
    "payment review": "PENDING",
    "chargeback": "CHARGEBACK",
    "create": "PENDING",
}
# Webhook events that name a payment outcome.
EVENTS = {
    "authorize.succeeded": "APPROVED", "authorize.failed": "DECLINED", "authorize.pending": "PENDING",
    "authorize.resumed": "PENDING", "authorize.canceled": "CANCELLED", "authorize.expired": "CANCELLED",
    "charge.succeeded": "APPROVED", "charge.failed": "DECLINED", "charge.pending": "PENDING",
    "charge.resumed": "PENDING", "charge.canceled": "REFUNDED", "charge.expired": "CANCELLED",
    "chargeback": "CHARGEBACK",
    "payment.pending": "PENDING", "payment.completed": "APPROVED", "payment.canceled": "CANCELLED",
    "payment.partly": "PENDING", "payment.payment_review": "PENDING", "payment.chargeback": "CHARGEBACK",
}
NOT_PAYMENT_EVENTS = ["payout", "payout.succeeded", "payout.failed", "types", "customer", "customer.created",
                      "customer.deleted", "customer.updated", "shipment"]

# Payment type ids (php-sdk IdStrings): s-crd-... card, s-sdd-... SEPA direct debit, ...
TYPE_METHODS = {
    "crd": "CARD", "apl": "WALLET", "gop": "WALLET", "ppl": "WALLET", "ali": "WALLET", "wcp": "WALLET",
    "twt": "WALLET", "sdd": "DIRECT_DEBIT", "dds": "DIRECT_DEBIT", "pdd": "DIRECT_DEBIT", "sft": "BANK_TRANSFER",
    "gro": "BANK_TRANSFER", "idl": "BANK_TRANSFER", "eps": "BANK_TRANSFER", "pis": "BANK_TRANSFER",
    "p24": "BANK_TRANSFER", "bct": "BANK_TRANSFER", "pfc": "BANK_TRANSFER", "pfe": "BANK_TRANSFER",
    "opb": "BANK_TRANSFER", "ppy": "BANK_TRANSFER", "ivc": "BNPL", "ivg": "BNPL", "ivf": "BNPL", "ivs": "BNPL",
    "piv": "BNPL", "pit": "BNPL", "ins": "BNPL", "hdd": "BNPL", "kli": "BNPL",
}
_ID = re.compile(r"^[sp]-([a-z0-9]{3})-", re.IGNORECASE)
_KINDS = {"aut": "authorize", "chg": "charge", "cnl": "cancel", "chb": "chargeback", "pyo": "payout",
          "shp": "shipment", "pay": "payment", "err": "error"}


def _prefix(value: Any) -> str | None:
    match = _ID.match(value) if isinstance(value, str) else None
    return match.group(1).lower() if match else None


def _text(value: Any) -> str | None:
    if isinstance(value, bool) or value is None or isinstance(value, (dict, list)):
        return None
    return str(value).strip() or None


def _flag(value: Any) -> bool:
    return value is True or (isinstance(value, str) and value.strip().lower() == "true")


def _code(document: dict) -> str | None:
    errors = document.get("errors")
    if isinstance(errors, list) and errors and isinstance(errors[0], dict):
        return _text(errors[0].get("code"))
    message = document.get("message")
    return _text(message.get("code")) if isinstance(message, dict) else None


def _result(document: dict, code: str | None) -> str | None:
    if _flag(document.get("isSuccess")):
        return "success"
    if _flag(document.get("isPending")):
        return "resumed" if _flag(document.get("isResumed")) else "pending"
    if not _flag(document.get("isError")) and "errors" not in document:
        return None
    if code and code.upper().startswith("COR."):
        found = _oppwa.family(code[4:])
        if code.upper() in API_CODES:
            return "api_declined" if API_CODES[code.upper()][0] == "DECLINED" else "api_error"
        return found or "api_error"
    if code and code.upper() in API_CODES:
        return "api_declined" if API_CODES[code.upper()][0] == "DECLINED" else "api_error"
    return "api_error"


def _kind(document: dict) -> str | None:
    kind = _KINDS.get(_prefix(document.get("id")) or "")
    if kind != "cancel":
        return kind
    url = _text(document.get("url")) or ""
    return "reversal" if "/authorize/" in url or "/authorizations/" in url else "refund"


def _attempt(document: dict) -> str | None:
    """The authorize or charge a cancel or chargeback acts on, from its url (.../charges/s-chg-1/cancels/...)."""
    url = _text(document.get("url")) or ""
    for part in reversed(url.split("/")):
        if _prefix(part) in ("aut", "chg"):
            return part
    return None


def prepare(body: Any) -> Any:
    """Name an Unzer transaction's result, kind and the OPPWA family of its COR. code. Pure: a new dict."""
    if not isinstance(body, dict) or "event" in body or "state" in body:
        return body
    if not any(key in body for key in ("isSuccess", "isPending", "isError", "errors")):
        return body
    code = _code(body)
    extra: dict[str, Any] = {}
    result = _result(body, code)
    if result:
        extra[RESULT_KEY] = result
    kind = _kind(body)
    if kind:
        extra[KIND_KEY] = kind
    if code and code.upper().startswith("COR."):
        family = _oppwa.family(code[4:])
        if family:
            extra[FAMILY_KEY] = family
    attempt = _attempt(body)
    if attempt:
        extra[ATTEMPT_KEY] = attempt
    type_id = _prefix(((body.get("resources") or {}) if isinstance(body.get("resources"), dict) else {}).get("typeId"))
    if type_id:
        extra[TYPE_KEY] = type_id
    return {**body, **extra}


_TRANSACTION_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": [RESULT_KEY],
    "reason_code": ["errors.0.code", "message.code", FAMILY_KEY],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["date", "timestamp"],
    "payment_method": [TYPE_KEY],
    "attempt_id": [ATTEMPT_KEY, "id"],
    "payment_id": ["resources.paymentId"],
}

SPEC = {
    "provider": "unzer",
    "aliases": ["unzer", "heidelpay", "heidel pay", "unzer gmbh", "unzer_api", "unzer payments", "heidelpay_api"],
    "detect": [
        # Transactions and error bodies: the isSuccess / isPending / isError triple and s-/p- ids.
        {"path": "isSuccess", "exists": True, "weight": 0.2},
        {"path": "isPending", "exists": True, "weight": 0.2},
        {"path": "isError", "exists": True, "weight": 0.2},
        {"path": "id", "prefix": ["s-aut-", "p-aut-", "s-chg-", "p-chg-", "s-cnl-", "p-cnl-", "s-chb-", "p-chb-",
                                  "s-err-", "p-err-", "s-pay-", "p-pay-", "s-pyo-", "p-pyo-", "s-shp-", "p-shp-"],
         "weight": 0.4},
        {"path": "resources.paymentId", "prefix": ["s-pay-", "p-pay-"], "weight": 0.3},
        {"path": "errors.0.merchantMessage", "exists": True, "weight": 0.2},
        # Webhooks.
        {"path": "retrieveUrl", "exists": True, "weight": 0.3},
        {"path": "publicKey", "prefix": ["s-pub-", "p-pub-"], "weight": 0.4},
        {"path": "paymentId", "prefix": ["s-pay-", "p-pay-"], "weight": 0.2},
        # Payments.
        {"path": "state.name", "in": sorted(PAYMENT_STATES), "weight": 0.2},
        {"path": "amount.remaining", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "major",
    "reason_map": REASONS,
    "payment_method_map": TYPE_METHODS,
    "variants": [
        # --- webhooks ---
        {
            "name": "webhook_not_a_payment",
            "match": {"event": NOT_PAYMENT_EVENTS, "retrieveUrl": {"exists": True}},
            "not_a_payment": "an Unzer payout, payment type, customer or shipment webhook",
        },
        {
            "name": "webhook",
            "match": {"event": {"in": sorted(EVENTS)}, "retrieveUrl": {"exists": True}},
            "fields": {"status": ["event"], "payment_id": ["paymentId"]},
            "status_map": EVENTS,
            "rules": [
                {"when": {"event": "authorize.canceled"}, "set": {"event_kind": "VOID"}},
                {"when": {"event": "charge.canceled"}, "set": {"event_kind": "REFUND"}},
                {"when": {"event": {"prefix": "payment."}}, "set": {"event_kind": "PAYMENT"}},
                {"when": {"event": "payment.chargeback"}, "set": {"event_kind": "DISPUTE"}},
            ],
        },
        # --- the payment resource ---
        {
            "name": "payment",
            "match": {"state.name": {"exists": True}, "id": {"prefix": ["s-pay-", "p-pay-"]}},
            "fields": {"provider_transaction_id": ["id"], "status": ["state.name"], "amount": ["amount.total"],
                       "currency": ["currency"], "payment_id": ["id"]},
            "status_map": PAYMENT_STATES,
            "event_kind": "PAYMENT",
            "rules": [{"when": {"state.name": "chargeback"}, "set": {"event_kind": "DISPUTE"}}],
        },
        # --- transactions and error answers ---
        {
            "name": "payout_or_shipment",
            "match": {KIND_KEY: ["payout", "shipment"]},
            "not_a_payment": "an Unzer payout (a credit to the customer) or invoice shipment notice",
        },
        {
            "name": "refund",
            "match": {KIND_KEY: "refund", RESULT_KEY: {"exists": True}},
            "fields": {**_TRANSACTION_FIELDS, "refund_id": ["id"]},
            "status_map": {**STATUSES, "success": "REFUNDED"},
            "event_kind": "REFUND",
        },
        {
            "name": "reversal",
            "match": {KIND_KEY: "reversal", RESULT_KEY: {"exists": True}},
            "fields": _TRANSACTION_FIELDS,
            "status_map": {**STATUSES, "success": "CANCELLED"},
            "event_kind": "VOID",
        },
        {
            "name": "chargeback",
            "match": {KIND_KEY: "chargeback", RESULT_KEY: {"exists": True}},
            "fields": {**_TRANSACTION_FIELDS, "dispute_id": ["id"]},
            "status": "CHARGEBACK",
            "event_kind": "DISPUTE",
        },
        {
            # authorize, charge and error answers (an error answer's id is s-err-...).
            "name": "transaction",
            "match": {RESULT_KEY: {"exists": True}},
            "fields": _TRANSACTION_FIELDS,
            "status_map": STATUSES,
        },
    ],
}
