"""Cashfree Payments (India) Payment Gateway: payment webhooks, order and payment entities, refund and dispute
webhooks, payment-link webhooks and API error bodies.

Sources (Cashfree documentation, cashfree.com/docs):
- https://www.cashfree.com/docs/api-reference/payments/latest/payments/webhooks and
  .../previous/v2023-08-01/payments/webhooks (PAYMENT_SUCCESS_WEBHOOK, PAYMENT_FAILED_WEBHOOK,
  PAYMENT_USER_DROPPED_WEBHOOK: {"data": {"order": {order_id, order_amount, order_currency, order_tags},
  "payment": {cf_payment_id, payment_status, payment_amount (major units), payment_currency, payment_message,
  payment_time, bank_reference, auth_id, payment_method {card|upi|netbanking|app ...}, payment_group},
  "customer_details", "payment_gateway_details", "error_details": {error_code, error_description, error_reason,
  error_source, error_code_raw, error_description_raw}}, "event_time", "type"})
- https://www.cashfree.com/docs/api-reference/payments/latest/payments/get-payments-for-an-order (payment
  entity: cf_payment_id, order_id, entity "payment", payment_status SUCCESS / NOT_ATTEMPTED / PENDING / FAILED /
  FLAGGED / CANCELLED / VOID / USER_DROPPED, payment_amount, payment_currency, payment_group, error_details)
- https://www.cashfree.com/docs/api-reference/payments/latest/orders/get (order entity: cf_order_id, order_id,
  entity "order", order_amount, order_currency, order_status ACTIVE (no successful payment yet) / PAID / EXPIRED /
  TERMINATED / TERMINATION_REQUESTED)
- https://www.cashfree.com/docs/api-reference/payments/latest/refunds/webhooks (REFUND_STATUS_WEBHOOK:
  data.refund {cf_refund_id, cf_payment_id, refund_id, order_id, refund_amount, refund_currency, refund_status
  SUCCESS / PENDING / CANCELLED / ONHOLD, status_description, created_at, processed_at})
- https://www.cashfree.com/docs/api-reference/payments/latest/disputes/webhooks (DISPUTE_CREATED / _UPDATED /
  _CLOSED: data.dispute {dispute_id, dispute_type, reason_code, reason_description, dispute_amount,
  dispute_status, ...}, data.order_details {order_id, order_amount, order_currency, cf_payment_id})
- https://www.cashfree.com/docs/payments/no-code/payment-links/webhooks (PAYMENT_LINK_EVENT: data.link_id,
  link_status PAID / PARTIALLY_PAID / ACTIVE / EXPIRED / CANCELLED, link_currency, link_amount,
  link_amount_paid, data.order {order_id, order_amount (this payment), transaction_id, transaction_status})
- https://www.cashfree.com/docs/api-reference/payments/errors (API error body {"message", "help", "code", "type"},
  e.g. code request_failed, type invalid_request_error; error types api_connection_error, api_error,
  authentication_error, invalid_request_error, feature_not_enabled, rate_limit_error, validation_error,
  idempotency_error, bad_gateway_error; a failed payment's error_details, see ERROR_CODES)
Amounts are decimals in rupees (major units) of the named currency. payment_group: credit_card / debit_card /
prepaid_card (CARD), upi, net_banking (BANK_TRANSFER), wallet, pay_later (BNPL), cardless_emi.
error_details.error_code is Cashfree's code; its raw bank code (error_code_raw) is read through ISO 8583.

Lifecycle identity: cf_payment_id is the attempt; the merchant's order_id is the payment (an order can have
several payment attempts). A refund is its own object (cf_refund_id) naming cf_payment_id; a dispute has its own
dispute_id and names the payment.
"""

from __future__ import annotations

from typing import Any

PAYMENT_STATUSES = {
    "SUCCESS": "APPROVED",
    "FAILED": "DECLINED",
    "PENDING": "PENDING",
    "NOT_ATTEMPTED": "PENDING",
    "FLAGGED": "PENDING",  # held by Cashfree's risk checks for review
    "USER_DROPPED": "CANCELLED",  # the customer abandoned the payment
    "CANCELLED": "CANCELLED",
    "VOID": "CANCELLED",
}
ORDER_STATUSES = {"PAID": "APPROVED", "ACTIVE": "PENDING", "EXPIRED": "CANCELLED", "TERMINATED": "CANCELLED",
                  "TERMINATION_REQUESTED": "PENDING"}
REFUND_STATUSES = {"SUCCESS": "REFUNDED", "PENDING": "PENDING", "ONHOLD": "PENDING", "CANCELLED": "CANCELLED",
                   "FAILED": "DECLINED"}
# Payment link: a link is the payment request; the order under it is the payment made against it.
LINK_TRANSACTION_STATUSES = {"SUCCESS": "APPROVED", "FAILED": "DECLINED", "PENDING": "PENDING",
                             "USER_DROPPED": "CANCELLED", "CANCELLED": "CANCELLED"}
LINK_STATUSES = {"PAID": "APPROVED", "PARTIALLY_PAID": "APPROVED", "ACTIVE": "PENDING", "EXPIRED": "CANCELLED",
                 "CANCELLED": "CANCELLED"}

# error_details (www.cashfree.com/docs/api-reference/payments/errors: error_code, error_description,
# error_source, error_reason; the page's sample failed payment: error_code TRANSACTION_DECLINED, error_reason
# bank_rejected, error_source bank) and the page's error-code list. Codes not listed leave the raw bank code
# (error_code_raw) to the ISO 8583 table, else UNKNOWN.
ERROR_CODES = {
    "TRANSACTION_DECLINED": "GENERIC_DECLINE",
    "bank_rejected": "GENERIC_DECLINE",
    "card_unsupported": {"reason": "TRANSACTION_NOT_PERMITTED", "source": "MERCHANT_CONFIG"},
    "payment_method_unsupported": {"reason": "TRANSACTION_NOT_PERMITTED", "source": "MERCHANT_CONFIG"},
    "payment_gateway_unsupported": "CONFIGURATION_ERROR",
    "card_submission_disabled": "CONFIGURATION_ERROR",
    **dict.fromkeys(["surcharge_invalid", "order_amount_invalid", "order_inactive", "customer_email_invalid",
                     "version_invalid", "order_token_invalid", "request_failed"], "INVALID_REQUEST"),
}
PAYMENT_GROUPS = {"credit_card": "CARD", "debit_card": "CARD", "prepaid_card": "CARD", "card": "CARD",
                  "upi": "BANK_TRANSFER", "net_banking": "BANK_TRANSFER", "netbanking": "BANK_TRANSFER",
                  "wallet": "WALLET", "app": "WALLET", "pay_later": "BNPL", "paylater": "BNPL",
                  "cardless_emi": "BNPL", "credit_card_emi": "CARD", "debit_card_emi": "CARD",
                  "bank_transfer": "BANK_TRANSFER"}
_WEBHOOK_TYPES = ["PAYMENT_SUCCESS_WEBHOOK", "PAYMENT_FAILED_WEBHOOK", "PAYMENT_USER_DROPPED_WEBHOOK"]
_DISPUTE_TYPES = ["DISPUTE_CREATED", "DISPUTE_UPDATED", "DISPUTE_CLOSED"]
_ERROR_TYPES = ["invalid_request_error", "authentication_error", "api_error", "rate_limit_error",
                "idempotency_error", "feature_not_enabled", "validation_error", "api_connection_error",
                "bad_gateway_error"]

_PAYMENT_FIELDS = {
    "provider_transaction_id": ["payment.cf_payment_id", "cf_payment_id"],
    "status": ["payment.payment_status", "payment_status"],
    "reason_code": ["error_details.error_code", "error_details.error_reason", "error_details.error_code_raw"],
    "amount": ["payment.payment_amount", "payment_amount"],
    "currency": ["payment.payment_currency", "payment_currency"],
    "event_time": ["^event_time", "payment.payment_time", "payment_time", "payment_completion_time"],
    "payment_method": ["payment.payment_group", "payment_group"],
    "attempt_id": ["payment.cf_payment_id", "cf_payment_id"],
    "payment_id": ["order.order_id", "order_id"],
}

SPEC = {
    "provider": "cashfree",
    "aliases": ["cashfree", "cash_free", "cashfree_pg", "cashfree payments", "cashfree_payments", "cf"],
    "detect": [
        {"path": "type", "in": [*_WEBHOOK_TYPES, "REFUND_STATUS_WEBHOOK", *_DISPUTE_TYPES, "PAYMENT_LINK_EVENT"],
         "weight": 0.4},
        {"path": "data.payment.cf_payment_id", "exists": True, "weight": 0.6},
        {"path": "data.refund.cf_refund_id", "exists": True, "weight": 0.6},
        {"path": "data.cf_link_id", "exists": True, "weight": 0.6},
        {"path": "data.link_id", "exists": True, "weight": 0.2},
        {"path": "data.payment_gateway_details.gateway_name", "exists": True, "weight": 0.2},
        {"path": "cf_payment_id", "exists": True, "weight": 0.6},
        {"path": "cf_order_id", "exists": True, "weight": 0.6},
        {"path": "cf_refund_id", "exists": True, "weight": 0.6},
        {"path": "payment_session_id", "exists": True, "weight": 0.2},
        {"path": "data.dispute.dispute_id", "exists": True, "weight": 0.2},
        {"path": "data.order_details.cf_payment_id", "exists": True, "weight": 0.4},
        # The API error body's own members (errors page sample: message, help, code request_failed, type).
        {"path": "code", "in": ["request_failed"], "weight": 0.3},
        {"path": "help", "prefix": "Check latest errors and resolution from Merchant Dashboard", "weight": 0.4},
    ],
    "amount_unit": "major",
    "status_map": PAYMENT_STATUSES,
    "reason_map": ERROR_CODES,
    "reason_fallback": "iso8583",
    "payment_method_map": PAYMENT_GROUPS,
    "variants": [
        {"name": "webhook.payment", "root": "data",
         "match": {"type": _WEBHOOK_TYPES, "data.payment": {"exists": True}},
         "fields": _PAYMENT_FIELDS},
        {"name": "webhook.refund", "root": "data.refund",
         "match": {"data.refund.refund_status": {"exists": True}},
         "fields": {"provider_transaction_id": ["cf_refund_id"], "status": ["refund_status"],
                    "amount": ["refund_amount"], "currency": ["refund_currency"],
                    "event_time": ["processed_at", "created_at"], "refund_id": ["cf_refund_id"],
                    "attempt_id": ["cf_payment_id"], "payment_id": ["order_id"]},
         "status_map": REFUND_STATUSES, "event_kind": "REFUND"},
        {"name": "webhook.dispute", "root": "data",
         "match": {"type": _DISPUTE_TYPES, "data.dispute": {"exists": True}},
         "status": "CHARGEBACK", "event_kind": "DISPUTE",
         "fields": {"provider_transaction_id": ["dispute.dispute_id"], "status": ["dispute.dispute_status"],
                    "amount": ["dispute.dispute_amount", "order_details.order_amount"],
                    "currency": ["dispute.dispute_currency", "dispute.dispute_amount_currency",
                                 "order_details.order_currency"],
                    "event_time": ["^event_time"], "dispute_id": ["dispute.dispute_id"],
                    "attempt_id": ["order_details.cf_payment_id"], "payment_id": ["order_details.order_id"]}},
        # A payment link's event: the payment made is data.order (order_amount in link_currency).
        {"name": "webhook.payment_link", "root": "data",
         "match": {"type": "PAYMENT_LINK_EVENT", "data.order.transaction_status": {"exists": True}},
         "fields": {"provider_transaction_id": ["order.transaction_id"], "status": ["order.transaction_status"],
                    "amount": ["order.order_amount"], "currency": ["link_currency"],
                    "event_time": ["^event_time"], "attempt_id": ["order.transaction_id"],
                    "payment_id": ["link_id"]},
         "status_map": LINK_TRANSACTION_STATUSES, "event_kind": "AUTHORIZATION"},
        {"name": "webhook.payment_link.no_order", "root": "data",
         "match": {"type": "PAYMENT_LINK_EVENT", "data.link_status": {"exists": True}},
         "fields": {"provider_transaction_id": ["link_id"], "status": ["link_status"],
                    "amount": ["link_amount_paid"], "currency": ["link_currency"], "event_time": ["^event_time"],
                    "payment_id": ["link_id"]},
         "status_map": LINK_STATUSES, "event_kind": "PAYMENT"},
        {"name": "payment", "match": {"cf_payment_id": {"exists": True}, "payment_status": {"exists": True}},
         "fields": _PAYMENT_FIELDS},
        {"name": "refund", "match": {"cf_refund_id": {"exists": True}, "refund_status": {"exists": True}},
         "fields": {"provider_transaction_id": ["cf_refund_id"], "status": ["refund_status"],
                    "amount": ["refund_amount"], "currency": ["refund_currency"],
                    "event_time": ["processed_at", "created_at"], "refund_id": ["cf_refund_id"],
                    "attempt_id": ["cf_payment_id"], "payment_id": ["order_id"]},
         "status_map": REFUND_STATUSES, "event_kind": "REFUND"},
        {"name": "order", "match": {"cf_order_id": {"exists": True}, "order_status": {"exists": True}},
         "fields": {"provider_transaction_id": ["cf_order_id"], "status": ["order_status"],
                    "amount": ["order_amount"], "currency": ["order_currency"], "event_time": ["created_at"],
                    "payment_id": ["order_id"]},
         "status_map": ORDER_STATUSES, "event_kind": "PAYMENT"},
        {"name": "api_error", "match": {"type": _ERROR_TYPES, "message": {"exists": True}},
         "status": "ERROR",
         "fields": {"status": ["type"], "reason_code": ["code"]},
         "rules": [{"when": {"type": "authentication_error"}, "set": {"failure_reason": "CONFIGURATION_ERROR"}},
                   {"when": {"type": "feature_not_enabled"}, "set": {"failure_reason": "CONFIGURATION_ERROR"}},
                   {"when": {"type": ["invalid_request_error", "validation_error"]},
                    "set": {"failure_reason": "INVALID_REQUEST"}},
                   {"when": {"type": "idempotency_error"}, "set": {"failure_reason": "DUPLICATE"}},
                   {"when": {"type": ["api_error", "rate_limit_error", "api_connection_error", "bad_gateway_error"]},
                    "set": {"failure_reason": "PROCESSING_ERROR"}}]},
    ],
}


def prepare(body: Any) -> Any:
    """Pure: unchanged (kept for symmetry with the other specs)."""
    return body
