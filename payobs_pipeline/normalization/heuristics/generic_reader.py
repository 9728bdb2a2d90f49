"""The heuristic normalizer: a payload of a provider we have no mapping for, read into an event
with a confidence.

It looks for canonical fields under common names (English, Spanish and Portuguese:
``amount``/``monto``/``valor``, ``status``/``estado``/``situacao``) and reads status and reason
words from value dictionaries (words.py). A gateway family's reply (replies/) is read first: its
own fields state the outcome. The event carries a confidence; the cascade (normalize.py) keeps it
only above a configurable threshold (``DEFAULT_THRESHOLD``), otherwise the payload is deferred
rather than guessed.

With no status field, a webhook's event name stating an outcome in its last word (``payment.succeeded``,
``PAYMENT_FAILED``) is the status word. The confidence: 0.5 for a status word of the generic fields; 0.6 for a family's stated outcome
(0.7 when a second field of the family agrees), 0.3 when the family's value does not state the
outcome; +0.2 for an amount with its currency in a known unit (-0.1 for a bare JSON integer whose
unit is a guess), +0.1 for a transaction id, +0.1 for an event time, -0.1 for a failure with no
known reason; a reply whose outcome is not stated is capped at 0.5, and any event at 1.0.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from payobs_pipeline.normalization import currency as currency_codes
from payobs_pipeline.normalization.event_time import parse_event_time
from payobs_pipeline.normalization.heuristics.common import _ERROR_REASONS, _first, _flatten, _names, _text_of, _unwrap
from payobs_pipeline.normalization.heuristics.issuer_code_fields import (
    MERCHANT_ADVICE_FIELDS,
    iso_code_reason,
    merchant_advice_type,
)
from payobs_pipeline.normalization.heuristics.replies import REPLY_TEXT_FIELDS, read_reply
from payobs_pipeline.normalization.heuristics.replies.sips import _expand
from payobs_pipeline.normalization.heuristics.words import (
    _TIMEOUT_WORDS,
    METHOD_WORDS,
    STATUS_WORDS,
    _word,
    reason_from_text,
)
from payobs_pipeline.normalization.issuer_codes import MASTERCARD_ADVICE_REASONS
from payobs_pipeline.normalization.event import CanonicalEvent
from payobs_pipeline.normalization.mapping import UnmappedPayload
from payobs_pipeline.normalization.taxonomy import (
    FAILURE_STATUSES,
    KIND_OF_STATUS,
    REASON_DEFAULTS,
    UNKNOWN_PROVIDER,
    EventKind,
    FailureReason,
    PaymentMethod,
    StatusCategory,
)


DEFAULT_THRESHOLD = 0.7


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


def normalize(
    body: Any, provider: str | None = None, amount_unit: str | None = None
) -> CanonicalEvent | UnmappedPayload | None:
    """A best-effort canonical event with a confidence, an amount/currency error, or None.

    ``amount_unit`` ("minor"/"major") is the detected provider's known unit, when there is one.
    """
    fields = _flatten(body)
    reading = read_reply(body, provider)
    if reading is not None:
        # A gateway family's reply: its own fields say the outcome (see REPLY_FAMILIES).
        fields = {**_expand(_flatten(_unwrap(body), depth=5)), **fields}
        raw_status, status = reading.raw_status, reading.status
        confidence = 0.6 + (0.1 if reading.agrees else 0.0) if reading.certain else 0.3
    else:
        _, raw_status = _first(fields, STATUS_FIELDS)
        if raw_status is None or isinstance(raw_status, bool):
            raw_status, status = _event_name_outcome(fields)
        else:
            status = STATUS_WORDS.get(_word(raw_status))
        if status is None:
            return None
        confidence = 0.5
    # The kind: a type field naming a refund, dispute, void or capture, else what the status implies
    # (refunded, charged back, voided).
    kind = (reading.kind if reading is not None else None) or _kind_of_type(fields) or KIND_OF_STATUS.get(status)
    if kind is None and _word(raw_status) == "voided":
        kind = EventKind.VOID
    kind = kind or EventKind.AUTHORIZATION
    status = _status_of_kind(kind, status)

    amount_minor = currency = None
    _, raw_currency = _first(fields, CURRENCY_FIELDS)
    _, raw_minor = _first(fields, MINOR_AMOUNT_FIELDS)
    _, raw_amount = _first(fields, AMOUNT_FIELDS)
    if reading is not None and reading.amount is not None:
        # The family's own amount and currency fields, in the unit its documentation states.
        family_amount, raw_currency, family_unit = reading.amount
        raw_minor, raw_amount = (family_amount, None) if family_unit == "minor" else (None, family_amount)
        if family_unit == "major":
            amount_unit = "major"
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

    _, raw_id = _first(fields, (*(reading.ids if reading else ()), *ID_FIELDS))
    if raw_id is not None:
        confidence += 0.1
    _, raw_time = _first(fields, TIME_FIELDS)
    event_time = parse_event_time(raw_time) if raw_time is not None else None
    if event_time is not None:
        confidence += 0.1

    reason = source = decline_type = None
    _, raw_reason = _first(fields, REASON_FIELDS)
    if status in FAILURE_STATUSES:
        entry = reading.entry if reading else None
        if reading is not None and reading.raw_reason is not None:
            raw_reason = reading.raw_reason
        if entry is not None:
            reason = entry.reason
        else:
            # The first reason field may hold a code we do not know while the next one holds its message.
            names = (*REASON_FIELDS, *(REPLY_TEXT_FIELDS if reading else ()))
            texts = [str(fields[name]) for name in names if name in fields]
            if reading is not None and reading.reason_text is not None:
                texts.insert(0, reading.reason_text)
            reason = next((found for text in texts if (found := reason_from_text(text)) is not None), None)
        # A generic decline yields to the issuer's own code where a field carries one ("51", "N7").
        if reason in (None, FailureReason.GENERIC_DECLINE, FailureReason.UNKNOWN):
            issuer = iso_code_reason(fields, body)
            # A family's stated decline keeps its reason against an issuer code naming a system error.
            if issuer is not None and reading is not None and reading.entry is not None \
                    and issuer[0].reason in _ERROR_REASONS:
                issuer = None
            if issuer is not None and (reason is None or issuer[0].reason is not FailureReason.GENERIC_DECLINE):
                entry, raw_reason = issuer
                reason = entry.reason
        if reason is None or reason is FailureReason.UNKNOWN:
            reason = FailureReason.TIMEOUT if _word(raw_status) in _TIMEOUT_WORDS else FailureReason.UNKNOWN
            entry = None
            confidence -= 0.1
        source, decline_type = REASON_DEFAULTS[reason]
        if entry is not None and entry.reason is reason:
            source = entry.source or source
            decline_type = entry.decline_type or decline_type
        advice = _text_of(fields, *MERCHANT_ADVICE_FIELDS)
        if advice in MASTERCARD_ADVICE_REASONS and reason in (FailureReason.GENERIC_DECLINE, FailureReason.UNKNOWN):
            reason = FailureReason(str(MASTERCARD_ADVICE_REASONS[advice]))  # MAC 21: the cardholder cancelled
            source = REASON_DEFAULTS[reason][0]
        decline_type = merchant_advice_type(fields) or decline_type
    if reading is not None and not reading.certain:
        confidence = min(confidence, 0.5)  # an outcome the reply does not state: deferred, never guessed

    _, raw_method = _first(fields, METHOD_FIELDS)
    if reading is not None and reading.method is not None:
        method = reading.method  # the family's own method field, read in its own words (ECPay PaymentType)
    elif raw_method is not None:
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
        variant=f"heuristic:{reading.family}" if reading else "heuristic",
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


# Fields naming a webhook's event ("payment.succeeded", "PAYMENT_FAILED", "checkout.session.expired").
EVENT_NAME_FIELDS = _names("event", "event_type", "type", "topic", "event_name", "notification_type", "webhook_type")


def _event_name_outcome(fields: dict[str, Any]) -> tuple[str | None, StatusCategory | None]:
    """With no status field: the outcome a payment event's name states in its last word (``payment.succeeded``,
    ``charge_refunded``); (name, None) for a payment event naming none (``payment.created``), (None, None) for
    no payment event name."""
    for name in EVENT_NAME_FIELDS:
        value = fields.get(name)
        if not isinstance(value, str):
            continue
        tokens = [t for t in re.split(r"[._:/\s-]+", value.strip().lower()) if t]
        if len(tokens) >= 2 and _EVENT_OBJECTS.intersection(tokens[:-1]):
            return value, STATUS_WORDS.get(tokens[-1]) if tokens[-1] in _EVENT_OUTCOMES else None
    return None, None


# What an event name must be about (a payout, an invoice, a subscription or a customer is no payment attempt) and
# the last words that state an outcome ("created" and "updated" do not, nor "completed": Flutterwave sends
# charge.completed for failed charges too, developer.flutterwave.com/docs/webhooks).
_EVENT_OBJECTS = frozenset({
    "payment", "payments", "charge", "transaction", "txn", "order", "checkout", "refund", "dispute", "chargeback",
    "capture", "authorization", "authorisation", "sale", "purchase", "pago", "pagamento", "cobranca",
})
_EVENT_OUTCOMES = frozenset({
    "succeeded", "success", "successful", "paid", "captured", "authorized", "authorised",
    "approved", "failed", "declined", "refused", "rejected", "canceled", "cancelled", "voided", "expired",
    "refunded", "reversed", "pending", "chargeback", "disputed", "aprobado", "rechazado", "aprovado", "recusado",
})


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
