"""Easebuzz mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import easebuzz
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

# What test_provider_contract.py expects of this provider where it differs from every provider's default.
CONTRACT = {
    # Distinct failure reasons among its DECLINED cases: no Easebuzz error-code table is documented here (UNKNOWN).
    "decline_reasons": 1,
}

CASES = provider_cases("easebuzz")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_is_canonical():
    CompiledMapping(easebuzz.SPEC)
    assert set(easebuzz.STATUSES.values()) <= set(StatusCategory.__members__)


def test_a_failure_keeps_its_error_message_as_the_raw_reason():
    event = normalized_event(_case("response_failure"))
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == (
        "DECLINED", "UNKNOWN", "Bank was unable to authenticate.")


def test_the_merchants_txnid_is_the_payment_and_easepayid_the_attempt():
    event = normalized_event(_case("response_success_upi"))
    assert (event.attempt_id, event.payment_id, event.currency) == ("E230914ABCD12", "ORD0DKCABS78Q1", "INR")
