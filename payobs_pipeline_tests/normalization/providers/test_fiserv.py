"""Fiserv Commerce Hub mapping: pinned behaviour (the checks every provider
passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import fiserv
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import has_hint, normalized_event, provider_cases

CASES = provider_cases("fiserv")
# No documentation example carries approvalStatus WAITING ("placed in queue") or 847: mapped from the tables only.
CONTRACT = {"uncovered_statuses": {"PENDING": "approvalStatus WAITING / error 847 have no documented example"}}


def _case(name: str) -> dict:
    data = copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))
    return data["payload"] if has_hint(data) else data


def test_payeezy_corpus_stays_first_data():
    for case in provider_cases("firstdata"):
        if not has_hint(case["data"]) and "unprocessed" not in case["expected"]:
            assert normalized_event(case["data"]).provider == "firstdata", case["name"]


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(fiserv.SPEC)
    assert set(fiserv.STATUSES.values()) <= set(StatusCategory.__members__)
    reasons = {*fiserv.ERROR_CODES.values(), *fiserv.HOST_CODES.values(), *fiserv.MESSAGE_REASONS.values()}
    reasons |= {r if isinstance(r, str) else r["reason"] for r in fiserv.RESPONSE_CODES.values()}
    assert reasons <= set(FailureReason.__members__)


@pytest.mark.parametrize(("code", "reason"), [("008", "INSUFFICIENT_FUNDS"), ("028", "RESTRICTED_CARD"),
                                              ("045", "LOST_OR_STOLEN_CARD"), ("016", "REVOKED"),
                                              ("621", "RISK_REJECTED"), ("613", "DUPLICATE")])
def test_the_response_code_names_the_reason_of_a_declined_charge(code, reason):
    document = _case("charge_declined_insufficient_funds_008")
    document["paymentReceipt"]["processorResponseDetails"]["responseCode"] = code
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == ("DECLINED", reason, code)


def test_the_issuer_code_behind_a_generic_decline_names_the_reason():
    document = _case("charge_declined_insufficient_funds_008")
    details = document["paymentReceipt"]["processorResponseDetails"]
    details.update({"responseCode": "006", "hostResponseCode": "54", "hostResponseMessage": "Expired card"})
    event = normalized_event(document)
    assert (event.failure_reason, event.raw_reason_code) == ("EXPIRED_CARD", "54")


@pytest.mark.parametrize(("code", "status", "reason"), [("103", "ERROR", "INVALID_REQUEST"),
                                                        ("201", "ERROR", "CONFIGURATION_ERROR"),
                                                        ("610", "DECLINED", "RISK_REJECTED"),
                                                        ("363", "DECLINED", "AUTHENTICATION_FAILED"),
                                                        ("721", "UNKNOWN", "TIMEOUT"),
                                                        ("757", "ERROR", "DUPLICATE")])
def test_an_error_answer_is_an_error_unless_its_code_is_a_decline(code, status, reason):
    document = _case("error_400_invalid_amount_or_currency_105")
    document["error"][0]["code"] = code
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == (status, reason, code)


def test_a_customer_who_did_not_return_is_cancelled():
    document = _case("error_400_invalid_amount_or_currency_105")
    document["error"][0]["code"] = "390"
    assert (normalized_event(document).status_category, normalized_event(document).failure_reason) == (
        "CANCELLED", None)


def test_the_wrapped_error_reads_a_single_error_object():
    document = _case("error_response_write_to_downstream_failed_703")
    document["errorResponse"]["error"] = {"type": "GATEWAY", "code": "103", "field": "cardData",
                                          "message": "Missing or Invalid Card Number or Token"}
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason, event.event_kind) == ("ERROR", "INVALID_REQUEST", "VOID")


def test_lifecycle_ids():
    charge = normalized_event(_case("charge_authorized_sale"))
    refund = normalized_event(_case("refund_partial_by_uri"))
    assert (charge.attempt_id, charge.payment_id) == ("84356531338", "RKOrdID-525133851837")
    assert (refund.event_kind, refund.refund_id, refund.attempt_id) == ("REFUND", "84356531338", None)
