"""Instamojo mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import instamojo
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

# What test_provider_contract.py expects of this provider where it differs from every provider's default.
CONTRACT = {
    # Instamojo documents no failure codes (a failed payment's failure.reason is free text): its declines have
    # one failure reason, UNKNOWN.
    "decline_reasons": 1,
}

CASES = provider_cases("instamojo")


def _data(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(instamojo.SPEC, instamojo.prepare)
    statuses = {*instamojo.STATUSES.values(), *instamojo.PAYMENT_REQUEST_STATUSES.values(),
                *instamojo.REFUND_STATUSES.values()}
    assert statuses <= set(StatusCategory.__members__)
    reasons = {r if isinstance(r, str) else r["reason"] for r in instamojo.REASONS.values()}
    assert reasons <= set(FailureReason.__members__)


def test_prepare_reads_the_payment_request_id_from_its_link_and_leaves_the_payment_alone():
    payment = _data("v2_payment_success_upi")
    prepared = instamojo.prepare(payment)
    assert prepared["payment_request_id"] == "5ab1e0a3a7ad4f2c9f8c0b6a7d1e2f31"
    assert "payment_request_id" not in payment
    assert instamojo.prepare({"id": "MOJO1", "payment_request": None}) == {"id": "MOJO1", "payment_request": None}


def test_a_payment_request_whose_email_failed_is_not_a_declined_payment():
    event = normalized_event(_data("v2_request_notification_failed_hinted"))
    assert (event.status_category, event.failure_reason) == (StatusCategory.PENDING, None)


def test_the_payments_of_one_request_share_its_payment_id():
    redirect = normalized_event(_data("redirect_credit"))
    webhook = normalized_event(_data("webhook_credit"))
    assert redirect.attempt_id == webhook.attempt_id == "MOJO5a06005J21512197"
    assert redirect.payment_id == webhook.payment_id == "d66cb29dd059482e8072999f995c4eef"
