"""BillDesk mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import billdesk
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

# What test_provider_contract.py expects of this provider where it differs from every provider's default.
CONTRACT = {
    # Distinct failure reasons among its DECLINED cases: auth_status has one failure code (0399).
    "decline_reasons": 1,
}

CASES = provider_cases("billdesk")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(billdesk.SPEC)
    assert {*billdesk.AUTH_STATUSES.values(), *billdesk.REFUND_STATUSES.values()} <= set(StatusCategory.__members__)
    assert {*billdesk.REASONS.values(), *billdesk.HTTP_REASONS.values()} <= set(FailureReason.__members__)


def test_the_legacy_message_is_split_into_its_documented_fields():
    document = _case("legacy_msg_success_hinted")["payload"]
    prepared = billdesk.prepare(document)
    assert prepared["msg"] == document["msg"]
    fields = prepared[billdesk.LEGACY_KEY]
    assert (fields["TxnReferenceNo"], fields["TxnAmount"], fields["AuthStatus"], fields["ErrorStatus"]) == (
        "U5DB0123456789", "00000500.00", "0300", None)
    assert billdesk.prepare({"msg": "too|few|fields"}) == {"msg": "too|few|fields"}


def test_the_numeric_currency_is_the_rupee():
    event = normalized_event(_case("transaction_success_upi"))
    assert (event.currency, event.amount_minor, event.merchant_id) == ("INR", 200, "BDMERCID")
