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
