"""Docdata Payments mapping: pinned behaviour (the checks every provider
passes: ../test_provider_contract.py)."""

from __future__ import annotations

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import docdata
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("docdata")


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(docdata.SPEC)
    assert set(docdata.AUTHORIZATION_OUTCOMES.values()) <= set(docdata.STATUSES)
    assert set(docdata.STATUSES.values()) <= set(StatusCategory.__members__)
    for code, entry in docdata.REASONS.items():
        reason = entry if isinstance(entry, str) else entry["reason"]
        assert reason in FailureReason.__members__, code


def _xml(name: str) -> str:
    return next(c["data"] for c in CASES if c["name"] == name)


def test_the_latest_payment_decides_when_the_totals_do_not():
    # A first attempt failed, a second is waiting for the acquirer: the order is pending, not declined.
    xml = _xml("status_authorization_failed").replace(
        "                </report>",
        "                    <payment>\n                        <id>4910081199</id>\n"
        "                        <paymentMethod>IDEAL</paymentMethod>\n                        <authorization>\n"
        "                            <status>AUTHORIZATION_REQUESTED</status>\n"
        "                            <amount currency=\"EUR\">12000</amount>\n                        </authorization>\n"
        "                    </payment>\n                </report>")
    event = normalized_event(xml)
    assert (event.status_category, event.attempt_id) == ("PENDING", "4910081199")


def test_the_totals_say_paid_whatever_the_authorization_status_reads():
    xml = _xml("status_redirected_for_authorization").replace(
        "<totalAcquirerApproved>0</totalAcquirerApproved>", "<totalAcquirerApproved>2500</totalAcquirerApproved>")
    assert normalized_event(xml).status_category == "APPROVED"


def test_prepare_leaves_other_soap_answers_alone():
    body = {"Envelope": {"Body": {"someOtherResponse": {"result": "1"}}}}
    assert docdata.prepare(body) is body
