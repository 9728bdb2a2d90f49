"""Paidy mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import paidy
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

# What test_provider_contract.py expects of this provider where it differs from every provider's default.
CONTRACT = {
    # Distinct failure reasons among its DECLINED cases: Paidy gives no reason for a rejected authorization.
    "decline_reasons": 1,
}

CASES = provider_cases("paidy")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(paidy.SPEC)
    statuses = {**paidy.PAYMENT_STATUSES, **paidy.CHECKOUT_STATUSES, **paidy.WEBHOOK_STATUSES}
    assert set(statuses.values()) <= set(StatusCategory.__members__)
    assert {*paidy.REASONS.values(), *paidy.HTTP_REASONS.values()} <= set(FailureReason.__members__)


def test_a_refund_answer_is_the_latest_refund_with_its_own_id():
    event = normalized_event(_case("payment_closed_refunded"))
    assert (event.event_kind, event.amount_minor, event.refund_id, event.attempt_id, event.payment_id) == (
        "REFUND", 2000, "ref_WD1KIj4AALQAIMtB", "pay_WD1KIj4AALQAIMtB", "order-1003")


def test_a_closed_payment_is_captured_cancelled_or_refunded_by_what_it_holds():
    document = _case("payment_closed_refunded")
    document["refunds"] = []
    assert (normalized_event(document).status_category, normalized_event(document).event_kind) == ("APPROVED",
                                                                                                   "CAPTURE")
    document["captures"] = []
    assert (normalized_event(document).status_category, normalized_event(document).event_kind) == ("CANCELLED",
                                                                                                   "VOID")


@pytest.mark.parametrize(("status", "reason"), [(404, "INVALID_REQUEST"), (403, "CONFIGURATION_ERROR"),
                                                (409, "DUPLICATE"), (503, "PROCESSING_ERROR")])
def test_an_error_code_the_table_lacks_is_read_by_its_http_status(status, reason):
    document = _case("error_malformed_request")
    document.update(status=status, code="some.other_code")  # a generic error shape: named by the hint
    event = normalized_event({"provider": "paidy", "payload": document})
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == ("ERROR", reason, str(status))


def test_a_webhook_names_the_payment_and_the_merchants_order():
    event = normalized_event(_case("webhook_authorize_success"))
    assert (event.attempt_id, event.payment_id, event.amount_minor, event.currency) == (
        "pay_WD1KIj4AALQAIMtD", "order-1005", None, None)
