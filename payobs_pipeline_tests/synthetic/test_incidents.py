"""The generator's incidents: an outage changes only its provider and window, by about the drop asked, with
outage failure reasons; the noisy provider adds a few dozen Culqi attempts a window and nothing else; all of
it deterministic. Expected figures are worked out by hand from the scenario's numbers."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timezone

import pytest

from payobs_pipeline import synthetic
from payobs_pipeline.synthetic import (
    WINDOW,
    Incident,
    Scenario,
    expected_metrics,
    generate_raw_rows,
    window_key,
)
from payobs_pipeline.normalization.evaluation import normalize_lake_data
from payobs_pipeline.normalization.normalize import Normalizer

START = datetime(2026, 11, 1, tzinfo=timezone.utc)
ROWS, WINDOWS, SEED = 24_000, 3, 17
OUTAGE_WINDOW = "2026-11-01-12:00"
OUTAGE = Scenario(incidents=(Incident.parse(f"adyen:{OUTAGE_WINDOW}:30"),), noisy=False)


def _by_id(rows) -> dict:
    return {row[0]: row for row in rows}


@pytest.fixture(scope="module")
def plain():
    return list(generate_raw_rows(ROWS, START, WINDOWS, SEED))


@pytest.fixture(scope="module")
def with_outage():
    return list(generate_raw_rows(ROWS, START, WINDOWS, SEED, OUTAGE))


def test_the_drop_is_read_in_points_or_as_a_fraction():
    a = Incident.parse("stripe:2026-11-27-12:00:30")
    assert a == Incident.parse("stripe:2026-11-27-12:00:0.3") == Incident.parse("Stripe:2026-11-27-12:00:30%")
    assert (a.provider, a.window, a.drop) == ("stripe", "2026-11-27-12:00", 0.3)
    assert Incident.parse("adyen:2026-11-27-00:00:1").drop == 1.0  # 1 and below: a fraction
    for bad in ("stripe:2026-11-27-12:00", "nobody:2026-11-27-12:00:30", "stripe:2026-11-27-06:00:30",
                "stripe:2026-11-27-12:00:0", "stripe:2026-11-27-12:00:150", "stripe:2026-11-27-12:00:lots"):
        with pytest.raises(ValueError):
            Incident.parse(bad)


def test_an_incident_outside_the_seeded_range_is_refused():
    scenario = Scenario(incidents=(Incident.parse("stripe:2026-12-01-00:00:30"),))
    with pytest.raises(ValueError, match="not a window of the seeded range"):
        synthetic.generation_chunks(100, START, WINDOWS, SEED, scenario)


def test_the_outage_changes_only_its_provider_in_its_window(plain, with_outage):
    before, after = _by_id(plain), _by_id(with_outage)
    changed = {rid for rid in before.keys() | after.keys() if before.get(rid) != after.get(rid)}
    assert changed  # the outage did something ...
    for rid in changed:  # ... and only to Adyen rows of the outage window
        for row in (before.get(rid), after.get(rid)):
            if row is not None:
                assert row[5][0] == "adyen" and window_key(row[4]) == OUTAGE_WINDOW
    # every other row is byte for byte the same, in the same order
    untouched = [row for row in plain if row[0] not in changed]
    assert untouched == [row for row in with_outage if row[0] not in changed]


def test_the_outage_turns_approvals_into_outage_failures_only(plain, with_outage):
    def outcomes(rows):
        return Counter((str(row[5][1]), row[5][2] and str(row[5][2])) for row in rows
                       if row[5][0] == "adyen" and window_key(row[4]) == OUTAGE_WINDOW and row[5][8] in
                       ("AUTHORIZATION", "CAPTURE"))

    before, after = outcomes(plain), outcomes(with_outage)
    assert after[("APPROVED", None)] < before[("APPROVED", None)]
    grew = {key for key in before.keys() | after.keys() if after[key] > before[key]}
    # Adyen has a processing-error code (an ERROR) and an issuer-unavailable refusal (a DECLINED)
    assert grew <= {("ERROR", "PROCESSING_ERROR"), ("DECLINED", "ISSUER_UNAVAILABLE")} and grew
    for key in before.keys() | after.keys():  # no other outcome moved (a replaced pending-then-final
        if key not in grew and key != ("APPROVED", None):  # pair keeps its PENDING first row)
            assert after[key] == before[key], key


def test_the_approval_rate_falls_by_about_the_drop():
    plain_truth, _ = expected_metrics(ROWS, START, WINDOWS, SEED)
    outage_truth, _ = expected_metrics(ROWS, START, WINDOWS, SEED, OUTAGE)
    for key in plain_truth:
        if key[1] != "adyen" or key[0] != OUTAGE_WINDOW:
            assert outage_truth[key] == plain_truth[key]
    before, after = plain_truth[(OUTAGE_WINDOW, "adyen")], outage_truth[(OUTAGE_WINDOW, "adyen")]
    assert after["attempts"] == before["attempts"]  # the same attempts, fewer approved
    rate_before, rate_after = before["approved"] / before["attempts"], after["approved"] / after["attempts"]
    # 30 points of the health rate (customer failures left out, about 0.90 for Adyen) are about
    # 30 * 0.86 / 0.90 = 28.7 points of the attempt-level rate (about 0.86); ~1,500 attempts: +-2.5 points
    assert 0.26 <= rate_before - rate_after <= 0.32


def test_the_noisy_provider_adds_a_few_dozen_culqi_attempts_a_window_and_changes_nothing_else(plain):
    noisy = list(generate_raw_rows(ROWS, START, WINDOWS, SEED, Scenario(noisy=True)))
    extra = [row for row in noisy if row[5][0] == "culqi"]
    assert [row for row in noisy if row[5][0] != "culqi"] == plain
    per_window = Counter(window_key(row[4]) for row in extra)
    assert set(per_window) == {window_key(START + k * WINDOW) for k in range(WINDOWS)}
    assert all(36 <= n <= 60 for n in per_window.values())
    for row in extra:
        assert row[2]["country"] == "PE" and row[5][4] in ("PEN", None) and str(row[5][1]) in ("APPROVED", "DECLINED")
    rates = {w: sum(1 for r in extra if window_key(r[4]) == w and str(r[5][1]) == "APPROVED") / n
             for w, n in per_window.items()}
    assert all(0.6 <= rate <= 0.97 for rate in rates.values())  # 0.82 +- 0.04, then binomial noise on ~50


def test_culqi_rows_normalize_to_their_truth():
    """The generator renders Culqi from its API documentation; the normalizer's Culqi spec must agree."""
    normalizer = Normalizer()
    rows = [row for row in generate_raw_rows(0, START, 2, SEED, Scenario(noisy=True))]
    assert rows
    for _id, data, merchant, _txn, _created, exp in rows:
        event = normalize_lake_data(data, merchant, normalizer).event
        assert event is not None
        got = (event.provider, str(event.status_category), event.failure_reason and str(event.failure_reason),
               event.amount_minor, event.currency, event.provider_transaction_id)
        assert got == (exp[0], str(exp[1]), exp[2] and str(exp[2]), exp[3], exp[4], exp[6])


def test_a_scenario_is_deterministic(with_outage):
    assert list(generate_raw_rows(ROWS, START, WINDOWS, SEED, OUTAGE)) == with_outage
    truth = OUTAGE.truth()
    assert truth["incidents"][0]["provider"] == "adyen" and truth["incidents"][0]["window"] == OUTAGE_WINDOW
    assert truth["noisy_provider"] is None


def test_lake_seed_incident_writes_the_outage_and_its_ground_truth(fresh_database, tmp_path):
    """`payobs lake seed --incident` end to end: the lake holds the outage, the truth file names it."""
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    import psycopg

    lake = fresh_database("lake")
    env = {**{k: v for k, v in os.environ.items() if not k.startswith(("PAYOBS_", "DAGSTER_"))},
           "PAYOBS_LAKE_URL": lake, "PAYOBS_HOME": str(tmp_path)}
    payobs = str(Path(sys.executable).with_name("payobs"))
    args = [payobs, "lake", "seed", "--rows", "3000", "--start", "2026-11-01T00:00:00Z", "--windows", "2",
            "--seed", "5", "--incident", "paypal:2026-11-01-12:00:50"]
    done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "outage: paypal in window 2026-11-01-12:00" in done.stderr
    truth = json.loads((tmp_path / "seeded_incidents.json").read_text())
    assert truth["incidents"][0]["provider"] == "paypal" and truth["incidents"][0]["drop"] == 0.5
    assert truth["noisy_provider"]["provider"] == "culqi"  # on by default with an incident
    assert truth["seed"] == {"rows": 3000, "start": "2026-11-01T00:00:00+00:00", "windows": 2, "seed": 5}
    scenario = Scenario((Incident.parse("paypal:2026-11-01-12:00:50"),), noisy=True)
    expected = {str(r[0]) for r in generate_raw_rows(3000, datetime(2026, 11, 1, tzinfo=timezone.utc), 2, 5,
                                                     scenario)}
    with psycopg.connect(lake) as conn:
        stored = {str(r[0].int) for r in conn.execute("SELECT id FROM raw_transactions")}
    assert stored == expected  # exactly the scenario's rows, outage and noisy provider included

    bad = subprocess.run([*args[:-1], "paypal:2026-12-24-00:00:50"], env=env, capture_output=True, text=True,
                         timeout=300)
    assert bad.returncode != 0 and "not a window of the seeded range" in bad.stderr
