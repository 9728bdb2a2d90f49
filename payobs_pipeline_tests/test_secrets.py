"""Secrets stay secret: database passwords and API keys appear in no output, error, log or metadata.

The databases are reached as a PostgreSQL role with a password, given in the URLs (URL userinfo, a
``password=`` query parameter, the SQLAlchemy driver form); an OpenAI key and an LLM base URL with
credentials are set. ``payobs doctor`` (reachable, unreachable and malformed URLs) and ``payobs
materialize`` (a successful and a failing run) run as an operator runs them, and their stdout/stderr,
every row of Dagster's storage (event log, runs, metadata), the warehouse, and every file under
PAYOBS_HOME (compute logs) are searched for the secrets.
"""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest
from psycopg import errors, sql

from payobs_pipeline import settings

ROOT = Path(__file__).resolve().parents[1]
PAYOBS = str(Path(sys.executable).with_name("payobs"))

ROLE, PASSWORD = "payobs_secret", "S3cr3t-pw-XYZ"
API_KEY = "sk-test-FAKEKEY123"
LLM_BASE_PASSWORD = "BaseUrl-pw-777"
SECRETS = (PASSWORD, API_KEY, LLM_BASE_PASSWORD)


def with_credentials(server_url: str, database: str, user: str = ROLE, password: str = PASSWORD) -> str:
    """The server's URL for ``database``, logged in as ``user`` with ``password`` in the URL's userinfo."""
    parts = urlsplit(server_url)
    host = parts.netloc.rpartition("@")[2]
    return urlunsplit((parts.scheme, f"{user}:{password}@{host}", f"/{database}", parts.query, ""))


@pytest.fixture
def secret_databases(postgres_server_url) -> dict[str, str]:
    """Lake, warehouse and Dagster databases owned by a role that logs in with a password."""
    with psycopg.connect(postgres_server_url, autocommit=True) as admin:
        try:
            admin.execute(sql.SQL("CREATE ROLE {} LOGIN PASSWORD {} CREATEDB").format(
                sql.Identifier(ROLE), sql.Literal(PASSWORD)))
        except errors.DuplicateObject:
            admin.execute(sql.SQL("ALTER ROLE {} LOGIN PASSWORD {} CREATEDB").format(
                sql.Identifier(ROLE), sql.Literal(PASSWORD)))
    names = {label: f"t_secret_{label}_{os.getpid()}_{uuid.uuid4().hex[:6]}" for label in ("lake", "wh", "dagster")}
    with psycopg.connect(with_credentials(postgres_server_url, "postgres"), autocommit=True) as conn:
        for name in names.values():
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    yield {label: with_credentials(postgres_server_url, name) for label, name in names.items()}
    with psycopg.connect(postgres_server_url, autocommit=True) as admin:
        for name in names.values():
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


@pytest.fixture
def environment(secret_databases, tmp_path) -> dict:
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith(("PAYOBS_", "DAGSTER_", "OPENAI_"))},
        "PAYOBS_LAKE_URL": secret_databases["lake"],
        "PAYOBS_WAREHOUSE_URL": secret_databases["wh"].replace("postgresql://", "postgresql+psycopg://", 1),
        "PAYOBS_DAGSTER_PG_URL": secret_databases["dagster"],
        "PAYOBS_HOME": str(tmp_path / "home"),
        "OPENAI_API_KEY": API_KEY,
        "PAYOBS_LLM_BASE_URL": f"https://llm-user:{LLM_BASE_PASSWORD}@llm.example.com/v1",
    }


def payobs(environment: dict, *arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run([PAYOBS, *arguments], cwd=ROOT, env=environment, capture_output=True, text=True,
                          timeout=600)


def assert_no_secret(where: str, text: str) -> None:
    for secret in SECRETS:
        assert secret not in text, f"{secret!r} in {where}:\n{text}"


def database_text(url: str) -> str:
    """Every row of every table of the database, cast to text."""
    with psycopg.connect(settings.libpq_url(url)) as conn:
        tables = conn.execute(
            "SELECT table_schema, table_name FROM information_schema.tables "
            "WHERE table_schema NOT IN ('pg_catalog', 'information_schema')").fetchall()
        return "\n".join(
            row for schema, table in tables
            for (row,) in conn.execute(sql.SQL("SELECT t::text FROM {} t").format(sql.Identifier(schema, table)))
        )


def test_the_role_logs_in_with_its_password(secret_databases):
    with psycopg.connect(secret_databases["lake"]) as conn:
        assert conn.execute("SELECT current_user").fetchone()[0] == ROLE


def test_doctor_on_reachable_databases_shows_no_secret(environment):
    seeded = payobs(environment, "lake", "seed", "--rows", "20", "--start", "2026-11-01T00:00:00Z")
    assert seeded.returncode == 0, seeded.stderr
    assert_no_secret("lake seed output", seeded.stdout + seeded.stderr)
    doctor = payobs(environment, "doctor")
    assert doctor.returncode == 0, doctor.stdout + doctor.stderr
    assert f"{ROLE}:***@" in doctor.stdout  # where the database is stays visible, the password does not
    assert "configured: model" in doctor.stdout  # the key is set, and its value is not shown
    assert_no_secret("doctor output", doctor.stdout + doctor.stderr)


@pytest.mark.parametrize("lake_url", [
    f"postgresql://{ROLE}:{PASSWORD}@127.0.0.1:1/none",                                # unreachable
    f"postgresql://{ROLE}:{PASSWORD}@[bad/none",                                       # malformed (libpq quotes it)
    f"postgresql:///none?host=127.0.0.1&port=1&user={ROLE}&password={PASSWORD}",       # password as a parameter
    f"postgresql+psycopg2://{ROLE}:{PASSWORD}@127.0.0.1:notaport/none",                # bad port, SQLAlchemy form
], ids=["unreachable", "malformed", "password_parameter", "bad_port"])
def test_doctor_on_a_broken_lake_url_shows_no_secret(environment, lake_url):
    doctor = payobs({**environment, "PAYOBS_LAKE_URL": lake_url}, "doctor")
    assert doctor.returncode == 1
    assert "FAIL  lake database" in doctor.stdout
    assert_no_secret("doctor output", doctor.stdout + doctor.stderr)


def test_doctor_on_a_broken_warehouse_and_dagster_url_shows_no_secret(environment):
    broken = {**environment,
              "PAYOBS_WAREHOUSE_URL": f"postgresql://{ROLE}:{PASSWORD}@[bad/none",
              "PAYOBS_DAGSTER_PG_URL": f"postgresql://{ROLE}:{PASSWORD}@127.0.0.1:1/none"}
    doctor = payobs(broken, "doctor")
    assert doctor.returncode == 1
    assert "FAIL  warehouse database" in doctor.stdout and "FAIL  dagster storage" in doctor.stdout
    assert_no_secret("doctor output", doctor.stdout + doctor.stderr)


def test_materialize_shows_no_secret_in_output_event_log_metadata_or_files(environment, secret_databases):
    seeded = payobs(environment, "lake", "seed", "--rows", "300", "--start", "2026-11-01T00:00:00Z",
                    "--windows", "1", "--seed", "4")
    assert seeded.returncode == 0, seeded.stderr
    run = payobs(environment, "materialize", "--partition", "2026-11-01-00:00")
    assert run.returncode == 0, run.stderr
    assert_no_secret("materialize output", run.stdout + run.stderr)

    # A failing run: the warehouse is unreachable (the run is recorded in Dagster's storage, which is not).
    unreachable = f"postgresql://{ROLE}:{PASSWORD}@127.0.0.1:1/none"
    failed = payobs({**environment, "PAYOBS_WAREHOUSE_URL": unreachable}, "materialize", "--partition",
                    "2026-11-01-00:00")
    assert failed.returncode != 0
    assert_no_secret("failed materialize output", failed.stdout + failed.stderr)

    # A malformed lake URL, which libpq quotes whole in its error.
    malformed = f"postgresql://{ROLE}:{PASSWORD}@[bad/none"
    refused = payobs({**environment, "PAYOBS_LAKE_URL": malformed}, "materialize", "--partition",
                     "2026-11-01-00:00")
    assert refused.returncode != 0
    assert_no_secret("materialize output with a malformed lake URL", refused.stdout + refused.stderr)

    dagster = database_text(secret_databases["dagster"])
    # Both runs are there: the materializations (with their metadata) and the failure (with its error).
    assert "ASSET_MATERIALIZATION" in dagster and "RESOURCE_INIT_FAILURE" in dagster
    assert_no_secret("Dagster's storage (event log, runs, metadata)", dagster)
    assert_no_secret("the warehouse", database_text(secret_databases["wh"]))
    home = Path(environment["PAYOBS_HOME"])
    files = [path for path in home.rglob("*") if path.is_file()]
    assert any("compute_logs" in str(path) for path in files), files
    for path in files:
        assert_no_secret(str(path), path.read_bytes().decode("utf-8", "replace"))


def test_redact_and_scrub_cover_each_way_of_writing_a_password(monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", API_KEY)
    monkeypatch.setenv("PAYOBS_LAKE_URL", f"postgresql://{ROLE}:S3cr3t%2Dpw%2DXYZ@db.example/lake")
    text = (f"postgresql+psycopg://{ROLE}:{PASSWORD}@h/db | postgresql:///db?user=u&password={PASSWORD}&x=1 | "
            f"host=h password={PASSWORD} dbname=d | password='{PASSWORD}' | key {API_KEY} | bare {PASSWORD}")
    scrubbed = settings.scrub(text)
    assert_no_secret("scrubbed text", scrubbed)
    assert f"{ROLE}:***@h/db" in scrubbed and "user=u&password=***&x=1" in scrubbed
    assert PASSWORD in settings.redact(f"bare {PASSWORD}")  # redact knows URLs; scrub also knows the values
    with pytest.raises(ValueError) as caught:
        settings.libpq_url(f"postgresql://{ROLE}:{PASSWORD}@[bad/none")
    assert PASSWORD not in str(caught.value) and caught.value.__cause__ is None and caught.value.__suppress_context__
