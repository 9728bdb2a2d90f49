"""Authorize.net mapping: AIM delimited responses (CIM directResponse), API error bodies (JSON and XML
ErrorResponse), profile checks that are no payment (the checks every provider passes are in
../test_provider_contract.py)."""

from __future__ import annotations

import pytest

from payobs_pipeline.normalization.evaluation import normalize_lake_data
from payobs_pipeline.normalization.providers import authorizenet as module
from payobs_pipeline_tests.normalization.corpus_checks import NORMALIZER, normalized_event


def _outcome(data):
    return normalize_lake_data(data, None, NORMALIZER)


def _aim(values: dict[int, str], delim: str = ",", encap: str | None = None) -> str:
    fields = [values.get(n, "") for n in range(1, 56)]
    return delim.join(f"{encap}{v}{encap}" for v in fields) if encap else delim.join(fields)


@pytest.mark.parametrize(("delim", "encap"), [(",", None), ("|", None), ("|", "$"), (",", '"')])
def test_aim_response_is_split_whatever_its_delimiter_and_encapsulation(delim, encap):
    text = _aim({1: "2", 2: "1", 3: "27", 4: "The transaction has been declined because of an AVS mismatch.",
                 7: "60111", 10: "12.34", 11: "CC", 12: "auth_only", 52: "Discover"}, delim, encap)
    fields = module.parse_aim_response(text)
    assert fields["x_response_code"] == "2" and fields["x_response_reason_code"] == "27"
    assert (fields["x_trans_id"], fields["x_amount"], fields["x_type"], fields["x_card_type"]) == (
        "60111", "12.34", "auth_only", "Discover")
    event = normalized_event({"directResponse": text, "messages": {"resultCode": "Error", "message": [{"code": "E00027"}]}})
    assert (event.status_category, event.failure_reason, event.failure_source) == ("DECLINED", "INVALID_CARD_DATA",
                                                                                   "CUSTOMER")


@pytest.mark.parametrize("text", ["", "hello", "9,1,1,x", "1 1 1 approved", "1,1,1,too,short"])
def test_text_that_is_no_aim_response_is_left_alone(text):
    assert module.parse_aim_response(text) is None


def test_a_payment_profile_validation_is_no_payment():
    data = ('<validateCustomerPaymentProfileResponse xmlns="AnetApi/xml/v1/schema/AnetApiSchema.xsd"><messages>'
            '<resultCode>Ok</resultCode><message><code>I00001</code><text>Successful.</text></message></messages>'
            '<directResponse>' + _aim({1: "1", 2: "1", 3: "1", 4: "This transaction has been approved.", 7: "0",
                                      10: "0.00", 11: "CC", 12: "auth_only"}) +
            '</directResponse></validateCustomerPaymentProfileResponse>')
    assert _outcome(data).unprocessed_reason == "NOT_A_PAYMENT_EVENT"


@pytest.mark.parametrize(("delim", "encap"), [(",", None), ("|", None), (",", "$")])
def test_a_bare_aim_response_stored_as_the_row_is_read_with_and_without_a_hint(delim, encap):
    # AIM Developer Guide: field 1 response code, 3 reason code (2 = declined), 7 transaction id,
    # 10 amount, 11 method, 12 transaction type.
    text = _aim({1: "2", 2: "1", 3: "2", 4: "This transaction has been declined.", 7: "60112", 10: "5.00",
                 11: "CC", 12: "auth_capture"}, delim, encap)
    for data in (text, {"provider": "Authorize.Net", "content": text}):
        event = normalized_event(data)
        assert (event.provider, event.status_category, event.failure_reason) == (
            "authorizenet", "DECLINED", "GENERIC_DECLINE")
        assert (event.amount_minor, event.provider_transaction_id, event.event_kind) == (500, "60112", "AUTHORIZATION")


def test_an_aim_response_naming_transaction_0_names_no_attempt():
    # Test-mode and refused requests return transaction id 0 (AIM guide): not an id shared by every such row.
    event = normalized_event(_aim({1: "3", 2: "1", 3: "6", 4: "The credit card number is invalid.", 7: "0", 10: "5.00",
                         11: "CC", 12: "auth_capture"}))
    assert (event.status_category, event.failure_reason) == ("DECLINED", "INVALID_CARD_DATA")
    assert event.attempt_id is None and event.provider_transaction_id is None


def _card_present(code: str, inner: str, trans_id: str = "2150000001") -> str:
    return (f'<?xml version="1.0" ?><response><ResponseCode>{code}</ResponseCode>{inner}<AuthCode><![CDATA[]]></AuthCode>'
            f'<AVSResultCode>P</AVSResultCode><CVVResultCode></CVVResultCode><TransID>{trans_id}</TransID>'
            '<RefTransID>0</RefTransID><TransHash>0123456789ABCDEF0123456789ABCDEF</TransHash><TestMode>0</TestMode>'
            '<UserRef></UserRef></response>')


def _errors(*codes: str) -> str:
    return "<Errors>" + "".join(f"<Error><ErrorCode>{c}</ErrorCode><ErrorText>t</ErrorText></Error>" for c in codes) + "</Errors>"


@pytest.mark.parametrize("hint", [None, "authorize.net"])
def test_card_present_xml_response_is_read_with_and_without_a_hint(hint):
    """Card-Present Implementation Guide, XML Response: ErrorCode is the Response Reason Code."""
    cases = [
        ("1", "<Messages><Message><Code>1</Code></Message></Messages>", "APPROVED", None),
        ("2", _errors("2"), "DECLINED", "GENERIC_DECLINE"),
        ("2", _errors("44"), "DECLINED", "INCORRECT_CVC"),  # 44: declined by the card code filter
        ("3", _errors("33", "5"), "ERROR", "INVALID_REQUEST"),
        ("3", _errors("8"), "DECLINED", "EXPIRED_CARD"),  # a refused card answered as an error
        ("4", "<Messages><Message><Code>252</Code></Message></Messages>", "PENDING", None),
    ]
    for code, inner, status, reason in cases:
        content = _card_present(code, inner)
        event = normalized_event({"provider": hint, "content": content} if hint else content)
        assert (event.provider, event.variant, str(event.status_category)) == ("authorizenet", "card_present.xml", status)
        assert (event.failure_reason and str(event.failure_reason)) == reason
        assert str(event.payment_method) == "CARD"


def test_card_present_transaction_0_names_no_transaction():
    event = normalized_event(_card_present("3", _errors("33"), trans_id="0"))
    assert event.provider_transaction_id is None


def test_the_account_currency_only_goes_with_an_amount():
    from payobs_pipeline_tests.normalization.corpus_checks import normalized_event

    base = {"transactionResponse": {"responseCode": "1", "authCode": "A1", "transId": "60", "accountType": "Visa",
                                    "messages": [{"code": "1", "description": "This transaction has been approved."}]},
            "messages": {"resultCode": "Ok", "message": [{"code": "I00001", "text": "Successful."}]}}
    without = normalized_event(base)
    assert (without.amount_minor, without.currency) == (None, None)
    with_amount = normalized_event({**base, "transactionRequest": {"amount": "5.00"}})
    assert (with_amount.amount_minor, with_amount.currency) == (500, "USD")
    stated = normalized_event({**base, "transactionRequest": {"amount": "5.00", "currencyCode": "CAD"}})
    assert stated.currency == "CAD"


def test_an_aim_response_cut_after_its_first_fields_is_read():
    from payobs_pipeline_tests.normalization.corpus_checks import normalized_event

    event = normalized_event("2||| This transaction has been declined.|||1234")
    assert (event.provider, str(event.status_category), str(event.failure_reason)) == (
        "authorizenet", "DECLINED", "GENERIC_DECLINE")
