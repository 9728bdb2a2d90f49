"""Paymentez (Nuvei LatAm; Ecuador, Colombia, Mexico, Peru, Brazil, Chile): the transaction answer and webhook
(``{"transaction": {...}, "card": {...}, "user": {...}}``), the OTP / verify answer, the refund answer, the card
store answer and the API error body.

Sources (Paymentez's API reference, developers.paymentez.com/api / paymentez.github.io/api-doc, is not among the
stored pages: everything below rests on SDK source and plugin code that copy its tables, and is said so):
- Transaction answer fields: activemerchant/active_merchant test/unit/gateways/paymentez_test.rb (debit_cc,
  authorize, capture, inquire answers: transaction {status success / failure, current_status APPROVED,
  payment_date, amount, authorization_code, installments, dev_reference (the merchant's order), message,
  carrier_code, id, status_detail}, card {bin, status, token, expiry_year, expiry_month, transaction_reference,
  type vi / mc / ax / di / el / ..., number, origin}); the gateway lib/active_merchant/billing/gateways/paymentez.rb
  (success when status is success / pending / 1 / 0; an ``error`` body is a configuration error; amounts sent as
  major-unit decimals, ``amount(money).to_f``); the OTP capture answer {status 1, payment_date, amount,
  transaction_id, status_detail 3, message}; refund / void answers {status success / failure, detail Completed /
  Invalid Status, transaction {carrier_code, message, status_detail 7}}; errors {"error": {"type", "help",
  "description"}} ("Carrier not supported", "Card already added: <token>").
- status_detail table (Paymentez "Status details"), as copied in ajmariduena/laravel-paymentez
  src/LaravelPaymentez.php and in the Paymentez WooCommerce plugin's webhook handler (pg_woocommerce webhook.php):
  0 Waiting for Payment, 1 Verification required, 2 Paid partially, 3 Paid, 6 Fraud, 7 Refund, 8 Chargeback,
  9 Rejected by carrier, 10 System error, 11 Paymentez fraud, 12 Paymentez blacklist, 13 Time tolerance,
  14 Expired by Paymentez, 15 Expired by carrier, 19 Invalid Authorization Code, 20 Authorization code expired,
  21 Paymentez Fraud - Pending refund, 22 Invalid AuthCode - Pending refund, 23 AuthCode expired - Pending refund,
  24 Paymentez Fraud - Refund requested, 25 Invalid AuthCode - Refund requested, 26 AuthCode expired - Refund
  requested, 27 Merchant - Pending refund, 28 Merchant - Refund requested, 29 Annulled, 30 Transaction seated
  (only Ecuador), 31 Waiting for OTP, 32 OTP successfully validated, 33 OTP not validated, 34 Partial refund,
  35 3DS method requested, waiting to continue, 36 3DS challenge requested, waiting CRES, 37 Rejected by 3DS.
  Codes 4, 5 and 16-18 are not in those copies and are left unmapped.
- Webhook: the WooCommerce plugin's handler reads the POSTed JSON's transaction {status success / failure /
  pending, status_detail, id, authorization_code, dev_reference, message, stoken (md5 of id, application code,
  user id and key), payment_date} and user {id}; status_detail 7 refunds the order, 8 cancels it (chargeback).

Carrier codes: ``carrier_code`` is the carrier's (acquirer's) own code, not a shared table: the SDK fixtures
show "00", "4" and "6" on approvals and "54" with the message "Expired card" on a decline, so no ISO table is
applied to it; Paymentez's carrier code table is not among the stored sources. A rejected-by-carrier decline
is GENERIC_DECLINE unless its message is one the fixtures document.

Amounts are major units, but no answer or webhook names a currency (it is the application's, per country):
amounts are left unread rather than given a guessed currency.

A status_detail 0 with status success is an authorization awaiting capture (the authorize fixture: current_status
APPROVED): APPROVED. Expired (14, 15) is CANCELLED; Annulled (29) is a VOID; a fraud or invalid-code rejection
whose charge must be returned (21-26) is still a DECLINED authorization; a merchant refund pending or requested
(27, 28) is a pending REFUND.

Lifecycle identity: transaction.id (``CI-``/``PR-`` ...) is the attempt; the merchant's dev_reference is the
payment; a refund answer names the refunded transaction only by the id it was sent, so no refund id.
"""

from __future__ import annotations

STATUS_DETAILS = {
    "0": "PENDING",  # Waiting for Payment (APPROVED when status is success: an authorization, see _RULES)
    "1": "PENDING",  # Verification required
    "2": "PENDING",  # Paid partially
    "3": "APPROVED",  # Paid
    "6": "DECLINED",  # Fraud
    "7": "REFUNDED",  # Refund
    "8": "CHARGEBACK",
    "9": "DECLINED",  # Rejected by carrier
    "10": "ERROR",  # System error
    "11": "DECLINED",  # Paymentez fraud
    "12": "DECLINED",  # Paymentez blacklist
    "13": "DECLINED",  # Time tolerance
    "14": "CANCELLED",  # Expired by Paymentez
    "15": "CANCELLED",  # Expired by carrier
    "19": "DECLINED",  # Invalid Authorization Code
    "20": "DECLINED",  # Authorization code expired
    "21": "DECLINED", "22": "DECLINED", "23": "DECLINED",  # rejected, pending refund
    "24": "DECLINED", "25": "DECLINED", "26": "DECLINED",  # rejected, refund requested
    "27": "PENDING",  # Merchant - Pending refund
    "28": "PENDING",  # Merchant - Refund requested
    "29": "CANCELLED",  # Annulled
    "30": "APPROVED",  # Transaction seated (only Ecuador)
    "31": "PENDING",  # Waiting for OTP
    "32": "APPROVED",  # OTP successfully validated
    "33": "DECLINED",  # OTP not validated
    "34": "REFUNDED",  # Partial refund
    "35": "PENDING",  # 3DS method requested
    "36": "PENDING",  # 3DS challenge requested
    "37": "DECLINED",  # Rejected by 3DS
}

# transaction.status when no status_detail is given; the refund answer's status.
STATUSES = {"success": "APPROVED", "failure": "DECLINED", "pending": "PENDING"}

REASONS = {
    "6": "SUSPECTED_FRAUD",
    "9": "GENERIC_DECLINE",
    "10": "PROCESSING_ERROR",
    "11": "RISK_REJECTED",
    "12": "RISK_REJECTED",
    "13": "TIMEOUT",
    "19": "AUTHENTICATION_FAILED",
    "20": "AUTHENTICATION_FAILED",
    "21": "RISK_REJECTED", "22": "AUTHENTICATION_FAILED", "23": "AUTHENTICATION_FAILED",
    "24": "RISK_REJECTED", "25": "AUTHENTICATION_FAILED", "26": "AUTHENTICATION_FAILED",
    "33": "AUTHENTICATION_FAILED",
    "37": "AUTHENTICATION_FAILED",
    # Carrier messages the SDK fixtures document.
    "Expired card": "EXPIRED_CARD",
    # Error body types (activemerchant fixtures).
    "Carrier not supported": "TRANSACTION_NOT_PERMITTED",
    # Refund answer detail.
    "Invalid Status": "INVALID_REQUEST",
}

REFUND_DETAILS = ["7", "27", "28", "34"]

CARD_BRANDS = {"vi": "visa", "mc": "mastercard", "ax": "amex", "di": "diners", "el": "elo", "dc": "discover",
               "ms": "maestro", "up": "unionpay", "jc": "jcb", "sx": None, "ol": None, "ct": None}

_TRANSACTION_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status_detail", "status"],
    "reason_code": ["status_detail", "message"],
    "event_time": ["payment_date"],
    "card_brand": ["^card.type"],
    "attempt_id": ["id"],
    "payment_id": ["dev_reference"],
}

_RULES = [
    # An authorization approved and awaiting capture (the authorize answer: success, status_detail 0).
    {"when": {"status": "success", "status_detail": "0"}, "set": {"status_category": "APPROVED"}},
    {"when": {"status_detail": "8"}, "set": {"event_kind": "DISPUTE"}},
    {"when": {"status_detail": {"in": REFUND_DETAILS}}, "set": {"event_kind": "REFUND"}},
    {"when": {"status_detail": "29"}, "set": {"event_kind": "VOID"}},
]

SPEC = {
    "provider": "paymentez",
    "aliases": ["paymentez", "paymentez.com", "nuvei latam", "paymentez nuvei", "paymentez api"],
    "detect": [
        {"path": "transaction.status_detail", "exists": True, "weight": 0.2},
        {"path": "transaction.carrier_code", "exists": True, "weight": 0.2},
        {"path": "transaction.dev_reference", "exists": True, "weight": 0.2},
        {"path": "transaction.stoken", "exists": True, "weight": 0.2},
        {"path": "card.transaction_reference", "exists": True, "weight": 0.3},
        {"path": "card.origin", "in": ["Paymentez"], "weight": 0.5},
        {"path": "transaction_id", "prefix": ["CI-", "PR-"], "weight": 0.3},
        {"path": "transaction.id", "prefix": ["CI-", "PR-"], "weight": 0.1},
        {"path": "error.help", "exists": True, "weight": 0.2},
    ],
    "card_brand_map": CARD_BRANDS,
    "default_payment_method": "CARD",
    "status_map": {**STATUS_DETAILS, **STATUSES},
    "reason_map": REASONS,
    "variants": [
        {
            "name": "error",
            "match": {"error.type": {"exists": True}, "transaction": {"exists": False}},
            "status": "ERROR",
            "default_payment_method": None,
            "fields": {"reason_code": ["error.type"]},
            "rules": [{"when": {"error.type": {"prefix": "Card already added"}},
                       "set": {"failure_reason": "DUPLICATE"}}],
        },
        {
            "name": "card_store",
            "match": {"card.token": {"exists": True}, "transaction": {"exists": False}},
            "not_a_payment": "a card stored (tokenized) for later payments: no payment",
        },
        {
            "name": "refund_answer",
            "match": {"detail": {"exists": True}, "status": {"in": ["success", "failure"]}},
            "event_kind": "REFUND",
            "fields": {"status": ["status"], "reason_code": ["detail"]},
            "status_map": {"success": "REFUNDED", "failure": "DECLINED"},
        },
        {
            "name": "otp_answer",
            "match": {"transaction_id": {"exists": True}, "status_detail": {"exists": True}},
            "fields": {**_TRANSACTION_FIELDS, "provider_transaction_id": ["transaction_id"],
                       "attempt_id": ["transaction_id"], "card_brand": []},
            "rules": _RULES,
        },
        {
            "name": "transaction",
            "root": "transaction",
            "match": {"transaction.id": {"exists": True}},
            "fields": _TRANSACTION_FIELDS,
            "rules": _RULES,
        },
    ],
}
