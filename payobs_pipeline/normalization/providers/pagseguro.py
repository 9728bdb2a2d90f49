"""PagBank (PagSeguro): Orders/Charges API (orders, charges, Pix QR codes, boleto), webhooks, API errors, and the
classic PagSeguro v2/v3 XML transaction.

Sources (PagBank / PagSeguro developer documentation):
- https://developer.pagbank.com.br/reference/objeto-charge (charge: id CHAR_..., status AUTHORIZED / PAID /
  IN_ANALYSIS / DECLINED / CANCELED / WAITING, created_at, paid_at, reference_id, amount.value in centavos,
  amount.currency "BRL", amount.summary {total, paid, refunded}, payment_response {code, message, reference,
  raw_data {authorization_code, nsu, reason_code, merchant_advice_code}}, payment_method {type, card.brand})
- https://dev.pagbank.uol.com.br/reference/objeto-order (order: id ORDE_..., reference_id, charges[], qr_codes[])
- https://developer.pagbank.com.br/docs/motivos-de-compra-negada (payment_response.code 20000 SUCESSO; declines
  ABECS-compliant (Normativo 21) with the issuer's code in raw_data.reason_code; 10000 NAO AUTORIZADO PELO
  PAGSEGURO; 10001 excesso de re-tentativas; 10002 motivo inesperado / fora da normativa 21; 10003 transação
  inválida para o processamento solicitado; 10004 restrição referente ao padrão da transação)
- https://developer.pagbank.com.br/reference/codigos-de-erro-order (4xx body ``{"error_messages": [{"code",
  "description", "parameter_name"}]}`` or one ``{"code", "description", "parameter_name"}``; 40001
  required_parameter, 40002 invalid_parameter; HTTP 400/401/403/404/409)
- https://developer.pagbank.com.br/docs/codigos-de-status (HTTP status meanings: 401 credentials, 5xx PagBank side)
- https://developer.pagbank.com.br/reference/codigos-de-erro-checkout (``{"error_messages": [{"error": ...}]}``)
- https://developer.pagbank.com.br/v1/docs/api-notificacao-funcionalidades and
  https://dev.pagseguro.uol.com.br/v1.0/docs/recorrencia-guia-tabelas-de-status-e-erros (classic transaction status
  1 Aguardando pagamento, 2 Em análise, 3 Paga, 4 Disponível, 5 Em disputa, 6 Devolvida, 7 Cancelada, 8 Debitado,
  9 Retenção temporária)
- https://developer.pagbank.com.br/v1/reference/definicao-status-exemplos (``{"transaction_code", "status": {"id",
  "description"}}`` status responses)
- https://developer.pagbank.com.br/v1/reference/redirect-apendice (classic XML ``<errors><error><code>``:
  10001-10003 credentials, 11xxx request fields)
- PagSeguro API de Pagamentos v2 (``<transaction>``: code, reference, type, status, cancellationSource INTERNAL /
  EXTERNAL, paymentMethod {type 1 card, 2 boleto, 3 débito online, 4 saldo PagSeguro, 5 Oi Paggo, 7 depósito em
  conta, 11 Pix; code 101 Visa ... 107 Elo ...}, grossAmount in reais) and the classic notification
  (``notificationCode`` + ``notificationType``: an id to fetch)
Verification: the PagBank 2xxxx decline-code table (motivos-de-compra-negada) could be read only in part (20000,
10000-10004 and the 20017 example): a decline is explained by its issuer code (raw_data.reason_code, ABECS) first;
the classic XML shape and the paymentMethod type/code tables are from the PagSeguro v2/v3 reference as known to the
author. PagSeguro International (COMPLETE, UNDER-REVIEW, NOT-PAID...) is not covered.
Amounts: Orders API in centavos; classic XML grossAmount in reais (major units). Boleto and Pix waiting to be paid
are PENDING.

Lifecycle identity: a charge (CHAR_) is one attempt; its order (ORDE_) is the payment. A classic transaction's
``code`` is the attempt and the merchant's ``reference`` the payment; its refund and dispute states are the
transaction's (no ids of their own).
"""

from payobs_pipeline.normalization.mapping import NOTIFICATION_WITHOUT_OUTCOME, UnmappedPayload
from payobs_pipeline.normalization.providers._abecs import ABECS_REASONS

CHARGE_STATUSES = {
    "AUTHORIZED": "APPROVED",  # pré-autorizada
    "PAID": "APPROVED",  # paga (capturada)
    "IN_ANALYSIS": "PENDING",  # PagBank analisando o risco
    "DECLINED": "DECLINED",  # negada pelo PagBank ou emissor
    "CANCELED": "CANCELLED",  # cancelada (a paid one: refunded, see rules)
    "WAITING": "PENDING",  # aguardando pagamento (boleto, Pix)
}

# payment_response.code: PagBank's own codes (the issuer's ABECS code is raw_data.reason_code, read first).
_PAGBANK_CODES = {
    "10000": {"reason": "RISK_REJECTED", "source": "PSP_RISK"},  # NAO AUTORIZADO PELO PAGSEGURO
    "10001": {"reason": "LIMIT_EXCEEDED", "source": "PSP_RISK", "decline_type": "HARD"},  # excesso de re-tentativas
    "10002": "GENERIC_DECLINE",  # motivo de compra negada inesperado ou fora da normativa 21
    "10003": "INVALID_REQUEST",  # transação inválida para o processamento solicitado
    "10004": {"reason": "RISK_REJECTED", "source": "PSP_RISK"},  # restrição referente ao padrão da transação
}
REASONS = {**ABECS_REASONS, **_PAGBANK_CODES}

PAYMENT_METHODS = {"CREDIT_CARD": "CARD", "DEBIT_CARD": "CARD", "BOLETO": "BOLETO", "PIX": "PIX"}

# API error codes (error_messages[].code / error): by HTTP family.
_ERROR_CODES = {
    "40001": "INVALID_REQUEST",  # required_parameter
    "40002": "INVALID_REQUEST",  # invalid_parameter
    "required_parameter": "INVALID_REQUEST",
    "invalid_parameter": "INVALID_REQUEST",
    "invalid_value": "INVALID_REQUEST",
    "UNAUTHORIZED": "CONFIGURATION_ERROR",
    "invalid_authorization_header": "CONFIGURATION_ERROR",
    "allowlist_access_required": "CONFIGURATION_ERROR",
    "ACCESS_DENIED": "CONFIGURATION_ERROR",
    "FORBIDDEN": "CONFIGURATION_ERROR",
    "NOT_FOUND": "INVALID_REQUEST",
    "INTERNAL_SERVER_ERROR": "PROCESSING_ERROR",
}
_ERROR_RULES = [
    {"when": {"error_messages.0.code": {"prefix": ["400", "404", "42"]}}, "set": {"failure_reason": "INVALID_REQUEST"}},
    {"when": {"error_messages.0.code": {"prefix": ["401", "403"]}}, "set": {"failure_reason": "CONFIGURATION_ERROR"}},
    {"when": {"error_messages.0.code": {"prefix": "409"}}, "set": {"failure_reason": "DUPLICATE"}},
    {"when": {"error_messages.0.code": {"prefix": "5"}}, "set": {"failure_reason": "PROCESSING_ERROR"}},
]

_CHARGE_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status"],
    # The issuer's ABECS code is the most specific; PagBank's own code otherwise.
    "reason_code": ["payment_response.raw_data.reason_code", "payment_response.code"],
    "amount": ["amount.value"],
    "currency": ["amount.currency"],
    "event_time": ["paid_at", "created_at", "^created_at"],
    "payment_method": ["payment_method.type"],
    "card_brand": ["payment_method.card.brand"],
    # Mastercard's merchant advice code (03/21 never retry) decides the decline type.
    "decline_type": ["payment_response.raw_data.merchant_advice_code"],
    "attempt_id": ["id"],
}
_CHARGE_RULES = [
    # A paid charge that is canceled is refunded (estorno); an unpaid one is voided.
    {"when": {"status": "CANCELED"}, "set": {"event_kind": "VOID"}},
    # A charge created with payment_method.capture false stops at AUTHORIZED (pre-authorization); it is PAID only
    # once captured (developer.pagbank.com.br/reference/capturar-pagamento-pre-autorizado: the capture reply is
    # the charge, status PAID, its payment_method.capture still false): that reply is the capture.
    {"when": {"status": "PAID", "payment_method.capture": False}, "set": {"event_kind": "CAPTURE"}},
    {"when": {"status": "CANCELED", "paid_at": {"exists": True}},
     "set": {"status_category": "REFUNDED", "event_kind": "REFUND"}},
]

# Classic XML transaction (v2/v3).
CLASSIC_STATUSES = {
    "1": "PENDING",  # Aguardando pagamento
    "2": "PENDING",  # Em análise
    "3": "APPROVED",  # Paga
    "4": "APPROVED",  # Disponível
    "5": "CHARGEBACK",  # Em disputa (the buyer opened a dispute)
    "6": "REFUNDED",  # Devolvida
    "7": "CANCELLED",  # Cancelada (a card refused by the issuer or PagSeguro: see rules)
    "8": "CHARGEBACK",  # Debitado: the amount went back to the buyer after a dispute/chargeback
    "9": "CHARGEBACK",  # Retenção temporária: the buyer opened a chargeback with the card issuer
}
CLASSIC_METHODS = {
    "1": "CARD",  # Cartão de crédito
    "2": "BOLETO",
    "3": "BANK_TRANSFER",  # Débito online (TEF)
    "4": "WALLET",  # Saldo PagSeguro
    "5": "WALLET",  # Oi Paggo
    "7": "BANK_TRANSFER",  # Depósito em conta
    "8": "CARD",  # Cartão de débito
    "11": "PIX",
}
# paymentMethod.code of a card: the brand.
CLASSIC_BRANDS = {
    "101": "visa", "102": "mastercard", "103": "amex", "104": "diners", "105": "hipercard", "106": "aura",
    "107": "elo", "108": "plenocard", "109": "personalcard", "110": "jcb", "111": "discover", "112": "brasilcard",
    "113": "fortbrasil", "114": "cardban", "115": "valecard", "116": "cabal", "117": "mais", "118": "avista",
    "119": "grandcard", "120": "sorocred",
}
_CLASSIC_FIELDS = {
    "provider_transaction_id": ["code"],
    "status": ["status"],
    # PagSeguro names them grossAmount, lastEventDate, paymentMethod; a copy that went through an HTML-style XML
    # parser (tag names case-folded) spells them in lower case: the same fields.
    "amount": ["grossAmount", "grossamount"],
    "event_time": ["lastEventDate", "lasteventdate", "date"],
    "payment_method": ["paymentMethod.type", "paymentmethod.type"],
    "card_brand": ["_brand"],
    "attempt_id": ["code"],
    "payment_id": ["reference"],
}
_CLASSIC_RULES = [
    # A card refused by the issuer ends as "Cancelada" from an EXTERNAL source; by PagSeguro's risk analysis,
    # INTERNAL. A boleto cancelled unpaid stays CANCELLED.
    {"when": {"status": "7", "cancellationSource": "EXTERNAL"},
     "set": {"status_category": "DECLINED", "failure_reason": "GENERIC_DECLINE"}},
    {"when": {"status": "7", "cancellationSource": "INTERNAL", "paymentMethod.type": "1"},
     "set": {"status_category": "DECLINED", "failure_reason": "RISK_REJECTED", "failure_source": "PSP_RISK"}},
]

SPEC = {
    "provider": "pagseguro",
    "aliases": ["pagseguro", "pagbank", "pag seguro", "pag_bank", "pagseguro_v2", "pagseguro_v3", "pagseguro_v4",
                "pagbank_orders", "uol pagseguro"],
    "detect": [
        {"path": "id", "prefix": ["ORDE_", "CHAR_"], "weight": 0.6},
        {"path": "charges.0.id", "prefix": "CHAR_", "weight": 0.4},
        {"path": "qr_codes.0.id", "prefix": "QRCO_", "weight": 0.4},
        {"path": "payment_response.code", "exists": True, "weight": 0.2},
        {"path": "error_messages.0.code", "exists": True, "weight": 0.3},
        {"path": "error_messages.0.error", "exists": True, "weight": 0.3},
        {"path": "error_messages.0.description", "exists": True, "weight": 0.2},
        {"path": "error_messages.0.parameter_name", "exists": True, "weight": 0.1},
        # Classic XML.
        {"path": "transaction.grossAmount", "exists": True, "weight": 0.3},
        {"path": "transaction.paymentMethod.type", "exists": True, "weight": 0.2},
        {"path": "transaction.code", "exists": True, "weight": 0.2},
        {"path": "transaction.status", "in": list(CLASSIC_STATUSES), "weight": 0.1},
        {"path": "transactionSearchResult.transactions", "exists": True, "weight": 0.5},
        {"path": "notificationCode", "exists": True, "weight": 0.4},
        {"path": "notificationType", "in": ["transaction", "preApproval", "applicationAuthorization"], "weight": 0.3},
        {"path": "transaction_code", "exists": True, "weight": 0.3},
        {"path": "status.description", "in": ["Aguardando pagamento", "Em análise", "Paga", "Disponível",
                                                "Em disputa", "Devolvida", "Cancelada", "Debitado",
                                                "Retenção temporária"], "weight": 0.3},
        {"path": "errors.error.code", "exists": True, "weight": 0.2},
        # Classic error body (developer.pagbank.com.br/v1/reference/redirect-apendice: <errors><error><code>
        # <message>; five-digit codes 10xxx credentials, 11xxx-19xxx request fields, 53xxx payment data).
        {"path": "errors.error.code", "prefix": ["10", "11", "12", "13", "14", "15", "17", "19", "53"],
         "weight": 0.2},
        {"path": "errors.error.message", "exists": True, "weight": 0.1},
        # Classic transaction as an HTML-style XML parser hands it over (tag names case-folded).
        {"path": "transaction.grossamount", "exists": True, "weight": 0.3},
        {"path": "transaction.paymentmethod.type", "exists": True, "weight": 0.2},
        {"path": "transaction.lastEventDate", "exists": True, "weight": 0.2},
        {"path": "transaction.lasteventdate", "exists": True, "weight": 0.2},
    ],
    "amount_unit": "minor",
    "default_currency": "BRL",
    "status_map": CHARGE_STATUSES,
    "reason_map": REASONS,
    "reason_fallback": "iso8583",
    "decline_type_fallback": "mastercard_mac",
    "payment_method_map": PAYMENT_METHODS,
    "variants": [
        {
            "name": "order_charge",
            "match": {"charges.0.id": {"exists": True}},
            "root": "charges.0",
            "fields": {**_CHARGE_FIELDS, "payment_id": ["^id"]},
            "rules": _CHARGE_RULES,
        },
        {
            # A Pix order before payment: its QR code awaits the customer; no charge (attempt) yet.
            "name": "order_pix_waiting",
            "match": {"qr_codes.0.id": {"exists": True}},
            "status": "PENDING",
            "event_kind": "PAYMENT",
            "fields": {
                "provider_transaction_id": ["id"],
                "amount": ["qr_codes.0.amount.value"],
                "event_time": ["created_at"],
                "payment_id": ["id"],
            },
            "default_payment_method": "PIX",
            "payment_method_map": {},
        },
        {
            "name": "charge",
            "match": {"id": {"prefix": "CHAR_"}},
            "fields": {**_CHARGE_FIELDS, "payment_id": ["order_id"]},
            "rules": _CHARGE_RULES,
        },
        {
            "name": "order_without_charge",
            "match": {"id": {"prefix": "ORDE_"}},
            "status": "PENDING",
            "event_kind": "PAYMENT",
            "fields": {"provider_transaction_id": ["id"], "event_time": ["created_at"], "payment_id": ["id"]},
        },
        {
            "name": "api_errors",
            "match": {"error_messages": {"exists": True}},
            "status": "ERROR",
            "default_currency": None,
            "fields": {"reason_code": ["error_messages.0.code", "error_messages.0.error"]},
            "reason_map": _ERROR_CODES,
            "reason_fallback": None,
            "rules": _ERROR_RULES,
        },
        {
            "name": "api_error",
            "match": {"code": {"exists": True}, "description": {"exists": True}, "id": {"exists": False}},
            "status": "ERROR",
            "default_currency": None,
            "fields": {"reason_code": ["code"]},
            "reason_map": _ERROR_CODES,
            "reason_fallback": None,
            "rules": [
                {"when": {"code": {"prefix": ["400", "404"]}}, "set": {"failure_reason": "INVALID_REQUEST"}},
                {"when": {"code": {"prefix": ["401", "403"]}}, "set": {"failure_reason": "CONFIGURATION_ERROR"}},
                {"when": {"code": {"prefix": "409"}}, "set": {"failure_reason": "DUPLICATE"}},
            ],
        },
        {
            "name": "classic_transaction",
            "match": {"transaction.code": {"exists": True}},
            "root": "transaction",
            "amount_unit": "major",
            "fields": _CLASSIC_FIELDS,
            "status_map": CLASSIC_STATUSES,
            "payment_method_map": CLASSIC_METHODS,
            "rules": _CLASSIC_RULES,
        },
        {
            "name": "classic_search_result",
            "match": {"transactionSearchResult.transactions.transaction.code": {"exists": True}},
            "root": "transactionSearchResult.transactions.transaction",
            "amount_unit": "major",
            "fields": _CLASSIC_FIELDS,
            "status_map": CLASSIC_STATUSES,
            "payment_method_map": CLASSIC_METHODS,
            "rules": _CLASSIC_RULES,
        },
        {
            "name": "transaction_status",
            "match": {"transaction_code": {"exists": True}, "status.id": {"exists": True}},
            "fields": {"provider_transaction_id": ["transaction_code"], "status": ["status.id"],
                       "attempt_id": ["transaction_code"]},
            "status_map": CLASSIC_STATUSES,
        },
        {
            "name": "classic_errors",
            "match": {"errors.error": {"exists": True}},
            "status": "ERROR",
            "default_currency": None,
            "fields": {"reason_code": ["errors.error.code"]},
            "reason_map": {"10001": "CONFIGURATION_ERROR", "10002": "CONFIGURATION_ERROR",
                           "10003": "CONFIGURATION_ERROR"},
            "reason_fallback": None,
            "rules": [
                {"when": {"errors.error.code": {"prefix": ["11", "12", "13", "14", "15", "17", "19", "53"]}},
                 "set": {"failure_reason": "INVALID_REQUEST"}},
            ],
        },
    ],
}


def prepare(body):
    """Refuse classic notifications (an id to fetch); give classic card transactions their brand."""
    if not isinstance(body, dict):
        return body
    if "notificationCode" in body and "transaction" not in body:
        raise UnmappedPayload(NOTIFICATION_WITHOUT_OUTCOME, "pagseguro: notificationCode only; fetch the transaction")
    transaction = body.get("transaction")
    method = transaction.get("paymentMethod", transaction.get("paymentmethod")) if isinstance(transaction, dict) else None
    if isinstance(method, dict):
        brand = CLASSIC_BRANDS.get(str(method.get("code") or "").strip())
        if brand:
            return {**body, "transaction": {**transaction, "_brand": brand}}
    return body
