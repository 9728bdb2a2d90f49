"""Omise / Opn Payments mapping: pinned behaviour (the checks every provider passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import omise
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import (
    normalized_event,
    provider_cases,
)

# What test_provider_contract.py expects of this provider where it differs from every provider's default.
CONTRACT = {
    # Statuses its specs map to that corpus/omise.json has no case of yet.
    "uncovered_statuses": {
        "UNKNOWN": "status unknown",
    },
}

CASES = provider_cases("omise")


def test_every_mapped_status_is_a_category():
    compiled = CompiledMapping(omise.SPEC, omise.prepare)
    for variant in compiled.variants:
        assert all(isinstance(status, StatusCategory) for status in variant.status_map.values())
    for raw, category in {**omise.CHARGE_STATUSES, **omise.REFUND_STATUSES}.items():
        assert category in StatusCategory.__members__, raw


def _charge(**kw):
    charge = copy.deepcopy(next(c["data"] for c in CASES if c["name"] == "charge_successful_card_thb"))
    charge.update(kw)
    return charge


def test_every_documented_failure_code_names_a_reason():
    for code in omise.FAILURE_CODES:
        if code == "payment_cancelled":
            continue
        event = normalized_event(_charge(status="failed", failure_code=code, failure_message=None))
        expected = "ERROR" if code in omise.TECHNICAL_FAILURES else "DECLINED"
        assert str(event.status_category) == expected, code
        assert str(event.failure_reason) not in ("UNKNOWN", "None"), code
        assert event.raw_reason_code == code


def test_the_failure_message_is_read_when_no_code_is_given():
    event = normalized_event(_charge(status="failed", failure_code=None, failure_message="insufficient funds"))
    assert str(event.failure_reason) == "INSUFFICIENT_FUNDS"


def test_a_refund_names_its_charge_expanded_or_not():
    refund = copy.deepcopy(next(c["data"] for c in CASES if c["name"] == "refund_closed"))
    refund["charge"] = {"object": "charge", "id": "chrg_test_expanded"}
    event = normalized_event(refund)
    assert (event.attempt_id, event.refund_id, str(event.event_kind)) == (
        "chrg_test_expanded", refund["id"], "REFUND")


def test_a_pending_refund_is_pending():
    refund = copy.deepcopy(next(c["data"] for c in CASES if c["name"] == "refund_closed"))
    refund["status"] = "pending"
    assert str(normalized_event(refund).status_category) == "PENDING"


def test_an_authorized_charge_that_expired_uncaptured_is_a_void():
    event = normalized_event(_charge(status="expired", paid=False, paid_at=None, expired=True,
                                     expired_at="2024-03-12T08:11:20Z"))
    assert (str(event.status_category), str(event.event_kind)) == ("CANCELLED", "VOID")


def test_source_type_families_name_a_method():
    for kind, method in (("installment_kbank", "CARD"), ("mobile_banking_scb", "BANK_TRANSFER"),
                         ("bill_payment_tesco_lotus", "CASH_VOUCHER"), ("duitnow_qr", "BANK_TRANSFER"),
                         ("shopeepay_jumpapp", "WALLET"), ("atome", "BNPL")):
        event = normalized_event(_charge(card=None, source={"object": "source", "type": kind}))
        assert str(event.payment_method) == method, kind
        assert event.card_brand is None


def test_a_charge_serialized_without_status_is_read_from_its_booleans():
    charge = _charge()
    del charge["status"]
    assert str(normalized_event(charge).status_category) == "APPROVED"
    failed = _charge(failure_code="insufficient_fund", paid=False, authorized=False)
    del failed["status"]
    assert str(normalized_event(failed).failure_reason) == "INSUFFICIENT_FUNDS"


def test_aliases_name_omise():
    data = next(c["data"] for c in CASES if c["name"] == "charge_successful_card_thb")
    for alias in ("Omise", "OPN", "Opn Payments", "opn_payments"):
        assert normalized_event({"provider": alias, "payload": copy.deepcopy(data)}).provider == "omise"


def test_a_charge_reversed_under_its_authorization_status_is_a_void():
    event = normalized_event(_charge(status="successful", capture=False, authorized=True, reversed=True))
    assert (str(event.status_category), str(event.event_kind)) == ("CANCELLED", "VOID")


def test_a_list_of_one_object_is_that_object_and_a_longer_list_is_not_one_event():
    dispute = copy.deepcopy(next(c["data"] for c in CASES if c["name"] == "disputes_list_one_lost"))
    event = normalized_event(dispute)
    assert (str(event.event_kind), event.dispute_id) == ("DISPUTE", "dspt_test_60abcdsp0000000000c")
    dispute["data"].append(copy.deepcopy(dispute["data"][0]))
    assert omise.prepare(dispute) is dispute
