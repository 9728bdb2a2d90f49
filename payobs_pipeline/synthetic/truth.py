"""The generator's ground truth of a row (``ExpectedEvent``) and the lake row itself (``LakeRow``).

Inside the generator the truth travels as a plain tuple of the ``ExpectedEvent`` fields (building the
dataclass costs about 1 µs a row, which the bulk loader never needs): ``TRUTH_FIELDS`` names the first
nine, the lifecycle serials (attempt, payment, refund, dispute) are appended by the row assembly.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from payobs_pipeline.synthetic.vocabulary import EventKind, FailureReason, StatusCategory


@dataclass(frozen=True, slots=True)
class ExpectedEvent:
    """What a correct normalizer must produce for one lake row (docs/taxonomy.md values)."""

    provider: str
    status_category: str | None
    failure_reason: str | None
    amount_minor: int | None
    currency: str | None
    payment_method: str | None
    provider_transaction_id: str | None
    malformed_reason: str | None
    # What the row is in its payment's lifecycle (a vocabulary.EventKind value; None for malformed rows), and
    # the generator's own serials of the attempt, payment, refund and dispute it belongs to. Serials are
    # the generator's knowledge, not ids found in the payload: rows with the same serial are one object.
    event_kind: str | None = None
    attempt: str | None = None
    payment: str | None = None
    refund: str | None = None
    dispute: str | None = None


@dataclass(frozen=True, slots=True)
class LakeRow:
    """One ``raw_transactions`` row."""

    id: uuid.UUID
    data: object
    merchant: dict | None
    transactional_id: uuid.UUID | None
    created_at: datetime


# The renderers' truth tuple, field by field (the first nine fields of ExpectedEvent, in order).
TRUTH_FIELDS = ("provider", "status", "reason", "amount", "currency", "method", "txn", "malformed", "kind")

# A refund's truth by the refund's own state: a failed refund is a declined refund, not a refund.
REFUND_STATUS_TRUTH = {"succeeded": StatusCategory.REFUNDED, "pending": StatusCategory.PENDING,
                       "failed": StatusCategory.DECLINED}


def with_changes(truth: tuple, **changes) -> tuple:
    """The truth tuple with some fields replaced, by their ``TRUTH_FIELDS`` names."""
    values = list(truth)
    for k, v in changes.items():
        values[TRUTH_FIELDS.index(k)] = v
    return tuple(values)


def refund_truth(truth: tuple, rid: str, amount: int, status: str) -> tuple:
    """The truth of a refund row: refund ``rid`` of ``amount`` in state ``status`` (succeeded, pending, failed)."""
    st = REFUND_STATUS_TRUTH[status]
    return with_changes(truth, status=st, reason=FailureReason.UNKNOWN if st is StatusCategory.DECLINED else None,
                        amount=amount, txn=rid, kind=EventKind.REFUND)
