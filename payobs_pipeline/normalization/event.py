"""The canonical payment event: what every payload becomes (docs/taxonomy.md), whichever way it was read."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from payobs_pipeline.normalization.taxonomy import (
    DeclineType,
    EventKind,
    FailureReason,
    FailureSource,
    PaymentMethod,
    StatusCategory,
)


@dataclass(slots=True)
class CanonicalEvent:
    """One payload as a canonical payment event (docs/taxonomy.md), with how it was obtained."""

    provider: str
    status_category: StatusCategory
    failure_reason: FailureReason | None
    failure_source: FailureSource | None
    decline_type: DeclineType | None
    raw_status: str | None
    raw_reason_code: str | None
    amount_minor: int | None
    currency: str | None
    event_time: datetime | None
    payment_method: PaymentMethod | None
    card_brand: str | None
    country: str | None
    provider_transaction_id: str | None
    merchant_id: str | None
    merchant_name: str | None
    variant: str
    normalization_method: str = "provider_mapping"
    confidence: float = 1.0
    event_kind: EventKind = EventKind.AUTHORIZATION
    attempt_id: str | None = None
    payment_id: str | None = None
    refund_id: str | None = None
    dispute_id: str | None = None
    card_country: str | None = None
    customer_country: str | None = None
    merchant_country: str | None = None
