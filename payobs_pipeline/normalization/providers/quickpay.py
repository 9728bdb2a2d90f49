"""Quickpay (Denmark): the Payment object, which the API answers with and the callback posts, read by its latest
operation (authorize, capture, refund, cancel, recurring ...); the Subscription object (not a payment); and
the API error body.

Sources:
- Quickpay "Errors and codes" (learn.quickpay.net/tech-talk/appendixes/errors): qp_status_code 30100 3-D Secure
  required, 30101 SCA required, 40000 rejected by acquirer ("always check aq_status_code and aq_status_msg"),
  40001 request data error, 40002 authorization expired, 40003 operation aborted, 40300 fraud block, 41000 CoF
  deleted by scheme, 42300 CoF token suspended by scheme, 50000 gateway error, 50300 communications error;
  20000 is Approved (the SDK fixtures below).
- Quickpay "Callback" (learn.quickpay.net/tech-talk/api/callback): payment and subscription operations
  (authorize, capture ...) trigger a callback posting the resource; QuickPay-Resource-Type names it.
- aq_status_code: the acquirer's code. Clearhaus's reason codes as Anyday's help page lists them
  (help.anyday.io "complete list of our reason codes"): 20000 approved, 40110 invalid card number, 40111
  unsupported card scheme, 40120 invalid CSC, 40130 invalid expiry date, 40135 card expired, 40140 invalid
  currency, 40150 invalid text on statement, 40190 invalid transaction, 40200 Clearhaus rule violation, 40300
  3-D Secure problem, 40310 3-D Secure authentication failure, 40400 backend problem (issuer not responding),
  40410 declined by issuer or card scheme, 40411 card restricted, 40412 card lost or stolen, 40413 insufficient
  funds, 40414 suspected fraud, 40415 amount limit exceeded, 50000 Clearhaus error. Other acquirers' codes are
  kept as the raw reason only.
- SDK source, Setono/quickpay-php-sdk tests/Fixtures (payment.json, callback_payment.json: the Payment {id,
  merchant_id, order_id, accepted, type "Payment", currency, state, metadata {type, brand, bin, last4, country,
  customer_country, ...}, operations [{id, type, amount (minor units), pending, qp_status_code, qp_status_msg,
  aq_status_code, aq_status_msg, acquirer, created_at}], test_mode, acquirer, balance, created_at, updated_at};
  error_validation.json: {message "Validation error", errors {field: [...]}, error_code "invalid_parameters"}).
- Payment states (initial, pending, new, rejected, processed) and the payment method names of metadata.type
  (card, mobilepay, vipps, paypal, klarna, viabill, anyday, apple-pay, google-pay) rest on my recollection of
  the Quickpay API reference.

Reading: the latest operation is the event (``prepare`` names it, since a path cannot index a list from its
end). Its qp_status_code decides the status; a 40000 takes its reason from the aq_status_code when the acquirer's
code is specific. 40300 (fraud block) is Quickpay's own risk rejection (a rule: Clearhaus uses 40300 for a 3-D
Secure problem). A pending operation is PENDING. A capture is a CAPTURE, a successful cancel a VOID, a refund a
REFUND. A payment with no operation yet is read by its state.

Lifecycle identity: the Quickpay payment id is the attempt; the merchant's order_id is the payment; a refund is
named by the payment id and its operation id ("<payment id>/<operation id>"). No disputes are documented.
"""

from __future__ import annotations

from typing import Any

OPERATION = "_payobs_operation"

QP_STATUSES = {
    "20000": "APPROVED",
    "30100": "PENDING",  # 3-D Secure required: the cardholder is sent to authenticate
    "30101": "PENDING",  # SCA required
    "40000": "DECLINED",
    "40001": "ERROR",
    "40002": "DECLINED",  # authorization expired, can no longer be captured
    "40003": "CANCELLED",  # aborted by the merchant or the system
    "40300": "DECLINED",
    "41000": "DECLINED",
    "42300": "DECLINED",
    "50000": "ERROR",
    "50300": "ERROR",
}
QP_REASONS = {
    "40000": "GENERIC_DECLINE",  # the acquirer's code says more
    "40001": "INVALID_REQUEST",
    "40002": "INVALID_REQUEST",  # the capture window passed
    "41000": "RESTRICTED_CARD",  # card-on-file token deleted by the issuer
    "42300": "RESTRICTED_CARD",  # card-on-file token suspended by the issuer
    "50300": "PROCESSING_ERROR",  # communication error with the acquirer or network
}
# Clearhaus acquirer codes (aq_status_code); 40300 here is Clearhaus's 3-D Secure problem.
CLEARHAUS_REASONS = {
    "40110": "INVALID_CARD_DATA",
    "40111": "TRANSACTION_NOT_PERMITTED",  # unsupported card scheme
    "40120": "INCORRECT_CVC",
    "40130": "INVALID_CARD_DATA",  # invalid expiry date
    "40135": "EXPIRED_CARD",
    "40140": "INVALID_REQUEST",  # invalid currency
    "40150": "CONFIGURATION_ERROR",  # invalid text on statement
    "40190": "TRANSACTION_NOT_PERMITTED",
    "40200": "RISK_REJECTED",  # Clearhaus rule violation
    "40300": "AUTHENTICATION_FAILED",
    "40310": "AUTHENTICATION_FAILED",
    "40400": "ISSUER_UNAVAILABLE",
    "40410": "GENERIC_DECLINE",
    "40411": "RESTRICTED_CARD",
    "40412": "LOST_OR_STOLEN_CARD",
    "40413": "INSUFFICIENT_FUNDS",
    "40414": "SUSPECTED_FRAUD",
    "40415": "LIMIT_EXCEEDED",
    "50000": "PROCESSING_ERROR",  # Quickpay gateway error / Clearhaus error
}
ERROR_CODES = {"invalid_parameters": "INVALID_REQUEST", "Validation error": "INVALID_REQUEST"}

STATES = {"initial": "PENDING", "pending": "PENDING", "new": "APPROVED", "processed": "APPROVED",
          "rejected": "DECLINED"}

PAYMENT_METHODS = {
    "card": "CARD", "mobilepay": "WALLET", "vipps": "WALLET", "vippspsp": "WALLET", "paypal": "WALLET",
    "apple-pay": "WALLET", "google-pay": "WALLET", "klarna": "BNPL", "viabill": "BNPL", "anyday": "BNPL",
}

OPERATION_TYPES = ["authorize", "capture", "refund", "cancel", "recurring", "renew", "session"]


def prepare(body: Any) -> Any:
    """Name the payment's latest operation. Pure: returns a new dict; the payload is untouched."""
    if not isinstance(body, dict):
        return body
    operations = body.get("operations")
    if not isinstance(operations, list) or not operations or not isinstance(operations[-1], dict):
        return body
    return {**body, OPERATION: operations[-1]}


_OP = OPERATION + "."
_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": [_OP + "qp_status_code"],
    "reason_code": [_OP + "qp_status_code", _OP + "aq_status_code"],
    "amount": [_OP + "amount"],
    "currency": ["currency"],
    "event_time": [_OP + "created_at", "updated_at", "created_at"],
    "payment_method": ["metadata.type"],
    "card_brand": ["metadata.brand"],
    "customer_country": ["metadata.customer_country"],
    "merchant_id": ["merchant_id"],
    "attempt_id": ["id"],
    "payment_id": ["order_id"],
}
_PENDING = {"when": {_OP + "pending": True}, "set": {"status_category": "PENDING"}}
_FRAUD_BLOCK = {"when": {_OP + "qp_status_code": "40300"}, "set": {"failure_reason": "RISK_REJECTED"}}


def _operation_variant(name: str, types: list[str], kind: str | None, approved: str, **more: Any) -> dict:
    rules = [_FRAUD_BLOCK]
    if approved != "APPROVED":
        rules.append({"when": {_OP + "qp_status_code": "20000"}, "set": {"status_category": approved}})
    return {"name": name, "match": {_OP + "type": {"in": types}},
            **({"event_kind": kind} if kind else {}), "rules": [*rules, _PENDING], **more}


SPEC = {
    "provider": "quickpay",
    "aliases": ["quickpay", "quick pay", "quickpay.net", "quickpay aps", "quickpay payments"],
    "detect": [
        {"path": "operations.0.qp_status_code", "exists": True, "weight": 0.5},
        {"path": "operations.0.aq_status_code", "exists": True, "weight": 0.2},
        {"path": "state", "in": list(STATES), "weight": 0.1},
        {"path": "accepted", "exists": True, "weight": 0.05},
        {"path": "test_mode", "exists": True, "weight": 0.05},
        {"path": "retented_at", "exists": True, "weight": 0.1},
        {"path": "text_on_statement", "exists": True, "weight": 0.05},
        {"path": "error_code", "in": list(ERROR_CODES), "weight": 0.2},
    ],
    "amount_unit": "minor",
    "status_map": QP_STATUSES,
    "reason_map": {**CLEARHAUS_REASONS, **QP_REASONS},
    "payment_method_map": PAYMENT_METHODS,
    "fields": _FIELDS,
    "variants": [
        {
            "name": "error",
            "match": {"error_code": {"exists": True}, "message": {"exists": True}, "id": {"exists": False}},
            "status": "ERROR",
            "fields": {"reason_code": ["error_code", "message"]},
            "reason_map": ERROR_CODES,
        },
        {
            "name": "subscription",
            "match": {"type": "Subscription"},
            "not_a_payment": "a Quickpay subscription is a card agreement; its recurring payments are Payments",
        },
        _operation_variant("refund", ["refund"], "REFUND", "REFUNDED",
                           fields={**_FIELDS, "attempt_id": ["id"],
                                   "refund_id": {"join": ["id", _OP + "id"], "sep": "/"}}),
        _operation_variant("cancel", ["cancel"], "VOID", "CANCELLED"),
        _operation_variant("capture", ["capture"], "CAPTURE", "APPROVED"),
        _operation_variant("authorize", ["authorize", "recurring", "renew", "session"], None, "APPROVED"),
        {
            "name": "payment_without_operation",
            "match": {"id": {"exists": True}, "state": {"in": list(STATES)}},
            "status_map": STATES,
            "fields": {**_FIELDS, "status": ["state"], "amount": ["link.amount"], "reason_code": []},
        },
    ],
}
