"""Amazon Payment Services (PayFort) mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.providers import amazonpaymentservices as aps
from payobs_pipeline.normalization.taxonomy import FailureReason
from payobs_pipeline_tests.normalization.corpus_checks import has_hint, normalized_event, provider_cases

CASES = provider_cases("amazonpaymentservices")


@pytest.mark.parametrize("case", [c for c in CASES if not has_hint(c["data"]) and "unprocessed" not in c["expected"]],
                         ids=lambda c: c["name"])
def test_unhinted_documented_shapes_are_amazonpaymentservices(case):
    assert normalized_event(case["data"]).provider == "amazonpaymentservices"


def test_every_message_code_names_a_reason():
    for code, entry in aps.MESSAGES.items():
        reason = entry if isinstance(entry, str) else entry["reason"]
        assert reason in FailureReason.__members__, code
        assert len(code) == 3 and code.isdigit()


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_the_message_code_is_the_last_three_digits_of_the_response_code():
    event = normalized_event(_case("purchase_failure_insufficient_funds"))
    assert (str(event.failure_reason), event.raw_reason_code, event.raw_status) == ("INSUFFICIENT_FUNDS", "029", "13")


def test_a_refund_names_its_order_and_its_own_reference():
    event = normalized_event(_case("refund_success"))
    assert (event.refund_id, event.attempt_id, event.payment_id) == (
        "REF-XYZ9239-1", "169996200024976545", "XYZ9239-yu898")


def test_prepare_keeps_the_payload_unchanged():
    body = _case("purchase_failure_insufficient_funds")
    before = copy.deepcopy(body)
    aps.prepare(body)
    assert body == before
