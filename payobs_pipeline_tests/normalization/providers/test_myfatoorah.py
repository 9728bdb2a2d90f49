"""MyFatoorah mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import myfatoorah
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

# MyFatoorah's transaction error code table is not among the sources: a failed transaction's reason is UNKNOWN.
CONTRACT = {"decline_reasons": 1}

CASES = provider_cases("myfatoorah")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_is_canonical():
    CompiledMapping(myfatoorah.SPEC)
    statuses = {*myfatoorah.TRANSACTION_STATUSES.values(), *myfatoorah.INVOICE_STATUSES.values(),
                *myfatoorah.REFUND_STATUSES.values()}
    assert statuses <= set(StatusCategory.__members__)


def test_the_last_transaction_is_the_attempt_and_keeps_its_error_code():
    event = normalized_event(_case("inquiry_failed"))
    assert (event.status_category, event.raw_reason_code, event.attempt_id, event.payment_id) == (
        "DECLINED", "MF002", "07073110789218446673", "3110789")


def test_a_paid_invoice_reads_its_last_successful_attempt():
    event = normalized_event(_case("inquiry_paid_sar_hinted"))
    assert (event.raw_status, event.amount_minor, event.currency) == ("Succss", 25000, "SAR")
