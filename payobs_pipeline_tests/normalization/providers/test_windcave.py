"""Windcave mapping: pinned behaviour (the checks every provider passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import (
    normalized_event,
    provider_cases,
)

CASES = provider_cases("windcave")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_a_session_names_its_transaction_as_the_attempt_and_itself_as_the_payment():
    event = normalized_event(_case("session_complete_purchase_approved_visa"))
    assert (event.attempt_id, event.payment_id) == ("00000005000b8ef8", "0000050000173579050ea491c10a3e56")


def test_windcaves_own_76_is_a_plain_decline():
    event = normalized_event(_case("transaction_purchase_declined_76_hinted"))
    assert str(event.failure_reason) == "GENERIC_DECLINE"


# --- PxPay 2.0 / PxPost / PxFusion (providers/windcave_px.py, the same slug) ----------------------------------


def test_legacy_xml_statuses_are_categories():
    from payobs_pipeline.normalization.providers import windcave_px

    compiled = CompiledMapping(windcave_px.SPEC, windcave_px.prepare)
    for variant in compiled.variants:
        assert all(isinstance(status, StatusCategory) for status in variant.status_map.values())


def test_a_pxpost_refund_is_its_own_transaction():
    event = normalized_event(next(c["data"] for c in CASES if c["name"] == "pxpost_refund_approved"))
    assert (str(event.event_kind), event.refund_id, event.payment_id) == ("REFUND", "0000000a0cd5e7b1", "ref1042")


def test_a_pxpost_answer_without_currency_keeps_no_amount():
    xml = ("<Txn><ReCo>00</ReCo><ResponseText>APPROVED</ResponseText><HelpText>Transaction Approved</HelpText>"
           "<Success>1</Success><DpsTxnRef>000000030884cdc6</DpsTxnRef><TxnRef>inv1</TxnRef></Txn>")
    event = normalized_event(xml)
    assert (event.provider, str(event.status_category), event.amount_minor) == ("windcave", "APPROVED", None)
