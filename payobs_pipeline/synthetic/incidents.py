"""Incidents with a known answer (docs/metrics.md, "Seeded incidents"): provider outages in chosen windows
and Culqi, a noisy low-volume provider, each drawn from random streams of their own so that every other
row stays exactly as it is without the scenario."""

from __future__ import annotations

import random
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Iterator

from payobs_pipeline.synthetic.provider_base import Outcome, ProviderRenderer
from payobs_pipeline.synthetic.providers import CULQI, RENDERERS
from payobs_pipeline.synthetic.randomness import UUID4_CLEAR_BITS, UUID4_SET_BITS, choice, randint, weighted_picker
from payobs_pipeline.synthetic.traffic_mix import (
    DECLINE_REASON_SHARES,
    PROVIDER_SHARES,
    STATUS_SHARES,
    store_as_lake_writers_do,
)
from payobs_pipeline.synthetic.vocabulary import CUSTOMER_CAUSED_REASONS, EventKind, FailureReason, StatusCategory
from payobs_pipeline.synthetic.windows import WINDOW, WINDOW_MICROSECONDS, WRITE_LAGS, window_key


# What an outage's failed attempts fail with, by weight: the acquirer's or issuer's link is down
# (issuer unavailable), the provider's processing fails, requests time out. Each provider renders them
# with its own codes for these reasons (an error where it classifies them as errors, else a decline);
# a provider with none of them (MercadoPago, Mollie, EBANX) shows an outage as generic declines.
OUTAGE_REASON_SHARES: dict[FailureReason, float] = {
    FailureReason.PROCESSING_ERROR: 0.45, FailureReason.ISSUER_UNAVAILABLE: 0.40, FailureReason.TIMEOUT: 0.15}

# The noisy low-volume provider of a scenario: Culqi (Peru), a few dozen attempts a window whose approval
# rate moves from window to window (NOISY_APPROVAL_RATE +- NOISY_RATE_SWING, uniform, then binomial noise).
NOISY_PROVIDER = "culqi"

# Share of a provider's approved attempts that are single rows or pending-then-final pairs, the ones an
# outage turns into failures (lifecycles keep their planned outcomes; measured over the 14 providers:
# 0.91 to 0.93). An incident's failure share is divided by it, so the rate falls by about DROP.
OUTAGE_CONVERTIBLE_SHARE = 0.92

NOISY_ATTEMPTS = (36, 60)  # attempts per window, uniform

NOISY_APPROVAL_RATE = 0.82

NOISY_RATE_SWING = 0.04

NOISY_CHUNK = "noisy"

ATTEMPT_KINDS = frozenset({EventKind.AUTHORIZATION, EventKind.CAPTURE})

WINDOW_KEY_PATTERN = re.compile(r"\d{4}-\d{2}-\d{2}-(00|12):00")

_OUTAGE_TABLES: dict[str, tuple] = {}


def outage_table(prov: ProviderRenderer) -> tuple:
    table = _OUTAGE_TABLES.get(prov.name)
    if table is None:
        codes: dict = {}
        for reason in OUTAGE_REASON_SHARES:
            for status, known in ((StatusCategory.ERROR, prov.errors), (StatusCategory.DECLINED, prov.declines),
                                  (StatusCategory.UNKNOWN, prov.unknowns)):
                if reason in known:
                    codes[reason] = (status, known[reason])
                    break
        if codes:
            pick = weighted_picker({reason: OUTAGE_REASON_SHARES[reason] for reason in codes})
        else:
            codes = {FailureReason.GENERIC_DECLINE: (StatusCategory.DECLINED,
                                                     prov.declines[FailureReason.GENERIC_DECLINE])}
            pick = weighted_picker({FailureReason.GENERIC_DECLINE: 1.0})
        table = _OUTAGE_TABLES[prov.name] = (pick, codes)
    return table


def outage_outcome(rng: random.Random, prov: ProviderRenderer) -> Outcome:
    pick, codes = outage_table(prov)
    reason = pick(rng)
    status, known = codes[reason]
    return status, reason, choice(rng, known)


def outage_reasons(provider: str) -> list[str]:
    """The failure reasons an outage of this provider produces (its own codes for OUTAGE_REASON_SHARES)."""
    return [str(reason) for reason in outage_table(RENDERERS[provider])[1]]


def natural_approval_rate(provider: str) -> float:
    """The provider's approval rate by the generator's shares, as provider health counts it: approved over
    decided attempts (approved, declined, error, unknown) less the customer-caused declines."""
    prov = RENDERERS[provider]
    share = {st: STATUS_SHARES[st] if st in prov.statuses else 0.0 for st in STATUS_SHARES}
    weights = {r: DECLINE_REASON_SHARES[r] for r in prov.declines}
    customer = sum(w for r, w in weights.items() if r in CUSTOMER_CAUSED_REASONS) / sum(weights.values())
    decided = (share[StatusCategory.APPROVED] + share[StatusCategory.DECLINED] * (1 - customer)
               + share[StatusCategory.ERROR] + share[StatusCategory.UNKNOWN])
    return share[StatusCategory.APPROVED] / decided


@dataclass(frozen=True, slots=True)
class Incident:
    """A provider outage in one window: the provider's approval rate falls by about ``drop`` (a fraction)."""

    provider: str
    window: str  # the window's key, e.g. 2026-11-27-12:00
    drop: float

    @classmethod
    def parse(cls, text: str) -> Incident:
        """``PROVIDER:WINDOW:DROP``, e.g. ``stripe:2026-11-27-12:00:30`` (30 points) or ``...:0.3``.

        DROP above 1 (or ending in ``%``) is in points, 1 or below a fraction: ``30``, ``30%`` and ``0.3``
        are the same drop.
        """
        provider, _, rest = text.strip().partition(":")
        window, _, drop_text = rest.rpartition(":")
        if not provider or not window or not drop_text:
            raise ValueError(f"incident {text!r}: expected PROVIDER:WINDOW:DROP, e.g. stripe:2026-11-27-12:00:30")
        points = drop_text.endswith("%")
        try:
            value = float(drop_text.rstrip("%"))
        except ValueError:
            raise ValueError(f"incident {text!r}: DROP {drop_text!r} is not a number") from None
        drop = value / 100 if points or value > 1 else value
        return cls(provider.lower(), window, drop)

    def __post_init__(self) -> None:
        if self.provider not in PROVIDER_SHARES:
            raise ValueError(f"incident provider {self.provider!r}: not a generated provider "
                             f"({', '.join(sorted(PROVIDER_SHARES))})")
        if not WINDOW_KEY_PATTERN.fullmatch(self.window):
            raise ValueError(f"incident window {self.window!r}: expected a window key like 2026-11-27-12:00")
        if not 0 < self.drop <= 1:
            raise ValueError(f"incident drop {self.drop!r}: must be more than 0 and at most 100 points")

    @property
    def share(self) -> float:
        """Share of the provider's would-be-approved single-row and pending-then-final attempts that fail:
        the drop over its natural rate, over the share of its approved attempts those make up."""
        return min(1.0, self.drop / natural_approval_rate(self.provider) / OUTAGE_CONVERTIBLE_SHARE)

    @property
    def window_start(self) -> datetime:
        return datetime.strptime(self.window, "%Y-%m-%d-%H:%M").replace(tzinfo=timezone.utc)


@dataclass(frozen=True, slots=True)
class Scenario:
    """Incidents to inject into a generation, and whether to add the noisy low-volume provider.

    Deterministic like the rest: the same arguments and scenario give the same rows. Rows of other
    providers and other windows are exactly those of the generation without the scenario (outage rows
    and the noisy provider's rows come from random streams of their own).
    """

    incidents: tuple[Incident, ...] = ()
    noisy: bool = True

    def outages_by_window(self, start: datetime, windows: int) -> dict[int, tuple]:
        """``{window index: ((provider, share), ...)}``; an incident outside the range is an error."""
        start = start.astimezone(timezone.utc)
        out: dict[int, list] = defaultdict(list)
        for incident in self.incidents:
            index, rest = divmod(incident.window_start - start, WINDOW)
            if rest or not 0 <= index < windows:
                first, last = window_key(start), window_key(start + (windows - 1) * WINDOW)
                raise ValueError(f"incident window {incident.window} is not a window of the seeded range "
                                 f"{first} .. {last}")
            if any(p == incident.provider for p, _ in out[index]):
                raise ValueError(f"two incidents for {incident.provider} in {incident.window}")
            out[index].append((incident.provider, incident.share))
        return {w: tuple(items) for w, items in out.items()}

    def truth(self) -> dict:
        """The ground truth of the scenario, as the seed records it (JSON-ready)."""
        return {
            "incidents": [
                {"provider": i.provider, "window": i.window, "drop": round(i.drop, 4),
                 "natural_approval_rate": round(natural_approval_rate(i.provider), 4),
                 "failed_share_of_approved": round(i.share, 4), "failure_reasons": outage_reasons(i.provider)}
                for i in self.incidents],
            "noisy_provider": None if not self.noisy else {
                "provider": NOISY_PROVIDER, "attempts_per_window": list(NOISY_ATTEMPTS),
                "approval_rate": NOISY_APPROVAL_RATE, "rate_swing": NOISY_RATE_SWING, "flag_expected": False},
        }


def noisy_provider_rows(seed: int, wstart: datetime, window: int) -> Iterator[tuple]:
    """One window of the noisy provider: its own random stream, its own attempt count and rate."""
    rng = random.Random(f"payobs:{seed}:{window}:{NOISY_CHUNK}")
    rnd = rng.random
    prov = CULQI
    n = randint(rng, *NOISY_ATTEMPTS)
    rate = NOISY_APPROVAL_RATE + (2 * rnd() - 1) * NOISY_RATE_SWING
    for k in range(n):
        created = wstart + timedelta(microseconds=int(rnd() * WINDOW_MICROSECONDS))
        when = created - WRITE_LAGS[int(rnd() * 120)]
        out = prov.outcome(rng, StatusCategory.APPROVED if rnd() < rate else StatusCategory.DECLINED)
        pay = prov.new_payment(rng, True)
        data, truth = prov.render(rng, pay, out, when)
        data = store_as_lake_writers_do(rng, data, prov.name, True)
        serial = f"{window}.{NOISY_CHUNK}.{k}"
        yield ((rng.getrandbits(128) & UUID4_CLEAR_BITS) | UUID4_SET_BITS, data, pay.merchant,
               (rng.getrandbits(128) & UUID4_CLEAR_BITS) | UUID4_SET_BITS, created,
               truth + (serial, serial, None, None))
