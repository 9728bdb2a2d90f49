"""Monext mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import monext
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("monext")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(monext.SPEC)
    assert set(monext.SHORT_MESSAGES.values()) <= set(StatusCategory.__members__)
    assert set(monext.REASONS.values()) <= set(FailureReason.__members__)


@pytest.mark.parametrize(("code", "reason"), [("01116", "LIMIT_EXCEEDED"), ("01132", "REVOKED"),
                                              ("01131", "AUTHENTICATION_REQUIRED"), ("01208", "LOST_OR_STOLEN_CARD"),
                                              ("01109", "CONFIGURATION_ERROR")])
def test_the_result_code_names_the_reason_of_a_refused_payment(code, reason):
    document = _case("sdk_array_logged_json_unhinted")
    document["result"]["code"] = code
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == ("DECLINED", reason, code)


def test_the_soap_envelope_and_the_bare_answer_read_alike():
    enveloped = normalized_event(_case("web_payment_details_accepted"))
    bare = _case("web_payment_details_accepted")
    bare = bare[bare.index("<impl:getWebPaymentDetailsResponse"):bare.index("</soapenv:Body>")]
    assert (enveloped.status_category, enveloped.attempt_id, enveloped.amount_minor) == (
        "APPROVED", "PV4280223147576302", 90000)
    event = normalized_event(bare)
    assert (event.provider, event.status_category, event.attempt_id) == ("monext", "APPROVED", "PV4280223147576302")


def test_a_refund_answer_is_the_refund_and_a_reset_the_void():
    assert normalized_event(_case("do_refund_accepted")).event_kind == "REFUND"
    assert normalized_event(_case("do_reset_accepted")).event_kind == "VOID"
