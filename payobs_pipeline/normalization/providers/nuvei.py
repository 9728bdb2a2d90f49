"""Nuvei (formerly SafeCharge): REST API 1.0 payment responses and Direct Merchant Notifications (DMNs).

Sources (Nuvei documentation):
- https://docs.nuvei.com/documentation/integration/response-handling (three stages of error reporting:
  API request ``status`` SUCCESS/ERROR + ``errCode`` + ``reason``; gateway/bank ``transactionStatus`` +
  ``gwErrorCode`` + ``gwErrorReason`` + ``gwExtendedErrorCode``; APM ``paymentMethodErrorCode`` +
  ``paymentMethodErrorReason``; the "API Response Codes" errCode table 1000-1070)
- https://docs.nuvei.com/documentation/additional-links/rest-2-0/integration/response-handling (the gateway
  filter codes as REST 2.0 reports them, e.g. 5300.1107 "Cannot credit this credit card company",
  5300.1109, 5300.1110, 5300.1118, 5200.1130/1133/1142/1156/1157/1158, 5100.1136/1163: the same 11xx
  gwExtendedErrorCode numbers the REST 1.0 API and DMNs report)
- https://docs.nuvei.com/documentation/integration/webhooks/payment-dmns and
  https://docs.nuvei.com/documentation/accept-payment/payment-page/output-parameters (DMN / output
  parameters: ppp_status OK/FAIL, Status APPROVED/DECLINED/ERROR/PENDING, ErrCode, ExErrCode, Reason,
  ReasonCode, totalAmount, currency, TransactionID, PPP_TransactionID, relatedTransactionId,
  transactionType, cardCompany, payment_method, responseTimeStamp, clientUniqueId)
- api-evangelist/nuvei json-schema/nuvei-transaction-schema.json (transactionStatus APPROVED, DECLINED,
  ERROR, REDIRECT, PENDING; transactionType Sale, Auth, Settle, Void, Credit, Payout, InitAuth3D, Auth3D;
  status SUCCESS/ERROR) and asyncapi/nuvei-dmn-asyncapi.yml (payment, withdrawal and Control Panel DMNs)
- The older SafeCharge Gateway (XML) API answers each request with ``<Response>``: ``Version``, ``ClientLoginID``,
  ``TransactionID``, ``Status`` (APPROVED / DECLINED / ERROR), ``AuthCode``, ``ReasonCodes``/``Reason`` (a
  decline's text, or an error's), ``ErrCode`` (0; -1 bank decline; -1100 gateway filter error) and ``ExErrCode``
  (the filter's 11xx code): the same Status / ErrCode / ExErrCode / Reason the DMN and output parameters name
  (response-handling and output-parameters pages above), so it is read with the DMN fields. The response does
  not echo the transaction type (Sale, Auth, Settle, Credit, Void): every one is read as the card transaction
  it answers (``CreditCardInfo``: a card), with no capture / refund / void kind the body does not state.
Amounts (``amount``, ``totalAmount``) are decimal strings in major units.

Lifecycle identity: a Nuvei ``transactionId`` is one gateway transaction; a Settle, Void or Credit
(refund) is a new transaction that names the authorization in ``relatedTransactionId``. So the attempt
is the Auth/Sale ``transactionId`` (a follow-up's ``relatedTransactionId``), the payment is the
merchant's ``clientUniqueId`` (else the Nuvei ``orderId``), a refund is the Credit's own
``transactionId``, a chargeback DMN's ``TransactionID`` is the dispute.
"""

from __future__ import annotations

from typing import Any

from payobs_pipeline.normalization.mapping import NOT_A_PAYMENT_EVENT, UnmappedPayload

# Stage 1: API response codes (``errCode`` with ``status`` ERROR; the request never reached the bank).
API_ERROR_CODES = {
    "1000": "PROCESSING_ERROR",  # General Error
    "1001": "CONFIGURATION_ERROR",  # Invalid checksum
    "1004": "INVALID_REQUEST",  # Missing or invalid CardData data
    "1007": "INVALID_REQUEST",  # Invalid name on card
    "1010": "INVALID_REQUEST",  # Invalid user token
    "1011": "INVALID_REQUEST",  # Missing or invalid UserPaymentOption data
    "1013": "CONFIGURATION_ERROR",  # Invalid merchant ID
    "1014": "INVALID_REQUEST",  # Invalid country code
    "1019": "INVALID_REQUEST",  # Validation Error
    "1021": "INVALID_REQUEST",  # Invalid timestamp
    "1022": "CONFIGURATION_ERROR",  # Invalid merchant site ID
    "1023": "INVALID_REQUEST",  # User payment option is not enabled
    "1024": "LIMIT_EXCEEDED",  # UPO limit per user exceeded
    "1028": "INVALID_CARD_DATA",  # Invalid card issuer
    "1029": "INVALID_CARD_DATA",  # Invalid expired date
    "1038": "PROCESSING_ERROR",  # Communication error
    "1040": "INVALID_REQUEST",  # Invalid or missing amount
    "1041": "INVALID_REQUEST",  # Invalid or missing amount currency
    "1055": "INVALID_REQUEST",  # Single UPO validation failed
    "1056": "CONFIGURATION_ERROR",  # User management is off
    "1057": "INVALID_REQUEST",  # Invalid order ID
    "1058": "INVALID_REQUEST",  # Requested operation cannot be performed on this order
    "1059": "INVALID_REQUEST",  # Ambiguous payment data
    "1060": "INVALID_REQUEST",  # Missing or invalid payment data
    "1061": "INVALID_CARD_DATA",  # Invalid card token
    "1062": {"reason": "INCORRECT_CVC", "source": "CUSTOMER"},  # Invalid CVV
    "1063": "INVALID_REQUEST",  # Total amount does not match items amount sum
    "1064": "INVALID_REQUEST",  # Invalid session token (one order per session token)
    "1065": "INVALID_REQUEST",  # Invalid token
    "1066": "INVALID_REQUEST",  # Invalid request
    "1067": "INVALID_REQUEST",  # Invalid or missing transaction type
    "1068": "CONFIGURATION_ERROR",  # Payment method is not enabled
    "1069": "INVALID_REQUEST",  # Session expired
    "1070": "TRANSACTION_NOT_PERMITTED",  # The currency is not supported by the merchant
}

# The same table's texts, as ``reason`` gives them: an error answer whose errCode is not in the table (or was
# logged without one) is read by its text. Only the API error variants read them.
API_ERROR_TEXTS = {
    "general error": API_ERROR_CODES["1000"],
    "invalid checksum": API_ERROR_CODES["1001"],
    "missing or invalid carddata data": API_ERROR_CODES["1004"],
    "invalid name on card": API_ERROR_CODES["1007"],
    "invalid user token": API_ERROR_CODES["1010"],
    "missing or invalid userpaymentoption data": API_ERROR_CODES["1011"],
    "invalid merchant id": API_ERROR_CODES["1013"],
    "invalid country code": API_ERROR_CODES["1014"],
    "validation error": API_ERROR_CODES["1019"],
    "invalid timestamp": API_ERROR_CODES["1021"],
    "invalid merchant site id": API_ERROR_CODES["1022"],
    "user payment option is not enabled": API_ERROR_CODES["1023"],
    "upo limit per user exceeded": API_ERROR_CODES["1024"],
    "invalid card issuer": API_ERROR_CODES["1028"],
    "invalid expired date": API_ERROR_CODES["1029"],
    "communication error": API_ERROR_CODES["1038"],
    "invalid or missing amount": API_ERROR_CODES["1040"],
    "invalid or missing amount currency": API_ERROR_CODES["1041"],
    "single upo validation failed": API_ERROR_CODES["1055"],
    "user management is off": API_ERROR_CODES["1056"],
    "invalid order id": API_ERROR_CODES["1057"],
    "requested operation cannot be performed on this order": API_ERROR_CODES["1058"],
    "ambiguous payment data": API_ERROR_CODES["1059"],
    "missing or invalid payment data": API_ERROR_CODES["1060"],
    "invalid card token": API_ERROR_CODES["1061"],
    "invalid cvv": API_ERROR_CODES["1062"],
    "total amount does not match items amount sum": API_ERROR_CODES["1063"],
    "invalid session token": API_ERROR_CODES["1064"],
    "invalid token": API_ERROR_CODES["1065"],
    "invalid request": API_ERROR_CODES["1066"],
    "invalid or missing transaction type": API_ERROR_CODES["1067"],
    "payment method is not enabled": API_ERROR_CODES["1068"],
    "session expired": API_ERROR_CODES["1069"],
    "the currency is not supported by the merchant": API_ERROR_CODES["1070"],
}

# Stage 2: gateway filter codes (``gwExtendedErrorCode`` / DMN ``ExErrCode``; gwErrorCode -1100).
GATEWAY_FILTER_CODES = {
    "1101": "INVALID_CARD_DATA",  # Invalid card number (alpha numeric)
    "1102": "INVALID_CARD_DATA",  # Invalid card number (digits count)
    "1103": "INVALID_CARD_DATA",  # Invalid card number (MOD 10)
    "1104": {"reason": "INCORRECT_CVC", "source": "CUSTOMER"},  # Invalid CVV2
    "1105": "INVALID_REQUEST",  # Auth code / transaction id invalid
    "1106": "INVALID_REQUEST",  # Credit amount exceeds total charges
    "1107": "TRANSACTION_NOT_PERMITTED",  # Cannot credit this credit card company
    "1108": "INVALID_REQUEST",  # Illegal interval between auth and settle
    "1109": "TRANSACTION_NOT_PERMITTED",  # Unable to process this credit card company
    "1110": "TRANSACTION_NOT_PERMITTED",  # Unrecognised credit card company
    "1111": "INVALID_REQUEST",  # This transaction was charged back
    "1112": "INVALID_REQUEST",  # Sale/Settle was already credited
    "1113": "CONFIGURATION_ERROR",  # Terminal not configured for this card company
    "1114": {"reason": "RISK_REJECTED", "source": "MERCHANT_RISK"},  # Black listed card number
    "1115": {"reason": "RISK_REJECTED", "source": "MERCHANT_RISK"},  # Illegal BIN number
    "1116": {"reason": "RISK_REJECTED", "source": "MERCHANT_RISK"},  # Custom fraud screen filter
    "1118": {"reason": "INCORRECT_CVC", "source": "CUSTOMER"},  # 'N' cannot be a positive CVV2 reply
    "1119": {"reason": "INVALID_CARD_DATA", "source": "CUSTOMER"},  # 'B'/'N' cannot be a positive AVS reply
    "1120": {"reason": "INVALID_CARD_DATA", "source": "CUSTOMER"},  # Invalid AVS
    "1124": "LIMIT_EXCEEDED",  # Credits total amount exceeds restriction
    "1125": "INVALID_REQUEST",  # Format error
    "1126": "LIMIT_EXCEEDED",  # Credit amount exceeds ceiling
    "1127": "LIMIT_EXCEEDED",  # Limit exceeding amount
    "1128": "INVALID_REQUEST",  # Invalid transaction type code
    "1129": "INVALID_REQUEST",  # General filter error
    "1130": "INVALID_REQUEST",  # Bank required fields are missing or incorrect
    "1131": "TRANSACTION_NOT_PERMITTED",  # Transaction type not allowed for this bank
    "1132": "LIMIT_EXCEEDED",  # Amount exceeds bank limit
    "1133": "INVALID_REQUEST",  # Gateway required fields are missing
    "1135": "INVALID_REQUEST",  # Only one credit per sale is allowed
    "1136": "INVALID_REQUEST",  # Mandatory fields are missing
    "1137": "LIMIT_EXCEEDED",  # Credit count exceeded restriction
    "1141": "TRANSACTION_NOT_PERMITTED",  # Transaction type is not allowed
    "1142": "INVALID_REQUEST",  # AVS required fields are missing or incorrect
    "1156": "INVALID_REQUEST",  # Debit card required fields are missing or incorrect
    "1157": "INVALID_REQUEST",  # No update parameters were supplied
    "1158": "AUTHENTICATION_FAILED",  # 3D PARes value is incorrect
    "1163": "INVALID_REQUEST",  # Transaction must contain a Card/Token/Account
    "1164": "INVALID_REQUEST",  # Invalid token: a token the merchant sent that the gateway does not hold (as API 1065)
    "1167": "DUPLICATE",  # Transaction already settled
    "1168": "DUPLICATE",  # Transaction already voided
    "1182": "AUTHENTICATION_REQUIRED",  # Transaction must be sent as 3D-Secure
    "1183": "CONFIGURATION_ERROR",  # Account is not 3D enabled
}

# Texts in ``gwErrorReason`` / DMN ``Reason`` for a bank decline (gwErrorCode -1): Nuvei passes the
# issuer's decline reason through (response-handling; FAQ "In case of bank Decline, Nuvei presents the
# Decline reason provided by the issuer bank").
DECLINE_TEXTS = {
    "decline": "GENERIC_DECLINE",
    "declined": "GENERIC_DECLINE",
    "do not honor": "GENERIC_DECLINE",
    "do not honour": "GENERIC_DECLINE",
    "refer to card issuer": "GENERIC_DECLINE",
    "insufficient funds": "INSUFFICIENT_FUNDS",
    "not sufficient funds": "INSUFFICIENT_FUNDS",
    "expired card": "EXPIRED_CARD",
    "invalid card number": "INVALID_CARD_DATA",
    "invalid card": "INVALID_CARD_DATA",
    "no such issuer": "INVALID_CARD_DATA",
    "invalid cvv2": {"reason": "INCORRECT_CVC", "source": "CUSTOMER"},
    "lost card": "LOST_OR_STOLEN_CARD",
    "stolen card": "LOST_OR_STOLEN_CARD",
    "lost/stolen": "LOST_OR_STOLEN_CARD",
    "pick up card": "LOST_OR_STOLEN_CARD",
    "restricted card": "RESTRICTED_CARD",
    "suspected fraud": "SUSPECTED_FRAUD",
    "exceeds withdrawal limit": "LIMIT_EXCEEDED",
    "exceeds withdrawal amount limit": "LIMIT_EXCEEDED",
    "exceeds withdrawal frequency limit": "LIMIT_EXCEEDED",
    "transaction not permitted to cardholder": "TRANSACTION_NOT_PERMITTED",
    "transaction not permitted to terminal": "CONFIGURATION_ERROR",
    "invalid transaction": "TRANSACTION_NOT_PERMITTED",
    "invalid amount": "INVALID_REQUEST",
    "issuer or switch inoperative": "ISSUER_UNAVAILABLE",
    "issuer unavailable": "ISSUER_UNAVAILABLE",
    "system malfunction": "PROCESSING_ERROR",
    "incorrect pin": {"reason": "AUTHENTICATION_FAILED", "source": "CUSTOMER"},
    "timeout": "TIMEOUT",
    "duplicate transaction": "DUPLICATE",
}

# Gateway error codes (``gwErrorCode`` / DMN ``ErrCode``) when no more specific code is given.
GATEWAY_ERROR_CODES = {
    "-1": "GENERIC_DECLINE",  # bank decline
    "-1100": "INVALID_REQUEST",  # gateway filter error (the 11xx extended code says which)
}

REASONS = {**API_ERROR_CODES, **GATEWAY_FILTER_CODES, **DECLINE_TEXTS, **GATEWAY_ERROR_CODES}

STATUSES = {
    # transactionStatus (REST) and DMN Status.
    "APPROVED": "APPROVED",
    "DECLINED": "DECLINED",
    "ERROR": "ERROR",
    "PENDING": "PENDING",
    # The customer was sent to 3DS or an APM page; the outcome comes later.
    "REDIRECT": "PENDING",
    "CANCELED": "CANCELLED",
    "CANCELLED": "CANCELLED",
    # REST 2.0 payment statuses (lower case there; compared without case).
    "authorizedOnly": "APPROVED",
    "challenge": "PENDING",
    "fingerprint": "PENDING",
}

PAYMENT_METHODS = {
    "cc_card": "CARD",
    "card": "CARD",
    "apmgw_expresscheckout": "WALLET",  # PayPal
    "apmgw_paypal": "WALLET",
    "apmgw_applepay": "WALLET",
    "apmgw_googlepay": "WALLET",
    "apmgw_neteller": "WALLET",
    "apmgw_moneybookers": "WALLET",  # Skrill
    "apmgw_skrill": "WALLET",
    "apmgw_ideal": "BANK_TRANSFER",
    "apmgw_sofort": "BANK_TRANSFER",
    "apmgw_giropay": "BANK_TRANSFER",
    "apmgw_trustly": "BANK_TRANSFER",
    "apmgw_instant_bank_transfer": "BANK_TRANSFER",
    "apmgw_pix": "PIX",
    "apmgw_boleto": "BOLETO",
    "apmgw_oxxo": "CASH_VOUCHER",
    "apmgw_klarna": "BNPL",
    "apmgw_sepa": "DIRECT_DEBIT",
    "apmgw_ach": "DIRECT_DEBIT",
    "apmgw_spei": "BANK_TRANSFER",
    "apmgw_pse": "BANK_TRANSFER",
}

# Keys whose value "0" means "no code" (Nuvei sends 0 on success and on plain bank declines).
_ZERO_MEANS_NONE = ("gwExtendedErrorCode", "ExErrCode", "ReasonCode", "paymentMethodErrorCode", "gwErrorCode",
                    "ErrCode", "errCode")
# A copied card brand / apm name / reason key the spec reads.
PAYMENT_METHOD_KEY = "_payobs_payment_method"
GATEWAY_XML_KEY = "_payobs_safecharge_xml"  # prepare(): the body was a SafeCharge Gateway XML <Response>

_REST_REASON_PATHS = ["gwExtendedErrorCode", "paymentMethodErrorCode", "gwErrorReason", "paymentMethodErrorReason",
                      "gwErrorCode", "errCode", "reason"]
_DMN_REASON_PATHS = ["ExErrCode", "Reason", "reason", "ErrCode", "ReasonCode"]

_REFUND_TYPES = ["Credit", "Refund"]
_KIND_RULES = [
    # A Settle is the capture of an Auth, a Void releases it, a Credit refunds it (relatedTransactionId).
    {"when": {"^transactionType": "Settle"}, "set": {"event_kind": "CAPTURE"}},
    {"when": {"^transactionType": "Void"}, "set": {"event_kind": "VOID"}},
    {"when": {"^transactionType": "Void", "^transactionStatus": "APPROVED"}, "set": {"status_category": "CANCELLED"}},
    {"when": {"^transactionType": "Void", "^Status": "APPROVED"}, "set": {"status_category": "CANCELLED"}},
    {"when": {"^transactionType": _REFUND_TYPES}, "set": {"event_kind": "REFUND"}},
    {"when": {"^transactionType": _REFUND_TYPES, "^transactionStatus": "APPROVED"},
     "set": {"status_category": "REFUNDED"}},
    {"when": {"^transactionType": _REFUND_TYPES, "^Status": "APPROVED"}, "set": {"status_category": "REFUNDED"}},
    # The gateway filter 1001/1002 share numbers with API errCodes 1001 (checksum) / 1002.
    {"when": {"^gwExtendedErrorCode": "1001"}, "set": {"failure_reason": "INVALID_CARD_DATA"}},
    {"when": {"^gwExtendedErrorCode": "1002"}, "set": {"failure_reason": "EXPIRED_CARD"}},
    {"when": {"^ExErrCode": "1001"}, "set": {"failure_reason": "INVALID_CARD_DATA"}},
    {"when": {"^ExErrCode": "1002"}, "set": {"failure_reason": "EXPIRED_CARD"}},
    # Nuvei's fraud engine rejected the transaction.
    {"when": {"^fraudDetails.finalDecision": "Reject"},
     "set": {"failure_reason": "RISK_REJECTED", "failure_source": "PSP_RISK"}},
]

_REST_FIELDS = {
    "provider_transaction_id": ["transactionId"],
    "status": ["transactionStatus", "status"],
    "reason_code": _REST_REASON_PATHS,
    "amount": ["amount"],
    "currency": ["currency"],
    "payment_method": [PAYMENT_METHOD_KEY],
    "card_brand": ["paymentOption.card.cardBrand", "paymentOption.card.brand", "cardCompany"],
    "card_country": ["paymentOption.card.issuerCountry"],
    "customer_country": ["billingAddress.country"],
    "merchant_id": ["merchantId"],
    "event_time": ["transactionDate", "timeStamp"],
    "attempt_id": ["relatedTransactionId", "transactionId"],
    "payment_id": ["clientUniqueId", "orderId"],
}

_DMN_FIELDS = {
    "provider_transaction_id": ["TransactionID", "transactionId", "PPP_TransactionID"],
    "status": ["Status", "status", "ppp_status"],
    "reason_code": _DMN_REASON_PATHS,
    "amount": ["totalAmount", "amount"],
    "currency": ["currency", "Currency"],
    "payment_method": [PAYMENT_METHOD_KEY],
    "card_brand": ["cardCompany", "cardType"],
    "card_country": ["issuerCountry", "cardIssuerCountry"],
    "customer_country": ["country", "countryCode"],
    "merchant_id": ["merchant_id", "merchantId"],
    "event_time": ["responseTimeStamp"],
    "attempt_id": ["relatedTransactionId", "TransactionID"],
    "payment_id": ["clientUniqueId", "merchant_unique_id", "client_unique_id", "orderId"],
}

# Nuvei transaction types that move money out (withdrawals) or are 3DS steps with no financial value.
_NOT_PAYMENT_TYPES = ["Payout", "InitAuth3D", "Auth3D"]

SPEC = {
    "provider": "nuvei",
    "aliases": ["nuvei", "safecharge", "safe_charge", "nuvei_safecharge", "nuvei (safecharge)", "nuvei_payments",
                "nuvei_rest"],
    "detect": [
        # REST API 1.0 responses.
        {"path": "transactionStatus", "in": ["APPROVED", "DECLINED", "ERROR", "REDIRECT", "PENDING"], "weight": 0.3},
        {"path": "gwErrorCode", "exists": True, "weight": 0.4},
        {"path": "gwExtendedErrorCode", "exists": True, "weight": 0.2},
        {"path": "internalRequestId", "exists": True, "weight": 0.3},
        {"path": "merchantSiteId", "exists": True, "weight": 0.2},
        {"path": "clientRequestId", "exists": True, "weight": 0.1},
        {"path": "errCode", "exists": True, "weight": 0.1},
        # DMNs.
        {"path": "ppp_status", "in": ["OK", "FAIL", "PENDING"], "weight": 0.5},
        {"path": "PPP_TransactionID", "exists": True, "weight": 0.4},
        {"path": "ExErrCode", "exists": True, "weight": 0.3},
        {"path": "advanceResponseChecksum", "exists": True, "weight": 0.3},
        {"path": "responsechecksum", "exists": True, "weight": 0.2},
        # Withdrawal (payout) DMNs: wdRequestId, wdOrderId, wdRequestStatus (not payments: withdrawal_dmn).
        {"path": "wdRequestId", "exists": True, "weight": 0.4},
        {"path": "wdOrderId", "exists": True, "weight": 0.2},
        {"path": "wdRequestStatus", "exists": True, "weight": 0.2},
        # Nuvei XML gateway (WorldNet TPS) <PAYMENTRESPONSE> and <ERROR>.
        {"path": "PAYMENTRESPONSE.UNIQUEREF", "exists": True, "weight": 0.6},
        {"path": "PAYMENTRESPONSE.RESPONSECODE", "in": ["A", "D", "R"], "weight": 0.3},
        {"path": "PAYMENTRESPONSE.BANKRESPONSECODE", "exists": True, "weight": 0.2},
        # The XML gateway's error reply is <ERROR><ERRORSTRING>...</ERRORSTRING></ERROR> and nothing else
        # (Nuvei XML gateway "Error handling", e.g. "INVALID HASH FIELD").
        {"path": "ERROR.ERRORSTRING", "exists": True, "weight": 0.5},
        # SafeCharge Gateway XML <Response>.
        {"path": "Response.ExErrCode", "exists": True, "weight": 0.3},
        {"path": "Response.ErrCode", "exists": True, "weight": 0.1},
        {"path": "Response.Status", "in": ["APPROVED", "DECLINED", "ERROR"], "weight": 0.1},
        {"path": "Response.ClientLoginID", "exists": True, "weight": 0.1},
        # The same fields as key=value lines (the SafeCharge Gateway's name=value reply, one field a line):
        # ClientLoginID, ClientUniqueID, TransactionID, Status, AuthCode, AVSCode, CVV2Reply, Reason, ErrCode,
        # ExErrCode (ExErrCode above). Such a reply does not name its transaction type: an ERROR or DECLINED one
        # is that whatever was asked, but an APPROVED one may be a sale, a settle, a credit (refund) or a void,
        # so its shape alone does not claim it (with a hint it is read as the card transaction it answers).
        {"path": "ClientLoginID", "exists": True, "weight": 0.1},
        {"path": "Status", "in": ["ERROR", "DECLINED"], "weight": 0.1},
    ],
    "amount_unit": "major",
    "status_map": STATUSES,
    "reason_map": REASONS,
    "payment_method_map": PAYMENT_METHODS,
    "variants": [
        {"name": "not_a_payment", "match": {"transactionType": ["Payout", "InitAuth3D"]},
         "not_a_payment": "a Nuvei payout or 3DS step, not a payment outcome"},
        {"name": "not_a_payment", "match": {"transactionType": "Auth3D",
                                            "transactionStatus": {"exists": False}},
         "not_a_payment": "a Nuvei 3DS step, not a payment outcome"},
        {"name": "not_a_payment", "match": {"transactionType": "Auth3D",
                                            "transactionStatus": ["APPROVED", "REDIRECT", "PENDING"]},
         "not_a_payment": "a Nuvei 3DS step, not a payment outcome"},
        # A withdrawal DMN (payouts: wdRequestId / wdOrderId) moves money to the customer.
        {"name": "withdrawal_dmn", "match": {"wdRequestId": {"exists": True}},
         "not_a_payment": "a Nuvei withdrawal (payout) notification"},
        {"name": "withdrawal_dmn_order", "match": {"wd_request_id": {"exists": True}},
         "not_a_payment": "a Nuvei withdrawal (payout) notification"},
        {
            "name": "dmn.chargeback",
            "match": {"transactionType": ["Chargeback", "Retrieval", "Arbitration"]},
            "status": "CHARGEBACK",
            "event_kind": "DISPUTE",
            "fields": {**_DMN_FIELDS, "attempt_id": ["relatedTransactionId"],
                       "reason_code": ["chargebackReasonCode", "ReasonCode", "Reason"]},
        },
        {
            "name": "dmn",
            "match": {"ppp_status": {"exists": True}},
            "fields": _DMN_FIELDS,
            "rules": _KIND_RULES,
        },
        {
            # The Nuvei XML gateway (formerly WorldNet TPS): <PAYMENTRESPONSE> with UNIQUEREF, RESPONSECODE
            # (A approved, D declined, R referral: the issuer asks for a voice authorisation, not granted
            # online), RESPONSETEXT, APPROVALCODE, BANKRESPONSECODE (the issuer's ISO 8583 code), DATETIME,
            # AVSRESPONSE, CVVRESPONSE, HASH (Nuvei XML integration guide, "Payment" response). No amount or
            # currency is returned: they are the request's.
            "name": "xml_gateway.payment",
            "match": {"PAYMENTRESPONSE.RESPONSECODE": {"exists": True}},
            "root": "PAYMENTRESPONSE",
            "fields": {"provider_transaction_id": ["UNIQUEREF"], "status": ["RESPONSECODE"],
                       "reason_code": ["BANKRESPONSECODE", "RESPONSETEXT"], "event_time": ["DATETIME"]},
            "status_map": {"A": "APPROVED", "D": "DECLINED", "R": "DECLINED"},
            "reason_fallback": "iso8583",
            "default_payment_method": "CARD",
            "rules": [
                {"when": {"RESPONSECODE": "R", "BANKRESPONSECODE": {"exists": False}},
                 "set": {"failure_reason": "GENERIC_DECLINE"}},
            ],
        },
        {
            # The XML gateway refused the request: <ERROR><ERRORSTRING>...</ERRORSTRING></ERROR>. "Invalid HASH
            # field": the request's HASH, signed with the terminal's shared secret, did not verify (the
            # merchant's credentials); other strings name a request field that was wrong.
            "name": "xml_gateway.error",
            "match": {"ERROR.ERRORSTRING": {"exists": True}},
            "root": "ERROR",
            "status": "ERROR",
            "fields": {"reason_code": ["ERRORSTRING"]},
            "reason_map": {"Invalid HASH field": "CONFIGURATION_ERROR",
                           "INVALID TERMINALID field": "CONFIGURATION_ERROR"},
            "rules": [{"when": {"ERRORSTRING": {"prefix": "Invalid"}}, "set": {"failure_reason": "INVALID_REQUEST"}},
                      {"when": {"ERRORSTRING": ["Invalid HASH field", "INVALID TERMINALID field"]},
                       "set": {"failure_reason": "CONFIGURATION_ERROR"}}],
        },
        {
            # SafeCharge Gateway XML <Response> (prepare() lifts it out and marks it).
            "name": "gateway_xml",
            "match": {GATEWAY_XML_KEY: {"exists": True}, "Status": {"exists": True}},
            "fields": {**_DMN_FIELDS, "reason_code": ["ExErrCode", "Reason", "ReasonCodes.Reason", "ErrCode"]},
            "rules": _KIND_RULES,
        },
        {
            "name": "dmn.bare",
            "match": {"Status": {"exists": True}, "TransactionID": {"exists": True}},
            "fields": _DMN_FIELDS,
            "rules": _KIND_RULES,
        },
        {
            # A DMN logged without ppp_status or TransactionID: PPP_TransactionID (the payment page's transaction)
            # and Status are DMN-only names (payment-dmns page).
            "name": "dmn.page",
            "match": {"Status": {"exists": True}, "PPP_TransactionID": {"exists": True}},
            "fields": _DMN_FIELDS,
            "rules": _KIND_RULES,
        },
        {
            # A REST response with a gateway outcome (payment, settleTransaction, refundTransaction, ...).
            "name": "rest.transaction",
            "match": {"transactionStatus": {"exists": True}},
            "fields": _REST_FIELDS,
            "rules": _KIND_RULES,
        },
        {
            # A request refused by the API itself (stage 1): status ERROR ("the request failed", response-handling
            # page), no transaction. errCode says why; a 0 (prepare drops it) or no code leaves the reason open.
            "name": "rest.error",
            "match": {"status": "ERROR"},
            "status": "ERROR",
            "fields": {**_REST_FIELDS, "status": ["status"], "reason_code": ["errCode", "reason"]},
            "reason_map": {**API_ERROR_CODES, **API_ERROR_TEXTS},
        },
        {
            # The same refusal logged without its status: a non-zero errCode is an API error (response-handling:
            # errCode 0 means no error), with no transaction outcome.
            "name": "rest.error_code",
            "match": {"errCode": {"exists": True}, "status": {"exists": False}, "Status": {"exists": False}},
            "status": "ERROR",
            "fields": {**_REST_FIELDS, "reason_code": ["errCode", "reason"]},
            "reason_map": {**API_ERROR_CODES, **API_ERROR_TEXTS},
        },
        {
            # getSessionToken / openOrder / UPO calls that succeeded: no transaction, no outcome.
            "name": "rest.session",
            "match": {"status": "SUCCESS", "sessionToken": {"exists": True}},
            "not_a_payment": "a Nuvei session/order/token call with no transaction outcome",
        },
    ],
}


def _code(value: Any) -> str | None:
    text = str(value).strip() if value is not None and not isinstance(value, (dict, list)) else None
    return text or None


def prepare(body: Any) -> Any:
    """A copy without codes that are 0 (no code), with the payment method named in one key.

    Nuvei sends ``gwExtendedErrorCode: 0`` / ``ExErrCode=0`` on bank declines, where the reason is the
    issuer's text in ``gwErrorReason`` / ``Reason``: a zero must not win over it. Pure: the original is
    untouched.
    """
    if not isinstance(body, dict):
        return body
    response = body.get("Response")
    if len(body) == 1 and isinstance(response, dict) and "Status" in response and (
            "ErrCode" in response or "ExErrCode" in response):
        # SafeCharge Gateway XML: the <Response> element is the transaction; CreditCardInfo says it was a card.
        lifted = prepare(response)
        lifted[GATEWAY_XML_KEY] = True
        if "CreditCardInfo" in response and PAYMENT_METHOD_KEY not in lifted:
            lifted[PAYMENT_METHOD_KEY] = "card"
        return lifted
    # The /payment call answers transactionType Auth3D when the card goes through 3DS (docs.nuvei.com
    # "3D-Secure": transactionStatus REDIRECT, the challenge to run): a step, not an outcome. When that call
    # itself fails (transactionStatus ERROR / DECLINED, gwErrorCode / gwExtendedErrorCode), the payment attempt
    # ended there: it is read like any failed payment.
    failed_step = body.get("transactionType") == "Auth3D" and body.get("transactionStatus") in ("ERROR", "DECLINED")
    if isinstance(body.get("transactionType"), str) and body["transactionType"] in _NOT_PAYMENT_TYPES and not failed_step:
        raise UnmappedPayload(NOT_A_PAYMENT_EVENT, f"nuvei: {body['transactionType']} is not a payment")
    out = {k: v for k, v in body.items() if not (k in _ZERO_MEANS_NONE and _code(v) == "0")}
    option = body.get("paymentOption")
    method = body.get("payment_method") or body.get("paymentMethod")
    if isinstance(option, dict):
        apm = option.get("alternativePaymentMethod")
        if isinstance(option.get("card"), dict):
            method = "card"
        elif isinstance(apm, dict) and apm.get("paymentMethod"):
            method = apm["paymentMethod"]
    if isinstance(method, str) and method:
        out[PAYMENT_METHOD_KEY] = method
    return out
