"""PayTrace mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import paytrace
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("paytrace")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(paytrace.SPEC, paytrace.prepare)
    assert set(paytrace.RESPONSE_CODES.values()) <= set(StatusCategory.__members__)
    reasons = {entry["reason"] if isinstance(entry, dict) else entry for entry in paytrace.REASONS.values()}
    assert reasons <= set(FailureReason.__members__)


def test_an_error_answer_keeps_its_first_error_code():
    event = normalized_event(_case("error_invalid_card_number"))
    assert (event.status_category, event.raw_reason_code) == (StatusCategory.ERROR, "35")
