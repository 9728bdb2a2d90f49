"""Squad (GTCO, Nigeria): the payment webhook ({Event, TransactionRef, Body}), the Verify Transaction answer
({status, success, message, data}), the Refund API's answer and the API's error answers.

Sources:
- Squad "Webhook & Redirect URL" (docs.squadco.com/webhook-direct-url/webhook-and-direct-url, and its former
  copy squadinc.gitbook.io/squad-api-documentation/webhook-and-redirect-url): the webhook is sent whenever a
  transaction is successful; the card sample: Event charge_successful, TransactionRef, Body {amount,
  transaction_ref, gateway_ref, transaction_status, email, merchant_id, currency, transaction_type Card,
  merchant_amount, created_at, customer_mobile, meta, payment_information {payment_type, pan, card_type,
  token_id}}; an older sample writes Event "Charge.Successful" and transaction_status "Success".
- Squad "Verify Transaction" (docs.squadco.com/Payments/verify-transaction): GET /transaction/verify/<ref>; data
  {transaction_amount, transaction_ref, email, transaction_status, transaction_currency_id, created_at,
  transaction_type, merchant_name, gateway_transaction_ref, ...}; "Transaction status can either be Success,
  Failed, Abandoned or Pending"; errors: 400 {status 400, success false, message "Invalid transaction
  reference", data {}}, 401 {success false, message "", data {}}, 403 "API key is invalid. Key must start with
  sandbox_sk_".
- Squad "Initiate Payment" (docs.squadco.com/Payments/Initiate-payment): amount "expressed in the lowest currency
  value - kobo & cent. 10000 = 100NGN"; currencies NGN and USD. The webhook's and the verify answer's amounts are
  read in the same unit (the pages do not restate it for them).
- Squad "Refund API" (docs.squadco.com/Others/refund-api): POST /transaction/refund answers {status 200, success
  true, message, data {gateway_refund_status "pending", refund_status 2, refund_reference "REFUND-..."}}; only
  "pending" is shown: "success" and "failed" are read by their names, and the numeric refund_status is not
  documented and not read.

Squad documents no reason for a failed transaction: every decline is UNKNOWN. Abandoned (the customer left the
checkout) is CANCELLED. Virtual-account, dispute and transfer notifications are not mapped (their payloads are
not in the stored pages).
"""

from __future__ import annotations

STATUSES = {
    "success": "APPROVED",
    "failed": "DECLINED",
    "abandoned": "CANCELLED",
    "pending": "PENDING",
}
WEBHOOK_EVENTS = ["charge_successful", "Charge.Successful"]
REFUND_STATUSES = {"pending": "PENDING", "success": "REFUNDED", "failed": "DECLINED"}

# The error answers: HTTP status (a body field of the 400 answer) and messages.
ERROR_REASONS = {
    "400": "INVALID_REQUEST",
    "401": "CONFIGURATION_ERROR",
    "403": "CONFIGURATION_ERROR",
    "Invalid transaction reference": "INVALID_REQUEST",
    "API key is invalid. Key must start with sandbox_sk_": "CONFIGURATION_ERROR",
}

PAYMENT_METHODS = {"card": "CARD", "transfer": "BANK_TRANSFER", "bank": "BANK_TRANSFER",
                   "virtualaccount": "BANK_TRANSFER", "ussd": "BANK_TRANSFER"}

SPEC = {
    "provider": "squad",
    "aliases": ["squad", "squadco", "squad by gtco", "gtco squad", "squadco.com", "api-d.squadco.com"],
    "detect": [
        {"path": "Event", "in": WEBHOOK_EVENTS, "weight": 0.3},
        {"path": "TransactionRef", "exists": True, "weight": 0.2},
        {"path": "Body.transaction_ref", "exists": True, "weight": 0.1},
        {"path": "Body.gateway_ref", "exists": True, "weight": 0.1},
        {"path": "Body.merchant_amount", "exists": True, "weight": 0.1},
        {"path": "data.transaction_currency_id", "exists": True, "weight": 0.3},
        {"path": "data.gateway_transaction_ref", "exists": True, "weight": 0.2},
        {"path": "data.transaction_status", "in": ["Success", "Failed", "Abandoned", "Pending"], "weight": 0.1},
        {"path": "data.transaction_amount", "exists": True, "weight": 0.05},
        {"path": "data.gateway_refund_status", "exists": True, "weight": 0.4},
        {"path": "data.refund_reference", "prefix": "REFUND-", "weight": 0.2},
    ],
    "amount_unit": "minor",
    "status_map": STATUSES,
    "payment_method_map": PAYMENT_METHODS,
    "fields": {
        "provider_transaction_id": ["data.gateway_transaction_ref", "data.transaction_ref"],
        "status": ["data.transaction_status"],
        "amount": ["data.transaction_amount"],
        "currency": ["data.transaction_currency_id"],
        "event_time": ["data.created_at"],
        "payment_method": ["data.transaction_type"],
        "attempt_id": ["data.gateway_transaction_ref"],
        "payment_id": ["data.transaction_ref"],
    },
    "variants": [
        {
            "name": "webhook",
            "match": {"Event": {"in": WEBHOOK_EVENTS}, "Body": {"exists": True}},
            "fields": {
                "provider_transaction_id": ["Body.gateway_ref", "Body.transaction_ref"],
                "status": ["Body.transaction_status"],
                "amount": ["Body.amount"],
                "currency": ["Body.currency"],
                "event_time": ["Body.created_at"],
                "payment_method": ["Body.payment_information.payment_type", "Body.transaction_type"],
                "card_brand": ["Body.payment_information.card_type"],
                "merchant_id": ["Body.merchant_id"],
                "attempt_id": ["Body.gateway_ref"],
                "payment_id": ["Body.transaction_ref", "TransactionRef"],
            },
        },
        {
            "name": "refund",
            "match": {"data.gateway_refund_status": {"exists": True}},
            "event_kind": "REFUND",
            "status_map": REFUND_STATUSES,
            "fields": {"provider_transaction_id": ["data.refund_reference"], "status": ["data.gateway_refund_status"],
                       "refund_id": ["data.refund_reference"], "amount": [], "currency": [], "event_time": [],
                       "payment_method": [], "attempt_id": [], "payment_id": []},
        },
        {
            "name": "error",
            # The 401 answer's message is empty: success false alone says an error.
            "match": {"success": False},
            "status": "ERROR",
            "reason_map": ERROR_REASONS,
            "fields": {"reason_code": ["status", "message"], "amount": [], "currency": []},
        },
        {
            "name": "verify",
            "match": {"success": True, "data.transaction_status": {"exists": True}},
        },
    ],
}
