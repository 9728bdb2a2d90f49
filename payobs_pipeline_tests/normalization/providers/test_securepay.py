"""SecurePay mapping (Secure XML API and REST API): pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import securepay
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

# What test_provider_contract.py expects of this provider where it differs from every provider's default.
CONTRACT = {
    # Statuses its specs map to that corpus/securepay.json has no case of yet.
    "uncovered_statuses": {
        "UNKNOWN": "status unknown",
    },
}

CASES = provider_cases("securepay")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_is_a_category():
    compiled = CompiledMapping(securepay.SPEC, securepay.prepare)
    for variant in compiled.variants:
        assert all(isinstance(status, StatusCategory) for status in variant.status_map.values())
    for table in (securepay.OUTCOMES, securepay.REST_STATUSES):
        for raw, category in table.items():
            assert category in StatusCategory.__members__, raw


def test_amounts_are_cents_and_the_order_is_the_payment():
    event = normalized_event(_case("securexml_payment_approved"))
    assert (event.amount_minor, event.currency, event.attempt_id, event.payment_id) == (1000, "AUD", "024259", "test")


def test_a_refund_is_its_own_transaction():
    event = normalized_event(_case("securexml_refund_approved"))
    assert (str(event.event_kind), event.refund_id) == ("REFUND", "024260")


def test_a_two_digit_status_is_the_banks_code():
    xml = _case("securexml_status_504_invalid_merchant").replace("<statusCode>504</statusCode>",
                                                                 "<statusCode>51</statusCode>")
    event = normalized_event(xml)
    assert (str(event.status_category), str(event.failure_reason)) == ("DECLINED", "INSUFFICIENT_FUNDS")


def test_prepare_keeps_the_payload_unchanged():
    body = {"SecurePayMessage": {"Status": {"statusCode": "000"}, "RequestType": "Payment"}}
    before = copy.deepcopy(body)
    securepay.prepare(body)
    assert body == before
