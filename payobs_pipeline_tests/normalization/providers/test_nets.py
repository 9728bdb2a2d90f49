"""Nets Easy mapping: pinned behaviour (the checks every provider passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import nets
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import (
    normalized_event,
    provider_cases,
)

CASES = provider_cases("nets")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_a_charge_names_the_payment_it_captures():
    event = normalized_event(_case("webhook_charge_created_v2_hinted"))
    assert (event.provider_transaction_id, event.attempt_id) == (
        "02a9000060923f9c4f4e6c1b7d9a3b21", "02a900006091a9a96937598058c4e474")


def test_a_payment_objects_state_is_read_from_its_summary():
    assert nets.prepare(_case("payment_object_reserved_hinted")["payload"])[nets.STATUS_KEY] == "RESERVED"
    assert nets.prepare(_case("payment_object_terminated"))[nets.STATUS_KEY] == "CANCELLED"


def test_an_internal_error_is_a_technical_failure_but_a_failed_refund_stays_declined():
    charge = normalized_event(_case("webhook_charge_failed_v2_internal"))
    assert (charge.status_category, charge.failure_reason) == (StatusCategory.ERROR, "PROCESSING_ERROR")
    refund = normalized_event(_case("webhook_refund_failed"))
    assert (refund.status_category, refund.failure_reason) == (StatusCategory.DECLINED, "PROCESSING_ERROR")
    issuer = normalized_event(_case("webhook_reservation_failed_issuer_source"))
    assert issuer.status_category == StatusCategory.DECLINED


def test_prepare_keeps_the_payload_unchanged():
    body = _case("payment_object_refunded")
    before = copy.deepcopy(body)
    nets.prepare(body)
    assert body == before


# --- Netaxept (providers/nets_netaxept.py, the same slug) -----------------------------------------------------


def test_netaxept_statuses_are_categories():
    from payobs_pipeline.normalization.providers import nets_netaxept

    compiled = CompiledMapping(nets_netaxept.SPEC, nets_netaxept.prepare)
    for variant in compiled.variants:
        assert all(isinstance(status, StatusCategory) for status in variant.status_map.values())


def test_netaxept_tags_are_read_without_case():
    xml = ("<result><sessionnumber>389</sessionnumber><responsecode>OK</responsecode>"
           "<transactionid>cc497f37603678c61a09fd5645959812</transactionid></result>")
    event = normalized_event({"provider": "Netaxept", "content": xml})
    assert (event.provider, str(event.status_category), event.attempt_id) == (
        "nets", "APPROVED", "cc497f37603678c61a09fd5645959812")
