"""Parsed payloads (table ``parsed_payloads``): each snapshot row parsed to a document, or its parse error.

The parsed_payloads asset replaces a window's rows (:func:`replace_window`); the learned_mappings asset reads
samples of each payload shape (:func:`shape_samples`), the normalize asset the whole window
(:func:`stream_window`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import psycopg
from psycopg import sql

from payobs_pipeline.resources.connection import copy_out_lines
from payobs_pipeline.resources.warehouse import copy_in_blocks, lock_window

COLUMNS = (
    "lake_id", "partition_key", "transactional_id", "created_at", "merchant",
    "format", "provider_hint", "fingerprint", "body", "parse_error", "parse_detail",
)


def replace_window(conn: psycopg.Connection, partition_key: str, blocks: Iterable) -> int:
    """Replace the window's parsed payloads by ``blocks`` of COPY text rows in COLUMNS order (a stage's
    ChunkResults), in the caller's transaction, holding the window's lock; returns how many were written."""
    lock_window(conn, "parsed_payloads", partition_key)
    conn.execute("DELETE FROM parsed_payloads WHERE partition_key = %s", (partition_key,))
    return copy_in_blocks(conn, "parsed_payloads", COLUMNS, blocks)


def stream_window_lines(conn: psycopg.Connection, partition_key: str) -> Iterator[bytes]:
    """The window's rows (lake_id, transactional_id, created_at, merchant_json_text, format, provider_hint,
    body_json_text, parse_error, parse_detail, fingerprint) as raw COPY text lines, streamed."""
    query = sql.SQL(
        "SELECT lake_id, transactional_id, created_at, merchant::text, format, provider_hint, body::text, "
        "parse_error, parse_detail, fingerprint FROM parsed_payloads WHERE partition_key = {}"
    ).format(sql.Literal(partition_key))
    yield from copy_out_lines(conn, query)


# Samples of each shape of the window: a few rows each, and the shape's row count. The samples are chosen from
# the narrow columns first and only their rows' documents read (by primary key): numbering the whole window with
# its bodies and merchants sorted every document of the window (a 200,000-row window: 2.3 s -> 1.2 s, the same
# rows in the same order).
SHAPES_SQL = """
WITH sampled AS MATERIALIZED (
    SELECT fingerprint, lake_id, rows, n
    FROM (
        SELECT fingerprint, lake_id,
               count(*) OVER (PARTITION BY fingerprint) AS rows,
               row_number() OVER (PARTITION BY fingerprint ORDER BY lake_id) AS n
        FROM parsed_payloads
        WHERE partition_key = %(key)s AND parse_error IS NULL
    ) s
    WHERE n <= %(samples)s
)
SELECT p.fingerprint, p.provider_hint, p.body::text, p.merchant::text, s.rows, p.lake_id
FROM parsed_payloads p JOIN sampled s ON s.lake_id = p.lake_id
WHERE p.lake_id = ANY (ARRAY(SELECT lake_id FROM sampled))
ORDER BY s.fingerprint, s.n
"""


def shape_samples(conn: psycopg.Connection, partition_key: str, samples: int) -> psycopg.Cursor:
    """Up to ``samples`` parsed rows of each payload shape of the window, in shape order, as (fingerprint,
    provider_hint, body_json_text, merchant_json_text, the shape's rows in the window, lake_id)."""
    return conn.execute(SHAPES_SQL, {"key": partition_key, "samples": samples})
