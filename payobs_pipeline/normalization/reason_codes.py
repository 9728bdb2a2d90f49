"""Backward-compatible name for the shared issuer-code table (see issuer_codes.py).

``ISO8583_REASONS`` here is the table a spec's ``"reason_fallback": "iso8583"``
consults: ISO 8583 field 39 plus the networks' two-character values (N7, 1A,
R0...). New code imports ``payobs_pipeline.normalization.issuer_codes``.
"""

from payobs_pipeline.normalization.issuer_codes import REASON_TABLE_SOURCES

ISO8583_REASONS: dict[str, object] = dict(REASON_TABLE_SOURCES["iso8583"])
