"""The 12-hour windows the pipeline works in (contract: keys like ``2026-11-27-00:00``, UTC).

A plain value type, apart from Dagster: settings validates PAYOBS_FIRST_WINDOW with it, the warehouse and the CLI
name windows with it, and assets/partitions.py builds the Dagster partition set on it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

WINDOW_CRON = "0 0,12 * * *"
WINDOW_KEY_FORMAT = "%Y-%m-%d-%H:%M"
WINDOW_LENGTH = timedelta(hours=12)


@dataclass(frozen=True, slots=True)
class Window:
    """One partition: lake rows with ``start <= created_at < end``."""

    partition_key: str
    start: datetime
    end: datetime

    @classmethod
    def from_key(cls, partition_key: str) -> Window:
        start = datetime.strptime(partition_key, WINDOW_KEY_FORMAT).replace(tzinfo=timezone.utc)
        if start.minute or start.hour not in (0, 12):
            raise ValueError(f"{partition_key!r} is not a window key (windows start at 00:00 and 12:00 UTC)")
        return cls(partition_key, start, start + WINDOW_LENGTH)

    @classmethod
    def containing(cls, moment: datetime) -> Window:
        moment = moment.astimezone(timezone.utc)
        start = moment.replace(hour=0 if moment.hour < 12 else 12, minute=0, second=0, microsecond=0)
        return cls(start.strftime(WINDOW_KEY_FORMAT), start, start + WINDOW_LENGTH)
