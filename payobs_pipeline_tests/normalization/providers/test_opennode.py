"""OpenNode mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import opennode
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("opennode")

# OpenNode's charges are never declined: a charge is paid, waits, expires or has its underpayment refunded.
CONTRACT = {"decline_reasons": 0}


def _case(name: str) -> dict:
    data = next(c["data"] for c in CASES if c["name"] == name)
    return copy.deepcopy(data["payload"] if "provider" in data else data)


def test_every_mapped_status_is_canonical():
    CompiledMapping(opennode.SPEC)
    assert {*opennode.STATUSES.values(), *opennode.REFUND_STATUSES.values()} <= set(StatusCategory.__members__)


def test_satoshis_are_not_read_as_an_amount():
    event = normalized_event(_case("webhook_paid"))
    assert (event.amount_minor, event.currency) == (None, None)


def test_the_charge_object_is_read_inside_data():
    document = _case("charge_unpaid")
    document["data"]["status"] = "paid"
    event = normalized_event(document)
    assert (event.status_category, event.amount_minor, event.payment_id) == ("APPROVED", 1050, "823320")
