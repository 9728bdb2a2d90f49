"""DOKU mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy
import json

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import doku
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("doku")


def _case(name: str) -> dict:
    data = next(c["data"] for c in CASES if c["name"] == name)
    return json.loads(data) if isinstance(data, str) else copy.deepcopy(data)


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(doku.SPEC)
    assert set(doku.STATUSES.values()) <= set(StatusCategory.__members__)
    reasons = {r if isinstance(r, str) else r["reason"] for r in (*doku.REASONS.values(), *doku.ERROR_REASONS.values())}
    assert reasons <= set(FailureReason.__members__)


def test_the_acquirer_code_wins_over_the_bare_failed_status():
    document = _case("notification_card_failed_insufficient")
    document["card_payment"]["response_code"] = "59"
    event = normalized_event(document)
    assert (event.failure_reason, event.raw_reason_code) == (FailureReason.SUSPECTED_FRAUD, "59")


def test_a_notification_as_an_object_is_read_as_the_same_event():
    # The corpus stores unhinted notifications as text; the object form (its "acquirer" key holds an object, not a
    # provider hint) normalizes the same.
    text_form = next(c["data"] for c in CASES if c["name"] == "notification_card_failed_insufficient")
    assert normalized_event(json.loads(text_form)) == normalized_event(text_form)


def test_the_invoice_ties_the_attempts_of_one_order():
    event = normalized_event(_case("notification_va_bca_success"))
    assert (event.payment_id, event.attempt_id, event.event_time.isoformat()) == (
        "INV-20240124-0001", "15022aab-444f-4b04-afa8-ddfce89432ec", "2024-01-27T03:24:23+00:00")
