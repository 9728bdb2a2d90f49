"""Property-based tests of the pure core: no exception escapes, masking is idempotent and leaves no card.

``PayloadParseError`` is the documented way to refuse a row; anything else
escaping ``read_lake_payload`` or ``Normalizer.normalize`` is a bug.
"""

from __future__ import annotations

import json
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from payobs_pipeline.stages.parse import parse_row
from payobs_pipeline.normalization.formats import REASON_CODES, PayloadParseError, read_lake_payload
from payobs_pipeline.normalization.normalize import Deferral, Normalizer
from payobs_pipeline.normalization.pii import luhn_valid, mask_payload, mask_text

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
NORMALIZER = Normalizer()

json_scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text()
json_values = st.recursive(
    json_scalars,
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=10), children, max_size=5),
    max_leaves=30,
)
# Words a payment document is made of, so generated documents reach the providers and heuristics.
WORDS = st.sampled_from([
    "id", "amount", "currency", "status", "provider", "psp", "object", "charge", "failed", "approved", "USD",
    "usd", "card_declined", "4111111111111111", "4111 1111 1111 1111", "cvv", "123", "email", "a@b.com",
    "created", "1792000000", "reason", "merchant", "data", "resource", "eventCode", "AUTHORISATION", "true",
])
field_values = WORDS | st.integers() | st.text(max_size=20) | st.none() | st.floats(allow_nan=False)
payment_like = st.recursive(
    st.dictionaries(WORDS, field_values, max_size=8),
    lambda children: st.dictionaries(WORDS, children | field_values, max_size=6),
    max_leaves=20,
)
documents_in_text = st.builds(
    lambda rows, sep: sep.join(rows),
    st.lists(st.text(alphabet=st.sampled_from('abc=&;,|\t\n"<>/ 0123456789cvv4'), max_size=30), max_size=5),
    st.sampled_from(["\n", "&", ";", " "]),
)
xml_like = st.recursive(
    st.text(alphabet=st.characters(blacklist_characters="<&"), max_size=10),
    lambda inner: st.builds(lambda tag, body: f"<{tag}>{body}</{tag}>", st.sampled_from(["a", "status", "cvv"]), inner),
    max_leaves=10,
)
merchants = json_values | st.dictionaries(st.sampled_from(["id", "name", "country"]), json_values, max_size=3)


def read_or_refuse(data_text):
    """read_lake_payload, with PayloadParseError as the only allowed refusal."""
    try:
        parsed = read_lake_payload(data_text)
    except PayloadParseError as refused:
        assert refused.reason_code in REASON_CODES
        return None
    assert isinstance(parsed.body, dict) and parsed.body
    return parsed


def normalize_never_raises(data_text, merchant=None):
    parsed = read_or_refuse(data_text)
    if parsed is not None:
        outcome = NORMALIZER.normalize(parsed, merchant)
        assert isinstance(outcome, Deferral) or outcome.provider
    return parsed


def stored_body_is_storable(data_text):
    """The parse stage's own row never raises, and what it keeps PostgreSQL accepts."""
    fmt, hint, fingerprint, body, error, detail = parse_row(data_text)
    assert (body is None) == (error is not None)
    for text in (body, hint, detail):
        if text is not None:
            text.encode("utf-8")
            assert "\x00" not in text


@FAST
@given(json_values)
def test_any_json_value_is_read_or_refused(value):
    text = json.dumps(value, ensure_ascii=False)
    normalize_never_raises(text)
    stored_body_is_storable(text)


@FAST
@given(payment_like, merchants)
def test_payment_like_documents_and_any_merchant_never_raise(document, merchant):
    normalize_never_raises(json.dumps(document), merchant)
    normalize_never_raises(json.dumps(json.dumps(document)), merchant)  # JSON in a string


@FAST
@given(st.text())
def test_arbitrary_text_is_read_or_refused(text):
    normalize_never_raises(text)
    normalize_never_raises(json.dumps(text))
    stored_body_is_storable(json.dumps(text))


@FAST
@given(st.binary(max_size=200), st.sampled_from(["surrogateescape", "replace"]))
def test_bytes_decoded_as_text_are_read_or_refused(raw, errors):
    text = raw.decode("utf-8", errors)
    normalize_never_raises(text)
    normalize_never_raises(json.dumps(text))
    normalize_never_raises(raw)


@FAST
@given(st.integers(min_value=1, max_value=300), st.sampled_from(["[", "{\"a\":", "[{\"b\":"]))
def test_nested_structures_of_any_depth_are_read_or_refused(depth, opener):
    closer = {"[": "]", "{\"a\":": "}", "[{\"b\":": "}]"}[opener]
    text = opener * depth + "1" + closer * depth
    normalize_never_raises(text)
    normalize_never_raises(json.dumps(text))


@FAST
@given(st.text() | documents_in_text | xml_like, st.sampled_from(["xml", "csv", "kv", "json", "", "text/csv"]),
       st.one_of(st.none(), st.sampled_from(["worldpay", "adyen", "stripe", "??"])))
def test_wrapper_with_any_content_is_read_or_refused(content, fmt, provider):
    wrapper = {"content": content, "format": fmt}
    if provider is not None:
        wrapper["provider"] = provider
    normalize_never_raises(json.dumps(wrapper), {"id": "m-1"})
    stored_body_is_storable(json.dumps(wrapper))


# --- masking ------------------------------------------------------------------------------------------------

CARD_LIKE = st.builds(
    lambda digits, sep: sep.join(digits[i:i + 4] for i in range(0, len(digits), 4)),
    st.text(alphabet="0123456789", min_size=13, max_size=19).filter(lambda d: d[0] not in "01"),
    st.sampled_from(["", " ", "-"]),
)
masking_text = st.lists(
    CARD_LIKE | st.text(max_size=15) | st.sampled_from(['"cvv": "123"', "cvc=999&", "<cvv>1234</cvv>", "a.b@c.io",
                                                        "4111111111111111", "4111 1111 1111 1111", '{"n": ']),
    max_size=6,
).map(" ".join)
DIGIT_RUN = re.compile(r"(?<![0-9A-Za-z])(?<![0-9]\.)[0-9]{13,19}(?![0-9A-Za-z])")


def card_runs(text: str) -> list[str]:
    """Luhn-valid 13-19 digit runs standing alone, as mask_text defines card numbers.

    Its documented exceptions apart: runs starting with 0 or 1, runs starting with 2, 7, 8 or 9 shorter than
    the 16 digits every brand starting so uses, the fraction of a decimal number.
    """
    return [run for run in DIGIT_RUN.findall(text)
            if luhn_valid(run) and run[0] not in "01" and not (run[0] in "2789" and len(run) < 16)]


@FAST
@given(masking_text)
def test_masking_is_idempotent_and_leaves_no_card_number(text):
    masked = mask_text(text)
    assert mask_text(masked) == masked
    assert card_runs(masked) == []


json_documents = st.lists(json_values, max_size=5) | st.dictionaries(st.text(max_size=10), json_values, max_size=5)


@FAST
@given(json_documents | payment_like)
def test_masking_json_keeps_it_json_and_is_idempotent(document):
    # Documents (objects, arrays): a bare top-level number is masked as plain text.
    text = json.dumps(document)
    masked = mask_text(text)
    json.loads(masked)
    assert mask_text(masked) == masked
    structurally = mask_payload(document)
    assert mask_payload(structurally) == structurally
