"""What every provider module implements: a payload renderer and, for lifecycles, its hooks.

A ``ProviderRenderer`` holds one provider's codes by canonical reason and renders one payload in the
provider's own words with its truth. A ``LifecycleHooks`` renders the rows of a payment's lifecycle
(retries, captures, voids, refunds, disputes, two objects about one attempt) from the renderer,
post-edited where the lifecycle needs another status word or object, and says what each row is (its
event kind). The generator, not the payloads, knows which attempt, payment, refund and dispute every row
belongs to.
"""

from __future__ import annotations

import random
import re
from datetime import datetime

from payobs_pipeline.synthetic.amounts import basket_amount
from payobs_pipeline.synthetic.merchants import (
    COUNTRY_CURRENCY,
    MERCHANTS_BY_COUNTRY,
    MERCHANTS_BY_ID,
    PROVIDER_COUNTRIES,
)
from payobs_pipeline.synthetic.payments import Payment, random_card
from payobs_pipeline.synthetic.randomness import choice, restricted_picker, weighted_picker
from payobs_pipeline.synthetic.traffic_mix import (
    DECLINE_REASON_SHARES,
    ERROR_REASON_SHARES,
    PII_SHARE,
    STATUS_SHARES,
    UNKNOWN_REASON_SHARES,
)
from payobs_pipeline.synthetic.vocabulary import EventKind, StatusCategory


def iso_utc(dt: datetime) -> str:
    """``2026-11-27T10:15:00Z``: seconds, UTC spelled Z."""
    return dt.isoformat(timespec="seconds").replace("+00:00", "Z")


# An outcome: (status, failure reason or None, provider-specific code entry or None)
Outcome = tuple


class ProviderRenderer:
    """Per-provider knowledge: its codes by canonical reason and how to render a payload."""

    name: str = ""
    statuses: frozenset = frozenset(STATUS_SHARES)
    declines: dict = {}
    errors: dict = {}
    unknowns: dict = {}
    pending_capable = True

    def __init__(self) -> None:
        self.status_pick = restricted_picker(STATUS_SHARES, self.statuses)
        self.decline_pick = restricted_picker(DECLINE_REASON_SHARES, self.declines) if self.declines else None
        self.error_pick = restricted_picker(ERROR_REASON_SHARES, self.errors) if self.errors else None
        self.unknown_pick = restricted_picker(UNKNOWN_REASON_SHARES, self.unknowns) if self.unknowns else None
        # one pick gives the merchant and its country: country weight shared by its merchants
        self.merchant_pick = weighted_picker({
            (m["country"], m["id"]): w / len(MERCHANTS_BY_COUNTRY[c])
            for c, w in PROVIDER_COUNTRIES[self.name].items() for m in MERCHANTS_BY_COUNTRY[c]})

    def outcome(self, rng: random.Random, status: StatusCategory | None = None) -> Outcome:
        st = status or self.status_pick(rng)
        if st is StatusCategory.DECLINED:
            reason = self.decline_pick(rng)
            return st, reason, choice(rng, self.declines[reason])
        if st is StatusCategory.ERROR:
            reason = self.error_pick(rng)
            return st, reason, choice(rng, self.errors[reason])
        if st is StatusCategory.UNKNOWN:
            reason = self.unknown_pick(rng)
            return st, reason, choice(rng, self.unknowns[reason])
        return st, None, None

    def new_payment(self, rng: random.Random, needs_card: bool) -> Payment:
        country, merchant_id = self.merchant_pick(rng)
        currency = COUNTRY_CURRENCY[country]
        pay = Payment(self.name, MERCHANTS_BY_ID[merchant_id], country, currency, basket_amount(rng, currency), "",
                      "card", "", random_card(rng), rng.random() < PII_SHARE, {})
        self.setup(rng, pay, needs_card)
        return pay

    def setup(self, rng: random.Random, pay: Payment, needs_card: bool) -> None:  # pragma: no cover
        raise NotImplementedError

    def render(self, rng: random.Random, pay: Payment, out: Outcome, when: datetime) -> tuple[object, tuple]:
        raise NotImplementedError  # pragma: no cover

    def expected(self, pay: Payment, out: Outcome, method: str, txn_id: str | None = None,
                 amount_minor: int | None = None, kind: str | None = None) -> tuple:
        """The row's truth tuple (truth.TRUTH_FIELDS); the kind of a lone row follows its status unless given.

        A plain tuple: the bulk loader never needs the dataclass (it costs ~1 µs a row)."""
        return (self.name, out[0], out[1], pay.amount_minor if amount_minor is None else amount_minor,
                pay.currency, method, txn_id or pay.txn_id, None,
                kind or LONE_ROW_KIND.get(out[0], EventKind.AUTHORIZATION))


# A lone row's kind by its status: a lone CANCELLED row is the void of an authorization the lake
# never saw, unless its renderer says it is an abandoned payment (no authorization decision).
LONE_ROW_KIND = {StatusCategory.REFUNDED: EventKind.REFUND, StatusCategory.CHARGEBACK: EventKind.DISPUTE,
                 StatusCategory.CANCELLED: EventKind.VOID}


class LifecycleHooks:
    """How a provider renders lifecycle rows. ``caps`` names the lifecycle shapes it supports."""

    caps: frozenset = frozenset({"retry"})
    # False: the provider has no payment id to repeat (one order code / merchant code per attempt):
    # a retry is linked to its payment by the lake's transactional_id only.
    same_payment_retry = True
    refund_statuses: tuple = ("succeeded", "failed", "pending")

    def __init__(self, renderer: ProviderRenderer):
        self.renderer = renderer

    def new_attempt(self, rng, pay, new_payment):  # pragma: no cover
        raise NotImplementedError

    def auth(self, rng, pay, out, when):
        return self.renderer.render(rng, pay, out, when)

    def auth_only(self, rng, pay, when):  # an authorization to be captured later
        return self.auth(rng, pay, self.renderer.outcome(rng, StatusCategory.APPROVED), when)

    def new_refund_id(self, rng, pay) -> str:  # pragma: no cover
        """The id of a new refund of the payment (providers whose lifecycles refund)."""
        raise NotImplementedError

    def new_dispute_id(self, rng) -> str:  # pragma: no cover
        """The id of a new dispute (providers whose lifecycles dispute)."""
        raise NotImplementedError


def replace_first_in_content(data, pattern, repl):
    """Post-edit a wrapped XML payload: the first match of ``pattern`` in ``data["content"]``."""
    data["content"] = re.sub(pattern, repl, data["content"], count=1)
