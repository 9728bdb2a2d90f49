"""The 12-hour windows every asset is partitioned by (contract: keys like ``2026-11-27-00:00``, UTC)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

import dagster as dg

from payobs_pipeline import settings

WINDOW_CRON = "0 0,12 * * *"
WINDOW_KEY_FORMAT = "%Y-%m-%d-%H:%M"
WINDOW_LENGTH = timedelta(hours=12)
# A backfill runs ranges of up to this many windows per run (default: a week),
# each asset looping over the run's windows; memory stays per-window (PAYOBS_BACKFILL_WINDOWS_PER_RUN).
WINDOWS_PER_BACKFILL_RUN = settings.backfill_windows_per_run()
backfill_policy = dg.BackfillPolicy.multi_run(max_partitions_per_run=WINDOWS_PER_BACKFILL_RUN)


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


# The partition set starts at PAYOBS_FIRST_WINDOW (settings.first_window: a fixed default, so every process of
# a deployment agrees; README, "Configuration"). Defined after Window, which settings uses to validate it.
FIRST_WINDOW = settings.first_window()

window_partitions = dg.TimeWindowPartitionsDefinition(
    cron_schedule=WINDOW_CRON,
    start=FIRST_WINDOW,
    fmt=WINDOW_KEY_FORMAT,
    timezone="UTC",
)


def window_asset(**asset_args: Any) -> Any:
    """``dg.asset`` for a stage of the pipeline: partitioned by the 12-hour windows, backfilled
    WINDOWS_PER_BACKFILL_RUN windows a run, in the ``payobs`` group, on PostgreSQL unless ``kinds`` says more."""
    return dg.asset(partitions_def=window_partitions, backfill_policy=backfill_policy, group_name="payobs",
                    **{"kinds": {"postgres"}, **asset_args})


def windows_of(context: dg.AssetExecutionContext) -> list[Window]:
    """The windows a run materializes: one, or a range when a backfill runs several in one run."""
    return [Window.from_key(key) for key in context.partition_keys]

