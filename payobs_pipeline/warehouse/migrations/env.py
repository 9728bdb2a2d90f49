"""Alembic environment: runs on the connection and schema that ``warehouse.migrate`` hands it."""

from alembic import context
from sqlalchemy import text

config = context.config
connection = config.attributes["connection"]
schema = config.attributes["schema"]

connection.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{schema}"'))
connection.execute(text(f'SET search_path TO "{schema}", public'))
context.configure(connection=connection, version_table_schema=schema, transaction_per_migration=False)
with context.begin_transaction():
    context.run_migrations()
