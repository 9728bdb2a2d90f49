"""Secure Trading / Trust Payments mapping (Webservices JSON and XML): pinned behaviour (the checks every
provider passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import securetrading
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("securetrading")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_is_a_category():
    compiled = CompiledMapping(securetrading.SPEC, securetrading.prepare)
    for variant in compiled.variants:
        assert all(isinstance(status, StatusCategory) for status in variant.status_map.values())
    for raw, category in securetrading.OUTCOMES.items():
        assert category in StatusCategory.__members__, raw


def test_the_acquirers_code_is_more_specific_than_decline_70000():
    event = normalized_event(_case("json_auth_decline_70000_insufficient_funds"))
    assert (str(event.failure_reason), event.raw_reason_code) == ("INSUFFICIENT_FUNDS", "51")


def test_a_refund_names_its_parent():
    event = normalized_event(_case("json_refund_ok"))
    assert (str(event.event_kind), event.refund_id) == ("REFUND", "23-9-80020")


def test_every_registry_code_has_a_reason():
    for code, reason in securetrading.ERROR_CODES.items():
        assert reason, code


def test_prepare_keeps_the_payload_unchanged():
    body = _case("json_auth_approved_visa")
    before = copy.deepcopy(body)
    securetrading.prepare(body)
    assert body == before
