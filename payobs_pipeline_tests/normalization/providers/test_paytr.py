"""PayTR mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import paytr
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("paytr")

# PayTR's notification has two statuses, success and failed; the rest of the outcomes come from
# failed_reason_code (rules).
CONTRACT = {"status_map_entries": 2}


def _case(name: str) -> dict:
    data = next(c["data"] for c in CASES if c["name"] == name)
    return copy.deepcopy(data["payload"] if "provider" in data else data)


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(paytr.SPEC, paytr.prepare)
    assert set(paytr.STATUSES.values()) <= set(StatusCategory.__members__)
    assert set(paytr.REASONS.values()) <= set(FailureReason.__members__)


@pytest.mark.parametrize(("code", "status", "reason"), [("9", "DECLINED", "TRANSACTION_NOT_PERMITTED"),
                                                        ("11", "DECLINED", "RISK_REJECTED"),
                                                        ("43", "DECLINED", "DUPLICATE"),
                                                        ("6", "CANCELLED", None),
                                                        ("99", "ERROR", "CONFIGURATION_ERROR")])
def test_the_failed_reason_code_decides_the_outcome(code, status, reason):
    document = _case("callback_failed_sms_code")
    document["failed_reason_code"] = code
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason) == (status, reason)


def test_the_lira_is_written_tl_and_read_try():
    event = normalized_event(_case("callback_success_card"))
    assert (event.amount_minor, event.currency) == (3456, "TRY")


def test_prepare_leaves_its_input_alone():
    document = _case("callback_success_card")
    prepared = paytr.prepare(document)
    assert (document["currency"], prepared["currency"]) == ("TL", "TRY")
