"""AstroPay mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.evaluation import normalize_lake_data
from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import astropay
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

# A deposit is approved, pending or cancelled: AstroPay names no declines.
CONTRACT: dict = {}

CASES = provider_cases("astropay")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_is_canonical():
    CompiledMapping(astropay.SPEC)
    assert set(astropay.STATUSES.values()) <= set(StatusCategory.__members__)


def test_the_deposit_is_the_attempt_and_the_merchant_id_the_payment():
    event = normalized_event(_case("status_approved_brl"))
    assert (event.attempt_id, event.payment_id, event.amount_minor) == (
        "Pq1wEr3tYu5iOp7aSd9fGh2jKl4zXc6vBn8mQw0e", "ORDER-9001", 15075)


def test_both_spellings_of_cancelled_are_cancelled():
    document = _case("callback_canceled_spelling")
    for spelling in ("CANCELED", "CANCELLED"):
        document["status"] = spelling
        assert normalized_event(document).status_category == "CANCELLED"


@pytest.mark.parametrize(("desc", "status", "reason"), [
    ("The user limit has been exceeded.", "DECLINED", "LIMIT_EXCEEDED"), ("User blacklisted", "DECLINED", "RISK_REJECTED"),
    ("Could not make the deposit", "ERROR", "PROCESSING_ERROR"), ("Invalid control", "ERROR", "CONFIGURATION_ERROR"),
    ("Something else went wrong", "ERROR", "UNKNOWN"),
])
def test_a_streamline_invoice_error_is_read_from_its_desc(desc, status, reason):
    event = normalize_lake_data({"provider": "astropay", "payload": {"status": "1", "desc": desc}}, None).event
    assert (event.status_category, event.failure_reason) == (status, reason)
