"""Telr mapping: pinned behaviour (the checks every provider
passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import telr
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("telr")


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(telr.SPEC)
    assert set(telr.STATUSES.values()) <= set(StatusCategory.__members__)
    for code, entry in telr.REASONS.items():
        reason = entry if isinstance(entry, str) else entry["reason"]
        assert reason in FailureReason.__members__, code


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_a_refund_advice_names_the_transaction_it_refunds():
    event = normalized_event(_case("tas_refund_authorised"))
    assert (event.refund_id, event.attempt_id, event.event_kind) == ("040029158999", "040029158825", "REFUND")


def test_the_transactions_code_gives_the_reason_of_a_declined_order():
    body = _case("order_check_declined_insufficient_funds")
    body["order"]["transaction"]["code"] = "93"
    assert normalized_event(body).failure_reason == FailureReason.LIMIT_EXCEEDED
