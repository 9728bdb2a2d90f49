"""Braintree: its labeled corpora (SDK fixtures, other event kinds), shape detection, prepare and lifecycle identity;
<api-error-response> bodies (a declined transaction inside wins over the error), validation codes, GraphQL errors,
webhook kinds (refund_failed, local payments). The checks every provider passes, corpus/braintree.json's labels
among them, are in ../test_provider_contract.py."""

from __future__ import annotations

import json

import pytest

from payobs_pipeline.normalization.evaluation import normalize_lake_data
from payobs_pipeline.normalization.formats import FORMAT_TEXT, read_lake_payload
from payobs_pipeline.normalization.providers import braintree as module
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
)
from payobs_pipeline_tests.normalization.lifecycle_events import canonical_event

SLUG = "braintree"
# sdk_and_docs_examples/ (SDK fixtures, other docs, lake variations) and other_event_kinds/ (orders,
# subscriptions, payouts, disputes, lake wrappers): earlier rounds, training data. A webhook that only names a
# payment stays unprocessed.
# corpus/braintree.json's labels are checked by test_provider_contract.py.
CORPUS_CASES = docs_examples(SLUG) + other_event_kinds(SLUG)
# Its cases that normalize: the shape of each must name the provider by itself. A plain-text answer has no
# shape: only its hint lets the spec read it (formats.py, format text).
SHAPE_CASES = [case for case in provider_cases(SLUG) + CORPUS_CASES if "unprocessed" not in case["expected"]
               and read_lake_payload(json.dumps(case["data"])).format != FORMAT_TEXT]
# The detectors its documents were first checked against (they share its envelope words: id, status, amount).
RIVALS = ("mercadopago", "paypal", "checkout")


@pytest.mark.parametrize("case", CORPUS_CASES, ids=case_ids(CORPUS_CASES))
def test_corpus_case_matches_its_labels(case):
    """A webhook that only names a payment is never guessed: it stays unprocessed."""
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


def test_braintree_prepare_flattens_typed_xml_values():
    prepared = module.prepare(
        {"transaction": {"amount": {"@type": "decimal", "#text": "10.00"}, "order-id": {"@nil": "true"},
                         "status-history": {"@type": "array"}}}
    )
    assert prepared == {"transaction": {"amount": "10.00", "order-id": None, "status-history": []}}


def test_braintree_unreadable_bt_payload_is_left_to_the_cascade():
    body = {"bt_signature": "abc|def", "bt_payload": "not base64 xml!"}
    assert module.prepare(body) == body


# --- lifecycle identity: one attempt's rows share (provider, attempt_id) --------------------------------


def _event(data):
    return canonical_event(data, NORMALIZER)


def _braintree_sale(**fields):
    sale = {"id": "bt7sale1", "type": "sale", "status": "settled", "amount": "10.00", "currency_iso_code": "USD",
            "processor_response_code": "1000", "order_id": "order-77", "refunded_transaction_id": None,
            "billing_details": {"country_code_alpha2": "US"}}
    return {**sale, **fields}


def test_braintree_refund_and_void_name_the_sale_as_their_attempt():
    # /docs/reference/response/transaction: a credit's refunded_transaction_id is the sale it refunds.
    sale = _event(_braintree_sale())
    assert (sale.event_kind, sale.status_category, sale.attempt_id, sale.payment_id) == (
        "AUTHORIZATION", "APPROVED", "bt7sale1", "order-77")
    assert (sale.customer_country, sale.country) == ("US", "US")
    refund = _event(_braintree_sale(id="bt7cred1", type="credit", status="submitted_for_settlement",
                                    refunded_transaction_id="bt7sale1", processor_response_code="1002"))
    assert (refund.event_kind, refund.status_category, refund.attempt_id, refund.refund_id) == (
        "REFUND", "REFUNDED", "bt7sale1", "bt7cred1")
    declined = _event(_braintree_sale(id="bt7cred2", type="credit", status="processor_declined",
                                      refunded_transaction_id="bt7sale1", processor_response_code="2005"))
    assert (declined.event_kind, declined.status_category, declined.attempt_id) == ("REFUND", "DECLINED", "bt7sale1")
    voided = _event(_braintree_sale(status="voided"))
    assert (voided.event_kind, voided.status_category, voided.attempt_id) == ("VOID", "CANCELLED", "bt7sale1")


# --- API errors, webhooks and local payments --------------------------------------------------------------------


def _outcome(data):
    return normalize_lake_data(data, None, NORMALIZER)


def _error_response(errors_xml: str, extra: str = "") -> str:
    return ("<api-error-response>\n  <errors>\n    <errors type=\"array\"/>\n" + errors_xml + "  </errors>\n"
            "  <message>m</message>\n" + extra + "</api-error-response>")


def test_a_declined_transaction_inside_an_error_response_is_the_event():
    data = _error_response("", "<transaction><id>t1</id><status>processor_declined</status><type>sale</type>"
                               "<currency-iso-code>USD</currency-iso-code><amount>20.01</amount>"
                               "<processor-response-code>2001</processor-response-code></transaction>")
    event = normalized_event(data)
    assert (event.status_category, event.failure_reason, event.amount_minor, event.attempt_id) == (
        "DECLINED", "INSUFFICIENT_FUNDS", 2001, "t1")


def test_the_first_nested_validation_code_is_the_reason_and_unlisted_codes_are_request_errors():
    nested = ("<transaction><errors type=\"array\"/><billing><errors type=\"array\"><error><code>81808</code>"
              "<message>Postal code is required.</message></error></errors></billing></transaction>")
    event = normalized_event(_error_response(nested))
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == ("ERROR", "INVALID_REQUEST", "81808")
    listed = "<transaction><errors type=\"array\"><error><code>91514</code></error></errors></transaction>"
    assert normalized_event(_error_response(listed)).failure_reason == "CONFIGURATION_ERROR"


def test_graphql_error_class_without_a_legacy_code():
    event = normalized_event({"errors": [{"message": "Service unavailable", "extensions": {"errorClass": "SERVICE_AVAILABILITY"}}],
                    "extensions": {"requestId": "r1"}})
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == (
        "ERROR", "PROCESSING_ERROR", "SERVICE_AVAILABILITY")


def test_error_code_walk_is_bounded_and_ignores_non_codes():
    assert module._first_error_code({"a": {"error": {"code": None}}}) is None
    deep = {"x": None}
    node = deep
    for _ in range(20):
        node["x"] = {"x": None}
        node = node["x"]
    node["error"] = {"code": "81503"}
    assert module._first_error_code(deep) is None


def test_a_transaction_review_notification_names_a_transaction_to_fetch():
    import base64

    xml = ('<notification><timestamp type="datetime">2024-06-10T12:00:05Z</timestamp><kind>transaction_reviewed</kind>'
           '<subject><transaction-review><transaction-id>t1</transaction-id><decision>Approve</decision>'
           '</transaction-review></subject></notification>')
    data = {"bt_signature": "k|s", "bt_payload": base64.b64encode(xml.encode()).decode()}
    assert _outcome(data).unprocessed_reason == "NOTIFICATION_WITHOUT_OUTCOME"
    # The same notification kept decoded (an integration's parsed webhook, the SDKs' sample XML): the same reading.
    assert _outcome({"provider": "braintree", "content": xml}).unprocessed_reason == "NOTIFICATION_WITHOUT_OUTCOME"


def test_a_decoded_subscription_charge_keeps_its_status_but_not_an_amount_in_no_currency():
    xml = ('<notification><kind>subscription_charged_successfully</kind><subject><subscription><id>s1</id>'
           '<transactions type="array"><transaction><id>t1</id><status>submitted_for_settlement</status>'
           '<amount>49.99</amount></transaction></transactions></subscription></subject></notification>')
    event = _outcome({"provider": "braintree", "content": xml}).event
    assert (event.status_category, event.amount_minor, event.currency) == ("APPROVED", None, None)


def _local_payment_context(**timestamps):
    # developer.paypal.com/braintree/graphql/reference/types/local-payment-context
    context = {"id": "cGF5bWVudGNvbnRleHQ", "legacyId": "lpc_1", "type": "BLIK",
               "amount": {"value": "99.00", "currencyCode": "PLN"}, "approvalUrl": "https://example.test/approve",
               "merchantAccountId": "shop_pln", "transactedAt": None, "approvedAt": None, "expiredAt": None,
               "createdAt": "2025-01-01T00:00:00Z", "updatedAt": "2025-01-01T00:00:00Z", "paymentId": "PAYID-1",
               "orderId": "order-1"}
    return {"provider": "braintree", "payload": {"data": {"node": {**context, **timestamps}}}}


def test_a_local_payment_context_is_pending_until_used_for_a_transaction():
    for timestamps, category in (({}, "PENDING"), ({"approvedAt": "2025-01-01T00:01:00Z"}, "PENDING"),
                                 ({"approvedAt": "2025-01-01T00:01:00Z", "transactedAt": "2025-01-01T00:02:00Z"},
                                  "APPROVED"),
                                 ({"expiredAt": "2025-01-02T00:00:00Z"}, "CANCELLED")):
        event = normalized_event(_local_payment_context(**timestamps))
        assert (event.status_category, event.amount_minor, event.currency, event.payment_method, event.payment_id) == (
            category, 9900, "PLN", "BANK_TRANSFER", "order-1")


def _three_d_secure_rejection(info: str) -> str:
    return ("<api-error-response><errors><errors type=\"array\"/></errors>"
            "<message>Gateway Rejected: three_d_secure</message><transaction><id>gr3ds002</id>"
            "<status>gateway_rejected</status><type>sale</type><currency-iso-code>EUR</currency-iso-code>"
            "<amount>10.00</amount><gateway-rejection-reason>three_d_secure</gateway-rejection-reason>"
            f"<payment-instrument-type>credit_card</payment-instrument-type>{info}</transaction></api-error-response>")


def test_three_d_secure_rejection_without_authentication_asks_for_it():
    event = _outcome({"provider": "braintree", "content": _three_d_secure_rejection(
        "<three-d-secure-info nil=\"true\"/>")}).event
    assert (str(event.status_category), str(event.failure_reason)) == ("DECLINED", "AUTHENTICATION_REQUIRED")


def test_three_d_secure_rejection_after_an_authentication_is_a_failed_one():
    event = _outcome({"provider": "braintree", "content": _three_d_secure_rejection(
        "<three-d-secure-info><status>authenticate_failed</status><liability-shifted type=\"boolean\">false"
        "</liability-shifted></three-d-secure-info>")}).event
    assert (str(event.status_category), str(event.failure_reason)) == ("DECLINED", "AUTHENTICATION_FAILED")


def _ideal_notification(kind: str, status: str) -> str:
    """A legacy iDEAL webhook as the SDKs' WebhookTestingGateway lays its subject out (<ideal-payment>)."""
    return (f"<notification><timestamp type=\"datetime\">2017-03-01T09:30:00Z</timestamp><kind>{kind}</kind>"
            f"<subject><ideal-payment><id>idealpayment_t4y7q2</id><status>{status}</status><issuer>RABONL2U</issuer>"
            "<order-id>order-551</order-id><currency>EUR</currency><amount>25.50</amount>"
            "<created-at>2017-03-01T09:28:00Z</created-at><approval-url>https://bank.example/approve</approval-url>"
            "<ideal-transaction-id>0012345678901234</ideal-transaction-id></ideal-payment></subject></notification>")


@pytest.mark.parametrize(("kind", "status", "category", "reason"), [
    ("ideal_payment_complete", "COMPLETE", "APPROVED", None),
    ("ideal_payment_failed", "FAILED", "DECLINED", "UNKNOWN"),
])
def test_a_legacy_ideal_notification_kind_is_the_bank_payments_outcome(kind, status, category, reason):
    event = normalized_event(_ideal_notification(kind, status))
    assert (event.provider, event.status_category, event.failure_reason) == ("braintree", category, reason)
    assert (event.amount_minor, event.currency, event.payment_method) == (2550, "EUR", "BANK_TRANSFER")
    assert (event.attempt_id, event.payment_id) == ("idealpayment_t4y7q2", "order-551")


def test_a_completed_local_payment_without_its_transaction_has_no_outcome_yet():
    import base64

    # /docs/reference/general/webhooks/local-payment-methods and braintree_python webhook_testing_gateway.py
    # __local_payment_completed: the subject gives the payment-id and payer-id the merchant charges; no transaction.
    xml = ('<notification><timestamp type="datetime">2024-06-10T12:00:05Z</timestamp><kind>local_payment_completed'
           '</kind><subject><local-payment><payment-id>a-payment-id</payment-id><payer-id>a-payer-id</payer-id>'
           '</local-payment></subject></notification>')
    data = {"bt_signature": "k|s", "bt_payload": base64.b64encode(xml.encode()).decode()}
    assert _outcome(data).unprocessed_reason == "NOTIFICATION_WITHOUT_OUTCOME"


def test_the_node_sdk_camel_case_gateway_rejection_reads_its_reason_and_drop_in_paypal_payloads_are_no_payment():
    # /docs/reference/response/transaction: gateway_rejection_reason cvv (the Node SDK's gatewayRejectionReason);
    # a Drop-in PayPalAccount payload is a nonce, no payment.
    rejected = normalize_lake_data({"id": "a1b2c3d4", "status": "gateway_rejected", "type": "sale",
                                    "currencyIsoCode": "EUR", "amount": "5.00", "gatewayRejectionReason": "cvv",
                                    "processorResponseCode": "1000", "paymentInstrumentType": "credit_card"}).event
    assert (str(rejected.status_category), str(rejected.failure_reason), rejected.amount_minor) == (
        "DECLINED", "INCORRECT_CVC", 500)
    paypal = {"nonce": "fake-paypal-one-time-nonce", "type": "PayPalAccount",
              "details": {"email": "buyer@example.com", "payerId": "ABCDEF", "countryCode": "US"}}
    # braintree-web-drop-in requestPaymentMethod card payload (nonce, details, type CreditCard, description, binData).
    card = {"nonce": "tokencc_bc_abc123_xyz", "type": "CreditCard", "description": "ending in 11",
            "details": {"cardType": "Visa", "lastFour": "1111", "lastTwo": "11", "bin": "411111"},
            "binData": {"prepaid": "No", "debit": "Unknown", "countryOfIssuance": "Unknown"}}
    for payload in (paypal, card):
        assert normalize_lake_data(payload).unprocessed_reason == "NOT_A_PAYMENT_EVENT"


def test_a_graphql_dispute_names_its_dispute_and_the_disputed_transaction():
    dispute = {"legacyId": "dp_1", "status": "WON", "type": "CHARGEBACK",
               "amountDisputed": {"value": "5.35", "currencyCode": "USD"},
               "transaction": {"legacyId": "tx_9", "orderId": "o-1", "status": "SETTLED"}}
    event = normalized_event(dispute)
    assert (event.status_category, event.event_kind, event.raw_status) == ("CHARGEBACK", "DISPUTE", "WON")
    assert (event.dispute_id, event.attempt_id, event.payment_id) == ("dp_1", "tx_9", "o-1")
