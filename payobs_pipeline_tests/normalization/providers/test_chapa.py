"""Chapa mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import chapa
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("chapa")

# Chapa states no reason for a failed or cancelled payment: every decline is UNKNOWN.
CONTRACT = {"decline_reasons": 1}


def _case(name: str) -> dict:
    data = next(c["data"] for c in CASES if c["name"] == name)
    return copy.deepcopy(data["payload"] if "payload" in data else data)


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(chapa.SPEC)
    maps = (chapa.STATUSES, chapa.EVENTS, chapa.REFUND_EVENTS)
    assert {status for m in maps for status in m.values()} <= set(StatusCategory.__members__)
    assert set(chapa.ERROR_REASONS.values()) <= set(FailureReason.__members__)


def test_the_transaction_status_is_read_inside_data_not_the_calls_status():
    document = _case("verify_success")
    document["data"]["status"] = "failed"
    event = normalized_event(document)
    assert (event.status_category, event.payment_id, event.amount_minor) == ("DECLINED", "chewatatest-6669", 10000)


def test_a_refund_event_is_its_own_refund_on_the_merchants_reference():
    event = normalized_event(_case("webhook_charge_refunded"))
    assert (event.event_kind, event.refund_id, event.payment_id) == ("REFUND", "AP634JFwM4Bz", "chewatatest-6670")


def test_a_v1_error_message_names_its_reason():
    event = normalized_event({"provider": "chapa", "payload": {"message": "Payments through API is disabled, please "
                              "contact us", "status": "failed", "data": None}})
    assert (event.status_category, event.failure_reason) == ("ERROR", "CONFIGURATION_ERROR")
