"""Masking of card numbers, card security codes and e-mail addresses.

Card data must never reach the warehouse, the logs or an LLM. The lake is
masked twice: the raw text of each row (:func:`mask_text`, whatever format it
is in) and the parsed document (:func:`mask_payload`).

What is masked:

* **Card numbers**: a run of 12 to 19 digits, written together or in groups
  separated by single spaces or dashes, that passes the Luhn check and is not
  part of a longer digit run nor the fraction of a decimal number. It becomes its first six and last four digits
  around asterisks, separators dropped: ``424242******4242``. Within a longer
  run of separated groups (``4111 1111 1111 1111 2025``) the longest Luhn-valid
  window of whole groups is masked. Two exceptions keep the false positives
  that matter away: a run starting with ``0`` (no card number does: these are
  zero-padded ids), a run starting with ``1`` unless it has 15 digits
  (UATP airline cards are the only cards starting with 1; 13-, 16- and
  19-digit numbers starting with 1 are the epoch milliseconds, microseconds
  and nanoseconds of 2001 to 2033, and masking them would destroy event
  times) and a run starting with ``2``, ``7``, ``8`` or ``9`` of fewer than
  16 digits (the cards starting with 2, Mastercard's 2221-2720 range and
  Mir's 2200-2204, have 16 to 19 digits, as have UnionPay's 81 and Troy's
  9792 numbers; 7 is no card issuer's; 12- and 14-digit runs starting with 2
  are compact timestamps, ``yyyyMMddHHmm`` and ``yyyyMMddHHmmss``, as
  Autopay and many older gateways write them, and 12-digit order numbers
  such as Paya's ``780044371927`` are ids).
* **Card security codes** (CVV, CVC, CID, CSC, ...) under a key naming them,
  in JSON (``"cvc": "123"``, ``"cvv":123``, also JSON escaped inside a JSON
  string), XML elements (``<cvc>123</cvc>``, namespace prefixes, CDATA),
  ``key=value`` / form-encoded text (``cvv=123&``, ``card[cvc]=123``,
  ``card%5Bcvc%5D=123``), ``key: value`` text and CSV (a header line naming a
  security-code column masks that column on every following line). The value
  becomes ``***``. ``cid``, ``card_code`` and ``cvv_code`` also name other
  things (client ids, card brands, PayPal's CVV result code), so under those
  keys only 3- or 4-digit values are masked.
  Result keys (``cvc_check``, ``cvvResponseCode``, ``cvcResult``) are kept:
  they say whether the code matched, which the normalizer needs.
* **E-mail addresses**: the local part becomes ``***``, the domain is kept
  (``***@example.com``); ``%40`` (URL-encoded ``@``) is recognised too.

Masking is idempotent (masking a masked text changes nothing) and leaves no
Luhn-valid 12-19 digit run behind. A text with nothing to mask is returned as
the same object, after a screening pass that costs about 4 µs for a 1.5 KB
payload.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from functools import lru_cache
from typing import Any, Iterator

SECURITY_CODE_MASK = "***"
EMAIL_LOCAL_PART_MASK = "***"

# --- Luhn and card numbers -------------------------------------------------

_DOUBLED_DIGIT = (0, 2, 4, 6, 8, 1, 3, 5, 7, 9)


def luhn_valid(digits: str) -> bool:
    """True when ``digits`` (ASCII digits only, at least two) passes the Luhn check."""
    if len(digits) < 2 or not digits.isascii() or not digits.isdigit():
        return False
    total = 0
    double = False
    for char in reversed(digits):
        digit = ord(char) - 48
        total += _DOUBLED_DIGIT[digit] if double else digit
        double = not double
    return total % 10 == 0


def _is_card_number(digits: str) -> bool:
    length = len(digits)
    if not 12 <= length <= 19:
        return False
    first = digits[0]
    if first == "0" or (first == "1" and length != 15) or (first in "2789" and length < 16):
        return False
    return luhn_valid(digits)


def _masked_card_number(digits: str) -> str:
    return digits[:6] + "*" * (len(digits) - 10) + digits[-4:]


# A maximal run of at least 12 digits with single spaces or dashes between them,
# not glued to letters: "993617895204576J" is a reference, not a card number, and
# neither is the all-digit middle of a hyphenated id ("c3-9046-4208-8325-e2e8...")
# nor the fraction of a decimal number (0.9234567891234567: masking it would
# also break the JSON it is in).
# (The look-behind comes after the first digit so the regex engine can skip
# to digits quickly; it says the character before the run is not a digit.)
_DIGIT_RUN = re.compile(
    r"[0-9](?<![0-9A-Za-z][0-9])(?<![0-9A-Za-z]-[0-9])(?<![0-9]\.[0-9])"
    r"(?:[ \-]?[0-9]){11,}(?![0-9A-Za-z]|-[0-9A-Za-z])"
)
_DIGIT_GROUP = re.compile(r"[0-9]+")


def _card_layout(sizes: list[int]) -> bool:
    """Grouped digits are written as cards print them: 4-4-4-4(-3), or Amex/Diners 4-6-5 / 4-6-4.

    Ids such as UUID segments or reference numbers (``8-4-4``, ``2-10``) are not.
    """
    if len(sizes) == 1:
        return True
    if sizes[0] != 4:
        return False
    if sizes[1:] in ([6, 5], [6, 4]):
        return True
    return all(size == 4 for size in sizes[1:-1]) and 1 <= sizes[-1] <= 4


def _card_windows(run: str) -> list[tuple[int, int, str]]:
    """(start, end, digits) of the card numbers in a run, as offsets in the run."""
    groups = [(m.start(), m.end()) for m in _DIGIT_GROUP.finditer(run)]
    if len(groups) == 1:
        return [(0, len(run), run)] if _is_card_number(run) else []
    candidates = []
    for first in range(len(groups)):
        length = 0
        for last in range(first, len(groups)):
            length += groups[last][1] - groups[last][0]
            if length > 19:
                break
            if length >= 12 and _card_layout([end - start for start, end in groups[first:last + 1]]):
                digits = "".join(run[start:end] for start, end in groups[first:last + 1])
                if _is_card_number(digits):
                    candidates.append((length, first, last, digits))
    # Longest window first: it hides the most digits when windows overlap
    # (a quantity written before a card number must not win over the card).
    candidates.sort(key=lambda candidate: (-candidate[0], candidate[1]))
    # One flag per group (a window spans at most 19 groups), not a scan of the
    # windows taken so far: a run of thousands of cards stays linear.
    taken = bytearray(len(groups))
    windows = []
    for _, first, last, digits in candidates:
        if not any(taken[first:last + 1]):
            taken[first:last + 1] = b"\x01" * (last + 1 - first)
            windows.append((groups[first][0], groups[last][1], digits))
    windows.sort()
    return windows


def contains_card_number(text: str, key: str | None = None) -> bool:
    """True when ``text`` holds a card number by the rules of the masker, in its place.

    This is the one rule the masker (:func:`mask_text`, :func:`mask_payload`) and the warehouse's check
    (``events_are_valid``) share:

    * a digit run that is the value of a reference key in the text (``"pspReference": "8535…"``,
      ``<pasref>…</pasref>``, ``txn_id=…``) is an id, not a card number, whatever its checksum;
    * ``key`` names the field the whole ``text`` is the value of (a document key, a stored column holding
      a provider's reference): a digits-only value under a reference key (:func:`is_reference_id`) is an id,
      as :func:`mask_payload` keeps it;
    * anything else is a card number when :func:`mask_text` would mask it (12-19 digits, grouped as cards
      print them, Luhn-valid, not starting with 0, nor with 1 unless 15 digits long).
    """
    if key is not None and is_reference_id(key, text):
        return False
    return next(_card_number_runs(text), None) is not None


def is_reference_id(key: str, value: object) -> bool:
    """True when ``value`` under the document key ``key`` is a provider's reference the masker keeps.

    The key ends with a reference name (``pspReference``, ``@orderId``, ``ns2:transactionId``,
    ``acquirer_reference``, ``tid``, ``nsu``, ...) and the value is digits only (an int or a numeric string).
    """
    return (isinstance(value, (int, str)) and not isinstance(value, bool)
            and _REFERENCE_KEY_NAME.fullmatch(key) is not None and _DIGITS_ONLY.fullmatch(str(value)) is not None)


def _card_number_runs(text: str) -> Iterator[tuple[re.Match[str], list[tuple[int, int, str]]]]:
    """Each digit run of ``text`` the masker masks, with its card-number windows (offsets in the run).

    A run that is the value of a reference key is skipped: it is an id.
    """
    if not _may_hold_digit_run(text.encode("utf-8", "surrogatepass")):
        return
    for match in _DIGIT_RUN.finditer(text):
        if _is_reference_value(text, match.start()):
            continue
        windows = _card_windows(match.group())
        if windows:
            yield match, windows


def _mask_card_numbers(text: str, json_text: bool) -> str:
    # Masking can join a mask's last four digits with a following digit group
    # into a new Luhn-valid run, so repeat until nothing changes; every pass
    # removes digits, so this ends.
    while True:
        masked = _mask_card_numbers_once(text, json_text)
        if masked is text:
            return text
        text = masked


_JSON_NUMBER_TAIL = re.compile(r"(?:\.[0-9]*)?(?:[eE][+-]?[0-9]+)?")
_ESCAPED_JSON_KEY_BEFORE = re.compile(r'\\"\s*:\s*$')
_JSON_VALUE_BEFORE = re.compile(r"[:\[,]\s*$")
_JSON_VALUE_AFTER = re.compile(r"\s*(?:[,\]}]|$)")


# A digit run that is the value of a reference key is the provider's id, whatever
# its checksum: about 1 in 10 numeric 16-digit references (Adyen's pspReference)
# passes Luhn; so do Kushki's 18-digit ticketNumber, CyberSource's requestID, Realex's pasref,
# Rede/Cielo tid and nsu, Paytm's TXNID. JSON ("key": "…"), escaped JSON, XML (<key>…) and key=value forms.
_REFERENCE_KEYS = (
    r"(?:psp_?reference|original_?reference|merchant_?reference|acquirer_?transaction_?id|"
    r"transaction_?id|payment_?id|order_?id|reference_?pol|reference|trace_?id|"
    r"ticket_?number|request_?id|pasref|tid|nsu|txn_?id|trans_?id|receipt_?id)"
)
_REFERENCE_KEY_BEFORE = re.compile(rf"(?i){_REFERENCE_KEYS}(?:\\?[\"']\s*:\s*\\?[\"']?|>|=)\s*$")
# The same keys as document keys (mask_payload), by the same rule: the key ends with one of the names
# ("pspReference", "@orderId", "ns2:transactionId", "acquirer_reference").
_REFERENCE_KEY_NAME = re.compile(rf"(?is).*{_REFERENCE_KEYS}")
_DIGITS_ONLY = re.compile(r"\s*-?[0-9]+\s*")


def _is_reference_value(text: str, start: int) -> bool:
    return _REFERENCE_KEY_BEFORE.search(text, max(0, start - 48), start) is not None


def _mask_card_numbers_once(text: str, json_text: bool) -> str:
    pieces: list[str] = []
    position = 0
    strings: _JsonStrings | None = None
    for match, windows in _card_number_runs(text):
        base = match.start()
        for start, end, digits in windows:
            replacement = _masked_card_number(digits)
            cut = base + start
            end += base
            if json_text and start == 0 and end == match.end():
                # A card number written as a JSON number must become a JSON
                # string, or the masked document no longer parses; a minus
                # sign goes inside the string with it.
                if strings is None:
                    strings = _JsonStrings(text)
                sign = "-" if base and text[base - 1] == "-" else ""
                lead = base - len(sign)
                if not strings.contains(base):
                    number_end = _JSON_NUMBER_TAIL.match(text, end).end()
                    if (_JSON_VALUE_BEFORE.search(text, max(0, lead - 64), lead)
                            and _JSON_VALUE_AFTER.match(text, number_end)):
                        replacement = f'"{sign}{replacement}"'
                        cut, end = lead, number_end
                elif _ESCAPED_JSON_KEY_BEFORE.search(text, max(0, lead - 40), lead):
                    replacement = f'\\"{sign}{replacement}\\"'  # a number in JSON escaped inside a string
                    cut = lead
            pieces.append(text[position:cut])
            pieces.append(replacement)
            position = end
    if not pieces:
        return text
    pieces.append(text[position:])
    return "".join(pieces)


_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)


class _JsonStrings:
    """Where the string literals of a JSON text are, to tell strings from numbers."""

    def __init__(self, text: str) -> None:
        spans = [match.span() for match in _JSON_STRING.finditer(text)]
        self._starts = [start for start, _ in spans]
        self._ends = [end for _, end in spans]

    def contains(self, offset: int) -> bool:
        index = bisect_right(self._starts, offset) - 1
        return index >= 0 and offset < self._ends[index]


# --- Security-code keys ------------------------------------------------------

# Keys that always name a card security code, with an optional "card" prefix
# (card_cvv, cardSecurityCode, card_verification_value).
_STRONG_KEY = (
    r"(?:card[_\-\s]?)?(?:cv[cvn]2?|cv[_\-]?number|csc"
    r"|security[_\-\s]?code|verification[_\-\s]?(?:value|code))"
)
# Keys that also name other things (a client id, a card brand, PayPal's
# cvv_code result "M"): only 3-4 digit values are masked under them.
_WEAK_KEY = r"cid|card[_\-\s]?code|cv[cv][_\-]?code"
# A key starts after a non-alphanumeric character, after "%5B" (an encoded
# "["), or at a camelCase boundary (paymentCvv).
_KEY_START = r"(?:(?<![A-Za-z0-9])|(?<=%5[Bb])|(?<=[a-z0-9])(?=[A-Z]))"
_KEY = rf"{_KEY_START}(?i:(?P<strong>{_STRONG_KEY})|(?P<weak>{_WEAK_KEY}))"

_KEY_NAME = re.compile(rf"{_KEY}$")

# "cvv": "123" / "payment_cvv":123 / 'cvv': 123 / \"cvv\":\"123\" / cvv=123 /
# card[cvc]=123 / card%5Bcvc%5D=123 / CVV: 123 / <card cvc="123"/>
# (The look-ahead on the key's first letter lets the regex engine skip
# quickly to candidate positions.)
_KEY_VALUE = re.compile(
    rf"(?=[cCsSvV]){_KEY}(?P<close>\\?[\"']|\]|%5[Dd])?\s*(?P<sep>[:=])[ \t]*"
    r"(?:\\\"(?P<escaped>(?:[^\"\\\n]|\\[^\"\n])*)\\\""
    r"|\"(?P<double>(?:[^\"\\\n]|\\.)*)\""
    r"|'(?P<single>[^'\n]*)'"
    r"|(?P<bare>[^\s&;,\"'<>{}\[\]|\\()]+))"
)
# <cvc>123</cvc> / <ns2:cardSecurityCode type="x"><![CDATA[123]]></ns2:cardSecurityCode>
_XML_ELEMENT = re.compile(
    rf"<(?P<prefix>[A-Za-z_][\w.\-]*:)?(?P<name>[\w.\-]*?{_KEY})(?P<attributes>\s[^<>]*)?>"
    # (A CDATA body is bounded: an unclosed "<![CDATA[" must not make every
    # later element scan to the end of the text. A security code is 3-4
    # digits; a longer CDATA body is left to mask_payload after parsing.)
    r"(?P<body><!\[CDATA\[.{0,256}?\]\]>|[^<]*)</(?P=prefix)?(?P=name)\s*>",
    re.DOTALL,
)
_SHORT_DIGITS = re.compile(r"\s*[0-9]{3,4}\s*")
_JSON_LITERALS = frozenset({"null", "true", "false"})


@lru_cache(maxsize=4096)
def _security_code_key_kind(key: str) -> str | None:
    """'strong', 'weak' or None for a document key ('@attr', 'ns:name', 'card[cvc]' forms too)."""
    match = _KEY_NAME.search(key.strip().rstrip("]"))
    if match is None:
        return None
    return "strong" if match.group("strong") else "weak"


def _maskable_value(kind: str, value: str) -> bool:
    if kind == "weak":
        return _SHORT_DIGITS.fullmatch(value) is not None
    return bool(value.strip()) and value != SECURITY_CODE_MASK


def _replace_group(match: re.Match[str], group: str, replacement: str) -> str:
    whole = match.group()
    start, end = match.span(group)
    offset = match.start()
    return whole[:start - offset] + replacement + whole[end - offset:]


def _mask_key_value(match: re.Match[str]) -> str:
    kind = "strong" if match.group("strong") else "weak"
    for form in ("escaped", "double", "single"):
        value = match.group(form)
        if value is not None:
            return _replace_group(match, form, SECURITY_CODE_MASK) if _maskable_value(kind, value) else match.group()
    value = match.group("bare")
    if value in _JSON_LITERALS or not _maskable_value(kind, value):
        return match.group()
    # A bare JSON value ("cvv": 123) becomes a JSON string; a form value stays bare.
    close = match.group("close") or ""
    quote = close if close[-1:] in ("'", '"') and match.group("sep") == ":" else ""
    return _replace_group(match, "bare", f"{quote}{SECURITY_CODE_MASK}{quote}")


def _mask_xml_element(match: re.Match[str]) -> str:
    kind = "strong" if match.group("strong") else "weak"
    body = match.group("body")
    if body.startswith("<![CDATA["):
        body = body[9:-3]
    if not _maskable_value(kind, body):
        return match.group()
    return _replace_group(match, "body", SECURITY_CODE_MASK)


# Free text: "cvv 123", "CVV2 is 4821", "security code #987" -- a strong key word, then 3-4 digits alone.
_FREE_TEXT_CODE = re.compile(
    rf"(?<![A-Za-z0-9])(?i:{_STRONG_KEY})\s+(?i:is\s+|no\.?\s*|#\s*)?(?P<code>[0-9]{{3,4}})(?![0-9A-Za-z])"
)


def _mask_free_text_code(match: re.Match[str]) -> str:
    return _replace_group(match, "code", SECURITY_CODE_MASK)


def _mask_security_codes(text: str, json_text: bool) -> str:
    text = _KEY_VALUE.sub(_mask_key_value, text)
    text = _FREE_TEXT_CODE.sub(_mask_free_text_code, text)
    if "<" in text:
        text = _XML_ELEMENT.sub(_mask_xml_element, text)
    return _mask_csv(text, json_text)


# --- CSV ------------------------------------------------------------------------

_CSV_DELIMITERS = (",", ";", "\t", "|")
_CSV_HEADER_FIELD = re.compile(rf"\s*\"?\s*(?i:(?P<strong>{_STRONG_KEY})|(?P<weak>{_WEAK_KEY}))\s*\"?\s*")
_CSV_HEADER_HINT = re.compile(rf"(?i:{_STRONG_KEY}|{_WEAK_KEY})")


def _csv_fields(line: str, delimiter: str) -> list[tuple[int, int]]:
    """Spans of a CSV line's fields, quotes included, honouring quoted delimiters."""
    spans = []
    start = 0
    in_quotes = False
    for index, char in enumerate(line):
        if char == '"':
            in_quotes = not in_quotes
        elif char == delimiter and not in_quotes:
            spans.append((start, index))
            start = index + 1
    spans.append((start, len(line)))
    return spans


def _csv_header(line: str) -> tuple[str, dict[int, str]] | None:
    """(delimiter, {column index: key kind}) when the line names security-code columns."""
    for delimiter in _CSV_DELIMITERS:
        if delimiter not in line:
            continue
        columns = {}
        for index, (start, end) in enumerate(_csv_fields(line, delimiter)):
            match = _CSV_HEADER_FIELD.fullmatch(line, start, end)
            if match is not None:
                columns[index] = "strong" if match.group("strong") else "weak"
        if columns:
            return delimiter, columns
    return None


def _mask_csv_line(line: str, delimiter: str, columns: dict[int, str]) -> str:
    body = line.rstrip("\r")
    spans = _csv_fields(body, delimiter)
    pieces = []
    position = 0
    for index, kind in sorted(columns.items()):
        if index >= len(spans):
            break
        start, end = spans[index]
        raw = body[start:end].strip()
        quoted = len(raw) >= 2 and raw[0] == raw[-1] == '"'
        if not _maskable_value(kind, raw[1:-1] if quoted else raw):
            continue
        pieces.append(body[position:start])
        pieces.append(f'"{SECURITY_CODE_MASK}"' if quoted else SECURITY_CODE_MASK)
        position = end
    if not pieces:
        return line
    pieces.append(line[position:])
    return "".join(pieces)


def _mask_csv_lines(text: str) -> str:
    lines = text.split("\n")
    header: tuple[str, dict[int, str]] | None = None
    changed = False
    for number, line in enumerate(lines):
        found = _csv_header(line) if _CSV_HEADER_HINT.search(line) else None
        if found is not None:
            header = found  # a later header (a new section) replaces the earlier one
            continue
        if header is None or not line.strip():
            continue
        masked = _mask_csv_line(line, *header)
        if masked is not line:
            lines[number] = masked
            changed = True
    return "\n".join(lines) if changed else text


def _mask_csv(text: str, json_text: bool) -> str:
    if not json_text:
        return _mask_csv_lines(text) if "\n" in text else text
    # CSV carried in a JSON string has escaped newlines: mask it decoded and
    # write the string back, so the JSON document stays valid.
    if "\\n" not in text:
        return text
    pieces: list[str] = []
    position = 0
    for match in _JSON_STRING.finditer(text):
        literal = match.group()
        if "\\n" not in literal or not _CSV_HEADER_HINT.search(literal):
            continue
        try:
            decoded = json.loads(literal)
        except ValueError:
            continue
        masked = _mask_csv_lines(decoded)
        if masked is not decoded:
            pieces.append(text[position:match.start()])
            pieces.append(json.dumps(masked, ensure_ascii=False))
            position = match.end()
    if not pieces:
        return text
    pieces.append(text[position:])
    return "".join(pieces)


# --- E-mail addresses ------------------------------------------------------------

_EMAIL_AT = re.compile(r"@|%40")
_EMAIL_DOMAIN = re.compile(
    r"[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?)+"
)
_EMAIL_LOCAL_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-")


def _after_escape(text: str, start: int, end: int) -> int:
    r"""Where a local part starting at ``start`` really starts when a JSON escape precedes it.

    In JSON text ``"\tadmin@x"`` the ``t`` belongs to the escape ``\t`` (``\u00e9`` takes five characters):
    masking it would leave ``\***``, an invalid escape. An even run of backslashes escapes nothing.
    """
    backslashes = 0
    while start - backslashes > 0 and text[start - backslashes - 1] == "\\":
        backslashes += 1
    if backslashes % 2 == 0:
        return start
    if text[start] == "u" and re.fullmatch(r"[0-9A-Fa-f]{4}", text[start + 1:start + 5]):
        return min(start + 5, end)
    return min(start + 1, end)


def _mask_emails(text: str) -> str:
    # From each "@" (or "%40") with a domain after it, walk back over the
    # local part: cheaper than a regex trying every position of the text.
    pieces: list[str] = []
    position = 0
    for at in _EMAIL_AT.finditer(text):
        at_start = at.start()
        if at_start < position or _EMAIL_DOMAIN.match(text, at.end()) is None:
            continue
        local_start = at_start
        while local_start > position and text[local_start - 1] in _EMAIL_LOCAL_CHARACTERS:
            local_start -= 1
        local_start = _after_escape(text, local_start, at_start)
        if local_start == at_start:
            continue  # no local part, or already masked ("***@example.com")
        pieces.append(text[position:local_start])
        pieces.append(EMAIL_LOCAL_PART_MASK)
        position = at_start
    if not pieces:
        return text
    pieces.append(text[position:])
    return "".join(pieces)


# --- Screening ------------------------------------------------------------------------
#
# Most payloads hold nothing to mask, and running the maskers' regular
# expressions over them would cost tens of microseconds each. The screen works
# on a folded copy made by one bytes.translate: digits become "0", letters
# lower case, v becomes "~", i and s become "#", r becomes "t" and y becomes
# "d" (so every security-code key folds onto one of three literal prefixes,
# which the regex engine finds fast), and spaces, dashes, underscores and
# backslashes are deleted (so grouped card numbers and "security_code" /
# "security code" / escaped JSON collapse). The screen may pass a text with
# nothing to mask (the maskers then find nothing); it must never reject a text
# that has something.

_FOLD = bytes.maketrans(
    b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZvisryVISRY",
    b"0000000000abcdefgh#jklmnopqt#tu~wxdz~##td~##td",
)
_FOLD_DELETE = b" -_\\#"
_KEY_END = rb"(?![a-z#~])"
# Each pattern starts with a literal of two or more bytes, which the regex
# engine searches for fast; the second branch of the first two is an XML
# element with attributes (<cvc type="x"> folds to "<c~ctdpe=").
_SCREEN_KEYS = (
    # cvv cvc cvn cvv2 cvc2 cvvcode cvccode cvnumber
    re.compile(rb"c~(?:(?:[c~n]0?|numbet|[c~]code)" + _KEY_END + rb"|(?<=[<:]c~)(?:[c~n]0?|numbet|[c~]code))"),
    # csc cid
    re.compile(rb"c#(?:[dc]" + _KEY_END + rb"|(?<=[<:]c#)[dc])"),
    # securitycode cardcode
    re.compile(rb"tdcode" + _KEY_END),
    # verificationvalue verificationcode
    re.compile(rb"f#cat#on(?:~alue|code)" + _KEY_END),
)
_SHORT_TEXT_TRIGGERS = frozenset("@%=:>,\n")
_SCREEN_EMAIL = 1
_SCREEN_DIGITS = 2
_SCREEN_KEY = 4


def _may_hold_digit_run(encoded: bytes) -> bool:
    return b"000000000000" in encoded.translate(_FOLD, _FOLD_DELETE)


def _screen(text: str) -> int:
    encoded = text.encode("utf-8", "surrogatepass")
    found = 0
    if b"@" in encoded or (b"%" in encoded and b"%40" in encoded):
        found = _SCREEN_EMAIL
    folded = encoded.translate(_FOLD, _FOLD_DELETE)
    if b"000000000000" in folded:
        found |= _SCREEN_DIGITS
    for screen in _SCREEN_KEYS:
        if screen.search(folded):
            return found | _SCREEN_KEY
    return found


# --- Public entry points ------------------------------------------------------------


def mask_text(text: str) -> str:
    """Mask card numbers, security codes and e-mail local parts in any text.

    Works on JSON, XML, CSV, ``key=value`` and free text alike (see the module
    docstring). Returns ``text`` itself, the same object, when there is nothing
    to mask; a JSON text stays valid JSON.
    """
    if not isinstance(text, str):
        raise TypeError(f"mask_text expects str, not {type(text).__name__}")
    if len(text) < 12 and _SHORT_TEXT_TRIGGERS.isdisjoint(text):
        return text  # too short for a card number, and no e-mail or key/value separator
    found = _screen(text)
    if not found:
        return text
    json_text = text.lstrip()[:1] in ("{", "[")
    masked = text
    if found & _SCREEN_KEY:
        masked = _mask_security_codes(masked, json_text)
    if found & _SCREEN_EMAIL:
        masked = _mask_emails(masked)
    if found & _SCREEN_DIGITS:
        masked = _mask_card_numbers(masked, json_text)
    return text if masked == text else masked


def mask_payload(document: Any) -> Any:
    """Mask a parsed document (dicts, lists, strings, numbers) structurally.

    Values under security-code keys become ``"***"`` (any value for keys such
    as ``cvv``/``cvc``/``securityCode``, only 3-4 digit values for ``cid``,
    ``cardCode`` and ``cvvCode``); every string goes through
    :func:`mask_text`; an integer that is a card number becomes its masked
    string. Containers are copied only where something changed; otherwise the
    same object is returned. Keys are matched in their XML-attribute
    (``@cvc``), namespaced (``ns2:cvc``) and form (``card[cvc]``) forms too.
    """
    if isinstance(document, str):
        return mask_text(document)
    if isinstance(document, dict):
        masked_dict = None
        for key, value in document.items():
            new_value = _masked_entry(key, value)
            if new_value is not value:
                if masked_dict is None:
                    masked_dict = dict(document)
                masked_dict[key] = new_value
        return document if masked_dict is None else masked_dict
    if isinstance(document, (list, tuple)):
        new_items = [mask_payload(item) for item in document]
        if all(new is old for new, old in zip(new_items, document)):
            return document
        return new_items if isinstance(document, list) else tuple(new_items)
    if type(document) is int and 10**11 <= document < 10**19:
        digits = str(document)
        if _is_card_number(digits):
            return _masked_card_number(digits)
    return document


def _masked_entry(key: Any, value: Any) -> Any:
    if isinstance(key, str) and value is not None and not isinstance(value, bool):
        # A provider reference is an id, as in mask_text: a document parsed out of a string (XML, JSON in a
        # string) keeps <pspReference>8535…</pspReference> as the raw text kept it.
        if is_reference_id(key, value):
            return value
        kind = _security_code_key_kind(key)
        if kind is not None:
            if isinstance(value, (dict, list, tuple)):
                return SECURITY_CODE_MASK if kind == "strong" else mask_payload(value)
            if isinstance(value, (int, float, str)) and _maskable_value(kind, str(value)):
                return SECURITY_CODE_MASK
    return mask_payload(value)
