"""Authorize.net mapping: AIM delimited responses (CIM directResponse), API error bodies (JSON and XML
ErrorResponse), profile checks that are no payment, its SDK fixtures and other event kinds, and lifecycle identity
(the checks every provider passes, its corpus/authorizenet.json labels among them, are in
../test_provider_contract.py)."""

from __future__ import annotations

import pytest

from payobs_pipeline.normalization.evaluation import normalize_lake_data
from payobs_pipeline.normalization.providers import authorizenet as module
from payobs_pipeline_tests.normalization.corpus_checks import (
    NORMALIZER,
    assert_broad_corpus,
    assert_case_matches_labels,
    assert_no_deprecated_country_field,
    assert_own_shape_wins,
    assert_status_maps_compile,
    case_ids,
    docs_examples,
    has_hint,
    normalized_event,
    other_event_kinds,
)
from payobs_pipeline_tests.normalization.lifecycle_events import canonical_event, lifecycle_identity

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


SLUG = "authorizenet"
# sdk_and_docs_examples/ (SDK fixtures and docs examples) and other_event_kinds/ (other event types, wrappers;
# rows that are no payment outcome stay unprocessed): earlier rounds, training data. corpus/authorizenet.json's
# labels are checked by test_provider_contract.py.
CORPUS_CASES = docs_examples(SLUG) + other_event_kinds(SLUG)
UNHINTED = [case for case in CORPUS_CASES if not has_hint(case["data"]) and "unprocessed" not in case["expected"]]


@pytest.mark.parametrize("case", CORPUS_CASES, ids=case_ids(CORPUS_CASES))
def test_corpus_case_matches_its_labels(case):
    """Customer and subscription webhooks and refused voids stay unprocessed with their reason: never payment
    outcomes."""
    assert_case_matches_labels(case)


def test_corpus_covers_the_required_ground():
    assert_broad_corpus(SLUG)


@pytest.mark.parametrize("case", UNHINTED, ids=case_ids(UNHINTED))
def test_unhinted_payload_is_recognised_by_shape(case):
    assert_own_shape_wins(case)


def test_every_status_in_the_spec_maps_to_a_status_category():
    assert_status_maps_compile(SLUG)


def test_no_spec_uses_the_deprecated_country_field():
    assert_no_deprecated_country_field(SLUG)


# --- lifecycle identity: the rows of one payment's lifecycle share their attempt_id -------------------------


def _event(data):
    return canonical_event(data, NORMALIZER)


_identity = lifecycle_identity


def _anet_response(response_code, trans_id, request):
    # createTransactionResponse with the createTransactionRequest's transactionRequest kept beside it.
    return {"transactionRequest": {"amount": "25.00", **request},
            "transactionResponse": {"responseCode": response_code, "transId": trans_id, "accountType": "Visa"},
            "messages": {"resultCode": "Ok", "message": [{"code": "I00001", "text": "Successful."}]}}


def test_authorizenet_follow_on_transactions_name_the_authorization():
    auth = _event(_anet_response("1", "60001", {"transactionType": "authOnlyTransaction",
                                                "billTo": {"country": "US"}}))
    capture = _event(_anet_response("1", "60001", {"transactionType": "priorAuthCaptureTransaction",
                                                   "refTransId": "60001"}))
    refund = _event(_anet_response("1", "60002", {"transactionType": "refundTransaction", "refTransId": "60001"}))
    refund_declined = _event(_anet_response("2", "0", {"transactionType": "refundTransaction",
                                                       "refTransId": "60001"}))
    void = _event(_anet_response("1", "60001", {"transactionType": "voidTransaction", "refTransId": "60001"}))
    void_failed = _event(_anet_response("3", "0", {"transactionType": "voidTransaction", "refTransId": "60001"}))
    assert _identity(auth) == ("AUTHORIZATION", "APPROVED", "60001", None, None, None)
    assert auth.customer_country == "US"
    assert _identity(capture) == ("CAPTURE", "APPROVED", "60001", None, None, None)
    assert _identity(refund) == ("REFUND", "REFUNDED", "60001", None, "60002", None)
    assert _identity(refund_declined)[:3] == ("REFUND", "DECLINED", "60001")
    assert _identity(void) == ("VOID", "CANCELLED", "60001", None, None, None)
    assert _identity(void_failed)[:3] == ("VOID", "ERROR", "60001")


def test_authorizenet_webhooks_and_details_give_kinds():
    def webhook(event_type, trans_id, code=1):
        return {"notificationId": "n1", "eventType": event_type, "eventDate": "2024-06-10T10:00:00Z",
                "webhookId": "w1", "payload": {"responseCode": code, "authAmount": 25.0, "entityName": "transaction",
                                               "id": trans_id}}

    voided = _event(webhook("net.authorize.payment.void.created", "60001"))
    refunded = _event(webhook("net.authorize.payment.refund.created", "60002"))
    captured = _event(webhook("net.authorize.payment.priorAuthCapture.created", "60001"))
    assert _identity(voided) == ("VOID", "CANCELLED", "60001", None, None, None)
    # The refund webhook does not name the refunded transaction: no attempt_id rather than a wrong one.
    assert _identity(refunded) == ("REFUND", "REFUNDED", None, None, "60002", None)
    assert _identity(captured) == ("CAPTURE", "APPROVED", "60001", None, None, None)
    details = _event({"transaction": {"transId": "60002", "refTransId": "60001", "transactionType": "refundTransaction",
                                      "transactionStatus": "refundSettledSuccessfully", "settleAmount": "10.00",
                                      "submitTimeUTC": "2024-06-11T10:00:00Z"},
                      "messages": {"resultCode": "Ok"}})
    assert _identity(details) == ("REFUND", "REFUNDED", "60001", None, "60002", None)


def test_an_aim_line_encapsulated_in_the_delimiter_formats_splits_on_is_read_field_by_field():
    # AIM guide: x_encap_char and x_delim_char are the merchant's choice. With | around each field and , between
    # them, formats splits on | and the fields sit at every second position; a refused card (reason 8, expired) stays
    # a refusal with its reason.
    line = "|3|,|1|,|8|,|The credit card has expired.|,||,|P|,|0|,|INV-6|,||,|12.50|,|CC|,|auth_only|"
    event = normalize_lake_data({"content": line}).event
    assert (str(event.status_category), str(event.failure_reason), event.amount_minor, event.provider_transaction_id) \
        == ("DECLINED", "EXPIRED_CARD", 1250, None)
