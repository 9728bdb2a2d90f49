"""GoCardless: Direct Debit payments, refunds, webhook events and API errors.

Sources (GoCardless developer documentation):
- https://developer.gocardless.com/api-reference/#core-endpoints-payments (payment resource: id PM...,
  amount in minor units (pence/cents), currency, status pending_customer_approval, pending_submission,
  submitted, confirmed, paid_out, cancelled, customer_approval_denied, failed, charged_back; charge_date,
  created_at, reference, links.mandate; responses wrap the resource: {"payments": {...}})
- https://developer.gocardless.com/api-reference/#core-endpoints-refunds (refund RF...: amount, currency,
  status created, pending_submission, submitted, paid, cancelled, bounced, funds_returned; links.payment)
- https://developer.gocardless.com/api-reference/#core-endpoints-events and
  https://developer.gocardless.com/getting-started/api/staying-up-to-date-with-webhooks/ (webhook body
  {"events": [...]}; event id EV..., resource_type payments/refunds/mandates/payouts/subscriptions/...,
  action, links.payment / links.refund, details.origin / cause / scheme / reason_code / description)
- https://developer.gocardless.com/mandates/responding-to-mandate-events/ and api-evangelist/gocardless
  errors/gocardless-decline-codes.yml (details.cause: insufficient_funds, refer_to_payer,
  bank_account_closed, mandate_cancelled, invalid_bank_details, direct_debit_not_enabled,
  bank_account_transferred, authorisation_disputed, mandate_expired, payer_deceased; Bacs ARUDD codes;
  SEPA R-transaction codes)
- https://developer.gocardless.com/api-reference/#api-usage-errors (error body: error.type
  invalid_api_usage / invalid_state / validation_failed / gocardless, error.code (HTTP status),
  error.errors[].reason, error.request_id, error.documentation_url)
- gocardless/legacy-api-docs source/docs/01_api/09_webhooks/bill_webhook.http.md (legacy v1 webhook: {"payload":
  {"resource_type": "bill", "action", "bills": [...], "signature"}}; actions created, paid, withdrawn, failed,
  refunded, chargedback, retried "submitted to the bank again ... status will be pending"; bills state no currency)
  and its pre_authorization / subscription webhooks (no payment). The legacy redirect back to the merchant
  (resource_id, resource_type, resource_uri, signature, state; the merchant then confirms the resource) and the Pro
  redirect flow return (redirect_flow_id, a mandate set-up) carry no outcome: their parameter names rest on
  recollection of the legacy Connect flow and the Pro redirect-flow guide
Payment method: always DIRECT_DEBIT. Mandates, payouts, subscriptions, customers and other resources
are not payments.

Lifecycle identity: a GoCardless payment (PM...) is one collection, and its events name it in
``links.payment``; a retried payment keeps its id, so it is one attempt whose latest state wins. A refund
(RF...) is its own object naming the payment. A chargeback is a state of the payment (one per payment),
so the dispute is the payment. GoCardless has no separate order: the payment id stands for the payment.
"""

from __future__ import annotations

import re

from payobs_pipeline.normalization.mapping import NOTIFICATION_WITHOUT_OUTCOME, UnmappedPayload

PAYMENT_STATUSES = {
    "pending_customer_approval": "PENDING",
    "pending_submission": "PENDING",
    "submitted": "PENDING",
    "confirmed": "APPROVED",
    "paid_out": "APPROVED",
    "cancelled": "CANCELLED",
    "customer_approval_denied": "DECLINED",
    "failed": "DECLINED",
    "charged_back": "CHARGEBACK",
}
# Legacy API v1 (developer.gocardless.com/legacy, API reference "Bills"): a bill is one collection; amount is
# a decimal string in major units of currency (GBP, EUR), gocardless_fees / partner_fees likewise; status
# pending (waiting for the money to be collected/clear), paid (collected from the customer, held by GoCardless),
# withdrawn (paid out to the merchant), failed (could not be collected), cancelled (cancelled before collection),
# refunded, chargedback (the customer reclaimed it under the Direct Debit guarantee); uri .../api/v1/bills/{id}.
LEGACY_BILL_STATUSES = {
    "pending": "PENDING",
    "paid": "APPROVED",
    "withdrawn": "APPROVED",
    "failed": "DECLINED",
    "cancelled": "CANCELLED",
    "refunded": "REFUNDED",
    "chargedback": "CHARGEBACK",
}
REFUND_STATUSES = {
    "created": "PENDING",
    "pending_submission": "PENDING",
    "submitted": "PENDING",
    "paid": "REFUNDED",
    "refund_settled": "REFUNDED",
    "cancelled": "CANCELLED",
    "bounced": "DECLINED",
    "funds_returned": "DECLINED",
    "failed": "DECLINED",
}
# Payment event actions.
PAYMENT_ACTIONS = {
    "created": "PENDING",
    "customer_approval_granted": "PENDING",
    "customer_approval_denied": "DECLINED",
    "submitted": "PENDING",
    "resubmission_requested": "PENDING",
    "confirmed": "APPROVED",
    "paid_out": "APPROVED",
    "failed": "DECLINED",
    "late_failure_settled": "DECLINED",
    "cancelled": "CANCELLED",
    "charged_back": "CHARGEBACK",
    "chargeback_settled": "CHARGEBACK",
    "chargeback_cancelled": "CHARGEBACK",
}
_DISPUTE_ACTIONS = ["charged_back", "chargeback_settled", "chargeback_cancelled"]
# Payment events that report money movements around a payment, not its outcome.
_NO_OUTCOME_ACTIONS = ["surcharge_fee_debited", "surcharge_fee_credited"]

CAUSES = {
    "insufficient_funds": "INSUFFICIENT_FUNDS",
    "refer_to_payer": "GENERIC_DECLINE",
    "bank_account_closed": {"reason": "INVALID_CARD_DATA", "decline_type": "HARD"},
    "bank_account_transferred": {"reason": "INVALID_CARD_DATA", "decline_type": "HARD"},
    "invalid_bank_details": {"reason": "INVALID_CARD_DATA", "source": "CUSTOMER"},
    "direct_debit_not_enabled": "TRANSACTION_NOT_PERMITTED",
    "mandate_cancelled": "REVOKED",
    "authorisation_disputed": "REVOKED",
    # The payer's death ends the mandate's authority: never retry.
    "payer_deceased": "REVOKED",
    "mandate_expired": {"reason": "TRANSACTION_NOT_PERMITTED", "decline_type": "HARD"},
    "customer_approval_denied": {"reason": "AUTHENTICATION_FAILED", "source": "CUSTOMER"},
}
# Scheme-native codes in details.reason_code (used when no cause is given).
SCHEME_CODES = {
    "ARUDD-0": "GENERIC_DECLINE",  # refer to payer
    "ARUDD-1": "REVOKED",  # instruction cancelled
    "ARUDD-2": "REVOKED",  # payer deceased
    "ARUDD-3": {"reason": "INVALID_CARD_DATA", "decline_type": "HARD"},  # account transferred
    "ARUDD-5": {"reason": "INVALID_CARD_DATA", "decline_type": "HARD"},  # no account
    "ARUDD-6": "REVOKED",  # no instruction
    "ARUDD-B": {"reason": "INVALID_CARD_DATA", "decline_type": "HARD"},  # account closed
    "AC01": {"reason": "INVALID_CARD_DATA", "decline_type": "HARD"},  # incorrect account number
    "AC04": {"reason": "INVALID_CARD_DATA", "decline_type": "HARD"},  # closed account
    "AC06": "RESTRICTED_CARD",  # blocked account
    "AG01": "TRANSACTION_NOT_PERMITTED",  # transaction forbidden
    "AM04": "INSUFFICIENT_FUNDS",
    "MD01": "REVOKED",  # no mandate
    "MD06": "REVOKED",  # refund requested by the customer
    "MS02": "GENERIC_DECLINE",  # refused by the debtor
    "MS03": "GENERIC_DECLINE",  # reason not specified
}
# API error types and errors[].reason.
ERROR_REASONS = {
    "invalid_api_usage": "INVALID_REQUEST",
    "invalid_state": "INVALID_REQUEST",
    "validation_failed": "INVALID_REQUEST",
    "gocardless": "PROCESSING_ERROR",
    "internal_error": "PROCESSING_ERROR",
    "access_token_not_found": "CONFIGURATION_ERROR",
    "access_token_not_active": "CONFIGURATION_ERROR",
    "access_token_revoked": "CONFIGURATION_ERROR",
    "missing_authorization_header": "CONFIGURATION_ERROR",
    "invalid_authorization_header": "CONFIGURATION_ERROR",
    "insufficient_permissions": "CONFIGURATION_ERROR",
    "forbidden": "CONFIGURATION_ERROR",
    "rate_limit_exceeded": "PROCESSING_ERROR",
    "idempotent_creation_conflict": "DUPLICATE",
    "conflicting_resource_id": "DUPLICATE",
    "not_found": "INVALID_REQUEST",
    "mandate_is_inactive": "INVALID_REQUEST",
    "mandate_replaced": "INVALID_REQUEST",
    "bank_account_disabled": "INVALID_REQUEST",
    "cancellation_failed": "INVALID_REQUEST",
}
REASONS = {**CAUSES, **SCHEME_CODES, **ERROR_REASONS}

_PAYMENT_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["created_at"],
    "merchant_id": ["links.creditor"],
    "attempt_id": ["id"],
}
_REFUND_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["created_at"],
    "refund_id": ["id"],
    "attempt_id": ["links.payment"],
}
# The currency each Direct Debit scheme collects in (GoCardless API reference, mandates: "scheme" -
# bacs (GBP), sepa_core (EUR), ach (USD), becs (AUD), becs_nz (NZD), autogiro (SEK), pad (CAD),
# betalingsservice (DKK)). An event carries details.scheme but no currency.
SCHEME_CURRENCIES = {"bacs": "GBP", "sepa_core": "EUR", "sepa_cor1": "EUR", "ach": "USD", "becs": "AUD",
                     "becs_nz": "NZD", "autogiro": "SEK", "pad": "CAD", "betalingsservice": "DKK"}
SCHEME_CURRENCY_KEY = "payobs_scheme_currency"


# The legacy redirect's query string (see the docstring): it names the resource the customer created.
_LEGACY_REDIRECT_KEYS = {"resource_id", "resource_type", "resource_uri", "signature", "state"}


def prepare(body):
    """Events get the currency of their details.scheme (:data:`SCHEME_CURRENCIES`). Pure.

    A legacy redirect naming a bill only (its state is read by confirming it) is refused as a notification
    without outcome."""
    if not isinstance(body, dict):
        return body
    if (body.get("resource_type") == "bill" and "resource_uri" in body
            and not set(body) - _LEGACY_REDIRECT_KEYS - {"provider"}):
        raise UnmappedPayload(NOTIFICATION_WITHOUT_OUTCOME,
                              f"gocardless: legacy redirect for bill {body.get('resource_id')} carries no status")
    events = body.get("events")
    if isinstance(events, dict):
        prepared = _with_scheme_currency(events)
        return body if prepared is events else {**body, "events": prepared}
    if isinstance(events, list):
        return {**body, "events": [_with_scheme_currency(e) if isinstance(e, dict) else e for e in events]}
    return _with_scheme_currency(body)


def _with_scheme_currency(event: dict) -> dict:
    details = event.get("details")
    scheme = details.get("scheme") if isinstance(details, dict) else None
    currency = SCHEME_CURRENCIES.get(scheme.lower()) if isinstance(scheme, str) else None
    cause = _cause_from_description(details)
    if cause:
        event = {**event, DESCRIBED_CAUSE_KEY: cause}
    return {**event, SCHEME_CURRENCY_KEY: currency} if currency else event


# An event whose details give only the description (no cause, no reason_code): the events reference
# (developer.gocardless.com/api-reference/#events-payment-actions) writes each cause's description around
# the cause's own words ("... had insufficient funds ...", "... bank account ... closed"); the cause whose
# words all appear in the description is the one it names. No match: no reason is guessed.
DESCRIBED_CAUSE_KEY = "payobs_described_cause"


def _cause_from_description(details) -> str | None:
    if not isinstance(details, dict) or details.get("cause") or details.get("reason_code"):
        return None
    description = details.get("description")
    if not isinstance(description, str):
        return None
    words = set(re.findall(r"[a-z]+", description.lower()))
    found = [cause for cause in CAUSES if set(cause.split("_")) <= words]
    return found[0] if len(found) == 1 else None


_EVENT_FIELDS = {
    "provider_transaction_id": ["links.payment", "id"],
    "status": ["action"],
    "currency": [SCHEME_CURRENCY_KEY],
    "reason_code": ["details.cause", "details.reason_code", DESCRIBED_CAUSE_KEY],
    "event_time": ["created_at"],
    "merchant_id": ["links.organisation"],
    "attempt_id": ["links.payment"],
}
_NOT_PAYMENT_RESOURCES = ["mandates", "payouts", "subscriptions", "instalment_schedules", "creditors", "customers",
                          "customer_bank_accounts", "billing_requests", "scheme_identifiers", "exports",
                          "outbound_payments", "payer_authorisations", "creditor_bank_accounts", "blocks",
                          "bank_authorisations", "verification_details"]
_LEGACY_URIS = ["https://gocardless.com/api/v1/", "https://sandbox.gocardless.com/api/v1/"]
_OWN_PAYMENT_STATUSES = ["pending_customer_approval", "customer_approval_denied", "paid_out"]
_ERROR_TYPES = ["invalid_api_usage", "invalid_state", "validation_failed", "gocardless"]


def _event_variants(prefix: str) -> list[dict]:
    """Variants for a webhook event under ``prefix`` (``events`` in a webhook body or GET /events/:id)."""
    root = prefix.rstrip(".")
    at = f"{prefix}" if prefix else ""
    return [
        {"name": f"{root or 'event'}.not_a_payment",
         "match": {f"{at}resource_type": _NOT_PAYMENT_RESOURCES},
         "not_a_payment": "a GoCardless mandate, payout, subscription or other non-payment event"},
        {"name": f"{root or 'event'}.payment_fee",
         "match": {f"{at}resource_type": "payments", f"{at}action": _NO_OUTCOME_ACTIONS},
         "not_a_payment": "a GoCardless surcharge fee movement, not a payment outcome"},
        {"name": f"{root or 'event'}.refund", **({"root": root} if root else {}),
         "match": {f"{at}resource_type": "refunds"},
         "fields": {**_EVENT_FIELDS, "provider_transaction_id": ["links.refund", "id"],
                    "refund_id": ["links.refund"]},
         "status_map": {**REFUND_STATUSES, "created": "PENDING"},
         "event_kind": "REFUND"},
        {"name": f"{root or 'event'}.chargeback", **({"root": root} if root else {}),
         "match": {f"{at}resource_type": "payments", f"{at}action": _DISPUTE_ACTIONS},
         "fields": {**_EVENT_FIELDS, "dispute_id": ["links.payment"]},
         "status": "CHARGEBACK",
         "event_kind": "DISPUTE"},
        {"name": f"{root or 'event'}.payment", **({"root": root} if root else {}),
         "match": {f"{at}resource_type": "payments"},
         "fields": _EVENT_FIELDS,
         "status_map": PAYMENT_ACTIONS},
    ]


def _legacy_webhook_variants(at: str) -> list[dict]:
    """A legacy v1 webhook (bill_webhook.http.md) as stored whole (``at`` "payload.") or as its payload (""): the
    first bill, its status, else the action (retried: submitted again, pending). A bill states no currency: its
    amount is kept only with one."""
    return [
        {"name": "legacy_v1.webhook.not_a_payment",
         "match": {f"{at}resource_type": ["pre_authorization", "subscription"], f"{at}signature": {"exists": True}},
         "not_a_payment": "a legacy GoCardless pre-authorization or subscription webhook, not a payment"},
        *({"name": "legacy_v1.webhook.bill", "root": f"{at}bills.0",
           "match": {f"{at}resource_type": "bill", f"{at}bills.0.id": {"exists": True},
                     f"{at}bills.0.currency": {"exists": with_currency}},
           "amount_unit": "major",
           "status_map": {**LEGACY_BILL_STATUSES, "created": "PENDING", "retried": "PENDING"},
           "fields": {"provider_transaction_id": ["id"], "status": ["status", f"^{at}action"],
                      **({"amount": ["amount"], "currency": ["currency"]} if with_currency else {}),
                      "event_time": ["paid_at", "created_at"], "attempt_id": ["id"]}}
          for with_currency in (True, False)),
    ]


SPEC = {
    "provider": "gocardless",
    "aliases": ["gocardless", "go_cardless", "go cardless", "gocardless_pro", "gocardless_bacs",
                "gocardless_sepa"],
    "detect": [
        # Ids are upper-case prefixes (EV, PM, RF, MD) but conditions ignore case, and Stripe's and
        # Checkout.com's event ids start "evt_": an id prefix alone never decides.
        {"path": "events.id", "prefix": "EV", "weight": 0.2},
        {"path": "events.resource_type", "in": ["payments", "refunds", *_NOT_PAYMENT_RESOURCES], "weight": 0.4},
        {"path": "events.details.origin", "exists": True, "weight": 0.2},
        {"path": "id", "prefix": "EV", "weight": 0.2},
        {"path": "resource_type", "in": ["payments", "refunds", *_NOT_PAYMENT_RESOURCES], "weight": 0.3},
        {"path": "details.origin", "in": ["bank", "api", "gocardless", "customer", "payer"], "weight": 0.2},
        {"path": "payments.id", "prefix": "PM", "weight": 0.6},
        {"path": "refunds.id", "prefix": "RF", "weight": 0.6},
        {"path": "id", "prefix": ["PM", "RF"], "weight": 0.2},
        {"path": "links.mandate", "prefix": "MD", "weight": 0.4},
        {"path": "charge_date", "exists": True, "weight": 0.1},
        {"path": "error.type", "in": _ERROR_TYPES, "weight": 0.3},
        {"path": "error.documentation_url", "prefix": "https://developer.gocardless.com", "weight": 0.6},
        {"path": "error.request_id", "exists": True, "weight": 0.1},
        # error.type "gocardless" (an internal error on GoCardless' side) names the provider itself.
        {"path": "error.type", "in": ["gocardless"], "weight": 0.3},
        # The error object alone (what the client libraries expose as the error: GoCardless::Error#type,
        # #documentation_url, #request_id, #errors), per the api-usage-errors page above.
        {"path": "documentation_url", "prefix": "https://developer.gocardless.com", "weight": 0.6},
        {"path": "type", "in": _ERROR_TYPES, "weight": 0.2},
        # Legacy API v1 resources name themselves by their uri.
        {"path": "uri", "prefix": _LEGACY_URIS,
         "weight": 0.8},
        {"path": "gocardless_fees", "exists": True, "weight": 0.3},
        # Legacy webhooks and the legacy redirect name their resources by the same uri.
        *({"path": f"{at}{kind}.0.uri", "prefix": _LEGACY_URIS, "weight": 0.8}
          for at in ("payload.", "") for kind in ("bills", "pre_authorizations", "subscriptions")),
        {"path": "resource_uri", "prefix": _LEGACY_URIS, "weight": 0.8},
        # The Pro redirect flow's return (RE... id): GoCardless' own parameter name.
        {"path": "redirect_flow_id", "exists": True, "weight": 0.5},
        # Payment statuses no other mapped provider writes (payment resource, status list above).
        {"path": "status", "in": _OWN_PAYMENT_STATUSES, "weight": 0.5},
    ],
    "amount_unit": "minor",
    "default_payment_method": "DIRECT_DEBIT",
    "status_map": PAYMENT_STATUSES,
    "reason_map": REASONS,
    "variants": [
        *_event_variants("events."),
        *_event_variants(""),
        {"name": "payment", "root": "payments", "match": {"payments.id": {"exists": True}},
         "fields": _PAYMENT_FIELDS},
        {"name": "refund", "root": "refunds", "match": {"refunds.id": {"exists": True}},
         "fields": _REFUND_FIELDS, "status_map": REFUND_STATUSES, "event_kind": "REFUND"},
        # Legacy v1 webhooks (bill_webhook.http.md): the first bill of payload.bills; its status, else the action
        # (retried: submitted again, pending). A bill states no currency: its amount is kept only with one.
        *(variant for at in ("payload.", "") for variant in _legacy_webhook_variants(at)),
        # The legacy redirect for a pre-authorization or subscription, and the Pro redirect flow's return: the
        # customer set up an authority to debit (a mandate), no payment.
        {"name": "legacy_v1.redirect.not_a_payment",
         "match": {"resource_type": ["pre_authorization", "subscription"], "resource_uri": {"exists": True}},
         "not_a_payment": "a legacy GoCardless redirect for a pre-authorization or subscription set-up"},
        {"name": "redirect_flow.not_a_payment", "match": {"redirect_flow_id": {"exists": True}},
         "not_a_payment": "a GoCardless redirect flow return: a mandate set-up, not a payment"},
        # Legacy API v1 bill (see LEGACY_BILL_STATUSES): major units.
        {"name": "legacy_v1.bill",
         "match": {"gocardless_fees": {"exists": True}, "status": list(LEGACY_BILL_STATUSES),
                   "charge_date": {"exists": False}},
         "amount_unit": "major",
         "status_map": LEGACY_BILL_STATUSES,
         "fields": {"provider_transaction_id": ["id"], "status": ["status"], "amount": ["amount"],
                    "currency": ["currency"], "event_time": ["paid_at", "created_at"],
                    "merchant_id": ["merchant_id"], "attempt_id": ["id"]}},
        # A payment resource by its documented shape (a charge_date and a payment status; refunds have no
        # charge_date), whatever its id looks like.
        {"name": "payment.shape",
         "match": {"charge_date": {"exists": True}, "currency": {"exists": True},
                   "status": list(PAYMENT_STATUSES)},
         "fields": _PAYMENT_FIELDS},
        # Without its currency (a trimmed copy of the resource) the minor-unit amount means nothing: the
        # status still stands (GoCardless collects in several currencies, none is the default).
        {"name": "payment.shape_without_currency",
         "match": {"charge_date": {"exists": True}, "currency": {"exists": False},
                   "status": list(PAYMENT_STATUSES)},
         "fields": {key: paths for key, paths in _PAYMENT_FIELDS.items() if key != "amount"}},
        {"name": "payment.bare", "match": {"id": {"prefix": "PM"}, "status": {"exists": True}},
         "fields": _PAYMENT_FIELDS},
        {"name": "refund.bare", "match": {"id": {"prefix": "RF"}, "status": {"exists": True}},
         "fields": _REFUND_FIELDS, "status_map": REFUND_STATUSES, "event_kind": "REFUND"},
        # A payment resource as a client library returns it (GoCardlessPro::Resources::Payment: id, amount,
        # currency, status), trimmed of charge_date and links: its payment status and minor-unit amount.
        {"name": "payment.resource",
         "match": {"amount": {"exists": True}, "currency": {"exists": True}, "status": list(PAYMENT_STATUSES)},
         "fields": _PAYMENT_FIELDS},
        {"name": "error", "root": "error", "match": {"error.type": {"exists": True}},
         "status": "ERROR",
         "fields": {"status": ["type"], "reason_code": ["errors.0.reason", "type"]}},
        # The error object without its {"error": ...} wrapper: its documented type and documentation_url.
        {"name": "error.bare",
         "match": {"type": _ERROR_TYPES, "documentation_url": {"exists": True}},
         "status": "ERROR",
         "fields": {"status": ["type"], "reason_code": ["errors.0.reason", "type"]}},
    ],
}
