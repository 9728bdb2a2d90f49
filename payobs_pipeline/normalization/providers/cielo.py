"""Cielo: API E-commerce Cielo 3.0 sales (card, debit, boleto, Pix), capture/void responses, API errors, notifications.

Sources (Cielo developer documentation):
- https://docs.cielo.com.br/atendimento/docs/lista-de-status-da-transação and
  https://docs.cielo.com.br/gateway/v1.0-en/reference/transaction-status (Payment.Status: 0 NotFinished, 1 Authorized,
  2 PaymentConfirmed, 3 Denied, 10 Voided, 11 Refunded, 12 Pending, 13 Aborted, 20 Scheduled)
- https://docs.cielo.com.br/gateway/v1.0-en/reference/boleto-transaction-status-list (boleto: 1 Authorized = the
  boleto was generated, 2 = boleto paid) and
  https://docs.cielo.com.br/ecommerce-cielo-en/reference/pix-transaction-status-list
  (Pix: 0 failed to generate QR code, 2 paid, 11 full refund, 12 Pending = QR code generated, 13 Aborted)
- https://docs.cielo.com.br/ecommerce-cielo/reference/api-codes and
  https://docs.cielo.com.br/ecommerce-cielo/v3.0-en/reference/api-business-return-codes (ReturnCode/ReturnMessage;
  success 00, 4 authorized, 6 captured; denials 51, 54, 78, ...; ProviderReturnCode; ReasonCode table)
- https://docs.cielo.com.br/ecommerce-cielo/page/abecs (ABECS codes returned in ReturnCode; see _abecs.py)
- https://docs.cielo.com.br/split/reference/lista-de-reasoncodereasonmessage (ReasonCode: 16 AbortedByFraud,
  17 CouldNotAntifraud, 22 TimeOut, 4 ConnectionWithAcquirerFailed, ...)
- https://docs.cielo.com.br/ecommerce-cielo-en/reference/api-errors and
  https://docs.cielo.com.br/ecommerce-cielo/reference/api-errors-code-message (HTTP 4xx body ``[{"Code", "Message"}]``:
  0, 100-1xx validation, 114/115/116 MerchantId, 126 expiration date invalid, 322 Zero Dollar Auth not enabled)
- https://docs.cielo.com.br/ecommerce-cielo/reference/codigos-retorno-cancelamento (void/refund ReturnCode 0, 9 ...)
- https://docs.cielo.com.br/gateway/reference/getting-started-with-your-api-9 and
  https://docs.cielo.com.br/ecommerce-cielo-en/docs/notification-post (notification ``{"PaymentId", "ChangeType"}``:
  1 payment status change, 2 recurrence created, 3 antifraud status change, 4 recurrent payment status change,
  5 refund denied, 6 boleto paid short: only an id to fetch)
- https://docs.cielo.com.br/ecommerce-cielo/reference/codigos-de-retorno-zero-auth (Zero Auth card validation)
- https://docs.cielo.com.br/link/v1.0-en/reference/api-status-and-codes and
  https://docs.cielo.com.br/link/reference/notificação-de-mudança-de-status (Link de Pagamento / Checkout Cielo:
  notifications with checkout_cielo_order_number, amount in centavos, order_number, payment_status 1 Pending,
  2 Paid, 3 Denied, 4 Expired, 5 Voided, 6 NotFinalized, 7 Authorized, 10 AuthorizedIdPayPending;
  payment_method_type 1 credit card, 2 boleto, 3 online debit, 4 debit card, 5 QR code, 6 Pix)
- https://developercielo.github.io/Webservice-1.5/ (legacy XML ``<transacao>``: tid, dados-pedido {numero, valor
  in centavos, moeda 986}, forma-pagamento {bandeira, produto}, status 0 Criada, 1 Em andamento, 2 Autenticada,
  3 Não autenticada, 4 Autorizada, 5 Não autorizada, 6 Capturada, 9 Cancelada, 10 Em autenticação,
  12 Em cancelamento; autorizacao {codigo, mensagem, lr, arp, nsu}; ``<erro><codigo>`` 001-099: 002 credenciais
  inválidas, 011 modalidade não habilitada, 097 sistema indisponível, 098 timeout, 099 erro inesperado)
Amounts are integers in centavos (``Amount``); ``Currency`` defaults to BRL. The sandbox simulates denials by card
number (``ReturnMessage`` "Card Expired" with code 57, "Blocked Card" 78, "Time Out" 99, "Card Canceled" 77,
"Problems with Creditcard" 70): the message rules below read those, production ReturnCodes follow ABECS.

Lifecycle identity: the ``PaymentId`` is the attempt; the merchant's ``MerchantOrderId`` is the payment. A capture or
void response names no id in its body, only in ``Links[].Href`` (``/1/sales/{PaymentId}``): ``prepare`` reads it.
Cielo gives refunds no id of their own: a refunded sale (Status 11) is the refund of its PaymentId.
"""

import re

from payobs_pipeline.normalization.mapping import NOTIFICATION_WITHOUT_OUTCOME, UnmappedPayload
from payobs_pipeline.normalization.providers._abecs import ABECS_REASONS

STATUSES = {
    "0": "ERROR",  # NotFinished: failed to process (incorrect data, request error, acquirer timeout, instability)
    "1": "APPROVED",  # Authorized (a boleto's "Authorized" is the boleto generated: see rules)
    "2": "APPROVED",  # PaymentConfirmed
    "3": "DECLINED",  # Denied by the authorizer
    "10": "CANCELLED",  # Voided
    "11": "REFUNDED",  # Refunded
    "12": "PENDING",  # Pending: awaiting the financial institution (Pix: QR code generated)
    "13": "ERROR",  # Aborted: canceled due to processing failure (or antifraud before authorization: rules)
    "20": "PENDING",  # Scheduled (recurrence)
    # The names as reports and some integrations print them.
    "NotFinished": "ERROR", "Authorized": "APPROVED", "PaymentConfirmed": "APPROVED", "Denied": "DECLINED",
    "Declined": "DECLINED", "Voided": "CANCELLED", "Refunded": "REFUNDED", "Pending": "PENDING", "Aborted": "ERROR",
    "Scheduled": "PENDING",
}

# Link de Pagamento / Checkout Cielo payment_status (its own list, not the API's).
CHECKOUT_STATUSES = {
    "1": "PENDING",  # Pending (boleto, Pix, QR code awaiting the shopper)
    "2": "APPROVED",  # Paid
    "3": "DECLINED",  # Denied
    "4": "CANCELLED",  # Expired (card not captured in 15 days; boleto past due)
    "5": "CANCELLED",  # Voided by the merchant
    "6": "ERROR",  # NotFinalized: error or processing failure
    "7": "APPROVED",  # Authorized
    "10": "PENDING",  # AuthorizedIdPayPending: facial biometrics pending
}
CHECKOUT_METHODS = {"1": "CARD", "2": "BOLETO", "3": "BANK_TRANSFER", "4": "CARD", "5": "CARD", "6": "PIX"}
# Webservice 1.5 (XML) transaction status.
WS15_STATUSES = {
    "0": "PENDING",  # Transação Criada
    "1": "PENDING",  # Em andamento
    "2": "PENDING",  # Autenticada (awaiting authorization)
    "3": "DECLINED",  # Não autenticada
    "4": "APPROVED",  # Autorizada
    "5": "DECLINED",  # Não autorizada
    "6": "APPROVED",  # Capturada
    "9": "CANCELLED",  # Cancelada
    "10": "PENDING",  # Em autenticação
    "12": "PENDING",  # Em cancelamento
}

# Cielo's own ReturnCodes beside the ABECS table.
_CIELO_CODES = {
    "99": {"reason": "TIMEOUT", "decline_type": "SOFT"},  # Time Out
    "70": {"reason": "GENERIC_DECLINE", "decline_type": "HARD"},  # Problemas com o cartão de crédito
    "AA": {"reason": "TIMEOUT", "decline_type": "SOFT"},  # Tempo excedido / tente novamente
    "AC": {"reason": "TRANSACTION_NOT_PERMITTED", "decline_type": "HARD"},  # cartão de débito usando crédito
    "GA": {"reason": "RISK_REJECTED", "source": "PSP_RISK"},  # transação referida pela Cielo
    "389": "CONFIGURATION_ERROR",  # Restrição Cadastral (Zero Auth)
    "322": "CONFIGURATION_ERROR",  # Zero Dollar Auth is not enabled
}
REASONS = {**ABECS_REASONS, **_CIELO_CODES}

PAYMENT_METHODS = {
    "CreditCard": "CARD",
    "DebitCard": "CARD",
    "Boleto": "BOLETO",
    "Pix": "PIX",
    "EletronicTransfer": "BANK_TRANSFER",
    "ElectronicTransfer": "BANK_TRANSFER",
    "eWallet": "WALLET",
    "QrCode": "CARD",  # a card payment started from a QR code (Cielo app)
}

# API error codes (``Code``) of a 4xx body: validation errors unless listed.
_API_ERRORS: dict = {str(code): "INVALID_REQUEST" for code in (0, *range(100, 400))}
_API_ERRORS.update({
    "114": "CONFIGURATION_ERROR",  # The provided MerchantId is not in correct format
    "115": "CONFIGURATION_ERROR",  # The provided MerchantId was not found
    "116": "CONFIGURATION_ERROR",  # The provided MerchantId is blocked
    "120": "CONFIGURATION_ERROR",  # Request IP is not allowed
    "126": "INVALID_CARD_DATA",  # Credit Card Expiration Date is invalid
    "129": "CONFIGURATION_ERROR",  # Affiliation not found
    "131": "CONFIGURATION_ERROR",  # MerchantKey is required
    "132": "CONFIGURATION_ERROR",  # MerchantKey is invalid
    "133": "CONFIGURATION_ERROR",  # Provider is not supported for this Payment Type
    "185": "TRANSACTION_NOT_PERMITTED",  # Brand not supported
    "302": "DUPLICATE",  # MerchantOrderId is duplicated
    "309": "CONFIGURATION_ERROR",  # refund not enabled for this merchant
    "322": "CONFIGURATION_ERROR",  # Zero Dollar Auth is not enabled
    "323": "CONFIGURATION_ERROR",  # Bin Query is not enabled
})

# ReasonCode of a sale without ReturnCode (boleto, Pix, antifraud aborts).
_REASON_CODE_RULES = [
    {"when": {"ReturnCode": {"exists": False}, "ReasonCode": "16"},
     "set": {"status_category": "DECLINED", "failure_reason": "RISK_REJECTED", "failure_source": "PSP_RISK"}},
    {"when": {"ReturnCode": {"exists": False}, "ReasonCode": "17"}, "set": {"failure_reason": "PROCESSING_ERROR"}},
    {"when": {"ReturnCode": {"exists": False}, "ReasonCode": "22"}, "set": {"failure_reason": "TIMEOUT"}},
    {"when": {"ReturnCode": {"exists": False}, "ReasonCode": "4"}, "set": {"failure_reason": "PROCESSING_ERROR"}},
    {"when": {"ReturnCode": {"exists": False}, "ReasonCode": "2"}, "set": {"failure_reason": "INSUFFICIENT_FUNDS"}},
    {"when": {"ReturnCode": {"exists": False}, "ReasonCode": "15"}, "set": {"failure_reason": "EXPIRED_CARD"}},
    {"when": {"ReturnCode": {"exists": False}, "ReasonCode": "14"}, "set": {"failure_reason": "RESTRICTED_CARD"}},
    {"when": {"ReturnCode": {"exists": False}, "ReasonCode": "21"}, "set": {"failure_reason": "INVALID_CARD_DATA"}},
    {"when": {"ReturnCode": {"exists": False}, "ReasonCode": "24"}, "set": {"failure_reason": "CONFIGURATION_ERROR"}},
    {"when": {"ReturnCode": {"exists": False}, "ReasonCode": "27"},
     "set": {"failure_reason": "TRANSACTION_NOT_PERMITTED"}},
]
# Sandbox messages (the simulated denials) name the reason where the code alone would mislead.
_MESSAGE_RULES = [
    {"when": {"ReturnMessage": ["Card Expired", "Cartão Expirado", "Cartao Expirado"]},
     "set": {"failure_reason": "EXPIRED_CARD", "decline_type": "HARD"}},
    {"when": {"ReturnMessage": ["Blocked Card", "Cartão Bloqueado", "Cartao Bloqueado"]},
     "set": {"failure_reason": "RESTRICTED_CARD"}},
    {"when": {"ReturnMessage": ["Card Canceled", "Cartão Cancelado", "Cartao Cancelado"]},
     "set": {"failure_reason": "RESTRICTED_CARD", "decline_type": "HARD"}},
]
_KIND_RULES = [
    {"when": {"Status": "10"}, "set": {"event_kind": "VOID"}},
    # A boleto's "Authorized" is the boleto issued, awaiting payment; a Pix "Authorized" the QR code.
    {"when": {"Type": "Boleto", "Status": "1"}, "set": {"status_category": "PENDING"}},
    {"when": {"Type": "Pix", "Status": "1"}, "set": {"status_category": "PENDING"}},
    # Scheduled recurrence: no attempt yet.
    {"when": {"Status": "20"}, "set": {"event_kind": "PAYMENT"}},
]

_SALE_FIELDS = {
    "provider_transaction_id": ["PaymentId"],
    "status": ["Status"],
    "reason_code": ["ReturnCode", "ProviderReturnCode"],
    "amount": ["Amount"],
    "currency": ["Currency"],
    "event_time": ["CapturedDate", "ReceivedDate"],
    "payment_method": ["Type"],
    "card_brand": ["CreditCard.Brand", "DebitCard.Brand"],
    "attempt_id": ["PaymentId"],
    "payment_id": ["^MerchantOrderId"],
}

SPEC = {
    "provider": "cielo",
    "aliases": ["cielo", "cielo3", "cielo_v3", "cielo30", "cielo ecommerce", "api ecommerce cielo", "cielo_ecommerce",
                "braspag", "cielo gateway"],
    "detect": [
        {"path": "Payment.PaymentId", "exists": True, "weight": 0.4},
        {"path": "Payment.Type", "in": list(PAYMENT_METHODS), "weight": 0.3},
        {"path": "MerchantOrderId", "exists": True, "weight": 0.2},
        {"path": "Payment.ReturnCode", "exists": True, "weight": 0.1},
        {"path": "Payment.Tid", "exists": True, "weight": 0.1},
        # Capture / void responses.
        {"path": "ReasonCode", "exists": True, "weight": 0.2},
        {"path": "ReasonMessage", "exists": True, "weight": 0.1},
        {"path": "ProviderReturnCode", "exists": True, "weight": 0.2},
        {"path": "ProviderReturnMessage", "exists": True, "weight": 0.1},
        {"path": "ReturnCode", "exists": True, "weight": 0.1},
        {"path": "ReturnMessage", "exists": True, "weight": 0.1},
        # Notification post.
        {"path": "ChangeType", "in": ["1", "2", "3", "4", "5", "6", "7", "8"], "weight": 0.3},
        {"path": "PaymentId", "exists": True, "weight": 0.3},
        {"path": "RecurrentPaymentId", "exists": True, "weight": 0.1},
        # API error list.
        {"path": "0.Code", "exists": True, "weight": 0.3},
        {"path": "0.Message", "exists": True, "weight": 0.2},
        # Zero Auth.
        # The Zero Auth reply is {Valid, ReturnCode, ReturnMessage[, IssuerTransactionId]}: Valid with the two
        # return fields names it.
        {"path": "Valid", "in": ["true", "false"], "weight": 0.3},
        {"path": "IssuerTransactionId", "exists": True, "weight": 0.2},
        # Link de Pagamento / Checkout notifications.
        {"path": "checkout_cielo_order_number", "exists": True, "weight": 0.6},
        # Webservice 1.5 XML.
        {"path": "transacao.tid", "exists": True, "weight": 0.4},
        {"path": "transacao.dados-pedido.valor", "exists": True, "weight": 0.3},
        {"path": "transacao.status", "in": list(WS15_STATUSES), "weight": 0.1},
        {"path": "erro.codigo", "exists": True, "weight": 0.25},
        {"path": "erro.mensagem", "exists": True, "weight": 0.15},
    ],
    "amount_unit": "minor",
    "default_currency": "BRL",
    "status_map": STATUSES,
    "reason_map": REASONS,
    "reason_fallback": "iso8583",
    "payment_method_map": PAYMENT_METHODS,
    "variants": [
        {
            "name": "api_error",
            "match": {"0.Code": {"exists": True}},
            "root": "0",
            "status": "ERROR",
            "default_currency": None,
            "fields": {"reason_code": ["Code"]},
            "reason_map": _API_ERRORS,
            "reason_fallback": None,
        },
        {
            # POST /1/zeroauth answer {Valid, ReturnCode, ReturnMessage, IssuerTransactionId}: a zero-value
            # (R$ 0,00) authorization of the card at its issuer, released at once, whose ReturnCode is the issuer's
            # (codigos-de-retorno-zero-auth: 00 "Transação autorizada" = card valid, 57 "Autorização negada" ...).
            # Read as an authorization of the card, as Braintree card verifications are (braintree.py): no amount,
            # no currency (the BRL default would describe nothing), no MerchantOrderId.
            "name": "zero_auth",
            "match": {"Valid": {"exists": True}, "Payment": {"exists": False}},
            "default_currency": None,
            "default_payment_method": "CARD",
            "payment_method_map": {},
            "fields": {
                "provider_transaction_id": ["IssuerTransactionId"],
                "status": ["Valid"],
                "reason_code": ["ReturnCode"],
            },
            "status_map": {"true": "APPROVED", "false": "DECLINED"},
            # 389 Restrição Cadastral in a Zero Auth answer: the service is reached (a merchant without it gets
            # API error 322), and Cielo's changelog (ecommerce-cielo-en/changelog/january-2026) says 389 then
            # means the card cannot be validated under Cielo's internal criteria: Cielo's own risk refusal.
            "reason_map": {"389": {"reason": "RISK_REJECTED", "source": "PSP_RISK"}},
        },
        {
            "name": "card_token",
            "match": {"CardToken": {"exists": True}, "Payment": {"exists": False}},
            "not_a_payment": "a stored card token",
        },
        {
            "name": "recurrent_payment",
            "match": {"RecurrentPayment": {"exists": True}, "Payment": {"exists": False}},
            "not_a_payment": "a recurrence agreement (its charges are sales of their own)",
        },
        {
            "name": "sale",
            "match": {"Payment": {"exists": True}},
            "root": "Payment",
            "fields": _SALE_FIELDS,
            "rules": [*_REASON_CODE_RULES, *_MESSAGE_RULES, *_KIND_RULES],
        },
        {
            "name": "checkout_notification",
            "match": {"checkout_cielo_order_number": {"exists": True}, "payment_status": {"exists": True}},
            "fields": {
                "provider_transaction_id": ["checkout_cielo_order_number"],
                "status": ["payment_status"],
                "amount": ["amount"],
                "payment_method": ["payment_method_type"],
                "card_brand": ["brand", "payment_method_brand"],
                "event_time": ["created_date"],
                "attempt_id": ["checkout_cielo_order_number"],
                "payment_id": ["order_number"],
            },
            "status_map": CHECKOUT_STATUSES,
            "payment_method_map": CHECKOUT_METHODS,
            "rules": [{"when": {"payment_status": "5"}, "set": {"event_kind": "VOID"}}],
        },
        {
            "name": "ws15_transaction",
            "match": {"transacao.tid": {"exists": True}},
            "root": "transacao",
            "fields": {
                "provider_transaction_id": ["tid"],
                "status": ["status"],
                "reason_code": ["autorizacao.lr", "cancelamentos.cancelamento.codigo"],
                "amount": ["dados-pedido.valor"],
                "currency": ["dados-pedido.moeda"],
                "event_time": ["autorizacao.data-hora", "dados-pedido.data-hora"],
                "card_brand": ["forma-pagamento.bandeira"],
                "attempt_id": ["tid"],
                "payment_id": ["dados-pedido.numero"],
            },
            "status_map": WS15_STATUSES,
            "default_payment_method": "CARD",
            "payment_method_map": {},
            "rules": [
                {"when": {"status": "3"}, "set": {"failure_reason": "AUTHENTICATION_FAILED"}},
                {"when": {"status": "9"}, "set": {"event_kind": "VOID"}},
                {"when": {"status": "12"}, "set": {"event_kind": "VOID"}},
            ],
        },
        {
            "name": "ws15_error",
            "match": {"erro.codigo": {"exists": True}},
            "status": "ERROR",
            "default_currency": None,
            "fields": {"reason_code": ["erro.codigo"]},
            "rules": [
                {"when": {"erro.codigo": {"exists": True}}, "set": {"failure_reason": "INVALID_REQUEST"}},
                {"when": {"erro.codigo": ["002", "011", "053"]}, "set": {"failure_reason": "CONFIGURATION_ERROR"}},
                {"when": {"erro.codigo": ["097", "099", "033", "042"]}, "set": {"failure_reason": "PROCESSING_ERROR"}},
                {"when": {"erro.codigo": "098"}, "set": {"failure_reason": "TIMEOUT"}},
            ],
        },
        {
            # PUT /1/sales/{PaymentId}/capture or /void: the new status and the operation's codes only.
            "name": "operation_response",
            "match": {"Status": {"exists": True}, "ReasonCode": {"exists": True}},
            "fields": {
                "provider_transaction_id": ["PaymentId"],
                "status": ["Status"],
                "reason_code": ["ReturnCode", "ProviderReturnCode"],
                "attempt_id": ["PaymentId"],
            },
            "rules": [
                {"when": {"Status": "2"}, "set": {"event_kind": "CAPTURE"}},
                {"when": {"Status": "1"}, "set": {"event_kind": "AUTHORIZATION"}},
                {"when": {"Status": "10"}, "set": {"event_kind": "VOID"}},
                *_REASON_CODE_RULES,
            ],
        },
    ],
}

_SALE_URL = re.compile(r"/sales/([0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12})")


def prepare(body):
    """Refuse id-only notifications; give capture/void responses the PaymentId their Links name."""
    if not isinstance(body, dict):
        return body
    if "ChangeType" in body and "Payment" not in body:
        raise UnmappedPayload(
            NOTIFICATION_WITHOUT_OUTCOME, "cielo: notification post carries only PaymentId/ChangeType to fetch"
        )
    payments = body.get("Payments")
    if isinstance(payments, list) and "Payment" not in body and all(
        isinstance(p, dict) and set(p) <= {"PaymentId", "ReceveidDate", "ReceivedDate"} for p in payments
    ):
        raise UnmappedPayload(NOTIFICATION_WITHOUT_OUTCOME, "cielo: a lookup by MerchantOrderId lists only PaymentIds")
    if "Payment" not in body and "PaymentId" not in body and isinstance(body.get("Links"), list):
        for link in body["Links"]:
            href = link.get("Href") if isinstance(link, dict) else None
            match = _SALE_URL.search(href) if isinstance(href, str) else None
            if match:
                return {**body, "PaymentId": match.group(1)}
    return body
