"""Paysera (Lithuania; Paysera Checkout, formerly WebToPay / mokejimai.lt): the payment callback.

Sources:
- "Callback" (developers.paysera.com/en/checkout/integrations/integration-callback, versions 1.5 and 1.6): Paysera
  calls the merchant's callbackurl with three GET parameters: data ("Encoded parameters ... 1. Change the symbols
  "-" to "+", "_" to "/" 2. Decode the string, using base64 encoding 3. Retrieve the array of parameters from the
  decoded string, which is an URL-encoded parameter string"), ss1 (md5(data + password)) and ss2 (an RSA SHA-1
  signature of data). "Always check payment status - only status 1 means successful payment." Version 1.5 sent the
  same parameters directly (prefixed) on the callbackurl. Parameters: projectid, orderid ("Order number from your
  system"), lang, amount ("Amount in cents the client has to pay"), currency, payment (the payment type), country,
  paytext, name, surename, status, test, p_email, requestid (Paysera's id of the payment request), payamount and
  paycurrency (what the payer actually paid, after a conversion), version, account, personcodestatus.
- The status values as the Paysera Checkout SDK states them beside that page's link (paysera/checkout-sdk,
  src/Entity/PaymentCallbackValidationResponse.php): 0 "Payment has not been executed", 1 "Payment successful", 2
  "Payment order accepted, but not yet executed", 3 "Additional payment information", 4 "Payment was executed, but
  confirmation about received funds in bank won't be sent", 5 "Payment was refunded".

Status 0 names no reason: DECLINED with failure_reason UNKNOWN. Status 3 carries extra information about a payment
(the payer's bank account, a personal code check), not its outcome.

prepare() decodes data when the row holds the callback's data/ss1/ss2 parameters (the declarative form cannot
base64-decode); rows already holding the decoded parameters are read as they are.

Lifecycle identity: Paysera's requestid is the attempt; the merchant's orderid is the payment.
"""

from __future__ import annotations

import base64
import binascii
from urllib.parse import parse_qsl

STATUSES = {"0": "DECLINED", "1": "APPROVED", "2": "PENDING", "4": "APPROVED", "5": "REFUNDED"}
REASONS = {"0": "UNKNOWN"}

SPEC = {
    "provider": "paysera",
    "aliases": ["paysera", "paysera checkout", "webtopay", "web to pay", "mokejimai", "mokejimai.lt", "paysera lt"],
    "detect": [
        # The encoded callback.
        {"path": "ss1", "exists": True, "weight": 0.4},
        {"path": "ss2", "exists": True, "weight": 0.3},
        {"path": "data", "exists": True, "weight": 0.1},
        # Decoded (or version 1.5) parameters.
        {"path": "projectid", "exists": True, "weight": 0.3},
        {"path": "requestid", "exists": True, "weight": 0.1},
        {"path": "payamount", "exists": True, "weight": 0.2},
        {"path": "paycurrency", "exists": True, "weight": 0.1},
        {"path": "paytext", "exists": True, "weight": 0.1},
        {"path": "surename", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "minor",
    "reason_map": REASONS,
    "variants": [
        {"name": "additional_information.not_a_payment", "match": {"projectid": {"exists": True}, "status": "3"},
         "not_a_payment": "Paysera status 3: additional information about a payment (account, personal code), "
                          "not its outcome"},
        {
            "name": "callback",
            "match": {"projectid": {"exists": True}, "status": {"exists": True}},
            "status_map": STATUSES,
            "fields": {"provider_transaction_id": ["requestid", "orderid"], "status": ["status"],
                       "reason_code": ["status"], "amount": ["amount", "payamount"],
                       "currency": ["currency", "paycurrency"], "merchant_id": ["projectid"],
                       "customer_country": ["country"], "attempt_id": ["requestid"], "payment_id": ["orderid"]},
        },
    ],
}


def prepare(body: object) -> object:
    """The callback's decoded parameters, beside its signatures, when the row holds the encoded data."""
    if not isinstance(body, dict) or "projectid" in body or not isinstance(body.get("data"), str):
        return body
    if "ss1" not in body and "ss2" not in body:
        return body
    encoded = body["data"].strip().replace("-", "+").replace("_", "/")
    try:
        text = base64.b64decode(encoded + "=" * (-len(encoded) % 4), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return body
    decoded = dict(parse_qsl(text, keep_blank_values=True))
    if "projectid" not in decoded:
        return body
    return {**decoded, "ss1": body.get("ss1"), "ss2": body.get("ss2")}
