"""PayU, EBANX, Square and Authorize.net mappings against their labeled corpus cases.

Each case is a lake row modeled on the provider's documentation; its labels were
decided from that documentation and TAXONOMY.md, so a mapping change that
misreads a status, a reason code, an amount unit or a payment method fails here.
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import pytest

from payobs_pipeline.normalization.evaluation import _value, load_cases, normalize_lake_data
from payobs_pipeline.normalization.formats import PayloadParseError, parse_lake_data
from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.normalize import SHAPE_DETECTION_THRESHOLD, Normalizer
from payobs_pipeline.normalization.providers import builtin_mappings
from payobs_pipeline.normalization.taxonomy import StatusCategory

PROVIDERS = ("payu", "ebanx", "square", "authorizenet")
CORPUS = Path(__file__).resolve().parents[1] / "corpus"
HINT_KEYS = ("provider", "psp", "gateway", "p_id")

MODULES = {name: importlib.import_module(f"payobs_pipeline.normalization.providers.{name}") for name in PROVIDERS}
MAPPINGS = {name: CompiledMapping(module.SPEC, getattr(module, "prepare", None)) for name, module in MODULES.items()}
# The registered mappings plus ours, whether or not ours are registered yet.
NORMALIZER = Normalizer(
    [m for m in builtin_mappings() if m.provider not in MAPPINGS] + list(MAPPINGS.values())
)
CASES = [case for name in PROVIDERS for case in load_cases(CORPUS / f"{name}.json")]
# Held-out cases: payloads from SDK fixtures and docs the mappings were not written from.
HELDOUT_PAYU_AUTHORIZENET = ("payu", "authorizenet")
CASES += [case for name in HELDOUT_PAYU_AUTHORIZENET for case in load_cases(CORPUS / "heldout" / f"{name}.json")]
# Second held-out round: other event types, wallets, wrappers; rows that are no payment outcome stay unprocessed.
HELDOUT2_PAYU_AUTHORIZENET = [c for name in HELDOUT_PAYU_AUTHORIZENET for c in load_cases(CORPUS / "heldout2" / f"{name}.json")]
CASES += [case for case in HELDOUT2_PAYU_AUTHORIZENET if "unprocessed" not in case["expected"]]
EBANX_HELDOUT = load_cases(CORPUS / "heldout" / "ebanx.json")
# Second held-out round: payouts, chargeback notifications, wrappers and more payment methods.
EBANX_HELDOUT += load_cases(CORPUS / "heldout2" / "ebanx.json")
CASES += [case for case in EBANX_HELDOUT if "unprocessed" not in case["expected"]]
CASES += load_cases(CORPUS / "heldout" / "square.json")
# Second held-out round for Square; webhooks about payouts, Terminal checkouts and invoices are not payments.
SQUARE_HELDOUT2 = load_cases(CORPUS / "heldout2" / "square.json")
CASES += [case for case in SQUARE_HELDOUT2 if "unprocessed" not in case["expected"]]


def _has_hint(data: object) -> bool:
    return isinstance(data, dict) and any(key in data for key in HINT_KEYS)


@pytest.mark.parametrize("case", CASES, ids=[f"{c['file'][:-5]}:{c['name']}" for c in CASES])
def test_corpus_case_normalizes_to_its_labels(case):
    outcome = normalize_lake_data(case["data"], case.get("merchant"), NORMALIZER)
    assert outcome.event is not None, f"unprocessed: {outcome.unprocessed_reason}"
    got = {name: _value(outcome.event, name) for name in case["expected"]}
    assert got == case["expected"]


@pytest.mark.parametrize("case", [c for c in EBANX_HELDOUT if "unprocessed" in c["expected"]],
                         ids=[c["name"] for c in EBANX_HELDOUT if "unprocessed" in c["expected"]])
def test_ebanx_notification_without_outcome_stays_unprocessed(case):
    """A notification names payment hashes only, a payout is no payment: each stays unprocessed with its reason."""
    outcome = normalize_lake_data(case["data"], case.get("merchant"), NORMALIZER)
    assert outcome.event is None
    assert outcome.unprocessed_reason == case["expected"]["unprocessed"]


@pytest.mark.parametrize("case", [c for c in HELDOUT2_PAYU_AUTHORIZENET if "unprocessed" in c["expected"]],
                         ids=[c["name"] for c in HELDOUT2_PAYU_AUTHORIZENET if "unprocessed" in c["expected"]])
def test_payu_authorizenet_row_without_a_payment_outcome_stays_unprocessed(case):
    """Customer/subscription webhooks and refused voids are never read as payment outcomes."""
    outcome = normalize_lake_data(case["data"], case.get("merchant"), NORMALIZER)
    assert outcome.event is None
    assert outcome.unprocessed_reason == case["expected"]["unprocessed"]


@pytest.mark.parametrize("case", [c for c in SQUARE_HELDOUT2 if "unprocessed" in c["expected"]],
                         ids=[c["name"] for c in SQUARE_HELDOUT2 if "unprocessed" in c["expected"]])
def test_square_event_about_no_payment_stays_unprocessed(case):
    """A payout or invoice webhook is never counted as a payment outcome (a payout.paid is no approval)."""
    outcome = normalize_lake_data(case["data"], case.get("merchant"), NORMALIZER)
    assert outcome.event is None
    assert outcome.unprocessed_reason == case["expected"]["unprocessed"]


@pytest.mark.parametrize("provider", PROVIDERS)
def test_corpus_covers_the_required_ground(provider):
    cases = load_cases(CORPUS / f"{provider}.json")
    statuses = {c["expected"]["status_category"] for c in cases}
    reasons = {c["expected"]["failure_reason"] for c in cases} - {None}
    assert len(cases) >= 12
    assert {"APPROVED", "DECLINED", "PENDING"} <= statuses or {"APPROVED", "DECLINED", "CANCELLED"} <= statuses
    assert len(reasons) >= 4, "declines and errors with several different reason codes"
    assert any(_has_hint(c["data"]) for c in cases) and any(not _has_hint(c["data"]) for c in cases)
    for case in cases:
        for field in ("provider", "status_category", "failure_reason", "amount_minor", "currency"):
            assert field in case["expected"], f"{case['name']} does not label {field}"


@pytest.mark.parametrize("case", [c for c in CASES if not _has_hint(c["data"])],
                         ids=[f"{c['file'][:-5]}:{c['name']}" for c in CASES if not _has_hint(c["data"])])
def test_unhinted_payload_is_recognised_by_shape(case):
    body = parse_lake_data(json.dumps(case["data"])).body
    own = MAPPINGS[case["expected"]["provider"]]
    assert own.shape_score(body) >= SHAPE_DETECTION_THRESHOLD
    rivals = {m.provider: m.shape_score(body) for m in NORMALIZER.mappings if m is not own}
    assert max(rivals.values()) < own.shape_score(body), rivals


def _other_corpus_bodies():
    for file in sorted(CORPUS.glob("*.json")):
        if file.stem in PROVIDERS:
            continue
        for case in json.loads(file.read_text()):
            try:
                yield f"{file.stem}:{case.get('name')}", parse_lake_data(json.dumps(case["data"])).body
            except PayloadParseError:
                continue


@pytest.mark.parametrize("provider", PROVIDERS)
def test_other_providers_payloads_do_not_look_like_ours(provider):
    mapping = MAPPINGS[provider]
    misread = {label: score for label, body in _other_corpus_bodies()
               if (score := mapping.shape_score(body)) >= SHAPE_DETECTION_THRESHOLD}
    assert not misread


@pytest.mark.parametrize("provider", PROVIDERS)
def test_every_status_in_the_spec_maps_to_a_status_category(provider):
    spec = MODULES[provider].SPEC
    maps = [spec.get("status_map", {})] + [v.get("status_map", {}) for v in spec.get("variants", ())]
    values = [value for status_map in maps for value in status_map.values()]
    fixed = [v["status"] for v in spec.get("variants", ()) if v.get("status")]
    assert values
    for value in values + fixed:
        assert StatusCategory(value)  # raises on a value outside the taxonomy
    # Compiled, every variant holds the same statuses, lower-cased for lookup.
    for variant in MAPPINGS[provider].variants:
        merged = {**spec.get("status_map", {}),
                  **next((v.get("status_map", {}) for v in spec["variants"] if v.get("name") == variant.name), {})}
        assert variant.status_map == {k.lower(): StatusCategory(v) for k, v in merged.items()}
