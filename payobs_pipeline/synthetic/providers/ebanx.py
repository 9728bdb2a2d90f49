"""EBANX in its own words: payment and refund responses.

Ground truth written from EBANX's API documentation (payment status codes, card response descriptions),
independently of normalization/providers/ebanx.py."""

from __future__ import annotations

from payobs_pipeline.synthetic.amounts import major_units_text, refund_amount
from payobs_pipeline.synthetic.payments import TEST_CARD_NUMBERS
from payobs_pipeline.synthetic.provider_base import LifecycleHooks, ProviderRenderer
from payobs_pipeline.synthetic.randomness import LOWERCASE_ALPHANUMERIC, choice, random_digits, random_token
from payobs_pipeline.synthetic.truth import refund_truth
from payobs_pipeline.synthetic.vocabulary import EventKind, FailureReason, PaymentMethod, StatusCategory


class EbanxRenderer(ProviderRenderer):
    name = "ebanx"
    declines = {
        FailureReason.INSUFFICIENT_FUNDS: ["Insufficient funds"],
        # transaction_status.description values of EBANX's card response code table only
        FailureReason.GENERIC_DECLINE: ["Not accepted"],
        FailureReason.EXPIRED_CARD: ["Expired card"],
        FailureReason.INVALID_CARD_DATA: ["Invalid card number", "Invalid card or card type",
                                          "Incorrect customer data"],
        FailureReason.INCORRECT_CVC: ["Security code mismatch"],
        FailureReason.AUTHENTICATION_REQUIRED: ["3-D Secure required"],
    }
    statuses = frozenset({StatusCategory.APPROVED, StatusCategory.DECLINED, StatusCategory.PENDING,
                          StatusCategory.CANCELLED, StatusCategory.REFUNDED})
    _METHODS = {"visa": PaymentMethod.CARD, "mastercard": PaymentMethod.CARD, "elo": PaymentMethod.CARD,
                "amex": PaymentMethod.CARD, "boleto": PaymentMethod.BOLETO,
                "pix": PaymentMethod.PIX, "oxxo": PaymentMethod.CASH_VOUCHER, "spei": PaymentMethod.BANK_TRANSFER,
                "pse": PaymentMethod.BANK_TRANSFER,
                "efecty": PaymentMethod.CASH_VOUCHER, "pagoefectivo": PaymentMethod.CASH_VOUCHER,
                "servipag": PaymentMethod.BANK_TRANSFER}
    _LOCAL = {"BR": ("pix", "boleto"), "MX": ("oxxo", "spei"), "CO": ("pse", "efecty"), "CL": ("servipag",),
              "PE": ("pagoefectivo",)}

    def setup(self, rng, pay, needs_card):
        r = rng.random()
        if needs_card or r < 0.55:
            pay.method = ("visa", "mastercard", "elo" if pay.country == "BR" else "amex")[int(r * 1e6) % 3]
        else:
            pay.method = choice(rng, self._LOCAL[pay.country])
        pay.txn_id = random_token(rng, 40, LOWERCASE_ALPHANUMERIC)
        pay.aux["code"] = "mpc_" + random_digits(rng, 9)

    def render(self, rng, pay, out, when):
        st, reason, code = out
        method = self._METHODS[pay.method]
        ts = when.strftime("%Y-%m-%d %H:%M:%S")
        major = major_units_text(pay.amount_minor, pay.currency)
        status = {StatusCategory.APPROVED: "CO", StatusCategory.DECLINED: "CA",
                  StatusCategory.PENDING: choice(rng, ("PE", "OP")), StatusCategory.CANCELLED: "CA",
                  StatusCategory.REFUNDED: "CO"}[st]
        payment = {"hash": pay.txn_id, "country": pay.country.lower(), "merchant_payment_code": pay.aux["code"],
                   "order_number": None, "status": status, "status_date": ts, "open_date": ts,
                   "confirm_date": ts if status == "CO" else None, "transfer_date": None,
                   "amount_br": major if pay.currency == "BRL" else None, "amount_ext": major, "amount_iof": "0.00",
                   "currency_rate": "1.0000", "currency_ext": pay.currency,
                   "due_date": when.date().isoformat(), "instalments": "1", "payment_type_code": pay.method,
                   "pre_approved": status == "CO", "capture_available": False}
        if method is PaymentMethod.CARD:
            payment["transaction_status"] = {"acquirer": "EBANX",
                                             "code": "NOK" if st is StatusCategory.DECLINED else "OK",
                                             "description": code if st is StatusCategory.DECLINED else "Accepted"}
            if pay.pii:
                payment["card"] = {"card_number": TEST_CARD_NUMBERS[5], "card_cvv": "123"}
        if st is StatusCategory.REFUNDED:
            rid = random_digits(rng, 6)
            amount = refund_amount(rng, pay)
            refund = {"id": rid, "merchant_refund_code": "ref_" + random_digits(rng, 6), "status": "CO",
                      "request_date": ts, "pending_date": ts, "confirm_date": ts,
                      "amount_ext": major_units_text(amount, pay.currency), "description": "Customer request"}
            payment["refunds"] = [refund]
            return {"payment": payment, "refund": refund, "status": "SUCCESS"}, \
                self.expected(pay, out, method, rid, amount)
        return {"payment": payment, "status": "SUCCESS"}, self.expected(pay, out, method, kind=EventKind.AUTHORIZATION)


class EbanxLifecycle(LifecycleHooks):
    caps = frozenset({"retry", "refund"})
    same_payment_retry = False  # merchant_payment_code is unique per payment request

    def new_attempt(self, rng, pay, new_payment):
        pay.txn_id = random_token(rng, 40, LOWERCASE_ALPHANUMERIC)
        pay.aux["code"] = "mpc_" + random_digits(rng, 9)

    def refund(self, rng, pay, when, rid, amount, status, first):
        data, truth = self.renderer.render(rng, pay, self.renderer.outcome(rng, StatusCategory.REFUNDED), when)
        refund = data["refund"]
        refund.update(id=rid, amount_ext=major_units_text(amount, pay.currency),
                      status={"succeeded": "CO", "pending": "PE", "failed": "CA"}[status])
        if status != "succeeded":
            refund["confirm_date"] = None
        return data, refund_truth(truth, rid, amount, status)

    def new_refund_id(self, rng, pay):
        return random_digits(rng, 6)
