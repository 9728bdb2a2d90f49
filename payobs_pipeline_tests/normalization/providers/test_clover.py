"""Clover mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import clover
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

# What test_provider_contract.py expects of this provider where it differs from every provider's default.
CONTRACT = {
    # Clover's error answer is Stripe's shape ({"error": {"type": "invalid_request_error", ...}}): Stripe's detector
    # reaches the threshold on it, Clover's (its doc_url) scores higher.
    "shared_shapes": ("stripe",),
}

CASES = provider_cases("clover")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(clover.SPEC)
    statuses = {*clover.STATUSES.values(), *clover.REFUND_STATUSES.values(), *clover.ERROR_TYPES.values()}
    assert statuses <= set(StatusCategory.__members__)
    reasons = {entry["reason"] if isinstance(entry, dict) else entry for entry in clover.ERROR_CODES.values()}
    assert reasons <= set(FailureReason.__members__)


def test_a_clover_charge_is_not_read_as_stripes():
    # Both name the object "charge"; Clover's members (ref_num, ecomind, a clover.com receipt) decide.
    event = normalized_event(_case("charge_failed_card_declined"))
    assert event.provider == "clover"


def test_an_issuer_code_passed_in_decline_code_wins_over_card_declined():
    document = _case("error_card_declined_hinted")
    document["payload"]["error"]["decline_code"] = "51"
    assert normalized_event(document).failure_reason == FailureReason.INSUFFICIENT_FUNDS
