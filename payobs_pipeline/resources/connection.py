"""How the lake and warehouse resources (and ``payobs``, through them) reach their PostgreSQL: one way.

:func:`resolve_url` is the one resolution of a resource's database URL: the resource's own ``url`` when set,
else the configured one (``PAYOBS_LAKE_URL`` / ``PAYOBS_WAREHOUSE_URL``, settings), else the embedded
server's database (``embedded_postgres.resolve_url``, which starts it), in libpq form; the resources connect
with :func:`with_timeouts` added. :func:`copy_out_lines` is how both stream a window to the stages' workers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlencode

import psycopg
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict

from payobs_pipeline import embedded_postgres, settings

# A server that accepts the TCP connection but never answers (a hung pooler or load balancer) must fail
# the connect, not hang the run: without connect_timeout libpq waits forever. TCP keepalives notice a
# server that vanished mid-query (a partition, a dead host) in about a minute instead of never.
CONNECT_TIMEOUT_SECONDS = 10
KEEPALIVES = {"keepalives": "1", "keepalives_idle": "30", "keepalives_interval": "10", "keepalives_count": "3"}


def with_timeouts(url: str) -> str:
    """The connection URL (or key=value string) with connect_timeout and keepalives, unless it sets them."""
    given = conninfo_to_dict(url)
    extra = {k: v for k, v in {"connect_timeout": str(CONNECT_TIMEOUT_SECONDS), **KEEPALIVES}.items()
             if k not in given}
    if not extra:
        return url
    if re.match(r"^postgres(ql)?://", url):
        return url + ("&" if "?" in url else "?") + urlencode(extra)
    return url + " " + " ".join(f"{key}={value}" for key, value in extra.items())


def resolve_url(url: str | None, kind: str) -> str:
    """The libpq URL of a resource of ``kind`` (settings.LAKE or settings.WAREHOUSE) given its ``url`` field."""
    return settings.libpq_url(url or embedded_postgres.resolve_url(kind))


class ResolvedConnection:
    """What the lake and warehouse resources share: the connection string and the printable location of the URL
    their ``_resolve()`` sets in ``_resolved_url``."""

    _resolved_url: str

    def _resolve(self) -> None:
        raise NotImplementedError

    @property
    def conninfo(self) -> str:
        """The connection string: the resolved URL with connect_timeout and keepalives."""
        self._resolve()
        return with_timeouts(self._resolved_url)

    def location(self) -> str:
        """Where the database is, fit for output (the URL, its password redacted)."""
        self._resolve()
        return settings.redact(self._resolved_url)


def server_version(conninfo_text: str) -> str:
    """The server's version (``payobs doctor``'s ping); raises when it cannot be reached within 5 s."""
    with psycopg.connect(conninfo_text, connect_timeout=5) as conn:
        return conn.execute("SHOW server_version").fetchone()[0]


def copy_out_lines(conn: psycopg.Connection, query: sql.Composable) -> Iterator[bytes]:
    """Stream a query's rows with COPY TO STDOUT as raw text-format lines (warehouse/copy_text.py reads
    them), for the stages' worker processes; memory stays flat."""
    with conn.cursor() as cur, cur.copy(sql.SQL("COPY ({}) TO STDOUT").format(query)) as copy:
        yield from copy
