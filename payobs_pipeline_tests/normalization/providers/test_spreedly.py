"""Spreedly mapping: pinned behaviour (the checks every provider passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import spreedly
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import (
    normalized_event,
    provider_cases,
)

CASES = provider_cases("spreedly")


def test_every_mapped_status_is_a_category():
    compiled = CompiledMapping(spreedly.SPEC, spreedly.prepare)
    for variant in compiled.variants:
        assert all(isinstance(status, StatusCategory) for status in variant.status_map.values())
    for table in (spreedly.AUTH_STATES, spreedly.REFUND_STATES, spreedly.VOID_STATES):
        for raw, category in table.items():
            assert category in StatusCategory.__members__, raw


def _transaction(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_standard_error_code_names_a_reason():
    for code in spreedly.STANDARD_ERROR_CODES:
        body = _transaction("purchase_gateway_processing_failed_card_declined")
        body["transaction"]["response"]["error_code"] = code
        event = normalized_event(body)
        assert str(event.status_category) == "DECLINED", code
        assert str(event.failure_reason) not in ("UNKNOWN", "None"), code
        assert event.raw_reason_code == code


def test_a_credit_names_the_transaction_it_refunds():
    event = normalized_event(_transaction("credit_succeeded_refund"))
    assert (str(event.event_kind), event.attempt_id, event.refund_id) == (
        "REFUND", "LKA3RchoqYO0njAfhHVw60ohOdd", "RfndA8mfgnKxD1aUQ2kCCPzwG4E")


def test_a_purchase_is_its_own_attempt_of_the_merchants_order():
    event = normalized_event(_transaction("purchase_succeeded_card_visa"))
    assert (event.attempt_id, event.payment_id) == ("LKA3RchoqYO0njAfhHVw60ohOdd", "ord-1001")


def test_an_unwrapped_transaction_reads_the_same():
    body = _transaction("purchase_declined_expired_card")["transaction"]
    event = normalized_event(body)
    assert (str(event.status_category), str(event.failure_reason)) == ("DECLINED", "EXPIRED_CARD")


def test_prepare_folds_xml_typed_values_without_touching_the_payload():
    body = {"transaction": {"amount": {"@type": "integer", "#text": "144"}, "gateway_transaction_id": {"@nil": "true"},
                            "message": {"@key": "messages.transaction_succeeded", "#text": "Succeeded!"}}}
    before = copy.deepcopy(body)
    prepared = spreedly.prepare(body)
    assert body == before
    assert prepared["transaction"]["amount"] == "144"
    assert prepared["transaction"]["gateway_transaction_id"] is None
    assert prepared["transaction"]["message_key"] == "messages.transaction_succeeded"
