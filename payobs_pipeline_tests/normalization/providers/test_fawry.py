"""FawryPay mapping: corpus labels, detection by shape, and pinned behaviour (the checks every provider
passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import fawry
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

# What test_provider_contract.py expects of this provider where it differs from every provider's default.
CONTRACT = {
    # Distinct failure reasons among its DECLINED cases: FawryPay documents failureErrorCode / failureReason on a
    # FAILED order without enumerating their values, so its declines carry no documented reason (UNKNOWN).
    "decline_reasons": 1,
}

CASES = provider_cases("fawry")


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_corpus_case_matches_its_labels(case):
    assert_case_matches_labels(case)


@pytest.mark.parametrize("case", [c for c in CASES if not has_hint(c["data"]) and "unprocessed" not in c["expected"]],
                         ids=lambda c: c["name"])
def test_unhinted_documented_shapes_are_fawry(case):
    assert_detected_by_shape(case)


def test_no_other_corpus_scores_as_fawry():
    assert other_corpora_scoring_on("fawry") == {}


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(fawry.SPEC)
    assert set(fawry.STATUSES.values()) <= set(StatusCategory.__members__)
    for code, entry in fawry.REASONS.items():
        reason = entry if isinstance(entry, str) else entry["reason"]
        assert reason in FailureReason.__members__, code


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))



def test_the_fawry_reference_is_the_attempt_and_the_merchants_order_the_payment():
    event = normalized_event(_case("notification_paid_at_fawry"))
    assert (event.attempt_id, event.payment_id, event.event_time.year) == ("765158467", "951489691804", 2023)


def test_a_status_answers_error_code_names_the_reason():
    body = _case("payment_status_wrong_signature")
    body["statusCode"] = 9901  # merchant code is blank or invalid
    event = normalized_event(body)
    assert (event.status_category, event.failure_reason) == ("ERROR", FailureReason.CONFIGURATION_ERROR)
