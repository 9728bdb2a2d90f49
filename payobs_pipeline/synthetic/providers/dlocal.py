"""dLocal in its own words: payments, refunds, chargebacks and captures.

Ground truth written from dLocal's API reference (status codes, rejection codes 300-321),
independently of normalization/providers/dlocal.py."""

from __future__ import annotations

from payobs_pipeline.synthetic.amounts import major_units_number, refund_amount
from payobs_pipeline.synthetic.payments import TEST_CARD_NUMBERS
from payobs_pipeline.synthetic.provider_base import LifecycleHooks, ProviderRenderer
from payobs_pipeline.synthetic.randomness import LOWERCASE_ALPHANUMERIC, random_digits, random_token, random_uuid
from payobs_pipeline.synthetic.traffic_mix import STATUS_SHARES
from payobs_pipeline.synthetic.truth import refund_truth
from payobs_pipeline.synthetic.vocabulary import EventKind, FailureReason, PaymentMethod, StatusCategory


class DLocalRenderer(ProviderRenderer):
    name = "dlocal"
    declines = {
        FailureReason.UNKNOWN: [("300", "The payment was rejected.")],
        FailureReason.GENERIC_DECLINE: [("301", "Rejected by bank."), ("306", "Call bank for authorize.")],
        FailureReason.INSUFFICIENT_FUNDS: [("302", "Insufficient amount.")],
        FailureReason.RISK_REJECTED: [("303", "Card blacklisted."), ("304", "Score validation."),
                                      ("317", "Rejected due to high risk.")],
        FailureReason.LIMIT_EXCEEDED: [("305", "Max attempts reached."), ("319", "Amount exceeded.")],
        FailureReason.DUPLICATE: [("307", "Duplicated payment.")],
        FailureReason.RESTRICTED_CARD: [("308", "Credit card disabled."), ("312", "Card restricted by the bank.")],
        FailureReason.EXPIRED_CARD: [("309", "Card expired.")],
        FailureReason.LOST_OR_STOLEN_CARD: [("310", "Card reported lost."), ("313", "Card reported stolen.")],
        FailureReason.INVALID_CARD_DATA: [("314", "Invalid card number.")],
        FailureReason.INCORRECT_CVC: [("315", "Invalid security code.")],
        FailureReason.TRANSACTION_NOT_PERMITTED: [("316", "Unsupported operation.")],
        FailureReason.AUTHENTICATION_REQUIRED: [("320", "3D-Secure is required.")],
        FailureReason.PROCESSING_ERROR: [("321", "Error in acquirer.")],
    }
    statuses = frozenset(STATUS_SHARES) - {StatusCategory.UNKNOWN, StatusCategory.ERROR}
    _METHODS = {"CARD": PaymentMethod.CARD, "BL": PaymentMethod.BOLETO, "OX": PaymentMethod.CASH_VOUCHER}

    def setup(self, rng, pay, needs_card):
        r = rng.random()
        pay.method = "CARD"
        if not needs_card and r > 0.8 and pay.country in ("BR", "MX"):
            pay.method = "BL" if pay.country == "BR" else "OX"
        pay.txn_id = f"D-4-{random_uuid(rng)}"
        pay.aux["order"] = random_digits(rng, 10)

    def render(self, rng, pay, out, when):
        st, reason, code = out
        method = self._METHODS[pay.method]
        ts = when.strftime("%Y-%m-%dT%H:%M:%S.000+0000")
        if st is StatusCategory.REFUNDED:
            rid = f"REF-{random_digits(rng, 5)}-{random_uuid(rng)}"
            amount = refund_amount(rng, pay)
            body = {"id": rid, "payment_id": pay.txn_id, "status": "SUCCESS", "status_code": 200,
                    "status_detail": "The refund was paid.", "amount": major_units_number(amount, pay.currency),
                    "currency": pay.currency, "created_date": ts,
                    "notification_url": "https://merchant.example.com/ipn"}
            return body, self.expected(pay, out, None, rid, amount)  # a dLocal refund names no method
        if st is StatusCategory.CHARGEBACK:
            cid = f"CHAR{random_digits(rng, 2)}-{random_uuid(rng)}"
            body = {"id": cid, "payment_id": pay.txn_id, "amount": major_units_number(pay.amount_minor, pay.currency),
                    "currency": pay.currency, "status": "COMPLETED", "status_code": 200,
                    "status_detail": "The chargeback was completed.", "created_date": ts,
                    "notification_url": "https://merchant.example.com/chargebacks"}
            return body, self.expected(pay, out, None, cid)  # a dLocal chargeback names no method
        if st is StatusCategory.APPROVED:
            status, scode, detail = ("PAID", "200", "The payment was paid.") if rng.random() < 0.9 else \
                ("AUTHORIZED", "600", "The payment was authorized.")
        elif st is StatusCategory.DECLINED:
            status, (scode, detail) = "REJECTED", code
        elif st is StatusCategory.PENDING:
            status, scode, detail = "PENDING", "100", "The payment is pending."
        else:
            status, scode, detail = "CANCELLED", "400", "The payment was cancelled."
        body = {"id": pay.txn_id, "amount": major_units_number(pay.amount_minor, pay.currency),
                "currency": pay.currency,
                "payment_method_id": pay.method, "payment_method_type": "CARD" if pay.method == "CARD" else "TICKET",
                "payment_method_flow": "DIRECT" if pay.method == "CARD" else "REDIRECT", "country": pay.country,
                "created_date": ts, "status": status, "status_code": scode, "status_detail": detail,
                "order_id": pay.aux["order"], "notification_url": "https://merchant.example.com/ipn"}
        if st is StatusCategory.APPROVED:
            body["approved_date"] = ts
        if pay.method == "CARD":
            card = {"holder_name": "Thiago Gabriel", "expiration_month": pay.card.exp_month,
                    "expiration_year": pay.card.exp_year, "brand": pay.card.brand[:2].upper(), "last4": pay.card.last4}
            if pay.pii:
                card["number"] = TEST_CARD_NUMBERS[0]
                card["cvv"] = "123"
            body["card"] = card
        else:
            body["ticket"] = {"type": "CUSTOM", "number": random_digits(rng, 12), "expiration_date": ts,
                              "id": random_token(rng, 12, LOWERCASE_ALPHANUMERIC)}
        return body, self.expected(pay, out, method, kind=EventKind.AUTHORIZATION)  # CANCELLED: never paid


class DLocalLifecycle(LifecycleHooks):
    caps = frozenset({"retry", "capture", "refund"})

    def new_attempt(self, rng, pay, new_payment):
        pay.method = "CARD"
        pay.txn_id = f"D-4-{random_uuid(rng)}"
        if new_payment:
            pay.aux["order"] = random_digits(rng, 10)

    def auth_only(self, rng, pay, when):
        data, truth = self.auth(rng, pay, self.renderer.outcome(rng, StatusCategory.APPROVED), when)
        data.update(status="AUTHORIZED", status_code="600", status_detail="The payment was authorized.")
        return data, truth

    def capture(self, rng, pay, when):
        cid = f"D-4-{random_uuid(rng)}"
        ts = when.strftime("%Y-%m-%dT%H:%M:%S.000+0000")
        data = {"id": cid, "authorization_id": pay.txn_id, "amount": major_units_number(pay.amount_minor, pay.currency),
                "currency": pay.currency, "status": "PAID", "status_code": "200",
                "status_detail": "The payment was paid.", "order_id": pay.aux["order"], "created_date": ts,
                "approved_date": ts}
        return data, self.renderer.expected(pay, self.renderer.outcome(rng, StatusCategory.APPROVED),
                                            PaymentMethod.CARD, cid, kind=EventKind.CAPTURE)

    def refund(self, rng, pay, when, rid, amount, status, first):
        data, truth = self.renderer.render(rng, pay, self.renderer.outcome(rng, StatusCategory.REFUNDED), when)
        word, code, detail = {"succeeded": ("SUCCESS", 200, "The refund was paid."),
                              "pending": ("PENDING", 100, "The refund is pending."),
                              "failed": ("REJECTED", 300, "The refund was rejected.")}[status]
        data.update(id=rid, amount=major_units_number(amount, pay.currency), status=word, status_code=code,
                    status_detail=detail)
        return data, refund_truth(truth, rid, amount, status)

    def new_refund_id(self, rng, pay):
        return f"REF-{random_digits(rng, 5)}-{random_uuid(rng)}"
