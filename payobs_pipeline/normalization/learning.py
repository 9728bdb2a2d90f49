"""Learned mappings (pure): what is asked of the LLM, and how its answer is judged before it is trusted.

One call per new payload *shape* (fingerprint): a few masked samples go in, a
mapping spec in the same format as the provider specs comes out (mapping.py's
docstring), and the spec is trusted only after it compiles and normalizes the
samples to valid canonical events. No database, no network, no Dagster here:
resources/llm.py sends the prompt, assets/learned_mappings.py stores the result.

INTERFACE (implemented by the LLM work; the asset relies on these names):

* ``PROMPT_VERSION: str`` -- changes whenever the prompt or schema changes (stored with each mapping).
* ``mapping_request(samples: list[dict], provider_hint: str | None) -> list[dict]`` -- the chat messages.
* ``MAPPING_SPEC_SCHEMA: dict`` -- the JSON schema of the structured answer (response_format json_schema).
* ``extension_request(spec: dict, samples: list[dict], new_values: dict[str, list[str]]) -> list[dict]`` --
  messages asking to extend a mapping with status / reason values it has never seen (one call per batch).
* ``extraction_request(sample: dict) -> list[dict]`` and ``EXTRACTION_SCHEMA`` -- per-event extraction.
* ``validate_spec(spec: dict, samples: list[dict], fingerprint: str) -> CompiledMapping`` -- compiles the spec
  and applies it to every sample; raises ``RejectedSpec(reason_code, detail)`` when it does not compile,
  does not match a sample, gives a value outside the taxonomy, or an amount/currency absent from the sample.
* ``event_from_extraction(fields: dict, sample: dict) -> CanonicalEvent`` -- validated like a spec's event
  (normalization_method "llm_extraction", confidence from the answer, capped); raises ``RejectedSpec``.
"""
