"""The COPY text codec the stages' workers use, against PostgreSQL itself: what write_rows writes, COPY FROM
reads back as the same values; what COPY TO sends, read_row reads as psycopg's own text values."""

from __future__ import annotations

from datetime import datetime, timezone
from decimal import Decimal

import json

import psycopg
import pytest

from payobs_pipeline.warehouse.copy_text import read_row, write_rows

pytestmark = pytest.mark.database

TRICKY_TEXT = [
    "plain", "", "tab\there", "new\nline", "carriage\rreturn", "back\\slash", "\\N", "\\.", 'quote"s',
    "{braces},commas", "unicode: café ✓ 日本", "\\x41 stays", "trailing backslash\\", "ctrl\b\f\v",
]
ROWS = [
    (text, json.dumps({"k": text}, ensure_ascii=False),
     [text, None, "b,c", '"q"', "{x}"], datetime(2026, 1, 5, 12, 30, 1, 250000, tzinfo=timezone.utc),
     Decimal("12.3400"), index % 2 == 0, index)
    for index, text in enumerate(TRICKY_TEXT)
] + [(None, None, None, None, None, None, None), ("empty array", "[]", [], None, Decimal("0"), False, -1)]


@pytest.fixture
def conn(warehouse_url):
    with psycopg.connect(warehouse_url) as connection:
        connection.execute(
            "CREATE TEMP TABLE codec (t text, j jsonb, a text[], ts timestamptz, n numeric, b boolean, i int)"
        )
        yield connection


def test_written_rows_read_back_as_the_same_values(conn):
    with conn.cursor() as cur, cur.copy("COPY codec FROM STDIN") as copy:
        copy.write(write_rows(ROWS))
    stored = conn.execute("SELECT t, j, a, ts, n, b, i FROM codec ORDER BY i NULLS FIRST").fetchall()
    expected = sorted(ROWS, key=lambda row: (row[6] is not None, row[6] if row[6] is not None else 0))
    assert [(t, a, ts, n, b, i) for t, _, a, ts, n, b, i in stored] == \
           [(t, a, ts, n, b, i) for t, _, a, ts, n, b, i in expected]

    assert [j for _, j, *_ in stored] == [json.loads(row[1]) if row[1] else None for row in expected]


def test_copy_to_lines_read_as_postgres_text(conn):
    with conn.cursor() as cur, cur.copy("COPY codec FROM STDIN") as copy:
        copy.write(write_rows(ROWS))
    query = "SELECT t, j::text, a::text, ts::text, n::text, b::text, i::text FROM codec ORDER BY i NULLS FIRST"
    as_text = [list(row) for row in conn.execute(query).fetchall()]
    with conn.cursor() as cur, cur.copy(f"COPY ({query}) TO STDOUT") as copy:
        lines = [bytes(line) for line in copy]
    assert [read_row(line) for line in lines] == as_text
