"""LiqPay mapping: pinned behaviour (the checks every provider
passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import liqpay
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("liqpay")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(liqpay.SPEC)
    assert set(liqpay.STATUSES.values()) <= set(StatusCategory.__members__)
    assert {r["reason"] if isinstance(r, dict) else r for r in liqpay.REASONS.values()} <= set(FailureReason.__members__)


@pytest.mark.parametrize(("code", "expected"), [
    ("9852", "INVALID_CARD_DATA"),
    ("9863", "RESTRICTED_CARD"),
    ("limit", "LIMIT_EXCEEDED"),
    ("3914", "TRANSACTION_NOT_PERMITTED"),
    ("err_verify_code", "AUTHENTICATION_FAILED"),
])
def test_each_err_code_of_a_failure_is_its_reason(code, expected):
    document = _case("callback_failure_insufficient_funds")
    document["err_code"] = code
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == ("DECLINED", expected, code)


def test_every_expiry_code_is_an_abandoned_payment():
    for code in liqpay.EXPIRED:
        document = _case("callback_expired_3ds_cancelled")
        document["err_code"] = code
        assert normalized_event(document).status_category == "CANCELLED", code


def test_the_order_id_ties_the_attempts_of_one_order():
    event = normalized_event(_case("callback_success_card"))
    assert (event.attempt_id, event.payment_id, event.event_time.year) == ("1234567890", "order_id_1", 2017)


def test_the_post_parameters_are_decoded_without_changing_the_row():
    document = _case("callback_post_parameters_success")
    before = copy.deepcopy(document)
    prepared = liqpay.prepare(document)
    assert document == before
    assert (prepared["status"], prepared["order_id"]) == ("success", "order_2001")


def test_a_data_parameter_that_is_not_base64_json_is_left_as_it_is():
    document = {"data": "eyJ not base64 !", "signature": "x"}
    assert liqpay.prepare(document) is document
