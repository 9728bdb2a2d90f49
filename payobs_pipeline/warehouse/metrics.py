"""The metric tables (approval_metrics, payment_metrics, failure_reason_metrics,
failure_reason_country_metrics): computed set-based from the lifecycle tables, one window at a time
(docs/metrics.md), and the figures the metric assets show for a window.
"""

from __future__ import annotations

import psycopg

from payobs_pipeline.resources.warehouse import lock_window
from payobs_pipeline.warehouse.statuses import DECIDED, FAILED

# Attempt level: each attempt once, by its final outcome; refunds (succeeded) and disputes once per object.
# USD volumes add up the objects' amount_usd (their day's rate); an attempt with an amount but no USD amount
# (no rate within the staleness limit) is left out of them and counted in attempts_missing_usd.
APPROVAL_SQL = f"""
INSERT INTO approval_metrics (partition_key, window_start, provider, merchant_id, country, payment_method,
    attempts, approved, declined, errored, unknown, pending, cancelled, refunded, chargebacks, approval_rate,
    captured, voided, approved_amount_usd, declined_amount_usd, refunded_amount_usd, disputed_amount_usd,
    attempts_missing_usd)
SELECT %(key)s, %(start)s, provider, merchant_id, country, payment_method,
       sum(attempts), sum(approved), sum(declined), sum(errored), sum(unknown), sum(pending), sum(cancelled),
       sum(refunded), sum(chargebacks),
       sum(approved)::double precision / NULLIF(sum(attempts), 0),
       sum(captured), sum(voided),
       COALESCE(sum(approved_usd), 0), COALESCE(sum(declined_usd), 0), COALESCE(sum(refunded_usd), 0),
       COALESCE(sum(disputed_usd), 0), sum(missing_usd)
FROM (
    SELECT provider, merchant_id, country, payment_method,
           count(*) FILTER (WHERE status_category IN ({DECIDED})) AS attempts,
           count(*) FILTER (WHERE status_category = 'APPROVED') AS approved,
           count(*) FILTER (WHERE status_category = 'DECLINED') AS declined,
           count(*) FILTER (WHERE status_category = 'ERROR') AS errored,
           count(*) FILTER (WHERE status_category = 'UNKNOWN') AS unknown,
           count(*) FILTER (WHERE status_category = 'PENDING') AS pending,
           count(*) FILTER (WHERE status_category = 'CANCELLED') AS cancelled,
           0 AS refunded, 0 AS chargebacks,
           count(*) FILTER (WHERE captured) AS captured,
           count(*) FILTER (WHERE voided) AS voided,
           sum(amount_usd) FILTER (WHERE status_category = 'APPROVED') AS approved_usd,
           sum(amount_usd) FILTER (WHERE status_category = 'DECLINED') AS declined_usd,
           NULL::numeric AS refunded_usd, NULL::numeric AS disputed_usd,
           count(*) FILTER (WHERE amount_minor IS NOT NULL AND amount_usd IS NULL) AS missing_usd
    FROM attempts WHERE partition_key = %(key)s
    GROUP BY 1, 2, 3, 4
    UNION ALL
    SELECT provider, merchant_id, country, payment_method, 0, 0, 0, 0, 0, 0, 0,
           count(*) FILTER (WHERE status_category = 'REFUNDED'), 0, 0, 0,
           NULL, NULL, sum(amount_usd) FILTER (WHERE status_category = 'REFUNDED'), NULL, 0
    FROM refunds WHERE partition_key = %(key)s
    GROUP BY 1, 2, 3, 4
    UNION ALL
    SELECT provider, merchant_id, country, payment_method, 0, 0, 0, 0, 0, 0, 0, 0, count(*), 0, 0,
           NULL, NULL, NULL, sum(amount_usd), 0
    FROM disputes WHERE partition_key = %(key)s
    GROUP BY 1, 2, 3, 4
) counts
GROUP BY provider, merchant_id, country, payment_method
"""

# Payment level: each payment once, in its cohort window, by its latest known outcome.
PAYMENT_SQL = f"""
INSERT INTO payment_metrics (partition_key, window_start, provider, merchant_id, country, payment_method,
    payments, payments_approved, payments_failed, payments_pending, payments_cancelled, payments_retried,
    attempts, conversion_rate, approved_amount_usd)
SELECT %(key)s, %(start)s, provider, merchant_id, country, payment_method,
       count(*),
       count(*) FILTER (WHERE status_category = 'APPROVED'),
       count(*) FILTER (WHERE status_category IN ({FAILED})),
       count(*) FILTER (WHERE status_category = 'PENDING'),
       count(*) FILTER (WHERE status_category = 'CANCELLED'),
       count(*) FILTER (WHERE attempts > 1),
       sum(attempts),
       count(*) FILTER (WHERE status_category = 'APPROVED')::double precision / count(*),
       COALESCE(sum(amount_usd) FILTER (WHERE status_category = 'APPROVED'), 0)
FROM payments WHERE partition_key = %(key)s
GROUP BY provider, merchant_id, country, payment_method
"""

# Failed attempts by canonical reason, with their shares of the provider's failures and attempts.
FAILURE_REASON_SQL = f"""
INSERT INTO failure_reason_metrics (partition_key, window_start, provider, status_category, failure_reason,
    failure_source, decline_type, failures, share_of_failures, share_of_attempts, amount_usd)
SELECT %(key)s, %(start)s, a.provider, a.status_category, a.failure_reason,
       COALESCE(a.failure_source, 'UNKNOWN'), COALESCE(a.decline_type, 'UNKNOWN'), count(*),
       count(*)::double precision / p.failures, count(*)::double precision / p.attempts,
       COALESCE(sum(a.amount_usd), 0)
FROM attempts a
JOIN (
    SELECT provider,
           count(*) FILTER (WHERE status_category IN ({DECIDED})) AS attempts,
           count(*) FILTER (WHERE status_category IN ({FAILED})) AS failures
    FROM attempts WHERE partition_key = %(key)s GROUP BY provider
) p USING (provider)
WHERE a.partition_key = %(key)s AND a.status_category IN ({FAILED})
GROUP BY a.provider, a.status_category, a.failure_reason, a.failure_source, a.decline_type, p.failures, p.attempts
"""


# Decided attempts per provider and country, grouped by failure (status, reason, source, decline type; ''
# for the attempts that did not fail), with the failed ones' USD: the summary the
# *_failure_reasons_by_country views read (migration 0009). A failed attempt without a reason, source or
# decline type counts under UNKNOWN, as in failure_reason_metrics.
FAILURE_REASON_COUNTRY_SQL = f"""
INSERT INTO failure_reason_country_metrics (partition_key, provider, country, status_category, failure_reason,
    failure_source, decline_type, attempts, failures, amount_usd)
SELECT %(key)s, provider, country,
       CASE WHEN failed THEN status_category ELSE '' END,
       CASE WHEN failed THEN COALESCE(failure_reason, 'UNKNOWN') ELSE '' END,
       CASE WHEN failed THEN COALESCE(failure_source, 'UNKNOWN') ELSE '' END,
       CASE WHEN failed THEN COALESCE(decline_type, 'UNKNOWN') ELSE '' END,
       count(*), count(*) FILTER (WHERE failed), sum(amount_usd) FILTER (WHERE failed)
FROM (SELECT provider, country, status_category, failure_reason, failure_source, decline_type, amount_usd,
             status_category IN ({FAILED}) AS failed
      FROM attempts
      WHERE partition_key = %(key)s AND status_category IN ({DECIDED})) a
GROUP BY 2, 3, 4, 5, 6, 7
"""


# The metric tables, each with the statement that computes a window's rows.
INSERTS = {
    "approval_metrics": APPROVAL_SQL,
    "payment_metrics": PAYMENT_SQL,
    "failure_reason_metrics": FAILURE_REASON_SQL,
    "failure_reason_country_metrics": FAILURE_REASON_COUNTRY_SQL,
}


def publish(conn: psycopg.Connection, table: str, insert_sql: str, window) -> int:
    """Replace one metric table's rows for the window, holding its lock; returns the rows written."""
    if table not in INSERTS:
        raise ValueError(f"{table!r} is not a metric table")
    lock_window(conn, table, window.partition_key)
    conn.execute(f"DELETE FROM {table} WHERE partition_key = %s", (window.partition_key,))
    return conn.execute(insert_sql, {"key": window.partition_key, "start": window.start}).rowcount


def approval_totals(conn: psycopg.Connection, partition_key: str) -> tuple[int, int, int, int]:
    """The window's (attempts, approved, declined, errored) over approval_metrics."""
    row = conn.execute(
        "SELECT COALESCE(sum(attempts), 0), COALESCE(sum(approved), 0), COALESCE(sum(declined), 0), "
        "COALESCE(sum(errored), 0) FROM approval_metrics WHERE partition_key = %s", (partition_key,)).fetchone()
    return tuple(int(value) for value in row)


def payment_totals(conn: psycopg.Connection, partition_key: str) -> tuple[int, int]:
    """The window's (payments, payments approved) over payment_metrics."""
    payments, approved = conn.execute(
        "SELECT COALESCE(sum(payments), 0), COALESCE(sum(payments_approved), 0) "
        "FROM payment_metrics WHERE partition_key = %s", (partition_key,)).fetchone()
    return int(payments), int(approved)


def top_failure_reasons(conn: psycopg.Connection, partition_key: str, limit: int) -> tuple[int, list[tuple]]:
    """The window's failed attempts and its top reasons across providers: (reason, failures, providers, USD)."""
    failures = conn.execute("SELECT COALESCE(sum(failures), 0) FROM failure_reason_metrics WHERE partition_key = %s",
                            (partition_key,)).fetchone()[0]
    rows = conn.execute(
        "SELECT COALESCE(failure_reason, 'UNKNOWN'), sum(failures), string_agg(DISTINCT provider, ', '), "
        "sum(amount_usd) FROM failure_reason_metrics WHERE partition_key = %s "
        "GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT %s", (partition_key, limit)).fetchall()
    return int(failures), [(reason, int(count), providers, usd) for reason, count, providers, usd in rows]
