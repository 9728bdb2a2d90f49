"""Realistic synthetic lake rows, each with the canonical event it should become.

Pure and deterministic: the same ``(rows, start, windows, seed)`` always gives
the same rows, byte for byte, whatever the number of processes generating the chunks (one
``random.Random`` per chunk, uuids from its bits).

What the lake looks like (shares are the module constants below):

* 14 providers in their own words: Stripe Charges, PaymentIntents, Refunds,
  Disputes and webhook Events; Adyen payment responses, webhook notifications
  and accounting-report CSV lines; MercadoPago payments; PayPal Orders v2
  captures, orders and webhooks; Braintree transaction XML; Checkout.com
  payment responses and webhooks; Worldpay paymentService XML; Razorpay
  payment entities and webhooks; Mollie payments, refunds and chargebacks;
  dLocal payments; PayU Latam responses and key=value confirmation posts;
  EBANX payments; Square payments; Authorize.net request/response pairs.
* Unknown providers (Spanish, Portuguese and English shapes, key=value lines).
* Rows malformed on purpose (``MALFORMED_SHARES``), some payloads stored as a
  JSON string, a provider hint on about 60 % of rows under varying keys,
  a second row for about 3 % of payments (PENDING first, final state later in
  the same window) and test card numbers / CVCs in about 1 % of rows.

* Lifecycles (about 12 % of rows; single-row payments stay the majority): a payment over several rows,
  started by one chunk, which also generates its follow-ups, whose ``created_at`` may fall in a later
  window of the range (never past its end). So the generation has exactly ``rows`` rows, each window's
  chunks generate ``lake_row_counts()`` rows, and a window holds about (not exactly) ``rows // windows``.
  Shapes (``LIFECYCLE_SHAPES``, each provider among those its payloads support, ``_Hooks.caps``):
  retries of a declined attempt within a window and across windows (same PaymentIntent / order /
  merchant reference, or linked only by the lake's transactional_id), authorization then capture
  (Stripe charge.captured, Adyen CAPTURE with originalReference, PayPal authorization then capture, ...),
  void of an approved authorization, partial / failed refunds and full refunds seen through several
  events, disputes seen through two events, two objects about one attempt (Stripe Charge and its
  PaymentIntent, Adyen response and notification, ...); about 20 % of a lifecycle's rows lack the
  transactional_id (never the rows that only it links).

* Incidents (``Scenario``, off by default; docs/metrics.md "Seeded incidents"): provider outages in chosen
  windows (a share of the provider's would-be-approved attempts fail with issuer-unavailable, processing-error
  and timeout codes in its own format) and Culqi, a noisy low-volume provider, each from random streams of
  their own so that every other row stays as it is.

Ground truth (``ExpectedEvent``) follows docs/taxonomy.md; ``event_kind`` says what the row is in its payment's
lifecycle and ``attempt`` / ``payment`` / ``refund`` / ``dispute`` are the generator's own serials of the
objects it belongs to. ``expected_metrics()`` gives the per-window counts of approval_metrics and
payment_metrics from them. Where the taxonomy leaves
a choice, these rules are used consistently:

* ``status_category`` follows the provider's status word, refined by the
  provider's own error classification where it has one (Stripe
  ``processing_error``, Razorpay ``GATEWAY_ERROR``); a provider status such as
  Checkout ``Declined`` with a technical code stays DECLINED with the code's
  reason (e.g. 20068 -> DECLINED / TIMEOUT).
* ``provider_transaction_id`` is the id of the object the payload is about:
  the refund id for a refund object, the dispute id for a dispute, the capture
  id for PayPal, the ``orderCode`` for Worldpay, the payment id in Checkout.com
  webhooks (their ``data.id``).
* Amounts: report-style CSV lines carry major units, as the real reports do;
  API payloads use each provider's own unit (docs/taxonomy.md); the truth is always
  ISO 4217 minor units.
* UPI and net banking (Razorpay) are BANK_TRANSFER.
"""

from __future__ import annotations

import bisect
import json
import random
import re
import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from itertools import accumulate
from typing import Callable, Iterator
from urllib.parse import quote

from payobs_pipeline.normalization.taxonomy import (
    REASON_DEFAULTS,
    UNKNOWN_PROVIDER,
    FailureReason,
    FailureSource,
    PaymentMethod,
    StatusCategory,
)

_S = StatusCategory
_R = FailureReason
_M = PaymentMethod

WINDOW = timedelta(hours=12)
_WINDOW_US = 12 * 3600 * 1_000_000

# ---------------------------------------------------------------------------
# Shares (documented, tested with tolerances)
# ---------------------------------------------------------------------------

# Share of all rows per provider; with UNKNOWN_PROVIDER_SHARE and the
# malformed share they sum to 1.
PROVIDER_SHARES: dict[str, float] = {
    "stripe": 0.25,
    "adyen": 0.15,
    "mercadopago": 0.12,
    "paypal": 0.08,
    "braintree": 0.05,
    "checkout": 0.05,
    "worldpay": 0.04,
    "razorpay": 0.04,
    "mollie": 0.03,
    "dlocal": 0.03,
    "payu": 0.03,
    "ebanx": 0.03,
    "square": 0.03,
    "authorizenet": 0.02,
}
UNKNOWN_PROVIDER_SHARE = 0.03

# Rows malformed on purpose, by the reason the pipeline should report (2 % total).
MALFORMED_SHARES: dict[str, float] = {
    "MALFORMED_JSON": 0.004,
    "MALFORMED_XML": 0.003,
    "XML_FORBIDDEN_CONSTRUCT": 0.002,
    "EMPTY_PAYLOAD": 0.004,
    "CSV_MULTIPLE_RECORDS": 0.002,
    "UNKNOWN_CURRENCY": 0.0025,
    "INVALID_AMOUNT": 0.0025,
}
MALFORMED_SHARE = sum(MALFORMED_SHARES.values())

# Outcome of a well-formed row (before the pending rows that second rows add):
# about 87 % approval over authorization attempts.
STATUS_SHARES: dict[StatusCategory, float] = {
    _S.APPROVED: 0.830,
    _S.DECLINED: 0.105,
    _S.ERROR: 0.007,
    _S.UNKNOWN: 0.003,
    _S.PENDING: 0.025,
    _S.CANCELLED: 0.010,
    _S.REFUNDED: 0.015,
    _S.CHARGEBACK: 0.005,
}

# Decline reasons: insufficient funds and generic declines dominate, as in
# every public decline report. Providers without a code for a reason
# renormalize over the reasons they have.
DECLINE_REASON_SHARES: dict[FailureReason, float] = {
    _R.INSUFFICIENT_FUNDS: 0.33,
    _R.GENERIC_DECLINE: 0.28,
    _R.EXPIRED_CARD: 0.05,
    _R.INVALID_CARD_DATA: 0.05,
    _R.INCORRECT_CVC: 0.05,
    _R.SUSPECTED_FRAUD: 0.04,
    _R.RISK_REJECTED: 0.04,
    _R.AUTHENTICATION_REQUIRED: 0.03,
    _R.LIMIT_EXCEEDED: 0.03,
    _R.LOST_OR_STOLEN_CARD: 0.02,
    _R.RESTRICTED_CARD: 0.02,
    _R.TRANSACTION_NOT_PERMITTED: 0.02,
    _R.AUTHENTICATION_FAILED: 0.02,
    _R.ISSUER_UNAVAILABLE: 0.01,
    _R.TIMEOUT: 0.005,
    _R.DUPLICATE: 0.005,
    _R.REVOKED: 0.005,
    _R.PROCESSING_ERROR: 0.005,
    _R.CONFIGURATION_ERROR: 0.003,
    _R.INVALID_REQUEST: 0.002,
    _R.UNKNOWN: 0.01,
}
ERROR_REASON_SHARES: dict[FailureReason, float] = {
    _R.PROCESSING_ERROR: 0.6,
    _R.TIMEOUT: 0.15,
    _R.ISSUER_UNAVAILABLE: 0.15,
    _R.CONFIGURATION_ERROR: 0.1,
}
UNKNOWN_REASON_SHARES: dict[FailureReason, float] = {_R.TIMEOUT: 0.8, _R.UNKNOWN: 0.2}

HINT_SHARE = 0.62  # of rows whose data is an object (string rows cannot carry one): ~60 % overall
HINT_KEYS: dict[str, float] = {"provider": 0.5, "psp": 0.2, "p_id": 0.15, "gateway": 0.15}
SECOND_ROW_SHARE = 0.03  # rows that are the later state of a payment seen earlier in the window
PII_SHARE = 0.01  # rows carrying a full test card number (and sometimes a CVC)
JSON_STRING_SHARE = 0.03  # JSON payloads stored double-encoded as a JSON string
NO_MERCHANT_SHARE = 0.02
NO_TRANSACTIONAL_ID_SHARE = 0.04

# Luhn-valid test numbers published by the card networks and PSPs.
TEST_CARD_NUMBERS = (
    "4111111111111111",
    "4242424242424242",
    "5555555555554444",
    "5105105105105100",
    "378282246310005",
    "6011111111111117",
    "4000056655665556",
    "3530111333300000",
)

CURRENCY_EXPONENTS: dict[str, int] = {"JPY": 0, "CLP": 0, "KWD": 3}

# Typical basket size per currency, in major units (low, high).
_AMOUNT_RANGES: dict[str, tuple[float, float]] = {
    "USD": (4, 450), "EUR": (4, 380), "GBP": (3, 320), "CAD": (5, 500), "AUD": (5, 520),
    "BRL": (15, 1800), "MXN": (80, 7000), "ARS": (2_000, 350_000), "COP": (15_000, 1_600_000),
    "CLP": (3_000, 320_000), "PEN": (15, 1_300), "JPY": (300, 60_000), "INR": (99, 30_000),
    "KWD": (1.5, 130),
}
# Currencies where prices are whole units in practice (minor part always zero).
_WHOLE_UNIT = frozenset({"ARS", "COP"})

_COUNTRY_CURRENCY = {
    "US": "USD", "CA": "CAD", "AU": "AUD", "GB": "GBP", "JP": "JPY", "IN": "INR", "KW": "KWD",
    "BR": "BRL", "MX": "MXN", "AR": "ARS", "CO": "COP", "CL": "CLP", "PE": "PEN",
    "DE": "EUR", "FR": "EUR", "ES": "EUR", "NL": "EUR", "IT": "EUR", "IE": "EUR", "BE": "EUR",
}

MERCHANTS: tuple[dict, ...] = tuple(
    {"id": mid, "name": name, "country": country}
    for mid, name, country in (
        ("m_01HQ7ZK3", "Northwind Outfitters", "US"), ("m_01HQ7ZK4", "Blue Harbor Coffee", "US"),
        ("m_01HQ7ZK5", "Pixelcraft Games", "US"), ("m_01HQ7ZK6", "Summit Ride Share", "US"),
        ("m_01HQ7ZK7", "Evergreen Pharmacy", "US"), ("m_01HQ7ZK8", "Brightline Fitness", "US"),
        ("m_01HQ7ZK9", "Cedar & Pine Home", "US"), ("m_01HQ7ZKA", "Stackwise SaaS", "US"),
        ("m_01HQ7ZKB", "Thames Tickets", "GB"), ("m_01HQ7ZKC", "Camden Florist", "GB"),
        ("m_01HQ7ZKD", "Bristol Bikes", "GB"), ("m_01HQ7ZKE", "Lumen Streaming", "GB"),
        ("m_01HQ7ZKF", "Rheinwerk Elektronik", "DE"), ("m_01HQ7ZKG", "Kiez Lieferdienst", "DE"),
        ("m_01HQ7ZKH", "Alpenblick Reisen", "DE"), ("m_01HQ7ZKJ", "Maison Lumière", "FR"),
        ("m_01HQ7ZKK", "Boulangerie en Ligne", "FR"), ("m_01HQ7ZKM", "Grachten Fietsen", "NL"),
        ("m_01HQ7ZKN", "Tulpen Webshop", "NL"), ("m_01HQ7ZKP", "Sol y Mar Viajes", "ES"),
        ("m_01HQ7ZKQ", "Moda Ibérica", "ES"), ("m_01HQ7ZKR", "Trattoria Digitale", "IT"),
        ("m_01HQ7ZKS", "Liffey Books", "IE"), ("m_01HQ7ZKT", "Loja Verde", "BR"),
        ("m_01HQ7ZKV", "Mercado Paulista", "BR"), ("m_01HQ7ZKW", "Rio Delivery", "BR"),
        ("m_01HQ7ZKX", "Bahia Moda", "BR"), ("m_01HQ7ZKY", "Tienda Azteca", "MX"),
        ("m_01HQ7ZKZ", "Viajes Cancún", "MX"), ("m_01HQ7ZM0", "Farmacia del Valle", "MX"),
        ("m_01HQ7ZM1", "Pampa Electro", "AR"), ("m_01HQ7ZM2", "Buenos Aires Eats", "AR"),
        ("m_01HQ7ZM3", "Café Andino", "CO"), ("m_01HQ7ZM4", "Bogotá Market", "CO"),
        ("m_01HQ7ZM5", "Santiago Hogar", "CL"), ("m_01HQ7ZM6", "Lima Gourmet", "PE"),
        ("m_01HQ7ZM7", "Sakura Goods", "JP"), ("m_01HQ7ZM8", "Chai Point Online", "IN"),
        ("m_01HQ7ZM9", "Mumbai Movies", "IN"), ("m_01HQ7ZMA", "Gulf Gadgets", "KW"),
        ("m_01HQ7ZMB", "Outback Supplies", "AU"), ("m_01HQ7ZMC", "Maple Leaf Tickets", "CA"),
    )
)
_MERCHANTS_BY_ID: dict[str, dict] = {m["id"]: m for m in MERCHANTS}
_MERCHANTS_BY_COUNTRY: dict[str, list[dict]] = {}
for _m in MERCHANTS:
    _MERCHANTS_BY_COUNTRY.setdefault(_m["country"], []).append(_m)

# Where each provider's merchants are (weights).
_PROVIDER_COUNTRIES: dict[str, dict[str, float]] = {
    "stripe": {"US": 40, "GB": 12, "DE": 8, "FR": 6, "NL": 3, "ES": 4, "IE": 2, "JP": 5, "AU": 6, "CA": 6, "MX": 4, "BR": 4},
    "adyen": {"NL": 15, "DE": 15, "FR": 10, "GB": 15, "ES": 8, "IT": 7, "US": 20, "BR": 5, "AU": 5},
    "mercadopago": {"BR": 45, "AR": 20, "MX": 20, "CO": 8, "CL": 7},
    "paypal": {"US": 50, "GB": 15, "DE": 15, "FR": 5, "AU": 5, "CA": 5, "ES": 3, "JP": 2},
    "braintree": {"US": 70, "GB": 15, "CA": 8, "AU": 7},
    "checkout": {"GB": 35, "FR": 10, "DE": 10, "KW": 10, "US": 20, "NL": 5, "ES": 10},
    "worldpay": {"GB": 60, "US": 20, "DE": 10, "FR": 10},
    "razorpay": {"IN": 100},
    "mollie": {"NL": 45, "DE": 20, "FR": 15, "ES": 10, "GB": 10},
    "dlocal": {"BR": 25, "MX": 20, "AR": 15, "CO": 15, "CL": 13, "PE": 12},
    "payu": {"CO": 45, "MX": 20, "AR": 10, "PE": 15, "CL": 10},
    "ebanx": {"BR": 60, "MX": 15, "CO": 10, "CL": 8, "PE": 7},
    "square": {"US": 75, "CA": 10, "GB": 5, "AU": 5, "JP": 5},
    "authorizenet": {"US": 85, "CA": 10, "GB": 5},
}

_HINT_VALUES: dict[str, tuple[str, ...]] = {
    "stripe": ("stripe", "Stripe", "STRIPE"),
    "adyen": ("adyen", "Adyen", "ADYEN"),
    "mercadopago": ("mercadopago", "mercado_pago", "MercadoPago", "mercado pago"),
    "paypal": ("paypal", "PayPal"),
    "braintree": ("braintree", "Braintree"),
    "checkout": ("checkout", "checkout.com", "Checkout.com", "cko"),
    "worldpay": ("worldpay", "Worldpay", "WORLDPAY"),
    "razorpay": ("razorpay", "Razorpay"),
    "mollie": ("mollie", "Mollie"),
    "dlocal": ("dlocal", "dLocal", "d_local"),
    "payu": ("payu", "PayU", "payu_latam"),
    "ebanx": ("ebanx", "EBANX"),
    "square": ("square", "Square", "squareup"),
    "authorizenet": ("authorizenet", "authorize.net", "Authorize.Net", "authnet"),
    "culqi": ("culqi", "Culqi"),
    # PSPs nobody wrote a mapping for: the hint names them, the truth says "unknown".
    "unknown": ("pagosya", "LocalPay", "acquirer_x", "paynow_mx"),
}

# ---------------------------------------------------------------------------
# Public types
# ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ExpectedEvent:
    """What a correct normalizer must produce for one lake row (docs/taxonomy.md values)."""

    provider: str
    status_category: str | None
    failure_reason: str | None
    amount_minor: int | None
    currency: str | None
    payment_method: str | None
    provider_transaction_id: str | None
    malformed_reason: str | None
    # What the row is in its payment's lifecycle (taxonomy.EventKind value; None for malformed rows), and
    # the generator's own serials of the attempt, payment, refund and dispute it belongs to. Serials are
    # the generator's knowledge, not ids found in the payload: rows with the same serial are one object.
    event_kind: str | None = None
    attempt: str | None = None
    payment: str | None = None
    refund: str | None = None
    dispute: str | None = None


@dataclass(frozen=True, slots=True)
class LakeRow:
    """One ``raw_transactions`` row."""

    id: uuid.UUID
    data: object
    merchant: dict | None
    transactional_id: uuid.UUID | None
    created_at: datetime


# ---------------------------------------------------------------------------
# Small fast building blocks
# ---------------------------------------------------------------------------


def _Picker(weights: dict) -> Callable[[random.Random], object]:
    """Weighted choice with one ``random()`` call (``rng.choices`` is several times slower)."""
    items = list(weights)
    cum = list(accumulate(weights.values()))
    total = cum[-1]

    def pick(rng: random.Random, _items=items, _cum=cum, _total=total, _bisect=bisect.bisect_right):
        return _items[_bisect(_cum, rng.random() * _total)]

    return pick


def _restricted(weights: dict, keys) -> Callable[[random.Random], object]:
    return _Picker({k: weights[k] for k in weights if k in keys})


_ALNUM = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_UPPER = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_LOWER = b"0123456789abcdefghijklmnopqrstuvwxyz"
# Byte translation tables: random bytes -> alphabet characters (tiny bias is fine here).
_T_ALNUM = bytes(_ALNUM[i % 62] for i in range(256))
_T_UPPER = bytes(_UPPER[i % 36] for i in range(256))
_T_LOWER = bytes(_LOWER[i % 36] for i in range(256))


# The stdlib's randrange/randint/choice cost about 1 µs each; these cost a tenth
# of that and are just as deterministic (53-bit floats are plenty here).
def _randrange(rng: random.Random, a: int, b: int | None = None) -> int:
    if b is None:
        return int(rng.random() * a)
    return a + int(rng.random() * (b - a))


def _randint(rng: random.Random, a: int, b: int) -> int:
    return a + int(rng.random() * (b - a + 1))


def _choice(rng: random.Random, seq):
    return seq[int(rng.random() * len(seq))]


def _tok(rng: random.Random, n: int, table: bytes = _T_ALNUM) -> str:
    return rng.getrandbits(8 * n).to_bytes(n, "little").translate(table).decode("ascii")


def _digits(rng: random.Random, n: int) -> str:
    lo = 10 ** (n - 1)
    return str(lo + int(rng.random() * 9 * lo)) if n <= 15 else str(lo + rng.getrandbits(64) % (9 * lo))


_UUID_CLEAR = ~((0xF000 << 64) | (0xC000 << 48))
_UUID_SET = (0x4000 << 64) | (0x8000 << 48)


def _uuid(rng: random.Random) -> uuid.UUID:
    # version-4 bits set by hand: uuid.UUID(..., version=4) does the same, slower
    return uuid.UUID(int=(rng.getrandbits(128) & _UUID_CLEAR) | _UUID_SET)


def _exp(currency: str) -> int:
    return CURRENCY_EXPONENTS.get(currency, 2)


def _major_str(minor: int, currency: str) -> str:
    e = CURRENCY_EXPONENTS.get(currency, 2)
    if e == 0:
        return str(minor)
    q, r = divmod(minor, 10**e)
    return f"{q}.{r:0{e}d}"


def _major_num(minor: int, currency: str) -> float | int:
    # A float whose shortest repr is the exact decimal (correctly rounded division).
    e = CURRENCY_EXPONENTS.get(currency, 2)
    if e == 0:
        return minor
    return minor / 10**e


def _iso(dt: datetime) -> str:
    return dt.isoformat(timespec="seconds").replace("+00:00", "Z")


_CARD_BRANDS = _Picker({("visa", "Visa", "424242"): 55, ("mastercard", "Mastercard", "555555"): 30,
                        ("amex", "American Express", "378282"): 8, ("discover", "Discover", "601111"): 3,
                        ("jcb", "JCB", "353011"): 4})


@dataclass(slots=True)
class _Card:
    brand: str
    label: str
    bin: str
    last4: str
    exp_month: int
    exp_year: int


def _card(rng: random.Random) -> _Card:
    brand, label, bin6 = _CARD_BRANDS(rng)
    x = rng.getrandbits(24)
    return _Card(brand, label, bin6, "%04d" % (x % 10000), (x >> 14) % 12 + 1, 2026 + (x >> 20) % 8)


@dataclass(slots=True)
class _Payment:
    """One payment, shared by the lake rows that describe it."""

    provider: str
    merchant: dict
    country: str
    currency: str
    amount_minor: int
    txn_id: str
    method: str  # provider's own method word
    kind: str  # provider-specific payload family
    card: _Card
    pii: bool
    aux: dict  # provider-specific ids fixed for the payment (order ids, charge ids ...)


# currency -> (low, high/low, 10**exponent, whole units only, two-decimal)
_AMOUNT_PARAMS = {c: (lo, hi / lo, 10 ** CURRENCY_EXPONENTS.get(c, 2), c in _WHOLE_UNIT, CURRENCY_EXPONENTS.get(c, 2) == 2)
                  for c, (lo, hi) in _AMOUNT_RANGES.items()}


def _amount(rng: random.Random, currency: str) -> int:
    """A basket amount in minor units, log-uniform over the currency's typical range."""
    lo, ratio, scale, whole, two_decimals = _AMOUNT_PARAMS[currency]
    major = lo * ratio ** rng.random()
    if whole:
        return int(major) * scale
    minor = int(major * scale)
    if two_decimals and rng.random() < 0.35:  # psychological pricing: x.99 / x.00
        minor = (minor // 100) * 100 + (99 if rng.random() < 0.6 else 0)
    return max(minor, 1)


# An outcome: (status, failure reason or None, provider-specific code entry or None)
_Outcome = tuple


class _Provider:
    """Per-provider knowledge: its codes by canonical reason and how to render a payload."""

    name: str = ""
    statuses: frozenset = frozenset(STATUS_SHARES)
    declines: dict = {}
    errors: dict = {}
    unknowns: dict = {}
    pending_capable = True

    def __init__(self) -> None:
        self.status_pick = _restricted(STATUS_SHARES, self.statuses)
        self.decline_pick = _restricted(DECLINE_REASON_SHARES, self.declines) if self.declines else None
        self.error_pick = _restricted(ERROR_REASON_SHARES, self.errors) if self.errors else None
        self.unknown_pick = _restricted(UNKNOWN_REASON_SHARES, self.unknowns) if self.unknowns else None
        # one pick gives the merchant and its country: country weight shared by its merchants
        self.merchant_pick = _Picker({
            (m["country"], m["id"]): w / len(_MERCHANTS_BY_COUNTRY[c])
            for c, w in _PROVIDER_COUNTRIES[self.name].items() for m in _MERCHANTS_BY_COUNTRY[c]})

    def outcome(self, rng: random.Random, status: StatusCategory | None = None) -> _Outcome:
        st = status or self.status_pick(rng)
        if st is _S.DECLINED:
            reason = self.decline_pick(rng)
            return st, reason, _choice(rng, self.declines[reason])
        if st is _S.ERROR:
            reason = self.error_pick(rng)
            return st, reason, _choice(rng, self.errors[reason])
        if st is _S.UNKNOWN:
            reason = self.unknown_pick(rng)
            return st, reason, _choice(rng, self.unknowns[reason])
        return st, None, None

    def new_payment(self, rng: random.Random, needs_card: bool) -> _Payment:
        country, merchant_id = self.merchant_pick(rng)
        currency = _COUNTRY_CURRENCY[country]
        pay = _Payment(self.name, _MERCHANTS_BY_ID[merchant_id], country, currency, _amount(rng, currency), "",
                       "card", "", _card(rng), rng.random() < PII_SHARE, {})
        self.setup(rng, pay, needs_card)
        return pay

    def setup(self, rng: random.Random, pay: _Payment, needs_card: bool) -> None:  # pragma: no cover
        raise NotImplementedError

    def render(self, rng: random.Random, pay: _Payment, out: _Outcome, when: datetime) -> tuple[object, tuple]:
        raise NotImplementedError  # pragma: no cover

    # helpers
    def expected(self, pay: _Payment, out: _Outcome, method: str, txn_id: str | None = None,
                 amount_minor: int | None = None, kind: str | None = None) -> tuple:
        # A plain tuple: the bulk loader never needs the dataclass (it costs ~1 µs a row).
        return (self.name, out[0], out[1], pay.amount_minor if amount_minor is None else amount_minor,
                pay.currency, method, txn_id or pay.txn_id, None, kind or _KIND_OF_STATUS.get(out[0], _AUTH))


# Event kinds (taxonomy.EventKind values) of the generator's truth.
_AUTH, _CAPTURE, _VOID, _REFUND, _DISPUTE, _PAYMENT = "AUTHORIZATION", "CAPTURE", "VOID", "REFUND", "DISPUTE", "PAYMENT"
# A lone row's kind by its status: a lone CANCELLED row is the void of an authorization the lake
# never saw, unless its renderer says it is an abandoned payment (no authorization decision).
_KIND_OF_STATUS = {_S.REFUNDED: _REFUND, _S.CHARGEBACK: _DISPUTE, _S.CANCELLED: _VOID}


def _refund_amount(rng: random.Random, pay: _Payment) -> int:
    if rng.random() < 0.7:
        return pay.amount_minor
    part = max(1, int(pay.amount_minor * rng.uniform(0.1, 0.9)))
    return part if pay.currency not in _WHOLE_UNIT else max(1, part // 100) * 100


# ---------------------------------------------------------------------------
# Stripe
# ---------------------------------------------------------------------------

_STRIPE_MSG = {
    "insufficient_funds": "Your card has insufficient funds.",
    "generic_decline": "Your card was declined.",
    "do_not_honor": "Your card was declined.",
    "call_issuer": "Your card was declined.",
    "expired_card": "Your card has expired.",
    "incorrect_cvc": "Your card's security code is incorrect.",
    "incorrect_number": "Your card number is incorrect.",
    "invalid_expiry_year": "Your card's expiration year is invalid.",
    "fraudulent": "Your card was declined.",
    "lost_card": "Your card was declined.",
    "stolen_card": "Your card was declined.",
    "pickup_card": "Your card was declined.",
    "restricted_card": "Your card was declined.",
    "card_velocity_exceeded": "Your card was declined for making repeated attempts too frequently or exceeding its amount limit.",
    "transaction_not_allowed": "Your card does not support this type of purchase.",
    "card_not_supported": "Your card does not support this type of purchase.",
    "authentication_required": "Your card was declined. This transaction requires authentication.",
    "incorrect_pin": "Your card was declined.",
    "revocation_of_authorization": "Your card was declined.",
    "issuer_not_available": "Your card was declined.",
    "duplicate_transaction": "Your card was declined.",
    "processing_error": "An error occurred while processing your card. Try again in a little bit.",
}


class _Stripe(_Provider):
    name = "stripe"
    # (error code, decline code); None decline code = Radar block
    declines = {
        _R.INSUFFICIENT_FUNDS: [("card_declined", "insufficient_funds")],
        _R.GENERIC_DECLINE: [("card_declined", "generic_decline"), ("card_declined", "do_not_honor"),
                             ("card_declined", "call_issuer")],
        _R.EXPIRED_CARD: [("expired_card", "expired_card")],
        _R.INCORRECT_CVC: [("incorrect_cvc", "incorrect_cvc")],
        _R.INVALID_CARD_DATA: [("incorrect_number", "incorrect_number"), ("invalid_expiry_year", "invalid_expiry_year")],
        _R.SUSPECTED_FRAUD: [("card_declined", "fraudulent")],
        _R.LOST_OR_STOLEN_CARD: [("card_declined", "lost_card"), ("card_declined", "stolen_card"),
                                 ("card_declined", "pickup_card")],
        _R.RESTRICTED_CARD: [("card_declined", "restricted_card")],
        _R.LIMIT_EXCEEDED: [("card_declined", "card_velocity_exceeded")],
        _R.TRANSACTION_NOT_PERMITTED: [("card_declined", "transaction_not_allowed"), ("card_declined", "card_not_supported")],
        _R.AUTHENTICATION_REQUIRED: [("card_declined", "authentication_required")],
        _R.AUTHENTICATION_FAILED: [("card_declined", "incorrect_pin")],
        _R.REVOKED: [("card_declined", "revocation_of_authorization")],
        _R.ISSUER_UNAVAILABLE: [("card_declined", "issuer_not_available")],
        _R.DUPLICATE: [("card_declined", "duplicate_transaction")],
        _R.RISK_REJECTED: [("card_declined", None)],
    }
    errors = {_R.PROCESSING_ERROR: [("processing_error", None)]}
    statuses = frozenset(STATUS_SHARES) - {_S.UNKNOWN}

    _METHODS = {"card": _M.CARD, "sepa_debit": _M.DIRECT_DEBIT, "boleto": _M.BOLETO, "oxxo": _M.CASH_VOUCHER,
                "klarna": _M.BNPL}

    def setup(self, rng, pay, needs_card):
        r = rng.random()
        if needs_card or r < 0.9:
            pay.method = "card"
        elif pay.country == "BR":
            pay.method = "boleto"
        elif pay.country == "MX":
            pay.method = "oxxo"
        elif pay.currency == "EUR" and r < 0.96:
            pay.method = "sepa_debit"
        else:
            pay.method = "klarna" if pay.country in ("US", "GB", "DE", "NL", "AU") else "card"
        r = rng.random()
        pay.kind = "charge" if r < 0.4 else ("payment_intent" if r < 0.7 else "event")
        t = _tok(rng, 83)  # one draw, four ids
        pay.aux.update(pi="pi_3" + t[:23], ch="ch_3" + t[23:46], pm="pm_1" + t[46:69], cus="cus_" + t[69:])
        use_intent = pay.kind == "payment_intent" or (pay.kind == "event" and rng.random() < 0.5)
        pay.txn_id = pay.aux["pi"] if use_intent else pay.aux["ch"]

    def _pm_details(self, pay):
        if pay.method == "card":
            c = pay.card
            card = {"brand": c.brand, "country": pay.country, "exp_month": c.exp_month, "exp_year": c.exp_year,
                    "funding": "credit", "last4": c.last4, "network": c.brand}
            if pay.pii:
                card["card_number"] = TEST_CARD_NUMBERS[int(c.last4) % len(TEST_CARD_NUMBERS)]  # not hash(): salted per process
                card["cvc"] = "123"
            return {"card": card, "type": "card"}
        return {pay.method: {}, "type": pay.method}

    def _charge(self, rng, pay, out, epoch):
        st, reason, code = out
        amt = pay.amount_minor
        ok = st in (_S.APPROVED, _S.REFUNDED, _S.CHARGEBACK)
        status = "succeeded" if ok else ("pending" if st is _S.PENDING else "failed")
        if st is _S.CANCELLED:
            status = "failed"
        if ok:
            outcome = {"network_status": "approved_by_network", "reason": None, "risk_level": "normal",
                       "risk_score": _randint(rng, 5, 60), "seller_message": "Payment complete.", "type": "authorized"}
            failure_code = failure_message = None
        elif st is _S.PENDING or st is _S.CANCELLED:
            outcome = None
            failure_code = failure_message = None
        elif code is not None and code[1] is None and code[0] == "card_declined":  # Radar block
            outcome = {"network_status": "not_sent_to_network", "reason": "highest_risk_level", "risk_level": "highest",
                       "risk_score": _randint(rng, 85, 99), "rule": "block_if_high_risk",
                       "seller_message": "Stripe blocked this payment as too risky.", "type": "blocked"}
            failure_code, failure_message = "card_declined", "Your card was declined."
        elif st is _S.ERROR:
            outcome = {"network_status": "not_sent_to_network", "reason": None, "risk_level": "normal",
                       "seller_message": "The payment could not be processed.", "type": "invalid"}
            failure_code, failure_message = "processing_error", _STRIPE_MSG["processing_error"]
        else:
            dc = code[1]
            outcome = {"network_status": "declined_by_network", "reason": dc, "risk_level": "normal",
                       "risk_score": _randint(rng, 5, 70),
                       "seller_message": f"The bank returned the decline code `{dc}`.", "type": "issuer_declined"}
            failure_code, failure_message = code[0], _STRIPE_MSG[dc]
        return {
            "id": pay.aux["ch"], "object": "charge", "amount": amt, "amount_captured": amt if ok else 0,
            "amount_refunded": 0, "balance_transaction": ("txn_3" + _tok(rng, 23)) if ok else None,
            "captured": ok, "created": epoch, "currency": pay.currency.lower(), "customer": pay.aux["cus"],
            "description": None, "disputed": False, "failure_code": failure_code, "failure_message": failure_message,
            "livemode": True, "metadata": {"order_id": "ord_" + _digits(rng, 8)}, "outcome": outcome, "paid": ok,
            "payment_intent": pay.aux["pi"], "payment_method": pay.aux["pm"],
            "payment_method_details": self._pm_details(pay), "refunded": False, "status": status,
        }

    def _intent(self, rng, pay, out, epoch):
        st, reason, code = out
        amt = pay.amount_minor
        last_error = None
        cancellation_reason = None
        if st in (_S.APPROVED, _S.REFUNDED, _S.CHARGEBACK):
            status = "succeeded"
        elif st is _S.PENDING:
            status = "processing" if pay.method != "card" or rng.random() < 0.5 else "requires_action"
        elif st is _S.CANCELLED:
            status, cancellation_reason = "canceled", _choice(rng, ("abandoned", "requested_by_customer"))
        else:
            status = "requires_payment_method"
            err_code, dc = code
            last_error = {"charge": pay.aux["ch"], "code": err_code,
                          "doc_url": f"https://stripe.com/docs/error-codes/{err_code.replace('_', '-')}",
                          "message": _STRIPE_MSG[dc or err_code],
                          "payment_method": {"id": pay.aux["pm"], "type": "card"},
                          "type": "api_error" if st is _S.ERROR else "card_error"}
            if dc:
                last_error["decline_code"] = dc
        return self._intent_body(pay, amt, status, last_error, cancellation_reason, epoch)

    def _intent_body(self, pay, amt, status, last_error, cancellation_reason, epoch):
        return {
            "id": pay.aux["pi"], "object": "payment_intent", "amount": amt,
            "amount_received": amt if status == "succeeded" else 0, "capture_method": "automatic",
            "cancellation_reason": cancellation_reason, "created": epoch, "currency": pay.currency.lower(),
            "customer": pay.aux["cus"], "last_payment_error": last_error, "latest_charge": pay.aux["ch"],
            "livemode": True, "payment_method": pay.aux["pm"], "payment_method_types": [pay.method],
            "status": status,
        }

    def render(self, rng, pay, out, when):
        st = out[0]
        epoch = int(when.timestamp())
        method = self._METHODS[pay.method]
        if st is _S.REFUNDED:
            rid = "re_3" + _tok(rng, 23)
            amount = _refund_amount(rng, pay)
            obj = {"id": rid, "object": "refund", "amount": amount, "balance_transaction": "txn_3" + _tok(rng, 23),
                   "charge": pay.aux["ch"], "created": epoch, "currency": pay.currency.lower(), "metadata": {},
                   "payment_intent": pay.aux["pi"], "reason": _choice(rng, ("requested_by_customer", "duplicate", None)),
                   "status": "succeeded"}
            # destination_details names where the money goes back (card, klarna); for the
            # other methods here it names a bank transfer, not the payment's method.
            if pay.method in ("card", "klarna"):
                obj["destination_details"] = {
                    pay.method: {"reference": None, "reference_status": "pending",
                                 "reference_type": "acquirer_reference_number", "type": "refund"}
                    if pay.method == "card" else {}, "type": pay.method}
            exp = self.expected(pay, out, method if pay.method in ("card", "klarna") else None, rid, amount)
            event_type = "refund.created"
        elif st is _S.CHARGEBACK:
            did = "dp_1" + _tok(rng, 23)
            obj = {"id": did, "object": "dispute", "amount": pay.amount_minor, "charge": pay.aux["ch"],
                   "created": epoch, "currency": pay.currency.lower(),
                   "evidence_details": {"due_by": epoch + 7 * 86400, "has_evidence": False, "past_due": False,
                                        "submission_count": 0},
                   "is_charge_refundable": False, "livemode": True, "payment_intent": pay.aux["pi"],
                   "reason": _choice(rng, ("fraudulent", "fraudulent", "product_not_received", "subscription_canceled",
                                         "duplicate", "general")),
                   "status": _choice(rng, ("needs_response", "warning_needs_response", "under_review"))}
            # Dispute payment_method_details exists for card, klarna and paypal only (API reference).
            if pay.method == "card":
                obj["payment_method_details"] = {"card": {"brand": pay.card.brand, "case_type": "chargeback",
                                                          "network_reason_code": None}, "type": "card"}
            elif pay.method == "klarna":
                obj["payment_method_details"] = {"klarna": {"reason_code": None}, "type": "klarna"}
            exp = self.expected(pay, out, method if pay.method in ("card", "klarna") else None, did)
            event_type = "charge.dispute.created"
        elif pay.txn_id == pay.aux["pi"]:
            if out[2] is not None and out[2][1] is None and out[2][0] == "card_declined":
                # A Radar block seen through the PaymentIntent only says decline_code
                # "fraudulent" (outcome.type=blocked lives on the charge): truth follows the payload.
                out = (st, _R.SUSPECTED_FRAUD, ("card_declined", "fraudulent"))
            obj = self._intent(rng, pay, out, epoch)
            kind = _AUTH
            if obj["status"] in ("canceled", "requires_action"):
                # An abandoned intent / one waiting for the customer: no charge was ever made.
                obj["latest_charge"] = None
                kind = _PAYMENT
            exp = self.expected(pay, out, method, kind=kind)
            event_type = {"succeeded": "payment_intent.succeeded", "processing": "payment_intent.processing",
                          "requires_action": "payment_intent.requires_action", "canceled": "payment_intent.canceled",
                          }.get(obj["status"], "payment_intent.payment_failed")
        else:
            obj = self._charge(rng, pay, out, epoch)
            exp = self.expected(pay, out, method)
            event_type = "charge." + obj["status"]
            if st is _S.CANCELLED:  # an uncaptured charge expired: Stripe marks it refunded (charges/capture docs)
                obj["status"] = "succeeded"
                obj["failure_code"] = None
                obj["outcome"] = {"network_status": "approved_by_network", "reason": None, "risk_level": "normal",
                                  "seller_message": "Payment complete.", "type": "authorized"}
                obj["captured"] = False
                obj["paid"] = True
                obj["refunded"] = True
                obj["amount_refunded"] = obj["amount"]
                event_type = "charge.expired"
        if pay.kind == "event":
            obj = {"id": "evt_3" + _tok(rng, 23), "object": "event", "api_version": "2024-06-20", "created": epoch,
                   "data": {"object": obj}, "livemode": True, "pending_webhooks": 1,
                   "request": {"id": "req_" + _tok(rng, 14), "idempotency_key": str(_uuid(rng))},
                   "type": event_type}
        return obj, exp


# ---------------------------------------------------------------------------
# Adyen
# ---------------------------------------------------------------------------


class _Adyen(_Provider):
    name = "adyen"
    declines = {
        _R.INSUFFICIENT_FUNDS: [("12", "Not enough balance")],
        _R.GENERIC_DECLINE: [("2", "Refused"), ("2", "Refused"), ("3", "Referral"), ("27", "Declined Non Generic")],
        _R.EXPIRED_CARD: [("6", "Expired Card")],
        _R.INVALID_CARD_DATA: [("8", "Invalid Card Number")],
        _R.INCORRECT_CVC: [("24", "CVC Declined")],
        _R.SUSPECTED_FRAUD: [("14", "Acquirer Fraud"), ("31", "Issuer Suspected Fraud")],
        _R.RESTRICTED_CARD: [("5", "Blocked Card"), ("25", "Restricted Card")],
        _R.LIMIT_EXCEEDED: [("28", "Withdrawal amount exceeded"), ("29", "Withdrawal count exceeded")],
        _R.TRANSACTION_NOT_PERMITTED: [("10", "Not supported"), ("23", "Transaction Not Permitted")],
        _R.AUTHENTICATION_REQUIRED: [("38", "Authentication required")],
        _R.AUTHENTICATION_FAILED: [("11", "3D Not Authenticated"), ("17", "Invalid Pin"), ("18", "Pin tries exceeded")],
        _R.REVOKED: [("26", "Revocation Of Auth")],
        _R.RISK_REJECTED: [("20", "FRAUD")],
        _R.ISSUER_UNAVAILABLE: [("9", "Issuer Unavailable")],
        _R.INVALID_REQUEST: [("7", "Invalid Amount")],
    }
    errors = {_R.PROCESSING_ERROR: [("4", "Acquirer Error")]}
    statuses = frozenset(STATUS_SHARES) - {_S.UNKNOWN}

    # method word -> (payment response paymentMethod, notification paymentMethod, canonical)
    _METHODS = {
        "scheme": _M.CARD, "ideal": _M.BANK_TRANSFER, "klarna": _M.BNPL, "paypal": _M.WALLET,
        "applepay": _M.WALLET, "pix": _M.PIX, "boletobancario": _M.BOLETO, "sepadirectdebit": _M.DIRECT_DEBIT,
    }
    _NOTIF_BRAND = {"visa": "visa", "mastercard": "mc", "amex": "amex", "discover": "discover", "jcb": "jcb"}

    def setup(self, rng, pay, needs_card):
        r = rng.random()
        if needs_card or r < 0.82:
            pay.method = "scheme"
        elif pay.country == "NL":
            pay.method = "ideal"
        elif pay.country == "BR":
            pay.method = "pix" if r < 0.93 else "boletobancario"
        elif pay.currency == "EUR" and r < 0.9:
            pay.method = "sepadirectdebit"
        else:
            pay.method = ("klarna", "paypal", "applepay")[int(r * 1000) % 3]
        r = rng.random()
        pay.kind = "response" if r < 0.5 else ("notification" if r < 0.93 else "csv")
        pay.txn_id = _tok(rng, 16, _T_UPPER)
        pay.aux["ref"] = "ORDER-" + _digits(rng, 7)
        pay.aux["account"] = pay.merchant["name"].replace(" ", "").replace("&", "") + "ECOM"

    def render(self, rng, pay, out, when):
        st, reason, code = out
        method = self._METHODS[pay.method]
        if pay.kind == "csv" and st in (_S.APPROVED, _S.DECLINED, _S.REFUNDED, _S.CHARGEBACK):
            return self._csv(rng, pay, out, when, method)
        if pay.kind == "response" and st not in (_S.REFUNDED, _S.CHARGEBACK):
            return self._response(rng, pay, out, method)
        return self._notification(rng, pay, out, when, method)

    def _response(self, rng, pay, out, method):
        st, reason, code = out
        result = {_S.APPROVED: "Authorised", _S.DECLINED: "Refused", _S.ERROR: "Error",
                  _S.CANCELLED: "Cancelled"}.get(st)
        if st is _S.PENDING:
            result = "Pending" if pay.method in ("pix", "boletobancario", "sepadirectdebit") else \
                _choice(rng, ("RedirectShopper", "ChallengeShopper", "Received"))
        pm = {"brand": pay.card.brand if pay.card.brand != "mastercard" else "mc", "type": "scheme"} \
            if pay.method == "scheme" else {"type": pay.method}
        body = {"additionalData": {}, "amount": {"currency": pay.currency, "value": pay.amount_minor},
                "merchantReference": pay.aux["ref"], "paymentMethod": pm, "pspReference": pay.txn_id,
                "resultCode": result}
        if st is _S.APPROVED:
            body["additionalData"] = {"authCode": _digits(rng, 6), "cardSummary": pay.card.last4,
                                      "expiryDate": f"{pay.card.exp_month}/{pay.card.exp_year}"} \
                if pay.method == "scheme" else {}
        elif code is not None:
            body["refusalReason"], body["refusalReasonCode"] = code[1], code[0]
        elif st is _S.CANCELLED:
            body["refusalReason"], body["refusalReasonCode"] = "Cancelled", "15"
        if pay.pii and pay.method == "scheme":
            body["additionalData"]["cardNumber"] = TEST_CARD_NUMBERS[0]
        # resultCode Cancelled: cancelled before processing completed (no authorization to void)
        return body, self.expected(pay, out, method, kind=_AUTH)

    def _notification(self, rng, pay, out, when, method):
        st, reason, code = out
        txn_id = pay.txn_id
        amount = pay.amount_minor
        item = {"additionalData": {}, "amount": {"currency": pay.currency, "value": amount},
                "eventDate": when.isoformat(timespec="seconds"), "merchantAccountCode": pay.aux["account"],
                "merchantReference": pay.aux["ref"],
                "paymentMethod": self._NOTIF_BRAND[pay.card.brand] if pay.method == "scheme" else pay.method}
        if st is _S.REFUNDED:
            txn_id = _tok(rng, 16, _T_UPPER)
            amount = _refund_amount(rng, pay)
            item.update(eventCode="REFUND", originalReference=pay.txn_id, reason="", success="true")
            item["amount"]["value"] = amount
        elif st is _S.CHARGEBACK:
            txn_id = _tok(rng, 16, _T_UPPER)
            item.update(eventCode=_choice(rng, ("CHARGEBACK", "NOTIFICATION_OF_CHARGEBACK")),
                        originalReference=pay.txn_id,
                        reason=_choice(rng, ("Fraudulent Transaction", "Merchandise/Services Not Received",
                                           "Cancelled Recurring Transaction")), success="true")
            item["additionalData"] = {"chargebackReasonCode": _choice(rng, ("10.4", "4837", "13.1", "4853")),
                                      "chargebackSchemeCode": "visa" if pay.card.brand == "visa" else "mc"}
        elif st is _S.CANCELLED:
            item.update(eventCode="CANCELLATION", originalReference=pay.txn_id, reason="", success="true")
            txn_id = _tok(rng, 16, _T_UPPER)
        elif st is _S.PENDING:
            item.update(eventCode="PENDING", reason="", success="true")
        elif st is _S.APPROVED:
            item.update(eventCode="AUTHORISATION", success="true",
                        reason=f"{_digits(rng, 6)}:{pay.card.last4}:{pay.card.exp_month:02d}/{pay.card.exp_year}")
            if pay.method == "scheme":
                item["additionalData"] = {"authCode": _digits(rng, 6), "cardSummary": pay.card.last4,
                                          "expiryDate": f"{pay.card.exp_month}/{pay.card.exp_year}"}
        else:  # DECLINED / ERROR: the refusal reason travels in `reason`
            item.update(eventCode="AUTHORISATION", success="false", reason=code[1])
            item["additionalData"] = {"refusalReasonCode": code[0]}
        item["pspReference"] = txn_id
        if pay.pii and pay.method == "scheme":
            item["additionalData"]["pan"] = TEST_CARD_NUMBERS[1]
            item["additionalData"]["cvc"] = "737"
        body = {"live": "true" if rng.random() < 0.97 else "false",
                "notificationItems": [{"NotificationRequestItem": item}]}
        return body, self.expected(pay, out, method, txn_id, amount)

    _CSV_HEADER = ("Company Account,Merchant Account,Psp Reference,Merchant Reference,Payment Method,Creation Date,"
                   "TimeZone,Type,Modification Reference,Gross Currency,Gross Debit (GC),Gross Credit (GC),"
                   "Exchange Rate,Net Currency,Record Type,Refusal Reason")

    def _csv_line(self, rng, pay, out, when):
        st, reason, code = out
        record = {_S.APPROVED: "Authorised", _S.DECLINED: "Refused", _S.REFUNDED: "Refunded",
                  _S.CHARGEBACK: "Chargeback"}[st]
        mod_ref = pay.txn_id if st in (_S.APPROVED, _S.DECLINED) else _tok(rng, 16, _T_UPPER)
        amount = pay.amount_minor if st is not _S.REFUNDED else _refund_amount(rng, pay)
        major = _major_str(amount, pay.currency)
        debit, credit = (major, "") if st in (_S.REFUNDED, _S.CHARGEBACK) else ("", major)
        pm = self._NOTIF_BRAND[pay.card.brand] if pay.method == "scheme" else pay.method
        refusal = code[1] if code else ""
        line = (f"PayObsDemoCompany,{pay.aux['account']},{pay.txn_id},{pay.aux['ref']},{pm},"
                f"{when.strftime('%Y-%m-%d %H:%M:%S')},UTC,{'Payment' if st in (_S.APPROVED, _S.DECLINED) else st.title()},"
                f"{mod_ref},{pay.currency},{debit},{credit},1,{pay.currency},{record},{refusal}")
        return line, mod_ref, amount

    def _csv(self, rng, pay, out, when, method):
        line, mod_ref, amount = self._csv_line(rng, pay, out, when)
        body = {"content": self._CSV_HEADER + "\n" + line + "\n", "format": "csv"}
        return body, self.expected(pay, out, method, mod_ref, amount)


# ---------------------------------------------------------------------------
# MercadoPago
# ---------------------------------------------------------------------------


class _MercadoPago(_Provider):
    name = "mercadopago"
    declines = {
        _R.INSUFFICIENT_FUNDS: ["cc_rejected_insufficient_amount"],
        _R.GENERIC_DECLINE: ["cc_rejected_other_reason", "cc_rejected_other_reason", "cc_rejected_call_for_authorize"],
        _R.INVALID_CARD_DATA: ["cc_rejected_bad_filled_card_number", "cc_rejected_bad_filled_date",
                               "cc_rejected_bad_filled_other"],
        _R.INCORRECT_CVC: ["cc_rejected_bad_filled_security_code"],
        _R.RISK_REJECTED: ["cc_rejected_high_risk", "cc_rejected_blacklist"],
        _R.RESTRICTED_CARD: ["cc_rejected_card_disabled"],
        _R.LIMIT_EXCEEDED: ["cc_rejected_max_attempts"],
        _R.DUPLICATE: ["cc_rejected_duplicated_payment"],
    }
    statuses = frozenset(STATUS_SHARES) - {_S.UNKNOWN, _S.ERROR}

    # payment_method_id -> (payment_type_id, canonical)
    _TICKETS = {"BR": "bolbradesco", "MX": "oxxo", "AR": "pagofacil", "CO": "efecty", "CL": "servipag"}
    _TYPES = {"visa": ("credit_card", _M.CARD), "master": ("credit_card", _M.CARD), "amex": ("credit_card", _M.CARD),
              "debvisa": ("debit_card", _M.CARD), "debmaster": ("debit_card", _M.CARD),
              "pix": ("bank_transfer", _M.PIX), "pse": ("bank_transfer", _M.BANK_TRANSFER),
              "bolbradesco": ("ticket", _M.BOLETO), "oxxo": ("ticket", _M.CASH_VOUCHER),
              "pagofacil": ("ticket", _M.CASH_VOUCHER), "efecty": ("ticket", _M.CASH_VOUCHER),
              "servipag": ("ticket", _M.CASH_VOUCHER), "account_money": ("account_money", _M.WALLET)}

    def setup(self, rng, pay, needs_card):
        r = rng.random()
        if needs_card or r < 0.62:
            pay.method = ("visa", "master", "amex", "debvisa", "debmaster")[int(r * 1e6) % 5]
        elif pay.country == "BR" and r < 0.85:
            pay.method = "pix"
        elif pay.country == "CO" and r < 0.8:
            pay.method = "pse"
        elif r < 0.9:
            pay.method = self._TICKETS[pay.country]
        else:
            pay.method = "account_money"
        pay.txn_id = str(_randrange(rng, 10**10, 10**11))
        pay.aux["collector"] = _randrange(rng, 10**8, 10**9)
        pay.aux["ext"] = "ORD" + _digits(rng, 8)

    def render(self, rng, pay, out, when):
        st, reason, code = out
        ptype, method = self._TYPES[pay.method]
        card_like = ptype in ("credit_card", "debit_card")
        if st is _S.APPROVED:
            status, detail = ("authorized", "pending_capture") if card_like and rng.random() < 0.08 \
                else ("approved", "accredited")
        elif st is _S.PENDING:
            if card_like or ptype == "account_money":
                status, detail = "in_process", _choice(rng, ("pending_contingency", "pending_review_manual"))
            elif ptype == "bank_transfer":
                status, detail = "pending", "pending_waiting_transfer"
            else:
                status, detail = "pending", "pending_waiting_payment"
        elif st is _S.DECLINED:
            status, detail = "rejected", code
        elif st is _S.CANCELLED:
            status, detail = "cancelled", "expired"  # never paid: the payment expired
        elif st is _S.REFUNDED:
            status, detail = "refunded", "refunded"
        else:
            status, detail = "charged_back", _choice(rng, ("settled", "reimbursed", "in_process"))
        local = (when - timedelta(hours=4)).replace(tzinfo=None).isoformat(timespec="milliseconds") + "-04:00"
        amount = _major_num(pay.amount_minor, pay.currency)
        body = {
            "id": int(pay.txn_id), "date_created": local,
            "date_approved": local if status in ("approved", "refunded", "charged_back") else None,
            "operation_type": "regular_payment",
            "issuer_id": str(_randint(rng, 1, 400)) if card_like else None, "payment_method_id": pay.method,
            "payment_type_id": ptype, "status": status, "status_detail": detail, "currency_id": pay.currency,
            "description": "Pedido " + pay.aux["ext"], "live_mode": True, "collector_id": pay.aux["collector"],
            "payer": {"id": str(_randrange(rng, 10**8, 10**10)),
                      "email": f"test_user_{_randrange(rng, 10**6)}@testuser.com"},
            "external_reference": pay.aux["ext"], "transaction_amount": amount,
            "transaction_amount_refunded": amount if status == "refunded" else 0, "installments": 1,
            "transaction_details": {"total_paid_amount": amount},
            "captured": status != "authorized",
        }
        if status == "refunded":  # GET /v1/payments/{id} lists the payment's refunds
            body["refunds"] = [{"id": _randrange(rng, 10**9, 10**10), "payment_id": int(pay.txn_id), "amount": amount,
                                "status": "approved", "date_created": local, "refund_mode": "standard"}]
        if card_like:
            body["card"] = {"first_six_digits": pay.card.bin, "last_four_digits": pay.card.last4,
                            "expiration_month": pay.card.exp_month, "expiration_year": pay.card.exp_year}
            if pay.pii:
                body["card"]["card_number"] = TEST_CARD_NUMBERS[2]
                body["card"]["security_code"] = "123"
        if pay.method == "pix" and status == "pending":
            body["point_of_interaction"] = {"type": "PIX", "transaction_data": {"qr_code": "00020126580014br.gov.bcb.pix"
                                            + _tok(rng, 40)}}
        return body, self.expected(pay, out, method, kind=_AUTH if st is _S.CANCELLED else None)


# ---------------------------------------------------------------------------
# PayPal (Orders v2 captures, orders, webhooks)
# ---------------------------------------------------------------------------


class _PayPal(_Provider):
    name = "paypal"
    # processor_response.response_code for card captures; wallet declines carry no reason
    declines = {
        _R.INSUFFICIENT_FUNDS: ["5120"],
        _R.GENERIC_DECLINE: ["0500", "5100"],
        _R.EXPIRED_CARD: ["5400"],
        _R.INCORRECT_CVC: ["5110", "00N7"],
        _R.INVALID_CARD_DATA: ["1330", "1380"],
        _R.SUSPECTED_FRAUD: ["9500"],
        _R.LOST_OR_STOLEN_CARD: ["9520"],
        _R.RESTRICTED_CARD: ["5180"],
        _R.LIMIT_EXCEEDED: ["5710"],
        _R.TRANSACTION_NOT_PERMITTED: ["5700"],
        _R.AUTHENTICATION_REQUIRED: ["5650"],
        _R.AUTHENTICATION_FAILED: ["7710"],
        _R.DUPLICATE: ["5200"],
        _R.ISSUER_UNAVAILABLE: ["5920"],
        _R.UNKNOWN: [None],
    }
    errors = {_R.TIMEOUT: ["8110"], _R.CONFIGURATION_ERROR: ["1350", "8020"], _R.PROCESSING_ERROR: ["8000"]}
    statuses = frozenset(STATUS_SHARES) - {_S.UNKNOWN}
    _METHODS = {"paypal": _M.WALLET, "venmo": _M.WALLET, "card": _M.CARD}

    def setup(self, rng, pay, needs_card):
        r = rng.random()
        pay.method = "card" if needs_card or r < 0.3 else ("venmo" if pay.country == "US" and r > 0.93 else "paypal")
        r = rng.random()
        pay.kind = "capture" if r < 0.35 else ("order" if r < 0.6 else "webhook")
        pay.txn_id = _tok(rng, 17, _T_UPPER)
        pay.aux["order"] = _tok(rng, 17, _T_UPPER)
        pay.aux["payer"] = _tok(rng, 13, _T_UPPER)

    def render(self, rng, pay, out, when):
        st, reason, code = out
        method = self._METHODS[pay.method]
        money = {"currency_code": pay.currency, "value": _major_str(pay.amount_minor, pay.currency)}
        ts = _iso(when)
        if st is _S.REFUNDED:
            rid = _tok(rng, 17, _T_UPPER)
            amount = _refund_amount(rng, pay)
            refund = {"id": rid, "amount": {"currency_code": pay.currency, "value": _major_str(amount, pay.currency)},
                      "status": "COMPLETED", "create_time": ts, "update_time": ts,
                      "links": [{"href": f"https://api.paypal.com/v2/payments/captures/{pay.txn_id}", "rel": "up",
                                 "method": "GET"}]}
            body = {"id": "WH-" + _tok(rng, 17, _T_UPPER) + "-" + _tok(rng, 17, _T_UPPER), "event_version": "1.0",
                    "create_time": ts, "resource_type": "refund", "resource_version": "2.0",
                    "event_type": "PAYMENT.CAPTURE.REFUNDED",
                    "summary": f"A {money['value']} {pay.currency} capture payment was refunded", "resource": refund}
            # A refund resource does not name the payment method: the truth cannot either.
            return body, self.expected(pay, out, None, rid, amount)
        if st is _S.CHARGEBACK:
            did = "PP-D-" + _digits(rng, 5)
            dispute = {"dispute_id": did, "create_time": ts, "update_time": ts,
                       "disputed_transactions": [{"seller_transaction_id": pay.txn_id}],
                       "reason": _choice(rng, ("MERCHANDISE_OR_SERVICE_NOT_RECEIVED", "UNAUTHORISED",
                                             "MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED")),
                       "status": "OPEN", "dispute_amount": money, "dispute_life_cycle_stage": "CHARGEBACK",
                       "dispute_channel": "EXTERNAL"}
            body = {"id": "WH-" + _tok(rng, 17, _T_UPPER) + "-" + _tok(rng, 17, _T_UPPER), "event_version": "1.0",
                    "create_time": ts, "resource_type": "dispute", "event_type": "CUSTOMER.DISPUTE.CREATED",
                    "summary": "A new dispute opened with Case # " + did, "resource": dispute}
            return body, self.expected(pay, out, None, did)
        status = {_S.APPROVED: "COMPLETED", _S.DECLINED: "DECLINED", _S.ERROR: "FAILED", _S.PENDING: "PENDING",
                  _S.CANCELLED: "VOIDED"}[st]
        capture = {"id": pay.txn_id, "status": status, "amount": money, "final_capture": True,
                   "seller_protection": {"status": "ELIGIBLE", "dispute_categories": ["ITEM_NOT_RECEIVED",
                                                                                      "UNAUTHORIZED_TRANSACTION"]},
                   "create_time": ts, "update_time": ts}
        if st is _S.PENDING:
            capture["status_details"] = {"reason": _choice(rng, ("PENDING_REVIEW", "PENDING_REVIEW", "ECHECK"))}
        # A decline without a processor response carries no reason: truth UNKNOWN (its code entry is None).
        if pay.method == "card" and not (st is _S.DECLINED and code is None):
            rc = code if code is not None else "0000"
            capture["processor_response"] = {"avs_code": "Y" if rc == "0000" else _choice(rng, ("Y", "N", "U")),
                                             "cvv_code": "N" if rc in ("5110", "00N7") else "M",
                                             "response_code": rc}
        if st is _S.CANCELLED:
            # Only an authorization can be voided (captures have no VOIDED status).
            auth = {"id": pay.txn_id, "status": "VOIDED", "amount": money,
                    "seller_protection": capture["seller_protection"], "create_time": ts, "update_time": ts,
                    "links": [{"href": f"https://api.paypal.com/v2/payments/authorizations/{pay.txn_id}",
                               "rel": "self", "method": "GET"}]}
            exp = self.expected(pay, out, None)
            if pay.kind == "capture":
                return auth, exp
            body = {"id": "WH-" + _tok(rng, 17, _T_UPPER) + "-" + _tok(rng, 17, _T_UPPER), "event_version": "1.0",
                    "create_time": ts, "resource_type": "authorization", "resource_version": "2.0",
                    "event_type": "PAYMENT.AUTHORIZATION.VOIDED",
                    "summary": f"Payment voided for {money['value']} {pay.currency}", "resource": auth}
            return body, exp
        # A bare capture names no payment source; only a card capture carries a processor_response.
        exp = self.expected(pay, out, _M.CARD if "processor_response" in capture else None)
        if pay.kind == "capture":
            return capture, exp
        if pay.kind == "order" and st is not _S.CANCELLED:
            if pay.method == "card":
                source = {"card": {"name": "J. Doe", "last_digits": pay.card.last4, "brand": pay.card.label.upper(),
                                   "type": "CREDIT"}}
                if pay.pii:
                    source["card"]["number"] = TEST_CARD_NUMBERS[3]
            else:
                source = {pay.method: {"email_address": f"buyer{_randrange(rng, 10**5)}@example.com",
                                       "account_id": pay.aux["payer"], "account_status": "VERIFIED",
                                       "name": {"given_name": "John", "surname": "Doe"}}}
            # A declined capture leaves the order COMPLETED: the capture holds the outcome.
            order = {"id": pay.aux["order"], "intent": "CAPTURE",
                     "status": "COMPLETED" if st is not _S.PENDING else "APPROVED",
                     "payment_source": source,
                     "purchase_units": [{"reference_id": "default", "payments": {"captures": [capture]}}],
                     "payer": {"payer_id": pay.aux["payer"]}, "create_time": ts, "update_time": ts}
            return order, self.expected(pay, out, method)  # payment_source names the method
        event_type = {"COMPLETED": "PAYMENT.CAPTURE.COMPLETED", "DECLINED": "PAYMENT.CAPTURE.DENIED",
                      "FAILED": "PAYMENT.CAPTURE.DENIED", "PENDING": "PAYMENT.CAPTURE.PENDING"}[status]
        body = {"id": "WH-" + _tok(rng, 17, _T_UPPER) + "-" + _tok(rng, 17, _T_UPPER), "event_version": "1.0",
                "create_time": ts, "resource_type": "capture", "resource_version": "2.0", "event_type": event_type,
                "summary": f"Payment {status.lower()} for {money['value']} {pay.currency}", "resource": capture}
        return body, exp


# ---------------------------------------------------------------------------
# Braintree (transaction XML in `content`)
# ---------------------------------------------------------------------------


class _Braintree(_Provider):
    name = "braintree"
    # (processor-response-code, text, response type, gateway rejection reason)
    declines = {
        _R.INSUFFICIENT_FUNDS: [("2001", "Insufficient Funds", "soft_declined", None)],
        _R.GENERIC_DECLINE: [("2000", "Do Not Honor", "soft_declined", None),
                             ("2038", "Processor Declined", "soft_declined", None),
                             ("2046", "Declined", "soft_declined", None),
                             ("2044", "Declined - Call Issuer", "hard_declined", None)],
        _R.EXPIRED_CARD: [("2004", "Expired Card", "hard_declined", None)],
        _R.INVALID_CARD_DATA: [("2005", "Invalid Credit Card Number", "hard_declined", None),
                               ("2006", "Invalid Expiration Date", "hard_declined", None)],
        _R.INCORRECT_CVC: [("2010", "Card Issuer Declined CVV", "hard_declined", None)],
        _R.SUSPECTED_FRAUD: [("2014", "Processor Declined - Fraud Suspected", "hard_declined", None)],
        _R.LOST_OR_STOLEN_CARD: [("2012", "Processor Declined - Possible Lost Card", "hard_declined", None),
                                 ("2013", "Processor Declined - Possible Stolen Card", "hard_declined", None),
                                 ("2047", "Call Issuer. Pick Up Card", "hard_declined", None)],
        _R.RESTRICTED_CARD: [("2057", "Issuer or Cardholder has put a restriction on the card", "soft_declined", None)],
        _R.LIMIT_EXCEEDED: [("2002", "Limit Exceeded", "soft_declined", None),
                            ("2003", "Cardholder's Activity Limit Exceeded", "soft_declined", None)],
        _R.TRANSACTION_NOT_PERMITTED: [("2015", "Transaction Not Allowed", "hard_declined", None)],
        _R.AUTHENTICATION_REQUIRED: [("2099", "Cardholder Authentication Required", "soft_declined", None)],
        _R.REVOKED: [("2017", "Cardholder Stopped Billing", "hard_declined", None)],
        _R.RISK_REJECTED: [(None, None, None, "fraud"), (None, None, None, "risk_threshold")],
        _R.DUPLICATE: [(None, None, None, "duplicate")],
    }
    errors = {_R.PROCESSING_ERROR: [("3000", "Processor Network Unavailable - Try Again", "soft_declined", None)]}
    statuses = frozenset(STATUS_SHARES) - {_S.UNKNOWN, _S.PENDING}
    pending_capable = False
    _METHODS = {"credit_card": _M.CARD, "paypal_account": _M.WALLET, "apple_pay_card": _M.WALLET,
                "venmo_account": _M.WALLET}

    def setup(self, rng, pay, needs_card):
        r = rng.random()
        pay.method = "credit_card" if needs_card or r < 0.75 else \
            ("paypal_account" if r < 0.9 else ("apple_pay_card" if r < 0.96 else "venmo_account"))
        pay.txn_id = _tok(rng, 8, _T_LOWER)
        pay.aux["order"] = _digits(rng, 6)
        pay.aux["account"] = pay.merchant["name"].lower().replace(" ", "_").replace("&", "and") + "_" + pay.currency.lower()

    def render(self, rng, pay, out, when):
        st, reason, code = out
        method = self._METHODS[pay.method]
        ts = _iso(when)
        amount = pay.amount_minor
        txn_id = pay.txn_id
        if st is _S.CHARGEBACK:
            did = _tok(rng, 16, _T_LOWER)
            xml = (f'<?xml version="1.0" encoding="UTF-8"?>\n<dispute>\n  <id>{did}</id>\n'
                   f'  <amount>{_major_str(amount, pay.currency)}</amount>\n'
                   f'  <currency-iso-code>{pay.currency}</currency-iso-code>\n'
                   f'  <kind>chargeback</kind>\n  <status>open</status>\n'
                   f'  <reason>{_choice(rng, ("fraud", "product_not_received", "not_recognized", "duplicate"))}</reason>\n'
                   f'  <received-date type="date">{when.date().isoformat()}</received-date>\n'
                   f'  <transaction>\n    <id>{txn_id}</id>\n    <amount>{_major_str(amount, pay.currency)}</amount>\n'
                   f'  </transaction>\n</dispute>\n')
            return self._wrap(rng, xml), self.expected(pay, out, None, did)  # the dispute names no method
        ttype = "sale"
        gateway_reason = None
        prc, prt, ptype = "1000", "Approved", "approved"
        if st is _S.APPROVED:
            status = _choice(rng, ("authorized", "submitted_for_settlement", "settled", "settled", "settling"))
        elif st is _S.REFUNDED:
            ttype, status = "credit", "settled"
            txn_id = _tok(rng, 8, _T_LOWER)
            amount = _refund_amount(rng, pay)
            prc, prt = "1002", "Processed"
        elif st is _S.CANCELLED:
            status = "voided"
        elif st is _S.ERROR:
            status = "failed"
            prc, prt, ptype, gateway_reason = code
        else:
            prc, prt, ptype, gateway_reason = code
            status = "gateway_rejected" if gateway_reason else "processor_declined"
            if gateway_reason:
                prc, prt, ptype = "1000", "Approved", "approved"  # the bank approved; the gateway refused
        major = _major_str(amount, pay.currency)
        pan_xml = ""
        if pay.method == "credit_card":
            c = pay.card
            number = f"    <number>{TEST_CARD_NUMBERS[0]}</number>\n    <cvv>123</cvv>\n" if pay.pii else ""
            pan_xml = (f"  <credit-card>\n    <bin>{c.bin}</bin>\n    <last-4>{c.last4}</last-4>\n"
                       f"    <card-type>{c.label}</card-type>\n    <expiration-month>{c.exp_month:02d}</expiration-month>\n"
                       f"    <expiration-year>{c.exp_year}</expiration-year>\n{number}  </credit-card>\n")
        refunded = f"  <refunded-transaction-id>{pay.txn_id}</refunded-transaction-id>\n" if ttype == "credit" else ""
        gr = f"  <gateway-rejection-reason>{gateway_reason}</gateway-rejection-reason>\n" if gateway_reason \
            else '  <gateway-rejection-reason nil="true"/>\n'
        xml = (f'<?xml version="1.0" encoding="UTF-8"?>\n<transaction>\n  <id>{txn_id}</id>\n'
               f'  <status>{status}</status>\n  <type>{ttype}</type>\n'
               f'  <currency-iso-code>{pay.currency}</currency-iso-code>\n  <amount>{major}</amount>\n'
               f'  <merchant-account-id>{pay.aux["account"]}</merchant-account-id>\n'
               f'  <order-id>{pay.aux["order"]}</order-id>\n'
               f'  <created-at type="datetime">{ts}</created-at>\n  <updated-at type="datetime">{ts}</updated-at>\n'
               f'  <processor-response-code>{prc}</processor-response-code>\n'
               f'  <processor-response-text>{prt}</processor-response-text>\n'
               f'  <processor-response-type>{ptype}</processor-response-type>\n{gr}{refunded}'
               f'  <payment-instrument-type>{pay.method}</payment-instrument-type>\n{pan_xml}</transaction>\n')
        return self._wrap(rng, xml), self.expected(pay, out, method, txn_id, amount)

    @staticmethod
    def _wrap(rng, xml):
        r = rng.random()
        if r < 0.4:
            return {"content": xml, "content_type": "application/xml"}
        if r < 0.7:
            return {"content": xml, "format": "xml"}
        return {"content": xml}


# ---------------------------------------------------------------------------
# Checkout.com
# ---------------------------------------------------------------------------


class _Checkout(_Provider):
    name = "checkout"
    declines = {
        _R.INSUFFICIENT_FUNDS: [("20051", "Insufficient Funds")],
        _R.GENERIC_DECLINE: [("20005", "Declined - Do not honour"), ("20005", "Declined - Do not honour"),
                             ("20046", "Bank decline"), ("20001", "Refer to card issuer")],
        _R.EXPIRED_CARD: [("20054", "Expired card"), ("30033", "Expired card - Pick up")],
        _R.INVALID_CARD_DATA: [("20014", "Invalid account number (no such number)"),
                               ("20100", "Invalid expiry date format")],
        _R.INCORRECT_CVC: [("200N7", "Decline for CVV2 failure")],
        _R.SUSPECTED_FRAUD: [("20059", "Suspected fraud"), ("30034", "Suspected fraud - Pick up")],
        _R.LOST_OR_STOLEN_CARD: [("30041", "Lost card - Pick up"), ("30043", "Stolen card - Pick up"),
                                 ("30004", "Pick up card (No fraud)")],
        _R.RESTRICTED_CARD: [("20062", "Restricted card"), ("30036", "Restricted card - Pick up")],
        _R.LIMIT_EXCEEDED: [("20061", "Activity amount limit exceeded"), ("20065", "Exceeds Withdrawal Frequency Limit")],
        _R.TRANSACTION_NOT_PERMITTED: [("20057", "Transaction not permitted to cardholder")],
        _R.AUTHENTICATION_REQUIRED: [("20154", "3DS authentication required")],
        _R.AUTHENTICATION_FAILED: [("20151", "Cardholder failed 3DS authentication")],
        _R.REVOKED: [("200R1", "Issuer initiated a stop payment (revocation order) for this authorization")],
        _R.RISK_REJECTED: [("41101", "Risk Blocked Transaction"), ("41201", "Decline list - Card number"),
                           ("43101", "Potential fraud risk")],
        _R.ISSUER_UNAVAILABLE: [("20091", "Issuer unavailable or switch is inoperative")],
        _R.TIMEOUT: [("20068", "Response received too late / Timeout")],
        _R.PROCESSING_ERROR: [("20096", "System malfunction")],
        _R.CONFIGURATION_ERROR: [("20003", "Invalid merchant or service provider")],
    }
    statuses = frozenset(STATUS_SHARES) - {_S.UNKNOWN, _S.ERROR}
    _METHODS = {"card": _M.CARD, "ideal": _M.BANK_TRANSFER, "klarna": _M.BNPL, "paypal": _M.WALLET}
    # Captured: the capture of the authorization; Voided: its void; Canceled: never authorized.
    _KINDS = {"Captured": _CAPTURE, "Voided": _VOID}

    def setup(self, rng, pay, needs_card):
        r = rng.random()
        pay.method = "card" if needs_card or r < 0.9 else \
            ("ideal" if pay.country == "NL" else ("paypal" if r < 0.96 else "klarna"))
        pay.kind = "response" if rng.random() < 0.55 else "webhook"
        pay.txn_id = "pay_" + _tok(rng, 26, _T_LOWER)
        pay.aux["ref"] = f"ORD-{_digits(rng, 4)}-{_tok(rng, 4, _T_UPPER)}"
        pay.aux["cus"] = "cus_" + _tok(rng, 26, _T_LOWER)

    def _source(self, pay):
        if pay.method != "card":
            return {"type": pay.method}
        c = pay.card
        src = {"type": "card", "id": "src_" + c.bin + c.last4, "expiry_month": c.exp_month, "expiry_year": c.exp_year,
               "scheme": c.label, "last4": c.last4, "bin": c.bin, "card_type": "CREDIT",
               "issuer_country": pay.country}
        if pay.pii:
            src["number"] = TEST_CARD_NUMBERS[1]
            src["cvv"] = "100"
        return src

    def render(self, rng, pay, out, when):
        st, reason, code = out
        method = self._METHODS[pay.method]
        ts = when.isoformat(timespec="microseconds").replace("+00:00", "Z")
        if st is _S.CHARGEBACK:
            did = "dsp_" + _tok(rng, 26, _T_LOWER)
            body = {"id": "evt_" + _tok(rng, 26, _T_LOWER), "type": "dispute_evidence_required", "version": "1.0.33",
                    "created_on": ts,
                    "data": {"id": did, "category": _choice(rng, ("fraudulent", "unrecognized", "product_service_not_received")),
                             "status": "evidence_required", "amount": pay.amount_minor, "currency": pay.currency,
                             "reason_code": _choice(rng, ("10.4", "4837", "13.1")), "payment_id": pay.txn_id,
                             "evidence_required_by": ts}}
            return body, self.expected(pay, out, None, did)  # the dispute names no payment method
        if st is _S.REFUNDED:
            amount = _refund_amount(rng, pay)
            body = {"id": "evt_" + _tok(rng, 26, _T_LOWER), "type": "payment_refunded", "version": "1.0.33",
                    "created_on": ts,
                    "data": {"id": pay.txn_id, "action_id": "act_" + _tok(rng, 26, _T_LOWER), "reference": pay.aux["ref"],
                             "amount": amount, "currency": pay.currency, "processed_on": ts,
                             "response_code": "10000", "response_summary": "Approved"}}
            return body, self.expected(pay, out, None, pay.txn_id, amount)  # no source in a refund webhook
        status = {_S.APPROVED: _choice(rng, ("Authorized", "Captured", "Captured")), _S.DECLINED: "Declined",
                  _S.PENDING: "Pending", _S.CANCELLED: _choice(rng, ("Voided", "Canceled"))}[st]
        approved = st is _S.APPROVED
        if pay.kind == "webhook":
            etype = {"Authorized": "payment_approved", "Captured": "payment_captured", "Declined": "payment_declined",
                     "Pending": "payment_pending", "Voided": "payment_voided", "Canceled": "payment_canceled"}[status]
            data = {"id": pay.txn_id, "action_id": "act_" + _tok(rng, 26, _T_LOWER), "reference": pay.aux["ref"],
                    "amount": pay.amount_minor, "currency": pay.currency, "processed_on": ts,
                    "source": self._source(pay), "metadata": {}}
            if approved:
                data.update(response_code="10000", response_summary="Approved", auth_code=_digits(rng, 6))
            elif code is not None:
                data.update(response_code=code[0], response_summary=code[1])
            body = {"id": "evt_" + _tok(rng, 26, _T_LOWER), "type": etype, "version": "1.0.33", "created_on": ts,
                    "data": data}
            return body, self.expected(pay, out, method, kind=self._KINDS.get(status, _AUTH))
        body = {"id": pay.txn_id, "action_id": "act_" + _tok(rng, 26, _T_LOWER), "amount": pay.amount_minor,
                "currency": pay.currency, "approved": approved, "status": status, "reference": pay.aux["ref"],
                "customer": {"id": pay.aux["cus"]}, "processed_on": ts, "source": self._source(pay),
                "risk": {"flagged": bool(code and code[0].startswith("4"))}}
        if approved:
            body.update(auth_code=_digits(rng, 6), response_code="10000", response_summary="Approved",
                        scheme_id=_digits(rng, 15),
                        processing={"acquirer_transaction_id": _digits(rng, 20),
                                    "retrieval_reference_number": _digits(rng, 12)})
        elif code is not None:
            body.update(response_code=code[0], response_summary=code[1])
        if st is _S.PENDING:
            body["3ds"] = {"downgraded": False, "enrolled": "Y"}
            body["_links"] = {"redirect": {"href": "https://api.checkout.com/3ds/" + pay.txn_id}}
        # A payment response is the payment's state (Captured included), not a capture action; Voided is a void.
        return body, self.expected(pay, out, method, kind=_VOID if status == "Voided" else _AUTH)


# ---------------------------------------------------------------------------
# Worldpay (paymentService XML)
# ---------------------------------------------------------------------------


class _Worldpay(_Provider):
    name = "worldpay"
    declines = {
        _R.INSUFFICIENT_FUNDS: [("51", "INSUFFICIENT FUNDS")],
        _R.GENERIC_DECLINE: [("5", "REFUSED"), ("5", "REFUSED"), ("2", "REFERRED")],
        _R.EXPIRED_CARD: [("33", "CARD EXPIRED"), ("54", "EXPIRED CARD")],
        _R.INVALID_CARD_DATA: [("14", "INVALID CARD NUMBER")],
        _R.INCORRECT_CVC: [("N7", "DECLINE FOR CVV2 FAILURE")],
        _R.SUSPECTED_FRAUD: [("59", "SUSPECTED FRAUD"), ("34", "FRAUD SUSPICION")],
        _R.LOST_OR_STOLEN_CARD: [("41", "LOST CARD"), ("43", "STOLEN CARD"), ("4", "HOLD CARD")],
        _R.RESTRICTED_CARD: [("62", "RESTRICTED CARD")],
        _R.LIMIT_EXCEEDED: [("61", "EXCEEDS WITHDRAWAL AMOUNT LIMIT"), ("65", "EXCEEDS WITHDRAWAL FREQUENCY LIMIT")],
        _R.TRANSACTION_NOT_PERMITTED: [("57", "TRANSACTION NOT PERMITTED TO CARDHOLDER"), ("12", "INVALID TRANSACTION")],
        _R.ISSUER_UNAVAILABLE: [("91", "ISSUER UNAVAILABLE")],
        _R.INVALID_REQUEST: [("13", "INVALID AMOUNT")],
    }
    errors = {_R.PROCESSING_ERROR: [("96", "SYSTEM MALFUNCTION")]}
    statuses = frozenset(STATUS_SHARES) - {_S.UNKNOWN}
    _METHODS = {"VISA-SSL": _M.CARD, "ECMC-SSL": _M.CARD, "AMEX-SSL": _M.CARD, "PAYPAL-EXPRESS": _M.WALLET,
                "IDEAL-SSL": _M.BANK_TRANSFER}
    _BRAND_CODE = {"visa": "VISA-SSL", "mastercard": "ECMC-SSL", "amex": "AMEX-SSL"}

    def setup(self, rng, pay, needs_card):
        if needs_card or rng.random() < 0.92:
            pay.method = self._BRAND_CODE.get(pay.card.brand, "VISA-SSL")
        else:
            pay.method = "PAYPAL-EXPRESS"
        pay.kind = "notify" if rng.random() < 0.6 else "reply"
        pay.txn_id = f"ORD{_digits(rng, 9)}"
        pay.aux["merchant_code"] = pay.merchant["name"].upper().replace(" ", "").replace("&", "")[:12] + "ECOM"

    def render(self, rng, pay, out, when):
        st, reason, code = out
        method = self._METHODS[pay.method]
        amount = pay.amount_minor
        last_event = {_S.APPROVED: _choice(rng, ("AUTHORISED", "AUTHORISED", "CAPTURED", "SETTLED")),
                      _S.DECLINED: "REFUSED", _S.ERROR: "ERROR",
                      _S.PENDING: _choice(rng, ("SENT_FOR_AUTHORISATION", "SHOPPER_REDIRECTED")),
                      _S.CANCELLED: "CANCELLED", _S.REFUNDED: _choice(rng, ("REFUNDED", "SENT_FOR_REFUND")),
                      _S.CHARGEBACK: "CHARGED_BACK"}[st]
        if st is _S.REFUNDED:
            amount = _refund_amount(rng, pay)
        e = _exp(pay.currency)
        amt_xml = (f'<amount value="{amount}" currencyCode="{pay.currency}" exponent="{e}" '
                   f'debitCreditIndicator="{"debit" if st in (_S.REFUNDED, _S.CHARGEBACK) else "credit"}"/>')
        iso = f'\n          <ISO8583ReturnCode code="{code[0]}" description="{code[1]}"/>' if code else ""
        auth = f'\n          <AuthorisationId id="{_digits(rng, 6)}"/>' if st is _S.APPROVED else ""
        card = ""
        if method is _M.CARD:
            number = TEST_CARD_NUMBERS[0] if pay.pii else f"{pay.card.bin[:4]}********{pay.card.last4}"
            cvc = "\n            <cvc>123</cvc>" if pay.pii else ""
            card = (f"\n          <paymentMethodDetail>\n            <card type=\"creditcard\">\n"
                    f"              <cardNumber>{number}</cardNumber>\n"
                    f"              <expiryDate><date month=\"{pay.card.exp_month:02d}\" year=\"{pay.card.exp_year}\"/></expiryDate>"
                    f"{cvc}\n            </card>\n          </paymentMethodDetail>")
        payment = (f"        <payment>\n          <paymentMethod>{pay.method}</paymentMethod>\n          {amt_xml}\n"
                   f"          <lastEvent>{last_event}</lastEvent>{auth}{iso}{card}\n"
                   f"          <riskScore value=\"{_randint(rng, 0, 100)}\"/>\n        </payment>\n")
        if pay.kind == "notify":
            xml = (f'<?xml version="1.0" encoding="UTF-8"?>\n'
                   f'<paymentService version="1.4" merchantCode="{pay.aux["merchant_code"]}">\n  <notify>\n'
                   f'    <orderStatusEvent orderCode="{pay.txn_id}">\n{payment}'
                   f'      <journal journalType="{last_event}">\n'
                   f'        <bookingDate><date dayOfMonth="{when.day:02d}" month="{when.month:02d}" year="{when.year}"/></bookingDate>\n'
                   f'      </journal>\n    </orderStatusEvent>\n  </notify>\n</paymentService>\n')
        else:
            xml = (f'<?xml version="1.0" encoding="UTF-8"?>\n'
                   f'<paymentService version="1.4" merchantCode="{pay.aux["merchant_code"]}">\n  <reply>\n'
                   f'    <orderStatus orderCode="{pay.txn_id}">\n{payment}    </orderStatus>\n  </reply>\n</paymentService>\n')
        r = rng.random()
        body = {"content": xml, "content_type": "text/xml"} if r < 0.5 else (
            {"content": xml, "format": "xml"} if r < 0.8 else {"content": xml})
        kind = _CAPTURE if last_event in ("CAPTURED", "SETTLED") else None
        return body, self.expected(pay, out, method, pay.txn_id, amount, kind)


# ---------------------------------------------------------------------------
# Razorpay
# ---------------------------------------------------------------------------


class _Razorpay(_Provider):
    name = "razorpay"
    # (error_code, error_reason, error_source, error_step, description)
    declines = {
        _R.INSUFFICIENT_FUNDS: [("BAD_REQUEST_ERROR", "insufficient_funds", "customer", "payment_authorization",
                                 "Payment failed due to insufficient balance in the account")],
        _R.GENERIC_DECLINE: [("BAD_REQUEST_ERROR", "card_declined", "bank", "payment_authorization",
                              "Payment was declined by the bank"),
                             ],
        # Razorpay's error list: payment_failed means no specific reason came from the gateway.
        _R.UNKNOWN: [("BAD_REQUEST_ERROR", "payment_failed", "bank", "payment_authorization",
                      "Payment processing failed because of incorrect card details or bank decline")],
        _R.EXPIRED_CARD: [("BAD_REQUEST_ERROR", "card_expired", "customer", "payment_authorization",
                           "Payment failed because the card has expired")],
        _R.INCORRECT_CVC: [("BAD_REQUEST_ERROR", "incorrect_cvv", "customer", "payment_authorization",
                            "Payment failed because the CVV entered is incorrect")],
        _R.AUTHENTICATION_FAILED: [("BAD_REQUEST_ERROR", "authentication_failed", "customer", "payment_authentication",
                                    "Authentication failed due to incorrect otp"),
                                   ("BAD_REQUEST_ERROR", "invalid_otp", "customer", "payment_authentication",
                                    "Authentication failed due to incorrect otp")],
        _R.SUSPECTED_FRAUD: [("BAD_REQUEST_ERROR", "payment_risk_check_failed", "bank", "payment_authorization",
                              "Payment declined by the bank as it was flagged as fraudulent")],
        _R.LIMIT_EXCEEDED: [("BAD_REQUEST_ERROR", "transaction_limit_exceeded", "bank", "payment_authorization",
                             "Payment failed because the transaction limit was exceeded")],
        _R.TRANSACTION_NOT_PERMITTED: [("BAD_REQUEST_ERROR", "card_disabled_for_online_payments", "customer",
                                        "payment_authorization", "Card is not enabled for online payments")],
        _R.RESTRICTED_CARD: [("BAD_REQUEST_ERROR", "debit_instrument_blocked", "bank", "payment_authorization",
                              "Payment failed because the card is blocked")],
    }
    errors = {
        _R.PROCESSING_ERROR: [("GATEWAY_ERROR", "gateway_technical_error", "gateway", "payment_authorization",
                               "Payment processing failed due to error at bank or wallet gateway")],
        _R.ISSUER_UNAVAILABLE: [("GATEWAY_ERROR", "bank_technical_error", "bank", "payment_authorization",
                                 "Payment failed due to a technical error at the bank")],
    }
    statuses = frozenset(STATUS_SHARES) - {_S.UNKNOWN}
    _METHODS = {"card": _M.CARD, "upi": _M.BANK_TRANSFER, "netbanking": _M.BANK_TRANSFER, "wallet": _M.WALLET}

    def setup(self, rng, pay, needs_card):
        r = rng.random()
        pay.method = "card" if needs_card or r < 0.4 else ("upi" if r < 0.85 else ("netbanking" if r < 0.94 else "wallet"))
        pay.kind = "entity" if rng.random() < 0.5 else "webhook"
        pay.txn_id = "pay_" + _tok(rng, 14)
        pay.aux["order"] = "order_" + _tok(rng, 14)

    def render(self, rng, pay, out, when):
        st, reason, code = out
        method = self._METHODS[pay.method]
        epoch = int(when.timestamp())
        if st is _S.REFUNDED:
            rid = "rfnd_" + _tok(rng, 14)
            amount = _refund_amount(rng, pay)
            refund = {"id": rid, "entity": "refund", "amount": amount, "currency": pay.currency,
                      "payment_id": pay.txn_id, "notes": {}, "receipt": None, "acquirer_data": {"arn": None},
                      "created_at": epoch, "batch_id": None, "status": "processed", "speed_processed": "normal",
                      "speed_requested": "normal"}
            body = {"entity": "event", "account_id": "acc_" + _tok(rng, 14), "event": "refund.processed",
                    "contains": ["refund", "payment"], "payload": {"refund": {"entity": refund}}, "created_at": epoch}
            return body, self.expected(pay, out, None, rid, amount)  # the refund entity names no method
        if st is _S.CHARGEBACK:
            did = "disp_" + _tok(rng, 14)
            dispute = {"id": did, "entity": "dispute", "payment_id": pay.txn_id, "amount": pay.amount_minor,
                       "currency": pay.currency, "amount_deducted": 0, "reason_code": "chargeback",
                       "respond_by": epoch + 7 * 86400, "status": "open", "phase": "chargeback", "created_at": epoch}
            body = {"entity": "event", "account_id": "acc_" + _tok(rng, 14), "event": "payment.dispute.created",
                    "contains": ["dispute"], "payload": {"dispute": {"entity": dispute}}, "created_at": epoch}
            return body, self.expected(pay, out, None, did)  # the dispute entity names no method
        status = {_S.APPROVED: _choice(rng, ("captured", "captured", "authorized")), _S.DECLINED: "failed",
                  _S.ERROR: "failed", _S.PENDING: "created", _S.CANCELLED: "failed"}[st]
        err = code or (("BAD_REQUEST_ERROR", "payment_cancelled", "customer", "payment_authentication",
                        "Payment processing cancelled by user") if st is _S.CANCELLED else None)
        entity = {"id": pay.txn_id, "entity": "payment", "amount": pay.amount_minor, "currency": pay.currency,
                  "status": status, "order_id": pay.aux["order"], "international": False,
                  "method": pay.method, "amount_refunded": 0, "captured": status == "captured",
                  "description": "Order " + pay.aux["order"][-6:],
                  "card_id": ("card_" + _tok(rng, 14)) if pay.method == "card" else None,
                  "bank": "HDFC" if pay.method == "netbanking" else None,
                  "wallet": "paytm" if pay.method == "wallet" else None,
                  "vpa": f"user{_randrange(rng, 10**4)}@okhdfcbank" if pay.method == "upi" else None,
                  "email": f"customer{_randrange(rng, 10**5)}@example.com", "contact": "+91" + _digits(rng, 10),
                  "fee": None if err else pay.amount_minor * 2 // 100, "tax": None,
                  "error_code": err[0] if err else None, "error_description": err[4] if err else None,
                  "error_source": err[2] if err else None, "error_step": err[3] if err else None,
                  "error_reason": err[1] if err else None,
                  "acquirer_data": {"auth_code": _digits(rng, 6)} if st is _S.APPROVED else {},
                  "created_at": epoch}
        if pay.method == "card":
            entity["card"] = {"id": entity["card_id"], "entity": "card", "name": "Gaurav Kumar",
                              "last4": pay.card.last4, "network": pay.card.label, "type": "credit",
                              "issuer": None, "international": False}
            if pay.pii:
                entity["card"]["number"] = TEST_CARD_NUMBERS[0]
                entity["card"]["cvv"] = "123"
        # captured: the capture of the authorized payment; payment_cancelled: abandoned before authorization
        kind = _CAPTURE if status == "captured" else _AUTH
        if pay.kind == "entity":
            return entity, self.expected(pay, out, method, kind=kind)
        event = {"captured": "payment.captured", "authorized": "payment.authorized", "failed": "payment.failed",
                 "created": "payment.pending"}[status]
        body = {"entity": "event", "account_id": "acc_" + _tok(rng, 14), "event": event, "contains": ["payment"],
                "payload": {"payment": {"entity": entity}}, "created_at": epoch}
        return body, self.expected(pay, out, method, kind=kind)


# ---------------------------------------------------------------------------
# Mollie
# ---------------------------------------------------------------------------


class _Mollie(_Provider):
    name = "mollie"
    # details.failureReason of credit card payments
    declines = {
        _R.INSUFFICIENT_FUNDS: [("insufficient_funds", "The card has insufficient funds.")],
        _R.GENERIC_DECLINE: [("card_declined", "The card was declined."),
                             ("refused_by_issuer", "The payment was refused by the card issuer.")],
        _R.EXPIRED_CARD: [("card_expired", "The card has expired.")],
        _R.INVALID_CARD_DATA: [("invalid_card_number", "The card number is invalid.")],
        _R.INCORRECT_CVC: [("invalid_cvv", "The CVV is invalid.")],
        _R.SUSPECTED_FRAUD: [("possible_fraud", "The payment was declined because of possible fraud.")],
        _R.AUTHENTICATION_FAILED: [("authentication_failed", "The 3-D Secure authentication failed.")],
        _R.AUTHENTICATION_REQUIRED: [("authentication_required", "3-D Secure authentication is required.")],
        _R.RESTRICTED_CARD: [("inactive_card", "The card is inactive.")],
        _R.TRANSACTION_NOT_PERMITTED: [("invalid_card_type", "This card type is not supported.")],
        _R.UNKNOWN: [("unknown_reason", "The payment failed for an unknown reason.")],
    }
    statuses = frozenset(STATUS_SHARES) - {_S.UNKNOWN, _S.ERROR}
    _METHODS = {"creditcard": _M.CARD, "ideal": _M.BANK_TRANSFER, "banktransfer": _M.BANK_TRANSFER,
                "paypal": _M.WALLET, "klarnapaylater": _M.BNPL, "directdebit": _M.DIRECT_DEBIT}

    def setup(self, rng, pay, needs_card):
        r = rng.random()
        if needs_card or r < 0.35:
            pay.method = "creditcard"
        elif pay.country == "NL" and r < 0.85:
            pay.method = "ideal"
        else:
            pay.method = ("banktransfer", "paypal", "klarnapaylater", "directdebit")[int(r * 1e6) % 4]
        pay.txn_id = "tr_" + _tok(rng, 10)
        pay.aux["profile"] = "pfl_" + _tok(rng, 10)

    def render(self, rng, pay, out, when):
        st, reason, code = out
        method = self._METHODS[pay.method]
        ts = when.isoformat(timespec="seconds")
        money = {"value": _major_str(pay.amount_minor, pay.currency), "currency": pay.currency}
        if st is _S.REFUNDED:
            rid = "re_" + _tok(rng, 10)
            amount = _refund_amount(rng, pay)
            body = {"resource": "refund", "id": rid,
                    "amount": {"currency": pay.currency, "value": _major_str(amount, pay.currency)},
                    "status": "refunded", "createdAt": ts, "description": "Order refund", "metadata": None,
                    "paymentId": pay.txn_id, "settlementAmount": {"currency": pay.currency,
                                                                  "value": "-" + _major_str(amount, pay.currency)}}
            return body, self.expected(pay, out, None, rid, amount)  # a Mollie refund names no method
        if st is _S.CHARGEBACK:
            cid = "chb_" + _tok(rng, 6, _T_LOWER)
            body = {"resource": "chargeback", "id": cid, "amount": money, "createdAt": ts,
                    "reason": {"code": _choice(rng, ("AC01", "MD06", "4837")),
                               "description": _choice(rng, ("Account identifier incorrect",
                                                          "Refund request by end customer", "No cardholder authorisation"))},
                    "reversedAt": None, "paymentId": pay.txn_id}
            return body, self.expected(pay, out, None, cid)  # a Mollie chargeback names no method
        status = {_S.APPROVED: "paid" if rng.random() < 0.9 or pay.method != "creditcard" else "authorized",
                  _S.DECLINED: "failed", _S.PENDING: _choice(rng, ("open", "pending")),
                  _S.CANCELLED: _choice(rng, ("canceled", "expired"))}[st]
        body = {"resource": "payment", "id": pay.txn_id, "mode": "live", "createdAt": ts, "amount": money,
                "description": f"Order #{_digits(rng, 5)}", "method": pay.method, "metadata": {"order_id": _digits(rng, 5)},
                "status": status, "isCancelable": status == "open", "locale": "nl_NL" if pay.country == "NL" else "en_US",
                "countryCode": pay.country, "profileId": pay.aux["profile"], "sequenceType": "oneoff",
                "redirectUrl": "https://webshop.example.org/order/12345/"}
        if status == "paid":
            body["paidAt"] = ts
            body["amountRefunded"] = {"value": _major_str(0, pay.currency), "currency": pay.currency}
            body["amountRemaining"] = money
        elif status in ("canceled", "expired", "failed"):
            body[{"canceled": "canceledAt", "expired": "expiredAt", "failed": "failedAt"}[status]] = ts
        if pay.method == "creditcard":
            details = {"cardNumber": pay.card.last4, "cardHolder": "T. TEST", "cardAudience": "consumer",
                       "cardLabel": pay.card.label, "cardCountryCode": pay.country, "cardSecurity": "normal",
                       "feeRegion": "intra-eu"}
            if code:
                details["failureReason"], details["failureMessage"] = code
            if pay.pii:
                details["cardNumber"] = TEST_CARD_NUMBERS[2]
            body["details"] = details
        elif pay.method == "ideal" and status == "paid":
            body["details"] = {"consumerName": "T. TEST", "consumerAccount": "NL53INGB0654422370",
                               "consumerBic": "INGBNL2A"}
        return body, self.expected(pay, out, method, kind=_AUTH)  # canceled/expired: abandoned before paying


# ---------------------------------------------------------------------------
# dLocal
# ---------------------------------------------------------------------------


class _DLocal(_Provider):
    name = "dlocal"
    declines = {
        _R.UNKNOWN: [("300", "The payment was rejected.")],
        _R.GENERIC_DECLINE: [("301", "Rejected by bank."), ("306", "Call bank for authorize.")],
        _R.INSUFFICIENT_FUNDS: [("302", "Insufficient amount.")],
        _R.RISK_REJECTED: [("303", "Card blacklisted."), ("304", "Score validation."),
                           ("317", "Rejected due to high risk.")],
        _R.LIMIT_EXCEEDED: [("305", "Max attempts reached."), ("319", "Amount exceeded.")],
        _R.DUPLICATE: [("307", "Duplicated payment.")],
        _R.RESTRICTED_CARD: [("308", "Credit card disabled."), ("312", "Card restricted by the bank.")],
        _R.EXPIRED_CARD: [("309", "Card expired.")],
        _R.LOST_OR_STOLEN_CARD: [("310", "Card reported lost."), ("313", "Card reported stolen.")],
        _R.INVALID_CARD_DATA: [("314", "Invalid card number.")],
        _R.INCORRECT_CVC: [("315", "Invalid security code.")],
        _R.TRANSACTION_NOT_PERMITTED: [("316", "Unsupported operation.")],
        _R.AUTHENTICATION_REQUIRED: [("320", "3D-Secure is required.")],
        _R.PROCESSING_ERROR: [("321", "Error in acquirer.")],
    }
    statuses = frozenset(STATUS_SHARES) - {_S.UNKNOWN, _S.ERROR}
    _METHODS = {"CARD": _M.CARD, "BL": _M.BOLETO, "OX": _M.CASH_VOUCHER}

    def setup(self, rng, pay, needs_card):
        r = rng.random()
        pay.method = "CARD"
        if not needs_card and r > 0.8 and pay.country in ("BR", "MX"):
            pay.method = "BL" if pay.country == "BR" else "OX"
        pay.txn_id = f"D-4-{_uuid(rng)}"
        pay.aux["order"] = _digits(rng, 10)

    def render(self, rng, pay, out, when):
        st, reason, code = out
        method = self._METHODS[pay.method]
        ts = when.strftime("%Y-%m-%dT%H:%M:%S.000+0000")
        if st is _S.REFUNDED:
            rid = f"REF-{_digits(rng, 5)}-{_uuid(rng)}"
            amount = _refund_amount(rng, pay)
            body = {"id": rid, "payment_id": pay.txn_id, "status": "SUCCESS", "status_code": 200,
                    "status_detail": "The refund was paid.", "amount": _major_num(amount, pay.currency),
                    "currency": pay.currency, "created_date": ts, "notification_url": "https://merchant.example.com/ipn"}
            return body, self.expected(pay, out, None, rid, amount)  # a dLocal refund names no method
        if st is _S.CHARGEBACK:
            cid = f"CHAR{_digits(rng, 2)}-{_uuid(rng)}"
            body = {"id": cid, "payment_id": pay.txn_id, "amount": _major_num(pay.amount_minor, pay.currency),
                    "currency": pay.currency, "status": "COMPLETED", "status_code": 200,
                    "status_detail": "The chargeback was completed.", "created_date": ts,
                    "notification_url": "https://merchant.example.com/chargebacks"}
            return body, self.expected(pay, out, None, cid)  # a dLocal chargeback names no method
        if st is _S.APPROVED:
            status, scode, detail = ("PAID", "200", "The payment was paid.") if rng.random() < 0.9 else \
                ("AUTHORIZED", "600", "The payment was authorized.")
        elif st is _S.DECLINED:
            status, (scode, detail) = "REJECTED", code
        elif st is _S.PENDING:
            status, scode, detail = "PENDING", "100", "The payment is pending."
        else:
            status, scode, detail = "CANCELLED", "400", "The payment was cancelled."
        body = {"id": pay.txn_id, "amount": _major_num(pay.amount_minor, pay.currency), "currency": pay.currency,
                "payment_method_id": pay.method, "payment_method_type": "CARD" if pay.method == "CARD" else "TICKET",
                "payment_method_flow": "DIRECT" if pay.method == "CARD" else "REDIRECT", "country": pay.country,
                "created_date": ts, "status": status, "status_code": scode, "status_detail": detail,
                "order_id": pay.aux["order"], "notification_url": "https://merchant.example.com/ipn"}
        if st is _S.APPROVED:
            body["approved_date"] = ts
        if pay.method == "CARD":
            card = {"holder_name": "Thiago Gabriel", "expiration_month": pay.card.exp_month,
                    "expiration_year": pay.card.exp_year, "brand": pay.card.brand[:2].upper(), "last4": pay.card.last4}
            if pay.pii:
                card["number"] = TEST_CARD_NUMBERS[0]
                card["cvv"] = "123"
            body["card"] = card
        else:
            body["ticket"] = {"type": "CUSTOM", "number": _digits(rng, 12), "expiration_date": ts,
                              "id": _tok(rng, 12, _T_LOWER)}
        return body, self.expected(pay, out, method, kind=_AUTH)  # CANCELLED: never paid


# ---------------------------------------------------------------------------
# PayU Latam (API response JSON and key=value confirmation posts)
# ---------------------------------------------------------------------------


class _PayU(_Provider):
    name = "payu"
    # (responseCode, response_code_pol, rejectionType, ISO network code the acquirer passed on)
    declines = {
        _R.INSUFFICIENT_FUNDS: [("INSUFFICIENT_FUNDS", "6", "SOFT", "51")],
        _R.GENERIC_DECLINE: [("ENTITY_DECLINED", "5", "SOFT", "05"), ("PAYMENT_NETWORK_REJECTED", "4", "SOFT", None),
                             ("CONTACT_THE_ENTITY", "8", "SOFT", "01")],
        _R.EXPIRED_CARD: [("EXPIRED_CARD", "9", "HARD", "54")],
        _R.INVALID_CARD_DATA: [("INVALID_CARD", "7", "HARD", "14"),
                               ("INVALID_EXPIRATION_DATE_OR_SECURITY_CODE", "12", "HARD", None)],
        _R.RESTRICTED_CARD: [("RESTRICTED_CARD", "10", "HARD", "62")],
        _R.RISK_REJECTED: [("ANTIFRAUD_REJECTED", "23", "HARD", None)],
        _R.TRANSACTION_NOT_PERMITTED: [("CREDIT_CARD_NOT_AUTHORIZED_FOR_INTERNET_TRANSACTIONS", "22", "HARD", "57")],
        _R.LIMIT_EXCEEDED: [("EXCEEDED_AMOUNT", "17", "SOFT", "61")],
        # PayU's table: REPEAT_TRANSACTION "You must repeat the transaction" (ISO 19), not a duplicate.
        _R.ISSUER_UNAVAILABLE: [("REPEAT_TRANSACTION", "13", "SOFT", None)],
    }
    errors = {
        _R.PROCESSING_ERROR: [("INTERNAL_PAYMENT_PROVIDER_ERROR", "9999", "SOFT", None)],
        _R.ISSUER_UNAVAILABLE: [("BANK_UNREACHABLE", "9996", "SOFT", None)],
    }
    # The financial network never answered (state ERROR): money may have moved, so UNKNOWN.
    unknowns = {_R.TIMEOUT: [("PAYMENT_NETWORK_NO_RESPONSE", "9998", "SOFT", None)]}
    statuses = frozenset({_S.APPROVED, _S.DECLINED, _S.ERROR, _S.UNKNOWN, _S.PENDING, _S.CANCELLED})
    # payment method word -> (payment_method_type code, canonical)
    _METHODS = {"VISA": ("2", _M.CARD), "MASTERCARD": ("2", _M.CARD), "AMEX": ("2", _M.CARD),
                "PSE": ("4", _M.BANK_TRANSFER), "EFECTY": ("7", _M.CASH_VOUCHER), "OXXO": ("7", _M.CASH_VOUCHER)}

    def setup(self, rng, pay, needs_card):
        r = rng.random()
        if needs_card or r < 0.75:
            pay.method = ("VISA", "MASTERCARD", "AMEX")[0 if r < 0.45 else (1 if r < 0.7 else 2)]
        elif pay.country == "CO":
            pay.method = "PSE" if r < 0.9 else "EFECTY"
        elif pay.country == "MX":
            pay.method = "OXXO"
        else:
            pay.method = "VISA"
        pay.kind = "kv" if rng.random() < 0.35 else "json"
        pay.txn_id = str(_uuid(rng))
        pay.aux["order"] = _randrange(rng, 10**9, 10**10)
        pay.aux["ref"] = "PAYU-" + _digits(rng, 8)

    def render(self, rng, pay, out, when):
        st, reason, code = out
        ptype, method = self._METHODS[pay.method]
        network = None
        if st is _S.APPROVED:
            state, rc, pol, rej, state_pol, network = "APPROVED", "APPROVED", "1", "NONE", "4", "00"
        elif st is _S.PENDING:
            state, rc, pol, rej, state_pol = "PENDING", "PENDING_TRANSACTION_CONFIRMATION", "25", "NONE", "7"
        elif st is _S.CANCELLED:
            state, rc, pol, rej, state_pol = "EXPIRED", "EXPIRED_TRANSACTION", "20", "NONE", "5"
        elif st is _S.ERROR or st is _S.UNKNOWN:
            state, (rc, pol, rej, network), state_pol = "ERROR", code, "6"
        else:
            state, (rc, pol, rej, network), state_pol = "DECLINED", code, "6"
        if pay.kind == "kv" and st is not _S.ERROR and st is not _S.UNKNOWN:
            return self._kv(rng, pay, out, when, ptype, method, state_pol, pol, rc)
        body = {
            "code": "SUCCESS", "error": None,
            "transactionResponse": {
                "orderId": pay.aux["order"], "transactionId": pay.txn_id, "state": state,
                "paymentNetworkResponseCode": network,
                "trazabilityCode": _digits(rng, 8),
                "authorizationCode": _digits(rng, 6) if st is _S.APPROVED else None, "pendingReason": None,
                "responseCode": rc, "operationDate": int(when.timestamp() * 1000),
                "additionalInfo": {"paymentNetwork": "CREDIBANCO" if pay.country == "CO" else "PAYU",
                                   "rejectionType": rej, "cardType": "CREDIT" if ptype == "2" else None,
                                   "transactionType": "AUTHORIZATION_AND_CAPTURE"}},
            # The lake writer stored the request next to the response: the amount only lives there.
            "request": {"transaction": {"order": {"referenceCode": pay.aux["ref"], "description": "Payment",
                                                  "additionalValues": {"TX_VALUE": {
                                                      "value": _major_num(pay.amount_minor, pay.currency),
                                                      "currency": pay.currency}}},
                                        "paymentMethod": pay.method, "paymentCountry": pay.country,
                                        "type": "AUTHORIZATION_AND_CAPTURE"}},
        }
        if pay.pii and ptype == "2":
            body["request"]["transaction"]["creditCard"] = {"number": TEST_CARD_NUMBERS[3], "securityCode": "321",
                                                            "expirationDate": f"{pay.card.exp_year}/{pay.card.exp_month:02d}",
                                                            "name": "APPROVED"}
        return body, self.expected(pay, out, method, kind=_AUTH)  # EXPIRED: never paid

    def _kv(self, rng, pay, out, when, ptype, method, state_pol, pol, rc):
        fields = [
            ("merchant_id", "508029"), ("state_pol", state_pol), ("risk", "0.0"), ("response_code_pol", pol),
            ("reference_sale", pay.aux["ref"]), ("reference_pol", str(pay.aux["order"])),
            ("sign", _tok(rng, 32, _T_LOWER)), ("extra1", ""), ("payment_method", "10" if ptype == "2" else "25"),
            ("payment_method_type", ptype), ("installments_number", "1"),
            # PayU always prints two decimals, even for currencies without minor units
            ("value", _major_str(pay.amount_minor, pay.currency) + ("" if _exp(pay.currency) else ".00")),
            ("tax", "0.00"), ("transaction_date", when.strftime("%Y-%m-%d %H:%M:%S")), ("currency", pay.currency),
            ("email_buyer", f"buyer{_randrange(rng, 10**5)}@example.com"), ("cus", _digits(rng, 9)), ("pse_bank", ""),
            ("test", "0"), ("description", "Compra en linea"), ("transaction_id", pay.txn_id),
            ("payment_method_name", pay.method), ("response_message_pol", rc),
        ]
        if pay.pii and ptype == "2":
            fields.append(("cc_number", TEST_CARD_NUMBERS[0]))
        body_text = "&".join(f"{k}={quote(v, safe='')}" for k, v in fields)
        r = rng.random()
        body = {"content": body_text, "content_type": "application/x-www-form-urlencoded"} if r < 0.6 else \
            ({"content": body_text, "format": "kv"} if r < 0.8 else {"content": body_text})
        return body, self.expected(pay, out, method, kind=_AUTH)


# ---------------------------------------------------------------------------
# EBANX
# ---------------------------------------------------------------------------


class _Ebanx(_Provider):
    name = "ebanx"
    declines = {
        _R.INSUFFICIENT_FUNDS: ["Insufficient funds"],
        # transaction_status.description values of EBANX's card response code table only
        _R.GENERIC_DECLINE: ["Not accepted"],
        _R.EXPIRED_CARD: ["Expired card"],
        _R.INVALID_CARD_DATA: ["Invalid card number", "Invalid card or card type", "Incorrect customer data"],
        _R.INCORRECT_CVC: ["Security code mismatch"],
        _R.AUTHENTICATION_REQUIRED: ["3-D Secure required"],
    }
    statuses = frozenset({_S.APPROVED, _S.DECLINED, _S.PENDING, _S.CANCELLED, _S.REFUNDED})
    _METHODS = {"visa": _M.CARD, "mastercard": _M.CARD, "elo": _M.CARD, "amex": _M.CARD, "boleto": _M.BOLETO,
                "pix": _M.PIX, "oxxo": _M.CASH_VOUCHER, "spei": _M.BANK_TRANSFER, "pse": _M.BANK_TRANSFER,
                "efecty": _M.CASH_VOUCHER, "pagoefectivo": _M.CASH_VOUCHER, "servipag": _M.BANK_TRANSFER}
    _LOCAL = {"BR": ("pix", "boleto"), "MX": ("oxxo", "spei"), "CO": ("pse", "efecty"), "CL": ("servipag",),
              "PE": ("pagoefectivo",)}

    def setup(self, rng, pay, needs_card):
        r = rng.random()
        if needs_card or r < 0.55:
            pay.method = ("visa", "mastercard", "elo" if pay.country == "BR" else "amex")[int(r * 1e6) % 3]
        else:
            pay.method = _choice(rng, self._LOCAL[pay.country])
        pay.txn_id = _tok(rng, 40, _T_LOWER)
        pay.aux["code"] = "mpc_" + _digits(rng, 9)

    def render(self, rng, pay, out, when):
        st, reason, code = out
        method = self._METHODS[pay.method]
        ts = when.strftime("%Y-%m-%d %H:%M:%S")
        major = _major_str(pay.amount_minor, pay.currency)
        status = {_S.APPROVED: "CO", _S.DECLINED: "CA", _S.PENDING: _choice(rng, ("PE", "OP")), _S.CANCELLED: "CA",
                  _S.REFUNDED: "CO"}[st]
        payment = {"hash": pay.txn_id, "country": pay.country.lower(), "merchant_payment_code": pay.aux["code"],
                   "order_number": None, "status": status, "status_date": ts, "open_date": ts,
                   "confirm_date": ts if status == "CO" else None, "transfer_date": None,
                   "amount_br": major if pay.currency == "BRL" else None, "amount_ext": major, "amount_iof": "0.00",
                   "currency_rate": "1.0000", "currency_ext": pay.currency,
                   "due_date": when.date().isoformat(), "instalments": "1", "payment_type_code": pay.method,
                   "pre_approved": status == "CO", "capture_available": False}
        if method is _M.CARD:
            payment["transaction_status"] = {"acquirer": "EBANX", "code": "NOK" if st is _S.DECLINED else "OK",
                                             "description": code if st is _S.DECLINED else "Accepted"}
            if pay.pii:
                payment["card"] = {"card_number": TEST_CARD_NUMBERS[5], "card_cvv": "123"}
        if st is _S.REFUNDED:
            rid = _digits(rng, 6)
            amount = _refund_amount(rng, pay)
            refund = {"id": rid, "merchant_refund_code": "ref_" + _digits(rng, 6), "status": "CO",
                      "request_date": ts, "pending_date": ts, "confirm_date": ts,
                      "amount_ext": _major_str(amount, pay.currency), "description": "Customer request"}
            payment["refunds"] = [refund]
            return {"payment": payment, "refund": refund, "status": "SUCCESS"}, \
                self.expected(pay, out, method, rid, amount)
        return {"payment": payment, "status": "SUCCESS"}, self.expected(pay, out, method, kind=_AUTH)


# ---------------------------------------------------------------------------
# Square
# ---------------------------------------------------------------------------


class _Square(_Provider):
    name = "square"
    declines = {
        _R.GENERIC_DECLINE: ["GENERIC_DECLINE", "GENERIC_DECLINE", "CARD_DECLINED", "CARD_DECLINED_CALL_ISSUER"],
        _R.INSUFFICIENT_FUNDS: ["INSUFFICIENT_FUNDS"],
        _R.INCORRECT_CVC: ["CVV_FAILURE"],
        _R.EXPIRED_CARD: ["CARD_EXPIRED"],
        _R.INVALID_CARD_DATA: ["INVALID_EXPIRATION", "PAN_FAILURE", "INVALID_CARD"],
        _R.LIMIT_EXCEEDED: ["TRANSACTION_LIMIT"],
        _R.TRANSACTION_NOT_PERMITTED: ["CARD_NOT_SUPPORTED"],
        _R.AUTHENTICATION_REQUIRED: ["CARD_DECLINED_VERIFICATION_REQUIRED"],
    }
    errors = {_R.PROCESSING_ERROR: ["TEMPORARY_ERROR"]}
    statuses = frozenset(STATUS_SHARES) - {_S.UNKNOWN}
    _METHODS = {"CARD": _M.CARD, "WALLET": _M.WALLET}

    def setup(self, rng, pay, needs_card):
        pay.method = "CARD" if needs_card or rng.random() < 0.9 else "WALLET"
        pay.txn_id = _tok(rng, 29)
        pay.aux["location"] = "L" + _tok(rng, 12, _T_UPPER)
        pay.aux["order"] = _tok(rng, 29)

    def render(self, rng, pay, out, when):
        st, reason, code = out
        method = self._METHODS[pay.method]
        ts = when.isoformat(timespec="milliseconds").replace("+00:00", "Z")
        money = {"amount": pay.amount_minor, "currency": pay.currency}
        if st is _S.REFUNDED:
            rid = pay.txn_id + "_" + _tok(rng, 22)
            amount = _refund_amount(rng, pay)
            body = {"refund": {"id": rid, "status": "COMPLETED", "amount_money": {"amount": amount, "currency": pay.currency},
                               "payment_id": pay.txn_id, "order_id": pay.aux["order"], "location_id": pay.aux["location"],
                               "reason": "Customer request", "created_at": ts, "updated_at": ts}}
            return body, self.expected(pay, out, None, rid, amount)  # a Square refund names no method
        if st is _S.CHARGEBACK:
            did = _tok(rng, 22)
            body = {"dispute": {"dispute_id": did, "id": did, "amount_money": money,
                                "reason": _choice(rng, ("NO_KNOWLEDGE", "NOT_AS_DESCRIBED", "UNAUTHORIZED")),
                                "state": "EVIDENCE_REQUIRED", "due_at": ts, "card_brand": pay.card.label.upper(),
                                "disputed_payment": {"payment_id": pay.txn_id}, "created_at": ts, "updated_at": ts,
                                "location_id": pay.aux["location"]}}
            # A Square dispute is against a card (card_brand), wallet-funded or not.
            return body, self.expected(pay, out, _M.CARD, did)
        status = {_S.APPROVED: _choice(rng, ("COMPLETED", "COMPLETED", "APPROVED")), _S.DECLINED: "FAILED",
                  _S.ERROR: "FAILED", _S.PENDING: "PENDING", _S.CANCELLED: "CANCELED"}[st]
        card_status = {"COMPLETED": "CAPTURED", "APPROVED": "AUTHORIZED", "FAILED": "FAILED", "PENDING": "AUTHORIZED",
                       "CANCELED": "VOIDED"}[status]
        payment = {"id": pay.txn_id, "created_at": ts, "updated_at": ts, "amount_money": money, "total_money": money,
                   "approved_money": money if status in ("COMPLETED", "APPROVED") else {"amount": 0, "currency": pay.currency},
                   "status": status, "source_type": pay.method,
                   "location_id": pay.aux["location"], "order_id": pay.aux["order"],
                   "receipt_number": pay.txn_id[:4]}
        errors = None
        if code:
            errors = [{"code": code, "detail": f"Authorization error: '{code}'",
                       "category": "API_ERROR" if st is _S.ERROR else "PAYMENT_METHOD_ERROR"}]
        if pay.method == "CARD":
            c = pay.card
            details = {"status": card_status,
                       "card": {"card_brand": c.label.upper().replace(" ", "_"), "last_4": c.last4, "exp_month": c.exp_month,
                                "exp_year": c.exp_year, "card_type": "CREDIT", "bin": c.bin},
                       "entry_method": _choice(rng, ("KEYED", "EMV", "CONTACTLESS", "ON_FILE")),
                       "cvv_status": "CVV_REJECTED" if code == "CVV_FAILURE" else "CVV_ACCEPTED",
                       "avs_status": "AVS_ACCEPTED", "statement_description": "SQ *" + pay.merchant["name"][:18].upper()}
            if errors:
                details["errors"] = errors
            if pay.pii:
                details["card"]["number"] = TEST_CARD_NUMBERS[4]
            payment["card_details"] = details
        else:
            payment["wallet_details"] = {"status": card_status, "brand": "CASH_APP"}
        body = {"payment": payment}
        if errors:
            body = {"errors": errors, "payment": payment}
        return body, self.expected(pay, out, method)


# ---------------------------------------------------------------------------
# Authorize.net (request stored next to the response: the amount is in the request)
# ---------------------------------------------------------------------------


class _AuthorizeNet(_Provider):
    name = "authorizenet"
    # (responseCode, errorCode, errorText)
    declines = {
        _R.GENERIC_DECLINE: [("2", "2", "This transaction has been declined."),
                             ("2", "3", "This transaction has been declined.")],
        _R.LOST_OR_STOLEN_CARD: [("2", "4", "This transaction has been declined.")],
        _R.INVALID_CARD_DATA: [("3", "6", "The credit card number is invalid."),
                               ("3", "7", "Credit card expiration date is invalid.")],
        _R.EXPIRED_CARD: [("3", "8", "The credit card has expired.")],
        _R.DUPLICATE: [("3", "11", "A duplicate transaction has been submitted.")],
        _R.INCORRECT_CVC: [("2", "44", "This transaction has been declined."),
                           ("2", "65", "This transaction has been declined.")],
        _R.RISK_REJECTED: [("2", "250", "This transaction has been declined."),
                           ("2", "251", "This transaction has been declined.")],
        _R.INVALID_REQUEST: [("3", "5", "A valid amount is required.")],
    }
    errors = {
        _R.PROCESSING_ERROR: [("3", "19", "An error occurred during processing. Please try again in 5 minutes."),
                              ("3", "57", "An error occurred in processing. Please try again in 5 minutes."),
                              ("3", "35", "An error occurred during processing. Call Merchant Service Provider.")],
        _R.CONFIGURATION_ERROR: [("3", "13", "The merchant login ID or password is invalid or the account is inactive.")],
    }
    statuses = frozenset(STATUS_SHARES) - {_S.UNKNOWN, _S.CHARGEBACK}

    def setup(self, rng, pay, needs_card):
        pay.method = "card"
        pay.txn_id = "6" + _digits(rng, 10)
        pay.aux["invoice"] = "INV-" + _digits(rng, 6)
        pay.aux["ref"] = _digits(rng, 8)

    def render(self, rng, pay, out, when):
        st, reason, code = out
        amount = pay.amount_minor
        txn_id = pay.txn_id
        ttype = "authCaptureTransaction"
        if st is _S.REFUNDED:
            ttype, txn_id, amount = "refundTransaction", "6" + _digits(rng, 10), _refund_amount(rng, pay)
        elif st is _S.CANCELLED:
            ttype, txn_id = "voidTransaction", "6" + _digits(rng, 10)
        c = pay.card
        request = {"transactionType": ttype, "amount": _major_str(amount, pay.currency), "currencyCode": pay.currency,
                   "payment": {"creditCard": {"cardNumber": TEST_CARD_NUMBERS[0] if pay.pii else "XXXX" + c.last4,
                                              "expirationDate": f"{c.exp_year}-{c.exp_month:02d}" if pay.pii else "XXXX"}},
                   "order": {"invoiceNumber": pay.aux["invoice"], "description": "Online order"}}
        if pay.pii:
            request["payment"]["creditCard"]["cardCode"] = "999"
        if ttype != "authCaptureTransaction":
            request["refTransId"] = pay.txn_id
        response = {"responseCode": "1", "authCode": _tok(rng, 6, _T_UPPER), "avsResultCode": "Y", "cvvResultCode": "P",
                    "cavvResultCode": "2", "transId": txn_id, "refTransID": pay.txn_id if ttype != "authCaptureTransaction" else "",
                    "transHash": "", "testRequest": "0", "accountNumber": "XXXX" + c.last4,
                    # Authorize.net spells the card type without spaces (AmericanExpress, MasterCard)
                    "accountType": c.label.replace(" ", "").replace("Mastercard", "MasterCard")}
        top = {"resultCode": "Ok", "message": [{"code": "I00001", "text": "Successful."}]}
        if st is _S.PENDING:  # held for review by the fraud detection suite
            response.update(responseCode="4", messages=[{"code": "253", "description":
                                                        "Your order has been received. Thank you for your business!"}])
        elif code:
            response.update(responseCode=code[0], authCode="", errors=[{"errorCode": code[1], "errorText": code[2]}])
            if code[1] in ("44", "65"):
                response["cvvResultCode"] = "N"
            top = {"resultCode": "Error", "message": [{"code": "E00027", "text": "The transaction was unsuccessful."}]}
        else:
            response["messages"] = [{"code": "1", "description": "This transaction has been approved."}]
        body = {"transactionRequest": request, "transactionResponse": response, "refId": pay.aux["ref"], "messages": top}
        return body, self.expected(pay, out, _M.CARD, txn_id, amount)


_PROVIDERS: dict[str, _Provider] = {p.name: p for p in (
    _Stripe(), _Adyen(), _MercadoPago(), _PayPal(), _Braintree(), _Checkout(), _Worldpay(), _Razorpay(), _Mollie(),
    _DLocal(), _PayU(), _Ebanx(), _Square(), _AuthorizeNet())}


# ---------------------------------------------------------------------------
# Culqi (Peru): the noisy low-volume provider of incident scenarios (never in the default mix)
# ---------------------------------------------------------------------------

# Merchants of the noisy provider only: kept out of MERCHANTS so the default generation is unchanged.
CULQI_MERCHANTS: tuple[dict, ...] = (
    {"id": "m_01HQ7ZM6", "name": "Lima Gourmet", "country": "PE"},
    {"id": "m_01HQ7ZQ1", "name": "Arequipa Artesanías", "country": "PE"},
    {"id": "m_01HQ7ZQ2", "name": "Cusco Trekking", "country": "PE"},
)

# Culqi's charge decline codes (docs.culqi.com, "Denegaciones": the error object's decline_code) with
# their merchant messages, by canonical reason.
_CULQI_MSG = {
    "insufficient_funds": "La tarjeta no tiene fondos suficientes para realizar la compra.",
    "contact_issuer": "La operación fue denegada por el banco emisor de la tarjeta.",
    "issuer_decline_operation": "La operación fue denegada por el banco emisor de la tarjeta.",
    "expired_card": "La tarjeta está vencida o la fecha de vencimiento ingresada es incorrecta.",
    "stolen_card": "La tarjeta fue bloqueada y reportada al banco emisor como una tarjeta robada.",
    "lost_card": "La tarjeta fue bloqueada y reportada al banco emisor como una tarjeta perdida.",
    "invalid_cvv": "El código de seguridad (CVV2, CVC2, CID) de la tarjeta es inválido.",
    "fraudulent": "La operación fue considerada fraudulenta por el banco emisor.",
    "issuer_not_available": "El banco que emitió la tarjeta no responde.",
}


class _Culqi(_Provider):
    name = "culqi"
    declines = {
        _R.INSUFFICIENT_FUNDS: ["insufficient_funds"],
        _R.GENERIC_DECLINE: ["contact_issuer", "issuer_decline_operation"],
        _R.EXPIRED_CARD: ["expired_card"],
        _R.LOST_OR_STOLEN_CARD: ["stolen_card", "lost_card"],
        _R.INCORRECT_CVC: ["invalid_cvv"],
        _R.SUSPECTED_FRAUD: ["fraudulent"],
        _R.ISSUER_UNAVAILABLE: ["issuer_not_available"],
    }
    statuses = frozenset({_S.APPROVED, _S.DECLINED})
    pending_capable = False

    def __init__(self) -> None:  # its merchants are its own (CULQI_MERCHANTS), not _PROVIDER_COUNTRIES'
        self.status_pick = _restricted(STATUS_SHARES, self.statuses)
        self.decline_pick = _restricted(DECLINE_REASON_SHARES, self.declines)
        self.error_pick = self.unknown_pick = None
        self.merchant_pick = _Picker({("PE", m["id"]): 1 for m in CULQI_MERCHANTS})
        self._merchants = {m["id"]: m for m in CULQI_MERCHANTS}

    def new_payment(self, rng, needs_card):
        _, merchant_id = self.merchant_pick(rng)
        pay = _Payment(self.name, self._merchants[merchant_id], "PE", "PEN", _amount(rng, "PEN"),
                       "chr_live_" + _tok(rng, 16), "card", "charge", _card(rng), False, {})
        return pay

    def render(self, rng, pay, out, when):
        st, reason, code = out
        if st is _S.APPROVED:  # POST /v2/charges: the charge object
            c = pay.card
            data = {
                "duplicated": False, "object": "charge", "id": pay.txn_id, "amount": pay.amount_minor,
                "amount_refunded": 0, "current_amount": pay.amount_minor, "installments": 0,
                "installments_amount": None, "currency_code": pay.currency,
                "email": f"cliente{_digits(rng, 4)}@example.pe",
                "description": "Pedido " + _digits(rng, 6),
                "source": {"object": "token", "id": "tkn_live_" + _tok(rng, 16), "type": "card",
                           "card_number": f"{c.bin}******{c.last4}", "last_four": c.last4,
                           "iin": {"object": "iin", "bin": c.bin, "card_brand": c.label, "card_type": "crédito"}},
                "outcome": {"type": "venta_exitosa", "code": "AUT0000",
                            "merchant_message": "La operación de venta ha sido autorizada exitosamente",
                            "user_message": "Su compra ha sido exitosa."},
                "creation_date": int(when.timestamp() * 1000), "reference_code": _tok(rng, 10),
                "authorization_code": _tok(rng, 6), "metadata": {}, "capture": True,
            }
            return data, self.expected(pay, out, _M.CARD)
        # A refused charge: Culqi answers with an error object naming the charge (no amount in it).
        data = {"object": "error", "type": "card_error", "charge_id": pay.txn_id, "code": "card_declined",
                "decline_code": code, "merchant_message": _CULQI_MSG[code],
                "user_message": "Su tarjeta fue rechazada. Intente con otra tarjeta o contacte a su banco."}
        return data, (self.name, st, reason, None, None, _M.CARD, pay.txn_id, None, _AUTH)


_CULQI = _Culqi()


# ---------------------------------------------------------------------------
# Unknown providers: shapes nobody wrote a mapping for
# ---------------------------------------------------------------------------

_UNKNOWN_STATUS = _Picker({_S.APPROVED: 0.78, _S.DECLINED: 0.10, _S.PENDING: 0.02, _S.ERROR: 0.02, _S.UNKNOWN: 0.08})
_UNKNOWN_SHAPE = _Picker({"es": 0.3, "pt": 0.2, "en": 0.25, "iso": 0.15, "kv": 0.1})
_ES_REASONS = {
    _R.INSUFFICIENT_FUNDS: "fondos insuficientes", _R.GENERIC_DECLINE: "transaccion no autorizada por el emisor",
    _R.EXPIRED_CARD: "tarjeta vencida", _R.INCORRECT_CVC: "cvv incorrecto", _R.SUSPECTED_FRAUD: "sospecha de fraude",
    _R.LIMIT_EXCEEDED: "excede el limite de la tarjeta",
}
_PT_REASONS = {
    _R.INSUFFICIENT_FUNDS: "saldo insuficiente", _R.GENERIC_DECLINE: "transacao nao autorizada",
    _R.EXPIRED_CARD: "cartao vencido", _R.INCORRECT_CVC: "codigo de seguranca invalido",
    _R.SUSPECTED_FRAUD: "suspeita de fraude",
}
_EN_REASONS = {
    _R.INSUFFICIENT_FUNDS: "insufficient_funds", _R.GENERIC_DECLINE: "do_not_honor", _R.EXPIRED_CARD: "expired_card",
    _R.INCORRECT_CVC: "invalid_cvv", _R.SUSPECTED_FRAUD: "suspected_fraud", _R.LIMIT_EXCEEDED: "limit_exceeded",
}
_ISO_CODES = {
    _R.INSUFFICIENT_FUNDS: "51", _R.GENERIC_DECLINE: "05", _R.EXPIRED_CARD: "54", _R.INVALID_CARD_DATA: "14",
    _R.INCORRECT_CVC: "N7", _R.SUSPECTED_FRAUD: "59", _R.LOST_OR_STOLEN_CARD: "41", _R.LIMIT_EXCEEDED: "61",
    _R.RESTRICTED_CARD: "62", _R.TRANSACTION_NOT_PERMITTED: "57",
}
_UNKNOWN_PICKERS = {name: _restricted(DECLINE_REASON_SHARES, table)
                    for name, table in (("es", _ES_REASONS), ("pt", _PT_REASONS), ("en", _EN_REASONS),
                                        ("iso", _ISO_CODES), ("kv", _ISO_CODES))}
_UNKNOWN_CURRENCIES = {"es": ("MXN", "COP", "ARS", "CLP", "PEN"), "pt": ("BRL",), "en": ("USD", "EUR", "GBP", "CAD"),
                       "iso": ("USD", "EUR", "GBP", "AUD"), "kv": ("USD", "MXN", "BRL")}
_CURRENCY_COUNTRY = {"MXN": "MX", "COP": "CO", "ARS": "AR", "CLP": "CL", "PEN": "PE", "BRL": "BR", "USD": "US",
                     "EUR": "DE", "GBP": "GB", "CAD": "CA", "AUD": "AU"}


def _unknown_row(rng: random.Random, when: datetime) -> tuple[object, tuple, dict]:
    shape = _UNKNOWN_SHAPE(rng)
    st = _UNKNOWN_STATUS(rng)
    reason = None
    if st is _S.DECLINED:
        reason = _UNKNOWN_PICKERS[shape](rng)
    elif st is _S.ERROR:
        reason = _R.PROCESSING_ERROR
    elif st is _S.UNKNOWN:
        reason = _R.TIMEOUT
    currency = _choice(rng, _UNKNOWN_CURRENCIES[shape])
    merchant = _choice(rng, _MERCHANTS_BY_COUNTRY[_CURRENCY_COUNTRY[currency]])
    minor = _amount(rng, currency)
    major = _major_str(minor, currency)
    ts = _iso(when)
    method = _M.CARD
    if shape == "es":
        txn = "TX-" + _digits(rng, 10)
        metodo = "tarjeta" if st in (_S.DECLINED, _S.ERROR) or rng.random() < 0.7 else \
            ("oxxo" if currency == "MXN" else "transferencia")
        method = {"tarjeta": _M.CARD, "oxxo": _M.CASH_VOUCHER, "transferencia": _M.BANK_TRANSFER}[metodo]
        estado = {_S.APPROVED: "aprobado", _S.DECLINED: "rechazado", _S.PENDING: "pendiente", _S.ERROR: "error",
                  _S.UNKNOWN: "sin_respuesta"}[st]
        data = {"txn_ref": txn, "estado": estado, "monto": major, "moneda": currency, "metodo_pago": metodo,
                "fecha": ts, "comercio": merchant["name"]}
        if reason is not None:
            data["motivo"] = _ES_REASONS.get(reason) or {_R.PROCESSING_ERROR: "error de procesamiento",
                                                        _R.TIMEOUT: "tiempo de espera agotado"}[reason]
    elif shape == "pt":
        # 10 digits: a 12-19 digit Luhn-valid id would be masked as a card number (pii.py), by design.
        txn = _digits(rng, 10)
        forma = "cartao_credito" if st in (_S.DECLINED, _S.ERROR) or rng.random() < 0.55 else \
            _choice(rng, ("pix", "boleto"))
        method = {"cartao_credito": _M.CARD, "pix": _M.PIX, "boleto": _M.BOLETO}[forma]
        situacao = {_S.APPROVED: "aprovada", _S.DECLINED: "recusada", _S.PENDING: "pendente", _S.ERROR: "erro",
                    _S.UNKNOWN: "sem_resposta"}[st]
        data = {"id_transacao": txn, "situacao": situacao, "valor": _major_num(minor, currency), "moeda": currency,
                "forma_pagamento": forma, "data_criacao": ts}
        if reason is not None:
            data["motivo_recusa"] = _PT_REASONS.get(reason) or {_R.PROCESSING_ERROR: "erro de processamento",
                                                               _R.TIMEOUT: "tempo esgotado"}[reason]
    elif shape == "en":
        txn = "txn_" + _tok(rng, 16, _T_LOWER)
        status = {_S.APPROVED: _choice(rng, ("success", "approved", "captured")), _S.DECLINED: "declined",
                  _S.PENDING: "pending", _S.ERROR: "error", _S.UNKNOWN: "timeout"}[st]
        data = {"transaction_id": txn, "status": status, "amount": major, "currency": currency,
                "payment_method": "card", "created": ts}
        if st is _S.DECLINED:
            data["decline_reason"] = _EN_REASONS[reason]
        elif st is _S.ERROR:
            data["error"] = "processing_error"
    elif shape == "iso":
        txn = _tok(rng, 12, _T_UPPER)
        result = {_S.APPROVED: "APPROVED", _S.DECLINED: "DECLINED", _S.PENDING: "PENDING", _S.ERROR: "ERROR",
                  _S.UNKNOWN: "TIMEOUT"}[st]
        rc = _ISO_CODES[reason] if st is _S.DECLINED else \
            {_S.APPROVED: "00", _S.PENDING: None, _S.ERROR: "96", _S.UNKNOWN: "68"}[st]
        data = {"ref": txn, "result": result, "amount_cents": minor, "currency_code": currency, "response_code": rc,
                "card_last4": f"{_randrange(rng, 10000):04d}", "timestamp": ts}
        if _exp(currency) != 2:  # "cents" only means minor units of a two-decimal currency
            currency = "USD"
            data["currency_code"] = currency
    else:
        txn = _digits(rng, 9)
        result = {_S.APPROVED: "approved", _S.DECLINED: "declined", _S.PENDING: "pending", _S.ERROR: "error",
                  _S.UNKNOWN: "timeout"}[st]
        rc = _ISO_CODES[reason] if st is _S.DECLINED else \
            {_S.APPROVED: "00", _S.PENDING: "", _S.ERROR: "96", _S.UNKNOWN: "68"}[st]
        text = f"txn={txn};result={result};rc={rc};amt={major};cur={currency};method=card;ts={ts}"
        data = {"content": text, "content_type": "text/plain"} if rng.random() < 0.5 else {"content": text}
    exp = (UNKNOWN_PROVIDER, st, reason, minor, currency, method, txn, None)
    return data, exp, merchant


# ---------------------------------------------------------------------------
# Rows malformed on purpose
# ---------------------------------------------------------------------------

_MALFORMED_PICK = _Picker(MALFORMED_SHARES)


def _malformed_row(rng: random.Random, when: datetime) -> tuple[object, tuple, dict]:
    kind = _MALFORMED_PICK(rng)
    merchant = _choice(rng, MERCHANTS)
    provider = UNKNOWN_PROVIDER
    if kind == "MALFORMED_JSON":
        variant = _randrange(rng, 3)
        if variant == 0:  # truncated in transit
            data = (f'{{"id": "ch_3{_tok(rng, 23)}", "object": "charge", "amount": {_randint(rng, 100, 99999)}, '
                    f'"currency": "usd", "status": "succ')
        elif variant == 1:  # hand-written by an integration
            data = f'{{"transaction_id": "{_digits(rng, 9)}", "status": "approved", "amount": 10.00,, }}'
        else:  # a Python repr stored instead of JSON
            data = f"{{'id': '{_digits(rng, 10)}', 'status': 'approved', 'amount': 15.5, 'currency': 'BRL'}}"
    elif kind == "MALFORMED_XML":
        if rng.random() < 0.5:
            xml = (f'<?xml version="1.0" encoding="UTF-8"?>\n<paymentService version="1.4" merchantCode="ACMEECOM">'
                   f'<reply><orderStatus orderCode="ORD{_digits(rng, 9)}"><payment><paymentMethod>VISA-SSL'
                   f'</paymentMethod><lastEvent>AUTHORISED</lastEv')
            provider = "worldpay" if rng.random() < 0.5 else UNKNOWN_PROVIDER
        else:
            xml = (f'<?xml version="1.0" encoding="UTF-8"?>\n<transaction><id>{_tok(rng, 8, _T_LOWER)}</id>'
                   f'<status>settled</transaction>')
            provider = "braintree" if rng.random() < 0.5 else UNKNOWN_PROVIDER
        data = {"content": xml, "content_type": "text/xml"}
        if provider != UNKNOWN_PROVIDER:
            data["provider"] = provider
    elif kind == "XML_FORBIDDEN_CONSTRUCT":
        if rng.random() < 0.6:  # external entity (XXE)
            xml = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                   '<!DOCTYPE paymentService [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
                   f'<paymentService version="1.4" merchantCode="ACMEECOM"><reply><orderStatus orderCode="ORD{_digits(rng, 9)}">'
                   '<payment><lastEvent>&xxe;</lastEvent></payment></orderStatus></reply></paymentService>')
        else:  # entity expansion bomb
            xml = ('<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
                   '<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
                   '<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]>\n'
                   '<transaction><id>&lol2;</id><status>settled</status></transaction>')
        data = {"content": xml, "format": "xml"}
    elif kind == "EMPTY_PAYLOAD":
        variant = _randrange(rng, 5)
        data = ({}, "", {"content": ""}, {"content": "   ", "format": "xml"}, None)[variant]
        if data is None:  # only the hint survived
            provider = _choice(rng, ("stripe", "adyen", "mercadopago"))
            data = {"provider": provider}
    elif kind == "CSV_MULTIPLE_RECORDS":
        adyen = _PROVIDERS["adyen"]
        pay = adyen.new_payment(rng, True)
        lines = [adyen._csv_line(rng, pay, adyen.outcome(rng, _S.APPROVED), when)[0] for _ in range(_randint(rng, 2, 4))]
        data = {"content": adyen._CSV_HEADER + "\n" + "\n".join(lines) + "\n", "format": "csv", "provider": "adyen"}
        provider = "adyen"
        merchant = pay.merchant
    else:  # UNKNOWN_CURRENCY / INVALID_AMOUNT: a provider payload with one bad field
        provider = _choice(rng, ("stripe", "mercadopago", "paypal"))
        prov = _PROVIDERS[provider]
        pay = prov.new_payment(rng, True)
        pay.kind = {"stripe": "charge", "paypal": "capture"}.get(provider, pay.kind)
        pay.txn_id = pay.aux["ch"] if provider == "stripe" else pay.txn_id
        data, _ = prov.render(rng, pay, prov.outcome(rng, _S.APPROVED), when)
        merchant = pay.merchant
        if kind == "UNKNOWN_CURRENCY":
            if provider == "stripe":
                data["currency"] = "xyz"
            elif provider == "mercadopago":
                data["currency_id"] = "XYZ"
            else:
                data["amount"]["currency_code"] = "XYZ"
        else:
            if provider == "stripe":
                data["amount"] = "abc"
            elif provider == "mercadopago":
                data["transaction_amount"] = "abc"
            else:
                data["amount"]["value"] = "abc"
    return data, (provider, None, None, None, None, None, None, kind), merchant


# ---------------------------------------------------------------------------
# Lifecycles: one payment over several rows (retries, captures, voids, refunds, disputes)
# ---------------------------------------------------------------------------
#
# Each provider's hooks render the rows of a lifecycle from its own renderer (post-edited where the
# lifecycle needs another status word or object) and say what each row is (its event kind). The
# generator, not the payloads, knows which attempt, payment, refund and dispute every row belongs to.

_REFUND_TRUTH = {"succeeded": _S.REFUNDED, "pending": _S.PENDING, "failed": _S.DECLINED}


def _with(exp: tuple, **changes) -> tuple:
    fields = ("provider", "status", "reason", "amount", "currency", "method", "txn", "malformed", "kind")
    values = list(exp)
    for k, v in changes.items():
        values[fields.index(k)] = v
    return tuple(values)


def _refund_exp(exp: tuple, rid: str, amount: int, status: str) -> tuple:
    st = _REFUND_TRUTH[status]
    return _with(exp, status=st, reason=_R.UNKNOWN if st is _S.DECLINED else None, amount=amount, txn=rid,
                 kind=_REFUND)


class _Hooks:
    """How a provider renders lifecycle rows. ``caps`` names the lifecycle shapes it supports."""

    caps: frozenset = frozenset({"retry"})
    # False: the provider has no payment id to repeat (one order code / merchant code per attempt):
    # a retry is linked to its payment by the lake's transactional_id only.
    same_payment_retry = True
    refund_statuses: tuple = ("succeeded", "failed", "pending")

    def __init__(self, prov: _Provider):
        self.p = prov

    def new_attempt(self, rng, pay, new_payment):  # pragma: no cover
        raise NotImplementedError

    def auth(self, rng, pay, out, when):
        return self.p.render(rng, pay, out, when)

    def auth_only(self, rng, pay, when):  # an authorization to be captured later
        return self.auth(rng, pay, self.p.outcome(rng, _S.APPROVED), when)


def _obj(data):
    """The object inside a Stripe Event, or the object itself."""
    return data["data"]["object"] if data.get("object") == "event" else data


class _StripeHooks(_Hooks):
    caps = frozenset({"retry", "capture", "void", "refund", "dispute", "two_objects"})

    def new_attempt(self, rng, pay, new_payment):
        pay.aux["ch"] = "ch_3" + _tok(rng, 23)
        if new_payment:
            pay.aux["pi"] = "pi_3" + _tok(rng, 23)
        pay.txn_id = pay.aux["ch"]

    def auth(self, rng, pay, out, when):
        pay.kind = "event" if rng.random() < 0.6 else "charge"
        pay.txn_id = pay.aux["ch"]
        return self.p.render(rng, pay, out, when)

    def auth_only(self, rng, pay, when):
        data, exp = self.auth(rng, pay, self.p.outcome(rng, _S.APPROVED), when)
        obj = _obj(data)
        obj["captured"], obj["amount_captured"], obj["balance_transaction"] = False, 0, None
        return data, exp

    def capture(self, rng, pay, when):
        pay.kind, pay.txn_id = "event", pay.aux["ch"]
        data, exp = self.p.render(rng, pay, self.p.outcome(rng, _S.APPROVED), when)
        data["type"] = "charge.captured"
        return data, _with(exp, kind=_CAPTURE)

    def void(self, rng, pay, when):
        pay.kind, pay.txn_id = "event", pay.aux["ch"]
        return self.p.render(rng, pay, self.p.outcome(rng, _S.CANCELLED), when)  # charge.expired

    def refund(self, rng, pay, when, rid, amount, status, first):
        pay.kind = "event" if rng.random() < 0.7 else "charge"
        pay.txn_id = pay.aux["ch"]
        data, exp = self.p.render(rng, pay, self.p.outcome(rng, _S.REFUNDED), when)
        obj = _obj(data)
        obj.update(id=rid, amount=amount, status=status)
        if status == "failed":
            obj["failure_reason"] = "expired_or_canceled_card"
        if obj is not data:
            data["type"] = "refund.created" if first else ("refund.failed" if status == "failed" else "refund.updated")
        return data, _refund_exp(exp, rid, amount, status)

    def dispute(self, rng, pay, when, did, stage):
        pay.kind = "event" if rng.random() < 0.7 else "charge"
        pay.txn_id = pay.aux["ch"]
        data, exp = self.p.render(rng, pay, self.p.outcome(rng, _S.CHARGEBACK), when)
        obj = _obj(data)
        obj["id"] = did
        if stage:
            obj["status"] = _choice(rng, ("won", "lost", "under_review"))
            if obj is not data:
                data["type"] = "charge.dispute.closed" if obj["status"] != "under_review" else "charge.dispute.updated"
        return data, _with(exp, txn=did)

    def second(self, rng, pay, out, when):
        """The PaymentIntent naming the charge as its latest_charge: the same attempt, another object."""
        pay.kind = "event" if rng.random() < 0.5 else "payment_intent"
        pay.txn_id = pay.aux["pi"]
        data, exp = self.p.render(rng, pay, out, when)
        pay.txn_id = pay.aux["ch"]
        return data, exp


class _AdyenHooks(_Hooks):
    caps = frozenset({"retry", "capture", "void", "refund", "dispute", "two_objects"})
    refund_statuses = ("succeeded", "failed")  # a refund notification is success true or false

    def new_attempt(self, rng, pay, new_payment):
        pay.txn_id = _tok(rng, 16, _T_UPPER)
        if new_payment:
            pay.aux["ref"] = "ORDER-" + _digits(rng, 7)

    def auth(self, rng, pay, out, when):
        pay.kind = "notification" if rng.random() < 0.6 else "response"
        return self.p.render(rng, pay, out, when)

    def _item(self, data):
        return data["notificationItems"][0]["NotificationRequestItem"]

    def capture(self, rng, pay, when):
        pay.kind = "notification"
        data, exp = self.p.render(rng, pay, self.p.outcome(rng, _S.APPROVED), when)
        psp = _tok(rng, 16, _T_UPPER)
        item = self._item(data)
        item.update(eventCode="CAPTURE", originalReference=pay.txn_id, pspReference=psp, reason="", success="true",
                    additionalData={})
        return data, _with(exp, txn=psp, kind=_CAPTURE)

    def void(self, rng, pay, when):
        pay.kind = "notification"
        return self.p.render(rng, pay, self.p.outcome(rng, _S.CANCELLED), when)  # CANCELLATION

    def refund(self, rng, pay, when, rid, amount, status, first):
        pay.kind = "notification"
        data, exp = self.p.render(rng, pay, self.p.outcome(rng, _S.REFUNDED), when)
        item = self._item(data)
        item["pspReference"] = rid
        item["amount"]["value"] = amount
        if status == "failed":
            item.update(success="false", reason="Refund failed")
        return data, _refund_exp(exp, rid, amount, status)

    def dispute(self, rng, pay, when, did, stage):
        pay.kind = "notification"
        data, exp = self.p.render(rng, pay, self.p.outcome(rng, _S.CHARGEBACK), when)
        item = self._item(data)
        item["pspReference"] = did
        item["eventCode"] = "CHARGEBACK" if stage else "NOTIFICATION_OF_CHARGEBACK"
        return data, _with(exp, txn=did)

    def second(self, rng, pay, out, when):
        pay.kind = "response" if pay.kind == "notification" else "notification"
        return self.p.render(rng, pay, out, when)


class _PayPalHooks(_Hooks):
    caps = frozenset({"retry", "capture", "void", "dispute", "two_objects"})

    def new_attempt(self, rng, pay, new_payment):
        pay.txn_id = _tok(rng, 17, _T_UPPER)
        if new_payment:
            pay.aux["order"] = _tok(rng, 17, _T_UPPER)

    def _related(self, resource, pay, **ids):
        resource["supplementary_data"] = {"related_ids": {"order_id": pay.aux["order"], **ids}}

    def auth(self, rng, pay, out, when):
        pay.kind = "order" if rng.random() < 0.5 else "webhook"
        data, exp = self.p.render(rng, pay, out, when)
        if pay.kind == "webhook":
            self._related(data["resource"], pay)
        return data, exp

    def auth_only(self, rng, pay, when):
        # Orders v2 intent=AUTHORIZE: PAYMENT.AUTHORIZATION.CREATED, the authorization is the attempt.
        pay.kind = "webhook"
        data, exp = self.p.render(rng, pay, self.p.outcome(rng, _S.CANCELLED), when)
        money = data["resource"]["amount"]
        data.update(event_type="PAYMENT.AUTHORIZATION.CREATED",
                    summary=f"A payment authorization was created for {money['value']} {pay.currency}")
        data["resource"]["status"] = "CREATED"
        data["resource"]["expiration_time"] = _iso(when + timedelta(days=29))
        self._related(data["resource"], pay)
        return data, _with(exp, status=_S.APPROVED, kind=_AUTH)

    def capture(self, rng, pay, when):
        pay.kind = "webhook"
        auth_id = pay.txn_id
        pay.txn_id = _tok(rng, 17, _T_UPPER)
        data, exp = self.p.render(rng, pay, self.p.outcome(rng, _S.APPROVED), when)
        self._related(data["resource"], pay, authorization_id=auth_id)
        capture_id, pay.txn_id = pay.txn_id, auth_id
        return data, _with(exp, txn=capture_id, kind=_CAPTURE)

    def void(self, rng, pay, when):
        pay.kind = "webhook"
        data, exp = self.p.render(rng, pay, self.p.outcome(rng, _S.CANCELLED), when)  # AUTHORIZATION.VOIDED
        self._related(data["resource"], pay)
        return data, exp

    def dispute(self, rng, pay, when, did, stage):
        data, exp = self.p.render(rng, pay, self.p.outcome(rng, _S.CHARGEBACK), when)
        res = data["resource"]
        res["dispute_id"] = did
        data["summary"] = "A new dispute opened with Case # " + did
        if stage:
            data["event_type"] = "CUSTOMER.DISPUTE.RESOLVED"
            data["summary"] = "A dispute was resolved with case # " + did
            res["status"] = "RESOLVED"
            res["dispute_outcome"] = {"outcome_code": _choice(rng, ("RESOLVED_BUYER_FAVOUR", "RESOLVED_SELLER_FAVOUR")),
                                      "amount_refunded": res["dispute_amount"]}
        return data, _with(exp, txn=did)

    def second(self, rng, pay, out, when):
        pay.kind = "webhook" if pay.kind == "order" else "order"
        data, exp = self.p.render(rng, pay, out, when)
        if pay.kind == "webhook":
            self._related(data["resource"], pay)
        return data, exp


def _xml_sub(data, pattern, repl):
    data["content"] = re.sub(pattern, repl, data["content"], count=1)


class _BraintreeHooks(_Hooks):
    caps = frozenset({"retry", "capture", "void", "refund", "dispute"})

    def new_attempt(self, rng, pay, new_payment):
        pay.txn_id = _tok(rng, 8, _T_LOWER)
        if new_payment:
            pay.aux["order"] = _digits(rng, 6)

    def auth_only(self, rng, pay, when):
        data, exp = self.auth(rng, pay, self.p.outcome(rng, _S.APPROVED), when)
        _xml_sub(data, r"<status>[a-z_]+</status>", "<status>authorized</status>")
        return data, exp

    def capture(self, rng, pay, when):
        data, exp = self.auth(rng, pay, self.p.outcome(rng, _S.APPROVED), when)
        _xml_sub(data, r"<status>[a-z_]+</status>", "<status>submitted_for_settlement</status>")
        # The sale's later state, as a one-step sale also shows it: an authorization row, not a capture event.
        return data, exp

    def void(self, rng, pay, when):
        return self.p.render(rng, pay, self.p.outcome(rng, _S.CANCELLED), when)

    def refund(self, rng, pay, when, rid, amount, status, first):
        data, exp = self.p.render(rng, pay, self.p.outcome(rng, _S.REFUNDED), when)
        _xml_sub(data, r"<id>[a-z0-9]+</id>", f"<id>{rid}</id>")
        _xml_sub(data, r"<amount>[0-9.]+</amount>", f"<amount>{_major_str(amount, pay.currency)}</amount>")
        word = {"succeeded": "settled", "pending": "submitted_for_settlement", "failed": "processor_declined"}[status]
        _xml_sub(data, r"<status>[a-z_]+</status>", f"<status>{word}</status>")
        if status == "failed":
            _xml_sub(data, r"<processor-response-code>\d+</processor-response-code>\n"
                           r"  <processor-response-text>[^<]*</processor-response-text>",
                     "<processor-response-code>2046</processor-response-code>\n"
                     "  <processor-response-text>Declined</processor-response-text>")
        return data, _refund_exp(exp, rid, amount, status)

    def dispute(self, rng, pay, when, did, stage):
        data, exp = self.p.render(rng, pay, self.p.outcome(rng, _S.CHARGEBACK), when)
        _xml_sub(data, r"<id>[a-z0-9]+</id>", f"<id>{did}</id>")
        if stage:
            _xml_sub(data, r"<status>open</status>", f"<status>{_choice(rng, ('won', 'lost'))}</status>")
        return data, _with(exp, txn=did)


class _CheckoutHooks(_Hooks):
    caps = frozenset({"retry", "capture", "void", "refund", "dispute", "two_objects"})
    refund_statuses = ("succeeded", "failed")

    def new_attempt(self, rng, pay, new_payment):
        pay.txn_id = "pay_" + _tok(rng, 26, _T_LOWER)
        if new_payment:
            pay.aux["ref"] = f"ORD-{_digits(rng, 4)}-{_tok(rng, 4, _T_UPPER)}"

    def _webhook(self, rng, pay, status, when, etype, kind):
        pay.kind = "webhook"
        data, exp = self.p.render(rng, pay, self.p.outcome(rng, status), when)
        data["type"] = etype
        if status is _S.APPROVED:
            data["data"].update(response_code="10000", response_summary="Approved")
        return data, _with(exp, kind=kind)

    def auth_only(self, rng, pay, when):
        return self._webhook(rng, pay, _S.APPROVED, when, "payment_approved", _AUTH)

    def capture(self, rng, pay, when):
        return self._webhook(rng, pay, _S.APPROVED, when, "payment_captured", _CAPTURE)

    def void(self, rng, pay, when):
        return self._webhook(rng, pay, _S.CANCELLED, when, "payment_voided", _VOID)

    def refund(self, rng, pay, when, rid, amount, status, first):
        data, exp = self.p.render(rng, pay, self.p.outcome(rng, _S.REFUNDED), when)
        data["data"].update(action_id=rid, amount=amount)
        if status == "failed":
            data["type"] = "payment_refund_declined"
            data["data"].update(response_code="20005", response_summary="Declined - Do not honour")
        return data, _refund_exp(exp, rid, amount, status)

    def dispute(self, rng, pay, when, did, stage):
        data, exp = self.p.render(rng, pay, self.p.outcome(rng, _S.CHARGEBACK), when)
        data["data"]["id"] = did
        if stage:
            outcome = _choice(rng, ("won", "lost"))
            data["type"] = "dispute_" + outcome
            data["data"]["status"] = outcome
        return data, _with(exp, txn=did)

    def auth(self, rng, pay, out, when):
        pay.kind = "response" if rng.random() < 0.5 else "webhook"
        return self.p.render(rng, pay, out, when)

    def second(self, rng, pay, out, when):
        pay.kind = "webhook" if pay.kind == "response" else "response"
        return self.p.render(rng, pay, out, when)


class _WorldpayHooks(_Hooks):
    caps = frozenset({"retry", "capture", "void", "refund", "two_objects"})
    same_payment_retry = False  # the order code is the attempt and the payment

    def new_attempt(self, rng, pay, new_payment):
        pay.txn_id = f"ORD{_digits(rng, 9)}"

    def _event(self, data, word):
        _xml_sub(data, r"<lastEvent>[A-Z_]+</lastEvent>", f"<lastEvent>{word}</lastEvent>")
        _xml_sub(data, r'journalType="[A-Z_]+"', f'journalType="{word}"')

    def auth_only(self, rng, pay, when):
        pay.kind = "notify"
        data, exp = self.p.render(rng, pay, self.p.outcome(rng, _S.APPROVED), when)
        self._event(data, "AUTHORISED")
        return data, _with(exp, kind=_AUTH)

    def capture(self, rng, pay, when):
        pay.kind = "notify"
        data, exp = self.p.render(rng, pay, self.p.outcome(rng, _S.APPROVED), when)
        self._event(data, "CAPTURED")
        return data, _with(exp, kind=_CAPTURE)

    def void(self, rng, pay, when):
        pay.kind = "notify"
        return self.p.render(rng, pay, self.p.outcome(rng, _S.CANCELLED), when)

    def refund(self, rng, pay, when, rid, amount, status, first):
        pay.kind = "notify"
        data, exp = self.p.render(rng, pay, self.p.outcome(rng, _S.REFUNDED), when)
        self._event(data, {"succeeded": "REFUNDED", "pending": "SENT_FOR_REFUND", "failed": "REFUND_FAILED"}[status])
        _xml_sub(data, r'<amount value="\d+"', f'<amount value="{amount}"')
        # Worldpay names a refund by the order code only: the generator's refund serial is the refund.
        return data, _refund_exp(exp, pay.txn_id, amount, status)

    def second(self, rng, pay, out, when):
        pay.kind = "reply" if pay.kind == "notify" else "notify"
        data, exp = self.p.render(rng, pay, out, when)
        if out[0] is _S.APPROVED:
            self._event(data, "AUTHORISED")
            exp = _with(exp, kind=_AUTH)
        return data, exp

    def auth(self, rng, pay, out, when):
        data, exp = self.p.render(rng, pay, out, when)
        if out[0] is _S.APPROVED:
            self._event(data, "AUTHORISED")
            exp = _with(exp, kind=_AUTH)
        return data, exp


class _RazorpayHooks(_Hooks):
    caps = frozenset({"retry", "capture", "refund", "dispute", "two_objects"})

    def new_attempt(self, rng, pay, new_payment):
        pay.txn_id = "pay_" + _tok(rng, 14)
        if new_payment:
            pay.aux["order"] = "order_" + _tok(rng, 14)

    def _status(self, data, status):
        entity = data["payload"]["payment"]["entity"] if data.get("entity") == "event" else data
        entity["status"], entity["captured"] = status, status == "captured"
        if data.get("entity") == "event":
            data["event"] = "payment." + status

    def auth(self, rng, pay, out, when):
        data, exp = self.p.render(rng, pay, out, when)
        if out[0] is _S.APPROVED:
            self._status(data, "authorized")
            exp = _with(exp, kind=_AUTH)
        return data, exp

    def capture(self, rng, pay, when):
        data, exp = self.p.render(rng, pay, self.p.outcome(rng, _S.APPROVED), when)
        self._status(data, "captured")
        return data, _with(exp, kind=_CAPTURE)

    def refund(self, rng, pay, when, rid, amount, status, first):
        data, exp = self.p.render(rng, pay, self.p.outcome(rng, _S.REFUNDED), when)
        refund = data["payload"]["refund"]["entity"]
        refund.update(id=rid, amount=amount, status={"succeeded": "processed"}.get(status, status))
        data["event"] = {"succeeded": "refund.processed", "pending": "refund.created", "failed": "refund.failed"}[status]
        return data, _refund_exp(exp, rid, amount, status)

    def dispute(self, rng, pay, when, did, stage):
        data, exp = self.p.render(rng, pay, self.p.outcome(rng, _S.CHARGEBACK), when)
        dispute = data["payload"]["dispute"]["entity"]
        dispute["id"] = did
        if stage:
            outcome = _choice(rng, ("won", "lost"))
            dispute["status"], data["event"] = outcome, "payment.dispute." + outcome
        return data, _with(exp, txn=did)

    def second(self, rng, pay, out, when):
        pay.kind = "webhook" if pay.kind == "entity" else "entity"
        return self.auth(rng, pay, out, when)


class _MollieHooks(_Hooks):
    caps = frozenset({"retry", "capture", "refund"})

    def new_attempt(self, rng, pay, new_payment):
        pay.txn_id = "tr_" + _tok(rng, 10)
        if new_payment or "order" not in pay.aux:
            pay.aux["order"] = "ord_" + _tok(rng, 6, _T_LOWER)

    def auth(self, rng, pay, out, when):
        data, exp = self.p.render(rng, pay, out, when)
        data["orderId"] = pay.aux["order"]  # a payment of an order (Orders API)
        return data, exp

    def auth_only(self, rng, pay, when):
        pay.method = "creditcard"
        data, exp = self.auth(rng, pay, self.p.outcome(rng, _S.APPROVED), when)
        for k in ("paidAt", "amountRefunded", "amountRemaining"):
            data.pop(k, None)
        data["status"], data["authorizedAt"] = "authorized", data["createdAt"]
        pay.aux["authorized_at"] = data["createdAt"]
        return data, _with(exp, method=_M.CARD)

    def capture(self, rng, pay, when):
        pay.method = "creditcard"
        data, exp = self.auth(rng, pay, self.p.outcome(rng, _S.APPROVED), when)
        data["status"] = "paid"
        data["paidAt"] = when.isoformat(timespec="seconds")
        data["authorizedAt"] = pay.aux.get("authorized_at", data["createdAt"])
        data.setdefault("amountRemaining", data["amount"])
        return data, _with(exp, method=_M.CARD, kind=_CAPTURE)

    def refund(self, rng, pay, when, rid, amount, status, first):
        data, exp = self.p.render(rng, pay, self.p.outcome(rng, _S.REFUNDED), when)
        value = _major_str(amount, pay.currency)
        data.update(id=rid, status={"succeeded": "refunded"}.get(status, status), orderId=pay.aux["order"],
                    amount={"currency": pay.currency, "value": value},
                    settlementAmount={"currency": pay.currency, "value": "-" + value})
        return data, _refund_exp(exp, rid, amount, status)


class _DLocalHooks(_Hooks):
    caps = frozenset({"retry", "capture", "refund"})

    def new_attempt(self, rng, pay, new_payment):
        pay.method = "CARD"
        pay.txn_id = f"D-4-{_uuid(rng)}"
        if new_payment:
            pay.aux["order"] = _digits(rng, 10)

    def auth_only(self, rng, pay, when):
        data, exp = self.auth(rng, pay, self.p.outcome(rng, _S.APPROVED), when)
        data.update(status="AUTHORIZED", status_code="600", status_detail="The payment was authorized.")
        return data, exp

    def capture(self, rng, pay, when):
        cid = f"D-4-{_uuid(rng)}"
        ts = when.strftime("%Y-%m-%dT%H:%M:%S.000+0000")
        data = {"id": cid, "authorization_id": pay.txn_id, "amount": _major_num(pay.amount_minor, pay.currency),
                "currency": pay.currency, "status": "PAID", "status_code": "200",
                "status_detail": "The payment was paid.", "order_id": pay.aux["order"], "created_date": ts,
                "approved_date": ts}
        return data, self.p.expected(pay, self.p.outcome(rng, _S.APPROVED), _M.CARD, cid, kind=_CAPTURE)

    def refund(self, rng, pay, when, rid, amount, status, first):
        data, exp = self.p.render(rng, pay, self.p.outcome(rng, _S.REFUNDED), when)
        word, code, detail = {"succeeded": ("SUCCESS", 200, "The refund was paid."),
                              "pending": ("PENDING", 100, "The refund is pending."),
                              "failed": ("REJECTED", 300, "The refund was rejected.")}[status]
        data.update(id=rid, amount=_major_num(amount, pay.currency), status=word, status_code=code, status_detail=detail)
        return data, _refund_exp(exp, rid, amount, status)


class _PayUHooks(_Hooks):
    caps = frozenset({"retry", "capture", "void", "two_objects"})

    def new_attempt(self, rng, pay, new_payment):
        pay.txn_id = str(_uuid(rng))
        if new_payment:
            pay.aux["order"] = _randrange(rng, 10**9, 10**10)
            pay.aux["ref"] = "PAYU-" + _digits(rng, 8)

    def _typed(self, rng, pay, when, ttype, kind, parent=None):
        pay.kind = "json"
        data, exp = self.p.render(rng, pay, self.p.outcome(rng, _S.APPROVED), when)
        data["request"]["transaction"]["type"] = ttype
        data["transactionResponse"]["additionalInfo"]["transactionType"] = ttype
        if parent is not None:
            data["request"]["transaction"]["parentTransactionId"] = parent
        return data, _with(exp, kind=kind)

    def auth_only(self, rng, pay, when):
        return self._typed(rng, pay, when, "AUTHORIZATION", _AUTH)

    def _follow(self, rng, pay, when, ttype, kind, status):
        auth_id = pay.txn_id
        pay.txn_id = str(_uuid(rng))  # the capture / void is a transaction of its own
        data, exp = self._typed(rng, pay, when, ttype, kind, parent=auth_id)
        new_id, pay.txn_id = pay.txn_id, auth_id
        return data, _with(exp, txn=new_id, status=status)

    def capture(self, rng, pay, when):
        return self._follow(rng, pay, when, "CAPTURE", _CAPTURE, _S.APPROVED)

    def void(self, rng, pay, when):
        return self._follow(rng, pay, when, "VOID", _VOID, _S.CANCELLED)

    def second(self, rng, pay, out, when):
        pay.kind = "kv" if pay.kind == "json" else "json"
        return self.p.render(rng, pay, out, when)


class _EbanxHooks(_Hooks):
    caps = frozenset({"retry", "refund"})
    same_payment_retry = False  # merchant_payment_code is unique per payment request

    def new_attempt(self, rng, pay, new_payment):
        pay.txn_id = _tok(rng, 40, _T_LOWER)
        pay.aux["code"] = "mpc_" + _digits(rng, 9)

    def refund(self, rng, pay, when, rid, amount, status, first):
        data, exp = self.p.render(rng, pay, self.p.outcome(rng, _S.REFUNDED), when)
        refund = data["refund"]
        refund.update(id=rid, amount_ext=_major_str(amount, pay.currency),
                      status={"succeeded": "CO", "pending": "PE", "failed": "CA"}[status])
        if status != "succeeded":
            refund["confirm_date"] = None
        return data, _refund_exp(exp, rid, amount, status)


class _SquareHooks(_Hooks):
    caps = frozenset({"retry", "capture", "void", "refund", "dispute"})
    refund_statuses = ("succeeded", "failed", "pending")

    def new_attempt(self, rng, pay, new_payment):
        pay.txn_id = _tok(rng, 29)
        if new_payment:
            pay.aux["order"] = _tok(rng, 29)

    def _status(self, data, status, card_status):
        payment = data["payment"]
        payment["status"] = status
        details = payment.get("card_details") or payment.get("wallet_details")
        details["status"] = card_status

    def auth_only(self, rng, pay, when):
        data, exp = self.auth(rng, pay, self.p.outcome(rng, _S.APPROVED), when)
        self._status(data, "APPROVED", "AUTHORIZED")
        return data, exp

    def capture(self, rng, pay, when):
        data, exp = self.auth(rng, pay, self.p.outcome(rng, _S.APPROVED), when)
        self._status(data, "COMPLETED", "CAPTURED")
        # The Payment's later state, as a one-step payment also shows it: an authorization row, not a capture.
        return data, exp

    def void(self, rng, pay, when):
        return self.p.render(rng, pay, self.p.outcome(rng, _S.CANCELLED), when)

    def refund(self, rng, pay, when, rid, amount, status, first):
        data, exp = self.p.render(rng, pay, self.p.outcome(rng, _S.REFUNDED), when)
        data["refund"].update(id=rid, status={"succeeded": "COMPLETED", "pending": "PENDING", "failed": "FAILED"}[status],
                              amount_money={"amount": amount, "currency": pay.currency})
        return data, _refund_exp(exp, rid, amount, status)

    def dispute(self, rng, pay, when, did, stage):
        data, exp = self.p.render(rng, pay, self.p.outcome(rng, _S.CHARGEBACK), when)
        data["dispute"].update(id=did, dispute_id=did)
        if stage:
            data["dispute"]["state"] = _choice(rng, ("WON", "LOST", "PROCESSING"))
        return data, _with(exp, txn=did)


class _AuthorizeNetHooks(_Hooks):
    caps = frozenset({"retry", "capture", "void", "refund"})
    same_payment_retry = False  # no payment id: a retry is linked by the lake's transactional_id only
    refund_statuses = ("succeeded", "failed")

    def new_attempt(self, rng, pay, new_payment):
        pay.txn_id = "6" + _digits(rng, 10)

    def auth_only(self, rng, pay, when):
        data, exp = self.auth(rng, pay, self.p.outcome(rng, _S.APPROVED), when)
        data["transactionRequest"]["transactionType"] = "authOnlyTransaction"
        return data, exp

    def capture(self, rng, pay, when):
        data, exp = self.auth(rng, pay, self.p.outcome(rng, _S.APPROVED), when)
        data["transactionRequest"]["transactionType"] = "priorAuthCaptureTransaction"
        data["transactionRequest"]["refTransId"] = pay.txn_id
        data["transactionResponse"]["refTransID"] = pay.txn_id
        return data, _with(exp, kind=_CAPTURE)

    def void(self, rng, pay, when):
        return self.p.render(rng, pay, self.p.outcome(rng, _S.CANCELLED), when)

    def refund(self, rng, pay, when, rid, amount, status, first):
        data, exp = self.p.render(rng, pay, self.p.outcome(rng, _S.REFUNDED), when)
        data["transactionRequest"]["amount"] = _major_str(amount, pay.currency)
        response = data["transactionResponse"]
        response["transId"] = rid
        if status == "failed":
            response.update(responseCode="3", authCode="", errors=[{"errorCode": "54", "errorText":
                            "The referenced transaction does not meet the criteria for issuing a credit."}])
            response.pop("messages", None)
            data["messages"] = {"resultCode": "Error",
                                "message": [{"code": "E00027", "text": "The transaction was unsuccessful."}]}
        return data, _refund_exp(exp, rid, amount, status)


class _MercadoPagoHooks(_Hooks):
    caps = frozenset({"retry", "capture", "void", "refund"})

    def new_attempt(self, rng, pay, new_payment):
        pay.method = ("visa", "master", "debvisa")[_randrange(rng, 3)]
        pay.txn_id = str(_randrange(rng, 10**10, 10**11))
        if new_payment:
            pay.aux["ext"] = "ORD" + _digits(rng, 8)

    def _status(self, data, status, detail, captured):
        data.update(status=status, status_detail=detail, captured=captured)

    def auth_only(self, rng, pay, when):
        data, exp = self.auth(rng, pay, self.p.outcome(rng, _S.APPROVED), when)
        self._status(data, "authorized", "pending_capture", False)
        data["date_approved"] = None
        return data, exp

    def capture(self, rng, pay, when):
        data, exp = self.auth(rng, pay, self.p.outcome(rng, _S.APPROVED), when)
        self._status(data, "approved", "accredited", True)
        data["date_approved"] = data["date_created"]
        # The payment's later state, as a one-step payment also shows it: an authorization row, not a capture.
        return data, exp

    def void(self, rng, pay, when):
        data, exp = self.p.render(rng, pay, self.p.outcome(rng, _S.CANCELLED), when)
        self._status(data, "cancelled", "by_collector", False)  # an authorization released by the seller
        return data, _with(exp, kind=_VOID)

    def refund(self, rng, pay, when, rid, amount, status, first):
        # GET /v1/payments/{id}/refunds/{refund_id}
        local = (when - timedelta(hours=4)).replace(tzinfo=None).isoformat(timespec="milliseconds") + "-04:00"
        data = {"id": int(rid), "payment_id": int(pay.txn_id), "amount": _major_num(amount, pay.currency),
                "metadata": {}, "source": {"id": str(pay.aux["collector"]), "name": "Seller", "type": "collector"},
                "date_created": local, "unique_sequence_number": None, "refund_mode": "standard",
                "adjustment_amount": 0, "status": {"succeeded": "approved", "pending": "in_process",
                                                   "failed": "rejected"}[status],
                "reason": None, "amount_refunded_to_payer": _major_num(amount, pay.currency)}
        exp = self.p.expected(pay, self.p.outcome(rng, _S.REFUNDED), None, rid, amount)
        return data, _refund_exp(exp, rid, amount, status)


_HOOKS: dict[str, _Hooks] = {name: cls(_PROVIDERS[name]) for name, cls in (
    ("stripe", _StripeHooks), ("adyen", _AdyenHooks), ("paypal", _PayPalHooks), ("braintree", _BraintreeHooks),
    ("checkout", _CheckoutHooks), ("worldpay", _WorldpayHooks), ("razorpay", _RazorpayHooks),
    ("mollie", _MollieHooks), ("dlocal", _DLocalHooks), ("payu", _PayUHooks), ("ebanx", _EbanxHooks),
    ("square", _SquareHooks), ("authorizenet", _AuthorizeNetHooks), ("mercadopago", _MercadoPagoHooks))}

# Lifecycle shapes, by weight (a provider draws among those it supports).
LIFECYCLE_SHAPES: dict[str, float] = {
    "retry": 0.30, "capture": 0.15, "void": 0.08, "refund": 0.22, "dispute": 0.10, "two_objects": 0.15}
_SHAPE_PICKS = {name: _restricted(LIFECYCLE_SHAPES, hooks.caps) for name, hooks in _HOOKS.items()}
# Share of lifecycle-starting slots: lifecycle rows are about 14 % of all rows (tested).
LIFECYCLE_START_SHARE = 0.06
CROSS_WINDOW_SHARE = 0.35  # follow-ups that come hours later (often in the next window)
LIFECYCLE_NO_TRANSACTIONAL_ID_SHARE = 0.2  # rows of a payment without the lake's transactional_id
_MINUTE_US = 60 * 1_000_000


def _gap(rng: random.Random, long: bool) -> int:
    """Microseconds to the next row of a lifecycle: minutes, or hours for slow follow-ups."""
    if long:
        return 2 * 3600 * 1_000_000 + int(rng.random() * 14 * 3600 * 1_000_000)
    return 3 * _MINUTE_US + int(rng.random() * 40 * _MINUTE_US)


def _lifecycle(rng: random.Random, serial: str) -> tuple[str, _Payment, list[tuple], bool]:
    """Plan one lifecycle: ``(provider, payment, steps, linked only by transactional_id)``.

    A step is ``(gap_us, render, attempt serial, refund serial, dispute serial, must carry transactional_id)``
    where ``render(when)`` returns ``(data, exp)``; the payment's serial is ``serial``.
    """
    name = _PROVIDER_PICK(rng)
    h = _HOOKS[name]
    p = h.p
    shape = _SHAPE_PICKS[name](rng)
    pay = p.new_payment(rng, True)
    h.new_attempt(rng, pay, False)
    steps = []
    attempt = serial + ".a0"
    long = rng.random() < CROSS_WINDOW_SHARE
    txn_only = False

    def add(gap, fn, a=attempt, r=None, d=None, must_txn=False):
        steps.append((gap, fn, a, r, d, must_txn))

    if shape == "retry":
        txn_only = not h.same_payment_retry or rng.random() < 0.35
        first = p.outcome(rng, _S.ERROR if rng.random() < 0.1 and p.error_pick else _S.DECLINED)
        add(0, lambda when, pay=pay, out=first: h.auth(rng, pay, out, when), must_txn=txn_only)
        tries = 1 + (rng.random() < 0.25)
        for k in range(1, tries + 1):
            final = p.outcome(rng, _S.APPROVED if k == tries and rng.random() < 0.8 else _S.DECLINED)
            a = f"{serial}.a{k}"

            def retry(when, out=final, new_payment=txn_only):
                h.new_attempt(rng, pay, new_payment)
                return h.auth(rng, pay, out, when)
            add(_gap(rng, long and k == 1), retry, a, must_txn=txn_only)
    elif shape == "two_objects":
        out = p.outcome(rng, _S.APPROVED if rng.random() < 0.85 else _S.DECLINED)
        add(0, lambda when: h.auth(rng, pay, out, when))
        add(_gap(rng, False), lambda when: h.second(rng, pay, out, when))
    else:
        add(0, lambda when: h.auth_only(rng, pay, when) if shape in ("capture", "void")
            else h.auth(rng, pay, p.outcome(rng, _S.APPROVED), when))
        if shape == "capture":
            add(_gap(rng, long), lambda when: h.capture(rng, pay, when))
            if "refund" in h.caps and rng.random() < 0.2:
                shape = "refund"  # captured, then refunded
                long = False
        elif shape == "void":
            add(_gap(rng, long), lambda when: h.void(rng, pay, when))
        if shape == "refund":
            rid = _refund_id(rng, name, pay)
            r = rng.random()
            statuses = h.refund_statuses
            if r < 0.35:  # partial refund
                amount = max(1, int(pay.amount_minor * (0.1 + 0.8 * rng.random())))
                if pay.currency in _WHOLE_UNIT:
                    amount = max(1, amount // 100) * 100
                events = ["succeeded"]
            elif r < 0.55:  # failed refund
                amount, events = pay.amount_minor, ["failed"]
            else:  # a full refund seen through several events
                amount = pay.amount_minor
                events = ["pending", "succeeded"] if "pending" in statuses else ["succeeded", "succeeded"]
            for i, status in enumerate(events):
                add(_gap(rng, long and i == 0), lambda when, s=status, first=i == 0:
                    h.refund(rng, pay, when, rid, amount, s, first), r=serial + ".r0")
        elif shape == "dispute":
            did = _dispute_id(rng, name)
            for stage in range(2):
                add(_gap(rng, long or stage == 1), lambda when, stage=stage: h.dispute(rng, pay, when, did, stage),
                    d=serial + ".d0")
    return name, pay, steps, txn_only


def _refund_id(rng, name, pay):
    return {"stripe": lambda: "re_3" + _tok(rng, 23), "adyen": lambda: _tok(rng, 16, _T_UPPER),
            "braintree": lambda: _tok(rng, 8, _T_LOWER), "checkout": lambda: "act_" + _tok(rng, 26, _T_LOWER),
            "worldpay": lambda: pay.txn_id, "razorpay": lambda: "rfnd_" + _tok(rng, 14),
            "mollie": lambda: "re_" + _tok(rng, 10), "dlocal": lambda: f"REF-{_digits(rng, 5)}-{_uuid(rng)}",
            "ebanx": lambda: _digits(rng, 6), "square": lambda: pay.txn_id + "_" + _tok(rng, 22),
            "authorizenet": lambda: "6" + _digits(rng, 10), "mercadopago": lambda: _digits(rng, 10)}[name]()


def _dispute_id(rng, name):
    return {"stripe": lambda: "dp_1" + _tok(rng, 23), "adyen": lambda: _tok(rng, 16, _T_UPPER),
            "paypal": lambda: "PP-D-" + _digits(rng, 5), "braintree": lambda: _tok(rng, 16, _T_LOWER),
            "checkout": lambda: "dsp_" + _tok(rng, 26, _T_LOWER), "razorpay": lambda: "disp_" + _tok(rng, 14),
            "square": lambda: _tok(rng, 22)}[name]()


# ---------------------------------------------------------------------------
# Incidents: provider outages and a noisy low-volume provider, with their ground truth
# ---------------------------------------------------------------------------

# What an outage's failed attempts fail with, by weight: the acquirer's or issuer's link is down
# (issuer unavailable), the provider's processing fails, requests time out. Each provider renders them
# with its own codes for these reasons (an error where it classifies them as errors, else a decline);
# a provider with none of them (MercadoPago, Mollie, EBANX) shows an outage as generic declines.
OUTAGE_REASON_SHARES: dict[FailureReason, float] = {
    _R.PROCESSING_ERROR: 0.45, _R.ISSUER_UNAVAILABLE: 0.40, _R.TIMEOUT: 0.15}

# The noisy low-volume provider of a scenario: Culqi (Peru), a few dozen attempts a window whose approval
# rate moves from window to window (NOISY_APPROVAL_RATE +- NOISY_RATE_SWING, uniform, then binomial noise).
NOISY_PROVIDER = "culqi"
# Share of a provider's approved attempts that are single rows or pending-then-final pairs, the ones an
# outage turns into failures (lifecycles keep their planned outcomes; measured over the 14 providers:
# 0.91 to 0.93). An incident's failure share is divided by it, so the rate falls by about DROP.
OUTAGE_CONVERTIBLE_SHARE = 0.92
NOISY_ATTEMPTS = (36, 60)  # attempts per window, uniform
NOISY_APPROVAL_RATE = 0.82
NOISY_RATE_SWING = 0.04
NOISY_CHUNK = "noisy"

_ATTEMPT_KINDS = frozenset({_AUTH, _CAPTURE})
_WINDOW_KEY = re.compile(r"\d{4}-\d{2}-\d{2}-(00|12):00")
_OUTAGE_TABLES: dict[str, tuple] = {}


def _outage_table(prov: _Provider) -> tuple:
    table = _OUTAGE_TABLES.get(prov.name)
    if table is None:
        codes: dict = {}
        for reason in OUTAGE_REASON_SHARES:
            for status, known in ((_S.ERROR, prov.errors), (_S.DECLINED, prov.declines), (_S.UNKNOWN, prov.unknowns)):
                if reason in known:
                    codes[reason] = (status, known[reason])
                    break
        if codes:
            pick = _Picker({reason: OUTAGE_REASON_SHARES[reason] for reason in codes})
        else:
            codes = {_R.GENERIC_DECLINE: (_S.DECLINED, prov.declines[_R.GENERIC_DECLINE])}
            pick = _Picker({_R.GENERIC_DECLINE: 1.0})
        table = _OUTAGE_TABLES[prov.name] = (pick, codes)
    return table


def _outage_outcome(rng: random.Random, prov: _Provider) -> _Outcome:
    pick, codes = _outage_table(prov)
    reason = pick(rng)
    status, known = codes[reason]
    return status, reason, _choice(rng, known)


def outage_reasons(provider: str) -> list[str]:
    """The failure reasons an outage of this provider produces (its own codes for OUTAGE_REASON_SHARES)."""
    return [str(reason) for reason in _outage_table(_PROVIDERS[provider])[1]]


def natural_approval_rate(provider: str) -> float:
    """The provider's approval rate by the generator's shares, as provider health counts it: approved over
    decided attempts (approved, declined, error, unknown) less the customer-caused declines."""
    prov = _PROVIDERS[provider]
    share = {st: STATUS_SHARES[st] if st in prov.statuses else 0.0 for st in STATUS_SHARES}
    weights = {r: DECLINE_REASON_SHARES[r] for r in prov.declines}
    customer = sum(w for r, w in weights.items() if REASON_DEFAULTS[r][0] is FailureSource.CUSTOMER) / sum(
        weights.values())
    decided = share[_S.APPROVED] + share[_S.DECLINED] * (1 - customer) + share[_S.ERROR] + share[_S.UNKNOWN]
    return share[_S.APPROVED] / decided


@dataclass(frozen=True, slots=True)
class Incident:
    """A provider outage in one window: the provider's approval rate falls by about ``drop`` (a fraction)."""

    provider: str
    window: str  # the window's key, e.g. 2026-11-27-12:00
    drop: float

    @classmethod
    def parse(cls, text: str) -> Incident:
        """``PROVIDER:WINDOW:DROP``, e.g. ``stripe:2026-11-27-12:00:30`` (30 points) or ``...:0.3``.

        DROP above 1 (or ending in ``%``) is in points, 1 or below a fraction: ``30``, ``30%`` and ``0.3``
        are the same drop.
        """
        provider, _, rest = text.strip().partition(":")
        window, _, drop_text = rest.rpartition(":")
        if not provider or not window or not drop_text:
            raise ValueError(f"incident {text!r}: expected PROVIDER:WINDOW:DROP, e.g. stripe:2026-11-27-12:00:30")
        points = drop_text.endswith("%")
        try:
            value = float(drop_text.rstrip("%"))
        except ValueError:
            raise ValueError(f"incident {text!r}: DROP {drop_text!r} is not a number") from None
        drop = value / 100 if points or value > 1 else value
        return cls(provider.lower(), window, drop)

    def __post_init__(self) -> None:
        if self.provider not in PROVIDER_SHARES:
            raise ValueError(f"incident provider {self.provider!r}: not a generated provider "
                             f"({', '.join(sorted(PROVIDER_SHARES))})")
        if not _WINDOW_KEY.fullmatch(self.window):
            raise ValueError(f"incident window {self.window!r}: expected a window key like 2026-11-27-12:00")
        if not 0 < self.drop <= 1:
            raise ValueError(f"incident drop {self.drop!r}: must be more than 0 and at most 100 points")

    @property
    def share(self) -> float:
        """Share of the provider's would-be-approved single-row and pending-then-final attempts that fail:
        the drop over its natural rate, over the share of its approved attempts those make up."""
        return min(1.0, self.drop / natural_approval_rate(self.provider) / OUTAGE_CONVERTIBLE_SHARE)

    @property
    def window_start(self) -> datetime:
        return datetime.strptime(self.window, "%Y-%m-%d-%H:%M").replace(tzinfo=timezone.utc)


@dataclass(frozen=True, slots=True)
class Scenario:
    """Incidents to inject into a generation, and whether to add the noisy low-volume provider.

    Deterministic like the rest: the same arguments and scenario give the same rows. Rows of other
    providers and other windows are exactly those of the generation without the scenario (outage rows
    and the noisy provider's rows come from random streams of their own).
    """

    incidents: tuple[Incident, ...] = ()
    noisy: bool = True

    def outages_by_window(self, start: datetime, windows: int) -> dict[int, tuple]:
        """``{window index: ((provider, share), ...)}``; an incident outside the range is an error."""
        start = start.astimezone(timezone.utc)
        out: dict[int, list] = defaultdict(list)
        for incident in self.incidents:
            index, rest = divmod(incident.window_start - start, WINDOW)
            if rest or not 0 <= index < windows:
                first, last = window_key(start), window_key(start + (windows - 1) * WINDOW)
                raise ValueError(f"incident window {incident.window} is not a window of the seeded range "
                                 f"{first} .. {last}")
            if any(p == incident.provider for p, _ in out[index]):
                raise ValueError(f"two incidents for {incident.provider} in {incident.window}")
            out[index].append((incident.provider, incident.share))
        return {w: tuple(items) for w, items in out.items()}

    def truth(self) -> dict:
        """The ground truth of the scenario, as the seed records it (JSON-ready)."""
        return {
            "incidents": [
                {"provider": i.provider, "window": i.window, "drop": round(i.drop, 4),
                 "natural_approval_rate": round(natural_approval_rate(i.provider), 4),
                 "failed_share_of_approved": round(i.share, 4), "failure_reasons": outage_reasons(i.provider)}
                for i in self.incidents],
            "noisy_provider": None if not self.noisy else {
                "provider": NOISY_PROVIDER, "attempts_per_window": list(NOISY_ATTEMPTS),
                "approval_rate": NOISY_APPROVAL_RATE, "rate_swing": NOISY_RATE_SWING, "flag_expected": False},
        }


def noisy_row_count(start: datetime, windows: int, seed: int, scenario: Scenario | None) -> int:
    """How many rows the scenario's noisy provider adds to a generation (0 without one)."""
    if scenario is None or not scenario.noisy:
        return 0
    return sum(1 for chunk in generation_chunks(0, start, windows, seed, scenario) for _ in generate_chunk(*chunk))


def _noisy_rows(seed: int, wstart: datetime, window: int) -> Iterator[tuple]:
    """One window of the noisy provider: its own random stream, its own attempt count and rate."""
    rng = random.Random(f"payobs:{seed}:{window}:{NOISY_CHUNK}")
    rnd = rng.random
    prov = _CULQI
    n = _randint(rng, *NOISY_ATTEMPTS)
    rate = NOISY_APPROVAL_RATE + (2 * rnd() - 1) * NOISY_RATE_SWING
    for k in range(n):
        created = wstart + timedelta(microseconds=int(rnd() * _WINDOW_US))
        when = created - _LAGS[int(rnd() * 120)]
        out = prov.outcome(rng, _S.APPROVED if rnd() < rate else _S.DECLINED)
        pay = prov.new_payment(rng, True)
        data, exp = prov.render(rng, pay, out, when)
        data = _finish(rng, data, prov.name, True)
        serial = f"{window}.{NOISY_CHUNK}.{k}"
        yield ((rng.getrandbits(128) & _UUID_CLEAR) | _UUID_SET, data, pay.merchant,
               (rng.getrandbits(128) & _UUID_CLEAR) | _UUID_SET, created, exp + (serial, serial, None, None))


# ---------------------------------------------------------------------------
# The generator
# ---------------------------------------------------------------------------

_PROVIDER_PICK = _Picker(PROVIDER_SHARES)
_PAIR_PICK = _Picker({k: v for k, v in PROVIDER_SHARES.items() if _PROVIDERS[k].pending_capable})
_HINT_KEY_PICK = _Picker(HINT_KEYS)
# Probability, per row slot, of starting a two-row payment: second rows = p / (1 + p) of all rows.
_PAIR_RATE = SECOND_ROW_SHARE / (1 - SECOND_ROW_SHARE)
_FINAL_AFTER_PENDING = _Picker({_S.APPROVED: 0.85, _S.DECLINED: 0.15})


def _finish(rng: random.Random, data: object, provider: str, string_ok: bool) -> object:
    """Add a provider hint or store the payload as a JSON string, as lake writers do."""
    if type(data) is not dict:
        return data
    if string_ok and "content" not in data and rng.random() < JSON_STRING_SHARE:
        return json.dumps(data)
    if rng.random() < HINT_SHARE:
        data[_HINT_KEY_PICK(rng)] = _choice(rng, _HINT_VALUES[provider])
    return data



_LAGS = tuple(timedelta(seconds=k) for k in range(120))  # payload time precedes the lake write


def generate_lake_rows(rows: int, start: datetime, windows: int, seed: int,
                       scenario: Scenario | None = None) -> Iterator[tuple[LakeRow, ExpectedEvent]]:
    """Yield ``rows`` lake rows spread over ``windows`` 12-hour windows from ``start``, with their truth.

    Deterministic in its arguments. Each window gets ``rows // windows`` rows
    (the first ``rows % windows`` windows one more), ``created_at`` uniform in
    the window; the two rows of a pending-then-final payment share their
    ``transactional_id`` and provider transaction id, the final one later in
    the same window.
    """
    for row_id, data, merchant, txn, created, exp in generate_raw_rows(rows, start, windows, seed, scenario):
        yield (LakeRow(uuid.UUID(int=row_id), data, merchant, None if txn is None else uuid.UUID(int=txn), created),
               ExpectedEvent(*exp))


# Rows are generated in chunks, each from its own random stream, so chunks can be
# generated in parallel (the seeder does) and still give the same rows.
GENERATION_CHUNK_ROWS = 20_000


def generation_chunks(rows: int, start: datetime, windows: int, seed: int,
                      scenario: Scenario | None = None) -> list[tuple]:
    """The independent chunks of a generation: ``(seed, window_start, window, chunk, rows, range_end)`` each
    (with a scenario, a seventh element: the window's outages, and one ``NOISY_CHUNK`` per window when the
    scenario has the noisy provider)."""
    if rows < 0 or windows < 1:
        raise ValueError("rows must be >= 0 and windows >= 1")
    if start.tzinfo is None:
        raise ValueError("start must be timezone-aware (UTC)")
    start = start.astimezone(timezone.utc)
    outages = scenario.outages_by_window(start, windows) if scenario is not None else None
    chunks = []
    end = start + windows * WINDOW
    for w, n in enumerate(lake_row_counts(rows, windows)):
        wstart = start + w * WINDOW
        for k, first in enumerate(range(0, n, GENERATION_CHUNK_ROWS)):
            chunk = (seed, wstart, w, k, min(GENERATION_CHUNK_ROWS, n - first), end)
            chunks.append(chunk if outages is None else chunk + (outages.get(w, ()),))
        if scenario is not None and scenario.noisy:
            chunks.append((seed, wstart, w, NOISY_CHUNK, 0, end, ()))
    return chunks


def generate_raw_rows(rows: int, start: datetime, windows: int, seed: int,
                      scenario: Scenario | None = None) -> Iterator[tuple]:
    """The rows of :func:`generate_lake_rows` as plain tuples, for bulk loading.

    ``(id_int, data, merchant, transactional_id_int | None, created_at, expected_fields)``:
    uuids as their 128-bit integers and the truth as the tuple of
    ``ExpectedEvent`` fields, so a loader builds no objects it does not need.
    """
    for chunk in generation_chunks(rows, start, windows, seed, scenario):
        yield from generate_chunk(*chunk)


_NO_LIFECYCLE = (None, None, None, None, None)


def generate_chunk(seed: int, wstart: datetime, window: int, chunk: int | str, n: int,
                   end: datetime | None = None, outages: tuple = ()) -> Iterator[tuple]:
    """The rows of one chunk of one window, from the chunk's own random stream.

    ``n`` rows are generated; a lifecycle started in this chunk generates all its rows here, also
    those whose ``created_at`` falls in a later window (never at or after ``end``, the end of the
    generation's range), so chunks stay independent and the rows do not depend on how many
    processes generate them.

    ``outages``: ``((provider, share), ...)`` of the incidents in this window (:class:`Scenario`):
    that share of the provider's approved single-row and pending-then-final attempts is replaced by
    a failed attempt drawn from a stream of its own, so every other row of the chunk stays as it
    would be without the incident. The chunk ``NOISY_CHUNK`` holds the noisy provider's rows.
    """
    if chunk == NOISY_CHUNK:
        yield from _noisy_rows(seed, wstart, window)
        return
    outage = dict(outages)
    irng = random.Random(f"payobs:{seed}:{window}:{chunk}:outage") if outage else None
    rng = random.Random(f"payobs:{seed}:{window}:{chunk}")
    rnd = rng.random
    bits = rng.getrandbits
    malformed_cut = MALFORMED_SHARE
    unknown_cut = MALFORMED_SHARE + UNKNOWN_PROVIDER_SHARE
    lags = _LAGS
    end_us = ((end or wstart + WINDOW) - wstart) // timedelta(microseconds=1)
    prefix = f"{window}.{chunk}."
    serial_no = 0
    auth_like = _AUTH_LIKE
    i = 0
    while i < n:
        serial = prefix + str(serial_no)
        serial_no += 1
        if n - i >= 2 and rnd() < _PAIR_RATE:
            pair = _payment_pair(rng, wstart, serial)
            if outage:
                pair = list(pair)
                final = pair[1][5]
                share = outage.get(final[0])
                if share and final[1] is _S.APPROVED and final[8] in _ATTEMPT_KINDS and irng.random() < share:
                    prov = _PROVIDERS[final[0]]
                    pair = _payment_pair(irng, wstart, serial, prov, _outage_outcome(irng, prov))
            yield from pair
            i += 2
            continue
        if rnd() < LIFECYCLE_START_SHARE:
            name, pay, steps, _ = _lifecycle(rng, serial)
            if len(steps) <= n - i:
                yield from _lifecycle_rows(rng, wstart, end_us, serial, name, pay, steps)
                i += len(steps)
                continue
        i += 1
        created = wstart + timedelta(microseconds=int(rnd() * _WINDOW_US))
        when = created - lags[int(rnd() * 120)]
        u = rnd()
        if u < malformed_cut:
            data, exp, merchant = _malformed_row(rng, when)
            exp = exp + _NO_LIFECYCLE
        else:
            if u < unknown_cut:
                data, exp, merchant = _unknown_row(rng, when)
                if rnd() < 0.5:  # unknown PSPs are named less often than known ones
                    data = _finish(rng, data, "unknown", True)
                exp = exp + (_AUTH,)
            else:
                prov = _PROVIDERS[_PROVIDER_PICK(rng)]
                out = prov.outcome(rng)
                st = out[0]
                pay = prov.new_payment(rng, st is _S.DECLINED or st is _S.ERROR)
                data, exp = prov.render(rng, pay, out, when)
                data = _finish(rng, data, prov.name, True)
                merchant = pay.merchant
                # (a lone approved capture row is an attempt too)
                if outage and st is _S.APPROVED and exp[8] in _ATTEMPT_KINDS:
                    share = outage.get(prov.name)
                    if share and irng.random() < share:  # the outage: this attempt fails instead
                        pay = prov.new_payment(irng, True)
                        data, exp = prov.render(irng, pay, _outage_outcome(irng, prov), when)
                        data = _finish(irng, data, prov.name, True)
                        merchant = pay.merchant
            kind = exp[8]
            exp = exp + (serial if kind in auth_like else None, serial,
                         serial if kind == _REFUND else None, serial if kind == _DISPUTE else None)
        yield ((bits(128) & _UUID_CLEAR) | _UUID_SET, data, None if rnd() < NO_MERCHANT_SHARE else merchant,
               None if rnd() < NO_TRANSACTIONAL_ID_SHARE else (bits(128) & _UUID_CLEAR) | _UUID_SET,
               created, exp)


# Kinds whose rows name an attempt (a lone refund or dispute names one the lake never shows: its serial
# is kept so the object has one, but no attempt row exists for it).
_AUTH_LIKE = frozenset({_AUTH, _CAPTURE, _VOID, _REFUND, _DISPUTE})


def _lifecycle_rows(rng, wstart, end_us, serial, name, pay, steps) -> Iterator[tuple]:
    t = int(rng.random() * (_WINDOW_US - 60 * 1_000_000))
    lag = _LAGS[int(rng.random() * 120)]  # one lag for the lifecycle: payload times keep the rows' order
    txn = (rng.getrandbits(128) & _UUID_CLEAR) | _UUID_SET
    left = len(steps)
    for gap, render, attempt, refund, dispute, must_txn in steps:
        left -= 1
        # Never past the generation's range: a follow-up that would be is squeezed in before its end.
        t = max(t + (1 if gap else 0), min(t + gap, end_us - 1 - left))
        created = wstart + timedelta(microseconds=t)
        data, exp = render(created - lag)
        data = _finish(rng, data, name, True)
        kind = exp[8]
        exp = exp + (None if kind == _PAYMENT else attempt, serial, refund, dispute)
        yield ((rng.getrandbits(128) & _UUID_CLEAR) | _UUID_SET, data, pay.merchant,
               txn if must_txn or rng.random() >= LIFECYCLE_NO_TRANSACTIONAL_ID_SHARE else None, created, exp)


def _payment_pair(rng: random.Random, wstart: datetime, serial: str, prov: _Provider | None = None,
                  final: _Outcome | None = None) -> Iterator[tuple]:
    if prov is None:
        prov = _PROVIDERS[_PAIR_PICK(rng)]
        final = prov.outcome(rng, _FINAL_AFTER_PENDING(rng))
    pay = prov.new_payment(rng, final[0] is not _S.APPROVED)
    first = prov.outcome(rng, _S.PENDING)
    t1 = _randrange(rng, _WINDOW_US - 120_000_000)
    t2 = t1 + 1 + _randrange(rng, min(_WINDOW_US - t1 - 1, 4 * 3600 * 1_000_000))
    txn = (rng.getrandbits(128) & _UUID_CLEAR) | _UUID_SET
    for t, out in ((t1, first), (t2, final)):
        created = wstart + timedelta(microseconds=t)
        data, exp = prov.render(rng, pay, out, created)
        data = _finish(rng, data, prov.name, False)
        exp = exp + (None if exp[8] == _PAYMENT else serial, serial, None, None)
        yield (rng.getrandbits(128) & _UUID_CLEAR) | _UUID_SET, data, pay.merchant, txn, created, exp


def lake_row_counts(rows: int, windows: int) -> list[int]:
    """Rows per window that :func:`generate_lake_rows` produces for these arguments."""
    base, extra = divmod(rows, windows)
    return [base + (1 if w < extra else 0) for w in range(windows)]


# ---------------------------------------------------------------------------
# Ground truth of the metrics, from what the generator knows
# ---------------------------------------------------------------------------

ATTEMPT_COUNTS = ("attempts", "approved", "declined", "errored", "unknown", "refunds", "disputes", "voided",
                  "captured")
PAYMENT_COUNTS = ("payments", "payments_approved", "payments_failed", "payments_pending", "payments_cancelled",
                  "payments_retried", "attempts")
_OUTCOME_COUNT = {"APPROVED": "approved", "DECLINED": "declined", "ERROR": "errored", "UNKNOWN": "unknown"}


def window_key(moment: datetime) -> str:
    """The 12-hour UTC window of a moment, keyed like the pipeline's partitions (``2026-11-27-00:00``)."""
    moment = moment.astimezone(timezone.utc)
    return moment.replace(hour=0 if moment.hour < 12 else 12, minute=0, second=0, microsecond=0).strftime(
        "%Y-%m-%d-%H:%M")


def expected_metrics(rows: int, start: datetime, windows: int, seed: int,
                     scenario: Scenario | None = None) -> tuple[dict, dict]:
    """Expected per-window counts at both levels for these seed arguments, from the generator's truth.

    Returns ``(attempt_level, payment_level)``, each ``{(window_key, provider): {count: n}}`` with the
    counts of ``ATTEMPT_COUNTS`` / ``PAYMENT_COUNTS`` (windows and providers without any count are absent).
    Objects are the generator's serials (which attempt, payment, refund, dispute a row belongs to), never
    ids read back from payloads; the counting follows the metric definitions:

    * an attempt counts once, in the window of its earliest authorization row (its earliest approved
      capture row when the lake holds no authorization row for it; an attempt seen only through a void,
      a refund or a dispute has no row of its own and does not count), by its final outcome: APPROVED if
      any authorization or capture of it was approved, else its latest decided authorization status;
      captured / voided when a capture / void row of it exists;
    * a payment counts once, in the window of its first attempt (of its first row when it never had
      one), by its latest known outcome (APPROVED if any attempt was), retried when it made more than
      one counted attempt;
    * a refund counts once, in the window of its first row, when its latest decided state is succeeded;
      a dispute once, in the window of its first row.
    """
    attempts: dict = {}
    payments: dict = {}
    refunds: dict = {}
    disputes: dict = {}
    for _id, _data, _merchant, _txn, created, exp in generate_raw_rows(rows, start, windows, seed, scenario):
        kind = exp[8]
        if kind is None:
            continue
        provider, status = exp[0], exp[1]
        attempt, payment, refund, dispute = exp[9:13]
        if kind in (_AUTH, _CAPTURE, _VOID):
            a = attempts.setdefault(attempt, {"provider": provider, "payment": payment, "auth": None, "capture": None,
                                              "approved": False, "decided": None, "captured": False,
                                              "voided": False})
            if kind == _AUTH:
                if a["auth"] is None or created < a["auth"]:
                    a["auth"] = created
                if status != _S.PENDING and (a["decided"] is None or created >= a["decided"][0]):
                    a["decided"] = (created, status)
            if status == _S.APPROVED and kind in (_AUTH, _CAPTURE):
                a["approved"] = True
            if kind == _CAPTURE and status == _S.APPROVED:
                a["captured"] = True
                if a["capture"] is None or created < a["capture"]:
                    a["capture"] = created
            if kind == _VOID:
                a["voided"] = True
        elif kind == _PAYMENT:
            payments.setdefault(payment, []).append((created, status, provider))
        elif kind == _REFUND:
            r = refunds.setdefault(refund, {"provider": provider, "first": created, "decided": None})
            r["first"] = min(r["first"], created)
            if status != _S.PENDING and (r["decided"] is None or created >= r["decided"][0]):
                r["decided"] = (created, status)
        elif kind == _DISPUTE:
            d = disputes.setdefault(dispute, [provider, created])
            d[1] = min(d[1], created)

    level1: dict = defaultdict(lambda: dict.fromkeys(ATTEMPT_COUNTS, 0))
    parts: dict = defaultdict(list)  # payment serial -> (time, status, provider, is_attempt)
    for a in attempts.values():
        when = a["auth"] or a["capture"]
        if when is None:
            continue
        outcome = "APPROVED" if a["approved"] else (str(a["decided"][1]) if a["decided"] else "PENDING")
        counts = level1[(window_key(when), a["provider"])]
        if outcome in _OUTCOME_COUNT:
            counts["attempts"] += 1
            counts[_OUTCOME_COUNT[outcome]] += 1
        counts["captured"] += a["captured"]
        counts["voided"] += a["voided"]
        parts[a["payment"]].append((when, outcome, a["provider"], True))
    for r in refunds.values():
        counts = level1[(window_key(r["first"]), r["provider"])]
        counts["refunds"] += r["decided"] is not None and r["decided"][1] == _S.REFUNDED
    for provider, first in disputes.values():
        level1[(window_key(first), provider)]["disputes"] += 1
    for payment, rows_ in payments.items():
        parts[payment].extend((t, str(st), provider, False) for t, st, provider in rows_)

    level2: dict = defaultdict(lambda: dict.fromkeys(PAYMENT_COUNTS, 0))
    for items in parts.values():
        items.sort(key=lambda item: (not item[3], item[0]))  # attempts first, then payment-level rows
        first = items[0]
        counts = level2[(window_key(first[0]), first[2])]
        statuses = [item[1] for item in sorted(items, key=lambda item: item[0])]
        decided = [st for st in statuses if st != "PENDING"]
        outcome = "APPROVED" if "APPROVED" in statuses else (decided[-1] if decided else "PENDING")
        made = sum(1 for item in items if item[3] and item[1] in _OUTCOME_COUNT)
        counts["payments"] += 1
        counts["attempts"] += made
        counts["payments_retried"] += made > 1
        if outcome == "APPROVED":
            counts["payments_approved"] += 1
        elif outcome in _OUTCOME_COUNT:
            counts["payments_failed"] += 1
        elif outcome == "PENDING":
            counts["payments_pending"] += 1
        elif outcome == "CANCELLED":
            counts["payments_cancelled"] += 1
    drop = lambda table: {k: v for k, v in table.items() if any(v.values())}  # noqa: E731
    return drop(level1), drop(level2)
