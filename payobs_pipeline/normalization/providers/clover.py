"""Clover Ecommerce API (Fiserv): the charge and refund objects of ``/v1/charges`` and ``/v1/refunds`` and the
API's error answers.

Sources (docs.clover.com; the Ecommerce API charge and refund schemas as harvested in api-evangelist/clover
json-schema/ecommerce-api-charge-schema.json and ecommerce-api-refund-schema.json):
- "Create a charge" / the Charge object: id, object "charge", amount and amount_refunded / amount_captured ("in
  cents"), currency (ISO 4217, lower case), created (Unix time in milliseconds), captured (false: an AUTH to
  capture later), paid, status ("succeeded", "pending", "failed"), failure_code / failure_message, auth_code,
  ref_num ("reference number returned from the payment gateway"), order (the order the charge pays),
  external_reference_id (the merchant's invoice or PO number), payment_method_details (card, ach, paypal,
  giftCard), ecomind (ecom, moto, retail), debt_payment, receipt_url, source {brand, last4, ...}, outcome,
  refunded ("True - Full refunded").
- The Refund object: id, charge (the charge refunded), amount, status.
- "HTTP Status and Error codes" (docs.clover.com/docs/appendix) and "Ecommerce API: Error codes"
  (docs.clover.com/dev/docs/ecommerce-error-codes): codes amount_too_large, card_declined ("declined by the
  payment gateway"), card_on_file_missing, charge_already_captured, charge_already_refunded, email_invalid,
  expired_card, incorrect_cvc, incorrect_number, invalid_card_type, invalid_charge_amount, invalid_request,
  invalid_tip_amount, invalid_tax_amount, missing, order_already_paid, processing_error, rate_limit,
  resource_missing, token_already_used; invalid_cvc, invalid_expiry_month, invalid_expiry_year, invalid_number.
- "Ecommerce API response codes and descriptions": a 400 answer names charge, code, decline_code ("a card issuer
  declined the transaction, including the reason if specified by the issuer"), doc_url, message, param and type
  (api_connection_error, api_error, authentication_error, card_error, idempotency_error, invalid_request_error,
  rate_limit_error).

Clover copied Stripe's object names ("object": "charge", an "error" with a Stripe error type): its charges are told
by their own members (ref_num, ecomind, debt_payment, external_reference_id, a clover.com receipt), never by
"object" alone. An error answer without a Clover doc_url has nothing of Clover's own: it needs the lake's hint.

Not found: the refund object's status values (read as the charge's: succeeded, pending, failed) and Clover's list
of decline_code values (read through the shared ISO 8583 table when the issuer's code is passed).

Lifecycle identity: the charge id is the attempt; its order is the payment; a refund's id is the refund and its
charge the attempt.
"""

from __future__ import annotations

_CUSTOMER = {"source": "CUSTOMER"}

ERROR_CODES = {
    "amount_too_large": "INVALID_REQUEST",
    "card_declined": "GENERIC_DECLINE",
    "card_on_file_missing": "INVALID_REQUEST",
    "charge_already_captured": "INVALID_REQUEST",
    "charge_already_refunded": "INVALID_REQUEST",
    "email_invalid": "INVALID_REQUEST",
    "expired_card": "EXPIRED_CARD",
    "incorrect_cvc": "INCORRECT_CVC",
    "invalid_cvc": "INCORRECT_CVC",
    "incorrect_number": {"reason": "INVALID_CARD_DATA", **_CUSTOMER},
    "invalid_number": {"reason": "INVALID_CARD_DATA", **_CUSTOMER},
    "invalid_expiry_month": {"reason": "INVALID_CARD_DATA", **_CUSTOMER},
    "invalid_expiry_year": {"reason": "INVALID_CARD_DATA", **_CUSTOMER},
    "invalid_card_type": "TRANSACTION_NOT_PERMITTED",  # the card brand is not supported
    "invalid_charge_amount": "INVALID_REQUEST",
    "invalid_request": "INVALID_REQUEST",
    "invalid_tip_amount": "INVALID_REQUEST",
    "invalid_tax_amount": "INVALID_REQUEST",
    "missing": "INVALID_REQUEST",
    "order_already_paid": "DUPLICATE",
    "processing_error": "PROCESSING_ERROR",
    "rate_limit": "PROCESSING_ERROR",
    "resource_missing": "INVALID_REQUEST",
    "token_already_used": "INVALID_REQUEST",
}

STATUSES = {"succeeded": "APPROVED", "pending": "PENDING", "failed": "DECLINED"}
REFUND_STATUSES = {"succeeded": "REFUNDED", "pending": "PENDING", "failed": "DECLINED"}
# An error answer's type: a card error is the card's refusal; every other type is no decision on the card.
ERROR_TYPES = {
    "card_error": "DECLINED",
    **dict.fromkeys(["api_connection_error", "api_error", "authentication_error", "idempotency_error",
                     "invalid_request_error", "rate_limit_error"], "ERROR"),
}

PAYMENT_METHODS = {"card": "CARD", "ach": "DIRECT_DEBIT", "paypal": "WALLET", "giftcard": "OTHER"}

CLOVER_URLS = ["https://www.clover.com/", "https://clover.com/", "https://sandbox.dev.clover.com/",
               "https://www.eu.clover.com/", "https://docs.clover.com/"]

SPEC = {
    "provider": "clover",
    "aliases": ["clover", "clover ecommerce", "clover_ecommerce", "clover ecomm", "clover payments",
                "fiserv clover", "clover.com"],
    "detect": [
        # Charge members no other provider names so.
        {"path": "ref_num", "exists": True, "weight": 0.3},
        {"path": "ecomind", "in": ["ecom", "moto", "retail"], "weight": 0.3},
        {"path": "debt_payment", "exists": True, "weight": 0.2},
        {"path": "external_reference_id", "exists": True, "weight": 0.1},
        {"path": "receipt_url", "prefix": CLOVER_URLS, "weight": 0.3},
        {"path": "payment_method_details", "in": ["card", "ach", "paypal", "giftCard"], "weight": 0.1},
        # An error answer pointing at Clover's documentation.
        {"path": "error.doc_url", "prefix": CLOVER_URLS, "weight": 0.7},
    ],
    "amount_unit": "minor",
    "reason_map": ERROR_CODES,
    "reason_fallback": "iso8583",
    "payment_method_map": PAYMENT_METHODS,
    "default_payment_method": "CARD",
    "status_map": STATUSES,
    "variants": [
        {
            "name": "refund",
            "match": {"object": "refund", "charge": {"exists": True}},
            "event_kind": "REFUND",
            "fields": {
                "provider_transaction_id": ["id"],
                "status": ["status"],
                "reason_code": ["failure_code", "reason"],
                "amount": ["amount"],
                "currency": ["currency"],
                "event_time": ["created"],
                "refund_id": ["id"],
                "attempt_id": ["charge"],
            },
            "status_map": REFUND_STATUSES,
        },
        {
            "name": "charge",
            "match": {"object": "charge"},
            "fields": {
                "provider_transaction_id": ["id"],
                "status": ["status"],
                "reason_code": ["failure_code", "failure_message"],
                "amount": ["amount"],
                "currency": ["currency"],
                "event_time": ["created"],
                "payment_method": ["payment_method_details"],
                "card_brand": ["source.brand"],
                "attempt_id": ["id"],
                "payment_id": ["order", "external_reference_id"],
                "customer_country": ["billing_details.address.country"],
            },
        },
        {
            "name": "error",
            "match": {"error.code": {"exists": True}},
            "fields": {
                "provider_transaction_id": ["error.charge"],
                "status": ["error.type"],
                "reason_code": ["error.decline_code", "error.code", "error.message"],
                "attempt_id": ["error.charge"],
            },
            "status_map": ERROR_TYPES,
            "default_currency": None,
        },
    ],
}
