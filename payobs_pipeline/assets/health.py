"""Stage 6: provider health per window, the alerts of its real drops, and a WARN check on them (docs/health.md).

``provider_health`` compares each provider's (and provider x country's, provider x payment method's)
attempt-level approval rate, customer-caused failures left out, with its baseline (the same half-day slot
of the previous days, pooled) and flags real drops by the test of payobs_pipeline.warehouse.health_stats;
a flagged cell is written to ``alerts``. Like the metric tables it republishes the windows its run's
lifecycle stage restated. The check ``provider_health_has_no_alerts`` warns (it never blocks) when the
window has alerts; the sensor ``alert_webhook_sensor`` posts them.
"""

import dagster as dg

from payobs_pipeline import settings
from payobs_pipeline.assets.checks import check_each_window
from payobs_pipeline.assets.lifecycle import payment_lifecycle, windows_to_publish
from payobs_pipeline.assets.partitions import window_asset, window_partitions, windows_of
from payobs_pipeline.resources.warehouse import WarehouseDatabase, transient_database_errors
from payobs_pipeline.warehouse import health
from payobs_pipeline.warehouse.health_stats import HealthTest
from payobs_pipeline.windows import Window

# Windows whose provider table goes into a run's metadata (a backfill run holds up to two weeks of them).
MAX_WINDOWS_IN_METADATA = 28


def _percent(value: float | None) -> str:
    return "" if value is None else f"{value:.1%}"


def _points(value: float | None) -> str:
    return "" if value is None else f"{value * 100:+.1f}"


def _p(value: float | None) -> str:
    return "" if value is None else f"{value:.2g}"


def providers_markdown(windows: list[health.WindowHealth], test: HealthTest) -> str:
    """Per window: each provider's approval rate against its baseline, and which of its cells are flagged."""
    lines = [
        f"Approval rate without customer-caused failures, against the same half-day slot of the previous "
        f"{test.baseline_days} days. Flagged: at least {test.min_attempts} attempts "
        f"(baseline {test.min_baseline_attempts}), a drop of at least {test.min_drop * 100:g} points "
        f"and p < {test.significance:g}.",
    ]
    for window in windows[-MAX_WINDOWS_IN_METADATA:]:
        flagged_by_provider: dict[str, list[str]] = {}
        for row in window.flagged:
            label = "provider" if row.dimension == "provider" else f"{row.dimension}={row.dimension_value}"
            flagged_by_provider.setdefault(row.provider, []).append(label)
        lines += [
            "", f"**{window.partition_key}**", "",
            "| provider | attempts | approval rate | baseline | change (points) | p-value | flagged |",
            "|---|---:|---:|---:|---:|---:|---|",
        ]
        for row in window.providers():
            flags = ", ".join(flagged_by_provider.get(row.provider, []))
            lines.append(
                f"| {row.provider} | {row.attempts} | {_percent(row.approval_rate)} | "
                f"{_percent(row.baseline_approval_rate)} | {_points(row.delta)} | {_p(row.p_value)} | "
                f"{'**' + flags + '**' if flags else ''} |"
            )
        if not window.rows:
            lines.append("| (no attempts) | | | | | | |")
    return "\n".join(lines)


@window_asset(
    deps=[payment_lifecycle],
    description="Approval rate per window of each provider, provider x country and provider x payment method, "
    "customer-caused failures excluded, against the same half-day slot of the previous days; real drops "
    "(volume, size and a one-sided two-proportion test) are flagged and written to the alerts table.",
)
def provider_health(context: dg.AssetExecutionContext, warehouse: WarehouseDatabase):
    test = settings.health_test()
    run_windows = windows_of(context)
    run_keys = {w.partition_key for w in run_windows}
    with transient_database_errors(context):
        published = windows_to_publish(warehouse, run_windows)
        results = []
        for window in published:
            with warehouse.connection() as conn:
                results.append(health.publish_window(conn, window, test))
    # Each window of a run (a backfill range) gets its own figures on its own materialization event; what
    # the run did beyond its windows (restated later windows) and the test's settings are the same on each.
    for result in results:
        if result.partition_key in run_keys:
            context.add_asset_metadata({
                "providers": dg.MetadataValue.md(providers_markdown([result], test)),
                "cells": dg.MetadataValue.int(len(result.rows)),
                "flagged_cells": dg.MetadataValue.int(len(result.flagged)),
                "alerts": dg.MetadataValue.json(list(result.alert_keys)),
            }, partition_key=result.partition_key)
    return dg.MaterializeResult(metadata={
        "restated_windows": dg.MetadataValue.json([r.partition_key for r in results
                                                   if r.partition_key not in run_keys]),
        "test": dg.MetadataValue.json({
            "baseline_days": test.baseline_days, "min_attempts": test.min_attempts,
            "min_baseline_attempts": test.min_baseline_attempts, "min_drop": test.min_drop,
            "significance": test.significance,
        }),
    })


@dg.asset_check(
    asset=provider_health,
    partitions_def=window_partitions,
    description="Warns when the window has alerts: a provider, provider x country or provider x payment method "
    "whose approval rate dropped for real against its baseline (docs/health.md).",
)
def provider_health_has_no_alerts(context: dg.AssetCheckExecutionContext, warehouse: WarehouseDatabase):
    def evaluate(window: Window) -> dg.AssetCheckResult:
        with warehouse.connection() as conn:
            alerts = health.window_alerts(conn, [window.partition_key])
        listed = [
            {
                "alert_key": a["alert_key"], "provider": a["provider"], "dimension": a["dimension"],
                "dimension_value": a["dimension_value"], "attempts": a["attempts"],
                "approval_rate": round(a["approval_rate"], 4),
                "baseline_approval_rate": round(a["baseline_approval_rate"], 4),
                "p_value": a["p_value"],
                "grown_reasons": [r["failure_reason"] for r in a["grown_reasons"]],
                "affected_merchants": len(a["affected_merchants"]),
            }
            for a in alerts
        ]
        return dg.AssetCheckResult(
            passed=not alerts,
            severity=dg.AssetCheckSeverity.WARN,
            metadata={"alert_count": dg.MetadataValue.int(len(alerts)), "alerts": dg.MetadataValue.json(listed)},
        )

    yield from check_each_window(context, evaluate)
