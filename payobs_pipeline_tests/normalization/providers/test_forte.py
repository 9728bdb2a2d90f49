"""Forte mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import forte
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("forte")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(forte.SPEC)
    statuses = {*forte.STATUSES.values(), *forte.RESPONSE_TYPES.values(), *forte.SETTLE_TYPES.values()}
    assert statuses <= set(StatusCategory.__members__)
    reasons = {entry["reason"] if isinstance(entry, dict) else entry
               for entry in {**forte.RESPONSE_CODES, **forte.AUTHORIZER_TEXTS}.values()}
    assert reasons <= set(FailureReason.__members__)


def test_the_authorizers_text_names_the_reason_of_a_general_decline():
    # U83 alone is a general decline; the authorizer's words in the description say which.
    document = _case("rest_sale_u83_pick_up")
    document["response"]["response_desc"] = "DECLINE"
    event = normalized_event(document)
    assert (event.failure_reason, event.raw_reason_code) == (FailureReason.GENERIC_DECLINE, "U83")
    document["response"]["response_desc"] = "CID MISMATCH"
    assert normalized_event(document).failure_reason == FailureReason.INCORRECT_CVC


def test_a_declined_credit_is_a_failed_refund_of_the_original_attempt():
    document = _case("rest_credit_approved")
    document["response"] = {"environment": "sandbox", "response_type": "D", "response_code": "U13",
                            "response_desc": "ORIG TRANS NOT FOUND"}
    event = normalized_event(document)
    assert (event.status_category, event.event_kind, event.failure_reason) == (
        StatusCategory.DECLINED, "REFUND", FailureReason.INVALID_REQUEST)
    assert event.attempt_id == "trn_4f7a0e16-6c3a-4b3c-9f2e-1d0a6e8b1a01"


def test_a_timed_out_authorizer_is_a_timeout():
    document = _case("rest_sale_u20_invalid_card")
    document["response"].update(response_code="U84", response_desc="AUTH TIMEOUT")
    assert normalized_event(document).failure_reason == FailureReason.TIMEOUT


def test_an_agi_reply_as_received_with_its_endofdata_line_is_read():
    # The AGI reply exactly as Forte sends it (developers.forte.net AGI guide: the pairs, then "endofdata").
    row = {"provider": "forte", "content": ("pg_transaction_type=10\npg_total_amount=12.50\npg_response_type=D\n"
                                            "pg_response_code=U23\npg_response_description=INVALID EXPIRATION DATE\n"
                                            "endofdata\n")}
    event = normalized_event(row)
    assert (str(event.status_category), str(event.failure_reason), event.amount_minor, event.currency) == (
        "DECLINED", "EXPIRED_CARD", 1250, "USD")
