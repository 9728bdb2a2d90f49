"""Ground truth of the metrics, counted from what the generator knows (its serials, never payload ids)."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from payobs_pipeline.synthetic.incidents import Scenario
from payobs_pipeline.synthetic.rows import generate_raw_rows
from payobs_pipeline.synthetic.vocabulary import EventKind, StatusCategory
from payobs_pipeline.synthetic.windows import window_key


ATTEMPT_COUNTS = ("attempts", "approved", "declined", "errored", "unknown", "refunds", "disputes", "voided",
                  "captured")

PAYMENT_COUNTS = ("payments", "payments_approved", "payments_failed", "payments_pending", "payments_cancelled",
                  "payments_retried", "attempts")

OUTCOME_COUNT = {"APPROVED": "approved", "DECLINED": "declined", "ERROR": "errored", "UNKNOWN": "unknown"}


def expected_metrics(rows: int, start: datetime, windows: int, seed: int,
                     scenario: Scenario | None = None) -> tuple[dict, dict]:
    """Expected per-window counts at both levels for these seed arguments, from the generator's truth.

    Returns ``(attempt_level, payment_level)``, each ``{(window_key, provider): {count: n}}`` with the
    counts of ``ATTEMPT_COUNTS`` / ``PAYMENT_COUNTS`` (windows and providers without any count are absent).
    Objects are the generator's serials (which attempt, payment, refund, dispute a row belongs to), never
    ids read back from payloads; the counting follows the metric definitions:

    * an attempt counts once, in the window of its earliest authorization row (its earliest approved
      capture row when the lake holds no authorization row for it; an attempt seen only through a void,
      a refund or a dispute has no row of its own and does not count), by its final outcome: APPROVED if
      any authorization or capture of it was approved, else its latest decided authorization status;
      captured / voided when a capture / void row of it exists;
    * a payment counts once, in the window of its first attempt (of its first row when it never had
      one), by its latest known outcome (APPROVED if any attempt was), retried when it made more than
      one counted attempt;
    * a refund counts once, in the window of its first row, when its latest decided state is succeeded;
      a dispute once, in the window of its first row.
    """
    attempts: dict = {}
    payments: dict = {}
    refunds: dict = {}
    disputes: dict = {}
    for _id, _data, _merchant, _txn, created, truth in generate_raw_rows(rows, start, windows, seed, scenario):
        kind = truth[8]
        if kind is None:
            continue
        provider, status = truth[0], truth[1]
        attempt, payment, refund, dispute = truth[9:13]
        if kind in (EventKind.AUTHORIZATION, EventKind.CAPTURE, EventKind.VOID):
            a = attempts.setdefault(attempt, {"provider": provider, "payment": payment, "auth": None, "capture": None,
                                              "approved": False, "decided": None, "captured": False,
                                              "voided": False})
            if kind == EventKind.AUTHORIZATION:
                if a["auth"] is None or created < a["auth"]:
                    a["auth"] = created
                if status != StatusCategory.PENDING and (a["decided"] is None or created >= a["decided"][0]):
                    a["decided"] = (created, status)
            if status == StatusCategory.APPROVED and kind in (EventKind.AUTHORIZATION, EventKind.CAPTURE):
                a["approved"] = True
            if kind == EventKind.CAPTURE and status == StatusCategory.APPROVED:
                a["captured"] = True
                if a["capture"] is None or created < a["capture"]:
                    a["capture"] = created
            if kind == EventKind.VOID:
                a["voided"] = True
        elif kind == EventKind.PAYMENT:
            payments.setdefault(payment, []).append((created, status, provider))
        elif kind == EventKind.REFUND:
            r = refunds.setdefault(refund, {"provider": provider, "first": created, "decided": None})
            r["first"] = min(r["first"], created)
            if status != StatusCategory.PENDING and (r["decided"] is None or created >= r["decided"][0]):
                r["decided"] = (created, status)
        elif kind == EventKind.DISPUTE:
            d = disputes.setdefault(dispute, [provider, created])
            d[1] = min(d[1], created)

    level1: dict = defaultdict(lambda: dict.fromkeys(ATTEMPT_COUNTS, 0))
    parts: dict = defaultdict(list)  # payment serial -> (time, status, provider, is_attempt)
    for a in attempts.values():
        when = a["auth"] or a["capture"]
        if when is None:
            continue
        outcome = "APPROVED" if a["approved"] else (str(a["decided"][1]) if a["decided"] else "PENDING")
        counts = level1[(window_key(when), a["provider"])]
        if outcome in OUTCOME_COUNT:
            counts["attempts"] += 1
            counts[OUTCOME_COUNT[outcome]] += 1
        counts["captured"] += a["captured"]
        counts["voided"] += a["voided"]
        parts[a["payment"]].append((when, outcome, a["provider"], True))
    for r in refunds.values():
        counts = level1[(window_key(r["first"]), r["provider"])]
        counts["refunds"] += r["decided"] is not None and r["decided"][1] == StatusCategory.REFUNDED
    for provider, first in disputes.values():
        level1[(window_key(first), provider)]["disputes"] += 1
    for payment, rows_ in payments.items():
        parts[payment].extend((t, str(st), provider, False) for t, st, provider in rows_)

    level2: dict = defaultdict(lambda: dict.fromkeys(PAYMENT_COUNTS, 0))
    for items in parts.values():
        items.sort(key=lambda item: (not item[3], item[0]))  # attempts first, then payment-level rows
        first = items[0]
        counts = level2[(window_key(first[0]), first[2])]
        statuses = [item[1] for item in sorted(items, key=lambda item: item[0])]
        decided = [st for st in statuses if st != "PENDING"]
        outcome = "APPROVED" if "APPROVED" in statuses else (decided[-1] if decided else "PENDING")
        made = sum(1 for item in items if item[3] and item[1] in OUTCOME_COUNT)
        counts["payments"] += 1
        counts["attempts"] += made
        counts["payments_retried"] += made > 1
        if outcome == "APPROVED":
            counts["payments_approved"] += 1
        elif outcome in OUTCOME_COUNT:
            counts["payments_failed"] += 1
        elif outcome == "PENDING":
            counts["payments_pending"] += 1
        elif outcome == "CANCELLED":
            counts["payments_cancelled"] += 1
    drop = lambda table: {k: v for k, v in table.items() if any(v.values())}  # noqa: E731
    return drop(level1), drop(level2)
