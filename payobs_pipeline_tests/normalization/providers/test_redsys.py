"""Redsys mapping: pinned behaviour (the checks every provider passes: ../test_provider_contract.py)."""

from __future__ import annotations

import copy

import pytest

from payobs_pipeline.normalization.mapping import CompiledMapping, UnmappedPayload
from payobs_pipeline.normalization.providers import redsys
from payobs_pipeline_tests.normalization.corpus_checks import (
    normalized_event,
    provider_cases,
    raw_body,
)

CASES = provider_cases("redsys")


@pytest.mark.parametrize("code", sorted(redsys.DENIALS))
def test_every_denial_code_has_its_category(code):
    case = next(c for c in CASES if c["name"] == "notification_denied_0116_insufficient")
    body = copy.deepcopy(raw_body(case["data"]))
    body["Ds_MerchantParameters"] = redsys.base64.b64encode(
        redsys.json.dumps({**redsys._decode_parameters(body["Ds_MerchantParameters"]), "Ds_Response": code}).encode()
    ).decode()
    event = normalized_event(body)
    assert str(event.status_category) == redsys.DENIALS[code][0]
    assert event.raw_reason_code == code


def test_undocumented_code_is_not_guessed():
    # A Ds_Response outside the documented table: the spec leaves it unmapped.
    case = next(c for c in CASES if c["name"] == "notification_denied_0116_insufficient")
    body = copy.deepcopy(raw_body(case["data"]))
    body["Ds_MerchantParameters"] = redsys.base64.b64encode(
        redsys.json.dumps({**redsys._decode_parameters(body["Ds_MerchantParameters"]), "Ds_Response": "0177"}).encode()
    ).decode()
    compiled = CompiledMapping(redsys.SPEC, redsys.prepare)
    with pytest.raises(UnmappedPayload):
        compiled.apply(body)
