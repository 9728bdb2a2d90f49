"""Throughput of the pure core: the safe read of a payload and its normalization, per row.

Lives outside ``normalization/`` because its payloads come from the synthetic lake
(``payobs_pipeline.synthetic``), which the pure core never imports.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from datetime import datetime, timezone

from payobs_pipeline.normalization.formats import PayloadParseError, read_lake_payload
from payobs_pipeline.normalization.normalize import Deferral, Normalizer
from payobs_pipeline.normalization.providers import mapped_providers
from payobs_pipeline.synthetic import generate_lake_rows


@dataclass(frozen=True, slots=True)
class Throughput:
    payloads: int
    seconds: float
    normalized: int
    deferred: int

    @property
    def per_second(self) -> float:
        return self.payloads / self.seconds if self.seconds else float("inf")


def known_provider_json_payloads(count: int, seed: int = 11) -> list[tuple[str, dict | None]]:
    """JSON-object payloads of providers with a built-in mapping, as the lake's jsonb text."""
    known = mapped_providers()
    payloads: list[tuple[str, dict | None]] = []
    start = datetime(2026, 1, 1, tzinfo=timezone.utc)
    for row, truth in generate_lake_rows(count * 3, start, 2, seed):
        if truth.provider in known and isinstance(row.data, dict) and "content" not in row.data:
            payloads.append((json.dumps(row.data), row.merchant))
            if len(payloads) == count:
                break
    return payloads


def core_throughput(count: int) -> Throughput:
    """Time the core over ``count`` payloads (generation and serialization excluded)."""
    payloads = known_provider_json_payloads(count)
    normalizer = Normalizer()
    normalized = deferred = 0
    began = time.perf_counter()
    for text, merchant in payloads:
        try:
            parsed = read_lake_payload(text)
        except PayloadParseError:
            deferred += 1
            continue
        if isinstance(normalizer.normalize(parsed, merchant), Deferral):
            deferred += 1
        else:
            normalized += 1
    return Throughput(len(payloads), time.perf_counter() - began, normalized, deferred)
