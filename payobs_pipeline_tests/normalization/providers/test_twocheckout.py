"""2Checkout mapping: pinned behaviour (the checks every provider passes: ../test_provider_contract.py)."""

from __future__ import annotations

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import twocheckout
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import (
    normalized_event,
    provider_cases,
)

CASES = provider_cases("twocheckout")


def test_every_mapped_status_is_a_category():
    compiled = CompiledMapping(twocheckout.SPEC, getattr(twocheckout, "prepare", None))
    for variant in compiled.variants:
        assert all(isinstance(status, StatusCategory) for status in variant.status_map.values())


def test_refund_amount_is_the_refund_lines_not_the_invoice():
    case = next(c for c in CASES if c["name"] == "ins_refund_issued_partial")
    event = normalized_event(case["data"])
    assert event.amount_minor == 2000
    assert event.payment_id == "9093712345678"
