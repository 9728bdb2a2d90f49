"""Global Payments: Realex / GP e-commerce XML API and HPP responses, GP API (JSON), Heartland Portico (SOAP).

Sources:
- Global Payments e-commerce "Messages & Error Codes" (developer.globalpay.com/resources/messages, as
  republished at https://woohoopay.com/error-codes/): result 00 successful; 1xx declines (101 decline:
  generally insufficient funds or incorrect card data, 102 referral B, 103 referral A: card reported
  lost or stolen, 107 fraud checks blocked it, 111 strong customer authentication required); 2xx errors
  with bank systems (can be retried); 3xx errors with Global Payments systems; 5xx incorrect request
  content (501 order ID already used, 502 mandatory field missing, 504 no such merchant id, 505 hash /
  IP not allowed, 506 XML error, 508 hash mismatch or wrong shared secret, 511 HPP could not reach the
  response URL); 666 client deactivated.
- GP e-commerce XML API ``<response timestamp=".."><merchantid/><account/><orderid/><authcode/><result/>
  <cvnresult/><batchid/><message/><pasref/><cardissuer><countrycode/></cardissuer><sha1hash/></response>``;
  HPP response fields (MERCHANT_ID, ACCOUNT, ORDER_ID, TIMESTAMP, AMOUNT in minor units, RESULT, MESSAGE,
  PASREF, AUTHCODE, AVSPOSTCODERESULT, CVNRESULT, BATCHID, SHA1HASH); with HPP_VERSION 2 the JSON response's
  values are Base64 encoded (globalpayments php-sdk / java-sdk HostedService.parseResponse and
  convertResponse).
- GP API (developer.globalpay.com/api): transactions with id ``TRN_...``, type SALE / REFUND, status
  (globalpayments php-sdk src/Entities/Enums/TransactionStatus.php: INITIATED, AUTHENTICATED, PENDING,
  DECLINED, PREAUTHORIZED, CAPTURED, BATCHED, REVERSED, FUNDED, REJECTED), amount in minor units,
  currency, reference, action.{type, result_code}, payment_method.{result, message, card.brand};
  disputes ``DIS_...`` (stage, status, transaction.id); error bodies {error_code, detailed_error_code,
  detailed_error_description} with error_code NOT_AUTHENTICATED, ACTION_NOT_AUTHORIZED,
  INVALID_REQUEST_DATA, MANDATORY_DATA_MISSING, RESOURCE_NOT_FOUND, DUPLICATE_ACTION,
  INVALID_TRANSACTION_ACTION, SYSTEM_ERROR_DOWNSTREAM (HTTP 502), SYSTEM_ERROR, UNAUTHORIZED_DOWNSTREAM.
- Heartland Portico (POS Gateway SOAP, globalpayments php-sdk src/Gateways/PorticoConnector.php and the
  Heartland SDKs' gateway/issuer exception mappers): ``PosResponse/Ver1.0/Header`` (GatewayTxnId,
  GatewayRspCode 0 = success, GatewayRspMsg, RspDT) and ``Transaction/<Service>`` (CreditSale,
  CreditAuth, CreditAddToBatch, CreditReturn, CreditVoid, CreditReversal, CreditAccountVerify, ...)
  with the issuer's RspCode (00 approved, 10 partial approval, 85 no reason to decline; others ISO 8583)
  and RspText, AuthAmt, CardType. Gateway codes: -2 authentication error, 1 gateway system error,
  2 duplicate transaction, 3 invalid original transaction, 5 no current batch, 12 invalid CPC data,
  13 invalid card data, 14 invalid card type, 30 gateway timed out.
- The SDKs' ``Transaction`` response object as integrations log it (JSON of its public properties;
  globalpayments/php-sdk src/Entities/Transaction.php: responseCode, responseMessage, transactionReference
  {transactionId, orderId, authCode, paymentMethodType, clientTransactionId}, cvnResponseCode, avsResponseCode,
  authorizedAmount / balanceAmount in major units without a currency). What the codes hold per gateway, from
  SDK source: src/Mapping/GpApiMapping.php mapResponse (GP API: responseCode = action.result_code, responseMessage
  = status, transactionId = id ``TRN_...``, authorizationCode = payment_method.result); the e-commerce connector
  (responseCode = RESULT, responseMessage = MESSAGE, transactionId = PASREF) and the Portico connector
  (responseCode = the issuer's RspCode, transactionId = GatewayTxnId) rest on recollection of the SDK's
  GpEcomConnector / PorticoConnector, not a file read this session. The amount is left out (no currency).
Amounts: e-commerce and GP API in minor units; Portico in major units (US, USD).
"""

from __future__ import annotations

import base64
import binascii
from typing import Any

REASON_KEY = "payobs_reason_code"
RESULT_KEY = "payobs_result"
SERVICE_KEY = "payobs_service"
AMOUNT_KEY = "payobs_amount"

_TECHNICAL = "TECHNICAL"
_MERCHANT_CONFIG = "MERCHANT_CONFIG"


def _class_codes(first: int, last: int, entry: Any) -> dict[str, Any]:
    return {str(code): entry for code in range(first, last + 1)}


# GP e-commerce (Realex) result codes: the documented classes, then the codes documented on their own.
ECOM_RESULTS: dict[str, Any] = {
    **_class_codes(100, 199, "GENERIC_DECLINE"),
    **_class_codes(200, 299, {"reason": "ISSUER_UNAVAILABLE", "source": _TECHNICAL}),  # bank systems error
    **_class_codes(300, 399, {"reason": "PROCESSING_ERROR", "source": _TECHNICAL}),  # Global Payments systems
    **_class_codes(500, 599, "INVALID_REQUEST"),  # incorrect request formation or content
    **_class_codes(600, 699, "CONFIGURATION_ERROR"),
    "101": "GENERIC_DECLINE",  # decline (insufficient funds or incorrect card data, not said which)
    "102": "GENERIC_DECLINE",  # referral B: contact the authorization centre
    "103": "LOST_OR_STOLEN_CARD",  # referral A: card reported lost or stolen
    "107": {"reason": "RISK_REJECTED", "source": "PSP_RISK"},  # fraud filter block
    "111": "AUTHENTICATION_REQUIRED",  # strong customer authentication required
    "501": "DUPLICATE",  # order ID already used
    "504": "CONFIGURATION_ERROR",  # no such merchant id
    "505": "CONFIGURATION_ERROR",  # hash incorrect / request from an IP or URL not allowed
    "508": "CONFIGURATION_ERROR",  # hash not as expected: wrong shared secret
    "511": {"reason": "PROCESSING_ERROR", "source": _TECHNICAL},  # HPP could not reach the response URL
    "666": "CONFIGURATION_ERROR",  # client deactivated
}

# GP API error_code values.
GPAPI_ERRORS: dict[str, Any] = {
    "NOT_AUTHENTICATED": "CONFIGURATION_ERROR",
    "ACTION_NOT_AUTHORIZED": "CONFIGURATION_ERROR",
    "UNAUTHORIZED_DOWNSTREAM": "CONFIGURATION_ERROR",
    "INVALID_REQUEST_DATA": "INVALID_REQUEST",
    "MANDATORY_DATA_MISSING": "INVALID_REQUEST",
    "RESOURCE_NOT_FOUND": "INVALID_REQUEST",
    "INVALID_TRANSACTION_ACTION": "INVALID_REQUEST",
    "DUPLICATE_ACTION": "DUPLICATE",
    "SYSTEM_ERROR_DOWNSTREAM": {"reason": "PROCESSING_ERROR", "source": _TECHNICAL},
    "SYSTEM_ERROR": {"reason": "PROCESSING_ERROR", "source": _TECHNICAL},
}

GPAPI_STATUSES = {
    "CAPTURED": "APPROVED",
    "PREAUTHORIZED": "APPROVED",
    "BATCHED": "APPROVED",
    "FUNDED": "APPROVED",
    "DECLINED": "DECLINED",
    "REJECTED": "DECLINED",
    "REVERSED": "CANCELLED",
    "INITIATED": "PENDING",
    "AUTHENTICATED": "PENDING",
    "PENDING": "PENDING",
    "FOR_REVIEW": "PENDING",
}

# Portico gateway response codes (GatewayRspCode != 0: the gateway refused or failed the request).
PORTICO_GATEWAY: dict[str, Any] = {
    "-2": "CONFIGURATION_ERROR",  # authentication error
    "1": {"reason": "PROCESSING_ERROR", "source": _TECHNICAL},  # gateway system error
    "2": "DUPLICATE",
    "3": "INVALID_REQUEST",  # invalid original transaction
    "4": "INVALID_REQUEST",  # transaction already associated with a batch
    "5": "INVALID_REQUEST",  # no current batch
    "12": "INVALID_REQUEST",  # invalid CPC data
    "13": "INVALID_CARD_DATA",  # invalid card data
    "14": "INVALID_CARD_DATA",  # invalid card type
    "30": {"reason": "TIMEOUT", "source": _TECHNICAL},  # gateway timed out
}
_PORTICO_APPROVED = ("00", "10", "85", "0")
# Gateway codes that refuse the card itself (the Heartland SDKs' gateway response validation raises a card
# exception, not a gateway exception, for 14 "The card number is not valid"): a decline, not an error.
_PORTICO_CARD_REFUSED = ("14",)

RESULTS = {"approved": "APPROVED", "declined": "DECLINED", "error": "ERROR", "unknown": "UNKNOWN"}

BRANDS = {"VISA": "visa", "MASTERCARD": "mastercard", "MC": "mastercard", "AMEX": "amex", "DISCOVER": "discover",
          "DINERS": "diners", "JCB": "jcb", "CUP": "unionpay", "UNIONPAY": "unionpay"}

_PORTICO_KINDS = {
    "CreditAddToBatch": "CAPTURE", "CreditReturn": "REFUND", "CheckVoid": "VOID", "CreditVoid": "VOID",
    "CreditReversal": "VOID", "DebitReturn": "REFUND", "DebitReversal": "VOID",
}


def _text(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("#text")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    return value.strip() or None if isinstance(value, str) else None


def _ecom_result(code: str | None) -> str:
    if code in ("00", "0"):
        return "approved"
    if code and code.isdigit() and code.startswith("1") and len(code) == 3:
        return "declined"
    return "error"


def _decode_hpp(body: dict) -> dict:
    """HPP_VERSION 2 JSON responses carry each value Base64 encoded: decode them when RESULT is."""
    result = body.get("RESULT")
    if not isinstance(result, str) or result.isdigit():
        return body
    decoded = {}
    for key, value in body.items():
        if isinstance(value, str):
            try:
                text = base64.b64decode(value, validate=True).decode("utf-8")
            except (binascii.Error, UnicodeDecodeError, ValueError):
                return body  # not an encoded response: leave it as it came
            decoded[key] = text
        else:
            decoded[key] = value
    return decoded


def _portico(body: dict) -> dict | None:
    envelope = body.get("Envelope")
    node = envelope.get("Body") if isinstance(envelope, dict) else body
    response = node.get("PosResponse") if isinstance(node, dict) else None
    if not isinstance(response, dict):
        return None
    version = response.get("Ver1.0")
    return version if isinstance(version, dict) else None


SDK_KEY = "payobs_sdk_transaction"


def _sdk_transaction(body: dict) -> dict | None:
    """A Global Payments SDK ``Transaction`` logged as JSON (module docstring), its outcome read per gateway.

    GP API (transactionId ``TRN_...``): responseMessage is the transaction status, responseCode the action's
    result_code, transactionReference.authCode the issuer's result. Otherwise responseCode is the gateway's
    result: the e-commerce RESULT (00, 1xx, 2xx ...) or Portico's issuer RspCode (two digits).
    """
    reference = body.get("transactionReference")
    if not isinstance(reference, dict) or "responseCode" not in body:
        return None
    transaction_id = _text(reference.get("transactionId"))
    code = _text(body.get("responseCode"))
    message = _text(body.get("responseMessage"))
    sdk = {"transactionId": transaction_id, "orderId": _text(reference.get("orderId")),
           "clientTransactionId": _text(reference.get("clientTransactionId")), "responseCode": code,
           "cardType": _text(body.get("cardType"))}
    if transaction_id and transaction_id.startswith("TRN_"):
        return {**sdk, "gpapi_status": (message or "").upper() or None,
                REASON_KEY: _text(reference.get("authCode")) or code}
    if code and len(code) == 2 and code.isdigit():
        outcome = "approved" if code in _PORTICO_APPROVED else "declined"
    else:
        outcome = _ecom_result(code)
    return {**sdk, RESULT_KEY: outcome, REASON_KEY: code}


def prepare(body: Any) -> Any:
    """Each document kind with its result (approved / declined / error / unknown) and reason read.

    * e-commerce XML ``response`` and HPP fields: RESULT 00 approved, 1xx declined, other classes error.
    * Portico: ``Ver1.0`` (a key with a dot, which paths cannot name) becomes ``portico``; the service
      element's name (``CreditSale``...) is kept; a gateway code other than 0 is an error (30, a
      gateway time-out, an unknown outcome), else the issuer's RspCode decides.
    Pure.
    """
    if not isinstance(body, dict):
        return body
    version = _portico(body)
    if version is not None:
        header = version.get("Header") if isinstance(version.get("Header"), dict) else {}
        transaction = version.get("Transaction") if isinstance(version.get("Transaction"), dict) else {}
        # An empty service element (``<CreditReturn />``, a return or void with nothing to add) still names
        # the service.
        service, result = next(((k, v) for k, v in transaction.items() if not str(k).startswith("@")), (None, {}))
        if not isinstance(result, dict):
            result = {}
        gateway = _text(header.get("GatewayRspCode"))
        if gateway and gateway.lstrip("-").isdigit():
            gateway = str(int(gateway))  # "00" and "0" both mean success
        if gateway in _PORTICO_CARD_REFUSED:
            return {"portico": {"Header": header, "result": result, SERVICE_KEY: service, RESULT_KEY: "declined",
                                REASON_KEY: gateway, "payobs_gateway_error": True}}
        issuer = _text(result.get("RspCode")) if isinstance(result, dict) else None
        if gateway not in (None, "0"):
            outcome, reason = ("unknown" if gateway == "30" else "error"), gateway
        elif issuer is None or issuer in _PORTICO_APPROVED:
            outcome, reason = "approved", issuer
        else:
            outcome, reason = "declined", issuer
        return {"portico": {"Header": header, "result": result if isinstance(result, dict) else {},
                            SERVICE_KEY: service, RESULT_KEY: outcome, REASON_KEY: reason,
                            "payobs_gateway_error": gateway not in (None, "0")}}
    sdk = _sdk_transaction(body)
    if sdk is not None:
        return {SDK_KEY: sdk}
    response = body.get("response")
    if isinstance(response, dict) and "result" in response:
        code = _text(response.get("result"))
        return {**body, "response": {**response, RESULT_KEY: _ecom_result(code), REASON_KEY: code}}
    if "RESULT" in body and ("PASREF" in body or "ORDER_ID" in body):
        decoded = _decode_hpp(body)
        code = _text(decoded.get("RESULT"))
        # AMOUNT (minor units) means something only beside the request's currency, when the row has it.
        currency = _text(decoded.get("CURRENCY")) or _text(decoded.get("X-CURRENCY"))
        return {**decoded, RESULT_KEY: _ecom_result(code), REASON_KEY: code,
                AMOUNT_KEY: _text(decoded.get("AMOUNT")) if currency else None}
    card = body.get("payment_method", {}).get("card") if isinstance(body.get("payment_method"), dict) else None
    brand = _text(card.get("brand")) if isinstance(card, dict) else None
    if brand:
        return {**body, "payobs_card_brand": BRANDS.get(brand.upper(), brand.lower())}
    return body


_GPAPI_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status"],
    "reason_code": ["payment_method.result", "action.result_code"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["time_created"],
    "card_brand": ["payobs_card_brand"],
    "payment_id": ["reference", "order.reference"],
    "merchant_id": ["merchant_id"],
    "merchant_name": ["merchant_name"],
}

SPEC = {
    "provider": "globalpayments",
    "aliases": ["globalpayments", "global payments", "global_payments", "globalpay", "gp", "gpapi", "gp_api",
                "gp-api", "gp_ecom", "gpecom", "realex", "realex payments", "realexpayments", "heartland",
                "heartland payment systems", "heartland_portico", "portico", "securesubmit", "tsys_gp",
                "globalpayments_ecommerce", "global payments ecommerce"],
    "detect": [
        # e-commerce XML API.
        {"path": "response.result", "exists": True, "weight": 0.3},
        {"path": "response.pasref", "exists": True, "weight": 0.4},
        {"path": "response.orderid", "exists": True, "weight": 0.2},
        {"path": "response.sha1hash", "exists": True, "weight": 0.2},
        # HPP response fields.
        {"path": "PASREF", "exists": True, "weight": 0.4},
        {"path": "RESULT", "exists": True, "weight": 0.2},
        {"path": "ORDER_ID", "exists": True, "weight": 0.1},
        {"path": "SHA1HASH", "exists": True, "weight": 0.2},
        {"path": "MERCHANT_ID", "exists": True, "weight": 0.1},
        # GP API.
        {"path": "id", "prefix": ["TRN_", "DIS_"], "weight": 0.5},
        {"path": "action.result_code", "exists": True, "weight": 0.2},
        {"path": "merchant_id", "prefix": "MER_", "weight": 0.3},
        {"path": "account_id", "prefix": "TRA_", "weight": 0.2},
        {"path": "detailed_error_code", "exists": True, "weight": 0.4},
        {"path": "detailed_error_description", "exists": True, "weight": 0.3},
        {"path": "error_code", "in": list(GPAPI_ERRORS), "weight": 0.3},
        # SDK Transaction objects logged as JSON (transactionReference with the SDK's own names).
        {"path": "transactionReference.transactionId", "exists": True, "weight": 0.3},
        {"path": "transactionReference.paymentMethodType", "exists": True, "weight": 0.2},
        {"path": "transactionReference.authCode", "exists": True, "weight": 0.1},
        # Portico.
        {"path": "Envelope.Body.PosResponse", "exists": True, "weight": 0.9},
        {"path": "PosResponse", "exists": True, "weight": 0.9},
    ],
    "amount_unit": "minor",
    "default_payment_method": "CARD",
    "reason_map": {**ECOM_RESULTS, **GPAPI_ERRORS},
    "reason_fallback": "iso8583",
    "variants": [
        {
            "name": "ecom.xml",
            "match": {"response.payobs_result": {"exists": True}},
            "root": "response",
            "fields": {
                "provider_transaction_id": ["pasref"],
                "status": [RESULT_KEY],
                "reason_code": [REASON_KEY],
                # The response does not repeat the amount; a stored request beside it does.
                "amount": ["^request.amount"],
                "currency": ["^request.amount.@currency"],
                "event_time": ["@timestamp"],
                "payment_id": ["orderid"],
                "merchant_id": ["merchantid"],
                "card_country": ["cardissuer.countrycode"],
            },
            "status_map": RESULTS,
        },
        {
            "name": "ecom.hpp",
            "match": {RESULT_KEY: {"exists": True}, "RESULT": {"exists": True}},
            "fields": {
                "provider_transaction_id": ["PASREF"],
                "status": [RESULT_KEY],
                "reason_code": [REASON_KEY],
                "amount": [AMOUNT_KEY],
                "currency": ["CURRENCY", "X-CURRENCY"],
                "event_time": ["TIMESTAMP"],
                "payment_id": ["ORDER_ID"],
                "merchant_id": ["MERCHANT_ID"],
                "customer_country": ["BILLING_CO"],
            },
            "status_map": RESULTS,
        },
        {
            # A non-zero GatewayRspCode: the gateway refused or failed the request. Its codes have their own
            # table (gateway 30 is a time-out, issuer 30 a format error); a time-out's outcome is unknown.
            "name": "portico.gateway_error",
            "match": {"portico.payobs_gateway_error": True},
            "root": "portico",
            "amount_unit": "major",
            "default_currency": "USD",
            "fields": {
                "provider_transaction_id": ["Header.GatewayTxnId"],
                "status": [RESULT_KEY],
                "reason_code": [REASON_KEY],
                "event_time": ["Header.RspDT"],
            },
            "status_map": RESULTS,
            "reason_map": PORTICO_GATEWAY,
        },
        {
            "name": "portico",
            "match": {"portico": {"exists": True}},
            "root": "portico",
            "amount_unit": "major",
            "default_currency": "USD",
            "fields": {
                "provider_transaction_id": ["Header.GatewayTxnId"],
                "status": [RESULT_KEY],
                "reason_code": [REASON_KEY],
                "amount": ["result.AuthAmt", "result.Amt"],
                "event_time": ["Header.RspDT"],
                "card_brand": ["result.CardType"],
            },
            "status_map": RESULTS,
            "rules": [
                {"when": {SERVICE_KEY: {"prefix": "Check"}}, "set": {"payment_method": "DIRECT_DEBIT"}},
                {"when": {SERVICE_KEY: "CreditAddToBatch"}, "set": {"event_kind": "CAPTURE"}},
                {"when": {SERVICE_KEY: ["CreditReturn", "DebitReturn"]}, "set": {"event_kind": "REFUND"}},
                {"when": {SERVICE_KEY: ["CreditReturn", "DebitReturn"], RESULT_KEY: "approved"},
                 "set": {"status_category": "REFUNDED"}},
                {"when": {SERVICE_KEY: ["CreditReturn", "DebitReturn"], RESULT_KEY: ["declined", "error"]},
                 "set": {"status_category": "DECLINED"}},
                {"when": {SERVICE_KEY: ["CreditVoid", "CreditReversal", "DebitReversal", "CheckVoid"]},
                 "set": {"event_kind": "VOID"}},
                {"when": {SERVICE_KEY: ["CreditVoid", "CreditReversal", "DebitReversal", "CheckVoid"],
                          RESULT_KEY: "approved"}, "set": {"status_category": "CANCELLED"}},
                {"when": {SERVICE_KEY: ["CreditVoid", "CreditReversal", "DebitReversal", "CheckVoid"],
                          RESULT_KEY: ["declined", "error"]}, "set": {"status_category": "ERROR"}},
            ],
        },
        {
            "name": "gpapi.dispute",
            "match": {"id": {"prefix": "DIS_"}},
            "status": "CHARGEBACK",
            "event_kind": "DISPUTE",
            "fields": {
                "provider_transaction_id": ["id"],
                "status": ["stage"],
                "reason_code": ["reason_code"],
                "amount": ["amount"],
                "currency": ["currency"],
                "event_time": ["time_created"],
                "attempt_id": ["transaction.id"],
                "payment_id": ["transaction.reference"],
                "card_brand": ["transaction.payment_method.card.brand"],
            },
        },
        {
            "name": "gpapi.refund",
            "match": {"id": {"prefix": "TRN_"}, "type": "REFUND"},
            "event_kind": "REFUND",
            "fields": _GPAPI_FIELDS,
            "status_map": {**GPAPI_STATUSES, "CAPTURED": "REFUNDED", "BATCHED": "REFUNDED", "FUNDED": "REFUNDED",
                           "PREAUTHORIZED": "REFUNDED", "REVERSED": "CANCELLED"},
        },
        {
            "name": "gpapi.transaction",
            "match": {"id": {"prefix": "TRN_"}},
            "fields": _GPAPI_FIELDS,
            "status_map": GPAPI_STATUSES,
            "rules": [
                {"when": {"status": "REVERSED"}, "set": {"event_kind": "VOID"}},
                {"when": {"payment_method.bank_transfer": {"exists": True}}, "set": {"payment_method": "BANK_TRANSFER"}},
                {"when": {"payment_method.apm": {"exists": True}}, "set": {"payment_method": "WALLET"}},
                {"when": {"payment_method.digital_wallet": {"exists": True}}, "set": {"payment_method": "WALLET"}},
            ],
        },
        {
            # SDK Transaction of a GP API request: the status the SDK copied into responseMessage.
            "name": "sdk.transaction.gpapi",
            "match": {f"{SDK_KEY}.gpapi_status": {"exists": True}},
            "root": SDK_KEY,
            "fields": {"provider_transaction_id": ["transactionId"], "status": ["gpapi_status"],
                       "reason_code": [REASON_KEY], "payment_id": ["clientTransactionId", "orderId"],
                       "card_brand": ["cardType"]},
            "status_map": GPAPI_STATUSES,
            "rules": [{"when": {"gpapi_status": "REVERSED"}, "set": {"event_kind": "VOID"}}],
        },
        {
            # SDK Transaction of an e-commerce (Realex) or Portico request: responseCode is the result.
            "name": "sdk.transaction",
            "match": {f"{SDK_KEY}.{RESULT_KEY}": {"exists": True}},
            "root": SDK_KEY,
            "fields": {"provider_transaction_id": ["transactionId"], "status": [RESULT_KEY],
                       "reason_code": [REASON_KEY], "payment_id": ["orderId", "clientTransactionId"],
                       "card_brand": ["cardType"]},
            "status_map": RESULTS,
        },
        {
            "name": "gpapi.error",
            "match": {"error_code": {"exists": True}},
            "status": "ERROR",
            "fields": {"reason_code": ["error_code"]},
        },
    ],
}
