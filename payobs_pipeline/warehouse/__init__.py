"""The warehouse: its schema (Alembic migrations) and bulk reads and writes."""
