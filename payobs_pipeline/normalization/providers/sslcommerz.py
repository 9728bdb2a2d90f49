"""SSLCommerz (Bangladesh; SSL Wireless): the IPN / success, fail and cancel URL posts of a payment, the Order
Validation API and Transaction Query API answers, the Create Session answer, the refund API answers and the
APIConnect errors.

Sources (the SSLCommerz developer documentation v4, developer.sslcommerz.com/doc/v4/ and
sslcommerz.com/integration-document, and the older v3.5 page developer.sslcommerz.com/docs.html):
- "Receive Payment Notification (IPN)": SSLCommerz POSTs (form encoded) to the IPN listener, and the browser to
  the success / fail / cancel URL, the parameters status, tran_date, tran_id (the merchant's unique id of the
  order), val_id (the validation id of a successful payment), amount, store_amount (after the gateway's fee),
  currency, bank_tran_id (the bank's / SSLCommerz's transaction id), card_type ("VISA-Dutch Bangla",
  "BKASH-BKash"), card_no, card_issuer, card_brand (VISA, MASTER, AMEX, IB for internet banking, MOBILEBANKING),
  card_issuer_country, card_issuer_country_code, currency_type / currency_amount / currency_rate (the currency and
  amount the order was placed in when it was converted), base_fair, value_a..value_d, risk_title, risk_level,
  error (why a payment failed or was cancelled: "Cancelled by User"), verify_sign, verify_key.
  status: VALID "a successful transaction"; FAILED "transaction is declined by customer's issuer bank";
  CANCELLED "transaction is cancelled by the customer"; UNATTEMPTED "customer did not choose to pay any channel";
  EXPIRED "payment timeout".
- "Order Validation API" (``validator/api/validationserverAPI.php?val_id=...``) answers the same fields plus
  emi_* , account_details, APIConnect, validated_on and gw_version; status VALID (a successful transaction),
  VALIDATED (successful, already validated once before) or INVALID_TRANSACTION (invalid val_id). risk_level 0 is
  safe, 1 risky: "it depends on you to provide the service or not", so a risky payment is still approved.
- APIConnect (every API answer): DONE (connected), INVALID_REQUEST (invalid data sent to the API), FAILED (API
  authentication failed), INACTIVE (the API user / store id is inactive).
- "Transaction Query API" by tran_id (``merchantTransIDvalidationAPI.php?tran_id=``) answers APIConnect,
  no_of_trans_found and element[] (one entry per transaction, the fields above; status VALID, VALIDATED,
  PENDING, FAILED and the IPN's statuses); by session key it answers one transaction's fields flat.
- "Create and Get Session" (``gwprocess/v4/api.php``) answers status SUCCESS or FAILED, failedreason ("Store
  Credential Error Or Store is De-active" for a wrong or inactive store), sessionkey, gw, redirectGatewayURL,
  GatewayPageURL, storeBanner, storeLogo, desc[]: a session opened, not a payment made.
- "Refund API" initiate (``merchantTransIDvalidationAPI.php?bank_tran_id=...&refund_amount=...``) answers
  APIConnect, bank_tran_id, trans_id, refund_ref_id, status (success: the refund request is initiated; failed:
  it could not be initiated; processing: it was initiated already) and errorReason; the refund query
  (``?refund_ref_id=...``) answers APIConnect, bank_tran_id, tran_id, refund_ref_id, initiated_on, refunded_on,
  status (refunded, processing, cancelled) and errorReason.
- The failed / cancelled example with error "Cancelled by User" and bank_tran_id null follows a published
  response (sslcomz.gloriousit.com/transactions/22).

Amounts are decimal strings in major units; ``amount`` and ``currency`` are what was charged (BDT), the order's
own currency and amount, when converted, are currency_type / currency_amount. A FAILED payment names no code (the
``error`` text is free): it is the issuer's decline, GENERIC_DECLINE. UNATTEMPTED and EXPIRED are a payment the
customer abandoned: CANCELLED (docs/taxonomy.md). tran_date has no offset (Dhaka time) and is read as UTC.

Lifecycle identity: tran_id, the merchant's id of the order, is the payment; bank_tran_id is the attempt (the
refund API names the payment by it); refund_ref_id is the refund.
"""

from __future__ import annotations

STATUSES = {
    "VALID": "APPROVED",
    "VALIDATED": "APPROVED",  # successful, validated once already
    "FAILED": "DECLINED",
    "CANCELLED": "CANCELLED",
    "UNATTEMPTED": "CANCELLED",  # the customer chose no channel
    "EXPIRED": "CANCELLED",  # payment timeout
    "PENDING": "PENDING",  # transaction query: not completed yet
    "INVALID_TRANSACTION": "ERROR",  # validation API: invalid val_id
}

SESSION_STATUSES = {"SUCCESS": "PENDING", "FAILED": "ERROR"}

REFUND_INITIATE_STATUSES = {"success": "PENDING", "processing": "PENDING", "failed": "DECLINED"}

REFUND_QUERY_STATUSES = {"refunded": "REFUNDED", "processing": "PENDING", "cancelled": "CANCELLED"}

MERCHANT_CONFIG = {"reason": "CONFIGURATION_ERROR", "source": "MERCHANT_CONFIG"}

REASONS = {
    "FAILED": {"reason": "GENERIC_DECLINE", "source": "ISSUER"},  # declined by the customer's issuer bank
    "INVALID_TRANSACTION": "INVALID_REQUEST",  # invalid val_id
    "Store Credential Error Or Store is De-active": MERCHANT_CONFIG,
}

# APIConnect: the API's own answer when it did not run the request.
API_CONNECT_REASONS = {
    "INVALID_REQUEST": "INVALID_REQUEST",
    "FAILED": MERCHANT_CONFIG,  # API authentication failed
    "INACTIVE": MERCHANT_CONFIG,  # API user / store id inactive
}

# card_brand: the card schemes, IB (internet banking) and MOBILEBANKING (bKash, Nagad, Rocket... wallets).
PAYMENT_METHODS = {
    "VISA": "CARD", "MASTER": "CARD", "MASTERCARD": "CARD", "AMEX": "CARD",
    "IB": "BANK_TRANSFER",
    "MOBILEBANKING": "WALLET",
}

CARD_BRANDS = {"IB": None, "MOBILEBANKING": None}

_PAYMENT_FIELDS = {
    "provider_transaction_id": ["val_id", "bank_tran_id", "tran_id"],
    "status": ["status"],
    "reason_code": ["error", "status"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["tran_date", "validated_on"],
    "payment_method": ["card_brand"],
    "card_brand": ["card_brand"],
    "merchant_id": ["store_id"],
    "card_country": ["card_issuer_country_code"],
    "attempt_id": ["bank_tran_id"],
    "payment_id": ["tran_id"],
}

SPEC = {
    "provider": "sslcommerz",
    "aliases": ["sslcommerz", "ssl commerz", "ssl_commerz", "sslcommerz bd", "ssl wireless", "sslwireless",
                "sslcz", "sslcommerce"],
    "detect": [
        # IPN / redirect posts and the validation / query answers.
        {"path": "val_id", "exists": True, "weight": 0.3},
        {"path": "bank_tran_id", "exists": True, "weight": 0.2},
        {"path": "store_amount", "exists": True, "weight": 0.2},
        {"path": "base_fair", "exists": True, "weight": 0.2},
        {"path": "tran_id", "exists": True, "weight": 0.1},
        {"path": "verify_key", "exists": True, "weight": 0.1},
        {"path": "card_issuer_country_code", "exists": True, "weight": 0.1},
        {"path": "currency_rate", "exists": True, "weight": 0.1},
        {"path": "risk_title", "exists": True, "weight": 0.1},
        {"path": "status", "in": list(STATUSES), "weight": 0.1},
        # API answers.
        {"path": "APIConnect", "in": ["DONE", *API_CONNECT_REASONS], "weight": 0.3},
        {"path": "no_of_trans_found", "exists": True, "weight": 0.3},
        {"path": "refund_ref_id", "exists": True, "weight": 0.3},
        {"path": "errorReason", "exists": True, "weight": 0.1},
        # Create Session answer.
        {"path": "GatewayPageURL", "exists": True, "weight": 0.3},
        {"path": "sessionkey", "exists": True, "weight": 0.2},
        {"path": "failedreason", "exists": True, "weight": 0.2},
        {"path": "redirectGatewayURL", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "major",
    "status_map": STATUSES,
    "reason_map": REASONS,
    "payment_method_map": PAYMENT_METHODS,
    "card_brand_map": CARD_BRANDS,
    "variants": [
        {
            "name": "api_error",
            "match": {"APIConnect": list(API_CONNECT_REASONS)},
            "status": "ERROR",
            "fields": {"reason_code": ["APIConnect"], "attempt_id": ["bank_tran_id"], "payment_id": ["tran_id"]},
            "reason_map": API_CONNECT_REASONS,
        },
        {
            "name": "invalid_transaction",
            "match": {"status": "INVALID_TRANSACTION"},
            "status": "ERROR",
            "fields": {"provider_transaction_id": ["val_id"], "reason_code": ["status"], "payment_id": ["tran_id"]},
        },
        {
            "name": "no_transaction_found",
            "match": {"no_of_trans_found": "0"},
            "not_a_payment": "a transaction query that found no transaction",
        },
        {
            "name": "transaction_query",
            "match": {"no_of_trans_found": {"exists": True}, "element.0.status": {"exists": True}},
            "root": "element.0",
            "fields": _PAYMENT_FIELDS,
        },
        {
            "name": "refund_initiate",
            "match": {"refund_ref_id": {"exists": True}, "trans_id": {"exists": True}},
            "event_kind": "REFUND",
            "fields": {"provider_transaction_id": ["refund_ref_id", "bank_tran_id"], "status": ["status"],
                       "reason_code": ["errorReason", "status"], "refund_id": ["refund_ref_id"],
                       "attempt_id": ["bank_tran_id"], "payment_id": ["trans_id"]},
            "status_map": REFUND_INITIATE_STATUSES,
            # A refund that could not be initiated names only free text: no reason (never an issuer decline).
            "reason_map": {"FAILED": "UNKNOWN"},
        },
        {
            "name": "refund_query",
            "match": {"refund_ref_id": {"exists": True}},
            "event_kind": "REFUND",
            "fields": {"provider_transaction_id": ["refund_ref_id", "bank_tran_id"], "status": ["status"],
                       "reason_code": ["errorReason"], "event_time": ["refunded_on", "initiated_on"],
                       "refund_id": ["refund_ref_id"], "attempt_id": ["bank_tran_id"], "payment_id": ["tran_id"]},
            "status_map": REFUND_QUERY_STATUSES,
        },
        {
            "name": "session",
            "match": {"failedreason": {"exists": True}, "tran_id": {"exists": False}},
            "event_kind": "PAYMENT",
            "fields": {"provider_transaction_id": ["sessionkey"], "status": ["status"],
                       "reason_code": ["failedreason"]},
            "status_map": SESSION_STATUSES,
        },
        {
            "name": "session_opened",
            "match": {"GatewayPageURL": {"exists": True}, "tran_id": {"exists": False}},
            "event_kind": "PAYMENT",
            "fields": {"provider_transaction_id": ["sessionkey"], "status": ["status"]},
            "status_map": SESSION_STATUSES,
        },
        {
            "name": "payment",
            "match": {"tran_id": {"exists": True}, "status": {"exists": True}},
            "fields": _PAYMENT_FIELDS,
        },
    ],
}
