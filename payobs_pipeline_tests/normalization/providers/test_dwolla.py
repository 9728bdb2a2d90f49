"""Dwolla mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import dwolla
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("dwolla")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(dwolla.SPEC)
    assert {*dwolla.TRANSFER_STATUSES.values(), *dwolla.TRANSFER_TOPICS.values()} <= set(StatusCategory.__members__)
    reasons = {*dwolla.ACH_RETURN_CODES.values(), *dwolla.ERROR_CODES.values(), *dwolla.EMBEDDED_ERROR_CODES.values()}
    assert reasons <= set(FailureReason.__members__)


@pytest.mark.parametrize(("code", "reason"), [("R02", "INVALID_CARD_DATA"), ("R07", "REVOKED"),
                                              ("R09", "INSUFFICIENT_FUNDS"), ("R16", "RESTRICTED_CARD"),
                                              ("R20", "TRANSACTION_NOT_PERMITTED"),
                                              ("R24", "DUPLICATE"), ("R29", "REVOKED"), ("R84", "PROCESSING_ERROR")])
def test_the_ach_return_code_of_a_failure_names_the_reason(code, reason):
    document = _case("failure_r01_insufficient_funds")
    document["code"] = code
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == ("DECLINED", reason, code)


def test_a_webhook_topic_gives_the_outcome_of_the_transfer_it_names():
    document = _case("event_transfer_failed")
    document["topic"] = "customer_bank_transfer_creation_failed"
    event = normalized_event(document)
    assert (event.status_category, event.attempt_id, event.amount_minor) == (
        "DECLINED", "a1e58cd8-11ec-e811-8111-bec1f96924ed", None)


def test_a_mass_payment_event_is_no_payment():
    document = _case("event_funding_source_removed_not_a_payment")
    document["topic"] = "mass_payment_completed"
    with pytest.raises(AssertionError, match="NOT_A_PAYMENT_EVENT"):
        normalized_event(document)
