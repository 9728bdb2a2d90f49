"""GoPay mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import gopay
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline.normalization.evaluation import normalize_lake_data
from payobs_pipeline_tests.normalization.corpus_checks import NORMALIZER, normalized_event, provider_cases

CONTRACT = {
    # GoPay's sub-state table is not in the stored sources: a refused payment's reason is UNKNOWN.
    "decline_reasons": 1,
}

CASES = provider_cases("gopay")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(gopay.SPEC, gopay.prepare)
    assert set(gopay.STATES.values()) <= set(StatusCategory.__members__)
    assert set(gopay.ERROR_REASONS.values()) <= set(FailureReason.__members__)
    assert len(gopay.SUB_STATES) == 61


@pytest.mark.parametrize(("sub_state", "status"), [("_5002", "DECLINED"), ("_6504", "DECLINED"), ("_101", "CANCELLED"),
                                                   (None, "CANCELLED")])
def test_a_canceled_payment_is_declined_only_with_a_refusal_sub_state(sub_state, status):
    document = _case("payment_canceled_card_refused")
    document.pop("sub_state")
    if sub_state:
        document["sub_state"] = sub_state
    event = normalized_event(document)
    assert event.status_category == status


def test_a_notification_carries_no_outcome():
    outcome = normalize_lake_data({"provider": "gopay", "payload": {"id": 3000006529}}, None, NORMALIZER)
    assert outcome.unprocessed_reason == "NOTIFICATION_WITHOUT_OUTCOME"


def test_prepare_passes_a_payment_through():
    document = _case("payment_paid_card")
    assert gopay.prepare(document) is document
