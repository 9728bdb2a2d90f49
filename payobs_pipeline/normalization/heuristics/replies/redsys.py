"""Redsys (Spain, TPV Virtual) replies and notifications: ``Ds_Response`` in Redsys' own numbering (family ``redsys``).

Source: Redsys "Códigos de respuesta" / Ds_Response table and Ds_TransactionType of the Manual de
integración con el TPV Virtual (cited at the tables).
"""

from __future__ import annotations

import re
from typing import Any

from payobs_pipeline.normalization.heuristics.common import _ST, ReplyReading, _coded, _text_of
from payobs_pipeline.normalization.providers.redsys import DENIALS
from payobs_pipeline.normalization.taxonomy import EventKind, PaymentMethod


# Redsys (Spain, TPV Virtual): Ds_Response, a four-digit code of Redsys' own numbering (Sermepa), sometimes
# sent without its leading zero ("190" for 0190). It is read only inside this family, never as ISO 8583.
# Redsys "Códigos de respuesta" / Ds_Response table (Manual de integración con el TPV Virtual, reproduced at
# www.uviseo.com/noticia/15/codigos-respuesta-tpv-virtual-redsys and
# alejandrolopez123.com/122-php16/438-codigos-de-resultado-error-de-los-tpvs-de-redsys-antes-sermepa):
# "0000 a 0099 Transacción autorizada para pagos y preautorizaciones"; "900 Transacción autorizada para
# devoluciones y confirmaciones"; "400 Transacción autorizada para anulaciones"; the other codes deny.
# Ds_Amount is in the currency's minor units and Ds_Currency its ISO 4217 numeric code (978 EUR).
REDSYS_CODES = _coded(DENIALS)  # one table: the Redsys spec's (providers/redsys.py), cited there
# Ds_TransactionType (Ds_Merchant_TransactionType in the same manual): 0 autorización, 1 preautorización,
# 2 confirmación de preautorización, 3 devolución automática, 9 anulación de preautorización,
# O autorización en diferido, P confirmación de autorización en diferido, Q anulación de autorización en diferido.
_REDSYS_KINDS = {"2": EventKind.CAPTURE, "p": EventKind.CAPTURE, "3": EventKind.REFUND, "9": EventKind.VOID,
                 "q": EventKind.VOID}


def _redsys(f: dict[str, Any]) -> ReplyReading | None:
    code = _text_of(f, "dsresponse")
    if code is None or not ({"dsorder", "dsmerchantcode"} & f.keys()) or not re.fullmatch(r"\d{1,4}", code):
        return None
    padded = code.zfill(4)
    ids = ("dsorder", "dsauthorisationcode")
    type_kind = _REDSYS_KINDS.get((_text_of(f, "dstransactiontype") or "").lower())
    amount = (f.get("dsamount"), f.get("dscurrency"), "minor") if "dscurrency" in f else None
    # Ds_Card_Number (the masked card number) and Ds_Card_Brand (1 Visa, 2 Mastercard...) are sent for a card
    # payment only (Redsys notification parameters, same manual): a card.
    method = PaymentMethod.CARD if {"dscardnumber", "dscardbrand"} & f.keys() else None
    if padded <= "0099":
        return ReplyReading("redsys", _ST.APPROVED, code, True, agrees=type_kind is None, ids=ids,
                            kind=type_kind if type_kind is EventKind.CAPTURE else None, amount=amount, method=method)
    if padded == "0900":  # authorised refund or confirmation: the type says which
        kind = type_kind if type_kind in (EventKind.REFUND, EventKind.CAPTURE) else None
        return ReplyReading("redsys", _ST.APPROVED, code, kind is not None, agrees=True, ids=ids, kind=kind,
                            amount=amount)
    if padded == "0400":  # authorised cancellation
        return ReplyReading("redsys", _ST.CANCELLED, code, True, agrees=True, ids=ids, kind=EventKind.VOID,
                            amount=amount)
    known = REDSYS_CODES.get(padded)
    if known is None:  # a code the table does not document: deferred
        return ReplyReading("redsys", _ST.DECLINED, code, False, raw_reason=code, ids=ids, amount=amount,
                            method=method)
    return ReplyReading("redsys", known[0], code, True, known[1], code, True, ids, kind=type_kind, amount=amount,
                        method=method)
