"""BitPay mapping: pinned behaviour (the checks every provider
passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import bitpay
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

# What test_provider_contract.py expects of this provider where it differs from every provider's default.
CONTRACT = {
    # Distinct failure reasons among its DECLINED cases: an invalid or declined invoice carries no reason code.
    "decline_reasons": 1,
}

CASES = provider_cases("bitpay")


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(bitpay.SPEC)
    statuses = {*bitpay.STATUSES.values(), *bitpay.EVENTS.values(), *bitpay.REFUND_STATUSES.values()}
    assert statuses <= set(StatusCategory.__members__)


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_a_refund_names_the_invoice_it_refunds():
    event = normalized_event(_case("refund_success"))
    assert (event.refund_id, event.attempt_id, event.event_kind) == (
        "WoE46gSLkJQS48RJEiNw3L", "Hpqc62dfE1ZjzeeH4kEycF", "REFUND")


def test_a_paid_invoice_is_not_yet_approved_until_confirmed():
    body = _case("ipn_paid_not_guaranteed")
    assert normalized_event(body).status_category == "PENDING"
    body["status"] = "confirmed"
    assert normalized_event(body).status_category == "APPROVED"
