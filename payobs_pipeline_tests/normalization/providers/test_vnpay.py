"""VNPAY mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy
from urllib.parse import parse_qsl, urlencode

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import vnpay
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("vnpay")


def _case(name: str) -> object:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def _return_url(name: str, **changes: str) -> str:
    """A corpus Return URL / IPN query string with some parameters changed."""
    params = dict(parse_qsl(_case(name), keep_blank_values=True))
    params.update(changes)
    return urlencode(params)


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(vnpay.SPEC, vnpay.prepare)
    statuses = {*vnpay.TRANSACTION_STATUSES.values(), *vnpay.REFUND_STATUSES.values(),
                *vnpay.RESPONSE_STATUSES.values()}
    assert statuses <= set(StatusCategory.__members__)
    assert {*vnpay.PAYMENT_REASONS.values(), *vnpay.API_REASONS.values()} <= set(FailureReason.__members__)


@pytest.mark.parametrize(("code", "reason"), [("51", "INSUFFICIENT_FUNDS"), ("10", "AUTHENTICATION_FAILED"),
                                              ("79", "AUTHENTICATION_FAILED"), ("65", "LIMIT_EXCEEDED"),
                                              ("12", "RESTRICTED_CARD"), ("99", "GENERIC_DECLINE")])
def test_the_response_code_names_the_reason_of_a_failed_payment(code, reason):
    event = normalized_event(_return_url("ipn_insufficient_funds", vnp_ResponseCode=code))
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == ("DECLINED", reason, code)


@pytest.mark.parametrize("code", vnpay.CUSTOMER_CANCELLED_CODES)
def test_a_customer_who_cancelled_or_timed_out_is_cancelled_not_declined(code):
    event = normalized_event(_return_url("ipn_insufficient_funds", vnp_ResponseCode=code))
    assert (event.status_category, event.failure_reason) == ("CANCELLED", None)


def test_the_amount_is_sent_times_100_even_for_vnd():
    event = normalized_event(_case("return_url_success_atm"))
    assert (event.amount_minor, event.currency) == (10000, "VND")
    with pytest.raises(AssertionError, match="FRACTIONAL_MINOR_UNITS"):
        normalized_event(_return_url("return_url_success_atm", vnp_Amount="1000050"))


def test_the_order_reference_ties_the_attempts_of_one_payment():
    event = normalized_event(_case("return_url_success_atm"))
    assert (event.attempt_id, event.payment_id, event.merchant_id) == ("14226112", "166117", "CTTVNP01")


def test_a_failed_query_is_an_error_of_the_call_not_a_payment_outcome():
    event = normalized_event(_case("querydr_not_found"))
    assert (event.status_category, event.failure_reason, event.raw_reason_code, event.event_kind) == (
        "ERROR", "INVALID_REQUEST", "91", "AUTHORIZATION")


def test_a_refund_answer_is_its_own_refund_on_the_payment_it_refunds():
    event = normalized_event(_case("refund_answer_processing"))
    assert (event.event_kind, event.refund_id, event.payment_id, event.attempt_id) == (
        "REFUND", "d7c1a9e0b3f24c1e9a5b6c7d8e9f0a1b", "166117", "14226112")
