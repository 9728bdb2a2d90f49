"""Chargebee mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import chargebee
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("chargebee")
# Paddle's detector reads an id starting "txn_" alone as its own: it reaches the threshold on bare Chargebee
# transactions (ids txn_...), which still score higher as Chargebee (gateway_account_id, linked_invoices ...).
CONTRACT = {"shared_shapes": ["paddle"]}


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(chargebee.SPEC)
    assert set(chargebee.STATUSES.values()) <= set(StatusCategory.__members__)
    assert set(chargebee.REASONS.values()) <= set(FailureReason.__members__)


def test_the_network_code_nested_in_error_detail_names_the_reason():
    document = _case("event_payment_failed_network_code")
    document["content"]["transaction"]["error_detail"]["network_error_code"] = "59"
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == ("DECLINED", "SUSPECTED_FRAUD", "59")


@pytest.mark.parametrize(("code", "status", "reason"), [
    ("payment_method_verification_failed", "DECLINED", "GENERIC_DECLINE"), ("duplicate_entry", "ERROR", "DUPLICATE"),
    ("api_request_limit_exceeded", "ERROR", "PROCESSING_ERROR"), ("site_not_ready", "ERROR", "CONFIGURATION_ERROR")])
def test_an_error_body_reads_its_api_error_code(code, status, reason):
    document = _case("error_resource_not_found")
    document["api_error_code"] = code
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason) == (status, reason)
