"""Braintree mapping: <api-error-response> bodies (a declined transaction inside wins over the error), validation
codes, GraphQL errors, webhook kinds (refund_failed, local payments) (the checks every provider passes are in
../test_provider_contract.py)."""

from __future__ import annotations

from payobs_pipeline.normalization.evaluation import normalize_lake_data
from payobs_pipeline.normalization.providers import braintree as module
from payobs_pipeline_tests.normalization.corpus_checks import NORMALIZER, normalized_event


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
