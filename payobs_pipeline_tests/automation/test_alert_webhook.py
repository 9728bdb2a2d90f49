"""alert_webhook_sensor against a real HTTP server on localhost: each new alert is posted once, a failed post
is retried on the next tick, and with no URL set the sensor skips and says why.

The alerts come from the provider_health asset run on the seeded incident of the asset test (three flagged
acme cells: the provider, its country BR and its payment method CARD).
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import dagster as dg
import psycopg
import pytest

from payobs_pipeline.automation.alerts import alert_webhook_sensor
from payobs_pipeline_tests.assets.test_provider_health import ALERT_KEYS, run_health, seed_incident


class Receiver:
    """A webhook endpoint: records each POST (headers and JSON body) and answers the next scripted status."""

    def __init__(self) -> None:
        self.received: list[dict] = []
        self.statuses: list[int] = []  # answers to give, in order; 200 once they run out
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 -- http.server's name
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.received.append({"path": self.path, "headers": dict(self.headers),
                                          "body": json.loads(body)})
                status = receiver.statuses.pop(0) if receiver.statuses else 200
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks/payobs"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def take(self) -> list[dict]:
        received, self.received = self.received, []
        return received


@pytest.fixture
def receiver():
    receiver = Receiver()
    receiver.thread.start()
    yield receiver
    receiver.server.shutdown()
    receiver.server.server_close()


@pytest.fixture
def alerted(warehouse_url):
    resources = seed_incident(warehouse_url)
    run_health(resources)
    return resources


def tick(resources) -> dg.SkipReason:
    with dg.build_sensor_context(resources=resources) as context:
        return alert_webhook_sensor(context)


def notified(warehouse_url: str) -> dict:
    with psycopg.connect(warehouse_url) as conn:
        conn.execute("SET search_path TO payobs")
        return dict(conn.execute("SELECT alert_key, notified_at FROM alerts").fetchall())


def test_without_a_url_the_sensor_skips_and_posts_nothing(alerted, receiver, warehouse_url, monkeypatch):
    monkeypatch.delenv("PAYOBS_ALERT_WEBHOOK_URL", raising=False)
    result = tick(alerted)
    assert isinstance(result, dg.SkipReason) and "PAYOBS_ALERT_WEBHOOK_URL is not set" in result.skip_message
    assert receiver.take() == []
    assert set(notified(warehouse_url).values()) == {None}


def test_each_new_alert_is_posted_once(alerted, receiver, warehouse_url, monkeypatch):
    monkeypatch.setenv("PAYOBS_ALERT_WEBHOOK_URL", receiver.url)
    first = tick(alerted)
    posts = receiver.take()
    assert len(posts) == 3 and "posted 3 alert(s)" in first.skip_message
    assert {p["body"]["alert_key"] for p in posts} == ALERT_KEYS
    assert all(p["path"] == "/hooks/payobs" and p["headers"]["Content-Type"] == "application/json" for p in posts)
    assert all(p["headers"]["Idempotency-Key"] == p["body"]["alert_key"] for p in posts)
    provider_alert = next(p["body"] for p in posts if p["body"]["dimension"] == "provider")
    assert provider_alert["provider"] == "acme" and provider_alert["attempts"] == 200
    assert provider_alert["approval_rate"] == pytest.approx(0.6)
    assert provider_alert["grown_reasons"][0]["failure_reason"] == "PROCESSING_ERROR"
    assert provider_alert["affected_merchants"][0] == {"merchant_id": "m1", "attempts": 100, "failed": 50}
    assert "acme" in provider_alert["text"] and "60.0%" in provider_alert["text"]
    assert all(at is not None for at in notified(warehouse_url).values())

    second = tick(alerted)
    assert receiver.take() == [] and "no new alerts" in second.skip_message
    # a rerun of the window rewrites the same alerts: they are not new, nothing is posted again
    run_health(alerted)
    tick(alerted)
    assert receiver.take() == []


def test_a_failed_post_leaves_the_alert_for_the_next_tick(alerted, receiver, warehouse_url, monkeypatch):
    monkeypatch.setenv("PAYOBS_ALERT_WEBHOOK_URL", receiver.url)
    receiver.statuses = [500]  # the first post fails, the two others succeed
    result = tick(alerted)
    posts = receiver.take()
    assert len(posts) == 3 and "posted 2 alert(s), 1 to retry" in result.skip_message
    failed_key = posts[0]["body"]["alert_key"]
    state = notified(warehouse_url)
    assert state[failed_key] is None
    assert all(at is not None for key, at in state.items() if key != failed_key)

    tick(alerted)
    assert [p["body"]["alert_key"] for p in receiver.take()] == [failed_key]
    assert notified(warehouse_url)[failed_key] is not None
    tick(alerted)
    assert receiver.take() == []


def test_an_unreachable_receiver_leaves_every_alert_unnotified(alerted, receiver, warehouse_url, monkeypatch):
    url = receiver.url
    receiver.server.shutdown()
    receiver.server.server_close()  # nothing listens on the port any more: connection refused
    monkeypatch.setenv("PAYOBS_ALERT_WEBHOOK_URL", url)
    result = tick(alerted)
    assert "posted 0 alert(s), 1 to retry" in result.skip_message  # the tick stops at the first refusal
    assert set(notified(warehouse_url).values()) == {None}
