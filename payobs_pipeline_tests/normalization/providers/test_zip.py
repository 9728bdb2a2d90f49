"""Zip mapping: pinned behaviour (the checks every provider
passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import zip as zip_spec
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("zip")


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(zip_spec.SPEC)
    assert {*zip_spec.CHARGE_STATES.values(), *zip_spec.CHECKOUT_STATES.values()} <= set(StatusCategory.__members__)
    for code, entry in zip_spec.REASONS.items():
        reason = entry if isinstance(entry, str) else entry["reason"]
        assert reason in FailureReason.__members__, code


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_a_refund_names_the_charge_it_refunds():
    event = normalized_event(_case("refund_resource_hinted"))
    assert (event.refund_id, event.attempt_id) == ("rf_H4b8mMdNBpP0eVnyxw3Lh5", "7f2c9e1a-5b3d-4e8f-a6c4-2d1b0e9f8a77")


def test_a_402_code_is_a_decline_and_a_state_error_is_an_error():
    declined, error = _case("error_insufficient_funds"), _case("error_capture_invalid_state")
    assert (normalized_event(declined).status_category, normalized_event(error).status_category) == ("DECLINED", "ERROR")
