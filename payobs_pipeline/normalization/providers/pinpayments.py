"""Pin Payments (Australia): charges, refunds, disputes and API error bodies.

Sources (Pin Payments documentation, and a Pin Payments client's model files, not its tests):
- https://pinpayments.com/developers/api-reference/charges (the charge object, wrapped in {"response": ...}:
  token ch_..., success, amount "in the currency's base unit (e.g. cents for AUD, yen for JPY)", currency
  "three-character ISO 4217 ... Default value is AUD", description, email, ip_address, created_at,
  status_message ("Success"), error_message, card {token, scheme, display_number, issuing_country, ...},
  amount_refunded, total_fees, merchant_entitlement, refund_pending, authorisation_expired, authorisation_voided,
  captured, captured_at, settlement_currency, active_chargebacks, metadata; capture=false creates an
  authorisation "you can capture at a later time. Authorised charges automatically expire after seven days";
  three_d_secure; error bodies {"error", "error_description", "charge_token"})
- https://pinpayments.com/developers/api-reference/refunds (refund object: token rf_..., success (null while
  pending), amount, currency, charge ch_..., created_at, error_message, status_message "Pending" / "Success":
  "Where the refund status returned is Pending, you can use webhooks to be notified of the refund outcome";
  error 402 insufficient_pin_balance "Refund amount is more than your available Pin Payments balance.")
- montdidier/pinpayments_rs src/error.rs (ErrorResponse {error, error_description}) and src/resources/dispute.rs
  (dispute: token, category, status, amount, currency, charge, evidence_required_by, relevant_evidence,
  received_at)

The charge error codes (``error`` of a failed charge: card_declined, insufficient_funds, expired_card,
suspected_fraud, processing_error, invalid_resource ...) could not be read from the charges page's error table
in the reference material available; they are mapped by what the code names, and a failed charge's
error_message text is read too.

Lifecycle identity: a charge (ch_) is one authorization attempt (its capture and void keep its token); a refund
(rf_) names the charge; a dispute names the charge it disputes. Pin names no payment above the charge.
"""

from __future__ import annotations

from typing import Any

_CUSTOMER = "CUSTOMER"

CHARGE_STATUSES = {
    "captured": "APPROVED",
    "authorised": "APPROVED",  # an authorisation (capture=false) awaiting capture
    "voided": "CANCELLED",
    "expired": "CANCELLED",  # an authorisation left uncaptured for seven days
    "failed": "DECLINED",
    "pending": "PENDING",  # awaiting 3-D Secure
}
REFUND_STATUSES = {"success": "REFUNDED", "pending": "PENDING", "failure": "DECLINED", "failed": "DECLINED",
                   "declined": "DECLINED"}

ERROR_CODES = {
    "card_declined": "GENERIC_DECLINE",
    "insufficient_funds": "INSUFFICIENT_FUNDS",
    "expired_card": "EXPIRED_CARD",
    "suspected_fraud": "SUSPECTED_FRAUD",
    "processing_error": "PROCESSING_ERROR",
    "invalid_resource": "INVALID_REQUEST",
    "resource_not_found": "INVALID_REQUEST",
    "not_found": "INVALID_REQUEST",
    "invalid_currency": "INVALID_REQUEST",
    "unauthenticated": "CONFIGURATION_ERROR",
    "insufficient_pin_balance": "CONFIGURATION_ERROR",  # the merchant's Pin balance cannot fund the refund
    "service_unavailable": "PROCESSING_ERROR",
}
MESSAGES = {
    "declined": "GENERIC_DECLINE",
    "card declined": "GENERIC_DECLINE",
    "the card was declined": "GENERIC_DECLINE",
    "insufficient funds": "INSUFFICIENT_FUNDS",
    "expired card": "EXPIRED_CARD",
    "the card has expired": "EXPIRED_CARD",
    "suspected fraud": "SUSPECTED_FRAUD",
}

STATUS_KEY = "_payobs_status"

_CHARGE_FIELDS = {
    "provider_transaction_id": ["token"],
    "status": [STATUS_KEY],
    "reason_code": ["error", "error_message", "status_message"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["captured_at", "created_at"],
    "card_brand": ["card.scheme"],
    "card_country": ["card.issuing_country"],
    "attempt_id": ["token"],
    "refund_id": [],
}

SPEC = {
    "provider": "pinpayments",
    "aliases": ["pinpayments", "pin_payments", "pin payments", "pin_payments_au", "pinpayments_au"],
    "detect": [
        {"path": "response.token", "prefix": ["ch_", "rf_"], "weight": 0.4},
        {"path": "response.status_message", "exists": True, "weight": 0.2},
        {"path": "response.merchant_entitlement", "exists": True, "weight": 0.3},
        {"path": "response.card.display_number", "exists": True, "weight": 0.1},
        {"path": "response.charge", "prefix": "ch_", "weight": 0.2},
        {"path": "response.charge.token", "prefix": "ch_", "weight": 0.3},
        {"path": "response.evidence_required_by", "exists": True, "weight": 0.2},
        {"path": "token", "prefix": ["ch_", "rf_"], "weight": 0.3},
        {"path": "status_message", "exists": True, "weight": 0.1},
        {"path": "merchant_entitlement", "exists": True, "weight": 0.3},
        {"path": "charge_token", "prefix": "ch_", "weight": 0.4},
        {"path": "error_description", "exists": True, "weight": 0.2},
        # Error codes only Pin Payments documents (API reference: 422 invalid_resource with messages
        # [{code, message, param}], 402 insufficient_pin_balance on a refund).
        {"path": "error", "in": ["invalid_resource", "insufficient_pin_balance"], "weight": 0.3},
        {"path": "messages.0.param", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "minor",
    "reason_map": {**ERROR_CODES, **MESSAGES},
    "default_payment_method": "CARD",  # Pin Payments takes cards (its wallets are card tokens)
    "variants": [
        {"name": "refund", "match": {"token": {"prefix": "rf_"}},
         "fields": {"provider_transaction_id": ["token"], "status": [STATUS_KEY],
                    "reason_code": ["error_message", "status_message"], "amount": ["amount"],
                    "currency": ["currency"], "event_time": ["created_at"], "refund_id": ["token"],
                    "attempt_id": ["charge"]},
         "status_map": REFUND_STATUSES, "event_kind": "REFUND"},
        {"name": "dispute", "match": {"category": {"exists": True}, "charge.token": {"prefix": "ch_"}},
         "fields": {"provider_transaction_id": ["token"], "status": ["status"], "amount": ["amount"],
                    "currency": ["currency"], "event_time": ["received_at"], "dispute_id": ["token"],
                    "attempt_id": ["charge.token"]},
         "status": "CHARGEBACK", "event_kind": "DISPUTE"},
        {"name": "charge", "match": {"token": {"prefix": "ch_"}},
         "fields": _CHARGE_FIELDS, "status_map": CHARGE_STATUSES,
         "rules": [{"when": {STATUS_KEY: ["voided", "expired"]}, "set": {"event_kind": "VOID"}}]},
        # An error body: {"error": "card_declined", "error_description": "...", "charge_token": "ch_..."}; a
        # card decline is DECLINED (the charge was refused), any other error an ERROR.
        {"name": "error", "match": {"error": {"exists": True}, "error_description": {"exists": True}},
         "status": "ERROR",
         "fields": {"provider_transaction_id": ["charge_token"], "status": ["error"],
                    "reason_code": ["error", "error_description"], "attempt_id": ["charge_token"]},
         "rules": [{"when": {"error": ["card_declined", "insufficient_funds", "expired_card", "suspected_fraud"]},
                    "set": {"status_category": "DECLINED"}},
                   {"when": {"error": "insufficient_pin_balance"}, "set": {"event_kind": "REFUND"}}]},
    ],
}


def _charge_status(charge: dict[str, Any]) -> str:
    if charge.get("authorisation_voided") is True:
        return "voided"
    if charge.get("success") is True:
        if charge.get("captured") is False:
            return "expired" if charge.get("authorisation_expired") is True else "authorised"
        return "captured"
    message = str(charge.get("status_message") or "").strip().lower()
    if charge.get("success") is None and message.startswith("pending"):
        return "pending"
    return "failed"


def prepare(body: Any) -> Any:
    """Unwrap {"response": {...}} and name the charge's or refund's status from its booleans and message.

    Pure: returns a new dict; the payload is untouched.
    """
    if not isinstance(body, dict):
        return body
    document = body.get("response") if isinstance(body.get("response"), dict) else body
    token = document.get("token")
    if not isinstance(token, str):
        return document if document is not body else body
    if token.startswith("rf_"):
        message = str(document.get("status_message") or "").strip().lower()
        if document.get("success") is True:
            message = "success"
        elif document.get("success") is False and message not in REFUND_STATUSES:
            message = "failure"
        return {**document, STATUS_KEY: message or None}
    if token.startswith("ch_") and "category" not in document:
        return {**document, STATUS_KEY: _charge_status(document)}
    return dict(document)
