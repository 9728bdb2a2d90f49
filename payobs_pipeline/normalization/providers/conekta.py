"""Conekta (Mexico): orders, charges, chargebacks, webhook events and API error bodies.

Sources (Conekta docs and its published OpenAPI):
- https://developers.conekta.com/api (Order object: id ``ord_...``, object "order", amount in cents, currency,
  payment_status, charges.data[]; Charge object: id, object "charge", status, amount in cents, currency,
  order_id, paid_at / created_at, failure_code / failure_message, payment_method)
- github.com/conekta/openapi schemas/charges/charge_response.yml (failure_code example ``suspected_fraud``,
  status example ``pending_payment``; payment_method discriminated by ``object``: ``card_payment``,
  ``cash_payment``, ``bank_transfer_payment``; later ``bnpl_payment``, ``pay_by_bank_payment``),
  charge_payment_method_card_response.yml (brand, country, issuer, last4, auth_code),
  schemas/orders/order_response.yml (payment_status, amount_refunded, charges),
  schemas/orders/examples/order_cash.yml (OXXO charge: payment_method.object cash_payment, type oxxo),
  schemas/chargebacks/chargeback_response.yml (id ``chbk_``, object "chargeback", charge_id, status won / lost /
  action_required / pending_review / under_review / covered / rt / rt_sent / represented, reason),
  schemas/errors/error.yml + details.yml (object "error", type, log_id, details[].code
  ``conekta.errors.*``), schemas/event_types/event_types.yml (order.paid, order.expired, order.canceled,
  order.pending_payment)
- Conekta SDKs' order model docs (conekta-go / conekta-node): payment_status is one of pending_payment,
  declined, expired, paid, refunded, partially_refunded, charged_back, pre_authorized, voided
- https://developers.conekta.com/docs/charge (charge events: charge.created, charge.paid, charge.declined,
  charge.canceled, charge.pending_confirmation, charge.expired, charge.refunded, charge.preauthorized,
  charge.reversed (cash only), charge.under_fraud_review, charge.fraudulent, charge.score_updated; event body
  ``{"data": {"object": {...}, "previous_attributes": {}}, "livemode", "webhook_status", "webhook_logs", "id",
  "object": "event", "type", "created_at"}``)
- https://developers.conekta.com/docs/order (order events: order.created, order.canceled, order.expired,
  order.charged_back, order.fraudulent, order.under_fraud_review, order.paid, order.partially_refunded,
  order.pending_payment, order.pre_authorized, order.refunded, order.updated, order.voided, order.declined)
- https://developers.conekta.com/reference/errores (error types: api_error 500, authentication_error 401,
  conflict_error 409, malformed_request_error 400, parameter_validation_error 422, precondition_required_error
  428, processing_error 402 "usually a declined card", resource_not_found_error 404; ``data`` holds the
  object the request modified: "in case of processing_error the charges are still created")
- Detailed ``conekta.errors.processing.bank.*`` / ``parameter_validation.*`` codes: the error reference shows
  their form (``conekta.errors.authentication.missing_key``); the list comes from a hosted-checkout front end's
  ``ERRORS_TO_SHOW`` table of Conekta codes (public source found by string search, the index did not name its
  repository) and the Shoperti PayMe Conekta gateway (``bank.declined``, ``bank_bindings.*``,
  ``card_payment.suspicious_behaviour``, ``parameter_validation.card.number`` / ``card.cvc`` /
  ``expiration_date.expired``). ``processing.bank.stolen_card`` / ``lost_card`` / ``expired_card`` /
  ``suspected_fraud`` / ``invalid_card`` follow the same pattern and are mapped by their names.

Lifecycle identity: the charge (its hex ``id``) is the authorization attempt; the order (``ord_``) is the
payment, which may hold several charges (split payments, retries). A chargeback (``chbk_``) names its
``charge_id``. A refunded charge or order names its refund under ``refunds.data[0].id`` when present.
Amounts are integer cents of ``currency`` (MXN); OXXO and other cash networks are CASH_VOUCHER, SPEI and
pay-by-bank are BANK_TRANSFER.
"""

from __future__ import annotations

_PSP_RISK = {"source": "PSP_RISK"}

# details[].code of error bodies (processing_error: the charge was attempted and declined).
ERROR_CODES = {
    "conekta.errors.processing.bank.declined": "GENERIC_DECLINE",
    "conekta.errors.processing.bank_bindings.declined": "GENERIC_DECLINE",
    "conekta.errors.processing.bank.call_issuer": "GENERIC_DECLINE",
    "conekta.errors.processing.bank.insufficient_funds": "INSUFFICIENT_FUNDS",
    "conekta.errors.processing.bank_bindings.insufficient_funds": "INSUFFICIENT_FUNDS",
    "conekta.errors.processing.bank.stolen_card": "LOST_OR_STOLEN_CARD",
    "conekta.errors.processing.bank.lost_card": "LOST_OR_STOLEN_CARD",
    "conekta.errors.processing.bank.pick_up_card": "LOST_OR_STOLEN_CARD",
    "conekta.errors.processing.bank.expired_card": "EXPIRED_CARD",
    "conekta.errors.processing.bank.invalid_expiration_date": "INVALID_CARD_DATA",
    "conekta.errors.processing.bank.invalid_card": "INVALID_CARD_DATA",
    "conekta.errors.processing.bank.invalid_card_security_code": "INCORRECT_CVC",
    "conekta.errors.processing.bank.card_not_supported": "TRANSACTION_NOT_PERMITTED",
    "conekta.errors.processing.bank.invalid_transaction": "TRANSACTION_NOT_PERMITTED",
    "conekta.errors.processing.bank.amount_over_limit": "LIMIT_EXCEEDED",
    "conekta.errors.processing.bank.attempts_over_limit": "LIMIT_EXCEEDED",
    "conekta.errors.processing.bank.suspected_fraud": "SUSPECTED_FRAUD",
    "conekta.errors.processing.bank.timeout": "TIMEOUT",
    "conekta.errors.processing.bank.communication_error": "ISSUER_UNAVAILABLE",
    "conekta.errors.processing.bank.general_error": "PROCESSING_ERROR",
    "conekta.errors.processing.bank.format_error": "INVALID_REQUEST",
    "conekta.errors.processing.bank.invalid_merchant": "CONFIGURATION_ERROR",
    # Conekta's own antifraud: "declined because the buyer's behaviour is suspicious".
    "conekta.errors.processing.charge.card_payment.suspicious_behaviour": {"reason": "RISK_REJECTED", **_PSP_RISK},
    "conekta.errors.processing.charge.card_payment.declined_by_3ds": "AUTHENTICATION_FAILED",
    "conekta.errors.parameter_validation.charge.rejected_by_risk": {"reason": "RISK_REJECTED", **_PSP_RISK},
    "conekta.errors.parameter_validation.charge.risk_validation_amount_reaching": {
        "reason": "RISK_REJECTED", **_PSP_RISK},
    "conekta.errors.parameter_validation.charge.blocked_payment_source": {"reason": "RISK_REJECTED", **_PSP_RISK},
    "conekta.errors.parameter_validation.charge.international_card_not_allowed": {
        "reason": "TRANSACTION_NOT_PERMITTED", "source": "MERCHANT_CONFIG"},
    "conekta.errors.parameter_validation.charge.forbidden_card_for_company": {
        "reason": "TRANSACTION_NOT_PERMITTED", "source": "MERCHANT_CONFIG"},
    "conekta.errors.parameter_validation.charge.credit_forbidden_mcc": "TRANSACTION_NOT_PERMITTED",
    "conekta.errors.parameter_validation.charge.mcc_forbidden": "TRANSACTION_NOT_PERMITTED",
    "conekta.errors.parameter_validation.card.forbidden_mcc_sivale": "TRANSACTION_NOT_PERMITTED",
    "conekta.errors.parameter_validation.card.forbidden_mcc_rappi": "TRANSACTION_NOT_PERMITTED",
    "conekta.errors.parameter_validation.card.restricted_bank_18_msi_only": "TRANSACTION_NOT_PERMITTED",
    "conekta.errors.parameter_validation.charge.monthly_installments_not_supported_for_international_cards":
        "TRANSACTION_NOT_PERMITTED",
    "conekta.errors.parameter_validation.charge.monthly_installments_not_supported_for_debit":
        "TRANSACTION_NOT_PERMITTED",
    "conekta.errors.parameter_validation.charge.disabled_msi_company": "CONFIGURATION_ERROR",
    "conekta.errors.parameter_validation.charge.invalid_number": "INVALID_CARD_DATA",
    "conekta.errors.parameter_validation.card.number": "INVALID_CARD_DATA",
    "conekta.errors.parameter_validation.card.cvc": "INCORRECT_CVC",
    "conekta.errors.parameter_validation.charge.expired_cvv_dynamic": "INCORRECT_CVC",
    "conekta.errors.parameter_validation.expiration_date.expired": "EXPIRED_CARD",
    "conekta.errors.parameter_validation.payment_method.token_id.incorrect_livemode_of_token":
        "CONFIGURATION_ERROR",
    "conekta.errors.parameter_validation.charge.cash_payment.oxxo_payment.disabled": "CONFIGURATION_ERROR",
    "conekta.errors.parameter_validation.charge.bank_payment.spei_payment.disabled": "CONFIGURATION_ERROR",
    "conekta.errors.parameter_validation.combo.order.currency_type.card.maximum": "LIMIT_EXCEEDED",
    "conekta.errors.authentication.missing_key": "CONFIGURATION_ERROR",
    "conekta.errors.precondition_required.combo.order.cannot_be_updated_because_has_charge_paid": "INVALID_REQUEST",
    "conekta.errors.precondition_required.combo.order.cannot_be_updated_because_has_charge": "INVALID_REQUEST",
}

# Error ``type`` (the reason when a body names no detailed code, and the status below).
ERROR_TYPES = {
    "api_error": "PROCESSING_ERROR",
    "authentication_error": "CONFIGURATION_ERROR",
    "conflict_error": "CONFIGURATION_ERROR",  # the API version sent in the headers conflicts
    "conlict_error": "CONFIGURATION_ERROR",  # the docs' own spelling
    "malformed_request_error": "INVALID_REQUEST",
    "parameter_validation_error": "INVALID_REQUEST",
    "precondition_required_error": "INVALID_REQUEST",
    "resource_not_found_error": "INVALID_REQUEST",
    # API v0.3 bodies name the same types without the ``_error`` suffix ("type": "resource_not_found" for a
    # referenced token/object that does not exist: no charge was created).
    "resource_not_found": "INVALID_REQUEST",
    "parameter_validation": "INVALID_REQUEST",
    "malformed_request": "INVALID_REQUEST",
    "processing_error": "GENERIC_DECLINE",
}
# processing_error (HTTP 402) is a declined charge; every other type is a request that failed.
ERROR_TYPE_STATUS = {**dict.fromkeys(ERROR_TYPES, "ERROR"), "processing_error": "DECLINED"}
# processing_error codes that are technical, not a decision on the card.
_TECHNICAL_PROCESSING_CODES = [
    "conekta.errors.processing.bank.timeout",
    "conekta.errors.processing.bank.communication_error",
    "conekta.errors.processing.bank.general_error",
    "conekta.errors.processing.bank.format_error",
    "conekta.errors.processing.bank.invalid_merchant",
]

# failure_code on a declined charge (the charge_response example is ``suspected_fraud``); the detailed
# error codes' last words, as Conekta repeats them on the charge.
FAILURE_CODES = {
    "suspected_fraud": {"reason": "RISK_REJECTED", **_PSP_RISK},
    "suspicious_behaviour": {"reason": "RISK_REJECTED", **_PSP_RISK},
    "insufficient_funds": "INSUFFICIENT_FUNDS",
    "card_declined": "GENERIC_DECLINE",
    "declined": "GENERIC_DECLINE",
    "call_issuer": "GENERIC_DECLINE",
    "stolen_card": "LOST_OR_STOLEN_CARD",
    "lost_card": "LOST_OR_STOLEN_CARD",
    "pick_up_card": "LOST_OR_STOLEN_CARD",
    "expired_card": "EXPIRED_CARD",
    "invalid_expiration_date": "INVALID_CARD_DATA",
    "invalid_card": "INVALID_CARD_DATA",
    "invalid_number": "INVALID_CARD_DATA",
    "invalid_card_security_code": "INCORRECT_CVC",
    "invalid_cvc": "INCORRECT_CVC",
    "card_not_supported": "TRANSACTION_NOT_PERMITTED",
    "invalid_transaction": "TRANSACTION_NOT_PERMITTED",
    "amount_over_limit": "LIMIT_EXCEEDED",
    "attempts_over_limit": "LIMIT_EXCEEDED",
    "declined_by_3ds": "AUTHENTICATION_FAILED",
    "timeout": "TIMEOUT",
    "processing_error": "PROCESSING_ERROR",
}

REASONS = {**ERROR_CODES, **ERROR_TYPES, **FAILURE_CODES}

# Charge ``status`` and order ``payment_status``.
STATUSES = {
    "paid": "APPROVED",
    "pre_authorized": "APPROVED",  # authorized, capture pending
    "pending_payment": "PENDING",  # OXXO / SPEI reference issued, not paid yet
    "payment_pending": "PENDING",  # the Go SDK's spelling
    "pending_confirmation": "PENDING",
    "under_fraud_review": "PENDING",
    "declined": "DECLINED",
    "fraudulent": "DECLINED",
    "expired": "CANCELLED",
    "canceled": "CANCELLED",
    "cancelled": "CANCELLED",
    "voided": "CANCELLED",
    "reversed": "CANCELLED",  # a cash payment reversed at the store
    "refunded": "REFUNDED",
    "partially_refunded": "REFUNDED",
    "charged_back": "CHARGEBACK",
}

# Webhook ``type`` (read when the object carries no status of its own).
EVENT_TYPES = {
    "charge.created": "PENDING",
    "charge.paid": "APPROVED",
    "charge.preauthorized": "APPROVED",
    "charge.pending_confirmation": "PENDING",
    "charge.under_fraud_review": "PENDING",
    "charge.declined": "DECLINED",
    "charge.fraudulent": "DECLINED",
    "charge.canceled": "CANCELLED",
    "charge.expired": "CANCELLED",
    "charge.reversed": "CANCELLED",
    "charge.refunded": "REFUNDED",
    "order.created": "PENDING",
    "order.pending_payment": "PENDING",
    "order.paid": "APPROVED",
    "order.pre_authorized": "APPROVED",
    "order.declined": "DECLINED",
    "order.fraudulent": "DECLINED",
    "order.under_fraud_review": "PENDING",
    "order.expired": "CANCELLED",
    "order.canceled": "CANCELLED",
    "order.voided": "CANCELLED",
    "order.refunded": "REFUNDED",
    "order.partially_refunded": "REFUNDED",
    "order.charged_back": "CHARGEBACK",
}
CHARGEBACK_EVENTS = [
    "charge.chargeback.created", "charge.chargeback.updated", "charge.chargeback.under_review",
    "charge.chargeback.won", "charge.chargeback.lost", "charge.chargeback.accepted",
]
# Events about customers, plans, subscriptions, payouts, tokens, webhooks...: never a payment outcome.
NON_PAYMENT_EVENT_PREFIXES = [
    "customer.", "plan.", "subscription.", "payout", "payee.", "transfer.", "token.", "payment_source.",
    "payment_link.", "checkout.", "company.", "balance.", "webhook", "cash_refund.", "api_key", "charge.score_updated",
]

PAYMENT_METHODS = {
    "card_payment": "CARD", "card": "CARD", "credit": "CARD", "debit": "CARD", "apple_pay": "WALLET",
    "cash_payment": "CASH_VOUCHER", "oxxo": "CASH_VOUCHER", "oxxo_cash": "CASH_VOUCHER", "cash": "CASH_VOUCHER",
    "bank_transfer_payment": "BANK_TRANSFER", "spei": "BANK_TRANSFER", "bank_transfer": "BANK_TRANSFER",
    "pay_by_bank_payment": "BANK_TRANSFER", "pay_by_bank": "BANK_TRANSFER",
    "bnpl_payment": "BNPL", "bnpl": "BNPL",
}
_PAYMENT_METHOD_OBJECTS = ["card_payment", "cash_payment", "bank_transfer_payment", "bnpl_payment",
                           "pay_by_bank_payment"]

_CHARGE_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status"],
    "reason_code": ["failure_code"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["paid_at", "created_at"],
    "payment_method": ["payment_method.object", "payment_method.type"],
    "card_brand": ["payment_method.brand"],
    "card_country": ["payment_method.country"],
    # The charge is the attempt; the order it pays for is the payment.
    "attempt_id": ["id"],
    "payment_id": ["order_id"],
    "refund_id": ["refunds.data.0.id"],
    # A charged_back charge names no chargeback: the chargeback event (chbk_) is the dispute.
    "dispute_id": [],
}
_ORDER_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["payment_status"],
    "reason_code": ["charges.data.0.failure_code"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["charges.data.0.paid_at", "updated_at", "created_at"],
    "payment_method": ["charges.data.0.payment_method.object", "charges.data.0.payment_method.type"],
    "card_brand": ["charges.data.0.payment_method.brand"],
    "card_country": ["charges.data.0.payment_method.country"],
    "attempt_id": ["charges.data.0.id"],
    "payment_id": ["id"],
    "refund_id": ["charges.data.0.refunds.data.0.id"],
    "dispute_id": [],
}
_ORDER_REFUND_FIELDS = {**_ORDER_FIELDS, "amount": ["amount_refunded", "amount"]}
_CHARGEBACK_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status"],
    "reason_code": ["reason"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["created_at"],
    "attempt_id": ["charge_id"],
    "dispute_id": ["id"],
}
_ERROR_FIELDS = {
    "provider_transaction_id": ["data.charges.data.0.id", "data.id", "log_id"],
    "status": ["type"],
    "reason_code": ["details.0.code", "type"],
    "amount": ["data.amount"],
    "currency": ["data.currency"],
    "event_time": ["data.updated_at", "data.created_at"],
    "payment_method": ["data.charges.data.0.payment_method.object"],
    "card_brand": ["data.charges.data.0.payment_method.brand"],
    "attempt_id": ["data.charges.data.0.id"],
    "payment_id": ["data.id"],
}

_STATUS_RULES = [
    {"when": {"status": "fraudulent"}, "set": {"failure_reason": "RISK_REJECTED", "failure_source": "PSP_RISK"}},
    {"when": {"status": ["voided", "reversed"]}, "set": {"event_kind": "VOID"}},
    {"when": {"status": "pre_authorized"}, "set": {"event_kind": "AUTHORIZATION"}},
    # The older API generation names the card inline (``card.object`` "card") instead of a payment_method.
    {"when": {"card.object": "card", "payment_method": {"exists": False}}, "set": {"payment_method": "CARD"}},
]
_ORDER_RULES = [
    # An order is the payment as a whole; its refunds and chargebacks keep their own kinds.
    {"when": {"payment_status": ["paid", "pre_authorized", "pending_payment", "payment_pending", "declined",
                                 "expired", "canceled", "cancelled", "voided", "under_fraud_review",
                                 "pending_confirmation", "fraudulent"]},
     "set": {"event_kind": "PAYMENT"}},
    {"when": {"payment_status": "fraudulent"},
     "set": {"failure_reason": "RISK_REJECTED", "failure_source": "PSP_RISK"}},
]
_WEBHOOK_RULES = [
    {"when": {"^type": ["charge.fraudulent", "order.fraudulent"]},
     "set": {"status_category": "DECLINED", "failure_reason": "RISK_REJECTED", "failure_source": "PSP_RISK"}},
]
_REFUND_STATUSES = ["refunded", "partially_refunded"]
# Charge statuses no other provider's charge uses (paid, declined, refunded... are common words).
_OWN_CHARGE_STATUSES = ["pre_authorized", "pending_payment", "voided", "under_fraud_review", "charged_back",
                        "partially_refunded"]

SPEC = {
    "provider": "conekta",
    "aliases": ["conekta", "conekta.io", "conektaio", "conekta_mx", "conekta mexico", "oxxopay"],
    "detect": [
        {"path": "payment_method.object", "in": _PAYMENT_METHOD_OBJECTS, "weight": 0.5},
        {"path": "charges.data.0.payment_method.object", "in": _PAYMENT_METHOD_OBJECTS, "weight": 0.5},
        {"path": "data.object.payment_method.object", "in": _PAYMENT_METHOD_OBJECTS, "weight": 0.5},
        {"path": "data.object.charges.data.0.payment_method.object", "in": _PAYMENT_METHOD_OBJECTS,
         "weight": 0.5},
        {"path": "order_id", "prefix": "ord_", "weight": 0.3},
        {"path": "id", "prefix": ["ord_", "chbk_"], "weight": 0.3},
        {"path": "payment_status", "in": list(STATUSES), "weight": 0.3},
        {"path": "object", "in": ["chargeback"], "weight": 0.3},
        {"path": "type", "in": [*EVENT_TYPES, *CHARGEBACK_EVENTS], "weight": 0.3},
        {"path": "webhook_status", "exists": True, "weight": 0.3},
        {"path": "webhook_logs", "exists": True, "weight": 0.3},
        {"path": "data.object.object", "in": ["order", "chargeback"], "weight": 0.3},
        {"path": "data.previous_attributes", "exists": True, "weight": 0.2},
        {"path": "details.0.code", "prefix": "conekta.", "weight": 0.9},
        {"path": "data.object.details.0.code", "prefix": "conekta.", "weight": 0.9},
        # A bare charge (also of the older API generation, with its card inline): Conekta's own statuses,
        # ``object`` "charge" and the ``created_at`` Unix time (developers.conekta.com/api, Charge object).
        {"path": "status", "in": _OWN_CHARGE_STATUSES, "weight": 0.3},
        {"path": "object", "in": ["charge"], "weight": 0.1},
        {"path": "created_at", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "minor",
    "status_map": {**STATUSES, **EVENT_TYPES},
    "reason_map": REASONS,
    "payment_method_map": PAYMENT_METHODS,
    "variants": [
        {"name": "webhook.not_a_payment",
         "match": {"type": {"prefix": NON_PAYMENT_EVENT_PREFIXES}, "data": {"exists": True}},
         "not_a_payment": "a Conekta event about a customer, plan, subscription, payout or webhook"},
        {
            "name": "webhook.chargeback",
            "root": "data.object",
            "match": {"data.object.object": "chargeback"},
            "status": "CHARGEBACK",
            "event_kind": "DISPUTE",
            "fields": {**_CHARGEBACK_FIELDS, "event_time": ["created_at", "^created_at"]},
        },
        {
            "name": "webhook.charge",
            "root": "data.object",
            "match": {"data.object.object": "charge"},
            "fields": {**_CHARGE_FIELDS, "status": ["status", "^type"],
                       "event_time": ["paid_at", "^created_at", "created_at"]},
            "rules": [*_STATUS_RULES, *_WEBHOOK_RULES],
        },
        {
            "name": "webhook.order_refund",
            "root": "data.object",
            "match": {"data.object.object": "order", "data.object.payment_status": _REFUND_STATUSES},
            "fields": {**_ORDER_REFUND_FIELDS, "event_time": ["^created_at", "updated_at"]},
            "event_kind": "REFUND",
        },
        {
            "name": "webhook.order",
            "root": "data.object",
            "match": {"data.object.object": "order"},
            "fields": {**_ORDER_FIELDS, "status": ["payment_status", "^type"],
                       "event_time": ["charges.data.0.paid_at", "^created_at", "updated_at"]},
            "rules": [*_ORDER_RULES, *_WEBHOOK_RULES],
        },
        {
            # A charge event whose ``data.object`` does not say ``object`` (an integration that keeps only the
            # fields it reads): the event ``type`` is the outcome (developers.conekta.com/docs/charge: charge.paid
            # = the charge was paid, charge.declined, ...).
            "name": "webhook.charge_minimal",
            "root": "data.object",
            "match": {"type": [t for t in EVENT_TYPES if t.startswith("charge.")], "data.object": {"exists": True},
                      "data.object.object": {"exists": False}},
            "fields": {**_CHARGE_FIELDS, "status": ["status", "^type"],
                       "event_time": ["paid_at", "^created_at", "created_at"]},
            "rules": [*_STATUS_RULES, *_WEBHOOK_RULES],
        },
        {
            "name": "chargeback",
            "match": {"object": "chargeback"},
            "status": "CHARGEBACK",
            "event_kind": "DISPUTE",
            "fields": _CHARGEBACK_FIELDS,
        },
        {"name": "charge", "match": {"object": "charge"}, "fields": _CHARGE_FIELDS, "rules": _STATUS_RULES},
        {
            "name": "order_refund",
            "match": {"object": "order", "payment_status": _REFUND_STATUSES},
            "fields": {**_ORDER_REFUND_FIELDS, "event_time": ["updated_at", "created_at"]},
            "event_kind": "REFUND",
        },
        {"name": "order", "match": {"object": "order"}, "fields": _ORDER_FIELDS, "rules": _ORDER_RULES},
        {
            # An API error body (HTTP 4xx/5xx). processing_error is a declined charge (its ``data`` is the order
            # the charge was created on); the rest are requests that failed before any charge.
            "name": "error",
            "match": {"object": "error"},
            "fields": _ERROR_FIELDS,
            "status_map": ERROR_TYPE_STATUS,
            # A body's ``type`` (read when it names no detailed code): processing_error is a card decline here.
            "reason_map": {**ERROR_CODES, **ERROR_TYPES},
            "rules": [
                {"when": {"details.0.code": _TECHNICAL_PROCESSING_CODES}, "set": {"status_category": "ERROR"}},
            ],
        },
    ],
}
