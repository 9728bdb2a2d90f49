"""Skrill mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import skrill
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("skrill")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(skrill.SPEC)
    assert set(skrill.STATUSES.values()) <= set(StatusCategory.__members__)
    assert {*skrill.REASONS.values(), *skrill.API_ERRORS.values()} <= set(FailureReason.__members__)


@pytest.mark.parametrize(("code", "reason"), [("24", "EXPIRED_CARD"), ("44", "ISSUER_UNAVAILABLE"),
                                              ("15", "DUPLICATE"), ("37", "RESTRICTED_CARD")])
def test_the_failed_reason_code_names_the_reason(code, reason):
    document = _case("status_url_failed_cvv").replace("failed_reason_code=32", f"failed_reason_code={code}")
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == ("DECLINED", reason, code)


def test_the_merchants_posted_amount_wins_over_the_account_currency_amount():
    event = normalized_event(_case("status_url_processed"))
    assert (event.amount_minor, event.currency) == (3960, "EUR")
