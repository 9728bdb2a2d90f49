"""The LLM, behind one resource: any OpenAI-compatible server, off without a key, never a crash.

INTERFACE (the learned_mappings asset relies on these names):

* ``class LLMResource(dg.ConfigurableResource)`` -- config from the environment, read when used (never at
  import): ``OPENAI_API_KEY``, ``PAYOBS_LLM_BASE_URL`` (default OpenAI's), ``PAYOBS_LLM_MODEL`` (default
  settings.DEFAULT_LLM_MODEL), ``PAYOBS_LLM_ENABLED`` (off switch: 0/false/no/off). Fields set on the
  resource override the environment, except the key, which is only ever read from the environment (so it
  is never part of Dagster's resource config, UI or run storage). Timeouts, retries, a per-run budget
  (``max_calls_per_run``, ``max_tokens_per_run``).
* ``LLMResource.unavailable() -> str | None`` -- None when calls can be made, else the reason code rows wait
  with: ``LLM_OFF`` (switched off), ``LLM_NOT_CONFIGURED`` (no key), ``LLM_UNAVAILABLE`` (the server failed
  after its retries during this run), ``LLM_BUDGET_EXHAUSTED``.
* ``LLMResource.complete_json(messages, schema, schema_name) -> LLMAnswer`` -- one call (with its retries);
  ``LLMAnswer(content: dict | None, error: str | None, prompt_tokens: int, completion_tokens: int, ...)``;
  garbage or non-JSON answers come back as ``error`` ("not JSON", "not a JSON object", "refused: ...",
  "HTTP 400: ..."), never raised. Raises ``LLMUnavailable(reason_code, detail)`` when the LLM is off, not
  configured, the budget is exhausted or the server cannot be reached.
* ``LLMResource.model_name() -> str`` -- the model calls go to.
* ``LLMResource.usage() -> dict`` -- calls, retries, prompt_tokens, completion_tokens, estimated_cost_usd
  (None when the model's price is unknown), model, budget, unavailable.
* ``LLMResource.ping() -> str`` -- for ``payobs doctor``: whether the configured server answers (no secrets);
  never raises.

Why the client is built here and not by dagster-openai's ``OpenAIResource``: its ``setup_for_execution``
builds ``openai.Client(api_key, organization, project, base_url)`` with neither ``timeout`` nor
``max_retries`` (the client's defaults, a 600 s read timeout and 2 retries, would let one hung server hold a
run for half an hour); its ``api_key`` is a required config field (an unset ``EnvVar("OPENAI_API_KEY")`` fails
resource initialisation, where payobs must say LLM_NOT_CONFIGURED and go on, and a plain value would sit in
the resource config); and ``get_client(context)`` needs an execution context. So the client is built the
same way (same arguments), plus ``timeout`` and ``max_retries``: :meth:`LLMResource.openai_client`.

Retries are the openai client's own (openai/_base_client.py, ``_should_retry`` / ``_calculate_retry_timeout``):
it retries timeouts and connection errors, and HTTP 408, 409, 429 and every 5xx (a server's
``x-should-retry: true|false`` header overrides), up to ``max_retries`` times; it waits what the server says in
``retry-after-ms`` or ``Retry-After`` (seconds, also fractional, or an HTTP date) when that is between 0 and
120 s, does not retry at all when it says more than 120 s, and otherwise backs off exponentially,
0.5 s * 2**n capped at 8 s, minus a random jitter of up to 25 %.

Estimated cost: USD per million tokens (input, output), list prices assumed for OpenAI's models (matched
by the longest model-name prefix, so dated snapshots such as ``gpt-4o-mini-2024-07-18`` count):

    gpt-4o-mini 0.15 / 0.60    gpt-4o 2.50 / 10.00      gpt-4.1 2.00 / 8.00     gpt-4.1-mini 0.40 / 1.60
    gpt-4.1-nano 0.10 / 0.40   o4-mini 1.10 / 4.40      o3-mini 1.10 / 4.40     gpt-5 1.25 / 10.00
    gpt-5-mini 0.25 / 2.00     gpt-5-nano 0.05 / 0.40

``PAYOBS_LLM_PRICE_INPUT_PER_MTOK`` and ``PAYOBS_LLM_PRICE_OUTPUT_PER_MTOK`` override them (a local or other
server's model); a model with no known price and no override has ``estimated_cost_usd`` None, not a guess.
"""

from __future__ import annotations

import json
import logging
import re
import threading
from dataclasses import dataclass
from typing import Any

import dagster as dg
import openai
from pydantic import Field, PrivateAttr

from payobs_pipeline import settings
from payobs_pipeline.normalization.unprocessed_reasons import UnprocessedReason

OPENAI_BASE_URL = "https://api.openai.com/v1"

LLM_OFF = UnprocessedReason.LLM_OFF
LLM_NOT_CONFIGURED = UnprocessedReason.LLM_NOT_CONFIGURED
LLM_BUDGET_EXHAUSTED = UnprocessedReason.LLM_BUDGET_EXHAUSTED
LLM_UNAVAILABLE = UnprocessedReason.LLM_UNAVAILABLE

# USD per million tokens: (input, output). See the module docstring.
PRICES_PER_MILLION_TOKENS: dict[str, tuple[float, float]] = {
    "gpt-4o-mini": (0.15, 0.60),
    "gpt-4o": (2.50, 10.00),
    "gpt-4.1": (2.00, 8.00),
    "gpt-4.1-mini": (0.40, 1.60),
    "gpt-4.1-nano": (0.10, 0.40),
    "o4-mini": (1.10, 4.40),
    "o3-mini": (1.10, 4.40),
    "gpt-5": (1.25, 10.00),
    "gpt-5-mini": (0.25, 2.00),
    "gpt-5-nano": (0.05, 0.40),
}

_log = logging.getLogger(__name__)


class LLMUnavailable(RuntimeError):
    """No call can be made (off, no key, budget spent, server down): rows wait with ``reason_code``."""

    def __init__(self, reason_code: str, detail: str) -> None:
        super().__init__(f"{reason_code}: {detail}")
        self.reason_code = reason_code
        self.detail = detail


@dataclass(frozen=True, slots=True)
class LLMAnswer:
    """One call's outcome: the JSON object answered, or why there is none (never both)."""

    content: dict | None
    error: str | None
    prompt_tokens: int = 0
    completion_tokens: int = 0
    model: str | None = None
    structured: bool = True  # False: the server refused response_format and the call was made without it
    retries: int = 0


def price_per_million_tokens(model: str) -> tuple[float, float] | None:
    """(input, output) USD per million tokens for ``model``: the environment's override, else the table."""
    override_in, override_out = settings.llm_price_overrides()
    known = None
    for prefix in sorted(PRICES_PER_MILLION_TOKENS, key=len, reverse=True):
        if model == prefix or model.startswith(prefix + "-"):
            known = PRICES_PER_MILLION_TOKENS[prefix]
            break
    try:
        price_in = float(override_in) if override_in else (known[0] if known else None)
        price_out = float(override_out) if override_out else (known[1] if known else None)
    except ValueError:
        return known
    if price_in is None or price_out is None:
        return None
    return price_in, price_out


class _ScrubSecrets(logging.Filter):
    """httpx logs every request's URL at INFO, userinfo included: a base URL's password would be in it."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.args:
            args = record.args if isinstance(record.args, tuple) else (record.args,)
            record.args = tuple(settings.scrub(str(a)) if not isinstance(a, (int, float)) else a for a in args)
        record.msg = settings.scrub(str(record.msg))
        return True


_filter_lock = threading.Lock()
_filter_installed = False


def _install_log_filter() -> None:
    global _filter_installed
    with _filter_lock:
        if not _filter_installed:
            for name in ("httpx", "httpx2", "openai", "openai._base_client"):
                logging.getLogger(name).addFilter(_ScrubSecrets())
            _filter_installed = True


def _estimate_tokens(text: str) -> int:
    """A rough token count (4 characters a token) for budgeting and servers that report no usage."""
    return max(1, len(text) // 4)


class LLMResource(dg.ConfigurableResource):
    """An OpenAI-compatible chat server, called at most a budgeted number of times per run."""

    base_url: str | None = Field(default=None, description="None: PAYOBS_LLM_BASE_URL, else OpenAI's API.")
    model: str | None = Field(default=None, description="None: PAYOBS_LLM_MODEL, else settings.DEFAULT_LLM_MODEL.")
    enabled: bool | None = Field(default=None, description="None: PAYOBS_LLM_ENABLED (default on).")
    timeout_seconds: float = Field(default=60.0, description="Per HTTP attempt (read/write/pool).")
    connect_timeout_seconds: float = Field(default=5.0)
    max_retries: int = Field(default=3, description="The openai client's retries (429, 5xx, timeouts).")
    max_calls_per_run: int = Field(default=50)
    max_tokens_per_run: int = Field(default=400_000, description="Prompt plus completion tokens.")
    max_completion_tokens: int = Field(default=4_000)
    temperature: float = Field(default=0.0)

    _lock: threading.Lock = PrivateAttr(default_factory=threading.Lock)
    _client: Any = PrivateAttr(default=None)
    _client_key: tuple | None = PrivateAttr(default=None)
    _calls: int = PrivateAttr(default=0)
    _retries: int = PrivateAttr(default=0)
    _prompt_tokens: int = PrivateAttr(default=0)
    _completion_tokens: int = PrivateAttr(default=0)
    _failure: str | None = PrivateAttr(default=None)

    # --- configuration, read at use time ------------------------------------------------------------

    def setup_for_execution(self, context: dg.InitResourceContext) -> None:
        self.reset_run()

    def teardown_after_execution(self, context: dg.InitResourceContext) -> None:
        self.close()

    def reset_run(self) -> None:
        """Start a new run's budget and forget this run's server failure."""
        with self._lock:
            self._calls = self._retries = self._prompt_tokens = self._completion_tokens = 0
            self._failure = None

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client, self._client_key = None, None

    @staticmethod
    def _api_key() -> str | None:
        return settings.openai_api_key()

    def resolved_base_url(self) -> str:
        return (self.base_url or settings.llm_base_url() or OPENAI_BASE_URL).rstrip("/")

    def resolved_model(self) -> str:
        return self.model or settings.llm_model()

    def model_name(self) -> str:
        """The model calls go to (stored with each learned mapping)."""
        return self.resolved_model()

    def is_enabled(self) -> bool:
        if self.enabled is not None:
            return self.enabled
        return settings.llm_enabled()

    def describe(self) -> str:
        """Model and server, fit for output (a base URL's password redacted)."""
        return f"model {self.resolved_model()} at {settings.redact(self.resolved_base_url())}"

    def _scrub(self, text: str) -> str:
        key = self._api_key()
        if key:
            text = text.replace(key, "***")
        return settings.scrub(text)

    def openai_client(self, timeout: float | None = None, max_retries: int | None = None) -> openai.OpenAI:
        """The openai client, built as dagster-openai's OpenAIResource builds it, with timeouts and retries."""
        key = self._api_key()
        if key is None:
            raise LLMUnavailable(LLM_NOT_CONFIGURED, "OPENAI_API_KEY is not set")
        _install_log_filter()
        base_url = self.resolved_base_url()
        wanted = (key, base_url, self.timeout_seconds, self.connect_timeout_seconds, self.max_retries)
        if self._client is None or self._client_key != wanted:
            self.close()
            self._client = openai.OpenAI(
                api_key=key,
                base_url=base_url,
                timeout=openai.Timeout(self.timeout_seconds, connect=self.connect_timeout_seconds),
                max_retries=self.max_retries,
            )
            self._client_key = wanted
        client = self._client
        if timeout is not None or max_retries is not None:
            client = client.with_options(
                timeout=openai.Timeout(timeout or self.timeout_seconds, connect=min(timeout or 5.0, 5.0)),
                max_retries=self.max_retries if max_retries is None else max_retries,
            )
        return client

    # --- the interface ----------------------------------------------------------------------------------

    def unavailable(self) -> str | None:
        if not self.is_enabled():
            return LLM_OFF
        if self._api_key() is None:
            return LLM_NOT_CONFIGURED
        if self._failure is not None:
            return LLM_UNAVAILABLE
        if self._calls >= self.max_calls_per_run or self._prompt_tokens + self._completion_tokens >= self.max_tokens_per_run:
            return LLM_BUDGET_EXHAUSTED
        return None

    def _why_unavailable(self, code: str) -> str:
        return {
            LLM_OFF: "the LLM is switched off (PAYOBS_LLM_ENABLED)",
            LLM_NOT_CONFIGURED: "OPENAI_API_KEY is not set",
            LLM_UNAVAILABLE: f"the server failed earlier in this run: {self._failure}",
            LLM_BUDGET_EXHAUSTED: (
                f"this run's budget is spent: {self._calls} of {self.max_calls_per_run} calls, "
                f"{self._prompt_tokens + self._completion_tokens} of {self.max_tokens_per_run} tokens"
            ),
        }[code]

    def complete_json(self, messages: list[dict], schema: dict, schema_name: str) -> LLMAnswer:
        """One structured call: the answer's JSON object, or an error; LLMUnavailable when no call can be made."""
        estimate = _estimate_tokens(json.dumps(messages, ensure_ascii=False)) + _estimate_tokens(json.dumps(schema))
        with self._lock:
            code = self.unavailable()
            if code is None and self._prompt_tokens + self._completion_tokens + estimate > self.max_tokens_per_run:
                code = LLM_BUDGET_EXHAUSTED
            if code is not None:
                raise LLMUnavailable(code, self._why_unavailable(code))
            self._calls += 1  # counted before the call: a failing call spends budget too
        client = self.openai_client()
        request: dict[str, Any] = {
            "model": self.resolved_model(),
            "messages": messages,
            "temperature": self.temperature,
            "max_tokens": self.max_completion_tokens,
            "response_format": {
                "type": "json_schema",
                "json_schema": {"name": schema_name, "schema": schema, "strict": True},
            },
        }
        structured = True
        try:
            raw = self._send(client, request)
        except openai.APIStatusError as exc:
            if exc.status_code != 400 or not re.search(r"response_format|json_schema", _message(exc)):
                return LLMAnswer(None, self._scrub(f"HTTP {exc.status_code}: {_message(exc)}"))
            # A server that refuses structured output: the same call once more without it (the prompt
            # asks for JSON, and the answer is parsed and validated the same way).
            request.pop("response_format")
            request["messages"] = [*messages, {"role": "system", "content": _SCHEMA_REMINDER + json.dumps(schema)}]
            structured = False
            try:
                raw = self._send(client, request)
            except openai.APIStatusError as again:
                return LLMAnswer(None, self._scrub(f"HTTP {again.status_code}: {_message(again)}"), structured=False)
        return self._answer(raw, structured, estimate)

    def _send(self, client: openai.OpenAI, request: dict) -> Any:
        """The HTTP call with the client's retries. A server that cannot answer (still failing after the
        retries, or refusing the key, the model or the URL) marks the LLM down for the rest of the run and
        raises LLMUnavailable; another refusal of this one request (400, 422) is raised as it came."""
        try:
            return client.chat.completions.with_raw_response.create(**request)
        except (openai.APITimeoutError, openai.APIConnectionError) as exc:
            self._fail(f"{type(exc).__name__} after {self.max_retries} retries")
        except openai.APIStatusError as exc:
            if exc.status_code in (401, 403, 404, 408, 409, 429) or exc.status_code >= 500:
                self._fail(f"HTTP {exc.status_code} ({type(exc).__name__}): {_message(exc)}")
            raise
        raise AssertionError("unreachable")

    def _fail(self, detail: str) -> None:
        detail = self._scrub(detail)[:500]
        with self._lock:
            self._failure = detail
        _log.warning("LLM unavailable for the rest of this run: %s", detail)
        raise LLMUnavailable(LLM_UNAVAILABLE, detail)

    def _answer(self, raw: Any, structured: bool, estimate: int) -> LLMAnswer:
        retries = getattr(raw, "retries_taken", 0) or 0
        try:
            completion = raw.parse()
        except Exception as exc:  # noqa: BLE001 -- a body that is not a chat completion
            self._count(estimate, 0, retries)
            return LLMAnswer(None, self._scrub(f"not a chat completion: {type(exc).__name__}"),
                             structured=structured, retries=retries)
        if not hasattr(completion, "choices"):  # e.g. an HTML error page with status 200, parsed as text
            self._count(estimate, 0, retries)
            return LLMAnswer(None, f"not a chat completion: {type(completion).__name__}", structured=structured,
                             retries=retries)
        usage = getattr(completion, "usage", None)
        choices = getattr(completion, "choices", None) or []
        message = choices[0].message if choices and getattr(choices[0], "message", None) else None
        content = getattr(message, "content", None) if message is not None else None
        prompt_tokens = getattr(usage, "prompt_tokens", None) or estimate
        completion_tokens = getattr(usage, "completion_tokens", None)
        if completion_tokens is None:
            completion_tokens = _estimate_tokens(content or "")
        self._count(prompt_tokens, completion_tokens, retries)
        model = getattr(completion, "model", None)

        def answer(parsed: dict | None, error: str | None) -> LLMAnswer:
            return LLMAnswer(parsed, error, prompt_tokens, completion_tokens, model, structured, retries)

        refusal = getattr(message, "refusal", None) if message is not None else None
        if refusal:
            return answer(None, self._scrub(f"refused: {str(refusal)[:300]}"))
        if not isinstance(content, str) or not content.strip():
            return answer(None, "empty answer")
        parsed = _parse_json(content)
        if parsed is _NOT_JSON:
            truncated = getattr(choices[0], "finish_reason", None) == "length"
            return answer(None, "not JSON (cut at max_tokens)" if truncated else "not JSON")
        if not isinstance(parsed, dict):
            return answer(None, "not a JSON object")
        return answer(parsed, None)

    def _count(self, prompt_tokens: int, completion_tokens: int, retries: int) -> None:
        with self._lock:
            self._prompt_tokens += int(prompt_tokens)
            self._completion_tokens += int(completion_tokens)
            self._retries += int(retries)

    def usage(self) -> dict:
        model = self.resolved_model()
        price = price_per_million_tokens(model)
        cost = None
        if price is not None:
            cost = round((self._prompt_tokens * price[0] + self._completion_tokens * price[1]) / 1_000_000, 6)
        return {
            "calls": self._calls,
            "retries": self._retries,
            "prompt_tokens": self._prompt_tokens,
            "completion_tokens": self._completion_tokens,
            "estimated_cost_usd": cost,
            "price_per_million_tokens_usd": list(price) if price else None,
            "model": model,
            "max_calls_per_run": self.max_calls_per_run,
            "max_tokens_per_run": self.max_tokens_per_run,
            "unavailable": self.unavailable(),
        }

    def ping(self, timeout: float = 5.0) -> str:
        """Whether the configured server answers ``GET /models`` (one try, short timeout); never raises."""
        if not self.is_enabled():
            return "switched off (PAYOBS_LLM_ENABLED): LLM steps are off, unknown shapes stay unprocessed"
        if self._api_key() is None:
            return "not configured (OPENAI_API_KEY unset): LLM steps are off, unknown shapes stay unprocessed"
        try:
            listed = self.openai_client(timeout=timeout, max_retries=0).models.list()
            names = [getattr(m, "id", "?") for m in getattr(listed, "data", [])]
        except openai.APIStatusError as exc:
            return self._scrub(f"configured: {self.describe()}; the server does NOT answer as expected: "
                               f"HTTP {exc.status_code}: {_message(exc)[:200]}")
        except Exception as exc:  # noqa: BLE001 -- doctor reports, it does not crash
            return self._scrub(f"configured: {self.describe()}; the server does NOT answer: "
                               f"{type(exc).__name__}: {str(exc)[:200]}")
        listed_model = "listed" if self.resolved_model() in names else "not listed"
        return self._scrub(f"configured: {self.describe()}; the server answers ({len(names)} models, "
                           f"{self.resolved_model()} {listed_model})")


_SCHEMA_REMINDER = "Answer with one JSON object only, no prose, following this JSON schema: "
_NOT_JSON = object()
_FENCE = re.compile(r"^```(?:json)?\s*(.*?)\s*```$", re.DOTALL | re.IGNORECASE)


def _parse_json(content: str) -> Any:
    """The JSON in an answer: the whole content, or inside a ``` fence; _NOT_JSON otherwise."""
    text = content.strip()
    fenced = _FENCE.match(text)
    if fenced:
        text = fenced.group(1)
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return _NOT_JSON


def _message(exc: openai.APIStatusError) -> str:
    """The server's error message (not the whole body, which may echo the request)."""
    body = exc.body
    if isinstance(body, dict):
        error = body.get("error", body)
        if isinstance(error, dict) and error.get("message"):
            return str(error["message"])[:300]
        if isinstance(error, str):
            return error[:300]
    return str(getattr(exc, "message", "") or type(exc).__name__)[:300]
