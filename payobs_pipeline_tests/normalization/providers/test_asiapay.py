"""AsiaPay PayDollar data feed: pinned behaviour (the checks every provider
passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import asiapay
from payobs_pipeline.normalization.taxonomy import FailureReason
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

# What test_provider_contract.py expects of this provider where it differs from every provider's default.
CONTRACT = {
    # successcode documents three values: 0 succeeded, 1 failure, others error.
    "status_map_entries": 3,
}

CASES = provider_cases("asiapay")


def test_every_mapped_reason_is_canonical():
    CompiledMapping(asiapay.SPEC)
    for code, entry in asiapay.REASONS.items():
        reason = entry if isinstance(entry, str) else entry["reason"]
        assert reason in FailureReason.__members__, code
    assert set(asiapay.REQUEST_FAILURES) <= set(asiapay.REASONS)


def _feed(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_a_bank_code_is_read_only_under_a_bank_rejection():
    # src 2016 under prc -8 is PayDollar's velocity rule, not an ISO 8583 code; src 54 under prc 1 is the bank's.
    velocity = _feed("datafeed_blacklist_card_2001")
    velocity["src"] = "2016"
    bank = _feed("datafeed_bank_decline_05")
    bank["src"] = "54"
    assert normalized_event(velocity).failure_reason == "RISK_REJECTED"
    assert normalized_event(bank).failure_reason == "EXPIRED_CARD"


def test_an_error_successcode_is_an_error():
    feed = _feed("datafeed_bank_decline_05")
    feed.update(successcode="-1", prc="-2", src="-2")
    event = normalized_event(feed)
    assert (event.status_category, event.failure_reason) == ("ERROR", "PROCESSING_ERROR")
