"""ECOMMPAY (and its white-label platform): the callback (``payment`` + ``operation`` objects, the same body the
payment status request answers with), and the Gate API's error answer.

Sources:
- ECOMMPAY docs, "Callbacks" / "Handling callbacks" (developers.ecommpay.com/en/en_PP_Callbacks.html,
  en_platform_callbacks.html) and the results FAQ (en_faq_payment_result.html: callbacks and status answers carry
  the object ``payment`` and the arrays / objects ``operation(s)`` and ``errors`` with ``status``, ``code`` and
  ``message``; a synchronous answer's own ``status`` success / error tells whether the request was accepted,
  not the payment).
- The unified code table "Information about performed operations" (developers.ecommpay.com/en/
  en_platform_payment_info_codes.html), as catalogued in api-evangelist/ecommpay errors/ecommpay-decline-codes.yml
  (378 codes read from ``operation.code`` / ``operation.message``): 0 success; 100 .. 904 platform outcomes;
  1401 .. 1499 risk-control (RCS) rejections; 2003 .. 3901 request validation, project settings and payment
  constraints (mostly payout and MoneySend / AFT limits); 9999, 19999, 29999 awaiting processing; 10000 .. 10812
  card declines by the provider or issuer; 20000 .. 20899 declines of other payment methods (accounts, wallets);
  30000 .. 30401 declines by the merchant. Every code of the table is mapped below; the codes in
  AWAITING_CODES are not failures.
- Payment statuses: SDK source, ITECOMMPAY/woocommerce-ecommpay (the ECOMMPAY plugin) Ecp_Gateway_Payment_Status
  (processing, awaiting approval, awaiting clarify data, awaiting 3ds result, awaiting merchant auth, awaiting
  redirect result, awaiting customer action, awaiting clarification, awaiting capture, external processing,
  scheduled recurring processing, success, partially paid, partially paid out, decline, error, cancelled,
  reversed ("refund after a successful payment before closing of the business day"), partially refunded,
  partially reversed, refunded, awaiting customer, internal error, external error, invoice sent, invoice
  cancelled, awaiting payment, expired, awaiting retry, awaiting clearing, awaiting partially clearing, clearing
  processing, awaiting confirmation, decline renewal) and ITECOMMPAY/paymentpage-sdk-php Callback (canceled, the
  newer spelling of cancelled). Operation statuses (the table's envelope): success, decline, error, processing
  and the awaiting ... statuses.
- Operation types: SDK source, woocommerce-ecommpay common/includes/callbackOperations (sale, auth, capture,
  cancel, refund, recurring, verify, contract registration) and the docs' one-step / two-step purchase pages
  (en_pp_sms_model.html: sale; auth, capture, cancel); payouts are ``payout``; ``reversal`` is my recollection of
  the docs' name for a same-day refund operation.
- Amounts are in minor units (``sum.amount`` 1000 = 10.00, the docs' examples), with their currency.
- The Gate error answer {status "error", request_id, project_id, payment_id, code, message} rests on the FAQ's
  description and my recollection of the request pages' examples.

Reading: the operation's status and code decide (the callback is about one operation); the payment's status is
read when no operation is given. ``awaiting capture`` is an approved authorization (funds held). A refund or
reversal operation is a REFUND event. ``payout`` operations and ``partially paid out`` payments are not payment
events. Code 10301 / 301 / 20301 (cancelled by a participant / the account owner) is CANCELLED, not declined.

Lifecycle identity: the operation id (``operation.id``) is the attempt (an authorization operation) or the
refund (a refund operation); ``payment.id`` (set by the merchant) is the payment.
"""

from __future__ import annotations

STATUSES = {
    "success": "APPROVED",
    "awaiting capture": "APPROVED",  # authorization approved, funds held until capture or cancel
    "partially paid": "APPROVED",
    "decline": "DECLINED",
    "decline renewal": "DECLINED",
    "error": "ERROR",
    "internal error": "ERROR",
    "external error": "ERROR",
    "cancelled": "CANCELLED",
    "canceled": "CANCELLED",
    "invoice cancelled": "CANCELLED",
    "expired": "CANCELLED",
    "refunded": "REFUNDED",
    "partially refunded": "REFUNDED",
    "reversed": "REFUNDED",
    "partially reversed": "REFUNDED",
    **{status: "PENDING" for status in (
        "processing", "awaiting approval", "awaiting clarify data", "awaiting 3ds result", "awaiting merchant auth",
        "awaiting redirect result", "awaiting customer action", "awaiting customer", "awaiting clarification",
        "external processing", "scheduled recurring processing", "invoice sent", "awaiting payment",
        "awaiting retry", "awaiting clearing", "awaiting partially clearing", "clearing processing",
        "awaiting confirmation", "initial")},
}

# Awaiting processing: not a failure (the operation is still running).
AWAITING_CODES = ["9999", "19999", "29999", "20899"]
# Cancelled by a participant or the account owner.
CANCEL_CODES = ["301", "10301", "20301"]

_LIMITS = "LIMIT_EXCEEDED"
_INVALID = "INVALID_REQUEST"
_CONFIG = "CONFIGURATION_ERROR"
_RISK = "RISK_REJECTED"
_NOT_PERMITTED = "TRANSACTION_NOT_PERMITTED"


def _codes(*spans: tuple[int, int]) -> list[str]:
    return [str(code) for first, last in spans for code in range(first, last + 1)]


REASONS = {
    # Platform outcomes.
    "100": "GENERIC_DECLINE",  # general decline
    "104": "AUTHENTICATION_FAILED",  # declined by 3DS check
    "108": {"reason": "AUTHENTICATION_FAILED", "source": "CUSTOMER"},  # customer has not returned from ACS
    "109": _RISK,  # declined by AVS check
    "301": "UNKNOWN",  # cancelled by the participant (CANCELLED, see CANCEL_CODES)
    "303": _CONFIG,  # access denied
    "309": _LIMITS,  # converted amount exceeds the provider's limit
    "310": _CONFIG,  # operation not allowed by project settings
    "314": "ISSUER_UNAVAILABLE",  # provider not available now
    "318": _CONFIG,  # token_data disabled for the project
    "319": _INVALID,  # not enough data to create an operation
    "402": _RISK,  # RCS reject, declined by risk system
    "501": "PROCESSING_ERROR",  # internal error
    "502": _INVALID,  # validation error
    "504": _CONFIG,  # insufficient funds on the (merchant's) balance
    "601": "PROCESSING_ERROR",  # try again
    "602": "PROCESSING_ERROR",  # network error with an external service
    "603": _RISK,  # auto decline settings
    "604": _INVALID,  # payout session terminated, UUID expired
    "702": _INVALID,  # malformed request
    "903": _INVALID,  # exceeded allowed amount for refund
    "904": _LIMITS,  # exceeded allowed amount for payout
    # Request validation and project settings.
    **{code: _INVALID for code in (
        "2003", "2004", "2014", "2061", "2123", "2124", "2154", "2261", "2426", "2442", "2541", "2606", "2609",
        "2610", "2611", "2641", "2801", "2945", "2949", "3001", "3002", "3003", "3004", "3020", "3022", "3024",
        "3027", "3041", "3060", "3061", "3101", "3117", "3118", "3119", "3121", "3162", "3181", "3182", "3186",
        "3190", "3191", "3192", "3194", "3221", "3230", "3241", "3242", "3243", "3244", "3261", "3262", "3281",
        "3283", "3284", "3286", "3287", "3289", "3358", "3363", "3431", "3432", "3433", "3438", "3439", "3490",
        "3609", "3612")},
    "2147": "TIMEOUT",  # lock error, time-out
    "2466": "AUTHENTICATION_FAILED",  # incorrect 3-D Secure code (declined by PARes settings)
    "2467": _INVALID,  # 3DS SDK request not supported
    "2468": _INVALID,  # 3DS 3RI request not supported
    "2642": _LIMITS,  # amount greater than limit
    "2701": _RISK,  # business rules
    "3021": "EXPIRED_CARD",
    "3023": _CONFIG,  # currency disabled for the project
    "3026": _NOT_PERMITTED,  # internal decline: payment system not available
    "3028": _CONFIG,  # insufficient funds on the merchant balance (payouts)
    "3029": "EXPIRED_CARD",  # expired card not allowed by this provider
    "3062": "PROCESSING_ERROR",  # payment details not received
    "3081": "PROCESSING_ERROR",  # state machine flow break
    "3102": _NOT_PERMITTED,  # invalid payment constraint
    "3103": _NOT_PERMITTED,  # payout declined by card type constraint
    "3105": _NOT_PERMITTED,  # card country forbidden
    "3107": _NOT_PERMITTED,  # payout without a successful purchase
    "3120": _LIMITS,  # amount over 25 USD for the MCC
    "3123": _CONFIG,  # invalid API key
    "3124": _CONFIG,  # invalid certificate
    "3125": _NOT_PERMITTED,  # incremental authorization forbidden for the MCC
    "3141": "INCORRECT_CVC",  # CVV is required
    "3161": "INVALID_CARD_DATA",  # invalid holder
    "3183": "EXPIRED_CARD",  # COF registration invalidated by the card's expiry
    "3184": "REVOKED",  # COF registration cancelled
    "3193": _CONFIG,  # remittance not allowed for this project
    "3195": _NOT_PERMITTED,  # recipient ID forbidden
    "3196": _NOT_PERMITTED,
    "3197": _NOT_PERMITTED,
    "3198": "TIMEOUT",  # auto decline after a long AML verification
    "3199": _RISK,  # declined by AML checks
    "3201": "PROCESSING_ERROR",  # payment routing error
    "3285": _LIMITS,  # refund frequency restriction
    "3288": _NOT_PERMITTED,  # refund prohibited on a disputed transaction
    "3291": _CONFIG,
    "3292": _NOT_PERMITTED,  # gambling payouts not available for this MCC
    "3293": _CONFIG,  # payout method not filled in the merchant account
    "3299": _CONFIG,  # merchant status does not allow operations
    "3301": "EXPIRED_CARD",  # recurring registration expired
    "3341": _NOT_PERMITTED,  # payout declined due to card constraints
    "3356": _NOT_PERMITTED,  # operation not allowed for this card
    "3400": _NOT_PERMITTED,  # AFT constraint for commercial cards
    "3411": _NOT_PERMITTED,  # sender's card issuer outside the Europe region
    "3434": "EXPIRED_CARD",  # the sender's card expired
    "3435": "EXPIRED_CARD",  # the recipient's card expired
    "3436": "INVALID_CARD_DATA",  # the sender's card is invalid
    "3437": "INVALID_CARD_DATA",  # the recipient's card is invalid
    "3470": _NOT_PERMITTED, "3471": _NOT_PERMITTED, "3472": _NOT_PERMITTED,  # card / region constraints
    "3480": _NOT_PERMITTED,  # sender's card issuer outside the EEA
    "3491": _NOT_PERMITTED,  # invalid card type for debt repayment
    "3610": _NOT_PERMITTED,  # refund unavailable for the operation
    "3611": _NOT_PERMITTED,  # AFT reversal must be used within 24 hours
    "3613": "DUPLICATE",
    "3617": _NOT_PERMITTED,  # MCC not allowed for product code F2
    # Payment constraints: amount, frequency and number limits (payouts, MoneySend, AFT, same card).
    **{code: _LIMITS for code in (
        "3104", "3106", "3108", "3109", "3110", "3111", "3112", "3297", "3298", *_codes((3305, 3340)), "3355",
        "3357", "3360", "3362", "3402", "3403", "3404", "3406", "3407", "3408", "3409", "3410", "3412", "3413",
        "3414", "3415", "3416", "3417", "3418", "3419", "3450", "3451", "3452", "3606", "3607",
        *_codes((3618, 3635)), "3900", "3901")},
    # Risk control system (RCS).
    **{code: _RISK for code in (*_codes((1401, 1407)), "1410", "1411", "1412", "1413", "1414", "1415", "1421",
                                 "1431", "1432", "1435", "1437", "1441", "1450", "1451", "1452", "1453", "1455",
                                 "1456", *_codes((1457, 1460)), "1463", "1499")},
    "1408": "LOST_OR_STOLEN_CARD",  # RCS: card is compromised
    "1409": _LIMITS,  # RCS: interval too short
    "1422": _LIMITS,  # RCS: amount limit exceeded
    "1433": _LIMITS,  # RCS: count limit exceeded
    "1434": "DUPLICATE",  # RCS: duplicate operation
    "1461": _NOT_PERMITTED,  # RCS: restricted card product code
    "1462": _NOT_PERMITTED,  # RCS: restricted card type
    # Card operations declined by the provider or the issuer.
    "10000": "GENERIC_DECLINE",
    "10100": "GENERIC_DECLINE",  # declined by external provider without explanation
    "10101": _LIMITS,  # amount or frequency limit
    "10102": {"reason": "INVALID_CARD_DATA", "source": "CUSTOMER"},  # incorrect card data
    "10103": {"reason": "INCORRECT_CVC", "source": "CUSTOMER"},  # incorrect PIN or CVV
    "10104": {"reason": "AUTHENTICATION_FAILED", "source": "CUSTOMER"},  # incorrect 3DS password
    "10105": "INSUFFICIENT_FUNDS",
    "10106": "EXPIRED_CARD",
    "10107": "AUTHENTICATION_FAILED",  # allowable PIN tries exceeded
    "10108": _NOT_PERMITTED,  # Maestro MO/TO prohibited for this country
    "10109": "GENERIC_DECLINE",  # COF registration not approved by the provider
    "10110": "REVOKED",  # subscription cancelled by the customer at the issuer
    "10112": {"reason": "INSUFFICIENT_FUNDS", "decline_type": "SOFT"},  # retry later
    "10113": {"reason": "INSUFFICIENT_FUNDS", "decline_type": "HARD"},  # do not retry
    "10114": "AUTHENTICATION_FAILED",  # declined by 3DS check
    "10201": "GENERIC_DECLINE",  # refer to card issuer
    "10202": "ISSUER_UNAVAILABLE",
    "10203": "LOST_OR_STOLEN_CARD",  # pick-up card
    "10204": "RESTRICTED_CARD",
    "10205": "AUTHENTICATION_FAILED",  # not enrolled for 3DS
    "10206": _RISK,  # restrictions for the customer data
    "10301": "UNKNOWN",  # operation cancelled (CANCELLED, see CANCEL_CODES)
    "10401": _RISK,  # declined by PSP risk system
    "10402": _RISK,  # suspicious operation
    "10403": "AUTHENTICATION_REQUIRED",  # fraud / security: try again using 3DS
    "10404": {"reason": "SUSPECTED_FRAUD", "decline_type": "HARD"},  # suspected fraud, do not try again
    "10405": {"reason": "SUSPECTED_FRAUD", "decline_type": "HARD"},  # fraud or closed account
    "10501": _CONFIG,  # refer to acquirer
    "10502": _INVALID,  # error during operation validation
    "10503": _CONFIG,  # incorrect acquirer settings
    "10504": _CONFIG,  # insufficient funds on the acquirer balance
    "10505": "PROCESSING_ERROR",  # PSP system inoperative
    "10601": "PROCESSING_ERROR",  # try again
    "10602": "TIMEOUT",
    "10603": "ISSUER_UNAVAILABLE",  # could not be authorized, try again later
    "10701": _INVALID,  # wrong requests sequence
    "10702": _INVALID,
    "10703": _INVALID,  # incorrect ECI
    "10704": _INVALID,  # card holder not found
    "10705": _INVALID,
    "10706": _NOT_PERMITTED,  # refund unavailable
    "10707": _INVALID,
    "10708": _INVALID,
    "10709": "AUTHENTICATION_REQUIRED",  # additional 3-D Secure authentication required
    "10722": "AUTHENTICATION_REQUIRED",  # SCA mandated (PSD2)
    "10801": "PROCESSING_ERROR",  # approved by the provider but not processed
    "10805": "INVALID_CARD_DATA",  # life cycle: wrong expiry date or card number
    "10806": "GENERIC_DECLINE",  # policy
    "10807": "SUSPECTED_FRAUD",  # fraud / security
    "10810": {"reason": "INVALID_CARD_DATA", "decline_type": "HARD"},  # life cycle, do not try again
    "10811": {"reason": "GENERIC_DECLINE", "decline_type": "HARD"},  # policy, do not try again
    "10812": {"reason": "INVALID_CARD_DATA", "decline_type": "HARD"},  # invalid card, do not try again
    # Other payment methods (accounts, wallets, mobile).
    "20000": "GENERIC_DECLINE",
    "20100": "GENERIC_DECLINE",
    "20101": _LIMITS,
    "20102": {"reason": "INVALID_CARD_DATA", "source": "CUSTOMER"},  # incorrect account data
    "20103": {"reason": "AUTHENTICATION_FAILED", "source": "CUSTOMER"},  # incorrect login or password
    "20104": "AUTHENTICATION_FAILED",  # password attempts exceeded
    "20105": "INSUFFICIENT_FUNDS",
    "20106": "RESTRICTED_CARD",  # customer account no longer available
    "20107": _NOT_PERMITTED,  # account does not support the currency
    "20109": "GENERIC_DECLINE",
    "20110": "REVOKED",
    "20111": "REVOKED",  # Direct Debit mandate inactive, cancelled or expired
    "20201": "RESTRICTED_CARD",  # restrictions for the customer account
    "20202": "PROCESSING_ERROR",  # PSP system unavailable
    "20203": "LOST_OR_STOLEN_CARD",  # compromised customer account
    "20204": _NOT_PERMITTED,  # crediting this account is blocked
    "20205": _NOT_PERMITTED,  # method not available for the customer's country
    "20206": "PROCESSING_ERROR",  # mobile operator difficulties
    "20301": "UNKNOWN",  # account owner cancelled (CANCELLED, see CANCEL_CODES)
    "20302": _INVALID,  # unacceptable password
    "20303": _NOT_PERMITTED,
    "20304": _INVALID,  # incorrect amount paid
    "20401": _RISK,
    "20402": _RISK,
    "20450": "PROCESSING_ERROR",  # Verification of Payee could not be performed
    "20451": _INVALID,  # payout / refund blocked by the Verification of Payee result
    "20501": _CONFIG,
    "20502": _INVALID,
    "20503": _CONFIG,
    "20504": _CONFIG,
    "20601": "PROCESSING_ERROR",
    "20602": "TIMEOUT",
    "20603": "ISSUER_UNAVAILABLE",
    "20604": "PROCESSING_ERROR",  # notification not delivered
    "20701": _INVALID,
    "20702": _INVALID,
    "20703": _INVALID,  # invoice not found
    "20705": _CONFIG,  # merchant account blocked
    "20706": _NOT_PERMITTED,  # operation not supported by provider
    "20801": "PROCESSING_ERROR",
    "20802": "UNKNOWN",  # the provider confirmed neither outcome
    "20812": "PROCESSING_ERROR",  # crediting not confirmed
    # Declined by the merchant.
    "30000": "RISK_REJECTED",
    "30100": "RISK_REJECTED",
    "30301": "RISK_REJECTED",  # merchant did not confirm the operation
    "30302": "TIMEOUT",  # merchant did not respond
    "30303": _INVALID,  # confirmed amount or currency differs
    "30401": _INVALID,  # empty draws list
}
MERCHANT_CODES = ["30000", "30100", "30301", "30302", "30303", "30401"]

PAYMENT_METHODS = {"card": "CARD", "google pay": "WALLET", "apple pay": "WALLET", "paypal": "WALLET",
                   "open banking": "BANK_TRANSFER", "sepa": "DIRECT_DEBIT", "klarna": "BNPL"}

REFUND_OPERATIONS = ["refund", "reversal"]

_FIELDS = {
    "provider_transaction_id": ["operation.id", "payment.id"],
    "status": ["operation.status", "payment.status"],
    "reason_code": ["operation.code", "errors.0.code"],
    "amount": ["operation.sum_initial.amount", "payment.sum.amount"],
    "currency": ["operation.sum_initial.currency", "payment.sum.currency"],
    "event_time": ["operation.date", "payment.date"],
    "payment_method": ["payment.method"],
    "card_brand": ["account.type"],
    "merchant_id": ["project_id"],
    "attempt_id": ["operation.id"],
    "payment_id": ["payment.id"],
}

_RULES = [
    {"when": {"operation.code": {"in": CANCEL_CODES}}, "set": {"status_category": "CANCELLED"}},
    {"when": {"operation.code": {"in": MERCHANT_CODES}}, "set": {"failure_source": "MERCHANT_RISK"}},
    # A cancel operation that succeeded released the authorization hold.
    {"when": {"operation.type": "cancel", "operation.status": "success"}, "set": {"status_category": "CANCELLED"}},
    {"when": {"operation.type": "cancel"}, "set": {"event_kind": "VOID"}},
    {"when": {"operation.type": "capture"}, "set": {"event_kind": "CAPTURE"}},
]

SPEC = {
    "provider": "ecommpay",
    "aliases": ["ecommpay", "ecommpay.com", "ecommpay ltd", "ecp", "ecommpay gate", "ecommpay payment page"],
    "detect": [
        {"path": "operation.sum_initial", "exists": True, "weight": 0.3},
        {"path": "operation.provider", "exists": True, "weight": 0.1},
        {"path": "operation.request_id", "exists": True, "weight": 0.1},
        {"path": "payment.sum", "exists": True, "weight": 0.1},
        {"path": "project_id", "exists": True, "weight": 0.15},
        {"path": "payment.status", "in": list(STATUSES), "weight": 0.1},
        {"path": "operation.status", "in": list(STATUSES), "weight": 0.05},
        {"path": "signature", "exists": True, "weight": 0.05},
        {"path": "request_id", "exists": True, "weight": 0.05},
    ],
    "amount_unit": "minor",
    "status_map": STATUSES,
    "reason_map": REASONS,
    "payment_method_map": PAYMENT_METHODS,
    "fields": _FIELDS,
    "variants": [
        {
            "name": "payout",
            "match": {"operation.type": "payout"},
            "not_a_payment": "an ECOMMPAY payout operation moves money to a customer",
        },
        {
            "name": "payout_payment",
            "match": {"payment.type": "payout"},
            "not_a_payment": "an ECOMMPAY payout moves money to a customer",
        },
        {
            "name": "refund",
            "match": {"operation.type": {"in": REFUND_OPERATIONS}, "operation.status": {"exists": True}},
            "event_kind": "REFUND",
            "fields": {**_FIELDS, "attempt_id": [], "refund_id": ["operation.id"]},
            "rules": [{"when": {"operation.status": "success"}, "set": {"status_category": "REFUNDED"}}],
        },
        {
            "name": "awaiting_processing",
            "match": {"operation.code": {"in": AWAITING_CODES}},
            "status": "PENDING",
        },
        {
            "name": "callback",
            "match": {"payment.status": {"exists": True}},
            "rules": _RULES,
        },
        {
            # A Gate answer refusing the request: {status "error", request_id, project_id, payment_id, code, message}.
            "name": "request_error",
            "match": {"status": "error", "code": {"exists": True}, "payment": {"exists": False}},
            "status": "ERROR",
            "fields": {"reason_code": ["code"], "payment_id": ["payment_id"], "merchant_id": ["project_id"]},
        },
    ],
}
