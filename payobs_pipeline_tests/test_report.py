"""The HTML report: self-contained, and its charts render in a real browser (headless Chromium).

The warehouse is the hand-seeded one of test_views.py (two providers, four windows, one alert for adyen in
the third window). The page is opened by the Debian ``chromium`` package: ``--dump-dom`` gives the DOM it
built, ``--screenshot`` the pixels, decoded here with zlib (PNG) and searched for the series' colours.
Without chromium the browser tests are skipped, except in CI (``CI`` set), where they must run.
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import zlib
from datetime import datetime, timezone
from pathlib import Path

import psycopg
import pytest

from payobs_pipeline.report import build_report
from payobs_pipeline.report.charts import (
    ALERT_COLOR, FAILURE_BAR_COLOR, MONEY_BAR_COLOR, PALETTE, Series, bar_chart, line_chart,
)
from payobs_pipeline_tests.test_views import W1, W2, W3, W4, seed_analyst_warehouse

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_browser = pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("CI"),
    reason="chromium is not installed (apt-get install -y chromium); required when CI is set",
)


@pytest.fixture
def page(warehouse_url) -> str:
    seed_analyst_warehouse(warehouse_url)
    with psycopg.connect(warehouse_url) as conn:
        conn.execute("SET search_path TO payobs")
        return build_report(conn, W1, W4, generated_at=datetime(2026, 11, 30, 12, tzinfo=timezone.utc))


def _series_paths(html: str) -> dict[str, str]:
    return dict(re.findall(r"<path class=.series. data-series=.([^'\"]+). data-points=.\d+. d=.([^'\"]*).", html))


def test_the_page_is_self_contained(page):
    # No script, no external stylesheet, image or font: nothing to fetch, works offline.
    assert "<script" not in page.lower()
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", page, flags=re.I)
    assert "<link" not in page.lower() and "@import" not in page and "url(" not in page
    assert page.count("<svg") >= 4  # approval, failure reasons, declined USD by reason and by provider


def test_the_approval_chart_has_a_line_per_provider_and_the_alert_marked(page):
    paths = _series_paths(page)
    assert set(paths) == {"stripe", "adyen"}
    # stripe has attempts in all four windows, adyen in W1 and W3 only: a gap, so two separate moves.
    assert len(re.findall(r"[ML]", paths["stripe"])) == 4
    assert paths["adyen"].count("M") == 2 and "L" not in paths["adyen"]
    markers = re.findall(r"class='alert-marker' data-series='([^']+)' data-x='([^']+)'", page)
    assert markers == [("adyen", W3)]


def test_the_tables_show_the_alert_reasons_and_quality(page):
    alerts = page.split("id='alerts'", 1)[1].split("</section>", 1)[0]
    assert "adyen" in alerts and "SUSPECTED_FRAUD" in alerts and "50.00%" in alerts and "90.00%" in alerts
    reasons = page.split("id='reasons'", 1)[1].split("</section>", 1)[0]
    # Over W1..W4: GENERIC_DECLINE 3 + 20 + 19 = 42, INSUFFICIENT_FUNDS 25, SUSPECTED_FRAUD 20, PROCESSING_ERROR 2
    bars = re.findall(r"class='bar' data-label='([^']+)' data-value='([^']+)'", reasons)
    assert bars == [("GENERIC_DECLINE", "42"), ("INSUFFICIENT_FUNDS", "25"), ("SUSPECTED_FRAUD", "20"),
                    ("PROCESSING_ERROR", "2")]
    declined = page.split("id='declined'", 1)[1].split("</section>", 1)[0]
    money = re.findall(r"class='bar' data-label='([^']+)' data-value='([^']+)'", declined)
    # by reason, DECLINED only: fraud 1000, generic 30 + 400 + 190 = 620, funds 250; then by provider
    # (approval_metrics.declined_amount_usd): stripe 10 + 20 + 160 + 180 + 430 = 800, adyen 50 + 1000 = 1050
    assert money == [("SUSPECTED_FRAUD", "1000.0"), ("GENERIC_DECLINE", "620.0"), ("INSUFFICIENT_FUNDS", "250.0"),
                     ("adyen", "1050.0"), ("stripe", "800.0")]
    quality = page.split("id='quality'", 1)[1].split("</section>", 1)[0]
    assert W3 in quality and "3,000" in quality and "NO_MAPPING 30" in quality
    assert W2 not in quality  # no quality row for it


def test_line_chart_draws_gaps_and_only_marked_points():
    svg = line_chart(["a", "b", "c"], [Series("x", [0.5, None, 0.7], marked={2}), Series("y", [0.9, 0.8, 0.6])],
                     y_min=0.0, y_max=1.0)
    paths = _series_paths(svg)
    assert paths["x"].count("M") == 2 and "L" not in paths["x"]
    assert paths["y"].startswith("M") and paths["y"].count("L") == 2
    assert svg.count("class='alert-marker'") == 1
    assert bar_chart(["p"], [3.0]).count("class='bar'") == 1


# --- in the browser ------------------------------------------------------------------------------------


def _chromium(tmp_path: Path, *arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [CHROMIUM or "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
         f"--user-data-dir={tmp_path / 'profile'}", *arguments],
        capture_output=True, text=True, timeout=120,
    )


def _png_pixels(path: Path) -> tuple[int, int, bytes, int]:
    """Width, height, unfiltered rows and bytes per pixel of an 8-bit, non-interlaced RGB(A) PNG."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, idat, header = 8, b"", None
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        chunk = data[position + 8:position + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat += chunk
        position += 12 + length
    width, height, depth, color_type, _, _, interlace = header
    assert depth == 8 and color_type in (2, 6) and interlace == 0
    bpp = 3 if color_type == 2 else 4
    raw, stride = zlib.decompress(idat), width * bpp
    out, previous = bytearray(), bytearray(stride)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - bpp] if i >= bpp else 0
            up, corner = previous[i], previous[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + ((left + up) >> 1)) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 0xFF
        out += line
        previous = line
    return width, height, bytes(out), bpp


def _count_color(pixels: bytes, bpp: int, hex_color: str, tolerance: int = 8) -> int:
    """How many pixels are within ``tolerance`` of the colour in each of R, G and B."""
    import numpy as np

    rgb = np.frombuffer(pixels, dtype=np.uint8).reshape(-1, bpp)[:, :3].astype(np.int16)
    target = np.frombuffer(bytes.fromhex(hex_color.lstrip("#")), dtype=np.uint8).astype(np.int16)
    return int((np.abs(rgb - target) <= tolerance).all(axis=1).sum())


@needs_browser
def test_chromium_renders_the_charts(page, tmp_path):
    report = tmp_path / "report.html"
    report.write_text(page, encoding="utf-8")

    dumped = _chromium(tmp_path, "--dump-dom", report.as_uri())
    assert dumped.returncode == 0, dumped.stderr[-2000:]
    dom = dumped.stdout
    assert len(re.findall(r"<svg[^>]*class=\"chart", dom)) >= 4  # the browser parsed the inline SVG
    assert set(re.findall(r"<path class=\"series\" data-series=\"([^\"]+)\"", dom)) == {"stripe", "adyen"}
    assert len(re.findall(r"class=\"alert-marker\"", dom)) == 1

    shot = tmp_path / "report.png"
    taken = _chromium(tmp_path, f"--screenshot={shot}", "--window-size=1280,2000", report.as_uri())
    assert taken.returncode == 0 and shot.exists(), taken.stderr[-2000:]
    width, height, pixels, bpp = _png_pixels(shot)
    assert (width, height) == (1280, 2000)
    # The page is not blank: the series' colours (only lines, points and legend have them; stripe is drawn
    # first, as a line over four windows, adyen second, as two points), the alert ring and the bars are there.
    assert _count_color(pixels, bpp, PALETTE[0]) > 600
    assert _count_color(pixels, bpp, PALETTE[1]) > 150
    assert _count_color(pixels, bpp, PALETTE[2]) == 0  # no third provider
    assert _count_color(pixels, bpp, ALERT_COLOR) > 30
    assert _count_color(pixels, bpp, FAILURE_BAR_COLOR) > 1000
    assert _count_color(pixels, bpp, MONEY_BAR_COLOR) > 1000


# --- the window's table in Dagster's materialization metadata -------------------------------------------


def _stripe_charge(charge_id: str, status: str, at: datetime) -> dict:
    """A Stripe Charge as the API returns it (docs.stripe.com/api/charges/object), 10.00 USD."""
    failed = status == "failed"
    return {"id": charge_id, "object": "charge", "amount": 1000, "currency": "usd", "status": status,
            "created": int(at.timestamp()), "paid": not failed, "captured": not failed,
            "payment_intent": "pi_" + charge_id, "payment_method_details": {"type": "card"},
            **({"failure_code": "card_declined",
                "outcome": {"type": "issuer_declined", "reason": "insufficient_funds"}} if failed else {})}


def test_approval_metrics_materialization_shows_approval_by_provider(lake_url, warehouse_url):
    import json
    import uuid
    from datetime import timedelta

    import dagster as dg

    from payobs_pipeline.windows import Window
    from payobs_pipeline.definitions import PIPELINE
    from payobs_pipeline.synthetic.seed import ensure_lake_table
    from payobs_pipeline.resources.lake import LakeDatabase
    from payobs_pipeline.resources.warehouse import WarehouseDatabase

    window = Window.from_key("2026-11-20-00:00")
    at = window.start + timedelta(hours=2)
    # Three approved charges and one declined: 3 / 4 = 75.00 %, 10.00 USD declined.
    charges = [_stripe_charge(f"ch_{n}", "succeeded", at) for n in range(3)] + [_stripe_charge("ch_x", "failed", at)]
    with psycopg.connect(lake_url) as conn:
        ensure_lake_table(conn)
        for n, charge in enumerate(charges):
            conn.execute("INSERT INTO raw_transactions (id, data, merchant, created_at) VALUES (%s, %s, %s, %s)",
                         (uuid.uuid4(), json.dumps(charge), json.dumps({"id": "m1", "country": "US"}),
                          at + timedelta(minutes=n)))
    resources = {"lake": LakeDatabase(url=lake_url), "warehouse": WarehouseDatabase(url=warehouse_url)}
    result = dg.materialize(PIPELINE, partition_key=window.partition_key, resources=resources)
    assert result.success
    metadata = next(e.event_specific_data.materialization.metadata for e in result.get_asset_materialization_events()
                    if e.event_specific_data.materialization.asset_key.to_user_string() == "approval_metrics")
    table = metadata["approval_by_provider"]
    assert isinstance(table, dg.MarkdownMetadataValue)
    lines = table.value.splitlines()
    assert "| stripe | 4 | 3 | 75.00% | $10.00 |" in lines
    assert "| **all** | 4 | 3 | 75.00% | $10.00 |" in lines
