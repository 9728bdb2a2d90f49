"""The events_are_valid check's row work: stored values scanned for card numbers by the masking rules.

The check streams the rows its SQL pre-filter keeps (warehouse/events.py rows_matching_lines) through the
stages' worker processes (workers.py), so the Luhn scan runs on every core while PostgreSQL reads the next rows.
"""

from __future__ import annotations

from dataclasses import dataclass

from payobs_pipeline.normalization.pii import contains_card_number
from payobs_pipeline.stages.workers import ChunkResult
from payobs_pipeline.warehouse.copy_text import read_row


@dataclass(frozen=True)
class CardScanContext:
    """One stage table's scan: the columns read after (lake_id, partition_key), each with its reference key."""

    columns: tuple[tuple[str, str | None], ...]


def card_scan_chunk(context: CardScanContext, lines: list[bytes]) -> ChunkResult:
    """Rows of :func:`events.rows_matching_lines` -> ``records``: (lake_id, partition_key, the columns holding a
    card number) of each row holding one, in order; ``rows`` counts them."""
    records = []
    for line in lines:
        lake_id, partition_key, *values = read_row(line)
        found = [column for (column, key), value in zip(context.columns, values)
                 if value is not None and contains_card_number(value, key=key)]
        if found:
            records.append((lake_id, partition_key, found))
    return ChunkResult(b"", len(records), records=records)
