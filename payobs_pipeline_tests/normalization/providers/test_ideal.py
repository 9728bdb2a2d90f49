"""iDEAL v3 acquirer messages: pinned behaviour (the checks every provider
passes: ../test_provider_contract.py)."""

from __future__ import annotations

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import ideal
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

# What test_provider_contract.py expects of this provider where it differs from every provider's default.
CONTRACT = {
    # iDEAL's Failure names no reason: its declines have one failure reason, UNKNOWN.
    "decline_reasons": 1,
}

CASES = provider_cases("ideal")


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(ideal.SPEC)
    assert set(ideal.STATUSES.values()) <= set(StatusCategory.__members__)
    assert {*ideal.REASONS.values(), *ideal.ERROR_CATEGORIES.values()} <= set(FailureReason.__members__)


def _xml(name: str) -> str:
    return next(c["data"] for c in CASES if c["name"] == name)


def test_an_error_keeps_its_full_code_and_takes_its_categorys_reason():
    for code, reason in (("IX1100", "INVALID_REQUEST"), ("AP2900", "INVALID_REQUEST"), ("SO1400", "PROCESSING_ERROR")):
        event = normalized_event(_xml("error_system_busy_so").replace("SO1200", code))
        assert (event.status_category, event.failure_reason, event.raw_reason_code) == ("ERROR", reason, code)


def test_an_error_of_no_documented_category_has_no_known_reason():
    event = normalized_event(_xml("error_system_busy_so").replace("SO1200", "ZZ0001"))
    assert (event.status_category, event.failure_reason) == ("ERROR", "UNKNOWN")


def test_a_basic_notification_names_the_transaction_and_the_purchase():
    event = normalized_event(next(c["data"] for c in CASES if c["name"] == "basic_notification_cancelled"))
    assert (event.attempt_id, event.payment_id, event.currency) == ("0050001234567890", "order-7781", "EUR")
