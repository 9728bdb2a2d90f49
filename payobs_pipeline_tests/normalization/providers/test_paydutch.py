"""PayDutch mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import paydutch
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("paydutch")

# PayDutch states no reason for a failed payment: every decline is UNKNOWN.
CONTRACT = {"decline_reasons": 1}


def _case(name: str) -> str:
    data = next(c["data"] for c in CASES if c["name"] == name)
    return copy.deepcopy(data["payload"] if "payload" in data else data)


def test_every_mapped_status_is_canonical():
    CompiledMapping(paydutch.SPEC)
    assert set(paydutch.STATES.values()) <= set(StatusCategory.__members__)


def test_the_amount_is_read_with_its_decimal_comma():
    document = _case("query_failed_unhinted").replace("<amount>5,00</amount>", "<amount>1234,56</amount>")
    event = normalized_event(document)
    assert (event.amount_minor, event.currency, event.status_category) == (123456, "EUR", "DECLINED")


def test_the_merchants_reference_is_the_payment_and_paydutchs_id_the_attempt():
    event = normalized_event(_case("query_cancelled_unhinted"))
    assert (event.payment_id, event.attempt_id, event.payment_method, event.customer_country) == (
        "ORD-1007", "706d2c8e-91a3-44b5-8a5b-6c7d8e9fa0b7", "BANK_TRANSFER", "NL")
