"""HiPay mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import hipay
from payobs_pipeline.normalization.taxonomy import FailureReason, PaymentMethod, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

# What test_provider_contract.py expects of this provider where it differs from every provider's default.
CONTRACT = {
    "uncovered_statuses": {"UNKNOWN": "status 0 (unknown) is in HiPay's status enum but no documented message sends it"},
}

CASES = provider_cases("hipay")


def _data(name: str):
    return next(c["data"] for c in CASES if c["name"] == name)


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(hipay.SPEC)
    assert set(hipay.STATUSES.values()) <= set(StatusCategory.__members__)
    reasons = {entry if isinstance(entry, str) else entry["reason"] for entry in hipay.REASONS.values()}
    assert reasons <= set(FailureReason.__members__)
    assert set(hipay.PAYMENT_METHODS.values()) <= set(PaymentMethod.__members__)


def test_every_status_of_the_sdk_enum_is_mapped():
    # HiPay\Fullservice\Enum\Transaction\TransactionStatus: 0, 101-126, 129, 131, 132, 140-142, 150, 151, 160, 161,
    # 163, 165, 173, 175, 200 (102, 127, 128, 130 are not statuses).
    documented = {"0", *map(str, (*range(101, 127), 129, 131, 132, 140, 141, 142, 150, 151, 160, 161, 163, 165, 173,
                                  175, 200))} - {"102"}
    assert set(hipay.STATUSES) == documented


def test_the_state_decides_an_intermediate_status_but_not_a_final_one():
    pending = _data("notification_112_authorized_and_pending").replace("state=pending", "state=declined")
    assert normalized_event(pending).status_category == "DECLINED"
    authorized = _data("notification_116_authorized").replace("state=completed", "state=error")
    assert normalized_event(authorized).status_category == "APPROVED"


def test_a_refund_notification_counts_the_refunded_amount_not_the_authorized_one():
    event = normalized_event(_data("notification_125_refunded"))
    assert (event.amount_minor, event.event_kind, event.refund_id) == (2000, "REFUND", None)
