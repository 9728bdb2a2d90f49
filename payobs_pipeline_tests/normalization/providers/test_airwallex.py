"""Airwallex mapping: pinned behaviour (the checks every provider passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import airwallex
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import has_hint, normalized_event, provider_cases

CASES = provider_cases("airwallex")


def test_unhinted_documented_shapes_are_detected_as_airwallex():
    for case in CASES:
        if has_hint(case["data"]) or "unprocessed" in case["expected"]:
            continue
        assert normalized_event(case["data"]).provider == "airwallex", case["name"]


def test_every_mapped_status_is_a_category():
    compiled = CompiledMapping(airwallex.SPEC)
    for variant in compiled.variants:
        assert all(isinstance(status, StatusCategory) for status in variant.status_map.values())
    for table in (airwallex.INTENT_STATUSES, airwallex.ATTEMPT_STATUSES, airwallex.REFUND_STATUSES):
        for raw, category in table.items():
            assert category in StatusCategory.__members__, raw


def _case(name):
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_the_issuer_code_wins_over_issuer_declined():
    intent = _case("intent_reverted_after_issuer_decline_51")
    event = normalized_event(intent)
    assert (str(event.failure_reason), event.raw_reason_code) == ("INSUFFICIENT_FUNDS", "51")
    intent["latest_payment_attempt"]["provider_original_response_code"] = "54"
    assert str(normalized_event(intent).failure_reason) == "EXPIRED_CARD"


def test_every_decline_code_names_a_reason_and_every_error_code_is_an_error():
    attempt = _case("attempt_authentication_declined_hinted")["payload"]
    for code in airwallex.DECLINE_CODES:
        event = normalized_event({**attempt, "failure_code": code})
        assert str(event.status_category) == "DECLINED", code
        assert str(event.failure_reason) not in ("UNKNOWN", "None"), code
    for code, reason in airwallex.ERROR_CODES.items():
        event = normalized_event({**attempt, "failure_code": code})
        expected = "DECLINED" if reason == "ISSUER_UNAVAILABLE" else "ERROR"
        assert (str(event.status_category), str(event.failure_reason)) == (expected, reason), code


def test_a_refund_names_its_attempt_and_payment():
    event = normalized_event(_case("webhook_refund_settled"))
    assert (event.refund_id, event.attempt_id, event.payment_id, str(event.event_kind)) == (
        "rfd_hkdmr8dfhgbnqxmtu2e_z4cfpt", "att_hkdmr8dfhgbnqxmtu2e_0qe7ux", "int_hkdmr8dfhgbnqxmtu2e", "REFUND")


def test_a_capture_requested_webhook_is_a_capture_of_the_attempt():
    event_body = _case("webhook_attempt_risk_declined_krw")
    event_body["name"] = "payment_attempt.capture_requested"
    obj = event_body["data"]["object"]
    obj.update(status="CAPTURE_REQUESTED", failure_code=None)
    event = normalized_event(event_body)
    assert (str(event.status_category), str(event.event_kind), event.attempt_id) == (
        "APPROVED", "CAPTURE", obj["id"])


def test_amounts_are_major_units():
    assert normalized_event(_case("webhook_attempt_risk_declined_krw")).amount_minor == 62723
    assert normalized_event(_case("intent_created_requires_payment_method")).amount_minor == 1666
