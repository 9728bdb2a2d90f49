"""PayPal Zettle mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy
import json

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import zettle
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("zettle")
# A Zettle purchase is a finalized receipt (a sale or a refund): Zettle documents no declined purchase and no
# decline reasons, so its statuses are the two a purchase can be.
CONTRACT = {"decline_reasons": 0, "status_map_entries": 2}


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_method_is_canonical():
    CompiledMapping(zettle.SPEC, zettle.prepare)
    assert set(zettle.STATUSES.values()) <= set(StatusCategory.__members__)
    assert set(zettle.PAYMENT_TYPES.values()) <= {"CARD", "WALLET", "BNPL", "OTHER"}


def test_a_refund_purchase_counts_its_refunded_sum_against_the_purchase_it_refunds():
    event = normalized_event(_case("purchase_refund"))
    assert (event.status_category, event.amount_minor, event.refund_id, event.payment_id) == (
        "REFUNDED", 3500, "1ca5c42a-8ec4-11e6-aaff-4186f29705b6", "0e935690-8ec4-11e6-91f3-27d1de799420")


def test_the_webhook_reads_the_purchase_its_payload_string_encodes():
    document = _case("webhook_purchase_created")
    purchase = json.loads(document["payload"])
    event = normalized_event(document)
    assert (event.attempt_id, event.payment_id, event.card_brand) == (
        purchase["payments"][0]["uuid"], purchase["purchaseUUID1"], "mastercard")


def test_a_catalogue_event_is_not_a_payment():
    document = _case("webhook_inventory_tracking_started")
    document["eventName"] = "ProductUpdated"
    with pytest.raises(Exception, match="NOT_A_PAYMENT_EVENT"):
        normalized_event(document)
