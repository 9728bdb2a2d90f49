"""Monnify mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import monnify
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("monnify")

# Monnify states no reason for a failed transaction or refund: every decline is UNKNOWN.
CONTRACT = {"decline_reasons": 1}


def _case(name: str) -> dict:
    data = next(c["data"] for c in CASES if c["name"] == name)
    return copy.deepcopy(data["payload"] if "payload" in data else data)


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(monnify.SPEC)
    assert {*monnify.STATUSES.values(), *monnify.REFUND_STATUSES.values()} <= set(StatusCategory.__members__)
    assert set(monnify.RESPONSE_CODES.values()) <= set(FailureReason.__members__)


@pytest.mark.parametrize(("status", "category"), [("OVERPAID", "APPROVED"), ("CANCELLED", "CANCELLED"),
                                                  ("PARTIALLY_PAID", "PENDING")])
def test_the_webhook_reads_the_transaction_in_event_data(status, category):
    document = _case("webhook_successful_transaction_card")
    document["eventData"]["paymentStatus"] = status
    event = normalized_event(document)
    assert (event.status_category, event.payment_id, event.amount_minor) == (category, "1568979249981", 10000)


def test_a_refund_is_in_naira_on_the_payment_it_refunds():
    event = normalized_event(_case("webhook_successful_refund"))
    assert (event.refund_id, event.attempt_id, event.currency) == (
        "refund-J111-001", "MNFY|0111231|123412342", "NGN")
