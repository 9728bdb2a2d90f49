"""Orange Money: the Cameroon merchant-payment API (api-s1.orange.cm ``/omcoreapis/1.0.2/mp/...``: init, pay,
paymentstatus, and the same transaction posted to the notifUrl) and the Orange Money Web Payment API
(api.orange.com ``/orange-money-webpay/{country}/v1``: webpayment, transactionstatus, the notification to notif_url).

Sources:
- Cameroon merchant payment: y-note.cm "Intégration de l'API local Orange Money" (the USSD push flow: token, mp/init
  returns a payToken, mp/pay asks the subscriber to confirm with the PIN, mp/paymentstatus/{payToken}); SDK source
  for the answer {message, data {id, createtime, subscriberMsisdn, amount, payToken, txnid, txnmode, inittxnmessage,
  inittxnstatus, confirmtxnstatus, confirmtxnmessage, status, notifUrl, description, channelUserMsisdn}}:
  NdoleStudio/orangemoney-go merchant_payment.go (status PENDING, SUCCESSFULL — confirmed when confirmtxnstatus is
  "200" — and EXPIRED) and karibu-cap/orange_money_apis_js db.json / src/cash-in/om-ussd-payment.ts (the mp/init,
  mp/pay and mp/paymentstatus answers; statuses folded to pending / succeeded / failed). inittxnstatus "200" is the
  initiation accepted; "60019" with the message "Le solde du compte du payeur est insuffisant" is the payer's
  insufficient balance, the one failure code we could cite (NdoleStudio/orangemoney-go internal/stubs). Other
  inittxnstatus / confirmtxnstatus failure codes are not published in a page we could read: they stay UNKNOWN. The
  amount is an integer number of francs; the Cameroon API works in XAF only (no currency in the message), so XAF is
  the currency wherever an amount is given (a reading of the API's scope, not a field).
- Web Payment: Orange Developer "Orange Money WebPay Dev – Getting started" (developer.orange.com/apis/om-webpay-dev,
  as copied on scribd 638670689) and Foris-master/orange-money-sdk README.md: the webpayment answer {status 201,
  message "OK", pay_token, payment_url, notif_token} only opens a payment page; the transactionstatus answer
  {status, order_id, txnid} with status INITIATED (waiting for the user's entry), PENDING (the user confirmed, in
  progress at Orange), EXPIRED (confirmed after the token's validity), SUCCESS, FAILED. The notification posted to
  notif_url {status SUCCESS | FAILED, notif_token, txnid} is from our recollection of the same page. Its currency is
  per country (XOF, XAF, GNF, "OUV" in the sandbox) and never in these answers.
- API errors: the Orange Developer gateway answers {code, message, description} (40 missing, 41 invalid, 42 expired
  credentials, 50 access denied, 53 too many requests, 1 internal error, 5 service unavailable) — from our
  recollection of developer.orange.com's common error page, not a stored page; read only under a hint.

Lifecycle identity: txnid (Orange Money's transaction, "MP..." once the subscriber confirmed) is the attempt; the
payment is the merchant's order_id on the Web Payment API and the payToken on the Cameroon API (the token mp/init
issues names the payment across mp/pay, mp/paymentstatus and the notification).
"""

from __future__ import annotations

MP_STATUSES = {"PENDING": "PENDING", "SUCCESSFULL": "APPROVED", "SUCCESSFUL": "APPROVED", "FAILED": "DECLINED",
               "EXPIRED": "CANCELLED"}
WEBPAY_STATUSES = {"INITIATED": "PENDING", "PENDING": "PENDING", "SUCCESS": "APPROVED", "FAILED": "DECLINED",
                   "EXPIRED": "CANCELLED"}
STATUSES = {**MP_STATUSES, **WEBPAY_STATUSES}

REASONS = {
    "60019": "INSUFFICIENT_FUNDS",  # "Le solde du compte du payeur est insuffisant"
}
GATEWAY_ERRORS = {
    "40": "CONFIGURATION_ERROR",  # missing credentials
    "41": "CONFIGURATION_ERROR",  # invalid credentials
    "42": "CONFIGURATION_ERROR",  # expired credentials
    "50": "CONFIGURATION_ERROR",  # access denied
    "53": "PROCESSING_ERROR",  # too many requests
    "1": "PROCESSING_ERROR",  # internal error
    "5": "ISSUER_UNAVAILABLE",  # service unavailable
}

_MP_FIELDS = {
    "provider_transaction_id": ["data.txnid", "data.payToken"],
    "status": ["data.status"],
    "reason_code": ["data.confirmtxnstatus", "data.inittxnstatus"],
    "amount": ["data.amount"],
    "event_time": ["data.createtime"],
    "attempt_id": ["data.txnid"],
    "payment_id": ["data.payToken"],
}

SPEC = {
    "provider": "orangemoney",
    "aliases": ["orangemoney", "orange_money", "orange money", "orange-money", "om", "orange money cameroon",
                "orange money web payment", "om webpay", "orange-money-webpay", "api-s1.orange.cm",
                "orange money cm"],
    "detect": [
        {"path": "data.payToken", "exists": True, "weight": 0.3},
        {"path": "data.payToken", "prefix": "MP", "weight": 0.2},
        {"path": "data.inittxnstatus", "exists": True, "weight": 0.1},
        {"path": "data.channelUserMsisdn", "exists": True, "weight": 0.1},
        {"path": "data.status", "in": list(MP_STATUSES), "weight": 0.05},
        {"path": "notif_token", "exists": True, "weight": 0.4},
        {"path": "pay_token", "exists": True, "weight": 0.2},
        {"path": "payment_url", "exists": True, "weight": 0.05},
        {"path": "txnid", "prefix": "MP", "weight": 0.35},
        {"path": "order_id", "exists": True, "weight": 0.1},
        {"path": "status", "in": list(WEBPAY_STATUSES), "weight": 0.05},
    ],
    "amount_unit": "major",
    "status_map": STATUSES,
    "reason_map": REASONS,
    "default_payment_method": "WALLET",
    "fields": {
        "provider_transaction_id": ["txnid", "pay_token", "notif_token"],
        "status": ["status"],
        "amount": [],
        "attempt_id": ["txnid"],
        "payment_id": ["order_id", "pay_token"],
    },
    "variants": [
        # Cameroon merchant payment: mp/init only issues the token a later mp/pay uses.
        {"name": "mp_init", "match": {"data.payToken": {"exists": True}, "data.status": {"exists": False}},
         "not_a_payment": "mp/init only issues a payToken; the payment is requested by mp/pay"},
        *[
            {
                "name": f"mp_transaction{suffix}",
                "match": {"data.payToken": {"exists": True}, "data.status": {"exists": True},
                          "data.amount": {"exists": bool(currency)}},
                "default_currency": currency,
                "fields": _MP_FIELDS,
            }
            # XAF only where an amount is given: an expired request carries no amount, so no currency either.
            for suffix, currency in (("", "XAF"), ("_without_amount", None))
        ],
        # Web Payment: the webpayment answer opens a payment page, no outcome yet.
        {"name": "webpayment_session", "match": {"pay_token": {"exists": True}, "payment_url": {"exists": True}},
         "not_a_payment": "the webpayment answer only opens Orange Money's payment page"},
        {"name": "webpay_status", "match": {"status": {"in": list(WEBPAY_STATUSES)}}},
        {
            "name": "gateway_error",
            "match": {"code": {"exists": True}, "message": {"exists": True}, "description": {"exists": True},
                      "status": {"exists": False}},
            "status": "ERROR",
            "fields": {"provider_transaction_id": [], "reason_code": ["code"], "attempt_id": [], "payment_id": []},
            "reason_map": GATEWAY_ERRORS,
        },
    ],
}
