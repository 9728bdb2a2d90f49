"""DataCash mapping: pinned behaviour (the checks every provider
passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import datacash
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("datacash")


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(datacash.SPEC)
    assert set(datacash.STATUSES.values()) <= set(StatusCategory.__members__)
    assert set(datacash.OUTCOMES.values()) <= set(datacash.STATUSES)
    for code, entry in datacash.REASONS.items():
        reason = entry if isinstance(entry, str) else entry["reason"]
        assert reason in FailureReason.__members__, code


def _xml(name: str) -> str:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def _with_status(xml: str, status: str, reason: str) -> str:
    xml = xml.replace("<status>10</status>", f"<status>{status}</status>")
    return xml.replace("<reason>Authentication error</reason>", f"<reason>{reason}</reason>")


def test_an_undocumented_return_code_is_an_error_never_an_approval():
    # Every return code other than 1 is a failure (the Developers Guide); one this mapping does not list is an
    # error whose reason is not known, never a success or a decline.
    event = normalized_event(_with_status(_xml("authentication_error_10"), "9999", "Something new"))
    assert (event.status_category, event.failure_reason) == ("ERROR", "UNKNOWN")


def test_the_return_code_gives_the_reason_when_the_text_is_not_a_code():
    event = normalized_event(_with_status(_xml("authentication_error_10"), "56", "Card used too recently"))
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == ("DECLINED", "LIMIT_EXCEEDED", "56")


def test_a_refund_is_its_own_transaction_and_names_the_order():
    event = normalized_event(_xml("txn_refund_accepted"))
    assert (event.refund_id, event.attempt_id, event.payment_id) == ("4600200000000987", None, "4500203021916406")


def test_the_cv2avs_check_decides_the_reason_of_a_policy_decline():
    cvc = normalized_event(_xml("auth_cv2avs_declined_security_code_mismatch"))
    address = normalized_event(_xml("auth_cv2avs_declined_address_mismatch"))
    assert (cvc.failure_reason, cvc.failure_source) == ("INCORRECT_CVC", "CUSTOMER")
    assert (address.failure_reason, address.failure_source) == ("RISK_REJECTED", "MERCHANT_RISK")
