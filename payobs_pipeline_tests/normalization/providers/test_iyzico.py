"""iyzico mapping: pinned behaviour (the checks every provider passes are in ../test_provider_contract.py)."""

from __future__ import annotations

from payobs_pipeline_tests.normalization.corpus_checks import normalized_event


def _failure(code, group=None, **kw):
    body = {"status": "failure", "errorCode": code, "errorMessage": "...", "locale": "tr",
            "systemTime": 1755197726218, "conversationId": "123456789"}
    if group:
        body["errorGroup"] = group
    body.update(kw)
    return body


def _payment(**kw):
    body = {"status": "success", "locale": "tr", "systemTime": 1755536577419, "conversationId": "order-1",
            "price": "1.0", "paidPrice": "1.1", "installment": 1, "paymentId": "24478123", "fraudStatus": 1,
            "cardType": "CREDIT_CARD", "cardAssociation": "MASTER_CARD", "cardFamily": "Bonus", "currency": "TRY",
            "itemTransactions": [{"paymentTransactionId": "27169345", "price": "1.0", "paidPrice": "1.1"}],
            "phase": "AUTH"}
    body.update(kw)
    return body


def test_the_charged_amount_is_paid_price_not_the_basket_price():
    event = normalized_event(_payment(price="100.0", paidPrice="108.50", installment=3))
    assert (event.amount_minor, event.currency) == (10850, "TRY")


def test_an_amount_without_currency_is_try_and_a_failure_without_amount_has_no_currency():
    assert normalized_event(_payment(currency=None)).currency == "TRY"
    assert normalized_event(_failure("10051", "NOT_SUFFICIENT_FUNDS")).currency is None


def test_bank_codes_are_declines_and_api_codes_are_errors():
    bank = normalized_event(_failure("10005", "DO_NOT_HONOUR"))
    api = normalized_event(_failure("5062"))
    unlisted = normalized_event(_failure("5555"))
    assert (str(bank.status_category), str(bank.failure_reason)) == ("DECLINED", "GENERIC_DECLINE")
    assert (str(api.status_category), str(api.failure_reason)) == ("ERROR", "INVALID_REQUEST")
    assert (str(unlisted.status_category), str(unlisted.failure_reason), unlisted.raw_reason_code) == (
        "ERROR", "INVALID_REQUEST", "5555")


def test_the_error_group_gives_the_reason_of_an_unlisted_bank_code():
    event = normalized_event(_failure("10999", "NOT_SUFFICIENT_FUNDS"))
    assert (str(event.status_category), str(event.failure_reason)) == ("DECLINED", "INSUFFICIENT_FUNDS")


def test_a_technical_bank_failure_is_an_error():
    event = normalized_event(_failure("10214", "COMMUNICATION_OR_SYSTEM_ERROR"))
    assert (str(event.status_category), str(event.failure_reason)) == ("ERROR", "PROCESSING_ERROR")


def test_fraud_engine_rejection_and_fraud_status():
    assert str(normalized_event(_failure("6000")).failure_reason) == "RISK_REJECTED"
    rejected = normalized_event(_payment(fraudStatus=-1))
    assert (str(rejected.status_category), str(rejected.failure_reason)) == ("DECLINED", "RISK_REJECTED")
    assert str(normalized_event(_payment(fraudStatus=0)).status_category) == "PENDING"


def test_a_failed_3ds_payment_without_a_known_code_reads_md_status():
    event = normalized_event(_failure(None, status="failure", paymentId="25149157", mdStatus="0"))
    assert str(event.failure_reason) == "AUTHENTICATION_FAILED"


def test_a_refund_names_the_payment_it_refunds():
    event = normalized_event({"status": "success", "locale": "en", "systemTime": 1755703798426,
                              "conversationId": "c1", "paymentId": "25180188", "paymentTransactionId": "27169345",
                              "price": 5, "currency": "TRY", "refundHostReference": "rhr-1"})
    assert (str(event.event_kind), event.refund_id, event.attempt_id, event.amount_minor) == (
        "REFUND", "rhr-1", "25180188", 500)


def test_a_checkout_form_token_is_the_payment_of_its_attempts():
    event = normalized_event(_payment(token="tok-1", paymentStatus="SUCCESS"))
    assert (event.payment_id, event.attempt_id) == ("tok-1", "24478123")


def test_six_digit_api_codes_are_not_bank_codes():
    event = normalized_event(_failure("100001"))
    assert (str(event.status_category), str(event.failure_reason)) == ("ERROR", "PROCESSING_ERROR")


def test_a_verified_3ds_callback_is_pending_until_the_auth_call():
    event = normalized_event({"provider": "iyzico", "payload": {
        "status": "success", "paymentId": "25149157", "conversationData": "%7B...", "conversationId": "c1",
        "mdStatus": "1"}})
    assert (str(event.status_category), event.attempt_id) == ("PENDING", "25149157")


def test_a_subscription_cancellation_is_not_a_payment():
    from payobs_pipeline.normalization.evaluation import normalize_lake_data
    from payobs_pipeline_tests.normalization.corpus_checks import NORMALIZER

    outcome = normalize_lake_data({"iyziEventType": "subscription.cancel", "subscriptionReferenceCode": "s1",
                                   "customerReferenceCode": "c1", "iyziReferenceCode": "r1",
                                   "iyziEventTime": 1755604800000}, None, NORMALIZER)
    assert outcome.event is None and outcome.unprocessed_reason == "NOT_A_PAYMENT_EVENT"
