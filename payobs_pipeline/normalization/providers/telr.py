"""Telr (UAE, Saudi Arabia, Bahrain, Jordan, ...): the Hosted Payment Page order check answer (JSON), the
Remote API answer (XML ``<remote><auth>...``), the Transaction Advice Service message (key=value POST), and
error answers.

Sources:
- https://docs.telr.com/reference/authorisation-response-codes (as catalogued in api-evangelist/telr
  errors/telr-decline-codes.yml): every transaction carries a status letter and a numeric code: A Authorised,
  H Authorised but on hold (manual inspection required), D Declined, E Error / invalid request, C Cancelled,
  X Expired; decline codes 31 Not authorised, 32 Original transaction cannot be voided, 34 No response, 37
  Blocked by acquirer, 41 Insufficient funds, 42 CVV mismatch, 46 3DSecure not available, 47 3DSecure
  rejected, 49 Sold out, 57 Continuous authority not available, 61 Refer to card issuer, 62 Do not honor, 63
  AVS mismatch, 64 CVV and AVS mismatch, 65 Card not enabled for e-commerce, 66 Card cancelled, 67 Not
  permitted by issuer, 68 No/invalid account, 71 Invalid terminal configuration, 77 Cybersource configuration,
  90 Anti-fraud pre-auth, 91 Fraud detected by issuer, 92 Anti-fraud post-auth, 93 Card limits exceeded, 94
  Terminal limits, 95 Not authorised, 96 Fraud detected by acquirer, 97 Multiple email used with same card,
  107..124 (acquirer system error, invalid merchant, invalid transaction, invalid issuer, restricted, closed
  card, authorisation revoked, fraud suspected by issuer / scheme, no/invalid PIN, scheme policy, unable to
  route, no/invalid OTP, OTP limit, inactive account, already paid, payment expired, account limit); error
  codes 1..99 (invalid request, cost/currency, cart id, store id, card number, card expired, CVV, duplicate
  transaction 56, timeout at payment processor 78, internal system error 98, unknown error 99); 33 Cancelled,
  53 Authorisation expired
- https://docs.telr.com/reference/transaction-advice-service (a server-to-server POST per transaction: tran_store,
  tran_type, tran_class, tran_test, tran_ref, tran_prevref (the transaction a follow-up acts on), tran_firstref,
  tran_currency, tran_amount, tran_cartid, tran_desc, tran_status, tran_authcode, tran_authmessage, card
  and billing fields; "limit the advice messages to only transactions which have been authorised (transaction
  status A or H)")
- https://docs.telr.com/reference/request-methods (Remote API XML: sale, auth, verify, void, capture, release,
  refund; follow-up transactions name the initial transaction's reference) and
  https://telr.com/support/knowledge-base/hosted-payment-page-integration-guide/ (the order check answer:
  order {ref, cartid, amount (major units), currency, status {code, text}, transaction {ref, type, class,
  status, code, message}, paymethod, card {type, last4, country}, customer {address {country}}})

Lifecycle identity: the Telr order (order.ref) is the payment; each transaction (tran_ref / transaction.ref) is
an attempt, and a capture, void, release or refund names the transaction it acts on in tran_prevref.
"""

from __future__ import annotations

_CUSTOMER = "CUSTOMER"

STATUSES = {
    # Transaction status letters.
    "A": "APPROVED",
    "H": "PENDING",
    "D": "DECLINED",
    "E": "ERROR",
    "C": "CANCELLED",
    "X": "CANCELLED",
    # Hosted Payment Page order status texts.
    "paid": "APPROVED",
    "authorised": "APPROVED",
    "pending": "PENDING",
    "on hold": "PENDING",
    "declined": "DECLINED",
    "cancelled": "CANCELLED",
    "expired": "CANCELLED",
}

REASONS = {
    "1": "INVALID_REQUEST", "2": "INVALID_REQUEST", "3": "INVALID_REQUEST", "4": "CONFIGURATION_ERROR",
    "5": "INVALID_REQUEST", "6": "INVALID_REQUEST",
    "11": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER}, "12": "EXPIRED_CARD",
    "14": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER}, "15": {"reason": "INCORRECT_CVC", "source": _CUSTOMER},
    "16": {"reason": "INCORRECT_CVC", "source": _CUSTOMER}, "21": "TRANSACTION_NOT_PERMITTED",
    "22": "INVALID_REQUEST", "23": "INVALID_REQUEST", "24": "INVALID_REQUEST", "25": "INVALID_REQUEST",
    "26": "INVALID_REQUEST", "29": "INVALID_REQUEST", "35": "INVALID_REQUEST", "36": "INVALID_REQUEST",
    "39": "INVALID_REQUEST", "40": "INVALID_REQUEST", "52": "INVALID_REQUEST", "56": "DUPLICATE",
    "58": "PROCESSING_ERROR", "60": "GENERIC_DECLINE", "72": "INVALID_REQUEST", "73": "CONFIGURATION_ERROR",
    "74": "INVALID_REQUEST", "78": "TIMEOUT", "98": "PROCESSING_ERROR", "99": "PROCESSING_ERROR",
    "31": "GENERIC_DECLINE", "32": "INVALID_REQUEST", "34": "ISSUER_UNAVAILABLE",
    "37": {"reason": "RISK_REJECTED", "source": "PSP_RISK"}, "41": "INSUFFICIENT_FUNDS",
    "42": {"reason": "INCORRECT_CVC", "source": _CUSTOMER},
    "46": {"reason": "AUTHENTICATION_FAILED", "source": _CUSTOMER},
    "47": {"reason": "AUTHENTICATION_FAILED", "source": _CUSTOMER}, "49": "TRANSACTION_NOT_PERMITTED",
    "57": "TRANSACTION_NOT_PERMITTED", "61": "GENERIC_DECLINE", "62": "GENERIC_DECLINE",
    "63": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER}, "64": {"reason": "INCORRECT_CVC", "source": _CUSTOMER},
    "65": "TRANSACTION_NOT_PERMITTED", "66": {"reason": "RESTRICTED_CARD", "decline_type": "HARD"},
    "67": "TRANSACTION_NOT_PERMITTED", "68": {"reason": "INVALID_CARD_DATA", "decline_type": "HARD"},
    "71": "CONFIGURATION_ERROR", "77": "CONFIGURATION_ERROR",
    "90": {"reason": "RISK_REJECTED", "source": "PSP_RISK"}, "91": "SUSPECTED_FRAUD",
    "92": {"reason": "RISK_REJECTED", "source": "PSP_RISK"}, "93": "LIMIT_EXCEEDED",
    "94": {"reason": "LIMIT_EXCEEDED", "source": "MERCHANT_RISK"}, "95": "GENERIC_DECLINE",
    "96": {"reason": "RISK_REJECTED", "source": "PSP_RISK"}, "97": {"reason": "RISK_REJECTED", "source": "PSP_RISK"},
    "107": "PROCESSING_ERROR", "108": "CONFIGURATION_ERROR", "109": "TRANSACTION_NOT_PERMITTED",
    "110": {"reason": "INVALID_CARD_DATA", "decline_type": "HARD"}, "111": "RESTRICTED_CARD",
    "112": {"reason": "RESTRICTED_CARD", "decline_type": "HARD"}, "113": "REVOKED", "114": "SUSPECTED_FRAUD",
    "115": "SUSPECTED_FRAUD", "116": {"reason": "AUTHENTICATION_FAILED", "source": _CUSTOMER},
    "117": "TRANSACTION_NOT_PERMITTED", "118": "ISSUER_UNAVAILABLE",
    "119": {"reason": "AUTHENTICATION_FAILED", "source": _CUSTOMER}, "120": "LIMIT_EXCEEDED",
    "121": {"reason": "RESTRICTED_CARD", "decline_type": "HARD"}, "122": "DUPLICATE", "123": "INVALID_REQUEST",
    "124": "LIMIT_EXCEEDED",
    # Error answers' messages.
    "invalid request": "INVALID_REQUEST",
}

PAYMENT_METHODS = {"card": "CARD", **{brand: "CARD" for brand in ("visa", "mastercard", "mada", "amex", "american express",
                                                                   "jcb", "unionpay", "diners", "discover")},
                   "apple pay": "WALLET", "applepay": "WALLET", "samsung pay": "WALLET",
                   "google pay": "WALLET", "stc pay": "WALLET", "stcpay": "WALLET", "paypal": "WALLET",
                   "tabby": "BNPL", "tamara": "BNPL", "sadad": "BANK_TRANSFER"}
CARD_BRANDS = {"VISA CREDIT": "visa", "VISA DEBIT": "visa", "MASTERCARD CREDIT": "mastercard",
               "MASTERCARD DEBIT": "mastercard", "MADA": "mada", "AMERICAN EXPRESS": "amex"}

_FOLLOW_UPS = [
    {"when": {"tran_type": "refund"}, "set": {"event_kind": "REFUND"}},
    {"when": {"tran_type": "refund", "tran_status": "A"}, "set": {"status_category": "REFUNDED"}},
    {"when": {"tran_type": "refund", "tran_status": ["D", "E"]}, "set": {"status_category": "DECLINED"}},
    {"when": {"tran_type": ["void", "release"]}, "set": {"event_kind": "VOID"}},
    {"when": {"tran_type": ["void", "release"], "tran_status": "A"}, "set": {"status_category": "CANCELLED"}},
    {"when": {"tran_type": ["void", "release"], "tran_status": ["D", "E"]}, "set": {"status_category": "ERROR"}},
    {"when": {"tran_type": "capture"}, "set": {"event_kind": "CAPTURE"}},
]

SPEC = {
    "provider": "telr",
    "aliases": ["telr", "telr.com", "telr payments", "telr_hpp", "telr hosted payment page"],
    "detect": [
        {"path": "tran_store", "exists": True, "weight": 0.4},
        {"path": "tran_ref", "exists": True, "weight": 0.1},
        {"path": "tran_cartid", "exists": True, "weight": 0.2},
        {"path": "tran_authmessage", "exists": True, "weight": 0.2},
        {"path": "method", "in": ["check", "create"], "weight": 0.2},
        {"path": "order.cartid", "exists": True, "weight": 0.2},
        {"path": "order.status.text", "exists": True, "weight": 0.1},
        {"path": "order.transaction.ref", "exists": True, "weight": 0.1},
        {"path": "order.paymethod", "exists": True, "weight": 0.1},
        {"path": "remote.auth.status", "exists": True, "weight": 0.4},
        {"path": "remote.auth.tranref", "exists": True, "weight": 0.2},
    ],
    "amount_unit": "major",
    "status_map": STATUSES,
    "reason_map": REASONS,
    "payment_method_map": PAYMENT_METHODS,
    "card_brand_map": CARD_BRANDS,
    "variants": [
        {"name": "transaction_advice", "match": {"tran_ref": {"exists": True}, "tran_store": {"exists": True}},
         "fields": {"provider_transaction_id": ["tran_ref"], "status": ["tran_status", "tran_authstatus"],
                    "reason_code": ["tran_authcode", "tran_authmessage"], "amount": ["tran_amount"],
                    "currency": ["tran_currency"], "event_time": ["tran_date"], "payment_method": ["card_payment"],
                    "card_brand": ["card_payment", "card_code"], "merchant_id": ["tran_store"],
                    "attempt_id": ["tran_prevref", "tran_ref"], "payment_id": ["tran_order", "tran_cartid"],
                    "card_country": ["card_country"], "customer_country": ["bill_country"]},
         "rules": _FOLLOW_UPS, "default_payment_method": "CARD"},
        {"name": "order_check", "match": {"order.ref": {"exists": True}, "order.status": {"exists": True}},
         "fields": {"provider_transaction_id": ["order.transaction.ref", "order.ref"],
                    "status": ["order.transaction.status", "order.status.text"],
                    "reason_code": ["order.transaction.code", "order.transaction.message"],
                    "amount": ["order.amount"], "currency": ["order.currency"], "payment_method": ["order.paymethod"],
                    "card_brand": ["order.card.type"], "attempt_id": ["order.transaction.ref"],
                    "payment_id": ["order.ref"], "card_country": ["order.card.country"],
                    "customer_country": ["order.customer.address.country"]}},
        {"name": "order_create", "match": {"method": "create", "order.url": {"exists": True}},
         "not_a_payment": "a Telr hosted payment page session (the order reference and URL, no outcome yet)"},
        {"name": "remote_auth", "root": "remote.auth", "match": {"remote.auth.status": {"exists": True}},
         "fields": {"provider_transaction_id": ["tranref"], "status": ["status"], "reason_code": ["code", "message"],
                    "attempt_id": ["tranref"], "payment_id": ["^remote.tran.cartid"]},
         "default_payment_method": "CARD"},
        {"name": "error", "match": {"error.message": {"exists": True}}, "status": "ERROR",
         "fields": {"reason_code": ["error.message"]}},
    ],
}
