"""MoMo mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import momo
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("momo")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(momo.SPEC)
    assert set(momo.RESULT_STATUSES.values()) <= set(StatusCategory.__members__)
    assert set(momo.REASONS.values()) <= set(FailureReason.__members__)
    assert set(momo.PAYMENT_METHODS.values()) <= {"WALLET", "CARD"}


@pytest.mark.parametrize(("code", "status", "reason"), [
    (1001, "DECLINED", "INSUFFICIENT_FUNDS"), (1002, "DECLINED", "GENERIC_DECLINE"),
    (1007, "DECLINED", "RESTRICTED_CARD"), (4002, "DECLINED", "AUTHENTICATION_REQUIRED"),
    (10, "ERROR", "PROCESSING_ERROR"), (40, "ERROR", "DUPLICATE"), (21, "ERROR", "INVALID_REQUEST")])
def test_the_result_code_names_the_outcome_and_reason(code, status, reason):
    document = _case("ipn_successful_qr")
    document["resultCode"] = code
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == (status, reason, str(code))


@pytest.mark.parametrize("code", [*momo.PENDING_CODES])
def test_pending_codes_wait_for_the_customer_or_the_provider(code):
    document = _case("ipn_successful_qr")
    document["resultCode"] = int(code)
    assert normalized_event(document).status_category == "PENDING"


def test_a_cancellation_after_authorization_is_a_void():
    document = _case("ipn_successful_qr")
    document["resultCode"] = 1003
    event = normalized_event(document)
    assert (event.status_category, event.event_kind) == ("CANCELLED", "VOID")


def test_a_refund_answer_names_its_own_refund_and_the_purchase_attempt():
    event = normalized_event(_case("refund_successful"))
    assert (event.event_kind, event.refund_id, event.attempt_id, event.payment_id) == (
        "REFUND", "1527297954700", "144492817", None)
