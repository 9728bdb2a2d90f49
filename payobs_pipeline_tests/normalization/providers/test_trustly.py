"""Trustly mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import trustly
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("trustly")


def _data(name: str) -> dict:
    return copy.deepcopy(next(case["data"] for case in CASES if case["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(trustly.SPEC)
    statuses = {*trustly.EU_METHODS.values(), *trustly.NA_STATUSES.values(), *trustly.NA_REFUND_STATUSES.values()}
    assert statuses <= set(StatusCategory.__members__)
    reasons = {r if isinstance(r, str) else r["reason"] for r in trustly.REASONS.values()}
    assert reasons <= set(FailureReason.__members__)


@pytest.mark.parametrize("code, reason", [("SW055", "RISK_REJECTED"), ("SW056", "TRANSACTION_NOT_PERMITTED"),
                                          ("SW057", "AUTHENTICATION_REQUIRED")])
def test_a_failed_event_with_a_refusal_code_is_a_decline(code, reason):
    data = _data("na_failed_bank_down")
    data["paymentProviderTransaction"]["status"] = code
    event = normalized_event(data)
    assert (event.status_category, event.failure_reason) == ("DECLINED", reason)


def test_a_user_cancellation_code_cancels_a_failed_event():
    data = _data("na_failed_bank_down")
    data["paymentProviderTransaction"]["status"] = "UC06"
    assert normalized_event(data).status_category == "CANCELLED"


def test_the_error_name_and_number_agree():
    # The JSON-RPC error names its code twice (ERROR_* and the number): either alone gives the same reason.
    data = _data("eu_error_invalid_credentials")
    del data["error"]["error"]["data"]["message"]
    data["error"]["message"] = None
    assert normalized_event(data).failure_reason == "CONFIGURATION_ERROR"


def test_a_reversal_is_one_dispute_per_transaction():
    # Trustly names no dispute object: the returned transaction is the dispute, whichever event reports it.
    first = normalized_event(_data("na_reversed"))
    later = _data("na_reversed")
    later["eventId"] = "1002593999"
    later["eventType"] = "Dispute"
    assert first.dispute_id == normalized_event(later).dispute_id == "1002593562"
