"""Lifecycles: one payment over several rows (retries, captures, voids, refunds, disputes, two objects).

A lifecycle is planned by the chunk that starts it, which also generates its follow-ups; their
``created_at`` may fall in a later window of the range (never past its end). Each provider draws its
shape among those its payloads support (``LifecycleHooks.caps``); about 20 % of a lifecycle's rows lack
the lake's transactional_id (never the rows that only it links).
"""

from __future__ import annotations

import random
from datetime import timedelta
from typing import Iterator

from payobs_pipeline.synthetic.amounts import WHOLE_UNIT_CURRENCIES
from payobs_pipeline.synthetic.payments import Payment
from payobs_pipeline.synthetic.providers import LIFECYCLES
from payobs_pipeline.synthetic.randomness import UUID4_CLEAR_BITS, UUID4_SET_BITS, restricted_picker
from payobs_pipeline.synthetic.traffic_mix import PROVIDER_PICK, store_as_lake_writers_do
from payobs_pipeline.synthetic.vocabulary import EventKind, StatusCategory
from payobs_pipeline.synthetic.windows import MINUTE_MICROSECONDS, WINDOW_MICROSECONDS, WRITE_LAGS


# Lifecycle shapes, by weight (a provider draws among those it supports).
LIFECYCLE_SHAPES: dict[str, float] = {
    "retry": 0.30, "capture": 0.15, "void": 0.08, "refund": 0.22, "dispute": 0.10, "two_objects": 0.15}

SHAPE_PICKS = {name: restricted_picker(LIFECYCLE_SHAPES, hooks.caps) for name, hooks in LIFECYCLES.items()}

# Share of lifecycle-starting slots: lifecycle rows are about 14 % of all rows (tested).
LIFECYCLE_START_SHARE = 0.06

CROSS_WINDOW_SHARE = 0.35  # follow-ups that come hours later (often in the next window)

LIFECYCLE_NO_TRANSACTIONAL_ID_SHARE = 0.2  # rows of a payment without the lake's transactional_id


def follow_up_gap(rng: random.Random, long: bool) -> int:
    """Microseconds to the next row of a lifecycle: minutes, or hours for slow follow-ups."""
    if long:
        return 2 * 3600 * 1_000_000 + int(rng.random() * 14 * 3600 * 1_000_000)
    return 3 * MINUTE_MICROSECONDS + int(rng.random() * 40 * MINUTE_MICROSECONDS)


def plan_lifecycle(rng: random.Random, serial: str) -> tuple[str, Payment, list[tuple], bool]:
    """Plan one lifecycle: ``(provider, payment, steps, linked only by transactional_id)``.

    A step is ``(gap_us, render, attempt serial, refund serial, dispute serial, must carry transactional_id)``
    where ``render(when)`` returns ``(data, truth)``; the payment's serial is ``serial``.
    """
    name = PROVIDER_PICK(rng)
    hooks = LIFECYCLES[name]
    renderer = hooks.renderer
    shape = SHAPE_PICKS[name](rng)
    pay = renderer.new_payment(rng, True)
    hooks.new_attempt(rng, pay, False)
    steps = []
    attempt = serial + ".a0"
    long = rng.random() < CROSS_WINDOW_SHARE
    txn_only = False

    def add(gap, fn, a=attempt, r=None, d=None, must_txn=False):
        steps.append((gap, fn, a, r, d, must_txn))

    if shape == "retry":
        txn_only = not hooks.same_payment_retry or rng.random() < 0.35
        first_status = StatusCategory.ERROR if rng.random() < 0.1 and renderer.error_pick else StatusCategory.DECLINED
        first = renderer.outcome(rng, first_status)
        add(0, lambda when, pay=pay, out=first: hooks.auth(rng, pay, out, when), must_txn=txn_only)
        tries = 1 + (rng.random() < 0.25)
        for k in range(1, tries + 1):
            final_status = StatusCategory.APPROVED if k == tries and rng.random() < 0.8 else StatusCategory.DECLINED
            final = renderer.outcome(rng, final_status)
            a = f"{serial}.a{k}"

            def retry(when, out=final, new_payment=txn_only):
                hooks.new_attempt(rng, pay, new_payment)
                return hooks.auth(rng, pay, out, when)
            add(follow_up_gap(rng, long and k == 1), retry, a, must_txn=txn_only)
    elif shape == "two_objects":
        out = renderer.outcome(rng, StatusCategory.APPROVED if rng.random() < 0.85 else StatusCategory.DECLINED)
        add(0, lambda when: hooks.auth(rng, pay, out, when))
        add(follow_up_gap(rng, False), lambda when: hooks.second(rng, pay, out, when))
    else:
        add(0, lambda when: hooks.auth_only(rng, pay, when) if shape in ("capture", "void")
            else hooks.auth(rng, pay, renderer.outcome(rng, StatusCategory.APPROVED), when))
        if shape == "capture":
            add(follow_up_gap(rng, long), lambda when: hooks.capture(rng, pay, when))
            if "refund" in hooks.caps and rng.random() < 0.2:
                shape = "refund"  # captured, then refunded
                long = False
        elif shape == "void":
            add(follow_up_gap(rng, long), lambda when: hooks.void(rng, pay, when))
        if shape == "refund":
            rid = hooks.new_refund_id(rng, pay)
            r = rng.random()
            statuses = hooks.refund_statuses
            if r < 0.35:  # partial refund
                amount = max(1, int(pay.amount_minor * (0.1 + 0.8 * rng.random())))
                if pay.currency in WHOLE_UNIT_CURRENCIES:
                    amount = max(1, amount // 100) * 100
                events = ["succeeded"]
            elif r < 0.55:  # failed refund
                amount, events = pay.amount_minor, ["failed"]
            else:  # a full refund seen through several events
                amount = pay.amount_minor
                events = ["pending", "succeeded"] if "pending" in statuses else ["succeeded", "succeeded"]
            for i, status in enumerate(events):
                add(follow_up_gap(rng, long and i == 0), lambda when, s=status, first=i == 0:
                    hooks.refund(rng, pay, when, rid, amount, s, first), r=serial + ".r0")
        elif shape == "dispute":
            did = hooks.new_dispute_id(rng)
            for stage in range(2):
                add(follow_up_gap(rng, long or stage == 1), lambda when,
                    stage=stage: hooks.dispute(rng, pay, when, did, stage),
                    d=serial + ".d0")
    return name, pay, steps, txn_only


def lifecycle_rows(rng, wstart, end_us, serial, name, pay, steps) -> Iterator[tuple]:
    t = int(rng.random() * (WINDOW_MICROSECONDS - 60 * 1_000_000))
    lag = WRITE_LAGS[int(rng.random() * 120)]  # one lag for the lifecycle: payload times keep the rows' order
    txn = (rng.getrandbits(128) & UUID4_CLEAR_BITS) | UUID4_SET_BITS
    left = len(steps)
    for gap, render, attempt, refund, dispute, must_txn in steps:
        left -= 1
        # Never past the generation's range: a follow-up that would be is squeezed in before its end.
        t = max(t + (1 if gap else 0), min(t + gap, end_us - 1 - left))
        created = wstart + timedelta(microseconds=t)
        data, truth = render(created - lag)
        data = store_as_lake_writers_do(rng, data, name, True)
        kind = truth[8]
        truth = truth + (None if kind == EventKind.PAYMENT else attempt, serial, refund, dispute)
        yield ((rng.getrandbits(128) & UUID4_CLEAR_BITS) | UUID4_SET_BITS, data, pay.merchant,
               txn if must_txn or rng.random() >= LIFECYCLE_NO_TRANSACTIONAL_ID_SHARE else None, created, truth)
