"""Afrikpay mapping: pinned behaviour (the checks every
provider passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.evaluation import normalize_lake_data
from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import afrikpay
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import NORMALIZER, normalized_event, provider_cases

# What test_provider_contract.py expects of this provider where it differs from every provider's default.
CONTRACT = {
    # Afrikpay's FAILED answers carry error codes the stored sources do not explain (40633, 40614): besides the
    # unknown transaction reference, no specific reason is documented.
    "decline_reasons": 2,
}

CASES = provider_cases("afrikpay")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(afrikpay.SPEC)
    assert set(afrikpay.TRANSACTION_STATUSES.values()) <= set(StatusCategory.__members__)
    assert set(afrikpay.REASONS.values()) <= set(FailureReason.__members__)


def test_an_error_answer_reads_its_message_before_its_code():
    event = normalized_event(_case("error_bad_password_hinted"))
    assert (event.status_category, event.failure_reason) == ("ERROR", "CONFIGURATION_ERROR")
    assert normalized_event(_case("error_general_failure_hinted")).failure_reason == "PROCESSING_ERROR"


def test_the_transaction_id_is_the_attempt_and_the_external_id_the_payment():
    event = normalized_event(_case("airtime_payment_success"))
    assert (event.attempt_id, event.payment_id) == ("1850500012340001", "ord-7f3a2c10")


def test_a_cash_in_is_kept_unprocessed_as_no_payment():
    outcome = normalize_lake_data(_case("cashin_hinted"), None, NORMALIZER)
    assert (outcome.event, outcome.unprocessed_reason) == (None, "NOT_A_PAYMENT_EVENT")
