"""Square: Payments, Refunds and Disputes API objects, error responses and webhook events.

Sources (Square developer docs and the official SDKs' generated model docs):
- https://developer.squareup.com/reference/square/objects/Payment (status APPROVED, PENDING,
  COMPLETED, CANCELED, FAILED; amount_money/total_money; source_type; card_details)
- https://developer.squareup.com/reference/square/objects/CardPaymentDetails (status AUTHORIZED,
  CAPTURED, VOIDED, FAILED; card.card_brand; errors)
- https://developer.squareup.com/reference/square/objects/ErrorCode and
  https://developer.squareup.com/docs/payments-api/error-codes (CreatePayment errors, categories)
- https://developer.squareup.com/reference/square/objects/PaymentRefund (PENDING, COMPLETED,
  REJECTED, FAILED; payment_id, processing_fee[]: also read bare, without its {"refund": ...}
  wrapper), https://developer.squareup.com/reference/square/objects/Dispute (state, reason)
- https://developer.squareup.com/docs/webhooks/overview and the payment.*/refund.*/dispute.*
  event references ({merchant_id, type, event_id, created_at, data: {type, id, object: {...}}})
- github.com/square/square-python-sdk doc/models/error-code.md (every ErrorCode is mapped), payment.md
- https://developer.squareup.com/docs/webhooks/v2webhook-events-tech-ref (event envelope; data.type of the
  non-payment events: invoice, order_updated, customer, card, gift_card_activity, revocation, payout ...)
- https://developer.squareup.com/reference/square/payments-api/list-payments and
  refunds-api/list-payment-refunds, disputes-api/list-disputes (list responses {payments|refunds|disputes: [...]})
- The deprecated v2 Transactions API (square-connect SDK docs: Transaction, Tender,
  TenderCardDetails status AUTHORIZED/CAPTURED/VOIDED/FAILED), still in older lake rows
- Payments API objects from its first versions carry no source_type
- The Connect v1 API (square/connect-python-sdk docs/V1Payment.md, V1Tender.md, V1Money.md: a V1Payment is a payment
  the merchant took, total_collected_money {amount, currency_code} in minor units, tender[] with type, card_brand,
  pan_suffix; refunds[] the refunds applied to it). The tender type names (CREDIT_CARD, THIRD_PARTY_CARD,
  SQUARE_WALLET, SQUARE_GIFT_CARD, CASH, OTHER, NO_SALE) rest on recollection of the v1 TenderType enum.
- Connect v1 webhooks (docs.connect.squareup.com/api/connect/v1#setupwebhooks, an archived page; the body as
  integrations quote it): {"merchant_id", "location_id", "event_type": "PAYMENT_UPDATED", "entity_id": <payment id>}
  names the payment to fetch (NOTIFICATION_WITHOUT_OUTCOME); INVENTORY_UPDATED and TIMECARD_UPDATED are not payments.
- square/connect-javascript-sdk docs/Checkout.md (redirect_url: "the URL to redirect to after checkout is completed
  with checkoutId, Square's orderId, transactionId, and referenceId appended as URL parameters"): the return names the
  order to fetch, not the payment's outcome (NOTIFICATION_WITHOUT_OUTCOME).
- https://developer.squareup.com/reference/square/checkout-api/create-payment-link (the {"payment_link": {id,
  version, order_id, url, checkout_options}} response): a link to pay, no payment (its payment has payment.* events).
Amounts are integers in the currency's minor units (Money.amount). Square does not state
soft/hard on decline codes: decline types are the reasons' defaults.
"""

from typing import Any

from payobs_pipeline.normalization.mapping import NOT_A_PAYMENT_EVENT, NOTIFICATION_WITHOUT_OUTCOME, UnmappedPayload

_MERCHANT_CONFIG = "MERCHANT_CONFIG"

# Webhook data.type values that are payment documents; every other type (payout, invoice, order, customer, ...)
# is not a payment: an invoice has its Payment's own payment.* events, and a payout is money to the seller.
# A Terminal checkout is read as the payment's state (TERMINAL_CHECKOUT_VARIANTS).
PAYMENT_DOCUMENT_TYPES = frozenset({"payment", "refund", "dispute"})

# data.type of Square's webhook events about objects other than payments (v2webhook-events-tech-ref: bank_account.*,
# booking.*, card.*, customer.*, gift_card.* / gift_card.activity.*, invoice.*, location.*, loyalty.*, oauth.
# authorization.revoked "revocation", order.created / order.updated / order.fulfillment.updated, payout.*,
# subscription.*, team_member.*).
_EVENT_OBJECT_TYPES = frozenset({
    "bank_account", "booking", "card", "customer", "gift_card", "gift_card_activity", "invoice", "location",
    "loyalty_account", "loyalty_event", "loyalty_program", "revocation", "order_created", "order_updated",
    "order_fulfillment_updated", "payout", "subscription", "team_member",
})

# Error codes a failed payment carries (card_details.errors / errors), per ErrorCode.
ERROR_CODES = {
    # Card and payment-method declines (category PAYMENT_METHOD_ERROR).
    "GENERIC_DECLINE": "GENERIC_DECLINE",
    "CARD_DECLINED": "GENERIC_DECLINE",
    "CARD_DECLINED_CALL_ISSUER": "GENERIC_DECLINE",
    "VOICE_FAILURE": "GENERIC_DECLINE",  # issuer wants voice authorization
    "INSUFFICIENT_FUNDS": "INSUFFICIENT_FUNDS",
    "GIFT_CARD_AVAILABLE_AMOUNT": "INSUFFICIENT_FUNDS",
    "CARD_EXPIRED": "EXPIRED_CARD",
    "EXPIRATION_FAILURE": "EXPIRED_CARD",
    "INVALID_EXPIRATION": "INVALID_CARD_DATA",
    "INVALID_EXPIRATION_YEAR": "INVALID_CARD_DATA",
    "INVALID_EXPIRATION_DATE": "INVALID_CARD_DATA",
    "BAD_EXPIRATION": "INVALID_CARD_DATA",
    "CVV_FAILURE": "INCORRECT_CVC",
    "VERIFY_CVV_FAILURE": "INCORRECT_CVC",
    "ADDRESS_VERIFICATION_FAILURE": {"reason": "INVALID_CARD_DATA", "source": "CUSTOMER"},
    "VERIFY_AVS_FAILURE": {"reason": "INVALID_CARD_DATA", "source": "CUSTOMER"},
    "INVALID_POSTAL_CODE": "INVALID_CARD_DATA",
    "INVALID_ACCOUNT": "INVALID_CARD_DATA",
    "INVALID_CARD": "INVALID_CARD_DATA",
    "INVALID_CARD_DATA": "INVALID_CARD_DATA",
    "PAN_FAILURE": "INVALID_CARD_DATA",
    "INVALID_ENCRYPTED_CARD": "INVALID_CARD_DATA",
    "CARD_TOKEN_EXPIRED": "INVALID_REQUEST",
    "CARD_TOKEN_USED": "INVALID_REQUEST",
    "SOURCE_USED": "INVALID_REQUEST",
    "SOURCE_EXPIRED": "INVALID_REQUEST",
    "CARDHOLDER_INSUFFICIENT_PERMISSIONS": "TRANSACTION_NOT_PERMITTED",
    "CARD_NOT_SUPPORTED": "TRANSACTION_NOT_PERMITTED",
    "UNSUPPORTED_CARD_BRAND": {"reason": "TRANSACTION_NOT_PERMITTED", "source": _MERCHANT_CONFIG},
    "UNSUPPORTED_ENTRY_METHOD": {"reason": "TRANSACTION_NOT_PERMITTED", "source": _MERCHANT_CONFIG},
    "UNSUPPORTED_INSTRUMENT_TYPE": {"reason": "TRANSACTION_NOT_PERMITTED", "source": _MERCHANT_CONFIG},
    "MANUALLY_ENTERED_PAYMENT_NOT_SUPPORTED": "TRANSACTION_NOT_PERMITTED",
    "CURRENCY_MISMATCH": "TRANSACTION_NOT_PERMITTED",
    "ACCOUNT_UNUSABLE": "TRANSACTION_NOT_PERMITTED",
    "BUYER_REFUSED_PAYMENT": "REVOKED",  # bank account rejected or did not authorize the debit
    "TRANSACTION_LIMIT": "LIMIT_EXCEEDED",
    "AMOUNT_TOO_HIGH": "LIMIT_EXCEEDED",
    "PAYMENT_LIMIT_EXCEEDED": {"reason": "LIMIT_EXCEEDED", "source": "PSP_RISK"},  # Square's limit for the seller
    "INVALID_PIN": "AUTHENTICATION_FAILED",
    "ALLOWABLE_PIN_TRIES_EXCEEDED": {"reason": "AUTHENTICATION_FAILED", "decline_type": "HARD"},
    "CARD_DECLINED_VERIFICATION_REQUIRED": "AUTHENTICATION_REQUIRED",
    "CHIP_INSERTION_REQUIRED": "AUTHENTICATION_REQUIRED",
    "INSUFFICIENT_PERMISSIONS": "CONFIGURATION_ERROR",
    "INVALID_LOCATION": "CONFIGURATION_ERROR",
    "CARD_PROCESSING_NOT_ENABLED": "CONFIGURATION_ERROR",
    "INVALID_FEES": "INVALID_REQUEST",
    "IDEMPOTENCY_KEY_REUSED": "DUPLICATE",
    "DELAYED_TRANSACTION_EXPIRED": "INVALID_REQUEST",
    "DELAYED_TRANSACTION_CANCELED": "INVALID_REQUEST",
    "DELAYED_TRANSACTION_CAPTURED": "INVALID_REQUEST",
    "DELAYED_TRANSACTION_FAILED": "INVALID_REQUEST",
    "REFUND_DECLINED": "GENERIC_DECLINE",
    "RESERVATION_DECLINED": "GENERIC_DECLINE",
    # Authentication of the calling application (category AUTHENTICATION_ERROR).
    **dict.fromkeys(
        ["UNAUTHORIZED", "ACCESS_TOKEN_EXPIRED", "ACCESS_TOKEN_REVOKED", "CLIENT_DISABLED", "FORBIDDEN",
         "INSUFFICIENT_SCOPES", "APPLICATION_DISABLED", "V1_APPLICATION", "V1_ACCESS_TOKEN", "BAD_CERTIFICATE",
         "INVALID_SQUARE_VERSION_FORMAT", "API_VERSION_INCOMPATIBLE", "SANDBOX_NOT_SUPPORTED",
         "APPLE_PAYMENT_PROCESSING_CERTIFICATE_HASH_NOT_FOUND", "LOCATION_MISMATCH"],
        "CONFIGURATION_ERROR",
    ),
    # Malformed requests (category INVALID_REQUEST_ERROR).
    **dict.fromkeys(
        ["BAD_REQUEST", "MISSING_REQUIRED_PARAMETER", "INCORRECT_TYPE", "INVALID_TIME", "INVALID_TIME_RANGE",
         "INVALID_VALUE", "INVALID_CURSOR", "UNKNOWN_QUERY_PARAMETER", "CONFLICTING_PARAMETERS",
         "EXPECTED_JSON_BODY", "INVALID_SORT_ORDER", "VALUE_REGEX_MISMATCH", "VALUE_TOO_SHORT", "VALUE_TOO_LONG",
         "VALUE_TOO_LOW", "VALUE_TOO_HIGH", "VALUE_EMPTY", "ARRAY_LENGTH_TOO_LONG", "ARRAY_LENGTH_TOO_SHORT",
         "ARRAY_EMPTY", "EXPECTED_BOOLEAN", "EXPECTED_INTEGER", "EXPECTED_FLOAT", "EXPECTED_STRING",
         "EXPECTED_OBJECT", "EXPECTED_ARRAY", "EXPECTED_MAP", "EXPECTED_BASE64_ENCODED_BYTE_ARRAY",
         "INVALID_ARRAY_VALUE", "INVALID_ENUM_VALUE", "INVALID_CONTENT_TYPE", "INVALID_FORM_VALUE",
         "CUSTOMER_NOT_FOUND", "ONE_INSTRUMENT_EXPECTED", "NO_FIELDS_SET", "TOO_MANY_MAP_ENTRIES",
         "MAP_KEY_LENGTH_TOO_SHORT", "MAP_KEY_LENGTH_TOO_LONG", "UNEXPECTED_VALUE", "INVALID_EMAIL_ADDRESS",
         "INVALID_PHONE_NUMBER", "CHECKOUT_EXPIRED", "NOT_FOUND", "METHOD_NOT_ALLOWED", "NOT_ACCEPTABLE",
         "CONFLICT", "GONE", "REQUEST_ENTITY_TOO_LARGE", "UNSUPPORTED_MEDIA_TYPE", "UNPROCESSABLE_ENTITY",
         "REFUND_AMOUNT_INVALID", "REFUND_ALREADY_PENDING", "PAYMENT_NOT_REFUNDABLE",
         "UNSUPPORTED_LOYALTY_REWARD_TIER"],
        "INVALID_REQUEST",
    ),
    # Square-side failures (category API_ERROR, RATE_LIMIT_ERROR).
    **dict.fromkeys(["INTERNAL_SERVER_ERROR", "TEMPORARY_ERROR", "SERVICE_UNAVAILABLE", "BAD_GATEWAY",
                     "NOT_IMPLEMENTED", "RATE_LIMITED"], "PROCESSING_ERROR"),
    **dict.fromkeys(["GATEWAY_TIMEOUT", "REQUEST_TIMEOUT"], "TIMEOUT"),
}

# Error.category for responses that carry only `errors` (no payment object).
ERROR_CATEGORIES = {
    "PAYMENT_METHOD_ERROR": "DECLINED",
    "API_ERROR": "ERROR",
    "AUTHENTICATION_ERROR": "ERROR",
    "INVALID_REQUEST_ERROR": "ERROR",
    "RATE_LIMIT_ERROR": "ERROR",
    "REFUND_ERROR": "ERROR",
    "MERCHANT_SUBSCRIPTION_ERROR": "ERROR",
    "EXTERNAL_VENDOR_ERROR": "ERROR",
}

# Codes of category PAYMENT_METHOD_ERROR (ErrorCode reference and payments-api/error-codes: the buyer's
# payment method was declined). A trimmed error that keeps its code but not its category is still a decline.
PAYMENT_METHOD_ERROR_CODES = [
    "GENERIC_DECLINE", "CARD_DECLINED", "CARD_DECLINED_CALL_ISSUER", "VOICE_FAILURE", "INSUFFICIENT_FUNDS",
    "GIFT_CARD_AVAILABLE_AMOUNT", "CARD_EXPIRED", "EXPIRATION_FAILURE", "INVALID_EXPIRATION",
    "BAD_EXPIRATION", "CVV_FAILURE", "ADDRESS_VERIFICATION_FAILURE", "INVALID_POSTAL_CODE", "INVALID_ACCOUNT",
    "INVALID_CARD", "PAN_FAILURE", "CARDHOLDER_INSUFFICIENT_PERMISSIONS", "CARD_NOT_SUPPORTED",
    "ACCOUNT_UNUSABLE", "BUYER_REFUSED_PAYMENT", "TRANSACTION_LIMIT", "INVALID_PIN",
    "ALLOWABLE_PIN_TRIES_EXCEEDED", "CARD_DECLINED_VERIFICATION_REQUIRED", "CHIP_INSERTION_REQUIRED",
    "MANUALLY_ENTERED_PAYMENT_NOT_SUPPORTED",
]
# The ones no other gateway writes: they name Square without a hint.
_OWN_DECLINE_CODES = [
    "CARD_DECLINED_VERIFICATION_REQUIRED", "CARD_DECLINED_CALL_ISSUER", "GIFT_CARD_AVAILABLE_AMOUNT",
    "ALLOWABLE_PIN_TRIES_EXCEEDED", "CHIP_INSERTION_REQUIRED", "MANUALLY_ENTERED_PAYMENT_NOT_SUPPORTED",
    "CARDHOLDER_INSUFFICIENT_PERMISSIONS", "BUYER_REFUSED_PAYMENT", "ADDRESS_VERIFICATION_FAILURE",
]

PAYMENT_STATUSES = {
    "APPROVED": "APPROVED",  # authorized, delayed capture pending
    "COMPLETED": "APPROVED",
    "PENDING": "PENDING",
    "CANCELED": "CANCELLED",
    "FAILED": "DECLINED",
}
# PaymentRefund.status: PENDING awaiting approval, COMPLETED paid out, REJECTED by the seller or Square,
# FAILED (the refund could not be made).
REFUND_STATUSES = {"PENDING": "PENDING", "COMPLETED": "REFUNDED", "REJECTED": "DECLINED", "FAILED": "DECLINED"}

PAYMENT_METHODS = {
    "CARD": "CARD",
    "BANK_ACCOUNT": "DIRECT_DEBIT",  # ACH bank account debit
    "WALLET": "WALLET",  # Cash App Pay and other digital wallets
    "SQUARE_ACCOUNT": "WALLET",
    "BUY_NOW_PAY_LATER": "BNPL",  # Afterpay/Clearpay
    "CASH": "OTHER",
    "EXTERNAL": "OTHER",
}

_PAYMENT_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status"],
    "reason_code": ["card_details.errors.0.code", "^errors.0.code"],
    # Payment object reference (developer.squareup.com/reference/square/objects/Payment): amount_money is "the
    # amount processed for this payment, not including tip_money"; total_money "the total amount for the payment,
    # including amount_money, as well as tip_money". The payment's own amount is amount_money;
    # total_money is read only where amount_money is absent.
    "amount": ["amount_money.amount", "total_money.amount"],
    "currency": ["amount_money.currency", "total_money.currency"],
    "event_time": ["updated_at", "created_at"],
    "payment_method": ["source_type"],
    "card_brand": ["card_details.card.card_brand"],
    "customer_country": ["billing_address.country", "shipping_address.country"],
    "merchant_id": ["location_id"],
    # The Payment is the attempt; its order (order_id) is what the buyer pays, possibly over several payments.
    "attempt_id": ["id"],
    "payment_id": ["order_id"],
}
_PAYMENT_RULES = [
    # CancelPayment "cancels (voids) a payment" with the APPROVED status (and an uncompleted delayed
    # payment is canceled at delayed_until): the void of the authorization. card_details.status VOIDED.
    {"when": {"status": "CANCELED"}, "set": {"event_kind": "VOID"}},
    {"when": {"card_details.status": "VOIDED"}, "set": {"event_kind": "VOID", "status_category": "CANCELLED"}},
    # A FAILED payment whose error is Square's own, not the payment method's, is an error.
    {"when": {"status": "FAILED", "card_details.errors.0.category": ["API_ERROR", "RATE_LIMIT_ERROR"]},
     "set": {"status_category": "ERROR"}},
    {"when": {"status": "FAILED", "^errors.0.category": ["API_ERROR", "RATE_LIMIT_ERROR"]},
     "set": {"status_category": "ERROR"}},
    # Square froze the seller's payment as high risk.
    {"when": {"status": "FAILED", "risk_evaluation.risk_level": "HIGH", "card_details.errors": {"exists": False}},
     "set": {"failure_reason": "RISK_REJECTED", "failure_source": "PSP_RISK"}},
]
# A refund or dispute is its own transaction: its id first, the disputed/refunded payment's as a fallback.
_REFUND_FIELDS = {
    "provider_transaction_id": ["id", "payment_id"],
    "refund_id": ["id"],
    "attempt_id": ["payment_id"],  # the refunded Payment
    "payment_id": ["order_id"],
    "status": ["status"],
    "amount": ["amount_money.amount"],
    "currency": ["amount_money.currency"],
    "event_time": ["updated_at", "created_at"],
    "merchant_id": ["location_id"],
}
_DISPUTE_FIELDS = {
    "provider_transaction_id": ["id", "dispute_id", "disputed_payment.payment_id"],
    "dispute_id": ["id", "dispute_id"],
    "attempt_id": ["disputed_payment.payment_id"],
    "status": ["state"],
    "reason_code": ["reason"],
    "amount": ["amount_money.amount"],
    "currency": ["amount_money.currency"],
    "event_time": ["updated_at", "created_at"],
    "card_brand": ["card_brand"],
    "merchant_id": ["location_id"],
}


# A legacy Transaction's outcome is its first tender's card status; a cash tender was paid at the counter.
_TENDER_STATUSES = {"AUTHORIZED": "APPROVED", "CAPTURED": "APPROVED", "VOIDED": "CANCELLED", "FAILED": "DECLINED"}
_TRANSACTION_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["tenders.0.card_details.status"],
    "amount": ["tenders.0.amount_money.amount"],
    "currency": ["tenders.0.amount_money.currency"],
    "event_time": ["created_at"],
    "payment_method": ["tenders.0.type"],
    "card_brand": ["tenders.0.card_details.card.card_brand"],
    "merchant_id": ["location_id"],
    "attempt_id": ["id"],
    "payment_id": ["order_id"],
}
_TRANSACTION_RULES = [
    {"when": {"tenders.0.type": "CASH"}, "set": {"status_category": "APPROVED"}},
    # A voided tender is the void of its card authorization.
    {"when": {"tenders.0.card_details.status": "VOIDED"}, "set": {"event_kind": "VOID"}},
]


# A Terminal checkout (developer.squareup.com/reference/square/objects/TerminalCheckout) asks a Square Terminal
# to take a payment: status PENDING (created, not yet on the device), IN_PROGRESS (on the device),
# CANCEL_REQUESTED, CANCELED (cancel_reason BUYER_CANCELED / SELLER_CANCELED / TIMED_OUT: no payment) or COMPLETED
# (the buyer paid; payment_ids names the Payments, which have their own payment.* events). It is the payment's
# state on the device, never an attempt: a PAYMENT row, like a Checkout Session elsewhere. Its webhooks are
# terminal.checkout.created / terminal.checkout.updated (data.type "checkout.event", data.object.checkout);
# CreateTerminalCheckout / GetTerminalCheckout answer {"checkout": {...}}.
_TERMINAL_CHECKOUT_STATUSES = {
    "PENDING": "PENDING", "IN_PROGRESS": "PENDING", "CANCEL_REQUESTED": "PENDING",
    "CANCELED": "CANCELLED", "COMPLETED": "APPROVED",
}
# TerminalCheckout.payment_type (CheckoutOptionsPaymentType: CARD_PRESENT, the default, MANUAL_CARD_ENTRY,
# FELICA_ID / FELICA_QUICPAY / FELICA_TRANSPORTATION_GROUP / FELICA_ALL (Japanese IC cards), PAYPAY, QR_CODE).
_TERMINAL_PAYMENT_TYPES = {
    "CARD_PRESENT": "CARD", "MANUAL_CARD_ENTRY": "CARD",
    **dict.fromkeys(["FELICA_ID", "FELICA_QUICPAY", "FELICA_TRANSPORTATION_GROUP", "FELICA_ALL"], "OTHER"),
    "PAYPAY": "WALLET", "QR_CODE": "WALLET",
}
_TERMINAL_CHECKOUT = {
    "fields": {
        "provider_transaction_id": ["id"],
        "status": ["status"],
        "amount": ["amount_money.amount"],
        "currency": ["amount_money.currency"],
        "event_time": ["updated_at", "created_at"],
        "payment_method": ["payment_type"],
        "merchant_id": ["location_id"],
        # The checkout's Payment (payment_ids) is the attempt, whose own payment.* rows carry its id as attempt_id:
        # the checkout row joins that payment instead of counting as another one. Before any payment, the
        # checkout (or its order) is the payment.
        "attempt_id": ["payment_ids.0"],
        "payment_id": ["order_id", "id"],
    },
    "status_map": _TERMINAL_CHECKOUT_STATUSES,
    "payment_method_map": _TERMINAL_PAYMENT_TYPES,
    "default_payment_method": "CARD",  # payment_type defaults to CARD_PRESENT
    "event_kind": "PAYMENT",
}
TERMINAL_CHECKOUT_VARIANTS = [
    {"name": "event.terminal_checkout", "root": "data.object.checkout",
     "match": {"data.object.checkout.device_options": {"exists": True}}, **_TERMINAL_CHECKOUT},
    {"name": "terminal_checkout", "root": "checkout",
     "match": {"checkout.device_options": {"exists": True}, "checkout.amount_money": {"exists": True}},
     **_TERMINAL_CHECKOUT},
]


def _documents(root: str | None) -> list[dict]:
    """Payment, refund and dispute variants under ``root`` (a webhook's data.object or a response key)."""
    variants = []
    for kind, fields, extra in (
        ("payment", _PAYMENT_FIELDS, {"rules": _PAYMENT_RULES}),
        ("refund", _REFUND_FIELDS, {"status_map": REFUND_STATUSES, "event_kind": "REFUND"}),
        ("dispute", _DISPUTE_FIELDS, {"status": "CHARGEBACK", "default_payment_method": "CARD",
                                      "event_kind": "DISPUTE"}),
    ):
        path = f"{root}.{kind}" if root else kind
        variants.append({"name": f"{'event.' if root else ''}{kind}", "match": {path: {"exists": True}},
                         "root": path, "fields": fields, **extra})
    return variants


def _listed() -> list[dict]:
    """A list response holding one object: {payments|refunds|disputes|transactions: [...]}."""
    return [
        {"name": "list.payment", "match": {"payments.0.amount_money": {"exists": True}}, "root": "payments.0",
         "fields": _PAYMENT_FIELDS, "rules": _PAYMENT_RULES},
        {"name": "list.refund", "match": {"refunds.0.amount_money": {"exists": True}}, "root": "refunds.0",
         "fields": _REFUND_FIELDS, "status_map": REFUND_STATUSES, "event_kind": "REFUND"},
        {"name": "list.dispute", "match": {"disputes.0.amount_money": {"exists": True}}, "root": "disputes.0",
         "fields": _DISPUTE_FIELDS, "status": "CHARGEBACK", "default_payment_method": "CARD", "event_kind": "DISPUTE"},
        {"name": "transaction", "match": {"transaction.tenders": {"exists": True}}, "root": "transaction",
         "fields": _TRANSACTION_FIELDS, "status_map": _TENDER_STATUSES, "rules": _TRANSACTION_RULES},
        {"name": "list.transaction", "match": {"transactions.0.tenders": {"exists": True}}, "root": "transactions.0",
         "fields": _TRANSACTION_FIELDS, "status_map": _TENDER_STATUSES, "rules": _TRANSACTION_RULES},
    ]

# The Connect v1 Payment (V1Payment.md): a payment the merchant took, its money in V1Money {amount, currency_code}.
_V1_TENDER_TYPES = {"CREDIT_CARD": "CARD", "THIRD_PARTY_CARD": "CARD", "SQUARE_WALLET": "WALLET",
                    "SQUARE_GIFT_CARD": "OTHER", "CASH": "OTHER", "OTHER": "OTHER"}
_V1_PAYMENT_VARIANT = {
    "name": "v1_payment",
    "match": {"total_collected_money.currency_code": {"exists": True}, "tender": {"exists": True}},
    "fields": {
        "provider_transaction_id": ["id"],
        "status": [],
        "amount": ["total_collected_money.amount"],
        "currency": ["total_collected_money.currency_code"],
        "event_time": ["created_at"],
        "payment_method": ["tender.0.type"],
        "card_brand": ["tender.0.card_brand"],
        "merchant_id": ["merchant_id"],
        "attempt_id": ["id"],
    },
    "status": "APPROVED",
    "payment_method_map": _V1_TENDER_TYPES,
}
# Connect v1 webhook event types (see the module docstring).
_V1_WEBHOOK_TYPES = ("PAYMENT_UPDATED", "INVENTORY_UPDATED", "TIMECARD_UPDATED")


SPEC = {
    "provider": "square",
    "aliases": ["square", "squareup", "square_payments", "square_up"],
    "detect": [
        {"path": "payment.amount_money.currency", "exists": True, "weight": 0.5},
        {"path": "payment.location_id", "exists": True, "weight": 0.2},
        {"path": "payment.source_type", "exists": True, "weight": 0.2},
        {"path": "refund.payment_id", "exists": True, "weight": 0.4},
        {"path": "refund.amount_money", "exists": True, "weight": 0.3},
        {"path": "dispute.disputed_payment", "exists": True, "weight": 0.6},
        {"path": "dispute.amount_money", "exists": True, "weight": 0.2},
        {"path": "data.object.payment.amount_money", "exists": True, "weight": 0.7},
        {"path": "data.object.refund.amount_money", "exists": True, "weight": 0.7},
        {"path": "data.object.dispute.amount_money", "exists": True, "weight": 0.7},
        {"path": "event_id", "exists": True, "weight": 0.1},
        # Webhook events about any other object (developer.squareup.com/docs/webhooks/v2webhook-events-tech-ref:
        # {merchant_id, type, event_id, created_at, data: {type, id, object}}): the envelope with one of Square's
        # data.type names is Square's, and prepare() keeps it unprocessed as no payment.
        {"path": "data.type", "in": sorted(_EVENT_OBJECT_TYPES), "weight": 0.3},
        {"path": "merchant_id", "exists": True, "weight": 0.1},
        # Webhooks about other objects (refused by prepare()).
        {"path": "data.object.payout.amount_money", "exists": True, "weight": 0.7},
        {"path": "data.object.checkout.device_options", "exists": True, "weight": 0.7},
        {"path": "checkout.device_options.device_id", "exists": True, "weight": 0.5},
        {"path": "data.object.invoice.payment_requests", "exists": True, "weight": 0.7},
        {"path": "errors.0.category", "in": list(ERROR_CATEGORIES), "weight": 0.6},
        {"path": "errors.0.code", "in": _OWN_DECLINE_CODES, "weight": 0.5},
        # A bare Payment object, as a lake export may hold it.
        {"path": "amount_money.currency", "exists": True, "weight": 0.3},
        {"path": "card_details.status", "in": ["AUTHORIZED", "CAPTURED", "VOIDED", "FAILED"], "weight": 0.3},
        {"path": "source_type", "in": list(PAYMENT_METHODS), "weight": 0.2},
        # List responses and the legacy Transactions API.
        {"path": "payments.0.amount_money.currency", "exists": True, "weight": 0.6},
        {"path": "refunds.0.payment_id", "exists": True, "weight": 0.3},
        {"path": "refunds.0.amount_money.currency", "exists": True, "weight": 0.3},
        {"path": "disputes.0.disputed_payment", "exists": True, "weight": 0.6},
        {"path": "transaction.tenders.0.amount_money.currency", "exists": True, "weight": 0.7},
        {"path": "transactions.0.tenders.0.amount_money.currency", "exists": True, "weight": 0.7},
        # A bare PaymentRefund (developer.squareup.com/reference/square/objects/PaymentRefund: amount_money, the
        # refunded payment_id, processing_fee[]), as GetPaymentRefund's refund or an export keeps it.
        {"path": "payment_id", "exists": True, "weight": 0.2},
        {"path": "processing_fee.0.amount_money", "exists": True, "weight": 0.2},
        # A Connect v1 Payment (V1Payment.md): V1Money's currency_code, the dashboard's payment_url.
        {"path": "total_collected_money.currency_code", "exists": True, "weight": 0.3},
        {"path": "net_total_money.currency_code", "exists": True, "weight": 0.1},
        {"path": "payment_url", "prefix": "https://squareup.com/dashboard/sales/transactions/", "weight": 0.4},
        # A Connect v1 webhook and a Checkout API redirect return (refused by prepare()).
        {"path": "event_type", "in": list(_V1_WEBHOOK_TYPES), "weight": 0.3},
        {"path": "entity_id", "exists": True, "weight": 0.2},
        {"path": "checkoutId", "exists": True, "weight": 0.3},
        {"path": "transactionId", "exists": True, "weight": 0.1},
        {"path": "referenceId", "exists": True, "weight": 0.1},
        {"path": "orderId", "exists": True, "weight": 0.1},
        # A payment link (CreatePaymentLink response).
        {"path": "payment_link.url", "prefix": ["https://square.link/", "https://sandbox.square.link/"],
         "weight": 0.6},
        # A bare Dispute object.
        {"path": "disputed_payment.payment_id", "exists": True, "weight": 0.5},
        {"path": "brand_dispute_id", "exists": True, "weight": 0.2},
    ],
    "amount_unit": "minor",
    "status_map": PAYMENT_STATUSES,
    "reason_map": ERROR_CODES,
    "payment_method_map": PAYMENT_METHODS,
    "variants": [
        *_documents("data.object"),
        *TERMINAL_CHECKOUT_VARIANTS,
        *_documents(None),
        {
            # A bare Payment object (no response or event envelope).
            "name": "bare_payment",
            "match": {"amount_money.currency": {"exists": True}, "source_type": {"exists": True}},
            "fields": _PAYMENT_FIELDS,
            "rules": _PAYMENT_RULES,
        },
        {
            # A bare Payment from the Payments API's first versions, before source_type existed.
            "name": "bare_card_payment",
            "match": {"amount_money.currency": {"exists": True}, "card_details.status": {"exists": True}},
            "fields": _PAYMENT_FIELDS,
            "rules": _PAYMENT_RULES,
        },
        {
            # A bare PaymentRefund: the refunded payment_id beside its amount_money (no source_type, no card_details).
            "name": "bare_refund",
            "match": {"amount_money.currency": {"exists": True}, "payment_id": {"exists": True},
                      "status": list(REFUND_STATUSES)},
            "fields": _REFUND_FIELDS,
            "status_map": REFUND_STATUSES,
            "event_kind": "REFUND",
        },
        {
            "name": "bare_dispute",
            "match": {"disputed_payment": {"exists": True}, "state": {"exists": True}},
            "fields": _DISPUTE_FIELDS,
            "status": "CHARGEBACK",
            "event_kind": "DISPUTE",
            "default_payment_method": "CARD",
        },
        *_listed(),
        _V1_PAYMENT_VARIANT,
        {
            # Only `errors`, each with its code but no category: a PAYMENT_METHOD_ERROR code is a decline
            # of the authorization the call asked for.
            "name": "error_response.decline_code",
            "match": {"errors.0.category": {"exists": False}, "errors.0.code": PAYMENT_METHOD_ERROR_CODES},
            "fields": {"status": ["errors.0.code"], "reason_code": ["errors.0.code"]},
            "status": "DECLINED",
            "default_payment_method": "CARD",
        },
        {
            # A failed call that returned only `errors` (no payment was created).
            "name": "error_response",
            "match": {"errors.0.code": {"exists": True}},
            "fields": {"status": ["errors.0.category"], "reason_code": ["errors.0.code"]},
            "status_map": ERROR_CATEGORIES,
            # A PAYMENT_METHOD_ERROR with one of its documented codes is a decline of the card the call charged,
            # as the same code without its category is read (error_response.decline_code above).
            "rules": [{"when": {"errors.0.category": "PAYMENT_METHOD_ERROR",
                                "errors.0.code": PAYMENT_METHOD_ERROR_CODES},
                       "set": {"payment_method": "CARD"}}],
        },
    ],
}


def _refuse_returns_and_links(body: dict) -> None:
    """A v1 webhook or a Checkout redirect names a payment to fetch; a payment link is no payment (docstring)."""
    if body.get("event_type") in _V1_WEBHOOK_TYPES and "entity_id" in body and "data" not in body:
        if body["event_type"] == "PAYMENT_UPDATED":
            raise UnmappedPayload(NOTIFICATION_WITHOUT_OUTCOME,
                                  f"square: v1 PAYMENT_UPDATED names payment {body['entity_id']} to fetch")
        raise UnmappedPayload(NOT_A_PAYMENT_EVENT, f"square: v1 {body['event_type']} is not a payment")
    if "checkoutId" in body and ({"transactionId", "orderId"} & body.keys()) and "status" not in body:
        raise UnmappedPayload(NOTIFICATION_WITHOUT_OUTCOME,
                              f"square: a Checkout redirect naming checkout {body['checkoutId']}, not its outcome")
    link = body.get("payment_link")
    if isinstance(link, dict) and "url" in link and "payment" not in body:
        raise UnmappedPayload(NOT_A_PAYMENT_EVENT, "square: a payment link is a link to pay, not a payment")


def prepare(body: Any) -> Any:
    """Refuse a webhook event whose object is not a payment, refund or dispute (a payout, an invoice...).

    It stays unprocessed with ``NOT_A_PAYMENT_EVENT`` and a detail naming the event type,
    rather than reach the heuristic normalizer. Everything else passes unchanged.
    """
    if not isinstance(body, dict):
        return body
    _refuse_returns_and_links(body)
    if "event_id" not in body:
        return body
    data = body.get("data")
    kind = data.get("type") if isinstance(data, dict) else None
    document = data.get("object") if isinstance(data, dict) else None
    checkout = document.get("checkout") if isinstance(document, dict) else None
    if isinstance(checkout, dict) and "device_options" in checkout:
        return body  # a Terminal checkout: the payment's state on the device (TERMINAL_CHECKOUT_VARIANTS)
    if isinstance(kind, str) and kind.lower() not in PAYMENT_DOCUMENT_TYPES:
        raise UnmappedPayload(NOT_A_PAYMENT_EVENT,
                              f"square: {body.get('type') or kind} is a {kind} event, not a payment")
    return body
