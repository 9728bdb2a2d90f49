"""Pesapal (East Africa): the API 3.0 (JSON) GetTransactionStatus answer, the SubmitOrderRequest answer, the IPN
and callback parameters, the API's error body; and the older API 2.0 answers (``pesapal_response_data``) and
IPN.

Sources:
- GetTransactionStatus (https://developer.pesapal.com/how-to-integrate/e-commerce/api-30-json/gettransactionstatus):
  payment_method ("CARD, MPESA, MTN, TIGO etc."; card payments name the scheme), amount (major units), created_date,
  confirmation_code, payment_status_description (INVALID, FAILED, COMPLETED or REVERSED), description, message,
  payment_account, call_back_url (carrying OrderTrackingId and OrderMerchantReference), status_code (0 INVALID,
  1 COMPLETED, 2 FAILED, 3 REVERSED), merchant_reference, payment_status_code, currency, error {error_type,
  code, message}, status (the HTTP status as text).
- SubmitOrderRequest (https://developer.pesapal.com/how-to-integrate/e-commerce/api-30-json/submitorderrequest):
  answers order_tracking_id, merchant_reference, redirect_url (the payment page), error, status: an order opened.
- IPN (https://developer.pesapal.com/how-to-integrate/e-commerce/api-30-json/registeripnurl and
  GetTransactionStatus: "Once Pesapal redirect your customer to your callback URL and triggers your IPN URL, you
  need to check the status"): OrderNotificationType (IPNCHANGE, CALLBACKURL, RECURRING), OrderTrackingId,
  OrderMerchantReference; no outcome. API 2.0 IPN
  (https://developer.pesapal.com/how-to-integrate/e-commerce/api-20-xml/ipn): pesapal_notification_type=CHANGE,
  pesapal_transaction_tracking_id, pesapal_merchant_reference; "we only send you the tracking id and the merchant
  reference for security reasons".
- API 2.0 (https://developer.pesapal.com/how-to-integrate/e-commerce/api-20-xml/api-reference; the pesapal-node
  README): QueryPaymentStatus answers pesapal_response_data=<PENDING|COMPLETED|FAILED|INVALID>;
  QueryPaymentDetails answers pesapal_response_data=<tracking id>,<payment method>,<status>,<merchant reference>.
- INVALID and FAILED (the Pesapal forum, topic 530, answered by Pesapal): INVALID = "the transaction being
  queried doesn't exist on PesaPal" (or its merchant reference is shared by several); FAILED = card details
  incorrect or rejected by the bank, or a mobile payment short of the amount. Neither names a reason code.
- Error body: {"error": {"error_type": "authentication_error", "code": "invalid_api_credentials_provided",
  "message": ...}}; invalid_consumer_key_or_secret_provided is the token request's refusal (as integrations
  quote them). An error_type names who failed: authentication_error (CONFIGURATION_ERROR), api_error (the
  API's own failure, PROCESSING_ERROR).

A REVERSED payment was paid and then reversed: REFUNDED, with no refund id of its own.

Lifecycle identity: Pesapal's OrderTrackingId is the attempt (the SubmitOrderRequest answer names it; a status
answer carries it in call_back_url); the merchant's merchant_reference is the payment.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

from payobs_pipeline.normalization.mapping import NOTIFICATION_WITHOUT_OUTCOME, UnmappedPayload

TRACKING_KEY = "_payobs_pesapal_order_tracking_id"
V2_KEYS = ("_payobs_pesapal_tracking_id", "_payobs_pesapal_method", "_payobs_pesapal_status",
           "_payobs_pesapal_reference")

STATUSES = {
    "COMPLETED": "APPROVED",
    "FAILED": "DECLINED",
    "INVALID": "ERROR",
    "REVERSED": "REFUNDED",
    "PENDING": "PENDING",  # API 2.0
}
# status_code, read when the description is missing: 0 INVALID, 1 COMPLETED, 2 FAILED, 3 REVERSED.
STATUS_CODES = {"0": "ERROR", "1": "APPROVED", "2": "DECLINED", "3": "REFUNDED"}

REASONS = {
    "INVALID": "INVALID_REQUEST",  # the queried transaction does not exist on Pesapal
    "FAILED": "UNKNOWN",  # rejected, no reason named
    "invalid_api_credentials_provided": "CONFIGURATION_ERROR",
    "invalid_consumer_key_or_secret_provided": "CONFIGURATION_ERROR",
    "authentication_error": "CONFIGURATION_ERROR",
    "api_error": "PROCESSING_ERROR",
}

PAYMENT_METHODS = {
    "card": "CARD", "visa": "CARD", "mastercard": "CARD", "amex": "CARD", "american express": "CARD",
    **{money: "WALLET" for money in ("mpesa", "mpesake", "m-pesa", "airtel", "airtelke", "airtelug", "mtn", "mtnug",
                                     "tigo", "tigopesa", "equitel", "tkash", "mobile money")},
    "pesapal": "WALLET",
}
NOT_CARD_SCHEMES = {method: None for method, kind in PAYMENT_METHODS.items() if kind != "CARD"}


def _query_value(url: Any, name: str) -> str | None:
    if not isinstance(url, str) or "?" not in url:
        return None
    values = parse_qs(urlsplit(url).query).get(name)
    return values[0] if values else None


def prepare(body: Any) -> Any:
    """Refuse the notifications (no outcome); read the API 2.0 answer's list; take the tracking id out of the
    callback URL of a status answer."""
    if not isinstance(body, dict):
        return body
    if "payment_status_description" not in body and (
            body.get("OrderNotificationType") is not None or body.get("pesapal_notification_type") is not None):
        raise UnmappedPayload(NOTIFICATION_WITHOUT_OUTCOME,
                              "pesapal: a notification names the order to query (OrderTrackingId), not its outcome")
    data = body.get("pesapal_response_data")
    if isinstance(data, str):
        parts = [part.strip() for part in data.split(",")]
        if len(parts) == 4:
            return {**body, **dict(zip(V2_KEYS, parts))}
        return {**body, V2_KEYS[2]: parts[0]}
    tracking = _query_value(body.get("call_back_url"), "OrderTrackingId")
    if tracking and "order_tracking_id" not in body:
        return {**body, TRACKING_KEY: tracking}
    return body


# The GetTransactionStatus answer (read by its description, or by its status_code when that is missing).
_STATUS_ANSWER = {
    "event_kind": "AUTHORIZATION",
    "fields": {
        "provider_transaction_id": [TRACKING_KEY, "confirmation_code"],
        "status": ["payment_status_description", "status_code"],
        "reason_code": ["error.code", "payment_status_description"],
        "amount": ["amount"],
        "currency": ["currency"],
        "event_time": ["created_date"],
        "payment_method": ["payment_method"],
        "card_brand": ["payment_method"],
        "attempt_id": [TRACKING_KEY],
        "payment_id": ["merchant_reference"],
        "refund_id": ["refund_id"],
    },
    "rules": [{"when": {"payment_status_description": "REVERSED"}, "set": {"event_kind": "REFUND"}},
              {"when": {"payment_status_description": {"exists": False}, "status_code": "3"},
               "set": {"event_kind": "REFUND"}}],
}


SPEC = {
    "provider": "pesapal",
    "aliases": ["pesapal", "pesa pal", "pesapal api 3.0", "pesapal v3"],
    "detect": [
        {"path": "payment_status_description", "exists": True, "weight": 0.4},
        {"path": "confirmation_code", "exists": True, "weight": 0.2},
        {"path": "payment_account", "exists": True, "weight": 0.2},
        {"path": "call_back_url", "exists": True, "weight": 0.2},
        {"path": "order_tracking_id", "exists": True, "weight": 0.4},
        {"path": "redirect_url", "prefix": ["https://pay.pesapal.com/", "https://cybqa.pesapal.com/"], "weight": 0.3},
        {"path": "OrderTrackingId", "exists": True, "weight": 0.3},
        {"path": "OrderNotificationType", "in": ["IPNCHANGE", "CALLBACKURL", "RECURRING"], "weight": 0.4},
        {"path": "OrderMerchantReference", "exists": True, "weight": 0.2},
        {"path": "pesapal_response_data", "exists": True, "weight": 0.8},
        {"path": "pesapal_notification_type", "exists": True, "weight": 0.5},
        {"path": "pesapal_transaction_tracking_id", "exists": True, "weight": 0.4},
        {"path": "error.error_type", "in": ["authentication_error", "api_error", "validation_error"], "weight": 0.3},
        {"path": "error.code", "in": ["invalid_api_credentials_provided", "invalid_consumer_key_or_secret_provided"],
         "weight": 0.3},
    ],
    "amount_unit": "major",
    "status_map": {**STATUSES, **STATUS_CODES},
    "reason_map": REASONS,
    "payment_method_map": PAYMENT_METHODS,
    "card_brand_map": NOT_CARD_SCHEMES,
    "variants": [
        {"name": "transaction_status", "match": {"payment_status_description": {"exists": True}}, **_STATUS_ANSWER},
        {"name": "transaction_status.code", "match": {"status_code": {"exists": True}, "merchant_reference": {"exists": True},
                                                      "call_back_url": {"exists": True}}, **_STATUS_ANSWER},
        {"name": "submit_order", "match": {"order_tracking_id": {"exists": True}, "redirect_url": {"exists": True}},
         "status": "PENDING", "event_kind": "PAYMENT",
         "fields": {"provider_transaction_id": ["order_tracking_id"], "attempt_id": ["order_tracking_id"],
                    "payment_id": ["merchant_reference"]}},
        {"name": "v2.query", "match": {V2_KEYS[2]: {"exists": True}}, "event_kind": "AUTHORIZATION",
         "fields": {"provider_transaction_id": [V2_KEYS[0]], "status": [V2_KEYS[2]], "reason_code": [V2_KEYS[2]],
                    "payment_method": [V2_KEYS[1]], "card_brand": [V2_KEYS[1]], "attempt_id": [V2_KEYS[0]],
                    "payment_id": [V2_KEYS[3]]}},
        {"name": "error", "match": {"error.code": {"exists": True}},
         "status": "ERROR", "fields": {"reason_code": ["error.code", "error.error_type"]}},
    ],
}
