"""PayU Europe order notifications kept as the order's status only."""

from __future__ import annotations

from payobs_pipeline_tests.normalization.corpus_checks import normalized_event


def test_a_minimal_order_notification_is_payus():
    completed = normalized_event({"order": {"status": "COMPLETED"}})
    assert (completed.provider, str(completed.status_category)) == ("payu", "APPROVED")
    canceled = normalized_event({"order": {"status": "CANCELED"}})
    assert (canceled.provider, str(canceled.status_category)) == ("payu", "CANCELLED")
