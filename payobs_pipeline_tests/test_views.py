"""The analyst views (migration 0008) and the example SQL of docs/metrics.md, on real PostgreSQL.

The warehouse is seeded by hand with metric, attempt, alert, health and quality rows of this ISO week and
the last (relative to today, UTC, so the documented "this week vs last" queries run as an analyst runs
them). Every expected figure below is worked out by hand from the seeded rows, in the comments.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import psycopg
import pytest
from psycopg.types.json import Jsonb

from payobs_pipeline.assets.metrics import FAILURE_REASON_COUNTRY_SQL, publish_metrics
from payobs_pipeline.resources.warehouse import WarehouseDatabase
from payobs_pipeline.windows import Window

pytestmark = pytest.mark.database

ROOT = Path(__file__).resolve().parents[1]
TODAY = datetime.now(timezone.utc).date()
MONDAY = TODAY - timedelta(days=TODAY.weekday())  # this ISO week's Monday
LAST_MONDAY = MONDAY - timedelta(days=7)


def key(day: date, hour: int) -> str:
    return f"{day:%Y-%m-%d}-{hour:02d}:00"


# Windows: two of last week, two of this week's Monday.
W1, W2 = key(LAST_MONDAY, 0), key(LAST_MONDAY + timedelta(days=2), 12)
W3, W4 = key(MONDAY, 0), key(MONDAY, 12)
WINDOWS = [W1, W2, W3, W4]

# approval_metrics: (window, provider, merchant, country, attempts, approved, declined, errored,
#                    approved_usd, declined_usd)
APPROVAL = [
    (W1, "stripe", "m1", "US", 10, 9, 1, 0, "90.00", "10.00"),
    (W1, "stripe", "m2", "BR", 10, 8, 2, 0, "80.00", "20.00"),
    (W2, "stripe", "m1", "US", 80, 64, 16, 0, "640.00", "160.00"),   # last week stripe: 81 / 100 = 0.81
    (W1, "adyen", "m3", "DE", 50, 45, 5, 0, "450.00", "50.00"),      # last week adyen: 45 / 50 = 0.90
    (W3, "stripe", "m1", "US", 40, 20, 18, 2, "200.00", "180.00"),
    (W3, "stripe", "m2", "BR", 10, 10, 0, 0, "100.00", None),        # W3 stripe: 30 / 50 = 0.60
    (W4, "stripe", "m1", "US", 150, 120, 30, 0, "1200.00", "430.00"),  # W4 stripe: 120 / 150 = 0.80
    # this week stripe: 150 / 200 = 0.75 (the average of the windows' rates would be 0.70)
    (W3, "adyen", "m3", "DE", 40, 20, 20, 0, "200.00", "1000.00"),   # this week adyen: 20 / 40 = 0.50
]

# payment_metrics: (window, provider, merchant, country, payments, approved, failed, retried)
PAYMENTS = [
    (W3, "stripe", "m1", "US", 36, 20, 16, 4),
    (W4, "stripe", "m1", "US", 140, 120, 20, 10),  # day of W3/W4, stripe: 140 / 176 approved
]

# failure_reason_metrics: (window, provider, status, reason, source, decline type, failures, amount_usd)
REASONS = [
    (W3, "stripe", "DECLINED", "INSUFFICIENT_FUNDS", "ISSUER", "SOFT", 15, "150.00"),
    (W3, "stripe", "DECLINED", "GENERIC_DECLINE", "ISSUER", "SOFT", 3, "30.00"),
    (W3, "stripe", "ERROR", "PROCESSING_ERROR", "TECHNICAL", "SOFT", 2, "20.00"),
    (W4, "stripe", "DECLINED", "INSUFFICIENT_FUNDS", "ISSUER", "SOFT", 10, "100.00"),
    (W4, "stripe", "DECLINED", "GENERIC_DECLINE", "ISSUER", "SOFT", 20, "400.00"),
    (W3, "adyen", "DECLINED", "SUSPECTED_FRAUD", "ISSUER", "HARD", 20, "1000.00"),
    (W1, "stripe", "DECLINED", "GENERIC_DECLINE", "ISSUER", "SOFT", 19, "190.00"),
]

# attempts (for the by-country views): (provider, country, status, reason, amount_usd), all in W3
ATTEMPTS = (
    [("stripe", "US", "DECLINED", "INSUFFICIENT_FUNDS", "10.00")] * 3
    + [("stripe", "US", "DECLINED", "GENERIC_DECLINE", "5.00")]
    + [("stripe", "US", "APPROVED", None, "20.00")] * 4           # stripe US: 4 failed of 8 decided
    + [("stripe", "BR", "DECLINED", "GENERIC_DECLINE", "7.00")] * 2
    + [("stripe", "BR", "APPROVED", None, "30.00")] * 2           # stripe BR: 2 failed of 4 decided
    + [("stripe", "BR", "PENDING", None, "30.00")]                # not decided: in no share
    + [("adyen", "DE", "DECLINED", "SUSPECTED_FRAUD", "50.00")] * 2
    + [("adyen", "DE", "APPROVED", None, "50.00")]
)

ALERT_KEY = f"{W3}|adyen|provider|"
MERCHANTS = [{"merchant_id": "m3", "attempts": 40, "failed": 20}, {"merchant_id": "m4", "attempts": 5, "failed": 4}]
GROWN = [{"failure_reason": "SUSPECTED_FRAUD", "share": 1.0, "baseline_share": 0.2}]

# pipeline_quality: (window, lake_rows, normalized, unprocessed, missing_fx_rate)
QUALITY = [(W3, 1000, 990, 10, 5), (W4, 3000, 2970, 30, 0)]  # the day: 40 / 4000 = 0.01 unprocessed


def start_of(window: str) -> datetime:
    return datetime.strptime(window, "%Y-%m-%d-%H:%M").replace(tzinfo=timezone.utc)


def seed_analyst_warehouse(warehouse_url: str) -> None:
    """Migrate the warehouse and write the hand-made rows above."""
    WarehouseDatabase(url=warehouse_url).migrate()
    with psycopg.connect(warehouse_url) as conn:
        conn.execute("SET search_path TO payobs")
        for w, provider, merchant, country, attempts, approved, declined, errored, ok_usd, no_usd in APPROVAL:
            conn.execute(
                "INSERT INTO approval_metrics (partition_key, window_start, provider, merchant_id, country, "
                "payment_method, attempts, approved, declined, errored, unknown, pending, cancelled, refunded, "
                "chargebacks, approval_rate, captured, voided, approved_amount_usd, declined_amount_usd, "
                "attempts_missing_usd) VALUES (%s, %s, %s, %s, %s, 'CARD', %s, %s, %s, %s, 0, 0, 0, 0, 0, %s, 0, 0, "
                "%s, %s, 0)",
                (w, start_of(w), provider, merchant, country, attempts, approved, declined, errored,
                 approved / attempts, ok_usd, no_usd))
        for w, provider, merchant, country, payments, approved, failed, retried in PAYMENTS:
            conn.execute(
                "INSERT INTO payment_metrics (partition_key, window_start, provider, merchant_id, country, "
                "payment_method, payments, payments_approved, payments_failed, payments_pending, "
                "payments_cancelled, payments_retried, attempts, conversion_rate) "
                "VALUES (%s, %s, %s, %s, %s, 'CARD', %s, %s, %s, 0, 0, %s, %s, %s)",
                (w, start_of(w), provider, merchant, country, payments, approved, failed, retried, payments,
                 approved / payments))
        for w, provider, status, reason, source, decline, failures, usd in REASONS:
            conn.execute(
                "INSERT INTO failure_reason_metrics (partition_key, window_start, provider, status_category, "
                "failure_reason, failure_source, decline_type, failures, share_of_failures, share_of_attempts, "
                "amount_usd) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, 0, 0, %s)",
                (w, start_of(w), provider, status, reason, source, decline, failures, usd))
        for number, (provider, country, status, reason, usd) in enumerate(ATTEMPTS):
            conn.execute(
                "INSERT INTO attempts (attempt_key, partition_key, provider, payment_key, merchant_id, country, "
                "payment_method, status_category, failure_reason, failure_source, decline_type, captured, voided, "
                "events, amount_usd) VALUES (%s, %s, %s, %s, 'm1', %s, 'CARD', %s, %s, %s, %s, false, false, 1, %s)",
                (f"{provider}:a{number}", W3, provider, f"p{number}", country, status, reason,
                 "ISSUER" if reason else None, "SOFT" if reason else None, usd))
        conn.execute(
            "INSERT INTO alerts (alert_key, partition_key, window_start, provider, dimension, dimension_value, "
            "approval_rate, baseline_approval_rate, attempts, p_value, grown_reasons, affected_merchants) "
            "VALUES (%s, %s, %s, 'adyen', 'provider', '', 0.5, 0.9, 40, 1e-9, %s, %s)",
            (ALERT_KEY, W3, start_of(W3), Jsonb(GROWN), Jsonb(MERCHANTS)))
        for provider, attempts, approved, flagged in (("adyen", 40, 20, True), ("stripe", 50, 30, False)):
            conn.execute(
                "INSERT INTO provider_health (partition_key, window_start, provider, dimension, dimension_value, "
                "attempts, approved, approval_rate, customer_failures_excluded, baseline_windows, baseline_attempts, "
                "baseline_approved, baseline_approval_rate, delta, z_score, p_value, flagged) "
                "VALUES (%s, %s, %s, 'provider', '', %s, %s, %s, 0, 7, 500, 450, 0.9, %s, -6.0, %s, %s)",
                (W3, start_of(W3), provider, attempts, approved, approved / attempts, approved / attempts - 0.9,
                 1e-9 if flagged else 0.2, flagged))
        for w, lake_rows, normalized, unprocessed, missing_fx in QUALITY:
            conn.execute(
                "INSERT INTO pipeline_quality (partition_key, window_start, lake_rows, normalized, unprocessed, "
                "unprocessed_share, unprocessed_by_reason, normalized_by_method, missing_amount, missing_currency, "
                "missing_country, missing_fx_rate, restated_windows) "
                "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, 0, 0, 1, %s, 0)",
                (w, start_of(w), lake_rows, normalized, unprocessed, unprocessed / lake_rows,
                 Jsonb({"NO_MAPPING": unprocessed}), Jsonb({"provider_mapping": normalized}), missing_fx))
    # the per-country summary of the attempts, published as the pipeline publishes it
    publish_metrics(WarehouseDatabase(url=warehouse_url), "failure_reason_country_metrics",
                    FAILURE_REASON_COUNTRY_SQL, Window.from_key(W3))


@pytest.fixture
def seeded(warehouse_url):
    seed_analyst_warehouse(warehouse_url)
    with psycopg.connect(warehouse_url) as conn:
        conn.execute("SET search_path TO payobs")
        conn.execute("SET TIME ZONE 'UTC'")
        yield conn


def rows(conn, query: str, params=()) -> list[dict]:
    with conn.cursor() as cur:
        cur.execute(query, params)
        names = [c.name for c in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]


def test_window_day_and_iso_week_of_window_keys(seeded):
    # 2026-11-29 is a Sunday: its ISO week starts Monday 2026-11-23. 2027-01-01 (a Friday) is in 2026-W53,
    # since 2026 starts on a Thursday.
    got = seeded.execute("SELECT window_day('2026-11-29-12:00'), window_week('2026-11-29-12:00'), "
                         "window_week('2027-01-01-00:00')").fetchone()
    assert got == (date(2026, 11, 29), date(2026, 11, 23), date(2026, 12, 28))


def test_daily_provider_metrics_recompute_rates_from_sums(seeded):
    day = {r["provider"]: r for r in rows(seeded, "SELECT * FROM daily_provider_metrics WHERE day = %s", (MONDAY,))}
    stripe = day["stripe"]
    assert (stripe["windows"], stripe["attempts"], stripe["approved"], stripe["declined"], stripe["errored"]) == \
        (2, 200, 150, 48, 2)
    assert stripe["approval_rate"] == pytest.approx(0.75)  # not the windows' average, 0.70
    assert stripe["approved_amount_usd"] == Decimal("1500.00")
    assert stripe["declined_amount_usd"] == Decimal("610.00")  # 180 + NULL + 430: sum skips the unknown
    assert (stripe["payments"], stripe["payments_approved"], stripe["payments_retried"]) == (176, 140, 14)
    assert stripe["conversion_rate"] == pytest.approx(140 / 176)
    assert day["adyen"]["approval_rate"] == pytest.approx(0.5)
    assert day["adyen"]["payments"] == 0 and day["adyen"]["conversion_rate"] is None


def test_weekly_provider_metrics_by_iso_week(seeded):
    weekly = {(r["week"], r["provider"]): r for r in rows(seeded, "SELECT * FROM weekly_provider_metrics")}
    assert weekly[LAST_MONDAY, "stripe"]["attempts"] == 100
    assert weekly[LAST_MONDAY, "stripe"]["approval_rate"] == pytest.approx(0.81)
    assert weekly[MONDAY, "stripe"]["approval_rate"] == pytest.approx(0.75)
    assert weekly[MONDAY, "stripe"]["windows"] == 2
    iso = MONDAY.isocalendar()
    assert weekly[MONDAY, "stripe"]["iso_week"] == f"{iso.year}-W{iso.week:02d}"


def test_failure_reason_views_shares_of_the_providers_failures_and_attempts(seeded):
    daily = {(r["provider"], r["failure_reason"]): r for r in
             rows(seeded, "SELECT * FROM daily_failure_reasons WHERE day = %s", (MONDAY,))}
    # stripe on Monday: 15 + 3 + 2 + 10 + 20 = 50 failures over 200 decided attempts
    funds = daily["stripe", "INSUFFICIENT_FUNDS"]
    assert (funds["failures"], funds["amount_usd"]) == (25, Decimal("250.00"))
    assert funds["share_of_failures"] == pytest.approx(25 / 50)
    assert funds["share_of_attempts"] == pytest.approx(25 / 200)
    assert daily["stripe", "PROCESSING_ERROR"]["status_category"] == "ERROR"
    assert daily["adyen", "SUSPECTED_FRAUD"]["share_of_attempts"] == pytest.approx(20 / 40)
    weekly = rows(seeded, "SELECT * FROM weekly_failure_reasons WHERE week = %s AND provider = 'stripe' "
                          "AND failure_reason = 'GENERIC_DECLINE'", (LAST_MONDAY,))
    assert [(r["failures"], r["share_of_failures"], r["share_of_attempts"]) for r in weekly] == [(19, 1.0, 0.19)]


def test_failure_reasons_by_country_come_from_the_attempts(seeded):
    got = {(r["provider"], r["country"], r["failure_reason"]): r for r in
           rows(seeded, "SELECT * FROM daily_failure_reasons_by_country WHERE day = %s", (MONDAY,))}
    us = got["stripe", "US", "INSUFFICIENT_FUNDS"]
    assert (us["failures"], us["amount_usd"]) == (3, Decimal("30.00"))
    assert us["share_of_failures"] == pytest.approx(3 / 4) and us["share_of_attempts"] == pytest.approx(3 / 8)
    br = got["stripe", "BR", "GENERIC_DECLINE"]
    assert (br["failures"], br["share_of_failures"], br["share_of_attempts"]) == (2, 1.0, 0.5)  # PENDING left out
    assert set(got) == {("stripe", "US", "INSUFFICIENT_FUNDS"), ("stripe", "US", "GENERIC_DECLINE"),
                        ("stripe", "BR", "GENERIC_DECLINE"), ("adyen", "DE", "SUSPECTED_FRAUD")}
    weekly = rows(seeded, "SELECT failures FROM weekly_failure_reasons_by_country WHERE week = %s "
                          "AND country = 'DE'", (MONDAY,))
    assert weekly == [{"failures": 2}]


def test_alert_views_list_merchants_and_grown_reasons(seeded):
    listed = rows(seeded, "SELECT * FROM alert_list")
    assert len(listed) == 1
    alert = listed[0]
    assert (alert["provider"], alert["day"], alert["top_grown_reason"], alert["merchants_affected"]) == \
        ("adyen", MONDAY, "SUSPECTED_FRAUD", 2)
    assert alert["approval_drop"] == pytest.approx(0.4)
    merchants = rows(seeded, "SELECT merchant_id, attempts, failed, failure_rate FROM alert_merchants "
                             "ORDER BY merchant_id")
    assert merchants == [{"merchant_id": "m3", "attempts": 40, "failed": 20, "failure_rate": 0.5},
                         {"merchant_id": "m4", "attempts": 5, "failed": 4, "failure_rate": 0.8}]
    reasons = rows(seeded, "SELECT failure_reason, growth FROM alert_reasons")
    assert reasons[0]["failure_reason"] == "SUSPECTED_FRAUD" and reasons[0]["growth"] == pytest.approx(0.8)


def test_daily_pipeline_quality_sums_windows(seeded):
    day = rows(seeded, "SELECT * FROM daily_pipeline_quality WHERE day = %s", (MONDAY,))[0]
    assert (day["windows"], day["lake_rows"], day["normalized"], day["unprocessed"], day["missing_fx_rate"]) == \
        (2, 4000, 3960, 40, 5)
    assert day["unprocessed_share"] == pytest.approx(0.01)
    assert day["missing_fx_rate_share"] == pytest.approx(5 / 3960)


def test_a_day_filter_reads_the_days_rows_by_index(seeded):
    seeded.execute("SET enable_seqscan = off")  # tiny tables: show the index can serve the filter
    plan = "\n".join(r[0] for r in seeded.execute(
        "EXPLAIN SELECT * FROM daily_provider_metrics WHERE day = %s", (MONDAY,)))
    assert "approval_metrics_day_idx" in plan and "payment_metrics_day_idx" in plan


# --- the example SQL of docs/metrics.md -------------------------------------------------------------


def documented_queries() -> dict[str, str]:
    """The ```sql blocks of docs/metrics.md's questions section, keyed by their first line (a comment)."""
    text = (ROOT / "docs" / "metrics.md").read_text()
    section = text.split("## Questions and the SQL that answers them", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sql\n(.*?)```", section, flags=re.S)
    return {block.splitlines()[0].strip("- ").strip(): block for block in blocks}


def test_every_documented_query_runs_and_answers_its_question(seeded):
    queries = documented_queries()
    assert len(queries) >= 5
    answers = {}
    for title, query in queries.items():
        answers[title] = rows(seeded, query)  # every block runs, as written

    by_week = {r["provider"]: r for r in answers["Approval rate by provider, this week vs last"]}
    assert by_week["stripe"]["this_week"] == pytest.approx(0.75)
    assert by_week["stripe"]["last_week"] == pytest.approx(0.81)
    assert by_week["stripe"]["change"] == pytest.approx(-0.06)
    assert by_week["adyen"]["this_week"] == pytest.approx(0.5) and by_week["adyen"]["last_week"] == pytest.approx(0.9)

    top = answers["Top failure reasons by provider and country, this week"]
    assert [(r["provider"], r["country"], r["failure_reason"], r["failures"]) for r in top] == [
        ("adyen", "DE", "SUSPECTED_FRAUD", 2),
        ("stripe", "BR", "GENERIC_DECLINE", 2),
        ("stripe", "US", "INSUFFICIENT_FUNDS", 3),
        ("stripe", "US", "GENERIC_DECLINE", 1),
    ]

    declined = answers["Declined volume in USD by reason, this week"]
    assert [(r["failure_reason"], r["declined"], r["declined_usd"]) for r in declined] == [
        ("SUSPECTED_FRAUD", 20, Decimal("1000.00")),
        ("GENERIC_DECLINE", 23, Decimal("430.00")),
        ("INSUFFICIENT_FUNDS", 25, Decimal("250.00")),
    ]  # the ERROR (PROCESSING_ERROR) is not a decline

    merchants = answers["Merchants affected by the alerts of the last 7 days"]
    assert [(r["provider"], r["merchant_id"], r["attempts"], r["failed"]) for r in merchants] == [
        ("adyen", "m3", 40, 20), ("adyen", "m4", 5, 4)]

    quality = answers["Can I trust this week's numbers? Pipeline quality by day"]
    assert [(r["day"], r["lake_rows"], r["unprocessed"]) for r in quality] == [(MONDAY, 4000, 40)]
