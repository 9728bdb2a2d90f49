"""Shared checks for a provider's labeled corpus (``payobs_pipeline_tests/corpus/<provider>.json``).

A provider's test module (``normalization/providers/test_<provider>.py``) loads its corpus with
:func:`provider_cases` and parametrizes :func:`assert_case_matches_labels` over it; the labels come from the
provider's documentation (each case's ``source``), never from running the code.
"""

from __future__ import annotations

from pathlib import Path

from payobs_pipeline.normalization.evaluation import _value, load_cases, normalize_lake_data
from payobs_pipeline.normalization.normalize import Normalizer

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
