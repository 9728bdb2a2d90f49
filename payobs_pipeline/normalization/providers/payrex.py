"""PayRex (Philippines): PaymentIntents, Payments, Refunds and Checkout Sessions as the API answers them, the webhook
events that carry them, and the API's error body.

Sources (docs.payrexhq.com is the API reference; the stored material is its SDKs and an SDK's documentation):
- PaymentIntent: status awaiting_payment_method, awaiting_next_action, awaiting_capture, processing, succeeded,
  canceled; amount / amount_received / amount_capturable in cents, currency (PHP), last_payment_error ("failed
  payment details", an object with no documented codes), latest_payment (an id or the Payment), next_action,
  payment_method_options.card.capture_type automatic | manual (hold then capture: "Customer authorizes -> status
  becomes awaiting_capture"; an authorization not captured before capture_before_at cancels the intent); cancel
  only from awaiting_payment_method. whoami15/payrex-laravel-docs docs/api/payment-intents.md and
  docs/guide/enums.md (PaymentIntentStatus), payrexhq/payrex-python payrex/entities/payment_intent_entity.py,
  micahbule/payrex-js-sdk tests/fixtures/payment-intent.fixture.ts.
- Payment: status paid | failed ("outcome of a payment attempt"), payment_intent_id, payment_method {type, card
  {first6, last4, brand}}, amount_refunded, refunded (payrexhq/payrex-python payrex/entities/payment_entity.py,
  the laravel docs' enums.md PaymentStatus and the payment_intent.succeeded sample's latest_payment).
- Refund: status succeeded | failed | pending, reason (fraudulent, requested_by_customer, product_out_of_stock,
  service_not_provided, product_was_damaged, service_misaligned, wrong_product_received, others), remarks,
  payment_id (the Payment refunded) (enums.md RefundStatus / RefundReason, micahbule/payrex-js-sdk
  tests/fixtures/refund.fixture.ts, payrex-python refund_entity.py).
- CheckoutSession: status active | completed | expired, line_items, payment_intent (the intent it creates),
  customer_reference_id, expires_at (enums.md CheckoutSessionStatus, micahbule/payrex-js-sdk
  tests/fixtures/checkout-session.fixture.ts).
- Webhooks (the laravel docs' guide/webhooks.md, with PayRex's sample payloads): {id evt_, resource "event", type,
  livemode, pending_webhooks, data (the resource), previous_attributes}; types payment_intent.succeeded,
  payment_intent.amount_capturable, checkout_session.expired, refund.created, refund.updated (payment events);
  cash_balance.funds_available, payout.deposited, billing_statement.* and billing_statement_line_item.* (no
  payment outcome: balances, payouts, invoices' bookkeeping).
- Errors (guide/error-handling.md, naming docs.payrex.com/docs/guide/developer_handbook/error_codes;
  payrex-python payrex/error.py): HTTP 400 / 401 / 404 / 5xx with {errors: [{code, detail, parameter}]}; codes
  account_activation_required, auth_invalid, mode_mismatched, internal_system_error, resource_not_found,
  parameter_invalid, parameter_type_invalid, parameter_required, parameter_above_maximum, parameter_below_minimum.

Read as: a PaymentIntent awaiting a payment method or the customer's next action, or processing, is PENDING (the
payment as a whole while no payment names an attempt); awaiting_capture is an authorization held (APPROVED);
succeeded APPROVED; canceled CANCELLED; awaiting_payment_method with a last_payment_error is a failed attempt
(DECLINED, as on Stripe's model PayRex follows; PayRex documents no codes for it: UNKNOWN). A Payment paid is
APPROVED, failed DECLINED. A Refund is a REFUND of the Payment it names. A Checkout Session is the payment as a
whole: active PENDING, completed APPROVED, expired CANCELLED, for its payment intent's amount.
"""

from __future__ import annotations

from typing import Any

INTENT_STATUSES = {
    "awaiting_payment_method": "PENDING",
    "awaiting_next_action": "PENDING",
    "processing": "PENDING",
    "awaiting_capture": "APPROVED",
    "succeeded": "APPROVED",
    "canceled": "CANCELLED",
}
PAYMENT_STATUSES = {"paid": "APPROVED", "failed": "DECLINED"}
REFUND_STATUSES = {"pending": "PENDING", "succeeded": "REFUNDED", "failed": "DECLINED"}
CHECKOUT_STATUSES = {"active": "PENDING", "completed": "APPROVED", "expired": "CANCELLED"}

ERROR_CODES = {
    "account_activation_required": "CONFIGURATION_ERROR",
    "auth_invalid": "CONFIGURATION_ERROR",
    "mode_mismatched": "CONFIGURATION_ERROR",
    "internal_system_error": "PROCESSING_ERROR",
    "resource_not_found": "INVALID_REQUEST",
    "parameter_invalid": "INVALID_REQUEST",
    "parameter_type_invalid": "INVALID_REQUEST",
    "parameter_required": "INVALID_REQUEST",
    "parameter_above_maximum": "INVALID_REQUEST",
    "parameter_below_minimum": "INVALID_REQUEST",
}

PAYMENT_METHODS = {"card": "CARD", "gcash": "WALLET", "maya": "WALLET", "billease": "BNPL", "qrph": "BANK_TRANSFER",
                   "bdo_installment": "CARD"}

PAYMENT_RESOURCES = ("payment_intent", "payment", "refund", "checkout_session")
# Resources and events that are no payment outcome.
OTHER_RESOURCES = ["billing_statement", "billing_statement_line_item", "customer", "customer_session", "payout",
                   "payout_transaction", "webhook", "merchant", "payment_method", "setup_intent"]
PAYMENT_EVENT_TYPES = ["payment_intent.succeeded", "payment_intent.amount_capturable", "checkout_session.expired",
                       "refund.created", "refund.updated"]
OTHER_EVENT_TYPES = [
    "cash_balance.funds_available", "payout.deposited",
    "billing_statement.created", "billing_statement.updated", "billing_statement.deleted",
    "billing_statement.finalized", "billing_statement.sent", "billing_statement.marked_uncollectible",
    "billing_statement.voided", "billing_statement.paid", "billing_statement.will_be_due",
    "billing_statement.overdue", "billing_statement_line_item.created", "billing_statement_line_item.updated",
    "billing_statement_line_item.deleted",
]
# Refund reasons only PayRex names so (Stripe's fraudulent / requested_by_customer left out).
_OWN_REFUND_REASONS = ["others", "product_out_of_stock", "service_not_provided", "product_was_damaged",
                       "service_misaligned", "wrong_product_received"]


def prepare(body: Any) -> Any:
    """A webhook event about a payment resource is read as that resource (its type adds nothing its status does
    not say); other events stay as they are."""
    if isinstance(body, dict) and body.get("resource") == "event":
        data = body.get("data")
        if isinstance(data, dict) and data.get("resource") in PAYMENT_RESOURCES:
            return data
    return body


_NO_ATTEMPT = {"latest_payment": {"exists": False}}

SPEC = {
    "provider": "payrex",
    "aliases": ["payrex", "payrexhq", "payrex.com", "payrexhq.com", "api.payrexhq.com"],
    "detect": [
        # Every PayRex object names its kind in "resource" (Stripe says "object") with snake_case timestamps.
        # KOMOJU and Mollie name theirs so too (resource "event", "payment", "refund"): those weigh less than
        # the kinds only PayRex has.
        {"path": "resource", "in": ["payment_intent", "checkout_session"], "weight": 0.3},
        {"path": "resource", "in": ["payment", "refund"], "weight": 0.15},
        {"path": "resource", "in": ["event"], "weight": 0.1},
        {"path": "data.resource", "in": ["payment_intent", "checkout_session", "billing_statement",
                                         "billing_statement_line_item"], "weight": 0.3},
        {"path": "data.resource", "in": ["payment", "refund", *OTHER_RESOURCES], "weight": 0.1},
        {"path": "type", "in": [*PAYMENT_EVENT_TYPES, *OTHER_EVENT_TYPES], "weight": 0.2},
        {"path": "data.payment_id", "prefix": "pay_", "weight": 0.3},
        {"path": "created_at", "exists": True, "weight": 0.05},
        {"path": "updated_at", "exists": True, "weight": 0.05},
        {"path": "currency", "in": ["PHP"], "weight": 0.1},
        # PaymentIntent and Checkout Session members named as only PayRex names them.
        {"path": "payment_methods", "exists": True, "weight": 0.2},
        {"path": "payment_method_options.card.capture_type", "exists": True, "weight": 0.2},
        {"path": "payment_intent.payment_method_options.card.capture_type", "exists": True, "weight": 0.2},
        {"path": "customer_reference_id", "exists": True, "weight": 0.1},
        # A Payment names its intent, a Refund its Payment.
        {"path": "payment_intent_id", "prefix": "pi_", "weight": 0.3},
        {"path": "payment_id", "prefix": "pay_", "weight": 0.3},
        {"path": "reason", "in": _OWN_REFUND_REASONS, "weight": 0.15},
        {"path": "remarks", "exists": True, "weight": 0.1},
        # The error body.
        {"path": "errors.0.code", "in": list(ERROR_CODES), "weight": 0.35},
        {"path": "errors.0.detail", "exists": True, "weight": 0.1},
        {"path": "errors.0.parameter", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "minor",
    "reason_map": ERROR_CODES,
    "payment_method_map": PAYMENT_METHODS,
    "variants": [
        {
            "name": "payment_intent",
            "match": {"resource": "payment_intent"},
            "status_map": INTENT_STATUSES,
            "fields": {
                "provider_transaction_id": ["id"],
                "status": ["status"],
                "reason_code": ["last_payment_error.code"],
                "amount": ["amount"],
                "currency": ["currency"],
                "event_time": ["updated_at", "created_at"],
                "payment_method": ["latest_payment.payment_method.type"],
                "card_brand": ["latest_payment.payment_method.card.brand"],
                "attempt_id": ["latest_payment.id", "latest_payment"],
                "payment_id": ["id"],
            },
            "rules": [
                # A payment method to attach again after an attempt: that attempt failed.
                {"when": {"status": "awaiting_payment_method", "last_payment_error": {"exists": True}},
                 "set": {"status_category": "DECLINED"}},
                # No payment names an attempt yet: the payment as a whole.
                {"when": {"status": ["awaiting_payment_method", "awaiting_next_action", "processing", "canceled"],
                          **_NO_ATTEMPT}, "set": {"event_kind": "PAYMENT"}},
            ],
        },
        {
            "name": "payment",
            "match": {"resource": "payment"},
            "status_map": PAYMENT_STATUSES,
            "fields": {
                "provider_transaction_id": ["id"],
                "status": ["status"],
                "amount": ["amount"],
                "currency": ["currency"],
                "event_time": ["updated_at", "created_at"],
                "payment_method": ["payment_method.type"],
                "card_brand": ["payment_method.card.brand"],
                "customer_country": ["billing.address.country"],
                "attempt_id": ["id"],
                "payment_id": ["payment_intent_id"],
            },
        },
        {
            "name": "refund",
            "match": {"resource": "refund"},
            "event_kind": "REFUND",
            "status_map": REFUND_STATUSES,
            "fields": {
                "provider_transaction_id": ["id"],
                "status": ["status"],
                "amount": ["amount"],
                "currency": ["currency"],
                "event_time": ["updated_at", "created_at"],
                "refund_id": ["id"],
                "attempt_id": ["payment_id"],
            },
        },
        {
            "name": "checkout_session",
            "match": {"resource": "checkout_session"},
            "event_kind": "PAYMENT",
            "status_map": CHECKOUT_STATUSES,
            "fields": {
                "provider_transaction_id": ["id"],
                "status": ["status"],
                "amount": ["payment_intent.amount"],
                "currency": ["currency", "payment_intent.currency"],
                "event_time": ["updated_at", "created_at"],
                "payment_id": ["payment_intent.id"],
            },
        },
        {
            "name": "other_resource",
            "match": {"resource": OTHER_RESOURCES},
            "not_a_payment": "a customer, payout, billing statement or webhook endpoint: no payment outcome",
        },
        {
            "name": "other_event",
            "match": {"resource": "event"},
            "not_a_payment": "a balance, payout or billing statement event: no payment outcome",
        },
        {
            "name": "error",
            "match": {"errors.0.code": {"exists": True}},
            "status": "ERROR",
            "fields": {"reason_code": ["errors.0.code"]},
        },
    ],
}
