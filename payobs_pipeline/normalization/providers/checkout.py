"""Checkout.com: Unified Payments API responses, GET payment details, webhooks and dispute events.

Sources (Checkout.com docs):
- https://api-reference.checkout.com/#operation/requestAPaymentOrPayout (201/202 response: id pay_...,
  action_id, amount in minor units, status, response_code, response_summary, source, processed_on)
- https://api-reference.checkout.com/#operation/getPaymentDetails (status values, requested_on)
- https://www.checkout.com/docs/resources/codes/api-response-codes (10xxx approved, 20xxx soft
  decline, 30xxx hard decline, 4xxxx risk)
- https://checkoutint.zendesk.com/hc/en-us/articles/26600367053970-Scheme-Decline-Codes (full 20xxx/30xxx list)
- https://www.checkout.com/docs/developer-resources/webhooks/webhook-event-types (payment_* and dispute_* types)
- https://api-reference.checkout.com/#tag/Disputes (dispute object: dsp_ id, payment_id, category, reason_code)
- https://www.checkout.com/docs/workflows/webhook-event-types (newer webhook examples: top-level source and
  timestamp; payment_refund_declined carries the refund action's response_code)
- https://checkout.com/docs/resources/codes/api-response-codes (4xx bodies: request_id, error_type, error_codes)
- https://checkout.com/docs/developer-resources/codes/error-codes (the /payments error_codes list)
- https://api-reference.checkout.com/#operation/getPaymentDetails (actions[]: the authorization's response_code)
  and processing.partner_response_code (the scheme's raw code, ISO 8583: read when Checkout.com's code is
  generic, 20005 do not honour / 20099 other...)
- GET /payments?reference= (list: limit, skip, total_count, data[])
- github.com/checkout/checkout-magento2-plugin Api/WebhookInterface.php (the webhook types Checkout.com's own plugin
  handles, payment_cancelled spelled the British way beside payment_canceled)
- The Classic API (archived; merchants migrated from it): charge objects with id charge_..., status,
  responseCode, value in minor units, card.paymentMethod
- checkout/checkout-sdk-node test/events (SDK fixture of GET /event-types): the webhook event types of version 1.0
  (the Classic API: card.updated, charge.captured, charge.captured.deferred, charge.captured.failed,
  charge.chargeback, charge.failed, charge.pending, charge.refunded, charge.refunded.failed, charge.retrieval,
  charge.succeeded, charge.voided, charge.voided.failed, invoice.cancelled) and of version 2.0 (payment_chargeback,
  payment_retrieval beside the payment_* and dispute_* types). The Classic webhook body, {"eventType": ...,
  "message": <the charge>}, rests on recollection of the archived Classic API docs (no stored page); the charge in
  it is the Classic charge object read below.
- https://api-reference.checkout.com/#operation/getPaymentDetails: "If the payment method requires a redirection to a
  third party (e.g., 3D Secure), the redirect URL back to your site will include a cko-session-id query parameter
  containing a payment session ID that can be used to obtain the details of the payment" (quoted in the generated
  clients of Checkout.com's API reference): the return names the payment to fetch, not its outcome.
Checkout.com states the decline type by range: 20xxx soft, 30xxx hard; those rules win over a
reason's default.

Lifecycle identity: a payment (pay_) is one authorization attempt; its capture, void, refund and dispute events
name it (data.id, a dispute's payment_id), and each action has its own id (action_id: a refund's refund_id).
payment_id is the merchant's `reference`, documented as "a reference you can later use to identify the payment,
such as an order number": a retry of the same order under a new pay_ id is the same payment.
"""

from typing import Any

from payobs_pipeline.normalization.mapping import NOTIFICATION_WITHOUT_OUTCOME, UnmappedPayload

_SOFT = "SOFT"
_HARD = "HARD"

# Webhook type prefixes of events about something other than a payment: standalone 3DS sessions
# (authentication_*, a sid_ session; the payment's own payment_* event follows) and stored instruments.
NON_PAYMENT_EVENT_PREFIXES = ("authentication_", "instrument_", "card_updated", "source_updated")

# 20xxx (soft) and 30xxx (hard) issuer/scheme response codes.
_DECLINE_CODES = {
    "20001": "GENERIC_DECLINE",  # refer to card issuer
    "20002": "GENERIC_DECLINE",  # refer to card issuer, special conditions
    "20003": "CONFIGURATION_ERROR",  # invalid merchant or service provider
    "20005": "GENERIC_DECLINE",  # do not honour
    "20006": "INVALID_REQUEST",  # error / invalid request parameters
    "20009": "PROCESSING_ERROR",  # request in progress
    "20010": "LIMIT_EXCEEDED",  # partial value approved
    "20012": "TRANSACTION_NOT_PERMITTED",  # invalid transaction
    "20013": "INVALID_REQUEST",  # invalid value/amount
    "20014": "INVALID_CARD_DATA",  # invalid account number
    "20017": "REVOKED",  # customer cancellation
    "20018": "REVOKED",  # customer dispute
    "20019": "ISSUER_UNAVAILABLE",  # re-enter transaction
    "20020": "PROCESSING_ERROR",  # invalid response
    "20021": "GENERIC_DECLINE",  # no action taken
    "20022": "PROCESSING_ERROR",  # suspected malfunction
    "20023": "TRANSACTION_NOT_PERMITTED",  # unacceptable transaction fee
    "20024": "PROCESSING_ERROR",
    "20025": "INVALID_CARD_DATA",  # unable to locate record
    "20026": "DUPLICATE",  # duplicate file update record
    "20027": "PROCESSING_ERROR",
    "20028": "ISSUER_UNAVAILABLE",  # file temporarily unavailable
    "20029": "PROCESSING_ERROR",
    "20030": "INVALID_REQUEST",  # format error
    "20031": "ISSUER_UNAVAILABLE",  # bank not supported by switch
    "20032": "GENERIC_DECLINE",  # completed partially
    "20033": "INVALID_REQUEST",  # previous scheme transaction id invalid
    "20038": "AUTHENTICATION_FAILED",  # PIN tries exceeded
    "20039": "TRANSACTION_NOT_PERMITTED",  # no credit account
    "20040": "TRANSACTION_NOT_PERMITTED",  # requested function not supported
    "20042": "TRANSACTION_NOT_PERMITTED",  # no universal value/amount
    "20044": "TRANSACTION_NOT_PERMITTED",  # no investment account
    "20046": "GENERIC_DECLINE",  # bank decline
    "20051": "INSUFFICIENT_FUNDS",
    "20052": "TRANSACTION_NOT_PERMITTED",  # no checking account
    "20053": "TRANSACTION_NOT_PERMITTED",  # no savings account
    "20054": "EXPIRED_CARD",
    "20055": "AUTHENTICATION_FAILED",  # incorrect PIN
    "20056": "INVALID_CARD_DATA",  # no card record
    "20057": "TRANSACTION_NOT_PERMITTED",  # not permitted to cardholder
    "20058": "CONFIGURATION_ERROR",  # not permitted to terminal
    "20059": "SUSPECTED_FRAUD",
    "20060": "GENERIC_DECLINE",  # card acceptor contact acquirer
    "20061": "LIMIT_EXCEEDED",  # activity amount limit exceeded
    "20062": "RESTRICTED_CARD",
    "20063": "TRANSACTION_NOT_PERMITTED",  # security violation
    "20064": "TRANSACTION_NOT_PERMITTED",  # does not fulfil AML requirement
    "20065": "LIMIT_EXCEEDED",  # exceeds withdrawal frequency limit
    "20066": "SUSPECTED_FRAUD",  # card acceptor call acquirer security
    "20067": "LOST_OR_STOLEN_CARD",  # hard capture, pick up card
    "20068": "TIMEOUT",  # response received too late
    "20075": "AUTHENTICATION_FAILED",  # PIN-entry tries exceeded
    "20078": "RESTRICTED_CARD",  # blocked at first use
    "20082": "INCORRECT_CVC",  # negative CAM, dCVV, iCVV or CVV results
    "20083": "INVALID_CARD_DATA",  # no accounts
    "20084": "PROCESSING_ERROR",  # no PBF
    "20085": "PROCESSING_ERROR",  # PBF update error
    "20086": "PROCESSING_ERROR",  # ATM malfunction / invalid authorization type
    "20087": "INVALID_CARD_DATA",  # bad track data (invalid CVV and/or expiry date)
    "20088": "PROCESSING_ERROR",  # unable to dispense/process
    "20089": "PROCESSING_ERROR",  # administration error
    "20090": "ISSUER_UNAVAILABLE",  # cut-off in progress
    "20091": "ISSUER_UNAVAILABLE",  # issuer unavailable or switch inoperative
    "20092": "ISSUER_UNAVAILABLE",  # destination cannot be found for routing
    "20093": "TRANSACTION_NOT_PERMITTED",  # violation of law
    "20094": "DUPLICATE",  # duplicate transmission
    "20095": "PROCESSING_ERROR",  # reconcile error
    "20096": "PROCESSING_ERROR",  # system malfunction
    "20097": "PROCESSING_ERROR",
    "20098": "PROCESSING_ERROR",  # MAC error
    "20099": "UNKNOWN",  # other / unidentified responses
    "2006P": "AUTHENTICATION_FAILED",  # cardholder ID verification failed
    "200N0": "PROCESSING_ERROR",  # force STIP
    "200N7": "INCORRECT_CVC",  # decline for CVV2 failure
    "200O5": "AUTHENTICATION_REQUIRED",  # PIN required
    "200P1": "LIMIT_EXCEEDED",  # over daily limit
    "200P9": "LIMIT_EXCEEDED",
    "200R1": "REVOKED",  # stop payment for this authorization
    "200R3": "REVOKED",  # stop payment for all authorizations
    "200S4": "PROCESSING_ERROR",  # PTLF full
    "200T2": "INVALID_REQUEST",  # invalid transaction date
    "200T3": "TRANSACTION_NOT_PERMITTED",  # card not supported
    "200T5": "RESTRICTED_CARD",  # CAF status 0 or 9
    "2005C": "TRANSACTION_NOT_PERMITTED",  # not supported / blocked by issuer
    "20100": "INVALID_CARD_DATA",  # invalid expiry date format
    "20101": "INVALID_CARD_DATA",  # no account / token invalid
    "20102": "CONFIGURATION_ERROR",  # invalid merchant / wallet id
    "20103": "TRANSACTION_NOT_PERMITTED",  # card type / payment method not supported
    "20104": "INVALID_REQUEST",  # gateway reject, invalid transaction
    "20105": {"reason": "TRANSACTION_NOT_PERMITTED", "source": "PSP_RISK"},  # gateway reject, violation
    "20106": "TRANSACTION_NOT_PERMITTED",  # unsupported currency
    "20107": "INVALID_REQUEST",  # billing address missing
    "20108": {"reason": "INVALID_CARD_DATA", "source": "ISSUER"},  # updated cardholder available
    "20109": "INVALID_REQUEST",  # already reversed / inconsistent repeat
    "20110": "DUPLICATE",  # authorization completed
    "20111": "DUPLICATE",  # transaction already reversed
    "20112": "CONFIGURATION_ERROR",  # merchant not SecureCode enabled
    "20113": "INVALID_REQUEST",
    "20114": "INVALID_CARD_DATA",  # token is incorrect
    "20115": "INVALID_REQUEST",
    "20116": "INVALID_REQUEST",
    "20117": "CONFIGURATION_ERROR",  # invalid API version
    "20118": "PROCESSING_ERROR",  # transaction pending
    "20119": "INVALID_REQUEST",
    "20120": "INVALID_REQUEST",  # invalid customer/user
    "20121": "LIMIT_EXCEEDED",  # merchant/terminal limit exceeded
    "20122": "TRANSACTION_NOT_PERMITTED",  # installments not supported
    "20123": "INVALID_REQUEST",  # missing basic data
    "20124": "INVALID_REQUEST",  # missing CVV
    "20150": "AUTHENTICATION_FAILED",  # card not 3DS enabled
    "20151": "AUTHENTICATION_FAILED",  # cardholder failed 3DS
    "20152": {"reason": "AUTHENTICATION_FAILED", "source": "CUSTOMER"},  # 3DS not completed in 15 minutes
    "20153": {"reason": "AUTHENTICATION_FAILED", "source": "TECHNICAL"},  # 3DS system malfunction
    "20154": "AUTHENTICATION_REQUIRED",
    "20155": "AUTHENTICATION_FAILED",  # invalid authentication result
    "20156": "CONFIGURATION_ERROR",  # function not supported by the acquirer
    "20157": "CONFIGURATION_ERROR",  # invalid merchant configuration
    "20158": "INVALID_REQUEST",  # refund validity period expired
    "20179": "INVALID_CARD_DATA",  # lifecycle
    "20182": "TRANSACTION_NOT_PERMITTED",  # policy
    "20183": "SUSPECTED_FRAUD",  # security
    "20193": "INVALID_REQUEST",  # invalid country code
    "30004": "LOST_OR_STOLEN_CARD",  # pick up card (no fraud)
    "30007": "LOST_OR_STOLEN_CARD",  # pick up card, special conditions
    "30015": "INVALID_CARD_DATA",  # no such issuer
    "30016": "TRANSACTION_NOT_PERMITTED",
    "30017": "TRANSACTION_NOT_PERMITTED",
    "30018": "TRANSACTION_NOT_PERMITTED",
    "30019": "TRANSACTION_NOT_PERMITTED",
    "30020": "INVALID_REQUEST",  # invalid amount
    "30021": "LIMIT_EXCEEDED",
    "30022": "LIMIT_EXCEEDED",
    "30033": "EXPIRED_CARD",  # expired card, pick up
    "30034": "SUSPECTED_FRAUD",  # suspected fraud, pick up
    "30035": "LOST_OR_STOLEN_CARD",  # contact acquirer, pick up
    "30036": "RESTRICTED_CARD",  # restricted card, pick up
    "30037": "SUSPECTED_FRAUD",  # call acquirer security, pick up
    "30038": "AUTHENTICATION_FAILED",  # PIN tries exceeded, pick up
    "30041": "LOST_OR_STOLEN_CARD",
    "30043": "LOST_OR_STOLEN_CARD",
    "30044": "TRANSACTION_NOT_PERMITTED",  # AMLD5
    "30045": "CONFIGURATION_ERROR",  # invalid payout fund transfer type
    "30046": "INVALID_CARD_DATA",  # closed account
}
# 4xxxx: Checkout.com's risk engine (Fraud Detection) blocked the payment.
_RISK_CODES = {
    code: {"reason": "RISK_REJECTED", "source": "PSP_RISK"}
    for code in ("40101", "40201", "40202", "40203", "40204", "40205")
}
REASONS = {**_DECLINE_CODES, **_RISK_CODES}

# GET /payments/{id} and POST /payments status.
STATUSES = {
    "Authorized": "APPROVED",
    "Captured": "APPROVED",
    "Partially Captured": "APPROVED",
    "Card Verified": "APPROVED",
    "Paid": "APPROVED",
    "Pending": "PENDING",
    "Declined": "DECLINED",
    # The first attempt was declined; Checkout.com retries it later.
    "Retry Scheduled": "DECLINED",
    "Canceled": "CANCELLED",
    "Voided": "CANCELLED",
    "Expired": "CANCELLED",
    "Refunded": "REFUNDED",
    "Partially Refunded": "REFUNDED",
}

# Webhook event type -> outcome.
EVENT_TYPES = {
    "payment_approved": "APPROVED",
    "payment_captured": "APPROVED",
    "payment_paid": "APPROVED",
    "card_verified": "APPROVED",
    "payment_authorization_incremented": "APPROVED",
    "payment_pending": "PENDING",
    "payment_capture_pending": "PENDING",
    "payment_declined": "DECLINED",
    "payment_capture_declined": "DECLINED",
    "payment_authentication_failed": "DECLINED",
    "card_verification_declined": "DECLINED",
    "payment_authorization_increment_declined": "DECLINED",
    "payment_retry_scheduled": "DECLINED",
    # A direct-debit payment the payer's bank returned after collection.
    "payment_returned": "DECLINED",
    "payment_voided": "CANCELLED",
    "payment_canceled": "CANCELLED",
    # The British spelling Checkout.com's own Magento 2 plugin subscribes to (github.com/checkout/
    # checkout-magento2-plugin Api/WebhookInterface.php PAYMENT_CANCELLED = "payment_cancelled").
    "payment_cancelled": "CANCELLED",
    "payment_expired": "CANCELLED",
    "payment_void_declined": "ERROR",
    "payment_refunded": "REFUNDED",
    "payment_refund_pending": "PENDING",
    # A declined refund (its response_code says why): the refund did not happen.
    "payment_refund_declined": "DECLINED",
}
_REFUND_EVENTS = ["payment_refunded", "payment_refund_pending", "payment_refund_declined"]
# Events about an action on an authorized payment, not the authorization (webhook-event-types).
_WEBHOOK_KIND_RULES = [
    {"when": {"^type": ["payment_captured", "payment_capture_pending", "payment_capture_declined"]},
     "set": {"event_kind": "CAPTURE"}},
    {"when": {"^type": ["payment_voided", "payment_void_declined"]}, "set": {"event_kind": "VOID"}},
]
_DISPUTE_EVENTS = [
    "dispute_received", "dispute_evidence_required", "dispute_evidence_submitted",
    "dispute_evidence_acknowledged_by_scheme", "dispute_accepted", "dispute_canceled", "dispute_expired",
    "dispute_lost", "dispute_won", "dispute_resolved", "dispute_arbitration_sent_to_scheme",
    "dispute_arbitration_won", "dispute_arbitration_lost", "retrieval_received",
]

PAYMENT_METHODS = {
    **dict.fromkeys(["card", "id", "token", "network_token", "customer"], "CARD"),
    **dict.fromkeys(
        ["applepay", "googlepay", "paypal", "alipay_cn", "alipay_hk", "alipay_plus", "gcash", "dana", "kakaopay",
         "truemoney", "tng", "wechatpay", "mbway", "mobilepay", "vipps", "twint", "benefitpay", "stcpay", "bizum",
         "swish"],
        "WALLET",
    ),
    **dict.fromkeys(["ideal", "sofort", "giropay", "eps", "bancontact", "p24", "trustly", "blik", "knet", "qpay",
                     "przelewy24", "mybank", "pse", "spei"], "BANK_TRANSFER"),
    **dict.fromkeys(["oxxo", "baloto", "pagofacil", "rapipago", "fawry", "multibanco", "efecty"], "CASH_VOUCHER"),
    "boleto": "BOLETO",
    "pix": "PIX",
    **dict.fromkeys(["klarna", "afterpay", "clearpay", "tabby", "tamara", "affirm"], "BNPL"),
    **dict.fromkeys(["sepa", "bacs", "ach"], "DIRECT_DEBIT"),
}

# 4xx error_codes a failed request returns (no payment was made), per
# checkout.com/docs/developer-resources/codes/error-codes (the /payments endpoint's list). Codes not listed
# here take their error_type's reason: request_invalid / request_unprocessable -> INVALID_REQUEST (the page's
# required/invalid field codes: amount_invalid, currency_required, payment_source_required, reference_invalid,
# token_required...), processing_error -> PROCESSING_ERROR.
_REQUEST_ERROR_CODES = {
    "card_expired": "EXPIRED_CARD",
    "card_number_invalid": "INVALID_CARD_DATA",
    "card_number_required": "INVALID_CARD_DATA",
    "card_expiry_month_invalid": "INVALID_CARD_DATA",
    "card_expiry_month_required": "INVALID_CARD_DATA",
    "card_expiry_year_invalid": "INVALID_CARD_DATA",
    "card_expiry_year_required": "INVALID_CARD_DATA",
    "expiry_date_format_invalid": "INVALID_CARD_DATA",
    "card_holder_invalid": "INVALID_CARD_DATA",
    "card_not_found": "INVALID_CARD_DATA",
    "card_disabled": "RESTRICTED_CARD",
    "cvv_invalid": "INCORRECT_CVC",
    "card_authorization_failed": "GENERIC_DECLINE",
    "amount_invalid": "INVALID_REQUEST",
    "currency_invalid": "INVALID_REQUEST",
    "token_expired": "INVALID_REQUEST",
    "token_used": "INVALID_REQUEST",
    "token_invalid": "INVALID_REQUEST",
    # The account, the channel or the key is not set up for the request.
    **dict.fromkeys(
        ["processing_channel_id_required", "processing_channel_id_invalid", "3ds_not_configured",
         "aft_processor_not_matched", "business_invalid", "business_settings_missing", "server_api_not_allowed",
         "processing_key_required", "risk_enabled_required", "currency_not_configured", "scheme_not_configured",
         "merchant_invalid", "not_allowed"],
        "CONFIGURATION_ERROR",
    ),
    **dict.fromkeys(["3ds_not_enabled_for_card", "3ds_not_supported", "3ds_version_not_supported",
                     "payment_method_not_supported"], "TRANSACTION_NOT_PERMITTED"),
    "3ds_payment_required": "AUTHENTICATION_REQUIRED",
    "3ds_malfunction": "PROCESSING_ERROR",
    "merchant_data_delegated_authentication_failed": "AUTHENTICATION_FAILED",
    # The scheme's velocity limit for the card; the quota of failed payment actions.
    "amount_limit_exceeded": "LIMIT_EXCEEDED",
    "action_failure_limit_exceeded": "LIMIT_EXCEEDED",
    # The quota for API calls (a rate limit, not the card's): retry later.
    "api_calls_quota_exceeded": {"reason": "PROCESSING_ERROR", "decline_type": _SOFT},
    "issuer_network_unavailable": "ISSUER_UNAVAILABLE",
    "amount_exceeds_balance": "INVALID_REQUEST",
    "refund_amount_exceeds_balance": "INVALID_REQUEST",
    "payment_expired": "INVALID_REQUEST",
}
_ERROR_TYPES = ["request_invalid", "request_unprocessable", "processing_error", "unprocessable_entity",
                "too_many_requests"]
_REQUEST_ERROR_RULES = [
    {"when": {"error_type": ["request_invalid", "request_unprocessable", "unprocessable_entity"]},
     "set": {"failure_reason": "INVALID_REQUEST"}},
    {"when": {"error_type": ["processing_error", "too_many_requests"]}, "set": {"failure_reason": "PROCESSING_ERROR"}},
    # A listed code beats its type's reason (the first listed code that is known).
    *[{"when": {"error_codes.0": sorted(k for k, v in _REQUEST_ERROR_CODES.items()
                                        if (v if isinstance(v, str) else v["reason"]) == reason)},
       "set": {"failure_reason": reason}}
      for reason in sorted({v if isinstance(v, str) else v["reason"] for v in _REQUEST_ERROR_CODES.values()})],
]

# Classic API charge statuses (British spelling) beside the Unified API's.
_CLASSIC_STATUSES = {
    "Authorised": "APPROVED",
    "Captured": "APPROVED",
    # Authorised but held for the merchant's risk review: the outcome is not final.
    "Flagged": "PENDING",
    "Pending": "PENDING",
    "Declined": "DECLINED",
    "Voided": "CANCELLED",
    "Cancelled": "CANCELLED",
    "Expired": "CANCELLED",
    "Refunded": "REFUNDED",
    "Chargeback": "CHARGEBACK",
}

_PAYMENT_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status"],
    # The payment's response code; GET payment details has it only in its actions (the authorization's);
    # processing.partner_response_code is the scheme's raw code (ISO 8583), read when Checkout.com's says less.
    "reason_code": ["response_code", "actions.0.response_code", "processing.partner_response_code"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["processed_on", "requested_on", "^created_on"],
    "payment_method": ["source.type"],
    "card_brand": ["source.scheme"],
    "card_country": ["source.issuer_country"],
    "customer_country": ["source.billing_address.country", "customer.billing_address.country"],
    "merchant_id": ["processing_channel_id"],
    # The payment is the attempt, whatever the event says happened to it; the merchant's order is the payment.
    "attempt_id": ["id"],
    "payment_id": ["reference"],
}
# GET /payments/{id}: Voided is the authorization released (Refunded / Partially Refunded are REFUND by their
# status; Captured sums up the approved authorization and its capture).
_PAYMENT_KIND_RULES = [{"when": {"status": "Voided"}, "set": {"event_kind": "VOID"}}]
_RULES = [
    # Checkout.com states the retry advice by range.
    {"when": {"actions.0.response_code": {"prefix": "20"}}, "set": {"decline_type": _SOFT}},
    {"when": {"actions.0.response_code": {"prefix": "30"}}, "set": {"decline_type": _HARD}},
    {"when": {"response_code": {"prefix": "20"}}, "set": {"decline_type": _SOFT}},
    {"when": {"response_code": {"prefix": "30"}}, "set": {"decline_type": _HARD}},
    # Any 4xxxx is a risk response, listed or not.
    {"when": {"actions.0.response_code": {"prefix": "4"}},
     "set": {"failure_reason": "RISK_REJECTED", "failure_source": "PSP_RISK"}},
    {"when": {"response_code": {"prefix": "4"}},
     "set": {"failure_reason": "RISK_REJECTED", "failure_source": "PSP_RISK"}},
    # No status override from the code: Checkout.com says "Declined" for a technical code too (20068
    # timeout, 20096 system malfunction), and its status word is the outcome; the code gives the reason
    # (the pipeline-wide rule stated in the synthetic generator's ground truth, payobs_pipeline/synthetic/).
    # A code on a refund or void event is that action's and never the payment's outcome.
]

# Classic API (version 1.0) webhook types (checkout-sdk-node test/events): each says what happened to the charge
# its message carries. card.updated and invoice.cancelled are not about a charge.
_CLASSIC_EVENT_RULES = [
    {"when": {"^eventType": "charge.failed"}, "set": {"status_category": "DECLINED"}},
    {"when": {"^eventType": "charge.pending"}, "set": {"status_category": "PENDING"}},
    {"when": {"^eventType": "charge.captured"}, "set": {"status_category": "APPROVED", "event_kind": "CAPTURE"}},
    {"when": {"^eventType": "charge.captured.deferred"},
     "set": {"status_category": "PENDING", "event_kind": "CAPTURE"}},
    {"when": {"^eventType": "charge.captured.failed"}, "set": {"status_category": "DECLINED", "event_kind": "CAPTURE"}},
    {"when": {"^eventType": "charge.refunded"}, "set": {"status_category": "REFUNDED", "event_kind": "REFUND"}},
    {"when": {"^eventType": "charge.refunded.failed"}, "set": {"status_category": "DECLINED", "event_kind": "REFUND"}},
    {"when": {"^eventType": "charge.voided"}, "set": {"status_category": "CANCELLED", "event_kind": "VOID"}},
    {"when": {"^eventType": "charge.voided.failed"}, "set": {"status_category": "ERROR", "event_kind": "VOID"}},
    {"when": {"^eventType": ["charge.chargeback", "charge.retrieval"]},
     "set": {"status_category": "CHARGEBACK", "event_kind": "DISPUTE"}},
]
_CLASSIC_CHARGE_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status"],
    "reason_code": ["responseCode"],
    "amount": ["value"],
    "currency": ["currency"],
    "event_time": ["created"],
    "card_brand": ["card.paymentMethod"],
    "customer_country": ["card.billingDetails.country"],
    "attempt_id": ["id"],
}
_CLASSIC_CHARGE_RULES = [
    # The Classic API's card charges answer with the card charged (card: id card_..., last4, bin,
    # paymentMethod the scheme): a card payment.
    {"when": {"card.last4": {"exists": True}}, "set": {"payment_method": "CARD"}},
    {"when": {"responseCode": {"prefix": "20"}}, "set": {"decline_type": _SOFT}},
    {"when": {"responseCode": {"prefix": "30"}}, "set": {"decline_type": _HARD}},
    {"when": {"responseCode": {"prefix": "4"}},
     "set": {"failure_reason": "RISK_REJECTED", "failure_source": "PSP_RISK"}},
]

SPEC = {
    "provider": "checkout",
    "aliases": ["checkout", "checkout.com", "checkoutcom", "cko", "checkout_com", "checkout_v2"],
    "detect": [
        # Razorpay's payment ids start pay_ too: the id says Checkout.com with the payment's own words (its links on
        # Checkout.com's API hosts, requested_on of the payment details, processed_on of the payment response,
        # a dispute's evidence_required_by; api-reference.checkout.com).
        {"path": "id", "prefix": ["pay_", "dsp_"], "weight": 0.4},
        {"path": "_links.self.href", "prefix": ["https://api.checkout.com/", "https://api.sandbox.checkout.com/"],
         "weight": 0.3},
        {"path": "requested_on", "exists": True, "weight": 0.1},
        {"path": "processed_on", "exists": True, "weight": 0.1},
        {"path": "evidence_required_by", "exists": True, "weight": 0.1},
        {"path": "action_id", "prefix": "act_", "weight": 0.3},
        {"path": "response_summary", "exists": True, "weight": 0.2},
        {"path": "type", "in": [*EVENT_TYPES, *_DISPUTE_EVENTS], "weight": 0.3},
        {"path": "data.id", "prefix": ["pay_", "dsp_"], "weight": 0.5},
        {"path": "data.action_id", "prefix": "act_", "weight": 0.2},
        # Standalone 3DS session events (kept unprocessed by the webhook.not_a_payment variant).
        {"path": "data.session_id", "prefix": "sid_", "weight": 0.5},
        {"path": "type", "prefix": "authentication_", "weight": 0.2},
        # A 4xx request error body.
        {"path": "error_type", "in": _ERROR_TYPES, "weight": 0.4},
        {"path": "error_codes", "exists": True, "weight": 0.2},
        # A Classic API charge.
        {"path": "id", "prefix": "charge_", "weight": 0.4},
        {"path": "responseCode", "exists": True, "weight": 0.2},
        # A Classic API webhook: {"eventType": "charge.succeeded", "message": <charge>} (checkout-sdk-node test/events).
        {"path": "message.id", "prefix": "charge_", "weight": 0.4},
        {"path": "eventType", "in": ["charge.succeeded", "charge.failed", "charge.pending", "charge.captured",
                                     "charge.captured.deferred", "charge.captured.failed", "charge.refunded",
                                     "charge.refunded.failed", "charge.voided", "charge.voided.failed",
                                     "charge.chargeback", "charge.retrieval", "card.updated", "invoice.cancelled"],
         "weight": 0.2},
        {"path": "message.responseCode", "exists": True, "weight": 0.1},
        # A 3DS / redirect return naming the payment session to fetch (getPaymentDetails).
        {"path": "cko-session-id", "prefix": "sid_", "weight": 0.6},
        # A Classic API error body (errorCode, message, errors, errorMessageCodes, eventId).
        {"path": "errorMessageCodes", "exists": True, "weight": 0.4},
        {"path": "errorCode", "prefix": "7", "weight": 0.1},
        # Its validation error as integrations keep it (Classic API reference, "Error codes": errorCode 70000
        # "Validation error", with errors: a list of the messages of the fields that failed).
        {"path": "message", "in": ["Validation error"], "weight": 0.2},
        {"path": "errors.0", "exists": True, "weight": 0.2},
        {"path": "eventId", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "minor",
    "status_map": STATUSES,
    "reason_map": REASONS,
    # processing.partner_response_code passes the scheme's code through.
    "reason_fallback": "iso8583",
    "payment_method_map": PAYMENT_METHODS,
    "variants": [
        # Webhooks about a 3DS session or a stored instrument, not a payment: kept unprocessed.
        {"name": "webhook.not_a_payment",
         "match": {"type": {"prefix": list(NON_PAYMENT_EVENT_PREFIXES)}, "data": {"exists": True}},
         "not_a_payment": "a Checkout.com event that is not about a payment"},
        # A card payout: api-reference.checkout.com/#operation/requestAPaymentOrPayout, "To accept payments ... specify
        # the source.type field ... To pay out to a card, specify the destination of your payout using the
        # destination.type field". A payout (its reply, GET details or payment_* webhook, all with destination) moves
        # money to the cardholder: never a customer's payment outcome.
        {"name": "payout.not_a_payment", "match": {"destination": {"exists": True}, "id": {"prefix": "pay_"}},
         "not_a_payment": "a Checkout.com card payout (destination): money out, not a customer payment"},
        {"name": "webhook.payout.not_a_payment", "match": {"data.destination": {"exists": True}, "type": {"exists": True}},
         "not_a_payment": "a Checkout.com card payout event (data.destination): money out, not a customer payment"},
        # Classic webhooks about a stored card or an invoice, not a charge.
        {"name": "classic_webhook.not_a_payment", "match": {"eventType": ["card.updated", "invoice.cancelled"]},
         "not_a_payment": "a Checkout.com Classic event about a card or an invoice, not a charge"},
        {
            "name": "classic_webhook.charge",
            "root": "message",
            "match": {"eventType": {"prefix": "charge."}, "message.id": {"prefix": "charge_"}},
            "fields": _CLASSIC_CHARGE_FIELDS,
            "status_map": _CLASSIC_STATUSES,
            "rules": [*_CLASSIC_CHARGE_RULES, *_CLASSIC_EVENT_RULES],
        },
        {
            # payment_chargeback / payment_retrieval (version 2.0 event types, checkout-sdk-node test/events): a
            # chargeback or retrieval request action on the payment data.id; the action is the dispute's record.
            "name": "webhook.payment_chargeback",
            "root": "data",
            "match": {"type": ["payment_chargeback", "payment_retrieval"], "data.id": {"prefix": "pay_"}},
            "status": "CHARGEBACK",
            "fields": {
                "provider_transaction_id": ["id"],
                "reason_code": ["reason_code"],
                "amount": ["amount"],
                "currency": ["currency"],
                "event_time": ["processed_on", "^created_on"],
                "attempt_id": ["id"],
                "payment_id": ["reference"],
                "dispute_id": ["action_id"],
            },
            "event_kind": "DISPUTE",
        },
        {
            "name": "webhook.dispute",
            "root": "data",
            "match": {"type": _DISPUTE_EVENTS, "data": {"exists": True}},
            "status": "CHARGEBACK",
            "fields": {
                # The dispute's own id (dsp_): the payment is its parent, as for a refund.
                "provider_transaction_id": ["id", "payment_id"],
                "reason_code": ["reason_code"],
                "amount": ["amount"],
                "currency": ["currency"],
                "event_time": ["^created_on", "received_on", "last_update"],
                "attempt_id": ["payment_id"],
            },
            "event_kind": "DISPUTE",
        },
        {
            # A refund action on a payment: action_id is the refund's own id.
            "name": "webhook.refund",
            "root": "data",
            "match": {"type": _REFUND_EVENTS, "data": {"exists": True}},
            "fields": {**_PAYMENT_FIELDS, "status": ["^type"], "event_time": ["processed_on", "^created_on"],
                       "refund_id": ["action_id"]},
            "status_map": EVENT_TYPES,
            "event_kind": "REFUND",
            "rules": _RULES,
        },
        {
            "name": "webhook.payment",
            "root": "data",
            "match": {"type": list(EVENT_TYPES), "data": {"exists": True}},
            "fields": {**_PAYMENT_FIELDS, "status": ["^type"], "event_time": ["processed_on", "^created_on"]},
            "status_map": EVENT_TYPES,
            "rules": [
                *_RULES,
                *_WEBHOOK_KIND_RULES,
                {"when": {"^type": "payment_authentication_failed"},
                 "set": {"failure_reason": "AUTHENTICATION_FAILED"}},
            ],
        },
        {
            "name": "dispute",
            "match": {"id": {"prefix": "dsp_"}},
            "status": "CHARGEBACK",
            "fields": {
                "provider_transaction_id": ["id", "payment_id"],
                "reason_code": ["reason_code"],
                "amount": ["amount"],
                "currency": ["currency"],
                "event_time": ["last_update", "received_on"],
                "attempt_id": ["payment_id"],
            },
            "event_kind": "DISPUTE",
        },
        {
            "name": "payment",
            "match": {"id": {"prefix": "pay_"}},
            "fields": _PAYMENT_FIELDS,
            "rules": [*_RULES, *_PAYMENT_KIND_RULES],
        },
        {
            # A payments list (GET /payments?reference=) holding the one payment.
            "name": "payment_list",
            "match": {"data.0.id": {"prefix": "pay_"}},
            "root": "data.0",
            "fields": _PAYMENT_FIELDS,
            "rules": [*_RULES, *_PAYMENT_KIND_RULES],
        },
        {
            "name": "request_error",
            "match": {"error_type": {"exists": True}, "error_codes": {"exists": True}},
            "fields": {"status": ["error_type"], "reason_code": ["error_codes.0", "error_codes.1", "error_codes.2"]},
            "status_map": dict.fromkeys(_ERROR_TYPES, "ERROR"),
            "reason_map": _REQUEST_ERROR_CODES,
            "rules": _REQUEST_ERROR_RULES,
        },
        {
            # A Classic API (developers.checkout.com/docs/server/api-reference, the pre-Unified API) request error:
            # {"errorCode": "70000", "message": "Validation error", "errors": [...], "errorMessageCodes": [...],
            # "eventId": ...}. The classic API's 7xxxx codes are request validation errors (70000 "Validation
            # error", its errorMessageCodes 700xx naming the invalid field): no payment was attempted.
            "name": "classic_request_error",
            "match": {"errorCode": {"exists": True}, "message": {"exists": True}, "id": {"exists": False}},
            "status": "ERROR",
            "fields": {"reason_code": ["errorCode", "errorMessageCodes.0"]},
            "rules": [{"when": {"errorCode": {"prefix": "7"}}, "set": {"failure_reason": "INVALID_REQUEST"}}],
        },
        {
            "name": "classic_charge",
            "match": {"id": {"prefix": "charge_"}},
            "fields": _CLASSIC_CHARGE_FIELDS,
            "status_map": _CLASSIC_STATUSES,
            "rules": [{"when": {"status": "Voided"}, "set": {"event_kind": "VOID"}}, *_CLASSIC_CHARGE_RULES],
        },
    ],
}


def prepare(body: Any) -> Any:
    """Refuse a redirect return that only names the payment session to fetch (cko-session-id, getPaymentDetails).

    The return carries no outcome: the payment's state is read with GET /payments/{cko-session-id}, never guessed.
    """
    if isinstance(body, dict) and str(body.get("cko-session-id") or "").startswith("sid_") and not (
            {"status", "type", "data", "approved", "response_code"} & body.keys()):
        raise UnmappedPayload(NOTIFICATION_WITHOUT_OUTCOME,
                              "checkout: a redirect return naming payment session "
                              f"{body['cko-session-id']} to fetch, not its outcome")
    return body
