"""Asset checks: nothing lost, nothing invalid, no card number stored.

The two conservation checks are blocking: a window that does not add up stops
its downstream metrics from being published.
"""

import dagster as dg
from psycopg import sql

from payobs_pipeline.assets.events import normalized_events
from payobs_pipeline.assets.lake_batch import raw_lake_batch
from payobs_pipeline.assets.partitions import Window, window_partitions, windows_of
from payobs_pipeline.normalization.currency import MAX_MINOR_UNITS, MINOR_UNIT_EXPONENTS
from payobs_pipeline.normalization.pii import contains_card_number
from payobs_pipeline.normalization.taxonomy import (
    DeclineType,
    EventKind,
    FailureReason,
    FailureSource,
    PaymentMethod,
    StatusCategory,
)
from payobs_pipeline.resources.lake import LakeDatabase
from payobs_pipeline.resources.warehouse import WarehouseDatabase, copy_out

# The largest amount the normalizer accepts (currency.MAX_MINOR_UNITS) is the largest this check accepts:
# one constant, so a stored amount is never "insane" by one rule and sane by the other.
MAX_SANE_AMOUNT_MINOR = MAX_MINOR_UNITS
# Cheap SQL pre-filter: only rows with a long digit run (possibly grouped) are Luhn-checked in Python.
_CARD_LIKE = r"[0-9][0-9 -]{10,}[0-9]"


@dg.asset_check(
    asset=raw_lake_batch,
    partitions_def=window_partitions,
    blocking=True,
    description="The snapshot holds exactly the lake's rows for the window.",
)
def snapshot_matches_lake(context: dg.AssetCheckExecutionContext, lake: LakeDatabase, warehouse: WarehouseDatabase):
    mismatches = {}
    with warehouse.connection() as conn:
        for window in windows_of(context):
            snapshot = conn.execute(
                "SELECT count(*) FROM raw_lake_batch WHERE partition_key = %s", (window.partition_key,)
            ).fetchone()[0]
            in_lake = lake.count_window(window.start, window.end)
            if snapshot != in_lake:
                mismatches[window.partition_key] = {"snapshot": snapshot, "lake": in_lake}
    return dg.AssetCheckResult(passed=not mismatches, metadata={"mismatches": dg.MetadataValue.json(mismatches)})


@dg.asset_check(
    asset=normalized_events,
    partitions_def=window_partitions,
    blocking=True,
    description="Conservation: lake rows in the window = normalized_events + unprocessed_events not RESOLVED.",
)
def window_conserves_lake_rows(
    context: dg.AssetCheckExecutionContext, lake: LakeDatabase, warehouse: WarehouseDatabase
):
    per_window = conservation(lake, warehouse, windows_of(context))
    passed = all(w["lake"] == w["events"] + w["unprocessed"] for w in per_window.values())
    return dg.AssetCheckResult(passed=passed, metadata={"windows": dg.MetadataValue.json(per_window)})


def conservation(lake: LakeDatabase, warehouse: WarehouseDatabase, windows: list[Window]) -> dict[str, dict]:
    """Per window: lake rows, normalized events, and unprocessed events not RESOLVED."""
    per_window = {}
    with warehouse.connection() as conn:
        for window in windows:
            events, unprocessed = conn.execute(
                "SELECT (SELECT count(*) FROM normalized_events WHERE partition_key = %(k)s), "
                "(SELECT count(*) FROM unprocessed_events WHERE partition_key = %(k)s AND state <> 'RESOLVED')",
                {"k": window.partition_key},
            ).fetchone()
            in_lake = lake.count_window(window.start, window.end)
            per_window[window.partition_key] = {"lake": in_lake, "events": events, "unprocessed": unprocessed}
    return per_window


def _values(enum) -> list[str]:
    return [member.value for member in enum]


VALIDITY_SQL = """
SELECT
    count(*) FILTER (WHERE status_category <> ALL(%(statuses)s)) AS bad_status,
    count(*) FILTER (WHERE failure_reason IS NOT NULL AND failure_reason <> ALL(%(reasons)s)) AS bad_reason,
    count(*) FILTER (WHERE (failure_reason IS NULL) <> (status_category <> ALL(%(failures)s))) AS reason_status_mismatch,
    count(*) FILTER (WHERE failure_source IS NOT NULL AND failure_source <> ALL(%(sources)s)) AS bad_source,
    count(*) FILTER (WHERE decline_type IS NOT NULL AND decline_type <> ALL(%(decline_types)s)) AS bad_decline_type,
    count(*) FILTER (WHERE payment_method IS NOT NULL AND payment_method <> ALL(%(methods)s)) AS bad_payment_method,
    count(*) FILTER (WHERE currency IS NOT NULL AND currency <> ALL(%(currencies)s)) AS bad_currency,
    count(*) FILTER (WHERE amount_minor < 0 OR amount_minor > %(max_amount)s) AS bad_amount,
    count(*) FILTER (WHERE event_kind IS NULL OR event_kind <> ALL(%(kinds)s)) AS bad_event_kind,
    count(*) FILTER (WHERE card_country !~ '^[A-Z]{2}$' OR customer_country !~ '^[A-Z]{2}$'
                        OR merchant_country !~ '^[A-Z]{2}$') AS bad_country
FROM normalized_events WHERE partition_key = ANY(%(keys)s)
"""


@dg.asset_check(
    asset=normalized_events,
    partitions_def=window_partitions,
    description="Every value is in the taxonomy (status, reason, source, decline type, method, event kind), "
    "currencies are ISO 4217, countries are two upper-case letters, amounts are non-negative and at most the "
    "normalizer's maximum, and no stored row of the window holds a card number.",
)
def events_are_valid(context: dg.AssetCheckExecutionContext, warehouse: WarehouseDatabase):
    keys = [window.partition_key for window in windows_of(context)]
    with warehouse.connection() as conn, conn.cursor() as cur:
        cur.execute(VALIDITY_SQL, {
            "statuses": _values(StatusCategory), "reasons": _values(FailureReason),
            "failures": ["DECLINED", "ERROR", "UNKNOWN"], "sources": _values(FailureSource),
            "decline_types": _values(DeclineType), "methods": _values(PaymentMethod),
            "currencies": list(MINOR_UNIT_EXPONENTS), "max_amount": MAX_SANE_AMOUNT_MINOR,
            "kinds": _values(EventKind), "keys": keys,
        })
        problems = dict(zip([c.name for c in cur.description], cur.fetchone()))
        problems["card_numbers_stored"] = _card_numbers_stored(conn, keys)
    problems = {name: count for name, count in problems.items() if count}
    return dg.AssetCheckResult(
        passed=not problems,
        severity=dg.AssetCheckSeverity.ERROR,
        metadata={"problems": dg.MetadataValue.json(problems)},
    )


def _card_numbers_stored(conn, keys: list[str]) -> int:
    """Rows of the window's stage tables whose text holds a Luhn-valid card number.

    ``merchant_id`` is not scanned: it is the lake's merchant identifier, kept as it came even when it
    happens to pass the Luhn check (raw_lake_batch keeps the merchant's ``id`` unmasked on purpose).
    A card number is one by the masking rules (:func:`contains_card_number`): a digit run that is the
    value of a reference key is an id.
    """
    found = 0
    for table, text in (
        ("raw_lake_batch", "data"),
        ("parsed_payloads", "body::text"),
        # The provider's transaction id is scanned as what it is, a reference value (masking keeps a
        # Luhn-valid numeric pspReference: it is an id), so only a card number elsewhere in it counts.
        ("normalized_events", "concat_ws(' ', 'transaction_id=' || provider_transaction_id, merchant_name, "
                              "raw_status, raw_reason_code, card_brand)"),
    ):
        query = sql.SQL("SELECT {text} FROM {table} WHERE partition_key = ANY({keys}) AND {text} ~ {pattern}").format(
            text=sql.SQL(text), table=sql.Identifier(table), keys=sql.Literal(keys), pattern=sql.Literal(_CARD_LIKE)
        )
        found += sum(1 for (value,) in copy_out(conn, query, ["text"]) if contains_card_number(value))
    return found
