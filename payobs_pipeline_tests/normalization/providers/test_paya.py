"""Paya mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import paya
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("paya")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(paya.SPEC)
    assert {*paya.STATUS_IDS.values(), *paya.CHARGE_STATUSES.values()} <= set(StatusCategory.__members__)
    reasons = {*paya.REASON_CODES.values(), *paya.FORTIS_ERRORS.values(), *paya.DIRECT_API_ERRORS.values(),
               *paya.DIRECT_API_DECLINES.values()}
    assert reasons <= set(FailureReason.__members__)


@pytest.mark.parametrize(("code", "reason"), [(1500, "GENERIC_DECLINE"), (1603, "ISSUER_UNAVAILABLE"),
                                              (1613, "INCORRECT_CVC"), (1619, "LIMIT_EXCEEDED"),
                                              (1625, "TRANSACTION_NOT_PERMITTED"), (1655, "RISK_REJECTED")])
def test_the_reason_code_of_a_declined_transaction_names_the_reason(code, reason):
    document = _case("connect_cc_declined_nsf")
    document["transaction"]["reason_code_id"] = code
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == ("DECLINED", reason, str(code))


def test_amounts_are_dollars_on_paya_connect_and_cents_on_fortis():
    assert normalized_event(_case("connect_cc_authonly_approved")).amount_minor == 20000
    assert normalized_event(_case("fortis_v1_sale_approved")).amount_minor == 2099


def test_a_refund_names_the_transaction_it_refunds():
    event = normalized_event(_case("connect_ach_web_refund_pending"))
    assert (event.event_kind, event.refund_id, event.attempt_id) == (
        "REFUND", "11ebd9e0be6318fa8bccec90", "11ebd9dc11edb192acc537ba")


@pytest.mark.parametrize(("code", "status", "reason"), [("900035", "DECLINED", "AUTHENTICATION_FAILED"),
                                                        ("920002", "DECLINED", "RISK_REJECTED"),
                                                        ("711711", "UNKNOWN", "UNKNOWN"),
                                                        ("100004", "ERROR", "PROCESSING_ERROR"),
                                                        ("911911", "ERROR", "CONFIGURATION_ERROR")])
def test_a_direct_api_error_code_gives_status_and_reason(code, status, reason):
    document = _case("direct_error_hmac")
    document["code"] = code
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason) == (status, reason)
