"""Paymob (Accept) mapping: pinned behaviour (the checks every provider
passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import paymob
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("paymob")


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(paymob.SPEC, paymob.prepare)
    statuses = {*paymob.STATUSES.values(), *paymob.REFUND_STATUSES.values(), *paymob.VOID_STATUSES.values()}
    assert statuses <= set(StatusCategory.__members__)
    for code, entry in paymob.REASONS.items():
        reason = entry if isinstance(entry, str) else entry["reason"]
        assert reason in FailureReason.__members__, code


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_a_refund_names_its_parent_transaction_and_the_order():
    event = normalized_event(_case("callback_refund_succeeded"))
    assert (event.refund_id, event.attempt_id, event.payment_id) == ("2557001", "2556706", "4778239")


def test_the_acquirers_iso_code_wins_over_a_generic_gateway_decline():
    event = normalized_event(_case("callback_card_declined_issuer_code_wins"))
    assert (event.failure_reason, event.raw_reason_code) == (FailureReason.EXPIRED_CARD, "54")


def test_the_response_callbacks_dotted_keys_are_read_like_the_processed_callbacks():
    flat = _case("response_callback_approved_flat")
    flat.update({"success": "false", "txn_response_code": "DECLINED", "acq_response_code": "51"})
    assert normalized_event(flat).failure_reason == FailureReason.INSUFFICIENT_FUNDS
    assert paymob.prepare({"source_data.type": "card", "id": 1}) == {"id": 1, "source_data": {"type": "card"}}
