"""Maya (PayMaya) mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import maya
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("maya")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(maya.SPEC)
    assert set(maya.STATUSES.values()) <= set(StatusCategory.__members__)
    reasons = {r if isinstance(r, str) else r["reason"] for r in maya.REASONS.values()}
    assert reasons <= set(FailureReason.__members__)


def test_an_error_body_naming_a_card_decline_is_a_decline_and_any_other_an_error():
    expired = normalized_event({"provider": "maya", "payload": {"code": "PY0121", "message": "Card is expired"}})
    forbidden = normalized_event({"provider": "maya", "payload": {"code": "PY0019", "message": "Forbidden"}})
    assert (expired.status_category, expired.failure_reason) == (StatusCategory.DECLINED, FailureReason.EXPIRED_CARD)
    assert (forbidden.status_category, forbidden.failure_reason) == (
        StatusCategory.ERROR, FailureReason.CONFIGURATION_ERROR)


def test_a_captured_payment_is_the_capture_of_its_attempt():
    document = _case("payment_authorized_hinted")
    document["payload"]["status"] = "CAPTURED"
    event = normalized_event(document)
    assert (event.status_category, str(event.event_kind), event.attempt_id) == (
        StatusCategory.APPROVED, "CAPTURE", "6e5f3071-2c96-4083-f1b0-703d4c2e1fa6")
