"""``payobs report``: one self-contained HTML page of a range of windows (README, "The report").

Everything is inline (CSS, SVG charts drawn in Python by :mod:`payobs_pipeline.report.charts`): the page
needs no JavaScript and no network, so it can be mailed, archived or opened offline. It shows the approval
rate per provider over the windows with the alerts marked, the alerts, the top failure reasons, the declined
volume in USD by reason and by provider, the providers' totals and the pipeline's quality per window. The
figures come from :mod:`payobs_pipeline.warehouse.analyst`, the same queries as ``payobs metrics``.
"""

from __future__ import annotations

import math
from datetime import datetime, timezone
from html import escape

import psycopg

from payobs_pipeline.report.charts import (
    ALERT_COLOR, FAILURE_BAR_COLOR, MONEY_BAR_COLOR, Series, bar_chart, line_chart,
)
from payobs_pipeline.warehouse import analyst

# The approval chart draws the providers with the most attempts (and every provider with an alert);
# the providers table lists them all.
CHART_PROVIDERS = 8

CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; color: #222;
       background: #f6f7f9; }
main { max-width: 1180px; margin: 0 auto; padding: 24px 32px 48px; }
h1 { font-size: 26px; margin: 8px 0 4px; }
h2 { font-size: 18px; margin: 0 0 10px; }
h3 { font-size: 14px; color: #555; margin: 12px 0 4px; }
svg.chart { max-width: 100%; height: auto; display: block; }
.scroll { overflow-x: auto; }
p.meta { color: #666; margin: 0 0 18px; }
section { background: #fff; border: 1px solid #e2e4e8; border-radius: 8px; padding: 16px 20px; margin: 16px 0; }
.kpis { display: flex; gap: 12px; flex-wrap: wrap; }
.kpi { flex: 1 1 160px; background: #fff; border: 1px solid #e2e4e8; border-radius: 8px; padding: 12px 16px; }
.kpi .value { font-size: 24px; font-weight: 600; }
.kpi .label { color: #666; font-size: 13px; }
.kpi.alerting .value { color: {alert}; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { padding: 5px 8px; border-bottom: 1px solid #eceef1; text-align: right; white-space: nowrap; }
th { color: #555; font-weight: 600; background: #fafbfc; }
td.text, th.text { text-align: left; }
tr.total td { font-weight: 600; border-top: 2px solid #ccc; }
tr.flagged td { color: {alert}; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 6px; }
.note { color: #666; font-size: 12px; margin: 8px 0 0; }
.empty { color: #888; font-style: italic; }
""".replace("{alert}", ALERT_COLOR)


def _pct(value) -> str:
    return "—" if value is None else f"{float(value):.2%}"


def _usd(value) -> str:
    return "—" if value is None else f"${float(value):,.0f}"


def _int(value) -> str:
    return "—" if value is None else f"{int(value):,}"


def _sci(value) -> str:
    return "—" if value is None else f"{float(value):.2g}"


def _table(headers: list[tuple[str, str]], rows: list[list[str]], row_classes: list[str] | None = None,
           table_class: str = "") -> str:
    """headers: (title, 'text' or ''); cells are already escaped HTML."""
    head = "".join(f"<th class='{kind}'>{escape(title)}</th>" for title, kind in headers)
    body = []
    for index, row in enumerate(rows):
        css = f" class='{row_classes[index]}'" if row_classes and row_classes[index] else ""
        body.append(f"<tr{css}>" + "".join(f"<td class='{kind}'>{cell}</td>"
                                           for cell, (_, kind) in zip(row, headers)) + "</tr>")
    return (f"<div class='scroll'><table class='{table_class}'><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(body)}</tbody></table></div>")


def _approval_section(series: analyst.Table, alert_count: int) -> str:
    windows = sorted(set(series.column("window")))
    by_provider: dict[str, dict[str, tuple]] = {}
    for window, provider, attempts, _approved, rate, alerted in series.rows:
        by_provider.setdefault(provider, {})[window] = (rate, alerted, attempts)
    volume = {p: sum(v[2] or 0 for v in points.values()) for p, points in by_provider.items()}
    ranked = sorted(by_provider, key=lambda p: (-volume[p], p))
    chosen = [p for p in ranked[:CHART_PROVIDERS]]
    chosen += [p for p in ranked[CHART_PROVIDERS:] if any(v[1] for v in by_provider[p].values())]
    lines = []
    for provider in chosen:
        points = by_provider[provider]
        values = [points[w][0] if w in points and points[w][0] is not None else None for w in windows]
        marked = {i for i, w in enumerate(windows) if w in points and points[w][1]}
        lines.append(Series(provider, values, marked))
    rates = [v for line in lines for v in line.values if v is not None]
    low = max(0.0, math.floor((min(rates) - 0.05) * 10) / 10) if rates else 0.0  # room below the lowest
    chart = line_chart(windows, lines, y_min=low, y_max=1.0, title="Approval rate per provider and window")
    left_out = len(ranked) - len(chosen)
    note = (f"<p class='note'>The {len(chosen)} providers with the most attempts"
            + (f" (and every provider with an alert); {left_out} smaller providers are in the table below"
               if left_out else "")
            + ". Approval rate = approved / decided attempts of the window; a red ring marks a window with an "
              f"alert for the provider ({alert_count} alerts in the range).</p>")
    return f"<section id='approval'><h2>Approval rate over time</h2>{chart}{note}</section>"


def _alerts_section(alerts: analyst.Table) -> str:
    if not alerts.rows:
        return ("<section id='alerts'><h2>Alerts</h2><p class='empty'>No approval drop was flagged in these "
                "windows.</p></section>")
    rows = []
    for r in alerts.records():
        rows.append([escape(r["window"]), escape(r["provider"]), escape(r["dimension"]),
                     escape(r["dimension_value"] or ""), _int(r["attempts"]), _pct(r["approval_rate"]),
                     _pct(r["baseline_approval_rate"]), _sci(r["p_value"]), escape(r["top_grown_reason"] or "—"),
                     _int(r["merchants_affected"])])
    headers = [("window", "text"), ("provider", "text"), ("dimension", "text"), ("value", "text"),
               ("attempts", ""), ("approval", ""), ("baseline", ""), ("p-value", ""), ("reason that grew", "text"),
               ("merchants", "")]
    return (f"<section id='alerts'><h2>Alerts</h2>{_table(headers, rows, ['flagged'] * len(rows), 'alerts')}"
            "<p class='note'>Drops of the approval rate (customer-caused failures excluded) against the "
            "provider's own baseline of the same hours on previous days, flagged by the health test "
            "(docs/metrics.md). <code>alert_merchants</code> lists the merchants of each.</p></section>")


def _reasons_section(reasons: analyst.Table) -> str:
    if not reasons.rows:
        return "<section id='reasons'><h2>Top failure reasons</h2><p class='empty'>No failures.</p></section>"
    labels = reasons.column("failure_reason")
    counts = [int(v) for v in reasons.column("failures")]
    shares = reasons.column("share_of_failures")
    chart = bar_chart(labels, counts, title="Failed attempts by reason",
                      value_format=lambda v: f"{v:,.0f}", colors=[FAILURE_BAR_COLOR] * len(labels))
    share_note = ", ".join(f"{escape(label)} {_pct(share)}" for label, share in list(zip(labels, shares))[:3])
    return (f"<section id='reasons'><h2>Top failure reasons</h2>{chart}"
            f"<p class='note'>Failed attempts (declined, errored, unknown) by canonical reason; the top three are "
            f"{share_note} of all failures.</p></section>")


def _declined_section(by_reason: analyst.Table, by_provider: analyst.Table) -> str:
    parts = ["<section id='declined'><h2>Declined volume in USD</h2>"]
    reasons = [r for r in by_reason.records() if r["declined_amount_usd"]]
    providers = [r for r in by_provider.records() if r["declined_amount_usd"]][:12]
    if reasons:
        parts.append("<h3>by failure reason</h3>")
        parts.append(bar_chart([r["failure_reason"] for r in reasons],
                               [float(r["declined_amount_usd"]) for r in reasons],
                               title="Declined volume in USD by reason", value_format=lambda v: f"${v:,.0f}",
                               colors=[MONEY_BAR_COLOR] * len(reasons)))
    if providers:
        parts.append("<h3>by provider</h3>")
        parts.append(bar_chart([r["provider"] for r in providers],
                               [float(r["declined_amount_usd"]) for r in providers],
                               title="Declined volume in USD by provider", value_format=lambda v: f"${v:,.0f}",
                               colors=[MONEY_BAR_COLOR] * len(providers)))
    if not reasons and not providers:
        parts.append("<p class='empty'>No declined attempt with a USD amount.</p>")
    missing = sum(int(r["attempts_missing_usd"] or 0) for r in by_provider.records())
    parts.append("<p class='note'>USD of attempts declined by the issuer or the provider (status DECLINED), "
                 "converted at the reference rate of the attempt's day. An attempt without a rate is never guessed: "
                 f"{missing:,} attempts of these windows have an amount but no USD rate "
                 "(<code>attempts_missing_usd</code>).</p></section>")
    return "".join(parts)


def _providers_section(providers: analyst.Table) -> str:
    rows, classes = [], []
    for index, r in enumerate(providers.records()):
        total = r["provider"] is None
        name = "all providers" if total else escape(r["provider"])
        rows.append([name, _int(r["attempts"]), _pct(r["approval_rate"]), _int(r["declined"]),
                     _usd(r["approved_amount_usd"]), _usd(r["declined_amount_usd"]), _usd(r["refunded_amount_usd"]),
                     _usd(r["disputed_amount_usd"]), _int(r["payments"]), _pct(r["conversion_rate"])])
        classes.append("total" if total else "")
    headers = [("provider", "text"), ("attempts", ""), ("approval", ""), ("declined", ""), ("approved USD", ""),
               ("declined USD", ""), ("refunded USD", ""), ("disputed USD", ""), ("payments", ""),
               ("conversion", "")]
    return f"<section id='providers'><h2>Providers</h2>{_table(headers, rows, classes, 'providers')}</section>"


def _quality_section(quality: analyst.Table) -> str:
    if not quality.rows:
        return ("<section id='quality'><h2>Pipeline quality</h2><p class='empty'>No pipeline_quality rows in "
                "these windows.</p></section>")
    rows = []
    for r in quality.records():
        reasons = r["unprocessed_by_reason"] or {}
        top = ", ".join(f"{escape(k)} {v:,}" for k, v in sorted(reasons.items(), key=lambda kv: -kv[1])[:3])
        rows.append([escape(r["window"]), _int(r["lake_rows"]), _int(r["normalized"]), _int(r["unprocessed"]),
                     _pct(r["unprocessed_share"]), top or "—", _int(r["missing_amount"]),
                     _int(r["missing_currency"]), _int(r["missing_country"]), _int(r["missing_fx_rate"]),
                     _int(r["restated_windows"])])
    headers = [("window", "text"), ("lake rows", ""), ("normalized", ""), ("unprocessed", ""), ("share", ""),
               ("top unprocessed reasons", "text"), ("no amount", ""), ("no currency", ""), ("no country", ""),
               ("no FX rate", ""), ("restated", "")]
    return (f"<section id='quality'><h2>Pipeline quality</h2>{_table(headers, rows, table_class='quality')}"
            "<p class='note'>Every lake row is normalized or kept unprocessed with a reason; the missing counts "
            "are of normalized events.</p></section>")


def build_report(conn: psycopg.Connection, first: str, last: str, provider: str | None = None,
                 generated_at: datetime | None = None) -> str:
    """The report of windows ``first`` .. ``last`` (inclusive window keys) as one HTML document."""
    generated_at = generated_at or datetime.now(timezone.utc)
    shown = analyst.window_range(conn, first, last)
    series = analyst.approval_series(conn, first, last, provider)
    alerts = analyst.alerts(conn, first, last, provider)
    reasons = analyst.top_reasons(conn, first, last, provider, limit=10)
    providers = analyst.providers(conn, first, last, provider)
    declined = analyst.declined_by_provider(conn, first, last, provider)
    declined_reasons = analyst.declined_by_reason(conn, first, last, provider, limit=10)
    quality = analyst.quality(conn, first, last)
    span = f"windows {shown[0]} to {shown[1]} (UTC)" if shown else "no windows with metrics in this range"
    total = next((r for r in providers.records() if r["provider"] is None), None)
    kpis = [
        ("attempts", _int(total["attempts"]) if total else "0", ""),
        ("approval rate", _pct(total["approval_rate"]) if total else "—", ""),
        ("declined volume", _usd(total["declined_amount_usd"]) if total else "—", ""),
        ("alerts", f"{len(alerts):,}", "alerting" if len(alerts) else ""),
    ]
    kpi_html = "".join(f"<div class='kpi {css}'><div class='value'>{value}</div><div class='label'>{label}</div>"
                       f"</div>" for label, value, css in kpis)
    body = [f"<h1>payobs report</h1><p class='meta'>{escape(span)}"
            + (f", provider {escape(provider)}" if provider else "")
            + f" · generated {generated_at:%Y-%m-%d %H:%M} UTC</p>",
            f"<div class='kpis'>{kpi_html}</div>"]
    if series.rows:
        body.append(_approval_section(series, len(alerts)))
    body += [_alerts_section(alerts), _reasons_section(reasons), _declined_section(declined_reasons, declined),
             _providers_section(providers), _quality_section(quality)]
    return ("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
            "<meta name='viewport' content='width=device-width, initial-scale=1'>"
            f"<title>payobs report: {escape(span)}</title><style>{CSS}</style></head>"
            f"<body><main>{''.join(body)}</main></body></html>")
