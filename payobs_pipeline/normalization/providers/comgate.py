"""Comgate (Czech Republic): the push notification (an HTTP POST of key=value parameters), the /status answer and
the API's error answer.

Sources:
- Comgate API docs, "Push Notifications" (apidoc.comgate.cz/en/push-notifikace): the parameters transId (unique
  transaction id), merchant (e-shop id), test, price ("in cents or pence"), curr (ISO 4217), label, refId
  ("payment reference, e.g. variable symbol or order number"), payerId, payerName, payerAcc, method, account,
  email, phone, name, secret, status ("PAID, CANCELLED, AUTHORIZED"), fee, fullName, billingAddr*; "always verify
  the actual payment status by calling /status".
- SDK source, sebelapetr/comgate-node src/types/endpoints/status.ts (citing apidoc.comgate.cz/?lang=en#status):
  the /status answer {code, message, merchant, test, price, curr, label, refId, payerId, method, account, email,
  name, transId, secret, status, payerName, payerAcc, fee, vs}; status PENDING ("created, the final result is not
  known"), PAID ("successfully paid"), CANCELLED ("not completed correctly and is cancelled"), AUTHORIZED ("the
  requested pre-authorization was successful"); code 0 OK, 1100 unknown error, 1200 database error, 1400 wrong
  query, 1500 unexpected error. comgate-payments/sdk-php src/Entity/Codes/PaymentStatusCode.php (the same four
  statuses) and PaymentMethodCode.php (CARD_CZ_CSOB_2, CARD_CZ_BS, BANK_CZ_*, BANK_SK_* method codes).

Not mapped: Comgate's full result-code table of the create / refund methods (the 13xx codes) is not in the stored
sources; an error answer with another code is an ERROR with reason UNKNOWN. Comgate gives no decline reason: a
payment that is not completed (refused, abandoned or expired) is CANCELLED, as Comgate names it. No refund,
chargeback or payout message is documented as a notification.

Lifecycle identity: Comgate's transId is the attempt; the merchant's refId is the payment.
"""

from __future__ import annotations

STATUSES = {"PENDING": "PENDING", "PAID": "APPROVED", "AUTHORIZED": "APPROVED", "CANCELLED": "CANCELLED"}

ERROR_CODES = {
    "1100": "PROCESSING_ERROR",  # unknown error
    "1200": "PROCESSING_ERROR",  # database error
    "1400": "INVALID_REQUEST",  # wrong query
    "1500": "PROCESSING_ERROR",  # unexpected error
}

PAYMENT_METHODS = {
    "CARD_CZ_CSOB_2": "CARD", "CARD_CZ_BS": "CARD",
    **{bank: "BANK_TRANSFER" for bank in (
        "BANK_CZ_AB", "BANK_CZ_CSOB", "BANK_CZ_OTHER", "BANK_CZ_RB", "BANK_CZ_KB", "BANK_CZ_MO", "BANK_CZ_FB_P",
        "BANK_CZ_CS_P", "BANK_CZ_MB_P", "BANK_CZ_CSOB_P", "BANK_CZ_UC", "BANK_SK_OTHER", "BANK_SK_VUB", "BANK_SK_TB",
        "BANK_SK_CSOB", "BANK_SK_SLSP")},
}

SPEC = {
    "provider": "comgate",
    "aliases": ["comgate", "comgate.cz", "comgate payments", "comgate a.s.", "comgate gateway"],
    "detect": [
        {"path": "transId", "exists": True, "weight": 0.2},
        {"path": "curr", "exists": True, "weight": 0.15},
        {"path": "refId", "exists": True, "weight": 0.1},
        {"path": "secret", "exists": True, "weight": 0.1},
        {"path": "label", "exists": True, "weight": 0.05},
        {"path": "price", "exists": True, "weight": 0.05},
        {"path": "merchant", "exists": True, "weight": 0.05},
        {"path": "status", "in": list(STATUSES), "weight": 0.05},
        {"path": "method", "in": list(PAYMENT_METHODS), "weight": 0.1},
    ],
    "amount_unit": "minor",
    "status_map": STATUSES,
    "payment_method_map": PAYMENT_METHODS,
    "fields": {
        "provider_transaction_id": ["transId"],
        "status": ["status"],
        "amount": ["price"],
        "currency": ["curr"],
        "payment_method": ["method"],
        "merchant_id": ["merchant"],
        "attempt_id": ["transId"],
        "payment_id": ["refId"],
    },
    "variants": [
        {
            "name": "error",
            "match": {"code": {"exists": True}, "status": {"exists": False}},
            "status": "ERROR",
            "fields": {"reason_code": ["code"], "provider_transaction_id": ["transId"]},
            "reason_map": ERROR_CODES,
        },
        {
            "name": "payment",
            "match": {"transId": {"exists": True}, "status": {"in": list(STATUSES)}},
        },
    ],
}
