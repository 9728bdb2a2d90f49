"""The LLM, behind one resource: any OpenAI-compatible server, off without a key, never a crash.

INTERFACE (implemented by the LLM work; the learned_mappings asset relies on these names):

* ``class LLMResource(dg.ConfigurableResource)`` built on dagster-openai's ``OpenAIResource``; config from
  ``OPENAI_API_KEY``, ``PAYOBS_LLM_BASE_URL``, ``PAYOBS_LLM_MODEL`` (default settings.DEFAULT_LLM_MODEL),
  ``PAYOBS_LLM_ENABLED`` (off switch), timeouts, retries with backoff and jitter on 429 / 5xx / timeouts,
  a per-run budget (``max_calls_per_run``, ``max_tokens_per_run``).
* ``LLMResource.unavailable() -> str | None`` -- None when calls can be made, else the reason code rows wait
  with: ``LLM_OFF`` (switched off), ``LLM_NOT_CONFIGURED`` (no key), ``LLM_BUDGET_EXHAUSTED``, ``LLM_UNAVAILABLE``
  (the server failed after its retries during this run).
* ``LLMResource.complete_json(messages: list[dict], schema: dict, schema_name: str) -> LLMAnswer`` -- one call
  (with its retries); ``LLMAnswer(content: dict | None, error: str | None, prompt_tokens: int,
  completion_tokens: int)``; garbage or non-JSON answers come back as ``error``, never raised. Raises
  ``LLMUnavailable(reason_code, detail)`` when the budget is exhausted or the server cannot be reached.
* ``LLMResource.usage() -> dict`` -- calls, prompt_tokens, completion_tokens, estimated_cost_usd this run.
* ``LLMResource.ping() -> str`` -- for ``payobs doctor``: whether the configured server answers (no secrets).
"""
