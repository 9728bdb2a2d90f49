"""Stage 3's row work: each parsed payload normalized to a canonical event, or kept unprocessed with a reason.

One bad row never fails the window: whatever goes wrong on it (other than the warehouse itself) makes it
unprocessed with ``INTERNAL_ERROR`` and the exception as its detail.

Nothing here reads the environment: workers are forked from a fork server started earlier, whose
environment may be older than the stage's, so every setting travels in the context. A worker builds its
state once per stage run (:class:`NormalizeContext` names the run): the builtin
mappings (compiled once per process), the window's learned mappings, the LLM's extractions for the window's
rows, the shapes that wait, and a rate book that reads ``fx_rates`` month by month through short connections
of its own.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import orjson
import psycopg

from payobs_pipeline.normalization import learning
from payobs_pipeline.normalization.event import CanonicalEvent
from payobs_pipeline.normalization.formats import INTERNAL_ERROR, ParsedPayload, internal_error_detail
from payobs_pipeline.normalization.identity import lifecycle_keys
from payobs_pipeline.normalization.normalize import FINAL_DEFERRALS, Deferral, Normalizer, with_merchant
from payobs_pipeline.normalization.unprocessed_reasons import UnprocessedReason
from payobs_pipeline.stages.workers import ChunkResult, cached_state
from payobs_pipeline.warehouse.copy_text import read_row, write_rows
from payobs_pipeline.warehouse.fx import RateBook
from payobs_pipeline.warehouse.mappings import compile_learned


def load_json(text: str) -> Any:
    """A stored JSON document (jsonb output text) as Python values; orjson, or the standard library for
    what orjson refuses (integers past 64 bits, which jsonb keeps)."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)


@dataclass(frozen=True)
class NormalizeContext:
    """What a worker needs for one normalize run of one window (small: sent with every chunk)."""

    run_id: str  # a new one per run: a worker rebuilds its state when it changes
    partition_key: str
    heuristic_threshold: float
    learned_specs: dict  # fingerprint -> active learned mapping spec
    extractions: dict  # lake_id (text) -> the LLM's fields for that row
    waiting: dict  # fingerprint -> (reason_code, detail)
    rates_conninfo: str  # the warehouse, search_path set: fx_rates is read a month at a time
    fx_staleness_days: int  # read by the stage's process: a worker's environment is its fork server's


class WindowLearning:
    """What the learned_mappings stage did for the window's shapes: per-event extractions, and why a shape waits."""

    def __init__(self, extractions: dict, waiting: dict) -> None:
        self.extractions = extractions  # lake_id (text) -> the LLM's fields for that row
        self.waiting = waiting  # fingerprint -> (reason_code, detail)

    def settle(self, lake_id: str, deferral: Deferral, body, merchant: Any) -> CanonicalEvent | Deferral:
        """A deferred row's extracted event, or the reason its shape waits, or the deferral as it was."""
        fields = self.extractions.get(lake_id)
        if fields is not None:
            try:
                return with_merchant(learning.event_from_extraction(fields, body), merchant)
            except learning.RejectedSpec as rejected:
                return Deferral(UnprocessedReason.LLM_EXTRACTION_REJECTED,
                                f"{rejected.reason_code}: {rejected.detail}",
                                deferral.provider, deferral.fingerprint)
        waiting = self.waiting.get(deferral.fingerprint)
        if waiting is not None and deferral.reason_code not in FINAL_DEFERRALS:
            return Deferral(waiting[0], f"{waiting[1] or ''}; {deferral.detail}"[:500], deferral.provider,
                            deferral.fingerprint)
        return deferral


class _RunState:
    def __init__(self, context: NormalizeContext) -> None:
        self.normalizer = Normalizer(learned=compile_learned(context.learned_specs),
                                     heuristic_threshold=context.heuristic_threshold)
        self.learned = WindowLearning(context.extractions, context.waiting)
        self.rates = RateBook(context.rates_conninfo, staleness_days=context.fx_staleness_days)


def event_row(lake_id: str, transactional_id: str | None, partition_key: str, created_at: datetime,
              event: CanonicalEvent, rates: RateBook) -> tuple:
    """The normalized_events row (warehouse/events.py COLUMNS) of one event."""
    keys = lifecycle_keys(event, transactional_id or None)
    # USD at the rate of the event's day (the provider's time, else the lake row's), by the rate policy.
    amount_usd = rates.usd(event.amount_minor, event.currency, event.event_time or created_at)
    return (
        lake_id, transactional_id, partition_key, created_at, event.event_time, event.provider,
        event.provider_transaction_id, event.merchant_id, event.merchant_name, event.country,
        event.payment_method, event.card_brand, event.status_category, event.failure_reason,
        event.failure_source, event.decline_type, event.raw_status, event.raw_reason_code,
        event.amount_minor, event.currency, event.normalization_method, event.confidence,
        event.event_kind, event.attempt_id, event.payment_id, event.refund_id, event.dispute_id,
        event.card_country, event.customer_country, event.merchant_country,
        keys.attempt_key, keys.refund_key, keys.dispute_key, keys.payment_node, list(keys.nodes) or None,
        amount_usd,
    )


def normalize_chunk(context: NormalizeContext, lines: list[bytes]) -> ChunkResult:
    """Parsed rows (warehouse/payloads.py stream_window_lines) -> event rows; ``records`` holds the rows kept
    unprocessed as (lake_id, stage, reason_code, detail, provider, fingerprint)."""
    state: _RunState = cached_state(context.run_id, lambda: _RunState(context))
    counts: Counter = Counter()
    unprocessed: list[tuple] = []
    out = []

    def keep_unprocessed(lake_id, stage, reason, detail, provider, fingerprint):
        counts[f"unprocessed:{reason}"] += 1
        unprocessed.append((lake_id, stage, reason, detail, provider, fingerprint))

    for line in lines:
        (lake_id, transactional_id, created_at, merchant_text, fmt, hint, body_text, parse_error, parse_detail,
         fingerprint) = read_row(line)
        if parse_error:
            keep_unprocessed(lake_id, "parse", parse_error, parse_detail, hint, None)
            continue
        try:
            payload = ParsedPayload(fmt, load_json(body_text), {"provider": hint} if hint else {})
            merchant = load_json(merchant_text) if merchant_text else None
            outcome = state.normalizer.normalize(payload, merchant)
            if isinstance(outcome, Deferral):
                outcome = state.learned.settle(lake_id, outcome, payload.body, merchant)
            if isinstance(outcome, Deferral):
                keep_unprocessed(lake_id, "normalize", outcome.reason_code, outcome.detail, outcome.provider,
                                 outcome.fingerprint)
                continue
            row = event_row(lake_id, transactional_id, context.partition_key, datetime.fromisoformat(created_at),
                            outcome, state.rates)
        except psycopg.Error:
            raise  # the warehouse (reading rates), not the row: the run retries or fails
        except Exception as exc:  # noqa: BLE001 - the row is kept, with the exception as its reason
            counts["internal_errors"] += 1
            keep_unprocessed(lake_id, "normalize", INTERNAL_ERROR, internal_error_detail(exc), hint, fingerprint)
            continue
        counts[f"method:{outcome.normalization_method}"] += 1
        counts[f"provider:{outcome.provider}"] += 1
        counts[f"status:{outcome.status_category}"] += 1
        counts[f"kind:{outcome.event_kind}"] += 1
        out.append(row)
    return ChunkResult(write_rows(out), len(out), counts, unprocessed)
