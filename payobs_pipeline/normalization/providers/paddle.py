"""Paddle (merchant of record): Paddle Billing transactions, adjustments, webhooks and API errors; Paddle Classic
webhook alerts.

Sources (Paddle documentation, and the Paddle Billing API enums as published in paddle-rust-sdk, a model crate,
not tests):
- https://developer.paddle.com/api-reference/transactions/overview and
  https://docs.rs/paddle-rust-sdk/latest/paddle_rust_sdk/enums/enum.TransactionStatus.html (transaction id txn_,
  status draft / ready / billed / paid / completed / canceled / past_due: "Automatically-collected transactions
  may return completed if payment is captured successfully, or past_due if payment failed"; currency_code;
  details.totals.total / grand_total as strings in the lowest denomination of the currency; payments[] the
  payment attempts, most recent first: payment_attempt_id, amount, status, error_code, method_details
  {type, card {type}}, created_at, captured_at; billed_at, created_at, updated_at)
- https://docs.rs/paddle-rust-sdk/latest/paddle_rust_sdk/enums/enum.PaymentAttemptStatus.html (authorized,
  authorized_flagged, canceled, captured, error, action_required, pending_no_action_required, created, unknown,
  dropped)
- https://docs.rs/paddle-rust-sdk/latest/paddle_rust_sdk/enums/enum.ErrorCode.html (payment attempt error_code:
  already_canceled, already_refunded, authentication_failed "3DS2 challenge completed but not successful",
  blocked_card "frozen, lost, damaged, or stolen", canceled "customer has requested that the mandate for
  recurring payments be canceled", declined "no other information", declined_not_retryable, expired_card, fraud,
  invalid_amount, invalid_payment_details, issuer_unavailable, not_enough_balance,
  preferred_network_not_supported, psp_error, redacted_payment_method, system_error,
  transaction_not_permitted, unknown)
- https://developer.paddle.com/webhooks/transactions/transaction-billed, transaction-ready (event envelope:
  event_id evt_, event_type, occurred_at, notification_id ntf_, data the entity); transaction.completed,
  transaction.paid, transaction.payment_failed ("occurs when a payment fails for a transaction"),
  transaction.canceled, transaction.past_due; adjustment.created / adjustment.updated
- https://developer.paddle.com/api-reference/adjustments/overview (adjustment id adj_, action credit / refund /
  chargeback / chargeback_reverse / chargeback_warning / credit_reverse, status pending_approval / approved /
  rejected / reversed, transaction_id, currency_code, totals.total in the lowest denomination)
- https://developer.paddle.com/api-reference/about/paddle-ids (every entity's id names its kind: txn_ transaction,
  adj_ adjustment; add_ address, apikey_ API key, apkexp_ API key exposure, biz_ business, ctkn_ client-side
  token, ctm_ customer, cpls_ customer portal session, dsc_ discount, pri_ price, pro_ product, rep_ report,
  sub_ subscription, paymtd_ saved payment method: none of those is a payment) and
  https://developer.paddle.com/api-reference/reports plus docs.rs paddle-rust-sdk enums ReportStatus (a report
  entity describes a CSV export, status pending / ready / failed / expired: not a payment)
- API responses (developer.paddle.com/api-reference/overview: a GET / POST answer is {"data": <entity>,
  "meta": {"request_id"}}; the Go and Python SDKs' testdata, e.g. paddle-go-sdk testdata/transaction.json):
  the entity is read from data as a webhook's is; a transaction entity is recognized by its collection_mode
  (automatic / manual) and details.totals even where its id is not kept
- https://developer.paddle.com/errors/transactions/transaction_status_must_be_ready and
  .../transaction_invalid_status_change (error bodies {"error": {"type": "request_error", "code", "detail",
  "documentation_url": "https://developer.paddle.com/errors/..."}, "meta": {"request_id"}}; 4xx request_error,
  5xx api_error)
- Paddle Classic: https://developer.paddle.com/webhook-reference/ (alert_name subscription_payment_succeeded
  "fired when a subscription payment is received successfully", subscription_payment_failed,
  subscription_payment_refunded, payment_succeeded, payment_refunded, payment_dispute_created /
  payment_dispute_closed "fired when a dispute/chargeback is raised", high_risk_transaction_created /
  high_risk_transaction_updated, and the non-payment alerts subscription_created / updated / cancelled,
  transfer_created / transfer_paid, new_audience_member / update_audience_member, order_processing_completed;
  form-encoded fields as strings: sale_gross / amount / gross_refund in major units, currency, order_id,
  checkout_id, payment_method card / paypal, event_time "YYYY-MM-DD HH:MM:SS", p_signature) and
  https://paddle.com/docs/subscriptions-event-reference (the subscription alert list and fields)

- Paddle.js (Billing) checkout events, https://developer.paddle.com/paddle-js/events and its pages checkout-closed,
  checkout-payment-initiated ("Followed by either: checkout.payment.failed if payment fails, checkout.completed if
  payment is successful"), checkout-loaded (data.status draft / ready / billed / paid / completed): {"name",
  "data": {"id": che_, "transaction_id": txn_, "status", "currency_code", "totals", ...}}. The unit of their totals
  is not stated in the stored pages, so no amount is read from them
- Paddle Classic checkout events, https://developer.paddle.com/reference/84fbd65638c3f-checkout-events
  (eventCallback {"event", "eventData"}: Checkout.Complete "Checkout has been completed successfully", equivalent to
  the successCallback; Checkout.Close "Checkout has been closed"; the others are checkout UI steps) and
  .../classic/guides/b299bce2a2f40-post-checkout; the eventData.checkout layout (id, completed, prices.customer
  {currency, total} as decimal strings) rests on recollection
- https://developer.paddle.com/webhook-reference/product-fulfillment (the Classic fulfillment webhook: p_order_id,
  p_sale_gross, p_currency, p_signature ... sent "to send order-specific data to a customer after a checkout is
  completed"): a fulfilment message, not a payment event, like the locker_processed alert
- Paddle Classic API answers ({"success": true, "response": {...}}; hexdocs.pm/paddlex Paddle.ProductPayment
  "Request a refund ... refunds are not immediate and will be reviewed and approved by our buyer support team",
  returning the refund_request_id; paddlex Paddle.Subscription one-off charge answer invoice_id, subscription_id,
  amount (major-unit string), currency, payment_date, receipt_url; Paddle.Alert webhook history current_page,
  total_pages, alerts_per_page, total_alerts, data[] of past alerts: a report). The Classic API error body
  ({"success": false, "error": {"code", "message"}}) is not mapped: no stored page gives its code table.
Lifecycle identity: Billing: the transaction (txn_) is the payment; its payment attempt is
payments[0].payment_attempt_id; a refund is an adjustment (adj_) naming the transaction; a chargeback is an
adjustment with a chargeback action. Classic: the order_id is the attempt, checkout_id the payment; refunds and
disputes name the order.
"""

from __future__ import annotations

from typing import Any

_CUSTOMER = "CUSTOMER"
_HARD = "HARD"

# Paddle.js checkout events that state an outcome (paddle-js/events): completed "emitted when payment is
# successful", payment.failed a failed attempt, payment.initiated an attempt under way, closed without paying.
PADDLEJS_CHECKOUT_EVENTS = {"checkout.completed": "APPROVED", "checkout.payment.failed": "DECLINED",
                            "checkout.payment.initiated": "PENDING", "checkout.closed": "CANCELLED"}
# Paddle Classic checkout eventCallback (Checkout.Complete / Checkout.Close) and successCallback (completed true).
CLASSIC_CHECKOUT_EVENTS = {"Checkout.Complete": "APPROVED", "Checkout.Close": "CANCELLED", "true": "APPROVED",
                           "false": "CANCELLED"}

TRANSACTION_STATUSES = {
    "draft": "PENDING",
    "ready": "PENDING",
    "billed": "PENDING",  # an invoice issued, awaiting payment
    "paid": "APPROVED",
    "completed": "APPROVED",
    "canceled": "CANCELLED",
    "past_due": "DECLINED",  # an automatically-collected payment failed (the subscription is in dunning)
}
PAYMENT_ATTEMPT_STATUSES = {
    "captured": "APPROVED",
    "authorized": "APPROVED",
    "authorized_flagged": "PENDING",
    "canceled": "CANCELLED",
    "error": "DECLINED",
    "action_required": "PENDING",
    "pending_no_action_required": "PENDING",
    "created": "PENDING",
    "unknown": "UNKNOWN",
    "dropped": "CANCELLED",
}
REFUND_STATUSES = {
    "approved": "REFUNDED",
    "pending_approval": "PENDING",
    "rejected": "DECLINED",
    "reversed": "DECLINED",
}
PAYMENT_ERROR_CODES = {
    "already_canceled": "INVALID_REQUEST",
    "already_refunded": "INVALID_REQUEST",
    "authentication_failed": {"reason": "AUTHENTICATION_FAILED", "source": _CUSTOMER},
    "blocked_card": "RESTRICTED_CARD",
    "canceled": "REVOKED",
    "declined": "GENERIC_DECLINE",
    "declined_not_retryable": {"reason": "GENERIC_DECLINE", "decline_type": _HARD},
    "expired_card": "EXPIRED_CARD",
    "fraud": "SUSPECTED_FRAUD",
    "invalid_amount": "INVALID_REQUEST",
    "invalid_payment_details": {"reason": "INVALID_CARD_DATA", "source": _CUSTOMER},
    "issuer_unavailable": "ISSUER_UNAVAILABLE",
    "not_enough_balance": "INSUFFICIENT_FUNDS",
    "preferred_network_not_supported": "TRANSACTION_NOT_PERMITTED",
    "psp_error": "PROCESSING_ERROR",
    "redacted_payment_method": "INVALID_REQUEST",
    "system_error": "PROCESSING_ERROR",
    "transaction_not_permitted": "TRANSACTION_NOT_PERMITTED",
    "unknown": "UNKNOWN",
}
API_ERROR_CODES = {
    "authentication_missing": "CONFIGURATION_ERROR",
    "authentication_malformed": "CONFIGURATION_ERROR",
    "invalid_token": "CONFIGURATION_ERROR",
    "forbidden": "CONFIGURATION_ERROR",
    "not_found": "INVALID_REQUEST",
    "bad_request": "INVALID_REQUEST",
    "invalid_field": "INVALID_REQUEST",
    "invalid_json": "INVALID_REQUEST",
    "invalid_url": "INVALID_REQUEST",
    "method_not_allowed": "INVALID_REQUEST",
    "transaction_status_must_be_ready": "INVALID_REQUEST",
    "transaction_invalid_status_change": "INVALID_REQUEST",
    "conflict": "DUPLICATE",
    "too_many_requests": "PROCESSING_ERROR",
    "internal_error": "PROCESSING_ERROR",
    # The error body's type, read last (prepare() names it): request_error = a 4xx, api_error = a 5xx.
    "request_error": "INVALID_REQUEST",
    "api_error": "PROCESSING_ERROR",
}
CLASSIC_ALERTS = {
    "payment_succeeded": "APPROVED",
    "subscription_payment_succeeded": "APPROVED",
    "subscription_payment_failed": "DECLINED",
    "payment_refunded": "REFUNDED",
    "subscription_payment_refunded": "REFUNDED",
    "payment_dispute_created": "CHARGEBACK",
    "payment_dispute_closed": "CHARGEBACK",
}
HIGH_RISK_STATUSES = {
    "high_risk_transaction_created/pending": "PENDING",
    "high_risk_transaction_updated/pending": "PENDING",
    "high_risk_transaction_updated/accepted": "APPROVED",
    "high_risk_transaction_updated/rejected": "DECLINED",
}
CLASSIC_NON_PAYMENT_ALERTS = ["subscription_created", "subscription_updated", "subscription_cancelled",
                              "transfer_created", "transfer_paid", "new_audience_member", "update_audience_member",
                              "order_processing_completed", "locker_processed", "invoice_sent", "invoice_overdue"]
# Paddle IDs of entities that are not payments (api-reference/about/paddle-ids).
NON_PAYMENT_ID_PREFIXES = ["add_", "apikey_", "apkexp_", "biz_", "ctkn_", "ctm_", "cpls_", "dsc_", "pri_", "pro_",
                           "rep_", "sub_", "paymtd_"]
# The filters a report is made with (api-reference/reports/create-report; the list from recollection of that page).
REPORT_FILTERS = ["action", "collection_mode", "currency_code", "origin", "status", "type", "updated_at",
                  "price_status", "price_type", "price_updated_at", "product_status", "product_type",
                  "product_updated_at"]
NON_PAYMENT_EVENT_PREFIXES = ["subscription.", "customer.", "address.", "business.", "product.", "price.",
                              "discount.", "payout.", "report.", "payment_method.", "api_key.", "client_token."]

PAYMENT_METHODS = {
    "card": "CARD",
    "apple_pay": "WALLET",
    "google_pay": "WALLET",
    "paypal": "WALLET",
    "alipay": "WALLET",
    "wechat_pay": "WALLET",
    "kakao_pay": "WALLET",
    "naver_pay": "WALLET",
    "payco": "WALLET",
    "samsung_pay": "WALLET",
    "mb_way": "WALLET",
    "ideal": "BANK_TRANSFER",
    "bancontact": "BANK_TRANSFER",
    "blik": "BANK_TRANSFER",
    "korea_local": "CARD",  # Korean locally issued cards
    "pix": "PIX",
    "upi": "BANK_TRANSFER",
    "wire_transfer": "BANK_TRANSFER",
    "offline": "OTHER",
    "unknown": "OTHER",
    # Classic alerts' payment_method
    "apple-pay": "WALLET",
    "wire-transfer": "BANK_TRANSFER",
}
CARD_BRANDS = {"american_express": "amex", "diners_club": "diners", "union_pay": "unionpay", "unknown": None}

METHOD_KEY = "_payobs_method"
ERROR_TYPE_KEY = "_payobs_error_type"

_TRANSACTION_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status"],
    "reason_code": ["payments.0.error_code"],
    "amount": ["details.totals.grand_total", "details.totals.total"],
    "currency": ["currency_code", "details.totals.currency_code"],
    "event_time": ["^occurred_at", "updated_at", "billed_at", "created_at"],
    "payment_method": ["payments.0.method_details.type"],
    "card_brand": ["payments.0.method_details.card.type"],
    "payment_id": ["id"],
    "attempt_id": ["payments.0.payment_attempt_id"],
}
_TRANSACTION_RULES = [
    # "Occurs when a payment fails for a transaction": the attempt (payments[0]) failed, whatever the
    # transaction's own status (still ready or billed, awaiting a retry).
    {"when": {"^event_type": "transaction.payment_failed"},
     "set": {"status_category": "DECLINED", "event_kind": "AUTHORIZATION"}},
    # developer.paddle.com/api-reference/transactions/overview: payments[] lists the attempts, most recent
    # first, each with status error and an error_code when it failed. A transaction still open (draft, ready,
    # billed) whose latest attempt is in error was refused; the transaction waits for a retry.
    {"when": {"status": ["draft", "ready", "billed"], "payments.0.status": "error"},
     "set": {"status_category": "DECLINED", "event_kind": "AUTHORIZATION"}},
]
_ADJUSTMENT_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status"],
    "amount": ["totals.total"],
    "currency": ["currency_code", "totals.currency_code"],
    "event_time": ["^occurred_at", "updated_at", "created_at"],
    "payment_id": ["transaction_id"],
    "refund_id": ["id"],
    "dispute_id": ["id"],
}
_CLASSIC_FIELDS = {
    "provider_transaction_id": ["order_id", "checkout_id"],
    "status": ["alert_name"],
    "amount": ["sale_gross", "amount"],
    "currency": ["currency"],
    "event_time": ["event_time"],
    "payment_method": [METHOD_KEY],
    "card_brand": ["payment_method.card_type"],
    "customer_country": ["country"],
    "attempt_id": ["order_id"],
    "payment_id": ["checkout_id"],
}

SPEC = {
    "provider": "paddle",
    "aliases": ["paddle", "paddle_billing", "paddle billing", "paddle_classic", "paddle classic", "paddle.com",
                "paddlecom"],
    "detect": [
        {"path": "id", "prefix": "txn_", "weight": 0.5},
        {"path": "id", "prefix": "adj_", "weight": 0.5},
        {"path": "data.id", "prefix": ["txn_", "adj_"], "weight": 0.4},
        {"path": "notification_id", "prefix": "ntf_", "weight": 0.3},
        {"path": "event_type", "prefix": ["transaction.", "adjustment."], "weight": 0.2},
        {"path": "event_type", "prefix": NON_PAYMENT_EVENT_PREFIXES, "weight": 0.2},
        {"path": "data.transaction_id", "prefix": "txn_", "weight": 0.2},
        {"path": "transaction_id", "prefix": "txn_", "weight": 0.2},
        {"path": "payments.0.payment_attempt_id", "exists": True, "weight": 0.3},
        # Entities name their customer and address by Paddle ID; transactions and subscriptions their collection mode.
        {"path": "customer_id", "prefix": "ctm_", "weight": 0.2},
        {"path": "data.customer_id", "prefix": "ctm_", "weight": 0.2},
        {"path": "address_id", "prefix": "add_", "weight": 0.2},
        {"path": "data.address_id", "prefix": "add_", "weight": 0.1},
        {"path": "collection_mode", "in": ["automatic", "manual"], "weight": 0.2},
        {"path": "data.collection_mode", "in": ["automatic", "manual"], "weight": 0.1},
        {"path": "id", "prefix": NON_PAYMENT_ID_PREFIXES, "weight": 0.3},
        {"path": "data.id", "prefix": NON_PAYMENT_ID_PREFIXES, "weight": 0.2},
        # A report entity's filters: [{"name", "operator", "value"}] (api-reference/reports).
        {"path": "filters.0.name", "in": REPORT_FILTERS, "weight": 0.2},
        {"path": "error.documentation_url", "prefix": "https://developer.paddle.com/", "weight": 0.9},
        # Classic alerts (form-encoded POSTs)
        {"path": "alert_name", "in": [*CLASSIC_ALERTS, "high_risk_transaction_created",
                                      "high_risk_transaction_updated", *CLASSIC_NON_PAYMENT_ALERTS,
                                      "invoice_paid"], "weight": 0.5},
        {"path": "p_signature", "exists": True, "weight": 0.4},
        # The Classic fulfillment webhook's own p_-prefixed order fields.
        {"path": "p_order_id", "exists": True, "weight": 0.2},
        # Paddle.js checkout events: the checkout's che_ id under data beside the event's name.
        {"path": "data.id", "prefix": "che_", "weight": 0.4},
        {"path": "name", "prefix": "checkout.", "weight": 0.1},
        # Paddle Classic API answers: receipt_url on my.paddle.com, refund_request_id, the webhook history.
        {"path": "response.receipt_url", "prefix": "https://my.paddle.com/receipt/", "weight": 0.5},
        {"path": "response.refund_request_id", "exists": True, "weight": 0.5},
        {"path": "response.alerts_per_page", "exists": True, "weight": 0.3},
        {"path": "response.data.0.alert_name", "exists": True, "weight": 0.3},
        # Classic checkout eventCallback / successCallback data.
        {"path": "eventData.checkout.id", "exists": True, "weight": 0.3},
        {"path": "event", "prefix": "Checkout.", "weight": 0.2},
        {"path": "checkout.prices.customer.total", "exists": True, "weight": 0.3},
        {"path": "checkout.completed", "exists": True, "weight": 0.2},
    ],
    "amount_unit": "minor",
    "reason_map": {**PAYMENT_ERROR_CODES, **API_ERROR_CODES},
    "payment_method_map": PAYMENT_METHODS,
    "card_brand_map": CARD_BRANDS,
    "variants": [
        # --- Paddle.js and Classic checkout events (see the docstring) -------------------------------------
        {"name": "paddlejs.checkout", "root": "data",
         "match": {"name": ["checkout.completed", "checkout.payment.failed", "checkout.payment.initiated",
                            "checkout.closed"], "data.id": {"prefix": "che_"}},
         "fields": {"provider_transaction_id": ["transaction_id", "id"], "status": ["^name"],
                    "currency": ["currency_code"], "payment_id": ["transaction_id"],
                    "payment_method": ["payment.method_details.type"],
                    "card_brand": ["payment.method_details.card.type"]},
         "event_kind": "PAYMENT",
         "status_map": PADDLEJS_CHECKOUT_EVENTS,
         "rules": [
             # A payment attempt's start and failure are the attempt's (checkout-payment-initiated).
             {"when": {"^name": ["checkout.payment.failed", "checkout.payment.initiated"]},
              "set": {"event_kind": "AUTHORIZATION"}},
             # Closed after it completed: the checkout's own status still says it was paid.
             {"when": {"^name": "checkout.closed", "status": ["completed", "paid"]},
              "set": {"status_category": "APPROVED"}},
         ]},
        {"name": "paddlejs.not_a_payment", "match": {"name": {"prefix": "checkout."}, "data.id": {"prefix": "che_"}},
         "not_a_payment": "a Paddle.js checkout step (loaded, customer, items, discount, payment selected)"},
        *({"name": "classic.checkout_event", **({"root": root} if root else {}),
           "match": {**match, f"{at}checkout.id": {"exists": True}},
           "amount_unit": "major", "event_kind": "PAYMENT",
           "fields": {"provider_transaction_id": ["checkout.id"], "status": status,
                      "amount": ["checkout.prices.customer.total"], "currency": ["checkout.prices.customer.currency"],
                      "payment_id": ["checkout.id"]},
           "status_map": CLASSIC_CHECKOUT_EVENTS}
          for root, at, match, status in (
              ("eventData", "eventData.", {"event": ["Checkout.Complete", "Checkout.Close"]}, ["^event"]),
              (None, "", {"checkout.completed": {"exists": True}, "checkout.prices": {"exists": True}},
               ["checkout.completed"]))),
        {"name": "classic.checkout_event.not_a_payment",
         "match": {"event": {"prefix": "Checkout."}, "eventData": {"exists": True}},
         "not_a_payment": "a Paddle Classic checkout step (loaded, customer details, payment selection ...)"},
        {"name": "classic.fulfillment_webhook.not_a_payment",
         "match": {"p_order_id": {"exists": True}, "p_signature": {"exists": True}, "alert_name": {"exists": False}},
         "not_a_payment": "a Paddle Classic fulfillment webhook (order data for fulfilment; payment_succeeded "
                          "carries the payment)"},
        # --- Paddle Classic API answers {"success": true, "response": {...}} --------------------------------
        # POST /2.0/subscription/{id}/charge (Create one-off charge): the charge was made and invoiced.
        {"name": "classic_api.one_off_charge", "root": "response",
         "match": {"response.invoice_id": {"exists": True}, "response.receipt_url": {"exists": True},
                   "response.amount": {"exists": True}},
         "amount_unit": "major", "status": "APPROVED",
         "fields": {"provider_transaction_id": ["invoice_id"], "status": ["^success"], "amount": ["amount"],
                    "currency": ["currency"], "event_time": ["payment_date"], "attempt_id": ["invoice_id"],
                    "payment_id": ["invoice_id"]}},
        # POST /2.0/payment/refund (Refund payment): a refund request, "reviewed and approved by our buyer support
        # team" before it is made (the payment_refunded alert reports it).
        {"name": "classic_api.refund_request", "root": "response",
         "match": {"response.refund_request_id": {"exists": True}},
         "status": "PENDING", "event_kind": "REFUND",
         "fields": {"provider_transaction_id": ["refund_request_id"], "status": ["^success"],
                    "refund_id": ["refund_request_id"], "amount": [], "currency": []}},
        # POST /2.0/alert/webhooks (Get webhook history): a paginated report of past alerts.
        {"name": "classic_api.webhook_history.not_a_payment",
         "match": {"response.alerts_per_page": {"exists": True}, "response.data": {"exists": True}},
         "not_a_payment": "the Paddle Classic webhook history: a report of sent alerts, not an event"},
        # --- Paddle Billing -------------------------------------------------------------------------------
        {"name": "error", "match": {"error.code": {"exists": True}},
         "status": "ERROR", "event_kind": "AUTHORIZATION",
         "fields": {"status": ["error.code"], "reason_code": ["error.code", ERROR_TYPE_KEY]}},
        {"name": "event.not_a_payment", "match": {"event_type": {"prefix": NON_PAYMENT_EVENT_PREFIXES}},
         "not_a_payment": "a Paddle subscription, customer, catalog, payout or report event"},
        {"name": "event.transaction", "root": "data",
         "match": {"event_type": {"prefix": "transaction."}, "data.id": {"prefix": "txn_"}},
         "fields": _TRANSACTION_FIELDS, "status_map": TRANSACTION_STATUSES, "event_kind": "PAYMENT",
         "rules": _TRANSACTION_RULES},
        {"name": "event.adjustment.not_a_payment",
         "match": {"event_type": {"prefix": "adjustment."}, "data.action": ["credit", "credit_reverse"]},
         "not_a_payment": "a Paddle credit adjustment (balance credited on an invoice, no money returned)"},
        {"name": "event.adjustment.chargeback", "root": "data",
         "match": {"event_type": {"prefix": "adjustment."}, "data.action": {"prefix": "chargeback"}},
         "fields": {**_ADJUSTMENT_FIELDS, "status": ["action"]}, "status": "CHARGEBACK", "event_kind": "DISPUTE"},
        {"name": "event.adjustment.refund", "root": "data",
         "match": {"event_type": {"prefix": "adjustment."}, "data.action": "refund"},
         "fields": _ADJUSTMENT_FIELDS, "status_map": REFUND_STATUSES, "event_kind": "REFUND"},
        # An API answer {"data": <entity>, "meta": {"request_id"}}: the entity as a webhook carries it.
        {"name": "response.not_a_payment", "match": {"data.id": {"prefix": NON_PAYMENT_ID_PREFIXES}},
         "not_a_payment": "a Paddle customer, subscription, catalog, report or other non-payment entity"},
        {"name": "response.transaction", "root": "data",
         "match": {"data.id": {"prefix": "txn_"}, "data.status": {"exists": True}},
         "fields": _TRANSACTION_FIELDS, "status_map": TRANSACTION_STATUSES, "event_kind": "PAYMENT",
         "rules": _TRANSACTION_RULES},
        {"name": "response.adjustment.not_a_payment",
         "match": {"data.id": {"prefix": "adj_"}, "data.action": ["credit", "credit_reverse"]},
         "not_a_payment": "a Paddle credit adjustment (balance credited on an invoice, no money returned)"},
        {"name": "response.adjustment.chargeback", "root": "data",
         "match": {"data.id": {"prefix": "adj_"}, "data.action": {"prefix": "chargeback"}},
         "fields": {**_ADJUSTMENT_FIELDS, "status": ["action"]}, "status": "CHARGEBACK", "event_kind": "DISPUTE"},
        {"name": "response.adjustment.refund", "root": "data",
         "match": {"data.id": {"prefix": "adj_"}, "data.action": "refund"},
         "fields": _ADJUSTMENT_FIELDS, "status_map": REFUND_STATUSES, "event_kind": "REFUND"},
        # A bare entity (a notification's payload, an SDK fixture).
        {"name": "entity.not_a_payment", "match": {"id": {"prefix": NON_PAYMENT_ID_PREFIXES}},
         "not_a_payment": "a Paddle customer, subscription, catalog, report or other non-payment entity"},
        {"name": "transaction", "match": {"id": {"prefix": "txn_"}, "status": {"exists": True}},
         "fields": _TRANSACTION_FIELDS, "status_map": TRANSACTION_STATUSES, "event_kind": "PAYMENT",
         "rules": _TRANSACTION_RULES},
        # A transaction entity kept without its id: its collection mode and totals say what it is.
        {"name": "transaction.without_id",
         "match": {"collection_mode": ["automatic", "manual"], "details.totals": {"exists": True},
                   "status": {"exists": True}, "id": {"exists": False}},
         "fields": _TRANSACTION_FIELDS, "status_map": TRANSACTION_STATUSES, "event_kind": "PAYMENT",
         "rules": _TRANSACTION_RULES},
        {"name": "adjustment.not_a_payment",
         "match": {"id": {"prefix": "adj_"}, "action": ["credit", "credit_reverse"]},
         "not_a_payment": "a Paddle credit adjustment (balance credited on an invoice, no money returned)"},
        {"name": "adjustment.chargeback", "match": {"id": {"prefix": "adj_"}, "action": {"prefix": "chargeback"}},
         "fields": {**_ADJUSTMENT_FIELDS, "status": ["action"]}, "status": "CHARGEBACK", "event_kind": "DISPUTE"},
        {"name": "adjustment.refund", "match": {"id": {"prefix": "adj_"}, "action": "refund"},
         "fields": _ADJUSTMENT_FIELDS, "status_map": REFUND_STATUSES, "event_kind": "REFUND"},
        # --- Paddle Classic alerts ------------------------------------------------------------------------
        {"name": "classic.not_a_payment", "match": {"alert_name": CLASSIC_NON_PAYMENT_ALERTS},
         "not_a_payment": "a Paddle Classic subscription, payout, audience or fulfilment alert"},
        {"name": "classic.refund", "match": {"alert_name": ["payment_refunded", "subscription_payment_refunded"]},
         "amount_unit": "major", "status_map": CLASSIC_ALERTS, "event_kind": "REFUND",
         "fields": {**_CLASSIC_FIELDS, "amount": ["gross_refund", "amount"], "refund_id": ["alert_id"]}},
        {"name": "classic.dispute", "match": {"alert_name": ["payment_dispute_created", "payment_dispute_closed"]},
         "amount_unit": "major", "status_map": CLASSIC_ALERTS, "event_kind": "DISPUTE",
         "fields": {**_CLASSIC_FIELDS, "dispute_id": ["order_id", "checkout_id"]}},
        {"name": "classic.high_risk",
         "match": {"alert_name": ["high_risk_transaction_created", "high_risk_transaction_updated"]},
         "amount_unit": "major", "status_map": HIGH_RISK_STATUSES,
         "fields": {**_CLASSIC_FIELDS, "status": {"join": ["alert_name", "status"], "sep": "/"}},
         # Paddle's buyer-support team rejected a transaction its risk checks flagged.
         "rules": [{"when": {"status": "rejected"}, "set": {"failure_reason": "RISK_REJECTED"}}]},
        {"name": "classic.payment", "match": {"alert_name": list(CLASSIC_ALERTS)},
         "amount_unit": "major", "status_map": CLASSIC_ALERTS,
         "fields": _CLASSIC_FIELDS},
    ],
}


def prepare(body: Any) -> Any:
    """Name a Classic alert's payment method (a string, or an object with card details) and an error's type.

    Pure: returns a copy when it adds a key; the original is untouched.
    """
    if not isinstance(body, dict):
        return body
    if "alert_name" in body:
        method = body.get("payment_method")
        if isinstance(method, dict):
            name = "card" if method.get("card_type") or method.get("last_four_digits") else None
        else:
            name = method if isinstance(method, str) and method.strip() else None
        return {**body, METHOD_KEY: name.strip().lower()} if name else body
    error = body.get("error")
    if isinstance(error, dict) and isinstance(error.get("type"), str):
        return {**body, ERROR_TYPE_KEY: error["type"]}
    return body
