"""PaymentsOS (PayU's payment orchestration platform, formerly Zooz): transaction objects (authorization, charge,
capture, refund, void) as the API answers them, the Payment object, webhook bodies and the API error body.

Sources:
- PaymentsOS API reference (developers.paymentsos.com/docs/api, api-version 1.2.0) as the Go client
  gojuno/go-zooz models it (authorization.go, charge.go, capture.go, refund.go, void.go, payment.go, common.go,
  error.go, webhook.go; library source, not its tests):
  - every transaction carries ``result`` {status, category, sub_category, description}, ``provider_data``
    {provider_name, response_code, description, raw_response, authorization_code, transaction_id, external_id},
    ``reconciliation_id`` (the merchant's reference) and ``created``; authorizations and charges also carry
    ``payment_method`` {type, token_type, vendor, card_type, country_code, ...} and ``provider_configuration``;
    captures and refunds carry ``amount``; a refund may name ``capture_id`` and ``reason``; a void has no amount.
  - amounts are integers in the currency's smallest unit; the Payment object carries ``currency``, transactions
    do not.
  - the Payment's status: Initialized, Pending, Authorized, Captured, Refunded, Voided.
  - webhooks post {id, created, account_id, app_id, payment_id, data}; ``data`` is the transaction (or the
    Payment) the event is about. The event type (payment.authorization.create, payment.capture.create,
    payment.refund.create, payment.void.create, payment.payment.*) travels in the ``event-type`` HTTP header,
    not in the body.
  - API errors (4xx / 5xx) answer {category, description, more_info}.
- Transaction result statuses Succeed, Pending, Failed; "category and sub-category are descriptive strings ...
  used mainly for aggregating the responses" (PaymentsOS support, "How does our error mapping work"): the
  category ``payment_method_declined`` is a decline by the payment method's issuer and ``payment_method_error``
  "The payment method provided is not valid" (the result example of a failed capture in
  llllllllll4er5ty/PaymentsOS-demo AuthorizationResult.java).

What the body cannot tell: a capture and a refund answer the same fields (id, amount, result, provider_data,
reconciliation_id), and a webhook body does not name its event type. A transaction is therefore read as
- an authorization / charge (AUTHORIZATION) when it names its ``payment_method``;
- a refund when it names a ``reason`` or a ``capture_id`` (fields only a refund has);
- a void when it has neither a payment method nor an amount;
and any other transaction (a capture or a refund that names nothing of its own) is left unprocessed rather than
guessed at: a Succeed capture (APPROVED) and a Succeed refund (REFUNDED) would otherwise be confused.

Currency: a transaction carries none. Where the processor's raw response (``provider_data.raw_response``, the
processor's answer as a JSON string) states the transaction's currency at its top level, that currency is used;
otherwise the amount is dropped rather than stated in a guessed currency (the outcome is still recorded).
The processor's ``response_code`` is the processor's own code, not an ISO 8583 code, so it is not read through
the issuer tables. Reasons other than the two documented categories stay UNKNOWN.

Lifecycle identity: the authorization or charge id is the attempt; the PaymentsOS payment (a webhook's
``payment_id``; the Payment's ``id``) is the payment; a refund's id is the refund.
"""

from __future__ import annotations

import json
from typing import Any

from payobs_pipeline.normalization.currency import normalize_currency

RESULT_STATUSES = {"Succeed": "APPROVED", "Pending": "PENDING", "Failed": "DECLINED"}

REFUND_STATUSES = {"Succeed": "REFUNDED", "Pending": "PENDING", "Failed": "DECLINED"}

VOID_STATUSES = {"Succeed": "CANCELLED", "Pending": "PENDING", "Failed": "ERROR"}

PAYMENT_STATUSES = {
    "Initialized": "PENDING",
    "Pending": "PENDING",
    "Authorized": "APPROVED",
    "Captured": "APPROVED",
    "Refunded": "REFUNDED",
    "Voided": "CANCELLED",
}

REASONS = {
    "payment_method_declined": "GENERIC_DECLINE",
    "payment_method_error": "INVALID_CARD_DATA",
}

PAYMENT_METHODS = {"credit_card": "CARD", "debit_card": "CARD", "card": "CARD"}

_TRANSACTION_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["result.status"],
    "reason_code": ["result.sub_category", "result.category"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["created"],
    "payment_method": ["payment_method.token_type", "payment_method.source_type"],
    "card_brand": ["payment_method.vendor"],
    "card_country": ["payment_method.country_code"],
    "payment_id": ["^payment_id"],
}

_HAS_METHOD = {"payment_method": {"exists": True}}
_IS_REFUND = [{"reason": {"exists": True}}, {"capture_id": {"exists": True}}]


def _transaction_variants(prefix: str, root: str | None) -> list[dict]:
    """The transaction kinds the body tells apart (see the docstring), top level or under a webhook's data."""
    rooted = {"root": root} if root else {}
    name = root or "transaction"
    has_result = {f"{prefix}result.status": {"exists": True}}
    variants = [
        {"name": f"{name}.authorization", **rooted,
         "match": {**has_result, f"{prefix}payment_method": {"exists": True}},
         "event_kind": "AUTHORIZATION", "fields": {**_TRANSACTION_FIELDS, "attempt_id": ["id"]}},
    ]
    for marker in ("reason", "capture_id"):
        variants.append(
            {"name": f"{name}.refund_{marker}", **rooted,
             "match": {**has_result, f"{prefix}{marker}": {"exists": True}},
             "event_kind": "REFUND", "status_map": REFUND_STATUSES,
             "fields": {**_TRANSACTION_FIELDS, "refund_id": ["id"]}})
    variants.append(
        {"name": f"{name}.void", **rooted,
         "match": {**has_result, f"{prefix}amount": {"exists": False}, f"{prefix}payment_method": {"exists": False}},
         "event_kind": "VOID", "status_map": VOID_STATUSES, "default_currency": None,
         "fields": _TRANSACTION_FIELDS})
    return variants


SPEC = {
    "provider": "paymentsos",
    "aliases": ["paymentsos", "payments os", "payu paymentsos", "payu hub", "zooz", "zooz paymentsos",
                "payu payments os"],
    "detect": [
        {"path": "result.status", "in": list(RESULT_STATUSES), "weight": 0.2},
        {"path": "result.status", "in": ["Succeed"], "weight": 0.2},
        {"path": "provider_data.provider_name", "exists": True, "weight": 0.2},
        {"path": "provider_data.raw_response", "exists": True, "weight": 0.1},
        {"path": "provider_configuration.provider_id", "exists": True, "weight": 0.2},
        {"path": "reconciliation_id", "exists": True, "weight": 0.1},
        {"path": "data.result.status", "in": list(RESULT_STATUSES), "weight": 0.3},
        {"path": "data.provider_data", "exists": True, "weight": 0.1},
        {"path": "app_id", "exists": True, "weight": 0.1},
        {"path": "payment_id", "exists": True, "weight": 0.05},
        {"path": "possible_next_actions", "exists": True, "weight": 0.3},
        {"path": "status", "in": ["Initialized", "Authorized", "Captured", "Voided"], "weight": 0.2},
        {"path": "more_info", "exists": True, "weight": 0.2},
    ],
    "amount_unit": "minor",
    "status_map": RESULT_STATUSES,
    "reason_map": REASONS,
    "payment_method_map": PAYMENT_METHODS,
    "variants": [
        {
            "name": "error",
            "match": {"category": {"exists": True}, "description": {"exists": True}, "more_info": {"exists": True},
                      "id": {"exists": False}},
            "status": "ERROR",
            "default_currency": None,
            "fields": {"reason_code": ["category"]},
        },
        {
            "name": "webhook.payment",
            "root": "data",
            "match": {"app_id": {"exists": True}, "data.status": {"in": list(PAYMENT_STATUSES)},
                      "data.result": {"exists": False}},
            "event_kind": "PAYMENT",
            "status_map": PAYMENT_STATUSES,
            "fields": {"provider_transaction_id": ["id"], "status": ["status"], "amount": ["amount"],
                       "currency": ["currency"], "event_time": ["modified", "created"], "payment_id": ["id"]},
        },
        *_transaction_variants("data.", "data"),
        *_transaction_variants("", None),
        {
            "name": "payment",
            "match": {"id": {"exists": True}, "status": {"in": list(PAYMENT_STATUSES)}, "result": {"exists": False}},
            "event_kind": "PAYMENT",
            "status_map": PAYMENT_STATUSES,
            "fields": {"provider_transaction_id": ["id"], "status": ["status"], "amount": ["amount"],
                       "currency": ["currency"], "event_time": ["modified", "created"], "payment_id": ["id"]},
        },
    ],
}


def _raw_response_currency(transaction: dict) -> str | None:
    """The currency the processor's raw response states at its top level, if it states a valid one."""
    provider_data = transaction.get("provider_data")
    raw = provider_data.get("raw_response") if isinstance(provider_data, dict) else None
    if isinstance(raw, str):
        try:
            raw = json.loads(raw)
        except ValueError:
            return None
    if not isinstance(raw, dict):
        return None
    for key, value in raw.items():
        if isinstance(key, str) and key.lower() == "currency" and isinstance(value, str):
            try:
                return normalize_currency(value)
            except ValueError:
                return None
    return None


def _with_currency(transaction: dict) -> dict:
    if "result" not in transaction or transaction.get("currency") or "amount" not in transaction:
        return transaction
    currency = _raw_response_currency(transaction)
    if currency:
        return {**transaction, "currency": currency}
    return {k: v for k, v in transaction.items() if k != "amount"}


def prepare(body: Any) -> Any:
    """Give a transaction the currency its processor's raw response states, else drop its amount (see the
    docstring); the transaction is the body or a webhook's ``data``."""
    if not isinstance(body, dict):
        return body
    if isinstance(body.get("data"), dict) and "app_id" in body:
        data = _with_currency(body["data"])
        return body if data is body["data"] else {**body, "data": data}
    return _with_currency(body)
