"""PayPal: Orders v2 / Payments v2 objects, REST webhooks, IPN messages and REST error bodies.

Sources (PayPal Developer):
- https://developer.paypal.com/docs/api/orders/v2/ (order status, purchase_units[].payments, payment_source)
- https://developer.paypal.com/docs/api/payments/v2/ (capture, authorization and refund status,
  status_details.reason, processor_response)
- https://developer.paypal.com/api/rest/webhooks/event-names/ (event_type, resource_type)
- https://developer.paypal.com/docs/api/customer-disputes/v1/ (dispute resource)
- https://developer.paypal.com/serversdk/php/models/enumerations/processor-response-code/
  (processor_response.response_code, every code)
- https://developer.paypal.com/api/nvp-soap/ipn/IPNandPDTVariables/ (IPN payment_status, mc_gross)
- https://developer.paypal.com/api/rest/reference/orders/v2/errors/ (error ``details[].issue``) and
  https://developer.paypal.com/api/rest/responses/ (error ``name`` per HTTP status: 400 INVALID_REQUEST,
  401 AUTHENTICATION_FAILURE, 403 NOT_AUTHORIZED, 404 RESOURCE_NOT_FOUND, 422 UNPROCESSABLE_ENTITY,
  429 RATE_LIMIT_REACHED, 500 INTERNAL_SERVER_ERROR, 503 SERVICE_UNAVAILABLE): ERROR events with the issue (else
  the name) as the code; a 422 is a refusal (DECLINED) unless its issue is the request's or the account's fault
- Adaptive Payments Developer Guide (2012), "Instant Payment Notifications" / IPN Guide "Pay Message Variables":
  transaction_type Adaptive Payment PAY / PREAPPROVAL, status CREATED/COMPLETED/INCOMPLETE/ERROR/REVERSALERROR/
  PROCESSING/PENDING, pay_key, transaction[n].id / .status / .amount ("USD 10.00"); a deprecated API whose
  messages older lake rows still hold
- Adaptive Payments API answers (developer.paypal.com/archive/adaptive-payments/api/execute-payment and
  /payment-details; Adaptive Payments Developer Guide, August 2012, PayResponse p. 90 ``paymentExecStatus``
  CREATED/COMPLETED/INCOMPLETE/ERROR/REVERSALERROR/PROCESSING/PENDING, PaymentDetailsResponse p. 118
  ``status`` and paymentInfo ``transactionStatus`` COMPLETED/PENDING/CREATED/PARTIALLY_REFUNDED/DENIED/PROCESSING/
  REVERSED/REFUNDED/FAILED, responseEnvelope ``ack`` Success/Failure/SuccessWithWarning/FailureWithWarning p. 135;
  error ids from the guide's Pay Errors p. 105, ExecutePayment Errors p. 135, PreapprovalDetails Errors p. 189, and
  580022 "validation error messages that deal with errors of supplied parameters" from the Invoicing Service API
  Guide, May 2012, p. 79 (pages read as stored copies on manualshelf.com / manymanuals). PaymentDetails status
  EXPIRED (a pay key not approved within its 3 hours) rests on SDK source (hackage paypal-adaptive-hoops PayStatus
  PeExpired), not on the guide. A Preapproval (PreapprovalDetails: approved, curPayments, maxTotalAmountOfAllPayments,
  status ACTIVE/CANCELED/DEACTIVED) is the sender's standing agreement, no payment
- Billing plans and agreements (developer.paypal.com/docs/api/payments.billing-plans/v1/, billing-agreements/v1/,
  subscriptions/v1/ plans): subscription templates and agreements, no payment
- IPN bodies stored with a line break after each ``&`` (``mc_gross=48.00&\npayment_status=Completed&...``): the
  form encoding of the IPN (IPNandPDTVariables: "form-encoded"), read as form pairs by formats.py
- Return URL parameters: PDT's tx / st / amt / cc (Merchant User Manual and Integration Guide, May 2005, "PDT-Specific
  Variables", stored copy on manualshelf.com; st read as payment_status), Express Checkout's token=EC-... / PayerID and
  Orders v2's token / PayerID (the buyer's return, no outcome: NOTIFICATION_WITHOUT_OUTCOME). A PDT FAIL reply
  ("FAIL" then "Error: 4003") is text no format reads: it stays UNRECOGNIZED_FORMAT (no payment outcome either)
- IPN txn_type (IPNandPDTVariables): adjustment ("a dispute has been resolved and closed") is a dispute stage;
  recurring_payment_failed / _skipped and subscr_failed are declined collections; profile, sign-up and Mass Pay
  types are no payment
- https://developer.paypal.com/api/payments/v2/errors/ (one page per issue, e.g. payer_account_restricted) and
  https://developer.paypal.com/api/handle-payment-failures (Orders v2 failure reasons): the payer-side 422 issues
  (PAYER_ACCOUNT_*, CARD_CLOSED, TRANSACTION_BLOCKED_BY_PAYEE, *_LIMIT_EXCEEDED, PAYMENT_DENIED ...);
  https://developer.paypal.com/api/errors/not-authorized (403 PAYEE_ACCOUNT_NOT_VERIFIED, PAYEE_NOT_CONSENTED);
  developer.paypal.com/api/deprecated/payments/v1/errors/<name> (Payments v1 names its error by what failed:
  credit_card_refused, credit_card_cvv_check_failed, payer_account_restricted, ...; the v1 names beyond the pages
  seen rest on recollection of that reference)
- https://developer.paypal.com/docs/api/subscriptions/v1/ (billing_info.last_failed_payment {amount, time,
  reason_code}: FailedPaymentReason PAYMENT_DENIED ... CURRENCY_MISMATCH) for BILLING.SUBSCRIPTION.PAYMENT.FAILED;
  PAYMENTS.PAYMENT.CREATED carries a v1 payment; INVOICING.* and PAYMENT.REFERENCED-PAYOUT-ITEM.* are no payment
The Classic API (NVP and SOAP responses) has its own modules, paypal_nvp.py and paypal_soap.py (same slug).
- https://developer.paypal.com/docs/api/payments/v1/ (v1 payment ``state`` created/approved/failed,
  ``failure_reason``, ``transactions[].related_resources[]`` sale/authorization/refund with ``state`` and
  ``amount {total, currency}``) and the v1 webhook events PAYMENT.SALE.*, PAYMENT.AUTHORIZATION.*
Amounts are major units as decimal strings (``{"currency_code": "USD", "value": "10.99"}``,
v1 ``{"total": "10.99", "currency": "USD"}``, IPN ``mc_gross``). PayPal states retry advice on a few codes
(5910 not retriable, 5920 and 9100 retriable, PPRN no reattempt); those set the decline type, the rest take the reason's default.

Lifecycle identity (Payments v2 capture/authorization/refund ``supplementary_data.related_ids``: order_id,
authorization_id, capture_id): the payment is the order (v1: the PAY- payment, ``parent_payment``). The attempt
is the authorization when the order's intent is AUTHORIZE (its captures are CAPTURE rows naming
related_ids.authorization_id), else the capture (intent CAPTURE: the capture decides the payment). Refunds name
their capture or authorization in related_ids (v1: sale_id); a v2 refund that only links to its capture (an
``up`` URL) has no attempt_id. An order without any capture or authorization yet is a PAYMENT row.
Adaptive Payments: the payment is the pay key (payKey / pay_key); the attempt is the receiver's transaction id
(PaymentDetails paymentInfo[0].transactionId of a simple payment, IPN transaction[0].id); answers without one
(Pay, ExecutePayment, a parallel payment's details) are PAYMENT rows.
"""

from payobs_pipeline.normalization.mapping import NOTIFICATION_WITHOUT_OUTCOME, UnmappedPayload

_SOFT = "SOFT"
_HARD = "HARD"

# prepare(): an Adaptive Payments Pay message read into plain keys (see _adaptive_payment).
ADAPTIVE_KEY = "_payobs_adaptive_payment"
# Pay Message Variables, status: CREATED "the payment request was received; funds will be transferred once the payment
# is approved", COMPLETED "the payment was successful", INCOMPLETE "some transfers succeeded and some failed for a
# parallel payment or, for a delayed chained payment, secondary receivers have not been paid" (what the payer paid is
# not stated), ERROR "the payment failed and all attempted transfers failed or all completed transfers were
# successfully reversed", REVERSALERROR "one or more transfers failed when attempting to reverse a payment",
# PROCESSING "in progress", PENDING "awaiting processing".
_ADAPTIVE_STATUSES = {"CREATED": "PENDING", "COMPLETED": "APPROVED", "INCOMPLETE": "UNKNOWN", "ERROR": "ERROR",
                      "REVERSALERROR": "ERROR", "PROCESSING": "PENDING", "PENDING": "PENDING"}
# PaymentDetails status: the same words as paymentExecStatus; EXPIRED (the pay key lapsed unapproved: SDK source).
_ADAPTIVE_DETAILS_STATUSES = {**_ADAPTIVE_STATUSES, "EXPIRED": "CANCELLED"}
# Adaptive Payments error ids (errorId in the answer's error[] list, or payErrorList.payError[].error): the
# Developer Guide's Pay, ExecutePayment and PreapprovalDetails error tables (2012).
_ADAPTIVE_ERRORS = {
    "500000": "PROCESSING_ERROR",  # There is a system error
    "520002": "PROCESSING_ERROR",  # Internal error
    "520003": "CONFIGURATION_ERROR",  # Authentication failed. API credentials are incorrect
    "520005": "CONFIGURATION_ERROR",  # Merchant account is locked
    "520006": "CONFIGURATION_ERROR",  # This call is not defined in the database
    "529038": "GENERIC_DECLINE",  # There was an error while making this payment
    "539012": "INVALID_REQUEST",  # The preapproval key has not been authorized yet
    "539041": "TRANSACTION_NOT_PERMITTED",  # account's country not enabled to receive payments
    "539043": "TRANSACTION_NOT_PERMITTED",  # account's country not enabled to send payments
    "540031": "CONFIGURATION_ERROR",  # no permission (to cancel / get these preapproval details)
    "550001": "CONFIGURATION_ERROR",  # User is not allowed to perform this action
    "559044": "TRANSACTION_NOT_PERMITTED",  # Account setting on the receiver prohibited the payment
    "560027": "INVALID_REQUEST",  # The argument value is unsupported
    "569000": "INVALID_REQUEST",  # Split payments are not supported at this time
    "569013": "REVOKED",  # The preapproval key has been canceled
    "569016": "CONFIGURATION_ERROR",  # Preapproval PIN functionality is not enabled
    "569017": "REVOKED",  # The preapproval key has been suspended
    "569018": "TRANSACTION_NOT_PERMITTED",  # Preapproved payments have been disabled
    "569019": {"reason": "AUTHENTICATION_FAILED", "decline_type": _HARD},  # suspended after too many PIN failures
    "569042": "TRANSACTION_NOT_PERMITTED",  # The email account is not confirmed by PayPal
    "579007": "INVALID_REQUEST",  # The maximum number of receivers is <number>
    "579010": "INVALID_REQUEST",  # a preapproval key needs the sender's email address
    "579014": "INVALID_REQUEST",  # the preapproval key names a different sender
    "579017": "INVALID_REQUEST",  # the primary receiver's amount is below the chained receivers' total
    "579024": "TRANSACTION_NOT_PERMITTED",  # preapproval used before its start or after its end date
    "579025": "TRANSACTION_NOT_PERMITTED",  # preapproval not usable on this weekday
    "579026": "TRANSACTION_NOT_PERMITTED",  # preapproval not usable on this day of the month
    "579027": "INVALID_REQUEST",  # the preapproval names a different currency than the payment request
    "580001": "INVALID_REQUEST",  # Invalid request
    "580022": "INVALID_REQUEST",  # validation error of a supplied parameter
    "589019": "INVALID_REQUEST",  # The preapproval key is invalid
}

# processor_response.response_code (card payments), all documented codes.
_PROCESSOR_CODES = {
    "00N7": {"reason": "INCORRECT_CVC", "decline_type": _SOFT},
    "0100": "GENERIC_DECLINE",  # referral
    "0390": "INVALID_CARD_DATA",  # account not found
    "0500": "GENERIC_DECLINE",  # do not honor
    "0580": "TRANSACTION_NOT_PERMITTED",  # unauthorized transaction
    "0800": "PROCESSING_ERROR",  # bad response, reversal required
    "0880": "PROCESSING_ERROR",  # cryptographic failure
    "0890": "AUTHENTICATION_FAILED",  # unacceptable PIN
    "0960": "PROCESSING_ERROR",  # system malfunction
    "0R00": "REVOKED",  # cancelled payment (stop order)
    "10BR": "GENERIC_DECLINE",  # issuer rejected
    "1300": "INVALID_REQUEST",
    "1310": "INVALID_REQUEST",  # invalid amount
    "1312": "TRANSACTION_NOT_PERMITTED",
    "1317": "INVALID_REQUEST",  # invalid capture date
    "1320": "INVALID_REQUEST",  # invalid currency code
    "1330": "INVALID_CARD_DATA",
    "1335": "INVALID_CARD_DATA",
    "1340": "CONFIGURATION_ERROR",  # invalid terminal
    "1350": "CONFIGURATION_ERROR",  # invalid merchant
    "1352": "RESTRICTED_CARD",  # restricted or inactive account
    "1360": "PROCESSING_ERROR",  # bad processing code
    "1370": "CONFIGURATION_ERROR",  # invalid MCC
    "1380": "INVALID_CARD_DATA",  # invalid expiration
    "1382": "INCORRECT_CVC",
    "1384": "INVALID_REQUEST",  # invalid life cycle of transaction
    "1390": "INVALID_REQUEST",  # invalid order
    "1393": "GENERIC_DECLINE",  # transaction cannot be completed
    "5100": "GENERIC_DECLINE",
    "5110": "INCORRECT_CVC",
    "5120": "INSUFFICIENT_FUNDS",
    "5130": "AUTHENTICATION_FAILED",  # invalid PIN
    "5135": {"reason": "AUTHENTICATION_FAILED", "decline_type": _HARD},  # PIN tries exceeded
    "5140": "INVALID_CARD_DATA",  # card closed
    "5150": "LOST_OR_STOLEN_CARD",  # pick up card, special conditions
    "5160": "TRANSACTION_NOT_PERMITTED",  # unauthorized user
    "5170": "INVALID_CARD_DATA",  # AVS failure
    "5180": "RESTRICTED_CARD",  # invalid or restricted card
    "5190": {"reason": "INVALID_CARD_DATA", "decline_type": _SOFT},  # soft AVS
    "5200": "DUPLICATE",
    "5210": "TRANSACTION_NOT_PERMITTED",
    "5400": "EXPIRED_CARD",
    "5500": "AUTHENTICATION_FAILED",  # incorrect PIN, re-enter
    "5650": "AUTHENTICATION_REQUIRED",  # SCA required
    "5700": "TRANSACTION_NOT_PERMITTED",
    "5710": "LIMIT_EXCEEDED",  # attempts exceed limit
    "5800": "PROCESSING_ERROR",  # reversal rejected
    # INVALID_ISSUE ("Invalid issue", processor-response-code enumeration): the issuer refused the card without a
    # stated cause, the advice being that the buyer contact the issuer; no card field is named as wrong.
    "5900": "GENERIC_DECLINE",
    "5910": {"reason": "ISSUER_UNAVAILABLE", "decline_type": _HARD},  # not retriable
    "5920": {"reason": "ISSUER_UNAVAILABLE", "decline_type": _SOFT},  # retriable
    "5930": "RESTRICTED_CARD",  # card not activated
    "5950": {"reason": "INVALID_CARD_DATA", "source": "ISSUER"},  # declined due to updated account
    "6300": "INVALID_CARD_DATA",  # account not on file
    "7600": "UNKNOWN",  # approved non-captured (only seen on a failed capture)
    "7700": {"reason": "AUTHENTICATION_FAILED", "source": "TECHNICAL"},  # 3DS error
    "7710": "AUTHENTICATION_FAILED",
    "7800": "INVALID_CARD_DATA",  # BIN error
    "7900": "AUTHENTICATION_FAILED",  # PIN error
    "8000": "PROCESSING_ERROR",
    "8010": "PROCESSING_ERROR",  # host key error
    "8020": "CONFIGURATION_ERROR",
    "8030": "CONFIGURATION_ERROR",  # unsupported operation
    "8100": "PROCESSING_ERROR",  # fatal communication error
    "8110": "TIMEOUT",  # retriable communication error
    "8220": "PROCESSING_ERROR",  # system unavailable
    "9100": {"reason": "GENERIC_DECLINE", "decline_type": _SOFT},  # declined, please retry
    "9500": "SUSPECTED_FRAUD",
    "9510": "TRANSACTION_NOT_PERMITTED",  # security violation
    "9520": "LOST_OR_STOLEN_CARD",
    "9530": "GENERIC_DECLINE",  # hold, call center
    "9540": "GENERIC_DECLINE",  # refused card
    "9600": "UNKNOWN",  # unrecognized response code
    "PCNR": "AUTHENTICATION_REQUIRED",  # contingencies (3DS) not resolved
    "PCVV": "INCORRECT_CVC",
    "PP06": "INVALID_CARD_DATA",  # account closed
    "PPRN": {"reason": "GENERIC_DECLINE", "decline_type": _HARD},  # reattempt not permitted
    "PPAD": "INVALID_CARD_DATA",  # billing address
    "PPAB": "RESTRICTED_CARD",  # account blocked by issuer
    "PPAE": "CONFIGURATION_ERROR",  # Amex disabled
    "PPAG": "TRANSACTION_NOT_PERMITTED",  # adult gaming unsupported
    "PPAI": "INVALID_REQUEST",  # amount incompatible
    "PPAR": "GENERIC_DECLINE",  # auth result
    "PPAU": "CONFIGURATION_ERROR",  # MCC code
    "PPAV": "INVALID_CARD_DATA",  # ARC AVS
    "PPAX": "LIMIT_EXCEEDED",  # amount exceeded
    "PPBG": "TRANSACTION_NOT_PERMITTED",  # bad gaming
    "PPC2": "INCORRECT_CVC",  # ARC CVV
    "PPCE": "CONFIGURATION_ERROR",  # CE registration incomplete
    "PPCO": "TRANSACTION_NOT_PERMITTED",  # country
    "PPCR": "PROCESSING_ERROR",  # credit error
    "PPCT": "TRANSACTION_NOT_PERMITTED",  # card type unsupported
    "PPCU": "TRANSACTION_NOT_PERMITTED",  # currency used invalid
    "PPD3": "AUTHENTICATION_FAILED",  # 3DS secure error
    "PPDC": "TRANSACTION_NOT_PERMITTED",  # DCC unsupported
    "PPDI": "GENERIC_DECLINE",  # Diners reject
    "PPDV": "GENERIC_DECLINE",  # auth message
    "PPDT": {"reason": "LIMIT_EXCEEDED", "source": "PSP_RISK"},  # decline threshold breach
    "PPEF": "EXPIRED_CARD",  # expired funding instrument
    "PPEL": "LIMIT_EXCEEDED",  # exceeds frequency limit
    "PPER": "PROCESSING_ERROR",  # internal system error
    "PPEX": "INVALID_CARD_DATA",  # expiry date
    "PPFE": "INVALID_REQUEST",  # funding source already exists
    "PPFI": "INVALID_CARD_DATA",  # invalid funding instrument
    "PPFR": "RESTRICTED_CARD",  # restricted funding instrument
    "PPFV": "INVALID_REQUEST",  # field validation failed
    "PPGR": "TRANSACTION_NOT_PERMITTED",  # gaming refund error
    "PPH1": "PROCESSING_ERROR",
    "PPIF": "INVALID_REQUEST",  # idempotency failure
    "PPII": "INVALID_REQUEST",
    "PPIM": "INVALID_REQUEST",  # id mismatch
    "PPIT": "INVALID_REQUEST",  # invalid trace id
    "PPLR": "INVALID_REQUEST",  # late reversal
    "PPLS": "PROCESSING_ERROR",  # large status code
    "PPMB": "CONFIGURATION_ERROR",  # missing business rule or data
    "PPMC": "TRANSACTION_NOT_PERMITTED",  # blocked by Mastercard
    "PPMD": "CONFIGURATION_ERROR",  # deprecated
    "PPNC": "TRANSACTION_NOT_PERMITTED",  # not supported (NRC)
    "PPNL": "LIMIT_EXCEEDED",  # exceeds network frequency limit
    "PPNM": "CONFIGURATION_ERROR",  # no MID found
    "PPNT": "PROCESSING_ERROR",  # network error
    "PPPH": "INVALID_REQUEST",  # no phone for DCC transaction
    "PPPI": "CONFIGURATION_ERROR",  # invalid product
    "PPPM": "TRANSACTION_NOT_PERMITTED",  # invalid payment method
    "PPQC": "TRANSACTION_NOT_PERMITTED",  # quasi cash unsupported
    "PPRE": "INVALID_REQUEST",  # refund on pending balance
    "PPRF": "INVALID_REQUEST",  # invalid parent transaction status
    "PPRR": "CONFIGURATION_ERROR",  # merchant not registered
    **dict.fromkeys(["PPS0", "PPS1", "PPS2", "PPS3", "PPS4", "PPS5", "PPS6"], "INVALID_REQUEST"),  # bank auth row
    "PPSC": {"reason": "RISK_REJECTED", "source": "PSP_RISK"},  # ARC score
    "PPSD": "GENERIC_DECLINE",  # status description
    "PPSE": "GENERIC_DECLINE",  # Amex denied
    "PPTE": "INVALID_REQUEST",  # verification token expired
    "PPTF": "INVALID_REQUEST",  # invalid trace reference
    "PPTI": "INVALID_REQUEST",  # invalid transaction id
    "PPTR": "INVALID_REQUEST",  # verification token revoked
    "PPTT": "TRANSACTION_NOT_PERMITTED",  # transaction type unsupported
    "PPTV": "INVALID_REQUEST",  # invalid verification token
    "PPUA": "CONFIGURATION_ERROR",  # user not authorized
    "PPUC": "TRANSACTION_NOT_PERMITTED",  # currency code unsupported
    **dict.fromkeys(["PPUE", "PPUI", "PPUP", "PPUR"], "TRANSACTION_NOT_PERMITTED"),  # unsupported ...
    "PPVC": "INVALID_REQUEST",  # validate currency
    "PPVE": "INVALID_REQUEST",  # validation error
    "PPVT": "CONFIGURATION_ERROR",  # virtual terminal unsupported
}

# status_details.reason on a capture, and REST error ``details[].issue``.
_ISSUES = {
    # The merchant's Fraud Protection filters declined the capture.
    "DECLINED_BY_RISK_FRAUD_FILTERS": {"reason": "RISK_REJECTED", "source": "MERCHANT_RISK"},
    "INSTRUMENT_DECLINED": "GENERIC_DECLINE",
    "TRANSACTION_REFUSED": "GENERIC_DECLINE",
    "REDIRECT_PAYER_FOR_ALTERNATE_FUNDING": "GENERIC_DECLINE",
    "CARD_EXPIRED": "EXPIRED_CARD",
    "PAYER_ACTION_REQUIRED": "AUTHENTICATION_REQUIRED",
    "MAX_NUMBER_OF_PAYMENT_ATTEMPTS_EXCEEDED": "LIMIT_EXCEEDED",
    "DUPLICATE_INVOICE_ID": "DUPLICATE",
    "CURRENCY_NOT_SUPPORTED": "TRANSACTION_NOT_PERMITTED",
    "COMPLIANCE_VIOLATION": {"reason": "RISK_REJECTED", "source": "PSP_RISK"},
    "PAYEE_ACCOUNT_RESTRICTED": "CONFIGURATION_ERROR",
    "PAYEE_ACCOUNT_LOCKED_OR_CLOSED": "CONFIGURATION_ERROR",
    "PAYER_CANNOT_PAY": "TRANSACTION_NOT_PERMITTED",
    "AMOUNT_MISMATCH": "INVALID_REQUEST",
    "ITEM_TOTAL_MISMATCH": "INVALID_REQUEST",
    "ORDER_ALREADY_CAPTURED": "DUPLICATE",
    "INTERNAL_SERVICE_ERROR": "PROCESSING_ERROR",
    # Orders v2 errors: "The provided payment source cannot be used to pay for the order" (use another one).
    "PAYMENT_SOURCE_CANNOT_BE_USED": "TRANSACTION_NOT_PERMITTED",
    # Payments v2 / Orders v2 422 issues (developer.paypal.com/api/payments/v2/errors/<issue> pages, e.g.
    # payer_account_restricted "Payer account is restricted"; developer.paypal.com/api/handle-payment-failures):
    # the payer's account, card or limits refused the payment.
    "PAYER_ACCOUNT_RESTRICTED": "RESTRICTED_CARD",
    "PAYER_ACCOUNT_LOCKED_OR_CLOSED": "RESTRICTED_CARD",
    "PAYER_COUNTRY_NOT_SUPPORTED": "TRANSACTION_NOT_PERMITTED",
    "CARD_TYPE_NOT_SUPPORTED": "TRANSACTION_NOT_PERMITTED",
    "CARD_CLOSED": "INVALID_CARD_DATA",  # as processor code 5140, card closed
    "PAYMENT_DENIED": "GENERIC_DECLINE",
    "PAYMENT_SOURCE_DECLINED_BY_PROCESSOR": "GENERIC_DECLINE",
    "PAYMENT_SOURCE_INFO_CANNOT_BE_VERIFIED": {"reason": "INVALID_CARD_DATA", "source": "CUSTOMER"},
    "BILLING_ADDRESS_INVALID": {"reason": "INVALID_CARD_DATA", "source": "CUSTOMER"},
    "INVALID_SECURITY_CODE_LENGTH": "INCORRECT_CVC",
    "INVALID_EXPIRY_DATE": "INVALID_CARD_DATA",
    # The payee's Fraud Protection settings blocked it.
    "TRANSACTION_BLOCKED_BY_PAYEE": {"reason": "RISK_REJECTED", "source": "MERCHANT_RISK"},
    "PAYEE_BLOCKED_TRANSACTION": {"reason": "RISK_REJECTED", "source": "MERCHANT_RISK"},
    "TRANSACTION_LIMIT_EXCEEDED": "LIMIT_EXCEEDED",
    "SENDING_LIMIT_EXCEEDED": "LIMIT_EXCEEDED",  # the payer's sending limit
    "TRANSACTION_RECEIVING_LIMIT_EXCEEDED": {"reason": "LIMIT_EXCEEDED", "source": "MERCHANT_CONFIG"},
    "DOMESTIC_TRANSACTION_REQUIRED": "TRANSACTION_NOT_PERMITTED",
    "PREVIOUS_TRANSACTION_REFERENCE_HAS_CHARGEBACK": "TRANSACTION_NOT_PERMITTED",
    # Subscriptions v1 billing_info.last_failed_payment.reason_code (FailedPaymentReason: PAYMENT_DENIED,
    # INTERNAL_SERVER_ERROR, PAYEE_ACCOUNT_RESTRICTED, PAYER_ACCOUNT_RESTRICTED, PAYER_CANNOT_PAY,
    # SENDING_LIMIT_EXCEEDED, TRANSACTION_RECEIVING_LIMIT_EXCEEDED, CURRENCY_MISMATCH).
    "CURRENCY_MISMATCH": "TRANSACTION_NOT_PERMITTED",
    "INTERNAL_SERVER_ERROR": "PROCESSING_ERROR",
}
REASONS = {**_PROCESSOR_CODES, **_ISSUES}

# Capture status (Payments v2), the default reading of a ``status``.
_CAPTURE_STATUSES = {
    "COMPLETED": "APPROVED",
    "PENDING": "PENDING",
    "DECLINED": "DECLINED",
    "FAILED": "ERROR",
    "REFUNDED": "REFUNDED",
    "PARTIALLY_REFUNDED": "REFUNDED",
}
_AUTHORIZATION_STATUSES = {
    "CREATED": "APPROVED",
    "AUTHORIZED": "APPROVED",  # v1 authorization state
    "CAPTURED": "APPROVED",
    "PARTIALLY_CAPTURED": "APPROVED",
    "PENDING": "PENDING",
    "DENIED": "DECLINED",
    "EXPIRED": "CANCELLED",
    "VOIDED": "CANCELLED",
}
# v1 sale state: completed, partially_refunded, pending, refunded, denied.
_SALE_STATUSES = {**_CAPTURE_STATUSES, "DENIED": "DECLINED"}
# v1 payment state (created, approved, failed); the first related transaction's state goes first.
_V1_PAYMENT_STATUSES = {
    **_SALE_STATUSES, **_AUTHORIZATION_STATUSES,
    "CREATED": "PENDING",  # waiting for the payer's approval
    "APPROVED": "APPROVED",
    "FAILED": "DECLINED",  # failure_reason says why (PAYER_CANNOT_PAY ...)
    "CANCELED": "CANCELLED",
}
# Refund status (Payments v2): COMPLETED, PENDING, FAILED, CANCELLED.
_REFUND_STATUSES = {"COMPLETED": "REFUNDED", "PENDING": "PENDING", "FAILED": "DECLINED", "CANCELLED": "CANCELLED"}
# Orders v2: until captured, an order is waiting for the buyer or the merchant.
_ORDER_STATUSES = {
    "CREATED": "PENDING",
    "SAVED": "PENDING",
    "APPROVED": "PENDING",
    "PAYER_ACTION_REQUIRED": "PENDING",
    "VOIDED": "CANCELLED",
    "COMPLETED": "APPROVED",
}
# IPN payment_status.
_IPN_STATUSES = {
    "Completed": "APPROVED",
    "Processed": "APPROVED",
    "Pending": "PENDING",
    "Created": "PENDING",
    "Denied": "DECLINED",
    "Failed": "DECLINED",
    "Expired": "CANCELLED",
    "Voided": "CANCELLED",
    "Refunded": "REFUNDED",
    "Reversed": "CHARGEBACK",
    # A reversal cancelled after the dispute was settled for the seller: still the dispute's life.
    "Canceled_Reversal": "CHARGEBACK",
}
# REST error ``name``: a 422 is a business refusal, the others technical or request errors
# (developer.paypal.com/api/rest/responses/ : 400 INVALID_REQUEST, 401 AUTHENTICATION_FAILURE,
# 403 NOT_AUTHORIZED, 404 RESOURCE_NOT_FOUND, 405 METHOD_NOT_SUPPORTED, 406 MEDIA_TYPE_NOT_ACCEPTABLE,
# 415 UNSUPPORTED_MEDIA_TYPE, 422 UNPROCESSABLE_ENTITY, 429 RATE_LIMIT_REACHED, 500 INTERNAL_SERVER_ERROR,
# 503 SERVICE_UNAVAILABLE; Payments v1 also VALIDATION_ERROR and TRANSACTION_REFUSED).
_ERROR_NAMES = {
    "UNPROCESSABLE_ENTITY": "DECLINED",
    "INSTRUMENT_DECLINED": "DECLINED",
    "TRANSACTION_REFUSED": "DECLINED",
    "INVALID_REQUEST": "ERROR",
    "VALIDATION_ERROR": "ERROR",
    "INTERNAL_SERVER_ERROR": "ERROR",
    "SERVICE_UNAVAILABLE": "ERROR",
    "AUTHENTICATION_FAILURE": "ERROR",
    "NOT_AUTHORIZED": "ERROR",
    "PERMISSION_DENIED": "ERROR",
    "RESOURCE_NOT_FOUND": "ERROR",
    "METHOD_NOT_SUPPORTED": "ERROR",
    "MEDIA_TYPE_NOT_ACCEPTABLE": "ERROR",
    "UNSUPPORTED_MEDIA_TYPE": "ERROR",
    "RATE_LIMIT_REACHED": "ERROR",
    # Payouts API (developer.paypal.com/api/payments.payouts-batch/v1/errors/user_business_error): "An error
    # occurred while processing this payout request. For batch processing, try again with a different
    # sender_batch_ID": the request is refused, nothing was paid.
    "USER_BUSINESS_ERROR": "ERROR",
    # Payments v1 names its errors by what failed (developer.paypal.com/api/deprecated/payments/v1/errors/<name>:
    # credit_card_refused "Credit card was refused", credit_card_cvv_check_failed, payer_account_restricted, ...):
    # the payer's card or account refused, or the request / the payment's state was wrong.
    **dict.fromkeys(["CREDIT_CARD_REFUSED", "CREDIT_CARD_CVV_CHECK_FAILED", "EXPIRED_CREDIT_CARD", "INSUFFICIENT_FUNDS",
                     "PAYER_ACCOUNT_RESTRICTED", "PAYER_ACCOUNT_LOCKED_OR_CLOSED", "PAYER_CANNOT_PAY",
                     "TRANSACTION_LIMIT_EXCEEDED", "TRANSACTION_REFUSED_BY_PAYPAL_RISK",
                     "TRANSACTION_REFUSED_PAYEE_PREFERENCE", "CANNOT_PAY_THIS_PAYEE",
                     "MAX_NUMBER_OF_PAYMENT_ATTEMPTS_EXCEEDED", "REDIRECT_PAYER_FOR_ALTERNATE_FUNDING"], "DECLINED"),
    **dict.fromkeys(["DUPLICATE_TRANSACTION", "DUPLICATE_REQUEST_ID", "PAYMENT_ALREADY_DONE",
                     "PAYMENT_APPROVAL_EXPIRED", "PAYMENT_EXPIRED", "PAYMENT_NOT_APPROVED_FOR_EXECUTION",
                     "PAYMENT_STATE_INVALID",
                     "AUTHORIZATION_EXPIRED", "AUTHORIZATION_VOIDED", "AUTHORIZATION_ALREADY_COMPLETED",
                     "AMOUNT_MISMATCH", "REFUND_EXCEEDED_TRANSACTION_AMOUNT", "REFUND_TIME_LIMIT_EXCEEDED",
                     "TRANSACTION_ALREADY_REFUNDED", "FULL_REFUND_NOT_ALLOWED_AFTER_PARTIAL_REFUND",
                     "MALFORMED_REQUEST", "INVALID_RESOURCE_ID", "PAYEE_ACCOUNT_RESTRICTED",
                     "PAYEE_ACCOUNT_LOCKED_OR_CLOSED", "PAYEE_ACCOUNT_INVALID", "REQUIRED_SCOPE_MISSING",
                     "INTERNAL_SERVICE_ERROR"], "ERROR"),
}
# The error ``name`` as the reason when no ``details[].issue`` says more.
_ERROR_NAME_REASONS = {
    "INVALID_REQUEST": "INVALID_REQUEST",
    "VALIDATION_ERROR": "INVALID_REQUEST",
    "MALFORMED_REQUEST": "INVALID_REQUEST",
    "RESOURCE_NOT_FOUND": "INVALID_REQUEST",
    "METHOD_NOT_SUPPORTED": "INVALID_REQUEST",
    "MEDIA_TYPE_NOT_ACCEPTABLE": "INVALID_REQUEST",
    "UNSUPPORTED_MEDIA_TYPE": "INVALID_REQUEST",
    "AUTHENTICATION_FAILURE": "CONFIGURATION_ERROR",
    "NOT_AUTHORIZED": "CONFIGURATION_ERROR",
    "PERMISSION_DENIED": "CONFIGURATION_ERROR",
    "INTERNAL_SERVER_ERROR": "PROCESSING_ERROR",
    "SERVICE_UNAVAILABLE": "PROCESSING_ERROR",
    "RATE_LIMIT_REACHED": "PROCESSING_ERROR",
    "USER_BUSINESS_ERROR": "INVALID_REQUEST",
    # Payments v1 error names (the rest are issues REASONS already reads).
    "CREDIT_CARD_REFUSED": "GENERIC_DECLINE",
    "CREDIT_CARD_CVV_CHECK_FAILED": "INCORRECT_CVC",
    "EXPIRED_CREDIT_CARD": "EXPIRED_CARD",
    "INSUFFICIENT_FUNDS": "INSUFFICIENT_FUNDS",
    "TRANSACTION_REFUSED_BY_PAYPAL_RISK": {"reason": "RISK_REJECTED", "source": "PSP_RISK"},
    "TRANSACTION_REFUSED_PAYEE_PREFERENCE": {"reason": "TRANSACTION_NOT_PERMITTED", "source": "MERCHANT_CONFIG"},
    "CANNOT_PAY_THIS_PAYEE": "TRANSACTION_NOT_PERMITTED",
    "DUPLICATE_TRANSACTION": "DUPLICATE",
    "DUPLICATE_REQUEST_ID": "DUPLICATE",
    "PAYMENT_ALREADY_DONE": "DUPLICATE",
    **dict.fromkeys(["PAYMENT_APPROVAL_EXPIRED", "PAYMENT_EXPIRED", "PAYMENT_NOT_APPROVED_FOR_EXECUTION",
                     "PAYMENT_STATE_INVALID", "AUTHORIZATION_EXPIRED", "AUTHORIZATION_VOIDED",
                     "AUTHORIZATION_ALREADY_COMPLETED", "REFUND_EXCEEDED_TRANSACTION_AMOUNT",
                     "REFUND_TIME_LIMIT_EXCEEDED", "TRANSACTION_ALREADY_REFUNDED",
                     "FULL_REFUND_NOT_ALLOWED_AFTER_PARTIAL_REFUND", "INVALID_RESOURCE_ID"], "INVALID_REQUEST"),
    **dict.fromkeys(["PAYEE_ACCOUNT_INVALID", "REQUIRED_SCOPE_MISSING"], "CONFIGURATION_ERROR"),
}
# details[].issue of 400/422 bodies that are the request's or the account's fault, not a refusal of the payer
# (developer.paypal.com/api/rest/reference/orders/v2/errors/).
_REQUEST_ISSUES = {
    **dict.fromkeys(["INVALID_PARAMETER_VALUE", "INVALID_PARAMETER_SYNTAX", "MISSING_REQUIRED_PARAMETER",
                     "INVALID_STRING_LENGTH", "INVALID_STRING_MAX_LENGTH", "INVALID_STRING_MIN_LENGTH",
                     "MALFORMED_REQUEST_JSON", "INVALID_ARRAY_MAX_ITEMS", "INVALID_ARRAY_MIN_ITEMS",
                     "INVALID_RESOURCE_ID", "INVALID_CURRENCY_CODE", "DECIMAL_PRECISION", "DECIMALS_NOT_SUPPORTED",
                     "CANNOT_BE_ZERO_OR_NEGATIVE", "CANNOT_BE_NEGATIVE", "ORDER_NOT_APPROVED", "ORDER_ALREADY_COMPLETED",
                     "ORDER_EXPIRED", "AUTHORIZATION_EXPIRED", "AUTHORIZATION_VOIDED", "AUTHORIZATION_ALREADY_CAPTURED",
                     "PREVIOUSLY_VOIDED", "MAX_CAPTURE_AMOUNT_EXCEEDED", "MAX_CAPTURE_COUNT_EXCEEDED",
                     "ACTION_DOES_NOT_MATCH_INTENT", "MISMATCHED_BRAND", "TAX_TOTAL_MISMATCH", "SHIPPING_ADDRESS_INVALID",
                     "DUPLICATE_REFERENCE_ID", "REFUND_AMOUNT_EXCEEDED", "CAPTURE_FULLY_REFUNDED", "REFUND_TIME_LIMIT_EXCEEDED"],
                    "INVALID_REQUEST"),
    **dict.fromkeys(["PERMISSION_DENIED", "NOT_AUTHORIZED", "PAYEE_NOT_ENABLED_FOR_CARD_PROCESSING",
                     "AUTH_CAPTURE_NOT_ENABLED", "CONSENT_NEEDED", "PAYEE_ACCOUNT_INVALID", "INVALID_ACCOUNT_STATUS",
                     "PAYEE_ACCOUNT_RESTRICTED", "PAYEE_ACCOUNT_LOCKED_OR_CLOSED",
                     # 403 (developer.paypal.com/api/errors/not-authorized): the payee's account or consent.
                     "PAYEE_ACCOUNT_NOT_VERIFIED", "PAYEE_NOT_CONSENTED"], "CONFIGURATION_ERROR"),
    "INTERNAL_SERVICE_ERROR": "PROCESSING_ERROR",
    "DUPLICATE_INVOICE_ID": "DUPLICATE",
    "ORDER_ALREADY_CAPTURED": "DUPLICATE",
    "PREVIOUSLY_CAPTURED": "DUPLICATE",
}
# An error body's information_link points into the API reference.
_ERROR_LINKS = ("https://developer.paypal.com/docs/api/", "https://developer.paypal.com/api/rest/")
_API_ERROR_RULES = [
    {"when": {"details.0.issue": list(_REQUEST_ISSUES)}, "set": {"status_category": "ERROR"}},
    # "PayPal does not process duplicate payouts. If you specify a sender_batch_id that was used in the last 30
    # days, the API rejects the request" (developer.paypal.com/api/payments.payouts-batch/v1/payouts-post): a
    # USER_BUSINESS_ERROR on the field SENDER_BATCH_ID is that repeat.
    {"when": {"name": "USER_BUSINESS_ERROR", "details.0.field": "SENDER_BATCH_ID"}, "set": {"failure_reason": "DUPLICATE"}},
]
_API_ERROR_REASONS = {**_ERROR_NAME_REASONS, **{k: v for k, v in _REQUEST_ISSUES.items() if k not in REASONS}}

# payment_source keys of an order, by method family.
_SOURCE_METHODS = {
    "card": "CARD",
    **dict.fromkeys(["paypal", "venmo", "apple_pay", "google_pay"], "WALLET"),
    **dict.fromkeys(["ideal", "bancontact", "blik", "eps", "giropay", "mybank", "p24", "sofort", "trustly"],
                    "BANK_TRANSFER"),
    "oxxo": "CASH_VOUCHER",
    "boletobancario": "BOLETO",
    "pay_upon_invoice": "BNPL",
}

_HOSTS = ("https://api.paypal.com", "https://api-m.paypal.com", "https://api.sandbox.paypal.com",
          "https://api-m.sandbox.paypal.com")


def _self_link(resource: str) -> dict:
    """A payments v2 object is told by its own link (``/v2/payments/captures/...``)."""
    return {"links.0.href": {"prefix": [f"{host}/v2/payments/{resource}/" for host in _HOSTS]}}


_RELATED = "supplementary_data.related_ids"
# Set by prepare() on a Payments v2 capture whose HATEOAS ``up`` link names the authorization it was captured
# against (/v2/payments/authorizations/{id}): that authorization's id.
UP_AUTHORIZATION_KEY = "_payobs_up_authorization_id"
_BASE_FIELDS = {
    "provider_transaction_id": ["id"],
    # v2 objects say ``status``, v1 ones (sale, refund, authorization) ``state``.
    "status": ["status", "state"],
    "reason_code": ["processor_response.response_code", "status_details.reason"],
    "amount": ["amount.value", "amount.total"],
    "currency": ["amount.currency_code", "amount.currency"],
    "event_time": ["update_time", "create_time", "^create_time"],
    "payment_id": [f"{_RELATED}.order_id", "parent_payment"],
}
# A capture of an authorization (intent AUTHORIZE) belongs to the authorization's attempt; a v1 sale
# refunded or reversed (resource_type sale/refund) names its sale in sale_id.
_CAPTURE_FIELDS = {**_BASE_FIELDS, "attempt_id": [f"{_RELATED}.authorization_id", UP_AUTHORIZATION_KEY, "sale_id", "id"]}
_REFUND_FIELDS = {**_BASE_FIELDS, "attempt_id": [f"{_RELATED}.authorization_id", f"{_RELATED}.capture_id", "sale_id",
                                                 "capture_id"]}
_AUTHORIZATION_FIELDS = {**_BASE_FIELDS, "attempt_id": ["id"]}
_AUTHORIZATION_RULES = [
    # A voided or expired authorization was approved and released uncaptured.
    {"when": {"status": ["VOIDED", "EXPIRED"]}, "set": {"event_kind": "VOID"}},
    {"when": {"state": ["voided", "expired"]}, "set": {"event_kind": "VOID"}},
]
_CAPTURE_KIND_RULES = [
    # Capturing an authorization (intent AUTHORIZE) confirms it; a refunded capture is about its refund.
    {"when": {f"{_RELATED}.authorization_id": {"exists": True}}, "set": {"event_kind": "CAPTURE"}},
    # final_capture false: "you intend to capture additional payments against the authorization" (Payments v2 capture
    # object): a partial capture of an authorization, a separate capture even when related_ids is not kept.
    {"when": {"final_capture": False}, "set": {"event_kind": "CAPTURE"}},
    # The capture's "up" link names the authorization it captured (Payments v2 capture links: self, refund, up).
    {"when": {UP_AUTHORIZATION_KEY: {"exists": True}}, "set": {"event_kind": "CAPTURE"}},
    {"when": {"status": ["REFUNDED", "PARTIALLY_REFUNDED"]}, "set": {"event_kind": "REFUND"}},
]
_MONEY_RULES = [
    # Funds held because the buyer disputed the payment.
    {"when": {"status": "PENDING", "status_details.reason": ["CHARGEBACK", "BUYER_COMPLAINT"]},
     "set": {"status_category": "CHARGEBACK", "event_kind": "DISPUTE"}},
    {"when": {"status_details.reason": "DECLINED_BY_RISK_FRAUD_FILTERS"}, "set": {"status_category": "DECLINED"}},
    {"when": {"^event_type": ["PAYMENT.CAPTURE.REVERSED", "PAYMENT.SALE.REVERSED"]},
     "set": {"status_category": "CHARGEBACK", "event_kind": "DISPUTE"}},
    # v1 sends the refund of a sale as resource_type "sale": the event says what happened.
    {"when": {"^event_type": "PAYMENT.SALE.REFUNDED"}, "set": {"status_category": "REFUNDED", "event_kind": "REFUND"}},
    # processor_response is only given "for direct credit card transactions" (Payments v2 capture object).
    {"when": {"processor_response": {"exists": True}}, "set": {"payment_method": "CARD"}},
]
_CAPTURE_RULES = [*_CAPTURE_KIND_RULES, *_MONEY_RULES]
_DISPUTE_FIELDS = {
    # The dispute is its own transaction (the disputed capture is its parent, like a refund's).
    "provider_transaction_id": ["dispute_id", "disputed_transactions.0.seller_transaction_id"],
    # A dispute at any stage is CHARGEBACK; its stage and status stay in raw_status (docs/taxonomy.md, DISPUTE).
    "status": {"join": ["dispute_life_cycle_stage", "status"], "sep": "/"},
    "reason_code": ["reason"],
    "amount": ["dispute_amount.value"],
    "currency": ["dispute_amount.currency_code"],
    "event_time": ["update_time", "create_time", "^create_time"],
    # The disputed transaction (a capture or sale) is the attempt when the payment was captured at once.
    "attempt_id": ["disputed_transactions.0.seller_transaction_id"],
    "dispute_id": ["dispute_id"],
}

_CAPTURES = "purchase_units.0.payments.captures.0"
_AUTHORIZATIONS = "purchase_units.0.payments.authorizations.0"
_ORDER_FIELDS = {
    "provider_transaction_id": [f"{_CAPTURES}.id", f"{_AUTHORIZATIONS}.id", "id", "order_id"],
    "status": ["status"],
    "reason_code": [f"{_CAPTURES}.processor_response.response_code",
                    f"{_AUTHORIZATIONS}.processor_response.response_code", f"{_CAPTURES}.status_details.reason",
                    # Orders v2 purchase_unit.most_recent_errors: the errors of the latest payment attempt.
                    "purchase_units.0.most_recent_errors.0.issue"],
    "amount": [f"{_CAPTURES}.amount.value", f"{_AUTHORIZATIONS}.amount.value", "purchase_units.0.amount.value"],
    "currency": [f"{_CAPTURES}.amount.currency_code", f"{_AUTHORIZATIONS}.amount.currency_code",
                 "purchase_units.0.amount.currency_code"],
    "event_time": ["update_time", "create_time", "^create_time"],
    # Apple Pay and Google Pay carry the card they tokenized.
    "card_brand": ["payment_source.card.brand", "payment_source.apple_pay.card.brand",
                   "payment_source.google_pay.card.brand"],
    "customer_country": ["payer.address.country_code", "payment_source.paypal.address.country_code",
                         "purchase_units.0.shipping.address.country_code"],
    # The authorization (intent AUTHORIZE) or else the capture (intent CAPTURE) is the attempt.
    "attempt_id": [f"{_AUTHORIZATIONS}.id", f"{_CAPTURES}.id"],
    "payment_id": ["id", "order_id"],
}
_ORDER_RULES = [
    # The buyer's approval was reversed after the fact: the order will never be captured (no status is sent).
    {"when": {"^event_type": "CHECKOUT.PAYMENT-APPROVAL.REVERSED"}, "set": {"status_category": "CANCELLED"}},
    # CHECKOUT.ORDER.DECLINED (webhooks event-names, alternative payment methods): the payer's payment for the
    # order was declined; the order itself may still say PAYER_ACTION_REQUIRED.
    {"when": {"^event_type": "CHECKOUT.ORDER.DECLINED"}, "set": {"status_category": "DECLINED"}},
    # The order says COMPLETED even when its capture was declined: the capture decides.
    *({"when": {f"{_AUTHORIZATIONS}.status": s}, "set": {"status_category": c}}
      for s, c in _AUTHORIZATION_STATUSES.items()),
    *({"when": {f"{_CAPTURES}.status": s}, "set": {"status_category": c}} for s, c in _CAPTURE_STATUSES.items()),
    {"when": {f"{_CAPTURES}.status_details.reason": "DECLINED_BY_RISK_FRAUD_FILTERS"},
     "set": {"status_category": "DECLINED"}},
    *({"when": {f"payment_source.{key}": {"exists": True}}, "set": {"payment_method": method}}
      for key, method in _SOURCE_METHODS.items()),
    # Kind: an order naming no capture or authorization yet is the payment's state (CREATED, APPROVED ...);
    # an authorized order's capture confirms the authorization; a refunded capture is about its refund.
    {"when": {f"{_CAPTURES}.id": {"exists": False}, f"{_AUTHORIZATIONS}.id": {"exists": False}},
     "set": {"event_kind": "PAYMENT"}},
    {"when": {f"{_AUTHORIZATIONS}.id": {"exists": True}, f"{_CAPTURES}.id": {"exists": True}},
     "set": {"event_kind": "CAPTURE"}},
    {"when": {f"{_CAPTURES}.status": ["REFUNDED", "PARTIALLY_REFUNDED"]}, "set": {"event_kind": "REFUND"}},
    {"when": {f"{_AUTHORIZATIONS}.status": ["VOIDED", "EXPIRED"], f"{_CAPTURES}.id": {"exists": False}},
     "set": {"event_kind": "VOID"}},
]


_V1_RELATED = "transactions.0.related_resources.0"
_V1_PAYMENT_FIELDS = {
    # The sale (or authorization) is the money movement, as a v2 order's capture is.
    "provider_transaction_id": [f"{_V1_RELATED}.sale.id", f"{_V1_RELATED}.authorization.id", "id"],
    "status": [f"{_V1_RELATED}.sale.state", f"{_V1_RELATED}.authorization.state", "state"],
    "reason_code": ["failure_reason", f"{_V1_RELATED}.sale.reason_code"],
    "amount": ["transactions.0.amount.total"],
    "currency": ["transactions.0.amount.currency"],
    "event_time": ["update_time", "create_time"],
    "payment_method": ["payer.payment_method"],
    "card_brand": ["payer.funding_instruments.0.credit_card.type",
                   "payer.funding_instruments.0.credit_card_token.type"],
    "customer_country": ["payer.payer_info.country_code", "payer.payer_info.shipping_address.country_code"],
    "attempt_id": [f"{_V1_RELATED}.authorization.id", f"{_V1_RELATED}.sale.id"],
    "payment_id": ["id"],
}
_V1_PAYMENT_RULES = [
    # created (awaiting the payer) or approved before any sale or authorization: the payment's state. A failed
    # payment (failure_reason) is the attempt's decline, the PAY- payment standing for its attempt.
    {"when": {"state": ["created", "approved", "canceled", "expired"], f"{_V1_RELATED}.sale.id": {"exists": False},
              f"{_V1_RELATED}.authorization.id": {"exists": False}},
     "set": {"event_kind": "PAYMENT"}},
]
# v1 payer.payment_method.
_V1_PAYMENT_METHODS = {"paypal": "WALLET", "credit_card": "CARD", "pay_upon_invoice": "BNPL", "bank": "BANK_TRANSFER",
                       "carrier": "OTHER", "alternate_payment": "OTHER"}


def _v1_self_link(resource: str) -> dict:
    """A bare v1 object is told by its own link (``/v1/payments/sale/...``)."""
    return {"links.0.href": {"prefix": [f"{host}/v1/payments/{resource}/" for host in _HOSTS]}}


# Webhook events about things other than a payment: payouts the merchant sends, subscriptions and
# plans being set up, vaulted tokens, catalog products, onboarding (webhooks event-names page).
_NOT_PAYMENT_EVENTS = [
    "BILLING.SUBSCRIPTION.CREATED", "BILLING.SUBSCRIPTION.ACTIVATED", "BILLING.SUBSCRIPTION.UPDATED",
    "BILLING.SUBSCRIPTION.EXPIRED", "BILLING.SUBSCRIPTION.CANCELLED", "BILLING.SUBSCRIPTION.SUSPENDED",
    "BILLING.SUBSCRIPTION.RE-ACTIVATED",
]
_NOT_PAYMENT_EVENT_PREFIXES = ["PAYMENT.PAYOUTS", "BILLING.PLAN.", "VAULT.", "CATALOG.", "MERCHANT.", "IDENTITY.",
                               "CUSTOMER.MERCHANT-INTEGRATION.", "CUSTOMER.ACCOUNT-",
                               # Invoicing (INVOICING.INVOICE.*: the invoice's payment has its own capture or sale
                               # events) and referenced payouts to sellers (PAYMENT.REFERENCED-PAYOUT-ITEM.*).
                               "INVOICING.", "PAYMENT.REFERENCED-PAYOUT-ITEM."]
# IPN txn_type values that are not a payment received: Mass Pay sent, billing agreements and
# subscription sign-ups/cancellations (IPNandPDTVariables).
_NOT_PAYMENT_IPN_TYPES = ["masspay", "payout", "mp_signup", "mp_cancel", "subscr_signup", "subscr_cancel",
                          "subscr_modify", "subscr_eot", "recurring_payment_profile_created",
                          "recurring_payment_profile_cancel",
                          # a recurring payments profile that expired or was suspended: no money moved
                          "recurring_payment_expired", "recurring_payment_suspended",
                          # the profile suspended after too many failures: the failures had their own IPNs
                          "recurring_payment_suspended_due_to_max_failed_payment"]
_NOT_A_PAYMENT = "a PayPal payout, subscription set-up, vault or account event, not a payment"


def _webhook(resource_type: str, **variant) -> dict:
    """A REST webhook event around one resource (``resource_type`` says which)."""
    return {"name": f"webhook.{resource_type}", "root": "resource",
            "match": {"event_type": {"exists": True}, "resource_type": resource_type}, **variant}


_IPN = {
    # Instant Payment Notification: form-encoded, PayPal-account payments.
    "name": "ipn",
    "match": {"txn_id": {"exists": True}, "payment_status": {"exists": True}},
    "fields": {
        # A refund or reversal names the payment it undoes in parent_txn_id.
        "provider_transaction_id": ["parent_txn_id", "txn_id"],
        "status": ["payment_status"],
        "reason_code": ["reason_code"],
        "amount": ["mc_gross"],
        "currency": ["mc_currency"],
        "event_time": ["payment_date"],
        "customer_country": ["residence_country", "address_country_code"],
        "merchant_id": ["receiver_id"],
        # A refund, reversal or capture names the payment (or authorization) it follows in parent_txn_id.
        "attempt_id": ["parent_txn_id", "txn_id"],
    },
    "status_map": _IPN_STATUSES,
    "default_payment_method": "WALLET",
    "rules": [
        # IPNandPDTVariables: Voided / Expired are an authorization's; a Completed payment of an
        # authorization (auth_id, parent_txn_id) is its capture.
        {"when": {"payment_status": ["Voided", "Expired"]}, "set": {"event_kind": "VOID"}},
        {"when": {"payment_status": "Completed", "auth_id": {"exists": True},
                  "parent_txn_id": {"exists": True}},
         "set": {"event_kind": "CAPTURE"}},
        # Denied: the merchant refused a payment its Fraud Management Filters held for review.
        {"when": {"payment_status": "Denied"},
         "set": {"failure_reason": "RISK_REJECTED", "failure_source": "MERCHANT_RISK"}},
        {"when": {"payment_type": "echeck"}, "set": {"payment_method": "BANK_TRANSFER"}},
    ],
}


SPEC = {
    "provider": "paypal",
    "aliases": ["paypal", "paypal_rest", "paypal_checkout", "paypal_ipn", "paypal_v2", "pp"],
    "detect": [
        {"path": "id", "prefix": "WH-", "weight": 0.5},
        {"path": "resource_type", "exists": True, "weight": 0.3},
        {"path": "event_version", "exists": True, "weight": 0.2},
        {"path": "links.0.href", "prefix": list(_HOSTS), "weight": 0.6},
        {"path": "purchase_units", "exists": True, "weight": 0.4},
        # Orders v2 purchase_unit.payments (captures, authorizations, refunds: developer.paypal.com/docs/api/
        # orders/v2/): the order after its payment.
        {"path": "purchase_units.0.payments", "exists": True, "weight": 0.2},
        # Payments v2 refund: seller_payable_breakdown.total_refunded_amount is PayPal's own member.
        {"path": "seller_payable_breakdown.total_refunded_amount", "exists": True, "weight": 0.5},
        # An order webhook stored without resource_type / id: the Orders v2 event name and resource.
        {"path": "event_type", "prefix": ["CHECKOUT.ORDER.", "CHECKOUT.PAYMENT-APPROVAL."], "weight": 0.4},
        {"path": "resource.purchase_units", "exists": True, "weight": 0.3},
        {"path": "intent", "in": ["CAPTURE", "AUTHORIZE", "SALE"], "weight": 0.2},
        # v1 payment: transactions[].amount.total beside a payer.payment_method.
        {"path": "transactions.0.amount.total", "exists": True, "weight": 0.2},
        # v1 sale/authorization/capture/refund: the parent payment is PayPal's PAY- id (payments v1 reference);
        # protection_eligibility is PayPal's Seller Protection word.
        # Payments created since 2018 are named PAYID-... (the same v1 payment id, its newer spelling).
        {"path": "parent_payment", "prefix": ["PAY-", "PAYID-"], "weight": 0.5},
        {"path": "resource.parent_payment", "prefix": ["PAY-", "PAYID-"], "weight": 0.3},
        # Customer Disputes v1 dispute resource (developer.paypal.com/docs/api/customer-disputes/v1/): dispute ids
        # PP-D-... (older PP-000-...), dispute_life_cycle_stage INQUIRY/CHARGEBACK/PRE_ARBITRATION/ARBITRATION,
        # disputed_transactions[] naming the seller's transaction.
        {"path": "dispute_id", "prefix": "PP-", "weight": 0.4},
        {"path": "dispute_life_cycle_stage", "in": ["INQUIRY", "CHARGEBACK", "PRE_ARBITRATION", "ARBITRATION"],
         "weight": 0.3},
        {"path": "disputed_transactions.0.seller_transaction_id", "exists": True, "weight": 0.2},
        {"path": "protection_eligibility", "in": ["ELIGIBLE", "PARTIALLY_ELIGIBLE", "INELIGIBLE"], "weight": 0.3},
        # REST webhook event names (developer.paypal.com/api/rest/webhooks/event-names) of payments and disputes.
        {"path": "event_type", "prefix": ["PAYMENT.AUTHORIZATION.", "PAYMENT.CAPTURE.", "PAYMENT.SALE.",
                                          "PAYMENT.ORDER.", "CUSTOMER.DISPUTE.", "RISK.DISPUTE."], "weight": 0.3},
        {"path": "payer.payment_method", "in": list(_V1_PAYMENT_METHODS), "weight": 0.2},
        # A webhook stored as event_type and resource only: the resource is a Payments v2 object, its amount
        # PayPal's Money object {currency_code, value} (developer.paypal.com/docs/api/payments/v2: capture
        # amount, supplementary_data.related_ids.order_id).
        {"path": "resource.amount.currency_code", "exists": True, "weight": 0.2},
        {"path": "resource.supplementary_data.related_ids", "exists": True, "weight": 0.3},
        {"path": "ipn_track_id", "exists": True, "weight": 0.4},
        # Adaptive Payments IPN: its transaction_type and the AP- pay key; the per-receiver variables are named
        # literally transaction[n].<name> (Pay Message Variables), status_for_sender_txn being Adaptive's own.
        {"path": "transaction_type", "prefix": "Adaptive Payment", "weight": 0.4},
        {"path": "transaction[0].status_for_sender_txn", "exists": True, "weight": 0.2},
        {"path": "transaction[0].id_for_sender_txn", "exists": True, "weight": 0.1},
        # Adaptive Payments API answers: the responseEnvelope (correlationId "used only by PayPal Merchant
        # Technical Support", build), paymentExecStatus, the payKey / preapprovalKey, errors of domain PLATFORM.
        {"path": "responseEnvelope.correlationId", "exists": True, "weight": 0.2},
        {"path": "responseEnvelope.build", "exists": True, "weight": 0.2},
        {"path": "paymentExecStatus", "in": list(_ADAPTIVE_STATUSES), "weight": 0.3},
        {"path": "payKey", "prefix": "AP-", "weight": 0.3},
        {"path": "preapprovalKey", "prefix": "PA-", "weight": 0.3},
        {"path": "maxTotalAmountOfAllPayments", "exists": True, "weight": 0.1},
        {"path": "error.0.domain", "in": ["PLATFORM"], "weight": 0.1},
        {"path": "error.0.errorId", "in": list(_ADAPTIVE_ERRORS), "weight": 0.2},
        # v1 billing plan: payment_definitions with merchant_preferences.
        {"path": "payment_definitions.0.frequency_interval", "exists": True, "weight": 0.2},
        {"path": "merchant_preferences.initial_fail_amount_action", "exists": True, "weight": 0.3},
        # v1 billing agreement (agreement_details) and Subscriptions v1 plan (billing_cycles[].pricing_scheme).
        {"path": "agreement_details.outstanding_balance", "exists": True, "weight": 0.3},
        {"path": "agreement_details.cycles_remaining", "exists": True, "weight": 0.2},
        {"path": "billing_cycles.0.pricing_scheme", "exists": True, "weight": 0.3},
        {"path": "billing_cycles.0.tenure_type", "in": ["REGULAR", "TRIAL"], "weight": 0.2},
        {"path": "pay_key", "prefix": "AP-", "weight": 0.3},
        {"path": "preapproval_key", "prefix": "PA-", "weight": 0.3},
        # Recurring payments profiles are "I-..." (IPN recurring_payment_*).
        {"path": "recurring_payment_id", "prefix": "I-", "weight": 0.3},
        {"path": "txn_id", "exists": True, "weight": 0.2},
        {"path": "payment_status", "exists": True, "weight": 0.2},
        {"path": "mc_gross", "exists": True, "weight": 0.2},
        # IPN variables naming the receiving PayPal account and the payment's currency (IPNandPDTVariables).
        {"path": "receiver_email", "exists": True, "weight": 0.2},
        {"path": "mc_currency", "exists": True, "weight": 0.1},
        {"path": "debug_id", "exists": True, "weight": 0.5},
        {"path": "error.debug_id", "exists": True, "weight": 0.3},
        {"path": "links.0.href", "prefix": list(_ERROR_LINKS), "weight": 0.5},
        # Classic API (NVP / SOAP) responses are PayPal's too; paypal_nvp and paypal_soap read them and
        # score far higher, so these weak signals only keep the REST mapping from scoring them as nobody's.
        {"path": "CORRELATIONID", "exists": True, "weight": 0.1},
        *({"path": f"Envelope.Body.{op}Response.Ack", "exists": True, "weight": 0.05}
          for op in ("DoDirectPayment", "DoExpressCheckoutPayment", "DoAuthorization", "DoCapture", "DoVoid",
                     "RefundTransaction", "DoReferenceTransaction", "GetTransactionDetails")),
        {"path": "name", "in": list(_ERROR_NAMES), "weight": 0.1},
        # Payflow Gateway responses (PNREF, RESPMSG) are PayPal's too; paypal_payflow reads them and scores far
        # higher: the same kind of weak signal as the Classic API's above.
        {"path": "PNREF", "exists": True, "weight": 0.05},
        {"path": "RESPMSG", "exists": True, "weight": 0.05},
        # A capture stored without its HATEOAS links still has these PayPal-only members.
        {"path": "final_capture", "exists": True, "weight": 0.3},
        {"path": "seller_protection.status", "exists": True, "weight": 0.3},
        # Return URL parameters (_PDT_RETURN, _CHECKOUT_RETURN): PDT's st with tx / amt / cc, Express Checkout's
        # EC- token, the PayerID PayPal appends on the buyer's return.
        {"path": "st", "in": list(_IPN_STATUSES), "weight": 0.3},
        {"path": "tx", "exists": True, "weight": 0.1},
        {"path": "amt", "exists": True, "weight": 0.1},
        {"path": "cc", "exists": True, "weight": 0.1},
        {"path": "token", "prefix": "EC-", "weight": 0.5},
        {"path": "PayerID", "exists": True, "weight": 0.3},
        {"path": "token", "exists": True, "weight": 0.2},
        # IPN txn_type values of subscriptions, recurring payments and Mass Pay (IPNandPDTVariables), and the
        # subscription id (subscr_id) and Mass Pay per-payment ids (masspay_txn_id_n) only those IPNs carry.
        {"path": "txn_type", "in": [*_NOT_PAYMENT_IPN_TYPES, "subscr_payment", "subscr_failed", "recurring_payment",
                                    "recurring_payment_failed", "recurring_payment_skipped",
                                    "recurring_payment_outstanding_payment",
                                    "recurring_payment_outstanding_payment_failed"], "weight": 0.3},
        {"path": "subscr_id", "exists": True, "weight": 0.2},
        {"path": "masspay_txn_id_1", "exists": True, "weight": 0.2},
    ],
    "amount_unit": "major",
    "status_map": _CAPTURE_STATUSES,
    "reason_map": REASONS,
    "variants": [
        # Adaptive Payments API answers (Pay, ExecutePayment, PaymentDetails, Preapproval, PreapprovalDetails): JSON
        # with a responseEnvelope {ack, correlationId, build, timestamp}. ack Failure: the call failed, its error[]
        # list says why.
        {"name": "adaptive.error",
         "match": {"responseEnvelope.ack": ["Failure", "FailureWithWarning"], "error.0.errorId": {"exists": True}},
         "status": "ERROR",
         "fields": {"provider_transaction_id": ["payKey", "preapprovalKey"], "status": ["responseEnvelope.ack"],
                    "reason_code": ["error.0.errorId"], "event_time": ["responseEnvelope.timestamp"],
                    "payment_id": ["payKey"]},
         "reason_map": _ADAPTIVE_ERRORS, "rules": []},
        # A Preapproval (its details, or the Preapproval call's answer naming only the new key) is the sender's
        # agreement to future payments; the payments made under it have their own pay keys.
        {"name": "adaptive.preapproval", "match": {"responseEnvelope.ack": {"exists": True},
                                                   "maxTotalAmountOfAllPayments": {"exists": True}},
         "not_a_payment": "a PayPal Adaptive Payments preapproval agreement, not a payment"},
        {"name": "adaptive.preapproval", "match": {"responseEnvelope.ack": {"exists": True},
                                                   "curPayments": {"exists": True}},
         "not_a_payment": "a PayPal Adaptive Payments preapproval agreement, not a payment"},
        {"name": "adaptive.preapproval", "match": {"responseEnvelope.ack": {"exists": True},
                                                   "preapprovalKey": {"exists": True}, "payKey": {"exists": False}},
         "not_a_payment": "a PayPal Adaptive Payments preapproval agreement, not a payment"},
        # Pay / ExecutePayment answer: paymentExecStatus; a failed payment lists its errors in payErrorList.
        {"name": "adaptive.pay_answer",
         "match": {"responseEnvelope.ack": {"exists": True}, "paymentExecStatus": {"exists": True}},
         "fields": {"provider_transaction_id": ["payKey"], "status": ["paymentExecStatus"],
                    "reason_code": ["payErrorList.payError.0.error.errorId"],
                    "event_time": ["responseEnvelope.timestamp"], "payment_id": ["payKey"]},
         "status_map": _ADAPTIVE_STATUSES, "reason_map": _ADAPTIVE_ERRORS, "default_payment_method": "WALLET",
         "event_kind": "PAYMENT", "rules": []},
        # PaymentDetails answer: the payment's status, its currencyCode, and one paymentInfo per receiver. Only a
        # simple payment's (a single receiver's) amount is what the sender paid; a parallel or chained payment's
        # total is not stated, so none is read.
        {"name": "adaptive.payment_details",
         "match": {"responseEnvelope.ack": {"exists": True}, "payKey": {"exists": True}, "status": {"exists": True},
                   "paymentInfoList.paymentInfo.1": {"exists": False}},
         "fields": {"provider_transaction_id": ["paymentInfoList.paymentInfo.0.transactionId", "payKey"],
                    "status": ["status"], "amount": ["paymentInfoList.paymentInfo.0.receiver.amount"],
                    "currency": ["currencyCode"], "event_time": ["responseEnvelope.timestamp"],
                    "attempt_id": ["paymentInfoList.paymentInfo.0.transactionId"], "payment_id": ["payKey"]},
         "status_map": _ADAPTIVE_DETAILS_STATUSES, "default_payment_method": "WALLET", "event_kind": "PAYMENT",
         # transactionStatus REFUNDED / PARTIALLY_REFUNDED: the receiver's transaction was refunded.
         "rules": [{"when": {"paymentInfoList.paymentInfo.0.transactionStatus": ["REFUNDED", "PARTIALLY_REFUNDED"]},
                    "set": {"status_category": "REFUNDED", "event_kind": "REFUND"}}]},
        {"name": "adaptive.payment_details",
         "match": {"responseEnvelope.ack": {"exists": True}, "payKey": {"exists": True}, "status": {"exists": True}},
         "fields": {"provider_transaction_id": ["payKey"], "status": ["status"], "currency": ["currencyCode"],
                    "event_time": ["responseEnvelope.timestamp"], "payment_id": ["payKey"]},
         "status_map": _ADAPTIVE_DETAILS_STATUSES, "default_payment_method": "WALLET", "event_kind": "PAYMENT",
         "rules": []},
        # Billing plans (v1 billing-plans: payment_definitions, merchant_preferences; Subscriptions v1 plans:
        # product_id, billing_cycles) and v1 billing agreements (agreement_details) are templates and agreements.
        {"name": "billing_plan", "match": {"payment_definitions": {"exists": True}},
         "not_a_payment": "a PayPal billing plan (a subscription template), not a payment"},
        {"name": "billing_plan", "match": {"billing_cycles": {"exists": True}, "product_id": {"exists": True}},
         "not_a_payment": "a PayPal billing plan (a subscription template), not a payment"},
        {"name": "billing_agreement", "match": {"agreement_details": {"exists": True}},
         "not_a_payment": "a PayPal billing agreement, not a payment"},
        {"name": "webhook.not_a_payment", "match": {"event_type": _NOT_PAYMENT_EVENTS}, "not_a_payment": _NOT_A_PAYMENT},
        {"name": "webhook.not_a_payment", "match": {"event_type": {"prefix": _NOT_PAYMENT_EVENT_PREFIXES}},
         "not_a_payment": _NOT_A_PAYMENT},
        {"name": "ipn.not_a_payment", "match": {"txn_type": _NOT_PAYMENT_IPN_TYPES}, "not_a_payment": _NOT_A_PAYMENT},
        # Adaptive Payments IPN (Pay Message Variables): transaction_type "Adaptive Payment PAY" is the payment; a
        # Preapproval message ("Adaptive Payment PREAPPROVAL", a future-payments agreement) is no payment.
        {"name": "ipn.adaptive_preapproval", "match": {"transaction_type": "Adaptive Payment PREAPPROVAL"},
         "not_a_payment": "a PayPal Adaptive Payments preapproval agreement, not a payment"},
        {"name": "ipn.adaptive_pay", "root": ADAPTIVE_KEY, "match": {f"{ADAPTIVE_KEY}.pay_key": {"exists": True}},
         "fields": {"provider_transaction_id": ["transaction_id", "pay_key"], "status": ["status"],
                    "amount": ["amount"], "currency": ["currency"], "event_time": ["payment_request_date"],
                    "attempt_id": ["transaction_id"], "payment_id": ["pay_key"]},
         "status_map": _ADAPTIVE_STATUSES, "default_payment_method": "WALLET",
         # transaction[n].status Refunded / Reversed: the receiver's transaction was refunded or returned.
         "rules": [{"when": {"transaction_status": ["Refunded", "Partially_Refunded"]},
                    "set": {"status_category": "REFUNDED", "event_kind": "REFUND"}},
                   {"when": {"transaction_status": "Reversed"},
                    "set": {"status_category": "CHARGEBACK", "event_kind": "DISPUTE"}}]},
        _webhook("capture", fields=_CAPTURE_FIELDS, rules=_CAPTURE_RULES),
        _webhook("refund", fields=_REFUND_FIELDS, status_map=_REFUND_STATUSES, rules=_MONEY_RULES,
                 event_kind="REFUND"),
        _webhook("sale", fields=_CAPTURE_FIELDS, status_map=_SALE_STATUSES, rules=_CAPTURE_RULES),
        _webhook("authorization", fields=_AUTHORIZATION_FIELDS, status_map=_AUTHORIZATION_STATUSES,
                 rules=_AUTHORIZATION_RULES),
        _webhook("checkout-order", fields=_ORDER_FIELDS, status_map=_ORDER_STATUSES, rules=_ORDER_RULES),
        _webhook("dispute", fields=_DISPUTE_FIELDS, status="CHARGEBACK", event_kind="DISPUTE"),
        # PAYMENTS.PAYMENT.CREATED (webhooks event-names, Payments v1: "a payment is created") carries the v1 payment:
        # created awaits the payer's approval; its related sale or authorization, once there, says the outcome.
        _webhook("payment", fields=_V1_PAYMENT_FIELDS, status_map=_V1_PAYMENT_STATUSES,
                 payment_method_map=_V1_PAYMENT_METHODS, rules=_V1_PAYMENT_RULES),
        # BILLING.SUBSCRIPTION.PAYMENT.FAILED "Payment failed on subscription" (webhooks event-names): the resource is
        # the subscription, its billing_info.last_failed_payment {amount, time, reason_code} the failed collection
        # (Subscriptions v1, failed_payment_details), as IPN recurring_payment_failed is.
        {"name": "webhook.subscription.payment_failed", "root": "resource",
         "match": {"event_type": "BILLING.SUBSCRIPTION.PAYMENT.FAILED"},
         "status": "DECLINED",
         "fields": {"provider_transaction_id": ["id"], "status": ["status"],
                    "reason_code": ["billing_info.last_failed_payment.reason_code"],
                    "amount": ["billing_info.last_failed_payment.amount.value"],
                    "currency": ["billing_info.last_failed_payment.amount.currency_code"],
                    "event_time": ["billing_info.last_failed_payment.time", "update_time", "^create_time"],
                    "customer_country": ["subscriber.shipping_address.address.country_code"]},
         "default_payment_method": "WALLET", "event_kind": "PAYMENT", "rules": []},
        # An order event stored without its resource_type: the event name and the order resource say it.
        {"name": "webhook.checkout-order.untyped", "root": "resource",
         "match": {"event_type": {"prefix": "CHECKOUT."}, "resource_type": {"exists": False},
                   "resource.purchase_units": {"exists": True}},
         "fields": _ORDER_FIELDS, "status_map": _ORDER_STATUSES, "rules": _ORDER_RULES},
        {"name": "order", "match": {"purchase_units": {"exists": True}, "status": {"exists": True}},
         "fields": _ORDER_FIELDS, "status_map": _ORDER_STATUSES, "rules": _ORDER_RULES},
        # The minimal representation of an order (Prefer: return=minimal, developer.paypal.com/docs/api/orders/v2/
        # "create order": id, status and links only) is told by its own link (/v2/checkout/orders/{id}).
        {"name": "order", "match": {"links.0.href": {"prefix": [f"{host}/v2/checkout/orders/" for host in _HOSTS]},
                                    "status": {"exists": True}},
         "fields": _ORDER_FIELDS, "status_map": _ORDER_STATUSES, "rules": _ORDER_RULES},
        {"name": "capture", "match": _self_link("captures"), "fields": _CAPTURE_FIELDS, "rules": _CAPTURE_RULES},
        # A v1 payment as the SDKs hand it back after a failed create (paypalrestsdk Payment.create: the
        # response's error body is kept on the payment's ``error``, developer.paypal.com/api/rest/responses/:
        # name, message, debug_id, details): the call's error is the event; a 5xx has no name, only its message.
        {"name": "payment.v1_error.named", "root": "error",
         "match": {"error.debug_id": {"exists": True}, "error.name": {"exists": True}},
         "fields": {"status": ["name"], "reason_code": ["details.0.issue", "name"]},
         "status_map": _ERROR_NAMES, "reason_map": _API_ERROR_REASONS,
         "rules": [{"when": {"details.0.issue": list(_REQUEST_ISSUES)}, "set": {"status_category": "ERROR"}}]},
        {"name": "payment.v1_error", "root": "error",
         "match": {"error.debug_id": {"exists": True}, "error.name": {"exists": False}},
         "status": "ERROR",
         "fields": {"status": ["message"], "reason_code": ["details.0.issue"]},
         "rules": [{"when": {"message": {"prefix": ["500", "502", "503", "504"]}},
                    "set": {"failure_reason": "PROCESSING_ERROR"}}]},
        {"name": "payment.v1", "match": {"transactions.0.amount.total": {"exists": True}, "state": {"exists": True}},
         "fields": _V1_PAYMENT_FIELDS, "status_map": _V1_PAYMENT_STATUSES, "payment_method_map": _V1_PAYMENT_METHODS,
         "rules": _V1_PAYMENT_RULES},
        {"name": "sale.v1", "match": _v1_self_link("sale"), "fields": _CAPTURE_FIELDS, "status_map": _SALE_STATUSES},
        {"name": "refund.v1", "match": _v1_self_link("refund"), "fields": _REFUND_FIELDS,
         "status_map": _REFUND_STATUSES, "event_kind": "REFUND"},
        {"name": "authorization.v1", "match": _v1_self_link("authorization"), "fields": _AUTHORIZATION_FIELDS,
         "status_map": _AUTHORIZATION_STATUSES, "rules": _AUTHORIZATION_RULES},
        # The same v1 objects told by their own members when the self link is on another host or absent
        # (developer.paypal.com/docs/api/payments/v1/): every sale, authorization, capture and refund names its
        # PAY- payment in parent_payment; a refund names the sale_id or capture_id it refunds (state pending,
        # completed, cancelled, failed); an authorization has valid_until; a capture has is_final_capture.
        *({"name": "refund.v1", "match": {"parent_payment": {"exists": True}, "state": {"exists": True}, key: {"exists": True}},
           "fields": _REFUND_FIELDS, "status_map": _REFUND_STATUSES, "event_kind": "REFUND"}
          for key in ("sale_id", "capture_id")),
        {"name": "authorization.v1", "match": {"parent_payment": {"exists": True}, "state": {"exists": True},
                                               "valid_until": {"exists": True}},
         "fields": _AUTHORIZATION_FIELDS, "status_map": _AUTHORIZATION_STATUSES, "rules": _AUTHORIZATION_RULES},
        # A v1 authorization stored without valid_until (the void reply of POST /v1/payments/authorization/{id}/void:
        # id, amount, state, parent_payment, create_time, update_time, links) is told by its state: authorized,
        # partially_captured, captured, expired and voided are an authorization's only (payments v1 reference:
        # a sale is completed/partially_refunded/pending/refunded/denied, a capture pending/completed/refunded/
        # partially_refunded, a refund pending/completed/cancelled/failed).
        {"name": "authorization.v1", "match": {"parent_payment": {"exists": True},
                                               "state": ["authorized", "partially_captured", "captured", "expired",
                                                         "voided"],
                                               "sale_id": {"exists": False}, "capture_id": {"exists": False}},
         "fields": _AUTHORIZATION_FIELDS, "status_map": _AUTHORIZATION_STATUSES, "rules": _AUTHORIZATION_RULES},
        {"name": "capture.v1", "match": {"parent_payment": {"exists": True}, "state": {"exists": True},
                                         "is_final_capture": {"exists": True}},
         "fields": {**_CAPTURE_FIELDS, "attempt_id": ["id"]}, "status_map": _SALE_STATUSES, "event_kind": "CAPTURE",
         "rules": [{"when": {"state": ["refunded", "partially_refunded"]}, "set": {"event_kind": "REFUND"}}]},
        {"name": "sale.v1", "match": {"parent_payment": {"exists": True}, "state": {"exists": True},
                                      "amount.total": {"exists": True}},
         "fields": _CAPTURE_FIELDS, "status_map": _SALE_STATUSES},
        # final_capture exists only on a capture (an authorization or refund has none).
        {"name": "capture", "match": {"final_capture": {"exists": True}, "status": {"exists": True}},
         "fields": _CAPTURE_FIELDS, "rules": _CAPTURE_RULES},
        {"name": "refund", "match": _self_link("refunds"), "fields": _REFUND_FIELDS,
         "status_map": _REFUND_STATUSES, "event_kind": "REFUND"},
        # A refund stored without its links: seller_payable_breakdown ("the breakdown of the refund": gross_amount,
        # paypal_fee, net_amount, total_refunded_amount) is a member of the Payments v2 refund object only (a
        # capture has seller_receivable_breakdown), developer.paypal.com/docs/api/payments/v2/#refunds_get.
        {"name": "refund", "match": {"seller_payable_breakdown": {"exists": True}, "status": {"exists": True}},
         "fields": _REFUND_FIELDS, "status_map": _REFUND_STATUSES, "event_kind": "REFUND"},
        {"name": "authorization", "match": _self_link("authorizations"), "fields": _AUTHORIZATION_FIELDS,
         "status_map": _AUTHORIZATION_STATUSES, "rules": _AUTHORIZATION_RULES},
        # The dispute resource itself (GET /v1/customer/disputes/{id}, developer.paypal.com/docs/api/customer-
        # disputes/v1/: dispute_id, disputed_transactions, reason, status, dispute_amount, dispute_outcome,
        # dispute_life_cycle_stage), as the webhook's resource is read: any status is a stage of the dispute.
        {"name": "dispute", "match": {"dispute_id": {"exists": True}, "dispute_amount": {"exists": True}},
         "fields": _DISPUTE_FIELDS, "status": "CHARGEBACK", "event_kind": "DISPUTE"},
        {
            # IPN of a new dispute (case_type chargeback, complaint or dispute): no payment_status is sent.
            "name": "ipn.new_case",
            "match": {"txn_type": "new_case"},
            "status": "CHARGEBACK",
            "fields": {
                "provider_transaction_id": ["case_id", "txn_id"],
                "reason_code": ["reason_code"],
                "amount": ["mc_gross"],
                "currency": ["mc_currency"],
                "event_time": ["case_creation_date"],
                "merchant_id": ["receiver_id"],
                # The disputed transaction is txn_id; the case is the dispute.
                "attempt_id": ["txn_id"],
                "dispute_id": ["case_id"],
            },
            "event_kind": "DISPUTE",
        },
        # txn_type adjustment: "A dispute has been resolved and closed" (IPNandPDTVariables); its
        # payment_status (Completed) is the adjustment's, not an approval: a stage of the dispute.
        {**_IPN, "name": "ipn.adjustment", "match": {"txn_type": "adjustment"}, "status": "CHARGEBACK",
         "event_kind": "DISPUTE", "rules": []},
        # recurring_payment_failed / recurring_payment_skipped ("it will be retried") / subscr_failed /
        # recurring_payment_outstanding_payment_failed (the outstanding balance's collection failed): a
        # subscription's collection failed (IPNandPDTVariables); no payment_status or txn_id need be sent.
        {**_IPN, "name": "ipn.recurring_failed",
         "match": {"txn_type": ["recurring_payment_failed", "recurring_payment_skipped", "subscr_failed",
                                "recurring_payment_outstanding_payment_failed"]},
         "status": "DECLINED",
         "fields": {**_IPN["fields"], "provider_transaction_id": ["txn_id", "recurring_payment_id", "subscr_id"],
                    "amount": ["mc_gross", "amount", "amount_per_cycle", "mc_amount3"],
                    "currency": ["mc_currency", "currency_code"], "event_time": ["payment_date", "time_created"],
                    "attempt_id": ["txn_id"]},
         "rules": []},
        # An IPN whose mc_gross comes without its mc_currency (IPNandPDTVariables: mc_gross is in mc_currency):
        # the status stands, the amount cannot be read in an unnamed currency. A refund's own id is its txn_id.
        {**_IPN, "name": "ipn.without_currency",
         "match": {"payment_status": list(_IPN_STATUSES), "mc_gross": {"exists": True},
                   "mc_currency": {"exists": False}},
         "fields": {**{k: v for k, v in _IPN["fields"].items() if k not in ("amount", "currency")},
                    "refund_id": ["txn_id"], "dispute_id": ["txn_id"]},
         "rules": [*_IPN["rules"],
                   {"when": {"payment_status": "Refunded"}, "set": {"event_kind": "REFUND"}},
                   {"when": {"payment_status": ["Reversed", "Canceled_Reversal"]}, "set": {"event_kind": "DISPUTE"}}]},
        # A refund's or a reversal's own id is its txn_id (parent_txn_id is the payment it undoes).
        {**_IPN, "name": "ipn.refund", "match": {"txn_id": {"exists": True}, "payment_status": "Refunded"},
         "fields": {**_IPN["fields"], "refund_id": ["txn_id"]}, "event_kind": "REFUND"},
        {**_IPN, "name": "ipn.reversal",
         "match": {"txn_id": {"exists": True}, "payment_status": ["Reversed", "Canceled_Reversal"]},
         "fields": {**_IPN["fields"], "dispute_id": ["txn_id"]}, "event_kind": "DISPUTE"},
        # PDT return URL (see _PDT_RETURN): tx, st, amt (major units), cc. The status word is IPN's payment_status.
        {"name": "pdt.return_url", "match": {"tx": {"exists": True}, "st": list(_IPN_STATUSES)},
         "fields": {"provider_transaction_id": ["tx"], "status": ["st"], "amount": ["amt"], "currency": ["cc"],
                    "attempt_id": ["tx"]},
         "status_map": _IPN_STATUSES, "rules": []},
        _IPN,
        # An IPN stored without its txn_id (IPNandPDTVariables: payment_status with the receiver's
        # receiver_email / the mc_gross of the payment): the status still says the outcome.
        {**_IPN, "name": "ipn.without_txn_id",
         "match": {"payment_status": list(_IPN_STATUSES), "receiver_email": {"exists": True}}},
        {
            # REST error body (HTTP 4xx/5xx): no amount; the issue says why, else the error's name. A 422 is a
            # refusal, unless its issue is the request's or the merchant account's fault.
            "name": "api_error",
            "match": {"debug_id": {"exists": True}, "name": {"exists": True}},
            "fields": {"status": ["name"], "reason_code": ["details.0.issue", "name"]},
            "status_map": _ERROR_NAMES,
            "reason_map": _API_ERROR_REASONS,
            "rules": _API_ERROR_RULES,
        },
        {
            # The same body without a debug_id (a 401 AUTHENTICATION_FAILURE names only its information link).
            "name": "api_error",
            "match": {"name": list(_ERROR_NAMES), "message": {"exists": True},
                      "links.0.href": {"prefix": list(_ERROR_LINKS)}},
            "fields": {"status": ["name"], "reason_code": ["details.0.issue", "name"]},
            "status_map": _ERROR_NAMES,
            "reason_map": _API_ERROR_REASONS,
            "rules": _API_ERROR_RULES,
        },
    ],
}


# Return URL parameters that name a payment without its outcome:
# - PDT (Merchant User Manual and Integration Guide, May 2005, "PDT-Specific Variables": tx the transaction ID / PDT
#   token, st the transaction status, amt, cc currency code, cm custom message; PayPal's PDT technical overview:
#   the return URL gets the token "tx", the details come from a POST with cmd=_notify-synch): tx with st is read
#   (variant pdt.return_url); tx without st is only the token to fetch the details with.
# - Express Checkout (developer.paypal.com/api/nvp-soap: the buyer returns to RETURNURL with token=EC-... and PayerID,
#   to CANCELURL with the token) and Orders v2 (return_url with token=<order id> and PayerID): the buyer approved or
#   left; the payment happens in DoExpressCheckoutPayment / capture, whose answer or webhook says the outcome.
_RETURN_URL_KEYS = frozenset({"token", "PayerID", "tx", "cm", "item_number", "paymentId", "ba_token", "amt", "cc",
                              "sig", "opType", "payer_id"})


def _return_without_outcome(body: dict) -> bool:
    keys = set(body)
    if not keys or not keys <= _RETURN_URL_KEYS:
        return False
    token = body.get("token")
    return ("PayerID" in keys and ("token" in keys or "paymentId" in keys)) or "tx" in keys or (
        keys == {"token"} and isinstance(token, str) and token.startswith("EC-"))


def prepare(body):
    """Refunds and reversals carry negative amounts (IPN ``mc_gross``, v1 ``amount.total``).

    The event already says the direction, so the sign is dropped (on a copy). A return URL's parameters without an
    outcome (_RETURN_URL_KEYS) stay unprocessed as NOTIFICATION_WITHOUT_OUTCOME.
    """
    if isinstance(body, dict) and _return_without_outcome(body):
        raise UnmappedPayload(NOTIFICATION_WITHOUT_OUTCOME,
                              "paypal: return URL token / PayerID / tx only; the outcome comes from the API or IPN")
    if isinstance(body, dict):
        adaptive = _adaptive_payment(body)
        if adaptive is not None:
            return {**body, ADAPTIVE_KEY: adaptive}
        gross = body.get("mc_gross")
        if isinstance(gross, str) and gross.startswith("-"):
            return {**body, "mc_gross": gross[1:]}
        resource = body.get("resource")
        if isinstance(resource, dict):
            positive = _with_up_authorization(_positive_total(resource))
            return body if positive is resource else {**body, "resource": positive}
        return _with_up_authorization(_positive_total(body))
    return body


def _adaptive_payment(body: dict) -> dict | None:
    """An Adaptive Payments Pay message's payment, its first receiver's transaction read from ``transaction[0].*``.

    Adaptive Payments Developer Guide, "Instant Payment Notifications", Pay Message Variables: the variable names
    are literal strings (``transaction[0].status``); ``transaction[n].amount`` is the currency code and the amount
    ("USD 10.00"). A ``transaction[0]`` is the simple payment's (or a chained payment's primary) receiver.
    """
    if not str(body.get("transaction_type") or "").startswith("Adaptive Payment") or not body.get("pay_key"):
        return None
    adaptive = {key: body.get(key) for key in ("transaction_type", "status", "pay_key", "payment_request_date")}
    adaptive["transaction_id"] = body.get("transaction[0].id")
    adaptive["transaction_status"] = body.get("transaction[0].status")
    parts = str(body.get("transaction[0].amount") or "").split()
    if len(parts) == 2 and len(parts[0]) == 3 and parts[0].isalpha():
        adaptive["currency"], adaptive["amount"] = parts[0].upper(), parts[1]
    return adaptive


_AUTHORIZATION_PATH = "/v2/payments/authorizations/"


def _with_up_authorization(document: dict) -> dict:
    """A Payments v2 capture linking ``up`` to its authorization names it under UP_AUTHORIZATION_KEY (a copy).

    developer.paypal.com/docs/api/payments/v2/ (capture object, links: HATEOAS self, refund and up, the up link
    being the authorization the capture was made against; developer.paypal.com/api/rest/responses/#hateoas-links).
    """
    links = document.get("links")
    if not isinstance(links, list) or not str(document.get("id") or ""):
        return document
    for link in links:
        if not isinstance(link, dict) or str(link.get("rel", "")).lower() != "up":
            continue
        href = str(link.get("href") or "")
        at = href.find(_AUTHORIZATION_PATH)
        if at >= 0 and any(isinstance(other, dict) and str(other.get("rel", "")).lower() == "self"
                           and "/v2/payments/captures/" in str(other.get("href") or "") for other in links):
            authorization = href[at + len(_AUTHORIZATION_PATH):].split("/")[0].split("?")[0]
            if authorization:
                return {**document, UP_AUTHORIZATION_KEY: authorization}
    return document


def _positive_total(document: dict) -> dict:
    """``{"amount": {"total": "-0.01"}}`` -> ``{"amount": {"total": "0.01"}}`` (a copy; the input is untouched)."""
    amount = document.get("amount")
    total = amount.get("total") if isinstance(amount, dict) else None
    if isinstance(total, str) and total.startswith("-"):
        return {**document, "amount": {**amount, "total": total[1:]}}
    return document
