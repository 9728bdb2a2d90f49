"""LLMResource with the real openai client against the scripted server: answers, retries, budget, secrets."""

from __future__ import annotations

import json
import logging
import socket
import time

import dagster as dg
import openai._base_client
import pytest
from click.testing import CliRunner

from payobs_pipeline.normalization import learning
from payobs_pipeline.resources import llm as llm_module
from payobs_pipeline.resources.llm import LLMAnswer, LLMResource, LLMUnavailable
from payobs_pipeline_tests.llm_server import answer, hang, raw, rejects_response_format, status
from payobs_pipeline_tests.normalization.test_learning import (
    CORRECT,
    FINGERPRINT,
    SAMPLES,
    assert_no_pii,
    pii_samples,
)

API_KEY = "sk-test-Q7xVb91LmZ-scripted-key"
MESSAGES = [{"role": "user", "content": "map this"}]
SCHEMA = learning.MAPPING_SPEC_SCHEMA


@pytest.fixture
def env(monkeypatch, llm_server):
    """A key, the scripted server as base URL, nothing else from the machine's environment; tiny backoff."""
    monkeypatch.setenv("OPENAI_API_KEY", API_KEY)
    monkeypatch.setenv("PAYOBS_LLM_BASE_URL", llm_server.base_url)
    for name in ("PAYOBS_LLM_MODEL", "PAYOBS_LLM_ENABLED", "PAYOBS_LLM_PRICE_INPUT_PER_MTOK",
                 "PAYOBS_LLM_PRICE_OUTPUT_PER_MTOK"):
        monkeypatch.delenv(name, raising=False)
    # The client's exponential backoff starts at 0.5 s; tests wait 10 ms instead (Retry-After still rules).
    monkeypatch.setattr(openai._base_client, "INITIAL_RETRY_DELAY", 0.01)
    return llm_server


def resource(**config) -> LLMResource:
    return LLMResource(**{"timeout_seconds": 1.0, "max_retries": 2, **config})


def complete(llm: LLMResource) -> LLMAnswer:
    return llm.complete_json(MESSAGES, SCHEMA, "mapping_spec")


# --- answers ------------------------------------------------------------------------------------------------


def test_a_correct_mapping_is_asked_with_a_strict_json_schema_and_validates(env):
    env.script(answer(CORRECT, usage=(1200, 300)))
    llm = resource()
    result = llm.complete_json(learning.mapping_request(SAMPLES, "acmepay"), SCHEMA, "mapping_spec")
    assert (result.content, result.error, result.structured) == (CORRECT, None, True)
    assert (result.prompt_tokens, result.completion_tokens, result.retries) == (1200, 300, 0)
    learning.validate_spec(result.content, SAMPLES, FINGERPRINT)
    (request,) = env.chat_requests()
    body = request.json()
    assert request.path == "/v1/chat/completions"
    assert body["model"] == "gpt-4o-mini" and body["temperature"] == 0
    assert body["response_format"] == {
        "type": "json_schema", "json_schema": {"name": "mapping_spec", "schema": SCHEMA, "strict": True}}
    assert request.headers["authorization"] == f"Bearer {API_KEY}"
    usage = llm.usage()
    assert (usage["calls"], usage["prompt_tokens"], usage["completion_tokens"]) == (1, 1200, 300)
    assert usage["estimated_cost_usd"] == pytest.approx((1200 * 0.15 + 300 * 0.60) / 1e6)


def test_a_schema_valid_but_wrong_mapping_comes_back_and_validation_rejects_it(env):
    wrong = {**CORRECT, "status_map": [{"value": "paid", "status": "DECLINED"}]}  # REFUSED left unmapped
    env.script(answer(wrong))
    result = complete(resource())
    assert result.content == wrong
    with pytest.raises(learning.RejectedSpec) as rejected:
        learning.validate_spec(result.content, SAMPLES, FINGERPRINT)
    assert rejected.value.reason_code == "SAMPLE_NOT_NORMALIZED"


@pytest.mark.parametrize("step, error", [
    (answer("Sure! Here is the mapping you asked for: provider acmepay, amounts in euros."), "not JSON"),
    (answer('{"provider": "acmepay", "fields": [{"field": "status",'), "not JSON"),  # malformed JSON
    (answer('{"provider": "acme"', finish_reason="length"), "not JSON (cut at max_tokens)"),
    (answer("[1, 2, 3]"), "not a JSON object"),
    (answer(""), "empty answer"),
    (answer(None, refusal="I can't help with that"), "refused: I can't help with that"),
    (raw(b'{"choices": [{"message": '), "not a chat completion"),  # a body that is not JSON at all
    (raw(b"<html>bad gateway</html>", content_type="text/html"), "not a chat completion"),
    (status(400, "context length exceeded"), "HTTP 400: context length exceeded"),
    (status(422, "unprocessable"), "HTTP 422: unprocessable"),
])
def test_garbage_answers_come_back_as_errors_never_raised(env, step, error):
    env.script(step)
    llm = resource()
    result = complete(llm)
    assert result.content is None and result.error.startswith(error), result.error
    assert llm.unavailable() is None  # one bad answer does not take the LLM down
    assert len(env.chat_requests()) == 1


def test_json_inside_a_code_fence_is_read(env):
    env.script(answer("```json\n" + json.dumps(CORRECT) + "\n```"))
    assert complete(resource()).content == CORRECT


def test_a_server_without_structured_output_is_asked_again_without_it(env):
    env.script(rejects_response_format(answer(json.dumps(CORRECT))))
    result = complete(resource())
    assert (result.content, result.structured) == (CORRECT, False)
    first, second = (r.json() for r in env.chat_requests())
    assert "response_format" in first and "response_format" not in second
    assert json.dumps(SCHEMA) in second["messages"][-1]["content"]  # the schema goes into the prompt instead


# --- retries (the openai client's own) -------------------------------------------------------------------


def test_429_with_retry_after_is_retried_after_the_server_said_so(env):
    env.script(status(429, "slow down", headers={"Retry-After": "0.3"}), answer(CORRECT))
    llm = resource()
    started = time.monotonic()
    result = complete(llm)
    assert result.content == CORRECT and result.retries == 1
    assert time.monotonic() - started >= 0.3  # Retry-After honoured (the backoff alone would be ~10 ms)
    assert len(env.chat_requests()) == 2
    assert llm.usage()["calls"] == 1 and llm.usage()["retries"] == 1


def test_a_retry_after_beyond_two_minutes_is_not_waited_for(env):
    env.script(status(429, "come back tomorrow", headers={"Retry-After": "86400"}), answer(CORRECT))
    with pytest.raises(LLMUnavailable) as unavailable:
        complete(resource())
    assert unavailable.value.reason_code == "LLM_UNAVAILABLE" and "429" in unavailable.value.detail
    assert len(env.chat_requests()) == 1


def test_500_is_retried_with_backoff_then_succeeds(env):
    env.script(status(500), status(503), answer(CORRECT))
    result = complete(resource(max_retries=2))
    assert result.content == CORRECT and result.retries == 2
    assert len(env.chat_requests()) == 3


def test_a_server_failing_after_its_retries_is_unavailable_for_the_rest_of_the_run(env):
    env.script(status(500, "boom"))
    llm = resource(max_retries=2)
    with pytest.raises(LLMUnavailable) as unavailable:
        complete(llm)
    assert unavailable.value.reason_code == "LLM_UNAVAILABLE" and "500" in unavailable.value.detail
    assert len(env.chat_requests()) == 3  # the first try and two retries
    assert llm.unavailable() == "LLM_UNAVAILABLE"
    with pytest.raises(LLMUnavailable):
        complete(llm)
    assert len(env.chat_requests()) == 3  # no more requests this run
    llm.reset_run()  # a new run tries again
    env.script(answer(CORRECT))
    assert complete(llm).content == CORRECT


def test_a_hang_longer_than_the_timeout_is_retried_and_then_gives_up_in_bounded_time(env):
    env.script(hang(10))
    llm = resource(timeout_seconds=0.3, max_retries=1)
    started = time.monotonic()
    with pytest.raises(LLMUnavailable) as unavailable:
        complete(llm)
    assert time.monotonic() - started < 3
    assert unavailable.value.reason_code == "LLM_UNAVAILABLE" and "APITimeoutError" in unavailable.value.detail
    assert len(env.chat_requests()) == 2


def test_a_hang_then_an_answer_succeeds_on_the_retry(env):
    env.script(hang(10), answer(CORRECT))
    assert complete(resource(timeout_seconds=0.3, max_retries=1)).content == CORRECT


def test_a_server_that_is_not_there_is_unavailable(env, monkeypatch):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv("PAYOBS_LLM_BASE_URL", f"http://127.0.0.1:{port}/v1")
    llm = resource(max_retries=1)
    with pytest.raises(LLMUnavailable) as unavailable:
        complete(llm)
    assert unavailable.value.reason_code == "LLM_UNAVAILABLE"
    assert "does NOT answer" in llm.ping()


# --- budget, key, off switch ----------------------------------------------------------------------------------


def test_the_call_budget_is_per_run(env):
    env.script(answer(CORRECT))
    llm = resource(max_calls_per_run=2)
    complete(llm), complete(llm)
    assert llm.unavailable() == "LLM_BUDGET_EXHAUSTED"
    with pytest.raises(LLMUnavailable) as exhausted:
        complete(llm)
    assert exhausted.value.reason_code == "LLM_BUDGET_EXHAUSTED"
    assert len(env.chat_requests()) == 2


def test_the_token_budget_stops_a_call_that_would_exceed_it(env):
    env.script(answer(CORRECT, usage=(300, 100)))
    llm = resource(max_tokens_per_run=500)
    small = [{"role": "user", "content": "x"}]
    llm.complete_json(small, {"type": "object"}, "tiny")  # 400 tokens spent
    with pytest.raises(LLMUnavailable) as exhausted:  # the estimate of the next prompt does not fit
        llm.complete_json(MESSAGES, SCHEMA, "mapping_spec")
    assert exhausted.value.reason_code == "LLM_BUDGET_EXHAUSTED"
    assert len(env.chat_requests()) == 1


def test_the_budget_resets_for_each_dagster_run(env):
    env.script(answer({"ok": True}))

    @dg.asset
    def asks(context, llm: LLMResource) -> None:
        complete(llm)
        with pytest.raises(LLMUnavailable):
            complete(llm)
        context.add_output_metadata({"usage": json.dumps(llm.usage())})

    resources = {"llm": LLMResource(max_calls_per_run=1, timeout_seconds=1.0)}
    for run in range(2):
        result = dg.materialize([asks], resources=resources)
        assert result.success
        usage = json.loads(result.asset_materializations_for_node("asks")[0].metadata["usage"].value)
        assert (usage["calls"], usage["unavailable"]) == (1, "LLM_BUDGET_EXHAUSTED")
        assert len(env.chat_requests()) == run + 1
        assert API_KEY not in json.dumps(usage)


def test_no_key_means_not_configured_never_a_crash(env, monkeypatch):
    monkeypatch.delenv("OPENAI_API_KEY")
    llm = resource()
    assert llm.unavailable() == "LLM_NOT_CONFIGURED"
    with pytest.raises(LLMUnavailable) as unavailable:
        complete(llm)
    assert unavailable.value.reason_code == "LLM_NOT_CONFIGURED"
    assert "not configured" in llm.ping()
    assert llm.usage()["calls"] == 0 and env.requests == []


@pytest.mark.parametrize("switch", ["0", "false", "off", "No"])
def test_the_off_switch_stops_every_call(env, monkeypatch, switch):
    monkeypatch.setenv("PAYOBS_LLM_ENABLED", switch)
    llm = resource()
    assert llm.unavailable() == "LLM_OFF"
    with pytest.raises(LLMUnavailable, match="LLM_OFF"):
        complete(llm)
    assert "switched off" in llm.ping() and env.requests == []
    assert resource(enabled=True).unavailable() is None  # the resource's own setting wins


def test_configuration_is_read_when_used_not_when_built(env, monkeypatch):
    monkeypatch.delenv("OPENAI_API_KEY")
    llm = resource()
    assert llm.unavailable() == "LLM_NOT_CONFIGURED"
    monkeypatch.setenv("OPENAI_API_KEY", API_KEY)
    monkeypatch.setenv("PAYOBS_LLM_MODEL", "gpt-4.1-mini-2025-04-14")
    env.script(answer(CORRECT))
    assert complete(llm).content == CORRECT
    assert env.chat_requests()[0].json()["model"] == "gpt-4.1-mini-2025-04-14"
    assert llm.usage()["price_per_million_tokens_usd"] == [0.40, 1.60]  # a dated snapshot has its model's price


def test_prices_can_be_overridden_and_an_unknown_model_has_no_cost_guess(env, monkeypatch):
    env.script(answer(CORRECT, usage=(1_000_000, 1_000_000)))
    llm = resource(model="local-llama")
    complete(llm)
    assert llm.usage()["estimated_cost_usd"] is None
    monkeypatch.setenv("PAYOBS_LLM_PRICE_INPUT_PER_MTOK", "1")
    monkeypatch.setenv("PAYOBS_LLM_PRICE_OUTPUT_PER_MTOK", "2.5")
    assert llm.usage()["estimated_cost_usd"] == 3.5


def test_ping_says_whether_the_server_answers(env):
    text = resource().ping()
    assert "the server answers" in text and "gpt-4o-mini listed" in text and env.base_url in text
    assert env.requests[-1].method == "GET" and env.requests[-1].path == "/v1/models"


# --- secrets and PII -------------------------------------------------------------------------------------------


def test_no_card_number_security_code_or_email_reaches_the_server_and_the_key_only_in_the_header(env, caplog):
    samples = pii_samples()
    env.script(answer(CORRECT))
    llm = resource()
    caplog.set_level(logging.DEBUG)
    llm.complete_json(learning.mapping_request(samples, "acmepay"), SCHEMA, "mapping_spec")
    llm.complete_json(learning.extraction_request(samples[0]), learning.EXTRACTION_SCHEMA, "payment_event")
    llm.complete_json(learning.extension_request({"provider": "acmepay"}, samples, {"status": ["new"]}),
                      learning.EXTENSION_SCHEMA, "mapping_extension")
    llm.ping()
    assert len(env.chat_requests()) == 3
    for request in env.requests:
        assert_no_pii(request.body)
        assert_no_pii(request.path)
        headers = {k: v for k, v in request.headers.items() if k.lower() != "authorization"}
        assert API_KEY not in json.dumps(headers) + request.body + request.path
        assert request.headers["authorization"] == f"Bearer {API_KEY}"
    assert "PII-1" in env.chat_requests()[0].body  # the samples did go out, masked
    assert API_KEY not in caplog.text
    assert API_KEY not in json.dumps(llm.usage()) + llm.ping()


def test_the_key_never_appears_in_errors_logs_or_ping_even_when_the_server_echoes_it(env, caplog, monkeypatch):
    caplog.set_level(logging.DEBUG)
    env.script(status(401, f"Incorrect API key provided: {API_KEY}"))
    llm = resource()
    with pytest.raises(LLMUnavailable) as unavailable:
        complete(llm)
    assert unavailable.value.reason_code == "LLM_UNAVAILABLE" and "401" in unavailable.value.detail
    assert API_KEY not in str(unavailable.value) and API_KEY not in repr(unavailable.value.__cause__)
    env.script(status(400, f"bad key {API_KEY}"))
    llm.reset_run()
    assert API_KEY not in complete(llm).error
    env.models = [API_KEY]  # a server that lists the key as a model name
    assert API_KEY not in llm.ping()
    assert API_KEY not in caplog.text


def test_a_base_url_password_stays_out_of_ping_errors_and_logs(env, monkeypatch, caplog):
    caplog.set_level(logging.DEBUG)
    host_port = env.base_url.split("//", 1)[1]
    monkeypatch.setenv("PAYOBS_LLM_BASE_URL", f"http://llm-user:BaseUrl-pw-777@{host_port}")
    env.script(answer(CORRECT))
    llm = resource()
    assert complete(llm).content == CORRECT
    assert "BaseUrl-pw-777" not in llm.ping() + caplog.text + json.dumps(llm.usage())
    assert "llm-user:***@" in llm.ping()


def test_doctor_reports_the_llm_server_without_secrets(env, monkeypatch):
    from payobs_pipeline import cli

    dead = "postgresql://u:pw@127.0.0.1:1/none"  # databases refused at once: only the LLM line matters here
    for name in ("PAYOBS_LAKE_URL", "PAYOBS_WAREHOUSE_URL", "PAYOBS_DAGSTER_PG_URL"):
        monkeypatch.setenv(name, dead)
    result = CliRunner().invoke(cli.doctor, [])
    line = next(line for line in result.output.splitlines() if "LLM:" in line)
    assert line.startswith("  ok    LLM: configured: model gpt-4o-mini at http://127.0.0.1:")
    assert "the server answers" in line
    assert API_KEY not in result.output
    monkeypatch.delenv("OPENAI_API_KEY")
    result = CliRunner().invoke(cli.doctor, [])
    assert "ok    LLM: not configured (OPENAI_API_KEY unset)" in result.output
    assert llm_module.OPENAI_BASE_URL not in result.output
