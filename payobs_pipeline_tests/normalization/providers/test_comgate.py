"""Comgate mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import comgate
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CONTRACT = {
    # Comgate documents no declined state and no decline reason: an incomplete payment is CANCELLED.
    "decline_reasons": 0,
}

CASES = provider_cases("comgate")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(comgate.SPEC)
    assert set(comgate.STATUSES.values()) <= set(StatusCategory.__members__)
    assert set(comgate.ERROR_CODES.values()) <= set(FailureReason.__members__)


def test_a_form_encoded_notification_reads_price_in_cents():
    event = normalized_event(next(c["data"] for c in CASES if c["name"] == "push_paid_form"))
    assert (event.status_category, event.amount_minor, event.currency, event.attempt_id, event.payment_id) == (
        "APPROVED", 10000, "CZK", "AB12-CD34-EF56", "2010102600")


def test_an_undocumented_error_code_is_an_error_without_reason():
    event = normalized_event({"provider": "comgate", "payload": {"code": "1309", "message": "Nesprávná částka"}})
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == ("ERROR", "UNKNOWN", "1309")
