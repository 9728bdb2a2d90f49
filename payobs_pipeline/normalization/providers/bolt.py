"""Bolt (bolt.com checkout): the transaction webhook (hook) and the API error body.

Sources:
- "Bolt Webhooks" (help.bolt.com/developers/webhooks/webhooks/; catalogued in api-evangelist/bolt-financial
  asyncapi/bolt-financial-webhooks.yml): the transaction events and the transaction status each reports —
  pending (pre-authorized, pending fraud review), failed_payment (failed pre-authorization), payment (automatic
  capture: Completed), auth (manual capture: Authorized), rejected_irreversible (failed fraud review, final),
  rejected_reversible (flagged in fraud review, a re-review can be requested), capture (Completed), credit
  (refund processed: Refunded), void (Cancelled); newsletter_subscription, risk_insights and
  credit_card_deleted are no payment.
- The hook body's fields (SDK source): the Bolt Magento 2 plugin's webhook handler manage($quote_id,
  $reference, $transaction_id, $notification_type, $amount, $currency, $status, $display_id,
  $source_transaction_id, $source_transaction_reference), its Magento 1 plugin's test hook {reference, id, type,
  display_id}, and the WooCommerce plugin's status constants (authorized, cancelled, completed, pending,
  rejected_reversible, rejected_irreversible, failed). Amounts in cents rest on recollection of Bolt's API.
- "Error Codes" (help.boltapp.com/developers/error-codes/; api-evangelist/bolt-financial
  errors/bolt-financial-error-codes.yml): authentication 1001-1015, basic 1-51, application 4001-4013, order
  creation 2001003-2001008, every code mapped in ERROR_CODES; the body {"result": {"success": false},
  "errors": [{"code", "message"}]} rests on recollection. Bolt publishes no decline code list (its
  Authorization Response Codes page points to the processor's): a failed_payment has no reason.

Lifecycle identity: the hook's id / transaction_id is the transaction (the attempt); reference is Bolt's
transaction reference, kept as the payment; a credit's source_transaction_id names the transaction refunded.
"""

from __future__ import annotations

HOOK_TYPES = {
    "pending": "PENDING",               # pre-authorized, pending fraud review
    "auth": "APPROVED",                 # authorized (manual capture)
    "payment": "APPROVED",              # authorized and captured (automatic capture)
    "capture": "APPROVED",
    "failed_payment": "DECLINED",       # failed pre-authorization
    "rejected_irreversible": "DECLINED",
    "rejected_reversible": "DECLINED",  # a re-review can be requested; rejected until then
    "credit": "REFUNDED",
    "void": "CANCELLED",
}
TRANSACTION_STATUSES = {
    "pending": "PENDING", "authorized": "APPROVED", "completed": "APPROVED", "cancelled": "CANCELLED",
    "failed": "DECLINED", "rejected_reversible": "DECLINED", "rejected_irreversible": "DECLINED",
}
HOOK_REASONS = {"rejected_irreversible": "RISK_REJECTED", "rejected_reversible": "RISK_REJECTED"}
NOT_PAYMENT_HOOKS = ["newsletter_subscription", "risk_insights", "credit_card_deleted"]

ERROR_CODES = {
    **{str(code): "CONFIGURATION_ERROR" for code in range(1001, 1016)},  # authentication errors
    **{str(code): "CONFIGURATION_ERROR" for code in range(4001, 4014)},  # merchant settings, keys, nonces
    "4005": "INVALID_REQUEST",      # invalid JSON
    "4006": "INVALID_REQUEST",      # unknown content type
    "4007": "INVALID_REQUEST",      # file upload
    "4011": "INVALID_REQUEST",      # invalid filename
    **{str(code): "INVALID_REQUEST" for code in range(1, 52)},  # field validation, amounts, entity state
    "18": "CONFIGURATION_ERROR",    # forbidden
    "20": "PROCESSING_ERROR",       # service error
    "35": "PROCESSING_ERROR",       # rate limited
    "41": "PROCESSING_ERROR",       # too many requests
    "46": "PROCESSING_ERROR",       # internal server error
    "47": "PROCESSING_ERROR",       # bad gateway
    "51": "PROCESSING_ERROR",       # bad response
    "5": "INVALID_CARD_DATA",       # invalid credit card number
    "2001003": "INVALID_REQUEST",   # cart has expired
    "2001004": "INVALID_REQUEST",   # item price has been updated
    "2001005": "INVALID_REQUEST",   # out of inventory
    "2001006": "INVALID_REQUEST",   # discount cannot apply
    "2001008": "INVALID_REQUEST",   # shipping price has been updated
}

SPEC = {
    "provider": "bolt",
    "aliases": ["bolt", "bolt.com", "boltpay", "bolt pay", "bolt checkout", "bolt financial", "boltapp"],
    "detect": [
        {"path": "type", "in": [*HOOK_TYPES, *NOT_PAYMENT_HOOKS], "weight": 0.15},
        {"path": "notification_type", "in": [*HOOK_TYPES, *NOT_PAYMENT_HOOKS], "weight": 0.2},
        {"path": "display_id", "exists": True, "weight": 0.3},
        {"path": "reference", "exists": True, "weight": 0.05},
        {"path": "source_transaction_reference", "exists": True, "weight": 0.3},
        {"path": "source_transaction_id", "exists": True, "weight": 0.1},
        {"path": "status", "in": ["rejected_reversible", "rejected_irreversible"], "weight": 0.3},
    ],
    "amount_unit": "minor",
    "status_map": HOOK_TYPES,
    "reason_map": HOOK_REASONS,
    "fields": {
        "provider_transaction_id": ["transaction_id", "id"],
        "status": ["notification_type", "type"],
        "reason_code": ["notification_type", "type"],
        "amount": ["amount"],
        "currency": ["currency"],
        "attempt_id": ["transaction_id", "id"],
        "payment_id": ["reference"],
    },
    "variants": [
        {
            "name": "error",
            "match": {"errors.0.code": {"exists": True}, "result.success": False},
            "status": "ERROR",
            "reason_map": ERROR_CODES,
            "fields": {"provider_transaction_id": [], "reason_code": ["errors.0.code"],
                       "amount": [], "attempt_id": [], "payment_id": []},
        },
        {
            "name": "hook.not_a_payment",
            "match": {"type": NOT_PAYMENT_HOOKS},
            "not_a_payment": "a Bolt newsletter, risk insights or saved-card webhook",
        },
        {
            "name": "hook.credit",
            "match": {"type": "credit", "reference": {"exists": True}},
            "event_kind": "REFUND",
            "fields": {"refund_id": ["transaction_id", "id"], "attempt_id": ["source_transaction_id"],
                       "payment_id": ["source_transaction_reference"]},
        },
        {
            "name": "hook",
            "match": {"type": list(HOOK_TYPES), "reference": {"exists": True}},
            "rules": [{"when": {"type": "capture"}, "set": {"event_kind": "CAPTURE"}},
                      {"when": {"type": "void"}, "set": {"event_kind": "VOID"}}],
        },
        {
            "name": "hook.notification_type",
            "match": {"notification_type": list(HOOK_TYPES), "reference": {"exists": True}},
            "rules": [{"when": {"notification_type": "credit"}, "set": {"event_kind": "REFUND"}},
                      {"when": {"notification_type": "capture"}, "set": {"event_kind": "CAPTURE"}},
                      {"when": {"notification_type": "void"}, "set": {"event_kind": "VOID"}}],
        },
        {
            "name": "transaction",
            "match": {"status": list(TRANSACTION_STATUSES), "reference": {"exists": True}},
            "status_map": TRANSACTION_STATUSES,
            "fields": {"status": ["status"], "reason_code": ["status"]},
        },
    ],
}
