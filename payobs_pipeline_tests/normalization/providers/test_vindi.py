"""Vindi mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import vindi
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("vindi")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_is_canonical():
    CompiledMapping(vindi.SPEC)
    for table in (vindi.BILL_STATUSES, vindi.CHARGE_STATUSES, vindi.TRANSACTION_STATUSES):
        assert set(table.values()) <= set(StatusCategory.__members__)


def test_the_transaction_is_the_attempt_and_the_bill_code_the_payment():
    event = normalized_event(_case("webhook_charge_rejected"))
    assert (event.attempt_id, event.payment_id, event.raw_reason_code) == ("55501", "PED-1004", "51")


def test_a_bill_without_code_is_its_own_payment():
    document = _case("webhook_bill_canceled")
    document["event"]["data"]["bill"]["code"] = None
    assert normalized_event(document).payment_id == "9003"


def test_every_transaction_status_is_read():
    document = _case("charge_answer_processing")
    for status, category in vindi.TRANSACTION_STATUSES.items():
        document["charge"]["last_transaction"]["status"] = status
        document["charge"]["status"] = "pending"
        assert normalized_event(document).status_category == category
