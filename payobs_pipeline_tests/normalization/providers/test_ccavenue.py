"""CCAvenue mapping: pinned behaviour (the checks every provider passes are in ../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import UnmappedPayload
from payobs_pipeline.normalization.providers import ccavenue
from payobs_pipeline_tests.normalization.corpus_checks import (
    normalized_event,
    provider_cases,
)

CASES = provider_cases("ccavenue")


def _data(name):
    return copy.deepcopy(next(case["data"] for case in CASES if case["name"] == name))


def test_trans_date_is_day_first_india_time():
    assert ccavenue._ist("02/08/2024 11:10:21") == "2024-08-02T11:10:21+05:30"
    assert ccavenue._ist("2024-08-02 11:10:21.703") == "2024-08-02T11:10:21.703+05:30"
    assert ccavenue._ist("Aug 2 2024") is None


@pytest.mark.parametrize("message,reason", [("Card expired", "EXPIRED_CARD"), ("Invalid CVV entered", "INCORRECT_CVC"),
                                            ("Insufficient balance in account", "INSUFFICIENT_FUNDS")])
def test_the_failure_message_names_the_reason(message, reason):
    tracker = _data("tracker_unsuccessful_netbanking")
    tracker["order_bank_response"] = message
    assert str(normalized_event(tracker).failure_reason) == reason


def test_a_failure_without_a_known_message_is_unknown_not_a_guess():
    tracker = _data("tracker_unsuccessful_netbanking")
    tracker["order_bank_response"] = "ERR-77"
    assert str(normalized_event(tracker).failure_reason) == "UNKNOWN"


def test_an_encrypted_notification_is_refused_and_a_failed_calls_plain_text_is_read():
    with pytest.raises(UnmappedPayload) as refused:
        ccavenue.prepare(_data("encrypted_enc_resp"))
    assert refused.value.reason_code == "NOTIFICATION_WITHOUT_OUTCOME"
    assert ccavenue.prepare({"status": "1", "enc_response": "Invalid Parameter"})["status"] == "1"


def test_a_refunded_order_names_no_refund_object():
    event = normalized_event(_data("tracker_refunded"))
    assert (event.refund_id, event.payment_id) == (None, "ORD1035")
