"""asaas mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import asaas
from payobs_pipeline.normalization.taxonomy import FailureReason, PaymentMethod, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("asaas")


def _case(name: str):
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(asaas.SPEC)
    assert set(asaas.STATUSES.values()) <= set(StatusCategory.__members__)
    assert {(e if isinstance(e, str) else e["reason"]) for e in asaas.REASONS.values()} <= set(FailureReason.__members__)
    assert set(asaas.PAYMENT_METHODS.values()) <= set(PaymentMethod.__members__)


def test_a_refund_in_progress_is_a_pending_refund_not_a_pending_payment():
    document = _case("payment_refunded_card")
    document["status"] = "REFUND_IN_PROGRESS"
    event = normalized_event(document)
    assert (event.status_category, event.event_kind) == ("PENDING", "REFUND")


def test_the_webhook_event_decides_over_the_payment_status():
    # A refused card capture leaves the cobrança PENDING; the event says the attempt failed.
    event = normalized_event(_case("webhook_card_capture_refused"))
    assert (event.status_category, event.raw_status) == ("DECLINED", "PENDING")
