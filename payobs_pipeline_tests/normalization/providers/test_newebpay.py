"""NewebPay mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import newebpay
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("newebpay")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(newebpay.SPEC, newebpay.prepare)
    assert set(newebpay.TRADE_STATUSES.values()) <= set(StatusCategory.__members__)
    assert set(newebpay.ERROR_REASONS.values()) <= set(FailureReason.__members__)
    assert set(newebpay.DECLINE_CODES) <= set(newebpay.ERROR_REASONS)


def test_the_acquirer_code_is_read_after_a_generic_bank_refusal():
    document = _case("mpg_notify_bank_refusal")
    document["Result"]["RespondCode"] = "51"
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == \
        ("DECLINED", "INSUFFICIENT_FUNDS", "51")


def test_a_technical_code_is_an_error_and_a_refusal_code_a_decline():
    document = _case("mpg_notify_bank_refusal")
    document["Status"] = "MPG02006"  # 信用卡收單機構系統發生異常
    document["Result"]["RespondCode"] = ""
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason) == ("ERROR", "PROCESSING_ERROR")


def test_the_order_ties_the_trade_and_a_refunded_order_names_no_refund_id():
    paid = normalized_event(_case("mpg_notify_json_credit_success"))
    assert (paid.payment_id, paid.attempt_id) == ("ORD_20240301_1", "24030112010012345")
    refunded = normalized_event(_case("query_refunded"))
    assert (refunded.event_kind, refunded.refund_id, refunded.attempt_id) == ("REFUND", None, "24030112010012366")


def test_prepare_refuses_only_the_encrypted_envelope():
    body = _case("mpg_notify_json_credit_success")
    assert newebpay.prepare(body) is body
