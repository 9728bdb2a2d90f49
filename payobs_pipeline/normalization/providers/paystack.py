"""Paystack: transactions (verify / fetch / charge), webhooks, refunds, disputes and API errors.

Sources (Paystack documentation):
- https://paystack.com/docs/api/transaction/#verify and api-evangelist/paystack
  examples/paystack-verify-transaction-example.json (envelope {"status": true, "message", "data"}; data.id,
  reference, status, amount in the currency's subunit (kobo, pesewas, cents), currency, gateway_response,
  channel, paid_at, created_at, authorization.{brand, card_type, country_code, channel}, customer)
- https://paystack.com/docs/payments/verify-payments/ (transaction status success, failed, abandoned,
  reversed, ongoing, pending, processing, queued)
- https://docs-v2.production.paystack.co/docs/payments/gateway-responses/ (response_code: the ISO 8583
  code of card transactions; gateway_response_code: its string classification, e.g. 00 approved,
  01 refer_to_card_issuer, 03 invalid_merchant, 04 pickup_card, 05 do_not_honor, 06 processing_error,
  12 invalid_transaction, 13 invalid_amount, 14 invalid_account_number, 15 no_such_issuer,
  17 customer_cancellation, 19 reenter_transaction, 22 suspected_malfunction, ...; "Any code not listed
  resolves to unknown"; "approved is the only success value")
- https://support.paystack.com/hc/en-us/articles/360013597919 (customer errors: insufficient funds,
  expired card, incorrect PIN, invalid card number, abandoned OTP)
- https://paystack.com/docs/payments/webhooks/ (events charge.success, refund.pending,
  refund.processing, refund.processed, refund.failed, charge.dispute.create / remind / resolve;
  transfer.success / failed / reversed, subscription.*, invoice.* (but invoice.payment_failed), customeridentification.* are not payment
  outcomes; a ``charge.failed`` event, where an integration receives one, is read like charge.success;
  paymentrequest.pending "a payment request has been sent to a customer", paymentrequest.success "a payment
  request has been paid for")
- https://paystack.com/docs/api/payment-request/ ("manage requests for payment of goods and services": an
  invoice to a customer, id, request_code PRQ_..., amount in the subunit, currency, status pending / success,
  paid, paid_at, offline_reference) and https://paystack.com/docs/terminal/push-payment-requests/ and
  /docs/terminal/invoice-payments/ (a payment request is paid online or on a Terminal; "listen to events on your
  webhook URL"): the payment request is the payment as a whole (PAYMENT rows), its transactions the attempts.
  The event meanings come from PaystackOSS doc-code-snippets (webhooks/events.js), Paystack's own snippets.
- https://paystack.com/docs/api/refund/ (refund: transaction, amount, currency, status pending /
  processing / processed / failed / reversed) and https://paystack.com/docs/api/dispute/
- https://docs-v2.paystack.com/api/errors/transaction (error body {"status": false, "message": ...})
- Returns without an outcome: https://developers.paystack.co/docs/paystack-standard ("we will call your callback URL
  ... and return the reference ... as a query parameter"; "Before you give value to the customer, please make a
  server-side call to our verification endpoint"): the callback_url's ``?trxref=...&reference=...``; the Popup /
  Inline JS callback (@paystack/inline-js README on npm, Paystack's own package: onSuccess gives ``{id, reference,
  message}``; the older Popup callback's ``{reference, trans, status, message, transaction, trxref, redirecturl}``
  shape rests on recollection of Paystack's inline.js). Both name the transaction only, the outcome comes from
  verify or the webhook: NOTIFICATION_WITHOUT_OUTCOME. Subscription / invoice events (webhooks page) are recognised
  without a hint by their SUB_ / INV_ / PLN_ codes and stay NOT_A_PAYMENT_EVENT.

Lifecycle identity: a Paystack transaction (``id``, ``reference``) is one attempt; a new attempt of the
same order gets a new reference, so the payment is the merchant's ``metadata.order_id`` where given (else
the attempt). Refunds and disputes are their own objects naming the transaction.
"""

from __future__ import annotations

from typing import Any

from payobs_pipeline.normalization.mapping import NOT_A_PAYMENT_EVENT, NOTIFICATION_WITHOUT_OUTCOME, UnmappedPayload

TRANSACTION_STATUSES = {
    "success": "APPROVED",
    "failed": "DECLINED",
    "abandoned": "CANCELLED",
    "reversed": "REFUNDED",
    "ongoing": "PENDING",
    "pending": "PENDING",
    "processing": "PENDING",
    "queued": "PENDING",
    "send_otp": "PENDING",
    "send_pin": "PENDING",
    "send_phone": "PENDING",
    "send_birthday": "PENDING",
    "send_address": "PENDING",
    "open_url": "PENDING",
    "pay_offline": "PENDING",
}
CHARGE_NEXT_STEPS = ["send_otp", "send_pin", "send_phone", "send_birthday", "send_address", "open_url",
                     "pay_offline"]
RESPONSE_MESSAGES = ["Charge attempted", "Reference check successful", "Verification successful",
                     "Transaction retrieved", "Charge attempted successfully", "Refund has been queued for processing",
                     "Refund retrieved", "Refunds retrieved", "Authorization URL created", "Transactions retrieved"]
REFUND_STATUSES = {
    "pending": "PENDING",
    "processing": "PENDING",
    "needs-attention": "PENDING",
    "processed": "REFUNDED",
    "failed": "DECLINED",
    "reversed": "DECLINED",
}
EVENTS = {
    "charge.success": "APPROVED",
    "charge.failed": "DECLINED",
    "refund.pending": "PENDING",
    "refund.processing": "PENDING",
    "refund.processed": "REFUNDED",
    "refund.failed": "DECLINED",
}
_REFUND_EVENTS = ["refund.pending", "refund.processing", "refund.processed", "refund.failed"]
_DISPUTE_EVENTS = ["charge.dispute.create", "charge.dispute.remind", "charge.dispute.resolve"]
# Payment requests (invoices to a customer, paystack.com/docs/api/payment-request/): sent, then paid.
PAYMENT_REQUEST_EVENTS = {"paymentrequest.pending": "PENDING", "paymentrequest.success": "APPROVED"}
PAYMENT_REQUEST_STATUSES = {"pending": "PENDING", "success": "APPROVED"}
# The one invoice event that is a payment outcome (see the webhook.invoice_payment_failed variant).
FAILED_INVOICE_EVENT = "invoice.payment_failed"
NON_PAYMENT_EVENT_PREFIXES = ("transfer.", "subscription.", "invoice.", "customeridentification.",
                              "paymentrequest.", "dedicatedaccount.", "assigndedicatedaccount.", "bank.",
                              "direct_debit.")

# gateway_response_code values (the ISO 8583 names) and the common gateway_response texts.
GATEWAY_RESPONSE_CODES = {
    "refer_to_card_issuer": "GENERIC_DECLINE",
    "refer_to_card_issuer_special": "GENERIC_DECLINE",
    "invalid_merchant": "CONFIGURATION_ERROR",
    "pickup_card": "LOST_OR_STOLEN_CARD",
    "do_not_honor": "GENERIC_DECLINE",
    "processing_error": "PROCESSING_ERROR",
    "pickup_card_special": "LOST_OR_STOLEN_CARD",
    "invalid_transaction": "TRANSACTION_NOT_PERMITTED",
    "invalid_amount": "INVALID_REQUEST",
    "invalid_account_number": "INVALID_CARD_DATA",
    "no_such_issuer": "INVALID_CARD_DATA",
    "customer_cancellation": "REVOKED",
    "customer_dispute": "REVOKED",
    "reenter_transaction": "ISSUER_UNAVAILABLE",
    "invalid_response": "PROCESSING_ERROR",
    "no_action_taken": "GENERIC_DECLINE",
    "suspected_malfunction": "PROCESSING_ERROR",
    "unacceptable_transaction_fee": "TRANSACTION_NOT_PERMITTED",
    "unable_to_locate_record": "INVALID_CARD_DATA",
    "duplicate_file_update": "DUPLICATE",
    "file_temporarily_unavailable": "ISSUER_UNAVAILABLE",
    "format_error": "INVALID_REQUEST",
    "lost_card": "LOST_OR_STOLEN_CARD",
    "stolen_card": "LOST_OR_STOLEN_CARD",
    "insufficient_funds": "INSUFFICIENT_FUNDS",
    "expired_card": "EXPIRED_CARD",
    "incorrect_pin": {"reason": "AUTHENTICATION_FAILED", "source": "CUSTOMER"},
    "transaction_not_permitted_to_cardholder": "TRANSACTION_NOT_PERMITTED",
    "transaction_not_permitted_to_terminal": "CONFIGURATION_ERROR",
    "suspected_fraud": "SUSPECTED_FRAUD",
    "exceeds_withdrawal_limit": "LIMIT_EXCEEDED",
    "restricted_card": "RESTRICTED_CARD",
    "security_violation": "TRANSACTION_NOT_PERMITTED",
    "exceeds_withdrawal_frequency": "LIMIT_EXCEEDED",
    "response_received_too_late": "TIMEOUT",
    "pin_tries_exceeded": {"reason": "AUTHENTICATION_FAILED", "decline_type": "HARD"},
    "issuer_or_switch_inoperative": "ISSUER_UNAVAILABLE",
    "issuer_unavailable": "ISSUER_UNAVAILABLE",
    "duplicate_transaction": "DUPLICATE",
    "system_malfunction": "PROCESSING_ERROR",
    "unknown": "UNKNOWN",
}
GATEWAY_RESPONSE_TEXTS = {
    "declined": "GENERIC_DECLINE",
    "declined by financial institution": "GENERIC_DECLINE",
    "do not honor": "GENERIC_DECLINE",
    "do not honour": "GENERIC_DECLINE",
    "insufficient funds": "INSUFFICIENT_FUNDS",
    "not sufficient funds": "INSUFFICIENT_FUNDS",
    "expired card": "EXPIRED_CARD",
    "incorrect pin": {"reason": "AUTHENTICATION_FAILED", "source": "CUSTOMER"},
    "invalid card number": {"reason": "INVALID_CARD_DATA", "source": "CUSTOMER"},
    "transaction not permitted to cardholder": "TRANSACTION_NOT_PERMITTED",
    "transaction not permitted to terminal": "CONFIGURATION_ERROR",
    "restricted card": "RESTRICTED_CARD",
    "lost card": "LOST_OR_STOLEN_CARD",
    "stolen card": "LOST_OR_STOLEN_CARD",
    "pickup card": "LOST_OR_STOLEN_CARD",
    "suspected fraud": "SUSPECTED_FRAUD",
    "issuer or switch inoperative": "ISSUER_UNAVAILABLE",
    "token not generated. customer not registered on token platform": "AUTHENTICATION_FAILED",
    "the transaction was not completed": {"reason": "AUTHENTICATION_FAILED", "source": "CUSTOMER"},
    "incorrect otp": {"reason": "AUTHENTICATION_FAILED", "source": "CUSTOMER"},
    "duplicate transaction": "DUPLICATE",
}
REASONS = {**GATEWAY_RESPONSE_CODES, **GATEWAY_RESPONSE_TEXTS}

CHANNELS = {
    "card": "CARD",
    "bank": "BANK_TRANSFER",  # pay with bank (account debit at the customer's bank)
    "bank_transfer": "BANK_TRANSFER",
    "dedicated_nuban": "BANK_TRANSFER",
    "ussd": "BANK_TRANSFER",
    "qr": "WALLET",
    "mobile_money": "WALLET",
    "apple_pay": "WALLET",
    "eft": "BANK_TRANSFER",
    "capitec_pay": "BANK_TRANSFER",
    "payattitude": "WALLET",
    "opay": "WALLET",
}

CARD_BRAND_KEY = "_payobs_card_brand"
_TRANSACTION_FIELDS = {
    "provider_transaction_id": ["id", "reference"],
    "status": ["status"],
    "reason_code": ["gateway_response_code", "response_code", "gateway_response", "message"],
    "amount": ["amount"],
    "currency": ["currency"],
    "payment_method": ["channel", "authorization.channel"],
    "card_brand": [CARD_BRAND_KEY],
    "card_country": ["authorization.country_code"],
    "event_time": ["paid_at", "paidAt", "transaction_date", "created_at", "createdAt"],
    "merchant_id": ["integration"],
    "attempt_id": ["id", "reference"],
    "payment_id": ["metadata.order_id"],
    # A "reversed" transaction is refunded in full, but names no refund object.
    "refund_id": [],
}
_REFUND_FIELDS = {
    "provider_transaction_id": ["id", "refund_reference"],
    "status": ["status"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["refunded_at", "createdAt", "created_at"],
    "refund_id": ["id", "refund_reference"],
    "attempt_id": ["transaction.id", "transaction_reference", "transaction"],
}
_FAILED_INVOICE_FIELDS = {
    "provider_transaction_id": ["invoice_code"],
    "payment_id": ["invoice_code"],
    "payment_method": ["authorization.channel"],
    "card_country": ["authorization.country_code"],
    "event_time": ["created_at", "createdAt"],
}
_DISPUTE_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status"],
    "reason_code": ["category"],
    "amount": ["refund_amount", "transaction.amount"],
    "currency": ["currency", "transaction.currency"],
    "event_time": ["createdAt", "created_at"],
    "dispute_id": ["id"],
    "attempt_id": ["transaction.id", "transaction.reference"],
}
_PAYMENT_REQUEST_FIELDS = {
    "provider_transaction_id": ["request_code", "id"],
    "status": ["status"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["paid_at", "created_at", "createdAt"],
    "merchant_id": ["integration"],
    # The request is the payment; the transaction that pays it (its offline_reference on a Terminal) is the attempt.
    "payment_id": ["request_code", "id"],
    "attempt_id": [],
}
_RULES: list[dict] = []

SPEC = {
    "provider": "paystack",
    "aliases": ["paystack", "paystack_ng", "paystack_gh", "paystack_za", "paystack_ke", "pstk"],
    "detect": [
        {"path": "data.gateway_response", "exists": True, "weight": 0.5},
        {"path": "data.authorization.authorization_code", "prefix": "AUTH_", "weight": 0.4},
        {"path": "data.customer.customer_code", "prefix": "CUS_", "weight": 0.3},
        {"path": "data.domain", "in": ["test", "live"], "weight": 0.2},
        {"path": "event", "in": [*EVENTS, *_DISPUTE_EVENTS], "weight": 0.3},
        {"path": "event", "prefix": list(NON_PAYMENT_EVENT_PREFIXES), "weight": 0.1},
        {"path": "event", "in": list(PAYMENT_REQUEST_EVENTS), "weight": 0.2},
        # A payment request's code (paystack.com/docs/api/payment-request/: request_code "PRQ_...").
        {"path": "data.request_code", "prefix": "PRQ_", "weight": 0.3},
        {"path": "data.transfer_code", "prefix": "TRF_", "weight": 0.5},
        # Subscription and invoice events (paystack.com/docs/payments/webhooks/): SUB_ / INV_ / PLN_ codes.
        {"path": "data.subscription_code", "prefix": "SUB_", "weight": 0.4},
        {"path": "data.invoice_code", "prefix": "INV_", "weight": 0.4},
        {"path": "data.plan.plan_code", "prefix": "PLN_", "weight": 0.3},
        # The callback_url's query (?trxref=...&reference=...) and the Popup callback (trxref, trans, redirecturl).
        {"path": "trxref", "exists": True, "weight": 0.5},
        {"path": "redirecturl", "prefix": "?trxref=", "weight": 0.3},
        {"path": "data.refund_reference", "exists": True, "weight": 0.2},
        {"path": "data.transaction_reference", "exists": True, "weight": 0.1},
        # A refund object (paystack.com/docs/api/refund: transaction, dispute, amount, deducted_amount, currency,
        # channel, fully_deducted, refunded_by, refunded_at, expected_at, customer_note, merchant_note, status):
        # fully_deducted and refunded_by are Paystack's own names; its transaction is a Paystack transaction.
        {"path": "data.fully_deducted", "exists": True, "weight": 0.2},
        {"path": "data.refunded_by", "exists": True, "weight": 0.1},
        {"path": "data.transaction.gateway_response", "exists": True, "weight": 0.2},
        {"path": "gateway_response", "exists": True, "weight": 0.4},
        {"path": "authorization.authorization_code", "prefix": "AUTH_", "weight": 0.4},
        {"path": "domain", "in": ["test", "live"], "weight": 0.2},
        # The API's response envelope (paystack.com/docs/api "Response": every reply is {"status": <boolean>,
        # "message": <text>, "data"?: ...}; an error reply has status false and a message, nothing else
        # (docs-v2.paystack.com/api/errors)): a boolean status next to a message is Paystack's envelope.
        {"path": "status", "in": [True, False], "weight": 0.2},
        {"path": "message", "exists": True, "weight": 0.1},
        {"path": "status", "in": [False], "weight": 0.2},
        # The Charge API's next steps (docs-v2.production.paystack.co/docs/api/charge, "Create Charge" /
        # "Submit PIN" / "Check pending charge": data.status send_pin, send_otp, send_phone, send_birthday,
        # send_address, open_url, pay_offline): Paystack's own words for a charge waiting on the customer.
        {"path": "data.status", "in": CHARGE_NEXT_STEPS, "weight": 0.3},
        {"path": "data.reference", "exists": True, "weight": 0.1},
        # The fixed messages of the transaction and charge endpoints (paystack.com/docs/api/transaction,
        # /charge, /refund examples).
        {"path": "message", "in": RESPONSE_MESSAGES, "weight": 0.3},
    ],
    "amount_unit": "minor",
    "status_map": TRANSACTION_STATUSES,
    "reason_map": REASONS,
    "reason_fallback": "iso8583",
    "payment_method_map": CHANNELS,
    "variants": [
        {"name": "webhook.payment_request", "root": "data", "match": {"event": list(PAYMENT_REQUEST_EVENTS)},
         "fields": {**_PAYMENT_REQUEST_FIELDS, "status": ["^event"]}, "status_map": PAYMENT_REQUEST_EVENTS,
         "event_kind": "PAYMENT"},
        # "A payment for an invoice failed" (paystack.com/docs/payments/subscriptions): a subscription's charge was
        # refused, and no charge event says so; the invoice (INV_) stands for the payment, no reason is given.
        # Its amount is in the subunit of a currency the invoice may not name: no currency, no amount.
        {"name": "webhook.invoice_payment_failed", "root": "data",
         "match": {"event": FAILED_INVOICE_EVENT, "data.currency": {"exists": True}},
         "status": "DECLINED", "event_kind": "PAYMENT",
         "fields": {**_FAILED_INVOICE_FIELDS, "amount": ["amount"], "currency": ["currency"]}},
        {"name": "webhook.invoice_payment_failed_no_currency", "root": "data", "match": {"event": FAILED_INVOICE_EVENT},
         "status": "DECLINED", "event_kind": "PAYMENT", "fields": _FAILED_INVOICE_FIELDS},
        {"name": "webhook.not_a_payment", "match": {"event": {"prefix": list(NON_PAYMENT_EVENT_PREFIXES)}},
         "not_a_payment": "a Paystack transfer, subscription, invoice or identity event"},
        {"name": "webhook.dispute", "root": "data", "match": {"event": _DISPUTE_EVENTS},
         "status": "CHARGEBACK", "event_kind": "DISPUTE", "fields": _DISPUTE_FIELDS},
        {"name": "webhook.refund", "root": "data", "match": {"event": _REFUND_EVENTS},
         "fields": {**_REFUND_FIELDS, "status": ["^event"]}, "status_map": EVENTS, "event_kind": "REFUND"},
        {"name": "webhook.charge", "root": "data", "match": {"event": {"prefix": "charge."}},
         "fields": _TRANSACTION_FIELDS, "rules": _RULES},
        # API responses: {"status": true, "message": ..., "data": {...}}.
        {"name": "response.refund", "root": "data",
         "match": {"status": True, "data.transaction": {"exists": True}, "data.deducted_amount": {"exists": True}},
         "fields": _REFUND_FIELDS, "status_map": REFUND_STATUSES, "event_kind": "REFUND"},
        # Create Refund answers "Refund created" with the refund (status pending) before any deduction is made:
        # no deducted_amount yet, but the refund's own fully_deducted / refunded_by fields.
        *({"name": "response.refund", "root": "data",
           "match": {"status": True, "data.transaction": {"exists": True}, f"data.{key}": {"exists": True}},
           "fields": _REFUND_FIELDS, "status_map": REFUND_STATUSES, "event_kind": "REFUND"}
          for key in ("fully_deducted", "refunded_by")),
        # Create Refund's documented reply (paystack.com/docs/api/refund/#create: "Refund has been queued for
        # processing", data {transaction: {...}, currency, amount, status: "pending", ...}) may carry neither.
        {"name": "response.refund", "root": "data",
         "match": {"status": True, "data.transaction": {"exists": True},
                   "message": ["Refund has been queued for processing", "Refund retrieved"]},
         "fields": _REFUND_FIELDS, "status_map": REFUND_STATUSES, "event_kind": "REFUND"},
        {"name": "response.dispute", "root": "data",
         "match": {"status": True, "data.category": ["chargeback", "fraud"], "data.transaction": {"exists": True}},
         "status": "CHARGEBACK", "event_kind": "DISPUTE", "fields": _DISPUTE_FIELDS},
        # Payment Request API replies (create / fetch / verify: {"status": true, "message": "Payment request
        # created", "data": {request_code "PRQ_...", status pending | success, paid, ...}}).
        {"name": "response.payment_request", "root": "data",
         "match": {"status": True, "data.request_code": {"prefix": "PRQ_"}, "data.status": {"exists": True}},
         "fields": _PAYMENT_REQUEST_FIELDS, "status_map": PAYMENT_REQUEST_STATUSES, "event_kind": "PAYMENT"},
        {"name": "response.transaction", "root": "data",
         "match": {"status": True, "data.status": {"exists": True}, "data.amount": {"exists": True}},
         "fields": _TRANSACTION_FIELDS, "rules": _RULES},
        # Charge API replies (POST /charge, /charge/submit_*, GET /charge/:reference "Check pending charge"):
        # {"status": true, "message": "Charge attempted", "data": {"reference", "status": "send_pin" | "send_otp"
        # | ... | "success" | "failed", "message"?}}: the next step the customer must take, or the outcome;
        # data.message says why a charge failed. No amount is repeated.
        {"name": "response.charge", "root": "data",
         "match": {"status": True, "data.reference": {"exists": True}, "data.status": list(TRANSACTION_STATUSES),
                   "data.amount": {"exists": False}},
         "fields": _TRANSACTION_FIELDS, "rules": _RULES},
        # A bare transaction object (a list entry, an export row).
        {"name": "transaction", "match": {"gateway_response": {"exists": True}, "status": {"exists": True}},
         "fields": _TRANSACTION_FIELDS, "rules": _RULES},
        # Error body: {"status": false, "message": "..."}: the request was refused.
        {"name": "error", "match": {"status": False, "message": {"exists": True}},
         "status": "ERROR", "fields": {"status": ["message"], "reason_code": ["code", "type", "message"]},
         "reason_map": {"invalid_params": "INVALID_REQUEST", "validation_error": "INVALID_REQUEST",
                        "api_error": "PROCESSING_ERROR", "processor_error": "PROCESSING_ERROR"},
         "rules": [{"when": {"_payobs_error_reason": reason}, "set": {"failure_reason": reason}}
                   for reason in ("CONFIGURATION_ERROR", "DUPLICATE", "INVALID_REQUEST", "PROCESSING_ERROR")]},
    ],
}

# Error body messages (docs-v2.paystack.com/api/errors) -> reason; anything else is INVALID_REQUEST.
ERROR_MESSAGES = {
    "invalid key": "CONFIGURATION_ERROR",
    "invalid authorization key": "CONFIGURATION_ERROR",
    "duplicate transaction reference": "DUPLICATE",
    "transaction reference not found": "INVALID_REQUEST",
    "an error occurred": "PROCESSING_ERROR",
}
ERROR_REASON_KEY = "_payobs_error_reason"
# The callback_url's query parameters and the Popup / Inline JS callback's answer: the reference, no outcome.
RETURN_KEYS = frozenset({"trxref", "reference", "trans", "transaction", "status", "message", "redirecturl",
                         "response", "id"})


def _return_without_outcome(body: dict) -> bool:
    keys = set(body)
    if not keys <= RETURN_KEYS or ("reference" not in keys and "trxref" not in keys):
        return False
    return not isinstance(body.get("status"), bool)


def prepare(body: Any) -> Any:
    """Refuse transfer/subscription events; name an error body's reason (its message is free text).

    Pure: returns a copy when it adds a key; the original is untouched.
    """
    if not isinstance(body, dict):
        return body
    if _return_without_outcome(body):
        raise UnmappedPayload(NOTIFICATION_WITHOUT_OUTCOME,
                              "paystack: a callback names the reference only; verify or the webhook gives the outcome")
    event = body.get("event")
    if (isinstance(event, str) and event.startswith(NON_PAYMENT_EVENT_PREFIXES) and event not in PAYMENT_REQUEST_EVENTS
            and event != FAILED_INVOICE_EVENT):
        raise UnmappedPayload(NOT_A_PAYMENT_EVENT, f"paystack: {event} is not a payment event")
    data = body.get("data")
    holder = data if isinstance(data, dict) else body
    auth = holder.get("authorization")
    # authorization.brand names the card scheme only on card transactions (mobile money gives the network).
    if isinstance(auth, dict) and (holder.get("channel") or auth.get("channel")) == "card":
        brand = auth.get("brand") or auth.get("card_type")
        if isinstance(brand, str) and brand.strip():
            holder = {**holder, CARD_BRAND_KEY: brand.strip()}
            return {**body, "data": holder} if isinstance(data, dict) else holder
    if body.get("status") is False and isinstance(body.get("message"), str) and not body.get("code"):
        message = body["message"].strip().lower().rstrip(".")
        reason = next((r for text, r in ERROR_MESSAGES.items() if message.startswith(text)), "INVALID_REQUEST")
        return {**body, ERROR_REASON_KEY: reason}
    return body
