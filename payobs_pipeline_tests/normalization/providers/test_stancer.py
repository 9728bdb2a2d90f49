"""Stancer mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import stancer
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("stancer")
# Omise also gives its disputes the dspt_ prefix: its detector reaches the threshold on a Stancer dispute, which
# Stancer's own signals (payment paym_, live_mode) outscore.
CONTRACT = {"shared_shapes": ["omise"]}


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(stancer.SPEC)
    statuses = {*stancer.PAYMENT_STATUSES.values(), *stancer.AUTH_STATUSES.values(), *stancer.REFUND_STATUSES.values()}
    assert statuses <= set(StatusCategory.__members__)
    assert set(stancer.PAYMENT_METHODS.values()) <= {"CARD", "DIRECT_DEBIT"}


@pytest.mark.parametrize(("code", "reason"), [("51", "INSUFFICIENT_FUNDS"), ("54", "EXPIRED_CARD"),
                                              ("41", "LOST_OR_STOLEN_CARD"), ("05", "GENERIC_DECLINE")])
def test_the_bank_response_names_the_reason_of_a_refused_payment(code, reason):
    document = _case("payment_refused_do_not_honor")
    document["response"] = code
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == ("DECLINED", reason, code)


def test_a_failed_strong_authentication_is_an_authentication_failure():
    document = _case("payment_auth_declined")
    document["auth"]["status"] = "failed"
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason) == ("DECLINED", "AUTHENTICATION_FAILED")


def test_a_refund_names_the_payment_it_refunds():
    event = normalized_event(_case("refund_refunded"))
    assert (event.event_kind, event.refund_id, event.attempt_id, event.amount_minor) == (
        "REFUND", "refd_4L1Tp8pDbnwtYfC0R7FcBd9L", "paym_KIVaaHi7G8QAYMQpQOYBrUQE", 50)
