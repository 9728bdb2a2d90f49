"""Global Payments mapping: result classes, Portico gateway codes (the checks every provider passes are in
../test_provider_contract.py)."""

from __future__ import annotations

import pytest

from payobs_pipeline_tests.normalization.corpus_checks import normalized_event

# What test_provider_contract.py expects of this provider where it differs from every provider's default.
CONTRACT = {
    # Statuses its specs map to that corpus/globalpayments.json has no case of yet.
    "uncovered_statuses": {
        "PENDING": "status AUTHENTICATED, status FOR_REVIEW, status INITIATED, status PENDING",
    },
}


@pytest.mark.parametrize("code, status", [("00", "APPROVED"), ("101", "DECLINED"), ("199", "DECLINED"),
                                          ("202", "ERROR"), ("301", "ERROR"), ("502", "ERROR"), ("666", "ERROR")])
def test_ecommerce_result_classes(code, status):
    xml = f"<response timestamp=\"20240314102030\"><orderid>o</orderid><result>{code}</result><pasref>p</pasref></response>"
    assert normalized_event(xml).status_category == status


def _portico(gateway, rsp=None):
    transaction = (f"<Transaction><CreditSale><RspCode>{rsp}</RspCode><RspText>x</RspText></CreditSale></Transaction>"
                   if rsp else "")
    return ("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
            "<PosResponse xmlns=\"http://Hps.Exchange.PosGateway\"><Ver1.0><Header><GatewayTxnId>1</GatewayTxnId>"
            f"<GatewayRspCode>{gateway}</GatewayRspCode><GatewayRspMsg>m</GatewayRspMsg></Header>{transaction}"
            "</Ver1.0></PosResponse></soap:Body></soap:Envelope>")


def test_portico_issuer_format_error_is_not_a_gateway_timeout():
    issuer = normalized_event(_portico("0", "30"))
    gateway = normalized_event(_portico("30"))
    assert (issuer.status_category, issuer.failure_reason) == ("DECLINED", "INVALID_REQUEST")
    assert (gateway.status_category, gateway.failure_reason) == ("UNKNOWN", "TIMEOUT")


def test_portico_partial_approval_is_approved():
    assert normalized_event(_portico("0", "10")).status_category == "APPROVED"


def test_hpp_amount_without_currency_is_not_guessed():
    event = normalized_event("RESULT=00&PASREF=1&ORDER_ID=o&AMOUNT=1000&TIMESTAMP=20240314102030")
    assert (event.amount_minor, event.currency) == (None, None)


@pytest.mark.parametrize("code, status, reason", [("00", "APPROVED", None), ("10", "APPROVED", None),
                                                  ("05", "DECLINED", "GENERIC_DECLINE"),
                                                  ("51", "DECLINED", "INSUFFICIENT_FUNDS")])
def test_sdk_transaction_of_a_portico_request_reads_the_issuer_code(code, status, reason):
    """An SDK Transaction whose responseCode is two digits carries Portico's issuer RspCode (00, 10, 85 approve)."""
    event = normalized_event({"provider": "globalpayments", "payload": {
        "responseCode": code, "responseMessage": "x",
        "transactionReference": {"transactionId": "1234567890", "paymentMethodType": 2, "authCode": ""}}})
    assert (event.variant, str(event.status_category)) == ("sdk.transaction", status)
    assert (event.failure_reason and str(event.failure_reason)) == reason
