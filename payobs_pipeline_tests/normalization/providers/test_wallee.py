"""wallee / PostFinance Checkout mapping: pinned behaviour (the checks every
provider passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping, UnmappedPayload
from payobs_pipeline.normalization.providers import wallee
from payobs_pipeline.normalization.taxonomy import FailureReason, PaymentMethod, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("wallee")


def _data(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(wallee.SPEC, wallee.prepare)
    statuses = {*wallee.TRANSACTION_STATES.values(), *wallee.REFUND_STATES.values(), *wallee.COMPLETION_STATES.values()}
    assert statuses <= set(StatusCategory.__members__)
    reasons = {entry if isinstance(entry, str) else entry["reason"] for entry in wallee.REASONS.values()}
    assert reasons <= set(FailureReason.__members__)
    assert set(wallee.PAYMENT_METHODS.values()) <= set(PaymentMethod.__members__)


def test_a_notice_without_a_state_is_refused_as_carrying_no_outcome():
    with pytest.raises(UnmappedPayload) as refused:
        wallee.prepare(_data("webhook_notice_without_state"))
    assert refused.value.reason_code == "NOTIFICATION_WITHOUT_OUTCOME"


def test_a_failed_completion_is_an_error_when_the_platform_failed_and_a_decline_when_the_buyer_did():
    completion = _data("completion_successful")
    completion["state"] = "FAILED"
    completion["failureReason"] = {"category": "INTERNAL"}
    assert (normalized_event(completion).status_category, normalized_event(completion).event_kind) == ("ERROR", "CAPTURE")
    completion["failureReason"] = {"category": "END_USER"}
    assert normalized_event(completion).status_category == "DECLINED"


def test_a_refund_notice_with_a_state_is_the_refund():
    notice = _data("webhook_notice_transaction_failed")
    notice.update(listenerEntityTechnicalName="Refund", entityId=7712045, state="SUCCESSFUL")
    event = normalized_event(notice)
    assert (event.status_category, event.event_kind, event.refund_id) == ("REFUNDED", "REFUND", "7712045")
