"""x402 facilitator settlement answers: ``success`` beside ``transaction`` and ``network`` (family ``x402_settle``).

Source: the x402 protocol specification (github.com/coinbase/x402, specs/x402-specification-v2.md,
"SettlementResponse": success (whether the payment was settled on-chain), errorReason (why not), payer (the
paying wallet), transaction (the settlement transaction hash), network (a CAIP-2 chain id such as
"eip155:8453", or a v1 network name)), as the facilitator libraries' SettleResponse types restate it
(x402/facilitator: ``{success, errorReason?, payer?, transaction, network}``; error codes insufficient_funds,
invalid_* / unsupported_* for a payload or requirements the facilitator refused, unexpected_settle_error).

Why a payments team stores it: a settle answer is the final outcome of one payment (a stablecoin transfer from
the payer to the merchant's payTo address for an HTTP resource), the x402 counterpart of a capture reply. x402
is a protocol served by several facilitators (Coinbase CDP and others), not one gateway, so it is read here
among the families of gateways with no mapping (provider UNKNOWN, or the hint's word). The answer carries no
amount or asset (they are in the payment requirements), so none is read; the method is OTHER (a
crypto-asset transfer is none of the taxonomy's methods).
"""

from __future__ import annotations

import re
from typing import Any

from payobs_pipeline.normalization.heuristics.common import _ST, ReplyReading, _entries, _text_of
from payobs_pipeline.normalization.taxonomy import PaymentMethod

# errorReason values of a failed settlement (see the module docstring). A payload or requirement the
# facilitator refused is a request error (ERROR); a payer without the funds is a decline.
X402_SETTLE_ERRORS = {
    "insufficient_funds": ("DECLINED", "INSUFFICIENT_FUNDS"),
    "unexpected_settle_error": ("ERROR", "PROCESSING_ERROR"),
}
_REQUEST_ERROR_PREFIXES = ("invalid_", "unsupported_")
_REASONS = _entries({code: reason for code, (_status, reason) in X402_SETTLE_ERRORS.items()})
_REQUEST_ERROR = _entries({"invalid_request": "INVALID_REQUEST"})["invalid_request"]
# CAIP-2 chain ids (namespace:reference) or the v1 network names of the specification.
_NETWORK = re.compile(r"^(eip155|solana):[A-Za-z0-9]+$|^(base|base-sepolia|avalanche|avalanche-fuji|polygon|"
                      r"polygon-amoy|solana|solana-devnet|iotex|sei|sei-testnet)$")


def _x402_settle(f: dict[str, Any]) -> ReplyReading | None:
    success = f.get("success")
    network = _text_of(f, "network")
    if not isinstance(success, bool) or not ({"transaction", "errorreason"} & f.keys()) or network is None \
            or not _NETWORK.match(network):
        return None
    ids = ("transaction",)
    if success:
        return ReplyReading("x402_settle", _ST.APPROVED, "success", True, ids=ids, method=PaymentMethod.OTHER)
    reason = _text_of(f, "errorreason")
    code = reason.lower() if reason else None
    if code in X402_SETTLE_ERRORS:
        status = _ST(X402_SETTLE_ERRORS[code][0])
        # The documented errorReason confirms the failure (a second field agreeing).
        return ReplyReading("x402_settle", status, "failure", True, _REASONS[code], reason, agrees=True, ids=ids,
                            method=PaymentMethod.OTHER)
    if code and code.startswith(_REQUEST_ERROR_PREFIXES):
        return ReplyReading("x402_settle", _ST.ERROR, "failure", True, _REQUEST_ERROR, reason, agrees=True, ids=ids,
                            method=PaymentMethod.OTHER)
    # success false without a documented errorReason: not settled, why is not said (stays below the threshold).
    return ReplyReading("x402_settle", _ST.DECLINED, "failure", True, None, reason, ids=ids,
                        method=PaymentMethod.OTHER)
