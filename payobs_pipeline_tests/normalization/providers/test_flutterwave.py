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


def test_a_verified_card_transaction_without_flw_ref_or_payment_type_is_told_by_its_card():
    # verify-transaction response: card {last_4digits, token "flw-t..."}; kept by an integration without flw_ref.
    event = normalized_event({"status": "success",
                              "data": {"id": "99", "status": "successful", "amount": 25.5, "currency": "GHS",
                                       "card": {"last_4digits": "4081", "token": "flw-t1nf-0a1b2c3d4e5f-m03k"}}})
    assert (event.provider, str(event.status_category), str(event.payment_method)) == ("flutterwave", "APPROVED",
                                                                                       "CARD")
    assert (event.amount_minor, event.currency) == (2550, "GHS")


def test_a_transfer_rate_quote_is_not_a_payment():
    from payobs_pipeline.normalization.evaluation import normalize_lake_data

    quote = {"status": "success", "message": "Transfer amount fetched",
             "data": {"rate": 0.0064, "source": {"currency": "NGN", "amount": 78125},
                      "destination": {"currency": "GHS", "amount": 500}}}
    assert normalize_lake_data({"provider": "flutterwave", "payload": quote}, None).unprocessed_reason == (
        "NOT_A_PAYMENT_EVENT")


def test_a_successful_v2_charge_needs_charge_code_00():
    # Rave v2 verification: give value only when status is successful and chargecode is 00 or 0.
    def verify(code):
        return normalized_event({"status": "success", "message": "Tx Fetched",
                                 "data": {"txid": 1, "txref": "r", "flwref": "FLW-1", "amount": 5, "currency": "NGN",
                                          "chargecode": code, "status": "successful"}})
    assert str(verify("00").status_category) == "APPROVED"
    assert str(verify("0").status_category) == "APPROVED"
    assert str(verify("02").status_category) == "PENDING"


def test_the_v2_webhook_event_type_names_the_method():
    event = normalized_event({"id": 1, "txRef": "r", "flwRef": "FLW-1", "amount": 10, "currency": "KES",
                              "status": "successful", "event.type": "MPESA_TRANSACTION"})
    assert (event.provider, str(event.payment_method), event.payment_id) == ("flutterwave", "WALLET", "r")
