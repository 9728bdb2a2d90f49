"""flow mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping, UnmappedPayload
from payobs_pipeline.normalization.providers import flow
from payobs_pipeline.normalization.taxonomy import PaymentMethod, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

# What test_provider_contract.py expects of this provider where it differs from every provider's default.
CONTRACT = {
    # Flow documents no decline reasons (status 3 "rechazada" alone): its declines have one reason, UNKNOWN.
    "decline_reasons": 1,
}

CASES = provider_cases("flow")


def _case(name: str):
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(flow.SPEC, flow.prepare)
    assert {*flow.STATUSES.values(), *flow.REFUND_STATUSES.values()} <= set(StatusCategory.__members__)
    assert set(flow.PAYMENT_METHODS.values()) <= set(PaymentMethod.__members__)


def test_the_confirmation_token_alone_names_no_outcome():
    with pytest.raises(UnmappedPayload) as refused:
        flow.prepare({"token": "33373581FC32576FAF33C46FC6454B1FFEBD7E1H"})
    assert refused.value.reason_code == "NOTIFICATION_WITHOUT_OUTCOME"


def test_a_status_answer_with_a_token_is_still_read():
    # getStatus answers carry no token, but a row that kept one beside the status is still the order's status.
    document = _case("get_status_paid_webpay")
    document["token"] = "33373581FC32576FAF33C46FC6454B1FFEBD7E1H"
    assert normalized_event(document).status_category == "APPROVED"
