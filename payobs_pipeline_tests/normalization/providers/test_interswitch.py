"""Interswitch (WebPAY) mapping: pinned behaviour (the checks every provider
passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import interswitch
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("interswitch")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(interswitch.SPEC)
    assert set(interswitch.STATUSES.values()) <= set(StatusCategory.__members__)
    assert set(interswitch.REASONS.values()) <= set(FailureReason.__members__)


@pytest.mark.parametrize(("code", "expected"), [
    ("Z8", ("DECLINED", "INVALID_CARD_DATA")),
    ("Z4", ("ERROR", "CONFIGURATION_ERROR")),
    ("A0", ("ERROR", "PROCESSING_ERROR")),
    ("17", ("CANCELLED", None)),
    ("61", ("DECLINED", "LIMIT_EXCEEDED")),
])
def test_each_response_code_is_its_outcome(code, expected):
    document = _case("query_insufficient_funds")
    document["ResponseCode"] = code
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason) == expected
