"""Stage 3: normalize each parsed payload to a canonical event, or keep it as unprocessed with a reason.

The row work is in stages/normalize.py and runs in the worker processes; this module streams the window
through them, records the rows kept unprocessed, and is the Dagster asset.
"""


import uuid
from collections import Counter

import dagster as dg

from payobs_pipeline import settings
from payobs_pipeline.assets.learned_mappings import learned_mappings
from payobs_pipeline.assets.partitions import window_asset, windows_of
from payobs_pipeline.normalization import heuristics
from payobs_pipeline.resources.lake import LakeDatabase
from payobs_pipeline.resources.warehouse import WarehouseDatabase, transient_database_errors
from payobs_pipeline.stages.normalize import NormalizeContext, normalize_chunk
from payobs_pipeline.stages.workers import chunk_stream
from payobs_pipeline.warehouse import events as events_table
from payobs_pipeline.warehouse import mappings, payloads
from payobs_pipeline.warehouse.unprocessed import WindowRecorder
from payobs_pipeline.windows import Window


class NormalizationConfig(dg.Config):
    """Run configuration of the normalize stage (Launchpad / run config)."""

    heuristic_threshold: float = heuristics.DEFAULT_THRESHOLD  # below it, an unknown shape is deferred


def normalize_window(
    warehouse: WarehouseDatabase, window: Window, heuristic_threshold: float = heuristics.DEFAULT_THRESHOLD
) -> Counter:
    """Replace the window's events and reconcile its unprocessed events; returns counts for metadata."""
    counts: Counter = Counter()
    unprocessed = WindowRecorder(window)

    # Two connections: the reader and the writer each hold a COPY while rows stream.
    with warehouse.connection() as reader, warehouse.connection() as writer:
        context = NormalizeContext(
            run_id=uuid.uuid4().hex,
            partition_key=window.partition_key,
            heuristic_threshold=heuristic_threshold,
            learned_specs=mappings.active_learned_specs(reader),
            extractions={str(lake_id): fields
                         for lake_id, fields in mappings.window_extractions(reader, window.partition_key).items()},
            waiting=mappings.waiting_shapes(reader, window.partition_key),
            rates_conninfo=warehouse.schema_conninfo,
            fx_staleness_days=settings.fx_max_staleness_days(),
        )
        lines = payloads.stream_window_lines(reader, window.partition_key)
        with chunk_stream(normalize_chunk, context, lines, counts, lambda record: unprocessed.record(*record)) \
                as stream:
            counts["events"] = events_table.replace_window(writer, window.partition_key, stream)
        counts["unprocessed"] = unprocessed.reconcile(writer)
    return counts


def _breakdown(totals: Counter, prefix: str) -> dict[str, int]:
    return dict(sorted(((k[len(prefix):], v) for k, v in totals.items() if k.startswith(prefix)),
                       key=lambda kv: -kv[1]))


def _failures_markdown(rows: list[tuple]) -> str:
    lines = ["| provider | failure reason | failures |", "|---|---|---:|"]
    lines += [f"| {provider} | {reason} | {count:,} |" for provider, reason, count in rows]
    return "\n".join(lines) if rows else "No failures in this window."


@window_asset(
    deps=[learned_mappings],
    description="One canonical payment event per normalized lake row; the rest go to unprocessed_events.",
)
def normalized_events(
    context: dg.AssetExecutionContext, config: NormalizationConfig, lake: LakeDatabase, warehouse: WarehouseDatabase
):
    # Each window of a run (a backfill range) gets its own figures on its own materialization event.
    with transient_database_errors(context):
        for window in windows_of(context):
            counts = normalize_window(warehouse, window, config.heuristic_threshold)
            with warehouse.connection() as conn:
                first_event, last_event, snapshot_rows = events_table.windows_summary(conn, [window.partition_key])
                top_failures = events_table.top_failures(conn, [window.partition_key])
            if lake.mark_processed and snapshot_rows == counts["events"] + counts["unprocessed"]:
                # Every lake row of the window is accounted for: tell the lake (opt-in, the lake user may be
                # read-only).
                marked = lake.mark_window_processed(window.start, window.end)
                context.log.info(f"{window.partition_key}: marked {marked} lake rows processed")
            context.add_asset_metadata({
                "rows_in": dg.MetadataValue.int(snapshot_rows),
                "events": dg.MetadataValue.int(counts["events"]),
                "unprocessed": dg.MetadataValue.int(counts["unprocessed"]),
                "by_method": dg.MetadataValue.json(_breakdown(counts, "method:")),
                "by_provider": dg.MetadataValue.json(_breakdown(counts, "provider:")),
                "by_status": dg.MetadataValue.json(_breakdown(counts, "status:")),
                "by_event_kind": dg.MetadataValue.json(_breakdown(counts, "kind:")),
                "internal_errors": dg.MetadataValue.int(counts["internal_errors"]),
                "unprocessed_by_reason": dg.MetadataValue.json(_breakdown(counts, "unprocessed:")),
                "first_event_time": dg.MetadataValue.text(str(first_event)),
                "last_event_time": dg.MetadataValue.text(str(last_event)),
                "top_failure_reasons": dg.MetadataValue.md(_failures_markdown(top_failures)),
            }, partition_key=window.partition_key)
    return dg.MaterializeResult()
