"""Adyen: its labeled corpus, lifecycle identity, API error bodies, lone result codes, SOAP messages, Checkout
modification replies and failed captures.

corpus/adyen.json is checked by test_provider_contract.py with every provider's; this module checks its
earlier rounds (sdk_and_docs_examples/ and other_event_kinds/, training data).

docs.adyen.com/development-resources/error-codes (status, errorCode, message, errorType) and
docs.adyen.com/development-resources/response-handling (HTTP 4xx / 401-403 / 5xx); docs.adyen.com/online-payments/
payment-result-codes (resultCode). SOAP notifications carry the JSON notification's fields
(docs.adyen.com/developers/notifications/set-up-notifications); the Classic Payment service answers
authorise/capture/... with a PaymentResult or ModificationResult (pal/Payment.wsdl). Barclaycard SmartPay is
Adyen's platform and reads through the same spec."""

from __future__ import annotations

import copy
import json

import pytest

from payobs_pipeline.normalization.evaluation import load_cases, normalize_lake_data
from payobs_pipeline.normalization.formats import parse_content
from payobs_pipeline.normalization.mapping import CompiledMapping, UnmappedPayload
from payobs_pipeline.normalization.normalize import detect_provider
from payobs_pipeline.normalization.providers import adyen as module, builtin_mappings
from payobs_pipeline_tests.normalization.corpus_checks import (
    CORPUS,
    FOREIGN_PAYLOADS,
    NORMALIZER,
    assert_case_matches_labels,
    case_ids,
    docs_examples,
    has_hint,
    other_event_kinds,
)
from payobs_pipeline_tests.normalization.lifecycle_events import canonical_event

# sdk_and_docs_examples/ (SDK fixtures, docs examples, older API versions) and
# other_event_kinds/ (payouts, reports, fraud warnings, manual review, Terminal API, lake wrappers; events that are
# not payments stay unprocessed): earlier rounds, training data since they landed with their fixes.
CORPUS_CASES = docs_examples("adyen") + other_event_kinds("adyen")


@pytest.mark.parametrize("case", CORPUS_CASES, ids=case_ids(CORPUS_CASES))
def test_corpus_case_matches_its_labels(case):
    assert_case_matches_labels(case)


def test_corpus_covers_the_required_ground():
    # Documents that are no payment (fraud alerts, Auto Rescue bookkeeping, Notices of Change) are labeled unprocessed.
    cases = [c for c in load_cases(CORPUS / "adyen.json") if "unprocessed" not in c["expected"]]
    statuses = {c["expected"]["status_category"] for c in cases}
    reasons = {c["expected"]["failure_reason"] for c in cases} - {None}
    methods = {c["expected"].get("payment_method") for c in cases} - {None}
    assert len(cases) >= 18
    assert {"APPROVED", "DECLINED", "ERROR", "PENDING", "CANCELLED", "REFUNDED", "CHARGEBACK"} <= statuses
    assert len(reasons) >= 6, "declines and errors with several different reason codes"
    assert {"CARD", "PIX", "BOLETO", "BNPL"} <= methods
    assert any(has_hint(c["data"]) for c in cases) and any(not has_hint(c["data"]) for c in cases)
    assert all(c["expected"]["provider"] == "adyen" for c in cases)
    for case in cases:
        for field in ("status_category", "failure_reason", "amount_minor", "currency"):
            assert field in case["expected"], f"{case['name']} does not label {field}"


@pytest.mark.parametrize("name", ["adyen_notification_minimal", "adyen_response"])
def test_its_api_reference_documents_are_detected_as_adyen(name):
    assert detect_provider(FOREIGN_PAYLOADS[name][1], {}, builtin_mappings()).provider == "adyen"


# --- lifecycle identity: one attempt's rows share (provider, attempt_id) --------------------------------


def _event(data):
    return canonical_event(data, NORMALIZER)


def _adyen(event_code, psp, success="true", original=None, **extra):
    item = {"amount": {"currency": "EUR", "value": 10000}, "eventCode": event_code,
            "eventDate": "2024-03-01T12:30:00+01:00", "merchantAccountCode": "ShopEU", "merchantReference": "order-42",
            "paymentMethod": "visa", "pspReference": psp, "reason": "", "success": success, **extra}
    if original:
        item["originalReference"] = original
    return {"live": "false", "notificationItems": [{"NotificationRequestItem": item}]}


_AUTH = "8815000000000001"


def test_adyen_modifications_name_the_authorisation_as_their_attempt():
    # docs.adyen.com webhooks: a modification's originalReference is the payment's pspReference.
    auth = _event(_adyen("AUTHORISATION", _AUTH, additionalData={"cardIssuingCountry": "NL",
                                                                 "shopperCountry": "BE"}))
    assert (auth.event_kind, auth.status_category, auth.attempt_id, auth.payment_id) == (
        "AUTHORIZATION", "APPROVED", _AUTH, "order-42")
    assert (auth.card_country, auth.customer_country) == ("NL", "BE")
    capture = _event(_adyen("CAPTURE", "8815000000000002", original=_AUTH))
    assert (capture.event_kind, capture.status_category, capture.attempt_id, capture.payment_id) == (
        "CAPTURE", "APPROVED", _AUTH, "order-42")
    # CAPTURE_FAILED: "the capture request failed due to rejection by the card scheme"
    # (docs.adyen.com/api-explorer/Webhooks/1/post/CAPTURE_FAILED): refused, like REFUND_FAILED.
    failed_capture = _event(_adyen("CAPTURE_FAILED", "8815000000000002", original=_AUTH))
    assert (failed_capture.event_kind, failed_capture.status_category, failed_capture.attempt_id) == (
        "CAPTURE", "DECLINED", _AUTH)
    for code in ("CANCELLATION", "TECHNICAL_CANCEL"):
        void = _event(_adyen(code, "8815000000000003", original=_AUTH))
        assert (void.event_kind, void.status_category, void.attempt_id) == ("VOID", "CANCELLED", _AUTH), code
    cancel_or_refund = _event(_adyen("CANCEL_OR_REFUND", "8815000000000004", original=_AUTH,
                                     additionalData={"modification.action": "cancel"}))
    assert (cancel_or_refund.event_kind, cancel_or_refund.status_category) == ("VOID", "CANCELLED")


def test_adyen_refunds_and_disputes_keep_their_own_reference_and_the_payment_s():
    refund = _event(_adyen("REFUND", "8815000000000005", original=_AUTH))
    assert (refund.event_kind, refund.status_category, refund.attempt_id, refund.refund_id) == (
        "REFUND", "REFUNDED", _AUTH, "8815000000000005")
    # REFUND_FAILED and REFUNDED_REVERSED: the refund did not happen (a failed refund, never a cancellation).
    for code in ("REFUND_FAILED", "REFUNDED_REVERSED"):
        failed = _event(_adyen(code, "8815000000000005", original=_AUTH))
        assert (failed.event_kind, failed.status_category, failed.attempt_id, failed.refund_id) == (
            "REFUND", "DECLINED", _AUTH, "8815000000000005"), code
    via_cancel_or_refund = _event(_adyen("CANCEL_OR_REFUND", "8815000000000006", original=_AUTH,
                                         additionalData={"modification.action": "refund"}))
    assert (via_cancel_or_refund.event_kind, via_cancel_or_refund.refund_id) == ("REFUND", "8815000000000006")
    # docs.adyen.com/risk-management/disputes-api/dispute-notifications: the dispute's pspReference is the same
    # for all its events, originalReference is the disputed payment.
    for code in ("NOTIFICATION_OF_CHARGEBACK", "CHARGEBACK", "CHARGEBACK_REVERSED", "PREARBITRATION_LOST"):
        dispute = _event(_adyen(code, "9915000000000007", original=_AUTH))
        assert (dispute.event_kind, dispute.status_category, dispute.attempt_id, dispute.dispute_id) == (
            "DISPUTE", "CHARGEBACK", _AUTH, "9915000000000007"), code


@pytest.mark.parametrize(("status", "reason"), [(500, "PROCESSING_ERROR"), (503, "PROCESSING_ERROR"),
                                                (422, "INVALID_REQUEST"), (401, "CONFIGURATION_ERROR")])
def test_an_error_body_with_an_undocumented_error_type_reads_its_http_status(status, reason):
    event = _event({"status": status, "errorCode": "999", "message": "sample error", "errorType": "authorise"})
    assert (event.provider, str(event.status_category), str(event.failure_reason)) == ("adyen", "ERROR", reason)


def test_a_documented_error_type_and_code_win_over_the_http_status():
    # 422 with errorType security: the type's reason; a documented errorCode beats both.
    assert str(_event({"status": 422, "errorCode": "999", "message": "x", "errorType": "security"}).failure_reason) == (
        "CONFIGURATION_ERROR")
    assert str(_event({"status": 500, "errorCode": "101", "message": "Invalid card number",
                       "errorType": "validation"}).failure_reason) == "INVALID_CARD_DATA"


@pytest.mark.parametrize("code", ["RedirectShopper", "IdentifyShopper", "ChallengeShopper", "PresentToShopper"])
def test_a_shopper_action_result_code_alone_names_adyen_and_is_pending(code):
    event = _event({"resultCode": code})
    assert (event.provider, str(event.status_category)) == ("adyen", "PENDING")


def test_a_generic_result_code_alone_does_not_name_adyen():
    # "Error" / "Ok" are Authorize.net's resultCode words too: alone, below the detection threshold.
    for code in ("Error", "Ok"):
        assert detect_provider({"resultCode": code}, {}, builtin_mappings()).provider != "adyen"


def test_a_result_carrying_the_boleto_s_members_is_a_boleto_payment():
    # docs.adyen.com/payment-methods/boleto-bancario: additionalData boletobancario.url / .dueDate / .expirationDate.
    nested = {"pspReference": "8813760397300101", "resultCode": "Received",
              "additionalData": {"boletobancario.url": "https://test.adyen.com/hpp/generationBoleto.shtml",
                                 "boletobancario.dueDate": "2024-08-12"}}
    flattened = {"pspReference": "8813760397300101", "resultCode": "Received",
                 "additionalData.boletobancario.url": "https://test.adyen.com/hpp/generationBoleto.shtml",
                 "additionalData.boletobancario.dueDate": "2024-08-12"}
    for body in (nested, flattened):
        event = _event(body)
        assert (event.provider, str(event.status_category), str(event.payment_method)) == ("adyen", "PENDING",
                                                                                           "BOLETO")


MAPPING = CompiledMapping(module.SPEC, module.prepare)


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


@pytest.mark.parametrize(("form", "status"), [
    # Classic HTTP Post (pal/adapter/httppost) results, form-encoded in their dotted spelling.
    ("paymentResult.pspReference=8814536066540143&paymentResult.resultCode=Refused"
     "&paymentResult.refusalReason=Refused", "DECLINED"),
    ("modificationResult.pspReference=8814536066540144&modificationResult.response=%5Bcapture-received%5D",
     "PENDING"),
])
def test_a_classic_form_result_in_its_dotted_spelling_is_detected_without_a_hint(form, status):
    outcome = normalize_lake_data(form)
    assert outcome.event is not None, outcome.unprocessed_reason
    assert outcome.event.provider == "adyen"
    assert str(outcome.event.status_category) == status


@pytest.mark.parametrize("success", ["true", "false"])
@pytest.mark.parametrize(("event_code", "kind"), [("CAPTURE_FAILED", "CAPTURE"), ("REFUND_FAILED", "REFUND")])
def test_a_failed_capture_or_refund_is_declined_whatever_its_success_flag(event_code, kind, success):
    # docs.adyen.com/online-payments/capture/failure-reasons: a CAPTURE_FAILED or REFUND_FAILED webhook means the
    # card scheme rejected the capture or refund; the event code says it failed, so success does not turn it round.
    event = _event(_adyen(event_code, "8815000000000008", success=success, original=_AUTH))
    assert (event.event_kind, event.status_category, event.failure_reason, event.amount_minor, event.currency) == (
        kind, "DECLINED", "UNKNOWN", 10000, "EUR")


def test_a_refund_of_an_uncaptured_payment_is_refused_as_an_invalid_request():
    case = next(c for c in load_cases(CORPUS / "adyen.json") if c["name"] == "webhook_refund_false_not_captured")
    event = canonical_event(case["data"], NORMALIZER)
    assert (str(event.event_kind), str(event.status_category), str(event.failure_reason), event.raw_reason_code) == (
        "REFUND", "DECLINED", "INVALID_REQUEST", "Transaction hasn't been captured, refund not possible")


@pytest.mark.parametrize("event_code", ["PREARBITRATION_OPEN", "PREARBITRATION_ACCEPTED", "PREARBITRATION_DECLINED",
                                        "PREARBITRATION_ISSUER_WITHDRAWN", "SCHEME_ARBITRATION",
                                        "SCHEME_ARBITRATION_LOST", "SCHEME_ARBITRATION_WON"])
def test_pre_arbitration_and_scheme_arbitration_webhooks_are_dispute_events(event_code):
    # github.com/Adyen/adyen-openapi json/Webhooks-v1.json, tag Dispute: stages of the dispute whose pspReference is the
    # dispute's and originalReference the disputed payment's.
    event = _event(_adyen(event_code, "9915000000000020", original=_AUTH))
    assert (event.event_kind, event.status_category, event.dispute_id, event.attempt_id) == (
        "DISPUTE", "CHARGEBACK", "9915000000000020", _AUTH)


@pytest.mark.parametrize("event_code", ["NOTIFICATION_OF_FRAUD", "AUTORESCUE", "CANCEL_AUTORESCUE",
                                        "AUTORESCUE_NEXT_ATTEMPT"])
def test_fraud_alerts_and_auto_rescue_bookkeeping_are_not_payment_events(event_code):
    # Webhooks-v1: NOTIFICATION_OF_FRAUD is an informational issuer fraud alert (TC40 / SAFE); the Auto Rescue
    # webhooks report the rescue process, each retry's outcome being its own AUTHORISATION webhook.
    outcome = normalize_lake_data(_adyen(event_code, "9915000000000021", original=_AUTH))
    assert outcome.unprocessed_reason == "NOT_A_PAYMENT_EVENT"


def test_a_redirect_result_is_read_only_when_the_row_also_holds_the_payment_result():
    # docs.adyen.com/online-payments/api-only/handling-redirects: the returnUrl's redirectResult names the payment; the
    # /payments/details response's resultCode is the outcome. A row keeping both is read, the parameter alone is not.
    alone = normalize_lake_data({"shopperOrder": "12xy..", "redirectResult": "X6XtfGC3!Y..."})
    assert alone.unprocessed_reason == "NOTIFICATION_WITHOUT_OUTCOME"
    event = normalize_lake_data({"redirectResult": "X6XtfGC3!Y...", "resultCode": "Refused", "refusalReasonCode": "6",
                                 "refusalReason": "Expired Card", "pspReference": "V4HZ4RBFJGXXGN82"}).event
    assert (str(event.status_category), str(event.failure_reason)) == ("DECLINED", "EXPIRED_CARD")


@pytest.mark.parametrize("refusal", [{"refusalReasonCode": "22"}, {"refusalReason": "FRAUD-CANCELLED"},
                                     {"additionalData": {"refusalReasonCode": "22"}}])
def test_a_result_cancelled_by_adyen_risk_checks_is_a_risk_decline(refusal):
    outcome = normalize_lake_data({"provider": "adyen", "payload": {"pspReference": "852614786431484C",
                                                                   "resultCode": "Cancelled", **refusal}}, None)
    assert (outcome.event.status_category, outcome.event.failure_reason) == ("DECLINED", "RISK_REJECTED")


def test_an_apps_answer_carrying_the_payments_answer_is_read_as_it():
    answer = {"pspReference": "853598516547275E", "resultCode": "RedirectShopper",
              "action": {"paymentMethodType": "scheme", "type": "redirect", "url": "https://test.adyen.com/hpp/3d/x"}}
    outcome = normalize_lake_data({"trip_id": "t-1", "payload": answer}, None)
    assert (outcome.event.provider, outcome.event.status_category) == ("adyen", "PENDING")
