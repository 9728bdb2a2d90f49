"""PAY.JP (API v1): charges, webhook events and error objects.

Sources:
- https://pay.jp/docs/api (PAY.JP API v1 reference: charge object {id ch_, object "charge", amount, currency "jpy",
  paid, captured, captured_at, card {id car_, brand, country, ...}, failure_code, failure_message, refunded,
  amount_refunded, refund_reason, created, expired_at, fee_rate, three_d_secure_status, metadata, livemode};
  event object {id evnt_, object "event", type charge.succeeded | charge.failed | charge.updated |
  charge.refunded | charge.captured | customer.* | subscription.* | token.* | transfer.* ..., data, created};
  error object {"error": {"type", "code", "message", "param", "status"}})
- fastpay.yahoo.co.jp/docs/pay (the same charge object model: "refunded ... 全額返金がされた場合にtrue、部分返金の場合は
  falseのまま"; failure_code "決済がエラーとなった際の理由を示すコード")
- PAY.JP's error code table (pay.jp/docs/api#エラーコード) as integrators copy it: invalid_number, invalid_cvc,
  invalid_expiration_date, incorrect_card_data ("カード番号、有効期限、CVCのいずれかが不正"), invalid_expiry_month,
  invalid_expiry_year, expired_card, card_declined ("カード会社によって拒否されたカード"), processing_error
  ("決済ネットワーク上でエラーが発生"), missing_card, unacceptable_brand ("対象のカードブランドが許可されていません"),
  already_have_card, unverified_token, three_d_secure_incompleted, three_d_secure_failed, already_used_token,
  invalid_id
- help.pay.jp 5611286 (error causes: "カード会社に拒否されました", "有効期限切れのカードです")
- https://docs.pay.jp/v2/guide/developers/error-response (API v2 errors: RFC 9457 problem details {status, code,
  title, detail, instance, type https://docs.pay.jp/v2/errors/...})

A v1 charge has no status field: prepare() names one from its members (failure_code: failed; refunded: refunded;
captured: captured; paid and not captured: authorized; 3-D Secure unverified: pending).

Amounts are integers in yen (JPY has no minor unit).

Lifecycle identity: a charge (ch_) is one authorization attempt (attempt_id = its id); PAY.JP names no payment
above it (payment_id none). Refunds are recorded on the charge (refunded, amount_refunded): a charge.refunded
event is the REFUND, with no refund object of its own.
"""

from __future__ import annotations

from typing import Any

_CUSTOMER = "CUSTOMER"

STATUS_KEY = "_payobs_status"
DERIVED_STATUSES = {
    "captured": "APPROVED",
    "authorized": "APPROVED",
    "pending": "PENDING",  # 3-D Secure not yet verified
    "failed": "DECLINED",
    "refunded": "REFUNDED",
}

ERROR_CODES = {
    "invalid_number": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},
    "invalid_cvc": {"reason": "INCORRECT_CVC", "source": _CUSTOMER},
    "invalid_expiration_date": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},
    "invalid_expiry_month": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},
    "invalid_expiry_year": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},
    "incorrect_card_data": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},
    "expired_card": "EXPIRED_CARD",
    "card_declined": "GENERIC_DECLINE",
    "unacceptable_brand": "TRANSACTION_NOT_PERMITTED",
    "three_d_secure_failed": {"reason": "AUTHENTICATION_FAILED", "source": _CUSTOMER},
    "three_d_secure_incompleted": {"reason": "AUTHENTICATION_REQUIRED", "source": _CUSTOMER},
    "unverified_token": {"reason": "AUTHENTICATION_REQUIRED", "source": _CUSTOMER},
    "processing_error": "PROCESSING_ERROR",
    "missing_card": "INVALID_REQUEST",
    "already_have_card": "INVALID_REQUEST",
    "already_used_token": "INVALID_REQUEST",
    "invalid_id": "INVALID_REQUEST",
    # API v2 problem codes named in the error-response page.
    "invalid_status": "INVALID_REQUEST",
    "validation_error": "INVALID_REQUEST",
}
# Card refusals (a decline, HTTP 402 card_error); the rest are the request's or PAY.JP's.
DECLINE_CODES = ["invalid_number", "invalid_cvc", "invalid_expiration_date", "invalid_expiry_month",
                 "invalid_expiry_year", "incorrect_card_data", "expired_card", "card_declined", "unacceptable_brand",
                 "three_d_secure_failed", "three_d_secure_incompleted", "unverified_token"]
# error.type: card_error is the card's refusal; client_error / auth_error / server_error are not.
ERROR_TYPES = {"card_error": "DECLINED", "client_error": "ERROR", "auth_error": "ERROR", "server_error": "ERROR",
               "not_allowed_method_error": "ERROR"}

CHARGE_EVENTS = ["charge.succeeded", "charge.failed", "charge.updated", "charge.refunded", "charge.captured"]
NON_PAYMENT_EVENT_PREFIXES = ["customer.", "subscription.", "token.", "transfer.", "plan.", "tenant.", "term.",
                              "statement.", "balance.", "card."]

_CHARGE_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": [STATUS_KEY],
    "reason_code": ["failure_code", "failure_message"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["captured_at", "created", "^created"],
    "card_brand": ["card.brand"],
    "card_country": ["card.country"],
    "attempt_id": ["id"],
    "refund_id": [],
}
_CHARGE_RULES = [
    {"when": {STATUS_KEY: "failed", "failure_code": "processing_error"}, "set": {"status_category": "ERROR"}},
]

SPEC = {
    "provider": "payjp",
    "aliases": ["payjp", "pay.jp", "pay_jp", "pay jp", "payjp_v1", "payjp_v2"],
    "detect": [
        # PAY.JP's charge reads like Stripe's (object "charge", ch_ ids): its own members tell it apart.
        {"path": "card.id", "prefix": "car_", "weight": 0.5},
        {"path": "fee_rate", "exists": True, "weight": 0.4},
        {"path": "three_d_secure_status", "exists": True, "weight": 0.3},
        {"path": "refund_reason", "exists": True, "weight": 0.1},
        {"path": "expired_at", "exists": True, "weight": 0.1},
        {"path": "object", "in": ["charge", "event"], "weight": 0.1},
        {"path": "id", "prefix": "ch_", "weight": 0.1},
        {"path": "data.card.id", "prefix": "car_", "weight": 0.4},
        {"path": "data.fee_rate", "exists": True, "weight": 0.3},
        {"path": "id", "prefix": "evnt_", "weight": 0.1},
        # Error objects: v1 {"error": {"status": 402, "type", "code"}}, v2 problem details.
        {"path": "error.status", "exists": True, "weight": 0.3},
        {"path": "error.code", "in": ["incorrect_card_data", "invalid_expiration_date", "unacceptable_brand",
                                      "three_d_secure_incompleted", "unverified_token", "already_used_token",
                                      "already_have_card", "missing_card"], "weight": 0.4},
        {"path": "type", "prefix": "https://docs.pay.jp/", "weight": 0.8},
    ],
    "amount_unit": "minor",
    "default_payment_method": "CARD",  # API v1 charges are card charges
    "reason_map": ERROR_CODES,
    "reason_fallback": "iso8583",
    "variants": [
        {"name": "event.not_a_payment",
         "match": {"object": "event", "type": {"prefix": NON_PAYMENT_EVENT_PREFIXES}},
         "not_a_payment": "a PAY.JP customer, subscription, token, transfer, plan or tenant event"},
        {"name": "event.charge_refunded", "root": "data", "match": {"object": "event", "type": "charge.refunded"},
         "status": "REFUNDED", "event_kind": "REFUND",
         "fields": {**_CHARGE_FIELDS, "amount": ["amount_refunded", "amount"], "event_time": ["^created"]}},
        {"name": "event.charge", "root": "data", "match": {"object": "event", "data.object": "charge"},
         "fields": _CHARGE_FIELDS, "status_map": DERIVED_STATUSES,
         "rules": [*_CHARGE_RULES,
                   {"when": {"^type": "charge.captured", STATUS_KEY: "captured"}, "set": {"event_kind": "CAPTURE"}}]},
        {"name": "charge", "match": {"object": "charge"},
         "fields": _CHARGE_FIELDS, "status_map": DERIVED_STATUSES, "rules": _CHARGE_RULES},
        # v1 error object.
        {"name": "error", "match": {"error.code": {"exists": True}},
         "status_map": ERROR_TYPES,
         "fields": {"status": ["error.type"], "reason_code": ["error.code", "error.message"]},
         "rules": [{"when": {"error.code": DECLINE_CODES}, "set": {"status_category": "DECLINED"}},
                   {"when": {"error.type": "auth_error"}, "set": {"failure_reason": "CONFIGURATION_ERROR"}},
                   {"when": {"error.type": "server_error"}, "set": {"failure_reason": "PROCESSING_ERROR"}}]},
        # v2 problem details (RFC 9457).
        {"name": "problem", "match": {"type": {"prefix": "https://docs.pay.jp/"}, "code": {"exists": True}},
         "status": "ERROR", "fields": {"status": ["code"], "reason_code": ["code"]}, "default_payment_method": None},
        {"name": "not_a_payment", "match": {"object": ["customer", "card", "token", "plan", "subscription",
                                                       "transfer", "tenant", "account", "list"]},
         "not_a_payment": "a PAY.JP customer, card, token, plan, subscription, transfer or account object"},
    ],
}


def _derived_status(charge: dict[str, Any]) -> str:
    if charge.get("failure_code"):
        return "failed"
    if charge.get("refunded") is True:
        return "refunded"
    if charge.get("captured") is True:
        return "captured"
    if charge.get("three_d_secure_status") == "unverified":
        return "pending"
    if charge.get("paid") is True:
        return "authorized"
    return "pending"


def _charge_extras(charge: Any) -> Any:
    if not isinstance(charge, dict) or charge.get("object") != "charge":
        return charge
    return {**charge, STATUS_KEY: _derived_status(charge)}


def prepare(body: Any) -> Any:
    """Name a charge's status from its members (v1 charges have none).

    Pure: returns a copy when it adds a key; the original is untouched.
    """
    if not isinstance(body, dict):
        return body
    if body.get("object") == "event" and isinstance(body.get("data"), dict):
        data = _charge_extras(body["data"])
        return body if data is body["data"] else {**body, "data": data}
    return _charge_extras(body)
