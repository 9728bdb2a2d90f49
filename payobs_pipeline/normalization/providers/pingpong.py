"""PingPong Checkout (pingpongx.com): the dispute (chargeback) webhook notifications.

Sources (PingPong Checkout's v4 developer documentation, mirrored in github.com/shaojianming/v4-document):
- Webhook notifications (docs/v4/developer/zh/services/dispute/apis/notifications.md): one notification URL, the
  kind told by eventCode: REQUEST_FOR_INFORMATION (request for information), NOTIFICATION_OF_CHARGEBACK (a
  chargeback order), PREARBITRATION (arbitration preparation), CHARGEBACK_REVERSED (chargeback reversal),
  PREARBITRATION_WON / PREARBITRATION_LOST (arbitration decision won / failed).
- The six eventCode pages (services/dispute/apis/eventCode/information.md, chargeback.md, prearbitration.md,
  reversed.md, prearbitrationWon.md, prearbitrationLost.md): fields accId (merchant store id), disputePspReference
  (chargeback order number), merchantReference (merchant website order number), originalReference (PingPong
  transaction serial number), chargebackStatus, chargebackSchemeCode, chargebackReasonCode, disputeType,
  defensePeriodEndsAt, defendable, currency, amount (a decimal string, e.g. "1" USD), eventCode, eventDate,
  paymentMethod, reason, sign, signType SHA256.
- Enumerations (services/dispute/apis/chargebackEnum.md): chargebackStatus EXPIRED, LOST, PROCESSED, PENDING,
  REFUNDED, REVOKED, WON, ACCEPTED; disputeType DUTY, NO_RECEIVED, WRONG_GOODS, OTHERS.

Read as: every notification is a DISPUTE at some stage, so CHARGEBACK (docs/taxonomy.md: the stage stays in
raw_status, here the eventCode). The amount is read as major units: the pages give "1" for a USD amount and do not
state the unit in words (a reading). Not mapped: PingPong Checkout's payment notifications and API error answers
(not found in the stored pages); the dispute API's errorCode table (AccIdError ... OtherError) belongs to the
merchant's own dispute queries, not to a notification.
"""

from __future__ import annotations

# eventCode -> status: every stage of a dispute is a CHARGEBACK.
EVENTS = {
    "REQUEST_FOR_INFORMATION": "CHARGEBACK",
    "NOTIFICATION_OF_CHARGEBACK": "CHARGEBACK",
    "PREARBITRATION": "CHARGEBACK",
    "CHARGEBACK_REVERSED": "CHARGEBACK",
    "PREARBITRATION_WON": "CHARGEBACK",
    "PREARBITRATION_LOST": "CHARGEBACK",
}
# chargebackStatus values (Enumerations page).
CHARGEBACK_STATUSES = ["EXPIRED", "LOST", "PROCESSED", "PENDING", "REFUNDED", "REVOKED", "WON", "ACCEPTED"]

PAYMENT_METHODS = {"visa": "CARD", "mastercard": "CARD", "master": "CARD", "amex": "CARD", "jcb": "CARD",
                   "discover": "CARD", "diners": "CARD"}

SPEC = {
    "provider": "pingpong",
    "aliases": ["pingpong", "ping pong", "pingpong checkout", "pingpongx", "pingpongx.com",
                "acquirer-payment.pingpongx.com"],
    "detect": [
        {"path": "eventCode", "in": list(EVENTS), "weight": 0.3},
        {"path": "disputePspReference", "exists": True, "weight": 0.3},
        {"path": "chargebackStatus", "in": CHARGEBACK_STATUSES, "weight": 0.15},
        {"path": "accId", "exists": True, "weight": 0.1},
        {"path": "signType", "in": ["SHA256"], "weight": 0.05},
    ],
    "amount_unit": "major",
    "payment_method_map": PAYMENT_METHODS,
    "status_map": EVENTS,
    "fields": {
        "provider_transaction_id": ["disputePspReference"],
        "status": ["eventCode"],
        "amount": ["amount"],
        "currency": ["currency"],
        "event_time": ["eventDate"],
        "payment_method": ["paymentMethod"],
        "card_brand": ["chargebackSchemeCode", "paymentMethod"],
        "merchant_id": ["accId"],
        "attempt_id": ["originalReference"],
        "payment_id": ["merchantReference"],
        "dispute_id": ["disputePspReference"],
    },
    "variants": [
        {
            "name": "dispute.notification",
            "match": {"eventCode": {"in": list(EVENTS)}, "disputePspReference": {"exists": True}},
            "event_kind": "DISPUTE",
        },
    ],
}
