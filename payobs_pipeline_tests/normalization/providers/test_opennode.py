"""OpenNode mapping: corpus labels, detection by shape, and pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import opennode
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import (
    assert_case_matches_labels,
    assert_detected_by_shape,
    case_ids,
    has_hint,
    normalized_event,
    other_corpora_scoring_on,
    provider_cases,
)

CASES = provider_cases("opennode")

# OpenNode's charges are never declined: a charge is paid, waits, expires or has its underpayment refunded.
CONTRACT = {"decline_reasons": 0}


def _case(name: str) -> dict:
    data = next(c["data"] for c in CASES if c["name"] == name)
    return copy.deepcopy(data["payload"] if "provider" in data else data)


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_corpus_case_matches_its_labels(case):
    assert_case_matches_labels(case)


@pytest.mark.parametrize("case", [c for c in CASES if not has_hint(c["data"]) and "unprocessed" not in c["expected"]],
                         ids=lambda c: c["name"])
def test_unhinted_documented_shapes_are_opennode(case):
    assert_detected_by_shape(case)


def test_no_other_corpus_scores_as_opennode():
    assert other_corpora_scoring_on("opennode") == {}


def test_every_mapped_status_is_canonical():
    CompiledMapping(opennode.SPEC)
    assert {*opennode.STATUSES.values(), *opennode.REFUND_STATUSES.values()} <= set(StatusCategory.__members__)


def test_satoshis_are_not_read_as_an_amount():
    event = normalized_event(_case("webhook_paid"))
    assert (event.amount_minor, event.currency) == (None, None)


def test_the_charge_object_is_read_inside_data():
    document = _case("charge_unpaid")
    document["data"]["status"] = "paid"
    event = normalized_event(document)
    assert (event.status_category, event.amount_minor, event.payment_id) == ("APPROVED", 1050, "823320")
