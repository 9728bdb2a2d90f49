"""Worldpay mapping: Access API error bodies, WPG journal type as status (the checks every provider passes are in
../test_provider_contract.py)."""

from __future__ import annotations

import pytest

from payobs_pipeline.normalization.evaluation import normalize_lake_data
from payobs_pipeline_tests.normalization.corpus_checks import NORMALIZER, normalized_event


def test_access_error_names_are_not_read_as_refusal_codes():
    event = normalized_event({"errorName": "bodyIsEmpty", "message": "The body of the request is empty"})
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == (
        "ERROR", "INVALID_REQUEST", "bodyIsEmpty")


def test_an_unlisted_access_error_name_with_validation_errors_is_a_request_error():
    event = normalized_event({"provider": "worldpay", "payload": {
        "errorName": "somethingNew", "message": "m",
        "validationErrors": [{"errorName": "fieldIsMissing", "message": "missing", "jsonPath": "$.merchant.entity"}]}})
    assert (event.status_category, event.failure_reason) == ("ERROR", "INVALID_REQUEST")


def test_the_journal_type_stands_for_a_missing_last_event():
    xml = ('<paymentService version="1.4" merchantCode="M"><notify><orderStatusEvent orderCode="o-j1"><payment>'
           '<paymentMethod>VISA-SSL</paymentMethod><amount value="700" currencyCode="EUR" exponent="2"/></payment>'
           '<journal journalType="REFUNDED"><bookingDate><date dayOfMonth="01" month="06" year="2024"/></bookingDate>'
           '</journal></orderStatusEvent></notify></paymentService>')
    event = normalized_event(xml)
    assert (event.status_category, event.event_kind, event.amount_minor) == ("REFUNDED", "REFUND", 700)


# Worldpay Online (api.worldpay.com/v1/orders, the JSON REST API before Access Worldpay): orders with
# paymentStatus SUCCESS / AUTHORIZED / FAILED (paymentStatusReason, iso8583Status "NN - TEXT"), amount in
# minor units with currencyCode; errors {httpStatusCode, customCode, message, description, errorHelpUrl}.
# Read under a provider hint (their shape is too plain to name Worldpay alone).
_ONLINE_ORDER = {"orderCode": "a1b2c3d4-0000-4000-8000-000000000001", "amount": 1250, "currencyCode": "GBP",
                 "paymentResponse": {"type": "ObfuscatedCard", "maskedCardNumber": "**** **** **** 1111"}}


def _online(body):
    outcome = normalize_lake_data({"provider": "worldpay", "payload": body}, None, NORMALIZER)
    assert outcome.event is not None, outcome.unprocessed_reason
    return outcome.event


@pytest.mark.parametrize(("status", "category"), [("SUCCESS", "APPROVED"), ("AUTHORIZED", "APPROVED"),
                                                  ("REFUNDED", "REFUNDED"), ("CANCELLED", "CANCELLED")])
def test_online_order_status(status, category):
    event = _online({**_ONLINE_ORDER, "paymentStatus": status})
    assert (event.provider, event.status_category, event.amount_minor, event.currency) == (
        "worldpay", category, 1250, "GBP")


def test_online_order_failed_reads_the_iso_code():
    event = _online({**_ONLINE_ORDER, "paymentStatus": "FAILED", "paymentStatusReason": "REFUSED",
                     "iso8583Status": "51 - INSUFFICIENT FUNDS"})
    assert (event.status_category, event.failure_reason) == ("DECLINED", "INSUFFICIENT_FUNDS")


def test_online_order_failed_without_iso_code_is_a_generic_decline():
    event = _online({**_ONLINE_ORDER, "paymentStatus": "FAILED", "paymentStatusReason": "REFUSED"})
    assert (event.status_category, event.failure_reason) == ("DECLINED", "GENERIC_DECLINE")


def test_online_error_body():
    event = _online({"httpStatusCode": 400, "customCode": "BAD_REQUEST", "message": "Order amount is invalid",
                     "description": "Some of request parameters are invalid", "errorHelpUrl": None})
    assert (event.status_category, event.failure_reason, event.amount_minor) == ("ERROR", "INVALID_REQUEST", None)


@pytest.mark.parametrize("element, kind", [("captureReceived", "CAPTURE"), ("refundReceived", "REFUND"),
                                           ("cancelReceived", "VOID"), ("cancelOrRefundReceived", "VOID")])
def test_a_modification_acknowledgement_is_pending(element, kind):
    # developer.worldpay.com/docs/wpg/manage/modificationrequests: <ok> accepts the modification for processing and
    # "doesn't confirm that the modification itself has been successfully processed".
    xml = (f'<paymentService version="1.4" merchantCode="M"><reply><ok><{element} orderCode="o-m1">'
           f'<amount value="500" currencyCode="GBP" exponent="2" debitCreditIndicator="credit"/></{element}>'
           '</ok></reply></paymentService>')
    event = normalized_event({"provider": "worldpay", "content": xml, "format": "xml"})
    assert (event.status_category, event.event_kind, event.amount_minor) == ("PENDING", kind, 500)


def test_a_3ds_request_reply_is_a_pending_authorization():
    # developer.worldpay.com/docs/wpg/authentication/worldpaympi: the reply requests payer authentication.
    xml = ('<paymentService version="1.4" merchantCode="M"><reply><orderStatus orderCode="o-3ds1"><requestInfo>'
           '<request3DSecure><paRequest>eJxVUsFu</paRequest><issuerURL>https://acs.example.test</issuerURL>'
           '</request3DSecure></requestInfo><echoData>1</echoData></orderStatus></reply></paymentService>')
    event = normalized_event({"provider": "worldpay", "content": xml, "format": "xml"})
    assert (event.status_category, event.event_kind, event.provider_transaction_id) == (
        "PENDING", "AUTHORIZATION", "o-3ds1")
