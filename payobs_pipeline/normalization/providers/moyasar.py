"""Moyasar (Saudi Arabia): the payment object (create / fetch / refund / capture / void answers), the webhook
event around it, and API error bodies.

Sources:
- https://docs.moyasar.com/payment-status-reference (initiated: created, the cardholder did not pay yet; paid;
  failed: "errors are attached to the message attribute"; authorized: to be captured later, the cardholder is
  not charged yet; captured; refunded: the merchant refunded a paid or captured payment; voided: the merchant
  cancelled a paid, authorized or captured payment before settlement; verified: the cardholder verified his
  card in the tokenization process)
- https://docs.moyasar.com/guides/payment-operations (purchase -> paid; source.manual true -> authorized, then
  capture or void) and the payment object (id, status, amount and fee in the currency's smallest unit, currency,
  refunded, refunded_at, captured, captured_at, voided_at, invoice_id, created_at, metadata, source {type
  creditcard / applepay / googlepay / samsungpay / stcpay, company, name, number, gateway_id,
  reference_number, message, authorization_code, response_code})
- https://docs.moyasar.com/gateway-response-codes (source.response_code: the two-digit ISO 8583 codes, "00
  Transaction Approved", "01 Refer to Issuer", "03 No Merchant", "04 Pick Up Card", "05 Do Not Honour", ...;
  only present when the payment reached the acquirer)
- https://docs.moyasar.com/payment-errors (source.message: INSUFFICIENT FUNDS, DECLINED, BLOCKED ("could be
  suspected of fraud"), "Allowed time frame for transaction has been expired", UNSPECIFIED FAILURE, EXPIRED
  CARD, ...) and https://docs.moyasar.com/guides/card-payments/test-cards (status / message / response code:
  paid APPROVED 00; failed UNSPECIFIED FAILURE 99, INSUFFICIENT FUNDS 51, DECLINED: LOST CARD 41, DECLINED 05,
  DECLINED: EXPIRED CARD 54, DECLINED: EXCEEDS WITHDRAWAL LIMIT 61, DECLINED: STOLEN CARD 43)
- https://docs.moyasar.com/guides/references/3ds-errors (failure_reason 3ds_timeout, 3ds_open_timeout,
  3ds_dns_error, 3ds_connection_error, 3ds_authentication_error, 3ds_ds_timeout, 3ds_ds_connection_error,
  3ds_ptsp_invalid_request, 3ds_ptsp_authentication_failed, 3ds_ptsp_missing_required_field,
  3ds_ptsp_invalid_data, 3ds_service_error, 3ds_service_busy, 3ds_acs_error, 3ds_ds_error,
  3ds_unsupported_device, 3ds_declined_exceeds_frequency_limit, 3ds_declined_expired_card)
- https://docs.moyasar.com/api/other/webhooks/webhook-reference and the available-events list (payment_paid,
  payment_failed, payment_voided, payment_authorized, payment_captured, payment_refunded, payment_abandoned,
  payment_verified, payment_canceled, payment_expired, balance_transferred, payout_initiated, payout_paid,
  payout_failed, payout_canceled, payout_returned); the event carries id, type, created_at, secret_token,
  account_name, live and the payment under data
- https://docs.moyasar.com/api/errors (``{"type": "authentication_error", "message": "Invalid authorization
  credentials", "errors": null}`` 401; ``{"type": "invalid_request_error", "message": "Validation Failed",
  "errors": {"amount": ["must be an integer"]}}`` 400; types invalid_request_error, authentication_error,
  rate_limit_error, api_connection_error, account_inactive_error, 3ds_auth_error, record_not_found)

- https://docs.moyasar.com/api/invoices/01-create-invoice (invoice: id, status InvoiceStatus "initiated, paid,
  failed, refunded, canceled, on_hold, expired, voided", amount in the smallest currency unit, currency,
  description, logo_url, amount_format, url (the checkout page), callback_url, expired_at, created_at,
  updated_at, payments[] the payments made for it), https://docs.moyasar.com/fetch-invoice and
  https://docs.moyasar.com/list-invoices (the same object, with payment_id and paid_at)

Lifecycle identity: a Moyasar payment is one attempt and one payment (its id is both); capture, void and refund
act on the same payment object and keep its id, so a refunded payment's refund_id is the payment id.
"""

from __future__ import annotations

STATUSES = {
    "initiated": "PENDING",
    "paid": "APPROVED",
    "authorized": "APPROVED",
    "captured": "APPROVED",
    "failed": "DECLINED",
    "refunded": "REFUNDED",
    "voided": "CANCELLED",
    # Webhook event names of payments that ended unpaid (the payment's own status may still read initiated).
    "abandoned": "CANCELLED",
    "canceled": "CANCELLED",
    "expired": "CANCELLED",
}

_CUSTOMER = "CUSTOMER"

# An invoice is what the payer is asked to pay; its payments are the attempts (create-invoice, InvoiceStatus).
INVOICE_STATUSES = {
    "initiated": "PENDING",
    "on_hold": "PENDING",
    "paid": "APPROVED",
    "failed": "DECLINED",
    "refunded": "REFUNDED",
    "canceled": "CANCELLED",
    "expired": "CANCELLED",
    "voided": "CANCELLED",
}

# source.message (payment-errors page and the test-card table).
MESSAGES = {
    "insufficient funds": "INSUFFICIENT_FUNDS",
    "declined": "GENERIC_DECLINE",
    "blocked": {"reason": "RISK_REJECTED", "source": "PSP_RISK"},
    "allowed time frame for transaction has been expired": {"reason": "AUTHENTICATION_FAILED", "source": _CUSTOMER},
    "unspecified failure": "GENERIC_DECLINE",
    "expired card": "EXPIRED_CARD",
    "declined: lost card": "LOST_OR_STOLEN_CARD",
    "declined: stolen card": "LOST_OR_STOLEN_CARD",
    "declined: expired card": "EXPIRED_CARD",
    "declined: exceeds withdrawal limit": "LIMIT_EXCEEDED",
}

# failure_reason of a failed 3-D Secure flow (3ds-errors page).
THREE_DS_REASONS = {
    "3ds_timeout": "TIMEOUT",
    "3ds_open_timeout": "TIMEOUT",
    "3ds_ds_timeout": "TIMEOUT",
    "3ds_dns_error": "PROCESSING_ERROR",
    "3ds_connection_error": "PROCESSING_ERROR",
    "3ds_ds_connection_error": "PROCESSING_ERROR",
    "3ds_service_error": "PROCESSING_ERROR",
    "3ds_service_busy": "PROCESSING_ERROR",
    "3ds_acs_error": "PROCESSING_ERROR",
    "3ds_ds_error": "PROCESSING_ERROR",
    "3ds_authentication_error": {"reason": "AUTHENTICATION_FAILED", "source": _CUSTOMER},
    "3ds_unsupported_device": {"reason": "AUTHENTICATION_FAILED", "source": _CUSTOMER},
    "3ds_ptsp_invalid_request": "INVALID_REQUEST",
    "3ds_ptsp_missing_required_field": "INVALID_REQUEST",
    "3ds_ptsp_invalid_data": "INVALID_REQUEST",
    "3ds_ptsp_authentication_failed": "CONFIGURATION_ERROR",
    "3ds_declined_exceeds_frequency_limit": "LIMIT_EXCEEDED",
    "3ds_declined_expired_card": "EXPIRED_CARD",
}

# API error types (errors page).
ERROR_TYPES = {
    "invalid_request_error": "INVALID_REQUEST",
    "authentication_error": "CONFIGURATION_ERROR",
    "account_inactive_error": "CONFIGURATION_ERROR",
    "rate_limit_error": "PROCESSING_ERROR",
    "api_connection_error": "PROCESSING_ERROR",
    "3ds_auth_error": "AUTHENTICATION_FAILED",
    "record_not_found": "INVALID_REQUEST",
}

REASONS = {**MESSAGES, **THREE_DS_REASONS, **ERROR_TYPES}

PAYMENT_METHODS = {
    "creditcard": "CARD",
    "applepay": "WALLET",
    "googlepay": "WALLET",
    "samsungpay": "WALLET",
    "stcpay": "WALLET",
    "token": "CARD",
}
CARD_BRANDS = {"MADA": "mada", "MASTER": "mastercard"}

FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status"],
    "reason_code": ["source.response_code", "source.failure_reason", "failure_reason", "source.message"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["updated_at", "created_at"],
    "payment_method": ["source.type"],
    "card_brand": ["source.company"],
    "attempt_id": ["id"],
    "payment_id": ["id"],
}

RULES = [
    {"when": {"status": "captured"}, "set": {"event_kind": "CAPTURE"}},
    {"when": {"status": "voided"}, "set": {"event_kind": "VOID"}},
]

_REFUND = {"fields": {**FIELDS, "amount": ["refunded", "amount"], "refund_id": ["id"],
                      "event_time": ["refunded_at", "updated_at", "created_at"]}}

_INVOICE_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["paid_at", "updated_at", "created_at"],
    "payment_id": ["id"],
    "attempt_id": ["payment_id", "payments.-1.id"],
}
_INVOICE_SHAPE = {"id": {"exists": True}, "status": {"exists": True}, "amount_format": {"exists": True},
                  "url": {"exists": True}, "source": {"exists": False}}

_PAYMENT_SHAPE = {"status": {"exists": True}, "amount": {"exists": True}, "source": {"exists": True},
                  "amount_format": {"exists": True}}

SPEC = {
    "provider": "moyasar",
    "aliases": ["moyasar", "moyasar payments", "ميسر"],
    "detect": [
        {"path": "amount_format", "exists": True, "weight": 0.3},
        {"path": "fee_format", "exists": True, "weight": 0.2},
        {"path": "source.gateway_id", "exists": True, "weight": 0.2},
        {"path": "source.transaction_url", "exists": True, "weight": 0.1},
        {"path": "source.type", "in": list(PAYMENT_METHODS), "weight": 0.1},
        {"path": "status", "in": ["initiated", "paid", "authorized", "captured", "failed", "refunded", "voided",
                                  "verified"], "weight": 0.1},
        {"path": "data.amount_format", "exists": True, "weight": 0.3},
        {"path": "data.fee_format", "exists": True, "weight": 0.2},
        {"path": "data.source.gateway_id", "exists": True, "weight": 0.1},
        {"path": "secret_token", "exists": True, "weight": 0.25},
        {"path": "account_name", "exists": True, "weight": 0.15},
        {"path": "type", "prefix": ["payment_", "payout_", "balance_"], "weight": 0.15},
        # An invoice's checkout page and the entity logo Moyasar hosts.
        {"path": "url", "prefix": ["https://checkout.moyasar.com/invoices/", "https://dashboard.moyasar.com/invoices/"],
         "weight": 0.4},
        {"path": "logo_url", "prefix": "https://s3-eu-west-1.amazonaws.com/moyasar.api.assets", "weight": 0.2},
    ],
    "amount_unit": "minor",
    "status_map": STATUSES,
    "reason_map": REASONS,
    "reason_fallback": "iso8583",
    "payment_method_map": PAYMENT_METHODS,
    "card_brand_map": CARD_BRANDS,
    "fields": FIELDS,
    "rules": RULES,
    "variants": [
        {"name": "webhook.payout", "match": {"type": {"prefix": ["payout_", "balance_"]}, "data": {"exists": True}},
         "not_a_payment": "a Moyasar payout or balance transfer event"},
        {"name": "webhook.verified", "match": {"type": "payment_verified", "data": {"exists": True}},
         "not_a_payment": "a Moyasar card verification (tokenization), no payment"},
        {"name": "webhook.unpaid", "root": "data",
         "match": {"type": ["payment_abandoned", "payment_canceled", "payment_expired"], "data.id": {"exists": True}},
         "fields": {**FIELDS, "status": ["^type"]},
         "status_map": {"payment_abandoned": "CANCELLED", "payment_canceled": "CANCELLED", "payment_expired": "CANCELLED"}},
        {"name": "webhook.refunded", "root": "data", "match": {"type": {"prefix": "payment_"}, "data.status": "refunded"},
         **_REFUND},
        {"name": "webhook.payment", "root": "data", "match": {"type": {"prefix": "payment_"}, "data.id": {"exists": True}}},
        {"name": "invoice.refunded", "match": {**_INVOICE_SHAPE, "status": "refunded"},
         "fields": {**_INVOICE_FIELDS, "refund_id": ["payment_id", "payments.-1.id"]},
         "status_map": INVOICE_STATUSES, "event_kind": "REFUND", "rules": []},
        {"name": "invoice", "match": _INVOICE_SHAPE, "fields": _INVOICE_FIELDS, "status_map": INVOICE_STATUSES,
         "event_kind": "PAYMENT", "rules": []},
        {"name": "verified", "match": {**_PAYMENT_SHAPE, "status": "verified"},
         "not_a_payment": "a Moyasar card verification (tokenization), no payment"},
        {"name": "refunded", "match": {**_PAYMENT_SHAPE, "status": "refunded"}, **_REFUND},
        {"name": "payment", "match": {"id": {"exists": True}, "status": {"exists": True}, "source": {"exists": True}}},
        {"name": "api_error", "match": {"type": {"in": list(ERROR_TYPES)}, "message": {"exists": True}},
         "status": "ERROR", "fields": {"reason_code": ["type"]}},
    ],
}
