"""Coinbase Commerce mapping: pinned behaviour (the checks every provider
passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import coinbasecommerce
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

# What test_provider_contract.py expects of this provider where it differs from every provider's default.
CONTRACT = {
    # Statuses its specs map to that corpus/coinbasecommerce.json has no case of yet.
    "uncovered_statuses": {
        "DECLINED": "event type charge:failed on a charge without a timeline (a charge with one reads its last entry)",
        "ERROR": "api_error ({error: {type, message}}): the documented body is shaped like Stripe's error, whose "
                 "detector reaches the threshold on it, so the corpus keeps no such case",
    },
    # Its corpus has no declined case: a failed charge is expired (CANCELLED) or unresolved (UNKNOWN).
    "decline_reasons": 0,
}

CASES = provider_cases("coinbasecommerce")


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(coinbasecommerce.SPEC, coinbasecommerce.prepare)
    assert set(coinbasecommerce.STATUSES.values()) <= set(StatusCategory.__members__)
    for code, entry in coinbasecommerce.REASONS.items():
        reason = entry if isinstance(entry, str) else entry["reason"]
        assert reason in FailureReason.__members__, code


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_the_last_timeline_entry_is_the_charges_status():
    body = _case("webhook_charge_confirmed")
    body["event"]["data"]["timeline"].append({"time": "2024-05-11T10:00:00Z", "status": "REFUNDED"})
    event = normalized_event(body)
    assert (event.status_category, event.event_kind) == ("REFUNDED", "REFUND")


def test_prepare_leaves_the_payload_untouched():
    body = _case("charge_new_bare")
    before = copy.deepcopy(body)
    prepared = coinbasecommerce.prepare(body)
    assert body == before and prepared[coinbasecommerce.LAST_STATUS] == "NEW"
