"""The analyst benchmark (``payobs bench --analyst``) on a small scale, on real PostgreSQL: it fills a schema of
its own, times every documented question of docs/metrics.md and every view, and leaves nothing behind.

Only that a time is reported for every query is asserted, never the times themselves (the speed goal is shown
by running the command at full scale, docs/metrics.md "Speed of the analyst queries")."""

from __future__ import annotations

import re
from pathlib import Path

import psycopg
import pytest

from payobs_pipeline.assets.metrics import FAILURE_REASON_COUNTRY_SQL, publish_metrics
from payobs_pipeline.resources.warehouse import WarehouseDatabase
from payobs_pipeline.warehouse import analyst_benchmark
from payobs_pipeline.windows import Window

pytestmark = pytest.mark.database

DOCS = Path(__file__).resolve().parents[1] / "docs" / "metrics.md"
WINDOWS, PROVIDERS, MERCHANTS = 40, 5, 12


def test_every_documented_question_and_every_view_gets_a_time(warehouse_url):
    result = analyst_benchmark.run(warehouse_url, windows=WINDOWS, providers=PROVIDERS, merchants=MERCHANTS,
                                   repeat=2, schema="bench_test")
    blocks = re.findall(r"```sql\n(.*?)```", DOCS.read_text(encoding="utf-8"), flags=re.S)
    questions = [t for t in result.timings if t.kind == "question"]
    assert len(questions) == len(blocks) >= 10  # one timing per ```sql block, none skipped
    assert len({t.name for t in questions}) == len(questions)  # each named apart
    views = {t.name.split(",")[0] for t in result.timings if t.kind == "view"}
    assert views == {"daily_provider_metrics", "weekly_provider_metrics", "daily_failure_reasons",
                     "weekly_failure_reasons", "daily_failure_reasons_by_country",
                     "weekly_failure_reasons_by_country", "alert_list", "alert_merchants", "alert_reasons",
                     "daily_pipeline_quality"}
    for timing in result.timings:
        assert len(timing.runs_ms) == 2 and all(ms > 0 for ms in timing.runs_ms)
    lines = result.lines()
    assert sum(1 for line in lines if re.match(r"\s+(question|view)\s.*\s\d+\.\d ms", line)) == len(result.timings)

    # the data's shape, by hand: each merchant sells through 3 providers x 3 methods in every window
    assert result.table_rows["approval_metrics"] == WINDOWS * MERCHANTS * 3 * 3
    assert result.table_rows["pipeline_quality"] == WINDOWS
    # one outage every 10 windows (windows 0, 10, 20, 30): an alert each
    assert result.table_rows["alerts"] == 4
    # the documented alert question ran on a real alert key: its merchants came back
    merchants = next(t for t in questions if t.name == "Which merchants an alert affects")
    assert merchants.rows > 0

    with psycopg.connect(warehouse_url) as conn:  # the benchmark's schema is dropped afterwards
        assert conn.execute("SELECT count(*) FROM pg_namespace WHERE nspname = 'bench_test'").fetchone()[0] == 0


def test_it_refuses_a_warehouse_with_data(warehouse_url):
    warehouse = WarehouseDatabase(url=warehouse_url, schema_name="bench_full")
    warehouse.migrate()
    with warehouse.connection() as conn:
        conn.execute("INSERT INTO pipeline_quality (partition_key, window_start, lake_rows, normalized, unprocessed, "
                     "unprocessed_by_reason, normalized_by_method, missing_amount, missing_currency, "
                     "missing_country, missing_fx_rate, restated_windows) "
                     "VALUES ('2026-11-01-00:00', '2026-11-01', 1, 1, 0, '{}', '{}', 0, 0, 0, 0, 0)")
        conn.commit()
        with pytest.raises(ValueError, match="empty warehouse"):
            analyst_benchmark.fill(conn, windows=2, providers=3, merchants=2)


def test_the_country_summary_is_published_from_the_attempts_and_follows_a_republish(warehouse_url):
    """failure_reason_country_metrics is published like every metric table (publish_metrics: the window's rows
    deleted and inserted from its attempts); a republish after the attempts changed follows them."""
    warehouse = WarehouseDatabase(url=warehouse_url)
    warehouse.migrate()
    columns = ("attempt_key", "partition_key", "provider", "payment_key", "merchant_id", "country", "payment_method",
               "status_category", "failure_reason", "failure_source", "decline_type", "captured", "voided",
               "events", "amount_usd")
    w1, w2 = "2026-11-02-00:00", "2026-11-02-12:00"
    rows = [("a1", w1, "stripe", "p1", "m1", "US", "CARD", "APPROVED", None, None, None, False, False, 1, 10),
            ("a2", w1, "stripe", "p2", "m1", "US", "CARD", "DECLINED", "INSUFFICIENT_FUNDS", "ISSUER", "SOFT",
             False, False, 1, 20),
            ("a3", w1, "stripe", "p3", "m1", "US", "CARD", "DECLINED", "INSUFFICIENT_FUNDS", "ISSUER", "SOFT",
             False, False, 1, None),
            ("a4", w1, "stripe", "p4", "m2", "BR", "CARD", "ERROR", None, None, None, False, False, 1, 5),
            ("a5", w1, "stripe", "p5", "m2", "BR", "CARD", "PENDING", None, None, None, False, False, 1, 7),
            ("a6", w2, "adyen", "p6", "m3", "DE", "CARD", "APPROVED", None, None, None, False, False, 1, 1)]

    def publish(*keys: str) -> None:
        for key in keys:
            publish_metrics(warehouse, "failure_reason_country_metrics", FAILURE_REASON_COUNTRY_SQL,
                            Window.from_key(key))

    def summary():
        with warehouse.connection() as conn:
            return {r[:7]: r[7:] for r in conn.execute(
                "SELECT partition_key, provider, country, status_category, failure_reason, failure_source, "
                "decline_type, attempts, failures, amount_usd::float FROM failure_reason_country_metrics")}

    with warehouse.connection() as conn, conn.cursor() as cur:
        cur.executemany(f"INSERT INTO attempts ({', '.join(columns)}) VALUES ({', '.join(['%s'] * 15)})", rows)
    assert summary() == {}  # writing attempts publishes nothing by itself
    publish(w1, w2)
    # by hand: stripe US 1 approved + 2 funds declines (USD 20 and none); stripe BR 1 error without a reason
    # (UNKNOWN), the pending attempt is not decided; adyen DE 1 approved
    expected = {
        (w1, "stripe", "US", "", "", "", ""): (1, 0, None),
        (w1, "stripe", "US", "DECLINED", "INSUFFICIENT_FUNDS", "ISSUER", "SOFT"): (2, 2, 20.0),
        (w1, "stripe", "BR", "ERROR", "UNKNOWN", "UNKNOWN", "UNKNOWN"): (1, 1, 5.0),
        (w2, "adyen", "DE", "", "", "", ""): (1, 0, None),
    }
    assert summary() == expected
    publish(w1, w2)  # a rerun gives the same rows
    assert summary() == expected

    with warehouse.connection() as conn:
        conn.execute("UPDATE attempts SET status_category = 'APPROVED', failure_reason = NULL, "
                     "failure_source = NULL, decline_type = NULL WHERE attempt_key = 'a2'")  # a late approval
        conn.execute("DELETE FROM attempts WHERE attempt_key IN ('a4', 'a6')")
    publish(w1, w2)
    assert summary() == {
        (w1, "stripe", "US", "", "", "", ""): (2, 0, None),
        (w1, "stripe", "US", "DECLINED", "INSUFFICIENT_FUNDS", "ISSUER", "SOFT"): (1, 1, None),
    }
