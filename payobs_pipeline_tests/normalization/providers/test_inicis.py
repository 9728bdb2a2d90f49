"""KG Inicis mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import inicis
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

# What test_provider_contract.py expects of this provider where it differs from every provider's default.
CONTRACT = {
    # Distinct failure reasons among its DECLINED cases: no stored page gives Inicis's result-code table, so every
    # failure's reason is UNKNOWN.
    "decline_reasons": 1,
}

CASES = provider_cases("inicis")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_is_canonical():
    CompiledMapping(inicis.SPEC)
    statuses = {*inicis.APPROVAL_STATUSES.values(), *inicis.AUTH_STATUSES.values(), *inicis.MOBILE_STATUSES.values(),
                *inicis.REFUND_STATUSES.values()}
    assert statuses <= set(StatusCategory.__members__)


def test_an_approval_answer_ties_the_tid_to_the_merchant_order():
    event = normalized_event(_case("standard_approval_card"))
    assert (event.attempt_id, event.payment_id, event.merchant_id, event.event_time.isoformat()) == (
        "StdpayCARDINIpayTest20240301123045123456", "INIpayTest_1709263845123", "INIpayTest",
        "2024-03-01T12:30:45+00:00")


def test_any_result_code_but_0000_fails_without_a_guessed_reason():
    document = _case("standard_approval_card")
    document["resultCode"] = "9999"
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == ("DECLINED", "UNKNOWN", "9999")
