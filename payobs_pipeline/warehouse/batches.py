"""The lake's rows as loaded (tables ``raw_lake_batch`` and ``window_loads``).

``raw_lake_batch`` holds each window's snapshot of the lake, PII masked (the raw_lake_batch asset writes it
through :func:`replace_window`); ``window_loads`` how many lake rows each window's last load found, which
the late-arrival sensor compares with the lake (:func:`loaded_windows`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import timedelta

import psycopg
from psycopg import sql

from payobs_pipeline.resources.connection import copy_out_lines
from payobs_pipeline.resources.warehouse import copy_in_blocks, lock_window

COLUMNS = ("lake_id", "partition_key", "transactional_id", "created_at", "merchant", "data")


def replace_window(conn: psycopg.Connection, window, blocks: Iterable) -> int:
    """Replace the window's snapshot by ``blocks`` of COPY text rows in COLUMNS order (a stage's
    ChunkResults) and record its load, in the caller's transaction, holding the window's lock; returns how
    many rows were written."""
    lock_window(conn, "raw_lake_batch", window.partition_key)
    conn.execute("DELETE FROM raw_lake_batch WHERE partition_key = %s", (window.partition_key,))
    written = copy_in_blocks(conn, "raw_lake_batch", COLUMNS, blocks)
    conn.execute(
        "INSERT INTO window_loads (partition_key, window_start, window_end, lake_rows) VALUES (%s, %s, %s, %s) "
        "ON CONFLICT (partition_key) DO UPDATE SET lake_rows = excluded.lake_rows, loaded_at = now()",
        (window.partition_key, window.start, window.end, written),
    )
    return written


def stream_window_lines(conn: psycopg.Connection, partition_key: str) -> Iterator[bytes]:
    """The window's snapshot rows (lake_id, transactional_id, created_at, merchant_json_text, data) as raw COPY
    text lines, streamed."""
    query = sql.SQL(
        "SELECT lake_id, transactional_id, created_at, merchant::text, data FROM raw_lake_batch "
        "WHERE partition_key = {}"
    ).format(sql.Literal(partition_key))
    yield from copy_out_lines(conn, query)


def count_window(conn: psycopg.Connection, partition_key: str) -> int:
    """How many lake rows the window's snapshot holds."""
    return conn.execute("SELECT count(*) FROM raw_lake_batch WHERE partition_key = %s",
                        (partition_key,)).fetchone()[0]


def loaded_windows(conn: psycopg.Connection, horizon: timedelta) -> list[tuple]:
    """(window_start, partition_key, lake_rows) of every window loaded within ``horizon`` of the latest."""
    return conn.execute(
        "SELECT window_start, partition_key, lake_rows FROM window_loads "
        "WHERE window_start >= (SELECT max(window_start) FROM window_loads) - %s",
        (horizon,),
    ).fetchall()
