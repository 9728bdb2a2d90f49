"""Wells Fargo Retail Services mapping: pinned behaviour (the checks every
provider passes: ../test_provider_contract.py)."""

from __future__ import annotations

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import wellsfargo
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

# What test_provider_contract.py expects of this provider where it differs from every provider's default.
CONTRACT = {
    # A0 names no reason: its declines have one failure reason, GENERIC_DECLINE.
    "decline_reasons": 1,
}

CASES = provider_cases("wellsfargo")


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(wellsfargo.SPEC)
    assert set(wellsfargo.OUTCOMES.values()) <= set(wellsfargo.STATUSES)
    assert set(wellsfargo.STATUSES.values()) <= set(StatusCategory.__members__)
    assert set(wellsfargo.REASONS.values()) <= set(FailureReason.__members__)


def _xml(name: str) -> str:
    return next(c["data"] for c in CASES if c["name"] == name)


def test_the_same_status_means_what_the_transaction_code_says():
    approved_void = _xml("soap_cancel_authorization")
    declined_auth = approved_void.replace("<transactionCode>7</transactionCode>", "<transactionCode>5</transactionCode>") \
        .replace("<transactionStatus>A1</transactionStatus>", "<transactionStatus>A0</transactionStatus>")
    assert normalized_event(approved_void).status_category == "CANCELLED"
    assert (normalized_event(declined_auth).status_category, normalized_event(declined_auth).raw_reason_code) == (
        "DECLINED", "A0")


def test_an_answer_with_faults_is_an_error():
    xml = _xml("soap_authorization_approved").replace(
        '<faults xsi:nil="true"/>',
        "<faults><faults><faultCode>2</faultCode><faultDetailString>Invalid plan number</faultDetailString></faults></faults>")
    event = normalized_event(xml)
    assert (event.status_category, event.failure_reason) == ("ERROR", "INVALID_REQUEST")
