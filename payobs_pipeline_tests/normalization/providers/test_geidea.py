"""Geidea mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import geidea
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("geidea")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(geidea.SPEC)
    assert {*geidea.DETAILED_STATUSES.values(), *geidea.ORDER_STATUSES.values()} <= set(StatusCategory.__members__)
    assert set(geidea.REASONS.values()) <= set(FailureReason.__members__)


def test_the_last_transaction_codes_are_the_raw_reason():
    event = normalized_event(_case("callback_pay_failed"))
    assert (event.raw_reason_code, event.failure_reason) == ("210.051", "UNKNOWN")


@pytest.mark.parametrize(("detailed", "reason"), [("009", "AUTHENTICATION_FAILED"), ("024", "INSUFFICIENT_FUNDS"),
                                                  ("005", "CONFIGURATION_ERROR")])
def test_a_bnpl_code_is_read_in_its_group(detailed, reason):
    document = _case("error_answer_bnpl_otp")
    document["detailedResponseCode"] = detailed
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == ("ERROR", reason, f"720.{detailed}")
