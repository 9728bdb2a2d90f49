"""Secure Trading / Trust Payments (STPP, the Secure Trading Payment Platform): Webservices API responses, XML
(``<responseblock><response type="AUTH">``) and JSON (``{"response": [{"requesttypedescription", "errorcode",
...}]}``), and URL notifications / redirects carrying the same fields.

Sources:
- https://help.trustpayments.com/hc/en-us/articles/4402897300625-Error-codes and its registry
  webapp.securetrading.net/errorcodes.html (every ``errorcode``: 0 Ok; 1-10 API library errors; 10003-10600
  validation / format (malformed XML or JSON, invalid card details ...); 20004-20040 transaction rules (20004
  Missing parent, 20005/20012 refund requires a settled parent, 20007 Refund amount too great, 20011 Cannot refund
  a decline ...); 25000-25003 insufficient access privileges; 30000 Invalid field (``errordata`` names the field),
  30001 Unknown site, 30002 Banned card, 30003-30015 request errors; 31000-31010 the customer's card details;
  40000 No account found, 40001 Refund cannot be processed, 40002 Transaction de-activated; 50000-51001
  connectivity (50005 Timeout, 50007 Unable to connect to acquirer ...); 60010 Bank System Error, 60014
  Transaction reference not found, 60020 Timeout Error, 60022 Unauthenticated, 60023 Site Suspended, 60034 Manual
  investigation required, 60036 Max fraudscore exceeded, 60042 Insufficient funds, 60043 scheme restrictions,
  60044 Failed Screening, 60500 Risk Referral; 70000 Decline, 70001 Uncertain result, 71000 Soft Decline, 72000
  Refer to Issuer, 79000 Request is queued; 88000/88888 retry; 90001-90011 configuration; 99998/99999 generic),
  as transcribed in github.com/api-evangelist/trust-payments errors/trust-payments-error-codes.yml and
  errors/trust-payments-decline-codes.yml ("errorcode 70000 = declined by the card issuer"; settlestatus 0 / 1 /
  10 authorised pending settlement, 2 suspended (settlement on hold), 3 cancelled, 100 settled); the same list at
  docs.paylands.com/en/docs/integrations/payment-service-trustpayments ("70000 - Decline. [05 Do not honour]":
  the acquirer's ISO code beside the decline)
- Webservices API reference (docs.trustpayments.com, webservices JSON/XML): response fields
  requesttypedescription (AUTH, REFUND, ACCOUNTCHECK, THREEDQUERY, RISKDEC, TRANSACTIONUPDATE, SUBSCRIPTION,
  CACHETOKENISE ...), errorcode, errormessage, errordata, settlestatus, baseamount (minor units),
  currencyiso3a, paymenttypedescription (VISA, MASTERCARD, AMEX, PAYPAL ...), transactionreference,
  parenttransactionreference, orderreference, acquirerresponsecode, transactionstartedtimestamp; the XML form puts
  the error in ``<error><code>/<message>/<data>``, the amount in ``<billing><amount currencycode="GBP">`` and
  settlestatus in ``<settlement>``.

Status: errorcode 0 is the request done (an AUTH authorised, settlestatus 3 cancelled, 2 suspended (PENDING);
a REFUND refunded; a TRANSACTIONUPDATE setting settlestatus 3 a void); 70000 / 71000 / 72000 and the
processing refusals (60042 insufficient funds, 60043-60045 restrictions / screening, 60036 fraud score, 30002
banned card) are DECLINED, with the acquirer's ISO 8583 code (acquirerresponsecode) read first; 70001 is
UNKNOWN, 79000 PENDING; every other code is the platform refusing the request (ERROR).
Lifecycle identity: transactionreference is the transaction (an AUTH's attempt_id, a REFUND's refund_id, whose
parenttransactionreference is the AUTH); orderreference is the merchant's order (payment_id).
"""

from __future__ import annotations

from typing import Any

ST_KEY = "payobs_securetrading"

_CUSTOMER = "CUSTOMER"
_TECHNICAL = "TECHNICAL"

ERROR_CODES: dict[str, Any] = {
    "1": "PROCESSING_ERROR", "4": "PROCESSING_ERROR", "5": "PROCESSING_ERROR",
    "6": "CONFIGURATION_ERROR",  # invalid credentials provided
    "7": "PROCESSING_ERROR", "8": "PROCESSING_ERROR", "9": "PROCESSING_ERROR", "10": "INVALID_REQUEST",
    "10003": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},
    "10103": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},
    "20011": "INVALID_REQUEST",
    "25000": "CONFIGURATION_ERROR", "25001": "PROCESSING_ERROR", "25002": "CONFIGURATION_ERROR",
    "25003": "INVALID_REQUEST",
    "30000": "INVALID_REQUEST",  # Invalid field
    "30001": "CONFIGURATION_ERROR",  # Unknown site
    "30002": {"reason": "RISK_REJECTED", "source": "MERCHANT_RISK"},  # Banned card
    "30006": "CONFIGURATION_ERROR", "30008": "CONFIGURATION_ERROR", "30009": "CONFIGURATION_ERROR",
    "30011": "CONFIGURATION_ERROR",
    "31000": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},
    "31001": {"reason": "INCORRECT_CVC", "source": _CUSTOMER},
    "31002": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},
    "31003": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},
    "31004": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},
    "31005": {"reason": "PROCESSING_ERROR", "source": _TECHNICAL},
    "31006": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},
    "40000": "CONFIGURATION_ERROR", "40001": "INVALID_REQUEST", "40002": "CONFIGURATION_ERROR",
    "50005": {"reason": "TIMEOUT", "source": _TECHNICAL},
    "50007": {"reason": "ISSUER_UNAVAILABLE", "source": _TECHNICAL},
    "60010": {"reason": "PROCESSING_ERROR", "source": _TECHNICAL},  # Bank System Error
    "60014": "INVALID_REQUEST",  # Transaction reference not found
    "60017": "INVALID_REQUEST", "60018": "INVALID_REQUEST", "60025": "INVALID_REQUEST",
    "60020": {"reason": "TIMEOUT", "source": _TECHNICAL},
    "60022": "CONFIGURATION_ERROR",  # Unauthenticated
    "60023": "CONFIGURATION_ERROR",  # Site Suspended
    "60027": "CONFIGURATION_ERROR", "60031": "CONFIGURATION_ERROR", "60032": "CONFIGURATION_ERROR",
    "60034": {"reason": "RISK_REJECTED", "source": "PSP_RISK"},  # manual investigation required
    "60036": {"reason": "RISK_REJECTED", "source": "PSP_RISK"},  # max fraudscore exceeded
    "60038": {"reason": "PROCESSING_ERROR", "source": _TECHNICAL},
    "60042": "INSUFFICIENT_FUNDS",
    "60043": "TRANSACTION_NOT_PERMITTED",  # scheme restrictions
    "60044": {"reason": "RISK_REJECTED", "source": "PSP_RISK"},  # failed screening
    "60045": "TRANSACTION_NOT_PERMITTED",
    "60500": {"reason": "RISK_REJECTED", "source": "PSP_RISK"},  # risk referral
    "61002": "CONFIGURATION_ERROR",
    "62000": {"reason": "PROCESSING_ERROR", "source": _TECHNICAL},
    "70000": "GENERIC_DECLINE",
    "70001": "UNKNOWN",
    "71000": {"reason": "GENERIC_DECLINE", "decline_type": "SOFT"},
    "72000": "GENERIC_DECLINE",  # refer to issuer
    "79001": {"reason": "PROCESSING_ERROR", "source": _TECHNICAL},
    "88000": {"reason": "PROCESSING_ERROR", "source": _TECHNICAL},
    "88888": {"reason": "GENERIC_DECLINE", "decline_type": "SOFT"},
    "99998": "PROCESSING_ERROR", "99999": "PROCESSING_ERROR",
}
# The rest of the registry by its classes: validation / format, transaction rules and request errors are the
# request's; connectivity and gateway processing the platform's; 9xxxx the account's configuration.
_REGISTRY_CLASSES = {
    "INVALID_REQUEST": [10100, 10101, 10102, 10200, 10201, 10202, 10203, 10204, 10205, 10300, 10301, 10302, 10500,
                        10600, *range(20004, 20016), *range(20018, 20041), *range(30003, 30016), 31007, 31009, 31010,
                        60011, 60013, 60016, 60019, 60024, 60028, 60029, 60033, 60035, 60037, 60040, 60041,
                        *range(60100, 60121)],
    "PROCESSING_ERROR": [*range(50000, 50017), 51000, 51001, 60003, 60012, 60021, 60026, 60030, 60039],
    "CONFIGURATION_ERROR": [*range(90001, 90012), 61000, 61001, 61003],
}
for _reason, _codes in _REGISTRY_CLASSES.items():
    for _code in _codes:
        ERROR_CODES.setdefault(str(_code), _reason)
DECLINE_CODES = ["70000", "71000", "72000", "88888", "30002", "60034", "60036", "60042", "60043", "60044", "60045",
                 "60500"]

OUTCOMES = {"approved": "APPROVED", "declined": "DECLINED", "error": "ERROR", "unknown": "UNKNOWN",
            "pending": "PENDING", "cancelled": "CANCELLED", "refunded": "REFUNDED"}
PAYMENT_TYPES = {**dict.fromkeys(["visa", "delta", "electron", "purchasing", "mastercard", "mastercarddebit",
                                  "maestro", "amex", "diners", "discover", "jcb"], "CARD"),
                 "paypal": "WALLET", "applepay": "WALLET", "googlepay": "WALLET", "ideal": "BANK_TRANSFER",
                 "sofort": "BANK_TRANSFER", "giropay": "BANK_TRANSFER", "eps": "BANK_TRANSFER", "trustly": "BANK_TRANSFER",
                 "ach": "DIRECT_DEBIT", "sepadd": "DIRECT_DEBIT", "klarna": "BNPL"}
CARD_BRANDS = {"VISA": "visa", "DELTA": "visa", "ELECTRON": "visa", "PURCHASING": "visa", "MASTERCARD": "mastercard",
               "MASTERCARDDEBIT": "mastercard", "MAESTRO": "maestro", "AMEX": "amex", "DINERS": "diners",
               "DISCOVER": "discover", "JCB": "jcb", "PAYPAL": None, "APPLEPAY": None, "GOOGLEPAY": None}
_NOT_PAYMENTS = ["ACCOUNTCHECK", "RISKDEC", "CACHETOKENISE", "SUBSCRIPTION", "IDENTITYCHECK", "CURRENCYRATE",
                 "JSINIT", "WALLETVERIFY", "STORE"]


def _text(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("#text")
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value if v is not None) or None
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _outcome(requesttype: str, code: str, settlestatus: str | None) -> str:
    if code == "0":
        if requesttype == "REFUND":
            return "refunded"
        if requesttype == "THREEDQUERY":
            return "pending"
        if settlestatus == "3":
            return "cancelled"
        if settlestatus == "2":
            return "pending"
        return "approved"
    if code in DECLINE_CODES:
        return "declined"
    if code == "70001":
        return "unknown"
    if code == "79000":
        return "pending"
    return "error"


def _flat(response: dict[str, Any], xml: bool) -> dict[str, Any]:
    if xml:
        error = response.get("error") if isinstance(response.get("error"), dict) else {}
        billing = response.get("billing") if isinstance(response.get("billing"), dict) else {}
        amount = billing.get("amount")
        payment = billing.get("payment") if isinstance(billing.get("payment"), dict) else {}
        settlement = response.get("settlement") if isinstance(response.get("settlement"), dict) else {}
        operation = response.get("operation") if isinstance(response.get("operation"), dict) else {}
        merchant = response.get("merchant") if isinstance(response.get("merchant"), dict) else {}
        fields = {
            "requesttype": response.get("@type"), "errorcode": error.get("code"), "errormessage": error.get("message"),
            "errordata": error.get("data"), "settlestatus": settlement.get("settlestatus"),
            "amount": amount, "currency": amount.get("@currencycode") if isinstance(amount, dict) else None,
            "paymenttype": payment.get("@type"), "transactionreference": response.get("transactionreference"),
            "parenttransactionreference": operation.get("parenttransactionreference"),
            "orderreference": merchant.get("orderreference"), "acquirerresponsecode": response.get("acquirerresponsecode"),
            "timestamp": response.get("timestamp"),
        }
    else:
        fields = {
            "requesttype": response.get("requesttypedescription"), "errorcode": response.get("errorcode"),
            "errormessage": response.get("errormessage"), "errordata": response.get("errordata"),
            "settlestatus": response.get("settlestatus"), "amount": response.get("baseamount"),
            "currency": response.get("currencyiso3a"), "paymenttype": response.get("paymenttypedescription"),
            "transactionreference": response.get("transactionreference"),
            "parenttransactionreference": response.get("parenttransactionreference"),
            "orderreference": response.get("orderreference"),
            "acquirerresponsecode": response.get("acquirerresponsecode"),
            "timestamp": response.get("transactionstartedtimestamp") or response.get("timestamp"),
        }
    flat = {key: _text(value) for key, value in fields.items()}
    flat = {key: value for key, value in flat.items() if value is not None}
    flat["requesttype"] = (flat.get("requesttype") or "").upper()
    code = flat.get("errorcode", "")
    flat["outcome"] = _outcome(flat["requesttype"], code, flat.get("settlestatus"))
    if flat["requesttype"] == "ERROR" and code == "0":
        flat["outcome"] = "error"
    if not flat.get("currency"):
        flat.pop("amount", None)
    return flat


def prepare(body: Any) -> Any:
    """The response (the first of a JSON ``response`` list, or the XML ``responseblock.response``) as one flat
    ``payobs_securetrading`` dict with its outcome."""
    if not isinstance(body, dict):
        return body
    block = body.get("responseblock")
    if isinstance(block, dict) and "response" in block:
        response = block["response"]
        response = response[0] if isinstance(response, list) and response else response
        if isinstance(response, dict):
            return {ST_KEY: _flat(response, xml=True)}
    response = body.get("response")
    if isinstance(response, list) and response and isinstance(response[0], dict) and "errorcode" in response[0]:
        return {ST_KEY: _flat(response[0], xml=False)}
    if "errorcode" in body and ("requesttypedescription" in body or "transactionreference" in body):
        return {ST_KEY: _flat(body, xml=False)}
    return body


SPEC = {
    "provider": "securetrading",
    "aliases": ["securetrading", "secure trading", "secure_trading", "trustpayments", "trust payments",
                "trust_payments", "stpp", "securetrading_stpp"],
    "detect": [
        {"path": "responseblock.requestreference", "exists": True, "weight": 0.6},
        {"path": "responseblock.response.@type", "exists": True, "weight": 0.3},
        {"path": "requestreference", "exists": True, "weight": 0.3},
        {"path": "response.0.requesttypedescription", "exists": True, "weight": 0.4},
        {"path": "response.0.errorcode", "exists": True, "weight": 0.2},
        {"path": "requesttypedescription", "exists": True, "weight": 0.4},
        {"path": "errorcode", "exists": True, "weight": 0.1},
        {"path": "settlestatus", "exists": True, "weight": 0.2},
    ],
    "amount_unit": "minor",
    "reason_map": ERROR_CODES,
    "reason_fallback": "iso8583",
    "payment_method_map": PAYMENT_TYPES,
    "default_payment_method": "CARD",
    "card_brand_map": CARD_BRANDS,
    "variants": [
        {
            "name": "not_a_payment",
            "match": {f"{ST_KEY}.requesttype": _NOT_PAYMENTS},
            "not_a_payment": "a card check, risk decision, tokenisation or subscription set-up is not a payment",
        },
        {
            # The acknowledgement of a TRANSACTIONUPDATE (errorcode 0): the update's values were in the request.
            "name": "transactionupdate.ack",
            "match": {f"{ST_KEY}.requesttype": "TRANSACTIONUPDATE", f"{ST_KEY}.errorcode": "0",
                      f"{ST_KEY}.settlestatus": {"exists": False}},
            "not_a_payment": "a transaction update acknowledgement names no outcome (the update is in the request)",
        },
        {
            "name": "response",
            "match": {f"{ST_KEY}.outcome": {"exists": True}},
            "root": ST_KEY,
            "fields": {
                "provider_transaction_id": ["transactionreference"],
                "status": ["outcome"],
                "reason_code": ["acquirerresponsecode", "errorcode"],
                "amount": ["amount"],
                "currency": ["currency"],
                "event_time": ["timestamp"],
                "payment_method": ["paymenttype"],
                "card_brand": ["paymenttype"],
                "payment_id": ["orderreference"],
                "attempt_id": ["transactionreference"],
            },
            "status_map": OUTCOMES,
            "rules": [
                {"when": {"requesttype": "REFUND"},
                 "set": {"event_kind": "REFUND"}},
                {"when": {"errorcode": ["20005", "20006", "20007", "20011", "20012", "20022", "20023", "20034",
                                        "40001"]},
                 "set": {"event_kind": "REFUND"}},
                {"when": {"requesttype": "TRANSACTIONUPDATE", "settlestatus": "3"},
                 "set": {"event_kind": "VOID"}},
                {"when": {"requesttype": "AUTH", "outcome": "cancelled"}, "set": {"event_kind": "VOID"}},
            ],
        },
    ],
}
