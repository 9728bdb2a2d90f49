"""TrustPay (Slovakia / Czech Republic): the Cards API payment answer (its OPPWA result code in
``paymentStatus``), the Open Banking / bank transfer webhook (``PaymentInformation``), the legacy Merchant API
notification (key=value ``AID``, ``TYP``, ``AMT``, ``CUR``, ``REF``, ``RES``, ``TID``, ...) and the error answers.

Sources (SDK source; no TrustPay docs page was found in the stored sources):
- juspay/hyperswitch crates/hyperswitch_connectors/src/connectors/trustpay/transformers.rs: the card answer
  {status, description, instanceId, paymentStatus, paymentDescription, redirectUrl}; its failure list (code ->
  message: 100.100.600 empty CVV not allowed, 100.350.100 referenced session rejected, 100.380.401 user
  authentication failed, 100.380.501 risk management timeout, 100.390.103 PARes validation failed,
  100.390.105 / 100.390.112 technical error in 3D Secure system, 100.390.111 Directory Server communication
  error, 100.390.115 invalid message format, 100.390.118 authentication failed due to suspected fraud,
  100.400.304 invalid input data, 100.550.312 amount outside ticket size boundaries, 200.300.404 invalid or
  missing parameter, 300.100.100 additional customer authentication required, 400.001.301 card not enrolled in
  3DS, 400.001.600 authentication error, 400.001.601 auth. declined, 400.001.602 / 400.001.603 invalid
  transaction, 400.003.600, 700.400.200 cannot refund, 700.500.001 too many transactions in session,
  700.500.003 test accounts not allowed in production, 800.100.100 .. 800.100.203 card declines (invalid card,
  invalid CVV, amount exceeds credit, wrong expiry date, suspecting manipulation, card blocked, limit exceeded,
  maximum frequency exceeded, card lost, restricted card, not permitted, pick up card, account blocked, invalid
  configuration data, account closed, insufficient funds), 800.120.100 rejected by throttling, 800.300.102
  country blacklisted, 800.300.401 BIN blacklisted, 800.700.100 same session being processed, 900.100.100
  communication error, 900.100.300 timeout, uncertain result) and its success prefixes (000.000., 000.100.1,
  000.3, 000.6, 000.400.0x), which are the OPPWA platform's families: the codes are read through the shared
  OPPWA table (providers/_oppwa.py, which cites docs.oppwa.com/reference/resultCodes) with TrustPay's own
  entries over it; a refund answer's 000.200.000 is a pending refund.
  The webhook PaymentInformation {CreditDebitIndicator CRDT | DBIT, References {MerchantReference, PaymentId,
  PaymentRequestId}, Status Paid | Rejected | Refunded | Chargebacked, Amount {Amount (major units, a float),
  Currency}, StatusReasonInformation {Reason {Code, RejectReason}}} with Signature; a DBIT (outgoing) Paid is a
  refund paid out, a DBIT Rejected a failed refund. The bank-redirect answer {PaymentRequestId, GatewayUrl,
  PaymentResultInfo / ResultInfo {ResultCode, AdditionalInfo}} with the ResultInfo codes 1001000 success,
  1130000 .. 1130005 (Mapi success, pending, announced, authorized, processing, authorized only: pending),
  1112008 invalid payment state, 1112009 refund rejected, 1122006 account currency not allowed, 1132000 invalid
  request, 1132001 unknown account, 1132002 merchant account disabled, 1132003 invalid sign, 1132004 disposable
  balance, 1132005 transaction not found, 1132006 unsupported transaction, 1132007 general error, 1132008
  unsupported currency conversion, 1132009 unknown mandate, 1132010 canceled mandate, 1132011 missing CID,
  1132012 mandate already paid, 1132013 account is testing, 1132014 request throttled, 1133000 invalid
  authentication, 1133001 service not allowed, 1133002 payment request not found, 1133003 unexpected gateway,
  1133004 missing external id, 1152000 risk decline. The card error answer {status, description, errors [{code,
  description}], instanceId}: its codes are not listed (reason UNKNOWN).
- surikman/trustpay-php-sdk src/Notification.php and src/Response.php (the legacy Merchant API): notification
  fields AID, TYP, AMT, CUR, REF, RES, TID, OID, TSS, SIG (+ CardID, CardMask, CardExp, AuthNumber, CardRecTxSec,
  AcqResId, SIG2 for cards); RES 0 success, 1 pending (offline), 2 announced (3rd-party confirmation awaited),
  3 authorized, 4 processing (received, to be settled), 5 authorized only; 1001 data not properly formatted,
  1002 account not found, 1003 merchant account disabled, 1004 not signed correctly, 1005 customer cancelled
  the payment, 1006 not properly authenticated, 1007 amount greater than disposable balance, 1008 service not
  allowed, 1010 transaction not found, 1011 action not supported, 1100 internal error, 1101 currency
  conversion not supported. The SDK counts 0, 3 and 4 as paid. TYP CRDT (payment) / DBIT (refund) and AMT in
  major units rest on recollection of TrustPay's Merchant API page.

Lifecycle identity: the card instanceId, the bank payment's PaymentRequestId and the legacy TID are the
attempt; the merchant's reference (REF, References.MerchantReference) is the payment. A refund names no id of
its own apart from its PaymentRequestId. Chargebacks (webhook Status Chargebacked) carry no dispute id.
"""

from __future__ import annotations

from typing import Any

from payobs_pipeline.normalization.providers import _oppwa

RESULT_GROUP = "_payobs_result_group"

# Codes the card answer lists as failures (hyperswitch is_payment_failed) that no OPPWA family covers.
FAILED_WITHOUT_FAMILY = ["300.100.100", "400.001.301", "400.001.600", "400.001.601", "400.001.602",
                         "400.001.603", "400.003.600"]

CARD_REASONS = {
    **_oppwa.FAMILY_REASONS,
    **_oppwa.CODE_REASONS,
    "declined": "GENERIC_DECLINE",
    "100.100.600": {"reason": "INCORRECT_CVC", "source": "CUSTOMER"},  # empty CVV not allowed
    "100.350.100": "INVALID_REQUEST",  # referenced session is rejected
    "100.390.103": "AUTHENTICATION_FAILED",  # PARes validation failed
    "100.390.105": "PROCESSING_ERROR",  # technical error in 3DSecure system
    "100.390.111": "PROCESSING_ERROR",  # communication error to the Directory Server
    "100.390.115": "AUTHENTICATION_FAILED",  # invalid message format
    "100.390.118": "SUSPECTED_FRAUD",  # authentication failed due to suspected fraud
    "100.400.304": "INVALID_REQUEST",  # invalid input data
    "100.550.312": "INVALID_REQUEST",  # amount outside ticket size boundaries
    "300.100.100": "AUTHENTICATION_REQUIRED",  # declined, additional customer authentication required
    "400.001.301": "AUTHENTICATION_FAILED",  # card not enrolled in 3DS
    "400.001.600": "AUTHENTICATION_FAILED",  # authentication error
    "400.001.601": "GENERIC_DECLINE",  # auth. declined
    "400.001.602": "INVALID_REQUEST",  # invalid transaction
    "400.001.603": "INVALID_REQUEST",  # invalid transaction
    "700.400.200": "INVALID_REQUEST",  # cannot refund (volume exceeded, reversed, invalid workflow)
    "700.500.001": "INVALID_REQUEST",  # too many transactions in the referenced session
    "700.500.003": "CONFIGURATION_ERROR",  # test accounts not allowed in production
    "800.100.202": "RESTRICTED_CARD",  # account closed
    "800.100.203": "INSUFFICIENT_FUNDS",
    "800.120.100": "LIMIT_EXCEEDED",  # rejected by throttling
    "800.300.102": "RISK_REJECTED",  # country blacklisted
    "800.300.401": "RISK_REJECTED",  # BIN blacklisted
    "800.700.100": "DUPLICATE",  # a transaction of the same session is being processed
    "900.100.100": "PROCESSING_ERROR",  # unexpected communication error with connector / acquirer
}
CARD_STATUSES = {**_oppwa.FAMILY_STATUSES, "declined": "DECLINED"}

# Legacy Merchant API result codes (RES).
RESULT_STATUSES = {
    "0": "APPROVED", "1": "PENDING", "2": "PENDING", "3": "APPROVED", "4": "APPROVED", "5": "APPROVED",
    "1005": "CANCELLED",
    **{code: "ERROR" for code in ("1001", "1002", "1003", "1004", "1006", "1007", "1008", "1010", "1011", "1100",
                                  "1101")},
}
RESULT_REASONS = {
    "1001": "INVALID_REQUEST",  # data not properly formatted
    "1002": "CONFIGURATION_ERROR",  # account not found
    "1003": "CONFIGURATION_ERROR",  # merchant account disabled
    "1004": "CONFIGURATION_ERROR",  # not signed correctly
    "1006": "CONFIGURATION_ERROR",  # not properly authenticated
    "1007": "INVALID_REQUEST",  # amount greater than the disposable balance
    "1008": "CONFIGURATION_ERROR",  # service not allowed
    "1010": "INVALID_REQUEST",  # transaction not found
    "1011": "INVALID_REQUEST",  # action not supported for the transaction
    "1100": "PROCESSING_ERROR",  # internal error
    "1101": "INVALID_REQUEST",  # currency conversion not supported
}

# Bank-redirect / Mapi ResultInfo codes.
MAPI_STATUSES = {
    "1001000": "APPROVED",
    **{code: "PENDING" for code in ("1130000", "1130001", "1130002", "1130003", "1130004", "1130005")},
    **{code: "ERROR" for code in ("1112008", "1122006", "1132000", "1132001", "1132002", "1132003", "1132004",
                                  "1132005", "1132006", "1132007", "1132008", "1132009", "1132010", "1132011",
                                  "1132012", "1132013", "1132014", "1133000", "1133001", "1133002", "1133003",
                                  "1133004")},
    "1112009": "DECLINED",  # refund rejected
    "1152000": "DECLINED",  # risk decline
}
MAPI_REASONS = {
    "1112008": "INVALID_REQUEST",  # invalid payment state
    "1112009": "GENERIC_DECLINE",  # refund rejected
    "1122006": "INVALID_REQUEST",  # account currency not allowed
    "1132000": "INVALID_REQUEST",  # invalid request
    "1132001": "CONFIGURATION_ERROR",  # unknown account
    "1132002": "CONFIGURATION_ERROR",  # merchant account disabled
    "1132003": "CONFIGURATION_ERROR",  # invalid sign
    "1132004": "INVALID_REQUEST",  # disposable balance
    "1132005": "INVALID_REQUEST",  # transaction not found
    "1132006": "INVALID_REQUEST",  # unsupported transaction
    "1132007": "PROCESSING_ERROR",  # general error
    "1132008": "INVALID_REQUEST",  # unsupported currency conversion
    "1132009": "INVALID_REQUEST",  # unknown mandate
    "1132010": "INVALID_REQUEST",  # canceled mandate
    "1132011": "INVALID_REQUEST",  # missing CID
    "1132012": "DUPLICATE",  # mandate already paid
    "1132013": "CONFIGURATION_ERROR",  # account is testing
    "1132014": "PROCESSING_ERROR",  # request throttled
    "1133000": "CONFIGURATION_ERROR",  # invalid authentication
    "1133001": "CONFIGURATION_ERROR",  # service not allowed
    "1133002": "INVALID_REQUEST",  # payment request not found
    "1133003": "CONFIGURATION_ERROR",  # unexpected gateway
    "1133004": "INVALID_REQUEST",  # missing external id
    "1152000": "RISK_REJECTED",  # risk decline
}

WEBHOOK_STATUSES = {"Paid": "APPROVED", "Rejected": "DECLINED", "Refunded": "REFUNDED",
                    "Chargebacked": "CHARGEBACK"}

_WEBHOOK = "PaymentInformation."


def prepare(body: Any) -> Any:
    """Name the card answer's result-code group (the OPPWA family, or "declined" for TrustPay's failure codes
    outside any family). Pure: returns a new dict; the payload is untouched."""
    if not isinstance(body, dict) or not isinstance(body.get("paymentStatus"), str):
        return body
    code = body["paymentStatus"].strip()
    group = _oppwa.family(code) or ("declined" if code in FAILED_WITHOUT_FAMILY else None)
    return {**body, RESULT_GROUP: group} if group else body


SPEC = {
    "provider": "trustpay",
    "aliases": ["trustpay", "trust pay", "trustpay.eu", "trustpay a.s.", "trustpay cards"],
    "detect": [
        # Cards API answer.
        {"path": "instanceId", "exists": True, "weight": 0.3},
        {"path": "paymentStatus", "exists": True, "weight": 0.2},
        {"path": "paymentDescription", "exists": True, "weight": 0.1},
        # Open Banking / bank transfer webhook.
        {"path": "PaymentInformation.CreditDebitIndicator", "in": ["CRDT", "DBIT"], "weight": 0.4},
        {"path": "PaymentInformation.References.PaymentRequestId", "exists": True, "weight": 0.2},
        {"path": "PaymentInformation.Status", "in": list(WEBHOOK_STATUSES), "weight": 0.1},
        # Legacy Merchant API notification.
        {"path": "TSS", "exists": True, "weight": 0.2},
        {"path": "RES", "in": list(RESULT_STATUSES), "weight": 0.2},
        {"path": "AID", "exists": True, "weight": 0.1},
        {"path": "TYP", "in": ["CRDT", "DBIT"], "weight": 0.2},
        {"path": "OID", "exists": True, "weight": 0.05},
        {"path": "TID", "exists": True, "weight": 0.05},
        # Bank-redirect answer.
        {"path": "ResultInfo.ResultCode", "in": list(MAPI_STATUSES), "weight": 0.3},
        {"path": "PaymentResultInfo.ResultCode", "in": list(MAPI_STATUSES), "weight": 0.3},
        {"path": "GatewayUrl", "exists": True, "weight": 0.2},
    ],
    "amount_unit": "major",
    "variants": [
        {
            "name": "webhook",
            "root": "PaymentInformation",
            "match": {_WEBHOOK + "Status": {"exists": True}, _WEBHOOK + "CreditDebitIndicator": {"exists": True}},
            "status_map": WEBHOOK_STATUSES,
            "fields": {
                "provider_transaction_id": ["References.PaymentRequestId"],
                "status": ["Status"],
                "reason_code": ["StatusReasonInformation.Reason.Code"],
                "amount": ["Amount.Amount"],
                "currency": ["Amount.Currency"],
                "attempt_id": ["References.PaymentRequestId"],
                "payment_id": ["References.MerchantReference"],
            },
            "default_payment_method": "BANK_TRANSFER",
            "rules": [
                {"when": {"CreditDebitIndicator": "DBIT", "Status": "Paid"},
                 "set": {"status_category": "REFUNDED", "event_kind": "REFUND"}},
                {"when": {"CreditDebitIndicator": "DBIT"}, "set": {"event_kind": "REFUND"}},
            ],
        },
        {
            "name": "card_error",
            "match": {"errors": {"exists": True}, "paymentStatus": {"exists": False}},
            "status": "ERROR",
            "fields": {"provider_transaction_id": ["instanceId"], "reason_code": ["errors.0.code"]},
        },
        {
            "name": "card",
            "match": {"instanceId": {"exists": True}, "paymentStatus": {"exists": True}},
            "status_map": CARD_STATUSES,
            "reason_map": CARD_REASONS,
            "fields": {
                "provider_transaction_id": ["instanceId"],
                "status": [RESULT_GROUP],
                "reason_code": ["paymentStatus", RESULT_GROUP],
                "attempt_id": ["instanceId"],
            },
            "default_payment_method": "CARD",
            "rules": [{"when": {"paymentStatus": "900.100.300"}, "set": {"status_category": "UNKNOWN"}}],
        },
        {
            "name": "merchant_api_notification",
            "match": {"RES": {"exists": True}, "REF": {"exists": True}},
            "status_map": RESULT_STATUSES,
            "reason_map": RESULT_REASONS,
            "fields": {
                "provider_transaction_id": ["TID"],
                "status": ["RES"],
                "reason_code": ["RES"],
                "amount": ["AMT"],
                "currency": ["CUR"],
                "merchant_id": ["AID"],
                "attempt_id": ["TID"],
                "payment_id": ["REF"],
            },
            "rules": [
                {"when": {"TYP": "DBIT", "RES": "0"}, "set": {"status_category": "REFUNDED", "event_kind": "REFUND"}},
                {"when": {"TYP": "DBIT"}, "set": {"event_kind": "REFUND"}},
                {"when": {"CardID": {"exists": True}}, "set": {"payment_method": "CARD"}},
            ],
        },
        {
            # A refund answer {PaymentRequestId, ResultInfo}: 1001000 is the refund done.
            "name": "bank_refund_result",
            "match": {"ResultInfo.ResultCode": {"exists": True}, "PaymentRequestId": {"exists": True}},
            "event_kind": "REFUND",
            "status_map": {**MAPI_STATUSES, "1001000": "REFUNDED"},
            "reason_map": MAPI_REASONS,
            "fields": {"provider_transaction_id": ["PaymentRequestId"], "status": ["ResultInfo.ResultCode"],
                       "reason_code": ["ResultInfo.ResultCode"], "refund_id": ["PaymentRequestId"]},
        },
        {
            # An error answer {ResultInfo {ResultCode, AdditionalInfo}}.
            "name": "bank_error",
            "match": {"ResultInfo.ResultCode": {"exists": True}},
            "status_map": MAPI_STATUSES,
            "reason_map": MAPI_REASONS,
            "fields": {"status": ["ResultInfo.ResultCode"], "reason_code": ["ResultInfo.ResultCode"]},
        },
        {
            # The payment request answer {PaymentRequestId, GatewayUrl, PaymentResultInfo}: the customer is sent
            # to the bank, so a success code is a payment awaiting the customer.
            "name": "bank_payment_request",
            "match": {"PaymentResultInfo.ResultCode": {"exists": True}},
            "status_map": {**MAPI_STATUSES, "1001000": "PENDING"},
            "reason_map": MAPI_REASONS,
            "fields": {"provider_transaction_id": ["PaymentRequestId"], "status": ["PaymentResultInfo.ResultCode"],
                       "reason_code": ["PaymentResultInfo.ResultCode"], "attempt_id": ["PaymentRequestId"]},
            "default_payment_method": "BANK_TRANSFER",
        },
    ],
}
