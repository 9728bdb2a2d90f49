"""Paysera mapping: pinned behaviour (the checks every provider passes:
../test_provider_contract.py)."""

from __future__ import annotations

import copy

from payobs_pipeline.normalization.mapping import CompiledMapping
from payobs_pipeline.normalization.providers import paysera
from payobs_pipeline.normalization.taxonomy import StatusCategory
from payobs_pipeline_tests.normalization.corpus_checks import provider_cases

# What test_provider_contract.py expects of this provider where it differs from every provider's default.
CONTRACT = {
    # Paysera's status 0 ("payment has not been executed") names no reason: one failure reason, UNKNOWN.
    "decline_reasons": 1,
}

CASES = provider_cases("paysera")


def test_every_mapped_status_is_canonical():
    CompiledMapping(paysera.SPEC, paysera.prepare)
    assert set(paysera.STATUSES.values()) <= set(StatusCategory.__members__)


def test_prepare_decodes_the_callback_and_leaves_the_row_alone():
    body = copy.deepcopy(next(c["data"] for c in CASES if c["name"] == "callback_successful_hinted_json")["payload"])
    before = copy.deepcopy(body)
    decoded = paysera.prepare(body)
    assert body == before
    assert (decoded["orderid"], decoded["status"], decoded["amount"]) == ("ORD-1002", "1", "1999")


def test_undecodable_data_is_left_as_it_came():
    body = {"data": "not base64 at all!", "ss1": "0cc175b9c0f1b6a831c399e269772661"}
    assert paysera.prepare(body) is body
