"""PAYONE mapping: pinned behaviour (the checks every provider passes: ../test_provider_contract.py)."""

from __future__ import annotations

import pytest

from payobs_pipeline.normalization.providers import payone
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event

_ERROR_ANSWER = "status=ERROR\nerrorcode={code}\nerrormessage=x\ncustomermessage=y"


@pytest.mark.parametrize("code", sorted(payone.ERROR_CODES, key=int))
def test_every_documented_errorcode_has_its_category_and_reason(code):
    # The "Error messages" table: an issuer's or PAYONE's refusal is DECLINED, a request or setup fault ERROR.
    event = normalized_event(_ERROR_ANSWER.format(code=code))
    status, reason = payone.ERROR_CODES[code]
    assert (str(event.status_category), str(event.failure_reason), event.raw_reason_code) == (status, reason, code)


def test_an_undocumented_errorcode_is_an_error_without_a_guessed_reason():
    # PAYONE's own codes are not ISO 8583 codes (its 13 is "limit exceeded"): a code outside its table is not
    # looked up in the issuer table.
    event = normalized_event(_ERROR_ANSWER.format(code="1087"))
    assert (str(event.status_category), str(event.failure_reason)) == ("ERROR", "UNKNOWN")


def test_a_chargeback_is_the_transaction_with_its_sequence_number():
    body = ("key=k&txaction=cancelation&portalid=2012345&aid=12345&clearingtype=elv&txtime=1701388800"
            "&currency=EUR&price=120.00&txid=205387102&reference=ORD-10042&sequencenumber=3&failedcause=obj")
    event = normalized_event(body)
    assert (str(event.event_kind), event.dispute_id, event.attempt_id, event.payment_id, event.raw_reason_code) == (
        "DISPUTE", "205387102-3", "205387102", "ORD-10042", "obj")


def test_a_refund_notice_names_its_refund_and_the_payment():
    body = ("key=k&txaction=refund&portalid=2012345&aid=12345&clearingtype=cc&txtime=1701388800"
            "&currency=EUR&price=49.99&txid=205387102&reference=ORD-10042&sequencenumber=2")
    event = normalized_event(body)
    assert (str(event.event_kind), event.refund_id, event.attempt_id, event.payment_id) == (
        "REFUND", "205387102-2", "205387102", "ORD-10042")
    assert event.amount_minor is None  # the notice's price is the transaction's, not the refund's


def test_notification_time_is_the_unix_txtime():
    body = ("key=k&txaction=paid&portalid=2012345&aid=12345&clearingtype=elv&txtime=1701388800"
            "&currency=EUR&price=120.00&txid=205387102")
    assert normalized_event(body).event_time.isoformat() == "2023-12-01T00:00:00+00:00"


def test_a_refund_request_books_a_negative_amount_read_as_the_refunded_amount():
    event = normalized_event({"request": "refund", "txid": "205387102", "sequencenumber": "2", "amount": "-1500",
                              "currency": "EUR", "status": "APPROVED"})
    assert (str(event.status_category), event.amount_minor, event.refund_id) == ("REFUNDED", 1500, "205387102-2")
