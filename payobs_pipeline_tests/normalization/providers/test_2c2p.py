"""2C2P mapping: pinned behaviour (the checks every provider passes are in ../test_provider_contract.py)."""

from __future__ import annotations

import base64
import importlib
import json

from payobs_pipeline_tests.normalization.corpus_checks import NORMALIZER, normalized_event

# The module is named after the slug, which is not a Python identifier.
module = importlib.import_module("payobs_pipeline.normalization.providers.2c2p")


def _inquiry(code, **kw):
    data = {"merchantID": "JT01", "invoiceNo": "I1", "amount": 10.0, "currencyCode": "SGD", "tranRef": "R1",
            "channelCode": "VI", "paymentScheme": "VI", "respCode": code, "respDesc": "x"}
    data.update(kw)
    return data


def test_2c2p_wording_of_a_host_code_wins_over_iso():
    # 4035 is "Restricted Card - Pick Up" at 2C2P; ISO 35 alone would read "contact acquirer".
    assert str(normalized_event(_inquiry("4035")).failure_reason) == "RESTRICTED_CARD"


def test_an_unlisted_host_code_reads_its_iso_digits():
    event = normalized_event(_inquiry("4061"))
    assert (str(event.failure_reason), event.raw_reason_code) == ("LIMIT_EXCEEDED", "61")


def test_api_success_of_a_payment_token_is_no_payment_approval():
    from payobs_pipeline.normalization.evaluation import normalize_lake_data

    outcome = normalize_lake_data({"paymentToken": "t", "webPaymentUrl": "https://x", "respCode": "0000",
                                   "respDesc": "Success"}, None, NORMALIZER)
    assert outcome.unprocessed_reason == "NOT_A_PAYMENT_EVENT"


def test_a_jwt_backend_notification_is_read_as_the_inquiry_it_carries():
    # PGW v4 posts {"payload": "<JWT>"} whose claims are the payment inquiry's fields
    # (developer.2c2p.com/docs/api-payment-response-back-end); the signature is the merchant's to verify.
    from payobs_pipeline.normalization.evaluation import normalize_lake_data

    token = ("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
             + base64.urlsafe_b64encode(json.dumps({
                 "merchantID": "JT01", "invoiceNo": "1523953661", "amount": 25.5, "currencyCode": "SGD",
                 "tranRef": "28118", "respCode": "4051", "respDesc": "Insufficient funds"}).encode()).decode().rstrip("=")
             + ".c2lnbmF0dXJl")
    event = normalize_lake_data({"payload": token}, None, NORMALIZER).event
    assert (event.provider, event.status_category, event.failure_reason) == ("2c2p", "DECLINED", "INSUFFICIENT_FUNDS")
    assert (event.amount_minor, event.currency, event.attempt_id) == (2550, "SGD", "28118")
