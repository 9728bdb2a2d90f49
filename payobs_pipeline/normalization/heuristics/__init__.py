"""Heuristic normalizer for payloads of providers we have no mapping for.

It looks for canonical fields under common names (English, Spanish and
Portuguese: ``amount``/``monto``/``valor``, ``status``/``estado``/``situacao``)
and reads status and reason words from value dictionaries. It returns an event
with a confidence; the cascade keeps it only above a configurable threshold,
otherwise the payload is deferred rather than guessed.

Gateway reply messages are read first by their family (``REPLY_FAMILIES``):
CyberSource decision/reasonCode, PayPal NVP ACK + L_ERRORCODE0, Payflow
RESULT/RESPMSG, NMI response/responsetext/response_code, Converge ssl_result
(and errorCode), Opayo Status/StatusDetail, Global Payments (Realex) XML
result/message, Moneris ResponseCode/Message, Redsys Ds_Response, eWAY Rapid
TransactionStatus/ResponseMessage, BluePay STATUS/TRANS_TYPE, USAePay UMresult,
First Data e4 Transaction_Approved/EXact_Resp_Code/Bank_Resp_Code, Beanstream
trnApproved/messageId/errorType, gateways with no mapping read from their notification documentation
(Buckaroo brq_statuscode, DPO Result/ResultExplanation, AsiaPay successcode, Worldline Sips Paypage
responseCode, Amazon Payment Services status/response_code/command, Dotpay URLC operation_status, ECPay
RtnCode/PaymentType, seQura sq_state, BACEN API Pix cob status, and easypay checkouts under an easypay hint),
an HTTP error answer read by formats.py
as {http_status, http_reason}, and three-digit ISO 8583:1993 action codes
(American Express, ActionCode fields). A family is recognized by
its own fields together, reads its codes in its own numbering, and its outcome
values come from its documentation (cited at each table); a value that does not
state the outcome by itself keeps the reply below the threshold (LOW_CONFIDENCE).

Issuer codes use the shared tables of issuer_codes.py (the ones specs name with
``reason_fallback``): a two-character ISO 8583 / Visa code in a field such as
``iso_response_code``, ``processorResponse``, ``auth_response`` or
``response_code`` turns a generic decline into its specific reason, and a
Mastercard Merchant Advice Code decides SOFT/HARD.

Where things are:

- ``generic_reader.py``: ``normalize`` (the entry point: a reply family first, else the
  generic fields), the generic field names (``STATUS_FIELDS``, ``AMOUNT_FIELDS``...), the
  confidence, the lifecycle kind a type field names, ``DEFAULT_THRESHOLD``;
- ``words.py``: status, reason and method words in English, Spanish and Portuguese
  (``STATUS_WORDS``, ``REASON_WORDS``, ``METHOD_WORDS``, ``reason_from_text``);
- ``issuer_code_fields.py``: ISO 8583 issuer codes and Mastercard Merchant Advice Codes in a
  document's fields (``iso_code_reason``, ``merchant_advice_type``);
- ``replies/``: ``read_reply`` and ``REPLY_FAMILIES`` (the order families are tried in), then one
  module per family, named as the family an event's variant names (``heuristic:redsys`` is
  ``replies/redsys.py``), each with its documentation cited at its tables;
- ``common.py``: helpers they share (field-name folding, flattening, ``ReplyReading``, the
  families' table builders).

This package keeps the names the former heuristics.py module had for its callers
(normalize.py, assets/events.py, the normalization tests): import them from here.
"""

from __future__ import annotations

from payobs_pipeline.normalization.heuristics.common import (
    ISO_TABLE,
    NETWORK_OUTCOMES,
    NETWORK_TABLE,
    ReplyReading,
)
from payobs_pipeline.normalization.heuristics.generic_reader import (
    AMOUNT_FIELDS,
    CARD_EVIDENCE_FIELDS,
    COUNTRY_FIELDS,
    CURRENCY_FIELDS,
    DEFAULT_THRESHOLD,
    DISPUTE_ID_FIELDS,
    ID_FIELDS,
    METHOD_FIELDS,
    MINOR_AMOUNT_FIELDS,
    PARENT_ID_FIELDS,
    REASON_FIELDS,
    REFUND_ID_FIELDS,
    STATUS_FIELDS,
    TIME_FIELDS,
    TYPE_FIELDS,
    normalize,
)
from payobs_pipeline.normalization.heuristics.issuer_code_fields import (
    ISO_CODE_FIELDS,
    MERCHANT_ADVICE_FIELDS,
    iso_code_reason,
    merchant_advice_type,
)
from payobs_pipeline.normalization.heuristics.replies import (
    HINTED_FAMILIES,
    REPLY_FAMILIES,
    REPLY_TEXT_FIELDS,
    read_reply,
)
from payobs_pipeline.normalization.heuristics.replies.bacen_pix_cob import PIX_COB_STATUSES
from payobs_pipeline.normalization.heuristics.replies.buckaroo import BUCKAROO_STATUSES
from payobs_pipeline.normalization.heuristics.replies.converge import CONVERGE_ERRORS
from payobs_pipeline.normalization.heuristics.replies.cybersource_simple_order import CYBERSOURCE_REASONS
from payobs_pipeline.normalization.heuristics.replies.dotpay import DOTPAY_STATUSES
from payobs_pipeline.normalization.heuristics.replies.dpo import DPO_RESULTS
from payobs_pipeline.normalization.heuristics.replies.easypay import EASYPAY_STATUSES
from payobs_pipeline.normalization.heuristics.replies.firstdata_e4 import FIRSTDATA_BANK_CODES
from payobs_pipeline.normalization.heuristics.replies.globalpayments_realex import REALEX_RESULTS
from payobs_pipeline.normalization.heuristics.replies.http_error import HTTP_ERROR_REASONS
from payobs_pipeline.normalization.heuristics.replies.nmi import NMI_CODES
from payobs_pipeline.normalization.heuristics.replies.opayo import OPAYO_STATUSES
from payobs_pipeline.normalization.heuristics.replies.payflow import PAYFLOW_RESULTS
from payobs_pipeline.normalization.heuristics.replies.paypal_nvp import PAYPAL_NVP_ERRORS
from payobs_pipeline.normalization.heuristics.replies.redsys import REDSYS_CODES
from payobs_pipeline.normalization.heuristics.replies.sequra import SEQURA_STATES
from payobs_pipeline.normalization.heuristics.words import METHOD_WORDS, REASON_WORDS, STATUS_WORDS, reason_from_text
from payobs_pipeline.normalization.event import CanonicalEvent
from payobs_pipeline.normalization.mapping import ReasonEntry, UnmappedPayload
from payobs_pipeline.normalization.taxonomy import DeclineType, EventKind, FailureReason, PaymentMethod, StatusCategory

__all__ = [
    # entry points
    "DEFAULT_THRESHOLD", "normalize", "read_reply", "reason_from_text", "iso_code_reason", "merchant_advice_type",
    "ReplyReading", "REPLY_FAMILIES", "HINTED_FAMILIES",
    # generic field names and words
    "STATUS_FIELDS", "REASON_FIELDS", "AMOUNT_FIELDS", "MINOR_AMOUNT_FIELDS", "CURRENCY_FIELDS", "ID_FIELDS",
    "TIME_FIELDS", "METHOD_FIELDS", "COUNTRY_FIELDS", "TYPE_FIELDS", "REFUND_ID_FIELDS", "DISPUTE_ID_FIELDS",
    "PARENT_ID_FIELDS", "CARD_EVIDENCE_FIELDS", "REPLY_TEXT_FIELDS", "ISO_CODE_FIELDS", "MERCHANT_ADVICE_FIELDS",
    "STATUS_WORDS", "REASON_WORDS", "METHOD_WORDS",
    # shared issuer tables and the families' code tables
    "ISO_TABLE", "NETWORK_TABLE", "NETWORK_OUTCOMES", "CYBERSOURCE_REASONS", "PAYPAL_NVP_ERRORS", "PAYFLOW_RESULTS",
    "NMI_CODES", "CONVERGE_ERRORS", "OPAYO_STATUSES", "REALEX_RESULTS", "REDSYS_CODES", "FIRSTDATA_BANK_CODES",
    "BUCKAROO_STATUSES", "DPO_RESULTS", "DOTPAY_STATUSES", "SEQURA_STATES", "PIX_COB_STATUSES", "EASYPAY_STATUSES",
    "HTTP_ERROR_REASONS",
    # the taxonomy and mapping types of these signatures
    "CanonicalEvent", "UnmappedPayload", "ReasonEntry", "DeclineType", "EventKind", "FailureReason", "PaymentMethod",
    "StatusCategory",
]
