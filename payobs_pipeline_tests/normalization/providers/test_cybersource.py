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


def _tdr(replies: str, amount: str = "<Amount>12.00</Amount><CurrencyCode>usd</CurrencyCode>") -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?><Report Name="Transaction Detail" Version="1.5" MerchantID="m" '
            'ReportStartDate="2024-01-01T00:00:00Z" ReportEndDate="2024-01-02T00:00:00Z"><Requests>'
            '<Request RequestID="r1" RequestDate="2024-01-01T10:00:00Z" MerchantReferenceNumber="o1">'
            '<PaymentMethod><Card><CardType>Visa</CardType></Card></PaymentMethod>'
            f'<ApplicationReplies>{replies}</ApplicationReplies><PaymentData>{amount}</PaymentData>'
            '</Request></Requests></Report>')


def _reply(name: str, rcode: str, rflag: str) -> str:
    return f'<ApplicationReply Name="{name}"><RCode>{rcode}</RCode><RFlag>{rflag}</RFlag></ApplicationReply>'


def test_transaction_detail_report_request_is_read_from_its_application_replies():
    """RCode 1 succeeded, 0 declined, -1 error; DREVIEW holds the order; the service names the event kind."""
    cases = [
        (_reply("ics_auth", "1", "SOK"), "APPROVED", None, "AUTHORIZATION"),
        (_reply("ics_auth", "1", "SOK") + _reply("ics_bill", "1", "SOK"), "APPROVED", None, "AUTHORIZATION"),
        (_reply("ics_bill", "1", "SOK"), "APPROVED", None, "CAPTURE"),
        (_reply("ics_credit", "1", "SOK"), "REFUNDED", None, "REFUND"),
        (_reply("ics_auth_reversal", "1", "SOK"), "CANCELLED", None, "VOID"),
        (_reply("ics_auth", "0", "DCARDEXPIRED"), "DECLINED", "EXPIRED_CARD", "AUTHORIZATION"),
        (_reply("ics_auth", "0", "DCV"), "DECLINED", "INCORRECT_CVC", "AUTHORIZATION"),
        (_reply("ics_auth", "1", "SOK") + _reply("ics_decision", "0", "DREVIEW"), "PENDING", None, "AUTHORIZATION"),
        (_reply("ics_auth", "1", "SOK") + _reply("ics_decision", "0", "DREJECT"), "DECLINED", "RISK_REJECTED",
         "AUTHORIZATION"),
        (_reply("ics_auth", "-1", "ESYSTEM"), "ERROR", "PROCESSING_ERROR", "AUTHORIZATION"),
        (_reply("ics_auth", "-1", "ETIMEOUT"), "UNKNOWN", "TIMEOUT", "AUTHORIZATION"),
    ]
    for replies, status, reason, kind in cases:
        event = normalized_event(_tdr(replies))
        assert (event.variant, str(event.status_category), event.failure_reason and str(event.failure_reason),
                str(event.event_kind)) == ("tdr.request", status, reason, kind), replies
        assert (event.amount_minor, event.currency, event.card_brand) == (1200, "USD", "visa")


def test_a_score_flag_on_a_successful_reply_is_no_refusal():
    """ics_score with RCode 1 (DSCORE reported, not applied) leaves a successful authorization approved."""
    event = normalized_event(_tdr(_reply("ics_auth", "1", "SOK") + _reply("ics_score", "1", "DSCORE")))
    assert str(event.status_category) == "APPROVED"


def test_rest_payment_reply_without_links_is_detected_by_its_amount_details():
    """A REST payment reply trimmed to status, processorInformation and orderInformation.amountDetails
    (PtsV2PaymentsPost201Response) is CyberSource's without a hint; AUTHORIZED is an approval."""
    event = normalized_event({
        "id": "6461731521426399003473",
        "status": "AUTHORIZED",
        "processorInformation": {"approvalCode": "831000", "responseCode": "00"},
        "orderInformation": {"amountDetails": {"authorizedAmount": "102.21", "currency": "USD"}},
    })
    assert event.provider == "cybersource"
    assert event.status_category.value == "APPROVED"
    assert event.normalization_method == "provider_mapping"


def test_scmp_review_flag_is_pending_and_a_timeout_unknown():
    """SCMP replies: ics_rflag DREVIEW holds the order for review (480); ETIMEOUT leaves the outcome unknown."""
    base = {"request_id": "0112233445566778899003", "ics_rmsg": "m", "auth_auth_amount": "10.00", "currency": "USD"}
    review = normalized_event({**base, "ics_rcode": "0", "ics_rflag": "DREVIEW"})
    timeout = normalized_event({**base, "ics_rcode": "-1", "ics_rflag": "ETIMEOUT"})
    assert (review.variant, str(review.status_category)) == ("scmp", "PENDING")
    assert (str(timeout.status_category), str(timeout.failure_reason)) == ("UNKNOWN", "TIMEOUT")
