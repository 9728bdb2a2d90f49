"""Quickpay mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import quickpay
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline.normalization.evaluation import normalize_lake_data
from payobs_pipeline_tests.normalization.corpus_checks import NORMALIZER, normalized_event, provider_cases

CASES = provider_cases("quickpay")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(quickpay.SPEC, quickpay.prepare)
    assert {*quickpay.QP_STATUSES.values(), *quickpay.STATES.values()} <= set(StatusCategory.__members__)
    reasons = {*quickpay.QP_REASONS.values(), *quickpay.CLEARHAUS_REASONS.values(), *quickpay.ERROR_CODES.values()}
    assert reasons <= set(FailureReason.__members__)


@pytest.mark.parametrize(("aq", "reason"), [("40412", "LOST_OR_STOLEN_CARD"), ("40414", "SUSPECTED_FRAUD"),
                                            ("40415", "LIMIT_EXCEEDED"), ("40310", "AUTHENTICATION_FAILED")])
def test_a_rejection_takes_its_reason_from_the_acquirer_code(aq, reason):
    document = _case("authorize_rejected_insufficient_funds")
    document["operations"][-1]["aq_status_code"] = aq
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == ("DECLINED", reason, aq)


def test_a_generic_acquirer_decline_keeps_the_gateway_code():
    document = _case("authorize_rejected_insufficient_funds")
    document["operations"][-1]["aq_status_code"] = "40410"
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == (
        "DECLINED", "GENERIC_DECLINE", "40000")


def test_the_latest_operation_is_the_event():
    event = normalized_event(_case("refund_approved"))
    assert (event.event_kind, event.status_category, event.amount_minor, event.refund_id) == (
        "REFUND", "REFUNDED", 400, "1234/3")


def test_prepare_leaves_the_payment_untouched():
    document = _case("refund_approved")
    prepared = quickpay.prepare(document)
    assert document == _case("refund_approved")
    assert prepared[quickpay.OPERATION]["type"] == "refund"


def test_a_subscription_is_not_a_payment():
    document = _case("payment_authorized")
    document["type"] = "Subscription"
    outcome = normalize_lake_data(document, None, NORMALIZER)
    assert outcome.unprocessed_reason == "NOT_A_PAYMENT_EVENT"
