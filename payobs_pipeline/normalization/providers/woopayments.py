"""WooPayments (WooCommerce Payments, WCPay): the payment timeline events the WooPayments server keeps for each
payment (``GET /payments/timeline/{intention_id}``), one lake row per event.

WooPayments runs on Stripe: the webhooks its server relays to the store and the charges / payment intents its
API returns are Stripe objects (``evt_...``, ``ch_...``, ``pi_...``) and are read by the Stripe mapping
(providers/stripe.py, by shape, whatever the lake's provider column says). The timeline events are WooPayments'
own objects, with no Stripe shape, so they are mapped here.

Sources (the plugin's own client code, Automattic/woocommerce-payments):
- client/payment-details/timeline/map-events.js: the event ``type`` values and what each means — started
  ("Payment status changed to Started"), authorized ("A payment of %s was successfully authorized"),
  authorization_voided ("Authorization for %s was voided"), authorization_expired, captured ("A payment of %s was
  successfully charged", amount_captured, fee, fee_rates, deposit, transaction_details), partial_refund /
  full_refund (amount_refunded, reason), refund_failed (failure_reason expired_or_canceled_card,
  lost_or_stolen_card, unknown), failed (reason), dispute_needs_response / dispute_in_review / dispute_won /
  dispute_lost / dispute_warning_closed / dispute_charge_refunded (dispute_id, reason, evidence_due_by),
  financing_paydown (a loan repayment taken from a payout), fraud_outcome_review / fraud_outcome_block ("screened
  by your fraud filters and placed in review / blocked"), fraud_outcome_manual_approve / fraud_outcome_manual_block
  (the merchant's decision on a payment in review). Every event has ``datetime`` (Unix seconds).
- client/payment-details/timeline/mappings.ts (paymentFailureMapping): the ``reason`` of a failed event is a
  Stripe error code — card_declined, expired_card, incorrect_cvc, incorrect_number, incorrect_zip, invalid_cvc,
  invalid_expiry_month, invalid_expiry_year, invalid_number, processing_error, authentication_required,
  insufficient_funds.
- Amounts are in the currency's minor units (the client formats them with formatCurrency(amount, currency)); in a
  multi-currency payment ``transaction_details`` gives the customer's and the store's amounts and currencies. The
  customer's is the payment's (a dispute's ``amount`` is the store-currency withdrawal, so the customer amount
  is read first).

Lifecycle identity: ``transaction_id`` (the balance transaction, ``txn_...``) where the event has one; a
dispute's ``dispute_id``.
"""

from __future__ import annotations

EVENTS = {
    "started": "PENDING",
    "authorized": "APPROVED",
    "authorization_voided": "CANCELLED",
    "authorization_expired": "CANCELLED",
    "captured": "APPROVED",
    "partial_refund": "REFUNDED",
    "full_refund": "REFUNDED",
    "refund_failed": "DECLINED",
    "failed": "DECLINED",
    "dispute_needs_response": "CHARGEBACK",
    "dispute_in_review": "CHARGEBACK",
    "dispute_won": "CHARGEBACK",
    "dispute_lost": "CHARGEBACK",
    "dispute_warning_closed": "CHARGEBACK",
    "dispute_charge_refunded": "CHARGEBACK",
    "fraud_outcome_review": "PENDING",
    "fraud_outcome_block": "DECLINED",
    "fraud_outcome_manual_approve": "APPROVED",
    "fraud_outcome_manual_block": "DECLINED",
}

# A failed event's reason (Stripe error codes) and a failed refund's failure_reason.
REASONS = {
    "card_declined": "GENERIC_DECLINE",
    "expired_card": "EXPIRED_CARD",
    "incorrect_cvc": "INCORRECT_CVC",
    "invalid_cvc": "INCORRECT_CVC",
    "incorrect_number": "INVALID_CARD_DATA",
    "invalid_number": "INVALID_CARD_DATA",
    "invalid_expiry_month": "INVALID_CARD_DATA",
    "invalid_expiry_year": "INVALID_CARD_DATA",
    "incorrect_zip": "INVALID_CARD_DATA",
    "processing_error": "PROCESSING_ERROR",
    "authentication_required": "AUTHENTICATION_REQUIRED",
    "insufficient_funds": "INSUFFICIENT_FUNDS",
    "expired_or_canceled_card": "EXPIRED_CARD",
    "lost_or_stolen_card": "LOST_OR_STOLEN_CARD",
    "unknown": "UNKNOWN",
    "fraud_outcome_block": {"reason": "RISK_REJECTED", "source": "MERCHANT_RISK"},
    "fraud_outcome_manual_block": {"reason": "RISK_REJECTED", "source": "MERCHANT_RISK"},
}

# Event kinds of the events read by the generic "event" variant (captures, refunds and disputes have their own).
KINDS = {"started": "PAYMENT", "authorization_voided": "VOID", "authorization_expired": "VOID"}

_AMOUNT = {
    # The customer's amount and currency first (multi-currency), else the event's own.
    "amount": ["transaction_details.customer_amount", "amount"],
    "currency": ["transaction_details.customer_currency", "currency"],
}

SPEC = {
    "provider": "woopayments",
    "aliases": ["woopayments", "woo payments", "woocommerce payments", "woocommerce_payments", "wcpay",
                "wc pay", "woocommerce-payments"],
    "detect": [
        {"path": "type", "in": [*EVENTS, "financing_paydown"], "weight": 0.3},
        {"path": "datetime", "exists": True, "weight": 0.1},
        {"path": "transaction_details.store_currency", "exists": True, "weight": 0.3},
        {"path": "fee_rates", "exists": True, "weight": 0.2},
        {"path": "deposit.arrival_date", "exists": True, "weight": 0.2},
        {"path": "evidence_due_by", "exists": True, "weight": 0.1},
        {"path": "loan_id", "prefix": "flxln_", "weight": 0.3},
    ],
    "amount_unit": "minor",
    "status_map": EVENTS,
    "reason_map": REASONS,
    "variants": [
        {
            "name": "financing_paydown",
            "match": {"type": "financing_paydown"},
            "not_a_payment": "a loan repayment taken from a payout",
        },
        {
            "name": "captured",
            "match": {"type": "captured"},
            "fields": {
                "provider_transaction_id": ["transaction_id"],
                "status": ["type"],
                "amount": ["amount_captured", "transaction_details.customer_amount_captured", "amount"],
                "currency": ["currency", "transaction_details.customer_currency"],
                "event_time": ["datetime"],
            },
            "event_kind": "CAPTURE",
        },
        {
            "name": "refund",
            "match": {"type": ["partial_refund", "full_refund", "refund_failed"]},
            "fields": {
                "provider_transaction_id": ["transaction_id"],
                "status": ["type"],
                "reason_code": ["failure_reason"],
                "amount": ["amount_refunded"],
                "currency": ["currency"],
                "event_time": ["datetime"],
            },
            "event_kind": "REFUND",
        },
        {
            "name": "dispute",
            "match": {"type": {"prefix": "dispute_"}},
            "fields": {
                "provider_transaction_id": ["dispute_id", "transaction_id"],
                "status": ["type"],
                **_AMOUNT,
                "event_time": ["datetime"],
                "dispute_id": ["dispute_id"],
            },
        },
        {
            "name": "event",
            "match": {"type": {"exists": True}, "datetime": {"exists": True}},
            "fields": {
                "provider_transaction_id": ["transaction_id"],
                "status": ["type"],
                "reason_code": ["reason", "type"],
                **_AMOUNT,
                "event_time": ["datetime"],
            },
            "rules": [{"when": {"type": kind}, "set": {"event_kind": event_kind}} for kind, event_kind in KINDS.items()],
        },
    ],
}
