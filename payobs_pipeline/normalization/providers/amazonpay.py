"""Amazon Pay (Checkout v2 / Amazon Pay API v2): the Charge, Refund, Checkout Session and Charge Permission
objects with their statusDetails, the instant payment notification (IPN), and the API error body. Not Amazon Payment
Services (PayFort): that is amazonpaymentservices.py.

Sources:
- Amazon Pay API v2 reference, Charge (developer.amazon.com/docs/amazon-pay-api-v2/charge.html): chargeId,
  chargePermissionId, chargeAmount / captureAmount / refundedAmount as price {amount (a decimal string),
  currencyCode}, statusDetails {state, reasonCode, reasonDescription, lastUpdatedTimestamp}, creationTimestamp;
  "a successful Charge will move from Authorized to CaptureInitiated to Completed ... may be preceded by a Pending
  state ... an unsuccessful Charge will move to a Declined state ... Canceled if explicitly canceled, or the Charge
  expires after 30 days in the Authorized state". The states and reason codes as the page's "States and reason
  codes" table reads (quoted in the s360 Amazon Pay plugin's lib/AmazonPay/Objects/Charge.php docblock, the stored
  page's text stopping before the table): AuthorizationInitiated, Authorized, CaptureInitiated, Captured, Canceled
  (ExpiredUnused, AmazonCanceled, MerchantCanceled, ChargePermissionCanceled, BuyerCanceled), Declined (SoftDeclined
  "retry attempts may or may not be successful", HardDeclined "retry attempts will not succeed", AmazonRejected
  "declined by Amazon", ProcessingFailure "internal processing error", TransactionTimedOut).
- Refund states RefundInitiated, Refunded, Declined; Charge Permission states Chargeable, NonChargeable, Closed; the
  reason codes of all objects: amazon-pay-api-sdk-dotnet Amazon.Pay.API.Types ReasonCode (AmazonCanceled,
  AmazonClosed, AmazonRejected, BuyerCanceled, ChargeInProgress, ChargePermissionCanceled, Declined, Expired,
  ExpiredUnused, HardDeclined, MerchantCanceled, MerchantClosed, MFAFailed, SoftDeclined, PaymentMethod*,
  ProcessingFailure, TransactionTimedOut) and a PHP module's status constants (STATUS_REFUND_INITIATED,
  STATUS_REFUNDED, STATUS_CHARGEABLE, STATUS_NON_CHARGEABLE, STATUS_CLOSED). Checkout Session states Open,
  Completed, Canceled (API introduction, developer.amazon.com/docs/amazon-pay-api-v2/v1-introduction.html: "In the
  Canceled state, you can use the Checkout Session to retrieve why Checkout failed").
- Error body {reasonCode, message}: the codes by HTTP status as the Amazon Pay "Error codes" page groups them
  (transcribed in a Ruby client's AmazonPay::Consts::ErrorCode and in amazon-pay-api-sdk-java
  com.amazon.pay.api.wrapper ErrorStatusCodeReceivedException): 400 InvalidHeaderValue, InvalidRequest,
  InvalidParameterValue, InvalidRequestFormat, MissingHeader, MissingHeaderValue, MissingParameterValue,
  UnrecognizedField, InvalidSandboxSimulationSpecified, DuplicateIdempotencyKey, InvalidParameterCombination,
  CurrencyMismatch, InvalidAPIVersion, TransactionAmountExceeded, PeriodicAmountExceeded; 401 UnauthorizedAccess;
  403 InvalidAuthentication, InvalidAccountStatus, InvalidRequestSignature, InvalidAuthorizationToken; 404
  ResourceNotFound; 405 UnsupportedOperation, RequestNotSupported; 408 RequestTimeout; 409 AmountMismatch; 422
  InvalidChargeStatus, TransactionCountExceeded, AmazonRejected, InvalidCheckoutSessionStatus,
  CheckoutSessionCanceled, HardDeclined, PaymentMethodNotAllowed, MFANotCompleted, TransactionTimedOut,
  InvalidChargePermissionStatus, SoftDeclined; 426 TLSVersionNotSupported; 429 TooManyRequests; 500
  InternalServerError, ProcessingFailure; 503 ServiceUnavailable. The 422 decline codes are declines of the charge
  asked for (DECLINED), the others API errors.
- IPN (Amazon Pay "Set up instant payment notifications", v2): {MerchantID, ObjectType (CHARGE, REFUND,
  CHARGE_PERMISSION, CHECKOUT_SESSION), ObjectId, ChargePermissionId, NotificationType STATE_CHANGE, NotificationId,
  NotificationVersion V1}, delivered in an Amazon SNS envelope (Message holds it as a JSON string): it names the
  object whose state changed and carries no state, so it stays NOTIFICATION_WITHOUT_OUTCOME (from recollection of
  that page: the stored corpora did not hold it).

- Amazon Pay API v1 (MWS Off-Amazon Payments, developer.amazon.com/docs/eu/amazon-pay-api/...), the answers of
  Authorize / AuthorizeOnBillingAgreement / GetAuthorizationDetails, Capture / GetCaptureDetails and Refund /
  GetRefundDetails as the SDKs render them in JSON ({<Operation>Result: {AuthorizationDetails | CaptureDetails |
  RefundDetails}}): "Authorization states and reason codes" (Pending, Open = authorized, Declined with
  InvalidPaymentMethod (SoftDecline element tells soft from hard), AmazonRejected, ProcessingFailure,
  TransactionTimedOut, Closed); "Step 8: Prepare to handle declined authorizations" (InvalidPaymentMethod "a problem
  with the payment method", TransactionTimedOut "not processed within the time period specified ... in the
  TransactionTimeout request parameter", AmazonRejected "declined because of a determination made by Amazon",
  ProcessingFailure "an internal processing error"); "Capture states and reason codes" (Pending, Declined with
  AmazonRejected / ProcessingFailure, Completed = funds move to the merchant, Closed); "Refund states and reason
  codes" (Pending, Declined with AmazonRejected / ProcessingFailure, Completed). The Closed reason codes of an
  authorization (ExpiredUnused, MaxCapturesProcessed, AmazonClosed, OrderReferenceCanceled, SellerClosed) and of a
  capture (MaxAmountRefunded, MaxRefundsProcessed, AmazonClosed) are from recollection of those tables (the stored
  excerpts stop before the Closed rows). Amounts {Amount (a decimal string), CurrencyCode}.
- Amazon Simple Pay / Flexible Payments Service (the legacy product), its IPN (form fields; Advanced User Guide API
  version 2010-08-28, "IPN Status Codes", docs.amazonwebservices.com/AmazonSimplePay/latest/ASPAdvancedUserGuide/
  ipn-statuscodes.html; "Return URL Status Codes", .../ReturnValueStatusCodes.html; "Appendix: IPN Response
  Elements", .../ipnparameter.html): status PS payment successful, PF payment failed ("the money was not
  transferred"), PI payment initiated (5 s to 48 h to complete), PR reserve successful, RS refund successful, RF
  refund failed, PaymentSuccess (a subscription payment collected), PendingUserAction / PaymentRescheduled (a
  subscription payment failed, retried in 6 days), PaymentCancelled (failed, no more attempts), Subscription*
  (subscription bookkeeping); Return URL codes A abandoned, ME merchant error, SE service error, UE amount under
  the donation minimum. transactionAmount is "<currency> <decimal amount>", operation pay / refund / reserve /
  settle (FPS operations: the xerox typica FPSOperation enum).

Read as: Authorized -> APPROVED; AuthorizationInitiated -> PENDING; CaptureInitiated / Captured -> a CAPTURE, PENDING
/ APPROVED; Declined -> DECLINED with its reason; Canceled -> CANCELLED (a VOID when the merchant cancelled or the
authorization expired unused). Amounts are decimals (major units) with their currencyCode.
"""

from __future__ import annotations

import json
from typing import Any

from payobs_pipeline.normalization.mapping import NOTIFICATION_WITHOUT_OUTCOME, UnmappedPayload

CHARGE_STATES = {
    "AuthorizationInitiated": "PENDING",
    "Pending": "PENDING",
    "Authorized": "APPROVED",
    "CaptureInitiated": "PENDING",  # a CAPTURE (rules)
    "Captured": "APPROVED",  # a CAPTURE (rules)
    "Completed": "APPROVED",
    "Canceled": "CANCELLED",
    "Declined": "DECLINED",
}
REFUND_STATES = {"RefundInitiated": "PENDING", "Refunded": "REFUNDED", "Declined": "DECLINED"}
CHECKOUT_SESSION_STATES = {"Open": "PENDING", "Completed": "APPROVED", "Canceled": "CANCELLED"}

# statusDetails.reasonCode of a Declined Charge or Refund, and the declines the API answers with (HTTP 422).
DECLINE_REASONS = {
    "SoftDeclined": {"reason": "GENERIC_DECLINE", "decline_type": "SOFT"},
    "HardDeclined": {"reason": "GENERIC_DECLINE", "decline_type": "HARD"},
    "AmazonRejected": "RISK_REJECTED",
    "ProcessingFailure": "PROCESSING_ERROR",
    "TransactionTimedOut": "TIMEOUT",
    "Declined": "GENERIC_DECLINE",  # a Checkout Session canceled because payment was declined
    "PaymentMethodNotAllowed": "TRANSACTION_NOT_PERMITTED",
    "MFANotCompleted": "AUTHENTICATION_REQUIRED",
    "MFAFailed": "AUTHENTICATION_FAILED",
    "TransactionCountExceeded": "LIMIT_EXCEEDED",
    "CheckoutSessionCanceled": "UNKNOWN",  # the buyer canceled or the payment was declined
}
# The API error body's reasonCode (by the HTTP status the error codes page gives it).
ERROR_REASONS = {
    **{code: "INVALID_REQUEST" for code in (
        "InvalidHeaderValue", "InvalidRequest", "InvalidParameterValue", "InvalidRequestFormat", "MissingHeader",
        "MissingHeaderValue", "MissingParameterValue", "UnrecognizedField", "InvalidSandboxSimulationSpecified",
        "InvalidParameterCombination", "CurrencyMismatch", "InvalidAPIVersion", "ResourceNotFound",
        "UnsupportedOperation", "RequestNotSupported", "AmountMismatch", "InvalidChargeStatus",
        "InvalidCheckoutSessionStatus", "InvalidChargePermissionStatus")},
    "DuplicateIdempotencyKey": "DUPLICATE",
    "TransactionAmountExceeded": "LIMIT_EXCEEDED",
    "PeriodicAmountExceeded": "LIMIT_EXCEEDED",
    **{code: "CONFIGURATION_ERROR" for code in (
        "UnauthorizedAccess", "InvalidAuthentication", "InvalidAccountStatus", "InvalidRequestSignature",
        "InvalidAuthorizationToken", "TLSVersionNotSupported")},
    "RequestTimeout": "TIMEOUT",
    "TooManyRequests": "PROCESSING_ERROR",
    "InternalServerError": "PROCESSING_ERROR",
    "ServiceUnavailable": "PROCESSING_ERROR",
    **DECLINE_REASONS,
}
API_DECLINES = ["SoftDeclined", "HardDeclined", "AmazonRejected", "TransactionTimedOut", "PaymentMethodNotAllowed",
                "MFANotCompleted", "TransactionCountExceeded", "CheckoutSessionCanceled"]

IPN_OBJECT_TYPES = ["CHARGE", "REFUND", "CHARGE_PERMISSION", "CHECKOUT_SESSION"]

# API v1 (MWS): the states of the Authorization, Capture and Refund objects.
V1_AUTHORIZATION_STATES = {"Pending": "PENDING", "Open": "APPROVED", "Declined": "DECLINED", "Closed": "CANCELLED"}
V1_CAPTURE_STATES = {"Pending": "PENDING", "Declined": "DECLINED", "Completed": "APPROVED",
                     "Closed": "APPROVED"}  # closed after its refunds: the capture itself went through
V1_REFUND_STATES = {"Pending": "PENDING", "Declined": "DECLINED", "Completed": "REFUNDED"}
V1_DECLINE_REASONS = {
    "InvalidPaymentMethod": "GENERIC_DECLINE",  # "a problem with the payment method"; SoftDecline says which kind
    "AmazonRejected": "RISK_REJECTED",
    "ProcessingFailure": "PROCESSING_ERROR",
    "TransactionTimedOut": "TIMEOUT",
}
# The operation's answer wrapper ({AuthorizeResult: {AuthorizationDetails: ...}}) and the object it holds.
V1_RESULTS = {
    "AuthorizeResult": "AuthorizationDetails", "AuthorizeOnBillingAgreementResult": "AuthorizationDetails",
    "GetAuthorizationDetailsResult": "AuthorizationDetails", "CaptureResult": "CaptureDetails",
    "GetCaptureDetailsResult": "CaptureDetails", "RefundResult": "RefundDetails",
    "GetRefundDetailsResult": "RefundDetails",
}
V1_IDS = {"AuthorizationDetails": "AmazonAuthorizationId", "CaptureDetails": "AmazonCaptureId",
          "RefundDetails": "AmazonRefundId"}

# Amazon Simple Pay / FPS IPN and Return URL status codes.
FPS_STATUSES = {
    "PS": "APPROVED", "PR": "APPROVED", "PaymentSuccess": "APPROVED",
    "PI": "PENDING",
    "PF": "DECLINED", "PendingUserAction": "DECLINED", "PaymentRescheduled": "DECLINED",
    "PaymentCancelled": "DECLINED",
    "RS": "REFUNDED", "RF": "DECLINED",  # a REFUND (rules)
    "A": "CANCELLED",  # the buyer abandoned the pipeline
    "ME": "ERROR", "SE": "ERROR", "UE": "ERROR",
}
FPS_REASONS = {
    "PendingUserAction": "GENERIC_DECLINE",  # "failed due to a payment method error"
    "PaymentRescheduled": "PROCESSING_ERROR",  # "an error not involving a payment method"
    "ME": "CONFIGURATION_ERROR",  # invalid button parameters / shipping address error
    "SE": "PROCESSING_ERROR",  # "a service error has occurred"
    "UE": "INVALID_REQUEST",  # donation under the minimum amount
}
FPS_SUBSCRIPTION_STATUSES = ["SubscriptionCancelled", "SubscriptionCompleted", "SubscriptionSuccessful", "SI", "SS",
                             "SF", "US", "UF", "SR"]
FPS_OPERATIONS = ["pay", "refund", "reserve", "settle"]


def prepare(body: Any) -> Any:
    """The IPN out of its SNS envelope; an IPN names the object that changed, without its state. A v1 answer out
    of its operation's Result; an FPS transactionAmount ("USD 1.00") split in its currency and amount."""
    if isinstance(body, dict):
        for wrapper, kind in V1_RESULTS.items():
            result = body.get(wrapper)
            if isinstance(result, dict) and isinstance(result.get(kind), dict):
                return {kind: result[kind]}
        amount = body.get("transactionAmount")
        if isinstance(amount, str) and len(amount.split()) == 2 and "status" in body:
            currency, value = amount.split()
            body = {**body, "_fps_currency": currency, "_fps_amount": value}
    if isinstance(body, dict) and isinstance(body.get("Message"), str) and "TopicArn" in body:
        try:
            message = json.loads(body["Message"])
        except ValueError:
            return body
        body = message if isinstance(message, dict) else body
    if isinstance(body, dict) and body.get("ObjectType") in IPN_OBJECT_TYPES and "NotificationType" in body:
        raise UnmappedPayload(NOTIFICATION_WITHOUT_OUTCOME,
                              "amazonpay: an IPN names the object whose state changed; Get it for the state")
    return body


_CHARGE_FIELDS = {
    "provider_transaction_id": ["chargeId"],
    "status": ["statusDetails.state"],
    "reason_code": ["statusDetails.reasonCode"],
    "amount": ["chargeAmount.amount"],
    "currency": ["chargeAmount.currencyCode"],
    "event_time": ["statusDetails.lastUpdatedTimestamp", "creationTimestamp"],
    "attempt_id": ["chargeId"],
    "payment_id": ["chargePermissionId"],
}

_CHARGE_RULES = [
    {"when": {"statusDetails.state": {"in": ["CaptureInitiated", "Captured"]}}, "set": {"event_kind": "CAPTURE"}},
    {"when": {"statusDetails.state": "Canceled", "statusDetails.reasonCode": {"in": ["MerchantCanceled",
                                                                                   "ExpiredUnused"]}},
     "set": {"event_kind": "VOID"}},
]

SPEC = {
    "provider": "amazonpay",
    "aliases": ["amazonpay", "amazon pay", "pay.amazon.com", "amazon pay checkout v2", "amazon pay api v2",
                "amazon-pay", "amazon payments", "amazon simple pay", "amazon fps"],
    "detect": [
        {"path": "chargeId", "exists": True, "weight": 0.25},
        {"path": "chargePermissionId", "exists": True, "weight": 0.25},
        {"path": "refundId", "exists": True, "weight": 0.15},
        {"path": "checkoutSessionId", "exists": True, "weight": 0.3},
        {"path": "chargeAmount.currencyCode", "exists": True, "weight": 0.1},
        {"path": "refundAmount.currencyCode", "exists": True, "weight": 0.1},
        {"path": "statusDetails.state", "in": [*CHARGE_STATES, *REFUND_STATES, *CHECKOUT_SESSION_STATES,
                                               "Chargeable", "NonChargeable", "Closed"], "weight": 0.2},
        {"path": "ObjectType", "in": IPN_OBJECT_TYPES, "weight": 0.3},
        {"path": "NotificationVersion", "exists": True, "weight": 0.2},
        {"path": "reasonCode", "in": list(ERROR_REASONS), "weight": 0.5},
        {"path": "chargePermissionType", "in": ["OneTime", "Recurring", "PaymentMethodOnFile"], "weight": 0.2},
        *({"path": f"{wrapper}.{kind}.{V1_IDS[kind]}", "exists": True, "weight": 0.6}
          for wrapper, kind in V1_RESULTS.items()),
        {"path": "certificateUrl", "prefix": ["https://fps.amazonaws.com", "https://fps.sandbox.amazonaws.com"],
         "weight": 0.4},
        {"path": "status", "in": [*FPS_STATUSES, *FPS_SUBSCRIPTION_STATUSES], "weight": 0.1},
        {"path": "transactionAmount", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "major",
    "status_map": CHARGE_STATES,
    "reason_map": ERROR_REASONS,
    "default_payment_method": "WALLET",
    "fields": _CHARGE_FIELDS,
    "variants": [
        {
            "name": "v1_authorization",
            "match": {"AuthorizationDetails.AuthorizationStatus.State": {"exists": True}},
            "root": "AuthorizationDetails",
            "status_map": V1_AUTHORIZATION_STATES,
            "reason_map": V1_DECLINE_REASONS,
            "decline_type_map": {"true": "SOFT", "false": "HARD"},
            "fields": {
                "provider_transaction_id": ["AmazonAuthorizationId"],
                "status": ["AuthorizationStatus.State"],
                "reason_code": ["AuthorizationStatus.ReasonCode"],
                "decline_type": ["SoftDecline"],
                "amount": ["AuthorizationAmount.Amount"],
                "currency": ["AuthorizationAmount.CurrencyCode"],
                "event_time": ["AuthorizationStatus.LastUpdateTimestamp", "CreationTimestamp"],
                "attempt_id": ["AmazonAuthorizationId"],
            },
            "rules": [
                # Closed because fully captured: the authorization went through.
                {"when": {"AuthorizationStatus.State": "Closed",
                          "AuthorizationStatus.ReasonCode": "MaxCapturesProcessed"},
                 "set": {"status_category": "APPROVED"}},
                {"when": {"AuthorizationStatus.State": "Closed",
                          "AuthorizationStatus.ReasonCode": {"in": ["ExpiredUnused", "SellerClosed"]}},
                 "set": {"event_kind": "VOID"}},
            ],
        },
        {
            "name": "v1_capture",
            "match": {"CaptureDetails.CaptureStatus.State": {"exists": True}},
            "root": "CaptureDetails",
            "event_kind": "CAPTURE",
            "status_map": V1_CAPTURE_STATES,
            "reason_map": V1_DECLINE_REASONS,
            "fields": {
                "provider_transaction_id": ["AmazonCaptureId"],
                "status": ["CaptureStatus.State"],
                "reason_code": ["CaptureStatus.ReasonCode"],
                "amount": ["CaptureAmount.Amount"],
                "currency": ["CaptureAmount.CurrencyCode"],
                "event_time": ["CaptureStatus.LastUpdateTimestamp", "CreationTimestamp"],
                "attempt_id": [], "payment_id": [],
            },
        },
        {
            "name": "v1_refund",
            "match": {"RefundDetails.RefundStatus.State": {"exists": True}},
            "root": "RefundDetails",
            "event_kind": "REFUND",
            "status_map": V1_REFUND_STATES,
            "reason_map": V1_DECLINE_REASONS,
            "fields": {
                "provider_transaction_id": ["AmazonRefundId"],
                "status": ["RefundStatus.State"],
                "reason_code": ["RefundStatus.ReasonCode"],
                "amount": ["RefundAmount.Amount"],
                "currency": ["RefundAmount.CurrencyCode"],
                "event_time": ["RefundStatus.LastUpdateTimestamp", "CreationTimestamp"],
                "refund_id": ["AmazonRefundId"], "attempt_id": [], "payment_id": [],
            },
        },
        {
            "name": "fps_subscription",
            "match": {"status": {"in": FPS_SUBSCRIPTION_STATUSES}, "subscriptionId": {"exists": True}},
            "not_a_payment": "an Amazon Simple Pay subscription's own bookkeeping (created, updated, ended)",
        },
        {
            "name": "fps_ipn",
            "match": {"status": {"in": list(FPS_STATUSES)}, "transactionId": {"exists": True}},
            "status_map": FPS_STATUSES,
            "reason_map": FPS_REASONS,
            "payment_method_map": {"ABT": "WALLET", "ACH": "DIRECT_DEBIT", "CC": "CARD"},
            "fields": {
                "provider_transaction_id": ["transactionId"],
                "status": ["status"],
                "reason_code": ["status"],
                "amount": ["_fps_amount"],
                "currency": ["_fps_currency"],
                "event_time": ["transactionDate"],
                "payment_method": ["paymentMethod"],
                "attempt_id": ["transactionId"],
                "payment_id": ["referenceId"],
            },
            "rules": [
                {"when": {"operation": "refund"}, "set": {"event_kind": "REFUND"}},
                {"when": {"status": {"in": ["RS", "RF"]}}, "set": {"event_kind": "REFUND"}},
                {"when": {"operation": "settle"}, "set": {"event_kind": "CAPTURE"}},
            ],
        },
        {
            "name": "error",
            "match": {"reasonCode": {"exists": True}, "message": {"exists": True}, "statusDetails": {"exists": False}},
            "status": "ERROR",
            "fields": {"reason_code": ["reasonCode"]},
            "rules": [{"when": {"reasonCode": {"in": API_DECLINES}}, "set": {"status_category": "DECLINED"}}],
        },
        {
            "name": "refund",
            "match": {"refundId": {"exists": True}, "statusDetails.state": {"exists": True}},
            "event_kind": "REFUND",
            "status_map": REFUND_STATES,
            "fields": {**_CHARGE_FIELDS, "provider_transaction_id": ["refundId"], "refund_id": ["refundId"],
                       "attempt_id": ["chargeId"], "payment_id": [], "amount": ["refundAmount.amount"],
                       "currency": ["refundAmount.currencyCode"]},
        },
        {
            "name": "checkout_session",
            "match": {"checkoutSessionId": {"exists": True}, "statusDetails.state": {"exists": True}},
            "event_kind": "PAYMENT",
            "status_map": CHECKOUT_SESSION_STATES,
            "fields": {**_CHARGE_FIELDS, "provider_transaction_id": ["checkoutSessionId"],
                       "amount": ["paymentDetails.chargeAmount.amount"],
                       "currency": ["paymentDetails.chargeAmount.currencyCode"], "attempt_id": ["chargeId"],
                       "payment_id": ["chargePermissionId", "checkoutSessionId"]},
            "rules": [{"when": {"statusDetails.state": "Canceled", "statusDetails.reasonCode": "Declined"},
                       "set": {"status_category": "DECLINED"}}],
        },
        {
            "name": "charge",
            "match": {"chargeId": {"exists": True}, "statusDetails.state": {"exists": True}},
            "rules": _CHARGE_RULES,
        },
        {
            "name": "charge_permission",
            "match": {"chargePermissionId": {"exists": True}, "statusDetails.state": {"exists": True}},
            "not_a_payment": "a Charge Permission, the buyer's consent to be charged: no payment of its own",
        },
    ],
}
