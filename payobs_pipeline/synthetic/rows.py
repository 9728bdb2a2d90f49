"""Row assembly: the generation in independent chunks, each from its own random stream.

A chunk's row slots become single-row payments, pending-then-final pairs, lifecycles, unknown-provider
rows or malformed rows (shares in ``traffic_mix``); outages of a scenario replace some approved attempts
from a stream of their own. Chunks can be generated in parallel (the seeder does) and give the same rows.
"""

from __future__ import annotations

import random
import uuid
from datetime import datetime, timedelta, timezone
from typing import Iterator

from payobs_pipeline.synthetic.incidents import (
    ATTEMPT_KINDS,
    NOISY_CHUNK,
    Scenario,
    noisy_provider_rows,
    outage_outcome,
)
from payobs_pipeline.synthetic.lifecycles import LIFECYCLE_START_SHARE, lifecycle_rows, plan_lifecycle
from payobs_pipeline.synthetic.malformed import malformed_row
from payobs_pipeline.synthetic.provider_base import Outcome, ProviderRenderer
from payobs_pipeline.synthetic.providers import RENDERERS
from payobs_pipeline.synthetic.randomness import UUID4_CLEAR_BITS, UUID4_SET_BITS, randrange, weighted_picker
from payobs_pipeline.synthetic.traffic_mix import (
    MALFORMED_SHARE,
    NO_MERCHANT_SHARE,
    NO_TRANSACTIONAL_ID_SHARE,
    PROVIDER_PICK,
    PROVIDER_SHARES,
    SECOND_ROW_SHARE,
    UNKNOWN_PROVIDER_SHARE,
    store_as_lake_writers_do,
)
from payobs_pipeline.synthetic.truth import ExpectedEvent, LakeRow
from payobs_pipeline.synthetic.unknown_providers import unknown_provider_row
from payobs_pipeline.synthetic.vocabulary import EventKind, StatusCategory
from payobs_pipeline.synthetic.windows import WINDOW, WINDOW_MICROSECONDS, WRITE_LAGS


PAIR_PROVIDER_PICK = weighted_picker({k: v for k, v in PROVIDER_SHARES.items() if RENDERERS[k].pending_capable})

# Probability, per row slot, of starting a two-row payment: second rows = p / (1 + p) of all rows.
PAIR_START_RATE = SECOND_ROW_SHARE / (1 - SECOND_ROW_SHARE)

FINAL_AFTER_PENDING_PICK = weighted_picker({StatusCategory.APPROVED: 0.85, StatusCategory.DECLINED: 0.15})


def generate_lake_rows(rows: int, start: datetime, windows: int, seed: int,
                       scenario: Scenario | None = None) -> Iterator[tuple[LakeRow, ExpectedEvent]]:
    """Yield ``rows`` lake rows spread over ``windows`` 12-hour windows from ``start``, with their truth.

    Deterministic in its arguments. Each window gets ``rows // windows`` rows
    (the first ``rows % windows`` windows one more), ``created_at`` uniform in
    the window; the two rows of a pending-then-final payment share their
    ``transactional_id`` and provider transaction id, the final one later in
    the same window.
    """
    for row_id, data, merchant, txn, created, truth in generate_raw_rows(rows, start, windows, seed, scenario):
        yield (LakeRow(uuid.UUID(int=row_id), data, merchant, None if txn is None else uuid.UUID(int=txn), created),
               ExpectedEvent(*truth))


# Rows are generated in chunks, each from its own random stream, so chunks can be
# generated in parallel (the seeder does) and still give the same rows.
GENERATION_CHUNK_ROWS = 20_000


def generation_chunks(rows: int, start: datetime, windows: int, seed: int,
                      scenario: Scenario | None = None) -> list[tuple]:
    """The independent chunks of a generation: ``(seed, window_start, window, chunk, rows, range_end)`` each
    (with a scenario, a seventh element: the window's outages, and one ``NOISY_CHUNK`` per window when the
    scenario has the noisy provider)."""
    if rows < 0 or windows < 1:
        raise ValueError("rows must be >= 0 and windows >= 1")
    if start.tzinfo is None:
        raise ValueError("start must be timezone-aware (UTC)")
    start = start.astimezone(timezone.utc)
    outages = scenario.outages_by_window(start, windows) if scenario is not None else None
    chunks = []
    end = start + windows * WINDOW
    for w, n in enumerate(lake_row_counts(rows, windows)):
        wstart = start + w * WINDOW
        for k, first in enumerate(range(0, n, GENERATION_CHUNK_ROWS)):
            chunk = (seed, wstart, w, k, min(GENERATION_CHUNK_ROWS, n - first), end)
            chunks.append(chunk if outages is None else chunk + (outages.get(w, ()),))
        if scenario is not None and scenario.noisy:
            chunks.append((seed, wstart, w, NOISY_CHUNK, 0, end, ()))
    return chunks


def generate_raw_rows(rows: int, start: datetime, windows: int, seed: int,
                      scenario: Scenario | None = None) -> Iterator[tuple]:
    """The rows of :func:`generate_lake_rows` as plain tuples, for bulk loading.

    ``(id_int, data, merchant, transactional_id_int | None, created_at, expected_fields)``:
    uuids as their 128-bit integers and the truth as the tuple of
    ``ExpectedEvent`` fields, so a loader builds no objects it does not need.
    """
    for chunk in generation_chunks(rows, start, windows, seed, scenario):
        yield from generate_chunk(*chunk)


def noisy_row_count(start: datetime, windows: int, seed: int, scenario: Scenario | None) -> int:
    """How many rows the scenario's noisy provider adds to a generation (0 without one)."""
    if scenario is None or not scenario.noisy:
        return 0
    return sum(1 for chunk in generation_chunks(0, start, windows, seed, scenario) for _ in generate_chunk(*chunk))


NO_LIFECYCLE_SERIALS = (None, None, None, None, None)


def generate_chunk(seed: int, wstart: datetime, window: int, chunk: int | str, n: int,
                   end: datetime | None = None, outages: tuple = ()) -> Iterator[tuple]:
    """The rows of one chunk of one window, from the chunk's own random stream.

    ``n`` rows are generated; a lifecycle started in this chunk generates all its rows here, also
    those whose ``created_at`` falls in a later window (never at or after ``end``, the end of the
    generation's range), so chunks stay independent and the rows do not depend on how many
    processes generate them.

    ``outages``: ``((provider, share), ...)`` of the incidents in this window (:class:`Scenario`):
    that share of the provider's approved single-row and pending-then-final attempts is replaced by
    a failed attempt drawn from a stream of its own, so every other row of the chunk stays as it
    would be without the incident. The chunk ``NOISY_CHUNK`` holds the noisy provider's rows.
    """
    if chunk == NOISY_CHUNK:
        yield from noisy_provider_rows(seed, wstart, window)
        return
    outage = dict(outages)
    irng = random.Random(f"payobs:{seed}:{window}:{chunk}:outage") if outage else None
    rng = random.Random(f"payobs:{seed}:{window}:{chunk}")
    rnd = rng.random
    bits = rng.getrandbits
    malformed_cut = MALFORMED_SHARE
    unknown_cut = MALFORMED_SHARE + UNKNOWN_PROVIDER_SHARE
    lags = WRITE_LAGS
    end_us = ((end or wstart + WINDOW) - wstart) // timedelta(microseconds=1)
    prefix = f"{window}.{chunk}."
    serial_no = 0
    auth_like = ATTEMPT_NAMING_KINDS
    i = 0
    while i < n:
        serial = prefix + str(serial_no)
        serial_no += 1
        if n - i >= 2 and rnd() < PAIR_START_RATE:
            pair = pending_then_final_pair(rng, wstart, serial)
            if outage:
                pair = list(pair)
                final = pair[1][5]
                share = outage.get(final[0])
                if (share and final[1] is StatusCategory.APPROVED and final[8] in ATTEMPT_KINDS
                        and irng.random() < share):
                    prov = RENDERERS[final[0]]
                    pair = pending_then_final_pair(irng, wstart, serial, prov, outage_outcome(irng, prov))
            yield from pair
            i += 2
            continue
        if rnd() < LIFECYCLE_START_SHARE:
            name, pay, steps, _ = plan_lifecycle(rng, serial)
            if len(steps) <= n - i:
                yield from lifecycle_rows(rng, wstart, end_us, serial, name, pay, steps)
                i += len(steps)
                continue
        i += 1
        created = wstart + timedelta(microseconds=int(rnd() * WINDOW_MICROSECONDS))
        when = created - lags[int(rnd() * 120)]
        u = rnd()
        if u < malformed_cut:
            data, truth, merchant = malformed_row(rng, when)
            truth = truth + NO_LIFECYCLE_SERIALS
        else:
            if u < unknown_cut:
                data, truth, merchant = unknown_provider_row(rng, when)
                if rnd() < 0.5:  # unknown PSPs are named less often than known ones
                    data = store_as_lake_writers_do(rng, data, "unknown", True)
                truth = truth + (EventKind.AUTHORIZATION,)
            else:
                prov = RENDERERS[PROVIDER_PICK(rng)]
                out = prov.outcome(rng)
                st = out[0]
                pay = prov.new_payment(rng, st is StatusCategory.DECLINED or st is StatusCategory.ERROR)
                data, truth = prov.render(rng, pay, out, when)
                data = store_as_lake_writers_do(rng, data, prov.name, True)
                merchant = pay.merchant
                # (a lone approved capture row is an attempt too)
                if outage and st is StatusCategory.APPROVED and truth[8] in ATTEMPT_KINDS:
                    share = outage.get(prov.name)
                    if share and irng.random() < share:  # the outage: this attempt fails instead
                        pay = prov.new_payment(irng, True)
                        data, truth = prov.render(irng, pay, outage_outcome(irng, prov), when)
                        data = store_as_lake_writers_do(irng, data, prov.name, True)
                        merchant = pay.merchant
            kind = truth[8]
            truth = truth + (serial if kind in auth_like else None, serial,
                         serial if kind == EventKind.REFUND else None, serial if kind == EventKind.DISPUTE else None)
        yield ((bits(128) & UUID4_CLEAR_BITS) | UUID4_SET_BITS, data, None if rnd() < NO_MERCHANT_SHARE else merchant,
               None if rnd() < NO_TRANSACTIONAL_ID_SHARE else (bits(128) & UUID4_CLEAR_BITS) | UUID4_SET_BITS,
               created, truth)


# Kinds whose rows name an attempt (a lone refund or dispute names one the lake never shows: its serial
# is kept so the object has one, but no attempt row exists for it).
ATTEMPT_NAMING_KINDS = frozenset({EventKind.AUTHORIZATION, EventKind.CAPTURE, EventKind.VOID, EventKind.REFUND,
                                  EventKind.DISPUTE})


def pending_then_final_pair(rng: random.Random, wstart: datetime, serial: str, prov: ProviderRenderer | None = None,
                            final: Outcome | None = None) -> Iterator[tuple]:
    if prov is None:
        prov = RENDERERS[PAIR_PROVIDER_PICK(rng)]
        final = prov.outcome(rng, FINAL_AFTER_PENDING_PICK(rng))
    pay = prov.new_payment(rng, final[0] is not StatusCategory.APPROVED)
    first = prov.outcome(rng, StatusCategory.PENDING)
    t1 = randrange(rng, WINDOW_MICROSECONDS - 120_000_000)
    t2 = t1 + 1 + randrange(rng, min(WINDOW_MICROSECONDS - t1 - 1, 4 * 3600 * 1_000_000))
    txn = (rng.getrandbits(128) & UUID4_CLEAR_BITS) | UUID4_SET_BITS
    for t, out in ((t1, first), (t2, final)):
        created = wstart + timedelta(microseconds=t)
        data, truth = prov.render(rng, pay, out, created)
        data = store_as_lake_writers_do(rng, data, prov.name, False)
        truth = truth + (None if truth[8] == EventKind.PAYMENT else serial, serial, None, None)
        yield (rng.getrandbits(128) & UUID4_CLEAR_BITS) | UUID4_SET_BITS, data, pay.merchant, txn, created, truth


def lake_row_counts(rows: int, windows: int) -> list[int]:
    """Rows per window that :func:`generate_lake_rows` produces for these arguments."""
    base, extra = divmod(rows, windows)
    return [base + (1 if w < extra else 0) for w in range(windows)]
