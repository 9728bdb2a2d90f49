"""2Checkout (now Verifone): INS notifications and the hosted-checkout return (passback).

Sources (the knowledge-center pages could not be read during this work: the fields and values below were
written from a recollection of them; check them against the pages before relying on a rare value):
- 2Checkout Instant Notification Service (INS) documentation (knowledgecenter.2checkout.com, "Instant
  Notification Service (INS)" / "INS message types and parameters"; the legacy 2co.com/documentation/notifications
  pages): a form POST with message_type (ORDER_CREATED, FRAUD_STATUS_CHANGED, SHIP_STATUS_CHANGED,
  INVOICE_STATUS_CHANGED, REFUND_ISSUED, RECURRING_INSTALLMENT_SUCCESS, RECURRING_INSTALLMENT_FAILED,
  RECURRING_STOPPED, RECURRING_COMPLETE, RECURRING_RESTARTED), message_id, message_description, sale_id (the
  order), invoice_id, vendor_id, vendor_order_id, fraud_status (pass, fail, wait: the result of 2Checkout's
  fraud review), invoice_status (approved, pending, deposited, declined), payment_type (credit card, paypal ec,
  ...), invoice_cust_amount in cust_currency (what the customer is charged), invoice_list_amount in
  list_currency (the seller's price), invoice_usd_amount, item_*_N lines (item_type_N bill / refund /
  coupon; item_list_amount_N), md5_hash, key_count, timestamp. Amounts are decimals in major units.
- 2Checkout "Passback" / Direct Return parameters: order_number, merchant_order_id, total, currency_code,
  credit_card_processed ("Y" when the credit card was processed successfully, "K" when pending: e.g. PayPal
  or a pending fraud review), key.
- The current 2Checkout (Verifone) IPN, a form POST of the order (docs.2checkout.com/2checkout-apis/2checkout-apis/
  webhooks/instant-payment-notification-ipn/ipn-parameters and /ipn-triggers; verifone.cloud/docs/2checkout/
  API-Integration/01Start-using-the-2Checkout-API/2Checkout-API-general-information/Order_flow_in_2Checkout_API):
  REFNO "unique, system-generated 2Checkout order reference", REFNOEXT (the merchant's reference), ORDERSTATUS,
  CURRENCY, IPN_TOTALGENERAL (the order total, major units), PAYMETHOD / PAYMETHOD_CODE, SALEDATE, PAYMENTDATE, HASH,
  IPN_PID[] ... . ORDERSTATUS per the triggers page: PENDING (waiting for bank authorization), PURCHASE_PENDING (a
  purchase order not paid yet), PENDING_APPROVAL (waiting for processing or anti-fraud review), PAYMENT_AUTHORIZED
  (the bank authorized the payment), PAYMENT_RECEIVED (an offline payment received), PENDING_ORDER_APPROVAL (an
  authorized order awaiting the merchant's delivery confirmation), COMPLETE (finished and fulfilled); per the order
  flow page: AUTHRECEIVED (the amount is blocked), REVERSED ("payment authorization has been reversed due to being
  flagged as potentially fraudulent"), REFUND (refunded after completion), CANCELED (by the merchant or, unpaid
  offline orders, by 2Checkout). A refund IPN carries the order's total, not the refund's: no amount is taken.
Lifecycle identity: sale_id is the order (the payment); invoice_id the sale's invoice (a recurring installment
or a re-billed order gets a new invoice: the attempt).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

REFUND_AMOUNT_KEY = "payobs_2co_refund_amount"

MESSAGE_TYPES = ["ORDER_CREATED", "FRAUD_STATUS_CHANGED", "SHIP_STATUS_CHANGED", "INVOICE_STATUS_CHANGED",
                 "REFUND_ISSUED", "RECURRING_INSTALLMENT_SUCCESS", "RECURRING_INSTALLMENT_FAILED",
                 "RECURRING_STOPPED", "RECURRING_COMPLETE", "RECURRING_RESTARTED"]
INVOICE_STATUSES = {"approved": "APPROVED", "deposited": "APPROVED", "pending": "PENDING", "declined": "DECLINED"}
FRAUD_STATUSES = {"pass": "APPROVED", "fail": "DECLINED", "wait": "PENDING"}
PAYMENT_METHODS = {"credit card": "CARD", "paypal ec": "WALLET", "paypal": "WALLET", "paypal credit": "WALLET",
                   "ach": "DIRECT_DEBIT", "check": "DIRECT_DEBIT", "online check": "DIRECT_DEBIT"}

# ORDERSTATUS of the current IPN (see the module docstring).
IPN_ORDER_STATUSES = {
    "PENDING": "PENDING", "PURCHASE_PENDING": "PENDING", "PENDING_APPROVAL": "PENDING",
    "PAYMENT_AUTHORIZED": "APPROVED", "AUTHRECEIVED": "APPROVED", "PAYMENT_RECEIVED": "APPROVED",
    "PENDING_ORDER_APPROVAL": "APPROVED", "COMPLETE": "APPROVED",
    "REVERSED": "DECLINED", "CANCELED": "CANCELLED", "REFUND": "REFUNDED",
}
_IPN_FIELDS = {
    "provider_transaction_id": ["REFNO"],
    "status": ["ORDERSTATUS"],
    "amount": ["IPN_TOTALGENERAL"],
    "currency": ["CURRENCY"],
    "attempt_id": ["REFNO"],
    "payment_id": ["REFNOEXT", "REFNO"],
}

_FIELDS = {
    "provider_transaction_id": ["invoice_id", "sale_id"],
    "amount": ["invoice_cust_amount", "invoice_list_amount"],
    "currency": ["cust_currency", "list_currency"],
    "event_time": ["timestamp", "sale_date_placed"],
    "payment_method": ["payment_type"],
    "payment_id": ["sale_id"],
    "attempt_id": ["invoice_id"],
    "merchant_id": ["vendor_id"],
    "customer_country": ["bill_country", "customer_ip_country"],
}
_PSP_RISK = {"failure_reason": "RISK_REJECTED", "failure_source": "PSP_RISK"}


def prepare(body: Any) -> Any:
    """A REFUND_ISSUED message gets the sum of its refund lines (item_type_N refund: item_list_amount_N).

    A passback without currency_code keeps no amount (an amount without its currency is left out)."""
    if not isinstance(body, dict):
        return body
    if "credit_card_processed" in body and not body.get("currency_code") and "total" in body:
        return {key: value for key, value in body.items() if key != "total"}
    if str(body.get("message_type") or "").upper() != "REFUND_ISSUED":
        return body
    total, found = Decimal(0), False
    for key, value in body.items():
        if not (isinstance(key, str) and key.startswith("item_type_")) or str(value).lower() != "refund":
            continue
        index = key[len("item_type_"):]
        try:
            total += Decimal(str(body.get(f"item_list_amount_{index}") or body.get(f"item_cust_amount_{index}")))
            found = True
        except (InvalidOperation, ValueError):
            return body
    return {**body, REFUND_AMOUNT_KEY: str(total)} if found else body


SPEC = {
    "provider": "twocheckout",
    "aliases": ["twocheckout", "2checkout", "2co", "two checkout", "2checkout ins", "verifone", "2checkout_ins",
                "verifone 2checkout", "2checkout avangate", "avangate"],
    "detect": [
        {"path": "message_type", "in": MESSAGE_TYPES, "weight": 0.4},
        {"path": "sale_id", "exists": True, "weight": 0.2},
        {"path": "invoice_id", "exists": True, "weight": 0.1},
        {"path": "md5_hash", "exists": True, "weight": 0.1},
        {"path": "key_count", "exists": True, "weight": 0.2},
        {"path": "invoice_status", "in": list(INVOICE_STATUSES), "weight": 0.1},
        {"path": "fraud_status", "in": list(FRAUD_STATUSES), "weight": 0.1},
        # The passback.
        {"path": "credit_card_processed", "in": ["Y", "K"], "weight": 0.5},
        {"path": "order_number", "exists": True, "weight": 0.2},
        # The current IPN: 2Checkout's upper-case order fields.
        {"path": "REFNO", "exists": True, "weight": 0.2},
        {"path": "ORDERSTATUS", "in": list(IPN_ORDER_STATUSES), "weight": 0.2},
        {"path": "IPN_TOTALGENERAL", "exists": True, "weight": 0.3},
        {"path": "REFNOEXT", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "major",
    "status_map": {**INVOICE_STATUSES, **FRAUD_STATUSES},
    "payment_method_map": PAYMENT_METHODS,
    "variants": [
        {"name": "ins.not_a_payment",
         "match": {"message_type": ["SHIP_STATUS_CHANGED", "RECURRING_STOPPED", "RECURRING_COMPLETE",
                                    "RECURRING_RESTARTED"]},
         "not_a_payment": "a 2Checkout shipping or recurring-schedule notice is not a payment outcome"},
        {
            # 2Checkout's fraud review decided: pass releases the sale, fail cancels it (the review's refusal).
            "name": "ins.fraud_status_changed",
            "match": {"message_type": "FRAUD_STATUS_CHANGED"},
            "fields": {**_FIELDS, "status": ["fraud_status"]},
            "status_map": FRAUD_STATUSES,
            "rules": [{"when": {"fraud_status": "fail"}, "set": _PSP_RISK}],
        },
        {
            "name": "ins.refund_issued",
            "match": {"message_type": "REFUND_ISSUED"},
            "status": "REFUNDED",
            "event_kind": "REFUND",
            # The refund's own amount (its refund lines), never the invoice's; 2Checkout sends no refund id.
            "fields": {**{k: v for k, v in _FIELDS.items() if k != "attempt_id"}, "amount": [REFUND_AMOUNT_KEY],
                       "currency": ["list_currency", "cust_currency"], "provider_transaction_id": ["message_id"],
                       "refund_id": ["message_id"]},
        },
        {
            "name": "ins.recurring_installment",
            "match": {"message_type": ["RECURRING_INSTALLMENT_SUCCESS", "RECURRING_INSTALLMENT_FAILED"]},
            "fields": {**_FIELDS, "status": ["message_type"]},
            "status_map": {"RECURRING_INSTALLMENT_SUCCESS": "APPROVED", "RECURRING_INSTALLMENT_FAILED": "DECLINED"},
        },
        {
            # ORDER_CREATED / INVOICE_STATUS_CHANGED: the invoice's status; a failed fraud review declines it.
            "name": "ins.order",
            "match": {"message_type": ["ORDER_CREATED", "INVOICE_STATUS_CHANGED"]},
            "fields": {**_FIELDS, "status": ["invoice_status"]},
            "status_map": INVOICE_STATUSES,
            "rules": [
                {"when": {"fraud_status": "wait", "invoice_status": ["approved", "pending"]},
                 "set": {"status_category": "PENDING"}},
                {"when": {"fraud_status": "fail"}, "set": {"status_category": "DECLINED", **_PSP_RISK}},
            ],
        },
        # The current IPN (see IPN_ORDER_STATUSES): a reversed authorization was flagged as potentially fraudulent.
        {"name": "ipn.refund", "match": {"ORDERSTATUS": "REFUND", "REFNO": {"exists": True}},
         "status": "REFUNDED", "event_kind": "REFUND",
         "fields": {k: v for k, v in _IPN_FIELDS.items() if k not in ("amount", "attempt_id")}},
        {"name": "ipn.order", "match": {"ORDERSTATUS": {"exists": True}, "REFNO": {"exists": True}},
         "fields": _IPN_FIELDS, "status_map": IPN_ORDER_STATUSES,
         "rules": [{"when": {"ORDERSTATUS": "REVERSED"}, "set": _PSP_RISK}]},
        {
            "name": "passback",
            "match": {"credit_card_processed": {"exists": True}, "order_number": {"exists": True}},
            "fields": {"provider_transaction_id": ["order_number"], "status": ["credit_card_processed"],
                       "amount": ["total"], "currency": ["currency_code"], "payment_id": ["merchant_order_id"],
                       "attempt_id": ["order_number"]},
            "status_map": {"Y": "APPROVED", "K": "PENDING"},
        },
    ],
}
