"""Post each new alert to a webhook (``PAYOBS_ALERT_WEBHOOK_URL``), once (docs/health.md, "Webhook").

Every tick takes the alerts not notified yet (``notified_at IS NULL``), oldest first, and for each one, in a
transaction of its own: locks its row (``FOR UPDATE SKIP LOCKED``: two evaluations at once never post the
same alert), posts it as JSON, and sets ``notified_at`` when the answer is 2xx, committing before the next
alert. Any other answer, a timeout or a refused connection leaves the alert to the next tick; a connection
that cannot be made at all ends the tick (the rest would fail the same way).

Delivery is at most once per alert but for two cases, both of one alert: a crash (or a lost database
connection) after the receiver answered 2xx and before ``notified_at`` was committed, and a timeout of a
POST the receiver did get, post that alert again on the next tick.
The ``Idempotency-Key`` header (and the payload's ``alert_key``) is the same each time, so a receiver can
drop the duplicate.
"""

import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field

import dagster as dg

from payobs_pipeline import settings
from payobs_pipeline.resources.warehouse import WarehouseDatabase
from payobs_pipeline.warehouse import health

TIMEOUT_SECONDS = 10
# Alerts posted per tick at most (the rest wait for the next tick, a minute later).
MAX_ALERTS_PER_TICK = 100


@dataclass
class Delivery:
    """What a tick did."""

    posted: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)  # alert_key -> why (HTTP status or error class)


def post_json(url: str, body: bytes, idempotency_key: str, timeout: float = TIMEOUT_SECONDS) -> int:
    """POST ``body``; returns the HTTP status (raises OSError when no answer came)."""
    request = urllib.request.Request(url, data=body, method="POST", headers={
        "Content-Type": "application/json", "User-Agent": "payobs-alerts", "Idempotency-Key": idempotency_key,
    })
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            return answer.status
    except urllib.error.HTTPError as error:  # an answer, just not a 2xx one
        error.close()
        return error.code


def deliver_alerts(warehouse: WarehouseDatabase, url: str, limit: int = MAX_ALERTS_PER_TICK) -> Delivery:
    """Post the alerts not notified yet; mark each one a 2xx answered."""
    delivery = Delivery()
    with warehouse.connection() as conn:
        keys = health.unnotified_alert_keys(conn, limit)
        conn.commit()
        for key in keys:
            alert = health.claim_unnotified(conn, key)
            if alert is None:  # notified, removed, or being posted elsewhere meanwhile
                conn.commit()
                continue
            try:
                status = post_json(url, health.payload_json(alert), key)
            except OSError as error:  # refused, unreachable, timed out: the others would fail the same way
                conn.rollback()
                delivery.failed[key] = type(error).__name__
                break
            if 200 <= status < 300:
                health.mark_notified(conn, key)
                delivery.posted.append(key)
            else:
                delivery.failed[key] = f"HTTP {status}"
            conn.commit()
    return delivery


@dg.sensor(minimum_interval_seconds=60, default_status=dg.DefaultSensorStatus.RUNNING)
def alert_webhook_sensor(context: dg.SensorEvaluationContext, warehouse: WarehouseDatabase):
    """Posts each new provider-health alert as JSON to PAYOBS_ALERT_WEBHOOK_URL, once; skips when it is unset."""
    url = settings.alert_webhook_url()
    if not url:
        return dg.SkipReason("PAYOBS_ALERT_WEBHOOK_URL is not set: alerts are not posted")
    if urllib.parse.urlsplit(url).scheme not in ("http", "https"):
        return dg.SkipReason("PAYOBS_ALERT_WEBHOOK_URL is not an http(s) URL: alerts are not posted")
    delivery = deliver_alerts(warehouse, url)
    if delivery.failed:
        context.log.warning(f"{len(delivery.failed)} alert(s) not delivered, retried next tick: "
                            f"{settings.scrub(str(delivery.failed))}")
    if not delivery.posted and not delivery.failed:
        return dg.SkipReason("no new alerts")
    return dg.SkipReason(f"posted {len(delivery.posted)} alert(s), {len(delivery.failed)} to retry")
