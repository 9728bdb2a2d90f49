"""AstroPay (LatAm wallet, "OneTouch" deposits API): the deposit creation answer, the deposit status answer and
the deposit callback.

Sources: AstroPay's own API reference (developers-wallet.astropay.com) is not among the stored sources; this mapping
rests on merchants' integration code that copies it, and says so:
- A merchant's typed client (lib/astropay.ts of the project whose webhook handler imports AstroPayCallbackPayload;
  found by the exact type name): AstroPayDepositResponse {merchant_deposit_id, deposit_external_id, status
  'PENDING' | 'APPROVED' | 'CANCELLED', url, type 'default' | 'gateway'}; AstroPayDepositStatusResponse
  {merchant_deposit_id, deposit_external_id, status, amount, currency}; AstroPayCallbackPayload
  {deposit_external_id, merchant_deposit_id, status, merchant_user_id, deposit_user_id, end_status_date}.
- A payment platform's provider tests (projectSettlePayTests ... providersTests/AstroPay/AstroPayPayIn.java) post
  the callback {deposit_external_id, merchant_deposit_id, deposit_user_id, merchant_user_id, status,
  end_status_date} with status APPROVED, PENDING and CANCELED (that spelling), and create deposits with amount in
  major units and amount_currency (USD, ARS, BRL, CLP, COP, CRC, MXN, PEN, UYU).
- The status words: PENDING (the user has not completed the deposit), APPROVED (paid), CANCELLED (cancelled or
  expired; the "CANCELED" spelling read the same). The typed client also lists COMPLETED for callbacks, which
  no other source confirms: left unmapped.

Not mapped (no stored source): AstroPay's error bodies and codes, refunds and cashouts (payouts). AstroPay names
no decline reasons for deposits: a deposit is approved, pending or cancelled.

Amounts are major units with their currency, read only from the status answer (the callback and the creation
answer carry none).

Lifecycle identity: AstroPay's deposit_external_id is the attempt; the merchant's merchant_deposit_id the payment.
"""

from __future__ import annotations

STATUSES = {
    "PENDING": "PENDING",
    "APPROVED": "APPROVED",
    "CANCELLED": "CANCELLED",
    "CANCELED": "CANCELLED",
}

SPEC = {
    "provider": "astropay",
    "aliases": ["astropay", "astro pay", "astropay onetouch", "astropay.com", "astropay wallet"],
    "detect": [
        {"path": "deposit_external_id", "exists": True, "weight": 0.4},
        {"path": "merchant_deposit_id", "exists": True, "weight": 0.2},
        {"path": "deposit_user_id", "exists": True, "weight": 0.1},
        {"path": "end_status_date", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "major",
    "default_payment_method": "WALLET",
    "status_map": STATUSES,
    "fields": {
        "provider_transaction_id": ["deposit_external_id"],
        "status": ["status"],
        "amount": ["amount"],
        "currency": ["currency"],
        "event_time": ["end_status_date"],
        "attempt_id": ["deposit_external_id"],
        "payment_id": ["merchant_deposit_id", "deposit_external_id"],
    },
    "variants": [
        {
            # The creation answer: a deposit opened, the user sent to its url.
            "name": "deposit_created",
            "match": {"deposit_external_id": {"exists": True}, "url": {"exists": True}, "status": "PENDING"},
            "event_kind": "PAYMENT",
        },
        {
            "name": "deposit",
            "match": {"deposit_external_id": {"exists": True}, "status": {"in": list(STATUSES)}},
        },
    ],
}
