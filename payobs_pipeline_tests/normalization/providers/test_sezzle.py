"""Sezzle mapping: pinned behaviour (the checks every provider
passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import sezzle
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

# What test_provider_contract.py expects of this provider where it differs from every provider's default.
CONTRACT = {
    # Distinct failure reasons among its DECLINED cases: Sezzle documents only its own credit decision
    # (authorization not approved, checkout denied), RISK_REJECTED.
    "decline_reasons": 1,
}

CASES = provider_cases("sezzle")


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(sezzle.SPEC)
    assert {*sezzle.STATUSES.values(), *sezzle.EVENTS.values()} <= set(StatusCategory.__members__)
    for code, entry in sezzle.REASONS.items():
        reason = entry if isinstance(entry, str) else entry["reason"]
        assert reason in FailureReason.__members__, code


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_a_refunded_order_is_its_first_refund():
    event = normalized_event(_case("order_refunded"))
    assert (event.amount_minor, event.refund_id, event.payment_id) == (400, "ref-1", "ord_12345")


def test_the_authorization_decides_over_the_checkout_status():
    body = _case("order_not_approved")
    assert body["checkout_status"] == "completed"
    assert normalized_event(body).status_category == "DECLINED"
