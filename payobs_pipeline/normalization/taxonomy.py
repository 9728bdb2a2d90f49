"""The canonical values of a normalized payment event (contract: docs/taxonomy.md).

These strings are stored in the warehouse and read by analysts; use the enum
members, never string literals, so a typo fails at import time.
"""

from __future__ import annotations

from enum import StrEnum


class StatusCategory(StrEnum):
    APPROVED = "APPROVED"
    DECLINED = "DECLINED"
    ERROR = "ERROR"
    UNKNOWN = "UNKNOWN"
    PENDING = "PENDING"
    CANCELLED = "CANCELLED"
    REFUNDED = "REFUNDED"
    CHARGEBACK = "CHARGEBACK"


# Authorization outcomes: the denominator of approval rates.
AUTHORIZATION_OUTCOMES = frozenset(
    {StatusCategory.APPROVED, StatusCategory.DECLINED, StatusCategory.ERROR, StatusCategory.UNKNOWN}
)
# Statuses that carry a failure reason.
FAILURE_STATUSES = frozenset({StatusCategory.DECLINED, StatusCategory.ERROR, StatusCategory.UNKNOWN})
# Later lifecycle events of a payment, not outcomes of an authorization.
LIFECYCLE_STATUSES = frozenset({StatusCategory.REFUNDED, StatusCategory.CHARGEBACK})


class EventKind(StrEnum):
    """What a lake row describes in a payment's lifecycle (docs/metrics.md).

    Only AUTHORIZATION events decide an attempt's outcome; the others confirm
    (CAPTURE), undo (VOID) or follow (REFUND, DISPUTE) an authorization and
    never rewrite it. PAYMENT is a state of the payment as a whole that names
    no attempt (a Checkout Session, a PaymentIntent with no charge yet, an order).
    """

    AUTHORIZATION = "AUTHORIZATION"
    CAPTURE = "CAPTURE"
    VOID = "VOID"
    REFUND = "REFUND"
    DISPUTE = "DISPUTE"
    PAYMENT = "PAYMENT"


# The kind a status implies when a mapping does not say (older specs, heuristics).
KIND_OF_STATUS = {
    StatusCategory.REFUNDED: EventKind.REFUND,
    StatusCategory.CHARGEBACK: EventKind.DISPUTE,
}


# The provider of a row nobody names (heuristics without a hint): the taxonomy's missing-dimension value.
UNKNOWN_PROVIDER = "UNKNOWN"


class FailureReason(StrEnum):
    INSUFFICIENT_FUNDS = "INSUFFICIENT_FUNDS"
    GENERIC_DECLINE = "GENERIC_DECLINE"
    EXPIRED_CARD = "EXPIRED_CARD"
    INVALID_CARD_DATA = "INVALID_CARD_DATA"
    INCORRECT_CVC = "INCORRECT_CVC"
    SUSPECTED_FRAUD = "SUSPECTED_FRAUD"
    LOST_OR_STOLEN_CARD = "LOST_OR_STOLEN_CARD"
    RESTRICTED_CARD = "RESTRICTED_CARD"
    LIMIT_EXCEEDED = "LIMIT_EXCEEDED"
    TRANSACTION_NOT_PERMITTED = "TRANSACTION_NOT_PERMITTED"
    AUTHENTICATION_REQUIRED = "AUTHENTICATION_REQUIRED"
    AUTHENTICATION_FAILED = "AUTHENTICATION_FAILED"
    REVOKED = "REVOKED"
    RISK_REJECTED = "RISK_REJECTED"
    ISSUER_UNAVAILABLE = "ISSUER_UNAVAILABLE"
    PROCESSING_ERROR = "PROCESSING_ERROR"
    TIMEOUT = "TIMEOUT"
    CONFIGURATION_ERROR = "CONFIGURATION_ERROR"
    INVALID_REQUEST = "INVALID_REQUEST"
    DUPLICATE = "DUPLICATE"
    UNKNOWN = "UNKNOWN"


class FailureSource(StrEnum):
    ISSUER = "ISSUER"
    PSP_RISK = "PSP_RISK"
    MERCHANT_RISK = "MERCHANT_RISK"
    MERCHANT_CONFIG = "MERCHANT_CONFIG"
    CUSTOMER = "CUSTOMER"
    TECHNICAL = "TECHNICAL"


class DeclineType(StrEnum):
    SOFT = "SOFT"
    HARD = "HARD"


class PaymentMethod(StrEnum):
    CARD = "CARD"
    WALLET = "WALLET"
    BANK_TRANSFER = "BANK_TRANSFER"
    PIX = "PIX"
    BOLETO = "BOLETO"
    CASH_VOUCHER = "CASH_VOUCHER"
    BNPL = "BNPL"
    DIRECT_DEBIT = "DIRECT_DEBIT"
    OTHER = "OTHER"


_R = FailureReason
_S = FailureSource
_SOFT, _HARD = DeclineType.SOFT, DeclineType.HARD

# Each reason's default source and decline type, used when the provider does
# not state them (docs/taxonomy.md: "follow the provider, otherwise the reason's default").
REASON_DEFAULTS: dict[FailureReason, tuple[FailureSource, DeclineType]] = {
    _R.INSUFFICIENT_FUNDS: (_S.ISSUER, _SOFT),
    _R.GENERIC_DECLINE: (_S.ISSUER, _SOFT),
    _R.EXPIRED_CARD: (_S.ISSUER, _HARD),
    _R.INVALID_CARD_DATA: (_S.CUSTOMER, _HARD),
    _R.INCORRECT_CVC: (_S.CUSTOMER, _SOFT),
    _R.SUSPECTED_FRAUD: (_S.ISSUER, _HARD),
    _R.LOST_OR_STOLEN_CARD: (_S.ISSUER, _HARD),
    _R.RESTRICTED_CARD: (_S.ISSUER, _HARD),
    _R.LIMIT_EXCEEDED: (_S.ISSUER, _SOFT),
    _R.TRANSACTION_NOT_PERMITTED: (_S.ISSUER, _HARD),
    _R.AUTHENTICATION_REQUIRED: (_S.CUSTOMER, _SOFT),
    _R.AUTHENTICATION_FAILED: (_S.CUSTOMER, _SOFT),
    _R.REVOKED: (_S.CUSTOMER, _HARD),
    _R.RISK_REJECTED: (_S.PSP_RISK, _HARD),
    _R.ISSUER_UNAVAILABLE: (_S.ISSUER, _SOFT),
    _R.PROCESSING_ERROR: (_S.TECHNICAL, _SOFT),
    _R.TIMEOUT: (_S.TECHNICAL, _SOFT),
    _R.CONFIGURATION_ERROR: (_S.MERCHANT_CONFIG, _HARD),
    _R.INVALID_REQUEST: (_S.MERCHANT_CONFIG, _HARD),
    _R.DUPLICATE: (_S.MERCHANT_CONFIG, _HARD),
    _R.UNKNOWN: (_S.ISSUER, _SOFT),
}
