"""NMI (Network Merchants): Payment API / Direct Post key=value responses, Query API XML, webhooks.

NMI's gateway is white-labelled by many resellers (Merchant One, Durango, Transnational, Inspire
Commerce, ...): their rows carry the same documents, so the aliases name them too.

Sources:
- NMI Payment API (Direct Post) "Transaction Response Variables": response 1 = Transaction Approved,
  2 = Transaction Declined, 3 = Error in transaction data or system error; responsetext, authcode,
  transactionid, avsresponse, cvvresponse, orderid, type (sale, auth, capture, void, refund, credit,
  validate, update), response_code (Appendix 3, "Result Code Table": 100 approved; 200-264 declines;
  300 rejected by gateway; 400-461 processor and configuration errors).
  https://secure.nmi.com/merchants/resources/integration/integration_portal.php#transaction_response_variables
  (also https://payzang.com/developer/integration/transaction-response-variables/, an NMI white label
  publishing the same page) and https://docs.nmi.com/reference (Payment API).
- https://docs.nmi.com/reference/query-1 and https://docs.nmi.dev/reference/query (Query API:
  ``<nm_response><transaction>`` with transaction_id, transaction_type cc/ck, condition (pending,
  pendingsettlement, in_progress, abandoned, failed, canceled, complete, unknown), order_id, currency,
  cc_type, country and ``<action>`` elements: amount, action_type, date YYYYMMDDhhmmss, success,
  response_text, response_code; ``<error_response>`` when the query itself is refused).
- https://docs.nmi.com/docs/webhooks (webhook events: event_type transaction.{sale,auth,capture,void,refund,
  credit,validate}.{success,failure,unknown}, transaction.check.status.{settle,return,latereturn},
  settlement.batch.*, recurring.*, chargeback.batch.complete, acu.summary.*; event_body with the
  Query API's transaction fields: transaction_id, order_id, currency, card.cc_type, action.{amount,
  action_type, date, success, response_code, response_text}).
Amounts are decimal strings in major units; the Direct Post response does not repeat the amount or
currency (only a stored request beside it does). NMI does not state soft/hard: reasons' defaults,
except "264 Declined - Retry in a few days" (soft) and the stop-recurring codes 261/262 (hard).
"""

from __future__ import annotations

_MERCHANT_CONFIG = "MERCHANT_CONFIG"
_TECHNICAL = "TECHNICAL"

# Appendix 3: response_code.
RESPONSE_CODES = {
    "200": "GENERIC_DECLINE",  # transaction was declined by processor
    "201": "GENERIC_DECLINE",  # do not honor
    "202": "INSUFFICIENT_FUNDS",
    "203": "LIMIT_EXCEEDED",  # over limit
    "204": "TRANSACTION_NOT_PERMITTED",  # transaction not allowed
    "220": "INVALID_CARD_DATA",  # incorrect payment information
    "221": "INVALID_CARD_DATA",  # no such card issuer
    "222": "INVALID_CARD_DATA",  # no card number on file with issuer
    "223": "EXPIRED_CARD",
    "224": "INVALID_CARD_DATA",  # invalid expiration date
    "225": "INCORRECT_CVC",  # invalid card security code
    "226": "AUTHENTICATION_FAILED",  # invalid PIN
    "240": "GENERIC_DECLINE",  # call issuer for further information
    "250": "LOST_OR_STOLEN_CARD",  # pick up card
    "251": "LOST_OR_STOLEN_CARD",
    "252": "LOST_OR_STOLEN_CARD",
    "253": "SUSPECTED_FRAUD",  # fraudulent card
    "260": "GENERIC_DECLINE",  # declined with further instructions available (see response text)
    "261": {"reason": "REVOKED", "decline_type": "HARD"},  # stop all recurring payments
    "262": {"reason": "REVOKED", "decline_type": "HARD"},  # stop this recurring program
    "263": "INVALID_CARD_DATA",  # update cardholder data available
    "264": {"reason": "GENERIC_DECLINE", "decline_type": "SOFT"},  # retry in a few days
    "300": "INVALID_REQUEST",  # transaction was rejected by gateway (response 3: error in the data)
    "400": {"reason": "PROCESSING_ERROR", "source": _TECHNICAL},  # transaction error returned by processor
    "410": "CONFIGURATION_ERROR",  # invalid merchant configuration
    "411": "CONFIGURATION_ERROR",  # merchant account is inactive
    "420": {"reason": "PROCESSING_ERROR", "source": _TECHNICAL},  # communication error
    "421": "ISSUER_UNAVAILABLE",  # communication error with issuer
    "430": "DUPLICATE",  # duplicate transaction at processor
    "440": "INVALID_REQUEST",  # processor format error
    "441": "INVALID_REQUEST",  # invalid transaction information
    "460": {"reason": "TRANSACTION_NOT_PERMITTED", "source": _MERCHANT_CONFIG},  # processor feature not available
    "461": {"reason": "TRANSACTION_NOT_PERMITTED", "source": _MERCHANT_CONFIG},  # unsupported card type
}

RESPONSES = {"1": "APPROVED", "2": "DECLINED", "3": "ERROR"}

# Query API transaction condition.
CONDITIONS = {
    "pending": "APPROVED",  # an auth awaiting capture
    "pendingsettlement": "APPROVED",
    "complete": "APPROVED",  # settled
    "in_progress": "PENDING",
    "abandoned": "CANCELLED",
    "failed": "DECLINED",
    "canceled": "CANCELLED",  # voided
    "cancelled": "CANCELLED",
    "unknown": "UNKNOWN",
}

PAYMENT_METHODS = {"cc": "CARD", "ck": "DIRECT_DEBIT", "creditcard": "CARD", "check": "DIRECT_DEBIT"}

# What a transaction type is in the lifecycle, for the three document kinds (a path and its expected values).
_REFUND_TYPES = ["refund", "credit"]
_VOID_TYPES = ["void"]
_CAPTURE_TYPES = ["capture"]


def _kind_rules(type_path: str, ok_path: str, ok_values: list[str], failed_values: list[str]) -> list[dict]:
    """Event kind and lifecycle status of a refund, void or capture, from its type and success field."""
    return [
        {"when": {type_path: _CAPTURE_TYPES}, "set": {"event_kind": "CAPTURE"}},
        {"when": {type_path: _REFUND_TYPES}, "set": {"event_kind": "REFUND"}},
        {"when": {type_path: _REFUND_TYPES, ok_path: ok_values}, "set": {"status_category": "REFUNDED"}},
        {"when": {type_path: _REFUND_TYPES, ok_path: failed_values}, "set": {"status_category": "DECLINED"}},
        {"when": {type_path: _VOID_TYPES}, "set": {"event_kind": "VOID"}},
        {"when": {type_path: _VOID_TYPES, ok_path: ok_values}, "set": {"status_category": "CANCELLED"}},
        {"when": {type_path: _VOID_TYPES, ok_path: failed_values}, "set": {"status_category": "ERROR"}},
    ]


_DIRECT_POST_RULES = [
    *_kind_rules("type", "response", ["1"], ["2", "3"]),
    # response 3 is "Error in transaction data or system error" (Direct Post API, Transaction Response
    # Variables): a refund the gateway refused as a request (unknown transaction id, amount above the
    # original) is an ERROR, not a decline.
    {"when": {"type": _REFUND_TYPES, "response": "3"}, "set": {"status_category": "ERROR"}},
    # Rejected by the gateway's own filters on a decline (response 2), not a malformed request.
    {"when": {"response": "2", "response_code": "300"},
     "set": {"failure_reason": "RISK_REJECTED", "failure_source": "PSP_RISK"}},
    # The gateway's duplicate check ("Duplicate transaction REFID:...") and bad credentials.
    {"when": {"responsetext": {"prefix": "Duplicate transaction"}}, "set": {"failure_reason": "DUPLICATE"}},
    {"when": {"responsetext": {"prefix": ["Authentication Failed", "Invalid Username", "Invalid Security Key"]}},
     "set": {"failure_reason": "CONFIGURATION_ERROR"}},
    {"when": {"responsetext": {"prefix": "Invalid Credit Card Number"}}, "set": {"failure_reason": "INVALID_CARD_DATA"}},
    {"when": {"payment": "check"}, "set": {"payment_method": "DIRECT_DEBIT"}},
]

_WEBHOOK_FIELDS = {
    "provider_transaction_id": ["transaction_id"],
    "status": ["^event_type"],
    "reason_code": ["action.response_code"],
    "amount": ["action.amount", "requested_amount"],
    "currency": ["currency"],
    "event_time": ["action.date"],
    "payment_method": ["transaction_type"],
    "card_brand": ["card.cc_type"],
    "payment_id": ["order_id"],
    "customer_country": ["billing_address.country"],
    "merchant_id": ["merchant.id"],
    "merchant_name": ["merchant.name"],
}

# Webhook event types that are not about one payment.
_NOT_PAYMENT_EVENTS = ["settlement.", "recurring.", "chargeback.batch", "acu.", "customer.", "invoice."]

SPEC = {
    "provider": "nmi",
    "aliases": ["nmi", "networkmerchants", "network_merchants", "network merchants", "network merchants inc",
                "nmi_gateway", "nmigateway", "nmi_payments", "nmi_direct_post", "merchant_one", "merchantone",
                "durango", "durango_merchant_services", "transnational", "inspire", "inspire_commerce"],
    "detect": [
        # Direct Post / Payment API response (key=value).
        {"path": "response", "in": list(RESPONSES), "weight": 0.2},
        {"path": "responsetext", "exists": True, "weight": 0.3},
        {"path": "transactionid", "exists": True, "weight": 0.2},
        {"path": "avsresponse", "exists": True, "weight": 0.1},
        {"path": "cvvresponse", "exists": True, "weight": 0.1},
        {"path": "response_code", "in": ["100", *RESPONSE_CODES], "weight": 0.1},
        # Query API.
        {"path": "nm_response.transaction", "exists": True, "weight": 0.9},
        {"path": "nm_response.error_response", "exists": True, "weight": 0.9},
        # Webhooks.
        {"path": "event_type", "prefix": ["transaction.", "settlement.batch", "recurring.", "chargeback.batch",
                                          "acu.summary"], "weight": 0.4},
        {"path": "event_body", "exists": True, "weight": 0.3},
        {"path": "event_body.transaction_id", "exists": True, "weight": 0.3},
    ],
    "amount_unit": "major",
    "default_payment_method": "CARD",
    "reason_map": RESPONSE_CODES,
    "payment_method_map": PAYMENT_METHODS,
    "variants": [
        {
            "name": "webhook.not_a_payment",
            "match": {"event_type": {"prefix": _NOT_PAYMENT_EVENTS}},
            "not_a_payment": "a settlement batch, recurring plan/subscription or report event is not a payment",
        },
        {
            # eCheck status updates: settled, or returned by the bank (NSF, closed account): a returned item.
            "name": "webhook.check_status",
            "match": {"event_type": {"prefix": "transaction.check.status."}},
            "root": "event_body",
            "fields": {
                "provider_transaction_id": ["transaction_id"],
                "status": ["^event_type"],
                "reason_code": ["action.response_code"],
                "amount": ["action.amount", "requested_amount"],
                "currency": ["currency"],
                "event_time": ["action.date"],
                "payment_id": ["order_id"],
                "attempt_id": ["transaction_id"],
                "customer_country": ["billing_address.country"],
            },
            "default_payment_method": "DIRECT_DEBIT",
            "payment_method_map": {},
            "status_map": {"transaction.check.status.settle": "APPROVED",
                           "transaction.check.status.return": "CHARGEBACK",
                           "transaction.check.status.latereturn": "CHARGEBACK"},
            "rules": [{"when": {"^event_type": "transaction.check.status.settle"}, "set": {"event_kind": "CAPTURE"}}],
        },
        {
            # A refund or credit is a transaction of its own: its id is the refund's, not an attempt's.
            "name": "webhook.refund",
            "match": {"event_type": {"prefix": ["transaction.refund.", "transaction.credit."]},
                      "event_body": {"exists": True}},
            "root": "event_body",
            "event_kind": "REFUND",
            "fields": _WEBHOOK_FIELDS,
            "status_map": {"transaction.refund.success": "REFUNDED", "transaction.credit.success": "REFUNDED",
                           "transaction.refund.failure": "DECLINED", "transaction.credit.failure": "DECLINED",
                           "transaction.refund.unknown": "PENDING", "transaction.credit.unknown": "PENDING"},
        },
        {
            "name": "webhook.transaction",
            "match": {"event_type": {"prefix": "transaction."}, "event_body": {"exists": True}},
            "root": "event_body",
            # A capture or void acts on the authorization's own transaction id.
            "fields": {**_WEBHOOK_FIELDS, "attempt_id": ["transaction_id"]},
            "status_map": {
                **{f"transaction.{kind}.success": "APPROVED" for kind in ("sale", "auth", "capture", "validate")},
                **{f"transaction.{kind}.failure": "DECLINED" for kind in ("sale", "auth", "capture", "validate")},
                **{f"transaction.{kind}.unknown": "UNKNOWN" for kind in ("sale", "auth", "capture", "validate")},
                "transaction.refund.success": "REFUNDED", "transaction.credit.success": "REFUNDED",
                "transaction.refund.failure": "DECLINED", "transaction.credit.failure": "DECLINED",
                "transaction.refund.unknown": "PENDING", "transaction.credit.unknown": "PENDING",
                "transaction.void.success": "CANCELLED", "transaction.void.failure": "ERROR",
                "transaction.void.unknown": "UNKNOWN",
            },
            "rules": [
                {"when": {"^event_type": {"prefix": "transaction.capture."}}, "set": {"event_kind": "CAPTURE"}},
                {"when": {"^event_type": {"prefix": ["transaction.refund.", "transaction.credit."]}},
                 "set": {"event_kind": "REFUND"}},
                {"when": {"^event_type": {"prefix": "transaction.void."}}, "set": {"event_kind": "VOID"}},
            ],
        },
        {
            # The Query API refused the query (bad credentials, bad parameters): no transaction.
            "name": "query.error",
            "match": {"nm_response.error_response": {"exists": True}},
            "status": "ERROR",
            "fields": {"reason_code": ["nm_response.error_response"]},
            # Later rules win: the credential errors override the general "Invalid ..." one.
            "rules": [{"when": {"nm_response.error_response": {"prefix": "Invalid"}},
                       "set": {"failure_reason": "INVALID_REQUEST"}},
                      {"when": {"nm_response.error_response": {"prefix": ["Invalid Username", "Authentication"]}},
                       "set": {"failure_reason": "CONFIGURATION_ERROR"}}],
        },
        {
            # One transaction of a Query API report; its first action is what the transaction was.
            "name": "query.transaction",
            "match": {"nm_response.transaction": {"exists": True}},
            "root": "nm_response.transaction",
            "fields": {
                "provider_transaction_id": ["transaction_id"],
                "status": ["condition"],
                "reason_code": ["action.response_code"],
                "amount": ["action.amount"],
                "currency": ["currency"],
                "event_time": ["action.date"],
                "payment_method": ["transaction_type"],
                "card_brand": ["cc_type"],
                "payment_id": ["order_id"],
                "customer_country": ["country"],
            },
            "status_map": CONDITIONS,
            "rules": [
                *_kind_rules("action.action_type", "condition",
                             ["pending", "pendingsettlement", "complete"], ["failed"]),
                {"when": {"condition": "canceled", "action.action_type": ["sale", "auth"]},
                 "set": {"event_kind": "VOID"}},
            ],
        },
        {
            "name": "direct_post",
            "match": {"response": {"exists": True}},
            "fields": {
                "provider_transaction_id": ["transactionid"],
                "status": ["response"],
                "reason_code": ["response_code"],
                # Present only when the row stores the request beside the response.
                "amount": ["amount"],
                "currency": ["currency"],
                "payment_id": ["orderid"],
                "card_brand": ["cc_type", "card_type"],
                "customer_country": ["country"],
            },
            "status_map": RESPONSES,
            "rules": _DIRECT_POST_RULES,
        },
    ],
}
