"""Moyasar mapping: pinned behaviour (the checks every provider
passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import moyasar
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("moyasar")


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(moyasar.SPEC)
    assert set(moyasar.STATUSES.values()) <= set(StatusCategory.__members__)
    for code, entry in moyasar.REASONS.items():
        reason = entry if isinstance(entry, str) else entry["reason"]
        assert reason in FailureReason.__members__, code


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_a_refund_is_the_refunded_amount_on_the_same_payment():
    event = normalized_event(_case("payment_partially_refunded"))
    assert (event.amount_minor, event.refund_id, event.payment_id) == (
        20000, "760878ec-d1d3-5f72-9056-191683f55872", "760878ec-d1d3-5f72-9056-191683f55872")


def test_the_gateway_response_code_wins_over_the_generic_message():
    body = _case("payment_failed_lost_card")
    body["source"]["message"] = "DECLINED"
    event = normalized_event(body)
    assert (event.failure_reason, event.raw_reason_code) == (FailureReason.LOST_OR_STOLEN_CARD, "41")


def test_an_invoice_is_the_payment_and_names_the_payment_that_paid_it():
    event = normalized_event(_case("invoice_paid_with_payment_id_hinted"))
    assert (str(event.event_kind), event.payment_id, event.attempt_id) == (
        "PAYMENT", "0b2c6b9e-7f3a-4d8e-9a51-3c2f1e4d5a6b", "e4a1c2d3-5b6f-4a7e-8c9d-0f1e2d3c4b5a")


def test_every_documented_invoice_status_is_read():
    for status, category in moyasar.INVOICE_STATUSES.items():
        body = _case("invoice_initiated_fetch")
        body["status"] = status
        event = normalized_event(body)
        assert str(event.status_category) == category, status
        assert str(event.event_kind) == ("REFUND" if status == "refunded" else "PAYMENT"), status
