"""SumUp (online payments): the Checkout object (create / process / retrieve / deactivate answers), the
Transaction object, the webhook events, and the API error bodies.

Sources (developer.sumup.com; the OpenAPI schemas also as JSON Schema in api-evangelist/sumup json-schema/*.json):
- Checkout schema (developer.sumup.com/api/schemas/Checkout; json-schema/checkout.json): id, checkout_reference
  (the merchant's reference), amount "expressed in major units", currency (ISO 4217), merchant_code, date,
  transactions (the payment attempts), status: PENDING "exists but is not yet completed", PAID "a payment
  succeeded", FAILED "the latest processing attempt failed", EXPIRED "can no longer be processed". The
  retrieve-checkout example (examples/getcheckout-response-200.json) names the attempt as transaction_id /
  transaction_code.
- TransactionStatus (developer.sumup.com/api/schemas/TransactionStatus): PENDING, SUCCESSFUL, CANCELLED
  ("cancelled or otherwise reversed before completion"), FAILED, REFUNDED ("refunded in full or in part").
  TransactionFull (api/schemas/TransactionFull; json-schema/transactionfull.json) adds simple_status: PENDING,
  SUCCESSFUL, PAID_OUT, FAILED, CANCELLED, CANCEL_FAILED, REFUNDED, REFUND_FAILED, CHARGEBACK, NON_COLLECTION
  ("could not be collected from the merchant after a chargeback"); amount in major units; payment_type
  (json-schema/paymenttype.json: CASH, POS, ECOM, RECURRING, BITCOIN, BALANCE, MOTO, BOLETO, DIRECT_DEBIT, APM,
  UNKNOWN); entry_mode (api/schemas/EntryMode); card.type (CardResponse: VISA, MASTERCARD, AMEX ...).
- Webhooks: "Events Overview" and "Types of events" (developer.sumup.com/webhook-docs/events): {id, event_type,
  payload, timestamp}; checkout.status.updated with payload {checkout_id, reference, status pending | paid |
  failed}; ReaderCheckoutStatusChange (api/schemas/ReaderCheckoutStatusChange): solo.transaction.updated with
  payload {client_transaction_id, merchant_code, status successful | failed, transaction_id}. The older
  "Webhooks" guide (developer.sumup.com/online-payments/webhooks) posts {"event_type": "CHECKOUT_STATUS_CHANGED",
  "id": <checkout id>} only: no outcome, kept unprocessed as NOTIFICATION_WITHOUT_OUTCOME.
- Errors: "API errors" (developer.sumup.com/tools/errors) and the Problems pages (developer.sumup.com/problem/*:
  invalid-parameter, multiple-invalid-parameters, payment-method-not-allowed, unknown-payment-method,
  validation-failed, bad-request, invalid-token, missing-token, not-authorized-token, unauthorized, forbidden,
  checkout-not-found, not-found, session-already-processed, session-cant-be-deactivated, session-expired,
  unprocessable-entity, internal-server-error, gateway-timeout): Problem Details {type, title, status, detail,
  instance}; the older Error / ErrorExtended bodies {message, error_code, param} ("Response Handling":
  error_code MISSING; Multiple Invalid Parameters: INVALID; Error schema example NOT_FOUND); ErrorForbidden
  {error_message, error_code FORBIDDEN, status_code}; DetailsError {title, details, status, failed_constraints}.
  The error_code values CHECKOUT_SESSION_IS_EXPIRED and CONFLICT come from SDK source, not a docs page
  (activemerchant/active_merchant test/unit/gateways/sum_up_test.rb fixtures of live answers).

SumUp documents no decline-reason codes for a FAILED checkout or transaction: a decline's reason is UNKNOWN.
A list of ErrorExtended objects (Multiple Invalid Parameters) is a JSON array, which the pipeline keeps as
NOT_AN_OBJECT; it is not mapped here. A REFUNDED transaction's amount is the transaction's (SumUp's refund
events in transaction_events carry their own amounts, but a path cannot pick the REFUND one), and it names no
refund id.

Lifecycle identity: a transaction's id is the attempt; the checkout id is the payment (a checkout "is updated
as payment attempts ... are attached to it"); a reader transaction's client_transaction_id is its payment.
"""

from __future__ import annotations

from typing import Any

from payobs_pipeline.normalization.mapping import NOTIFICATION_WITHOUT_OUTCOME, UnmappedPayload

STATUSES = {
    # Checkout (and checkout.status.updated, in lower case).
    "PAID": "APPROVED",
    "PENDING": "PENDING",
    "FAILED": "DECLINED",
    "EXPIRED": "CANCELLED",  # can no longer be processed: expired unpaid
    # Transaction status / simple_status (and solo.transaction.updated, in lower case).
    "SUCCESSFUL": "APPROVED",
    "PAID_OUT": "APPROVED",  # successful and already paid out to the merchant
    "CANCELLED": "CANCELLED",  # cancelled or reversed before completion
    "CANCEL_FAILED": "ERROR",  # the cancellation (void) did not complete
    "REFUNDED": "REFUNDED",
    "REFUND_FAILED": "DECLINED",  # the refund did not complete
    "CHARGEBACK": "CHARGEBACK",
    "NON_COLLECTION": "CHARGEBACK",  # not collected from the merchant after a chargeback
}

CHECKOUT_STATUSES = ["PENDING", "FAILED", "PAID", "EXPIRED"]
TRANSACTION_STATUSES = ["SUCCESSFUL", "CANCELLED", "FAILED", "PENDING", "REFUNDED"]

_PROBLEM_BASE = "https://developer.sumup.com/"
# Problem Details types (developer.sumup.com/problem/<slug>) and their HTTP statuses there.
PROBLEM_REASONS = {
    "invalid-parameter": "INVALID_REQUEST",  # 400
    "multiple-invalid-parameters": "INVALID_REQUEST",  # 400
    "payment-method-not-allowed": "TRANSACTION_NOT_PERMITTED",  # 400, method not enabled for the merchant
    "unknown-payment-method": "INVALID_REQUEST",  # 400
    "validation-failed": "INVALID_REQUEST",  # 400
    "bad-request": "INVALID_REQUEST",  # 400
    "invalid-token": "CONFIGURATION_ERROR",  # 401
    "missing-token": "CONFIGURATION_ERROR",  # 401
    "not-authorized-token": "CONFIGURATION_ERROR",  # 401
    "unauthorized": "CONFIGURATION_ERROR",  # 401
    "forbidden": "CONFIGURATION_ERROR",  # 403
    "checkout-not-found": "INVALID_REQUEST",  # 404
    "not-found": "INVALID_REQUEST",  # 404
    "session-already-processed": "DUPLICATE",  # 409, a duplicate processing request for a processed checkout
    "session-cant-be-deactivated": "INVALID_REQUEST",  # 409
    "session-expired": "INVALID_REQUEST",  # 409, the checkout reached its expiry: initiate a new one
    "unprocessable-entity": "INVALID_REQUEST",  # 422
    "internal-server-error": "PROCESSING_ERROR",  # 500
    "gateway-timeout": "TIMEOUT",  # 504
}

# error_code of the Error / ErrorExtended / ErrorForbidden bodies.
ERROR_CODES = {
    "MISSING": "INVALID_REQUEST",  # a required parameter is missing (Response Handling)
    "INVALID": "INVALID_REQUEST",  # Multiple Invalid Parameters
    "NOT_FOUND": "INVALID_REQUEST",  # Error schema example
    "FORBIDDEN": "CONFIGURATION_ERROR",  # ErrorForbidden
    "MULTIPLE_INVALID_PARAMETERS": "INVALID_REQUEST",
    "CHECKOUT_SESSION_IS_EXPIRED": "INVALID_REQUEST",  # SDK source (see the docstring)
    "CONFLICT": "INVALID_REQUEST",  # SDK source: "not refundable in its current state"
}

# The HTTP status of an error answer ("API errors": HTTP status codes; taxonomy: API error answers).
HTTP_REASONS = {
    "400": "INVALID_REQUEST", "404": "INVALID_REQUEST", "422": "INVALID_REQUEST", "409": "DUPLICATE",
    "401": "CONFIGURATION_ERROR", "403": "CONFIGURATION_ERROR", "402": "GENERIC_DECLINE",
    "408": "TIMEOUT", "504": "TIMEOUT",
    "429": "PROCESSING_ERROR", "500": "PROCESSING_ERROR", "502": "PROCESSING_ERROR", "503": "PROCESSING_ERROR",
}

REASONS = {
    **{f"{_PROBLEM_BASE}{folder}problem/{slug}{end}": reason
       for slug, reason in PROBLEM_REASONS.items() for folder in ("", "docs/") for end in ("", "/")},
    **ERROR_CODES,
    **HTTP_REASONS,
}

PAYMENT_METHODS = {
    # entry_mode (EntryMode)
    **{mode: "CARD" for mode in ("magstripe", "chip", "manual entry", "customer entry", "customer_entry",
                                 "magstripe fallback", "contactless", "moto", "contactless magstripe")},
    "boleto": "BOLETO", "direct debit": "DIRECT_DEBIT", "pix": "PIX", "qr code pix": "PIX",
    **{bank: "BANK_TRANSFER" for bank in ("sofort", "ideal", "bancontact", "eps", "mybank", "blik", "p24",
                                          "giropay", "iris")},
    **{wallet: "WALLET" for wallet in ("apple pay", "google pay", "paypal", "twint", "satispay", "sumup pay")},
    "sumup gift card": "OTHER",
    # payment_type (PaymentType)
    "ECOM": "CARD", "POS": "CARD", "RECURRING": "CARD", "MOTO": "CARD", "BOLETO": "BOLETO",
    "DIRECT_DEBIT": "DIRECT_DEBIT", "CASH": "OTHER", "BITCOIN": "OTHER", "BALANCE": "OTHER", "APM": "OTHER",
}

CARD_BRANDS = {"VISA_ELECTRON": "visa", "VISA_VPAY": "visa", "ELV": None, "UNKNOWN": None}

PAYMENT_TYPES = ["CASH", "POS", "ECOM", "RECURRING", "BITCOIN", "BALANCE", "MOTO", "BOLETO", "DIRECT_DEBIT",
                 "APM", "UNKNOWN"]
SIMPLE_STATUSES = ["SUCCESSFUL", "PAID_OUT", "CANCEL_FAILED", "CANCELLED", "CHARGEBACK", "FAILED",
                   "REFUND_FAILED", "REFUNDED", "NON_COLLECTION", "PENDING"]
WEBHOOK_EVENTS = ["checkout.status.updated", "solo.transaction.updated"]

_TRANSACTION_FIELDS = {
    "provider_transaction_id": ["id", "transaction_code"],
    "status": ["simple_status", "status"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["timestamp", "local_time"],
    "payment_method": ["entry_mode", "payment_type"],
    "card_brand": ["card.type"],
    "merchant_id": ["merchant_code"],
    "attempt_id": ["id", "transaction_code"],
    "payment_id": ["checkout_id"],
    "refund_id": ["refund_id"],  # SumUp names no refund id on the transaction: none, never the transaction's
}

_CHECKOUT_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["date"],
    "payment_method": ["transactions.-1.entry_mode", "transactions.-1.payment_type"],
    "merchant_id": ["merchant_code"],
    "merchant_name": ["merchant_name"],
    "attempt_id": ["transaction_id", "transactions.-1.id"],
    "payment_id": ["id"],
}

_ERROR_REASON_PATHS = ["error_code", "type", "status", "status_code"]


def prepare(body: Any) -> Any:
    """Refuse the older checkout webhook, which names the checkout but not its state (re-read it by GET)."""
    if isinstance(body, dict) and body.get("event_type") == "CHECKOUT_STATUS_CHANGED" and "payload" not in body:
        raise UnmappedPayload(NOTIFICATION_WITHOUT_OUTCOME,
                              f"sumup: CHECKOUT_STATUS_CHANGED for checkout {body.get('id')} carries no status")
    return body


SPEC = {
    "provider": "sumup",
    "aliases": ["sumup", "sum up", "sum_up", "sumup.com", "api.sumup.com", "sumup online payments"],
    "detect": [
        {"path": "checkout_reference", "exists": True, "weight": 0.35},
        {"path": "transaction_code", "exists": True, "weight": 0.3},
        {"path": "merchant_code", "exists": True, "weight": 0.15},
        {"path": "pay_to_email", "exists": True, "weight": 0.15},
        {"path": "simple_status", "in": SIMPLE_STATUSES, "weight": 0.2},
        {"path": "payment_type", "in": PAYMENT_TYPES, "weight": 0.1},
        {"path": "entry_mode", "exists": True, "weight": 0.05},
        {"path": "transactions.0.transaction_code", "exists": True, "weight": 0.2},
        {"path": "event_type", "in": [*WEBHOOK_EVENTS, "CHECKOUT_STATUS_CHANGED"], "weight": 0.6},
        {"path": "payload.checkout_id", "exists": True, "weight": 0.1},
        {"path": "payload.client_transaction_id", "exists": True, "weight": 0.1},
        {"path": "type", "prefix": f"{_PROBLEM_BASE}", "weight": 0.7},
        {"path": "error_code", "in": list(ERROR_CODES), "weight": 0.4},
        {"path": "param", "exists": True, "weight": 0.1},
        {"path": "error_message", "exists": True, "weight": 0.1},
        {"path": "status_code", "exists": True, "weight": 0.05},
        {"path": "failed_constraints", "exists": True, "weight": 0.4},
        {"path": "failed_constraints.0.reference", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "major",
    "status_map": STATUSES,
    "reason_map": REASONS,
    "payment_method_map": PAYMENT_METHODS,
    "card_brand_map": CARD_BRANDS,
    "fields": _TRANSACTION_FIELDS,
    "variants": [
        {
            "name": "webhook.checkout",
            "match": {"event_type": "checkout.status.updated"},
            "root": "payload",
            "event_kind": "PAYMENT",
            "fields": {"provider_transaction_id": ["checkout_id"], "status": ["status"],
                       "event_time": ["^timestamp"], "payment_id": ["checkout_id"]},
        },
        {
            "name": "webhook.reader_transaction",
            "match": {"event_type": "solo.transaction.updated"},
            "root": "payload",
            "fields": {"provider_transaction_id": ["transaction_id"], "status": ["status"],
                       "event_time": ["^timestamp"], "merchant_id": ["merchant_code"],
                       "attempt_id": ["transaction_id"], "payment_id": ["client_transaction_id"]},
        },
        {
            "name": "webhook.other",
            "match": {"event_type": {"exists": True}, "payload": {"exists": True}},
            "not_a_payment": "a SumUp webhook event that is not a checkout or transaction status change",
        },
        {
            "name": "error.problem",
            "match": {"type": {"prefix": _PROBLEM_BASE}},
            "status": "ERROR",
            "fields": {"reason_code": _ERROR_REASON_PATHS},
        },
        {
            "name": "error.body",
            "match": {"error_code": {"exists": True}, "id": {"exists": False}},
            "status": "ERROR",
            "fields": {"reason_code": _ERROR_REASON_PATHS},
        },
        {
            "name": "error.details",
            "match": {"failed_constraints": {"exists": True}},
            "status": "ERROR",
            "fields": {"reason_code": _ERROR_REASON_PATHS},
        },
        {
            "name": "transaction",
            "match": {"transaction_code": {"exists": True}, "status": {"in": TRANSACTION_STATUSES},
                      "checkout_reference": {"exists": False}},
            "rules": [
                {"when": {"simple_status": "REFUND_FAILED"}, "set": {"event_kind": "REFUND"}},
                {"when": {"simple_status": ["CANCEL_FAILED", "CANCELLED"]}, "set": {"event_kind": "VOID"}},
                {"when": {"simple_status": {"exists": False}, "status": "CANCELLED"}, "set": {"event_kind": "VOID"}},
            ],
        },
        {
            "name": "checkout",
            "match": {"id": {"exists": True}, "status": {"in": CHECKOUT_STATUSES},
                      "transaction_code": {"exists": False}},
            "fields": _CHECKOUT_FIELDS,
            "rules": [{"when": {"status": "EXPIRED"}, "set": {"event_kind": "PAYMENT"}},
                      {"when": {"status": "PENDING", "transactions.0": {"exists": False}},
                       "set": {"event_kind": "PAYMENT"}}],
        },
        {
            "name": "checkout.with_transaction_code",
            "match": {"checkout_reference": {"exists": True}, "status": {"in": CHECKOUT_STATUSES}},
            "fields": _CHECKOUT_FIELDS,
        },
    ],
}
