"""The warehouse: payobs's own Postgres schema, migrated on first use, written with COPY."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager

import dagster as dg
import psycopg
from psycopg import sql
from psycopg.conninfo import make_conninfo
from pydantic import PrivateAttr

from payobs_pipeline import settings
from payobs_pipeline.resources.connection import ResolvedConnection, resolve_url
from payobs_pipeline.warehouse import migrate


class WarehouseDatabase(ResolvedConnection, dg.ConfigurableResource):
    """``url`` defaults to ``PAYOBS_WAREHOUSE_URL``, else the embedded server; ``schema`` to ``PAYOBS_WAREHOUSE_SCHEMA``."""

    url: str | None = None
    schema_name: str | None = None

    _resolved_url: str = PrivateAttr(default="")
    _resolved_schema: str = PrivateAttr(default="")

    def setup_for_execution(self, context: dg.InitResourceContext) -> None:
        self.migrate()

    def _resolve(self) -> None:
        if not self._resolved_url:
            self._resolved_url = resolve_url(self.url, settings.WAREHOUSE)
            self._resolved_schema = self.schema_name or settings.warehouse_schema()

    @property
    def schema_conninfo(self) -> str:
        """:attr:`conninfo` with the warehouse schema as search_path, for connections opened elsewhere (the
        stages' worker processes)."""
        return make_conninfo(self.conninfo, options=f"-c search_path={self.db_schema},public")

    @property
    def db_schema(self) -> str:
        self._resolve()
        return self._resolved_schema

    def migrate(self) -> str:
        """Apply pending migrations; returns the schema revision."""
        return migrate.upgrade(self.conninfo, self.db_schema)

    @contextmanager
    def connection(self) -> Iterator[psycopg.Connection]:
        """A connection whose search_path is the warehouse schema; commits on success."""
        with psycopg.connect(self.conninfo) as conn:
            conn.execute(sql.SQL("SET search_path TO {}, public").format(sql.Identifier(self.db_schema)))
            yield conn


# A dropped connection, a server restart, a failover: retried with backoff, the step rerun whole (every
# write is one transaction per window, so a half-done attempt left nothing behind).
TRANSIENT_RETRIES = 3
# First wait before a retry, doubling each time; a module constant so fault tests can shorten it.
TRANSIENT_RETRY_BASE_SECONDS = 5.0


@contextmanager
def transient_database_errors(context: dg.AssetExecutionContext) -> Iterator[None]:
    """Turn a lost database connection into Dagster's retry of the step (5 s, 10 s, 20 s); other errors fail."""
    try:
        yield
    except psycopg.OperationalError as error:
        raise dg.RetryRequested(
            max_retries=TRANSIENT_RETRIES, seconds_to_wait=TRANSIENT_RETRY_BASE_SECONDS * 2 ** context.retry_number
        ) from error


def copy_in(conn: psycopg.Connection, table: str, columns: Sequence[str], rows: Iterable[Sequence]) -> int:
    """Bulk-load rows with COPY; returns how many were written."""
    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(table), sql.SQL(", ").join(map(sql.Identifier, columns))
    )
    written = 0
    with conn.cursor() as cur, cur.copy(statement) as copy:
        for row in rows:
            copy.write_row(row)
            written += 1
    return written


def copy_in_blocks(conn: psycopg.Connection, table: str, columns: Sequence[str], blocks: Iterable) -> int:
    """Bulk-load blocks of COPY text rows (each with ``data`` bytes and its ``rows`` count, e.g. a stage's
    stages.workers.ChunkResult); returns how many rows were written."""
    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(table), sql.SQL(", ").join(map(sql.Identifier, columns))
    )
    written = 0
    with conn.cursor() as cur, cur.copy(statement) as copy:
        for block in blocks:
            copy.write(block.data)
            written += block.rows
    return written


def copy_out(conn: psycopg.Connection, query: sql.Composable, types: Sequence[str]) -> Iterator[tuple]:
    """Stream a query's rows with COPY TO STDOUT, typed; memory stays flat."""
    with conn.cursor() as cur, cur.copy(sql.SQL("COPY ({}) TO STDOUT").format(query)) as copy:
        copy.set_types(list(types))
        yield from copy.rows()


def lock_window(conn: psycopg.Connection, stage: str, partition_key: str) -> None:
    """Hold a transaction-scoped advisory lock: one writer per stage and window at a time.

    A second run of the same window waits here until the first commits, so two
    runs never interleave their delete-and-insert.
    """
    conn.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (f"{stage}:{partition_key}",))
