"""CamPay mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import campay
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("campay")
# The status documents three statuses (PENDING, SUCCESSFUL, FAILED).
# A failed transaction carries only a free-text reason: CamPay publishes no decline-reason codes.
CONTRACT = {"status_map_entries": 3, "decline_reasons": 1}


def _case(name: str) -> dict:
    data = next(c["data"] for c in CASES if c["name"] == name)
    return copy.deepcopy(data["payload"] if "provider" in data else data)


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(campay.SPEC)
    assert set(campay.STATUSES.values()) <= set(StatusCategory.__members__)
    assert set(campay.ERRORS.values()) <= set(FailureReason.__members__)


def test_the_callback_names_campays_transaction_and_the_merchants_reference():
    event = normalized_event(_case("callback_successful"))
    assert (event.attempt_id, event.payment_id, event.amount_minor, event.currency) == (
        "bd3d7c2f-83d8-4bd2-a0a2-5e8b1ee7f2a4", "order-9981", 100, "XAF")


def test_an_error_answer_takes_its_reason_from_the_error_code():
    event = normalized_event({"provider": "campay", "payload": _case("error_invalid_phone")})
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == (
        "ERROR", "INVALID_CARD_DATA", "ER101")
