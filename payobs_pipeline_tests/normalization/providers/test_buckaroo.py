"""Buckaroo mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy
import json

from payobs_pipeline.normalization.formats import parse_lake_data
from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.normalize import detect_provider
from payobs_pipeline.normalization.providers import buckaroo, builtin_mappings
from payobs_pipeline.normalization.taxonomy import FailureReason, PaymentMethod, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("buckaroo")


def _data(name: str):
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(buckaroo.SPEC)
    assert {*buckaroo.STATUSES.values(), *buckaroo.REFUND_STATUSES.values()} <= set(StatusCategory.__members__)
    assert set(buckaroo.REASONS.values()) <= set(FailureReason.__members__)
    assert set(buckaroo.PAYMENT_METHODS.values()) <= set(PaymentMethod.__members__)


def test_the_classic_push_is_left_to_the_heuristics_without_a_hint():
    # The unknown-providers corpus reads an unhinted brq_* push with the heuristics' Buckaroo family; this spec
    # reads it only when a hint names Buckaroo.
    push = _data("brq_push_190_hinted")
    assert normalized_event(push).provider == "buckaroo"
    body = parse_lake_data(json.dumps(push["content"])).body
    assert detect_provider(body, {}, builtin_mappings()).provider != "buckaroo"


def test_a_refund_names_the_transaction_it_refunds():
    event = normalized_event(_data("json_push_refund_190"))
    assert (event.refund_id, event.attempt_id) == ("C9D8E7F6A5B44C3D2E1F0A9B8C7D6E5F", "4E8BD922192746C3918BF4077C123456")
