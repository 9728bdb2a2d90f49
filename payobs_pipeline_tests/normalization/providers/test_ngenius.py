"""N-Genius (Network International) mapping: pinned behaviour (the checks every provider
passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import ngenius
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("ngenius")


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(ngenius.SPEC)
    statuses = {*ngenius.STATES.values(), *(status for status, _ in ngenius.EVENTS.values())}
    assert statuses <= set(StatusCategory.__members__)
    assert set(ngenius.HTTP_CODES.values()) <= set(FailureReason.__members__)


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_a_refund_event_names_the_payment_it_refunds_and_the_order():
    event = normalized_event(_case("webhook_refunded"))
    assert (event.event_kind, event.attempt_id, event.payment_id) == (
        "REFUND", "ab12cd34-5678-4ef0-9abc-def012345678", "76fb7a1e-6c9d-4c3b-9c2a-1b0f6c5e2d11")


def test_the_webhook_event_name_decides_over_the_payment_state():
    body = _case("webhook_captured")
    body["eventName"] = "CAPTURE_FAILED"
    event = normalized_event(body)
    assert (event.status_category, event.event_kind) == ("DECLINED", "CAPTURE")
