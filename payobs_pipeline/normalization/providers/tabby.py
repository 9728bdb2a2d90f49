"""Tabby (buy now, pay later; UAE, Saudi Arabia, Kuwait): the payment object (retrieve / capture / refund /
close answers), the payment webhook, the checkout session answer, and API error bodies.

Sources:
- https://docs.tabby.ai/pay-in-4-custom-integration/payment-statuses ("The status field of a payment (GET
  /api/v2/payments/{id}) has five possible values: CREATED, AUTHORIZED, CLOSED, REJECTED, and EXPIRED";
  CREATED -> AUTHORIZED on order placement; AUTHORIZED -> CLOSED on full capture or close; CREATED ->
  REJECTED when Tabby declines; CREATED -> EXPIRED when cancelled or timed out (30 minutes); "a partial
  capture keeps the payment AUTHORIZED, and a refund keeps it CLOSED")
- https://docs.tabby.ai/pay-in-4-custom-integration/payment-processing (verify the payment with the Retrieve
  request: AUTHORIZED to proceed; "REJECTED for Failure URL and EXPIRED for Cancel URL")
- https://docs.tabby.ai/pay-in-4-custom-integration/webhooks (a POST per payment status change whose body is
  the payment: id, created_at, expires_at, closed_at, status (lower case in the webhook), is_test, amount (a
  decimal string in major units), currency, order {reference_id}, captures [{id, amount, created_at,
  reference_id}], refunds [{id, amount, reason, created_at, reference_id}], meta)
- https://docs.tabby.ai/api-reference/response-codes (4xx/5xx bodies ``{"status": "error", "errorType": ...,
  "error": "..."}``; errorType bad_data, not_authorized, no_permission, not_found, conflict, a 500 carries
  internal; "A pre-scoring rejection is not an error: POST /api/v2/checkout returns 200 OK with status:
  rejected" and the product's rejection_reason: not_available, order_amount_too_high, order_amount_too_low)

Lifecycle identity: a Tabby payment is one attempt and one payment (its id); captures and refunds are listed on
it (a refund webhook names the payment, its refund is refunds[0]); payment_id is the Tabby payment id and the
merchant's order is order.reference_id.
"""

from __future__ import annotations

STATUSES = {
    "created": "PENDING",
    "authorized": "APPROVED",
    "closed": "APPROVED",
    "rejected": "DECLINED",
    "expired": "CANCELLED",
}

_TABBY_RISK = {"reason": "RISK_REJECTED", "source": "PSP_RISK"}

REASONS = {
    # Pre-scoring and payment rejections: Tabby's own credit decision.
    "rejected": _TABBY_RISK,
    "not_available": _TABBY_RISK,
    "order_amount_too_high": "LIMIT_EXCEEDED",
    "order_amount_too_low": "TRANSACTION_NOT_PERMITTED",
    # API errorType.
    "bad_data": "INVALID_REQUEST",
    "not_authorized": "CONFIGURATION_ERROR",
    "no_permission": "CONFIGURATION_ERROR",
    "not_found": "INVALID_REQUEST",
    "conflict": "INVALID_REQUEST",
    "internal": "PROCESSING_ERROR",
}

FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status"],
    "reason_code": ["rejection_reason", "status"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["closed_at", "created_at"],
    "attempt_id": ["id"],
    "payment_id": ["id"],
}

RULES = [
    # A fully captured (or closed) payment: the capture; a refund keeps it CLOSED and lists the refund.
    {"when": {"status": "closed"}, "set": {"event_kind": "CAPTURE"}},
    {"when": {"status": "closed", "refunds.0.id": {"exists": True}},
     "set": {"status_category": "REFUNDED", "event_kind": "REFUND"}},
]

_PAYMENT_STATUSES = ["CREATED", "AUTHORIZED", "CLOSED", "REJECTED", "EXPIRED"]

SPEC = {
    "provider": "tabby",
    "aliases": ["tabby", "tabby.ai", "tabby pay later", "tabby_installments", "tabby installments"],
    "detect": [
        {"path": "configuration.available_products", "exists": True, "weight": 0.5},
        {"path": "configuration.products.installments", "exists": True, "weight": 0.3},
        {"path": "status", "in": _PAYMENT_STATUSES, "weight": 0.1},
        {"path": "captures", "exists": True, "weight": 0.15},
        {"path": "refunds", "exists": True, "weight": 0.1},
        {"path": "order.reference_id", "exists": True, "weight": 0.15},
        {"path": "is_test", "exists": True, "weight": 0.1},
        {"path": "expires_at", "exists": True, "weight": 0.1},
        {"path": "buyer_history", "exists": True, "weight": 0.2},
        {"path": "is_expired", "exists": True, "weight": 0.1},
        # Tabby's own errorType words ("internal" alone is shared with other providers' error bodies).
        {"path": "errorType", "in": ["bad_data", "not_authorized", "no_permission", "not_found", "conflict"], "weight": 0.4},
        {"path": "status", "in": ["error"], "weight": 0.1},
        {"path": "error", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "major",
    "status_map": STATUSES,
    "reason_map": REASONS,
    "default_payment_method": "BNPL",
    "variants": [
        {"name": "checkout_session", "root": "payment", "match": {"configuration": {"exists": True}, "payment.id": {"exists": True}},
         "fields": {**FIELDS, "status": ["^status", "status"],
                    "reason_code": ["^configuration.products.installments.rejection_reason", "^status"]},
         "status_map": {"created": "PENDING", "approved": "PENDING", "rejected": "DECLINED", "expired": "CANCELLED"}},
        {"name": "api_error", "match": {"errorType": {"exists": True}}, "status": "ERROR",
         "fields": {"reason_code": ["errorType"]}},
        {"name": "refund", "match": {"status": "closed", "refunds.0.id": {"exists": True}},
         "fields": {**FIELDS, "amount": ["refunds.0.amount"], "refund_id": ["refunds.0.id"],
                    "event_time": ["refunds.0.created_at", "closed_at", "created_at"]},
         "rules": RULES},
        {"name": "payment", "match": {"id": {"exists": True}, "status": {"exists": True}, "amount": {"exists": True}},
         "fields": FIELDS, "rules": RULES},
    ],
}
