"""BlueSnap mapping: pinned behaviour.

The checks every provider passes (its corpus, detection without a hint, its statuses) are in
../test_provider_contract.py; this module pins what is particular to this one.
"""

from __future__ import annotations

from payobs_pipeline.normalization.providers import bluesnap
from payobs_pipeline_tests.normalization.corpus_checks import (
    normalized_event,
    provider_cases,
)

SLUG = "bluesnap"
CASES = provider_cases(SLUG)


def test_every_documented_error_name_names_a_reason():
    for name in {**bluesnap.DECLINE_NAMES, **bluesnap.ERROR_NAMES}:
        event = normalized_event({"message": [{"errorName": name, "code": "14002", "description": "x"}]})
        assert str(event.failure_reason) != "UNKNOWN", name
        expected = "DECLINED" if name in bluesnap.DECLINE_NAMES else "ERROR"
        assert str(event.status_category) == expected, name
