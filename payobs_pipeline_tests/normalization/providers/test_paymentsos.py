"""PaymentsOS mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy
import json

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import paymentsos
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("paymentsos")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(paymentsos.SPEC, paymentsos.prepare)
    statuses = {*paymentsos.RESULT_STATUSES.values(), *paymentsos.REFUND_STATUSES.values(),
                *paymentsos.VOID_STATUSES.values(), *paymentsos.PAYMENT_STATUSES.values()}
    assert statuses <= set(StatusCategory.__members__)
    assert set(paymentsos.REASONS.values()) <= set(FailureReason.__members__)


def test_a_refund_succeeding_is_refunded_not_approved():
    document = _case("refund_failed_capture_id_hinted")
    document["payload"]["result"] = {"status": "Succeed"}
    event = normalized_event(document)
    assert (event.status_category, event.event_kind, event.refund_id) == (
        "REFUNDED", "REFUND", "6e7f8091-a2b3-4c45-9e5f-6a7b8c9d0e1f")


def test_without_a_stated_currency_the_amount_is_dropped_not_guessed():
    document = _case("authorization_succeed_raw_currency")
    raw = json.loads(document["provider_data"]["raw_response"])
    del raw["currency"]
    document["provider_data"]["raw_response"] = json.dumps(raw)
    event = normalized_event(document)
    assert (event.status_category, event.amount_minor, event.currency) == ("APPROVED", None, None)


def test_a_webhook_names_the_payment_its_transaction_belongs_to():
    event = normalized_event(_case("webhook_authorization_failed"))
    assert (event.payment_id, event.attempt_id, event.card_brand) == (
        "b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e", "8091a2b3-c4d5-4e67-9a7b-8c9d0e1f2a3b", "mastercard")
