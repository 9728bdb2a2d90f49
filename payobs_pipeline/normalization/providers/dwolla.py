"""Dwolla (ACH): transfers, their failure resource (ACH return codes), webhook events and the API error body.

Sources:
- "Transfer Failures" (developers.dwolla.com/concepts/transfer-failures; developers.dwolla.com/docs/balance/
  transfer-failures): a bank transfer that cannot complete has status failed and a "failure" link; the failure
  resource carries the ACH return code and description ({_links {self (resource-type failure),
  failed-funding-source, customer}, code, description, explanation}); R01 insufficient funds, R03 no account /
  unable to locate account, R10 customer advises not authorized; the events transfer_failed,
  customer_transfer_failed, customer_bank_transfer_failed, and the customer / funding source events it triggers
  (customer_deactivated, customer_funding_source_unverified, customer_funding_source_removed,
  funding_source_removed). "Suspended account status" (help.dwolla.com/en/articles/2066383) describes R08, R10,
  R16, R20, R29.
- The ACH return codes: NACHA's return reason codes; R01-R28 with the names Forte publishes (support.forte.net
  "What are response codes?"), R29-R85 by their NACHA Operating Rules names as recalled (Dwolla's own full
  table was not retrievable).
- Transfer statuses pending, processed, failed, cancelled, the transfer {id, status, amount {value, currency},
  created, correlationId, individualAchId, _links}, amounts as decimal strings ("225.00"), and the webhook event
  {id, resourceId, topic, timestamp, created, _links {resource, account, customer}} with the transfer topics
  (transfer_*, bank_transfer_*, customer_transfer_*, customer_bank_transfer_* created / completed / failed /
  cancelled / creation_failed) rest on recollection of the Dwolla API reference, checked against the topic
  names the Transfer Failures page uses. mass_payment_* (payouts) and customer / funding source / account
  events are no payment.
- "Errors" (developers.dwolla.com/docs/balance/api-reference/api-fundamentals/errors): {code, message,
  _embedded {errors [{code, message, path}]}}; top-level codes BadRequest and ValidationError (400),
  InvalidCredentials, InvalidAccessToken, ExpiredAccessToken (401); embedded codes Required, Invalid,
  InvalidFormat, Duplicate, ReadOnly, NotAllowed, Restricted, InsufficientFunds, RequiresFundingSource,
  FileTooLarge. discuss.dwolla.com "Create funding source error types": MaxNumberOfResources,
  DuplicateResource (400), InvalidResourceState (403). Forbidden, NotFound, ServerError and
  TooManyRequests (the rest of the table's rows, truncated in the stored page) rest on recollection.

A webhook carries the outcome in its topic but no amount. Lifecycle identity: a transfer's id (a webhook's
resourceId) is the attempt; correlationId, the merchant's reference, the payment.
"""

from __future__ import annotations

TRANSFER_STATUSES = {"pending": "PENDING", "processed": "APPROVED", "failed": "DECLINED", "cancelled": "CANCELLED"}

_TRANSFER_TOPIC_OUTCOMES = {"created": "PENDING", "completed": "APPROVED", "failed": "DECLINED",
                            "creation_failed": "DECLINED", "cancelled": "CANCELLED"}
TRANSFER_TOPICS = {
    f"{prefix}_{outcome}": status
    for prefix in ("transfer", "bank_transfer", "customer_transfer", "customer_bank_transfer")
    for outcome, status in _TRANSFER_TOPIC_OUTCOMES.items()
}

ACH_RETURN_CODES = {
    "R01": "INSUFFICIENT_FUNDS",         # insufficient funds
    "R02": "INVALID_CARD_DATA",          # account closed
    "R03": "INVALID_CARD_DATA",          # no account / unable to locate account
    "R04": "INVALID_CARD_DATA",          # invalid account number
    "R05": "REVOKED",                    # unauthorized debit to consumer account using corporate SEC code
    "R06": "GENERIC_DECLINE",            # returned per ODFI's request
    "R07": "REVOKED",                    # authorization revoked by customer
    "R08": "REVOKED",                    # payment stopped
    "R09": "INSUFFICIENT_FUNDS",         # uncollected funds
    "R10": "REVOKED",                    # customer advises not authorized
    "R11": "REVOKED",                    # customer advises entry not in accordance with the authorization
    "R12": "INVALID_CARD_DATA",          # account sold to another DFI
    "R13": "INVALID_CARD_DATA",          # invalid ACH routing number
    "R14": "RESTRICTED_CARD",            # representative payee deceased
    "R15": "RESTRICTED_CARD",            # beneficiary or account holder deceased
    "R16": "RESTRICTED_CARD",            # account frozen / returned per OFAC
    "R17": "INVALID_REQUEST",            # file record edit criteria
    "R18": "INVALID_REQUEST",            # improper effective entry date
    "R19": "INVALID_REQUEST",            # amount field error
    "R20": "TRANSACTION_NOT_PERMITTED",  # non-transaction account
    "R21": "INVALID_REQUEST",            # invalid company identification
    "R22": "INVALID_REQUEST",            # invalid individual ID number
    "R23": "REVOKED",                    # credit entry refused by receiver
    "R24": "DUPLICATE",                  # duplicate entry
    "R25": "INVALID_REQUEST",            # addenda error
    "R26": "INVALID_REQUEST",            # mandatory field error
    "R27": "INVALID_REQUEST",            # trace number error
    "R28": "INVALID_CARD_DATA",          # routing number check digit error
    "R29": "REVOKED",                    # corporate customer advises not authorized
    "R30": "TRANSACTION_NOT_PERMITTED",  # RDFI not participant in check truncation program
    "R31": "GENERIC_DECLINE",            # permissible return entry (CCD, CTX)
    "R32": "PROCESSING_ERROR",           # RDFI non-settlement
    "R33": "GENERIC_DECLINE",            # return of XCK entry
    "R34": "TRANSACTION_NOT_PERMITTED",  # limited participation DFI
    "R35": "TRANSACTION_NOT_PERMITTED",  # return of improper debit entry
    "R36": "TRANSACTION_NOT_PERMITTED",  # return of improper credit entry
    "R37": "DUPLICATE",                  # source document presented for payment
    "R38": "REVOKED",                    # stop payment on source document
    "R39": "INVALID_REQUEST",            # improper source document
    "R40": "INVALID_REQUEST",            # return of ENR entry by federal government agency
    "R41": "INVALID_REQUEST",            # invalid transaction code
    "R42": "INVALID_CARD_DATA",          # routing number / check digit error
    "R43": "INVALID_CARD_DATA",          # invalid DFI account number
    "R44": "INVALID_REQUEST",            # invalid individual ID number / identification
    "R45": "INVALID_REQUEST",            # invalid individual name / company name
    "R46": "INVALID_REQUEST",            # invalid representative payee indicator
    "R47": "DUPLICATE",                  # duplicate enrollment
    "R50": "TRANSACTION_NOT_PERMITTED",  # state law affecting RCK acceptance
    "R51": "TRANSACTION_NOT_PERMITTED",  # item related to RCK entry is ineligible or improper
    "R52": "REVOKED",                    # stop payment on item related to RCK entry
    "R53": "DUPLICATE",                  # item and RCK entry presented for payment
    **{f"R{n}": "PROCESSING_ERROR" for n in range(61, 78)},  # misrouted, untimely, dishonored, contested returns
    "R80": "INVALID_REQUEST",            # IAT entry coding error
    "R81": "TRANSACTION_NOT_PERMITTED",  # non-participant in IAT program
    "R82": "INVALID_CARD_DATA",          # invalid foreign receiving DFI identification
    "R83": "PROCESSING_ERROR",           # foreign receiving DFI unable to settle
    "R84": "PROCESSING_ERROR",           # entry not processed by gateway
    "R85": "INVALID_REQUEST",            # incorrectly coded outbound international payment
}

ERROR_CODES = {
    "BadRequest": "INVALID_REQUEST",
    "ValidationError": "INVALID_REQUEST",
    "InvalidCredentials": "CONFIGURATION_ERROR",
    "InvalidAccessToken": "CONFIGURATION_ERROR",
    "ExpiredAccessToken": "CONFIGURATION_ERROR",
    "Forbidden": "CONFIGURATION_ERROR",
    "InvalidResourceState": "INVALID_REQUEST",
    "NotFound": "INVALID_REQUEST",
    "MaxNumberOfResources": "INVALID_REQUEST",
    "DuplicateResource": "DUPLICATE",
    "TooManyRequests": "PROCESSING_ERROR",
    "ServerError": "PROCESSING_ERROR",
}
EMBEDDED_ERROR_CODES = {
    "Required": "INVALID_REQUEST",
    "Invalid": "INVALID_REQUEST",
    "InvalidFormat": "INVALID_REQUEST",
    "Duplicate": "DUPLICATE",
    "ReadOnly": "INVALID_REQUEST",
    "NotAllowed": "TRANSACTION_NOT_PERMITTED",
    "Restricted": "RISK_REJECTED",             # account or customer restricted from this activity
    "InsufficientFunds": "INSUFFICIENT_FUNDS",  # on a transfer's source
    "RequiresFundingSource": "CONFIGURATION_ERROR",
    "FileTooLarge": "INVALID_REQUEST",
}

_DWOLLA_HOSTS = ["https://api.dwolla.com/", "https://api-sandbox.dwolla.com/"]

SPEC = {
    "provider": "dwolla",
    "aliases": ["dwolla", "dwolla.com", "dwolla ach", "dwolla inc"],
    "detect": [
        {"path": "_links.self.href", "prefix": _DWOLLA_HOSTS, "weight": 0.4},
        {"path": "_links.resource.href", "prefix": _DWOLLA_HOSTS, "weight": 0.3},
        {"path": "_links.self.type", "in": ["application/vnd.dwolla.v1.hal+json"], "weight": 0.3},
        {"path": "topic", "in": list(TRANSFER_TOPICS), "weight": 0.3},
        {"path": "resourceId", "exists": True, "weight": 0.2},
        {"path": "individualAchId", "exists": True, "weight": 0.2},
        {"path": "code", "in": list(ACH_RETURN_CODES), "weight": 0.2},
        {"path": "code", "in": list(ERROR_CODES), "weight": 0.2},
        {"path": "_embedded.errors.0.path", "exists": True, "weight": 0.2},
        {"path": "_embedded.errors.0.code", "in": list(EMBEDDED_ERROR_CODES), "weight": 0.15},
    ],
    "amount_unit": "major",
    "status_map": TRANSFER_STATUSES,
    "reason_map": ACH_RETURN_CODES,
    "payment_method_map": {},
    "default_payment_method": "DIRECT_DEBIT",
    "fields": {
        "provider_transaction_id": ["id"],
        "status": ["status"],
        "amount": ["amount.value"],
        "currency": ["amount.currency"],
        "event_time": ["created"],
        "attempt_id": ["id"],
        "payment_id": ["correlationId"],
    },
    "variants": [
        {
            "name": "error",
            "match": {"code": list(ERROR_CODES), "message": {"exists": True}},
            "status": "ERROR",
            "reason_map": {**ERROR_CODES, **EMBEDDED_ERROR_CODES},
            "default_payment_method": None,
            "fields": {"provider_transaction_id": [], "reason_code": ["_embedded.errors.0.code", "code"],
                       "amount": [], "attempt_id": [], "payment_id": []},
        },
        {
            "name": "transfer.failure",
            "match": {"_links.self.resource-type": "failure", "code": {"exists": True}},
            "status": "DECLINED",
            "fields": {"provider_transaction_id": [], "reason_code": ["code"],
                       "amount": [], "attempt_id": [], "payment_id": []},
        },
        {
            "name": "webhook.transfer",
            "match": {"topic": list(TRANSFER_TOPICS), "resourceId": {"exists": True}},
            "status_map": TRANSFER_TOPICS,
            "fields": {"provider_transaction_id": ["resourceId"], "status": ["topic"], "amount": [],
                       "event_time": ["timestamp", "created"], "attempt_id": ["resourceId"],
                       "payment_id": []},
        },
        {
            "name": "webhook.not_a_payment",
            "match": {"topic": {"exists": True}, "resourceId": {"exists": True}},
            "not_a_payment": "a Dwolla customer, funding source, account or mass payment (payout) event",
        },
        {
            "name": "transfer",
            "match": {"id": {"exists": True}, "status": list(TRANSFER_STATUSES)},
        },
    ],
}
