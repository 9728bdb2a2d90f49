"""Worldpay mapping: Access API error bodies, WPG journal type as status, its SDK fixtures and other event kinds, and
lifecycle identity (the checks every provider passes, its corpus/worldpay.json labels among them, are in
../test_provider_contract.py).

Lifecycle identity: an order's authorisation, capture, refund and chargeback rows are one attempt. Sources: WPG
order notifications (orderStatusEvent, lastEvent per the Payment statuses page) and Access Worldpay webhook
eventDetails.type."""

from __future__ import annotations

import pytest

from payobs_pipeline.normalization.evaluation import normalize_lake_data
from payobs_pipeline_tests.normalization.corpus_checks import (
    NORMALIZER,
    assert_case_matches_labels,
    assert_covers_the_lifecycle,
    assert_detected_by_shape,
    assert_does_not_claim,
    assert_prepare_keeps_the_payload,
    assert_status_maps_compile,
    case_ids,
    docs_examples,
    foreign_payloads,
    normalized_event,
    other_event_kinds,
    provider_cases,
)
from payobs_pipeline_tests.normalization.lifecycle_events import canonical_event

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


SLUG = "worldpay"
# sdk_and_docs_examples/ and other_event_kinds/ (Payments API responses, Access events; payout and token events
# are not payments and stay unprocessed): earlier rounds, training data. corpus/worldpay.json's labels are checked
# by test_provider_contract.py; its cases count for the coverage and shape checks below.
CORPUS_CASES = docs_examples(SLUG) + other_event_kinds(SLUG)
SHAPE_CASES = provider_cases(SLUG) + [case for case in CORPUS_CASES if "unprocessed" not in case["expected"]]


@pytest.mark.parametrize("case", CORPUS_CASES, ids=case_ids(CORPUS_CASES))
def test_corpus_case_matches_its_labels(case):
    """An Access Worldpay payout's "refused" is not a payment decline: the row stays unprocessed."""
    assert_case_matches_labels(case)


def test_corpus_is_broad():
    """At least 12 cases (its corpus file, docs examples and other event kinds), covering approvals, declines,
    refunds and chargebacks."""
    assert_covers_the_lifecycle(SHAPE_CASES, declines_only=True)


@pytest.mark.parametrize("case", SHAPE_CASES, ids=case_ids(SHAPE_CASES))
def test_provider_is_recognized_from_the_payload_shape_alone(case):
    """Hints are often missing or wrong: the shape must name the provider by itself."""
    assert_detected_by_shape(case)


@pytest.mark.parametrize("name", foreign_payloads(SLUG))
def test_other_providers_payloads_do_not_look_like_ours(name):
    assert_does_not_claim(SLUG, name)


def test_every_listed_status_compiles_to_its_category():
    assert_status_maps_compile(SLUG)


def test_prepare_does_not_modify_the_payload():
    """prepare() hooks are pure: the stored payload stays exactly as received."""
    assert_prepare_keeps_the_payload(SLUG, SHAPE_CASES)


def _event(data):
    return canonical_event(data, NORMALIZER)


def _wpg_notification(last_event, order_code="lc-order-1"):
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<!DOCTYPE paymentService PUBLIC "-//WorldPay//DTD WorldPay PaymentService v1//EN" '
        '"http://dtd.worldpay.com/paymentService_v1.dtd">'
        '<paymentService version="1.4" merchantCode="MYMERCHANT"><notify>'
        f'<orderStatusEvent orderCode="{order_code}"><payment>'
        '<paymentMethod>ECMC-SSL</paymentMethod>'
        '<amount value="2400" currencyCode="EUR" exponent="2" debitCreditIndicator="credit"/>'
        f'<lastEvent>{last_event}</lastEvent><issuerCountryCode>NL</issuerCountryCode>'
        '</payment></orderStatusEvent></notify></paymentService>'
    )


def test_wpg_order_events_share_the_order_code_as_attempt_and_payment():
    expected = {
        "AUTHORISED": ("AUTHORIZATION", "APPROVED"),
        "CAPTURED": ("CAPTURE", "APPROVED"),
        "SETTLED": ("CAPTURE", "APPROVED"),
        "CAPTURE_FAILED": ("CAPTURE", "ERROR"),
        "SENT_FOR_REFUND": ("REFUND", "REFUNDED"),
        "REFUND_FAILED": ("REFUND", "DECLINED"),
        "CHARGED_BACK": ("DISPUTE", "CHARGEBACK"),
        "CANCEL_RECEIVED": ("VOID", "CANCELLED"),
    }
    for last_event, (kind, status) in expected.items():
        event = _event(_wpg_notification(last_event))
        assert (event.event_kind, event.status_category) == (kind, status), last_event
        assert (event.attempt_id, event.payment_id, event.card_country) == ("lc-order-1", "lc-order-1", "NL")


def test_access_events_name_the_transaction_reference_as_attempt_and_payment():
    def access(event_type):
        return {"eventId": "lc-evt-1", "eventTimestamp": "2024-06-01T10:00:00Z",
                "eventDetails": {"classification": "payment", "transactionReference": "lc-ref-9", "type": event_type,
                                 "amount": {"value": 500, "currencyCode": "GBP"}}}
    for event_type, kind in (("authorized", "AUTHORIZATION"), ("settled", "CAPTURE"), ("cancelled", "VOID"),
                             ("refunded", "REFUND"), ("chargebackReceived", "DISPUTE")):
        event = _event(access(event_type))
        assert (event.event_kind, event.attempt_id, event.payment_id) == (kind, "lc-ref-9", "lc-ref-9"), event_type


def test_online_order_is_detected_by_its_obfuscated_card():
    """A Worldpay Online order: paymentStatus SUCCESS with the ObfuscatedCard payment response."""
    event = normalized_event({
        "orderCode": "a1b2c3d4-0000-4000-8000-000000000001", "amount": 1999, "currencyCode": "EUR",
        "paymentStatus": "SUCCESS",
        "paymentResponse": {"type": "ObfuscatedCard", "cardType": "VISA_CREDIT",
                            "maskedCardNumber": "**** **** **** 1111"},
    })
    assert event.provider == "worldpay"
    assert event.status_category.value == "APPROVED"
    assert (event.amount_minor, event.currency) == (1999, "EUR")


def test_online_error_is_detected_by_the_request_it_echoes():
    """A Worldpay Online error (ApiError: httpStatusCode, customCode, message, description, errorHelpUrl,
    originalRequest) is an ERROR of Worldpay's without a hint."""
    event = normalized_event({
        "httpStatusCode": 404, "customCode": "ORDER_NOT_FOUND", "message": "Order not found",
        "description": "Order could not be found", "errorHelpUrl": None, "originalRequest": "",
    })
    assert event.provider == "worldpay"
    assert event.status_category.value == "ERROR"


def test_a_business_gateway_cancellation_has_no_failure_reason_and_a_decline_reads_raw_auth_code():
    # pr5201 / rpfp8105: transStatus C (shopper cancelled), N with rawAuthCode D (declined by the bank).
    cancelled = normalize_lake_data({"instId": "52793", "cartId": "ORDER-2", "amount": "5.00", "currency": "GBP",
                                     "transStatus": "C", "callbackPW": "s3cret"}).event
    declined = normalize_lake_data({"instId": "52793", "cartId": "ORDER-3", "amount": "5.00", "currency": "GBP",
                                    "transStatus": "N", "rawAuthCode": "D", "transId": "21167441"}).event
    assert (str(cancelled.status_category), cancelled.failure_reason) == ("CANCELLED", None)
    assert (str(declined.status_category), str(declined.failure_reason), declined.raw_reason_code) == (
        "DECLINED", "GENERIC_DECLINE", "D")


def _stlink(code: str) -> str:
    return (f"<TMSTN><MerchantId>1</MerchantId><PTTID>9</PTTID><OrderNumber>o-1</OrderNumber><MOP>CC</MOP>"
            f"<CurrencyId>978</CurrencyId><Amount>1.55</Amount><MessageCode>{code}</MessageCode></TMSTN>")


@pytest.mark.parametrize(("code", "status", "reason", "kind"), [
    ("2150", "APPROVED", None, "CAPTURE"), ("2180", "CANCELLED", None, "VOID"),
    ("2214", "DECLINED", "EXPIRED_CARD", "AUTHORIZATION"), ("2847", "CHARGEBACK", None, "DISPUTE"),
])
def test_an_stlink_message_code_names_outcome_and_step(code, status, reason, kind):
    event = normalize_lake_data({"provider": "worldpay", "payload": _stlink(code)}, None).event
    assert (event.status_category, event.failure_reason, event.event_kind, event.currency) == (
        status, reason, kind, "EUR")
