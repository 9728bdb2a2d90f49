"""The canonical values the generator writes its truth in (docs/taxonomy.md, docs/metrics.md).

Spelled out here from the documentation rather than imported from the normalization core: the generator's
truth is what the core is checked against, so it never reads the core's definitions.
payobs_pipeline_tests/synthetic/test_vocabulary.py checks that both still spell the same values.
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


class EventKind:
    """What a row is in its payment's lifecycle (docs/metrics.md), as plain strings.

    Only AUTHORIZATION rows decide an attempt's outcome; CAPTURE confirms, VOID undoes, REFUND and
    DISPUTE follow an authorization; PAYMENT is a state of the payment as a whole that names no attempt.
    """

    AUTHORIZATION = "AUTHORIZATION"
    CAPTURE = "CAPTURE"
    VOID = "VOID"
    REFUND = "REFUND"
    DISPUTE = "DISPUTE"
    PAYMENT = "PAYMENT"


# The provider of a row nobody names: the taxonomy's missing-dimension value.
UNKNOWN_PROVIDER = "UNKNOWN"

# Reasons whose failure_source is CUSTOMER (wrong CVC, wrong card data, failed or abandoned authentication,
# a revoked authorization): provider health does not count them against the provider (docs/taxonomy.md,
# "failure_source").
CUSTOMER_CAUSED_REASONS = frozenset({
    FailureReason.INVALID_CARD_DATA, FailureReason.INCORRECT_CVC, FailureReason.AUTHENTICATION_REQUIRED,
    FailureReason.AUTHENTICATION_FAILED, FailureReason.REVOKED,
})
