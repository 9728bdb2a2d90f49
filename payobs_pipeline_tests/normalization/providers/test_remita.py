"""Remita mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import remita
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("remita")


def _case(name: str) -> dict:
    data = next(c["data"] for c in CASES if c["name"] == name)
    return copy.deepcopy(data["payload"] if "payload" in data else data)


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(remita.SPEC)
    assert set(remita.STATUSES.values()) <= set(StatusCategory.__members__)
    assert set(remita.REASONS.values()) <= set(FailureReason.__members__)


@pytest.mark.parametrize(("code", "status", "reason"), [("031", "DECLINED", "INVALID_CARD_DATA"),
                                                        ("013", "ERROR", "CONFIGURATION_ERROR"),
                                                        ("029", "ERROR", "INVALID_REQUEST")])
def test_the_status_code_gives_the_status_and_the_reason(code, status, reason):
    document = _case("status_00_completed")
    document["status"] = code
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == (status, reason, code)


def test_the_codes_keep_their_leading_zeros():
    # "02" (failed) and "021" (pending) are different codes, as are "01" and "012".
    document = _case("status_00_completed")
    document["status"] = "012"
    assert normalized_event(document).status_category == "CANCELLED"
