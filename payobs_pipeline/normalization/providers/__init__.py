"""Built-in provider mappings: one module per provider (or per API generation of one), each a spec as data.

Every module in this package defines ``SPEC`` (see ``normalization.mapping`` for the format) and may define
``prepare(body) -> body`` where a format needs code. A provider is added by adding its module: modules are
found by name, in alphabetical order, so nothing else needs editing. A provider with several API
generations (PayPal REST and NVP, for example) has one module per generation, all with the same
``provider`` slug: the hint names the provider and the payload's shape picks the generation.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from payobs_pipeline.normalization.mapping import CompiledMapping

PROVIDER_MODULES: tuple[str, ...] = tuple(sorted(
    info.name for info in pkgutil.iter_modules(__path__) if not info.name.startswith("_")
))


@cache
def builtin_mappings() -> tuple[CompiledMapping, ...]:
    """All built-in provider mappings, compiled once per process."""
    mappings = []
    for name in PROVIDER_MODULES:
        module = importlib.import_module(f"{__name__}.{name}")
        mappings.append(CompiledMapping(module.SPEC, getattr(module, "prepare", None)))
    return tuple(mappings)


@cache
def mapped_providers() -> frozenset[str]:
    """The provider slugs the built-in mappings name."""
    return frozenset(mapping.provider for mapping in builtin_mappings())
