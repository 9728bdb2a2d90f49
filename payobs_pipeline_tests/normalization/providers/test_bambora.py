"""Bambora North America (Beanstream) mapping: pinned behaviour.

The checks every provider passes (its corpus, detection without a hint, its statuses) are in
../test_provider_contract.py; this module pins what is particular to this one.
"""

from __future__ import annotations

from payobs_pipeline.normalization.providers import bambora
from payobs_pipeline_tests.normalization.corpus_checks import (
    normalized_event,
    provider_cases,
)

SLUG = "bambora"
CASES = provider_cases(SLUG)


def test_every_gateway_message_id_names_a_reason():
    for message_id in bambora.MESSAGE_IDS:
        event = normalized_event({"provider": "bambora", "content": f"trnApproved=0&trnId=1&messageId={message_id}&errorType=N"})
        assert str(event.failure_reason) != "UNKNOWN", message_id
