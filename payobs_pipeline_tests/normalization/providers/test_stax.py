"""Stax mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import stax
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("stax")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(stax.SPEC, stax.prepare)
    assert set(stax.STATUSES.values()) <= set(StatusCategory.__members__)
    reasons = {entry["reason"] if isinstance(entry, dict) else entry for entry in stax.MESSAGES.values()}
    assert reasons <= set(FailureReason.__members__)


def test_a_void_or_refund_answer_is_read_as_its_newest_child():
    # The answer is the original charge; with a void after an earlier partial refund, the void is the news.
    document = _case("refund_answer_hinted")["payload"]
    refund = document["child_transactions"][0]
    void = {**copy.deepcopy(refund), "id": "0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5", "type": "void",
            "total": 30, "created_at": "2026-12-01 10:15:00"}
    document["child_transactions"] = [void, refund]  # listed out of order: the newest by created_at wins
    event = normalized_event(document)
    assert (event.status_category, event.event_kind, event.amount_minor) == (StatusCategory.CANCELLED, "VOID", 3000)
    assert event.attempt_id == "5e1c2b3a-4d5e-4f60-8a1b-2c3d4e5f6a70"


def test_a_charge_read_after_its_void_is_cancelled():
    document = _case("charge_approved")
    document.update(is_voided=True, is_voidable=False)
    assert normalized_event(document).status_category == StatusCategory.CANCELLED


def test_a_failed_void_is_an_error_of_the_void():
    document = _case("void_or_refund_answer_void")
    document["child_transactions"][0].update(success=False, message="An error occurred during processing.")
    event = normalized_event(document)
    assert (event.status_category, event.event_kind, event.failure_reason) == (
        StatusCategory.ERROR, "VOID", FailureReason.PROCESSING_ERROR)
