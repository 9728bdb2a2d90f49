"""Instamojo (India): the redirect parameters and webhook post of a payment, the payment and payment request
objects of the API (v1.1 and v2), the refund answer and the API error bodies.

Sources (the Instamojo API documentation, docs.instamojo.com):
- "Payments API" integration guide (docs/payments-api): after paying, the buyer is redirected to the redirect_url
  with payment_id, payment_request_id and payment_status appended
  (``?payment_id=MOJO5a06005J21512197&payment_status=Credit&payment_request_id=d66cb29dd059482e8072999f995c4eef``);
  the webhook is a form-encoded POST of amount, buyer, buyer_name, buyer_phone, currency, fees, longurl, mac,
  payment_id, payment_request_id, purpose, shorturl and status, "either Credit or Failed" (support article
  "Webhook URL" 208485755; docs/what-is-a-webhook). A webhook is sent on successful payments, on failures too
  when enabled.
- "Get Payment Details" v1.1 (v1.1/reference/get-payment-details): the payment's "status" is Credit when it
  succeeded, otherwise it failed; instrument_type CARD, EMI, NETBANKING, UPI, WALLET; billing_instrument (the
  sub-category); failure null or {reason ("type of failure"), message ("failure message returned by upstream
  provider")}; payout. The v1.1 answers wrap the object: {"success": true, "payment": {...}} and
  {"success": true, "payment_request": {..., "payment": {...}}}.
- "Get Payment Details" v2 (docs/get-payment-details): status true (successful), false (failed), null
  (initiated); the same instrument_type, billing_instrument and failure; payment_request (the v2 link of the
  payment request the payment was made against), resource_uri.
- "Create a Request" v1.1 (v1.1/reference/create-a-request) and the v2 payment request: status Pending (email /
  SMS not sent yet), Sent, Failed (email and SMS both failed to deliver) or Completed ("payment was made by a
  payer"); amount in INR; longurl, shorturl, redirect_url, webhook.
- "Create a Refund" (reference/create-a-refund-1): type RFD, TNR, QFL, QNR, EWN, TAN, PTH (the reason codes of the
  refund case); the answer {"refund": {id, payment_id, status "Refunded", type, body, refund_amount,
  total_amount, created_at}, "success": true} (the example the Instamojo client libraries reproduce; the Ruby
  client's README shows the same refund later as "Closed"). "Get details of a refund" (reference/
  get-details-of-a-refund-1): resolution_status null (case not closed yet), FINI_CONC (refunded), FINI_DENY
  (case resolved: no refund), FINI_WITH (cancelled), FINI_INIT (case closed).
- Errors: "Common API response codes" (v2-marketplace/reference/common-api-response-codes: 400 failed
  validation, 401 missing / invalid authentication, 403 wrong token or permission, 404, 5xx) and the marketplace
  API's error bodies {"error": "Invalid Client Id" | "Invalid or expired Client Id Exp" | "Invalid scopes" |
  "Invalid Account Id"} (v2-mdp/reference/mdp-payments-apis). A validation error answers
  {"success": false, "message": {"<field>": ["..."]}}.

Instamojo collects in INR; amounts are decimal strings (major units). A failed payment names no documented code
(failure.reason is free text): DECLINED with failure_reason UNKNOWN. A payment request's "Failed" is about the
email / SMS that carried it, not a payment: the request stays open (PENDING). UPI is read as BANK_TRANSFER,
NETBANKING as BANK_TRANSFER, EMI as CARD (card instalments).

The ``prepare`` hook reads the payment request id out of a v2 payment's payment_request link, and names a
validation error body (a message made of field errors) "field_errors"; the declarative form can do neither.

Lifecycle identity: payment_id (MOJO...) is the attempt; the payment request (payment_request_id) is the payment,
paid once or retried; a refund's id is the refund.
"""

from __future__ import annotations

import re

STATUSES = {
    "Credit": "APPROVED",
    "Failed": "DECLINED",
    "true": "APPROVED",  # v2: successful
    "false": "DECLINED",  # v2: failed
}

PAYMENT_REQUEST_STATUSES = {
    "Completed": "APPROVED",  # payment was made by a payer
    "Pending": "PENDING",
    "Sent": "PENDING",
    "Failed": "PENDING",  # the email / SMS failed to deliver; the request is still open
}

REFUND_STATUSES = {
    "Refunded": "REFUNDED",
    "Closed": "REFUNDED",  # the refunded case, closed (Ruby client README: Refunded, then Closed)
    "FINI_CONC": "REFUNDED",
    "FINI_DENY": "DECLINED",  # case resolved without a refund
    "FINI_WITH": "CANCELLED",
    "FINI_INIT": "CANCELLED",  # case closed
}

MERCHANT_CONFIG = {"reason": "CONFIGURATION_ERROR", "source": "MERCHANT_CONFIG"}

REASONS = {
    "Failed": "UNKNOWN",
    "false": "UNKNOWN",
    "FINI_DENY": "UNKNOWN",
    "field_errors": "INVALID_REQUEST",  # 400: the request failed validation
    "Invalid Client Id": MERCHANT_CONFIG,
    "Invalid or expired Client Id Exp": MERCHANT_CONFIG,
    "Invalid scopes": MERCHANT_CONFIG,
    "Invalid Account Id": "INVALID_REQUEST",
}

PAYMENT_METHODS = {
    "CARD": "CARD",
    "EMI": "CARD",
    "NETBANKING": "BANK_TRANSFER",
    "UPI": "BANK_TRANSFER",
    "WALLET": "WALLET",
}

REFUND_TYPES = ["RFD", "TNR", "QFL", "QNR", "EWN", "TAN", "PTH"]

_PAYMENT_REQUEST_LINK = re.compile(r"/payment_requests/([0-9a-fA-F]+)/?$")


def prepare(body: dict) -> dict:
    """The body with the payment request id of a v2 payment's link under ``payment_request_id``, and a
    validation error's field messages named ``field_errors`` under ``message_code``."""
    link = body.get("payment_request")
    found = _PAYMENT_REQUEST_LINK.search(link) if isinstance(link, str) else None
    if found is not None:
        return {**body, "payment_request_id": found.group(1)}
    if body.get("success") is False and isinstance(body.get("message"), dict):
        return {**body, "message_code": "field_errors"}
    return body


_PAYMENT_FIELDS = {
    "provider_transaction_id": ["payment_id", "id"],
    "status": ["status"],
    "reason_code": ["failure.reason", "failure.message", "status"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["completed_at", "created_at"],
    "payment_method": ["instrument_type"],
    "attempt_id": ["payment_id", "id"],
    "payment_id": ["payment_request_id", "^payment_request.id"],
}

SPEC = {
    "provider": "instamojo",
    "aliases": ["instamojo", "insta mojo", "instamojo payments", "instamojo_v2", "mojo"],
    "detect": [
        {"path": "payment_id", "prefix": "MOJO", "weight": 0.3},
        {"path": "payment_request_id", "exists": True, "weight": 0.3},
        {"path": "payment_status", "in": ["Credit", "Failed"], "weight": 0.3},
        {"path": "status", "in": ["Credit", "Failed"], "weight": 0.1},
        {"path": "mac", "exists": True, "weight": 0.1},
        {"path": "longurl", "prefix": ["https://www.instamojo.com/", "https://test.instamojo.com/"], "weight": 0.4},
        # API objects (v2 directly, v1.1 wrapped).
        {"path": "id", "prefix": "MOJO", "weight": 0.3},
        {"path": "resource_uri", "prefix": ["https://api.instamojo.com/", "https://test.instamojo.com/",
                                            "https://www.instamojo.com/"], "weight": 0.4},
        {"path": "billing_instrument", "exists": True, "weight": 0.2},
        {"path": "payment.payment_id", "prefix": "MOJO", "weight": 0.5},
        {"path": "payment_request.payment.payment_id", "prefix": "MOJO", "weight": 0.3},
        {"path": "payment_request.longurl", "prefix": ["https://www.instamojo.com/", "https://test.instamojo.com/"],
         "weight": 0.5},
        {"path": "refund.payment_id", "prefix": "MOJO", "weight": 0.4},
        {"path": "refund.type", "in": REFUND_TYPES, "weight": 0.2},
        {"path": "payment", "prefix": ["https://api.instamojo.com/v2/payments/MOJO",
                                       "https://test.instamojo.com/v2/payments/MOJO"], "weight": 0.4},
        {"path": "resolution_status", "in": ["FINI_CONC", "FINI_DENY", "FINI_WITH", "FINI_INIT"], "weight": 0.3},
    ],
    "amount_unit": "major",
    "default_currency": "INR",
    "status_map": STATUSES,
    "reason_map": REASONS,
    "payment_method_map": PAYMENT_METHODS,
    "variants": [
        {
            "name": "error",
            "match": {"success": False},
            "status": "ERROR",
            "default_currency": None,
            "fields": {"reason_code": ["message_code", "message"]},
        },
        {
            "name": "client_error",
            "match": {"error": {"exists": True}, "id": {"exists": False}, "payment_id": {"exists": False}},
            "status": "ERROR",
            "default_currency": None,
            "fields": {"reason_code": ["error"]},
        },
        {
            "name": "redirect",
            "match": {"payment_status": {"exists": True}, "payment_id": {"exists": True}},
            "default_currency": None,
            "fields": {"provider_transaction_id": ["payment_id"], "status": ["payment_status"],
                       "reason_code": ["payment_status"], "attempt_id": ["payment_id"],
                       "payment_id": ["payment_request_id"]},
        },
        {
            "name": "refund",
            "match": {"refund.id": {"exists": True}},
            "root": "refund",
            "event_kind": "REFUND",
            "fields": {"provider_transaction_id": ["id"], "status": ["status"], "reason_code": ["status"],
                       "amount": ["refund_amount"], "event_time": ["created_at"], "refund_id": ["id"],
                       "attempt_id": ["payment_id"]},
            "status_map": REFUND_STATUSES,
        },
        {
            "name": "refund_case",
            "match": {"resolution_status": {"exists": True}},
            "event_kind": "REFUND",
            "fields": {"provider_transaction_id": ["id"], "status": ["resolution_status"],
                       "reason_code": ["resolution_status"], "amount": ["refund_amount"],
                       "event_time": ["created_at"], "refund_id": ["id"]},
            "status_map": REFUND_STATUSES,
        },
        {
            "name": "payment_v11",
            "match": {"payment.payment_id": {"exists": True}},
            "root": "payment",
            "fields": _PAYMENT_FIELDS,
        },
        {
            "name": "payment_of_request_v11",
            "match": {"payment_request.payment.payment_id": {"exists": True}},
            "root": "payment_request.payment",
            "fields": _PAYMENT_FIELDS,
        },
        {
            "name": "payment_request_v11",
            "match": {"payment_request.id": {"exists": True}},
            "root": "payment_request",
            "event_kind": "PAYMENT",
            "fields": {"provider_transaction_id": ["id"], "status": ["status"], "amount": ["amount"],
                       "event_time": ["modified_at", "created_at"], "payment_id": ["id"]},
            "status_map": PAYMENT_REQUEST_STATUSES,
        },
        {
            "name": "payment_initiated_v2",
            "match": {"id": {"prefix": "MOJO"}, "status": {"exists": False}},
            "status": "PENDING",
            "fields": _PAYMENT_FIELDS,
        },
        {
            "name": "payment",
            "match": {"status": {"exists": True}, "payment_id": {"exists": True}},
            "fields": _PAYMENT_FIELDS,
        },
        {
            "name": "payment_v2",
            "match": {"id": {"prefix": "MOJO"}},
            "fields": _PAYMENT_FIELDS,
        },
        {
            "name": "payment_request_v2",
            "match": {"longurl": {"exists": True}, "id": {"exists": True}},
            "event_kind": "PAYMENT",
            "fields": {"provider_transaction_id": ["id"], "status": ["status"], "amount": ["amount"],
                       "event_time": ["modified_at", "created_at"], "payment_id": ["id"]},
            "status_map": PAYMENT_REQUEST_STATUSES,
        },
    ],
}
