"""Amazon Pay (API v2) mapping: pinned behaviour (the checks every provider
passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import amazonpay
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

CASES = provider_cases("amazonpay")


def _case(name: str) -> dict:
    data = next(c["data"] for c in CASES if c["name"] == name)
    return copy.deepcopy(data.get("payload", data))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(amazonpay.SPEC, amazonpay.prepare)
    states = (amazonpay.CHARGE_STATES, amazonpay.REFUND_STATES, amazonpay.CHECKOUT_SESSION_STATES)
    assert {status for m in states for status in m.values()} <= set(StatusCategory.__members__)
    reasons = {r if isinstance(r, str) else r["reason"] for r in amazonpay.ERROR_REASONS.values()}
    assert reasons <= set(FailureReason.__members__)


@pytest.mark.parametrize(("state", "reason", "status", "kind"), [
    ("Canceled", "MerchantCanceled", "CANCELLED", "VOID"), ("Canceled", "AmazonCanceled", "CANCELLED", "AUTHORIZATION"),
    ("CaptureInitiated", None, "PENDING", "CAPTURE"), ("Declined", "HardDeclined", "DECLINED", "AUTHORIZATION"),
])
def test_the_charge_state_and_reason_name_the_lifecycle_step(state, reason, status, kind):
    document = _case("charge_authorized")
    document["statusDetails"].update(state=state, reasonCode=reason)
    event = normalized_event(document)
    assert (event.status_category, event.event_kind) == (status, kind)


def test_a_hard_decline_is_hard_and_a_soft_decline_soft():
    assert normalized_event(_case("charge_declined_soft")).decline_type == "SOFT"
    assert normalized_event(_case("charge_declined_hard_hinted")).decline_type == "HARD"


def test_an_ipn_in_its_sns_envelope_is_a_notification_without_outcome():
    import json

    from payobs_pipeline.normalization.evaluation import normalize_lake_data

    envelope = {"Type": "Notification", "MessageId": "5e4c6e2e-9b0e-5b8e-8f3a-1c2d3e4f5a6b",
                "TopicArn": "arn:aws:sns:us-east-1:291180941288:A01494241HMNM9GF3SQ5S",
                "Message": json.dumps(_case("ipn_charge_state_change")), "SignatureVersion": "1"}
    outcome = normalize_lake_data({"provider": "amazonpay", "payload": envelope}, None)
    assert outcome.unprocessed_reason == "NOTIFICATION_WITHOUT_OUTCOME"


def test_a_v1_invalid_payment_method_decline_reads_soft_decline():
    event = normalized_event(next(c["data"] for c in CASES
                                  if c["name"] == "v1_get_authorization_details_declined_invalid_payment_method_soft_hinted"))
    assert (event.failure_reason, event.decline_type) == ("GENERIC_DECLINE", "SOFT")


@pytest.mark.parametrize(("reason", "status", "kind"), [
    ("MaxCapturesProcessed", "APPROVED", "AUTHORIZATION"), ("ExpiredUnused", "CANCELLED", "VOID"),
    ("AmazonClosed", "CANCELLED", "AUTHORIZATION"),
])
def test_a_closed_v1_authorization_is_read_from_its_reason(reason, status, kind):
    document = copy.deepcopy(next(c["data"] for c in CASES if c["name"] == "v1_authorize_open"))
    document["AuthorizeResult"]["AuthorizationDetails"]["AuthorizationStatus"].update(State="Closed", ReasonCode=reason)
    event = normalized_event(document)
    assert (event.status_category, event.event_kind) == (status, kind)


def test_an_fps_ipn_amount_is_split_from_its_currency():
    event = normalized_event(next(c["data"] for c in CASES if c["name"] == "fps_ipn_payment_failed"))
    assert (event.amount_minor, event.currency, event.provider_transaction_id) == (
        2500, "USD", "15ARCPNR5QGLDH7JNHJ3O0ABCDEFGH123")
