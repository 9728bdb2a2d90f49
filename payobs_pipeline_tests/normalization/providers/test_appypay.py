"""AppyPay mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import appypay
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("appypay")

# AppyPay's only code shown by any stored source is INSUFFICIENT_FUNDS; a failure without it is UNKNOWN.
CONTRACT = {}


def _case(name: str) -> dict:
    data = next(c["data"] for c in CASES if c["name"] == name)
    return copy.deepcopy(data["payload"] if "payload" in data else data)


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(appypay.SPEC)
    assert {*appypay.STATUSES.values(), *appypay.REFUND_STATUSES.values()} <= set(StatusCategory.__members__)
    assert set(appypay.ERROR_REASONS.values()) <= set(FailureReason.__members__)


def test_the_charge_answers_status_is_read_inside_response_status():
    document = _case("charge_answer_reference_pending_unhinted")
    document["responseStatus"]["status"] = "Cancelled"
    event = normalized_event(document)
    assert (event.status_category, event.payment_method) == ("CANCELLED", "CASH_VOUCHER")


def test_the_error_code_is_read_from_response_status():
    document = _case("webhook_gpo_charge_failed_no_code_unhinted")
    document["responseStatus"]["errorCode"] = "INSUFFICIENT_FUNDS"
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason, event.payment_method) == (
        "DECLINED", "INSUFFICIENT_FUNDS", "WALLET")
