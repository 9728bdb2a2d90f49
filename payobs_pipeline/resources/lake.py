"""The data lake: streams a window's ``raw_transactions`` rows, read-only by default."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

import dagster as dg
import psycopg
from psycopg import sql
from pydantic import PrivateAttr

from payobs_pipeline import settings
from payobs_pipeline.resources.connection import ResolvedConnection, copy_out_lines, resolve_url

LAKE_COLUMNS = ("id", "data", "merchant", "transactional_id", "created_at")


class LakeDatabase(ResolvedConnection, dg.ConfigurableResource):
    """The lake's Postgres. ``url`` defaults to ``PAYOBS_LAKE_URL``, else the embedded server."""

    url: str | None = None
    table: str = "raw_transactions"
    # Off by default: the lake user is read-only in production.
    mark_processed: bool = False

    _resolved_url: str = PrivateAttr(default="")

    def setup_for_execution(self, context: dg.InitResourceContext) -> None:
        self._resolve()

    def _resolve(self) -> None:
        if not self._resolved_url:  # at a run's start, or when first used outside a run (CLI, tests)
            self._resolved_url = resolve_url(self.url, settings.LAKE)

    @contextmanager
    def connection(self) -> Iterator[psycopg.Connection]:
        with psycopg.connect(self.conninfo) as conn:
            yield conn

    def _table(self) -> sql.Composable:
        return sql.Identifier(*self.table.split("."))

    def stream_window_lines(self, start: datetime, end: datetime) -> Iterator[bytes]:
        """The window's rows (id, data_json_text, merchant_json_text, transactional_id, created_at) as raw COPY
        text lines, for the stages' worker processes (warehouse/copy_text.py reads them).

        COPY streams the rows; psycopg reads them in blocks, so memory does not grow with the window.
        """
        query = sql.SQL(
            "SELECT id, data::text, merchant::text, transactional_id, created_at FROM {} "
            "WHERE created_at >= {} AND created_at < {}"
        ).format(self._table(), sql.Literal(start), sql.Literal(end))
        with self.connection() as conn:
            yield from copy_out_lines(conn, query)

    def count_rows(self) -> int:
        """Every row of the lake table."""
        with self.connection() as conn:
            return conn.execute(sql.SQL("SELECT count(*) FROM {}").format(self._table())).fetchone()[0]

    def count_window(self, start: datetime, end: datetime) -> int:
        query = sql.SQL("SELECT count(*) FROM {} WHERE created_at >= %s AND created_at < %s").format(self._table())
        with self.connection() as conn:
            return conn.execute(query, (start, end)).fetchone()[0]

    def counts_by_window(self, start: datetime, end: datetime) -> dict[datetime, int]:
        """Lake rows per 12-hour window start (UTC) in [start, end), in one grouped query."""
        query = sql.SQL(
            "SELECT date_bin('12 hours', created_at, timestamptz '2000-01-01 00:00+00') AS window_start, count(*) "
            "FROM {} WHERE created_at >= %s AND created_at < %s GROUP BY 1"
        ).format(self._table())
        with self.connection() as conn:
            return dict(conn.execute(query, (start, end)).fetchall())

    def mark_window_processed(self, start: datetime, end: datetime) -> int:
        """Set processed/processed_at on the window's rows (only when ``mark_processed`` is on)."""
        if not self.mark_processed:
            return 0
        query = sql.SQL(
            "UPDATE {} SET processed = true, processed_at = now() "
            "WHERE created_at >= %s AND created_at < %s AND NOT processed"
        ).format(self._table())
        with self.connection() as conn:
            return conn.execute(query, (start, end)).rowcount
