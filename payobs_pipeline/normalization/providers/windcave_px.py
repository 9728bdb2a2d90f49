"""Windcave (Payment Express / DPS) legacy XML APIs: PxPay 2.0, PxPost and PxFusion answers. The REST API is
providers/windcave.py; same slug ``windcave``.

Sources:
- PxPay 2.0 (windcave.com/developer-e-commerce-hosted-pxpay, paymentexpress.com/developer-e-commerce-paymentexpress-hosted-pxpay):
  GenerateRequest answers ``<Request valid="1"><URI>`` (the hosted page the shopper is sent to) or
  ``valid="0"`` with ``<Reco>`` / ``<ResponseText>`` (e.g. "Invalid Access Info"); ProcessResponse answers
  ``<Response valid="1">`` with Success (1 approved, 0 declined), TxnType (Auth, Complete, Purchase, Refund,
  Validate), CurrencyInput, AmountSettlement, CurrencySettlement, ResponseText, ReCo, DpsTxnRef, TxnId,
  MerchantReference, CardName, DateSettlement, IssuerCountryId
- PxPost (windcave.com/developer-e-commerce-paymentexpress-pxpost): ``<Txn>`` with ``<Transaction success=..>``
  (Authorized, Amount, InputCurrencyName / CurrencyName, TxnType, CardName, DpsTxnRef, MerchantReference,
  Acquirer, AcquirerReCo and AcquirerResponseText: the acquiring bank's own response code), ReCo, ResponseText,
  HelpText, Success (1 approved), DpsTxnRef, TxnRef
- PxFusion (windcave.com/developer-e-commerce-pxfusion, SOAP): GetTransaction's GetTransactionResult with
  ``status`` (0 approved, 1 declined, 2 declined due to a transient error (retry), 3 invalid data, 4 result cannot
  be determined, 6 transaction not found), responseCode / responseText, amount, currencyName, txnType,
  dpsTxnRef, transactionId, merchantReference, cardName
- windcave.com/developer-integrated-eftpos-responsecodes (ReCo: numeric codes are the bank's, ISO 8583; 76
  Declined): the REST module's table, reused.

Amounts are major-unit decimals of the reply's currency; a reply without a currency (PxPost's short answer)
keeps no amount. Lifecycle identity: DpsTxnRef is the transaction (the attempt of a Purchase / Auth, a refund's
refund_id); the merchant's TxnId / MerchantReference is the payment.
"""

from __future__ import annotations

from typing import Any

from payobs_pipeline.normalization.providers.windcave import REASONS
from payobs_pipeline.normalization.providers.windcave import SPEC as WINDCAVE_SPEC

PX_KEY = "payobs_windcave_px"

OUTCOMES = {"approved": "APPROVED", "declined": "DECLINED", "error": "ERROR", "unknown": "UNKNOWN",
            "checkout": "PENDING"}
# PxFusion GetTransaction status.
FUSION_STATUSES = {"0": "approved", "1": "declined", "2": "declined", "3": "error", "4": "unknown", "6": "error"}
TXN_KINDS = {"complete": "CAPTURE", "refund": "REFUND"}
CARD_BRANDS = {"visa": "visa", "mastercard": "mastercard", "amex": "amex", "diners": "diners", "jcb": "jcb",
               "unionpay": "unionpay"}


def _text(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("#text")
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _first(*values: Any) -> str | None:
    for value in values:
        text = _text(value)
        if text:
            return text
    return None


def _px(generation: str, outcome: str, **fields: Any) -> dict[str, Any]:
    clean = {key: _text(value) for key, value in fields.items()}
    if not clean.get("currency"):
        clean.pop("amount", None)
    return {PX_KEY: {"generation": generation, "outcome": outcome,
                     **{key: value for key, value in clean.items() if value is not None}}}


def _success(value: Any) -> str:
    return "approved" if _text(value) == "1" else "declined"


def prepare(body: Any) -> Any:
    """The PxPay, PxPost or PxFusion answer as one ``payobs_windcave_px`` dict (outcome, reco, amount ...)."""
    if not isinstance(body, dict):
        return body
    fusion = body.get("Envelope", {}).get("Body", {}).get("GetTransactionResponse", {}) \
        if isinstance(body.get("Envelope"), dict) else {}
    result = fusion.get("GetTransactionResult") if isinstance(fusion, dict) else None
    if isinstance(result, dict) and "status" in result:
        return _px("pxfusion", FUSION_STATUSES.get(_text(result.get("status")) or "", "unknown"),
                   reco=result.get("responseCode"), responsetext=result.get("responseText"),
                   amount=result.get("amount"), currency=result.get("currencyName"), txntype=result.get("txnType"),
                   dpstxnref=result.get("dpsTxnRef"), reference=_first(result.get("merchantReference"),
                                                                       result.get("transactionId")),
                   cardname=result.get("cardName"))
    response = body.get("Response")
    if isinstance(response, dict) and "@valid" in response and ("Success" in response or "ReCo" in response):
        outcome = "error" if _text(response.get("@valid")) == "0" else _success(response.get("Success"))
        return _px("pxpay", outcome, reco=response.get("ReCo"), responsetext=response.get("ResponseText"),
                   amount=response.get("AmountSettlement"),
                   currency=_first(response.get("CurrencySettlement"), response.get("CurrencyInput")),
                   txntype=response.get("TxnType"), dpstxnref=response.get("DpsTxnRef"),
                   reference=_first(response.get("TxnId"), response.get("MerchantReference")),
                   cardname=response.get("CardName"))
    request = body.get("Request")
    if isinstance(request, dict) and "@valid" in request:
        if _text(request.get("@valid")) == "1" and _text(request.get("URI")):
            return _px("pxpay", "checkout", uri=request.get("URI"))
        return _px("pxpay", "error", reco=_first(request.get("Reco"), request.get("ReCo")),
                   responsetext=request.get("ResponseText"))
    txn = body.get("Txn")
    if isinstance(txn, dict) and ("ReCo" in txn or "Success" in txn) and ("DpsTxnRef" in txn or "Transaction" in txn):
        transaction = txn.get("Transaction") if isinstance(txn.get("Transaction"), dict) else {}
        return _px("pxpost", _success(_first(txn.get("Success"), transaction.get("@success"))),
                   reco=_first(txn.get("ReCo"), transaction.get("@reco")), responsetext=txn.get("ResponseText"),
                   acquirerreco=transaction.get("AcquirerReCo"), amount=transaction.get("Amount"),
                   currency=_first(transaction.get("InputCurrencyName"), transaction.get("CurrencyName")),
                   txntype=transaction.get("TxnType"),
                   dpstxnref=_first(txn.get("DpsTxnRef"), transaction.get("DpsTxnRef")),
                   reference=_first(txn.get("TxnRef"), transaction.get("MerchantReference"),
                                    txn.get("MerchantReference")),
                   cardname=transaction.get("CardName"))
    return body


SPEC = {
    "provider": "windcave",
    "aliases": list(WINDCAVE_SPEC["aliases"]),
    "detect": [
        # PxFusion SOAP GetTransaction.
        {"path": "Envelope.Body.GetTransactionResponse.GetTransactionResult.dpsTxnRef", "exists": True, "weight": 0.9},
        # PxPay 2.0 process response / generate request answer.
        {"path": "Response.@valid", "exists": True, "weight": 0.3},
        {"path": "Response.DpsTxnRef", "exists": True, "weight": 0.4},
        {"path": "Response.ReCo", "exists": True, "weight": 0.2},
        {"path": "Request.@valid", "exists": True, "weight": 0.3},
        {"path": "Request.URI", "prefix": ["https://sec.paymentexpress.com/", "https://uat.paymentexpress.com/",
                                           "https://sec.windcave.com/", "https://uat.windcave.com/"], "weight": 0.6},
        # PxPost.
        {"path": "Txn.DpsTxnRef", "exists": True, "weight": 0.5},
        {"path": "Txn.ReCo", "exists": True, "weight": 0.3},
        {"path": "Txn.HelpText", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "major",
    "reason_map": REASONS,
    "reason_fallback": "iso8583",
    "card_brand_map": CARD_BRANDS,
    "variants": [
        {
            "name": "px.validate",
            "match": {f"{PX_KEY}.txntype": "Validate"},
            "not_a_payment": "a card validation (no payment)",
        },
        {
            # GenerateRequest answered with the hosted page URI: the checkout the shopper is still to pay.
            "name": "pxpay.checkout",
            "match": {f"{PX_KEY}.outcome": "checkout"},
            "root": PX_KEY,
            "event_kind": "PAYMENT",
            "fields": {"status": ["outcome"]},
            "status_map": OUTCOMES,
        },
        {
            "name": "px.answer",
            "match": {f"{PX_KEY}.outcome": {"exists": True}},
            "root": PX_KEY,
            "default_payment_method": "CARD",
            "fields": {
                "provider_transaction_id": ["dpstxnref"],
                "status": ["outcome"],
                # Windcave's ReCo is often its summary (05 DO NOT HONOUR) of the acquirer's own answer, which
                # PxPost passes on as Transaction/AcquirerReCo (the bank's ISO 8583 code): the more specific wins.
                "reason_code": ["reco", "acquirerreco", "responsetext"],
                "amount": ["amount"],
                "currency": ["currency"],
                "card_brand": ["cardname"],
                "attempt_id": ["dpstxnref"],
                "payment_id": ["reference"],
            },
            "status_map": OUTCOMES,
            "rules": [
                *({"when": {"txntype": kind}, "set": {"event_kind": event}} for kind, event in TXN_KINDS.items()),
                {"when": {"txntype": "refund", "outcome": "approved"}, "set": {"status_category": "REFUNDED"}},
                {"when": {"outcome": "error", "responsetext": {"prefix": ["Invalid Access", "Invalid Key",
                                                                          "Invalid User"]}},
                 "set": {"failure_reason": "CONFIGURATION_ERROR"}},
            ],
        },
    ],
}
