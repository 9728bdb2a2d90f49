"""Opayo (Sage Pay) Direct/Server/Form replies: ``Status``/``StatusDetail``, ``TxType``, the bank's code.

Family ``opayo``.

Sources: developer-eu.elavon.com Opayo Direct transaction registration response, the Opayo Form
"Status field" page and the Direct/Server "Shared protocols" (cited at the tables).
"""

from __future__ import annotations

import re
from typing import Any

from payobs_pipeline.normalization.heuristics.common import (
    _ERROR_REASONS,
    _ST,
    ISO_TABLE,
    ReplyReading,
    _coded,
    _text_of,
)
from payobs_pipeline.normalization.taxonomy import EventKind, FailureReason, PaymentMethod


# Opayo (Sage Pay) Direct/Server/Form: Status and StatusDetail ("2000 : The Authorisation was Declined
# by the bank."). developer-eu.elavon.com/docs/opayo-direct/api-reference/transaction-registration-post-response;
# developer-eu.elavon.com/docs/opayo-forms/opayo-form-integration-overview/
#   8-opayo-redirects-customer-your-website/status-field
# OK: authorised (Direct, Form, notification POST); with a NextURL (Server registration) the customer
# has still to pay, so OK is read as APPROVED only beside an authorisation number (TxAuthNo).
OPAYO_STATUSES = _coded({
    # NOTAUTHED: the bank could not authorise (details incorrect, insufficient funds): a decline by the issuer
    # whose reason is not given; the bank's own code (DeclineCode/BankResponseCode), when present, says why.
    "notauthed": ("DECLINED", "GENERIC_DECLINE"),
    "rejected": ("DECLINED", {"reason": "RISK_REJECTED", "source": "MERCHANT_RISK"}),  # your fraud screening rules
    "malformed": ("ERROR", "INVALID_REQUEST"),  # input message missing fields or badly formatted
    "invalid": ("ERROR", "INVALID_REQUEST"),  # information supplied was invalid (vendor name, currency...)
    "error": ("ERROR", "PROCESSING_ERROR"),  # a problem occurred at Opayo
    "abort": ("CANCELLED", None),  # the user clicked Cancel on the payment pages
    "pending": ("PENDING", None),
    "3dauth": ("PENDING", None),  # the customer is to be directed to their issuer for 3-D authentication
    "ppredirect": ("PENDING", None),  # the customer is to be redirected to PayPal
})


_OPAYO_MARKERS = frozenset({"vpstxid", "vpsprotocol", "txauthno", "securitykey", "vendortxcode", "bankresponsecode"})
# Status values only the Opayo protocol uses: beside its VPSProtocol field they say the outcome by themselves,
# with or without a StatusDetail (a Direct 3DAUTH reply carries 3DSecureStatus, MD, ACSURL and PAReq).
_OPAYO_OWN_STATUSES = frozenset({"notauthed", "malformed", "invalid", "3dauth", "ppredirect"})
# Fields only a card payment's reply has: the AVS/CV2 checks and the 3-D Secure result (Opayo Direct
# transaction registration response: AVSCV2, AddressResult, PostCodeResult, CV2Result, 3DSecureStatus).
_OPAYO_CARD_FIELDS = ("avscv2", "cv2result", "addressresult", "postcoderesult", "3dsecurestatus", "acsurl")
# TxType, where the message carries it (the Server notification POST, a lake row that keeps the request's
# type): PAYMENT, DEFERRED, AUTHENTICATE and REPEAT take a payment; RELEASE takes a DEFERRED payment's money
# and AUTHORISE an AUTHENTICATEd one's; REFUND returns money; VOID, ABORT (a DEFERRED one) and CANCEL (an
# AUTHENTICATEd one) end a payment before settlement (Opayo Direct/Server "Shared protocols": RELEASE,
# ABORT, REFUND, REPEAT, VOID, AUTHORISE, CANCEL).
_OPAYO_KINDS = {"release": EventKind.CAPTURE, "authorise": EventKind.CAPTURE, "refund": EventKind.REFUND,
                "void": EventKind.VOID, "abort": EventKind.VOID, "cancel": EventKind.VOID,
                **dict.fromkeys(("payment", "deferred", "authenticate", "repeat"), EventKind.AUTHORIZATION)}
# A shared-protocol reply says its operation in its StatusDetail text ("2005 : The Void was Successful.").
_OPAYO_DONE = re.compile(r"\bthe (void|abort|cancel|refund|release) was successful\b")


def _opayo(f: dict[str, Any]) -> ReplyReading | None:
    status, detail = _text_of(f, "status"), _text_of(f, "statusdetail")
    if status is None:
        return None
    key = status.lower()
    if detail is None and not ("vpsprotocol" in f and key in _OPAYO_OWN_STATUSES):
        return None
    coded_detail = re.match(r"^\s*(\d{4})\s*:", detail or "")
    if not (_OPAYO_MARKERS & f.keys()) and coded_detail is None and _text_of(f, "statuscode") is None:
        return None
    ids = ("vpstxid", "transactionid", "vendortxcode")
    method = PaymentMethod.CARD if any(name in f for name in _OPAYO_CARD_FIELDS) else None
    type_kind = _OPAYO_KINDS.get((_text_of(f, "txtype") or "").lower())
    done = _OPAYO_DONE.search((detail or "").lower())
    done_kind = _OPAYO_KINDS[done.group(1)] if done else None
    if type_kind is not None and done_kind is not None and type_kind is not done_kind:
        return ReplyReading("opayo", _ST.APPROVED, status, False, ids=ids)  # the type and the text disagree
    kind = type_kind or done_kind
    if key == "ok":
        if kind is not None and kind is not EventKind.AUTHORIZATION:
            # A shared-protocol operation done: the kind's own status (a void CANCELLED, a refund REFUNDED).
            return ReplyReading("opayo", _ST.APPROVED, status, True, agrees=coded_detail is not None, ids=ids,
                                kind=kind, method=method)
        if _text_of(f, "txauthno", "bankauthorisationcode") is not None:
            # REFUND and REPEAT replies carry a TxAuthNo too, without the card checks of a payment: with no
            # TxType, such a reply does not say whether money was taken or returned.
            certain = kind is EventKind.AUTHORIZATION or method is not None
            return ReplyReading("opayo", _ST.APPROVED, status, certain, agrees=certain, ids=ids, method=method)
        if _text_of(f, "nexturl") is not None:
            return ReplyReading("opayo", _ST.PENDING, status, True, ids=ids, method=method)
        return ReplyReading("opayo", _ST.APPROVED, status, False, ids=ids)
    known = OPAYO_STATUSES.get(key)
    if known is None:
        return None
    if key == "3dauth":
        method = PaymentMethod.CARD  # 3-D Secure authenticates a card
    # The bank's own (ISO 8583) code, when given, says why it declined; a code that names a system error
    # does not (NOTAUTHED states the bank's decline).
    bank_code = _text_of(f, "declinecode", "bankresponsecode")
    bank_entry = ISO_TABLE.get(bank_code.lower()) if bank_code and len(bank_code) == 2 else None
    entry = known[1]
    if key == "notauthed" and bank_entry is not None and bank_entry.reason is not FailureReason.UNKNOWN \
            and bank_entry.reason not in _ERROR_REASONS:
        entry = bank_entry
    agrees = coded_detail is not None or ("vpsprotocol" in f and key in _OPAYO_OWN_STATUSES)
    return ReplyReading("opayo", known[0], status, True, entry, bank_code or detail, agrees, ids,
                        kind=kind if kind is not EventKind.AUTHORIZATION else None, method=method)
