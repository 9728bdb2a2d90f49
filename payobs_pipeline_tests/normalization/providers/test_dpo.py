"""DPO (3G Direct Pay and PayGate PayWeb3) mapping: pinned behaviour (the checks every provider
passes: ../test_provider_contract.py)."""

from __future__ import annotations

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import dpo, dpo_paygate
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("dpo")


def _case(name: str):
    return next(c["data"] for c in CASES if c["name"] == name)


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(dpo.SPEC, dpo.prepare)
    CompiledMapping(dpo_paygate.SPEC)
    statuses = {*dpo.STATUSES.values(), *dpo.CREATE_STATUSES.values(), *dpo_paygate.STATUSES.values()}
    assert statuses <= set(StatusCategory.__members__)
    reasons = [*dpo.REASONS.values(), *dpo.CREATE_REASONS.values(), *dpo_paygate.REASONS.values()]
    assert {r["reason"] if isinstance(r, dict) else r for r in reasons} <= set(FailureReason.__members__)


@pytest.mark.parametrize(("result", "explanation", "expected"), [
    ("905", "The transaction amount has exceeded your allowed transaction limit", ("ERROR", "LIMIT_EXCEEDED")),
    ("801", "Request missing company token", ("ERROR", "CONFIGURATION_ERROR")),
    ("950", "Request missing mandatory fields", ("ERROR", "INVALID_REQUEST")),
])
def test_each_create_token_refusal_is_its_reason(result, explanation, expected):
    document = _case("create_token_company_token_unknown").replace("802", result).replace(
        "Company token does not exist", explanation)
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason) == expected


def test_a_cancelled_verify_answer_without_its_elements_is_still_cancelled():
    document = _case("create_token_company_token_unknown").replace("802", "904").replace(
        "Company token does not exist", "Transaction cancelled")
    assert normalized_event(document).status_category == "CANCELLED"


def test_a_decline_the_fraud_check_blocked_is_a_risk_rejection():
    document = _case("verify_declined_hinted")["content"].replace("<FraudAlert>000</FraudAlert>", "<FraudAlert>002</FraudAlert>")
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason) == ("DECLINED", "RISK_REJECTED")


def test_a_voided_paygate_settlement_is_a_void():
    document = _case("paygate_notify_approved").replace("TRANSACTION_STATUS=1", "TRANSACTION_STATUS=7")
    event = normalized_event(document)
    assert (event.status_category, event.event_kind) == ("CANCELLED", "VOID")
