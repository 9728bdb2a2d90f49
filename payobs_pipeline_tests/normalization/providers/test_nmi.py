"""NMI mapping: lifecycle kinds by transaction type, webhooks (the checks every provider passes are in
../test_provider_contract.py)."""

from __future__ import annotations

import pytest

from payobs_pipeline.normalization.evaluation import normalize_lake_data
from payobs_pipeline_tests.normalization.corpus_checks import NORMALIZER, normalized_event

# What test_provider_contract.py expects of this provider where it differs from every provider's default.
CONTRACT = {
    # Statuses its specs map to that corpus/nmi.json has no case of yet.
    "uncovered_statuses": {
        "CHARGEBACK": "status transaction.check.status.latereturn, status transaction.check.status.return",
        "PENDING": "status in_progress, status transaction.credit.unknown, status transaction.refund.unknown",
        "UNKNOWN": ("status transaction.auth.unknown, status transaction.capture.unknown, status transaction.sale.unknown, "
                    "status transaction.validate.unknown, status transaction.void.unknown, status unknown"),
    },
}

SLUG = "nmi"


@pytest.mark.parametrize("alias", ["NMI", "Network Merchants", "networkmerchants", "Merchant One", "Durango"])
def test_white_label_aliases_name_nmi(alias):
    data = {"gateway": alias, "content": "response=2&responsetext=DECLINE&transactionid=1&type=sale&response_code=202"}
    assert normalized_event(data).provider == SLUG


def test_failed_refund_is_declined_and_failed_void_is_an_error():
    refund = normalized_event("response=2&responsetext=DECLINE&transactionid=5&type=refund&response_code=200")
    void = normalized_event("response=3&responsetext=Transaction already settled&transactionid=6&type=void&response_code=300")
    assert (refund.event_kind, refund.status_category) == ("REFUND", "DECLINED")
    assert (void.event_kind, void.status_category) == ("VOID", "ERROR")


def test_gateway_rejection_on_a_decline_is_risk():
    event = normalized_event("response=2&responsetext=Transaction Rejected&transactionid=7&type=sale&response_code=300")
    assert (event.failure_reason, event.failure_source) == ("RISK_REJECTED", "PSP_RISK")


def test_recurring_webhook_is_not_a_payment():
    outcome = normalize_lake_data({"event_id": "1", "event_type": "recurring.subscription.add",
                                   "event_body": {"subscription_id": "123"}}, None, NORMALIZER)
    assert outcome.unprocessed_reason == "NOT_A_PAYMENT_EVENT"


def test_check_return_webhook_is_a_returned_item():
    data = {"event_id": "2", "event_type": "transaction.check.status.return",
            "event_body": {"transaction_id": "88", "transaction_type": "ck", "currency": "USD",
                           "action": {"amount": "40.00", "action_type": "sale", "date": "20240314102030",
                                      "response_code": "100"}}}
    event = normalized_event(data)
    assert (event.status_category, event.payment_method, event.amount_minor) == ("CHARGEBACK", "DIRECT_DEBIT", 4000)
