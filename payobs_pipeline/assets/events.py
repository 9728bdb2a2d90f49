"""Stage 3: normalize each parsed payload to a canonical event, or keep it as unprocessed with a reason."""


import json
from collections import Counter
from datetime import datetime

import dagster as dg
import psycopg

from payobs_pipeline.assets.learned_mappings import learned_mappings, load_learned_mappings
from payobs_pipeline.assets.partitions import Window, backfill_policy, window_partitions, windows_of
from payobs_pipeline.normalization import heuristics, learning
from payobs_pipeline.normalization.formats import INTERNAL_ERROR, ParsedPayload, internal_error_detail
from payobs_pipeline.normalization.identity import lifecycle_keys
from payobs_pipeline.normalization.event import CanonicalEvent
from payobs_pipeline.normalization.normalize import FINAL_DEFERRALS, Deferral, Normalizer, with_merchant
from payobs_pipeline.resources.lake import LakeDatabase
from payobs_pipeline.resources.warehouse import WarehouseDatabase, transient_database_errors
from payobs_pipeline.warehouse import events as events_table
from payobs_pipeline.warehouse import mappings, payloads
from payobs_pipeline.warehouse.fx import RateBook
from payobs_pipeline.warehouse.unprocessed import WindowRecorder
from payobs_pipeline.normalization.unprocessed_reasons import UnprocessedReason


def _event_row(lake_id, transactional_id, window: Window, created_at: datetime, event: CanonicalEvent,
               rates: RateBook) -> tuple:
    keys = lifecycle_keys(event, str(transactional_id) if transactional_id else None)
    # USD at the rate of the event's day (the provider's time, else the lake row's), by the rate policy.
    amount_usd = rates.usd(event.amount_minor, event.currency, event.event_time or created_at)
    return (
        lake_id, transactional_id, window.partition_key, created_at, event.event_time, event.provider,
        event.provider_transaction_id, event.merchant_id, event.merchant_name, event.country,
        event.payment_method, event.card_brand, event.status_category, event.failure_reason,
        event.failure_source, event.decline_type, event.raw_status, event.raw_reason_code,
        event.amount_minor, event.currency, event.normalization_method, event.confidence,
        event.event_kind, event.attempt_id, event.payment_id, event.refund_id, event.dispute_id,
        event.card_country, event.customer_country, event.merchant_country,
        keys.attempt_key, keys.refund_key, keys.dispute_key, keys.payment_node, list(keys.nodes) or None,
        amount_usd,
    )


class WindowLearning:
    """What the learned_mappings stage did for the window's shapes: per-event extractions, and why a shape waits."""

    def __init__(self, extractions: dict, waiting: dict) -> None:
        self.extractions = extractions  # lake_id -> the LLM's fields for that row
        self.waiting = waiting  # fingerprint -> (reason_code, detail)

    @classmethod
    def load(cls, conn: psycopg.Connection, window: Window) -> "WindowLearning":
        return cls(mappings.window_extractions(conn, window.partition_key),
                   mappings.waiting_shapes(conn, window.partition_key))

    def settle(self, lake_id, deferral: Deferral, body, merchant_text: str | None) -> CanonicalEvent | Deferral:
        """A deferred row's extracted event, or the reason its shape waits, or the deferral as it was."""
        fields = self.extractions.get(lake_id)
        if fields is not None:
            try:
                event = learning.event_from_extraction(fields, body)
                return with_merchant(event, json.loads(merchant_text) if merchant_text else None)
            except learning.RejectedSpec as rejected:
                return Deferral(UnprocessedReason.LLM_EXTRACTION_REJECTED,
                                f"{rejected.reason_code}: {rejected.detail}",
                                deferral.provider, deferral.fingerprint)
        waiting = self.waiting.get(deferral.fingerprint)
        if waiting is not None and deferral.reason_code not in FINAL_DEFERRALS:
            return Deferral(waiting[0], f"{waiting[1] or ''}; {deferral.detail}"[:500], deferral.provider,
                            deferral.fingerprint)
        return deferral


class NormalizationConfig(dg.Config):
    """Run configuration of the normalize stage (Launchpad / run config)."""

    heuristic_threshold: float = heuristics.DEFAULT_THRESHOLD  # below it, an unknown shape is deferred


def normalize_window(
    warehouse: WarehouseDatabase, window: Window, heuristic_threshold: float = heuristics.DEFAULT_THRESHOLD
) -> Counter:
    """Replace the window's events and reconcile its unprocessed events; returns counts for metadata."""
    counts: Counter = Counter()
    unprocessed = WindowRecorder(window)

    def keep_unprocessed(lake_id, stage, reason, detail, provider, fingerprint):
        counts[f"unprocessed:{reason}"] += 1
        unprocessed.record(lake_id, stage, reason, detail, provider, fingerprint)

    def events(reader):
        for (lake_id, transactional_id, created_at, merchant, fmt, hint, body, parse_error, parse_detail,
             fingerprint) in payloads.stream_window(reader, window.partition_key):
            if parse_error:
                keep_unprocessed(lake_id, "parse", parse_error, parse_detail, hint, None)
                continue
            # One bad row never fails the window: whatever goes wrong on it makes it unprocessed.
            try:
                payload = ParsedPayload(fmt, json.loads(body), {"provider": hint} if hint else {})
                outcome = normalizer.normalize(payload, json.loads(merchant) if merchant else None)
                if isinstance(outcome, Deferral):
                    outcome = learned.settle(lake_id, outcome, payload.body, merchant)
                if isinstance(outcome, Deferral):
                    keep_unprocessed(lake_id, "normalize", outcome.reason_code, outcome.detail, outcome.provider,
                                     outcome.fingerprint)
                    continue
                row = _event_row(lake_id, transactional_id, window, created_at, outcome, rates)
            except psycopg.Error:
                raise  # the warehouse (reading rates), not the row: the run retries or fails
            except Exception as exc:  # noqa: BLE001 - the row is kept, with the exception as its reason
                counts["internal_errors"] += 1
                keep_unprocessed(lake_id, "normalize", INTERNAL_ERROR, internal_error_detail(exc), hint, fingerprint)
                continue
            counts[f"method:{outcome.normalization_method}"] += 1
            counts[f"provider:{outcome.provider}"] += 1
            counts[f"status:{outcome.status_category}"] += 1
            counts[f"kind:{outcome.event_kind}"] += 1
            yield row

    # Three connections: the reader and the writer each hold a COPY while rows stream; rates are read apart.
    with warehouse.connection() as reader, warehouse.connection() as writer, warehouse.connection() as rates_conn:
        rates = RateBook(rates_conn)
        normalizer = Normalizer(learned=load_learned_mappings(reader), heuristic_threshold=heuristic_threshold)
        learned = WindowLearning.load(reader, window)
        counts["events"] = events_table.replace_window(writer, window.partition_key, events(reader))
        counts["unprocessed"] = unprocessed.reconcile(writer)
    return counts


def _breakdown(totals: Counter, prefix: str) -> dict[str, int]:
    return dict(sorted(((k[len(prefix):], v) for k, v in totals.items() if k.startswith(prefix)),
                       key=lambda kv: -kv[1]))


def _failures_markdown(rows: list[tuple]) -> str:
    lines = ["| provider | failure reason | failures |", "|---|---|---:|"]
    lines += [f"| {provider} | {reason} | {count:,} |" for provider, reason, count in rows]
    return "\n".join(lines) if rows else "No failures in this window."


@dg.asset(
    partitions_def=window_partitions,
    backfill_policy=backfill_policy,
    deps=[learned_mappings],
    group_name="payobs",
    kinds={"postgres"},
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
