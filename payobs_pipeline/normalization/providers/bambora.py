"""Bambora North America (formerly Beanstream; now Worldline North America): Payments API JSON and the
legacy Process Transaction API key=value replies.

Sources:
- https://docs.na.worldline-solutions.com/en/build-your-integration/payment-apis/payment-api/payment-api-response-codes
  and its earlier copy http://dev.beanstream.com.realtime-payments.s3-website-us-east-1.amazonaws.com/docs/references/payment_APIs/bank_response_codes
  ("Message ID" = response.message_id, "Cardholder message" = response.message; map handlers against
  message IDs. Gateway responses: 14 invalid expiration date, 16 duplicate transaction (already approved),
  21/22 validation amount below the minimum / above the maximum, 26 invalid expiry date, 49 invalid
  transaction request string, 50 invalid transaction type, 51 DECLINE (restricted card or IP),
  52 invalid card number, 53 application error sending request, 54 transaction timeout (no available
  device), 55 transaction timeout (no transaction response), 56 application error retrieving response,
  59 declined: operation must be performed by the master merchant)
- Payments API payment response (POST /v1/payments): ``id``, ``authorizing_merchant_id``, ``approved``
  ("1"/"0"), ``message_id``, ``message``, ``auth_code``, ``created``, ``order_number``, ``type`` (P purchase,
  PA pre-authorization, PAC pre-authorization completion, R return, VP void purchase, VR void return),
  ``payment_method`` (CC, ...), ``amount``, ``card`` (card_type, last_four, avs/cvd results); error answers
  ``{"code", "category", "message", "reference", "details"}`` where ``code`` is the message ID and category 1
  is a transaction the processor declined (the request itself was valid), other categories the request
  refused by the API (validation, business rules, permissions).
- Process Transaction API ("Table of Beanstream Response Variables"): trnApproved 1/0, trnId, messageId,
  messageText, trnOrderNumber, authCode, errorType (N none, U user-generated input error, S system error),
  trnAmount, trnDate, trnType (P, PA, PAC, R, VP, VR), cardType.
Message 1 is "Approved" and 7 "DECLINE" (the emulator's and processors' generic decline). The processor
sub-tables (Chase Paymentech, Desjardins, Fiserv, Global, TD, Vital) could not be read here; their message IDs
fall back to the approved flag with no specific reason. The replies carry no currency (the merchant
account's), so amounts are left out.
"""

from __future__ import annotations

_TECHNICAL = "TECHNICAL"

MESSAGE_IDS = {
    "7": "GENERIC_DECLINE",  # DECLINE
    "14": "INVALID_CARD_DATA",  # invalid expiration date
    "16": "DUPLICATE",  # duplicate transaction: already approved
    "21": "INVALID_REQUEST",  # validation amount below the minimum
    "22": "INVALID_REQUEST",  # validation amount above the maximum
    "26": "INVALID_CARD_DATA",  # invalid expiry date
    "49": "INVALID_REQUEST",  # invalid transaction request string
    "50": "INVALID_REQUEST",  # invalid transaction type
    "51": {"reason": "RISK_REJECTED", "source": "PSP_RISK"},  # DECLINE: restricted card or IP
    "52": "INVALID_CARD_DATA",  # invalid card number
    "53": {"reason": "PROCESSING_ERROR", "source": _TECHNICAL},  # application error sending request
    "54": {"reason": "TIMEOUT", "source": _TECHNICAL},  # timeout: no available device
    "55": {"reason": "TIMEOUT", "source": _TECHNICAL},  # timeout: no transaction response
    "56": {"reason": "PROCESSING_ERROR", "source": _TECHNICAL},  # application error retrieving response
    "59": "CONFIGURATION_ERROR",  # must be performed by the master merchant
}
# Message IDs that say the gateway could not process the request (no decision was taken).
_ERROR_IDS = ["21", "22", "49", "50", "53", "54", "55", "56", "59"]

APPROVED = {"1": "APPROVED", "0": "DECLINED", "true": "APPROVED", "false": "DECLINED"}
CARD_BRANDS = {"VI": "visa", "MC": "mastercard", "AM": "amex", "NN": "discover", "DI": "diners", "JB": "jcb",
               "IO": "interac", "PV": "visa", "MD": "mastercard"}
PAYMENT_METHODS = {"cc": "CARD", "card": "CARD", "token": "CARD", "payment_profile": "CARD", "ach": "DIRECT_DEBIT",
                   "eft": "DIRECT_DEBIT", "io": "CARD", "interac": "CARD", "applepay": "WALLET", "apple_pay": "WALLET",
                   "googlepay": "WALLET", "android_pay": "WALLET", "cash": "OTHER", "cheque": "OTHER"}


# Transaction types: the Payments API answers a pre-authorization completion as "PAC" (Process Transaction
# API trnType) or "PC", and a void as "VP" / "VR" (void purchase / void return) or plain "V".
_CAPTURE_TYPES = ["PAC", "PC"]
_VOID_TYPES = ["VP", "VR", "V"]


def _kind_rules(type_path: str, approved_path: str) -> list[dict]:
    """Capture, refund and void kinds by the transaction type, and their lifecycle statuses."""
    return [
        {"when": {type_path: _CAPTURE_TYPES}, "set": {"event_kind": "CAPTURE"}},
        {"when": {type_path: "R"}, "set": {"event_kind": "REFUND"}},
        {"when": {type_path: "R", approved_path: "1"}, "set": {"status_category": "REFUNDED"}},
        {"when": {type_path: _VOID_TYPES}, "set": {"event_kind": "VOID"}},
        {"when": {type_path: _VOID_TYPES, approved_path: "1"}, "set": {"status_category": "CANCELLED"}},
        {"when": {type_path: _VOID_TYPES, approved_path: "0"}, "set": {"status_category": "ERROR"}},
    ]


SPEC = {
    "provider": "bambora",
    "aliases": ["bambora", "beanstream", "bambora_na", "bambora na", "bambora north america", "bamborana",
                "worldline_na", "worldline north america", "beanstream_legacy"],
    "detect": [
        # Payments API payment.
        {"path": "authorizing_merchant_id", "exists": True, "weight": 0.5},
        {"path": "approved", "in": ["0", "1"], "weight": 0.1},
        {"path": "message_id", "exists": True, "weight": 0.2},
        {"path": "order_number", "exists": True, "weight": 0.1},
        {"path": "type", "in": ["P", "PA", "PAC", "PC", "R", "VP", "VR", "V"], "weight": 0.1},
        # The Payments API card block: its CVD / address check results.
        {"path": "card.cvd_match", "exists": True, "weight": 0.2},
        {"path": "card.address_match", "exists": True, "weight": 0.1},
        # Legacy Process Transaction API reply.
        {"path": "trnApproved", "in": ["0", "1"], "weight": 0.4},
        {"path": "trnId", "exists": True, "weight": 0.2},
        {"path": "messageId", "exists": True, "weight": 0.2},
        {"path": "messageText", "exists": True, "weight": 0.1},
        {"path": "trnOrderNumber", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "major",
    "default_payment_method": "CARD",
    "reason_map": MESSAGE_IDS,
    "card_brand_map": CARD_BRANDS,
    "variants": [
        {
            "name": "legacy_reply",
            "match": {"trnApproved": {"exists": True}},
            "fields": {
                "provider_transaction_id": ["trnId"],
                "status": ["trnApproved"],
                "reason_code": ["messageId"],
                "card_brand": ["cardType"],
                "payment_id": ["trnOrderNumber"],
            },
            "status_map": APPROVED,
            "rules": [
                {"when": {"trnApproved": "0", "errorType": ["U", "S"]}, "set": {"status_category": "ERROR"}},
                {"when": {"trnApproved": "0", "errorType": "S"}, "set": {"failure_reason": "PROCESSING_ERROR"}},
                {"when": {"trnApproved": "0", "messageId": _ERROR_IDS}, "set": {"status_category": "ERROR"}},
                *_kind_rules("trnType", "trnApproved"),
            ],
        },
        {
            "name": "payment",
            "match": {"approved": {"exists": True}, "message_id": {"exists": True}},
            "fields": {
                "provider_transaction_id": ["id"],
                "status": ["approved"],
                "reason_code": ["message_id"],
                "payment_method": ["payment_method"],
                "card_brand": ["card.card_type"],
                "payment_id": ["order_number"],
                "event_time": ["created"],
            },
            "status_map": APPROVED,
            "payment_method_map": PAYMENT_METHODS,
            "rules": [
                {"when": {"approved": "0", "message_id": _ERROR_IDS}, "set": {"status_category": "ERROR"}},
                *_kind_rules("type", "approved"),
            ],
        },
        {
            # An error answer: category 1 is a processor decline of a valid request, others the API's refusal.
            "name": "error_body",
            "match": {"code": {"exists": True}, "category": {"exists": True}, "message": {"exists": True}},
            "status": "ERROR",
            "fields": {"status": ["category"], "reason_code": ["code"]},
            "rules": [{"when": {"category": "1"}, "set": {"status_category": "DECLINED"}}],
        },
    ],
}
