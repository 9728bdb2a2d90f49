"""Ozow mapping: pinned behaviour (the checks every provider
passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import ozow
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

# What test_provider_contract.py expects of this provider where it differs from every provider's default.
CONTRACT = {
    # Statuses its specs map to that corpus/ozow.json has no case of yet.
    "uncovered_statuses": {
        "DECLINED": "status error, status failed",
    },
    # Distinct failure reasons among its DECLINED cases: its corpus has no declined case yet.
    "decline_reasons": 0,
}

CASES = provider_cases("ozow")


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(ozow.SPEC)
    assert {*ozow.STATUSES.values(), *ozow.REFUND_STATUSES.values()} <= set(StatusCategory.__members__)
    for code, entry in ozow.REASONS.items():
        reason = entry if isinstance(entry, str) else entry["reason"]
        assert reason in FailureReason.__members__, code


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_a_refund_notification_names_the_refunded_transaction():
    event = normalized_event(_case("refund_notification_complete"))
    assert (event.refund_id, event.attempt_id, event.event_kind) == (
        "r-77c1d2e3", "1d3b1f0e-7a4c-4e0c-9a8e-5b6c7d8e9f01", "REFUND")


def test_the_merchants_reference_ties_retries_to_one_payment():
    first, retry = _case("notification_cancelled"), _case("notification_complete")
    retry["TransactionId"] = "another-attempt"
    assert normalized_event(first).payment_id == normalized_event(retry).payment_id == "INV-5001"
