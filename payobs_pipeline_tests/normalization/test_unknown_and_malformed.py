"""Lake rows no mapping reads: unknown providers' documented shapes and malformed rows, against their labels.

corpus/unknown_and_malformed.json and other_event_kinds/unknown_providers.json: rows modeled on the documentation
of providers payobs has no mapping for (read right by the heuristics, or deferred) and rows that must stay
unprocessed (malformed JSON/XML, forbidden XML constructs, several CSV records, bad amounts or currencies). Their
labels were decided from that documentation and docs/taxonomy.md before the code ran on them.
"""

from __future__ import annotations

import pytest

from payobs_pipeline.normalization.evaluation import load_cases
from payobs_pipeline_tests.normalization.corpus_checks import (
    CORPUS,
    assert_case_matches_labels,
    case_ids,
    other_event_kinds,
)

CASES = load_cases(CORPUS / "unknown_and_malformed.json") + other_event_kinds("unknown_providers")


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_corpus_case_matches_its_labels(case):
    assert_case_matches_labels(case)


def test_unknown_and_malformed_corpus_covers_every_rejection():
    cases = load_cases(CORPUS / "unknown_and_malformed.json")
    rejected = {c["expected"]["unprocessed"] for c in cases if "unprocessed" in c["expected"]}
    normalized = [c for c in cases if "unprocessed" not in c["expected"]]
    assert len(cases) >= 20
    assert {
        "MALFORMED_JSON", "MALFORMED_XML", "XML_FORBIDDEN_CONSTRUCT", "CSV_MULTIPLE_RECORDS", "EMPTY_PAYLOAD",
        "UNKNOWN_CURRENCY", "INVALID_AMOUNT", "NEGATIVE_AMOUNT", "AMOUNT_TOO_LARGE", "LOW_CONFIDENCE", "NO_MAPPING",
    } <= rejected
    # Status words of the three languages the heuristic normalizer reads.
    raw = {str(c["data"]) for c in normalized}
    for word in ("aprobado", "rechazado", "pendiente", "aprovada", "recusada", "estornado", "cancelado", "declined"):
        assert any(word in text for text in raw), word
    assert {c["expected"]["status_category"] for c in normalized} >= {
        "APPROVED", "DECLINED", "ERROR", "UNKNOWN", "PENDING", "CANCELLED", "REFUNDED"
    }
