"""Status, reason and payment-method words in English, Spanish and Portuguese.

``STATUS_WORDS`` turns a status value ("aprobado", "recusada", "timed_out") into a status
category; ``REASON_WORDS`` and ``reason_from_text`` turn a code or a message ("51 - SALDO
INSUFICIENTE", "do_not_honor", "tarjeta bloqueada") into a failure reason, a two-character issuer
code first through the shared ISO 8583 table (issuer_codes.py); ``METHOD_WORDS`` turns a method
value into a payment method. The generic reader (generic_reader.py) and the reply families
(replies/) both read words through these tables. A timeout is an unknown outcome, never a decline
(docs/taxonomy.md).
"""

from __future__ import annotations

import re
from typing import Any

from payobs_pipeline.normalization.mapping import REASON_TABLES, ReasonEntry, _reason_entry, table_entry
from payobs_pipeline.normalization.taxonomy import FailureReason, PaymentMethod, StatusCategory


_S = StatusCategory
STATUS_WORDS: dict[str, StatusCategory] = {
    **dict.fromkeys(
        ["approved", "approve", "success", "succeeded", "successful", "paid", "captured", "settled", "completed",
         "complete", "authorized", "authorised", "accepted", "ok", "aprobado", "aprobada", "aprovado", "aprovada",
         "pagado", "pagada", "pago", "paga", "autorizado", "autorizada", "confirmado", "confirmada", "concluido",
         "concluida", "liquidado", "liquidada", "acreditado", "acreditada", "exitoso", "exitosa", "sucesso",
         "capturado", "capturada", "approval", "txn_success", "transaction_success"],
        _S.APPROVED,
    ),
    **dict.fromkeys(
        ["declined", "decline", "refused", "rejected", "denied", "failed", "rechazado", "rechazada", "denegado",
         "denegada", "recusado", "recusada", "negado", "negada", "rejeitado", "rejeitada", "reprovado",
         "reprovada", "no_autorizado", "nao_autorizado", "fallido", "fallida", "not_authorized",
         "not_authorised", "not_approved", "txn_failure", "transaction_failure"],
        _S.DECLINED,
    ),
    **dict.fromkeys(["error", "erro", "errored", "system_error", "falha", "falla"], _S.ERROR),
    # No answer in time: the outcome is unknown, never a decline (docs/taxonomy.md).
    **dict.fromkeys(
        ["timeout", "timed_out", "unknown", "indeterminado", "desconocido", "no_response", "sin_respuesta",
         "sem_resposta", "tiempo_agotado", "tempo_esgotado"],
        _S.UNKNOWN,
    ),
    **dict.fromkeys(
        ["pending", "processing", "in_process", "in_progress", "created", "initiated", "waiting", "pendiente",
         "pendente", "en_proceso", "em_processamento", "processando", "aguardando", "aguardando_pagamento",
         "em_analise", "en_revision", "requires_action", "authorizing", "txn_pending"],
        _S.PENDING,
    ),
    **dict.fromkeys(
        ["cancelled", "canceled", "voided", "void", "expired", "abandoned", "cancelado", "cancelada", "anulado",
         "anulada", "expirado", "expirada", "vencido", "vencida"],
        _S.CANCELLED,
    ),
    **dict.fromkeys(
        ["refunded", "refund", "partially_refunded", "reembolsado", "reembolsada", "devuelto", "devuelta",
         "estornado", "estornada", "devolvido", "devolvida", "reversed"],
        _S.REFUNDED,
    ),
    **dict.fromkeys(
        ["chargeback", "charged_back", "chargedback", "disputed", "dispute", "contracargo", "contestado",
         "contestada", "disputa"],
        _S.CHARGEBACK,
    ),
}

_R = FailureReason
# Keyword → reason, first match wins, so the more specific phrases come first.
REASON_WORDS: tuple[tuple[re.Pattern[str], FailureReason], ...] = tuple(
    (re.compile(pattern), reason)
    for pattern, reason in [
        (r"sufficient funds|insufficient|fondos insuficientes|saldo insuficiente|sin fondos|not enough|nsf",
         _R.INSUFFICIENT_FUNDS),
        (r"expired card|card expired|expirad|vencid", _R.EXPIRED_CARD),
        (r"cvv|cvc|security code|codigo de seguridad|código de seguridad|codigo de seguranca", _R.INCORRECT_CVC),
        (r"stolen|lost card|robad|perdid|roubad", _R.LOST_OR_STOLEN_CARD),
        (r"suspected fraud|fraud|fraude", _R.SUSPECTED_FRAUD),
        (r"risk|riesgo|risco|blacklist|blocked by", _R.RISK_REJECTED),
        (r"limit|límite|limite|velocity", _R.LIMIT_EXCEEDED),
        (r"timeout|timed out|tiempo de espera|tempo esgotado", _R.TIMEOUT),
        (r"3ds|3-d secure|authentication failed|autenticaci|autenticaç", _R.AUTHENTICATION_FAILED),
        (r"invalid card|card number|tarjeta inv|cartão inv|cartao inv|numero de tarjeta", _R.INVALID_CARD_DATA),
        (r"restricted|blocked card|tarjeta bloqueada|cartão bloqueado|cartao bloqueado", _R.RESTRICTED_CARD),
        (r"duplicat", _R.DUPLICATE),
        (r"not permitted|not allowed|no permitid|não permitid|nao permitid", _R.TRANSACTION_NOT_PERMITTED),
        (r"issuer unavailable|emisor no disponible|emissor indispon", _R.ISSUER_UNAVAILABLE),
        (r"do not honou?r|generic|declined by issuer|no autorizad|não autorizad|nao autorizad", _R.GENERIC_DECLINE),
        (r"processing error|system error|internal error|error de procesamiento|erro de processamento",
         _R.PROCESSING_ERROR),
    ]
)

_M = PaymentMethod
METHOD_WORDS: dict[str, PaymentMethod] = {
    # "cc": a credit card (Beanstream/Bambora paymentMethod CC, "Table of Beanstream Response Variables").
    **dict.fromkeys(["card", "credit_card", "debit_card", "credit", "debit", "cc", "tarjeta", "tarjeta_credito",
                     "cartao", "cartao_credito", "credito", "debito", "visa", "mastercard", "amex"], _M.CARD),
    "pix": _M.PIX,
    "boleto": _M.BOLETO,
    **dict.fromkeys(["oxxo", "efecty", "pagofacil", "rapipago", "baloto", "cash", "voucher", "ticket",
                     "efectivo", "pago_efectivo", "store", "paynet", "convenience_store"], _M.CASH_VOUCHER),
    **dict.fromkeys(["wallet", "paypal", "apple_pay", "google_pay", "mercadopago", "account_money",
                     "digital_wallet", "billetera"], _M.WALLET),
    **dict.fromkeys(["bank_transfer", "transfer", "spei", "pse", "transferencia", "ted", "wire", "ach_credit",
                     "bank_account"],
                    _M.BANK_TRANSFER),
    **dict.fromkeys(["direct_debit", "sepa", "sepa_debit", "ach", "debito_automatico"], _M.DIRECT_DEBIT),
    **dict.fromkeys(["bnpl", "klarna", "affirm", "afterpay", "installments_bnpl"], _M.BNPL),
}


def _word(value: Any) -> str:
    return re.sub(r"[\s\-]+", "_", str(value).strip().lower())


def reason_from_text(text: str) -> FailureReason | None:
    """A failure reason from a code or a message, in English, Spanish or Portuguese.

    A two-character issuer code (ISO 8583 field 39, Visa's N7, 1A...) is read through the shared
    table (issuer_codes.py), also written before its text ("51 - SALDO INSUFICIENTE").
    """
    iso = table_entry((REASON_TABLES["iso8583"],), text)
    if iso is not None and iso.reason is not FailureReason.UNKNOWN:
        return iso.reason
    # Codes spell words with underscores or hyphens: do_not_honor, expired-card.
    lowered = re.sub(r"[_\-]+", " ", text.lower())
    for pattern, reason in REASON_WORDS:
        if pattern.search(lowered):
            return reason
    return None


_TIMEOUT_WORDS = frozenset(
    {"timeout", "timed_out", "no_response", "sin_respuesta", "sem_resposta", "tiempo_agotado", "tempo_esgotado"}
)


def _text_entry(text: str | None, default: str | None) -> ReasonEntry | None:
    """The reason a family's message states in words ("Insufficient funds"), else the family's default."""
    found = reason_from_text(text) if text else None
    if found is not None and found is not FailureReason.UNKNOWN:
        return _reason_entry(str(found))
    return _reason_entry(default) if default else None


def _method_word(value: Any) -> PaymentMethod | None:
    return METHOD_WORDS.get(_word(value)) if value is not None and not isinstance(value, bool) else None
