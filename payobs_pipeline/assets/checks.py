"""Asset checks: nothing lost, nothing invalid, no card number stored.

The two conservation checks are blocking: a window that does not add up stops
its downstream metrics from being published.
"""

from collections.abc import Callable, Iterator

import dagster as dg
from dagster._core.definitions.asset_checks.asset_check_evaluation import (
    AssetCheckEvaluationTargetMaterializationData,  # not exported by dagster's top level (1.13)
)

from payobs_pipeline.assets.events import normalized_events
from payobs_pipeline.assets.lake_batch import raw_lake_batch
from payobs_pipeline.assets.partitions import window_partitions, windows_of
from payobs_pipeline.normalization.currency import MAX_MINOR_UNITS, MINOR_UNIT_EXPONENTS
from payobs_pipeline.normalization.taxonomy import (
    FAILURE_STATUSES,
    DeclineType,
    EventKind,
    FailureReason,
    FailureSource,
    PaymentMethod,
    StatusCategory,
)
from payobs_pipeline.resources.lake import LakeDatabase
from payobs_pipeline.resources.warehouse import WarehouseDatabase
from payobs_pipeline.stages.card_scan import CardScanContext, card_scan_chunk
from payobs_pipeline.stages.workers import run_chunks
from payobs_pipeline.warehouse import batches, events, unprocessed
from payobs_pipeline.windows import Window

# The largest amount the normalizer accepts (currency.MAX_MINOR_UNITS) is the largest this check accepts:
# one constant, so a stored amount is never "insane" by one rule and sane by the other.
MAX_SANE_AMOUNT_MINOR = MAX_MINOR_UNITS
# Cheap SQL pre-filter: only rows with a long digit run (possibly grouped) are Luhn-checked in Python.
_CARD_LIKE = r"[0-9][0-9 -]{10,}[0-9]"


def check_each_window(
    context: dg.AssetCheckExecutionContext, evaluate: Callable[[Window], dg.AssetCheckResult]
) -> Iterator[dg.AssetCheckEvaluation | dg.Output]:
    """One evaluation per window of the run, passed or failed with that window's own metadata.

    A run of several windows (a backfill range) has no single partition, so an AssetCheckResult returned from
    it is recorded once, with no partition, and the UI shows every window's check as Skipped. Instead each
    window's result goes out as an AssetCheckEvaluation carrying its partition (Dagster stores one check
    execution per partition of the run's planned range and updates it from the evaluation of that partition),
    then the check's output, so the step succeeds without a second, unpartitioned evaluation. A failed
    evaluation of a blocking check with ERROR severity still fails the step after every window has been
    recorded (dagster execute_step: DagsterAssetCheckFailedError), so nothing downstream runs in that run.
    """
    (spec,) = context.check_specs
    for window in windows_of(context):
        result = evaluate(window)
        yield dg.AssetCheckEvaluation(
            asset_key=spec.asset_key,
            check_name=spec.name,
            passed=result.passed,
            metadata=result.metadata,
            target_materialization_data=_latest_materialization(context, spec.asset_key, window.partition_key),
            severity=result.severity,
            description=result.description,
            blocking=spec.blocking,
            partition=window.partition_key,
        )
    (output,) = context.op_def.output_defs
    yield dg.Output(None, output_name=output.name)


def _latest_materialization(context: dg.AssetCheckExecutionContext, asset_key: dg.AssetKey, partition_key: str):
    """The window's materialization the check looked at (what Dagster links an evaluation to)."""
    records = context.instance.fetch_materializations(
        dg.AssetRecordsFilter(asset_key=asset_key, asset_partitions=[partition_key]), limit=1).records
    if not records:
        return None
    return AssetCheckEvaluationTargetMaterializationData(
        storage_id=records[0].storage_id, run_id=records[0].run_id, timestamp=records[0].timestamp)


@dg.asset_check(
    asset=raw_lake_batch,
    partitions_def=window_partitions,
    blocking=True,
    description="The snapshot holds exactly the lake's rows for the window.",
)
def snapshot_matches_lake(context: dg.AssetCheckExecutionContext, lake: LakeDatabase, warehouse: WarehouseDatabase):
    def evaluate(window: Window) -> dg.AssetCheckResult:
        with warehouse.connection() as conn:
            snapshot = batches.count_window(conn, window.partition_key)
        in_lake = lake.count_window(window.start, window.end)
        mismatches = {window.partition_key: {"snapshot": snapshot, "lake": in_lake}} if snapshot != in_lake else {}
        return dg.AssetCheckResult(passed=not mismatches, metadata={
            "snapshot_rows": dg.MetadataValue.int(snapshot), "lake_rows": dg.MetadataValue.int(in_lake),
            "mismatches": dg.MetadataValue.json(mismatches)})

    yield from check_each_window(context, evaluate)


@dg.asset_check(
    asset=normalized_events,
    partitions_def=window_partitions,
    blocking=True,
    description="Conservation: lake rows in the window = normalized_events + unprocessed_events not RESOLVED.",
)
def window_conserves_lake_rows(
    context: dg.AssetCheckExecutionContext, lake: LakeDatabase, warehouse: WarehouseDatabase
):
    def evaluate(window: Window) -> dg.AssetCheckResult:
        per_window = conservation(lake, warehouse, [window])
        counts = per_window[window.partition_key]
        return dg.AssetCheckResult(
            passed=counts["lake"] == counts["events"] + counts["unprocessed"],
            metadata={"windows": dg.MetadataValue.json(per_window),
                      **{name: dg.MetadataValue.int(value) for name, value in counts.items()}})

    yield from check_each_window(context, evaluate)


def conservation(lake: LakeDatabase, warehouse: WarehouseDatabase, windows: list[Window]) -> dict[str, dict]:
    """Per window: lake rows, normalized events, and unprocessed events not RESOLVED."""
    per_window = {}
    with warehouse.connection() as conn:
        for window in windows:
            normalized = events.count_window(conn, window.partition_key)
            kept = unprocessed.unresolved_in_window(conn, window.partition_key)
            in_lake = lake.count_window(window.start, window.end)
            per_window[window.partition_key] = {"lake": in_lake, "events": normalized, "unprocessed": kept}
    return per_window


def _values(enum) -> list[str]:
    return [member.value for member in enum]


@dg.asset_check(
    asset=normalized_events,
    partitions_def=window_partitions,
    description="Every value is in the taxonomy (status, reason, source, decline type, method, event kind), "
    "currencies are ISO 4217, countries are two upper-case letters, amounts are non-negative and at most the "
    "normalizer's maximum, and no stored row of the window holds a card number.",
)
def events_are_valid(context: dg.AssetCheckExecutionContext, warehouse: WarehouseDatabase):
    def evaluate(window: Window) -> dg.AssetCheckResult:
        keys = [window.partition_key]
        with warehouse.connection() as conn:
            problems = events.invalid_values(conn, keys, {
                "statuses": _values(StatusCategory), "reasons": _values(FailureReason),
                "failures": sorted(_values(FAILURE_STATUSES)), "sources": _values(FailureSource),
                "decline_types": _values(DeclineType), "methods": _values(PaymentMethod),
                "currencies": list(MINOR_UNIT_EXPONENTS), "max_amount": MAX_SANE_AMOUNT_MINOR,
                "kinds": _values(EventKind),
            })
            problems["card_numbers_stored"], card_places = _card_numbers_stored(conn, keys)
        problems = {name: count for name, count in problems.items() if count}
        return dg.AssetCheckResult(
            passed=not problems,
            severity=dg.AssetCheckSeverity.ERROR,
            metadata={
                "problems": dg.MetadataValue.json(problems),
                # where the stored card numbers are (the first MAX_LISTED_CARD_PLACES): table, column, lake_id
                "card_numbers_found": dg.MetadataValue.json(card_places),
            },
        )

    yield from check_each_window(context, evaluate)


# Where a stored card number is looked for: each stage table's text columns, by the masking rule
# (pii.contains_card_number) in the column's place. The id columns hold the provider's references (the
# value of a reference key in the payload: the masker keeps a Luhn-valid numeric pspReference as the id it
# is), so each is read as a reference value: digits alone are an id, a card number written in them among
# other text is not. ``merchant_id`` is not scanned: it is the lake's merchant identifier, kept as it came
# even when it happens to pass the Luhn check (raw_lake_batch keeps the merchant's ``id`` unmasked on purpose).
_REFERENCE = "transaction_id"
CARD_SCANNED_COLUMNS: dict[str, dict[str, str | None]] = {
    "raw_lake_batch": {"data": None},
    "parsed_payloads": {"body": None},
    "normalized_events": {
        "provider_transaction_id": _REFERENCE, "payment_id": _REFERENCE, "attempt_id": _REFERENCE,
        "refund_id": _REFERENCE, "dispute_id": _REFERENCE,
        "merchant_name": None, "raw_status": None, "raw_reason_code": None, "card_brand": None,
    },
}
# The check's metadata names at most this many (row, column) places; the count covers them all.
MAX_LISTED_CARD_PLACES = 20


def _card_numbers_stored(conn, keys: list[str]) -> tuple[int, list[dict[str, str]]]:
    """Stored card numbers in the windows' stage tables: (rows holding one, the first places found).

    A place is {"table", "column", "lake_id", "partition_key"}; a row counts once however many of its
    columns hold one. Only values with a long digit run (SQL pre-filter) are checked, in Python, on the
    stages' worker processes (stages/workers.py: results in the rows' order, whatever the number of workers).
    """
    rows = 0
    places: list[dict[str, str]] = []
    for table, columns in CARD_SCANNED_COLUMNS.items():
        lines = events.rows_matching_lines(conn, table, list(columns), keys, _CARD_LIKE)
        try:
            for result in run_chunks(card_scan_chunk, CardScanContext(tuple(columns.items())), lines):
                rows += result.rows
                for lake_id, partition_key, found in result.records:
                    places += [{"table": table, "column": column, "lake_id": lake_id, "partition_key": partition_key}
                               for column in found][:MAX_LISTED_CARD_PLACES - len(places)]
        finally:
            lines.close()  # its COPY ends here even if the scan stopped early
    return rows, places
