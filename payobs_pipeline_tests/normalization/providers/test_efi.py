"""Efí (Gerencianet) mapping: pinned behaviour (the checks every provider
passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.evaluation import normalize_lake_data
from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import efi
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("efi")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(efi.SPEC, efi.prepare)
    statuses = {*efi.CHARGE_STATUSES.values(), *efi.COB_STATUSES.values(), *efi.DEVOLUTION_STATUSES.values()}
    assert statuses <= set(StatusCategory.__members__)
    assert {*efi.CHARGE_ERRORS.values(), *efi.PIX_ERRORS.values()} <= set(FailureReason.__members__)


@pytest.mark.parametrize(("retry", "decline_type"), [(True, "SOFT"), (False, "HARD")])
def test_a_refused_card_is_soft_only_when_efi_says_retry(retry, decline_type):
    document = _case("card_one_step_refused_retry")
    document["data"]["refusal"]["retry"] = retry
    event = normalized_event(document)
    assert (event.status_category, event.decline_type) == ("DECLINED", decline_type)


def test_the_notification_reads_its_last_status():
    event = normalized_event(_case("notification_paid"))
    assert (event.raw_status, event.provider_transaction_id, event.amount_minor) == ("paid", "24342333", 5990)


@pytest.mark.parametrize(("code", "reason"), [(3500000, "PROCESSING_ERROR"), (3500001, "CONFIGURATION_ERROR"),
                                              (3500018, "DUPLICATE"), (3500058, "INVALID_CARD_DATA"),
                                              (4699999, "PROCESSING_ERROR")])
def test_a_charges_api_error_code_names_its_reason(code, reason):
    document = _case("charges_error_3500034")
    document["code"] = code
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == ("ERROR", reason, str(code))


def test_the_notification_token_alone_has_no_outcome():
    outcome = normalize_lake_data(_case("notification_token_post"), None)
    assert outcome.unprocessed_reason == "NOTIFICATION_WITHOUT_OUTCOME"
