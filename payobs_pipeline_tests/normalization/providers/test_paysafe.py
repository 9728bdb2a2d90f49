"""Paysafe (NETBANX) mapping: pinned behaviour.

The checks every provider passes (its corpus, detection without a hint, its statuses) are in
../test_provider_contract.py; this module pins what is particular to this one.
"""

from __future__ import annotations

from payobs_pipeline.normalization.providers import paysafe
from payobs_pipeline_tests.normalization.corpus_checks import (
    normalized_event,
    provider_cases,
)

SLUG = "paysafe"
CASES = provider_cases(SLUG)


def test_a_request_error_code_on_a_failed_authorization_is_an_error():
    body = {"id": "x", "merchantRefNum": "m", "txnTime": "2017-03-23T14:11:46Z", "status": "FAILED", "amount": 100,
            "currencyCode": "USD", "settleWithAuth": True, "error": {"code": "5031", "message": "already processed"}}
    event = normalized_event(body)
    assert (event.status_category, event.failure_reason) == ("ERROR", "DUPLICATE")


def test_prepare_does_not_change_its_input():
    body = {"id": "r", "status": "COMPLETED", "links": [{"rel": "self", "href": "https://x/refunds/r"}]}
    assert paysafe.prepare(body)["payobs_kind"] == "refund" and "payobs_kind" not in body
