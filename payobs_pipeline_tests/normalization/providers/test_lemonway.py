"""Lemonway mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.evaluation import normalize_lake_data
from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import lemonway
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import NORMALIZER, normalized_event, provider_cases

CASES = provider_cases("lemonway")
# Lemonway's notifications state no reason for a failed money-in, and three statuses (0, 4, 6; see the module).
CONTRACT = {"decline_reasons": 1, "status_map_entries": 3}


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(lemonway.SPEC)
    assert set(lemonway.STATUSES.values()) <= set(StatusCategory.__members__)
    assert set(lemonway.REASONS.values()) <= set(FailureReason.__members__)


def test_a_notification_amount_without_currency_is_left_out_not_refused():
    event = normalized_event(_case("money_in_wire_received"))
    assert (event.status_category, event.amount_minor, event.currency, event.attempt_id) == (
        "APPROVED", None, None, "210")


@pytest.mark.parametrize("category", ["15", "37", "8", "19"])
def test_money_outs_and_wallet_notifications_are_not_payments(category):
    document = _case("money_in_wire_received")
    document["NotifCategory"] = category
    assert normalize_lake_data(document, None, NORMALIZER).unprocessed_reason == "NOT_A_PAYMENT_EVENT"
