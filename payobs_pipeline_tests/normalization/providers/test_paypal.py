"""PayPal mappings (REST/IPN in paypal.py, Classic NVP in paypal_nvp.py, Classic SOAP in paypal_soap.py, the Payflow
Gateway in paypal_payflow.py): every generation in the corpus and picked by its shape, the processor's pass-through
code over PayPal's own, lifecycle ids, rows that are no payment, its SDK fixtures and other event kinds (the checks
every provider passes, its corpus/paypal.json labels among them, are in ../test_provider_contract.py).

Payflow: RESULT values, transaction types, hints, amounts. Sources are the module's: the Payflow integration
guide's transaction responses and the RESULT table of the PayPal Manager help / Payflow Link User's Guide. Corpus
cases (corpus/paypal.json, ``payflow_*``) carry the documented examples; these tests check the table and the rules
for every value."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.evaluation import normalize_lake_data
from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.normalize import SHAPE_DETECTION_THRESHOLD, detect_provider
from payobs_pipeline.normalization.providers import builtin_mappings, paypal, paypal_nvp, paypal_payflow, paypal_soap
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import (
    NORMALIZER,
    assert_case_matches_labels,
    assert_covers_the_lifecycle,
    assert_detected_by_shape,
    assert_does_not_claim,
    assert_outscores,
    assert_status_maps_compile,
    case_ids,
    docs_examples,
    foreign_payloads,
    normalized_event,
    other_event_kinds,
    provider_cases,
    raw_body,
)
from payobs_pipeline_tests.normalization.lifecycle_events import canonical_event

SLUG = "paypal"
CASES = provider_cases(SLUG)
MODULES = {"paypal": paypal, "paypal_nvp": paypal_nvp, "paypal_soap": paypal_soap}
MAPPINGS = {name: CompiledMapping(m.SPEC, getattr(m, "prepare", None)) for name, m in MODULES.items()}
CLASSIC = [c for c in CASES if c["name"].startswith(("nvp_", "soap_"))]


def _outcome(data):
    return normalize_lake_data(data, None, NORMALIZER)


def test_corpus_covers_every_generation():
    """Outcomes, hints and detection are the contract's (test_provider_contract.py); here, the generations."""
    names = {c["name"].split("_")[0] for c in CASES}
    assert {"nvp", "soap", "ipn", "rest", "api", "webhook", "order", "capture"} <= names
    assert all("status_category" in c["expected"] for c in CASES)  # every PayPal case is a payment outcome


@pytest.mark.parametrize("case", CLASSIC, ids=case_ids(CLASSIC))
def test_classic_api_responses_pick_their_generation_with_or_without_hint(case):
    body = raw_body(case["data"])
    want = MAPPINGS["paypal_soap" if case["name"].startswith("soap_") else "paypal_nvp"].spec
    for hints in ({}, {"provider": "PayPal"}):
        guess = detect_provider(body, hints, builtin_mappings())
        assert guess.mapping is not None and guess.mapping.spec is want, hints


def test_a_hint_with_a_shapeless_body_keeps_the_rest_mapping_first():
    guess = detect_provider({"foo": "bar"}, {"provider": "paypal"}, builtin_mappings())
    assert guess.mapping.spec is paypal.SPEC


def test_every_classic_error_code_has_a_reason_and_technical_codes_are_errors():
    event = normalized_event("ACK=Failure&CORRELATIONID=a1&L_ERRORCODE0=10001&L_SHORTMESSAGE0=Internal%20Error")
    assert (event.status_category, event.failure_reason) == ("ERROR", "PROCESSING_ERROR")
    event = normalized_event("ACK=Failure&CORRELATIONID=a2&L_ERRORCODE0=15007&AMT=5.00&CURRENCYCODE=USD&CVV2MATCH=M")
    assert (event.status_category, event.failure_reason, event.decline_type) == ("DECLINED", "EXPIRED_CARD", "HARD")


def test_processor_pass_through_code_wins_over_paypal_s_generic_decline():
    # Payments Pro Integration Guide, "Format of an Error Response": 15005 with ProcessorResponse 0051.
    base = "ACK=Failure&CORRELATIONID=5be53331d9700&L_ERRORCODE0=15005&AMT=10.40&CURRENCYCODE=USD"
    with_code = normalized_event(base + "&L_ERRORPARAMID0=ProcessorResponse&L_ERRORPARAMVALUE0=0051")
    assert (with_code.failure_reason, with_code.raw_reason_code) == ("INSUFFICIENT_FUNDS", "51")
    # A pass-through value that is no ISO 8583 code leaves PayPal's own code in charge.
    odd = normalized_event(base + "&L_ERRORPARAMID0=ProcessorResponse&L_ERRORPARAMVALUE0=XYZ9")
    assert (odd.failure_reason, odd.raw_reason_code) == ("GENERIC_DECLINE", "15005")


def test_success_with_warning_stays_approved_whatever_its_warning_code():
    # 10413 may come with SuccessWithWarning: the payment completed (troubleshooting/10413).
    event = normalized_event("ACK=SuccessWithWarning&CORRELATIONID=b1&L_ERRORCODE0=10413&L_SEVERITYCODE0=Warning"
                   "&TRANSACTIONID=9XY&AMT=12.00&CURRENCYCODE=EUR&AVSCODE=X&CVV2MATCH=M")
    assert (event.status_category, event.failure_reason, event.amount_minor) == ("APPROVED", None, 1200)


def test_capture_void_and_refund_name_their_objects():
    capture = normalized_event("ACK=Success&CORRELATIONID=c1&AUTHORIZATIONID=AUTH1&TRANSACTIONID=CAP1&AMT=5.00"
                     "&CURRENCYCODE=USD&PAYMENTSTATUS=Completed")
    assert (capture.event_kind, capture.attempt_id, capture.provider_transaction_id) == ("CAPTURE", "AUTH1", "CAP1")
    void = normalized_event("ACK=Success&CORRELATIONID=c2&AUTHORIZATIONID=AUTH1")
    assert (void.event_kind, void.status_category, void.attempt_id) == ("VOID", "CANCELLED", "AUTH1")
    refund = normalized_event("ACK=Success&CORRELATIONID=c3&REFUNDTRANSACTIONID=REF1&GROSSREFUNDAMT=5.00&CURRENCYCODE=USD"
                    "&REFUNDSTATUS=Delayed&PENDINGREASON=echeck")
    assert (refund.event_kind, refund.status_category, refund.refund_id, refund.attempt_id) == (
        "REFUND", "PENDING", "REF1", None)


def test_express_checkout_states_before_any_transaction_are_payment_rows():
    created = normalized_event("ACK=Success&CORRELATIONID=d1&TOKEN=EC-1AB")
    assert (created.event_kind, created.status_category, created.payment_id) == ("PAYMENT", "PENDING", "EC-1AB")
    details = normalized_event("ACK=Success&CORRELATIONID=d2&TOKEN=EC-1AB&CHECKOUTSTATUS=PaymentActionFailed"
                     "&PAYMENTREQUEST_0_AMT=20.00&PAYMENTREQUEST_0_CURRENCYCODE=GBP")
    assert (details.event_kind, details.status_category, details.amount_minor) == ("PAYMENT", "DECLINED", 2000)


NOT_PAYMENT_ROWS = [
    # TransactionSearch: a page of transactions (L_TRANSACTIONIDn), not one event.
    "L_TRANSACTIONID0=4AB&L_STATUS0=Completed&L_AMT0=10.00&L_CURRENCYCODE0=USD&L_TRANSACTIONID1=5BC"
    "&L_AMT1=20.00&CORRELATIONID=f6&ACK=Success",
    # GetBalance, a recurring payments profile, MassPay (a bare ACK).
    "L_AMT0=1000.00&L_CURRENCYCODE0=USD&CORRELATIONID=f7&ACK=Success",
    "PROFILEID=I-ABC123&PROFILESTATUS=ActiveProfile&CORRELATIONID=f8&ACK=Success",
    "TIMESTAMP=2024-05-10T10%3a00%3a00Z&CORRELATIONID=f9&ACK=Success&VERSION=124.0&BUILD=000000",
    # IPN: a recurring profile suspended; a subscription sign-up.
    {"provider": "paypal", "content": "txn_type=recurring_payment_suspended&recurring_payment_id=I-PROFILE123"
                                      "&profile_status=Suspended&amount=9.99&currency_code=USD&ipn_track_id=7c4d"},
    {"provider": "paypal", "content": "txn_type=subscr_signup&subscr_id=I-SUB1&mc_amount3=9.99&mc_currency=USD"
                                      "&ipn_track_id=8d5e"},
    # Adaptive Payments Preapproval answer (Developer Guide 2012, PreapprovalResponse: the key the sender approves
    # for future payments) and PreapprovalDetails (approved, curPayments, maxTotalAmountOfAllPayments, status).
    {"responseEnvelope": {"timestamp": "2012-09-20T14:02:11.000-07:00", "ack": "Success",
                          "correlationId": "db87c705a910e", "build": "2486531"},
     "preapprovalKey": "PA-9JR04288NX148814C"},
    {"responseEnvelope": {"ack": "Success", "correlationId": "7a1c2d3e4f5a6", "build": "2486531"},
     "approved": "true", "curPayments": "2", "curPaymentsAmount": "20.00", "currencyCode": "USD",
     "maxTotalAmountOfAllPayments": "500.00", "status": "ACTIVE", "senderEmail": "buyer@example.com"},
    # v1 billing agreement (payments.billing-agreements/v1: agreement_details) and a Subscriptions v1 plan
    # (billing_cycles, product_id): an agreement and a template, no payment.
    {"id": "I-0LN988D3JACS", "state": "Active", "payer": {"payment_method": "paypal"},
     "agreement_details": {"outstanding_balance": {"value": "0.00"}, "cycles_remaining": "12",
                           "next_billing_date": "2017-01-17T08:00:00Z"}},
    {"id": "P-5ML4271244454362WXNWU5NQ", "product_id": "PROD-XXCD1234QWER65782", "status": "ACTIVE",
     "billing_cycles": [{"tenure_type": "REGULAR", "sequence": 1,
                         "pricing_scheme": {"fixed_price": {"value": "10", "currency_code": "USD"}}}]},
]


@pytest.mark.parametrize("data", NOT_PAYMENT_ROWS)
def test_classic_and_ipn_documents_about_no_payment_stay_unprocessed(data):
    assert _outcome(data).unprocessed_reason == "NOT_A_PAYMENT_EVENT"


def test_soap_and_nvp_encodings_of_one_response_agree():
    nvp = normalized_event("TIMESTAMP=2024-05-11T10%3a00%3a00Z&CORRELATIONID=b3d5&ACK=Failure&L_ERRORCODE0=10527"
                 "&AMT=15.00&CURRENCYCODE=USD&AVSCODE=X&CVV2MATCH=M")
    soap_case = next(c for c in CASES if c["name"] == "soap_dodirectpayment_10527_invalid_card_no_hint")
    soap = normalized_event(soap_case["data"])
    fields = ("status_category", "failure_reason", "raw_reason_code", "amount_minor", "currency", "payment_method")
    assert [getattr(soap, f) for f in fields] == [getattr(nvp, f) for f in fields]


def test_rest_error_bodies_are_errors_with_the_issue_or_name_as_code():
    auth = normalized_event({"name": "AUTHENTICATION_FAILURE", "message": "Authentication failed.",
                   "links": [{"href": "https://developer.paypal.com/docs/api/overview/#error", "rel": "information_link"}]})
    assert (auth.status_category, auth.failure_reason, auth.raw_reason_code) == (
        "ERROR", "CONFIGURATION_ERROR", "AUTHENTICATION_FAILURE")
    declined = normalized_event({"name": "UNPROCESSABLE_ENTITY", "debug_id": "x1", "message": "m",
                       "details": [{"issue": "TRANSACTION_REFUSED"}]})
    assert (declined.status_category, declined.failure_reason) == ("DECLINED", "GENERIC_DECLINE")


def test_a_refunded_payment_s_details_name_no_refund_object():
    event = normalized_event("ACK=Success&CORRELATIONID=e1&TRANSACTIONID=PAY1&AMT=30.00&CURRENCYCODE=USD"
                   "&PAYMENTSTATUS=Partially-Refunded&PAYMENTTYPE=instant")
    assert (event.status_category, event.event_kind, event.refund_id, event.attempt_id) == (
        "REFUNDED", "REFUND", None, "PAY1")


# SOAP faults (no Ack): read with the SOAP 1.1 fault codes, and only under a PayPal hint (the shape names no
# provider, so they are tests here rather than corpus cases, which every detector test expects to be detectable).
SOAP_FAULTS = [
    {
        "name": "fault_soap_client",
        "source": "W3C SOAP 1.1 note, 4.4.1 SOAP Fault Codes (Client: 'the message was incorrectly formed or did not contain the appropriate information'); PayPal SOAP API (SOAP-ENV envelope)",
        "data": {
            "provider": "paypal",
            "content": "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\">\n <SOAP-ENV:Body>\n  <SOAP-ENV:Fault>\n   <faultcode>SOAP-ENV:Client</faultcode>\n   <faultstring>Message could not be parsed</faultstring>\n  </SOAP-ENV:Fault>\n </SOAP-ENV:Body>\n</SOAP-ENV:Envelope>\n"
        },
        "expected": {
            "provider": "paypal",
            "status_category": "ERROR",
            "failure_reason": "INVALID_REQUEST",
            "amount_minor": None,
            "currency": None
        }
    },
    {
        "name": "fault_soap_server_timed_out",
        "source": "W3C SOAP 1.1 note, 4.4.1 SOAP Fault Codes (Server: 'the message could not be processed for reasons not directly attributable to the contents of the message'); a fault saying the processing timed out leaves the call's outcome unknown (docs/taxonomy.md UNKNOWN / TIMEOUT)",
        "data": {
            "provider": "paypal",
            "content": "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\">\n <SOAP-ENV:Body>\n  <SOAP-ENV:Fault>\n   <faultcode>SOAP-ENV:Server</faultcode>\n   <faultstring>Timed out waiting for the back end</faultstring>\n  </SOAP-ENV:Fault>\n </SOAP-ENV:Body>\n</SOAP-ENV:Envelope>\n"
        },
        "expected": {
            "provider": "paypal",
            "status_category": "UNKNOWN",
            "failure_reason": "TIMEOUT",
            "amount_minor": None,
            "currency": None
        }
    }
]


@pytest.mark.parametrize("case", SOAP_FAULTS, ids=[c["name"] for c in SOAP_FAULTS])
def test_a_soap_fault_reads_its_fault_code(case):
    event = normalized_event(case["data"])
    assert event.status_category == case["expected"]["status_category"]
    assert event.failure_reason == case["expected"]["failure_reason"]
    assert event.amount_minor is None and event.currency is None
    assert event.provider == "paypal"


@pytest.mark.parametrize("case", SOAP_FAULTS, ids=[c["name"] for c in SOAP_FAULTS])
def test_a_soap_fault_is_read_by_the_soap_module_only_under_a_hint(case):
    body = raw_body(case["data"]["content"])
    hinted = detect_provider(body, {"provider": "PayPal"}, builtin_mappings())
    assert hinted.mapping is not None and hinted.mapping.spec is paypal_soap.SPEC
    # A SOAP fault names no provider by itself.
    unhinted = detect_provider(body, {}, builtin_mappings())
    assert unhinted.confidence < SHAPE_DETECTION_THRESHOLD


def test_11610_under_a_failure_ack_is_not_made_pending():
    event = normalized_event({"provider": "paypal", "content": "ACK=Failure&CORRELATIONID=1a2b3c&L_ERRORCODE0=11611"
                                                        "&L_SEVERITYCODE0=Error&AMT=10.00&CURRENCYCODE=USD"})
    assert event.status_category is not StatusCategory.PENDING


def test_a_v1_capture_without_its_self_link_is_a_capture():
    # developer.paypal.com/docs/api/payments/v1/#capture: is_final_capture, state, parent_payment PAY-.
    capture = {"id": "8F148933LY9388354", "amount": {"total": "110.54", "currency": "USD"}, "is_final_capture": True,
               "state": "completed", "parent_payment": "PAY-8PT597110X687430LKGECATA",
               "create_time": "2013-06-25T21:39:15Z", "update_time": "2013-06-25T21:39:17Z"}
    outcome = normalize_lake_data(capture, None, NORMALIZER)
    event = outcome.event
    assert (event.provider, event.status_category, event.event_kind, event.amount_minor) == (
        "paypal", "APPROVED", "CAPTURE", 11054)


def test_an_nvp_reply_stored_with_lower_case_names_is_read():
    from payobs_pipeline_tests.normalization.corpus_checks import normalized_event

    event = normalized_event({"ack": "Success", "amt": "10.00", "build": "848077", "correlationid": "375f",
                              "currencycode": "USD", "paymentstatus": "Completed", "transactionid": "3TG4"})
    assert (event.provider, str(event.status_category), event.amount_minor, event.currency) == (
        "paypal", "APPROVED", 1000, "USD")


def test_a_bare_dispute_resource_is_a_dispute_keeping_its_stage_and_status():
    # developer.paypal.com/docs/api/customer-disputes/v1/: the dispute resource; docs/taxonomy.md: CHARGEBACK at any
    # stage, the stage staying in raw_status.
    outcome = _outcome({"dispute_id": "PP-D-27803", "status": "UNDER_REVIEW", "dispute_life_cycle_stage": "CHARGEBACK",
                        "reason": "UNAUTHORISED",
                        "dispute_amount": {"currency_code": "USD", "value": "12.50"},
                        "disputed_transactions": [{"seller_transaction_id": "1YT49253F56312219"}]})
    event = outcome.event
    assert (str(event.provider), str(event.status_category), str(event.event_kind)) == ("paypal", "CHARGEBACK",
                                                                                         "DISPUTE")
    assert (event.raw_status, event.amount_minor, event.currency) == ("CHARGEBACK/UNDER_REVIEW", 1250, "USD")
    assert (event.dispute_id, event.attempt_id) == ("PP-D-27803", "1YT49253F56312219")


def test_a_v1_authorization_is_told_by_its_own_states_and_a_payid_parent():
    body = {"id": "0T620041D8391184B", "amount": {"total": "20.00", "currency": "GBP"},
            "parent_payment": "PAYID-LUIPGRA0GY27935RV493512S"}
    for state, category, kind in (("voided", "CANCELLED", "VOID"), ("expired", "CANCELLED", "VOID"),
                                  ("authorized", "APPROVED", "AUTHORIZATION")):
        event = _outcome({**body, "state": state}).event
        assert (event.provider, str(event.status_category), str(event.event_kind)) == ("paypal", category, kind)
        assert event.attempt_id == "0T620041D8391184B"
    # A sale's state (completed) is not an authorization's: the sale reading keeps it.
    assert _outcome({**body, "state": "completed"}).event.variant == "sale.v1"


def test_a_v2_capture_linking_up_to_its_authorization_is_a_capture_of_that_authorization():
    # Payments v2 capture links: self, refund, up (the authorization captured against).
    host = "https://api-m.paypal.com/v2/payments"
    capture = {"id": "3C679366HH908993F", "status": "COMPLETED", "amount": {"currency_code": "USD", "value": "10.00"},
               "final_capture": True,
               "links": [{"href": f"{host}/captures/3C679366HH908993F", "rel": "self", "method": "GET"},
                         {"href": f"{host}/captures/3C679366HH908993F/refund", "rel": "refund", "method": "POST"},
                         {"href": f"{host}/authorizations/0VF52814937998046", "rel": "up", "method": "GET"}]}
    event = _outcome(capture).event
    assert (str(event.event_kind), event.attempt_id) == ("CAPTURE", "0VF52814937998046")
    # An intent-CAPTURE capture links up to its order: it is the attempt itself.
    order_up = {**capture, "links": [*capture["links"][:2],
                                     {"href": "https://api-m.paypal.com/v2/checkout/orders/5O190127TN364715T",
                                      "rel": "up", "method": "GET"}]}
    event = _outcome(order_up).event
    assert (str(event.event_kind), event.attempt_id) == ("AUTHORIZATION", "3C679366HH908993F")
    # final_capture false: more is to be captured against an authorization.
    partial = {key: value for key, value in capture.items() if key != "links"}
    event = _outcome({**partial, "final_capture": False, "seller_protection": {"status": "ELIGIBLE"}}).event
    assert (event.provider, str(event.event_kind)) == ("paypal", "CAPTURE")


def test_a_failed_soap_docapture_naming_no_id_is_still_a_capture():
    xml = ("<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\"><SOAP-ENV:Body>"
           "<DoCaptureResponse xmlns=\"urn:ebay:api:PayPalAPI\"><Ack>Failure</Ack><CorrelationID>abc</CorrelationID>"
           "<Errors><ShortMessage>Invalid argument</ShortMessage><ErrorCode>10004</ErrorCode>"
           "<SeverityCode>Error</SeverityCode></Errors></DoCaptureResponse></SOAP-ENV:Body></SOAP-ENV:Envelope>")
    event = _outcome({"provider": "paypal", "content": xml}).event
    assert (str(event.status_category), str(event.event_kind)) == ("ERROR", "CAPTURE")


MAPPING = CompiledMapping(paypal_payflow.SPEC, paypal_payflow.prepare)


def _event(content: str, hint: str | None = "payflow"):
    data = {"provider": hint, "content": content} if hint else content
    outcome = normalize_lake_data(data)
    assert outcome.event is not None, outcome.unprocessed_reason
    return outcome.event


def test_payflow_is_a_paypal_generation():
    assert MAPPING.provider == "paypal"
    assert any(m.spec is paypal_payflow.SPEC for m in builtin_mappings())


@pytest.mark.parametrize("hint", ["PayPal Payflow", "payflow", "payflow_link", "Payflow Pro", "PayPal Payflow Link",
                                  "PayPal"])
def test_every_payflow_hint_names_paypal(hint):
    event = _event("RESULT=0&PNREF=V19A0A1B2C3E&RESPMSG=Approved", hint)
    assert event.provider == "paypal" and event.status_category is StatusCategory.APPROVED


@pytest.mark.parametrize(("result", "status"), sorted(paypal_payflow.STATUSES.items()))
def test_every_documented_result_has_a_status_and_failures_a_reason(result, status):
    if not result.isdigit():
        return
    event = _event(f"RESULT={result}&PNREF=V19A0A1B2C3F&RESPMSG=x")
    assert event.status_category is StatusCategory(status)
    if event.status_category in (StatusCategory.DECLINED, StatusCategory.ERROR, StatusCategory.UNKNOWN):
        assert event.failure_reason is not None and event.failure_reason is not FailureReason.UNKNOWN
    else:
        assert event.failure_reason is None


def test_user_authentication_failure_is_the_merchant_configuration():
    event = _event("RESULT=1&RESPMSG=User authentication failed")
    assert (event.status_category, event.failure_reason) == (StatusCategory.ERROR, FailureReason.CONFIGURATION_ERROR)


def test_negative_result_is_a_communication_error():
    event = _event("RESULT=-31&RESPMSG=The certificate chain did not validate")
    assert (event.status_category, event.failure_reason) == (StatusCategory.ERROR, FailureReason.PROCESSING_ERROR)


def test_an_undocumented_positive_result_is_a_decline_without_reason():
    """"Any other value for RESULT indicates a decline or error" (transaction responses page)."""
    event = _event("RESULT=9999&PNREF=V19A0A1B2C3G&RESPMSG=Something new")
    assert (event.status_category, event.failure_reason) == (StatusCategory.DECLINED, FailureReason.UNKNOWN)


def test_126_is_held_for_review_and_127_went_through():
    assert _event("RESULT=126&PNREF=V1&RESPMSG=Under review").status_category is StatusCategory.PENDING
    assert _event("RESULT=127&PNREF=V2&RESPMSG=Approved").status_category is StatusCategory.APPROVED


@pytest.mark.parametrize(("key", "kind"), [("TRXTYPE", "CAPTURE"), ("TYPE", "CAPTURE")])
def test_delayed_capture_is_a_capture(key, kind):
    event = _event(f"RESULT=0&PNREF=V3&RESPMSG=Approved&{key}=D")
    assert str(event.event_kind) == kind and event.status_category is StatusCategory.APPROVED


def test_a_failed_credit_is_a_refund_that_failed():
    event = _event("RESULT=105&PNREF=V4&RESPMSG=Credit error&TRXTYPE=C")
    assert str(event.event_kind) == "REFUND" and event.status_category is StatusCategory.ERROR


def test_amount_only_with_its_currency():
    with_currency = _event("RESULT=0&PNREF=V5&RESPMSG=Approved&AMT=21.30&CURRENCY=USD")
    assert (with_currency.amount_minor, with_currency.currency) == (2130, "USD")
    without = _event("RESULT=0&PNREF=V6&RESPMSG=Approved&AMT=21.30")
    assert (without.amount_minor, without.currency) == (None, None)


def test_tender_names_the_payment_method():
    assert str(_event("RESULT=0&PNREF=V7&RESPMSG=Approved&TENDER=A").payment_method) == "DIRECT_DEBIT"
    assert str(_event("RESULT=0&PNREF=V8&RESPMSG=Approved&TENDER=P").payment_method) == "WALLET"
    assert str(_event("RESULT=0&PNREF=V9&RESPMSG=Approved&AUTHCODE=123456").payment_method) == "CARD"


def test_prepare_is_pure_and_keeps_every_field():
    body = {"RESULT": "0", "PNREF": "V10", "RESPMSG": "Approved", "AMT": "1.00", "CURRENCY": "EUR"}
    before = copy.deepcopy(body)
    prepared = paypal_payflow.prepare(body)
    assert body == before and {k: prepared[k] for k in before} == before
    assert paypal_payflow.prepare({"RESULT": "n/a"}) == {"RESULT": "n/a"}


# sdk_and_docs_examples/ (SDK fixtures, other docs, lake variations) and other_event_kinds/ (orders,
# subscriptions, payouts, disputes, lake wrappers): earlier rounds, training data. A webhook that only names a
# payment stays unprocessed.
# corpus/paypal.json's labels are checked by test_provider_contract.py.
CORPUS_CASES = docs_examples(SLUG) + other_event_kinds(SLUG)
# Its cases that normalize: the shape of each must name the provider by itself.
SHAPE_CASES = provider_cases(SLUG) + [case for case in CORPUS_CASES if "unprocessed" not in case["expected"]]
# The detectors its documents were first checked against (they share its envelope words: id, status, amount).
RIVALS = ("mercadopago", "braintree", "checkout")


@pytest.mark.parametrize("case", CORPUS_CASES, ids=case_ids(CORPUS_CASES))
def test_corpus_case_matches_its_labels(case):
    """A webhook that only names a payment (IPN resource) is never guessed: it stays unprocessed."""
    assert_case_matches_labels(case)


def test_corpus_covers_the_lifecycle():
    assert_covers_the_lifecycle(provider_cases(SLUG))


@pytest.mark.parametrize("case", SHAPE_CASES, ids=case_ids(SHAPE_CASES))
def test_shape_alone_names_the_provider(case):
    """Hints may be missing or wrong: each payload's shape (masked, as the pipeline reads it) names its provider."""
    assert_detected_by_shape(case, "masked")


@pytest.mark.parametrize("name", foreign_payloads(SLUG))
def test_other_providers_payloads_score_low_on_our_detector(name):
    assert_does_not_claim(SLUG, name)


@pytest.mark.parametrize("case", SHAPE_CASES, ids=case_ids(SHAPE_CASES))
def test_our_payloads_score_low_on_the_rivals_detectors(case):
    assert_outscores(case, RIVALS, "masked")


def test_every_status_in_each_status_map_is_a_status_category():
    assert_status_maps_compile(SLUG, minimum_entries=5, strict=False)


def test_paypal_ipn_refund_sign_is_dropped_by_prepare():
    prepared = paypal.prepare({"mc_gross": "-10.00", "payment_status": "Refunded"})
    assert prepared["mc_gross"] == "10.00"
    assert paypal.prepare({"mc_gross": "10.00"}) == {"mc_gross": "10.00"}


# --- lifecycle identity: one attempt's rows share (provider, attempt_id) --------------------------------


def _lifecycle_event(data):
    return canonical_event(data, NORMALIZER)


_PP_HOST = "https://api-m.paypal.com"
_PP_ORDER, _PP_AUTH, _PP_CAPTURE = "5O190127TN364715T", "0VF52814AB7998046", "3C679366HH908993F"


def _paypal_webhook(event_type, resource_type, resource):
    return {"id": "WH-LC0000000000000000-0000000000000000", "event_version": "1.0", "resource_version": "2.0",
            "create_time": "2024-05-20T16:21:06.000Z", "event_type": event_type, "resource_type": resource_type,
            "resource": resource}


def test_paypal_authorize_intent_capture_and_refund_name_the_authorization():
    # developer.paypal.com/docs/api/payments/v2: supplementary_data.related_ids names the order, the
    # authorization a capture settles, the capture a refund returns.
    related = {"order_id": _PP_ORDER, "authorization_id": _PP_AUTH}
    amount = {"currency_code": "USD", "value": "100.00"}
    auth = _lifecycle_event(_paypal_webhook("PAYMENT.AUTHORIZATION.CREATED", "authorization", {
        "id": _PP_AUTH, "status": "CREATED", "amount": amount, "supplementary_data": {"related_ids": related},
        "links": [{"href": f"{_PP_HOST}/v2/payments/authorizations/{_PP_AUTH}", "rel": "self"}]}))
    assert (auth.event_kind, auth.status_category, auth.attempt_id, auth.payment_id) == (
        "AUTHORIZATION", "APPROVED", _PP_AUTH, _PP_ORDER)
    capture = _lifecycle_event(_paypal_webhook("PAYMENT.CAPTURE.COMPLETED", "capture", {
        "id": _PP_CAPTURE, "status": "COMPLETED", "amount": amount, "final_capture": True,
        "supplementary_data": {"related_ids": related},
        "links": [{"href": f"{_PP_HOST}/v2/payments/captures/{_PP_CAPTURE}", "rel": "self"}]}))
    assert (capture.event_kind, capture.status_category, capture.attempt_id, capture.payment_id) == (
        "CAPTURE", "APPROVED", _PP_AUTH, _PP_ORDER)
    refund = {"id": "1JU08902781691411", "status": "FAILED", "amount": amount,
              "supplementary_data": {"related_ids": {**related, "capture_id": _PP_CAPTURE}},
              "links": [{"href": f"{_PP_HOST}/v2/payments/refunds/1JU08902781691411", "rel": "self"}]}
    failed = _lifecycle_event(_paypal_webhook("PAYMENT.CAPTURE.REFUNDED", "refund", refund))
    assert (failed.event_kind, failed.status_category, failed.attempt_id, failed.refund_id) == (
        "REFUND", "DECLINED", _PP_AUTH, "1JU08902781691411")
    pending = _lifecycle_event(_paypal_webhook("PAYMENT.CAPTURE.REFUNDED", "refund", {**refund, "status": "PENDING"}))
    assert (pending.event_kind, pending.status_category) == ("REFUND", "PENDING")
    voided = _lifecycle_event(_paypal_webhook("PAYMENT.AUTHORIZATION.VOIDED", "authorization", {
        "id": _PP_AUTH, "status": "VOIDED", "amount": amount,
        "links": [{"href": f"{_PP_HOST}/v2/payments/authorizations/{_PP_AUTH}", "rel": "self"}]}))
    assert (voided.event_kind, voided.status_category, voided.attempt_id) == ("VOID", "CANCELLED", _PP_AUTH)


def test_paypal_capture_intent_order_and_its_capture_are_one_attempt():
    capture = {"id": _PP_CAPTURE, "status": "COMPLETED", "amount": {"currency_code": "USD", "value": "100.00"},
               "final_capture": True, "supplementary_data": {"related_ids": {"order_id": _PP_ORDER}}}
    order = {"id": _PP_ORDER, "intent": "CAPTURE", "status": "COMPLETED",
             "purchase_units": [{"amount": {"currency_code": "USD", "value": "100.00"},
                                 "payments": {"captures": [capture]}}]}
    from_order = _lifecycle_event(order)
    from_capture = _lifecycle_event(_paypal_webhook("PAYMENT.CAPTURE.COMPLETED", "capture", capture))
    for event in (from_order, from_capture):
        assert (event.event_kind, event.status_category, event.attempt_id, event.payment_id) == (
            "AUTHORIZATION", "APPROVED", _PP_CAPTURE, _PP_ORDER)
    approved = _lifecycle_event(_paypal_webhook("CHECKOUT.ORDER.APPROVED", "checkout-order", {
        "id": _PP_ORDER, "intent": "CAPTURE", "status": "APPROVED",
        "purchase_units": [{"amount": {"currency_code": "USD", "value": "100.00"}}]}))
    assert (approved.event_kind, approved.attempt_id, approved.payment_id) == ("PAYMENT", None, _PP_ORDER)


@pytest.mark.parametrize("event_type, resource_type", [
    # developer.paypal.com/api/rest/webhooks/event-names: invoices (their payment has its own capture or sale event)
    # and referenced payouts to sellers are no customer payment.
    ("INVOICING.INVOICE.PAID", "invoices"), ("INVOICING.INVOICE.REFUNDED", "invoices"),
    ("PAYMENT.REFERENCED-PAYOUT-ITEM.COMPLETED", "referenced-payout-item"),
])
def test_invoicing_and_referenced_payout_events_are_not_payments(event_type, resource_type):
    body = {"id": "WH-1AB23456CD789012E-3FG45678HJ901234K", "event_version": "1.0", "resource_type": resource_type,
            "event_type": event_type, "resource": {"id": "INV2-Z56S-5LLA-Q52L-CPZ5", "status": "PAID",
                                                   "amount": {"currency_code": "USD", "value": "10.00"}}}
    assert normalize_lake_data(body, None, NORMALIZER).unprocessed_reason == "NOT_A_PAYMENT_EVENT"


@pytest.mark.parametrize("reason_code, reason", [
    # Subscriptions v1 failed_payment_details.reason_code, every value.
    ("PAYMENT_DENIED", "GENERIC_DECLINE"), ("INTERNAL_SERVER_ERROR", "PROCESSING_ERROR"),
    ("PAYEE_ACCOUNT_RESTRICTED", "CONFIGURATION_ERROR"), ("PAYER_ACCOUNT_RESTRICTED", "RESTRICTED_CARD"),
    ("PAYER_CANNOT_PAY", "TRANSACTION_NOT_PERMITTED"), ("SENDING_LIMIT_EXCEEDED", "LIMIT_EXCEEDED"),
    ("TRANSACTION_RECEIVING_LIMIT_EXCEEDED", "LIMIT_EXCEEDED"), ("CURRENCY_MISMATCH", "TRANSACTION_NOT_PERMITTED"),
])
def test_a_failed_subscription_payment_reads_its_reason(reason_code, reason):
    body = {"event_type": "BILLING.SUBSCRIPTION.PAYMENT.FAILED", "resource_type": "subscription", "resource": {
        "id": "I-BW452GLLEP1G", "status": "ACTIVE", "billing_info": {"last_failed_payment": {
            "amount": {"currency_code": "EUR", "value": "9.99"}, "time": "2024-05-01T09:58:00Z",
            "reason_code": reason_code}}}}
    event = normalized_event({**body, "provider": "paypal"})
    assert (str(event.status_category), str(event.failure_reason), event.amount_minor, event.currency) == (
        "DECLINED", reason, 999, "EUR")


def test_an_adaptive_payments_preapproval_message_is_not_a_payment():
    # Adaptive Payments Developer Guide (2012), Preapproval Message Variables: an agreement for future payments.
    body = {"transaction_type": "Adaptive Payment PREAPPROVAL", "preapproval_key": "PA-0H325862CG1289418",
            "approved": "true", "status": "ACTIVE", "sender_email": "buyer@example.com", "currency_code": "USD",
            "max_total_amount_of_all_payments": "100.00", "verify_sign": "AFcWxV21C7fd0v3bYYYRCpSSRl31AIYIUUq0"}
    assert normalize_lake_data(body, None, NORMALIZER).unprocessed_reason == "NOT_A_PAYMENT_EVENT"


def test_an_adaptive_error_answer_reads_its_error_id():
    """Adaptive Payments answers with ack Failure: the error[] list's errorId is the code (Developer Guide 2012)."""
    event = normalized_event({"responseEnvelope": {"ack": "Failure", "correlationId": "efb2c427728cc",
                                                   "build": "17820627"},
                              "error": [{"errorId": "520003", "domain": "PLATFORM", "severity": "Error",
                                         "message": "Authentication failed. API credentials are incorrect."}]})
    assert event.status_category == StatusCategory.ERROR
    assert event.failure_reason == FailureReason.CONFIGURATION_ERROR
    assert event.raw_reason_code == "520003"


def test_a_parallel_payment_s_details_read_no_amount():
    """PaymentDetails of two receivers: no total is stated, so no receiver's amount is taken for the payment's."""
    info = {"transactionStatus": "COMPLETED", "receiver": {"amount": "5.00", "primary": "false"}}
    event = normalized_event({"responseEnvelope": {"ack": "Success", "correlationId": "49f5b1753e0df", "build": "1"},
                              "payKey": "AP-791807008W699005A", "status": "COMPLETED", "currencyCode": "USD",
                              "paymentInfoList": {"paymentInfo": [info, info]}})
    assert event.status_category == StatusCategory.APPROVED
    assert event.amount_minor is None and event.currency == "USD"


def test_an_ipn_stored_with_line_breaks_after_each_ampersand_is_read_as_its_form():
    raw = ("mc_gross=48.00&\npayment_status=Completed&\npayment_date=11%3A07%3A43+Dec+27%2C+2023+PST&\n"
           "txn_id=61E67681CH3238416&\nmc_currency=USD")
    event = normalized_event(raw)
    assert (event.provider, event.status_category, event.amount_minor, event.currency) == (
        "paypal", StatusCategory.APPROVED, 4800, "USD")
    assert event.event_time is not None and event.event_time.day == 27


def test_return_url_parameters_without_a_status_stay_unprocessed_and_pdt_st_is_read():
    # PDT-Specific Variables: tx alone is the token to fetch the details with; tx with st states the status.
    # Express Checkout's cancel URL carries the EC- token only.
    for data in ({"provider": "paypal", "payload": {"tx": "61E67681CH3238416"}}, {"token": "EC-1NK66318YB717835M"},
                 {"provider": "paypal", "payload": {"token": "EC-1NK66318YB717835M", "PayerID": "A8SF4ZLPG6PZC"}}):
        assert normalize_lake_data(data).unprocessed_reason == "NOTIFICATION_WITHOUT_OUTCOME", data
    event = normalize_lake_data({"provider": "paypal", "payload": {"tx": "61E6", "st": "Denied", "amt": "5.00",
                                                                    "cc": "USD"}}).event
    assert (str(event.status_category), event.amount_minor, event.currency) == ("DECLINED", 500, "USD")


# Documents with no payment outcome (corpus/paypal.json holds payment outcomes only): return URL parameters that only
# name the payment (Express Checkout: RETURNURL gets token=EC-... and PayerID; Orders v2: return_url gets
# token=<order id> and PayerID) and IPNs of subscription set-up and Mass Pay (IPNandPDTVariables txn_type
# subscr_signup, masspay with masspay_txn_id_n), recognized without a hint.
_WITHOUT_OUTCOME = [
    ({"token": "EC-1NK66318YB717835M", "PayerID": "A8SF4ZLPG6PZC"}, "NOTIFICATION_WITHOUT_OUTCOME"),
    ({"provider": "paypal", "content": "token=5O190127TN364715T&PayerID=A8SF4ZLPG6PZC", "format": "kv"},
     "NOTIFICATION_WITHOUT_OUTCOME"),
    ({"txn_type": "subscr_signup", "subscr_id": "I-8XJ2B3KD9W4L", "mc_amount3": "5.00", "mc_currency": "EUR",
      "period3": "1 M", "recurring": "1", "payer_email": "buyer@example.com", "receiver_email": "seller@example.com"},
     "NOT_A_PAYMENT_EVENT"),
    ({"txn_type": "masspay", "payment_status": "Processed", "payer_email": "seller@example.com",
      "receiver_email_1": "payee@example.com", "masspay_txn_id_1": "1AB23456CD789012E", "mc_gross_1": "10.00",
      "mc_currency_1": "USD", "status_1": "Completed", "unique_id_1": "payout-1"}, "NOT_A_PAYMENT_EVENT"),
]


@pytest.mark.parametrize("data,reason", _WITHOUT_OUTCOME)
def test_return_urls_and_subscription_or_mass_pay_ipns_stay_unprocessed(data, reason):
    assert normalize_lake_data(data).unprocessed_reason == reason
