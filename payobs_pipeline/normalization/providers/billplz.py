"""Billplz (Malaysia): the bill object of the v3 API, the callback posted to the bill's callback_url, the redirect
parameters appended to its redirect_url, the API error body, and the payout and collection objects that are no
payment.

Sources (the Billplz API reference, https://www.billplz.com/api, v3 and v4 sections, and the Billplz support guides):
- "Create a Bill" / "Get a Bill" (v3): id, collection_id, paid (boolean), state ("due", "paid", "deleted"; older
  API pages also "overdue"), amount ("in the smallest and positive currency unit (cents)"; "200 = RM2.00"),
  paid_amount, due_at, email, mobile, name, url (https://www.billplz.com/bills/<id>), reference_1_label,
  reference_1, reference_2_label, reference_2, redirect_url, callback_url, description. A bill is the invoice the
  customer pays ("A Bill represents the promise made to you by your customer"), over one or more payment
  transactions. Billplz collects in MYR only.
- "Payment Completion": the X Signature callback (a server-side POST to callback_url "upon payment failure or
  success") carries id, collection_id, paid, state, amount, paid_amount, due_at, email, mobile, name, url,
  paid_at, transaction_id, transaction_status ("completed", "failed", "pending") and x_signature; the X Signature
  redirect appends billplz[id], billplz[paid], billplz[paid_at], billplz[transaction_id],
  billplz[transaction_status] and billplz[x_signature] to redirect_url (the basic redirect only billplz[id],
  billplz[paid] and billplz[paid_at]).
  (https://support.billplz.com/guide/webhook-and-callback-setup: the callback is "compulsory for every bill ...
  Use callback_url as your source of truth for payment status".)
- "Common API error codes" (https://support.billplz.com/guide/common-api-error-codes): 401 Unauthorized (wrong or
  missing secret key), 404 not found, 422 unprocessable entity (invalid parameters), 429 rate limit, "the
  response includes an error object with type and message fields". The type names mapped below are those of the
  HTTP answers (Unauthorized, RateLimit, NotFound / RecordNotFound, RecordInvalid / UnprocessableEntity), from
  recollection of the API page's examples, not read here; a type not listed stays UNKNOWN.
- Payouts: the v4 Mass Payment Instruction (mass_payment_instruction_collection_id) and the v5 Payment Order
  (payment_order_collection_id) move money to a bank account; a Collection (title, split_header, ...) groups
  bills. None is a payment outcome.

A failed transaction names no reason (the callback has no reason field): DECLINED with failure_reason UNKNOWN. The
callback and the redirect name no payment channel, so no payment method is given.

Lifecycle identity: the bill (id) is the payment; a callback's or redirect's transaction_id is the attempt.
"""

from __future__ import annotations

# The transaction status of a callback / redirect, then the bill's state.
STATUSES = {
    "completed": "APPROVED",
    "failed": "DECLINED",
    "pending": "PENDING",
    "paid": "APPROVED",
    "due": "PENDING",
    "overdue": "PENDING",  # unpaid past its due date, still payable
    "deleted": "CANCELLED",
}

# The basic redirect says only whether the bill is paid.
REDIRECT_STATUSES = {"true": "APPROVED", "false": "DECLINED"}

REASONS = {"failed": "UNKNOWN", "false": "UNKNOWN"}

ERROR_REASONS = {
    "Unauthorized": {"reason": "CONFIGURATION_ERROR", "source": "MERCHANT_CONFIG"},
    "RateLimit": {"reason": "PROCESSING_ERROR", "source": "TECHNICAL"},
    "TooManyRequests": {"reason": "PROCESSING_ERROR", "source": "TECHNICAL"},
    "NotFound": "INVALID_REQUEST",
    "RecordNotFound": "INVALID_REQUEST",
    "RecordInvalid": "INVALID_REQUEST",
    "UnprocessableEntity": "INVALID_REQUEST",
}

BILL_URLS = ["https://www.billplz.com/bills/", "https://billplz.com/bills/", "https://www.billplz-sandbox.com/bills/",
             "https://billplz-staging.herokuapp.com/bills/"]

SPEC = {
    "provider": "billplz",
    "aliases": ["billplz", "bill plz", "billplz sdn bhd", "billplz_v3", "billplz_v4"],
    "detect": [
        {"path": "url", "prefix": BILL_URLS, "weight": 0.5},
        {"path": "collection_id", "exists": True, "weight": 0.3},
        {"path": "x_signature", "exists": True, "weight": 0.3},
        {"path": "paid_amount", "exists": True, "weight": 0.1},
        {"path": "due_at", "exists": True, "weight": 0.1},
        {"path": "reference_1_label", "exists": True, "weight": 0.1},
        {"path": "state", "in": ["due", "paid", "deleted", "overdue"], "weight": 0.1},
        {"path": "transaction_status", "in": ["completed", "failed", "pending"], "weight": 0.1},
        # Redirect parameters.
        {"path": "billplz[id]", "exists": True, "weight": 0.4},
        {"path": "billplz[x_signature]", "exists": True, "weight": 0.2},
        {"path": "billplz[paid]", "in": ["true", "false"], "weight": 0.2},
        # Payout and collection objects.
        {"path": "mass_payment_instruction_collection_id", "exists": True, "weight": 0.6},
        {"path": "payment_order_collection_id", "exists": True, "weight": 0.6},
    ],
    "amount_unit": "minor",
    "default_currency": "MYR",
    "status_map": STATUSES,
    "reason_map": REASONS,
    "variants": [
        {"name": "mass_payment_instruction", "match": {"mass_payment_instruction_collection_id": {"exists": True}},
         "not_a_payment": "a Billplz mass payment instruction pays out to a bank account"},
        {"name": "payment_order", "match": {"payment_order_collection_id": {"exists": True}},
         "not_a_payment": "a Billplz payment order pays out to a bank account"},
        {"name": "collection", "match": {"title": {"exists": True}, "split_header": {"exists": True}},
         "not_a_payment": "a Billplz collection groups bills"},
        {
            "name": "error",
            "match": {"error.type": {"exists": True}},
            "status": "ERROR",
            "default_currency": None,
            "reason_map": ERROR_REASONS,
            "fields": {"reason_code": ["error.type"]},
        },
        {
            "name": "redirect",
            "match": {"billplz[id]": {"exists": True}},
            "event_kind": "AUTHORIZATION",
            "status_map": REDIRECT_STATUSES,
            "fields": {
                "provider_transaction_id": ["billplz[transaction_id]", "billplz[id]"],
                "status": ["billplz[transaction_status]", "billplz[paid]"],
                "reason_code": ["billplz[transaction_status]", "billplz[paid]"],
                "event_time": ["billplz[paid_at]"],
                "attempt_id": ["billplz[transaction_id]"],
                "payment_id": ["billplz[id]"],
            },
        },
        {
            # The X Signature callback: the bill and the transaction the callback is about.
            "name": "callback",
            "match": {"id": {"exists": True}, "transaction_status": {"exists": True}},
            "event_kind": "AUTHORIZATION",
            "fields": {
                "provider_transaction_id": ["transaction_id", "id"],
                "status": ["transaction_status"],
                "reason_code": ["transaction_status"],
                "amount": ["amount"],
                "event_time": ["paid_at"],
                "merchant_id": ["collection_id"],
                "attempt_id": ["transaction_id"],
                "payment_id": ["id"],
            },
        },
        {
            "name": "bill",
            "match": {"id": {"exists": True}, "state": {"exists": True}},
            "event_kind": "PAYMENT",
            "fields": {
                "provider_transaction_id": ["id"],
                "status": ["state"],
                "reason_code": ["state"],
                "amount": ["amount"],
                "event_time": ["paid_at"],
                "merchant_id": ["collection_id"],
                "payment_id": ["id"],
            },
        },
    ],
}
