"""PayHere mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy
from urllib.parse import parse_qsl, urlencode

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import payhere
from payobs_pipeline.normalization.taxonomy import EventKind, FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

# What test_provider_contract.py expects of this provider where it differs from every provider's default.
CONTRACT = {
    # PayHere's failed status (-2) names no reason (status_message is free text): its declines have one failure
    # reason, UNKNOWN.
    "decline_reasons": 1,
}

CASES = provider_cases("payhere")


def _notify(name: str) -> dict:
    return dict(parse_qsl(next(c["data"] for c in CASES if c["name"] == name), keep_blank_values=True))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(payhere.SPEC)
    statuses = {*payhere.STATUSES.values(), *payhere.RETRIEVAL_STATUSES.values(), *payhere.REFUND_STATUSES.values(),
                *payhere.API_FAILURE_STATUSES.values()}
    assert statuses <= set(StatusCategory.__members__)
    reasons = {r if isinstance(r, str) else r["reason"] for r in payhere.REASONS.values()}
    assert reasons <= set(FailureReason.__members__)


def test_a_refund_api_failure_is_not_read_as_a_cancelled_payment():
    # -1 is "canceled" in a payment notification but "refund failed" in the Refund API's answer.
    event = normalized_event({"provider": "payhere", "payload": {"status": -1, "msg": "Refund failed", "data": None}})
    assert (event.status_category, event.failure_reason) == (StatusCategory.ERROR, FailureReason.UNKNOWN)


def test_an_installment_notification_keeps_the_order_as_the_payment():
    notification = _notify("recurring_installment_failed")
    notification["status_code"] = "2"
    event = normalized_event(urlencode(notification))
    assert (event.status_category, event.attempt_id, event.payment_id) == (
        StatusCategory.APPROVED, "320025023480", "SUB-0042")


def test_a_released_hold_is_a_void_not_a_refund():
    answer = next(c["data"] for c in CASES if c["name"] == "authorization_refund_processed")
    event = normalized_event(copy.deepcopy(answer))
    assert (event.event_kind, event.status_category) == (EventKind.VOID, StatusCategory.CANCELLED)
