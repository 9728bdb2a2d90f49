"""Coinbase Commerce mapping: corpus labels, detection by shape, and pinned behaviour (the checks every provider
passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import coinbasecommerce
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
    # Statuses its specs map to that corpus/coinbasecommerce.json has no case of yet.
    "uncovered_statuses": {
        "DECLINED": "event type charge:failed on a charge without a timeline (a charge with one reads its last entry)",
        "ERROR": "api_error ({error: {type, message}}): the documented body is shaped like Stripe's error, whose "
                 "detector reaches the threshold on it, so the corpus keeps no such case",
    },
    # Its corpus has no declined case: a failed charge is expired (CANCELLED) or unresolved (UNKNOWN).
    "decline_reasons": 0,
}

CASES = provider_cases("coinbasecommerce")


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_corpus_case_matches_its_labels(case):
    assert_case_matches_labels(case)


@pytest.mark.parametrize("case", [c for c in CASES if not has_hint(c["data"]) and "unprocessed" not in c["expected"]],
                         ids=lambda c: c["name"])
def test_unhinted_documented_shapes_are_coinbasecommerce(case):
    assert_detected_by_shape(case)


def test_no_other_corpus_scores_as_coinbasecommerce():
    assert other_corpora_scoring_on("coinbasecommerce") == {}


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(coinbasecommerce.SPEC, coinbasecommerce.prepare)
    assert set(coinbasecommerce.STATUSES.values()) <= set(StatusCategory.__members__)
    for code, entry in coinbasecommerce.REASONS.items():
        reason = entry if isinstance(entry, str) else entry["reason"]
        assert reason in FailureReason.__members__, code


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_the_last_timeline_entry_is_the_charges_status():
    body = _case("webhook_charge_confirmed")
    body["event"]["data"]["timeline"].append({"time": "2024-05-11T10:00:00Z", "status": "REFUNDED"})
    event = normalized_event(body)
    assert (event.status_category, event.event_kind) == ("REFUNDED", "REFUND")


def test_prepare_leaves_the_payload_untouched():
    body = _case("charge_new_bare")
    before = copy.deepcopy(body)
    prepared = coinbasecommerce.prepare(body)
    assert body == before and prepared[coinbasecommerce.LAST_STATUS] == "NEW"
