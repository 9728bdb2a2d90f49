"""What the LLM stage learned (tables ``normalization_mappings``, ``llm_extractions``, ``shape_learning``).

* ``normalization_mappings``: learned and manual mapping specs per payload shape (fingerprint), ``proposed``,
  ``active`` (one per shape) or ``rejected``; the normalize stage applies the active ones
  (:func:`active_learned`), ``payobs mappings ...`` lists and reviews them (:func:`review`).
* ``llm_extractions``: one row's fields extracted by the LLM (a rare shape), per lake row.
* ``shape_learning``: what the learned_mappings asset did for each shape of a window, and the reason its rows
  wait when they do (the normalize stage gives a row that still defers that reason).
"""

from __future__ import annotations

import psycopg
from psycopg.types.json import Jsonb

from payobs_pipeline.normalization.mapping import CompiledMapping, MappingError
from payobs_pipeline.warehouse import unprocessed

ACTIVE, PROPOSED, REJECTED = "active", "proposed", "rejected"


# --- normalization_mappings ---------------------------------------------------------------------------


def active_learned_specs(conn: psycopg.Connection) -> dict[str, dict]:
    """Active learned (and manual) mapping specs by shape fingerprint, as stored."""
    return dict(conn.execute(
        "SELECT fingerprint, spec FROM normalization_mappings WHERE state = 'active' AND source <> 'builtin'"
    ))


def compile_learned(specs: dict[str, dict]) -> dict[str, CompiledMapping]:
    """Specs by fingerprint compiled; a spec that no longer compiles is skipped."""
    learned = {}
    for fingerprint, spec in specs.items():
        try:
            learned[fingerprint] = CompiledMapping(spec)
        except MappingError:
            continue
    return learned


def active_learned(conn: psycopg.Connection) -> dict[str, CompiledMapping]:
    """Active learned (and manual) mappings by shape fingerprint, compiled (see :func:`compile_learned`)."""
    return compile_learned(active_learned_specs(conn))


def newest_of_shape(conn: psycopg.Connection, fingerprint: str) -> tuple | None:
    """The newest stored mapping of a shape, the active one first: (id, state, prompt_version, spec)."""
    return conn.execute(
        "SELECT id, state, prompt_version, spec FROM normalization_mappings WHERE fingerprint = %s "
        "ORDER BY (state = 'active') DESC, id DESC LIMIT 1",
        (fingerprint,),
    ).fetchone()


def store_llm_mapping(conn: psycopg.Connection, fingerprint: str, provider: str | None, spec: dict, state: str,
                      model: str, prompt_version: str, rejection: str | None, samples: int, prompt_tokens: int,
                      completion_tokens: int, extends: int | None) -> int:
    """Store an LLM's mapping of a shape; an active one supersedes the shape's active mapping. Returns its id."""
    if state == ACTIVE:  # one active mapping per shape
        conn.execute("UPDATE normalization_mappings SET state = 'rejected', reviewed_at = now(), "
                     "rejection_reason = 'superseded' WHERE fingerprint = %s AND state = 'active'", (fingerprint,))
    return conn.execute(
        "INSERT INTO normalization_mappings (fingerprint, provider, spec, source, state, model, prompt_version, "
        "rejection_reason, samples, prompt_tokens, completion_tokens, extends_id) "
        "VALUES (%s, %s, %s, 'llm', %s, %s, %s, %s, %s, %s, %s, %s) RETURNING id",
        (fingerprint, provider, Jsonb(spec), state, model, prompt_version, rejection, samples,
         prompt_tokens, completion_tokens, extends),
    ).fetchone()[0]


def list_mappings(conn: psycopg.Connection) -> psycopg.Cursor:
    """Every stored mapping, oldest first (``payobs mappings list``)."""
    return conn.execute("SELECT id, fingerprint, provider, source, state, model, usage_count, created_at "
                        "FROM normalization_mappings ORDER BY id")


def mapping_of(conn: psycopg.Connection, mapping_id: int) -> psycopg.Cursor:
    """One stored mapping, every column (``payobs mappings show``)."""
    return conn.execute("SELECT * FROM normalization_mappings WHERE id = %(id)s", {"id": mapping_id})


def review(conn: psycopg.Connection, mapping_id: int, state: str) -> tuple[bool, int]:
    """An operator's review: make the mapping ``active`` (the shape's other active one is rejected, and the
    shape's unprocessed rows come due now) or ``rejected``. Returns (whether the mapping exists, rows requeued)."""
    if state == ACTIVE:  # one active mapping per shape
        conn.execute("UPDATE normalization_mappings SET state = 'rejected', reviewed_at = now() "
                     "WHERE state = 'active' AND id <> %(id)s AND fingerprint = "
                     "(SELECT fingerprint FROM normalization_mappings WHERE id = %(id)s)", {"id": mapping_id})
    changed = conn.execute("UPDATE normalization_mappings SET state = %s, reviewed_at = now() WHERE id = %s",
                           (state, mapping_id)).rowcount
    requeued = 0
    if changed and state == ACTIVE:  # its shape's rows are due now
        requeued = unprocessed.requeue_mapping_shape(conn, mapping_id)
    return bool(changed), requeued


# --- llm_extractions ------------------------------------------------------------------------------------


def store_extraction(conn: psycopg.Connection, lake_id, fingerprint: str, fields: dict, model: str,
                     prompt_version: str) -> None:
    """Keep the LLM's fields for one parsed row (replacing an earlier extraction of it)."""
    conn.execute(
        "INSERT INTO llm_extractions (lake_id, partition_key, fingerprint, fields, model, prompt_version) "
        "VALUES (%s, (SELECT partition_key FROM parsed_payloads WHERE lake_id = %s), %s, %s, %s, %s) "
        "ON CONFLICT (lake_id) DO UPDATE SET fields = excluded.fields, model = excluded.model, "
        "prompt_version = excluded.prompt_version, extracted_at = now()",
        (lake_id, lake_id, fingerprint, Jsonb(fields), model, prompt_version),
    )


def window_extractions(conn: psycopg.Connection, partition_key: str) -> dict:
    """The window's extracted rows: lake_id -> the LLM's fields."""
    return dict(conn.execute("SELECT lake_id, fields FROM llm_extractions WHERE partition_key = %s",
                             (partition_key,)))


# --- shape_learning -------------------------------------------------------------------------------------


def clear_shape_learning(conn: psycopg.Connection, partition_key: str) -> None:
    """Forget what an earlier run of the window learned of its shapes (the run records them anew)."""
    conn.execute("DELETE FROM shape_learning WHERE partition_key = %s", (partition_key,))


def record_shape_learning(conn: psycopg.Connection, partition_key: str, fingerprint: str, provider_hint: str | None,
                          rows: int, outcome: str, reason_code: str | None, detail: str | None,
                          mapping_id: int | None) -> None:
    """What the run did for one shape of the window (and the reason its rows wait, if they do)."""
    conn.execute(
        "INSERT INTO shape_learning (partition_key, fingerprint, provider_hint, rows, outcome, reason_code,"
        " detail, mapping_id) VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
        (partition_key, fingerprint, provider_hint, rows, outcome, reason_code, detail, mapping_id),
    )


def waiting_shapes(conn: psycopg.Connection, partition_key: str) -> dict[str, tuple[str, str | None]]:
    """The window's shapes whose rows wait: fingerprint -> (reason_code, detail)."""
    return {fp: (reason, detail) for fp, reason, detail in conn.execute(
        "SELECT fingerprint, reason_code, detail FROM shape_learning "
        "WHERE partition_key = %s AND reason_code IS NOT NULL", (partition_key,))}
