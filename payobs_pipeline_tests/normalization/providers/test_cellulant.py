"""Cellulant Tingg mapping: pinned behaviour (the checks every provider
passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import cellulant
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("cellulant")

def _case(name: str) -> dict:
    data = next(c["data"] for c in CASES if c["name"] == name)
    return copy.deepcopy(data["payload"] if "provider" in data else data)


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(cellulant.SPEC)
    statuses = {*cellulant.STATUSES.values(), *cellulant.REFUND_STATUSES.values()}
    assert statuses <= set(StatusCategory.__members__)
    assert {*cellulant.REASONS.values(), *cellulant.ANSWER_ERRORS.values()} <= set(FailureReason.__members__)


def test_an_invalid_request_code_is_an_error():
    document = _case("webhook_fully_paid")
    document["request_status_code"] = 422
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason) == ("ERROR", "INVALID_REQUEST")


def test_a_refund_code_makes_a_refund_of_the_merchants_request():
    event = normalized_event(_case("webhook_full_refund_processed"))
    assert (event.event_kind, event.status_category, event.payment_id, event.attempt_id, event.refund_id) == (
        "REFUND", "REFUNDED", "MX-2026-05-24-0001", "99887766", None)
