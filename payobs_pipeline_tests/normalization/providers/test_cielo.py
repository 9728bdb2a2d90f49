"""Cielo mapping: id-only notifications and the Links id (the checks every provider passes are in
../test_provider_contract.py)."""

from __future__ import annotations

from payobs_pipeline.normalization.evaluation import normalize_lake_data
from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import cielo as module
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

SLUG = "cielo"
CASES = provider_cases(SLUG)
MAPPING = CompiledMapping(module.SPEC, getattr(module, "prepare", None))


def test_capture_response_takes_the_payment_id_from_its_links():
    case = next(c for c in CASES if c["name"] == "capture_response")
    event = normalized_event(case["data"])
    assert event.event_kind.value == "CAPTURE"
    assert event.attempt_id == "24bc8366-fc31-4d6c-8555-17049a836a07"


def test_notification_is_never_an_outcome():
    for change_type in (1, 2, 3, 4, 5, 6):
        outcome = normalize_lake_data({"PaymentId": "0a1b2c3d-0000-4000-8000-000000000001", "ChangeType": change_type})
        assert outcome.unprocessed_reason == "NOTIFICATION_WITHOUT_OUTCOME"


def test_api_error_variant_is_ready_for_array_bodies():
    """The 4xx body is a JSON array; applied directly, the spec reads it (the parser refuses arrays today)."""
    event = MAPPING.apply([{"Code": 115, "Message": "The provided MerchantId was not found"}])
    assert event.status_category is StatusCategory.ERROR
    assert event.failure_reason.value == "CONFIGURATION_ERROR"
    assert event.raw_reason_code == "115" and event.currency is None


def test_zero_auth_reply_is_detected_without_a_hint():
    """Zero Auth answers {Valid, ReturnCode, ReturnMessage}: Valid false is the card check refused."""
    event = normalized_event({"Valid": False, "ReturnCode": "05", "ReturnMessage": "Nao Autorizada"})
    assert event.provider == "cielo"
    assert event.status_category is StatusCategory.DECLINED
    assert event.normalization_method == "provider_mapping"
