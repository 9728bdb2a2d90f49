"""Autopay (formerly Blue Media, Poland): the ITN (Instant Transaction Notification) XML the payment system posts
about a transaction, the merchant's ITN confirmation, and the XML error answer of the transaction API.

Sources (none of them a stored Autopay docs page: developers.autopay.pl was not findable in the stored corpora, so
everything rests on Blue Media's PHP SDK source and its test fixtures, which are captured ITN messages):
- Blue Media PHP SDK 2.3.1, piotr-zuralski/blue-media_online-payments-php src/Model/ItnIn.php: the ITN fields
  (serviceID, orderID "payment order id", remoteID "payment remote id", amount as a decimal, currency, gatewayID,
  paymentDate, paymentStatus, paymentStatusDetails, customerData, ...) and the constants
  paymentStatus PENDING, SUCCESS, FAILURE; paymentStatusDetails AUTHORIZED, ACCEPTED, INCORRECT_AMOUNT, EXPIRED,
  CANCELLED, ANOTHER_ERROR; ITN confirmation CONFIRMED / NOTCONFIRMED.
- The same repository's fixtures tests/_fixtures/ItnIn-SuccessStatus.xml (and its base64 form ItnIn-SuccessStatus.txt,
  the value of the POST parameter ``transactions``), ItnIn-PendingStatus.xml, ItnIn-FailedStatus.xml
  (FAILURE / REJECTED, a details value the SDK has no constant for), ItnIn-Full-Card.xml (cardData with issuer,
  gateway 1500), ItnInResponse-CONFIRMED.xml (the merchant's confirmationList), and
  TransactionBackground-error-PAYWAY_NOT_FOUND.xml / TransactionBackground-error-illegal-params.xml (the API's
  ``<error><statusCode>-172</statusCode><name>PAYWAY_NOT_FOUND</name>...`` answer).
- Krystian-Kryszczak/autopay-java-sdk src/main/java/krystian/kryszczak/autopay/sdk/itn/Itn.java: the same ITN fields
  under the Autopay name (paymentDate YYYYMMDDhhmmss; SUCCESS is the paid status).

Not mapped, for want of a citable table: the newer paymentStatusDetails values of the current Autopay docs (from
recollection there are more, e.g. REJECTED_BY_USER for BLIK; not in the SDK, so not mapped: such a FAILURE stays
DECLINED with failure_reason UNKNOWN), the full list of API error statusCodes (only -172 and -999 are cited), the
gatewayID table (only a card gateway is recognized, by its cardData), and refunds (Autopay's refund API answers were
not findable).
"""

from __future__ import annotations

import base64
import binascii
from typing import Any

from payobs_pipeline.normalization.formats import PayloadParseError, parse_content

# ITN paymentStatus (ItnIn::PAYMENT_STATUS_*).
STATUSES = {
    "PENDING": "PENDING",  # transaction started, not paid yet
    "SUCCESS": "APPROVED",  # paid
    "FAILURE": "DECLINED",  # not completed; paymentStatusDetails says why
}

# ITN paymentStatusDetails of a FAILURE (ItnIn::PAYMENT_STATUS_DETAILS_*, and REJECTED from ItnIn-FailedStatus.xml).
# EXPIRED and CANCELLED are not declines: see the rules.
REASONS = {
    "REJECTED": "GENERIC_DECLINE",  # rejected by the bank or the card processor, no more detail
    "INCORRECT_AMOUNT": "INVALID_REQUEST",  # paid an amount other than the transaction's
    "ANOTHER_ERROR": "PROCESSING_ERROR",  # other error
    "EXPIRED": "UNKNOWN",  # the transaction's validity time passed unpaid (CANCELLED)
    "CANCELLED": "UNKNOWN",  # cancelled (CANCELLED)
}

# The API's <error> answer: its name, then its statusCode (fixtures TransactionBackground-error-*.xml).
ERROR_REASONS = {
    "PAYWAY_NOT_FOUND": "INVALID_REQUEST",  # the request's gatewayID is not a payway of the service
    "-172": "INVALID_REQUEST",  # PAYWAY_NOT_FOUND
    "-999": "PROCESSING_ERROR",  # "Nieznany błąd" (unknown error)
}

_TRANSACTION = "transactionList.transactions.transaction"

_ITN_FIELDS = {
    "provider_transaction_id": ["remoteID"],
    "status": ["paymentStatus"],
    "reason_code": ["paymentStatusDetails"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["paymentDate"],
    "card_brand": ["cardData.issuer"],
    "merchant_id": ["^transactionList.serviceID", "serviceID"],
    "attempt_id": ["remoteID"],
    "payment_id": ["orderID"],
}

_RULES = [
    {"when": {"paymentStatus": "FAILURE", "paymentStatusDetails": {"in": ["EXPIRED", "CANCELLED"]}},
     "set": {"status_category": "CANCELLED"}},
    {"when": {"cardData": {"exists": True}}, "set": {"payment_method": "CARD"}},
]


def prepare(body: Any) -> Any:
    """The ITN's XML, when the row keeps the POST parameter ``transactions`` (base64 of the XML)."""
    if not isinstance(body, dict) or "transactionList" in body:
        return body
    encoded = body.get("transactions")
    if not isinstance(encoded, str):
        return body
    try:
        text = base64.b64decode(encoded.strip(), validate=True).decode("utf-8")
        _, decoded = parse_content(text, "xml")
    except (binascii.Error, UnicodeDecodeError, ValueError, PayloadParseError):
        return body
    return decoded if isinstance(decoded, dict) else body


SPEC = {
    "provider": "autopay",
    "aliases": ["autopay", "autopay.pl", "autopay s.a.", "blue media", "bluemedia", "bluemedia.pl", "blue-media",
                "bm", "blue media online payments"],
    "detect": [
        {"path": "transactionList.serviceID", "exists": True, "weight": 0.25},
        {"path": f"{_TRANSACTION}.remoteID", "exists": True, "weight": 0.2},
        {"path": f"{_TRANSACTION}.paymentStatus", "in": list(STATUSES), "weight": 0.2},
        {"path": f"{_TRANSACTION}.gatewayID", "exists": True, "weight": 0.1},
        {"path": "transactionList.hash", "exists": True, "weight": 0.05},
        # The POST parameter: base64 of "<?xml " is "PD94bWwg".
        {"path": "transactions", "prefix": "PD94bWwg", "weight": 0.6},
        {"path": "confirmationList.transactionsConfirmations", "exists": True, "weight": 0.5},
        {"path": "confirmationList.serviceID", "exists": True, "weight": 0.1},
        # The <error> answer: a negative statusCode beside a name and a description.
        {"path": "error.statusCode", "prefix": "-", "weight": 0.3},
        {"path": "error.name", "exists": True, "weight": 0.1},
        {"path": "error.description", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "major",
    "status_map": STATUSES,
    "reason_map": REASONS,
    "fields": _ITN_FIELDS,
    "variants": [
        {
            "name": "itn",
            "root": _TRANSACTION,
            "match": {f"^{_TRANSACTION}.paymentStatus": {"exists": True}},
            "rules": _RULES,
        },
        {
            "name": "itn_confirmation",
            "match": {"confirmationList": {"exists": True}},
            "not_a_payment": "the merchant's answer to an ITN (CONFIRMED / NOTCONFIRMED), no payment outcome",
        },
        {
            "name": "error",
            "match": {"error.statusCode": {"exists": True}},
            "status": "ERROR",
            "fields": {"reason_code": ["error.name", "error.statusCode"]},
            "reason_map": ERROR_REASONS,
        },
    ],
}
