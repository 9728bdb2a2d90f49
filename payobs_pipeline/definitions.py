"""The one place the pipeline is assembled: assets, checks, resources, schedules and sensors."""

import dagster as dg

from payobs_pipeline import settings
from payobs_pipeline.assets.checks import events_are_valid, snapshot_matches_lake, window_conserves_lake_rows
from payobs_pipeline.assets.events import normalized_events
from payobs_pipeline.assets.health import provider_health, provider_health_has_no_alerts
from payobs_pipeline.assets.lake_batch import raw_lake_batch
from payobs_pipeline.assets.learned_mappings import learned_mappings
from payobs_pipeline.assets.lifecycle import payment_lifecycle
from payobs_pipeline.assets.metrics import (
    approval_metrics, failure_reason_country_metrics, failure_reason_metrics, payment_metrics,
)
from payobs_pipeline.assets.payloads import parsed_payloads
from payobs_pipeline.assets.quality import pipeline_quality, unprocessed_share_is_stable
from payobs_pipeline.automation.alerts import alert_webhook_sensor
from payobs_pipeline.automation.schedules import window_job, window_schedule
from payobs_pipeline.automation.sensors import late_arrival_sensor, unprocessed_retry_sensor
from payobs_pipeline.resources.lake import LakeDatabase
from payobs_pipeline.resources.warehouse import WarehouseDatabase

ASSETS = [
    raw_lake_batch, parsed_payloads, learned_mappings, normalized_events, payment_lifecycle,
    approval_metrics, payment_metrics, failure_reason_metrics, failure_reason_country_metrics, pipeline_quality,
    provider_health,
]
ASSET_CHECKS = [
    snapshot_matches_lake, window_conserves_lake_rows, events_are_valid, unprocessed_share_is_stable,
    provider_health_has_no_alerts,
]
# What one in-process run materializes: the assets and their checks.
PIPELINE = [*ASSETS, *ASSET_CHECKS]


def default_resources() -> dict:
    """Resources configured from the environment. Loading these definitions starts nothing: each resource
    resolves its URL when a run starts (resources/connection.py), and only then, for a database whose URL is
    not configured, is the embedded server started (embedded_postgres.resolve_url)."""
    return {"lake": LakeDatabase(), "warehouse": WarehouseDatabase()}


def pipeline_executor() -> dg.ExecutorDefinition | None:
    """The executor every job uses: Dagster's default (None), or with ``PAYOBS_EXECUTOR=k8s`` dagster-k8s's
    k8s_job_executor, which runs each step of a run in its own pod. dagster-k8s is the optional ``k8s`` extra,
    so it is imported only when selected: the base install loads these definitions without it."""
    if settings.executor() != settings.K8S_EXECUTOR:
        return None
    from dagster_k8s import k8s_job_executor

    return k8s_job_executor


defs = dg.Definitions(
    assets=ASSETS,
    asset_checks=ASSET_CHECKS,
    jobs=[window_job],
    schedules=[window_schedule],
    sensors=[unprocessed_retry_sensor, late_arrival_sensor, alert_webhook_sensor],
    resources=default_resources(),
    executor=pipeline_executor(),
)
