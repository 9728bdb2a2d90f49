"""The 12-hour windows the generator spreads rows over, and the lag between a payload and its lake write."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone


WINDOW = timedelta(hours=12)

WINDOW_MICROSECONDS = 12 * 3600 * 1_000_000

MINUTE_MICROSECONDS = 60 * 1_000_000

WRITE_LAGS = tuple(timedelta(seconds=k) for k in range(120))  # payload time precedes the lake write


def window_key(moment: datetime) -> str:
    """The 12-hour UTC window of a moment, keyed like the pipeline's partitions (``2026-11-27-00:00``)."""
    moment = moment.astimezone(timezone.utc)
    return moment.replace(hour=0 if moment.hour < 12 else 12, minute=0, second=0, microsecond=0).strftime(
        "%Y-%m-%d-%H:%M")
