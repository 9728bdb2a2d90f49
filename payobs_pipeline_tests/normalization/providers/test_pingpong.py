"""PingPong mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import pingpong
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("pingpong")

# Only PingPong's dispute notifications are mapped: every one is a CHARGEBACK, there is no decline.
CONTRACT = {"decline_reasons": 0}


def _case(name: str) -> dict:
    data = next(c["data"] for c in CASES if c["name"] == name)
    return copy.deepcopy(data["payload"] if "payload" in data else data)


def test_every_mapped_status_is_canonical():
    CompiledMapping(pingpong.SPEC)
    assert set(pingpong.EVENTS.values()) <= set(StatusCategory.__members__)


def test_every_dispute_stage_is_a_chargeback_on_the_chargeback_order_number():
    for code in pingpong.EVENTS:
        document = _case("prearbitration_lost_unhinted")
        document["eventCode"] = code
        event = normalized_event(document)
        assert (event.status_category, event.event_kind, event.dispute_id, event.payment_id) == (
            "CHARGEBACK", "DISPUTE", "202303071954574059", "PShop20230307162139KX")


def test_the_amount_is_a_major_unit_string():
    document = _case("chargeback_fraud_unhinted")
    document["amount"] = "1000.05"
    assert normalized_event(document).amount_minor == 100005
