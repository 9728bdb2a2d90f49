"""NICEPAY mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import nicepay
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("nicepay")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(nicepay.SPEC)
    assert set(nicepay.STATUSES.values()) <= set(StatusCategory.__members__)
    assert set(nicepay.REASONS.values()) <= set(FailureReason.__members__)
    assert not set(nicepay.SUCCESS_CODES) & set(nicepay.REASONS)


@pytest.mark.parametrize(("code", "reason"), [("3021", "INVALID_CARD_DATA"), ("2159", "ISSUER_UNAVAILABLE"),
                                              ("A245", "TIMEOUT"), ("A001", "GENERIC_DECLINE"),
                                              ("3014", "CONFIGURATION_ERROR"), ("U311", "AUTHENTICATION_FAILED")])
def test_the_result_code_of_a_failed_payment_names_the_reason(code, reason):
    document = _case("approval_failed_card_number")
    document["resultCode"] = code
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == ("DECLINED", reason, code)


def test_a_cancel_is_the_refund_its_cancelled_tid_names():
    event = normalized_event(_case("cancel_partial"))
    assert (event.event_kind, event.amount_minor, event.refund_id, event.attempt_id) == (
        "REFUND", 500, "nicuntct1m0101210727201000A077", "nicuntct1m0101210727200708A058")
