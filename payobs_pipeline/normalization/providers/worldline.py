"""Worldline: Worldline Direct / Ingenico Direct, Ingenico Connect (GlobalCollect), and Ogone e-Commerce
(key=value parameters and the DirectLink ``<ncresponse>`` XML reply; Barclaycard ePDQ runs the same platform).

Sources:
- https://docs.direct.worldline-solutions.com/en/integration/api-developer-guide/statuses (payment
  ``status`` CREATED, CANCELLED, REJECTED, REJECTED_CAPTURE, REDIRECTED, PENDING_PAYMENT,
  PENDING_COMPLETION, PENDING_CAPTURE, AUTHORIZATION_REQUESTED, CAPTURE_REQUESTED, CAPTURED,
  REFUND_REQUESTED, REFUNDED; ``statusOutput.statusCategory`` and the numeric ``statusCode``)
- https://docs.direct.worldline-solutions.com/en/integration/api-developer-guide/api-troubleshooting and
  .../best-practices/troubleshooting (error body: ``errorId``, ``errors[].category``, ``errors[].code``,
  ``errors[].errorCode`` 8 digits, ``errors[].httpStatusCode``; 402 Payment Rejected carries
  ``paymentResult``; 5xxxxxxx errorCodes are technical errors)
- https://worldline-global-collect.github.io/connect-sdk-dotnet/latest/api/Worldline.Connect.Sdk.V1.Domain.Payment.html
  (Connect payment status ACCOUNT_VERIFIED, CREATED, REDIRECTED, PENDING_PAYMENT, PENDING_FRAUD_APPROVAL,
  PENDING_APPROVAL, PENDING_COMPLETION, PENDING_CAPTURE, REJECTED, AUTHORIZATION_REQUESTED,
  CAPTURE_REQUESTED, CAPTURED, PAID, CANCELLED, REJECTED_CAPTURE, REVERSED, CHARGEBACK_NOTIFICATION,
  CHARGEBACKED, REFUNDED)
- GetHostedCheckout (Direct/Connect API reference): status IN_PROGRESS, PAYMENT_CREATED,
  CANCELLED_BY_CONSUMER, CLIENT_NOT_ELIGIBLE_FOR_SELECTED_PAYMENT_PRODUCT; createdPaymentOutput.payment
- https://e-payment-postfinance.v-psp.com/en/en/guides/user%20guides/statuses-and-errors (the Ogone /
  Worldline e-Commerce STATUS codes 0-99 that Worldline Direct also returns as ``statusCode``: 0 invalid,
  1 cancelled by customer, 2 authorisation refused, 4/40/41/46 stored/waiting, 5 authorised, 50/51
  authorisation waiting, 52 authorisation not known, 55, 56, 57, 59, 6 authorised and cancelled, 61-64,
  7 payment deleted, 71-75, 8 refund, 81-85, 9 payment requested, 91-96, 99 being processed; NCERROR)
- ``errorCode`` / NCERROR 30xx1001: the platform's "transaction refused" codes carry the issuer's two-digit
  ISO 8583 code in digits 3-4 (30051001 do not honour, 30511001 insufficient funds, 30541001 expired
  card, 30591001 suspected fraud, 30041001 pick up); the pattern is read from those documented
  examples and applied to every ISO code the shared table knows. 40001134-40001137 are 3-D Secure
  authentication failures; 5xxxxxxx are "technical errors" (a wrong request or a platform problem:
  the HTTP status tells which).
- NCERROR 5xxxxxxx codes one by one: Barclaycard ePDQ's NCERROR list as reproduced in
  github.com/rapiddive/catchtheweb-barclay-epdq-payment-gateway classes/rapiddive_wc_gateway_barclay.php (an SDK
  file copying the platform's "Possible errors" table, not a stored docs page): the codes whose text names the
  merchant's set-up (PSPID, credentials, card type or currency not active, SHA mismatch, operation not
  permitted) are CONFIGURATION_ERROR, "a technical problem has occurred" PROCESSING_ERROR, the rest the request.
- Worldline Sips 2.0 Paypage POST (docs.sips.worldline-solutions.com/en/data-dictionary/paypage/
  paypage-response.html, and the responseCode list of the Sips 2.0 guide as the eopayment library's sips2 module
  reproduces it): the return and automatic response post ``Data`` ("key=value|key=value"), ``Seal`` and
  ``InterfaceVersion`` (HP_x.y); responseCode 00 authorisation accepted, 02 authorisation to be asked by phone
  (card threshold exceeded), 03 invalid distance-selling contract, 05 authorisation refused, 12 invalid
  transaction, 14 invalid bank details or card security code, 17 buyer cancellation, 24 operation impossible
  for the transaction's status, 25 transaction not found, 30 format error, 34 suspicion of fraud, 40 function
  not supported, 51 amount too high, 54 card past expiry date, 60 transaction pending, 63 security rules not
  observed, 75 attempts at entering the card number exceeded, 90 service temporarily unavailable, 94 duplicated
  transaction (transactionReference already used), 97 timeframe exceeded, 99 temporary problem at the server;
  acquirerResponseCode the acquirer's ISO 8583 code; amount in minor units of currencyCode (ISO 4217 numeric).
  Sips Office JSON (documentation.sips.worldline.com/en/WLSIPS.310-UG-Sips-Office-JSON.html: machine-to-machine
  JSON answers carrying responseCode, acquirerResponseCode, authorisationId, transactionReference and seal at the
  top level) and Sips 1.0, the Atos API's response ("Sips Dictionnaire des données" v2.01, docplayer.fr/737382:
  RESPONSE_CODE, BANK_RESPONSE_CODE, AMOUNT in the currency's smallest unit, CURRENCY_CODE ISO 4217 numeric,
  TRANSACTION_ID, MERCHANT_ID, ORDER_ID, PAYMENT_CERTIFICATE; its response codes are the same two-digit list)
  read as the Paypage response; Sips 1.0 is recognized without a hint by its payment_certificate /
  bank_response_code / complementary_code.
  Hosted Checkout (docs.direct.worldline-solutions.com/en/integration/basic-integration-methods/
  hosted-checkout-page; Connect SDK CreateHostedCheckoutResponse: RETURNMAC, hostedCheckoutId, partialRedirectUrl,
  merchantReference): the create answer is not a payment event, and the customer's return to returnUrl with
  RETURNMAC and hostedCheckoutId alone names a checkout without its outcome (GetHostedCheckout gives it).
  A Paypage response stored with ``Data`` already split into its pairs (a JSON object beside Seal /
  InterfaceVersion, "null" for the empty ones) reads the same.
  Sips is a Worldline product: its messages take this slug when a hint names Sips (without a hint the reply
  heuristics' family "sips" still reads them).
- GlobalCollect WebCollect XML API (Ingenico ePayments legacy, now Worldline): answers <XML><REQUEST><ACTION>
  ... <RESPONSE><RESULT>OK|NOK</RESULT> with ERROR CODE/MESSAGE on NOK and the payment's STATUSID, AMOUNT (cents),
  CURRENCYCODE, ORDERID / EFFORTID / ATTEMPTID. No stored GlobalCollect docs page was found: the STATUSID ranges
  are those wikimedia/mediawiki-extensions-DonationInterface globalcollect_gateway/GlobalCollectAdapter.php
  defineReturnValueMap() encodes (SDK source; 600 = authorised, awaiting SET_PAYMENT; 800-975 ready/processed;
  1000-1050 paid; 1800 refunded; 99999 cancelled), the error codes those of its config/error_map.yaml and of its
  tests/phpunit/includes/Responses/globalcollect/*.testresponse answers (GlobalCollect's own messages); 1500 as
  "charged back" is recollection. STATUSID 1810-2220 (failed, meaning not documented there) stay unmapped.
Amounts: ``amountOfMoney.amount`` is in minor units (cents) with ``currencyCode``; Ogone ``amount`` is a
decimal in major units.

Lifecycle identity: a Direct/Connect payment id (``3066019730_0``: the PAYID and the attempt number) is
one authorization attempt, its capture, refund and chargeback name it; a refund has its own id (the
``refund`` object of a refund.* webhook). The payment is ``references.merchantReference`` (the
merchant's order id). Ogone: PAYID is the attempt, orderID the payment. GlobalCollect: ORDERID is the payment,
ORDERID/EFFORTID/ATTEMPTID the attempt.
"""

from __future__ import annotations

from typing import Any

from payobs_pipeline.normalization.issuer_codes import ISSUER_CODE_REASONS
from payobs_pipeline.normalization.mapping import NOT_A_PAYMENT_EVENT, NOTIFICATION_WITHOUT_OUTCOME, UnmappedPayload

# ----- statuses ---------------------------------------------------------------------------------

PAYMENT_STATUSES = {
    "CREATED": "PENDING",
    "REDIRECTED": "PENDING",
    "PENDING_PAYMENT": "PENDING",
    "PENDING_FRAUD_APPROVAL": "PENDING",
    "PENDING_COMPLETION": "PENDING",
    "AUTHORIZATION_REQUESTED": "PENDING",
    # Authorized: waiting for the merchant's approval / capture.
    "PENDING_APPROVAL": "APPROVED",
    "PENDING_CAPTURE": "APPROVED",
    "ACCOUNT_VERIFIED": "APPROVED",
    # The capture was asked of the acquirer and is not yet confirmed (statusCategory
    # PENDING_CONNECT_OR_3RD_PARTY, statusCode 800 "Capture requested": a pending capture).
    "CAPTURE_REQUESTED": "PENDING",
    "CAPTURED": "APPROVED",
    "PAID": "APPROVED",
    "REJECTED": "DECLINED",
    "REJECTED_CAPTURE": "DECLINED",
    "CANCELLED": "CANCELLED",
    # Collected and then reversed by the payer's bank (bank transfers, direct debits).
    "REVERSED": "DECLINED",
    "CHARGEBACK_NOTIFICATION": "CHARGEBACK",
    "CHARGEBACKED": "CHARGEBACK",
    "REFUND_REQUESTED": "PENDING",
    "REFUNDED": "REFUNDED",
}
REFUND_STATUSES = {
    "CREATED": "PENDING",
    "PENDING_APPROVAL": "PENDING",
    "REFUND_REQUESTED": "PENDING",
    "REJECTED": "DECLINED",
    "CAPTURED": "REFUNDED",
    "REFUNDED": "REFUNDED",
    "CANCELLED": "CANCELLED",
}
# Ogone / e-Commerce STATUS (also Worldline Direct statusOutput.statusCode).
STATUS_CODES = {
    "0": "ERROR",  # invalid or incomplete
    "1": "CANCELLED",  # cancelled by customer
    "2": "DECLINED",  # authorisation refused
    "4": "PENDING", "40": "PENDING", "41": "PENDING", "46": "PENDING",
    "5": "APPROVED",  # authorised
    "50": "PENDING", "51": "PENDING",  # authorisation waiting (offline)
    "52": "UNKNOWN",  # authorisation not known
    "55": "PENDING",  # standby
    "56": "APPROVED",  # OK with scheduled payments
    "57": "DECLINED",  # not OK with scheduled payments
    "59": "PENDING",  # authorisation to be requested manually
    "6": "CANCELLED",  # authorised and cancelled
    "61": "PENDING",  # authorisation deletion waiting
    "62": "UNKNOWN",  # authorisation deletion uncertain
    "63": "ERROR",  # authorisation deletion refused
    "64": "CANCELLED",  # authorised and cancelled
    "7": "CANCELLED",  # payment deleted
    "71": "PENDING", "72": "UNKNOWN", "73": "ERROR", "74": "CANCELLED", "75": "CANCELLED",
    "8": "REFUNDED",
    "81": "PENDING",  # refund pending
    "82": "UNKNOWN",  # refund uncertain
    "83": "DECLINED",  # refund refused
    "84": "REFUNDED", "85": "REFUNDED",
    "9": "APPROVED",  # payment requested (captured)
    "91": "APPROVED",  # payment processing (authorised, capture in progress)
    "92": "UNKNOWN",  # payment uncertain
    "93": "DECLINED",  # payment refused
    "94": "DECLINED",  # refund declined by the acquirer
    "95": "APPROVED",  # payment processed by merchant
    "96": "DECLINED",  # refund reversed
    "99": "PENDING",  # being processed
}
# GetHostedCheckout status (Direct / Connect hosted checkout API).
HOSTED_CHECKOUT_STATUSES = {
    "IN_PROGRESS": "PENDING",
    "PAYMENT_CREATED": "PENDING",
    "CANCELLED_BY_CONSUMER": "CANCELLED",
    "CLIENT_NOT_ELIGIBLE_FOR_SELECTED_PAYMENT_PRODUCT": "DECLINED",
}
_REFUND_CODES = ["8", "81", "82", "83", "84", "85", "94", "96"]
_VOID_CODES = ["6", "61", "62", "63", "64", "7", "71", "72", "73", "74", "75"]

# ----- reasons --------------------------------------------------------------------------------

# 30 + ISO code + 1001: the acquirer refused with that issuer code.
_REFUSAL_CODES = {f"30{code}1001": entry for code, entry in ISSUER_CODE_REASONS.items() if len(code) == 2}
ERROR_CODES = {
    **_REFUSAL_CODES,
    "30001001": "GENERIC_DECLINE",  # payment refused by the acquirer
    "30171001": {"reason": "REVOKED", "source": "CUSTOMER"},  # customer cancellation
    "30141001": "INVALID_CARD_DATA",
    "40001134": {"reason": "AUTHENTICATION_FAILED", "source": "CUSTOMER"},  # 3DS authentication failed
    "40001135": {"reason": "AUTHENTICATION_FAILED", "source": "TECHNICAL"},  # authentication unavailable
    "40001136": {"reason": "AUTHENTICATION_FAILED", "source": "TECHNICAL"},  # browser problem
    "40001137": "ISSUER_UNAVAILABLE",  # bank temporarily unavailable
    # 5xxxxxxx NCERROR codes: NCERROR_REASONS below.
    # Connect (GlobalCollect) card errors.
    "430285": "GENERIC_DECLINE",  # not authorised
    "430306": "EXPIRED_CARD",
    # "Not authorised" (HTTP 402): the issuer refused; docs.connect.worldline-solutions.com/documentation/error-codes
    # gives that message to the issuer refusals (430285 undisclosed reason, 430360 low funds), and the reply names
    # no card-data cause.
    "430330": "GENERIC_DECLINE",
    "430409": "GENERIC_DECLINE",  # referred
}

# NCERROR 5xxxxxxx codes whose text names a cause other than the request's data (Barclaycard ePDQ's NCERROR list as
# github.com/rapiddive/catchtheweb-barclay-epdq-payment-gateway classes/rapiddive_wc_gateway_barclay.php
# reproduces it, the e-Commerce platform's "Possible errors" table; the rest of the 5xxxxxxx codes are the
# request's data, INVALID_REQUEST). With STATUS 0 they override the generic "invalid or incomplete" reading.
NCERROR_REASONS = {
    # The merchant's account set-up: what the PSPID has activated, its credentials and its security settings.
    "CONFIGURATION_ERROR": [
        "50001044",  # no acquirer configured for this operation
        "50001045",  # no UID configured for this operation
        "50001046",  # operation not permitted for the merchant
        "50001067",  # the merchant is not registered for 3D-Secure
        "50001115",  # request not received in secure mode
        "50001116",  # unknown IP address origin
        "50001117",  # no IP address origin
        "50001118",  # PSPID not found or incorrect
        "50001119",  # password incorrect or disabled due to number of errors
        "50001122",  # currency not accepted by the merchant
        "50001123",  # card type not active
        "50001184",  # SHA mismatch
        "50001186", "50001187",  # operation not permitted
        "50001218",  # no refunds allowed
    ],
    # "A technical problem has occurred. Please contact the helpdesk." / "An error occurred."
    "PROCESSING_ERROR": ["50001043", "50001047", "50001048", "50001049", "50001050", "50001051", "50001052",
                         "50001053", "50001055", "50001056", "50001057", "50001058", "50001059", "50001060",
                         "50001061", "50001062", "55555555"],
    "DUPLICATE": ["50001113", "50001133"],  # order already processed; duplicate request
    "INVALID_REQUEST": ["50001111"],  # data validation error
    "AUTHENTICATION_FAILED": ["50001134"],  # authentication failed
    "ISSUER_UNAVAILABLE": ["50001137"],  # your bank is temporarily unavailable
}
ERROR_CODES.update({code: reason for reason, codes in NCERROR_REASONS.items() for code in codes})
ERROR_CODES["50001134"] = {"reason": "AUTHENTICATION_FAILED", "source": "CUSTOMER"}


def _status_0_rules(status: str, ncerror: str) -> list[dict]:
    """STATUS 0 with a 5xxxxxxx NCERROR: the request was wrong, unless the code's text names another cause."""
    return [
        {"when": {status: "0", ncerror: {"prefix": "5"}}, "set": {"failure_reason": "INVALID_REQUEST"}},
        *({"when": {status: "0", ncerror: codes}, "set": {"failure_reason": reason}}
          for reason, codes in NCERROR_REASONS.items() if reason != "INVALID_REQUEST"),
    ]


# ----- payment methods and brands ----------------------------------------------------------------

PAYMENT_METHODS = {
    "card": "CARD",
    "mobile": "WALLET",
    "redirect": "OTHER",
    "directdebit": "DIRECT_DEBIT",
    "sepadirectdebit": "DIRECT_DEBIT",
    "banktransfer": "BANK_TRANSFER",
    "cash": "CASH_VOUCHER",
    "invoice": "BNPL",
    "einvoice": "BNPL",
    # Ogone PM values.
    "creditcard": "CARD",
    "ideal": "BANK_TRANSFER",
    "paypal": "WALLET",
    "direct debits de": "DIRECT_DEBIT",
    "direct debits nl": "DIRECT_DEBIT",
    "klarna": "BNPL",
    "bancontact/mister cash": "CARD",
}
# Payment product ids of card schemes (Worldline payment products).
CARD_PRODUCTS = {1: "visa", 2: "amex", 3: "mastercard", 117: "maestro", 125: "jcb", 128: "discover",
                 130: "cartes_bancaires", 132: "diners", 56: "unionpay"}
CARD_BRAND_KEY = "_payobs_card_brand"

# ----- fields ---------------------------------------------------------------------------------------

_OUT = "paymentOutput"
_PAYMENT_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status"],
    "reason_code": ["statusOutput.errors.0.errorCode", "statusOutput.errors.0.code", "^errors.0.errorCode",
                    "^errors.0.code"],
    "amount": [f"{_OUT}.amountOfMoney.amount", f"{_OUT}.acquiredAmount.amount"],
    "currency": [f"{_OUT}.amountOfMoney.currencyCode", f"{_OUT}.acquiredAmount.currencyCode"],
    "payment_method": [f"{_OUT}.paymentMethod"],
    "card_brand": [CARD_BRAND_KEY],
    "card_country": [f"{_OUT}.cardPaymentMethodSpecificOutput.card.countryCode"],
    "customer_country": [f"{_OUT}.customer.billingAddress.countryCode"],
    "event_time": ["^created", "statusOutput.statusCodeChangeDateTime"],
    "merchant_id": ["^merchantId"],
    "attempt_id": ["id"],
    "payment_id": [f"{_OUT}.references.merchantReference"],
}
_REFUND_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status"],
    "reason_code": ["statusOutput.errors.0.errorCode", "statusOutput.errors.0.code"],
    "amount": ["refundOutput.amountOfMoney.amount"],
    "currency": ["refundOutput.amountOfMoney.currencyCode"],
    "payment_method": ["refundOutput.paymentMethod"],
    "event_time": ["^created", "statusOutput.statusCodeChangeDateTime"],
    "merchant_id": ["^merchantId"],
    "refund_id": ["id"],
    # A refund object does not name its payment; a webhook that carries both does.
    "attempt_id": ["^payment.id"],
    "payment_id": ["refundOutput.references.merchantReference"],
}

# Connect (GlobalCollect) validation error 21000020 on the card number: "VALUE **** OF FIELD CREDITCARDNUMBER
# DID NOT PASS THE LUHNCHECK" (the card number's check digit is wrong): invalid card data, whatever the code.
LUHN_KEY = "payobs_luhn_check_failed"

_HTTP_RULES = [
    # The HTTP status of an error body says who failed (api-troubleshooting).
    {"when": {"^errors.0.httpStatusCode": ["401", "403"]}, "set": {"failure_reason": "CONFIGURATION_ERROR"}},
    {"when": {"^errors.0.httpStatusCode": ["409"]}, "set": {"failure_reason": "DUPLICATE"}},
    {"when": {"^errors.0.httpStatusCode": ["500", "502", "503"]}, "set": {"failure_reason": "PROCESSING_ERROR"}},
    {"when": {"^errors.0.httpStatusCode": ["504"]}, "set": {"failure_reason": "TIMEOUT"}},
]
_PAYMENT_RULES = [
    {"when": {"status": ["REJECTED_CAPTURE", "CAPTURE_REQUESTED"]}, "set": {"event_kind": "CAPTURE"}},
    {"when": {"^type": "payment.captured"}, "set": {"event_kind": "CAPTURE"}},
    # Cancelled after an authorisation (statusCode 6/64 "authorised and cancelled", 7/74/75 payment deleted)
    # releases it; statusCode 1 is the customer abandoning before any decision.
    {"when": {"status": "CANCELLED", "statusOutput.statusCode": _VOID_CODES}, "set": {"event_kind": "VOID"}},
    {"when": {"status": "REFUND_REQUESTED"}, "set": {"event_kind": "REFUND"}},
    # CancelPaymentResponse (Connect API reference "Cancel payment": {payment, cardPaymentMethodSpecificOutput
    # {voidResponseId}, mobilePaymentMethodSpecificOutput {voidResponseId}}): the answer to a void.
    {"when": {"status": "CANCELLED", "^cardPaymentMethodSpecificOutput.voidResponseId": {"exists": True}},
     "set": {"event_kind": "VOID"}},
    {"when": {"status": "CANCELLED", "^mobilePaymentMethodSpecificOutput.voidResponseId": {"exists": True}},
     "set": {"event_kind": "VOID"}},
    # PaymentOutput names the method by its own output object (Direct API reference PaymentOutput:
    # cardPaymentMethodSpecificOutput for cards) even where paymentMethod is left out (a trimmed webhook).
    {"when": {f"{_OUT}.paymentMethod": {"exists": False}, f"{_OUT}.cardPaymentMethodSpecificOutput": {"exists": True}},
     "set": {"payment_method": "CARD"}},
    *_HTTP_RULES,
    {"when": {f"^{LUHN_KEY}": True}, "set": {"failure_reason": "INVALID_CARD_DATA"}},
]

_OGONE_RULES = [
    {"when": {"STATUS": _REFUND_CODES}, "set": {"event_kind": "REFUND"}},
    {"when": {"STATUS": _VOID_CODES}, "set": {"event_kind": "VOID"}},
    # STATUS 0 "Invalid or incomplete" comes with NCERROR 500.../NCSTATUS 5: "At least one of the payment data
    # fields is invalid or missing. The NCERROR and NCERRORPLUS fields give an explanation of the error"
    # (e-payment-postfinance.v-psp.com/en/en/guides/user%20guides/statuses-and-errors): the request was wrong.
    *_status_0_rules("STATUS", "NCERROR"),
]

# DirectLink (Ogone / Ingenico e-Commerce, Barclaycard ePDQ, PostFinance) answers an order, maintenance or query
# request with one XML element whose attributes are the e-Commerce parameters: orderID, PAYID, PAYIDSUB
# (maintenance operations), NCSTATUS (first digit of NCERROR), NCERROR, NCERRORPLUS, ACCEPTANCE, STATUS, amount,
# currency, PM, BRAND (support.epdq.co.uk/en/integration-solutions/integrations/directlink, "Order response" and
# "Maintenance response"). The XML reader keeps attributes as "@name" keys.
_DIRECTLINK_FIELDS = {
    "provider_transaction_id": ["@PAYID"],
    "status": ["@STATUS"],
    "reason_code": ["@NCERROR"],
    "amount": ["@amount"],
    "currency": ["@currency"],
    "payment_method": ["@PM"],
    "card_brand": ["@BRAND"],
    "attempt_id": ["@PAYID"],
    "refund_id": {"join": ["@PAYID", "@PAYIDSUB"], "sep": "/"},
    "payment_id": ["@orderID"],
}
_DIRECTLINK_RULES = [
    {"when": {"@STATUS": _REFUND_CODES}, "set": {"event_kind": "REFUND"}},
    {"when": {"@STATUS": _VOID_CODES}, "set": {"event_kind": "VOID"}},
    *_status_0_rules("@STATUS", "@NCERROR"),
]

_NON_PAYMENT_TYPES = ("payout.", "token.", "mandate.", "dispute.")

# Sips 2.0 responseCode (module docstring): the outcome, and the reason when the acquirer's code names none. The
# reasons are keyed "sips:<code>" (prepare() names the code so) to stay apart from the ISO 8583 codes of
# acquirerResponseCode: Sips 51 is "amount too high", ISO 51 insufficient funds.
SIPS_STATUSES = {
    "00": "APPROVED", "60": "PENDING", "17": "CANCELLED", "97": "CANCELLED",
    **dict.fromkeys(["02", "05", "14", "34", "51", "54", "63", "75"], "DECLINED"),
    **dict.fromkeys(["03", "12", "24", "25", "30", "40", "90", "94", "99"], "ERROR"),
}
SIPS_REASONS = {
    "sips:02": "GENERIC_DECLINE",  # to be authorised by phone with the issuer: a referral
    "sips:03": "CONFIGURATION_ERROR",
    "sips:05": "GENERIC_DECLINE",
    "sips:12": "INVALID_REQUEST",
    "sips:14": "INVALID_CARD_DATA",
    "sips:24": "INVALID_REQUEST",
    "sips:25": "INVALID_REQUEST",
    "sips:30": "INVALID_REQUEST",
    "sips:34": "SUSPECTED_FRAUD",
    "sips:40": "CONFIGURATION_ERROR",  # an operation the merchant is not authorised for
    "sips:51": "LIMIT_EXCEEDED",  # amount too high
    "sips:54": "EXPIRED_CARD",
    "sips:63": {"reason": "RISK_REJECTED", "source": "PSP_RISK"},
    "sips:75": {"reason": "INVALID_CARD_DATA", "source": "CUSTOMER"},
    "sips:90": "PROCESSING_ERROR",
    "sips:94": "DUPLICATE",
    "sips:99": "PROCESSING_ERROR",
}
SIPS_KEY = "_payobs_sips"
SIPS_VARIANT = {
    "name": "sips.paypage_response",
    "root": SIPS_KEY,
    "match": {f"{SIPS_KEY}.responseCode": {"exists": True}},
    "fields": {
        "provider_transaction_id": ["transactionReference"],
        "status": ["responseCode"],
        # The acquirer's ISO 8583 code is the issuer's reason; Sips's own code when it names none.
        "reason_code": ["acquirerResponseCode", f"^{SIPS_KEY}_code"],
        "amount": ["amount"],
        "currency": ["currencyCode"],
        "event_time": ["transactionDateTime"],
        "payment_method": ["paymentMeanType"],
        "card_brand": ["paymentMeanBrand"],
        "merchant_id": ["merchantId"],
        "attempt_id": ["transactionReference"],
        "payment_id": ["orderId"],
    },
    "amount_unit": "minor",
    "status_map": SIPS_STATUSES,
    "reason_map": SIPS_REASONS,
    "payment_method_map": {"CARD": "CARD", "CREDIT_TRANSFER": "BANK_TRANSFER", "DIRECT_DEBIT": "DIRECT_DEBIT",
                           "WALLET": "WALLET", "PROVIDER": "OTHER", "VOUCHER": "OTHER"},
}


# ----- GlobalCollect WebCollect XML API (Ingenico ePayments legacy) ---------------------------------------------
# Every answer is <XML><REQUEST><ACTION/><META/><PARAMS/><RESPONSE><RESULT>OK|NOK</RESULT>...</RESPONSE></REQUEST>
# </XML>: NOK carries <ERROR><CODE/><MESSAGE/></ERROR>; GET_ORDERSTATUS / DO_PAYMENT / INSERT_ORDERWITHPAYMENT
# answers carry the payment's STATUSID (in <STATUS> or <ROW>). The STATUSID ranges and what they mean are those of
# the status-id table as wikimedia/mediawiki-extensions-DonationInterface globalcollect_gateway/
# GlobalCollectAdapter.php defineReturnValueMap() encodes it (SDK source, not a stored docs page): 0-10 and 20-70
# pending (order created, waiting for the consumer / bank), 15 refund failed, 100-180 rejected, 200 cardholder
# authenticated (the payment goes on), 220-280 and 310-350 authentication / verification failed, 300 pending,
# 400 revised, 525 challenged by the fraud ruleset, 550 and 625-650 pending, 600 authorised (waiting for
# SET_PAYMENT), 800-975 ready / processed (post-authorised), 1000-1050 paid, 1100-1520 rejected after processing,
# 1800 refunded, 99999 cancelled. 1500 as "charged back" is recollection of the WebCollect status table.
GC_KEY = "_payobs_globalcollect"
GC_STATUS_RANGES = (
    (0, 10, "pending"), (15, 15, "refund_failed"), (20, 70, "pending"), (100, 180, "rejected"),
    (200, 200, "authenticated"), (220, 280, "rejected"), (300, 300, "pending"), (310, 350, "rejected"),
    (400, 400, "revised"), (525, 525, "challenged"), (550, 550, "pending"), (600, 600, "authorised"),
    (625, 650, "pending"), (800, 975, "ready"), (1000, 1050, "paid"), (1500, 1500, "charged_back"),
    (1100, 1520, "rejected"), (1800, 1800, "refunded"), (99999, 99999, "cancelled"),
)
GC_STATUSES = {
    "gc:pending": "PENDING", "gc:authenticated": "PENDING", "gc:challenged": "PENDING", "gc:revised": "PENDING",
    "gc:refund_failed": "DECLINED", "gc:rejected": "DECLINED", "gc:authorised": "APPROVED", "gc:ready": "APPROVED",
    "gc:paid": "APPROVED", "gc:charged_back": "CHARGEBACK", "gc:refunded": "REFUNDED", "gc:cancelled": "CANCELLED",
    # RESULT NOK: the request was refused; an authorisation refusal is a decline, anything else an error.
    "gc:nok_declined": "DECLINED", "gc:nok": "ERROR",
}
# ERROR/CODE values (DonationInterface globalcollect_gateway/config/error_map.yaml names them with GlobalCollect's
# messages; 430306 "Card expired" and 400120 "INSERTATTEMPT PAYMENT FOR ORDER ALREADY FINAL" are GlobalCollect's
# own messages in its XML answers): the 430xxx "Not authorised" / "Unable to authorize" family is the
# authorisation's refusal.
GC_DECLINE_CODES = ("430306", "430452", "430285", "430260", "430330", "430354", "430357", "430581", "485000", "485010",
                    "430215", "430220", "430225", "430230", "430235", "430240", "430245", "430430", "430433")
GC_ERROR_CODES = {
    "430306": "EXPIRED_CARD",                     # Card expired
    # The issuer's refusal inside a STATUSID 100 payment's <ERRORS> (DonationInterface tests/phpunit/includes/
    # Responses/globalcollect/GET_ORDERSTATUS_4302xx-4303xx.testresponse, GlobalCollect's messages).
    "430285": "GENERIC_DECLINE",                  # Not authorised
    "430260": "SUSPECTED_FRAUD",                  # Call Security Department
    "430330": "INVALID_CARD_DATA",                # Invalid Card Number
    "430354": "INVALID_CARD_DATA",                # Issuer Unknown
    "430357": "LOST_OR_STOLEN_CARD",              # Lost or Stolen Card
    "430452": "GENERIC_DECLINE",                  # Not authorised
    "430581": {"reason": "GENERIC_DECLINE", "decline_type": "SOFT"},   # SOFT_DECLINE_BUYER_HAS_ALTERNATE_FUNDING
    "485000": {"reason": "GENERIC_DECLINE", "decline_type": "SOFT"},   # NEW_ACCOUNT_INFO_AVAILABLE
    "485010": {"reason": "ISSUER_UNAVAILABLE", "decline_type": "SOFT"},  # TRY_AGAIN_LATER
    **{code: "ISSUER_UNAVAILABLE" for code in ("430215", "430220", "430225", "430230", "430235", "430240",
                                                  "430245")},  # Unable to authorize COMMS_FAIL_1xx/6xx
    "430430": "TIMEOUT",                          # Unable to authorize TIMEOUT
    "430433": "LIMIT_EXCEEDED",                   # Unable to authorize TOO_MUCH_USAGE
    "400120": "DUPLICATE",                        # INSERTATTEMPT PAYMENT FOR ORDER ALREADY FINAL (order id reused)
    "300620": "DUPLICATE",                        # Order ID already used in a previous transaction
    "430900": "CONFIGURATION_ERROR",              # NO VALID PROVIDERS FOUND FOR COMBINATION (merchant set-up)
    "102020": "CONFIGURATION_ERROR",              # ACTION NNN IS NOT ALLOWED FOR MERCHANT NNN, IPADDRESS ...
    "20205": "PROCESSING_ERROR",                  # COULD NOT START TRANSACTION
    "103000": "PROCESSING_ERROR",                 # ANOTHER_ACTION_IS_IN_PROCESS
    "400850": "ISSUER_UNAVAILABLE",               # IDEAL_SYSTEM_MAINTENANCE
    "430150": "PROCESSING_ERROR",                 # READ_REQUEST_EXCEPTION
    "430160": "PROCESSING_ERROR",                 # ALL_TERMINAL_IDS_FOR_MERCHANT_CURRENCY_IN_USE
    "4311130": "PROCESSING_ERROR",                # PBS_SERVICE_NOT_AVAILABLE
    "4360025": "PROCESSING_ERROR",                # ECARD SYSTEM ERROR
    "4500600": "PROCESSING_ERROR",                # BOKU ERROR
    "4500700": "PROCESSING_ERROR",                # SUB1 ERROR
    "22000045": "PROCESSING_ERROR",               # COMMUNICATION ERROR
    "9999999999": "PROCESSING_ERROR",             # ERROR_IN_PROCESSING_THE_REQUEST
}
GC_ACTIONS = ["GET_ORDERSTATUS", "DO_PAYMENT", "INSERT_ORDERWITHPAYMENT", "SET_PAYMENT", "DO_FINISHPAYMENT",
              "CANCEL_PAYMENT", "DO_REFUND", "SET_REFUND", "DO_BANKVALIDATION"]
GC_VARIANT = {
    "name": "globalcollect.xml_response",
    "root": GC_KEY,
    "match": {f"{GC_KEY}.outcome": {"exists": True}},
    "fields": {
        "status": ["outcome"],
        "reason_code": ["error_code", "status_error_codes.0", "status_error_codes.1", "status_error_codes.2"],
        "amount": ["AMOUNT"],
        "currency": ["CURRENCYCODE"],
        "provider_transaction_id": ["PAYMENTREFERENCE", "ORDERID"],
        # An order (ORDERID) is paid by efforts (EFFORTID), each tried by attempts (ATTEMPTID).
        "attempt_id": {"join": ["ORDERID", "EFFORTID", "ATTEMPTID"], "sep": "/"},
        "payment_id": ["ORDERID"],
        "payment_method": ["PAYMENTMETHODID"],
        "merchant_id": ["MERCHANTID"],
    },
    "amount_unit": "minor",
    "status_map": GC_STATUSES,
    "reason_map": GC_ERROR_CODES,
    "payment_method_map": {"1": "CARD"},
    "rules": [
        {"when": {"outcome": "gc:paid"}, "set": {"event_kind": "CAPTURE"}},
        {"when": {"outcome": ["gc:refunded", "gc:refund_failed"]}, "set": {"event_kind": "REFUND"}},
        {"when": {"outcome": "gc:charged_back"}, "set": {"event_kind": "DISPUTE"}},
    ],
}


def _gc_status_class(status_id: str) -> str | None:
    try:
        number = int(status_id)
    except (TypeError, ValueError):
        return None
    return next((name for low, high, name in GC_STATUS_RANGES if low <= number <= high), None)


def _globalcollect(body: dict) -> dict | None:
    """A GlobalCollect XML answer flattened: the payment's fields, the echoed request's amount, the outcome."""
    request = body.get("XML", {}).get("REQUEST") if isinstance(body.get("XML"), dict) else None
    if not isinstance(request, dict) or not isinstance(request.get("RESPONSE"), dict):
        return None
    response = request["RESPONSE"]
    result = str(response.get("RESULT", "")).strip().upper()
    if result not in ("OK", "NOK"):
        return None
    flat: dict = {}
    params = request.get("PARAMS") if isinstance(request.get("PARAMS"), dict) else {}
    # The answer's own values win over the request's echo (PARAMS ORDER / PAYMENT).
    for part in (params.get("ORDER"), params.get("PAYMENT"), response.get("ROW"), response.get("STATUS")):
        if isinstance(part, dict):
            flat.update({k: v for k, v in part.items() if isinstance(v, str) and v != ""})
    # A rejected payment's own errors: <STATUS><ERRORS><ERROR><TYPE>B</TYPE><CODE>430285</CODE>...
    errors = response.get("STATUS", {}).get("ERRORS") if isinstance(response.get("STATUS"), dict) else None
    errors = errors.get("ERROR") if isinstance(errors, dict) else None
    errors = errors if isinstance(errors, list) else [errors] if isinstance(errors, dict) else []
    flat["status_error_codes"] = [str(e.get("CODE", "")).strip() for e in errors if isinstance(e, dict)]
    error = response.get("ERROR")
    if isinstance(error, list):
        error = error[0] if error else None
    if result == "NOK":
        code = str(error.get("CODE", "")).strip() if isinstance(error, dict) else ""
        flat["error_code"] = code
        flat["outcome"] = "gc:nok_declined" if code in GC_DECLINE_CODES else "gc:nok"
    else:
        status_class = _gc_status_class(flat.get("STATUSID"))
        if status_class is None:
            return None
        flat["outcome"] = f"gc:{status_class}"
    return flat


SPEC = {
    "provider": "worldline",
    "aliases": ["worldline", "worldline_direct", "worldlinedirect", "ingenico", "ingenico_direct", "ingenico_connect",
                "ingenico_epayments", "globalcollect", "global_collect", "gcs", "ogone", "worldline_ecommerce",
                "worldline_global_collect",
                # Barclaycard ePDQ is the Ingenico ePayments (Ogone) platform sold by Barclaycard: the same
                # DirectLink / e-Commerce parameters, STATUS and NCERROR codes (support.epdq.co.uk/en/
                # integration-solutions/integrations/directlink: "returns the response to your server in XML
                # format"; support.epdq.co.uk guides are the Ingenico e-Commerce guides rebranded).
                "epdq", "barclaycard_epdq", "barclaycardepdq", "ogone_directlink", "ingenico_directlink",
                # Worldline Sips (formerly Atos Sips) Paypage / Office.
                "sips", "worldline_sips", "atos_sips", "sips2", "sips_paypage"],
    "detect": [
        {"path": "payment.statusOutput.statusCategory", "exists": True, "weight": 0.6},
        {"path": "payment.statusOutput.statusCode", "exists": True, "weight": 0.3},
        {"path": "payment.paymentOutput.amountOfMoney", "exists": True, "weight": 0.3},
        # A webhook's payment as integrations keep it (trimmed: no id, no amount): PaymentOutput's per-method
        # objects are Worldline's names (Direct API reference PaymentOutput: cardPaymentMethodSpecificOutput,
        # redirectPaymentMethodSpecificOutput, mobilePaymentMethodSpecificOutput,
        # sepaDirectDebitPaymentMethodSpecificOutput; PaymentResponse.hostedCheckoutSpecificOutput).
        *({"path": f"payment.paymentOutput.{key}PaymentMethodSpecificOutput", "exists": True, "weight": 0.4}
          for key in ("card", "redirect", "mobile", "sepaDirectDebit")),
        {"path": "payment.hostedCheckoutSpecificOutput.hostedCheckoutId", "exists": True, "weight": 0.2},
        {"path": "payment.status", "in": ["CREATED", "CANCELLED", "REJECTED", "REJECTED_CAPTURE", "REDIRECTED",
                                          "PENDING_PAYMENT", "PENDING_COMPLETION", "PENDING_CAPTURE",
                                          "AUTHORIZATION_REQUESTED", "CAPTURE_REQUESTED", "CAPTURED",
                                          "REFUND_REQUESTED", "REFUNDED"], "weight": 0.1},
        {"path": "statusOutput.statusCategory", "exists": True, "weight": 0.6},
        {"path": "paymentOutput.amountOfMoney", "exists": True, "weight": 0.3},
        {"path": "refund.refundOutput", "exists": True, "weight": 0.6},
        {"path": "refundOutput.amountOfMoney", "exists": True, "weight": 0.6},
        {"path": "creationOutput", "exists": True, "weight": 0.2},
        {"path": "payout.payoutOutput", "exists": True, "weight": 0.6},
        {"path": "createdPaymentOutput", "exists": True, "weight": 0.4},
        {"path": "createdPaymentOutput.payment.statusOutput", "exists": True, "weight": 0.3},
        {"path": "paymentResult.payment.statusOutput", "exists": True, "weight": 0.5},
        {"path": "errorId", "exists": True, "weight": 0.3},
        {"path": "errors.0.httpStatusCode", "exists": True, "weight": 0.3},
        # Connect error bodies name the request property that was missing or wrong (response-codes page:
        # "propertyName: returned only if the error relates to a value that was missing or incorrect").
        {"path": "errors.0.propertyName", "exists": True, "weight": 0.2},
        {"path": "apiVersion", "in": ["v1", "v2"], "weight": 0.1},
        # Ogone / e-Commerce (key=value).
        {"path": "NCERROR", "exists": True, "weight": 0.4},
        # Sips 1.0 (Atos) responses: payment_certificate, bank_response_code, complementary_code.
        {"path": "payment_certificate", "exists": True, "weight": 0.3},
        # CreateHostedCheckout answer / returnUrl parameters: RETURNMAC with hostedCheckoutId.
        {"path": "RETURNMAC", "exists": True, "weight": 0.4},
        {"path": "hostedCheckoutId", "exists": True, "weight": 0.2},
        {"path": "bank_response_code", "exists": True, "weight": 0.2},
        {"path": "complementary_code", "exists": True, "weight": 0.1},
        {"path": "PAYID", "exists": True, "weight": 0.3},
        {"path": "STATUS", "exists": True, "weight": 0.1},
        {"path": "ACCEPTANCE", "exists": True, "weight": 0.1},
        # Ogone / ePDQ DirectLink XML reply: <ncresponse orderID PAYID NCSTATUS NCERROR ... STATUS/>.
        {"path": "ncresponse.@NCSTATUS", "exists": True, "weight": 0.5},
        {"path": "ncresponse.@PAYID", "exists": True, "weight": 0.3},
        {"path": "ncresponse.@STATUS", "exists": True, "weight": 0.2},
        # GlobalCollect WebCollect XML answers: <XML><REQUEST><ACTION>GET_ORDERSTATUS ... <RESPONSE><RESULT>.
        {"path": "XML.REQUEST.ACTION", "in": GC_ACTIONS, "weight": 0.3},
        {"path": "XML.REQUEST.RESPONSE.RESULT", "in": ["OK", "NOK"], "weight": 0.3},
    ],
    "amount_unit": "minor",
    "status_map": PAYMENT_STATUSES,
    "reason_map": ERROR_CODES,
    "reason_fallback": "iso8583",
    "payment_method_map": PAYMENT_METHODS,
    "variants": [
        SIPS_VARIANT,
        GC_VARIANT,
        {"name": "webhook.not_a_payment", "match": {"type": {"prefix": list(_NON_PAYMENT_TYPES)}},
         "not_a_payment": "a Worldline payout, token or mandate event"},
        {"name": "webhook.refund", "root": "refund", "match": {"refund.id": {"exists": True}},
         "fields": _REFUND_FIELDS, "status_map": REFUND_STATUSES, "event_kind": "REFUND"},
        {"name": "webhook.payment", "root": "payment", "match": {"payment.id": {"exists": True},
                                                                  "payment.status": {"exists": True}},
         "fields": _PAYMENT_FIELDS, "rules": _PAYMENT_RULES},
        # A Direct webhook's payment stored without its id (a trimmed notification): status and output still
        # say the outcome (statuses page: CAPTURED = funds captured).
        {"name": "webhook.payment_without_id", "root": "payment",
         "match": {"payment.status": list(PAYMENT_STATUSES), "payment.paymentOutput": {"exists": True}},
         "fields": _PAYMENT_FIELDS, "rules": _PAYMENT_RULES},
        # A 402 rejection: the error body carries the rejected payment.
        {"name": "rejected", "root": "paymentResult.payment",
         "match": {"paymentResult.payment.status": {"exists": True}},
         "fields": _PAYMENT_FIELDS, "rules": _PAYMENT_RULES},
        # GetHostedCheckout once the customer paid: the payment it created.
        {"name": "hosted_checkout.payment", "root": "createdPaymentOutput.payment",
         "match": {"createdPaymentOutput.payment.status": {"exists": True}},
         "fields": _PAYMENT_FIELDS, "rules": _PAYMENT_RULES},
        # GetHostedCheckout before a payment exists: the checkout session as a whole.
        {"name": "hosted_checkout", "match": {"status": list(HOSTED_CHECKOUT_STATUSES)},
         "status_map": HOSTED_CHECKOUT_STATUSES, "event_kind": "PAYMENT",
         "fields": {"status": ["status"], "provider_transaction_id": ["hostedCheckoutId"]},
         "rules": [{"when": {"status": "CLIENT_NOT_ELIGIBLE_FOR_SELECTED_PAYMENT_PRODUCT"},
                    "set": {"failure_reason": "TRANSACTION_NOT_PERMITTED"}}]},
        {"name": "refund", "match": {"refundOutput": {"exists": True}, "status": {"exists": True}},
         "fields": _REFUND_FIELDS,
         "status_map": REFUND_STATUSES, "event_kind": "REFUND"},
        {"name": "payment", "match": {"statusOutput": {"exists": True}, "status": {"exists": True}},
         "fields": _PAYMENT_FIELDS, "rules": _PAYMENT_RULES},
        {
            # Any other error body (400/401/403/404/409/5xx) without a payment: the request failed.
            "name": "error",
            "match": {"errorId": {"exists": True}, "errors": {"exists": True}},
            "status": "ERROR",
            "fields": {"reason_code": ["errors.0.errorCode", "errors.0.code"],
                       "status": ["errors.0.httpStatusCode"]},
            "rules": [
                {"when": {"errors.0.httpStatusCode": ["400", "404", "422"]},
                 "set": {"failure_reason": "INVALID_REQUEST"}},
                # An error naming a request property: that value was missing or incorrect (Connect
                # apireference.connect.worldline-solutions.com/s2sapi/v1/en_US/dotnet/response-codes.html).
                {"when": {"errors.0.propertyName": {"exists": True}, "errors.0.httpStatusCode": {"exists": False}},
                 "set": {"failure_reason": "INVALID_REQUEST"}},
                *_HTTP_RULES,
            ],
        },
        {
            # Ogone / Worldline e-Commerce redirect parameters or post-sale notification (key=value).
            "name": "ecommerce",
            "match": {"STATUS": {"exists": True}, "PAYID": {"exists": True}},
            "amount_unit": "major",
            "fields": {
                "provider_transaction_id": ["PAYID"],
                "status": ["STATUS"],
                "reason_code": ["NCERROR"],
                "amount": ["amount", "AMOUNT"],
                "currency": ["currency", "CURRENCY"],
                "payment_method": ["PM"],
                "card_brand": ["BRAND"],
                "event_time": ["TRXDATE"],
                "attempt_id": ["PAYID"],
                # A maintenance operation (refund, cancellation) is PAYID/PAYIDSUB.
                "refund_id": {"join": ["PAYID", "PAYIDSUB"], "sep": "/"},
                "payment_id": ["orderID", "ORDERID"],
                "customer_country": ["IPCTY"],
                "card_country": ["CCCTY"],
            },
            "status_map": STATUS_CODES,
            "rules": _OGONE_RULES,
        },
        {
            # DirectLink XML reply (new order, maintenance, direct query), Ogone / ePDQ.
            "name": "directlink",
            "root": "ncresponse",
            "match": {"ncresponse.@STATUS": {"exists": True}},
            "amount_unit": "major",
            "fields": _DIRECTLINK_FIELDS,
            "status_map": STATUS_CODES,
            "rules": _DIRECTLINK_RULES,
        },
    ],
}


def sips_data_pairs(data: str) -> dict[str, str]:
    """A Sips 2.0 ``Data`` field's "key=value|key=value" pairs (Sips "Paypage POST"): the first of a repeated
    key wins; empty and "null" values are left out. The reply heuristics' sips family reads them too."""
    pairs: dict[str, str] = {}
    for part in data.split("|"):
        name, sep, value = part.partition("=")
        value = value.strip()
        if sep and value and value.lower() != "null":
            pairs.setdefault(name.strip(), value)
    return pairs


def _sips_pairs(body: dict) -> dict[str, str] | None:
    """A Sips Paypage response's ``Data`` pairs, when Seal or InterfaceVersion sits beside it."""
    data = body.get("Data")
    if not ({"Seal", "InterfaceVersion"} & body.keys()):
        return None
    if isinstance(data, dict) and "responseCode" in data:
        # The same Data already split into its pairs (an integration that stores the parsed POST).
        return {str(k): str(v).strip() for k, v in data.items()
                if v is not None and str(v).strip() and str(v).strip().lower() != "null"}
    if not isinstance(data, str) or "responseCode=" not in data:
        return None
    return sips_data_pairs(data)


# Sips 1.0 (the Atos API's response, "Sips Dictionnaire des données") fields read as their Sips 2.0 names.
_SIPS1_NAMES = {"response_code": "responseCode", "bank_response_code": "acquirerResponseCode", "amount": "amount",
                "currency_code": "currencyCode", "transaction_id": "transactionReference", "merchant_id": "merchantId",
                "order_id": "orderId"}


def _sips1_pairs(body: dict) -> dict[str, str] | None:
    """A Sips 1.0 response (response_code beside merchant_id and payment_certificate / bank_response_code)."""
    if "response_code" not in body or "merchant_id" not in body:
        return None
    if not ({"payment_certificate", "bank_response_code"} & body.keys()):
        return None
    pairs = {new: str(body[old]).strip() for old, new in _SIPS1_NAMES.items() if body.get(old) is not None}
    return {k: v for k, v in pairs.items() if v}


def _sips_office_pairs(body: dict) -> dict[str, str] | None:
    """A Sips Office JSON response (responseCode and seal at the top, with the acquirer's code or the reference)."""
    if "responseCode" not in body or "seal" not in body:
        return None
    if not ({"acquirerResponseCode", "transactionReference", "authorisationId"} & body.keys()):
        return None
    return {k: str(v).strip() for k, v in body.items()
            if isinstance(v, (str, int)) and not isinstance(v, bool) and str(v).strip()
            and str(v).strip().lower() != "null"}


# Where a payment object sits in the documents (the document itself, a webhook, a 402 body, a hosted checkout).
_PAYMENT_HOLDERS = ((), ("payment",), ("paymentResult", "payment"), ("createdPaymentOutput", "payment"))


def _with_brand(node: Any, path: tuple[str, ...]) -> Any:
    """A copy of ``node`` whose payment at ``path`` names its card scheme, or None if it has none."""
    if not isinstance(node, dict):
        return None
    if path:
        inner = _with_brand(node.get(path[0]), path[1:])
        return None if inner is None else {**node, path[0]: inner}
    output = node.get("paymentOutput")
    card = output.get("cardPaymentMethodSpecificOutput") if isinstance(output, dict) else None
    product = card.get("paymentProductId") if isinstance(card, dict) else None
    try:
        brand = CARD_PRODUCTS.get(int(product)) if product is not None else None
    except (TypeError, ValueError):
        brand = None
    return {**node, CARD_BRAND_KEY: brand} if brand else None




def _luhn_failed(body: dict) -> bool:
    holders = [body.get("errors")]
    result = body.get("paymentResult")
    payment = result.get("payment") if isinstance(result, dict) else None
    status = payment.get("statusOutput") if isinstance(payment, dict) else None
    if isinstance(status, dict):
        holders.append(status.get("errors"))
    for errors in holders:
        for error in errors if isinstance(errors, list) else []:
            message = error.get("message") if isinstance(error, dict) else None
            if isinstance(message, str) and "LUHNCHECK" in message.upper().replace(" ", ""):
                return True
    return False


def _refuse_hosted_checkout_without_outcome(body: dict) -> None:
    """CreateHostedCheckout's answer and the returnUrl's RETURNMAC / hostedCheckoutId name a checkout, no outcome.

    The create answer (RETURNMAC, hostedCheckoutId, partialRedirectUrl / redirectUrl, merchantReference) only opens
    the hosted page: not a payment event. The customer's return to returnUrl carries RETURNMAC and hostedCheckoutId
    alone; GetHostedCheckout gives the status (Hosted Checkout Page guide, step "Redirect to returnUrl").
    """
    if "RETURNMAC" not in body or "hostedCheckoutId" not in body:
        return
    if {"status", "createdPaymentOutput", "payment"} & body.keys():
        return
    if {"partialRedirectUrl", "redirectUrl"} & body.keys():
        raise UnmappedPayload(NOT_A_PAYMENT_EVENT, "worldline: CreateHostedCheckout answer opens a hosted page only")
    raise UnmappedPayload(NOTIFICATION_WITHOUT_OUTCOME,
                          "worldline: returnUrl RETURNMAC / hostedCheckoutId only; GetHostedCheckout gives the status")


def prepare(body: Any) -> Any:
    """A copy with the card scheme named from the payment product id and NCERROR "0" (no error) dropped.

    Pure: the original is untouched.
    """
    if not isinstance(body, dict):
        return body
    _refuse_hosted_checkout_without_outcome(body)
    globalcollect = _globalcollect(body)
    if globalcollect is not None:
        return {**body, GC_KEY: globalcollect}
    sips = _sips_pairs(body) or _sips1_pairs(body) or _sips_office_pairs(body)
    if sips is not None:
        return {**body, SIPS_KEY: sips, f"{SIPS_KEY}_code": f"sips:{sips.get('responseCode', '')}"}
    if str(body.get("NCERROR", "")).strip() == "0":
        body = {k: v for k, v in body.items() if k != "NCERROR"}
    reply = body.get("ncresponse")
    if isinstance(reply, dict) and str(reply.get("@NCERROR", "")).strip() == "0":
        body = {**body, "ncresponse": {k: v for k, v in reply.items() if k != "@NCERROR"}}
    if _luhn_failed(body):
        body = {**body, LUHN_KEY: True}
    for path in _PAYMENT_HOLDERS:
        branded = _with_brand(body, path)
        if branded is not None:
            return branded
    return body
