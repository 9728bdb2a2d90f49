"""Twice a day, materialize the 12-hour window that just closed."""

import dagster as dg

from payobs_pipeline.assets.partitions import window_partitions

window_job = dg.define_asset_job(
    "payobs_window_job",
    selection=dg.AssetSelection.groups("payobs"),
    partitions_def=window_partitions,
    description="Lake batch → parsed payloads → normalized events → failure metrics, for one window.",
)

# Built from the partitioned job: each tick runs the partition whose window just ended. Running by default,
# like the sensors: a daemon that starts (`payobs dev`, a deployment) materializes each window as it closes.
window_schedule = dg.build_schedule_from_partitioned_job(
    window_job, name="payobs_every_12_hours", default_status=dg.DefaultScheduleStatus.RUNNING,
)
