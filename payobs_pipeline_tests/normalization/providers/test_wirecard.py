"""Wirecard mapping: pinned behaviour (the checks every provider passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import wirecard
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("wirecard")
CONTRACT = {
    # The Engine's chargeback stages (first-cb, second-cb, debit-return ...) are in its schema; no documented
    # chargeback answer or notification could be read to model a case on.
    "uncovered_statuses": {"CHARGEBACK": "no documented chargeback notification example stored"},
}


def _case(name: str):
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(wirecard.SPEC, wirecard.prepare)
    for status_map in (wirecard.PAYMENT_STATES, wirecard.BACKEND_STATUSES, wirecard.TRANSACTION_STATES,
                       wirecard.VOID_STATES, wirecard.REFUND_STATES, wirecard.GET_URL_STATES):
        assert set(status_map.values()) <= set(StatusCategory.__members__)
    assert {*wirecard.STATUS_CODES.values(), *wirecard.BACKEND_REASONS.values()} <= set(FailureReason.__members__)


def test_the_first_error_status_names_the_reason_not_the_informational_one():
    event = normalized_event(_case("wirecard_engine_nvp_purchase_failed_acquirer_unknown_response"))
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == (
        "ERROR", "PROCESSING_ERROR", "500.1999")


@pytest.mark.parametrize(("code", "status", "reason"), [
    ("500.1062", "DECLINED", "EXPIRED_CARD"), ("500.1054", "DECLINED", "LOST_OR_STOLEN_CARD"),
    ("400.1006", "DECLINED", "INCORRECT_CVC"), ("400.1023", "ERROR", "INVALID_REQUEST"),
    ("500.1072", "DECLINED", "AUTHENTICATION_FAILED"), ("999.9999", "ERROR", "PROCESSING_ERROR")])
def test_an_xml_status_code_attribute_names_the_reason(code, status, reason):
    document = _case("wirecard_engine_xml_purchase_declined_expired_card").replace('code="500.1062"', f'code="{code}"')
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == (status, reason, code)


def test_a_seamless_backend_error_list_is_a_request_error_with_its_first_code():
    event = normalized_event(_case("wirecard_seamless_backend_refund_errors_list"))
    assert (event.provider, event.status_category, event.failure_reason, event.raw_reason_code) == (
        "wirecard", "ERROR", "INVALID_REQUEST", "11009")


def test_a_follow_up_names_the_attempt_it_acts_on_and_a_refund_its_own_id():
    event = normalized_event(_case("wirecard_engine_xml_refund_purchase_success"))
    assert (event.event_kind, event.attempt_id, event.refund_id) == (
        "REFUND", "e6604f91-663c-11e3-a07b-18037336c0b3", "1d7c2a40-91b8-4f5c-a4c9-6c0e2f8b3d19")


def test_prepare_reads_the_dotted_error_names_without_changing_the_payload():
    body = {"error.1.errorCode": "11017", "error.2.errorCode": "11019", "errors": "2", "status": "1"}
    before = copy.deepcopy(body)
    prepared = wirecard.prepare(body)
    assert body == before
    assert prepared[wirecard.ERROR_CODES] == ["11017", "11019"]
