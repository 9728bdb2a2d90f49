"""fx_rates on real PostgreSQL: the shipped reference set, `load_rates_csv` (replace, extend, reject), the
staleness rule and the conversion to USD."""

import csv
from datetime import date, datetime, timezone
from decimal import Decimal

import pytest

from payobs_pipeline.resources.warehouse import WarehouseDatabase
from payobs_pipeline.warehouse import fx

pytestmark = pytest.mark.database


@pytest.fixture
def warehouse(warehouse_url) -> WarehouseDatabase:
    warehouse = WarehouseDatabase(url=warehouse_url)
    warehouse.migrate()
    return warehouse


def _rate(conn, day: str, currency: str):
    row = conn.execute("SELECT usd_rate, source FROM fx_rates WHERE rate_date = %s AND currency = %s",
                       (day, currency)).fetchone()
    return row


def _write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text)
    return path


def test_the_migration_loads_the_reference_set_from_the_ecb_figures(warehouse):
    with warehouse.connection() as conn:
        # ECB reference rates of 30 October 2026: 1 EUR = 1.1172 USD = 175.68 JPY = 0.8338 GBP.
        assert _rate(conn, "2026-10-30", "EUR") == (Decimal("1.1172"), "ECB")
        jpy, _ = _rate(conn, "2026-10-30", "JPY")
        assert abs(jpy - Decimal("1.1172") / Decimal("175.68")) < Decimal("1e-12")
        gbp, _ = _rate(conn, "2026-10-30", "GBP")
        assert abs(gbp - Decimal("1.339889661789")) < Decimal("1e-12")  # 1.1172 / 0.8338
        # The CFA franc's fixed parity: 655.957 XAF = 1 EUR.
        xaf, source = _rate(conn, "2026-10-30", "XAF")
        assert abs(xaf - Decimal("1.1172") / Decimal("655.957")) < Decimal("1e-12") and source == "ECB+EUR parity"
        # Weekends have no rate: the staleness rule covers them.
        assert _rate(conn, "2026-10-31", "EUR") is None
        coverage = {currency: (first, last) for currency, first, last, _ in fx.rates_coverage(conn)}
        assert fx.latest_rate_date(conn) == date(2026, 10, 30)
    for currency in ("EUR", "GBP", "JPY", "BRL", "MXN", "INR", "CAD", "AUD", "IDR"):
        assert coverage[currency] == (date(2023, 12, 22), date(2026, 10, 30)), currency
    assert "USD" not in coverage  # USD needs no rate


def test_loading_the_reference_set_again_changes_nothing(warehouse):
    with warehouse.connection() as conn:
        before = conn.execute("SELECT count(*) FROM fx_rates").fetchone()[0]
        summary = fx.load_reference_rates(conn)
        assert conn.execute("SELECT count(*) FROM fx_rates").fetchone()[0] == before
    with open(fx.REFERENCE_RATES) as handle:
        shipped = sum(1 for _ in csv.reader(handle)) - 1
    assert (summary.rows, summary.added, summary.replaced, summary.unchanged) == (shipped, 0, 0, shipped)


def test_a_rates_file_replaces_the_same_day_and_extends_others(warehouse, tmp_path):
    path = _write(tmp_path, "rates.csv",
                  "rate_date,currency,usd_rate,source\n"
                  "2026-10-30,EUR,1.2,treasury\n"       # replaces the ECB's 1.1172
                  "2026-11-02,eur,1.15,treasury\n"      # a new day (lower-case code accepted)
                  "2026-11-02,KES,0.0077,treasury\n")   # a currency the reference set lacks
    with warehouse.connection() as conn:
        before = conn.execute("SELECT count(*) FROM fx_rates").fetchone()[0]
        summary = fx.load_rates_csv(conn, path)
        assert _rate(conn, "2026-10-30", "EUR") == (Decimal("1.2"), "treasury")
        assert _rate(conn, "2026-11-02", "EUR") == (Decimal("1.15"), "treasury")
        assert _rate(conn, "2026-11-02", "KES") == (Decimal("0.0077"), "treasury")
        assert _rate(conn, "2026-10-30", "JPY") is not None  # untouched
        assert conn.execute("SELECT count(*) FROM fx_rates").fetchone()[0] == before + 2
    assert (summary.rows, summary.added, summary.replaced, summary.unchanged) == (3, 2, 1, 0)
    assert (summary.first_date, summary.last_date, summary.currencies) == (
        date(2026, 10, 30), date(2026, 11, 2), ["EUR", "KES"])
    assert "3 rates loaded" in summary.line() and "2026-10-30 to 2026-11-02" in summary.line()
    with warehouse.connection() as conn:
        again = fx.load_rates_csv(conn, path)
    assert (again.added, again.replaced, again.unchanged) == (0, 0, 3)


def test_a_file_with_bad_rows_is_rejected_whole_with_their_line_numbers(warehouse, tmp_path):
    path = _write(tmp_path, "bad.csv",
                  "rate_date,currency,usd_rate\n"
                  "2026-11-02,EUR,1.15\n"
                  "02/11/2026,EUR,1.15\n"
                  "2026-11-02,XYZ,1.0\n"
                  "2026-11-03,EUR,-1\n"
                  "2026-11-03,GBP,0\n"
                  "2026-11-03,JPY,abc\n"
                  "2026-11-02,EUR,1.16\n")
    with warehouse.connection() as conn:
        before = conn.execute("SELECT count(*) FROM fx_rates").fetchone()[0]
        with pytest.raises(fx.RatesFileError) as rejected:
            fx.load_rates_csv(conn, path)
        assert conn.execute("SELECT count(*) FROM fx_rates").fetchone()[0] == before
        assert _rate(conn, "2026-11-02", "EUR") is None
    assert [line for line, _ in rejected.value.problems] == [3, 4, 5, 6, 7, 8]
    assert "line 4: currency 'XYZ'" in str(rejected.value)
    assert "already given on line 2" in rejected.value.problems[-1][1]


def test_a_file_without_the_columns_is_rejected(warehouse, tmp_path):
    path = _write(tmp_path, "bad.csv", "day,code,rate\n2026-11-02,EUR,1.1\n")
    with warehouse.connection() as conn, pytest.raises(fx.RatesFileError) as rejected:
        fx.load_rates_csv(conn, path)
    assert rejected.value.problems[0][0] == 1


def test_staleness_rule_uses_a_rate_three_days_old_and_not_one_ten_days_old(warehouse, monkeypatch):
    monkeypatch.delenv("PAYOBS_FX_MAX_STALENESS_DAYS", raising=False)
    with warehouse.connection() as conn:
        conn.execute("DELETE FROM fx_rates")
        conn.execute("INSERT INTO fx_rates (rate_date, currency, usd_rate) VALUES "
                     "('2026-11-17', 'JPY', 0.0066), ('2026-11-10', 'GBP', 1.25), ('2026-11-20', 'EUR', 1.1), "
                     "('2026-11-21', 'EUR', 9.9)")
        book = fx.RateBook(conn)
        day = date(2026, 11, 20)
        assert book.rate("JPY", day) == Decimal("0.0066")  # 3 days before: used
        assert book.rate("GBP", day) is None  # 10 days before: too old
        assert book.rate("EUR", day) == Decimal("1.1")  # the day's own rate, never a later one
        assert book.rate("KES", day) is None  # no rate at all
        assert book.rate("JPY", date(2026, 11, 16)) is None  # nothing before the first rate
        assert book.rate("JPY", date(2026, 11, 24)) == Decimal("0.0066")  # 7 days: still within the limit
        assert book.rate("JPY", date(2026, 11, 25)) is None  # 8 days: beyond it
        # A day in the next month reaches back into this month's rates.
        assert book.rate("EUR", date(2026, 12, 1)) is None and book.rate("EUR", date(2026, 11, 28)) == Decimal("9.9")
        at = datetime(2026, 11, 20, 23, 30, tzinfo=timezone.utc)
        assert book.usd(1234, "JPY", at) == Decimal("8.1444")
        assert book.usd(999, "GBP", at) is None
        assert book.usd(1000, "USD", at) == Decimal("10.0000")
        monkeypatch.setenv("PAYOBS_FX_MAX_STALENESS_DAYS", "10")
        assert fx.RateBook(conn).rate("GBP", day) == Decimal("1.25")


def test_usd_amounts_follow_the_currency_exponent():
    assert fx.to_usd(1500, "KWD", Decimal("3.25")) == Decimal("4.8750")  # 1.500 KWD
    assert fx.to_usd(5000, "CLP", Decimal("0.00105")) == Decimal("5.2500")  # 5000 CLP, no minor unit
    assert fx.to_usd(12345, "EUR", Decimal("1.08")) == Decimal("133.3260")  # 123.45 EUR
    assert fx.to_usd(1, "EUR", Decimal("1.00005")) == Decimal("0.0100")  # 0.0100005: 4 decimals, half even
    assert fx.to_usd(5000, "USD", None) == Decimal("50.0000")
    assert fx.to_usd(5000, "EUR", None) is None
    assert fx.to_usd(None, "EUR", Decimal("1.1")) is None


def test_an_empty_file_loads_nothing(warehouse, tmp_path):
    path = _write(tmp_path, "empty.csv", "rate_date,currency,usd_rate\n")
    with warehouse.connection() as conn:
        summary = fx.load_rates_csv(conn, path)
    assert summary.rows == 0 and "holds no rates" in summary.line()


def test_a_currency_the_ecb_lacks_converts_by_the_fawazahmed0_rate(warehouse):
    # @fawazahmed0/currency-api 2026.9.29, usd.json: 1 USD = 1525.02726539 ARS, so 1 ARS = 1 / 1525.02726539 USD
    # = 0.000655725981 (12 decimals).
    with warehouse.connection() as conn:
        assert _rate(conn, "2026-09-29", "ARS") == (Decimal("0.000655725981"), "fawazahmed0-currency-api")
        # 1,500.00 ARS on 30 September (no rate that day: the 29th's, one day old) = 0.9835889715 USD.
        at = datetime(2026, 9, 30, 12, tzinfo=timezone.utc)
        assert fx.RateBook(conn).usd(150000, "ARS", at) == Decimal("0.9836")
        # The ECB stays the source of the currencies it publishes, on every day it publishes them.
        assert conn.execute("SELECT count(*) FROM fx_rates WHERE source = 'fawazahmed0-currency-api' "
                            "AND currency IN ('EUR', 'GBP', 'JPY', 'BRL', 'MXN')").fetchone()[0] == 0


def test_fawazahmed0_files_give_usd_per_unit_and_fill_only_what_the_ecb_lacks(tmp_path):
    day = date(2026, 9, 1)
    (tmp_path / "usd.json").write_text('{"date": "2026-09-01", "usd": {"ars": 1250, "eur": 0.8, "kwd": 0.3125}}')
    fawaz = fx.fawaz_usd_rates([tmp_path / "usd.json"], date(2026, 1, 1), {"ARS", "KWD", "EUR"})
    assert fawaz[day, "ARS"] == (Decimal("0.0008"), fx.FAWAZ_SOURCE)  # 1 / 1250
    assert fawaz[day, "KWD"] == (Decimal("3.2"), fx.FAWAZ_SOURCE)  # 1 / 0.3125
    ecb = {(day, "EUR"): (Decimal("1.17"), "ECB")}
    imf = {(day, "KWD"): (Decimal("3.3"), "IMF"), (date(2026, 8, 31), "KWD"): (Decimal("3.21"), "IMF"),
           (day, "EUR"): (Decimal("1.2"), "IMF")}
    rates = fx.build_reference_rates(ecb, fawaz, imf)
    assert rates == {(day, "EUR"): (Decimal("1.17"), "ECB"),  # the ECB wherever it publishes the currency
                     (day, "ARS"): (Decimal("0.0008"), fx.FAWAZ_SOURCE),
                     (day, "KWD"): (Decimal("3.2"), fx.FAWAZ_SOURCE),  # fawazahmed0 before the IMF
                     (date(2026, 8, 31), "KWD"): (Decimal("3.21"), "IMF")}  # the IMF where fawazahmed0 has none


def test_last_rate_day_is_the_last_day_every_currency_has_a_rate(tmp_path):
    path = _write(tmp_path, "rates.csv", "rate_date,currency,usd_rate,source\n"
                  "2026-09-28,ARS,0.0007,x\n2026-09-29,ARS,0.0007,x\n"
                  "2026-09-30,EUR,1.17,x\n2026-10-30,EUR,1.16,x\n"
                  "2024-12-23,AED,0.27,x\n")
    # EUR reaches 30 October, ARS only 29 September: the 29th is the last day both have a rate.
    assert fx.last_rate_day(path, {"ARS", "EUR"}) == date(2026, 9, 29)
    assert fx.last_rate_day(path, {"EUR"}) == date(2026, 10, 30)
    # AED is no currency payobs produces: by default it does not hold the day back.
    assert fx.last_rate_day(path) == date(2026, 9, 29)
    assert fx.last_rate_day(path, None) == date(2024, 12, 23)  # None: every currency of the file
    assert fx.last_rate_day() == date(2026, 9, 29)  # the shipped set: fawazahmed0's last version
