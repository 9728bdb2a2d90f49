"""Worldline (Direct, Connect, Ogone) mapping: pinned behaviour (the checks every provider passes are in
../test_provider_contract.py)."""

from __future__ import annotations

import json

from payobs_pipeline.normalization.providers import worldline as module
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event


def test_refusal_codes_carry_the_issuer_iso_code():
    """30 + ISO 8583 code + 1001: 30511001 is 51 (insufficient funds), 30591001 is 59 (suspected fraud)."""
    assert module.ERROR_CODES["30511001"] == "INSUFFICIENT_FUNDS"
    assert module.ERROR_CODES["30591001"] == "SUSPECTED_FRAUD"
    assert module.ERROR_CODES["30541001"] == "EXPIRED_CARD"


def test_the_status_code_table_covers_every_ogone_status():
    for code in ("0", "1", "2", "4", "5", "51", "52", "6", "7", "8", "9", "91", "92", "93", "94", "95", "96", "99"):
        assert code in module.STATUS_CODES


def test_a_rejected_payment_in_a_402_body_reads_the_payment_error_first():
    event = normalized_event({"errorId": "e", "errors": [{"errorCode": "30001001", "httpStatusCode": 402}],
                    "paymentResult": {"payment": {"id": "1_0", "status": "REJECTED",
                                                  "statusOutput": {"statusCategory": "UNSUCCESSFUL", "statusCode": 2,
                                                                   "errors": [{"errorCode": "30591001"}]},
                                                  "paymentOutput": {"amountOfMoney": {"amount": 100,
                                                                                      "currencyCode": "EUR"}}}}})
    assert str(event.failure_reason) == "SUSPECTED_FRAUD"
    assert event.raw_reason_code == "30591001"


def test_prepare_is_pure():
    body = {"payment": {"id": "1_0", "status": "CAPTURED", "statusOutput": {"statusCategory": "COMPLETED"},
                        "paymentOutput": {"cardPaymentMethodSpecificOutput": {"paymentProductId": 3}}}}
    before = json.dumps(body, sort_keys=True)
    assert module.prepare(body)["payment"][module.CARD_BRAND_KEY] == "mastercard"
    assert json.dumps(body, sort_keys=True) == before
