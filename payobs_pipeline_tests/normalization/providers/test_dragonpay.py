"""Dragonpay mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import dragonpay
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("dragonpay")


def _postback(name: str) -> dict:
    return dict(parse_qsl(next(c["data"] for c in CASES if c["name"] == name), keep_blank_values=True))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(dragonpay.SPEC, dragonpay.prepare)
    assert set(dragonpay.STATUSES.values()) <= set(StatusCategory.__members__)
    reasons = {r if isinstance(r, str) else r["reason"] for r in dragonpay.REASONS.values()}
    assert reasons <= set(FailureReason.__members__)


def test_prepare_reads_the_bracketed_code_and_leaves_the_postback_alone():
    postback = {"refno": "Q2W8E4R6", "status": "F", "message": "[108] Insufficient funds"}
    prepared = dragonpay.prepare(postback)
    assert prepared["message_code"] == "108"
    assert "message_code" not in postback
    assert dragonpay.prepare({"refno": "X", "status": "F", "message": "no code"}) == {
        "refno": "X", "status": "F", "message": "no code"}


def test_the_code_in_the_message_decides_the_reason():
    postback = _postback("postback_failed_insufficient_funds")
    postback["message"] = "[201] Invalid Merchant Id"
    event = normalized_event(urlencode(postback))
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == (
        StatusCategory.DECLINED, FailureReason.CONFIGURATION_ERROR, "201")


def test_a_cancelled_transaction_is_not_counted_as_a_decline():
    event = normalized_event(urlencode(_postback("postback_cancelled_107")))
    assert (event.status_category, event.failure_reason) == (StatusCategory.CANCELLED, None)
