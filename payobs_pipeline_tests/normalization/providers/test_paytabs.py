"""PayTabs (PT2) mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.providers import paytabs
from payobs_pipeline.normalization.taxonomy import FailureReason
from payobs_pipeline_tests.normalization.corpus_checks import has_hint, normalized_event, provider_cases

CASES = provider_cases("paytabs")


@pytest.mark.parametrize("case", [c for c in CASES if not has_hint(c["data"]) and "unprocessed" not in c["expected"]],
                         ids=lambda c: c["name"])
def test_unhinted_documented_shapes_are_paytabs(case):
    assert normalized_event(case["data"]).provider == "paytabs"


def test_every_code_names_a_reason():
    for code, entry in paytabs.REASONS.items():
        reason = entry if isinstance(entry, str) else entry["reason"]
        assert reason in FailureReason.__members__, code


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_a_refund_names_the_transaction_it_refunds_and_the_cart():
    event = normalized_event(_case("refund_authorised"))
    assert (event.refund_id, event.attempt_id, event.payment_id) == (
        "TST2016700000801", "TST2016700000692", "cart_11111")


def test_an_approved_transactions_code_is_no_failure_reason():
    event = normalized_event(_case("sale_authorised_visa_sar"))
    assert (event.failure_reason, event.raw_status) == (None, "A")
