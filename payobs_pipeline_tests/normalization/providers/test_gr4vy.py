"""Gr4vy mapping: pinned behaviour (the checks every provider passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import gr4vy
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("gr4vy")


def _case(name: str) -> dict:
    data = copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))
    return data.get("payload", data)


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(gr4vy.SPEC)
    for status_map in (gr4vy.TRANSACTION_STATUSES, gr4vy.CAPTURE_STATUSES, gr4vy.REFUND_STATUSES):
        assert set(status_map.values()) <= set(StatusCategory.__members__)
    assert {*gr4vy.ERROR_CODES.values(), *gr4vy.API_ERROR_CODES.values()} <= set(FailureReason.__members__)


@pytest.mark.parametrize(("code", "reason"), [
    ("expired_payment_method", "EXPIRED_CARD"), ("suspected_fraud", "SUSPECTED_FRAUD"),
    ("requires_buyer_authentication", "AUTHENTICATION_REQUIRED"), ("failed_buyer_approval", "AUTHENTICATION_FAILED"),
    ("canceled_payment_method", "LOST_OR_STOLEN_CARD"), ("duplicate_transaction", "DUPLICATE")])
def test_the_error_code_names_the_reason_of_a_declined_transaction(code, reason):
    document = _case("gr4vy_transaction_declined_insufficient_funds")
    document["error_code"] = code
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == ("DECLINED", reason, code)


def test_the_issuer_iso_code_is_more_specific_than_a_generic_issuer_decline():
    document = _case("gr4vy_transaction_declined_insufficient_funds")
    document.update(error_code="issuer_decline", iso_response_code="54")
    event = normalized_event(document)
    assert (event.failure_reason, event.raw_reason_code) == ("EXPIRED_CARD", "54")


@pytest.mark.parametrize("code", gr4vy.CANCEL_CODES)
def test_a_canceled_transaction_is_cancelled_not_failed(code):
    document = _case("gr4vy_transaction_failed_service_network_error")
    document["error_code"] = code
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason) == ("CANCELLED", None)


def test_a_webhook_reads_the_refund_it_wraps_with_its_lifecycle_ids():
    event = normalized_event(_case("gr4vy_webhook_refund_declined_issuer"))
    assert (event.provider, event.event_kind, event.refund_id, event.attempt_id, event.payment_id) == (
        "gr4vy", "REFUND", "8c3f6a68-36af-4c02-b67a-0116b6044a33", "fe26475d-ec3e-4884-9553-f7356683f7f9",
        "order-5512")


def test_an_error_body_is_an_error_with_its_code():
    event = normalized_event({"provider": "gr4vy", "payload": _case("gr4vy_error_409_duplicate_record")})
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == ("ERROR", "DUPLICATE",
                                                                                    "duplicate_record")
