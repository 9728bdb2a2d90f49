"""KakaoPay mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import kakaopay
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("kakaopay")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(kakaopay.SPEC)
    assert set(kakaopay.ORDER_STATUSES.values()) <= set(StatusCategory.__members__)
    assert set(kakaopay.REASONS.values()) <= set(FailureReason.__members__)


@pytest.mark.parametrize("status", kakaopay.PENDING_STATUSES)
def test_the_in_progress_states_are_pending(status):
    document = _case("order_open_payment")
    document["status"] = status
    assert normalized_event(document).status_category == "PENDING"


def test_a_cancel_is_a_refund_named_by_its_request_on_the_payment_it_refunds():
    event = normalized_event(_case("cancel_answer_partial"))
    assert (event.event_kind, event.amount_minor, event.refund_id, event.attempt_id, event.payment_id) == (
        "REFUND", 1100, "A9876543210987654321", "T1234567890123456789", "partner_order_id")


def test_an_error_code_no_stored_table_explains_is_never_guessed():
    event = normalized_event(_case("error_approval_failure"))
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == ("ERROR", "UNKNOWN", "USER_LOCKED")
