"""Nexi XPay mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import nexi
from payobs_pipeline.normalization.taxonomy import FailureReason, PaymentMethod, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("nexi")


def _data(name: str) -> dict:
    return copy.deepcopy(next(case["data"] for case in CASES if case["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(nexi.SPEC)
    statuses = {*nexi.AUTHORIZATION_RESULTS.values(), *nexi.REFUND_RESULTS.values(), *nexi.CAPTURE_RESULTS.values(),
                *nexi.VOID_RESULTS.values(), *nexi.ESITO.values()}
    assert statuses <= set(StatusCategory.__members__)
    reasons = {r if isinstance(r, str) else r["reason"] for r in nexi.REASONS.values()}
    assert reasons <= set(FailureReason.__members__)
    assert set(nexi.PAYMENT_METHODS.values()) <= set(PaymentMethod.__members__)


def test_a_bare_operation_reads_like_the_notification_around_it():
    # GET /operations/{operationId} answers the object a notification carries under "operation".
    notification = _data("notification_declined_by_issuer")
    assert normalized_event(notification["operation"]).failure_reason == normalized_event(notification).failure_reason \
        == "GENERIC_DECLINE"


def test_the_operation_type_decides_the_kind_of_the_same_result():
    # EXECUTED is a confirmed payment on an AUTHORIZATION, money returned on a REFUND, a release on a VOID.
    kinds = {}
    for operation_type in ("AUTHORIZATION", "REFUND", "VOID", "CAPTURE"):
        data = _data("notification_executed_mastercard")
        data["operation"]["operationType"] = operation_type
        event = normalized_event(data)
        kinds[operation_type] = (event.event_kind, event.status_category)
    assert kinds == {"AUTHORIZATION": ("AUTHORIZATION", "APPROVED"), "REFUND": ("REFUND", "REFUNDED"),
                     "VOID": ("VOID", "CANCELLED"), "CAPTURE": ("CAPTURE", "APPROVED")}


def test_the_notification_time_stands_in_when_the_operation_has_none():
    data = _data("notification_authorized_visa")
    del data["operation"]["operationTime"]
    assert normalized_event(data).event_time.isoformat().startswith("2024-03-11T09:15:02")
