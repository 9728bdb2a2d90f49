"""Load synthetic lake rows into Postgres (``payobs lake seed``).

Rows are streamed with ``COPY ... FROM STDIN`` as pre-formatted text lines
(the JSON text is produced once, then escaped for COPY's text format: faster
than ``copy.write_row`` adapting five Python values per row, measured), in one
transaction committed once at the end. A queued writer pushes the bytes from a
worker thread, so generating rows and sending them overlap.

Idempotent by seed: row ids are deterministic in the arguments, so a reseed
would only duplicate ids. COPY cannot skip duplicates and a staging table plus
``INSERT ... SELECT ... ON CONFLICT (id) DO NOTHING`` costs a second pass over
every row (about 30 % of the load time), so:

* the first row's id is looked up: if it exists, this is a reseed and the
  rows go through the staging table and ``ON CONFLICT (id) DO NOTHING``;
* otherwise rows are copied straight into the table inside a savepoint; if
  some id exists after all (an overlapping earlier seed) the savepoint is
  rolled back and the load is redone through the staging table.
"""

from __future__ import annotations

import json
import multiprocessing
import os
from datetime import datetime
from importlib import resources
from typing import Callable, Iterator

import psycopg
from psycopg import sql
from psycopg.copy import QueuedLibpqWriter

from payobs_pipeline.synthetic.incidents import Scenario
from payobs_pipeline.synthetic.rows import generate_chunk, generation_chunks

PROGRESS_EVERY = 10_000

_SCHEMA_TABLE = "raw_transactions"
_SCHEMA_INDEX = "raw_transactions_created_at_idx"


def _not_serializable(value: object) -> object:
    raise TypeError(f"not JSON serializable: {type(value).__name__}")


# The C encoder built once (json.dumps builds one per call), compact separators
# (jsonb normalizes whitespace anyway), no circular check: payloads are trees.
_c_encoder = json.encoder.c_make_encoder(
    None, _not_serializable, json.encoder.encode_basestring_ascii, None, ":", ",", False, False, True
)


def _encode(value: object) -> str:
    if type(value) is str:
        return json.encoder.encode_basestring_ascii(value)
    return "".join(_c_encoder(value, 0))


def _table_ident(table: str) -> tuple[sql.Identifier, str]:
    """The table as an identifier (``name`` or ``schema.name``) and its bare name."""
    parts = table.split(".")
    if not 1 <= len(parts) <= 2 or not all(parts):
        raise ValueError(f"invalid table name: {table!r}")
    return sql.Identifier(*parts), parts[-1]


def ensure_lake_table(conn: psycopg.Connection, table: str = "raw_transactions") -> None:
    """Create the lake table and its index when missing (schema.sql, table name substituted safely)."""
    ident, bare = _table_ident(table)
    text = resources.files("payobs_pipeline.synthetic").joinpath("schema.sql").read_text(encoding="utf-8")
    # Identifiers are swapped for psycopg.sql placeholders, never pasted in as text.
    template = text.replace("{", "{{").replace("}", "}}")
    template = template.replace(_SCHEMA_INDEX, "{index}").replace(_SCHEMA_TABLE, "{table}")
    statement = sql.SQL(template).format(table=ident, index=sql.Identifier(f"{bare}_created_at_idx"))
    with conn.cursor() as cur:
        cur.execute(statement)


def _copy_escape(text: str) -> str:
    # COPY text format: backslash is the escape character; JSON text from
    # json.dumps (ensure_ascii) has no raw tab, newline or carriage return.
    return text.replace("\\", "\\\\")


def seed_lake(
    conn: psycopg.Connection,
    rows: int,
    start: datetime,
    windows: int,
    seed: int,
    table: str = "raw_transactions",
    on_progress: Callable[[int], None] | None = None,
    scenario: Scenario | None = None,
) -> int:
    """Generate ``rows`` synthetic lake rows and load them; return how many were inserted.

    Idempotent by arguments: rows already present (same ids) are skipped, so a
    rerun returns 0. ``on_progress(rows_done)`` is called every 10,000 rows
    streamed and once at the end with the total. ``scenario``: provider outages
    and the noisy low-volume provider (:class:`~payobs_pipeline.synthetic.incidents.Scenario`;
    its rows come on top of ``rows``). Seed a scenario into an empty lake: an outage
    keeps the ids of the rows it replaces, so over an earlier seed of the same
    arguments it would be skipped as already present.
    """
    ident, _ = _table_ident(table)
    ensure_lake_table(conn, table)
    chunks = generation_chunks(rows, start, windows, seed, scenario)
    if not chunks:
        conn.commit()
        return 0
    first = next(generate_chunk(*chunks[0]))
    with conn.cursor() as cur:
        cur.execute(sql.SQL("SELECT EXISTS (SELECT 1 FROM {} WHERE id = %s)").format(ident), (_uuid_text(first[0]),))
        reseed = cur.fetchone()[0]
    inserted = None
    if not reseed:
        try:
            with conn.transaction():
                inserted = _copy_rows(conn, ident, chunks, on_progress)
        except psycopg.errors.UniqueViolation:
            inserted = None  # an overlapping earlier seed: redo with ON CONFLICT below
    if inserted is None:
        inserted = _copy_via_staging(conn, ident, chunks, on_progress)
    conn.commit()
    if on_progress is not None and rows % PROGRESS_EVERY != 0:
        on_progress(rows)
    return inserted


def _chunk_copy_text(chunk: tuple) -> tuple[str, int]:
    """One generation chunk as COPY text lines (runs in a worker process)."""
    merchant_text: dict[str, str] = {}
    lines: list[str] = []
    append = lines.append
    encode, uuid_text, bs, bs2, null = _encode, _uuid_text, "\\", "\\\\", "\\N"
    for row_id, data, merchant, txn, created, _expected in generate_chunk(*chunk):
        if merchant is None:
            mtext = null
        else:
            mtext = merchant_text.get(merchant["id"])
            if mtext is None:
                mtext = merchant_text[merchant["id"]] = _copy_escape(_encode(merchant))
        h = "%032x" % row_id
        append(
            f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}\t{encode(data).replace(bs, bs2)}\t{mtext}\t"
            f"{null if txn is None else uuid_text(txn)}\t{created.isoformat()}\n"
        )
    return "".join(lines), len(lines)


def _copy_texts(chunks: list[tuple]) -> Iterator[tuple[str, int]]:
    """Chunks rendered to COPY text by a pool of worker processes, in order.

    Generation is the seed's bottleneck (Python), so every core but the one
    Postgres needs generates; chunks are independent random streams, so the
    rows do not depend on how many workers there are. Like any forkserver or
    spawn pool, the workers import the calling script's main module: a script
    that calls :func:`seed_lake` keeps its work under ``if __name__ ==
    "__main__":`` (the ``payobs`` command and pytest do).
    """
    workers = max(1, min(len(chunks), (os.cpu_count() or 1)))
    if workers == 1:
        yield from map(_chunk_copy_text, chunks)
        return
    # Never `fork`: the caller may have threads (Dagster, psycopg's queued writer, pytest) whose
    # locks a forked child inherits held, and inherited signal handlers; a worker then waits
    # forever. `forkserver` children come from a clean single-threaded server process.
    pool = multiprocessing.get_context("forkserver").Pool(workers)
    try:
        yield from pool.imap(_chunk_copy_text, chunks)
        pool.close()
    except BaseException:  # errors, KeyboardInterrupt, and the consumer closing the generator early
        pool.terminate()
        raise
    finally:
        pool.join()


def _copy_rows(conn: psycopg.Connection, target: sql.Composable, chunks: list[tuple],
               on_progress: Callable[[int], None] | None) -> int:
    """COPY the chunks' rows into ``target``; return the number of rows written."""
    done = 0
    stmt = sql.SQL("COPY {} (id, data, merchant, transactional_id, created_at) FROM STDIN").format(target)
    with conn.cursor() as cur, cur.copy(stmt, writer=QueuedLibpqWriter(cur)) as copy:
        for text, count in _copy_texts(chunks):
            copy.write(text)
            before, done = done, done + count
            if on_progress is not None and done // PROGRESS_EVERY > before // PROGRESS_EVERY:
                on_progress(done - done % PROGRESS_EVERY)
    return done


def _copy_via_staging(conn: psycopg.Connection, target: sql.Composable, chunks: list[tuple],
                      on_progress: Callable[[int], None] | None) -> int:
    """COPY into a temporary table, then insert the rows whose id is new; return how many."""
    staging = sql.Identifier("payobs_lake_seed_staging")
    with conn.cursor() as cur:
        cur.execute(sql.SQL("DROP TABLE IF EXISTS {}").format(staging))
        cur.execute(
            sql.SQL(
                "CREATE TEMP TABLE {} (id uuid, data jsonb, merchant jsonb, transactional_id uuid,"
                " created_at timestamptz) ON COMMIT DROP"
            ).format(staging)
        )
    _copy_rows(conn, staging, chunks, on_progress)
    with conn.cursor() as cur:
        cur.execute(
            sql.SQL(
                "INSERT INTO {} (id, data, merchant, transactional_id, created_at)"
                " SELECT id, data, merchant, transactional_id, created_at FROM {}"
                " ON CONFLICT (id) DO NOTHING"
            ).format(target, staging)
        )
        inserted = cur.rowcount
        cur.execute(sql.SQL("DROP TABLE {}").format(staging))
    return inserted


def _uuid_text(value: int) -> str:
    h = "%032x" % value
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def write_scenario_truth(path: os.PathLike | str, scenario: Scenario, rows: int, start: datetime, windows: int,
                         seed: int) -> dict:
    """Record what a seed injected (``seeded_incidents.json``): the scenario's truth and the seed's arguments,
    so detection can be compared against it. Returns the record written."""
    record = {"seed": {"rows": rows, "start": start.isoformat(), "windows": windows, "seed": seed},
              **scenario.truth()}
    with open(path, "w", encoding="utf-8") as out:
        json.dump(record, out, indent=2)
        out.write("\n")
    return record


def read_scenario_truth(path: os.PathLike | str) -> dict | None:
    """The record :func:`write_scenario_truth` wrote, or None when there is none."""
    try:
        with open(path, encoding="utf-8") as src:
            return json.load(src)
    except FileNotFoundError:
        return None
