"""ACI Worldwide / OPPWA (HyperPay, Total Processing, ...) mapping: pinned behaviour (the checks every provider
passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.providers import _oppwa, aci, peachpayments
from payobs_pipeline_tests.normalization.corpus_checks import has_hint, normalized_event, provider_cases

# What test_provider_contract.py expects of this provider where it differs from every provider's default.
CONTRACT = {
    # Statuses its specs map to that corpus/aci.json has no case of yet.
    "uncovered_statuses": {
        "UNKNOWN": "a rule of payment, a rule of webhook.payment",
    },
}

CASES = provider_cases("aci")


@pytest.mark.parametrize("case", [c for c in CASES if not has_hint(c["data"]) and "unprocessed" not in c["expected"]],
                         ids=lambda c: c["name"])
def test_unhinted_documented_shapes_are_aci(case):
    assert normalized_event(case["data"]).provider == "aci"


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_the_code_table_is_the_one_peach_payments_uses():
    assert aci.SPEC["reason_map"] == peachpayments.SPEC["reason_map"]
    assert aci.FAMILIES is peachpayments.FAMILIES is _oppwa.FAMILIES


@pytest.mark.parametrize(("code", "expected"), [
    ("000.400.110", "success"), ("000.400.120", "success"), ("800.800.400", "system_error"),
    ("900.100.301", "communication_error"), ("000.100.221", "chargeback"),
])
def test_the_current_families_of_the_result_code_page(code, expected):
    assert aci.family(code) == expected


def test_an_oppwa_document_in_rand_is_peach_payments_and_in_riyal_aci():
    body = _case("hyperpay_mada_debit_success_sar")
    assert normalized_event(body).provider == "aci"
    body["currency"] = "ZAR"
    body["paymentBrand"] = "VISA"
    assert normalized_event(body).provider == "peachpayments"


def test_a_refund_names_its_payment_and_the_merchants_order():
    event = normalized_event(_case("refund_success_hinted_total_processing"))
    assert (event.refund_id, event.attempt_id, event.payment_id) == (
        "8ac7a49f8f6b2d5c018f6c3e0b7d5a10", "8ac7a4a18f6b2d5c018f6c11cb0a1f2e", "inv-20391")


def test_a_specific_code_wins_over_its_family():
    body = _case("debit_declined_amount_exceeds_credit")
    body["result"] = {"code": "800.100.159", "description": "transaction declined (stolen card)"}
    event = normalized_event(body)
    assert (str(event.failure_reason), event.raw_reason_code) == ("LOST_OR_STOLEN_CARD", "800.100.159")


def test_prepare_keeps_the_payload_unchanged():
    body = _case("debit_declined_invalid_card_webhook")
    before = copy.deepcopy(body)
    aci.prepare(body)
    assert body == before
