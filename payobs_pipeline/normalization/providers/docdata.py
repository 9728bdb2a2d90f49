"""Docdata Payments (CM.com Docdata, Netherlands): the Order API 1.3 SOAP answers — create, start, status /
statusExtended, cancel, refund and capture — and their error answers.

Sources:
- The Order API 1.3 WSDL/XSD (www.docdatapayments.com/services/paymentservice/1_3/): every operation answers
  ``<xResponse ddpXsdVersion="1.3.x">`` holding either ``xSuccess`` (``<success code="SUCCESS">``) or ``xErrors``
  (``<error code="...">`` with its text). A status report is ``statusSuccess/report`` with ``approximateTotals``
  (``@exchangedTo`` currency; totalRegistered, totalShopperPending, totalAcquirerPending, totalAcquirerApproved,
  totalCaptured, totalRefunded, totalChargedback, totalReversed, in minor units) and one ``payment`` per attempt
  (id, paymentMethod, ``authorization`` {status, amount@currency, confidenceLevel, capture {status, amount}}).
- Authorization statuses (the Order API documentation, as the docdata gem's ExtendedStatusResponse copies it,
  lib/docdata/order/response.rb): NEW, RISK_CHECK_OK, RISK_CHECK_FAILED ("the risk check for this payment
  triggered"), STARTED, START_ERROR ("could not start the payment due to a technical error"), AUTHENTICATED,
  REDIRECTED_FOR_AUTHENTICATION, AUTHENTICATION_FAILED, AUTHENTICATION_ERROR, AUTHORIZED,
  REDIRECTED_FOR_AUTHORIZATION, AUTHORIZATION_REQUESTED ("waiting for a notification from acquirer"),
  AUTHORIZATION_FAILED ("not authorized due to a functional error"), AUTHORIZATION_ERROR ("due to a technical
  error"), CANCELED, CANCEL_FAILED, CANCEL_ERROR, CANCEL_REQUESTED.
- Paid / refunded / charged back (the same documentation, as the gem reads it): the order is paid when
  totalCaptured or totalAcquirerApproved equals totalRegistered, refunded when totalRefunded does, charged back
  when totalChargedback does.
- Error codes (the Order API documentation, as php-docdatapayments Types/Error.php explains them): UNKNOWN_ERROR,
  REQUEST_DATA_MISSING, REQUEST_DATA_INCORRECT, SECURITY_ERROR ("security violations such as login failure or not
  allowed IP"), INTERNAL_ERROR ("payment system error").
- cancelSuccess ``result``: NO_PAYMENTS (no payment had been made on the order) and the cancelled order.

``prepare`` reads the answer once into ``payobs_docdata`` (operation, outcome, the latest payment's
authorization status, amount and method): the outcome of a status report is decided by its totals first (paid,
refunded, charged back), then by the latest payment's authorization status. The report's amounts are minor
units; the latest payment's authorization amount (with its currency) is the amount, else totalRegistered in the
totals' currency.

Lifecycle identity: the payment order key is the payment; a report's payment ``id`` is the attempt.
"""

from __future__ import annotations

from typing import Any

KEY = "payobs_docdata"

OPERATIONS = ("create", "start", "status", "statusExtended", "cancel", "refund", "capture")

# Authorization status of the latest payment -> outcome (when the totals do not settle it).
AUTHORIZATION_OUTCOMES = {
    "NEW": "pending", "RISK_CHECK_OK": "pending", "STARTED": "pending", "AUTHENTICATED": "pending",
    "REDIRECTED_FOR_AUTHENTICATION": "pending", "REDIRECTED_FOR_AUTHORIZATION": "pending",
    "AUTHORIZATION_REQUESTED": "pending", "CANCEL_REQUESTED": "pending", "CANCEL_FAILED": "approved",
    "CANCEL_ERROR": "approved", "AUTHORIZED": "approved",
    "RISK_CHECK_FAILED": "declined", "AUTHENTICATION_FAILED": "declined", "AUTHORIZATION_FAILED": "declined",
    "START_ERROR": "error", "AUTHENTICATION_ERROR": "error", "AUTHORIZATION_ERROR": "error",
    "CANCELED": "cancelled",
}

STATUSES = {"approved": "APPROVED", "pending": "PENDING", "declined": "DECLINED", "error": "ERROR",
            "cancelled": "CANCELLED", "refunded": "REFUNDED", "chargeback": "CHARGEBACK", "api_error": "ERROR"}

REASONS = {
    "RISK_CHECK_FAILED": {"reason": "RISK_REJECTED", "source": "PSP_RISK"},
    "AUTHENTICATION_FAILED": "AUTHENTICATION_FAILED",
    "AUTHORIZATION_FAILED": "GENERIC_DECLINE",
    "START_ERROR": "PROCESSING_ERROR",
    "AUTHENTICATION_ERROR": "PROCESSING_ERROR",
    "AUTHORIZATION_ERROR": "PROCESSING_ERROR",
    "REQUEST_DATA_MISSING": "INVALID_REQUEST",
    "REQUEST_DATA_INCORRECT": "INVALID_REQUEST",
    "SECURITY_ERROR": {"reason": "CONFIGURATION_ERROR", "source": "MERCHANT_CONFIG"},
    "INTERNAL_ERROR": "PROCESSING_ERROR",
    "UNKNOWN_ERROR": "UNKNOWN",
}

PAYMENT_METHODS = {
    "ideal": "BANK_TRANSFER", "bank_transfer": "BANK_TRANSFER", "sofort_ueberweisung": "BANK_TRANSFER",
    "giropay": "BANK_TRANSFER", "eps": "BANK_TRANSFER",
    "visa": "CARD", "mastercard": "CARD", "amex": "CARD", "maestro": "CARD", "mistercash": "CARD",
    "bancontact": "CARD", "vpay": "CARD", "cartebleue": "CARD",
    "paypal_express_checkout": "WALLET", "paypal": "WALLET",
    "sepa_direct_debit": "DIRECT_DEBIT", "elv": "DIRECT_DEBIT", "direct_debit": "DIRECT_DEBIT",
    "klarna_invoice": "BNPL", "afterpay_open_invoice": "BNPL",
}


def _text(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("#text")
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _number(value: Any) -> int:
    text = _text(value)
    try:
        return int(text) if text else 0
    except ValueError:
        return 0


def _as_list(value: Any) -> list:
    if isinstance(value, list):
        return [v for v in value if isinstance(v, dict)]
    return [value] if isinstance(value, dict) else []


def _answer(body: dict) -> tuple[str, dict] | None:
    """(operation, its response element) of a SOAP or bare Order API answer."""
    envelope = body.get("Envelope")
    node = envelope.get("Body") if isinstance(envelope, dict) else body
    if not isinstance(node, dict):
        return None
    for operation in OPERATIONS:
        response = node.get(f"{operation}Response")
        if isinstance(response, dict):
            return operation, response
    return None


def _latest_payment(report: dict) -> dict:
    payments = _as_list(report.get("payment"))
    return max(payments, key=lambda p: _number(p.get("id"))) if payments else {}


def _report_outcome(report: dict, payment: dict) -> tuple[str, str | None]:
    totals = report.get("approximateTotals") if isinstance(report.get("approximateTotals"), dict) else {}
    registered = _number(totals.get("totalRegistered"))
    status = _text((payment.get("authorization") or {}).get("status")) if payment else None
    if registered > 0:
        if _number(totals.get("totalChargedback")) >= registered:
            return "chargeback", status
        if _number(totals.get("totalRefunded")) >= registered:
            return "refunded", status
        if registered in (_number(totals.get("totalCaptured")), _number(totals.get("totalAcquirerApproved"))):
            return "approved", status
    if status is None:
        return "pending", None  # an order with no payment started yet
    return AUTHORIZATION_OUTCOMES.get(status.upper(), "pending"), status


def prepare(body: Any) -> Any:
    """The Order API answer as one ``payobs_docdata`` dict, or the body as it is."""
    found = _answer(body) if isinstance(body, dict) else None
    if found is None:
        return body
    operation, response = found
    operation = "status" if operation == "statusExtended" else operation
    errors = response.get(f"{operation}Errors") or response.get("statusErrors")
    if isinstance(errors, dict):
        error = _as_list(errors.get("error"))
        first = error[0] if error else {}
        return {KEY: {"operation": operation, "outcome": "api_error", "code": _text(first.get("@code")),
                      "message": _text(first)}}
    success = response.get(f"{operation}Success") or response.get("statusSuccess")
    if not isinstance(success, dict):
        return body
    prepared: dict[str, Any] = {"operation": operation}
    if operation == "status":
        report = success.get("report") if isinstance(success.get("report"), dict) else {}
        payment = _latest_payment(report)
        outcome, status = _report_outcome(report, payment)
        authorization = payment.get("authorization") if isinstance(payment.get("authorization"), dict) else {}
        amount = authorization.get("amount")
        totals = report.get("approximateTotals") if isinstance(report.get("approximateTotals"), dict) else {}
        if isinstance(amount, dict) and amount.get("@currency"):
            prepared.update(amount=_text(amount), currency=amount.get("@currency"))
        elif totals.get("@exchangedTo") and _text(totals.get("totalRegistered")):
            prepared.update(amount=_text(totals.get("totalRegistered")), currency=totals.get("@exchangedTo"))
        prepared.update(outcome=outcome, code=status, payment_id=_text(payment.get("id")),
                        method=_text(payment.get("paymentMethod")))
    elif operation == "create":
        prepared.update(outcome="pending", order_key=_text(success.get("key")))
    elif operation == "start":
        payment = ((success.get("paymentResponse") or {}).get("paymentSuccess") or {})
        status = _text(payment.get("status")) if isinstance(payment, dict) else None
        prepared.update(outcome=AUTHORIZATION_OUTCOMES.get((status or "").upper(), "pending"), code=status,
                        payment_id=_text(payment.get("id")) if isinstance(payment, dict) else None)
    elif operation == "cancel":
        prepared.update(outcome="cancelled", code=_text(success.get("result")))
    elif operation == "refund":
        prepared.update(outcome="pending")  # the refund is registered; Docdata executes it afterwards
    else:  # capture
        prepared.update(outcome="pending")
    return {KEY: {key: value for key, value in prepared.items() if value is not None}}


_RESPONSE_PATHS = [f"Envelope.Body.{operation}Response.@ddpXsdVersion" for operation in OPERATIONS]

SPEC = {
    "provider": "docdata",
    "aliases": ["docdata", "docdata payments", "docdatapayments", "docdata_payments", "cm docdata",
                "docdata order api"],
    "detect": [
        *({"path": path, "exists": True, "weight": 0.9} for path in _RESPONSE_PATHS),
        *({"path": f"{operation}Response.@ddpXsdVersion", "exists": True, "weight": 0.9} for operation in OPERATIONS),
    ],
    "amount_unit": "minor",
    "status_map": STATUSES,
    "reason_map": REASONS,
    "payment_method_map": PAYMENT_METHODS,
    "variants": [
        {
            "name": "error",
            "match": {f"{KEY}.outcome": "api_error"},
            "root": KEY,
            "fields": {"status": ["outcome"], "reason_code": ["code"]},
        },
        {
            "name": "refund",
            "match": {f"{KEY}.operation": "refund"},
            "root": KEY,
            "event_kind": "REFUND",
            "fields": {"status": ["outcome"]},
        },
        {
            "name": "capture",
            "match": {f"{KEY}.operation": "capture"},
            "root": KEY,
            "event_kind": "CAPTURE",
            "fields": {"status": ["outcome"]},
        },
        {
            "name": "answer",
            "match": {f"{KEY}.outcome": {"exists": True}},
            "root": KEY,
            "event_kind": "PAYMENT",
            "fields": {
                "provider_transaction_id": ["payment_id", "order_key"],
                "status": ["outcome"],
                "reason_code": ["code"],
                "amount": ["amount"],
                "currency": ["currency"],
                "payment_method": ["method"],
                "attempt_id": ["payment_id"],
                "payment_id": ["order_key"],
            },
            "rules": [
                {"when": {"outcome": "refunded"}, "set": {"event_kind": "REFUND"}},
                {"when": {"outcome": "chargeback"}, "set": {"event_kind": "DISPUTE"}},
            ],
        },
    ],
}
