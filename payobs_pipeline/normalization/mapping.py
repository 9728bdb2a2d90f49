"""The one mapping engine: applies a declarative mapping spec to a parsed payload.

A *mapping spec* is plain JSON-serializable data (so a learned spec proposed by
the LLM is stored and applied exactly like a built-in one). It says where each
canonical field lives in a provider's document and how the provider's words
translate into the taxonomy:

    {
      "provider": "stripe",
      "aliases": ["stripe"],                       # provider hint values naming it
      "detect": [{"path": "object", "in": ["charge"], "weight": 0.6}, ...],
      "amount_unit": "minor" | "major",
      "fields": {"status": ["status"], "amount": ["amount"], ...},
      "status_map": {"succeeded": "APPROVED", ...},
      "reason_map": {"insufficient_funds": "INSUFFICIENT_FUNDS",
                     "20051": {"reason": "INSUFFICIENT_FUNDS", "decline_type": "SOFT"}},
      "reason_fallback": "iso8583",                # shared code table(s) tried after reason_map
      "decline_type_fallback": "mastercard_mac",   # shared table for the decline_type field (optional)
      "payment_method_map": {"card": "CARD", "pix": "PIX"},
      "decline_type_map": {"soft_declined": "SOFT"},
      "card_brand_map": {"VI": "visa", "PAYPAL": None},   # provider card codes (case, spaces, dashes ignored);
                                                   # None: no card scheme; a code left out is kept as it is
      "rules": [{"when": {"outcome.type": "blocked"}, "set": {"failure_reason": "RISK_REJECTED"}}],
      "variants": [{"name": "refund", "match": {"object": "refund"}, "status": "REFUNDED", ...},
                   {"name": "payout", "match": {"object": "payout"}, "not_a_payment": "payouts move balance"}]
    }

A variant with ``not_a_payment`` (a reason) recognizes a document that is not a
payment event: it is kept unprocessed as NOT_A_PAYMENT_EVENT, never guessed at.

``text_variants`` read a provider's documented plain-text or HTML error answers
(formats.py gives a text no format reads, under that provider's hint, as the
body ``{"_payobs_text": "<text>"}``): each matches the text it documents and is
an ERROR (``"status": "ERROR"``, no rule setting another status), so a text
never becomes a payment outcome. They inherit nothing from the spec's top
level, are the only variants a text body meets, and no other body meets them;
``prepare`` is not applied to a text.

Paths are dotted (``"outcome.reason"``); an integer segment indexes a list (a
negative one from its end: ``items.-1`` is the last item; on an object it is a key), a
name segment applied to a list looks into its first element (XML repeats), and
a leading ``^`` makes a path absolute when the variant has a ``root`` (an
envelope such as a webhook event around the payment). A field source is a
path, a list of paths (first non-empty wins; ``[]``: no source, the field stays empty) or
``{"join": [paths], "sep": "/"}``
(a status made of several fields, e.g. Adyen's ``eventCode/success``).
A variant inherits every top-level key it does not set; its maps are merged
over the top-level maps.

Failure reasons (read from wherever they are)
---------------------------------------------
For a DECLINED, ERROR or UNKNOWN document the engine reads every
``reason_code`` source path, in the spec's order, and takes the most specific
documented reason: the first value a table knows with a reason other than
GENERIC_DECLINE and UNKNOWN, else the first known as GENERIC_DECLINE. So a
provider's generic "declined" code listed first does not hide the issuer's
specific code in a later path (Stripe's ``network_decline_code``, Adyen's
``refusalReasonRaw``, Checkout.com's ``partner_response_code``), and a specific
provider code still wins over any later one:

1. each value is looked up in the spec's ``reason_map``, then in its
   ``reason_fallback`` tables (a name or a list of names: ``"iso8583"``, ISO 8583
   field 39 and the networks' two-character codes; ``"card_network"``, those plus
   American Express three-digit action codes; see issuer_codes.py). A shared
   table also reads a code written before its text ("51 - SALDO INSUFICIENTE").
   A value no table knows, or one known only as UNKNOWN, does not stop the
   search: a generic ``card_declined`` the spec does not map does not hide a
   nested issuer ``51`` in a later path;
2. when no path gives a reason, the type of an API error body gives one: a path
   value or the document's/payload's ``error.type``, ``type``, ``error_type`` or
   ``errorType`` among invalid_request_error, idempotency_error (INVALID_REQUEST),
   authentication_error (CONFIGURATION_ERROR), api_error, api_connection_error,
   rate_limit_error (PROCESSING_ERROR), card_error (GENERIC_DECLINE);
3. otherwise a value mapped to UNKNOWN, or UNKNOWN.

So a payload that carries a code some table documents never ends with
failure_reason UNKNOWN. ``raw_reason_code`` is the code that gave the reason
(the first non-empty reason path when none did). A rule's ``set`` still
overrides all of this. The decline type is the rule's, else the ``decline_type``
field read through ``decline_type_map`` then ``decline_type_fallback``
(``"mastercard_mac"``: Mastercard Merchant Advice Codes), else the table entry's,
else the reason's default.

Conditions (``match``, ``when``, ``detect``) are ``{path: expected}`` where
expected is a value, a list of values (any of), or an operator object:
``{"in": [...]}``, ``{"not_in": [...]}`` (holds on any other value, an absent one included: add
``exists`` on the same path in another condition to require one), ``{"prefix": "ch_" | [...]}``,
``{"exists": true}``. String comparisons ignore case.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from payobs_pipeline.normalization import currency as currency_codes
from payobs_pipeline.normalization.event_time import parse_event_time
from payobs_pipeline.normalization.issuer_codes import (
    API_ERROR_TYPE_REASONS,
    MASTERCARD_ADVICE_DECLINE_TYPES,
    REASON_TABLE_SOURCES,
)
from payobs_pipeline.normalization.taxonomy import (
    FAILURE_STATUSES,
    REASON_DEFAULTS,
    KIND_OF_STATUS,
    DeclineType,
    EventKind,
    FailureReason,
    FailureSource,
    PaymentMethod,
    StatusCategory,
)
from payobs_pipeline.normalization.event import CanonicalEvent
from payobs_pipeline.normalization.unprocessed_reasons import UnprocessedReason

CANONICAL_FIELDS = (
    "provider_transaction_id",
    "status",
    "reason_code",
    "amount",
    "amount_exponent",
    "currency",
    "event_time",
    "payment_method",
    "card_brand",
    "merchant_id",
    "merchant_name",
    "decline_type",
    # Lifecycle identity (docs/metrics.md): which authorization attempt, payment, refund or dispute
    # the document is about. An AUTHORIZATION's attempt_id defaults to provider_transaction_id; a
    # REFUND's refund_id and a DISPUTE's dispute_id too, unless the variant says where they are.
    "attempt_id",
    "payment_id",
    "refund_id",
    "dispute_id",
    # Countries kept apart: the card's issuing country and the customer's (billing/shopper) country.
    "card_country",
    "customer_country",
)


# The two reasons specs and their hooks refuse a message with (normalization/unprocessed_reasons.py).
NOT_A_PAYMENT_EVENT = UnprocessedReason.NOT_A_PAYMENT_EVENT
NOTIFICATION_WITHOUT_OUTCOME = UnprocessedReason.NOTIFICATION_WITHOUT_OUTCOME


class MappingError(ValueError):
    """A spec is not well formed; raised when it is compiled, never per payload."""


class UnmappedPayload(ValueError):
    """The spec applies to the payload but cannot produce a canonical event."""

    def __init__(self, reason_code: str, detail: str) -> None:
        super().__init__(f"{reason_code}: {detail}")
        self.reason_code = reason_code
        self.detail = detail


# Brand spellings across providers, folded to one name each.
CARD_BRANDS = {
    "visa": "visa", "mc": "mastercard", "master": "mastercard", "mastercard": "mastercard",
    "amex": "amex", "americanexpress": "amex", "discover": "discover", "diners": "diners",
    "dinersclub": "diners", "jcb": "jcb", "unionpay": "unionpay", "cup": "unionpay", "chinaunionpay": "unionpay",
    "elo": "elo", "hipercard": "hipercard", "hiper": "hipercard", "maestro": "maestro", "cartebancaire": "cartes_bancaires",
    "cartesbancaires": "cartes_bancaires", "cb": "cartes_bancaires", "naranja": "naranja", "cabal": "cabal",
    "debvisa": "visa", "debmaster": "mastercard", "debelo": "elo", "debcabal": "cabal", "rupay": "rupay", "interac": "interac", "eftpos": "eftpos", "bcmc": "bancontact", "dankort": "dankort",
}
# Methods for which a "brand" field names something other than a card scheme.
_NO_CARD_BRAND = frozenset(
    {PaymentMethod.PIX, PaymentMethod.BOLETO, PaymentMethod.CASH_VOUCHER, PaymentMethod.BANK_TRANSFER,
     PaymentMethod.DIRECT_DEBIT, PaymentMethod.BNPL}
)


def country_code(raw: str | None) -> str | None:
    """An ISO 3166 alpha-2 country in upper case, or None for anything else."""
    if raw and len(raw) == 2 and raw.isascii() and raw.isalpha():
        return raw.upper()
    return None


def _brand_key(raw: str) -> str:
    return "".join(ch for ch in raw.lower() if ch.isalnum())


def card_brand(raw: str | None, method: PaymentMethod | None) -> str | None:
    """The card scheme in one spelling (visa, mastercard, amex, ...), only for card-like methods."""
    if not raw or method in _NO_CARD_BRAND:
        return None
    key = _brand_key(raw)
    for suffix in ("applepay", "googlepay", "debit", "credit"):  # Adyen's visa_applepay, mc_debit ...
        if key.endswith(suffix) and key != suffix:
            key = key[: -len(suffix)]
    return CARD_BRANDS.get(key, raw.lower())


# --- paths and conditions ---------------------------------------------------

Path = tuple[bool, tuple[str | int, ...]]  # (absolute, segments)


def compile_path(path: str) -> Path:
    """Split a dotted path once, so lookups per payload are a plain loop."""
    if not isinstance(path, str) or not path.strip("^"):
        raise MappingError(f"bad path {path!r}")
    absolute = path.startswith("^")
    segments = tuple(int(s) if s.lstrip("-").isdigit() else s for s in path.lstrip("^").split("."))
    return absolute, segments


def lookup(document: Any, segments: tuple[str | int, ...]) -> Any:
    """Value at a compiled path, or None."""
    node = document
    for segment in segments:
        if type(node) is dict or isinstance(node, dict):  # the exact-type test first: it is the hot path
            node = node.get(segment) if type(segment) is str else node.get(str(segment))
        elif isinstance(node, list):
            if type(segment) is int:
                node = node[segment] if -len(node) <= segment < len(node) else None
            else:
                node = node[0].get(segment) if node and isinstance(node[0], dict) else None
        else:
            return None
        if node is None:
            return None
    return node


def dotted_names_nested(body: dict) -> dict:
    """A form's dotted field names as the nested object a signal's path names; else the body itself.

    Form-encoded replies name a sub-object's fields with dots (Adyen's Classic HTTP Post
    ``paymentResult.resultCode``, OPPWA's ``result.code``), and a JSON store may keep them so. A path
    ``paymentResult.resultCode`` names ``{"paymentResult": {"resultCode": ...}}``, so for detection each such
    name is also set at its nested place. Only where the body has no field of the first segment's name (a
    webhook's ``event`` beside its ``event.type`` stays as it is), and never over a value already there; the
    dotted key itself stays, for the signals that name it literally. Only shape scores read the body so
    (``CompiledMapping.shape_score``, ``normalize.ProviderDetector``); mappings read it as it came.
    """
    dotted = [name for name in body if type(name) is str and "." in name]
    if not dotted:
        return body
    nested = dict(body)
    for name in dotted:
        head, *rest = name.split(".")
        if not head or not all(rest) or head in body:
            continue
        node = nested.setdefault(head, {})
        for segment in rest[:-1]:
            if not isinstance(node, dict):
                break
            node = node.setdefault(segment, {})
        if isinstance(node, dict):
            node.setdefault(rest[-1], body[name])
    return nested


def _text(value: Any) -> str | None:
    """A scalar as text (XML text nodes stay under '#text')."""
    if type(value) is str:
        return value.strip() or None
    if value is None:
        return None
    if isinstance(value, dict):
        value = value.get("#text")
        if value is None:
            return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return None
    text = str(value).strip()
    return text or None


def _fold(value: Any) -> Any:
    return value.lower() if isinstance(value, str) else value


def folded_text(value: Any) -> Any:
    """A value as an equality condition compares it: its text, lower-cased."""
    return _fold(_text(value))


class Condition:
    """A compiled ``{path: expected}`` test."""

    __slots__ = ("path", "test", "weight", "values", "prefixes", "exists", "_absolute", "_key", "_segments")

    def __init__(self, path: str, expected: Any, weight: float = 1.0) -> None:
        self.path = compile_path(path)
        self.weight = weight
        self.test = self._compile(expected)
        # An equality test (a value or a list of values): the folded texts it accepts, so a detector can look
        # the payload's value up instead of calling every such test.
        self.values = self._accepted(expected)
        # The same for a prefix test (the lower-cased prefixes) and an existence test (True/False).
        self.prefixes = self._prefixes(expected)
        self.exists = bool(expected["exists"]) if isinstance(expected, dict) and "exists" in expected else None
        self._absolute, self._segments = self.path
        # Most conditions test one top-level key: a plain dict lookup, no path walk.
        first = self._segments[0]
        self._key = first if len(self._segments) == 1 and type(first) is str else None

    @staticmethod
    def _accepted(expected: Any) -> frozenset | None:
        if isinstance(expected, dict):
            return Condition._accepted(list(expected["in"])) if set(expected) == {"in"} else None
        if isinstance(expected, list):
            return frozenset(_fold(_text(e)) for e in expected)
        return frozenset({_fold(_text(expected))})

    @staticmethod
    def _prefixes(expected: Any) -> tuple[str, ...] | None:
        if not isinstance(expected, dict) or "prefix" not in expected:
            return None
        prefixes = expected["prefix"]
        return tuple(p.lower() for p in ([prefixes] if isinstance(prefixes, str) else prefixes))

    @staticmethod
    def _compile(expected: Any) -> Callable[[Any], bool]:
        if isinstance(expected, dict):
            if len(expected) != 1:  # one operator a condition: {"exists": true, "not_in": [...]} is two conditions
                raise MappingError(f"a condition takes one operator, not {sorted(expected)!r}")
            if "exists" in expected:
                want = bool(expected["exists"])
                return lambda v: (v is not None) == want
            if "prefix" in expected:
                prefixes = expected["prefix"]
                prefixes = tuple(p.lower() for p in ([prefixes] if isinstance(prefixes, str) else prefixes))
                return lambda v: (t := _text(v)) is not None and t.lower().startswith(prefixes)
            if "in" in expected:
                return Condition._compile(list(expected["in"]))
            if "not_in" in expected:
                excluded = frozenset(_fold(_text(e)) for e in expected["not_in"])
                return lambda v: (v.strip().lower() or None if type(v) is str else _fold(_text(v))) not in excluded
            raise MappingError(f"unknown condition operator in {expected!r}")
        # An equality test: the value's folded text (folded_text, a string's usual case written out) among the
        # accepted ones; one accepted value is a set of one (for text or None, ``in`` is ``==``).
        if isinstance(expected, list):
            allowed = frozenset(_fold(_text(e)) for e in expected)
        else:
            allowed = frozenset({_fold(_text(expected))})
        return lambda v: (v.strip().lower() or None if type(v) is str else _fold(_text(v))) in allowed

    def holds(self, root: Any, document: Any) -> bool:
        node = root if self._absolute else document
        if self._key is not None and type(node) is dict:
            return self.test(node.get(self._key))
        return self.test(lookup(node, self._segments))


def _all_hold(conditions: tuple[Condition, ...], root: Any, document: Any) -> bool:
    # A plain loop, not all(genexpr): this runs for every variant and rule of every payload. Condition.holds
    # written out for its usual case, a test of one top-level key.
    for condition in conditions:
        key = condition._key
        if key is not None:
            node = root if condition._absolute else document
            if type(node) is dict:
                if not condition.test(node.get(key)):
                    return False
                continue
        if not condition.holds(root, document):
            return False
    return True


def compile_conditions(conditions: Mapping[str, Any] | None) -> tuple[Condition, ...]:
    return tuple(Condition(path, expected) for path, expected in (conditions or {}).items())


# --- compiled specs -----------------------------------------------------------


def _as_kind(value: Any) -> EventKind:
    try:
        return EventKind(value)
    except ValueError as exc:
        raise MappingError(f"{value!r} is not an event_kind") from exc


def _as_status(value: Any) -> StatusCategory:
    try:
        return StatusCategory(value)
    except ValueError as exc:
        raise MappingError(f"{value!r} is not a status_category") from exc


@dataclass(frozen=True, slots=True)
class ReasonEntry:
    reason: FailureReason
    decline_type: DeclineType | None
    source: FailureSource | None


def _reason_entry(value: Any) -> ReasonEntry:
    try:
        if isinstance(value, str):
            return ReasonEntry(FailureReason(value), None, None)
        return ReasonEntry(
            FailureReason(value["reason"]),
            DeclineType(value["decline_type"]) if value.get("decline_type") else None,
            FailureSource(value["source"]) if value.get("source") else None,
        )
    except (ValueError, KeyError, TypeError) as exc:
        raise MappingError(f"bad reason_map entry {value!r}") from exc


# Shared reason-code tables a spec may fall back on (issuer_codes.py says what each holds).
REASON_TABLES: dict[str, dict[str, ReasonEntry]] = {
    name: {code.lower(): _reason_entry(entry) for code, entry in table.items()}
    for name, table in REASON_TABLE_SOURCES.items()
}
# The type of an API error body (Stripe-style ``error.type``): a reason when no code gives one.
ERROR_TYPE_REASONS: dict[str, ReasonEntry] = {
    name: _reason_entry(entry) for name, entry in API_ERROR_TYPE_REASONS.items()
}
# Shared decline-type tables a spec may fall back on for its ``decline_type`` field.
DECLINE_TYPE_TABLES: dict[str, dict[str, DeclineType]] = {
    "mastercard_mac": {code: DeclineType(value) for code, value in MASTERCARD_ADVICE_DECLINE_TYPES.items()},
}
# Where an API error body states its type, relative to the document and to the whole payload.
_ERROR_TYPE_PATHS = tuple(compile_path(p)[1] for p in ("error.type", "type", "error_type", "errorType"))
# A code written before its text: "51 - SALDO INSUFICIENTE", "05 : Do not honour", "N7: CVV2 failure".
# The text after the separator starts with a letter, so a time ("12:30") is not read as code 12.
_LEADING_CODE = re.compile(r"^\s*([0-9A-Za-z]{2,3})\s*(?:-|:|–)\s*[^\W\d_]")


def table_entry(tables: tuple[dict[str, ReasonEntry], ...], raw: str) -> ReasonEntry | None:
    """A shared table's entry for a code, also when the code is written before its text."""
    key = raw.strip().lower()
    for table in tables:
        entry = table.get(key)
        if entry is not None:
            return entry
    leading = _LEADING_CODE.match(raw)
    if leading is not None:
        key = leading.group(1).lower()
        for table in tables:
            entry = table.get(key)
            if entry is not None:
                return entry
    return None


def _field_source(source: Any) -> tuple[tuple[Path, ...], str | None]:
    """(paths, join separator); join None means first non-empty path wins."""
    if isinstance(source, dict):
        return tuple(compile_path(p) for p in source["join"]), source.get("sep", "/")
    paths = [source] if isinstance(source, str) else list(source)
    return tuple(compile_path(p) for p in paths), None


@dataclass(frozen=True, slots=True)
class Rule:
    when: tuple[Condition, ...]
    assignments: Mapping[str, Any]


class CompiledVariant:
    """One document kind of a provider (a charge, a refund, a webhook) ready to apply."""

    def __init__(self, provider: str, spec: Mapping[str, Any], variant: Mapping[str, Any]) -> None:
        merged = {**spec, **variant}
        for key in ("fields", "status_map", "reason_map", "payment_method_map", "decline_type_map", "card_brand_map"):
            merged[key] = {**spec.get(key, {}), **variant.get(key, {})}
        self.provider = provider
        self.name = variant.get("name", "default")
        self.match = compile_conditions(variant.get("match"))
        root = merged.get("root") if "root" in variant else None
        self.root = compile_path(root)[1] if root else None
        unknown = set(merged["fields"]) - set(CANONICAL_FIELDS)
        if unknown:
            raise MappingError(f"{provider}/{self.name}: unknown fields {sorted(unknown)}")
        self.fields = {name: _field_source(src) for name, src in merged["fields"].items()}
        self.fixed_status = _as_status(merged["status"]) if merged.get("status") else None
        self.fixed_kind = _as_kind(merged["event_kind"]) if merged.get("event_kind") else None
        # A document kind that is not a payment event (payouts, account updates): say so, never count it.
        self.not_a_payment = variant.get("not_a_payment")
        self.status_map = {str(k).lower(): _as_status(v) for k, v in merged["status_map"].items()}
        self.reason_map = {str(k).lower(): _reason_entry(v) for k, v in merged["reason_map"].items()}
        fallback = merged.get("reason_fallback")
        names = ([fallback] if fallback else []) if isinstance(fallback, str) else list(fallback or ())
        unknown_tables = [n for n in names if n not in REASON_TABLES]
        if unknown_tables:
            raise MappingError(f"{provider}: unknown reason_fallback {unknown_tables!r}")
        self.reason_fallbacks = tuple(REASON_TABLES[n] for n in names)
        type_fallback = merged.get("decline_type_fallback")
        if type_fallback and type_fallback not in DECLINE_TYPE_TABLES:
            raise MappingError(f"{provider}: unknown decline_type_fallback {type_fallback!r}")
        self.decline_type_fallback = DECLINE_TYPE_TABLES.get(type_fallback) if type_fallback else None
        self.payment_method_map = {str(k).lower(): PaymentMethod(v) for k, v in merged["payment_method_map"].items()}
        self.default_payment_method = (
            PaymentMethod(merged["default_payment_method"]) if merged.get("default_payment_method") else None
        )
        self.decline_type_map = {str(k).lower(): DeclineType(v) for k, v in merged["decline_type_map"].items()}
        self.card_brand_map = {_brand_key(str(k)): v for k, v in merged["card_brand_map"].items()}
        self.amount_unit = merged.get("amount_unit", "minor")
        if self.amount_unit not in ("minor", "major"):
            raise MappingError(f"{provider}: amount_unit must be minor or major")
        self.default_currency = merged.get("default_currency")
        self.rules = tuple(
            Rule(compile_conditions(r["when"]), self._checked_assignments(r["set"])) for r in merged.get("rules", ())
        )

    def _checked_assignments(self, assignments: Mapping[str, Any]) -> dict[str, Any]:
        converters = {
            "status_category": StatusCategory,
            "failure_reason": FailureReason,
            "failure_source": FailureSource,
            "decline_type": DeclineType,
            "payment_method": PaymentMethod,
            "event_kind": EventKind,
        }
        checked = {}
        for key, value in assignments.items():
            if key not in converters:
                raise MappingError(f"{self.provider}/{self.name}: rules cannot set {key!r}")
            try:
                checked[key] = converters[key](value)
            except ValueError as exc:
                raise MappingError(f"{self.provider}/{self.name}: bad value {value!r} for {key}") from exc
        return checked

    def matches(self, body: Any) -> bool:
        return _all_hold(self.match, body, body)

    def _field(self, name: str, body: Any, document: Any) -> Any:
        source = self.fields.get(name)
        if source is None:
            return None
        paths, sep = source
        if sep is None:
            for absolute, segments in paths:
                value = lookup(body if absolute else document, segments)
                if value is not None and value != "" and value != [] and value != {}:
                    return value
            return None
        parts = [_text(lookup(body if absolute else document, segments)) for absolute, segments in paths]
        return sep.join(p or "" for p in parts) if any(parts) else None

    def _text_field(self, name: str, body: Any, document: Any) -> str | None:
        return _text(self._field(name, body, document))

    def apply(self, body: Any) -> CanonicalEvent:
        """Map one payload (already known to match this variant)."""
        document = lookup(body, self.root) if self.root else body
        if document is None:
            raise UnmappedPayload(UnprocessedReason.MISSING_DOCUMENT,
                                  f"{self.provider}/{self.name}: envelope has no document")
        if self.not_a_payment:
            raise UnmappedPayload(NOT_A_PAYMENT_EVENT, f"{self.provider}/{self.name}: {self.not_a_payment}")
        text = self._text_field
        raw_status = text("status", body, document)
        reason_values = self._reason_values(body, document)
        raw_reason = reason_values[0] if reason_values else None
        status = self.fixed_status or (self.status_map.get(raw_status.lower()) if raw_status else None)

        assigned: dict[str, Any] = {}
        for rule in self.rules:
            if _all_hold(rule.when, body, document):
                assigned.update(rule.assignments)
        status = assigned.get("status_category", status)
        if status is None:
            detail = f"{self.provider}/{self.name}: status {raw_status!r} not in the mapping"
            refusal = UnprocessedReason.UNMAPPED_STATUS if raw_status else UnprocessedReason.MISSING_STATUS
            raise UnmappedPayload(refusal, detail)

        reason = source = decline_type = None
        if status in FAILURE_STATUSES:
            entry, deciding = self._reason_of(reason_values, body, document)
            raw_reason = deciding or raw_reason
            reason = assigned.get("failure_reason", entry.reason if entry else FailureReason.UNKNOWN)
            default_source, default_type = REASON_DEFAULTS[reason]
            stated_type = text("decline_type", body, document)
            decline_type = (
                assigned.get("decline_type")
                or (self._stated_decline_type(stated_type) if stated_type else None)
                or (entry.decline_type if entry and entry.reason == reason else None)
                or default_type
            )
            source = assigned.get("failure_source") or (
                entry.source if entry and entry.reason == reason and entry.source else default_source
            )

        amount_minor, currency = self._amount(body, document)
        method = assigned.get("payment_method") or self._payment_method(text("payment_method", body, document))
        kind = assigned.get("event_kind") or self.fixed_kind or KIND_OF_STATUS.get(status, EventKind.AUTHORIZATION)
        transaction_id = text("provider_transaction_id", body, document)
        return CanonicalEvent(
            provider=self.provider,
            status_category=status,
            failure_reason=reason,
            failure_source=source,
            decline_type=decline_type,
            raw_status=raw_status,
            raw_reason_code=raw_reason,
            amount_minor=amount_minor,
            currency=currency,
            event_time=parse_event_time(self._field("event_time", body, document)),
            payment_method=method,
            card_brand=card_brand(self._card_scheme(text("card_brand", body, document)), method),
            country=None,  # the metrics' country: chosen from the three below by normalize.with_merchant
            provider_transaction_id=transaction_id,
            merchant_id=text("merchant_id", body, document),
            merchant_name=text("merchant_name", body, document),
            variant=self.name,
            event_kind=kind,
            attempt_id=self._own_id("attempt_id", EventKind.AUTHORIZATION, kind, transaction_id, body, document),
            payment_id=text("payment_id", body, document),
            refund_id=self._own_id("refund_id", EventKind.REFUND, kind, transaction_id, body, document),
            dispute_id=self._own_id("dispute_id", EventKind.DISPUTE, kind, transaction_id, body, document),
            card_country=country_code(text("card_country", body, document)),
            customer_country=country_code(text("customer_country", body, document)),
        )

    def _own_id(self, name: str, own_kind: EventKind, kind: EventKind, transaction_id: str | None,
                body: Any, document: Any) -> str | None:
        """An id field, by the kind of document it is read from.

        * attempt_id: wherever the spec says; an AUTHORIZATION whose source finds nothing is its own attempt.
        * refund_id / dispute_id: only on REFUND / DISPUTE documents. Where the spec says (a payment
          document whose status is "refunded" may name no refund object: then none, never the payment's
          id), else the document's own id.
        """
        if own_kind is not EventKind.AUTHORIZATION and kind is not own_kind:
            return None
        if name in self.fields:
            value = self._text_field(name, body, document)
            if value is not None or own_kind is not EventKind.AUTHORIZATION:
                return value
        return transaction_id if kind is own_kind else None

    def _reason_values(self, body: Any, document: Any) -> list[str]:
        """The non-empty values of the reason_code sources, in the spec's order (a join is one value)."""
        source = self.fields.get("reason_code")
        if source is None:
            return []
        paths, sep = source
        if sep is not None:
            joined = self._text_field("reason_code", body, document)
            return [joined] if joined else []
        values = []
        for absolute, segments in paths:
            value = _text(lookup(body if absolute else document, segments))
            if value is not None:
                values.append(value)
        return values

    def _reason(self, raw_reason: str | None) -> ReasonEntry | None:
        """One code read through the spec's reason_map, then its shared fallback tables."""
        if not raw_reason:
            return None
        entry = self.reason_map.get(raw_reason.lower())
        if entry is None and self.reason_fallbacks:
            entry = table_entry(self.reason_fallbacks, raw_reason)
        return entry

    def _reason_of(self, values: list[str], body: Any, document: Any) -> tuple[ReasonEntry | None, str | None]:
        """The failure reason of a document and the code that gave it (the rule in the module docstring)."""
        unknown: tuple[ReasonEntry, str] | None = None
        generic: tuple[ReasonEntry, str] | None = None
        for value in values:
            entry = self._reason(value)
            if entry is None:
                continue
            if entry.reason is FailureReason.UNKNOWN:
                unknown = unknown or (entry, value)
            elif entry.reason is FailureReason.GENERIC_DECLINE:
                generic = generic or (entry, value)
            else:
                return entry, value
        if generic is not None:
            return generic
        for value in values:
            entry = ERROR_TYPE_REASONS.get(value.lower())
            if entry is not None:
                return entry, value
        for node in (document, body):
            for segments in _ERROR_TYPE_PATHS:
                value = _text(lookup(node, segments))
                entry = ERROR_TYPE_REASONS.get(value.lower()) if value else None
                if entry is not None:
                    return entry, None
        return unknown if unknown is not None else (None, None)

    def _stated_decline_type(self, stated: str) -> DeclineType | None:
        found = self.decline_type_map.get(stated.lower())
        if found is None and self.decline_type_fallback is not None:
            found = self.decline_type_fallback.get(stated.strip().lower())
        return found

    def _card_scheme(self, raw: str | None) -> str | None:
        """A provider's card code in the scheme's name (dLocal ``VI`` -> visa); a code the map leaves out as it is."""
        if raw is None or not self.card_brand_map:
            return raw
        key = _brand_key(raw)
        return self.card_brand_map[key] if key in self.card_brand_map else raw

    def _payment_method(self, raw: str | None) -> PaymentMethod | None:
        if raw:
            method = self.payment_method_map.get(raw.lower())
            if method is not None:
                return method
            return PaymentMethod.OTHER if self.payment_method_map else self.default_payment_method
        return self.default_payment_method

    def _amount(self, body: Any, document: Any) -> tuple[int | None, str | None]:
        raw_currency = self._text_field("currency", body, document) or self.default_currency
        raw_amount = self._field("amount", body, document)
        if isinstance(raw_amount, dict):
            raw_amount = raw_amount.get("#text")
        if raw_currency is None:
            if raw_amount is None:
                return None, None
            raise UnmappedPayload(UnprocessedReason.MISSING_CURRENCY,
                                  f"{self.provider}/{self.name}: amount without currency")
        try:
            code = currency_codes.normalize_currency(raw_currency)
            if raw_amount is None:
                return None, code
            exponent = self._text_field("amount_exponent", body, document)
            return (
                currency_codes.to_minor_units(
                    raw_amount, code, self.amount_unit, exponent=int(exponent) if exponent else None
                ),
                code,
            )
        except currency_codes.AmountError as exc:
            raise UnmappedPayload(exc.reason_code, f"{self.provider}/{self.name}: {exc}") from exc
        except ValueError as exc:  # a non-numeric exponent
            raise UnmappedPayload(UnprocessedReason.INVALID_AMOUNT, f"{self.provider}/{self.name}: {exc}") from exc


class CompiledMapping:
    """A provider's whole spec: detection signals and its variants in order."""

    def __init__(self, spec: Mapping[str, Any], prepare: Callable[[Any], Any] | None = None) -> None:
        self.provider = spec.get("provider")
        # A provider module's code hook, for what a format really needs code for.
        self.prepare = prepare
        if not self.provider:
            raise MappingError("a spec needs a provider")
        self.spec = spec
        self.aliases = frozenset(alias_key(a) for a in (*spec.get("aliases", ()), self.provider))
        self.detect = tuple(
            Condition(s["path"], {k: v for k, v in s.items() if k not in ("path", "weight")}, s.get("weight", 0.5))
            for s in spec.get("detect", ())
        )
        variants = spec.get("variants") or [{"name": "default"}]
        self.variants = tuple(CompiledVariant(self.provider, spec, v) for v in variants)
        self.text_variants = tuple(self._text_variant(v) for v in spec.get("text_variants", ()))

    def _text_variant(self, variant: Mapping[str, Any]) -> CompiledVariant:
        """A variant for the provider's documented text answers: it matches its text and is an ERROR."""
        compiled = CompiledVariant(self.provider, {"provider": self.provider}, variant)
        if (not compiled.match or compiled.fixed_status is not StatusCategory.ERROR or compiled.not_a_payment
                or any("status_category" in rule.assignments for rule in compiled.rules)):
            raise MappingError(f"{self.provider}/{compiled.name}: a text variant matches the text it documents "
                               "and is an ERROR, nothing else")
        return compiled

    def shape_score(self, body: Any) -> float:
        """How strongly the payload's shape says it is this provider's (0..1)."""
        if isinstance(body, dict):
            body = dotted_names_nested(body)
        score = 0.0
        for signal in self.detect:
            if signal.holds(body, body):
                score += signal.weight
        return min(score, 1.0)

    def variant_for(self, body: Any) -> CompiledVariant | None:
        for variant in self.variants:
            if _all_hold(variant.match, body, body):  # variant.matches(body), without its call
                return variant
        return None

    def apply(self, body: Any) -> CanonicalEvent:
        if self.prepare is not None:
            body = self.prepare(body)
        variant = self.variant_for(body)
        if variant is None:
            raise UnmappedPayload(UnprocessedReason.NO_MATCHING_VARIANT, f"{self.provider}: no variant of the mapping fits")
        return variant.apply(body)

    def apply_text(self, body: Any) -> CanonicalEvent | None:
        """The ERROR event one of the spec's text variants documents for this text body, else ``None``."""
        for variant in self.text_variants:
            if variant.matches(body):
                return variant.apply(body)
        return None


def alias_key(value: str) -> str:
    """Hint values compare without case or punctuation: 'Mercado-Pago' == 'mercadopago'."""
    return "".join(ch for ch in str(value).lower() if ch.isalnum())
