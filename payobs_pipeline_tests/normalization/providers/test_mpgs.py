"""Mastercard Gateway (MPGS) mapping: pinned behaviour (the checks every provider passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import mpgs
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import (
    normalized_event,
    provider_cases,
)

CASES = provider_cases("mpgs")


def test_issuer_code_wins_over_the_generic_decline():
    case = next(c for c in CASES if c["name"] == "pay_declined_generic_acquirer_51")
    event = normalized_event(case["data"])
    assert event.raw_reason_code == "51"


def test_refund_is_its_own_id():
    case = next(c for c in CASES if c["name"] == "refund_approved")
    event = normalized_event(case["data"])
    assert event.refund_id == "3"
    assert event.payment_id == "ORD-7781"


@pytest.mark.parametrize("code", sorted(mpgs.GATEWAY_CODES))
def test_every_gateway_code_has_its_category(code):
    case = next(c for c in CASES if c["name"] == "pay_declined_generic")
    reply = copy.deepcopy(case["data"])
    reply["response"]["gatewayCode"] = code
    event = normalized_event(reply)
    assert str(event.status_category) == mpgs.GATEWAY_CODES[code][0]


# --- MIGS Virtual Payment Client (providers/mpgs_vpc.py, the same slug) ---------------------------------------


def test_vpc_statuses_are_categories():
    from payobs_pipeline.normalization.providers import mpgs_vpc

    compiled = CompiledMapping(mpgs_vpc.SPEC, mpgs_vpc.prepare)
    for variant in compiled.variants:
        assert all(isinstance(status, StatusCategory) for status in variant.status_map.values())


def test_vpc_acquirer_code_and_error_number_are_read():
    declined = normalized_event(next(c["data"] for c in CASES if c["name"] == "vpc_pay_5_insufficient_funds"))
    error = normalized_event(next(c["data"] for c in CASES if c["name"] == "vpc_pay_7_secure_hash_e5000"))
    assert (declined.raw_reason_code, error.raw_reason_code, error.provider_transaction_id) == ("51", "E5000", "407212004")
