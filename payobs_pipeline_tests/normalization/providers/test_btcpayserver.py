"""BTCPay Server mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import btcpayserver
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("btcpayserver")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(btcpayserver.SPEC)
    statuses = {*btcpayserver.WEBHOOK_EVENTS.values(), *btcpayserver.INVOICE_STATUSES.values()}
    assert statuses <= set(StatusCategory.__members__)
    assert set(btcpayserver.INVALID_REASONS.values()) <= set(FailureReason.__members__)


def test_a_webhook_names_the_invoice_and_the_merchants_order():
    event = normalized_event(_case("webhook_invoice_settled"))
    assert (event.attempt_id, event.payment_id, event.amount_minor, event.merchant_id) == (
        "Q4x8vD6CJbLkxKZb2rB2vT", "order-1042", None, "9kgMGmSeRRv5JPxG3yH7qEgdNgWbGD4R2hL1c5zVDVeU")


def test_a_settled_payment_is_not_yet_a_settled_invoice():
    assert normalized_event(_case("webhook_invoice_payment_settled")).status_category == "PENDING"
