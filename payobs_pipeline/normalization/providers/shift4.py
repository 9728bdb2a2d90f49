"""Shift4 (the Shift4 API at api.shift4.com, formerly SecurionPay): charges, refunds, disputes, events and errors.

Sources (Shift4 documentation and Shift4's own SDK model/enum files, not their tests):
- https://dev.shift4.com/docs/api (errors: HTTP 400 invalid data, 401 API key missing or invalid, 402 "Request was
  valid but card processing has failed", 404, 429, 5xx; the error object {"error": {type, code, message,
  issuerDeclineCode, chargeId, ...}}, type invalid_request | card_error | gateway_error | rate_limit_error)
- shift4developer/shift4-java src/main/java/com/shift4/response/Charge.java (charge: id char_, created (Unix
  seconds), amount in the smallest currency unit, amountRefunded, currency, status, card, paymentMethod, captured,
  refunded, refunds, disputed, dispute, merchantAccountId, failureCode, failureIssuerDeclineCode, failureMessage),
  enums/ChargeStatus.java and the api-evangelist shift4-charge schema (SUCCESSFUL, FAILED, PENDING)
- shift4-java enums/ErrorCode.java (invalid_number, invalid_expiry_month, invalid_expiry_year, invalid_cvc,
  incorrect_cvc, incorrect_zip, expired_card, insufficient_funds, lost_or_stolen, suspected_fraud, card_declined,
  processing_error, blacklisted, blocked, expired_token, limit_exceeded, authentication_required,
  do_not_try_again, currency_not_supported) and enums/ErrorType.java; response/ErrorResponse.java
- shift4-java response/Refund.java and enums/RefundStatus.java (refund: id, created, amount, currency, charge,
  reason, status successful | pending | failed)
- shift4-java response/Dispute.java and enums/DisputeStatus.java (dispute: id, created, updated, amount, currency,
  status retrieval_request_new, retrieval_request_response_under_review, retrieval_request_represented,
  chargeback_new, chargeback_response_under_review, chargeback_represented_successfully,
  chargeback_represented_unsuccessfully; reason, acceptedAsLost, charge); https://dev.shift4.com/docs/disputes
  (CHARGE_DISPUTE_CREATED; fraud warnings "This is not a dispute, and no money is withdrawn")
- shift4-java response/Event.java and enums/EventType.java (event: id, created, type, data; CHARGE_SUCCEEDED,
  CHARGE_PENDING, CHARGE_FAILED, CHARGE_UPDATED, CHARGE_CAPTURED, CHARGE_REFUNDED, REFUND_UPDATED,
  CHARGE_DISPUTE_CREATED / UPDATED / WON / LOST / FUNDS_WITHDRAWN / FUNDS_RESTORED; CUSTOMER_*, PLAN_*, CREDIT_*,
  FRAUD_WARNING_*, PAYOUT_*, PAYMENT_METHOD_* are not payment outcomes)
- shift4-java enums/PaymentMethodType.java (apple_pay, alipay, bancontact, blik, boleto, eps, ideal, p24,
  paysafecard, skrill, trustly, wechatpay, google_pay, ...)

Amounts are in the smallest currency unit (ISO minor units).

Lifecycle identity: a charge (char_) is one authorization attempt: attempt_id is its id, on its capture, its
refunds (refund.charge) and its disputes (dispute.charge.id). Shift4 names no payment above the charge (a
clientObjectId is an idempotency key, not an order): payment_id is none.
"""

from __future__ import annotations

from typing import Any

_CUSTOMER = "CUSTOMER"
_HARD = "HARD"

CHARGE_STATUSES = {"successful": "APPROVED", "pending": "PENDING", "failed": "DECLINED"}
REFUND_STATUSES = {"successful": "REFUNDED", "pending": "PENDING", "failed": "DECLINED"}
DISPUTE_STATUSES = [
    "retrieval_request_new", "retrieval_request_response_under_review", "retrieval_request_represented",
    "chargeback_new", "chargeback_response_under_review", "chargeback_represented_successfully",
    "chargeback_represented_unsuccessfully",
]

# failureCode of a charge and error.code of an error object (ErrorCode.java).
ERROR_CODES = {
    "invalid_number": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},
    "invalid_expiry_month": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},
    "invalid_expiry_year": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},
    "invalid_cvc": {"reason": "INCORRECT_CVC", "source": _CUSTOMER},
    "incorrect_cvc": {"reason": "INCORRECT_CVC", "source": _CUSTOMER},
    "incorrect_zip": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},
    "expired_card": "EXPIRED_CARD",
    "insufficient_funds": "INSUFFICIENT_FUNDS",
    "lost_or_stolen": "LOST_OR_STOLEN_CARD",
    "suspected_fraud": "SUSPECTED_FRAUD",
    "card_declined": "GENERIC_DECLINE",
    "do_not_try_again": {"reason": "GENERIC_DECLINE", "decline_type": _HARD},
    "limit_exceeded": "LIMIT_EXCEEDED",
    "authentication_required": "AUTHENTICATION_REQUIRED",
    "currency_not_supported": "TRANSACTION_NOT_PERMITTED",
    # The merchant's blacklist rule (the error names its blacklistRuleId) / Shift4's fraud rules blocked the card.
    "blacklisted": {"reason": "RISK_REJECTED", "source": "MERCHANT_RISK"},
    "blocked": {"reason": "RISK_REJECTED", "source": "PSP_RISK"},
    "processing_error": "PROCESSING_ERROR",
    "expired_token": "INVALID_REQUEST",  # a one-time card token used again or too late
}
# Failures that are not the card's refusal: the charge provably failed for a technical reason.
TECHNICAL_FAILURES = ["processing_error"]
# Issuer decline words seen in failureIssuerDeclineCode / error.issuerDeclineCode besides ISO 8583 codes.
ISSUER_DECLINE_CODES = {"do_not_honor": "GENERIC_DECLINE", "insufficient_funds": "INSUFFICIENT_FUNDS"}
REASONS = {**ERROR_CODES, **ISSUER_DECLINE_CODES}

# error.type (ErrorType.java).
ERROR_TYPES = {"card_error": "DECLINED", "invalid_request": "ERROR", "gateway_error": "ERROR",
               "rate_limit_error": "ERROR"}

PAYMENT_METHODS = {
    "card": "CARD",
    "apple_pay": "WALLET", "google_pay": "WALLET", "alipay": "WALLET", "wechatpay": "WALLET", "skrill": "WALLET",
    "paypost": "WALLET", "perlas": "CASH_VOUCHER", "maxima": "CASH_VOUCHER",
    "paysafecard": "CASH_VOUCHER", "paysafecash": "CASH_VOUCHER", "multibanco": "CASH_VOUCHER",
    "boleto": "BOLETO",
    "bancontact": "BANK_TRANSFER", "blik": "BANK_TRANSFER", "eps": "BANK_TRANSFER", "ideal": "BANK_TRANSFER",
    "p24": "BANK_TRANSFER", "trustly": "BANK_TRANSFER", "mybank": "BANK_TRANSFER", "paysera": "BANK_TRANSFER",
    "payu": "BANK_TRANSFER", "verkkopankki": "BANK_TRANSFER", "estonianbanks": "BANK_TRANSFER",
    "latvianbanks": "BANK_TRANSFER", "lithuanianbanks": "BANK_TRANSFER",
    "unionpay": "CARD",
    "bitpay": "OTHER",
}

METHOD_KEY = "_payobs_method"
REFUND_KEY = "_payobs_refund"

_CHARGE_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status"],
    "reason_code": ["failureIssuerDeclineCode", "failureCode"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["created", "^created"],
    "payment_method": [METHOD_KEY],
    "card_brand": ["card.brand"],
    "card_country": ["card.country"],  # Card.java: country (the card's), issuer is the issuing bank's name
    "customer_country": ["billing.address.country", "card.addressCountry"],
    "merchant_id": ["merchantAccountId"],
    "attempt_id": ["id"],
    "refund_id": [],
}
_CHARGE_RULES = [
    {"when": {"status": "failed", "failureCode": TECHNICAL_FAILURES}, "set": {"status_category": "ERROR"}},
]
_REFUND_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["created", "^created"],
    "refund_id": ["id"],
    "attempt_id": ["charge.id", "charge"],
}
_DISPUTE_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["updated", "created", "^created"],
    "payment_method": ["charge." + METHOD_KEY],
    "card_brand": ["charge.card.brand"],
    "card_country": ["charge.card.country"],
    "dispute_id": ["id"],
    "attempt_id": ["charge.id", "charge"],
}

PAYMENT_EVENT_TYPES = ["CHARGE_SUCCEEDED", "CHARGE_PENDING", "CHARGE_FAILED", "CHARGE_UPDATED", "CHARGE_CAPTURED",
                       "CHARGE_REFUNDED", "REFUND_UPDATED", "CHARGE_DISPUTE_CREATED", "CHARGE_DISPUTE_UPDATED",
                       "CHARGE_DISPUTE_WON", "CHARGE_DISPUTE_LOST", "CHARGE_DISPUTE_FUNDS_WITHDRAWN",
                       "CHARGE_DISPUTE_FUNDS_RESTORED"]
NON_PAYMENT_EVENT_PREFIXES = ["CUSTOMER_", "PLAN_", "CREDIT_", "FRAUD_WARNING_", "PAYOUT_", "PAYMENT_METHOD_",
                              "SUBSCRIPTION_", "INVOICE_"]

SPEC = {
    "provider": "shift4",
    "aliases": ["shift4", "shift4_payments", "shift4 payments", "shift4payments", "securionpay", "securion_pay",
                "securion pay"],
    "detect": [
        # Charges: char_ ids (PagSeguro's CHAR_ ids read the same without case: not enough alone), SecurionPay's
        # objectType, and members only Shift4 names so (amountRefunded, merchantAccountId, card.first6).
        {"path": "id", "prefix": "char_", "weight": 0.3},
        {"path": "objectType", "in": ["charge", "refund", "dispute", "event"], "weight": 0.3},
        {"path": "amountRefunded", "exists": True, "weight": 0.2},
        {"path": "merchantAccountId", "exists": True, "weight": 0.2},
        {"path": "card.first6", "exists": True, "weight": 0.2},
        {"path": "failureIssuerDeclineCode", "exists": True, "weight": 0.3},
        # Refunds and disputes name their charge; disputes have Shift4's own statuses and acceptedAsLost.
        {"path": "charge", "prefix": "char_", "weight": 0.4},
        {"path": "charge.id", "prefix": "char_", "weight": 0.3},
        {"path": "status", "in": DISPUTE_STATUSES, "weight": 0.4},
        {"path": "acceptedAsLost", "exists": True, "weight": 0.3},
        # Events: {"id", "created", "objectType": "event", "type", "data", "log"}.
        {"path": "type", "in": PAYMENT_EVENT_TYPES, "weight": 0.3},
        {"path": "type", "prefix": NON_PAYMENT_EVENT_PREFIXES, "weight": 0.1},
        {"path": "log", "exists": True, "weight": 0.2},
        {"path": "data.id", "prefix": "char_", "weight": 0.3},
        {"path": "data.charge", "prefix": "char_", "weight": 0.3},
        {"path": "data.charge.id", "prefix": "char_", "weight": 0.3},
        {"path": "data.amountRefunded", "exists": True, "weight": 0.1},
        # Error objects: {"error": {"type", "code", "message", "chargeId", "issuerDeclineCode"}}; card_error is
        # Stripe's word too, invalid_request and gateway_error are Shift4's.
        {"path": "error.chargeId", "prefix": "char_", "weight": 0.8},
        {"path": "error.issuerDeclineCode", "exists": True, "weight": 0.3},
        {"path": "error.blacklistRuleId", "exists": True, "weight": 0.4},
        {"path": "error.type", "in": ["invalid_request", "gateway_error"], "weight": 0.4},
    ],
    "amount_unit": "minor",
    "reason_map": REASONS,
    "reason_fallback": "iso8583",
    "payment_method_map": PAYMENT_METHODS,
    "variants": [
        {"name": "event.not_a_payment", "match": {"type": {"prefix": NON_PAYMENT_EVENT_PREFIXES},
                                                  "data": {"exists": True}},
         "not_a_payment": "a Shift4 customer, plan, credit, fraud warning, payout or payment-method event"},
        {"name": "event.refund", "root": "data",
         "match": {"type": "REFUND_UPDATED", "data.charge": {"exists": True}},
         "fields": _REFUND_FIELDS, "status_map": REFUND_STATUSES, "event_kind": "REFUND"},
        # CHARGE_REFUNDED carries the charge; prepare() names its latest refund.
        {"name": "event.charge_refunded", "root": "data", "match": {"type": "CHARGE_REFUNDED"},
         "status": "REFUNDED", "event_kind": "REFUND",
         "fields": {**_CHARGE_FIELDS, "status": ["status"], "amount": [REFUND_KEY + ".amount", "amountRefunded"],
                    "refund_id": [REFUND_KEY + ".id"], "event_time": [REFUND_KEY + ".created", "^created"]}},
        {"name": "event.dispute", "root": "data", "match": {"type": {"prefix": "CHARGE_DISPUTE_"}},
         "fields": _DISPUTE_FIELDS, "status": "CHARGEBACK", "event_kind": "DISPUTE"},
        {"name": "event.charge", "root": "data", "match": {"type": {"prefix": "CHARGE_"}, "data.id": {"exists": True}},
         "fields": _CHARGE_FIELDS, "status_map": CHARGE_STATUSES,
         "rules": [*_CHARGE_RULES,
                   {"when": {"^type": "CHARGE_CAPTURED", "status": "successful"}, "set": {"event_kind": "CAPTURE"}}]},
        # An error answer (HTTP 4xx/5xx; 402 "card processing has failed").
        {"name": "error", "match": {"error.type": {"exists": True}},
         "status_map": ERROR_TYPES,
         "fields": {"status": ["error.type"], "reason_code": ["error.issuerDeclineCode", "error.code"],
                    "provider_transaction_id": ["error.chargeId"], "attempt_id": ["error.chargeId"]},
         "rules": [
             {"when": {"error.type": "card_error", "error.code": TECHNICAL_FAILURES},
              "set": {"status_category": "ERROR"}},
             {"when": {"error.type": "invalid_request", "error.code": {"exists": False}},
              "set": {"failure_reason": "INVALID_REQUEST"}},
             {"when": {"error.type": ["gateway_error", "rate_limit_error"]},
              "set": {"failure_reason": "PROCESSING_ERROR"}},
         ]},
        {"name": "refund", "match": {"charge": {"exists": True}, "id": {"exists": True},
                                     "status": ["successful", "pending", "failed"], "amount": {"exists": True},
                                     "failureCode": {"exists": False}, "captured": {"exists": False}},
         "fields": _REFUND_FIELDS, "status_map": REFUND_STATUSES, "event_kind": "REFUND"},
        {"name": "dispute", "match": {"status": DISPUTE_STATUSES},
         "fields": _DISPUTE_FIELDS, "status": "CHARGEBACK", "event_kind": "DISPUTE"},
        {"name": "charge", "match": {"id": {"prefix": "char_"}},
         "fields": _CHARGE_FIELDS, "status_map": CHARGE_STATUSES, "rules": _CHARGE_RULES},
        {"name": "not_a_payment", "match": {"objectType": ["customer", "card", "token", "plan", "subscription",
                                                          "credit", "payout", "fraudWarning", "blacklistRule"]},
         "not_a_payment": "a Shift4 customer, card, token, plan, subscription, credit or payout object"},
    ],
}


def _method_of(charge: dict[str, Any]) -> str | None:
    method = charge.get("paymentMethod")
    kind = method.get("type") if isinstance(method, dict) else None
    if isinstance(kind, str) and kind.strip():
        return kind.strip().lower()
    return "card" if isinstance(charge.get("card"), dict) else None


def _charge_extras(charge: Any, refunded: bool) -> Any:
    if not isinstance(charge, dict):
        return charge
    extra: dict[str, Any] = {}
    method = _method_of(charge)
    if method:
        extra[METHOD_KEY] = method
    refunds = charge.get("refunds")
    if refunded and isinstance(refunds, list) and refunds and isinstance(refunds[-1], dict):
        extra[REFUND_KEY] = refunds[-1]  # the refund this CHARGE_REFUNDED event reports: the latest
    return {**charge, **extra} if extra else charge


def prepare(body: Any) -> Any:
    """Name a charge's payment method and, in CHARGE_REFUNDED, its latest refund.

    Pure: returns a copy when it adds a key; the original is untouched.
    """
    if not isinstance(body, dict):
        return body
    data = body.get("data")
    if isinstance(data, dict) and isinstance(body.get("type"), str):
        if isinstance(data.get("charge"), dict):  # a dispute event with its charge expanded
            charge = _charge_extras(data["charge"], False)
            return body if charge is data["charge"] else {**body, "data": {**data, "charge": charge}}
        new = _charge_extras(data, body["type"] == "CHARGE_REFUNDED")
        return body if new is data else {**body, "data": new}
    if isinstance(body.get("charge"), dict):
        charge = _charge_extras(body["charge"], False)
        return body if charge is body["charge"] else {**body, "charge": charge}
    return _charge_extras(body, False)
