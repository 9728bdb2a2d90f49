"""The normalization cascade for one parsed payload (pure: no Dagster, no database).

Order (docs/architecture.md): built-in provider mappings, learned mappings for the
payload's shape, the heuristic normalizer; what none of them can describe is
*deferred* with a reason code, for the LLM step of the pipeline or for
``unprocessed_events``. Nothing here guesses below its confidence threshold.

A text no format reads, given under a provider hint (format ``text``, formats.py), skips the cascade: no
detection, no learned mapping, no heuristic reads free text. Only the hinted provider's ``text_variants``
may make it the ERROR that provider documents for it; otherwise it stays unprocessed with the parser's
UNRECOGNIZED_FORMAT and detail, as it would without the hint.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from payobs_pipeline.normalization import heuristics
from payobs_pipeline.normalization.fingerprint import shape_fingerprint
from payobs_pipeline.normalization.formats import FORMAT_TEXT, ParsedPayload, text_refusal
from payobs_pipeline.normalization.mapping import (
    CanonicalEvent,
    CompiledMapping,
    Condition,
    UnmappedPayload,
    alias_key,
    country_code,
    dotted_names_nested,
    folded_text,
    lookup,
)
from payobs_pipeline.normalization.providers import builtin_mappings
from payobs_pipeline.normalization.unprocessed_reasons import FINAL, UnprocessedReason

# A shape score at least this high names the provider without a hint.
SHAPE_DETECTION_THRESHOLD = 0.5
# A shape this certain overrules a hint that names another provider.
SHAPE_OVERRULES_HINT = 0.8


@dataclass(frozen=True, slots=True)
class ProviderGuess:
    """Which provider a payload is from, and how sure we are."""

    provider: str | None  # a mapping's provider slug, or the hint's own word when we have no mapping
    mapping: CompiledMapping | None
    confidence: float
    evidence: str  # "hint", "shape", "hint+shape", "shape (hint said X)", "none"


@dataclass(frozen=True, slots=True)
class Deferral:
    """A payload the deterministic cascade could not normalize."""

    reason_code: str
    detail: str
    provider: str | None
    fingerprint: str


class ProviderDetector:
    """Scores every mapping's shape signals at once, through an index of the body keys they test.

    A payload has a few dozen top-level keys and the mappings a few hundred
    signals; the index looks only at signals whose first path segment the body
    has (plus the few that can hold on an absent key), and a signal that tests a
    top-level key for a value (``{"object": "charge"}``) is one dict lookup of the
    payload's value, whatever the number of mappings. Scores are sparse (mapping
    number -> score, only where some signal held) and equal
    ``CompiledMapping.shape_score``. A signal on a deeper path (``data.object.status``) is tried only when the
    body's value under its first key holds its second key too (a list's first item standing for the list, as
    ``lookup`` reads it): a ``data`` envelope is shared by many providers' shapes, and most of their signals
    cannot hold on a given one.
    """

    def __init__(self, mappings: Iterable[CompiledMapping]) -> None:
        self.mappings = tuple(mappings)
        self._by_key: dict[str, list[tuple[int, Condition]]] = defaultdict(list)
        self._by_subkey: dict[str, dict[str, list[tuple[int, Condition]]]] = defaultdict(lambda: defaultdict(list))
        self._by_value: dict[str, dict[Any, list[tuple[int, float]]]] = defaultdict(lambda: defaultdict(list))
        self._by_prefix: dict[str, list[tuple[tuple[str, ...], int, float]]] = defaultdict(list)
        self._by_presence: dict[str, list[tuple[int, float]]] = defaultdict(list)
        self._always: list[tuple[int, Condition]] = []
        self._by_alias: dict[str, list[int]] = defaultdict(list)
        for number, mapping in enumerate(self.mappings):
            for alias in mapping.aliases:
                self._by_alias[alias].append(number)
            for signal in mapping.detect:
                absent_can_hold = signal.test(None)
                absolute, segments = signal.path
                first = segments[0]
                if absent_can_hold or not isinstance(first, str):
                    self._always.append((number, signal))
                elif len(segments) == 1 and signal.values is not None:
                    for value in signal.values:
                        self._by_value[first][value].append((number, signal.weight))
                elif len(segments) == 1 and signal.prefixes is not None:
                    self._by_prefix[first].append((signal.prefixes, number, signal.weight))
                elif len(segments) == 1 and signal.exists is True:
                    self._by_presence[first].append((number, signal.weight))
                elif len(segments) > 1 and isinstance(segments[1], str):
                    self._by_subkey[first][segments[1]].append((number, signal))
                else:
                    self._by_key[first].append((number, signal))
        self._by_value = {key: dict(values) for key, values in self._by_value.items()}
        self._by_prefix, self._by_presence = dict(self._by_prefix), dict(self._by_presence)
        self._by_subkey = {key: dict(signals) for key, signals in self._by_subkey.items()}
        # What scores() reads, one dict lookup a body key: (values, presence, prefixes, by_key, subkeys), each
        # None where no signal of that kind starts at the key; a subkey's signals as _sub_signal tuples.
        self._index: dict[str, tuple] = {
            key: (
                self._by_value.get(key),
                self._by_presence.get(key),
                (tuple(sorted({p for prefixes, _, _ in self._by_prefix[key] for p in prefixes})), self._by_prefix[key])
                if key in self._by_prefix else None,
                tuple(self._by_key[key]) if key in self._by_key else None,
                {sub: tuple(_sub_signal(number, signal) for number, signal in signals)
                 for sub, signals in self._by_subkey[key].items()} if key in self._by_subkey else None,
            )
            for key in {*self._by_value, *self._by_presence, *self._by_prefix, *self._by_key, *self._by_subkey}
        }

    def scores(self, body: Any) -> dict[int, float]:
        # Every signal is tested as CompiledMapping.shape_score tests it and each mapping's weights are added in
        # the same order as always (body keys in order; at a key: values, presence, prefixes, deeper paths), so
        # the float sums are the same to the last bit; only the work of reaching each test is less.
        scores: dict[int, float] = {}
        if isinstance(body, dict):
            body = dotted_names_nested(body)
            index = self._index
            for key, value in body.items():
                if value is None:
                    continue  # every test that holds on an absent value is in _always
                entry = index.get(key)
                if entry is None:
                    continue
                accepted, present, prefixed, by_key, deeper = entry
                if accepted is not None or prefixed is not None:
                    # folded_text(value), with a string's usual case done here
                    text = (value.strip().lower() or None) if type(value) is str else folded_text(value)
                    if accepted is not None:
                        for number, weight in accepted.get(text, ()):
                            scores[number] = scores.get(number, 0.0) + weight
                if present is not None:
                    for number, weight in present:
                        scores[number] = scores.get(number, 0.0) + weight
                # prefixed: (every prefix of the key's signals, the signals); most values start with none
                if prefixed is not None and isinstance(text, str) and text.startswith(prefixed[0]):
                    for prefixes, number, weight in prefixed[1]:
                        if text.startswith(prefixes):
                            scores[number] = scores.get(number, 0.0) + weight
                if by_key is not None:
                    for number, signal in by_key:
                        if signal.holds(body, body):
                            scores[number] = scores.get(number, 0.0) + signal.weight
                if deeper is not None:
                    node = value[0] if type(value) is list and value else value
                    if isinstance(node, dict):
                        # In the body's order, not a set's: scores are float sums, and an order that changed
                        # with the process's string hashing could tip a tie or the threshold between runs.
                        for subkey in node:
                            signals = deeper.get(subkey)
                            if signals is None:
                                continue
                            # lookup(body, (key, subkey, *rest)) is lookup(node.get(subkey), rest): the body's
                            # value under key is node (a list's first item standing for the list)
                            sub = node.get(subkey)
                            folded = _UNSET
                            for number, weight, kind, arg, rest in signals:
                                found = sub if not rest else lookup(sub, rest)
                                if kind is _VALUES:
                                    if not rest:
                                        if folded is _UNSET:
                                            folded = folded_text(sub)
                                        held = folded in arg
                                    else:
                                        held = folded_text(found) in arg
                                elif kind is _EXISTS:
                                    held = (found is not None) == arg
                                else:
                                    held = arg(found)
                                if held:
                                    scores[number] = scores.get(number, 0.0) + weight
        for number, signal in self._always:
            if signal.holds(body, body):
                scores[number] = scores.get(number, 0.0) + signal.weight
        return {number: min(score, 1.0) for number, score in scores.items()}

    def hinted(self, hint: str | None) -> tuple[CompiledMapping, ...]:
        """The mappings of the provider a hint names (one per API generation), in their order."""
        return tuple(self.mappings[n] for n in self._by_alias.get(alias_key(hint), ())) if hint else ()

    def detect(self, body: Any, hints: Mapping[str, str]) -> ProviderGuess:
        """Provider from hints, checked against the payload's shape (hints may be missing or wrong)."""
        hint = hints.get("provider")
        hint_key = alias_key(hint) if hint else ""
        scores = self.scores(body)
        # The best-scoring mapping, the first on a tie.
        best_number = max(scores, key=lambda n: (scores[n], -n)) if scores else None
        best_score = scores[best_number] if best_number is not None else 0.0
        best = self.mappings[best_number] if best_number is not None and best_score > 0 else None
        # A provider may have several mappings (one per API generation): the hint picks the provider,
        # the shape picks among its mappings (the first on a tie).
        candidates = self._by_alias.get(hint_key, ()) if hint_key else ()
        hinted_number = max(candidates, key=lambda n: (scores.get(n, 0.0), -n)) if candidates else None
        if hinted_number is not None:
            hinted = self.mappings[hinted_number]
            if best is hinted:
                return ProviderGuess(hinted.provider, hinted, 0.99, "hint+shape")
            if best is not None and best_score >= SHAPE_OVERRULES_HINT and scores.get(hinted_number, 0.0) == 0.0:
                return ProviderGuess(best.provider, best, round(best_score * 0.9, 3), f"shape (hint said {hint})")
            return ProviderGuess(hinted.provider, hinted, 0.9, "hint")
        if best is not None and best_score >= SHAPE_DETECTION_THRESHOLD:
            return ProviderGuess(best.provider, best, round(best_score, 3), "shape")
        if hint_key:
            return ProviderGuess(hint_key, None, 0.5, "hint (no mapping)")
        return ProviderGuess(None, None, 0.0, "none")


_UNSET = object()
_VALUES, _EXISTS, _TEST = "values", "exists", "test"


def _sub_signal(number: int, signal: Condition) -> tuple:
    """A signal on a path of two or more segments, for scores(): (number, weight, kind, argument, the path
    after its second segment). An equality test is its accepted folded texts (``Condition.values``, what its
    test compares), an existence test the presence it wants; any other its own test."""
    rest = signal.path[1][2:]
    if signal.values is not None:
        return number, signal.weight, _VALUES, signal.values, rest
    if signal.exists is not None:
        return number, signal.weight, _EXISTS, signal.exists, rest
    return number, signal.weight, _TEST, signal.test, rest


def detect_provider(body: Any, hints: Mapping[str, str], mappings: Iterable[CompiledMapping]) -> ProviderGuess:
    """One-off detection (builds the index each call; the Normalizer keeps one)."""
    return ProviderDetector(mappings).detect(body, hints)


class Normalizer:
    """Applies the cascade; holds the compiled mappings so each payload costs only lookups."""

    def __init__(
        self,
        mappings: Iterable[CompiledMapping] | None = None,
        learned: Mapping[str, CompiledMapping] | None = None,
        heuristic_threshold: float = heuristics.DEFAULT_THRESHOLD,
    ) -> None:
        self.mappings = tuple(builtin_mappings() if mappings is None else mappings)
        self.detector = ProviderDetector(self.mappings)
        self.learned = dict(learned or {})
        self.heuristic_threshold = heuristic_threshold

    def normalize(self, parsed: ParsedPayload, merchant: Any = None) -> CanonicalEvent | Deferral:
        """The canonical event for a payload, or why it was deferred."""
        if parsed.format == FORMAT_TEXT:
            return self._normalize_text(parsed, merchant)
        guess = self.detector.detect(parsed.body, parsed.hints)
        deferral_reason, detail = UnprocessedReason.NO_MAPPING, f"no mapping for provider {guess.provider or 'unknown'}"
        if guess.mapping is not None:
            try:
                event = guess.mapping.apply(parsed.body)
                event.confidence = guess.confidence
                return with_merchant(event, merchant)
            except UnmappedPayload as exc:
                if exc.reason_code in FINAL_DEFERRALS:
                    return Deferral(exc.reason_code, exc.detail, guess.provider, shape_fingerprint(parsed.body))
                deferral_reason, detail = exc.reason_code, exc.detail

        fingerprint = shape_fingerprint(parsed.body)
        learned = self.learned.get(fingerprint)
        if learned is not None:
            try:
                event = learned.apply(parsed.body)
                event.normalization_method = "learned_mapping"
                event.confidence = 0.9
                return with_merchant(event, merchant)
            except UnmappedPayload as exc:
                deferral_reason, detail = exc.reason_code, exc.detail

        # The fallback reader borrows the provider's name and amount unit only when the provider is
        # certain (a hint, or a shape that would overrule one): a weak shape guess whose mapping
        # failed may be another PSP that copied the same field names.
        certain = guess.mapping is not None and ("hint" in guess.evidence or guess.confidence >= SHAPE_OVERRULES_HINT)
        guessed = heuristics.normalize(
            parsed.body,
            provider=guess.provider if certain or guess.mapping is None else None,
            amount_unit=guess.mapping.spec.get("amount_unit", "minor") if certain else None,
        )
        if isinstance(guessed, CanonicalEvent) and guessed.confidence >= self.heuristic_threshold:
            return with_merchant(guessed, merchant)
        if isinstance(guessed, CanonicalEvent):
            deferral_reason = UnprocessedReason.LOW_CONFIDENCE
            detail = f"heuristic confidence {guessed.confidence:.2f} below {self.heuristic_threshold:.2f}; {detail}"
        elif isinstance(guessed, UnmappedPayload) and guessed.reason_code in FINAL_DEFERRALS:
            deferral_reason, detail = guessed.reason_code, guessed.detail
        return Deferral(deferral_reason, detail, guess.provider, fingerprint)

    def _normalize_text(self, parsed: ParsedPayload, merchant: Any) -> CanonicalEvent | Deferral:
        """A text under a provider hint: the ERROR the hinted provider documents for it, or the parser's refusal."""
        hint = parsed.hints.get("provider")
        mappings = self.detector.hinted(hint)
        for mapping in mappings:
            event = mapping.apply_text(parsed.body)
            if event is not None:
                event.confidence = 0.9  # as a hint alone names a provider (ProviderDetector.detect)
                return with_merchant(event, merchant)
        refusal = text_refusal(parsed.body)
        provider = mappings[0].provider if mappings else (alias_key(hint) if hint else "") or None
        return Deferral(refusal.reason_code, refusal.detail, provider, shape_fingerprint(parsed.body))


# Deferrals no other method can fix (unprocessed_reasons.FINAL): an amount or currency that is wrong in
# the payload stays wrong whoever reads it, and a message with no payment outcome must not be guessed at, nor
# retried.
FINAL_DEFERRALS = FINAL


def with_merchant(event: CanonicalEvent, merchant: Any) -> CanonicalEvent:
    """The lake's merchant column names the merchant; the metrics' country follows one precedence.

    ``merchant`` is {"id", "name", "country"} by the lake's contract, but a lake is not a contract:
    a bare string is taken as the merchant's id, anything else that is not an object is ignored.
    Country precedence (docs/metrics.md): the card's issuing country, else the customer's, else
    the merchant's.
    """
    if isinstance(merchant, Mapping):
        event.merchant_id = _str(merchant.get("id")) or event.merchant_id
        event.merchant_name = _str(merchant.get("name")) or event.merchant_name
        event.merchant_country = country_code(_str(merchant.get("country")))
    elif isinstance(merchant, str) and merchant.strip():
        event.merchant_id = merchant.strip()[:200]
    event.country = event.card_country or event.customer_country or event.merchant_country
    return event


def _str(value: Any) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    text = str(value).strip()
    return text[:200] or None
