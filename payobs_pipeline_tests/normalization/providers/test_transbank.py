"""Transbank (Webpay) mapping: CLP amounts (the checks every provider passes are in ../test_provider_contract.py)."""

from __future__ import annotations

import json

from payobs_pipeline.normalization.providers import transbank as module
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

SLUG = "transbank"
CASES = provider_cases(SLUG)


def test_clp_has_no_minor_unit():
    case = next(c for c in CASES if c["name"] == "commit_authorized_unhinted")
    event = normalized_event(case["data"])
    assert (event.amount_minor, event.currency) == (10000, "CLP")


def test_every_response_code_maps_to_a_reason():
    for code in module.REASONS:
        case = next(c for c in CASES if c["name"] == "failed_issuer")
        data = json.loads(json.dumps(case["data"]))
        data["response_code"] = int(code)
        event = normalized_event(data)
        assert event.failure_reason.value != "UNKNOWN", code


def test_refund_and_error_replies_are_recognised_without_a_hint():
    from payobs_pipeline_tests.normalization.corpus_checks import normalized_event

    reversed_ = normalized_event({"type": "REVERSED"})
    assert (reversed_.provider, str(reversed_.status_category), str(reversed_.event_kind)) == (
        "transbank", "CANCELLED", "VOID")
    error = normalized_event({"error_message": "Invalid value for parameter: amount"})
    assert (error.provider, str(error.failure_reason)) == ("transbank", "INVALID_REQUEST")


def test_another_gateways_error_message_field_is_not_transbanks():
    from payobs_pipeline.normalization.providers import builtin_mappings

    transbank = next(m for m in builtin_mappings() if m.provider == "transbank")
    assert transbank.shape_score({"error_message": "The card doesn't have sufficient funds"}) < 0.5
