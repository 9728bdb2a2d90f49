"""Peach Payments (OPPWA) mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import peachpayments
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import (
    normalized_event,
    provider_cases,
)

CASES = provider_cases("peachpayments")


def test_every_mapped_status_is_a_category():
    compiled = CompiledMapping(peachpayments.SPEC, peachpayments.prepare)
    for variant in compiled.variants:
        assert all(isinstance(status, StatusCategory) for status in variant.status_map.values())
    assert set(peachpayments.FAMILY_STATUSES) == {name for name, _ in peachpayments.FAMILIES}
    for raw, category in peachpayments.FAMILY_STATUSES.items():
        assert category in StatusCategory.__members__, raw


@pytest.mark.parametrize(("code", "expected"), [
    ("000.000.000", "success"), ("000.100.110", "success"), ("000.300.000", "success"), ("000.600.000", "success"),
    ("000.400.000", "success_review"), ("000.400.100", "success_review"), ("000.200.100", "pending"),
    ("800.400.500", "pending_long"), ("100.400.500", "pending_long"), ("000.400.101", "rejected_3ds_intercard"),
    ("800.100.153", "rejected_bank"), ("800.700.100", "rejected_bank"), ("900.100.300", "communication_error"),
    ("000.400.030", "communication_error"), ("999.999.999", "system_error"), ("800.500.100", "system_error"),
    ("100.396.101", "cancelled_async"), ("100.380.401", "rejected_3ds"), ("100.380.101", "rejected_risk_management"),
    ("100.400.100", "rejected_soft"), ("800.400.100", "rejected_address"), ("800.300.101", "rejected_blacklist"),
    ("800.110.100", "rejected_risk"), ("600.200.100", "invalid_configuration"), ("100.150.100", "invalid_registration"),
    ("700.100.100", "invalid_job"), ("200.300.404", "invalid_reference"), ("100.800.100", "invalid_address"),
    ("100.700.100", "invalid_contact"), ("100.100.303", "invalid_account"), ("100.550.300", "invalid_amount"),
    ("000.100.220", "chargeback"),
])
def test_result_codes_fall_in_their_documented_family(code, expected):
    assert peachpayments.family(code) == expected


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_failure_family_names_a_reason():
    for name, category in peachpayments.FAMILY_STATUSES.items():
        if category in ("DECLINED", "ERROR"):
            assert name in peachpayments.FAMILY_REASONS, name


def test_a_specific_code_wins_over_its_family():
    event = normalized_event(_case("debit_declined_invalid_cvv"))
    assert (str(event.failure_reason), event.raw_reason_code) == ("INCORRECT_CVC", "800.100.153")


def test_an_expired_card_is_an_expired_card():
    body = _case("debit_declined_invalid_cvv")
    body["result"] = {"code": "100.100.303", "description": "card expired"}
    event = normalized_event(body)
    assert (str(event.status_category), str(event.failure_reason)) == ("DECLINED", "EXPIRED_CARD")


def test_a_refund_names_its_payment_and_the_merchants_order():
    event = normalized_event(_case("refund_success"))
    assert (event.refund_id, event.attempt_id, event.payment_id) == (
        "8ac7a49f7ba5d5b9017ba6a4a7d23e11", "8ac7a4a07ba5d5b8017ba67af1c06a3d", "order-5512")


def test_prepare_keeps_the_payload_unchanged():
    body = _case("webhook_payment_stolen_card")
    before = copy.deepcopy(body)
    peachpayments.prepare(body)
    assert body == before


def test_a_peach_market_currency_alone_does_not_name_peach():
    # A rand payment of a gateway with no OPPWA shape (a PayFast-like ITN): ZAR is no evidence of Peach alone.
    mapping = CompiledMapping(peachpayments.SPEC)
    assert mapping.shape_score({"payment_status": "COMPLETE", "amount_gross": "100.00", "currency": "ZAR"}) < 0.5
    assert mapping.shape_score({"result": {"code": "000.100.110"}, "amount": "100.00", "currency": "ZAR"}) >= 0.5
