"""Wompi mapping: pinned behaviour (the checks every provider passes are in ../test_provider_contract.py)."""

from __future__ import annotations

from payobs_pipeline_tests.normalization.corpus_checks import NORMALIZER
from payobs_pipeline_tests.normalization.lifecycle_events import canonical_event, lifecycle_identity

# What test_provider_contract.py expects of this provider where it differs from every provider's default.
CONTRACT = {
    # Distinct failure reasons among its DECLINED cases: its documentation gives a single decline reason.
    "decline_reasons": 1,
}


# --- behaviour worth pinning ------------------------------------------------------------------------------


def test_a_retry_under_the_same_reference_is_the_same_payment():
    first = {"event": "transaction.updated", "signature": {"checksum": "x"}, "sent_at": "2024-01-01T00:00:00Z",
             "data": {"transaction": {"id": "1-1", "amount_in_cents": 100000, "currency": "COP", "reference": "R-1",
                                      "payment_method_type": "CARD", "status": "DECLINED"}}}
    second = {**first, "data": {"transaction": {**first["data"]["transaction"], "id": "1-2", "status": "APPROVED"}}}
    one, two = canonical_event(first, NORMALIZER), canonical_event(second, NORMALIZER)
    assert lifecycle_identity(one)[2:4] == ("1-1", "R-1")
    assert lifecycle_identity(two)[2:4] == ("1-2", "R-1")
