"""Lyra (PayZen, SystemPay, Lyra Collect, Sogecommerce): hosted-form IPN / return (vads_* fields) and the REST
API V4 (Payment objects, their IPN kr-answer, WebServiceError answers).

Sources:
- Lyra "vads_trans_status" (docs.lyra.com/en/collect/form-payment/reference/vads-trans-status.html; the same on
  payzen.io): ABANDONED (abandoned by the buyer, not created), ACCEPTED (a VERIFICATION transaction accepted,
  never captured), AUTHORISED (waiting for capture), AUTHORISED_TO_VALIDATE (authorized, to be validated by the
  merchant), CANCELLED (canceled by the merchant), CAPTURED (captured by the bank), CAPTURE_FAILED (capture
  failed), EXPIRED (authorization expired without validation: the cardholder is not debited), INITIAL (no
  response from the acquirer yet: temporary), NOT_CREATED (transaction not created), REFUSED (declined),
  SUSPENDED (capture temporarily blocked), UNDER_VERIFICATION (waiting for the verification of the payment
  method, e.g. PayPal), WAITING_AUTHORISATION and WAITING_AUTHORISATION_TO_VALIDATE (the authorization will be
  requested later: the capture delay exceeds the authorization validity).
- Lyra "vads_result" (docs.lyra.com/en-EN/collect/form-payment/standard-payment/vads-result.html): 00 action
  successfully completed, 02 contact the cardholder's bank (deprecated), 05 action rejected, 17 canceled by the
  buyer, 30 request format error (vads_extra_result names the field), 96 technical error. "vads_extra_result"
  (.../vads-extra-result.html): with 05/00, the risk management result (02 card velocity exceeded, 03 card on the
  merchant's greylist, 04 card country greylisted, 05 IP greylisted, 06 BIN greylisted, 07 e-carte bleue,
  08/09 commercial card, 14 card requiring systematic authorization, 20 countries do not match, 30 IP country
  greylisted, 99 technical issue). "Payment method details" (.../payment-method-details.html):
  vads_auth_result, the return code of the authorization request returned by the issuing bank (the ISO 8583
  response code for the card networks), vads_card_brand, vads_card_country.
- Lyra form fields: vads_amount (in the currency's smallest unit), vads_currency (ISO 4217 numeric, 978 EUR),
  vads_trans_uuid (the transaction's unique id), vads_trans_id, vads_order_id (the merchant's order),
  vads_operation_type (DEBIT a payment, CREDIT a refund, VERIFICATION), vads_payment_config, vads_url_check_src,
  vads_site_id, vads_effective_creation_date / vads_trans_date (UTC, YYYYMMDDHHMMSS).
- Lyra REST API V4 (docs.lyra.com REST payment API): a V4/Payment {orderStatus PAID | UNPAID | RUNNING |
  PARTIALLY_PAID | ABANDONED, orderDetails {orderTotalAmount, orderCurrency, orderId}, customer {billingDetails
  {country}}, transactions [V4/PaymentTransaction {uuid, amount (smallest unit), currency, status, detailedStatus
  (the vads_trans_status values), operationType DEBIT | CREDIT, errorCode (ACQ_001 payment refused, ...),
  detailedErrorCode (the acquirer's / issuer's code), transactionDetails {cardDetails {effectiveBrand, country,
  authorizationResponse {authorizationResult}}}}]}; the IPN posts it as the JSON string kr-answer beside kr-hash;
  a refused call answers {status "ERROR", answer {_type V4/WebService/WebServiceError, errorCode (INT_xxx
  integration errors, PSP_xxx platform errors), errorMessage, detailedErrorCode}}.
Lifecycle identity: vads_trans_uuid / transaction uuid is the attempt (a refund is its own CREDIT transaction),
vads_order_id / orderDetails.orderId the merchant's payment.
"""

from __future__ import annotations

import json
from typing import Any

TRANS_STATUSES = {
    "ABANDONED": "CANCELLED",
    "ACCEPTED": "APPROVED",
    "AUTHORISED": "APPROVED",
    "AUTHORISED_TO_VALIDATE": "APPROVED",
    "CANCELLED": "CANCELLED",
    "CAPTURED": "APPROVED",
    "CAPTURE_FAILED": "ERROR",
    "EXPIRED": "CANCELLED",
    "INITIAL": "PENDING",
    "NOT_CREATED": "DECLINED",
    "REFUSED": "DECLINED",
    "SUSPENDED": "PENDING",
    "UNDER_VERIFICATION": "PENDING",
    "WAITING_AUTHORISATION": "PENDING",
    "WAITING_AUTHORISATION_TO_VALIDATE": "PENDING",
}
# vads_result: reasons read after the issuer's vads_auth_result.
RESULTS = {
    "02": "GENERIC_DECLINE",  # contact the cardholder's bank
    "05": "GENERIC_DECLINE",  # action rejected
    "30": "INVALID_REQUEST",  # request format error
    "96": "PROCESSING_ERROR",  # technical error
}
# vads_result as the outcome, for a form answer that states no vads_trans_status.
RESULT_STATUSES = {"00": "APPROVED", "02": "DECLINED", "05": "DECLINED", "17": "CANCELLED", "30": "ERROR",
                   "96": "ERROR"}
# vads_extra_result with 05: the merchant's risk rules refused the payment.
RISK_RESULTS = ["02", "03", "04", "05", "06", "07", "08", "09", "14", "20", "30"]
BRANDS = {"CB": "cartes_bancaires", "VISA": "visa", "VISA_ELECTRON": "visa", "VPAY": "visa", "MASTERCARD": "mastercard",
          "MAESTRO": "maestro", "E-CARTEBLEUE": "cartes_bancaires", "AMEX": "amex", "DINERS": "diners", "JCB": "jcb",
          "DISCOVER": "discover", "CUP": "unionpay", "PAYPAL": None, "SEPA": None, "SDD": None}
METHODS = {"CB": "CARD", "VISA": "CARD", "VISA_ELECTRON": "CARD", "VPAY": "CARD", "MASTERCARD": "CARD",
           "MAESTRO": "CARD", "E-CARTEBLEUE": "CARD", "AMEX": "CARD", "DINERS": "CARD", "JCB": "CARD",
           "DISCOVER": "CARD", "CUP": "CARD", "CARD": "CARD", "PAYPAL": "WALLET", "APPLE_PAY": "WALLET",
           "GOOGLEPAY": "WALLET", "SDD": "DIRECT_DEBIT", "SEPA": "DIRECT_DEBIT", "IDEAL": "BANK_TRANSFER",
           "SOFORT_BANKING": "BANK_TRANSFER", "PIX": "PIX", "BOLETO": "BOLETO", "ONEY": "BNPL",
           "ONEY_3X_4X": "BNPL", "FRANFINANCE_3X": "BNPL", "FRANFINANCE_4X": "BNPL"}

_FORM_FIELDS = {
    "provider_transaction_id": ["vads_trans_uuid", "vads_trans_id"],
    "status": ["vads_trans_status"],
    "reason_code": ["vads_auth_result", "vads_result"],
    "amount": ["vads_amount"],
    "currency": ["vads_currency"],
    "event_time": ["vads_effective_creation_date", "vads_trans_date"],
    "payment_method": ["vads_card_brand"],
    "card_brand": ["vads_card_brand"],
    "card_country": ["vads_card_country"],
    "customer_country": ["vads_cust_country"],
    "merchant_id": ["vads_site_id"],
    "attempt_id": ["vads_trans_uuid"],
    "payment_id": ["vads_order_id"],
}
_REST_FIELDS = {
    "provider_transaction_id": ["transactions.0.uuid"],
    "status": ["transactions.0.detailedStatus"],
    "reason_code": ["transactions.0.detailedErrorCode",
                    "transactions.0.transactionDetails.cardDetails.authorizationResponse.authorizationResult",
                    "transactions.0.errorCode"],
    "amount": ["transactions.0.amount", "orderDetails.orderTotalAmount"],
    "currency": ["transactions.0.currency", "orderDetails.orderCurrency"],
    "event_time": ["transactions.0.creationDate", "serverDate"],
    "payment_method": ["transactions.0.transactionDetails.cardDetails.effectiveBrand",
                       "transactions.0.paymentMethodType"],
    "card_brand": ["transactions.0.transactionDetails.cardDetails.effectiveBrand"],
    "card_country": ["transactions.0.transactionDetails.cardDetails.country"],
    "customer_country": ["customer.billingDetails.country"],
    "merchant_id": ["shopId"],
    "attempt_id": ["transactions.0.uuid"],
    "payment_id": ["orderDetails.orderId"],
}
_RISK_RULE = {"when": {"vads_result": "05", "vads_extra_result": RISK_RESULTS},
              "set": {"failure_reason": "RISK_REJECTED", "failure_source": "MERCHANT_RISK"}}


def prepare(body: Any) -> Any:
    """A REST IPN posts the Payment as the JSON string kr-answer: read it (pure: a new dict)."""
    if not isinstance(body, dict) or not isinstance(body.get("kr-answer"), str):
        return body
    try:
        answer = json.loads(body["kr-answer"])
    except ValueError:
        return body
    return answer if isinstance(answer, dict) else body


SPEC = {
    "provider": "lyra",
    "aliases": ["lyra", "payzen", "systempay", "system pay", "lyra collect", "lyra_collect", "sogecommerce",
                "lyra network", "lyra_network", "payzen_by_lyra", "osb", "clic&pay", "scellius"],
    "detect": [
        {"path": "vads_trans_status", "exists": True, "weight": 0.5},
        {"path": "vads_site_id", "exists": True, "weight": 0.3},
        {"path": "vads_result", "exists": True, "weight": 0.2},
        {"path": "vads_trans_uuid", "exists": True, "weight": 0.2},
        {"path": "kr-answer", "exists": True, "weight": 0.5},
        {"path": "kr-hash", "exists": True, "weight": 0.3},
        {"path": "_type", "in": ["V4/Payment", "V4/WebService/Response"], "weight": 0.8},
        {"path": "answer._type", "prefix": "V4/", "weight": 0.8},
        {"path": "orderCycle", "in": ["OPEN", "CLOSED"], "weight": 0.3},
    ],
    "amount_unit": "minor",
    "reason_map": RESULTS,
    "reason_fallback": "iso8583",
    "payment_method_map": METHODS,
    "card_brand_map": BRANDS,
    "variants": [
        {
            # A refused REST call (WebServiceError).
            "name": "rest_error",
            "match": {"status": "ERROR", "answer.errorCode": {"exists": True}},
            "fields": {"status": ["status"], "reason_code": ["answer.detailedErrorCode", "answer.errorCode"],
                       "merchant_id": ["answer.shopId"]},
            "status": "ERROR",
            "rules": [{"when": {"answer.errorCode": {"prefix": "INT_"}}, "set": {"failure_reason": "INVALID_REQUEST"}},
                      {"when": {"answer.errorCode": {"prefix": "PSP_"}},
                       "set": {"failure_reason": "PROCESSING_ERROR"}}],
        },
        {
            "name": "rest_payment_refund",
            "match": {"transactions.0.operationType": "CREDIT"},
            "fields": {**_REST_FIELDS, "refund_id": ["transactions.0.uuid"], "attempt_id": []},
            "status_map": {**TRANS_STATUSES, "AUTHORISED": "REFUNDED", "CAPTURED": "REFUNDED"},
            "event_kind": "REFUND",
        },
        {
            "name": "rest_payment",
            "match": {"transactions.0.detailedStatus": {"exists": True}},
            "fields": _REST_FIELDS,
            "status_map": TRANS_STATUSES,
            "rules": [{"when": {"transactions.0.errorCode": "ACQ_001"}, "set": {"status_category": "DECLINED"}}],
        },
        {
            "name": "form_refund",
            "match": {"vads_trans_status": {"exists": True}, "vads_operation_type": "CREDIT"},
            "fields": {**_FORM_FIELDS, "refund_id": ["vads_trans_uuid"], "attempt_id": []},
            "status_map": {**TRANS_STATUSES, "AUTHORISED": "REFUNDED", "CAPTURED": "REFUNDED"},
            "event_kind": "REFUND",
        },
        {
            "name": "form",
            "match": {"vads_trans_status": {"exists": True}},
            "fields": _FORM_FIELDS,
            "status_map": TRANS_STATUSES,
            "rules": [_RISK_RULE],
        },
        {
            # A return or IPN without vads_trans_status (older SystemPay / PayZen forms): vads_result is the
            # request's outcome (00 completed, 02 / 05 rejected, 17 canceled by the buyer, 30 format error, 96
            # technical error).
            "name": "form_result",
            "match": {"vads_result": {"exists": True}},
            "fields": {**_FORM_FIELDS, "status": ["vads_result"]},
            "status_map": RESULT_STATUSES,
            "rules": [_RISK_RULE],
        },
        {
            # Neither status nor vads_result, only the issuer's answer: vads_auth_result 00 is the authorization
            # accepted; any other code is the issuer's refusal (its ISO 8583 reason).
            "name": "form_auth_result",
            "match": {"vads_auth_result": {"exists": True}, "vads_site_id": {"exists": True}},
            "fields": _FORM_FIELDS,
            "status": "DECLINED",
            "rules": [{"when": {"vads_auth_result": "00"}, "set": {"status_category": "APPROVED"}}],
        },
    ],
}
