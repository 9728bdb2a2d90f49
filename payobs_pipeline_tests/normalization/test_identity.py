"""Lifecycle identity (pure): keys of an event and payment groups that do not depend on processing order."""

from payobs_pipeline.normalization.identity import lifecycle_keys
from payobs_pipeline.normalization.event import CanonicalEvent
from payobs_pipeline.normalization.taxonomy import EventKind, StatusCategory


def _event(kind=EventKind.AUTHORIZATION, attempt_id=None, payment_id=None, refund_id=None, dispute_id=None,
           provider="stripe") -> CanonicalEvent:
    return CanonicalEvent(
        provider=provider, status_category=StatusCategory.APPROVED, failure_reason=None, failure_source=None,
        decline_type=None, raw_status=None, raw_reason_code=None, amount_minor=None, currency=None,
        event_time=None, payment_method=None, card_brand=None, country=None, provider_transaction_id=None,
        merchant_id=None, merchant_name=None, variant="test", event_kind=kind, attempt_id=attempt_id,
        payment_id=payment_id, refund_id=refund_id, dispute_id=dispute_id,
    )


def test_keys_are_scoped_by_provider_and_kind():
    refund = lifecycle_keys(_event(EventKind.REFUND, attempt_id="ch_1", payment_id="pi_1", refund_id="re_1"), None)
    assert (refund.attempt_key, refund.refund_key, refund.dispute_key) == ("stripe:ch_1", "stripe:re_1", None)
    assert refund.nodes == ("a:stripe:ch_1", "p:stripe:pi_1")
    # The same id text at another provider is another object.
    other = lifecycle_keys(_event(attempt_id="ch_1", provider="adyen"), None)
    assert other.attempt_key == "adyen:ch_1" != refund.attempt_key
    # The lake's transactional_id is shared across providers (an orchestrator may retry elsewhere).
    linked = lifecycle_keys(_event(attempt_id="ch_1"), "6f1c3c1e-0000-4000-8000-000000000001")
    assert linked.nodes[-1] == "t:6f1c3c1e-0000-4000-8000-000000000001"


def test_an_event_about_nothing_has_no_payment_node():
    assert lifecycle_keys(_event(), None).payment_node is None
