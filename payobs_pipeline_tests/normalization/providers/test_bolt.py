"""Bolt mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import bolt
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("bolt")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(bolt.SPEC)
    assert {*bolt.HOOK_TYPES.values(), *bolt.TRANSACTION_STATUSES.values()} <= set(StatusCategory.__members__)
    assert {*bolt.HOOK_REASONS.values(), *bolt.ERROR_CODES.values()} <= set(FailureReason.__members__)


@pytest.mark.parametrize(("code", "reason"), [(1015, "CONFIGURATION_ERROR"), (35, "PROCESSING_ERROR"),
                                              (5, "INVALID_CARD_DATA"), (2001005, "INVALID_REQUEST")])
def test_an_error_code_names_the_reason(code, reason):
    document = _case("error_invalid_amount_hinted")
    document["payload"]["errors"][0]["code"] = code
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason) == ("ERROR", reason)


def test_the_magento_hook_shape_reads_its_notification_type():
    document = _case("hook_payment_completed")
    document["notification_type"] = document.pop("type")
    document["transaction_id"] = document.pop("id")
    event = normalized_event(document)
    assert (event.status_category, event.attempt_id) == ("APPROVED", "TAaZyLmLztG9U")
