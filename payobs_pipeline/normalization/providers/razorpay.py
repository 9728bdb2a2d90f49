"""Razorpay: Payment, Refund, Dispute and Order entities, webhook events around them, and API error bodies.

Sources (Razorpay docs):
- https://razorpay.com/docs/api/payments/ (payment entity: status created/authorized/captured/refunded/failed,
  method, card.network, error_code / error_description / error_source / error_step / error_reason)
- https://razorpay.com/docs/errors/payments/list/ and
  https://razorpay.com/docs/payments/payment-gateway/rainy-day/errors/error-reasons/ (every ``reason`` value)
- https://razorpay.com/docs/errors/payments/cards/ (card reasons), https://razorpay.com/docs/errors/ (error body)
- https://razorpay.com/docs/errors/payment-error-parameters (``source`` and ``step`` values per method)
- https://razorpay.com/docs/errors/ (error body {"error": {code BAD_REQUEST_ERROR / GATEWAY_ERROR / SERVER_ERROR,
  description, source, step, reason, metadata}}: a payment's failure is DECLINED, a request or account error
  (input_validation_failed, payment_method_not_enabled, reason NA with "Authentication failed") is ERROR)
- https://razorpay.com/docs/api/refunds/ (pending/processed/failed), https://razorpay.com/docs/api/disputes/
  (open/under_review/won/lost/closed), https://razorpay.com/docs/api/orders/ (created/attempted/paid)
- https://razorpay.com/docs/webhooks/payloads/payments/ (``{"entity": "event", "event": "payment.failed",
  "contains": ["payment"], "payload": {"payment": {"entity": {...}}}, "created_at": ...}``)
- https://razorpay.com/docs/webhooks/ (subscription.*, token.*, qr_code.created / closed, order.notification.*:
  no payment unless the event carries one; payment_link.* and invoice.* without a payment: the request's status),
  https://razorpay.com/docs/api/payments/invoices/ (invoice status draft/issued/partially_paid/paid/cancelled/
  expired/deleted)
- https://razorpay.com/docs/webhooks/ (event list: payout.*, payout_link.*, settlement.processed,
  fund_account.validation.*, transfer.*, payment.downtime.* carry no customer payment; payment.pending
  with method ``cod``), https://razorpay.com/docs/webhooks/payloads/x/ (payout entity)
- Checkout's answers to the merchant's page (razorpay.com/docs/payments/payment-gateway/web-integration/standard/
  integration-steps, "Handle payment success and failure" and "Verify payment signature"): on a successful payment
  the handler / callback_url receives razorpay_payment_id, razorpay_order_id and razorpay_signature (a subscription's
  razorpay_subscription_id, a payment link's razorpay_payment_link_id / _reference_id / _status); on a failure the
  payment.failed handler gets the error object above, and callback_url a form post of error[code],
  error[description], error[source], error[step], error[reason] and error[metadata] (a JSON string naming
  payment_id and order_id). A razorpay_payment_id alone (the S2S UPI create answer, or a callback without its
  signature) names a payment, not its outcome: NOTIFICATION_WITHOUT_OUTCOME. The form-post spelling of the error
  fields and of the payment link callback rest on the integration-steps and payment-links pages as recalled.
Amounts are in the currency subunit (paise for INR); ``created_at`` is a Unix epoch in seconds.
"""

from __future__ import annotations

import json
from typing import Any

from payobs_pipeline.normalization.mapping import NOTIFICATION_WITHOUT_OUTCOME, UnmappedPayload

# error_reason values, per the Razorpay error list.
REASONS = {
    # Issuer declines
    "card_declined": "GENERIC_DECLINE",
    "payment_declined": "GENERIC_DECLINE",
    "debit_declined": "GENERIC_DECLINE",
    "authorisation_declined_by_psp": "GENERIC_DECLINE",
    "payment_failed": "UNKNOWN",  # Razorpay: no specific error code received from the gateway
    "insufficient_funds": "INSUFFICIENT_FUNDS",
    "credit_limit_exceeded": "INSUFFICIENT_FUNDS",
    "funds_blocked_by_mandate": "INSUFFICIENT_FUNDS",
    "transaction_limit_exceeded": "LIMIT_EXCEEDED",
    "transaction_daily_limit_exceeded": "LIMIT_EXCEEDED",
    "transaction_frequency_limit_exceeded": "LIMIT_EXCEEDED",
    "transaction_daily_count_exceeded": "LIMIT_EXCEEDED",
    "card_expired": "EXPIRED_CARD",
    "debit_instrument_blocked": "RESTRICTED_CARD",
    "debit_instrument_inactive": "RESTRICTED_CARD",
    "transaction_on_vpa_restricted": "RESTRICTED_CARD",
    "card_disabled_for_online_payments": "TRANSACTION_NOT_PERMITTED",
    "card_not_enrolled": "TRANSACTION_NOT_PERMITTED",
    "credit_not_permitted": "TRANSACTION_NOT_PERMITTED",
    "international_transaction_not_allowed": "TRANSACTION_NOT_PERMITTED",
    "user_not_eligible": "TRANSACTION_NOT_PERMITTED",
    "psp_app_not_supported": "TRANSACTION_NOT_PERMITTED",
    "user_not_registered_for_netbanking": {"reason": "TRANSACTION_NOT_PERMITTED", "source": "CUSTOMER"},
    # Customer data and authentication
    "incorrect_cvv": "INCORRECT_CVC",
    "incorrect_card_details": "INVALID_CARD_DATA",
    "incorrect_card_expiry_date": "INVALID_CARD_DATA",
    "bank_account_invalid": "INVALID_CARD_DATA",
    "bank_account_validation_failed": "INVALID_CARD_DATA",  # errors/payment-methods/list
    "invalid_vpa": "INVALID_CARD_DATA",
    "authentication_failed": "AUTHENTICATION_FAILED",
    "incorrect_otp": "AUTHENTICATION_FAILED",
    "invalid_otp": "AUTHENTICATION_FAILED",
    "otp_expired": "AUTHENTICATION_FAILED",
    "otp_attempts_exceeded": "AUTHENTICATION_FAILED",
    "incorrect_pin": "AUTHENTICATION_FAILED",
    "pin_attempts_exceeded": "AUTHENTICATION_FAILED",
    # Abandonment (the status rules make these CANCELLED; the reason is kept for completeness)
    "payment_cancelled": {"reason": "UNKNOWN", "source": "CUSTOMER"},
    "payment_session_expired": {"reason": "UNKNOWN", "source": "CUSTOMER"},
    "payment_collect_request_expired": {"reason": "UNKNOWN", "source": "CUSTOMER"},
    "collect_request_pending": {"reason": "DUPLICATE", "source": "CUSTOMER"},
    "payment_timed_out": "TIMEOUT",
    # Risk and compliance
    "payment_risk_check_failed": {"reason": "RISK_REJECTED", "source": "PSP_RISK"},
    "compliance_violation": {"reason": "RISK_REJECTED", "source": "PSP_RISK"},
    "payment_amount_tampered": {"reason": "RISK_REJECTED", "source": "PSP_RISK"},
    # Merchant integration
    "input_validation_failed": "INVALID_REQUEST",
    "invalid_order_id": "INVALID_REQUEST",
    "order_amount_mismatch": "INVALID_REQUEST",
    "amount_less_than_minimum_amount": "INVALID_REQUEST",
    "order_already_paid": "DUPLICATE",
    "duplicate_rrn_found": {"reason": "DUPLICATE", "source": "TECHNICAL", "decline_type": "SOFT"},
    "payment_method_not_enabled": "CONFIGURATION_ERROR",
    "bank_not_enabled": "CONFIGURATION_ERROR",
    "card_network_not_enabled": "CONFIGURATION_ERROR",
    "collect_on_mcc_blocked": "CONFIGURATION_ERROR",
    # Technical
    "bank_not_available": "ISSUER_UNAVAILABLE",
    "bank_cutoff_in_progress": "ISSUER_UNAVAILABLE",
    "bank_technical_error": "ISSUER_UNAVAILABLE",
    "issuer_technical_error": "ISSUER_UNAVAILABLE",
    "psp_app_not_available": "ISSUER_UNAVAILABLE",
    "psp_not_available": "ISSUER_UNAVAILABLE",
    "upi_app_technical_error": "ISSUER_UNAVAILABLE",
    "gateway_technical_error": "PROCESSING_ERROR",
    "server_error": "PROCESSING_ERROR",  # also the error_code SERVER_ERROR
    "payment_declined_due_to_high_traffic": "PROCESSING_ERROR",
    "invalid_response_from_gateway": "PROCESSING_ERROR",
    "verification_failed": "PROCESSING_ERROR",
    "vpa_resolution_failed": "PROCESSING_ERROR",
    "request_timed_out": "TIMEOUT",
    "deemed_transaction": "UNKNOWN",
}

# Reasons Razorpay documents as a technical fault rather than a decision on the payment.
_TECHNICAL_REASONS = [
    "gateway_technical_error", "server_error", "payment_declined_due_to_high_traffic", "request_timed_out",
    "invalid_response_from_gateway", "verification_failed", "bank_technical_error", "issuer_technical_error",
    "upi_app_technical_error", "vpa_resolution_failed",
]
# The customer left (or never finished) the checkout: abandoned, not declined.
# Reasons of a request refused before any payment attempt (the merchant's request or account): an error body
# with one of them is an ERROR, not the customer's payment failing (errors/payments/list).
_REQUEST_REASONS = [
    "input_validation_failed", "invalid_order_id", "order_amount_mismatch", "amount_less_than_minimum_amount",
    "order_already_paid", "payment_method_not_enabled", "bank_not_enabled", "card_network_not_enabled",
    "collect_on_mcc_blocked",
]
# error.code of an error body (razorpay.com/docs/errors/): BAD_REQUEST_ERROR (invalid request, or the payment
# failed: then source/step/reason say so), GATEWAY_ERROR (bank or gateway), SERVER_ERROR (Razorpay's).
_ERROR_CODES = ["BAD_REQUEST_ERROR", "GATEWAY_ERROR", "SERVER_ERROR"]
# The documented 401 bodies: "Authentication failed", "The api key provided is invalid".
_AUTH_FAILURES = ["Authentication failed", "The api key provided is invalid", "Access Denied"]
# Payment link status as the link's callback_url names it (razorpay.com/docs/payments/payment-links: created,
# partially_paid, paid, expired, cancelled): the callback comes with the payment that paid (part of) it.
_PAYMENT_LINK_CALLBACK_STATUSES = {"paid": "APPROVED", "partially_paid": "APPROVED", "created": "PENDING",
                                   "expired": "CANCELLED", "cancelled": "CANCELLED"}
_ABANDONED_REASONS = ["payment_cancelled", "payment_session_expired", "payment_collect_request_expired"]

PAYMENT_METHODS = {
    "card": "CARD",
    "emi": "CARD",  # card EMI
    "wallet": "WALLET",
    "app": "WALLET",  # CRED and similar app payments
    "upi": "BANK_TRANSFER",
    "netbanking": "BANK_TRANSFER",
    "bank_transfer": "BANK_TRANSFER",
    "intl_bank_transfer": "BANK_TRANSFER",
    "cardless_emi": "BNPL",
    "paylater": "BNPL",
    "emandate": "DIRECT_DEBIT",
    "nach": "DIRECT_DEBIT",
    "cod": "OTHER",  # Cash on Delivery: paid to the courier, not through a voucher network
}

# Webhook events about the merchant's money or account, not a customer's payment
# (razorpay.com/docs/webhooks/: RazorpayX payouts and payout links, settlements,
# fund-account validation, Route transfers, payment-method downtime notices,
# virtual-account lifecycle). Their entities carry status words ("failed",
# "processed", "completed") a generic reader would misread as payment outcomes.
_NOT_A_PAYMENT_EVENTS = [
    "payout.", "payout_link.", "settlement.", "fund_account.", "transfer.", "payment.downtime.",
    "virtual_account.created", "virtual_account.closed", "account.", "product.",
]

# Webhook events about a subscription, a saved token, a QR code's or an order notification's own lifecycle
# (razorpay.com/docs/webhooks/: subscription.authenticated / activated / pending / halted / cancelled / paused /
# resumed / completed / updated, token.confirmed / rejected / paused / cancelled, qr_code.created / closed,
# order.notification.delivered / failed). Kept unprocessed when they carry no payment entity: a subscription.charged
# or qr_code.credited event carries the payment (payload.payment) and is read as that payment.
_BOOKKEEPING_EVENTS = ["subscription.", "token.", "qr_code.created", "qr_code.closed", "order.notification."]
# Invoice status (razorpay.com/docs/api/payments/invoices/: draft, issued, partially_paid, paid, cancelled, expired,
# deleted): the invoice is a payment request, the payment as a whole. A draft or deleted invoice was never sent
# for payment: no outcome (left unmapped).
_INVOICE_STATUSES = {"issued": "PENDING", "partially_paid": "PENDING", "paid": "APPROVED", "cancelled": "CANCELLED",
                     "expired": "CANCELLED"}
_PAYMENT_LINK_STATUSES = {"created": "PENDING", "partially_paid": "PENDING", "paid": "APPROVED",
                          "expired": "CANCELLED", "cancelled": "CANCELLED"}
_PAYMENT_STATUSES = {
    "created": "PENDING",
    "pending": "PENDING",  # payment.pending: order placed, amount not collected yet (Cash on Delivery)
    "authorized": "APPROVED",
    "captured": "APPROVED",
    "refunded": "REFUNDED",
    "failed": "DECLINED",
}
_PAYMENT_RULES = [
    # payment.captured follows payment.authorized for the same payment: it confirms, not re-decides.
    {"when": {"status": "captured"}, "set": {"event_kind": "CAPTURE"}},
    # SERVER_ERROR is Razorpay's own technical fault (abandonment and deemed rules below still override it).
    {"when": {"status": "failed", "error_code": "SERVER_ERROR"}, "set": {"status_category": "ERROR"}},
    {"when": {"status": "failed", "error_reason": _ABANDONED_REASONS}, "set": {"status_category": "CANCELLED"}},
    # Customer did not finish in time: abandoned; no answer from the gateway in time: a timeout.
    {"when": {"status": "failed", "error_reason": "payment_timed_out", "error_source": "customer"},
     "set": {"status_category": "CANCELLED"}},
    {"when": {"status": "failed", "error_reason": "payment_timed_out", "error_source": ["gateway", "internal"]},
     "set": {"status_category": "ERROR"}},
    {"when": {"status": "failed", "error_reason": _TECHNICAL_REASONS}, "set": {"status_category": "ERROR"}},
    # A UPI "deemed" transaction has no final answer: money may have moved.
    {"when": {"status": "failed", "error_reason": "deemed_transaction"}, "set": {"status_category": "UNKNOWN"}},
    # payment_failed names no specific cause; error_source says where it failed ("the point of failure",
    # razorpay.com/docs/payments/payment-gateway/rainy-day/errors; sources customer, business, internal,
    # gateway, issuer_bank: razorpay.com/docs/errors/payments/payment-methods-error-parameters). At the gateway
    # or inside Razorpay, no one decided on the payment: a processing fault, not a decline reason.
    {"when": {"status": "failed", "error_reason": "payment_failed", "error_source": ["gateway", "internal"]},
     "set": {"failure_reason": "PROCESSING_ERROR", "failure_source": "TECHNICAL"}},
    # Razorpay's risk-check reason names who ran the check in error_source.
    {"when": {"error_reason": "payment_risk_check_failed", "error_source": ["issuer_bank", "bank", "issuer"]},
     "set": {"failure_reason": "SUSPECTED_FRAUD", "failure_source": "ISSUER"}},
    {"when": {"error_reason": "payment_risk_check_failed", "error_source": "business"},
     "set": {"failure_source": "MERCHANT_RISK"}},
]


_ERROR_BODY_RULES = [
    {"when": {"reason": _ABANDONED_REASONS}, "set": {"status_category": "CANCELLED"}},
    {"when": {"reason": _TECHNICAL_REASONS}, "set": {"status_category": "ERROR"}},
    # The merchant's request or account, not the customer's payment.
    {"when": {"reason": _REQUEST_REASONS}, "set": {"status_category": "ERROR"}},
    # No reason ("NA" or none): the code's kind.
    {"when": {"reason": ["NA", None], "code": "BAD_REQUEST_ERROR"},
     "set": {"status_category": "ERROR", "failure_reason": "INVALID_REQUEST"}},
    {"when": {"reason": ["NA", None], "code": "BAD_REQUEST_ERROR", "description": _AUTH_FAILURES},
     "set": {"failure_reason": "CONFIGURATION_ERROR"}},
    {"when": {"reason": ["NA", None], "code": ["GATEWAY_ERROR", "SERVER_ERROR"]},
     "set": {"status_category": "ERROR", "failure_reason": "PROCESSING_ERROR"}},
    {"when": {"code": "SERVER_ERROR"}, "set": {"status_category": "ERROR"}},
]


def _payment_fields(event_time: list[str]) -> dict:
    return {
        "provider_transaction_id": ["id"],
        "status": ["status"],
        "reason_code": ["error_reason", "error_code"],
        "amount": ["amount"],
        "currency": ["currency"],
        "event_time": event_time,
        "payment_method": ["method"],
        "card_brand": ["card.network"],
        "merchant_id": ["^account_id"],
        # The payment (pay_) is the authorization attempt; the order (order_) is what the customer pays,
        # possibly over several payments (razorpay.com/docs/api/orders/: "multiple payment attempts").
        "attempt_id": ["id"],
        "payment_id": ["order_id"],
    }


def _documents(envelope: str | None) -> list[dict]:
    """The entity variants: bare (``entity`` names the kind), inside a webhook event (``"payload"``)
    or as the one item of a list response (``"items"``: ``{"entity": "collection", "items": [...]}``)."""
    if envelope in ("payload", "payload_event"):
        # A webhook body (razorpay.com/docs/webhooks/payloads/): {"entity": "event", "event":
        # "payment.captured", "payload": {"payment": {"entity": {...}}}}. A stored copy may keep only the
        # "event" name and the payload: "payload_event" reads those.
        def where(kind: str) -> dict:
            if envelope == "payload_event":
                return {"entity": {"exists": False}, "event": {"exists": True},
                        f"payload.{kind}.entity": {"exists": True}}
            return {"entity": "event", f"payload.{kind}.entity": {"exists": True}}

        def place(kind: str) -> dict:
            return {"root": f"payload.{kind}.entity"}

        times = ["^created_at", "created_at"]
        prefix = "event." if envelope == "payload" else "event_name."
    elif envelope == "items":
        # A lake row is one event: a list response holds the entity it was fetched for first.
        def where(kind: str) -> dict:
            return {"entity": "collection", "items.0.entity": kind}

        def place(kind: str) -> dict:
            return {"root": "items.0"}

        times = ["created_at"]
        prefix = "collection."
    else:
        def where(kind: str) -> dict:
            return {"entity": kind}

        def place(kind: str) -> dict:
            return {}

        times = ["created_at"]
        prefix = ""
    refund_fields = {
        # A refund or dispute is a transaction of its own: its id first, the payment's as a fallback.
        "provider_transaction_id": ["id", "payment_id"],
        "status": ["status"],
        "amount": ["amount"],
        "currency": ["currency"],
        "event_time": times,
        # Refund and dispute entities name the payment (pay_) they refund or dispute.
        "attempt_id": ["payment_id"],
        "refund_id": ["id"],
    }
    dispute_fields = {**refund_fields, "reason_code": ["reason_code"], "dispute_id": ["id"]}
    del dispute_fields["refund_id"]
    # Refund and dispute events also carry the payment: the more specific document wins.
    return [
        {"name": f"{prefix}dispute", "match": where("dispute"), **place("dispute"), "fields": dispute_fields,
         "status": "CHARGEBACK", "event_kind": "DISPUTE"},
        # Refund status (razorpay.com/docs/api/refunds/): pending, processed, failed (refund.failed).
        {"name": f"{prefix}refund", "match": where("refund"), **place("refund"), "fields": refund_fields,
         "event_kind": "REFUND",
         "status_map": {"pending": "PENDING", "processed": "REFUNDED", "failed": "DECLINED"}},
        {"name": f"{prefix}payment", "match": where("payment"), **place("payment"),
         "fields": _payment_fields(times), "rules": _PAYMENT_RULES},
        # An order alone (no payment entity beside it) is the state of the whole payment.
        {"name": f"{prefix}order", "match": where("order"), **place("order"), "event_kind": "PAYMENT",
         "fields": {"provider_transaction_id": ["id"], "status": ["status"], "amount": ["amount"],
                    "currency": ["currency"], "event_time": times, "payment_id": ["id"]},
         "status_map": {"created": "PENDING", "attempted": "PENDING", "paid": "APPROVED"}},
    ]


SPEC = {
    "provider": "razorpay",
    "aliases": ["razorpay", "rzp", "razorpay_pg"],
    "detect": [
        {"path": "entity", "in": ["payment", "refund", "dispute", "order", "event"], "weight": 0.5},
        {"path": "entity", "in": ["collection"], "weight": 0.2},
        {"path": "items.0.id", "prefix": ["pay_", "rfnd_", "disp_", "order_"], "weight": 0.4},
        {"path": "id", "prefix": ["pay_", "rfnd_", "disp_", "order_"], "weight": 0.3},
        {"path": "id", "prefix": "plink_", "weight": 0.4},
        {"path": "short_url", "prefix": "https://rzp.io/", "weight": 0.3},
        {"path": "payload.payment.entity.id", "prefix": "pay_", "weight": 0.4},
        # Every Razorpay entity names its kind: {"entity": "payment"} inside the webhook payload.
        {"path": "payload.payment.entity.entity", "in": ["payment"], "weight": 0.3},
        # The webhook's event names (razorpay.com/docs/webhooks/payments: payment.authorized, payment.captured,
        # payment.failed; refunds: refund.created, refund.processed, refund.failed; order.paid), kept by
        # integrations that store only "event" and "payload".
        {"path": "event", "in": ["payment.authorized", "payment.captured", "payment.failed", "order.paid",
                                 "refund.created", "refund.processed", "refund.failed", "refund.speed_changed",
                                 "payment.dispute.created", "payment.dispute.won", "payment.dispute.lost",
                                 "payment.dispute.closed"], "weight": 0.2},
        {"path": "account_id", "prefix": "acc_", "weight": 0.2},
        {"path": "error.metadata.payment_id", "prefix": "pay_", "weight": 0.6},
        {"path": "error.step", "exists": True, "weight": 0.2},
        # An error body: {"error": {"code": "BAD_REQUEST_ERROR", "source", "step", "reason", "metadata"}}.
        {"path": "error.code", "in": _ERROR_CODES, "weight": 0.3},
        # BAD_REQUEST_ERROR is Razorpay's own spelling of an error body's code (razorpay.com/docs/errors/:
        # {"error": {"code": "BAD_REQUEST_ERROR", "description", "field", "source", "step", "reason",
        # "metadata"}}), also when source, step and reason are null (a request refused before any payment).
        {"path": "error.code", "in": ["BAD_REQUEST_ERROR"], "weight": 0.2},
        {"path": "error.metadata", "exists": True, "weight": 0.1},
        # Checkout's success answer (razorpay_payment_id, razorpay_order_id, razorpay_signature) and its failure
        # callback_url post (error[code], error[step], ...): Razorpay's own field names.
        {"path": "razorpay_payment_id", "prefix": "pay_", "weight": 0.6},
        {"path": "razorpay_signature", "exists": True, "weight": 0.2},
        {"path": "error[code]", "in": _ERROR_CODES, "weight": 0.3},
        {"path": "error[step]", "exists": True, "weight": 0.2},
        {"path": "error[metadata]", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "minor",
    "status_map": _PAYMENT_STATUSES,
    "reason_map": REASONS,
    "payment_method_map": PAYMENT_METHODS,
    "variants": [
        # Checkout's answers (see the module docstring): a payment link's callback says the link's status.
        {"name": "checkout.payment_link_callback", "match": {"razorpay_payment_link_status": {"exists": True},
                                                             "razorpay_payment_id": {"exists": True}},
         "status_map": _PAYMENT_LINK_CALLBACK_STATUSES,
         "fields": {"provider_transaction_id": ["razorpay_payment_id"], "status": ["razorpay_payment_link_status"],
                    "attempt_id": ["razorpay_payment_id"], "payment_id": ["razorpay_payment_link_id"]}},
        # The signed success answer of Checkout (handler or callback_url): the payment succeeded.
        {"name": "checkout.success", "match": {"razorpay_payment_id": {"exists": True},
                                               "razorpay_signature": {"exists": True}},
         "status": "APPROVED",
         "fields": {"provider_transaction_id": ["razorpay_payment_id"], "attempt_id": ["razorpay_payment_id"],
                    "payment_id": ["razorpay_order_id", "razorpay_subscription_id", "razorpay_invoice_id"]}},
        {"name": "event.not_a_payment", "match": {"entity": "event", "event": {"prefix": _NOT_A_PAYMENT_EVENTS}},
         "not_a_payment": "a payout, settlement, transfer, validation or downtime event moves no customer payment"},
        {"name": "event_name.not_a_payment",
         "match": {"entity": {"exists": False}, "payload": {"exists": True}, "event": {"prefix": _NOT_A_PAYMENT_EVENTS}},
         "not_a_payment": "a payout, settlement, transfer, validation or downtime event moves no customer payment"},
        {"name": "event.bookkeeping.not_a_payment",
         "match": {"entity": "event", "event": {"prefix": _BOOKKEEPING_EVENTS},
                   "payload.payment.entity": {"exists": False}},
         "not_a_payment": "a subscription, token, QR code or order notification event without a payment"},
        # payment_link.* and invoice.* events that carry no payment (payment_link.expired / cancelled,
        # invoice.expired, razorpay.com/docs/webhooks/): the request for payment as a whole. With a payment entity
        # (payment_link.paid, invoice.paid) the payment variants below read the payment.
        {"name": "event.payment_link",
         "match": {"entity": "event", "payload.payment_link.entity.status": {"exists": True},
                   "payload.payment.entity": {"exists": False}},
         "root": "payload.payment_link.entity", "event_kind": "PAYMENT",
         "fields": {"provider_transaction_id": ["id"], "status": ["status"], "amount": ["amount"],
                    "currency": ["currency"], "event_time": ["^created_at", "updated_at", "created_at"],
                    "merchant_id": ["^account_id"], "payment_id": ["id"], "attempt_id": []},
         "status_map": _PAYMENT_LINK_STATUSES},
        {"name": "event.invoice",
         "match": {"entity": "event", "payload.invoice.entity.status": {"exists": True},
                   "payload.payment.entity": {"exists": False}},
         "root": "payload.invoice.entity", "event_kind": "PAYMENT",
         "fields": {"provider_transaction_id": ["id"], "status": ["status"], "amount": ["amount"],
                    "currency": ["currency"], "event_time": ["^created_at", "created_at"],
                    "merchant_id": ["^account_id"], "payment_id": ["order_id", "id"], "attempt_id": []},
         "status_map": _INVOICE_STATUSES},
        # A Payment Link (razorpay.com/docs/api/payments/payment-links: id plink_..., amount in paise, currency,
        # amount_paid, short_url, status created / partially_paid / paid / expired / cancelled): the page the
        # customer pays through, the payment as a whole, never an attempt.
        {"name": "payment_link", "match": {"id": {"prefix": "plink_"}, "status": {"exists": True}},
         "event_kind": "PAYMENT",
         "fields": {"provider_transaction_id": ["id"], "status": ["status"], "amount": ["amount"],
                    "currency": ["currency"], "event_time": ["updated_at", "created_at"], "payment_id": ["id"],
                    "attempt_id": []},
         "status_map": _PAYMENT_LINK_STATUSES},
    ] + _documents("payload") + _documents("payload_event") + _documents(None) + _documents("items") + [
        {
            # A failed payment call answers with an error body naming the payment.
            "name": "error_response",
            "match": {"error.reason": {"exists": True}},
            "root": "error",
            "status": "DECLINED",
            "fields": {
                "provider_transaction_id": ["metadata.payment_id"],
                "reason_code": ["reason", "code"],
                # razorpay.com/docs/errors/: metadata names the failed payment and its order.
                "payment_id": ["metadata.order_id"],
            },
            "rules": _ERROR_BODY_RULES,
        },
        {
            # An error body without a reason (older API versions): the code says what kind.
            "name": "error_response",
            "match": {"error.code": _ERROR_CODES},
            "root": "error",
            "status": "ERROR",
            "fields": {
                "provider_transaction_id": ["metadata.payment_id"],
                "reason_code": ["reason", "code"],
                "payment_id": ["metadata.order_id"],
            },
            "rules": _ERROR_BODY_RULES,
        },
    ],
}


def _nested_error(body: dict) -> dict | None:
    """The error object of a callback_url form post (error[code] ...) or of a store keeping dotted names."""
    error: dict[str, Any] = {}
    for key, value in body.items():
        if not isinstance(key, str):
            continue
        if key.startswith("error[") and key.endswith("]"):
            error[key[len("error["):-1]] = value
        elif key.startswith("error."):
            *parents, name = key[len("error."):].split(".")
            node = error
            for parent in parents:  # error.metadata.payment_id: the metadata object's field
                node = node.setdefault(parent, {}) if isinstance(node.get(parent, {}), dict) else {}
            node[name] = value
    if not error:
        return None
    metadata = error.get("metadata")
    if isinstance(metadata, str) and metadata.strip().startswith("{"):
        try:
            error["metadata"] = json.loads(metadata)
        except ValueError:
            pass
    return error


def prepare(body: Any) -> Any:
    """Checkout's failure post gets its error object; a payment id without a signed outcome is refused. Pure."""
    if not isinstance(body, dict):
        return body
    if "error" not in body:
        error = _nested_error(body)
        if error is not None:
            return {**body, "error": error}
    if ("razorpay_payment_id" in body and "razorpay_signature" not in body
            and "razorpay_payment_link_status" not in body and "entity" not in body):
        raise UnmappedPayload(NOTIFICATION_WITHOUT_OUTCOME,
                              "razorpay: a razorpay_payment_id without Checkout's signed success names the payment")
    return body
