"""Currency codes and exact conversion of provider amounts into ISO 4217 minor units.

``amount_minor`` in ``normalized_events`` is an integer in the ISO 4217 minor
units of ``currency`` (docs/taxonomy.md). Providers send either minor units (Stripe,
Adyen, Checkout.com, ...) or major units as decimal numbers or strings (PayPal,
MercadoPago, Braintree, ...), and Worldpay XML sends a value with its own
``exponent``. Everything here is exact integer/decimal arithmetic: a float is
read through its shortest ``repr`` and never multiplied as a binary float.

Amount strings accepted by :func:`to_minor_units`:

* plain decimals: ``"50"``, ``"50.00"``, ``"-1.5"``, ``".5"``, ``"+7"``;
* comma thousands groups only where unambiguous: ``"1,234.56"`` (decimal
  point present) or ``"1,234,567"`` (two or more groups);
* dot thousands groups with a decimal comma: ``"1.234,56"``;
* a lone decimal comma with one or two decimals: ``"12,50"``.

Rejected as ``INVALID_AMOUNT`` because they are ambiguous or not amounts:
``"1,234"`` (one thousand or 1.234?), ``"12,500"``, ``"1.234.567"``,
``"1 234,56"``, currency symbols, exponent notation in strings, ``"NaN"``.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal
from typing import Final

from payobs_pipeline.normalization.unprocessed_reasons import UnprocessedReason

# The amount refusals of the one vocabulary (normalization/unprocessed_reasons.py).
INVALID_AMOUNT: Final = UnprocessedReason.INVALID_AMOUNT
NEGATIVE_AMOUNT: Final = UnprocessedReason.NEGATIVE_AMOUNT
AMOUNT_TOO_LARGE: Final = UnprocessedReason.AMOUNT_TOO_LARGE
FRACTIONAL_MINOR_UNITS: Final = UnprocessedReason.FRACTIONAL_MINOR_UNITS
UNKNOWN_CURRENCY: Final = UnprocessedReason.UNKNOWN_CURRENCY

# Above this an amount is a data error, not a payment (10**15 cents is ten
# trillion dollars); it also keeps every result inside a Postgres bigint.
MAX_MINOR_UNITS: Final = 10**15

# ISO 4217 list one (published 2026-01-01): alpha code -> (numeric code, minor
# unit exponent). Only entries with a minor unit; the precious metals, bond
# market units, SDR, testing and "no currency" codes (XAU, XAG, XPD, XPT,
# XBA-XBD, XDR, XSU, XUA, XTS, XXX) have none and are not payment currencies.
_ISO_4217: Final[dict[str, tuple[str, int]]] = {
    "AED": ("784", 2),  # UAE Dirham
    "AFN": ("971", 2),  # Afghani
    "ALL": ("008", 2),  # Lek
    "AMD": ("051", 2),  # Armenian Dram
    "AOA": ("973", 2),  # Kwanza
    "ARS": ("032", 2),  # Argentine Peso
    "AUD": ("036", 2),  # Australian Dollar
    "AWG": ("533", 2),  # Aruban Florin
    "AZN": ("944", 2),  # Azerbaijan Manat
    "BAM": ("977", 2),  # Convertible Mark
    "BBD": ("052", 2),  # Barbados Dollar
    "BDT": ("050", 2),  # Taka
    "BHD": ("048", 3),  # Bahraini Dinar
    "BIF": ("108", 0),  # Burundi Franc
    "BMD": ("060", 2),  # Bermudian Dollar
    "BND": ("096", 2),  # Brunei Dollar
    "BOB": ("068", 2),  # Boliviano
    "BOV": ("984", 2),  # Mvdol
    "BRL": ("986", 2),  # Brazilian Real
    "BSD": ("044", 2),  # Bahamian Dollar
    "BTN": ("064", 2),  # Ngultrum
    "BWP": ("072", 2),  # Pula
    "BYN": ("933", 2),  # Belarusian Ruble
    "BZD": ("084", 2),  # Belize Dollar
    "CAD": ("124", 2),  # Canadian Dollar
    "CDF": ("976", 2),  # Congolese Franc
    "CHE": ("947", 2),  # WIR Euro
    "CHF": ("756", 2),  # Swiss Franc
    "CHW": ("948", 2),  # WIR Franc
    "CLF": ("990", 4),  # Unidad de Fomento
    "CLP": ("152", 0),  # Chilean Peso
    "CNY": ("156", 2),  # Yuan Renminbi
    "COP": ("170", 2),  # Colombian Peso
    "COU": ("970", 2),  # Unidad de Valor Real
    "CRC": ("188", 2),  # Costa Rican Colon
    "CUP": ("192", 2),  # Cuban Peso
    "CVE": ("132", 2),  # Cabo Verde Escudo
    "CZK": ("203", 2),  # Czech Koruna
    "DJF": ("262", 0),  # Djibouti Franc
    "DKK": ("208", 2),  # Danish Krone
    "DOP": ("214", 2),  # Dominican Peso
    "DZD": ("012", 2),  # Algerian Dinar
    "EGP": ("818", 2),  # Egyptian Pound
    "ERN": ("232", 2),  # Nakfa
    "ETB": ("230", 2),  # Ethiopian Birr
    "EUR": ("978", 2),  # Euro
    "FJD": ("242", 2),  # Fiji Dollar
    "FKP": ("238", 2),  # Falkland Islands Pound
    "GBP": ("826", 2),  # Pound Sterling
    "GEL": ("981", 2),  # Lari
    "GHS": ("936", 2),  # Ghana Cedi
    "GIP": ("292", 2),  # Gibraltar Pound
    "GMD": ("270", 2),  # Dalasi
    "GNF": ("324", 0),  # Guinean Franc
    "GTQ": ("320", 2),  # Quetzal
    "GYD": ("328", 2),  # Guyana Dollar
    "HKD": ("344", 2),  # Hong Kong Dollar
    "HNL": ("340", 2),  # Lempira
    "HTG": ("332", 2),  # Gourde
    "HUF": ("348", 2),  # Forint
    "IDR": ("360", 2),  # Rupiah
    "ILS": ("376", 2),  # New Israeli Sheqel
    "INR": ("356", 2),  # Indian Rupee
    "IQD": ("368", 3),  # Iraqi Dinar
    "IRR": ("364", 2),  # Iranian Rial
    "ISK": ("352", 0),  # Iceland Krona
    "JMD": ("388", 2),  # Jamaican Dollar
    "JOD": ("400", 3),  # Jordanian Dinar
    "JPY": ("392", 0),  # Yen
    "KES": ("404", 2),  # Kenyan Shilling
    "KGS": ("417", 2),  # Som
    "KHR": ("116", 2),  # Riel
    "KMF": ("174", 0),  # Comorian Franc
    "KPW": ("408", 2),  # North Korean Won
    "KRW": ("410", 0),  # Won
    "KWD": ("414", 3),  # Kuwaiti Dinar
    "KYD": ("136", 2),  # Cayman Islands Dollar
    "KZT": ("398", 2),  # Tenge
    "LAK": ("418", 2),  # Lao Kip
    "LBP": ("422", 2),  # Lebanese Pound
    "LKR": ("144", 2),  # Sri Lanka Rupee
    "LRD": ("430", 2),  # Liberian Dollar
    "LSL": ("426", 2),  # Loti
    "LYD": ("434", 3),  # Libyan Dinar
    "MAD": ("504", 2),  # Moroccan Dirham
    "MDL": ("498", 2),  # Moldovan Leu
    "MGA": ("969", 2),  # Malagasy Ariary
    "MKD": ("807", 2),  # Denar
    "MMK": ("104", 2),  # Kyat
    "MNT": ("496", 2),  # Tugrik
    "MOP": ("446", 2),  # Pataca
    "MRU": ("929", 2),  # Ouguiya
    "MUR": ("480", 2),  # Mauritius Rupee
    "MVR": ("462", 2),  # Rufiyaa
    "MWK": ("454", 2),  # Malawi Kwacha
    "MXN": ("484", 2),  # Mexican Peso
    "MXV": ("979", 2),  # Mexican Unidad de Inversion (UDI)
    "MYR": ("458", 2),  # Malaysian Ringgit
    "MZN": ("943", 2),  # Mozambique Metical
    "NAD": ("516", 2),  # Namibia Dollar
    "NGN": ("566", 2),  # Naira
    "NIO": ("558", 2),  # Cordoba Oro
    "NOK": ("578", 2),  # Norwegian Krone
    "NPR": ("524", 2),  # Nepalese Rupee
    "NZD": ("554", 2),  # New Zealand Dollar
    "OMR": ("512", 3),  # Rial Omani
    "PAB": ("590", 2),  # Balboa
    "PEN": ("604", 2),  # Sol
    "PGK": ("598", 2),  # Kina
    "PHP": ("608", 2),  # Philippine Peso
    "PKR": ("586", 2),  # Pakistan Rupee
    "PLN": ("985", 2),  # Zloty
    "PYG": ("600", 0),  # Guarani
    "QAR": ("634", 2),  # Qatari Rial
    "RON": ("946", 2),  # Romanian Leu
    "RSD": ("941", 2),  # Serbian Dinar
    "RUB": ("643", 2),  # Russian Ruble
    "RWF": ("646", 0),  # Rwanda Franc
    "SAR": ("682", 2),  # Saudi Riyal
    "SBD": ("090", 2),  # Solomon Islands Dollar
    "SCR": ("690", 2),  # Seychelles Rupee
    "SDG": ("938", 2),  # Sudanese Pound
    "SEK": ("752", 2),  # Swedish Krona
    "SGD": ("702", 2),  # Singapore Dollar
    "SHP": ("654", 2),  # Saint Helena Pound
    "SLE": ("925", 2),  # Leone
    "SOS": ("706", 2),  # Somali Shilling
    "SRD": ("968", 2),  # Surinam Dollar
    "SSP": ("728", 2),  # South Sudanese Pound
    "STN": ("930", 2),  # Dobra
    "SVC": ("222", 2),  # El Salvador Colon
    "SYP": ("760", 2),  # Syrian Pound
    "SZL": ("748", 2),  # Lilangeni
    "THB": ("764", 2),  # Baht
    "TJS": ("972", 2),  # Somoni
    "TMT": ("934", 2),  # Turkmenistan New Manat
    "TND": ("788", 3),  # Tunisian Dinar
    "TOP": ("776", 2),  # Pa’anga
    "TRY": ("949", 2),  # Turkish Lira
    "TTD": ("780", 2),  # Trinidad and Tobago Dollar
    "TWD": ("901", 2),  # New Taiwan Dollar
    "TZS": ("834", 2),  # Tanzanian Shilling
    "UAH": ("980", 2),  # Hryvnia
    "UGX": ("800", 0),  # Uganda Shilling
    "USD": ("840", 2),  # US Dollar
    "USN": ("997", 2),  # US Dollar (Next day)
    "UYI": ("940", 0),  # Uruguay Peso en Unidades Indexadas (UI)
    "UYU": ("858", 2),  # Peso Uruguayo
    "UYW": ("927", 4),  # Unidad Previsional
    "UZS": ("860", 2),  # Uzbekistan Sum
    "VED": ("926", 2),  # Bolívar Soberano
    "VES": ("928", 2),  # Bolívar Soberano
    "VND": ("704", 0),  # Dong
    "VUV": ("548", 0),  # Vatu
    "WST": ("882", 2),  # Tala
    "XAD": ("396", 2),  # Arab Accounting Dinar
    "XAF": ("950", 0),  # CFA Franc BEAC
    "XCD": ("951", 2),  # East Caribbean Dollar
    "XCG": ("532", 2),  # Caribbean Guilder
    "XOF": ("952", 0),  # CFA Franc BCEAO
    "XPF": ("953", 0),  # CFP Franc
    "YER": ("886", 2),  # Yemeni Rial
    "ZAR": ("710", 2),  # Rand
    "ZMW": ("967", 2),  # Zambian Kwacha
    "ZWG": ("924", 2),  # Zimbabwe Gold
}

# Withdrawn from list one recently but still seen on refunds, chargebacks and
# settlement files of older payments; accepted so such events are not lost.
# ANG shared its numeric code 532 with its successor XCG, which keeps it.
_WITHDRAWN: Final[dict[str, tuple[str, int]]] = {
    "ANG": ("532", 2),  # Netherlands Antillean Guilder, replaced by XCG in 2025
    "BGN": ("975", 2),  # Bulgarian Lev, Bulgaria adopted the euro on 2026-01-01
    "CUC": ("931", 2),  # Cuban Peso Convertible
    "HRK": ("191", 2),  # Kuna, Croatia adopted the euro on 2023-01-01
    "SLL": ("694", 2),  # Leone, replaced by SLE
    "ZWL": ("932", 2),  # Zimbabwe Dollar, replaced by ZWG in 2024
}

MINOR_UNIT_EXPONENTS: Final[dict[str, int]] = {alpha: exp for alpha, (_, exp) in _ISO_4217.items()}
WITHDRAWN_MINOR_UNIT_EXPONENTS: Final[dict[str, int]] = {alpha: exp for alpha, (_, exp) in _WITHDRAWN.items()}
_ACCEPTED_EXPONENTS: Final[dict[str, int]] = {**WITHDRAWN_MINOR_UNIT_EXPONENTS, **MINOR_UNIT_EXPONENTS}

# Active codes win a shared numeric code (532 -> XCG, not ANG).
NUMERIC_TO_ALPHA: Final[dict[str, str]] = {
    **{num: alpha for alpha, (num, _) in _WITHDRAWN.items()},
    **{num: alpha for alpha, (num, _) in _ISO_4217.items()},
}


class AmountError(ValueError):
    """An amount or currency that cannot become ``amount_minor``.

    ``reason_code`` is one of ``INVALID_AMOUNT``, ``NEGATIVE_AMOUNT``,
    ``AMOUNT_TOO_LARGE``, ``FRACTIONAL_MINOR_UNITS``, ``UNKNOWN_CURRENCY``;
    it becomes the ``unprocessed_events.reason_code`` of the lake row.
    """

    def __init__(self, reason_code: str, detail: str) -> None:
        super().__init__(detail)
        self.reason_code = reason_code


def normalize_currency(code: object) -> str:
    """Return the ISO 4217 alpha-3 code for ``code``.

    Accepts alpha codes in any case with surrounding blanks (``" usd"``) and
    ISO numeric codes as strings or integers (``"986"`` -> ``"BRL"``,
    ``840`` -> ``"USD"``, ``"36"`` -> ``"AUD"``). Raises
    :class:`AmountError` with ``UNKNOWN_CURRENCY`` otherwise.
    """
    if isinstance(code, str):
        text = code.strip().upper()
    elif type(code) is int and 0 <= code <= 999:
        text = f"{code:03d}"
    else:
        raise AmountError(UNKNOWN_CURRENCY, f"not a currency code: {code!r}")
    if text in _ACCEPTED_EXPONENTS:
        return text
    if text.isdigit() and len(text.lstrip("0")) <= 3:  # acquirers pad to 4 digits: "0604" is PEN
        alpha = NUMERIC_TO_ALPHA.get(text.lstrip("0").zfill(3))
        if alpha is not None:
            return alpha
    raise AmountError(UNKNOWN_CURRENCY, f"not an ISO 4217 currency code: {code!r}")


def minor_unit_exponent(currency: object) -> int:
    """ISO 4217 minor-unit exponent of ``currency`` (USD 2, JPY 0, KWD 3, CLF 4)."""
    exponent = _ACCEPTED_EXPONENTS.get(currency) if type(currency) is str else None
    if exponent is None:
        exponent = _ACCEPTED_EXPONENTS[normalize_currency(currency)]
    return exponent


def to_minor_units(value: object, currency: str, unit: str, exponent: int | None = None) -> int:
    """Convert a provider amount into ISO 4217 minor units of ``currency``, exactly.

    ``value`` is an ``int``, a ``Decimal``, a ``float`` (read through its
    ``repr``, so ``10.1`` is ten point one, not its binary approximation) or a
    string (see the module docstring for the accepted forms). Booleans are not
    amounts.

    ``unit`` is ``"minor"`` (the value is already in minor units and must be
    integral) or ``"major"`` (the value is multiplied by ``10**exponent`` of the
    currency). For a ``"minor"`` value, ``exponent`` states the provider's own
    exponent when it differs from ISO's (Worldpay's ``value="1000"
    exponent="2"`` is 10.00); the result is still in ISO minor units, so an
    amount that does not fit them (JPY ``value="1050" exponent="2"``) is a
    ``FRACTIONAL_MINOR_UNITS`` error. ``exponent`` is ignored for ``"major"``
    values, which carry their own decimal point.

    Raises :class:`AmountError`; raises a plain ``ValueError`` for a ``unit``
    that is neither ``"minor"`` nor ``"major"`` (a mapping bug, not bad data).
    """
    # Canonical codes skip normalize_currency: this runs once per payload.
    iso_exponent = _ACCEPTED_EXPONENTS.get(currency) if type(currency) is str else None
    if iso_exponent is None:
        iso_exponent = _ACCEPTED_EXPONENTS[normalize_currency(currency)]
    if unit == "minor":
        if exponent is not None and (type(exponent) is not int or not 0 <= exponent <= 18):
            raise AmountError(INVALID_AMOUNT, f"invalid amount exponent: {exponent!r}")
        if exponent is None or exponent == iso_exponent:
            # Fast path: most minor-unit providers send a plain JSON integer.
            if type(value) is int:
                if value < 0:
                    raise AmountError(NEGATIVE_AMOUNT, f"negative amount: {value}")
                if value > MAX_MINOR_UNITS:
                    raise AmountError(AMOUNT_TOO_LARGE, f"amount above {MAX_MINOR_UNITS} minor units: {value}")
                return value
            shift = 0
        else:
            shift = iso_exponent - exponent
    elif unit == "major":
        shift = iso_exponent
    else:
        raise ValueError(f"amount unit must be 'minor' or 'major', not {unit!r}")
    negative, coefficient, power = _decompose(value)
    return _scaled(value, negative, coefficient, power + shift)


# value = (-1 if negative else 1) * coefficient * 10**power
_PLAIN = re.compile(r"([+-]?)([0-9]*)(?:\.([0-9]*))?")
_COMMA_GROUPS = re.compile(r"([+-]?)([0-9]{1,3}(?:,[0-9]{3})+)(?:\.([0-9]*))?")
_DOT_GROUPS_DECIMAL_COMMA = re.compile(r"([+-]?)([0-9]{1,3}(?:\.[0-9]{3})+),([0-9]+)")
_DECIMAL_COMMA = re.compile(r"([+-]?)([0-9]+),([0-9]{1,2})")
_MAX_TEXT_LENGTH = 64


def _decompose(value: object) -> tuple[bool, int, int]:
    if type(value) is int:
        return value < 0, abs(value), 0
    if isinstance(value, bool) or value is None:
        raise AmountError(INVALID_AMOUNT, f"not an amount: {value!r}")
    if isinstance(value, str):
        return _decompose_text(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise AmountError(INVALID_AMOUNT, f"not a finite amount: {value!r}")
        return _decompose_decimal(Decimal(repr(value)))
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise AmountError(INVALID_AMOUNT, f"not a finite amount: {value!r}")
        return _decompose_decimal(value)
    if isinstance(value, int):  # int subclasses other than bool (e.g. IntEnum)
        return value < 0, abs(int(value)), 0
    raise AmountError(INVALID_AMOUNT, f"not an amount: {type(value).__name__} {value!r}")


def _decompose_decimal(value: Decimal) -> tuple[bool, int, int]:
    sign, digits, power = value.as_tuple()
    if len(digits) > _MAX_TEXT_LENGTH:
        raise AmountError(INVALID_AMOUNT, f"amount has too many digits: {value!r}")
    coefficient = 0
    for digit in digits:
        coefficient = coefficient * 10 + digit
    return bool(sign), coefficient, int(power)


def _decompose_text(value: str) -> tuple[bool, int, int]:
    text = value.strip()
    if not text or len(text) > _MAX_TEXT_LENGTH:
        raise AmountError(INVALID_AMOUNT, f"not an amount: {value!r}")
    if "," in text:
        match = _COMMA_GROUPS.fullmatch(text)
        if match is not None:
            if match.group(3) is None and text.count(",") == 1:
                raise AmountError(INVALID_AMOUNT, f"ambiguous thousands separator: {value!r}")
            sign, whole, fraction = match.group(1), match.group(2).replace(",", ""), match.group(3) or ""
        else:
            match = _DOT_GROUPS_DECIMAL_COMMA.fullmatch(text) or _DECIMAL_COMMA.fullmatch(text)
            if match is None:
                raise AmountError(INVALID_AMOUNT, f"not an unambiguous amount: {value!r}")
            sign, whole, fraction = match.group(1), match.group(2).replace(".", ""), match.group(3)
    else:
        match = _PLAIN.fullmatch(text)
        if match is None:
            raise AmountError(INVALID_AMOUNT, f"not an amount: {value!r}")
        sign, whole, fraction = match.group(1), match.group(2), match.group(3) or ""
        if not whole and not fraction:
            raise AmountError(INVALID_AMOUNT, f"not an amount: {value!r}")
    return sign == "-", int(whole + fraction or "0"), -len(fraction)


def _scaled(value: object, negative: bool, coefficient: int, power: int) -> int:
    if coefficient == 0:
        return 0
    if negative:
        raise AmountError(NEGATIVE_AMOUNT, f"negative amount: {value!r}")
    if power >= 0:
        # Bound the power before computing 10**power: an exponent of a
        # billion must be rejected, not evaluated.
        if power > 16:
            raise AmountError(AMOUNT_TOO_LARGE, f"amount above {MAX_MINOR_UNITS} minor units: {value!r}")
        minor = coefficient * 10**power
    else:
        if -power > 2 * _MAX_TEXT_LENGTH:
            raise AmountError(FRACTIONAL_MINOR_UNITS, f"amount finer than the minor unit: {value!r}")
        minor, remainder = divmod(coefficient, 10**-power)
        if minor > MAX_MINOR_UNITS:
            raise AmountError(AMOUNT_TOO_LARGE, f"amount above {MAX_MINOR_UNITS} minor units: {value!r}")
        if remainder:
            raise AmountError(FRACTIONAL_MINOR_UNITS, f"amount finer than the minor unit: {value!r}")
    if minor > MAX_MINOR_UNITS:
        raise AmountError(AMOUNT_TOO_LARGE, f"amount above {MAX_MINOR_UNITS} minor units: {value!r}")
    return minor
