"""Temporary scaffolding (deleted with payobs_pipeline/lake/): the new package generates exactly the rows of
the old ``lake/synthetic.py`` for the same arguments, with and without incidents, and the seeder writes
the same COPY text."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from enum import Enum

import pytest

from payobs_pipeline.lake import seed as old_seed
from payobs_pipeline.lake import synthetic as old
from payobs_pipeline import synthetic as new
from payobs_pipeline.synthetic import seed as new_seed

START = datetime(2026, 11, 1, tzinfo=timezone.utc)


def _key(start: datetime, window: int) -> str:
    return (start + window * timedelta(hours=12)).strftime("%Y-%m-%d-%H:%M")


def _scenarios(module, start: datetime, windows: int) -> list:
    incidents = [("stripe", 0, 0.3), ("adyen", windows - 1, 0.5), ("payu", 0, 0.2), ("braintree", windows - 1, 0.4)]
    outages = tuple(module.Incident(p, _key(start, w), d) for p, w, d in incidents)
    outages += (module.Incident.parse(f"mercadopago:{_key(start, windows - 1)}:30"),)
    return [None,
            module.Scenario(),
            module.Scenario(outages, noisy=True),
            module.Scenario((module.Incident("checkout", _key(start, 0), 0.9),), noisy=False)]


CASES = [(0, START, 1, 1), (1, START, 1, 2), (997, START, 3, 5), (6_000, START, 2, 11),
         (4_001, datetime(2025, 3, 4, 12, tzinfo=timezone.utc), 4, 23), (21_000, START, 1, 7)]


def _truth_value(value):
    """A truth field compared by kind and value: the old package's values are the core's StrEnums, the new
    package's its own (same strings)."""
    if isinstance(value, Enum):
        assert isinstance(value, str)
        return ("str", str(value))
    return (type(value).__name__, value)


def _row(row: tuple) -> tuple:
    row_id, data, merchant, txn, created, truth = row
    return (row_id, type(data).__name__, json.dumps(data), json.dumps(merchant), txn, created,
            tuple(_truth_value(v) for v in truth))


@pytest.mark.parametrize("rows, start, windows, seed", CASES)
@pytest.mark.parametrize("scenario_index", range(4))
def test_same_rows(rows, start, windows, seed, scenario_index):
    old_scenario = _scenarios(old, start, windows)[scenario_index]
    new_scenario = _scenarios(new, start, windows)[scenario_index]
    if old_scenario is not None:
        assert old_scenario.truth() == new_scenario.truth()
    old_chunks = old.generation_chunks(rows, start, windows, seed, old_scenario)
    new_chunks = new.generation_chunks(rows, start, windows, seed, new_scenario)
    assert old_chunks == new_chunks
    count = 0
    for chunk in old_chunks:
        old_rows = list(old.generate_chunk(*chunk))
        new_rows = list(new.generate_chunk(*chunk))
        assert len(old_rows) == len(new_rows)
        for a, b in zip(old_rows, new_rows):
            assert _row(a) == _row(b)
        assert old_seed._chunk_copy_text(chunk) == new_seed._chunk_copy_text(chunk)
        count += len(new_rows)
    assert count == rows + new.noisy_row_count(start, windows, seed, new_scenario)
    assert old.noisy_row_count(start, windows, seed, old_scenario) == new.noisy_row_count(
        start, windows, seed, new_scenario)


@pytest.mark.parametrize("rows, start, windows, seed", CASES[2:5])
def test_same_expected_metrics(rows, start, windows, seed):
    for old_scenario, new_scenario in zip(_scenarios(old, start, windows), _scenarios(new, start, windows)):
        assert old.expected_metrics(rows, start, windows, seed, old_scenario) == new.expected_metrics(
            rows, start, windows, seed, new_scenario)


def test_same_lake_rows_and_truth_objects():
    old_rows = list(old.generate_lake_rows(3_000, START, 2, 9))
    new_rows = list(new.generate_lake_rows(3_000, START, 2, 9))
    fields = ("id", "data", "merchant", "transactional_id", "created_at")
    assert [tuple(getattr(r, f) for f in fields) for r, _ in old_rows] == [
        tuple(getattr(r, f) for f in fields) for r, _ in new_rows]
    assert [tuple(map(_truth_value, (getattr(t, f) for f in t.__slots__))) for _, t in old_rows] == [
        tuple(map(_truth_value, (getattr(t, f) for f in t.__slots__))) for _, t in new_rows]


def test_same_incident_knowledge():
    for provider in old.PROVIDER_SHARES:
        assert old.natural_approval_rate(provider) == new.natural_approval_rate(provider)
        assert old.outage_reasons(provider) == new.outage_reasons(provider)


def test_same_public_constants():
    for name in ("PROVIDER_SHARES", "MALFORMED_SHARES", "MALFORMED_SHARE", "UNKNOWN_PROVIDER_SHARE", "STATUS_SHARES",
                 "TEST_CARD_NUMBERS", "MERCHANTS", "WINDOW", "ATTEMPT_COUNTS", "PAYMENT_COUNTS", "NOISY_PROVIDER",
                 "GENERATION_CHUNK_ROWS", "LIFECYCLE_SHAPES", "OUTAGE_REASON_SHARES"):
        old_value, new_value = getattr(old, name), getattr(new, name)
        if isinstance(old_value, dict):
            assert {str(k): v for k, v in old_value.items()} == {str(k): v for k, v in new_value.items()}, name
        else:
            assert old_value == new_value, name
    assert old.lake_row_counts(1001, 7) == new.lake_row_counts(1001, 7)
    assert old.window_key(START + timedelta(hours=13)) == new.window_key(START + timedelta(hours=13))


def test_the_core_benchmark_reads_the_same_payloads():
    from payobs_pipeline import core_benchmark
    from payobs_pipeline.normalization import benchmark

    assert benchmark.known_provider_json_payloads(400) == core_benchmark.known_provider_json_payloads(400)
