"""placetopay mapping: corpus labels, detection by shape, and pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import placetopay
from payobs_pipeline.normalization.taxonomy import PaymentMethod, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import (
    assert_case_matches_labels,
    assert_detected_by_shape,
    case_ids,
    has_hint,
    normalized_event,
    other_corpora_scoring_on,
    provider_cases,
)

CASES = provider_cases("placetopay")


def _case(name: str):
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_corpus_case_matches_its_labels(case):
    assert_case_matches_labels(case)


@pytest.mark.parametrize("case", [c for c in CASES if not has_hint(c["data"]) and "unprocessed" not in c["expected"]],
                         ids=lambda c: c["name"])
def test_unhinted_documented_shapes_are_placetopay(case):
    assert_detected_by_shape(case)


def test_no_other_corpus_scores_as_placetopay():
    assert other_corpora_scoring_on("placetopay") == {}


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(placetopay.SPEC)
    assert set(placetopay.STATUSES.values()) <= set(StatusCategory.__members__)
    assert set(placetopay.PAYMENT_METHODS.values()) <= set(PaymentMethod.__members__)


def test_the_transaction_status_decides_over_the_session_status():
    # The session is still PENDING while its transaction is already refused: the attempt is what was refused.
    document = _case("query_rejected_51")
    document["status"] = {"status": "PENDING", "reason": "PT", "message": "Pendiente", "date": "2025-07-01T10:21:33-05:00"}
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason, event.payment_id) == ("DECLINED", "INSUFFICIENT_FUNDS", "372")


def test_a_rejected_session_with_a_processor_code_is_a_decline_not_a_cancellation():
    document = _case("query_session_cancelled_by_buyer")
    document["status"]["reason"] = "05"
    assert normalized_event(document).status_category == "DECLINED"
