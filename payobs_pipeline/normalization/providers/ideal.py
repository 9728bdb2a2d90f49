"""iDEAL (the Dutch account-to-account scheme, Currence) v3 merchant–acquirer messages: AcquirerStatusRes,
AcquirerTrxRes, AcquirerErrorRes and DirectoryRes ("iDEAL Advanced" / "iDEAL Professional" integrations that
talk to the acquiring bank directly: ING, Rabobank, ABN AMRO, ...).

Sources:
- The iDEAL Merchant Integration Guide 3.3.1 and its schema (iDEAL Messages version 3.3.1, interface
  Merchant/Acquirer, namespace http://www.idealdesk.com/ideal/messages/mer-acq/3.3.1): AcquirerStatusRes
  {createDateTimestamp, Acquirer.acquirerID, Transaction {transactionID, status, statusDateTimestamp,
  consumerName, consumerIBAN, consumerBIC, amount, currency}}; AcquirerTrxRes {Acquirer, Issuer
  .issuerAuthenticationURL (where the consumer is sent to pay), Transaction {transactionID,
  transactionCreateDateTimestamp, purchaseID}}; DirectoryRes {Directory.Country.Issuer[]} (the list of banks);
  AcquirerErrorRes {Error {errorCode, errorMessage, errorDetail, suggestedAction, consumerMessage}}.
- Transaction status (the guide; pronamic/wp-pronamic-pay-ideal-advanced-v3 src/Status.php): Open (not final
  yet), Success (the consumer paid), Cancelled (the consumer cancelled), Expired (not completed within the
  expiration period), Failure (the transaction failed).
- Error codes (the guide's error code table): two letters name the category — IX invalid XML and related
  problems, SO system maintenance or failure, SE security and authentication errors, BR field errors (business
  rules), AP application errors — followed by four digits.
- Amounts are decimals in the currency's major units (``1.00``), currency EUR.
- iDEAL Basic / Lite (the acquirer's hosted form, ING and Rabobank): the XML notification the acquirer posts to
  the merchant, ``<Notification xmlns="http://www.idealdesk.com/Message" version="1.1.0">`` with
  createDateTimeStamp, transactionID, purchaseID and status (the iDEAL statuses above), as
  pronamic/wp-pronamic-pay classes/Pronamic/Gateways/IDealBasic/Notification.php and
  XML/NotificationParser.php read it (SDK source: no stored Basic integration guide page). It carries no amount
  and no currency; iDEAL is a euro scheme (the guide's amounts are in EUR), so currency EUR. The notification
  names one iDEAL transaction (the attempt): AUTHORIZATION.

iDEAL is an account-to-account bank payment: BANK_TRANSFER. Lifecycle identity: the iDEAL transactionID is the
attempt; the merchant's purchaseID is the payment.
"""

from __future__ import annotations

from typing import Any

KEY = "payobs_ideal"

STATUSES = {"success": "APPROVED", "open": "PENDING", "cancelled": "CANCELLED", "expired": "CANCELLED",
            "failure": "DECLINED"}

# Error code categories (the first two letters of errorCode) -> failure reason.
ERROR_CATEGORIES = {
    "IX": "INVALID_REQUEST",       # invalid XML and related problems
    "SO": "PROCESSING_ERROR",      # system maintenance or failure
    "SE": "CONFIGURATION_ERROR",   # security and authentication (the merchant's certificate or signature)
    "BR": "INVALID_REQUEST",       # field errors (business rules)
    "AP": "INVALID_REQUEST",       # application errors
}

REASONS = {"failure": "UNKNOWN"}


def prepare(body: Any) -> Any:
    """An AcquirerErrorRes with its error category (``payobs_ideal.category``), or the body as it is."""
    response = body.get("AcquirerErrorRes") if isinstance(body, dict) else None
    error = response.get("Error") if isinstance(response, dict) else None
    code = error.get("errorCode") if isinstance(error, dict) else None
    if not isinstance(code, str):
        return body
    return {**body, KEY: {"category": code.strip()[:2].upper()}}


SPEC = {
    "provider": "ideal",
    "aliases": ["ideal", "i-deal", "ideal v3", "ideal advanced", "ideal professional", "ideal_advanced_v3",
                "idealv3", "ideal ing", "ideal rabobank", "ideal abn amro", "ideal basic", "ideal lite"],
    "detect": [
        {"path": "AcquirerStatusRes.Transaction.transactionID", "exists": True, "weight": 0.9},
        {"path": "AcquirerTrxRes.Transaction.transactionID", "exists": True, "weight": 0.9},
        {"path": "AcquirerErrorRes.Error.errorCode", "exists": True, "weight": 0.9},
        {"path": "DirectoryRes.Directory", "exists": True, "weight": 0.9},
        # iDEAL Basic notification: its root names nothing else; transactionID and purchaseID together do.
        {"path": "Notification.transactionID", "exists": True, "weight": 0.3},
        {"path": "Notification.purchaseID", "exists": True, "weight": 0.3},
    ],
    "amount_unit": "major",
    "default_payment_method": "BANK_TRANSFER",
    "status_map": STATUSES,
    "reason_map": REASONS,
    "variants": [
        {
            "name": "directory",
            "match": {"DirectoryRes": {"exists": True}},
            "not_a_payment": "the list of issuing banks",
        },
        {
            "name": "error",
            "match": {"AcquirerErrorRes": {"exists": True}},
            "status": "ERROR",
            "default_payment_method": None,
            "fields": {"reason_code": ["AcquirerErrorRes.Error.errorCode"],
                       "event_time": ["AcquirerErrorRes.createDateTimestamp"]},
            # The category names the reason; raw_reason_code keeps the full errorCode.
            "rules": [{"when": {f"{KEY}.category": category}, "set": {"failure_reason": reason}}
                      for category, reason in ERROR_CATEGORIES.items()],
        },
        {
            "name": "transaction_created",
            "match": {"AcquirerTrxRes": {"exists": True}},
            "root": "AcquirerTrxRes",
            "status": "PENDING",
            "event_kind": "PAYMENT",
            "fields": {
                "provider_transaction_id": ["Transaction.transactionID"],
                "event_time": ["Transaction.transactionCreateDateTimestamp", "createDateTimestamp"],
                "attempt_id": ["Transaction.transactionID"],
                "payment_id": ["Transaction.purchaseID"],
            },
        },
        {
            "name": "basic_notification",
            "match": {"Notification.transactionID": {"exists": True}, "Notification.status": {"exists": True}},
            "root": "Notification",
            "event_kind": "AUTHORIZATION",
            "default_currency": "EUR",
            "fields": {
                "provider_transaction_id": ["transactionID"],
                "status": ["status"],
                "reason_code": ["status"],
                "event_time": ["createDateTimeStamp"],
                "attempt_id": ["transactionID"],
                "payment_id": ["purchaseID"],
            },
        },
        {
            "name": "status",
            "match": {"AcquirerStatusRes": {"exists": True}},
            "root": "AcquirerStatusRes",
            "event_kind": "PAYMENT",
            "fields": {
                "provider_transaction_id": ["Transaction.transactionID"],
                "status": ["Transaction.status"],
                "reason_code": ["Transaction.status"],
                "amount": ["Transaction.amount"],
                "currency": ["Transaction.currency"],
                "event_time": ["Transaction.statusDateTimestamp", "createDateTimestamp"],
                "attempt_id": ["Transaction.transactionID"],
            },
        },
    ],
}
