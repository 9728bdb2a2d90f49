"""What analysts read: the queries behind ``payobs metrics ...`` and ``payobs report`` (docs/metrics.md).

Every function takes a connection whose search_path is the warehouse schema and an inclusive range of
window keys, and returns a :class:`Table` (column names and rows). Rates are recomputed from the summed
counts of the range (never an average of per-window rates); amounts are USD as numeric (``Decimal``).
Window keys sort as their times do, so a range is ``partition_key BETWEEN first AND last`` on the tables'
primary keys.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

import psycopg

from payobs_pipeline.normalization.taxonomy import FAILURE_STATUSES, StatusCategory
from payobs_pipeline.windows import Window

# The whole history, when a command is given no range.
FIRST_KEY, LAST_KEY = "1970-01-01-00:00", "9999-12-31-12:00"
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def window_bound(value: str | None, end: bool) -> str:
    """A ``--from``/``--to`` value as a window key: a window key as given, a date (YYYY-MM-DD) as its first
    window (``--from``) or its last (``--to``), nothing as the start or end of history."""
    if value is None or value == "":
        return LAST_KEY if end else FIRST_KEY
    value = value.strip()
    if _DATE.match(value):
        date.fromisoformat(value)  # a real date, or ValueError
        return f"{value}-12:00" if end else f"{value}-00:00"
    return Window.from_key(value).partition_key  # ValueError when not a window key


@dataclass
class Table:
    """Rows of one query, with its column names; ``records()`` for JSON."""

    columns: list[str]
    rows: list[tuple] = field(default_factory=list)

    def records(self) -> list[dict]:
        return [dict(zip(self.columns, row)) for row in self.rows]

    def column(self, name: str) -> list:
        at = self.columns.index(name)
        return [row[at] for row in self.rows]

    def __len__(self) -> int:
        return len(self.rows)


def _table(conn: psycopg.Connection, query: str, params: dict) -> Table:
    with conn.cursor() as cur:
        cur.execute(query, params)
        return Table([c.name for c in cur.description], cur.fetchall())


def _params(first: str, last: str, provider: str | None = None, **extra) -> dict:
    return {"first": first, "last": last, "provider": provider, **extra}


_FAILED = tuple(sorted(FAILURE_STATUSES))

# Attempt- and payment-level sums per provider; GROUPING SETS adds the all-provider total (provider NULL).
PROVIDERS_SQL = """
SELECT provider,
       sum(attempts)::bigint AS attempts, sum(approved)::bigint AS approved, sum(declined)::bigint AS declined,
       sum(errored)::bigint AS errored, sum(pending)::bigint AS pending,
       sum(approved)::double precision / NULLIF(sum(attempts), 0) AS approval_rate,
       sum(approved_amount_usd) AS approved_amount_usd, sum(declined_amount_usd) AS declined_amount_usd,
       sum(refunded)::bigint AS refunds, sum(refunded_amount_usd) AS refunded_amount_usd,
       sum(chargebacks)::bigint AS chargebacks, sum(disputed_amount_usd) AS disputed_amount_usd,
       sum(attempts_missing_usd)::bigint AS attempts_missing_usd,
       sum(payments)::bigint AS payments, sum(payments_approved)::bigint AS payments_approved,
       sum(payments_retried)::bigint AS payments_retried,
       sum(payments_approved)::double precision / NULLIF(sum(payments), 0) AS conversion_rate
FROM (
    SELECT provider, attempts, approved, declined, errored, pending, approved_amount_usd, declined_amount_usd,
           refunded, refunded_amount_usd, chargebacks, disputed_amount_usd, attempts_missing_usd,
           0 AS payments, 0 AS payments_approved, 0 AS payments_retried
    FROM approval_metrics
    WHERE partition_key BETWEEN %(first)s AND %(last)s AND (%(provider)s::text IS NULL OR provider = %(provider)s)
    UNION ALL
    SELECT provider, 0, 0, 0, 0, 0, NULL, NULL, 0, NULL, 0, NULL, 0, payments, payments_approved, payments_retried
    FROM payment_metrics
    WHERE partition_key BETWEEN %(first)s AND %(last)s AND (%(provider)s::text IS NULL OR provider = %(provider)s)
) rows
GROUP BY GROUPING SETS ((provider), ())
ORDER BY provider IS NULL, sum(attempts) DESC, provider
"""


def providers(conn: psycopg.Connection, first: str, last: str, provider: str | None = None) -> Table:
    """One row per provider over the range, then the total (provider ``None``)."""
    table = _table(conn, PROVIDERS_SQL, _params(first, last, provider))
    if len(table) == 1 and not table.rows[0][1]:  # only an empty total: nothing in the range
        table.rows = []
    return table


PERIOD_SQL = {
    "window": """
SELECT partition_key AS window, provider, sum(attempts)::bigint AS attempts, sum(approved)::bigint AS approved,
       sum(approved)::double precision / NULLIF(sum(attempts), 0) AS approval_rate,
       sum(declined)::bigint AS declined, sum(approved_amount_usd) AS approved_amount_usd,
       sum(declined_amount_usd) AS declined_amount_usd
FROM approval_metrics
WHERE partition_key BETWEEN %(first)s AND %(last)s AND (%(provider)s::text IS NULL OR provider = %(provider)s)
GROUP BY partition_key, provider ORDER BY partition_key, provider
""",
    "day": """
SELECT day, provider, attempts, approved, approval_rate, declined, approved_amount_usd, declined_amount_usd
FROM daily_provider_metrics
WHERE day BETWEEN window_day(%(first)s) AND window_day(%(last)s)
  AND (%(provider)s::text IS NULL OR provider = %(provider)s)
ORDER BY day, provider
""",
    "week": """
SELECT iso_week, provider, attempts, approved, approval_rate, declined, approved_amount_usd, declined_amount_usd
FROM weekly_provider_metrics
WHERE week BETWEEN window_week(%(first)s) AND window_week(%(last)s)
  AND (%(provider)s::text IS NULL OR provider = %(provider)s)
ORDER BY week, provider
""",
}


def providers_by_period(conn: psycopg.Connection, first: str, last: str, period: str,
                        provider: str | None = None) -> Table:
    """Approval per provider and window, day or ISO week (days and weeks touching the range, whole)."""
    return _table(conn, PERIOD_SQL[period], _params(first, last, provider))


REASONS_SQL = """
SELECT provider, status_category, failure_reason, failure_source, decline_type, failures, amount_usd,
       failures::double precision / NULLIF(sum(failures) OVER (PARTITION BY provider), 0) AS share_of_failures,
       failures::double precision / NULLIF(attempts, 0) AS share_of_attempts
FROM (
    SELECT provider, status_category, failure_reason, failure_source, decline_type,
           sum(failures)::bigint AS failures, sum(amount_usd) AS amount_usd
    FROM failure_reason_metrics
    WHERE partition_key BETWEEN %(first)s AND %(last)s AND (%(provider)s::text IS NULL OR provider = %(provider)s)
    GROUP BY 1, 2, 3, 4, 5
) reasons
JOIN (
    SELECT provider, sum(attempts) AS attempts FROM approval_metrics
    WHERE partition_key BETWEEN %(first)s AND %(last)s AND (%(provider)s::text IS NULL OR provider = %(provider)s)
    GROUP BY provider
) decided USING (provider)
ORDER BY failures DESC, provider, failure_reason, status_category, failure_source, decline_type
LIMIT %(limit)s
"""

REASONS_BY_COUNTRY_SQL = """
SELECT provider, country, status_category, failure_reason, failure_source, decline_type, failures, amount_usd,
       failures::double precision / NULLIF(sum(failures) OVER (PARTITION BY provider, country), 0)
           AS share_of_failures,
       failures::double precision / NULLIF(attempts, 0) AS share_of_attempts
FROM (
    SELECT provider, country, status_category, COALESCE(failure_reason, 'UNKNOWN') AS failure_reason,
           COALESCE(failure_source, 'UNKNOWN') AS failure_source, COALESCE(decline_type, 'UNKNOWN') AS decline_type,
           count(*) AS failures, sum(amount_usd) AS amount_usd
    FROM attempts
    WHERE partition_key BETWEEN %(first)s AND %(last)s AND (%(provider)s::text IS NULL OR provider = %(provider)s)
      AND status_category = ANY(%(failed)s)
    GROUP BY 1, 2, 3, 4, 5, 6
) reasons
JOIN (
    SELECT provider, country, sum(attempts) AS attempts FROM approval_metrics
    WHERE partition_key BETWEEN %(first)s AND %(last)s AND (%(provider)s::text IS NULL OR provider = %(provider)s)
    GROUP BY provider, country
) decided USING (provider, country)
ORDER BY failures DESC, provider, country, failure_reason, status_category, failure_source, decline_type
LIMIT %(limit)s
"""


def failure_reasons(conn: psycopg.Connection, first: str, last: str, provider: str | None = None,
                    by_country: bool = False, limit: int = 20) -> Table:
    """The most frequent failure reasons per provider (and country: from the attempts themselves), with
    their declined volume in USD and their shares of the provider's failed and decided attempts."""
    query = REASONS_BY_COUNTRY_SQL if by_country else REASONS_SQL
    return _table(conn, query, _params(first, last, provider, limit=limit, failed=list(_FAILED)))


TOP_REASONS_SQL = """
SELECT failure_reason, sum(failures)::bigint AS failures,
       sum(failures)::double precision / NULLIF(sum(sum(failures)) OVER (), 0) AS share_of_failures,
       sum(amount_usd) AS amount_usd,
       sum(amount_usd) FILTER (WHERE status_category = %(declined)s) AS declined_amount_usd
FROM failure_reason_metrics
WHERE partition_key BETWEEN %(first)s AND %(last)s AND (%(provider)s::text IS NULL OR provider = %(provider)s)
GROUP BY failure_reason
ORDER BY sum(failures) DESC, failure_reason
LIMIT %(limit)s
"""


def top_reasons(conn: psycopg.Connection, first: str, last: str, provider: str | None = None,
                limit: int = 10) -> Table:
    """Failure reasons over every provider: failures, share of all failures, USD of the failed attempts and
    of the declined ones (status DECLINED: a decision, not an error)."""
    return _table(conn, TOP_REASONS_SQL, _params(first, last, provider, limit=limit,
                                                  declined=str(StatusCategory.DECLINED)))


ALERTS_SQL = """
SELECT partition_key AS window, provider, dimension, dimension_value, attempts, approval_rate,
       baseline_approval_rate, approval_drop, p_value, top_grown_reason, merchants_affected, notified_at
FROM alert_list
WHERE partition_key BETWEEN %(first)s AND %(last)s AND (%(provider)s::text IS NULL OR provider = %(provider)s)
ORDER BY partition_key, provider, dimension <> 'provider', dimension, dimension_value
"""


def alerts(conn: psycopg.Connection, first: str, last: str, provider: str | None = None) -> Table:
    """The alerts raised in the range: flagged drops against the provider's own baseline."""
    return _table(conn, ALERTS_SQL, _params(first, last, provider))


HEALTH_SQL = """
SELECT partition_key AS window, provider, dimension, dimension_value, attempts, approved, approval_rate,
       customer_failures_excluded, baseline_attempts, baseline_approval_rate, delta, z_score, p_value, flagged
FROM provider_health
WHERE partition_key BETWEEN %(first)s AND %(last)s AND (%(provider)s::text IS NULL OR provider = %(provider)s)
  AND (dimension = 'provider' OR %(all_dimensions)s)
ORDER BY partition_key, provider, dimension <> 'provider', dimension, dimension_value
"""


def health(conn: psycopg.Connection, first: str, last: str, provider: str | None = None,
           all_dimensions: bool = False) -> Table:
    """provider_health rows of the range: per provider (and, with ``all_dimensions``, per country and
    payment method) the approval rate against its baseline and whether the drop was flagged."""
    return _table(conn, HEALTH_SQL, _params(first, last, provider, all_dimensions=all_dimensions))


APPROVAL_SERIES_SQL = """
SELECT partition_key AS window, provider, sum(attempts)::bigint AS attempts, sum(approved)::bigint AS approved,
       sum(approved)::double precision / NULLIF(sum(attempts), 0) AS approval_rate,
       EXISTS (SELECT 1 FROM alerts a WHERE a.partition_key = m.partition_key AND a.provider = m.provider)
           AS alerted
FROM approval_metrics m
WHERE partition_key BETWEEN %(first)s AND %(last)s AND (%(provider)s::text IS NULL OR provider = %(provider)s)
GROUP BY partition_key, provider
ORDER BY provider, partition_key
"""


def approval_series(conn: psycopg.Connection, first: str, last: str, provider: str | None = None) -> Table:
    """Approval rate per provider and window, and whether the window raised an alert for the provider."""
    return _table(conn, APPROVAL_SERIES_SQL, _params(first, last, provider))


DECLINED_BY_REASON_SQL = """
SELECT failure_reason, sum(failures)::bigint AS declined, sum(amount_usd) AS declined_amount_usd
FROM failure_reason_metrics
WHERE partition_key BETWEEN %(first)s AND %(last)s AND (%(provider)s::text IS NULL OR provider = %(provider)s)
  AND status_category = %(declined)s
GROUP BY failure_reason
ORDER BY sum(amount_usd) DESC NULLS LAST, sum(failures) DESC, failure_reason
LIMIT %(limit)s
"""


def declined_by_reason(conn: psycopg.Connection, first: str, last: str, provider: str | None = None,
                       limit: int = 10) -> Table:
    """Declined attempts (status DECLINED) and their USD volume per failure reason, most USD first."""
    return _table(conn, DECLINED_BY_REASON_SQL, _params(first, last, provider, limit=limit,
                                                        declined=str(StatusCategory.DECLINED)))


DECLINED_BY_PROVIDER_SQL = """
SELECT provider, sum(declined)::bigint AS declined, sum(declined_amount_usd) AS declined_amount_usd,
       sum(attempts_missing_usd)::bigint AS attempts_missing_usd
FROM approval_metrics
WHERE partition_key BETWEEN %(first)s AND %(last)s AND (%(provider)s::text IS NULL OR provider = %(provider)s)
GROUP BY provider
HAVING sum(declined) > 0
ORDER BY sum(declined_amount_usd) DESC NULLS LAST, provider
"""


def declined_by_provider(conn: psycopg.Connection, first: str, last: str, provider: str | None = None) -> Table:
    """Declined attempts and their USD volume per provider."""
    return _table(conn, DECLINED_BY_PROVIDER_SQL, _params(first, last, provider))


QUALITY_SQL = """
SELECT partition_key AS window, lake_rows, normalized, unprocessed, unprocessed_share,
       missing_amount, missing_currency, missing_country, missing_fx_rate, restated_windows,
       unprocessed_by_reason, normalized_by_method
FROM pipeline_quality
WHERE partition_key BETWEEN %(first)s AND %(last)s
ORDER BY partition_key
"""


def quality(conn: psycopg.Connection, first: str, last: str) -> Table:
    """pipeline_quality of each window of the range."""
    return _table(conn, QUALITY_SQL, _params(first, last))


def window_range(conn: psycopg.Connection, first: str, last: str) -> tuple[str, str] | None:
    """The first and last window of the range that have metrics, or None."""
    row = conn.execute("SELECT min(partition_key), max(partition_key) FROM approval_metrics "
                       "WHERE partition_key BETWEEN %s AND %s", (first, last)).fetchone()
    return (row[0], row[1]) if row and row[0] else None


def as_plain(value):
    """A value as JSON and CSV write it: Decimal as float, dates and times ISO, jsonb as given."""
    if isinstance(value, Decimal):
        return float(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def window_approval_markdown(conn: psycopg.Connection, partition_key: str) -> str:
    """Approval by provider in one window as a markdown table (the Dagster UI shows it with the
    materialization of approval_metrics)."""
    table = providers(conn, partition_key, partition_key)
    lines = [f"Approval by provider, window {partition_key}", "",
             "| provider | attempts | approved | approval rate | declined USD |", "|---|---:|---:|---:|---:|"]
    for r in table.records():
        name = "**all**" if r["provider"] is None else r["provider"]
        rate = "—" if r["approval_rate"] is None else f"{r['approval_rate']:.2%}"
        usd = "—" if r["declined_amount_usd"] is None else f"${float(r['declined_amount_usd']):,.2f}"
        lines.append(f"| {name} | {r['attempts']:,} | {r['approved']:,} | {rate} | {usd} |")
    if not table.rows:
        lines.append("| (no attempts) | 0 | 0 | — | — |")
    return "\n".join(lines)


def metric_previews(warehouse, table: str, partition_key: str) -> dict[str, str]:
    """Markdown previews a metric asset attaches to its materialization: approval_metrics shows the window's
    approval by provider; the other tables none. ``warehouse``: a WarehouseDatabase."""
    if table != "approval_metrics":
        return {}
    with warehouse.connection() as conn:
        return {"approval_by_provider": window_approval_markdown(conn, partition_key)}
