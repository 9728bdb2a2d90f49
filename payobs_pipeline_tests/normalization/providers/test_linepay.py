"""LINE Pay mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.evaluation import normalize_lake_data
from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import linepay
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

# What test_provider_contract.py expects of this provider where it differs from every provider's default.
CONTRACT = {
    # e.Rede answers {returnCode, returnMessage} too: Rede's detector reaches the threshold on every LINE Pay
    # answer, below LINE Pay's own score (LINE Pay's four-digit codes).
    "shared_shapes": ["rede"],
}

CASES = provider_cases("linepay")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(linepay.SPEC)
    statuses = {*linepay.ANSWER_STATUSES.values(), *linepay.PAY_STATUSES.values()}
    assert statuses <= set(StatusCategory.__members__)
    assert set(linepay.REASONS.values()) <= set(FailureReason.__members__)


@pytest.mark.parametrize(("code", "status", "reason"), [
    ("1288", "DECLINED", "INSUFFICIENT_FUNDS"), ("1291", "DECLINED", "LOST_OR_STOLEN_CARD"),
    ("1169", "DECLINED", "AUTHENTICATION_REQUIRED"), ("1198", "ERROR", "DUPLICATE"),
    ("1104", "ERROR", "CONFIGURATION_ERROR"), ("1199", "ERROR", "PROCESSING_ERROR")])
def test_the_return_code_names_status_and_reason(code, status, reason):
    document = _case("confirm_low_balance")
    document["returnCode"] = code
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == (status, reason, code)


def test_a_bare_success_code_says_nothing_of_a_payment():
    # Void, Check RegKey and Check Payment Status "before authorization" all answer a bare 0000.
    event = normalized_event(_case("confirm_success"))
    assert event.status_category == "APPROVED"
    outcome = normalize_lake_data({"provider": "linepay", "payload": {"returnCode": "0000", "returnMessage": "OK"}})
    assert outcome.event is None


def test_payment_details_read_the_first_transaction_with_its_currency():
    event = normalized_event(_case("payment_details_captured"))
    assert (event.attempt_id, event.payment_id, event.currency, event.payment_method) == (
        "2021121600698709510", "20211216002", "TWD", "CARD")
