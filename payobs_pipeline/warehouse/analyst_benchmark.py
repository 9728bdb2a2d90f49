"""How fast the analyst layer answers its documented questions (``payobs bench --analyst``).

The benchmark migrates an empty schema of its own (``payobs_bench`` by default, dropped again unless kept),
fills the metric tables, ``failure_reason_country_metrics``, ``provider_health``, ``alerts`` and
``pipeline_quality`` with a year of windows (730) for 20 providers and 200 merchants, set-based
(``generate_series`` straight into the tables, not the pipeline), ANALYZEs them, then times:

* every ```` ```sql ```` block of docs/metrics.md, as an analyst runs it (its literal provider and alert key
  replaced by ones of the benchmark's data); the data ends with the last window of the current ISO week,
  so "this week" is a whole week of rows whatever the day the benchmark runs (the worst case);
* every analyst view, read the way the docs read them: one day, one week, or the last 7 days.

Each query runs ``repeat`` times after one warm-up run; the median is reported against the goal
(``GOAL_MS``, 100 ms). The data's shape (docs/metrics.md, "Speed of the analyst queries"): each merchant
sells in one country through 3 providers and 3 payment methods, so a window has 1,800 rows of
``approval_metrics`` and of ``payment_metrics``; failure reasons, health cells and alerts follow from that.
"""

from __future__ import annotations

import re
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
from psycopg import sql

GOAL_MS = 100.0
BENCH_SCHEMA = "payobs_bench"
DOCS = Path(__file__).resolve().parents[2] / "docs" / "metrics.md"

PROVIDERS = ("stripe", "adyen", "mercadopago", "paypal", "braintree", "checkout", "worldpay", "razorpay",
             "mollie", "dlocal", "payu", "ebanx", "square", "authorizenet", "culqi", "omise", "iyzico",
             "klarna", "gocardless", "paystack")
COUNTRIES = ("US", "GB", "DE", "FR", "NL", "ES", "IT", "IE", "BR", "MX", "AR", "CO", "CL", "PE", "JP", "IN",
             "AU", "CA", "KW", "TR")
METHODS = ("CARD", "WALLET", "BANK_TRANSFER", "BNPL", "DIRECT_DEBIT", "CASH_VOUCHER")
# (status_category, failure_reason, failure_source, decline_type) of the failures, by weight
FAILURES = (
    ("DECLINED", "INSUFFICIENT_FUNDS", "ISSUER", "SOFT", 33), ("DECLINED", "GENERIC_DECLINE", "ISSUER", "SOFT", 28),
    ("DECLINED", "EXPIRED_CARD", "ISSUER", "HARD", 5), ("DECLINED", "INVALID_CARD_DATA", "CUSTOMER", "HARD", 5),
    ("DECLINED", "INCORRECT_CVC", "CUSTOMER", "SOFT", 5), ("DECLINED", "SUSPECTED_FRAUD", "ISSUER", "HARD", 4),
    ("DECLINED", "RISK_REJECTED", "PSP_RISK", "HARD", 4),
    ("DECLINED", "AUTHENTICATION_REQUIRED", "CUSTOMER", "SOFT", 3),
    ("DECLINED", "LIMIT_EXCEEDED", "ISSUER", "SOFT", 3), ("DECLINED", "LOST_OR_STOLEN_CARD", "ISSUER", "HARD", 2),
    ("DECLINED", "ISSUER_UNAVAILABLE", "ISSUER", "SOFT", 1), ("ERROR", "PROCESSING_ERROR", "TECHNICAL", "SOFT", 4),
    ("ERROR", "TIMEOUT", "TECHNICAL", "SOFT", 1), ("UNKNOWN", "UNKNOWN", "ISSUER", "SOFT", 1),
)


@dataclass
class Timing:
    name: str
    kind: str  # "question" (a docs/metrics.md block) or "view"
    runs_ms: list[float]
    rows: int

    @property
    def median_ms(self) -> float:
        return statistics.median(self.runs_ms)

    @property
    def meets_goal(self) -> bool:
        return self.median_ms < GOAL_MS


@dataclass
class BenchResult:
    windows: int
    providers: int
    merchants: int
    table_rows: dict[str, int]
    fill_seconds: float
    timings: list[Timing] = field(default_factory=list)

    @property
    def slowest(self) -> Timing | None:
        return max(self.timings, key=lambda t: t.median_ms, default=None)

    def lines(self) -> list[str]:
        out = [f"analyst benchmark: {self.windows} windows, {self.providers} providers, {self.merchants} merchants "
               f"(filled in {self.fill_seconds:.1f} s)"]
        out.append("rows: " + ", ".join(f"{table} {count:,}" for table, count in self.table_rows.items()))
        width = max((len(t.name) for t in self.timings), default=10)
        for t in self.timings:
            verdict = "ok" if t.meets_goal else f"SLOWER than {GOAL_MS:.0f} ms"
            out.append(f"  {t.kind:<8} {t.name:<{width}}  {t.median_ms:8.1f} ms  ({t.rows} rows)  {verdict}")
        slow = [t for t in self.timings if not t.meets_goal]
        out.append(f"{len(self.timings) - len(slow)} of {len(self.timings)} queries under {GOAL_MS:.0f} ms"
                   + (f"; slowest {self.slowest.name} {self.slowest.median_ms:.1f} ms" if self.slowest else ""))
        return out


# ---------------------------------------------------------------------------
# The documented questions
# ---------------------------------------------------------------------------

_SQL_BLOCK = re.compile(r"```sql\n(.*?)```", re.S)
_ALERT_KEY = re.compile(r"'\d{4}-\d{2}-\d{2}-\d{2}:\d{2}\|[^'|]*\|[^'|]*\|[^']*'")


def documented_queries(path: Path = DOCS) -> list[tuple[str, str]]:
    """The ```sql blocks of docs/metrics.md: ``(name, text)``, named by their first comment line (else by the
    heading above them and their position)."""
    text = path.read_text(encoding="utf-8")
    queries = []
    for number, match in enumerate(_SQL_BLOCK.finditer(text), 1):
        body = match.group(1).strip()
        first = body.splitlines()[0]
        before = [line.strip() for line in text[:match.start()].splitlines() if line.strip()]
        if first.startswith("--"):
            name = first.lstrip("- ").strip()
        elif before and not before[-1].startswith(("#", "```", "|")):
            name = before[-1].rstrip(":").strip("*").strip()  # the sentence that introduces the block
        else:
            heading = [line for line in before if line.startswith("#")]
            name = f"{heading[-1].lstrip('# ').strip() if heading else 'query'} (block {number})"
        queries.append((name, body.rstrip(";").strip()))
    return queries


def fill_parameters(query: str, provider: str, alert_key: str) -> str:
    """The documented query with its example literals (provider 'acme', an alert key) set to real ones."""
    query = _ALERT_KEY.sub(lambda _: "'" + alert_key.replace("'", "''") + "'", query)
    return query.replace("'acme'", "'" + provider.replace("'", "''") + "'")


VIEW_QUERIES = (
    ("daily_provider_metrics, one day", "SELECT * FROM daily_provider_metrics WHERE day = current_date - 1"),
    ("weekly_provider_metrics, this week",
     "SELECT * FROM weekly_provider_metrics WHERE week = date_trunc('week', current_date)::date"),
    ("daily_failure_reasons, one day", "SELECT * FROM daily_failure_reasons WHERE day = current_date - 1"),
    ("weekly_failure_reasons, this week",
     "SELECT * FROM weekly_failure_reasons WHERE week = date_trunc('week', current_date)::date"),
    ("daily_failure_reasons_by_country, one day",
     "SELECT * FROM daily_failure_reasons_by_country WHERE day = current_date - 1"),
    ("weekly_failure_reasons_by_country, this week",
     "SELECT * FROM weekly_failure_reasons_by_country WHERE week = date_trunc('week', current_date)::date"),
    ("alert_list, last 7 days", "SELECT * FROM alert_list WHERE day >= current_date - 7"),
    ("alert_merchants, last 7 days", "SELECT * FROM alert_merchants WHERE day >= current_date - 7"),
    ("alert_reasons, last 7 days", "SELECT * FROM alert_reasons WHERE day >= current_date - 7"),
    ("daily_pipeline_quality, last 7 days", "SELECT * FROM daily_pipeline_quality WHERE day >= current_date - 7"),
)


# ---------------------------------------------------------------------------
# Filling an empty warehouse, set-based
# ---------------------------------------------------------------------------

# Temporary dimension tables, then one INSERT ... SELECT per table over generate_series of the windows.
# random() after setseed(): the same arguments give the same data.
_SETUP = """
SELECT setseed(0.4242);
CREATE TEMP TABLE bench_windows ON COMMIT DROP AS
SELECT w, to_char(s AT TIME ZONE 'UTC', 'YYYY-MM-DD-HH24:MI') AS partition_key, s AS window_start
FROM (
    -- the last window: Sunday 12:00 UTC of the current ISO week, so "this week" is a whole week
    SELECT w, (date_trunc('week', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC') + interval '6 days 12 hours'
              - (%(windows)s - 1 - w) * interval '12 hours' AS s
    FROM generate_series(0, %(windows)s - 1) AS w
) t;
CREATE TEMP TABLE bench_providers ON COMMIT DROP AS
SELECT p - 1 AS p, (%(provider_names)s::text[])[p] AS provider,
       0.82 + 0.1 * random() AS approval_rate FROM generate_series(1, %(providers)s) AS p;
-- merchant m sells in one country through 3 providers and 3 methods
CREATE TEMP TABLE bench_cells ON COMMIT DROP AS
SELECT row_number() OVER () AS cell, 'm_' || lpad(m::text, 4, '0') AS merchant_id,
       (%(countries)s::text[])[1 + m %% cardinality(%(countries)s::text[])] AS country,
       bp.provider, bp.approval_rate,
       (%(methods)s::text[])[1 + (m + k) %% cardinality(%(methods)s::text[])] AS payment_method,
       5 + floor(random() * 60)::int AS volume
FROM generate_series(0, %(merchants)s - 1) AS m
CROSS JOIN generate_series(0, 2) AS j
CROSS JOIN generate_series(0, 2) AS k
JOIN bench_providers bp ON bp.p = (m * 7 + j) %% %(providers)s;
CREATE TEMP TABLE bench_failures ON COMMIT DROP AS
SELECT * FROM (VALUES {failures}) AS f(status_category, failure_reason, failure_source, decline_type, weight);
"""

_FILL = {
    "approval_metrics": """
INSERT INTO approval_metrics (partition_key, window_start, provider, merchant_id, country, payment_method,
    attempts, approved, declined, errored, unknown, pending, cancelled, refunded, chargebacks, approval_rate,
    captured, voided, approved_amount_usd, declined_amount_usd, refunded_amount_usd, disputed_amount_usd,
    attempts_missing_usd)
SELECT partition_key, window_start, provider, merchant_id, country, payment_method,
       attempts, approved, declined, attempts - approved - declined, 0, 1, 0, refunded, 0,
       approved::double precision / attempts, approved / 3, 0,
       approved * 42.5, declined * 38.0, refunded * 40.0, 0, 0
FROM (
    SELECT w.partition_key, w.window_start, c.provider, c.merchant_id, c.country, c.payment_method,
           c.volume AS attempts, floor(c.volume * (c.approval_rate - 0.04 + 0.08 * random()))::int AS approved,
           floor(c.volume * 0.1)::int AS declined, floor(random() * 2)::int AS refunded
    FROM bench_windows w CROSS JOIN bench_cells c
) t
""",
    "payment_metrics": """
INSERT INTO payment_metrics (partition_key, window_start, provider, merchant_id, country, payment_method,
    payments, payments_approved, payments_failed, payments_pending, payments_cancelled, payments_retried,
    attempts, conversion_rate, approved_amount_usd)
SELECT w.partition_key, w.window_start, c.provider, c.merchant_id, c.country, c.payment_method,
       c.volume, floor(c.volume * 0.9)::int, c.volume - floor(c.volume * 0.9)::int, 0, 0, c.volume / 10,
       c.volume + c.volume / 10, floor(c.volume * 0.9) / c.volume, floor(c.volume * 0.9) * 42.5
FROM bench_windows w CROSS JOIN bench_cells c
""",
    "failure_reason_metrics": """
INSERT INTO failure_reason_metrics (partition_key, window_start, provider, status_category, failure_reason,
    failure_source, decline_type, failures, share_of_failures, share_of_attempts, amount_usd)
SELECT w.partition_key, w.window_start, p.provider, f.status_category, f.failure_reason, f.failure_source,
       f.decline_type, 1 + floor(f.weight * (0.5 + random()))::int, f.weight / 99.0, f.weight / 990.0,
       f.weight * 38.0
FROM bench_windows w CROSS JOIN bench_providers p CROSS JOIN bench_failures f
""",
    "failure_reason_country_metrics": """
INSERT INTO failure_reason_country_metrics (partition_key, provider, country, status_category,
    failure_reason, failure_source, decline_type, attempts, failures, amount_usd)
SELECT partition_key, provider, country, status_category, failure_reason, failure_source, decline_type,
       failures, failures, failures * 38.0
FROM (
    SELECT w.partition_key, pc.provider, pc.country, f.status_category, f.failure_reason, f.failure_source,
           f.decline_type, 1 + floor(f.weight * random() / 4)::int AS failures
    FROM bench_windows w
    CROSS JOIN (SELECT DISTINCT provider, country FROM bench_cells) pc
    CROSS JOIN bench_failures f
) t
UNION ALL
SELECT w.partition_key, pc.provider, pc.country, '', '', '', '', pc.volume, 0, NULL
FROM bench_windows w
CROSS JOIN (SELECT provider, country, sum(volume)::bigint AS volume FROM bench_cells GROUP BY 1, 2) pc
""",
    "provider_health": """
INSERT INTO provider_health (partition_key, window_start, provider, dimension, dimension_value, attempts, approved,
    approval_rate, customer_failures_excluded, baseline_windows, baseline_attempts, baseline_approved,
    baseline_approval_rate, delta, z_score, p_value, flagged)
SELECT partition_key, window_start, provider, dimension, dimension_value, attempts, approved,
       approved::double precision / attempts, attempts / 20, 7, attempts * 7, floor(attempts * 7 * base)::int, base,
       approved::double precision / attempts - base, 0.5 - random(), random(), false
FROM (
    SELECT w.partition_key, w.window_start, d.provider, d.dimension, d.dimension_value, d.volume AS attempts,
           floor(d.volume * (d.approval_rate - 0.03 + 0.06 * random()))::int AS approved, d.approval_rate AS base
    FROM bench_windows w
    CROSS JOIN (
        SELECT provider, 'provider' AS dimension, '' AS dimension_value, sum(volume) AS volume,
               min(approval_rate) AS approval_rate FROM bench_cells GROUP BY provider
        UNION ALL
        SELECT provider, 'country', country, sum(volume), min(approval_rate) FROM bench_cells GROUP BY 1, 3
        UNION ALL
        SELECT provider, 'payment_method', payment_method, sum(volume), min(approval_rate)
        FROM bench_cells GROUP BY 1, 3
    ) d
) t
""",
    # an outage of one provider every 10 windows: its provider cell flagged, with an alert
    "alerts": """
WITH flagged AS (
    UPDATE provider_health h SET flagged = true, approved = h.attempts / 2, approval_rate = 0.5,
           delta = 0.5 - h.baseline_approval_rate, z_score = -8, p_value = 1e-12
    FROM bench_windows w, bench_providers p
    WHERE h.partition_key = w.partition_key AND w.w %% 10 = 0 AND p.p = (w.w / 10) %% %(providers)s
      AND h.provider = p.provider AND h.dimension = 'provider'
    RETURNING h.*
)
INSERT INTO alerts (alert_key, partition_key, window_start, provider, dimension, dimension_value, approval_rate,
    baseline_approval_rate, attempts, p_value, grown_reasons, affected_merchants, created_at)
SELECT f.partition_key || '|' || f.provider || '|provider|', f.partition_key, f.window_start, f.provider,
       'provider', '', f.approval_rate, f.baseline_approval_rate, f.attempts, f.p_value,
       '[{"failure_reason": "PROCESSING_ERROR", "share": 0.3, "baseline_share": 0.005},
         {"failure_reason": "ISSUER_UNAVAILABLE", "share": 0.15, "baseline_share": 0.01}]'::jsonb,
       (SELECT jsonb_agg(jsonb_build_object('merchant_id', c.merchant_id, 'attempts', c.volume,
                                            'failed', c.volume / 2) ORDER BY c.volume DESC)
        FROM (SELECT merchant_id, sum(volume)::int AS volume FROM bench_cells
              WHERE provider = f.provider GROUP BY 1 ORDER BY 2 DESC LIMIT 50) c),
       f.window_start + interval '12 hours'
FROM flagged f
""",
    "pipeline_quality": """
INSERT INTO pipeline_quality (partition_key, window_start, lake_rows, normalized, unprocessed, unprocessed_share,
    unprocessed_by_reason, normalized_by_method, missing_amount, missing_currency, missing_country,
    missing_fx_rate, restated_windows, computed_at)
SELECT partition_key, window_start, 40000 + u, 40000, u, u / (40000.0 + u),
       jsonb_build_object('UNKNOWN_PROVIDER', u / 2, 'MALFORMED_JSON', u - u / 2),
       '{"provider_mapping": 39000, "learned_mapping": 600, "heuristic": 350, "llm_extraction": 50}'::jsonb,
       120, 30, 15, 4, 1, window_start + interval '12 hours'
FROM (SELECT partition_key, window_start, 200 + floor(random() * 400)::int AS u FROM bench_windows) t
""",
}


def fill(conn: psycopg.Connection, windows: int = 730, providers: int = 20, merchants: int = 200) -> dict[str, int]:
    """Fill the (empty) warehouse schema on ``conn``'s search_path; returns the rows written per table."""
    if not 3 <= providers <= len(PROVIDERS):
        raise ValueError(f"providers must be 3 to {len(PROVIDERS)}")
    if windows < 1 or merchants < 1:
        raise ValueError("windows and merchants must be at least 1")
    for table in _FILL:
        if conn.execute(sql.SQL("SELECT EXISTS (SELECT 1 FROM {})").format(sql.Identifier(table))).fetchone()[0]:
            raise ValueError(f"the benchmark fills an empty warehouse: {table} has rows")
    failures = ", ".join("(" + ", ".join(f"'{v}'" if isinstance(v, str) else str(v) for v in row) + ")"
                         for row in FAILURES)
    params = {"windows": windows, "providers": providers, "merchants": merchants,
              "provider_names": list(PROVIDERS), "countries": list(COUNTRIES), "methods": list(METHODS)}
    rows = {}
    with conn.transaction():
        with conn.cursor() as cur:
            for statement in _SETUP.replace("{failures}", failures).split(";\n"):
                if statement.strip():
                    cur.execute(statement, params)
            for table, statement in _FILL.items():
                cur.execute(statement, params)
                rows[table] = cur.rowcount
    conn.commit()
    rows["alerts"] = conn.execute("SELECT count(*) FROM alerts").fetchone()[0]
    for table in _FILL:
        conn.execute(sql.SQL("ANALYZE {}").format(sql.Identifier(table)))
    conn.commit()
    return rows


# ---------------------------------------------------------------------------
# Timing
# ---------------------------------------------------------------------------


def _time(conn: psycopg.Connection, query: str, repeat: int) -> tuple[list[float], int]:
    conn.execute(query).fetchall()  # warm-up: plans and pages cached as in an analyst's session
    runs = []
    count = 0
    for _ in range(repeat):
        began = time.perf_counter()
        count = len(conn.execute(query).fetchall())
        runs.append((time.perf_counter() - began) * 1000)
    return runs, count


def time_queries(conn: psycopg.Connection, repeat: int = 5, docs: Path = DOCS) -> list[Timing]:
    """Time every documented question and every view on ``conn`` (search_path set to the warehouse)."""
    conn.execute("SET TIME ZONE 'UTC'")
    latest = conn.execute("SELECT alert_key, provider FROM alerts ORDER BY window_start DESC, alert_key "
                          "LIMIT 1").fetchone()
    alert_key, provider = latest if latest else ("", "stripe")
    timings = []
    for name, query in documented_queries(docs):
        runs, count = _time(conn, fill_parameters(query, provider, alert_key), repeat)
        timings.append(Timing(name, "question", runs, count))
    for name, query in VIEW_QUERIES:
        runs, count = _time(conn, query, repeat)
        timings.append(Timing(name, "view", runs, count))
    conn.rollback()
    return timings


def run(url: str, windows: int = 730, providers: int = 20, merchants: int = 200, repeat: int = 5,
        schema: str = BENCH_SCHEMA, keep: bool = False) -> BenchResult:
    """Migrate a fresh ``schema`` at ``url``, fill it, time the queries; drop the schema unless ``keep``."""
    from payobs_pipeline import settings
    from payobs_pipeline.resources.warehouse import WarehouseDatabase

    url = settings.libpq_url(url)
    if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", schema) or schema in ("public", "payobs"):
        raise ValueError(f"benchmark schema {schema!r}: a lower-case identifier of its own (not public/payobs)")
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(schema)))
    warehouse = WarehouseDatabase(url=url, schema_name=schema)
    warehouse.migrate()
    try:
        with warehouse.connection() as conn:
            began = time.perf_counter()
            rows = fill(conn, windows, providers, merchants)
            seconds = time.perf_counter() - began
            result = BenchResult(windows, providers, merchants, rows, seconds)
            result.timings = time_queries(conn, repeat)
        return result
    finally:
        if not keep:
            with psycopg.connect(url, autocommit=True) as conn:
                conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(schema)))
