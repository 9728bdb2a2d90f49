"""Midtrans mapping: pinned behaviour (the checks every provider passes are in ../test_provider_contract.py)."""

from __future__ import annotations

from payobs_pipeline.normalization.providers import midtrans as module
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event


def _notification(**kw):
    data = {"transaction_time": "2024-06-19 15:50:28", "transaction_status": "capture", "transaction_id": "t-1",
            "status_message": "midtrans payment notification", "status_code": "200", "payment_type": "credit_card",
            "order_id": "o-1", "gross_amount": "10000.00", "fraud_status": "accept", "currency": "IDR"}
    data.update(kw)
    return data


def test_transaction_time_is_western_indonesian_time():
    assert normalized_event(_notification()).event_time.isoformat() == "2024-06-19T08:50:28+00:00"


def test_a_challenged_capture_is_pending_until_the_merchant_decides():
    assert str(normalized_event(_notification(fraud_status="challenge")).status_category) == "PENDING"


def test_the_bank_code_of_a_denied_card_gives_the_reason():
    event = normalized_event(_notification(transaction_status="deny", status_code="202", channel_response_code="54",
                                 channel_response_message="Expired card"))
    assert (str(event.failure_reason), event.raw_reason_code) == ("EXPIRED_CARD", "54")


def test_a_refund_is_the_latest_refunds_entry():
    event = normalized_event(_notification(transaction_status="partial_refund", refund_amount="3000.00",
                                 refunds=[{"refund_chargeback_id": 1, "refund_amount": "1000.00"},
                                          {"refund_chargeback_id": 2, "refund_amount": "2000.00"}]))
    assert (event.refund_id, event.amount_minor, event.attempt_id, event.payment_id) == ("2", 200000, "t-1", "o-1")


def test_a_payment_status_names_no_refund_object():
    assert normalized_event(_notification(transaction_status="settlement")).refund_id is None


def test_a_snap_redirect_states_no_amount_and_no_currency():
    # Snap's Finish Redirect URL: ?order_id=...&status_code=...&transaction_status=...
    event = normalized_event({"order_id": "ORDER-1", "status_code": "200", "transaction_status": "settlement"})
    assert (event.provider, str(event.status_category), event.amount_minor, event.currency, event.payment_id) == (
        "midtrans", "APPROVED", None, None, "ORDER-1")


def test_a_deny_the_fds_accepted_is_the_payment_providers_refusal():
    """fraud_status accept on a deny without a bank code: the provider refused (GENERIC_DECLINE), not the FDS."""
    prepared = module.prepare({"transaction_status": "deny", "fraud_status": "accept", "status_code": "200"})
    assert prepared[module.BANK_CODE_KEY] == module.PROVIDER_DENIED
    assert module.SPEC["reason_map"][module.PROVIDER_DENIED] == "GENERIC_DECLINE"
