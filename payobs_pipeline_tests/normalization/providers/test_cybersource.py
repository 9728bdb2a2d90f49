"""CyberSource mapping: issuer codes over generic reasons, lifecycle kinds (the checks every provider passes are in
../test_provider_contract.py)."""

from __future__ import annotations

from payobs_pipeline_tests.normalization.corpus_checks import normalized_event


def test_issuer_iso_code_wins_over_a_generic_decline():
    reply = ("merchantReferenceCode=o1\nrequestID=1\ndecision=REJECT\nreasonCode=203\n"
             "ccAuthReply_reasonCode=203\nccAuthReply_processorResponse=41\n")
    event = normalized_event(reply)
    assert (event.failure_reason, event.raw_reason_code) == ("LOST_OR_STOLEN_CARD", "41")


def test_a_specific_cybersource_reason_wins_over_the_issuer_code():
    reply = ("merchantReferenceCode=o1\nrequestID=1\ndecision=REJECT\nreasonCode=202\n"
             "ccAuthReply_reasonCode=202\nccAuthReply_processorResponse=05\n")
    assert normalized_event(reply).failure_reason == "EXPIRED_CARD"


def test_decision_manager_reject_reads_the_request_reason_not_the_approved_auth():
    reply = {"replyMessage": {"requestID": "1", "decision": "REJECT", "reasonCode": "481",
                              "ccAuthReply": {"reasonCode": "100", "amount": "1.00"},
                              "purchaseTotals": {"currency": "USD"}}}
    event = normalized_event(reply)
    assert (event.status_category, event.failure_reason, event.failure_source) == (
        "DECLINED", "RISK_REJECTED", "MERCHANT_RISK")


def test_sale_with_auth_and_capture_stays_an_authorization():
    reply = ("requestID=9\ndecision=ACCEPT\nreasonCode=100\npurchaseTotals_currency=EUR\n"
             "ccAuthReply_reasonCode=100\nccAuthReply_amount=12.34\nccCaptureReply_reasonCode=100\n"
             "ccCaptureReply_amount=12.34\n")
    event = normalized_event(reply)
    assert (event.event_kind, event.status_category, event.amount_minor) == ("AUTHORIZATION", "APPROVED", 1234)


def test_failed_refund_is_declined_not_an_error():
    reply = "requestID=7\ndecision=REJECT\nreasonCode=241\nccCreditReply_reasonCode=241\n"
    event = normalized_event(reply)
    assert (event.event_kind, event.status_category, event.failure_reason) == ("REFUND", "DECLINED", "INVALID_REQUEST")


def test_failed_reversal_is_a_void_error():
    reply = "requestID=8\ndecision=REJECT\nreasonCode=237\nccAuthReversalReply_reasonCode=237\n"
    event = normalized_event(reply)
    assert (event.event_kind, event.status_category) == ("VOID", "ERROR")
