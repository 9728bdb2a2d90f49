"""Basket amounts in ISO 4217 minor units, and their major-unit spellings in payloads.

The truth is always minor units (docs/taxonomy.md, "amount_minor and currency"); payloads use each
provider's own unit.
"""

from __future__ import annotations

import random

from payobs_pipeline.synthetic.payments import Payment


CURRENCY_EXPONENTS: dict[str, int] = {"JPY": 0, "CLP": 0, "KWD": 3}

# Typical basket size per currency, in major units (low, high).
AMOUNT_RANGES: dict[str, tuple[float, float]] = {
    "USD": (4, 450), "EUR": (4, 380), "GBP": (3, 320), "CAD": (5, 500), "AUD": (5, 520),
    "BRL": (15, 1800), "MXN": (80, 7000), "ARS": (2_000, 350_000), "COP": (15_000, 1_600_000),
    "CLP": (3_000, 320_000), "PEN": (15, 1_300), "JPY": (300, 60_000), "INR": (99, 30_000),
    "KWD": (1.5, 130),
}

# Currencies where prices are whole units in practice (minor part always zero).
WHOLE_UNIT_CURRENCIES = frozenset({"ARS", "COP"})


def currency_exponent(currency: str) -> int:
    return CURRENCY_EXPONENTS.get(currency, 2)


def major_units_text(minor: int, currency: str) -> str:
    e = CURRENCY_EXPONENTS.get(currency, 2)
    if e == 0:
        return str(minor)
    q, r = divmod(minor, 10**e)
    return f"{q}.{r:0{e}d}"


def major_units_number(minor: int, currency: str) -> float | int:
    # A float whose shortest repr is the exact decimal (correctly rounded division).
    e = CURRENCY_EXPONENTS.get(currency, 2)
    if e == 0:
        return minor
    return minor / 10**e


# currency -> (low, high/low, 10**exponent, whole units only, two-decimal)
_AMOUNT_PARAMETERS = {c: (lo, hi / lo, 10 ** CURRENCY_EXPONENTS.get(c, 2), c in WHOLE_UNIT_CURRENCIES,
                          CURRENCY_EXPONENTS.get(c, 2) == 2)
                      for c, (lo, hi) in AMOUNT_RANGES.items()}


def basket_amount(rng: random.Random, currency: str) -> int:
    """A basket amount in minor units, log-uniform over the currency's typical range."""
    lo, ratio, scale, whole, two_decimals = _AMOUNT_PARAMETERS[currency]
    major = lo * ratio ** rng.random()
    if whole:
        return int(major) * scale
    minor = int(major * scale)
    if two_decimals and rng.random() < 0.35:  # psychological pricing: x.99 / x.00
        minor = (minor // 100) * 100 + (99 if rng.random() < 0.6 else 0)
    return max(minor, 1)


def refund_amount(rng: random.Random, pay: Payment) -> int:
    if rng.random() < 0.7:
        return pay.amount_minor
    part = max(1, int(pay.amount_minor * rng.uniform(0.1, 0.9)))
    return part if pay.currency not in WHOLE_UNIT_CURRENCIES else max(1, part // 100) * 100
