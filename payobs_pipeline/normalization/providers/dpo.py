"""DPO Group (DPO Pay, formerly 3G Direct Pay; Africa): the XML API's createToken and verifyToken answers, the
payment notification posted to the merchant's BackURL, and the customer's redirect back.

Sources (the DPO 3G API documentation, "API 3G v6": directpayonline.atlassian.net/wiki, the verifyToken Result
table and its fraud alert codes; the createToken / verifyToken answer elements and Result tables as integrations
copy them):
- Every answer is ``<API3G>`` with Result (a three-digit code) and ResultExplanation.
- createToken answers TransToken (the token of the payment page) and TransRef; Result 000 "Transaction created",
  801 request missing company token, 802 company token does not exist, 803 no request or error in Request type
  name, 804 error in XML, 902 request missing transaction level mandatory fields, 904 currency not supported,
  905 the transaction amount has exceeded your allowed transaction limit, 906 you exceeded your monthly
  transactions limit, 922 provider does not exist, 923 allocated money exceeds payment amount, 930 block payment
  code incorrect, 940 CompanyREF already exists and paid, 950 request missing mandatory fields, 960 tag has
  been sent multiple times.
- verifyToken answers CustomerName, CustomerCredit (the card's last digits), CustomerCreditType,
  TransactionApproval, TransactionCurrency, TransactionAmount (major units), FraudAlert, FraudExplnation,
  TransactionNetAmount, TransactionSettlementDate, CustomerPhone, CustomerCountry (a country name),
  CustomerAddress, CustomerCity, CustomerZip, MobilePaymentRequest, AccRef, TransactionFinalCurrency,
  TransactionFinalAmount; Result 000 Transaction Paid, 001 Authorized, 002 Transaction overpaid/underpaid,
  003 Pending Bank, 005 Queued Authorization, 007 Pending Split Payment, 801-804 (as above), 900 Transaction
  not paid yet, 901 Transaction declined, 902 Data mismatch in one of the fields, 903 The transaction passed
  the Payment Time Limit, 904 Transaction cancelled, 950 Request missing transaction level mandatory fields,
  951 Data mismatch in one of the fields (VerifyTransaction 1 or 0). FraudAlert 000 genuine transaction, 001
  fraud detected (action required), 002 fraud detected, transaction blocked.
  The same table as a DPO integration's VERIFY_CODES lists it.
- The BackURL notification carries the verifyToken elements with TransactionToken and TransactionRef; the
  redirect to the merchant's RedirectURL carries TransID, CCDapproval, PnrID, TransactionToken and CompanyRef
  only, and the merchant is told to call verifyToken: no outcome.

902 and 904 mean different things in the two answers (createToken: missing fields, currency not supported;
verifyToken: data mismatch, transaction cancelled): ResultExplanation says which. 002 (paid, but more or less
than asked) is a payment made: APPROVED. 901 names no reason: DECLINED / UNKNOWN.

Lifecycle identity: the transaction token (TransToken / TransactionToken) is the attempt; the merchant's
CompanyRef is the payment; TransactionRef (TransRef) is DPO's reference of the transaction.
"""

from __future__ import annotations

from typing import Any

from payobs_pipeline.normalization.mapping import NOTIFICATION_WITHOUT_OUTCOME, UnmappedPayload

# verifyToken (and the BackURL notification).
STATUSES = {
    "000": "APPROVED",  # Transaction Paid
    "001": "APPROVED",  # Authorized
    "002": "APPROVED",  # Transaction overpaid/underpaid
    "003": "PENDING",  # Pending Bank
    "005": "PENDING",  # Queued Authorization
    "007": "PENDING",  # Pending Split Payment
    "900": "PENDING",  # Transaction not paid yet
    "901": "DECLINED",  # Transaction declined
    "903": "CANCELLED",  # The transaction passed the Payment Time Limit
    "904": "CANCELLED",  # Transaction cancelled
    **{code: "ERROR" for code in ("801", "802", "803", "804", "902", "950", "951")},
}

# createToken.
CREATE_STATUSES = {
    "000": "PENDING",  # Transaction created: the payment page awaits the customer
    **{code: "ERROR" for code in ("801", "802", "803", "804", "902", "904", "905", "906", "922", "923", "930",
                                  "940", "950", "960")},
}

REASONS = {
    "801": "CONFIGURATION_ERROR",  # request missing company token
    "802": "CONFIGURATION_ERROR",  # company token does not exist
    "803": "INVALID_REQUEST",  # no request or error in Request type name
    "804": "INVALID_REQUEST",  # error in XML
    "901": "UNKNOWN",  # Transaction declined, no reason named
    "902": "INVALID_REQUEST",  # data mismatch / missing mandatory fields
    "905": "LIMIT_EXCEEDED",  # amount over the allowed transaction limit
    "906": "LIMIT_EXCEEDED",  # monthly transactions limit
    "922": "INVALID_REQUEST",  # provider does not exist
    "923": "INVALID_REQUEST",  # allocated money exceeds payment amount
    "930": "INVALID_REQUEST",  # block payment code incorrect
    "940": "DUPLICATE",  # CompanyREF already exists and paid
    "950": "INVALID_REQUEST",  # request missing mandatory fields
    "951": "INVALID_REQUEST",  # data mismatch in one of the fields (VerifyTransaction 1 or 0)
    "960": "INVALID_REQUEST",  # tag has been sent multiple times
}
CREATE_REASONS = {"904": "TRANSACTION_NOT_PERMITTED"}  # currency not supported

PAYMENT_METHODS = {
    **{card: "CARD" for card in ("visa", "mastercard", "master card", "amex", "american express", "diners",
                                 "unionpay", "card")},
    **{money: "WALLET" for money in ("mpesa", "m-pesa", "airtel", "airtel money", "mtn", "mtn mobile money",
                                     "tigo", "tigopesa", "vodacom", "orange money", "paypal", "mobile")},
}
NOT_CARD_SCHEMES = {method: None for method, kind in PAYMENT_METHODS.items() if kind != "CARD"}

_FIELDS = {
    "provider_transaction_id": ["TransactionRef", "TransRef", "TransactionApproval"],
    "status": ["Result"],
    "reason_code": ["Result"],
    "amount": ["TransactionAmount"],
    "currency": ["TransactionCurrency"],
    "payment_method": ["CustomerCreditType"],
    "card_brand": ["CustomerCreditType"],
    "attempt_id": ["TransactionToken", "TransToken"],
    "payment_id": ["CompanyRef"],
}


def prepare(body: Any) -> Any:
    """The customer's redirect back names the token to verify, not the outcome."""
    if isinstance(body, dict) and "API3G" not in body and body.get("TransactionToken") is not None and (
            "CCDapproval" in body or "PnrID" in body):
        raise UnmappedPayload(NOTIFICATION_WITHOUT_OUTCOME,
                              "dpo: the redirect back names the TransactionToken to verify, not its outcome")
    return body


SPEC = {
    "provider": "dpo",
    "aliases": ["dpo", "dpo pay", "dpo group", "dpopay", "3g direct pay", "3gdirectpay", "direct pay online",
                "directpay online", "dpo 3g"],
    "detect": [
        {"path": "API3G.Result", "exists": True, "weight": 0.4},
        {"path": "API3G.ResultExplanation", "exists": True, "weight": 0.3},
        {"path": "API3G.TransToken", "exists": True, "weight": 0.2},
        {"path": "API3G.FraudExplnation", "exists": True, "weight": 0.2},
        {"path": "API3G.TransactionApproval", "exists": True, "weight": 0.1},
        {"path": "CCDapproval", "exists": True, "weight": 0.4},
        {"path": "PnrID", "exists": True, "weight": 0.3},
        {"path": "TransactionToken", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "major",
    "payment_method_map": PAYMENT_METHODS,
    "card_brand_map": NOT_CARD_SCHEMES,
    "reason_map": REASONS,
    "variants": [
        {"name": "create_token", "match": {"API3G.TransToken": {"exists": True}}, "root": "API3G",
         "event_kind": "PAYMENT", "fields": _FIELDS, "status_map": CREATE_STATUSES},
        {"name": "create_token.refused",
         "match": {"API3G.Result": ["904", "905", "906", "922", "923", "930", "940", "960"],
                   "API3G.TransactionAmount": {"exists": False}},
         "root": "API3G", "fields": _FIELDS, "status_map": CREATE_STATUSES, "reason_map": CREATE_REASONS,
         "rules": [{"when": {"Result": "904", "ResultExplanation": {"prefix": "Transaction cancel"}},
                    "set": {"status_category": "CANCELLED"}}]},
        {"name": "verify_token", "match": {"API3G.Result": {"exists": True}}, "root": "API3G",
         "event_kind": "AUTHORIZATION", "fields": _FIELDS, "status_map": STATUSES,
         # FraudAlert 002: "Fraud detected, transaction blocked".
         "rules": [{"when": {"FraudAlert": "002"}, "set": {"failure_reason": "RISK_REJECTED"}}]},
    ],
}
