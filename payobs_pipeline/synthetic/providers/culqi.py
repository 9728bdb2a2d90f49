"""Culqi (Peru) in its own words: charges and card-error objects. The noisy low-volume provider of
incident scenarios (never in the default mix).

Ground truth written from Culqi's documentation (docs.culqi.com, "Denegaciones"), independently of
normalization/providers/culqi.py."""

from __future__ import annotations

from payobs_pipeline.synthetic.amounts import basket_amount
from payobs_pipeline.synthetic.payments import Payment, random_card
from payobs_pipeline.synthetic.provider_base import ProviderRenderer
from payobs_pipeline.synthetic.randomness import random_digits, random_token, restricted_picker, weighted_picker
from payobs_pipeline.synthetic.traffic_mix import DECLINE_REASON_SHARES, STATUS_SHARES
from payobs_pipeline.synthetic.vocabulary import EventKind, FailureReason, PaymentMethod, StatusCategory


# Merchants of the noisy provider only: kept out of MERCHANTS so the default generation is unchanged.
CULQI_MERCHANTS: tuple[dict, ...] = (
    {"id": "m_01HQ7ZM6", "name": "Lima Gourmet", "country": "PE"},
    {"id": "m_01HQ7ZQ1", "name": "Arequipa Artesanías", "country": "PE"},
    {"id": "m_01HQ7ZQ2", "name": "Cusco Trekking", "country": "PE"},
)


# Culqi's charge decline codes (docs.culqi.com, "Denegaciones": the error object's decline_code) with
# their merchant messages, by canonical reason.
CULQI_MESSAGES = {
    "insufficient_funds": "La tarjeta no tiene fondos suficientes para realizar la compra.",
    "contact_issuer": "La operación fue denegada por el banco emisor de la tarjeta.",
    "issuer_decline_operation": "La operación fue denegada por el banco emisor de la tarjeta.",
    "expired_card": "La tarjeta está vencida o la fecha de vencimiento ingresada es incorrecta.",
    "stolen_card": "La tarjeta fue bloqueada y reportada al banco emisor como una tarjeta robada.",
    "lost_card": "La tarjeta fue bloqueada y reportada al banco emisor como una tarjeta perdida.",
    "invalid_cvv": "El código de seguridad (CVV2, CVC2, CID) de la tarjeta es inválido.",
    "fraudulent": "La operación fue considerada fraudulenta por el banco emisor.",
    "issuer_not_available": "El banco que emitió la tarjeta no responde.",
}


class CulqiRenderer(ProviderRenderer):
    name = "culqi"
    declines = {
        FailureReason.INSUFFICIENT_FUNDS: ["insufficient_funds"],
        FailureReason.GENERIC_DECLINE: ["contact_issuer", "issuer_decline_operation"],
        FailureReason.EXPIRED_CARD: ["expired_card"],
        FailureReason.LOST_OR_STOLEN_CARD: ["stolen_card", "lost_card"],
        FailureReason.INCORRECT_CVC: ["invalid_cvv"],
        FailureReason.SUSPECTED_FRAUD: ["fraudulent"],
        FailureReason.ISSUER_UNAVAILABLE: ["issuer_not_available"],
    }
    statuses = frozenset({StatusCategory.APPROVED, StatusCategory.DECLINED})
    pending_capable = False

    def __init__(self) -> None:  # its merchants are its own (CULQI_MERCHANTS), not PROVIDER_COUNTRIES'
        self.status_pick = restricted_picker(STATUS_SHARES, self.statuses)
        self.decline_pick = restricted_picker(DECLINE_REASON_SHARES, self.declines)
        self.error_pick = self.unknown_pick = None
        self.merchant_pick = weighted_picker({("PE", m["id"]): 1 for m in CULQI_MERCHANTS})
        self._merchants = {m["id"]: m for m in CULQI_MERCHANTS}

    def new_payment(self, rng, needs_card):
        _, merchant_id = self.merchant_pick(rng)
        pay = Payment(self.name, self._merchants[merchant_id], "PE", "PEN", basket_amount(rng, "PEN"),
                      "chr_live_" + random_token(rng, 16), "card", "charge", random_card(rng), False, {})
        return pay

    def render(self, rng, pay, out, when):
        st, reason, code = out
        if st is StatusCategory.APPROVED:  # POST /v2/charges: the charge object
            c = pay.card
            data = {
                "duplicated": False, "object": "charge", "id": pay.txn_id, "amount": pay.amount_minor,
                "amount_refunded": 0, "current_amount": pay.amount_minor, "installments": 0,
                "installments_amount": None, "currency_code": pay.currency,
                "email": f"cliente{random_digits(rng, 4)}@example.pe",
                "description": "Pedido " + random_digits(rng, 6),
                "source": {"object": "token", "id": "tkn_live_" + random_token(rng, 16), "type": "card",
                           "card_number": f"{c.bin}******{c.last4}", "last_four": c.last4,
                           "iin": {"object": "iin", "bin": c.bin, "card_brand": c.label, "card_type": "crédito"}},
                "outcome": {"type": "venta_exitosa", "code": "AUT0000",
                            "merchant_message": "La operación de venta ha sido autorizada exitosamente",
                            "user_message": "Su compra ha sido exitosa."},
                "creation_date": int(when.timestamp() * 1000), "reference_code": random_token(rng, 10),
                "authorization_code": random_token(rng, 6), "metadata": {}, "capture": True,
            }
            return data, self.expected(pay, out, PaymentMethod.CARD)
        # A refused charge: Culqi answers with an error object naming the charge (no amount in it).
        data = {"object": "error", "type": "card_error", "charge_id": pay.txn_id, "code": "card_declined",
                "decline_code": code, "merchant_message": CULQI_MESSAGES[code],
                "user_message": "Su tarjeta fue rechazada. Intente con otra tarjeta o contacte a su banco."}
        return data, (self.name, st, reason, None, None, PaymentMethod.CARD, pay.txn_id, None, EventKind.AUTHORIZATION)


CULQI = CulqiRenderer()
