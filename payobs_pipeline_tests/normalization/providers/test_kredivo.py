"""Kredivo mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import kredivo
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

# What test_provider_contract.py expects of this provider where it differs from every provider's default.
CONTRACT = {
    # Kredivo's transaction_status / fraud_status words are Midtrans's (settlement, pending, deny, cancel, expire;
    # accept, deny), and its push notification carries a signature_key as Midtrans's does: Midtrans's detector
    # reaches the threshold on Kredivo's answers, below Kredivo's own score.
    "shared_shapes": ["midtrans"],
}

CASES = provider_cases("kredivo")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(kredivo.SPEC)
    assert set(kredivo.TRANSACTION_STATUSES.values()) <= set(StatusCategory.__members__)
    assert set(kredivo.REASONS.values()) <= set(FailureReason.__members__)


def test_a_fraud_system_deny_is_a_risk_rejection_and_a_credit_deny_a_generic_decline():
    document = _case("transaction_status_deny_fraud")
    assert normalized_event(document).failure_reason == "RISK_REJECTED"
    document["fraud_status"] = "accept"
    assert normalized_event(document).failure_reason == "GENERIC_DECLINE"


def test_the_order_ties_the_attempts_of_one_purchase():
    event = normalized_event(_case("transaction_status_settlement"))
    assert (event.payment_id, event.attempt_id) == ("INV-2023-88101", "8c2f4a6e-1b3d-4e5f-9a7b-0c1d2e3f4a5b")
