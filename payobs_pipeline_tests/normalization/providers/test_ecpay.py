"""ECPay mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import ecpay
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

# What test_provider_contract.py expects of this provider where it differs from every provider's default.
CONTRACT = {
    # ECPay documents no decline: a payment result other than RtnCode 1 is "交易異常" (UNKNOWN, to be checked).
    "decline_reasons": 0,
}

CASES = provider_cases("ecpay")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_is_canonical():
    CompiledMapping(ecpay.SPEC)
    assert set(ecpay.TRADE_STATUSES.values()) <= set(StatusCategory.__members__)


def test_a_payment_result_other_than_paid_is_never_a_guessed_decline():
    document = _case("return_url_credit_paid")
    document["RtnCode"] = "10100058"
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason, event.raw_status) == ("UNKNOWN", "UNKNOWN", "10100058")


def test_an_issued_code_is_pending_and_a_failed_issue_an_error():
    assert normalized_event(_case("payment_info_atm_account_issued")).status_category == "PENDING"
    assert normalized_event(_case("payment_info_code_not_issued")).status_category == "ERROR"


def test_the_order_number_ties_the_trade_and_a_periodic_charge_is_its_own_attempt():
    paid = normalized_event(_case("return_url_credit_paid"))
    assert (paid.payment_id, paid.attempt_id, paid.provider_transaction_id) == \
        ("ORD20240301A", "2403011200000010", "2403011200000010")
    period = normalized_event(_case("period_return_authorized"))
    assert (period.payment_id, period.attempt_id) == ("SUB20240301A", "11223344")


def test_twd_major_units_become_minor_units():
    assert normalized_event(_case("query_trade_info_unpaid")).amount_minor == 64000
