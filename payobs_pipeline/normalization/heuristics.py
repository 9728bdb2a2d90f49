"""Heuristic normalizer for payloads of providers we have no mapping for.

It looks for canonical fields under common names (English, Spanish and
Portuguese: ``amount``/``monto``/``valor``, ``status``/``estado``/``situacao``)
and reads status and reason words from value dictionaries. It returns an event
with a confidence; the cascade keeps it only above a configurable threshold,
otherwise the payload is deferred rather than guessed.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from payobs_pipeline.normalization import currency as currency_codes
from payobs_pipeline.normalization.event_time import parse_event_time
from payobs_pipeline.normalization.mapping import REASON_TABLES, CanonicalEvent, UnmappedPayload
from payobs_pipeline.normalization.taxonomy import (
    UNKNOWN_PROVIDER,
    FAILURE_STATUSES,
    KIND_OF_STATUS,
    REASON_DEFAULTS,
    EventKind,
    FailureReason,
    PaymentMethod,
    StatusCategory,
)

DEFAULT_THRESHOLD = 0.7


def _names(*names: str) -> tuple[str, ...]:
    return tuple(_key(n) for n in names)


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


STATUS_FIELDS = _names(
    "status", "state", "result", "outcome", "transaction_status", "payment_status", "txn_status", "estado",
    "estado_pago", "estatus", "situacion", "situacao", "status_pagamento", "resultado", "resultcode",
)
REASON_FIELDS = _names(
    "reason_code", "decline_code", "decline_reason", "failure_code", "failure_reason", "error_code", "response_code",
    "reason", "error", "error_message", "message", "motivo", "motivo_rechazo", "codigo_error", "razon", "codigo_motivo",
    "motivo_recusa", "mensagem", "status_detail", "detail", "rc", "resp_code", "return_code",
    # Free-text fields last: a reason is taken from them only when its words are recognized.
    "action_description", "response_text", "response_message", "resp_desc", "description",
)
AMOUNT_FIELDS = _names(
    "approved_transaction_amount", "captured_amount", "amount", "amt", "total", "total_amount",
    "transaction_amount", "amount_value", "value", "monto", "importe",
    "monto_total", "valor", "valor_total", "quantia", "sum",
)
MINOR_AMOUNT_FIELDS = _names("amount_cents", "amount_minor", "cents", "centavos", "amount_in_cents", "minor_amount")
CURRENCY_FIELDS = _names("currency", "currency_code", "cur", "ccy", "iso_currency", "moneda", "divisa", "moeda")
ID_FIELDS = _names(
    "transaction_id", "txn_id", "txn_ref", "payment_id", "id", "reference", "ref", "order_id", "id_transaccion",
    "referencia", "transacao_id", "id_transacao", "codigo", "txn", "tx_id", "trans_id",
)
TIME_FIELDS = _names(
    "created_at", "created", "timestamp", "event_time", "date", "datetime", "time", "fecha", "fecha_creacion",
    "data", "data_criacao", "data_transacao", "processed_at", "updated_at", "ts",
)
METHOD_FIELDS = _names(
    "payment_method", "method", "payment_type", "payment_method_type", "tipo_pago", "metodo_pago", "medio_pago",
    "forma_pagamento", "meio_pagamento", "forma_pago",
)
COUNTRY_FIELDS = _names("country", "country_code", "pais", "billing_country")
# Fields that say what a document is (a refund, a capture...), read for its lifecycle kind.
TYPE_FIELDS = _names(
    "type", "transaction_type", "txn_type", "operation", "operation_type", "event", "event_type", "kind", "tipo",
    "tipo_transaccion", "tipo_operacion", "tipo_transacao", "operacao",
)
# Ids whose names say whose they are: a refund's or a dispute's own id, and the payment it refers to.
REFUND_ID_FIELDS = _names(
    "refund_id", "id_refund", "reembolso_id", "id_reembolso", "estorno_id", "id_estorno", "devolucion_id",
    "id_devolucion",
)
DISPUTE_ID_FIELDS = _names(
    "dispute_id", "chargeback_id", "contracargo_id", "id_contracargo", "disputa_id", "id_disputa",
)
PARENT_ID_FIELDS = _names(
    "original_transaction_id", "parent_transaction_id", "parent_payment_id", "original_payment_id", "parent_id",
    "original_id", "payment_id", "charge_id", "authorization_id", "id_transaccion_original", "transacao_original",
    "id_pago", "id_pagamento",
)
# Fields only a card payment has: with no method field, they say the method is a card.
CARD_EVIDENCE_FIELDS = _names(
    "card_last4", "last4", "last_four", "card_last_four", "card_bin", "bin", "card_brand", "masked_pan",
    "card_number", "pan", "ultimos_digitos", "ultimos4", "bandeira",
)

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
    **dict.fromkeys(["card", "credit_card", "debit_card", "credit", "debit", "tarjeta", "tarjeta_credito",
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


def _flatten(body: Any) -> dict[str, Any]:
    """Scalar fields of the document and of its nested objects (two levels), by folded name.

    Top-level names win over nested ones; this keeps ``status`` of the payment
    ahead of ``customer.status``.
    """
    fields: dict[str, Any] = {}
    frontier = [body]
    for _ in range(3):
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


def _word(value: Any) -> str:
    return re.sub(r"[\s\-]+", "_", str(value).strip().lower())


def reason_from_text(text: str) -> FailureReason | None:
    """A failure reason from a code or a message, in English, Spanish or Portuguese."""
    iso = REASON_TABLES["iso8583"].get(text.strip().lower())
    if iso is not None:
        return iso.reason
    # Codes spell words with underscores or hyphens: do_not_honor, expired-card.
    lowered = re.sub(r"[_\-]+", " ", text.lower())
    for pattern, reason in REASON_WORDS:
        if pattern.search(lowered):
            return reason
    return None


def normalize(
    body: Any, provider: str | None = None, amount_unit: str | None = None
) -> CanonicalEvent | UnmappedPayload | None:
    """A best-effort canonical event with a confidence, an amount/currency error, or None.

    ``amount_unit`` ("minor"/"major") is the detected provider's known unit, when there is one.
    """
    fields = _flatten(body)
    _, raw_status = _first(fields, STATUS_FIELDS)
    if raw_status is None or isinstance(raw_status, bool):
        return None
    status = STATUS_WORDS.get(_word(raw_status))
    if status is None:
        return None
    confidence = 0.5
    # The kind: a type field naming a refund, dispute, void or capture, else what the status implies
    # (refunded, charged back, voided).
    kind = _kind_of_type(fields) or KIND_OF_STATUS.get(status)
    if kind is None and _word(raw_status) == "voided":
        kind = EventKind.VOID
    kind = kind or EventKind.AUTHORIZATION
    status = _status_of_kind(kind, status)

    amount_minor = currency = None
    _, raw_currency = _first(fields, CURRENCY_FIELDS)
    _, raw_minor = _first(fields, MINOR_AMOUNT_FIELDS)
    _, raw_amount = _first(fields, AMOUNT_FIELDS)
    if raw_currency is not None and (raw_minor is not None or raw_amount is not None):
        try:
            currency = currency_codes.normalize_currency(str(raw_currency))
            if raw_minor is not None:
                amount_minor = currency_codes.to_minor_units(raw_minor, currency, "minor")
                confidence += 0.2
            elif amount_unit is not None:  # a known provider's new shape: its unit is known
                amount_minor = currency_codes.to_minor_units(raw_amount, currency, amount_unit)
                confidence += 0.2
            else:
                amount_minor = currency_codes.to_minor_units(raw_amount, currency, "major")
                if isinstance(raw_amount, str) or _has_decimal_point(raw_amount) \
                        or currency_codes.minor_unit_exponent(currency) == 0:
                    confidence += 0.2  # text amounts are written in major units
                else:
                    # A JSON integer in a currency with cents is major or minor units (Razorpay's 50000
                    # paise is 500 rupees): a wrong guess is off by 100x, so it costs confidence.
                    confidence -= 0.1
        except currency_codes.AmountError as exc:
            return UnmappedPayload(exc.reason_code, f"heuristic: {exc}")

    _, raw_id = _first(fields, ID_FIELDS)
    if raw_id is not None:
        confidence += 0.1
    _, raw_time = _first(fields, TIME_FIELDS)
    event_time = parse_event_time(raw_time) if raw_time is not None else None
    if event_time is not None:
        confidence += 0.1

    reason = source = decline_type = None
    _, raw_reason = _first(fields, REASON_FIELDS)
    if status in FAILURE_STATUSES:
        # The first reason field may hold a code we do not know while the next one holds its message.
        reason = next((found for name in REASON_FIELDS if name in fields
                       if (found := reason_from_text(str(fields[name]))) is not None), None)
        if reason is None:
            reason = FailureReason.TIMEOUT if _word(raw_status) in _TIMEOUT_WORDS else FailureReason.UNKNOWN
            confidence -= 0.1
        source, decline_type = REASON_DEFAULTS[reason]

    _, raw_method = _first(fields, METHOD_FIELDS)
    if raw_method is not None:
        method = METHOD_WORDS.get(_word(raw_method), PaymentMethod.OTHER)
    else:
        method = PaymentMethod.CARD if _first(fields, CARD_EVIDENCE_FIELDS)[0] else None
    _, raw_country = _first(fields, COUNTRY_FIELDS)
    country = str(raw_country).upper() if raw_country and len(str(raw_country)) == 2 else None

    transaction_id = str(raw_id) if raw_id is not None else None
    refund_id = dispute_id = attempt_id = None
    if kind is EventKind.AUTHORIZATION:
        attempt_id = transaction_id
    else:
        # Only where the names say whose id it is: a refund_id beside a payment_id, or an id beside one.
        own_names = REFUND_ID_FIELDS if kind is EventKind.REFUND else DISPUTE_ID_FIELDS
        own_name, own_value = _first(fields, own_names)
        parent_name, parent_value = _first(fields, PARENT_ID_FIELDS)
        if own_name is None and parent_name is not None and kind in (EventKind.REFUND, EventKind.DISPUTE):
            own_value = fields.get("id")
        attempt_id = _text_id(parent_value)
        if kind is EventKind.REFUND:
            refund_id = _text_id(own_value)
        elif kind is EventKind.DISPUTE:
            dispute_id = _text_id(own_value)

    return CanonicalEvent(
        provider=provider or UNKNOWN_PROVIDER,
        status_category=status,
        failure_reason=reason,
        failure_source=source,
        decline_type=decline_type,
        raw_status=str(raw_status),
        raw_reason_code=str(raw_reason) if raw_reason is not None and status in FAILURE_STATUSES else None,
        amount_minor=amount_minor,
        currency=currency,
        event_time=event_time,
        payment_method=method,
        card_brand=None,
        country=None,
        customer_country=country if country and country.isalpha() else None,
        provider_transaction_id=transaction_id,
        merchant_id=None,
        merchant_name=None,
        variant="heuristic",
        normalization_method="heuristic",
        confidence=round(min(confidence, 1.0), 3),
        event_kind=kind,
        attempt_id=attempt_id,
        refund_id=refund_id,
        dispute_id=dispute_id,
    )


# Word stems in a type field, and the kind they say. "auth_and_capture" or "sale" is an authorization.
_KIND_STEMS: tuple[tuple[tuple[str, ...], EventKind], ...] = (
    (("chargeback", "contracargo", "disput", "contestac"), EventKind.DISPUTE),
    (("refund", "reembols", "estorn", "devolucion", "devolucao"), EventKind.REFUND),
    (("void", "anulacion", "cancelamento"), EventKind.VOID),
    (("captur",), EventKind.CAPTURE),
)
_AUTHORIZATION_TOKENS = frozenset(
    {"auth", "authorization", "authorisation", "authorize", "sale", "purchase", "autorizacion", "autorizacao"}
)


def _kind_of_type(fields: dict[str, Any]) -> EventKind | None:
    """The lifecycle kind a type/operation/event field names, when its words say so clearly."""
    for name in TYPE_FIELDS:
        value = fields.get(name)
        if not isinstance(value, str):
            continue
        folded = value.lower().translate(_ACCENTS)
        tokens = [t for t in re.split(r"[^a-z0-9]+", folded) if t]
        for stems, kind in _KIND_STEMS:
            if any(token.startswith(stems) for token in tokens):
                if kind is EventKind.CAPTURE and _AUTHORIZATION_TOKENS.intersection(tokens):
                    return None
                return kind
    return None


_ACCENTS = str.maketrans("áéíóúãõçâêô", "aeiouaocaeo")


def _status_of_kind(kind: EventKind, status: StatusCategory) -> StatusCategory:
    """The status conventions of a non-authorization kind (a succeeded refund is REFUNDED...)."""
    if kind is EventKind.DISPUTE:
        return StatusCategory.CHARGEBACK
    if kind is EventKind.REFUND:
        if status is StatusCategory.APPROVED:
            return StatusCategory.REFUNDED
        if status is StatusCategory.ERROR:
            return StatusCategory.DECLINED
    if kind is EventKind.VOID:
        if status is StatusCategory.APPROVED:
            return StatusCategory.CANCELLED
        if status in (StatusCategory.DECLINED, StatusCategory.UNKNOWN):
            return StatusCategory.ERROR
    return status


def _text_id(value: Any) -> str | None:
    return str(value) if value is not None and not isinstance(value, bool) else None


_TIMEOUT_WORDS = frozenset(
    {"timeout", "timed_out", "no_response", "sin_respuesta", "sem_resposta", "tiempo_agotado", "tempo_esgotado"}
)


def _has_decimal_point(value: Any) -> bool:
    if isinstance(value, float):
        return True
    if isinstance(value, str):
        try:
            Decimal(value)
        except InvalidOperation:
            return False
        return "." in value or "," in value
    return False
