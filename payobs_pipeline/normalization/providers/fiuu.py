"""Fiuu (formerly MOLPay, then Razer Merchant Services; Malaysia and South-East Asia): the payment result posted to
the merchant's return, notification and callback URLs, the payment status query (PSQ) answer, the advanced
full / partial refund answer and the API error body.

Sources (the Fiuu developer documentation, docs.fiuu.dev, formerly the MOLPay / Razer Merchant Services API
specification):
- "Getting Payment Result" (https://docs.fiuu.dev/docs/getting-payment-result): the same parameters reach the
  return URL, the notification URL and the callback URL (the callback, for deferred channels such as cash
  payments, adds ``nbcb``): amount ("2 decimal points numeric value"), orderid (the merchant's invoice / order
  number), tranID ("Unique transaction ID for tracking purpose"), domain (the merchant id), status ("00 for
  Successful payment, 11 for failed status, 22 if pending"), appcode (the bank approval code), error_code,
  error_desc, skey (the integrity hash), currency ("Default currency is MYR ... for Malaysia channels"),
  channel, paydate ("YYYY-MM-DD HH:mm:ss"), extraP.
- "Handling Razer Merchant Services Payment Status" (merchant.razer.com/v3/blog/handling-molpay-payment-status):
  return URL, callback URL ("defer status update, such as ... cash payment") and notification URL carry one result.
- "Error Codes" (https://docs.fiuu.dev/reference/error-codes; the same table in the Fiuu Indonesia technical doc,
  e2payprod.gitbook.io .../technical-doc-of-fiuu-id/error-codes): the payment page codes P01 Timeout ... P55
  "Card type is not supported", P403, P404, P990, P991, P1813, R01, T01 and the channel code 01 ("Unsuccessful.
  Timeout due to user did not authorize the payment"), each mapped below.
- Payment status query by transaction id (the ``StatCode`` / ``StatName`` / ``TranID`` / ``Amount`` / ``Domain``
  / ``Channel`` / ``OrderID`` / ``Currency`` / ``ErrorCode`` / ``ErrorDesc`` / ``VrfKey`` answer; the field names as
  the Fiuu TypeScript client's PaymentTransaction... response types state them): StatCode 00 / 11 / 22 as above.
- "Advanced Full/Partial Refund" (https://docs.fiuu.dev/docs/advanced-fullpartial-refund) and "Partial Refund
  Status Inquiry" (https://docs.fiuu.dev/docs/partial-refund-status-inquiry-by-txnidrefid): the answer names
  RefundType, MerchantID, RefID (the merchant's refund reference), RefundID (Fiuu's), TxnID (the refunded
  transaction), Amount, Status and Signature; Status 00 is a refund done, 11 rejected, 22 pending (the same
  three codes as a payment's). A negative result is a JSON ``{error_code, error_desc}`` body, which is also the
  Direct Server API's error answer.

Not found: the channel-level "Error Codes from Payment Channel", "Host Error" and 3DS error tables (their rows were not
in the pages read), the refund API's own error code appendix, the PSQ ``StatName`` list, the channel references table
(the channel names mapped to payment methods below are recollections of Fiuu's channel lists; a name not listed is
OTHER) and the reversal (refund.php) reference table: codes of those tables keep their raw value and the status
decides (a failed result with an unknown code is DECLINED / UNKNOWN). ``paydate`` carries no offset and is read as
UTC (Fiuu's Malaysian channels report local time).

Lifecycle identity: tranID (PSQ TranID, refund TxnID) is the attempt; the merchant's orderid is the payment; the
refund answer's RefundID is the refund.
"""

from __future__ import annotations

STATUSES = {"00": "APPROVED", "11": "DECLINED", "22": "PENDING"}

REFUND_STATUSES = {"00": "REFUNDED", "11": "DECLINED", "22": "PENDING"}

MERCHANT_CONFIG = {"reason": "CONFIGURATION_ERROR", "source": "MERCHANT_CONFIG"}
TECHNICAL = {"reason": "PROCESSING_ERROR", "source": "TECHNICAL"}

# docs.fiuu.dev/reference/error-codes, "Payment Page" table.
REASONS = {
    "11": "UNKNOWN",  # a failed result naming no code
    "P01": "TIMEOUT",
    "P02": MERCHANT_CONFIG,  # denied due to merchant account issue / channel not available for merchant
    "P03": "INVALID_REQUEST",  # payment info format not correct / incorrect vcode
    "P04": "INVALID_REQUEST",  # incomplete buyer information
    "P05": MERCHANT_CONFIG,  # payment gateway not found: invalid channel code
    "P06": TECHNICAL,  # system busy, temporarily out of service
    "P07": MERCHANT_CONFIG,  # merchant URL not allowed / not registered
    "P08": "INVALID_REQUEST",  # invalid referral
    "P09": "DUPLICATE",  # duplicate payment not allowed (same order id and amount)
    "P10": {"reason": "INVALID_CARD_DATA", "source": "CUSTOMER"},  # card number, CVV or expiry not valid
    "P11": TECHNICAL,  # amount returned from bank does not match
    "P12": TECHNICAL,  # signature from bank does not match
    "P13": "TRANSACTION_NOT_PERMITTED",  # currency not supported
    "P14": "INVALID_REQUEST",  # amount below the minimum
    "P15": "INVALID_REQUEST",  # amount above the maximum
    "P16": MERCHANT_CONFIG,  # invalid subMerchantID
    "P17": TECHNICAL,  # unable to retrieve the exchange rate
    "P18": TECHNICAL,  # empty currency rate
    "P19": "INVALID_REQUEST",  # invalid order id
    "P21": {"reason": "RISK_REJECTED", "source": "PSP_RISK"},  # massive errors from the same IP address
    "P22": {"reason": "RISK_REJECTED", "source": "PSP_RISK"},
    "P33": TECHNICAL,  # system is busy
    "P44": "INVALID_REQUEST",  # bill description format incorrect
    "P45": "INVALID_REQUEST",  # subtotal does not match the bill amount
    "P46": MERCHANT_CONFIG,  # merchant not allowed to use this payment method
    "P47": "ISSUER_UNAVAILABLE",  # bank under maintenance
    "P48": "TRANSACTION_NOT_PERMITTED",  # TxnType not supported for this channel
    "P49": "INVALID_REQUEST",  # original transaction / scheme id not found
    "P50": "TRANSACTION_NOT_PERMITTED",  # card not eligible for installment plan
    "P51": "TRANSACTION_NOT_PERMITTED",  # only debit card allowed
    "P52": "INVALID_REQUEST",  # invalid customer id
    "P53": "EXPIRED_CARD",  # rejected due to card expired
    "P54": "LIMIT_EXCEEDED",  # exceeded attempt limit this month
    "P55": "TRANSACTION_NOT_PERMITTED",  # card type not supported
    "P403": MERCHANT_CONFIG,  # invalid payment URL
    "P404": MERCHANT_CONFIG,  # invalid merchant id
    "P990": TECHNICAL,  # not able to process the request now
    "P991": TECHNICAL,  # temporarily not available due to a security issue
    "P1813": MERCHANT_CONFIG,  # URL is not allowed
    "R01": MERCHANT_CONFIG,  # error in payment process due to empty key
    "T01": TECHNICAL,  # tokenization error
    # "Unsuccessful. Timeout due to user did not authorize the payment": the buyer did not complete the bank's
    # authorization step.
    "01": {"reason": "AUTHENTICATION_FAILED", "source": "CUSTOMER"},
}

# Channel names of the payment result (recollections of the hosted page's channel references, see the docstring).
PAYMENT_METHODS = {
    **{card: "CARD" for card in ("credit", "credit3", "credit5", "credit7", "creditan", "creditai", "creditax",
                                 "cc", "card", "visa", "mastercard", "amex", "unionpay")},
    **{bank: "BANK_TRANSFER" for bank in ("fpx", "fpx_b2b", "fpx_mb2u", "fpx_cimbclicks", "fpx_hlb", "fpx_rhb",
                                          "fpx_amb", "fpx_pbb", "fpx_bimb", "fpx_bkrm", "fpx_bsn", "fpx_ocbc",
                                          "fpx_scb", "fpx_uob", "fpx_abb", "fpx_abmb", "fpx_kfh", "maybank2u",
                                          "mb2u", "cimb", "cimbclicks", "hlb", "rhb", "amb", "pbb",
                                          "bankislam", "duitnow-obw", "paynow", "promptpay")},
    **{wallet: "WALLET" for wallet in ("tng-ewallet", "boost", "grabpay", "shopeepay", "wechatpaymy", "alipay",
                                       "mb2u_qrpay-push", "razerpay", "duitnow-qr", "gcash", "mcash")},
    **{cash: "CASH_VOUCHER" for cash in ("cash-711", "cash-epay", "cash-esapay", "cash", "cash-jompay",
                                         "7-eleven", "jompay")},
    **{bnpl: "BNPL" for bnpl in ("atome", "hoolah", "pace", "grabpaylater", "shopback-paylater")},
}

SPEC = {
    "provider": "fiuu",
    "aliases": ["fiuu", "fiuu payment", "molpay", "mol pay", "razer merchant services", "razerms", "razer_ms",
                "rms_molpay", "razer pay merchant services"],
    "detect": [
        # Return / notification / callback parameters.
        {"path": "tranID", "exists": True, "weight": 0.3},
        {"path": "skey", "exists": True, "weight": 0.3},
        {"path": "domain", "exists": True, "weight": 0.1},
        {"path": "appcode", "exists": True, "weight": 0.1},
        {"path": "paydate", "exists": True, "weight": 0.1},
        {"path": "status", "in": list(STATUSES), "weight": 0.1},
        {"path": "nbcb", "exists": True, "weight": 0.1},
        # Payment status query.
        {"path": "StatCode", "in": list(STATUSES), "weight": 0.2},
        {"path": "StatName", "exists": True, "weight": 0.1},
        {"path": "VrfKey", "exists": True, "weight": 0.3},
        {"path": "TranID", "exists": True, "weight": 0.2},
        # Refund answer.
        {"path": "RefundID", "exists": True, "weight": 0.3},
        {"path": "RefundType", "in": ["P", "F"], "weight": 0.2},
        {"path": "TxnID", "exists": True, "weight": 0.1},
        {"path": "RefID", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "major",
    "default_currency": "MYR",  # "Default currency is MYR ... for Malaysia channels"
    "status_map": STATUSES,
    "reason_map": REASONS,
    "payment_method_map": PAYMENT_METHODS,
    "variants": [
        {
            "name": "payment_result",
            "match": {"tranID": {"exists": True}, "status": {"exists": True}},
            "event_kind": "AUTHORIZATION",
            "fields": {
                "provider_transaction_id": ["tranID"],
                "status": ["status"],
                "reason_code": ["error_code", "status"],
                "amount": ["amount"],
                "currency": ["currency"],
                "event_time": ["paydate"],
                "payment_method": ["channel"],
                "merchant_id": ["domain"],
                "attempt_id": ["tranID"],
                "payment_id": ["orderid"],
            },
        },
        {
            "name": "status_query",
            "match": {"StatCode": {"exists": True}, "TranID": {"exists": True}},
            "event_kind": "AUTHORIZATION",
            "fields": {
                "provider_transaction_id": ["TranID"],
                "status": ["StatCode"],
                "reason_code": ["ErrorCode", "StatCode"],
                "amount": ["Amount"],
                "currency": ["Currency"],
                "payment_method": ["Channel"],
                "merchant_id": ["Domain"],
                "attempt_id": ["TranID"],
                "payment_id": ["OrderID"],
            },
        },
        {
            "name": "refund",
            "match": {"RefundID": {"exists": True}, "Status": {"exists": True}},
            "event_kind": "REFUND",
            "status_map": REFUND_STATUSES,
            "fields": {
                "provider_transaction_id": ["RefundID"],
                "status": ["Status"],
                "reason_code": ["Status"],
                "amount": ["Amount"],
                "merchant_id": ["MerchantID"],
                "attempt_id": ["TxnID"],
                "refund_id": ["RefundID"],
            },
        },
        {
            # The negative answer of the refund and Direct Server APIs: {error_code, error_desc}, no transaction.
            "name": "error",
            "match": {"error_code": {"exists": True}, "tranID": {"exists": False}},
            "status": "ERROR",
            "default_currency": None,
            # A documented code gives its reason; an undocumented one stays UNKNOWN (the body names no type).
            "fields": {"reason_code": ["error_code"]},
        },
    ],
}
