"""FastSpring mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import fastspring
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("fastspring")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(fastspring.SPEC, fastspring.prepare)
    assert {*fastspring.ORDER_EVENTS.values(), *fastspring.ORDER_COMPLETED.values()} <= set(StatusCategory.__members__)
    assert set(fastspring.CHARGE_FAILURE_REASONS.values()) <= set(FailureReason.__members__)


def test_an_envelope_of_several_events_is_not_guessed_at():
    document = _case("order_completed")
    document["events"].append(copy.deepcopy(document["events"][0]))
    with pytest.raises(AssertionError):
        normalized_event({"provider": "fastspring", "payload": document})


def test_a_return_names_the_order_it_returns():
    event = normalized_event(_case("return_created"))
    assert (event.event_kind, event.refund_id, event.payment_id, event.amount_minor) == (
        "REFUND", "Kc2BiHoQTbyU7Ke8QfROSQ", "zyAQWYNITbCjKd6nF5uYmA", 5999)
