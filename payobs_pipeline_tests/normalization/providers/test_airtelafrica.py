"""Airtel Africa mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import airtelafrica
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("airtelafrica")


def _case(name: str) -> dict:
    data = next(c["data"] for c in CASES if c["name"] == name)
    return copy.deepcopy(data["payload"] if "provider" in data else data)


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(airtelafrica.SPEC)
    assert set(airtelafrica.STATUSES.values()) <= set(StatusCategory.__members__)
    assert set(airtelafrica.REASONS.values()) <= set(FailureReason.__members__)


@pytest.mark.parametrize(("status", "code", "category", "reason"), [
    ("TF", "DP00800001007", "DECLINED", "INSUFFICIENT_FUNDS"),
    ("TF", "DP00800001010", "DECLINED", "TRANSACTION_NOT_PERMITTED"),
    ("TF", "DP00800001024", "DECLINED", "TIMEOUT"), ("TIP", "DP00800001006", "PENDING", None),
    ("TE", "DP00800001029", "CANCELLED", None), ("TS", "DP00800001001", "APPROVED", None),
])
def test_the_enquiry_status_and_its_response_code(status, code, category, reason):
    document = _case("enquiry_tf_not_enough_balance")
    document["data"]["transaction"]["status"] = status
    document["status"]["response_code"] = code
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason) == (category, reason)


def test_the_callback_names_airtels_transaction_and_the_partners():
    event = normalized_event(_case("authenticated_callback_ts"))
    assert (event.attempt_id, event.payment_id, event.amount_minor) == ("MP210604.0915.A00001", "ORDER-1001", None)


def test_an_esb_error_is_an_error_of_the_call():
    event = normalized_event(_case("esb_error_duplicate_id"))
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == ("ERROR", "DUPLICATE", "ESB000041")
