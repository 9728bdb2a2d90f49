from decimal import Decimal

import pytest

from payobs_pipeline.normalization.currency import (
    MAX_MINOR_UNITS,
    MINOR_UNIT_EXPONENTS,
    NUMERIC_TO_ALPHA,
    WITHDRAWN_MINOR_UNIT_EXPONENTS,
    AmountError,
    minor_unit_exponent,
    normalize_currency,
    to_minor_units,
)


def reason_of(call, *args, **kwargs) -> str:
    with pytest.raises(AmountError) as raised:
        call(*args, **kwargs)
    return raised.value.reason_code


# --- the ISO 4217 table ---------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "exponent"),
    [
        ("USD", 2), ("EUR", 2), ("BRL", 2), ("MXN", 2), ("COP", 2), ("ARS", 2), ("HUF", 2), ("IDR", 2),
        ("JPY", 0), ("KRW", 0), ("CLP", 0), ("VND", 0), ("ISK", 0), ("UGX", 0), ("PYG", 0), ("XOF", 0),
        ("XAF", 0), ("XPF", 0), ("KWD", 3), ("BHD", 3), ("JOD", 3), ("OMR", 3), ("TND", 3), ("LYD", 3),
        ("IQD", 3), ("CLF", 4), ("UYW", 4), ("SLE", 2), ("VED", 2), ("ZWG", 2), ("XCG", 2),
    ],
)
def test_table_holds_iso_exponents(code, exponent):
    assert MINOR_UNIT_EXPONENTS[code] == exponent
    assert minor_unit_exponent(code) == exponent


def test_table_covers_the_active_list_with_valid_exponents():
    assert len(MINOR_UNIT_EXPONENTS) >= 160
    assert set(MINOR_UNIT_EXPONENTS.values()) == {0, 2, 3, 4}
    assert all(len(code) == 3 and code.isalpha() and code.isupper() for code in MINOR_UNIT_EXPONENTS)


@pytest.mark.parametrize("code", ["XAU", "XAG", "XPT", "XPD", "XXX", "XTS", "XDR", "XBA", "XSU", "XUA"])
def test_codes_without_minor_unit_are_not_payment_currencies(code):
    assert code not in MINOR_UNIT_EXPONENTS
    assert reason_of(normalize_currency, code) == "UNKNOWN_CURRENCY"


def test_recently_withdrawn_codes_are_accepted_but_not_listed_as_active():
    for code in ("HRK", "BGN", "ZWL", "SLL", "CUC", "ANG"):
        assert code not in MINOR_UNIT_EXPONENTS
        assert normalize_currency(code.lower()) == code
    assert WITHDRAWN_MINOR_UNIT_EXPONENTS["HRK"] == 2
    assert to_minor_units("12.34", "HRK", "major") == 1234


# --- normalize_currency ----------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("usd", "USD"), (" brl\n", "BRL"), ("Jpy", "JPY"), ("986", "BRL"), ("840", "USD"), (840, "USD"),
     ("036", "AUD"), ("36", "AUD"), (36, "AUD"), ("978", "EUR"), ("532", "XCG"), ("191", "HRK")],
)
def test_normalize_currency_accepts_alpha_and_numeric_codes(raw, expected):
    assert normalize_currency(raw) == expected


@pytest.mark.parametrize("raw", ["", "US", "USDX", "ABC", "999", "000", "1000", None, True, 3.0, ["USD"], -840])
def test_normalize_currency_rejects_unknown_codes(raw):
    assert reason_of(normalize_currency, raw) == "UNKNOWN_CURRENCY"


def test_numeric_table_maps_back_to_active_alpha_codes():
    assert NUMERIC_TO_ALPHA["986"] == "BRL"
    assert all(len(number) == 3 and number.isdigit() for number in NUMERIC_TO_ALPHA)


# --- to_minor_units ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "currency", "unit", "expected"),
    [
        # TAXONOMY.md examples
        ("50.00", "USD", "major", 5000),
        (500, "JPY", "major", 500),
        ("1.500", "KWD", "major", 1500),
        (5000, "CLP", "minor", 5000),
        # minor-unit providers
        (5000, "USD", "minor", 5000),
        ("5000", "USD", "minor", 5000),
        ("5000.00", "USD", "minor", 5000),
        (0, "USD", "minor", 0),
        # major-unit providers
        (50, "USD", "major", 5000),
        ("0.5", "USD", "major", 50),
        (".5", "USD", "major", 50),
        ("+7", "EUR", "major", 700),
        ("10.000", "USD", "major", 1000),  # extra decimals that are zeros are fine
        ("1.5", "CLF", "major", 15000),
        (" 12.34 ", "BRL", "major", 1234),
        (Decimal("19.99"), "EUR", "major", 1999),
        (Decimal("1E+3"), "USD", "major", 100000),
        ("-0.00", "USD", "major", 0),
        # the currency is normalized when not canonical
        ("50.00", "usd", "major", 5000),
        ("50.00", "840", "major", 5000),
    ],
)
def test_to_minor_units_converts_exactly(value, currency, unit, expected):
    assert to_minor_units(value, currency, unit) == expected


@pytest.mark.parametrize(("value", "expected"), [(0.29, 29), (1.15, 115), (10.1, 1010), (19.99, 1999), (4.35, 435)])
def test_floats_are_read_through_repr_not_binary_arithmetic(value, expected):
    # int(0.29 * 100) is 28: binary arithmetic would lose a cent.
    assert to_minor_units(value, "USD", "major") == expected


def test_integral_float_in_minor_units_is_accepted():
    assert to_minor_units(5000.0, "USD", "minor") == 5000


@pytest.mark.parametrize(
    ("value", "expected"),
    [("1,234.56", 123456), ("1,234,567", 123456700), ("12,345,678.9", 1234567890),
     ("1.234,56", 123456), ("1.234.567,8", 123456780), ("12,50", 1250), ("12,5", 1250)],
)
def test_unambiguous_thousands_and_decimal_comma_forms(value, expected):
    assert to_minor_units(value, "EUR", "major") == expected


@pytest.mark.parametrize("value", ["1,234", "12,500", "1.234.567", "1 234,56", "1,23.4", "$10", "10 USD", "1e3",
                                   "NaN", "inf", "", "   ", "-", ".", "abc", "1..2"])
def test_ambiguous_or_non_numeric_strings_are_invalid(value):
    assert reason_of(to_minor_units, value, "EUR", "major") == "INVALID_AMOUNT"


@pytest.mark.parametrize("value", [None, True, False, float("nan"), float("inf"), Decimal("NaN"), [1], {"v": 1}])
def test_non_amount_values_are_invalid(value):
    assert reason_of(to_minor_units, value, "USD", "minor") == "INVALID_AMOUNT"


@pytest.mark.parametrize(("value", "unit"), [(-1, "minor"), ("-0.01", "major"), (-10.5, "major"),
                                             (Decimal("-3"), "minor")])
def test_negative_amounts_are_rejected(value, unit):
    assert reason_of(to_minor_units, value, "USD", unit) == "NEGATIVE_AMOUNT"


def test_amount_limit_is_inclusive_at_ten_to_the_fifteen_minor_units():
    assert to_minor_units(MAX_MINOR_UNITS, "USD", "minor") == MAX_MINOR_UNITS
    assert to_minor_units("10000000000000.00", "USD", "major") == MAX_MINOR_UNITS
    assert reason_of(to_minor_units, MAX_MINOR_UNITS + 1, "USD", "minor") == "AMOUNT_TOO_LARGE"
    assert reason_of(to_minor_units, "10000000000000.01", "USD", "major") == "AMOUNT_TOO_LARGE"
    assert reason_of(to_minor_units, 1e300, "USD", "major") == "AMOUNT_TOO_LARGE"
    assert reason_of(to_minor_units, Decimal("1E+999999999"), "USD", "major") == "AMOUNT_TOO_LARGE"


@pytest.mark.parametrize(
    ("value", "currency", "unit"),
    [("10.005", "USD", "major"), ("500.5", "JPY", "major"), ("1.5005", "KWD", "major"),
     ("5000.5", "USD", "minor"), (0.001, "USD", "major"), (Decimal("1E-200"), "USD", "major")],
)
def test_amounts_finer_than_the_minor_unit_are_rejected(value, currency, unit):
    assert reason_of(to_minor_units, value, currency, unit) == "FRACTIONAL_MINOR_UNITS"


def test_unknown_currency_is_reported_by_to_minor_units():
    assert reason_of(to_minor_units, 100, "ABC", "minor") == "UNKNOWN_CURRENCY"


@pytest.mark.parametrize(
    ("value", "currency", "exponent", "expected"),
    [
        (1000, "USD", 2, 1000),   # Worldpay value="1000" exponent="2": 10.00 USD
        ("1000", "JPY", 2, 10),   # 10.00 JPY is 10 yen
        (1500, "KWD", 2, 15000),  # 15.00 KWD in fils
        ("1000", "USD", 0, 100000),
        (1000, "KWD", 3, 1000),
    ],
)
def test_provider_exponent_is_converted_into_iso_minor_units(value, currency, exponent, expected):
    assert to_minor_units(value, currency, "minor", exponent=exponent) == expected


def test_provider_exponent_that_does_not_fit_iso_minor_units_is_fractional():
    assert reason_of(to_minor_units, 1050, "JPY", "minor", exponent=2) == "FRACTIONAL_MINOR_UNITS"


@pytest.mark.parametrize("exponent", [-1, 19, "2", 2.0, True])
def test_invalid_provider_exponent_is_an_invalid_amount(exponent):
    assert reason_of(to_minor_units, 1000, "USD", "minor", exponent=exponent) == "INVALID_AMOUNT"


def test_exponent_is_ignored_for_major_values():
    assert to_minor_units("10.00", "USD", "major", exponent=2) == 1000


def test_unknown_unit_is_a_programming_error_not_bad_data():
    with pytest.raises(ValueError) as raised:
        to_minor_units(100, "USD", "cents")
    assert not isinstance(raised.value, AmountError)


def test_amount_error_is_a_value_error_with_reason_code_and_detail():
    with pytest.raises(ValueError) as raised:
        to_minor_units("12,500", "USD", "major")
    assert raised.value.reason_code == "INVALID_AMOUNT"
    assert "12,500" in str(raised.value)


def test_numeric_codes_padded_to_four_digits_are_read():
    from payobs_pipeline.normalization.currency import normalize_currency

    assert normalize_currency("0604") == "PEN"
    assert normalize_currency("0986") == "BRL"
