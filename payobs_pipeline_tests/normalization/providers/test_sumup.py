"""SumUp mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import sumup
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("sumup")
# SumUp documents no decline-reason code for a FAILED checkout or transaction: every decline is UNKNOWN.
CONTRACT = {"decline_reasons": 1}


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(sumup.SPEC)
    assert set(sumup.STATUSES.values()) <= set(StatusCategory.__members__)
    assert set(sumup.REASONS.values()) <= set(FailureReason.__members__)


@pytest.mark.parametrize(("slug", "reason"), [("invalid-token", "CONFIGURATION_ERROR"), ("gateway-timeout", "TIMEOUT"),
                                              ("checkout-not-found", "INVALID_REQUEST")])
def test_a_problem_type_names_the_reason_in_both_documented_spellings(slug, reason):
    for uri in (f"https://developer.sumup.com/problem/{slug}", f"https://developer.sumup.com/docs/problem/{slug}/"):
        document = _case("error_internal_server_error")
        document["type"] = uri
        event = normalized_event(document)
        assert (event.status_category, event.failure_reason) == ("ERROR", reason)


def test_the_checkout_reads_its_latest_transaction_as_the_attempt():
    document = _case("checkout_paid")
    document["transactions"].append({**document["transactions"][0], "id": "second-attempt"})
    event = normalized_event(document)
    assert (event.attempt_id, event.payment_id) == ("second-attempt", "4e425463-3e1b-431d-83fa-1e51c2925e99")


def test_a_refunded_transaction_names_no_refund_id_of_its_own():
    event = normalized_event(_case("transaction_refunded"))
    assert (event.event_kind, event.refund_id, event.attempt_id) == (
        "REFUND", None, "410fc44a-5956-44e1-b5cc-19c6f8d727a4")
