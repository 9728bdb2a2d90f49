"""Clip mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import clip
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("clip")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_is_canonical():
    CompiledMapping(clip.SPEC)
    assert set(clip.STATUSES.values()) <= set(StatusCategory.__members__)


def test_the_payment_id_is_the_attempt_and_external_reference_the_payment():
    event = normalized_event(_case("approved_paid_external_reference"))
    assert (event.attempt_id, event.payment_id, event.amount_minor) == (
        "a81c2f-11d0-4b7e-9c2a-7f1e3b9d20", "ORD-5001", 25050)


def test_every_rejection_code_has_a_canonical_reason():
    document = _case("rejected_insufficient_funds")
    for code, reason in clip.REASONS.items():
        document["status_detail"]["code"] = code
        event = normalized_event(document)
        assert (event.status_category, event.failure_reason) == ("DECLINED", reason)


def test_a_webhook_with_a_status_is_not_taken_for_the_bare_notification():
    document = _case("approved_paid")
    document.update({"origin": "payments-api", "event_type": "UPDATE"})
    assert normalized_event(document).status_category == "APPROVED"
