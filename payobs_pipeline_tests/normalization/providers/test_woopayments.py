"""WooPayments timeline events: corpus labels, detection by shape, and pinned behaviour (the checks every provider
passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import woopayments
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

CASES = provider_cases("woopayments")


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_corpus_case_matches_its_labels(case):
    assert_case_matches_labels(case)


@pytest.mark.parametrize("case", [c for c in CASES if not has_hint(c["data"]) and "unprocessed" not in c["expected"]],
                         ids=lambda c: c["name"])
def test_unhinted_documented_shapes_are_woopayments(case):
    assert_detected_by_shape(case)


def test_no_other_corpus_scores_as_woopayments():
    assert other_corpora_scoring_on("woopayments") == {}


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(woopayments.SPEC)
    assert set(woopayments.EVENTS.values()) <= set(StatusCategory.__members__)
    for code, entry in woopayments.REASONS.items():
        reason = entry if isinstance(entry, str) else entry["reason"]
        assert reason in FailureReason.__members__, code


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_a_failed_event_reads_its_stripe_error_code():
    document = _case("failed_card_declined_hinted")
    document["payload"]["reason"] = "incorrect_cvc"
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == (
        "DECLINED", "INCORRECT_CVC", "incorrect_cvc")


def test_a_single_currency_dispute_keeps_the_events_amount():
    document = _case("dispute_needs_response_multi_currency")
    del document["transaction_details"]
    document.update(amount=9500, currency="USD")
    event = normalized_event(document)
    assert (event.amount_minor, event.currency) == (9500, "USD")


def test_a_stripe_charge_stays_stripes_under_a_woopayments_hint():
    # WooPayments relays Stripe objects; their shape names Stripe whatever the provider column says.
    charge = {"id": "ch_3P1aBcDEFgHIjKLm0NoPqRsT", "object": "charge", "amount": 4500, "currency": "usd",
              "status": "succeeded", "paid": True, "captured": True, "outcome": {"type": "authorized"}}
    assert normalized_event({"provider": "WooPayments", "payload": charge}).provider == "stripe"
