"""iPay88 (Malaysia, Indonesia, Philippines; Online Payment Switching Gateway, OPSG): the payment response posted to
the merchant's ResponseURL and, with the same parameters, to its BackendURL (the backend post), and the plain-text
answers of the re-query (enquiry) page.

Sources:
- iPay88 OPSG Technical Specification (Malaysia; v1.6.1 on scribd "iPay88-Technical-Spec-V1-6-1", and the Merchant
  Tokenization spec v1.0.6 on fliphtml5 "iPay88 Technical Spec (MT) V1.0.6", p. 10 "Payment Response Parameters"):
  MerchantCode, PaymentId (the payment method), RefNo ("Unique merchant transaction number / Order ID"), Amount
  ("Payment amount with two decimals and thousand symbols. Example: 1,278.99"), Currency, Remark, TransId ("iPay88
  OPSG Transaction ID"), AuthCode ("Bank's approval code"), Status ("1" - Success, "0" - Fail), ErrDesc ("Payment
  status description (Refer to Appendix I.pdf)"), Signature, and for cards CCName, CCNo, S_bankname, S_country
  (the issuing bank and its country), TokenId / BindCardErrDesc for card binding.
  The backend post sends the same parameters server to server (the merchant answers "RECEIVEOK").
- Re-query (p. 28, "Possible reply from iPay88 OPSG"): "00" Successful payment, "Invalid parameters", "Record not
  found", "Incorrect amount" (amount different), "Payment fail", "M88Admin" (payment status updated by iPay88 admin,
  fail). The three request errors are plain-text ERROR answers (``text_variants``, read under an iPay88 hint);
  "00", "Payment fail" and "M88Admin" are a payment's status, which a text body cannot carry here.
- The error messages of the payment page (iPay88 Philippines integration FAQ, www.ipay88.com.ph/integration-faq,
  the same words as the Malaysian Appendix I): Duplicate Reference Number, Invalid Merchant Code, Invalid
  Parameters, Status Not Approved (merchant account not active or suspended), Overlimit Per Transaction, Payment
  Not Allowed (method not allowed for the merchant account), Signature Not Match, Permission Not Allowed (request
  URL not registered).
- Status "6" (pending, for payment methods completed later) and the PaymentId list (2 credit card, 6 Maybank2u,
  8 Alliance Online, 10 AmOnline, 14 RHB Online, 15 Hong Leong Online, 20 CIMB Clicks, 55 credit card pre-auth,
  210 Boost, 523 GrabPay, 538 Touch 'n Go eWallet, 801 ShopeePay) are recollections of the Malaysian spec's
  appendix, not read here; an id not listed is OTHER.

Currency is always named (MYR, IDR, PHP, ...), so none is assumed. A failed response with no ErrDesc the tables
know is DECLINED / UNKNOWN; S_country is the card issuer's country.

Lifecycle identity: TransId is the attempt; the merchant's RefNo is the payment.
"""

from __future__ import annotations

STATUSES = {"1": "APPROVED", "0": "DECLINED", "6": "PENDING"}

MERCHANT_CONFIG = {"reason": "CONFIGURATION_ERROR", "source": "MERCHANT_CONFIG"}

# ErrDesc texts (payment page errors); matched without case.
REASONS = {
    "0": "UNKNOWN",  # a failure naming no documented description
    "Duplicate reference number": "DUPLICATE",
    "Invalid merchant": MERCHANT_CONFIG,
    "Invalid merchant code": MERCHANT_CONFIG,
    "Invalid parameters": "INVALID_REQUEST",
    "Status not approved": MERCHANT_CONFIG,
    "Overlimit per transaction": "LIMIT_EXCEEDED",
    "Payment not allowed": MERCHANT_CONFIG,
    "Signature not match": MERCHANT_CONFIG,
    "Signature does not match": MERCHANT_CONFIG,
    "Permission not allow": MERCHANT_CONFIG,
    "Permission not allowed": MERCHANT_CONFIG,
}

PAYMENT_METHODS = {
    **{card: "CARD" for card in ("2", "55")},
    **{bank: "BANK_TRANSFER" for bank in ("6", "8", "10", "14", "15", "20")},
    **{wallet: "WALLET" for wallet in ("210", "523", "538", "801")},
}

TEXT_KEY = "_payobs_text"
REQUERY_ERRORS = {"Invalid parameters": "INVALID_REQUEST", "Record not found": "INVALID_REQUEST",
                  "Incorrect amount": "INVALID_REQUEST"}

SPEC = {
    "provider": "ipay88",
    "aliases": ["ipay88", "ipay 88", "ipay88 opsg", "ipay88 malaysia", "ipay88 indonesia", "ipay88 philippines",
                "mobile88", "ipay88_my", "ipay88_id", "ipay88_ph"],
    "detect": [
        {"path": "MerchantCode", "exists": True, "weight": 0.2},
        {"path": "PaymentId", "exists": True, "weight": 0.2},
        {"path": "ErrDesc", "exists": True, "weight": 0.2},
        {"path": "TransId", "exists": True, "weight": 0.1},
        {"path": "RefNo", "exists": True, "weight": 0.1},
        {"path": "AuthCode", "exists": True, "weight": 0.1},
        {"path": "Status", "in": list(STATUSES), "weight": 0.1},
        {"path": "S_bankname", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "major",
    "status_map": STATUSES,
    "reason_map": REASONS,
    "payment_method_map": PAYMENT_METHODS,
    "text_variants": [
        {"name": f"requery.{text.lower().replace(' ', '_')}", "match": {TEXT_KEY: text}, "status": "ERROR",
         "fields": {"reason_code": TEXT_KEY}, "reason_map": {text: reason}}
        for text, reason in REQUERY_ERRORS.items()
    ],
    "variants": [
        {
            "name": "payment_response",
            "match": {"RefNo": {"exists": True}, "Status": {"exists": True}},
            "event_kind": "AUTHORIZATION",
            "fields": {
                "provider_transaction_id": ["TransId", "RefNo"],
                "status": ["Status"],
                "reason_code": ["ErrDesc", "Status"],
                "amount": ["Amount"],
                "currency": ["Currency"],
                "payment_method": ["PaymentId"],
                "merchant_id": ["MerchantCode"],
                "card_country": ["S_country"],
                "attempt_id": ["TransId"],
                "payment_id": ["RefNo"],
            },
        },
    ],
}
