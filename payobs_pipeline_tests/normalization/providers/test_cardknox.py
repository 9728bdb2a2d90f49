"""Cardknox (Sola) mapping: pinned behaviour.

The checks every provider passes (its corpus, detection without a hint, its statuses) are in
../test_provider_contract.py; this module pins what is particular to this one.
"""

from __future__ import annotations

from payobs_pipeline_tests.normalization.corpus_checks import (
    normalized_event,
    provider_cases,
)

SLUG = "cardknox"
CASES = provider_cases(SLUG)


def test_the_issuer_code_beats_the_generic_word():
    event = normalized_event("xResult=D&xStatus=Declined&xError=Declined&xIssuerResponseCode=41&xRefNum=7")
    assert (event.failure_reason, event.raw_reason_code) == ("LOST_OR_STOLEN_CARD", "41")
