"""Elavon Converge mapping: message and issuer-code reasons (the checks every provider passes are in
../test_provider_contract.py)."""

from __future__ import annotations

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.normalize import SHAPE_DETECTION_THRESHOLD
from payobs_pipeline.normalization.providers import elavon as module
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event

# What test_provider_contract.py expects of this provider where it differs from every provider's default.
CONTRACT = {
    # Converge's ssl_result is 0 or 1; its errors have a fixed status and its refunds, voids and error-code
    # declines are set by rules.
    "status_map_entries": 2,
}

MAPPING = CompiledMapping(module.SPEC, getattr(module, "prepare", None))


def test_issuer_code_wins_over_a_generic_message():
    event = normalized_event("ssl_result=1\nssl_result_message=CALL AUTH CENTER\nssl_issuer_response=62\nssl_txn_id=1\nssl_amount=1.00")
    assert (event.failure_reason, event.raw_reason_code) == ("RESTRICTED_CARD", "62")


def test_failed_void_is_an_error_void():
    event = normalized_event("<txn><ssl_result>1</ssl_result><ssl_result_message>DECLINED</ssl_result_message>"
                   "<ssl_transaction_type>VOID</ssl_transaction_type><ssl_txn_id>1</ssl_txn_id></txn>")
    assert (event.event_kind, event.status_category) == ("VOID", "ERROR")


def test_worldpay_access_error_is_not_read_as_converge():
    body = {"errorName": "accessDenied", "message": "Access to the requested resource has been denied"}
    assert MAPPING.shape_score(body) < SHAPE_DETECTION_THRESHOLD


@pytest.mark.parametrize(("code", "reason"), [("5091", "INVALID_REQUEST"), ("5050", "INVALID_REQUEST"),
                                              ("5002", "INVALID_REQUEST"), ("5000", "INVALID_CARD_DATA"),
                                              ("5021", "INCORRECT_CVC")])
def test_data_error_codes_are_the_request_unless_listed(code, reason):
    # developer.elavon.com/na/docs/converge/1.0.0/integration-guide/api_reference/error_codes: the 5000-series
    # codes are data errors; the listed ones (invalid card number, CVV2) keep their own reason.
    xml = f"<txn><errorCode>{code}</errorCode><errorName>Data error</errorName><errorMessage>x</errorMessage></txn>"
    event = normalized_event({"provider": "elavon", "content": xml})
    assert event.failure_reason == reason
    assert event.raw_reason_code == code


_EPG = "https://api.eu.convergepay.com"


@pytest.mark.parametrize(("event_type", "status", "kind"), [
    ("saleAuthorized", "APPROVED", "AUTHORIZATION"), ("saleSettled", "APPROVED", "CAPTURE"),
    ("voidAuthorized", "CANCELLED", "VOID"), ("voidDeclined", "ERROR", "VOID"),
    ("refundAuthorized", "REFUNDED", "REFUND"), ("saleHeldForReview", "PENDING", "AUTHORIZATION"),
])
def test_an_epg_transaction_notification_names_its_lifecycle_step(event_type, status, kind):
    event = normalized_event({"href": f"{_EPG}/notifications/n1", "id": "n1", "eventType": event_type,
                              "resourceType": "transaction", "resource": f"{_EPG}/transactions/tx-1"})
    assert (event.status_category, event.event_kind, event.provider_transaction_id) == (status, kind, "tx-1")


def test_an_epg_error_reads_its_http_status():
    event = MAPPING.apply({"status": 401, "failures": [{"code": "unauthorized", "description": "bad key"}]})
    assert (event.status_category, event.failure_reason) == ("ERROR", "CONFIGURATION_ERROR")
