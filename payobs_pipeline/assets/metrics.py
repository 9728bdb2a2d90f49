"""Stage 5: metric tables, computed set-based in SQL from the lifecycle tables (docs/metrics.md).

Each metric row is a window's: an attempt counts in the window of its
authorization, a payment in its first attempt's (its cohort), a refund and a
dispute in their first event's. A run publishes its own windows and the windows
its lifecycle stage restated, so any range of windows sums without double counting.
"""

import dagster as dg

from payobs_pipeline.assets.lifecycle import payment_lifecycle, windows_to_publish
from payobs_pipeline.assets.partitions import window_asset, windows_of
from payobs_pipeline.resources.warehouse import WarehouseDatabase, transient_database_errors
from payobs_pipeline.warehouse import analyst, metrics
from payobs_pipeline.warehouse.metrics import (  # the statements: part of this module's interface too
    APPROVAL_SQL, FAILURE_REASON_COUNTRY_SQL, FAILURE_REASON_SQL, PAYMENT_SQL,
)
from payobs_pipeline.windows import Window


def publish_metrics(warehouse: WarehouseDatabase, table: str, insert_sql: str, window: Window) -> int:
    """Replace one metric table's rows for the window; returns the rows written."""
    with warehouse.connection() as conn:
        return metrics.publish(conn, table, insert_sql, window)


# How many failure reasons the failure_reason_metrics materialization lists for its window.
TOP_FAILURE_REASONS = 10


def _window_figures(warehouse: WarehouseDatabase, table: str, window: Window) -> dict[str, dg.MetadataValue]:
    """The figures a metric asset shows for one window in the Dagster UI (numbers it plots over partitions,
    markdown tables), read back from the rows just published."""
    key = window.partition_key
    figures: dict[str, dg.MetadataValue] = {}
    with warehouse.connection() as conn:
        if table == "approval_metrics":
            attempts, approved, declined, errored = metrics.approval_totals(conn, key)
            figures |= {"attempts": dg.MetadataValue.int(attempts),
                        "approved": dg.MetadataValue.int(approved),
                        "declined": dg.MetadataValue.int(declined),
                        "errored": dg.MetadataValue.int(errored)}
            if attempts:  # no rate for a window without attempts (a gap in the plot, not a zero)
                figures["approval_rate"] = dg.MetadataValue.float(float(approved) / float(attempts))
        elif table == "failure_reason_metrics":
            failures, rows = metrics.top_failure_reasons(conn, key, TOP_FAILURE_REASONS)
            figures |= {"failures": dg.MetadataValue.int(failures),
                        "top_failure_reasons": dg.MetadataValue.md(_failure_reasons_markdown(key, failures, rows))}
        elif table == "payment_metrics":
            payments, approved = metrics.payment_totals(conn, key)
            figures["payments"] = dg.MetadataValue.int(payments)
            if payments:
                figures["conversion_rate"] = dg.MetadataValue.float(float(approved) / float(payments))
    previews = analyst.metric_previews(warehouse, table, key)  # approval_metrics: approval by provider
    figures |= {name: dg.MetadataValue.md(text) for name, text in previews.items()}
    return figures


def _failure_reasons_markdown(partition_key: str, failures: int, rows: list[tuple]) -> str:
    lines = [f"Top failure reasons, window {partition_key} ({failures:,} failed attempts)", "",
             "| failure reason | failures | share of failures | providers | USD |", "|---|---:|---:|---|---:|"]
    for reason, count, providers, usd in rows:
        lines.append(f"| {reason} | {count:,} | {count / failures:.2%} | {providers} | ${float(usd or 0):,.2f} |")
    if not rows:
        lines.append("| (no failed attempts) | 0 | — | — | — |")
    return "\n".join(lines)


def _metric_asset(table: str, insert_sql: str, description: str) -> dg.AssetsDefinition:
    @window_asset(
        name=table,
        deps=[payment_lifecycle],
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
