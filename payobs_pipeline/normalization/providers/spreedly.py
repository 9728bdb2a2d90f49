"""Spreedly (payments orchestration): transaction objects (JSON and XML) and API error bodies.

Sources (Spreedly documentation):
- https://docs.spreedly.com/reference/api/v1/#transactions and https://docs.spreedly.com/reference/api/v1/transactions
  (the transaction object: token, transaction_type Purchase / Authorization / Capture / Void / Credit /
  GeneralCredit / Verify / OffsitePurchase / OffsiteAuthorization / AddPaymentMethod / RetainPaymentMethod /
  RedactPaymentMethod / AddGateway / RedactGateway / DeliverPaymentMethod ..., succeeded (boolean), state
  succeeded / failed / pending / processing / gateway_processing_failed / gateway_processing_result_unknown /
  gateway_setup_failed, message and message_key ("messages.transaction_succeeded"), amount in cents,
  currency_code, order_id, gateway_token, gateway_type, gateway_transaction_id, reference_token (the
  transaction a Capture, Void or Credit acts on), response {success, message, error_code, error_detail,
  pending, fraud_review, cancelled, result_unknown}, payment_method {card_type, payment_method_type})
- https://docs.spreedly.com/guides/syncing-your-gateway-transaction/ (a purchase in state pending is an
  ambiguous outcome still to be learnt from the gateway)
- https://support.spreedly.com/hc/en-us/community/posts/1260803025049 (API errors: HTTP 401/402/404/422 bodies
  {"errors": [{"key": "errors.access_denied", "message": "Unable to authenticate using the given
  environment_key and access_token..."}]}; a transaction that reached the gateway and failed comes back as a
  transaction, HTTP 422, not as an errors array)
- https://developer.spreedly.com/docs/recover (gateway error codes passed through; hard/soft/outage families)
- Spreedly runs its gateways through ActiveMerchant: response.error_code carries ActiveMerchant's standard
  error codes (lib/active_merchant/billing/gateway.rb STANDARD_ERROR_CODE: incorrect_number, invalid_number,
  invalid_expiry_date, invalid_cvc, expired_card, incorrect_cvc, incorrect_zip, incorrect_address,
  incorrect_pin, card_declined, processing_error, call_issuer, pickup_card, config_error,
  test_mode_live_card, unsupported_feature, invalid_amount) or the gateway's own code (ISO 8583 where the
  gateway passes the issuer's code through). This list was written from a recollection of gateway.rb, not
  read from the file during this work: check it against ActiveMerchant before relying on a rare code.

The XML form (``<transaction>`` with typed elements ``<amount type="integer">``) and the JSON form
(``{"transaction": {...}}``) are the same object; prepare() folds XML typed values and nil elements into plain
values.

State meanings: ``gateway_processing_failed`` = the gateway processed the transaction and failed it (a decline:
DECLINED); ``gateway_processing_result_unknown`` = no definite answer from the gateway (UNKNOWN, reconcile);
``failed`` and ``gateway_setup_failed`` = Spreedly could not send it (payment method or request invalid, gateway
not set up): the payment provably did not happen (ERROR); ``pending`` / ``processing`` = awaiting 3-D Secure,
an offsite redirect or the gateway's asynchronous answer.

Lifecycle identity: a Purchase / Authorization / Verify transaction is one authorization attempt (its
``token``); a Capture, Void or Credit names the transaction it acts on in ``reference_token``; payment_id is the
merchant's ``order_id``; a Credit is a refund (refund_id its token). Spreedly has no dispute object.
"""

from __future__ import annotations

from typing import Any

_CUSTOMER = "CUSTOMER"

AUTH_STATES = {
    "succeeded": "APPROVED",
    "pending": "PENDING",
    "processing": "PENDING",
    "gateway_processing_failed": "DECLINED",
    "gateway_processing_result_unknown": "UNKNOWN",
    "failed": "ERROR",
    "gateway_setup_failed": "ERROR",
}
REFUND_STATES = {
    "succeeded": "REFUNDED",
    "pending": "PENDING",
    "processing": "PENDING",
    "gateway_processing_failed": "DECLINED",
    "failed": "DECLINED",
    "gateway_processing_result_unknown": "UNKNOWN",
}
VOID_STATES = {
    "succeeded": "CANCELLED",
    "pending": "PENDING",
    "processing": "PENDING",
    "gateway_processing_failed": "ERROR",
    "failed": "ERROR",
    "gateway_processing_result_unknown": "UNKNOWN",
}

# ActiveMerchant standard error codes (what Spreedly's response.error_code carries for most gateways).
STANDARD_ERROR_CODES = {
    "incorrect_number": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},
    "invalid_number": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},
    "invalid_expiry_date": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},
    "invalid_cvc": {"reason": "INCORRECT_CVC", "source": _CUSTOMER},
    "incorrect_cvc": {"reason": "INCORRECT_CVC", "source": _CUSTOMER},
    "expired_card": "EXPIRED_CARD",
    "incorrect_zip": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},
    "incorrect_address": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},
    "incorrect_pin": "AUTHENTICATION_FAILED",
    "card_declined": "GENERIC_DECLINE",
    "call_issuer": "GENERIC_DECLINE",
    "pickup_card": "LOST_OR_STOLEN_CARD",
    "processing_error": "PROCESSING_ERROR",
    "config_error": "CONFIGURATION_ERROR",
    "test_mode_live_card": "CONFIGURATION_ERROR",
    "unsupported_feature": "TRANSACTION_NOT_PERMITTED",
    "invalid_amount": "INVALID_REQUEST",
}
# API error keys (errors[].key) and transaction messages.
ERROR_KEYS = {
    "errors.access_denied": "CONFIGURATION_ERROR",
    "errors.invalid_credentials": "CONFIGURATION_ERROR",
    "errors.payment_required": "CONFIGURATION_ERROR",  # HTTP 402: the account must be paid up
    "errors.account_inactive": "CONFIGURATION_ERROR",
    "errors.not_found": "INVALID_REQUEST",
    "errors.blank": "INVALID_REQUEST",
    "errors.invalid": "INVALID_REQUEST",
    "errors.too_many_requests": "PROCESSING_ERROR",
}
MESSAGES = {
    "the payment method is invalid.": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},
}
REASONS = {**STANDARD_ERROR_CODES, **ERROR_KEYS, **MESSAGES}

PAYMENT_METHODS = {
    "credit_card": "CARD",
    "android_pay": "WALLET",
    "google_pay": "WALLET",
    "apple_pay": "WALLET",
    "paypal": "WALLET",
    "venmo": "WALLET",
    "bank_account": "DIRECT_DEBIT",  # ACH / bank account debits
    "sprel": "OTHER",
    "third_party_token": "OTHER",
}

NON_PAYMENT_TYPES = ["AddPaymentMethod", "RetainPaymentMethod", "RedactPaymentMethod", "RecacheSensitiveData",
                     "AddGateway", "RedactGateway", "RetainGateway", "UpdateGateway", "DeliverPaymentMethod",
                     "ExportPaymentMethod", "Store", "UpdatePaymentMethod", "AddReceiver", "RedactReceiver",
                     "ThreeDSAutomaticAuthentication"]
REFUND_TYPES = ["Credit", "GeneralCredit"]

_FIELDS = {
    "provider_transaction_id": ["token"],
    "status": ["state"],
    "reason_code": ["response.error_code", "message_key", "response.message", "message"],
    "amount": ["amount"],
    "currency": ["currency_code"],
    "event_time": ["updated_at", "created_at"],
    "payment_method": ["payment_method.payment_method_type"],
    "card_brand": ["payment_method.card_type"],
    "attempt_id": ["token"],
    "payment_id": ["order_id"],
}

SPEC = {
    "provider": "spreedly",
    "aliases": ["spreedly", "spreedly_core", "spreedly core", "spreedlycore"],
    "detect": [
        {"path": "transaction.gateway_token", "exists": True, "weight": 0.3},
        {"path": "transaction.state", "in": list(AUTH_STATES), "weight": 0.2},
        {"path": "transaction.transaction_type", "in": ["Purchase", "Authorization", "Capture", "Void", "Verify",
                                                         *REFUND_TYPES, "OffsitePurchase", "OffsiteAuthorization",
                                                         *NON_PAYMENT_TYPES], "weight": 0.3},
        {"path": "transaction.on_test_gateway", "exists": True, "weight": 0.2},
        {"path": "transaction.succeeded", "exists": True, "weight": 0.1},
        # The object stored without its "transaction" wrapper.
        {"path": "gateway_token", "exists": True, "weight": 0.3},
        {"path": "on_test_gateway", "exists": True, "weight": 0.3},
        {"path": "state", "in": ["gateway_processing_failed", "gateway_processing_result_unknown",
                                 "gateway_setup_failed"], "weight": 0.3},
        # API errors: {"errors": [{"key": "errors.access_denied", "message": ...}]}
        {"path": "errors.0.key", "prefix": "errors.", "weight": 0.6},
        {"path": "errors.error.@key", "prefix": "errors.", "weight": 0.6},
    ],
    "amount_unit": "minor",
    "reason_map": REASONS,
    "reason_fallback": "iso8583",
    "payment_method_map": PAYMENT_METHODS,
    "variants": [
        {"name": "error", "match": {"errors.0.key": {"exists": True}},
         "status": "ERROR", "event_kind": "AUTHORIZATION",
         "fields": {"status": ["errors.0.key"], "reason_code": ["errors.0.key", "errors.0.message"]}},
        {"name": "not_a_payment", "match": {"transaction.transaction_type": NON_PAYMENT_TYPES},
         "not_a_payment": "a Spreedly vault or gateway transaction (payment method or gateway stored, redacted)"},
        {"name": "credit", "root": "transaction", "match": {"transaction.transaction_type": REFUND_TYPES},
         "fields": {**_FIELDS, "attempt_id": ["reference_token"], "refund_id": ["token"]},
         "status_map": REFUND_STATES, "event_kind": "REFUND"},
        {"name": "void", "root": "transaction", "match": {"transaction.transaction_type": "Void"},
         "fields": {**_FIELDS, "attempt_id": ["reference_token"]},
         "status_map": VOID_STATES, "event_kind": "VOID"},
        {"name": "capture", "root": "transaction", "match": {"transaction.transaction_type": "Capture"},
         "fields": {**_FIELDS, "attempt_id": ["reference_token"]},
         "status_map": AUTH_STATES, "event_kind": "CAPTURE"},
        {"name": "transaction", "root": "transaction", "match": {"transaction.state": {"exists": True}},
         "fields": _FIELDS, "status_map": AUTH_STATES},
    ],
}


def _plain(value: Any) -> Any:
    """An XML typed element ({"@type": "integer", "#text": "144"}) or nil element as its plain value."""
    if isinstance(value, dict):
        if "@nil" in value and str(value.get("@nil")).lower() == "true":
            return None
        if "#text" in value and all(k.startswith("@") or k == "#text" for k in value):
            return value["#text"]
        if value and all(k.startswith("@") for k in value):
            return None
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _transaction(document: dict[str, Any]) -> dict[str, Any]:
    message = document.get("message")
    out = {k: _plain(v) for k, v in document.items()}
    if isinstance(message, dict) and message.get("@key") and not document.get("message_key"):
        out["message_key"] = message["@key"]
    if not out.get("state"):
        state = _state_of(out)
        if state:
            out["state"] = state
    return out


def _state_of(transaction: dict[str, Any]) -> str | None:
    """The state of a transaction answered without ``state`` (older API answers): from ``succeeded``, else
    from the gateway response's ``success`` / ``pending`` / ``result_unknown`` flags (the transactions
    reference: a transaction succeeds when its gateway response does)."""
    response = transaction.get("response") if isinstance(transaction.get("response"), dict) else {}

    def flag(value: Any) -> bool | None:
        text = str(value).strip().lower() if value is not None else ""
        return True if text == "true" else False if text == "false" else None

    if flag(response.get("pending")):
        return "pending"
    if flag(response.get("result_unknown")):
        return "gateway_processing_result_unknown"
    success = flag(transaction.get("succeeded"))
    if success is None:
        success = flag(response.get("success"))
    if success is None:
        return None
    return "succeeded" if success else "gateway_processing_failed"


def prepare(body: Any) -> Any:
    """Fold Spreedly's XML typed values into plain ones; wrap an unwrapped transaction; list XML errors.

    Pure: returns a new dict; the payload is untouched.
    """
    if not isinstance(body, dict):
        return body
    if isinstance(body.get("transaction"), dict):
        return {**body, "transaction": _transaction(body["transaction"])}
    if isinstance(body.get("transactions"), dict) and isinstance(body["transactions"].get("transaction"), dict):
        return {"transaction": _transaction(body["transactions"]["transaction"])}
    if "state" in body and ("gateway_token" in body or "transaction_type" in body):
        return {"transaction": _transaction(body)}
    errors = body.get("errors")
    if isinstance(errors, dict) and "error" in errors:  # <errors><error key="errors.x">message</error></errors>
        items = errors["error"] if isinstance(errors["error"], list) else [errors["error"]]
        listed = []
        for item in items:
            if isinstance(item, dict):
                listed.append({"key": item.get("@key"), "message": item.get("#text"),
                               "attribute": item.get("@attribute")})
            else:
                listed.append({"key": None, "message": item})
        return {**body, "errors": listed}
    return body
