"""Mangopay (marketplace payments, France/Luxembourg): pay-ins, pay-in refunds, repudiations, disputes and
pre-authorizations of the v2.01 API, the hook notifications, and the API error object. Pay-outs, transfers, KYC,
card registrations, mandates and UBO declarations are not payment outcomes of the merchant's acceptance.

Sources:
- "All error codes" (docs.mangopay.com/errors, docs.mangopay.com/errors/codes.md) and the per-code pages
  docs.mangopay.com/errors/codes/<code>, whose examples are full pay-in objects (Id, AuthorId, DebitedFunds
  {Currency, Amount in cents}, CreditedFunds, Fees, Status, ResultCode, ResultMessage, Type, Nature,
  PaymentType, ExecutionType, CardId, SecureMode ...): 000000 success; generic 001015, 001999, 009999; user
  limits 002601/002602 (closed users), 002701/002702 (user category), 002996-002999 (balance/KYC limits);
  001013 invalid transaction amount; fraud policy 008002 lost card, 008003 stolen card, 008005 security
  violation, 008006 fraud suspected by the bank, 008500 blocked by fraud policy, 008511 3DS failed on
  supplementary security checks, 008515 authentication not available (no liability shift), 008700 user blocked,
  008999 suspicion of fraud; refused transactions 101101 do not honor, 101105 card expired, 101199 refused;
  3-D Secure 101301 authentication failed, 101399 not available; 101410 card not active; card input 105101
  invalid card number, 105103 invalid PIN; card registration 101699, 105202, 105204, 105299; pay-in by bank
  206108 user blocked by bank, 206109 user denied by bank. Only the codes whose pages were found are mapped:
  the index page could be read only up to its user-limit section.
- Hooks ("The Hook object", Mangopay/api-docs entities/v2.01/792_the-hook-object_top.md): a GET to the
  merchant's URL with EventType, RessourceId and Date; the event types PAYIN_NORMAL_CREATED / SUCCEEDED /
  FAILED, PAYIN_REFUND_*, PAYIN_REPUDIATION_*, DISPUTE_CREATED / SUBMITTED / ACTION_REQUIRED /
  FURTHER_ACTION_REQUIRED / CLOSED / SENT_TO_BANK, and the PAYOUT_*, TRANSFER_*, KYC_*, MANDATE_*,
  DISPUTE_DOCUMENT_*, TRANSFER_SETTLEMENT_* types that are not payment outcomes.
- Error object (Mangopay/api-docs, "The following HTTP codes are used by the API"): {Message, Type
  (param_error, ressource_not_found, ...), Id, Date, errors}.
- Transaction objects: Type PAYIN / PAYOUT / TRANSFER with Nature REGULAR / REFUND / REPUDIATION / SETTLEMENT,
  refunds naming InitialTransactionId and InitialTransactionType; Status CREATED, SUCCEEDED, FAILED. The
  pre-authorization's PaymentStatus (WAITING, CANCELED, EXPIRED, VALIDATED) and the Dispute object's Status and
  DisputeType are read from recollection of the API reference, not a stored page.

A hook states the outcome in its event type but carries no amount: it is mapped with the resource id alone.

Lifecycle identity: a pay-in's Id is the attempt (Mangopay has no separate payment object; a pre-authorized
pay-in names its PreauthorizationId, the payment); a refund's Id is the refund and InitialTransactionId the pay-in
it refunds; a dispute's Id is the dispute and InitialTransactionId the pay-in.
"""

from __future__ import annotations

STATUSES = {"CREATED": "PENDING", "SUCCEEDED": "APPROVED", "FAILED": "DECLINED"}

REASONS = {
    "001013": "INVALID_REQUEST",  # invalid transaction amount (rejected by the user's bank)
    "001015": "CONFIGURATION_ERROR",  # the client API access is not active
    "001999": "PROCESSING_ERROR",  # generic operation error
    "009999": "PROCESSING_ERROR",  # technical error
    "002601": "TRANSACTION_NOT_PERMITTED",  # debited wallet's user is closed
    "002602": "TRANSACTION_NOT_PERMITTED",  # credited wallet's user is closed
    "002701": "TRANSACTION_NOT_PERMITTED",  # user category PAYER
    "002702": "TRANSACTION_NOT_PERMITTED",
    "002996": "LIMIT_EXCEEDED",  # user balance limit
    "002997": "LIMIT_EXCEEDED",  # KYC limit
    "002998": "LIMIT_EXCEEDED",
    "002999": "LIMIT_EXCEEDED",
    "008002": "LOST_OR_STOLEN_CARD",  # lost card
    "008003": "LOST_OR_STOLEN_CARD",  # stolen card
    "008005": "RISK_REJECTED",  # security violation: blocked by Mangopay's fraud team
    "008006": "SUSPECTED_FRAUD",  # fraud suspected by the bank
    "008500": "RISK_REJECTED",  # blocked by fraud policy (platform or Mangopay rules)
    "008511": "RISK_REJECTED",  # 3DS failed on supplementary security checks
    "008515": "RISK_REJECTED",  # authentication not available, liability shift rejected
    "008700": "RISK_REJECTED",  # user blocked by fraud policy
    "008999": "SUSPECTED_FRAUD",  # suspicion of fraud
    "101101": "GENERIC_DECLINE",  # refused by the bank (do not honor)
    "101105": "EXPIRED_CARD",
    "101199": "GENERIC_DECLINE",  # transaction refused
    "101301": "AUTHENTICATION_FAILED",  # 3DSecure authentication has failed
    "101399": "AUTHENTICATION_FAILED",  # 3DSecure authentication is not available
    "101410": "INVALID_CARD_DATA",  # the card is not active (register it again)
    "101699": "INVALID_CARD_DATA",  # card registration error
    "105101": "INVALID_CARD_DATA",  # invalid card number
    "105103": "AUTHENTICATION_FAILED",  # invalid PIN code
    "105202": "INVALID_CARD_DATA",  # card number: invalid format
    "105204": "INCORRECT_CVC",  # CVV missing or invalid format
    "105299": "PROCESSING_ERROR",  # token input error
    "206108": "RESTRICTED_CARD",  # user blocked by bank
    "206109": "TRANSACTION_NOT_PERMITTED",  # user denied by bank
}

ERROR_TYPES = {"param_error": "INVALID_REQUEST", "ressource_not_found": "INVALID_REQUEST"}

PAYMENT_METHODS = {
    "CARD": "CARD", "PREAUTHORIZED": "CARD", "DIRECT_DEBIT": "DIRECT_DEBIT", "BANK_WIRE": "BANK_TRANSFER",
    "PAYPAL": "WALLET", "APPLEPAY": "WALLET", "GOOGLE_PAY": "WALLET", "GOOGLEPAY": "WALLET", "MBWAY": "WALLET",
    "PAYCONIQ": "WALLET", "BLIK": "BANK_TRANSFER", "IDEAL": "BANK_TRANSFER", "KLARNA": "BNPL",
    "MULTIBANCO": "CASH_VOUCHER", "SATISPAY": "WALLET", "BIZUM": "WALLET", "TWINT": "WALLET", "SWISH": "WALLET",
}

# Hook event types: the payment outcomes they state.
PAYIN_HOOKS = {"PAYIN_NORMAL_CREATED": "PENDING", "PAYIN_NORMAL_SUCCEEDED": "APPROVED",
               "PAYIN_NORMAL_FAILED": "DECLINED"}
REFUND_HOOKS = {"PAYIN_REFUND_CREATED": "PENDING", "PAYIN_REFUND_SUCCEEDED": "REFUNDED",
                "PAYIN_REFUND_FAILED": "DECLINED"}
DISPUTE_HOOKS = ["PAYIN_REPUDIATION_CREATED", "PAYIN_REPUDIATION_SUCCEEDED", "PAYIN_REPUDIATION_FAILED",
                 "DISPUTE_CREATED", "DISPUTE_SUBMITTED", "DISPUTE_ACTION_REQUIRED", "DISPUTE_FURTHER_ACTION_REQUIRED",
                 "DISPUTE_CLOSED", "DISPUTE_SENT_TO_BANK"]
NON_PAYMENT_HOOK_PREFIXES = ["PAYOUT_", "TRANSFER_", "KYC_", "MANDATE", "DISPUTE_DOCUMENT_", "UBO_", "USER_"]

# A pre-authorization's PaymentStatus: WAITING (to be captured), VALIDATED (captured by a pay-in), CANCELED, EXPIRED.
PREAUTHORIZATION_STATUSES = ["WAITING", "CANCELED", "EXPIRED", "VALIDATED"]

_AMOUNT = ["DebitedFunds.Amount"]
_CURRENCY = ["DebitedFunds.Currency"]
_HOOK_FIELDS = {"provider_transaction_id": ["RessourceId"], "status": ["EventType"], "event_time": ["Date"],
                "amount": [], "currency": [], "reason_code": [], "payment_method": [], "card_brand": []}

SPEC = {
    "provider": "mangopay",
    "aliases": ["mangopay", "mango pay", "mangopay.com", "mangopay v2.01"],
    "detect": [
        {"path": "DebitedFunds.Amount", "exists": True, "weight": 0.2},
        {"path": "CreditedFunds.Amount", "exists": True, "weight": 0.1},
        {"path": "CreditedWalletId", "exists": True, "weight": 0.15},
        {"path": "ResultCode", "in": ["000000", *REASONS], "weight": 0.2},
        {"path": "Nature", "in": ["REGULAR", "REFUND", "REPUDIATION", "SETTLEMENT"], "weight": 0.15},
        {"path": "Type", "in": ["PAYIN", "PAYOUT", "TRANSFER"], "weight": 0.05},
        {"path": "RessourceId", "exists": True, "weight": 0.35},
        {"path": "EventType", "in": [*PAYIN_HOOKS, *REFUND_HOOKS, *DISPUTE_HOOKS], "weight": 0.25},
        {"path": "EventType", "prefix": NON_PAYMENT_HOOK_PREFIXES, "weight": 0.15},
        {"path": "DisputedFunds.Amount", "exists": True, "weight": 0.3},
        {"path": "DisputeType", "exists": True, "weight": 0.2},
        {"path": "PaymentStatus", "in": PREAUTHORIZATION_STATUSES, "weight": 0.15},
        {"path": "PreregistrationData", "exists": True, "weight": 0.3},
        {"path": "RegistrationData", "exists": True, "weight": 0.2},
    ],
    "amount_unit": "minor",
    "status_map": STATUSES,
    "reason_map": REASONS,
    "payment_method_map": PAYMENT_METHODS,
    "fields": {
        "provider_transaction_id": ["Id"],
        "status": ["Status"],
        "reason_code": ["ResultCode"],
        "amount": _AMOUNT,
        "currency": _CURRENCY,
        "event_time": ["ExecutionDate", "CreationDate"],
        "payment_method": ["PaymentType"],
        "card_brand": ["CardType"],
        "attempt_id": ["Id"],
        "payment_id": ["PreauthorizationId"],
    },
    "variants": [
        {"name": "error", "match": {"Message": {"exists": True}, "Type": {"exists": True}, "Status": {"exists": False},
                                    "Nature": {"exists": False}},
         "status": "ERROR", "reason_map": ERROR_TYPES,
         "fields": {"provider_transaction_id": ["Id"], "reason_code": ["Type"], "amount": [], "currency": [],
                    "attempt_id": [], "payment_id": [], "event_time": ["Date"]}},
        {"name": "hook.payin", "match": {"EventType": {"in": list(PAYIN_HOOKS)}, "RessourceId": {"exists": True}},
         "status_map": PAYIN_HOOKS, "fields": {**_HOOK_FIELDS, "attempt_id": ["RessourceId"], "payment_id": []}},
        {"name": "hook.refund", "match": {"EventType": {"in": list(REFUND_HOOKS)}, "RessourceId": {"exists": True}},
         "event_kind": "REFUND", "status_map": REFUND_HOOKS,
         "fields": {**_HOOK_FIELDS, "refund_id": ["RessourceId"], "attempt_id": [], "payment_id": []}},
        {"name": "hook.dispute", "match": {"EventType": {"in": DISPUTE_HOOKS}, "RessourceId": {"exists": True}},
         "status": "CHARGEBACK", "event_kind": "DISPUTE",
         "fields": {**_HOOK_FIELDS, "dispute_id": ["RessourceId"], "attempt_id": [], "payment_id": []}},
        {"name": "hook.other", "match": {"EventType": {"exists": True}, "RessourceId": {"exists": True}},
         "not_a_payment": "pay-out, transfer, KYC, mandate or dispute-document notification"},
        {"name": "card_registration", "match": {"RegistrationData": {"exists": True}},
         "not_a_payment": "a card registration (tokenization), no payment"},
        {"name": "payin_refund",
         "match": {"Type": "PAYOUT", "Nature": "REFUND", "InitialTransactionType": "PAYIN"},
         "event_kind": "REFUND", "status_map": {"SUCCEEDED": "REFUNDED"},
         "fields": {"refund_id": ["Id"], "attempt_id": ["InitialTransactionId"], "payment_id": [],
                    "payment_method": [], "card_brand": []}},
        {"name": "repudiation", "match": {"Nature": "REPUDIATION"},
         "status": "CHARGEBACK", "event_kind": "DISPUTE",
         "fields": {"dispute_id": ["RepudiationId", "Id"], "attempt_id": ["InitialTransactionId"], "payment_id": []}},
        {"name": "dispute", "match": {"DisputeType": {"exists": True}, "InitialTransactionId": {"exists": True}},
         "status": "CHARGEBACK", "event_kind": "DISPUTE",
         "fields": {"dispute_id": ["Id"], "attempt_id": ["InitialTransactionId"], "payment_id": [],
                    "amount": ["DisputedFunds.Amount"], "currency": ["DisputedFunds.Currency"],
                    "event_time": ["CreationDate"]}},
        {"name": "preauthorization", "match": {"PaymentStatus": {"in": PREAUTHORIZATION_STATUSES}},
         "fields": {"payment_id": ["Id"], "event_time": ["AuthorizationDate", "CreationDate"]},
         "rules": [{"when": {"Status": "SUCCEEDED", "PaymentStatus": ["CANCELED", "EXPIRED"]},
                    "set": {"status_category": "CANCELLED", "event_kind": "VOID"}}]},
        {"name": "payin", "match": {"Type": "PAYIN", "Status": {"in": list(STATUSES)}}},
        {"name": "payout_or_transfer", "match": {"Type": ["PAYOUT", "TRANSFER"]},
         "not_a_payment": "a pay-out, transfer, settlement or transfer refund moves wallet balances"},
    ],
}
