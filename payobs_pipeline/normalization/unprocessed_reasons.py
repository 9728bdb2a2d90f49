"""Why a lake row is kept as an unprocessed event: the one vocabulary of reasons (listed in docs/taxonomy.md).

A row that cannot become a canonical event is never dropped: it is stored in ``unprocessed_events`` with one
of these reasons and a detail, and retried or dead-lettered by ``warehouse/unprocessed.py`` (``FINAL``
reasons are dead-lettered at once). A member is the string stored in the warehouse, so it compares equal to
that string; ``.meaning`` is its one-line meaning.
"""

from __future__ import annotations

from enum import StrEnum


class UnprocessedReason(StrEnum):
    """A reason, with its one-line meaning as ``.meaning``."""

    meaning: str

    def __new__(cls, value: str, meaning: str) -> UnprocessedReason:
        member = str.__new__(cls, value)
        member._value_ = value
        member.meaning = meaning
        return member

    # Reading the lake row (formats.py): the payload cannot be parsed safely.
    MALFORMED_JSON = "MALFORMED_JSON", "the payload is not valid JSON"
    MALFORMED_XML = "MALFORMED_XML", "the payload is not well-formed XML"
    XML_FORBIDDEN_CONSTRUCT = (
        "XML_FORBIDDEN_CONSTRUCT", "the XML declares a DTD, an entity or an external reference (refused)")
    MALFORMED_CSV = "MALFORMED_CSV", "the payload is not readable CSV"
    CSV_NO_RECORDS = "CSV_NO_RECORDS", "the CSV has a header but no record"
    CSV_MULTIPLE_RECORDS = "CSV_MULTIPLE_RECORDS", "the CSV holds several records where one event was expected"
    MALFORMED_KV = "MALFORMED_KV", "the key=value payload is not readable"
    MALFORMED_JWT = "MALFORMED_JWT", "the JWT-wrapped payload cannot be decoded"
    UNRECOGNIZED_FORMAT = "UNRECOGNIZED_FORMAT", "the text is none of JSON, XML, CSV, key=value or JWT"
    EMPTY_PAYLOAD = "EMPTY_PAYLOAD", "the data column is empty"
    PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE", "the payload exceeds the size limit (refused before parsing)"
    PAYLOAD_TOO_DEEP = "PAYLOAD_TOO_DEEP", "the payload nests deeper than the depth limit"
    NUL_BYTE = "NUL_BYTE", "the payload holds a NUL character, which PostgreSQL text refuses"
    NOT_AN_OBJECT = "NOT_AN_OBJECT", "the payload is a scalar or a list, not a document"
    INVALID_UNICODE = "INVALID_UNICODE", "the payload holds text PostgreSQL cannot store (an unpaired surrogate)"
    NUMBER_OUT_OF_RANGE = "NUMBER_OUT_OF_RANGE", "a number in the payload is outside what can be stored"
    INTERNAL_ERROR = (
        "INTERNAL_ERROR", "an unexpected error on this row (masked detail kept); the window's other rows proceed")

    # Choosing a mapping (normalize.py).
    NO_MAPPING = "NO_MAPPING", "no provider mapping, learned mapping or heuristic recognizes the payload"
    LOW_CONFIDENCE = (
        "LOW_CONFIDENCE", "a mapping or heuristic recognizes the payload, but below the confidence threshold")

    # Applying a mapping (mapping.py).
    NO_MATCHING_VARIANT = (
        "NO_MATCHING_VARIANT", "the provider is known but none of its message kinds matches the payload")
    MISSING_DOCUMENT = "MISSING_DOCUMENT", "the envelope that should carry the document carries none"
    MISSING_STATUS = "MISSING_STATUS", "the message kind is known but the payload states no status"
    UNMAPPED_STATUS = "UNMAPPED_STATUS", "the payload's status is not in the provider's mapping"
    MISSING_CURRENCY = "MISSING_CURRENCY", "the payload gives an amount without any currency"
    NOT_A_PAYMENT_EVENT = (
        "NOT_A_PAYMENT_EVENT", "a payout, report, token or account update: never a payment outcome")
    NOTIFICATION_WITHOUT_OUTCOME = (
        "NOTIFICATION_WITHOUT_OUTCOME", "a notification that carries only a resource id to fetch, no outcome")

    # Reading the amount (currency.py).
    INVALID_AMOUNT = "INVALID_AMOUNT", "the amount is not a number"
    NEGATIVE_AMOUNT = "NEGATIVE_AMOUNT", "the amount is negative"
    AMOUNT_TOO_LARGE = "AMOUNT_TOO_LARGE", "the amount exceeds 10^15 minor units"
    FRACTIONAL_MINOR_UNITS = (
        "FRACTIONAL_MINOR_UNITS", "the amount has more decimals than the currency's minor unit")
    UNKNOWN_CURRENCY = "UNKNOWN_CURRENCY", "the currency is not an ISO 4217 code"

    # The LLM (resources/llm.py, the learned_mappings and normalized_events assets).
    LLM_OFF = "LLM_OFF", "the LLM is switched off (PAYOBS_LLM_ENABLED)"
    LLM_NOT_CONFIGURED = "LLM_NOT_CONFIGURED", "no OPENAI_API_KEY: the LLM cannot be asked"
    LLM_UNAVAILABLE = "LLM_UNAVAILABLE", "the LLM server failed or timed out; retried when it is back"
    LLM_BUDGET_EXHAUSTED = "LLM_BUDGET_EXHAUSTED", "the run's LLM call budget is spent; retried by a later run"
    LLM_BAD_ANSWER = "LLM_BAD_ANSWER", "the LLM's answer was not a usable mapping or extraction"
    LLM_EXTRACTION_REJECTED = (
        "LLM_EXTRACTION_REJECTED", "the LLM's extraction of this row failed validation against the payload")
    MAPPING_AWAITING_REVIEW = (
        "MAPPING_AWAITING_REVIEW", "a learned mapping for this shape waits for `payobs mappings approve`")
    MAPPING_REJECTED = "MAPPING_REJECTED", "the learned mapping for this shape was rejected by a reviewer"


# No other method can fix these: an amount or currency wrong in the payload stays wrong whoever reads it, and
# a message with no payment outcome must not be guessed at. They are dead-lettered at once, never retried.
FINAL = frozenset({
    UnprocessedReason.INVALID_AMOUNT, UnprocessedReason.NEGATIVE_AMOUNT, UnprocessedReason.AMOUNT_TOO_LARGE,
    UnprocessedReason.FRACTIONAL_MINOR_UNITS, UnprocessedReason.UNKNOWN_CURRENCY,
    UnprocessedReason.NOTIFICATION_WITHOUT_OUTCOME, UnprocessedReason.NOT_A_PAYMENT_EVENT,
})
