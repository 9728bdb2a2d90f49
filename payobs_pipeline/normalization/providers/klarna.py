"""Klarna: Order Management orders, Klarna Payments authorizations, Klarna Checkout orders, errors.

Sources (Klarna documentation):
- https://klarna.github.io/kco_rest_dotnet/v3.1.9/api/Klarna.Rest.Core.Model.Enum.OrderManagementOrderStatus.html
  (order status AUTHORIZED, PART_CAPTURED, CAPTURED, CANCELLED, EXPIRED, CLOSED)
- api-evangelist/klarna json-schema/klarna-merchant-order-dto-schema.json (derived from Klarna's Orders
  OpenAPI: order_id, status, fraud_status "Either ACCEPTED, PENDING or REJECTED", order_amount and
  captured_amount / refunded_amount "in minor units", purchase_currency, merchant_reference1,
  klarna_reference, created_at, expires_at, captures[], refunds[], initial_payment_method)
- https://docs.klarna.com/resources/developer-tools/error-handling/error-codes-and-messages-for-order-management
  (error body error_code / error_messages / correlation_id; 400 NOT_FOUND, 403 XXX_NOT_ALLOWED
  (CAPTURE_NOT_ALLOWED, CANCEL_NOT_ALLOWED, NOT_ALLOWED, ...), 404 NO_SUCH_XXX / NOT_FOUND, 409 CONFLICT,
  413 REQUEST_TOO_LARGE, 422 UNPROCESSABLE_ENTITY / INVALID_ADDRESS, 429 TOO_MANY_REQUESTS, 500
  INTERNAL_SERVER_ERROR / UNEXPECTED_ERROR, 502/503/504 TEMPORARILY_UNAVAILABLE)
- https://docs.adyen.com/payment-methods/klarna/raw-responses (Klarna's BAD_VALUE error code)
- Klarna Payments "Create an order" response (order_id, redirect_url, fraud_status,
  authorized_payment_method) and Klarna Checkout v3 order (status checkout_incomplete /
  checkout_complete / created, order_amount, purchase_currency, purchase_country, started_at,
  completed_at)
- https://docs.klarna.com/order-management/get-started/pending-orders and
  .../in-depth-knowledge/pending-orders (the pending-order push notification: order_id and event_type
  FRAUD_RISK_ACCEPTED / FRAUD_RISK_REJECTED / FRAUD_RISK_STOPPED; the body's timestamp field name is not in what is
  stored, read from occurred_at when present, from recollection)
- docs.klarna.com/klarna-network-distribution/payments/one-time-payments/.../monitor-the-payment-request-state and
  the Klarna Web SDK's PaymentRequestState (Payment Request states, see PAYMENT_REQUEST_STATES); the webhook
  envelope (metadata.event_type payment.request.state-change.*, the request under payload) from recollection
- docs.klarna.com/klarna-payments/in-depth-knowledge/klarna-payments-sdk-reference (the JS SDK's authorize()
  callback: ``approved``, ``show_form``, ``authorization_token``, ``finalize_required``, ``error.invalid_fields``) and
  docs.klarna.com/klarna-payments/in-depth-knowledge/authorization-callback ("When Klarna approves a customer, you
  receive an authorization token"; the server-side callback to merchant_urls.authorization carries
  ``authorization_token`` and ``session_id``). The authorize() outcome table (approved false with show_form false: the
  customer was not approved, hide the widget; with show_form true: closed or correctable) rests on recollection of
  the SDK reference page beyond its stored excerpt
- Klarna Checkout push (merchant_urls.push with the ``{checkout.order.id}`` placeholder, v2 ``{checkout.order.uri}``):
  Klarna POSTs to the merchant's URL, which names only the order (``klarna_order_id`` / ``klarna_order`` in Klarna's
  examples, from recollection); such a row is refused by ``prepare`` as NOTIFICATION_WITHOUT_OUTCOME
Payment method: always BNPL (Klarna's pay later / slice it / pay now are Klarna credit products).

Lifecycle identity: a Klarna order (``order_id``) is one authorization; its captures and refunds are
sub-objects (``capture_id``, ``refund_id``). The payment is the merchant's ``merchant_reference1``
(its order number).

CLOSED is ambiguous in the enum: an order is closed when it ends, captured or not. A CLOSED order with a
captured amount was paid (APPROVED; its refunds are their own events); with nothing captured, its
authorization ended unused (CANCELLED), see ``prepare``.
"""

from __future__ import annotations

from typing import Any

from payobs_pipeline.normalization.mapping import NOTIFICATION_WITHOUT_OUTCOME, UnmappedPayload

ORDER_STATUSES = {
    "AUTHORIZED": "APPROVED",
    "PART_CAPTURED": "APPROVED",
    "CAPTURED": "APPROVED",
    "CANCELLED": "CANCELLED",
    "EXPIRED": "CANCELLED",
    "CLOSED": "APPROVED",  # refined in prepare: CLOSED_UNCAPTURED when nothing was captured
    "CLOSED_UNCAPTURED": "CANCELLED",
    # Klarna Checkout (KCO v3) order statuses.
    "checkout_incomplete": "PENDING",
    "checkout_complete": "APPROVED",
    "created": "APPROVED",
}
FRAUD_STATUSES = {"ACCEPTED": "APPROVED", "PENDING": "PENDING", "REJECTED": "DECLINED"}
# Pending-order push notifications (docs.klarna.com/order-management/get-started/pending-orders: "The events sent to
# merchant notification URL are as follows: FRAUD_RISK_ACCEPTED - An order was accepted, possibly after review;
# FRAUD_RISK_REJECTED - An order was rejected after review; FRAUD_RISK_STOPPED - An order was stopped for some
# reason"; the body holds the order_id and the event): Klarna's risk decision on an authorized order. A stopped order
# is one "the fraud agents found to be fraudulent" after it was accepted: refused by Klarna's risk review like a
# rejected one.
PENDING_ORDER_EVENTS = {"FRAUD_RISK_ACCEPTED": "APPROVED", "FRAUD_RISK_REJECTED": "DECLINED",
                        "FRAUD_RISK_STOPPED": "DECLINED"}

ERROR_CODES = {
    "BAD_VALUE": "INVALID_REQUEST",
    "NOT_FOUND": "INVALID_REQUEST",
    "NO_SUCH_ORDER": "INVALID_REQUEST",
    "NO_SUCH_CAPTURE": "INVALID_REQUEST",
    "NO_SUCH_REFUND": "INVALID_REQUEST",
    "NOT_ALLOWED": "INVALID_REQUEST",
    "CAPTURE_NOT_ALLOWED": "INVALID_REQUEST",
    "CANCEL_NOT_ALLOWED": "INVALID_REQUEST",
    "REFUND_NOT_ALLOWED": "INVALID_REQUEST",
    "UPDATE_NOT_ALLOWED": "INVALID_REQUEST",
    "EXTEND_NOT_ALLOWED": "INVALID_REQUEST",
    "RELEASE_NOT_ALLOWED": "INVALID_REQUEST",
    "CONFLICT": "DUPLICATE",
    "REQUEST_TOO_LARGE": "INVALID_REQUEST",
    "UNPROCESSABLE_ENTITY": "INVALID_REQUEST",
    "INVALID_ADDRESS": "INVALID_REQUEST",
    "TOO_MANY_REQUESTS": "PROCESSING_ERROR",
    "INTERNAL_SERVER_ERROR": "PROCESSING_ERROR",
    "UNEXPECTED_ERROR": "PROCESSING_ERROR",
    "TEMPORARILY_UNAVAILABLE": "PROCESSING_ERROR",
    "UNAUTHORIZED": "CONFIGURATION_ERROR",
    "FORBIDDEN": "CONFIGURATION_ERROR",
    "PERMISSION_DENIED": "CONFIGURATION_ERROR",
}

# Klarna's error codes name what was wrong: an INVALID_<field> code (INVALID_ORDER_ID, INVALID_ADDRESS ...) says a
# value of the request was invalid (error-codes page: 400/422 codes "bad value" / "invalid"), a NO_SUCH_<object>
# that the object named does not exist (404), an <action>_NOT_ALLOWED that the order's state forbids it (403): the
# request's fault in each case. A code listed above keeps its own reason.
_ERROR_RULES = [
    {"when": {"error_code": {"prefix": ["INVALID_", "NO_SUCH_"]}}, "set": {"failure_reason": "INVALID_REQUEST"}},
]
STATUS_KEY = "_payobs_status"

# Klarna Payments JS SDK authorize() callback (see the docstring): ``approved`` true with an authorization_token is
# Klarna's approval (the token places the order); false with ``show_form`` false: Klarna did not approve the
# customer (its credit and risk decision), the widget is to be hidden; false with ``show_form`` true: the customer
# closed the flow and may try again, or (``error.invalid_fields``) the data sent was invalid.
_AUTHORIZE_RULES = [
    {"when": {"approved": "false", "show_form": "false"},
     "set": {"status_category": "DECLINED", "failure_reason": "RISK_REJECTED", "failure_source": "PSP_RISK"}},
    {"when": {"approved": "false", "show_form": "true"}, "set": {"status_category": "CANCELLED"}},
    {"when": {"approved": "false", "error.invalid_fields": {"exists": True}},
     "set": {"status_category": "ERROR", "failure_reason": "INVALID_REQUEST"}},
    # finalize_required: the purchase goes on in a finalize() call (multi-step flows): no decision yet.
    {"when": {"approved": "false", "finalize_required": "true"}, "set": {"status_category": "PENDING"}},
]
_FRAUD_RULES = [
    # An authorized order released by the merchant (cancel) or left to expire: the authorization ends.
    {"when": {STATUS_KEY: ["CANCELLED", "EXPIRED", "CLOSED_UNCAPTURED"]}, "set": {"event_kind": "VOID"}},
    {"when": {"status": ["CANCELLED", "EXPIRED"]}, "set": {"event_kind": "VOID"}},
    # A Klarna Checkout session the customer has not completed: no authorization yet.
    {"when": {"status": "checkout_incomplete"}, "set": {"event_kind": "PAYMENT"}},
    # Klarna's risk assessment still running: the order is not yet a decision.
    {"when": {"fraud_status": "PENDING", "status": ["AUTHORIZED", "PART_CAPTURED", "CAPTURED"]},
     "set": {"status_category": "PENDING"}},
    # Klarna's risk assessment refused the purchase (an order it then cancels is this decision, not a void).
    {"when": {"fraud_status": "REJECTED"},
     "set": {"status_category": "DECLINED", "failure_reason": "RISK_REJECTED", "failure_source": "PSP_RISK",
             "event_kind": "AUTHORIZATION"}},
]

# Hosted Payment Page session status (GET /hpp/v1/sessions/{session_id}; docs.klarna.com/hosted-payment-page/
# get-started/tracking-session-status and api-documentation/read-session; the HPP OpenAPI SessionResponseV1 status enum
# WAITING, BACK, IN_PROGRESS, MANUAL_ID_CHECK, COMPLETED, CANCELLED, FAILED, DISABLED, ERROR; kco_rest_dotnet
# HostedPaymentPageSessionStatus {auth_token, status, updated_at}). COMPLETED: "Consumer has successfully gotten an
# Authorization"; FAILED: the authorization was declined; CANCELLED: the consumer cancelled; DISABLED: the merchant
# disabled the session ("this status is definitive"); ERROR: the session failed; the others are still open.
HPP_SESSION_STATUSES = {
    "WAITING": "PENDING", "BACK": "PENDING", "IN_PROGRESS": "PENDING", "MANUAL_ID_CHECK": "PENDING",
    "COMPLETED": "APPROVED", "FAILED": "DECLINED", "CANCELLED": "CANCELLED", "DISABLED": "CANCELLED", "ERROR": "ERROR",
    # The consumer left the page and the session timed out (the status-callbacks sequence diagram, "Notification
    # TIMEOUT", as docs.kustom.co/v3/hosted-payment-page/api-documentation/status-callbacks renders Klarna's page).
    "TIMEOUT": "CANCELLED",
}
# Klarna Network Payment Request state (docs.klarna.com/klarna-network-distribution/payments/.../monitor-the-payment-
# request-state: SUBMITTED "initial state", IN_PROGRESS "the customer is actively in Klarna's purchase journey",
# COMPLETED "customer completed the flow, pending final authorization", EXPIRED, CANCELED "canceled by Acquiring
# Partner before authorization", DECLINED "declined during authorization" / "customer rejected the payment request or
# no payment methods are available"; Klarna Web SDK v1 PaymentRequestState adds PREPARED, PENDING_CONFIRMATION and
# AUTHORIZED "a payment authorization has been created"). The request is the payment as a whole: COMPLETED still
# waits for the partner's authorization, so it is not yet an approval.
PAYMENT_REQUEST_STATES = {
    "SUBMITTED": "PENDING", "IN_PROGRESS": "PENDING", "PREPARED": "PENDING", "PENDING_CONFIRMATION": "PENDING",
    "COMPLETED": "PENDING", "AUTHORIZED": "APPROVED", "DECLINED": "DECLINED", "CANCELED": "CANCELLED",
    "EXPIRED": "CANCELLED",
}
_PAYMENT_REQUEST_FIELDS = {
    "provider_transaction_id": ["payment_request_id"],
    "status": ["state"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["^metadata.occurred_at", "updated_at", "created_at"],
    "payment_id": ["payment_request_reference", "payment_request_id"],
}
_HPP_FIELDS = {
    "provider_transaction_id": ["order_id", "session_id"],
    "status": ["status"],
    "event_time": ["updated_at"],
    "attempt_id": ["order_id"],
}
_HPP_RULES = [
    # Before the authorization the session is the payment as a whole; COMPLETED / FAILED are its authorization.
    {"when": {"status": ["WAITING", "BACK", "IN_PROGRESS", "MANUAL_ID_CHECK", "CANCELLED", "DISABLED", "TIMEOUT"]},
     "set": {"event_kind": "PAYMENT"}},
]

_ORDER_FIELDS = {
    "provider_transaction_id": ["order_id"],
    "status": [STATUS_KEY, "status"],
    "amount": ["order_amount"],
    "currency": ["purchase_currency"],
    "event_time": ["created_at", "completed_at", "started_at"],
    "customer_country": ["billing_address.country", "purchase_country"],
    "attempt_id": ["order_id"],
    "payment_id": ["merchant_reference1"],
}

SPEC = {
    "provider": "klarna",
    "aliases": ["klarna", "klarna_payments", "klarnapayments", "klarna_checkout", "kco", "klarna_om",
                "klarna_order_management", "klarna_pay_later", "klarna_paylater", "klarna_sliceit"],
    "detect": [
        {"path": "fraud_status", "in": ["ACCEPTED", "PENDING", "REJECTED"], "weight": 0.4},
        {"path": "klarna_reference", "exists": True, "weight": 0.4},
        {"path": "purchase_currency", "exists": True, "weight": 0.3},
        {"path": "order_amount", "exists": True, "weight": 0.2},
        {"path": "remaining_authorized_amount", "exists": True, "weight": 0.3},
        {"path": "merchant_reference1", "exists": True, "weight": 0.2},
        {"path": "authorized_payment_method", "exists": True, "weight": 0.3},
        # Klarna Payments "Create an order" answers order_id, fraud_status and redirect_url, a Klarna URL the
        # merchant sends the customer to: a redirect on Klarna's own hosts names Klarna.
        {"path": "redirect_url", "prefix": ["https://credit.klarna.com/", "https://payments.klarna.com/",
                                            "https://payments.eu.klarna.com/", "https://payments.na.klarna.com/",
                                            "https://payments.oc.klarna.com/",
                                            "https://payments.playground.klarna.com/",
                                            "https://payments.playground.eu.klarna.com/",
                                            "https://payments.playground.na.klarna.com/"], "weight": 0.3},
        {"path": "html_snippet", "exists": True, "weight": 0.3},
        # Klarna Checkout's own order statuses (KCO v2 / v3 order resource).
        {"path": "status", "in": ["checkout_incomplete", "checkout_complete"], "weight": 0.3},
        # Refund and capture objects.
        {"path": "credit_invoice", "exists": True, "weight": 0.4},
        {"path": "refund_id", "exists": True, "weight": 0.1},
        {"path": "capture_id", "exists": True, "weight": 0.2},
        {"path": "shipping_info", "exists": True, "weight": 0.1},
        # HPP session status (see HPP_SESSION_STATUSES): the KP authorization token beside an HPP status.
        {"path": "auth_token", "exists": True, "weight": 0.4},
        {"path": "authorization_token", "exists": True, "weight": 0.3},
        # The server-side authorization callback: the token beside the Klarna Payments session id.
        {"path": "session_id", "exists": True, "weight": 0.2},
        {"path": "status", "in": ["WAITING", "BACK", "IN_PROGRESS", "MANUAL_ID_CHECK", "COMPLETED", "DISABLED"],
         "weight": 0.1},
        # The Klarna Payments JS SDK authorize() callback: show_form is the SDK's own answer key.
        {"path": "show_form", "exists": True, "weight": 0.4},
        {"path": "approved", "exists": True, "weight": 0.1},
        # A Klarna Checkout push naming only the order (refused in prepare): Klarna's own parameter names.
        {"path": "klarna_order_id", "exists": True, "weight": 0.5},
        {"path": "klarna_order", "exists": True, "weight": 0.5},
        # The HPP status callback (docs.klarna.com/hosted-payment-page/api-documentation/status-callbacks: POST
        # {"event_id", "session": <the read-session answer>} to merchant_urls.status_update).
        {"path": "session.status", "in": list(HPP_SESSION_STATUSES), "weight": 0.3},
        {"path": "session.session_id", "exists": True, "weight": 0.2},
        {"path": "session.authorization_token", "exists": True, "weight": 0.2},
        # A Klarna Payments session (refused as no payment): its payment method categories beside the client token.
        {"path": "payment_method_categories", "exists": True, "weight": 0.3},
        {"path": "client_token", "exists": True, "weight": 0.2},
        # Klarna Network Payment Requests (PAYMENT_REQUEST_STATES) and their state-change webhooks.
        {"path": "payment_request_id", "exists": True, "weight": 0.3},
        {"path": "state", "in": list(PAYMENT_REQUEST_STATES), "weight": 0.2},
        {"path": "payload.payment_request_id", "exists": True, "weight": 0.3},
        {"path": "metadata.event_type", "prefix": "payment.request.state-change", "weight": 0.5},
        # A pending-order notification (PENDING_ORDER_EVENTS): Klarna's own event names.
        {"path": "event_type", "in": list(PENDING_ORDER_EVENTS), "weight": 0.6},
        # Error body.
        {"path": "correlation_id", "exists": True, "weight": 0.3},
        {"path": "error_messages", "exists": True, "weight": 0.3},
        {"path": "error_code", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "minor",
    "default_payment_method": "BNPL",
    "status_map": ORDER_STATUSES,
    "reason_map": ERROR_CODES,
    "variants": [
        {
            "name": "error",
            "match": {"error_code": {"exists": True}, "correlation_id": {"exists": True}},
            "status": "ERROR",
            "fields": {"status": ["error_code"], "reason_code": ["error_code"]},
            "rules": _ERROR_RULES,
        },
        {
            "name": "error_no_correlation",
            "match": {"error_code": {"exists": True}, "error_messages": {"exists": True}},
            "status": "ERROR",
            "fields": {"status": ["error_code"], "reason_code": ["error_code"]},
            "rules": _ERROR_RULES,
        },
        # Klarna Payments "create a session" response (POST /payments/v1/sessions: session_id, client_token,
        # payment_method_categories; github.com/n8kolenberg/klarna_docs docs/klarna_payments.md, "Create the Session
        # Response"): the widget's set-up before the customer pays, no payment outcome.
        {"name": "payments.session.not_a_payment",
         "match": {"payment_method_categories": {"exists": True}, "client_token": {"exists": True}},
         "not_a_payment": "a Klarna Payments session (widget set-up), no payment attempted yet"},
        # A Payment Request read (GET /v2/payment/requests/{payment_request_id}) or carried by a payment.request.state-
        # change.* webhook (its request under payload, the event under metadata: the envelope's names rest on
        # recollection, the request's payment_request_id and state on the docs above).
        *({"name": f"payment_request{suffix}", "match": {f"{prefix}payment_request_id": {"exists": True},
                                                         f"{prefix}state": list(PAYMENT_REQUEST_STATES)},
           **({"root": prefix[:-1]} if prefix else {}),
           "event_kind": "PAYMENT", "fields": _PAYMENT_REQUEST_FIELDS, "status_map": PAYMENT_REQUEST_STATES,
           "default_payment_method": "BNPL"}
          for prefix, suffix in (("payload.", ".webhook"), ("", ""))),
        {
            # The Klarna Payments JS SDK authorize() callback as a shop logs it (see _AUTHORIZE_RULES).
            "name": "payments.authorize_callback",
            "match": {"approved": {"exists": True}, "show_form": {"exists": True}},
            "event_kind": "AUTHORIZATION",
            "fields": {"provider_transaction_id": ["authorization_token"], "status": ["approved"],
                       "reason_code": ["error.invalid_fields.0"]},
            "status_map": {"true": "APPROVED", "false": "DECLINED"},
            "rules": _AUTHORIZE_RULES,
        },
        {
            # The server-side authorization callback (merchant_urls.authorization): sent when Klarna approved the
            # customer, with the token that places the order and the Klarna Payments session it belongs to.
            "name": "payments.authorization_callback",
            "match": {"authorization_token": {"exists": True}, "session_id": {"exists": True},
                      "status": {"exists": False}, "order_id": {"exists": False}},
            "status": "APPROVED",
            "event_kind": "AUTHORIZATION",
            "fields": {"provider_transaction_id": ["authorization_token"], "payment_id": ["session_id"]},
        },
        {
            "name": "pending_order_notification",
            "match": {"event_type": list(PENDING_ORDER_EVENTS), "order_id": {"exists": True}},
            "fields": {"provider_transaction_id": ["order_id"], "status": ["event_type"],
                       "event_time": ["occurred_at", "event_time", "timestamp"], "attempt_id": ["order_id"]},
            "status_map": PENDING_ORDER_EVENTS,
            "rules": [{"when": {"event_type": ["FRAUD_RISK_REJECTED", "FRAUD_RISK_STOPPED"]},
                       "set": {"failure_reason": "RISK_REJECTED", "failure_source": "PSP_RISK"}}],
        },
        {
            # Order Management order (GET /ordermanagement/v1/orders/{order_id}) or KCO order.
            "name": "order",
            "match": {"order_id": {"exists": True}, "status": {"exists": True}},
            "fields": _ORDER_FIELDS,
            "rules": _FRAUD_RULES,
        },
        {
            # A Klarna Checkout order as KCO v2 (GET /checkout/orders/{id}: id, reservation, reference, status
            # checkout_incomplete / checkout_complete / created, purchase_currency, cart.total_price_including_tax in
            # minor units) or a v3 order stored without order_id sends it to the push / confirmation URI. Klarna
            # Checkout's own status words say it (checkout_complete: the consumer completed the purchase and the
            # order is authorized; created: the merchant acknowledged it).
            "name": "checkout.order",
            "match": {"order_id": {"exists": False}, "status": ["checkout_incomplete", "checkout_complete", "created"],
                      "purchase_currency": {"exists": True}},
            "fields": {**_ORDER_FIELDS, "provider_transaction_id": ["id", "reservation", "reference"],
                       "attempt_id": ["id", "reservation", "reference"],
                       "amount": ["order_amount", "cart.total_price_including_tax"],
                       "event_time": ["completed_at", "started_at", "created_at"],
                       "payment_id": ["merchant_reference1", "merchant_reference.orderid1"]},
            "rules": _FRAUD_RULES,
        },
        {
            # Klarna Payments "create an order" response: the authorization's outcome is fraud_status.
            "name": "payments.order_created",
            "match": {"order_id": {"exists": True}, "fraud_status": {"exists": True}},
            "fields": {**_ORDER_FIELDS, "status": ["fraud_status"]},
            "status_map": FRAUD_STATUSES,
            "rules": [{"when": {"fraud_status": "REJECTED"},
                       "set": {"failure_reason": "RISK_REJECTED", "failure_source": "PSP_RISK"}}],
        },
        # HPP session status: the authorization token (auth_token in the SDK's model, authorization_token in the
        # API reference) or the session id beside an HPP status. No amount is stated.
        *({"name": "hpp.session_status",
           "match": {key: {"exists": True}, "status": list(HPP_SESSION_STATUSES), "order_amount": {"exists": False}},
           "fields": _HPP_FIELDS, "status_map": HPP_SESSION_STATUSES, "rules": _HPP_RULES}
          for key in ("auth_token", "authorization_token", "session_id")),
        {
            # The HPP status callback: the session as the read-session endpoint returns it, under "session".
            "name": "hpp.status_callback", "root": "session",
            "match": {"session.session_id": {"exists": True}, "session.status": list(HPP_SESSION_STATUSES)},
            "fields": _HPP_FIELDS, "status_map": HPP_SESSION_STATUSES, "rules": _HPP_RULES,
        },
        {
            # A refund object (GET .../refunds/{refund_id}); it states no currency.
            "name": "refund",
            "match": {"refund_id": {"exists": True}},
            "status": "REFUNDED",
            "event_kind": "REFUND",
            "fields": {"provider_transaction_id": ["refund_id"], "amount": ["refunded_amount"],
                       "currency": ["purchase_currency", "currency"], "event_time": ["refunded_at"],
                       "refund_id": ["refund_id"], "attempt_id": ["order_id"]},
        },
        {
            # A capture object (GET .../captures/{capture_id}); it states no currency.
            "name": "capture",
            "match": {"capture_id": {"exists": True}},
            "status": "APPROVED",
            "event_kind": "CAPTURE",
            "fields": {"provider_transaction_id": ["capture_id"], "amount": ["captured_amount"],
                       "currency": ["purchase_currency", "currency"], "event_time": ["captured_at"],
                       "attempt_id": ["order_id"]},
        },
    ],
}

# Klarna Checkout push URL parameters naming the order (v3 {checkout.order.id}, v2 {checkout.order.uri}).
_PUSH_ORDER_KEYS = {"klarna_order_id", "klarna_order"}
_NO_CURRENCY_AMOUNTS = {"refund_id": "refunded_amount", "capture_id": "captured_amount"}


def prepare(body: Any) -> Any:
    """A copy with CLOSED told apart by its captured amount; a currency-less amount set aside.

    Klarna's refund and capture objects state an amount but no currency: the amount cannot be read
    alone (it would be a guess), so it is kept under another key and the event has no amount.
    Pure: the original is untouched.
    """
    if not isinstance(body, dict):
        return body
    named = set(body) & _PUSH_ORDER_KEYS
    if named and not set(body) - _PUSH_ORDER_KEYS - {"sid"}:
        raise UnmappedPayload(NOTIFICATION_WITHOUT_OUTCOME,
                              f"klarna: checkout push for {body[sorted(named)[0]]} names the order, not its state")
    if body.get("status") == "CLOSED" and "order_id" in body:
        captured = body.get("captured_amount")
        try:
            uncaptured = captured is not None and int(captured) == 0
        except (TypeError, ValueError):
            uncaptured = False
        return {**body, STATUS_KEY: "CLOSED_UNCAPTURED" if uncaptured else "CLOSED"}
    for id_key, amount_key in _NO_CURRENCY_AMOUNTS.items():
        if id_key in body and not (body.get("purchase_currency") or body.get("currency")):
            out = {k: v for k, v in body.items() if k != amount_key}
            out["_payobs_amount_without_currency"] = body.get(amount_key)
            return out
    return body
