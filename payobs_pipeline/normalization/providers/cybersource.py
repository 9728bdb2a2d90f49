"""CyberSource (Visa Acceptance Solutions): Simple Order API / SOAP Toolkit replies and the REST Payments API.

Sources (CyberSource developer documentation and the official REST client SDK models):
- https://developer.cybersource.com/docs/cybs/en-us/reason-codes-so/reference/all/so/reason-codes-so.html
  (Reason Codes for the Simple Order API: 100, 101, 102, 104, 105, 110, 150-152, 200-211, 220-222,
  230-243, 246-248, 250, 251, 254, 400, 450-461, 475, 476, 478, 480, 481, 490, 491, 520, 700-703;
  "use the decision field to determine the result if the reason code is not recognized")
- https://support.cybersource.com/s/article/What-does-this-response-code-mean (reason code / SCMP reply
  flag table: DCARDREFUSED, DCALL, DAVSNO, DINVALIDDATA, DDUPLICATE, ...)
- https://developer.cybersource.com/docs/cybs/en-us/api-fields/reference/all/so/api-fields/reason-code.md
  (reasonCode: the result of the overall request; each service reply (ccAuthReply, ccCaptureReply,
  ccCreditReply, voidReply, ccAuthReversalReply, ecDebitReply, ecCreditReply) carries its own reasonCode;
  ccAuthReply_processorResponse is the processor's (issuer's) code; purchaseTotals_currency; amounts are
  decimal strings in major units; the name-value-pair form flattens ``ccAuthReply.amount`` to
  ``ccAuthReply_amount``; the SOAP form wraps ``replyMessage`` in a SOAP Envelope/Body)
- https://developer.cybersource.com/api/reference/response-codes.html and
  https://developer.visaacceptance.com/content/dam/cybsdeveloper2021/responsecode.json (REST status and
  errorInformation.reason per service and HTTP code: 201 AUTHORIZED, PARTIAL_AUTHORIZED,
  AUTHORIZED_PENDING_REVIEW (AVS_FAILED, CONTACT_PROCESSOR, ...), DECLINED (EXPIRED_CARD, PROCESSOR_DECLINED,
  INSUFFICIENT_FUND, ...); 400 INVALID_REQUEST (MISSING_FIELD, INVALID_DATA, DUPLICATE_REQUEST, ...);
  502 SERVER_ERROR (SYSTEM_ERROR, SERVER_TIMEOUT, SERVICE_TIMEOUT, PROCESSOR_TIMEOUT))
- CyberSource/cybersource-rest-client-python docs/PtsV2PaymentsPost201Response.md,
  PtsV2PaymentsPost201ResponseErrorInformation.md, PtsV2PaymentsPost400Response.md,
  PtsV2PaymentsPost502Response.md, PtsV2PaymentsRefundPost201Response.md (status PENDING,
  refundAmountDetails), PtsV2PaymentsCapturesPost201Response.md (status PENDING),
  PtsV2PaymentsReversalsPost201Response.md (status REVERSED, reversalAmountDetails),
  PtsV2PaymentsVoidsPost201Response.md (status VOIDED, voidAmountDetails); PushFunds201ResponseErrorInformation
  and PtsV2PayoutsPost201ResponseErrorInformation (further reasons: INVALID_PIN, GATEWAY_TIMEOUT, ...)
- https://developer.cybersource.com/docs/cybs/en-us/webhooks/implementation/all/rest/webhooks/wh-fg-notification-format.html
  (Webhooks API v3 notification body: webhookId, transactionTraceId, productId, organizationId, eventType,
  eventDate, payload, requestType); payments event types payments.<payments|captures|refunds|credits|
  reversals|voids>.<accept|reject|review|partial.approval>
- cybersource-rest-client-python docs/TssV2TransactionsGet200Response.md and
  TssV2TransactionsGet200ResponseApplicationInformation(Applications).md (Transaction Details: submitTimeUTC,
  applicationInformation.{status, reasonCode, rCode, rFlag, applications[].{name ics_auth / ics_bill /
  ics_credit / ics_auth_reversal / ics_void, reasonCode, rCode, rFlag, rMessage}})
- https://developer.cybersource.com/docs/cybs/en-us/payer-authentication/developer/all/so/payer-auth/pa-reason-codes-so.html
  and .../payer-auth/pa-testing-reason-codes.html (475 enrolled: authenticate before authorizing; 476 and 465
  authentication failed; 261 merchant set-up missing on the acquirer's gateway)

- SCMP API replies (developer.cybersource.com/library/documentation/dev_guides/ChasePay_SCMP_API/html/Topics/
  Reply_Fields.htm, "Reply Fields": auth_auth_amount, auth_auth_code, auth_auth_response, auth_auth_time; "use the
  ics_rcode field to determine the result if it receives a reply flag that it does not recognize"; the SCMP
  field ``currency`` per api-fields cc-auth-reply-request-currency). ics_rcode 1 / 0 / -1 and the reply flags as
  in the Transaction Detail Report below; the per-service names bill_bill_amount, credit_credit_amount,
  auth_reversal_amount, void_void_amount and the <service>_rflag names follow the same pattern and rest on
  recollection of the SCMP guides, not a stored page.
- Secure Acceptance replies kept without the req_* echo: the signed reply fields (Secure Acceptance Checkout API
  "Reply Fields", apps.cybersource.com .../Secure_Acceptance_Checkout_API_Deprecated/html/app_fields_SOP.10.3.html:
  the signature over the fields listed in signed_field_names; "use the decision field ... if it receives a reason
  code that it does not recognize").
- Not mapped: the legacy Hosted Order Page reply's orderAmount / orderCurrency (no stored page); a HOP reply that
  carries ccAuthReply_* reads as a Simple Order name-value reply.
- Transaction Detail Report, XML (developer.cybersource.com/library/documentation/dev_guides/SmallBusiness/
  Reporting_Developer_Guide/html/ch02.html and appA.html, the tdr DTD; the On-Demand Single Transaction Report
  of Reporting_Users_Guide/html/app_dtds.htm has the same Request element): ``Report`` (MerchantID) /
  ``Requests`` / ``Request`` (RequestID, RequestDate, MerchantReferenceNumber) with BillTo, PaymentMethod
  (Card.CardType or Check), ``ApplicationReplies/ApplicationReply`` (Name ics_auth, ics_bill, ics_credit,
  ics_auth_reversal, ics_decision, ics_score...; RCode 1 succeeded, 0 declined, -1 error; RFlag; RMsg) and
  PaymentData (Amount in major units, CurrencyCode). Each Request is one API request with its per-service
  results: the record of a payment outcome, read like a Transaction Details (TSS) record. Reply flags
  (www.cybersource.com/developers/develop/cybersource_services/quick_references/reply_flags/ and the reason
  code / reply flag table, support.cybersource.com "What does this response code or reply flag mean?"): SOK
  success, DREVIEW Decision Manager review (480), DREJECT Decision Manager reject (481), DSCORE score exceeds
  threshold (400), DCARDREFUSED, DCALL, DCARDEXPIRED, DAVSNO, DCV, DINVALIDCARD, DMISSINGFIELD, DINVALIDDATA,
  DDUPLICATE, ESYSTEM, ETIMEOUT. A report listing several requests is a report, not one outcome.
A refund or capture that CyberSource accepted is queued for the processor's batch (REST status PENDING /
TRANSMITTED, Simple Order decision ACCEPT): the refund succeeded (REFUNDED) and the capture succeeded
(APPROVED), as Authorize.net's refundPendingSettlement and Worldpay's SENT_FOR_REFUND are read.
Where CyberSource's own reason is generic (203 / 233 general decline, 201 call issuer; REST
PROCESSOR_DECLINED, GENERAL_DECLINE, CONTACT_PROCESSOR, PAYMENT_REFUSED), the issuer's ISO 8583 code
(``ccAuthReply.processorResponse`` / ``processorInformation.responseCode``) is more specific and wins: it is
the ``reason_code`` path after CyberSource's own, read through the ``iso8583`` fallback by the engine's rule
(mapping.py, "Failure reasons"). :func:`prepare` passes it on only when it is an ISO 8583 code that table
knows: some processors answer three-digit codes, which the spec's reason_map would otherwise read as
CyberSource's own reason codes (a processor ``101`` is not CyberSource's 101 "missing fields").
CyberSource does not state soft/hard: decline types are the reasons' defaults, except the documented
"soft declines" 200 (AVS) and 230 (CVN), where the issuer approved.
"""

from __future__ import annotations

from typing import Any

from payobs_pipeline.normalization.issuer_codes import ISSUER_CODE_REASONS

_CUSTOMER = "CUSTOMER"
_MERCHANT_CONFIG = "MERCHANT_CONFIG"
_MERCHANT_RISK = "MERCHANT_RISK"
_PSP_RISK = "PSP_RISK"
_TECHNICAL = "TECHNICAL"

# Keys prepare() adds to the document.
REASON_KEY = "payobs_reason_code"
ISSUER_KEY = "payobs_issuer_code"
BRAND_KEY = "payobs_card_brand"

_BAD_REQUEST = "INVALID_REQUEST"

# Simple Order API reason codes (replyMessage.reasonCode and each service reply's reasonCode).
SO_REASONS: dict[str, Any] = {
    "101": _BAD_REQUEST,  # missing required fields
    "102": _BAD_REQUEST,  # invalid data
    "104": "DUPLICATE",  # same merchantReferenceCode within 15 minutes
    "105": "DUPLICATE",  # merchant transaction identifier already used
    "150": {"reason": "PROCESSING_ERROR", "source": _TECHNICAL},  # general system failure
    "151": {"reason": "TIMEOUT", "source": _TECHNICAL},  # server time-out: review before resending
    "152": {"reason": "TIMEOUT", "source": _TECHNICAL},  # service did not finish in time
    "200": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER, "decline_type": "SOFT"},  # AVS failed (DAVSNO)
    "201": "GENERIC_DECLINE",  # issuer has questions: call for voice authorization (DCALL)
    "202": "EXPIRED_CARD",
    "203": "GENERIC_DECLINE",  # general decline, no other information from the issuer
    "204": "INSUFFICIENT_FUNDS",
    "205": "LOST_OR_STOLEN_CARD",
    "207": "ISSUER_UNAVAILABLE",
    "208": "RESTRICTED_CARD",  # inactive card or not authorized for card-not-present
    "209": "INCORRECT_CVC",  # CVN / Amex CID did not match
    "210": "LIMIT_EXCEEDED",  # card reached its credit limit
    "211": "INCORRECT_CVC",  # invalid CVN
    "220": "GENERIC_DECLINE",  # processor declined: general issue with the customer's account
    "221": {"reason": "RISK_REJECTED", "source": _PSP_RISK},  # customer on the processor's negative file
    "222": "RESTRICTED_CARD",  # account frozen
    "230": {"reason": "INCORRECT_CVC", "decline_type": "SOFT"},  # issuer approved, CVN check failed (DCV)
    "231": "INVALID_CARD_DATA",  # invalid account number
    "232": {"reason": "TRANSACTION_NOT_PERMITTED", "source": _MERCHANT_CONFIG},  # card type not accepted
    "233": "GENERIC_DECLINE",  # general decline by the processor
    "234": "CONFIGURATION_ERROR",  # problem with the CyberSource merchant configuration
    "235": _BAD_REQUEST,  # capture amount exceeds the authorized amount
    "236": {"reason": "PROCESSING_ERROR", "source": _TECHNICAL},  # processor failure
    "237": _BAD_REQUEST,  # authorization already reversed
    "238": _BAD_REQUEST,  # transaction already settled
    "239": _BAD_REQUEST,  # amount must match the previous transaction's
    "240": "INVALID_CARD_DATA",  # card type invalid or does not match the card number
    "241": _BAD_REQUEST,  # request ID invalid
    "242": _BAD_REQUEST,  # no corresponding, unused authorization to capture
    "243": _BAD_REQUEST,  # already settled or reversed
    "246": _BAD_REQUEST,  # capture or credit not voidable
    "247": _BAD_REQUEST,  # credit for a capture that was voided
    "248": "GENERIC_DECLINE",  # boleto request declined by the processor
    "250": {"reason": "TIMEOUT", "source": _TECHNICAL},  # received, but the processor timed out
    "251": "LIMIT_EXCEEDED",  # PINless debit usage frequency or amount exceeded
    "254": {"reason": "TRANSACTION_NOT_PERMITTED", "source": _MERCHANT_CONFIG},  # stand-alone credits not allowed
    "261": "CONFIGURATION_ERROR",  # merchant account set-up invalid or missing on the acquirer's gateway
    "400": {"reason": "RISK_REJECTED", "source": _MERCHANT_RISK},  # fraud score exceeds threshold
    **dict.fromkeys([str(code) for code in range(450, 462)], {"reason": _BAD_REQUEST, "source": _CUSTOMER}),
    "475": "AUTHENTICATION_REQUIRED",  # cardholder enrolled in payer authentication
    "465": "AUTHENTICATION_FAILED",  # payer authentication problem: payer could not be authenticated
    "476": "AUTHENTICATION_FAILED",
    "478": "AUTHENTICATION_REQUIRED",  # strong customer authentication required
    "481": {"reason": "RISK_REJECTED", "source": _MERCHANT_RISK},  # Decision Manager profile rejected it
    "490": "CONFIGURATION_ERROR",  # aggregator/acquirer not accepting transactions from the merchant
    "491": {"reason": "TRANSACTION_NOT_PERMITTED", "source": _MERCHANT_CONFIG},  # ... nor this transaction
    "520": {"reason": "RISK_REJECTED", "source": _MERCHANT_RISK},  # legacy Smart Authorization settings
    **dict.fromkeys(["700", "701", "702", "703"], {"reason": "RISK_REJECTED", "source": _MERCHANT_RISK}),  # export
}

# REST errorInformation.reason (201 responses) and top-level reason (400 / 502 bodies).
REST_REASONS: dict[str, Any] = {
    "AVS_FAILED": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER, "decline_type": "SOFT"},
    "CONTACT_PROCESSOR": "GENERIC_DECLINE",
    "EXPIRED_CARD": "EXPIRED_CARD",
    "PROCESSOR_DECLINED": "GENERIC_DECLINE",
    "INSUFFICIENT_FUND": "INSUFFICIENT_FUNDS",
    "STOLEN_LOST_CARD": "LOST_OR_STOLEN_CARD",
    "ISSUER_UNAVAILABLE": "ISSUER_UNAVAILABLE",
    "UNAUTHORIZED_CARD": "RESTRICTED_CARD",
    "CVN_NOT_MATCH": "INCORRECT_CVC",
    "EXCEEDS_CREDIT_LIMIT": "LIMIT_EXCEEDED",
    "INVALID_CVN": "INCORRECT_CVC",
    "BLOCKED_BY_CARDHOLDER": "REVOKED",
    "DECLINED_CHECK": "GENERIC_DECLINE",
    "BLACKLISTED_CUSTOMER": {"reason": "RISK_REJECTED", "source": _PSP_RISK},
    "SUSPENDED_ACCOUNT": "RESTRICTED_CARD",
    "PAYMENT_REFUSED": "GENERIC_DECLINE",
    "CV_FAILED": {"reason": "INCORRECT_CVC", "decline_type": "SOFT"},
    "INVALID_ACCOUNT": "INVALID_CARD_DATA",
    "GENERAL_DECLINE": "GENERIC_DECLINE",
    "INVALID_MERCHANT_CONFIGURATION": "CONFIGURATION_ERROR",
    "DECISION_PROFILE_REJECT": {"reason": "RISK_REJECTED", "source": _MERCHANT_RISK},
    "SCORE_EXCEEDS_THRESHOLD": {"reason": "RISK_REJECTED", "source": _MERCHANT_RISK},
    "PENDING_AUTHENTICATION": "AUTHENTICATION_REQUIRED",
    "ACH_VERIFICATION_FAILED": "INVALID_CARD_DATA",
    "CONSUMER_AUTHENTICATION_REQUIRED": "AUTHENTICATION_REQUIRED",
    "CONSUMER_AUTHENTICATION_FAILED": "AUTHENTICATION_FAILED",
    "AUTHENTICATION_FAILED": "AUTHENTICATION_FAILED",
    "ALLOWABLE_PIN_RETRIES_EXCEEDED": {"reason": "AUTHENTICATION_FAILED", "decline_type": "HARD"},
    "INVALID_PIN": "AUTHENTICATION_FAILED",
    "PROCESSOR_ERROR": {"reason": "PROCESSING_ERROR", "source": _TECHNICAL},
    "CUSTOMER_WATCHLIST_MATCH": {"reason": "RISK_REJECTED", "source": _MERCHANT_RISK},
    "ADDRESS_COUNTRY_WATCHLIST_MATCH": {"reason": "RISK_REJECTED", "source": _MERCHANT_RISK},
    "EMAIL_COUNTRY_WATCHLIST_MATCH": {"reason": "RISK_REJECTED", "source": _MERCHANT_RISK},
    "IP_COUNTRY_WATCHLIST_MATCH": {"reason": "RISK_REJECTED", "source": _MERCHANT_RISK},
    "RISK_CONTROL_DECLINE": {"reason": "RISK_REJECTED", "source": _PSP_RISK},
    "PROCESSOR_RISK_CONTROL_DECLINE": {"reason": "RISK_REJECTED", "source": _PSP_RISK},
    "DAGGDENIED": {"reason": "RISK_REJECTED", "source": _PSP_RISK},
    "DEBIT_CARD_USAGE_LIMIT_EXCEEDED": "LIMIT_EXCEEDED",
    "DEBIT_CARD_USEAGE_EXCEEDD_LIMIT": "LIMIT_EXCEEDED",  # spelled so in the 400 response model
    # 400 INVALID_REQUEST reasons: the request was refused before any authorization.
    "MISSING_FIELD": _BAD_REQUEST,
    "INVALID_DATA": _BAD_REQUEST,
    "DUPLICATE_REQUEST": "DUPLICATE",
    "INVALID_CARD": "INVALID_CARD_DATA",
    "CARD_TYPE_NOT_ACCEPTED": {"reason": "TRANSACTION_NOT_PERMITTED", "source": _MERCHANT_CONFIG},
    "PROCESSOR_UNAVAILABLE": {"reason": "PROCESSING_ERROR", "source": _TECHNICAL},
    "INVALID_AMOUNT": _BAD_REQUEST,
    "INVALID_CARD_TYPE": "INVALID_CARD_DATA",
    "INVALID_PAYMENT_ID": _BAD_REQUEST,
    "EXCEEDS_AUTH_AMOUNT": _BAD_REQUEST,
    "AUTH_ALREADY_REVERSED": _BAD_REQUEST,
    "TRANSACTION_ALREADY_SETTLED": _BAD_REQUEST,
    "TRANSACTION_ALREADY_REVERSED_OR_SETTLED": _BAD_REQUEST,
    "MISSING_AUTH": _BAD_REQUEST,
    "NOT_VOIDABLE": _BAD_REQUEST,
    # 404 replies (e.g. TssV2TransactionsGet404Response, a capture of an unknown id): errorInformation.reason
    # NOT_FOUND, "The requested resource does not exist": the request named nothing CyberSource knows.
    "NOT_FOUND": _BAD_REQUEST,
    # 502 SERVER_ERROR reasons.
    "SYSTEM_ERROR": {"reason": "PROCESSING_ERROR", "source": _TECHNICAL},
    "SERVER_TIMEOUT": {"reason": "TIMEOUT", "source": _TECHNICAL},
    "SERVICE_TIMEOUT": {"reason": "TIMEOUT", "source": _TECHNICAL},
    "PROCESSOR_TIMEOUT": {"reason": "TIMEOUT", "source": _TECHNICAL},
    "GATEWAY_TIMEOUT": {"reason": "TIMEOUT", "source": _TECHNICAL},
    "SERVICE_UNAVAILABLE": {"reason": "PROCESSING_ERROR", "source": _TECHNICAL},
}

# Timeouts after CyberSource received the request: the outcome is not known (reconcile, never blind-retry).
_OUTCOME_UNKNOWN_SO = ["151", "152", "250"]
_OUTCOME_UNKNOWN_REST = ["SERVER_TIMEOUT", "SERVICE_TIMEOUT", "PROCESSOR_TIMEOUT", "GATEWAY_TIMEOUT"]
# 400 reasons that are a refusal of the card itself rather than of a malformed request.
_CARD_REFUSED_REST = ["INVALID_CARD", "CARD_TYPE_NOT_ACCEPTED", "INVALID_CARD_TYPE", "DEBIT_CARD_USEAGE_EXCEEDD_LIMIT",
                      "DEBIT_CARD_USAGE_LIMIT_EXCEEDED"]

SO_DECISIONS = {"ACCEPT": "APPROVED", "REJECT": "DECLINED", "ERROR": "ERROR", "REVIEW": "PENDING"}

# Secure Acceptance (Hosted Checkout / Checkout API) reply fields (developer.cybersource.com, Secure Acceptance
# Hosted Checkout Integration Guide, "Reply Fields" and "Types of Notifications"/"Decisions"): decision ACCEPT
# (successful), DECLINE (declined by the issuer or the processor), REVIEW (authorized, marked for review by
# Decision Manager), ERROR (access denied, page not found or internal server error), CANCEL (the customer cancelled
# the transaction); reason_code uses the Simple Order reason codes; req_amount / auth_amount are decimals in the
# major units of req_currency; transaction_id is the request id; req_reference_number the merchant's order.
SA_DECISIONS = {"ACCEPT": "APPROVED", "DECLINE": "DECLINED", "REVIEW": "PENDING", "ERROR": "ERROR",
                "CANCEL": "CANCELLED"}
# The guide's transaction_type values: authorization, sale, each optionally with ",create_payment_token" or
# ",update_payment_token", and create_payment_token / update_payment_token alone (the Token Management
# Service only: no authorization is requested, so no payment was made).
SA_TOKEN_ONLY = ["create_payment_token", "update_payment_token"]

# REST payments (201/400/502) statuses.
REST_STATUSES = {
    "AUTHORIZED": "APPROVED",
    "PARTIAL_AUTHORIZED": "APPROVED",
    "AUTHORIZED_PENDING_REVIEW": "PENDING",  # issuer approved; held for the merchant's review (AVS, DM review)
    "AUTHORIZED_RISK_DECLINED": "DECLINED",  # issuer approved, Decision Manager rejected: auth reversed
    "PENDING_AUTHENTICATION": "PENDING",  # 3-D Secure step-up: awaiting the cardholder
    "PENDING_REVIEW": "PENDING",
    "DECLINED": "DECLINED",
    "INVALID_REQUEST": "ERROR",
    "SERVER_ERROR": "ERROR",
    "PENDING": "PENDING",
    "TRANSMITTED": "APPROVED",
    "COMPLETED": "APPROVED",
    "SETTLED": "APPROVED",
    "REVERSED": "CANCELLED",
    "VOIDED": "CANCELLED",
    "CANCELLED": "CANCELLED",
    "ABANDONED": "CANCELLED",
    "FAILED": "DECLINED",
    "REJECTED": "DECLINED",
}

# Webhooks API event types of the Payments product: <service>.<outcome>.
WEBHOOK_EVENTS = {
    "payments.payments.accept": "APPROVED", "payments.payments.partial.approval": "APPROVED",
    "payments.payments.reject": "DECLINED", "payments.payments.review": "PENDING",
    "payments.captures.accept": "APPROVED", "payments.captures.reject": "DECLINED",
    "payments.refunds.accept": "REFUNDED", "payments.refunds.partial.approval": "REFUNDED",
    "payments.refunds.reject": "DECLINED",
    "payments.credits.accept": "REFUNDED", "payments.credits.partial.approval": "REFUNDED",
    "payments.credits.reject": "DECLINED",
    "payments.reversals.accept": "CANCELLED", "payments.reversals.reject": "ERROR",
    "payments.voids.accept": "CANCELLED", "payments.voids.reject": "ERROR",
}

# Card type codes (card_cardType / paymentInformation.card.type).
CARD_TYPES = {
    "001": "visa", "002": "mastercard", "003": "amex", "004": "discover", "005": "diners", "006": "carte_blanche",
    "007": "jcb", "024": "maestro", "033": "visa", "036": "cartes_bancaires", "042": "maestro", "054": "elo",
    "058": "carnet", "062": "unionpay", "070": "eftpos", "081": "jaywan",
}

# Simple Order service replies, the later lifecycle ones first (one reply names what the request did).
_SERVICE_REPLIES = ("ccAuthReversalReply", "voidReply", "ccCreditReply", "ccCaptureReply", "ccAuthReply",
                    "ecDebitReply", "ecCreditReply", "payerAuthEnrollReply", "payerAuthValidateReply",
                    "ccIncrementalAuthReply", "afsReply", "decisionReply")
_NVP_PREFIXES = frozenset((*_SERVICE_REPLIES, "purchaseTotals", "card", "billTo", "shipTo", "fundingTotals",
                           "ccCheckStatusReply", "paySubscriptionCreateReply"))


def _text(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("#text")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    return value.strip() or None if isinstance(value, str) else None


_ISO_CODES = frozenset(code.upper() for code in ISSUER_CODE_REASONS)


def _issuer_code(section: Any, key: str) -> str | None:
    """The processor's (issuer's) response code in a section, when it is an ISO 8583 code we know, else None."""
    code = _text(section.get(key)) if isinstance(section, dict) else None
    return code if code and code.upper() in _ISO_CODES else None


def _with_issuer_code(document: dict, code: str | None) -> dict:
    if code:
        document[ISSUER_KEY] = code
    return document


def _nested_reply(body: dict) -> dict:
    """A Simple Order reply as nested objects, whether it came as XML, SOAP, JSON or name-value pairs."""
    reply: dict[str, Any] = {}
    for key, value in body.items():
        prefix, sep, rest = key.partition("_")
        if sep and prefix in _NVP_PREFIXES and rest:
            section = reply.setdefault(prefix, {})
            if isinstance(section, dict):
                section[rest] = value
                continue
        reply.setdefault(key, value)
    return reply


def _so_reason(reply: dict) -> str | None:
    codes = []
    for name in _SERVICE_REPLIES:
        section = reply.get(name)
        if isinstance(section, dict):
            code = _text(section.get("reasonCode"))
            if code and code != "100":
                codes.append(code)
    return codes[0] if codes else _text(reply.get("reasonCode"))


def _rest_reason(body: dict) -> str | None:
    error = body.get("errorInformation")
    reason = _text(error.get("reason")) if isinstance(error, dict) else None
    return reason or _text(body.get("reason"))


def _rest_brand(body: dict) -> str | None:
    for section, key in (("paymentAccountInformation", "card"), ("paymentInformation", "card"),
                         ("paymentInformation", "tokenizedCard")):
        node = body.get(section)
        node = node.get(key) if isinstance(node, dict) else None
        if isinstance(node, dict):
            brand = _text(node.get("brandName")) or CARD_TYPES.get(_text(node.get("type")) or "")
            if brand:
                return brand
    return None


def prepare(body: Any) -> Any:
    """Simple Order replies become ``{"replyMessage": {...nested...}}``; REST documents get the chosen reason.

    * SOAP ``Envelope.Body.replyMessage``, bare XML ``replyMessage``, a JSON-logged reply and the
      name-value-pair form (``ccAuthReply_reasonCode=...``) all become one nested ``replyMessage``.
    * The reason read (``payobs_reason_code``) is the first service reply's non-100 reasonCode, else the
      request's; the issuer's ISO 8583 code (``payobs_issuer_code``) is the next reason path, so a generic
      decline gives way to it (see the module docstring).
    * The card brand (``payobs_card_brand``) from the documented card type codes.
    Pure: the input is not modified.
    """
    if not isinstance(body, dict):
        return body
    reply = None
    envelope = body.get("Envelope")
    if isinstance(envelope, dict) and isinstance(envelope.get("Body"), dict):
        reply = envelope["Body"].get("replyMessage")
    elif isinstance(body.get("replyMessage"), dict):
        reply = body["replyMessage"]
    elif "decision" in body and ("requestID" in body or "reasonCode" in body):
        reply = body
    report = body.get("Report")
    if isinstance(report, dict) and isinstance(report.get("Requests"), dict):
        request = _tdr(report)
        if request is not None:
            return {TDR_KEY: request}
    if isinstance(reply, dict):
        reply = _nested_reply(reply)
        reply[REASON_KEY] = _so_reason(reply)
        _with_issuer_code(reply, _issuer_code(reply.get("ccAuthReply"), "processorResponse"))
        card = reply.get("card")
        brand = CARD_TYPES.get(_text(card.get("cardType")) or "") if isinstance(card, dict) else None
        if brand:
            reply[BRAND_KEY] = brand
        return {"replyMessage": reply}
    application = body.get("applicationInformation")
    if isinstance(application, dict) and application.get("reasonCode") is not None:
        return _tss(body, application)
    prepared = _with_issuer_code({**body, REASON_KEY: _rest_reason(body)},
                                 _issuer_code(body.get("processorInformation"), "responseCode"))
    brand = _rest_brand(body) or (CARD_TYPES.get(_text(body.get("req_card_type")) or "")
                                  if "req_transaction_type" in body else None)
    if brand:
        prepared[BRAND_KEY] = brand
    return prepared


# Transaction Search / Details (TSS) application names, the primary one first.
_TSS_KINDS = {"ics_auth": "AUTHORIZATION", "ics_bill": "CAPTURE", "ics_credit": "REFUND",
              "ics_auth_reversal": "VOID", "ics_void": "VOID", "ics_ecp_debit": "AUTHORIZATION",
              "ics_ecp_credit": "REFUND"}
# rCode: 1 the request succeeded, 0 declined / rejected, -1 an error (SCMP reply flags and codes).
_TSS_DECISIONS = {"1": "ACCEPT", "0": "REJECT", "-1": "ERROR"}
DECISION_KEY = "payobs_decision"
KIND_KEY = "payobs_service"


def _tss(body: dict, application: dict) -> dict:
    """A Transaction Details record: the decision from rCode (480 = review), the reason from reasonCode."""
    code = _text(application.get("reasonCode"))
    decision = "REVIEW" if code == "480" else _TSS_DECISIONS.get(_text(application.get("rCode")) or "")
    if decision is None and code:
        decision = "ACCEPT" if code in ("100", "110") else "REJECT"
    names = []
    for app in application.get("applications") or []:
        if isinstance(app, dict) and _text(app.get("name")):
            names.append(_text(app.get("name")))
    kinds = [_TSS_KINDS[name] for name in names if name in _TSS_KINDS]
    # An auth with its capture (ics_auth + ics_bill) is a sale: the authorization; otherwise the service's kind.
    kind = "AUTHORIZATION" if "ics_auth" in names else (kinds[0] if kinds else "AUTHORIZATION")
    prepared = _with_issuer_code({**body, DECISION_KEY: decision, REASON_KEY: code if code != "100" else None,
                                  KIND_KEY: kind}, _issuer_code(body.get("processorInformation"), "responseCode"))
    brand = _rest_brand(body)
    if brand:
        prepared[BRAND_KEY] = brand
    return prepared


# SCMP reply flags (Transaction Detail Report ApplicationReply RFlag) and the Simple Order reason code each one
# is documented with (reason code / reply flag table); DCARDREFUSED stands for 203 and the issuer refusals
# 204-211 alike, so it reads as the generic decline 203. ETIMEOUT (151): received, then timed out.
RFLAG_REASONS = {
    "DMISSINGFIELD": "101", "DINVALIDDATA": "102", "DDUPLICATE": "104", "ESYSTEM": "150", "ETIMEOUT": "151",
    "DAVSNO": "200", "DCALL": "201", "DCARDEXPIRED": "202", "DCARDREFUSED": "203", "DCV": "230",
    "DINVALIDCARD": "231", "DSCORE": "400", "DREVIEW": "480", "DREJECT": "481",
}
TDR_KEY = "payobs_tdr_request"


def _tdr(report: dict) -> dict | None:
    """A Transaction Detail Report's one Request with its decision, reason and service kind; None if none.

    rCode -1 anywhere is an error; otherwise a Decision Manager DREVIEW holds the order for review; otherwise
    rCode 0 anywhere is a refusal (its flag the reason); otherwise the services succeeded.
    """
    requests = report.get("Requests")
    request = requests.get("Request") if isinstance(requests, dict) else None
    if isinstance(request, list):
        return {"payobs_report_requests": len(request)}
    if not isinstance(request, dict):
        return None
    replies = request.get("ApplicationReplies")
    replies = replies.get("ApplicationReply") if isinstance(replies, dict) else None
    replies = [r for r in (replies if isinstance(replies, list) else [replies]) if isinstance(r, dict)]
    codes = [(_text(r.get("@Name")), _text(r.get("RCode")), _text(r.get("RFlag"))) for r in replies]
    refused = [flag for _, code, flag in codes if code == "-1"]
    if refused:
        decision = "ERROR"
    elif any(flag == "DREVIEW" for _, _, flag in codes):
        decision, refused = "REVIEW", []
    else:
        refused = [flag for _, code, flag in codes if code == "0"]
        decision = "REJECT" if refused else ("ACCEPT" if any(code == "1" for _, code, _ in codes) else None)
    names = [name for name, _, _ in codes if name]
    kinds = [_TSS_KINDS[name] for name in names if name in _TSS_KINDS]
    kind = "AUTHORIZATION" if "ics_auth" in names else (kinds[0] if kinds else "AUTHORIZATION")
    flag = next((f for f in refused if f), None)
    card = request.get("PaymentMethod")
    card = card.get("Card") if isinstance(card, dict) else None
    card_type = _text(card.get("CardType")) if isinstance(card, dict) else None
    return {**request, DECISION_KEY: decision, KIND_KEY: kind, REASON_KEY: flag,
            BRAND_KEY: card_type.lower() if card_type else None, "payobs_merchant_id": report.get("@MerchantID")}


_SO_AMOUNTS = ["ccAuthReply.amount", "ccCaptureReply.amount", "ccCreditReply.amount", "ccAuthReversalReply.amount",
               "voidReply.amount", "ecDebitReply.amount", "ecCreditReply.amount", "ccIncrementalAuthReply.amount"]
_SO_TIMES = ["ccAuthReply.authorizedDateTime", "ccCaptureReply.requestDateTime", "ccCreditReply.requestDateTime",
             "ccAuthReversalReply.requestDateTime", "voidReply.requestDateTime", "ecDebitReply.requestDateTime",
             "ecCreditReply.requestDateTime", "receiptNumber.requestDateTime"]

_SO_RULES = [
    {"when": {"ecDebitReply": {"exists": True}}, "set": {"payment_method": "DIRECT_DEBIT"}},
    {"when": {"ecCreditReply": {"exists": True}}, "set": {"payment_method": "DIRECT_DEBIT", "event_kind": "REFUND"}},
    {"when": {"ecCreditReply": {"exists": True}, "decision": "ACCEPT"}, "set": {"status_category": "REFUNDED"}},
    {"when": {"ecCreditReply": {"exists": True}, "decision": ["REJECT", "ERROR"]},
     "set": {"status_category": "DECLINED"}},
    # A capture on its own (an auth+capture sale carries ccAuthReply too and stays an authorization).
    {"when": {"ccCaptureReply": {"exists": True}, "ccAuthReply": {"exists": False}}, "set": {"event_kind": "CAPTURE"}},
    # A refund (follow-on or stand-alone credit): accepted means queued for the processor's batch.
    {"when": {"ccCreditReply": {"exists": True}}, "set": {"event_kind": "REFUND"}},
    {"when": {"ccCreditReply": {"exists": True}, "decision": "ACCEPT"}, "set": {"status_category": "REFUNDED"}},
    {"when": {"ccCreditReply": {"exists": True}, "decision": ["REJECT", "ERROR"]},
     "set": {"status_category": "DECLINED"}},
    # A void (of a capture or credit) or a full authorization reversal releases the authorization.
    {"when": {"voidReply": {"exists": True}}, "set": {"event_kind": "VOID"}},
    {"when": {"ccAuthReversalReply": {"exists": True}}, "set": {"event_kind": "VOID"}},
    {"when": {"voidReply": {"exists": True}, "decision": "ACCEPT"}, "set": {"status_category": "CANCELLED"}},
    {"when": {"ccAuthReversalReply": {"exists": True}, "decision": "ACCEPT"}, "set": {"status_category": "CANCELLED"}},
    {"when": {"voidReply": {"exists": True}, "decision": ["REJECT", "ERROR"]}, "set": {"status_category": "ERROR"}},
    {"when": {"ccAuthReversalReply": {"exists": True}, "decision": ["REJECT", "ERROR"]},
     "set": {"status_category": "ERROR"}},
    # 101 / 102: missing or invalid fields in the request (reason codes table: "resend the request with the
    # complete/correct information"): the request was refused before any authorization, not a card decline.
    {"when": {"reasonCode": ["101", "102"]}, "set": {"status_category": "ERROR"}},
    # 475: enrolled in 3-D Secure, the cardholder must authenticate before the authorization.
    {"when": {"reasonCode": "475"}, "set": {"status_category": "PENDING"}},
    # CyberSource received the request but timed out: money may have moved.
    {"when": {"reasonCode": _OUTCOME_UNKNOWN_SO, "ccCreditReply": {"exists": False}},
     "set": {"status_category": "UNKNOWN"}},
]

_REST_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status"],
    "reason_code": [REASON_KEY, ISSUER_KEY],
    "amount": ["orderInformation.amountDetails.authorizedAmount", "orderInformation.amountDetails.totalAmount"],
    "currency": ["orderInformation.amountDetails.currency"],
    "event_time": ["submitTimeUtc"],
    "card_brand": [BRAND_KEY],
    "payment_id": ["clientReferenceInformation.code"],
    "card_country": ["issuerInformation.country"],
    "customer_country": ["orderInformation.billTo.country"],
}
# REST refund and credit replies: every accepted state is the refund made; a refusal is a failed refund.
_REFUND_STATUSES = {"PENDING": "REFUNDED", "TRANSMITTED": "REFUNDED", "COMPLETED": "REFUNDED", "SETTLED": "REFUNDED",
                    "PARTIAL_AUTHORIZED": "REFUNDED", "AUTHORIZED": "REFUNDED", "DECLINED": "DECLINED",
                    "INVALID_REQUEST": "DECLINED", "FAILED": "DECLINED"}
# A reversal or void either released the authorization or failed (taxonomy: VOID is CANCELLED or ERROR).
_VOID_STATUSES = {"REVERSED": "CANCELLED", "VOIDED": "CANCELLED", "CANCELLED": "CANCELLED",
                  "DECLINED": "ERROR", "INVALID_REQUEST": "ERROR", "FAILED": "ERROR"}
_REST_PAYMENT_RULES = [
    {"when": {"status": "INVALID_REQUEST", REASON_KEY: _CARD_REFUSED_REST}, "set": {"status_category": "DECLINED"}},
    {"when": {"status": "SERVER_ERROR", REASON_KEY: _OUTCOME_UNKNOWN_REST}, "set": {"status_category": "UNKNOWN"}},
    {"when": {"status": "AUTHORIZED_RISK_DECLINED", REASON_KEY: {"exists": False}, ISSUER_KEY: {"exists": False}},
     "set": {"failure_reason": "RISK_REJECTED", "failure_source": _MERCHANT_RISK}},
    {"when": {"paymentInformation.bank": {"exists": True}}, "set": {"payment_method": "DIRECT_DEBIT"}},
]

# A Secure Acceptance reply's own fields (Reply Fields): auth_amount is the authorized amount (partial
# authorizations), req_amount the amount requested; req_currency the currency of both.
_SA_REPLY_FIELDS = {
    "provider_transaction_id": ["transaction_id"],
    "status": ["decision"],
    "reason_code": ["reason_code"],
    "amount": ["auth_amount", "req_amount"],
    "currency": ["req_currency"],
    "event_time": ["signed_date_time", "auth_time"],
    "payment_id": ["req_reference_number"],
}

SPEC = {
    "provider": "cybersource",
    "aliases": ["cybersource", "cyber_source", "cyber source", "cybs", "visa_acceptance", "visaacceptance",
                "visa acceptance solutions", "cybersource_rest", "cybersource_soap", "cybersource_simple_order"],
    "detect": [
        # Simple Order API: XML replyMessage (bare or in a SOAP envelope), JSON or name-value pairs.
        {"path": "replyMessage.decision", "in": list(SO_DECISIONS), "weight": 0.9},
        {"path": "Envelope.Body.replyMessage.decision", "in": list(SO_DECISIONS), "weight": 0.9},
        # A replyMessage with CyberSource's requestID, whatever its decision word is spelled as.
        {"path": "replyMessage.requestID", "exists": True, "weight": 0.6},
        {"path": "Envelope.Body.replyMessage.requestID", "exists": True, "weight": 0.6},
        {"path": "decision", "in": list(SO_DECISIONS), "weight": 0.3},
        {"path": "requestID", "exists": True, "weight": 0.3},
        {"path": "requestToken", "exists": True, "weight": 0.2},
        {"path": "ccAuthReply_reasonCode", "exists": True, "weight": 0.3},
        {"path": "ccAuthReply.reasonCode", "exists": True, "weight": 0.3},
        {"path": "purchaseTotals_currency", "exists": True, "weight": 0.2},
        # Secure Acceptance reply / notification fields (the request's fields echoed as req_*).
        {"path": "req_transaction_type", "exists": True, "weight": 0.5},
        {"path": "req_reference_number", "exists": True, "weight": 0.2},
        {"path": "req_profile_id", "exists": True, "weight": 0.2},
        {"path": "decision", "in": list(SA_DECISIONS), "weight": 0.1},
        {"path": "signed_field_names", "exists": True, "weight": 0.3},
        # SCMP API replies: ics_rcode / ics_rflag / ics_rmsg.
        {"path": "ics_rcode", "in": ["1", "0", "-1"], "weight": 0.4},
        {"path": "ics_rflag", "exists": True, "weight": 0.3},
        {"path": "ics_rmsg", "exists": True, "weight": 0.2},
        # REST Payments API.
        {"path": "submitTimeUtc", "exists": True, "weight": 0.3},
        {"path": "clientReferenceInformation", "exists": True, "weight": 0.3},
        {"path": "status", "in": list(REST_STATUSES), "weight": 0.2},
        {"path": "processorInformation", "exists": True, "weight": 0.2},
        # The payment reply's amounts (PtsV2PaymentsPost201Response orderInformation.amountDetails:
        # authorizedAmount, totalAmount, currency; cybersource-rest-client docs).
        {"path": "orderInformation.amountDetails", "exists": True, "weight": 0.2},
        {"path": "errorInformation.reason", "exists": True, "weight": 0.3},
        {"path": "reason", "in": list(REST_REASONS), "weight": 0.3},
        {"path": "refundAmountDetails", "exists": True, "weight": 0.4},
        {"path": "reversalAmountDetails", "exists": True, "weight": 0.4},
        {"path": "voidAmountDetails", "exists": True, "weight": 0.4},
        {"path": "creditAmountDetails", "exists": True, "weight": 0.4},
        {"path": "_links.self.href", "prefix": ["/pts/v2/", "/tss/v2/"], "weight": 0.5},
        {"path": "applicationInformation.applications", "exists": True, "weight": 0.4},
        {"path": "submitTimeUTC", "exists": True, "weight": 0.3},
        # Webhooks (Webhooks API v3 notification body).
        {"path": "webhookId", "exists": True, "weight": 0.3},
        {"path": "transactionTraceId", "exists": True, "weight": 0.3},
        {"path": "eventType", "prefix": ["payments.", "tms.", "risk.", "invoicing.", "fraudManagement."], "weight": 0.3},
        {"path": "productId", "exists": True, "weight": 0.1},
        # Transaction Detail Report (XML): a Request with its ApplicationReplies.
        {"path": "Report.Requests.Request.ApplicationReplies.ApplicationReply", "exists": True, "weight": 0.9},
        # Decision Manager Case Management Order Status notification.
        {"path": "CaseManagementOrderStatus.Update.NewDecision", "exists": True, "weight": 0.9},
    ],
    "amount_unit": "major",
    "default_payment_method": "CARD",
    "status_map": REST_STATUSES,
    "reason_map": {**SO_REASONS, **REST_REASONS},
    "reason_fallback": "iso8583",
    "variants": [
        {
            "name": "simple_order",
            "match": {"replyMessage": {"exists": True}},
            "root": "replyMessage",
            "fields": {
                "provider_transaction_id": ["requestID"],
                "status": ["decision"],
                "reason_code": [REASON_KEY, ISSUER_KEY],
                "amount": _SO_AMOUNTS,
                # ccAuthReply_requestCurrency: the authorization's currency (api-fields cc-auth-reply-request-currency).
                "currency": ["purchaseTotals.currency", "voidReply.currency", "ccAuthReversalReply.currency",
                             "ccAuthReply.requestCurrency"],
                "event_time": _SO_TIMES,
                "card_brand": [BRAND_KEY],
                "payment_id": ["merchantReferenceCode"],
                "customer_country": ["billTo.country"],
            },
            "status_map": SO_DECISIONS,
            "rules": _SO_RULES,
        },
        {
            # Secure Acceptance: a token creation / update alone is not a payment (SA_TOKEN_ONLY).
            "name": "secure_acceptance.token_only",
            "match": {"decision": {"exists": True}, "req_transaction_type": {"in": SA_TOKEN_ONLY}},
            "not_a_payment": "a Secure Acceptance create/update_payment_token transaction requests no payment",
        },
        {
            # Secure Acceptance reply (see SA_DECISIONS and _SA_REPLY_FIELDS).
            "name": "secure_acceptance",
            "match": {"decision": {"in": list(SA_DECISIONS)}, "req_transaction_type": {"exists": True}},
            "fields": {**_SA_REPLY_FIELDS, "card_brand": [BRAND_KEY],
                       "customer_country": ["req_bill_to_address_country"]},
            "status_map": SA_DECISIONS,
            "rules": [
                # req_payment_method echeck: an electronic check (ACH) debit.
                {"when": {"req_payment_method": "echeck"}, "set": {"payment_method": "DIRECT_DEBIT"}},
                # reason_code 101 (the request is missing one or more required fields) and 102 (one or more
                # fields contain invalid data): Secure Acceptance replies decision DECLINE for them, but the
                # request failed validation before any authorization (the guide's reason-code table; the
                # reply names the fields in required_fields / invalid_fields): an invalid request, ERROR.
                {"when": {"reason_code": ["101", "102"]}, "set": {"status_category": "ERROR"}},
            ],
        },
        {
            # A Secure Acceptance reply stored without the req_* echo of the request (the signed reply fields
            # only: decision, reason_code, transaction_id, signed_field_names, signature ...): read as above.
            "name": "secure_acceptance.signed_reply",
            "match": {"decision": {"in": list(SA_DECISIONS)}, "signed_field_names": {"exists": True},
                      "reason_code": {"exists": True}},
            "fields": _SA_REPLY_FIELDS,
            "status_map": SA_DECISIONS,
            "rules": [{"when": {"reason_code": ["101", "102"]}, "set": {"status_category": "ERROR"}}],
        },
        {
            # SCMP API reply (the name-value pairs of the legacy SCMP clients; module docstring): ics_rcode 1
            # succeeded, 0 declined, -1 error; ics_rflag / <service>_rflag the reply flags (RFLAG_REASONS);
            # auth_auth_amount, bill_bill_amount, credit_credit_amount in major units of ``currency``.
            "name": "scmp",
            "match": {"ics_rcode": {"exists": True}},
            "fields": {
                "provider_transaction_id": ["request_id"],
                "status": ["ics_rcode"],
                "reason_code": ["auth_rflag", "bill_rflag", "credit_rflag", "auth_reversal_rflag", "void_rflag",
                                "ics_rflag"],
                "amount": ["auth_auth_amount", "bill_bill_amount", "credit_credit_amount", "auth_reversal_amount",
                           "void_void_amount"],
                "currency": ["currency", "auth_request_currency"],
                "event_time": ["auth_auth_time", "bill_bill_request_time", "credit_credit_request_time"],
                "payment_id": ["merchant_ref_number"],
            },
            "status_map": {"1": "APPROVED", "0": "DECLINED", "-1": "ERROR"},
            "reason_map": {flag: SO_REASONS[code] for flag, code in RFLAG_REASONS.items() if code in SO_REASONS},
            "rules": [
                {"when": {"ics_rflag": "DREVIEW"}, "set": {"status_category": "PENDING"}},
                {"when": {"ics_rflag": "ETIMEOUT"}, "set": {"status_category": "UNKNOWN"}},
                {"when": {"bill_bill_amount": {"exists": True}, "auth_auth_amount": {"exists": False}},
                 "set": {"event_kind": "CAPTURE"}},
                {"when": {"credit_credit_amount": {"exists": True}}, "set": {"event_kind": "REFUND"}},
                {"when": {"credit_credit_amount": {"exists": True}, "ics_rcode": "1"},
                 "set": {"status_category": "REFUNDED"}},
                {"when": {"void_void_amount": {"exists": True}}, "set": {"event_kind": "VOID"}},
                {"when": {"auth_reversal_amount": {"exists": True}}, "set": {"event_kind": "VOID"}},
                {"when": {"void_void_amount": {"exists": True}, "ics_rcode": "1"},
                 "set": {"status_category": "CANCELLED"}},
                {"when": {"auth_reversal_amount": {"exists": True}, "ics_rcode": "1"},
                 "set": {"status_category": "CANCELLED"}},
            ],
        },
        {
            # Webhook notifications that are not about a payment (token management, invoicing, risk cases).
            "name": "webhook.not_a_payment",
            "match": {"webhookId": {"exists": True},
                      "eventType": {"prefix": ["tms.", "invoicing.", "risk.", "fraudManagement.", "products."]}},
            "not_a_payment": "a token, invoicing or risk-case notification is not a payment outcome",
        },
        {
            # Payments webhooks: the event type names the service and its outcome; the payload names the
            # transaction to fetch for details (amount, reasons).
            "name": "webhook.payment",
            "match": {"eventType": {"prefix": "payments."}},
            "fields": {
                "provider_transaction_id": ["payload.data.id", "payload.0.data.id", "payload.id", "payload.0.id"],
                "status": ["eventType"],
                "event_time": ["eventDate"],
            },
            "status_map": WEBHOOK_EVENTS,
            "rules": [
                {"when": {"eventType": {"prefix": "payments.captures."}}, "set": {"event_kind": "CAPTURE"}},
                {"when": {"eventType": {"prefix": ["payments.refunds.", "payments.credits."]}},
                 "set": {"event_kind": "REFUND"}},
                {"when": {"eventType": {"prefix": ["payments.reversals.", "payments.voids."]}},
                 "set": {"event_kind": "VOID"}},
            ],
        },
        {
            # HTTP 401 of the REST API: the HTTP signature or JWT was refused, nothing was processed.
            "name": "rest.authentication_error",
            "match": {"response.rmsg": {"exists": True}},
            "status": "ERROR",
            "fields": {"reason_code": ["response.rmsg"]},
            "rules": [{"when": {}, "set": {"failure_reason": "CONFIGURATION_ERROR"}}],
        },
        {
            # Transaction Details / Search record (GET /tss/v2/transactions/{id}): Simple Order reason codes
            # under applicationInformation, the services run in applications[].name.
            "name": "tss.transaction",
            "match": {DECISION_KEY: {"exists": True}},
            "fields": {**_REST_FIELDS, "status": [DECISION_KEY], "event_time": ["submitTimeUTC", "submitTimeUtc"],
                       "amount": ["orderInformation.amountDetails.totalAmount",
                                  "orderInformation.amountDetails.authorizedAmount"]},
            "status_map": SO_DECISIONS,
            "rules": [
                {"when": {KIND_KEY: "CAPTURE"}, "set": {"event_kind": "CAPTURE"}},
                {"when": {KIND_KEY: "REFUND"}, "set": {"event_kind": "REFUND"}},
                {"when": {KIND_KEY: "REFUND", DECISION_KEY: "ACCEPT"}, "set": {"status_category": "REFUNDED"}},
                {"when": {KIND_KEY: "REFUND", DECISION_KEY: ["REJECT", "ERROR"]}, "set": {"status_category": "DECLINED"}},
                {"when": {KIND_KEY: "VOID"}, "set": {"event_kind": "VOID"}},
                {"when": {KIND_KEY: "VOID", DECISION_KEY: "ACCEPT"}, "set": {"status_category": "CANCELLED"}},
                {"when": {KIND_KEY: "VOID", DECISION_KEY: ["REJECT", "ERROR"]}, "set": {"status_category": "ERROR"}},
                {"when": {REASON_KEY: _OUTCOME_UNKNOWN_SO, KIND_KEY: {"in": ["AUTHORIZATION", "CAPTURE"]}},
                 "set": {"status_category": "UNKNOWN"}},
                {"when": {"paymentInformation.paymentType.name": "CHECK"}, "set": {"payment_method": "DIRECT_DEBIT"}},
            ],
        },
        {
            # A Transaction Detail Report of several requests: a report, each request its own outcome.
            "name": "tdr.report",
            "match": {f"{TDR_KEY}.payobs_report_requests": {"exists": True}},
            "not_a_payment": "a CyberSource Transaction Detail Report listing several requests",
        },
        {
            # A Transaction Detail Report's single Request (module docstring): read as a TSS record.
            "name": "tdr.request",
            "root": TDR_KEY,
            "match": {f"{TDR_KEY}.{DECISION_KEY}": {"exists": True}},
            "fields": {
                "provider_transaction_id": ["@RequestID"],
                "status": [DECISION_KEY],
                "reason_code": [REASON_KEY],
                "amount": ["PaymentData.Amount"],
                "currency": ["PaymentData.CurrencyCode"],
                "event_time": ["@RequestDate"],
                "card_brand": [BRAND_KEY],
                "payment_id": ["@MerchantReferenceNumber"],
                "merchant_id": ["payobs_merchant_id"],
                "customer_country": ["BillTo.Country"],
            },
            "status_map": SO_DECISIONS,
            # The flag read through the Simple Order code it is documented with.
            "reason_map": {flag: SO_REASONS[code] for flag, code in RFLAG_REASONS.items() if code in SO_REASONS},
            "rules": [
                {"when": {KIND_KEY: "CAPTURE"}, "set": {"event_kind": "CAPTURE"}},
                {"when": {KIND_KEY: "REFUND"}, "set": {"event_kind": "REFUND"}},
                {"when": {KIND_KEY: "REFUND", DECISION_KEY: "ACCEPT"}, "set": {"status_category": "REFUNDED"}},
                {"when": {KIND_KEY: "REFUND", DECISION_KEY: ["REJECT", "ERROR"]}, "set": {"status_category": "DECLINED"}},
                {"when": {KIND_KEY: "VOID"}, "set": {"event_kind": "VOID"}},
                {"when": {KIND_KEY: "VOID", DECISION_KEY: "ACCEPT"}, "set": {"status_category": "CANCELLED"}},
                {"when": {KIND_KEY: "VOID", DECISION_KEY: ["REJECT", "ERROR"]}, "set": {"status_category": "ERROR"}},
                {"when": {REASON_KEY: "ETIMEOUT", KIND_KEY: {"in": ["AUTHORIZATION", "CAPTURE"]}},
                 "set": {"status_category": "UNKNOWN"}},
                {"when": {"PaymentMethod.Check": {"exists": True}}, "set": {"payment_method": "DIRECT_DEBIT"}},
            ],
        },
        {
            "name": "rest.refund",
            "match": {"refundAmountDetails": {"exists": True}},
            "event_kind": "REFUND",
            "fields": {**_REST_FIELDS, "amount": ["refundAmountDetails.refundAmount"],
                       "currency": ["refundAmountDetails.currency"]},
            "status_map": _REFUND_STATUSES,
        },
        {
            "name": "rest.credit",
            "match": {"creditAmountDetails": {"exists": True}},
            "event_kind": "REFUND",
            "fields": {**_REST_FIELDS, "amount": ["creditAmountDetails.creditAmount"],
                       "currency": ["creditAmountDetails.currency"]},
            "status_map": _REFUND_STATUSES,
        },
        {
            "name": "rest.reversal",
            "match": {"reversalAmountDetails": {"exists": True}},
            "event_kind": "VOID",
            "fields": {**_REST_FIELDS, "amount": ["reversalAmountDetails.reversedAmount"],
                       "currency": ["reversalAmountDetails.currency"]},
            "status_map": _VOID_STATUSES,
        },
        {
            "name": "rest.void",
            "match": {"voidAmountDetails": {"exists": True}},
            "event_kind": "VOID",
            "fields": {**_REST_FIELDS, "amount": ["voidAmountDetails.voidAmount"],
                       "currency": ["voidAmountDetails.currency"]},
            "status_map": _VOID_STATUSES,
        },
        {
            "name": "rest.capture",
            "match": {"_links.self.href": {"prefix": "/pts/v2/captures"}},
            "event_kind": "CAPTURE",
            "fields": _REST_FIELDS,
            "status_map": {"PENDING": "APPROVED", "TRANSMITTED": "APPROVED"},
        },
        {
            # A refund or credit response whose amount details were left out, named by its self link.
            "name": "rest.refund_link",
            "match": {"_links.self.href": {"prefix": ["/pts/v2/refunds", "/pts/v2/credits"]}},
            "event_kind": "REFUND",
            "fields": _REST_FIELDS,
            "status_map": {"PENDING": "REFUNDED", "TRANSMITTED": "REFUNDED"},
        },
        {
            # A reply stored without orderInformation.amountDetails.currency (the REST reply repeats the
            # request's currency there; a trimmed copy may lose it): the status stands, the major-unit
            # amount cannot be read without its currency.
            "name": "rest.payment_without_currency",
            "match": {"status": {"exists": True}, "orderInformation.amountDetails.currency": {"exists": False},
                      "orderInformation.amountDetails": {"exists": True}},
            "fields": {key: paths for key, paths in _REST_FIELDS.items() if key != "amount"},
            "status_map": REST_STATUSES,
            "rules": _REST_PAYMENT_RULES,
        },
        {
            "name": "rest.payment",
            "match": {"status": {"exists": True}},
            "fields": _REST_FIELDS,
            "status_map": REST_STATUSES,
            "rules": _REST_PAYMENT_RULES,
        },
        {
            # Decision Manager Case Management Order Status notification (CMOS, cmorderstatus_1_1.dtd): a
            # reviewer moved an order held for review (OriginalDecision REVIEW) to NewDecision ACCEPT (the
            # order is released: the authorization stands) or REJECT (the merchant's review refused it).
            # RequestID is the original request's id; no amount or currency is sent.
            "name": "dm.case_management_order_status",
            "match": {"CaseManagementOrderStatus.Update.NewDecision": {"exists": True}},
            "root": "CaseManagementOrderStatus.Update",
            "fields": {"provider_transaction_id": ["@RequestID"], "status": ["NewDecision"],
                       "payment_id": ["@MerchantReferenceNumber"], "merchant_id": ["^CaseManagementOrderStatus.@MerchantID"],
                       "event_time": ["^CaseManagementOrderStatus.@Date"]},
            "status_map": {"ACCEPT": "APPROVED", "REJECT": "DECLINED", "REVIEW": "PENDING"},
            "rules": [{"when": {"NewDecision": "REJECT"},
                       "set": {"failure_reason": "RISK_REJECTED", "failure_source": _MERCHANT_RISK}}],
        },
    ],
}
