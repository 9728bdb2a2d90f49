"""MultiSafepay mapping (API v1 orders, refunds, errors): pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import multisafepay
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

# What test_provider_contract.py expects of this provider where it differs from every provider's default.
CONTRACT = {
    # Distinct failure reasons among its DECLINED cases: its documentation gives a single decline reason.
    "decline_reasons": 1,
}

CASES = provider_cases("multisafepay")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_is_a_category():
    compiled = CompiledMapping(multisafepay.SPEC)
    for variant in compiled.variants:
        assert all(isinstance(status, StatusCategory) for status in variant.status_map.values())
    for raw, category in multisafepay.ORDER_STATUSES.items():
        assert category in StatusCategory.__members__, raw


def test_the_order_is_the_payment_and_the_transaction_the_attempt():
    event = normalized_event(_case("order_completed_visa"))
    assert (event.payment_id, event.attempt_id, event.customer_country) == ("order-3001", "4257177", "NL")


def test_a_refund_answer_names_the_refund_and_its_transaction():
    event = normalized_event(_case("refund_created"))
    assert (event.refund_id, event.attempt_id) == ("4257212", "4257177")


def test_a_connect_status_reply_names_the_order_and_the_ewallet_transaction():
    event = normalized_event(next(c["data"] for c in CASES if c["name"] == "connect_status_uncleared_visa"))
    assert (event.attempt_id, event.payment_id, event.amount_minor) == ("88012345", "shop-5501", 2495)
