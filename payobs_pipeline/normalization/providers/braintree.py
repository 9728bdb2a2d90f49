"""Braintree: gateway XML transactions, webhook notifications (``bt_payload``), disputes, GraphQL.

Sources (Braintree developer docs, developer.paypal.com/braintree):
- /docs/reference/response/transaction (status, processor_response_code/type, gateway_rejection_reason,
  payment_instrument_type, credit_card.card_type, amount as a decimal string)
- /docs/reference/general/statuses (every transaction status; failed "an error occurred when sending the transaction
  to the processor": PROCESSING_ERROR when no processor code is given)
- /docs/reference/general/processor-responses/authorization-responses (1000-3000 codes, each marked
  soft or hard)
- /docs/reference/general/processor-responses/settlement-responses (4000-class codes: 4001, 4003-4006, 4018-4026)
- /docs/reference/general/webhooks/transaction, /dispute (notification kinds; the payload is base64 XML)
- /docs/reference/response/dispute (dispute object)
- https://graphql.braintreepayments.com/reference/#enum--transactionstatus (GraphQL statuses, amounts)
- developer.paypal.com/braintree/graphql/reference/types/dispute-status (DisputeStatus ACCEPTED, AUTO_ACCEPTED,
  DISPUTED, EXPIRED, LOST, OPEN, UNDER_REVIEW, WON) and /mutations/accept-dispute (the Dispute's fields: legacyId,
  amountDisputed {value, currencyCode}, amountWon, caseNumber, receivedDate, replyByDate, type, statusHistory)
- braintree_ruby spec/fixtures and lib/braintree/webhook_testing.rb, braintree_python
  braintree/webhook_testing_gateway.py (sample notification XML, old and new dispute formats)
- /docs/reference/request/transaction/search (XML ``<credit-card-transactions type="collection">``)
- developer.paypal.com/braintree/graphql/guides/search and reference (``node`` query, ``search.transactions.edges``,
  MonetaryAmount ``value`` + ``currencyIsoCode``)
- /docs/reference/general/result-objects and /docs/reference/general/validation-errors/all (error result:
  ``<api-error-response>`` with ``message``, ``errors`` nested per resource (``errors.transaction.errors.error``
  ``code``/``attribute``/``message``), ``params`` and, for a processor decline or gateway rejection, the
  ``transaction``; the SDKs' ErrorCodes / ValidationErrorCodes modules name each code)
- developer.paypal.com/braintree/graphql/guides (GraphQL ``errors[].extensions.errorClass`` VALIDATION,
  AUTHENTICATION, AUTHORIZATION, NOT_FOUND, UNSUPPORTED_CLIENT, INTERNAL, SERVICE_AVAILABILITY, RESOURCE_LIMIT,
  UNKNOWN, with ``legacyCode``)
- /docs/reference/general/webhooks/local-payment-methods (local_payment_completed / _funded with the transaction,
  local_payment_expired / _reversed with only ``payment-id``), /webhooks/transaction (refund_failed,
  transaction_reviewed); braintree_node/java/.NET WebhookTestingGateway (sample subjects; library, not tests)
- the legacy iDEAL integration's webhook kinds ideal_payment_complete / ideal_payment_failed (braintree_php
  lib/Braintree/WebhookNotification.php IDEAL_PAYMENT_COMPLETE / IDEAL_PAYMENT_FAILED, the .NET WebhookKind
  "DEPRECATED ... legacy Ideal"; their subject is an ``<ideal-payment>``: id, status, issuer, order-id, currency,
  amount, approval-url, ideal-transaction-id, as the SDKs' IdealPayment model and WebhookTestingGateway sample
  subjects have it): the kind is the outcome, complete an approved bank payment, failed a declined one with no
  reason given.
API errors: a validation error is an ERROR whose code is the first nested validation code (INVALID_REQUEST
unless listed); a declined transaction inside an error response is that transaction's event.
Plain-text error answer (``text_variants``, read only under a Braintree hint): the gateway answers a request
whose API keys it refuses with HTTP 401 and the plain-text body ``HTTP Basic: Access denied.`` (the gateway's Rails
HTTP Basic authentication; recorded in spree_braintree_vzero's VCR cassette
spec/vcr/Spree_Gateway_BraintreeVzero/with_invalid_credentials/raises_Braintree_error.yml); the SDKs raise
AuthenticationError for a 401, "raised when your API keys are incorrect"
(developer.paypal.com/braintree/docs/reference/general/exceptions): an ERROR, CONFIGURATION_ERROR.
Lifecycle identity (/docs/reference/response/transaction: refunded_transaction_id, order_id; /response/dispute:
transaction.id): a sale transaction is the attempt (authorization and settlement are its statuses); a credit
(refund) names the sale it refunds, a dispute its transaction; order_id is the merchant's order (the payment).
credit_card.country_of_issuance is an ISO alpha-3 code ("USA"), which card_country does not take: the
metrics' country falls back to the billing country.
Objects as the SDKs hand them to application code and apps log them as JSON: the Node SDK's camelCase transaction
(processorResponseCode, currencyIsoCode, paymentInstrumentType, gatewayRejectionReason, creditCard.cardType: the
same attributes as /docs/reference/response/transaction, camelCased as the Node SDK names them; that spelling rests
on the Node SDK's attribute names, not a stored docs page) and its result object ({success, message, transaction,
params}: /docs/reference/general/result-objects), whose transaction is read; an error result's Node errors collection
(validationErrors, errorCollections per resource) reads like the other SDKs' JSON error result. Drop-in's and the client SDKs'
tokenization payloads (braintree-web-drop-in Dropin#requestPaymentMethod: nonce, details, type CreditCard /
PayPalAccount / VenmoAccount / ApplePayCard / AndroidPayCard, description, binData, liabilityShifted,
liabilityShiftPossible; /docs/reference/response/payment-method-nonce) are a nonce to charge, no payment:
NOT_A_PAYMENT_EVENT. The type list rests on recollection of the Drop-in reference.
Amounts are major units. The ``prepare`` hook decodes a webhook's ``bt_payload`` and flattens
Braintree's typed XML elements (``<amount type="decimal">``, ``<x nil="true"/>``) to plain values.
"""

import base64
import binascii
import re

from payobs_pipeline.normalization.formats import TEXT_KEY, PayloadParseError, parse_content
from payobs_pipeline.normalization.mapping import NOTIFICATION_WITHOUT_OUTCOME, UnmappedPayload
from payobs_pipeline.normalization.pii import mask_payload

_SOFT = "SOFT"
_HARD = "HARD"

# Drop-in payload types (module docstring) and the Node SDK transaction attributes that name one.
_NONCE_TYPES = ("CreditCard", "PayPalAccount", "VenmoAccount", "ApplePayCard", "AndroidPayCard")
_NODE_KEYS = ("processorResponseCode", "currencyIsoCode", "paymentInstrumentType", "gatewayRejectionReason")


def _code(reason: str, decline_type: str, source: str | None = None) -> dict:
    entry = {"reason": reason, "decline_type": decline_type}
    return {**entry, "source": source} if source else entry


# Processor response codes, with Braintree's own soft/hard marking.
_PROCESSOR_CODES = {
    "2000": _code("GENERIC_DECLINE", _SOFT),  # Do Not Honor
    "2001": _code("INSUFFICIENT_FUNDS", _SOFT),
    "2002": _code("LIMIT_EXCEEDED", _SOFT),
    "2003": _code("LIMIT_EXCEEDED", _SOFT),  # cardholder's activity limit
    "2004": _code("EXPIRED_CARD", _HARD),
    "2005": _code("INVALID_CARD_DATA", _HARD),  # invalid card number
    "2006": _code("INVALID_CARD_DATA", _HARD),  # invalid expiration date
    "2007": _code("INVALID_CARD_DATA", _HARD),  # no account
    "2008": _code("INVALID_CARD_DATA", _HARD),  # card account length error
    "2009": _code("INVALID_CARD_DATA", _HARD),  # no such issuer
    "2010": _code("INCORRECT_CVC", _HARD),  # card issuer declined CVV
    "2011": _code("GENERIC_DECLINE", _HARD),  # voice authorization required
    "2012": _code("LOST_OR_STOLEN_CARD", _HARD),
    "2013": _code("LOST_OR_STOLEN_CARD", _HARD),
    "2014": _code("SUSPECTED_FRAUD", _HARD),
    "2015": _code("TRANSACTION_NOT_PERMITTED", _HARD),
    "2016": _code("DUPLICATE", _SOFT),
    "2017": _code("REVOKED", _HARD),  # cardholder stopped billing
    "2018": _code("REVOKED", _HARD),  # cardholder stopped all billing
    "2019": _code("TRANSACTION_NOT_PERMITTED", _HARD),  # invalid transaction
    "2020": _code("TRANSACTION_NOT_PERMITTED", _HARD),  # violation
    "2021": _code("TRANSACTION_NOT_PERMITTED", _HARD),  # security violation
    "2022": _code("INVALID_CARD_DATA", _HARD, "ISSUER"),  # updated cardholder available
    "2023": _code("CONFIGURATION_ERROR", _HARD),  # processor does not support this feature
    "2024": _code("CONFIGURATION_ERROR", _HARD),  # card type not enabled
    "2025": _code("CONFIGURATION_ERROR", _SOFT),  # set up error - merchant
    "2026": _code("CONFIGURATION_ERROR", _SOFT),  # invalid merchant id
    "2027": _code("INVALID_REQUEST", _HARD),  # set up error - amount
    "2028": _code("CONFIGURATION_ERROR", _HARD),  # set up error - hierarchy
    "2029": _code("INVALID_CARD_DATA", _HARD),  # set up error - card
    "2030": _code("CONFIGURATION_ERROR", _HARD),  # set up error - terminal
    "2031": _code("PROCESSING_ERROR", _HARD),  # encryption error
    "2032": _code("TRANSACTION_NOT_PERMITTED", _HARD),  # surcharge not permitted
    "2033": _code("PROCESSING_ERROR", _HARD),  # inconsistent data
    "2034": _code("GENERIC_DECLINE", _SOFT),  # no action taken
    "2035": _code("LIMIT_EXCEEDED", _SOFT),  # partial approval (group III)
    "2036": _code("INVALID_REQUEST", _HARD),  # authorization could not be found
    "2037": _code("INVALID_REQUEST", _HARD),  # already reversed
    "2038": _code("GENERIC_DECLINE", _SOFT),  # processor declined
    "2039": _code("INVALID_REQUEST", _HARD),  # invalid authorization code
    "2040": _code("CONFIGURATION_ERROR", _SOFT),  # invalid store
    "2041": _code("GENERIC_DECLINE", _HARD),  # call for approval
    "2042": _code("CONFIGURATION_ERROR", _SOFT),  # invalid client id
    "2043": _code("GENERIC_DECLINE", _HARD),  # do not retry, call issuer
    "2044": _code("GENERIC_DECLINE", _HARD),  # call issuer
    "2045": _code("CONFIGURATION_ERROR", _HARD),  # invalid merchant number
    "2046": _code("GENERIC_DECLINE", _SOFT),  # declined
    "2047": _code("LOST_OR_STOLEN_CARD", _HARD),  # call issuer, pick up card
    "2048": _code("INVALID_REQUEST", _SOFT),  # invalid amount
    "2049": _code("INVALID_REQUEST", _HARD),  # invalid SKU number
    "2050": _code("TRANSACTION_NOT_PERMITTED", _HARD),  # invalid credit plan
    "2051": _code("INVALID_CARD_DATA", _HARD),  # number does not match method of payment
    "2052": _code("INVALID_REQUEST", _HARD),  # invalid level III purchase
    "2053": _code("LOST_OR_STOLEN_CARD", _HARD),
    "2054": _code("INVALID_REQUEST", _HARD),  # reversal amount mismatch
    "2055": _code("CONFIGURATION_ERROR", _HARD),  # invalid transaction division number
    "2056": _code("LIMIT_EXCEEDED", _HARD),  # exceeds transaction division limit
    "2057": _code("RESTRICTED_CARD", _SOFT),  # issuer or cardholder restriction
    "2058": _code("CONFIGURATION_ERROR", _HARD),  # merchant not SecureCode enabled
    "2059": _code("INVALID_CARD_DATA", _HARD),  # address verification failed
    "2060": _code("INCORRECT_CVC", _HARD),  # AVS and card security code failed
    "2061": _code("INVALID_CARD_DATA", _HARD),  # invalid transaction data
    "2062": _code("INVALID_REQUEST", _SOFT),  # invalid tax amount
    "2063": _code("CONFIGURATION_ERROR", _HARD),  # PayPal business account preference
    "2064": _code("TRANSACTION_NOT_PERMITTED", _HARD),  # invalid currency code
    "2065": _code("INVALID_REQUEST", _HARD),  # refund time limit exceeded
    "2066": _code("CONFIGURATION_ERROR", _HARD),  # PayPal business account restricted
    "2067": _code("INVALID_REQUEST", _HARD),  # authorization expired
    "2068": _code("CONFIGURATION_ERROR", _HARD),  # PayPal business account locked or closed
    "2069": _code("DUPLICATE", _HARD),  # PayPal blocking duplicate order ids
    "2070": _code("REVOKED", _HARD),  # buyer revoked pre-approved payment authorization
    "2071": _code("CONFIGURATION_ERROR", _HARD),
    "2072": _code("CONFIGURATION_ERROR", _HARD),
    "2073": _code("INVALID_REQUEST", _HARD),  # PayPal validation error
    "2074": _code("GENERIC_DECLINE", _HARD),  # funding instrument declined
    "2075": _code("RESTRICTED_CARD", _HARD),  # payer account locked or closed
    "2076": _code("TRANSACTION_NOT_PERMITTED", _HARD),  # payer cannot pay with PayPal
    "2077": _code("RISK_REJECTED", _HARD, "PSP_RISK"),  # refused by PayPal risk model
    "2078": _code("AUTHENTICATION_FAILED", _SOFT),  # invalid secure payment data
    "2079": _code("CONFIGURATION_ERROR", _HARD),
    "2080": _code("CONFIGURATION_ERROR", _SOFT),  # invalid user credentials
    "2081": _code("CONFIGURATION_ERROR", _HARD),  # PayPal pending payments not supported
    "2082": _code("TRANSACTION_NOT_PERMITTED", _HARD),  # domestic transaction required
    "2083": _code("INVALID_REQUEST", _HARD),  # phone number required
    "2084": _code("CONFIGURATION_ERROR", _HARD),  # tax info required
    "2085": _code("RISK_REJECTED", _HARD, "MERCHANT_RISK"),  # payee blocked transaction
    "2086": _code("LIMIT_EXCEEDED", _HARD),
    "2087": _code("CONFIGURATION_ERROR", _HARD),
    "2088": _code("CONFIGURATION_ERROR", _HARD),
    "2089": _code("CONFIGURATION_ERROR", _HARD),
    "2090": _code("CONFIGURATION_ERROR", _HARD),
    "2091": _code("CONFIGURATION_ERROR", _HARD),
    "2092": _code("INVALID_CARD_DATA", _SOFT),  # no data found, try another verification method
    "2093": _code("INVALID_CARD_DATA", _HARD),  # PayPal payment method invalid
    "2094": _code("DUPLICATE", _HARD),  # PayPal payment already completed
    "2095": _code("INVALID_REQUEST", _HARD),
    "2096": _code("INVALID_REQUEST", _HARD),  # buyer same as seller
    "2097": _code("LIMIT_EXCEEDED", _HARD),
    "2098": _code("LIMIT_EXCEEDED", _HARD),
    "2099": _code("AUTHENTICATION_REQUIRED", _SOFT),  # cardholder authentication required
    "2100": _code("CONFIGURATION_ERROR", _HARD),
    "2101": _code("AUTHENTICATION_REQUIRED", _SOFT),  # additional authorization required
    "2102": _code("AUTHENTICATION_FAILED", _SOFT),  # incorrect PIN
    "2103": _code("AUTHENTICATION_FAILED", _SOFT),  # PIN try exceeded
    "2104": _code("GENERIC_DECLINE", _SOFT),  # offline issuer declined
    "2105": _code("INVALID_CARD_DATA", _SOFT),  # cannot authorize (life cycle)
    "2106": _code("TRANSACTION_NOT_PERMITTED", _SOFT),  # cannot authorize (policy)
    "2107": _code("RESTRICTED_CARD", _HARD),  # card not activated
    "2108": _code("INVALID_CARD_DATA", _HARD),  # closed card
    "3000": _code("PROCESSING_ERROR", _SOFT),  # processor network unavailable
    # Settlement responses.
    "4001": _code("GENERIC_DECLINE", _SOFT),  # settlement declined
    "4005": _code("RISK_REJECTED", _HARD, "PSP_RISK"),  # PayPal risk rejected
    "4006": _code("LIMIT_EXCEEDED", _HARD),  # capture amount exceeded allowable limit
    "4003": _code("INVALID_REQUEST", _HARD),  # already captured
    "4004": _code("INVALID_REQUEST", _HARD),  # already refunded
    "4018": _code("CONFIGURATION_ERROR", _HARD),  # PayPal pending payments not supported (PayPal account set-up)
    "4019": _code("TRANSACTION_NOT_PERMITTED", _HARD),  # PayPal refund with an open dispute not allowed
    "4020": _code("LIMIT_EXCEEDED", _HARD),  # PayPal refund attempt limit reached
    "4021": _code("TRANSACTION_NOT_PERMITTED", _HARD),  # PayPal refund transaction not allowed (this type)
    "4022": _code("INVALID_REQUEST", _HARD),  # PayPal refund invalid partial amount
    "4023": _code("CONFIGURATION_ERROR", _HARD),  # PayPal refund: merchant account missing a verified bank (ACH)
    "4024": _code("INVALID_REQUEST", _HARD),  # refund time limit exceeded (180 days after the sale)
    "4025": _code("RESTRICTED_CARD", _HARD),  # payer's PayPal account is locked or closed
    "4026": _code("CONFIGURATION_ERROR", _HARD),  # PayPal/Venmo account not set to refund more than settled
}

# gateway_rejection_reason: Braintree's gateway refused before asking the bank.
_GATEWAY_REJECTIONS = {
    "fraud": {"reason": "RISK_REJECTED", "source": "PSP_RISK"},
    "risk_threshold": {"reason": "RISK_REJECTED", "source": "PSP_RISK"},
    # AVS/CVV rules the merchant set; the shopper's data failed them.
    "avs": {"reason": "INVALID_CARD_DATA", "source": "CUSTOMER"},
    "cvv": {"reason": "INCORRECT_CVC", "source": "CUSTOMER"},
    "avs_and_cvv": {"reason": "INCORRECT_CVC", "source": "CUSTOMER"},
    "duplicate": "DUPLICATE",
    "three_d_secure": "AUTHENTICATION_FAILED",
    "application_incomplete": "CONFIGURATION_ERROR",
    "token_issuance": "PROCESSING_ERROR",
    "excessive_retry": {"reason": "LIMIT_EXCEEDED", "source": "PSP_RISK", "decline_type": _HARD},
}
REASONS = {**_PROCESSOR_CODES, **_GATEWAY_REJECTIONS}

STATUSES = {
    "authorized": "APPROVED",
    "submitted_for_settlement": "APPROVED",
    "settling": "APPROVED",
    "settled": "APPROVED",
    "settlement_pending": "APPROVED",
    "settlement_confirmed": "APPROVED",
    "authorizing": "PENDING",
    "processor_declined": "DECLINED",
    "gateway_rejected": "DECLINED",
    "settlement_declined": "DECLINED",
    "failed": "ERROR",
    "voided": "CANCELLED",
    "authorization_expired": "CANCELLED",
}

PAYMENT_METHODS = {
    "credit_card": "CARD",
    "creditcarddetails": "CARD",
    **dict.fromkeys(
        ["paypal_account", "paypal_here", "apple_pay_card", "android_pay_card", "google_pay_card", "venmo_account",
         "samsung_pay_card", "visa_checkout_card", "masterpass_card", "meta_checkout_card", "meta_checkout_token",
         "paypalaccountdetails", "applepaycarddetails", "googlepaycarddetails", "venmoaccountdetails",
         # GraphQL's snapshot of a PayPal payment is PayPalTransactionDetails (PayPalAccountDetails is the vaulted account).
         "paypaltransactiondetails", "samsungpaycarddetails", "visacheckoutcarddetails"],
        "WALLET",
    ),
    **dict.fromkeys(["us_bank_account", "sepa_debit_account", "usbankaccountdetails", "sepadirectdebitaccountdetails"],
                    "DIRECT_DEBIT"),
    # Local payment methods: iDEAL, Bancontact, Sofort, BLIK, P24, MyBank ... bank redirects.
    **dict.fromkeys(["local_payment", "localpaymentdetails"], "BANK_TRANSFER"),
}

_TRANSACTION_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status"],
    # A gateway rejection often carries the processor's 1000 "Approved", and so does a declined
    # settlement: the rejection reason and the settlement code go before the authorization code.
    "reason_code": ["gateway-rejection-reason", "processor-settlement-response-code", "processor-response-code",
                    "gateway_rejection_reason", "processor_settlement_response_code", "processor_response_code"],
    "decline_type": ["processor-response-type", "processor_response_type"],
    "amount": ["amount"],
    "currency": ["currency-iso-code", "currency_iso_code"],
    "event_time": ["^notification.timestamp", "updated-at", "created-at", "updated_at", "created_at"],
    "payment_method": ["payment-instrument-type", "payment_instrument_type"],
    # The SDKs expose the card as credit_card_details (Python/Ruby attribute names).
    "card_brand": ["credit-card.card-type", "credit_card.card_type", "credit_card_details.card_type"],
    "card_country": ["credit-card.country-of-issuance", "credit_card.country_of_issuance",
                     "credit_card_details.country_of_issuance"],
    "customer_country": ["billing.country-code-alpha2", "billing_details.country_code_alpha2"],
    "merchant_id": ["merchant-account-id", "merchant_account_id"],
    # A credit (refund) names the sale it refunds; any other transaction is its own attempt.
    "attempt_id": ["refunded-transaction-id", "refunded_transaction_id", "id"],
    "payment_id": ["order-id", "order_id"],
}
_TRANSACTION_RULES = [
    # 3000: the processor network was down, the bank never answered.
    {"when": {"processor-response-code": "3000"}, "set": {"status_category": "ERROR"}},
    {"when": {"processor_response_code": "3000"}, "set": {"status_category": "ERROR"}},
    # failed: "An error occurred when sending the transaction to the processor" (/docs/reference/general/statuses):
    # a technical failure, when no processor code says more.
    {"when": {"status": "failed", "processor-response-code": {"exists": False},
              "processor_response_code": {"exists": False}},
     "set": {"failure_reason": "PROCESSING_ERROR", "failure_source": "TECHNICAL"}},
    # A credit is a refund of an earlier sale.
    {"when": {"type": "credit"}, "set": {"event_kind": "REFUND"}},
    {"when": {"type": "credit", "status": ["submitted_for_settlement", "settling", "settled", "settlement_pending",
                                           "authorized"]},
     "set": {"status_category": "REFUNDED"}},
    # A refund the processor declined, the gateway rejected or that failed: the refund did not happen.
    {"when": {"type": "credit", "status": ["processor_declined", "gateway_rejected", "settlement_declined", "failed"]},
     "set": {"status_category": "DECLINED"}},
    # voided / authorization_expired: an authorized sale released before settlement.
    {"when": {"type": "sale", "status": ["voided", "authorization_expired"]}, "set": {"event_kind": "VOID"}},
    {"when": {"^notification.kind": ["transaction_settlement_declined"]}, "set": {"status_category": "DECLINED"}},
    # refund_failed: the credit named in the notification did not happen.
    {"when": {"^notification.kind": "refund_failed"}, "set": {"status_category": "DECLINED", "event_kind": "REFUND"}},
    # gateway_rejection_reason three_d_secure: options.three_d_secure.required (default true) "indicate[s] whether or
    # not 3D Secure verification must succeed before creating a transaction" (developer.paypal.com/braintree/docs/
    # guides/3d-secure/server-side). A transaction with no three_d_secure_info ("this means that the nonce was not 3D
    # Secured") was refused because no authentication was done: a step-up is needed (AUTHENTICATION_REQUIRED); one
    # whose three_d_secure_info is there went through 3D Secure and failed it (AUTHENTICATION_FAILED, the map's).
    {"when": {"gateway-rejection-reason": "three_d_secure", "three-d-secure-info": {"exists": False}},
     "set": {"failure_reason": "AUTHENTICATION_REQUIRED"}},
    {"when": {"gateway_rejection_reason": "three_d_secure", "three_d_secure_info": {"exists": False}},
     "set": {"failure_reason": "AUTHENTICATION_REQUIRED"}},
]
# Legacy iDEAL notification kinds and the outcome each reports.
IDEAL_PAYMENT_KINDS = {"ideal_payment_complete": "APPROVED", "ideal_payment_failed": "DECLINED"}
_IDEAL_PAYMENT_FIELDS = {
    "provider_transaction_id": ["id"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["^notification.timestamp", "created-at"],
    "attempt_id": ["id"],
    "payment_id": ["order-id"],
}
_DISPUTE_FIELDS = {
    # The dispute's own id; the disputed transaction is its parent (as a refund's would be).
    "provider_transaction_id": ["id", "transaction.id"],
    "reason_code": ["reason"],
    "amount": ["amount-disputed", "amount"],
    "currency": ["currency-iso-code"],
    "event_time": ["^notification.timestamp", "updated-at", "received-date", "created-at"],
    "merchant_id": ["merchant-account-id"],
    "attempt_id": ["transaction.id"],
    "payment_id": ["transaction.order-id"],
}

# Notification kinds whose subject is not a payment: payouts to the merchant, account and vault
# changes, subscription lifecycle without a charge, the dashboard's "check" test message.
_NOT_PAYMENT_KINDS = [
    "check", "disbursement", "disbursement_exception", "sub_merchant_account_approved", "sub_merchant_account_declined",
    "partner_merchant_connected", "partner_merchant_disconnected", "partner_merchant_declined", "oauth_access_revoked",
    "connected_merchant_status_transitioned", "connected_merchant_paypal_status_changed", "account_updater_daily_report",
    "payment_method_revoked_by_customer", "granted_payment_method_revoked", "granted_payment_instrument_update",
    "grantor_updated_granted_payment_method", "recipient_updated_granted_payment_method",
    "payment_method_customer_data_updated", "subscription_canceled", "subscription_expired", "subscription_went_active",
    "subscription_went_past_due", "subscription_trial_ended", "subscription_billing_skipped",
]
# transaction_reviewed (Fraud Protection Advanced): the subject is a review (transaction-id, decision, reviewer),
# not the transaction: its status is fetched, never guessed from the review.
_FETCH_ONLY_KINDS = ("transaction_reviewed",)
# A refund is a transaction of type credit: it happened unless it was refused or voided.
_REFUND_STATUSES = {**dict.fromkeys(STATUSES, "REFUNDED"),
                    **dict.fromkeys(["processor_declined", "gateway_rejected", "settlement_declined", "failed"],
                                    "DECLINED"),
                    "voided": "CANCELLED"}

# Resources an error result nests its validation errors under (developer.paypal.com/braintree/docs/reference/
# general/validation-errors/all: Transaction, Customer, CreditCard, Address, PaymentMethod, Subscription,
# MerchantAccount, Verification ...), in the JSON form's spelling.
_ERROR_RESOURCES = ("transaction", "customer", "credit_card", "payment_method", "subscription", "merchant_account",
                    "address", "verification", "paypal_account")
# CreditCardVerification.status (/docs/reference/response/credit-card-verification).
_VERIFICATION_STATUSES = {"verified": "APPROVED", "processor_declined": "DECLINED", "gateway_rejected": "DECLINED",
                          "failed": "ERROR"}

# <api-error-response>: the gateway refused the request (validation errors, HTTP 422). Its errors are nested
# per resource (errors.transaction.errors.error, errors.transaction.credit-card.errors.error ...); prepare()
# leaves the first code under ERROR_CODE_KEY. A processor decline or gateway rejection comes as the same element
# with the declined <transaction> inside: that transaction is the event.
ERROR_CODE_KEY = "payobs_validation_code"
# Validation error codes (developer.paypal.com/braintree/docs/reference/general/validation-errors/all; the SDKs'
# ErrorCodes): all are request validation (INVALID_REQUEST) but these.
_VALIDATION_CODES = {
    # Transaction: the merchant account cannot take it (MerchantAccountIdIsInvalid 91513, MerchantAccountIsSuspended
    # 91514, CannotRefundWithSuspendedMerchantAccount 91538, MerchantAccountDoesNotSupportRefunds 91547,
    # MerchantAccountDoesNotSupportMOTO 91558, CannotRefundWithPendingMerchantAccount 91559,
    # CurrencyCodeNotSupportedByMerchantAccount 915214, ProcessorDoesNotSupportVoiceAuthorizations 91545,
    # ProcessorDoesNotSupportCredits 91546).
    **dict.fromkeys(["91513", "91514", "91538", "91547", "91558", "91559", "915214", "91545", "91546"],
                    "CONFIGURATION_ERROR"),
    # A card or payment method type the merchant does not accept (CustomerDefaultPaymentMethodCardTypeIsNotAccepted
    # 81509, PaymentMethodTokenCardTypeIsNotAccepted 91517, PaymentMethodNonceCardTypeIsNotAccepted 91567,
    # CreditCard CreditCardTypeIsNotAccepted 81703, ...BySubscriptionMerchantAccount 81718, ApplePay 83518).
    **dict.fromkeys(["81509", "91517", "91567", "81703", "81718", "83518"], "TRANSACTION_NOT_PERMITTED"),
    # CreditCard: the card data sent is invalid (ExpirationDateIsRequired 81709, ExpirationDateIsInvalid 81710,
    # ExpirationDateYearIsInvalid 81711, ExpirationMonthIsInvalid 81712, ExpirationYearIsInvalid 81713,
    # NumberIsRequired 81714, NumberIsInvalid 81715, NumberHasInvalidLength 81716, NumberMustBeTestNumber 81717).
    **dict.fromkeys(["81709", "81710", "81711", "81712", "81713", "81714", "81715", "81716", "81717"],
                    "INVALID_CARD_DATA"),
    # CreditCard CvvIsInvalid 81707, CvvVerificationFailed 81736: the CVV sent is wrong. CvvIsRequired 81706
    # ("CVV is required.") is a field the request left out: the request's (INVALID_REQUEST, below).
    **dict.fromkeys(["81707", "81736"], "INCORRECT_CVC"),
    "81706": "INVALID_REQUEST",
    # Transaction amount and state (AmountCannotBeNegative 81501, AmountIsRequired 81502, AmountIsInvalid 81503,
    # AmountIsTooLarge 81528, AmountMustBeGreaterThanZero 81531, AmountNotSupportedByProcessor 815193,
    # AmountDoesNotMatch3DSecureAmount 91585, CannotBeVoided 91504, CannotRefundCredit 91505,
    # CannotRefundUnlessSettled 91506, HasAlreadyBeenRefunded 91512, PaymentMethodNonceConsumed 91564,
    # PaymentMethodNonceUnknown 91565, PaymentMethodNonceLocked 91566): the request's.
    **dict.fromkeys(["81501", "81502", "81503", "81528", "81531", "815193", "91585", "91504", "91505", "91506",
                     "91512", "91564", "91565", "91566"], "INVALID_REQUEST"),
}
# GraphQL ``errors[].extensions.errorClass`` (developer.paypal.com/braintree/graphql/reference: error classes).
_GRAPHQL_ERROR_CLASSES = {
    "VALIDATION": "INVALID_REQUEST",
    "NOT_FOUND": "INVALID_REQUEST",
    "AUTHENTICATION": "CONFIGURATION_ERROR",
    "AUTHORIZATION": "CONFIGURATION_ERROR",
    "UNSUPPORTED_CLIENT": "CONFIGURATION_ERROR",
    "INTERNAL": "PROCESSING_ERROR",
    "SERVICE_AVAILABILITY": "PROCESSING_ERROR",
    "RESOURCE_LIMIT": "PROCESSING_ERROR",
    "UNKNOWN": "UNKNOWN",
}

# GraphQL LocalPaymentContext (developer.paypal.com/braintree/graphql/reference/types/local-payment-context): a local
# payment the buyer approves at approvalUrl. It has no status: approvedAt "when the local payment context was
# approved by the customer", transactedAt "when the local payment context was used to create a transaction",
# expiredAt "when the local payment context was expired". Its type is a LocalPaymentMethodType
# (.../types/local-payment-method-type), read here as the taxonomy's method families.
_LOCAL_PAYMENT_TYPES = {
    **dict.fromkeys(["alipay", "bancomatpay", "bizum", "grabpay", "mbway", "satispay", "skrill", "swish", "twint",
                     "vipps", "wechat_pay"], "WALLET"),
    **dict.fromkeys(["bancontact", "blik", "eps", "giropay", "ideal", "mybank", "p24", "sofort", "trustly",
                     "verkkopankki"], "BANK_TRANSFER"),
    **dict.fromkeys(["klarna", "pay_upon_invoice", "blik_pay_later"], "BNPL"),
    **dict.fromkeys(["multibanco", "oxxo", "oxxo_pay"], "CASH_VOUCHER"),
    "boletobancario": "BOLETO",
    "pix_international": "PIX",
    "sepa": "DIRECT_DEBIT",
    **dict.fromkeys(["crypto", "payu"], "OTHER"),
}
LOCAL_PAYMENT_CONTEXT_KEY = "graphql_local_payment_context"
_LOCAL_PAYMENT_MUTATIONS = ("createLocalPaymentContext", "createNonInstantLocalPaymentContext")

_GRAPHQL_MUTATIONS = ("chargePaymentMethod", "chargeCreditCard", "authorizePaymentMethod", "authorizeCreditCard",
                      "chargePayPalAccount", "chargeVenmoAccount", "captureTransaction", "refundTransaction")

_BASIC_AUTH_DENIED = "HTTP Basic: Access denied."

SPEC = {
    "provider": "braintree",
    "aliases": ["braintree", "braintree_gateway", "braintreepayments", "bt"],
    "detect": [
        {"path": "bt_signature", "exists": True, "weight": 0.6},
        {"path": "bt_payload", "exists": True, "weight": 0.4},
        {"path": "transaction.processor-response-code", "exists": True, "weight": 0.6},
        {"path": "transaction.merchant-account-id", "exists": True, "weight": 0.3},
        {"path": "transaction.payment-instrument-type", "exists": True, "weight": 0.3},
        {"path": "transaction.currency-iso-code", "exists": True, "weight": 0.2},
        {"path": "notification.kind", "exists": True, "weight": 0.5},
        {"path": "notification.subject", "exists": True, "weight": 0.3},
        {"path": "dispute.amount-disputed", "exists": True, "weight": 0.6},
        # Dispute.Kind (chargeback, pre_arbitration, retrieval) and received-date, when
        # the stored dispute omits amount-disputed.
        {"path": "dispute.kind", "in": ["chargeback", "pre_arbitration", "retrieval"], "weight": 0.4},
        {"path": "dispute.received-date", "exists": True, "weight": 0.2},
        {"path": "processor_response_code", "exists": True, "weight": 0.3},
        {"path": "merchant_account_id", "exists": True, "weight": 0.2},
        {"path": "payment_instrument_type", "exists": True, "weight": 0.3},
        {"path": "paymentMethodSnapshot", "exists": True, "weight": 0.3},
        {"path": "legacyId", "exists": True, "weight": 0.3},
        *({"path": f"data.{m}.transaction.legacyId", "exists": True, "weight": 0.8} for m in _GRAPHQL_MUTATIONS),
        {"path": "data.node.legacyId", "exists": True, "weight": 0.5},
        # A GraphQL Dispute: amountDisputed and its DisputeStatusEvent history are the Dispute type's own names.
        {"path": "amountDisputed.currencyCode", "exists": True, "weight": 0.4},
        {"path": "statusHistory.0.__typename", "in": ["DisputeStatusEvent"], "weight": 0.3},
        {"path": "data.node.amountDisputed.currencyCode", "exists": True, "weight": 0.8},
        *({"path": f"data.{m}.dispute.amountDisputed.currencyCode", "exists": True, "weight": 0.8}
          for m in ("acceptDispute", "finalizeDispute")),
        {"path": "data.refundTransaction.refund.legacyId", "exists": True, "weight": 0.8},
        {"path": "data.node.paymentMethodSnapshot", "exists": True, "weight": 0.3},
        {"path": "data.search.transactions.edges.0.node.legacyId", "exists": True, "weight": 0.8},
        # Gateway XML search result (one page of transactions).
        {"path": "credit-card-transactions.transaction.processor-response-code", "exists": True, "weight": 0.6},
        {"path": "credit-card-transactions.transaction.currency-iso-code", "exists": True, "weight": 0.2},
        # A transaction serialized from the SDK: a gateway rejection has no processor code.
        {"path": "gateway_rejection_reason", "exists": True, "weight": 0.3},
        {"path": "currency_iso_code", "exists": True, "weight": 0.2},
        {"path": "api-error-response.errors", "exists": True, "weight": 0.8},
        # The same error result as JSON (the SDKs' ErrorResult: "errors" keyed by resource, each with its own
        # "errors" list of {attribute, code, message}, beside "message" and "params";
        # developer.paypal.com/braintree/docs/reference/general/result-objects).
        *({"path": f"errors.{resource}.errors", "exists": True, "weight": 0.4} for resource in _ERROR_RESOURCES),
        {"path": "params", "exists": True, "weight": 0.1},
        *({"path": f"errors.errorCollections.{resource}.validationErrors", "exists": True, "weight": 0.4}
          for resource in ("transaction", "customer", "creditCard", "paymentMethod", "subscription", "verification")),
        {"path": "api-error-response.transaction.status", "exists": True, "weight": 0.8},
        {"path": "api-error-response.verification.status", "exists": True, "weight": 0.8},
        {"path": "errors.0.extensions.errorClass", "in": list(_GRAPHQL_ERROR_CLASSES), "weight": 0.4},
        # A GraphQL error carrying the gateway's legacy validation code (developer.paypal.com/braintree/graphql guides).
        {"path": "errors.0.extensions.legacyCode", "exists": True, "weight": 0.2},
        # The Node SDK's camelCase transaction and result object (module docstring).
        {"path": "processorResponseCode", "exists": True, "weight": 0.2},
        {"path": "currencyIsoCode", "exists": True, "weight": 0.2},
        {"path": "paymentInstrumentType", "exists": True, "weight": 0.3},
        {"path": "gatewayRejectionReason", "exists": True, "weight": 0.3},
        {"path": "transaction.processorResponseCode", "exists": True, "weight": 0.3},
        {"path": "transaction.currencyIsoCode", "exists": True, "weight": 0.2},
        {"path": "transaction.paymentInstrumentType", "exists": True, "weight": 0.3},
        # A Drop-in / client SDK tokenization payload (module docstring): refused as no payment.
        {"path": "nonce", "exists": True, "weight": 0.2},
        {"path": "type", "in": list(_NONCE_TYPES), "weight": 0.2},
        {"path": "binData", "exists": True, "weight": 0.2},
        {"path": "details.lastFour", "exists": True, "weight": 0.1},
        {"path": "details.payerId", "exists": True, "weight": 0.1},
        {"path": "liabilityShiftPossible", "exists": True, "weight": 0.1},
        {"path": "data.node.approvalUrl", "exists": True, "weight": 0.2},
        *({"path": f"data.{m}.paymentContext.legacyId", "exists": True, "weight": 0.8} for m in _LOCAL_PAYMENT_MUTATIONS),
        {"path": "extensions.requestId", "exists": True, "weight": 0.2},
    ],
    "amount_unit": "major",
    "status_map": STATUSES,
    "reason_map": REASONS,
    "payment_method_map": PAYMENT_METHODS,
    "decline_type_map": {"soft_declined": _SOFT, "hard_declined": _HARD},
    # The gateway's plain-text 401 answer (module docstring): its text is the raw reason code.
    "text_variants": [
        {"name": "http_401.basic_auth_denied", "match": {TEXT_KEY: _BASIC_AUTH_DENIED}, "status": "ERROR",
         "fields": {"reason_code": TEXT_KEY}, "reason_map": {_BASIC_AUTH_DENIED: "CONFIGURATION_ERROR"}},
    ],
    "variants": [
        {"name": "client.payment_method_nonce", "match": {"nonce": {"exists": True}, "type": list(_NONCE_TYPES)},
         "not_a_payment": "a Drop-in / client SDK tokenization payload: a nonce to charge, not a payment"},
        {"name": "webhook.not_a_payment", "match": {"notification.kind": _NOT_PAYMENT_KINDS},
         "not_a_payment": "a Braintree notification about payouts, accounts, vaulted methods or a subscription's state"},
        {"name": "webhook.transaction", "root": "notification.subject.transaction",
         "match": {"notification.subject.transaction": {"exists": True}},
         "fields": _TRANSACTION_FIELDS, "rules": _TRANSACTION_RULES},
        # subscription_charged_(un)successfully: the charge is the subscription's latest transaction.
        {"name": "webhook.subscription_charge", "root": "notification.subject.subscription.transactions.transaction",
         "match": {"notification.subject.subscription.transactions.transaction.status": {"exists": True}},
         "fields": _TRANSACTION_FIELDS, "rules": _TRANSACTION_RULES},
        # local_payment_completed: an iDEAL/Bancontact/... bank redirect and the transaction it produced.
        {"name": "webhook.local_payment", "root": "notification.subject.local-payment.transaction",
         "match": {"notification.subject.local-payment.transaction.status": {"exists": True}},
         "fields": _TRANSACTION_FIELDS, "rules": _TRANSACTION_RULES, "default_payment_method": "BANK_TRANSFER"},
        # Legacy iDEAL: the notification's kind is the payment's outcome (module docstring).
        *({"name": f"webhook.{kind}", "root": "notification.subject.ideal-payment",
           "match": {"notification.kind": kind, "notification.subject.ideal-payment": {"exists": True}},
           "fields": _IDEAL_PAYMENT_FIELDS, "status": status, "default_payment_method": "BANK_TRANSFER"}
          for kind, status in IDEAL_PAYMENT_KINDS.items()),
        {"name": "webhook.dispute", "root": "notification.subject.dispute",
         "match": {"notification.subject.dispute": {"exists": True}},
         "fields": _DISPUTE_FIELDS, "status": "CHARGEBACK", "event_kind": "DISPUTE"},
        # local_payment_funded: the bank redirect's money arrived, with the transaction it produced.
        {"name": "webhook.local_payment", "root": "notification.subject.local-payment-funded.transaction",
         "match": {"notification.subject.local-payment-funded.transaction.status": {"exists": True}},
         "fields": _TRANSACTION_FIELDS, "rules": _TRANSACTION_RULES, "default_payment_method": "BANK_TRANSFER"},
        # local_payment_expired / local_payment_reversed: the buyer's bank payment never became a transaction
        # (not completed in time, or returned before one was created): the payment is cancelled.
        *({"name": "webhook.local_payment_cancelled", "root": f"notification.subject.{subject}",
           "match": {f"notification.subject.{subject}.payment-id": {"exists": True}},
           "fields": {"provider_transaction_id": ["payment-id"], "event_time": ["^notification.timestamp"]},
           "status": "CANCELLED", "event_kind": "PAYMENT", "default_payment_method": "BANK_TRANSFER"}
          for subject in ("local-payment-expired", "local-payment-reversed")),
        {"name": "transaction", "root": "transaction", "match": {"transaction.status": {"exists": True}},
         "fields": _TRANSACTION_FIELDS, "rules": _TRANSACTION_RULES},
        # A card verification refused as <api-error-response> with its <verification> (creating or updating a
        # payment method with verify_card: /docs/reference/response/credit-card-verification, status verified /
        # processor_declined / gateway_rejected / failed, processor_response_code, gateway_rejection_reason,
        # amount, currency_iso_code; /docs/reference/general/result-objects: "credit_card_verification" on an
        # error result). The verification is an authorization of the card at its issuer (its amount, often 0 or
        # 1.00, is authorized and released), so it is read as one; a verification is always of a card.
        {"name": "api_error.verification", "root": "api-error-response.verification",
         "match": {"api-error-response.verification.status": {"exists": True}},
         "fields": _TRANSACTION_FIELDS, "status_map": _VERIFICATION_STATUSES, "default_payment_method": "CARD",
         "rules": [{"when": {"processor-response-code": "3000"}, "set": {"status_category": "ERROR"}}]},
        {"name": "verification", "root": "verification",
         "match": {"verification.status": list(_VERIFICATION_STATUSES),
                   "verification.processor-response-code": {"exists": True}},
         "fields": _TRANSACTION_FIELDS, "status_map": _VERIFICATION_STATUSES, "default_payment_method": "CARD",
         "rules": [{"when": {"processor-response-code": "3000"}, "set": {"status_category": "ERROR"}}]},
        # Validation errors on a follow-up call (submit_for_settlement, refund, void: general/validation-errors/all,
        # e.g. 91522 settlement amount too large) come with the transaction as it still stands (authorized,
        # settled ...): the call was refused, the transaction did not change. Its amount and currency are read;
        # the status is the refused request's.
        {"name": "api_error.validation_on_transaction", "root": "api-error-response.transaction",
         "match": {"api-error-response.transaction.status": [k for k, v in STATUSES.items()
                                                             if v not in ("DECLINED", "ERROR")],
                   ERROR_CODE_KEY: {"exists": True}},
         "status": "ERROR",
         "fields": {**_TRANSACTION_FIELDS, "reason_code": [f"^{ERROR_CODE_KEY}"]},
         "reason_map": _VALIDATION_CODES,
         "rules": [{"when": {f"^{ERROR_CODE_KEY}": {"exists": True}, f"^{ERROR_CODE_KEY}_known": {"exists": False}},
                    "set": {"failure_reason": "INVALID_REQUEST"}}]},
        # A processor decline or gateway rejection returned as <api-error-response> with its transaction.
        {"name": "api_error.transaction", "root": "api-error-response.transaction",
         "match": {"api-error-response.transaction.status": {"exists": True}},
         "fields": _TRANSACTION_FIELDS, "rules": _TRANSACTION_RULES},
        {"name": "api_error", "root": "api-error-response", "match": {"api-error-response": {"exists": True}},
         "status": "ERROR",
         "fields": {"reason_code": [f"^{ERROR_CODE_KEY}"], "merchant_id": ["params.merchant-account-id",
                                                                      "params.transaction.merchant-account-id"]},
         "reason_map": _VALIDATION_CODES,
         # Any other validation code is the request's.
         "rules": [{"when": {f"^{ERROR_CODE_KEY}": {"exists": True}, f"^{ERROR_CODE_KEY}_known": {"exists": False}},
                    "set": {"failure_reason": "INVALID_REQUEST"}}]},
        {"name": "graphql.error", "match": {"errors.0.extensions.errorClass": list(_GRAPHQL_ERROR_CLASSES)},
         "status": "ERROR",
         "fields": {"reason_code": [ERROR_CODE_KEY]},
         "reason_map": {**_GRAPHQL_ERROR_CLASSES, **_VALIDATION_CODES},
         # A legacy validation code not listed is the request's (VALIDATION class).
         "rules": [{"when": {"errors.0.extensions.errorClass": "VALIDATION", f"{ERROR_CODE_KEY}_known": {"exists": False}},
                    "set": {"failure_reason": "INVALID_REQUEST"}}]},
        {"name": "dispute", "root": "dispute", "match": {"dispute.amount-disputed": {"exists": True}},
         "fields": _DISPUTE_FIELDS, "status": "CHARGEBACK", "event_kind": "DISPUTE"},
        {"name": "dispute", "root": "dispute",
         "match": {"dispute.kind": ["chargeback", "pre_arbitration", "retrieval"], "dispute.id": {"exists": True}},
         "fields": _DISPUTE_FIELDS, "status": "CHARGEBACK", "event_kind": "DISPUTE"},
        {"name": "graphql.transaction", "root": "graphql_transaction",
         "match": {"graphql_transaction.status": {"exists": True}},
         "fields": {
             "provider_transaction_id": ["legacyId", "id"],
             "status": ["status"],
             "reason_code": ["gatewayRejectionReason", "processorResponse.legacyCode"],
             "amount": ["amount.value"],
             "currency": ["amount.currencyIsoCode", "amount.currencyCode"],
             "event_time": ["statusHistory.0.timestamp", "createdAt"],
             "payment_method": ["paymentMethodSnapshot.__typename"],
             "card_brand": ["paymentMethodSnapshot.brandCode"],
             "card_country": ["paymentMethodSnapshot.binData.countryOfIssuance"],
             "customer_country": ["billingAddress.countryCode"],
             "merchant_id": ["merchantAccountId"],
             "attempt_id": ["legacyId", "id"],
             "payment_id": ["orderId"],
         },
         "rules": [{"when": {"processorResponse.legacyCode": "3000"}, "set": {"status_category": "ERROR"}},
                   {"when": {"status": ["VOIDED", "AUTHORIZATION_EXPIRED"]}, "set": {"event_kind": "VOID"}}]},
        {"name": "graphql.local_payment_context", "root": LOCAL_PAYMENT_CONTEXT_KEY,
         "match": {LOCAL_PAYMENT_CONTEXT_KEY: {"exists": True}},
         "status": "PENDING", "event_kind": "PAYMENT",
         "fields": {
             "provider_transaction_id": ["legacyId", "id"],
             "amount": ["amount.value"],
             "currency": ["amount.currencyIsoCode", "amount.currencyCode"],
             "event_time": ["updatedAt", "createdAt"],
             "payment_method": ["type"],
             "merchant_id": ["merchantAccountId"],
             "payment_id": ["orderId", "paymentId"],
         },
         "payment_method_map": _LOCAL_PAYMENT_TYPES,
         # Not approved yet (or approved, no transaction yet): PENDING. Used for a transaction: the buyer paid.
         # Expired without a transaction: CANCELLED.
         "rules": [{"when": {"expiredAt": {"exists": True}, "transactedAt": {"exists": False}},
                    "set": {"status_category": "CANCELLED"}},
                   {"when": {"transactedAt": {"exists": True}}, "set": {"status_category": "APPROVED"}}]},
        # A GraphQL Dispute (graphql.braintreepayments.com / developer.paypal.com/braintree/graphql/reference/types/
        # dispute and dispute-status: DisputeStatus ACCEPTED, AUTO_ACCEPTED, DISPUTED, EXPIRED, LOST, OPEN,
        # UNDER_REVIEW, WON; type CHARGEBACK, PRE_ARBITRATION, RETRIEVAL): a dispute at any stage, the stage in raw_status.
        {"name": "graphql.dispute", "root": "graphql_dispute", "match": {"graphql_dispute.status": {"exists": True}},
         "status": "CHARGEBACK", "event_kind": "DISPUTE",
         "fields": {
             "provider_transaction_id": ["legacyId", "id"],
             "status": ["status"],
             "reason_code": ["reason"],
             "amount": ["amountDisputed.value"],
             "currency": ["amountDisputed.currencyCode"],
             "event_time": ["statusHistory.0.timestamp", "receivedDate", "createdAt"],
             "merchant_id": ["merchantAccount.id"],
             "dispute_id": ["legacyId", "id"],
             "attempt_id": ["transaction.legacyId", "transaction.id"],
             "payment_id": ["transaction.orderId"],
         }},
        {"name": "graphql.refund", "root": "graphql_refund", "match": {"graphql_refund.status": {"exists": True}},
         "fields": {
             "provider_transaction_id": ["legacyId", "id"],
             "status": ["status"],
             "amount": ["amount.value"],
             "currency": ["amount.currencyIsoCode", "amount.currencyCode"],
             "event_time": ["statusHistory.0.timestamp", "createdAt"],
             # The Refund names the transaction it refunds (refundedTransaction).
             "attempt_id": ["refundedTransaction.legacyId", "refundedTransaction.id"],
             "payment_id": ["orderId", "refundedTransaction.orderId"],
         },
         "status_map": _REFUND_STATUSES, "event_kind": "REFUND"},
        {"name": "transaction.json", "match": {"status": {"exists": True}, "processor_response_code": {"exists": True}},
         "fields": _TRANSACTION_FIELDS, "rules": _TRANSACTION_RULES},
        {"name": "transaction.json", "match": {"status": {"exists": True}, "currency_iso_code": {"exists": True}},
         "fields": _TRANSACTION_FIELDS, "rules": _TRANSACTION_RULES},
    ],
}


def _snake_case(node, depth: int = 0):
    """The Node SDK's camelCase keys (processorResponseCode) as the snake_case attribute names (processor_response_code)."""
    if depth > 6:
        return node
    if isinstance(node, dict):
        return {(re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", key).lower() if isinstance(key, str) else key):
                _snake_case(value, depth + 1) for key, value in node.items()}
    if isinstance(node, list):
        return [_snake_case(value, depth + 1) for value in node]
    return node


def _node_transaction(body: dict):
    """The Node SDK's transaction (bare, or as a result object's ``transaction``) in snake_case; else None."""
    transaction = body.get("transaction") if isinstance(body.get("success"), bool) else body
    if isinstance(transaction, dict) and "status" in transaction and any(key in transaction for key in _NODE_KEYS):
        return _snake_case(transaction)
    return None


def prepare(body):
    """Decode a webhook's base64 XML, find a GraphQL transaction, and flatten typed XML values."""
    if not isinstance(body, dict):
        return body
    node_transaction = _node_transaction(body)
    if node_transaction is not None:
        return node_transaction
    payload = body.get("bt_payload")
    if isinstance(payload, str):
        try:
            # Signature checking belongs to the receiving endpoint; here we only read the notification.
            _, body = parse_content(base64.b64decode(payload).decode("utf-8"), "xml")
            body = mask_payload(body)
        except (binascii.Error, UnicodeDecodeError, PayloadParseError):
            return body
        return _notification(body) if isinstance(body, dict) else _plain(body)
    if isinstance(body.get("notification"), dict):
        # The decoded notification as an integration or the SDKs' WebhookTestingGateway sample keeps it (no
        # bt_payload around it).
        return _notification(body)
    else:
        dispute = _graphql_dispute(body)
        if dispute is not None:
            return {"graphql_dispute": dispute}
        context = _local_payment_context(body)
        if context is not None:
            return {LOCAL_PAYMENT_CONTEXT_KEY: context}
        refund = _graphql_refund(body)
        if refund is not None:
            return {"graphql_refund": refund}
        transaction = _graphql_transaction(body)
        if transaction is not None:
            return {"graphql_transaction": transaction}
        error_response = body.get("api-error-response")
        if isinstance(error_response, dict):
            return _with_error_code(_plain(body), _plain(error_response))
        graphql_errors = body.get("errors")
        # The JSON form of an error result: {"errors": {<resource>: {"errors": [...], ...}}, "message", "params"}.
        # The Node SDK's: {"errors": {"validationErrors": {...}, "errorCollections": {<resource>: {"validationErrors":
        # {<attribute>: [{attribute, code, message}]}}}}, "message", "params", "success": false}.
        if isinstance(graphql_errors, dict) and isinstance(body.get("message"), str) and any(
                isinstance(graphql_errors.get(resource), dict) for resource in (*_ERROR_RESOURCES, "errorCollections")):
            return _with_error_code({"api-error-response": body}, body)
        if isinstance(graphql_errors, list) and graphql_errors and isinstance(graphql_errors[0], dict):
            extensions = graphql_errors[0].get("extensions") or {}
            # The legacy validation code is the most specific; the error class when there is none.
            code = extensions.get("legacyCode") or extensions.get("errorClass")
            if isinstance(code, str):
                known = code in _VALIDATION_CODES or code in _GRAPHQL_ERROR_CLASSES
                return {**body, ERROR_CODE_KEY: code, **({f"{ERROR_CODE_KEY}_known": True} if known else {})}
            return body
        page = body.get("credit-card-transactions")
        # One search result is that transaction; several (a list) are not one event.
        if isinstance(page, dict) and isinstance(page.get("transaction"), dict):
            body = {"transaction": page["transaction"]}
    return _plain(body)


def _notification(body: dict):
    """A decoded webhook notification: refuse the kinds without an outcome, read a subscription's charge."""
    notification = body.get("notification")
    if isinstance(notification, dict) and notification.get("kind") in _FETCH_ONLY_KINDS:
        raise UnmappedPayload(NOTIFICATION_WITHOUT_OUTCOME,
                              f"braintree: {notification.get('kind')} names a transaction to fetch, not its outcome")
    if isinstance(notification, dict) and notification.get("kind") == "local_payment_completed":
        subject = notification.get("subject")
        local_payment = subject.get("local-payment") if isinstance(subject, dict) else None
        # /webhooks/local-payment-methods: local_payment_completed gives "a payment ID and payer ID" with which
        # the merchant creates the transaction; until then (no <transaction> in the subject) no outcome exists.
        if isinstance(local_payment, dict) and local_payment.get("transaction") is None:
            raise UnmappedPayload(NOTIFICATION_WITHOUT_OUTCOME,
                                  "braintree: local_payment_completed names a payment to charge, not its outcome")
    if isinstance(notification, dict) and notification.get("kind") in _SUBSCRIPTION_CHARGE_KINDS:
        return _subscription_charge_without_unnamed_amount(_plain(body))
    return _plain(body)


def _graphql_dispute(body: dict):
    """A GraphQL Dispute (amountDisputed is the Dispute's own field): bare, a ``node`` query's, or a dispute
    mutation's (acceptDispute, finalizeDispute, ... return ``data.<mutation>.dispute``)."""
    if "amountDisputed" in body and "status" in body:
        return body
    data = body.get("data")
    if not isinstance(data, dict):
        return None
    for node in (data.get("node"), *(r.get("dispute") for r in data.values() if isinstance(r, dict))):
        if isinstance(node, dict) and "amountDisputed" in node and "status" in node:
            return node
    return None


def _graphql_transaction(body: dict):
    """The transaction of a GraphQL mutation result (``data.<mutation>.transaction``) or a bare node."""
    if "legacyId" in body and "status" in body:
        return body
    data = body.get("data")
    if not isinstance(data, dict):
        return None
    node = data.get("node")
    if isinstance(node, dict) and "legacyId" in node and "status" in node:
        return node
    search = data.get("search")
    transactions = search.get("transactions") if isinstance(search, dict) else None
    edges = transactions.get("edges") if isinstance(transactions, dict) else None
    if isinstance(edges, list):
        # A search page of one transaction is that transaction; several are not one event.
        nodes = [e.get("node") for e in edges if isinstance(e, dict)]
        return nodes[0] if len(nodes) == 1 and isinstance(nodes[0], dict) else None
    for result in data.values():
        if isinstance(result, dict) and isinstance(result.get("transaction"), dict):
            return result["transaction"]
    return None


def _local_payment_context(body: dict):
    """A LocalPaymentContext: the ``node`` query's or a create*LocalPaymentContext mutation's ``paymentContext``."""
    data = body.get("data")
    if not isinstance(data, dict):
        return None
    candidates = [data.get("node")]
    for mutation in _LOCAL_PAYMENT_MUTATIONS:
        result = data.get(mutation)
        if isinstance(result, dict):
            candidates.append(result.get("paymentContext"))
    for node in candidates:
        # approvalUrl and paymentId belong to the context alone; a transaction node has a status instead.
        if isinstance(node, dict) and "paymentId" in node and "approvalUrl" in node and "status" not in node:
            return node
    return None


def _graphql_refund(body: dict):
    """The Refund of a ``refundTransaction`` mutation result (``data.refundTransaction.refund``)."""
    data = body.get("data")
    result = data.get("refundTransaction") if isinstance(data, dict) else None
    refund = result.get("refund") if isinstance(result, dict) else None
    return refund if isinstance(refund, dict) and "status" in refund else None


# subscription_charged_successfully / _unsuccessfully: the subject is the subscription, its newest transaction the
# charge (braintree_python webhook_testing_gateway.py samples: <transactions><transaction> id, status, amount).
_SUBSCRIPTION_CHARGE_KINDS = ("subscription_charged_successfully", "subscription_charged_unsuccessfully")


def _subscription_charge_without_unnamed_amount(body: dict) -> dict:
    """A subscription charge whose transaction names no currency-iso-code keeps its status but not its amount.

    The SDKs' sample subjects give the transaction's amount without its currency; an amount in no named currency
    is no amount (docs/taxonomy.md: amount_minor is in the currency's minor units), so the charge's outcome is
    read without it rather than left unprocessed. Pure: returns a copy when it changes anything.
    """
    subject = body["notification"].get("subject")
    subscription = subject.get("subscription") if isinstance(subject, dict) else None
    transactions = subscription.get("transactions") if isinstance(subscription, dict) else None
    transaction = transactions.get("transaction") if isinstance(transactions, dict) else None
    if not isinstance(transaction, dict) or transaction.get("currency-iso-code") or "amount" not in transaction:
        return body
    trimmed = {key: value for key, value in transaction.items() if key != "amount"}
    return {**body, "notification": {**body["notification"], "subject": {**subject, "subscription": {
        **subscription, "transactions": {**transactions, "transaction": trimmed}}}}}


def _plain(node):
    """``{"@type": "decimal", "#text": "10.00"}`` -> ``"10.00"``; ``{"@nil": "true"}`` -> None."""
    if isinstance(node, dict):
        if all(k.startswith("@") or k == "#text" for k in node):
            if "#text" in node:
                return node["#text"]
            if node.get("@nil") == "true":
                return None
            return [] if node.get("@type") == "array" else None
        return {k: _plain(v) for k, v in node.items() if not k.startswith("@")}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    return node


def _with_error_code(body: dict, error_response: dict) -> dict:
    """The first validation error code found under ``errors`` (depth first), beside the body."""
    code = _first_error_code(error_response.get("errors"))
    if code is None:
        return body
    extra = {ERROR_CODE_KEY: code}
    if code in _VALIDATION_CODES:
        extra[f"{ERROR_CODE_KEY}_known"] = True
    return {**body, **extra}


def _first_error_code(node, depth: int = 0):
    if depth > 8:
        return None
    if isinstance(node, list):
        for item in node:
            code = _first_error_code(item, depth + 1)
            if code:
                return code
        return None
    if not isinstance(node, dict):
        return None
    # The JSON form lists the error objects themselves: {"attribute", "code", "message"}.
    if isinstance(node.get("code"), str) and ("attribute" in node or "message" in node):
        return node["code"]
    error = node.get("error")
    for candidate in (error if isinstance(error, list) else [error]):
        if isinstance(candidate, dict) and isinstance(candidate.get("code"), str):
            return candidate["code"]
    for key, value in node.items():
        if key != "error":
            code = _first_error_code(value, depth + 1)
            if code:
                return code
    return None
