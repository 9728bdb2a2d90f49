"""PayTabs (PT2 API; Saudi Arabia, UAE, Egypt, Oman, Jordan, Kuwait, Iraq, Morocco, Qatar): payment request /
query responses, callback and IPN bodies, the shopper's return form, and API error bodies. ClickPay (Saudi
Arabia) runs the same PT2 platform and documents the same response codes.

Sources:
- https://support.paytabs.com/en/support/solutions/articles/60000711358-what-is-response-code-vs-the-response-status-
  (callback "payment_result": {"response_status": "A", "response_code": "G31822", "response_message":
  "Authorised"}; return form acquirerMessage, acquirerRRN, cartId, respCode, respMessage, respStatus; the
  statuses A Authorized, H Hold (authorised but on hold for further anti-fraud review), P Pending (for
  refunds), V Voided, E Error, D Declined, X Expired; "If the response status is error/decline (E or D), then
  the response_code can be used to help determine why"; an approved transaction's code is the issuer's
  reference)
- https://support.clickpay.com.sa/en/support/solutions/articles/73000595716-api-reason-response-codes (the
  PT2 code table: 0 A Authorised, 1 E Authentication Failed, 2 E Invalid request, 3 E Invalid profile ID, 4 E
  Duplicate request, 5 E Request limit exceeded, 100..123 request validation, 200 E Invalid card number, 201 E
  Invalid card expiry date, 202 E Invalid card security code (CVV), 203 E Invalid account, 204 E Previous
  transaction in use, 205 E Invalid payment method, 206 D Currency mismatch, 207 E Invalid terminal, 208 E
  Invalid return url, 209 E Invalid merchant token, 211 E Profile mismatch, 212 E Permission Denied, 213 D Card
  does not match filter, 214 E Terminal invalid request, 215 E Terminal unable to process request, 216 E Invalid
  refund mode, 300 D Not authorised, 301 D Card expiry date required, ...)
- https://support.paytabs.com/en/support/solutions/articles/60000718960--d-345-3dsecure-authentication-not-completed
  (D 345: the cardholder did not return from the 3-D Secure page) and PayTabs' decline-code articles as
  summarised in the api-evangelist/paytabs catalogue (errors/paytabs-decline-codes.yml: 310 D 3D Secure
  authentication rejected, 316 D Insufficient funds, 321 C Cancelled by the customer, 345 D, 400 E Internal
  system error, 501 D Fraud report, 600 P Pending; and the status C Cancelled)
- https://docs.paytabs.com/PT2-API-Endpoints/Integration-Types-Manuals/Request-Response-Parameters (tran_ref, the
  transaction's unique reference; tran_type Sale / Auth / Capture / Void / Release / Refund / Register; cart_id,
  the merchant's order; cart_amount a decimal in major units, cart_currency; payment_info {payment_method,
  card_type, card_scheme, payment_description}; customer_details {country, ...}; payment_result
  {response_status, response_code, response_message, transaction_time}; trace "PMNT0401.5EE74B33.000A6EB6";
  profileId, merchantId; an API error is {"code": 1, "message": "Authentication failed...", "trace": ...}) and
  https://docs.paytabs.com (payment methods creditcard, mada, stcpay, applepay, knet, omannet, meezaqr, valu,
  tabby, tamara, sadad, urpay, ...)

Lifecycle identity: each PayTabs transaction has its own tran_ref; a capture, void, release or refund names
the transaction it acts on in previous_tran_ref (its attempt) and its own tran_ref is the refund; payment_id is
the merchant's cart_id.
"""

from __future__ import annotations

_CUSTOMER = "CUSTOMER"

STATUSES = {
    "A": "APPROVED",  # Authorized
    "H": "PENDING",  # Hold: authorised but on hold for further anti-fraud review
    "P": "PENDING",  # Pending (for refunds)
    "V": "CANCELLED",  # Voided
    "E": "ERROR",  # Error
    "D": "DECLINED",  # Declined
    "X": "CANCELLED",  # Expired (unpaid)
    "C": "CANCELLED",  # Cancelled (321 cancelled by the customer)
}

REASONS = {
    "1": "CONFIGURATION_ERROR",  # Authentication Failed (server key / profile / region)
    "2": "INVALID_REQUEST",  # Invalid request
    "3": "CONFIGURATION_ERROR",  # Invalid profile ID
    "4": "DUPLICATE",  # Duplicate request
    "5": "PROCESSING_ERROR",  # Request limit exceeded
    "100": "INVALID_REQUEST",  # Transaction cost or currency not valid
    "101": "INVALID_REQUEST",  # Cart ID not valid
    "102": "INVALID_REQUEST",  # Description not valid
    "103": "INVALID_REQUEST",  # Name not valid
    "104": "INVALID_REQUEST",  # Address / Country not valid
    "105": "INVALID_REQUEST",  # Email not valid
    "106": "INVALID_REQUEST",  # Phone number not valid
    "107": "INVALID_REQUEST",  # Phone number not valid
    "108": "INVALID_REQUEST",  # IP address not valid
    "109": "INVALID_REQUEST",  # Invalid transaction mode
    "110": "INVALID_REQUEST",  # Invalid transaction type
    "111": "INVALID_REQUEST",  # Invalid transaction class
    "112": "CONFIGURATION_ERROR",  # Method/Class/Currency combination not supported
    "113": "INVALID_REQUEST",  # Invalid transaction reference
    "114": "INVALID_REQUEST",  # Amount differs from original
    "115": "INVALID_REQUEST",  # Original transaction not authorised
    "116": "INVALID_REQUEST",  # Original transaction already voided
    "117": "INVALID_REQUEST",  # Original transaction mismatch
    "118": "INVALID_REQUEST",  # Amount greater than available balance
    "119": "INVALID_REQUEST",  # Original transaction can not be voided
    "120": "INVALID_REQUEST",  # Previous transaction is on hold
    "121": "INVALID_REQUEST",  # Transaction mode differs from original
    "122": "TRANSACTION_NOT_PERMITTED",  # D Continuous authority not available on referenced transaction
    "123": "INVALID_REQUEST",  # City not valid
    "200": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},  # Invalid card number
    "201": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},  # Invalid card expiry date
    "202": {"reason": "INCORRECT_CVC", "source": _CUSTOMER},  # Invalid card security code (CVV)
    "203": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},  # Invalid account
    "204": "DUPLICATE",  # Previous transaction in use
    "205": "INVALID_REQUEST",  # Invalid payment method
    "206": "INVALID_REQUEST",  # D Currency mismatch (a follow-up in another currency than the original)
    "207": "CONFIGURATION_ERROR",  # Invalid terminal
    "208": "INVALID_REQUEST",  # Invalid return url
    "209": "CONFIGURATION_ERROR",  # Invalid merchant token
    "211": "CONFIGURATION_ERROR",  # Profile mismatch
    "212": "CONFIGURATION_ERROR",  # Permission Denied
    "213": {"reason": "TRANSACTION_NOT_PERMITTED", "source": "MERCHANT_RISK"},  # D Card does not match filter
    "214": "INVALID_REQUEST",  # Terminal invalid request
    "215": "PROCESSING_ERROR",  # Terminal unable to process request
    "216": "INVALID_REQUEST",  # Invalid refund mode
    "300": "GENERIC_DECLINE",  # D Not authorised
    "301": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},  # D Card expiry date required
    "310": {"reason": "AUTHENTICATION_FAILED", "source": _CUSTOMER},  # D 3-D Secure authentication rejected
    "316": "INSUFFICIENT_FUNDS",  # D Insufficient funds
    "345": {"reason": "AUTHENTICATION_FAILED", "source": _CUSTOMER},  # D 3-D Secure authentication not completed
    "400": "PROCESSING_ERROR",  # E Internal system error
    "501": "SUSPECTED_FRAUD",  # D Fraud report: the issuer flagged the card
}

PAYMENT_METHODS = {
    **{method: "CARD" for method in ("visa", "mastercard", "master", "amex", "americanexpress", "mada", "creditcard",
                                     "knet", "knetdebit", "knetcredit", "omannet", "meeza", "unionpay", "jcb",
                                     "discover", "diners")},
    "applepay": "WALLET",
    "apple pay": "WALLET",
    "samsungpay": "WALLET",
    "stcpay": "WALLET",
    "stcpayqr": "WALLET",
    "urpay": "WALLET",
    "meezaqr": "WALLET",
    "paypal": "WALLET",
    "valu": "BNPL",
    "tabby": "BNPL",
    "tamara": "BNPL",
    "forsa": "BNPL",
    "halan": "BNPL",
    "souhoola": "BNPL",
    "aman": "CASH_VOUCHER",
    "sadad": "BANK_TRANSFER",
}
CARD_BRANDS = {"MASTERCARD": "mastercard", "MADA": "mada", "KNET": "knet", "OMANNET": "omannet", "MEEZA": "meeza",
               "APPLEPAY": None, "STCPAY": None, "TABBY": None, "TAMARA": None, "VALU": None, "SADAD": None,
               "URPAY": None, "AMAN": None}

TRAN_TYPES = ["Sale", "Auth", "Capture", "Void", "Release", "Refund", "Register"]

_FIELDS = {
    "provider_transaction_id": ["tran_ref"],
    "status": ["payment_result.response_status"],
    "reason_code": ["payment_result.response_code"],
    "amount": ["cart_amount", "tran_total"],
    "currency": ["cart_currency", "tran_currency"],
    "event_time": ["payment_result.transaction_time"],
    "payment_method": ["payment_info.payment_method"],
    "card_brand": ["payment_info.card_scheme", "payment_info.payment_method"],
    "merchant_id": ["merchantId"],
    "attempt_id": ["previous_tran_ref", "tran_ref"],
    "payment_id": ["cart_id"],
    "customer_country": ["customer_details.country"],
}
_STATUS = "payment_result.response_status"
_RULES = [
    {"when": {"tran_type": "Refund", _STATUS: "A"}, "set": {"status_category": "REFUNDED", "event_kind": "REFUND"}},
    # docs/taxonomy.md: a failed refund is DECLINED, a failed void an ERROR.
    {"when": {"tran_type": "Refund", _STATUS: ["E", "D"]}, "set": {"status_category": "DECLINED", "event_kind": "REFUND"}},
    {"when": {"tran_type": "Refund"}, "set": {"event_kind": "REFUND"}},
    {"when": {"tran_type": ["Void", "Release"], _STATUS: ["A", "V"]},
     "set": {"status_category": "CANCELLED", "event_kind": "VOID"}},
    {"when": {"tran_type": ["Void", "Release"], _STATUS: ["E", "D"]}, "set": {"status_category": "ERROR", "event_kind": "VOID"}},
    {"when": {"tran_type": ["Void", "Release"]}, "set": {"event_kind": "VOID"}},
    {"when": {"tran_type": "Capture"}, "set": {"event_kind": "CAPTURE"}},
]

SPEC = {
    "provider": "paytabs",
    "aliases": ["paytabs", "pay_tabs", "pay tabs", "paytabs_pt2", "paytabs pt2", "clickpay", "click_pay"],
    "detect": [
        {"path": "tran_ref", "exists": True, "weight": 0.3},
        {"path": "payment_result.response_status", "exists": True, "weight": 0.4},
        {"path": "tran_type", "in": TRAN_TYPES, "weight": 0.1},
        {"path": "cart_id", "exists": True, "weight": 0.1},
        {"path": "cart_currency", "exists": True, "weight": 0.1},
        {"path": "trace", "prefix": "PMNT", "weight": 0.5},
        {"path": "tranRef", "exists": True, "weight": 0.3},
        {"path": "respStatus", "exists": True, "weight": 0.3},
        {"path": "cartId", "exists": True, "weight": 0.1},
        {"path": "acquirerRRN", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "major",
    "status_map": STATUSES,
    "reason_map": REASONS,
    "payment_method_map": PAYMENT_METHODS,
    "card_brand_map": CARD_BRANDS,
    "variants": [
        {"name": "api_error", "match": {"code": {"exists": True}, "message": {"exists": True}, "trace": {"exists": True}},
         "status": "ERROR", "fields": {"reason_code": ["code"]}},
        {"name": "register", "match": {"tran_type": "Register"},
         "not_a_payment": "a PayTabs card registration (tokenization)"},
        {"name": "return_form", "match": {"respStatus": {"exists": True}},
         "fields": {"provider_transaction_id": ["tranRef"], "status": ["respStatus"], "reason_code": ["respCode"],
                    "attempt_id": ["tranRef"], "payment_id": ["cartId"]}},
        {"name": "transaction", "match": {_STATUS: {"exists": True}}, "fields": _FIELDS, "rules": _RULES},
    ],
}
