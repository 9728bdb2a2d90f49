"""ZaloPay mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import zalopay
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("zalopay")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(zalopay.SPEC, zalopay.prepare)
    statuses = {*zalopay.QUERY_STATUSES.values(), *zalopay.REFUND_STATUSES.values(), *zalopay.CREATE_STATUSES.values()}
    assert statuses <= set(StatusCategory.__members__)
    assert set(zalopay.SUB_REASONS.values()) <= set(FailureReason.__members__)


def test_the_callback_order_is_read_from_its_json_string():
    event = normalized_event(_case("order_callback_paid"))
    assert (event.status_category, event.amount_minor, event.attempt_id, event.payment_id, event.merchant_id) == (
        "APPROVED", 10000, "200904000000389", "200904_2553_1598435687208", "2553")


def test_prepare_keeps_the_callback_string_as_it_came():
    document = _case("order_callback_paid")
    prepared = zalopay.prepare(document)
    assert prepared["data"] == document["data"] and prepared[zalopay.DATA_KEY]["amount"] == 10000


@pytest.mark.parametrize(("sub_code", "status", "reason"), [
    (-329, "CANCELLED", None), (-322, "CANCELLED", None), (-43, "DECLINED", "ISSUER_UNAVAILABLE"),
    (-33, "ERROR", "PROCESSING_ERROR"), (-88, "ERROR", "PROCESSING_ERROR")])
def test_the_sub_return_code_says_why_a_query_failed(sub_code, status, reason):
    document = _case("query_order_bank_maintenance")
    document["sub_return_code"] = sub_code
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason) == (status, reason)


def test_a_bare_success_names_no_operation_and_stays_unmapped():
    document = _case("query_refund_successful")
    document["sub_return_code"] = 1
    with pytest.raises(AssertionError, match="UNMAPPED_STATUS"):
        normalized_event(document)
