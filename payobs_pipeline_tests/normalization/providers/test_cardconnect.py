"""CardConnect mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import cardconnect
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

# What test_provider_contract.py expects of this provider where it differs from every provider's default.
CONTRACT = {
    # respstat has three documented values (A approval, B temporary processing issue, C rejection).
    "status_map_entries": 3,
}

CASES = provider_cases("cardconnect")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(cardconnect.SPEC, cardconnect.prepare)
    assert set(cardconnect.RESPONSE_STATUSES.values()) <= set(StatusCategory.__members__)
    reasons = {entry["reason"] if isinstance(entry, dict) else entry
               for entry in {**cardconnect.GATEWAY_CODES, **cardconnect.RAPID_CONNECT_CODES}.values()}
    assert reasons <= set(FailureReason.__members__)


def test_a_code_is_read_for_its_processor():
    # 101 is Rapid Connect's expired card and the gateway's own AVS mismatch.
    document = _case("auth_declined_pps_101_avs")
    assert normalized_event(document).failure_reason == FailureReason.INVALID_CARD_DATA
    document.update(respproc="RPCT", resptext="Expired card")
    event = normalized_event(document)
    assert (event.failure_reason, event.raw_reason_code) == (FailureReason.EXPIRED_CARD, "RPCT 101")


def test_a_processors_iso_code_is_read_through_the_shared_table():
    document = _case("auth_declined_fnor_05_hinted")["payload"]
    document.update(respcode="41", resptext="Lost card")
    assert normalized_event(document).failure_reason == FailureReason.LOST_OR_STOLEN_CARD
