"""Squad (GTCO) mapping: pinned behaviour (the checks every provider
passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import squad
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("squad")
# Squad documents no reason for a failed transaction: every decline is UNKNOWN.
CONTRACT = {"decline_reasons": 1}


def _case(name: str) -> dict:
    data = next(c["data"] for c in CASES if c["name"] == name)
    return copy.deepcopy(data["payload"] if "payload" in data else data)


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(squad.SPEC)
    assert {*squad.STATUSES.values(), *squad.REFUND_STATUSES.values()} <= set(StatusCategory.__members__)
    assert set(squad.ERROR_REASONS.values()) <= set(FailureReason.__members__)


def test_an_unauthorized_answer_names_no_reason():
    # Verify Transaction, 401: {"success": false, "message": "", "data": {}}: no HTTP status, no message.
    event = normalized_event({"provider": "squad", "payload": {"success": False, "message": "", "data": {}}})
    assert (event.status_category, event.failure_reason) == ("ERROR", "UNKNOWN")


def test_the_webhook_reads_the_body_and_the_gateway_reference():
    event = normalized_event(_case("webhook_card_charge_successful"))
    assert (event.attempt_id, event.payment_id, event.amount_minor, event.card_brand) == (
        "4678388588A0_1_1", "4678388588A0", 83000, "visa")


def test_the_verify_status_is_read_inside_data():
    document = _case("verify_success")
    document["data"]["transaction_status"] = "Abandoned"
    assert normalized_event(document).status_category == "CANCELLED"
