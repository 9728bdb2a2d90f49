"""Worldpay eCommerce cnpAPI (Vantiv / Litle) mapping: its corpus (corpus/worldpay_cnp.json) labels, detection
by shape, and pinned behaviour.

The cnpAPI is a second API generation of the provider ``worldpay`` (providers/worldpay_cnp.py beside
providers/worldpay.py), so its cases are labeled ``worldpay``. They live in their own corpus file, which the
provider contract (../test_provider_contract.py) does not pair with this module; the contract's checks that
matter for a second generation are made here: labels, detection as ``worldpay`` by the cnp mapping, and no other
provider's detector reaching the threshold on these documents nor this detector on theirs.
"""

from __future__ import annotations

import pytest

from payobs_pipeline.normalization.evaluation import load_cases
from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.normalize import SHAPE_DETECTION_THRESHOLD
from payobs_pipeline.normalization.providers import builtin_mappings, worldpay_cnp
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import (
    BODIES,
    CORPUS,
    assert_case_matches_labels,
    assert_detected_by_shape,
    case_ids,
    has_hint,
    normalized_event,
    other_corpora_scoring_on,
)

CASES = load_cases(CORPUS / "worldpay_cnp.json")
UNHINTED = [c for c in CASES if not has_hint(c["data"]) and "unprocessed" not in c["expected"]]


def _case(name: str):
    return next(c["data"] for c in CASES if c["name"] == name)


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_corpus_case_matches_its_labels(case):
    assert_case_matches_labels(case)


@pytest.mark.parametrize("body", sorted(BODIES))
@pytest.mark.parametrize("case", UNHINTED, ids=lambda c: c["name"])
def test_unhinted_documented_shapes_are_worldpay(case, body):
    assert_detected_by_shape(case, body)


@pytest.mark.parametrize("case", UNHINTED, ids=lambda c: c["name"])
def test_no_other_provider_scores_on_a_cnp_document(case):
    document = BODIES["raw"](case["data"])
    scores = {m.provider: m.shape_score(document) for m in builtin_mappings() if m.provider != "worldpay"}
    assert {p: s for p, s in scores.items() if s >= SHAPE_DETECTION_THRESHOLD} == {}


def test_no_other_corpus_scores_as_worldpay():
    assert other_corpora_scoring_on("worldpay") == {}


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(worldpay_cnp.SPEC)
    assert set(worldpay_cnp.STATUSES.values()) <= set(StatusCategory.__members__)
    reasons = {e["reason"] if isinstance(e, dict) else e for e in worldpay_cnp.RESPONSE_CODES.values()}
    assert reasons <= set(FailureReason.__members__)
    assert set(worldpay_cnp.STATUSES) - {"000", "010"} == set(worldpay_cnp.RESPONSE_CODES)


@pytest.mark.parametrize(("code", "reason"), [("301", "INVALID_CARD_DATA"), ("328", "REVOKED"),
                                              ("349", "GENERIC_DECLINE"), ("101", "ISSUER_UNAVAILABLE"),
                                              ("127", "LIMIT_EXCEEDED")])
def test_the_response_code_names_the_reason(code, reason):
    document = _case("cnp_sale_insufficient_funds").replace("<response>110</response>", f"<response>{code}</response>")
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == ("DECLINED", reason, code)


def test_the_worldpay_hint_lets_the_shape_pick_the_cnp_generation():
    event = normalized_event({"content": _case("cnp_authorization_approved"), "format": "xml", "provider": "worldpay"})
    assert (event.provider, event.status_category, event.attempt_id) == ("worldpay", "APPROVED", "4544691351798650001")
