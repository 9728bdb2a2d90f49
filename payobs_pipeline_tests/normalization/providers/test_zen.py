"""ZEN.com mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import zen
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CONTRACT = {
    # ZEN's rejection-code table is not in the stored sources: every documented decline has reason UNKNOWN.
    "decline_reasons": 1,
}

CASES = provider_cases("zen")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_is_canonical():
    CompiledMapping(zen.SPEC)
    assert {*zen.STATUSES.values(), *zen.REFUND_STATUSES.values()} <= set(StatusCategory.__members__)
    assert set(zen.PAYMENT_CHANNELS.values()) <= {"CARD", "WALLET", "BOLETO", "CASH_VOUCHER", "PIX", "BANK_TRANSFER"}


def test_a_refund_names_itself_and_the_purchase_it_refunds():
    event = normalized_event(_case("refund_accepted"))
    assert (event.event_kind, event.refund_id, event.attempt_id, event.payment_id, event.amount_minor) == (
        "REFUND", "497f6eca-6276-4993-bfeb-53cbbbba6f08", "43d435a2-1abc-4321-8fd1-432148712345",
        "99beb187-f8a3-99b8-9ef8-b31180358dd3", 12345)


def test_a_rejected_purchase_keeps_its_reject_code():
    document = _case("ipn_purchase_rejected")
    document["rejectCode"] = "R123"
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == ("DECLINED", "UNKNOWN", "R123")


def test_an_error_body_is_an_error():
    event = normalized_event(_case("error_body_hinted"))
    assert (event.status_category, event.raw_reason_code) == ("ERROR", "400")
