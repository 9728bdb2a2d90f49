"""What every provider with a module ``providers/test_<slug>.py`` and a corpus ``corpus/<slug>.json`` must pass.

The checks are the same for every provider and read what they need from its corpus and its specs; where a
provider truly differs (a status its corpus has no case of yet, fewer documented decline reasons), its own module
says so in a ``CONTRACT`` dict, so adding a provider touches its spec, its corpus, its generator module and its test
module only. A provider's own module keeps the behaviour particular to it (lifecycle ids, particular codes, formats).

- its corpus cases match their labels;
- its corpus covers every status its specs map to, with hinted and unhinted rows;
- every unhinted document is detected as the provider's, masked as the pipeline reads it and raw;
- no other mapping scores on its documents (nor outscores it);
- other providers' corpora do not score on its detector (unless their corpus declares the shape shared);
- every mapped status of its specs is a StatusCategory, and compiles to the same category;
- ``prepare`` never changes the payload it is given;
- every alias of its specs names the provider.
"""

from __future__ import annotations

import copy
import importlib
import json

import pytest

from payobs_pipeline.normalization.formats import PayloadParseError
from payobs_pipeline.normalization.mapping import CompiledMapping, UnmappedPayload
from payobs_pipeline.normalization.normalize import SHAPE_DETECTION_THRESHOLD, detect_provider
from payobs_pipeline.normalization.providers import builtin_mappings
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import (
    BODIES,
    assert_case_matches_labels,
    case_ids,
    corpus_bodies,
    has_hint,
    normalized_event,
    provider_cases,
    provider_modules,
    provider_test_slugs,
)

PROVIDERS = provider_test_slugs()

MIN_CASES = 10
# Distinct failure reasons among the DECLINED cases.
MIN_DECLINE_REASONS = 2
# Entries of a spec's status maps (top level and variants together).
MIN_STATUS_MAP_ENTRIES = 4
# What a provider's module may say where the provider differs from these defaults (its CONTRACT dict):
# - uncovered_statuses: {status: why} statuses its specs map to that its corpus has no case of yet;
# - decline_reasons: the distinct failure reasons among its DECLINED cases, when fewer are documented;
# - status_map_entries: the entries of its status maps, when the provider documents fewer;
# - shared_shapes: other mappings that reach the threshold on some of its unhinted documents (webhook envelopes
#   shaped like Stripe's events); they must still score below the provider's own, and its corpus is the only
#   one those detectors may reach the threshold on.
CONTRACT_TERMS = {"uncovered_statuses", "decline_reasons", "status_map_entries", "shared_shapes"}

CASES = [case for slug in PROVIDERS for case in provider_cases(slug)]
UNHINTED = [case for case in CASES if not has_hint(case["data"])]
MODULES = {module.__name__.rsplit(".", 1)[1]: module for slug in PROVIDERS for module in provider_modules(slug)}
MAPPINGS = {name: CompiledMapping(module.SPEC, getattr(module, "prepare", None)) for name, module in MODULES.items()}


def _slug(case: dict) -> str:
    return case["file"][:-len(".json")]


def _own_mappings(slug: str) -> list[CompiledMapping]:
    return [MAPPINGS[name] for name, module in MODULES.items() if module.SPEC["provider"] == slug]


def contract(slug: str) -> dict:
    """The CONTRACT dict of the provider's module ``providers/test_<slug>.py`` (empty: every default holds)."""
    return getattr(importlib.import_module(f"{__package__}.providers.test_{slug}"), "CONTRACT", {})


def mapped_statuses(slug: str) -> set[str]:
    """The statuses the provider's specs map to: their status maps, fixed statuses and rules."""
    statuses = set()
    for mapping in _own_mappings(slug):
        for variant in mapping.variants:
            statuses |= {str(status) for status in variant.status_map.values()}
            statuses |= {str(variant.fixed_status)} if variant.fixed_status is not None else set()
            statuses |= {str(rule.assignments["status_category"]) for rule in variant.rules
                         if "status_category" in rule.assignments}
    return statuses


def test_the_contract_has_data_for_every_provider_under_it():
    assert PROVIDERS
    for slug in PROVIDERS:
        terms = contract(slug)
        assert set(terms) <= CONTRACT_TERMS, slug
        # A status said uncovered is one its specs map to and its corpus still lacks.
        assert set(terms.get("uncovered_statuses", {})) <= mapped_statuses(slug), slug
        assert not set(terms.get("uncovered_statuses", {})) & {c["expected"].get("status_category")
                                                              for c in provider_cases(slug)}, slug
        assert set(terms.get("shared_shapes", ())) <= {mapping.provider for mapping in builtin_mappings()}, slug


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_case_matches_its_labels(case):
    assert_case_matches_labels(case)


@pytest.mark.parametrize("slug", PROVIDERS)
def test_corpus_covers_the_documented_outcomes(slug):
    cases = provider_cases(slug)
    assert len(cases) >= MIN_CASES
    statuses = {c["expected"].get("status_category") for c in cases}
    assert mapped_statuses(slug) - set(contract(slug).get("uncovered_statuses", {})) <= statuses
    declines = {c["expected"].get("failure_reason") for c in cases
                if c["expected"].get("status_category") == "DECLINED"}
    assert len(declines) >= contract(slug).get("decline_reasons", MIN_DECLINE_REASONS)
    assert any(has_hint(c["data"]) for c in cases)
    assert any(not has_hint(c["data"]) and "unprocessed" not in c["expected"] for c in cases)


@pytest.mark.parametrize("body", sorted(BODIES))
@pytest.mark.parametrize("case", UNHINTED, ids=case_ids(UNHINTED))
def test_unhinted_documented_shapes_are_detected(case, body):
    try:
        document = BODIES[body](case["data"])
    except PayloadParseError as exc:  # no document to detect: the row stays unprocessed, as labeled
        assert case["expected"].get("unprocessed") == exc.reason_code
        return
    guess = detect_provider(document, {}, builtin_mappings())
    assert guess.provider == _slug(case)
    assert guess.confidence >= SHAPE_DETECTION_THRESHOLD


@pytest.mark.parametrize("body", sorted(BODIES))
@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_no_other_mapping_scores_on_our_documents(case, body):
    """Unhinted, no other mapping reaches the threshold or our score; hinted, none beats both (the hint decides)."""
    slug = _slug(case)
    try:
        document = BODIES[body](case["data"])
    except PayloadParseError:
        return
    own = max(mapping.shape_score(document) for mapping in _own_mappings(slug))
    for mapping in builtin_mappings():
        if mapping.provider == slug:
            continue
        score = mapping.shape_score(document)
        if has_hint(case["data"]):
            assert score < max(own, SHAPE_DETECTION_THRESHOLD), mapping.provider
        else:
            assert score < own, mapping.provider
            if mapping.provider not in contract(slug).get("shared_shapes", ()):
                assert score < SHAPE_DETECTION_THRESHOLD, mapping.provider


def _shared_shapes(stem: str) -> set[str]:
    """The detectors a corpus declares its shapes shared with (its module's CONTRACT); none for a corpus without a
    provider module."""
    return set(contract(stem).get("shared_shapes", ())) if stem in PROVIDERS else set()


@pytest.mark.parametrize("name", sorted(MAPPINGS))
def test_other_providers_corpora_do_not_score_on_our_detector(name):
    mapping = MAPPINGS[name]
    scored = [label for stem, label, document in corpus_bodies()
              if stem != mapping.provider and mapping.provider not in _shared_shapes(stem)
              and mapping.shape_score(document) >= SHAPE_DETECTION_THRESHOLD]
    assert not scored


@pytest.mark.parametrize("name", sorted(MODULES))
def test_every_mapped_status_is_a_status_category(name):
    spec, compiled = MODULES[name].SPEC, MAPPINGS[name]
    # Compiling checks every status_map value, reason_map entry, rule and variant of the spec.
    for variant in compiled.variants:
        assert all(isinstance(status, StatusCategory) for status in variant.status_map.values())
        assert variant.fixed_status is None or isinstance(variant.fixed_status, StatusCategory)
    maps = [spec.get("status_map", {})] + [v.get("status_map", {}) for v in spec.get("variants", [])]
    fixed = [v["status"] for v in spec.get("variants", []) if v.get("status")]
    minimum = contract(spec["provider"]).get("status_map_entries", MIN_STATUS_MAP_ENTRIES)
    assert sum(len(status_map) for status_map in maps) >= minimum
    for category in fixed:
        assert category in StatusCategory.__members__
    for status_map in maps:
        for raw, category in status_map.items():
            assert category in StatusCategory.__members__, f"{raw} -> {category}"
            assert any(v.status_map.get(str(raw).lower()) == StatusCategory(category) for v in compiled.variants)


@pytest.mark.parametrize("body", sorted(BODIES))
@pytest.mark.parametrize("name", sorted(name for name in MODULES if hasattr(MODULES[name], "prepare")))
def test_prepare_keeps_the_payload_unchanged(name, body):
    """``prepare`` returns its own copy; it may refuse (UnmappedPayload) only a row labeled unprocessed."""
    for case in provider_cases(MODULES[name].SPEC["provider"]):
        try:
            document = BODIES[body](case["data"])
        except PayloadParseError:
            continue
        before = copy.deepcopy(document)
        try:
            MODULES[name].prepare(document)
        except UnmappedPayload:
            assert "unprocessed" in case["expected"], case["name"]
        assert document == before, case["name"]


@pytest.mark.parametrize("name", sorted(MODULES))
def test_aliases_name_the_provider(name):
    spec = MODULES[name].SPEC
    first = provider_cases(spec["provider"])[0]
    for alias in spec["aliases"]:
        event = normalized_event({"provider": alias, "payload": json.loads(json.dumps(first["data"]))})
        assert event.provider == spec["provider"], alias
