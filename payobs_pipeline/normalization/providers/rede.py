"""Rede (e.Rede, Itaú): transaction, capture, refund (cancellation) and query responses of the e.Rede REST API.

Sources:
- https://developer.userede.com.br/e-rede (e.Rede REST API: POST /v1/transactions response reference, tid, nsu,
  authorizationCode, dateTime, amount in centavos, cardBin, last4, brand {name, returnCode, returnMessage,
  authorizationCode}, returnCode, returnMessage; PUT /v1/transactions/{tid} capture; POST
  /v1/transactions/{tid}/refunds {refundId, refundDateTime, tid, nsu, returnCode, returnMessage}; GET
  /v1/transactions/{tid} {authorization {status Approved/Denied/Canceled/Pending, kind, amount, currency, ...},
  capture {...}, refunds [...]})
- https://ajuda.zoop.com.br/hc/pt-br/articles/4407602751131-Captura-online-erros-transacionais (the e.Rede
  authorization return table: 00 Success; 101 problems on the card, 102 check the store with the issuer, 103/104/107
  try again, 105 restricted card, 106 issuer processing error, 108 amount not allowed for this card, 109 nonexistent
  card, 110 transaction type not allowed, 111 insufficient funds, 112 expiry date expired, 113 moderate risk by
  issuer, 114 card not of the payment network, 115 exceeded transactions in the period, 116 contact the issuer,
  117 transaction not found, 118 card locked, 119 invalid security code, 120 zero dollar approved, 121 processing
  error, 122 transaction previously sent, 123 bearer ended the recurrences, 124 contact Rede, 170 zero dollar not
  allowed, 172 already captured, 174 zero dollar success, 175 zero dollar denied; integration returns 1-99 such as
  "expirationYear: Invalid parameter size")
- https://docs.cielo.com.br/ecommerce-cielo/page/abecs (ABECS codes: the issuer's code e.Rede passes in
  brand.returnCode; see _abecs.py)
- e.Rede refund returns (developer.userede.com.br/e-rede#documentacao-cancelamento): 359 refund successful,
  360 refund request has been successful (processing), 353 transaction not found, 354 transaction expired for
  refund, 355 transaction already canceled, 357 sum of refunds greater than the amount, 365 partial refund not
  available, 368 unsuccessful, try again, 370 refund denied, 899 unsuccessful, contact Rede
Verification: developer.userede.com.br was not readable from the search index used for this spec; the
authorization return table is the one quoted by Zoop (above), the response shapes and the refund returns
(353-370, 899) are from the e.Rede reference as known to the author.
Amounts are integers in centavos; currency BRL.
- Komerci WebService (Rede's older card API, "Manual de Captura e Gerenciamento WebService Komerci" /
  "Capture and Management Manual - WebService Komerci", section 5.2 "Return of the getauthorized operation",
  readkong.com/page/capture-and-management-webservice-komerci-2536043): the GetAuthorized reply is
  <AUTHORIZATION> with CODRET (0: the transaction was approved; any other value: not approved), MSGRET (its
  message), NUMPEDIDO (the merchant's order number), DATA, NUMAUTOR (the authorization number), NUMCV (the sale
  receipt number), NUMAUTENT, NUMSQN, ORIGEM_BIN. Komerci is Redecard's Brazilian card capture: reais (BRL).
  The manual's Appendix D/E code tables were not readable from the search index: a non-zero CODRET is read as
  a refusal with no specific reason (GENERIC_DECLINE), MSGRET kept as the raw text.

Lifecycle identity: the ``tid`` is the attempt (captures and refunds name it); the merchant's ``reference`` is the
payment; a refund's ``refundId`` is the refund.
"""

from typing import Any

from payobs_pipeline.normalization.providers._abecs import _ALPHA, _NUMERIC, _spellings

# Komerci GetAuthorized: CODRET 0 approved, any other value not approved (see the module docstring).
KOMERCI_RESULT_KEY = "payobs_komerci_result"

# e.Rede authorization returnCode -> outcome.
_DECLINES = {
    "101": "GENERIC_DECLINE",  # Unauthorized. Problems on the card, contact the issuer.
    "102": "CONFIGURATION_ERROR",  # Unauthorized. Check the situation of the store with the issuer.
    "103": "GENERIC_DECLINE",  # Unauthorized. Please try again.
    "104": "GENERIC_DECLINE",  # Unauthorized. Please try again.
    "105": "RESTRICTED_CARD",  # Unauthorized. Restricted card.
    "106": "ISSUER_UNAVAILABLE",  # Error in issuer processing. Please try again.
    "107": "GENERIC_DECLINE",  # Unauthorized. Please try again.
    "108": "TRANSACTION_NOT_PERMITTED",  # Unauthorized. Value not allowed for this type of card.
    "109": "INVALID_CARD_DATA",  # Unauthorized. Nonexistent card.
    "110": "TRANSACTION_NOT_PERMITTED",  # Unauthorized. Transaction type not allowed for this card.
    "111": "INSUFFICIENT_FUNDS",  # Unauthorized. Insufficient funds.
    "112": "EXPIRED_CARD",  # Unauthorized. Expiry date expired.
    "113": "SUSPECTED_FRAUD",  # Unauthorized. Identified moderate risk by the issuer.
    "114": "INVALID_CARD_DATA",  # Unauthorized. The card does not belong to the payment network.
    "115": "LIMIT_EXCEEDED",  # Unauthorized. Exceeded the limit of transactions allowed in the period.
    "116": "GENERIC_DECLINE",  # Unauthorized. Please contact the Card Issuer.
    "118": "RESTRICTED_CARD",  # Unauthorized. Card locked.
    "119": "INCORRECT_CVC",  # Unauthorized. Invalid security code.
    "123": "REVOKED",  # Unauthorized. Bearer requested the end of the recurrences in the issuer.
    "124": "CONFIGURATION_ERROR",  # Unauthorized. Contact Rede.
    "170": "TRANSACTION_NOT_PERMITTED",  # Zero dollar transaction not allowed for this card.
    "175": "GENERIC_DECLINE",  # Zero dollar transaction denied.
    "370": "GENERIC_DECLINE",  # Refund denied.
}
_ERRORS = {
    "117": "INVALID_REQUEST",  # Transaction not found.
    "121": "PROCESSING_ERROR",  # Error processing. Please try again.
    "122": "DUPLICATE",  # Transaction previously sent.
    "172": "DUPLICATE",  # transaction already captured.
    "353": "INVALID_REQUEST",  # Transaction not found (refund)
    "354": "INVALID_REQUEST",  # Transaction with expired refund period
    "355": "DUPLICATE",  # Transaction already canceled
    "357": "INVALID_REQUEST",  # Sum of refunds greater than the transaction amount
    "365": "TRANSACTION_NOT_PERMITTED",  # Partial refund not available
    "368": "PROCESSING_ERROR",  # Unsuccessful. Please try again
    "899": "PROCESSING_ERROR",  # Unsuccessful. Please contact Rede
}
# Integration returns 1-99: the request was malformed (a parameter's size, format or absence).
INTEGRATION_CODES = [str(n) for n in range(1, 100)]

STATUSES = {
    "00": "APPROVED",  # Success
    "0": "APPROVED",
    "120": "APPROVED",  # Zero dollar transaction approved successfully
    "174": "APPROVED",  # Zero dollar transaction success
    "359": "REFUNDED",  # Refund successful
    "360": "PENDING",  # Refund request has been successful (processing)
    **dict.fromkeys(_DECLINES, "DECLINED"),
    **dict.fromkeys(_ERRORS, "ERROR"),
    **dict.fromkeys(INTEGRATION_CODES, "ERROR"),
    # GET /v1/transactions/{tid}: authorization.status.
    "Approved": "APPROVED",
    "Denied": "DECLINED",
    "Canceled": "CANCELLED",
    "Cancelled": "CANCELLED",
    "Pending": "PENDING",
}
# Issuer (ABECS) codes in brand.returnCode first, then e.Rede's own table. e.Rede's three-digit codes win over
# ABECS spellings such as "005"; the integration codes never reach this table (a rule names them).
REASONS = {**_spellings(_NUMERIC), **_ALPHA, **_DECLINES, **_ERRORS}

_CARD_FIELDS = {
    "provider_transaction_id": ["tid"],
    "status": ["returnCode"],
    "reason_code": ["brand.returnCode", "returnCode"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["dateTime"],
    "card_brand": ["brand.name"],
    "attempt_id": ["tid"],
    "payment_id": ["reference"],
}
_RULES = [
    # An integration return (no issuer involved): the request was invalid.
    {"when": {"returnCode": INTEGRATION_CODES, "brand.returnCode": {"exists": False}},
     "set": {"failure_reason": "INVALID_REQUEST"}},
    # e.Rede's return message names the refusal itself: "Unauthorized. Invalid security code." is the text of the
    # CVC refusal (119 in the table above); when it comes with another code the message is the more specific.
    {"when": {"returnMessage": ["Unauthorized. Invalid security code.", "Unauthorized. Invalid security code"]},
     "set": {"failure_reason": "INCORRECT_CVC"}},
    # A Pix QR code (kind Pix) is issued with returnCode 00 "Success." and status Pending until the shopper pays
    # (e.Rede Pix: the QR code query answers status Pending until paid): the code says the request succeeded,
    # the status that no payment has happened yet.
    {"when": {"kind": ["Pix", "PIX", "pix"], "status": ["Pending", "PENDING", "pending"]},
     "set": {"status_category": "PENDING"}},
]

SPEC = {
    "provider": "rede",
    "aliases": ["rede", "erede", "e.rede", "e-rede", "userede", "rede itau", "redecard", "rede_ecommerce"],
    "detect": [
        {"path": "returnCode", "exists": True, "weight": 0.3},
        {"path": "returnMessage", "exists": True, "weight": 0.2},
        {"path": "tid", "exists": True, "weight": 0.2},
        {"path": "nsu", "exists": True, "weight": 0.1},
        {"path": "brand.returnCode", "exists": True, "weight": 0.2},
        {"path": "refundId", "exists": True, "weight": 0.2},
        {"path": "refundDateTime", "exists": True, "weight": 0.2},
        {"path": "authorization.tid", "exists": True, "weight": 0.3},
        {"path": "authorization.returnCode", "exists": True, "weight": 0.3},
        # Komerci WebService GetAuthorized reply.
        {"path": "AUTHORIZATION.CODRET", "exists": True, "weight": 0.5},
        {"path": "AUTHORIZATION.MSGRET", "exists": True, "weight": 0.3},
    ],
    "amount_unit": "minor",
    "default_currency": "BRL",
    "status_map": STATUSES,
    "reason_map": REASONS,
    "reason_fallback": "iso8583",
    "payment_method_map": {"Credit": "CARD", "Debit": "CARD", "Pix": "PIX"},
    "default_payment_method": "CARD",
    "variants": [
        {
            # Komerci WebService GetAuthorized reply (see the module docstring and prepare()).
            "name": "komerci.authorization",
            "match": {"AUTHORIZATION.CODRET": {"exists": True}},
            "root": "AUTHORIZATION",
            "fields": {
                "provider_transaction_id": ["NUMCV", "NUMAUTOR"],
                "status": [KOMERCI_RESULT_KEY],
                "reason_code": ["CODRET"],
                "attempt_id": ["NUMCV"],
                "payment_id": ["NUMPEDIDO"],
            },
            "status_map": {"approved": "APPROVED", "refused": "DECLINED"},
            "reason_fallback": None,
            "rules": [{"when": {KOMERCI_RESULT_KEY: "refused"}, "set": {"failure_reason": "GENERIC_DECLINE"}}],
        },
        {
            "name": "refund",
            "match": {"refundId": {"exists": True}},
            "event_kind": "REFUND",
            "fields": {
                "provider_transaction_id": ["refundId"],
                "status": ["returnCode", "status"],
                "reason_code": ["returnCode"],
                "amount": ["amount"],
                "event_time": ["refundDateTime"],
                "attempt_id": ["tid"],
                "refund_id": ["refundId"],
            },
            "status_map": {"Done": "REFUNDED", "Processing": "PENDING", "Denied": "DECLINED"},
        },
        {
            # GET /v1/transactions/{tid}.
            "name": "query",
            "match": {"authorization": {"exists": True}},
            "root": "authorization",
            "fields": {
                **_CARD_FIELDS,
                "status": ["status", "returnCode"],
                "payment_method": ["kind"],
                "event_time": ["dateTime", "^requestDateTime"],
            },
            "rules": [{"when": {"status": ["Canceled", "Cancelled"]}, "set": {"event_kind": "VOID"}}],
        },
        {
            # An integration return: the request was refused before any authorization (no tid, no amount).
            "name": "integration_error",
            "match": {"returnCode": INTEGRATION_CODES, "tid": {"exists": False}},
            "status": "ERROR",
            "default_currency": None,
            "fields": {"reason_code": ["returnCode"]},
            "reason_map": dict.fromkeys(INTEGRATION_CODES, "INVALID_REQUEST"),
            "reason_fallback": None,
        },
        {
            "name": "transaction",
            "match": {"returnCode": {"exists": True}},
            "fields": {**_CARD_FIELDS, "payment_method": ["kind"]},
            "rules": _RULES,
        },
    ],
}


def prepare(body: Any) -> Any:
    """A Komerci <AUTHORIZATION> reply gets KOMERCI_RESULT_KEY: approved (CODRET 0) or refused (any other)."""
    if not isinstance(body, dict):
        return body
    node = body.get("AUTHORIZATION")
    if not isinstance(node, dict) or "CODRET" not in node:
        return body
    code = str(node.get("CODRET") or "").strip()
    if not code:
        return body
    result = "approved" if code.lstrip("0") == "" else "refused"
    return {**body, "AUTHORIZATION": {**node, KOMERCI_RESULT_KEY: result}}
