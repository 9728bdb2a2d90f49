"""Shared by the provider tests: one lake row's canonical event, and its lifecycle identity."""

from payobs_pipeline.normalization.evaluation import normalize_lake_data
from payobs_pipeline.normalization.event import CanonicalEvent
from payobs_pipeline.normalization.normalize import Normalizer


def canonical_event(data, normalizer: Normalizer) -> CanonicalEvent:
    """The event a lake row's data normalizes to, as the pipeline reads it (masked, parsed); fails if none."""
    outcome = normalize_lake_data(data, None, normalizer)
    assert outcome.event is not None, outcome.unprocessed_reason
    return outcome.event


def lifecycle_identity(event: CanonicalEvent) -> tuple:
    """(kind, status, attempt_id, payment_id, refund_id, dispute_id) of an event."""
    return (str(event.event_kind), str(event.status_category), event.attempt_id, event.payment_id,
            event.refund_id, event.dispute_id)
