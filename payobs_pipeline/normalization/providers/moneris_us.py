"""Moneris USA (eSELECTplus US gateway): the Canadian receipt format, settled in US dollars.

Same documents as :mod:`.moneris` (the US API returns the same ``<response><receipt>`` and Hosted
Paypage variables, per the Moneris US eSELECTplus integration guide); a US store's account currency is
USD. A ``moneris_us`` / ``Moneris USA`` hint picks this mapping; without a hint the shape cannot tell the
two gateways apart and the Canadian mapping (first by name) is used.
"""

from __future__ import annotations

from payobs_pipeline.normalization.providers.moneris import SPEC as _CANADA
from payobs_pipeline.normalization.providers.moneris import prepare as _prepare

prepare = _prepare

SPEC = {
    **_CANADA,
    "aliases": ["moneris_us", "moneris us", "moneris usa", "moneris_usa", "eselectplus_us", "moneris_eselectplus_us",
                "monerisus"],
    "default_currency": "USD",
}
