"""Stage 5: metric tables, computed set-based in SQL from the lifecycle tables (docs/metrics.md).

Each metric row is a window's: an attempt counts in the window of its
authorization, a payment in its first attempt's (its cohort), a refund and a
dispute in their first event's. A run publishes its own windows and the windows
its lifecycle stage restated, so any range of windows sums without double counting.
"""

import dagster as dg

from payobs_pipeline.assets.lifecycle import payment_lifecycle, windows_to_publish
from payobs_pipeline.assets.partitions import Window, backfill_policy, window_partitions, windows_of
from payobs_pipeline.normalization.taxonomy import AUTHORIZATION_OUTCOMES, FAILURE_STATUSES
from payobs_pipeline.resources.warehouse import WarehouseDatabase, lock_window, transient_database_errors
from payobs_pipeline.warehouse import analyst

# Attempt level: each attempt once, by its final outcome; refunds (succeeded) and disputes once per object.
# USD volumes add up the objects' amount_usd (their day's rate); an attempt with an amount but no USD amount
# (no rate within the staleness limit) is left out of them and counted in attempts_missing_usd.
APPROVAL_SQL = """
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
           count(*) FILTER (WHERE status_category IN ('APPROVED', 'DECLINED', 'ERROR', 'UNKNOWN')) AS attempts,
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
PAYMENT_SQL = """
INSERT INTO payment_metrics (partition_key, window_start, provider, merchant_id, country, payment_method,
    payments, payments_approved, payments_failed, payments_pending, payments_cancelled, payments_retried,
    attempts, conversion_rate, approved_amount_usd)
SELECT %(key)s, %(start)s, provider, merchant_id, country, payment_method,
       count(*),
       count(*) FILTER (WHERE status_category = 'APPROVED'),
       count(*) FILTER (WHERE status_category IN ('DECLINED', 'ERROR', 'UNKNOWN')),
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
FAILURE_REASON_SQL = """
INSERT INTO failure_reason_metrics (partition_key, window_start, provider, status_category, failure_reason,
    failure_source, decline_type, failures, share_of_failures, share_of_attempts, amount_usd)
SELECT %(key)s, %(start)s, a.provider, a.status_category, a.failure_reason,
       COALESCE(a.failure_source, 'UNKNOWN'), COALESCE(a.decline_type, 'UNKNOWN'), count(*),
       count(*)::double precision / p.failures, count(*)::double precision / p.attempts,
       COALESCE(sum(a.amount_usd), 0)
FROM attempts a
JOIN (
    SELECT provider,
           count(*) FILTER (WHERE status_category IN ('APPROVED', 'DECLINED', 'ERROR', 'UNKNOWN')) AS attempts,
           count(*) FILTER (WHERE status_category IN ('DECLINED', 'ERROR', 'UNKNOWN')) AS failures
    FROM attempts WHERE partition_key = %(key)s GROUP BY provider
) p USING (provider)
WHERE a.partition_key = %(key)s AND a.status_category IN ('DECLINED', 'ERROR', 'UNKNOWN')
GROUP BY a.provider, a.status_category, a.failure_reason, a.failure_source, a.decline_type, p.failures, p.attempts
"""


def _sql_list(statuses) -> str:
    return ", ".join(f"'{status.value}'" for status in sorted(statuses))


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
             status_category IN ({_sql_list(FAILURE_STATUSES)}) AS failed
      FROM attempts
      WHERE partition_key = %(key)s AND status_category IN ({_sql_list(AUTHORIZATION_OUTCOMES)})) a
GROUP BY 2, 3, 4, 5, 6, 7
"""


def publish_metrics(warehouse: WarehouseDatabase, table: str, insert_sql: str, window: Window) -> int:
    """Replace one metric table's rows for the window; returns the rows written."""
    with warehouse.connection() as conn:
        lock_window(conn, table, window.partition_key)
        conn.execute(f"DELETE FROM {table} WHERE partition_key = %s", (window.partition_key,))
        return conn.execute(insert_sql, {"key": window.partition_key, "start": window.start}).rowcount


# How many failure reasons the failure_reason_metrics materialization lists for its window.
TOP_FAILURE_REASONS = 10


def _window_figures(warehouse: WarehouseDatabase, table: str, window: Window) -> dict[str, dg.MetadataValue]:
    """The figures a metric asset shows for one window in the Dagster UI (numbers it plots over partitions,
    markdown tables), read back from the rows just published."""
    key = window.partition_key
    figures: dict[str, dg.MetadataValue] = {}
    with warehouse.connection() as conn:
        if table == "approval_metrics":
            attempts, approved, declined, errored = conn.execute(
                "SELECT COALESCE(sum(attempts), 0), COALESCE(sum(approved), 0), COALESCE(sum(declined), 0), "
                "COALESCE(sum(errored), 0) FROM approval_metrics WHERE partition_key = %s", (key,)).fetchone()
            figures |= {"attempts": dg.MetadataValue.int(int(attempts)),
                        "approved": dg.MetadataValue.int(int(approved)),
                        "declined": dg.MetadataValue.int(int(declined)),
                        "errored": dg.MetadataValue.int(int(errored))}
            if attempts:  # no rate for a window without attempts (a gap in the plot, not a zero)
                figures["approval_rate"] = dg.MetadataValue.float(float(approved) / float(attempts))
        elif table == "failure_reason_metrics":
            failures, rows = _top_failure_reasons(conn, key)
            figures |= {"failures": dg.MetadataValue.int(failures),
                        "top_failure_reasons": dg.MetadataValue.md(_failure_reasons_markdown(key, failures, rows))}
        elif table == "payment_metrics":
            payments, approved = conn.execute(
                "SELECT COALESCE(sum(payments), 0), COALESCE(sum(payments_approved), 0) "
                "FROM payment_metrics WHERE partition_key = %s", (key,)).fetchone()
            figures["payments"] = dg.MetadataValue.int(int(payments))
            if payments:
                figures["conversion_rate"] = dg.MetadataValue.float(float(approved) / float(payments))
    previews = analyst.metric_previews(warehouse, table, key)  # approval_metrics: approval by provider
    figures |= {name: dg.MetadataValue.md(text) for name, text in previews.items()}
    return figures


def _top_failure_reasons(conn, partition_key: str) -> tuple[int, list[tuple]]:
    """The window's failed attempts and its top reasons across providers: (reason, failures, providers, USD)."""
    failures = conn.execute("SELECT COALESCE(sum(failures), 0) FROM failure_reason_metrics WHERE partition_key = %s",
                            (partition_key,)).fetchone()[0]
    rows = conn.execute(
        "SELECT COALESCE(failure_reason, 'UNKNOWN'), sum(failures), string_agg(DISTINCT provider, ', '), "
        "sum(amount_usd) FROM failure_reason_metrics WHERE partition_key = %s "
        "GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT %s", (partition_key, TOP_FAILURE_REASONS)).fetchall()
    return int(failures), [(reason, int(count), providers, usd) for reason, count, providers, usd in rows]


def _failure_reasons_markdown(partition_key: str, failures: int, rows: list[tuple]) -> str:
    lines = [f"Top failure reasons, window {partition_key} ({failures:,} failed attempts)", "",
             "| failure reason | failures | share of failures | providers | USD |", "|---|---:|---:|---|---:|"]
    for reason, count, providers, usd in rows:
        lines.append(f"| {reason} | {count:,} | {count / failures:.2%} | {providers} | ${float(usd or 0):,.2f} |")
    if not rows:
        lines.append("| (no failed attempts) | 0 | — | — | — |")
    return "\n".join(lines)


def _metric_asset(table: str, insert_sql: str, description: str) -> dg.AssetsDefinition:
    @dg.asset(
        name=table,
        partitions_def=window_partitions,
        backfill_policy=backfill_policy,
        deps=[payment_lifecycle],
        group_name="payobs",
        kinds={"postgres"},
        description=description,
    )
    def _metric(context: dg.AssetExecutionContext, warehouse: WarehouseDatabase):
        run_windows = windows_of(context)
        run_keys = {w.partition_key for w in run_windows}
        with transient_database_errors(context):
            published = windows_to_publish(warehouse, run_windows)
            rows = {window.partition_key: publish_metrics(warehouse, table, insert_sql, window)
                    for window in published}
            # Each window of the run gets its own figures: a run of several windows (a backfill range)
            # records one materialization per window, and Dagster puts partition-scoped metadata on that
            # window's event only (AssetExecutionContext.add_asset_metadata(partition_key=...)), so the
            # UI's plots over partitions show each window's numbers, never the run's totals.
            for window in run_windows:
                context.add_asset_metadata(
                    {"rows": dg.MetadataValue.int(rows[window.partition_key]),
                     **_window_figures(warehouse, table, window)},
                    partition_key=window.partition_key,
                )
        # What the run did beyond its windows, the same on each window's event.
        return dg.MaterializeResult(metadata={
            "restated_windows": dg.MetadataValue.json(sorted(k for k in rows if k not in run_keys)),
        })

    return _metric


approval_metrics = _metric_asset(
    "approval_metrics",
    APPROVAL_SQL,
    "Attempt level: attempts by final outcome and approval rate per window (of the authorization), provider, "
    "merchant, country and payment method; refunds and disputes once per object.",
)
payment_metrics = _metric_asset(
    "payment_metrics",
    PAYMENT_SQL,
    "Payment level: payments by latest known outcome per cohort window (of the first attempt), with retries "
    "and the conversion rate.",
)
failure_reason_metrics = _metric_asset(
    "failure_reason_metrics",
    FAILURE_REASON_SQL,
    "Failed attempts per window, provider and canonical failure reason, with shares of failures and of attempts.",
)
failure_reason_country_metrics = _metric_asset(
    "failure_reason_country_metrics",
    FAILURE_REASON_COUNTRY_SQL,
    "Decided attempts per window, provider and country, grouped by failure (status, reason, source, decline "
    "type; empty for those that did not fail), with the failed ones' USD: the per-country failure views' source.",
)
