"""Pin Payments mapping: pinned behaviour (the checks every provider passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import pinpayments
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import (
    normalized_event,
    provider_cases,
)

CASES = provider_cases("pinpayments")


def test_every_mapped_status_is_a_category():
    compiled = CompiledMapping(pinpayments.SPEC, pinpayments.prepare)
    for variant in compiled.variants:
        assert all(isinstance(status, StatusCategory) for status in variant.status_map.values())
    for table in (pinpayments.CHARGE_STATUSES, pinpayments.REFUND_STATUSES):
        for raw, category in table.items():
            assert category in StatusCategory.__members__, raw


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_a_refund_names_its_charge():
    event = normalized_event(_case("refund_success"))
    assert (event.refund_id, event.attempt_id) == ("rf_ERCQy--Ay6o-NKGiUVcKKA", "ch_bZ3RhJnIUZ8HhfvH8CCvfA")


def test_an_unwrapped_charge_reads_the_same():
    event = normalized_event(_case("charge_captured_success_aud")["response"])
    assert (str(event.status_category), event.amount_minor, event.attempt_id) == (
        "APPROVED", 400, "ch_lfUYEBK14zotCTykezJkfg")


def test_a_declined_charge_error_names_the_charge():
    event = normalized_event(_case("charge_error_card_declined"))
    assert event.attempt_id == "ch_yJ1wsE0AR4gcZSuk4C6tbQ"


def test_prepare_keeps_the_payload_unchanged():
    body = _case("charge_failed_declined")
    before = copy.deepcopy(body)
    pinpayments.prepare(body)
    assert body == before
