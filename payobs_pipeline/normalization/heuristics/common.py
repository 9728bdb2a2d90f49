"""Helpers the generic reader and the reply families share.

Field-name folding (``_key``/``_names``: "Transaction-ID" and "transaction_id" are both
``transactionid``), the flattening of a document into its scalar fields (``_flatten``), the
unwrapping of single-key envelopes (an XML root, a SOAP Envelope and Body), the first text of a
set of fields (``_text_of``), ``ReplyReading`` (what a family's reply says) with the builders of
the families' code tables (``_entries``, ``_coded``), and the shared issuer tables of
issuer_codes.py (ISO 8583 response codes, card-network action codes) the families read codes
through. Nothing here reads a provider's outcome by itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from payobs_pipeline.normalization.issuer_codes import OUTCOME_TABLE_SOURCES
from payobs_pipeline.normalization.mapping import REASON_TABLES, ReasonEntry, _reason_entry
from payobs_pipeline.normalization.taxonomy import EventKind, FailureReason, PaymentMethod, StatusCategory


def _names(*names: str) -> tuple[str, ...]:
    return tuple(_key(n) for n in names)


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def _flatten(body: Any, depth: int = 3) -> dict[str, Any]:
    """Scalar fields of the document and of its nested objects (two levels by default), by folded name.

    Top-level names win over nested ones; this keeps ``status`` of the payment
    ahead of ``customer.status``.
    """
    fields: dict[str, Any] = {}
    frontier = [body]
    for _ in range(depth):
        nested = []
        for node in frontier:
            if isinstance(node, list) and node:
                node = node[0]
            if not isinstance(node, dict):
                continue
            for name, value in node.items():
                if isinstance(value, (dict, list)):
                    nested.append(value)
                elif value is not None and value != "":
                    fields.setdefault(_key(str(name)), value)
        frontier = nested
    return fields


def _first(fields: dict[str, Any], names: tuple[str, ...]) -> tuple[str | None, Any]:
    for name in names:
        if name in fields:
            return name, fields[name]
    return None, None


def _text_of(fields: dict[str, Any], *names: str) -> str | None:
    for name in names:
        value = fields.get(name)
        if value is not None and not isinstance(value, (bool, dict, list)):
            text = str(value).strip()
            if text:
                return text
    return None


def _unwrap(body: Any) -> Any:
    """Past single-key envelopes (an XML root, a SOAP Envelope and Body) to the document."""
    for _ in range(4):
        if isinstance(body, dict) and len(body) == 1:
            (value,) = body.values()
            if isinstance(value, dict):
                body = value
                continue
        break
    return body


_ST = StatusCategory


@dataclass(frozen=True, slots=True)
class ReplyReading:
    """What a gateway family's reply says: its outcome, the reason entry, and how sure."""

    family: str
    status: StatusCategory  # the outcome (the closest one when ``certain`` is False)
    raw_status: str
    certain: bool  # the outcome value is documented and says the outcome by itself
    entry: ReasonEntry | None = None  # the reason, from the family's code table
    raw_reason: str | None = None
    agrees: bool = False  # a second field (a code, a message) confirms the outcome
    ids: tuple[str, ...] = ()  # the family's transaction id fields, best first
    reason_text: str | None = None  # a message of the family to read reason words from
    kind: EventKind | None = None  # the lifecycle kind the family's own type field names
    amount: tuple[Any, Any, str] | None = None  # (amount, currency, "minor"/"major") in the family's own fields
    method: PaymentMethod | None = None  # the payment method the family's own fields state


def _entries(table: dict[str, object]) -> dict[str, ReasonEntry]:
    return {code.lower(): _reason_entry(entry) for code, entry in table.items()}


def _coded(table: dict[str, tuple[str, object | None]]) -> dict[str, tuple[StatusCategory, ReasonEntry | None]]:
    """{code: (status, reason)} tables of families whose code says the status too."""
    return {code.lower(): (_ST(status), _reason_entry(reason) if reason else None)
            for code, (status, reason) in table.items()}


ISO_TABLE = REASON_TABLES["iso8583"]
NETWORK_TABLE = REASON_TABLES["card_network"]
NETWORK_OUTCOMES = {code.lower(): _ST(s) for code, s in OUTCOME_TABLE_SOURCES["card_network"].items()}


# Reasons that mean the payment was not processed (a technical or request failure), not declined.
_ERROR_REASONS = frozenset({FailureReason.PROCESSING_ERROR, FailureReason.CONFIGURATION_ERROR,
                            FailureReason.INVALID_REQUEST})
