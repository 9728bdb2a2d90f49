"""Adyen: Checkout API payment responses and standard webhook notifications.

Sources (Adyen docs):
- https://docs.adyen.com/online-payments/payment-result-codes (resultCode)
- https://docs.adyen.com/development-resources/refusal-reasons (refusalReasonCode / reason)
- https://docs.adyen.com/development-resources/webhooks/webhook-types (eventCode, success)
- https://docs.adyen.com/development-resources/error-codes (API error body: status, errorCode, message,
  errorType internal/validation/security/configuration, pspReference; the generic codes 000-959)
- https://docs.adyen.com/errors (RFC 7807 error bodies: type https://docs.adyen.com/errors/..., title, status,
  detail, errorCode, requestId, invalidFields)
- https://docs.adyen.com/development-resources/raw-acquirer-responses (additionalData.refusalReasonRaw, e.g.
  "05 : Do not honour": read through the ISO 8583 table when the refusal is the generic 2 Refused)
- Adyen's library test fixtures (adyen-python-api-library test/mocks, adyen-java-api-library
  src/test/resources/mocks): notification items stored one at a time, Classic /authorise responses
  without an amount, boleto `additionalData.paymentMethod`
- resultCode Cancelled with refusalReasonCode 22 FRAUD-CANCELLED (refusal-reasons page: cancelled by Adyen's risk
  checks as fraudulent) is a risk DECLINE, not a cancellation. An app's answer carrying the /payments answer whole
  under "payload" (karhoo/karhoo-ios-sdk KarhooSDKIntegrationTests/JSON/Payment/Adyen/*.json) is read as that answer.
Notifications reach the lake whole (notificationItems[0]), as one item ({"NotificationRequestItem": ...}),
as the item's bare fields, or as a legacy form-encoded HTTP POST (value and currency at the top level).
- https://docs.adyen.com/api-explorer/Checkout/latest/post/payments (amount.value in minor units)
- https://docs.adyen.com/reporting/reports-and-the-payments-lifecycle (report Record Type values),
  https://docs.adyen.com/reporting/invoice-reconciliation/payment-accounting-report and the Settlement
  details report (report lines carry amounts in major units)
- https://docs.adyen.com/api-explorer/Webhooks/1/post/AUTHORISATION (and CAPTURE, CANCELLATION, REFUND, ...):
  merchantReference "your reference to uniquely identify the payment", originalReference "for modifications,
  the payment request assigned to the original payment", pspReference the modification's own reference
- https://docs.adyen.com/risk-management/disputes-api/dispute-notifications (a dispute webhook's pspReference is
  the dispute's, the same for all its events; originalReference the disputed payment's)
- https://docs.adyen.com/online-payments/refund ("you can only refund a payment after it has been captured. If a
  payment has not been captured, you can cancel it") and the REFUND example of Adyen's Webhooks-v1 OpenAPI spec
  (github.com/Adyen/adyen-openapi json/Webhooks-v1.json, success "false", reason "Transaction hasn't been captured,
  refund not possible"); https://docs.adyen.com/online-payments/capture/failure-reasons (CAPTURE_FAILED and
  REFUND_FAILED: "Capture rejected by card scheme because of a technical issue."; the page's other scenarios,
  shopper cancelled, incorrect request, account configuration error, capture expired, give no reason text in
  what is stored here, so they stay UNKNOWN)
- github.com/Adyen/adyen-openapi json/Webhooks-v1.json (the webhook list with each event's summary): the Dispute
  stages PREARBITRATION_OPEN / _ACCEPTED / _DECLINED / _ISSUER_WITHDRAWN and SCHEME_ARBITRATION / _LOST / _WON
  (CHARGEBACK events); NOTIFICATION_OF_FRAUD (an informational issuer fraud alert), AUTORESCUE / CANCEL_AUTORESCUE /
  AUTORESCUE_NEXT_ATTEMPT (Auto Rescue process bookkeeping) and the type-keyed Notices of Change
  (DIRECT_DEBIT_NOTICE_OF_CHANGE_NOTIFICATION, typed ach.notificationOfChange / eft.notificationOfChange in its
  examples; ACH_NOTIFICATION_OF_CHANGE: bank details updated) are no payment. HANDLED_EXTERNALLY and DONATION
  appear only in enums, with no stored description of their outcome: left unmapped (UNMAPPED_STATUS), not guessed.
- Checkout API SessionResultResponse and PaymentLinkResponse (Adyen's OpenAPI as kept in github.com/api-evangelist/
  adyen json-structure/checkout-session-result-response-structure.json and checkout-payment-link-response-
  structure.json): a session's or a payment link's status, the payment as a whole. A session result ({id, status})
  names no provider: read under an Adyen hint only.
- https://docs.adyen.com/online-payments/partial-payments (ORDER_OPENED / ORDER_CLOSED: the order, not a payment)
- SOAP (Classic) messages: https://docs.adyen.com/developers/notifications/set-up-notifications ("an endpoint that
  can receive a JSON or SOAP call, or HTTP POST") and https://docs.adyen.com/development-resources/notifications/
  (the SOAP acknowledgement ns1:sendNotificationResponse in the http://notification.services.adyen.com namespace):
  a SOAP notification is Envelope/Body/sendNotification/notification/notificationItems/NotificationRequestItem*
  with the same fields as the JSON one (additionalData is a map of entry key/value pairs, nil elements carry
  xsi:nil). The Classic Payment service (https://pal-live.adyen.com/pal/Payment.wsdl, its operations as generated
  in wikimedia SmashPig PaymentProviders/Adyen/WSDL/Payment.php): authorise / authorise3d -> authoriseResponse /
  authorise3dResponse holding a PaymentResult (pspReference, resultCode, refusalReason, authCode, md, paRequest,
  issuerUrl, dccAmount, fraudResult, additionalData); capture / cancel / refund / cancelOrRefund /
  authoriseReferral -> <op>Response/<op>Result holding a ModificationResult (pspReference, response);
  refundWithData -> refundWithDataResponse/result (a PaymentResult); directdebit -> directdebitResponse/response.
  prepare() unwraps them into the JSON shapes the variants below read.
- Barclaycard SmartPay is Adyen's platform under Barclaycard's name: "Barclaycard HPP is part of the Adyen Payment
  Platform ... You will need a Smartpay or Adyen Merchant Account" (drupal.org/project/commerce_smartpay), the
  Adyen libraries are used against SmartPay endpoints (github.com/Adyen/adyen-python-api-library issue 55), and
  SmartPay's SOAP messages use Adyen's namespaces (http://payment.services.adyen.com). Its hints are aliases here.
- https://docs.adyen.com/api-explorer/Checkout/latest/post/payments/(paymentPspReference)/captures and /refunds,
  /cancels, /reversals, /amountUpdates: the modification responses (PaymentCaptureResponse,
  PaymentRefundResponse, ...: paymentPspReference, pspReference, reference, status "received", amount); the
  outcome comes later in the CAPTURE / REFUND / CANCELLATION webhook.

Lifecycle identity: the attempt is the payment's pspReference (an AUTHORISATION's own, a modification's or a
dispute's originalReference); the payment is the merchantReference (originalMerchantReference on a
CANCEL_OR_REFUND); a refund's or dispute's own id is its pspReference.
"""

import base64
import binascii
import json
import re
from typing import Any
from urllib.parse import parse_qsl

from payobs_pipeline.normalization.mapping import NOT_A_PAYMENT_EVENT, NOTIFICATION_WITHOUT_OUTCOME, UnmappedPayload

_HARD = "HARD"

# Standard-webhook eventCodes that are not a shopper's payment (webhook-types page): reports,
# payouts to third parties, stored-payment-details contracts, pre-authentication results.
NON_PAYMENT_EVENT_CODES = frozenset({
    "REPORT_AVAILABLE", "PAYOUT_THIRDPARTY", "PAYOUT_DECLINE", "PAYOUT_EXPIRE", "PAIDOUT_REVERSED",
    "RECURRING_CONTRACT", "AUTHENTICATION", "ACH_NOTIFICATION_OF_CHANGE_NOTIFICATION", "TRANSFER_FUNDS",
    "FUND_TRANSFER", "DIRECT_DEBIT_INITIATED", "PENDING_PAYOUT",
    # Webhooks-v1 (github.com/Adyen/adyen-openapi json/Webhooks-v1.json): NOTIFICATION_OF_FRAUD "the issuer sent a fraud
    # alert notification (Visa TC40, Mastercard SAFE) ... informational notifications" (a warning, no chargeback yet:
    # the payment's outcome stands); AUTORESCUE "the Auto Rescue process ended", CANCEL_AUTORESCUE "the Auto Rescue
    # process was canceled", AUTORESCUE_NEXT_ATTEMPT a retry was scheduled: the rescue process's bookkeeping, each
    # retry's outcome is its own AUTHORISATION webhook (docs.adyen.com/online-payments/auto-rescue).
    "NOTIFICATION_OF_FRAUD", "AUTORESCUE", "CANCEL_AUTORESCUE", "AUTORESCUE_NEXT_ATTEMPT",
})
# Webhooks-v1 "Other webhooks" with a type instead of an eventCode: a Notice of Change updates the shopper's bank
# account details (ACH Direct Debit, EFT PAD), never a payment outcome. The spec's examples type them
# "ach.notificationOfChange" and "eft.notificationOfChange"; the webhook names are kept for rows typed by them.
NON_PAYMENT_WEBHOOK_TYPES = frozenset({"ACH.NOTIFICATIONOFCHANGE", "EFT.NOTIFICATIONOFCHANGE",
                                       "DIRECT_DEBIT_NOTICE_OF_CHANGE_NOTIFICATION", "ACH_NOTIFICATION_OF_CHANGE"})
# Classic API ModificationResult.response values and the event kind of the modification received.
_MODIFICATION_RECEIVED = {
    "[capture-received]": "CAPTURE",
    "[cancel-received]": "VOID",
    "[technical-cancel-received]": "VOID",
    "[refund-received]": "REFUND",
    "[cancelOrRefund-received]": None,  # a cancel or a refund: Adyen decides which
    "[adjustAuthorisation-received]": None,
}
# Where prepare() leaves additionalData's "modification.action" (a key with a dot, which a path cannot name).
MODIFICATION_ACTION_KEY = "payobs_modification_action"
# Terminal API ErrorCondition values that are the terminal's or the network's failure, not the card's.
_TERMINAL_TECHNICAL = ["Busy", "DeviceOut", "InProgress", "LoggedOut", "MessageFormat", "NotFound", "UnavailableDevice",
                       "UnavailableService", "UnreachableHost"]

# Refusal reasons, keyed both by refusalReasonCode and by the text Adyen sends
# in `refusalReason` and in notifications' `reason`.
_REFUSALS = [
    ("2", "Refused", "GENERIC_DECLINE"),
    ("3", "Referral", "GENERIC_DECLINE"),
    ("4", "Acquirer Error", "PROCESSING_ERROR"),
    ("5", "Blocked Card", "RESTRICTED_CARD"),
    ("6", "Expired Card", "EXPIRED_CARD"),
    ("7", "Invalid Amount", "INVALID_REQUEST"),
    ("8", "Invalid Card Number", "INVALID_CARD_DATA"),
    ("9", "Issuer Unavailable", "ISSUER_UNAVAILABLE"),
    ("10", "Not supported", "TRANSACTION_NOT_PERMITTED"),
    ("11", "3D Not Authenticated", "AUTHENTICATION_FAILED"),
    ("12", "Not enough balance", "INSUFFICIENT_FUNDS"),
    ("14", "Acquirer Fraud", "SUSPECTED_FRAUD"),
    ("15", "Cancelled", "UNKNOWN"),
    ("16", "Shopper Cancelled", {"reason": "AUTHENTICATION_FAILED", "source": "CUSTOMER"}),
    ("17", "Invalid Pin", "AUTHENTICATION_FAILED"),
    ("18", "Pin tries exceeded", {"reason": "AUTHENTICATION_FAILED", "decline_type": _HARD}),
    ("19", "Pin validation not possible", "AUTHENTICATION_FAILED"),
    ("20", "FRAUD", {"reason": "RISK_REJECTED", "source": "PSP_RISK"}),
    ("21", "Not Submitted", "PROCESSING_ERROR"),
    ("22", "FRAUD-CANCELLED", {"reason": "RISK_REJECTED", "source": "PSP_RISK"}),
    ("23", "Transaction Not Permitted", "TRANSACTION_NOT_PERMITTED"),
    ("24", "CVC Declined", "INCORRECT_CVC"),
    ("25", "Restricted Card", "RESTRICTED_CARD"),
    ("26", "Revocation Of Auth", "REVOKED"),
    ("27", "Declined Non Generic", "GENERIC_DECLINE"),
    ("28", "Withdrawal amount exceeded", "LIMIT_EXCEEDED"),
    ("29", "Withdrawal count exceeded", "LIMIT_EXCEEDED"),
    ("31", "Issuer Suspected Fraud", "SUSPECTED_FRAUD"),
    ("32", "AVS Declined", {"reason": "INVALID_CARD_DATA", "source": "CUSTOMER"}),
    ("33", "Card requires online pin", "AUTHENTICATION_REQUIRED"),
    ("34", "No checking account available on Card", "TRANSACTION_NOT_PERMITTED"),
    ("35", "No savings account available on Card", "TRANSACTION_NOT_PERMITTED"),
    ("36", "Mobile pin required", "AUTHENTICATION_REQUIRED"),
    ("37", "Contactless fallback", "AUTHENTICATION_REQUIRED"),
    ("38", "Authentication required", "AUTHENTICATION_REQUIRED"),
    ("39", "RReq not received from DS", "AUTHENTICATION_FAILED"),
    ("40", "Current AID is in Penalty Box", "PROCESSING_ERROR"),
    ("41", "CVM Required Restart Payment", "AUTHENTICATION_REQUIRED"),
    ("42", "3DS Authentication Error", "AUTHENTICATION_FAILED"),
    ("43", "Transaction blocked by Adyen to prevent excessive retry fees",
     {"reason": "TRANSACTION_NOT_PERMITTED", "source": "PSP_RISK"}),
]
REASONS = {code: reason for code, _, reason in _REFUSALS} | {text: reason for _, text, reason in _REFUSALS} | {
    # A CAPTURE/false notification's reason: more was captured than remains authorised.
    "Insufficient balance on payment": "INVALID_REQUEST",
    # A REFUND/false notification's reason: an uncaptured payment cannot be refunded (cancel it instead).
    "Transaction hasn't been captured, refund not possible": "INVALID_REQUEST",
    # CAPTURE_FAILED / REFUND_FAILED: the card scheme rejected the modification for a technical issue.
    "Capture rejected by card scheme because of a technical issue.": "PROCESSING_ERROR",
}
# API error responses' errorCode (generic codes of docs.adyen.com/development-resources/error-codes).
# Codes not listed take the reason of their errorType (validation: INVALID_REQUEST; security, configuration:
# CONFIGURATION_ERROR; internal: PROCESSING_ERROR), per the same page.
_API_ERROR_CODES = {
    "000": "CONFIGURATION_ERROR",  # Unauthorised: the API key or credentials are incorrect (errorType security)
    "010": "CONFIGURATION_ERROR",  # Not allowed: the credential lacks the permission
    "100": "INVALID_REQUEST",  # No amount specified
    "101": "INVALID_CARD_DATA",  # Invalid card number
    # Unable to determine variant: the payment method variant (card brand or method) could not be derived from
    # the request's payment data; a validation error (errorType validation on the same page), not a card refused.
    "102": "INVALID_REQUEST",
    "103": "INCORRECT_CVC",  # CVC is not the right length
    "104": "INVALID_REQUEST",  # Billing address problem
    "105": "AUTHENTICATION_FAILED",  # Invalid paRes from issuer (3D Secure)
    "106": "INVALID_REQUEST",  # This session was already used previously
    "107": "CONFIGURATION_ERROR",  # Recurring is not enabled
    "108": "INVALID_CARD_DATA",  # Invalid bankaccount number
    "109": "INVALID_REQUEST",  # Invalid variant
    "110": "INVALID_REQUEST",  # BankDetails missing
    "111": "INVALID_REQUEST",  # Invalid BankCountryCode specified
    "112": "TRANSACTION_NOT_PERMITTED",  # This bank country is not supported
    "117": "INVALID_REQUEST",  # Invalid billing address
    "125": "INVALID_REQUEST",  # Invalid recurring contract specified
    "126": "INVALID_REQUEST",  # Bank Account or Bank Location Id not valid or missing
    "127": "INVALID_REQUEST",  # Account holder missing
    "128": "INVALID_REQUEST",  # Card Holder Missing
    "129": "INVALID_CARD_DATA",  # Expiry Date Invalid
    "130": "INVALID_REQUEST",  # Reference Missing
    **dict.fromkeys(["131", "132", "133", "134", "135"], "INVALID_REQUEST"),  # Billing address problem (...)
    "136": "INVALID_REQUEST",  # Failed to retrieve OpenInvoiceLines
    "137": "INVALID_REQUEST",  # Invalid amount specified
    "138": "INVALID_REQUEST",  # Unsupported currency specified
    "139": "INVALID_REQUEST",  # Recurring requires shopperEmail and shopperReference
    "140": "INVALID_CARD_DATA",  # Invalid expiryMonth[1..12] / expiryYear[>2000], or before now
    "141": "INVALID_CARD_DATA",  # Invalid expiryMonth[1..12] / expiryYear[>2000]
    "142": "INVALID_REQUEST",  # Bank Name or Bank Location not valid or missing
    "144": "INVALID_CARD_DATA",  # Invalid startMonth[1..12] / startYear[>2000], or in the future
    "145": "INVALID_REQUEST",  # Invalid issuer countrycode
    "146": "INVALID_REQUEST",  # Invalid social security number
    **dict.fromkeys(["147", "148", "149", "150", "151", "152", "153"], "INVALID_REQUEST"),  # Delivery address problem
    "172": "INVALID_REQUEST",  # Encrypted data used outside of valid time period
    "173": "CONFIGURATION_ERROR",  # Unable to load Private Key for decryption
    "174": "INVALID_REQUEST",  # Unable to decrypt data
    "901": "CONFIGURATION_ERROR",  # Invalid Merchant Account
    "902": "INVALID_REQUEST",  # Invalid or empty request data
    "903": "PROCESSING_ERROR",  # Internal error
    "904": "PROCESSING_ERROR",  # Unable To Process
    "905": "CONFIGURATION_ERROR",  # Payment details are not supported (method not configured)
    "704": "DUPLICATE",  # Request already processed or in progress (the same idempotency key, HTTP 409)
    "906": "INVALID_REQUEST",  # Invalid Request: Original pspReference is invalid for this environment
    "950": "CONFIGURATION_ERROR",  # Invalid AcquirerAccount
    **dict.fromkeys([str(c) for c in range(951, 960)], "CONFIGURATION_ERROR"),  # Configuration Error (...)
}
# errorType (old body) and the problem type of an RFC 7807 body (docs.adyen.com/errors: type URL, status).
_ERROR_TYPE_RULES = [
    # The body's HTTP status first (docs.adyen.com/development-resources/response-handling: 4xx the request, 401/403
    # the credentials, 5xx Adyen's side), whatever errorType it names; a documented errorType and then a documented
    # errorCode override it (later rules win). So an errorType outside the documented four (an older API's or a
    # library's own word) still reads its status.
    {"when": {"status": ["400", "404", "405", "409", "415", "422"]}, "set": {"failure_reason": "INVALID_REQUEST"}},
    {"when": {"status": ["401", "403"]}, "set": {"failure_reason": "CONFIGURATION_ERROR"}},
    {"when": {"status": {"prefix": "5"}}, "set": {"failure_reason": "PROCESSING_ERROR"}},
    {"when": {"status": "429"}, "set": {"failure_reason": "PROCESSING_ERROR"}},
    {"when": {"errorType": "validation"}, "set": {"failure_reason": "INVALID_REQUEST"}},
    {"when": {"errorType": ["security", "configuration"]}, "set": {"failure_reason": "CONFIGURATION_ERROR"}},
    {"when": {"errorType": "internal"}, "set": {"failure_reason": "PROCESSING_ERROR"}},
]


def _code_rules(path: str, table: dict, skip: tuple[str, ...]) -> list[dict]:
    """A rule per reason of ``table`` (codes at ``path``), so a listed code beats its type's generic reason."""
    by_reason: dict[str, list[str]] = {}
    for code, reason in table.items():
        if reason not in skip:
            by_reason.setdefault(reason, []).append(code)
    return [{"when": {path: sorted(codes)}, "set": {"failure_reason": reason}}
            for reason, codes in sorted(by_reason.items())]


PAYMENT_METHODS = {
    **dict.fromkeys(
        ["scheme", "visa", "mc", "amex", "maestro", "discover", "diners", "jcb", "cartebancaire", "cup", "elo",
         "hipercard", "bcmc", "dankort", "visadankort", "mc_applepay", "visa_applepay", "eftpos_australia",
         "interac_card", "card"],
        "CARD",
    ),
    **dict.fromkeys(
        ["applepay", "googlepay", "paywithgoogle", "paypal", "alipay", "wechatpay", "amazonpay", "mobilepay",
         "vipps", "twint", "swish", "mbway", "grabpay_my", "gcash", "kakaopay", "momo_wallet", "paytm",
         "mercadopago", "samsungpay", "clicktopay"],
        "WALLET",
    ),
    "pix": "PIX",
    **dict.fromkeys(["boletobancario", "boletobancario_santander", "boleto"], "BOLETO"),
    **dict.fromkeys(["oxxo", "econtext_seven_eleven", "econtext_stores", "multibanco", "paysafecard",
                     "doku_alfamart", "doku_indomaret"], "CASH_VOUCHER"),
    **dict.fromkeys(["klarna", "klarna_paynow", "klarna_account", "affirm", "afterpaytouch", "clearpay",
                     "zip", "atome", "facilypay_3x", "facilypay_4x", "ratepay"], "BNPL"),
    # elv: German ELV (Elektronisches Lastschriftverfahren) and directdebit_NL: Dutch direct debit (Incasso), the
    # Classic / HPP payment method names (docs.adyen.com Classic HPP directory lookup brandCodes).
    **dict.fromkeys(["sepadirectdebit", "ach", "directdebit_gb", "bacs", "au_becs_debit", "elv", "directdebit_NL"],
                    "DIRECT_DEBIT"),
    **dict.fromkeys(["ideal", "directEbanking", "giropay", "eps", "bancontact", "trustly", "onlinebanking_pl",
                     "blik", "molpay_ebanking_fpx_my", "bankTransfer_IBAN", "paybybank", "dotpay", "upi",
                     "upi_collect"], "BANK_TRANSFER"),
}

_RESPONSE_STATUSES = {
    "authorised": "APPROVED",
    "partiallyauthorised": "APPROVED",
    "refused": "DECLINED",
    "error": "ERROR",
    "cancelled": "CANCELLED",
    "pending": "PENDING",
    "received": "PENDING",
    "redirectshopper": "PENDING",
    "identifyshopper": "PENDING",
    "challengeshopper": "PENDING",
    "presenttoshopper": "PENDING",
    "authenticationfinished": "PENDING",
    "authenticationnotrequired": "PENDING",
}

# Webhooks: the outcome is eventCode plus success ("true"/"false").
_NOTIFICATION_STATUSES = {
    "AUTHORISATION/true": "APPROVED",
    "AUTHORISATION/false": "DECLINED",
    "CAPTURE/true": "APPROVED",
    # success=false: Adyen rejected the capture (docs.adyen.com/online-payments/capture, failed capture; webhook-types
    # CAPTURE "success false: the capture failed", the reason field says why): refused by the provider. A reason
    # that is an invalid request (more than the remaining authorised amount) makes it an ERROR (rule below).
    "CAPTURE/false": "DECLINED",
    # CAPTURE_FAILED / REFUND_FAILED: "the capture request failed due to rejection by the card scheme"
    # (docs.adyen.com/api-explorer/Webhooks/1/post/CAPTURE_FAILED); "captures and refunds are treated the same by
    # card schemes" (docs.adyen.com/online-payments/capture/failure-reasons): refused, so DECLINED like
    # REFUND_FAILED. The event code itself says the modification failed, so a success "false" reads the same.
    "CAPTURE_FAILED/true": "DECLINED",
    "CAPTURE_FAILED/false": "DECLINED",
    "AUTHORISATION_ADJUSTMENT/true": "APPROVED",
    "AUTHORISATION_ADJUSTMENT/false": "DECLINED",
    "CANCELLATION/true": "CANCELLED",
    "CANCELLATION/false": "ERROR",
    "TECHNICAL_CANCEL/true": "CANCELLED",
    "TECHNICAL_CANCEL/false": "ERROR",
    "CANCEL_OR_REFUND/true": "CANCELLED",  # unless modification.action says refund (rule below)
    "CANCEL_OR_REFUND/false": "ERROR",
    # Partial payments: the order that groups them was opened, fully paid (true) or expired/cancelled (false).
    "ORDER_OPENED/true": "PENDING",
    "ORDER_CLOSED/true": "APPROVED",
    "ORDER_CLOSED/false": "CANCELLED",
    # Case management: the merchant's risk team accepted or rejected a payment held for review.
    "MANUAL_REVIEW_ACCEPT/true": "APPROVED",
    "MANUAL_REVIEW_REJECT/true": "DECLINED",
    "OFFER_CLOSED/true": "CANCELLED",
    "EXPIRE/true": "CANCELLED",
    "PENDING/true": "PENDING",
    "REFUND/true": "REFUNDED",
    # A rejected refund request: the refund did not happen.
    "REFUND/false": "DECLINED",
    # The refund failed at the scheme, or its money came back: the refund did not happen.
    "REFUND_FAILED/true": "DECLINED",
    "REFUND_FAILED/false": "DECLINED",
    "REFUNDED_REVERSED/true": "DECLINED",
    "REFUND_WITH_DATA/true": "REFUNDED",
    "REFUND_WITH_DATA/false": "DECLINED",
    "POSTPONED_REFUND/true": "PENDING",
    # A pending refund voided before it was processed.
    "VOID_PENDING_REFUND/true": "CANCELLED",
    "CHARGEBACK/true": "CHARGEBACK",
    "NOTIFICATION_OF_CHARGEBACK/true": "CHARGEBACK",
    "REQUEST_FOR_INFORMATION/true": "CHARGEBACK",
    "SECOND_CHARGEBACK/true": "CHARGEBACK",
    "PREARBITRATION_WON/true": "CHARGEBACK",
    "PREARBITRATION_LOST/true": "CHARGEBACK",
    "CHARGEBACK_REVERSED/true": "CHARGEBACK",
    "DISPUTE_DEFENSE_PERIOD_ENDED/true": "CHARGEBACK",
    "ISSUER_RESPONSE_TIMEFRAME_EXPIRED/true": "CHARGEBACK",
    "DISPUTE_OPENED_WITH_CHARGEBACK/true": "CHARGEBACK",
    "INFORMATION_SUPPLIED/true": "CHARGEBACK",
    "ISSUER_COMMENTS/true": "CHARGEBACK",
    # The pre-arbitration and scheme arbitration stages of a dispute (Webhooks-v1: PREARBITRATION_OPEN "the
    # cardholder's bank opened the pre-arbitration case", PREARBITRATION_ACCEPTED / _DECLINED / _ISSUER_WITHDRAWN,
    # SCHEME_ARBITRATION "escalated to scheme arbitration by the issuer", SCHEME_ARBITRATION_LOST / _WON "the scheme
    # has ruled in favor of the issuer / in your favor"): dispute events like PREARBITRATION_WON / _LOST.
    **dict.fromkeys([f"{code}/true" for code in (
        "PREARBITRATION_OPEN", "PREARBITRATION_ACCEPTED", "PREARBITRATION_DECLINED", "PREARBITRATION_ISSUER_WITHDRAWN",
        "SCHEME_ARBITRATION", "SCHEME_ARBITRATION_LOST", "SCHEME_ARBITRATION_WON")], "CHARGEBACK"),
}

# Report lines (Payment accounting / Settlement details reports): the payment's
# status in the lifecycle is the line's "Record Type".
_REPORT_STATUSES = {
    "received": "PENDING",
    "retried": "PENDING",
    "authorised": "APPROVED",
    "sentforsettle": "APPROVED",
    "settled": "APPROVED",
    "settledbulk": "APPROVED",
    "settledexternally": "APPROVED",
    "settledexternallywithinfo": "APPROVED",
    "settledinstallment": "APPROVED",
    "refused": "DECLINED",
    "error": "ERROR",
    "capturefailed": "ERROR",
    "cancelled": "CANCELLED",
    "expired": "CANCELLED",
    "sentforrefund": "REFUNDED",
    "refundauthorised": "REFUNDED",
    "refunded": "REFUNDED",
    "refundedbulk": "REFUNDED",
    "refundedexternally": "REFUNDED",
    "refundedexternallywithinfo": "REFUNDED",
    "refundfailed": "DECLINED",
    "refundedreversed": "DECLINED",
    "chargeback": "CHARGEBACK",
    "chargebackexternally": "CHARGEBACK",
    "chargebackexternallywithinfo": "CHARGEBACK",
    "secondchargeback": "CHARGEBACK",
    "notificationofchargeback": "CHARGEBACK",
    "requestforinformation": "CHARGEBACK",
    "chargebackreversed": "CHARGEBACK",
}
# Report Record Types that are not the authorisation itself (reports-and-the-payments-lifecycle).
_REPORT_KIND_RULES = [
    {"when": {"Record Type": ["SentForSettle", "Settled", "SettledBulk", "SettledExternally",
                              "SettledExternallyWithInfo", "SettledInstallment", "CaptureFailed"]},
     "set": {"event_kind": "CAPTURE"}},
    {"when": {"Record Type": ["Cancelled", "Expired"]}, "set": {"event_kind": "VOID"}},
    {"when": {"Record Type": ["SentForRefund", "RefundAuthorised", "Refunded", "RefundedBulk", "RefundedExternally",
                              "RefundedExternallyWithInfo", "RefundFailed", "RefundedReversed"]},
     "set": {"event_kind": "REFUND"}},
]

_ITEM = "notificationItems.0.NotificationRequestItem"

# Checkout API GET /sessions/{sessionId}?sessionResult=... (SessionResultResponse: id, status; Adyen's OpenAPI as kept
# in github.com/api-evangelist/adyen json-structure/checkout-session-result-response-structure.json): completed "the
# shopper completed the payment. This means that the payment was authorized"; paymentPending "in the process of making
# the payment" (asynchronous methods); refused "the session has been refused, due to too many refused payment
# attempts"; canceled "the shopper canceled the payment"; active "still active and can be paid"; expired "the session
# expired". The session is the payment as a whole, its payments the attempts.
_SESSION_RESULTS = {"completed": "APPROVED", "paymentPending": "PENDING", "refused": "DECLINED",
                    "canceled": "CANCELLED", "active": "PENDING", "expired": "CANCELLED"}
# Checkout API /paymentLinks responses (PaymentLinkResponse, same source, checkout-payment-link-response-structure
# .json): status active "the link can be used to make payments", expired "shoppers can no longer use the link",
# completed "the shopper completed the payment", paymentPending "in the process of making the payment", and paid
# (listed in the enum, not described: read as completed). The link is the payment as a whole.
_PAYMENT_LINK_STATUSES = {"active": "PENDING", "paymentPending": "PENDING", "completed": "APPROVED", "paid": "APPROVED",
                          "expired": "CANCELLED"}
# Pay by Link URLs on Adyen's link host (the test host of docs.adyen.com's Pay by Link examples and the live regional
# hosts; the regional names rest on recollection).
_PAYMENT_LINK_HOSTS = ["https://test.adyen.link/", "https://eu.adyen.link/", "https://us.adyen.link/",
                       "https://au.adyen.link/", "https://apse.adyen.link/"]

# Hosted Payment Pages result URL: authResult (docs.adyen.com, Classic integrations > Hosted Payment Pages >
# "HPP payment response" / result URL parameters): AUTHORISED = the payment authorisation was successfully
# completed; REFUSED = the payment was refused (the result gives no reason); CANCELLED = the shopper cancelled
# the payment / left the payment pages; PENDING = the final status of the payment is not yet known;
# ERROR = an error occurred during the payment processing. The result URL carries no amount or currency.
_HPP_RESULTS = {
    "AUTHORISED": "APPROVED",
    "REFUSED": "DECLINED",
    "CANCELLED": "CANCELLED",
    "PENDING": "PENDING",
    "ERROR": "ERROR",
}

# Failed-modification reasons that say the request itself was invalid (docs/taxonomy.md: an invalid request is an
# ERROR event with INVALID_REQUEST), not a refusal of a valid capture.
_INVALID_MODIFICATION_REASONS = [text for text, reason in REASONS.items() if reason == "INVALID_REQUEST"]

_NOTIFICATION_RULES = [
    # Modifications of an authorisation (webhook-types): never a second authorisation.
    {"when": {"eventCode": ["CAPTURE", "CAPTURE_FAILED"]}, "set": {"event_kind": "CAPTURE"}},
    {"when": {"eventCode": "CAPTURE", "success": "false", "reason": _INVALID_MODIFICATION_REASONS},
     "set": {"status_category": "ERROR"}},
    # CANCELLATION / TECHNICAL_CANCEL cancel an authorisation; EXPIRE: its uncaptured remainder expired.
    {"when": {"eventCode": ["CANCELLATION", "TECHNICAL_CANCEL", "CANCEL_OR_REFUND", "EXPIRE"]},
     "set": {"event_kind": "VOID"}},
    {"when": {"eventCode": ["REFUND", "REFUND_FAILED", "REFUNDED_REVERSED", "REFUND_WITH_DATA", "POSTPONED_REFUND",
                            "VOID_PENDING_REFUND"]},
     "set": {"event_kind": "REFUND"}},
    {"when": {"eventCode": ["ORDER_OPENED", "ORDER_CLOSED"]}, "set": {"event_kind": "PAYMENT"}},
    {"when": {"eventCode": "AUTHORISATION", "success": "false", "reason": {"prefix": "FRAUD"}},
     "set": {"failure_reason": "RISK_REJECTED", "failure_source": "PSP_RISK"}},
    # Acquirer Error is a technical failure (the payment response's resultCode is
    # Error, not Refused): the notification only says success=false.
    {"when": {"eventCode": "AUTHORISATION", "success": "false", "additionalData.refusalReasonCode": "4"},
     "set": {"status_category": "ERROR"}},
    {"when": {"eventCode": "AUTHORISATION", "success": "false", "reason": "Acquirer Error"},
     "set": {"status_category": "ERROR"}},
    # CANCEL_OR_REFUND refunds a captured payment and cancels an uncaptured one; the webhook says which.
    {"when": {"eventCode": "CANCEL_OR_REFUND", "success": "true", f"^{MODIFICATION_ACTION_KEY}": "refund"},
     "set": {"status_category": "REFUNDED", "event_kind": "REFUND"}},
    {"when": {"eventCode": "MANUAL_REVIEW_REJECT"},
     "set": {"failure_reason": "RISK_REJECTED", "failure_source": "MERCHANT_RISK"}},
]


def _notification(name: str, match: dict, root: str | None) -> dict:
    """A notification item's variant, wherever the item sits (``root``; None for its bare fields)."""
    return {
        "name": name,
        "match": match,
        **({"root": root} if root else {}),
        "fields": {
            # The notification's own pspReference: a REFUND or CHARGEBACK is its own
            # object (originalReference names the payment it modifies).
            "provider_transaction_id": ["pspReference"],
            "status": {"join": ["eventCode", "success"], "sep": "/"},
            "reason_code": ["additionalData.refusalReasonCode", "reason", "additionalData.refusalReasonRaw",
                            "additionalData.acquirerErrorCode"],
            # Legacy form-encoded HTTP POST notifications flatten amount into value/currency.
            "amount": ["amount.value", "value"],
            "currency": ["amount.currency", "currency"],
            "event_time": ["eventDate"],
            "payment_method": ["paymentMethod"],
            "card_brand": ["paymentMethod"],
            "card_country": ["additionalData.cardIssuingCountry"],
            "customer_country": ["additionalData.shopperCountry"],
            "merchant_id": ["merchantAccountCode"],
            # A modification's or dispute's originalReference is the payment's pspReference; an AUTHORISATION,
            # PENDING, OFFER_CLOSED or MANUAL_REVIEW_* has none and is about its own pspReference.
            "attempt_id": ["originalReference", "pspReference"],
            "payment_id": ["additionalData.originalMerchantReference", "merchantReference"],
        },
        "status_map": _NOTIFICATION_STATUSES,
        "rules": _NOTIFICATION_RULES,
    }

# Refusals only a card payment can have (refusal-reasons page; codes and texts).
_CARD_ONLY_CODES = {"5", "6", "8", "17", "18", "19", "24", "25", "33"}
_CARD_ONLY_REFUSALS = [value for code, text, _ in _REFUSALS if code in _CARD_ONLY_CODES for value in (code, text)]

# SOAP messages (module docstring): where the notification sits, and each Classic Payment service response's
# result element with a field every such result has.
_SOAP_NOTIFICATION = "Envelope.Body.sendNotification.notification"
_SOAP_RESULTS = {
    "authoriseResponse": ("paymentResult", "resultCode"),
    "authorise3dResponse": ("paymentResult", "resultCode"),
    "authorise3ds2Response": ("paymentResult", "resultCode"),
    "refundWithDataResponse": ("result", "resultCode"),
    "directdebitResponse": ("response", "resultCode"),
    "captureResponse": ("captureResult", "response"),
    "cancelResponse": ("cancelResult", "response"),
    "refundResponse": ("refundResult", "response"),
    "cancelOrRefundResponse": ("cancelOrRefundResult", "response"),
    "technicalCancelResponse": ("technicalCancelResult", "response"),
    "adjustAuthorisationResponse": ("adjustAuthorisationResult", "response"),
    "authoriseReferralResponse": ("authoriseReferralResult", "response"),
}
# What a SOAP result says beyond its fields: refundWithData is a refund, directdebit a direct debit.
SOAP_OPERATION_KEY = "payobs_soap_operation"
# A Classic (SOAP or JSON /authorise) PaymentResult that failed validation is Refused with the API error code
# written before its message in refusalReason ("102 Unable to determine variant"; codes and messages of
# docs.adyen.com/development-resources/error-codes): prepare() leaves the code here, read through
# _API_ERROR_CODES.
VALIDATION_CODE_KEY = "payobs_validation_error_code"
# Set by prepare() on a payment result whose additionalData carries the boleto's own members (docs.adyen.com/
# payment-methods/boleto-bancario/api-only: the /payments or /authorise response's additionalData
# boletobancario.url, boletobancario.data, boletobancario.dueDate, boletobancario.expirationDate): a boleto payment.
BOLETO_KEY = "payobs_boleto_result"
# A Terminal API PaymentResponse's AdditionalResponse (a URL-encoded key=value string), read by prepare().
TERMINAL_ADDITIONAL_KEY = "payobs_terminal_additional_response"
# An app's backend answer that carries Adyen's /payments answer whole under "payload" (the Karhoo SDK's
# AdyenPaymentsWithCard.json / AdyenPaymentsWith3DS.json: {trip_id, payload: {pspReference, resultCode, ...}}):
# read as the answer it carries (prepare), recognized by the answer's own Adyen-only names.
_WRAPPED_RESULT_SIGNALS = (
    {"path": "payload.resultCode", "in": ["Authorised", "PartiallyAuthorised", "RedirectShopper", "IdentifyShopper",
                                          "ChallengeShopper", "PresentToShopper", "AuthenticationFinished",
                                          "AuthenticationNotRequired"], "weight": 0.3},
    {"path": "payload.pspReference", "exists": True, "weight": 0.3},
    {"path": "payload.action.paymentMethodType", "exists": True, "weight": 0.2},
    {"path": "payload.paymentData", "exists": True, "weight": 0.1},
    {"path": "payload.refusalReason", "exists": True, "weight": 0.2},
)

_VALIDATION_REFUSAL = re.compile(r"^\s*(\d{3})\s+[^\W\d_]")


_TERMINAL_PAYMENT_RESPONSE = {
    # Terminal API PaymentResponse: the outcome is Response.Result; amounts are decimals in major units.
    "name": "terminal_payment_response",
    "match": {"SaleToPOIResponse.PaymentResponse.Response.Result": {"exists": True}},
    "root": "SaleToPOIResponse.PaymentResponse",
    "amount_unit": "major",
    "fields": {
        # AcquirerTransactionID is the PSP reference the webhooks and reports use.
        "provider_transaction_id": ["PaymentResult.PaymentAcquirerData.AcquirerTransactionID.TransactionID",
                                    "POIData.POITransactionID.TransactionID"],
        "status": ["Response.Result"],
        "reason_code": ["Response.ErrorCondition"],
        "amount": ["PaymentResult.AmountsResp.AuthorizedAmount"],
        "currency": ["PaymentResult.AmountsResp.Currency"],
        "event_time": ["POIData.POITransactionID.TimeStamp"],
        "payment_method": ["PaymentResult.PaymentInstrumentData.PaymentInstrumentType"],
        "card_brand": ["PaymentResult.PaymentInstrumentData.CardData.PaymentBrand"],
        "merchant_id": ["PaymentResult.PaymentAcquirerData.MerchantID"],
        # The sale system's reference for the transaction (the merchant's order).
        "payment_id": ["SaleData.SaleTransactionID.TransactionID"],
    },
    "status_map": {"Success": "APPROVED", "Partial": "APPROVED", "Failure": "DECLINED"},
    "reason_map": {"WrongPIN": "AUTHENTICATION_FAILED", "PaymentRestriction": "TRANSACTION_NOT_PERMITTED",
                   "NotAllowed": "TRANSACTION_NOT_PERMITTED",
                   **dict.fromkeys(_TERMINAL_TECHNICAL, "PROCESSING_ERROR")},
    "rules": [
        # The shopper or the operator cancelled on the terminal: abandoned, not declined.
        {"when": {"Response.Result": "Failure", "Response.ErrorCondition": ["Cancel", "Aborted"]},
         "set": {"status_category": "CANCELLED"}},
        {"when": {"Response.Result": "Failure", "Response.ErrorCondition": _TERMINAL_TECHNICAL},
         "set": {"status_category": "ERROR"}},
    ],
}


SPEC = {
    "provider": "adyen",
    "aliases": ["adyen", "adyen_checkout", "adyen_v68", "adyen_v71", "adyen_soap", "adyen_classic",
                # Barclaycard SmartPay: Adyen's platform under Barclaycard's name (module docstring).
                "smartpay", "barclaycard_smartpay", "barclaycardsmartpay", "smartpay_fuse",
                "barclaycard smartpay fuse"],
    "detect": [
        {"path": "pspReference", "exists": True, "weight": 0.6},
        # An API error body: Adyen's errorType vocabulary beside errorCode (error-codes page), or an RFC 7807
        # body whose type is a docs.adyen.com/errors page.
        {"path": "errorType", "in": ["validation", "security", "configuration", "internal"], "weight": 0.1},
        # The ServiceError body's own member names (status, errorCode, message, errorType, pspReference): errorType
        # beside errorCode is Adyen's shape whatever the type's word.
        {"path": "errorType", "exists": True, "weight": 0.3},
        {"path": "errorCode", "exists": True, "weight": 0.2},
        {"path": "type", "prefix": "https://docs.adyen.com/errors", "weight": 0.8},
        # The API front end's error body (see the api_gateway_error variant): the requested URI is an Adyen API path.
        {"path": "error.requested URI", "prefix": ["/checkout/", "/pal/servlet/", "/pal/services/", "/cal/services/",
                                                    "/hpp/", "/ca/services/", "/authe/api/", "/btl/", "/bcl/"],
         "weight": 0.6},
        {"path": "resultCode", "exists": True, "weight": 0.3},
        # Result codes only Adyen's payment results use (docs.adyen.com/online-payments/payment-result-codes: the
        # shopper-action codes and the British "Authorised"): a payment result kept with its resultCode alone.
        {"path": "resultCode", "in": ["Authorised", "PartiallyAuthorised", "RedirectShopper", "IdentifyShopper",
                                      "ChallengeShopper", "PresentToShopper", "AuthenticationFinished",
                                      "AuthenticationNotRequired"], "weight": 0.2},
        {"path": f"{_ITEM}.pspReference", "exists": True, "weight": 0.8},
        {"path": f"{_ITEM}.eventCode", "exists": True, "weight": 0.2},
        {"path": "NotificationRequestItem.pspReference", "exists": True, "weight": 0.8},
        {"path": "merchantAccountCode", "exists": True, "weight": 0.3},
        # A report line parsed from CSV: Adyen's column names.
        {"path": "Psp Reference", "exists": True, "weight": 0.6},
        {"path": "Record Type", "exists": True, "weight": 0.3},
        # Balance Platform / Transfers webhooks (payouts, transfers: refused by prepare()).
        {"path": "type", "prefix": "balancePlatform.", "weight": 0.6},
        {"path": "type", "in": ["ach.notificationOfChange", "eft.notificationOfChange",
                                "DIRECT_DEBIT_NOTICE_OF_CHANGE_NOTIFICATION", "ACH_NOTIFICATION_OF_CHANGE"],
         "weight": 0.6},
        # A Terminal API (in-person, nexo) payment response.
        {"path": "SaleToPOIResponse.PaymentResponse", "exists": True, "weight": 0.5},
        {"path": "SaleToPOIResponse.MessageHeader.POIID", "exists": True, "weight": 0.2},
        # Hosted Payment Pages (HPP, the legacy skin-based redirect) result URL parameters
        # (docs.adyen.com/online-payments/classic-integrations/hosted-payment-pages/hpp-payment-response).
        {"path": "authResult", "in": list(_HPP_RESULTS), "weight": 0.5},
        {"path": "skinCode", "exists": True, "weight": 0.3},
        {"path": "merchantSig", "exists": True, "weight": 0.2},
        # SOAP messages (module docstring): a notification, a Classic Payment service result.
        {"path": f"{_SOAP_NOTIFICATION}.notificationItems.NotificationRequestItem.eventCode", "exists": True,
         "weight": 0.9},
        *({"path": f"Envelope.Body.{operation}.{result}.{key}", "exists": True, "weight": 0.9}
          for operation, (result, key) in _SOAP_RESULTS.items()),
        # Checkout API action objects (docs.adyen.com/api-explorer/Checkout/latest/post/payments, responses
        # action: CheckoutThreeDS2Action, CheckoutRedirectAction, ...): paymentMethodType beside a documented type.
        {"path": "action.paymentMethodType", "exists": True, "weight": 0.2},
        {"path": "action.type", "in": ["threeDS2", "threeDS2Challenge", "threeDS2Fingerprint", "voucher", "qrCode",
                                       "await", "sdk", "bank", "document"], "weight": 0.2},
        # Pay by Link (see _PAYMENT_LINK_HOSTS): the link's URL on Adyen's link host.
        {"path": "url", "prefix": _PAYMENT_LINK_HOSTS, "weight": 0.6},
        # Checkout modification responses (/payments/{paymentPspReference}/captures, refunds, cancels, ...).
        {"path": "paymentPspReference", "exists": True, "weight": 0.4},
        # Classic HTTP Post results (see _from_classic_form), as PHP's form parser stores them and in their own
        # dotted spelling (shape scores read a dotted name at its nested place: mapping.dotted_names_nested).
        {"path": "paymentResult_resultCode", "exists": True, "weight": 0.6},
        {"path": "paymentResult_pspReference", "exists": True, "weight": 0.3},
        {"path": "modificationResult_response", "exists": True, "weight": 0.6},
        {"path": "paymentResult.resultCode", "exists": True, "weight": 0.6},
        {"path": "paymentResult.pspReference", "exists": True, "weight": 0.3},
        {"path": "modificationResult.response", "exists": True, "weight": 0.6},
        # Checkout API redirect return (see _REDIRECT_RETURN_KEYS): the returnUrl's redirectResult, Adyen's own name.
        {"path": "redirectResult", "exists": True, "weight": 0.5},
        *_WRAPPED_RESULT_SIGNALS,
    ],
    "amount_unit": "minor",
    "reason_map": REASONS,
    "reason_fallback": "iso8583",
    "payment_method_map": PAYMENT_METHODS,
    "variants": [
        _notification("notification", {f"{_ITEM}.eventCode": {"exists": True}}, _ITEM),
        _notification("notification_item", {"NotificationRequestItem.eventCode": {"exists": True}},
                      "NotificationRequestItem"),
        _notification("notification_item_fields", {"eventCode": {"exists": True}, "success": {"exists": True}}, None),
        {
            "name": "payment_response",
            "match": {"resultCode": {"exists": True}},
            "fields": {
                "provider_transaction_id": ["pspReference"],
                "status": ["resultCode"],
                # Adyen's refusal code, then the raw acquirer response ("05 : Do not honour"), read through
                # the ISO 8583 table; a specific raw code beats a generic refusal (rules below).
                "reason_code": ["refusalReasonCode", "additionalData.refusalReasonCode", "refusalReason",
                                "additionalData.refusalReasonRaw", "additionalData.acquirerErrorCode"],
                # Voucher methods (OXXO, Konbini...) answer PresentToShopper with the amount in the action.
                "amount": ["amount.value", "action.totalAmount.value", "action.initialAmount.value"],
                "currency": ["amount.currency", "action.totalAmount.currency", "action.initialAmount.currency"],
                "event_time": ["additionalData.authorisationDate", "eventDate", "createdAt"],
                # Classic /authorise responses name the method only in additionalData.
                # additionalData.cardPaymentMethod: "the card payment method used for the transaction", e.g.
                # visa (docs.adyen.com/development-resources/additional-data, card details / Payment additionalData).
                "payment_method": ["paymentMethod.type", "paymentMethod", "additionalData.paymentMethod",
                                   "action.paymentMethodType", "additionalData.cardPaymentMethod"],
                "card_brand": ["paymentMethod.brand", "additionalData.paymentMethod",
                               "additionalData.cardPaymentMethod"],
                "card_country": ["additionalData.cardIssuingCountry"],
                "customer_country": ["additionalData.shopperCountry"],
                "merchant_id": ["merchantAccount"],
                "payment_id": ["merchantReference", "additionalData.merchantReference"],
            },
            "status_map": _RESPONSE_STATUSES,
            "rules": [
                # A shopper who cancels the authentication abandoned the payment.
                {"when": {"resultCode": "Refused", "refusalReasonCode": "16"}, "set": {"status_category": "CANCELLED"}},
                # Cancelled by Adyen's risk checks (refusal-reasons page: 22 FRAUD-CANCELLED, "the transaction was
                # marked as fraudulent and cancelled"): a risk refusal, not a merchant's or shopper's cancellation.
                *({"when": {"resultCode": "Cancelled", path: value}, "set": {"status_category": "DECLINED"}}
                  for path, value in (("refusalReasonCode", "22"), ("additionalData.refusalReasonCode", "22"),
                                      ("refusalReason", "FRAUD-CANCELLED"))),
                # A message that names no method (the Classic /authorise result) but whose refusal only a card can
                # have (refusal-reasons page: card number, expiry, CVC, PIN, card restrictions) was a card payment.
                *({"when": {"resultCode": "Refused", path: _CARD_ONLY_REFUSALS, "paymentMethod": {"exists": False},
                            "additionalData.paymentMethod": {"exists": False}, "action": {"exists": False}},
                   "set": {"payment_method": "CARD"}}
                  for path in ("refusalReasonCode", "refusalReason")),
                {"when": {BOLETO_KEY: True}, "set": {"payment_method": "BOLETO"}},
                # RedirectShopper with paRequest ("the 3D request data for the issuer", PaymentResult page): a card's
                # 3-D Secure authentication at its issuer.
                {"when": {"resultCode": "RedirectShopper", "paRequest": {"exists": True}},
                 "set": {"payment_method": "CARD"}},
                # SOAP refundWithData answers with a PaymentResult: the refund's; directdebit's is a direct debit.
                {"when": {SOAP_OPERATION_KEY: "refundWithDataResponse"}, "set": {"event_kind": "REFUND"}},
                {"when": {SOAP_OPERATION_KEY: "refundWithDataResponse", "resultCode": "Authorised"},
                 "set": {"status_category": "REFUNDED"}},
                {"when": {SOAP_OPERATION_KEY: "directdebitResponse"}, "set": {"payment_method": "DIRECT_DEBIT"}},
                # A validation error code in refusalReason (VALIDATION_CODE_KEY): the request's fault.
                *_code_rules(VALIDATION_CODE_KEY, _API_ERROR_CODES, ()),
            ],
        },
        # POST /sessions answers the session created (id CS..., sessionData for the Drop-in, amount, expiresAt): the
        # checkout set up, no payment attempted yet; its payments come in their own results and webhooks.
        {"name": "checkout_session_created.not_a_payment",
         "match": {"id": {"prefix": "CS"}, "sessionData": {"exists": True}, "resultCode": {"exists": False}},
         "not_a_payment": "an Adyen Checkout session created: no payment attempted yet"},
        {
            "name": "checkout_session_result",
            "match": {"id": {"prefix": "CS"}, "status": {"in": list(_SESSION_RESULTS)}, "resultCode": {"exists": False},
                      "sessionData": {"exists": False}},
            "event_kind": "PAYMENT",
            "fields": {"provider_transaction_id": ["id"], "status": ["status"], "payment_id": ["id"]},
            "status_map": _SESSION_RESULTS,
        },
        {
            "name": "payment_link",
            "match": {"url": {"prefix": _PAYMENT_LINK_HOSTS}, "status": {"in": list(_PAYMENT_LINK_STATUSES)}},
            "event_kind": "PAYMENT",
            "fields": {
                "provider_transaction_id": ["id"],
                "status": ["status"],
                "amount": ["amount.value"],
                "currency": ["amount.currency"],
                "event_time": ["updatedAt"],
                "merchant_id": ["merchantAccount"],
                "customer_country": ["countryCode"],
                "payment_id": ["reference"],
            },
            "status_map": _PAYMENT_LINK_STATUSES,
        },
        {
            # Hosted Payment Pages result URL (see _HPP_RESULTS): pspReference (absent when the shopper
            # cancelled), merchantReference (the merchant's order reference), paymentMethod (brand code),
            # skinCode, merchantSig. No amount, no currency, no refusal reason.
            "name": "hpp_result",
            "match": {"authResult": {"in": list(_HPP_RESULTS)}, "resultCode": {"exists": False}},
            "fields": {
                "provider_transaction_id": ["pspReference"],
                "status": ["authResult"],
                "payment_method": ["paymentMethod"],
                "card_brand": ["paymentMethod"],
                "payment_id": ["merchantReference"],
            },
            "status_map": _HPP_RESULTS,
            "rules": [
                # "An error occurred during the payment processing": a technical failure, not a refusal.
                {"when": {"authResult": "ERROR"}, "set": {"failure_reason": "PROCESSING_ERROR"}},
            ],
        },
        {
            # Classic API modification responses (pal/servlet/Payment capture, cancel, refund, cancelOrRefund,
            # technicalCancel, adjustAuthorisation: ModificationResult {pspReference, response}): response is
            # "[capture-received]", "[cancel-received]", "[refund-received]", ... The request was received;
            # its outcome comes later in the CAPTURE / CANCELLATION / REFUND webhook, so it is PENDING.
            "name": "classic_modification_response",
            "match": {"response": {"in": list(_MODIFICATION_RECEIVED)}, "pspReference": {"exists": True}},
            "fields": {"provider_transaction_id": ["pspReference"], "status": ["response"]},
            "status_map": dict.fromkeys(_MODIFICATION_RECEIVED, "PENDING"),
            "rules": [{"when": {"response": received}, "set": {"event_kind": kind}}
                      for received, kind in _MODIFICATION_RECEIVED.items() if kind],
        },
        {
            # Checkout API modification responses (module docstring): the request was received (status
            # "received", the only documented value); the outcome comes in the CAPTURE / REFUND / CANCELLATION
            # webhook, so it is PENDING. The capture and refund responses have the same required fields: the kind
            # is read from the fields only one of them documents (PaymentRefundResponse: capturePspReference,
            # merchantRefundReason, store; PaymentCaptureResponse: platformChargebackLogic, subMerchants;
            # PaymentAmountUpdateResponse: industryUsage); a response naming neither is read as a capture (an
            # amount with no refund field), the cancel and reversal responses (no amount) as a void.
            "name": "checkout_modification_response",
            "match": {"paymentPspReference": {"exists": True}, "status": "received", "resultCode": {"exists": False}},
            "fields": {
                "provider_transaction_id": ["pspReference"],
                "status": ["status"],
                "amount": ["amount.value"],
                "currency": ["amount.currency"],
                "merchant_id": ["merchantAccount"],
                "attempt_id": ["paymentPspReference"],
                "payment_id": ["reference", "paymentReference"],
            },
            "status_map": {"received": "PENDING"},
            "event_kind": "CAPTURE",
            "rules": [
                {"when": {"amount": {"exists": False}}, "set": {"event_kind": "VOID"}},
                {"when": {"industryUsage": {"exists": True}}, "set": {"event_kind": "AUTHORIZATION"}},
                *({"when": {key: {"exists": True}}, "set": {"event_kind": "REFUND"}}
                  for key in ("capturePspReference", "merchantRefundReason", "store")),
            ],
        },
        {
            # A failed API call's error body: no payment was made.
            "name": "api_error",
            "match": {"errorCode": {"exists": True}, "errorType": {"exists": True}},
            "fields": {
                "provider_transaction_id": ["pspReference"],
                "status": ["errorType"],
                "reason_code": ["errorCode"],
            },
            "status": "ERROR",
            "reason_map": _API_ERROR_CODES,
            "rules": [*_ERROR_TYPE_RULES, *_code_rules("errorCode", _API_ERROR_CODES, ())],
        },
        {
            # The API front end's own error body, sent when the request never reached the service (credentials refused,
            # unknown path, front-end failure): {"error": {"code": <HTTP status>, "message", "requested URI": "/checkout/
            # v41/payments/"}}. Its HTTP status reads as docs.adyen.com/development-resources/response-handling reads
            # any: 401/403 the credentials or permissions, other 4xx the request, 5xx Adyen's side.
            "name": "api_gateway_error",
            "match": {"error.code": {"exists": True}, "error.requested URI": {"exists": True}},
            "fields": {"status": ["error.code"], "reason_code": ["error.code"]},
            "status": "ERROR",
            "rules": [
                {"when": {"error.code": {"prefix": "4"}}, "set": {"failure_reason": "INVALID_REQUEST"}},
                {"when": {"error.code": ["401", "403"]}, "set": {"failure_reason": "CONFIGURATION_ERROR"}},
                {"when": {"error.code": "408"}, "set": {"failure_reason": "TIMEOUT"}},
                {"when": {"error.code": "429"}, "set": {"failure_reason": "PROCESSING_ERROR"}},
                {"when": {"error.code": {"prefix": "5"}}, "set": {"failure_reason": "PROCESSING_ERROR"}},
            ],
        },
        {
            # The RFC 7807 error body of the newer APIs (docs.adyen.com/errors): type is a docs.adyen.com/errors URL.
            "name": "api_problem",
            "match": {"errorCode": {"exists": True}, "type": {"prefix": "https://docs.adyen.com/errors"}},
            "fields": {
                "provider_transaction_id": ["pspReference", "requestId"],
                "status": ["status"],
                "reason_code": ["errorCode"],
            },
            "status": "ERROR",
            "reason_map": _API_ERROR_CODES,
            "rules": [
                *_ERROR_TYPE_RULES,
                {"when": {"type": {"prefix": ["https://docs.adyen.com/errors/validation",
                                              "https://docs.adyen.com/errors/general"]}},
                 "set": {"failure_reason": "INVALID_REQUEST"}},
                {"when": {"type": {"prefix": ["https://docs.adyen.com/errors/security",
                                              "https://docs.adyen.com/errors/forbidden",
                                              "https://docs.adyen.com/errors/permission"]}},
                 "set": {"failure_reason": "CONFIGURATION_ERROR"}},
                *_code_rules("errorCode", _API_ERROR_CODES, ()),
            ],
        },
        # The terminal's AdditionalResponse gives the amount when the response has no AmountsResp (a cancelled or
        # failed payment): posAuthAmountValue in minor units of posAuthAmountCurrency (docs.adyen.com/point-of-sale/
        # add-data, "receive additional data": key-value pairs or a Base64-encoded JSON object; prepare() reads it).
        {**_TERMINAL_PAYMENT_RESPONSE,
         "name": "terminal_payment_response.additional_amount",
         "match": {**_TERMINAL_PAYMENT_RESPONSE["match"],
                   "SaleToPOIResponse.PaymentResponse.PaymentResult.AmountsResp.AuthorizedAmount": {"exists": False},
                   f"{TERMINAL_ADDITIONAL_KEY}.posAuthAmountValue": {"exists": True}},
         "amount_unit": "minor",
         "fields": {**_TERMINAL_PAYMENT_RESPONSE["fields"],
                    "amount": [f"^{TERMINAL_ADDITIONAL_KEY}.posAuthAmountValue"],
                    "currency": [f"^{TERMINAL_ADDITIONAL_KEY}.posAuthAmountCurrency"]}},
        _TERMINAL_PAYMENT_RESPONSE,
        {
            "name": "report_line",
            "match": {"Record Type": {"exists": True}},
            "amount_unit": "major",
            "fields": {
                # Modification Reference is the refund's / chargeback's own reference.
                "provider_transaction_id": ["Modification Reference", "Psp Reference"],
                "status": ["Record Type"],
                "reason_code": ["Refusal Reason"],
                # Settlement details: payments are credits, refunds and chargebacks debits;
                # Payment accounting report: Main Amount.
                "amount": ["Gross Credit (GC)", "Gross Debit (GC)", "Main Amount"],
                "currency": ["Gross Currency", "Main Currency"],
                "event_time": ["Creation Date", "Booking Date"],
                "payment_method": ["Payment Method"],
                "card_brand": ["Payment Method"],
                "merchant_id": ["Merchant Account"],
                # Psp Reference is the payment's; Modification Reference the refund's / chargeback's.
                "attempt_id": ["Psp Reference"],
                "payment_id": ["Merchant Reference"],
            },
            "status_map": _REPORT_STATUSES,
            "rules": _REPORT_KIND_RULES,
        },
    ],
}




# Checkout API redirect return (docs.adyen.com/online-payments/api-only/handling-redirects and .../web-drop-in/
# advanced-use-cases/redirect-result): "the shopper is redirected back to your returnUrl with HTTP GET. The returnUrl
# is appended with a Base64-encoded redirectResult" (GET /?shopperOrder=12xy..&&redirectResult=X6XtfGC3%21Y...); the
# outcome is the resultCode of the POST /payments/details made with it, or the webhook. The return parameters alone
# name the payment and carry no outcome; a row that also holds a result (resultCode, authResult, eventCode) is read.
_RESULT_KEYS = frozenset({"resultCode", "authResult", "eventCode", "notificationItems", "NotificationRequestItem"})


def _with_form_additional_data(body: dict) -> dict:
    """An HTTP POST notification's flat ``additionalData.<key>`` form fields (the form encoding of the item's
    additionalData map, as _names_boleto reads them) nested under additionalData, so refusalReasonRaw and
    refusalReasonCode are read as in the JSON item. Other bodies unchanged."""
    if "eventCode" not in body:
        return body
    flat = {key[len("additionalData."):]: value for key, value in body.items()
            if isinstance(key, str) and key.startswith("additionalData.")}
    if not flat:
        return body
    nested = body.get("additionalData")
    return {**body, "additionalData": {**flat, **(nested if isinstance(nested, dict) else {})}}


def _names_boleto(body: dict) -> bool:
    """additionalData's boletobancario.* entries, nested (JSON, SOAP) or flattened (form: additionalData.boleto...)."""
    extra = body.get("additionalData")
    keys = list(extra) if isinstance(extra, dict) else []
    keys += [key[len("additionalData."):] for key in body if isinstance(key, str) and key.startswith("additionalData.")]
    return any(isinstance(key, str) and key.startswith("boletobancario.") for key in keys)


def prepare(body: Any) -> Any:
    """Refuse rows that are not a shopper's payment; expose CANCEL_OR_REFUND's modification action.

    A REPORT_AVAILABLE, payout or RECURRING_CONTRACT notification, or a Balance Platform webhook
    (transfers, payouts), stays unprocessed with ``NOT_A_PAYMENT_EVENT`` and a detail
    naming it, instead of reaching the heuristic normalizer. Pure: returns a shallow copy when it adds
    a key; the original is untouched.
    """
    if not isinstance(body, dict):
        return body
    wrapped = body.get("payload")
    if "resultCode" not in body and isinstance(wrapped, dict) and "resultCode" in wrapped:
        body = wrapped  # an app's answer carrying Adyen's /payments answer whole (see _WRAPPED_RESULT_SIGNALS)
    if "redirectResult" in body and not _RESULT_KEYS & set(body):
        raise UnmappedPayload(NOTIFICATION_WITHOUT_OUTCOME,
                              "adyen: returnUrl redirectResult only; POST /payments/details gives the resultCode")
    additional = _terminal_additional_response(body)
    if additional:
        return {**body, TERMINAL_ADDITIONAL_KEY: additional}
    envelope = body.get("Envelope")
    if isinstance(envelope, dict):
        body = _from_soap(envelope) or body
    body = _from_classic_form(_with_form_additional_data(body))
    event_type = body.get("type")
    if isinstance(event_type, str) and event_type.startswith("balancePlatform."):
        raise UnmappedPayload(NOT_A_PAYMENT_EVENT, f"adyen: {event_type} is a balance platform event, not a payment")
    if isinstance(event_type, str) and event_type.upper() in NON_PAYMENT_WEBHOOK_TYPES:
        raise UnmappedPayload(NOT_A_PAYMENT_EVENT, f"adyen: {event_type} updates bank account details, not a payment")
    item = _notification_item(body)
    if item is None and "resultCode" in body and _names_boleto(body):
        body = {**body, BOLETO_KEY: True}
    if item is None:
        refusal = body.get("refusalReason") if "resultCode" in body else None
        found = _VALIDATION_REFUSAL.match(refusal) if isinstance(refusal, str) else None
        if found is not None and found.group(1) in _API_ERROR_CODES:
            return {**body, VALIDATION_CODE_KEY: found.group(1)}
        return body
    code = item.get("eventCode")
    if isinstance(code, str) and code.upper() in NON_PAYMENT_EVENT_CODES:
        raise UnmappedPayload(NOT_A_PAYMENT_EVENT, f"adyen: {code} notification is not a payment event")
    extra = item.get("additionalData")
    action = extra.get("modification.action") if isinstance(extra, dict) else None
    return {**body, MODIFICATION_ACTION_KEY: action} if isinstance(action, str) else body


def _terminal_additional_response(body: dict) -> dict[str, Any] | None:
    """A Terminal API PaymentResponse's AdditionalResponse as a dict (key-value pairs, or Base64 JSON additionalData)."""
    response = body.get("SaleToPOIResponse")
    payment = response.get("PaymentResponse") if isinstance(response, dict) else None
    result = payment.get("Response") if isinstance(payment, dict) else None
    text = result.get("AdditionalResponse") if isinstance(result, dict) else None
    if not isinstance(text, str) or not text.strip():
        return None
    if "=" in text:
        return dict(parse_qsl(text.strip(), keep_blank_values=False))
    try:
        decoded = json.loads(base64.b64decode(text.strip(), validate=True).decode("utf-8"))
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    extra = decoded.get("additionalData") if isinstance(decoded, dict) else None
    return {str(k): v for k, v in extra.items()} if isinstance(extra, dict) else None


# The Classic API's HTTP Post interface (pal/adapter/httppost) answers form-encoded: the PaymentResult's fields
# prefixed "paymentResult." (paymentResult.pspReference, paymentResult.resultCode, paymentResult.refusalReason,
# paymentResult.authCode, paymentResult.issuerUrl, paymentResult.md, paymentResult.paRequest, ...) and the
# ModificationResult's "modificationResult." (pspReference, response). Same fields as the SOAP / JSON results
# (docs.adyen.com/api-reference/payments-api/paymentresult/, schemas ModificationResult: response
# "[capture-received]" ... "[cancelOrRefund-received]"). PHP's form parser turns the dot into an underscore
# (paymentResult_resultCode), so both spellings are read.
_CLASSIC_FORM_PREFIXES = ("paymentResult.", "paymentResult_", "modificationResult.", "modificationResult_")


def _from_classic_form(body: dict) -> dict:
    """A Classic HTTP Post result in the JSON shape the variants read (dotted sub-keys nested); else the body."""
    fields: dict[str, Any] = {}
    for key, value in body.items():
        prefix = next((p for p in _CLASSIC_FORM_PREFIXES if isinstance(key, str) and key.startswith(p)), None)
        if prefix is None:
            continue
        name = key[len(prefix):]
        node = fields
        *parents, leaf = name.split(".")
        for parent in parents:
            child = node.get(parent)
            if not isinstance(child, dict):
                child = node[parent] = {}
            node = child
        node[leaf] = value
    if not fields:
        return body
    return {**{k: v for k, v in body.items() if not (isinstance(k, str) and k.startswith(_CLASSIC_FORM_PREFIXES))},
            **fields}


def _notification_item(body: dict) -> dict | None:
    """The NotificationRequestItem wherever the lake row holds it (whole request, one item, or bare fields)."""
    items = body.get("notificationItems")
    if isinstance(items, list) and items and isinstance(items[0], dict):
        item = items[0].get("NotificationRequestItem")
        return item if isinstance(item, dict) else None
    item = body.get("NotificationRequestItem")
    if isinstance(item, dict):
        return item
    return body if "eventCode" in body else None


def _from_soap(envelope: dict) -> dict | None:
    """A SOAP notification or Classic Payment service result in the JSON shape the variants read (or None).

    Namespaces are already dropped by the XML reader; ``xsi:nil`` elements become None and additionalData's
    ``entry`` key/value pairs a plain map, as in the JSON messages.
    """
    soap_body = envelope.get("Body")
    if not isinstance(soap_body, dict):
        return None
    send = soap_body.get("sendNotification")
    if isinstance(send, dict):
        notification = send.get("notification")
        if not isinstance(notification, dict):
            return None
        container = notification.get("notificationItems")
        items = container.get("NotificationRequestItem") if isinstance(container, dict) else None
        items = items if isinstance(items, list) else [items]
        return {"live": _soap_value(notification.get("live")),
                "notificationItems": [{"NotificationRequestItem": _soap_value(item)}
                                      for item in items if isinstance(item, dict)]}
    for operation, (result_key, _) in _SOAP_RESULTS.items():
        response = soap_body.get(operation)
        result = response.get(result_key) if isinstance(response, dict) else None
        if isinstance(result, dict):
            return {**_soap_value(result), SOAP_OPERATION_KEY: operation}
    return None


def _soap_value(node: Any) -> Any:
    """An XML-derived value with xsi:nil as None, attributes dropped, and ``entry`` maps as dicts."""
    if isinstance(node, list):
        return [_soap_value(item) for item in node]
    if not isinstance(node, dict):
        return node
    if "@nil" in node:
        return None
    if "#text" in node:
        return node["#text"]
    entries = node.get("entry")
    if len(node) == 1 and entries is not None:
        pairs = entries if isinstance(entries, list) else [entries]
        return {str(_soap_value(pair.get("key"))): _soap_value(pair.get("value"))
                for pair in pairs if isinstance(pair, dict) and _soap_value(pair.get("key")) is not None}
    return {key: _soap_value(value) for key, value in node.items() if not key.startswith("@")}
