"""Issuer codes carried in a document's fields, whatever its provider.

A two-character ISO 8583 / Visa response code in a field such as ``iso_response_code``,
``processorResponse``, ``auth_response`` or ``response_code`` (also nested: Stripe-like
``processor_response.code``, CyberSource's ``ccAuthReply.processorResponse``, Opayo's
``DeclineCode``) turns a generic decline into its specific reason, and a Mastercard Merchant Advice
Code decides SOFT/HARD. The codes are read through the shared tables of issuer_codes.py (the ones
specs name with ``reason_fallback``).
"""

from __future__ import annotations

from typing import Any

from payobs_pipeline.normalization.heuristics.common import ISO_TABLE, _key, _names, _text_of
from payobs_pipeline.normalization.mapping import DECLINE_TYPE_TABLES, ReasonEntry
from payobs_pipeline.normalization.taxonomy import DeclineType, FailureReason


# Fields that hold an issuer's (ISO 8583) response code when they hold two characters.
ISO_CODE_FIELDS = _names(
    "iso_response_code", "iso_code", "isoresponsecode", "processor_response", "processor_response_code",
    "auth_response", "auth_response_code", "response_code", "responsecode", "host_response_code",
    "bank_response_code", "issuer_response_code", "network_response_code", "decline_code", "declinecode",
    "raw_response_code", "acquirer_response_code", "resp_code", "rc", "reason_code",
    # Nested, by parent and name (see _qualified): Stripe-like processor_response.code, CyberSource's
    # ccAuthReply_processorResponse (NVP) and ccAuthReply.processorResponse (SOAP), Opayo's DeclineCode.
    "processor_response_code", "ccauthreply_processorresponse", "issuer_response_code", "network_response_code",
    "bank_response_code",
)
MERCHANT_ADVICE_FIELDS = _names("merchant_advice_code", "merchantadvicecode", "mac", "recurring_data_code")


def _qualified(body: Any, depth: int = 5) -> dict[str, Any]:
    """Nested scalars under their parent's and their own folded names: processor_response.code ->
    processorresponsecode, ccAuthReply.processorResponse -> ccauthreplyprocessorresponse."""
    fields: dict[str, Any] = {}
    frontier: list[tuple[str, Any]] = [("", body)]
    for _ in range(depth):
        nested = []
        for parent, node in frontier:
            if isinstance(node, list) and node:
                node = node[0]
            if not isinstance(node, dict):
                continue
            for name, value in node.items():
                key = _key(str(name))
                if isinstance(value, (dict, list)):
                    nested.append((key, value))
                elif parent and value is not None and value != "":
                    fields.setdefault(parent + key, value)
        frontier = nested
    return fields


def iso_code_reason(fields: dict[str, Any], body: Any = None) -> tuple[ReasonEntry, str] | None:
    """A specific reason from a field holding a two-character issuer (ISO 8583) code, and the code."""
    if body is not None:
        fields = {**_qualified(body), **fields}
    for name in ISO_CODE_FIELDS:
        value = fields.get(name)
        if value is None or isinstance(value, bool):
            continue
        code = str(value).strip()
        if len(code) != 2:
            continue
        entry = ISO_TABLE.get(code.lower())
        if entry is not None and entry.reason is not FailureReason.UNKNOWN:
            return entry, code
    return None


def merchant_advice_type(fields: dict[str, Any]) -> DeclineType | None:
    """The decline type a Mastercard Merchant Advice Code states (02 try later: SOFT; 03 never: HARD)."""
    code = _text_of(fields, *MERCHANT_ADVICE_FIELDS)
    found = DECLINE_TYPE_TABLES["mastercard_mac"].get(code.zfill(2)) if code and code.isdigit() else None
    return found
