"""Worldline (Direct, Connect, Ogone) mapping: pinned behaviour (the checks every provider passes are in
../test_provider_contract.py)."""

from __future__ import annotations

import json

from payobs_pipeline.normalization.providers import worldline as module
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event

# What test_provider_contract.py expects of this provider where it differs from every provider's default.
CONTRACT = {
    # Statuses its specs map to that corpus/worldline.json has no case of yet.
    "uncovered_statuses": {
        "UNKNOWN": "status 52, status 62, status 72, status 82, status 92",
    },
}


def test_refusal_codes_carry_the_issuer_iso_code():
    """30 + ISO 8583 code + 1001: 30511001 is 51 (insufficient funds), 30591001 is 59 (suspected fraud)."""
    assert module.ERROR_CODES["30511001"] == "INSUFFICIENT_FUNDS"
    assert module.ERROR_CODES["30591001"] == "SUSPECTED_FRAUD"
    assert module.ERROR_CODES["30541001"] == "EXPIRED_CARD"


def test_the_status_code_table_covers_every_ogone_status():
    for code in ("0", "1", "2", "4", "5", "51", "52", "6", "7", "8", "9", "91", "92", "93", "94", "95", "96", "99"):
        assert code in module.STATUS_CODES


def test_a_rejected_payment_in_a_402_body_reads_the_payment_error_first():
    event = normalized_event({"errorId": "e", "errors": [{"errorCode": "30001001", "httpStatusCode": 402}],
                    "paymentResult": {"payment": {"id": "1_0", "status": "REJECTED",
                                                  "statusOutput": {"statusCategory": "UNSUCCESSFUL", "statusCode": 2,
                                                                   "errors": [{"errorCode": "30591001"}]},
                                                  "paymentOutput": {"amountOfMoney": {"amount": 100,
                                                                                      "currencyCode": "EUR"}}}}})
    assert str(event.failure_reason) == "SUSPECTED_FRAUD"
    assert event.raw_reason_code == "30591001"


def test_prepare_is_pure():
    body = {"payment": {"id": "1_0", "status": "CAPTURED", "statusOutput": {"statusCategory": "COMPLETED"},
                        "paymentOutput": {"cardPaymentMethodSpecificOutput": {"paymentProductId": 3}}}}
    before = json.dumps(body, sort_keys=True)
    assert module.prepare(body)["payment"][module.CARD_BRAND_KEY] == "mastercard"
    assert json.dumps(body, sort_keys=True) == before


def _ncresponse(**attributes: str) -> str:
    return "<?xml version=\"1.0\"?><ncresponse " + " ".join(f'{k}="{v}"' for k, v in attributes.items()) + "/>"


def test_epdq_names_the_ogone_platform():
    """Barclaycard ePDQ is the Ingenico e-Commerce (Ogone) platform: its hint names the worldline spec."""
    for hint in ("epdq", "Barclaycard ePDQ", "barclaycard_epdq"):
        event = normalized_event({"provider": hint, "content": _ncresponse(
            orderID="o1", PAYID="3001", NCSTATUS="0", NCERROR="0", STATUS="5", amount="1.50", currency="GBP")})
        assert (event.provider, str(event.status_category), event.amount_minor) == ("worldline", "APPROVED", 150)


def test_directlink_reply_reads_every_documented_status_code():
    """The DirectLink XML reply carries the e-Commerce STATUS codes (statuses-and-errors table)."""
    for status, category in module.STATUS_CODES.items():
        event = normalized_event(_ncresponse(orderID="o1", PAYID="3001", NCSTATUS="0", NCERROR="0", STATUS=status,
                                             amount="2", currency="EUR"))
        assert (event.variant, str(event.status_category)) == ("directlink", category)
    assert str(normalized_event(_ncresponse(PAYID="1", PAYIDSUB="2", NCSTATUS="0", NCERROR="0", STATUS="6",
                                            amount="2", currency="EUR")).event_kind) == "VOID"


def test_directlink_ncerror_0_is_no_reason_and_a_refusal_reads_the_issuer_code():
    refused = normalized_event(_ncresponse(PAYID="1", NCSTATUS="3", NCERROR="30541001", STATUS="2"))
    assert (str(refused.failure_reason), refused.raw_reason_code) == ("EXPIRED_CARD", "30541001")
    unexplained = normalized_event(_ncresponse(PAYID="1", NCSTATUS="0", NCERROR="0", STATUS="2"))
    assert (str(unexplained.failure_reason), unexplained.raw_reason_code) == ("UNKNOWN", None)


def test_status_0_with_a_500_error_is_an_invalid_request():
    """STATUS 0 "invalid or incomplete", NCERROR 500...: a payment data field was invalid or missing."""
    for payload in (_ncresponse(PAYID="1", NCSTATUS="5", NCERROR="50001127", STATUS="0"),
                    "PAYID=1&STATUS=0&NCERROR=50001127"):
        event = normalized_event({"provider": "ogone", "content": payload})
        assert (str(event.status_category), str(event.failure_reason)) == ("ERROR", "INVALID_REQUEST")
    duplicate = normalized_event(_ncresponse(PAYID="1", NCSTATUS="5", NCERROR="50001113", STATUS="0"))
    assert str(duplicate.failure_reason) == "DUPLICATE"


def test_status_0_with_a_set_up_or_platform_error_names_that_cause():
    """NCERROR texts naming the merchant's set-up or a technical problem override the 'invalid request' reading."""
    for ncerror, reason in (("50001123", "CONFIGURATION_ERROR"), ("50001184", "CONFIGURATION_ERROR"),
                            ("50001050", "PROCESSING_ERROR"), ("50001133", "DUPLICATE")):
        for payload in (_ncresponse(PAYID="0", NCSTATUS="5", NCERROR=ncerror, STATUS="0"),
                        f"PAYID=0&STATUS=0&NCERROR={ncerror}"):
            event = normalized_event({"provider": "ogone", "content": payload})
            assert (str(event.status_category), str(event.failure_reason)) == ("ERROR", reason), ncerror


def test_prepare_drops_ncerror_0_of_a_directlink_reply_without_touching_the_input():
    body = {"ncresponse": {"@PAYID": "1", "@NCERROR": "0", "@STATUS": "5"}}
    before = json.dumps(body, sort_keys=True)
    assert "@NCERROR" not in module.prepare(body)["ncresponse"]
    assert json.dumps(body, sort_keys=True) == before


def test_a_trimmed_direct_webhook_is_recognised_and_its_card_output_names_the_method():
    from payobs_pipeline_tests.normalization.corpus_checks import normalized_event

    event = normalized_event({"payment": {"paymentOutput": {"cardPaymentMethodSpecificOutput": {
        "paymentProductId": 1, "card": {"cardNumber": "******4242"}}}, "status": "CAPTURED"}})
    assert (event.provider, str(event.status_category), str(event.payment_method)) == ("worldline", "APPROVED", "CARD")


def test_globalcollect_status_ids_are_read_by_range():
    """GlobalCollect STATUSID ranges (DonationInterface GlobalCollectAdapter.php): 600 authorised, 1000-1050 paid."""
    assert module._gc_status_class("600") == "authorised"
    assert module._gc_status_class("1050") == "paid"
    assert module._gc_status_class("1500") == "charged_back"
    assert module._gc_status_class("1900") is None


def test_a_globalcollect_nok_answer_takes_the_echoed_amount_and_the_error_code():
    event = normalized_event(
        "<XML><REQUEST><ACTION>DO_PAYMENT</ACTION><PARAMS><PAYMENT><ORDERID>9</ORDERID><EFFORTID>2</EFFORTID>"
        "<AMOUNT>155</AMOUNT><CURRENCYCODE>USD</CURRENCYCODE></PAYMENT></PARAMS><RESPONSE><RESULT>NOK</RESULT>"
        "<ERROR><CODE>430306</CODE><MESSAGE>Card expired</MESSAGE></ERROR></RESPONSE></REQUEST></XML>")
    assert str(event.status_category) == "DECLINED"
    assert str(event.failure_reason) == "EXPIRED_CARD"
    assert event.raw_reason_code == "430306"
    assert event.amount_minor == 155
