"""CloudPayments mapping: pinned behaviour (the checks every provider
passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.evaluation import normalize_lake_data
from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import cloudpayments
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import NORMALIZER, normalized_event, provider_cases

CASES = provider_cases("cloudpayments")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(cloudpayments.SPEC)
    assert set(cloudpayments.STATUSES.values()) <= set(StatusCategory.__members__)
    reasons = cloudpayments.REASONS.values()
    assert {r["reason"] if isinstance(r, dict) else r for r in reasons} <= set(FailureReason.__members__)
    assert set(cloudpayments.REASON_NAMES.values()) <= set(cloudpayments.REASONS)


@pytest.mark.parametrize(("code", "expected"), [
    (5041, "LOST_OR_STOLEN_CARD"),
    (5014, "INVALID_CARD_DATA"),
    (5065, "LIMIT_EXCEEDED"),
    (5091, "ISSUER_UNAVAILABLE"),
    (5057, "TRANSACTION_NOT_PERMITTED"),
])
def test_each_reason_code_of_a_declined_transaction_is_its_reason(code, expected):
    document = _case("charge_declined_insufficient_funds")
    document["Model"]["ReasonCode"] = code
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == ("DECLINED", expected, str(code))


def test_the_reason_name_is_read_when_the_code_is_missing():
    document = _case("charge_declined_insufficient_funds")
    document["Model"]["ReasonCode"] = None
    document["Model"]["Reason"] = "StolenCard"
    assert normalized_event(document).failure_reason == "LOST_OR_STOLEN_CARD"


def _fail_notification(reason: str, code: int) -> dict:
    """A Fail notification ("Уведомления": Fail) as posted, without the card fields a token payment may lack."""
    return {"TransactionId": "1504881", "Amount": "250.00", "Currency": "KZT", "PaymentAmount": "250.00",
            "PaymentCurrency": "KZT", "OperationType": "Payment", "InvoiceId": "inv-9", "AccountId": "user-9",
            "SubscriptionId": "", "Email": "buyer@example.com", "DateTime": "2023-03-05 10:15:00", "TestMode": "0",
            "Status": "Declined", "StatusCode": "5", "Reason": reason, "ReasonCode": str(code)}


@pytest.mark.parametrize(("reason", "code", "expected"), [
    ("InsufficientFunds", 5051, "INSUFFICIENT_FUNDS"),
    ("DoNotHonor", 5005, "GENERIC_DECLINE"),
    ("ExpiredCard", 5054, "EXPIRED_CARD"),
])
def test_a_fail_notification_is_cloudpayments_without_a_hint_and_its_reason_code_decides(reason, code, expected):
    event = normalized_event(_fail_notification(reason, code))
    assert (event.provider, event.status_category, event.failure_reason) == ("cloudpayments", "DECLINED", expected)
    assert (event.amount_minor, event.currency, event.raw_reason_code) == (25000, "KZT", str(code))


def test_a_pay_notification_without_its_currency_reads_the_status_but_not_the_amount():
    pay = {"TransactionId": "1504882", "Amount": "990.00", "OperationType": "Payment", "SubscriptionId": "sc_77",
           "Email": "buyer@example.com", "DateTime": "2023-03-06 10:15:00", "TestMode": "0", "Status": "Completed"}
    event = normalized_event(pay)
    assert (event.provider, event.status_category, event.amount_minor, event.currency) == (
        "cloudpayments", "APPROVED", None, None)
    assert normalized_event({**pay, "Currency": "USD"}).amount_minor == 99000


def test_a_recurrent_notification_is_no_payment_whatever_its_subscription_id_looks_like():
    recurrent = {"Id": "sub-2023-77", "AccountId": "user-9", "Description": "Monthly plan", "Email": "buyer@example.com",
                 "Amount": "990.00", "Currency": "RUB", "RequireConfirmation": "0", "StartDate": "2023-01-01 00:00:00",
                 "Interval": "Month", "Period": "1", "Status": "PastDue", "SuccessfulTransactionsNumber": "2",
                 "FailedTransactionsNumber": "1", "LastTransactionDate": "2023-03-01 00:00:00",
                 "NextTransactionDate": "2023-03-02 00:00:00"}
    outcome = normalize_lake_data(recurrent, None, NORMALIZER)
    assert (outcome.event, outcome.unprocessed_reason) == (None, "NOT_A_PAYMENT_EVENT")
