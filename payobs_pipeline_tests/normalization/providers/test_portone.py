"""PortOne (iamport) mapping: pinned behaviour (the checks every provider passes are in ../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.providers import portone
from payobs_pipeline_tests.normalization.corpus_checks import (
    normalized_event,
    provider_cases,
)

CASES = provider_cases("portone")


def _data(name):
    return copy.deepcopy(next(case["data"] for case in CASES if case["name"] == name))


def test_a_v1_payment_cancelled_before_it_was_paid_is_cancelled_not_refunded():
    body = _data("v1_ready_vbank")
    body["response"].update(status="cancelled", cancelled_at=1648346500)
    event = normalized_event(body)
    assert (str(event.status_category), str(event.event_kind), event.refund_id) == ("CANCELLED", "AUTHORIZATION", None)


def test_a_zero_time_is_not_the_event_time():
    event = normalized_event(_data("v1_failed_insufficient_balance"))
    assert event.event_time.isoformat() == "2022-03-27T01:26:40+00:00"


@pytest.mark.parametrize("message,reason", [("[F114] 분실 카드", "LOST_OR_STOLEN_CARD"),
                                            ("유효기간 오류", "EXPIRED_CARD"), ("비밀번호 오류 횟수 초과", "AUTHENTICATION_FAILED")])
def test_the_pg_message_names_the_reason(message, reason):
    payment = _data("v2_failed_limit")
    payment["failure"]["pgMessage"] = message
    assert str(normalized_event(payment).failure_reason) == reason


def test_a_refund_is_the_latest_cancellation():
    payment = _data("v2_partial_cancelled_easypay")
    later = {**payment["cancellations"][0], "id": "cancel-later", "totalAmount": 5000,
             "cancelledAt": "2024-07-27T02:00:00Z"}
    payment["cancellations"].append(later)
    event = normalized_event(payment)
    assert (event.refund_id, event.amount_minor) == ("cancel-later", 5000)


def test_every_v2_error_type_is_an_error_with_its_reason():
    for error_type, reason in portone.ERROR_TYPES.items():
        event = normalized_event({"provider": "portone", "payload": {"type": error_type, "message": "x"}})
        assert (str(event.status_category), str(event.failure_reason)) == ("ERROR", reason), error_type
