"""eGHL mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import eghl
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

# What test_provider_contract.py expects of this provider where it differs from every provider's default.
CONTRACT = {
    # eGHL documents no decline-reason table: a failed payment names its cause only in the free-text TxnMessage.
    "decline_reasons": 1,
}

CASES = provider_cases("eghl")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(eghl.SPEC)
    assert set(eghl.QUERY_STATUSES.values()) <= set(StatusCategory.__members__)
    assert set(eghl.REASONS.values()) <= set(FailureReason.__members__)


def test_a_failed_payment_keeps_its_message_and_a_buyer_cancel_is_a_cancellation():
    failed = normalized_event(_case("payment_card_failed"))
    assert (failed.status_category, failed.failure_reason, failed.raw_reason_code) == \
        ("DECLINED", "UNKNOWN", "Insufficient Fund")
    cancelled = normalized_event(_case("payment_buyer_cancelled"))
    assert (cancelled.status_category, cancelled.failure_reason) == ("CANCELLED", None)


def test_the_same_status_code_means_what_its_transaction_type_says():
    document = _case("refund_success")
    assert normalized_event(document).status_category == "REFUNDED"
    document["TransactionType"] = "RSALE"
    assert (normalized_event(document).status_category, normalized_event(document).event_kind) == ("CANCELLED", "VOID")


def test_the_payment_id_is_the_attempt_and_the_order_number_the_payment():
    event = normalized_event(_case("payment_card_success"))
    assert (event.attempt_id, event.payment_id, event.provider_transaction_id) == \
        ("PAY20240301001", "ORD-1001", "SITPAY20240301001")
