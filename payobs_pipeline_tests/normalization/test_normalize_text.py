"""A text no format reads, under a provider hint: only that provider's text variants may read it, as an ERROR.

formats.py gives such a text as format ``text``; the Normalizer hands it to the hinted provider's
``text_variants`` alone (mapping.py) and otherwise defers it with the parser's UNRECOGNIZED_FORMAT and detail.
"""

from __future__ import annotations

import json

import pytest

from payobs_pipeline.normalization.evaluation import normalize_lake_data
from payobs_pipeline.normalization.event import CanonicalEvent
from payobs_pipeline.normalization.formats import (
    FORMAT_HTTP_ERROR,
    FORMAT_TEXT,
    TEXT_KEY,
    PayloadParseError,
    read_lake_payload,
)
from payobs_pipeline.normalization.mapping import CompiledMapping, MappingError
from payobs_pipeline.normalization.normalize import Deferral, Normalizer

DENIED = "HTTP Basic: Access denied."
# The parser's detail for DENIED: its length and its shape, letters as x.
DENIED_DETAIL = "not JSON, XML, CSV or key=value (26 chars: 'xxxx xxxxx: xxxxxx xxxxxx.')"

# A provider whose documentation (here: this test) gives one plain-text 401 answer, and whose ordinary variant
# would take any document: a text must never reach it.
ACME = {
    "provider": "acme",
    "aliases": ["acme", "acme pay"],
    "fields": {"status": ["state"], "amount": ["amount"], "currency": ["currency"]},
    "status_map": {"ok": "APPROVED"},
    "variants": [{"name": "anything", "status": "APPROVED"}],
    "text_variants": [
        {"name": "http_401", "match": {TEXT_KEY: DENIED}, "status": "ERROR",
         "fields": {"reason_code": TEXT_KEY}, "reason_map": {DENIED: "CONFIGURATION_ERROR"}},
        {"name": "refused_with_detail", "match": {TEXT_KEY: {"prefix": "Refused:"}}, "status": "ERROR",
         "fields": {"reason_code": TEXT_KEY}, "rules": [{"when": {}, "set": {"failure_reason": "INVALID_REQUEST"}}]},
    ],
}
NORMALIZER = Normalizer(mappings=[CompiledMapping(ACME)])


def outcome(data):
    return normalize_lake_data(data, None, NORMALIZER)


def test_a_hinted_text_its_provider_documents_is_that_error():
    result = outcome({"provider": "Acme Pay", "content": DENIED + "\n"})
    assert result.unprocessed_reason is None
    event = result.event
    assert (event.provider, event.status_category, event.failure_reason) == ("acme", "ERROR", "CONFIGURATION_ERROR")
    assert (event.raw_reason_code, event.amount_minor, event.currency) == (DENIED, None, None)
    assert event.variant == "http_401"


def test_a_hinted_text_no_text_variant_claims_keeps_the_parsers_reason_and_detail():
    text = {"provider": "acme", "content": "HTTP Basic: Access denied!"}  # not the documented text
    parsed = read_lake_payload(json.dumps(text))
    assert parsed.format == FORMAT_TEXT
    result = NORMALIZER.normalize(parsed)
    assert isinstance(result, Deferral)
    assert (result.reason_code, result.detail, result.provider) == (
        "UNRECOGNIZED_FORMAT", DENIED_DETAIL[:-3] + "!')", "acme")


def test_a_text_under_a_hint_no_mapping_knows_is_refused_as_before():
    result = NORMALIZER.normalize(read_lake_payload(json.dumps({"provider": "unheard-of", "content": DENIED})))
    assert isinstance(result, Deferral)
    assert (result.reason_code, result.detail) == ("UNRECOGNIZED_FORMAT", DENIED_DETAIL)


@pytest.mark.parametrize("data", [DENIED, {"content": DENIED}, {"content": DENIED, "format": "text/plain"}])
def test_an_unhinted_text_is_refused_by_the_parser_unchanged(data):
    with pytest.raises(PayloadParseError) as caught:
        read_lake_payload(json.dumps(data))
    assert (caught.value.reason_code, caught.value.detail) == ("UNRECOGNIZED_FORMAT", DENIED_DETAIL)


def test_a_text_never_reaches_the_ordinary_variants():
    # ACME's "anything" variant would call any document APPROVED; a text it does not document stays unprocessed.
    result = outcome({"provider": "acme", "content": "Payment approved, thank you"})
    assert (result.event, result.unprocessed_reason) == (None, "UNRECOGNIZED_FORMAT")


def test_a_document_that_spells_the_text_key_is_no_text():
    # A JSON document is read by the ordinary cascade, never by the text variants.
    result = outcome({"provider": "acme", "payload": {TEXT_KEY: DENIED}})
    assert result.event is not None and result.event.variant == "anything"


def test_an_http_error_answer_under_a_hint_is_still_read_by_its_status():
    parsed = read_lake_payload(json.dumps({"provider": "acme", "content": "HTTP/1.1 503 Service Unavailable"}))
    assert (parsed.format, parsed.body) == (FORMAT_HTTP_ERROR, {"http_status": 503, "http_reason": "Service Unavailable"})


def test_pii_in_a_text_never_reaches_the_event_or_the_stored_body():
    data = {"provider": "acme", "content": "Refused: card 4111111111111111 of jane.doe@example.com"}
    parsed = read_lake_payload(json.dumps(data))
    stored = json.dumps(parsed.body)
    assert "4111111111111111" not in stored and "jane.doe" not in stored
    event = NORMALIZER.normalize(parsed)
    assert isinstance(event, CanonicalEvent) and event.failure_reason == "INVALID_REQUEST"
    raw = json.dumps([event.raw_reason_code, event.raw_status, event.provider_transaction_id])
    assert event.raw_reason_code.startswith("Refused: card ")
    assert "4111111111111111" not in raw and "jane.doe" not in raw


def test_a_huge_text_is_kept_bounded_and_its_detail_counts_all_of_it():
    text = "Unavailable " * 50_000  # 600,000 characters, under the payload limit
    parsed = read_lake_payload(json.dumps({"provider": "acme", "content": text}))
    assert parsed.format == FORMAT_TEXT
    assert len(json.dumps(parsed.body)) < 10_000
    assert parsed.body[TEXT_KEY] == text.strip()[:len(parsed.body[TEXT_KEY])]
    result = NORMALIZER.normalize(parsed)
    assert isinstance(result, Deferral) and result.reason_code == "UNRECOGNIZED_FORMAT"
    assert result.detail.startswith("not JSON, XML, CSV or key=value (599999 chars: 'xxxxxxxxxxx xxxxxxxxxxx xxxxxxxxxxx xxxx')")


@pytest.mark.parametrize("variant", [
    {"name": "approved", "match": {TEXT_KEY: "OK"}, "status": "APPROVED"},
    {"name": "no_match", "status": "ERROR"},
    {"name": "unstated", "match": {TEXT_KEY: "OK"}},
    {"name": "ruled", "match": {TEXT_KEY: "OK"}, "status": "ERROR",
     "rules": [{"when": {}, "set": {"status_category": "DECLINED"}}]},
])
def test_a_text_variant_is_an_error_for_the_text_it_matches_and_nothing_else(variant):
    with pytest.raises(MappingError):
        CompiledMapping({"provider": "acme", "text_variants": [variant]})


@pytest.mark.parametrize(("data", "provider"), [
    ({"provider": "Braintree", "content": "HTTP Basic: Access denied.\n"}, "braintree"),
    ({"provider": "First Data", "content": "Unauthorized Request. Bad or missing credentials.\n"}, "firstdata"),
    ({"gateway": "payeezy", "content": "Unauthorized Request. Bad or missing credentials."}, "firstdata"),
])
def test_the_built_in_specs_read_their_documented_401_texts(data, provider):
    event = normalize_lake_data(data).event
    assert (event.provider, event.status_category, event.failure_reason) == (provider, "ERROR", "CONFIGURATION_ERROR")
