"""Tabby mapping: pinned behaviour (the checks every provider
passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import tabby
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("tabby")


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(tabby.SPEC)
    assert set(tabby.STATUSES.values()) <= set(StatusCategory.__members__)
    for code, entry in tabby.REASONS.items():
        reason = entry if isinstance(entry, str) else entry["reason"]
        assert reason in FailureReason.__members__, code


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_a_refund_on_a_closed_payment_is_the_refunds_amount_and_id():
    event = normalized_event(_case("webhook_closed_with_refund"))
    assert (event.amount_minor, event.refund_id, event.payment_id) == (
        10000, "r9f8e7d6-0000-4000-8000-000000000002", "4b7c8a2e-2a5f-4a1b-9a9e-3c9d1e0f5a11")


def test_a_pre_scoring_rejection_reads_the_products_rejection_reason():
    body = _case("checkout_session_rejected_amount_too_high")
    body["configuration"]["products"]["installments"]["rejection_reason"] = "not_available"
    assert normalized_event(body).failure_reason == FailureReason.RISK_REJECTED
