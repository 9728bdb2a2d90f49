"""Smobilpay (Maviance S3P) mapping: pinned behaviour (the checks every
provider passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import smobilpay
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

# What test_provider_contract.py expects of this provider where it differs from every provider's default.
CONTRACT = {
    # The stored S3P documentation ends before its payment errorCode table: a failed payment names no reason.
    "decline_reasons": 1,
}

CASES = provider_cases("smobilpay")


def _case(name: str) -> dict:
    data = copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))
    return data.get("payload", data)


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(smobilpay.SPEC)
    assert set(smobilpay.PAYMENT_STATUSES.values()) <= set(StatusCategory.__members__)
    assert set(smobilpay.REASONS.values()) <= set(FailureReason.__members__)


def test_the_error_object_reads_its_resp_code():
    event = normalized_event(_case("api_error_access_token_invalid"))
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == ("ERROR", "CONFIGURATION_ERROR",
                                                                                     "4009")


def test_ptn_is_the_attempt_and_trid_the_payment():
    event = normalized_event(_case("collectstd_success"))
    assert (event.attempt_id, event.payment_id) == ("99999167878612400035881190741236", "ORDER-CM-20230314-0041")


def test_a_reversal_is_a_refund_of_the_payment_without_a_refund_id_of_its_own():
    event = normalized_event(_case("verifytx_reversed"))
    assert (event.event_kind, event.refund_id, event.attempt_id) == ("REFUND", None, "99999167878612400035881190741243")
