"""Rapyd (Rapyd Collect): payment objects, API response envelopes, webhooks, refunds, disputes and error bodies.

Sources (Rapyd documentation, docs.rapyd.net):
- https://docs.rapyd.net/en/error-messages.html (response format: every answer is {"status": {error_code, status
  SUCCESS | ERROR, message, response_code, operation_id}, "data": {...}}; a failed request has only "status")
- https://docs.rapyd.net/en/create-payment-error-example.html and create-payment-error-examples.html (an error
  answer whose "data" is the PAYMENT_FAILED webhook's payment, status ERR; ERROR_CREATE_PAYMENT_INSUFFICIENT_FUNDS,
  ERROR_ACCOUNT_FUNDING_TRANSACTION)
- https://docs.rapyd.net/en/payment-errors.html, general-errors.html, rapyd-error-codes.html,
  rapyd-protect-errors---rapyd-authorization.html (the error codes mapped below, each with its description)
- https://docs.rapyd.net/en/card-network-errors.html ("For card transactions ... If the card network rejects the
  transaction afterwards, Rapyd sends you a webhook. In the webhook, the value of error_code is
  ERROR_PROCESSING_CARD and the error code received from the card network. For example, "error_code":
  "ERROR_PROCESSING_CARD [51]""; the codes are the networks' ISO 8583 response codes 01, 02, 03, 04, 05 ...)
- https://docs.rapyd.net/en/payment-failed-webhook.html (PAYMENT_FAILED: data.status ERR, failure_code "65" or
  ERROR_3DS_AUTHENTICATION_FAILURE, error_code "ERROR_PROCESSING_CARD - [65]", failure_message; amount 0 with
  original_amount the amount asked)
- https://docs.rapyd.net/en/payment-completed-webhook.html, payment-succeeded-webhook.html,
  payment-updated-webhook.html, payment-reversed-webhook.html (webhook envelope: id wh_, type, data, status NEW |
  CLO | ERR | RET of the webhook itself, created_at, extended_timestamp, trigger_operation_id; payment object:
  id payment_, amount "in units of the currency", original_amount, currency_code, country_code, status, paid,
  captured, paid_at, created_at (Unix seconds), failure_code, failure_message, cancel_reason, next_action,
  merchant_reference_id, merchant_advice_code, payment_method_data {category, type, bin_details {brand, country}})
- https://docs.rapyd.net/en/card-payment-message-sequences.html, card-payment-with-delayed-capture-message-
  sequences.html, cash-payment-message-sequences.html (ACT: active, awaiting 3DS, capture or the customer's cash
  deposit; CLO: closed, paid; ERR: failed, also a cash payment that expired; CAN; EXP; REV: reversed by Rapyd, the
  cancel_reason or failure_code says why; ACT with next_action pending_capture is an authorized card payment)
- hexdocs.pm/rapyd Rapyd.Types.Payment (status :ACT | :CLO | :ERR | :CAN | :REV | :EXP)
- https://docs.rapyd.net/en/refund-message-sequences.html and refund-failed-webhook.html (refund: id refund_,
  payment, amount, currency, status Pending -> Completed, Rejected by the issuer, Error (PAYMENT_REFUND_FAILED),
  Canceled; failure_reason)
- https://docs.rapyd.net/en/dispute-updated-webhook.html and the Rapyd API's Dispute model (token dispute_, status
  ACT, RVW, PRA, ARB, LOS, WIN, REV; amount, currency, original_transaction_id payment_)

Amounts are in major units of the currency (amount 4 with currency_code GBP is GBP 4.00).

Lifecycle identity: a Rapyd payment (payment_) is one authorization attempt: attempt_id is its id, on its
capture, refunds (refund.payment) and disputes (original_transaction_id). payment_id is the merchant's
merchant_reference_id ("Identifier for the transaction. Defined by the merchant"): a retry of the same order
under a new payment_ id is the same payment.
"""

from __future__ import annotations

import re
from typing import Any

_CUSTOMER = "CUSTOMER"
_PSP_RISK = "PSP_RISK"

PAYMENT_STATUSES = {
    "ACT": "PENDING",  # active: awaiting 3DS, the customer's offline payment, or capture (see the rules)
    "NEW": "PENDING",
    "CLO": "APPROVED",  # closed: paid
    "ERR": "DECLINED",  # the attempt to create or complete the payment failed (see the rules for technical ones)
    "CAN": "CANCELLED",
    "EXP": "CANCELLED",  # expired unpaid
    # Reversed by Rapyd after it was paid (a returned bank transfer, funds not covering it: cancel_reason,
    # failure_code): the payment did not stand.
    "REV": "DECLINED",
}
REFUND_STATUSES = {
    "Pending": "PENDING",
    "Completed": "REFUNDED",
    "Rejected": "DECLINED",  # the card issuer refused the refund (an expired, blocked or cancelled card)
    "Error": "DECLINED",  # PAYMENT_REFUND_FAILED: the refund failed
    "Canceled": "CANCELLED",
    "Cancelled": "CANCELLED",
}

# Rapyd error codes (payment-errors, general-errors, rapyd-protect-errors) and the card-network wrapper.
ERROR_CODES = {
    # Declines: the payment method's holder or issuer, or Rapyd's risk check, refused it.
    "ERROR_CREATE_PAYMENT_INSUFFICIENT_FUNDS": "INSUFFICIENT_FUNDS",
    "ERROR_CARD_EXPIRED": "EXPIRED_CARD",
    "ERROR_PAYMENT_METHOD_EXPIRED": "EXPIRED_CARD",
    "ERROR_CARD_TRANSACTION_AMOUNT": "LIMIT_EXCEEDED",  # exceeds the limits set by the card issuer
    "ERROR_CARD_TRANSACTION_FREQUENCY": "LIMIT_EXCEEDED",
    "ERROR_3DS_AUTHENTICATION_FAILURE": {"reason": "AUTHENTICATION_FAILED", "source": _CUSTOMER},
    "ERROR_CARD_NOT_AUTHENTICATED": {"reason": "AUTHENTICATION_REQUIRED", "source": _CUSTOMER},
    "ERROR_AUTHENTICATION_PHONE_UNAVAILABLE": {"reason": "AUTHENTICATION_FAILED", "source": _CUSTOMER},
    "INVALID_CARD_EXPIRATION_DATE": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},
    "REQUEST_DECLINED": {"reason": "RISK_REJECTED", "source": _PSP_RISK},  # Rapyd Protect declined the request
    # The card network refused it; its own code follows in brackets (read first, see prepare()).
    "ERROR_PROCESSING_CARD": "GENERIC_DECLINE",
    # Not a decline: the request or the account.
    "ERROR_ACCOUNT_FUNDING_TRANSACTION": "CONFIGURATION_ERROR",  # organization not configured for AFT
    "ERROR_AUTH_ONLY_IS_NOT_SUPPORTED": "TRANSACTION_NOT_PERMITTED",
    "ERROR_3DS_VERIFICATION_IS_NOT_SUPPORTED": "TRANSACTION_NOT_PERMITTED",
    "ERROR_GET_PAYMENT_METHOD_TYPE": "CONFIGURATION_ERROR",  # type not available for this merchant
    "CREATE_PAYMENT_APPLE_PAY_MISSING_FIELDS": "INVALID_REQUEST",
    "ERROR_CANCEL_PAYMENT": "INVALID_REQUEST",
    "ERROR_CAPTURE_PAYMENT": "INVALID_REQUEST",
    "ERROR_UPDATE_PAYMENT_METHOD": "INVALID_REQUEST",
    "ERROR_UPDATE_CARD_CVV_NOT_UPDATABLE": "INVALID_REQUEST",
    "ERROR_AMOUNT_MUST_BE_POSITIVE": "INVALID_REQUEST",
    "ERROR_AMOUNT_NOT_VALID": "INVALID_REQUEST",
    "ERROR_BANK_IDENTIFIER_MISMATCH": {"reason": "INVALID_REQUEST", "source": _CUSTOMER},
    "ERROR_INVALID_EWALLET": "INVALID_REQUEST",
    "EMAIL_IS_VERIFIED": "INVALID_REQUEST",
    # Rapyd Protect: "Your request is under review by Rapyd's operations department".
    "REQUEST_UNDER_REVIEW": {"reason": "RISK_REJECTED", "source": _PSP_RISK},
    # Request signing (Rapyd's authentication of the API caller): the integration's keys or signature.
    "UNAUTHORIZED_API_CALL": "CONFIGURATION_ERROR",
    "UNAUTHENTICATED_API_CALL": "CONFIGURATION_ERROR",
    "INVALID_ACCESS_KEY": "CONFIGURATION_ERROR",
    "INVALID_SIGNATURE": "CONFIGURATION_ERROR",
}
# Error codes that refuse the payment itself (a decline), not the request: with them an error answer is DECLINED.
DECLINE_CODES = [
    "ERROR_CREATE_PAYMENT_INSUFFICIENT_FUNDS", "ERROR_CARD_EXPIRED", "ERROR_PAYMENT_METHOD_EXPIRED",
    "ERROR_CARD_TRANSACTION_AMOUNT", "ERROR_CARD_TRANSACTION_FREQUENCY", "ERROR_3DS_AUTHENTICATION_FAILURE",
    "ERROR_CARD_NOT_AUTHENTICATED", "ERROR_AUTHENTICATION_PHONE_UNAVAILABLE", "ERROR_PROCESSING_CARD",
    "REQUEST_DECLINED",
]
# Error codes that say the request or the account was wrong: a failed payment carrying one failed technically.
REQUEST_ERROR_CODES = [code for code in ERROR_CODES if code not in DECLINE_CODES]

# Reversal reasons (cancel_reason of a REV payment, payment-reversed-webhook.html).
CANCEL_REASONS = {"insufficient_funds": "INSUFFICIENT_FUNDS"}

REASONS = {**ERROR_CODES, **CANCEL_REASONS}

# payment_method_data.category / payment_method_type_category.
PAYMENT_METHODS = {
    "card": "CARD",
    "ewallet": "WALLET",
    "bank_transfer": "BANK_TRANSFER",
    "bank_redirect": "BANK_TRANSFER",
    "cash": "CASH_VOUCHER",  # paid at a point of sale against a transaction code
}

NETWORK_CODE_KEY = "_payobs_network_code"
EVENT_TIME_KEY = "_payobs_event_time"
_BRACKETED_CODE = re.compile(r"\[\s*([0-9A-Za-z]{1,4})\s*\]")

# Webhook types that are about a payment, its refund or its dispute are recognized by their data's id; any other
# Rapyd webhook (payouts, wallets, customers, invoices, subscriptions, issuing, virtual accounts ...) is not a
# payment outcome.
_PAYMENT_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status"],
    "reason_code": [NETWORK_CODE_KEY, "failure_code", "^status.error_code", "error_code", "cancel_reason",
                    "failure_message"],
    "amount": ["original_amount", "amount"],
    "currency": ["currency_code", "currency"],
    "event_time": [EVENT_TIME_KEY],
    "payment_method": ["payment_method_data.category", "payment_method_type_category"],
    "card_brand": ["payment_method_data.bin_details.brand"],
    "card_country": ["payment_method_data.bin_details.country"],
    "customer_country": ["country_code"],
    "decline_type": ["merchant_advice_code"],
    "merchant_id": ["mid"],
    "attempt_id": ["id"],
    "payment_id": ["merchant_reference_id"],
    "refund_id": [],
}
_PAYMENT_RULES = [
    # ACT with next_action pending_capture: the card was authorized and waits for the merchant's capture.
    {"when": {"status": "ACT", "next_action": "pending_capture"}, "set": {"status_category": "APPROVED"}},
    # A failed payment whose code says the request or the account was wrong: a technical failure, not a decline.
    {"when": {"status": "ERR", "failure_code": REQUEST_ERROR_CODES}, "set": {"status_category": "ERROR"}},
    {"when": {"status": "ERR", "^status.error_code": REQUEST_ERROR_CODES}, "set": {"status_category": "ERROR"}},
]
_REFUND_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status"],
    "reason_code": ["failure_reason", "^status.error_code"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": [EVENT_TIME_KEY],
    "payment_method": ["payment_method_type_category"],
    "refund_id": ["id"],
    "attempt_id": ["payment"],
    "payment_id": ["merchant_reference_id"],
}
_DISPUTE_FIELDS = {
    "provider_transaction_id": ["token"],
    "status": ["status"],
    "amount": ["amount", "original_dispute_amount"],
    "currency": ["currency", "original_dispute_currency"],
    "event_time": [EVENT_TIME_KEY],
    "payment_method": ["payment_method_data.category"],
    "card_brand": ["payment_method_data.bin_details.brand"],
    "card_country": ["payment_method_data.bin_details.country"],
    "dispute_id": ["token"],
    "attempt_id": ["original_transaction_id"],
}
_DISPUTE_STATUSES = ["ACT", "RVW", "PRA", "ARB", "LOS", "WIN", "REV"]
_PAYMENT_KIND_RULES = [
    {"when": {"^type": "PAYMENT_CAPTURED", "status": "CLO"}, "set": {"event_kind": "CAPTURE"}},
    # PAYMENT_CANCELED of an authorized card payment (captured false): the authorization released.
    {"when": {"^type": "PAYMENT_CANCELED", "status": "CAN", "captured": False}, "set": {"event_kind": "VOID"}},
    # cash-payment-message-sequences.html: a cash payment the customer did not pay in time gets PAYMENT_EXPIRED
    # with status ERR: expired unpaid, not a decline.
    {"when": {"^type": "PAYMENT_EXPIRED"}, "set": {"status_category": "CANCELLED"}},
]

SPEC = {
    "provider": "rapyd",
    "aliases": ["rapyd", "rapyd_collect", "rapyd collect", "rapyd_payments", "rapyd.net"],
    "detect": [
        # The response envelope: status {error_code, status, message, response_code, operation_id}.
        {"path": "status.operation_id", "exists": True, "weight": 0.4},
        {"path": "status.response_code", "exists": True, "weight": 0.2},
        {"path": "status.error_code", "exists": True, "weight": 0.1},
        {"path": "status.status", "in": ["SUCCESS", "ERROR"], "weight": 0.1},
        # Webhooks: wh_ ids, the triggering operation and a millisecond timestamp.
        {"path": "id", "prefix": "wh_", "weight": 0.2},
        {"path": "trigger_operation_id", "exists": True, "weight": 0.4},
        {"path": "extended_timestamp", "exists": True, "weight": 0.2},
        # Payment, refund and dispute objects, bare or inside data.
        {"path": "id", "prefix": "payment_", "weight": 0.2},
        {"path": "data.id", "prefix": ["payment_", "refund_"], "weight": 0.2},
        {"path": "ewallet_id", "prefix": "ewallet_", "weight": 0.4},
        {"path": "ewallets.0.ewallet_id", "prefix": "ewallet_", "weight": 0.3},
        {"path": "data.ewallet_id", "prefix": "ewallet_", "weight": 0.2},
        {"path": "payment_method_data.fingerprint_token", "prefix": "ocfp_", "weight": 0.3},
        {"path": "data.payment_method_data.fingerprint_token", "prefix": "ocfp_", "weight": 0.2},
        {"path": "currency_code", "exists": True, "weight": 0.1},
        {"path": "status", "in": list(PAYMENT_STATUSES), "weight": 0.1},
        {"path": "id", "prefix": "refund_", "weight": 0.2},
        {"path": "payment", "prefix": "payment_", "weight": 0.4},
        {"path": "token", "prefix": "dispute_", "weight": 0.5},
        {"path": "data.token", "prefix": "dispute_", "weight": 0.3},
        {"path": "original_transaction_id", "prefix": "payment_", "weight": 0.3},
    ],
    "amount_unit": "major",
    "reason_map": REASONS,
    "reason_fallback": "iso8583",
    "decline_type_fallback": "mastercard_mac",
    "payment_method_map": PAYMENT_METHODS,
    "variants": [
        # Webhooks (id wh_, type, data).
        {"name": "webhook.payment", "root": "data",
         "match": {"id": {"prefix": "wh_"}, "type": {"exists": True}, "data.id": {"prefix": "payment_"}},
         "fields": _PAYMENT_FIELDS, "status_map": PAYMENT_STATUSES, "rules": [*_PAYMENT_RULES, *_PAYMENT_KIND_RULES]},
        {"name": "webhook.refund", "root": "data",
         "match": {"id": {"prefix": "wh_"}, "type": {"exists": True}, "data.id": {"prefix": "refund_"}},
         "fields": _REFUND_FIELDS, "status_map": REFUND_STATUSES, "event_kind": "REFUND"},
        {"name": "webhook.dispute", "root": "data",
         "match": {"id": {"prefix": "wh_"}, "type": {"prefix": "PAYMENT_DISPUTE_"},
                   "data.token": {"prefix": "dispute_"}},
         "fields": _DISPUTE_FIELDS, "status": "CHARGEBACK", "event_kind": "DISPUTE"},
        {"name": "webhook.not_a_payment", "match": {"id": {"prefix": "wh_"}, "type": {"exists": True}},
         "not_a_payment": "a Rapyd webhook about a payout, wallet, customer, invoice, subscription or issued card"},
        # API answers: {"status": {...}, "data": {...}}.
        {"name": "response.payment", "root": "data",
         "match": {"status.status": {"exists": True}, "data.id": {"prefix": "payment_"}},
         "fields": _PAYMENT_FIELDS, "status_map": PAYMENT_STATUSES, "rules": _PAYMENT_RULES},
        {"name": "response.refund", "root": "data",
         "match": {"status.status": {"exists": True}, "data.id": {"prefix": "refund_"}},
         "fields": _REFUND_FIELDS, "status_map": REFUND_STATUSES, "event_kind": "REFUND"},
        {"name": "response.dispute", "root": "data",
         "match": {"status.status": {"exists": True}, "data.token": {"prefix": "dispute_"}},
         "fields": _DISPUTE_FIELDS, "status": "CHARGEBACK", "event_kind": "DISPUTE"},
        # A failed request: only the status object (error-messages.html).
        {"name": "response.error", "match": {"status.status": "ERROR", "status.error_code": {"exists": True}},
         "status": "ERROR",
         "fields": {"status": ["status.status"],
                    "reason_code": [NETWORK_CODE_KEY, "status.error_code", "status.response_code"],
                    "provider_transaction_id": ["status.operation_id"]},
         "rules": [{"when": {"status.error_code": DECLINE_CODES}, "set": {"status_category": "DECLINED"}},
                   # "ERROR_PROCESSING_CARD [51]": the card network declined it.
                   {"when": {"status.error_code": {"prefix": "ERROR_PROCESSING_CARD"}},
                    "set": {"status_category": "DECLINED"}}]},
        {"name": "response.not_a_payment", "match": {"status.status": "SUCCESS"},
         "not_a_payment": "a Rapyd answer about something other than a payment, refund or dispute"},
        # Bare objects (GET /v1/payments/{id} data, exports).
        {"name": "payment", "match": {"id": {"prefix": "payment_"}, "status": {"exists": True}},
         "fields": _PAYMENT_FIELDS, "status_map": PAYMENT_STATUSES, "rules": _PAYMENT_RULES},
        {"name": "refund", "match": {"id": {"prefix": "refund_"}, "payment": {"prefix": "payment_"}},
         "fields": _REFUND_FIELDS, "status_map": REFUND_STATUSES, "event_kind": "REFUND"},
        {"name": "dispute", "match": {"token": {"prefix": "dispute_"}, "status": _DISPUTE_STATUSES},
         "fields": _DISPUTE_FIELDS, "status": "CHARGEBACK", "event_kind": "DISPUTE"},
        {"name": "not_a_payment",
         "match": {"id": {"prefix": ["payout_", "ewallet_", "cus_", "invoice_", "sub_", "plan_", "beneficiary_",
                                     "sender_", "issuing_", "card_", "checkout_", "wt_", "cardauth_"]}},
         "not_a_payment": "a Rapyd payout, wallet, customer, invoice, subscription, checkout page or card object"},
    ],
}


def _network_code(document: dict[str, Any]) -> str | None:
    """The card network's code in "ERROR_PROCESSING_CARD [51]" / "ERROR_PROCESSING_CARD - [65]"."""
    for key in ("error_code", "failure_code"):
        value = document.get(key)
        if isinstance(value, str):
            found = _BRACKETED_CODE.search(value)
            if found:
                return found.group(1)
    return None


def _event_time(document: dict[str, Any], envelope: dict[str, Any] | None) -> Any:
    """The first set time: paid, updated, created, else the webhook's. Rapyd writes 0 for a time not set."""
    candidates = [document.get(key) for key in ("paid_at", "updated_at", "created_at")]
    if envelope is not None:
        candidates += [envelope.get("created_at")]
    for value in candidates:
        if value not in (None, "", 0, "0"):
            return value
    return None


def _extras(document: Any, envelope: dict[str, Any] | None) -> Any:
    if not isinstance(document, dict):
        return document
    extra: dict[str, Any] = {}
    code = _network_code(document)
    if code is None and envelope is not None and isinstance(envelope.get("status"), dict):
        code = _network_code(envelope["status"])
    if code:
        extra[NETWORK_CODE_KEY] = code
    when = _event_time(document, envelope)
    if when is not None:
        extra[EVENT_TIME_KEY] = when
    return {**document, **extra} if extra else document


def prepare(body: Any) -> Any:
    """Read the card network's bracketed code out of Rapyd's error_code and pick the first time Rapyd set.

    Pure: returns a copy when it adds a key; the original is untouched.
    """
    if not isinstance(body, dict):
        return body
    data = body.get("data")
    if isinstance(data, dict) and ("status" in body or "type" in body):
        new = _extras(data, body)
        return body if new is data else {**body, "data": new}
    status = body.get("status")
    if isinstance(status, dict):  # a failed request: only the status object
        code = _network_code(status)
        return {**body, NETWORK_CODE_KEY: code} if code else body
    return _extras(body, None)
