"""AppyPay mapping: corpus labels, detection by shape, and pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import appypay
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import (
    assert_case_matches_labels,
    assert_detected_by_shape,
    case_ids,
    has_hint,
    normalized_event,
    other_corpora_scoring_on,
    provider_cases,
)

CASES = provider_cases("appypay")

# AppyPay's only code shown by any stored source is INSUFFICIENT_FUNDS; a failure without it is UNKNOWN.
CONTRACT = {}


def _case(name: str) -> dict:
    data = next(c["data"] for c in CASES if c["name"] == name)
    return copy.deepcopy(data["payload"] if "payload" in data else data)


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_corpus_case_matches_its_labels(case):
    assert_case_matches_labels(case)


@pytest.mark.parametrize("case", [c for c in CASES if not has_hint(c["data"]) and "unprocessed" not in c["expected"]],
                         ids=lambda c: c["name"])
def test_unhinted_documented_shapes_are_appypay(case):
    assert_detected_by_shape(case)


def test_no_other_corpus_scores_as_appypay():
    assert other_corpora_scoring_on("appypay") == {}


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(appypay.SPEC)
    assert {*appypay.STATUSES.values(), *appypay.REFUND_STATUSES.values()} <= set(StatusCategory.__members__)
    assert set(appypay.ERROR_REASONS.values()) <= set(FailureReason.__members__)


def test_the_charge_answers_status_is_read_inside_response_status():
    document = _case("charge_answer_reference_pending_unhinted")
    document["responseStatus"]["status"] = "Cancelled"
    event = normalized_event(document)
    assert (event.status_category, event.payment_method) == ("CANCELLED", "CASH_VOUCHER")


def test_the_error_code_is_read_from_response_status():
    document = _case("webhook_gpo_charge_failed_no_code_unhinted")
    document["responseStatus"]["errorCode"] = "INSUFFICIENT_FUNDS"
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason, event.payment_method) == (
        "DECLINED", "INSUFFICIENT_FUNDS", "WALLET")
