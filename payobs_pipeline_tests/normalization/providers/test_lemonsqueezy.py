"""Lemon Squeezy mapping: pinned behaviour (the checks every provider passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import lemonsqueezy
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import (
    normalized_event,
    provider_cases,
)

CASES = provider_cases("lemonsqueezy")


def test_every_mapped_status_is_a_category():
    compiled = CompiledMapping(lemonsqueezy.SPEC, lemonsqueezy.prepare)
    for variant in compiled.variants:
        assert all(isinstance(status, StatusCategory) for status in variant.status_map.values())
    for table in (lemonsqueezy.ORDER_STATUSES, lemonsqueezy.INVOICE_STATUSES):
        for raw, category in table.items():
            assert category in StatusCategory.__members__, raw


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_orders_and_invoices_with_the_same_number_have_distinct_lifecycle_ids():
    order = normalized_event(_case("order_created_paid"))
    invoice = _case("subscription_payment_success_invoice_paid")
    invoice["data"]["id"] = "1"
    invoice = normalized_event(invoice)
    assert order.payment_id == "orders/1"
    assert invoice.attempt_id == invoice.payment_id == "subscription-invoices/1"


def test_a_refund_reports_the_refunded_amount_not_the_total():
    event = normalized_event(_case("order_refunded_partial_status_paid"))
    assert (str(event.status_category), event.amount_minor, str(event.event_kind)) == ("REFUNDED", 100, "REFUND")


def test_an_invoice_paid_without_a_card_names_no_method():
    body = _case("subscription_payment_success_invoice_paid")
    body["data"]["attributes"]["card_brand"] = ""
    assert normalized_event(body).payment_method is None


def test_prepare_keeps_the_payload_unchanged():
    body = _case("order_refunded_full")
    before = copy.deepcopy(body)
    lemonsqueezy.prepare(body)
    assert body == before
