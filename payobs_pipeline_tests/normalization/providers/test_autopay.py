"""Autopay (Blue Media) mapping: pinned behaviour (the checks every provider
passes: ../test_provider_contract.py)."""

from __future__ import annotations

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import autopay
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("autopay")

# Autopay's ITN has three paymentStatus values (PENDING, SUCCESS, FAILURE); its details say the rest.
CONTRACT = {"status_map_entries": 3}


def _case(name: str):
    return next(c["data"] for c in CASES if c["name"] == name)


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(autopay.SPEC, autopay.prepare)
    assert set(autopay.STATUSES.values()) <= set(StatusCategory.__members__)
    assert {*autopay.REASONS.values(), *autopay.ERROR_REASONS.values()} <= set(FailureReason.__members__)


@pytest.mark.parametrize(("details", "status", "reason"), [
    ("REJECTED", "DECLINED", "GENERIC_DECLINE"), ("INCORRECT_AMOUNT", "DECLINED", "INVALID_REQUEST"),
    ("ANOTHER_ERROR", "DECLINED", "PROCESSING_ERROR"), ("EXPIRED", "CANCELLED", None), ("CANCELLED", "CANCELLED", None),
])
def test_the_status_details_of_a_failure_name_its_outcome(details, status, reason):
    document = _case("itn_failure_rejected").replace(">REJECTED<", f">{details}<")
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason) == (status, reason)


def test_the_itn_reads_the_transaction_inside_the_list_and_the_service_as_merchant():
    event = normalized_event(_case("itn_card_authorized"))
    assert (event.attempt_id, event.payment_id, event.merchant_id, event.card_brand, event.amount_minor) == (
        "96JMSU8K", "1481064927", "100660", "mastercard", 987754)


def test_the_posted_base64_parameter_is_the_same_itn():
    posted, xml = normalized_event(_case("itn_form_post_base64")), normalized_event(_case("itn_success_authorized"))
    fields = ("status_category", "amount_minor", "currency", "attempt_id", "payment_id", "merchant_id")
    assert [getattr(posted, f) for f in fields] == [getattr(xml, f) for f in fields]


def test_an_error_answer_is_an_error_with_its_code():
    event = normalized_event(_case("api_error_payway_not_found"))
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == (
        "ERROR", "INVALID_REQUEST", "PAYWAY_NOT_FOUND")
