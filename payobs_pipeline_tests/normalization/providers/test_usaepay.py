"""USAePay mapping (REST v2 and legacy UM* replies): corpus, detection without a hint and pinned behaviour.

The checks every provider passes (its corpus, detection without a hint, its statuses) are in
../test_provider_contract.py; this module pins what is particular to this one.
"""

from __future__ import annotations

from payobs_pipeline.normalization.providers import usaepay
from payobs_pipeline_tests.normalization.corpus_checks import (
    normalized_event,
    provider_cases,
)

# What test_provider_contract.py expects of this provider where it differs from every provider's default.
CONTRACT = {
    # Distinct failure reasons among its DECLINED cases: its documentation gives a single decline reason.
    "decline_reasons": 1,
}

SLUG = "usaepay"
CASES = provider_cases(SLUG)


def test_every_documented_error_code_names_a_reason():
    for code in usaepay.ERROR_CODES:
        event = normalized_event({"provider": "usaepay", "content": f"UMresult=E&UMrefNum=1&UMerrorcode={code}"})
        assert str(event.failure_reason) != "UNKNOWN", code


def test_a_status_word_alone_is_read():
    event = normalized_event("UMstatus=Declined&UMrefNum=9&UMerrorcode=10127&UMerror=Card%20Declined")
    assert (event.provider, event.status_category, event.failure_reason) == ("usaepay", "DECLINED", "GENERIC_DECLINE")
