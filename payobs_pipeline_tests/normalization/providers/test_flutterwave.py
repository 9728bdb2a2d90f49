"""Flutterwave v3 mapping: pinned behaviour (the checks every provider passes are in ../test_provider_contract.py)."""

from __future__ import annotations

from payobs_pipeline_tests.normalization.corpus_checks import normalized_event


def test_the_card_country_is_read_from_its_name():
    event = normalized_event({"status": "success", "message": "ok",
                    "data": {"id": 1, "tx_ref": "t", "flw_ref": "FLW-1", "amount": 10, "currency": "NGN",
                             "status": "successful", "payment_type": "card",
                    "card": {"country": "NIGERIA NG", "type": "VISA"}}})
    assert (event.card_country, event.card_brand, event.amount_minor) == ("NG", "visa", 1000)


def test_a_refund_without_currency_has_no_guessed_amount():
    body = {"status": "success", "message": "ok",
            "data": {"id": 7, "tx_id": 9, "flw_ref": "URF_1", "amount_refunded": 65, "status": "completed"}}
    event = normalized_event(body)
    assert (event.amount_minor, event.currency, event.refund_id, event.attempt_id) == (None, None, "7", "9")
    assert body["data"]["amount_refunded"] == 65  # prepare is pure


def test_the_processor_message_is_the_reason():
    event = normalized_event({"event": "charge.completed", "data": {"id": 2, "tx_ref": "t", "flw_ref": "FLW-2", "amount": 5,
                    "currency": "USD", "status": "failed", "payment_type": "card",
                    "processor_response": "Incorrect PIN"}})
    assert (str(event.failure_reason), str(event.failure_source)) == ("AUTHENTICATION_FAILED", "CUSTOMER")
