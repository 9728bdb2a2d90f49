"""Vindi (Brazil, recurring billing), API v1 (app.vindi.com.br/api/v1): the webhook envelope {event: {type,
created_at, data}}, the bill and charge answers ({bill: ...}, {charge: ...}), and the error body.

Vindi's reference pages (portal-dev-vindi.readme.io) are only partly stored, so this mapping reads what Vindi's own
plugins and SDK source use:
- Webhooks: vindi/vindi-magento2 Helper/WebhookHandler.php (event types test, bill_created, bill_paid,
  bill_canceled, charge_rejected, subscription_created / _canceled / _reactivated; data under event.data),
  Helper/WebHookHandlers/ChargeRejected.php (data.charge: status, next_attempt, last_transaction.gateway_message,
  bill.id), ChargeCanceled.php (data.charge.bill.id), BillPaid.php (data.bill: code = the merchant's order,
  subscription); vindi/vindi-woocommerce src/services/Webhooks.php (bill_paid with bill.status "paid",
  bill_canceled, charge_rejected, issue_created, subscription_renew).
- Errors: vindi-magento2 Helper/Api.php reads {errors: [{id, parameter, message}]}. Vindi's list of error ids is not
  among the stored sources: an error's failure_reason is UNKNOWN, its id kept as the reason code.
- Status values (SDK source): bill review / pending / paid / canceled / scheduled (cristianocps/vindisharp
  Enums/BillStatus.cs; hwsistemas-team/vindi-net Consts/BillStates.cs); charge pending / paid / canceled /
  processing / fraud_review (vindi-net Consts/BillChargeStatus.cs; vindisharp Enums/ChargeStatus.cs adds fraud);
  transaction processing / success / rejected / failure / timeout / waiting / canceled and transaction_type charge
  / refund / authorize / capture / verify / register (vindisharp Enums/TransactionStatus.cs, TransactionType.cs).
- Field layout (integration code, AlphaLawless/vindi-nodejs-unofficial charge and bill protocols): charge {id,
  amount, status, paid_at, attempt_count, next_attempt, last_transaction {id, transaction_type, status, amount,
  gateway_message, gateway_response_code, gateway_authorization, fraud_detector_status, created_at},
  payment_method {code}, bill {id, code}}; bill {id, code, amount, status, charges [...]}. Amounts are decimal
  strings in BRL (major units); Vindi bills in reais only.
- payment_method.code: credit_card, bank_slip (vindi-net Consts/PaymentMethodCodes.cs), bank_slip_yapay and pix
  (merchants' integration code); pix_bank_slip (BolePIX: a boleto the payer may pay by Pix) is left OTHER.

A charge's rejected transaction carries the acquirer's own gateway_response_code / gateway_message (they differ by
gateway, and Vindi publishes no table for them): it is GENERIC_DECLINE, the code kept. A charge in status fraud is
SUSPECTED_FRAUD. A transaction failure (gateway error) is ERROR; a timeout is UNKNOWN (outcome not known).

Lifecycle identity: the bill is the payment (its code, the merchant's order, else its id); each transaction of a
charge is an attempt (last_transaction.id; a rejected charge is retried as a new transaction).
"""

from __future__ import annotations

BILL_STATUSES = {
    "review": "PENDING",
    "pending": "PENDING",
    "scheduled": "PENDING",
    "paid": "APPROVED",
    "canceled": "CANCELLED",
}

CHARGE_STATUSES = {
    "pending": "PENDING",
    "processing": "PENDING",
    "fraud_review": "PENDING",
    "paid": "APPROVED",
    "canceled": "CANCELLED",
    "fraud": "DECLINED",
}

TRANSACTION_STATUSES = {
    "processing": "PENDING",
    "waiting": "PENDING",
    "success": "APPROVED",
    "rejected": "DECLINED",
    "failure": "ERROR",
    "timeout": "UNKNOWN",
    "canceled": "CANCELLED",
}

PAYMENT_METHODS = {
    "credit_card": "CARD",
    "bank_slip": "BOLETO",
    "bank_slip_yapay": "BOLETO",
    "pix": "PIX",
}

TRANSACTION_TYPES = ["charge", "refund", "authorize", "capture", "verify", "register"]

EVENT_TYPES = ["test", "bill_created", "bill_paid", "bill_canceled", "charge_rejected", "charge_canceled",
               "issue_created", "subscription_created", "subscription_canceled", "subscription_reactivated",
               "subscription_renew"]
NOT_PAYMENT_EVENTS = ["test", "issue_created", "subscription_created", "subscription_canceled",
                      "subscription_reactivated", "subscription_renew"]

_WEBHOOK = "event.data."


def _charge_fields(prefix: str) -> dict:
    tx = prefix + "last_transaction."
    return {
        "provider_transaction_id": [tx + "id", prefix + "id"],
        "status": [tx + "status"],
        "reason_code": [tx + "gateway_response_code", tx + "gateway_message"],
        "amount": [tx + "amount", prefix + "amount"],
        "event_time": [tx + "created_at", "event.created_at", prefix + "updated_at"],
        "payment_method": [prefix + "payment_method.code"],
        "attempt_id": [tx + "id"],
        "payment_id": [prefix + "bill.code", prefix + "bill.id"],
    }


def _charge_variants(prefix: str, name: str) -> list[dict]:
    tx = prefix + "last_transaction."
    fields = _charge_fields(prefix)
    return [
        {
            "name": name + "_fraud",
            "match": {prefix + "status": "fraud"},
            "event_kind": "AUTHORIZATION",
            "fields": {**fields, "status": [prefix + "status"], "reason_code": []},
            "status_map": CHARGE_STATUSES,
            "rules": [{"when": {prefix + "status": "fraud"}, "set": {"failure_reason": "SUSPECTED_FRAUD"}}],
        },
        {
            "name": name + "_refund_transaction",
            "match": {tx + "transaction_type": "refund", tx + "status": "success"},
            "status": "REFUNDED",
            "event_kind": "REFUND",
            "fields": {**fields, "refund_id": [tx + "id"], "attempt_id": []},
        },
        {
            "name": name + "_transaction",
            "match": {tx + "status": {"in": list(TRANSACTION_STATUSES)}},
            "event_kind": "AUTHORIZATION",
            "status_map": TRANSACTION_STATUSES,
            "fields": fields,
            "rules": [{"when": {tx + "status": "rejected"}, "set": {"failure_reason": "GENERIC_DECLINE"}}],
        },
        {
            # A charge no transaction has run for yet (a boleto awaiting payment): the charge's own status.
            "name": name + "_no_transaction",
            "match": {prefix + "status": {"in": list(CHARGE_STATUSES)}},
            "event_kind": "PAYMENT",
            "status_map": CHARGE_STATUSES,
            "fields": {**fields, "provider_transaction_id": [prefix + "id"], "status": [prefix + "status"],
                       "attempt_id": [], "amount": [prefix + "amount"]},
        },
    ]


def _bill_variant(prefix: str, name: str) -> dict:
    return {
        "name": name,
        "match": {prefix + "status": {"in": list(BILL_STATUSES)}},
        "event_kind": "PAYMENT",
        "status_map": BILL_STATUSES,
        "fields": {
            "provider_transaction_id": [prefix + "id"],
            "status": [prefix + "status"],
            "amount": [prefix + "amount"],
            "event_time": ["event.created_at", prefix + "updated_at", prefix + "created_at"],
            "payment_method": [prefix + "charges.-1.payment_method.code"],
            "payment_id": [prefix + "code", prefix + "id"],
        },
    }


SPEC = {
    "provider": "vindi",
    "aliases": ["vindi", "vindi pagamentos", "vindi.com.br", "vindi recorrencia"],
    "detect": [
        {"path": "event.type", "in": [t for t in EVENT_TYPES if t != "test"], "weight": 0.4},
        {"path": "event.data", "exists": True, "weight": 0.1},
        {"path": "event.data.charge.last_transaction.gateway_message", "exists": True, "weight": 0.3},
        {"path": "event.data.bill.charges", "exists": True, "weight": 0.2},
        {"path": "event.data.charge.attempt_count", "exists": True, "weight": 0.1},
        {"path": "event.data.charge.payment_method.code", "in": list(PAYMENT_METHODS) + ["pix_bank_slip"],
         "weight": 0.1},
        {"path": "charge.last_transaction.gateway_message", "exists": True, "weight": 0.3},
        {"path": "charge.last_transaction.transaction_type", "in": TRANSACTION_TYPES, "weight": 0.3},
        {"path": "charge.attempt_count", "exists": True, "weight": 0.2},
        {"path": "charge.payment_method.code", "in": list(PAYMENT_METHODS) + ["pix_bank_slip"], "weight": 0.1},
        {"path": "bill.charges", "exists": True, "weight": 0.3},
        {"path": "bill.bill_items", "exists": True, "weight": 0.2},
        {"path": "bill.status", "in": list(BILL_STATUSES), "weight": 0.1},
        {"path": "errors.0.parameter", "exists": True, "weight": 0.25},
        {"path": "errors.0.id", "exists": True, "weight": 0.25},
    ],
    "amount_unit": "major",
    "default_currency": "BRL",
    "payment_method_map": PAYMENT_METHODS,
    "variants": [
        {
            "name": "error",
            "match": {"errors": {"exists": True}},
            "status": "ERROR",
            "default_currency": None,
            "fields": {"reason_code": ["errors.id", "errors.message"]},
        },
        {
            "name": "not_a_payment_event",
            "match": {"event.type": {"in": NOT_PAYMENT_EVENTS}},
            "not_a_payment": "vindi: test, subscription and issue events describe no payment",
        },
        *_charge_variants(_WEBHOOK + "charge.", "webhook_charge"),
        _bill_variant(_WEBHOOK + "bill.", "webhook_bill"),
        *_charge_variants("charge.", "charge"),
        _bill_variant("bill.", "bill"),
    ],
}
