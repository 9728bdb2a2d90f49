"""Monext Payline (France): the SOAP answers of the Web Payment and Direct Payment APIs
(getWebPaymentDetails, doAuthorization, doCapture, doReset, doRefund ...), as SOAP envelopes, bare XML or the
arrays the SDKs return logged as JSON.

Sources:
- Payline return codes, bank processing (01xxx) - "Return codes linked to the return of the bank processing"
  (docs.monext.fr/plugins/viewsource/viewpagesrc.action?pageId=747146980; support.payline.com "Return codes -
  Payline Back (01)"): code, shortMessage (ACCEPTED, REFUSED, ERROR) and longMessage for 00000 and 01100-01915.
- Payline return codes, Payline processing (02xxx) - "Return codes linked to the return of Payline processing"
  (docs.monext.fr/pages/viewpage.action?pageId=747146993, docs.payline.com same page): 02000-02306 with their
  shortMessage (ONHOLD_PARTNER, ERROR, REFUSED, CANCELLED, INPROGRESS).
- "Codes retour Presto (43)" (support.payline.com/hc/fr/articles/360000840207): 02640, 02998, 04001
  PENDING_RISK, 04002 REFUSED "Fraud Detected".
- Answers: PaylineByMonext/payline-php-sdk tests/resources/webpayment/getWebPaymentDetails/
  getWebPaymentDetailsResponse00000.xml, directpayment/doRefund/doRefundResponse00000.xml,
  doReset/doResetResponse00000.xml, doAuthorizationRedirect/doAuthorizationRedirectResponse02305.xml: result
  {code, shortMessage, longMessage}, transaction {id, date, isDuplicated, isPossibleFraud, ...}, payment {amount
  (in cents), currency (ISO 4217 numeric), action, mode, contractNumber, method}, order {ref, amount, currency},
  card {type}, buyer {billingAddress {country}}.

The shortMessage is Payline's own verdict and is the status (ACCEPTED, REFUSED, ERROR, CANCELLED, INPROGRESS,
ONHOLD_PARTNER, PENDING_RISK); the code gives the reason. What is missing: the 02xxx table could only be read up
to 02306 and the 01xxx table up to 01914; later codes (02307-02999 wallet, reauthorization and session codes;
03xxx 3-D Secure) are not mapped and fall back on the shortMessage with an UNKNOWN reason.

The operation an answer belongs to (its ``<op>Response`` element) decides the event kind: doCapture a CAPTURE,
doReset a VOID, doRefund / doCredit a REFUND, the authorisation and detail answers an AUTHORIZATION. A
doWebPayment answer only opens a payment session (a token to redirect the buyer to), so an accepted one is not a
payment event; wallet, billing-record, settings and key answers are not payment events either.

Lifecycle identity: transaction.id is the attempt (and the refund, on a refund answer); order.ref, the merchant's
order, is the payment.
"""

from __future__ import annotations

SHORT_MESSAGES = {
    "ACCEPTED": "APPROVED",
    "REFUSED": "DECLINED",
    "ERROR": "ERROR",
    "CANCELLED": "CANCELLED",
    "INPROGRESS": "PENDING",  # the buyer is still on the payment page
    "ONHOLD_PARTNER": "PENDING",  # waiting for the payment partner's answer
    "PENDING_RISK": "PENDING",  # 04001: accepted, under risk review
}

REASONS = {
    # 01xxx: bank processing.
    "01100": "GENERIC_DECLINE",  # transaction refused
    "01101": "EXPIRED_CARD",
    "01102": "INVALID_CARD_DATA",  # invalid birthdate
    "01103": "GENERIC_DECLINE",  # referral, contact your bank
    "01108": "GENERIC_DECLINE",  # referral
    "01109": "CONFIGURATION_ERROR",  # invalid merchant
    "01110": "INVALID_REQUEST",  # invalid amount
    "01111": "INVALID_CARD_DATA",  # invalid card number
    "01113": "GENERIC_DECLINE",
    "01114": "INVALID_CARD_DATA",  # this account does not exist
    "01115": "TRANSACTION_NOT_PERMITTED",  # this function does not exist
    "01116": "LIMIT_EXCEEDED",  # amount limit
    "01117": "AUTHENTICATION_FAILED",  # invalid PIN code
    "01118": "INVALID_CARD_DATA",  # card not registered
    "01119": "TRANSACTION_NOT_PERMITTED",
    "01120": "TRANSACTION_NOT_PERMITTED",  # refused by terminal
    "01121": "LIMIT_EXCEEDED",  # debit limit exceeded
    "01122": "SUSPECTED_FRAUD",  # security violation
    "01123": "LIMIT_EXCEEDED",  # debit frequency exceeded
    "01125": "RESTRICTED_CARD",  # inactive card
    "01126": "AUTHENTICATION_FAILED",  # invalid PIN format
    "01128": "AUTHENTICATION_FAILED",  # invalid PIN control key
    "01129": "SUSPECTED_FRAUD",  # counterfeit suspected
    "01130": "INCORRECT_CVC",
    "01131": "AUTHENTICATION_REQUIRED",  # 3DS authentication required
    "01132": "REVOKED",  # revocation of this recurring payment
    "01133": "REVOKED",  # revocation of all payments for this card
    "01180": "CONFIGURATION_ERROR",  # invalid bank
    "01181": "INVALID_REQUEST",  # invalid currency
    "01182": "PROCESSING_ERROR",  # conversion rate not found
    "01183": "LIMIT_EXCEEDED",  # max amount exceeded
    "01184": "LIMIT_EXCEEDED",  # max uses exceeded
    "01185": "DUPLICATE",  # used order
    "01196": "PROCESSING_ERROR",  # incomplete bank server response
    "01197": "PROCESSING_ERROR",  # acquirer communication error
    "01198": "CONFIGURATION_ERROR",  # acquirer configuration error
    "01199": "PROCESSING_ERROR",  # system internal error (backend)
    "01200": "GENERIC_DECLINE",
    "01201": "EXPIRED_CARD",
    "01202": "SUSPECTED_FRAUD",  # fraud suspected by payment partner
    "01206": "LIMIT_EXCEEDED",  # maximum number of attempts reached
    "01207": "GENERIC_DECLINE",  # special condition
    "01208": "LOST_OR_STOLEN_CARD",
    "01209": "LOST_OR_STOLEN_CARD",
    "01280": "TRANSACTION_NOT_PERMITTED",  # card BIN not authorized
    "01401": "RESTRICTED_CARD",  # opposition on the account (temporary)
    "01402": "GENERIC_DECLINE",  # irregular cheque
    "01403": "GENERIC_DECLINE",  # non referenced cheque
    "01404": "INVALID_REQUEST",  # wrong subscriber number
    "01405": "PROCESSING_ERROR",  # FNCI server error
    "01406": "INVALID_REQUEST",  # incorrect CMC7
    "01407": "INVALID_REQUEST",  # incorrect IDC number
    "01430": "INVALID_REQUEST",  # incorrect cheque number
    "01902": "INVALID_REQUEST",  # acquirer: invalid transaction
    "01904": "INVALID_REQUEST",  # acquirer: bad format request
    "01907": "ISSUER_UNAVAILABLE",  # issuer server error
    "01909": "PROCESSING_ERROR",  # bank server internal error
    "01912": "ISSUER_UNAVAILABLE",  # issuer server error
    "01913": "DUPLICATE",
    "01914": "INVALID_REQUEST",  # transaction can not be found
    # 02xxx: Payline processing.
    "02001": "DUPLICATE",
    "02002": "DUPLICATE",  # duplicate pending transaction
    "02003": "ISSUER_UNAVAILABLE",  # issuer communication error, must be cancelled
    "02010": "TRANSACTION_NOT_PERMITTED",  # requested function not available
    "02011": "PROCESSING_ERROR",  # to be reversed in fallback mode
    "02012": "PROCESSING_ERROR",  # unmatched partner return code
    "02013": "ISSUER_UNAVAILABLE",  # issuer communication error, cancelled
    "02015": "GENERIC_DECLINE",
    "02020": "GENERIC_DECLINE",  # refused by partner
    "02101": "PROCESSING_ERROR",  # system internal error (frontend)
    "02102": "PROCESSING_ERROR",  # acquirer server communication error
    "02103": "TIMEOUT",  # connection timeout
    "02104": "PROCESSING_ERROR",  # tokenizer internal error
    "02105": "INVALID_REQUEST",  # capture sent for settlement before cancellation
    "02106": "PROCESSING_ERROR",  # payment partner error
    "02110": "INVALID_REQUEST",  # invalid amount
    "02201": "CONFIGURATION_ERROR",  # encryption key does not exist
    "02202": "CONFIGURATION_ERROR",  # encryption key out of date
    "02203": "CONFIGURATION_ERROR",  # too many active key pairs
    "02204": "CONFIGURATION_ERROR",  # invalid merchantKeyName
    "02301": "INVALID_REQUEST",  # transaction ID is invalid
    "02302": "INVALID_REQUEST",  # transaction is invalid
    "02303": "CONFIGURATION_ERROR",  # invalid contract number
    "02304": "INVALID_REQUEST",  # no transaction found for this token
    "02305": "INVALID_REQUEST",  # invalid field format
    "02640": "GENERIC_DECLINE",  # Presto: credit refused by customer
    "02998": "GENERIC_DECLINE",
    "04002": "RISK_REJECTED",  # fraud detected
}

AUTHORIZATION_OPERATIONS = [
    "getWebPaymentDetailsResponse", "doAuthorizationResponse", "doAuthorizationRedirectResponse",
    "doImmediateWalletPaymentResponse", "doReAuthorizationResponse", "doDebitResponse",
    "getTransactionDetailsResponse",
]
CAPTURE_OPERATIONS = ["doCaptureResponse"]
VOID_OPERATIONS = ["doResetResponse"]
REFUND_OPERATIONS = ["doRefundResponse", "doCreditResponse"]
NON_PAYMENT_OPERATIONS = [
    "createWalletResponse", "updateWalletResponse", "getWalletResponse", "disableWalletResponse",
    "enableWalletResponse", "createWebWalletResponse", "updateWebWalletResponse", "getWebWalletResponse",
    "manageWebWalletResponse", "getCardsResponse", "getBalanceResponse", "getMerchantSettingsResponse",
    "getEncryptionKeyResponse", "getTokenResponse", "isRegisteredResponse", "unBlockResponse",
    "getBillingRecordResponse", "updateBillingRecordResponse", "getPaymentRecordResponse",
    "updatePaymentRecordResponse", "disablePaymentRecordResponse", "verifyEnrollmentResponse",
    "verifyAuthenticationResponse", "prepareSessionResponse", "getAlertDetailsResponse",
    "transactionsSearchResponse",
]
PAYMENT_OPERATIONS = [*AUTHORIZATION_OPERATIONS, *CAPTURE_OPERATIONS, *VOID_OPERATIONS, *REFUND_OPERATIONS,
                      "doWebPaymentResponse", "doScheduledWalletPaymentResponse",
                      "doRecurrentWalletPaymentResponse"]
_OPERATIONS = frozenset([*PAYMENT_OPERATIONS, *NON_PAYMENT_OPERATIONS])

OPERATION = "_payline_operation"


def prepare(body):
    """The answer inside its SOAP envelope or ``<op>Response`` element, with the operation's name beside it."""
    if not isinstance(body, dict):
        return body
    envelope = body.get("Envelope")
    if isinstance(envelope, dict) and isinstance(envelope.get("Body"), dict):
        body = envelope["Body"]
    if len(body) == 1:
        (name, answer), = body.items()
        if name in _OPERATIONS and isinstance(answer, dict):
            return {**answer, OPERATION: name}
    return body


_FIELDS = {
    "provider_transaction_id": ["transaction.id"],
    "status": ["result.shortMessage"],
    "reason_code": ["result.code"],
    "amount": ["payment.amount"],
    "currency": ["payment.currency"],
    "card_brand": ["card.type", "extendedCard.type"],
    "customer_country": ["buyer.billingAddress.country", "buyer.shippingAdress.country"],
    "merchant_id": ["contractNumber", "payment.contractNumber"],
    "attempt_id": ["transaction.id"],
    "payment_id": ["order.ref"],
}

SPEC = {
    "provider": "monext",
    "aliases": ["monext", "payline", "payline by monext", "monext payline", "payline.com", "monext.fr"],
    "detect": [
        *[{"path": f"Envelope.Body.{op}.result.shortMessage", "in": list(SHORT_MESSAGES), "weight": 0.7}
          for op in PAYMENT_OPERATIONS],
        *[{"path": f"{op}.result.shortMessage", "in": list(SHORT_MESSAGES), "weight": 0.7}
          for op in PAYMENT_OPERATIONS],
        {"path": "result.shortMessage", "in": list(SHORT_MESSAGES), "weight": 0.3},
        {"path": "result.longMessage", "exists": True, "weight": 0.1},
        {"path": "result.code", "in": ["00000", *REASONS], "weight": 0.2},
        {"path": "transaction.isPossibleFraud", "exists": True, "weight": 0.1},
        {"path": "payment.contractNumber", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "minor",
    "status_map": SHORT_MESSAGES,
    "reason_map": REASONS,
    "fields": _FIELDS,
    "variants": [
        {"name": "web_payment_session", "match": {OPERATION: "doWebPaymentResponse", "result.shortMessage": "ACCEPTED"},
         "not_a_payment": "a web payment session opened (token, redirectURL): no payment outcome yet"},
        {"name": "non_payment", "match": {OPERATION: {"in": NON_PAYMENT_OPERATIONS}},
         "not_a_payment": "wallet, billing-record, settings or 3-D Secure answer: no payment"},
        {"name": "refund", "match": {OPERATION: {"in": REFUND_OPERATIONS}, "result.shortMessage": {"exists": True}},
         "event_kind": "REFUND", "status_map": {"ACCEPTED": "REFUNDED"},
         "fields": {"refund_id": ["transaction.id"], "attempt_id": [], "payment_id": []}},
        {"name": "void", "match": {OPERATION: {"in": VOID_OPERATIONS}, "result.shortMessage": {"exists": True}},
         "event_kind": "VOID", "status_map": {"ACCEPTED": "CANCELLED"}},
        {"name": "capture", "match": {OPERATION: {"in": CAPTURE_OPERATIONS}, "result.shortMessage": {"exists": True}},
         "event_kind": "CAPTURE"},
        {"name": "payment", "match": {"result.shortMessage": {"exists": True}}},
    ],
}
