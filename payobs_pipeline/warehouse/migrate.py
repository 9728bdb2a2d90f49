"""Versioned warehouse migrations (Alembic), applied by the commands that need them."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from payobs_pipeline.settings import sqlalchemy_url

MIGRATIONS = Path(__file__).parent / "migrations"
# Any constant: serializes concurrent upgrades of one warehouse (parallel runs, tests).
_MIGRATION_LOCK = 7_301_442


def _config(connection: sa.Connection | None = None, schema: str | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    config.attributes["schema"] = schema
    return config


@cache
def head_revision() -> str:
    """The newest migration this code ships."""
    return ScriptDirectory.from_config(_config()).get_current_head()


def current_revision(url: str, schema: str) -> str | None:
    """The migration the warehouse is at, or None when it was never migrated."""
    engine = sa.create_engine(sqlalchemy_url(url), poolclass=sa.NullPool)
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"version_table_schema": schema})
            return context.get_current_revision()
    finally:
        engine.dispose()


def upgrade(url: str, schema: str) -> str:
    """Bring the warehouse schema to head; a no-op when it is there already. Returns the head."""
    if current_revision(url, schema) == head_revision():
        return head_revision()
    engine = sa.create_engine(sqlalchemy_url(url), poolclass=sa.NullPool)
    try:
        with engine.begin() as conn:
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
            command.upgrade(_config(conn, schema), "head")
    finally:
        engine.dispose()
    return head_revision()
