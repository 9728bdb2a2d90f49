"""NOWPayments (crypto payments): the IPN posted to ipn_callback_url, the payment object of the Get payment status /
Create payment answers, the payout (mass withdrawal) IPN and the API error body.

Sources:
- NOWPayments API, "Get payment status" (GET /v1/payment/{payment_id}, as catalogued at
  zingu.ai/endpoints/nowpayments.io:GET:_v1_payment_payment_id, quoting the API's description): waiting "waiting for
  the customer to send the payment. The initial status of each payment", confirming "the transaction is being
  processed on the blockchain", confirmed "the process is confirmed by the blockchain. Customer's funds have
  accumulated enough confirmations", sending "the funds are being sent to your personal wallet", partially_paid "the
  customer sent the less than the actual price. Appears when the funds have arrived in your wallet", finished "the
  funds have reached your personal address and the payment is finished", failed "the payment wasn't completed due to
  the error of some kind", refunded "the funds were refunded back to the user", expired "the user didn't send the
  funds to the specified address in the 24 hour time window"; outcome_amount / outcome_currency, invoice_id.
- NOWPayments help centre, "Payment statuses" (nowpayments.zendesk.com/hc/en-us/articles/18395434917149): partially
  paid is "a completed payment ... you've already received your funds, but the amount sent by your customer was less
  than the settled price"; cancelled is an "additional custom status" the merchant may set on a partially paid
  payment (no automatic refund); failed "most likely, a customer sent an amount that was less than a minimum one";
  expired also when the funds were not detected (e.g. sent over an unsupported network).
- Field names and the payout statuses (CREATING, WAITING, PROCESSING, SENDING, FINISHED, FAILED, REJECTED): the SDK
  node-nowpayments-api src/types (unpkg), which lists the same nine payment statuses.
- API error body {status: false, statusCode, code, message}: its codes AMOUNT_MINIMAL_ERROR (HTTP 400, a price under
  the coin's minimum), INVALID_API_KEY and CURRENCY_UNAVAILABLE are as handled by integrations in the stored code
  corpus (data.code / data.message of the answer); INVALID_REQUEST_PARAMS rests on recollection of the API docs.

Amounts: price_amount is the order's price in price_currency (a fiat code such as "usd", major units); pay_amount /
actually_paid are in the crypto pay_currency and are not read (no ISO 4217 code). An order priced in a crypto
currency has no ISO currency and stays unprocessed (UNKNOWN_CURRENCY).

Read as: waiting, confirming, confirmed, sending are PENDING (the funds are not yet the merchant's); finished and
partially_paid (NOWPayments' "completed payment", underpaid) are APPROVED; failed is an ERROR (no reason given);
expired and the merchant's cancelled are CANCELLED; refunded is a REFUND. A payout IPN moves the merchant's balance:
not a payment.

Lifecycle identity: payment_id is the attempt (one deposit address per payment); purchase_id (several payments for
one order) or else the merchant's order_id is the payment; no refund id is documented.
"""

from __future__ import annotations

PAYMENT_STATUSES = {
    "waiting": "PENDING",
    "confirming": "PENDING",
    "confirmed": "PENDING",
    "sending": "PENDING",
    "partially_paid": "APPROVED",
    "finished": "APPROVED",
    "failed": "ERROR",
    "refunded": "REFUNDED",
    "expired": "CANCELLED",
    "cancelled": "CANCELLED",
}

ERROR_CODES = {
    "AMOUNT_MINIMAL_ERROR": "INVALID_REQUEST",
    "INVALID_REQUEST_PARAMS": "INVALID_REQUEST",
    "INVALID_API_KEY": "CONFIGURATION_ERROR",
    "CURRENCY_UNAVAILABLE": "PROCESSING_ERROR",
}

SPEC = {
    "provider": "nowpayments",
    "aliases": ["nowpayments", "now payments", "nowpayments.io", "now_payments"],
    "detect": [
        {"path": "payment_status", "in": list(PAYMENT_STATUSES), "weight": 0.2},
        {"path": "pay_address", "exists": True, "weight": 0.2},
        {"path": "pay_currency", "exists": True, "weight": 0.15},
        {"path": "price_currency", "exists": True, "weight": 0.15},
        {"path": "actually_paid", "exists": True, "weight": 0.2},
        {"path": "purchase_id", "exists": True, "weight": 0.1},
        {"path": "outcome_currency", "exists": True, "weight": 0.1},
        {"path": "batch_withdrawal_id", "exists": True, "weight": 0.5},
        {"path": "code", "in": list(ERROR_CODES), "weight": 0.45},
        {"path": "statusCode", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "major",
    "default_payment_method": "OTHER",
    "reason_map": {**ERROR_CODES, "failed": "UNKNOWN"},
    "variants": [
        {
            "name": "payout",
            "match": {"batch_withdrawal_id": {"exists": True}},
            "not_a_payment": "a payout (mass withdrawal) IPN moves the merchant's balance to a wallet: no payment",
        },
        {
            "name": "error",
            "match": {"code": {"exists": True}, "payment_status": {"exists": False}},
            "status": "ERROR",
            "default_payment_method": None,
            "fields": {"reason_code": ["code", "message"]},
        },
        {
            "name": "payment",
            "match": {"payment_status": {"exists": True}},
            "fields": {
                "provider_transaction_id": ["payment_id"],
                "attempt_id": ["payment_id"],
                "payment_id": ["purchase_id", "order_id"],
                "refund_id": [],
                "status": ["payment_status"],
                "reason_code": ["payment_status"],
                "amount": ["price_amount"],
                "currency": ["price_currency"],
                "event_time": ["updated_at", "created_at"],
            },
            "status_map": PAYMENT_STATUSES,
        },
    ],
}
