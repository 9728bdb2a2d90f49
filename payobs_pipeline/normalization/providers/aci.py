"""ACI Worldwide's Open Payment Platform (OPPWA, formerly PAY.ON; ACI's "ACI PAY.ON" / Secure Payment Gateway),
and the resellers that run it under their own name (HyperPay in Saudi Arabia / Jordan / the UAE, Total
Processing in the UK, ...): Copy and Pay and Server-to-Server payment results, API error bodies and webhooks.

The result codes (the documented regular-expression families and the specific codes), the payment fields, the
rules for captures / reversals / refunds / chargebacks and the prepare hook are shared with Peach Payments,
which runs on the same platform, in ``_oppwa.py``; its docstring cites the result-code sources
(https://docs.oppwa.com/reference/resultCodes, https://hyperpay.docs.oppwa.com/reference/resultCodes and the
mirrors).

Sources particular to ACI:
- https://docs.oppwa.com/reference/parameters, https://docs.oppwa.com/integrations/server-to-server and
  https://docs.aciworldwide.com (payment response: id, paymentType DB / PA / CP / RV / RF / CD / RB, paymentBrand,
  amount as a decimal string in major units, currency, descriptor, merchantTransactionId, referencedId,
  result {code, description}, resultDetails, card {bin, binCountry, last4Digits, holder, expiryMonth,
  expiryYear}, customer, billing, risk, buildNumber, timestamp "2019-01-17 10:42:33+0000", ndc; an API error
  is an HTTP 400 / 401 / 403 body with the same result {code, description, parameterErrors}, buildNumber,
  timestamp, ndc and no payment fields; webhooks, decrypted: {"type": "PAYMENT" | "REGISTRATION" | "RISK",
  "payload": {...}})
- https://docs.oppwa.com/reference/brands and HyperPay's brand list (MADA, STC_PAY, APPLEPAY, TABBY, TAMARA,
  SADAD, KNET, BENEFIT, ...); https://docs.edfapay.com/docs/payment-methods (mada: the Saudi debit card scheme)

Detection: an OPPWA payment whose currency is one of Peach Payments' markets (ZAR, KES, MUR), or whose brand
is one of Peach's local methods, is Peach Payments'; one in any other currency is ACI's, and so are an
invalid-parameter error body (result.parameterErrors) and a registration / risk webhook. An OPPWA error body
without parameterErrors (no currency, nothing particular) is detected by neither without a hint.

Lifecycle identity: a payment's ``id`` is the attempt; a capture, reversal or refund names it in referencedId
(its own id is the refund); payment_id is the merchant's merchantTransactionId.
"""

from __future__ import annotations

from payobs_pipeline.normalization.currency import MINOR_UNIT_EXPONENTS
from payobs_pipeline.normalization.providers import _oppwa
from payobs_pipeline.normalization.providers._oppwa import (  # noqa: F401  (the shared table, named here too)
    CODE_REASONS,
    FAMILIES,
    FAMILY_REASONS,
    FAMILY_STATUSES,
    family,
    prepare,
)

PAYMENT_METHODS = {
    **{brand: "CARD" for brand in _oppwa.CARD_BRAND_METHODS},
    "mada": "CARD",  # the Saudi debit card scheme
    "knet": "CARD",  # Kuwait's debit card network
    "benefit": "CARD",  # Bahrain's debit card network
    "meeza": "CARD",
    "bcmc": "CARD",
    "applepay": "WALLET",
    "googlepay": "WALLET",
    "samsungpay": "WALLET",
    "paypal": "WALLET",
    "stc_pay": "WALLET",
    "urpay": "WALLET",
    "alipay": "WALLET",
    "wechat_pay": "WALLET",
    "masterpass": "WALLET",
    "tabby": "BNPL",
    "tamara": "BNPL",
    "klarna_payments_paylater": "BNPL",
    "klarna_payments_sliceit": "BNPL",
    "klarna_payments_paynow": "BNPL",
    "afterpay_pacific": "BNPL",
    "clearpay": "BNPL",
    "sadad": "BANK_TRANSFER",
    "sofortueberweisung": "BANK_TRANSFER",
    "ideal": "BANK_TRANSFER",
    "giropay": "BANK_TRANSFER",
    "eps": "BANK_TRANSFER",
    "przelewy": "BANK_TRANSFER",
    "trustly": "BANK_TRANSFER",
    "directdebit_sepa": "DIRECT_DEBIT",
    "boleto": "BOLETO",
    "pix": "PIX",
    "oxxo": "CASH_VOUCHER",
}
CARD_BRANDS = {
    "MASTER": "mastercard", "MADA": "mada", "KNET": "knet", "BENEFIT": "benefit", "MEEZA": "meeza",
    **{brand: None for brand in ("APPLEPAY", "GOOGLEPAY", "SAMSUNGPAY", "PAYPAL", "STC_PAY", "STCPAY", "URPAY", "ALIPAY",
                                 "WECHAT_PAY", "MASTERPASS", "TABBY", "TAMARA", "KLARNA_PAYMENTS_PAYLATER",
                                 "KLARNA_PAYMENTS_SLICEIT", "KLARNA_PAYMENTS_PAYNOW", "AFTERPAY_PACIFIC", "CLEARPAY",
                                 "SADAD", "SOFORTUEBERWEISUNG", "IDEAL", "GIROPAY", "EPS", "PRZELEWY", "TRUSTLY",
                                 "DIRECTDEBIT_SEPA", "BOLETO", "PIX", "OXXO")},
}

NON_PEACH_CURRENCIES = sorted(set(MINOR_UNIT_EXPONENTS) - set(_oppwa.PEACH_CURRENCIES))

SPEC = {
    "provider": "aci",
    "aliases": ["aci", "aci_worldwide", "aci worldwide", "aciworldwide", "oppwa", "open payment platform",
                "aci pay.on", "aci_payon", "payon", "pay.on", "hyperpay", "hyper_pay", "hyper pay",
                "totalprocessing", "total_processing", "total processing", "aci_secure_payment_gateway"],
    "detect": [
        # The platform's shape alone stays below the threshold (it is Peach Payments' too): a payment in a
        # currency other than Peach Payments' markets (ZAR, KES, MUR) is ACI's; so are an invalid-parameter
        # error body and a registration / risk webhook, which Peach Payments' detector does not claim.
        *_oppwa.detect(0.55),
        {"path": "currency", "in": NON_PEACH_CURRENCIES, "weight": 0.15},
        {"path": "payload.currency", "in": NON_PEACH_CURRENCIES, "weight": 0.15},
        {"path": "result.parameterErrors", "exists": True, "weight": 0.2},
        {"path": "type", "in": ["REGISTRATION", "RISK"], "weight": 0.25},
    ],
    "amount_unit": "major",
    "reason_map": {**CODE_REASONS, **FAMILY_REASONS},
    "payment_method_map": PAYMENT_METHODS,
    "card_brand_map": CARD_BRANDS,
    "variants": _oppwa.variants("ACI"),
}
