"""Learned mappings (pure): what is asked of the LLM, and how its answer is judged before it is trusted.

One call per new payload *shape* (fingerprint): a few masked samples go in, a
mapping spec in the same format as the provider specs comes out (mapping.py's
docstring), and the spec is trusted only after it compiles and normalizes the
samples to valid canonical events. No database, no network, no Dagster here:
resources/llm.py sends the prompt, assets/learned_mappings.py stores the result.

INTERFACE (the asset relies on these names):

* ``PROMPT_VERSION: str`` -- changes whenever the prompt or schema changes (stored with each mapping).
* ``mapping_request(samples: list[dict], provider_hint: str | None) -> list[dict]`` -- the chat messages.
* ``MAPPING_SPEC_SCHEMA: dict`` -- the JSON schema of the structured answer (response_format json_schema).
  A strict schema cannot express free-form maps, so maps are lists of pairs (``{"value", "status"}``, ...);
  ``spec_from_answer(answer) -> dict`` turns an answer into a mapping spec (``validate_spec`` does it too).
* ``extension_request(spec: dict, samples: list[dict], new_values: dict[str, list[str]]) -> list[dict]`` --
  messages asking to extend a mapping with status / reason values it has never seen (one call per batch);
  ``EXTENSION_SCHEMA`` is its answer's schema and ``extend_spec(spec, answer) -> dict`` the extended spec
  (new keys only: what the mapping already says is never overwritten). Validate the result again.
* ``extraction_request(sample: dict) -> list[dict]`` and ``EXTRACTION_SCHEMA`` -- per-event extraction.
* ``validate_spec(spec: dict, samples: list[dict], fingerprint: str) -> CompiledMapping`` -- compiles the spec
  and applies it to every sample; raises ``RejectedSpec(reason_code, detail)`` when it does not compile,
  does not match a sample, gives a value outside the taxonomy, or an amount/currency absent from the sample.
  The returned mapping's ``.spec`` is the engine-format dict to store.
* ``event_from_extraction(fields: dict, sample: dict) -> CanonicalEvent`` -- validated like a spec's event
  (normalization_method "llm_extraction", confidence from the answer, capped at 0.8); raises ``RejectedSpec``.

Rejection reason codes: ``NO_SAMPLES``, ``SAMPLE_SHAPE_MISMATCH``, ``NOT_AN_ANSWER`` (the answer does not
follow the schema), ``EMPTY_PROVIDER``, ``OUTSIDE_TAXONOMY``, ``SPEC_DOES_NOT_COMPILE``,
``NO_MATCHING_VARIANT``, ``SAMPLE_NOT_NORMALIZED`` (the engine's reason in the detail),
``AMOUNT_NOT_IN_SAMPLE``, ``CURRENCY_NOT_IN_SAMPLE``, ``VALUE_NOT_IN_SAMPLE``, ``NOT_A_PAYMENT_EVENT``
(an extraction that says so), and the currency helpers' amount reasons (``NEGATIVE_AMOUNT``, ...).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

from payobs_pipeline.normalization import currency as currency_codes
from payobs_pipeline.normalization import pii
from payobs_pipeline.normalization.event_time import parse_event_time
from payobs_pipeline.normalization.fingerprint import shape_fingerprint
from payobs_pipeline.normalization.mapping import (
    CANONICAL_FIELDS,
    NOT_A_PAYMENT_EVENT,
    CanonicalEvent,
    CompiledMapping,
    MappingError,
    UnmappedPayload,
    card_brand,
)
from payobs_pipeline.normalization.taxonomy import (
    FAILURE_STATUSES,
    KIND_OF_STATUS,
    REASON_DEFAULTS,
    UNKNOWN_PROVIDER,
    DeclineType,
    EventKind,
    FailureReason,
    FailureSource,
    PaymentMethod,
    StatusCategory,
)

PROMPT_VERSION = "2025-01-mapping-v1"

# What goes into one prompt: a few samples, each cut at this many characters of JSON.
MAX_SAMPLES = 5
MAX_SAMPLE_CHARS = 12_000
# The confidence of a per-event extraction never exceeds this, whatever the answer says.
MAX_EXTRACTION_CONFIDENCE = 0.8


class RejectedSpec(ValueError):
    """An LLM answer that is not trusted: ``reason_code`` says why, ``detail`` (PII-free) says where."""

    def __init__(self, reason_code: str, detail: str) -> None:
        super().__init__(f"{reason_code}: {detail}")
        self.reason_code = reason_code
        self.detail = detail


# --- the answer's schema -------------------------------------------------------------------------


def _enum(values: Any, nullable: bool = False) -> dict:
    names = [str(v) for v in values]
    if nullable:
        return {"type": ["string", "null"], "enum": [*names, None]}
    return {"type": "string", "enum": names}


def _object(properties: dict) -> dict:
    """A strict object: every property required, nothing else allowed (OpenAI strict mode's rules)."""
    return {"type": "object", "properties": properties, "required": list(properties), "additionalProperties": False}


def _array(items: dict) -> dict:
    return {"type": "array", "items": items}


_NULLABLE_STRING = {"type": ["string", "null"]}
_FIELDS = _array(_object({
    "field": _enum(CANONICAL_FIELDS),
    "paths": _array({"type": "string"}),
    "join_separator": _NULLABLE_STRING,
}))
_STATUS_MAP = _array(_object({"value": {"type": "string"}, "status": _enum(StatusCategory)}))
_REASON_MAP = _array(_object({
    "code": {"type": "string"},
    "reason": _enum(FailureReason),
    "decline_type": _enum(DeclineType, nullable=True),
}))
_METHOD_MAP = _array(_object({"value": {"type": "string"}, "method": _enum(PaymentMethod)}))
_CONDITIONS = _array(_object({
    "path": {"type": "string"},
    "operator": _enum(["equals", "in", "prefix", "exists"]),
    "values": _array({"type": "string"}),
}))

MAPPING_SPEC_SCHEMA: dict = _object({
    "provider": {"type": "string"},
    "amount_unit": _enum(["minor", "major"]),
    "default_currency": _NULLABLE_STRING,
    "fields": _FIELDS,
    "status_map": _STATUS_MAP,
    "reason_map": _REASON_MAP,
    "payment_method_map": _METHOD_MAP,
    "variants": _array(_object({
        "name": {"type": "string"},
        "match": _CONDITIONS,
        "root": _NULLABLE_STRING,
        "event_kind": _enum(EventKind, nullable=True),
        "status": _enum(StatusCategory, nullable=True),
        "not_a_payment": _NULLABLE_STRING,
        "fields": _FIELDS,
        "status_map": _STATUS_MAP,
    })),
    "confidence": {"type": "number"},
    "notes": {"type": "string"},
})

EXTENSION_SCHEMA: dict = _object({
    "status_map": _STATUS_MAP,
    "reason_map": _REASON_MAP,
    "payment_method_map": _METHOD_MAP,
    "notes": {"type": "string"},
})

EXTRACTION_SCHEMA: dict = _object({
    "is_payment_event": {"type": "boolean"},
    "provider": _NULLABLE_STRING,
    "provider_transaction_id": _NULLABLE_STRING,
    "raw_status": _NULLABLE_STRING,
    "status_category": _enum(StatusCategory),
    "event_kind": _enum(EventKind),
    "raw_reason_code": _NULLABLE_STRING,
    "failure_reason": _enum(FailureReason, nullable=True),
    "amount": _NULLABLE_STRING,
    "amount_unit": _enum(["minor", "major"], nullable=True),
    "currency": _NULLABLE_STRING,
    "event_time": _NULLABLE_STRING,
    "payment_method": _enum(PaymentMethod, nullable=True),
    "card_brand": _NULLABLE_STRING,
    "confidence": {"type": "number"},
})


# --- prompts ------------------------------------------------------------------------------------------


def _names(values: Any) -> str:
    return ", ".join(str(v) for v in values)


_SPEC_FORMAT = f"""\
You write a declarative mapping that turns one payment provider's documents into canonical payment events.
The mapping is data, applied by a fixed engine; you never write code. Answer only with the JSON object the
schema describes.

PATHS. A path is dotted: "outcome.reason" reads document["outcome"]["reason"]. An integer segment indexes
a list ("items.0.id"); a name segment applied to a list reads its first element. XML documents arrive as
JSON: attributes as "@name", element text under "#text", repeated elements as lists, namespaces stripped.
Inside a variant with a "root", paths are relative to the root; a path starting with "^" is read from the
whole document instead (e.g. "^created_at" on an envelope around the payment).

FIELDS. "fields" lists where each canonical field is read: {{"field": <name>, "paths": [paths, the first
non-empty one wins], "join_separator": null}}. With a join_separator the values of all paths are joined
(a status made of two fields, e.g. "eventCode/success"). Canonical field names, and only these:
{_names(CANONICAL_FIELDS)}.
provider_transaction_id is the provider's id of this document; amount is the amount as written;
amount_exponent only when the document states the number of decimals itself; event_time a timestamp;
attempt_id the authorization attempt, payment_id the payment the customer makes (possibly over several
attempts), refund_id / dispute_id the refund or dispute object; card_country the issuing country and
customer_country the billing or payer country (ISO 3166 alpha-2). Leave a field out when the documents do
not have it; never point a field at a value that means something else (a fee, an id, a quantity).

AMOUNTS. amount_unit is "minor" when amounts are integers in the currency's minor units (cents: 1050 is
10.50 USD) and "major" when they are decimal amounts (10.50). default_currency is only for documents that
name no currency in any field, and must be a currency code written somewhere in the samples; otherwise null.

STATUS. status_map translates the provider's status words (the values read by the "status" field, compared
without case) into exactly one of: {_names(StatusCategory)}.
APPROVED = authorized, captured, settled, paid, succeeded; DECLINED = refused by the issuer, a risk engine or
the provider; ERROR = a technical failure, the payment provably not completed; UNKNOWN = the outcome is not
known (money may have moved); PENDING = in progress or awaiting the customer; CANCELLED = voided, cancelled,
abandoned or expired unpaid; REFUNDED = a refund of an earlier payment; CHARGEBACK = a dispute.
Map every status word that appears in the samples.

REASONS. reason_map translates the provider's decline or error codes (read by the "reason_code" field) into
one of: {_names(FailureReason)}; decline_type is SOFT (a later attempt may succeed), HARD (retrying will not
help) or null (the reason's default). Reasons matter only for DECLINED, ERROR and UNKNOWN documents.

PAYMENT METHODS. payment_method_map translates the provider's method words (read by the "payment_method"
field) into one of: {_names(PaymentMethod)}.

VARIANTS. A provider may send several kinds of documents (a charge, a refund, a webhook envelope around a
payment, a dispute, a payout). Each variant has a "name" and "match" conditions that must all hold for the
document: {{"path": p, "operator": "equals", "values": [v]}} (the value at p equals v, ignoring case),
"in" (equals any of values), "prefix" (starts with any of values), "exists" (values ["true"] or ["false"]).
The first variant whose conditions all hold is used, so put the most specific first; a variant with no
conditions matches everything. A variant may set: "root" (the path of the document inside an envelope,
else null), "event_kind" (one of {_names(EventKind)}: AUTHORIZATION for an authorization decision, CAPTURE
for a separate capture, VOID for a released authorization, REFUND, DISPUTE, PAYMENT for the payment as a
whole when no attempt is named; null: REFUND for REFUNDED, DISPUTE for CHARGEBACK, else AUTHORIZATION),
"status" (a fixed status for every document of the variant, else null), "not_a_payment" (a short reason
when the document is not a payment event at all, such as a payout, a settlement report or an account
update; else null), and its own "fields" and "status_map", merged over the top-level ones.
Every sample must match a variant.

provider: the provider's lower-case name (the hint when one is given and the documents agree; otherwise the
name the documents show, or a short descriptive slug). confidence: 0 to 1, how sure you are of the whole
mapping. notes: one or two sentences on anything uncertain."""


def _masked_json(document: Any) -> str:
    """A document as JSON for a prompt, masked twice (structurally, then as text) and cut to size."""
    text = json.dumps(pii.mask_payload(document), ensure_ascii=False, sort_keys=True, default=str)
    text = pii.mask_text(text)
    if len(text) > MAX_SAMPLE_CHARS:
        text = pii.mask_text(text[:MAX_SAMPLE_CHARS]) + " …(cut)"
    return text


def _masked_samples(samples: list[Any]) -> str:
    return "\n\n".join(
        f"Sample {number}:\n{_masked_json(sample)}" for number, sample in enumerate(samples[:MAX_SAMPLES], 1)
    )


def _hint_text(provider_hint: str | None) -> str:
    if not provider_hint:
        return "No provider hint came with these documents."
    return f"The lake names the provider as: {pii.mask_text(str(provider_hint))[:100]!r} (a hint; it may be wrong)."


def mapping_request(samples: list[dict], provider_hint: str | None) -> list[dict]:
    """The chat messages asking for a mapping of one payload shape (samples masked again here)."""
    user = (
        f"{_hint_text(provider_hint)}\n"
        f"These {min(len(samples), MAX_SAMPLES)} documents share one shape. Write the mapping for them.\n\n"
        f"{_masked_samples(samples)}"
    )
    return [{"role": "system", "content": _SPEC_FORMAT}, {"role": "user", "content": user}]


def extension_request(spec: dict, samples: list[dict], new_values: dict[str, list[str]]) -> list[dict]:
    """Messages asking for the translations of status / reason / method values a mapping has never seen."""
    wanted = {name: [pii.mask_text(str(v))[:200] for v in values] for name, values in new_values.items() if values}
    user = (
        "This mapping is in use (engine format: maps are objects here, lists of pairs in your answer):\n"
        f"{_masked_json(spec)}\n\n"
        "Documents of its shape now carry values the mapping has never seen, by the field they are read from "
        "(status -> status_map, reason_code -> reason_map, payment_method -> payment_method_map):\n"
        f"{json.dumps(wanted, ensure_ascii=False)}\n\n"
        "Answer with translations of these new values only; entries the mapping already has are kept as they "
        "are. Leave out a value you cannot translate with confidence.\n\n"
        f"{_masked_samples(samples)}"
    )
    return [{"role": "system", "content": _SPEC_FORMAT}, {"role": "user", "content": user}]


_EXTRACTION_INSTRUCTIONS = f"""\
You read one payment provider document and extract its canonical payment event. Answer only with the JSON
object the schema describes. Copy values exactly as they are written in the document (provider_transaction_id,
raw_status, raw_reason_code, amount, currency, event_time, card_brand); use null for what the document does
not say. Never invent or compute a value.
is_payment_event: false when the document is not about a payment at all (a payout, a report, an account
update). status_category: one of {_names(StatusCategory)} (APPROVED authorized/captured/paid; DECLINED
refused; ERROR technical failure, not completed; UNKNOWN outcome not known; PENDING in progress; CANCELLED
voided/abandoned/expired; REFUNDED a refund; CHARGEBACK a dispute). event_kind: one of {_names(EventKind)}.
failure_reason (only for DECLINED, ERROR, UNKNOWN, else null): one of {_names(FailureReason)}.
amount_unit: "minor" when the amount is an integer in minor units (cents), "major" when it is a decimal
amount. payment_method: one of {_names(PaymentMethod)} or null. provider: the provider's lower-case name
only when the document names it, else null. confidence: 0 to 1."""


def extraction_request(sample: dict) -> list[dict]:
    """The chat messages asking for one document's canonical event (the document masked again here)."""
    return [
        {"role": "system", "content": _EXTRACTION_INSTRUCTIONS},
        {"role": "user", "content": f"Document:\n{_masked_json(sample)}"},
    ]


# --- answers to specs ------------------------------------------------------------------------------------


def _pairs(items: Any, key: str, value: str, what: str) -> dict:
    if not isinstance(items, list):
        raise RejectedSpec("NOT_AN_ANSWER", f"{what} is not a list")
    result = {}
    for item in items:
        if not isinstance(item, Mapping) or not isinstance(item.get(key), (str, int)):
            raise RejectedSpec("NOT_AN_ANSWER", f"{what} has an entry without {key!r}")
        result[str(item[key])] = item.get(value)
    return result


def _fields(items: Any, what: str) -> dict:
    if not isinstance(items, list):
        raise RejectedSpec("NOT_AN_ANSWER", f"{what} is not a list")
    fields: dict[str, Any] = {}
    for item in items:
        if not isinstance(item, Mapping) or not isinstance(item.get("field"), str):
            raise RejectedSpec("NOT_AN_ANSWER", f"{what} has an entry without a field name")
        paths = item.get("paths")
        paths = [paths] if isinstance(paths, str) else paths
        if not isinstance(paths, list) or not paths or not all(isinstance(p, str) and p for p in paths):
            raise RejectedSpec("NOT_AN_ANSWER", f"{what}: field {item['field']!r} has no paths")
        separator = item.get("join_separator")
        fields[item["field"]] = {"join": paths, "sep": separator} if separator else paths
    return fields


def _reasons(items: Any, what: str) -> dict:
    entries = {}
    for code, item in _pairs(items, "code", "reason", what).items():
        entries[code] = item
    # decline_type lives beside the reason in the answer; the engine wants {"reason", "decline_type"}.
    for item in items:
        if isinstance(item, Mapping) and item.get("decline_type"):
            entries[str(item["code"])] = {"reason": item.get("reason"), "decline_type": item["decline_type"]}
    return entries


def _conditions(items: Any, what: str) -> dict:
    if not isinstance(items, list):
        raise RejectedSpec("NOT_AN_ANSWER", f"{what} is not a list")
    conditions: dict[str, Any] = {}
    for item in items:
        if not isinstance(item, Mapping) or not isinstance(item.get("path"), str):
            raise RejectedSpec("NOT_AN_ANSWER", f"{what} has a condition without a path")
        operator, values = item.get("operator", "equals"), item.get("values") or []
        values = [values] if not isinstance(values, list) else values
        if operator == "exists":
            expected: Any = {"exists": str(values[0]).lower() != "false" if values else True}
        elif operator == "prefix":
            expected = {"prefix": [str(v) for v in values]}
        elif operator in ("in", "equals"):
            if not values:
                raise RejectedSpec("NOT_AN_ANSWER", f"{what}: condition on {item['path']!r} has no values")
            expected = [str(v) for v in values] if len(values) > 1 else str(values[0])
        else:
            raise RejectedSpec("NOT_AN_ANSWER", f"{what}: unknown operator {operator!r}")
        conditions[item["path"]] = expected
    return conditions


def spec_from_answer(answer: Mapping[str, Any]) -> dict:
    """The mapping spec (mapping.py's format) an answer following MAPPING_SPEC_SCHEMA describes."""
    if not isinstance(answer, Mapping):
        raise RejectedSpec("NOT_AN_ANSWER", "the answer is not a JSON object")
    provider = answer.get("provider")
    spec: dict[str, Any] = {
        "provider": provider.strip().lower() if isinstance(provider, str) else provider,
        "amount_unit": answer.get("amount_unit") or "minor",
        "fields": _fields(answer.get("fields", []), "fields"),
        "status_map": _pairs(answer.get("status_map", []), "value", "status", "status_map"),
        "reason_map": _reasons(answer.get("reason_map", []), "reason_map"),
        "payment_method_map": _pairs(answer.get("payment_method_map", []), "value", "method", "payment_method_map"),
    }
    if answer.get("default_currency"):
        spec["default_currency"] = answer["default_currency"]
    variants = []
    raw_variants = answer.get("variants") or []
    if not isinstance(raw_variants, list):
        raise RejectedSpec("NOT_AN_ANSWER", "variants is not a list")
    for number, item in enumerate(raw_variants):
        if not isinstance(item, Mapping):
            raise RejectedSpec("NOT_AN_ANSWER", f"variant {number} is not an object")
        name = str(item.get("name") or f"variant{number}")
        variant: dict[str, Any] = {"name": name, "match": _conditions(item.get("match", []), f"variant {name}")}
        for key in ("root", "event_kind", "status", "not_a_payment"):
            if item.get(key):
                variant[key] = item[key]
        if item.get("fields"):
            variant["fields"] = _fields(item["fields"], f"variant {name} fields")
        if item.get("status_map"):
            variant["status_map"] = _pairs(item["status_map"], "value", "status", f"variant {name} status_map")
        variants.append(variant)
    if variants:
        spec["variants"] = variants
    return spec


def extend_spec(spec: Mapping[str, Any], answer: Mapping[str, Any]) -> dict:
    """``spec`` with an EXTENSION_SCHEMA answer's new entries added to its top-level maps (never overwritten)."""
    if not isinstance(answer, Mapping):
        raise RejectedSpec("NOT_AN_ANSWER", "the answer is not a JSON object")
    additions = {
        "status_map": _pairs(answer.get("status_map", []), "value", "status", "status_map"),
        "reason_map": _reasons(answer.get("reason_map", []), "reason_map"),
        "payment_method_map": _pairs(answer.get("payment_method_map", []), "value", "method", "payment_method_map"),
    }
    extended = json.loads(json.dumps(spec))  # a deep copy: the stored spec is never changed in place
    for name, entries in additions.items():
        existing = extended.setdefault(name, {})
        known = {str(k).lower() for k in existing}
        for key, value in entries.items():
            if key.lower() not in known:
                existing[key] = value
    return extended


# --- validation ----------------------------------------------------------------------------------------


def _taxonomy_problems(spec: Mapping[str, Any]) -> Iterator[str]:
    """Every value of the spec that is not a taxonomy value, as 'where: value'."""

    def check(where: str, value: Any, allowed: type) -> Iterator[str]:
        if value is None:
            return
        try:
            allowed(value)
        except (ValueError, TypeError):
            yield f"{where}: {value!r} is not a {allowed.__name__}"

    scopes = [("spec", spec)] + [
        (f"variant {v.get('name', n)!r}", v) for n, v in enumerate(spec.get("variants") or []) if isinstance(v, Mapping)
    ]
    for where, scope in scopes:
        yield from check(f"{where} status", scope.get("status"), StatusCategory)
        yield from check(f"{where} event_kind", scope.get("event_kind"), EventKind)
        yield from check(f"{where} default_payment_method", scope.get("default_payment_method"), PaymentMethod)
        for key, value in (scope.get("status_map") or {}).items():
            yield from check(f"{where} status_map[{key!r}]", value, StatusCategory)
        for key, value in (scope.get("payment_method_map") or {}).items():
            yield from check(f"{where} payment_method_map[{key!r}]", value, PaymentMethod)
        for key, value in (scope.get("decline_type_map") or {}).items():
            yield from check(f"{where} decline_type_map[{key!r}]", value, DeclineType)
        for key, value in (scope.get("reason_map") or {}).items():
            entry = value if isinstance(value, Mapping) else {"reason": value}
            yield from check(f"{where} reason_map[{key!r}]", entry.get("reason"), FailureReason)
            yield from check(f"{where} reason_map[{key!r}] decline_type", entry.get("decline_type"), DeclineType)
            yield from check(f"{where} reason_map[{key!r}] source", entry.get("source"), FailureSource)
        for rule in scope.get("rules") or []:
            assignments = rule.get("set", {}) if isinstance(rule, Mapping) else {}
            for key, allowed in (("status_category", StatusCategory), ("failure_reason", FailureReason),
                                 ("failure_source", FailureSource), ("decline_type", DeclineType),
                                 ("payment_method", PaymentMethod), ("event_kind", EventKind)):
                yield from check(f"{where} rule sets {key}", assignments.get(key), allowed)


def _leaves(document: Any) -> Iterator[Any]:
    """Every scalar value of a document (XML text and attributes included), depth first."""
    stack = [document]
    while stack:
        node = stack.pop()
        if isinstance(node, Mapping):
            stack.extend(node.values())
        elif isinstance(node, (list, tuple)):
            stack.extend(node)
        elif node is not None:
            yield node


def _text_in_sample(text: str, sample: Any) -> bool:
    wanted = text.strip().lower()
    return any(
        (str(leaf).strip().lower() if not isinstance(leaf, bool) else ("true" if leaf else "false")) == wanted
        for leaf in _leaves(sample)
    )


def _currency_in_sample(code: str, sample: Any) -> bool:
    for leaf in _leaves(sample):
        if isinstance(leaf, bool) or not isinstance(leaf, (str, int)):
            continue
        try:
            if currency_codes.normalize_currency(leaf) == code:
                return True
        except currency_codes.AmountError:
            continue
    return False


def _exponents_in_sample(sample: Any) -> set[int | None]:
    found: set[int | None] = {None}
    for leaf in _leaves(sample):
        if isinstance(leaf, (int, str)) and not isinstance(leaf, bool) and str(leaf).strip() in {"0", "1", "2", "3", "4"}:
            found.add(int(str(leaf).strip()))
    return found


def _amount_in_sample(amount_minor: int, code: str, unit: str, sample: Any) -> bool:
    """Some value of the sample, read as an amount of ``code`` in ``unit``, is ``amount_minor``."""
    exponents = _exponents_in_sample(sample) if unit == "minor" else {None}
    for leaf in _leaves(sample):
        if isinstance(leaf, bool):
            continue
        for exponent in exponents:
            try:
                if currency_codes.to_minor_units(leaf, code, unit, exponent=exponent) == amount_minor:
                    return True
            except (currency_codes.AmountError, ValueError, TypeError, ArithmeticError):
                continue
    return False


def _checked_event(event: CanonicalEvent, unit: str, sample: Any, where: str) -> None:
    """The event's values are in the taxonomy, and its amount and currency are written in the sample."""
    for value, allowed in ((event.status_category, StatusCategory), (event.event_kind, EventKind),
                           (event.failure_reason, FailureReason), (event.payment_method, PaymentMethod)):
        if value is not None and not isinstance(value, allowed):
            raise RejectedSpec("OUTSIDE_TAXONOMY", f"{where}: {value!r} is not a {allowed.__name__}")
    if event.currency is not None and not _currency_in_sample(event.currency, sample):
        raise RejectedSpec("CURRENCY_NOT_IN_SAMPLE", f"{where}: currency {event.currency} is not in the sample")
    if event.amount_minor is not None and not _amount_in_sample(event.amount_minor, event.currency, unit, sample):
        raise RejectedSpec(
            "AMOUNT_NOT_IN_SAMPLE", f"{where}: amount {event.amount_minor} {event.currency} is not in the sample"
        )


def validate_spec(spec: dict, samples: list[dict], fingerprint: str) -> CompiledMapping:
    """The compiled mapping, once it normalizes every sample of the shape to a valid event.

    ``spec`` is a mapping spec, or an answer following MAPPING_SPEC_SCHEMA (converted first). Raises
    RejectedSpec. A sample the spec recognizes as not a payment (a ``not_a_payment`` variant) passes: the
    engine keeps such rows as NOT_A_PAYMENT_EVENT, never as outcomes.
    """
    if not samples:
        raise RejectedSpec("NO_SAMPLES", f"shape {fingerprint}: no samples to check the spec on")
    if not isinstance(spec, Mapping):
        raise RejectedSpec("NOT_AN_ANSWER", "the spec is not a JSON object")
    if isinstance(spec.get("fields"), list) or isinstance(spec.get("status_map"), list):
        spec = spec_from_answer(spec)
    provider = spec.get("provider")
    if not isinstance(provider, str) or not provider.strip():
        raise RejectedSpec("EMPTY_PROVIDER", f"shape {fingerprint}: the spec names no provider")
    problems = list(_taxonomy_problems(spec))
    if problems:
        raise RejectedSpec("OUTSIDE_TAXONOMY", f"shape {fingerprint}: " + "; ".join(problems[:5]))
    try:
        compiled = CompiledMapping(spec)
    except (MappingError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise RejectedSpec("SPEC_DOES_NOT_COMPILE", f"shape {fingerprint}: {type(exc).__name__}: {exc}") from None
    for number, sample in enumerate(samples, 1):
        where = f"shape {fingerprint} sample {number}"
        if shape_fingerprint(sample) != fingerprint:
            raise RejectedSpec("SAMPLE_SHAPE_MISMATCH", f"{where} has shape {shape_fingerprint(sample)}")
        variant = compiled.variant_for(sample)
        if variant is None:
            raise RejectedSpec("NO_MATCHING_VARIANT", f"{where}: no variant of the spec matches it")
        try:
            event = variant.apply(sample)
        except UnmappedPayload as exc:
            if exc.reason_code == NOT_A_PAYMENT_EVENT:
                continue
            raise RejectedSpec("SAMPLE_NOT_NORMALIZED", f"{where}: {exc.reason_code}: {exc.detail}") from None
        except Exception as exc:  # noqa: BLE001 -- an engine failure on a learned spec rejects the spec
            raise RejectedSpec("SAMPLE_NOT_NORMALIZED", f"{where}: {type(exc).__name__}: {exc}") from None
        _checked_event(event, variant.amount_unit, sample, where)
    return compiled


# --- per-event extraction -----------------------------------------------------------------------------


def _answer_text(fields: Mapping[str, Any], name: str) -> str | None:
    value = fields.get(name)
    if value is None or isinstance(value, (dict, list)):
        return None
    text = str(value).strip()
    return text or None


def _taxonomy_value(fields: Mapping[str, Any], name: str, allowed: type, required: bool = False) -> Any:
    value = fields.get(name)
    if value is None:
        if required:
            raise RejectedSpec("NOT_AN_ANSWER", f"the extraction has no {name}")
        return None
    try:
        return allowed(value)
    except (ValueError, TypeError):
        raise RejectedSpec("OUTSIDE_TAXONOMY", f"{name} {value!r} is not a {allowed.__name__}") from None


def event_from_extraction(fields: dict, sample: dict) -> CanonicalEvent:
    """The canonical event an EXTRACTION_SCHEMA answer describes, once its values are checked on the sample.

    Every value the answer copies from the document (id, raw status, reason code, amount, currency, time,
    card brand) must be written in the sample; the status and the other categories must be taxonomy values;
    the amount is converted by the currency helpers, never taken from the answer as minor units.
    """
    if not isinstance(fields, Mapping):
        raise RejectedSpec("NOT_AN_ANSWER", "the extraction is not a JSON object")
    if fields.get("is_payment_event") is False:
        raise RejectedSpec(NOT_A_PAYMENT_EVENT, "the extraction says the document is not a payment event")
    status = _taxonomy_value(fields, "status_category", StatusCategory, required=True)
    kind = _taxonomy_value(fields, "event_kind", EventKind) or KIND_OF_STATUS.get(status, EventKind.AUTHORIZATION)
    method = _taxonomy_value(fields, "payment_method", PaymentMethod)
    stated_reason = _taxonomy_value(fields, "failure_reason", FailureReason)

    copied = {name: _answer_text(fields, name) for name in (
        "provider_transaction_id", "raw_status", "raw_reason_code", "amount", "currency", "event_time", "card_brand")}
    for name, value in copied.items():
        if value is not None and name not in ("amount", "currency") and not _text_in_sample(value, sample):
            raise RejectedSpec("VALUE_NOT_IN_SAMPLE", f"{name} is not written in the document")

    amount_minor = code = None
    if copied["currency"] is not None:
        try:
            code = currency_codes.normalize_currency(copied["currency"])
        except currency_codes.AmountError as exc:
            raise RejectedSpec(exc.reason_code, str(exc)) from None
        if not _currency_in_sample(code, sample):
            raise RejectedSpec("CURRENCY_NOT_IN_SAMPLE", f"currency {code} is not in the document")
    if copied["amount"] is not None:
        if code is None:
            raise RejectedSpec("MISSING_CURRENCY", "an amount without a currency")
        unit = fields.get("amount_unit") or "minor"
        if unit not in ("minor", "major"):
            raise RejectedSpec("NOT_AN_ANSWER", f"amount_unit {unit!r} is neither minor nor major")
        try:
            amount_minor = currency_codes.to_minor_units(copied["amount"], code, unit)
        except currency_codes.AmountError as exc:
            raise RejectedSpec(exc.reason_code, str(exc)) from None
        if not _amount_in_sample(amount_minor, code, unit, sample):
            raise RejectedSpec("AMOUNT_NOT_IN_SAMPLE", f"amount {copied['amount']!r} is not in the document")

    reason = source = decline_type = None
    if status in FAILURE_STATUSES:
        reason = stated_reason or FailureReason.UNKNOWN
        source, decline_type = REASON_DEFAULTS[reason]

    provider = _answer_text(fields, "provider")
    # A provider name the document does not show is a guess: the row's provider stays UNKNOWN.
    provider = provider.lower() if provider and _text_in_sample(provider, sample) else UNKNOWN_PROVIDER

    try:
        confidence = float(fields.get("confidence"))
    except (TypeError, ValueError):
        confidence = 0.0
    confidence = max(0.0, min(confidence if confidence == confidence else 0.0, MAX_EXTRACTION_CONFIDENCE))

    transaction_id = copied["provider_transaction_id"]
    return CanonicalEvent(
        provider=provider,
        status_category=status,
        failure_reason=reason,
        failure_source=source,
        decline_type=decline_type,
        raw_status=copied["raw_status"],
        raw_reason_code=copied["raw_reason_code"],
        amount_minor=amount_minor,
        currency=code,
        event_time=parse_event_time(copied["event_time"]),
        payment_method=method,
        card_brand=card_brand(copied["card_brand"], method),
        country=None,
        provider_transaction_id=transaction_id,
        merchant_id=None,
        merchant_name=None,
        variant="llm_extraction",
        normalization_method="llm_extraction",
        confidence=confidence,
        event_kind=kind,
        attempt_id=transaction_id if kind is EventKind.AUTHORIZATION else None,
        refund_id=transaction_id if kind is EventKind.REFUND else None,
        dispute_id=transaction_id if kind is EventKind.DISPUTE else None,
    )
