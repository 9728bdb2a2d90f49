"""Paytrail mapping: pinned behaviour (the checks every provider
passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import paytrail
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

# What test_provider_contract.py expects of this provider where it differs from every provider's default.
CONTRACT = {
    # Paytrail's "fail" names no reason: its declines have one failure reason, UNKNOWN.
    "decline_reasons": 1,
}

CASES = provider_cases("paytrail")


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(paytrail.SPEC)
    assert {*paytrail.STATUSES.values(), *paytrail.REFUND_STATUSES.values()} <= set(StatusCategory.__members__)
    assert set(paytrail.REASONS.values()) <= set(FailureReason.__members__)
    assert set(paytrail.PAYMENT_METHODS.values()) <= {"BANK_TRANSFER", "CARD", "WALLET", "BNPL"}


def test_a_payment_named_in_its_own_currency_keeps_it():
    # The Get answer names its currency; only the redirect parameters, which carry none, are read as EUR.
    document = copy.deepcopy(next(c["data"] for c in CASES if c["name"] == "get_ok_card"))
    document["currency"] = "SEK"
    event = normalized_event(document)
    assert (event.amount_minor, event.currency) == (2590, "SEK")


def test_the_stamp_ties_the_attempts_of_one_order():
    event = normalized_event(next(c["data"] for c in CASES if c["name"] == "redirect_ok_osuuspankki"))
    assert (event.payment_id, event.attempt_id) == ("ORD-55120-1", "8f3ac1e2-4b6d-11ee-9a1c-0b7e6d5c4b3a")
