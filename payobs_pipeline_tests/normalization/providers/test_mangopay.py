"""Mangopay mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import mangopay
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("mangopay")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(mangopay.SPEC)
    statuses = {*mangopay.STATUSES.values(), *mangopay.PAYIN_HOOKS.values(), *mangopay.REFUND_HOOKS.values()}
    assert statuses <= set(StatusCategory.__members__)
    assert {*mangopay.REASONS.values(), *mangopay.ERROR_TYPES.values()} <= set(FailureReason.__members__)


@pytest.mark.parametrize(("code", "reason"), [("008002", "LOST_OR_STOLEN_CARD"), ("008006", "SUSPECTED_FRAUD"),
                                              ("105204", "INCORRECT_CVC"), ("101399", "AUTHENTICATION_FAILED"),
                                              ("001999", "PROCESSING_ERROR")])
def test_the_result_code_names_the_reason_of_a_failed_payin(code, reason):
    document = _case("payin_failed_do_not_honor")
    document["ResultCode"] = code
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == ("DECLINED", reason, code)


def test_a_refund_names_the_payin_it_refunds():
    event = normalized_event(_case("payin_refund_succeeded"))
    assert (event.event_kind, event.refund_id, event.attempt_id) == ("REFUND", "158600001", "158514470")


def test_a_hook_states_the_outcome_of_the_resource_it_names():
    event = normalized_event(_case("hook_payin_succeeded"))
    assert (event.status_category, event.attempt_id, event.amount_minor) == ("APPROVED", "1309853", None)
