"""Omise / Opn Payments (Thailand, Japan, Singapore, Malaysia): charges, refunds, disputes, events (webhooks)
and API error objects.

Sources (Omise / Opn Payments documentation and Omise's own SDK model files, not their tests):
- https://docs.opn.ooo/charges-api and https://www.omise.co/charges-api (?version=2014-07-27, 2017-11-02,
  2019-05-29): the charge object (object "charge", id /chrg(_test)?_[0-9a-z]+/, location, amount "in smallest
  unit of charge currency", currency (lower case in the older versions), authorized, capture, captured (2014),
  paid, paid_at, reversed, reversed_at, expired, expired_at, authorized_at, created / created_at, card, source,
  failure_code "if status == failed", failure_message, transaction, refunds, dispute, metadata,
  merchant_uid / merchant_name (Payfac sub-merchants))
- omise/omise-go v2/charge_status.go and omise/omise-java ChargeStatus.java (status successful, pending,
  failed, reversed, expired, unknown); omise/omise-swift API Models/Charge.swift (the same APIStatus)
- omise/omise-go v2/charge_failure_code.go and omise/omise-dotnet Omise/Models/ChargeFailureCode.cs
  (failed_fraud_check, failed_processing, insufficient_balance, insufficient_fund, invalid_account_number,
  invalid_security_code, payment_cancelled, payment_rejected, timeout); omise-swift ChargeFailure
  (insufficient_fund "Insufficient funds in the account or the card has reached the credit limit",
  stolen_or_lost_card "Card is stolen or lost", failed_processing "Card processing has failed, you may retry
  this transaction", payment_rejected "rejected by the issuer or the acquirer with no specific reason",
  invalid_security_code "The security code was invalid or the card didn't pass preauth", failed_fraud_check
  "Card was marked as fraudulent", invalid_account_number "This number is not attributed or has been
  deactivated"); the Charge API reference's failure code table as mirrored at
  michael-doc-testing.org/api-reference/charges (also confirmed_amount_mismatch "final amount from payment
  channel does not match original amount charged", expired_card, invalid_account "Valid account for payment
  method not found", payment_cancelled "Payment cancelled by payer", timeout "Payment provider did not respond
  in time", and the operation codes failed_capture, failed_void, failed_reverse, failed_refund, expired_charge)
- omise/omise-woocommerce includes/events/class-omise-event-charge-complete.php (Omise's own plugin): a card
  charge created with capture=false and authorized by 3-D Secure is status "pending", authorized true, paid
  false: an approved authorization awaiting capture
- https://docs.opn.ooo/refunds-api (refund rfnd_, charge, amount, currency, voided "Charges are voided if refund
  is processed before settlement time", created_at; status deprecated) and omise-swift Refund.swift /
  omise-java RefundStatus.java (status pending, closed)
- omise/omise-go v2/dispute.go and dispute_status.go, omise-java DisputeStatus.java (dispute dspt_, charge,
  amount, currency, status open / pending / won / lost / closed, reason_code, closed_at)
- https://www.omise.co/api-webhooks and https://docs.opn.ooo/api-webhooks (event object: key, data; events
  charge.create, charge.update, charge.capture "only for manual capture", charge.reverse, charge.complete
  "3-D Secure charge, Alipay and Internet Banking", refund.create, dispute.create / update / close; card.*,
  customer.*, recipient.*, transfer.*, link.create, schedule.* are not payment outcomes)
- https://www.omise.co/api-errors and https://docs.opn.ooo/api-errors (error object {"object": "error",
  "location", "code", "message"}; authentication_failure, not_found, used_token, invalid_amount,
  invalid_bank_account, invalid_card, invalid_card_token, invalid_filters, invalid_page, invalid_scope,
  missing_card, invalid_charge, failed_capture, failed_void, expired_charge, failed_fraud_check,
  backend_error, bad_request, brand_not_supported, documents_locked, failed_expire) and omise/omise-ios
  OmiseError.swift (APIErrorCode invalid_card, bad_request, authentication_failure, service_not_found "The
  requested service is not available for this account")
- omise/omise-android SourceType.kt, omise-go v2/source_type.go, omise-dotnet SourceType.cs (source types:
  promptpay, paynow, internet_banking_*, mobile_banking_*, truemoney, rabbit_linepay, alipay*, barcode_*,
  econtext (Japan: convenience store, Pay-easy, net banking), bill_payment_tesco_lotus, installment_*, fpx,
  duitnow_*, grabpay, shopeepay, boost, touch_n_go, atome, paypay, wechat_pay, points_citi ...)

Amounts are in the smallest unit of the charge currency (THB satang, JPY yen): ISO minor units.

Lifecycle identity: a charge (chrg_) is one authorization attempt (attempt_id = its id); Omise names no payment
above the charge (payment_id none). A charge.capture event is the CAPTURE of it, a reversed charge (or an
authorized charge that expired uncaptured) the VOID of it. Refunds (rfnd_) and disputes (dspt_) are their own
objects naming the charge they follow.
"""

from __future__ import annotations

from typing import Any

_CUSTOMER = "CUSTOMER"

CHARGE_STATUSES = {
    "successful": "APPROVED",
    "pending": "PENDING",  # awaiting 3-D Secure / the customer's offsite or offline payment (see the rules)
    "failed": "DECLINED",
    "reversed": "CANCELLED",  # an uncaptured authorization released
    "expired": "CANCELLED",  # expired unpaid, or authorized and left uncaptured
    "unknown": "UNKNOWN",
}
REFUND_STATUSES = {"closed": "REFUNDED", "pending": "PENDING"}

# Charge failure_code values and their failure_message texts.
FAILURE_CODES = {
    "insufficient_fund": "INSUFFICIENT_FUNDS",
    "insufficient_balance": "INSUFFICIENT_FUNDS",
    "stolen_or_lost_card": "LOST_OR_STOLEN_CARD",
    "failed_processing": "PROCESSING_ERROR",
    "payment_rejected": "GENERIC_DECLINE",
    "invalid_security_code": {"reason": "INCORRECT_CVC", "source": _CUSTOMER},
    # Omise's own fraud screening marked the card fraudulent (not the issuer): the provider's risk engine.
    "failed_fraud_check": "RISK_REJECTED",
    "invalid_account_number": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},
    "invalid_account": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},
    "expired_card": "EXPIRED_CARD",
    "timeout": "TIMEOUT",
    "confirmed_amount_mismatch": "PROCESSING_ERROR",
    # payment_cancelled ("Payment cancelled by payer") is a cancellation, not a failure: see the rules.
    "payment_cancelled": {"reason": "GENERIC_DECLINE", "source": _CUSTOMER},
}
FAILURE_MESSAGES = {
    "insufficient funds": "INSUFFICIENT_FUNDS",
    "insufficient balance": "INSUFFICIENT_FUNDS",
    "stolen or lost card": "LOST_OR_STOLEN_CARD",
    "processing failed": "PROCESSING_ERROR",
    "payment rejected": "GENERIC_DECLINE",
    "invalid security code": {"reason": "INCORRECT_CVC", "source": _CUSTOMER},
    "fraud check failed": "RISK_REJECTED",
    "invalid account number": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},
    "invalid account": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},
    "card is expired": "EXPIRED_CARD",
    "final amount from payment channel does not match original amount charged": "PROCESSING_ERROR",
}
# API error object codes (HTTP 4xx/5xx bodies).
ERROR_CODES = {
    "authentication_failure": "CONFIGURATION_ERROR",
    # "The requested service is not available for this account" (omise-ios OmiseError.APIErrorCode).
    "service_not_found": "CONFIGURATION_ERROR",
    "not_found": "INVALID_REQUEST",
    "used_token": "INVALID_REQUEST",
    "invalid_amount": "INVALID_REQUEST",
    "invalid_bank_account": "INVALID_REQUEST",
    "invalid_card": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},
    "invalid_card_token": "INVALID_REQUEST",
    "invalid_token": "INVALID_REQUEST",
    "invalid_filters": "INVALID_REQUEST",
    "invalid_page": "INVALID_REQUEST",
    "invalid_scope": "INVALID_REQUEST",
    "missing_card": "INVALID_REQUEST",
    "invalid_charge": "INVALID_REQUEST",
    "bad_request": "INVALID_REQUEST",
    "documents_locked": "INVALID_REQUEST",
    "expired_charge": "INVALID_REQUEST",
    "failed_capture": "INVALID_REQUEST",
    "failed_void": "INVALID_REQUEST",
    "failed_reverse": "INVALID_REQUEST",
    "failed_refund": "INVALID_REQUEST",
    "failed_expire": "INVALID_REQUEST",
    # "A card with a brand not supported by the account": the card cannot be used here.
    "brand_not_supported": "TRANSACTION_NOT_PERMITTED",
    # "An error occurred communicating with the provider for this particular payment method."
    "backend_error": "PROCESSING_ERROR",
}
ERROR_MESSAGES = {"authentication failed": "CONFIGURATION_ERROR"}
REASONS = {**FAILURE_CODES, **FAILURE_MESSAGES, **ERROR_CODES, **ERROR_MESSAGES}

# Payment methods, by the charge's source type (prefix families folded by prepare()).
PAYMENT_METHODS = {
    "card": "CARD",
    "installment": "CARD",  # card-issuer installment plans (installment_kbank, installment_wlb_scb, ...)
    "promptpay": "BANK_TRANSFER",  # Thai national account-to-account QR scheme
    "paynow": "BANK_TRANSFER",  # Singapore account-to-account QR scheme
    "duitnow": "BANK_TRANSFER",  # Malaysia DuitNow QR / online banking
    "fpx": "BANK_TRANSFER",
    "maybank_qr": "BANK_TRANSFER",
    "internet_banking": "BANK_TRANSFER",
    "mobile_banking": "BANK_TRANSFER",
    "pay_easy": "BANK_TRANSFER",
    "net_banking": "BANK_TRANSFER",
    "econtext": "CASH_VOUCHER",  # Japan: paid at a convenience store (or Pay-easy / net banking) against a code
    "konbini": "CASH_VOUCHER",
    "bill_payment": "CASH_VOUCHER",  # bill_payment_tesco_lotus: cash at the store against a barcode
    "truemoney": "WALLET",
    "truemoney_jumpapp": "WALLET",
    "rabbit_linepay": "WALLET",
    "alipay": "WALLET",
    "alipay_cn": "WALLET",
    "alipay_hk": "WALLET",
    "alipayplus": "WALLET",
    "barcode_alipay": "WALLET",
    "barcode_wechat": "WALLET",
    "wechat_pay": "WALLET",
    "dana": "WALLET",
    "gcash": "WALLET",
    "kakaopay": "WALLET",
    "touch_n_go": "WALLET",
    "boost": "WALLET",
    "shopeepay": "WALLET",
    "shopeepay_jumpapp": "WALLET",
    "grabpay": "WALLET",
    "paypay": "WALLET",
    "googlepay": "WALLET",
    "applepay": "WALLET",
    "atome": "BNPL",
    "points_citi": "OTHER",
}
_METHOD_FAMILIES = ("installment_", "internet_banking_", "mobile_banking_", "bill_payment_", "duitnow_")

NON_PAYMENT_EVENT_PREFIXES = ("card.", "customer.", "recipient.", "transfer.", "schedule.", "link.", "source.",
                              "chain.", "receipt.", "token.", "account.", "capability.", "occurrence.")
NON_PAYMENT_OBJECTS = ["customer", "card", "token", "source", "recipient", "transfer", "schedule", "occurrence",
                       "link", "balance", "account", "capability", "receipt", "chain", "forex", "document",
                       "transaction", "bank_account"]
CHARGE_EVENTS = ["charge.create", "charge.update", "charge.capture", "charge.reverse", "charge.complete",
                 "charge.expire"]
REFUND_EVENTS = ["refund.create"]
DISPUTE_EVENTS = ["dispute.create", "dispute.update", "dispute.close"]

METHOD_KEY = "_payobs_method"
STATUS_KEY = "_payobs_status"

_CHARGE_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status", STATUS_KEY],
    "reason_code": ["failure_code", "failure_message"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["reversed_at", "expired_at", "paid_at", "captured_at", "authorized_at", "created_at",
                   "created", "^created_at", "^created"],
    "payment_method": [METHOD_KEY],
    "card_brand": ["card.brand"],
    "card_country": ["card.country"],
    "merchant_id": ["merchant_uid"],
    "merchant_name": ["merchant_name"],
    "attempt_id": ["id"],
    # A charge whose amount was refunded names refund objects in its list, not one refund.
    "refund_id": [],
}
TECHNICAL_FAILURES = ["failed_processing", "timeout", "confirmed_amount_mismatch"]
_CHARGE_RULES = [
    # (prepare() names every charge's status in STATUS_KEY: its own, or the one its booleans say.)
    # Authorized, not captured yet (capture=false, or 3-D Secure done): the authorization is approved.
    {"when": {STATUS_KEY: "pending", "authorized": True}, "set": {"status_category": "APPROVED"}},
    # Technical failures ("Card processing has failed, you may retry this transaction", "Payment provider did
    # not respond in time", the payment channel's final amount did not match): the charge failed, so provably
    # not completed, for a technical reason: ERROR (docs/taxonomy.md), not an issuer's decline.
    {"when": {STATUS_KEY: "failed", "failure_code": TECHNICAL_FAILURES}, "set": {"status_category": "ERROR"}},
    # "Payment cancelled by payer".
    {"when": {STATUS_KEY: "failed", "failure_code": "payment_cancelled"}, "set": {"status_category": "CANCELLED"}},
    # An authorization released: reversed, or authorized and expired uncaptured.
    {"when": {STATUS_KEY: "reversed"}, "set": {"event_kind": "VOID"}},
    # docs.opn.ooo/charges-api: reversed "whether charge has been reversed"; POST /charges/{id}/reverse releases
    # an uncaptured authorization. Older API versions return the reversed charge with the authorization's status
    # (successful or pending) and reversed true: the boolean says it was released.
    {"when": {STATUS_KEY: ["successful", "pending"], "reversed": True},
     "set": {"status_category": "CANCELLED", "event_kind": "VOID"}},
    {"when": {STATUS_KEY: "expired", "authorized": True}, "set": {"event_kind": "VOID"}},
]
_REFUND_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["created_at", "created", "^created_at", "^created"],
    "merchant_id": ["merchant_uid"],
    "merchant_name": ["merchant_name"],
    "refund_id": ["id"],
    "attempt_id": ["charge.id", "charge"],
}
# The refund object's status is deprecated in the current API version: a refund object without one exists,
# so it was made (a refund processed as a void is a refund too: the money never left the customer).
_REFUND_RULES = [{"when": {"status": {"exists": False}}, "set": {"status_category": "REFUNDED"}}]
_DISPUTE_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["closed_at", "created_at", "created", "^created_at", "^created"],
    "dispute_id": ["id"],
    "attempt_id": ["charge.id", "charge"],
}

SPEC = {
    "provider": "omise",
    "aliases": ["omise", "opn", "opn_payments", "opnpayments", "opn payments", "omise_payment", "omise_th",
                "omise_jp", "omise_sg", "omise_my"],
    "detect": [
        {"path": "id", "prefix": "chrg_", "weight": 0.6},
        {"path": "id", "prefix": "dspt_", "weight": 0.6},
        {"path": "id", "prefix": "evnt_", "weight": 0.4},
        {"path": "id", "prefix": "rfnd_", "weight": 0.2},  # Razorpay's refunds are rfnd_ too
        {"path": "charge", "prefix": "chrg_", "weight": 0.4},
        {"path": "charge.id", "prefix": "chrg_", "weight": 0.4},
        {"path": "transaction", "prefix": "trxn_", "weight": 0.3},
        {"path": "location", "prefix": ["/charges/chrg_", "/disputes/dspt_", "/events/evnt_", "/refunds/rfnd_"],
         "weight": 0.3},
        # An API error object: its location links Omise's error documentation.
        {"path": "location", "prefix": ["https://www.omise.co/api-errors", "https://docs.opn.ooo/",
                                        "https://www.omise.co/", "https://docs.omise.co/"], "weight": 0.8},
        {"path": "key", "in": [*CHARGE_EVENTS, *REFUND_EVENTS, *DISPUTE_EVENTS], "weight": 0.3},
        {"path": "key", "prefix": list(NON_PAYMENT_EVENT_PREFIXES), "weight": 0.2},
        {"path": "data.id", "prefix": ["chrg_", "dspt_", "rfnd_"], "weight": 0.3},
        # A list object (docs.opn.ooo/pagination: object "list", from, to, offset, limit, total, data[]).
        {"path": "data.0.id", "prefix": ["chrg_", "dspt_"], "weight": 0.6},
        {"path": "data.0.location", "prefix": ["/charges/chrg_", "/disputes/dspt_", "/refunds/rfnd_"], "weight": 0.3},
    ],
    "amount_unit": "minor",
    "reason_map": REASONS,
    "payment_method_map": PAYMENT_METHODS,
    "variants": [
        {"name": "event.not_a_payment",
         "match": {"object": "event", "key": {"prefix": list(NON_PAYMENT_EVENT_PREFIXES)}},
         "not_a_payment": "an Omise card, customer, recipient, transfer, schedule or link event"},
        {"name": "event.charge", "root": "data",
         "match": {"object": "event", "key": {"prefix": "charge."}, "data.object": "charge"},
         "fields": _CHARGE_FIELDS, "status_map": CHARGE_STATUSES,
         "rules": [*_CHARGE_RULES,
                   {"when": {"^key": "charge.capture", STATUS_KEY: "successful"}, "set": {"event_kind": "CAPTURE"}}]},
        {"name": "event.refund", "root": "data",
         "match": {"object": "event", "key": {"prefix": "refund."}, "data.object": "refund"},
         "fields": _REFUND_FIELDS, "status_map": REFUND_STATUSES, "event_kind": "REFUND", "rules": _REFUND_RULES},
        {"name": "event.dispute", "root": "data",
         "match": {"object": "event", "key": {"prefix": "dispute."}, "data.object": "dispute"},
         "fields": _DISPUTE_FIELDS, "status": "CHARGEBACK", "event_kind": "DISPUTE"},
        {"name": "charge", "match": {"object": "charge"},
         "fields": _CHARGE_FIELDS, "status_map": CHARGE_STATUSES, "rules": _CHARGE_RULES},
        {"name": "refund", "match": {"object": "refund"},
         "fields": _REFUND_FIELDS, "status_map": REFUND_STATUSES, "event_kind": "REFUND", "rules": _REFUND_RULES},
        {"name": "dispute", "match": {"object": "dispute"},
         "fields": _DISPUTE_FIELDS, "status": "CHARGEBACK", "event_kind": "DISPUTE"},
        # Error object: {"object": "error", "location": ..., "code": ..., "message": ...}.
        {"name": "error", "match": {"object": "error", "code": {"exists": True}},
         "status": "ERROR", "fields": {"status": ["code"], "reason_code": ["code", "message"]},
         # The token or charge was refused because Omise's fraud check marked the card fraudulent: a decline.
         "rules": [{"when": {"code": "failed_fraud_check"}, "set": {"status_category": "DECLINED"}}]},
        {"name": "not_a_payment", "match": {"object": NON_PAYMENT_OBJECTS},
         "not_a_payment": "an Omise customer, card, token, source, recipient, transfer, schedule or account object"},
    ],
}


def _method_of(charge: dict[str, Any]) -> str | None:
    """The charge's payment method name: its source type (prefix families folded), else card."""
    source = charge.get("source")
    kind = source.get("type") if isinstance(source, dict) else None
    if not isinstance(kind, str) or not kind.strip():
        if isinstance(charge.get("card"), dict):
            return "card"
        kind = charge.get("offsite")  # API versions before sources: offsite "internet_banking_scb", "alipay"
        if not isinstance(kind, str) or not kind.strip():
            return "card" if charge.get("source_of_fund") == "card" else None
    kind = kind.strip().lower()
    for family in _METHOD_FAMILIES:
        if kind.startswith(family):
            return family[:-1]
    return kind


def _derived_status(charge: dict[str, Any]) -> str:
    """A charge status for a charge serialized without one (its booleans say which)."""
    if charge.get("failure_code"):
        return "failed"
    if charge.get("reversed") is True:
        return "reversed"
    if charge.get("expired") is True:
        return "expired"
    if charge.get("paid") is True or charge.get("captured") is True:
        return "successful"
    return "pending"


def _charge_extras(document: Any) -> Any:
    if not isinstance(document, dict) or document.get("object") != "charge":
        return document
    extra: dict[str, Any] = {}
    method = _method_of(document)
    if method:
        extra[METHOD_KEY] = method
    status = document.get("status")
    extra[STATUS_KEY] = status.strip().lower() if isinstance(status, str) and status.strip() else _derived_status(
        document)
    return {**document, **extra}


def prepare(body: Any) -> Any:
    """Name a charge's payment method (source type or card) and its status (derived where it has none).

    Pure: returns a copy when it adds a key; the original is untouched.
    """
    if not isinstance(body, dict):
        return body
    items = body.get("data")
    if body.get("object") == "list" and isinstance(items, list):
        # A list (GET /charges, /disputes/closed, ...) of one object is that object; several are not one event.
        if len(items) == 1 and isinstance(items[0], dict):
            return _charge_extras(items[0])
        return body
    if body.get("object") == "event" and isinstance(body.get("data"), dict):
        data = _charge_extras(body["data"])
        return body if data is body["data"] else {**body, "data": data}
    return _charge_extras(body)
