"""placetopay mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import placetopay
from payobs_pipeline.normalization.taxonomy import PaymentMethod, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("placetopay")


def _case(name: str):
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(placetopay.SPEC)
    assert set(placetopay.STATUSES.values()) <= set(StatusCategory.__members__)
    assert set(placetopay.PAYMENT_METHODS.values()) <= set(PaymentMethod.__members__)


def test_the_transaction_status_decides_over_the_session_status():
    # The session is still PENDING while its transaction is already refused: the attempt is what was refused.
    document = _case("query_rejected_51")
    document["status"] = {"status": "PENDING", "reason": "PT", "message": "Pendiente", "date": "2025-07-01T10:21:33-05:00"}
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason, event.payment_id) == ("DECLINED", "INSUFFICIENT_FUNDS", "372")


def test_a_rejected_session_with_a_processor_code_is_a_decline_not_a_cancellation():
    document = _case("query_session_cancelled_by_buyer")
    document["status"]["reason"] = "05"
    assert normalized_event(document).status_category == "DECLINED"
