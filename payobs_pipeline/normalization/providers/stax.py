"""Stax (formerly Fattmerchant; API host apiprod.fattlabs.com): the transaction object the API answers and the
merchant / partner webhooks carry, and its 422 validation answers.

Sources (docs.staxpayments.com: the API reference embeds one OpenAPI document per operation; harvested with its
examples in api-evangelist/stax openapi/stax-charge-api-openapi.yml and openapi/stax-transaction-api-openapi.yml):
- ``POST /charge`` ("Charge a Payment Method", amounts "in dollars and cents") answers the transaction: id (UUID),
  invoice_id, reference_id, recurring_transaction_id, auth_id, type (charge, pre_auth, capture, refund, void,
  credit), success (true / false), message (the decline or error text; null when approved), total, currency,
  method (card, bank; giftcard, cash, check for manually recorded payments), pre_auth, is_captured, last_four,
  issuer_auth_code, avs_code / avs_message, created_at, total_refunded, is_refundable, is_voided, is_voidable,
  customer {..., address_country}, payment_method {method, card_type, bank_type, ...}, child_transactions,
  child_captures.
- ``POST /transaction/{id}/void-or-refund``, ``/refund``, ``/void`` answer the ORIGINAL transaction with the new
  one in child_transactions (type void / refund, its reference_id the original's id; the original then has
  is_voided true or total_refunded); ``POST /transaction/{id}/capture`` answers the pre_auth with the capture in
  child_captures (its auth_id the pre_auth's id). :func:`prepare` reads such an answer as its newest child.
- 422 answers (charge): a Laravel-style object keyed by field, each value a list of messages ("The payment method
  id field is required.", "Payment method is invalid or unauthorized.", "The Payment Method has been redacted.",
  "your merchant account must be ACTIVE to perform this action" under authorization_error, ...).
- Decline and processing messages (docs.staxpayments.com/docs/payment-decline-codes, as indexed in
  api-evangelist/stax errors/stax-decline-codes.yml): Stax "publishes decline and processing error MESSAGES rather
  than numeric decline codes", in Transaction.message; the sandbox answers every failure with "Unable to process the
  purchase transaction".
- Webhooks (docs.staxpayments.com/docs/merchant-webhooks, partner-webhooks): create_transaction,
  update_transaction, update_transaction_settled (ACH: "if the transaction was clawed back, the transaction's
  child_transactions array will include the associated void transaction") send the transaction object; customer,
  invoice, item, user, deposit and merchant events send other objects (not payments).

Not mapped: the ACH processor's numeric error codes (docs.staxpayments.com/reference/ach-error-codes) because no
documented transaction field carries them; dispute objects (create_dispute / update_dispute), whose fields the
reference does not show.

Lifecycle identity: a charge's or pre_auth's id is the attempt; a refund's or void's reference_id, and a capture's
auth_id, name that attempt; the invoice_id is the payment when there is one; a refund's own id is the refund.
"""

from __future__ import annotations

from typing import Any

_CUSTOMER = {"source": "CUSTOMER"}

MESSAGES = {
    "Unable to process the purchase transaction": "GENERIC_DECLINE",
    "Unable to process the purchase transaction.": "GENERIC_DECLINE",
    "ACH transactions are not accepted": "CONFIGURATION_ERROR",
    "An error occurred during processing.": "PROCESSING_ERROR",
    "AUTH UNAVAIL": "ISSUER_UNAVAILABLE",
    "CVV does not match.": "INCORRECT_CVC",
    "DAILY TRANSACTION LIMIT EXCEEDED": "LIMIT_EXCEEDED",
    "DECLINE": "GENERIC_DECLINE",
    "Decline Limit Error": "RISK_REJECTED",  # the merchant's decline-to-approval ratio is too high
    "Do Not Honor": "GENERIC_DECLINE",
    "Expiry Date is invalid": {"reason": "INVALID_CARD_DATA", **_CUSTOMER},
    "Gateway Unreachable": "PROCESSING_ERROR",
    "HOLD-CALL": "LOST_OR_STOLEN_CARD",  # "merchant to keep the card"
    "Insufficient Funds": "INSUFFICIENT_FUNDS",
    "Invalid Account error": {"reason": "INVALID_CARD_DATA", **_CUSTOMER},
    "Invalid Merchant ID": "CONFIGURATION_ERROR",
    "Lost/Stolen": "LOST_OR_STOLEN_CARD",
    "Max attempts exceeded": "DUPLICATE",  # "the previous charge was recently successful ... wait 5 minutes"
    "NO ACCOUNT": {"reason": "INVALID_CARD_DATA", **_CUSTOMER},
    "TERM ID ERROR": "CONFIGURATION_ERROR",
    "The credit card has expired.": "EXPIRED_CARD",
    "Invalid CC Number": {"reason": "INVALID_CARD_DATA", **_CUSTOMER},
    "CARD NO. ERROR": {"reason": "INVALID_CARD_DATA", **_CUSTOMER},  # the issuer reports the address does not match
    "TYPE NOT ALLOWED": "TRANSACTION_NOT_PERMITTED",
    "User authentication failed": "CONFIGURATION_ERROR",
    "Using a live Authorize.net account in Test Mode is not permitted.": "CONFIGURATION_ERROR",
    "This payment could not be processed.": "GENERIC_DECLINE",
}

# Messages of a failure that no issuer or risk check decided (the platform, the gateway or the set-up).
ERROR_MESSAGES = [message for message, reason in MESSAGES.items()
                  if reason in ("PROCESSING_ERROR", "CONFIGURATION_ERROR")]

# type/success of a transaction.
STATUSES = {
    "charge/true": "APPROVED", "charge/false": "DECLINED",
    "pre_auth/true": "APPROVED", "pre_auth/false": "DECLINED",
    "capture/true": "APPROVED", "capture/false": "DECLINED",
    "refund/true": "REFUNDED", "refund/false": "DECLINED",
    "credit/true": "REFUNDED", "credit/false": "DECLINED",
    "void/true": "CANCELLED", "void/false": "ERROR",
}

PAYMENT_METHODS = {"card": "CARD", "bank": "DIRECT_DEBIT", "giftcard": "OTHER", "cash": "OTHER", "check": "OTHER"}

TRANSACTION_TYPES = ["charge", "pre_auth", "capture", "refund", "void", "credit"]
FOLLOW_UP_TYPES = ("refund", "void")

# Fields of a 422 validation answer (charge and transaction operations).
# (Keys with dots, "funding.0.account_id" or "meta.transaction_initiation_type", are not addressable by a path.)
VALIDATION_FIELDS = ["payment_method_id", "total", "meta", "error", "id"]

SPEC = {
    "provider": "stax",
    "aliases": ["stax", "stax payments", "staxpayments", "stax pay", "fattmerchant", "fatt merchant", "fattlabs",
                "stax_connect"],
    "detect": [
        {"path": "type", "in": TRANSACTION_TYPES, "weight": 0.1},
        {"path": "payment_method_id", "exists": True, "weight": 0.1},
        {"path": "recurring_transaction_id", "exists": True, "weight": 0.2},
        {"path": "is_refundable", "exists": True, "weight": 0.2},
        {"path": "is_voidable", "exists": True, "weight": 0.2},
        {"path": "total_refunded", "exists": True, "weight": 0.1},
        {"path": "issuer_auth_code", "exists": True, "weight": 0.1},
        {"path": "child_transactions", "exists": True, "weight": 0.1},
        {"path": "payment_method.nickname", "exists": True, "weight": 0.1},
        # 422 answers naming Stax's own request fields.
        {"path": "authorization_error.0", "exists": True, "weight": 0.5},
        {"path": "payment_method_id.0", "exists": True, "weight": 0.5},
    ],
    "amount_unit": "major",
    # Stax boards US merchants and charges "in dollars and cents"; its void / refund answers carry no currency.
    "default_currency": "USD",
    "reason_map": MESSAGES,
    "reason_fallback": "iso8583",
    "payment_method_map": PAYMENT_METHODS,
    "variants": [
        {
            "name": "transaction",
            "match": {"type": TRANSACTION_TYPES, "success": {"exists": True}},
            "fields": {
                "provider_transaction_id": ["id"],
                "status": {"join": ["type", "success"], "sep": "/"},
                "reason_code": ["message"],
                "amount": ["total"],
                "currency": ["currency"],
                "event_time": ["created_at"],
                "payment_method": ["method", "payment_method.method"],
                "card_brand": ["payment_method.card_type"],
                "merchant_id": ["merchant_id"],
                "attempt_id": ["reference_id", "auth_id", "id"],
                "payment_id": ["invoice_id"],
            },
            "status_map": STATUSES,
            "rules": [
                # A charge or pre-auth read after its void (GET, update_transaction) is voided.
                {"when": {"is_voided": True, "success": True}, "set": {"status_category": "CANCELLED",
                                                                       "event_kind": "VOID"}},
                # Failures the messages table names as Stax's, the gateway's or the merchant's set-up: no decision.
                {"when": {"success": False, "message": ERROR_MESSAGES}, "set": {"status_category": "ERROR"}},
                {"when": {"type": "capture"}, "set": {"event_kind": "CAPTURE"}},
                {"when": {"type": "void"}, "set": {"event_kind": "VOID"}},
                {"when": {"type": ["refund", "credit"]}, "set": {"event_kind": "REFUND"}},
            ],
        },
        {
            "name": "error.inactive_account",
            "match": {"authorization_error": {"exists": True}},
            "status": "ERROR",
            "default_currency": None,
            "fields": {"reason_code": ["authorization_error"]},
            "rules": [{"when": {}, "set": {"failure_reason": "CONFIGURATION_ERROR"}}],
        },
        *({"name": f"error.validation.{field}", "match": {f"{field}.0": {"exists": True}, "type": {"exists": False}},
           "status": "ERROR",
           "default_currency": None,
           "fields": {"reason_code": [field]},
           "rules": [{"when": {}, "set": {"failure_reason": "INVALID_REQUEST"}}]}
          for field in VALIDATION_FIELDS),
    ],
}


def prepare(body: Any) -> Any:
    """A void, refund or capture answer (the original transaction with the new one as its newest child) as that
    child; anything else unchanged."""
    if not isinstance(body, dict) or body.get("type") not in TRANSACTION_TYPES:
        return body
    children = [child for child in body.get("child_transactions") or ()
                if isinstance(child, dict) and child.get("type") in FOLLOW_UP_TYPES]
    if body.get("type") == "pre_auth" and not children:
        children = [child for child in body.get("child_captures") or () if isinstance(child, dict)]
    if not children:
        return body
    return max(children, key=lambda child: str(child.get("created_at") or ""))
