"""PayMongo (Philippines): payments, payment intents, refunds, webhook events and API errors (JSON:API documents).

Sources (PayMongo documentation):
- https://developers.paymongo.com/docs/payment-acceptance-key-concepts (Payment Intent: amount in centavos, "PHP
  100.00 is 10000", currency PHP or USD; status awaiting_payment_method, awaiting_next_action, processing,
  succeeded) and a typed PayMongo client's PaymentIntentResource (last_payment_error {payment, failed_code,
  failed_message, failed_method}, payments[])
- https://docs.paymongo.com/docs/developer-tools-webhooks-events (every event {"data": {"id": evt_, "type":
  "event", "attributes": {"type", "livemode", "created_at", "updated_at", "data": {the resource}}}}; the examples
  payment.paid, payment.failed (status failed), payment_intent.succeeded, payment_intent.awaiting_payment_method)
- https://developers.paymongo.com/docs/webhooks (source.chargeable "a GCash or GrabPay source has been
  authorized"; payment.paid; payment.failed "the issuer or acquirer declines the payment"; link.payment.paid;
  payment.refunded; payment.refund.updated "includes failed refunds"; checkout_session.payment.paid)
- https://developers.paymongo.com/docs/common-card-errors (card sub codes: generic_decline, do_not_honor,
  payment_refused, insufficient_funds, debit_card_usage_limit_exceeded, issuer_declined, issuer_not_available,
  amount_allowed_exceeded, call_card_issuer ...; blocked sub codes, as a catalogue of that page lists them:
  fraudulent, highest_risk_level, lost_card, pickup_card, processor_blocked, restricted_card, stolen_card, blocked)
- PayMongo payment resource (pay_ id; attributes amount, currency, status pending | paid | failed, source {id,
  type card | gcash | grab_pay | paymaya | qrph ...}, payment_intent_id, refunds, paid_at, created_at,
  failed_code, failed_message, billing {address {country}}) and refund resource (ref_ id; attributes amount,
  currency, status pending | succeeded | failed, reason, payment_id)
- API errors {"errors": [{"code", "detail", "sub_code", "source": {"pointer", "attribute"}}]}

Amounts are in centavos (PHP minor units) / cents.

Lifecycle identity: a payment (pay_) is one attempt; its payment intent (pi_) is the payment (a new payment of
the same intent is a retry). A refund (ref_) names its payment (payment_id).
"""

from __future__ import annotations

from typing import Any

_CUSTOMER = "CUSTOMER"

PAYMENT_STATUSES = {"paid": "APPROVED", "pending": "PENDING", "failed": "DECLINED"}
INTENT_STATUSES = {
    "awaiting_payment_method": "PENDING",  # created, or the last attempt failed (see the rules)
    "awaiting_next_action": "PENDING",  # 3-D Secure or a redirect
    "processing": "PENDING",
    "succeeded": "APPROVED",
}
REFUND_STATUSES = {"pending": "PENDING", "succeeded": "REFUNDED", "failed": "DECLINED"}

FAILED_CODES = {
    "generic_decline": "GENERIC_DECLINE",
    "do_not_honor": "GENERIC_DECLINE",
    "payment_refused": "GENERIC_DECLINE",
    "issuer_declined": "GENERIC_DECLINE",
    "call_card_issuer": "GENERIC_DECLINE",
    "insufficient_funds": "INSUFFICIENT_FUNDS",
    "debit_card_usage_limit_exceeded": "LIMIT_EXCEEDED",
    "amount_allowed_exceeded": "LIMIT_EXCEEDED",
    "issuer_not_available": "ISSUER_UNAVAILABLE",
    "fraudulent": "SUSPECTED_FRAUD",
    "highest_risk_level": {"reason": "RISK_REJECTED", "source": "PSP_RISK"},
    "processor_blocked": {"reason": "RISK_REJECTED", "source": "PSP_RISK"},
    "blocked": {"reason": "RISK_REJECTED", "source": "PSP_RISK"},
    "lost_card": "LOST_OR_STOLEN_CARD",
    "stolen_card": "LOST_OR_STOLEN_CARD",
    "pickup_card": "LOST_OR_STOLEN_CARD",
    "restricted_card": "RESTRICTED_CARD",
    "card_expired": "EXPIRED_CARD",
    "cvc_invalid": {"reason": "INCORRECT_CVC", "source": _CUSTOMER},
    "card_number_invalid": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},
    "processor_unavailable": "PROCESSING_ERROR",
}
API_ERROR_CODES = {
    "parameter_required": "INVALID_REQUEST",
    "parameter_invalid": "INVALID_REQUEST",
    "parameter_format_invalid": "INVALID_REQUEST",
    "resource_not_found": "INVALID_REQUEST",
    "resource_failed_state": "INVALID_REQUEST",
    "payment_intent_not_succeeded": "INVALID_REQUEST",
    "allowed_amount_exceeded": "INVALID_REQUEST",
    "secret_key_required": "CONFIGURATION_ERROR",
    "api_key_invalid": "CONFIGURATION_ERROR",
    "account_not_activated": "CONFIGURATION_ERROR",
    "payment_failed": "GENERIC_DECLINE",
}
REASONS = {**FAILED_CODES, **API_ERROR_CODES}
DECLINE_CODES = [*FAILED_CODES, "payment_failed"]
TECHNICAL_FAILURES = ["processor_unavailable"]

PAYMENT_METHODS = {
    "card": "CARD",
    "gcash": "WALLET", "grab_pay": "WALLET", "paymaya": "WALLET", "shopee_pay": "WALLET",
    "qrph": "BANK_TRANSFER", "dob": "BANK_TRANSFER", "dob_ubp": "BANK_TRANSFER", "brankas_bdo": "BANK_TRANSFER",
    "brankas_landbank": "BANK_TRANSFER", "brankas_metrobank": "BANK_TRANSFER", "instapay": "BANK_TRANSFER",
    "billease": "BNPL",
}

_PAYMENT_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["attributes.status"],
    "reason_code": ["attributes.failed_code", "attributes.failed_message"],
    "amount": ["attributes.amount"],
    "currency": ["attributes.currency"],
    "event_time": ["attributes.paid_at", "attributes.updated_at", "attributes.created_at",
                   "^data.attributes.created_at"],
    "payment_method": ["attributes.source.type"],
    "card_brand": ["attributes.source.brand"],
    "card_country": ["attributes.source.country"],
    "customer_country": ["attributes.billing.address.country"],
    "attempt_id": ["id"],
    "payment_id": ["attributes.payment_intent_id"],
}
_PAYMENT_RULES = [
    {"when": {"attributes.status": "failed", "attributes.failed_code": TECHNICAL_FAILURES},
     "set": {"status_category": "ERROR"}},
]
_INTENT_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["attributes.status"],
    "reason_code": ["attributes.last_payment_error.failed_code", "attributes.last_payment_error.failed_message"],
    "amount": ["attributes.amount"],
    "currency": ["attributes.currency"],
    "event_time": ["attributes.updated_at", "attributes.created_at", "^data.attributes.created_at"],
    "payment_method": ["attributes.last_payment_error.failed_method", "attributes.payment_method_allowed.0"],
    "payment_id": ["id"],
    "attempt_id": ["attributes.last_payment_error.payment", "attributes.payments.0.id"],
}
_INTENT_RULES = [
    # Back to awaiting_payment_method with a last_payment_error: the attempt was declined.
    {"when": {"attributes.status": "awaiting_payment_method",
              "attributes.last_payment_error.failed_code": {"exists": True}},
     "set": {"status_category": "DECLINED"}},
    {"when": {"attributes.last_payment_error.failed_code": {"exists": False}}, "set": {"event_kind": "PAYMENT"}},
]
_REFUND_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["attributes.status"],
    "amount": ["attributes.amount"],
    "currency": ["attributes.currency"],
    "event_time": ["attributes.updated_at", "attributes.created_at"],
    "refund_id": ["id"],
    "attempt_id": ["attributes.payment_id"],
}
_EVENT = "^data.attributes.type"

SPEC = {
    "provider": "paymongo",
    "aliases": ["paymongo", "pay_mongo", "pay mongo", "paymongo_ph"],
    "detect": [
        {"path": "data.id", "prefix": ["pay_", "pi_", "ref_", "evt_", "src_"], "weight": 0.1},
        {"path": "data.type", "in": ["payment", "payment_intent", "refund", "event", "source"], "weight": 0.2},
        {"path": "data.attributes.payment_intent_id", "prefix": "pi_", "weight": 0.4},
        {"path": "data.attributes.net_amount", "exists": True, "weight": 0.2},
        {"path": "data.attributes.payment_method_allowed", "exists": True, "weight": 0.3},
        {"path": "data.attributes.client_key", "prefix": "pi_", "weight": 0.4},
        {"path": "data.attributes.payment_id", "prefix": "pay_", "weight": 0.4},
        {"path": "data.attributes.type", "in": ["payment.paid", "payment.failed", "payment.refunded",
                                                "payment.refund.updated", "source.chargeable", "link.payment.paid",
                                                "checkout_session.payment.paid", "payment_intent.succeeded",
                                                "payment_intent.awaiting_payment_method"], "weight": 0.4},
        {"path": "data.attributes.data.type", "in": ["payment", "payment_intent", "refund", "source",
                                                     "checkout_session", "link"], "weight": 0.2},
        {"path": "data.attributes.data.id", "prefix": ["pay_", "pi_", "ref_", "src_", "cs_", "link_"], "weight": 0.2},
        {"path": "data.attributes.currency", "in": ["PHP"], "weight": 0.1},
        {"path": "data.attributes.data.attributes.currency", "in": ["PHP"], "weight": 0.1},
        # API errors {"errors": [{"code", "detail", "sub_code", "source"}]}.
        {"path": "errors.0.sub_code", "in": list(FAILED_CODES), "weight": 0.4},
        {"path": "errors.0.code", "in": list(API_ERROR_CODES), "weight": 0.4},
        {"path": "errors.0.detail", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "minor",
    "reason_map": REASONS,
    "payment_method_map": PAYMENT_METHODS,
    "variants": [
        # Webhook events: the resource in data.attributes.data.
        {"name": "event.payment", "root": "data.attributes.data",
         "match": {"data.type": "event", "data.attributes.data.type": "payment",
                   "data.attributes.type": {"prefix": "payment."}},
         "fields": _PAYMENT_FIELDS, "status_map": PAYMENT_STATUSES, "rules": _PAYMENT_RULES},
        {"name": "event.payment_intent", "root": "data.attributes.data",
         "match": {"data.type": "event", "data.attributes.data.type": "payment_intent"},
         "fields": _INTENT_FIELDS, "status_map": INTENT_STATUSES, "rules": _INTENT_RULES},
        {"name": "event.refund", "root": "data.attributes.data",
         "match": {"data.type": "event", "data.attributes.data.type": "refund"},
         "fields": _REFUND_FIELDS, "status_map": REFUND_STATUSES, "event_kind": "REFUND"},
        # source.chargeable: the customer authorized the e-wallet source; the merchant must still create the payment.
        {"name": "event.source_chargeable", "root": "data.attributes.data",
         "match": {"data.type": "event", "data.attributes.type": "source.chargeable"},
         "status": "PENDING", "event_kind": "PAYMENT",
         "fields": {"provider_transaction_id": ["id"], "status": ["attributes.status"],
                    "amount": ["attributes.amount"], "currency": ["attributes.currency"],
                    "payment_method": ["attributes.type"], "event_time": ["attributes.updated_at",
                                                                          "attributes.created_at"]}},
        {"name": "event.other", "match": {"data.type": "event"},
         "not_a_payment": "a PayMongo checkout-session, link or other event (its payment has its own payment.* event)"},
        # Resources as the API returns them: {"data": {...}}.
        {"name": "payment", "root": "data", "match": {"data.type": "payment"},
         "fields": _PAYMENT_FIELDS, "status_map": PAYMENT_STATUSES, "rules": _PAYMENT_RULES},
        {"name": "payment_intent", "root": "data", "match": {"data.type": "payment_intent"},
         "fields": _INTENT_FIELDS, "status_map": INTENT_STATUSES, "rules": _INTENT_RULES},
        {"name": "refund", "root": "data", "match": {"data.type": "refund"},
         "fields": _REFUND_FIELDS, "status_map": REFUND_STATUSES, "event_kind": "REFUND"},
        {"name": "error", "match": {"errors.0.code": {"exists": True}},
         "status": "ERROR", "fields": {"status": ["errors.0.code"],
                                        "reason_code": ["errors.0.sub_code", "errors.0.code", "errors.0.detail"]},
         "rules": [{"when": {"errors.0.sub_code": DECLINE_CODES}, "set": {"status_category": "DECLINED"}},
                   {"when": {"errors.0.code": "payment_failed"}, "set": {"status_category": "DECLINED"}}]},
        {"name": "not_a_payment", "match": {"data.type": ["customer", "payment_method", "webhook", "checkout_session",
                                                          "link", "source"]},
         "not_a_payment": "a PayMongo customer, payment method, webhook, checkout session, link or source object"},
    ],
}
