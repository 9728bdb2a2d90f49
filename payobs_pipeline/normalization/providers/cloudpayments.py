"""CloudPayments (Russia / Kazakhstan): the API's answers (a transaction ``Model`` in the ``{Model, Success,
Message}`` envelope), the payment notifications (Pay, Fail, Confirm, Refund, Recurrent) and the error answer.

Sources:
- CloudPayments API documentation (https://developers.cloudpayments.ru/#api, "Оплата по криптограмме",
  "Обработка 3-D Secure", "Просмотр транзакции"): every answer is {"Model": {...}, "Success": bool,
  "Message": text}; Success false with a Message and no Model is an invalid request; Success false with a Model
  holding AcsUrl / PaReq awaits the customer's 3-D Secure; Success false with a transaction Model is a
  declined payment (Status Declined, Reason, ReasonCode, CardHolderMessage). The transaction Model's fields as
  the SDK models copy them (a PHP Transaction model; a TypeScript IData): TransactionId, Amount (major units),
  Currency, CurrencyCode, InvoiceId, AccountId, CreatedDateIso, AuthDateIso, ConfirmDateIso, AuthCode,
  TestMode, IpCountry, CardFirstSix, CardLastFour, CardExpDate, CardType, CardTypeCode, Issuer,
  IssuerBankCountry, Status, StatusCode, Reason, ReasonCode, CardHolderMessage, Refunded, Token,
  SubscriptionId, GatewayName, WalletType.
- Transaction statuses ("Статусы операций"): AwaitingAuthentication (awaiting 3-D Secure), Authorized
  (authorized, awaiting capture in a two-stage payment), Completed, Cancelled (an authorization voided),
  Declined.
- Reason codes ("Коды ошибок", the ReasonCode table, as the SDKs enumerate it: cloudpayments Go constants
  ReferToCardIssuer = 5001 ... AntiFraud = 5300 with the documentation's descriptions; CloudPayments.Client
  ReasonCodes): 5001, 5003, 5004, 5005, 5006, 5007, 5012, 5013, 5014, 5015, 5019, 5030, 5031, 5033, 5034,
  5036, 5041, 5043, 5051, 5054, 5057, 5062, 5063, 5065, 5082, 5091, 5092, 5096, 5204, 5206, 5207, 5300.
- Notifications ("Уведомления"): Pay / Confirm (TransactionId, Amount, Currency, PaymentAmount,
  PaymentCurrency, OperationType Payment, InvoiceId, AccountId, DateTime, CardFirstSix, CardLastFour,
  CardType, CardExpDate, TestMode, Status Completed / Authorized, GatewayName, IssuerBankCountry, TotalFee,
  PaymentMethod), Fail (the same with Reason and ReasonCode), Refund (TransactionId of the refund,
  PaymentTransactionId, Amount, DateTime, OperationType Refund, InvoiceId, AccountId) and Recurrent (a
  subscription: Id "sc_...", AccountId, Description, Email, Amount, Currency, RequireConfirmation, StartDate,
  Interval, Period, Status Active / PastDue / Cancelled / Rejected / Expired, SuccessfulTransactionsNumber,
  FailedTransactionsNumber, MaxPeriods, LastTransactionDate, NextTransactionDate). A Recurrent notification is
  known by its subscription fields (the count of successful charges, the schedule), whatever its Id looks like.
  Detection without a hint also reads the Pay / Fail fields that name the payment in the customer's currency
  (PaymentAmount, PaymentCurrency), the subscription it charges (SubscriptionId), TestMode and a Fail's
  ReasonCode from the table above.
  The Refund notification names no currency; a payment's Currency "defaults to RUB when not passed" (payment
  parameters), so a refund notification is read in RUB.

Lifecycle identity: the TransactionId is the attempt; the merchant's InvoiceId is the payment; a refund is
its own TransactionId and names the payment's in PaymentTransactionId.
"""

from __future__ import annotations

STATUSES = {
    "AwaitingAuthentication": "PENDING",
    "Authorized": "APPROVED",
    "Completed": "APPROVED",
    "Cancelled": "CANCELLED",
    "Declined": "DECLINED",
}

# ReasonCode (and its name in Reason).
REASONS = {
    "5001": "GENERIC_DECLINE",  # ReferToCardIssuer: the issuer refused the online operation
    "5003": "CONFIGURATION_ERROR",  # InvalidMerchant
    "5004": "LOST_OR_STOLEN_CARD",  # PickUpCard
    "5005": "GENERIC_DECLINE",  # DoNotHonor
    "5006": "GENERIC_DECLINE",  # Error: the network refused the operation, or a wrong CVV
    "5007": "LOST_OR_STOLEN_CARD",  # PickUpCardSpecialConditions
    "5012": "TRANSACTION_NOT_PERMITTED",  # InvalidTransaction: the card is not for online payments
    "5013": "INVALID_REQUEST",  # AmountError: amount too small or too large
    "5014": "INVALID_CARD_DATA",  # InvalidCardNumber
    "5015": "INVALID_CARD_DATA",  # NoSuchIssuer
    "5019": "PROCESSING_ERROR",  # TransactionError
    "5030": "INVALID_REQUEST",  # FormatError: the acquirer built the transaction wrong
    "5031": "TRANSACTION_NOT_PERMITTED",  # BankNotSupportedBySwitch: unknown issuer
    "5033": "EXPIRED_CARD",  # ExpiredCardPickup
    "5034": "SUSPECTED_FRAUD",  # SuspectedFraud
    "5036": "RESTRICTED_CARD",  # RestrictedCard
    "5041": "LOST_OR_STOLEN_CARD",  # LostCard
    "5043": "LOST_OR_STOLEN_CARD",  # StolenCard
    "5051": "INSUFFICIENT_FUNDS",  # InsufficientFunds
    "5054": "EXPIRED_CARD",  # ExpiredCard (or a wrong expiry date)
    "5057": "TRANSACTION_NOT_PERMITTED",  # TransactionNotPermitted: a restriction on the card
    "5062": "RESTRICTED_CARD",  # RestrictedCard2
    "5063": "SUSPECTED_FRAUD",  # SecurityViolation
    "5065": "LIMIT_EXCEEDED",  # ExceedWithdrawalFrequency
    "5082": "INCORRECT_CVC",  # IncorrectCVV
    "5091": "ISSUER_UNAVAILABLE",  # Timeout: the issuer is unavailable
    "5092": "ISSUER_UNAVAILABLE",  # CannotReachNetwork
    "5096": "PROCESSING_ERROR",  # SystemError: acquirer or network error
    "5204": "GENERIC_DECLINE",  # UnableToProcess: other reasons
    "5206": {"reason": "AUTHENTICATION_FAILED", "source": "CUSTOMER"},  # 3-D Secure failed
    "5207": "AUTHENTICATION_FAILED",  # AuthenticationUnavailable: 3-D Secure unavailable
    "5300": "RISK_REJECTED",  # AntiFraud: the acquirer's limits
}
REASON_NAMES = {
    "ReferToCardIssuer": "5001", "InvalidMerchant": "5003", "PickUpCard": "5004", "DoNotHonor": "5005",
    "Error": "5006", "PickUpCardSpecialConditions": "5007", "InvalidTransaction": "5012", "AmountError": "5013",
    "InvalidCardNumber": "5014", "NoSuchIssuer": "5015", "TransactionError": "5019", "FormatError": "5030",
    "BankNotSupportedBySwitch": "5031", "ExpiredCardPickup": "5033", "SuspectedFraud": "5034",
    "RestrictedCard": "5036", "LostCard": "5041", "StolenCard": "5043", "InsufficientFunds": "5051",
    "ExpiredCard": "5054", "TransactionNotPermitted": "5057", "RestrictedCard2": "5062",
    "SecurityViolation": "5063", "ExceedWithdrawalFrequency": "5065", "IncorrectCVV": "5082", "Timeout": "5091",
    "CannotReachNetwork": "5092", "SystemError": "5096", "UnableToProcess": "5204",
    "AuthenticationFailed": "5206", "AuthenticationUnavailable": "5207", "AntiFraud": "5300",
}

PAYMENT_METHODS = {
    "card": "CARD", "applepay": "WALLET", "googlepay": "WALLET", "yandexpay": "WALLET", "samsungpay": "WALLET",
    "tinkoffpay": "WALLET", "sberpay": "WALLET", "mirpay": "WALLET", "sbp": "BANK_TRANSFER",
}

_TRANSACTION_FIELDS = {
    "provider_transaction_id": ["TransactionId"],
    "status": ["Status"],
    "reason_code": ["ReasonCode", "Reason"],
    "amount": ["Amount"],
    "currency": ["Currency"],
    "event_time": ["ConfirmDateIso", "AuthDateIso", "CreatedDateIso", "DateTime"],
    "payment_method": ["PaymentMethod", "WalletType"],
    "card_brand": ["CardType"],
    "card_country": ["IssuerBankCountry"],
    "customer_country": ["IpCountry"],
    "attempt_id": ["TransactionId"],
    "payment_id": ["InvoiceId"],
}

_VOID = [{"when": {"Status": "Cancelled"}, "set": {"event_kind": "VOID"}}]

SPEC = {
    "provider": "cloudpayments",
    "aliases": ["cloudpayments", "cloud payments", "cloudpayments.ru", "cloudpayments kz", "cloudpayments.kz"],
    "detect": [
        # API answers.
        {"path": "Success", "in": [True, False], "weight": 0.25},
        {"path": "Message", "exists": True, "weight": 0.25},
        {"path": "Model.TransactionId", "exists": True, "weight": 0.3},
        {"path": "Model.CardFirstSix", "exists": True, "weight": 0.2},
        {"path": "Model.CardHolderMessage", "exists": True, "weight": 0.2},
        {"path": "Model.AcsUrl", "exists": True, "weight": 0.1},
        {"path": "Model.PaReq", "exists": True, "weight": 0.1},
        # Notifications.
        {"path": "OperationType", "in": ["Payment", "Refund", "CardPayout"], "weight": 0.3},
        {"path": "PaymentTransactionId", "exists": True, "weight": 0.3},
        {"path": "GatewayName", "exists": True, "weight": 0.2},
        {"path": "CardFirstSix", "exists": True, "weight": 0.2},
        {"path": "TransactionId", "exists": True, "weight": 0.1},
        {"path": "TotalFee", "exists": True, "weight": 0.1},
        {"path": "PaymentAmount", "exists": True, "weight": 0.2},
        {"path": "PaymentCurrency", "exists": True, "weight": 0.2},
        {"path": "SubscriptionId", "exists": True, "weight": 0.1},
        {"path": "TestMode", "exists": True, "weight": 0.1},
        {"path": "ReasonCode", "in": list(REASONS), "weight": 0.2},
        # Recurrent notifications and subscription answers.
        {"path": "Id", "prefix": "sc_", "weight": 0.3},
        {"path": "SuccessfulTransactionsNumber", "exists": True, "weight": 0.3},
        {"path": "FailedTransactionsNumber", "exists": True, "weight": 0.2},
        {"path": "Model.Id", "prefix": "sc_", "weight": 0.3},
    ],
    "amount_unit": "major",
    "status_map": STATUSES,
    "reason_map": {**REASONS, **{name: REASONS[code] for name, code in REASON_NAMES.items()}},
    "payment_method_map": PAYMENT_METHODS,
    "default_payment_method": "CARD",
    "variants": [
        {"name": "subscription.not_a_payment", "match": {"Model.Id": {"prefix": "sc_"}},
         "not_a_payment": "a CloudPayments subscription object: not a payment"},
        {"name": "notification.recurrent.not_a_payment", "match": {"Id": {"prefix": "sc_"}},
         "not_a_payment": "a CloudPayments Recurrent notification (a subscription's state): not a payment"},
        {"name": "notification.recurrent.by_fields.not_a_payment",
         "match": {"SuccessfulTransactionsNumber": {"exists": True}, "Interval": {"exists": True}},
         "not_a_payment": "a CloudPayments Recurrent notification (a subscription's state): not a payment"},
        {"name": "answer.3ds", "match": {"Model.AcsUrl": {"exists": True}}, "root": "Model", "status": "PENDING",
         "event_kind": "AUTHORIZATION",
         "fields": {"provider_transaction_id": ["TransactionId"], "attempt_id": ["TransactionId"]}},
        {"name": "answer.transaction", "match": {"Model.TransactionId": {"exists": True}, "Model.Status": {"exists": True}},
         "root": "Model", "fields": _TRANSACTION_FIELDS, "rules": _VOID},
        {"name": "answer.error", "match": {"Success": False, "Message": {"exists": True}},
         "status": "ERROR", "default_payment_method": None, "fields": {"reason_code": ["Message"]},
         # "Success false and a Message: the request is wrong" (the API's answer format).
         "rules": [{"when": {}, "set": {"failure_reason": "INVALID_REQUEST"}}]},
        {"name": "notification.refund", "match": {"OperationType": "Refund"}, "status": "REFUNDED",
         "event_kind": "REFUND", "default_currency": "RUB", "default_payment_method": None,
         "fields": {"provider_transaction_id": ["TransactionId"], "amount": ["Amount"], "currency": ["Currency"],
                    "event_time": ["DateTime"], "refund_id": ["TransactionId"],
                    "attempt_id": ["PaymentTransactionId"], "payment_id": ["InvoiceId"]}},
        {"name": "notification.fail", "match": {"TransactionId": {"exists": True}, "ReasonCode": {"exists": True},
                                                "Status": {"exists": False}},
         "status": "DECLINED", "fields": _TRANSACTION_FIELDS},
        # A Pay notification kept without its Currency: payments are taken in several currencies (payment
        # parameters: Currency, RUB only when not passed at payment time), so its Amount is not read; the
        # status still decides.
        {"name": "notification.payment.without_currency",
         "match": {"TransactionId": {"exists": True}, "Status": {"exists": True}, "Currency": {"exists": False},
                   "OperationType": "Payment"},
         "fields": {key: paths for key, paths in _TRANSACTION_FIELDS.items() if key not in ("amount", "currency")},
         "rules": _VOID},
        {"name": "notification.payment", "match": {"TransactionId": {"exists": True}, "Status": {"exists": True}},
         "fields": _TRANSACTION_FIELDS, "rules": _VOID},
    ],
}
