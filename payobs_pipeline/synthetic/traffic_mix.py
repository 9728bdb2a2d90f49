"""What the lake holds, by share: providers, outcomes, reasons, and how lake writers store payloads.

The shares are documented and tested with tolerances (payobs_pipeline_tests/synthetic). Providers without a
code for a reason renormalize over the reasons they have (``restricted_picker``).
"""

from __future__ import annotations

import json
import random

from payobs_pipeline.synthetic.randomness import choice, weighted_picker
from payobs_pipeline.synthetic.vocabulary import FailureReason, StatusCategory


# Share of all rows per provider; with UNKNOWN_PROVIDER_SHARE and the
# malformed share they sum to 1.
PROVIDER_SHARES: dict[str, float] = {
    "stripe": 0.25,
    "adyen": 0.15,
    "mercadopago": 0.12,
    "paypal": 0.08,
    "braintree": 0.05,
    "checkout": 0.05,
    "worldpay": 0.04,
    "razorpay": 0.04,
    "mollie": 0.03,
    "dlocal": 0.03,
    "payu": 0.03,
    "ebanx": 0.03,
    "square": 0.03,
    "authorizenet": 0.02,
}

UNKNOWN_PROVIDER_SHARE = 0.03

# Rows malformed on purpose, by the reason the pipeline should report (2 % total).
MALFORMED_SHARES: dict[str, float] = {
    "MALFORMED_JSON": 0.004,
    "MALFORMED_XML": 0.003,
    "XML_FORBIDDEN_CONSTRUCT": 0.002,
    "EMPTY_PAYLOAD": 0.004,
    "CSV_MULTIPLE_RECORDS": 0.002,
    "UNKNOWN_CURRENCY": 0.0025,
    "INVALID_AMOUNT": 0.0025,
}

MALFORMED_SHARE = sum(MALFORMED_SHARES.values())

# Outcome of a well-formed row (before the pending rows that second rows add):
# about 87 % approval over authorization attempts.
STATUS_SHARES: dict[StatusCategory, float] = {
    StatusCategory.APPROVED: 0.830,
    StatusCategory.DECLINED: 0.105,
    StatusCategory.ERROR: 0.007,
    StatusCategory.UNKNOWN: 0.003,
    StatusCategory.PENDING: 0.025,
    StatusCategory.CANCELLED: 0.010,
    StatusCategory.REFUNDED: 0.015,
    StatusCategory.CHARGEBACK: 0.005,
}

# Decline reasons: insufficient funds and generic declines dominate, as in
# every public decline report. Providers without a code for a reason
# renormalize over the reasons they have.
DECLINE_REASON_SHARES: dict[FailureReason, float] = {
    FailureReason.INSUFFICIENT_FUNDS: 0.33,
    FailureReason.GENERIC_DECLINE: 0.28,
    FailureReason.EXPIRED_CARD: 0.05,
    FailureReason.INVALID_CARD_DATA: 0.05,
    FailureReason.INCORRECT_CVC: 0.05,
    FailureReason.SUSPECTED_FRAUD: 0.04,
    FailureReason.RISK_REJECTED: 0.04,
    FailureReason.AUTHENTICATION_REQUIRED: 0.03,
    FailureReason.LIMIT_EXCEEDED: 0.03,
    FailureReason.LOST_OR_STOLEN_CARD: 0.02,
    FailureReason.RESTRICTED_CARD: 0.02,
    FailureReason.TRANSACTION_NOT_PERMITTED: 0.02,
    FailureReason.AUTHENTICATION_FAILED: 0.02,
    FailureReason.ISSUER_UNAVAILABLE: 0.01,
    FailureReason.TIMEOUT: 0.005,
    FailureReason.DUPLICATE: 0.005,
    FailureReason.REVOKED: 0.005,
    FailureReason.PROCESSING_ERROR: 0.005,
    FailureReason.CONFIGURATION_ERROR: 0.003,
    FailureReason.INVALID_REQUEST: 0.002,
    FailureReason.UNKNOWN: 0.01,
}

ERROR_REASON_SHARES: dict[FailureReason, float] = {
    FailureReason.PROCESSING_ERROR: 0.6,
    FailureReason.TIMEOUT: 0.15,
    FailureReason.ISSUER_UNAVAILABLE: 0.15,
    FailureReason.CONFIGURATION_ERROR: 0.1,
}

UNKNOWN_REASON_SHARES: dict[FailureReason, float] = {FailureReason.TIMEOUT: 0.8, FailureReason.UNKNOWN: 0.2}

HINT_SHARE = 0.62  # of rows whose data is an object (string rows cannot carry one): ~60 % overall

HINT_KEYS: dict[str, float] = {"provider": 0.5, "psp": 0.2, "p_id": 0.15, "gateway": 0.15}

SECOND_ROW_SHARE = 0.03  # rows that are the later state of a payment seen earlier in the window

PII_SHARE = 0.01  # rows carrying a full test card number (and sometimes a CVC)

JSON_STRING_SHARE = 0.03  # JSON payloads stored double-encoded as a JSON string

NO_MERCHANT_SHARE = 0.02

NO_TRANSACTIONAL_ID_SHARE = 0.04

HINT_VALUES: dict[str, tuple[str, ...]] = {
    "stripe": ("stripe", "Stripe", "STRIPE"),
    "adyen": ("adyen", "Adyen", "ADYEN"),
    "mercadopago": ("mercadopago", "mercado_pago", "MercadoPago", "mercado pago"),
    "paypal": ("paypal", "PayPal"),
    "braintree": ("braintree", "Braintree"),
    "checkout": ("checkout", "checkout.com", "Checkout.com", "cko"),
    "worldpay": ("worldpay", "Worldpay", "WORLDPAY"),
    "razorpay": ("razorpay", "Razorpay"),
    "mollie": ("mollie", "Mollie"),
    "dlocal": ("dlocal", "dLocal", "d_local"),
    "payu": ("payu", "PayU", "payu_latam"),
    "ebanx": ("ebanx", "EBANX"),
    "square": ("square", "Square", "squareup"),
    "authorizenet": ("authorizenet", "authorize.net", "Authorize.Net", "authnet"),
    "culqi": ("culqi", "Culqi"),
    # PSPs nobody wrote a mapping for: the hint names them, the truth says "unknown".
    "unknown": ("pagosya", "LocalPay", "acquirer_x", "paynow_mx"),
}

PROVIDER_PICK = weighted_picker(PROVIDER_SHARES)

HINT_KEY_PICK = weighted_picker(HINT_KEYS)


def store_as_lake_writers_do(rng: random.Random, data: object, provider: str, string_ok: bool) -> object:
    """Add a provider hint or store the payload as a JSON string, as lake writers do."""
    if type(data) is not dict:
        return data
    if string_ok and "content" not in data and rng.random() < JSON_STRING_SHARE:
        return json.dumps(data)
    if rng.random() < HINT_SHARE:
        data[HINT_KEY_PICK(rng)] = choice(rng, HINT_VALUES[provider])
    return data
