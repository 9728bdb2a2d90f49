"""HitPay (Singapore; also Malaysia, Philippines, Indonesia ...): the payment request webhook (v1, a form post),
the Payment Request object (API answers and the payment_request.* event webhooks), the Charge object (charge.*
event webhooks, the charges API), the Refund object, the saved-card charge answer and the API error body.

Sources:
- HitPay API reference (docs.hitpayapp.com, "online payments" guide and the OpenAPI document
  docs.hitpayapp.com/openapi.json, as kept in api-evangelist/hitpay openapi/hitpay-openapi-original.json and its
  per-tag files openapi/hitpay-payment-requests-api-openapi.yml, -charges-api, -charge-api, -refund-api):
  Payment Request {id, name, email, phone, amount (a decimal string, "10.00"), currency ("sgd"), status, purpose,
  reference_number (the merchant's), payment_methods, url, redirect_url, webhook, sms_status, email_status,
  allow_repeated_payments, expiry_date, created_at, updated_at, payments[] {id, status, currency, amount,
  refunded_amount, payment_type, ...}}. Its status: pending ("open for payment"), completed ("payment succeeded"),
  failed ("payment did not complete successfully"), expired ("no longer payable because time ran out"), canceled
  ("manually or systematically voided"), inactive ("payment link deactivated by the merchant"). A payment's
  status: pending, requires_payment_method, requires_customer_action, succeeded_manually, failed, canceled, void,
  succeeded, refunded, partially_refunded.
- Charge (GET /v1/charges): {id, currency, home_currency, amount, fixed_fee, discount_fee, status, payment_method
  {name, display_logo, method_logo, data {brand, last4, country_code}}, customer, payment_request_id,
  order_reference_number, channel, closed_at, created_at, updated_at}; the charges filter lists the same status
  words as a payment (success, succeeded_manually, pending, failed, refunded, cancelled, partially_refunded, void).
- Refund (POST /v1/refund, GET /v1/refund/{id}): {id, refunded_by, payment_id (the charge refunded),
  amount_refunded, total_amount, currency, status succeeded, payment_method, refunded_at, created_at}.
- Saved-card charge (POST /v1/charge/recurring-billing/{id}): {payment_id, recurring_billing_id, amount,
  currency, status succeeded}.
- Webhook v1 (the payment request's ``webhook`` URL; hexdocs.pm/hit_pay verify_webhook example and
  docs.hitpayapp.com online-payments guide): form fields payment_id, payment_request_id, phone, amount, currency,
  status (completed / failed), reference_number, hmac.
- Event webhooks (docs.hitpayapp.com/docs/events; api-evangelist/hitpay asyncapi/hitpay-events-webhooks.yml):
  the event name travels in the Hitpay-Event-Type / Hitpay-Event-Object headers, the body is the object (charge,
  payment_request, payout, order, invoice, transfer ...). Payouts, transfers, orders and invoices are no payment
  outcome; their bodies are not modelled here (no documented example stored), so they stay unrecognized.
- Errors (api-evangelist/hitpay errors/hitpay-problem-types.yml, from the OpenAPI document): HTTP 4xx/5xx with a
  JSON {message} and, on 422, {errors: {field: [messages]}}; "there is no published numeric error-code
  registry"; failed payments carry an ``error_message``.

HitPay documents no decline-reason codes: a failed payment's reason is UNKNOWN (its error_message is kept raw).
Amounts are major units (decimal strings or numbers), the currency lower-case ISO 4217.

Lifecycle identity: a charge / payment id (payment_id, a payment's id) is the attempt; the payment request id the
payment; a refund's id the refund.
"""

from __future__ import annotations

# Payment Request status.
REQUEST_STATUSES = {
    "pending": "PENDING",
    "completed": "APPROVED",
    "failed": "DECLINED",
    "expired": "CANCELLED",
    "canceled": "CANCELLED",
    "inactive": "CANCELLED",  # the merchant deactivated the link
}
# A payment's (charge's) status.
CHARGE_STATUSES = {
    "succeeded": "APPROVED",
    "success": "APPROVED",
    "succeeded_manually": "APPROVED",
    "pending": "PENDING",
    "requires_payment_method": "PENDING",
    "requires_customer_action": "PENDING",
    "failed": "DECLINED",
    "canceled": "CANCELLED",
    "cancelled": "CANCELLED",
    "void": "CANCELLED",
    "refunded": "REFUNDED",
    "partially_refunded": "REFUNDED",
}
# The v1 webhook's status.
WEBHOOK_STATUSES = {"completed": "APPROVED", "failed": "DECLINED"}

PAYMENT_METHODS = {
    "card": "CARD", "card_present": "CARD", "wifi_card_reader": "CARD", "apple_pay": "WALLET",
    "google_pay": "WALLET", "paynow_online": "BANK_TRANSFER", "fpx": "BANK_TRANSFER", "qrph_netbank": "BANK_TRANSFER",
    "doku_qris": "WALLET", "ifpay_qris": "WALLET", "upi_qr": "BANK_TRANSFER", "opn_prompt_pay": "BANK_TRANSFER",
    "wechat_pay": "WALLET", "wechat": "WALLET", "alipay": "WALLET", "grabpay_direct": "WALLET", "grabpay": "WALLET",
    "shopee_pay": "WALLET", "gcash_qr": "WALLET", "opn_true_money_qr": "WALLET", "zip": "BNPL",
    "grabpay_paylater": "BNPL", "atome": "BNPL",
}

_CHECKOUT_HOSTS = ["https://securecheckout.hit-pay.com/", "https://securecheckout.sandbox.hit-pay.com/"]

SPEC = {
    "provider": "hitpay",
    "aliases": ["hitpay", "hit-pay", "hit pay", "hitpayapp", "hit-pay.com", "hitpayapp.com"],
    "detect": [
        # Webhook v1.
        {"path": "payment_request_id", "exists": True, "weight": 0.3},
        {"path": "hmac", "exists": True, "weight": 0.2},
        {"path": "reference_number", "exists": True, "weight": 0.05},
        # Payment Request.
        {"path": "url", "prefix": _CHECKOUT_HOSTS, "weight": 0.6},
        {"path": "sms_status", "exists": True, "weight": 0.1},
        {"path": "email_status", "exists": True, "weight": 0.1},
        {"path": "allow_repeated_payments", "exists": True, "weight": 0.1},
        # Charge.
        {"path": "payment_method.display_logo", "exists": True, "weight": 0.3},
        {"path": "home_currency", "exists": True, "weight": 0.1},
        {"path": "discount_fee_rate", "exists": True, "weight": 0.1},
        {"path": "order_reference_number", "exists": True, "weight": 0.1},
        # Refund.
        {"path": "amount_refunded", "exists": True, "weight": 0.2},
        {"path": "total_amount", "exists": True, "weight": 0.15},
        {"path": "refunded_at", "exists": True, "weight": 0.1},
        {"path": "refunded_by", "exists": True, "weight": 0.15},
        # Saved-card charge.
        {"path": "recurring_billing_id", "exists": True, "weight": 0.45},
        {"path": "payment_id", "exists": True, "weight": 0.05},
    ],
    "amount_unit": "major",
    "payment_method_map": PAYMENT_METHODS,
    "variants": [
        {
            # Webhook v1: a form post with the hmac of its fields.
            "name": "webhook",
            "match": {"payment_request_id": {"exists": True}, "hmac": {"exists": True},
                      "status": {"in": list(WEBHOOK_STATUSES)}},
            "status_map": WEBHOOK_STATUSES,
            "fields": {"provider_transaction_id": ["payment_id"], "status": ["status"], "amount": ["amount"],
                       "currency": ["currency"], "attempt_id": ["payment_id"], "payment_id": ["payment_request_id"]},
        },
        {
            "name": "refund",
            "match": {"amount_refunded": {"exists": True}, "payment_id": {"exists": True}},
            "status_map": {"succeeded": "REFUNDED", "pending": "PENDING", "failed": "DECLINED"},
            "event_kind": "REFUND",
            "fields": {"provider_transaction_id": ["id"], "status": ["status"], "amount": ["amount_refunded"],
                       "currency": ["currency"], "event_time": ["refunded_at", "created_at"],
                       "payment_method": ["payment_method"], "refund_id": ["id"], "attempt_id": ["payment_id"]},
        },
        {
            "name": "saved_card_charge",
            "match": {"recurring_billing_id": {"exists": True}, "payment_id": {"exists": True}},
            "status_map": CHARGE_STATUSES,
            "default_payment_method": "CARD",
            "fields": {"provider_transaction_id": ["payment_id"], "status": ["status"], "amount": ["amount"],
                       "currency": ["currency"], "attempt_id": ["payment_id"]},
        },
        {
            # Payment Request: the payment as a whole, over its payments.
            "name": "payment_request",
            "match": {"url": {"prefix": _CHECKOUT_HOSTS}, "status": {"in": list(REQUEST_STATUSES)}},
            "status_map": REQUEST_STATUSES,
            "event_kind": "PAYMENT",
            "fields": {"provider_transaction_id": ["id"], "status": ["status"], "amount": ["amount"],
                       "currency": ["currency"], "event_time": ["updated_at", "created_at"],
                       "payment_method": ["payments.-1.payment_type"], "attempt_id": ["payments.-1.id"],
                       "payment_id": ["id"], "reason_code": ["payments.-1.error_message"]},
        },
        {
            # A refunded charge (charge.updated "once a payment is refunded / partially refunded"): the refund's
            # amount where the charge states it; the charge names no refund id.
            "name": "charge.refunded",
            "match": {"id": {"exists": True}, "status": ["refunded", "partially_refunded"],
                      "payment_method.name": {"exists": True}},
            "status": "REFUNDED",
            "fields": {"provider_transaction_id": ["id"], "status": ["status"], "amount": ["refunded_amount"],
                       "currency": ["currency"], "event_time": ["updated_at"],
                       "payment_method": ["payment_method.name"], "attempt_id": ["id"],
                       "payment_id": ["payment_request_id"], "refund_id": []},
        },
        {
            # Charge (charge.created / charge.updated / charge.failed event bodies, GET /v1/charges/{id}).
            "name": "charge",
            "match": {"id": {"exists": True}, "status": {"in": list(CHARGE_STATUSES)},
                      "payment_method.name": {"exists": True}},
            "status_map": CHARGE_STATUSES,
            "fields": {"provider_transaction_id": ["id"], "status": ["status"], "amount": ["amount"],
                       "currency": ["currency"], "event_time": ["updated_at", "closed_at", "created_at"],
                       "payment_method": ["payment_method.name"], "card_brand": ["payment_method.data.brand"],
                       "card_country": ["payment_method.data.country_code"], "attempt_id": ["id"],
                       "payment_id": ["payment_request_id"], "reason_code": ["error_message"]},
            "rules": [
                {"when": {"status": "void"}, "set": {"event_kind": "VOID"}},
            ],
        },
        {
            # An API error: {message} and, on validation (422), {errors}.
            "name": "error",
            "match": {"message": {"exists": True}, "id": {"exists": False}, "status": {"exists": False}},
            "status": "ERROR",
            "fields": {"reason_code": ["message"]},
            "rules": [
                {"when": {"errors": {"exists": True}}, "set": {"failure_reason": "INVALID_REQUEST"}},
                {"when": {"message": {"prefix": "No query results for model"}},
                 "set": {"failure_reason": "INVALID_REQUEST"}},
            ],
        },
    ],
}
