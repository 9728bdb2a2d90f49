"""What every provider with a module ``providers/test_<slug>.py`` and a corpus ``corpus/<slug>.json`` must pass.

The checks are the same for every provider; what truly differs is data, in the tables below. A provider's own
module keeps only the behaviour particular to it (lifecycle ids, particular codes, formats).

- its corpus cases match their labels;
- its corpus covers the documented outcomes (``COVERED_STATUSES``), with hinted and unhinted rows;
- every unhinted document is detected as the provider's, masked as the pipeline reads it and raw;
- no other mapping scores on its documents (nor outscores it);
- other providers' corpora do not score on its detector (unless their corpus declares the shape shared);
- every mapped status of its specs is a StatusCategory, and compiles to the same category;
- ``prepare`` never changes the payload it is given;
- every alias of its specs names the provider.
"""

from __future__ import annotations

import copy
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

# The outcomes each provider's corpus must cover (as its documentation gives them).
COVERED_STATUSES = {
    "2c2p": {"APPROVED", "DECLINED", "ERROR", "PENDING", "CANCELLED", "REFUNDED"},
    "aci": {"APPROVED", "DECLINED", "ERROR", "PENDING", "CANCELLED", "REFUNDED", "CHARGEBACK"},
    "adyen": {"APPROVED", "DECLINED", "ERROR", "PENDING", "CANCELLED", "REFUNDED", "CHARGEBACK"},
    "affirm": {"APPROVED", "DECLINED", "ERROR", "CANCELLED", "REFUNDED"},
    "afterpay": {"APPROVED", "DECLINED", "ERROR", "CANCELLED", "REFUNDED"},
    "airwallex": {"APPROVED", "DECLINED", "ERROR", "PENDING", "CANCELLED", "REFUNDED", "CHARGEBACK"},
    "alipay": {"APPROVED", "DECLINED", "ERROR", "PENDING", "CANCELLED", "REFUNDED"},
    "amazonpaymentservices": {"APPROVED", "DECLINED", "ERROR", "UNKNOWN", "PENDING", "CANCELLED", "REFUNDED"},
    "authorizenet": {"APPROVED", "DECLINED", "ERROR", "PENDING", "CANCELLED", "REFUNDED", "CHARGEBACK"},
    "bambora": {"APPROVED", "DECLINED", "ERROR", "CANCELLED", "REFUNDED"},
    "bluesnap": {"APPROVED", "DECLINED", "ERROR", "PENDING", "CANCELLED", "REFUNDED", "CHARGEBACK"},
    "braintree": {"APPROVED", "DECLINED", "ERROR", "PENDING", "CANCELLED", "REFUNDED", "CHARGEBACK"},
    "cardknox": {"APPROVED", "DECLINED", "ERROR"},
    "cashfree": {"APPROVED", "DECLINED", "ERROR", "PENDING", "CANCELLED", "REFUNDED", "CHARGEBACK"},
    "chasepaymentech": {"APPROVED", "DECLINED", "ERROR", "CANCELLED", "REFUNDED"},
    "checkout": {"APPROVED", "DECLINED", "ERROR", "PENDING", "CANCELLED", "REFUNDED", "CHARGEBACK"},
    "chip": {"APPROVED", "DECLINED", "PENDING", "CANCELLED", "REFUNDED", "CHARGEBACK"},
    "cielo": {"APPROVED", "DECLINED", "PENDING", "CANCELLED", "REFUNDED"},
    "conekta": {"APPROVED", "DECLINED", "ERROR", "PENDING"},
    "culqi": {"APPROVED", "DECLINED", "ERROR", "PENDING"},
    "cybersource": {"APPROVED", "DECLINED", "ERROR", "REFUNDED"},
    "dlocal": {"APPROVED", "DECLINED", "ERROR", "PENDING", "CANCELLED", "REFUNDED", "CHARGEBACK"},
    "ebanx": {"APPROVED", "DECLINED", "ERROR", "PENDING", "CANCELLED"},
    "elavon": {"APPROVED", "DECLINED", "ERROR", "REFUNDED"},
    "eway": {"APPROVED", "DECLINED", "ERROR", "PENDING", "REFUNDED"},
    "firstdata": {"APPROVED", "DECLINED", "ERROR", "UNKNOWN", "CANCELLED", "REFUNDED"},
    "flutterwave": {"APPROVED", "DECLINED", "ERROR", "PENDING", "CANCELLED", "REFUNDED", "CHARGEBACK"},
    "getnet": {"APPROVED", "DECLINED", "ERROR", "PENDING", "CANCELLED"},
    "globalpayments": {"APPROVED", "DECLINED", "ERROR", "REFUNDED"},
    "gocardless": {"APPROVED", "DECLINED", "ERROR", "PENDING", "CANCELLED", "REFUNDED", "CHARGEBACK"},
    "helcim": {"APPROVED", "DECLINED", "PENDING", "CANCELLED", "REFUNDED"},
    "iyzico": {"APPROVED", "DECLINED", "ERROR", "PENDING", "CANCELLED", "REFUNDED"},
    "klarna": {"APPROVED", "DECLINED", "ERROR", "PENDING", "CANCELLED", "REFUNDED"},
    "kushki": {"APPROVED", "DECLINED", "ERROR", "PENDING"},
    "lemonsqueezy": {"APPROVED", "DECLINED", "ERROR", "PENDING", "CANCELLED", "REFUNDED"},
    "mercadopago": {"APPROVED", "DECLINED", "ERROR", "PENDING", "CANCELLED", "REFUNDED", "CHARGEBACK"},
    "midtrans": {"APPROVED", "DECLINED", "ERROR", "PENDING", "CANCELLED", "REFUNDED", "CHARGEBACK"},
    "mollie": {"APPROVED", "DECLINED", "ERROR", "PENDING", "CANCELLED", "REFUNDED", "CHARGEBACK"},
    "moneris": {"APPROVED", "DECLINED", "ERROR", "REFUNDED"},
    "mpesa": {"APPROVED", "DECLINED", "ERROR", "PENDING", "CANCELLED"},
    "mpgs": {"APPROVED", "DECLINED", "ERROR", "UNKNOWN", "PENDING", "CANCELLED", "REFUNDED"},
    "multisafepay": {"APPROVED", "DECLINED", "ERROR", "PENDING", "CANCELLED", "REFUNDED", "CHARGEBACK"},
    "nets": {"APPROVED", "DECLINED", "ERROR", "PENDING", "CANCELLED", "REFUNDED"},
    "niubiz": {"APPROVED", "DECLINED", "ERROR", "CANCELLED"},
    "nmi": {"APPROVED", "DECLINED", "ERROR", "REFUNDED"},
    "nuvei": {"APPROVED", "DECLINED", "ERROR", "PENDING", "CANCELLED", "REFUNDED", "CHARGEBACK"},
    "omise": {"APPROVED", "DECLINED", "ERROR", "PENDING", "CANCELLED", "REFUNDED", "CHARGEBACK"},
    "opayo": {"APPROVED", "DECLINED", "ERROR", "PENDING", "CANCELLED", "REFUNDED"},
    "openpay": {"APPROVED", "DECLINED", "ERROR", "PENDING"},
    "paddle": {"APPROVED", "DECLINED", "ERROR", "PENDING", "CANCELLED", "REFUNDED", "CHARGEBACK"},
    "pagseguro": {"APPROVED", "DECLINED", "ERROR", "PENDING", "CANCELLED", "REFUNDED", "CHARGEBACK"},
    "payfast": {"APPROVED", "CANCELLED"},
    "paypal": {"APPROVED", "DECLINED", "ERROR", "PENDING", "CANCELLED", "REFUNDED", "CHARGEBACK"},
    "paypay": {"APPROVED", "DECLINED", "ERROR", "UNKNOWN", "PENDING", "CANCELLED", "REFUNDED"},
    "paysafe": {"APPROVED", "DECLINED", "ERROR", "PENDING", "CANCELLED", "REFUNDED"},
    "paystack": {"APPROVED", "DECLINED", "ERROR", "PENDING", "CANCELLED", "REFUNDED", "CHARGEBACK"},
    "paytabs": {"APPROVED", "DECLINED", "ERROR", "PENDING", "CANCELLED", "REFUNDED"},
    "paytm": {"APPROVED", "DECLINED", "ERROR", "PENDING", "CANCELLED", "REFUNDED"},
    "payu": {"APPROVED", "DECLINED", "ERROR", "UNKNOWN", "PENDING", "CANCELLED", "REFUNDED"},
    "payvision": {"APPROVED", "DECLINED", "ERROR", "PENDING", "CANCELLED", "REFUNDED"},
    "peachpayments": {"APPROVED", "DECLINED", "ERROR", "UNKNOWN", "PENDING", "CANCELLED", "REFUNDED", "CHARGEBACK"},
    "pinpayments": {"APPROVED", "DECLINED", "ERROR", "PENDING", "CANCELLED", "REFUNDED", "CHARGEBACK"},
    "rabosmartpay": {"APPROVED", "DECLINED", "UNKNOWN", "PENDING", "CANCELLED", "REFUNDED"},
    "razorpay": {"APPROVED", "DECLINED", "ERROR", "UNKNOWN", "PENDING", "CANCELLED", "REFUNDED", "CHARGEBACK"},
    "rede": {"APPROVED", "DECLINED", "ERROR", "PENDING", "CANCELLED", "REFUNDED"},
    "redsys": {"APPROVED", "DECLINED", "ERROR", "CANCELLED", "REFUNDED"},
    "securepay": {"APPROVED", "DECLINED", "ERROR", "CANCELLED", "REFUNDED"},
    "securetrading": {"APPROVED", "DECLINED", "ERROR", "UNKNOWN", "PENDING", "CANCELLED", "REFUNDED"},
    "spreedly": {"APPROVED", "DECLINED", "ERROR", "UNKNOWN", "PENDING", "CANCELLED", "REFUNDED"},
    "square": {"APPROVED", "DECLINED", "ERROR", "PENDING", "CANCELLED", "REFUNDED", "CHARGEBACK"},
    "stripe": {"APPROVED", "DECLINED", "ERROR", "PENDING", "CANCELLED", "REFUNDED", "CHARGEBACK"},
    "tap": {"APPROVED", "DECLINED", "ERROR", "UNKNOWN", "PENDING", "CANCELLED", "REFUNDED"},
    "transbank": {"APPROVED", "DECLINED", "ERROR", "PENDING", "CANCELLED", "REFUNDED"},
    "twocheckout": {"APPROVED", "DECLINED", "PENDING", "REFUNDED"},
    "usaepay": {"APPROVED", "DECLINED", "ERROR", "PENDING"},
    "wechatpay": {"APPROVED", "DECLINED", "ERROR", "UNKNOWN", "PENDING", "CANCELLED", "REFUNDED"},
    "windcave": {"APPROVED", "DECLINED", "PENDING", "CANCELLED", "REFUNDED"},
    "wompi": {"APPROVED", "DECLINED", "ERROR", "PENDING"},
    "worldline": {"APPROVED", "DECLINED", "ERROR", "PENDING", "CANCELLED", "REFUNDED", "CHARGEBACK"},
    "worldpay": {"APPROVED", "DECLINED", "ERROR", "PENDING", "CANCELLED", "REFUNDED", "CHARGEBACK"},
    "xendit": {"APPROVED", "DECLINED", "ERROR", "PENDING", "CANCELLED", "REFUNDED", "CHARGEBACK"},
}
MIN_CASES = 10
# Distinct failure reasons among the DECLINED cases; the corpora of these document a single one.
MIN_DECLINE_REASONS = 2
FEWER_DECLINE_REASONS = {"affirm": 1, "afterpay": 1, "helcim": 1, "klarna": 1, "multisafepay": 1, "payfast": 0,
                         "rabosmartpay": 1, "usaepay": 1, "wompi": 1}
# Entries of a spec's status maps (top level and variants together). Converge's ssl_result is 0 or 1; its
# errors have a fixed status and its refunds, voids and error-code declines are set by rules.
MIN_STATUS_MAP_ENTRIES = 4
FEWER_STATUS_MAP_ENTRIES = {"elavon": 2}
# Other mappings that score at or above the detection threshold on some of these providers' unhinted
# documents (webhook envelopes shaped like Stripe's events); they must still score below the provider's own,
# and these corpora are the only ones their detectors may reach the threshold on.
# Cashfree's order and payment entities carry "entity": "order" / "payment", the member Razorpay's detector keys on.
SHARED_SHAPES = {"cashfree": {"razorpay"}, "conekta": {"stripe"}, "culqi": {"stripe"}}

CASES = [case for slug in PROVIDERS for case in provider_cases(slug)]
UNHINTED = [case for case in CASES if not has_hint(case["data"])]
MODULES = {module.__name__.rsplit(".", 1)[1]: module for slug in PROVIDERS for module in provider_modules(slug)}
MAPPINGS = {name: CompiledMapping(module.SPEC, getattr(module, "prepare", None)) for name, module in MODULES.items()}


def _slug(case: dict) -> str:
    return case["file"][:-len(".json")]


def _own_mappings(slug: str) -> list[CompiledMapping]:
    return [MAPPINGS[name] for name, module in MODULES.items() if module.SPEC["provider"] == slug]


def test_the_contract_has_data_for_every_provider_under_it():
    assert PROVIDERS
    assert set(COVERED_STATUSES) == set(PROVIDERS)
    assert set(FEWER_DECLINE_REASONS) | set(FEWER_STATUS_MAP_ENTRIES) | set(SHARED_SHAPES) <= set(PROVIDERS)


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_case_matches_its_labels(case):
    assert_case_matches_labels(case)


@pytest.mark.parametrize("slug", PROVIDERS)
def test_corpus_covers_the_documented_outcomes(slug):
    cases = provider_cases(slug)
    assert len(cases) >= MIN_CASES
    statuses = {c["expected"].get("status_category") for c in cases}
    assert COVERED_STATUSES[slug] <= statuses
    declines = {c["expected"].get("failure_reason") for c in cases
                if c["expected"].get("status_category") == "DECLINED"}
    assert len(declines) >= FEWER_DECLINE_REASONS.get(slug, MIN_DECLINE_REASONS)
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
            if mapping.provider not in SHARED_SHAPES.get(slug, ()):
                assert score < SHAPE_DETECTION_THRESHOLD, mapping.provider


@pytest.mark.parametrize("name", sorted(MAPPINGS))
def test_other_providers_corpora_do_not_score_on_our_detector(name):
    mapping = MAPPINGS[name]
    scored = [label for stem, label, document in corpus_bodies()
              if stem != mapping.provider and mapping.provider not in SHARED_SHAPES.get(stem, ())
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
    minimum = FEWER_STATUS_MAP_ENTRIES.get(spec["provider"], MIN_STATUS_MAP_ENTRIES)
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
