import json
import random
import re

import pytest

from payobs_pipeline.normalization import pii
from payobs_pipeline.normalization.pii import contains_card_number, luhn_valid, mask_payload, mask_text


def check_digit(partial: str) -> str:
    """The Luhn check digit for a partial number (written here independently of pii)."""
    total = 0
    for position, char in enumerate(reversed(partial)):
        digit = int(char)
        if position % 2 == 0:
            digit = digit * 2 - 9 if digit > 4 else digit * 2
        total += digit
    return str((10 - total % 10) % 10)


def with_check_digit(partial: str) -> str:
    return partial + check_digit(partial)


def masked_form(pan: str) -> str:
    return pan[:6] + "*" * (len(pan) - 10) + pan[-4:]


VISA = "4111111111111111"
MASTERCARD = "5555555555554444"
AMEX = "378282246310005"
DINERS = "30569309025904"
DISCOVER = "6011111111111117"
NINETEEN = with_check_digit("622126000000000000")
TWELVE = with_check_digit("50180000000")
TEST_PANS = [VISA, MASTERCARD, AMEX, DINERS, DISCOVER, NINETEEN, TWELVE, "4242424242424242"]


def luhn_valid_runs(text: str) -> list[str]:
    """Contiguous 12-19 digit runs in ``text`` that pass the Luhn check (independent scan)."""
    found = []
    for run in re.findall(r"[0-9]+", text):
        for length in range(12, 20):
            for start in range(len(run) - length + 1):
                window = run[start:start + length]
                if window[0] not in "01" and not (window[0] in "2789" and length < 16) \
                        and check_digit(window[:-1]) == window[-1]:
                    found.append(window)
    return found


# --- Luhn -----------------------------------------------------------------------------


@pytest.mark.parametrize("pan", TEST_PANS)
def test_luhn_accepts_test_card_numbers(pan):
    assert luhn_valid(pan)


@pytest.mark.parametrize("digits", ["4111111111111112", "5555555555554445", "", "7", "4111 1111", "41111a1111",
                                    "４１１１１１１１１１１１１１１１"])
def test_luhn_rejects_wrong_check_digits_and_non_digits(digits):
    assert not luhn_valid(digits)


# --- card numbers in text ----------------------------------------------------------------


@pytest.mark.parametrize("pan", TEST_PANS)
def test_card_numbers_of_every_length_and_brand_are_masked(pan):
    masked = mask_text(f"card {pan} end")
    assert masked == f"card {masked_form(pan)} end"
    assert pan not in masked


def test_mask_keeps_first_six_and_last_four_digits():
    assert mask_text("4242424242424242") == "424242******4242"
    assert mask_text(AMEX) == "378282*****0005"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4242 4242 4242 4242", "424242******4242"),
        ("4242-4242-4242-4242", "424242******4242"),
        ("3782 822463 10005", "378282*****0005"),
        ("pan: 5555-5555-5555-4444.", "pan: 555555******4444."),
        ("4242 4242-4242 4242", "424242******4242"),
    ],
)
def test_grouped_card_numbers_are_masked_without_separators(text, expected):
    assert mask_text(text) == expected


def test_card_number_next_to_other_groups_is_found_by_its_own_window():
    assert mask_text(f"{VISA} 2025") == f"{masked_form(VISA)} 2025"
    assert mask_text("qty 2 4111 1111 1111 1111") == "qty 2 411111******1111"


@pytest.mark.parametrize(
    "text",
    [
        "order 4111111111111112 shipped",          # not Luhn-valid
        "41111111111111111234",                    # 20 digits: its Luhn-valid first 16 are part of a longer run
        "x" + "9" * 25,
        "call +1 415 555 2671",                    # phone number
        "ids 1234567 and 89012345",
        "4111 1111 1111 1112",                     # grouped, no Luhn-valid window
        "4242  4242  4242  4242",                  # double spaces: four runs of 4 digits, not one card
    ],
)
def test_runs_that_are_not_card_numbers_are_kept(text):
    assert mask_text(text) is text
    assert not contains_card_number(text)


def test_luhn_valid_epoch_timestamps_and_zero_padded_ids_are_kept():
    milliseconds = with_check_digit("170925120000")
    microseconds = with_check_digit("170925120000000")
    padded_id = with_check_digit("010000000000000")
    for value in (milliseconds, microseconds, padded_id):
        assert luhn_valid(value)
        text = f'{{"created": {value}}}'
        assert mask_text(text) is text


def test_luhn_valid_compact_timestamps_starting_with_two_are_kept():
    # Autopay's paymentDate 20161206235539 (yyyyMMddHHmmss) passes the Luhn check; no card of 12 to 15 digits
    # starts with 2 (Mastercard 2221-2720 and Mir 2200-2204 numbers have 16 to 19 digits).
    assert luhn_valid("20161206235539")
    for value in ("20161206235539", with_check_digit("20250101120"), with_check_digit("20261130235959")):
        assert luhn_valid(value)
        for text in (f'{{"paymentDate": "{value}"}}', f"<paymentDate>{value}</paymentDate>", f"date={value}"):
            assert mask_text(text) is text
            assert not contains_card_number(text)


def test_luhn_valid_twelve_to_fifteen_digit_ids_starting_with_seven_to_nine_are_kept():
    # No card of 12 to 15 digits starts with 7, 8 or 9 (UnionPay 81 and Troy 9792 numbers have 16 to 19 digits).
    for value in ("780044371927", with_check_digit("81234567890"), with_check_digit("97921234567890")):
        assert luhn_valid(value) and len(value) < 16
        text = f'{{"order_number": "{value}"}}'
        assert mask_text(text) is text


def test_sixteen_digit_and_longer_cards_starting_with_two_eight_or_nine_are_masked():
    for pan in ("2223003122003222", with_check_digit("220070000000000"), with_check_digit("222100000000000000"),
                with_check_digit("812345678901234"), with_check_digit("979212345678901")):
        assert luhn_valid(pan) and len(pan) >= 16
        assert mask_text(f"pan {pan}") == f"pan {masked_form(pan)}"


def test_uatp_card_numbers_starting_with_one_are_masked():
    uatp = with_check_digit("13500000000000")  # 15 digits
    assert mask_text(uatp) == masked_form(uatp)


def test_card_number_in_json_string_keeps_the_document_valid():
    text = json.dumps({"card": {"number": "4242 4242 4242 4242", "brand": "visa"}})
    document = json.loads(mask_text(text))
    assert document["card"] == {"number": "424242******4242", "brand": "visa"}


def test_card_number_written_as_json_number_becomes_a_json_string():
    text = '{"number": 4111111111111111, "amount": 1000, "pan": [5555555555554444.0]}'
    document = json.loads(mask_text(text))
    assert document == {"number": "411111******1111", "amount": 1000, "pan": ["555555******4444"]}


def test_card_number_in_json_escaped_inside_a_json_string_keeps_both_levels_valid():
    inner = json.dumps({"number": 4111111111111111, "cvc": 123})
    text = json.dumps({"content": inner, "format": "json"})
    outer = json.loads(mask_text(text))
    assert json.loads(outer["content"]) == {"number": "411111******1111", "cvc": "***"}


def test_card_numbers_in_xml_csv_and_key_value_text():
    xml = f"<paymentService><card><cardNumber>{VISA}</cardNumber><cvc>123</cvc></card></paymentService>"
    assert mask_text(xml) == (
        "<paymentService><card><cardNumber>411111******1111</cardNumber><cvc>***</cvc></card></paymentService>"
    )
    csv_text = f"id,pan,amount\n1,{MASTERCARD},10.00\n2,{AMEX},5.00\n"
    assert mask_text(csv_text) == "id,pan,amount\n1,555555******4444,10.00\n2,378282*****0005,5.00\n"
    form = f"amount=10.00&card[number]={VISA}&currency=USD"
    assert mask_text(form) == "amount=10.00&card[number]=411111******1111&currency=USD"


def test_masking_never_leaves_a_luhn_valid_run_behind():
    # Masking the card leaves its last four digits next to "1234 5678 9012",
    # which could form a new Luhn-valid run: the result is masked again.
    tail = next(
        f"{a:04d} 5678 9012" for a in range(10000)
        if check_digit(f"1111{a:04d}56789012"[:-1]) == f"1111{a:04d}56789012"[-1]
    )
    for text in (f"{VISA} {tail}", " ".join(TEST_PANS), f"{VISA}-{MASTERCARD}"):
        masked = mask_text(text)
        assert luhn_valid_runs(masked) == []
        assert not contains_card_number(masked)


CORPUS = [
    f'{{"card": {{"number": "{VISA}", "cvc": "123"}}, "email": "jenny.rosen@example.com"}}',
    f"<card><number>{MASTERCARD}</number><ns2:cvv2>456</ns2:cvv2></card>",
    f"card_number,cvv,email\n{AMEX},1234,a.b@example.org\n",
    f"cvv=123&card%5Bnumber%5D={DINERS}&email=jo%40example.com",
    f"{VISA} {VISA} 1234 5678 9012 3456",
    "no pii here at all, order 12345",
]


@pytest.mark.parametrize("text", CORPUS)
def test_masking_is_idempotent(text):
    once = mask_text(text)
    assert mask_text(once) == once


@pytest.mark.parametrize("text", CORPUS)
def test_masked_corpus_holds_no_card_number(text):
    assert luhn_valid_runs(mask_text(text)) == []


def test_contains_card_number():
    assert contains_card_number(f"pan={VISA}")
    assert contains_card_number("4242 4242 4242 4242")
    assert not contains_card_number(masked_form(VISA))
    assert not contains_card_number("4111111111111112")
    assert not contains_card_number("")


# --- security codes -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "key",
    ["cvc", "cvv", "CVV", "Cvc", "cvv2", "cvc2", "cvn", "csc", "security_code", "securityCode", "SecurityCode",
     "card_verification_value", "cardSecurityCode", "card_cvv", "cardCvc", "cv_number", "cvNumber",
     "verificationValue", "paymentCvv", "payment_cvv"],
)
def test_security_code_keys_in_json_are_masked(key):
    text = json.dumps({"card": {key: "123", "brand": "visa"}, "amount": 100})
    assert json.loads(mask_text(text)) == {"card": {key: "***", "brand": "visa"}, "amount": 100}


def test_bare_json_number_security_code_becomes_a_string():
    assert mask_text('{"cvv":123,"cvc": 4567}') == '{"cvv":"***","cvc": "***"}'


def test_null_and_empty_security_codes_are_left_alone():
    text = '{"cvc": null, "cvv": ""}'
    assert mask_text(text) is text


@pytest.mark.parametrize(
    "text",
    ['{"cvc_check": "pass", "cvvResponseCode": "M", "cvcResult": "1 Matches", "cvv_result": "N"}',
     '{"cid": "client-42", "card_code": "VISA"}',
     '{"processor_response": {"avs_code": "Y", "cvv_code": "M"}}',
     "<cid>session-9</cid>"],
)
def test_security_code_results_and_other_meanings_are_kept(text):
    assert mask_text(text) is text


def test_ambiguous_keys_mask_only_three_or_four_digit_values():
    text = '{"cid": "1234", "cardCode": 999, "cvvCode": "123"}'
    assert json.loads(mask_text(text)) == {"cid": "***", "cardCode": "***", "cvvCode": "***"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<cvc>123</cvc>", "<cvc>***</cvc>"),
        ("<cvv2>456</cvv2>", "<cvv2>***</cvv2>"),
        ("<ns2:cvc>123</ns2:cvc>", "<ns2:cvc>***</ns2:cvc>"),
        ("<cvcCode>123</cvcCode>", "<cvcCode>***</cvcCode>"),
        ("<securityCode><![CDATA[1234]]></securityCode>", "<securityCode>***</securityCode>"),
        ('<cardSecurityCode type="x">987</cardSecurityCode>', '<cardSecurityCode type="x">***</cardSecurityCode>'),
        ('<cvc type="x">987</cvc>', '<cvc type="x">***</cvc>'),
        ('<card cvc="123" brand="visa"/>', '<card cvc="***" brand="visa"/>'),
    ],
)
def test_security_codes_in_xml_are_masked(text, expected):
    assert mask_text(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("cvv=123&amount=10", "cvv=***&amount=10"),
        ("amount=10&CVC2=123", "amount=10&CVC2=***"),
        ("card[cvc]=123&card[exp_year]=2030", "card[cvc]=***&card[exp_year]=2030"),
        ("card%5Bcvc%5D=123&x=1", "card%5Bcvc%5D=***&x=1"),
        ("x_card_code=999&x_amount=5", "x_card_code=***&x_amount=5"),
        ("CVV: 123, Security Code = 4567", "CVV: ***, Security Code = ***"),
        ("{'cvv': '123'}", "{'cvv': '***'}"),
    ],
)
def test_security_codes_in_key_value_text_are_masked(text, expected):
    assert mask_text(text) == expected


def test_csv_security_code_column_is_masked_on_every_data_line():
    text = 'id,card_cvv,amount\r\n1,123,10.00\r\n2,"4567",5.00\r\n3,,7.00\r\n'
    assert mask_text(text) == 'id,card_cvv,amount\r\n1,***,10.00\r\n2,"***",5.00\r\n3,,7.00\r\n'


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_csv_with_other_delimiters(delimiter):
    text = delimiter.join(["amount", "Security Code", "note"]) + "\n" + delimiter.join(["1.00", "999", '"a,b"'])
    lines = mask_text(text).split("\n")
    assert lines == [text.split("\n")[0], delimiter.join(["1.00", "***", '"a,b"'])]


def test_csv_carried_in_a_json_string_is_masked_and_stays_valid_json():
    content = "order,cvv,amount\n1,123,10.00\n2,456,5.00\n"
    text = json.dumps({"content": content, "format": "csv"})
    document = json.loads(mask_text(text))
    assert document == {"content": "order,cvv,amount\n1,***,10.00\n2,***,5.00\n", "format": "csv"}


# --- e-mail addresses -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("contact jenny.rosen+shop@example.com now", "contact ***@example.com now"),
        ('{"email": "a@b.co", "cc": "x_y@mail.example.org"}', '{"email": "***@b.co", "cc": "***@mail.example.org"}'),
        ("email=jo.doe%40example.com&x=1", "email=***%40example.com&x=1"),
        ("<email>ops@acme.io</email>", "<email>***@acme.io</email>"),
    ],
)
def test_email_local_parts_are_masked_and_domains_kept(text, expected):
    assert mask_text(text) == expected


@pytest.mark.parametrize("text", ["user@localhost", "price @ 10", "***@example.com", "@example.com"])
def test_non_addresses_and_masked_addresses_are_kept(text):
    assert mask_text(text) is text


# --- the fast path -----------------------------------------------------------------------------


def stripe_like_charge() -> dict:
    return {
        "id": "ch_3OqYkL2eZvKYlo2C1xYz8AbC", "object": "charge", "amount": 5000, "amount_refunded": 0,
        "billing_details": {"address": {"city": "San Francisco", "country": "US", "postal_code": "94103"},
                            "name": "Jenny Rosen", "phone": None},
        "created": 1709251200, "currency": "usd", "customer": "cus_PfW2q9kLmN3oXy",
        "description": "Order 88231 for subscription renewal", "failure_code": "card_declined",
        "outcome": {"network_status": "declined_by_network", "reason": "insufficient_funds", "risk_score": 32,
                    "seller_message": "The bank returned the decline code `insufficient_funds`."},
        "payment_method_details": {"card": {"brand": "visa", "checks": {"cvc_check": "pass"}, "exp_year": 2027,
                                            "last4": "4242", "network": "visa"}, "type": "card"},
        "receipt_url": "https://pay.stripe.com/receipts/payment/CAcaFwoVYWNjdF8xTTJKVGtMa2RJd0h1N2l4KPDw",
        "status": "failed", "metadata": {"format": "csv", "cid_note": "decided"},
    }


def test_clean_payload_is_returned_as_the_same_object_by_the_screen_alone():
    text = json.dumps(stripe_like_charge())
    assert mask_text(text) is text
    # The screen (not the slower maskers) decided: this is what keeps the
    # clean path at a few microseconds per payload.
    assert pii._screen(text) == 0


@pytest.mark.parametrize("text", CORPUS[:-1])
def test_the_screen_passes_every_text_that_needs_masking(text):
    assert mask_text(text) != text
    assert pii._screen(text) != 0


def test_mask_text_rejects_non_strings():
    with pytest.raises(TypeError):
        mask_text(b"4111111111111111")


# --- mask_payload ---------------------------------------------------------------------------------


def test_mask_payload_masks_structurally():
    document = {
        "card": {"number": VISA, "cvc": 123, "cvv": "456", "cardCode": "999", "cid": "client-1",
                 "securityCode": {"value": "789"}, "cvc_check": "pass"},
        "@cvc": "321",
        "card[cvc]": "654",
        "customer": {"email": "jenny@example.com", "ids": [1, 2, 5555555555554444]},
        "content": "cvv=123&amount=10",
        "amount": 5000,
    }
    masked = mask_payload(document)
    assert masked == {
        "card": {"number": "411111******1111", "cvc": "***", "cvv": "***", "cardCode": "***", "cid": "client-1",
                 "securityCode": "***", "cvc_check": "pass"},
        "@cvc": "***",
        "card[cvc]": "***",
        "customer": {"email": "***@example.com", "ids": [1, 2, "555555******4444"]},
        "content": "cvv=***&amount=10",
        "amount": 5000,
    }
    assert document["card"]["cvc"] == 123  # the input is not modified


def test_mask_payload_returns_the_same_objects_where_nothing_changed():
    document = stripe_like_charge()
    assert mask_payload(document) is document
    document["customer_email"] = "jenny@example.com"
    masked = mask_payload(document)
    assert masked is not document
    assert masked["customer_email"] == "***@example.com"
    assert masked["outcome"] is document["outcome"]
    assert masked["payment_method_details"] is document["payment_method_details"]


def test_mask_payload_keeps_empty_and_boolean_security_code_values():
    document = {"cvc": None, "cvv": "", "csc": True, "cvc2": "***"}
    assert mask_payload(document) is document


def test_mask_payload_handles_lists_tuples_and_scalars():
    assert mask_payload([VISA, "ok"]) == ["411111******1111", "ok"]
    assert mask_payload((VISA,)) == ("411111******1111",)
    assert mask_payload(1709251200000) == 1709251200000
    assert mask_payload(4111111111111111) == "411111******1111"
    assert mask_payload(10.5) == 10.5
    assert mask_payload(None) is None


def test_mask_payload_is_idempotent():
    document = {"card": {"number": VISA, "cvc": "123"}, "notes": [f"pan {MASTERCARD}", "mail a@b.io"]}
    once = mask_payload(document)
    assert mask_payload(once) is once


def test_the_screen_never_hides_what_the_maskers_would_mask():
    # Random texts assembled from keys, separators, values, card numbers and
    # punctuation: masking with the screen must equal masking without it.
    rng = random.Random(20240601)
    keys = ["cvc", "CVV2", "cvn", "csc", "cid", "security_code", "Security Code", "card_verification_value",
            "cardSecurityCode", "card_cvv", "cvcCode", "cvNumber", "paymentCvv", "cardCode", "cvc_check"]
    separators = ['": "', '":', "=", ": ", "]=", "%5D=", '\\":\\"', "': '", ">"]
    values = ["123", "4567", "abc", "", "null"]
    numbers = [VISA, "4242 4242 4242 4242", "3782-822463-10005", MASTERCARD]
    filler = ["amount", "<a>", "</cvc>", "\n", "\r\n", ",", ";", "\t", "|", "jo@ex.com", "a%40b.com", "{", "}",
              "[", "card[", "card%5B", "<ns:", "<", " ", '"']
    pools = [keys, separators, values, numbers, filler]
    for _ in range(3000):
        text = "".join(rng.choice(rng.choice(pools)) for _ in range(rng.randint(1, 8)))
        json_text = text.lstrip()[:1] in ("{", "[")
        unscreened = pii._mask_card_numbers(pii._mask_emails(pii._mask_security_codes(text, json_text)), json_text)
        masked = mask_text(text)
        assert masked == unscreened, text
        assert mask_text(masked) == masked, text


def test_grouped_digits_that_are_not_laid_out_like_a_card_are_kept():
    # 8-4-4 digits (a UUID-like id) and a Luhn-valid 16-digit total: an id, not a card.
    uuid_like = "79927398-7139-8713"
    assert pii.luhn_valid(uuid_like.replace("-", ""))
    text = f'{{"transactionId": "{uuid_like}-abcd"}}'
    assert pii.mask_text(text) == text
    assert not pii.contains_card_number(text)
    # The same digits grouped as a card is printed are masked.
    grouped = "7992-7398-7139-8713"
    assert grouped not in pii.mask_text(f'{{"pan": "{grouped}"}}')


def test_digit_runs_glued_to_letters_are_references_not_card_numbers():
    reference = "4111111111111111J"  # Luhn-valid digits, but an alphanumeric token (Adyen-style pspReference)
    text = f'{{"pspReference": "{reference}", "pan": "4111111111111111"}}'
    masked = pii.mask_text(text)
    assert reference in masked
    assert '"pan": "4111111111111111"' not in masked


def test_the_digit_groups_inside_a_uuid_are_not_a_card_number():
    transaction_id = "40fbe5c3-9046-4208-8325-e2e837b031e4"  # 9046 4208 8325 is Luhn-valid
    assert pii.luhn_valid("904642088325")
    assert pii.mask_text(f"transactionId={transaction_id}") == f"transactionId={transaction_id}"


@pytest.mark.parametrize("text", [
    '{"pspReference": "4111111111111111"}',
    '{"originalReference":4111111111111111}',
    "<pspReference>4111111111111111</pspReference>",
    "merchant_id=1&reference_pol=4111111111111111&value=10.00",
    '{"content": "{\\"transactionId\\": \\"4111111111111111\\"}"}',
    # Kushki ticketNumber, CyberSource requestID, Realex pasref, Rede tid/nsu, Paytm TXNID, NMI transactionid.
    '{"ticketNumber": "4111111111111111"}',
    "<requestID>4111111111111111</requestID>",
    "<pasref>4111111111111111</pasref>",
    '{"tid": "4111111111111111", "nsu": "4111111111111111"}',
    "TXNID=4111111111111111&STATUS=TXN_SUCCESS",
    "response=1&transactionid=4111111111111111",
])
def test_luhn_valid_provider_references_are_ids_not_card_numbers(text):
    assert pii.mask_text(text) == text


def test_a_card_number_next_to_a_reference_is_still_masked():
    text = '{"pspReference": "8535296701238764", "card": {"number": "4111111111111111"}}'
    masked = pii.mask_text(text)
    assert "8535296701238764" in masked and "4111111111111111" not in masked


LUHN_VALID_REFERENCE = "8815658961765206"  # a numeric Adyen-style pspReference that happens to pass Luhn


def test_a_document_parsed_out_of_a_string_keeps_its_references_as_the_raw_text_does():
    document = {"pspReference": LUHN_VALID_REFERENCE, "ns2:originalReference": int(LUHN_VALID_REFERENCE),
                "card": {"number": "4111111111111111"}, "note": LUHN_VALID_REFERENCE}
    masked = mask_payload(document)
    assert masked["pspReference"] == LUHN_VALID_REFERENCE
    assert masked["ns2:originalReference"] == int(LUHN_VALID_REFERENCE)
    assert masked["card"]["number"] == "411111******1111" and masked["note"] == "881565******5206"
    text = json.dumps({"pspReference": LUHN_VALID_REFERENCE})
    assert mask_text(text) is text


def test_contains_card_number_follows_the_masking_rules_for_references():
    assert not contains_card_number(f'{{"pspReference": "{LUHN_VALID_REFERENCE}"}}')
    assert not contains_card_number(f"<pspReference>{LUHN_VALID_REFERENCE}</pspReference>")
    assert contains_card_number(f'{{"note": "{LUHN_VALID_REFERENCE}"}}')
    assert contains_card_number(f'{{"pspReference": "x", "pan": "{LUHN_VALID_REFERENCE}"}}')


# The one rule the masker and the warehouse check share: what contains_card_number calls a card number is
# exactly what masking removes, in the text and under a document key.
SHARED_RULE_TEXTS = [
    f'{{"pspReference": "{LUHN_VALID_REFERENCE}"}}', f"txn_id={LUHN_VALID_REFERENCE}&status=ok",
    f"<ns2:pasref>{LUHN_VALID_REFERENCE}</ns2:pasref>", f'{{"note": "{LUHN_VALID_REFERENCE}"}}',
    "declined 5555 5555 5555 4444", "3782-822463-10005", "order 4111 1111 1111 1111", "4111111111111112",
    "epoch 1793840400000", "0000004111111111111111", "ref 993617895204576J",
]


@pytest.mark.parametrize("text", SHARED_RULE_TEXTS)
def test_contains_card_number_is_what_masking_removes(text):
    masked = mask_text(text)
    assert contains_card_number(text) == (masked != text)
    assert not contains_card_number(masked)


@pytest.mark.parametrize(("key", "value"), [
    ("pspReference", LUHN_VALID_REFERENCE), ("ns2:originalReference", int(LUHN_VALID_REFERENCE)),
    ("transaction_id", LUHN_VALID_REFERENCE), ("@orderId", LUHN_VALID_REFERENCE), ("tid", LUHN_VALID_REFERENCE),
    ("note", LUHN_VALID_REFERENCE), ("number", "4111111111111111"), ("pspReference", "ref 4111 1111 1111 1111"),
])
def test_contains_card_number_under_a_key_is_what_mask_payload_removes(key, value):
    kept = mask_payload({key: value})[key] == value
    assert pii.is_reference_id(key, value) == (kept and value != mask_text(str(value)))
    assert contains_card_number(str(value), key=key) == (not kept)


@pytest.mark.parametrize("text, masked", [
    ("card 4111 1111 1111 1111 cvv 123 thanks", "cvv ***"),
    ("customer said CVV2 is 4821", "CVV2 is ***"),
    ("security code #987 over the phone", "security code #***"),
    ('{"note": "Security Code 4821"}', "Security Code ***"),
])
def test_a_security_code_in_free_text_is_masked(text, masked):
    assert masked in mask_text(text)


@pytest.mark.parametrize("text", ["cvv 12345 is not a code", "cvv_check pass", "order 123 shipped", "cvc result M"])
def test_free_text_without_a_security_code_is_left_alone(text):
    assert mask_text(text) == text


@pytest.mark.parametrize("value", ["\tadmin@shop.example.com", "\u00e9admin@shop.example.com",
                                   "line\nbuyer@shop.example.com", "\\admin@shop.example.com"])
def test_masking_an_email_after_a_json_escape_keeps_the_text_json(value):
    # A local part right after an escape (\t, \n, \u00e9) must not take the escape's letter with it:
    # "\t***@..." stays JSON, "\***@..." would not (seen on an Amazon Payment Services reply).
    masked = pii.mask_text(json.dumps({"customer_email": value}))
    email = json.loads(masked)["customer_email"]
    assert email.endswith("***@shop.example.com") and "admin" not in email and "buyer" not in email
