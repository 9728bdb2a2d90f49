"""Pesapal mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import pesapal
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

# What test_provider_contract.py expects of this provider where it differs from every provider's default.
CONTRACT = {
    # Pesapal's FAILED names no reason code (only a free-text description): its declines have one reason, UNKNOWN.
    "decline_reasons": 1,
    # Peach Payments' detector reaches the threshold on any document whose currency is one of its markets (KES,
    # UGX ...: _oppwa.peach_signals, weight 0.6 for the currency alone); Pesapal's own shape scores higher.
    "shared_shapes": ("peachpayments",),
}

CASES = provider_cases("pesapal")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(pesapal.SPEC, pesapal.prepare)
    assert {*pesapal.STATUSES.values(), *pesapal.STATUS_CODES.values()} <= set(StatusCategory.__members__)
    assert set(pesapal.REASONS.values()) <= set(FailureReason.__members__)


def test_the_status_code_stands_in_for_a_missing_description():
    document = _case("status_reversed")
    del document["payment_status_description"]
    event = normalized_event(document)
    assert (event.status_category, event.event_kind) == ("REFUNDED", "REFUND")


def test_the_tracking_id_of_the_callback_url_is_the_attempt_and_the_input_is_kept():
    document = _case("status_failed_card")
    before = copy.deepcopy(document)
    prepared = pesapal.prepare(document)
    assert document == before
    assert prepared[pesapal.TRACKING_KEY] == "8f7c73ea-994f-551f-b74f-f2216cbaae02"
