"""WePay mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import wepay
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("wepay")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(wepay.SPEC, wepay.prepare)
    statuses = {*wepay.CHECKOUT_STATES.values(), *wepay.PAYMENT_STATUSES.values(), *wepay.REFUND_STATUSES.values()}
    assert statuses <= set(StatusCategory.__members__)
    reasons = {*wepay.ERROR_CATEGORIES.values(), *wepay.GENERIC_ERROR_CODES.values(),
               *wepay.PAYMENT_ERROR_CODES.values(), *wepay.PAYMENT_FAILURE_REASONS.values(),
               *wepay.V3_ERROR_CODES.values(), *wepay.DETAIL_REASON_CODES.values()}
    assert reasons <= set(FailureReason.__members__)


@pytest.mark.parametrize(("code", "reason"), [(2001, "RISK_REJECTED"), (2002, "TRANSACTION_NOT_PERMITTED"),
                                              (2004, "GENERIC_DECLINE"), (2006, "LOST_OR_STOLEN_CARD"),
                                              (2008, "INVALID_CARD_DATA"), (2018, "TRANSACTION_NOT_PERMITTED")])
def test_a_payment_error_code_is_a_card_decline_with_its_reason(code, reason):
    document = _case("v2_error_insufficient_funds")
    document["error_code"] = code
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == ("DECLINED", reason, str(code))


@pytest.mark.parametrize(("code", "reason"), [(1006, "CONFIGURATION_ERROR"), (1007, "PROCESSING_ERROR"),
                                              (2009, "INVALID_REQUEST"), (2019, "PROCESSING_ERROR"),
                                              (3004, "CONFIGURATION_ERROR")])
def test_a_generic_error_code_is_an_error(code, reason):
    document = _case("v2_error_access_denied")
    document["error_code"] = code
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason) == ("ERROR", reason)


def test_an_unlisted_error_code_falls_back_on_its_error_category():
    document = _case("v2_error_access_denied")
    document["error_code"] = 3001  # not in the findable list: the category access_denied still says why
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason) == ("ERROR", "CONFIGURATION_ERROR")


def test_a_refunded_checkout_counts_the_refunded_amount_not_the_checkout():
    document = _case("v2_checkout_refunded")
    document["refund"]["amount_refunded"] = 10
    event = normalized_event(document)
    assert (event.status_category, event.event_kind, event.amount_minor) == ("REFUNDED", "REFUND", 1000)


def test_a_v3_refund_names_the_payment_it_refunds():
    event = normalized_event(_case("v3_notification_refund_completed"))
    assert (event.refund_id, event.attempt_id, event.merchant_id) == (
        "00000000-0000-0000-0000-0000000f1001", "00000000-0000-0000-0000-00000c42a66e",
        "40200612-e849-4172-8308-657cf3a0de27")


def test_a_v3_failure_reason_is_read_from_the_nested_failure_reason():
    document = _case("v3_payment_failed_echeck_fraud")
    document["failure_reason"]["reason_code"] = "BANK_NOT_CONFIRMED"
    event = normalized_event(document)
    assert (event.failure_reason, event.raw_reason_code) == ("INVALID_CARD_DATA", "BANK_NOT_CONFIRMED")
