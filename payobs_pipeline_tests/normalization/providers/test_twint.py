"""TWINT mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import twint
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("twint")

# TWINT's order has three statuses (IN_PROGRESS, SUCCESS, FAILURE); its Reason says the rest. Its one documented
# decline reason is GENERAL_ERROR: the other FAILURE reasons are aborts and timeouts (CANCELLED).
CONTRACT = {"status_map_entries": 3, "decline_reasons": 1}


def _case(name: str):
    data = next(c["data"] for c in CASES if c["name"] == name)
    return data["payload"] if isinstance(data, dict) else data


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(twint.SPEC, twint.prepare)
    assert set(twint.STATUSES.values()) <= set(StatusCategory.__members__)
    assert {*twint.REASONS.values(), *twint.FAULT_REASONS.values()} <= set(FailureReason.__members__)


@pytest.mark.parametrize(("reason", "status", "failure"), [
    ("GENERAL_ERROR", "DECLINED", "PROCESSING_ERROR"), ("CLIENT_ABORT", "CANCELLED", None),
    ("CLIENT_TIMEOUT", "CANCELLED", None), ("MERCHANT_ABORT", "CANCELLED", None),
])
def test_the_reason_of_a_failed_order_names_its_outcome(reason, status, failure):
    document = _case("monitor_order_failure_client_abort").replace(">CLIENT_ABORT<", f">{reason}<")
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == (status, failure, reason)


def test_an_order_is_read_inside_the_soap_envelope():
    event = normalized_event(_case("monitor_order_in_progress_received"))
    assert (event.attempt_id, event.merchant_id, event.amount_minor, event.currency, event.payment_method) == (
        "2b3d7cf8-27ef-49ed-b36a-e653ed6c1792", "0141908c-363f-47ee-9465-c952535af977", 10000, "CHF", "WALLET")


def test_a_fault_reads_the_error_code_in_its_detail():
    event = normalized_event(_case("fault_status_transition_error"))
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == (
        "ERROR", "INVALID_REQUEST", "STATUS_TRANSITION_ERROR")
