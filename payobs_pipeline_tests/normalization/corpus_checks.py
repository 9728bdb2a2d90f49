"""Shared checks for a provider's labeled corpus (``payobs_pipeline_tests/corpus/<provider>.json``).

``normalization/test_provider_contract.py`` runs the checks every provider with a module
``normalization/providers/test_<provider>.py`` must pass (its cases match their labels, its documents are detected
as its own and no one else's, its spec's statuses are categories, ...); the provider's own module keeps only
the behaviour particular to it. The labels come from the provider's documentation (each case's ``source``),
never from running the code.
"""

from __future__ import annotations

import importlib
import json
from functools import cache
from pathlib import Path
from types import ModuleType

from payobs_pipeline.normalization import providers
from payobs_pipeline.normalization.evaluation import _value, load_cases, normalize_lake_data
from payobs_pipeline.normalization.formats import PayloadParseError, parse_lake_data
from payobs_pipeline.normalization.mapping import CanonicalEvent
from payobs_pipeline.normalization.normalize import Normalizer
from payobs_pipeline.normalization.pii import mask_payload, mask_text

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
NORMALIZER = Normalizer()
HINT_KEYS = ("provider", "psp", "gateway", "p_id", "processor", "acquirer")


def provider_cases(provider: str) -> list[dict]:
    """The labeled cases of one provider's corpus file."""
    return load_cases(CORPUS / f"{provider}.json")


def case_ids(cases: list[dict]) -> list[str]:
    return [f"{case['file'][:-5]}:{case['name']}" for case in cases]


def has_hint(data: object) -> bool:
    return isinstance(data, dict) and any(key in data for key in HINT_KEYS)


def assert_case_matches_labels(case: dict, normalizer: Normalizer = NORMALIZER) -> None:
    """The row normalizes to every labeled field, or stays unprocessed with the labeled reason."""
    outcome = normalize_lake_data(case["data"], case.get("merchant"), normalizer)
    expected = case["expected"]
    if "unprocessed" in expected:
        got = outcome.unprocessed_reason or f"normalized as {outcome.event.status_category}"
        assert got == expected["unprocessed"], case["source"]
        return
    assert outcome.event is not None, f"unprocessed: {outcome.unprocessed_reason} ({case['source']})"
    got = {name: _value(outcome.event, name) for name in expected}
    assert got == expected, case["source"]


# --- the provider contract (test_provider_contract.py) ---------------------------------------------------------

PROVIDER_TESTS = Path(__file__).resolve().parent / "providers"


def provider_test_slugs() -> list[str]:
    """Providers with a module ``providers/test_<slug>.py`` and a corpus file ``corpus/<slug>.json``."""
    return sorted(path.stem[len("test_"):] for path in PROVIDER_TESTS.glob("test_*.py")
                  if (CORPUS / f"{path.stem[len('test_'):]}.json").exists())


def provider_modules(slug: str) -> list[ModuleType]:
    """The mapping modules naming ``slug`` (one per API generation: PayPal REST, NVP and SOAP)."""
    modules = [importlib.import_module(f"{providers.__name__}.{name}") for name in providers.PROVIDER_MODULES]
    return [module for module in modules if module.SPEC["provider"] == slug]


def masked_body(data: object) -> object:
    """The document as the pipeline reads it: the row's text masked, parsed, the document masked."""
    return mask_payload(parse_lake_data(mask_text(json.dumps(data))).body)


def raw_body(data: object) -> object:
    """The document parsed from the row as stored, unmasked."""
    return parse_lake_data(json.dumps(data)).body


BODIES = {"masked": masked_body, "raw": raw_body}


@cache
def corpus_bodies() -> tuple[tuple[str, str, object], ...]:
    """(provider file stem, case label, document) of every top-level corpus case, masked and raw.

    A case whose data is no document (the malformed-input corpus) gives none."""
    found = []
    for path in sorted(CORPUS.glob("*.json")):
        for case in load_cases(path):
            for read in BODIES.values():
                try:
                    found.append((path.stem, f"{path.name}:{case['name']}", read(case["data"])))
                except PayloadParseError:
                    continue
    return tuple(found)


def normalized_event(data: object, normalizer: Normalizer = NORMALIZER) -> CanonicalEvent:
    """The event one lake row's data normalizes to; fails when the row stays unprocessed."""
    outcome = normalize_lake_data(data, None, normalizer)
    assert outcome.event is not None, outcome.unprocessed_reason
    return outcome.event
