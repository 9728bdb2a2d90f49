"""Tpay mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import tpay
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

# What test_provider_contract.py expects of this provider where it differs from every provider's default.
CONTRACT = {
    # Tpay notifies paid transactions only and documents no refusal reasons: its corpus has no DECLINED case.
    "decline_reasons": 0,
}

CASES = provider_cases("tpay")


def test_every_mapped_status_is_canonical():
    CompiledMapping(tpay.SPEC)
    assert {*tpay.NOTIFICATION_STATUSES.values(), *tpay.API_STATUSES.values()} <= set(StatusCategory.__members__)


def test_the_amount_is_what_was_paid_not_the_target():
    # tr_amount is the transaction's target; tr_paid what the payer actually paid (an overpayment here).
    data = next(c["data"] for c in CASES if c["name"] == "notification_overpay_accepted")
    assert normalized_event(data).amount_minor == 12000
    assert normalized_event(data.replace("&tr_paid=120.00", "")).amount_minor == 10000
