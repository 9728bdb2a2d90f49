"""Recurly mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import recurly
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("recurly")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(recurly.SPEC, recurly.prepare)
    assert {*recurly.STATUSES.values(), *recurly.PAYMENT_EVENTS.values()} <= set(StatusCategory.__members__)
    reasons = {entry["reason"] if isinstance(entry, dict) else entry for entry in recurly.REASONS.values()}
    assert reasons <= set(FailureReason.__members__)


@pytest.mark.parametrize(("code", "reason", "decline_type"), [
    ("fraud_stolen_card", "LOST_OR_STOLEN_CARD", "HARD"), ("cardholder_requested_stop", "REVOKED", "HARD"),
    ("too_many_attempts", "LIMIT_EXCEEDED", "SOFT"),
    ("three_d_secure_action_required", "AUTHENTICATION_REQUIRED", None),
    ("duplicate_transaction", "DUPLICATE", None)])
def test_the_status_code_names_the_reason_of_a_declined_transaction(code, reason, decline_type):
    document = _case("v3_transaction_declined_insufficient_funds")
    document["status_code"] = code
    event = normalized_event(document)
    assert (event.failure_reason, event.raw_reason_code) == (reason, code)
    if decline_type:
        assert event.decline_type == decline_type


def test_a_payment_cancelled_at_the_customers_request_is_cancelled_not_declined():
    document = _case("v3_transaction_declined_insufficient_funds")
    document["status_code"] = "cancelled"
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason) == ("CANCELLED", None)


def test_a_v3_transaction_error_reads_the_nested_code():
    event = normalized_event(_case("v3_error_transaction_cvv"))
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == (
        "DECLINED", "INCORRECT_CVC", "fraud_security_code")


def test_a_legacy_xml_notification_with_a_currency_gives_its_amount_in_cents():
    document = _case("xml_failed_payment_notification").replace(
        "<reference></reference>", "<reference></reference>\n    <currency>EUR</currency>")
    event = normalized_event(document)
    assert (event.status_category, event.amount_minor, event.currency) == ("DECLINED", 1000, "EUR")
