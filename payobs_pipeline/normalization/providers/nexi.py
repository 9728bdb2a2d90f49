"""Nexi XPay (Italy; the XPay / XPay Build / Nexi Payment Gateway "NPG" REST API, and the older XPay
"codebase" redirect) - not Nets, whose Easy / Netaxept APIs have their own modules.

Sources (Nexi's developer portal, developer.nexigroup.com and developer.nexi.it):
- "XPay Notification APIs" (https://developer.nexigroup.com/xpaycee/en-EU/api/notification-api-v1, the same
  page for xpayintesa / xpayglobal): the merchant server-to-server notification POSTed to the notification URL:
  eventId, eventTime (ISO 8601), securityToken (the token of the payment's initialisation) and operation
  {orderId (the merchant's order, up to 27 characters), operationId, channel (ECOMMERCE, POS, BACKOFFICE),
  operationType, operationResult, operationTime, paymentMethod, paymentCircuit, paymentInstrumentInfo,
  paymentEndToEndId, cancelledOperationId, operationAmount (minor units), operationCurrency, customerInfo,
  warnings[], additionalData}.
- "XPay Payment APIs" (https://developer.nexigroup.com/xpayitaly/en-EU/api/payment-api-v1/): orders are
  created with amount "in smallest currency unit. 50 EUR is represented as 5000 (2 decimals) 50 JPY is
  represented as 50 (0 decimals)" and an ISO 4217 currency; the Operation object answered by
  ``GET /operations/{operationId}`` carries the fields of the notification's ``operation``; error answers are
  ``{"errors": [{"code", "description"}]}``.
- Order details (``GET /orders/{orderId}``, the same Payment API): {orderStatus {order, authorizedAmount,
  capturedAmount, lastOperationType, lastOperationTime}, operations [Operation ...]}; the order's state is its
  operations' (the first listed is read, as the Nexi SDK changelogs describe reading ``operations[0]``).
- Back office "Operations" (https://developer.nexi.it/en/back-office/operazioni): an operation is an action on an
  order (a payment, a refund, a capture, a cancel), identified by the operationId XPay assigns; refunds
  (``POST /operations/{operationId}/refunds``), captures and cancels of a capture are operations of their own.
- operationResult values (the Payment API's Operation schema): AUTHORIZED (payment authorized), EXECUTED
  (payment confirmed, verification successfully executed), DECLINED (declined by the issuer during the
  authorization phase), DENIED_BY_RISK (negative outcome of the transaction risk analysis), THREEDS_VALIDATED
  (3DS authentication OK or 3DS skipped: the authorization is still to come), THREEDS_FAILED (cancellation or
  authentication failure during 3DS), PENDING (payment ongoing, follow-up notifications expected), CANCELED
  (cancelled by the cardholder), VOIDED (online reversal of the full authorized amount), REFUNDED (full or
  partial amount refunded), FAILED (payment failed for technical reasons).
- operationType values: AUTHORIZATION, CAPTURE, VOID, REFUND, CANCEL (of a capture), CARD_VERIFICATION.
- paymentMethod values: CARDS, APPLEPAY, GOOGLEPAY, PAYPAL, BANCOMATPAY, MYBANK, ALIPAY, WECHATPAY, GIROPAY,
  IDEAL, BANCONTACT, EPS, PRZELEWY24, SKRILL, PAYU, BLIK, MULTIBANCO, SATISPAY, AMAZONPAY, KLARNA, PAGOINCONTO;
  paymentCircuit names the card scheme (VISA, MC, AMEX, MAESTRO, JCB, DINERS, ...).
- The XPay "codebase" hosted page (https://ecommerce.nexi.it/specifiche-tecniche/codicebase; the example is
  quoted in the xpay-nexi-js README, https://www.npmjs.com/package/xpay-nexi-js) returns to url / url_back and
  notifies urlpost with key=value parameters: alias, importo (minor units, "10 euro = 1000"), divisa, codTrans
  (the merchant's transaction code), esito (OK, KO, ANNULLO, ERRORE, PEN), codAut, data, orario, brand,
  messaggio, codiceEsito, mac, session_id.

A notification's DECLINED names no issuer code (the documented operation carries none), so the reason comes from
operationResult: DECLINED is the issuer's generic refusal, DENIED_BY_RISK Nexi's risk engine, THREEDS_FAILED a
failed authentication. The codebase's esito KO names no reason either (codiceEsito is not documented as an
issuer code in what was found): DECLINED with failure_reason UNKNOWN.

Lifecycle identity: the operationId is the attempt (a refund's, capture's or void's own operation names the
payment's operation in cancelledOperationId where it cancels one); the merchant's orderId (codTrans in the
codebase) is the payment; a REFUND operation's operationId is the refund.
"""

from __future__ import annotations

# operationResult of an AUTHORIZATION operation (and of an operation whose type is not given).
AUTHORIZATION_RESULTS = {
    "AUTHORIZED": "APPROVED",
    "EXECUTED": "APPROVED",
    "DECLINED": "DECLINED",
    "DENIED_BY_RISK": "DECLINED",
    "THREEDS_VALIDATED": "PENDING",
    "THREEDS_FAILED": "DECLINED",
    "PENDING": "PENDING",
    "CANCELED": "CANCELLED",
    "CANCELLED": "CANCELLED",
    "VOIDED": "CANCELLED",
    "REFUNDED": "REFUNDED",
    "FAILED": "ERROR",
}

# A refund operation: EXECUTED / REFUNDED is the money returned.
REFUND_RESULTS = {"EXECUTED": "REFUNDED", "REFUNDED": "REFUNDED", "PENDING": "PENDING", "DECLINED": "DECLINED",
                  "FAILED": "ERROR", "CANCELED": "CANCELLED"}

# A capture operation.
CAPTURE_RESULTS = {"EXECUTED": "APPROVED", "AUTHORIZED": "APPROVED", "PENDING": "PENDING", "DECLINED": "DECLINED",
                   "FAILED": "ERROR"}

# A void (reversal of the authorization) or the cancel of a capture.
VOID_RESULTS = {"EXECUTED": "CANCELLED", "VOIDED": "CANCELLED", "CANCELED": "CANCELLED", "FAILED": "ERROR",
                "DECLINED": "ERROR"}

# The codebase hosted page's esito.
ESITO = {"OK": "APPROVED", "KO": "DECLINED", "ANNULLO": "CANCELLED", "ERRORE": "ERROR", "PEN": "PENDING"}

REASONS = {
    "DECLINED": {"reason": "GENERIC_DECLINE", "source": "ISSUER"},
    "DENIED_BY_RISK": {"reason": "RISK_REJECTED", "source": "PSP_RISK"},
    "THREEDS_FAILED": {"reason": "AUTHENTICATION_FAILED", "source": "CUSTOMER"},
    "FAILED": {"reason": "PROCESSING_ERROR", "source": "TECHNICAL"},
    "KO": "UNKNOWN",
    "ERRORE": {"reason": "PROCESSING_ERROR", "source": "TECHNICAL"},
}

PAYMENT_METHODS = {
    "CARDS": "CARD", "CARD": "CARD",
    "APPLEPAY": "WALLET", "GOOGLEPAY": "WALLET", "PAYPAL": "WALLET", "BANCOMATPAY": "WALLET", "ALIPAY": "WALLET",
    "WECHATPAY": "WALLET", "SATISPAY": "WALLET", "AMAZONPAY": "WALLET", "SKRILL": "WALLET", "PAYU": "WALLET",
    "MYBANK": "BANK_TRANSFER", "GIROPAY": "BANK_TRANSFER", "IDEAL": "BANK_TRANSFER", "BANCONTACT": "BANK_TRANSFER",
    "EPS": "BANK_TRANSFER", "PRZELEWY24": "BANK_TRANSFER", "BLIK": "BANK_TRANSFER", "MULTIBANCO": "CASH_VOUCHER",
    "PAGOINCONTO": "BANK_TRANSFER",
    "KLARNA": "BNPL",
}

_OPERATION_FIELDS = {
    "provider_transaction_id": ["operationId"],
    "status": ["operationResult"],
    "reason_code": ["operationResult"],
    "amount": ["operationAmount"],
    "currency": ["operationCurrency"],
    "event_time": ["operationTime", "^eventTime"],
    "payment_method": ["paymentMethod"],
    "card_brand": ["paymentCircuit"],
    "attempt_id": ["operationId"],
    "payment_id": ["orderId"],
}


def _operation_variants(prefix: str, root: str | None) -> list[dict]:
    """The variants of an operation, either bare (GET /operations/{id}) or inside a notification."""
    rooted = {"root": root} if root else {}
    at = f"{root}." if root else ""  # a variant's match reads the whole body, its fields the root
    has_operation = {f"{at}operationId": {"exists": True}, f"{at}operationResult": {"exists": True}}
    return [
        {
            "name": f"{prefix}.card_verification.not_a_payment",
            **rooted,
            "match": {**has_operation, f"{at}operationType": "CARD_VERIFICATION"},
            "not_a_payment": "a Nexi XPay card verification: the card is checked, no payment is made",
        },
        {
            "name": f"{prefix}.refund",
            **rooted,
            "match": {**has_operation, f"{at}operationType": "REFUND"},
            "event_kind": "REFUND",
            "fields": {**_OPERATION_FIELDS, "refund_id": ["operationId"], "attempt_id": ["cancelledOperationId"]},
            "status_map": REFUND_RESULTS,
        },
        {
            "name": f"{prefix}.capture",
            **rooted,
            "match": {**has_operation, f"{at}operationType": "CAPTURE"},
            "event_kind": "CAPTURE",
            "status_map": CAPTURE_RESULTS,
        },
        {
            "name": f"{prefix}.void",
            **rooted,
            "match": {**has_operation, f"{at}operationType": ["VOID", "CANCEL"]},
            "event_kind": "VOID",
            "fields": {**_OPERATION_FIELDS, "attempt_id": ["cancelledOperationId", "operationId"]},
            "status_map": VOID_RESULTS,
        },
        {
            "name": f"{prefix}.authorization",
            **rooted,
            "match": has_operation,
            "event_kind": "AUTHORIZATION",
        },
    ]


SPEC = {
    "provider": "nexi",
    "aliases": ["nexi", "nexi xpay", "xpay", "nexi payments", "nexigroup", "nexi group", "nexi npg",
                "nexi payment gateway", "xpay build", "cartasi", "cartasi xpay"],
    "detect": [
        # The server-to-server notification.
        {"path": "securityToken", "exists": True, "weight": 0.2},
        {"path": "eventId", "exists": True, "weight": 0.1},
        {"path": "operation.operationId", "exists": True, "weight": 0.3},
        {"path": "operation.operationResult", "in": list(AUTHORIZATION_RESULTS), "weight": 0.3},
        {"path": "operation.paymentCircuit", "exists": True, "weight": 0.2},
        # A bare Operation (GET /operations/{operationId}).
        {"path": "operationId", "exists": True, "weight": 0.2},
        {"path": "operationResult", "in": list(AUTHORIZATION_RESULTS), "weight": 0.3},
        {"path": "operationType", "in": ["AUTHORIZATION", "CAPTURE", "VOID", "REFUND", "CANCEL",
                                        "CARD_VERIFICATION"], "weight": 0.2},
        {"path": "paymentCircuit", "exists": True, "weight": 0.2},
        {"path": "operationAmount", "exists": True, "weight": 0.1},
        # Order details.
        {"path": "orderStatus.lastOperationType", "exists": True, "weight": 0.3},
        {"path": "orderStatus.authorizedAmount", "exists": True, "weight": 0.1},
        {"path": "operations.0.operationResult", "in": list(AUTHORIZATION_RESULTS), "weight": 0.2},
        {"path": "operations.0.operationId", "exists": True, "weight": 0.1},
        # The codebase redirect / urlpost parameters.
        {"path": "codTrans", "exists": True, "weight": 0.4},
        {"path": "esito", "in": list(ESITO), "weight": 0.3},
        {"path": "codAut", "exists": True, "weight": 0.1},
        {"path": "importo", "exists": True, "weight": 0.1},
        {"path": "divisa", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "minor",
    "status_map": AUTHORIZATION_RESULTS,
    "reason_map": REASONS,
    "payment_method_map": PAYMENT_METHODS,
    "card_brand_map": {"MC": "mastercard", "MASTERCARD": "mastercard", "VISA": "visa", "AMEX": "amex",
                       "MAESTRO": "maestro", "JCB": "jcb", "DINERS": "diners", "CUP": "unionpay",
                       "PAGOBANCOMAT": None},
    "fields": _OPERATION_FIELDS,
    "variants": [
        *_operation_variants("notification", "operation"),
        *_operation_variants("operation", None),
        *_operation_variants("order", "operations.0"),
        {
            "name": "error",
            "match": {"errors.0.code": {"exists": True}},
            "status": "ERROR",
            "fields": {"reason_code": ["errors.0.code"]},
            # The Payment API answers 400 (invalid request), 401 (unauthorized), 404 and 500 with the same body;
            # its codes are not documented one by one in what was found, so the body alone says an invalid
            # request (an authorisation or server failure reaches the lake as a different HTTP answer).
            "rules": [{"when": {}, "set": {"failure_reason": "INVALID_REQUEST"}}],
        },
        {
            "name": "codebase",
            "match": {"codTrans": {"exists": True}, "esito": {"exists": True}},
            "fields": {
                "provider_transaction_id": ["codTrans"],
                "status": ["esito"],
                "reason_code": ["esito"],
                "amount": ["importo"],
                "currency": ["divisa"],
                "card_brand": ["brand"],
                "merchant_id": ["alias"],
                "attempt_id": ["codTrans"],
                "payment_id": ["codTrans"],
            },
            "status_map": ESITO,
            "default_payment_method": "CARD",
        },
    ],
}
