"""Stage 6: pipeline_quality, one row per window saying whether its numbers can be trusted (docs/metrics.md).

Computed after the window's metrics, from the snapshot, the normalized and unprocessed events and the
window's restatements; the check ``unprocessed_share_is_stable`` warns (never blocks) when the window's
unprocessed share jumps above its recent median.
"""

import dagster as dg

from payobs_pipeline.assets.checks import check_each_window
from payobs_pipeline.assets.metrics import (
    approval_metrics, failure_reason_country_metrics, failure_reason_metrics, payment_metrics,
)
from payobs_pipeline.assets.partitions import window_asset, window_partitions, windows_of
from payobs_pipeline.resources.warehouse import WarehouseDatabase, transient_database_errors
from payobs_pipeline.warehouse import quality
from payobs_pipeline.windows import Window


def _markdown(rows: list[dict]) -> str:
    lines = ["| window | lake rows | normalized | unprocessed | share | missing FX rate |",
             "|---|---:|---:|---:|---:|---:|"]
    for row in rows:
        share = "n/a" if row["unprocessed_share"] is None else f"{row['unprocessed_share']:.2%}"
        lines.append(f"| {row['partition_key']} | {row['lake_rows']:,} | {row['normalized']:,} | "
                     f"{row['unprocessed']:,} | {share} | {row['missing_fx_rate']:,} |")
    return "\n".join(lines)


@window_asset(
    deps=[approval_metrics, payment_metrics, failure_reason_metrics, failure_reason_country_metrics],
    description="Per window: lake rows, normalized (by method), unprocessed (by reason) and its share, events "
    "missing an amount, currency, country or FX rate, and windows restated by the window's run.",
)
def pipeline_quality(context: dg.AssetExecutionContext, warehouse: WarehouseDatabase):
    # Each window of a run (a backfill range) gets its own figures on its own materialization event.
    with transient_database_errors(context):
        for window in windows_of(context):
            with warehouse.connection() as conn:
                row = quality.publish_quality(conn, window.partition_key, window.start)
            context.add_asset_metadata(_window_metadata(row), partition_key=window.partition_key)
    return dg.MaterializeResult()


def _window_metadata(row: dict) -> dict:
    by_reason = dict(sorted(row["unprocessed_by_reason"].items(), key=lambda kv: -kv[1]))
    return {
        **{name: dg.MetadataValue.int(row[name]) for name in (
            "lake_rows", "normalized", "unprocessed", "missing_amount", "missing_currency", "missing_country",
            "missing_fx_rate")},
        "unprocessed_share": dg.MetadataValue.float(
            row["unprocessed"] / row["lake_rows"] if row["lake_rows"] else 0.0),
        "unprocessed_by_reason": dg.MetadataValue.json(by_reason),
        "window": dg.MetadataValue.md(_markdown([row])),
    }


@dg.asset_check(
    asset=pipeline_quality,
    partitions_def=window_partitions,
    blocking=False,
    description=f"Warns when a window's unprocessed share exceeds the median of the previous "
    f"{quality.BASELINE_WINDOWS} windows by more than {quality.JUMP_POINTS:.0%} points and is more than "
    f"{quality.JUMP_FACTOR:g}x that median (needs {quality.MIN_BASELINE_WINDOWS} earlier windows).",
)
def unprocessed_share_is_stable(context: dg.AssetCheckExecutionContext, warehouse: WarehouseDatabase):
    def evaluate(window: Window) -> dg.AssetCheckResult:
        with warehouse.connection() as conn:
            judgement = quality.judge_unprocessed_share(conn, window.partition_key)
        return dg.AssetCheckResult(
            passed=not judgement.jumped,
            severity=dg.AssetCheckSeverity.WARN,
            metadata={
                "windows": dg.MetadataValue.json({judgement.partition_key: judgement.as_metadata()}),
                "jumped_windows": dg.MetadataValue.json([judgement.partition_key] if judgement.jumped else []),
                "rule": dg.MetadataValue.text(
                    f"share > median + {quality.JUMP_POINTS} and share > {quality.JUMP_FACTOR} x median "
                    f"(median of the previous {quality.BASELINE_WINDOWS} windows)"),
            },
        )

    yield from check_each_window(context, evaluate)
