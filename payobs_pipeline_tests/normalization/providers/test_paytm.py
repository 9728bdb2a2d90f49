"""Paytm mapping: pinned behaviour (the checks every provider passes are in ../test_provider_contract.py)."""

from __future__ import annotations

from payobs_pipeline_tests.normalization.corpus_checks import normalized_event


def _status(result_status, code, **body):
    data = {"resultInfo": {"resultStatus": result_status, "resultCode": code, "resultMsg": "x"}, "txnId": "T1",
            "orderId": "O1", "txnAmount": "10.00", "mid": "M1", "paymentMode": "UPI",
            "txnDate": "2024-03-01 10:00:00.0"}
    data.update(body)
    return {"head": {"responseTimestamp": "1", "version": "v1", "signature": "s"}, "body": data}


def test_upi_is_a_bank_transfer_and_txn_date_is_india_time():
    event = normalized_event(_status("TXN_SUCCESS", "01"))
    assert str(event.payment_method) == "BANK_TRANSFER"
    assert event.event_time.isoformat() == "2024-03-01T04:30:00+00:00"


def test_a_user_who_did_not_complete_the_payment_cancelled_it():
    assert str(normalized_event(_status("TXN_FAILURE", "141")).status_category) == "CANCELLED"


def test_an_integration_failure_is_an_error_not_a_decline():
    event = normalized_event(_status("TXN_FAILURE", "335"))
    assert (str(event.status_category), str(event.failure_reason)) == ("ERROR", "CONFIGURATION_ERROR")


def test_a_refund_is_its_own_object_naming_the_transaction():
    data = {"head": {"signature": "s"}, "body": {"orderId": "O1", "mid": "M1", "refId": "R1", "refundId": "PR1",
            "txnId": "T1", "refundAmount": "5.00", "resultInfo": {"resultStatus": "TXN_SUCCESS", "resultCode": "10",
                                                                   "resultMsg": "Refund Successfull"}}}
    event = normalized_event(data)
    assert (event.refund_id, event.attempt_id, event.payment_id, event.amount_minor) == ("PR1", "T1", "O1", 500)
