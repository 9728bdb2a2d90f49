"""PayJunction mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import payjunction
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("payjunction")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(payjunction.SPEC, payjunction.prepare)
    assert set(payjunction.STATUSES.values()) <= set(StatusCategory.__members__)
    assert {*payjunction.RESPONSE_CODES.values(), *payjunction.ERROR_TYPES.values()} <= set(FailureReason.__members__)


@pytest.mark.parametrize(("code", "reason"), [("04", "LOST_OR_STOLEN_CARD"), ("10", "INSUFFICIENT_FUNDS"),
                                              ("14", "INVALID_CARD_DATA"), ("61", "LIMIT_EXCEEDED"),
                                              ("91", "ISSUER_UNAVAILABLE"), ("AN", "RISK_REJECTED")])
def test_the_response_code_of_a_declined_transaction_names_the_reason(code, reason):
    document = _case("charge_declined_do_not_honor")
    document["response"]["code"] = code
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == ("DECLINED", reason, code)


def test_a_refund_is_its_own_refund_not_the_charge():
    event = normalized_event(_case("refund_captured"))
    assert (event.event_kind, event.refund_id, event.attempt_id) == ("REFUND", "3610", None)


def test_a_signature_webhook_names_the_transaction_only():
    document = _case("webhook_transaction_hinted")
    document["payload"]["type"] = "TRANSACTION_SIGNATURE"
    with pytest.raises(AssertionError, match="NOTIFICATION_WITHOUT_OUTCOME"):
        normalized_event(document)
