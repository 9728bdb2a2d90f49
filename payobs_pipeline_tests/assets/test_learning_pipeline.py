"""The LLM learns a mapping once per new shape, through the real assets, the real openai client and a
scripted OpenAI-compatible server; when the LLM is down the rows wait, and heal when it is back."""

import json
import uuid
from datetime import timedelta

import dagster as dg
import openai._base_client
import psycopg
import pytest

from payobs_pipeline.automation.sensors import unprocessed_retry_sensor
from payobs_pipeline.definitions import PIPELINE
from payobs_pipeline.resources.lake import LakeDatabase
from payobs_pipeline.resources.warehouse import WarehouseDatabase
from payobs_pipeline.synthetic.seed import ensure_lake_table
from payobs_pipeline.windows import Window
from payobs_pipeline_tests.llm_server import answer, status

pytestmark = pytest.mark.database

FIRST = Window.from_key("2026-10-05-00:00")
SECOND = Window.from_key("2026-10-05-12:00")
CARD = "4111 1111 1111 1111"


def zahlung(ref: str, zustand: str, wert: str, note: str = "") -> dict:
    """A PSP nobody mapped, with German field names the heuristics do not read."""
    return {"zahlung": {"kennung": ref, "zustand": zustand, "betrag": {"wert": wert, "waehrung": "EUR"},
                        "zeit": "2026-10-05T08:00:00Z", "notiz": note}}


# The scripted LLM's answer, in MAPPING_SPEC_SCHEMA's form.
MAPPING = {
    "provider": "zahlpunkt",
    "amount_unit": "major",
    "default_currency": None,
    "fields": [{"field": name, "paths": [path], "join_separator": None} for name, path in (
        ("provider_transaction_id", "zahlung.kennung"), ("status", "zahlung.zustand"),
        ("amount", "zahlung.betrag.wert"), ("currency", "zahlung.betrag.waehrung"), ("event_time", "zahlung.zeit"))],
    "status_map": [{"value": "BEZAHLT", "status": "APPROVED"}, {"value": "ABGELEHNT", "status": "DECLINED"}],
    "reason_map": [],
    "payment_method_map": [],
    "variants": [{"name": "zahlung", "match": [{"path": "zahlung.kennung", "operator": "exists", "values": ["true"]}],
                  "root": None, "event_kind": None, "status": None, "not_a_payment": None, "fields": [],
                  "status_map": []}],
    "confidence": 0.9,
    "notes": "",
}


def _insert(lake_url: str, window: Window, documents: list[dict]) -> None:
    with psycopg.connect(lake_url) as conn:
        ensure_lake_table(conn)
        for number, data in enumerate(documents):
            conn.execute(
                "INSERT INTO raw_transactions (id, data, merchant, created_at) VALUES (%s, %s, %s, %s)",
                (uuid.uuid4(), json.dumps(data), json.dumps({"id": "m_7", "name": "Laden", "country": "DE"}),
                 window.start + timedelta(minutes=10 + number)),
            )


@pytest.fixture
def llm_env(monkeypatch, llm_server):
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-pipeline-key")
    monkeypatch.setenv("PAYOBS_LLM_BASE_URL", llm_server.base_url)
    monkeypatch.delenv("PAYOBS_LLM_ENABLED", raising=False)
    monkeypatch.delenv("PAYOBS_LLM_AUTO_ACTIVATE", raising=False)
    monkeypatch.setattr(openai._base_client, "INITIAL_RETRY_DELAY", 0.01)
    return llm_server


@pytest.fixture
def resources(lake_url, warehouse_url):
    return {"lake": LakeDatabase(url=lake_url), "warehouse": WarehouseDatabase(url=warehouse_url)}


def _run(resources, window: Window) -> dg.ExecuteInProcessResult:
    result = dg.materialize(PIPELINE, partition_key=window.partition_key, resources=resources)
    assert result.success
    return result


def _learning(result) -> dict:
    [materialization] = result.asset_materializations_for_node("learned_mappings")
    return {key: value.value for key, value in materialization.metadata.items()}


def _outcomes(warehouse_url: str, window: Window) -> dict:
    with psycopg.connect(warehouse_url) as conn:
        conn.execute("SET search_path TO payobs")
        events = dict(conn.execute(
            "SELECT normalization_method, count(*) FROM normalized_events WHERE partition_key = %s GROUP BY 1",
            (window.partition_key,)).fetchall())
        waiting = dict(conn.execute(
            "SELECT reason_code, count(*) FROM unprocessed_events WHERE partition_key = %s AND state <> 'RESOLVED' "
            "GROUP BY 1", (window.partition_key,)).fetchall())
    return {"events": events, "unprocessed": waiting}


def test_one_call_learns_a_shape_for_every_row_and_later_windows(llm_env, lake_url, warehouse_url, resources):
    _insert(lake_url, FIRST, [zahlung(f"Z-{n}", "BEZAHLT" if n % 3 else "ABGELEHNT", "10.50",
                                      note=f"card {CARD} cvv 123 mail jane.doe@example.com") for n in range(6)])
    _insert(lake_url, SECOND, [zahlung(f"Z-{n}", "BEZAHLT", "20.00") for n in range(10, 15)])
    llm_env.script(answer(MAPPING, usage=(900, 300)))

    first = _learning(_run(resources, FIRST))
    assert (first["llm_calls"], first["mappings_activated"], first["mappings_rejected"]) == (1, 1, 0)
    assert first["prompt_tokens"] == 900
    assert _outcomes(warehouse_url, FIRST) == {"events": {"learned_mapping": 6}, "unprocessed": {}}

    second = _learning(_run(resources, SECOND))
    assert second["llm_calls"] == 0  # the shape is known now: applied deterministically
    assert _outcomes(warehouse_url, SECOND) == {"events": {"learned_mapping": 5}, "unprocessed": {}}

    # Nothing unmasked left the process: the card number, its CVV and the e-mail are not in any request.
    sent = llm_env.everything_received()
    for secret in (CARD, CARD.replace(" ", ""), "jane.doe", "sk-test-pipeline-key\"", "cvv 123"):
        assert secret not in sent.replace("Bearer sk-test-pipeline-key", "")


def test_rows_wait_while_the_llm_is_down_and_heal_when_it_is_back(llm_env, lake_url, warehouse_url, resources):
    _insert(lake_url, FIRST, [zahlung(f"Z-{n}", "BEZAHLT", "10.50") for n in range(4)])
    _insert(lake_url, SECOND, [zahlung(f"Z-{n}", "BEZAHLT", "12.00") for n in range(20, 23)])
    llm_env.script(status(500))

    down = _learning(_run(resources, FIRST))
    assert down["llm_calls"] <= 1 and down["mappings_activated"] == 0
    assert _outcomes(warehouse_url, FIRST) == {"events": {}, "unprocessed": {"LLM_UNAVAILABLE": 4}}

    # The LLM is back; the next scheduled window's run finds it usable and learns the shape.
    llm_env.script(answer(MAPPING))
    _run(resources, SECOND)
    assert _outcomes(warehouse_url, SECOND)["events"] == {"learned_mapping": 3}

    # The retry sensor now finds the first window's rows due (their shape has an active mapping) ...
    with dg.build_sensor_context(resources={"warehouse": resources["warehouse"]}) as context:
        requests = unprocessed_retry_sensor(context)
    assert [request.partition_key for request in requests] == [FIRST.partition_key]
    # ... and its run heals them, without a new call.
    healed = _learning(_run(resources, FIRST))
    assert healed["llm_calls"] == 0
    assert _outcomes(warehouse_url, FIRST) == {"events": {"learned_mapping": 4}, "unprocessed": {}}


def test_a_wrong_mapping_is_rejected_with_its_reason_and_the_rows_say_so(llm_env, lake_url, warehouse_url,
                                                                          resources):
    _insert(lake_url, FIRST, [zahlung(f"Z-{n}", "BEZAHLT", "10.50") for n in range(3)])
    wrong = {**MAPPING, "fields": [f for f in MAPPING["fields"] if f["field"] != "status"]}
    llm_env.script(answer(wrong))
    learned = _learning(_run(resources, FIRST))
    assert (learned["llm_calls"], learned["mappings_rejected"], learned["mappings_activated"]) == (1, 1, 0)
    assert _outcomes(warehouse_url, FIRST) == {"events": {}, "unprocessed": {"MAPPING_REJECTED": 3}}
    with psycopg.connect(warehouse_url) as conn:
        conn.execute("SET search_path TO payobs")
        state, reason = conn.execute("SELECT state, rejection_reason FROM normalization_mappings").fetchone()
    assert state == "rejected" and reason
    # A rerun does not ask again for the same shape under the same prompt.
    assert _learning(_run(resources, FIRST))["llm_calls"] == 0


def test_a_new_status_of_a_learned_shape_extends_its_mapping_with_one_call(llm_env, lake_url, warehouse_url,
                                                                             resources):
    _insert(lake_url, FIRST, [zahlung(f"Z-{n}", "BEZAHLT", "10.50") for n in range(4)])
    # Three rows of a status the learned mapping has never seen, in the next window.
    _insert(lake_url, SECOND, [zahlung(f"Z-{n}", "STORNIERT", "10.50") for n in range(10, 13)])
    extension = {"status_map": [{"value": "STORNIERT", "status": "CANCELLED"}], "reason_map": [],
                 "payment_method_map": [], "notes": ""}
    llm_env.script(answer(MAPPING), answer(extension))
    assert _learning(_run(resources, FIRST))["llm_calls"] == 1
    second = _learning(_run(resources, SECOND))
    assert (second["llm_calls"], second["mappings_activated"]) == (1, 1)  # one call for the batch of 3 rows
    assert _outcomes(warehouse_url, SECOND) == {"events": {"learned_mapping": 3}, "unprocessed": {}}
    with psycopg.connect(warehouse_url) as conn:
        conn.execute("SET search_path TO payobs")
        mappings = conn.execute("SELECT state, extends_id IS NOT NULL, spec->'status_map' FROM normalization_mappings "
                                "ORDER BY id").fetchall()
    # The extension keeps what the mapping knew and adds the new value; it supersedes the first mapping.
    assert [m[:2] for m in mappings] == [("rejected", False), ("active", True)]
    assert {k.lower() for k in mappings[1][2]} == {"bezahlt", "abgelehnt", "storniert"}


def test_a_rare_shape_is_extracted_row_by_row(llm_env, lake_url, warehouse_url, resources):
    rare = {"vorgang": {"nummer": "V-77", "ergebnis": "genehmigt", "summe": "42.00", "waehrung": "EUR"}}
    _insert(lake_url, FIRST, [rare])
    llm_env.script(answer({"is_payment_event": True, "provider": None, "provider_transaction_id": "V-77",
                           "raw_status": "genehmigt", "status_category": "APPROVED", "event_kind": "AUTHORIZATION",
                           "raw_reason_code": None, "failure_reason": None, "amount": "42.00",
                           "amount_unit": "major", "currency": "EUR", "event_time": None, "payment_method": None,
                           "card_brand": None, "confidence": 0.7}))
    learned = _learning(_run(resources, FIRST))
    assert (learned["llm_calls"], learned["rows_extracted"], learned["mappings_proposed"]) == (1, 1, 0)
    assert _outcomes(warehouse_url, FIRST) == {"events": {"llm_extraction": 1}, "unprocessed": {}}
    with psycopg.connect(warehouse_url) as conn:
        conn.execute("SET search_path TO payobs")
        assert conn.execute("SELECT amount_minor, currency, confidence FROM normalized_events").fetchone() == (
            4200, "EUR", pytest.approx(0.7))


def test_an_exhausted_budget_leaves_rows_waiting_with_that_reason(llm_env, lake_url, warehouse_url, resources):
    other = [{"auftrag": {"id": f"A-{n}", "lage": "OK", "preis": "5.00", "waehrung": "EUR"}} for n in range(3)]
    _insert(lake_url, FIRST, [zahlung(f"Z-{n}", "BEZAHLT", "10.50") for n in range(3)] + other)
    llm_env.script(answer(MAPPING))
    result = dg.materialize(PIPELINE, partition_key=FIRST.partition_key, resources=resources, run_config={
        "resources": {"llm": {"config": {"max_calls_per_run": 1}}}})
    assert result.success
    assert _learning(result)["llm_calls"] == 1
    outcomes = _outcomes(warehouse_url, FIRST)
    # The one call the budget allowed went to one shape (learned, or rejected: the script answers the zahlung
    # mapping); the other shape's rows wait for the next run's budget, with that reason.
    assert outcomes["unprocessed"].get("LLM_BUDGET_EXHAUSTED") == 3
    assert sum(outcomes["unprocessed"].values()) + sum(outcomes["events"].values()) == 6
