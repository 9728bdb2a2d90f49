"""Moneris mapping: response-code ranges, US stores, ISO codes (the checks every provider passes are in
../test_provider_contract.py)."""

from __future__ import annotations

import pytest

from payobs_pipeline_tests.normalization.corpus_checks import normalized_event


@pytest.mark.parametrize("code, status", [("000", "APPROVED"), ("049", "APPROVED"), ("050", "DECLINED"),
                                          ("999", "DECLINED")])
def test_response_code_ranges(code, status):
    xml = (f"<response><receipt><ReceiptId>o</ReceiptId><ResponseCode>{code}</ResponseCode><ISO>null</ISO>"
           f"<TransType>00</TransType><Complete>true</Complete><TransAmount>1.00</TransAmount><TransID>1-0_1</TransID>"
           f"<TimedOut>false</TimedOut></receipt></response>")
    assert normalized_event(xml).status_category == status


def test_us_hint_picks_the_us_mapping_and_usd():
    xml = ("<response><receipt><ReceiptId>o</ReceiptId><ResponseCode>027</ResponseCode><TransType>00</TransType>"
           "<Complete>true</Complete><TransAmount>3.00</TransAmount><TransID>1-0_1</TransID><TimedOut>false</TimedOut>"
           "</receipt></response>")
    assert normalized_event({"provider": "moneris_us", "content": xml}).currency == "USD"
    assert normalized_event({"provider": "moneris", "content": xml}).currency == "CAD"
    assert normalized_event(xml).currency == "CAD"


def test_specific_moneris_code_wins_over_iso():
    xml = ("<response><receipt><ReceiptId>o</ReceiptId><ResponseCode>057</ResponseCode><ISO>05</ISO><TransType>00</TransType>"
           "<Complete>true</Complete><TransAmount>3.00</TransAmount><TransID>1-0_1</TransID><TimedOut>false</TimedOut>"
           "</receipt></response>")
    assert normalized_event(xml).failure_reason == "LOST_OR_STOLEN_CARD"


def test_null_strings_are_absent_values():
    xml = ("<response><receipt><ReceiptId>Global Error Receipt</ReceiptId><ResponseCode>null</ResponseCode>"
           "<TransAmount>null</TransAmount><TransID>null</TransID><Message>XML Parse Error in Request</Message>"
           "<TimedOut>false</TimedOut><Complete>false</Complete></receipt></response>")
    event = normalized_event(xml)
    assert (event.status_category, event.failure_reason, event.provider_transaction_id) == (
        "ERROR", "INVALID_REQUEST", None)
