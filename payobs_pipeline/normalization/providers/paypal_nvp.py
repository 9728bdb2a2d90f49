"""PayPal Classic API (NVP): DoDirectPayment, DoExpressCheckoutPayment, DoAuthorization, DoCapture, DoVoid,
RefundTransaction, DoReferenceTransaction, GetTransactionDetails and GetExpressCheckoutDetails responses.

Sources (PayPal Developer, NVP/SOAP reference, and the PayPal NVP API Developer Guide / Payments Pro
Integration Guide it replaced):
- https://developer.paypal.com/api/nvp-soap/ (response fields: ACK Success / SuccessWithWarning / Failure /
  FailureWithWarning, CORRELATIONID, TIMESTAMP, L_ERRORCODEn, L_SHORTMESSAGEn, L_SEVERITYCODEn)
- https://developer.paypal.com/api/nvp-soap/errors/ (every L_ERRORCODE: general 10001-10011, Express Checkout
  104xx, Direct Payment 105xx/107xx/15001-15011, Authorization & Capture 106xx, Reference Transactions 102xx,
  Fraud Management Filters 11610-11821, 3-D Secure 12000/12001) and
  https://developer.paypal.com/api/nvp-soap/troubleshooting/ (10207, 10412, 10413, 10417, 10486 ...)
- PayPal Payments Pro Integration Guide, "Format of an Error Response": ``L_ERRORPARAMID0=ProcessorResponse``
  with ``L_ERRORPARAMVALUE0=0051`` passes the card processor's own code through (not set by PayPal)
- DoDirectPayment response fields (TRANSACTIONID, AMT, CURRENCYCODE, AVSCODE, CVV2MATCH), DoExpressCheckoutPayment
  (TOKEN, PAYMENTINFO_n_TRANSACTIONID, _AMT, _CURRENCYCODE, _PAYMENTSTATUS, _PENDINGREASON, _REASONCODE,
  _PAYMENTTYPE, _ORDERTIME, _ERRORCODE), DoCapture (AUTHORIZATIONID, TRANSACTIONID, PARENTTRANSACTIONID,
  PAYMENTSTATUS), DoVoid (AUTHORIZATIONID), RefundTransaction (REFUNDTRANSACTIONID, GROSSREFUNDAMT,
  REFUNDSTATUS Instant/Delayed, PENDINGREASON), GetExpressCheckoutDetails (CHECKOUTSTATUS
  PaymentActionNotInitiated / PaymentActionFailed / PaymentActionInProgress / PaymentActionCompleted)
- PaymentStatus values: None, Canceled-Reversal, Completed, Denied, Expired, Failed, In-Progress,
  Partially-Refunded, Pending, Refunded, Reversed, Processed, Voided, Completed-Funds-Held; PendingReason
  (authorization and order mean an approved authorization awaiting capture); ReasonCode (chargeback,
  guarantee, buyer-complaint, refund, other)
The SOAP API returns the same documents as XML: providers/paypal_soap.py turns them into these NVP keys.

Amounts are major units (``AMT=10.40``) with ``CURRENCYCODE``. A Failure ACK is a refusal (DECLINED) unless its
error code is a request, credential or PayPal-side error (ERROR). A ``ProcessorResponse`` pass-through code
(ISO 8583, zero-padded: ``0051``) is more specific than PayPal's ``15005 Processor Decline`` and goes first.

Lifecycle identity: the DoDirectPayment / DoExpressCheckoutPayment / DoReferenceTransaction TRANSACTIONID is the
attempt (an authorization's TRANSACTIONID is its AuthorizationID); DoCapture and DoVoid name it in AUTHORIZATIONID.
The Express Checkout TOKEN is the payment (the checkout the buyer approved). RefundTransaction returns only its
own REFUNDTRANSACTIONID (the refunded transaction is in the request), so a refund has no attempt_id.
"""

from __future__ import annotations

from typing import Any

from payobs_pipeline.normalization.issuer_codes import ISSUER_CODE_REASONS

STATUS_KEY = "payobs_status"  # prepare(): the payment's status, else the call's ACK
PROCESSOR_CODE_KEY = "payobs_processor_code"  # prepare(): the processor's ISO code passed through

_PSP_RISK = {"reason": "RISK_REJECTED", "source": "PSP_RISK"}
_MERCHANT_FILTER = {"reason": "RISK_REJECTED", "source": "MERCHANT_RISK"}  # the merchant's own filters / FMF
_AVS_FILTER = {"reason": "INVALID_CARD_DATA", "source": "CUSTOMER"}

# L_ERRORCODEn (NVP/SOAP API Error Codes page).
ERROR_CODES: dict[str, Any] = {
    # General API errors.
    "10001": "PROCESSING_ERROR",  # internal error
    "10002": "CONFIGURATION_ERROR",  # security error / authentication or authorization failed
    "10003": "INVALID_REQUEST",  # missing argument
    "10004": "INVALID_REQUEST",  # invalid argument
    "10005": "CONFIGURATION_ERROR",  # option not supported
    "10006": "CONFIGURATION_ERROR",  # version not supported
    "10007": "CONFIGURATION_ERROR",  # permission denied
    "10008": "CONFIGURATION_ERROR",  # security header is not valid
    "10009": "INVALID_REQUEST",  # transaction refused (RefundTransaction: cannot refund this transaction)
    "10010": "INVALID_REQUEST",  # invalid invoice
    "10011": "INVALID_REQUEST",  # invalid transaction id
    "10101": "CONFIGURATION_ERROR",  # option not supported
    # Reference transactions / billing agreements.
    "10201": "REVOKED",  # billing agreement was cancelled
    "10202": "LIMIT_EXCEEDED",  # exceeds the billing agreement's maximum amount
    "10203": "GENERIC_DECLINE",  # action required on the buyer's account
    "10204": "RESTRICTED_CARD",  # buyer's account is restricted or closed
    "10205": _PSP_RISK,  # refused by PayPal risk
    "10206": "DUPLICATE",  # duplicate transaction
    "10207": "GENERIC_DECLINE",  # transaction failed, buyer has an alternate funding source: retry
    "10208": "LIMIT_EXCEEDED",  # amount exceeds the maximum
    "10209": "CONFIGURATION_ERROR",  # disabled
    "10210": "CONFIGURATION_ERROR",  # not permitted for this merchant
    "10211": "INVALID_REQUEST",  # invalid billing agreement id
    "10212": "CONFIGURATION_ERROR",
    "10213": "INVALID_REQUEST",
    "10214": "INVALID_REQUEST",
    # Express Checkout.
    "10401": "INVALID_REQUEST",  # order total is invalid
    "10402": "CONFIGURATION_ERROR",  # merchant not enabled for Express Checkout / authorization
    "10404": "INVALID_REQUEST",  # return URL missing
    "10405": "INVALID_REQUEST",  # cancel URL missing
    "10406": "INVALID_REQUEST",  # PayerID does not match the token
    "10407": "INVALID_REQUEST",  # invalid buyer email
    "10408": "INVALID_REQUEST",  # token missing
    "10409": "INVALID_REQUEST",  # token belongs to another merchant
    "10410": "INVALID_REQUEST",  # invalid token
    "10411": "INVALID_REQUEST",  # Express Checkout session expired
    "10412": "DUPLICATE",  # payment already made for this invoice id
    "10413": "INVALID_REQUEST",  # item totals do not match the order total
    "10414": "LIMIT_EXCEEDED",  # amount exceeds the maximum allowed for a single transaction
    "10415": "DUPLICATE",  # a successful transaction was already completed for this token
    "10416": "LIMIT_EXCEEDED",  # maximum number of payment attempts exceeded for this token
    "10417": "GENERIC_DECLINE",  # transaction cannot complete: buyer must use another funding source
    "10418": "INVALID_REQUEST",  # currencies of the cart and the payment do not match
    "10419": "INVALID_REQUEST",  # PayerID missing
    "10420": "INVALID_REQUEST",  # invalid payment action
    "10421": "INVALID_REQUEST",  # token belongs to another customer
    "10422": "GENERIC_DECLINE",  # buyer must choose new funding sources
    "10424": "INVALID_REQUEST",  # shipping address invalid
    "10425": "CONFIGURATION_ERROR",  # Express Checkout disabled for the merchant
    **dict.fromkeys(["10426", "10427", "10428", "10429", "10430", "10431", "10432", "10433", "10434"],
                    "INVALID_REQUEST"),  # item/tax/shipping amounts and fields invalid
    "10435": "GENERIC_DECLINE",  # customer has not yet confirmed the payment
    "10436": "INVALID_REQUEST",
    "10437": "INVALID_REQUEST",
    "10443": "INVALID_REQUEST",  # order not supported for this payment action
    "10444": "INVALID_REQUEST",  # currency mismatch with the authorization
    "10445": "PROCESSING_ERROR",  # cannot be processed at this time, try again later
    "10446": "CONFIGURATION_ERROR",  # unconfirmed email: sale only
    "10474": "TRANSACTION_NOT_PERMITTED",  # buyer's country not allowed by the merchant's settings
    "10486": "GENERIC_DECLINE",  # could not be completed: redirect the customer to PayPal to pick another source
    # Direct Payment (card) errors.
    "10500": "CONFIGURATION_ERROR",  # billing agreement not accepted
    "10501": "CONFIGURATION_ERROR",  # billing agreement disabled or inactive
    "10502": "EXPIRED_CARD",
    "10504": "INCORRECT_CVC",  # invalid CVV format
    "10505": _AVS_FILTER,  # AVS returned N and the merchant refuses such transactions
    "10507": "CONFIGURATION_ERROR",  # merchant account restricted
    "10508": "INVALID_CARD_DATA",  # expiration date invalid
    "10509": "INVALID_REQUEST",  # IP address missing
    "10510": "TRANSACTION_NOT_PERMITTED",  # card type not supported
    "10511": "CONFIGURATION_ERROR",  # merchant not permitted
    **dict.fromkeys(["10512", "10513", "10514", "10515", "10516", "10517", "10518"], "INVALID_REQUEST"),  # names, address
    "10519": "INVALID_CARD_DATA",  # card number missing
    "10520": "INVALID_REQUEST",  # order total missing
    "10521": "INVALID_CARD_DATA",  # invalid card
    "10523": "PROCESSING_ERROR",  # internal error
    "10525": "INVALID_REQUEST",  # amount is zero
    "10526": "TRANSACTION_NOT_PERMITTED",  # currency not supported
    "10527": "INVALID_CARD_DATA",  # invalid card number and type
    "10534": _PSP_RISK,  # card restricted by PayPal
    "10535": "INVALID_CARD_DATA",
    "10536": "DUPLICATE",  # invoice id already used by this merchant
    "10537": _MERCHANT_FILTER,  # merchant's country filter
    "10538": _MERCHANT_FILTER,  # merchant's maximum amount filter
    "10539": _MERCHANT_FILTER,  # filter decline
    "10540": _AVS_FILTER,  # invalid address
    "10541": _PSP_RISK,  # card restricted by PayPal
    "10542": "INVALID_REQUEST",  # invalid email
    "10544": _PSP_RISK,  # declined by PayPal
    "10545": _PSP_RISK,  # possible fraudulent activity
    "10546": _PSP_RISK,  # possible fraudulent activity on the IP address
    "10547": "PROCESSING_ERROR",  # internal error
    # Not a business account, no Direct Payment, Direct Payment disabled, e-mail not confirmed.
    **dict.fromkeys(["10548", "10549", "10550", "10552"], "CONFIGURATION_ERROR"),
    "10553": "LIMIT_EXCEEDED",  # gateway decline: amount above the merchant's upper limit
    # The merchant's AVS risk filter: no match, partial match, AVS unsupported.
    **dict.fromkeys(["10554", "10555", "10556"], _AVS_FILTER),
    "10561": "INVALID_REQUEST",  # complete billing address required
    "10562": "INVALID_CARD_DATA",  # invalid expiration year
    "10563": "INVALID_CARD_DATA",  # invalid expiration month
    "10564": "GENERIC_DECLINE",  # gateway decline: there was a problem processing this transaction
    "10565": "CONFIGURATION_ERROR",  # merchant country unsupported
    "10701": "INVALID_REQUEST", "10702": "INVALID_REQUEST", "10703": "INVALID_REQUEST", "10704": "INVALID_REQUEST",
    "10705": "INVALID_REQUEST", "10706": "INVALID_REQUEST", "10707": "INVALID_REQUEST", "10708": "INVALID_REQUEST",
    "10709": "INVALID_REQUEST", "10710": "INVALID_REQUEST", "10711": "INVALID_REQUEST", "10712": "INVALID_REQUEST",
    "10713": "INVALID_REQUEST", "10714": "INVALID_REQUEST",  # billing/shipping address fields
    "10748": "INVALID_REQUEST",  # CVV2 required
    "10752": {"reason": "GENERIC_DECLINE", "source": "ISSUER"},  # gateway decline: declined by the issuing bank
    "10754": _PSP_RISK,  # gateway decline
    "10756": _AVS_FILTER,  # card country and billing address do not match
    "10758": "CONFIGURATION_ERROR",  # invalid API username or password
    "10759": "INVALID_CARD_DATA",  # gateway decline: enter a valid card number and type
    "10760": "CONFIGURATION_ERROR",  # merchant's country not supported
    "10761": "DUPLICATE",  # PayPal is processing a transaction by the same buyer for the same amount
    "10762": "INCORRECT_CVC",  # CVV invalid
    "10763": "PROCESSING_ERROR",  # internal error
    "10764": "PROCESSING_ERROR",  # cannot be processed at this time, try again later
    # Fraud Management Filters.
    "11610": _MERCHANT_FILTER,  # payment pending the merchant's review (with a Pending status)
    "11611": _MERCHANT_FILTER,  # blocked by the merchant's FMF settings
    # NVP/SOAP error codes reference: DoCapture 11612 "Transaction must be accepted in Fraud Management Filters
    # before capture" (ManagePendingTransactionStatus: "could not process your request to accept/deny the
    # transaction"): a request the transaction's review state does not allow, not a PayPal failure.
    "11612": "INVALID_REQUEST",
    "11821": _MERCHANT_FILTER,  # already denied by a Fraud Management Filter
    # 3-D Secure.
    "12000": "AUTHENTICATION_FAILED",  # missing or invalid 3-D Secure authentication values
    "12001": "AUTHENTICATION_FAILED",
    # Direct Payment gateway and processor declines.
    "15001": {"reason": "LIMIT_EXCEEDED", "source": "PSP_RISK"},  # excessive failures for this card
    "15002": _PSP_RISK,  # declined by PayPal
    "15003": "CONFIGURATION_ERROR",  # no commercial entity agreement
    "15004": "INCORRECT_CVC",  # CVV does not match
    "15005": {"reason": "GENERIC_DECLINE", "source": "ISSUER"},  # processor decline: declined by the issuing bank
    "15006": "INVALID_CARD_DATA",  # processor decline: enter a valid card number and type
    "15007": "EXPIRED_CARD",  # processor decline: expired card
    "15011": "TRANSACTION_NOT_PERMITTED",  # card issued in an unsupported country
    # Authorization and Capture (DoCapture, DoVoid, DoAuthorization, DoReauthorization).
    "10600": "INVALID_REQUEST",  # authorization is voided
    "10601": "INVALID_REQUEST",  # authorization has expired
    "10602": "INVALID_REQUEST",  # authorization already completed
    "10603": "RESTRICTED_CARD",  # buyer's account is restricted
    "10604": "INVALID_REQUEST",
    "10605": "TRANSACTION_NOT_PERMITTED",  # currency not supported
    "10606": "TRANSACTION_NOT_PERMITTED",  # buyer cannot pay with this funding source
    "10607": "CONFIGURATION_ERROR",  # authorization & capture not available
    "10608": "GENERIC_DECLINE",  # funding source missing
    "10609": "INVALID_REQUEST",  # invalid transaction id
    "10610": "LIMIT_EXCEEDED",  # amount limit exceeded
    "10611": "CONFIGURATION_ERROR",  # not enabled
    "10612": "INVALID_REQUEST",  # capture exceeds the authorized amount
    "10613": "INVALID_REQUEST",  # currency mismatch
    "10614": "INVALID_REQUEST",  # only the original authorization can be voided
    "10615": "INVALID_REQUEST", "10616": "INVALID_REQUEST", "10617": "INVALID_REQUEST",
    "10618": "INVALID_REQUEST",  # transaction already voided or expired
    "10619": "INVALID_REQUEST",  # invoice id too long
    "10620": "INVALID_REQUEST", "10621": "INVALID_REQUEST", "10622": "INVALID_REQUEST", "10623": "LIMIT_EXCEEDED",
    "10624": "DUPLICATE",  # duplicate invoice
    "10625": "LIMIT_EXCEEDED",  # amount exceeds the limit
    "10626": _PSP_RISK,  # refused by PayPal's risk model
    "10627": "INVALID_REQUEST",
    "10628": "PROCESSING_ERROR",  # cannot be processed at this time, try again later
    "10629": "INVALID_REQUEST",  # reauthorization not allowed
    "10630": "INVALID_REQUEST",
}

# A Failure is DECLINED unless its code says the request, the credentials or PayPal itself failed.
_TECHNICAL_REASONS = {"PROCESSING_ERROR", "CONFIGURATION_ERROR", "INVALID_REQUEST", "TIMEOUT"}
ERROR_STATUS_CODES = sorted(code for code, entry in ERROR_CODES.items()
                            if (entry if isinstance(entry, str) else entry["reason"]) in _TECHNICAL_REASONS)

_FAILURE_ACKS = ["Failure", "FailureWithWarning"]
_SUCCESS_ACKS = ["Success", "SuccessWithWarning"]

STATUSES = {
    # ACK, when no payment status says more.
    "Success": "APPROVED",
    "SuccessWithWarning": "APPROVED",
    "Failure": "DECLINED",
    "FailureWithWarning": "DECLINED",
    # PaymentStatus (NVP spells them with hyphens; IPN and some SDKs with underscores).
    "Completed": "APPROVED",
    "Completed-Funds-Held": "APPROVED",
    "Completed_Funds_Held": "APPROVED",
    "Processed": "APPROVED",
    "Pending": "PENDING",
    "In-Progress": "PENDING",
    "In_Progress": "PENDING",
    "Denied": "DECLINED",
    "Failed": "DECLINED",
    "Expired": "CANCELLED",
    "Voided": "CANCELLED",
    "Refunded": "REFUNDED",
    "Partially-Refunded": "REFUNDED",
    "Partially_Refunded": "REFUNDED",
    "Reversed": "CHARGEBACK",
    "Canceled-Reversal": "CHARGEBACK",
    "Canceled_Reversal": "CHARGEBACK",
    # GetExpressCheckoutDetails CHECKOUTSTATUS: the checkout as a whole.
    "PaymentActionNotInitiated": "PENDING",
    "PaymentActionInProgress": "PENDING",
    "PaymentActionFailed": "DECLINED",
    "PaymentActionCompleted": "APPROVED",
}

_PI = "PAYMENTINFO_0_"
FIELDS = {
    "provider_transaction_id": ["REFUNDTRANSACTIONID", f"{_PI}TRANSACTIONID", "TRANSACTIONID", "AUTHORIZATIONID"],
    "status": [STATUS_KEY],
    "reason_code": [PROCESSOR_CODE_KEY, "L_ERRORCODE0", f"{_PI}ERRORCODE"],
    "amount": [f"{_PI}AMT", "AMT", "GROSSREFUNDAMT", "PAYMENTREQUEST_0_AMT"],
    "currency": [f"{_PI}CURRENCYCODE", "CURRENCYCODE", "PAYMENTREQUEST_0_CURRENCYCODE"],
    "event_time": [f"{_PI}ORDERTIME", "ORDERTIME", "TIMESTAMP"],
    "customer_country": ["COUNTRYCODE", "SHIPTOCOUNTRYCODE"],
    "merchant_id": [f"{_PI}SECUREMERCHANTACCOUNTID", "RECEIVERID"],
    # DoCapture / DoVoid name the authorization they act on; a payment's own id is its attempt otherwise.
    "attempt_id": ["AUTHORIZATIONID", f"{_PI}TRANSACTIONID", "TRANSACTIONID"],
    "payment_id": ["TOKEN"],
    # A payment's details saying Refunded / Partially-Refunded name no refund object (RefundTransaction's
    # REFUNDTRANSACTIONID does): no refund id rather than the payment's.
    "refund_id": [],
}

_PENDING = ["Pending", "In-Progress", "In_Progress"]
RULES = [
    # 11610 "Payment Pending your review in Fraud Management Filters" (nvp-soap/errors): a call that succeeded
    # with this warning took a payment the merchant's filters hold for review: pending, not approved.
    {"when": {"ACK": _SUCCESS_ACKS, "L_ERRORCODE0": "11610"}, "set": {"status_category": "PENDING"}},
    # A failed call with a request, credential or PayPal-side error code: a technical failure, not a refusal.
    {"when": {"ACK": _FAILURE_ACKS, "L_ERRORCODE0": ERROR_STATUS_CODES}, "set": {"status_category": "ERROR"}},
    # Pending for "authorization" / "order": the payment is authorized and awaits capture.
    {"when": {STATUS_KEY: _PENDING, "PENDINGREASON": ["authorization", "order"]}, "set": {"status_category": "APPROVED"}},
    {"when": {STATUS_KEY: _PENDING, f"{_PI}PENDINGREASON": ["authorization", "order"]},
     "set": {"status_category": "APPROVED"}},
    # Denied: the merchant denied a payment its Fraud Management Filters held for review.
    {"when": {STATUS_KEY: "Denied"}, "set": {"failure_reason": "RISK_REJECTED", "failure_source": "MERCHANT_RISK"}},
    # Voided / Expired are an authorization's.
    {"when": {STATUS_KEY: ["Voided", "Expired"]}, "set": {"event_kind": "VOID"}},
    # Reversed for a refund the merchant gave (ReasonCode refund) is a refund, not a dispute.
    {"when": {STATUS_KEY: "Reversed", "REASONCODE": "refund"}, "set": {"status_category": "REFUNDED"}},
    {"when": {STATUS_KEY: "Reversed", f"{_PI}REASONCODE": "refund"}, "set": {"status_category": "REFUNDED"}},
    {"when": {STATUS_KEY: ["Reversed", "Canceled-Reversal", "Canceled_Reversal"]}, "set": {"event_kind": "DISPUTE"}},
    {"when": {STATUS_KEY: "Reversed", "REASONCODE": "refund"}, "set": {"event_kind": "REFUND"}},
    {"when": {STATUS_KEY: "Reversed", f"{_PI}REASONCODE": "refund"}, "set": {"event_kind": "REFUND"}},
    # Payment method: Express Checkout pays from the PayPal account; DoDirectPayment answers with the card's
    # AVS/CVV2 results; an eCheck funds the payment from a bank account.
    {"when": {"TOKEN": {"exists": True}}, "set": {"payment_method": "WALLET"}},
    {"when": {f"{_PI}TRANSACTIONID": {"exists": True}}, "set": {"payment_method": "WALLET"}},
    {"when": {"CVV2MATCH": {"exists": True}}, "set": {"payment_method": "CARD"}},
    {"when": {"AVSCODE": {"exists": True}}, "set": {"payment_method": "CARD"}},
    {"when": {"PAYMENTTYPE": "echeck"}, "set": {"payment_method": "BANK_TRANSFER"}},
    {"when": {f"{_PI}PAYMENTTYPE": "echeck"}, "set": {"payment_method": "BANK_TRANSFER"}},
]

_NOT_A_PAYMENT = ("a PayPal Classic API response about no payment (balance, MassPay, recurring profile, billing "
                  "agreement or address check, or a transaction search page)")
_NO_TRANSACTION = {"TRANSACTIONID": {"exists": False}, f"{_PI}TRANSACTIONID": {"exists": False},
                   "REFUNDTRANSACTIONID": {"exists": False}, "AUTHORIZATIONID": {"exists": False}}

VARIANTS = [
    # TransactionSearch (L_TRANSACTIONIDn): a page of many transactions, not one event.
    {"name": "nvp.not_a_payment", "match": {"L_TRANSACTIONID0": {"exists": True}}, "not_a_payment": _NOT_A_PAYMENT},
    # GetBalance (L_AMTn), recurring payments profiles (PROFILEID), AddressVerify (CONFIRMATIONCODE).
    {"name": "nvp.not_a_payment", "match": {"L_AMT0": {"exists": True}, **_NO_TRANSACTION},
     "not_a_payment": _NOT_A_PAYMENT},
    {"name": "nvp.not_a_payment", "match": {"PROFILEID": {"exists": True}, **_NO_TRANSACTION},
     "not_a_payment": _NOT_A_PAYMENT},
    {"name": "nvp.not_a_payment", "match": {"CONFIRMATIONCODE": {"exists": True}, **_NO_TRANSACTION},
     "not_a_payment": _NOT_A_PAYMENT},
    # CreateBillingAgreement: an agreement set up, nothing charged yet.
    {"name": "nvp.not_a_payment", "match": {"BILLINGAGREEMENTID": {"exists": True}, "ACK": _SUCCESS_ACKS,
                                            **_NO_TRANSACTION},
     "not_a_payment": _NOT_A_PAYMENT},
    {
        # RefundTransaction: REFUNDSTATUS Instant (done) or Delayed (pending, e.g. an eCheck payment's refund).
        "name": "nvp.refund",
        "match": {"REFUNDTRANSACTIONID": {"exists": True}},
        "event_kind": "REFUND",
        "fields": {"refund_id": ["REFUNDTRANSACTIONID"], "attempt_id": [], "amount": ["GROSSREFUNDAMT", "AMT"]},
        "status_map": {"Success": "REFUNDED", "SuccessWithWarning": "REFUNDED"},
        "rules": [*RULES, {"when": {"REFUNDSTATUS": "Delayed"}, "set": {"status_category": "PENDING"}},
                  {"when": {"ACK": _SUCCESS_ACKS, "REFUNDSTATUS": {"exists": False}, "PENDINGREASON": "echeck"},
                   "set": {"status_category": "PENDING"}}],
    },
    {
        # DoVoid: only the voided AuthorizationID comes back.
        "name": "nvp.void",
        "match": {"AUTHORIZATIONID": {"exists": True}, "TRANSACTIONID": {"exists": False}},
        "event_kind": "VOID",
        "status_map": {"Success": "CANCELLED", "SuccessWithWarning": "CANCELLED", "Failure": "ERROR",
                       "FailureWithWarning": "ERROR"},
    },
    {
        # DoCapture: the capture (TRANSACTIONID) of an authorization (AUTHORIZATIONID).
        "name": "nvp.capture",
        "match": {"AUTHORIZATIONID": {"exists": True}, "TRANSACTIONID": {"exists": True}},
        "event_kind": "CAPTURE",
        "rules": [*RULES, {"when": {STATUS_KEY: ["Voided", "Expired"]}, "set": {"event_kind": "CAPTURE"}}],
    },
    {
        # SetExpressCheckout: only a TOKEN; the buyer has not approved anything yet.
        "name": "nvp.checkout_created",
        "match": {"TOKEN": {"exists": True}, "ACK": _SUCCESS_ACKS, "CHECKOUTSTATUS": {"exists": False},
                  "AMT": {"exists": False}, "PAYMENTREQUEST_0_AMT": {"exists": False}, **_NO_TRANSACTION},
        "status": "PENDING",
        "event_kind": "PAYMENT",
    },
    {
        # GetExpressCheckoutDetails: the checkout's state (CHECKOUTSTATUS) before or after DoExpressCheckoutPayment.
        "name": "nvp.checkout_details",
        "match": {"CHECKOUTSTATUS": {"exists": True}, "ACK": _SUCCESS_ACKS},
        "event_kind": "PAYMENT",
        "fields": {"attempt_id": ["PAYMENTREQUEST_0_TRANSACTIONID"]},
    },
    # A successful call that names no transaction at all (MassPay, ManageRecurringPaymentsProfileStatus ...).
    {"name": "nvp.not_a_payment", "match": {"ACK": _SUCCESS_ACKS, "AMT": {"exists": False},
                                            "TOKEN": {"exists": False}, **_NO_TRANSACTION},
     "not_a_payment": _NOT_A_PAYMENT},
    {"name": "nvp.payment"},
]

SPEC = {
    "provider": "paypal",
    "aliases": ["paypal", "paypal_nvp", "paypal_classic", "paypal_pro", "paypal_payments_pro", "paypal_express",
                "paypal_express_checkout", "paypal_website_payments_pro", "paypal_ec"],
    "detect": [
        {"path": "ACK", "in": [*_SUCCESS_ACKS, *_FAILURE_ACKS, "Warning"], "weight": 0.3},
        {"path": "CORRELATIONID", "exists": True, "weight": 0.4},
        {"path": "BUILD", "exists": True, "weight": 0.1},
        {"path": "L_ERRORCODE0", "exists": True, "weight": 0.2},
        {"path": "L_SEVERITYCODE0", "exists": True, "weight": 0.2},
        {"path": f"{_PI}TRANSACTIONID", "exists": True, "weight": 0.4},
        {"path": "REFUNDTRANSACTIONID", "exists": True, "weight": 0.3},
        {"path": "CVV2MATCH", "exists": True, "weight": 0.2},
        # The same reply with its names in lower case (see upper_case_keys).
        {"path": "ack", "in": [*_SUCCESS_ACKS, *_FAILURE_ACKS, "Warning"], "weight": 0.3},
        {"path": "correlationid", "exists": True, "weight": 0.4},
        {"path": "build", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "major",
    "fields": FIELDS,
    "status_map": STATUSES,
    "reason_map": ERROR_CODES,
    # The ProcessorResponse pass-through is the processor's ISO 8583 code.
    "reason_fallback": "iso8583",
    "rules": RULES,
    "variants": VARIANTS,
}


def prepare(body: Any) -> Any:
    """The status to read (the payment's, unless the call failed) and the processor's pass-through code.

    ``PAYMENTSTATUS=None`` means "no status": the ACK speaks. Pure: returns a shallow copy with extra keys.
    """
    if not isinstance(body, dict):
        return body
    body = upper_case_keys(body)
    return {**body, **derived_keys(body)}


def upper_case_keys(body: dict) -> dict:
    """An NVP reply whose names were stored in lower case (django-paypal's PayPalNVP model keeps ``ack``,
    ``correlationid``, ``amt``, ``paymentstatus``...): NVP names are upper case (developer.paypal.com NVP/SOAP API
    reference), so the reply is read with its names upper-cased."""
    if "ACK" in body or not isinstance(body.get("ack"), str) or "correlationid" not in body:
        return body
    return {key.upper() if isinstance(key, str) else key: value for key, value in body.items()}


def derived_keys(body: dict) -> dict:
    """STATUS_KEY and, when the processor's code is an ISO 8583 code, PROCESSOR_CODE_KEY."""
    ack = _str(body.get("ACK"))
    status = ack
    if ack not in _FAILURE_ACKS:
        for key in (f"{_PI}PAYMENTSTATUS", "PAYMENTSTATUS", "CHECKOUTSTATUS"):
            value = _str(body.get(key))
            if value and value.lower() != "none":
                status = value
                break
    derived = {STATUS_KEY: status} if status else {}
    if _str(body.get("L_ERRORPARAMID0")) == "ProcessorResponse":
        code = iso_code(_str(body.get("L_ERRORPARAMVALUE0")))
        if code:
            derived[PROCESSOR_CODE_KEY] = code
    return derived


def iso_code(value: str | None) -> str | None:
    """``0051`` -> ``51`` when it is an ISO 8583 response code the shared table knows; else None."""
    if not value:
        return None
    candidates = [value, value.lstrip("0").rjust(2, "0")]
    for candidate in candidates:
        if candidate in ISSUER_CODE_REASONS:
            return candidate
    return None


def _str(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("#text")
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None
