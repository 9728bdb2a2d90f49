"""PicPay mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.evaluation import normalize_lake_data
from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import picpay
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

# PicPay's e-commerce API documents no declined status: an unpaid order expires.
CONTRACT = {"decline_reasons": 0}

CASES = provider_cases("picpay")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(picpay.SPEC, picpay.prepare)
    assert set(picpay.STATUSES.values()) <= set(StatusCategory.__members__)
    assert set(picpay.ERROR_MESSAGES.values()) <= set(FailureReason.__members__)


def test_an_unpaid_order_reads_no_amount_from_the_summary_zeros():
    event = normalized_event(_case("status_expired"))
    assert (event.status_category, event.amount_minor, event.payment_id) == ("CANCELLED", None, "102034")


def test_the_authorization_is_the_attempt_and_the_reference_the_payment():
    event = normalized_event(_case("status_paid"))
    assert (event.attempt_id, event.payment_id) == ("5b01780ba8914c001a007673", "102031")


def test_the_callback_alone_has_no_outcome():
    outcome = normalize_lake_data(_case("callback"), None)
    assert outcome.unprocessed_reason == "NOTIFICATION_WITHOUT_OUTCOME"
