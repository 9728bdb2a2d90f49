"""Billplz mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import billplz
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

# What test_provider_contract.py expects of this provider where it differs from every provider's default.
CONTRACT = {
    # A Billplz callback or redirect names no reason for a failed transaction: its declines have one reason, UNKNOWN.
    "decline_reasons": 1,
}

CASES = provider_cases("billplz")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(billplz.SPEC)
    assert {*billplz.STATUSES.values(), *billplz.REDIRECT_STATUSES.values()} <= set(StatusCategory.__members__)
    entries = (*billplz.REASONS.values(), *billplz.ERROR_REASONS.values())
    reasons = {r if isinstance(r, str) else r["reason"] for r in entries}
    assert reasons <= set(FailureReason.__members__)


def test_the_transaction_status_decides_over_the_bill_state():
    # A failed attempt on a bill that is still due is a decline of that attempt, not a bill awaiting payment.
    event = normalized_event(_case("callback_failed_form"))
    assert event.status_category == StatusCategory.DECLINED


def test_a_callback_ties_its_transaction_to_the_bill():
    event = normalized_event(_case("callback_completed"))
    assert (event.attempt_id, event.payment_id, event.event_time.isoformat()) == (
        "AC4GC031F42H", "W_79pJDk", "2024-03-09T08:23:59+00:00")


def test_an_overdue_bill_is_still_awaiting_payment():
    document = _case("get_bill_due")
    document["state"] = "overdue"
    assert normalized_event(document).status_category == StatusCategory.PENDING
