"""Built-in provider mappings: one module per provider, each a mapping spec as data.

Every module defines ``SPEC`` (see ``normalization.mapping`` for the format) and
may define ``prepare(body) -> body`` where a format needs code. Add a provider
by adding its module name to ``PROVIDER_MODULES``.
"""

from __future__ import annotations

import importlib
from functools import cache

from payobs_pipeline.normalization.mapping import CompiledMapping

PROVIDER_MODULES: tuple[str, ...] = (
    "stripe", "adyen", "mercadopago", "paypal", "braintree", "checkout", "worldpay", "razorpay", "mollie",
    "dlocal", "payu", "ebanx", "square", "authorizenet",
)


@cache
def builtin_mappings() -> tuple[CompiledMapping, ...]:
    """All built-in provider mappings, compiled once per process."""
    mappings = []
    for name in PROVIDER_MODULES:
        module = importlib.import_module(f"{__name__}.{name}")
        mappings.append(CompiledMapping(module.SPEC, getattr(module, "prepare", None)))
    return tuple(mappings)
