"""PayPlug mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import payplug
from payobs_pipeline.normalization.taxonomy import FailureReason, PaymentMethod, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("payplug")


def _data(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(payplug.SPEC)
    assert set(payplug.FAILURE_STATUSES.values()) <= set(StatusCategory.__members__)
    reasons = {entry if isinstance(entry, str) else entry["reason"] for entry in payplug.REASONS.values()}
    assert reasons <= set(FailureReason.__members__)
    assert set(payplug.PAYMENT_METHODS.values()) <= set(PaymentMethod.__members__)


def test_every_failure_code_that_is_a_failure_has_a_reason():
    failing = {code for code, status in payplug.FAILURE_STATUSES.items() if status in {"DECLINED", "ERROR"}}
    assert failing == set(payplug.REASONS)


def test_a_failure_wins_over_an_authorization_and_a_paid_payment_is_approved_with_one():
    document = _data("payment_failed_card_declined")
    document["authorization"] = {"authorized_amount": 3300, "authorized_at": 1555073519, "expires_at": 1555678319}
    assert normalized_event(document).status_category == "DECLINED"
    paid = _data("payment_paid_mastercard")
    paid["authorization"] = {"authorized_amount": 3300, "authorized_at": 1555073519, "expires_at": 1555678319}
    assert normalized_event(paid).status_category == "APPROVED"


def test_a_refund_names_the_payment_it_refunds():
    event = normalized_event(_data("refund_object"))
    assert (event.refund_id, event.attempt_id, event.payment_id) == (
        "re_3NxGqPfSGMHQgLSZH0Mv3B", "pay_5iHMDxy4ABR4YBVW4UscIn", "pay_5iHMDxy4ABR4YBVW4UscIn")
