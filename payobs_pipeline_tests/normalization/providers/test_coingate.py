"""CoinGate mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import coingate
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("coingate")
# CoinGate states no reason for an invalid order (see the module).
CONTRACT = {"decline_reasons": 1}


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(coingate.SPEC)
    assert set(coingate.STATUSES.values()) <= set(StatusCategory.__members__)
    assert set(coingate.ERROR_REASONS.values()) <= set(FailureReason.__members__)


def test_an_order_is_the_payment_as_a_whole():
    event = normalized_event(_case("callback_paid"))
    assert (event.event_kind, event.payment_id, event.amount_minor, event.currency) == ("PAYMENT", "1001", 49995, "USD")


def test_the_channel_callback_reads_the_order_it_wraps():
    event = normalized_event(_case("channel_callback_paid"))
    assert (event.provider, event.status_category, event.payment_id) == ("coingate", "APPROVED", "390104")
