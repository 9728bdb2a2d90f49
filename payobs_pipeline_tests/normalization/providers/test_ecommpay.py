"""ECOMMPAY mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import ecommpay
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("ecommpay")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(ecommpay.SPEC)
    assert set(ecommpay.STATUSES.values()) <= set(StatusCategory.__members__)
    reasons = {r if isinstance(r, str) else r["reason"] for r in ecommpay.REASONS.values()}
    assert reasons <= set(FailureReason.__members__)


def test_the_whole_code_table_is_mapped():
    # 378 documented codes: 0 (success), the awaiting-processing codes and every failure code.
    assert len({"0", *ecommpay.AWAITING_CODES, *ecommpay.REASONS}) == 378


@pytest.mark.parametrize(("code", "status", "reason"), [
    ("10201", "DECLINED", "GENERIC_DECLINE"), ("10203", "DECLINED", "LOST_OR_STOLEN_CARD"),
    ("10404", "DECLINED", "SUSPECTED_FRAUD"), ("10722", "DECLINED", "AUTHENTICATION_REQUIRED"),
    ("3326", "DECLINED", "LIMIT_EXCEEDED"), ("1450", "DECLINED", "RISK_REJECTED"),
    ("20301", "CANCELLED", None)])
def test_the_operation_code_names_the_reason(code, status, reason):
    document = _case("sale_decline_insufficient_funds")
    document["operation"]["code"] = code
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason) == (status, reason)


def test_a_refund_operation_is_a_refund_with_its_own_id():
    event = normalized_event(_case("refund_success"))
    assert (event.event_kind, event.refund_id, event.attempt_id, event.payment_id, event.amount_minor) == (
        "REFUND", "26", None, "ORDER_155860015", 400)


def test_a_request_error_is_an_error_with_its_code():
    event = normalized_event(_case("request_error_hinted"))
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == ("ERROR", "INVALID_REQUEST", "3061")
