"""Remita (SystemSpecs, Nigeria): the RRR status answer of the Invoice Generation / Payment Gateway API
(GET .../<merchantId>/<RRR>/<hash>/status.reg and orderstatus.reg) and the answer to the RRR generation.

Sources (no Remita page is stored; everything here rests on integrations' code quoting Remita's tables):
- Remita's "Response Codes - Check Status" table as curated in an integration SDK (a paykit-sdk Remita provider,
  src/.../utils: "Status code '00' and '01' denote successful transactions" quoted from Remita's docs; failures
  02 TRANSACTION_FAILED, 012 ABORTED user aborted transaction, 013 INVALID_HASH_VALUE, 022 INVALID_REQUEST /
  INVALID_RRR, 023 INVALID_SERVICE_MERCHANT / INVALID_MERCHANT_ORDERID, 024 MERCHANT_STATUS_ERROR (inactive
  merchant), 026 UNKNOWN_ORDER, 029 INVALID_BANKCODE, 030 NO_FUND insufficient funds, 031 NO_ACCOUNT no funding
  account, 033 INVALID_AUTHTOKEN, 059 REJECTED; the status answer {amount, RRR, orderId, message,
  transactiontime, status, paymentDate?}; "Remita's Invoice Generation API is Naira-only").
- A Remita integration's status page (a CodeIgniter bursary app, views .../remita payment): the texts of the
  codes: 00/01 Transaction Successful, 02 Transaction Failed, 012 User Aborted Transaction, 020 Invalid User
  Authentication, 021 Transaction still pending, 022 Invalid Request, 023 Service Type or Merchant Does not
  Exist, 025 Payment Reference Generated ("Transaction in progress"), 029 Invalid Bank Code, 030 Insufficient
  Balance, 031 No Funding Account.
- wallacemyem/remita_api_calls check_trnx_rrr.php: "status code '00' and '01' denote successful transactions",
  with the link to Remita's response code list (api.remita.net); remita_flutter_sdk statusObject.dart: the status
  fields (amount, RRR, orderId, message, transactiontime, remitaTransRef, status, statusCode).
- The RRR generation answer {statuscode "025", RRR, status "Payment Reference generated"}: integrations' typings
  (RemitaInitResponse {statuscode, status, message, RRR}), not a stored Remita page.

Read as: 00, 01 -> APPROVED; 021, 025 -> PENDING; 012 -> CANCELLED (the payer aborted); 02, 030, 031, 059 ->
DECLINED; 013, 020, 022, 023, 024, 026, 029, 033 -> ERROR (the request or the merchant's set-up). Amounts are
naira (major units); the currency is NGN, the API's only one.
"""

from __future__ import annotations

STATUSES = {
    "00": "APPROVED",    # Transaction Completed Successfully
    "01": "APPROVED",    # Transaction Approved
    "021": "PENDING",    # Transaction Pending
    "025": "PENDING",    # Payment Reference (RRR) generated, not yet paid
    "012": "CANCELLED",  # User Aborted Transaction
    "02": "DECLINED",    # Transaction Failed
    "030": "DECLINED",   # Insufficient Balance
    "031": "DECLINED",   # No Funding Account
    "059": "DECLINED",   # Rejected
    "013": "ERROR",      # Invalid Hash Value
    "020": "ERROR",      # Invalid User Authentication
    "022": "ERROR",      # Invalid Request / Invalid RRR
    "023": "ERROR",      # Service Type or Merchant Does not Exist
    "024": "ERROR",      # Merchant status error (inactive merchant)
    "026": "ERROR",      # Unknown order
    "029": "ERROR",      # Invalid Bank Code
    "033": "ERROR",      # Invalid Auth Token
}
REASONS = {
    "02": "UNKNOWN",
    "030": "INSUFFICIENT_FUNDS",
    "031": "INVALID_CARD_DATA",
    "059": "GENERIC_DECLINE",
    "013": "CONFIGURATION_ERROR",
    "020": "CONFIGURATION_ERROR",
    "022": "INVALID_REQUEST",
    "023": "CONFIGURATION_ERROR",
    "024": "CONFIGURATION_ERROR",
    "026": "INVALID_REQUEST",
    "029": "INVALID_REQUEST",
    "033": "CONFIGURATION_ERROR",
}

SPEC = {
    "provider": "remita",
    "aliases": ["remita", "remita.net", "systemspecs remita", "remita payment gateway", "login.remita.net"],
    "detect": [
        {"path": "RRR", "exists": True, "weight": 0.4},
        {"path": "transactiontime", "exists": True, "weight": 0.2},
        {"path": "remitaTransRef", "exists": True, "weight": 0.2},
        {"path": "orderId", "exists": True, "weight": 0.05},
        {"path": "status", "in": list(STATUSES), "weight": 0.1},
        {"path": "statuscode", "in": list(STATUSES), "weight": 0.1},
    ],
    "amount_unit": "major",
    "default_currency": "NGN",
    "status_map": STATUSES,
    "reason_map": REASONS,
    "fields": {
        "provider_transaction_id": ["RRR"],
        "status": ["status"],
        "reason_code": ["status"],
        "amount": ["amount"],
        "event_time": ["transactiontime", "paymentDate"],
        "attempt_id": ["RRR"],
        "payment_id": ["orderId"],
    },
    "variants": [
        {
            "name": "rrr_generated",
            "match": {"statuscode": {"exists": True}, "RRR": {"exists": True}},
            "fields": {"status": ["statuscode"], "reason_code": ["statuscode"]},
        },
        {
            "name": "status",
            "match": {"status": {"exists": True}},
        },
    ],
}
