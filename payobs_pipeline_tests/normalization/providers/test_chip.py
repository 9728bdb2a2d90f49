"""chip mapping: pinned behaviour (the checks every provider passes: ../test_provider_contract.py)."""

from __future__ import annotations

import pytest

from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import has_hint, normalized_event, provider_cases

CASES = provider_cases("chip")


@pytest.mark.parametrize("case", [c for c in CASES if not has_hint(c["data"]) and "unprocessed" not in c["expected"]],
                         ids=lambda c: c["name"])
def test_unhinted_documented_shapes_are_chip(case):
    assert normalized_event(case["data"]).provider == "chip"


def test_a_purchase_without_currency_gives_no_amount():
    event = normalized_event({"provider": "CHIP", "payload": {"id": "p1", "status": "paid", "purchase": {"total": 100}}})
    assert (event.status_category, event.amount_minor, event.currency) == (StatusCategory.APPROVED, None, None)


def test_a_refunded_purchase_is_a_refund_of_the_purchase():
    event = normalized_event(next(c["data"] for c in CASES if c["name"] == "purchase_refunded"))
    assert (event.event_kind.value, event.refund_id, event.attempt_id) == ("REFUND", event.provider_transaction_id,
                                                                           event.provider_transaction_id)
