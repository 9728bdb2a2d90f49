"""Normalized events (table ``normalized_events``): one canonical payment event per normalized lake row.

The normalize asset replaces a window's events (:func:`replace_window`, which first remembers the keys the
window's previous events were about, in ``lifecycle_touched``, for the lifecycle stage); the asset's
metadata, the checks and ``payobs events show`` read them through this module.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

import psycopg
from psycopg import sql

from payobs_pipeline.resources.connection import copy_out_lines
from payobs_pipeline.resources.warehouse import copy_in_blocks, lock_window

COLUMNS = (
    "lake_id", "transactional_id", "partition_key", "lake_created_at", "event_time", "provider",
    "provider_transaction_id", "merchant_id", "merchant_name", "country", "payment_method", "card_brand",
    "status_category", "failure_reason", "failure_source", "decline_type", "raw_status", "raw_reason_code",
    "amount_minor", "currency", "normalization_method", "confidence",
    "event_kind", "attempt_id", "payment_id", "refund_id", "dispute_id", "card_country", "customer_country",
    "merchant_country", "attempt_key", "refund_key", "dispute_key", "payment_node", "payment_nodes", "amount_usd",
)

# The keys a window's events had before a rerun replaces them (see lifecycle_touched).
REMEMBER_KEYS_SQL = """
INSERT INTO lifecycle_touched (partition_key, entity, key)
SELECT DISTINCT partition_key, entity, key
FROM normalized_events,
     LATERAL (VALUES ('attempt', attempt_key), ('refund', refund_key), ('dispute', dispute_key),
                     ('node', payment_node)) AS k(entity, key)
WHERE partition_key = %s AND key IS NOT NULL
ON CONFLICT DO NOTHING
"""


def replace_window(conn: psycopg.Connection, partition_key: str, blocks: Iterable) -> int:
    """Replace the window's events by ``blocks`` of COPY text rows in COLUMNS order (a stage's ChunkResults),
    in the caller's transaction, holding the window's lock; returns how many were written."""
    lock_window(conn, "normalized_events", partition_key)
    conn.execute(REMEMBER_KEYS_SQL, (partition_key,))
    conn.execute("DELETE FROM normalized_events WHERE partition_key = %s", (partition_key,))
    return copy_in_blocks(conn, "normalized_events", COLUMNS, blocks)


WINDOW_SUMMARY_SQL = """
SELECT min(event_time), max(event_time),
       (SELECT count(*) FROM raw_lake_batch WHERE partition_key = ANY(%(keys)s))
FROM normalized_events WHERE partition_key = ANY(%(keys)s)
"""
TOP_FAILURES_SQL = """
SELECT provider, failure_reason, count(*) AS failures
FROM normalized_events
WHERE partition_key = ANY(%(keys)s) AND failure_reason IS NOT NULL
GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT 10
"""


def windows_summary(conn: psycopg.Connection, partition_keys: list[str]) -> tuple:
    """(first event time, last event time, snapshot rows) over the windows."""
    return conn.execute(WINDOW_SUMMARY_SQL, {"keys": partition_keys}).fetchone()


def top_failures(conn: psycopg.Connection, partition_keys: list[str]) -> list[tuple]:
    """The windows' ten most frequent (provider, failure reason, events)."""
    return conn.execute(TOP_FAILURES_SQL, {"keys": partition_keys}).fetchall()


def count_window(conn: psycopg.Connection, partition_key: str) -> int:
    """How many events the window has."""
    return conn.execute("SELECT count(*) FROM normalized_events WHERE partition_key = %s",
                        (partition_key,)).fetchone()[0]


def row_of(conn: psycopg.Connection, lake_id: str) -> psycopg.Cursor:
    """One lake row's event, every column (none when the row did not normalize)."""
    return conn.execute("SELECT * FROM normalized_events WHERE lake_id::text = %(id)s", {"id": lake_id})


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


def invalid_values(conn: psycopg.Connection, partition_keys: list[str], allowed: dict) -> dict[str, int]:
    """Per rule of VALIDITY_SQL, how many of the windows' events break it. ``allowed``: the parameters
    (statuses, reasons, failures, sources, decline_types, methods, currencies, max_amount, kinds)."""
    with conn.cursor() as cur:
        cur.execute(VALIDITY_SQL, {**allowed, "keys": partition_keys})
        return dict(zip([c.name for c in cur.description], cur.fetchone()))


# The stage tables whose text a scan may read (one row per lake row, keyed by lake_id and partition_key).
STAGE_TABLES = ("raw_lake_batch", "parsed_payloads", "normalized_events")


def _matching_query(table: str, columns: Sequence[str], partition_keys: list[str], pattern: str) -> sql.Composed:
    if table not in STAGE_TABLES:
        raise ValueError(f"{table!r} is not a stage table")
    texts = [sql.SQL("{}::text").format(sql.Identifier(column)) for column in columns]
    return sql.SQL(
        "SELECT lake_id::text, partition_key, {texts} FROM {table} "
        "WHERE partition_key = ANY({keys}) AND concat_ws(' ', {texts}) ~ {pattern} ORDER BY lake_id"
    ).format(texts=sql.SQL(", ").join(texts), table=sql.Identifier(table), keys=sql.Literal(partition_keys),
             pattern=sql.Literal(pattern))


def rows_matching_lines(conn: psycopg.Connection, table: str, columns: Sequence[str], partition_keys: list[str],
                        pattern: str) -> Iterator[bytes]:
    """The windows' rows of a stage table (STAGE_TABLES) whose ``columns``, as text joined by spaces, match the
    regular expression ``pattern``: (lake_id, partition_key, *the columns as text), by lake_id, streamed as raw
    COPY text lines (warehouse/copy_text.py read_row reads them back as the same text values) for the stages'
    worker processes."""
    yield from copy_out_lines(conn, _matching_query(table, columns, partition_keys, pattern))
