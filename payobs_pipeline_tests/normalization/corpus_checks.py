"""Shared checks for a provider's labeled corpus (``payobs_pipeline_tests/corpus/<provider>.json``).

``normalization/test_provider_contract.py`` runs the checks every provider with a module
``normalization/providers/test_<provider>.py`` must pass (its cases match their labels, its documents are detected
as its own and no one else's, its spec's statuses are categories, ...); the provider's own module keeps only
the behaviour particular to it. The labels come from the provider's documentation (each case's ``source``),
never from running the code.
"""

from __future__ import annotations

import copy
import importlib
import json
from functools import cache
from pathlib import Path
from types import ModuleType

from payobs_pipeline.normalization import providers
from payobs_pipeline.normalization.evaluation import _value, load_cases, normalize_lake_data
from payobs_pipeline.normalization.formats import PayloadParseError, parse_lake_data
from payobs_pipeline.normalization.event import CanonicalEvent
from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.normalize import SHAPE_DETECTION_THRESHOLD, Normalizer, detect_provider
from payobs_pipeline.normalization.pii import mask_payload, mask_text
from payobs_pipeline.normalization.providers import builtin_mappings, mapped_providers
from payobs_pipeline.normalization.taxonomy import StatusCategory

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
NORMALIZER = Normalizer()
HINT_KEYS = ("provider", "psp", "gateway", "p_id", "processor", "acquirer")


def provider_cases(provider: str) -> list[dict]:
    """The labeled cases of one provider's corpus file."""
    return load_cases(CORPUS / f"{provider}.json")


def case_ids(cases: list[dict]) -> list[str]:
    return [f"{case['file'][:-5]}:{case['name']}" for case in cases]


def has_hint(data: object) -> bool:
    """The row names its provider as the lake's reader takes a hint: a hint key holding text or a number (DOKU's
    ``acquirer`` object is the acquiring bank, no hint; formats._collect_hints)."""
    return isinstance(data, dict) and any(
        (type(value) is str and value.strip()) or type(value) in (int, float)
        for value in (data.get(key) for key in HINT_KEYS))


def assert_case_matches_labels(case: dict, normalizer: Normalizer = NORMALIZER) -> None:
    """The row normalizes to every labeled field, or stays unprocessed with the labeled reason."""
    outcome = normalize_lake_data(case["data"], case.get("merchant"), normalizer)
    expected = case["expected"]
    if "unprocessed" in expected:
        got = outcome.unprocessed_reason or f"normalized as {outcome.event.status_category}"
        assert got == expected["unprocessed"], case["source"]
        return
    assert outcome.event is not None, f"unprocessed: {outcome.unprocessed_reason} ({case['source']})"
    got = {name: _value(outcome.event, name) for name in expected}
    assert got == expected, case["source"]


# --- the provider contract (test_provider_contract.py) ---------------------------------------------------------

PROVIDER_TESTS = Path(__file__).resolve().parent / "providers"


def provider_test_slugs() -> list[str]:
    """Providers with a module ``providers/test_<slug>.py`` and a corpus file ``corpus/<slug>.json``."""
    return sorted(path.stem[len("test_"):] for path in PROVIDER_TESTS.glob("test_*.py")
                  if (CORPUS / f"{path.stem[len('test_'):]}.json").exists())


def provider_modules(slug: str) -> list[ModuleType]:
    """The mapping modules naming ``slug`` (one per API generation: PayPal REST, NVP and SOAP)."""
    modules = [importlib.import_module(f"{providers.__name__}.{name}") for name in providers.PROVIDER_MODULES]
    return [module for module in modules if module.SPEC["provider"] == slug]


def masked_body(data: object) -> object:
    """The document as the pipeline reads it: the row's text masked, parsed, the document masked."""
    return mask_payload(parse_lake_data(mask_text(json.dumps(data))).body)


def raw_body(data: object) -> object:
    """The document parsed from the row as stored, unmasked."""
    return parse_lake_data(json.dumps(data)).body


BODIES = {"masked": masked_body, "raw": raw_body}


@cache
def corpus_bodies() -> tuple[tuple[str, str, object], ...]:
    """(provider, case label, document) of every case of the providers' corpus files (``corpus/<provider>.json``,
    and the files of one API generation, named by what their cases are labeled), masked and raw.

    The malformed-input corpus is no provider's: its documents (a Stripe charge in an unknown currency) are
    labeled by the reason they stay unprocessed, not by whose they are."""
    found = []
    for path in sorted(CORPUS.glob("*.json")):
        cases = load_cases(path)
        provider = path.stem if path.stem in mapped_providers() else _generation_provider(cases)
        if provider is None:
            continue
        for case in cases:
            for read in BODIES.values():
                try:
                    found.append((provider, f"{path.name}:{case['name']}", read(case["data"])))
                except PayloadParseError:
                    continue
    return tuple(found)


def _generation_provider(cases: list[dict]) -> str | None:
    """The provider of a corpus file kept apart for one API generation (``worldpay_cnp.json``,
    ``payu_gpo_cases.json``): the one mapped provider all its labeled cases name, else None."""
    named = {case["expected"].get("provider") for case in cases if "unprocessed" not in case["expected"]}
    return named.pop() if len(named) == 1 and next(iter(named)) in mapped_providers() else None


def normalized_event(data: object, normalizer: Normalizer = NORMALIZER) -> CanonicalEvent:
    """The event one lake row's data normalizes to; fails when the row stays unprocessed."""
    outcome = normalize_lake_data(data, None, normalizer)
    assert outcome.event is not None, outcome.unprocessed_reason
    return outcome.event


# --- a provider module's own corpus checks ---------------------------------------------------------------------

def docs_examples(slug: str) -> list[dict]:
    """sdk_and_docs_examples/<slug>.json: SDK fixtures and docs examples (an earlier round, training data)."""
    return load_cases(CORPUS / "sdk_and_docs_examples" / f"{slug}.json")


def other_event_kinds(slug: str) -> list[dict]:
    """other_event_kinds/<slug>.json: other event types and lake wrappers (an earlier round, training data);
    rows that are no payment outcome are labeled unprocessed."""
    return load_cases(CORPUS / "other_event_kinds" / f"{slug}.json")


def own_mappings(slug: str) -> list[CompiledMapping]:
    return [CompiledMapping(m.SPEC, getattr(m, "prepare", None)) for m in provider_modules(slug)]


def assert_detected_by_shape(case: dict, body: str = "raw") -> None:
    """Without any hint, the document's shape alone names the labeled provider with confidence."""
    guess = detect_provider(BODIES[body](case["data"]), {}, builtin_mappings())
    assert guess.provider == case["expected"]["provider"]
    assert guess.confidence >= SHAPE_DETECTION_THRESHOLD


def assert_outscores(case: dict, rivals: tuple[str, ...], body: str = "raw") -> None:
    """The labeled provider's mapping scores above each rival mapping on the case's document."""
    document = BODIES[body](case["data"])
    mappings = builtin_mappings()
    own = max(m.shape_score(document) for m in mappings if m.provider == case["expected"]["provider"])
    scores = {m.provider: m.shape_score(document) for m in mappings if m.provider in rivals}
    assert all(score < own for score in scores.values()), scores


def other_corpora_scoring_on(slug: str, exclude: tuple[str, ...] = ()) -> dict[str, float]:
    """Documents of the other top-level corpus files (raw) on which ``slug``'s detector reaches the threshold."""
    scored = {}
    for mapping in own_mappings(slug):
        for stem, label, document in corpus_bodies():
            if stem != slug and stem not in exclude and label not in scored:
                if (score := mapping.shape_score(document)) >= SHAPE_DETECTION_THRESHOLD:
                    scored[label] = score
    return scored


# Documents of other providers, from their API references, that a provider's detector must not claim.
FOREIGN_PAYLOADS = {
    "stripe_charge": ("stripe", {
        "id": "ch_3MmlLrLkdIwHu7ix0snN0B15", "object": "charge", "amount": 1099, "currency": "usd",
        "status": "failed", "failure_code": "card_declined", "outcome": {"type": "issuer_declined"}}),
    "stripe_charge_with_card": ("stripe", {
        "id": "ch_3MmlLrLkdIwHu7ix0snN0B15", "object": "charge", "amount": 1099, "currency": "usd",
        "status": "failed", "failure_code": "card_declined", "outcome": {"type": "issuer_declined"},
        "payment_method_details": {"type": "card", "card": {"brand": "visa", "country": "US"}},
        "created": 1679090539}),
    "stripe_event": ("stripe", {
        "id": "evt_1NG8Du2eZvKYlo2CUI79vXWy", "object": "event", "type": "payment_intent.succeeded",
        "data": {"object": {"id": "pi_3MtwBwLkdIwHu7ix28a3tqPa", "object": "payment_intent",
                            "amount": 2000, "currency": "usd", "status": "succeeded"}}}),
    "stripe_refund_event": ("stripe", {
        "id": "evt_1", "object": "event", "type": "charge.refunded",
        "data": {"object": {"id": "re_1Nispe2eZvKYlo2Cd31jOCgZ", "object": "refund", "amount": 1000,
                            "currency": "usd", "status": "succeeded", "charge": "ch_1"}}}),
    "adyen_notification": ("adyen", {
        "live": "false",
        "notificationItems": [{"NotificationRequestItem": {
            "eventCode": "AUTHORISATION", "success": "false", "pspReference": "7914073381342284",
            "merchantAccountCode": "TestMerchant", "merchantReference": "order-1", "reason": "Refused",
            "amount": {"value": 1130, "currency": "EUR"}, "paymentMethod": "visa",
            "eventDate": "2024-01-01T01:00:00+01:00"}}]}),
    "adyen_notification_minimal": ("adyen", {
        "live": "false", "notificationItems": [{"NotificationRequestItem": {
            "eventCode": "AUTHORISATION", "success": "true", "pspReference": "7914073381342284",
            "merchantAccountCode": "YOUR_MERCHANT_ACCOUNT", "amount": {"currency": "EUR", "value": 1130}}}]}),
    "adyen_payment_response": ("adyen", {
        "pspReference": "993617894903480A", "resultCode": "Refused", "refusalReason": "Not enough balance",
        "refusalReasonCode": "12", "amount": {"value": 1500, "currency": "EUR"}, "merchantReference": "order-2"}),
    "adyen_response": ("adyen", {
        "pspReference": "993617895204576J", "resultCode": "Refused", "refusalReason": "Not enough balance",
        "refusalReasonCode": "12", "amount": {"currency": "EUR", "value": 1000}}),
    "checkout_com_payment": ("checkout", {
        "id": "pay_mbabizu24mvu3mela5njyhpit4", "action_id": "act_mbabizu24mvu3mela5njyhpit4", "amount": 6540,
        "currency": "USD", "approved": False, "status": "Declined", "response_code": "20051",
        "source": {"type": "card", "scheme": "Visa"}}),
}


def foreign_payloads(slug: str) -> list[str]:
    """The names of the FOREIGN_PAYLOADS that are not ``slug``'s own."""
    return sorted(name for name, (owner, _) in FOREIGN_PAYLOADS.items() if owner != slug)


def assert_does_not_claim(slug: str, name: str) -> None:
    """None of ``slug``'s mappings reaches the detection threshold on another provider's document."""
    document = FOREIGN_PAYLOADS[name][1]
    for mapping in own_mappings(slug):
        assert mapping.shape_score(document) < SHAPE_DETECTION_THRESHOLD, f"{slug} claims {name}"


def assert_status_maps_compile(slug: str, minimum_entries: int = 1, strict: bool = True) -> None:
    """Every raw status of the provider's spec (``providers/<slug>.py``) is a StatusCategory. Strict, each compiled
    variant holds exactly the top-level map with its own merged over it, lower-cased, and two spellings of one
    status never disagree; else each raw status reaches some compiled variant, lower-cased, as its category."""
    spec = importlib.import_module(f"{providers.__name__}.{slug}").SPEC
    compiled = {v.name: v for v in CompiledMapping(spec).variants}
    variants = spec.get("variants") or [{"name": "default"}]
    fixed = [v["status"] for v in variants if v.get("status")]
    assert all(StatusCategory(category) for category in fixed)
    entries = len(spec.get("status_map", {})) + sum(len(v.get("status_map", {})) for v in variants)
    assert entries >= minimum_entries
    for variant in variants:
        name = variant.get("name", "default")
        merged = {**spec.get("status_map", {}), **variant.get("status_map", {})}
        if not strict:
            for raw, category in merged.items():
                assert any(v.status_map.get(str(raw).lower()) == StatusCategory(category)
                           for v in compiled.values()), f"{name}: {raw!r}"
            continue
        folded: dict[str, str] = {}
        for raw, category in merged.items():
            assert folded.setdefault(str(raw).lower(), category) == category, f"{name}: {raw!r}"
        assert compiled[name].status_map == {str(k).lower(): StatusCategory(v) for k, v in merged.items()}, name


def assert_no_deprecated_country_field(slug: str) -> None:
    for module in provider_modules(slug):
        for part in (module.SPEC, *module.SPEC.get("variants", ())):
            assert "country" not in part.get("fields", {}), (slug, part.get("name"))


def assert_broad_corpus(slug: str, minimum: int = 12, reasons: int = 4) -> None:
    """The corpus file has enough cases, approvals, declines and pending or cancelled rows, several reason codes,
    hinted and unhinted rows, and labels every case's provider, status, reason, amount and currency."""
    cases = provider_cases(slug)
    statuses = {c["expected"]["status_category"] for c in cases}
    assert len(cases) >= minimum
    assert {"APPROVED", "DECLINED", "PENDING"} <= statuses or {"APPROVED", "DECLINED", "CANCELLED"} <= statuses
    assert len({c["expected"]["failure_reason"] for c in cases} - {None}) >= reasons, "several reason codes"
    assert any(has_hint(c["data"]) for c in cases) and any(not has_hint(c["data"]) for c in cases)
    for case in cases:
        for field in ("provider", "status_category", "failure_reason", "amount_minor", "currency"):
            assert field in case["expected"], f"{case['name']} does not label {field}"


def assert_own_shape_wins(case: dict) -> None:
    """Unhinted, the labeled provider's detector reaches the threshold and every other mapping scores lower."""
    document = raw_body(case["data"])
    mappings = builtin_mappings()
    own = max(m.shape_score(document) for m in mappings if m.provider == case["expected"]["provider"])
    assert own >= SHAPE_DETECTION_THRESHOLD
    rivals = {m.provider: m.shape_score(document) for m in mappings if m.provider != case["expected"]["provider"]}
    assert max(rivals.values()) < own, rivals


def assert_covers_the_lifecycle(cases: list[dict], declines_only: bool = False) -> None:
    """At least 12 cases covering approvals, declines, pending rows, cancellations, refunds and chargebacks, with
    four or more failure reasons (among the declines alone with ``declines_only``)."""
    statuses = {c["expected"]["status_category"] for c in cases}
    reasons = {c["expected"].get("failure_reason") for c in cases
               if not declines_only or c["expected"]["status_category"] == "DECLINED"} - {None}
    assert len(cases) >= 12
    assert {"APPROVED", "DECLINED", "PENDING", "CANCELLED", "REFUNDED", "CHARGEBACK"} <= statuses
    assert len(reasons) >= 4, f"failure reasons cover only {reasons}"


def assert_prepare_keeps_the_payload(slug: str, cases: list[dict]) -> None:
    """``prepare`` leaves the stored (raw) document exactly as received and keeps every field the provider sent."""
    for module in provider_modules(slug):
        if not hasattr(module, "prepare"):
            continue
        for case in cases:
            document = raw_body(case["data"])
            before = copy.deepcopy(document)
            prepared = module.prepare(document)
            assert document == before
            assert {key: prepared[key] for key in before} == before
