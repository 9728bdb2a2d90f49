"""Gestpay / Axerve mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import gestpay
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("gestpay")


def _case(name: str) -> dict:
    data = next(c["data"] for c in CASES if c["name"] == name)
    return copy.deepcopy(data["payload"] if isinstance(data, dict) and "payload" in data and "error" not in data
                         else data)


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(gestpay.SPEC, gestpay.prepare)
    assert set(gestpay.STATUSES.values()) <= set(StatusCategory.__members__)
    assert set(gestpay.ERROR_CODES.values()) <= set(FailureReason.__members__)


@pytest.mark.parametrize(("code", "reason"), [("251", "INSUFFICIENT_FUNDS"), ("433", "EXPIRED_CARD"),
                                              ("1149", "INCORRECT_CVC"), ("404", "LOST_OR_STOLEN_CARD"),
                                              ("2002", "RISK_REJECTED"), ("212", "ISSUER_UNAVAILABLE")])
def test_the_transaction_error_code_names_the_reason_of_a_declined_payment(code, reason):
    document = _case("rest_detail_ko_433_card_expired")
    document["payload"]["transactionErrorCode"] = code
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == ("DECLINED", reason, code)


@pytest.mark.parametrize("code", gestpay.BUYER_CANCELLED_CODES)
def test_a_buyer_who_cancelled_or_abandoned_is_cancelled_not_declined(code):
    document = _case("rest_submit_ko_251_insufficient_credit")
    document["payload"]["transactionErrorCode"] = code
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason) == ("CANCELLED", None)


def test_a_rest_error_body_is_an_error_with_the_code_of_the_errors_table():
    event = normalized_event({"provider": "axerve", "payload": {"error": {"code": "1166", "description": "Invalid "
                              "ApiKey"}, "payload": {}}})
    assert (event.provider, event.status_category, event.failure_reason, event.raw_reason_code) == (
        "gestpay", "ERROR", "CONFIGURATION_ERROR", "1166")


def test_a_soap_result_reads_its_uic_currency_code_as_iso():
    event = normalized_event(_case("soap_decrypt_ok_eur"))
    assert (event.amount_minor, event.currency, event.attempt_id, event.payment_id) == (
        98540, "EUR", "656", "34az85ord19")
    assert gestpay.prepare({"GestPayS2S": {"Currency": "2", "Amount": "1.00"}}) == {
        "GestPayS2S": {"Currency": "GBP", "Amount": "1.00"}}


def test_a_refund_names_no_refund_of_its_own_only_the_payment_and_the_authorization_it_refunds():
    event = normalized_event(_case("soap_callrefunds2s_ok"))
    assert (event.event_kind, event.refund_id, event.payment_id, event.attempt_id) == (
        "REFUND", None, "MYSHOP-00142", "159247522")
