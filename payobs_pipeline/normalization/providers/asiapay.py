"""AsiaPay PayDollar / PesoPay / SiamPay (Hong Kong and South-East Asia): the PayGate data feed, the server-side
notification PayDollar posts to the merchant for every transaction.

Sources (the PayDollar PayGate Integration Guide, "Data Feed" output and "Response codes", as the merchant kits
copy its tables — e.g. the prcResponse / srcResponse arrays of AsiaPay's PHP samples and the rspCodeMap of the Go
client, both shown in the stored code):
- Data feed fields: successcode ("0 – succeeded, 1 – failure, others – error"), Ref (the merchant's order
  reference), PayRef (PayDollar's payment reference), Ord (the bank's reference), Amt (amount, a decimal in the
  currency's major units), Cur (ISO 4217 numeric currency code: 344 HKD, 840 USD, 702 SGD, 156 CNY, ...), prc /
  src (primary / secondary response code), AuthId, Holder, payMethod (VISA, Master, JCB, AMEX, Diners, CUP,
  ALIPAY, WECHAT, PPS, FPS, ...), TxTime, panFirst4 / panFirst6 / panLast4, cardIssuingCountry, ipCountry, eci,
  payerAuth, channelType, AlertCode, MerchantId, remark, sourceIp.
- Primary response code prc: 0 success; 1 rejected by the payment bank (src is the bank's response code: 01 / 02
  / 05 / 51 bank decline, 41 / 43 lost / stolen card, 14 / 54 input error, ...); 3 rejected due to payer
  authentication failure (3-D Secure); -1 rejected due to input parameters incorrect; -2 rejected due to server
  access error; -8 rejected due to PayDollar internal / fraud prevention checking (src: 999 other, 1000 skipped
  transaction, 2000 blacklist error, 2001 / 2002 blacklist card by system / merchant, 2003 / 2004 black IP by
  system / merchant, 2005 invalid cardholder name, 2006 same card used more than 6 times a day, 2007 duplicate
  merchant reference no., 2008 empty merchant reference no., 2011 other, 2012 card verification failed, 2013 card
  already registered, 2014 high risk country, 2016 same payer IP attempted more than the pre-defined number a
  day, 2017 invalid card number, 2018 multi-card attempt, 2019 issuing bank not match, 2020 / 2021 / 2022 single /
  daily / monthly transaction limit exceeded, 2023 invalid channel type, 2031-2033 system rejected, 2099 non
  testing card); -9 rejected by host access error; -10 system error.

TxTime is PayDollar's local time with no zone, so it is not read as the event time. The bank's codes under
prc 1 are ISO 8583 response codes, read through the shared table. Failures of the
request itself (prc -1, -2, -9, -10; -8 with a reference or channel error) are ERROR, not declines.

Lifecycle identity: PayRef is the attempt; the merchant's Ref is the payment.
"""

from __future__ import annotations

from typing import Any

KEY = "payobs_asiapay"

STATUSES = {"0": "APPROVED", "1": "DECLINED"}

_PSP_RISK = {"reason": "RISK_REJECTED", "source": "PSP_RISK"}
_MERCHANT_RISK = {"reason": "RISK_REJECTED", "source": "MERCHANT_RISK"}

REASONS = {
    # prc 3 and the request-level primary codes.
    "prc:3": "AUTHENTICATION_FAILED",
    "prc:-1": "INVALID_REQUEST",
    "prc:-2": "PROCESSING_ERROR",
    "prc:-9": "PROCESSING_ERROR",
    "prc:-10": "PROCESSING_ERROR",
    "prc:-8": _PSP_RISK,
    # prc -8 (PayDollar internal / fraud prevention checking) by secondary code.
    "-8:999": _PSP_RISK, "-8:1000": _PSP_RISK, "-8:2000": _PSP_RISK, "-8:2011": _PSP_RISK,
    "-8:2001": _PSP_RISK, "-8:2002": _MERCHANT_RISK, "-8:2003": _PSP_RISK, "-8:2004": _MERCHANT_RISK,
    "-8:2005": {"reason": "INVALID_CARD_DATA", "source": "CUSTOMER"},
    "-8:2006": _PSP_RISK, "-8:2012": _PSP_RISK, "-8:2013": _PSP_RISK, "-8:2014": _PSP_RISK,
    "-8:2016": _PSP_RISK, "-8:2018": _PSP_RISK, "-8:2019": _PSP_RISK,
    "-8:2031": _PSP_RISK, "-8:2032": _PSP_RISK, "-8:2033": _PSP_RISK,
    "-8:2017": {"reason": "INVALID_CARD_DATA", "source": "CUSTOMER"},
    "-8:2020": {"reason": "LIMIT_EXCEEDED", "source": "MERCHANT_RISK"},
    "-8:2021": {"reason": "LIMIT_EXCEEDED", "source": "MERCHANT_RISK"},
    "-8:2022": {"reason": "LIMIT_EXCEEDED", "source": "MERCHANT_RISK"},
    "-8:2007": "DUPLICATE",
    "-8:2008": "INVALID_REQUEST",
    "-8:2023": "INVALID_REQUEST",
    "-8:2099": "INVALID_REQUEST",
}

# Failures of the request itself, not of the payment: ERROR.
REQUEST_FAILURES = ["prc:-1", "prc:-2", "prc:-9", "prc:-10", "-8:2007", "-8:2008", "-8:2023", "-8:2099"]

PAYMENT_METHODS = {
    **{card: "CARD" for card in ("visa", "master", "mastercard", "jcb", "amex", "diners", "cup", "unionpay",
                                 "discover")},
    "alipay": "WALLET", "alipayhk": "WALLET", "alipaycn": "WALLET", "wechat": "WALLET", "wechatpay": "WALLET",
    "paypal": "WALLET", "octopus": "WALLET", "gcash": "WALLET", "grabpay": "WALLET",
    "pps": "BANK_TRANSFER", "fps": "BANK_TRANSFER", "promptpay": "BANK_TRANSFER",
}


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def prepare(body: Any) -> Any:
    """The data feed with its response code keys (``payobs_asiapay``), or the body as it is."""
    if not isinstance(body, dict) or "successcode" not in body or "PayRef" not in body:
        return body
    prc, src = _text(body.get("prc")), _text(body.get("src"))
    codes: dict[str, str] = {}
    if prc == "-8" and src:
        codes["detail"] = f"-8:{src}"
    if prc == "1" and src:
        codes["bank"] = src  # the issuing bank's ISO 8583 response code
    if prc and prc not in ("0", "1"):
        codes["primary"] = f"prc:{prc}"
    request_failure = codes.get("detail") in REQUEST_FAILURES or codes.get("primary") in REQUEST_FAILURES
    successcode = _text(body.get("successcode"))
    outcome = successcode if successcode in STATUSES and not request_failure else "error"
    return {**body, KEY: {**codes, "outcome": outcome}}


SPEC = {
    "provider": "asiapay",
    "aliases": ["asiapay", "asia pay", "paydollar", "pay dollar", "pesopay", "siampay", "asiapay paydollar",
                "paydollar paygate"],
    "detect": [
        {"path": "PayRef", "exists": True, "weight": 0.3},
        {"path": "successcode", "in": ["0", "1", "-1"], "weight": 0.3},
        {"path": "prc", "exists": True, "weight": 0.1},
        {"path": "src", "exists": True, "weight": 0.1},
        {"path": "payerAuth", "exists": True, "weight": 0.1},
        {"path": "channelType", "exists": True, "weight": 0.1},
        {"path": "AlertCode", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "major",
    "status_map": {**STATUSES, "error": "ERROR"},
    "reason_map": REASONS,
    "reason_fallback": "iso8583",
    "payment_method_map": PAYMENT_METHODS,
    "card_brand_map": {"cup": "unionpay", "master": "mastercard"},
    "variants": [
        {
            "name": "datafeed",
            "match": {f"{KEY}.outcome": {"exists": True}},
            "fields": {
                "provider_transaction_id": ["PayRef"],
                "status": [f"{KEY}.outcome"],
                "reason_code": [f"{KEY}.detail", f"{KEY}.bank", f"{KEY}.primary"],
                "amount": ["Amt"],
                "currency": ["Cur"],
                "payment_method": ["payMethod"],
                "card_brand": ["payMethod"],
                "merchant_id": ["MerchantId"],
                "attempt_id": ["PayRef"],
                "payment_id": ["Ref"],
                "card_country": ["cardIssuingCountry"],
                "customer_country": ["ipCountry"],
            },
        },
    ],
}
