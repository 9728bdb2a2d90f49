"""FawryPay mapping: pinned behaviour (the checks every provider
passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import fawry
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

# What test_provider_contract.py expects of this provider where it differs from every provider's default.
CONTRACT = {
    # Distinct failure reasons among its DECLINED cases: FawryPay documents failureErrorCode / failureReason on a
    # FAILED order without enumerating their values, so its declines carry no documented reason (UNKNOWN).
    "decline_reasons": 1,
}

CASES = provider_cases("fawry")


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(fawry.SPEC)
    assert set(fawry.STATUSES.values()) <= set(StatusCategory.__members__)
    for code, entry in fawry.REASONS.items():
        reason = entry if isinstance(entry, str) else entry["reason"]
        assert reason in FailureReason.__members__, code


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_the_fawry_reference_is_the_attempt_and_the_merchants_order_the_payment():
    event = normalized_event(_case("notification_paid_at_fawry"))
    assert (event.attempt_id, event.payment_id, event.event_time.year) == ("765158467", "951489691804", 2023)


def test_a_status_answers_error_code_names_the_reason():
    body = _case("payment_status_wrong_signature")
    body["statusCode"] = 9901  # merchant code is blank or invalid
    event = normalized_event(body)
    assert (event.status_category, event.failure_reason) == ("ERROR", FailureReason.CONFIGURATION_ERROR)
