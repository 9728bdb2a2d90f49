"""Stripe: Charge, PaymentIntent, Refund, Dispute, Checkout Session, API errors; bare, in lists, or in webhook Events.

Sources (Stripe API reference and guides):
- https://docs.stripe.com/api/charges/object (status, outcome, failure_code)
- https://docs.stripe.com/api/payment_intents/object (status, last_payment_error)
- https://docs.stripe.com/api/refunds/object (destination_details), https://docs.stripe.com/api/disputes/object
  (payment_method_details)
- https://docs.stripe.com/api/charges/capture (an uncaptured charge that expires is marked as refunded)
- https://docs.stripe.com/declines/codes (decline codes, advice codes; its "Local payment method decline codes" table
  with the charges' partner_* outcome reasons)
- stripe-python stripe/_setup_intent.py (LastSetupError.code: the API error object's code enum, the same list
  docs.stripe.com/error-codes documents; the bank-debit, Terminal, gift card, payout and billing codes are read from
  that enum and the error-codes page's one-line meanings)
- https://docs.stripe.com/event-destinations (thin events, object v2.core.event with related_object {id, type,
  url} and no data): about a payment object, NOTIFICATION_WITHOUT_OUTCOME; about anything else, no payment
- https://docs.stripe.com/api/events/types: events about any other object (a card or bank_account source, an
  invoice_payment, a cash balance, a Terminal reader, a legacy order_return) are bookkeeping, not payments
- https://docs.stripe.com/error-codes (failure_code / last_payment_error.code)
- https://docs.stripe.com/api/checkout/sessions/object (status open/complete/expired, payment_status
  paid/unpaid/no_payment_required), https://docs.stripe.com/payments/checkout/async (async_payment_* events)
- https://docs.stripe.com/api/errors (error object: type, code, decline_code, charge, payment_intent; HTTP 401,
  403, 409 idempotency conflict, 429) and https://docs.stripe.com/error-codes (every API error code: request,
  account and integration codes as INVALID_REQUEST / CONFIGURATION_ERROR, idempotency conflicts as DUPLICATE)
- https://docs.stripe.com/api/charges/object (outcome.network_decline_code / network_advice_code: the issuer's own
  code, read through the ISO 8583 table when Stripe's decline code is generic or absent)
- stripe/stripe-node lib/Error.js (SDK source): the error as stripe-node raises and apps log it, type the class
  name (StripeCardError, ...), rawType the API's error type, code / decline_code / charge / payment_intent copied
- https://docs.stripe.com/api/pagination (list objects: {"object": "list", "data": [...]})
- https://docs.stripe.com/upgrades: 2015-02-18 (charge status "paid" -> "succeeded", card -> source),
  2019-02-11 (PaymentIntent requires_source* -> requires_payment_method/requires_action,
  last_payment_error.source -> payment_method), 2022-11-15 (PaymentIntent.charges removed for latest_charge)
- https://docs.stripe.com/payments/paymentintents/lifecycle (a PaymentIntent is the payment, each confirmation
  creates a Charge: the attempt), https://docs.stripe.com/api/events/types (charge.captured, charge.expired,
  charge.refund.updated, refund.*, charge.dispute.*), https://docs.stripe.com/api/refunds/object (status
  pending/requires_action/succeeded/failed/canceled; charge, payment_intent)
- The legacy Orders API (api version 2017-2019; stripe/openapi fixtures.json resources.order; the Order resource
  as published in stripe-rust struct.Order, libstripe enum OrderStatus, and stripe-php OrderService): order id
  or_, amount "in the smallest currency unit ... the total amount for the order", amount_returned, currency,
  charge ("the payment used to pay for the order"), status created / paid / canceled / fulfilled / returned
  ("once all items have been returned, the order will become canceled or returned depending on which status the
  order started in"). These rest on SDK models, not a stored Stripe page (the API was removed from Stripe's docs).
- The Orders API of 2022 (a beta, since removed; stripe-python stripe/_order.py): object "order", status open /
  submitted / processing / complete / canceled, amount_total, payment.payment_intent (SDK source, no stored page)
- Checkout Sessions of API versions before payment_status (e.g. 2019-03-14; FLUX-SE/PayumStripe's webhook
  fixture): checkout.session.completed "occurs when a Checkout Session has been successfully completed"; Checkout
  then took card payments only, paid when the session completed.
- Stripe.js results (https://docs.stripe.com/js/payment_intents/confirm_card_payment, confirm_payment,
  retrieve_payment_intent, handle_next_action: the Promise "resolves with a result object" holding either
  `result.paymentIntent`, the PaymentIntent, or `result.error`, the API error object; `result.setupIntent` for
  SetupIntent calls): a result is read as the object it holds.
- The React Native SDK's results (stripe/stripe-react-native src/types/PaymentIntent.ts Result: id, amount, currency,
  status Succeeded / RequiresPaymentMethod / RequiresConfirmation / Canceled / Processing / RequiresAction /
  RequiresCapture / Unknown, clientSecret, captureMethod Automatic / Manual, lastPaymentError; src/types/Errors.ts
  StripeError: code Canceled / Failed / Unknown, declineCode, stripeErrorCode, type): SDK source, no stored page.
  An intent left in RequiresPaymentMethod with a lastPaymentError failed; an error of code Canceled is the customer
  closing the sheet; Failed names Stripe's own code and decline code.
- https://docs.stripe.com/api/transfers/object (tr_), /payouts/object (po_), /payment_links/payment_links/object
  (plink_), /sources/object (src_), /invoices/object (in_): bare non-payment objects told by object and id.
Amounts are in the currency's minor units; currencies are lower-case ISO codes.

Lifecycle identity: the attempt is the Charge (ch_/py_), the payment is the PaymentIntent (pi_). A Charge row,
its refunds' and disputes' rows and the PaymentIntent's row naming the charge (latest_charge,
last_payment_error.charge, or charges.data on API versions before 2022-11-15) share one attempt_id. A
PaymentIntent that names no charge yet (requires_payment_method before any attempt, requires_action, processing,
canceled before any attempt) and a Checkout Session are PAYMENT rows: states of the payment, no attempt.
"""

from typing import Any

from payobs_pipeline.normalization.currency import AmountError, normalize_currency
from payobs_pipeline.normalization.mapping import NOTIFICATION_WITHOUT_OUTCOME, UnmappedPayload

_SOFT = "SOFT"
_HARD = "HARD"


# Stripe objects that are not a customer's payment: money to the merchant (payout, transfer, topup),
# billing documents whose charge has its own events (invoice), risk signals (review, early fraud warning),
# and setup objects (docs.stripe.com/api/events/types).
NON_PAYMENT_OBJECTS = frozenset({
    "payout", "transfer", "topup", "balance", "balance_transaction", "application_fee", "invoice", "invoiceitem",
    "subscription", "subscription_schedule", "customer", "payment_method", "setup_intent", "mandate", "review",
    "radar.early_fraud_warning", "account", "person", "capability", "credit_note", "quote", "product", "price",
    "payment_link", "tax_rate", "coupon", "promotion_code", "issuing.authorization", "issuing.transaction",
    "treasury.received_credit", "billing_portal.session", "file", "reporting.report_run",
    # docs.stripe.com/api/sources/object: a Source is the customer's payment instrument (its status pending /
    # chargeable / consumed says whether a charge may be made with it); the Charge made from it is the payment.
    "source",
})

# Decline codes (outcome.reason, last_payment_error.decline_code) and error codes
# (failure_code, last_payment_error.code), per docs.stripe.com/declines/codes.
REASONS = {
    "authentication_required": "AUTHENTICATION_REQUIRED",
    "approve_with_id": "GENERIC_DECLINE",
    "call_issuer": "GENERIC_DECLINE",
    "card_declined": "GENERIC_DECLINE",
    "card_not_supported": "TRANSACTION_NOT_PERMITTED",
    "card_velocity_exceeded": "LIMIT_EXCEEDED",
    "currency_not_supported": "TRANSACTION_NOT_PERMITTED",
    "do_not_honor": "GENERIC_DECLINE",
    "do_not_try_again": {"reason": "GENERIC_DECLINE", "decline_type": _HARD},
    "duplicate_transaction": "DUPLICATE",
    "expired_card": "EXPIRED_CARD",
    "fraudulent": "SUSPECTED_FRAUD",
    "generic_decline": "GENERIC_DECLINE",
    "incorrect_number": "INVALID_CARD_DATA",
    "invalid_number": "INVALID_CARD_DATA",
    "incorrect_cvc": "INCORRECT_CVC",
    "invalid_cvc": "INCORRECT_CVC",
    "incorrect_pin": "AUTHENTICATION_FAILED",
    "invalid_pin": "AUTHENTICATION_FAILED",
    "pin_try_exceeded": {"reason": "AUTHENTICATION_FAILED", "decline_type": _HARD},
    "offline_pin_required": "AUTHENTICATION_REQUIRED",
    "online_or_offline_pin_required": "AUTHENTICATION_REQUIRED",
    "incorrect_zip": {"reason": "INVALID_CARD_DATA", "source": "CUSTOMER"},
    "incorrect_address": {"reason": "INVALID_CARD_DATA", "source": "CUSTOMER"},
    "invalid_expiry_month": "INVALID_CARD_DATA",
    "invalid_expiry_year": "INVALID_CARD_DATA",
    "insufficient_funds": "INSUFFICIENT_FUNDS",
    "invalid_account": "INVALID_CARD_DATA",
    "invalid_amount": "INVALID_REQUEST",
    "amount_too_large": "INVALID_REQUEST",
    "amount_too_small": "INVALID_REQUEST",
    "issuer_not_available": "ISSUER_UNAVAILABLE",
    "lost_card": "LOST_OR_STOLEN_CARD",
    "stolen_card": "LOST_OR_STOLEN_CARD",
    "pickup_card": "LOST_OR_STOLEN_CARD",
    "merchant_blacklist": {"reason": "RISK_REJECTED", "source": "MERCHANT_RISK"},
    "new_account_information_available": {"reason": "INVALID_CARD_DATA", "source": "ISSUER"},
    "no_action_taken": "GENERIC_DECLINE",
    "not_permitted": "TRANSACTION_NOT_PERMITTED",
    "processing_error": "PROCESSING_ERROR",
    "reenter_transaction": "ISSUER_UNAVAILABLE",
    "restricted_card": "RESTRICTED_CARD",
    "revocation_of_all_authorizations": "REVOKED",
    "revocation_of_authorization": "REVOKED",
    "stop_payment_order": "REVOKED",
    "security_violation": "RESTRICTED_CARD",
    "service_not_allowed": "TRANSACTION_NOT_PERMITTED",
    "transaction_not_allowed": "TRANSACTION_NOT_PERMITTED",
    "try_again_later": "ISSUER_UNAVAILABLE",
    "withdrawal_count_limit_exceeded": "LIMIT_EXCEEDED",
    "testmode_decline": "GENERIC_DECLINE",
    # Radar outcome reasons when outcome.type is "blocked".
    "highest_risk_level": {"reason": "RISK_REJECTED", "source": "PSP_RISK"},
    "elevated_risk_level": {"reason": "RISK_REJECTED", "source": "PSP_RISK"},
    "rule": {"reason": "RISK_REJECTED", "source": "MERCHANT_RISK"},
    # API error codes seen on failed payments.
    "payment_intent_authentication_failure": "AUTHENTICATION_FAILED",
    # "The latest payment attempt for the PaymentIntent has failed. Check the last_payment_error property ... and
    # provide a new payment method" (docs.stripe.com/error-codes): the attempt failed, no cause stated.
    "payment_intent_payment_attempt_failed": "UNKNOWN",
    "card_decline_rate_limit_exceeded": "LIMIT_EXCEEDED",
    "payment_method_not_available": "PROCESSING_ERROR",
    "payment_method_provider_timeout": "TIMEOUT",
    "payment_method_provider_decline": "GENERIC_DECLINE",
    "account_closed": "INVALID_CARD_DATA",
    "bank_account_declined": "GENERIC_DECLINE",
    "debit_not_authorized": "REVOKED",
    "charge_exceeds_source_limit": "LIMIT_EXCEEDED",
    "country_unsupported": "TRANSACTION_NOT_PERMITTED",
    "api_key_expired": "CONFIGURATION_ERROR",
    "account_invalid": "CONFIGURATION_ERROR",
    "rate_limit": "PROCESSING_ERROR",
    # API error codes of 4xx/5xx error bodies (docs.stripe.com/error-codes): the request, the integration or
    # the account is at fault, no issuer saw the payment.
    **dict.fromkeys(
        ["parameter_missing", "parameter_invalid_empty", "parameter_invalid_integer",
         "parameter_invalid_string_blank", "parameter_invalid_string_empty", "parameter_unknown",
         "parameters_exclusive", "missing", "resource_missing", "resource_already_exists", "url_invalid",
         "email_invalid", "invalid_characters", "invalid_charge_amount", "country_code_invalid",
         "state_unsupported", "charge_already_captured", "charge_already_refunded", "charge_disputed",
         "charge_expired_for_capture", "charge_not_refundable", "charge_invalid_parameter",
         "payment_intent_unexpected_state", "payment_intent_invalid_parameter",
         "payment_intent_incompatible_payment_method", "payment_intent_payment_attempt_expired",
         "payment_method_invalid_parameter", "payment_method_currency_mismatch",
         "payment_method_unexpected_state", "setup_intent_unexpected_state", "intent_invalid_state",
         "refund_disputed_payment", "token_already_used", "token_in_use", "invalid_source_usage",
         "customer_max_payment_methods", "shipping_calculation_failed", "routing_number_invalid",
         "clearing_code_unsupported", "return_intent_already_processed"],
        "INVALID_REQUEST",
    ),
    **dict.fromkeys(
        ["secret_key_required", "platform_api_key_expired", "testmode_charges_only", "livemode_mismatch",
         "tls_version_unsupported", "payment_method_unactivated", "account_country_invalid_address",
         "account_information_mismatch", "capture_unauthorized_payment", "platform_account_required",
         "not_allowed_on_standard_account", "account_error_country_change_requires_additional_steps"],
        "CONFIGURATION_ERROR",
    ),
    # Another request with the same idempotency key is being processed.
    "idempotency_key_in_use": "DUPLICATE",
    # Another request holds the object: retry later.
    "lock_timeout": {"reason": "PROCESSING_ERROR", "decline_type": _SOFT},
    "payment_intent_action_required": "AUTHENTICATION_REQUIRED",
    "setup_intent_authentication_failure": "AUTHENTICATION_FAILED",
    # The source's own limits (charge_exceeds_source_limit above).
    "charge_exceeds_transaction_limit": "LIMIT_EXCEEDED",
    "charge_exceeds_weekly_limit": "LIMIT_EXCEEDED",
    "payment_method_customer_decline": "GENERIC_DECLINE",
    "payment_method_billing_details_address_missing": "INVALID_REQUEST",
    "payment_intent_mandate_invalid": "INVALID_REQUEST",
    "postal_code_invalid": {"reason": "INVALID_CARD_DATA", "source": "CUSTOMER"},
    # docs.stripe.com/declines/codes, card decline codes not listed above: authentication_not_handled ("you tried
    # to proceed without performing the required authentication, so the issuer declined again"),
    # mobile_device_authentication_required ("the transaction requires authentication ... tapping your mobile
    # device again").
    "authentication_not_handled": "AUTHENTICATION_REQUIRED",
    "mobile_device_authentication_required": "AUTHENTICATION_REQUIRED",
    # docs.stripe.com/declines/codes, "Local payment method decline codes": the decline code and, where it differs,
    # the charge's outcome.reason (partner_*), each with its documented retry advice.
    "partner_generic_decline": "GENERIC_DECLINE",
    "invalid_customer_account": {"reason": "INVALID_CARD_DATA", "source": "CUSTOMER"},
    "payment_limit_exceeded": "LIMIT_EXCEEDED",
    # "The customer's payment method is invalid due to an invalid billing agreement. Retries won't succeed."
    "invalid_billing_agreement": {"reason": "REVOKED", "decline_type": _HARD},
    "partner_expired_card": "EXPIRED_CARD",
    "partner_processing_error": "PROCESSING_ERROR",
    "partner_insufficient_funds": "INSUFFICIENT_FUNDS",
    "partner_invalid_currency": {"reason": "TRANSACTION_NOT_PERMITTED", "decline_type": _HARD},
    "partner_invalid_amount": {"reason": "INVALID_REQUEST", "decline_type": _HARD},
    # "The business account you're trying to use ... is deactivated": the merchant's side.
    "invalid_business_account": "CONFIGURATION_ERROR",
    "partner_high_risk_customer": {"reason": "RISK_REJECTED", "source": "PSP_RISK"},
    "compliance_violation": {"reason": "TRANSACTION_NOT_PERMITTED", "decline_type": _HARD},
    "payment_disputed": "TRANSACTION_NOT_PERMITTED",
    "invalid_authorization": {"reason": "REVOKED", "decline_type": _HARD},
    "invalid_payment_information": {"reason": "INVALID_CARD_DATA", "decline_type": _HARD},
    "partner_payment_not_found": "PROCESSING_ERROR",
    "expired_payment_information": "EXPIRED_CARD",
    "partner_duplicate_transaction": "DUPLICATE",
    # API error codes of the error object's `code` enum not listed above (stripe-python stripe/_setup_intent.py
    # LastSetupError.code, the list docs.stripe.com/error-codes documents). Bank debits' own failures:
    "account_number_invalid": {"reason": "INVALID_CARD_DATA", "source": "CUSTOMER"},
    "bank_account_bad_routing_numbers": {"reason": "INVALID_CARD_DATA", "source": "CUSTOMER"},
    "no_account": {"reason": "INVALID_CARD_DATA", "source": "CUSTOMER"},
    "bank_account_restricted": "TRANSACTION_NOT_PERMITTED",
    "bank_account_unusable": "TRANSACTION_NOT_PERMITTED",
    "bank_account_unverified": "TRANSACTION_NOT_PERMITTED",
    "bank_account_verification_failed": "TRANSACTION_NOT_PERMITTED",
    "payment_method_bank_account_blocked": "TRANSACTION_NOT_PERMITTED",
    "sepa_unsupported_account": "TRANSACTION_NOT_PERMITTED",
    # "The customer has stopped the payment with their bank."
    "refer_to_customer": {"reason": "REVOKED", "decline_type": _HARD},
    "gift_card_balance_insufficient": "INSUFFICIENT_FUNDS",
    "gift_card_inactive": "RESTRICTED_CARD",
    "setup_attempt_failed": "GENERIC_DECLINE",
    # Terminal readers: busy, offline, or no answer in time.
    "terminal_reader_busy": "PROCESSING_ERROR",
    "terminal_reader_offline": "PROCESSING_ERROR",
    "terminal_reader_timeout": "TIMEOUT",
    **dict.fromkeys(
        ["acss_debit_session_incomplete", "alipay_upgrade_required", "bank_account_exists",
         "billing_invalid_mandate", "capture_charge_authorization_expired", "cardholder_phone_number_required",
         "coupon_expired", "customer_max_subscriptions", "gift_card_code_exists", "intent_verification_method_missing",
         "invalid_card_type", "invalid_tax_location", "invoice_no_customer_line_items",
         "invoice_no_payment_method_types", "invoice_no_subscription_line_items", "invoice_not_editable",
         "invoice_on_behalf_of_not_editable", "invoice_payment_intent_requires_action", "invoice_upcoming_none",
         "out_of_inventory", "ownership_declaration_not_allowed", "payment_intent_konbini_rejected_confirmation_number",
         "payment_method_bank_account_already_verified", "payment_method_configuration_failures",
         "payment_method_invalid_parameter_testmode", "payment_method_microdeposit_failed",
         "payment_method_microdeposit_verification_amounts_invalid",
         "payment_method_microdeposit_verification_amounts_mismatch",
         "payment_method_microdeposit_verification_attempts_exceeded",
         "payment_method_microdeposit_verification_descriptor_code_mismatch",
         "payment_method_microdeposit_verification_timeout", "payment_method_unsupported_type",
         "payout_reconciliation_not_ready", "product_inactive", "setup_intent_invalid_parameter",
         "setup_intent_mandate_invalid", "setup_intent_setup_attempt_expired", "sku_inactive",
         "status_transition_invalid", "tax_id_invalid", "taxes_calculation_failed",
         "transfer_source_balance_parameters_mismatch"],
        "INVALID_REQUEST",
    ),
    # The merchant's account cannot do it (payouts, transfers, fees, Stripe Tax, onboarding limits).
    **dict.fromkeys(
        ["application_fees_not_allowed", "balance_insufficient", "bitcoin_upgrade_required",
         "instant_payouts_config_disabled", "instant_payouts_currency_disabled", "instant_payouts_limit_exceeded",
         "instant_payouts_unsupported", "payouts_limit_exceeded", "payouts_not_allowed",
         "progressive_onboarding_limit_exceeded", "sensitive_data_access_expired", "stripe_tax_inactive",
         "terminal_location_country_unsupported", "transfers_not_allowed"],
        "CONFIGURATION_ERROR",
    ),
}

_DOCUMENT_OBJECTS = ("charge", "payment_intent", "refund", "dispute", "checkout.session")

PAYMENT_METHODS = {
    **dict.fromkeys(["card", "card_present", "interac_present"], "CARD"),
    **dict.fromkeys(
        ["apple_pay", "google_pay", "link", "paypal", "alipay", "wechat_pay", "cashapp", "amazon_pay",
         "revolut_pay", "mobilepay", "grabpay", "kakao_pay", "naver_pay", "samsung_pay", "payco", "twint",
         "swish", "satispay", "paynow", "promptpay"],
        "WALLET",
    ),
    "pix": "PIX",
    "boleto": "BOLETO",
    **dict.fromkeys(["oxxo", "konbini", "multibanco"], "CASH_VOUCHER"),
    **dict.fromkeys(["klarna", "afterpay_clearpay", "affirm", "zip", "alma", "billie"], "BNPL"),
    **dict.fromkeys(["sepa_debit", "bacs_debit", "au_becs_debit", "acss_debit", "us_bank_account", "nz_bank_account"],
                    "DIRECT_DEBIT"),
    **dict.fromkeys(
        ["customer_balance", "ideal", "sofort", "bancontact", "eps", "giropay", "p24", "fpx", "blik",
         "pay_by_bank", "trustly", "bank_transfer"],
        "BANK_TRANSFER",
    ),
}

_CARD_ONLY_FAILURE_CODES = ["card_declined", "expired_card", "incorrect_cvc", "invalid_cvc", "incorrect_number",
                            "invalid_number", "invalid_expiry_month", "invalid_expiry_year", "card_not_supported",
                            "card_velocity_exceeded", "incorrect_pin", "pin_try_exceeded"]
_CHARGE_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status"],
    # Stripe's decline code, then the issuer's own code (outcome.network_decline_code, ISO 8583 / network
    # codes) when Stripe gives none it knows; a specific issuer code beats a generic Stripe one (rules).
    "reason_code": ["outcome.reason", "failure_code", "outcome.network_decline_code"],
    "decline_type": ["outcome.advice_code", "outcome.network_advice_code"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["^created", "created"],
    # Charges before payment_method_details (API versions before 2019) carry the card as `source`
    # (a Card, object "card") or a Source (object "source" with a type such as sofort).
    "payment_method": ["payment_method_details.card.wallet.type", "payment_method_details.type", "source.type",
                       "source.object", "card.object"],
    # In-person (Terminal) charges keep the card under card_present / interac_present.
    "card_brand": ["payment_method_details.card.brand", "payment_method_details.card_present.brand",
                   "payment_method_details.interac_present.brand", "source.brand", "source.card.brand",
                   # Charges of API versions before 2015-02-18 carry the Card as `card` (brand then `type`).
                   "card.brand", "card.type"],
    # The issuing country of the card; a legacy Card (`source`, object "card") has it as `country`.
    "card_country": ["payment_method_details.card.country", "payment_method_details.card_present.country",
                     "payment_method_details.interac_present.country", "source.country", "card.country"],
    "customer_country": ["billing_details.address.country", "source.address_country"],
    # The charge is the attempt, whatever the event says about it (refunded, disputed, captured, expired).
    "attempt_id": ["id"],
    "payment_id": ["payment_intent.id", "payment_intent"],
    # A refunded charge names its refund only where the API version still lists them (refunds.data, before
    # 2022-11-15); otherwise the row names no refund object: none, never the charge's own id (the Refund
    # object's own rows count it). refund_id is read on REFUND rows only.
    "refund_id": ["refunds.data.0.id"],
}
_CHARGE_RULES = [
    # Charges of old API versions have no `status`, only `paid` (docs.stripe.com/api/charges/object: paid "true if
    # the charge succeeded, or was successfully authorized for later capture"); a card charge that was not paid
    # failed when it names why (failure_code) or its event says so. docs.stripe.com/api/events/types:
    # charge.failed "occurs whenever a failed charge attempt occurs", charge.succeeded "whenever a charge is
    # successful"; failure_code null there means Stripe gave no reason (UNKNOWN).
    {"when": {"status": {"exists": False}, "paid": True}, "set": {"status_category": "APPROVED"}},
    {"when": {"status": {"exists": False}, "paid": False, "failure_code": {"exists": True}},
     "set": {"status_category": "DECLINED"}},
    {"when": {"^type": "charge.failed"}, "set": {"status_category": "DECLINED"}},
    {"when": {"^type": "charge.succeeded"}, "set": {"status_category": "APPROVED"}},
    {"when": {"^type": "charge.pending"}, "set": {"status_category": "PENDING"}},
    # Radar blocked it: a risk rejection whatever the code says.
    {"when": {"outcome.type": "blocked"}, "set": {"status_category": "DECLINED", "failure_reason": "RISK_REJECTED"}},
    {"when": {"outcome.type": "invalid"}, "set": {"status_category": "ERROR", "failure_reason": "INVALID_REQUEST"}},
    # processing_error is Stripe's own technical failure, whatever outcome.type says (docs/taxonomy.md).
    {"when": {"failure_code": "processing_error"},
     "set": {"status_category": "ERROR", "failure_reason": "PROCESSING_ERROR"}},
    {"when": {"refunded": True}, "set": {"status_category": "REFUNDED"}},
    {"when": {"^type": ["charge.refunded", "charge.refund.updated"]}, "set": {"status_category": "REFUNDED"}},
    # An uncaptured charge is "marked as refunded" when it expires or is released
    # (docs.stripe.com/api/charges/capture): no money moved, so it is a void.
    {"when": {"captured": False, "refunded": True}, "set": {"status_category": "CANCELLED", "event_kind": "VOID"}},
    {"when": {"^type": {"prefix": "charge.dispute."}}, "set": {"status_category": "CHARGEBACK"}},
    # charge.expired: an uncaptured charge's authorization lapsed (docs.stripe.com/api/events/types).
    {"when": {"^type": "charge.expired"}, "set": {"status_category": "CANCELLED", "event_kind": "VOID"}},
    # charge.captured: a previously uncaptured charge was captured; the authorization was decided before.
    {"when": {"^type": "charge.captured"}, "set": {"event_kind": "CAPTURE"}},
    # A charge kept without payment_method_details / source / card whose failure_code only a card can have
    # (docs.stripe.com/error-codes: card_declined "the card has been declined", expired_card, incorrect_cvc,
    # incorrect_number, invalid_expiry_month/_year, ...) was a card payment.
    {"when": {"failure_code": _CARD_ONLY_FAILURE_CODES, "payment_method_details": {"exists": False},
              "source": {"exists": False}, "card": {"exists": False}},
     "set": {"payment_method": "CARD"}},
]
_INTENT_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status"],
    "reason_code": ["last_payment_error.decline_code", "last_payment_error.code",
                    "last_payment_error.network_decline_code"],
    "decline_type": ["last_payment_error.advice_code", "last_payment_error.network_advice_code"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["^created", "created"],
    # The attempt's charge says what was really used (an Apple Pay card, not just "card"):
    # `latest_charge` when expanded, `charges.data` on API versions before 2022-11-15,
    # `last_payment_error.source` before 2019-02-11.
    "payment_method": ["last_payment_error.payment_method.card.wallet.type", "last_payment_error.payment_method.type",
                       "latest_charge.payment_method_details.card.wallet.type",
                       "latest_charge.payment_method_details.type",
                       "charges.data.0.payment_method_details.card.wallet.type",
                       "charges.data.0.payment_method_details.type", "last_payment_error.source.type",
                       "last_payment_error.source.object", "payment_method_types.0", "allowed_source_types.0"],
    "card_brand": ["last_payment_error.payment_method.card.brand", "last_payment_error.source.brand",
                   "latest_charge.payment_method_details.card.brand",
                   "charges.data.0.payment_method_details.card.brand",
                   "charges.data.0.source.brand"],
    "card_country": ["last_payment_error.payment_method.card.country", "last_payment_error.source.country",
                     "latest_charge.payment_method_details.card.country",
                     "charges.data.0.payment_method_details.card.country",
                     "charges.data.0.source.country"],
    "customer_country": ["last_payment_error.payment_method.billing_details.address.country",
                         "latest_charge.billing_details.address.country",
                         "charges.data.0.billing_details.address.country"],
    # The attempt is the intent's latest charge (an id, or the Charge when expanded); `charges.data` is newest
    # first on API versions before 2022-11-15; a failed confirmation names its charge in last_payment_error.
    "attempt_id": ["latest_charge.id", "latest_charge", "last_payment_error.charge", "charges.data.0.id"],
    "payment_id": ["id"],
}
_INTENT_RULES = [
    # payment_intent.payment_failed "occurs when a PaymentIntent has failed the attempt to create a payment method
    # or a payment" (docs.stripe.com/api/events/types): the attempt failed even when the event's intent keeps no
    # last_payment_error (then no reason is stated: UNKNOWN). An error type below still makes it an ERROR.
    {"when": {"^type": "payment_intent.payment_failed"}, "set": {"status_category": "DECLINED"}},
    # requires_payment_method after an attempt means the attempt failed.
    {"when": {"status": ["requires_payment_method", "requires_source"], "last_payment_error": {"exists": True}},
     "set": {"status_category": "DECLINED"}},
    {"when": {"status": ["requires_payment_method", "requires_source"],
              "last_payment_error.type": ["api_error", "invalid_request_error"]},
     "set": {"status_category": "ERROR"}},
    # payment_intent_payment_attempt_failed (docs.stripe.com/error-codes: "the latest payment attempt for the
    # PaymentIntent has failed"): the payment method was tried and failed, whatever the error's type says; a
    # refusal of the attempt, not a malformed request.
    {"when": {"status": ["requires_payment_method", "requires_source"],
              "last_payment_error.code": ["payment_intent_payment_attempt_failed",
                                          # "The provided payment method has failed authentication" (3DS):
                                          # the attempt was refused at authentication, not a bad request.
                                          "payment_intent_authentication_failure"]},
     "set": {"status_category": "DECLINED"}},
    {"when": {"status": "canceled", "cancellation_reason": "fraudulent"},
     "set": {"status_category": "DECLINED", "failure_reason": "RISK_REJECTED", "failure_source": "MERCHANT_RISK"}},
    {"when": {"status": "canceled", "cancellation_reason": "duplicate"}, "set": {"status_category": "CANCELLED"}},
    # No attempt yet: the payment waits for a payment method, a confirmation or the customer's action.
    {"when": {"status": ["requires_payment_method", "requires_source"], "last_payment_error": {"exists": False}},
     "set": {"event_kind": "PAYMENT"}},
    {"when": {"status": ["requires_confirmation", "requires_action", "requires_source_action"]},
     "set": {"event_kind": "PAYMENT"}},
    # A failed attempt the intent names no charge for (latest_charge, last_payment_error.charge, charges.data):
    # docs/taxonomy.md, PAYMENT "when no attempt is named" (a PaymentIntent with no charge).
    {"when": {"status": ["requires_payment_method", "requires_source"], "last_payment_error": {"exists": True},
              "latest_charge": {"exists": False}, "last_payment_error.charge": {"exists": False},
              "charges.data.0.id": {"exists": False}},
     "set": {"event_kind": "PAYMENT"}},
    # Processing or canceled: an attempt if the intent names its charge, else the payment's state.
    {"when": {"status": ["processing", "canceled"], "latest_charge": {"exists": False},
              "last_payment_error.charge": {"exists": False}, "charges.data.0.id": {"exists": False}},
     "set": {"event_kind": "PAYMENT"}},
    # Canceling an intent whose charge was authorized and not captured releases the authorization: a void.
    {"when": {"status": "canceled", "latest_charge": {"exists": True}, "last_payment_error": {"exists": False}},
     "set": {"event_kind": "VOID"}},
    {"when": {"status": "canceled", "charges.data.0.id": {"exists": True}, "last_payment_error": {"exists": False}},
     "set": {"event_kind": "VOID"}},
    # Canceled after a failed attempt: the attempt's outcome is the charge's; this row is the payment's end.
    {"when": {"status": "canceled", "last_payment_error": {"exists": True}}, "set": {"event_kind": "PAYMENT"}},
]
# A refund or a dispute is its own object: its id, not the charge's (the charge
# keeps the authorization outcome; refunds and disputes are lifecycle events).
_REFUND_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status"],
    "reason_code": ["failure_reason"],  # why a failed refund failed
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["^created", "created"],
    # Where the money goes back to (card, klarna, ...); absent on older API versions.
    "payment_method": ["destination_details.type"],
    # The refunded charge is the attempt, its PaymentIntent the payment (docs.stripe.com/api/refunds/object).
    "attempt_id": ["charge.id", "charge"],
    "payment_id": ["payment_intent.id", "payment_intent", "charge.payment_intent"],
}
# Refund.status (docs.stripe.com/api/refunds/object): pending, requires_action (the customer must give
# refund details), succeeded, failed (failure_reason: lost_or_stolen_card, expired_or_canceled_card,
# charge_for_pending_refund_disputed, insufficient_funds, declined, merchant_request, unknown), canceled.
# Refund.failure_reason (docs.stripe.com/api/refunds/object), for failed refunds only.
_REFUND_FAILURES = {
    "lost_or_stolen_card": "LOST_OR_STOLEN_CARD",
    "expired_or_canceled_card": "EXPIRED_CARD",
    "insufficient_funds": "INSUFFICIENT_FUNDS",
    "declined": "GENERIC_DECLINE",
    "merchant_request": {"reason": "UNKNOWN", "source": "MERCHANT_CONFIG"},
    "charge_for_pending_refund_disputed": "TRANSACTION_NOT_PERMITTED",
    "unknown": "UNKNOWN",
}
_REFUND_STATUSES = {"succeeded": "REFUNDED", "pending": "PENDING", "requires_action": "PENDING",
                    "failed": "DECLINED", "canceled": "CANCELLED"}
_DISPUTE_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status"],
    "reason_code": ["reason"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["^created", "created"],
    "payment_method": ["payment_method_details.type"],
    "card_brand": ["payment_method_details.card.brand"],
    # The disputed charge is the attempt (docs.stripe.com/api/disputes/object: charge, payment_intent).
    "attempt_id": ["charge.id", "charge"],
    "payment_id": ["payment_intent.id", "payment_intent", "charge.payment_intent"],
}


# A Checkout Session wraps a PaymentIntent: the payment's id is the intent's when there is one,
# so the session's and the intent's rows count as one payment. Its outcome is status/payment_status.
_SESSION_FIELDS = {
    "provider_transaction_id": ["payment_intent.id", "payment_intent", "id"],
    "status": {"join": ["status", "payment_status"], "sep": "/"},
    "amount": ["amount_total"],
    "currency": ["currency"],
    "event_time": ["^created", "created"],
    "payment_method": ["payment_method_types.0"],
    "customer_country": ["customer_details.address.country"],
    "payment_id": ["payment_intent.id", "payment_intent"],
}
_SESSION_STATUSES = {
    "complete/paid": "APPROVED",
    "complete/no_payment_required": "APPROVED",
    # Delayed-notification methods (boleto, bank debits) complete the session before the money arrives.
    "complete/unpaid": "PENDING",
    "open/unpaid": "PENDING",
    "open/": "PENDING",
    "expired/unpaid": "CANCELLED",
    "expired/": "CANCELLED",
    # Sessions of API versions before `status` was added carry payment_status alone
    # (docs.stripe.com/api/checkout/sessions/object: payment_status paid / unpaid / no_payment_required).
    "/paid": "APPROVED",
    "/no_payment_required": "APPROVED",
    "/unpaid": "PENDING",
}
# The legacy Order (see the module docstring): the order is the payment; its charge the attempt.
_ORDER_STATUSES = {
    "created": "PENDING",
    "paid": "APPROVED",
    "fulfilled": "APPROVED",
    "canceled": "CANCELLED",
    "returned": "REFUNDED",
    # The Orders API of 2022 (stripe-python stripe/_order.py: status canceled / complete / open / processing /
    # submitted, "the overall status of the order"; amount_total; payment {payment_intent, status}): open while the
    # customer builds it, submitted and processing while its payment runs, complete once paid.
    "open": "PENDING",
    "submitted": "PENDING",
    "processing": "PENDING",
    "complete": "APPROVED",
}
_ORDER_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status"],
    "amount": ["amount", "amount_total"],
    "currency": ["currency"],
    "event_time": ["^created", "updated", "created"],
    "attempt_id": ["charge.id", "charge"],
    "payment_id": ["id"],
}
_SESSION_RULES = [
    {"when": {"^type": "checkout.session.async_payment_failed"}, "set": {"status_category": "DECLINED"}},
    {"when": {"^type": "checkout.session.async_payment_succeeded"}, "set": {"status_category": "APPROVED"}},
    {"when": {"^type": "checkout.session.expired"}, "set": {"status_category": "CANCELLED"}},
    # checkout.session.completed "occurs when a Checkout Session has been successfully completed"
    # (docs.stripe.com/api/events/types): complete, paid or not yet paid (delayed methods) per payment_status.
    {"when": {"^type": "checkout.session.completed", "payment_status": ["paid", "no_payment_required"]},
     "set": {"status_category": "APPROVED"}},
    {"when": {"^type": "checkout.session.completed", "payment_status": "unpaid"},
     "set": {"status_category": "PENDING"}},
    # API versions before payment_status and status: a completed session was a paid one (card only).
    {"when": {"^type": "checkout.session.completed", "payment_status": {"exists": False},
              "status": {"exists": False}},
     "set": {"status_category": "APPROVED"}},
]


# Set by prepare() on a Charge that has been refunded, fully or in part (see _refunded_charge).
REFUNDED_CHARGE_KEY = "_payobs_refunded_charge"
# A refunded Charge is a REFUND row of the charge's attempt. Its amount is the refund's: the newest refund of
# the charge's refunds list (docs.stripe.com/api/charges/object: refunds, "a list of refunds that have been
# applied to the charge", newest first per docs.stripe.com/api/pagination), the same refund refund_id names;
# else amount_refunded ("amount in cents refunded (can be less than the amount attribute on the charge if a
# partial refund was issued)"). An uncaptured charge marked refunded is a void of the whole authorization.
_REFUNDED_CHARGE = {
    "fields": {**_CHARGE_FIELDS, "amount": ["refunds.data.0.amount", "amount_refunded", "amount"]},
    "status": "REFUNDED", "event_kind": "REFUND",
    "rules": [{"when": {"captured": False, "refunded": True},
               "set": {"status_category": "CANCELLED", "event_kind": "VOID"}}],
}


def _documents(match_object: dict, root: str | None, label: str = "") -> list[dict]:
    """The document variants, either bare or at ``root`` (an event's data.object, a list's first item)."""
    prefix = f"{root}." if root else ""
    extra = {"root": root} if root else {}
    return [
        {"name": f"{label}charge.refunded",
         "match": {**match_object, f"{prefix}object": "charge", REFUNDED_CHARGE_KEY: True},
         **_REFUNDED_CHARGE, **extra},
        {"name": f"{label}charge", "match": {**match_object, f"{prefix}object": "charge"},
         "fields": _CHARGE_FIELDS, "rules": _CHARGE_RULES, **extra},
        # A manual-capture intent is succeeded once captured (docs.stripe.com/payments/place-a-hold-on-a-payment-method):
        # the row is the capture, and its amount is amount_received ("amount that this PaymentIntent collects",
        # docs.stripe.com/api/payment_intents/object), below the authorized amount after a partial capture.
        {"name": f"{label}payment_intent.captured",
         "match": {**match_object, f"{prefix}object": "payment_intent", f"{prefix}status": "succeeded",
                   f"{prefix}capture_method": "manual"},
         "fields": {**_INTENT_FIELDS, "amount": ["amount_received", "amount"]}, "rules": _INTENT_RULES,
         "event_kind": "CAPTURE", **extra},
        {"name": f"{label}payment_intent",
         "match": {**match_object, f"{prefix}object": "payment_intent"},
         "fields": _INTENT_FIELDS, "rules": _INTENT_RULES, **extra},
        {"name": f"{label}refund", "match": {**match_object, f"{prefix}object": "refund"},
         "fields": _REFUND_FIELDS, "status_map": _REFUND_STATUSES, "reason_map": _REFUND_FAILURES,
         "event_kind": "REFUND", **extra},
        {"name": f"{label}dispute", "match": {**match_object, f"{prefix}object": "dispute"},
         "fields": _DISPUTE_FIELDS, "status": "CHARGEBACK", "event_kind": "DISPUTE", **extra},
        {"name": f"{label}order.returned",
         "match": {**match_object, f"{prefix}object": "order", f"{prefix}status": "returned"},
         "fields": {**_ORDER_FIELDS, "amount": ["amount_returned", "amount"], "refund_id": ["returns.data.0.id"]},
         "status_map": _ORDER_STATUSES, "event_kind": "REFUND", **extra},
        {"name": f"{label}order", "match": {**match_object, f"{prefix}object": "order"},
         "fields": _ORDER_FIELDS, "status_map": _ORDER_STATUSES, "event_kind": "PAYMENT", **extra},
        # A session in setup mode "accepts payment details and saves them for future use" (docs.stripe.com/api/
        # checkout/sessions/object, mode setup; payment_status no_payment_required): a SetupIntent, no payment.
        {"name": f"{label}checkout_session.setup",
         "match": {**match_object, f"{prefix}object": "checkout.session", f"{prefix}mode": "setup"},
         "not_a_payment": "a Checkout Session in setup mode saves a payment method, no payment"},
        # A session is the payment's page, never an attempt: its row is the payment's state.
        {"name": f"{label}checkout_session", "match": {**match_object, f"{prefix}object": "checkout.session"},
         "fields": _SESSION_FIELDS, "status_map": _SESSION_STATUSES, "rules": _SESSION_RULES,
         "event_kind": "PAYMENT", **extra},
    ]


# docs.stripe.com/api/events/types: the events about a payment's objects.
_PAYMENT_EVENT_TYPES = [
    "payment_intent.succeeded", "payment_intent.payment_failed", "payment_intent.canceled",
    "payment_intent.processing", "payment_intent.requires_action", "payment_intent.amount_capturable_updated",
    "payment_intent.partially_funded", "payment_intent.created", "charge.succeeded", "charge.failed",
    "charge.pending", "charge.captured", "charge.expired", "charge.refunded", "charge.updated",
    "charge.refund.updated", "refund.created", "refund.updated", "refund.failed",
    "checkout.session.completed", "checkout.session.async_payment_succeeded",
    "checkout.session.async_payment_failed", "checkout.session.expired",
]
# The objects a document variant reads, and the containers around them (an Event, a list).
_KNOWN_CONTAINERS = [*_DOCUMENT_OBJECTS, "order", "event", "list", "search_result"]
_OBJECT_ID_PREFIXES = ("ch_", "py_", "pi_", "re_", "pyr_", "dp_", "du_", "cs_")
_ERROR_TYPES = ["card_error", "api_error", "api_connection_error", "invalid_request_error", "idempotency_error",
                "rate_limit_error", "authentication_error", "permission_error"]
# An API error response ({"error": {...}}) as the lake may store a failed call: a card_error is the
# decline itself; the embedded payment_intent (PaymentIntents API) or charge id names the payment.
_ERROR_VARIANT = {
    "name": "api_error",
    "match": {"error.type": _ERROR_TYPES},
    "root": "error",
    "fields": {
        "provider_transaction_id": ["payment_intent.id", "charge"],
        "status": ["type"],
        "reason_code": ["decline_code", "code", "network_decline_code"],
        "decline_type": ["advice_code", "network_advice_code"],
        "amount": ["payment_intent.amount"],
        "currency": ["payment_intent.currency"],
        "event_time": ["payment_intent.created"],
        "payment_method": ["payment_method.type", "payment_intent.last_payment_error.payment_method.type",
                           "payment_intent.payment_method_types.0"],
        "card_brand": ["payment_method.card.brand", "payment_intent.last_payment_error.payment_method.card.brand"],
        "card_country": ["payment_method.card.country",
                         "payment_intent.last_payment_error.payment_method.card.country"],
        # The error's `charge` is the failed charge (card errors); else the intent's latest charge.
        "attempt_id": ["charge", "payment_intent.latest_charge.id", "payment_intent.latest_charge",
                       "payment_intent.last_payment_error.charge"],
        "payment_id": ["payment_intent.id"],
    },
    "status_map": {
        "card_error": "DECLINED",
        # The client never got an answer: whether Stripe processed the request is not known.
        "api_connection_error": "UNKNOWN",
        **dict.fromkeys(["api_error", "invalid_request_error", "idempotency_error", "rate_limit_error",
                         "authentication_error", "permission_error"], "ERROR"),
    },
    "rules": [
        # processing_error comes as a card_error (docs.stripe.com/error-codes; docs.stripe.com/declines/codes lists
        # it among the decline codes: "an error occurred while processing the card"): docs/taxonomy.md reads a
        # card_error body as DECLINED with the card's reason, here PROCESSING_ERROR. Under another type it is that
        # type's status.
        # An idempotency key reused with other parameters: a conflicting repeat of an earlier request.
        {"when": {"type": "idempotency_error"}, "set": {"failure_reason": "DUPLICATE"}},
        {"when": {"type": ["authentication_error", "permission_error"]},
         "set": {"failure_reason": "CONFIGURATION_ERROR"}},
        # HTTP 401 "No valid API key provided" (docs.stripe.com/api/errors) comes as an invalid_request_error whose
        # message says the key is missing, invalid or expired: the account's setup, not the request's content.
        {"when": {"message": {"prefix": ["Invalid API Key provided", "You did not provide an API key",
                                         "Expired API Key provided"]}},
         "set": {"failure_reason": "CONFIGURATION_ERROR"}},
        # card_error: "Card errors ... result when the user enters a card that can't be charged for some reason"
        # (docs.stripe.com/api/errors): a card payment, when the body names no payment method type.
        {"when": {"type": "card_error", "payment_method.type": {"exists": False},
                  "payment_intent.last_payment_error.payment_method.type": {"exists": False},
                  "payment_intent.payment_method_types": {"exists": False}},
         "set": {"payment_method": "CARD"}},
    ],
}
# The same error as stripe-node keeps it (stripe/stripe-node lib/Error.js: StripeError copies the raw error's
# code, decline_code, charge, payment_intent, payment_method and doc_url onto itself, keeps the raw error's type
# as rawType and names itself by its class, type "StripeCardError", "StripeInvalidRequestError", ...).
_NODE_ERROR_TYPES = ["StripeCardError", "StripeInvalidRequestError", "StripeAPIError", "StripeAuthenticationError",
                     "StripePermissionError", "StripeRateLimitError", "StripeConnectionError",
                     "StripeIdempotencyError", "StripeInvalidGrantError", "StripeUnknownError"]
_NODE_ERROR_VARIANT = {
    **{key: value for key, value in _ERROR_VARIANT.items() if key not in ("root", "rules")},
    "name": "stripe_node_error",
    "match": {"rawType": _ERROR_TYPES, "type": _NODE_ERROR_TYPES},
    "fields": {**_ERROR_VARIANT["fields"], "status": ["rawType"]},
    "rules": [{"when": {("rawType" if key == "type" else key): value
                        for key, value in rule["when"].items()}, "set": rule["set"]}
              for rule in _ERROR_VARIANT["rules"]],
}

# The React Native SDK's PaymentIntent result (stripe/stripe-react-native src/types/PaymentIntent.ts): camelCase,
# its status enum's names, no "object"; its lastPaymentError a StripeError (src/types/Errors.ts) whose
# stripeErrorCode is Stripe's error code and declineCode the card's decline code.
_RN_INTENT_STATUSES = {
    "Succeeded": "APPROVED",
    "RequiresCapture": "APPROVED",
    "RequiresPaymentMethod": "PENDING",
    "RequiresConfirmation": "PENDING",
    "RequiresAction": "PENDING",
    "Processing": "PENDING",
    "Canceled": "CANCELLED",
    "Unknown": "UNKNOWN",
}
_RN_INTENT_VARIANT = {
    "name": "react_native.payment_intent",
    "match": {"object": {"exists": False}, "id": {"prefix": "pi_"}, "clientSecret": {"exists": True}},
    "fields": {
        "provider_transaction_id": ["id"],
        "status": ["status"],
        "reason_code": ["lastPaymentError.declineCode", "lastPaymentError.stripeErrorCode"],
        "amount": ["amount"],
        "currency": ["currency"],
        "payment_method": ["paymentMethod.type"],
        "card_brand": ["paymentMethod.Card.brand"],
        "card_country": ["paymentMethod.Card.country"],
        "attempt_id": [],
        "payment_id": ["id"],
    },
    "status_map": _RN_INTENT_STATUSES,
    "event_kind": "PAYMENT",
    "rules": [
        # An intent back in RequiresPaymentMethod with an error: the attempt failed (as requires_payment_method
        # with last_payment_error above); the attempt is the failed charge, which the SDK does not name.
        {"when": {"status": "RequiresPaymentMethod", "lastPaymentError": {"exists": True}},
         "set": {"status_category": "DECLINED", "event_kind": "AUTHORIZATION"}},
        {"when": {"status": ["Succeeded", "RequiresCapture"]}, "set": {"event_kind": "AUTHORIZATION"}},
    ],
}
# The React Native SDK's error result ({"error": StripeError}): code Failed (Stripe's error in stripeErrorCode,
# the card's in declineCode, the API type in type), Canceled (the customer dismissed the flow), Unknown.
_RN_ERROR_VARIANT = {
    "name": "react_native.error",
    "match": {"error.code": ["Failed", "Canceled", "Unknown"], "error.message": {"exists": True}},
    "root": "error",
    "fields": {
        "provider_transaction_id": [],
        "status": ["code"],
        "reason_code": ["declineCode", "stripeErrorCode"],
        "amount": [],
        "currency": [],
    },
    "status_map": {"Failed": "DECLINED", "Canceled": "CANCELLED", "Unknown": "UNKNOWN"},
    "rules": [
        {"when": {"code": "Failed", "type": ["api_error", "invalid_request_error", "idempotency_error",
                                             "rate_limit_error", "authentication_error"]},
         "set": {"status_category": "ERROR"}},
        {"when": {"code": "Failed", "type": "api_connection_error"}, "set": {"status_category": "UNKNOWN"}},
    ],
}


SPEC = {
    "provider": "stripe",
    "aliases": ["stripe", "stripe_connect", "stripe_v2", "stripe_payments"],
    "detect": [
        # Other PSPs copied Stripe's object names (Culqi "charge", Conekta "event"): alone, not enough.
        {"path": "object", "in": ["charge", "payment_intent", "refund", "dispute", "event", "checkout.session"],
         "weight": 0.4},
        # A refund's id says nothing by itself: Mollie's refund ids start re_ too, and Tap's refund object is
        # {"id": "re_...", "object": "refund"}. Stripe's Refund names the charge it refunds and its balance
        # transaction (docs.stripe.com/api/refunds/object: charge "ch_...", balance_transaction "txn_...").
        # An id prefix alone stays below the threshold: Pagar.me v5 charges are "ch_..." too.
        {"path": "id", "prefix": ["ch_", "py_", "pi_", "pyr_", "dp_", "du_", "cs_"], "weight": 0.4},
        {"path": "charge", "prefix": ["ch_", "py_"], "weight": 0.3},
        {"path": "balance_transaction", "prefix": "txn_", "weight": 0.2},
        # PaymentIntent and Refund members named as only Stripe names them (docs.stripe.com/api/payment_intents/
        # object: amount_capturable, amount_received, capture_method, confirmation_method; docs.stripe.com/api/
        # refunds/object: a refund's payment_intent beside its charge), so an object whose id is not one of
        # Stripe's prefixes (a test double, an integration's copy) is still told by its own fields.
        {"path": "amount_capturable", "exists": True, "weight": 0.2},
        {"path": "amount_received", "exists": True, "weight": 0.1},
        {"path": "confirmation_method", "in": ["automatic", "manual"], "weight": 0.1},
        {"path": "payment_intent", "exists": True, "weight": 0.1},
        # An event id: other gateways name theirs evt_ too (Airwallex, Culqi), so it counts with the event's
        # object "event" and its data.object, not alone.
        {"path": "id", "prefix": "evt_", "weight": 0.3},
        # A thin event (docs.stripe.com/event-destinations): object v2.core.event naming its related_object.
        {"path": "object", "in": ["v2.core.event"], "weight": 0.3},
        {"path": "related_object.url", "prefix": ["/v1/", "/v2/"], "weight": 0.3},
        # A legacy Order: object "order", id or_, its items order_item objects and its returns list.
        {"path": "object", "in": ["order"], "weight": 0.2},
        {"path": "id", "prefix": "or_", "weight": 0.1},
        {"path": "items.0.object", "in": ["order_item"], "weight": 0.2},
        {"path": "returns.url", "prefix": "/v1/order_returns", "weight": 0.2},
        # An Order of the 2022 Orders API names its PaymentIntent in payment.payment_intent.
        {"path": "payment.payment_intent", "prefix": "pi_", "weight": 0.3},
        {"path": "data.object.object", "in": [*_DOCUMENT_OBJECTS], "weight": 0.3},
        # An Event kept as its type and data.object (docs.stripe.com/api/events/types: payment_intent.*,
        # charge.*, checkout.session.*), the object's id naming a Stripe object.
        {"path": "data.object.id", "prefix": [*_OBJECT_ID_PREFIXES], "weight": 0.3},
        {"path": "type", "in": _PAYMENT_EVENT_TYPES, "weight": 0.2},
        # A list response of one object (GET /v1/charges?...).
        {"path": "data.0.object", "in": [*_DOCUMENT_OBJECTS], "weight": 0.3},
        {"path": "data.0.id", "prefix": ["ch_", "py_", "pi_", "re_", "pyr_", "dp_", "du_", "cs_"], "weight": 0.3},
        # An API error response.
        {"path": "error.doc_url",
         "prefix": ["https://stripe.com/docs/error-codes", "https://docs.stripe.com/error-codes"],
         "weight": 0.6},
        # Stripe's error type names ({"error": {"type": "invalid_request_error", ...}}): its own vocabulary.
        {"path": "error.type", "in": _ERROR_TYPES, "weight": 0.5},
        {"path": "error.charge", "prefix": ["ch_", "py_"], "weight": 0.3},
        {"path": "error.payment_intent.object", "in": ["payment_intent"], "weight": 0.4},
        # A stripe-node error (lib/Error.js): its class name as type, the API's error type as rawType.
        {"path": "rawType", "in": _ERROR_TYPES, "weight": 0.3},
        {"path": "type", "in": _NODE_ERROR_TYPES, "weight": 0.3},
        # A Stripe.js result ({"paymentIntent": ...} / {"setupIntent": ...}, docs.stripe.com/js/payment_intents/
        # confirm_card_payment) and the React Native SDK's (src/types/PaymentIntent.ts: clientSecret, captureMethod
        # Automatic / Manual; src/types/Errors.ts: stripeErrorCode, declineCode).
        {"path": "paymentIntent.object", "in": ["payment_intent"], "weight": 0.6},
        {"path": "setupIntent.object", "in": ["setup_intent"], "weight": 0.6},
        {"path": "paymentIntent.id", "prefix": "pi_", "weight": 0.4},
        {"path": "paymentIntent.clientSecret", "prefix": "pi_", "weight": 0.2},
        {"path": "clientSecret", "prefix": "pi_", "weight": 0.1},
        {"path": "captureMethod", "in": ["Automatic", "Manual"], "weight": 0.2},
        {"path": "error.stripeErrorCode", "exists": True, "weight": 0.6},
        {"path": "error.localizedMessage", "exists": True, "weight": 0.3},
        {"path": "error.code", "in": ["Canceled", "Failed"], "weight": 0.2},
        # Bare objects that are not payments, told by their object and id (docs.stripe.com/api: transfers tr_,
        # payouts po_, payment links plink_, sources src_, invoices in_).
        {"path": "object", "in": ["transfer", "payout", "payment_link", "source", "invoice"], "weight": 0.2},
        {"path": "id", "prefix": ["tr_", "po_", "plink_", "src_", "in_"], "weight": 0.3},
        # The Dispute object's own fields (docs.stripe.com/api/disputes/object: evidence_details {due_by,
        # has_evidence, past_due, submission_count}, is_charge_refundable), beside object "dispute".
        {"path": "evidence_details.due_by", "exists": True, "weight": 0.2},
        {"path": "evidence_details.submission_count", "exists": True, "weight": 0.1},
        {"path": "is_charge_refundable", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "minor",
    "status_map": {
        # Charge
        "succeeded": "APPROVED",
        "paid": "APPROVED",  # Charge status before API version 2015-02-18
        "pending": "PENDING",
        "failed": "DECLINED",
        # PaymentIntent
        "requires_capture": "APPROVED",
        "requires_payment_method": "PENDING",
        "requires_confirmation": "PENDING",
        "requires_action": "PENDING",
        "processing": "PENDING",
        # PaymentIntent statuses before API version 2019-02-11.
        "requires_source": "PENDING",
        "requires_source_action": "PENDING",
        "canceled": "CANCELLED",
    },
    "reason_map": REASONS,
    # outcome.network_decline_code passes the issuer's code through (ISO 8583 field 39, Visa/Mastercard codes).
    "reason_fallback": "iso8583",
    "decline_type_fallback": "mastercard_mac",
    "payment_method_map": PAYMENT_METHODS,
    "decline_type_map": {
        "try_again_later": _SOFT,
        "confirm_card_data": _SOFT,
        "do_not_try_again": _HARD,
    },
    "variants": [
        # Objects that are not a customer's payment (a payout, an invoice, a fraud warning), bare or
        # in an event: kept unprocessed as NOT_A_PAYMENT_EVENT, never read as an approval.
        {"name": "not_a_payment", "match": {"object": {"in": sorted(NON_PAYMENT_OBJECTS)}},
         "not_a_payment": "a Stripe object that is not a payment"},
        {"name": "event.not_a_payment",
         "match": {"object": "event", "data.object.object": {"in": sorted(NON_PAYMENT_OBJECTS)}},
         "not_a_payment": "a Stripe event about an object that is not a payment"},
        *_documents({}, None),
        # A Charge logged without its "object" key: Stripe's charge ids are ch_ (py_ for non-card charges)
        # (docs.stripe.com/api/charges/object).
        {"name": "charge.refunded", "match": {"object": {"exists": False}, "id": {"prefix": ["ch_", "py_"]},
                                               REFUNDED_CHARGE_KEY: True}, **_REFUNDED_CHARGE},
        {"name": "charge", "match": {"object": {"exists": False}, "id": {"prefix": ["ch_", "py_"]},
                                     "amount": {"exists": True}, "status": {"exists": True}},
         "fields": _CHARGE_FIELDS, "rules": _CHARGE_RULES},
        *_documents({"object": "event"}, "data.object", "event."),
        *_documents({"object": ["list", "search_result"]}, "data.0", "list."),
        # Any other Stripe object, bare or as an Event's data.object (docs.stripe.com/api/events/types: card and
        # bank_account sources, cash balances, Terminal readers, legacy order returns, invoice payments, ...):
        # bookkeeping around a payment whose Charge / PaymentIntent / Refund / Dispute has its own events.
        {"name": "other_object", "match": {"object": {"exists": True}, "^object": {"not_in": _KNOWN_CONTAINERS}},
         "not_a_payment": "a Stripe object that is not a payment"},
        {"name": "event.other_object",
         "match": {"object": "event", "data.object.object": {"exists": True},
                   "^data.object.object": {"not_in": [*_DOCUMENT_OBJECTS, "order"]}},
         "not_a_payment": "a Stripe event about an object that is not a payment"},
        {"name": "list.other_object",
         "match": {"object": ["list", "search_result"], "data.0.object": {"exists": True},
                   "^data.0.object": {"not_in": [*_DOCUMENT_OBJECTS, "order"]}},
         "not_a_payment": "a list of Stripe objects that are not payments"},
        # Before the API error variant: a React Native error's type is the API's, its codes are camelCase.
        _RN_ERROR_VARIANT,
        _ERROR_VARIANT,
        _NODE_ERROR_VARIANT,
        _RN_INTENT_VARIANT,
    ],
}


# Where prepare() leaves an error body's payment_intent.amount when the intent names no currency.
AMOUNT_WITHOUT_CURRENCY_KEY = "_payobs_amount_without_currency"


_CHARGE_ID_PREFIXES = ("ch_", "py_")
# Events whose Charge is the refunded charge (docs.stripe.com/api/events/types: charge.refunded "occurs whenever
# a charge is refunded, including partial refunds"; charge.refund.updated "occurs whenever a refund is updated").
_REFUND_EVENT_TYPES = frozenset({"charge.refunded", "charge.refund.updated"})


def _is_charge(document: Any, bare: bool) -> bool:
    if not isinstance(document, dict):
        return False
    kind = document.get("object")
    if kind == "charge":
        return True
    identifier = document.get("id")
    return bare and kind is None and isinstance(identifier, str) and identifier.startswith(_CHARGE_ID_PREFIXES)


def _refunded_charge(body: dict) -> bool:
    """Whether the payload is a Charge that has been refunded, fully or in part.

    docs.stripe.com/api/charges/object: ``refunded`` "whether the charge has been fully refunded. If the charge is
    only partially refunded, this attribute will still be false"; ``amount_refunded`` the amount refunded. So a
    Charge with ``refunded`` true or a positive ``amount_refunded`` (bare, a list's item, or the object of a
    charge.refunded / charge.refund.updated event; other events about a refunded charge, such as a dispute,
    keep their own reading) is a refund of that charge.
    """
    kind = body.get("object")
    if kind == "event":
        data = body.get("data")
        document = data.get("object") if isinstance(data, dict) else None
        if not _is_charge(document, False):
            return False
        if body.get("type") in _REFUND_EVENT_TYPES:
            return True
        event_type = str(body.get("type") or "")
        if event_type.startswith("charge.dispute.") or event_type == "charge.expired":
            return False
    elif kind in ("list", "search_result"):
        items = body.get("data")
        document = items[0] if isinstance(items, list) and items else None
        if not _is_charge(document, False):
            return False
    elif _is_charge(body, True):
        document = body
    else:
        return False
    refunded = document.get("amount_refunded")
    return document.get("refunded") is True or (
        isinstance(refunded, int) and not isinstance(refunded, bool) and refunded > 0)


# An Event's object as its id names it (docs.stripe.com/api: ch_/py_ Charge, pi_ PaymentIntent, re_/pyr_ Refund,
# dp_/du_ Dispute, cs_ Checkout Session), for an event whose data.object was stored without its "object" key.
_OBJECT_OF_ID_PREFIX = {"ch_": "charge", "py_": "charge", "pi_": "payment_intent", "re_": "refund",
                        "pyr_": "refund", "dp_": "dispute", "du_": "dispute", "cs_": "checkout.session"}


def _event_envelope(body: dict) -> dict:
    """An Event stored as its ``type`` and ``data.object`` only (an integration's copy without ``object``/``id``).

    docs.stripe.com/api/events/object: an Event is {"id": "evt_...", "object": "event", "type", "data": {"object":
    ...}}; integrations (Odoo's payment_stripe among them) keep only ``type`` and ``data.object``. Such a body
    whose object is a Stripe object (its ``object`` or its id's prefix says which) is read as the Event it is.
    """
    if "object" in body or not isinstance(body.get("type"), str):
        return body
    data = body.get("data")
    document = data.get("object") if isinstance(data, dict) else None
    if not isinstance(document, dict):
        return body
    kind = document.get("object")
    if kind is None:
        identifier = document.get("id")
        if isinstance(identifier, str):
            kind = next((k for prefix, k in _OBJECT_OF_ID_PREFIX.items() if identifier.startswith(prefix)), None)
        if kind is None:
            return body
        document = {**document, "object": kind}
    return {**body, "object": "event", "data": {**data, "object": document}}


def _refuse_thin_event(body: dict) -> None:
    """A thin event about a payment object names it without its state: the outcome is to be fetched, not guessed.

    docs.stripe.com/event-destinations (thin events): {"id": "evt_...", "object": "v2.core.event", "type", "created",
    "related_object": {"id", "type", "url"}}; "thin events ... don't include the object's data, you fetch it".
    A thin event about any other object is left to the spec (not a payment).
    """
    if body.get("object") != "v2.core.event":
        return
    related = body.get("related_object")
    kind = related.get("type") if isinstance(related, dict) else None
    if kind in _DOCUMENT_OBJECTS or kind == "order":
        raise UnmappedPayload(NOTIFICATION_WITHOUT_OUTCOME,
                              f"stripe: thin event {body.get('type')} names a {kind} to fetch, not its state")


def _iso_currency(code: Any) -> bool:
    try:
        normalize_currency(code)
    except AmountError:
        return False
    return True


def _client_result(body: dict) -> dict:
    """The object a Stripe.js or React Native SDK result holds.

    docs.stripe.com/js/payment_intents/confirm_card_payment: the result object has either ``paymentIntent`` (the
    PaymentIntent) or ``error``; SetupIntent calls give ``setupIntent``. stripe-react-native's results have the same
    keys, their objects camelCase and without ``object`` (a SetupIntent result is marked as the SetupIntent it is).
    An error result is left as it is (the error variants read it).
    """
    if "object" in body or "error" in body:
        return body
    for key, kind in (("paymentIntent", "payment_intent"), ("setupIntent", "setup_intent")):
        inner = body.get(key)
        if isinstance(inner, dict) and inner:
            if kind == "setup_intent" and "object" not in inner:
                return {**inner, "object": kind}
            return inner
    return body


def prepare(body: Any) -> Any:
    """Mark a refunded Charge; keep an API error body whose PaymentIntent has an amount but no currency an event.

    A Charge refunded fully or in part is marked with REFUNDED_CHARGE_KEY (see _refunded_charge): its row is the
    refund, with the refund's amount.

    An API error body whose embedded PaymentIntent has an amount but no currency, or a currency that is no ISO 4217
    code, stays an event.

    A card_error's ``payment_intent`` is often logged trimmed (docs.stripe.com/api/errors: the error names the
    PaymentIntent; the intent's ``amount`` is in the smallest unit of its ``currency``). An amount without its
    currency is no amount (docs/taxonomy.md: amount_minor is in the currency's minor units), so the amount is
    set aside and the decline is read without one, instead of the row failing with MISSING_CURRENCY.
    Pure: returns a copy when it changes anything.
    """
    if not isinstance(body, dict):
        return body
    body = _client_result(body)
    _refuse_thin_event(body)
    body = _event_envelope(body)
    if _refunded_charge(body):
        return {**body, REFUNDED_CHARGE_KEY: True}
    error = body.get("error")
    intent = error.get("payment_intent") if isinstance(error, dict) else None
    if not isinstance(intent, dict) or intent.get("amount") is None:
        return body
    if intent.get("currency"):
        if _iso_currency(intent["currency"]):
            return body
        # The error is the event; an embedded intent whose currency is no ISO 4217 code (an integration's
        # hand-written copy) gives neither amount nor currency, the decline is read without them.
        intent = {key: value for key, value in intent.items() if key != "currency"}
    trimmed = {key: value for key, value in intent.items() if key != "amount"}
    return {**body, "error": {**error, "payment_intent": trimmed}, AMOUNT_WITHOUT_CURRENCY_KEY: intent["amount"]}
