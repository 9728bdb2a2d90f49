"""KOMOJU (Degica, Japan): payment objects, refunds, webhook events and API error objects.

Sources (KOMOJU documentation):
- https://doc.komoju.com/reference/payments and ja.doc.komoju.com/v2025-01-28/reference/payments (payment statuses:
  pending "initiated but not confirmed ... await customer action"; authorized "for long-form async payment methods
  (konbini, bank_transfer, payeasy) ... reserved but awaiting customer action ... For all other payment methods,
  authorized refers to credit card authorization ... awaiting merchant action (e.g. manual capture)"; captured
  "Payment was successful"; refunded "fully refunded. Note that partially refunded payments remain captured";
  cancelled "actively cancelled by either the merchant or the customer"; expired "pending or authorized with no
  action for too long")
- https://komoju-en.helpscoutdocs.com/article/771 (status "failed": the card company refused the payment, KOMOJU's
  fraud detection refused it, or the 3DS challenge failed)
- https://docs.komoju.com/en/api/resources/payments/ (payment JSON: id, resource "payment", status, amount, tax,
  total, currency, payment_deadline, payment_details {type credit_card | konbini | bank_transfer | pay_easy |
  web_money | bit_cash | nanaco | net_cash ..., brand, last_four_digits}, payment_method_fee, captured_at,
  external_order_num, created_at, amount_refunded, refunds, refund_requests)
- https://docs.komoju.com/en/webhooks/overview/ and https://doc.komoju.com/docs/platform-model-webhooks (events:
  ping, customer.*, payment.authorized, payment.captured, payment.updated, payment.expired, payment.cancelled,
  payment.refund.created, payment.refunded, payment.failed, payment.marked.as.fraud, refund_request.updated,
  payout.created, subscription.*, settlement.created, submerchant.* (submerchant.payment.* are a sub-merchant's
  payments))
- https://doc.komoju.com/docs/errors and ja.doc.komoju.com/docs/errors (error object {"error": {"message",
  "code", "param"}}; HTTP 401 API key invalid, 403, 404, 422 missing or invalid parameters, 500, 502 "Upstream
  payment processor returned an error", 503, 504 gateway_timeout "the payment is not processed"; codes
  bad_request, unauthorized, not_found, internal_server_error, forbidden, unprocessable_entity, bad_gateway,
  gateway_timeout, service_unavailable, request_failed, invalid_payment_type, invalid_token, invalid_currency,
  not_refundable, not_capturable, not_cancellable, fraudulent, invalid_parameter, missing_parameter,
  insufficient_funds, used_number, card_declined, invalid_password, bad_verification_value, exceeds_limit,
  card_expired, invalid_number, invalid_account, restricted_account, other_error, invalid_user_key,
  other_invalid; the list as a Go KOMOJU client copies it from the Japanese page)
- https://doc.komoju.com/docs/test-cards (test outcomes: insufficient funds, exceeds card limit, bad verification
  value, card expired, cannot use card, invalid card; WebMoney: invalid number, already used)

Amounts are integers in the currency's smallest unit (JPY yen); total is what the customer pays (amount + tax +
payment method fee).

Lifecycle identity: a KOMOJU payment is one attempt (attempt_id = its id); the merchant's external_order_num is
the payment (a new KOMOJU payment for the same order is a retry of it). A refund is its own object (refunds[],
id) naming its payment; a refund marked chargeback true is a chargeback.
"""

from __future__ import annotations

from typing import Any

_CUSTOMER = "CUSTOMER"

PAYMENT_STATUSES = {
    "pending": "PENDING",
    "authorized": "APPROVED",  # a card authorization; async methods awaiting the customer: see the rules
    "captured": "APPROVED",
    "refunded": "REFUNDED",
    "cancelled": "CANCELLED",
    "expired": "CANCELLED",
    "failed": "DECLINED",
}
# Long-form asynchronous methods: "authorized" means reserved, awaiting the customer's payment.
ASYNC_METHODS = ["konbini", "bank_transfer", "pay_easy", "payeasy"]

ERROR_CODES = {
    # Declines (the card issuer, the prepaid issuer or KOMOJU's fraud detection refused the payment).
    "insufficient_funds": "INSUFFICIENT_FUNDS",
    "card_declined": "GENERIC_DECLINE",
    "bad_verification_value": {"reason": "INCORRECT_CVC", "source": _CUSTOMER},
    "exceeds_limit": "LIMIT_EXCEEDED",
    "card_expired": "EXPIRED_CARD",
    "invalid_number": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},
    "other_invalid": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},  # "Invalid card"
    "invalid_account": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},
    "used_number": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},  # a prepaid number already used
    "invalid_password": {"reason": "AUTHENTICATION_FAILED", "source": _CUSTOMER},
    "restricted_account": "RESTRICTED_CARD",
    "fraudulent": {"reason": "RISK_REJECTED", "source": "PSP_RISK"},
    "other_error": "GENERIC_DECLINE",  # the upstream processor's other refusal (bad_gateway.other_error)
    # The request or the account.
    "bad_request": "INVALID_REQUEST",
    "not_found": "INVALID_REQUEST",
    "unprocessable_entity": "INVALID_REQUEST",
    "invalid_parameter": "INVALID_REQUEST",
    "missing_parameter": "INVALID_REQUEST",
    "invalid_payment_type": "INVALID_REQUEST",
    "invalid_token": "INVALID_REQUEST",
    "invalid_currency": "INVALID_REQUEST",
    "not_refundable": "INVALID_REQUEST",
    "not_capturable": "INVALID_REQUEST",
    "not_cancellable": "INVALID_REQUEST",
    "unauthorized": "CONFIGURATION_ERROR",
    "forbidden": "CONFIGURATION_ERROR",
    "invalid_user_key": "CONFIGURATION_ERROR",
    "internal_server_error": "PROCESSING_ERROR",
    "bad_gateway": "PROCESSING_ERROR",
    "service_unavailable": "PROCESSING_ERROR",
    "request_failed": "PROCESSING_ERROR",
    "gateway_timeout": "TIMEOUT",  # "the payment is not processed, try again"
}
DECLINE_CODES = ["insufficient_funds", "card_declined", "bad_verification_value", "exceeds_limit", "card_expired",
                 "invalid_number", "other_invalid", "invalid_account", "used_number", "invalid_password",
                 "restricted_account", "fraudulent", "other_error"]

PAYMENT_METHODS = {
    "credit_card": "CARD",
    "konbini": "CASH_VOUCHER",  # paid in cash at a convenience store
    "bank_transfer": "BANK_TRANSFER",
    "pay_easy": "BANK_TRANSFER", "payeasy": "BANK_TRANSFER",  # paid at an ATM or by online banking
    "web_money": "WALLET", "bit_cash": "WALLET", "nanaco": "WALLET", "net_cash": "WALLET",  # prepaid e-money
    "paypay": "WALLET", "linepay": "WALLET", "line_pay": "WALLET", "merpay": "WALLET", "rakutenpay": "WALLET",
    "au_pay": "WALLET", "aupay": "WALLET", "alipay": "WALLET", "wechatpay": "WALLET", "kakaopay": "WALLET",
    "apple_pay": "WALLET", "google_pay": "WALLET", "paypal": "WALLET",
    "paidy": "BNPL",
}

REFUND_KEY = "_payobs_refund"
PAYMENT_EVENTS = ["payment.authorized", "payment.captured", "payment.updated", "payment.expired",
                  "payment.cancelled", "payment.failed", "payment.marked.as.fraud"]
REFUND_EVENTS = ["payment.refund.created", "payment.refunded"]
NON_PAYMENT_EVENT_PREFIXES = ["customer.", "payout.", "subscription.", "settlement.", "refund_request.",
                              "submerchant.application.", "submerchant.payment_method_application.",
                              "submerchant.approved", "submerchant.refund_request."]

_PAYMENT_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status"],
    "reason_code": ["failure_code", "error_code", "decline_code"],
    "amount": ["total", "amount"],
    "currency": ["currency"],
    "event_time": ["captured_at", "updated_at", "created_at", "^created_at"],
    "payment_method": ["payment_details.type"],
    "card_brand": ["payment_details.brand"],
    "attempt_id": ["id"],
    "payment_id": ["external_order_num"],
    "refund_id": [],
}
_PAYMENT_RULES = [
    {"when": {"status": "authorized", "payment_details.type": ASYNC_METHODS}, "set": {"status_category": "PENDING"}},
    {"when": {"status": "cancelled", "payment_details.type": "credit_card"}, "set": {"event_kind": "VOID"}},
]
_REFUND_FIELDS = {
    "provider_transaction_id": ["id"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["created_at", "^created_at"],
    "refund_id": ["id"],
    "attempt_id": ["payment"],
}
# A refund the issuer forced (chargeback true) is a chargeback, not the merchant's refund.
_REFUND_RULES = [{"when": {"chargeback": True}, "set": {"status_category": "CHARGEBACK", "event_kind": "DISPUTE"}}]

SPEC = {
    "provider": "komoju",
    "aliases": ["komoju", "degica", "komoju_jp", "komoju japan", "degica_payments"],
    "detect": [
        {"path": "resource", "in": ["payment", "refund", "event"], "weight": 0.3},
        {"path": "payment_method_fee", "exists": True, "weight": 0.3},
        {"path": "refund_requests", "exists": True, "weight": 0.3},
        {"path": "external_order_num", "exists": True, "weight": 0.3},
        {"path": "payment_details.type", "exists": True, "weight": 0.2},
        {"path": "payment_deadline", "exists": True, "weight": 0.1},
        {"path": "data.resource", "in": ["payment", "refund"], "weight": 0.3},
        {"path": "data.refund_requests", "exists": True, "weight": 0.3},
        {"path": "data.payment_method_fee", "exists": True, "weight": 0.2},
        {"path": "type", "in": [*PAYMENT_EVENTS, *REFUND_EVENTS], "weight": 0.1},  # Mollie names some alike
        # A refund names its payment and whether it is a chargeback.
        {"path": "chargeback", "in": [True, False], "weight": 0.2},
        {"path": "payment", "exists": True, "weight": 0.2},
        # Other events: their type and their object's resource.
        {"path": "type", "prefix": ["payout.", "settlement.", "submerchant.", "refund_request.", "subscription."],
         "weight": 0.2},
        {"path": "data.resource", "in": ["payout", "settlement", "subscription", "customer"], "weight": 0.2},
        # Error objects {"error": {"code", "message", "param"}}: KOMOJU's own code names.
        {"path": "error.code", "in": ["bad_verification_value", "exceeds_limit", "used_number", "other_invalid",
                                      "invalid_user_key", "restricted_account", "invalid_password",
                                      "not_cancellable", "invalid_payment_type"], "weight": 0.5},
        {"path": "error.param", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "minor",
    "reason_map": ERROR_CODES,
    "payment_method_map": PAYMENT_METHODS,
    "variants": [
        {"name": "event.not_a_payment",
         "match": {"resource": "event", "type": {"prefix": [*NON_PAYMENT_EVENT_PREFIXES, "ping"]}},
         "not_a_payment": "a KOMOJU customer, payout, subscription, settlement, refund-request or sub-merchant event"},
        # payment.refund.created / payment.refunded carry the payment: prepare() names its latest refund.
        {"name": "event.refund", "root": "data",
         "match": {"type": [*REFUND_EVENTS, *("submerchant." + e for e in REFUND_EVENTS)],
                   "data.resource": "payment"},
         "status": "REFUNDED", "event_kind": "REFUND",
         "fields": {**_PAYMENT_FIELDS, "amount": [REFUND_KEY + ".amount", "amount_refunded"],
                    "refund_id": [REFUND_KEY + ".id"],
                    "event_time": [REFUND_KEY + ".created_at", "^created_at"]},
         "rules": [{"when": {REFUND_KEY + ".chargeback": True},
                    "set": {"status_category": "CHARGEBACK", "event_kind": "DISPUTE"}}]},
        {"name": "event.payment", "root": "data", "match": {"data.resource": "payment"},
         "fields": _PAYMENT_FIELDS, "status_map": PAYMENT_STATUSES,
         "rules": [*_PAYMENT_RULES,
                   {"when": {"^type": ["payment.captured", "submerchant.payment.captured"], "status": "captured"},
                    "set": {"event_kind": "CAPTURE"}},
                   # "A payment ... was marked as fraudulent": KOMOJU's fraud finding on it.
                   {"when": {"^type": "payment.marked.as.fraud"},
                    "set": {"status_category": "DECLINED", "failure_reason": "RISK_REJECTED",
                            "failure_source": "PSP_RISK"}}]},
        {"name": "refund", "match": {"resource": "refund"},
         "status": "REFUNDED", "event_kind": "REFUND", "fields": _REFUND_FIELDS, "rules": _REFUND_RULES},
        {"name": "payment", "match": {"resource": "payment"},
         "fields": _PAYMENT_FIELDS, "status_map": PAYMENT_STATUSES, "rules": _PAYMENT_RULES},
        {"name": "error", "match": {"error.code": {"exists": True}},
         "status": "ERROR", "fields": {"status": ["error.code"], "reason_code": ["error.code", "error.message"]},
         "rules": [{"when": {"error.code": DECLINE_CODES}, "set": {"status_category": "DECLINED"}}]},
        {"name": "not_a_payment", "match": {"resource": ["customer", "payout", "subscription", "settlement", "token",
                                                         "list", "session"]},
         "not_a_payment": "a KOMOJU customer, payout, subscription, settlement, token, list or session object"},
    ],
}


def _latest_refund(payment: dict[str, Any]) -> dict[str, Any] | None:
    refunds = [r for r in payment.get("refunds") or () if isinstance(r, dict)]
    if not refunds:
        return None
    return max(refunds, key=lambda r: str(r.get("created_at") or ""))


def prepare(body: Any) -> Any:
    """Name the latest refund of the payment a refund event carries.

    Pure: returns a copy when it adds a key; the original is untouched.
    """
    if not isinstance(body, dict) or not isinstance(body.get("data"), dict):
        return body
    kind = body.get("type")
    if not (isinstance(kind, str) and kind.endswith(("payment.refund.created", "payment.refunded"))):
        return body
    refund = _latest_refund(body["data"])
    return body if refund is None else {**body, "data": {**body["data"], REFUND_KEY: refund}}
