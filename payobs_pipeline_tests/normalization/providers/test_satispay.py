"""Satispay mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import satispay
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("satispay")


def _case(name: str) -> dict:
    data = next(c["data"] for c in CASES if c["name"] == name)
    return copy.deepcopy(data.get("payload", data))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(satispay.SPEC)
    assert set(satispay.STATUSES.values()) <= set(StatusCategory.__members__)
    assert set(satispay.ERROR_REASONS.values()) <= set(FailureReason.__members__)


@pytest.mark.parametrize(("code", "status", "reason"), [
    (21, "DECLINED", "INSUFFICIENT_FUNDS"), ("172", "DECLINED", "REVOKED"), (41, "ERROR", "INVALID_REQUEST"),
    (44, "ERROR", "INVALID_REQUEST"), (131, "ERROR", "TRANSACTION_NOT_PERMITTED"),
])
def test_the_error_code_names_the_outcome(code, status, reason):
    event = normalized_event({"code": code, "message": "...", "wlt": "FnT15Fhr"})
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == (status, reason, str(code))


def test_a_refund_is_its_own_object_on_the_shop_that_pays_it():
    event = normalized_event(_case("refund_accepted"))
    assert (event.event_kind, event.refund_id, event.merchant_id, event.amount_minor) == (
        "REFUND", "3ccea4c1-0d5e-430f-9975-0becd9440d41", "0c4f4511-1afa-4b17-b529-ff7465d126c1", 1240)


def test_an_accepted_payment_is_not_cancelled_by_expiry_flags():
    document = _case("payment_hotp_auth_accepted")
    document["expired"] = True
    assert normalized_event(document).status_category == "APPROVED"
