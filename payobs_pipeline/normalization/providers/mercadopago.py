"""MercadoPago: Payments API payment objects and chargeback objects.

Sources (Mercado Pago Developers):
- https://www.mercadopago.com.br/developers/en/reference/payments/_payments_id/get (payment object:
  status, status_detail, transaction_amount, currency_id, payment_method_id, payment_type_id, date_*)
- https://www.mercadopago.com.br/developers/en/docs/checkout-api/response-handling/collection-results
  (every status and status_detail)
- https://www.mercadopago.com.br/developers/en/docs/checkout-pro-preferences/how-tos/improve-payment-approval/reasons-for-rejection
  (cc_rejected_* reasons)
- https://www.mercadopago.com.br/developers/en/reference/chargebacks/_chargebacks_id/get (chargeback object)
- https://www.mercadopago.com.ar/developers/en/docs/sales-processing/payment-methods (payment_method_id,
  payment_type_id values per country)
- https://www.mercadopago.com.br/developers/en/docs/your-integrations/notifications/webhooks and /ipn
  (notification bodies: ``action``, ``type``, ``data.id``; legacy IPN ``topic`` + ``resource`` URL)
- https://www.mercadopago.com.br/developers/en/reference/payments/_payments_search/get (``paging`` + ``results``)
- https://www.mercadopago.com.br/developers/en/reference/chargebacks/_payments_id_refunds_refund_id/get
  (refund object: no currency)
- https://www.mercadopago.com.br/developers/en/docs/order/status-errors/order-status (Orders API: order
  status/status_detail; ``transactions.payments[]`` with ``payment_method {id, type}``; ``order.*`` webhooks
  carry the whole order under ``data``)
- https://www.mercadopago.com.br/developers/en/reference/order/online-payments/refund and sdk-php
  src/MercadoPago/Resources/Order/Refund.php (Orders API refund reply: ``transactions.refunds[]`` id, transaction_id,
  amount, status); developers.mercadolibre.com.mx/es_ar/api-docs-es/m-n-o (site ids MLA, MLB, MLC, MCO, MLM, MPE,
  MLU = the countries whose one currency an order naming only its ``site_id`` is in, see SITE_CURRENCIES)
- sdk-php src/MercadoPago/Resources/Chargeback.php (chargeback resource: payment_id, status, amount, currency_id,
  reason_id, reason, date_created, last_modified)
- https://www.mercadopago.com.ar/developers/en/reference/subscriptions/_authorized_payments_id/get (a
  subscription's charge, ``payment`` nested) and /_preapproval_id/get (the subscription agreement)
- https://www.mercadopago.com.br/developers/en/reference/merchant_orders/_merchant_orders_id/get
- https://www.mercadopago.com.pe/developers/en/docs/your-integrations/notifications/additional-info
  (``card.updated`` notifications of type ``automatic-payments``)
- https://www.mercadopago.com.br/developers/en/reference/payments/_payments/post (API error bodies
  ``{"message", "error", "status", "cause": [{"code", "description"}]}`` and the cause codes of 400 errors),
  https://www.mercadopago.com.mx/developers/en/support/37017 (400 bad_request, cause 3003),
  https://www.mercadopago.com.br/developers/en/docs/checkout-api-payments/error-messages/card-token-creation-errors
  (payment creation errors 106-801)
- https://www.mercadopago.com.br/developers/en/docs/checkout-pro/configure-back-urls (return URLs: the buyer comes
  back with collection_id / payment_id, collection_status / status, external_reference, payment_type,
  merchant_order_id, preference_id, site_id, processing_mode aggregator|gateway, merchant_account_id; a buyer who
  leaves without paying returns with them "null", which names no payment: NOTIFICATION_WITHOUT_OUTCOME). The
  "null" reading and the IPN query string (``topic=payment&id=123``, webhooks' ``data.id=123&type=payment``) rest on
  the notifications pages as recalled: both only name a resource and are never given an outcome.
Amounts are in major units (``transaction_amount`` is a decimal number). MercadoPago does not
say which declines are soft or hard, so decline types are the reasons' defaults. Webhook and IPN
notifications (``{"action": "payment.updated", "type": "payment", "data": {"id": ...}}``) carry
only the resource id: ``prepare`` refuses them with ``NOTIFICATION_WITHOUT_OUTCOME`` rather
than let anything guess an outcome; the payment is seen when its GET response lands in the lake.

Lifecycle identity: a payment (numeric id; an Orders API transactions.payments[].id) is one attempt; its refunds
(payment_id) and chargebacks (payments[]) name it. The payment the customer makes is the merchant's
external_reference, else the merchant order (order.id) -- an Orders API order's own id.
"""

from payobs_pipeline.normalization.mapping import NOTIFICATION_WITHOUT_OUTCOME, UnmappedPayload

# Raised for a notification that names a resource but says nothing of its outcome.
# Webhook ``type`` / IPN ``topic`` values (notifications docs).
_NOTIFICATION_TOPICS = [
    "payment", "chargebacks", "merchant_order", "topic_merchant_order_wh", "point_integration_wh",
    "point_integration_ipn", "subscription_preapproval", "subscription_preapproval_plan",
    "subscription_authorized_payment", "topic_claims_integration_wh", "topic_chargebacks_wh", "mp-connect",
    "delivery", "stop_delivery_op_wh", "delivery_cancellation", "automatic-payments",
]
# Topics that are never about a payment's outcome: account linking, shipping, card updates,
# subscription agreements and plans. Their notifications are kept out as NOT_A_PAYMENT_EVENT.
_NOT_PAYMENT_TOPICS = ["mp-connect", "delivery", "stop_delivery_op_wh", "delivery_cancellation", "automatic-payments",
                       "subscription_preapproval", "subscription_preapproval_plan"]
_API_HOSTS = ["https://api.mercadolibre.com/", "https://api.mercadopago.com/"]

# status_detail values (collection-results page) that explain a rejection or an error.
REASONS = {
    "cc_rejected_insufficient_amount": "INSUFFICIENT_FUNDS",
    "insufficient_amount": "INSUFFICIENT_FUNDS",
    "cc_rejected_bad_filled_card_number": "INVALID_CARD_DATA",
    "cc_rejected_bad_filled_date": "INVALID_CARD_DATA",
    "cc_rejected_bad_filled_other": "INVALID_CARD_DATA",
    "cc_rejected_bad_filled_security_code": "INCORRECT_CVC",
    # MercadoPago's own fraud prevention refused the payment.
    "cc_rejected_high_risk": {"reason": "RISK_REJECTED", "source": "PSP_RISK"},
    "cc_rejected_blacklist": {"reason": "RISK_REJECTED", "source": "PSP_RISK"},
    "cc_rejected_call_for_authorize": "GENERIC_DECLINE",
    "cc_rejected_card_disabled": "RESTRICTED_CARD",
    "cc_rejected_card_error": "PROCESSING_ERROR",
    "cc_rejected_duplicated_payment": "DUPLICATE",
    "cc_rejected_invalid_installments": "TRANSACTION_NOT_PERMITTED",
    "cc_rejected_max_attempts": "LIMIT_EXCEEDED",
    "cc_amount_rate_limit_exceeded": "LIMIT_EXCEEDED",
    "cc_rejected_other_reason": "GENERIC_DECLINE",
    "cc_rejected_3ds_mandatory": "AUTHENTICATION_REQUIRED",
    "cc_rejected_3ds_challenge": "AUTHENTICATION_FAILED",
    "rejected_by_bank": "GENERIC_DECLINE",
    "rejected_by_regulations": {"reason": "TRANSACTION_NOT_PERMITTED", "source": "PSP_RISK"},
    "rejected_insufficient_data": "INVALID_REQUEST",
    "bank_error": "PROCESSING_ERROR",
    # Orders API status_detail of a failed order (order-status page): the cc_rejected_ words without the prefix.
    "bad_filled_card_data": "INVALID_CARD_DATA",
    "invalid_card_token": "INVALID_REQUEST",
    "high_risk": {"reason": "RISK_REJECTED", "source": "PSP_RISK"},
    "rejected_by_issuer": "GENERIC_DECLINE",
    "card_disabled": "RESTRICTED_CARD",
    "call_for_authorize": "GENERIC_DECLINE",
    "duplicated_payment": "DUPLICATE",
    "invalid_installments": "TRANSACTION_NOT_PERMITTED",
    "max_attempts": "LIMIT_EXCEEDED",
    "processing_error": "PROCESSING_ERROR",
}

# payment.status; status_detail refines it through the rules below.
STATUSES = {
    "approved": "APPROVED",
    "authorized": "APPROVED",
    "pending": "PENDING",
    "in_process": "PENDING",
    "rejected": "DECLINED",
    "cancelled": "CANCELLED",
    "refunded": "REFUNDED",
    "charged_back": "CHARGEBACK",
    # The buyer opened a claim (mediation): a dispute in MercadoPago's words.
    "in_mediation": "CHARGEBACK",
}

# payment_type_id, the method family; payment_method_id names the scheme or network.
PAYMENT_TYPES = {
    **dict.fromkeys(["credit_card", "debit_card", "prepaid_card", "voucher_card"], "CARD"),
    **dict.fromkeys(["account_money", "digital_wallet"], "WALLET"),
    # Mercado Crédito ("cuotas sin tarjeta") is a buy-now-pay-later credit line.
    "digital_currency": "BNPL",
    # Cash slips paid at a store or ATM: OXXO, PagoFácil, Rapipago, Efecty, PEC, PayCash ...
    **dict.fromkeys(["ticket", "atm"], "CASH_VOUCHER"),
    "bank_transfer": "BANK_TRANSFER",
    "crypto_transfer": "OTHER",
}
_BOLETO_IDS = ["bolbradesco", "boletobancario", "boleto"]

# Orders API order status (order-status page); status_detail refines it through the rules below.
ORDER_STATUSES = {
    "created": "PENDING",
    "processing": "PENDING",
    "action_required": "PENDING",  # waiting_payment/transfer, check_on_terminal; waiting_capture: see rules
    "in_review": "PENDING",
    "processed": "APPROVED",
    "failed": "DECLINED",
    "canceled": "CANCELLED",
    "cancelled": "CANCELLED",
    "expired": "CANCELLED",
    "refunded": "REFUNDED",
    "charged_back": "CHARGEBACK",
}
# Point Integration API payment intent state (mercadopago.com.br/developers/en/docs/mp-point/integration-api/glossary,
# "Possible statuses of an intent"; GET /point/integration-api/payment-intents/{id}: id, state, amount, device_id,
# payment.id): OPEN, ON_TERMINAL, PROCESSING, PROCESSED are intermediate; CONFIRMATION_REQUIRED "ends without
# obtaining a payment status" (confirm it on the device); CANCELED "when it is canceled"; ERROR "when a transaction
# error occurs"; ABANDONED "hasn't been processed after a certain time". FINISHED "when the transaction ends" says
# nothing of the payment's outcome (that is the payment's own status): left unmapped.
POINT_INTENT_STATES = {
    "open": "PENDING",
    "on_terminal": "PENDING",
    "processing": "PENDING",
    "processed": "PENDING",
    "confirmation_required": "PENDING",
    "canceled": "CANCELLED",
    "cancelled": "CANCELLED",
    "abandoned": "CANCELLED",
    "error": "ERROR",
}
# Marks a chargeback found by GET /v1/chargebacks/search (prepare(): a one-result search of a chargeback).
CHARGEBACK_SEARCH_KEY = "_payobs_chargeback_search"
# Subscription charge (authorized payment) status, when its payment is not there yet.
_AUTHORIZED_PAYMENT_STATUSES = {**STATUSES, "scheduled": "PENDING", "recycling": "PENDING", "processed": "APPROVED"}
_ORDER_PAYMENT = "transactions.payments.0"

_PAYMENT_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status"],
    "reason_code": ["status_detail"],
    "amount": ["transaction_amount"],
    "currency": ["currency_id"],
    # The last change is the event (a refund or chargeback updates a payment approved earlier).
    "event_time": ["date_last_updated", "date_approved", "date_created"],
    # payment_type: the same family under the collections API's older name (IPN collection resources).
    "payment_method": ["payment_type_id", "payment_type"],
    "merchant_id": ["collector_id"],
    # The payment is the attempt whatever happened to it since (refunded, charged back).
    "attempt_id": ["id"],
    "payment_id": ["external_reference", "order.id"],
    # A refunded payment names its refund in refunds[] when the response lists them, else none (the refund
    # object's own rows count it). A charged-back payment names no chargeback: MercadoPago opens one
    # chargeback per payment, so the payment's id keys the dispute, as it does on chargeback objects.
    "refund_id": ["refunds.0.id"],
    "dispute_id": ["id"],
}
# Checkout Pro back_urls (mercadopago.com/developers/en/docs/checkout-pro, "Configure back URLs" / redirect
# return parameters): the buyer returns with collection_id / payment_id (the payment), collection_status / status
# (the payment's status), external_reference, payment_type, merchant_order_id, preference_id, site_id,
# processing_mode. The statuses are the payment's own: approved, pending, in_process, rejected. "null" (the
# buyer came back without a payment) is not given a meaning here: it stays unmapped. No amount or currency.
_BACK_URL_STATUSES = {key: STATUSES[key] for key in ("approved", "pending", "in_process", "rejected")}

_PAYMENT_RULES = [
    # A card payment cancelled by the seller is an authorization released (cards are authorized first;
    # mercadopago.com.br/developers: status cancelled, status_detail by_collector).
    {"when": {"status": "cancelled", "status_detail": "by_collector",
              "payment_type_id": ["credit_card", "debit_card", "prepaid_card"]}, "set": {"event_kind": "VOID"}},
    # PIX travels as payment_type bank_transfer, boleto as ticket: the method id says which.
    {"when": {"payment_method_id": "pix"}, "set": {"payment_method": "PIX"}},
    {"when": {"payment_method_id": _BOLETO_IDS}, "set": {"payment_method": "BOLETO"}},
    # A card error or a bank error is a technical failure, not an issuer's refusal.
    {"when": {"status": "rejected", "status_detail": ["cc_rejected_card_error", "bank_error"]},
     "set": {"status_category": "ERROR"}},
    # approved/partially_refunded: the payment's last change is a (partial) refund.
    {"when": {"status": "approved", "status_detail": "partially_refunded"}, "set": {"status_category": "REFUNDED"}},
]
_CHARGEBACK = {
    "status": "CHARGEBACK",
    "fields": {
        "provider_transaction_id": ["payments.0", "id"],
        "amount": ["amount"],
        "currency": ["currency"],
        "event_time": ["date_last_updated", "date_created"],
        "attempt_id": ["payments.0"],
        # One chargeback per disputed payment: keyed by the payment, as the payment's charged_back rows are.
        "dispute_id": ["payments.0"],
    },
    "event_kind": "DISPUTE",
}
_ORDER_FIELDS = {
    # The order's payment is the money movement (as a PayPal order's capture is).
    "provider_transaction_id": [f"{_ORDER_PAYMENT}.id", "id"],
    "status": ["status"],
    "reason_code": ["status_detail", f"{_ORDER_PAYMENT}.status_detail"],
    "amount": ["total_amount"],
    "currency": ["currency", "currency_id"],
    "event_time": ["last_updated_date", "created_date", "^date_created"],
    "payment_method": [f"{_ORDER_PAYMENT}.payment_method.type"],
    "card_brand": [f"{_ORDER_PAYMENT}.payment_method.id"],
    # The order's country_code (the engine read the deprecated country as the customer's).
    "customer_country": ["country_code"],
    "attempt_id": [f"{_ORDER_PAYMENT}.id"],
    "payment_id": ["id"],
}
_ORDER_RULES = [
    {"when": {f"{_ORDER_PAYMENT}.payment_method.id": "pix"}, "set": {"payment_method": "PIX"}},
    {"when": {f"{_ORDER_PAYMENT}.payment_method.id": _BOLETO_IDS}, "set": {"payment_method": "BOLETO"}},
    {"when": {"status": "action_required", "status_detail": "waiting_capture"}, "set": {"status_category": "APPROVED"}},
    {"when": {"status": "processed", "status_detail": ["refunded", "partially_refunded"]},
     "set": {"status_category": "REFUNDED"}},
    {"when": {"status": "failed", "status_detail": "processing_error"}, "set": {"status_category": "ERROR"}},
]
_ORDER_FIELDS_NO_AMOUNT = {k: v for k, v in _ORDER_FIELDS.items() if k != "amount"}
# Orders API refund reply (POST /v1/orders/{id}/refund, mercadopago.com.br/developers/en/reference/order/online-payments/
# refund; sdk-php src/MercadoPago/Resources/Order/Refund.php: id, transaction_id, reference_id, amount, status): the
# order with transactions.refunds[] only. "To check the status of the refund ... confirm it in the
# transactions.refunds.status field" (refund-order reference): processed = made, processing = under way, failed.
_ORDER_REFUND = "transactions.refunds.0"
_ORDER_REFUND_STATUSES = {"processed": "REFUNDED", "processing": "PENDING", "in_process": "PENDING",
                          "failed": "DECLINED", "cancelled": "CANCELLED", "canceled": "CANCELLED"}
_ORDER_REFUND_FIELDS = {
    "provider_transaction_id": [f"{_ORDER_REFUND}.id"],
    "status": [f"{_ORDER_REFUND}.status"],
    "amount": [f"{_ORDER_REFUND}.amount"],
    "currency": ["currency", "currency_id"],
    "event_time": ["last_updated_date", "created_date"],
    "attempt_id": [f"{_ORDER_REFUND}.transaction_id"],
    "payment_id": ["id"],
    "refund_id": [f"{_ORDER_REFUND}.id"],
}
# A Mercado Libre / Mercado Pago site names its country (developers.mercadolibre.com.mx/es_ar/api-docs-es/m-n-o:
# "MLA, MLB, MLC, MCO, MLM, MPE, MLU ... Sitios de Mercado Libre Argentina, Brasil, Chile, Colombia, Mexico, Peru,
# Uruguay"); each site trades in its country's one currency (GET /sites/{site_id}: default_currency_id). An Orders
# API order that names its site_id but no currency is in that currency.
SITE_CURRENCIES = {"MLA": "ARS", "MLB": "BRL", "MLC": "CLP", "MCO": "COP", "MLM": "MXN", "MPE": "PEN", "MLU": "UYU"}

# Refund status (refunds API): a refund that did not go through leaves the payment as it was.
_REFUND_STATUSES = {"approved": "REFUNDED", "in_process": "PENDING", "authorized": "REFUNDED",
                    "rejected": "DECLINED", "cancelled": "CANCELLED"}

# cause[].code of an API error body (payments/_payments/post 400 errors; card-token-creation-errors page).
# Codes not listed take the reason of the body's `error` (bad_request -> INVALID_REQUEST, unauthorized /
# forbidden -> CONFIGURATION_ERROR, internal_server_error -> PROCESSING_ERROR).
_API_ERROR_CAUSES = {
    **dict.fromkeys(
        ["1", "8", "23", "1000", "1001", "2002", "2009", "2034", "2060", "2062", "2072", "2123", "2131", "3000",
         "3001", "3003", "3004", "3005", "3006", "3007", "3008", "3010", "3011", "3014", "3017", "3018", "3019",
         "3020", "3021", "3022", "3023", "3025", "3026", "3027", "3028", "4000", "4001", "4002", "4003", "4004",
         "4005", "4006", "4007", "4012", "4013", "4015", "4016", "4017", "4018", "4019", "4020", "4021", "4022",
         "4023", "4024", "4025", "4026", "4027", "4028", "4029", "4037", "4038", "4039", "4050", "4051", "126",
         "145"],
        "INVALID_REQUEST",
    ),
    # Test token in production, no access token, client not authorized, collector not allowed to operate.
    **dict.fromkeys(["3", "5", "3009", "160"], "CONFIGURATION_ERROR"),
    # The same request already posted in the last minute.
    **dict.fromkeys(["2001", "801"], "DUPLICATE"),
    # Calls between Mercado Pago services failed.
    **dict.fromkeys(["2004", "2007", "2041"], "PROCESSING_ERROR"),
    "204": {"reason": "PROCESSING_ERROR", "decline_type": "SOFT"},  # payment method unavailable right now
    **dict.fromkeys(["3012", "3013"], "INCORRECT_CVC"),  # security code length / missing
    **dict.fromkeys(["3015", "3016", "3029", "3030", "7523"], "INVALID_CARD_DATA"),  # card number, expiry
    # Not possible for these users, installments, amount or method.
    **dict.fromkeys(["106", "109", "129", "150", "151", "2077", "3024"], "TRANSACTION_NOT_PERMITTED"),
}
_API_ERROR_WORDS = {
    "bad_request": "INVALID_REQUEST", "not_found": "INVALID_REQUEST", "unauthorized": "CONFIGURATION_ERROR",
    "forbidden": "CONFIGURATION_ERROR", "internal_server_error": "PROCESSING_ERROR",
}
_API_ERROR_HTTP = ["400", "401", "403", "404", "405", "409", "422", "423", "429", "500", "502", "503", "504"]
_API_ERROR = {
    # A failed API call (HTTP 4xx/5xx): no payment was made.
    "name": "api_error",
    "match": {"error": {"exists": True}, "message": {"exists": True}, "status": _API_ERROR_HTTP},
    "status": "ERROR",
    "fields": {"status": ["error", "status"], "reason_code": ["cause.0.code", "cause.1.code", "error", "code"]},
    "reason_map": _API_ERROR_CAUSES,
    "rules": [
        *({"when": {"error": word}, "set": {"failure_reason": reason}} for word, reason in _API_ERROR_WORDS.items()),
        {"when": {"status": ["401", "403"]}, "set": {"failure_reason": "CONFIGURATION_ERROR"}},
        {"when": {"status": ["500", "502", "503", "504"]}, "set": {"failure_reason": "PROCESSING_ERROR"}},
        *({"when": {"cause.0.code": sorted(k for k, v in _API_ERROR_CAUSES.items()
                                           if (v if isinstance(v, str) else v["reason"]) == reason)},
           "set": {"failure_reason": reason}}
          for reason in sorted({v if isinstance(v, str) else v["reason"] for v in _API_ERROR_CAUSES.values()})),
    ],
}

# The notification MercadoPago's platform plugins fetch (GET /v1/asgard/notification/{notification_id}; MercadoPago's
# plugins SDK, MercadoPago\PP\Sdk\Entity\Notification\Notification: notification_id, status, transaction_id,
# transaction_type, external_reference, transaction_amount, total_paid / _approved / _pending / _refunded / _rejected /
# _cancelled / _charged_back, payments_metadata, payments_details, refunds_notifying). Each payments_details entry is a
# payment as the Payments API describes it (id, status, status_detail, payment_type_id, payment_method_id), read with
# the payment's own rules; the notification's status is the overall one, its amounts are in the currency of
# payments_metadata.site_id (SITE_CURRENCIES, set by prepare()).
_ASGARD_NOTIFICATION = {
    "name": "asgard_notification",
    "root": "payments_details.0",
    "match": {"notification_id": {"exists": True}, "payments_details.0.status": {"exists": True},
              "status": {"exists": True}},
    "fields": {
        "provider_transaction_id": ["id", "^transaction_id"],
        "status": ["^status"],
        "reason_code": ["status_detail"],
        "amount": ["^transaction_amount"],
        "currency": ["^currency_id"],
        "payment_method": ["payment_type_id"],
        "card_brand": ["payment_method_id"],
        "attempt_id": ["id", "^transaction_id"],
        "payment_id": ["^external_reference"],
        "refund_id": ["^refunds_notifying.0.id"],
        "dispute_id": ["id"],
    },
    "rules": _PAYMENT_RULES,
}


SPEC = {
    "provider": "mercadopago",
    "aliases": ["mercadopago", "mercado_pago", "mercadopago_v1", "mp", "mercadolibre"],
    "detect": [
        {"path": "status_detail", "exists": True, "weight": 0.3},
        # MercadoPago's own status_detail words (collection-results page: accredited, pending_contingency,
        # pending_review_manual, pending_waiting_payment / _transfer, pending_challenge, by_collector, by_payer,
        # refunded, partially_refunded, cc_rejected_*): with the key, a payment even when stored trimmed.
        {"path": "status_detail", "in": ["accredited", "pending_contingency", "pending_review_manual",
                                         "pending_waiting_payment", "pending_waiting_transfer", "pending_challenge",
                                         "by_collector", "by_payer", "refunded", "partially_refunded"],
         "weight": 0.2},
        {"path": "status_detail", "prefix": "cc_rejected_", "weight": 0.2},
        {"path": "payment_type_id", "exists": True, "weight": 0.3},
        # dLocal's payments carry payment_method_id and status_detail too (payment_method_id "CARD", a sentence as
        # status_detail): the key alone weighs little.
        {"path": "payment_method_id", "exists": True, "weight": 0.1},
        {"path": "currency_id", "exists": True, "weight": 0.2},
        {"path": "collector_id", "exists": True, "weight": 0.2},
        {"path": "coverage_applied", "exists": True, "weight": 0.3},
        {"path": "date_documentation_deadline", "exists": True, "weight": 0.3},
        # Refund object (GET /v1/payments/{id}/refunds/{refund_id}).
        {"path": "refund_mode", "exists": True, "weight": 0.3},
        {"path": "amount_refunded_to_payer", "exists": True, "weight": 0.3},
        # The Refund object's other own fields (mercadopago.com/developers/en/reference/online-payments/checkout-api/
        # refunds/create: adjustment_amount, partition_details beside refund_mode, unique_sequence_number).
        {"path": "adjustment_amount", "exists": True, "weight": 0.1},
        {"path": "partition_details", "exists": True, "weight": 0.1},
        # Advanced Payments (marketplace split payments, deprecated: mercadopago.com.mx/developers/en/reference/
        # advanced_payments, errors 400031 "amount of disbursements", 400032 "collector ID is required", 400035
        # money_release_date): payments[] beside disbursements[] {amount, collector_id, money_release_days}.
        {"path": "disbursements.0.money_release_days", "exists": True, "weight": 0.3},
        {"path": "disbursements.0.collector_id", "exists": True, "weight": 0.2},
        # Orders API (mercadopago.com.br/developers/en/docs/checkout-api-orders/payment-management/status/
        # order-status: status created / processed / processing / action_required / failed / cancelled / refunded):
        # its payment transactions carry MercadoPago's reference_id (Create Order response).
        {"path": "transactions.payments.0.reference_id", "exists": True, "weight": 0.3},
        {"path": "transactions.payments.0.status",
         "in": ["processed", "processing", "action_required", "failed", "cancelled", "refunded"], "weight": 0.2},
        # The Payments API's own amount word (PUT /v1/payments/{id} replies may carry little else: id, status,
        # capture, transaction_amount) and the capture flag of a capture/cancel update.
        {"path": "transaction_amount", "exists": True, "weight": 0.4},
        {"path": "capture", "exists": True, "weight": 0.1},
        # Point Integration API payment intent: a device id "<MAKER>_<MODEL>__<SERIAL>" beside the intent state.
        {"path": "device_id", "exists": True, "weight": 0.2},
        {"path": "device_id", "prefix": ["PAX_", "GERTEC_", "NEWLAND_", "INGENICO_"], "weight": 0.2},
        {"path": "state", "in": [key.upper() for key in POINT_INTENT_STATES] + ["FINISHED"], "weight": 0.2},
        # Chargeback search response (GET /v1/chargebacks/search): paging + results[] of chargebacks naming the
        # disputed payment_id.
        {"path": "results.0.payment_id", "exists": True, "weight": 0.3},
        {"path": "paging.offset", "exists": True, "weight": 0.2},
        # Payment search response holding the payment(s) under results[].
        {"path": "results.0.status_detail", "exists": True, "weight": 0.3},
        {"path": "results.0.payment_type_id", "exists": True, "weight": 0.3},
        {"path": "results.0.currency_id", "exists": True, "weight": 0.2},
        # Webhook and IPN notifications: refused in prepare, but they must be recognised first.
        {"path": "action", "prefix": ["payment.", "state_", "application.", "order.", "card."], "weight": 0.3},
        # Orders API: an order with its payments (GET /v1/orders/{id}, or under data in an order.* webhook).
        {"path": "transactions.payments.0.payment_method.type", "exists": True, "weight": 0.4},
        {"path": "data.transactions.payments.0.payment_method.type", "exists": True, "weight": 0.4},
        {"path": "processing_mode", "in": ["automatic", "manual"], "weight": 0.2},
        {"path": "transactions.refunds.0.transaction_id", "exists": True, "weight": 0.3},
        {"path": "site_id", "in": list(SITE_CURRENCIES), "weight": 0.2},
        # The SDK's chargeback resource: a card network reason_id beside the disputed payment_id.
        {"path": "reason_id", "exists": True, "weight": 0.2},
        # MercadoPago's modification-date word (merchant orders, authorized payments, chargebacks).
        {"path": "last_modified", "exists": True, "weight": 0.1},
        {"path": "id", "prefix": "ORD01", "weight": 0.3},
        # Subscriptions: a charge (authorized payment) and the agreement (preapproval).
        {"path": "preapproval_id", "exists": True, "weight": 0.4},
        {"path": "auto_recurring.currency_id", "exists": True, "weight": 0.5},
        # Merchant order: the container of a checkout's payments.
        {"path": "preference_id", "exists": True, "weight": 0.3},
        {"path": "order_status", "in": ["payment_required", "reverted", "paid", "partially_paid", "payment_in_process",
                                        "partially_reverted", "expired"], "weight": 0.3},
        {"path": "type", "in": ["payment"], "weight": 0.1},
        # The other topic names are MercadoPago's own words.
        {"path": "type", "in": _NOTIFICATION_TOPICS[1:], "weight": 0.3},
        # The integration topics' own suffixed names (topic_chargebacks_wh, topic_merchant_order_wh,
        # topic_claims_integration_wh, point_integration_wh / _ipn, stop_delivery_op_wh): no one else's words, so a
        # webhook naming one beside its data.id is MercadoPago's (kept as a notification without outcome).
        *({"path": key, "in": [t for t in _NOTIFICATION_TOPICS if t.endswith(("_wh", "_ipn"))], "weight": 0.3}
          for key in ("type", "topic")),
        {"path": "api_version", "in": ["v1"], "weight": 0.1},
        {"path": "data.id", "exists": True, "weight": 0.1},
        {"path": "live_mode", "exists": True, "weight": 0.1},
        {"path": "topic", "in": _NOTIFICATION_TOPICS, "weight": 0.2},
        # The IPN's query string (notifications/ipn: "topic=payment&id=123456", topic payment, merchant_order or
        # chargebacks): MercadoPago's topic words, with the key, name it (kept as a notification without outcome).
        {"path": "topic", "in": ["payment", "merchant_order", "chargebacks"], "weight": 0.3},
        {"path": "resource", "prefix": _API_HOSTS, "weight": 0.6},
        # An API error body: {"message", "error": "bad_request", "status": 400, "cause": [{"code", "description"}]}.
        # The "cause" list (empty on 401/500 bodies) beside MercadoPago's error words names the shape.
        {"path": "cause", "exists": True, "weight": 0.3},
        {"path": "cause.0.code", "exists": True, "weight": 0.1},
        {"path": "cause.0.description", "exists": True, "weight": 0.1},
        {"path": "error", "in": list(_API_ERROR_WORDS), "weight": 0.2},
        {"path": "cause.0.code", "prefix": "cc_rejected_", "weight": 0.3},
        # The Payments API object wrapped under "payment" (see the payment.wrapped variant).
        {"path": "payment.status_detail", "exists": True, "weight": 0.3},
        {"path": "payment.currency_id", "exists": True, "weight": 0.2},
        {"path": "payment.transaction_amount", "exists": True, "weight": 0.1},
        # The plugins' Asgard notification (see _ASGARD_NOTIFICATION): the payments under payments_details, the
        # site under payments_metadata.
        {"path": "payments_details.0.payment_type_id", "exists": True, "weight": 0.3},
        {"path": "payments_details.0.status_detail", "exists": True, "weight": 0.2},
        {"path": "payments_metadata.site_id", "in": list(SITE_CURRENCIES), "weight": 0.2},
        # Checkout Pro back_url query parameters (see _BACK_URL_STATUSES).
        {"path": "collection_status", "in": list(_BACK_URL_STATUSES), "weight": 0.4},
        {"path": "collection_id", "exists": True, "weight": 0.2},
        {"path": "merchant_order_id", "exists": True, "weight": 0.1},
        # The back_url's processing_mode (configure-back-urls: aggregator or gateway).
        {"path": "processing_mode", "in": ["aggregator", "gateway"], "weight": 0.2},
    ],
    "amount_unit": "major",
    "status_map": STATUSES,
    "reason_map": REASONS,
    "payment_method_map": PAYMENT_TYPES,
    "variants": [
        {"name": "notification.not_a_payment", "match": {"type": _NOT_PAYMENT_TOPICS},
         "not_a_payment": "a MercadoPago notification about accounts, shipping, cards or subscription set-up"},
        {"name": "ipn_query.not_a_payment", "match": {"topic": _NOT_PAYMENT_TOPICS},
         "not_a_payment": "a MercadoPago IPN about accounts, shipping, cards or subscription set-up"},
        {"name": "subscription.not_a_payment", "match": {"auto_recurring": {"exists": True}},
         "not_a_payment": "a subscription agreement (preapproval); its charges are separate authorized payments"},
        {"name": "merchant_order.not_a_payment", "match": {"preference_id": {"exists": True}, "order_status": {"exists": True}},
         "not_a_payment": "a merchant order grouping several or no payments; each payment is its own event"},
        # A 4xx body whose cause is a card rejection (a cc_rejected_* status_detail of the collection-results
        # page: the issuer or MercadoPago refused the card) reports a decline of the payment asked for, not a
        # malformed call: the rejection's own reason.
        {"name": "api_error.card_rejected",
         "match": {"error": {"exists": True}, "status": _API_ERROR_HTTP, "cause.0.code": {"prefix": "cc_rejected_"}},
         "status": "DECLINED",
         "fields": {"status": ["error"], "reason_code": ["cause.0.code", "cause.1.code"]},
         "default_payment_method": "CARD"},
        _API_ERROR,
        # A reply wrapping the payment under "payment" beside its customer and card (a subscription or
        # integration layer's answer around the Payments API object): the payment object is the event.
        {"name": "payment.wrapped", "root": "payment",
         "match": {"payment.status": {"exists": True}, "payment.transaction_amount": {"exists": True},
                   "payment.currency_id": {"exists": True}},
         "fields": _PAYMENT_FIELDS,
         # The card beside the payment (first_six_digits, the card token's payment_method) says it was a card.
         "rules": [*_PAYMENT_RULES,
                   {"when": {"^card.first_six_digits": {"exists": True}, "payment_type_id": {"exists": False}},
                    "set": {"payment_method": "CARD"}}]},
        # The Asgard notification of MercadoPago's platform plugins, refunded (its refunds' total) or any other status;
        # a site outside SITE_CURRENCIES names no currency: the status stands, no amount is read (as for a payment
        # without currency_id).
        {**_ASGARD_NOTIFICATION, "name": "asgard_notification.refunded",
         "match": {**_ASGARD_NOTIFICATION["match"], "^status": "refunded", "^currency_id": {"exists": True}},
         "fields": {**_ASGARD_NOTIFICATION["fields"], "amount": ["^total_refunded", "^transaction_amount"]}},
        {**_ASGARD_NOTIFICATION, "match": {**_ASGARD_NOTIFICATION["match"], "^currency_id": {"exists": True}}},
        {**_ASGARD_NOTIFICATION, "name": "asgard_notification.without_currency",
         "fields": {k: v for k, v in _ASGARD_NOTIFICATION["fields"].items() if k not in ("amount", "currency")}},
        # Orders API order, bare or as an order.* webhook's data; without a currency the amount is not read.
        {"name": "order.webhook", "root": "data",
         "match": {"data.transactions.payments": {"exists": True}, "data.currency": {"exists": True}},
         "fields": _ORDER_FIELDS, "status_map": ORDER_STATUSES, "rules": _ORDER_RULES},
        {"name": "order.webhook", "root": "data", "match": {"data.transactions.payments": {"exists": True}},
         "fields": _ORDER_FIELDS_NO_AMOUNT, "status_map": ORDER_STATUSES, "rules": _ORDER_RULES},
        # Orders API refund reply: the refunds without the payments (see _ORDER_REFUND).
        {"name": "order.refund", "match": {f"{_ORDER_REFUND}.status": {"exists": True},
                                           "transactions.payments": {"exists": False}, "currency": {"exists": True}},
         "fields": _ORDER_REFUND_FIELDS, "status_map": _ORDER_REFUND_STATUSES, "event_kind": "REFUND"},
        {"name": "order.refund", "match": {f"{_ORDER_REFUND}.status": {"exists": True},
                                           "transactions.payments": {"exists": False}},
         "fields": {k: v for k, v in _ORDER_REFUND_FIELDS.items() if k != "amount"},
         "status_map": _ORDER_REFUND_STATUSES, "event_kind": "REFUND"},
        {"name": "order", "match": {"transactions.payments": {"exists": True}, "status": {"exists": True},
                                    "currency": {"exists": True}},
         "fields": _ORDER_FIELDS, "status_map": ORDER_STATUSES, "rules": _ORDER_RULES},
        {"name": "order", "match": {"transactions.payments": {"exists": True}, "status": {"exists": True}},
         "fields": _ORDER_FIELDS_NO_AMOUNT, "status_map": ORDER_STATUSES, "rules": _ORDER_RULES},
        {
            # A subscription's charge: the nested payment says how it went once it exists.
            "name": "subscription.authorized_payment",
            "match": {"preapproval_id": {"exists": True}, "transaction_amount": {"exists": True}},
            "fields": {
                "provider_transaction_id": ["payment.id", "id"],
                "status": ["payment.status", "status"],
                "reason_code": ["payment.status_detail"],
                "amount": ["transaction_amount"],
                "currency": ["currency_id"],
                "event_time": ["last_modified", "debit_date", "date_created"],
                "attempt_id": ["payment.id", "id"],
            },
            "status_map": _AUTHORIZED_PAYMENT_STATUSES,
        },
        # GET /v1/chargebacks/{id}: the dispute on one or more payments. Its fields that are always there
        # (coverage_applied, documentation_required) may be null or absent in older responses: either tells.
        *({**_CHARGEBACK, "name": f"chargeback.{key}", "match": {key: {"exists": True}, "payments": {"exists": True}}}
          for key in ("coverage_applied", "documentation_required", "date_documentation_deadline")),
        # The chargeback as the SDK's Chargeback resource has it (sdk-php src/MercadoPago/Resources/Chargeback.php:
        # id, payment_id "the payment that originated the dispute", status, amount, currency_id, reason_id "the reason
        # code provided by the card network", reason, date_created, last_modified): any status is a dispute.
        {"name": "chargeback.single_payment",
         "match": {"payment_id": {"exists": True}, "reason_id": {"exists": True}, "amount": {"exists": True},
                   "transaction_amount": {"exists": False}, "refund_mode": {"exists": False}},
         "status": "CHARGEBACK", "event_kind": "DISPUTE",
         "fields": {"provider_transaction_id": ["id"], "amount": ["amount"], "currency": ["currency_id", "currency"],
                    "event_time": ["last_modified", "date_created"], "attempt_id": ["payment_id"],
                    "dispute_id": ["id"], "reason_code": ["reason_id"]}},
        # A chargeback found by GET /v1/chargebacks/search (id, payment_id, amount, status, date_created): a dispute
        # on the payment, whatever its status. No currency: the amount is not taken.
        {"name": "chargeback.search_result", "match": {CHARGEBACK_SEARCH_KEY: True},
         "status": "CHARGEBACK", "event_kind": "DISPUTE",
         "fields": {"provider_transaction_id": ["id"], "status": ["status"],
                    "event_time": ["last_modified", "date_last_updated", "date_created"],
                    "attempt_id": ["payment_id"], "dispute_id": ["id"], "reason_code": ["reason_id"]}},
        # A Point payment intent (see POINT_INTENT_STATES): the payment asked of a terminal. Its amount has no
        # currency in the message, so none is taken; the payment it produced (payment.id / payment_id) is the attempt.
        {"name": "point.payment_intent",
         "match": {"device_id": {"exists": True}, "state": {"exists": True}},
         "status_map": POINT_INTENT_STATES, "event_kind": "PAYMENT",
         "fields": {"provider_transaction_id": ["id"], "status": ["state"],
                    "attempt_id": ["payment.id", "payment_id"], "payment_id": ["id"]}},
        {
            # A refund of a payment: its own id, the payment is its parent. It carries no
            # currency, so no amount is taken (the payment row has both).
            "name": "refund",
            "match": {"refund_mode": {"exists": True}, "payment_id": {"exists": True}},
            "fields": {
                "provider_transaction_id": ["id"],
                "status": ["status"],
                "event_time": ["date_created"],
                "attempt_id": ["payment_id"],
            },
            "status_map": _REFUND_STATUSES,
            "event_kind": "REFUND",
        },
        {
            # A card payment returned without currency_id (see payment.without_currency below).
            "name": "card_payment.without_currency",
            "match": {"status": {"exists": True}, "currency_id": {"exists": False},
                      "transaction_amount": {"exists": True},
                      "payment_type_id": ["credit_card", "debit_card", "prepaid_card"]},
            "fields": {**{key: paths for key, paths in _PAYMENT_FIELDS.items() if key not in ("amount", "currency")},
                       "card_brand": ["payment_method_id"]},
            "rules": _PAYMENT_RULES,
        },
        {
            # Card payments: payment_method_id is the scheme (visa, master, amex, elo, naranja ...).
            "name": "card_payment",
            "match": {"status": {"exists": True},
                      "payment_type_id": ["credit_card", "debit_card", "prepaid_card"]},
            "fields": {**_PAYMENT_FIELDS, "card_brand": ["payment_method_id"]},
            "rules": _PAYMENT_RULES,
        },
        {
            # Checkout Pro back_url parameters (see _BACK_URL_STATUSES): the redirect names the payment only.
            "name": "checkout_pro.back_url",
            "match": {"collection_status": {"exists": True}, "preference_id": {"exists": True}},
            "fields": {
                "provider_transaction_id": ["payment_id", "collection_id"],
                "status": ["collection_status", "status"],
                "payment_method": ["payment_type"],
                "attempt_id": ["payment_id", "collection_id"],
                "payment_id": ["external_reference"],
            },
            "status_map": _BACK_URL_STATUSES,
        },
        {
            # The same back_url kept with the payment's names only (payment_id, status; no collection_* copies).
            "name": "checkout_pro.back_url",
            "match": {"preference_id": {"exists": True}, "payment_id": {"exists": True},
                      "status": list(_BACK_URL_STATUSES), "transaction_amount": {"exists": False}},
            "fields": {
                "provider_transaction_id": ["payment_id"],
                "status": ["status"],
                "payment_method": ["payment_type"],
                "attempt_id": ["payment_id"],
                "payment_id": ["external_reference"],
            },
            "status_map": _BACK_URL_STATUSES,
        },
        {
            # A payment returned without currency_id (e.g. the reply to PUT /v1/payments/{id} with capture=true,
            # developers' "Capture authorized payment": the payment with its status and captured): the status
            # stands; a major-unit transaction_amount cannot be read without its currency, so none is taken.
            "name": "payment.without_currency",
            "match": {"status": {"exists": True}, "transaction_amount": {"exists": True},
                      "currency_id": {"exists": False}},
            "fields": {key: paths for key, paths in _PAYMENT_FIELDS.items() if key not in ("amount", "currency")},
            "rules": _PAYMENT_RULES,
        },
        {
            "name": "payment",
            "match": {"status": {"exists": True}, "transaction_amount": {"exists": True}},
            "fields": _PAYMENT_FIELDS,
            "rules": _PAYMENT_RULES,
        },
        {
            # A payment kept with only its id, status and status_detail (a trimmed GET /v1/payments/{id}
            # reply): the payment status (approved, rejected, cancelled, refunded, ... per the Payments API
            # reference) still says the outcome; there is no amount to read. Read only under a hint: the
            # shape alone is too plain to name MercadoPago.
            "name": "payment.minimal",
            "match": {"id": {"exists": True}, "status": list(STATUSES), "transaction_amount": {"exists": False},
                      "amount": {"exists": False}},
            "fields": {"provider_transaction_id": ["id"], "status": ["status"], "reason_code": ["status_detail"],
                       "attempt_id": ["id"]},
            "rules": _PAYMENT_RULES,
        },
    ],
}


def prepare(body):
    """A search response of one payment becomes that payment; notifications are refused.

    A webhook or IPN notification names a resource (``data.id`` or ``resource``) and nothing
    else: its outcome is unknown until the merchant fetches the payment, so it is never guessed.
    """
    if not isinstance(body, dict):
        return body
    results = body.get("results")
    if isinstance(results, list) and "paging" in body:
        # One payment found: it is the document. Several: no single event, left unmapped.
        if len(results) != 1 or not isinstance(results[0], dict):
            return body
        found = results[0]
        if ("payment_id" in found and "transaction_amount" not in found and "refund_mode" not in found
                and "status" in found):
            # GET /v1/chargebacks/search: a chargeback naming the disputed payment (payments have no payment_id).
            return {**found, CHARGEBACK_SEARCH_KEY: True}
        return found
    payments = body.get("payments")
    if "order_status" in body and isinstance(payments, list) and len(payments) == 1 and isinstance(payments[0], dict):
        # A merchant order of one payment: that payment is the event (several are not one event).
        return payments[0]
    if "site_id" in body and "transactions" in body and not (body.get("currency") or body.get("currency_id")):
        # An Orders API order naming its site but no currency: the site's currency (SITE_CURRENCIES).
        currency = SITE_CURRENCIES.get(str(body.get("site_id")).upper())
        if currency:
            body = {**body, "currency": currency}
    metadata = body.get("payments_metadata")
    if ("notification_id" in body and isinstance(body.get("payments_details"), list) and isinstance(metadata, dict)
            and not body.get("currency_id")):
        # An Asgard notification (see _ASGARD_NOTIFICATION): its amounts are in its site's currency.
        currency = SITE_CURRENCIES.get(str(metadata.get("site_id")).upper())
        if currency:
            body = {**body, "currency_id": currency}
    data = body.get("data")
    if isinstance(data, dict) and "site_id" in data and "transactions" in data and not (
            data.get("currency") or data.get("currency_id")):
        currency = SITE_CURRENCIES.get(str(data.get("site_id")).upper())
        if currency:
            body = {**body, "data": {**data, "currency": currency}}
            data = body["data"]
    topic = body.get("type") or body.get("topic")
    # A webhook whose data names resources (ids, a payment_id) but carries no status: the outcome is
    # elsewhere. Topics that are not about payments are left to their not-a-payment variant.
    thin_webhook = (isinstance(data, dict) and "status" not in data and "transactions" not in data
                    and ("action" in body or "actions" in body or "type" in body) and "status" not in body
                    and topic not in _NOT_PAYMENT_TOPICS)
    legacy_ipn = isinstance(body.get("resource"), str) and "topic" in body and "status" not in body
    # The IPN's query string (topic=payment&id=123) or the webhook's (data.id=123&type=payment), kept as parameters.
    query = body.get("id") if "topic" in body else body.get("data.id") if "type" in body else None
    query_ipn = (query is not None and "status" not in body and topic in _NOTIFICATION_TOPICS
                 and topic not in _NOT_PAYMENT_TOPICS and not legacy_ipn and not thin_webhook)
    if str(body.get("collection_status", body.get("status") if "preference_id" in body else "")).lower() == "null":
        # A back_url of a buyer who came back without paying (collection_status=null, payment_id=null): no payment.
        raise UnmappedPayload(
            NOTIFICATION_WITHOUT_OUTCOME,
            "mercadopago: Checkout Pro back_url with collection_status null names no payment",
        )
    if thin_webhook or legacy_ipn or query_ipn:
        resource = data.get("id") if thin_webhook else body.get("resource") if legacy_ipn else query
        raise UnmappedPayload(
            NOTIFICATION_WITHOUT_OUTCOME,
            f"mercadopago: {topic} notification for {resource} carries no status or amount; "
            "the outcome is in the resource's GET response",
        )
    return body
