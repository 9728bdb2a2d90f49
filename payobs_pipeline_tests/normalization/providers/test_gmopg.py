"""GMO Payment Gateway mapping: pinned behaviour (the checks every provider
passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import gmopg
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("gmopg")


def _case(name: str) -> object:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(gmopg.SPEC, gmopg.prepare)
    assert set(gmopg.STATUSES.values()) <= set(StatusCategory.__members__)
    assert set(gmopg.REASONS.values()) <= set(FailureReason.__members__)


@pytest.mark.parametrize(("code", "status", "reason"), [
    ("42G030000", "DECLINED", "LIMIT_EXCEEDED"), ("42G120000", "DECLINED", "RESTRICTED_CARD"),
    ("42G650000", "DECLINED", "INVALID_CARD_DATA"), ("E21010001", "DECLINED", "AUTHENTICATION_FAILED"),
    ("E21020002", "CANCELLED", None), ("E01030002", "ERROR", "CONFIGURATION_ERROR"),
    ("E61010001", "ERROR", "PROCESSING_ERROR")])
def test_err_info_names_the_outcome_and_reason(code, status, reason):
    event = normalized_event(f"ErrCode=X&ErrInfo={code}")
    assert (event.status_category, event.failure_reason) == (status, reason)


def test_prepare_splits_the_codes_and_keeps_the_field_as_it_came():
    prepared = gmopg.prepare({"ErrCode": "G02|G12", "ErrInfo": "42G020000|42G120000"})
    assert prepared["ErrInfo"] == "42G020000|42G120000"
    assert prepared[gmopg.ERRINFO_KEY] == ["42G020000", "42G120000"]


def test_the_access_id_is_the_attempt_across_auth_and_sales():
    auth = normalized_event(_case("notification_auth"))
    sales = normalized_event(_case("notification_sales"))
    assert auth.attempt_id == sales.attempt_id == "b1b2c3d4e5f60718293a4b5c6d7e8f91"
    assert (auth.event_kind, sales.event_kind) == ("AUTHORIZATION", "CAPTURE")
