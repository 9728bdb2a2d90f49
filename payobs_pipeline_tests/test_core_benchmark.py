"""The pure core's benchmark (payobs_pipeline/core_benchmark.py) on a few synthetic payloads."""

from __future__ import annotations

import json

from payobs_pipeline.core_benchmark import core_throughput, known_provider_json_payloads
from payobs_pipeline.normalization.providers import mapped_providers


def test_the_payloads_are_json_objects_of_mapped_providers():
    payloads = known_provider_json_payloads(50)
    assert len(payloads) == 50
    assert all(isinstance(json.loads(text), dict) for text, _ in payloads)
    assert mapped_providers()  # the payloads are chosen among these


def test_core_throughput_counts_every_payload_once():
    result = core_throughput(200)
    assert result.payloads == 200 == result.normalized + result.deferred
    assert result.normalized > 150 and result.per_second > 0
