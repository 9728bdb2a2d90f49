"""One payment as the generator plans it (merchant, amount, card, the provider's ids), shared by its rows."""

from __future__ import annotations

import random
from dataclasses import dataclass

from payobs_pipeline.synthetic.randomness import weighted_picker


# Luhn-valid test numbers published by the card networks and PSPs.
TEST_CARD_NUMBERS = (
    "4111111111111111",
    "4242424242424242",
    "5555555555554444",
    "5105105105105100",
    "378282246310005",
    "6011111111111117",
    "4000056655665556",
    "3530111333300000",
)


pick_card_brand = weighted_picker({("visa", "Visa", "424242"): 55, ("mastercard", "Mastercard", "555555"): 30,
                                   ("amex", "American Express", "378282"): 8, ("discover", "Discover", "601111"): 3,
                                   ("jcb", "JCB", "353011"): 4})


@dataclass(slots=True)
class Card:
    brand: str
    label: str
    bin: str
    last4: str
    exp_month: int
    exp_year: int


def random_card(rng: random.Random) -> Card:
    brand, label, bin6 = pick_card_brand(rng)
    x = rng.getrandbits(24)
    return Card(brand, label, bin6, "%04d" % (x % 10000), (x >> 14) % 12 + 1, 2026 + (x >> 20) % 8)


@dataclass(slots=True)
class Payment:
    """One payment, shared by the lake rows that describe it."""

    provider: str
    merchant: dict
    country: str
    currency: str
    amount_minor: int
    txn_id: str
    method: str  # provider's own method word
    kind: str  # provider-specific payload family
    card: Card
    pii: bool
    aux: dict  # provider-specific ids fixed for the payment (order ids, charge ids ...)
