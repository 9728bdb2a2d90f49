"""Stage 2b: one LLM call per payload shape no mapping describes; the answer is validated, then stored.

For each shape (fingerprint) of the window, a few samples go through the
deterministic cascade. A shape whose samples defer for want of a mapping (no
provider mapping, low heuristic confidence, a status or reason value the
mapping has never seen) is a candidate:

* a shape with a stored mapping already proposed or rejected under the current
  prompt is not asked again (the rows wait for a review, or for a new prompt);
* a shape with enough rows gets one call for a mapping spec (a known mapping
  whose new values are unmapped gets one call to extend it); the spec is
  validated against the samples and stored, active at once or proposed for
  review (``PAYOBS_LLM_AUTO_ACTIVATE``);
* a rare shape (fewer rows than a mapping needs) gets per-event extraction,
  one call per row, within the run's budget;
* when the LLM is out of budget or down, nothing is asked: the shape's rows
  wait with that reason and are retried when it is usable again; when it is
  switched off or has no key, the rows keep the cascade's reason (NO_MAPPING,
  ...) and its backoff, as in a deployment without an LLM.

What happened to each shape is kept in ``shape_learning`` (per window); the
normalize stage gives a row that still defers its shape's reason.
"""

import json
import re
from collections import Counter

import dagster as dg
import psycopg

from payobs_pipeline import settings
from payobs_pipeline.assets.partitions import window_asset, windows_of
from payobs_pipeline.assets.payloads import parsed_payloads
from payobs_pipeline.normalization import learning
from payobs_pipeline.normalization.formats import ParsedPayload
from payobs_pipeline.normalization.normalize import Deferral, Normalizer
from payobs_pipeline.normalization.unprocessed_reasons import UnprocessedReason
from payobs_pipeline.resources.llm import LLMResource, LLMUnavailable
from payobs_pipeline.resources.warehouse import WarehouseDatabase, lock_window, transient_database_errors
from payobs_pipeline.warehouse import mappings, payloads
from payobs_pipeline.warehouse.unprocessed import record_llm_status
from payobs_pipeline.windows import Window

# Deferrals a new mapping could fix; the others (parse errors, bad amounts, not a payment) it could not.
LEARNABLE = frozenset({UnprocessedReason.NO_MAPPING, UnprocessedReason.LOW_CONFIDENCE,
                       UnprocessedReason.NO_MATCHING_VARIANT, UnprocessedReason.MISSING_STATUS})
NEW_VALUES = frozenset({UnprocessedReason.UNMAPPED_STATUS})
# The LLM is off or has no key: an operator's choice, not a state that passes (LLM_UNAVAILABLE and
# LLM_BUDGET_EXHAUSTED do pass: rows wait with those reasons and come due when the LLM is usable again).
SWITCHED_OFF = frozenset({UnprocessedReason.LLM_OFF, UnprocessedReason.LLM_NOT_CONFIGURED})
SAMPLES_PER_SHAPE = 5
# Below this many rows of a shape in the window, its rows are extracted one by one instead.
MIN_ROWS_FOR_MAPPING = 3

# Active learned mappings by shape fingerprint (the normalize stage reads them here too).
load_learned_mappings = mappings.active_learned


def auto_activate() -> bool:
    """Whether a validated LLM mapping is applied at once (default) or waits for `payobs mappings approve`."""
    return settings.llm_auto_activate()


def _shapes(conn: psycopg.Connection, window: Window) -> dict[str, dict]:
    shapes: dict[str, dict] = {}
    for fingerprint, hint, body, merchant, rows, lake_id in payloads.shape_samples(
        conn, window.partition_key, SAMPLES_PER_SHAPE
    ):
        shape = shapes.setdefault(fingerprint, {"hint": hint, "rows": rows, "samples": [], "lake_ids": []})
        shape["samples"].append((json.loads(body), json.loads(merchant) if merchant else None))
        shape["lake_ids"].append(lake_id)
    return shapes


def _deferrals(normalizer: Normalizer, shape: dict) -> list[Deferral]:
    """How the shape's samples fare in the deterministic cascade (empty: every sample normalizes)."""
    hints = {"provider": shape["hint"]} if shape["hint"] else {}
    outcomes = [normalizer.normalize(ParsedPayload("json", body, hints), merchant) for body, merchant in shape["samples"]]
    return [o for o in outcomes if isinstance(o, Deferral)]


def _store_mapping(conn, fingerprint: str, provider: str | None, spec: dict, state: str, llm: LLMResource,
                   answer, samples: int, rejection: str | None = None, extends: int | None = None) -> int:
    return mappings.store_llm_mapping(conn, fingerprint, provider, spec, state, llm.model_name(),
                                      learning.PROMPT_VERSION, rejection, samples, answer.prompt_tokens,
                                      answer.completion_tokens, extends)


def _learn_shape(conn, llm: LLMResource, fingerprint: str, shape: dict, deferrals: list[Deferral],
                 counts: Counter) -> tuple[str, str | None, str | None, int | None]:
    """Ask for (or extend) the shape's mapping, or extract its rows; returns (outcome, reason, detail, mapping id)."""
    samples = [body for body, _ in shape["samples"]]
    stored = mappings.newest_of_shape(conn, fingerprint)
    extending = stored is not None and stored[1] == "active" and any(d.reason_code in NEW_VALUES for d in deferrals)
    if stored is not None and not extending and stored[2] == learning.PROMPT_VERSION:
        if stored[1] == "proposed":
            return ("awaiting_review", UnprocessedReason.MAPPING_AWAITING_REVIEW,
                    f"mapping {stored[0]} awaits approval", stored[0])
        if stored[1] == "rejected":
            return "rejected_before", UnprocessedReason.MAPPING_REJECTED, f"mapping {stored[0]} was rejected", stored[0]
    if shape["rows"] < MIN_ROWS_FOR_MAPPING and not extending:
        return _extract_rows(conn, llm, fingerprint, shape, counts)
    if extending:
        # One call for the batch of values the mapping has never seen; the answer only adds to the stored spec.
        new_values = {"status": sorted({_unmapped_value(d.detail) for d in deferrals if d.reason_code in NEW_VALUES})}
        answer = llm.complete_json(learning.extension_request(stored[3], samples, new_values),
                                   learning.EXTENSION_SCHEMA, "mapping_extension")
    else:
        answer = llm.complete_json(learning.mapping_request(samples, shape["hint"]), learning.MAPPING_SPEC_SCHEMA,
                                   "mapping_spec")
    counts["calls"] += 1
    if answer.content is None:
        counts["rejected"] += 1
        return "no_answer", UnprocessedReason.LLM_BAD_ANSWER, answer.error, None
    try:
        spec = (learning.extend_spec(stored[3], answer.content) if extending
                else learning.spec_from_answer(answer.content))
        spec = learning.validate_spec(spec, samples, fingerprint).spec
    except learning.RejectedSpec as rejected:
        counts["rejected"] += 1
        reason = f"{rejected.reason_code}: {rejected.detail}"[:500]
        mapping_id = _store_mapping(conn, fingerprint, None, {"answer": answer.content}, "rejected", llm, answer,
                                    len(samples), reason, stored[0] if extending else None)
        return "rejected", UnprocessedReason.MAPPING_REJECTED, reason, mapping_id
    state = "active" if auto_activate() else "proposed"
    counts["proposed"] += 1
    counts["activated"] += state == "active"
    mapping_id = _store_mapping(conn, fingerprint, spec.get("provider"), spec, state, llm, answer, len(samples),
                                extends=stored[0] if extending else None)
    if state == "active":
        return "learned", None, None, mapping_id
    return "proposed", UnprocessedReason.MAPPING_AWAITING_REVIEW, f"mapping {mapping_id} awaits approval", mapping_id


def _unmapped_value(detail: str) -> str:
    """The value an UNMAPPED_STATUS deferral names ("acme/default: status 'X' not in the mapping" -> X)."""
    match = re.search(r"status '(.*)' not in the mapping", detail or "")
    return match.group(1) if match else detail


def _extract_rows(conn, llm: LLMResource, fingerprint: str, shape: dict,
                  counts: Counter) -> tuple[str, str | None, str | None, None]:
    """Per-event extraction for a rare shape's rows (they are all among the samples)."""
    extracted = 0
    for (body, _), lake_id in zip(shape["samples"], shape["lake_ids"]):
        answer = llm.complete_json(learning.extraction_request(body), learning.EXTRACTION_SCHEMA, "payment_event")
        counts["calls"] += 1
        if answer.content is None:
            continue
        mappings.store_extraction(conn, lake_id, fingerprint, answer.content, llm.model_name(),
                                  learning.PROMPT_VERSION)
        extracted += 1
    counts["extracted"] += extracted
    if extracted < len(shape["lake_ids"]):
        return ("extraction_failed", UnprocessedReason.LLM_BAD_ANSWER,
                f"{extracted} of {len(shape['lake_ids'])} rows extracted", None)
    return "extracted", None, None, None


def learn_window(warehouse: WarehouseDatabase, llm: LLMResource, window: Window) -> Counter:
    """Find the window's shapes no mapping describes and learn what can be learned; returns counts."""
    counts: Counter = Counter()
    with warehouse.connection() as conn:
        record_llm_status(conn, llm.unavailable())  # the retry sensor's view of the LLM, once per window run
        lock_window(conn, "learned_mappings", window.partition_key)
        shapes = _shapes(conn, window)
        normalizer = Normalizer(learned=load_learned_mappings(conn))
        mappings.clear_shape_learning(conn, window.partition_key)
        counts["shapes"] = len(shapes)
        for fingerprint, shape in shapes.items():
            deferrals = [d for d in _deferrals(normalizer, shape) if d.reason_code in LEARNABLE | NEW_VALUES]
            if not deferrals:
                continue
            counts["unmapped_shapes"] += 1
            unavailable = llm.unavailable()
            if unavailable in SWITCHED_OFF:
                # No LLM by choice: the rows keep the cascade's own reason, back off and dead-letter as before;
                # configuring the LLM later means `payobs unprocessed requeue --reason NO_MAPPING`.
                outcome, reason, detail, mapping_id = "llm_off", None, unavailable, None
            elif unavailable:
                outcome, reason, detail, mapping_id = "waiting", unavailable, "the LLM is not usable", None
            else:
                try:
                    outcome, reason, detail, mapping_id = _learn_shape(conn, llm, fingerprint, shape, deferrals,
                                                                       counts)
                except LLMUnavailable as error:
                    outcome, reason, detail, mapping_id = "waiting", error.reason_code, error.detail, None
            counts[f"outcome:{outcome}"] += 1
            mappings.record_shape_learning(conn, window.partition_key, fingerprint, shape["hint"], shape["rows"],
                                           outcome, reason, (detail or "")[:500] or None, mapping_id)
            conn.commit()  # each answer is kept even if a later call of the run fails
    return counts


@window_asset(
    deps=[parsed_payloads],
    kinds={"postgres", "openai"},
    # The LLM is configured from the environment when a run starts (resources/llm.py): bound here so every
    # run of the pipeline has it, with or without a key.
    resource_defs={"llm": LLMResource()},
    description="One LLM call per payload shape no mapping describes: a mapping spec, validated on the "
    "samples and stored in normalization_mappings; rare shapes are extracted row by row.",
)
def learned_mappings(context: dg.AssetExecutionContext, warehouse: WarehouseDatabase, llm: LLMResource):
    # Each window of a run (a backfill range) gets its own figures on its own materialization event, the LLM's
    # usage included (the client's counters are for the run: each window records what it added).
    with transient_database_errors(context):
        for window in windows_of(context):
            before = llm.usage()
            counts = learn_window(warehouse, llm, window)
            after = llm.usage()
            used = {name: (after.get(name) or 0) - (before.get(name) or 0)
                    for name in ("calls", "prompt_tokens", "completion_tokens", "estimated_cost_usd")}
            outcomes = {k.split(":", 1)[1]: v for k, v in counts.items() if k.startswith("outcome:")}
            context.add_asset_metadata({
                "shapes_seen": dg.MetadataValue.int(counts["shapes"]),
                "shapes_without_mapping": dg.MetadataValue.int(counts["unmapped_shapes"]),
                "llm_calls": dg.MetadataValue.int(used["calls"]),
                "prompt_tokens": dg.MetadataValue.int(used["prompt_tokens"]),
                "completion_tokens": dg.MetadataValue.int(used["completion_tokens"]),
                "estimated_cost_usd": dg.MetadataValue.float(round(float(used["estimated_cost_usd"]), 6)),
                "mappings_proposed": dg.MetadataValue.int(counts["proposed"]),
                "mappings_activated": dg.MetadataValue.int(counts["activated"]),
                "mappings_rejected": dg.MetadataValue.int(counts["rejected"]),
                "rows_extracted": dg.MetadataValue.int(counts["extracted"]),
                "shape_outcomes": dg.MetadataValue.json(outcomes),
            }, partition_key=window.partition_key)
    return dg.MaterializeResult()
