"""Mobbex mapping: pinned behaviour (the checks every
provider passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.evaluation import normalize_lake_data
from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import mobbex
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import NORMALIZER, normalized_event, provider_cases

CASES = provider_cases("mobbex")

# Mobbex documents no reason for a decline: every decline is UNKNOWN.
CONTRACT = {"decline_reasons": 1}


def _case(name: str) -> dict:
    data = next(c["data"] for c in CASES if c["name"] == name)
    return copy.deepcopy(data["payload"] if "payload" in data else data)


def test_every_mapped_status_is_canonical():
    CompiledMapping(mobbex.SPEC)
    assert {*mobbex.STATUSES.values(), *mobbex.VOID_STATUSES.values()} <= set(StatusCategory.__members__)


def test_the_status_code_is_read_nested_in_data_payment():
    document = _case("webhook_card_paid")
    document["data"]["payment"]["status"]["code"] = "400"
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason, event.amount_minor) == ("DECLINED", "UNKNOWN", 190750)


def test_a_cancellation_in_process_has_no_outcome_yet():
    document = _case("webhook_card_paid")
    document["data"]["payment"]["status"]["code"] = "600"
    outcome = normalize_lake_data(document, None, NORMALIZER)
    assert (outcome.event, outcome.unprocessed_reason) == (None, "UNMAPPED_STATUS")


def test_the_payment_is_the_merchants_reference():
    event = normalized_event(_case("webhook_cash_waiting"))
    assert (event.attempt_id, event.payment_id, event.payment_method) == ("5B8E1Lp_e", "000000018", "CASH_VOUCHER")
