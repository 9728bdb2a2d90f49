"""Rows of payment providers nobody wrote a mapping for (Spanish, Portuguese, English, ISO-code and
key=value shapes): the truth's provider is ``UNKNOWN``, the hint (when present) names a PSP."""

from __future__ import annotations

import random
from datetime import datetime

from payobs_pipeline.synthetic.amounts import basket_amount, currency_exponent, major_units_number, major_units_text
from payobs_pipeline.synthetic.merchants import MERCHANTS_BY_COUNTRY
from payobs_pipeline.synthetic.provider_base import iso_utc
from payobs_pipeline.synthetic.randomness import (
    LOWERCASE_ALPHANUMERIC,
    UPPERCASE_ALPHANUMERIC,
    choice,
    random_digits,
    random_token,
    randrange,
    restricted_picker,
    weighted_picker,
)
from payobs_pipeline.synthetic.traffic_mix import DECLINE_REASON_SHARES
from payobs_pipeline.synthetic.vocabulary import FailureReason, PaymentMethod, StatusCategory, UNKNOWN_PROVIDER


STATUS_PICK = weighted_picker({StatusCategory.APPROVED: 0.78, StatusCategory.DECLINED: 0.10,
                               StatusCategory.PENDING: 0.02, StatusCategory.ERROR: 0.02, StatusCategory.UNKNOWN: 0.08})

SHAPE_PICK = weighted_picker({"es": 0.3, "pt": 0.2, "en": 0.25, "iso": 0.15, "kv": 0.1})

SPANISH_REASONS = {
    FailureReason.INSUFFICIENT_FUNDS: "fondos insuficientes",
    FailureReason.GENERIC_DECLINE: "transaccion no autorizada por el emisor",
    FailureReason.EXPIRED_CARD: "tarjeta vencida", FailureReason.INCORRECT_CVC: "cvv incorrecto",
    FailureReason.SUSPECTED_FRAUD: "sospecha de fraude",
    FailureReason.LIMIT_EXCEEDED: "excede el limite de la tarjeta",
}

PORTUGUESE_REASONS = {
    FailureReason.INSUFFICIENT_FUNDS: "saldo insuficiente", FailureReason.GENERIC_DECLINE: "transacao nao autorizada",
    FailureReason.EXPIRED_CARD: "cartao vencido", FailureReason.INCORRECT_CVC: "codigo de seguranca invalido",
    FailureReason.SUSPECTED_FRAUD: "suspeita de fraude",
}

ENGLISH_REASONS = {
    FailureReason.INSUFFICIENT_FUNDS: "insufficient_funds", FailureReason.GENERIC_DECLINE: "do_not_honor",
    FailureReason.EXPIRED_CARD: "expired_card",
    FailureReason.INCORRECT_CVC: "invalid_cvv", FailureReason.SUSPECTED_FRAUD: "suspected_fraud",
    FailureReason.LIMIT_EXCEEDED: "limit_exceeded",
}

ISO_8583_CODES = {
    FailureReason.INSUFFICIENT_FUNDS: "51", FailureReason.GENERIC_DECLINE: "05", FailureReason.EXPIRED_CARD: "54",
    FailureReason.INVALID_CARD_DATA: "14",
    FailureReason.INCORRECT_CVC: "N7", FailureReason.SUSPECTED_FRAUD: "59", FailureReason.LOST_OR_STOLEN_CARD: "41",
    FailureReason.LIMIT_EXCEEDED: "61",
    FailureReason.RESTRICTED_CARD: "62", FailureReason.TRANSACTION_NOT_PERMITTED: "57",
}

DECLINE_REASON_PICKS = {name: restricted_picker(DECLINE_REASON_SHARES, table)
                    for name, table in (("es", SPANISH_REASONS), ("pt", PORTUGUESE_REASONS), ("en", ENGLISH_REASONS),
                                        ("iso", ISO_8583_CODES), ("kv", ISO_8583_CODES))}

SHAPE_CURRENCIES = {"es": ("MXN", "COP", "ARS", "CLP", "PEN"), "pt": ("BRL",), "en": ("USD", "EUR", "GBP", "CAD"),
                    "iso": ("USD", "EUR", "GBP", "AUD"), "kv": ("USD", "MXN", "BRL")}

CURRENCY_COUNTRY = {"MXN": "MX", "COP": "CO", "ARS": "AR", "CLP": "CL", "PEN": "PE", "BRL": "BR", "USD": "US",
                    "EUR": "DE", "GBP": "GB", "CAD": "CA", "AUD": "AU"}


def unknown_provider_row(rng: random.Random, when: datetime) -> tuple[object, tuple, dict]:
    shape = SHAPE_PICK(rng)
    st = STATUS_PICK(rng)
    reason = None
    if st is StatusCategory.DECLINED:
        reason = DECLINE_REASON_PICKS[shape](rng)
    elif st is StatusCategory.ERROR:
        reason = FailureReason.PROCESSING_ERROR
    elif st is StatusCategory.UNKNOWN:
        reason = FailureReason.TIMEOUT
    currency = choice(rng, SHAPE_CURRENCIES[shape])
    merchant = choice(rng, MERCHANTS_BY_COUNTRY[CURRENCY_COUNTRY[currency]])
    minor = basket_amount(rng, currency)
    major = major_units_text(minor, currency)
    ts = iso_utc(when)
    method = PaymentMethod.CARD
    if shape == "es":
        txn = "TX-" + random_digits(rng, 10)
        metodo = "tarjeta" if st in (StatusCategory.DECLINED, StatusCategory.ERROR) or rng.random() < 0.7 else \
            ("oxxo" if currency == "MXN" else "transferencia")
        method = {"tarjeta": PaymentMethod.CARD, "oxxo": PaymentMethod.CASH_VOUCHER,
                  "transferencia": PaymentMethod.BANK_TRANSFER}[metodo]
        estado = {StatusCategory.APPROVED: "aprobado", StatusCategory.DECLINED: "rechazado",
                  StatusCategory.PENDING: "pendiente", StatusCategory.ERROR: "error",
                  StatusCategory.UNKNOWN: "sin_respuesta"}[st]
        data = {"txn_ref": txn, "estado": estado, "monto": major, "moneda": currency, "metodo_pago": metodo,
                "fecha": ts, "comercio": merchant["name"]}
        if reason is not None:
            data["motivo"] = SPANISH_REASONS.get(reason) or {FailureReason.PROCESSING_ERROR: "error de procesamiento",
                                                             FailureReason.TIMEOUT: "tiempo de espera agotado"}[reason]
    elif shape == "pt":
        # 10 digits: a 12-19 digit Luhn-valid id would be masked as a card number (pii.py), by design.
        txn = random_digits(rng, 10)
        forma = "cartao_credito" if st in (StatusCategory.DECLINED, StatusCategory.ERROR) or rng.random() < 0.55 else \
            choice(rng, ("pix", "boleto"))
        method = {"cartao_credito": PaymentMethod.CARD, "pix": PaymentMethod.PIX, "boleto": PaymentMethod.BOLETO}[forma]
        situacao = {StatusCategory.APPROVED: "aprovada", StatusCategory.DECLINED: "recusada",
                    StatusCategory.PENDING: "pendente", StatusCategory.ERROR: "erro",
                    StatusCategory.UNKNOWN: "sem_resposta"}[st]
        data = {"id_transacao": txn, "situacao": situacao, "valor": major_units_number(minor, currency),
                "moeda": currency,
                "forma_pagamento": forma, "data_criacao": ts}
        if reason is not None:
            data["motivo_recusa"] = PORTUGUESE_REASONS.get(reason) or {
                FailureReason.PROCESSING_ERROR: "erro de processamento", FailureReason.TIMEOUT: "tempo esgotado"}[reason]
    elif shape == "en":
        txn = "txn_" + random_token(rng, 16, LOWERCASE_ALPHANUMERIC)
        status = {StatusCategory.APPROVED: choice(rng, ("success", "approved", "captured")),
                  StatusCategory.DECLINED: "declined",
                  StatusCategory.PENDING: "pending", StatusCategory.ERROR: "error",
                  StatusCategory.UNKNOWN: "timeout"}[st]
        data = {"transaction_id": txn, "status": status, "amount": major, "currency": currency,
                "payment_method": "card", "created": ts}
        if st is StatusCategory.DECLINED:
            data["decline_reason"] = ENGLISH_REASONS[reason]
        elif st is StatusCategory.ERROR:
            data["error"] = "processing_error"
    elif shape == "iso":
        txn = random_token(rng, 12, UPPERCASE_ALPHANUMERIC)
        result = {StatusCategory.APPROVED: "APPROVED", StatusCategory.DECLINED: "DECLINED",
                  StatusCategory.PENDING: "PENDING", StatusCategory.ERROR: "ERROR",
                  StatusCategory.UNKNOWN: "TIMEOUT"}[st]
        rc = ISO_8583_CODES[reason] if st is StatusCategory.DECLINED else \
            {StatusCategory.APPROVED: "00", StatusCategory.PENDING: None, StatusCategory.ERROR: "96",
             StatusCategory.UNKNOWN: "68"}[st]
        data = {"ref": txn, "result": result, "amount_cents": minor, "currency_code": currency, "response_code": rc,
                "card_last4": f"{randrange(rng, 10000):04d}", "timestamp": ts}
        if currency_exponent(currency) != 2:  # "cents" only means minor units of a two-decimal currency
            currency = "USD"
            data["currency_code"] = currency
    else:
        txn = random_digits(rng, 9)
        result = {StatusCategory.APPROVED: "approved", StatusCategory.DECLINED: "declined",
                  StatusCategory.PENDING: "pending", StatusCategory.ERROR: "error",
                  StatusCategory.UNKNOWN: "timeout"}[st]
        rc = ISO_8583_CODES[reason] if st is StatusCategory.DECLINED else \
            {StatusCategory.APPROVED: "00", StatusCategory.PENDING: "", StatusCategory.ERROR: "96",
             StatusCategory.UNKNOWN: "68"}[st]
        text = f"txn={txn};result={result};rc={rc};amt={major};cur={currency};method=card;ts={ts}"
        data = {"content": text, "content_type": "text/plain"} if rng.random() < 0.5 else {"content": text}
    truth = (UNKNOWN_PROVIDER, st, reason, minor, currency, method, txn, None)
    return data, truth, merchant
