"""BACEN API Pix charges (cob/cobv): ``status`` beside ``txid``/``revisao``/``chave``, in BRL.

Family ``bacen_pix_cob``.

Sources: bacen.github.io/pix-api ("CobCompleta"/"CobStatus") and the Manual de Padrões para
Iniciação do Pix (cited at the table). Round 3 of the gateways with no mapping (see
replies/__init__.py).
"""

from __future__ import annotations

from typing import Any

from payobs_pipeline.normalization.heuristics.common import _ST, ReplyReading, _text_of
from payobs_pipeline.normalization.taxonomy import PaymentMethod


# BACEN Pix API (API Pix, Banco Central do Brasil, bacen.github.io/pix-api, schema "CobCompleta"/"CobStatus"):
# a cob (immediate charge) or cobv (charge with a due date) has txid, revisao, calendario, chave, valor and
# status "ATIVA" (created, awaiting payment), "CONCLUIDA" (paid), "REMOVIDA_PELO_USUARIO_RECEBEDOR" (removed
# by the receiving user), "REMOVIDA_PELO_PSP" (removed by the PSP). valor.original is a decimal string in
# reais ("\d{1,10}\.\d{2}"); Pix settles in BRL only (the BR Code's transaction currency, EMV field 53, is
# always 986 = BRL, Manual de Padrões para Iniciação do Pix).
PIX_COB_STATUSES = {"ativa": _ST.PENDING, "concluida": _ST.APPROVED,
                    "removida_pelo_usuario_recebedor": _ST.CANCELLED, "removida_pelo_psp": _ST.CANCELLED}


def _bacen_pix_cob(f: dict[str, Any]) -> ReplyReading | None:
    status = _text_of(f, "status")
    if status is None or not {"txid", "revisao", "chave"} <= f.keys():
        return None
    known = PIX_COB_STATUSES.get(status.lower())
    if known is None:
        return None
    amount = (f.get("original"), "BRL", "major") if "original" in f else None
    return ReplyReading("bacen_pix_cob", known, status, True, ids=("txid",), amount=amount,
                        method=PaymentMethod.PIX)
