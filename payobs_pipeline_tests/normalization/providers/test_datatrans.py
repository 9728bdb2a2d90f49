"""Datatrans mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import datatrans
from payobs_pipeline.normalization.taxonomy import FailureReason, PaymentMethod, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("datatrans")


def _data(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(datatrans.SPEC)
    statuses = {*datatrans.STATUSES.values(), *datatrans.CREDIT_STATUSES.values(), *datatrans.ERROR_STATUSES.values()}
    assert statuses <= set(StatusCategory.__members__)
    reasons = {entry if isinstance(entry, str) else entry["reason"] for entry in datatrans.REASONS.values()}
    assert reasons <= set(FailureReason.__members__)
    assert set(datatrans.PAYMENT_METHODS.values()) <= set(PaymentMethod.__members__)


def test_every_documented_error_code_has_a_status_and_a_reason():
    assert set(datatrans.ERROR_STATUSES) == set(datatrans.REASONS)
    assert len(datatrans.REASONS) == 24  # 23 codes of the API reference, DUPLICATED_REFNO of the older pages


def test_a_failed_status_reads_its_reason_from_the_fail_detail():
    document = _data("status_failed_declined")
    document["detail"]["fail"] = {"reason": "INVALID_CVV", "message": "invalid cvv"}
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == ("DECLINED", "INCORRECT_CVC", "INVALID_CVV")


def test_a_credit_is_the_refund_and_its_id_the_refund_id():
    event = normalized_event(_data("credit_settled_refund"))
    assert (event.event_kind, event.refund_id, event.payment_id) == ("REFUND", "210422081122334455", "REF-88231")


def test_a_credit_still_being_initialized_is_pending_not_refunded():
    document = _data("credit_settled_refund")
    document["status"] = "initialized"
    assert normalized_event(document).status_category == "PENDING"
