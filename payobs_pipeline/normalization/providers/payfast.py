"""PayFast (Payfast by Network, South Africa): ITN (Instant Transaction Notification) posts to the merchant's
notify_url, form-encoded (or stored as a JSON object of the same fields).

Sources:
- https://developers.payfast.co.za/docs#step_4_confirm_payment (the ITN variables: m_payment_id (the
  merchant's payment id), pf_payment_id (PayFast's), payment_status "COMPLETE" (and "CANCELLED" for a cancelled
  subscription / tokenized agreement), item_name, item_description, amount_gross (what the buyer paid, ZAR,
  major units), amount_fee (negative), amount_net, custom_str1..5, custom_int1..5, name_first, name_last,
  email_address, merchant_id, token and billing_date (subscriptions and tokenization), signature)
- https://packagist.org/packages/billowapp/payfast ("ZAR is the only supported currency") and the ActiveMerchant /
  OffsitePayments PayFast notification documentation on rubydoc.info (gross: "the total amount which the payer
  paid"; complete?: payment_status COMPLETE)
PayFast sends an ITN when a payment completes (a failed card payment is retried by the buyer on PayFast's page
and sends none); FAILED and PENDING are mapped defensively, from recollection of PayFast's status list, not
from a documentation page read here.

Lifecycle identity: pf_payment_id is the attempt; payment_id is the merchant's m_payment_id; a subscription's
recurring payments share its token but each has its own pf_payment_id.
"""

from __future__ import annotations

STATUSES = {
    "COMPLETE": "APPROVED",
    "CANCELLED": "CANCELLED",
    "FAILED": "DECLINED",  # recollection, see the module docstring
    "PENDING": "PENDING",  # recollection, see the module docstring
}

SPEC = {
    "provider": "payfast",
    "aliases": ["payfast", "pay_fast", "pay fast", "payfast_itn", "payfast by network", "payfast_by_network"],
    "detect": [
        {"path": "pf_payment_id", "exists": True, "weight": 0.6},
        {"path": "m_payment_id", "exists": True, "weight": 0.2},
        {"path": "amount_gross", "exists": True, "weight": 0.2},
        {"path": "amount_net", "exists": True, "weight": 0.1},
        {"path": "payment_status", "in": list(STATUSES), "weight": 0.1},
    ],
    "amount_unit": "major",
    "default_currency": "ZAR",
    "status_map": STATUSES,
    "reason_map": {"FAILED": "GENERIC_DECLINE"},
    "variants": [
        {"name": "itn", "match": {"payment_status": {"exists": True}},
         "fields": {"provider_transaction_id": ["pf_payment_id"], "status": ["payment_status"],
                    "reason_code": ["payment_status"], "amount": ["amount_gross"], "merchant_id": ["merchant_id"],
                    "attempt_id": ["pf_payment_id"], "payment_id": ["m_payment_id"]}},
    ],
}
