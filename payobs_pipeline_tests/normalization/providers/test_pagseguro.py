"""PagBank (PagSeguro) mapping: issuer code precedence, classic XML (the checks every provider passes are in
../test_provider_contract.py)."""

from __future__ import annotations

from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

SLUG = "pagseguro"
CASES = provider_cases(SLUG)


def test_issuer_reason_code_wins_over_pagbank_code():
    case = next(c for c in CASES if c["name"] == "declined_insufficient_funds_raw51")
    event = normalized_event(case["data"])
    assert event.raw_reason_code == "51"
    assert event.failure_reason.value == "INSUFFICIENT_FUNDS"


def test_pagbank_code_used_without_raw_data():
    case = next(c for c in CASES if c["name"] == "declined_by_pagseguro_10000")
    assert normalized_event(case["data"]).raw_reason_code == "10000"


def test_classic_card_declined_internally_is_a_risk_decline():
    xml = next(c for c in CASES if c["name"] == "classic_xml_paid_visa")["data"]["content"]
    xml = xml.replace("<status>3</status>", "<status>7</status>\n    <cancellationSource>INTERNAL</cancellationSource>")
    event = normalized_event(xml)
    assert event.status_category is StatusCategory.DECLINED
    assert event.failure_reason.value == "RISK_REJECTED"


def test_classic_boleto_cancelled_unpaid_stays_cancelled():
    xml = next(c for c in CASES if c["name"] == "classic_xml_boleto_waiting")["data"]
    cancelled = "<status>7</status>\n    <cancellationSource>INTERNAL</cancellationSource>"
    event = normalized_event(xml.replace("<status>1</status>", cancelled))
    assert event.status_category is StatusCategory.CANCELLED


def test_a_paid_charge_created_without_capture_is_its_capture():
    from payobs_pipeline_tests.normalization.corpus_checks import normalized_event

    charge = {"id": "CHAR_1", "status": "PAID", "amount": {"value": 100, "currency": "BRL"},
              "payment_response": {"code": "20000", "message": "SUCESSO"},
              "payment_method": {"type": "CREDIT_CARD", "capture": False}}
    assert str(normalized_event(charge).event_kind) == "CAPTURE"
    assert str(normalized_event({**charge, "payment_method": {"type": "CREDIT_CARD", "capture": True}}).event_kind) == (
        "AUTHORIZATION")
