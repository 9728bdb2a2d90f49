"""Khipu mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.evaluation import normalize_lake_data
from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import khipu
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

# Khipu documents no declines: a bank transfer is paid, pending, refused by the payer (CANCELLED) or reversed.
CONTRACT = {"decline_reasons": 0}

CASES = provider_cases("khipu")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(khipu.SPEC, khipu.prepare)
    assert set(khipu.STATUSES.values()) <= set(StatusCategory.__members__)
    assert set(khipu.HTTP_REASONS.values()) <= set(FailureReason.__members__)


@pytest.mark.parametrize(("detail", "status"), [("normal", "APPROVED"), ("marked-paid-by-receiver", "APPROVED"),
                                                ("rejected-by-payer", "CANCELLED"), ("marked-as-abuse", "CANCELLED"),
                                                ("reversed", "REFUNDED")])
def test_the_status_detail_decides_over_the_status(detail, status):
    document = _case("payment_done_normal")
    document["status_detail"] = detail
    event = normalized_event(document)
    assert (event.status_category, event.raw_status) == (status, detail)


def test_the_merchant_transaction_id_is_the_payment_and_khipus_id_the_attempt():
    event = normalized_event(_case("payment_done_normal"))
    assert (event.attempt_id, event.payment_id, event.merchant_id) == ("gqzdy6chjne9", "zwo3wqz6uulcvajt", "985101")


def test_an_error_body_reads_its_http_status():
    event = normalized_event({"provider": "khipu", "payload": {"status": 401, "message": "Unauthorized"}})
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == (
        "ERROR", "CONFIGURATION_ERROR", "401")


def test_a_token_only_notification_has_no_outcome():
    outcome = normalize_lake_data(_case("notification_token_only"), None)
    assert outcome.unprocessed_reason == "NOTIFICATION_WITHOUT_OUTCOME"
