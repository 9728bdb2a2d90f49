"""Mobbex mapping: corpus labels, detection by shape, and pinned behaviour (the checks every
provider passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.evaluation import normalize_lake_data
from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import mobbex
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import (
    NORMALIZER,
    assert_case_matches_labels,
    assert_detected_by_shape,
    case_ids,
    has_hint,
    normalized_event,
    other_corpora_scoring_on,
    provider_cases,
)

CASES = provider_cases("mobbex")

# Mobbex documents no reason for a decline: every decline is UNKNOWN.
CONTRACT = {"decline_reasons": 1}


def _case(name: str) -> dict:
    data = next(c["data"] for c in CASES if c["name"] == name)
    return copy.deepcopy(data["payload"] if "payload" in data else data)


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_corpus_case_matches_its_labels(case):
    assert_case_matches_labels(case)


@pytest.mark.parametrize("case", [c for c in CASES if not has_hint(c["data"]) and "unprocessed" not in c["expected"]],
                         ids=lambda c: c["name"])
def test_unhinted_documented_shapes_are_mobbex(case):
    assert_detected_by_shape(case)


def test_no_other_corpus_scores_as_mobbex():
    assert other_corpora_scoring_on("mobbex") == {}


def test_every_mapped_status_is_canonical():
    CompiledMapping(mobbex.SPEC)
    assert {*mobbex.STATUSES.values(), *mobbex.VOID_STATUSES.values()} <= set(StatusCategory.__members__)


def test_the_status_code_is_read_nested_in_data_payment():
    document = _case("webhook_card_paid")
    document["data"]["payment"]["status"]["code"] = "400"
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason, event.amount_minor) == ("DECLINED", "UNKNOWN", 190750)


def test_a_cancellation_in_process_has_no_outcome_yet():
    document = _case("webhook_card_paid")
    document["data"]["payment"]["status"]["code"] = "600"
    outcome = normalize_lake_data(document, None, NORMALIZER)
    assert (outcome.event, outcome.unprocessed_reason) == (None, "UNMAPPED_STATUS")


def test_the_payment_is_the_merchants_reference():
    event = normalized_event(_case("webhook_cash_waiting"))
    assert (event.attempt_id, event.payment_id, event.payment_method) == ("5B8E1Lp_e", "000000018", "CASH_VOUCHER")
