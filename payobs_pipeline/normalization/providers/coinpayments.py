"""CoinPayments (cryptocurrency payments, legacy API v1): the Instant Payment Notification (IPN) POSTed to the
merchant, the ``create_transaction`` and ``get_tx_info`` API answers, and the API's error answer.

Sources:
- CoinPayments "Instant Payment Notifications (IPN)" documentation (coinpayments.net/merchant-tools-ipn), read in a
  verbatim copy kept in a public repository (the page is not stored on its own): Payment Statuses -2 = PayPal Refund
  or Reversal, -1 = Cancelled / Timed Out, 0 = Waiting for buyer funds, 1 = coin reception confirmed, 2 = Queued for
  nightly payout, 3 = PayPal Pending, 100 = Payment Complete; "<0 failures/errors, 0-99 pending, >=100 completed";
  "never ship until the status is >= 100 OR == 2". IPN fields: ipn_version, ipn_type (simple, button, cart, donation,
  deposit, api; withdrawal), ipn_mode (httpauth / hmac), ipn_id, merchant, txn_id, status, status_text, currency1
  (the merchant's original currency/coin), currency2 (the buyer's coin), amount1 / amount2, fee, invoice and custom
  (the merchant's passthru), received_amount, received_confirms; deposit IPNs (address, txn_id, status 0 / 100,
  currency, confirms, amount) and withdrawal IPNs (id, status 0 waiting email confirmation / 1 pending / 2 sent).
- API answers {error, result}: error "ok" when the call succeeded, else the error text. create_transaction
  (coinpayments.net/apidoc-create-transaction, as modelled by NdoleStudio/coinpayments-go payments.go and
  internal/stubs/payment.go): result {amount (in the buyer's coin), address, dest_tag, txn_id, confirms_needed,
  timeout, checkout_url, status_url, qrcode_url}; get_tx_info (as the SDK READMEs quote it): result {time_created,
  time_expires, status, status_text, type, coin, amount (satoshis), amountf, received, receivedf, recv_confirms,
  payment_address}.

Mapping: 100 and 2 are paid (APPROVED); 0, 1 and 3 pending; -1 cancelled or timed out unpaid (CANCELLED); -2 a
PayPal refund or reversal (REFUNDED). A created transaction waits for the buyer's coins (PENDING, the payment as a
whole). A withdrawal sends coins out of the merchant's balance: no payment. The error texts of the API are not
listed in the stored documentation: an error answer is an ERROR without a specific reason.

Amounts: coins are not ISO 4217 currencies, so a coin amount (amount2, a deposit's amount, get_tx_info's amountf,
create_transaction's amount) is never read; an IPN's amount1 is read when its currency1 is an ISO 4217 currency
(a fiat price such as USD), in major units. Lifecycle identity: txn_id is the attempt; the merchant's invoice
passthru (else the txn_id) is the payment.
"""

from __future__ import annotations

from payobs_pipeline.normalization import currency as currency_codes

PAYMENT_STATUSES = {
    "-2": "REFUNDED",
    "-1": "CANCELLED",
    "0": "PENDING",
    "1": "PENDING",
    "2": "APPROVED",
    "3": "PENDING",
    "100": "APPROVED",
}

PAYMENT_IPN_TYPES = ["simple", "button", "cart", "donation", "api"]

_IPN_FIELDS = {
    "provider_transaction_id": ["txn_id"],
    "status": ["status"],
    "amount": ["_payobs_amount"],
    "currency": ["_payobs_currency"],
    "attempt_id": ["txn_id"],
    "payment_id": ["invoice", "txn_id"],
    "customer_country": ["country"],
}

SPEC = {
    "provider": "coinpayments",
    "aliases": ["coinpayments", "coin payments", "coinpayments.net", "coinpayments net"],
    "detect": [
        {"path": "ipn_version", "exists": True, "weight": 0.2},
        {"path": "ipn_type", "in": PAYMENT_IPN_TYPES + ["deposit", "withdrawal"], "weight": 0.3},
        {"path": "ipn_mode", "in": ["httpauth", "hmac"], "weight": 0.2},
        {"path": "status_text", "exists": True, "weight": 0.1},
        {"path": "result.checkout_url", "prefix": "https://www.coinpayments.net/", "weight": 0.4},
        {"path": "result.status_url", "prefix": "https://www.coinpayments.net/", "weight": 0.2},
        {"path": "result.qrcode_url", "prefix": "https://www.coinpayments.net/", "weight": 0.1},
        {"path": "result.confirms_needed", "exists": True, "weight": 0.1},
        {"path": "result.payment_address", "exists": True, "weight": 0.2},
        {"path": "result.recv_confirms", "exists": True, "weight": 0.2},
        {"path": "result.receivedf", "exists": True, "weight": 0.1},
        {"path": "result.status_text", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "major",
    "status_map": PAYMENT_STATUSES,
    "variants": [
        {
            "name": "api_error",
            # "^error" is the same field: the one test requires it, the other its text not to be "ok".
            "match": {"^error": {"exists": True}, "error": {"not_in": ["ok"]}, "ipn_type": {"exists": False}},
            "status": "ERROR",
            "fields": {"reason_code": ["error"]},
        },
        {
            "name": "create_transaction",
            "match": {"error": "ok", "result.txn_id": {"exists": True}, "result.status_url": {"exists": True}},
            "status": "PENDING",
            "event_kind": "PAYMENT",
            "fields": {"provider_transaction_id": ["result.txn_id"], "payment_id": ["result.txn_id"]},
        },
        {
            "name": "tx_info_refund",
            "match": {"error": "ok", "result.status": "-2"},
            "root": "result",
            "event_kind": "REFUND",
            "fields": {"status": ["status"], "event_time": ["time_created"], "refund_id": []},
        },
        {
            "name": "tx_info",
            "match": {"error": "ok", "result.status": {"in": list(PAYMENT_STATUSES)}},
            "root": "result",
            "fields": {"status": ["status"], "event_time": ["time_created"]},
        },
        {
            "name": "withdrawal_ipn",
            "match": {"ipn_type": "withdrawal"},
            "not_a_payment": "a withdrawal sends coins out of the merchant's balance",
        },
        {
            "name": "deposit_ipn",
            "match": {"ipn_type": "deposit"},
            "fields": {"provider_transaction_id": ["txn_id"], "status": ["status"], "attempt_id": ["txn_id"],
                       "payment_id": ["txn_id"]},
        },
        {
            "name": "payment_ipn_refund",
            "match": {"ipn_type": {"in": PAYMENT_IPN_TYPES}, "status": "-2"},
            "event_kind": "REFUND",
            "fields": {**_IPN_FIELDS, "refund_id": []},
        },
        {
            "name": "payment_ipn",
            "match": {"ipn_type": {"in": PAYMENT_IPN_TYPES}},
            "fields": _IPN_FIELDS,
        },
    ],
}


def prepare(body):
    """An IPN's amount1 / currency1 for the mapping when currency1 is an ISO 4217 currency (never a coin), on a copy."""
    if not isinstance(body, dict) or body.get("amount1") in (None, "") or not body.get("currency1"):
        return body
    try:
        iso = currency_codes.normalize_currency(body["currency1"])
    except currency_codes.AmountError:
        return body
    if not str(body["currency1"]).strip().isalpha():
        return body
    return {**body, "_payobs_amount": body["amount1"], "_payobs_currency": iso}
