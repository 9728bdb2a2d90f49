"""Stage 4: failure-metrics tables, computed set-based in SQL from the window's events."""


import dagster as dg

from payobs_pipeline.assets.events import normalized_events
from payobs_pipeline.assets.partitions import Window, backfill_policy, window_partitions, windows_of
from payobs_pipeline.resources.warehouse import WarehouseDatabase, lock_window

# Missing dimensions get a visible placeholder rather than disappearing from GROUP BY keys.
APPROVAL_SQL = """
INSERT INTO approval_metrics (partition_key, window_start, provider, merchant_id, country, payment_method,
    attempts, approved, declined, errored, unknown, pending, cancelled, refunded, chargebacks, approval_rate)
SELECT %(key)s, %(start)s, provider, merchant_id, country, payment_method,
       sum(attempts), sum(approved), sum(declined), sum(errored), sum(unknown), sum(pending), sum(cancelled),
       sum(refunded), sum(chargebacks),
       sum(approved)::double precision / NULLIF(sum(attempts), 0)
FROM (
    SELECT provider, COALESCE(merchant_id, 'unknown') AS merchant_id, COALESCE(country, 'unknown') AS country,
           COALESCE(payment_method, 'unknown') AS payment_method,
           count(*) FILTER (WHERE status_category IN ('APPROVED', 'DECLINED', 'ERROR', 'UNKNOWN')) AS attempts,
           count(*) FILTER (WHERE status_category = 'APPROVED') AS approved,
           count(*) FILTER (WHERE status_category = 'DECLINED') AS declined,
           count(*) FILTER (WHERE status_category = 'ERROR') AS errored,
           count(*) FILTER (WHERE status_category = 'UNKNOWN') AS unknown,
           count(*) FILTER (WHERE status_category = 'PENDING') AS pending,
           count(*) FILTER (WHERE status_category = 'CANCELLED') AS cancelled,
           0 AS refunded, 0 AS chargebacks
    FROM payment_outcomes WHERE partition_key = %(key)s
    GROUP BY 1, 2, 3, 4
    UNION ALL
    SELECT provider, COALESCE(merchant_id, 'unknown'), COALESCE(country, 'unknown'),
           COALESCE(payment_method, 'unknown'), 0, 0, 0, 0, 0, 0, 0,
           count(*) FILTER (WHERE status_category = 'REFUNDED'),
           count(*) FILTER (WHERE status_category = 'CHARGEBACK')
    FROM normalized_events
    WHERE partition_key = %(key)s AND status_category IN ('REFUNDED', 'CHARGEBACK')
    GROUP BY 1, 2, 3, 4
) counts
GROUP BY provider, merchant_id, country, payment_method
"""

FAILURE_REASON_SQL = """
INSERT INTO failure_reason_metrics (partition_key, window_start, provider, status_category, failure_reason,
    failure_source, decline_type, failures, share_of_failures, share_of_attempts)
SELECT %(key)s, %(start)s, o.provider, o.status_category, o.failure_reason,
       COALESCE(o.failure_source, 'unknown'), COALESCE(o.decline_type, 'unknown'), count(*),
       count(*)::double precision / p.failures, count(*)::double precision / p.attempts
FROM payment_outcomes o
JOIN (
    SELECT provider,
           count(*) FILTER (WHERE status_category IN ('APPROVED', 'DECLINED', 'ERROR', 'UNKNOWN')) AS attempts,
           count(*) FILTER (WHERE status_category IN ('DECLINED', 'ERROR', 'UNKNOWN')) AS failures
    FROM payment_outcomes WHERE partition_key = %(key)s GROUP BY provider
) p USING (provider)
WHERE o.partition_key = %(key)s AND o.status_category IN ('DECLINED', 'ERROR', 'UNKNOWN')
GROUP BY o.provider, o.status_category, o.failure_reason, o.failure_source, o.decline_type, p.failures, p.attempts
"""


def publish_metrics(warehouse: WarehouseDatabase, table: str, insert_sql: str, window: Window) -> int:
    """Replace one metric table's rows for the window; returns the rows written."""
    with warehouse.connection() as conn:
        lock_window(conn, table, window.partition_key)
        conn.execute(f"DELETE FROM {table} WHERE partition_key = %s", (window.partition_key,))
        return conn.execute(insert_sql, {"key": window.partition_key, "start": window.start}).rowcount


def _metric_asset(table: str, insert_sql: str, description: str) -> dg.AssetsDefinition:
    @dg.asset(
        name=table,
        partitions_def=window_partitions,
        backfill_policy=backfill_policy,
        deps=[normalized_events],
        group_name="payobs",
        kinds={"postgres"},
        description=description,
    )
    def _metric(context: dg.AssetExecutionContext, warehouse: WarehouseDatabase):
        rows = sum(publish_metrics(warehouse, table, insert_sql, window) for window in windows_of(context))
        return dg.MaterializeResult(metadata={"rows": dg.MetadataValue.int(rows)})

    return _metric


approval_metrics = _metric_asset(
    "approval_metrics",
    APPROVAL_SQL,
    "Attempts, outcomes and approval rate per window, provider, merchant, country and payment method "
    "(a payment counts once, by its last state in the window).",
)
failure_reason_metrics = _metric_asset(
    "failure_reason_metrics",
    FAILURE_REASON_SQL,
    "Failures per window, provider and canonical failure reason, with shares of failures and of attempts.",
)
