"""PayPal NVP/SOAP API replies: ``ACK`` + ``L_ERRORCODE0`` (family ``paypal_nvp``).

Sources: developer.paypal.com/docs/nvp-soap-api/errors/ and the PayPal SDK's AckCodeType (cited at
the tables).
"""

from __future__ import annotations

from typing import Any

from payobs_pipeline.normalization.heuristics.common import _ST, ReplyReading, _coded, _text_of


# PayPal NVP/SOAP: ACK (Success, SuccessWithWarning, Failure, FailureWithWarning) and L_ERRORCODE0.
# developer.paypal.com/docs/nvp-soap-api/errors/ (codes); the ACK values: AckCodeType in the
# PayPal SDK (rubydoc.info/gems/paypal-business/AckCodeType).
_PAYPAL_ACKS = {"success": _ST.APPROVED, "successwithwarning": _ST.APPROVED,
                "failure": _ST.DECLINED, "failurewithwarning": _ST.DECLINED}
PAYPAL_NVP_ERRORS = _coded({
    "10001": ("ERROR", "PROCESSING_ERROR"),  # internal error
    "10002": ("ERROR", "CONFIGURATION_ERROR"),  # security error: authentication/authorization failed
    "10004": ("ERROR", "INVALID_REQUEST"),  # invalid argument
    "10412": ("DECLINED", "DUPLICATE"),  # duplicate invoice: a payment was already made for this InvoiceID
    "10417": ("DECLINED", "GENERIC_DECLINE"),  # transaction cannot complete: buyer to use another funding source
    "10422": ("DECLINED", "GENERIC_DECLINE"),  # buyer must return to PayPal to select new funding sources
    "10486": ("DECLINED", "GENERIC_DECLINE"),  # transaction couldn't be completed: redirect the buyer to PayPal
    "10500": ("ERROR", "CONFIGURATION_ERROR"),  # invalid configuration (billing agreement not agreed)
    "10501": ("ERROR", "CONFIGURATION_ERROR"),  # invalid configuration (billing agreement disabled)
    "10502": ("DECLINED", "EXPIRED_CARD"),  # invalid data: the credit card used has expired
    "10504": ("DECLINED", "INCORRECT_CVC"),  # invalid data: invalid card verification number
    "10527": ("DECLINED", "INVALID_CARD_DATA"),  # invalid data: enter a valid credit card number and type
    "15005": ("DECLINED", "GENERIC_DECLINE"),  # processor decline
    "15006": ("DECLINED", "GENERIC_DECLINE"),  # processor decline: the card issuer declined
    "15007": ("DECLINED", "EXPIRED_CARD"),  # processor decline: expired card
})


def _paypal_nvp(f: dict[str, Any]) -> ReplyReading | None:
    ack = _text_of(f, "ack")
    if ack is None or ack.lower() not in _PAYPAL_ACKS:
        return None
    if not ({"correlationid", "lerrorcode0", "build"} & f.keys()):
        return None
    ids = ("transactionid", "paymentinfo0transactionid")
    if _PAYPAL_ACKS[ack.lower()] is _ST.APPROVED:
        payment_status = _text_of(f, "paymentstatus", "paymentinfo0paymentstatus")
        if payment_status is not None and payment_status.lower() in ("pending", "in-progress"):
            return ReplyReading("paypal_nvp", _ST.PENDING, ack, True, ids=ids, agrees=True)
        # Success says the call worked; only a transaction id says a payment was made (SetExpressCheckout
        # succeeds with a token and no payment).
        has_payment = _text_of(f, *ids) is not None
        return ReplyReading("paypal_nvp", _ST.APPROVED, ack, has_payment, ids=ids, agrees=has_payment)
    code = _text_of(f, "lerrorcode0")
    known = PAYPAL_NVP_ERRORS.get(code.lower()) if code else None
    if known is None:  # a failure whose code does not say decline or error
        return ReplyReading("paypal_nvp", _ST.DECLINED, ack, False, raw_reason=code, ids=ids)
    return ReplyReading("paypal_nvp", known[0], ack, True, known[1], code, True, ids)
