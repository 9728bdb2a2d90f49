"""BluePay mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import bluepay
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("bluepay")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


CONTRACT = {"status_map_entries": 3}  # BluePay replies STATUS 1, 0 or E only


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(bluepay.SPEC)
    assert set(bluepay.STATUSES.values()) <= set(StatusCategory.__members__)
    assert set(bluepay.MESSAGES.values()) <= set(FailureReason.__members__)


def test_a_decline_without_a_known_message_is_a_decline_without_reason():
    event = normalized_event("TRANS_ID=100000000151&STATUS=0&AVS=N&CVV2=N&MESSAGE=CVV2%20MISMATCH&REBID=")
    assert (event.status_category, event.failure_reason, event.attempt_id) == ("DECLINED", "UNKNOWN", "100000000151")


def test_a_refused_credit_is_a_failed_refund_not_a_refund():
    event = normalized_event(_case("credit_refused"))
    assert (event.status_category, event.event_kind, event.refund_id) == ("DECLINED", "REFUND", "100134229326")
