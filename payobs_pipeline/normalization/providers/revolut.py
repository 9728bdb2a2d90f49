"""Revolut Business Merchant API (Revolut Pay, card acquiring): the order object (create / retrieve an order,
a refund order), the payment object of an order, and the webhook events.

Sources (developer.revolut.com):
- docs/guides/merchant/reference/order-lifecycle ("Order and payment lifecycle"): an order is the customer's
  intent to pay and holds payment attempts; order ``state`` pending (created), processing (a payment is in
  flight), authorised (the payment passed authorisation, awaiting capture), completed (captured / paid),
  cancelled, failed. Payment ``state`` pending, authentication_challenge, authentication_verified,
  authorisation_started, authorisation_passed, authorised, capture_started, captured, refund_validated,
  refund_started, cancellation_started, declining, completing, cancelling, failing, completed, declined,
  soft_declined, cancelled, failed (the Retrieve a payment reference, as the SDK models copy it).
- docs/guides/merchant/reference/error-codes/decline-reasons: ``payments.decline_reason`` of a declined or
  failed payment: 3ds_challenge_abandoned, 3ds_challenge_failed_manually, cardholder_name_missing,
  customer_challenge_abandoned, customer_challenge_failed, customer_name_mismatch, do_not_honour, expired_card,
  high_risk ("from both the issuing bank and internal Revolut tools"), insufficient_funds, invalid_address,
  invalid_amount, invalid_card, invalid_country, invalid_cvv, invalid_email, invalid_expiry, invalid_merchant,
  invalid_phone, invalid_pin, issuer_not_available, pick_up_card, rejected_by_customer, restricted_card,
  suspected_fraud, technical_error, transaction_not_allowed_for_cardholder, unknown_card,
  withdrawal_limit_exceeded.
- docs/api/merchant (Create a webhook, webhooks): events ORDER_COMPLETED, ORDER_AUTHORISED, ORDER_CANCELLED,
  ORDER_FAILED, ORDER_PAYMENT_AUTHENTICATED, ORDER_PAYMENT_DECLINED, ORDER_PAYMENT_FAILED, PAYOUT_INITIATED,
  PAYOUT_COMPLETED, PAYOUT_FAILED, DISPUTE_ACTION_REQUIRED, DISPUTE_UNDER_REVIEW, DISPUTE_WON, DISPUTE_LOST; the
  body is ``{"event", "order_id", "merchant_order_ext_ref"}`` (no amount).
- Payment object (Retrieve payment details): id, order_id, state, decline_reason, bank_message, amount, currency,
  settled_amount, settled_currency, payment_method, risk_level (low / high), fees.
- Order object: id, token, type (payment / refund), state, amount and outstanding_amount in minor units,
  currency, capture_mode, checkout_url, merchant_order_data.reference (the 1.0 API: public_id, order_amount
  {value, currency}, merchant_order_ext_ref, upper-case states), payments[] {id, state, decline_reason,
  payment_method {type card / revolut_pay / apple_pay / google_pay / pay_by_bank, card_brand,
  card_country_code}}.

The HTTP error answers (400/401/403/404/422/429/5xx, docs/guides/merchant/reference/error-codes/
http-response-errors) are documented by status only, without a body shape, so no error variant is written.

Lifecycle identity: the order (``id``) is the payment; an order's payment ``id`` is the attempt; a refund
order's ``id`` is the refund.
"""

from __future__ import annotations

ORDER_STATES = {"pending": "PENDING", "processing": "PENDING", "authorised": "APPROVED", "completed": "APPROVED",
                "cancelled": "CANCELLED", "failed": "DECLINED"}

REFUND_ORDER_STATES = {"pending": "PENDING", "processing": "PENDING", "completed": "REFUNDED",
                       "cancelled": "CANCELLED", "failed": "DECLINED"}

PAYMENT_STATES = {
    "pending": "PENDING", "authentication_challenge": "PENDING", "authentication_verified": "PENDING",
    "authorisation_started": "PENDING", "authorisation_passed": "PENDING", "capture_started": "APPROVED",
    "authorised": "APPROVED", "captured": "APPROVED", "completing": "APPROVED", "completed": "APPROVED",
    "declining": "DECLINED", "declined": "DECLINED", "soft_declined": "DECLINED",
    "failing": "DECLINED", "failed": "DECLINED",
    "cancellation_started": "CANCELLED", "cancelling": "CANCELLED", "cancelled": "CANCELLED",
    "refund_validated": "PENDING", "refund_started": "PENDING",
}

EVENTS = {
    "order_completed": "APPROVED", "order_authorised": "APPROVED", "order_cancelled": "CANCELLED",
    "order_failed": "DECLINED", "order_payment_authenticated": "PENDING", "order_payment_declined": "DECLINED",
    "order_payment_failed": "DECLINED",
    "dispute_action_required": "CHARGEBACK", "dispute_under_review": "CHARGEBACK", "dispute_won": "CHARGEBACK",
    "dispute_lost": "CHARGEBACK",
}

REASONS = {
    "insufficient_funds": "INSUFFICIENT_FUNDS",
    "do_not_honour": "GENERIC_DECLINE",
    "expired_card": "EXPIRED_CARD",
    "invalid_expiry": {"reason": "INVALID_CARD_DATA", "source": "CUSTOMER"},
    "invalid_card": {"reason": "INVALID_CARD_DATA", "source": "CUSTOMER"},
    "unknown_card": {"reason": "INVALID_CARD_DATA", "source": "CUSTOMER"},
    "cardholder_name_missing": {"reason": "INVALID_CARD_DATA", "source": "CUSTOMER"},
    "invalid_cvv": "INCORRECT_CVC",
    "invalid_pin": "AUTHENTICATION_FAILED",
    "3ds_challenge_failed_manually": "AUTHENTICATION_FAILED",
    "customer_challenge_failed": "AUTHENTICATION_FAILED",
    "3ds_challenge_abandoned": {"reason": "AUTHENTICATION_FAILED", "source": "CUSTOMER"},
    "customer_challenge_abandoned": {"reason": "AUTHENTICATION_FAILED", "source": "CUSTOMER"},
    "suspected_fraud": "SUSPECTED_FRAUD",
    "pick_up_card": "LOST_OR_STOLEN_CARD",
    "restricted_card": "RESTRICTED_CARD",
    "withdrawal_limit_exceeded": "LIMIT_EXCEEDED",
    "transaction_not_allowed_for_cardholder": "TRANSACTION_NOT_PERMITTED",
    "high_risk": {"reason": "RISK_REJECTED", "source": "PSP_RISK"},
    "customer_name_mismatch": {"reason": "RISK_REJECTED", "source": "MERCHANT_RISK"},
    "issuer_not_available": "ISSUER_UNAVAILABLE",
    "technical_error": "PROCESSING_ERROR",
    "invalid_merchant": "CONFIGURATION_ERROR",
    "invalid_amount": "INVALID_REQUEST",
    "invalid_email": "INVALID_REQUEST",
    "invalid_phone": "INVALID_REQUEST",
    "invalid_address": "INVALID_REQUEST",
    "invalid_country": "TRANSACTION_NOT_PERMITTED",
    "rejected_by_customer": {"reason": "AUTHENTICATION_FAILED", "source": "CUSTOMER"},
}

PAYMENT_METHODS = {"card": "CARD", "revolut_pay": "WALLET", "apple_pay": "WALLET", "google_pay": "WALLET",
                   "pay_by_bank": "BANK_TRANSFER"}

_ORDER_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["state"],
    "reason_code": ["payments.decline_reason"],
    "amount": ["amount", "order_amount.value"],
    "currency": ["currency", "order_amount.currency"],
    "event_time": ["updated_at", "created_at"],
    "payment_method": ["payments.payment_method.type"],
    "card_brand": ["payments.payment_method.card_brand", "payments.payment_method.card.card_brand"],
    "card_country": ["payments.payment_method.card_country_code", "payments.payment_method.card.card_country"],
    "attempt_id": ["payments.id"],
    "payment_id": ["id"],
}

SPEC = {
    "provider": "revolut",
    "aliases": ["revolut", "revolut pay", "revolut_pay", "revolut merchant", "revolut business",
                "revolutpay", "revolut_merchant"],
    "detect": [
        # Webhook event.
        {"path": "event", "in": [e.upper() for e in EVENTS] + ["PAYOUT_INITIATED", "PAYOUT_COMPLETED", "PAYOUT_FAILED"],
         "weight": 0.4},
        {"path": "order_id", "exists": True, "weight": 0.1},
        {"path": "merchant_order_ext_ref", "exists": True, "weight": 0.2},
        # Order object.
        {"path": "checkout_url", "prefix": ["https://checkout.revolut.com/", "https://sandbox-checkout.revolut.com/"],
         "weight": 0.6},
        {"path": "capture_mode", "in": ["automatic", "manual"], "weight": 0.2},
        {"path": "outstanding_amount", "exists": True, "weight": 0.2},
        {"path": "order_outstanding_amount", "exists": True, "weight": 0.3},
        {"path": "public_id", "exists": True, "weight": 0.2},
        {"path": "enforce_challenge", "exists": True, "weight": 0.2},
        # Payment object.
        {"path": "payment_method.type", "in": ["revolut_pay", "pay_by_bank"], "weight": 0.3},
        {"path": "bank_message", "exists": True, "weight": 0.1},
        {"path": "settled_currency", "exists": True, "weight": 0.3},
        {"path": "settled_amount", "exists": True, "weight": 0.1},
        {"path": "risk_level", "in": ["low", "high"], "weight": 0.1},
        {"path": "payment_method.checks.three_ds", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "minor",
    "status_map": ORDER_STATES,
    "reason_map": REASONS,
    "payment_method_map": PAYMENT_METHODS,
    "variants": [
        {
            "name": "webhook.payout",
            "match": {"event": {"prefix": "PAYOUT_"}},
            "not_a_payment": "a payout of the merchant's balance",
        },
        {
            "name": "webhook.dispute",
            "match": {"event": {"prefix": "DISPUTE_"}},
            "fields": {"status": ["event"], "provider_transaction_id": ["dispute_id", "order_id"],
                       "dispute_id": ["dispute_id"], "payment_id": ["order_id"]},
            "status_map": EVENTS,
        },
        {
            "name": "webhook.order",
            "match": {"event": {"prefix": "ORDER_"}},
            "event_kind": "PAYMENT",
            "fields": {"status": ["event"], "provider_transaction_id": ["order_id"], "payment_id": ["order_id"]},
            "status_map": EVENTS,
        },
        {
            "name": "refund_order",
            "match": {"type": "refund", "state": {"exists": True}},
            "event_kind": "REFUND",
            "fields": {**_ORDER_FIELDS, "refund_id": ["id"], "payment_id": ["related_order_id"], "attempt_id": []},
            "status_map": REFUND_ORDER_STATES,
        },
        {
            "name": "payment",
            "match": {"order_id": {"exists": True}, "state": {"exists": True}, "event": {"exists": False}},
            "fields": {
                "provider_transaction_id": ["id"],
                "status": ["state"],
                "reason_code": ["decline_reason"],
                "amount": ["amount.value", "amount"],  # the 1.0 API's {value, currency}, else minor units
                "currency": ["amount.currency", "currency"],
                "event_time": ["updated_at", "created_at"],
                "payment_method": ["payment_method.type"],
                "card_brand": ["payment_method.card_brand"],
                "card_country": ["payment_method.card_country_code"],
                "attempt_id": ["id"],
                "payment_id": ["order_id"],
            },
            "status_map": PAYMENT_STATES,
        },
        {
            "name": "order",
            "match": {"state": {"exists": True}},
            "event_kind": "PAYMENT",
            "fields": _ORDER_FIELDS,
        },
    ],
}
