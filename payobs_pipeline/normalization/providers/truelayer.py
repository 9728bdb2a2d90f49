"""TrueLayer Payments API v3 (open-banking pay-ins): the payment object (GET /v3/payments/{id}), the payment and
refund webhooks, the refund object, and the Problem+JSON error body. Payouts and mandates are not payment outcomes.

Sources:
- "Payment statuses" / "Single payment statuses" (docs.truelayer.com/docs/payment-statuses,
  docs.truelayer.com/docs/single-payment-statuses): authorization_required (created, no action yet), authorizing
  (the user started the authorisation journey), authorized (the user authorised, TrueLayer submitted the payment
  to the bank), executed (the bank accepted the payment: terminal for payments into an external account), settled
  (the payment settled into the merchant account: terminal for closed-loop payments), failed (terminal for all,
  with ``failure_stage`` and ``failure_reason``).
- Payment failure reasons: the docs page links its failure-reason table, whose rows the stored copy does not
  show. The values mapped here are the PaymentFailureReason enum of TrueLayer's Android payments-core SDK
  (com.truelayer.payments.core.network.payments.entity.shared.PaymentFailureReason, read in a decompiled copy):
  authorization_failed, blocked, canceled, constraint_violation, expired, insufficient_funds,
  internal_server_error, invalid_account_details, invalid_account_holder_name, invalid_beneficiary_account,
  invalid_credentials, invalid_mandate_state, invalid_otp, invalid_remitter_account, invalid_request,
  invalid_sort_code, mandate_revoked, not_authorized, payment_limit_exceeded, provider_error, provider_expired,
  provider_rejected, rejected, scheme_unavailable, unknown_error, user_canceled_at_provider,
  verification_declined, unknown. Their meanings are read from the names (SDK source, not a docs table).
- "Payout and refund statuses" (docs.truelayer.com/docs/payout-and-refund-statuses): pending, authorized,
  executed, failed (an executed refund can still fail when the bank returns it); failure reasons blocked,
  insufficient_funds, invalid_iban, invalid_scan / scan_conversion, returned, scheme_error, server_error, unknown.
- "Payment webhooks" (docs.truelayer.com/docs/payment-webhooks, .../payment-webhook-specifications): {type,
  event_id, event_version, payment_id, payment_method, payment_source, metadata} with authorized_at,
  executed_at, settled_at or failed_at (+ failure_stage, failure_reason). Webhook types from
  TrueLayer/truelayer-php src/Constants/WebhookEventTypes.php: payment_authorized, payment_executed,
  payment_failed, payment_settled, payment_creditable, payment_settlement_stalled, external_payment_received,
  refund_executed, refund_failed, payout_executed, payout_failed; the payloads follow
  TrueLayer/truelayer-php tests/integration/Mocks/WebhookPayload.php.
- Payment and refund objects: TrueLayer/truelayer-php tests/integration/Mocks/PaymentResponse.php and
  RefundResponse.php (``amount_in_minor``: minor units; ``currency``).
- "Payments API errors" (docs.truelayer.com/docs/payments-api-errors): Problem Details bodies {type (a docs
  URL), title, status, trace_id, detail, errors}; titles Unauthenticated 401, Forbidden 403, Invalid
  Parameters 400, Invalid State 400, Not Found 404, Concurrency Conflict 409, Idempotency-Key Concurrency
  Conflict 409, Idempotency-Key Reuse 422, Rate Limit Exceeded 429, Provider Error 502, Unknown Error 500
  (examples: truelayer-php tests/integration/Mocks/ErrorResponse.php).

Statuses: ``authorized`` is PENDING, not APPROVED: the bank has not yet accepted the payment (it can still fail
at the ``authorized`` stage); executed and settled are APPROVED. A failed payment whose reason says the user or
merchant gave up or let it lapse (canceled, expired, provider_expired, user_canceled_at_provider) is CANCELLED.
Webhooks carry no amount or currency. Mandate webhooks and payouts are not payment outcomes; nor are
payment_creditable / payment_settlement_stalled (settlement bookkeeping of an executed payment) and
external_payment_received (money that arrived in the merchant account without a TrueLayer payment). The mandate
webhooks (``mandate_*`` with a mandate_id) rest on recollection and third-party webhook handlers, not a stored
docs page; no corpus case stands for them.

Lifecycle identity: a TrueLayer payment is one authorisation by the user, so its id is both the attempt and the
payment (webhooks: payment_id); a refund's id (refund_id in its webhooks) is the refund.
"""

from __future__ import annotations

PAYMENT_STATUSES = {
    "authorization_required": "PENDING",
    "authorizing": "PENDING",
    "authorized": "PENDING",  # submitted to the bank, not yet accepted
    "executed": "APPROVED",
    "settled": "APPROVED",
    "failed": "DECLINED",
}

REFUND_STATUSES = {"pending": "PENDING", "authorized": "PENDING", "executed": "REFUNDED", "failed": "DECLINED"}

# The user or the merchant gave up, or the payment lapsed unpaid: CANCELLED, not a decline.
CANCELLED_REASONS = ["canceled", "expired", "provider_expired", "user_canceled_at_provider"]

REASONS = {
    # Payment failure reasons (the SDK enum, see the docstring).
    "authorization_failed": "AUTHENTICATION_FAILED",  # the user's authorisation at the bank failed
    "blocked": "RISK_REJECTED",  # blocked by TrueLayer (regulatory / sanctions checks)
    "canceled": "UNKNOWN",  # CANCELLED (CANCELLED_REASONS)
    "constraint_violation": "LIMIT_EXCEEDED",  # the payment breaks the mandate's constraints
    "expired": "UNKNOWN",  # CANCELLED
    "insufficient_funds": "INSUFFICIENT_FUNDS",
    "internal_server_error": "PROCESSING_ERROR",
    "invalid_account_details": "INVALID_REQUEST",
    "invalid_account_holder_name": "INVALID_REQUEST",
    "invalid_beneficiary_account": "CONFIGURATION_ERROR",  # the merchant's account
    "invalid_credentials": "AUTHENTICATION_FAILED",  # the user's bank credentials
    "invalid_mandate_state": "INVALID_REQUEST",
    "invalid_otp": "AUTHENTICATION_FAILED",
    "invalid_remitter_account": "INVALID_REQUEST",
    "invalid_request": "INVALID_REQUEST",
    "invalid_sort_code": "INVALID_REQUEST",
    "mandate_revoked": "REVOKED",
    "not_authorized": "GENERIC_DECLINE",
    "payment_limit_exceeded": "LIMIT_EXCEEDED",
    "provider_error": "ISSUER_UNAVAILABLE",  # the provider is the user's bank
    "provider_expired": "UNKNOWN",  # CANCELLED
    "provider_rejected": "GENERIC_DECLINE",  # the bank rejected the payment
    "rejected": "GENERIC_DECLINE",
    "scheme_unavailable": "PROCESSING_ERROR",
    "unknown_error": "UNKNOWN",
    "user_canceled_at_provider": "UNKNOWN",  # CANCELLED
    "verification_declined": "RISK_REJECTED",  # the merchant's remitter (name / age) verification
    "unknown": "UNKNOWN",
    # Refund (and payout) failure reasons ("Payout and refund statuses").
    "invalid_iban": "INVALID_REQUEST",
    "invalid_scan": "INVALID_REQUEST",
    "scan_conversion": "INVALID_REQUEST",
    "returned": "GENERIC_DECLINE",  # returned by the beneficiary bank after execution
    "scheme_error": "PROCESSING_ERROR",
    "server_error": "PROCESSING_ERROR",
}

# Problem Details titles ("Payments API errors") and HTTP statuses (taxonomy: API error answers).
ERROR_REASONS = {
    "Unauthenticated": "CONFIGURATION_ERROR",
    "Forbidden": "CONFIGURATION_ERROR",
    "Invalid Parameters": "INVALID_REQUEST",
    "Invalid State": "INVALID_REQUEST",
    "Not Found": "INVALID_REQUEST",
    "Conflict": "DUPLICATE",
    "Concurrency Conflict": "DUPLICATE",
    "Idempotency-Key Concurrency Conflict": "DUPLICATE",
    "Idempotency-Key Reuse": "DUPLICATE",
    "Rate Limit Exceeded": "PROCESSING_ERROR",
    "Provider Error": "PROCESSING_ERROR",
    "Unknown Error": "PROCESSING_ERROR",
    "400": "INVALID_REQUEST", "404": "INVALID_REQUEST", "422": "INVALID_REQUEST",
    "401": "CONFIGURATION_ERROR", "403": "CONFIGURATION_ERROR", "409": "DUPLICATE",
    "429": "PROCESSING_ERROR", "500": "PROCESSING_ERROR", "502": "PROCESSING_ERROR", "503": "PROCESSING_ERROR",
}

PAYMENT_METHODS = {"bank_transfer": "BANK_TRANSFER", "mandate": "BANK_TRANSFER"}  # open banking, account to account

PAYMENT_WEBHOOKS = {
    "payment_authorized": "PENDING",
    "payment_executed": "APPROVED",
    "payment_settled": "APPROVED",
    "payment_failed": "DECLINED",
}
REFUND_WEBHOOKS = {"refund_executed": "REFUNDED", "refund_failed": "DECLINED"}
NON_PAYMENT_WEBHOOKS = {
    "payout_executed": "a payout moves the merchant account's balance",
    "payout_failed": "a payout moves the merchant account's balance",
    "payment_creditable": "settlement bookkeeping of an executed payment",
    "payment_settlement_stalled": "settlement bookkeeping of an executed payment",
    "external_payment_received": "money received into the merchant account outside a TrueLayer payment",
}

_RULES = [{"when": {"status": "failed", "failure_reason": {"in": CANCELLED_REASONS}},
           "set": {"status_category": "CANCELLED"}}]
_WEBHOOK_RULES = [{"when": {"type": "payment_failed", "failure_reason": {"in": CANCELLED_REASONS}},
                   "set": {"status_category": "CANCELLED"}}]

_EVENT_TIME = ["failed_at", "settled_at", "executed_at", "authorized_at", "created_at"]

SPEC = {
    "provider": "truelayer",
    "aliases": ["truelayer", "true layer", "truelayer.com", "truelayer payments", "truelayer v3"],
    "detect": [
        {"path": "amount_in_minor", "exists": True, "weight": 0.3},
        {"path": "status", "in": ["authorization_required", "authorizing", "executed", "settled"], "weight": 0.2},
        {"path": "failure_stage", "exists": True, "weight": 0.3},
        {"path": "type", "in": [*PAYMENT_WEBHOOKS, *REFUND_WEBHOOKS, *NON_PAYMENT_WEBHOOKS], "weight": 0.3},
        {"path": "refund_id", "exists": True, "weight": 0.1},
        {"path": "event_version", "exists": True, "weight": 0.2},
        {"path": "event_id", "exists": True, "weight": 0.05},
        {"path": "payment_source.account_identifiers", "exists": True, "weight": 0.2},
        {"path": "executed_at", "exists": True, "weight": 0.15},
        {"path": "authorization_flow", "exists": True, "weight": 0.2},
        {"path": "payment_method.beneficiary.type", "in": ["merchant_account", "external_account"], "weight": 0.15},
        {"path": "beneficiary.type", "in": ["payment_source", "external_account", "business_account"], "weight": 0.2},
        {"path": "merchant_account_id", "exists": True, "weight": 0.1},
        {"path": "type", "prefix": "https://docs.truelayer.com/", "weight": 0.7},
        {"path": "trace_id", "exists": True, "weight": 0.05},
    ],
    "amount_unit": "minor",
    "status_map": PAYMENT_STATUSES,
    "reason_map": REASONS,
    "payment_method_map": PAYMENT_METHODS,
    "fields": {
        "provider_transaction_id": ["id"],
        "status": ["status"],
        "reason_code": ["failure_reason"],
        "amount": ["amount_in_minor"],
        "currency": ["currency"],
        "event_time": _EVENT_TIME,
        "payment_method": ["payment_method.type"],
        "attempt_id": ["id"],
        "payment_id": ["id"],
    },
    "variants": [
        {
            "name": "error",
            "match": {"type": {"prefix": "https://docs.truelayer.com/"}, "title": {"exists": True}},
            "status": "ERROR",
            "fields": {"provider_transaction_id": ["trace_id"], "reason_code": ["title", "status"],
                       "attempt_id": [], "payment_id": []},
            "reason_map": ERROR_REASONS,
        },
        *[{"name": f"webhook.{kind}", "match": {"type": kind}, "not_a_payment": why}
          for kind, why in NON_PAYMENT_WEBHOOKS.items()],
        {"name": "webhook.mandate", "match": {"type": {"prefix": "mandate_"}, "mandate_id": {"exists": True}},
         "not_a_payment": "mandate bookkeeping (authorised, revoked, failed): no payment"},
        {
            "name": "webhook.payment",
            "match": {"type": {"in": list(PAYMENT_WEBHOOKS)}, "payment_id": {"exists": True}},
            "status_map": PAYMENT_WEBHOOKS,
            "fields": {"provider_transaction_id": ["payment_id"], "status": ["type"], "attempt_id": ["payment_id"],
                       "payment_id": ["payment_id"], "amount": [], "currency": []},
            "rules": _WEBHOOK_RULES,
        },
        {
            "name": "webhook.refund",
            "match": {"type": {"in": list(REFUND_WEBHOOKS)}, "refund_id": {"exists": True}},
            "event_kind": "REFUND",
            "status_map": REFUND_WEBHOOKS,
            "fields": {"provider_transaction_id": ["refund_id"], "status": ["type"], "refund_id": ["refund_id"],
                       "attempt_id": ["payment_id"], "payment_id": ["payment_id"], "amount": [], "currency": [],
                       "payment_method": []},
        },
        {
            "name": "payout",
            "match": {"merchant_account_id": {"exists": True}, "beneficiary": {"exists": True},
                      "amount_in_minor": {"exists": True}},
            "not_a_payment": "a payout moves the merchant account's balance",
        },
        {
            "name": "refund",
            "match": {"id": {"exists": True}, "amount_in_minor": {"exists": True}, "reference": {"exists": True},
                      "payment_method": {"exists": False}, "status": {"in": list(REFUND_STATUSES)}},
            "event_kind": "REFUND",
            "status_map": REFUND_STATUSES,
            "fields": {"refund_id": ["id"], "attempt_id": [], "payment_id": []},
        },
        {
            "name": "payment",
            "match": {"id": {"exists": True}, "amount_in_minor": {"exists": True},
                      "status": {"in": list(PAYMENT_STATUSES)}},
            "rules": _RULES,
        },
    ],
}
