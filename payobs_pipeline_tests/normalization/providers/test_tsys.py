"""TSYS Cayan mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import tsys
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("tsys")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(tsys.SPEC, tsys.prepare)
    assert set(tsys.APPROVAL_STATUSES.values()) <= set(StatusCategory.__members__)
    reasons = {*tsys.DECLINE_CODES.values(), *tsys.ERROR_MESSAGES.values(), *tsys.REFERRAL.values()}
    assert reasons <= set(FailureReason.__members__)


def test_prepare_splits_the_approval_status_out_of_the_soap_envelope():
    prepared = tsys.prepare({"Envelope": {"Body": {"SaleKeyedResponse": {"SaleKeyedResult": {
        "ApprovalStatus": "DECLINED;1024;invalid exp date", "Token": None}}}}})
    split = (prepared["operation"], prepared["approval_word"], prepared["decline_code"], prepared["decline_message"])
    assert split == ("SaleKeyed", "DECLINED", "1024", "invalid exp date")


def test_a_failed_void_is_an_error_of_the_void_not_a_declined_payment():
    event = normalized_event(_case("void_declined"))
    assert (event.status_category, event.event_kind, event.raw_reason_code) == ("ERROR", "VOID", "1019")
