"""Adyen SOAP messages, Checkout modification replies and failed captures: pinned behaviour.

SOAP notifications carry the JSON notification's fields (docs.adyen.com/developers/notifications/set-up-notifications);
the Classic Payment service answers authorise/capture/... with a PaymentResult or ModificationResult
(pal/Payment.wsdl). Barclaycard SmartPay is Adyen's platform and reads through the same spec.
"""

from __future__ import annotations

import copy
import json

import pytest

from payobs_pipeline.normalization.evaluation import normalize_lake_data
from payobs_pipeline.normalization.formats import parse_content
from payobs_pipeline.normalization.mapping import CompiledMapping, UnmappedPayload
from payobs_pipeline.normalization.normalize import Normalizer, detect_provider
from payobs_pipeline.normalization.providers import adyen as module, builtin_mappings

MAPPING = CompiledMapping(module.SPEC, module.prepare)
NORMALIZER = Normalizer()


def _entry(key, value):
    return f'<entry><key xsi:type="xsd:string">{key}</key><value xsi:type="xsd:string">{value}</value></entry>'


def _item(event_code, psp, success="true", reason=None, additional="", original=None, value="1000"):
    reason_xml = f"<reason>{reason}</reason>" if reason else '<reason xsi:nil="true"/>'
    original_xml = (f"<originalReference>{original}</originalReference>" if original
                    else '<originalReference xsi:nil="true"/>')
    return (f"<NotificationRequestItem><additionalData>{additional}</additionalData>"
            f"<amount><currency>EUR</currency><value>{value}</value></amount><eventCode>{event_code}</eventCode>"
            f"<eventDate>2024-01-02T10:00:00+01:00</eventDate><merchantAccountCode>Shop</merchantAccountCode>"
            f"<merchantReference>R-1</merchantReference>{original_xml}<paymentMethod>visa</paymentMethod>"
            f"<pspReference>{psp}</pspReference>{reason_xml}<success>{success}</success></NotificationRequestItem>")


def _soap(*items):
    return ('<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soap:Body>'
            '<ns1:sendNotification xmlns:ns1="http://notification.services.adyen.com"><ns1:notification>'
            '<live>false</live><notificationItems>' + "".join(items) +
            '</notificationItems></ns1:notification></ns1:sendNotification></soap:Body></soap:Envelope>')


def _body(xml):
    return parse_content(xml)[1]


def test_soap_notification_reads_like_the_json_one():
    xml = _soap(_item("AUTHORISATION", "PSPREF0000000A01", success="false", reason="CVC Declined",
                      additional=_entry("refusalReasonCode", "24")))
    event = MAPPING.apply(_body(xml))
    assert (str(event.status_category), str(event.failure_reason)) == ("DECLINED", "INCORRECT_CVC")
    assert event.raw_reason_code == "24"
    assert (event.amount_minor, event.currency, event.provider_transaction_id) == (1000, "EUR", "PSPREF0000000A01")


def test_soap_additional_data_entries_become_a_map_and_nil_is_absent():
    body = module.prepare(_body(_soap(_item("REFUND", "PSPREF0000000A02", original="PSPREF0000000A01",
                                            additional=_entry("modification.action", "refund")))))
    item = body["notificationItems"][0]["NotificationRequestItem"]
    assert item["additionalData"] == {"modification.action": "refund"}
    assert item["reason"] is None


def test_soap_notification_with_several_items_reads_the_first():
    xml = _soap(_item("CAPTURE", "PSPREF0000000A03", original="PSPREF0000000A01"), _item("REFUND", "PSPREF0000000A04"))
    event = MAPPING.apply(_body(xml))
    assert (str(event.event_kind), event.provider_transaction_id) == ("CAPTURE", "PSPREF0000000A03")


def test_soap_report_available_is_not_a_payment():
    with pytest.raises(UnmappedPayload) as caught:
        MAPPING.apply(_body(_soap(_item("REPORT_AVAILABLE", "settlement_detail_report_batch_7.csv", value="0"))))
    assert caught.value.reason_code == "NOT_A_PAYMENT_EVENT"


def test_soap_messages_are_recognised_without_a_hint():
    mappings = list(builtin_mappings())
    notification = _body(_soap(_item("AUTHORISATION", "PSPREF0000000A05")))
    cancel = _body('<Envelope><Body><cancelResponse><cancelResult><pspReference>PSPREF0000000A06</pspReference>'
                   '<response>[cancel-received]</response></cancelResult></cancelResponse></Body></Envelope>')
    for body in (notification, cancel):
        assert detect_provider(body, {}, mappings).provider == "adyen"
    assert str(MAPPING.apply(cancel).event_kind) == "VOID"


@pytest.mark.parametrize("hint", ["smartpay", "Barclaycard SmartPay", "barclaycard_smartpay"])
def test_barclaycard_smartpay_hints_name_the_adyen_spec(hint):
    assert detect_provider({}, {"provider": hint}, list(builtin_mappings())).provider == "adyen"


def test_soap_refund_with_data_is_a_refund():
    body = _body('<Envelope><Body><refundWithDataResponse><result><pspReference>PSPREF0000000A07</pspReference>'
                 '<resultCode>Authorised</resultCode></result></refundWithDataResponse></Body></Envelope>')
    event = MAPPING.apply(body)
    assert (str(event.status_category), str(event.event_kind)) == ("REFUNDED", "REFUND")


def test_prepare_does_not_touch_its_input():
    body = _body(_soap(_item("AUTHORISATION", "PSPREF0000000A08")))
    before = copy.deepcopy(body)
    module.prepare(body)
    assert body == before


def _capture_false(reason):
    return {"notificationItems": [{"NotificationRequestItem": {
        "amount": {"currency": "USD", "value": 500}, "eventCode": "CAPTURE", "success": "false", "reason": reason,
        "pspReference": "PSPREF0000000B01", "originalReference": "PSPREF0000000B00", "paymentMethod": "mc"}}]}


def test_a_rejected_capture_is_declined_and_an_invalid_capture_request_an_error():
    rejected = MAPPING.apply(_capture_false("Capture not possible"))
    invalid = MAPPING.apply(_capture_false("Insufficient balance on payment"))
    assert (str(rejected.status_category), str(rejected.failure_reason)) == ("DECLINED", "UNKNOWN")
    assert (str(invalid.status_category), str(invalid.failure_reason)) == ("ERROR", "INVALID_REQUEST")
    assert str(rejected.event_kind) == str(invalid.event_kind) == "CAPTURE"


@pytest.mark.parametrize(("extra", "kind"), [
    ({"amount": {"currency": "EUR", "value": 100}}, "CAPTURE"),
    ({"amount": {"currency": "EUR", "value": 100}, "capturePspReference": "PSPREF0000000C09"}, "REFUND"),
    ({"amount": {"currency": "EUR", "value": 100}, "store": "ST-1"}, "REFUND"),
    ({"amount": {"currency": "EUR", "value": 100}, "industryUsage": "delayedCharge"}, "AUTHORIZATION"),
    ({}, "VOID"),
])
def test_checkout_modification_replies_are_pending_of_their_kind(extra, kind):
    event = MAPPING.apply({"merchantAccount": "Shop", "paymentPspReference": "PSPREF0000000C00",
                           "pspReference": "PSPREF0000000C01", "reference": "R", "status": "received", **extra})
    assert (str(event.status_category), str(event.event_kind)) == ("PENDING", kind)
    assert event.attempt_id == "PSPREF0000000C00"


def test_checkout_challenge_shopper_is_adyen_without_a_hint():
    body = {"resultCode": "ChallengeShopper",
            "action": {"paymentMethodType": "scheme", "type": "threeDS2", "subtype": "challenge", "token": "abc"}}
    outcome = normalize_lake_data(body, None, NORMALIZER)
    assert outcome.event is not None and outcome.event.provider == "adyen"
    assert (str(outcome.event.status_category), str(outcome.event.payment_method)) == ("PENDING", "CARD")


def test_card_only_refusal_names_the_method_only_when_the_message_does_not():
    bare = MAPPING.apply({"pspReference": "P1", "resultCode": "Refused", "refusalReason": "CVC Declined"})
    wallet = MAPPING.apply({"pspReference": "P2", "resultCode": "Refused", "refusalReason": "CVC Declined",
                            "paymentMethod": {"type": "paypal"}})
    assert (str(bare.payment_method), str(wallet.payment_method)) == ("CARD", "WALLET")
    assert json.dumps(str(bare.failure_reason)) == '"INCORRECT_CVC"'
