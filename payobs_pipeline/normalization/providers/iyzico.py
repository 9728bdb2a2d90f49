"""iyzico (iyzipay, Turkey): payment API responses (non-3DS create, 3DS initialize / auth, retrieve, pre-auth /
post-auth, Checkout Form and Pay with iyzico initialize / retrieve), cancel and refund responses, webhooks
(direct, hosted-page and subscription formats) and the API's failure bodies.

Sources (iyzico documentation and iyzico's SDK model files, not their tests):
- docs.iyzico.com/en/add-ons/error-codes and docs.iyzico.com/ek-bilgiler/hata-kodlari (a failure is
  ``status: "failure"`` with ``errorCode`` e.g. 10051, ``errorGroup`` e.g. NOT_SUFFICIENT_FUNDS, ``errorName``,
  ``errorMessage``; "Bank error codes start with 10000, card storage error messages with 3000"; general error codes
  1 and 2 "System error occurred", 3-25 missing or malformed request fields: 12 invalid card number, 13/14 invalid
  expiration month/year, 15 invalid CVC, 17 card expiration date invalid, ...)
- docs.iyzico.com/v/en/add-ons/error-codes ("Error codes smaller than 10,000 are referred to as validation or
  business error codes returned by the API"; the bank codes are the bank's code plus 10000)
- docs.iyzico.com/en/add-ons/error-codes/bank-error-codes (DO_NOT_HONOUR 10005, INVALID_TRANSACTION 10012,
  FRAUD_SUSPECT 10034, PICKUP_CARD 10041, LOST_CARD 10043, NOT_SUFFICIENT_FUNDS 10051, EXPIRED_CARD 10054,
  NOT_PERMITTED_TO_CARDHOLDER 10057, ...) and iyzico-kurtulussahin/iyzico.gitbook
  sss/teknik-sorular/hata-kodlari/banka-hatalari/README.md (the whole bank table 10005-10236 with its groups:
  10201 CARD_NOT_PERMITTED, 10202/10204/10236 UNKNOWN "a general error occurred during the payment", 10203
  APPROVED_COMPLETED "previously approved transaction", 10205 INVALID_CHARS_IN_EMAIL, 10206 INVALID_CVC2_LENGTH,
  10207 REFER_TO_CARD_ISSUER, 10208 INVALID_MERCHANT_OR_SP, 10209 BLOCKED_CARD, 10210 INVALID_CAVV, 10211
  INVALID_ECI, 10212 CVC2_MAX_ATTEMPT, 10213 BIN_NOT_FOUND, 10214 COMMUNICATION_OR_SYSTEM_ERROR, 10215
  INVALID_CARD_NUMBER, 10216 NO_SUCH_ISSUER, 10217 DEBIT_CARDS_REQUIRES_3DS, 10218
  DEBIT_CARDS_INSTALLMENT_NOT_ALLOWED, 10219 REQUEST_TIMEOUT, 10220 DECLINED, 10221 NOT_PERMITTED_TO_FOREIGN_CARD,
  10222 NOT_PERMITTED_TO_INSTALLMENT, 10223 REQUIRES_DAY_END, 10224 EXCEEDS_WITHDRAWAL_AMOUNT_LIMIT, 10225
  RESTRICTED_CARD, 10226 EXCEEDS_ALLOWABLE_PIN_TRIES, 10227 INVALID_PIN, 10228 ISSUER_OR_SWITCH_INOPERATIVE, 10229
  INVALID_EXPIRE_YEAR_MONTH, 10230 REQUEST_BLOCKED_BY_BANK, 10231 SALES_AMOUNT_LESS_THAN_AWARD, 10232
  INVALID_AMOUNT, 10233 INVALID_CARD_TYPE, 10234 NOT_SUFFICIENT_AWARD, 10235 AMEX_CAN_USE_ONLY_MR; 10093
  RESTRICTED_BY_LAW "card closed to e-commerce"); the same codes and groups in a third-party PHP iyzico package's
  Enums/ErrorCode.php
- docs.iyzico.com/sss/hata-mesajlari (1004 random string header required, 5010 the account requires 3DS,
  5062); iyzico/iyzipay-python issue 71 (subscription API "(100001) Sistem hatası")
- the gitbook's validasyon-hatalari.md (1000 invalid signature, 1001 API credentials not found, 5062 price not
  equal to the basket items' sum, 5079 sub-merchant fields, 5184 domestic cards cannot pay in foreign currency,
  9000 account temporarily frozen)
- docs.iyzico.com/en/advanced/fraud-notifications (fraud engine rejection 6000, black list 6001, "Payment request
  has not passed fraud check"; fraudStatus 1 approved, 0 in review "wait for notification", -1 rejected)
- docs.iyzico.com/en/payment-methods/direct-charge/checkoutform/cf-implementation/cf-retrieve and
  docs.iyzico.com/en/getting-started/preliminaries/api-reference-beta/payment-methods/api-3ds (payment fields:
  price = basket total, paidPrice = "final amount that will be charged to customer's card" in major units,
  currency, installment, paymentId, fraudStatus, cardType, cardAssociation, cardFamily, binNumber,
  lastFourDigits, basketId, authCode, phase AUTH / PRE_AUTH / POST_AUTH, hostReference, token, callbackUrl,
  paymentStatus SUCCESS / FAILURE / INIT_THREEDS / CALLBACK_THREEDS; 3DS initialize answers threeDSHtmlContent and
  paymentId; the 3DS redirection's mdStatus 1 success, 0 and 2-8 failures)
- iyzico/iyzipay-java src/main/java/com/iyzipay/IyzipayResource.java (status, errorCode, errorMessage, errorGroup,
  locale, systemTime, conversationId), model/PaymentResource.java, CheckoutForm.java,
  CheckoutFormInitializeResource.java (token, checkoutFormContent, tokenExpireTime, paymentPageUrl),
  ThreedsInitialize.java, Cancel.java (paymentId, price), Refund.java (paymentId, paymentTransactionId, price)
- docs.iyzico.com/en/advanced/refund-and-cancel (refund response paymentId, paymentTransactionId, price,
  currency, authCode, hostReference, refundHostReference, retryable) and dev.iyzipay.com/en/api/cancel (cancel:
  price, currency, paymentId, "cancel can only be done the same day", it cancels the whole payment)
- docs.iyzico.com/en/advanced/webhook and docs.iyzico.com/ek-servisler/webhook (direct format: paymentConversationId,
  merchantId, paymentId, status FAILURE / SUCCESS / INIT_THREEDS / CALLBACK_THREEDS / BKM_POS_SELECTED / INIT_APM /
  INIT_BANK_TRANSFER / INIT_CREDIT / PENDING_CREDIT / INIT_CONTACTLESS, iyziReferenceCode, iyziEventType
  CHECKOUT_FORM_AUTH / PAYMENT_API / API_AUTH / THREE_DS_AUTH / THREE_DS_CALLBACK / BANK_TRANSFER_AUTH / BKM_AUTH /
  BALANCE / CONTACTLESS_AUTH / CONTACTLESS_REFUND / CREDIT_PAYMENT_AUTH / REFUND_RETRY_FAILURE /
  REFUND_RETRY_SUCCESS, iyziEventTime epoch ms, iyziPaymentId; the hosted-page format names the checkout form
  ``token``; a third format for subscriptions). The subscription format's fields (subscriptionReferenceCode,
  orderReferenceCode, customerReferenceCode, iyziEventType subscription.order.success / subscription.order.failure /
  subscription.cancel) were read from third-party clients' webhook type definitions, as the page's table could not
  be read here.
- docs.iyzico.com/en/payment-methods/direct-charge/3ds/3ds-implementation (the 3DS redirection POST to callbackUrl:
  status, paymentId, conversationData, conversationId, mdStatus 1 success, 0 and 2-8 failures)

Amounts are decimal major units (TRY 1.1 -> 110); the charged amount is ``paidPrice`` (price is the basket total
before installment fees). An amount without a currency is TRY, the request's default; a body with no amount gets
no currency.

Status: a failure with a bank code (10000-10999) or a fraud code (6000, 6001) is DECLINED; one with a validation
or business code (below 10000, or the v2 APIs' six-digit codes), or the bank's technical codes 10202 / 10204 /
10236 (general error), 10214 (communication or system error) and 10219 (request to the bank timed out), is ERROR.
A success with fraudStatus 0 is PENDING (in review), with fraudStatus -1 DECLINED (RISK_REJECTED).

Lifecycle identity: a paymentId is one attempt (a checkout form may be tried again on the same form: each try is a
new paymentId); the payment is the checkout form ``token``, else the merchant's ``conversationId``
(``paymentConversationId`` in webhooks: "the merchant's reference id for the related payment"). Cancels (VOID)
and refunds (REFUND, refund_id the bank's refundHostReference) name the paymentId (their conversationId is the
cancel's or refund's own request, not the payment's: no payment_id); a post-auth is the CAPTURE of
its pre-auth paymentId.
"""

from __future__ import annotations

from typing import Any

_CUSTOMER = "CUSTOMER"

# errorCode values -> failure reason.
BANK_CODES = {
    "10005": "GENERIC_DECLINE",  # DO_NOT_HONOUR
    "10012": "TRANSACTION_NOT_PERMITTED",  # INVALID_TRANSACTION
    "10034": "SUSPECTED_FRAUD",  # FRAUD_SUSPECT
    "10041": "LOST_OR_STOLEN_CARD",  # LOST_CARD / PICKUP_CARD "lost card, seize the card"
    "10043": "LOST_OR_STOLEN_CARD",  # STOLEN_CARD / LOST_CARD
    "10051": "INSUFFICIENT_FUNDS",  # NOT_SUFFICIENT_FUNDS
    "10054": "EXPIRED_CARD",
    "10057": "TRANSACTION_NOT_PERMITTED",  # NOT_PERMITTED_TO_CARDHOLDER
    "10058": "CONFIGURATION_ERROR",  # NOT_PERMITTED_TO_TERMINAL
    "10084": {"reason": "INCORRECT_CVC", "source": _CUSTOMER},  # INVALID_CVC2
    "10093": "RESTRICTED_CARD",  # RESTRICTED_BY_LAW: card closed to e-commerce
    "10201": "TRANSACTION_NOT_PERMITTED",  # CARD_NOT_PERMITTED
    "10202": "PROCESSING_ERROR",  # UNKNOWN: general error during the payment
    "10203": "DUPLICATE",  # APPROVED_COMPLETED: previously approved transaction
    "10204": "PROCESSING_ERROR",
    "10205": "INVALID_REQUEST",  # INVALID_CHARS_IN_EMAIL
    "10206": {"reason": "INCORRECT_CVC", "source": _CUSTOMER},  # INVALID_CVC2_LENGTH
    "10207": "GENERIC_DECLINE",  # REFER_TO_CARD_ISSUER
    "10208": "CONFIGURATION_ERROR",  # INVALID_MERCHANT_OR_SP: merchant category code
    "10209": "RESTRICTED_CARD",  # BLOCKED_CARD
    "10210": "AUTHENTICATION_FAILED",  # INVALID_CAVV
    "10211": "AUTHENTICATION_FAILED",  # INVALID_ECI
    "10212": {"reason": "INCORRECT_CVC", "decline_type": "HARD"},  # CVC2_MAX_ATTEMPT
    "10213": "INVALID_CARD_DATA",  # BIN_NOT_FOUND
    "10214": "PROCESSING_ERROR",  # COMMUNICATION_OR_SYSTEM_ERROR
    "10215": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},  # INVALID_CARD_NUMBER
    "10216": "INVALID_CARD_DATA",  # NO_SUCH_ISSUER
    "10217": "AUTHENTICATION_REQUIRED",  # DEBIT_CARDS_REQUIRES_3DS
    "10218": "TRANSACTION_NOT_PERMITTED",  # DEBIT_CARDS_INSTALLMENT_NOT_ALLOWED
    "10219": "TIMEOUT",  # REQUEST_TIMEOUT (the request to the bank)
    "10220": "GENERIC_DECLINE",  # DECLINED
    "10221": "TRANSACTION_NOT_PERMITTED",  # NOT_PERMITTED_TO_FOREIGN_CARD
    "10222": "TRANSACTION_NOT_PERMITTED",  # NOT_PERMITTED_TO_INSTALLMENT
    "10223": "PROCESSING_ERROR",  # REQUIRES_DAY_END
    "10224": "LIMIT_EXCEEDED",  # EXCEEDS_WITHDRAWAL_AMOUNT_LIMIT
    "10225": "RESTRICTED_CARD",
    "10226": {"reason": "AUTHENTICATION_FAILED", "decline_type": "HARD"},  # EXCEEDS_ALLOWABLE_PIN_TRIES
    "10227": {"reason": "AUTHENTICATION_FAILED", "source": _CUSTOMER},  # INVALID_PIN
    "10228": "ISSUER_UNAVAILABLE",  # ISSUER_OR_SWITCH_INOPERATIVE
    "10229": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},  # INVALID_EXPIRE_YEAR_MONTH
    "10230": "GENERIC_DECLINE",  # REQUEST_BLOCKED_BY_BANK
    "10231": "INVALID_REQUEST",  # SALES_AMOUNT_LESS_THAN_AWARD
    "10232": "INVALID_REQUEST",  # INVALID_AMOUNT
    "10233": "TRANSACTION_NOT_PERMITTED",  # INVALID_CARD_TYPE
    "10234": "INSUFFICIENT_FUNDS",  # NOT_SUFFICIENT_AWARD (reward points)
    "10235": "TRANSACTION_NOT_PERMITTED",  # AMEX_CAN_USE_ONLY_MR
    "10236": "PROCESSING_ERROR",
}
# errorGroup values (the docs: map by group, "not by code"), the same reasons.
ERROR_GROUPS = {
    "DO_NOT_HONOUR": "GENERIC_DECLINE",
    "INVALID_TRANSACTION": "TRANSACTION_NOT_PERMITTED",
    "FRAUD_SUSPECT": "SUSPECTED_FRAUD",
    "PICKUP_CARD": "LOST_OR_STOLEN_CARD",
    "LOST_CARD": "LOST_OR_STOLEN_CARD",
    "STOLEN_CARD": "LOST_OR_STOLEN_CARD",
    "NOT_SUFFICIENT_FUNDS": "INSUFFICIENT_FUNDS",
    "EXPIRED_CARD": "EXPIRED_CARD",
    "NOT_PERMITTED_TO_CARDHOLDER": "TRANSACTION_NOT_PERMITTED",
    "NOT_PERMITTED_TO_TERMINAL": "CONFIGURATION_ERROR",
    "INVALID_CVC2": {"reason": "INCORRECT_CVC", "source": _CUSTOMER},
    "RESTRICTED_BY_LAW": "RESTRICTED_CARD",
    "CARD_NOT_PERMITTED": "TRANSACTION_NOT_PERMITTED",
    "UNKNOWN": "PROCESSING_ERROR",
    "APPROVED_COMPLETED": "DUPLICATE",
    "INVALID_CHARS_IN_EMAIL": "INVALID_REQUEST",
    "INVALID_CVC2_LENGTH": {"reason": "INCORRECT_CVC", "source": _CUSTOMER},
    "REFER_TO_CARD_ISSUER": "GENERIC_DECLINE",
    "INVALID_MERCHANT_OR_SP": "CONFIGURATION_ERROR",
    "BLOCKED_CARD": "RESTRICTED_CARD",
    "INVALID_CAVV": "AUTHENTICATION_FAILED",
    "INVALID_ECI": "AUTHENTICATION_FAILED",
    "CVC2_MAX_ATTEMPT": {"reason": "INCORRECT_CVC", "decline_type": "HARD"},
    "BIN_NOT_FOUND": "INVALID_CARD_DATA",
    "COMMUNICATION_OR_SYSTEM_ERROR": "PROCESSING_ERROR",
    "INVALID_CARD_NUMBER": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},
    "NO_SUCH_ISSUER": "INVALID_CARD_DATA",
    "DEBIT_CARDS_REQUIRES_3DS": "AUTHENTICATION_REQUIRED",
    "DEBIT_CARDS_INSTALLMENT_NOT_ALLOWED": "TRANSACTION_NOT_PERMITTED",
    "REQUEST_TIMEOUT": "TIMEOUT",
    "DECLINED": "GENERIC_DECLINE",
    "NOT_PERMITTED_TO_FOREIGN_CARD": "TRANSACTION_NOT_PERMITTED",
    "NOT_PERMITTED_TO_INSTALLMENT": "TRANSACTION_NOT_PERMITTED",
    "REQUIRES_DAY_END": "PROCESSING_ERROR",
    "EXCEEDS_WITHDRAWAL_AMOUNT_LIMIT": "LIMIT_EXCEEDED",
    "RESTRICTED_CARD": "RESTRICTED_CARD",
    "EXCEEDS_ALLOWABLE_PIN_TRIES": {"reason": "AUTHENTICATION_FAILED", "decline_type": "HARD"},
    "INVALID_PIN": {"reason": "AUTHENTICATION_FAILED", "source": _CUSTOMER},
    "ISSUER_OR_SWITCH_INOPERATIVE": "ISSUER_UNAVAILABLE",
    "INVALID_EXPIRE_YEAR_MONTH": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},
    "REQUEST_BLOCKED_BY_BANK": "GENERIC_DECLINE",
    "SALES_AMOUNT_LESS_THAN_AWARD": "INVALID_REQUEST",
    "INVALID_AMOUNT": "INVALID_REQUEST",
    "INVALID_CARD_TYPE": "TRANSACTION_NOT_PERMITTED",
    "NOT_SUFFICIENT_AWARD": "INSUFFICIENT_FUNDS",
    "AMEX_CAN_USE_ONLY_MR": "TRANSACTION_NOT_PERMITTED",
}
# General, authentication, business and fraud codes (below 10000).
API_CODES = {
    "1": "PROCESSING_ERROR",  # System error occurred
    "2": "PROCESSING_ERROR",
    **{str(code): "INVALID_REQUEST" for code in (3, 4, 5, 6, 7, 8, 9, 10, 11, 16, 18, 19, 20, 21, 22, 23, 24, 25)},
    "12": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},  # Invalid card number (Luhn)
    "13": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},  # Invalid expiration month
    "14": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},  # Invalid expiration year
    "15": {"reason": "INCORRECT_CVC", "source": _CUSTOMER},  # Invalid CVC
    "17": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},  # card's expiration date is invalid
    "1000": "CONFIGURATION_ERROR",  # invalid signature (secret key, encoding)
    "1001": "CONFIGURATION_ERROR",  # API credentials not found (live key on sandbox or the reverse)
    "1004": "CONFIGURATION_ERROR",  # the x-iyzi-rnd random string header is missing
    "5010": "AUTHENTICATION_REQUIRED",  # the account requires 3DS and the request was non-3DS
    "5062": "INVALID_REQUEST",  # price must equal the basket items' total
    "5079": "INVALID_REQUEST",  # sub-merchant key/price only on product payments
    "5184": "TRANSACTION_NOT_PERMITTED",  # domestic cards cannot pay in a foreign currency
    "6000": {"reason": "RISK_REJECTED", "source": "PSP_RISK"},  # fraud engine rejection
    "6001": {"reason": "RISK_REJECTED", "source": "PSP_RISK"},  # black list
    "9000": "CONFIGURATION_ERROR",  # the merchant's account is temporarily frozen
    "100001": "PROCESSING_ERROR",  # "Sistem hatası" of the v2 (subscription) APIs
}
# 3DS mdStatus of a failed 3DS payment (read after the error code), as prepare() names it.
MD_STATUS_KEY = "_payobs_md_status"
MD_STATUSES = {
    "mdstatus:0": "AUTHENTICATION_FAILED",  # invalid 3D Secure signature or verification
    "mdstatus:2": "AUTHENTICATION_FAILED",  # cardholder or issuer not registered to 3D Secure
    "mdstatus:3": "AUTHENTICATION_FAILED",  # issuer not registered to 3D Secure
    "mdstatus:4": "AUTHENTICATION_FAILED",  # verification not possible, cardholder chose to register later
    "mdstatus:5": "AUTHENTICATION_FAILED",  # verification not possible
    "mdstatus:6": "AUTHENTICATION_FAILED",  # 3D Secure error
    "mdstatus:7": "PROCESSING_ERROR",  # system error
    "mdstatus:8": "INVALID_CARD_DATA",  # unknown card
}
# A code outside the bank range that no table lists, with no known group: "validation or business error codes
# returned by the API" (a rule gives INVALID_REQUEST; raw_reason_code stays the code).
API_ERROR_KEY = "_payobs_api_error"
REASONS = {**BANK_CODES, **ERROR_GROUPS, **API_CODES, **MD_STATUSES}

# Bank codes are the bank's own code plus 10000 (10005 ... 10236); the v2 APIs' six-digit codes (100001) are not.
BANK_RANGE = range(10000, 11000)
# Failures that are technical (ERROR), not refusals: every code outside the bank range except the fraud codes,
# and these bank codes.
TECHNICAL_BANK_CODES = frozenset({10202, 10204, 10214, 10219, 10236})
FRAUD_CODES = frozenset({6000, 6001})
OUTCOME_KEY = "_payobs_outcome"  # "ERROR" for a technical failure, "REVIEW" / "FRAUD_REJECTED" by fraudStatus

PAYMENT_STATUSES = {
    "success": "APPROVED",  # status of a payment response; paymentStatus SUCCESS (case is ignored)
    "failure": "DECLINED",
    "init_threeds": "PENDING",
    "callback_threeds": "PENDING",
    "bkm_pos_selected": "PENDING",
    "init_apm": "PENDING",
    "init_bank_transfer": "PENDING",
    "init_credit": "PENDING",
    "pending_credit": "PENDING",
    "init_contactless": "PENDING",
}
REFUND_STATUSES = {"success": "REFUNDED", "failure": "DECLINED"}
REFUND_EVENT_TYPES = ["CONTACTLESS_REFUND", "REFUND_RETRY_SUCCESS", "REFUND_RETRY_FAILURE"]
SUBSCRIPTION_STATUSES = {"subscription.order.success": "APPROVED", "subscription.order.failure": "DECLINED"}

METHOD_KEY = "_payobs_method"
# An amount without a currency is in TRY, the request's default ("Currency. Default; TRY.").
CURRENCY_KEY = "_payobs_default_currency"
METHODS = {m: m for m in ("CARD", "WALLET", "BANK_TRANSFER", "BNPL")}
EVENT_TYPE_METHODS = {
    "API_AUTH": "CARD", "THREE_DS_AUTH": "CARD", "THREE_DS_CALLBACK": "CARD", "CONTACTLESS_AUTH": "CARD",
    "CONTACTLESS_REFUND": "CARD", "PAYMENT_API": "CARD", "BANK_TRANSFER_AUTH": "BANK_TRANSFER",
    "BKM_AUTH": "WALLET",  # BKM Express wallet
    "BALANCE": "WALLET",  # the customer's iyzico balance
    "CREDIT_PAYMENT_AUTH": "BNPL",  # shopping credit
    "CREDIT_PAYMENT_PENDING": "BNPL",
}
ERROR_GROUP_NAMES = sorted(ERROR_GROUPS)

_COMMON = {
    "status": ["paymentStatus", "status"],
    "reason_code": ["errorCode", "errorGroup", MD_STATUS_KEY],
    "event_time": ["systemTime"],
    "currency": ["currency", CURRENCY_KEY],
    "payment_method": [METHOD_KEY],
    "card_brand": ["cardAssociation"],
    "payment_id": ["token", "conversationId"],
}
_PAYMENT_FIELDS = {
    **_COMMON,
    "provider_transaction_id": ["paymentId"],
    "amount": ["paidPrice", "price"],
    "attempt_id": ["paymentId"],
    "refund_id": [],
}
_OUTCOME_RULES = [
    {"when": {OUTCOME_KEY: "ERROR"}, "set": {"status_category": "ERROR"}},
    {"when": {OUTCOME_KEY: "FRAUD_REJECTED"},
     "set": {"status_category": "DECLINED", "failure_reason": "RISK_REJECTED", "failure_source": "PSP_RISK"}},
    {"when": {OUTCOME_KEY: "REVIEW"}, "set": {"status_category": "PENDING"}},
    {"when": {API_ERROR_KEY: "yes"}, "set": {"failure_reason": "INVALID_REQUEST"}},
]
_REFUND_RULES = [_OUTCOME_RULES[0], _OUTCOME_RULES[-1]]
_WEBHOOK_FIELDS = {
    "provider_transaction_id": ["paymentId", "iyziPaymentId", "token", "iyziReferenceCode"],
    "status": ["status"],
    "event_time": ["iyziEventTime"],
    "payment_method": [METHOD_KEY],
    "merchant_id": ["merchantId"],
    "attempt_id": ["paymentId", "iyziPaymentId"],
    "payment_id": ["token", "paymentConversationId"],
}

SPEC = {
    "provider": "iyzico",
    "aliases": ["iyzico", "iyzipay", "iyzi", "iyzico_tr", "iyzi_pay", "iyzico payment", "iyzico_checkout"],
    "detect": [
        {"path": "iyziEventType", "exists": True, "weight": 0.9},
        {"path": "iyziReferenceCode", "exists": True, "weight": 0.5},
        {"path": "errorGroup", "in": ERROR_GROUP_NAMES, "weight": 0.5},
        {"path": "errorGroup", "exists": True, "weight": 0.1},
        {"path": "threeDSHtmlContent", "exists": True, "weight": 0.8},
        {"path": "checkoutFormContent", "exists": True, "weight": 0.8},
        {"path": "payWithIyzicoPageUrl", "exists": True, "weight": 0.8},
        {"path": "refundHostReference", "exists": True, "weight": 0.5},
        {"path": "cancelHostReference", "exists": True, "weight": 0.5},
        {"path": "paidPrice", "exists": True, "weight": 0.3},
        {"path": "conversationData", "exists": True, "weight": 0.3},
        {"path": "mdStatus", "exists": True, "weight": 0.2},
        {"path": "fraudStatus", "in": [1, 0, -1], "weight": 0.3},
        {"path": "itemTransactions", "exists": True, "weight": 0.2},
        {"path": "cardAssociation", "in": ["VISA", "MASTER_CARD", "AMERICAN_EXPRESS", "TROY"], "weight": 0.2},
        {"path": "paymentTransactionId", "exists": True, "weight": 0.2},
        {"path": "systemTime", "exists": True, "weight": 0.2},
        {"path": "conversationId", "exists": True, "weight": 0.1},
        {"path": "locale", "in": ["tr", "en"], "weight": 0.1},
        {"path": "status", "in": ["success", "failure"], "weight": 0.1},
        # A retrieved payment's phase (AUTH / PRE_AUTH / POST_AUTH: authorized, pre-authorized, captured) and
        # paymentStatus: a retrieve result may keep no more than these beside its status.
        {"path": "phase", "in": ["AUTH", "PRE_AUTH", "POST_AUTH"], "weight": 0.4},
        {"path": "paymentStatus", "in": ["SUCCESS", "FAILURE", "INIT_THREEDS", "CALLBACK_THREEDS"], "weight": 0.1},
        {"path": "errorMessage", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "major",
    "status_map": PAYMENT_STATUSES,
    "reason_map": REASONS,
    "payment_method_map": METHODS,
    "variants": [
        # Webhooks (no amount): the subscription format, refund notices, then payment notices.
        {"name": "webhook.subscription_cancel", "match": {"iyziEventType": "subscription.cancel"},
         "not_a_payment": "an iyzico subscription cancellation"},
        {"name": "webhook.subscription", "match": {"iyziEventType": {"prefix": "subscription."}},
         "fields": {"provider_transaction_id": ["orderReferenceCode", "iyziReferenceCode"],
                    "status": ["iyziEventType"], "event_time": ["iyziEventTime"], "merchant_id": ["merchantId"],
                    "attempt_id": ["orderReferenceCode"], "payment_id": ["orderReferenceCode"]},
         "status_map": SUBSCRIPTION_STATUSES},
        {"name": "webhook.refund", "match": {"iyziEventType": REFUND_EVENT_TYPES},
         "fields": {**_WEBHOOK_FIELDS, "refund_id": []}, "status_map": REFUND_STATUSES, "event_kind": "REFUND",
         "rules": [{"when": {"iyziEventType": "REFUND_RETRY_FAILURE"}, "set": {"status_category": "DECLINED"}},
                   {"when": {"iyziEventType": "REFUND_RETRY_SUCCESS"}, "set": {"status_category": "REFUNDED"}}]},
        {"name": "webhook.payment", "match": {"iyziEventType": {"exists": True}}, "fields": _WEBHOOK_FIELDS},
        # Checkout Form / Pay with iyzico initialize: a form for the customer to pay, no outcome yet.
        {"name": "checkout_form.initialize",
         "match": {"status": "success", "token": {"exists": True}, "paymentId": {"exists": False},
                   "paidPrice": {"exists": False}, "paymentStatus": {"exists": False}},
         "status": "PENDING", "event_kind": "PAYMENT",
         "fields": {**_COMMON, "provider_transaction_id": ["token"], "payment_id": ["token"]}},
        # 3DS initialize: the 3DS page to show; the payment is authorized by the later 3DS auth call.
        {"name": "threeds.initialize", "match": {"status": "success", "threeDSHtmlContent": {"exists": True}},
         "status": "PENDING", "fields": {**_PAYMENT_FIELDS, "amount": []}},
        # 3DS redirection to the merchant's callbackUrl (status, paymentId, conversationData, conversationId,
        # mdStatus): the cardholder's verification. mdStatus 1: verified, the 3DS auth call is still to be made;
        # any other mdStatus: the verification failed.
        {"name": "threeds.callback",
         "match": {"mdStatus": {"exists": True}, "paidPrice": {"exists": False}, "itemTransactions": {"exists": False},
                   "threeDSHtmlContent": {"exists": False}},
         "fields": {**_PAYMENT_FIELDS, "amount": []}, "status_map": {"success": "PENDING", "failure": "DECLINED"},
         "rules": [*_OUTCOME_RULES,
                   {"when": {MD_STATUS_KEY: {"exists": True}}, "set": {"status_category": "DECLINED"}}]},
        # Refund (v1 per basket item, v2 per payment).
        {"name": "refund", "match": {"refundHostReference": {"exists": True}},
         "fields": {**_PAYMENT_FIELDS, "provider_transaction_id": ["refundHostReference", "paymentTransactionId"],
                    "amount": ["price"], "refund_id": ["refundHostReference"], "payment_id": []},
         "status_map": REFUND_STATUSES, "event_kind": "REFUND", "rules": _REFUND_RULES},
        {"name": "refund", "match": {"paymentTransactionId": {"exists": True}, "price": {"exists": True},
                                     "paidPrice": {"exists": False}, "itemTransactions": {"exists": False}},
         "fields": {**_PAYMENT_FIELDS, "provider_transaction_id": ["paymentTransactionId"], "amount": ["price"],
                    "refund_id": [], "payment_id": []},
         "status_map": REFUND_STATUSES, "event_kind": "REFUND", "rules": _REFUND_RULES},
        # Marketplace approval / disapproval of a basket item: releases funds to a sub-merchant.
        {"name": "approval", "match": {"paymentTransactionId": {"exists": True}, "price": {"exists": False},
                                       "paymentId": {"exists": False}},
         "not_a_payment": "an iyzico marketplace item approval"},
        # Cancel: the whole payment, the same day (a void).
        {"name": "cancel", "match": {"status": "success", "paymentId": {"exists": True}, "price": {"exists": True},
                                     "paidPrice": {"exists": False}, "itemTransactions": {"exists": False},
                                     "paymentStatus": {"exists": False}},
         "status": "CANCELLED", "event_kind": "VOID",
         "fields": {**_PAYMENT_FIELDS, "amount": ["price"], "payment_id": []}},
        # A refused cancel (dev.iyzipay.com/en/api/cancel: the cancel response's paymentId, price, currency;
        # docs.iyzico.com/en/add-ons/error-codes: status "failure" with errorCode / errorMessage): the void
        # was not done; its outcome is read from the error code as for any failure.
        {"name": "cancel.failure",
         "match": {"status": "failure", "paymentId": {"exists": True}, "price": {"exists": True},
                   "paidPrice": {"exists": False}, "itemTransactions": {"exists": False},
                   "paymentStatus": {"exists": False}, "paymentTransactionId": {"exists": False}},
         "event_kind": "VOID", "rules": _OUTCOME_RULES,
         "fields": {**_PAYMENT_FIELDS, "amount": ["price"], "payment_id": []}},
        # BIN / installment look-ups and stored cards: not payments.
        {"name": "card_storage", "match": {"cardUserKey": {"exists": True}, "paymentId": {"exists": False},
                                           "paidPrice": {"exists": False}},
         "not_a_payment": "an iyzico stored card"},
        {"name": "bin_check", "match": {"binNumber": {"exists": True}, "bankName": {"exists": True},
                                        "paymentId": {"exists": False}},
         "not_a_payment": "an iyzico BIN look-up"},
        {"name": "installment_info", "match": {"installmentDetails": {"exists": True}, "paymentId": {"exists": False}},
         "not_a_payment": "an iyzico installment look-up"},
        # Payment responses: create (non-3DS), 3DS auth, retrieve, pre-auth / post-auth, checkout form retrieve;
        # and any failure body (the request was refused: no payment fields at all).
        {"name": "payment", "fields": _PAYMENT_FIELDS, "rules": [
            *_OUTCOME_RULES, {"when": {"phase": "POST_AUTH"}, "set": {"event_kind": "CAPTURE"}}]},
    ],
}


def _error_code(body: dict[str, Any]) -> int | None:
    code = body.get("errorCode")
    try:
        return int(str(code).strip()) if code is not None and str(code).strip() else None
    except ValueError:
        return None


def _is_failure(body: dict[str, Any]) -> bool:
    status = str(body.get("paymentStatus") or body.get("status") or "").lower()
    return status == "failure"


def prepare(body: Any) -> Any:
    """Name what the declarative form cannot: a technical failure, the fraud review, the method, 3DS mdStatus.

    Pure: returns a copy when it adds a key; the original is untouched.
    """
    if not isinstance(body, dict):
        return body
    event_type = body.get("iyziEventType")
    added: dict[str, Any] = {}
    if isinstance(event_type, str):
        method = EVENT_TYPE_METHODS.get(event_type.upper())
        if method:
            added[METHOD_KEY] = method
        return {**body, **added} if added else body
    if body.get("cardAssociation") or body.get("binNumber") or body.get("cardType"):
        added[METHOD_KEY] = "CARD"
    if not body.get("currency") and (body.get("paidPrice") is not None or body.get("price") is not None):
        added[CURRENCY_KEY] = "TRY"
    code = _error_code(body)
    if _is_failure(body) or code is not None:
        if code is not None and ((code not in BANK_RANGE and code not in FRAUD_CODES) or code in TECHNICAL_BANK_CODES):
            added[OUTCOME_KEY] = "ERROR"
        if (code is not None and code not in BANK_RANGE and str(code) not in API_CODES
                and str(body.get("errorGroup") or "").upper() not in ERROR_GROUPS):
            added[API_ERROR_KEY] = "yes"
    elif str(body.get("status", "")).lower() == "success":
        fraud = str(body.get("fraudStatus", "")).strip()
        if fraud == "0":
            added[OUTCOME_KEY] = "REVIEW"
        elif fraud == "-1":
            added[OUTCOME_KEY] = "FRAUD_REJECTED"
    md_status = body.get("mdStatus")
    if md_status is not None and str(md_status).strip() not in ("", "1"):
        added[MD_STATUS_KEY] = f"mdStatus:{str(md_status).strip()}"
    return {**body, **added} if added else body

