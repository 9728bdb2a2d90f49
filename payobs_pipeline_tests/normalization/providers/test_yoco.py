"""Yoco mapping: pinned behaviour (the checks every provider
passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import yoco
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

# What test_provider_contract.py expects of this provider where it differs from every provider's default.
CONTRACT = {
    # Distinct failure reasons among its DECLINED cases: the only documented failure is refund.failed, no reason.
    "decline_reasons": 1,
    # Other mappings reaching the threshold on its documented bodies: Peach Payments' detector on any body whose
    # currency is ZAR (0.6), Stripe's on the checkout id prefix ch_ (0.5).
    "shared_shapes": ("peachpayments", "stripe"),
}

CASES = provider_cases("yoco")


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(yoco.SPEC)
    statuses = {*yoco.PAYMENT_STATUSES.values(), *yoco.REFUND_STATUSES.values(), *yoco.CHECKOUT_STATUSES.values()}
    assert statuses <= set(StatusCategory.__members__)


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_a_refund_names_the_payment_and_the_checkout():
    event = normalized_event(_case("webhook_refund_succeeded"))
    assert (event.refund_id, event.attempt_id, event.payment_id) == (
        "rfd_ZgjMZb2A8VpSAZBte6ku1w6E", "p_bx4bY9JA6r4UwAKFyAjHY2bE", "ch_9LVKD8GnAj7f39DFbn4F16bE")


def test_an_accepted_refund_request_is_not_yet_a_refund():
    assert normalized_event(_case("refund_request_accepted")).status_category == "PENDING"
