"""Viva Wallet (Viva.com; Greece and Europe): payment webhooks, the Retrieve Transaction answers (Smart Checkout v2
and the legacy /api/transactions), the legacy transaction answer, Smart Checkout's redirect parameters and the
legacy API error body.

Sources (Viva's developer portal, developer.viva.com, formerly developer.vivawallet.com):
- "Transaction parameters" (developer.vivawallet.com/web-api-integration/transaction-parameters/): StatusId E ("not
  completed because of an error"), A ("in progress"), M ("the cardholder has disputed the transaction with the
  issuing Bank"), MA (dispute awaiting response), MI (dispute in progress), ML ("a disputed transaction has been
  refunded (Dispute Lost)"), MW (dispute won), MS (suspected dispute), X ("cancelled by the merchant"), R ("fully or
  partially refunded"), F ("completed successfully"). TransactionTypeId 0 CardCapture, 1 CardPreauth, 4 CardRefund,
  5 CardCharge, 6 CardChargeInstallments, 7 Void, 9 Wallet Payment, 11 Wallet Refund, 13 Claim Refund, 15 Dias,
  16 PaymentFromReseller (cash through Viva's resellers), 18 RefundInstallments; "The transactions that reverse
  previous payments have always a negative amount".
- "Response information" (developer.viva.com/integration-reference/response-codes): Smart Checkout appends EventId,
  ECI, t (the transaction id), s (the payment order code) and lang to the Success / Failure URL; EventId 0 is the
  successful payment; 2061 "3DS flow incomplete" (browser closed before authentication finished), 2062 "3DS
  validation failed", 2108 "Payments Policy Acquiring Restriction", 3500 DeviceNotFound, 6511 "ISO packager pack
  failed validation", 6614 IsoTransportChannelSendFailedTimeout, 6624 IsoTransportChannelWriteFailed, 6650
  IsoTransportProxySendFailed; the issuer's refusals are 100 followed by the ISO 8583 field 39 code (10001 "Refer
  to card issuer", 10003 "Invalid merchant number", 10004 "Pick up card", 10005 "Do not honor", 10006 "General
  error", 10012 "Invalid transaction", 10051 insufficient funds, 10054 expired card ...), so they are read through
  the shared ISO 8583 table.
- Webhooks (developer.viva.com/webhooks-for-payments/...): {Url, EventData, Created, CorrelationId, EventTypeId,
  Delay, MessageId, RecipientId, MessageTypeId}; Transaction Payment Created (EventTypeId 1796, "a successful
  customer payment"), Transaction Reversal Created (1797, a refund or void), Transaction Failed (1798, "The reason
  the payment failed is indicated by the 'ResponseEventId' code"; a customer may retry under the same OrderCode),
  Transaction Price Calculated (1799, Viva's commission withdrawn: no payment), Transfer Created (8448, a
  marketplace transfer: no payment), Account Transaction Created (a balance movement: no payment). EventData
  carries TransactionId, OrderCode, StatusId, TransactionTypeId, Amount (major units), CurrencyCode (ISO 4217
  numeric, "978"), InsDate, ResponseCode, ResponseEventId, ParentId, CardCountryCode, MerchantId ...
- Retrieve transaction (``GET /checkout/v2/transactions/{transactionId}``): camelCase email, amount, orderCode,
  statusId, insDate, currencyCode, transactionTypeId, cardCountryCode ...; the legacy ``GET /api/transactions/{id}``
  answers {Transactions: [...], ErrorCode, ErrorText, TimeStamp, CorrelationId, EventId, Success}.
- "Error codes" (developer.vivawallet.com/api-reference-guide/error-codes/): HTTP 400 bad request, 401
  unauthorized, 403 forbidden, 404 not found, 405, 409, 500 ...; the legacy body {ErrorCode, ErrorText, TimeStamp,
  CorrelationId, EventId, Success false}.

StatusId E is Viva's one word for a failed transaction whether the issuer refused it or something broke; the
Transaction Failed webhook names the reason in ResponseEventId, so E is DECLINED unless that code is one of the
documented system failures (ERROR).

Lifecycle identity: the Viva TransactionId is the attempt; the OrderCode (the payment order a customer may pay over
several attempts) is the payment; a refund's or void's own TransactionId is the refund, its ParentId the payment's
transaction.
"""

from __future__ import annotations

import copy
from decimal import Decimal, InvalidOperation

from payobs_pipeline.normalization.issuer_codes import ISSUER_CODE_REASONS

STATUSES = {
    "F": "APPROVED", "A": "PENDING", "E": "DECLINED", "X": "CANCELLED", "R": "REFUNDED",
    "M": "CHARGEBACK", "MA": "CHARGEBACK", "MI": "CHARGEBACK", "ML": "CHARGEBACK", "MW": "CHARGEBACK",
    "MS": "CHARGEBACK",
}
# A refund (TransactionTypeId 4, 11, 13, 18): F is the money returned.
REFUND_STATUSES = {"F": "REFUNDED", "A": "PENDING", "E": "DECLINED", "X": "CANCELLED"}
# A void (7): F is the authorization released.
VOID_STATUSES = {"F": "CANCELLED", "X": "CANCELLED", "A": "PENDING", "E": "ERROR"}

# Viva's own EventIds (the response-codes page) ...
SYSTEM_FAILURES = {"3500", "6511", "6614", "6624", "6650"}
OWN_REASONS = {
    "2061": {"reason": "AUTHENTICATION_FAILED", "source": "CUSTOMER"},  # 3DS flow incomplete (browser closed)
    "2062": {"reason": "AUTHENTICATION_FAILED", "source": "CUSTOMER"},  # 3DS validation failed
    "2108": {"reason": "TRANSACTION_NOT_PERMITTED", "source": "MERCHANT_CONFIG"},  # payments policy restriction
    "3500": {"reason": "CONFIGURATION_ERROR", "source": "MERCHANT_CONFIG"},  # DeviceNotFound
    "6511": {"reason": "PROCESSING_ERROR", "source": "TECHNICAL"},  # ISO packager pack failed validation
    "6614": {"reason": "TIMEOUT", "source": "TECHNICAL"},  # send to the scheme failed / timed out
    "6624": {"reason": "PROCESSING_ERROR", "source": "TECHNICAL"},  # write to the scheme failed
    "6650": {"reason": "PROCESSING_ERROR", "source": "TECHNICAL"},  # internal communication error
}
# ... and the issuer's: 100 + the ISO 8583 field 39 code.
ISSUER_EVENT_REASONS = {f"100{code}": reason for code, reason in ISSUER_CODE_REASONS.items()
                        if len(code) == 2 and code.isdigit()}
# HTTP statuses of the legacy error body (ErrorCode).
HTTP_REASONS = {
    "400": "INVALID_REQUEST", "404": "INVALID_REQUEST", "405": "INVALID_REQUEST", "422": "INVALID_REQUEST",
    "401": "CONFIGURATION_ERROR", "403": "CONFIGURATION_ERROR", "409": "DUPLICATE", "408": "TIMEOUT",
    "504": "TIMEOUT", "500": "PROCESSING_ERROR", "502": "PROCESSING_ERROR", "503": "PROCESSING_ERROR",
}
REASONS = {**ISSUER_EVENT_REASONS, **OWN_REASONS}

# The redirect's EventId alone: 0 paid, a documented failure code refused or failed.
REDIRECT_STATUSES = {"0": "APPROVED",
                     **{code: "DECLINED" for code in REASONS if code not in SYSTEM_FAILURES},
                     **{code: "ERROR" for code in SYSTEM_FAILURES}}

PAYMENT_METHODS = {"0": "CARD", "1": "CARD", "4": "CARD", "5": "CARD", "6": "CARD", "7": "CARD", "13": "CARD",
                   "18": "CARD", "9": "WALLET", "11": "WALLET", "15": "BANK_TRANSFER", "16": "CASH_VOUCHER"}

REFUND_TYPES = ["4", "11", "13", "18"]
_REVERSAL_TYPES = {"4", "7", "11", "13", "18"}


def _fields(pascal: bool) -> dict:
    name = (lambda n: n[0].upper() + n[1:]) if pascal else (lambda n: n)
    return {
        "provider_transaction_id": [name("transactionId")],
        "status": [name("statusId")],
        "reason_code": [name("responseEventId"), name("responseCode"), name("eventId")],
        "amount": [name("amount")],
        "currency": [name("currencyCode")],
        "event_time": [name("insDate"), "^Created"],
        "payment_method": [name("transactionTypeId")],
        "merchant_id": [name("merchantId")],
        "card_country": [name("cardCountryCode")],
        "attempt_id": [name("transactionId")],
        "payment_id": [name("orderCode")],
    }


def _transaction_variants(prefix: str, root: str | None, pascal: bool) -> list[dict]:
    """A transaction's variants, by its TransactionTypeId, under ``root`` (the match reads the whole body)."""
    at = f"{root}." if root else ""
    key = (lambda n: at + n[0].upper() + n[1:]) if pascal else (lambda n: at + n)
    rooted = {"root": root} if root else {}
    fields = _fields(pascal)
    has_status = {key("statusId"): {"exists": True}}
    type_id = key("transactionTypeId")
    own = (lambda n: n[0].upper() + n[1:]) if pascal else (lambda n: n)  # rules read the rooted document
    system_failure = {"when": {own("responseEventId"): sorted(SYSTEM_FAILURES), own("statusId"): "E"},
                      "set": {"status_category": "ERROR"}}
    return [
        {"name": f"{prefix}.refund", **rooted, "match": {**has_status, type_id: REFUND_TYPES},
         "event_kind": "REFUND", "status_map": REFUND_STATUSES,
         "fields": {**fields, "refund_id": fields["provider_transaction_id"],
                    "attempt_id": ["ParentId" if pascal else "parentId"]}},
        {"name": f"{prefix}.void", **rooted, "match": {**has_status, type_id: "7"},
         "event_kind": "VOID", "status_map": VOID_STATUSES,
         "fields": {**fields, "attempt_id": ["ParentId" if pascal else "parentId"]}},
        {"name": f"{prefix}.capture", **rooted, "match": {**has_status, type_id: "0"},
         "event_kind": "CAPTURE", "fields": fields, "rules": [system_failure]},
        {"name": f"{prefix}.payment", **rooted, "match": has_status, "fields": fields, "rules": [system_failure]},
    ]


SPEC = {
    "provider": "vivawallet",
    "aliases": ["vivawallet", "viva wallet", "viva_wallet", "viva", "viva.com", "vivacom", "viva payments",
                "vivapayments"],
    "detect": [
        # Webhooks.
        {"path": "EventData.OrderCode", "exists": True, "weight": 0.3},
        {"path": "EventData.StatusId", "in": list(STATUSES), "weight": 0.2},
        {"path": "EventTypeId", "in": [1796, 1797, 1798, 1799, 8448, "1796", "1797", "1798", "1799", "8448"],
         "weight": 0.3},
        {"path": "MessageTypeId", "exists": True, "weight": 0.1},
        {"path": "RecipientId", "exists": True, "weight": 0.1},
        # Retrieve transaction (v2 camelCase) and the legacy transaction answers (PascalCase).
        {"path": "orderCode", "exists": True, "weight": 0.3},
        {"path": "statusId", "in": list(STATUSES), "weight": 0.2},
        {"path": "transactionTypeId", "exists": True, "weight": 0.2},
        {"path": "OrderCode", "exists": True, "weight": 0.3},
        {"path": "StatusId", "in": list(STATUSES), "weight": 0.2},
        {"path": "Transactions.0.StatusId", "in": list(STATUSES), "weight": 0.3},
        {"path": "Transactions.0.TransactionTypeId", "exists": True, "weight": 0.2},
        {"path": "CorrelationId", "exists": True, "weight": 0.1},
        {"path": "TimeStamp", "exists": True, "weight": 0.1},
        {"path": "ErrorText", "exists": True, "weight": 0.1},
        {"path": "EventId", "exists": True, "weight": 0.1},
        {"path": "ErrorCode", "exists": True, "weight": 0.1},
        {"path": "Success", "in": [True, False], "weight": 0.1},
        {"path": "ThreeDSecureStatusId", "exists": True, "weight": 0.2},
        {"path": "AuthorizationId", "exists": True, "weight": 0.1},
        # Smart Checkout redirect parameters.
        {"path": "eventId", "exists": True, "weight": 0.3},
        {"path": "eci", "exists": True, "weight": 0.1},
        {"path": "ECI", "exists": True, "weight": 0.1},
        {"path": "t", "exists": True, "weight": 0.1},
        {"path": "s", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "major",
    "status_map": STATUSES,
    "reason_map": REASONS,
    "reason_fallback": "iso8583",
    "payment_method_map": PAYMENT_METHODS,
    "variants": [
        {"name": "webhook.price_calculated.not_a_payment", "match": {"EventTypeId": [1799, "1799"]},
         "not_a_payment": "Viva's commission withdrawn from the account (Transaction Price Calculated)"},
        {"name": "webhook.transfer.not_a_payment", "match": {"EventTypeId": [8448, "8448"]},
         "not_a_payment": "a marketplace transfer between Viva accounts (Transfer Created)"},
        {"name": "webhook.account_transaction.not_a_payment",
         "match": {"EventData.TransactionId": {"exists": False}, "EventData.StatusId": {"exists": False},
                   "EventData": {"exists": True}, "EventTypeId": {"exists": True}},
         "not_a_payment": "a Viva account balance movement (Account Transaction Created), not a payment outcome"},
        *_transaction_variants("webhook", "EventData", pascal=True),
        *_transaction_variants("retrieve_legacy", "Transactions.0", pascal=True),
        {
            "name": "error",
            "match": {"Success": False, "ErrorCode": {"exists": True}, "StatusId": {"exists": False}},
            "status": "ERROR",
            "fields": {"reason_code": ["EventId", "ErrorCode"], "event_time": ["TimeStamp"]},
            "reason_map": HTTP_REASONS,
        },
        *_transaction_variants("transaction", None, pascal=True),
        *_transaction_variants("retrieve", None, pascal=False),
        {
            "name": "redirect",
            "match": {"eventId": {"exists": True}},
            "event_kind": "PAYMENT",
            "status_map": REDIRECT_STATUSES,
            "fields": {"provider_transaction_id": ["t"], "status": ["eventId"], "reason_code": ["eventId"],
                       "attempt_id": ["t"], "payment_id": ["s"]},
        },
        {
            "name": "redirect_pascal",
            "match": {"EventId": {"exists": True}, "t": {"exists": True}},
            "event_kind": "PAYMENT",
            "status_map": REDIRECT_STATUSES,
            "fields": {"provider_transaction_id": ["t"], "status": ["EventId"], "reason_code": ["EventId"],
                       "attempt_id": ["t"], "payment_id": ["s"]},
        },
    ],
}


def _positive(value: object) -> object:
    """A reversal's amount, which Viva writes negative, as its size."""
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return value
    return str(-amount) if amount < 0 else value


def prepare(body: object) -> object:
    """Viva writes the amount of a refund or void negative ("transactions that reverse previous payments have always
    a negative amount"); the event's amount is its size. Everything else is left as it is."""
    if not isinstance(body, dict) or not _reversal_paths(body):
        return body
    prepared = copy.deepcopy(body)
    for path, amount_key in _reversal_paths(prepared):
        holder = prepared
        for segment in path:
            holder = holder[segment]
        holder[amount_key] = _positive(holder[amount_key])
    return prepared


def _reversal_paths(body: dict) -> list[tuple[tuple, str]]:
    """Where a reversal's amount is: (path to its transaction, amount key)."""
    candidates = [((), body), (("EventData",), body.get("EventData"))]
    transactions = body.get("Transactions")
    if isinstance(transactions, list) and transactions:
        candidates.append((("Transactions", 0), transactions[0]))
    found = []
    for path, holder in candidates:
        if not isinstance(holder, dict):
            continue
        for type_key, amount_key in (("TransactionTypeId", "Amount"), ("transactionTypeId", "amount")):
            if str(holder.get(type_key)) in _REVERSAL_TYPES and holder.get(amount_key) is not None:
                found.append((path, amount_key))
    return found
