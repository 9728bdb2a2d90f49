"""Vipps MobilePay mapping: pinned behaviour (the checks every provider
passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import vipps
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("vipps")

# A failed operation states no reason (success false, RESERVE_FAILED): every decline is UNKNOWN.
# Adyen's detector reaches the threshold on the ePayment webhook (pspReference, success, amount {value, currency}):
# Vipps' own signals (msn, the event name) score above it.
CONTRACT = {"decline_reasons": 1, "shared_shapes": ("adyen",)}


def _case(name: str) -> dict:
    data = next(c["data"] for c in CASES if c["name"] == name)
    return copy.deepcopy(data.get("payload", data))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(vipps.SPEC)
    maps = (vipps.STATES, vipps.EVENT_STATUSES, vipps.CAPTURE_STATUSES, vipps.VOID_STATUSES, vipps.REFUND_STATUSES,
            vipps.ECOM_STATUSES)
    assert {status for m in maps for status in m.values()} <= set(StatusCategory.__members__)
    assert set(vipps.ERROR_REASONS.values()) <= set(FailureReason.__members__)


@pytest.mark.parametrize(("name", "success", "kind", "status"), [
    ("AUTHORIZED", True, "AUTHORIZATION", "APPROVED"), ("CAPTURED", False, "CAPTURE", "DECLINED"),
    ("CANCELLED", True, "VOID", "CANCELLED"), ("CANCELLED", False, "VOID", "ERROR"),
    ("REFUNDED", False, "REFUND", "DECLINED"), ("EXPIRED", True, "AUTHORIZATION", "CANCELLED"),
])
def test_a_webhook_event_is_read_by_its_name_and_success(name, success, kind, status):
    document = _case("webhook_authorized")
    document.update(name=name, success=success)
    event = normalized_event(document)
    assert (event.event_kind, event.status_category) == (kind, status)


@pytest.mark.parametrize(("code", "reason"), [("401", "CONFIGURATION_ERROR"), ("404", "INVALID_REQUEST"),
                                              ("423", "PROCESSING_ERROR"), ("500", "PROCESSING_ERROR")])
def test_the_error_type_url_names_the_http_status(code, reason):
    document = _case("error_bad_request")
    document["type"] = f"https://httpstatuses.io/{code}"
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason) == ("ERROR", reason)


def test_the_ecom_callback_is_in_nok_ore_on_the_merchants_order():
    event = normalized_event(_case("ecom_callback_reserved"))
    assert (event.amount_minor, event.currency, event.payment_id, event.merchant_id) == (
        20000, "NOK", "acme-shop-123-order123abc", "123456")
