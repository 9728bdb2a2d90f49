"""Payroc mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import payroc
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("payroc")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(payroc.SPEC)
    assert set(payroc.STATUSES.values()) <= set(StatusCategory.__members__)
    assert set(payroc.REASONS.values()) <= set(FailureReason.__members__)


def test_the_processors_original_code_wins_over_the_generic_response_code():
    document = _case("payment_declined_insufficient_funds")
    document["transactionResult"]["processorResponseCode"] = "54"
    event = normalized_event(document)
    assert (event.failure_reason, event.raw_reason_code) == ("EXPIRED_CARD", "54")


def test_a_decline_without_a_processor_code_reads_the_response_code():
    document = _case("payment_declined_insufficient_funds")
    document["transactionResult"]["processorResponseCode"] = None
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == ("DECLINED", "GENERIC_DECLINE", "D")


def test_an_undocumented_admin_status_is_not_guessed():
    document = _case("payment_sale_ready")
    document["transactionResult"]["status"] = "admin"
    with pytest.raises(Exception, match="UNMAPPED_STATUS"):
        normalized_event(document)
