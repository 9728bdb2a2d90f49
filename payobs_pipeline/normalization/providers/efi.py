"""Efí (Efí Bank, formerly Gerencianet; Brazil): the Charges API (API Cobranças: boleto, credit card, carnê
and payment-link transactions) answers, its notification token and the notification detail, the Pix API
immediate charge (cob), the Pix webhook callback, and both APIs' error bodies.

Sources (Efí's developer documentation, dev.efipay.com.br, as its Docusaurus source is mirrored in
mpaivaana/error-report; Efí's own SDKs):
- "Status das Transações" (docs/api-cobrancas/status.md): transaction status new (charge created, no payment
  method yet), waiting (method chosen, awaiting confirmation), identified (payment identified before the money is
  credited), approved (approved by the card operator, not yet credited), paid, unpaid (payment could not be
  confirmed), refunded (returned by the merchant or by Efí), contested (in dispute), canceled (by the seller or
  the payer), settled (confirmed manually, "marcar como pago"), link (a payment link charge), expired (a payment
  link past its expire_at). Subscriptions: new, active, new_charge, canceled, expired; carnês: up_to_date, unpaid,
  finished. The same enums in efipay/sdk-node-apis-efi src/types/chargeResponses.ts (ChargeTransactionStatus,
  ChargeLinkStatus, ChargeSubscriptionStatus, ChargeCarnetStatus).
- Answers (sdk-node-apis-efi src/types/chargeResponses.ts): {code, data: {charge_id, total, status, custom_id,
  payment ("banking_billet" | "credit_card"), refusal {reason, retry} on a refused card (status unpaid), ...}};
  amounts are integer centavos ("total = 1040 isso é igual a R$10,40", docs/api-cobrancas/erros.md, code
  3500053), in reais only.
- "Notificações" (docs/api-cobrancas/notificacoes.md): Efí POSTs only a ``notification`` token (no outcome); the
  merchant GETs /v1/notification/:token, answered {code: 200, data: [{id, type (charge, subscription, carnet,
  subscription_charge, carnet_charge ...), custom_id, status {current, previous}, identifiers {charge_id |
  subscription_id | carnet_id}, value, received_by_bank_at, created_at}]}; "a última posição guarda sempre o
  último status".
- Charges API errors (docs/api-cobrancas/erros.md, "Códigos de erros retornado na API Cobranças", and the same
  table in efipay/Plugin-Wordpress-Efi includes/lib/gerencianet/errors.json): every code 3500000-3500100 and
  4600001-4699999 below. The error body carries ``code``, ``error`` and ``error_description`` (the SDK's
  docstrings: "os campos disponíveis no objeto serão code, error e error_description"). Card refusal reasons
  (``refusal.reason``) are listed only in a PDF ("Motivos de recusa de cartão") that is not among the sources:
  a refused card is GENERIC_DECLINE, SOFT when Efí says ``retry: true`` and HARD when ``retry: false``.
- Pix API, "Cobranças imediatas" (docs/api-pix/cobrancas-imediatas.md) and sdk-node-apis-efi src/types/pix.ts:
  cob {calendario, txid, revisao, loc, location, status ATIVA | CONCLUIDA | REMOVIDA_PELO_USUARIO_RECEBEDOR |
  REMOVIDA_PELO_PSP, devedor, valor {original: "123.45" (reais, major units)}, chave, pixCopiaECola, pix [...]};
  errors {nome, mensagem}: documento_bloqueado, chave_invalida, valor_invalido, txid_duplicado (409),
  erro_aplicacao (500), cobranca_nao_encontrada, status_cobranca_invalido; webhook_invalido (docs/api-pix/
  webhooks.md).
- Pix webhook callbacks (docs/api-pix/webhooks.md, "Recebendo Callbacks"): {"pix": [{endToEndId, txid, chave,
  valor, horario, infoPagador, gnExtras {pagador | split | tarifa}, devolucoes [{id, rtrId, valor, horario,
  status EM_PROCESSAMENTO | DEVOLVIDO | NAO_REALIZADO, motivo}]}]}; a Pix the account sent has tipo SOLICITACAO
  and status REALIZADO / NAO_REALIZADO with gnExtras.idEnvio: money out, kept as not a payment.

Currency: the Charges and Pix APIs move reais only (BRL); neither answer names a currency.

The Pix cob and callback shapes are the Central Bank's Pix API standard, which every Brazilian PSP implements:
only Efí's ``gnExtras`` marks a callback as Efí's; a cob without a hint is recognized by its shape.

Lifecycle identity: a Charges API transaction's charge_id is the attempt and, without the merchant's custom_id,
the payment; a Pix cob's txid is the payment and the Pix received (endToEndId) the attempt; a Pix refund is the
devolução's id.
"""

from __future__ import annotations

from payobs_pipeline.normalization.mapping import NOTIFICATION_WITHOUT_OUTCOME, UnmappedPayload

# Charges API transaction (and payment link) status.
CHARGE_STATUSES = {
    "new": "PENDING",
    "waiting": "PENDING",
    "identified": "PENDING",  # paid, money not yet credited
    "approved": "APPROVED",  # approved by the card operator, not yet credited
    "paid": "APPROVED",
    "settled": "APPROVED",  # marked paid manually
    "unpaid": "DECLINED",
    "refunded": "REFUNDED",
    "contested": "CHARGEBACK",
    "canceled": "CANCELLED",
    "link": "PENDING",
    "expired": "CANCELLED",
}

# Pix API cob status.
COB_STATUSES = {
    "ATIVA": "PENDING",
    "CONCLUIDA": "APPROVED",
    "REMOVIDA_PELO_USUARIO_RECEBEDOR": "CANCELLED",
    "REMOVIDA_PELO_PSP": "CANCELLED",
}

# Pix devolução (refund) status.
DEVOLUTION_STATUSES = {"EM_PROCESSAMENTO": "PENDING", "DEVOLVIDO": "REFUNDED", "NAO_REALIZADO": "DECLINED"}

# Charges API error codes (docs/api-cobrancas/erros.md).
CHARGE_ERRORS = {
    "3500000": "PROCESSING_ERROR",  # internal server error
    "3500001": "CONFIGURATION_ERROR",  # the application may not use this endpoint
    "3500002": "INVALID_REQUEST",
    "3500006": "CONFIGURATION_ERROR",  # total above the account's per-transaction limit
    "3500007": "INVALID_REQUEST",
    "3500008": "CONFIGURATION_ERROR",  # request not authorized
    "3500010": "INVALID_REQUEST",
    "3500018": "DUPLICATE",  # payment_token already used
    "3500021": "INVALID_REQUEST",
    "3500023": "INVALID_REQUEST",
    "3500025": "INVALID_REQUEST",
    "3500026": "INVALID_REQUEST",
    "3500029": "INVALID_REQUEST",
    "3500030": "INVALID_REQUEST",  # the transaction already has a payment method
    "3500032": "INVALID_REQUEST",
    "3500034": "INVALID_REQUEST",  # request data (see the request history)
    "3500036": "INVALID_REQUEST",
    "3500037": "INVALID_REQUEST",
    "3500038": "INVALID_REQUEST",
    "3500040": "INVALID_REQUEST",
    "3500041": "INVALID_REQUEST",
    "3500042": "INVALID_REQUEST",
    "3500043": "INVALID_REQUEST",
    "3500044": "INVALID_REQUEST",
    "3500049": "PROCESSING_ERROR",  # endpoint consumption limit exceeded
    "3500050": "CONFIGURATION_ERROR",  # invalid account identifier
    "3500051": "INVALID_REQUEST",
    "3500052": "INVALID_REQUEST",
    "3500053": "INVALID_REQUEST",
    "3500054": "INVALID_REQUEST",
    "3500055": "PROCESSING_ERROR",  # endpoint consumption limit exceeded
    "3500056": "INVALID_CARD_DATA",  # invalid card brand
    "3500057": "INVALID_REQUEST",
    "3500058": "INVALID_CARD_DATA",  # invalid card number
    "3500059": "INVALID_REQUEST",
    "3500060": "INVALID_REQUEST",
    "3500061": "INVALID_REQUEST",
    "3500062": "INVALID_CARD_DATA",  # invalid expiration month
    "3500063": "INVALID_REQUEST",
    "3500064": "INVALID_REQUEST",
    "3500066": "INVALID_REQUEST",
    "3500067": "INVALID_REQUEST",
    "3500068": "INVALID_REQUEST",
    "3500069": "INVALID_REQUEST",
    "3500070": "INVALID_REQUEST",
    "3500072": "CONFIGURATION_ERROR",  # emission blocked on the account / business activity not registered
    "3500073": "INVALID_REQUEST",
    "3500080": "INVALID_REQUEST",
    "3500081": "INVALID_REQUEST",
    "3500083": "INVALID_REQUEST",
    "3500084": "INVALID_REQUEST",
    "3500085": "INVALID_REQUEST",
    "3500086": "INVALID_REQUEST",
    "3500087": "CONFIGURATION_ERROR",  # endpoint for authorized clients only
    "3500088": "INVALID_REQUEST",
    "3500089": "INVALID_REQUEST",
    "3500090": "INVALID_REQUEST",
    "3500095": "INVALID_REQUEST",
    "3500097": "INVALID_REQUEST",
    "3500098": "INVALID_REQUEST",
    "3500100": "INVALID_REQUEST",
    "4600001": "INVALID_REQUEST",  # payment not found
    "4600002": "INVALID_REQUEST",
    "4600007": "INVALID_REQUEST",
    "4600035": "CONFIGURATION_ERROR",  # service unavailable for the account
    "4600036": "INVALID_REQUEST",  # below the R$ 5,00 minimum
    "4600037": "CONFIGURATION_ERROR",  # above the account's operational limit
    "4600057": "INVALID_REQUEST",
    "4600059": "INVALID_REQUEST",
    "4600060": "INVALID_REQUEST",
    "4600100": "TIMEOUT",
    "4600142": "INVALID_REQUEST",  # registration data inconsistent (CPF not the customer's)
    "4600209": "CONFIGURATION_ERROR",  # daily emission limit of the account
    "4600210": "DUPLICATE",  # three identical charges
    "4600211": "CONFIGURATION_ERROR",  # monthly emission limit of the account
    "4600222": "INVALID_REQUEST",  # payee and customer are the same person
    "4600224": "CONFIGURATION_ERROR",  # the App's authorization could not be validated
    "4600414": "INVALID_REQUEST",
    "4600523": "INVALID_REQUEST",
    "4699999": "PROCESSING_ERROR",  # unexpected failure
}

# Pix API error names.
PIX_ERRORS = {
    "valor_invalido": "INVALID_REQUEST",
    "cobranca_nao_encontrada": "INVALID_REQUEST",
    "status_cobranca_invalido": "INVALID_REQUEST",
    "documento_bloqueado": "CONFIGURATION_ERROR",
    "chave_invalida": "CONFIGURATION_ERROR",
    "webhook_invalido": "CONFIGURATION_ERROR",
    "txid_duplicado": "DUPLICATE",
    "erro_aplicacao": "PROCESSING_ERROR",
}

PAYMENT_METHODS = {"banking_billet": "BOLETO", "credit_card": "CARD", "carnet": "BOLETO"}

# Notification detail items that are no payment transaction.
BOOKKEEPING_TYPES = ["subscription", "carnet"]


def prepare(body):
    """The notification POST carries only the token to look the transaction up: no outcome to read."""
    if isinstance(body, dict) and set(body) == {"notification"}:
        raise UnmappedPayload(NOTIFICATION_WITHOUT_OUTCOME, "efi: notification token only; GET /v1/notification")
    return body


_STATUS_NAMES = [*CHARGE_STATUSES]

SPEC = {
    "provider": "efi",
    "aliases": ["efi", "efí", "efi bank", "efí bank", "efipay", "efi pay", "sejaefi", "gerencianet",
                "gerencia net"],
    "detect": [
        {"path": "data.charge_id", "exists": True, "weight": 0.4},
        {"path": "data.status", "in": _STATUS_NAMES, "weight": 0.1},
        {"path": "data.total", "exists": True, "weight": 0.1},
        {"path": "data.identifiers.charge_id", "exists": True, "weight": 0.4},
        {"path": "data.identifiers.subscription_id", "exists": True, "weight": 0.3},
        {"path": "data.identifiers.carnet_id", "exists": True, "weight": 0.3},
        {"path": "data.status.current", "exists": True, "weight": 0.2},
        {"path": "data.refusal.retry", "exists": True, "weight": 0.2},
        {"path": "error_description", "exists": True, "weight": 0.3},
        {"path": "code", "in": list(CHARGE_ERRORS), "weight": 0.3},
        {"path": "nome", "in": list(PIX_ERRORS), "weight": 0.3},
        {"path": "mensagem", "exists": True, "weight": 0.2},
        {"path": "pixCopiaECola", "exists": True, "weight": 0.3},
        {"path": "loc.tipoCob", "exists": True, "weight": 0.1},
        {"path": "calendario.expiracao", "exists": True, "weight": 0.1},
        {"path": "status", "in": list(COB_STATUSES), "weight": 0.1},
        {"path": "pix.gnExtras", "exists": True, "weight": 0.5},
        {"path": "pix.endToEndId", "exists": True, "weight": 0.2},
    ],
    "amount_unit": "minor",
    "default_currency": "BRL",
    "payment_method_map": PAYMENT_METHODS,
    "variants": [
        {
            "name": "charges_error",
            "match": {"code": {"in": list(CHARGE_ERRORS)}, "data": {"exists": False}},
            "status": "ERROR",
            "default_currency": None,
            "fields": {"reason_code": ["code"]},
            "reason_map": CHARGE_ERRORS,
        },
        {
            "name": "pix_error",
            "match": {"nome": {"exists": True}, "mensagem": {"exists": True}, "txid": {"exists": False}},
            "status": "ERROR",
            "default_currency": None,
            "fields": {"reason_code": ["nome"]},
            "reason_map": PIX_ERRORS,
        },
        {
            # GET /v1/notification/:token: the last item is the current status.
            "name": "notification_bookkeeping",
            "match": {"data.-1.type": {"in": BOOKKEEPING_TYPES}},
            "not_a_payment": "a subscription or carnê status change (its charges are notified on their own)",
        },
        {
            "name": "notification",
            "root": "data.-1",
            "match": {"data.-1.status.current": {"exists": True}},
            "fields": {
                "provider_transaction_id": ["identifiers.charge_id"],
                "status": ["status.current"],
                "amount": ["value"],
                "event_time": ["received_by_bank_at", "created_at"],
                "attempt_id": ["identifiers.charge_id"],
                "payment_id": ["custom_id", "identifiers.charge_id"],
            },
            "status_map": CHARGE_STATUSES,
            "rules": [{"when": {"status.current": "unpaid"}, "set": {"failure_reason": "GENERIC_DECLINE"}}],
        },
        {
            "name": "charge",
            "root": "data",
            "match": {"data.charge_id": {"exists": True}, "data.status": {"in": _STATUS_NAMES}},
            "fields": {
                "provider_transaction_id": ["charge_id"],
                "status": ["status"],
                "reason_code": ["refusal.reason", "reason"],
                "decline_type": ["refusal.retry"],
                "amount": ["total"],
                "event_time": ["created_at"],
                "payment_method": ["payment.method", "payment"],
                "attempt_id": ["charge_id"],
                "payment_id": ["custom_id", "charge_id"],
            },
            "status_map": CHARGE_STATUSES,
            "decline_type_map": {"true": "SOFT", "false": "HARD"},
            "rules": [{"when": {"status": "unpaid"}, "set": {"failure_reason": "GENERIC_DECLINE"}}],
        },
        {
            "name": "pix_cob",
            "match": {"txid": {"exists": True}, "status": {"in": list(COB_STATUSES)}},
            "event_kind": "PAYMENT",
            "amount_unit": "major",
            "fields": {
                "provider_transaction_id": ["txid"],
                "status": ["status"],
                "amount": ["valor.original"],
                "event_time": ["pix.-1.horario", "calendario.criacao"],
                "attempt_id": ["pix.-1.endToEndId"],
                "payment_id": ["txid"],
            },
            "status_map": COB_STATUSES,
            "default_payment_method": "PIX",
        },
        {
            "name": "pix_sent",
            "match": {"pix.tipo": {"exists": True}},
            "not_a_payment": "a Pix the account sent (tipo SOLICITACAO): money out",
        },
        {
            "name": "pix_devolution",
            "root": "pix.0",
            "match": {"pix.devolucoes.status": {"exists": True}},
            "event_kind": "REFUND",
            "amount_unit": "major",
            "fields": {
                "provider_transaction_id": ["devolucoes.-1.id"],
                "status": ["devolucoes.-1.status"],
                "reason_code": ["devolucoes.-1.motivo"],
                "amount": ["devolucoes.-1.valor"],
                "event_time": ["devolucoes.-1.horario.liquidacao", "devolucoes.-1.horario.solicitacao"],
                "attempt_id": ["endToEndId"],
                "payment_id": ["txid", "endToEndId"],
                "refund_id": ["devolucoes.-1.id"],
            },
            "status_map": DEVOLUTION_STATUSES,
            "reason_map": {"Saldo insuficiente para realizar a devolução.": "INSUFFICIENT_FUNDS"},
            "default_payment_method": "PIX",
        },
        {
            # A Pix received: the callback is sent when it is paid.
            "name": "pix_received",
            "root": "pix.0",
            "match": {"pix.endToEndId": {"exists": True}},
            "status": "APPROVED",
            "amount_unit": "major",
            "fields": {
                "provider_transaction_id": ["endToEndId"],
                "amount": ["valor"],
                "event_time": ["horario"],
                "attempt_id": ["endToEndId"],
                "payment_id": ["txid", "endToEndId"],
            },
            "default_payment_method": "PIX",
        },
    ],
}
