"""payobs's configuration: every environment variable payobs reads is read here, and only read.

Reading a setting never starts anything, creates a database or writes a file: a database URL that is not
configured is None here, and the caller that needs a database resolves it with
``embedded_postgres.resolve_url`` (which starts the embedded server). Each function reads the environment
when called (never at import), so a process that sets a variable before using a setting sees it.

Every variable, its default and its meaning: :data:`VARIABLES` (the README's "Configuration" table).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from urllib.parse import unquote

import psycopg
from psycopg.conninfo import conninfo_to_dict

from payobs_pipeline.windows import Window

# Every environment variable payobs reads: name -> (default, meaning). The README's table says the same.
VARIABLES: dict[str, tuple[str, str]] = {
    "PAYOBS_LAKE_URL": ("embedded server, database payobs_lake",
                        "The lake's PostgreSQL (table raw_transactions), read-only unless mark_processed."),
    "PAYOBS_WAREHOUSE_URL": ("embedded server, database payobs_warehouse", "The warehouse's PostgreSQL."),
    "PAYOBS_WAREHOUSE_SCHEMA": ("payobs", "The warehouse schema payobs migrates and writes (an SQL identifier)."),
    "PAYOBS_DAGSTER_PG_URL": ("embedded server, database payobs_dagster",
                              "Dagster's run, event-log and schedule storage (dagster.yaml)."),
    "PAYOBS_HOME": (".payobs", "The embedded server's data (pgdata/), Dagster's home, demo logs and report."),
    "PAYOBS_FIRST_WINDOW": ("2026-09-01-00:00", "The partition set's first window (a window key)."),
    "PAYOBS_BACKFILL_WINDOWS_PER_RUN": ("14", "Windows a backfill run materializes together (a week)."),
    "PAYOBS_FX_MAX_STALENESS_DAYS": ("7", "How many days before an amount's day an exchange rate may be."),
    "PAYOBS_WORKERS": ("the machine's cores (os.cpu_count())",
                       "Worker processes for the stages' per-row work (mask, parse, normalize); 0 runs it in the "
                       "stage's own process."),
    "PAYOBS_EXECUTOR": ("unset (Dagster's default: each run's steps in processes of the run's own pod or machine)",
                        "k8s: each step of a run in its own Kubernetes pod (dagster-k8s's k8s_job_executor, the "
                        "`k8s` extra; only under the K8sRunLauncher, deploy/)."),
    "OPENAI_API_KEY": ("unset (LLM off: rows of unknown shapes keep their reason)",
                       "The LLM's API key; a secret, never logged."),
    "PAYOBS_LLM_BASE_URL": ("https://api.openai.com/v1", "Any OpenAI-compatible server."),
    "PAYOBS_LLM_MODEL": ("gpt-4o-mini", "The model learned mappings are asked of."),
    "PAYOBS_LLM_ENABLED": ("on", "0/false/no/off/disabled switches the LLM off."),
    "PAYOBS_LLM_AUTO_ACTIVATE": ("on", "0/false/no/off: a validated learned mapping waits for "
                                       "`payobs mappings approve` instead of applying at once."),
    "PAYOBS_LLM_PRICE_INPUT_PER_MTOK": ("the model's list price", "USD per million prompt tokens (cost metadata)."),
    "PAYOBS_LLM_PRICE_OUTPUT_PER_MTOK": ("the model's list price",
                                         "USD per million completion tokens (cost metadata)."),
    "PAYOBS_HEALTH_BASELINE_DAYS": ("7", "Provider health: days of the same half-day slot in the baseline."),
    "PAYOBS_HEALTH_MIN_ATTEMPTS": ("30", "Provider health: attempts (customer failures left out) a cell needs in "
                                         "its window to be tested."),
    "PAYOBS_HEALTH_MIN_BASELINE_ATTEMPTS": ("100", "Provider health: attempts the cell's baseline needs to be tested."),
    "PAYOBS_HEALTH_MIN_DROP": ("0.05", "Provider health: the least approval drop flagged (a fraction)."),
    "PAYOBS_HEALTH_SIGNIFICANCE": ("0.001", "Provider health: the one-sided test's p-value threshold."),
    "PAYOBS_ALERT_WEBHOOK_URL": ("unset (alerts are not posted)",
                                 "Where each new alert is POSTed as JSON; a secret, never logged."),
    "PAYOBS_BENCH_POSTGRES_URL": ("the embedded server",
                                  "`payobs bench --pipeline-rows`: a server whose user may create databases."),
    "PAYOBS_TEST_POSTGRES_URL": ("an embedded server per test session",
                                 "The tests: a server whose user may create databases."),
    "DAGSTER_HOME": ("the working directory; payobs then sets it to $PAYOBS_HOME/dagster",
                     "Where payobs finds dagster.yaml; it copies that file to $PAYOBS_HOME/dagster, Dagster's home."),
    # Set by payobs for Dagster's processes and read by dagster.yaml, not by payobs's code:
    "PAYOBS_DAGSTER_ARTIFACTS": ("set by payobs to $PAYOBS_HOME/dagster", "Dagster's local artifact storage."),
    "PAYOBS_DAGSTER_COMPUTE_LOGS": ("set by payobs to $PAYOBS_HOME/dagster/compute_logs",
                                    "Dagster's compute logs (each step's stdout and stderr)."),
}

# The three databases, by kind, and the variable that configures each.
LAKE, WAREHOUSE, DAGSTER = "lake", "warehouse", "dagster"
DATABASE_VARIABLES = {LAKE: "PAYOBS_LAKE_URL", WAREHOUSE: "PAYOBS_WAREHOUSE_URL", DAGSTER: "PAYOBS_DAGSTER_PG_URL"}

DEFAULT_SCHEMA = "payobs"
DEFAULT_LLM_MODEL = "gpt-4o-mini"
DEFAULT_BACKFILL_WINDOWS_PER_RUN = 14
DEFAULT_FX_MAX_STALENESS_DAYS = 7
# The partition set's first window on a fresh install: fixed (not computed from today) so that every process
# of a deployment (UI, daemon, run workers, `payobs`) agrees on the partitions whenever it started. It is the
# first window of the month the shipped demo's windows fall in (they end with the last day the shipped exchange
# rates cover; test_definitions checks they are inside); a deployment with older lake history sets
# PAYOBS_FIRST_WINDOW (README, "Configuration").
DEFAULT_FIRST_WINDOW = "2026-09-01-00:00"
# Words that switch an on-by-default setting off.
OFF_WORDS = frozenset({"0", "false", "no", "off", "disabled"})


def _text(name: str) -> str:
    """A variable's value, stripped; empty when unset."""
    return os.environ.get(name, "").strip()


def _switch(name: str) -> bool:
    """An on-by-default switch: off when set to one of OFF_WORDS."""
    return _text(name).lower() not in OFF_WORDS


# --- databases ------------------------------------------------------------------------------------------


def database_url(kind: str) -> str | None:
    """The configured URL of the lake's, the warehouse's or Dagster's database (settings.LAKE, ...), as given;
    None when unset (the embedded server's then: embedded_postgres.resolve_url)."""
    return os.environ.get(DATABASE_VARIABLES[kind]) or None


def configured_databases() -> list[str]:
    """The database variables that are set (their databases are not the embedded server's)."""
    return [name for name in DATABASE_VARIABLES.values() if os.environ.get(name)]


def payobs_home() -> Path:
    return Path(os.environ.get("PAYOBS_HOME", ".payobs")).resolve()


def warehouse_schema() -> str:
    schema = os.environ.get("PAYOBS_WAREHOUSE_SCHEMA", DEFAULT_SCHEMA)
    if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", schema):
        raise ValueError(f"PAYOBS_WAREHOUSE_SCHEMA must be a lower-case SQL identifier, got {schema!r}")
    return schema


def bench_postgres_url() -> str | None:
    """``PAYOBS_BENCH_POSTGRES_URL``: the server the pipeline benchmark creates its databases on (None: embedded)."""
    return os.environ.get("PAYOBS_BENCH_POSTGRES_URL") or None


def tests_postgres_url() -> str | None:
    """``PAYOBS_TEST_POSTGRES_URL``: the server the tests create their databases on (None: an embedded one)."""
    return os.environ.get("PAYOBS_TEST_POSTGRES_URL") or None


def dagster_home_variable() -> str | None:
    """``DAGSTER_HOME`` as set (payobs sets it for its own processes: cli._dagster_home)."""
    return os.environ.get("DAGSTER_HOME") or None


# --- the pipeline -----------------------------------------------------------------------------------------


def first_window() -> str:
    """The first window of the partition set (``PAYOBS_FIRST_WINDOW``, a window key such as 2026-09-01-00:00)."""
    value = _text("PAYOBS_FIRST_WINDOW") or DEFAULT_FIRST_WINDOW
    try:
        return Window.from_key(value).partition_key
    except ValueError:
        raise ValueError(
            f"PAYOBS_FIRST_WINDOW must be a window key like {DEFAULT_FIRST_WINDOW} (a date, then 00:00 or 12:00 "
            f"UTC), got {value!r}") from None


def pipeline_workers() -> int:
    """``PAYOBS_WORKERS``: worker processes for the stages' per-row work (default: the machine's cores)."""
    value = _text("PAYOBS_WORKERS")
    workers = int(value) if value else (os.cpu_count() or 1)
    if workers < 0:
        raise ValueError(f"PAYOBS_WORKERS must be 0 or more, got {value!r}")
    return workers


def backfill_windows_per_run() -> int:
    """How many windows a backfill run materializes together (``PAYOBS_BACKFILL_WINDOWS_PER_RUN``, default 14)."""
    return int(os.environ.get("PAYOBS_BACKFILL_WINDOWS_PER_RUN", str(DEFAULT_BACKFILL_WINDOWS_PER_RUN)))


# PAYOBS_EXECUTOR's values: unset is Dagster's default executor; K8S_EXECUTOR is dagster-k8s's k8s_job_executor.
K8S_EXECUTOR = "k8s"


def executor() -> str | None:
    """``PAYOBS_EXECUTOR``: K8S_EXECUTOR, or None for Dagster's default executor (unset or empty)."""
    value = _text("PAYOBS_EXECUTOR").lower()
    if value and value != K8S_EXECUTOR:
        raise ValueError(f"PAYOBS_EXECUTOR must be unset or {K8S_EXECUTOR!r}, got {value!r}")
    return value or None


def fx_max_staleness_days() -> int:
    """How many days before an amount's day a rate may be (``PAYOBS_FX_MAX_STALENESS_DAYS``, default 7)."""
    value = _text("PAYOBS_FX_MAX_STALENESS_DAYS")
    if not value:
        return DEFAULT_FX_MAX_STALENESS_DAYS
    days = int(value)
    if days < 0:
        raise ValueError(f"PAYOBS_FX_MAX_STALENESS_DAYS must be 0 or more, not {value!r}")
    return days


# --- the LLM ----------------------------------------------------------------------------------------------


def openai_api_key() -> str | None:
    """``OPENAI_API_KEY`` (None: the LLM is not configured). A secret: never log it."""
    return _text("OPENAI_API_KEY") or None


def llm_base_url() -> str | None:
    """``PAYOBS_LLM_BASE_URL`` (None: OpenAI's API)."""
    return _text("PAYOBS_LLM_BASE_URL") or None


def llm_model() -> str:
    """``PAYOBS_LLM_MODEL``, default DEFAULT_LLM_MODEL."""
    return _text("PAYOBS_LLM_MODEL") or DEFAULT_LLM_MODEL


def llm_enabled() -> bool:
    """``PAYOBS_LLM_ENABLED``: on unless 0/false/no/off/disabled."""
    return _switch("PAYOBS_LLM_ENABLED")


def llm_auto_activate() -> bool:
    """Whether a validated LLM mapping is applied at once (``PAYOBS_LLM_AUTO_ACTIVATE``, default on) or waits
    for `payobs mappings approve`."""
    return _text("PAYOBS_LLM_AUTO_ACTIVATE").lower() not in ("0", "false", "no", "off")


def llm_price_overrides() -> tuple[str | None, str | None]:
    """(``PAYOBS_LLM_PRICE_INPUT_PER_MTOK``, ``PAYOBS_LLM_PRICE_OUTPUT_PER_MTOK``) as given, None when unset."""
    return (os.environ.get("PAYOBS_LLM_PRICE_INPUT_PER_MTOK") or None,
            os.environ.get("PAYOBS_LLM_PRICE_OUTPUT_PER_MTOK") or None)


# --- provider health and alerts ----------------------------------------------------------------------------


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


def psycopg2_url(url: str) -> str:
    """Dagster's storage URL, always with the psycopg2 driver dagster-postgres needs.

    With SQLAlchemy 2.1 a plain ``postgresql://`` URL selects psycopg 3, on which
    dagster-postgres fails (``NOTIFY run_events, $1``), so the driver is spelled out.
    """
    return re.sub(r"^postgres(ql)?(\+\w+)?://", "postgresql+psycopg2://", url, count=1)


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
