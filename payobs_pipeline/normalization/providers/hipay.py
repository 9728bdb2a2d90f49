"""HiPay Enterprise (HiPay Fullservice; HiPay Professional merchants moving to it): the server-to-server
notification posted for every transaction status change (form fields, key=value) and the Order / transaction API
answers (JSON, camelCase) carrying the same transaction.

Sources:
- developer.hipay.com "Transaction status" ("Sent by server-to-server notification": the numeric status, its
  message and meaning) and the HiPay Fullservice PHP SDK enum HiPay\\Fullservice\\Enum\\Transaction\\TransactionStatus
  (hipay/hipay-fullservice-sdk-php src/.../Enum/Transaction/TransactionStatus.php), which lists every status:
  0 unknown, 101 created, 103 cardholder enrolled, 104 not enrolled, 105 unable to authenticate, 106 cardholder
  authenticated, 107 authentication attempted, 108 could not authenticate, 109 authentication failed, 110 blocked
  (suspected fraud), 111 denied (the merchant declined after fraud review), 112 authorized and pending (challenged by
  the fraud rule set), 113 refused (by the financial institution), 114 expired (authorization not captured in
  time), 115 cancelled (merchant voided the authorization), 116 authorized, 117 capture requested, 118 captured,
  119 partially captured, 120 collected, 121 partially collected, 122 settled, 123 partially settled, 124 refund
  requested, 125 refunded, 126 partially refunded, 129 charged back, 131 debited, 132 partially debited (the
  acquirer applies a debit linked to the transaction), 140 authentication requested, 141 authenticated, 142
  authorization requested, 150 acquirer found, 151 acquirer not found, 160 enrollment unknown, 161 risk accepted,
  163 authorization refused, 165 refund refused, 173 capture refused, 175 authorization cancellation requested,
  200 pending payment (submitted to the acquirer, no answer yet).
- support.hipay.com "HiPay Enterprise - What are the main fields of the server-to-server notification to handle":
  reason (code, message: why the transaction was declined), test, mid, order id, transaction_reference, status
  ("you must rely on this parameter to consider a payment accepted or declined"), message, authorized_amount,
  captured_amount, refunded_amount (decimal amounts), currency, payment_product, token; and state (completed,
  forwarding, pending, declined, error), the transaction's overall state.
- developer.hipay.com "Notifications": the notification's nested fields are posted as order[id], order[amount],
  payment_method[brand], payment_method[country] (the card's issuing country), reason[code], reason[message], ...;
  the Order API answer names them in camelCase (transactionReference, authorizedAmount, paymentProduct,
  paymentMethod {brand, country}, order {id, amount, currency, country}, forwardUrl, fraudScreening).
- Payment products (developer.hipay.com "Payment methods"): cards visa, mastercard, american-express, cb, maestro,
  bcmc, diners; wallets paypal, applepay, mbway, bcmc-mobile; bank payments ideal, sofort-uberweisung, giropay,
  przelewy24, mybank, postfinance-card / postfinance-efinance; sdd (SEPA direct debit); multibanco (a reference
  paid at an ATM or bank); Oney / Alma / Klarna instalments 3xcb, 4xcb, 3xcb-no-fees, 4xcb-no-fees, alma-3x,
  alma-4x, klarnainvoice.

Readings: the intermediate statuses (created, 3-D Secure steps, authorization requested, pending payment) are
PENDING unless the notification's state says the transaction ended: state declined makes them DECLINED, state
error an ERROR. Capture statuses (117-123) are CAPTURE events, refund statuses (124-126, 165) REFUND events, 129 /
131 / 132 DISPUTE events (the acquirer's debit), 115 and 175 VOID events. The documented decline statuses give the
failure reason (109 authentication failed, 110 blocked -> risk, 111 denied by the merchant's fraud review, 113 / 163
refused by the issuer, 151 no acquirer route); HiPay's numeric reason[code] list was not among the pages available,
so reason codes are kept raw and the status decides.

Lifecycle identity: transaction_reference is the attempt; the merchant's order id the payment (order[attempts]
counts its attempts); a refund or dispute notification carries the payment's transaction_reference (no own id).
"""

from __future__ import annotations

PENDING_CODES = ("101", "103", "104", "105", "106", "107", "108", "112", "140", "141", "142", "150", "160", "161",
                 "200")

STATUSES = {
    **{code: "PENDING" for code in PENDING_CODES},
    "0": "UNKNOWN",
    "109": "DECLINED", "110": "DECLINED", "111": "DECLINED", "113": "DECLINED", "163": "DECLINED",
    "151": "ERROR",
    "114": "CANCELLED", "115": "CANCELLED", "175": "CANCELLED",
    "116": "APPROVED",
    "117": "PENDING", "118": "APPROVED", "119": "APPROVED", "120": "APPROVED", "121": "APPROVED", "122": "APPROVED",
    "123": "APPROVED", "173": "DECLINED",
    "124": "PENDING", "125": "REFUNDED", "126": "REFUNDED", "165": "DECLINED",
    "129": "CHARGEBACK", "131": "CHARGEBACK", "132": "CHARGEBACK",
}

CAPTURE_CODES = ["117", "118", "119", "120", "121", "122", "123", "173"]
REFUND_CODES = ["124", "125", "126", "165"]
DISPUTE_CODES = ["129", "131", "132"]
VOID_CODES = ["115", "175"]

REASONS = {
    "109": {"reason": "AUTHENTICATION_FAILED", "source": "CUSTOMER"},
    "110": {"reason": "RISK_REJECTED", "source": "PSP_RISK"},
    "111": {"reason": "RISK_REJECTED", "source": "MERCHANT_RISK"},
    "113": "GENERIC_DECLINE",
    "163": "GENERIC_DECLINE",
    "151": "CONFIGURATION_ERROR",  # no acquirer route for this payment
    "173": "GENERIC_DECLINE",  # the capture was refused by the financial institution
    "165": "GENERIC_DECLINE",  # the refund was refused by the financial institution
}

CARDS = ("visa", "mastercard", "american-express", "cb", "maestro", "bcmc", "diners", "carte-bancaire", "jcb")

PAYMENT_METHODS = {
    **{card: "CARD" for card in CARDS},
    **{wallet: "WALLET" for wallet in ("paypal", "applepay", "mbway", "bcmc-mobile", "googlepay")},
    **{bank: "BANK_TRANSFER" for bank in ("ideal", "sofort-uberweisung", "giropay", "przelewy24", "mybank",
                                          "postfinance-card", "postfinance-efinance", "bnpp-3xcb")},
    "sdd": "DIRECT_DEBIT",
    "multibanco": "CASH_VOUCHER",
    **{bnpl: "BNPL" for bnpl in ("3xcb", "4xcb", "3xcb-no-fees", "4xcb-no-fees", "alma-3x", "alma-4x",
                                 "klarnainvoice")},
}

CARD_BRANDS = {"american-express": "amex", "cb": "cartes_bancaires", "carte-bancaire": "cartes_bancaires",
               "bcmc": "bancontact"}

_NOTIFICATION_FIELDS = {
    "provider_transaction_id": ["transaction_reference"],
    "status": ["status"],
    "reason_code": ["status", "reason[code]"],
    "amount": ["authorized_amount", "order[amount]"],
    "currency": ["currency", "order[currency]"],
    "event_time": ["date_updated", "date_authorized", "date_created"],
    "payment_method": ["payment_product"],
    "card_brand": ["payment_method[brand]", "payment_product"],
    "merchant_id": ["mid"],
    "card_country": ["payment_method[country]"],
    "customer_country": ["order[country]"],
    "attempt_id": ["transaction_reference"],
    "payment_id": ["order[id]"],
}

_API_FIELDS = {
    "provider_transaction_id": ["transactionReference"],
    "status": ["status"],
    "reason_code": ["status", "reason.code"],
    "amount": ["authorizedAmount", "order.amount"],
    "currency": ["currency", "order.currency"],
    "event_time": ["dateUpdated", "dateAuthorized", "dateCreated"],
    "payment_method": ["paymentProduct"],
    "card_brand": ["paymentMethod.brand", "paymentProduct"],
    "merchant_id": ["mid"],
    "card_country": ["paymentMethod.country"],
    "customer_country": ["order.country"],
    "attempt_id": ["transactionReference"],
    "payment_id": ["order.id"],
}


def _rules(state: str, status: str) -> list[dict]:
    """Event kinds by status code, and the transaction's state deciding the intermediate codes."""
    return [
        {"when": {status: {"in": CAPTURE_CODES}}, "set": {"event_kind": "CAPTURE"}},
        {"when": {status: {"in": REFUND_CODES}}, "set": {"event_kind": "REFUND"}},
        {"when": {status: {"in": DISPUTE_CODES}}, "set": {"event_kind": "DISPUTE"}},
        {"when": {status: {"in": VOID_CODES}}, "set": {"event_kind": "VOID"}},
        {"when": {state: "declined", status: {"in": list(PENDING_CODES)}}, "set": {"status_category": "DECLINED"}},
        {"when": {state: "error", status: {"in": list(PENDING_CODES)}}, "set": {"status_category": "ERROR"}},
    ]


SPEC = {
    "provider": "hipay",
    "aliases": ["hipay", "hipay enterprise", "hipay fullservice", "hipay professional", "hipay tpp", "hi pay",
                "hipay_enterprise"],
    "detect": [
        # Server-to-server notification (form fields).
        {"path": "transaction_reference", "exists": True, "weight": 0.3},
        {"path": "payment_product", "exists": True, "weight": 0.2},
        {"path": "state", "in": ["completed", "forwarding", "pending", "declined", "error"], "weight": 0.1},
        {"path": "order[id]", "exists": True, "weight": 0.2},
        {"path": "authorized_amount", "exists": True, "weight": 0.2},
        {"path": "attempt_id", "exists": True, "weight": 0.1},
        {"path": "payment_method[brand]", "exists": True, "weight": 0.2},
        # Order / transaction API answer (camelCase).
        {"path": "transactionReference", "exists": True, "weight": 0.3},
        {"path": "paymentProduct", "exists": True, "weight": 0.2},
        {"path": "authorizedAmount", "exists": True, "weight": 0.2},
        {"path": "forwardUrl", "exists": True, "weight": 0.2},
        {"path": "fraudScreening.result", "exists": True, "weight": 0.1},
        {"path": "order.attempts", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "major",
    "status_map": STATUSES,
    "reason_map": REASONS,
    "payment_method_map": PAYMENT_METHODS,
    "card_brand_map": CARD_BRANDS,
    "variants": [
        {
            "name": "notification_refund",
            "match": {"transaction_reference": {"exists": True}, "status": {"in": REFUND_CODES}},
            "fields": {**_NOTIFICATION_FIELDS, "amount": ["refunded_amount", "authorized_amount"],
                       "refund_id": ["operation_id"]},
            "rules": _rules("state", "status"),
        },
        {
            "name": "notification",
            "match": {"transaction_reference": {"exists": True}, "status": {"exists": True}},
            "fields": {**_NOTIFICATION_FIELDS, "dispute_id": ["operation_id"]},
            "rules": _rules("state", "status"),
        },
        {
            "name": "api_refund",
            "match": {"transactionReference": {"exists": True}, "status": {"in": REFUND_CODES}},
            "fields": {**_API_FIELDS, "amount": ["refundedAmount", "authorizedAmount"], "refund_id": ["operationId"]},
            "rules": _rules("state", "status"),
        },
        {
            "name": "api_transaction",
            "match": {"transactionReference": {"exists": True}, "status": {"exists": True}},
            "fields": {**_API_FIELDS, "dispute_id": ["operationId"]},
            "rules": _rules("state", "status"),
        },
    ],
}
