"""emerchantpay mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import emerchantpay
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("emerchantpay")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(emerchantpay.SPEC)
    assert set(emerchantpay.WPF_STATES.values()) <= set(StatusCategory.__members__)
    assert set(emerchantpay.REASONS.values()) <= set(FailureReason.__members__)


@pytest.mark.parametrize(("code", "reason"), [("540", "LIMIT_EXCEEDED"), ("450", "DUPLICATE"), ("690", "RISK_REJECTED"),
                                              ("960", "ISSUER_UNAVAILABLE"), ("110", "CONFIGURATION_ERROR")])
def test_the_code_names_the_reason(code, reason):
    document = _case("sale_declined_invalid_card").replace("<code>510</code>", f"<code>{code}</code>")
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == ("DECLINED", reason, code)


def test_pending_is_an_unknown_outcome_to_reconcile_not_a_pending_one():
    assert normalized_event(_case("sale_pending_unknown_outcome")).status_category == "UNKNOWN"
    assert normalized_event(_case("sale3d_pending_async")).status_category == "PENDING"


def test_a_refund_names_the_transaction_it_refunds():
    event = normalized_event(_case("refund_approved"))
    assert (event.event_kind, event.refund_id, event.attempt_id) == (
        "REFUND", "55177a21403427eb96664a6d7e5d5d60", "44177a21403427eb96664a6d7e5d5d48")
