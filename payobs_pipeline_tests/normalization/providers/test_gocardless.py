"""GoCardless mapping: pinned behaviour (the checks every provider passes are in ../test_provider_contract.py)."""

from __future__ import annotations

from payobs_pipeline_tests.normalization.corpus_checks import normalized_event


def test_the_cause_wins_over_the_scheme_code():
    event = normalized_event({"events": [{"id": "EV1", "created_at": "2024-03-08T10:00:00.000Z", "resource_type": "payments",
                                "action": "failed", "links": {"payment": "PM1"},
                                "details": {"origin": "bank", "cause": "insufficient_funds",
                                            "reason_code": "ARUDD-0"}}]})
    assert event.raw_reason_code == "insufficient_funds"
    assert str(event.failure_reason) == "INSUFFICIENT_FUNDS"


def test_a_scheme_code_alone_is_read():
    event = normalized_event({"events": [{"id": "EV2", "created_at": "2024-03-08T10:00:00.000Z", "resource_type": "payments",
                                "action": "failed", "links": {"payment": "PM2"},
                                "details": {"origin": "bank", "scheme": "sepa_core", "reason_code": "AM04"}}]})
    assert str(event.failure_reason) == "INSUFFICIENT_FUNDS"


def test_a_chargeback_is_the_payments_dispute():
    event = normalized_event({"events": [{"id": "EV3", "created_at": "2024-03-08T10:00:00.000Z", "resource_type": "payments",
                                "action": "charged_back", "links": {"payment": "PM3"}, "details": {"origin": "bank"}}]})
    assert (event.dispute_id, event.attempt_id, str(event.event_kind)) == ("PM3", "PM3", "DISPUTE")


def test_gocardless_is_always_direct_debit():
    assert str(normalized_event({"payments": {"id": "PM4", "status": "confirmed", "amount": 100, "currency": "GBP",
                                    "links": {"mandate": "MD1"}}}).payment_method) == "DIRECT_DEBIT"


def test_a_legacy_webhook_bill_without_currency_keeps_no_amount():
    """Legacy bill webhooks (legacy-api-docs bill_webhook.http.md) state amounts but no currency: none is guessed."""
    from payobs_pipeline.normalization.evaluation import normalize_lake_data
    body = {"payload": {"resource_type": "bill", "action": "withdrawn", "signature": "s",
                        "bills": [{"id": "B1", "status": "withdrawn", "amount": "20.0",
                                   "uri": "https://gocardless.com/api/v1/bills/B1"}]}}
    event = normalize_lake_data(body, None).event
    assert (event.provider, str(event.status_category), event.amount_minor, event.currency) == (
        "gocardless", "APPROVED", None, None)
    with_currency = {"payload": {**body["payload"], "bills": [{**body["payload"]["bills"][0], "currency": "GBP"}]}}
    event = normalize_lake_data(with_currency, None).event
    assert (event.amount_minor, event.currency) == (2000, "GBP")
