"""Rapyd mapping: pinned behaviour (the checks every provider passes are in ../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.normalize import SHAPE_DETECTION_THRESHOLD, detect_provider
from payobs_pipeline.normalization.providers import builtin_mappings, rapyd
from payobs_pipeline_tests.normalization.corpus_checks import (
    normalized_event,
    provider_cases,
)

CASES = provider_cases("rapyd")


def _data(name):
    return copy.deepcopy(next(case["data"] for case in CASES if case["name"] == name))


@pytest.mark.parametrize("name", ["webhook_payment_completed_card_eur", "webhook_refund_completed",
                                  "webhook_dispute_updated_review"])
def test_bare_objects_outside_their_webhook_are_detected(name):
    """GET /v1/payments/{id}, a refund or a dispute stored without the webhook around it."""
    document = _data(name)["data"]
    guess = detect_provider(document, {}, builtin_mappings())
    assert (guess.provider, guess.confidence >= SHAPE_DETECTION_THRESHOLD) == ("rapyd", True)
    assert normalized_event(document).provider == "rapyd"


def test_the_networks_bracketed_code_wins_over_rapyds_generic_wrapper():
    webhook = _data("webhook_payment_failed_network_51_insufficient_funds")
    for code, reason in (("54", "EXPIRED_CARD"), ("05", "GENERIC_DECLINE"), ("41", "LOST_OR_STOLEN_CARD")):
        webhook["data"]["error_code"] = webhook["data"]["failure_code"] = f"ERROR_PROCESSING_CARD [{code}]"
        event = normalized_event(webhook)
        assert (str(event.failure_reason), event.raw_reason_code) == (reason, code)


def test_a_failed_request_carrying_a_network_code_is_a_decline_with_the_networks_reason():
    body = _data("response_error_insufficient_funds")
    body["status"]["error_code"] = body["status"]["response_code"] = "ERROR_PROCESSING_CARD - [62]"
    event = normalized_event(body)
    assert (str(event.status_category), str(event.failure_reason)) == ("DECLINED", "RESTRICTED_CARD")


def test_every_decline_code_in_a_failed_request_is_a_decline_and_the_rest_are_errors():
    body = _data("response_error_insufficient_funds")
    for code in rapyd.ERROR_CODES:
        body["status"]["error_code"] = body["status"]["response_code"] = code
        event = normalized_event(body)
        expected = "DECLINED" if code in rapyd.DECLINE_CODES else "ERROR"
        assert str(event.status_category) == expected, code
        assert str(event.failure_reason) != "UNKNOWN", code


def test_a_zero_time_is_not_a_time_and_the_webhooks_time_is_used():
    event = normalized_event(_data("webhook_payment_failed_3ds_authentication"))
    assert event.event_time.isoformat() == "2023-07-20T13:18:20+00:00"


def test_a_refund_names_its_payment_and_the_merchants_reference():
    event = normalized_event(_data("webhook_refund_completed"))
    assert (event.refund_id, event.attempt_id, event.payment_id) == (
        "refund_7a1d4e0c2b3f4a5b6c7d8e9f00112233", "payment_0b645b1ee17a5c3ce79e20ff5524966f", "CA12034567")


def test_a_mastercard_advice_code_states_the_decline_type():
    webhook = _data("webhook_payment_failed_network_51_insufficient_funds")
    webhook["data"]["merchant_advice_code"] = "03"  # Mastercard MAC 03: do not try again
    assert str(normalized_event(webhook).decline_type) == "HARD"


def test_prepare_leaves_its_input_unchanged():
    webhook = _data("webhook_payment_failed_network_65_isk")
    before = copy.deepcopy(webhook)
    prepared = rapyd.prepare(webhook)
    assert webhook == before and prepared is not webhook
