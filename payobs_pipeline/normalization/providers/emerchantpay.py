"""emerchantpay Genesis gateway: the XML ``payment_response`` (processing, reconcile), the Web Payment Form
``wpf_payment``, and the notifications (API and WPF, form posts).

Sources (SDK source: emerchantpay's own Genesis PHP client, GenesisGateway/genesis_php):
- src/Genesis/Api/Constants/Transaction/States.php: approved ("approved by the schemes"), declined ("by the
  schemes or risk management"), pending ("the outcome could not be determined, e.g. at a timeout ... make a
  reconcile"), pending_async (3-D Secure, waiting for user input), pending_hold (finalized by the user, waiting
  for the provider), pending_review (on hold for a manual review), in_progress, error ("an error has occurred
  while negotiating with the schemes"), unsuccessful ("failed, but it was not declined"), refunded, voided,
  chargebacked, chargeback_reversed, chargeback_reversal, pre_arbitrated, second_chargebacked, represented,
  representment_reversed; the WPF states new, user, timeout, submitted.
- src/Genesis/Api/Constants/Errors.php: the error codes and their descriptions (000 success, 001 undefined, 1xx
  system / authentication / configuration, 2xx issuer communication, 3xx input data, 4xx workflow and
  reference, 5xx issuer declines (500 declined by issuer, 510 invalid card, 520 expired card, 530 pending, 540
  credit exceeded), 6xx risk management, 7xx tokenization and consumers, 8xx KYC, 9xx remote (issuer side)).
- Notifications: spec/Genesis/Api/NotificationSpec.php and src/Genesis/Api/Notification.php (API: unique_id,
  status, signature, terminal_token; WPF: wpf_unique_id, wpf_status, wpf_transaction_id,
  payment_transaction_unique_id, payment_transaction_transaction_type, notification_type).
- The payment_response fields (transaction_type, status, unique_id, transaction_id, code, technical_message,
  message, mode, timestamp, descriptor, amount in minor units, currency, sent_to_acquirer) are those the
  genesis_php Response parser and the emerchantpay shop plugins read; no stored docs page was found for them.

Transaction types decide the kind: refund a REFUND, void a VOID, capture a CAPTURE, chargeback a DISPUTE; the
chargeback states of a payment are its dispute. ``pending`` is UNKNOWN (the outcome is not known: reconcile), not
PENDING. ``unsuccessful`` is an ERROR.

Lifecycle identity: unique_id (Genesis' id) is the attempt; transaction_id (the merchant's) is the payment; a
refund's or chargeback's unique_id is the refund or dispute, its reference_id the attempt it is about; a WPF's
wpf_unique_id is the payment.
"""

from __future__ import annotations

STATES = {
    "approved": "APPROVED",
    "declined": "DECLINED",
    "pending": "UNKNOWN",  # outcome not known (timeout): reconcile
    "pending_async": "PENDING",
    "pending_hold": "PENDING",
    "pending_review": "PENDING",
    "in_progress": "PENDING",
    "error": "ERROR",
    "unsuccessful": "ERROR",  # failed, but not declined
    "refunded": "REFUNDED",
    "voided": "CANCELLED",
    "chargebacked": "CHARGEBACK",
    "chargeback_reversed": "CHARGEBACK",
    "chargeback_reversal": "CHARGEBACK",
    "pre_arbitrated": "CHARGEBACK",
    "second_chargebacked": "CHARGEBACK",
    "represented": "CHARGEBACK",
    "representment_reversed": "CHARGEBACK",
}
WPF_STATES = {**STATES, "new": "PENDING", "user": "PENDING", "submitted": "PENDING", "timeout": "CANCELLED"}

REASONS = {
    "001": "UNKNOWN",  # undefined error
    "100": "PROCESSING_ERROR",  # general system error
    "101": "PROCESSING_ERROR",  # maintenance
    "110": "CONFIGURATION_ERROR",  # login failed
    "120": "CONFIGURATION_ERROR",  # terminal not configured properly
    "200": "PROCESSING_ERROR",  # communication with issuer failed
    "210": "ISSUER_UNAVAILABLE",  # connection to issuer could not be established
    "220": "CONFIGURATION_ERROR",  # issuer account data invalid
    "230": "TIMEOUT",  # issuer does not respond in time: reconcile
    "240": "PROCESSING_ERROR",  # issuer returned invalid response
    "250": "PROCESSING_ERROR",  # issuer response could not be parsed
    "300": "INVALID_REQUEST", "310": "INVALID_REQUEST", "320": "INVALID_REQUEST", "330": "INVALID_REQUEST",
    "331": "INVALID_REQUEST", "340": "INVALID_REQUEST", "350": "INVALID_REQUEST", "360": "INVALID_REQUEST",
    "400": "INVALID_REQUEST",  # workflow error, e.g. a refund on a declined transaction
    "410": "INVALID_REQUEST", "420": "INVALID_REQUEST", "430": "INVALID_REQUEST", "440": "INVALID_REQUEST",
    "450": "DUPLICATE",  # transaction doublet detected
    "460": "INVALID_REQUEST", "470": "INVALID_REQUEST", "480": "INVALID_REQUEST", "490": "INVALID_REQUEST",
    "500": "GENERIC_DECLINE",  # declined by issuer
    "510": "INVALID_CARD_DATA",  # invalid card number
    "511": "TRANSACTION_NOT_PERMITTED",  # OCT not enabled
    "520": "EXPIRED_CARD",
    "530": "UNKNOWN",  # transaction pending
    "540": "LIMIT_EXCEEDED",  # amount exceeds credit card limit
    "550": "PROCESSING_ERROR",  # voucher could not be issued
    "600": "RISK_REJECTED", "601": "RISK_REJECTED", "602": "RISK_REJECTED", "609": "RISK_REJECTED",
    "610": "RISK_REJECTED", "611": "RISK_REJECTED", "612": "RISK_REJECTED", "613": "RISK_REJECTED",
    "614": "RISK_REJECTED", "615": "RISK_REJECTED",
    "620": "LIMIT_EXCEEDED", "621": "LIMIT_EXCEEDED", "622": "LIMIT_EXCEEDED", "623": "LIMIT_EXCEEDED",
    "624": "LIMIT_EXCEEDED", "625": "LIMIT_EXCEEDED", "628": "LIMIT_EXCEEDED",
    "626": "RISK_REJECTED",  # multiple failure detection
    "627": "RISK_REJECTED",  # cross-selling
    "629": "RISK_REJECTED",  # declined by risk management
    "630": "RISK_REJECTED",  # on hold for manual review (when declined)
    "690": "RISK_REJECTED",  # address verification failed
    "691": "RISK_REJECTED", "692": "RISK_REJECTED", "693": "RISK_REJECTED", "694": "RISK_REJECTED",
    "695": "RISK_REJECTED", "696": "RISK_REJECTED", "697": "RISK_REJECTED",
    "700": "PROCESSING_ERROR", "701": "INVALID_REQUEST", "702": "INVALID_REQUEST", "703": "INVALID_REQUEST",
    "710": "CONFIGURATION_ERROR", "720": "INVALID_REQUEST", "730": "INVALID_REQUEST",
    "740": "CONFIGURATION_ERROR",
    "900": "PROCESSING_ERROR",  # error on the issuer side
    "910": "ISSUER_UNAVAILABLE",  # remote system error
    "920": "CONFIGURATION_ERROR",  # issuer configuration error
    "930": "INVALID_REQUEST",  # data caused an error on the issuer
    "940": "INVALID_REQUEST",  # remote workflow error
    "950": "TIMEOUT",  # issuer time-out with the clearing network
    "960": "ISSUER_UNAVAILABLE",  # issuer could not reach the clearing network
}

_KIND_RULES = [
    {"when": {"transaction_type": "refund"}, "set": {"event_kind": "REFUND"}},
    {"when": {"transaction_type": "refund", "status": "approved"}, "set": {"status_category": "REFUNDED"}},
    {"when": {"transaction_type": "void"}, "set": {"event_kind": "VOID"}},
    {"when": {"transaction_type": "void", "status": "approved"}, "set": {"status_category": "CANCELLED"}},
    {"when": {"transaction_type": "capture"}, "set": {"event_kind": "CAPTURE"}},
    {"when": {"transaction_type": "chargeback"}, "set": {"status_category": "CHARGEBACK", "event_kind": "DISPUTE"}},
    {"when": {"status": "voided"}, "set": {"event_kind": "VOID"}},
]

_RESPONSE_FIELDS = {
    "provider_transaction_id": ["unique_id"],
    "status": ["status"],
    "reason_code": ["code"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["timestamp"],
    "card_brand": ["card_brand"],
    "attempt_id": ["unique_id"],
    "payment_id": ["transaction_id"],
}

SPEC = {
    "provider": "emerchantpay",
    "aliases": ["emerchantpay", "emerchant pay", "emp", "genesis", "genesis gateway", "emerchantpay.net"],
    "detect": [
        {"path": "payment_response.status", "in": list(STATES), "weight": 0.4},
        {"path": "payment_response.unique_id", "exists": True, "weight": 0.2},
        {"path": "payment_response.technical_message", "exists": True, "weight": 0.2},
        {"path": "payment_response.sent_to_acquirer", "exists": True, "weight": 0.1},
        {"path": "payment_response.transaction_type", "exists": True, "weight": 0.1},
        {"path": "wpf_payment.status", "in": list(WPF_STATES), "weight": 0.4},
        {"path": "wpf_payment.unique_id", "exists": True, "weight": 0.2},
        {"path": "wpf_unique_id", "exists": True, "weight": 0.4},
        {"path": "wpf_status", "in": list(WPF_STATES), "weight": 0.2},
        {"path": "payment_transaction_unique_id", "exists": True, "weight": 0.2},
        {"path": "terminal_token", "exists": True, "weight": 0.5},
        {"path": "signature", "exists": True, "weight": 0.05},
        {"path": "status", "in": ["pending_async", "pending_hold", "chargebacked", "pre_arbitrated",
                                  "second_chargebacked", "representment_reversed"], "weight": 0.15},
    ],
    "amount_unit": "minor",
    "status_map": STATES,
    "reason_map": REASONS,
    "default_payment_method": "CARD",
    "fields": _RESPONSE_FIELDS,
    "variants": [
        {"name": "payment_response.refund_or_chargeback", "root": "payment_response",
         "match": {"payment_response.transaction_type": ["refund", "chargeback"]},
         "fields": {**_RESPONSE_FIELDS, "refund_id": ["unique_id"], "dispute_id": ["unique_id"],
                    "attempt_id": ["reference_id"]},
         "rules": _KIND_RULES},
        {"name": "payment_response", "root": "payment_response", "match": {"payment_response.status": {"exists": True}},
         "rules": _KIND_RULES},
        {"name": "wpf_payment", "root": "wpf_payment", "match": {"wpf_payment.status": {"exists": True}},
         "event_kind": "PAYMENT", "status_map": WPF_STATES,
         "fields": {**_RESPONSE_FIELDS, "attempt_id": ["payment_transaction.unique_id"],
                    "payment_id": ["unique_id"]}},
        {"name": "notification.wpf", "match": {"wpf_unique_id": {"exists": True}},
         "event_kind": "PAYMENT", "status_map": WPF_STATES,
         "fields": {"provider_transaction_id": ["wpf_unique_id"], "status": ["wpf_status", "status"],
                    "attempt_id": ["payment_transaction_unique_id"], "payment_id": ["wpf_unique_id"],
                    "amount": [], "currency": [], "reason_code": []},
         "rules": [{"when": {"payment_transaction_transaction_type": "refund"}, "set": {"event_kind": "REFUND"}}]},
        {"name": "notification.api", "match": {"unique_id": {"exists": True}, "signature": {"exists": True}},
         "fields": {"provider_transaction_id": ["unique_id"], "status": ["status"], "attempt_id": ["unique_id"],
                    "payment_id": ["transaction_id"], "amount": [], "currency": [], "reason_code": []},
         "rules": _KIND_RULES},
    ],
}
