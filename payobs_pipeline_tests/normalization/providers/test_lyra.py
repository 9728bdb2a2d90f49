"""Lyra (PayZen / SystemPay) mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy
import json

from payobs_pipeline.normalization.providers import lyra
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("lyra")


def _case(name: str):
    data = copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))
    return data.get("content", data.get("payload", data)) if isinstance(data, dict) else data


def test_the_issuers_code_wins_over_the_generic_rejection():
    # vads_result 05 "action rejected" is generic; vads_auth_result 51 is the issuer's.
    event = normalized_event(_case("form_ipn_refused_insufficient_funds"))
    assert (str(event.failure_reason), event.raw_reason_code) == ("INSUFFICIENT_FUNDS", "51")


def test_a_refund_is_its_own_transaction_without_an_attempt():
    event = normalized_event(_case("form_ipn_refund_credit"))
    assert (event.refund_id, event.attempt_id, event.payment_id) == (
        "f1e2d3c4b5a6978877665544332211ff", None, "CMD-2024-0042")


def test_the_rest_ipn_answer_is_read_from_kr_answer():
    body = _case("rest_ipn_kr_answer_paid")
    before = copy.deepcopy(body)
    assert lyra.prepare(body) == json.loads(body["kr-answer"]) and body == before
    event = normalized_event(body)
    assert (event.attempt_id, event.payment_id, event.card_country) == (
        "5b158f084502a34e8c3e7b1a1a9e8d0c", "myOrderId-1234", "FR")


def test_every_transaction_status_has_a_category():
    for status, category in lyra.TRANS_STATUSES.items():
        body = _case("form_ipn_captured_cb").replace("vads_trans_status=CAPTURED", f"vads_trans_status={status}")
        assert str(normalized_event(body).status_category) == category, status
