"""Per-field accuracy of the normalization core on a labeled corpus (``payobs eval PATH``).

A corpus is a directory of JSON files (or one file), each a list of cases:

    {"name": "charge_insufficient_funds",
     "source": "docs.stripe.com/api/charges/object; decline code from docs.stripe.com/declines/codes",
     "data": {...} | "...",            # the lake row's `data` value, exactly as stored
     "merchant": {"id": "m1", "name": "Shop", "country": "BR"},   # optional
     "expected": {"provider": "stripe", "status_category": "DECLINED", "failure_reason": "INSUFFICIENT_FUNDS",
                  "amount_minor": 5000, "currency": "USD", ...}}

``expected`` names only the fields the case checks. A case whose row must not
normalize says ``"expected": {"unprocessed": "MALFORMED_XML"}`` (the reason code).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from payobs_pipeline.normalization.formats import PayloadParseError, read_lake_payload
from payobs_pipeline.normalization.event import CanonicalEvent
from payobs_pipeline.normalization.taxonomy import FAILURE_STATUSES
from payobs_pipeline.normalization.normalize import Deferral, Normalizer

EVENT_FIELDS = (
    "provider", "status_category", "failure_reason", "failure_source", "decline_type", "amount_minor", "currency",
    "payment_method", "card_brand", "country", "event_time", "provider_transaction_id", "raw_status",
    "raw_reason_code", "normalization_method", "event_kind", "attempt_id", "payment_id", "refund_id", "dispute_id",
    "card_country", "customer_country",
)


@dataclass(slots=True)
class Outcome:
    """What the core made of one lake row: an event, or the reason it stays unprocessed."""

    event: CanonicalEvent | None
    unprocessed_reason: str | None


def normalize_lake_data(
    data: Any, merchant: dict | None = None, normalizer: Normalizer | None = None
) -> Outcome:
    """Run one lake row's data through the pure core as the pipeline does: mask, parse, mask, normalize."""
    try:
        # The lake hands the pipeline jsonb as text; json.dumps gives the same text.
        parsed = read_lake_payload(json.dumps(data))
    except PayloadParseError as exc:
        return Outcome(None, exc.reason_code)
    result = (normalizer or Normalizer()).normalize(parsed, merchant)
    if isinstance(result, Deferral):
        return Outcome(None, result.reason_code)
    return Outcome(result, None)


def _value(event: CanonicalEvent, name: str) -> Any:
    value = getattr(event, name)
    if name == "event_time" and value is not None:
        return value.isoformat().replace("+00:00", "Z")
    return str(value) if hasattr(value, "value") else value


@dataclass
class Report:
    """Per-field hits and checks, with the failing cases for reading."""

    checked: Counter = field(default_factory=Counter)
    correct: Counter = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)
    cases: int = 0

    def accuracy(self, name: str) -> float:
        return self.correct[name] / self.checked[name] if self.checked[name] else float("nan")

    def lines(self) -> Iterator[str]:
        yield f"{self.cases} cases"
        yield f"{'field':<24}{'correct':>9}{'checked':>9}{'accuracy':>10}"
        for name in sorted(self.checked, key=lambda n: (n not in EVENT_FIELDS, n)):
            yield f"{name:<24}{self.correct[name]:>9}{self.checked[name]:>9}{self.accuracy(name):>9.1%}"


def load_cases(path: Path) -> list[dict]:
    """Every case under a corpus directory (``*.json``, sorted) or in one file."""
    files = sorted(path.rglob("*.json")) if path.is_dir() else [path]
    cases = []
    for file in files:
        for case in json.loads(file.read_text()):
            case.setdefault("file", file.name)
            cases.append(case)
    return cases


def evaluate(cases: Iterable[dict], normalizer: Normalizer | None = None) -> Report:
    """Compare the core's output with each case's expected fields."""
    normalizer = normalizer or Normalizer()
    report = Report()
    for case in cases:
        report.cases += 1
        outcome = normalize_lake_data(case["data"], case.get("merchant"), normalizer)
        expected = case["expected"]
        label = f"{case.get('file', '')}:{case.get('name', report.cases)}"
        if "unprocessed" in expected:
            report.checked["unprocessed"] += 1
            if outcome.unprocessed_reason == expected["unprocessed"]:
                report.correct["unprocessed"] += 1
            else:
                got = outcome.unprocessed_reason or f"normalized as {outcome.event.status_category}"
                report.failures.append(f"{label}: unprocessed expected {expected['unprocessed']}, got {got}")
            continue
        report.checked["normalized"] += 1
        if outcome.event is None:
            report.failures.append(f"{label}: expected an event, got unprocessed {outcome.unprocessed_reason}")
            for name in expected:
                report.checked[name] += 1
            continue
        report.correct["normalized"] += 1
        for name, want in expected.items():
            report.checked[name] += 1
            got = _value(outcome.event, name)
            if got == want:
                report.correct[name] += 1
            else:
                report.failures.append(f"{label}: {name} expected {want!r}, got {got!r}")
    return report


# --- an evaluation round: coverage and precision, with and without the provider hint ------------------

ROUND_FIELDS = ("status_category", "failure_reason", "amount_minor", "currency", "provider")


def hinted_data(case: dict) -> Any:
    """The case's row as a lake carrying a provider column would store it: the message under a hint."""
    data = case["data"]
    key = "content" if isinstance(data, str) else "payload"
    return {"provider": case["hint"], key: data}


@dataclass
class RoundScore:
    """How a round of cases fared: payments normalized, non-payments kept, per-field precision.

    * coverage: share of the payment cases (labeled with an event) that normalized;
    * kept: share of the cases labeled ``unprocessed`` (not a payment, no outcome) that stayed unprocessed;
    * precision of a field: share of the normalized payment cases whose value equals the label. The failure
      reason is judged on the cases labeled DECLINED, ERROR or UNKNOWN (a null reason on an approval is not
      evidence); the provider only where the case names one.
    """

    hinted: bool
    payments: int = 0
    normalized: int = 0
    non_payments: int = 0
    kept: int = 0
    checked: Counter = field(default_factory=Counter)
    correct: Counter = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)

    @property
    def coverage(self) -> float:
        return self.normalized / self.payments if self.payments else float("nan")

    @property
    def kept_share(self) -> float:
        return self.kept / self.non_payments if self.non_payments else float("nan")

    def precision(self, name: str) -> float:
        return self.correct[name] / self.checked[name] if self.checked[name] else float("nan")

    def lines(self) -> Iterator[str]:
        yield (f"{'with' if self.hinted else 'without'} a provider hint: "
               f"{self.normalized}/{self.payments} payment payloads normalized ({self.coverage:.1%}), "
               f"{self.kept}/{self.non_payments} non-payments kept unprocessed")
        for name in ROUND_FIELDS:
            if self.checked[name]:
                yield f"  {name:<16}{self.correct[name]:>5}/{self.checked[name]:<5}{self.precision(name):>8.1%}"


def score_round(cases: Iterable[dict], hinted: bool, normalizer: Normalizer | None = None) -> RoundScore:
    """Score a round's cases as the lake would hand them over, with (``hint`` key) or without a provider hint."""
    normalizer = normalizer or Normalizer()
    score = RoundScore(hinted)
    for case in cases:
        label = f"{case.get('file', '')}:{case['name']}"
        outcome = normalize_lake_data(hinted_data(case) if hinted else case["data"], case.get("merchant"), normalizer)
        expected = case["expected"]
        if "unprocessed" in expected:
            score.non_payments += 1
            if outcome.event is None:
                score.kept += 1
            else:
                score.misses.append(f"{label}: not a payment, normalized as {outcome.event.status_category}")
            continue
        score.payments += 1
        if outcome.event is None:
            score.misses.append(f"{label}: unprocessed {outcome.unprocessed_reason}")
            continue
        score.normalized += 1
        failure = expected.get("status_category") in FAILURE_STATUSES
        for name in ROUND_FIELDS:
            if name not in expected or (name == "failure_reason" and not failure):
                continue
            score.checked[name] += 1
            got = _value(outcome.event, name)
            if got == expected[name]:
                score.correct[name] += 1
            else:
                score.misses.append(f"{label}: {name} expected {expected[name]!r}, got {got!r}")
    return score
