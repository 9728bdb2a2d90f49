"""CloudPayments mapping: corpus labels, detection by shape, and pinned behaviour (the checks every provider
passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import cloudpayments
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

CASES = provider_cases("cloudpayments")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_corpus_case_matches_its_labels(case):
    assert_case_matches_labels(case)


@pytest.mark.parametrize("case", [c for c in CASES if not has_hint(c["data"]) and "unprocessed" not in c["expected"]],
                         ids=lambda c: c["name"])
def test_unhinted_documented_shapes_are_cloudpayments(case):
    assert_detected_by_shape(case)


def test_no_other_corpus_scores_as_cloudpayments():
    assert other_corpora_scoring_on("cloudpayments") == {}


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(cloudpayments.SPEC)
    assert set(cloudpayments.STATUSES.values()) <= set(StatusCategory.__members__)
    reasons = cloudpayments.REASONS.values()
    assert {r["reason"] if isinstance(r, dict) else r for r in reasons} <= set(FailureReason.__members__)
    assert set(cloudpayments.REASON_NAMES.values()) <= set(cloudpayments.REASONS)


@pytest.mark.parametrize(("code", "expected"), [
    (5041, "LOST_OR_STOLEN_CARD"),
    (5014, "INVALID_CARD_DATA"),
    (5065, "LIMIT_EXCEEDED"),
    (5091, "ISSUER_UNAVAILABLE"),
    (5057, "TRANSACTION_NOT_PERMITTED"),
])
def test_each_reason_code_of_a_declined_transaction_is_its_reason(code, expected):
    document = _case("charge_declined_insufficient_funds")
    document["Model"]["ReasonCode"] = code
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == ("DECLINED", expected, str(code))


def test_the_reason_name_is_read_when_the_code_is_missing():
    document = _case("charge_declined_insufficient_funds")
    document["Model"]["ReasonCode"] = None
    document["Model"]["Reason"] = "StolenCard"
    assert normalized_event(document).failure_reason == "LOST_OR_STOLEN_CARD"
