"""MTN MoMo mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import mtnmomo
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("mtnmomo")
# The status object documents three statuses (PENDING, SUCCESSFUL, FAILED); the reasons refine FAILED by rules.
CONTRACT = {"status_map_entries": 3}


def _case(name: str) -> dict:
    data = next(c["data"] for c in CASES if c["name"] == name)
    return copy.deepcopy(data["payload"] if "provider" in data else data)


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(mtnmomo.SPEC)
    assert set(mtnmomo.STATUSES.values()) <= set(StatusCategory.__members__)
    assert set(mtnmomo.REASONS.values()) <= set(FailureReason.__members__)


@pytest.mark.parametrize(("reason", "status", "failure"), [
    ("NOT_ENOUGH_FUNDS", "DECLINED", "INSUFFICIENT_FUNDS"), ("PAYER_LIMIT_REACHED", "DECLINED", "LIMIT_EXCEEDED"),
    ("EXPIRED", "CANCELLED", None), ("TRANSACTION_CANCELED", "CANCELLED", None),
    ("INVALID_CALLBACK_URL_HOST", "ERROR", "CONFIGURATION_ERROR"),
    ("SERVICE_UNAVAILABLE", "ERROR", "ISSUER_UNAVAILABLE"),
])
def test_a_failed_request_to_pay_takes_its_outcome_from_the_reason(reason, status, failure):
    document = _case("requesttopay_failed_not_enough_funds")
    document["reason"] = reason
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason) == (status, failure)


def test_a_reason_object_is_read_by_its_code():
    document = _case("requesttopay_failed_not_enough_funds")
    document["reason"] = {"code": "PAYER_NOT_FOUND", "message": "Payer does not exist"}
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason) == ("DECLINED", "INVALID_CARD_DATA")


def test_the_transaction_and_the_merchants_reference():
    event = normalized_event(_case("requesttopay_successful"))
    assert (event.attempt_id, event.payment_id, event.amount_minor, event.currency) == (
        "1661178425", "c1f4687688585858a173f12", 500, "UGX")
