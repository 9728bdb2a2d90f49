"""Worldpay: WPG XML (order notifications, direct replies, error replies) and Access Worldpay event webhooks.

Sources (Worldpay / FIS docs):
- https://developer.worldpay.com/products/reference/refusal-response (response codes 1..99,
  the ``ISO8583ReturnCode code=".." description=".."`` element; codes are not zero-padded)
- https://developerengine.fisglobal.com/apis/wpg/manage/paymentstatuses (WPG ``lastEvent`` values)
- https://developerengine.fisglobal.com/apis/wpg/manage/ordernotifications (``<notify><orderStatusEvent>``,
  ``<journal><bookingDate><date .../>``, ``<amount value currencyCode exponent>``)
- https://developerengine.fisglobal.com/apis/wpg/reference/errorcodes (``<reply><error code="..">``)
- https://developerengine.fisglobal.com/apis/wpg/manage/modifications (``<reply><ok><captureReceived>`` etc.)
- https://developer.worldpay.com/products/access/reference/errors (Access API error bodies: ``errorName``,
  ``message``, ``validationErrors[]`` with ``errorName``, ``message``, ``jsonPath``)
- https://developer.worldpay.com/products/events (Access Worldpay webhooks: ``eventDetails.type``,
  ``amount.value`` a whole number with an exponent of 2) and its OpenAPI pages
  (docs.worldpay.com/access/products/events/openapi: the APM events chargedBack, cancelledByCustomer, requestExpired
  with ``paymentInstrument.method``; the chargeback event informationRequested)
- hyperswitch ``connectors/worldpayxml/transformers.rs`` (reply/orderStatus/payment shape, LastEvent enum)
- Business Gateway Payment Response Guide, "Parameter descriptions for the HTTP(s) Payment Message"
  (support.worldpay.com/support/kb/bg/paymentresponse/pr5201.html) and FuturePay "Examples of Payment Notifications
  data" (support.worldpay.com/support/kb/bg/recurringpayments/rpfp8105.html): transStatus Y / C / N, rawAuthCode
- Hosted Payment Pages redirect/result URL parameters (``orderKey=ADMIN^MERCHANT^orderCode``,
  ``paymentStatus``, ``paymentAmount`` in minor units, ``paymentCurrency``, ``mac2``), which some
  merchants store as key=value text; the cancelURL's orderKey / orderAmount / orderCurrency (no paymentStatus) rest on
  an integration's report (github.com/DEFRA/waste-carriers-engine pull 232), not a stored Worldpay page

- Worldpay STLink (the XML link of Worldpay US / the former PaymentTrust gateway, answers ``<TMSTN>`` with
  MerchantId, TransactionType PT, OrderNumber, StrId, PTTID (the transaction id), MOP, CurrencyId (ISO 4217
  numeric), Amount (major units), AuthCode, RequestType, MessageCode, Message, UTC): the STLink and PaymentTrust
  message code table as transcribed in Yazino's Worldpay client, com.yazino.payment.worldpay.MessageCode (stored code
  corpus, file id 25221045875: 100-900 STLink transmission errors, 2xxx-4xxx PaymentTrust results, 7xxx redirect
  results, each with its description). No stored Worldpay page holds the table; the statuses below read its
  descriptions (2100 "Transaction Authorized/Approved", 2200 "Declined/Not Authorized", 2050 "Request submitted and
  waiting for processing", ...). RequestType's codes are not transcribed, so the lifecycle step comes from the code
  (2150 deposited, 2160 refunded, 2170 / 2180 cancelled or voided).

WPG amounts are ``value`` plus an ``exponent`` attribute (read through ``amount_exponent``);
Access Worldpay sends minor units. WPG payment methods are codes such as ``VISA-SSL`` /
``ECMC-SSL``; :func:`prepare` derives the card scheme from them, since no WPG field names it.
"""

from __future__ import annotations

from typing import Any

from payobs_pipeline.normalization.mapping import NOT_A_PAYMENT_EVENT, UnmappedPayload
from payobs_pipeline.normalization.issuer_codes import ISSUER_CODE_REASONS

# Key under which prepare() leaves the card scheme it derived from the WPG payment method code.
CARD_SCHEME_KEY = "payobs_card_scheme"
# Keys under which prepare() leaves the parts of a Hosted Payment Pages ``orderKey``.
ORDER_CODE_KEY = "payobs_order_code"
MERCHANT_CODE_KEY = "payobs_merchant_code"

# WPG ISO8583ReturnCode codes (Worldpay's own numbering, not zero-padded: "5" is REFUSED).
REASONS = {
    "1": "GENERIC_DECLINE",  # refer to card issuer
    "2": "GENERIC_DECLINE",  # REFERRED
    "3": "CONFIGURATION_ERROR",  # INVALID ACCEPTOR / invalid merchant
    "4": "LOST_OR_STOLEN_CARD",  # HOLD CARD / capture card
    "5": "GENERIC_DECLINE",  # REFUSED / do not honor
    "6": "GENERIC_DECLINE",  # try another card
    "7": "LOST_OR_STOLEN_CARD",  # pick up card, special condition
    "12": "TRANSACTION_NOT_PERMITTED",  # INVALID TRANSACTION
    "13": "INVALID_REQUEST",  # INVALID AMOUNT
    "131": "INVALID_REQUEST",  # INVALID AMOUNT (currency conversion overflow / above program maximum)
    "14": "INVALID_CARD_DATA",  # invalid card / account number
    "15": "INVALID_CARD_DATA",  # INVALID CARD ISSUER / no such issuer
    "17": {"reason": "UNKNOWN", "source": "CUSTOMER"},  # ANNULATION BY CLIENT
    "19": "ISSUER_UNAVAILABLE",  # REPEAT OF LAST TRANSACTION / re-enter
    "20": "PROCESSING_ERROR",  # ACQUIRER ERROR
    "21": "PROCESSING_ERROR",  # REVERSAL NOT PROCESSED, MISSING AUTHORISATION
    "24": "PROCESSING_ERROR",  # UPDATE OF FILE IMPOSSIBLE
    "25": "INVALID_REQUEST",  # REFERENCE NUMBER CANNOT BE FOUND
    "26": "DUPLICATE",  # DUPLICATE REFERENCE NUMBER
    "27": "INVALID_REQUEST",  # ERROR IN REFERENCE NUMBER FIELD
    "28": "CONFIGURATION_ERROR",  # ACCESS DENIED
    "29": "INVALID_REQUEST",  # IMPOSSIBLE REFERENCE NUMBER
    "30": "INVALID_REQUEST",  # FORMAT ERROR
    "31": "CONFIGURATION_ERROR",  # UNKNOWN ACQUIRER ACCOUNT CODE
    "33": "EXPIRED_CARD",  # CARD EXPIRED
    "34": "SUSPECTED_FRAUD",  # FRAUD SUSPICION
    "38": "INCORRECT_CVC",  # SECURITY CODE EXPIRED
    "40": "TRANSACTION_NOT_PERMITTED",  # REQUESTED FUNCTION NOT SUPPORTED
    "41": "LOST_OR_STOLEN_CARD",  # LOST CARD
    "43": "LOST_OR_STOLEN_CARD",  # STOLEN CARD, PICK UP
    "51": "INSUFFICIENT_FUNDS",  # LIMIT EXCEEDED / not sufficient funds
    "54": "EXPIRED_CARD",
    "55": "INCORRECT_CVC",  # INVALID SECURITY CODE (Worldpay's 55 is the CVC, not ISO's PIN)
    "56": "INVALID_CARD_DATA",  # CARD ABSENT
    "57": "TRANSACTION_NOT_PERMITTED",  # not permitted to cardholder
    "58": "CONFIGURATION_ERROR",  # not permitted to terminal
    "59": "SUSPECTED_FRAUD",
    "61": "LIMIT_EXCEEDED",
    "62": "RESTRICTED_CARD",
    "63": "TRANSACTION_NOT_PERMITTED",  # SECURITY RULES VIOLATED
    "64": "INVALID_REQUEST",  # TRANSACTION AMOUNT HIGHER THAN ORIGINAL
    "65": "LIMIT_EXCEEDED",
    "68": {"reason": "TIMEOUT", "source": "TECHNICAL"},  # RESPONSE RECEIVED TOO LATE, TIMEOUT
    "75": "INCORRECT_CVC",  # SECURITY CODE INVALID
    "76": "RESTRICTED_CARD",  # CARD BLOCKED
    "80": "INVALID_REQUEST",  # AMOUNT NO LONGER AVAILABLE, AUTHORISATION EXPIRED
    "85": "GENERIC_DECLINE",  # REJECTED BY CARD ISSUER
    "91": "ISSUER_UNAVAILABLE",  # CREDITCARD ISSUER TEMPORARILY NOT REACHABLE
    "92": "CONFIGURATION_ERROR",  # CREDITCARD TYPE NOT PROCESSED BY ACQUIRER
    "94": "DUPLICATE",  # DUPLICATE AUTHORISATION
    "97": "RESTRICTED_CARD",  # SECURITY BREACH
    "98": "INVALID_REQUEST",  # DATE ERROR
    "99": "ISSUER_UNAVAILABLE",
}

# WPG <reply><error code=".."> codes: the request never became a payment.
ERROR_REASONS = {
    "1": "PROCESSING_ERROR",  # internal error, general
    "2": "INVALID_REQUEST",  # parse error, invalid XML
    "3": "INVALID_REQUEST",  # invalid number of transactions in batch
    "4": "CONFIGURATION_ERROR",  # security error
    "5": "INVALID_REQUEST",  # invalid request
    "6": "INVALID_REQUEST",  # invalid content
    "7": "INVALID_CARD_DATA",  # payment details in the order element are incorrect
}

# WPG lastEvent values (Payment statuses page, plus the ones hyperswitch decodes).
STATUSES = {
    "SENT_FOR_AUTHORISATION": "PENDING",
    "SHOPPER_REDIRECTED": "PENDING",
    "OPEN": "PENDING",
    "PENDING": "PENDING",
    "AUTHORISED": "APPROVED",
    "CAPTURED": "APPROVED",
    "SETTLED": "APPROVED",
    "SETTLED_BY_MERCHANT": "APPROVED",
    "CAPTURE_FAILED": "ERROR",
    "REFUSED": "DECLINED",
    "ERROR": "ERROR",
    "QUERY_REQUIRED": "UNKNOWN",  # Worldpay could not tell the outcome: reconcile before retrying
    "CANCELLED": "CANCELLED",
    "CANCEL_RECEIVED": "CANCELLED",
    "EXPIRED": "CANCELLED",
    "SENT_FOR_REFUND": "REFUNDED",
    "SENT_FOR_FAST_REFUND": "REFUNDED",
    "REFUND_REQUESTED": "REFUNDED",
    "REFUND_RECEIVED": "REFUNDED",
    "REFUNDED": "REFUNDED",
    "REFUNDED_BY_MERCHANT": "REFUNDED",
    "REFUND_WEBFORM_ISSUED": "REFUNDED",
    # The refund did not happen (failed at the acquirer, or was never completed).
    "REFUND_FAILED": "DECLINED",
    "REFUND_EXPIRED": "DECLINED",
    "CHARGED_BACK": "CHARGEBACK",
    "CHARGEBACK_REVERSED": "CHARGEBACK",
    "INFORMATION_REQUESTED": "CHARGEBACK",
    "INFORMATION_SUPPLIED": "CHARGEBACK",
    "DISPUTE_EXPIRED": "CHARGEBACK",
    "DISPUTE_RESERVE_RELEASED": "CHARGEBACK",
    "PUSH_REQUESTED": "PENDING",
    "PUSH_PENDING": "PENDING",
    "PUSH_APPROVED": "APPROVED",
    "PUSH_REFUSED": "DECLINED",
}

# Access Worldpay Payments API (2024-06-01) and Card Payments API response ``outcome`` values.
PAYMENTS_API_OUTCOMES = {
    "authorized": "APPROVED",
    "sentForSettlement": "APPROVED",
    "sentForCancellation": "CANCELLED",
    "refused": "DECLINED",
    # FraudSight scored the payment high risk: it was never sent for authorization.
    "fraudHighRisk": "DECLINED",
    "3dsAuthenticationFailed": "DECLINED",
    "3dsDeviceDataRequired": "PENDING",
    "3dsChallenged": "PENDING",
    "sentForAuthorization": "PENDING",
    "3dsUnavailable": "ERROR",
}
_PAYMENTS_API_URLS = ["https://try.access.worldpay.com/", "https://access.worldpay.com/"]

# Access Worldpay webhook eventDetails.type values.
ACCESS_STATUSES = {
    "sentForAuthorization": "PENDING",
    "authorized": "APPROVED",
    "sentForSettlement": "APPROVED",
    "settled": "APPROVED",
    "settlementFailed": "ERROR",
    "refused": "DECLINED",
    "error": "ERROR",
    "cancelled": "CANCELLED",
    "expired": "CANCELLED",
    "sentForRefund": "REFUNDED",
    "refunded": "REFUNDED",
    # A failed refund (refund.refusal says why): the refund did not happen.
    "refundFailed": "DECLINED",
    "chargebackReceived": "CHARGEBACK",
    "disputeReceived": "CHARGEBACK",
    # docs.worldpay.com/access/products/events/openapi (payment and chargeback webhooks): chargedBack "we've received
    # instruction about your charged back request" (an APM payment, e.g. Klarna); informationRequested (classification
    # chargeback) "your customer has disputed this payment ... the card issuer has requested information ... the
    # disputed funds have been held"; cancelledByCustomer "we've received instruction about customer's payment
    # cancellation"; requestExpired "your request for APM payment has expired due to customer inactivity".
    "chargedBack": "CHARGEBACK",
    "informationRequested": "CHARGEBACK",
    "cancelledByCustomer": "CANCELLED",
    "requestExpired": "CANCELLED",
}

# Access Worldpay API error bodies (HTTP 4xx/5xx): {"errorName": ..., "message": ..., "validationErrors": [...]}
# (developer.worldpay.com/products/access/reference/errors: "a top-level named error, a descriptive error message,
# an optional collection of more detailed errors"; 400 validation, 401 authentication, 404, 5xx server side).
ACCESS_ERROR_NAMES = {
    **dict.fromkeys(["bodyDoesNotMatchSchema", "bodyIsEmpty", "bodyIsNotJson", "headerIsMissing",
                     "headerHasInvalidValue", "urlContainsInvalidValue", "urlIsMissingParameter", "fieldHasInvalidValue",
                     "fieldIsMissing", "fieldIsNotAllowed", "fieldIsEmpty", "fieldIsNull", "fieldMustBeNumber",
                     "fieldMustBeString", "fieldMustBeBoolean", "fieldMustBeInteger", "fieldMustBeObject",
                     "fieldMustBeArray", "fieldValueTooLong", "fieldValueTooShort", "fieldValueTooLarge",
                     "fieldValueTooSmall", "fieldIsNotAllowedForRequest", "resourceNotFound", "entityNotFound",
                     "methodNotAllowed", "unsupportedAcceptHeader", "unsupportedContentType", "entityIsTooLarge",
                     "invalidPaymentInstrument"], "INVALID_REQUEST"),
    **dict.fromkeys(["accessDenied", "unauthorized", "forbidden", "merchantNotConfigured", "invalidMerchant"],
                    "CONFIGURATION_ERROR"),
    **dict.fromkeys(["internalErrorOccurred", "serviceUnavailable", "externalServiceError"], "PROCESSING_ERROR"),
    "requestTimedOut": "TIMEOUT",
    "duplicateEntity": "DUPLICATE",
    "duplicateTransaction": "DUPLICATE",
}

_CARD_CODES = {
    "VISA": "visa", "ECMC": "mastercard", "AMEX": "amex", "DINERS": "diners", "JCB": "jcb",
    "MAESTRO": "maestro", "DISCOVER": "discover", "CB": "cartes_bancaires", "CARTEBLEUE": "cartes_bancaires",
    "DANKORT": "dankort", "CHINAUNIONPAY": "unionpay", "ELO": "elo", "HIPERCARD": "hipercard",
    "AIRPLUS": "airplus", "UATP": "uatp", "LASER": "laser",
}

PAYMENT_METHODS = {
    **{f"{code}-SSL": "CARD" for code in _CARD_CODES},
    "CARD-SSL": "CARD",
    **dict.fromkeys(["APPLEPAY-SSL", "PAYWITHGOOGLE-SSL", "PAYPAL-EXPRESS", "PAYPAL-SSL", "ALIPAY-SSL",
                     "ALIPAYMOBILE-SSL", "WECHATPAY-SSL", "QIWI-SSL", "YANDEXMONEY-SSL", "MOBILEPAY-SSL",
                     "VIPPS-SSL", "SWISH-SSL", "SAMSUNGPAY-SSL"], "WALLET"),
    **dict.fromkeys(["IDEAL-SSL", "SOFORT-SSL", "SOFORT_CH-SSL", "GIROPAY-SSL", "EPS-SSL", "MISTERCASH-SSL",
                     "BANCONTACT-SSL", "PRZELEWY-SSL", "POLI-SSL", "POLINZ-SSL", "TRUSTLY-SSL", "ENETS-SSL",
                     "MYBANK-SSL", "BLIK-SSL", "OPENBANKING-SSL"], "BANK_TRANSFER"),
    **dict.fromkeys(["SEPA_DIRECT_DEBIT-SSL", "ACH_DIRECT_DEBIT-SSL", "ELV-SSL"], "DIRECT_DEBIT"),
    **dict.fromkeys(["KLARNA-SSL", "KLARNA_PAYLATER-SSL", "KLARNA_PAYNOW-SSL", "KLARNA_SLICEIT-SSL",
                     "AFTERPAY-SSL", "CLEARPAY-SSL"], "BNPL"),
    **dict.fromkeys(["BOLETO-SSL", "BOLETO_HTML-SSL"], "BOLETO"),
    **dict.fromkeys(["PAYSAFECARD-SSL", "MULTIBANCO-SSL"], "CASH_VOUCHER"),
    # Access Worldpay payment instrument types.
    **dict.fromkeys(["card/plain", "card/front", "card/token", "card/checkout", "card/networkToken"], "CARD"),
    # Payments API responses mask the instrument they echo.
    **dict.fromkeys(["card/plain+masked", "card/front+masked", "card/token+masked", "card/checkout+masked",
                     "card/networkToken+masked"], "CARD"),
    **dict.fromkeys(["card/wallet+applepay", "card/wallet+googlepay"], "WALLET"),
    # Access Worldpay APM events' paymentInstrument.method (Events webhooks: "klarna", productType payLater).
    "klarna": "BNPL",
}

# <reply><ok> acknowledgements of a modification request. developer.worldpay.com/docs/wpg/manage/modificationrequests
# ("Our reply"): Worldpay responds with <ok> "where a valid modification ... has been accepted for processing (it
# doesn't confirm that the modification itself has been successfully processed, just that we've accepted it)". The
# outcome is the later order notification (CAPTURED, SENT_FOR_REFUND / REFUNDED, CANCELLED): each is PENDING, as
# Adyen's [capture-received] is.
_MODIFICATIONS = {
    "captureReceived": "PENDING",
    "refundReceived": "PENDING",
    "cancelReceived": "PENDING",
    "cancelOrRefundReceived": "PENDING",
}
_MODIFICATION_KINDS = {"captureReceived": "CAPTURE", "refundReceived": "REFUND", "cancelReceived": "VOID",
                       "cancelOrRefundReceived": "VOID"}

_PAYMENT_FIELDS = {
    "provider_transaction_id": ["@orderCode"],
    # The notification's journal names the same event (journalType) when a payment element omits lastEvent.
    "status": ["payment.lastEvent", "journal.@journalType"],
    "reason_code": ["payment.ISO8583ReturnCode.@code"],
    "amount": ["payment.amount.@value"],
    "amount_exponent": ["payment.amount.@exponent"],
    "currency": ["payment.amount.@currencyCode"],
    "event_time": ["journal.bookingDate.date", "payment.date", "date"],
    "payment_method": ["payment.paymentMethod"],
    "card_brand": [f"^{CARD_SCHEME_KEY}"],
    "card_country": ["payment.issuerCountryCode"],
    "merchant_id": ["^paymentService.@merchantCode"],
    # The order is both the attempt and the payment (WPG has no retries inside an order code); its capture,
    # refund and chargeback events are told by lastEvent.
    "attempt_id": ["@orderCode"],
    "payment_id": ["@orderCode"],
}
_CAPTURE_EVENTS = ["CAPTURED", "SETTLED", "SETTLED_BY_MERCHANT", "CAPTURE_FAILED"]
_REFUND_EVENTS = ["SENT_FOR_REFUND", "SENT_FOR_FAST_REFUND", "REFUND_REQUESTED", "REFUND_RECEIVED", "REFUNDED",
                  "REFUNDED_BY_MERCHANT", "REFUND_WEBFORM_ISSUED", "REFUND_FAILED", "REFUND_EXPIRED"]
# WPG says CANCELLED both for a released card authorisation (a void: cards are authorised first) and for an
# APM payment the shopper never completed (heldout notify_expired_ideal): the payment method tells which.
# EXPIRED stays AUTHORIZATION (an authorisation that lapsed, or an APM never paid).
_CARD_METHODS = ["VISA-SSL", "ECMC-SSL", "AMEX-SSL", "MAESTRO-SSL", "DINERS-SSL", "JCB-SSL", "DISCOVER-SSL",
                 "CB-SSL", "CARTEBLEUE-SSL", "DANKORT-SSL", "AIRPLUS-SSL", "UATP-SSL", "ELV-SSL", "CUP-SSL"]
# A REFUSED payment that carries no ISO8583ReturnCode but the issuer's own response code
# (``<IssuerResponseCode code="51" description="..."/>``: the unmodified code from the card scheme /
# issuer, which developer.worldpay.com/products/reference/refusal-response/scheme-codes lists per scheme as
# ISO 8583 field 39 values): its reason is read from the shared ISO 8583 table, not from Worldpay's own
# ISO8583ReturnCode numbering (where 55 is the CVC, not ISO's PIN).
_ISSUER_CODE_RULES = [
    {"when": {"payment.lastEvent": "REFUSED", "payment.ISO8583ReturnCode": {"exists": False},
              "payment.IssuerResponseCode.@code": code},
     "set": ({{"reason": "failure_reason", "source": "failure_source", "decline_type": "decline_type"}[key]: value
              for key, value in entry.items()} if isinstance(entry, dict) else {"failure_reason": entry})}
    for code, entry in ISSUER_CODE_REASONS.items() if len(code) == 2 and code.isdigit()
]
_PAYMENT_KIND_RULES = [
    *_ISSUER_CODE_RULES,
    {"when": {"payment.lastEvent": _CAPTURE_EVENTS}, "set": {"event_kind": "CAPTURE"}},
    {"when": {"payment.lastEvent": _REFUND_EVENTS}, "set": {"event_kind": "REFUND"}},
    {"when": {"payment.lastEvent": "CANCEL_RECEIVED"}, "set": {"event_kind": "VOID"}},
    {"when": {"payment.lastEvent": "CANCELLED", "payment.paymentMethod": _CARD_METHODS}, "set": {"event_kind": "VOID"}},
]


# Worldpay Online (the older JSON REST API, api.worldpay.com/v1/orders, before Access Worldpay): an order with
# orderCode, amount (minor units), currencyCode, paymentStatus (SUCCESS captured, AUTHORIZED authorised not yet
# captured, FAILED with paymentStatusReason and iso8583Status, and the order lifecycle states), paymentResponse
# (the card); errors are {httpStatusCode, customCode, message, description, errorHelpUrl}.
ONLINE_STATUSES = {
    "SUCCESS": "APPROVED",
    "AUTHORIZED": "APPROVED",
    "SETTLED": "APPROVED",
    "FAILED": "DECLINED",
    "CANCELLED": "CANCELLED",
    "EXPIRED": "CANCELLED",
    "SENT_FOR_REFUND": "REFUNDED",
    "REFUNDED": "REFUNDED",
    "PARTIALLY_REFUNDED": "REFUNDED",
    "CHARGED_BACK": "CHARGEBACK",
}
ONLINE_ERROR_CODES = {
    "BAD_REQUEST": "INVALID_REQUEST",
    "UNAUTHORIZED": "CONFIGURATION_ERROR",
    "FORBIDDEN": "CONFIGURATION_ERROR",
    "TKN_NOT_FOUND": "INVALID_REQUEST",
    "ORDER_NOT_FOUND": "INVALID_REQUEST",
    "INTERNAL_SERVER_ERROR": "PROCESSING_ERROR",
}
ONLINE_ISO_KEY = "payobs_online_iso_code"


def _online_iso(value: Any) -> str | None:
    """iso8583Status "5 - REFUSED": the leading number is the ISO 8583 response code (05)."""
    if not isinstance(value, str):
        return None
    head = value.split("-", 1)[0].strip()
    return head.zfill(2) if head.isdigit() else None


def prepare(body: Any) -> Any:
    """The payload with the card scheme named by the WPG payment method code (``ECMC-SSL`` -> mastercard).

    A Hosted Payment Pages result instead gets its ``orderKey`` split into order and merchant codes.
    An Access Worldpay event that is not about a payment (a payout, a token created) is refused with
    ``NOT_A_PAYMENT_EVENT``, so the heuristic normalizer never reads a payout's ``refused``.
    Pure: returns a shallow copy with extra top-level keys; the original is untouched.
    """
    if not isinstance(body, dict):
        return body
    details = body.get("eventDetails")
    if isinstance(details, dict):
        # Access Worldpay also sends payout events and instrument events (tokenCreated has no type):
        # not payments, so never counted as approvals or declines.
        classification = details.get("classification")
        if classification not in (None, "payment", "chargeback") or not details.get("type"):
            what = f"{classification} event" if classification not in (None, "payment") else "event without a type"
            raise UnmappedPayload(NOT_A_PAYMENT_EVENT, f"worldpay: access {what}, not a payment outcome")
        return body
    if "orderCode" in body and "paymentStatus" in body and "paymentService" not in body:
        iso = _online_iso(body.get("iso8583Status"))
        return {**body, ONLINE_ISO_KEY: iso} if iso else body
    order_key = body.get("orderKey")
    if isinstance(order_key, str) and "^" in order_key:
        # HPP names the order as ADMIN^MERCHANT^orderCode; the order code is what every other document names.
        parts = order_key.split("^")
        return {**body, ORDER_CODE_KEY: parts[-1], MERCHANT_CODE_KEY: parts[1] if len(parts) == 3 else None}
    service = body.get("paymentService")
    if not isinstance(service, dict):
        return body
    order = (service.get("notify") or {}).get("orderStatusEvent") or (service.get("reply") or {}).get("orderStatus")
    payment = order.get("payment") if isinstance(order, dict) else None
    method = payment.get("paymentMethod") if isinstance(payment, dict) else None
    if isinstance(method, dict):
        method = method.get("#text")
    if not isinstance(method, str):
        return body
    scheme = _CARD_CODES.get(method.upper().removesuffix("-SSL"))
    return {**body, CARD_SCHEME_KEY: scheme} if scheme else body


# Business Gateway (the legacy HTML Redirect integration), "Payment Responses" guide
# (support.worldpay.com/support/kb/bg/paymentresponse/payment_response.html): transStatus Y = the transaction was
# successful (authorised), C = cancelled (the shopper cancelled on the payment page). amount / currency are the
# payment's, in major units (decimal); authAmount / authCurrency the amount authorised, in the authorisation
# currency; transId Worldpay's transaction id; cartId the merchant's reference; instId the installation.
# FuturePay (recurring) Payment Notifications post the same fields with msgType authResult and futurePayId
# (support.worldpay.com/support/kb/bg/recurringpayments/rpfp8105.html, "Examples of Payment Notifications data"):
# "Payment declined" is transStatus N with rawAuthCode D / rawAuthMessage Declined, the completed payment
# transStatus Y with rawAuthCode A / Authorised. rawAuthCode D gives no reason beyond the decline.
BUSINESS_GATEWAY_STATUSES = {"Y": "APPROVED", "C": "CANCELLED", "N": "DECLINED"}
BUSINESS_GATEWAY_AUTH_CODES = {"D": "GENERIC_DECLINE"}

# STLink / PaymentTrust MessageCode (module docstring): the code's outcome, and the reason of a refusal or error.
_STLINK_GROUPS: dict[str, tuple[str, tuple[int, ...]]] = {
    "APPROVED": ("", (2100, 2101, 2102, 2104, 2106, 2122, 2150, 2204, 2831, 3100, 7100)),  # 2204: authorized, AVS off
    "PENDING": ("", (2040, 2050, 2053, 2055, 2830, 3050, 3051, 3052, 4050, 7050)),
    "REFUNDED": ("", (2160, 3171)),
    "CANCELLED": ("", (2080, 2170, 2180, 2640, 2990, 3170, 7785)),
    "CHARGEBACK": ("", (2847,)),
}
_STLINK_DECLINES: dict[str, tuple[int, ...]] = {
    "GENERIC_DECLINE": (2200, 2420, 2956, 2958, 2966, 7240),
    "TRANSACTION_NOT_PERMITTED": (2201, 2205, 2218, 2219, 2228, 2229, 2286, 2322, 2366, 2386, 2628, 2642, 2845, 2972,
                                  3219, 3220, 3781, 3783, 3785, 7366),
    "INVALID_CARD_DATA": (2210, 2212, 2232, 2280, 2282, 2300, 2302, 2310, 2312, 2324, 2332, 2334, 2374, 2430, 2431,
                          2432, 2440, 2627, 2649, 2650, 2974, 3321, 7210, 7212, 7280, 7282),
    "EXPIRED_CARD": (2214,),
    "INCORRECT_CVC": (2240, 2626, 2962),
    "RESTRICTED_CARD": (2306, 2314, 2316, 2318, 2832, 2964),
    "REVOKED": (2320, 2326, 2328, 2382),
    "LIMIT_EXCEEDED": (2350, 2351, 2352, 2356, 2357, 2360, 2362, 2364, 2407, 2833, 2849, 2850, 2968, 2970, 3354, 3381),
    "INSUFFICIENT_FUNDS": (2354, 2960),
    "AUTHENTICATION_FAILED": (2368, 2370, 2405, 2406, 2410, 2844, 4204, 4242),
    "AUTHENTICATION_REQUIRED": (2372,),
    "RISK_REJECTED": (2380,),
    "SUSPECTED_FRAUD": (2401,),
    "LOST_OR_STOLEN_CARD": (2648, 2952, 2954),
    "DUPLICATE": (2226, 2403, 3226),
    "ISSUER_UNAVAILABLE": (2614, 2848, 3218),
}
_STLINK_ERRORS: dict[str, tuple[int, ...]] = {
    "INVALID_REQUEST": (200, 300, 307, 400, 401, 402, 403, 500, 2051, 2203, 2206, 2216, 2222, 2224, 2234, 2235, 2236,
                        2237, 2238, 2248, 2284, 2304, 2384, 2634, 2636, 2638, 2700, 2702, 2704, 2706, 2712, 2714,
                        2716, 2718, 2720, 2722, 2802, 2804, 3203, 3206, 3208, 3209, 3210, 3216, 3217, 3224, 3228,
                        3341, 3361, 3362, 3371, 3200, 3391, 4206, 4210, 4212, 4216, 4224, 4228, 4626, 4700, 7206,
                        7216, 7224, 7228, 7230, 7310, 7804),
    "CONFIGURATION_ERROR": (302, 305, 900, 2208, 2220, 2230, 2624, 2630, 3204, 3207, 4208, 4230, 7208, 7628),
    "TRANSACTION_NOT_PERMITTED": (499,),
    "PROCESSING_ERROR": (303, 306, 2402, 2404, 2612, 2613, 2618, 2620, 2622, 2632, 2644, 2646, 2846, 3614, 4240,
                         4614, 4616, 4618, 7614),
}
_STLINK_TIMEOUTS = (304, 2000, 2610, 2611, 2615)  # no answer from the bank: resend; the outcome is not known
STLINK_STATUSES = {
    **{str(code): status for status, (_, codes) in _STLINK_GROUPS.items() for code in codes},
    **{str(code): "DECLINED" for codes in _STLINK_DECLINES.values() for code in codes},
    **{str(code): "ERROR" for codes in _STLINK_ERRORS.values() for code in codes},
    **{str(code): "UNKNOWN" for code in _STLINK_TIMEOUTS},
}
STLINK_REASONS = {
    **{str(code): reason for reason, codes in _STLINK_DECLINES.items() for code in codes},
    **{str(code): reason for reason, codes in _STLINK_ERRORS.items() for code in codes},
    **{str(code): "TIMEOUT" for code in _STLINK_TIMEOUTS},
}

SPEC = {
    "provider": "worldpay",
    "aliases": ["worldpay", "wpg", "worldpay_xml", "worldpayxml", "access_worldpay", "worldpay_access"],
    "detect": [
        {"path": "paymentService", "exists": True, "weight": 0.9},
        {"path": "TMSTN.MessageCode", "exists": True, "weight": 0.6},
        {"path": "TMSTN.PTTID", "exists": True, "weight": 0.3},
        {"path": "eventDetails.classification", "exists": True, "weight": 0.5},
        {"path": "eventDetails.transactionReference", "exists": True, "weight": 0.3},
        {"path": "eventId", "exists": True, "weight": 0.1},
        {"path": "orderKey", "exists": True, "weight": 0.4},
        {"path": "paymentStatus", "in": list(STATUSES), "weight": 0.2},
        {"path": "mac2", "exists": True, "weight": 0.2},
        # Access Worldpay Payments API responses: Worldpay's own outcome words and links.
        {"path": "outcome", "in": [o for o in PAYMENTS_API_OUTCOMES if o not in ("authorized", "refused")], "weight": 0.5},
        {"path": "outcome", "in": ["authorized", "refused"], "weight": 0.2},
        {"path": "paymentInstrument.type", "prefix": "card/", "weight": 0.3},
        {"path": "_links.self.href", "prefix": _PAYMENTS_API_URLS, "weight": 0.3},
        {"path": "transactionReference", "exists": True, "weight": 0.1},
        # Access API error bodies: Worldpay's error names; validation errors carry a JSON path.
        {"path": "errorName", "in": list(ACCESS_ERROR_NAMES), "weight": 0.5},
        {"path": "validationErrors.0.jsonPath", "exists": True, "weight": 0.3},
        {"path": "validationErrors.0.errorName", "exists": True, "weight": 0.2},
        # Worldpay Online orders and errors.
        {"path": "paymentResponse.maskedCardNumber", "exists": True, "weight": 0.3},
        {"path": "iso8583Status", "exists": True, "weight": 0.3},
        {"path": "paymentStatusReason", "exists": True, "weight": 0.2},
        {"path": "customCode", "exists": True, "weight": 0.2},
        {"path": "errorHelpUrl", "exists": True, "weight": 0.2},
        # The order's card is the API's "ObfuscatedCard" payment response (worldpay-lib-java AbstractPaymentMethod:
        # CardResponse is type "ObfuscatedCard"), and an error echoes the request that caused it as
        # originalRequest (worldpay-lib-java ApiError: httpStatusCode, customCode, message, description,
        # errorHelpUrl, originalRequest); with paymentStatus or customCode they name a Worldpay Online body.
        {"path": "paymentResponse.type", "in": ["ObfuscatedCard"], "weight": 0.3},
        {"path": "originalRequest", "exists": True, "weight": 0.3},
        # Business Gateway (HTML Redirect) payment response parameters.
        {"path": "transStatus", "in": list(BUSINESS_GATEWAY_STATUSES), "weight": 0.3},
        {"path": "instId", "exists": True, "weight": 0.2},
        {"path": "cartId", "exists": True, "weight": 0.2},
        # The Payment Message's own parameter names (pr5201 and rpfp8105 above): callbackPW, rawAuthCode,
        # rawAuthMessage, authAmountString, futurePayId.
        {"path": "callbackPW", "exists": True, "weight": 0.2},
        {"path": "rawAuthCode", "in": ["A", "D"], "weight": 0.2},
        {"path": "rawAuthMessage", "exists": True, "weight": 0.1},
        {"path": "authAmountString", "exists": True, "weight": 0.1},
        {"path": "futurePayId", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "minor",
    "status_map": STATUSES,
    "reason_map": REASONS,
    # Raw scheme codes some acquirers pass through ("1A", "N7") after Worldpay's own table.
    "reason_fallback": "iso8583",
    "payment_method_map": PAYMENT_METHODS,
    "variants": [
        {
            "name": "stlink",
            "match": {"TMSTN.MessageCode": {"exists": True}},
            "root": "TMSTN",
            "amount_unit": "major",
            "status_map": STLINK_STATUSES,
            "reason_map": STLINK_REASONS,
            "payment_method_map": {"CC": "CARD", "CK": "BANK_TRANSFER"},
            "fields": {
                "provider_transaction_id": ["PTTID"],
                "status": ["MessageCode"],
                "reason_code": ["MessageCode"],
                "amount": ["Amount"],
                "amount_exponent": [],
                "currency": ["CurrencyId"],
                "payment_method": ["MOP"],
                "merchant_id": ["MerchantId"],
                "attempt_id": ["PTTID"],
                "payment_id": ["OrderNumber"],
            },
            "rules": [
                {"when": {"MessageCode": "2150"}, "set": {"event_kind": "CAPTURE"}},
                {"when": {"MessageCode": {"in": ["2160", "3171", "3781", "3783", "3785", "2237", "3354"]}},
                 "set": {"event_kind": "REFUND"}},
                {"when": {"MessageCode": {"in": ["2080", "2170", "2180", "2990", "3170", "2203", "3203", "3204"]}},
                 "set": {"event_kind": "VOID"}},
            ],
        },
        {
            "name": "notification",
            "match": {"paymentService.notify.orderStatusEvent": {"exists": True}},
            "root": "paymentService.notify.orderStatusEvent",
            "fields": _PAYMENT_FIELDS,
            "rules": _PAYMENT_KIND_RULES,
        },
        {
            "name": "reply.error",
            "match": {"paymentService.reply.error": {"exists": True}},
            "root": "paymentService.reply",
            "status": "ERROR",
            "fields": {"reason_code": ["error.@code"], "merchant_id": ["^paymentService.@merchantCode"]},
            "reason_map": ERROR_REASONS,
            # Error codes are their own numbering: "5" is an invalid request here, not a refusal.
            "reason_fallback": None,
        },
        {
            "name": "reply.order_error",
            "match": {"paymentService.reply.orderStatus.error": {"exists": True}},
            "root": "paymentService.reply.orderStatus",
            "status": "ERROR",
            "fields": {"provider_transaction_id": ["@orderCode"], "reason_code": ["error.@code"],
                       "merchant_id": ["^paymentService.@merchantCode"]},
            "reason_map": ERROR_REASONS,
            "reason_fallback": None,
        },
        {
            # Acknowledgement of a capture, refund or cancel request: the modification was accepted.
            "name": "reply.ok",
            "match": {"paymentService.reply.ok": {"exists": True}},
            "root": "paymentService.reply.ok",
            "fields": {
                "provider_transaction_id": [f"{kind}.@orderCode" for kind in _MODIFICATIONS],
                "amount": [f"{kind}.amount.@value" for kind in _MODIFICATIONS],
                "amount_exponent": [f"{kind}.amount.@exponent" for kind in _MODIFICATIONS],
                "currency": [f"{kind}.amount.@currencyCode" for kind in _MODIFICATIONS],
                "merchant_id": ["^paymentService.@merchantCode"],
                "attempt_id": [f"{kind}.@orderCode" for kind in _MODIFICATIONS],
                "payment_id": [f"{kind}.@orderCode" for kind in _MODIFICATIONS],
            },
            "rules": [{"when": {f"{kind}": {"exists": True}},
                       "set": {"status_category": status, "event_kind": _MODIFICATION_KINDS[kind]}}
                      for kind, status in _MODIFICATIONS.items()],
        },
        *({
            # The order needs the shopper's authentication before it is authorised: 3-D Secure 1
            # (developer.worldpay.com/docs/wpg/authentication/worldpaympi: "We send a message to you to request payer
            # authentication", <requestInfo><request3DSecure> with paRequest and issuerURL) or 3DS2 / 3DS Flex
            # (developer.worldpay.com/docs/wpg/directintegration/3ds2: "Challenge Required - Proceed to 3DS2
            # Challenge", <challengeRequired><threeDSChallengeDetails>). No outcome yet, no amount in the reply.
            "name": "reply.authentication_required",
            "match": {f"paymentService.reply.orderStatus.{element}": {"exists": True},
                      "paymentService.reply.orderStatus.payment": {"exists": False}},
            "root": "paymentService.reply.orderStatus",
            "status": "PENDING",
            "event_kind": "AUTHORIZATION",
            "fields": {"provider_transaction_id": ["@orderCode"], "attempt_id": ["@orderCode"],
                       "payment_id": ["@orderCode"], "merchant_id": ["^paymentService.@merchantCode"]},
            "rules": [],
        } for element in ("requestInfo.request3DSecure", "challengeRequired")),
        {
            # The reply to a Hosted Payment Pages order (developer.worldpay.com/docs/wpg/hostedintegration:
            # "the response contains a reference element ... the URL of the payment pages" the shopper is sent to):
            # the order is set up, the shopper is still to pay. No outcome, no amount in the reply.
            "name": "reply.hosted_reference",
            "match": {"paymentService.reply.orderStatus.reference": {"exists": True},
                      "paymentService.reply.orderStatus.payment": {"exists": False}},
            "root": "paymentService.reply.orderStatus",
            "status": "PENDING",
            "event_kind": "PAYMENT",
            "fields": {"provider_transaction_id": ["@orderCode"], "payment_id": ["@orderCode"],
                       "merchant_id": ["^paymentService.@merchantCode"]},
            "rules": [],
        },
        {
            "name": "reply",
            "match": {"paymentService.reply.orderStatus.payment": {"exists": True}},
            "root": "paymentService.reply.orderStatus",
            "fields": _PAYMENT_FIELDS,
            "rules": _PAYMENT_KIND_RULES,
        },
        {
            # Business Gateway payment response (see BUSINESS_GATEWAY_STATUSES): major-unit decimals.
            "name": "business_gateway.payment_response",
            "match": {"transStatus": {"exists": True}, "cartId": {"exists": True}},
            "amount_unit": "major",
            "fields": {
                "provider_transaction_id": ["transId"],
                "status": ["transStatus"],
                "reason_code": ["rawAuthCode"],
                "amount": ["authAmount", "amount"],
                "currency": ["authCurrency", "currency"],
                "merchant_id": ["instId"],
                "payment_id": ["cartId"],
            },
            "status_map": BUSINESS_GATEWAY_STATUSES,
            "reason_map": BUSINESS_GATEWAY_AUTH_CODES,
        },
        {
            # Hosted Payment Pages cancelURL: the shopper cancelled on the payment page. The redirect then carries
            # orderKey, orderAmount and orderCurrency (and mac2) instead of paymentStatus / paymentAmount /
            # paymentCurrency (github.com/DEFRA/waste-carriers-engine pull 232, "Cancelling Worldpay payment returns
            # error message": an integration's observation, not a stored Worldpay docs page). Minor units as
            # paymentAmount.
            "name": "hpp.cancel",
            "match": {"orderKey": {"exists": True}, "paymentStatus": {"exists": False},
                      "orderAmount": {"exists": True}},
            "status": "CANCELLED",
            "fields": {
                "provider_transaction_id": [ORDER_CODE_KEY, "orderKey"],
                "amount": ["orderAmount"],
                "currency": ["orderCurrency"],
                "merchant_id": [MERCHANT_CODE_KEY],
                "payment_id": [ORDER_CODE_KEY, "orderKey"],
            },
        },
        {
            # Hosted Payment Pages result URL parameters (the shopper's redirect back to the merchant).
            "name": "hpp.result",
            "match": {"orderKey": {"exists": True}, "paymentStatus": {"exists": True}},
            "fields": {
                "provider_transaction_id": [ORDER_CODE_KEY, "orderKey"],
                "status": ["paymentStatus"],
                "amount": ["paymentAmount"],
                "currency": ["paymentCurrency"],
                "merchant_id": [MERCHANT_CODE_KEY],
                "payment_id": [ORDER_CODE_KEY, "orderKey"],
            },
        },
        {
            # Access Worldpay API error body: the request never became a payment. The top-level errorName is
            # "the most reliable element" for automated handling; a validation error names its field's error too.
            "name": "access.api_error",
            "match": {"errorName": {"exists": True}, "message": {"exists": True}, "outcome": {"exists": False}},
            "status": "ERROR",
            "fields": {"reason_code": ["errorName", "validationErrors.0.errorName"]},
            "reason_map": ACCESS_ERROR_NAMES,
            # Access error names are their own words: a "5" or "51" here is no refusal code.
            "reason_fallback": None,
            "rules": [{"when": {"validationErrors.0.errorName": {"exists": True}},
                       "set": {"failure_reason": "INVALID_REQUEST"}}],
        },
        {
            # Payments API / Card Payments API response: the outcome of the request, without the amount.
            "name": "access.payment_response",
            "match": {"outcome": list(PAYMENTS_API_OUTCOMES)},
            "fields": {
                # transactionReference is what the events name the payment by.
                "provider_transaction_id": ["transactionReference", "paymentId"],
                "status": ["outcome"],
                "reason_code": ["refusalCode", "refusalDescription"],
                "payment_method": ["paymentInstrument.type"],
                "card_brand": ["paymentInstrument.cardBrand"],
                "card_country": ["paymentInstrument.countryCode"],
                "payment_id": ["transactionReference"],
            },
            "status_map": PAYMENTS_API_OUTCOMES,
            "rules": [
                {"when": {"outcome": "fraudHighRisk"},
                 "set": {"failure_reason": "RISK_REJECTED", "failure_source": "PSP_RISK"}},
                {"when": {"outcome": "3dsAuthenticationFailed"}, "set": {"failure_reason": "AUTHENTICATION_FAILED"}},
                {"when": {"outcome": "3dsUnavailable"},
                 "set": {"failure_reason": "AUTHENTICATION_FAILED", "failure_source": "TECHNICAL"}},
            ],
        },
        {
            "name": "online.order",
            "match": {"orderCode": {"exists": True}, "paymentStatus": list(ONLINE_STATUSES),
                      "paymentService": {"exists": False}},
            "fields": {
                "provider_transaction_id": ["orderCode"],
                "status": ["paymentStatus"],
                "reason_code": [ONLINE_ISO_KEY, "paymentStatusReason"],
                "amount": ["amount"],
                "currency": ["currencyCode"],
                "card_country": ["paymentResponse.countryCode"],
                "attempt_id": ["orderCode"],
                "payment_id": ["customerOrderCode"],
            },
            "status_map": ONLINE_STATUSES,
            "default_payment_method": "CARD",
            "rules": [
                {"when": {"paymentStatus": ["SENT_FOR_REFUND", "REFUNDED", "PARTIALLY_REFUNDED"]},
                 "set": {"event_kind": "REFUND"}},
                {"when": {"paymentStatus": "CHARGED_BACK"}, "set": {"event_kind": "DISPUTE"}},
                {"when": {"paymentStatus": "FAILED", ONLINE_ISO_KEY: {"exists": False}},
                 "set": {"failure_reason": "GENERIC_DECLINE"}},
            ],
        },
        {
            "name": "online.error",
            "match": {"customCode": {"exists": True}, "httpStatusCode": {"exists": True}, "message": {"exists": True}},
            "status": "ERROR",
            "fields": {"reason_code": ["customCode"]},
            "reason_map": ONLINE_ERROR_CODES,
            "reason_fallback": None,
            "rules": [{"when": {"httpStatusCode": ["500", "502", "503", "504"]},
                       "set": {"failure_reason": "PROCESSING_ERROR"}}],
        },
        {
            "name": "access.event",
            "match": {"eventDetails.type": {"exists": True}},
            "root": "eventDetails",
            "fields": {
                "provider_transaction_id": ["transactionReference", "downstreamReference"],
                "status": ["type"],
                # A failed refund says why under refund.refusal (same codes as payment refusals).
                "reason_code": ["refusalCode", "refusalDescription", "refund.refusal.code",
                                "refund.refusal.description"],
                "amount": ["amount.value"],
                "currency": ["amount.currencyCode"],
                "event_time": ["^eventTimestamp", "date"],
                # APM events name the method (paymentInstrument.method "klarna") instead of an instrument type.
                "payment_method": ["paymentInstrument.type", "paymentInstrument.method"],
                # transactionReference is the merchant's reference of the payment every event names.
                "attempt_id": ["transactionReference", "downstreamReference"],
                "payment_id": ["transactionReference"],
            },
            "status_map": ACCESS_STATUSES,
            "rules": [
                {"when": {"type": ["sentForSettlement", "settled", "settlementFailed"]}, "set": {"event_kind": "CAPTURE"}},
                {"when": {"type": ["cancelled", "expired"]}, "set": {"event_kind": "VOID"}},
                {"when": {"type": ["sentForRefund", "refunded", "refundFailed"]}, "set": {"event_kind": "REFUND"}},
            ],
        },
    ],
}
