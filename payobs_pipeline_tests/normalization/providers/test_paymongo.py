"""PayMongo mapping: pinned behaviour (the checks every provider passes are in ../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.providers import paymongo
from payobs_pipeline_tests.normalization.corpus_checks import (
    normalized_event,
    provider_cases,
)

CASES = provider_cases("paymongo")
# Checkout.com's detector reads data.id pay_ (PayMongo's payment ids are pay_ too); it scores below PayMongo's own.
CONTRACT = {"shared_shapes": {"checkout"}}


def _data(name):
    return copy.deepcopy(next(case["data"] for case in CASES if case["name"] == name))


def test_every_documented_sub_code_of_a_failed_payment_names_a_reason():
    event_body = _data("event_payment_failed_insufficient_funds")
    for code in paymongo.FAILED_CODES:
        event_body["data"]["attributes"]["data"]["attributes"]["failed_code"] = code
        event = normalized_event(event_body)
        expected = "ERROR" if code in paymongo.TECHNICAL_FAILURES else "DECLINED"
        assert (str(event.status_category), event.raw_reason_code) == (expected, code)
        assert str(event.failure_reason) != "UNKNOWN"


def test_a_paid_payment_names_its_intent_as_the_payment():
    event = normalized_event(_data("payment_paid_gcash"))
    assert (event.attempt_id, event.payment_id) == ("pay_Tu2vW3xY4zA5bC6dE7fG8hI9", "pi_Gz8bZyFCtRWGMSBmcNshtT8Q")


def test_a_card_error_without_a_known_sub_code_is_a_generic_decline():
    body = _data("error_card_declined_sub_code")
    body["errors"][0]["sub_code"] = "something_new"
    event = normalized_event(body)
    assert (str(event.status_category), str(event.failure_reason)) == ("DECLINED", "GENERIC_DECLINE")
