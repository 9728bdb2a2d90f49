"""iPay88 mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.evaluation import normalize_lake_data
from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import ipay88
from payobs_pipeline.normalization.taxonomy import FailureReason, StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import normalized_event, provider_cases

# What test_provider_contract.py expects of this provider where it differs from every provider's default.
CONTRACT = {
    # iPay88 documents three payment statuses: 1 success, 0 fail, 6 pending.
    "status_map_entries": 3,
}

CASES = provider_cases("ipay88")


def _case(name: str) -> dict:
    return copy.deepcopy(next(c["data"] for c in CASES if c["name"] == name))


def test_every_mapped_status_and_reason_is_canonical():
    CompiledMapping(ipay88.SPEC)
    assert set(ipay88.STATUSES.values()) <= set(StatusCategory.__members__)
    entries = (*ipay88.REASONS.values(), *ipay88.REQUERY_ERRORS.values())
    reasons = {r if isinstance(r, str) else r["reason"] for r in entries}
    assert reasons <= set(FailureReason.__members__)


def test_the_error_description_is_read_without_case():
    document = _case("backend_post_success_fpx")
    document.update(Status="0", ErrDesc="DUPLICATE REFERENCE NUMBER")
    event = normalized_event(document)
    assert (event.status_category, event.failure_reason) == (StatusCategory.DECLINED, FailureReason.DUPLICATE)


def test_a_requery_answer_without_a_hint_is_not_read_as_ipay88():
    # The plain-text re-query answers carry nothing of iPay88's: only a hint names them.
    outcome = normalize_lake_data("Record not found", None)
    assert outcome.event is None
    hinted = normalize_lake_data({"provider": "iPay88", "content": "Record not found"}, None)
    assert (hinted.event.provider, hinted.event.status_category) == ("ipay88", StatusCategory.ERROR)
