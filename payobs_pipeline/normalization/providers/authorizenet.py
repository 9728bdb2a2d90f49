"""Authorize.net: API createTransaction / getTransactionDetails (JSON and XML), webhooks, Silent Post.

Sources (Authorize.net developer docs and official SDKs):
- https://developer.authorize.net/api/reference/index.html (createTransactionResponse:
  transactionResponse.{responseCode 1 approved, 2 declined, 3 error, 4 held for review,
  transId, accountType, errors[].errorCode}; messages.resultCode Ok/Error;
  getTransactionDetailsResponse: transaction.{transactionStatus, responseReasonCode,
  submitTimeUTC, authAmount, settleAmount, payment.creditCard.cardType, payment.bankAccount})
- https://developer.authorize.net/api/reference/features/webhooks.html (eventType
  net.authorize.payment.{authorization,authcapture,capture,priorAuthCapture,refund,void}.created,
  net.authorize.payment.fraud.{held,approved,declined}; payload.{responseCode, authAmount, id};
  net.authorize.customer.{created,updated,deleted}, .paymentProfile.*, .subscription.* are not payments)
- https://developer.authorize.net/api/reference/features/accept-hosted.html ("Transaction Response": the hosted
  form's JSON response, transId, responseCode, authorization, accountType, accountNumber, totalAmount, dateTime;
  its field list rests on recollection of that section, the stored copy being cut before it)
- https://developer.authorize.net/api/reference/features/in-app.html (opaqueData.dataDescriptor of
  Apple Pay / Google Pay / Visa Checkout tokens in createTransactionRequest)
- https://developer.authorize.net/api/reference/responseCodes.html and the AIM guide's
  "Response Reason Codes" table (reason codes 1-261, 270-309, 315-319; API message codes E00001-E00145 with the
  texts responseCodes.html gives them, as integrations copy them). Codes above 319 (EMV, Visa Checkout, newer
  features) are not mapped: no stored copy of their table was found
- https://developer.authorize.net/api/reference/features/xml_api.html (AnetApi XML schema:
  the same documents as XML, root element createTransactionResponse / getTransactionDetailsResponse)
- getTransactionList / getUnsettledTransactionList responses (``transactions[]`` of summaries:
  transId, transactionStatus, accountType, settleAmount, submitTimeUTC); declined and voided
  transactions report ``settleAmount`` 0, so the attempted amount is ``authAmount``
- AnetApiSchema.xsd transactionStatusEnum (sdk-java TransactionStatusEnum), incl. updatingSettlement
- Silent Post / Relay Response form fields x_response_code, x_response_reason_code, x_trans_id,
  x_amount, x_type, x_method, x_card_type (AIM/SIM guides)
- AIM Developer Guide, "Fields in the Payment Gateway Response" (x_delim_data, x_delim_char ``,`` or ``|``,
  x_encap_char): 1 Response Code, 2 Subcode, 3 Response Reason Code, 4 Reason Text, 5 Authorization Code,
  6 AVS, 7 Transaction ID, 8 Invoice Number, 9 Description, 10 Amount, 11 Method (CC, ECHECK), 12 Transaction
  Type (auth_capture, auth_only, capture_only, credit, prior_auth_capture, void), 13 Customer ID, 14-24
  billing (21 Country), 41 Card Code Response, 42 CAVV Response, 51 Account Number, 52 Card Type; the
  CIM API returns the same delimited text as ``directResponse`` (createCustomerProfileTransactionResponse), and
  as ``validationDirectResponse`` of a payment profile check (validateCustomerPaymentProfile): not a payment
- ARB Silent Post (x_subscription_id, x_subscription_paynum beside the AIM x_ fields): one subscription charge
- Card-Present Transactions Implementation Guide v1.0 (Authorize.Net, 2006), "XML Response" and Appendix E
  "Sample XML Responses": with x_response_format 0 the card-present (AIM CP) gateway answers
  ``<response><ResponseCode/>`` (1 approved, 2 declined, 3 error, 4 held for review), ``<Messages><Message><Code/>
  <Description/>`` (approved: the Response Reason Code) or ``<Errors><Error><ErrorCode/><ErrorText/>`` ("ErrorCode
  contains the Response Reason Code in the case of declines and errors"), AuthCode, AVSResultCode, CVVResultCode,
  TransID (0: no transaction), RefTransID, TransHash, TestMode, UserRef; the partial-authorization feature
  (developer.authorize.net/api/reference/features/card-present.html and the AIM guide's "Partial Authorization
  Transactions") adds SplitTenderID and ``<PrepaidCard><RequestedAmount/><ApprovedAmount/><BalanceOnCard/>``:
  the amount authorized is ApprovedAmount. The card-present API takes only card swipes / keyed cards.
Amounts are decimal numbers in major units. Responses carry no currency: a gateway account
settles in the one currency it was opened in, and the accounts behind this pipeline are US
accounts, hence ``default_currency`` USD. A request stored beside its response
(``transactionRequest.currencyCode``, optional in createTransactionRequest) states it and wins, as does an
AIM ``x_currency_code`` field when a stored Silent Post / Relay Response row carries one.
API error bodies (``messages.resultCode`` Error with no transaction, JSON or XML ``ErrorResponse``) are ERROR
events whose reason is the ``E000nn`` message code (responseCodes.html).
``prepare`` splits an AIM delimited ``directResponse`` into the AIM ``x_`` names Silent Post uses, so one
variant reads both. A bare delimited response stored as the whole ``data`` string reaches the spec as the
format layer's ``{"values": [...]}`` (formats: delimited) and is named the same way (an encapsulation character
that is the delimiter formats split on, x_encap_char ``|`` with x_delim_char ``,``, is undone here); transaction id 0 (test mode,
refused requests) names no transaction.
Authorize.net does not state soft/hard: decline types are the reasons' defaults.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from payobs_pipeline.normalization.mapping import NOT_A_PAYMENT_EVENT, UnmappedPayload

_CUSTOMER = "CUSTOMER"
_MERCHANT_CONFIG = "MERCHANT_CONFIG"
_MERCHANT_RISK = "MERCHANT_RISK"

_NOT_ACCEPTED_BY_MERCHANT = {"reason": "TRANSACTION_NOT_PERMITTED", "source": _MERCHANT_CONFIG}
_AVS_MISMATCH = {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER}
_FRAUD_FILTER = {"reason": "RISK_REJECTED", "source": _MERCHANT_RISK}  # the merchant's own FDS/FraudScreen rules

# Response reason codes (transactionResponse.errors[].errorCode, responseReasonCode,
# x_response_reason_code). Codes 252/253 and 104-110 mean "held for review" and come
# with responseCode 4 (PENDING), so they never need a failure reason.
REASON_CODES = {
    "2": "GENERIC_DECLINE",
    "3": "GENERIC_DECLINE",  # referral / call for voice authorization
    "4": "LOST_OR_STOLEN_CARD",  # pick up card
    "5": "INVALID_REQUEST",  # a valid amount is required
    "6": "INVALID_CARD_DATA",
    "7": "INVALID_CARD_DATA",  # expiration date invalid
    "8": "EXPIRED_CARD",
    "9": "INVALID_CARD_DATA",  # ABA routing number invalid
    "10": "INVALID_CARD_DATA",  # bank account number invalid
    "11": "DUPLICATE",
    "12": "INVALID_REQUEST",  # authorization code required
    "13": "CONFIGURATION_ERROR",  # API login ID invalid or account inactive
    "14": "CONFIGURATION_ERROR",  # referrer / relay response URL invalid
    "15": "INVALID_REQUEST",
    "16": "INVALID_REQUEST",  # transaction not found
    "17": _NOT_ACCEPTED_BY_MERCHANT,
    "18": _NOT_ACCEPTED_BY_MERCHANT,  # ACH not accepted by this merchant
    **dict.fromkeys(["19", "20", "21", "22", "23", "25", "26"], "PROCESSING_ERROR"),  # try again in 5 minutes
    "24": "CONFIGURATION_ERROR",
    "27": _AVS_MISMATCH,
    "28": _NOT_ACCEPTED_BY_MERCHANT,
    **dict.fromkeys(["29", "30", "31", "32", "34", "38", "40", "43", "46"], "CONFIGURATION_ERROR"),
    "33": "INVALID_REQUEST",
    "35": "PROCESSING_ERROR",
    "36": "PROCESSING_ERROR",  # authorized but settlement failed
    "37": "INVALID_CARD_DATA",
    "39": {"reason": "TRANSACTION_NOT_PERMITTED", "source": _MERCHANT_CONFIG},  # currency not supported
    "41": _FRAUD_FILTER,  # FraudScreen.net score above the merchant's threshold
    "42": "INVALID_REQUEST",
    "44": "INCORRECT_CVC",  # card code filter
    "45": _AVS_MISMATCH,  # card code and AVS filter
    **dict.fromkeys(["47", "48", "49", "50", "51", "53", "54", "55", "64"], "INVALID_REQUEST"),
    "52": "PROCESSING_ERROR",  # authorized, client not notified, will not settle
    "56": _NOT_ACCEPTED_BY_MERCHANT,  # ACH only
    **dict.fromkeys(["57", "58", "59", "60", "61", "62", "63"], "PROCESSING_ERROR"),
    "65": "INCORRECT_CVC",  # card code mismatch at the issuer
    "66": {"reason": "RISK_REJECTED", "source": "PSP_RISK"},  # gateway security guidelines
    "67": "CONFIGURATION_ERROR",
    **dict.fromkeys(["68", "69", "70", "71", "72", "73", "74", "75", "76", "77", "79", "80"], "INVALID_REQUEST"),
    "78": "INCORRECT_CVC",  # card code format invalid
    **dict.fromkeys(["81", "82", "83", "91", "92"], "CONFIGURATION_ERROR"),
    **dict.fromkeys(["84", "85", "86", "87", "88", "89", "90"], "UNKNOWN"),  # reserved
    **dict.fromkeys(["93", "94", "95", "111", "112"], "INVALID_REQUEST"),
    "96": {"reason": "TRANSACTION_NOT_PERMITTED", "source": _MERCHANT_CONFIG},  # country not authorized
    # SIM fingerprints (responseCodes.html): 97 the fingerprint has expired, 98 it has already been used: that
    # request's own fingerprint, an invalid request; 99 (fingerprint does not match x_fp_hash), 102/103 (key,
    # password) are the merchant's credentials.
    **dict.fromkeys(["97", "98"], "INVALID_REQUEST"),
    **dict.fromkeys(["99", "102", "103"], "CONFIGURATION_ERROR"),
    "100": "INVALID_REQUEST",  # eCheck type invalid
    "101": "INVALID_CARD_DATA",  # name/account type mismatch
    "116": "INVALID_REQUEST",
    "117": "AUTHENTICATION_FAILED",  # cardholder authentication value invalid
    "118": "INVALID_REQUEST",
    "119": "INVALID_REQUEST",
    "120": "TIMEOUT",  # timed out waiting for the authorizer, and its void failed
    "121": "PROCESSING_ERROR",
    "122": "PROCESSING_ERROR",
    "127": _AVS_MISMATCH,  # AVS mismatch, system void failed
    "141": _FRAUD_FILTER,  # FraudScreen rejection, system void failed
    "145": _AVS_MISMATCH,  # card code and AVS rejection, system void failed
    "152": "PROCESSING_ERROR",
    "165": "INCORRECT_CVC",  # card code rejection, system void failed
    **dict.fromkeys(["170", "171", "172", "173"], "CONFIGURATION_ERROR"),
    "174": "INVALID_REQUEST",
    "175": "INVALID_REQUEST",
    "180": "PROCESSING_ERROR",
    "181": "PROCESSING_ERROR",
    # FDC Omaha processor declines (200-224).
    "200": "INVALID_CARD_DATA",  # card number invalid
    "201": "INVALID_CARD_DATA",  # expiration date invalid
    "202": "INVALID_REQUEST",  # transaction type invalid
    "203": "INVALID_REQUEST",  # amount invalid
    **dict.fromkeys(["204", "205", "206", "207", "208", "210", "212", "213"], "CONFIGURATION_ERROR"),
    "209": "ISSUER_UNAVAILABLE",  # communication with the processor not established
    "211": "INVALID_CARD_DATA",  # cardholder not on file
    "214": "ISSUER_UNAVAILABLE",  # function currently unavailable
    "215": "INVALID_REQUEST",
    "216": "CONFIGURATION_ERROR",
    "217": "INVALID_REQUEST",
    "218": "INVALID_REQUEST",
    "219": "INVALID_REQUEST",
    "220": "ISSUER_UNAVAILABLE",  # primary CPU not available
    "221": "INVALID_REQUEST",
    "222": "DUPLICATE",
    "223": "PROCESSING_ERROR",
    "224": "ISSUER_UNAVAILABLE",  # re-enter the transaction
    **dict.fromkeys(["243", "244", "245", "246", "247"], _NOT_ACCEPTED_BY_MERCHANT),  # eCheck type not allowed
    "250": _FRAUD_FILTER,  # blocked IP address (FDS)
    "251": _FRAUD_FILTER,  # FDS filter
    "254": _FRAUD_FILTER,  # declined after the merchant's manual review
    "261": "PROCESSING_ERROR",
    # The rest of the AIM guide's table (the same codes and texts as responseCodes.html).
    "123": "CONFIGURATION_ERROR",  # account lacks the permission(s) required for this request
    # "This transaction cannot be processed. The customer's financial institution does not currently allow
    # transactions for this account."
    "128": "TRANSACTION_NOT_PERMITTED",
    **dict.fromkeys(["130", "131", "132"], "CONFIGURATION_ERROR"),  # gateway account closed / suspended
    "248": "INVALID_REQUEST",  # check number invalid
    "270": "INVALID_REQUEST",  # line item invalid
    "271": "INVALID_REQUEST",  # more than 30 line items
    "288": "CONFIGURATION_ERROR",  # merchant not registered as a Cardholder Authentication participant
    # "This processor does not accept zero dollar authorization for this card type."
    "289": {"reason": "TRANSACTION_NOT_PERMITTED", "source": _MERCHANT_CONFIG},
    "290": "INVALID_REQUEST",  # AVS values required for a zero dollar authorization not submitted
    "296": "INVALID_REQUEST",  # SplitTenderId not valid
    "297": "INVALID_REQUEST",  # transaction ID and split tender ID in one request
    **dict.fromkeys(["300", "301", "302", "304", "306"], "INVALID_REQUEST"),  # device / batch / reversal fields
    **dict.fromkeys(["303", "305", "309"], "CONFIGURATION_ERROR"),  # device batch full / auto-close / disabled
    "315": "INVALID_CARD_DATA",
    "316": "INVALID_CARD_DATA",
    "317": "EXPIRED_CARD",
    "318": "DUPLICATE",
    "319": "INVALID_REQUEST",  # transaction not found
    # API-level message codes (messages.message[].code) when no transaction was created
    # (developer.authorize.net/api/reference/responseCodes.html, E00001-E00145).
    "E00001": "PROCESSING_ERROR",  # an error occurred during processing
    "E00002": "INVALID_REQUEST",  # content-type not supported
    "E00003": "INVALID_REQUEST",  # XML parser error
    "E00004": "INVALID_REQUEST",  # method name not recognized
    "E00005": "CONFIGURATION_ERROR",  # transaction key or access token invalid or not present
    "E00006": "CONFIGURATION_ERROR",  # API user name invalid or not present
    "E00007": "CONFIGURATION_ERROR",  # authentication failed
    "E00008": "CONFIGURATION_ERROR",  # account inactive
    "E00009": "CONFIGURATION_ERROR",  # payment gateway account in test mode
    "E00010": "CONFIGURATION_ERROR",  # user lacks permission to call the API
    "E00011": "CONFIGURATION_ERROR",  # user lacks permission for this action
    "E00012": "DUPLICATE",  # duplicate subscription
    "E00013": "INVALID_REQUEST",  # field is invalid
    "E00014": "INVALID_REQUEST",  # required field not present
    "E00015": "INVALID_REQUEST",  # field length invalid
    "E00016": "INVALID_REQUEST",  # field type invalid
    **dict.fromkeys(["E00017", "E00018", "E00019", "E00022", "E00023", "E00024", "E00025", "E00026", "E00028",
                     "E00029", "E00030", "E00031", "E00032", "E00033", "E00034", "E00035", "E00036", "E00037",
                     "E00041", "E00042", "E00043", "E00045", "E00046", "E00047", "E00048", "E00050",
                     "E00051"], "INVALID_REQUEST"),  # ARB / CIM request validation
    "E00049": "TIMEOUT",  # "The operation timed out before it could be completed."
    "E00020": "CONFIGURATION_ERROR",  # account not enabled for eCheck.Net subscriptions
    "E00021": "CONFIGURATION_ERROR",  # account not enabled for credit card subscriptions
    # "The transaction was unsuccessful.": the envelope of every failed transaction, declines included; the
    # transactionResponse's own errors say why (developer.authorize.net/api/reference/responseCodes.html).
    "E00027": "UNKNOWN",
    "E00038": "CONFIGURATION_ERROR",  # SSN/tax id required
    "E00039": "DUPLICATE",  # a duplicate record already exists
    "E00040": "INVALID_REQUEST",  # record not found
    "E00044": "CONFIGURATION_ERROR",  # Customer Information Manager not enabled
    "E00053": "PROCESSING_ERROR",  # server too busy
    "E00054": "CONFIGURATION_ERROR",  # mobile device not registered
    "E00059": "CONFIGURATION_ERROR",  # authentication type not allowed for this method
    "E00104": "PROCESSING_ERROR",  # server in maintenance, try again later
    # E00052-E00145 (responseCodes.html texts): request validation, profiles, Accept.js OTS tokens, invoices.
    **dict.fromkeys(["E00052", "E00060", "E00061", "E00065", "E00066", "E00067", "E00068", "E00069", "E00070",
                     "E00071", "E00072", "E00073", "E00075", "E00076", "E00077", "E00082", "E00085", "E00087",
                     "E00088", "E00089", "E00090", "E00091", "E00092", "E00093", "E00094", "E00095", "E00098",
                     "E00099", "E00100", "E00101", "E00102", "E00103", "E00105", "E00106", "E00107", "E00108",
                     "E00109", "E00110", "E00111", "E00112",
                     # Invalid OTS Token Data / Invalid OTS Token / Expired OTS Token / OTS Token access violation /
                     # OTS Service Error (the Accept.js payment nonce).
                     "E00113", "E00114", "E00115", "E00116", "E00117",
                     "E00119", "E00120", "E00121", "E00127", "E00128", "E00130", "E00134", "E00137", "E00138",
                     "E00140", "E00141", "E00142", "E00143", "E00144", "E00145"], "INVALID_REQUEST"),
    # Mobile devices, impersonation, credentials, signature keys, access tokens, unconfigured services.
    **dict.fromkeys(["E00055", "E00056", "E00057", "E00058", "E00064", "E00074", "E00079", "E00080", "E00081",
                     "E00083", "E00084", "E00086", "E00096", "E00097", "E00122", "E00123", "E00124", "E00125",
                     "E00126", "E00132", "E00135", "E00136", "E00139"], "CONFIGURATION_ERROR"),
    # Fatal error calling a web service / the web service returned an error / failed sending email / invoice
    # created but not processed completely / server error.
    **dict.fromkeys(["E00062", "E00063", "E00129", "E00131", "E00133"], "PROCESSING_ERROR"),
    "E00118": "GENERIC_DECLINE",  # "The transaction has been declined."
}

# E00118 "The transaction has been declined." (responseCodes.html): a refusal of the payment, not of the call.
_DECLINED_MESSAGE_RULES = [
    {"when": {path: "E00118"}, "set": {"status_category": "DECLINED"}}
    for path in ("messages.message.0.code", "messages.message.code")
]
RESPONSE_CODES = {"1": "APPROVED", "2": "DECLINED", "3": "ERROR", "4": "PENDING"}

# getTransactionDetails transaction.transactionStatus.
TRANSACTION_STATUSES = {
    "authorizedPendingCapture": "APPROVED",
    "capturedPendingSettlement": "APPROVED",
    "settledSuccessfully": "APPROVED",
    "pendingSettlement": "APPROVED",
    "pendingFinalSettlement": "APPROVED",
    "updatingSettlement": "APPROVED",  # captured; the settlement batch is being updated
    "approvedReview": "APPROVED",
    "declined": "DECLINED",
    "failedReview": "DECLINED",
    "generalError": "ERROR",
    "communicationError": "ERROR",
    "settlementError": "ERROR",
    "couldNotVoid": "ERROR",
    "underReview": "PENDING",
    "FDSPendingReview": "PENDING",
    "FDSAuthorizedPendingReview": "PENDING",
    "authorizedPendingRelease": "PENDING",
    "voided": "CANCELLED",
    "expired": "CANCELLED",  # authorization never captured
    "refundSettledSuccessfully": "REFUNDED",
    "refundPendingSettlement": "REFUNDED",
    "chargeback": "CHARGEBACK",
    "chargebackReversal": "CHARGEBACK",
    "returnedItem": "CHARGEBACK",  # eCheck (ACH) return
}

PAYMENT_METHODS = {
    **dict.fromkeys(["Visa", "MasterCard", "AmericanExpress", "American Express", "Discover", "JCB", "DinersClub",
                     "Diners Club", "EnRoute", "CC"], "CARD"),
    # eCheck.Net: ACH debits by SEC code, and x_method ECHECK (map keys are compared lower-cased).
    **dict.fromkeys(["eCheck", "WEB", "PPD", "CCD", "TEL", "ARC", "BOC"], "DIRECT_DEBIT"),
}

_RESPONSE_FIELDS = {
    "provider_transaction_id": ["transId"],
    "status": ["responseCode"],
    "reason_code": ["errors.0.errorCode", "errors.error.errorCode", "^messages.message.0.code",
                    "^messages.message.code"],
    "payment_method": ["accountType"],
    "card_brand": ["accountType"],
}
_DETAILS_FIELDS = {
    "provider_transaction_id": ["transId"],
    "status": ["transactionStatus"],
    "reason_code": ["responseReasonCode"],
    "amount": ["settleAmount", "authAmount"],
    "event_time": ["submitTimeUTC"],
    "payment_method": ["payment.creditCard.cardType", "payment.bankAccount.echeckType"],
    "card_brand": ["payment.creditCard.cardType"],
    "customer_country": ["billTo.country"],
    # A refund's details name the transaction it refunds (refTransId); any other transaction is its own.
    "attempt_id": ["refTransId", "transId"],
}
# Declined and voided transactions settle nothing (settleAmount 0): their amount is what was authorized.
_NOTHING_SETTLED = ["0", "0.0", "0.00"]
_UNSETTLED_DETAILS_FIELDS = {**_DETAILS_FIELDS, "amount": ["authAmount", "settleAmount"]}
_DETAILS_RULES = [
    # What the transaction is (transactionType) and what became of it (transactionStatus).
    {"when": {"transactionType": ["priorAuthCaptureTransaction", "captureOnlyTransaction"]},
     "set": {"event_kind": "CAPTURE"}},
    {"when": {"transactionType": "refundTransaction"}, "set": {"event_kind": "REFUND"}},
    {"when": {"transactionType": "refundTransaction", "transactionStatus": ["declined", "generalError",
                                                                            "communicationError", "failedReview"]},
     "set": {"status_category": "DECLINED"}},
    # voided: the authorization was voided; expired: it was never captured and lapsed; couldNotVoid: a void failed.
    {"when": {"transactionStatus": ["voided", "expired", "couldNotVoid"]}, "set": {"event_kind": "VOID"}},
    # Approved, captured, then the settlement failed.
    {"when": {"transactionStatus": "settlementError"}, "set": {"event_kind": "CAPTURE"}},
    # Rejected by the merchant's own fraud review.
    {"when": {"transactionStatus": "failedReview"},
     "set": {"failure_reason": "RISK_REJECTED", "failure_source": _MERCHANT_RISK}},
    {"when": {"payment.bankAccount": {"exists": True}, "payment.bankAccount.echeckType": {"exists": False}},
     "set": {"payment_method": "DIRECT_DEBIT"}},
]
# Timed out at the authorizer and the automatic void failed: money may have moved.
_TIMEOUT_RULE = {"when": {"errors.0.errorCode": "120"}, "set": {"status_category": "UNKNOWN"}}
# responseCode 3 ("Error") also carries the gateway's refusals of the card or the request
# itself (invalid/expired card, duplicate, invalid amount, card type not accepted, AVS/CVV
# format): refusals, not technical failures, so DECLINED like responseCode 2.
# Reason 11 ("A duplicate transaction has been submitted": the gateway's duplicate window, a repeat of a
# request it already took, responseCodes.html) is not among them: it stays the documented responseCode 3
# Error, like an idempotency conflict (docs/taxonomy.md: DUPLICATE on an ERROR event).
_REFUSED_AS_ERROR = ["5", "6", "7", "8", "17", "27", "28", "37", "78", "200", "201"]
# A createTransaction row stored with its request: the request says what was asked (a refund,
# a void) and carries the amount and currencyCode the response does not repeat.
_REQUEST_RULES = [
    {"when": {"responseCode": "3", "errors.0.errorCode": _REFUSED_AS_ERROR}, "set": {"status_category": "DECLINED"}},
    {"when": {"^transactionRequest.transactionType": "refundTransaction"}, "set": {"event_kind": "REFUND"}},
    {"when": {"responseCode": "1", "^transactionRequest.transactionType": "refundTransaction"},
     "set": {"status_category": "REFUNDED"}},
    {"when": {"responseCode": "2", "^transactionRequest.transactionType": "refundTransaction"},
     "set": {"status_category": "DECLINED"}},
    # responseCode 3 "Error": a refund refused as a request stays ERROR, a refused card is a decline.
    {"when": {"responseCode": "3", "^transactionRequest.transactionType": "refundTransaction",
              "errors.0.errorCode": _REFUSED_AS_ERROR}, "set": {"status_category": "DECLINED"}},
    {"when": {"^transactionRequest.transactionType": "voidTransaction"}, "set": {"event_kind": "VOID"}},
    {"when": {"responseCode": "1", "^transactionRequest.transactionType": "voidTransaction"},
     "set": {"status_category": "CANCELLED"}},
    {"when": {"responseCode": ["2", "3"], "^transactionRequest.transactionType": "voidTransaction"},
     "set": {"status_category": "ERROR"}},
    {"when": {"^transactionRequest.transactionType": ["priorAuthCaptureTransaction", "captureOnlyTransaction"]},
     "set": {"event_kind": "CAPTURE"}},
]
# In-app wallet tokens sent as opaqueData (developer.authorize.net/api/reference/features/in-app.html):
# Apple Pay, Google Pay and Visa Checkout. Accept.js nonces (COMMON.ACCEPT.INAPP.PAYMENT) are cards.
_WALLET_DESCRIPTORS = ["COMMON.APPLE.INAPP.PAYMENT", "COMMON.GOOGLE.INAPP.PAYMENT", "COMMON.VCO.ONLINE.PAYMENT"]
_REQUEST_RULES.append({"when": {"^transactionRequest.payment.opaqueData.dataDescriptor": _WALLET_DESCRIPTORS},
                       "set": {"payment_method": "WALLET"}})
_XML_TIMEOUT_RULE = {"when": {"errors.error.errorCode": "120"}, "set": {"status_category": "UNKNOWN"}}
# Reason codes the gateway returns only to a credit (refund) request it refuses (responseCodes.html: 50 "This
# transaction is awaiting settlement and cannot be refunded", 51 "The sum of all credits against this transaction
# is greater than the original transaction amount", 54 "The referenced transaction does not meet the criteria for
# issuing a credit", 55 "The sum of credits against the referenced transaction would exceed original debit
# amount"): the reply is a refund, refused (docs/taxonomy.md: a failed or rejected refund is a DECLINED REFUND),
# whether or not the request is stored with it.
_REFUND_REFUSAL_CODES = ["50", "51", "54", "55"]
_REFUND_REFUSAL_RULES = [
    {"when": {path: _REFUND_REFUSAL_CODES, "responseCode": ["2", "3"]},
     "set": {"event_kind": "REFUND", "status_category": "DECLINED"}}
    for path in ("errors.error.errorCode", "errors.0.errorCode")
]
# Response reason code 310 "This transaction has already been voided." (Authorize.net response code
# reference, developer.authorize.net/api/reference/responseCodes.html): a void answered with responseCode 1
# because the transaction is voided already: the outcome is a cancelled transaction.
_ALREADY_VOIDED_RULES = [
    {"when": {"responseCode": "1", path: "310"}, "set": {"status_category": "CANCELLED", "event_kind": "VOID"}}
    for path in ("messages.message.code", "messages.message.0.code", "messages.0.code")
]

_CIM_TRANSACTION = "createCustomerProfileTransactionResponse"
_XML_ERROR_ROOTS = ("ErrorResponse", "createTransactionResponse", "getTransactionDetailsResponse", _CIM_TRANSACTION)
# CIM calls about stored customers and payment profiles (with or without a validation auth): no payment.
_CIM_PROFILE_CALLS = ("validateCustomerPaymentProfileResponse", "createCustomerProfileResponse",
                      "createCustomerPaymentProfileResponse", "updateCustomerPaymentProfileResponse",
                      "createCustomerProfileFromTransactionResponse", "getCustomerProfileResponse",
                      "getCustomerPaymentProfileResponse", "deleteCustomerProfileResponse")
AIM_RESPONSE_KEY = "payobs_aim_response"  # prepare(): the document was read from an AIM delimited response
# AIM response field positions (1-based) and the x_ names Silent Post gives the same values.
# AIM x_type values (AIM Developer Guide, "Transaction Types"), echoed as response field 12.
AIM_TRANSACTION_TYPES = ("auth_capture", "auth_only", "capture_only", "credit", "prior_auth_capture", "void")
AIM_FIELDS = {
    1: "x_response_code", 2: "x_response_subcode", 3: "x_response_reason_code", 4: "x_response_reason_text",
    5: "x_auth_code", 6: "x_avs_code", 7: "x_trans_id", 8: "x_invoice_num", 9: "x_description", 10: "x_amount",
    11: "x_method", 12: "x_type", 13: "x_cust_id", 14: "x_first_name", 15: "x_last_name", 16: "x_company",
    17: "x_address", 18: "x_city", 19: "x_state", 20: "x_zip", 21: "x_country", 22: "x_phone", 23: "x_fax",
    24: "x_email", 35: "x_tax", 36: "x_duty", 37: "x_freight", 38: "x_tax_exempt", 39: "x_po_num",
    40: "x_MD5_Hash", 41: "x_cvv2_resp_code", 42: "x_cavv_response", 51: "x_account_number", 52: "x_card_type",
    53: "x_split_tender_id", 54: "x_prepaid_requested_amount", 55: "x_prepaid_balance_on_card",
}

# The Response Reason Text of the commonest codes (developer.authorize.net/api/reference/responseCodes.html),
# read when a response lost its reason code: 1 approved; 2, 3, 4 declined; 6 invalid card number; 8 card
# expired; 11 duplicate; 17 / 28 card type not accepted.
REASON_TEXTS = {
    "this transaction has been declined.": REASON_CODES["2"],
    "the credit card number is invalid.": REASON_CODES["6"],
    "the credit card has expired.": REASON_CODES["8"],
    "a duplicate transaction has been submitted.": REASON_CODES["11"],
    "the merchant does not accept this type of credit card.": REASON_CODES["17"],
}

# Set by prepare() to the account's currency when the message carries an amount (AMOUNT_NAMES anywhere in it).
DEFAULT_CURRENCY_KEY = "_payobs_account_currency"
ACCOUNT_CURRENCY = "USD"
AMOUNT_NAMES = frozenset({"amount", "settleAmount", "authAmount", "x_amount", "ApprovedAmount", "RequestedAmount",
                          "totalAmount"})

SPEC = {
    "provider": "authorizenet",
    "aliases": ["authorizenet", "authorize.net", "authorize_net", "authnet", "anet"],
    "detect": [
        {"path": "transactionResponse.transId", "exists": True, "weight": 0.4},
        {"path": "transactionResponse.responseCode", "in": list(RESPONSE_CODES), "weight": 0.3},
        {"path": "messages.resultCode", "in": ["Ok", "Error"], "weight": 0.3},
        # A JSON API error answer is only {refId, messages: {resultCode "Error", message: [{code, text}]}}: its
        # E000nn / E001nn message codes (responseCodes.html) are Authorize.net's own.
        {"path": "messages.message.0.code", "prefix": ["E000", "E001"], "weight": 0.3},
        {"path": "transaction.transactionStatus", "in": list(TRANSACTION_STATUSES), "weight": 0.5},
        {"path": "transaction.submitTimeUTC", "exists": True, "weight": 0.2},
        {"path": "transactions.0.transactionStatus", "in": list(TRANSACTION_STATUSES), "weight": 0.5},
        {"path": "createTransactionResponse.transactionResponse", "exists": True, "weight": 0.9},
        {"path": "getTransactionDetailsResponse.transaction", "exists": True, "weight": 0.9},
        {"path": "eventType", "prefix": "net.authorize.", "weight": 0.9},
        {"path": "x_response_code", "exists": True, "weight": 0.5},
        {"path": "x_trans_id", "exists": True, "weight": 0.3},
        {"path": "ErrorResponse.messages.resultCode", "in": ["Error"], "weight": 0.9},
        {"path": f"{_CIM_TRANSACTION}.directResponse", "exists": True, "weight": 0.9},
        *({"path": f"{root}.messages.resultCode", "in": ["Ok", "Error"], "weight": 0.9} for root in _CIM_PROFILE_CALLS),
        # The JSON API's createCustomerProfileTransaction response: directResponse beside messages.
        {"path": "directResponse", "exists": True, "weight": 0.3},
        # An AIM response stored as the row itself: formats reads the line as {"values": [...]}
        # (field 1 response code, 3 reason code, 11 method, 12 transaction type).
        {"path": "values.0", "in": list(RESPONSE_CODES), "weight": 0.2},
        {"path": "values.2", "in": list(REASON_CODES), "weight": 0.2},
        # Field 4, the Response Reason Text, in Authorize.net's own words (responseCodes.html).
        {"path": "values.3", "in": ["This transaction has been approved.", *REASON_TEXTS], "weight": 0.3},
        {"path": "values.10", "in": ["CC", "ECHECK"], "weight": 0.2},
        {"path": "values.11", "in": list(AIM_TRANSACTION_TYPES), "weight": 0.4},
        # The same line encapsulated in the delimiter formats splits on (|1|,|1|,...: see _unencapsulated): field n
        # at position 2n-1, the other delimiter between.
        {"path": "values.7", "in": ["This transaction has been approved.", *REASON_TEXTS], "weight": 0.3},
        {"path": "values.21", "in": ["CC", "ECHECK"], "weight": 0.2},
        {"path": "values.23", "in": list(AIM_TRANSACTION_TYPES), "weight": 0.4},
        {"path": "createTransactionResponse.messages.resultCode", "in": ["Ok", "Error"], "weight": 0.9},
        # Card-present XML response (Card-Present Implementation Guide, "XML Response").
        {"path": "response.TransHash", "exists": True, "weight": 0.5},
        {"path": "response.ResponseCode", "in": list(RESPONSE_CODES), "weight": 0.3},
        {"path": "response.CVVResultCode", "exists": True, "weight": 0.1},
        {"path": "getTransactionDetailsResponse.messages.resultCode", "in": ["Ok", "Error"], "weight": 0.9},
        # Accept Hosted transaction response: transId and responseCode beside a masked accountNumber and totalAmount.
        {"path": "accountNumber", "prefix": "XXXX", "weight": 0.2},
        {"path": "transId", "exists": True, "weight": 0.1},
        {"path": "totalAmount", "exists": True, "weight": 0.1},
        {"path": "responseCode", "in": list(RESPONSE_CODES), "weight": 0.1},
    ],
    "amount_unit": "major",
    # The account's currency (USD, see the docstring) only where the message carries an amount: a currency
    # says nothing without one (prepare sets DEFAULT_CURRENCY_KEY then).
    "fields": {"currency": [f"^{DEFAULT_CURRENCY_KEY}"]},
    "status_map": RESPONSE_CODES,
    "reason_map": {**REASON_CODES, **REASON_TEXTS},
    "payment_method_map": PAYMENT_METHODS,
    "variants": [
        {
            # Accept Hosted's transaction response (accept-hosted.html, "Transaction Response": the hosted form hands
            # the merchant's IFrameCommunicator / receipt page the transaction as JSON: transId, responseCode,
            # authorization, accountType, accountNumber, totalAmount, dateTime, refId, orderInvoiceNumber).
            "name": "accept_hosted.transact_response",
            "match": {"transId": {"exists": True}, "responseCode": {"exists": True},
                      "totalAmount": {"exists": True}},
            "fields": {**_RESPONSE_FIELDS, "amount": ["totalAmount"], "event_time": ["dateTime"],
                       "attempt_id": ["transId"], "currency": [f"^{DEFAULT_CURRENCY_KEY}"]},
        },
        {
            # Customer-profile, payment-profile and ARB subscription events: no payment moved.
            "name": "webhook.not_a_payment",
            "match": {"eventType": {"prefix": "net.authorize.customer."}},
            "not_a_payment": "a customer, payment-profile or subscription event is not a payment",
        },
        {
            # refund.created: "a successfully settled transaction was refunded". The payload's id is the
            # refund's own transaction; it does not name the refunded one (no refTransId), so no attempt_id.
            "name": "webhook.refund",
            "match": {"eventType": "net.authorize.payment.refund.created"},
            "root": "payload",
            "event_kind": "REFUND",
            "status": "REFUNDED",
            "fields": {
                "provider_transaction_id": ["id"],
                "amount": ["authAmount"],
                "event_time": ["^eventDate"],
            },
        },
        {
            "name": "webhook",
            "match": {"eventType": {"prefix": "net.authorize.payment."}},
            "root": "payload",
            "fields": {
                "provider_transaction_id": ["id"],
                "status": ["responseCode"],
                "amount": ["authAmount"],
                "event_time": ["^eventDate"],
                # A void or a prior-auth capture acts on the authorization's own transaction id.
                "attempt_id": ["id"],
            },
            "rules": [
                {"when": {"^eventType": "net.authorize.payment.void.created"},
                 "set": {"status_category": "CANCELLED", "event_kind": "VOID"}},
                {"when": {"^eventType": ["net.authorize.payment.capture.created",
                                         "net.authorize.payment.priorAuthCapture.created"]},
                 "set": {"event_kind": "CAPTURE"}},
                {"when": {"^eventType": "net.authorize.payment.fraud.held"}, "set": {"status_category": "PENDING"}},
                {"when": {"^eventType": "net.authorize.payment.fraud.approved"},
                 "set": {"status_category": "APPROVED"}},
                {"when": {"^eventType": "net.authorize.payment.fraud.declined"},
                 "set": {"status_category": "DECLINED", "failure_reason": "RISK_REJECTED",
                         "failure_source": _MERCHANT_RISK}},
            ],
        },
        {
            "name": "xml.create_transaction",
            "match": {"createTransactionResponse.transactionResponse": {"exists": True}},
            "root": "createTransactionResponse.transactionResponse",
            "fields": {**_RESPONSE_FIELDS,
                       "reason_code": ["errors.error.errorCode", "^createTransactionResponse.messages.message.code"]},
            "rules": [_XML_TIMEOUT_RULE, *_ALREADY_VOIDED_RULES, *_REFUND_REFUSAL_RULES],
        },
        {
            "name": "xml.transaction_details.unsettled",
            "match": {"getTransactionDetailsResponse.transaction": {"exists": True},
                      "getTransactionDetailsResponse.transaction.settleAmount": _NOTHING_SETTLED},
            "root": "getTransactionDetailsResponse.transaction",
            "fields": _UNSETTLED_DETAILS_FIELDS,
            "status_map": TRANSACTION_STATUSES,
            "rules": _DETAILS_RULES,
        },
        {
            "name": "xml.transaction_details",
            "match": {"getTransactionDetailsResponse.transaction": {"exists": True}},
            "root": "getTransactionDetailsResponse.transaction",
            "fields": _DETAILS_FIELDS,
            "status_map": TRANSACTION_STATUSES,
            "rules": _DETAILS_RULES,
        },
        {
            "name": "create_transaction",
            "match": {"transactionResponse.responseCode": {"exists": True}},
            "root": "transactionResponse",
            "fields": {**_RESPONSE_FIELDS, "amount": ["^transactionRequest.amount"],
                       "currency": ["^transactionRequest.currencyCode", f"^{DEFAULT_CURRENCY_KEY}"],
                       "customer_country": ["^transactionRequest.billTo.country"],
                       # A refund, void or prior-auth capture request names the transaction it acts on.
                       "attempt_id": ["^transactionRequest.refTransId", "transId"]},
            "rules": [_TIMEOUT_RULE, *_REQUEST_RULES, *_ALREADY_VOIDED_RULES, *_REFUND_REFUSAL_RULES],
        },
        {
            "name": "transaction_details.unsettled",
            "match": {"transaction.transactionStatus": {"exists": True}, "transaction.settleAmount": _NOTHING_SETTLED},
            "root": "transaction",
            "fields": _UNSETTLED_DETAILS_FIELDS,
            "status_map": TRANSACTION_STATUSES,
            "rules": _DETAILS_RULES,
        },
        {
            "name": "transaction_details",
            "match": {"transaction.transactionStatus": {"exists": True}},
            "root": "transaction",
            "fields": _DETAILS_FIELDS,
            "status_map": TRANSACTION_STATUSES,
            "rules": _DETAILS_RULES,
        },
        {
            # A transaction list response kept whole: the first summary is the transaction the row is about.
            "name": "transaction_list",
            "match": {"transactions.0.transactionStatus": {"exists": True}},
            "root": "transactions.0",
            "fields": {
                "provider_transaction_id": ["transId"],
                "status": ["transactionStatus"],
                "amount": ["settleAmount"],
                "event_time": ["submitTimeUTC"],
                "payment_method": ["accountType"],
                "card_brand": ["accountType"],
            },
            "status_map": TRANSACTION_STATUSES,
            # A summary names no refTransId: refund and void rows get no attempt_id rather than a wrong one.
            "rules": [{"when": {"transactionStatus": "failedReview"},
                       "set": {"failure_reason": "RISK_REJECTED", "failure_source": _MERCHANT_RISK}},
                      {"when": {"transactionStatus": ["voided", "expired", "couldNotVoid"]},
                       "set": {"event_kind": "VOID"}},
                      {"when": {"transactionStatus": "settlementError"}, "set": {"event_kind": "CAPTURE"}}],
        },
        {
            # The API refused the call itself (bad credentials, malformed request): no transaction.
            "name": "api_error",
            "match": {"messages.resultCode": "Error"},
            "status": "ERROR",
            "fields": {"reason_code": ["messages.message.0.code", "messages.message.code"]},
            "rules": _DECLINED_MESSAGE_RULES,
        },
        *({
            # The XML API's refusal of a call: <ErrorResponse> (malformed request, credentials), or a response
            # element naming no transaction (createTransactionResponse without transactionResponse, a
            # getTransactionDetailsResponse for an unknown transId: E00040).
            "name": "xml.api_error",
            "match": {f"{root}.messages.resultCode": "Error"},
            "root": root,
            "status": "ERROR",
            "fields": {"reason_code": ["messages.message.0.code", "messages.message.code"]},
            "rules": _DECLINED_MESSAGE_RULES,
        } for root in _XML_ERROR_ROOTS),
        {
            # Card-present (AIM CP) XML response: <response><ResponseCode/>... (see the module docstring).
            "name": "card_present.xml",
            "match": {"response.ResponseCode": {"exists": True}, "response.TransHash": {"exists": True}},
            "root": "response",
            "default_payment_method": "CARD",
            "fields": {
                "provider_transaction_id": ["TransID"],
                "status": ["ResponseCode"],
                "reason_code": ["Errors.Error.ErrorCode", "Messages.Message.Code"],
                # Only a partial authorization of a prepaid card states an amount: the one approved.
                "amount": ["PrepaidCard.ApprovedAmount"],
                "attempt_id": ["TransID"],
            },
            "rules": [
                # As for createTransaction: response code 3 for a refused card or request is a refusal.
                {"when": {"ResponseCode": "3", "Errors.Error.ErrorCode": _REFUSED_AS_ERROR},
                 "set": {"status_category": "DECLINED"}},
                {"when": {"Errors.Error.ErrorCode": "120"}, "set": {"status_category": "UNKNOWN"}},
                {"when": {"ResponseCode": "1", "Messages.Message.Code": "310"},
                 "set": {"status_category": "CANCELLED", "event_kind": "VOID"}},
            ],
        },
        {
            # Silent Post / Relay Response: the form the gateway posts to the merchant.
            "name": "silent_post",
            "match": {"x_response_code": {"exists": True}},
            "fields": {
                "provider_transaction_id": ["x_trans_id"],
                "status": ["x_response_code"],
                "reason_code": ["x_response_reason_code", "x_response_reason_text"],
                "amount": ["x_amount"],
                # Echoed from the request when the merchant sent it (AIM x_currency_code); else the account's.
                "currency": ["x_currency_code", f"^{DEFAULT_CURRENCY_KEY}"],
                "payment_method": ["x_method"],
                "card_brand": ["x_card_type"],
                "customer_country": ["x_country"],  # the billing address country
            },
            # x_type auth_capture / auth_only are authorizations; the others name no authorization.
            # ARB Silent Post (x_subscription_id, x_subscription_paynum) is one charge of a subscription: the same.
            "rules": [
                # As for createTransaction: response code 3 for a refused card or request is a refusal.
                {"when": {"x_response_code": "3", "x_response_reason_code": _REFUSED_AS_ERROR},
                 "set": {"status_category": "DECLINED"}},
                {"when": {"x_type": "credit"}, "set": {"event_kind": "REFUND"}},
                {"when": {"x_type": "credit", "x_response_code": "1"}, "set": {"status_category": "REFUNDED"}},
                {"when": {"x_type": "credit", "x_response_code": "2"}, "set": {"status_category": "DECLINED"}},
                # Response code 3 is "Error" (responseCodes.html): a credit refused as a request (reason 54,
                # "does not meet the criteria for issuing a credit"; 16 transaction not found) is an ERROR,
                # unless the reason refuses the card itself (as for authorizations, above).
                {"when": {"x_type": "credit", "x_response_code": "3"}, "set": {"status_category": "ERROR"}},
                {"when": {"x_type": "credit", "x_response_code": "3", "x_response_reason_code": _REFUSED_AS_ERROR},
                 "set": {"status_category": "DECLINED"}},
                {"when": {"x_type": "void"}, "set": {"event_kind": "VOID"}},
                {"when": {"x_type": "void", "x_response_code": "1"}, "set": {"status_category": "CANCELLED"}},
                {"when": {"x_type": "void", "x_response_code": ["2", "3"]}, "set": {"status_category": "ERROR"}},
                {"when": {"x_type": ["prior_auth_capture", "capture_only"]}, "set": {"event_kind": "CAPTURE"}},
                {"when": {"x_response_reason_code": "120"}, "set": {"status_category": "UNKNOWN"}},
            ],
        },
    ],
}


def _has_amount(node: Any, depth: int = 0) -> bool:
    """Whether an amount field (AMOUNT_NAMES) with a value is anywhere in the message."""
    if depth > 8:
        return False
    if isinstance(node, dict):
        for key, value in node.items():
            if key in AMOUNT_NAMES:
                text = value.get("#text") if isinstance(value, dict) else value
                if text is not None and str(text).strip():
                    return True
            if isinstance(value, (dict, list)) and _has_amount(value, depth + 1):
                return True
    elif isinstance(node, list):
        return any(_has_amount(item, depth + 1) for item in node)
    return False


def prepare(body: Any) -> Any:
    """The message as read (see _prepare), with the account's currency when it carries an amount."""
    prepared = _prepare(body)
    if isinstance(prepared, dict) and _has_amount(prepared):
        return {**prepared, DEFAULT_CURRENCY_KEY: ACCOUNT_CURRENCY}
    return prepared


def _prepare(body: Any) -> Any:
    """A CIM ``directResponse`` (an AIM delimited response) as the AIM ``x_`` fields; other bodies unchanged.

    A customer or payment-profile call (validateCustomerPaymentProfile, createCustomerProfile with its
    validationDirectResponseList ...) is refused with NOT_A_PAYMENT_EVENT: a stored card's check is no payment.
    """
    if not isinstance(body, dict):
        return body
    for root in _CIM_PROFILE_CALLS:
        if isinstance(body.get(root), dict):
            raise UnmappedPayload(NOT_A_PAYMENT_EVENT, f"authorizenet: {root} is a customer/payment-profile call")
    card_present = body.get("response")
    if isinstance(card_present, dict) and "TransHash" in card_present and str(card_present.get("TransID")) == "0":
        # TransID 0: test mode or a refused request, no transaction was created (as for AIM).
        return {**body, "response": {k: v for k, v in card_present.items() if k != "TransID"}}
    values = body.get("values")
    if len(body) == 1 and isinstance(values, list):  # an AIM line stored as the row (formats: delimited)
        fields = aim_fields(_unencapsulated(values))
        return {**fields, AIM_RESPONSE_KEY: "delimited"} if fields else body
    document = body.get(_CIM_TRANSACTION)
    if not isinstance(document, dict):
        document = body
    text = document.get("directResponse")
    if isinstance(text, dict):
        text = text.get("#text")
    fields = parse_aim_response(text) if isinstance(text, str) else None
    if not fields:
        return body
    # The x_ fields decide (a declined CIM transaction's messages.resultCode is Error too).
    return {**fields, AIM_RESPONSE_KEY: "directResponse"}


def _unencapsulated(values: list) -> list:
    """AIM values whose encapsulation character is the one formats split on (x_encap_char ``|`` with x_delim_char
    ``,``: ``|1|,|1|,...`` read as ``["", "1", ",", "1", ..., ""]``) as the values themselves; others unchanged."""
    if len(values) < 3 or values[0] != "" or values[-1] != "" or len(values) % 2 == 0:
        return values
    separators = set(values[2:-1:2])
    if len(separators) != 1 or len(next(iter(separators))) != 1 or next(iter(separators)).isalnum():
        return values
    return values[1::2]


def parse_aim_response(text: str) -> dict[str, str] | None:
    """``1,1,1,This transaction has been approved.,...`` (``|``-delimited too, values optionally encapsulated)
    as ``{"x_response_code": "1", ...}``; None when the text is not an AIM response."""
    text = text.strip()
    if len(text) < 5:
        return None
    encap = text[0] if not text[0].isdigit() else None
    if encap:  # $1$,$1$,...: the response code between two encapsulation characters, then the delimiter
        code, closing, delimiter = text[1], text[2], text[3]
        if closing != encap:
            return None
    else:
        code, delimiter = text[0], text[1]
    if code not in "1234" or delimiter.isalnum() or delimiter in (encap, " "):
        return None
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, quotechar=encap or '"',
                        quoting=csv.QUOTE_MINIMAL if encap else csv.QUOTE_NONE)
    try:
        values = next(reader)
    except (csv.Error, StopIteration):
        return None
    return aim_fields(values)


def aim_fields(values: list) -> dict[str, str] | None:
    """AIM's positional values named with the AIM ``x_`` field names; None when they are not an AIM response."""
    # The first seven fields (response code, subcode, reason code, reason text, authorization code, AVS code,
    # transaction ID: AIM guide "Fields in the Payment Gateway Response") say the outcome; a response cut after
    # them (an integration keeping only those) is read from them.
    if len(values) < 7 or not all(isinstance(value, str) for value in values) or values[0].strip() not in RESPONSE_CODES:
        return None
    fields = {name: values[number - 1].strip() for number, name in AIM_FIELDS.items()
              if number <= len(values) and values[number - 1].strip()}
    if fields.get("x_trans_id") == "0":  # test-mode and refused requests: no transaction was created
        del fields["x_trans_id"]
    return fields
