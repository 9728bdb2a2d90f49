"""Nuvei (SafeCharge) mapping: pinned behaviour (the checks every provider passes are in
../test_provider_contract.py)."""

from __future__ import annotations

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import nuvei as module
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event

MAPPING = CompiledMapping(module.SPEC, getattr(module, "prepare", None))


def test_a_zero_extended_code_does_not_hide_the_issuer_reason():
    """Bank declines carry gwExtendedErrorCode 0; the issuer's text in gwErrorReason is the reason."""
    body = {"transactionStatus": "DECLINED", "gwErrorCode": -1, "gwExtendedErrorCode": 0,
            "gwErrorReason": "Insufficient Funds", "transactionId": "1", "internalRequestId": 1,
            "merchantSiteId": "1", "status": "SUCCESS", "errCode": 0}
    event = MAPPING.apply(body)
    assert event.raw_reason_code == "Insufficient Funds"
    assert str(event.failure_reason) == "INSUFFICIENT_FUNDS"
    assert body["gwExtendedErrorCode"] == 0  # prepare is pure


def test_a_filter_code_wins_over_the_text_and_1001_is_read_as_a_filter_code():
    base = {"transactionStatus": "ERROR", "gwErrorCode": -1100, "gwErrorReason": "Invalid Expiration Date",
            "transactionId": "2", "internalRequestId": 1, "merchantSiteId": "1", "status": "SUCCESS", "errCode": 0}
    event = MAPPING.apply({**base, "gwExtendedErrorCode": 1001})
    # 1001 is "Invalid checksum" as an API errCode but an invalid expiration date as a gateway filter code.
    assert str(event.failure_reason) == "INVALID_CARD_DATA"
    assert event.raw_reason_code == "1001"


def test_a_refund_dmn_names_its_refund_and_the_authorization():
    event = normalized_event("ppp_status=OK&Status=APPROVED&TransactionID=900&relatedTransactionId=800&totalAmount=1.00"
                   "&currency=USD&transactionType=Credit&advanceResponseChecksum=x")
    assert (str(event.status_category), str(event.event_kind)) == ("REFUNDED", "REFUND")
    assert (event.refund_id, event.attempt_id) == ("900", "800")


def test_a_declined_refund_is_not_a_refund():
    event = normalized_event("ppp_status=FAIL&Status=DECLINED&ErrCode=-1&Reason=Decline&TransactionID=901"
                   "&relatedTransactionId=800&totalAmount=1.00&currency=USD&transactionType=Credit"
                   "&advanceResponseChecksum=x")
    assert (str(event.status_category), str(event.event_kind)) == ("DECLINED", "REFUND")


def test_a_failed_auth3d_payment_call_is_a_failed_payment_and_a_challenge_is_not():
    from payobs_pipeline_tests.normalization.corpus_checks import NORMALIZER
    from payobs_pipeline.normalization.evaluation import normalize_lake_data

    reply = {"internalRequestId": 1, "status": "SUCCESS", "errCode": 0, "merchantSiteId": "1",
             "transactionType": "Auth3D", "transactionId": "711", "gwErrorCode": -1100, "gwExtendedErrorCode": 1271,
             "gwErrorReason": "sg_transaction must be of type InitAuth3D", "transactionStatus": "ERROR"}
    failed = normalize_lake_data(reply, None, NORMALIZER).event
    assert failed is not None and str(failed.status_category) == "ERROR"
    challenge = normalize_lake_data({**reply, "transactionStatus": "REDIRECT", "gwErrorCode": 0,
                                     "gwExtendedErrorCode": 0}, None, NORMALIZER)
    assert challenge.event is None and challenge.unprocessed_reason == "NOT_A_PAYMENT_EVENT"


def _hinted(payload):
    from payobs_pipeline_tests.normalization.corpus_checks import NORMALIZER
    from payobs_pipeline.normalization.evaluation import normalize_lake_data

    return normalize_lake_data({"provider": "nuvei", "payload": payload}, None, NORMALIZER)


def test_an_api_error_is_an_error_whatever_the_code_says():
    # docs.nuvei.com response-handling: status ERROR means the request itself failed; errCode (0 = none) says why,
    # from the API Response Codes table, whose texts the reason repeats (1066 "Invalid request").
    no_code = _hinted({"status": "ERROR", "errCode": 0, "reason": ""}).event
    assert (str(no_code.status_category), str(no_code.failure_reason), no_code.amount_minor) == ("ERROR", "UNKNOWN", None)
    checksum = _hinted({"status": "ERROR", "errCode": 1001, "reason": "Invalid checksum"}).event
    assert (str(checksum.status_category), str(checksum.failure_reason)) == ("ERROR", "CONFIGURATION_ERROR")
    by_text = _hinted({"status": "ERROR", "errCode": 9999, "reason": "Session expired"}).event
    assert (str(by_text.status_category), str(by_text.failure_reason)) == ("ERROR", "INVALID_REQUEST")
    without_status = _hinted({"errCode": 1057, "reason": "Invalid order ID"}).event
    assert (str(without_status.status_category), str(without_status.failure_reason)) == ("ERROR", "INVALID_REQUEST")
    # errCode 0 and no status: nothing says the request failed.
    assert _hinted({"errCode": 0, "reason": ""}).event is None


def test_a_dmn_without_ppp_status_is_read_by_its_page_transaction_id():
    # docs.nuvei.com payment-dmns: PPP_TransactionID and Status are DMN fields; totalAmount in major units.
    event = normalized_event("Status=DECLINED&PPP_TransactionID=5501&totalAmount=25.50&currency=EUR"
                             "&responseTimeStamp=2024-05-01.10:00:00&advanceResponseChecksum=x&Reason=Decline")
    assert (event.provider, str(event.status_category), event.amount_minor, event.currency) == (
        "nuvei", "DECLINED", 2550, "EUR")
