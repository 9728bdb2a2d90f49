"""The Dagster partition set of the 12-hour windows (payobs_pipeline/windows.py) every asset is partitioned by."""

from __future__ import annotations

from typing import Any

import dagster as dg

from payobs_pipeline import settings
from payobs_pipeline.windows import WINDOW_CRON, WINDOW_KEY_FORMAT, Window

# A backfill runs ranges of up to this many windows per run (default: a week),
# each asset looping over the run's windows; memory stays per-window (PAYOBS_BACKFILL_WINDOWS_PER_RUN).
WINDOWS_PER_BACKFILL_RUN = settings.backfill_windows_per_run()
backfill_policy = dg.BackfillPolicy.multi_run(max_partitions_per_run=WINDOWS_PER_BACKFILL_RUN)


# The partition set starts at PAYOBS_FIRST_WINDOW (settings.first_window: a fixed default, so every process of
# a deployment agrees; README, "Configuration").
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
