"""iugu mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import iugu
from payobs_pipeline.normalization.taxonomy import FailureReason, PaymentMethod, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("iugu")


def _case(name: str):
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(iugu.SPEC)
    assert {*iugu.STATUSES.values(), *iugu.CHARGE_OUTCOMES.values()} <= set(StatusCategory.__members__)
    reasons = {entry if isinstance(entry, str) else entry["reason"] for entry in iugu.REASONS.values()}
    assert reasons <= set(FailureReason.__members__)
    assert set(iugu.PAYMENT_METHODS.values()) <= set(PaymentMethod.__members__)


def test_an_invoice_refund_names_no_refund_object():
    # A refunded invoice is a refund of the invoice (the payment); iugu gives the refund no id of its own.
    event = normalized_event(_case("invoice_refunded"))
    assert (event.event_kind, event.refund_id, event.payment_id) == ("REFUND", None,
                                                                    "3D4E5F60718293A4B5C6D7E8F90A1B2C")


def test_an_lr_outside_abecs_falls_back_to_iso8583():
    # LR 33 (ISO 8583 expired card) is not in the ABECS table: the shared ISO 8583 table reads it.
    document = _case("direct_charge_refused_lr57")
    document["LR"] = "33"
    assert normalized_event(document).failure_reason == "EXPIRED_CARD"


def test_a_failed_trigger_without_lr_is_still_a_decline():
    document = _case("trigger_payment_failed_lr54").replace("&data%5Blr%5D=54", "").replace(
        "&data%5Bmessage%5D=Cart%C3%A3o+vencido", "")
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason) == ("DECLINED", "UNKNOWN")
