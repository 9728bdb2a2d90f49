"""BitPay mapping: corpus labels, detection by shape, and pinned behaviour (the checks every provider
passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import bitpay
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

# What test_provider_contract.py expects of this provider where it differs from every provider's default.
CONTRACT = {
    # Distinct failure reasons among its DECLINED cases: an invalid or declined invoice carries no reason code.
    "decline_reasons": 1,
}

CASES = provider_cases("bitpay")


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_corpus_case_matches_its_labels(case):
    assert_case_matches_labels(case)


@pytest.mark.parametrize("case", [c for c in CASES if not has_hint(c["data"]) and "unprocessed" not in c["expected"]],
                         ids=lambda c: c["name"])
def test_unhinted_documented_shapes_are_bitpay(case):
    assert_detected_by_shape(case)


def test_no_other_corpus_scores_as_bitpay():
    assert other_corpora_scoring_on("bitpay") == {}


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(bitpay.SPEC)
    statuses = {*bitpay.STATUSES.values(), *bitpay.EVENTS.values(), *bitpay.REFUND_STATUSES.values()}
    assert statuses <= set(StatusCategory.__members__)


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))



def test_a_refund_names_the_invoice_it_refunds():
    event = normalized_event(_case("refund_success"))
    assert (event.refund_id, event.attempt_id, event.event_kind) == (
        "WoE46gSLkJQS48RJEiNw3L", "Hpqc62dfE1ZjzeeH4kEycF", "REFUND")


def test_a_paid_invoice_is_not_yet_approved_until_confirmed():
    body = _case("ipn_paid_not_guaranteed")
    assert normalized_event(body).status_category == "PENDING"
    body["status"] = "confirmed"
    assert normalized_event(body).status_category == "APPROVED"
