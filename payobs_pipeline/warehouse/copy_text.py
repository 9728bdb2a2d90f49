"""PostgreSQL's COPY text format, read and written in pure Python, without a connection.

The stages hand rows to worker processes as the bytes COPY TO sends (one line per row) and get back the
bytes COPY FROM takes: the process that holds the connections only moves bytes, and the per-row work —
including this decoding and encoding — runs on every core. Values travel as their text representation:
identifiers, timestamps and JSON pass through untouched; a stage converts only what it reads.

The format (PostgreSQL documentation, "COPY", File Formats, Text Format): columns separated by a tab, rows
ended by a newline, NULL written ``\\N``, and a backslash escaping itself, the tab, the newline, the
carriage return and the other control characters ``\\b \\f \\v`` (COPY TO writes only those escapes;
COPY FROM also reads octal and hexadecimal ones, which this reader accepts too). An array column is an array
literal (``{"a","b"}``) inside that format.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

NULL = "\\N"

_ESCAPED = re.compile(r"\\(?:([0-7]{1,3})|x([0-9a-fA-F]{1,2})|(.))", re.DOTALL)
_SIMPLE = {"b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}
_NEEDS_ESCAPE = re.compile(r"[\\\t\n\r]")
_ESCAPE = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _unescape_match(match: re.Match) -> str:
    octal, hexa, char = match.groups()
    if octal is not None:
        return chr(int(octal, 8))
    if hexa is not None:
        return chr(int(hexa, 16))
    return _SIMPLE.get(char, char)


def read_row(line: bytes) -> list[str | None]:
    """One row of COPY TO text output (with or without its newline) as text values, NULL as None."""
    text = line.decode("utf-8")
    if text.endswith("\n"):
        text = text[:-1]
    if "\\" not in text:  # no NULL and no escape in the whole row: the fields as they are
        return text.split("\t")
    return [field if "\\" not in field else None if field == NULL else _ESCAPED.sub(_unescape_match, field)
            for field in text.split("\t")]


def _text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, (int, float, Decimal)):
        return str(value)
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return _array_literal(value)
    return str(value)  # a UUID, for example


def _array_literal(items: Sequence) -> str:
    """A one-dimensional array literal; every element quoted (so commas, braces and blanks are safe)."""
    parts = []
    for item in items:
        if item is None:
            parts.append("NULL")
        else:
            element = _text(item).replace("\\", "\\\\").replace('"', '\\"')
            parts.append(f'"{element}"')
    return "{" + ",".join(parts) + "}"


def write_value(value: Any) -> str:
    """One value as a COPY FROM text field."""
    if value is None:
        return NULL
    text = _text(value)
    if _NEEDS_ESCAPE.search(text):
        return _NEEDS_ESCAPE.sub(lambda m: _ESCAPE[m.group()], text)
    return text


def write_rows(rows: Iterable[Sequence[Any]]) -> bytes:
    """Rows as one block of COPY FROM text input (:func:`write_value` of each value, inlined: this runs for every
    value of every row a stage writes)."""
    search, escape, text_of = _NEEDS_ESCAPE.search, _escape_all, _text
    lines = []
    for row in rows:
        fields = []
        for value in row:
            if value is None:
                fields.append(NULL)
                continue
            text = value if type(value) is str else text_of(value)
            fields.append(escape(text) if search(text) else text)
        lines.append("\t".join(fields))
    if not lines:
        return b""
    lines.append("")
    return "\n".join(lines).encode("utf-8")


def _escape_all(text: str) -> str:
    return _NEEDS_ESCAPE.sub(lambda m: _ESCAPE[m.group()], text)
