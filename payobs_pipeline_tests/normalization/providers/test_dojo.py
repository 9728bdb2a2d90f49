"""Dojo mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import dojo
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("dojo")
# Dojo documents no decline codes: a declined attempt carries only a free-text message (see the module).
CONTRACT = {"decline_reasons": 1}


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(dojo.SPEC)
    assert {*dojo.STATUSES.values(), *dojo.EVENT_STATUSES.values()} <= set(StatusCategory.__members__)
    assert set(dojo.ERROR_REASONS.values()) <= set(FailureReason.__members__)


@pytest.mark.parametrize(("event_type", "status"),
                         [("Declined", "DECLINED"), ("Error", "ERROR"), ("Unknown", "UNKNOWN")])
def test_a_created_intent_takes_the_outcome_of_its_latest_payment_event(event_type, status):
    document = _case("payment_intent_declined_attempt")
    document["paymentEvents"][-1]["eventType"] = event_type
    event = normalized_event(document)
    assert (event.status_category, event.event_kind, event.failure_reason) == (status, "AUTHORIZATION", "UNKNOWN")


def test_a_reversed_intent_is_a_void_not_a_decline():
    event = normalized_event(_case("payment_intent_reversed"))
    assert (event.status_category, event.event_kind, event.failure_reason) == ("CANCELLED", "VOID", None)


def test_the_error_code_wins_over_the_http_status():
    event = normalized_event(_case("error_terminal_unavailable_hinted"))
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == (
        "ERROR", "PROCESSING_ERROR", "TERMINAL_UNAVAILABLE")


def test_a_webhook_names_the_intent_and_the_account():
    event = normalized_event(_case("webhook_status_updated_captured"))
    assert (event.attempt_id, event.merchant_id) == ("pi_vpwd4ooAPEqyNAQe4z89WQ", "acc_test")
